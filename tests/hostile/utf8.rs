//! Invalid UTF-8, decoded lossily: a clean error or an unrecognized code, never a guess.

use chat_error_codes::payload::{self, PayloadError};
use chat_error_codes::resolve::{RawCode, Resolution};

use crate::support::{SHAPES, assert_json_error};

/// Invalid UTF-8 never reaches the parsers as `&str`; decoded lossily, it is either a clean
/// JSON error or kept as an unrecognized code, never guessed into a known one.
#[test]
fn invalid_utf8_is_a_clean_error_or_unrecognized() {
    // Inside strings: the code and the message.
    let bytes =
        b"{\"error\":{\"code\":\"ERR_UID_NOT_FOUND\xff\",\"message\":\"caf\xc3\"}}".to_vec();
    let err = std::str::from_utf8(&bytes).unwrap_err();
    assert_eq!(err.valid_up_to(), 35);
    let text = String::from_utf8_lossy(&bytes);
    let p = payload::parse_rest(&text).unwrap();
    let Resolution::Unrecognized(u) = p.resolution() else {
        panic!("guessed {:?}", p.resolution())
    };
    assert_eq!(u.code(), &RawCode::from("ERR_UID_NOT_FOUND\u{fffd}"));
    assert_eq!(p.message(), Some("caf\u{fffd}"));
    assert_eq!(serde_json::to_string(&p).unwrap(), text);

    // A UTF-8-encoded surrogate and an overlong encoding in a code.
    for bytes in [
        &b"{\"code\":\"\xed\xa0\x80\",\"name\":\"X\"}"[..],
        &b"{\"type\":\"\xc0\xafGROUP_NOT_EXIST\"}"[..],
    ] {
        assert!(std::str::from_utf8(bytes).is_err());
        let text = String::from_utf8_lossy(bytes);
        let p = payload::parse(&text).unwrap();
        assert!(p.resolution().is_unrecognized(), "{:?}", p.resolution());
        assert!(p.code().as_str().unwrap().contains('\u{fffd}'));
    }

    // In the structure: a clean JSON error with its position.
    for bytes in [
        &b"{\"error\"\xff:{\"code\":\"ERR_X\"}}"[..],
        &b"{\"type\":6\x805}"[..],
        &b"\xfe\xff{\"code\":101}"[..],
    ] {
        assert!(std::str::from_utf8(bytes).is_err());
        let text = String::from_utf8_lossy(bytes);
        let err = payload::parse(&text).unwrap_err();
        assert!(
            matches!(
                err,
                PayloadError::Json { .. } | PayloadError::UnknownShape { .. }
            ),
            "{err:?}"
        );
        assert!(
            err.line().is_some() || err.to_string().contains("not a vendor error payload"),
            "{err}"
        );
    }

    // A lone surrogate escape: valid UTF-8, not a valid string.
    for (name, parser, _, build) in SHAPES {
        let input = build(r#""\ud800""#);
        assert_json_error(name, parser(&input), &["escape"]);
    }
}
