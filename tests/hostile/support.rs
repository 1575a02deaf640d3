//! What the tests share: every payload parser with the field that carries the code and a builder of
//! payloads around a code, and the assertions on errors.

use chat_error_codes::payload::{self, ParsedError, PayloadError};

pub use crate::common::payload::Parser;

/// Builds a payload around a code's JSON text.
pub type Build = fn(&str) -> String;

/// The parsers with the field that carries the code, and how to build a payload around a code.
pub const SHAPES: [(&str, Parser, &str, Build); 12] = [
    ("parse_rest", payload::parse_rest, "error.code", |c| {
        format!(r#"{{"error":{{"code":{c},"message":"m"}}}}"#)
    }),
    ("parse_calls", payload::parse_calls, "error.code", |c| {
        format!(r#"{{"error":{{"code":{c},"message":"m"}}}}"#)
    }),
    ("parse_exception", payload::parse_exception, "code", |c| {
        format!(r#"{{"code":{c},"name":"X","message":"m"}}"#)
    }),
    ("parse_agora", payload::parse_agora, "type", |c| {
        format!(r#"{{"type":{c},"message":"m"}}"#)
    }),
    ("parse_genesys", payload::parse_genesys, "code", |c| {
        format!(r#"{{"code":{c},"message":"m"}}"#)
    }),
    (
        "parse_agora_rest",
        payload::parse_agora_rest,
        "error",
        |c| format!(r#"{{"error":{c},"exception":"x","error_description":"m"}}"#),
    ),
    ("parse_stream", payload::parse_stream, "code", |c| {
        format!(r#"{{"code":{c},"message":"m","StatusCode":400,"duration":"0.01ms"}}"#)
    }),
    ("parse_sendbird", payload::parse_sendbird, "code", |c| {
        format!(r#"{{"error":true,"code":{c},"message":"m"}}"#)
    }),
    ("parse_tencent", payload::parse_tencent, "code", |c| {
        format!(r#"{{"code":{c},"message":"m","data":{{}}}}"#)
    }),
    ("parse_zego", payload::parse_zego, "code", |c| {
        format!(r#"{{"code":{c},"message":"m"}}"#)
    }),
    ("parse_twilio", payload::parse_twilio, "code", |c| {
        format!(
            r#"{{"code":{c},"message":"m","more_info":"https://www.twilio.com/docs/errors/50300","status":400}}"#
        )
    }),
    ("parse_ably", payload::parse_ably, "error.code", |c| {
        format!(r#"{{"error":{{"code":{c},"message":"m","statusCode":400}}}}"#)
    }),
];

/// Asserts a JSON error with a position, whose message contains every one of `needles`.
pub fn assert_json_error(what: &str, r: Result<ParsedError<'_>, PayloadError>, needles: &[&str]) {
    let err = match r {
        Ok(p) => panic!("{what}: parsed, expected an error: {p:?}"),
        Err(err) => err,
    };
    let shown = err.to_string();
    assert!(
        matches!(err, PayloadError::Json { .. }),
        "{what}: expected PayloadError::Json, got {err:?}"
    );
    assert!(shown.starts_with("malformed "), "{what}: {shown}");
    assert!(
        shown.contains(" line ") && shown.contains(" column "),
        "{what}: no position in {shown}"
    );
    assert!(err.line().is_some_and(|l| l >= 1), "{what}: {err:?}");
    assert!(err.column().is_some_and(|c| c >= 1), "{what}: {err:?}");
    for needle in needles {
        assert!(shown.contains(needle), "{what}: {shown:?} lacks {needle:?}");
    }
}

/// Runs `f` on a thread with a 256 KB stack: deep recursion would overflow it and abort.
pub fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

pub const DEEP: usize = 100_000;
