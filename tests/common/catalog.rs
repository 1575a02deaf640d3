//! Catalog helpers for the sweeps.

use chat_error_codes::AnyChatError;

/// The string that finds `e` in its table: its code, or where an HTTP-keyed table lists the
/// code under several statuses, `"<status> <code>"` (what the entry serializes as).
pub fn key(e: AnyChatError) -> String {
    match &serde_json::to_value(e).unwrap()["code"] {
        serde_json::Value::String(s) => s.clone(),
        code => code.to_string(),
    }
}
