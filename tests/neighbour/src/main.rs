//! A neighbour of chat-error-codes in a user's build: its own `phf_map!` with phf's `ptrhash`
//! feature on, and a lookup in each. `.ci/run` builds and runs it; it exits non-zero (panics) if
//! either lookup is wrong.

use chat_error_codes::ErrorInfo;
use chat_error_codes::{agora, cometchat::rest};

/// The user's own map, built by phf's macro with PtrHash.
static STATUS: phf::Map<&'static str, u16> = phf::phf_map! {
    "ERR_UID_NOT_FOUND" => 404,
    "ERR_TOO_MANY_REQUESTS" => 429,
};

fn main() {
    let ours = STATUS.get("ERR_UID_NOT_FOUND").copied();
    assert_eq!(ours, Some(404), "the neighbour's own phf_map!");
    assert_eq!(STATUS.get("ERR_NOT_LISTED"), None);

    let theirs = rest::ChatError::from_code("ERR_UID_NOT_FOUND").expect("a listed REST code");
    assert_eq!(theirs.name(), "ERR_UID_NOT_FOUND");
    assert_eq!(rest::ChatError::from_code("ERR_NOT_LISTED"), None);
    let number = agora::ChatError::from_number(605).expect("a listed Agora code");
    assert_eq!(number.number(), 605);

    println!("neighbour: phf_map! {ours:?}, chat-error-codes {theirs:?} and {number:?}");
}
