//! The CometChat and Agora capture: every object parsed with the shape of the channel it came on,
//! against the table of expected classes decided by hand (`expected.tsv`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use chat_error_codes::payload::{self, ParsedError, PayloadError};
use chat_error_codes::{
    Canonical, ErrorInfo, Recovery,
    resolve::{RawCode, Resolution},
};

use crate::fixtures::{self, Expected};

fn dir() -> PathBuf {
    fixtures::root()
}

fn expected() -> BTreeMap<String, Expected> {
    fixtures::expected(&dir().join("expected.tsv"))
}

fn fixtures() -> Vec<(String, String)> {
    fixtures::objects(&dir())
}

/// The parser of the channel a fixture came on.
fn parse<'a>(file: &str, text: &'a str) -> Result<ParsedError<'a>, PayloadError> {
    if file.starts_with("cometchat_") {
        payload::parse_exception(text)
    } else {
        payload::parse_agora(text)
    }
}

#[test]
fn the_corpus_is_complete() {
    let files = fixtures();
    // The capture this corpus answers had 221 distinct objects.
    assert!(files.len() >= 221, "{} fixtures", files.len());
    let expected = expected();
    let names: Vec<&String> = files.iter().map(|(f, _)| f).collect();
    assert_eq!(
        names,
        expected.keys().collect::<Vec<_>>(),
        "expected.tsv lists every fixture"
    );
    let corpus = std::fs::read_to_string(dir().join("corpus.tsv")).unwrap();
    assert_eq!(
        corpus.lines().count() - 1,
        files.len(),
        "corpus.tsv lists every fixture"
    );
}

#[test]
fn every_fixture_gives_a_value_with_its_shape_named() {
    for (file, text) in fixtures() {
        let p = parse(&file, &text).unwrap_or_else(|e| panic!("{file}: {text}: {e}"));
        assert_eq!(p.raw(), text);
        // Nothing is lost: a value that re-serializes to a payload the same parser reads back.
        let again = serde_json::to_string(&p).unwrap();
        assert_eq!(
            parse(&file, &again).unwrap().resolution(),
            p.resolution(),
            "{file}"
        );
    }
}

