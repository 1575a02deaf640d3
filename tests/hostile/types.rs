//! Values of the wrong JSON type: codes that are booleans, floats, arrays, objects or `null`,
//! an `error` member that is not an object, and numbers beyond `i64`.

use chat_error_codes::payload::{self, PayloadError, Shape};
use chat_error_codes::{
    AnyChatError, agora, cometchat, genesys,
    resolve::{RawCode, Unrecognized},
};

use crate::support::{Parser, SHAPES, assert_json_error};

/// The top-level guard against arrays (serde reads an array into a struct by position) does not
/// cover the `error` member: `{"error":["ERR_UID_NOT_FOUND"]}` parses as a REST body with code
/// `ERR_UID_NOT_FOUND`, and `{"error":[]}` reports a missing `error.code`.
#[test]
fn error_array_is_rejected() {
    for input in [
        r#"{"error":["ERR_UID_NOT_FOUND","name","message"]}"#,
        r#"{"error":[]}"#,
    ] {
        for parser in [
            payload::parse_rest as Parser,
            payload::parse_calls,
            payload::parse,
        ] {
            let r = parser(input);
            assert!(
                matches!(r, Err(PayloadError::Json { .. })),
                "{input}: {r:?}"
            );
        }
    }
}

/// A code of the wrong JSON type: a typed error naming what was found and what was expected;
/// `null` reads as a missing code and names the field.
#[test]
fn codes_of_the_wrong_json_type_are_typed_errors() {
    // Agora REST's `error` member is a string code; a boolean or an object there is another
    // vendor's (Sendbird's flag, CometChat's object): `agora_rest_error_of_another_type`.
    for (name, parser, field, build) in SHAPES.into_iter().filter(|s| s.0 != "parse_agora_rest") {
        for (value, found) in [
            ("true", "invalid type: boolean `true`"),
            ("1.5", "invalid type: floating point `1.5`"),
            ("[1]", "invalid type: sequence"),
            (r#"{"a":1}"#, "invalid type: map"),
        ] {
            let input = build(value);
            let r = parser(&input);
            // The position is in the whole input, at or after the offending value.
            let at = input.find(value).unwrap() + 1;
            let column = r.as_ref().err().and_then(PayloadError::column);
            assert!(
                column.is_some_and(|c| c >= at && c <= input.len()),
                "{name} {value}: column {column:?}, value at {at} in {input}"
            );
            assert_json_error(
                &format!("{name} {value}"),
                r,
                &[found, "expected an error code"],
            );
            // Shape detection meets the same field.
            assert_json_error(
                &format!("parse {value}"),
                payload::parse(&input),
                &[found, "expected an error code"],
            );
        }
        let input = build("null");
        if name == "parse_stream" || name == "parse_sendbird" {
            // stream-chat and the Sendbird SDK hand applications code-less errors
            // (`ErrorFromResponse` without a code, `isWSFailure`, a `SendbirdError` from a
            // failed fetch): a `null` code is such an error, kept whole and unrecognized (Stream
            // classifies it by its own `StatusCode`), never a code.
            let p = parser(&input).unwrap();
            assert!(
                p.resolution().is_unrecognized() && p.raw() == input,
                "{p:?}"
            );
            continue;
        }
        // ably writes `code: null` beside the status for a non-JSON answer, and Twilio's
        // parser reads the same: a value classed by the status, not a missing code.
        if matches!(name, "parse_twilio" | "parse_ably") {
            let p = parser(&input).unwrap();
            assert_eq!(p.status(), Some(400), "{name} null");
            continue;
        }
        let err = parser(&input).unwrap_err();
        match &err {
            PayloadError::MissingCode { field: f, .. } => assert_eq!(*f, field),
            other => panic!("{name} null: {other:?}"),
        }
        assert!(err.to_string().contains(&format!("`{field}`")), "{err}");
    }
    // The `error` member itself of the wrong type (an array: see
    // `error_array_is_rejected`).
    for value in ["true", "\"oops\"", "1"] {
        let input = format!(r#"{{"error":{value}}}"#);
        assert_json_error(
            &input,
            payload::parse_rest(&input),
            &["invalid type", "expected a JSON object"],
        );
    }
    let err = payload::parse_rest(r#"{"error":null}"#).unwrap_err();
    assert!(
        matches!(err, PayloadError::MissingCode { field: "error", .. }),
        "{err:?}"
    );
}

/// Numbers beyond `i64`: `u64::MAX`, `1e30`, a 400-digit integer (and `i64::MIN - 1`) are
/// typed errors, never wrapped or truncated into another code.
#[test]
fn numbers_beyond_i64_are_typed_errors() {
    let big = format!("9{}", "0".repeat(399));
    let cases: [(&str, &[&str]); 4] = [
        (
            "18446744073709551615",
            &["18446744073709551615", "within i64"],
        ),
        ("1e30", &["floating point", "expected an error code"]),
        (&big, &["number out of range"]),
        ("-9223372036854775809", &["floating point"]),
    ];
    for (number, needles) in cases {
        for (name, parser, _, build) in SHAPES.into_iter().filter(|s| s.0 != "parse_agora_rest") {
            let input = build(number);
            assert_json_error(&format!("{name} {number}"), parser(&input), needles);
        }
        // A decimal string of the same number is a string code: kept, not guessed.
        let agora_body = format!(r#"{{"type":"{number}"}}"#);
        let genesys_body = format!(r#"{{"code":"{number}"}}"#);
        let p = payload::parse_agora(&agora_body).unwrap();
        assert!(p.resolution().is_unrecognized(), "{:?}", p.resolution());
        assert_eq!(p.code(), &RawCode::from(number));
        let p = payload::parse_genesys(&genesys_body).unwrap();
        assert!(p.resolution().is_unrecognized(), "{:?}", p.resolution());

        // Typed serde entry points.
        let err = serde_json::from_str::<agora::ChatError>(number).unwrap_err();
        if number != big {
            assert!(err.to_string().contains("agora_chat"), "{number}: {err}");
        }
        assert!(serde_json::from_str::<genesys::ChatError>(number).is_err());
        assert!(serde_json::from_str::<cometchat::rest::ChatError>(number).is_err());
        for json in [
            format!(r#"{{"table":"agora_chat","code":{number}}}"#),
            format!(r#"{{"table":"genesys_chat","code":{number}}}"#),
        ] {
            let err = serde_json::from_str::<AnyChatError>(&json).unwrap_err();
            assert!(err.line() == 1 && err.column() > 0, "{json}: {err}");
            assert!(serde_json::from_str::<Unrecognized<'_>>(&json).is_err());
            assert!(serde_json::from_str::<RawCode<'_>>(number).is_err());
        }
    }
    // u64::MAX as an agora code names the number it rejected, in full.
    let err = serde_json::from_str::<agora::ChatError>("18446744073709551615").unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown agora_chat error code 18446744073709551615"),
        "{err}"
    );
    // The largest i64 is a valid, unrecognized code.
    let max = format!(r#"{{"type":{}}}"#, i64::MAX);
    let p = payload::parse_agora(&max).unwrap();
    assert_eq!(p.code(), &RawCode::Int(i64::MAX));
    assert_eq!(p.shape(), Shape::AgoraErrorEvent);
    assert!(p.resolution().is_unrecognized());
}

/// Agora REST's `error` is a string: a number of any size, a float, an array or `true` there
/// is a typed error (a JSON error with its position, or a missing code naming `error`), never a
/// code.
#[test]
fn agora_rest_error_of_another_type() {
    let big = format!("9{}", "0".repeat(399));
    for value in [
        "true",
        "false",
        "1.5",
        "[1]",
        "18446744073709551615",
        "1e30",
        &big,
        "-1",
    ] {
        let input = format!(r#"{{"error":{value},"exception":"x","error_description":"m"}}"#);
        match payload::parse_agora_rest(&input) {
            Err(PayloadError::Json { .. }) => {
                let err = payload::parse_agora_rest(&input).unwrap_err();
                assert!(err.column().is_some_and(|c| c >= 10), "{value}: {err}");
            }
            Err(PayloadError::MissingCode { field, .. }) => assert_eq!(field, "error", "{value}"),
            other => panic!("{value}: {other:?}"),
        }
    }
}
