//! CometChat REST API, Calls API error codes.
//!
//! Source: `data/cometchat_calls.toml`. Codes are strings. Every calling code here is also in
//! [`rest`](super::rest), worded differently; both wordings are kept, each in its own table.
//!
//! ```
//! use chat_error_codes::{ErrorInfo, cometchat::calls::ChatError};
//!
//! let e: ChatError = "ERR_CALL_BUSY_USER".parse().unwrap();
//! assert_eq!(e.message(), "The recipient is already busy on another call.");
//! ```
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/cometchat_calls.rs"));
crate::entry::impl_table!(crate::Table::CometChatCalls, string);