#[test]
fn every_fixture_has_the_class_decided_by_hand() {
    let expected = expected();
    let mut wrong = Vec::new();
    for (file, text) in fixtures() {
        let p = parse(&file, &text).unwrap();
        let got = (p.canonical().to_string(), p.recovery().to_string());
        let want = &expected[&file];
        if (want.canonical.clone(), want.recovery.clone()) != got {
            wrong.push(format!("{file}: expected {want:?}, got {got:?}: {text}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_error_payload_is_success_and_no_network_failure_asks_for_a_login() {
    let network = ["Unavailable", "DeadlineExceeded"];
    let expected = expected();
    let mut network_failures = 0;
    for (file, text) in fixtures() {
        let p = parse(&file, &text).unwrap();
        assert_ne!(p.canonical(), Canonical::Ok, "{file}");
        assert_ne!(p.recovery(), Recovery::NoAction, "{file}");
        if network.contains(&expected[&file].canonical.as_str()) {
            network_failures += 1;
            assert_ne!(p.canonical(), Canonical::Unauthenticated, "{file}");
            assert_ne!(p.recovery(), Recovery::Reauthenticate, "{file}");
        }
    }
    assert!(network_failures >= 10, "{network_failures}");
}

// The defects the capture found, as regressions.

#[test]
fn a_login_failure_with_type_0_is_not_success() {
    let p =
        payload::parse_agora(r#"{"type":0,"message":"the user is empty or type is not string"}"#)
            .unwrap();
    assert_eq!(p.resolution().entry().unwrap().name(), "REQUEST_SUCCESS"); // the code as looked up
    assert_eq!(p.canonical(), Canonical::InvalidArgument);
    assert_eq!(p.recovery(), Recovery::FixRequest);
    assert_ne!(p.http_status(), 200);
}

#[test]
fn the_nested_cause_decides_and_a_network_failure_is_never_a_login_problem() {
    // Connection refused during the token request.
    let refused = r#"{"type":1,"message":"Request Unknow Error","data":{"type":-2,"message":"Request Unknow Error","errorType":"onerror","xhr":{},"extraInfo":{"elapse":0,"httpCode":0,"url":"http://127.0.0.1:59999/realclient/test/token"}}}"#;
    let p = payload::parse_agora(refused).unwrap();
    assert_eq!(p.cause().unwrap().code(), &RawCode::Int(-2));
    assert_eq!(p.canonical(), Canonical::Unavailable);
    assert!(p.recovery().is_retryable());
    // The token request timed out after 15 s.
    let timeout = r#"{"type":1,"message":"Request Timeout","data":{"type":-1,"message":"Request Timeout","errorType":"timeout_error","xhr":{},"extraInfo":{"elapse":15000,"httpCode":0,"url":"http://127.0.0.1:59998/realclient/test/token"}}}"#;
    let p = payload::parse_agora(timeout).unwrap();
    assert_eq!(p.canonical(), Canonical::DeadlineExceeded);
    assert_ne!(p.recovery(), Recovery::Reauthenticate);
    // Two levels: a DNS list failure caused by a refused request.
    let dns = r#"{"type":304,"message":"get DNS failed","data":{"type":304,"message":"Request Unknow Error","data":{"type":-2,"message":"Request Unknow Error","errorType":"onerror","xhr":{}}}}"#;
    let p = payload::parse_agora(dns).unwrap();
    assert_eq!(p.causes().len(), 2);
    assert_eq!(p.canonical(), Canonical::Unavailable);
    // Without a cause, type 1 is still a login failure.
    let p = payload::parse_agora(r#"{"type":1,"message":"invalid password"}"#).unwrap();
    assert_eq!(p.canonical(), Canonical::Unauthenticated);
}

#[test]
fn real_sdk_output_without_a_code_is_a_value() {
    let p = payload::parse_exception(
        r#"{"name":"TypeError","message":"Cannot read properties of undefined (reading 'get')"}"#,
    )
    .unwrap();
    let Resolution::Runtime(e) = p.resolution() else {
        panic!("{:?}", p.resolution())
    };
    assert_eq!(e.name(), "TypeError");
    assert_eq!(
        e.message(),
        Some("Cannot read properties of undefined (reading 'get')")
    );
    assert_eq!(p.canonical(), Canonical::InvalidArgument);
    for raw in ["{}", r#"{"status":false}"#] {
        let p = payload::parse_agora(raw).unwrap();
        assert!(p.resolution().is_unrecognized(), "{raw}");
        assert_eq!(p.code(), &RawCode::from(raw), "the raw text is kept");
        assert_eq!(serde_json::to_string(&p).unwrap(), raw);
    }
    // Detection without a hint may still refuse what it cannot place.
    assert!(payload::parse(r#"{"status":false}"#).is_err());
}

#[test]
fn a_code_with_several_causes_is_classed_for_all_of_them() {
    // 101 came from a network failure during an upload; the docs give "file too large".
    let p = payload::parse_agora(r#"{"type":101,"data":{}}"#).unwrap();
    assert_eq!(p.canonical(), Canonical::Unavailable);
    let e = p.resolution().entry().unwrap();
    assert!(e.note().unwrap().contains("network"));
    // 1 with a message that says more than the code.
    let p = payload::parse_agora(r#"{"type":1,"message":"the accessToken is illegal"}"#).unwrap();
    assert_eq!(p.canonical(), Canonical::InvalidArgument);
    let p = payload::parse_agora(r#"{"type":1,"message":"Currently logging in, please wait."}"#)
        .unwrap();
    assert_eq!(p.recovery(), Recovery::WaitForCompletion);
    // -1 on the WebSocket: reconnect rather than repeat the request.
    let p = payload::parse_agora(r#"{"type":-1,"message":"provision timeout"}"#).unwrap();
    assert_eq!(
        (p.canonical(), p.recovery()),
        (Canonical::DeadlineExceeded, Recovery::Reconnect)
    );
}
