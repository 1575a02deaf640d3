//! Small helpers: JSON strings, the spellings of an entry, `UnknownCode` checks.

use std::fmt::Write as _;

use chat_error_codes::{AnyChatError, Code, ErrorInfo, Table, UnknownCode, resolve::RawCode};

pub fn js(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// `s` as a JSON string with every character written as a `\uXXXX` escape.
pub fn escaped(s: &str) -> String {
    let mut out = String::from("\"");
    for unit in s.encode_utf16() {
        write!(out, "\\u{unit:04x}").unwrap();
    }
    out.push('"');
    out
}

pub use crate::common::catalog::key;

/// Every spelling under which the strict lookups may find `e`.
pub fn spellings(e: AnyChatError) -> Vec<String> {
    let key = key(e);
    // An `error` string listed under several statuses finds the first; this entry only by key.
    if key != e.code().to_string() {
        return vec![key];
    }
    let mut v = vec![key, e.code().to_string(), e.name().to_string()];
    v.extend(e.aliases().iter().map(|a| a.to_string()));
    v.dedup();
    v
}

pub fn is_spelling(e: AnyChatError, s: &str) -> bool {
    spellings(e).iter().any(|x| x == s)
}

pub fn all_entries() -> Vec<AnyChatError> {
    AnyChatError::all().collect()
}

pub fn raw_code(e: AnyChatError) -> RawCode<'static> {
    match e.code() {
        Code::Str(_) => RawCode::from(key(e)),
        Code::Int(n) => RawCode::Int(n.into()),
    }
}

/// The byte length of the prefix `UnknownCode` must keep: the longest prefix of at most
/// `UnknownCode::KEPT_BYTES` that ends on a character boundary.
pub fn kept_len(s: &str) -> usize {
    let mut n = s.len().min(UnknownCode::KEPT_BYTES);
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

pub fn check_unknown_code(err: &UnknownCode, table: Table, s: &str) {
    assert_eq!(err.table(), table);
    assert!(s.starts_with(err.input()), "{err:?} not a prefix of {s:?}");
    assert!(err.input().len() <= UnknownCode::KEPT_BYTES, "{err:?}");
    assert_eq!(err.input().len(), kept_len(s), "{err:?}");
    assert_eq!(err.input_len(), s.len(), "{err:?}");
    assert_eq!(err.is_truncated(), err.input().len() < s.len(), "{err:?}");
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!("unknown {table} error code ")),
        "{shown}"
    );
}
