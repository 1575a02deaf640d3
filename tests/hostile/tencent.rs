//! Tencent Cloud IM REST replies built to hurt: a batch of 5,000 items (this binary measures the
//! heap of another test: the batch stays small), items nested 100,000
//! deep, items of the wrong type, repeated members, codes beyond `i64`. Each is read or refused
//! with a clean error; none is ever taken for a success.

use chat_error_codes::payload::{self, PayloadError, TencentReply};

use crate::support::{DEEP, on_small_stack};

#[test]
fn a_huge_batch_keeps_every_failed_item() {
    let items: Vec<String> = (0..5_000)
        .map(|i| {
            format!(
                r#"{{"To_Account":"u{i}","ResultCode":{},"ResultInfo":""}}"#,
                if i % 2 == 0 { 0 } else { 30010 }
            )
        })
        .collect();
    let body = format!(
        r#"{{"ActionStatus":"OK","ErrorCode":0,"ResultItem":[{}]}}"#,
        items.join(",")
    );
    let TencentReply::Partial(batch) = payload::parse_tencent_rest(&body).unwrap() else {
        panic!("not a partial failure")
    };
    assert_eq!(batch.failed(), 2_500);
    assert_eq!(batch.errors().next().unwrap().0, Some("u1"));
}

#[test]
fn deep_nesting_never_overflows_the_stack() {
    let open = "[".repeat(DEEP);
    let close = "]".repeat(DEEP);
    // An item that is itself nested arrays: not an item, a JSON error.
    let deep = format!(r#"{{"ActionStatus":"OK","ErrorCode":0,"ResultItem":[{open}0{close}]}}"#);
    let r = on_small_stack(move || {
        payload::parse_tencent_rest(&deep)
            .map(|_| ())
            .map_err(|e| e.to_string())
    });
    assert!(r.is_err(), "parsed");
    // Deep nesting in a member this crate skips: skipped without recursion, the item kept.
    let inside = format!(
        r#"{{"ActionStatus":"OK","ErrorCode":0,"ResultItem":[{{"ResultCode":1,"X":{open}0{close}}}]}}"#
    );
    let failed = on_small_stack(move || match payload::parse_tencent_rest(&inside) {
        Ok(TencentReply::Partial(batch)) => Ok(batch.failed()),
        other => Err(format!("{other:?}")),
    });
    assert_eq!(failed, Ok(1));
}

#[test]
fn malformed_replies_are_refused_never_a_success() {
    for body in [
        r#"{"ActionStatus":"OK","ErrorCode":0,"ResultItem":"x"}"#,
        r#"{"ActionStatus":"OK","ErrorCode":0,"ResultItem":[null]}"#,
        r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorList":[{"To_Account":1,"ErrorCode":70107}]}"#,
        r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorCode":1}"#,
        r#"{"ActionStatus":1,"ErrorCode":0}"#,
        r#"{"ActionStatus":"FAIL","ErrorCode":1.5}"#,
        r#"{"ActionStatus":"FAIL","ErrorCode":99999999999999999999999}"#,
        r#"{"ActionStatus":"OK","ErrorCode":0,"Fail_Account":[1]}"#,
        r#"["ActionStatus"]"#,
        "",
    ] {
        let r = payload::parse_tencent_rest(body);
        assert!(
            matches!(
                r,
                Err(PayloadError::Json { .. } | PayloadError::UnknownShape { .. })
            ),
            "{body}: {r:?}"
        );
        let one = payload::parse_tencent(body);
        assert!(one.is_err(), "{body}");
        assert!(!matches!(one, Err(PayloadError::Success { .. })), "{body}");
    }
}

#[test]
fn a_zim_message_never_yields_a_wrong_server_code() {
    for message in [
        "code: ",
        "code: 5",
        "code: 1e9, m",
        "code: 99999999999999999999, m",
        "code: -, m",
        "code: 5,",
        "\u{0}code: 5, m",
    ] {
        let body = serde_json::json!({"code": 6000001, "message": message}).to_string();
        let p = payload::parse_zego(&body).unwrap();
        let want = if message == "code: 5," { Some(5) } else { None };
        assert_eq!(p.server_code(), want, "{message:?}");
    }
}
