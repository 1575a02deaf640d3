//! CometChat JavaScript SDK error codes: the `code` of a `CometChatException`.
//!
//! Source: `data/cometchat_sdk.toml`. Codes are strings. Besides exact codes the SDK builds
//! codes from a parameter name (`INVALID_{param}`, `{param}_IS_COMPULSORY`, `{param}_NOT_PROVIDED`,
//! `ERROR_{param}_EXCEEDED`); those are pattern entries, matched by
//! [`ChatError::from_pattern`]. The "Server-Side API Errors" rows are REST codes the SDK passes
//! through ([`ErrorInfo::is_passthrough`](crate::ErrorInfo::is_passthrough)).
//!
//! ```
//! use chat_error_codes::{ErrorInfo, cometchat::sdk::ChatError};
//!
//! let e = ChatError::from_code("MISSING_PARAMETERS").unwrap();
//! assert_eq!(e.messages().len(), 2); // listed under Initialization and under Receipts
//! let (pattern, param) = ChatError::from_pattern("UID_IS_COMPULSORY").unwrap();
//! assert_eq!((pattern, param), (ChatError::ParamIsCompulsory, "UID"));
//! ```
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/cometchat_sdk.rs"));
crate::entry::impl_table!(crate::Table::CometChatSdk, string);
