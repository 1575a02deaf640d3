//! Nesting 100,000 deep, in `details` and at top level: no recursion, clean errors.

use chat_error_codes::payload::{self, PayloadError};
use chat_error_codes::{AnyChatError, agora, cometchat, resolve::Unrecognized};

use crate::support::{DEEP, Parser, SHAPES, assert_json_error, on_small_stack};

/// `details` nested 100,000 deep is kept verbatim: serde_json skips a `RawValue` without
/// recursion, so neither the parse nor the re-serialization needs stack.
#[test]
fn details_nested_100_000_deep_are_kept_without_recursion() {
    on_small_stack(|| {
        for (open, close) in [("[", "]"), (r#"{"a":"#, "}")] {
            let nested = format!("{}1{}", open.repeat(DEEP), close.repeat(DEEP));
            for (input, parser) in [
                (
                    format!(r#"{{"error":{{"code":"ERR_X","details":{nested}}}}}"#),
                    payload::parse_rest as Parser,
                ),
                (
                    format!(r#"{{"type":605,"data":{nested}}}"#),
                    payload::parse_agora,
                ),
                (
                    format!(r#"{{"code":"X","name":"X","details":{nested}}}"#),
                    payload::parse,
                ),
            ] {
                let p = parser(&input).unwrap();
                assert_eq!(p.details().unwrap().get(), nested);
                assert_eq!(serde_json::to_string(&p).unwrap(), input);
            }
            // Unbalanced: a clean EOF error with its position.
            let cut = format!(
                r#"{{"error":{{"code":"ERR_X","details":{}1"#,
                open.repeat(DEEP)
            );
            assert_json_error("unbalanced details", payload::parse(&cut), &["EOF"]);
        }
    });
}

/// Top-level nesting 100,000 deep is a clean `PayloadError`, without recursion.
#[test]
fn top_level_nested_100_000_deep_is_a_clean_error() {
    on_small_stack(|| {
        let arrays = format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP));
        for (_, parser, ..) in SHAPES {
            let err = parser(&arrays).unwrap_err();
            assert!(
                matches!(
                    err,
                    PayloadError::UnknownShape {
                        found: "a JSON array"
                    }
                ),
                "{err:?}"
            );
        }
        let err = payload::parse(&arrays).unwrap_err();
        assert!(err.to_string().contains("found a JSON array"), "{err}");

        // Objects under an unknown key: skipped, then no vendor field.
        let objects = format!("{}1{}", r#"{"x":"#.repeat(DEEP), "}".repeat(DEEP));
        let err = payload::parse(&objects).unwrap_err();
        assert!(matches!(err, PayloadError::UnknownShape { .. }), "{err:?}");
        assert!(
            err.to_string().contains("`error`, `type` or `code`"),
            "{err}"
        );

        // Nested `error` objects: the innermost has no code.
        let errors = format!("{}{{}}{}", r#"{"error":"#.repeat(DEEP), "}".repeat(DEEP));
        let err = payload::parse_rest(&errors).unwrap_err();
        assert!(
            matches!(
                err,
                PayloadError::MissingCode {
                    field: "error.code",
                    ..
                }
            ),
            "{err:?}"
        );

        // Nesting in the code itself is rejected at the first level.
        for (name, parser, _, build) in SHAPES {
            let input = build(&arrays);
            assert_json_error(name, parser(&input), &["invalid type: sequence"]);
        }

        // Unbalanced at top level.
        let cut = "[".repeat(DEEP);
        assert_json_error("unbalanced", payload::parse(&cut), &["EOF"]);
        let cut = r#"{"code":"#.repeat(DEEP);
        assert_json_error("unbalanced objects", payload::parse(&cut), &[]);

        // The serde entry points meet the same input.
        assert!(serde_json::from_str::<AnyChatError>(&arrays).is_err());
        assert!(serde_json::from_str::<Unrecognized<'_>>(&arrays).is_err());
        assert!(serde_json::from_str::<agora::ChatError>(&arrays).is_err());
        assert!(serde_json::from_str::<cometchat::sdk::ChatError>(&arrays).is_err());
    });
}
