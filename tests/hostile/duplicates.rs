//! Duplicate keys: an error naming the field, never a silent choice of one value.

use chat_error_codes::payload;
use chat_error_codes::{AnyChatError, resolve::Unrecognized};

use crate::support::{Parser, assert_json_error};

/// Duplicate keys, at top level and inside `error`: an error naming the field, not a silent
/// choice of one value.
#[test]
fn duplicate_keys_are_errors_naming_the_field() {
    let cases: [(&str, Parser, &str); 9] = [
        (
            r#"{"error":{"code":"A"},"error":{"code":"B"}}"#,
            payload::parse_rest,
            "error",
        ),
        (
            r#"{"error":{"code":"A"},"error":{"code":"B"}}"#,
            payload::parse_calls,
            "error",
        ),
        (
            r#"{"error":{"code":"A","code":"B"}}"#,
            payload::parse_rest,
            "code",
        ),
        (
            r#"{"error":{"code":"A","message":"x","message":"y"}}"#,
            payload::parse,
            "message",
        ),
        (
            r#"{"error":{"code":"A","details":1,"details":2}}"#,
            payload::parse_calls,
            "details",
        ),
        (
            r#"{"code":"A","code":"B"}"#,
            payload::parse_exception,
            "code",
        ),
        (
            r#"{"code":"A","name":"N","name":"M"}"#,
            payload::parse,
            "name",
        ),
        (r#"{"type":1,"type":2}"#, payload::parse_agora, "type"),
        (r#"{"code":101,"code":102}"#, payload::parse_genesys, "code"),
    ];
    for (input, parser, field) in cases {
        assert_json_error(
            input,
            parser(input),
            &[&format!("duplicate field `{field}`")],
        );
    }
    // The serde entry points too.
    let err =
        serde_json::from_str::<Unrecognized<'_>>(r#"{"table":"agora_chat","code":1,"code":2}"#)
            .unwrap_err();
    assert!(err.to_string().contains("duplicate field `code`"), "{err}");
    let err =
        serde_json::from_str::<AnyChatError>(r#"{"table":"agora_chat","table":"genesys_chat"}"#)
            .unwrap_err();
    assert!(err.to_string().contains("duplicate field `table`"), "{err}");
}
