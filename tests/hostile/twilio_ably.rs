//! Twilio and Ably members read beyond `code`: nested `cause` chains, `reason` and `body`
//! objects, `retryIn` and statuses of every type. Each is a value or a clean error.

use chat_error_codes::payload::{self, PayloadError};

use crate::support::{DEEP, on_small_stack};

/// A `cause` chain far deeper than the four causes read, and a `cause` nested 100,000 deep: a
/// value with at most four causes, or a clean error; on a small stack.
#[test]
fn deep_cause_chains_are_bounded() {
    let mut chain = String::from(r#"{"code":40142,"statusCode":401}"#);
    for _ in 0..64 {
        chain = format!(r#"{{"code":80019,"statusCode":401,"cause":{chain}}}"#);
    }
    let p = payload::parse_ably(&chain).unwrap();
    assert_eq!(p.causes().len(), 4);
    let deep = on_small_stack(|| {
        let text = format!(
            r#"{{"code":80019,"cause":{}1{}}}"#,
            "[".repeat(DEEP),
            "]".repeat(DEEP)
        );
        let r = payload::parse_ably(&text).map(|p| p.causes().len());
        let d = payload::parse(&text).map(|p| p.causes().len());
        (r.map_err(|e| e.to_string()), d.map_err(|e| e.to_string()))
    });
    // Skipped without recursion (no cause read from it), or a clean error (detection refuses
    // the bare code as ambiguous); the point is that the small stack holds.
    for r in [deep.0, deep.1] {
        assert!(
            matches!(&r, Ok(0)) || r.as_ref().is_err_and(|e| !e.is_empty()),
            "{r:?}"
        );
    }
}

/// `reason`, `body` and `error` objects that are not what the shape expects: values or typed
/// errors, never a panic.
#[test]
fn odd_members_are_values_or_typed_errors() {
    let odd = [
        r#"{"reason":{"code":"x","statusCode":"401"}}"#,
        r#"{"reason":{"code":40142,"statusCode":401,"code":1}}"#,
        r#"{"reason":[1,2],"retryIn":"soon"}"#,
        r#"{"code":40142,"retryIn":1e308,"statusCode":401}"#,
        r#"{"code":40142,"retryIn":-1,"statusCode":-401}"#,
        r#"{"status":404,"description":7,"body":{"code":{"x":1}}}"#,
        r#"{"status":404,"description":"Not Found","body":"{\"code\":50350}"}"#,
        r#"{"terminal":{"a":1},"httpStatusCode":[401],"errorCode":1e400}"#,
        r#"{"error":{"terminal":true,"errorCode":"20104","httpStatusCode":"401"}}"#,
        r#"{"code":50300,"more_info":12,"status":"400"}"#,
        r#"{"code":40140,"href":null,"statusCode":null,"cause":"text"}"#,
        r#"{"type":"https://www.twilio.com/x","title":1,"detail":[],"code":20001,"status":400}"#,
    ];
    for input in odd {
        for (name, parser) in [
            (
                "parse_twilio",
                payload::parse_twilio as crate::support::Parser,
            ),
            ("parse_ably", payload::parse_ably),
            ("parse", payload::parse),
        ] {
            match parser(input) {
                Ok(p) => {
                    let _ = (p.canonical(), p.recovery(), p.retry_after(), p.status());
                    let again = serde_json::to_string(&p).unwrap();
                    assert!(!again.is_empty());
                }
                Err(e) => assert!(!e.to_string().is_empty(), "{name} {input}"),
            }
        }
    }
    let r = payload::parse_ably(r#"{"reason":{"code":40142,"statusCode":401,"code":1}}"#);
    assert!(matches!(r, Err(PayloadError::Json { .. })), "{r:?}");
    let p = payload::parse_ably(r#"{"code":40142,"retryIn":1e308,"statusCode":401}"#).unwrap();
    assert!(p.retry_after().is_some_and(|d| d.as_secs() == u64::MAX));
}
