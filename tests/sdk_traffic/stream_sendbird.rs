//! The Stream and Sendbird capture (`stream-chat` 9.53.0, `@sendbird/chat` 4.22.12): with the
//! shape named, every object is a value with the class, advice and delay decided by hand.

use chat_error_codes::payload::{self, ParsedError, PayloadError};
use chat_error_codes::{Canonical, Recovery};

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
    let expected = fixtures::expected(&fixtures::stream_sendbird().join("expected.tsv"));
    let names: Vec<&String> = files.iter().map(|(f, _)| f).collect();
    assert_eq!(
        names,
        expected.keys().collect::<Vec<_>>(),
        "expected.tsv lists every object"
    );
    let corpus = std::fs::read_to_string(fixtures::stream_sendbird().join("corpus.tsv")).unwrap();
    assert_eq!(
        corpus.lines().count() - 1,
        files.len(),
        "corpus.tsv lists every object"
    );
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
    let expected = fixtures::expected(&fixtures::stream_sendbird().join("expected.tsv"));
    let mut network = 0;
    for (file, text) in fixtures() {
        let p = parse(&file, &text).unwrap();
        assert_ne!(p.canonical(), Canonical::Ok, "{file}");
        assert_ne!(p.recovery(), Recovery::NoAction, "{file}");
        if ["Unavailable", "DeadlineExceeded"].contains(&expected[&file].canonical.as_str()) {
            network += 1;
            assert_ne!(p.canonical(), Canonical::Unauthenticated, "{file}");
            assert_ne!(p.recovery(), Recovery::Reauthenticate, "{file}");
        }
    }
    assert!(network >= 10, "{network} network failures");
}
