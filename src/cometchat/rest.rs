//! CometChat REST API error guide: the `error.code` of every REST API response.
//!
//! Source: `data/cometchat_rest.toml`. Codes are strings.
//!
//! ```
//! use chat_error_codes::{ErrorInfo, cometchat::rest::ChatError};
//!
//! let e = ChatError::from_code("ERR_UID_NOT_FOUND").unwrap();
//! assert_eq!(e, ChatError::ErrUidNotFound);
//! assert_eq!(e.section(), "User Errors");
//! ```
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/cometchat_rest.rs"));
crate::entry::impl_table!(crate::Table::CometChatRest, string);
