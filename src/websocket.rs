//! WebSocket close codes (RFC 6455 section 7.4, IANA WebSocket Close Code Number Registry), as
//! the chat SDKs pass them through when a connection closes (stream-chat's
//! `{"code":1006,"StatusCode":"unknown","isWSFailure":true,...}`).
//!
//! Source: `data/websocket_close.toml`. The sections are the RFC's ranges, so any code from 1000
//! to 4999 resolves: to its entry, or to its range (3000-3999 libraries, 4000-4999 private use).
//!
//! ```
//! use chat_error_codes::{Canonical, ErrorInfo, Recovery, websocket::ChatError};
//!
//! let e = ChatError::from_number(1006).unwrap();
//! assert_eq!(e.name(), "Abnormal Closure");
//! assert_eq!((e.canonical(), e.recovery()), (Canonical::Unavailable, Recovery::Reconnect));
//! assert_eq!(chat_error_codes::websocket::section_of(4321).unwrap().range(), Some((4000, 4999)));
//! ```
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/websocket_close.match.md"))]
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/websocket_close.rs"));
crate::entry::impl_table!(crate::Table::WebSocketClose, integer);

/// The range (section) of RFC 6455 that contains `code`, listed in the table or not.
pub fn section_of(code: i64) -> Option<&'static crate::Section> {
    crate::Table::WebSocketClose.section_of(code)
}
