//! The Stream and Sendbird capture (`stream-chat` 9.53.0, `@sendbird/chat` 4.22.12): with the
//! shape named, every object is a value with the class, advice and delay decided by hand.

use chat_error_codes::payload::{self, ParsedError, PayloadError};

use crate::fixtures;

/// The parser of the SDK a fixture came from.
pub fn parse<'a>(file: &str, text: &'a str) -> Result<ParsedError<'a>, PayloadError> {
    if file.starts_with("stream_") {
        payload::parse_stream(text)
    } else {
        payload::parse_sendbird(text)
    }
}

fn fixtures() -> Vec<(String, String)> {
    fixtures::objects(&fixtures::stream_sendbird())
}

#[test]
fn the_corpus_is_complete() {
    let files = fixtures();
    let stream = files
        .iter()
        .filter(|(f, _)| f.starts_with("stream_"))
        .count();
    let sendbird = files
        .iter()
        .filter(|(f, _)| f.starts_with("sendbird_"))
        .count();
    assert!(
        stream + sendbird >= 300,
        "{stream} Stream and {sendbird} Sendbird objects"
    );
    assert_eq!(
        stream + sendbird,
        files.len(),
        "only stream_ and sendbird_ objects"
    );
    fixtures::check_listed(&fixtures::stream_sendbird());
}

#[test]
fn every_object_is_a_value_with_its_shape_named() {
    fixtures::check_values(&fixtures::stream_sendbird(), parse, false);
}

#[test]
fn every_object_has_the_class_and_delay_decided_by_hand() {
    fixtures::check_expected(&fixtures::stream_sendbird(), parse);
}

#[test]
fn no_failure_is_success_and_no_network_failure_asks_for_a_login() {
    fixtures::check_failures(&fixtures::stream_sendbird(), parse, 10);
}
