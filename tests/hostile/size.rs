//! Size: a 50 MB body parses in memory proportional to it; texts are borrowed, not copied.

use std::time::Instant;

use chat_error_codes::Table;
use chat_error_codes::payload;

use crate::common::counting_alloc::peak_growth;

/// A REST body whose message is 50 MB: parses, borrows the message (no copy) and stays
/// proportional in memory. Expected time: about a second in debug builds.
#[test]
fn fifty_megabyte_message_parses_in_proportional_memory() {
    const LEN: usize = 50 * 1024 * 1024;
    let prefix = r#"{"error":{"code":"ERR_UID_NOT_FOUND","message":""#;
    let suffix = r#"","details":{"uid":"u1"}}}"#;
    let mut body = String::with_capacity(prefix.len() + LEN + suffix.len());
    body.push_str(prefix);
    body.extend(std::iter::repeat_n('a', LEN));
    body.push_str(suffix);

    let started = Instant::now();
    let ((len, borrowed, details, table), growth) = peak_growth(|| {
        let p = payload::parse_rest(&body).unwrap();
        let message = p.message().unwrap();
        let borrowed = body.as_bytes().as_ptr_range().contains(&message.as_ptr());
        (
            message.len(),
            borrowed,
            p.details().map(|d| d.get().to_string()),
            p.table(),
        )
    });
    let elapsed = started.elapsed();
    assert_eq!(len, LEN);
    assert_eq!(details.as_deref(), Some(r#"{"uid":"u1"}"#));
    assert_eq!(table, Table::CometChatRest);
    // Proportional: at most one copy of the message (serde reads an `Option<Cow<str>>` as
    // owned, so the message is copied today; see `known_issue_message_is_copied`), plus slack.
    let bound = if borrowed { 0 } else { LEN } + 8 * 1024 * 1024;
    assert!(
        growth < bound,
        "parsing a {LEN}-byte body allocated {growth} bytes at peak (bound {bound})"
    );
    eprintln!(
        "50 MB body: parsed in {elapsed:?}, peak heap growth {growth} bytes, message {}",
        if borrowed { "borrowed" } else { "copied" }
    );
}

/// An unescaped message (and name) is borrowed from the input, not copied (serde's own
/// `Option<Cow<str>>` would copy; the parser reads text fields itself).
#[test]
fn message_is_borrowed_from_the_input() {
    let input = r#"{"error":{"code":"ERR_X","name":"plain","message":"plain text"}}"#;
    let p = payload::parse_rest(input).unwrap();
    let range = input.as_bytes().as_ptr_range();
    assert!(
        range.contains(&p.message().unwrap().as_ptr()),
        "message copied"
    );
    assert!(range.contains(&p.name().unwrap().as_ptr()), "name copied");
}
