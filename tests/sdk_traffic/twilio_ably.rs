//! The Twilio and Ably capture (`@twilio/conversations` 3.0.1 with twilsock 1.0.2, `ably` 2.28.0
//! and `@ably/chat` 1.4.0): with the shape named, every object is a value with the class, advice
//! and delay decided by hand.

use chat_error_codes::payload::{self, ParsedError, PayloadError};

use crate::fixtures;

/// The parser of the SDK a fixture came from.
pub fn parse<'a>(file: &str, text: &'a str) -> Result<ParsedError<'a>, PayloadError> {
    if file.starts_with("twilio_") {
        payload::parse_twilio(text)
    } else {
        payload::parse_ably(text)
    }
}

fn fixtures() -> Vec<(String, String)> {
    fixtures::objects(&fixtures::twilio_ably())
}

#[test]
fn the_corpus_is_complete() {
    let files = fixtures();
    let count = |p: &str| files.iter().filter(|(f, _)| f.starts_with(p)).count();
    let (twilio, ably) = (count("twilio_"), count("ably_"));
    assert!(
        twilio >= 40 && ably >= 60,
        "{twilio} Twilio and {ably} Ably objects"
    );
    assert_eq!(twilio + ably, files.len(), "only twilio_ and ably_ objects");
    fixtures::check_listed(&fixtures::twilio_ably());
}

#[test]
fn every_object_is_a_value_with_its_shape_named() {
    fixtures::check_values(&fixtures::twilio_ably(), parse, true);
}

#[test]
fn every_object_has_the_class_and_delay_decided_by_hand() {
    fixtures::check_expected(&fixtures::twilio_ably(), parse);
}

#[test]
fn no_failure_is_success_and_no_network_failure_asks_for_a_login() {
    fixtures::check_failures(&fixtures::twilio_ably(), parse, 10);
}
