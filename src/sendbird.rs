//! Sendbird Chat error codes: the six-digit `code` of Platform API error bodies, of the SDKs'
//! `SendbirdError` and of WebSocket errors, in sections by range (400xxx request errors,
//! 500xxx server errors, 800xxx SDK errors, 900xxx WebSocket errors).
//!
//! Source: `data/sendbird_chat.toml`: names from the `@sendbird/chat` JS SDK's
//! `SendbirdErrorCode`; where the Flutter or Unity SDK names a code differently, that name is an
//! alias with a note, and [`platform_names`](crate::ErrorInfo::platform_names) gives each SDK's.
//!
//! ```
//! use chat_error_codes::{Canonical, ErrorInfo, sendbird::ChatError};
//!
//! let e = ChatError::from_number(400201).unwrap();
//! assert_eq!(e.canonical(), Canonical::NotFound);
//! ```
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/sendbird_chat.match.md"))]
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/sendbird_chat.rs"));
crate::entry::impl_table!(crate::Table::SendbirdChat, integer);
