//! The Tencent Cloud IM and ZEGOCLOUD ZIM capture (`@tencentcloud/chat` 3.6.6, `zego-zim-web`
//! 2.29.0): with the shape named, every object is a value with the class and advice decided by
//! hand in `expected.tsv`.

use chat_error_codes::payload::{self, ParsedError, PayloadError};
use chat_error_codes::{Canonical, Recovery};

use crate::fixtures;

/// The parser of the SDK a fixture came from.
pub fn parse<'a>(file: &str, text: &'a str) -> Result<ParsedError<'a>, PayloadError> {
    if file.starts_with("tencent_") {
        payload::parse_tencent(text)
    } else {
        payload::parse_zego(text)
    }
}

fn fixtures() -> Vec<(String, String)> {
    fixtures::objects(&fixtures::tencent_zego())
}

#[test]
fn the_corpus_is_complete() {
    let files = fixtures();
    let count = |prefix: &str| files.iter().filter(|(f, _)| f.starts_with(prefix)).count();
    let (tencent, zego) = (count("tencent_"), count("zego_"));
    assert!(
        tencent >= 250 && zego >= 100,
        "{tencent} Tencent and {zego} ZIM objects"
    );
    assert_eq!(
        tencent + zego,
        files.len(),
        "only tencent_ and zego_ objects"
    );
    fixtures::check_listed(&fixtures::tencent_zego());
}

#[test]
fn every_object_is_a_value_with_its_shape_named() {
    fixtures::check_values(&fixtures::tencent_zego(), parse, false);
}

#[test]
fn every_object_has_the_class_decided_by_hand() {
    fixtures::check_expected(&fixtures::tencent_zego(), parse);
}

#[test]
fn no_failure_is_success_and_every_server_code_is_known() {
    for (file, text) in fixtures() {
        let p = parse(&file, &text).unwrap();
        assert_ne!(p.canonical(), Canonical::Ok, "{file}");
        assert_ne!(p.recovery(), Recovery::NoAction, "{file}");
        // The mock's codes are catalog entries, except 79999 (kept unrecognized on purpose).
        if text.contains("mock error") && !text.contains("79999") {
            assert!(p.resolution().entry().is_some(), "{file}: {text}");
        }
    }
}

#[test]
fn the_sdks_events_are_read_as_their_error() {
    let mut events = 0;
    for (file, text) in fixtures() {
        let event: serde_json::Value = serde_json::from_str(&text).unwrap();
        let p = parse(&file, &text).unwrap();
        match event["name"].as_str() {
            // `error`: the error is the event's data.
            Some("error") => assert_eq!(
                p.code().as_integer(),
                event["data"]["code"].as_i64(),
                "{file}"
            ),
            // `kickedOut`: the reason names the SDK's KICKED_OUT_* code.
            Some("kickedOut") => {
                let entry = p.resolution().entry().unwrap();
                assert!(
                    chat_error_codes::ErrorInfo::name(&entry).starts_with("KICKED_OUT_"),
                    "{file}"
                );
            }
            _ => continue,
        }
        events += 1;
    }
    assert!(events >= 100, "{events} events");
}
