//! Stream Chat API error codes: the integer `code` of a Stream API error body.
//!
//! Source: `data/stream_chat.toml`, checked against the `stream-chat` JS SDK (its
//! `APIErrorCodes` map), Stream's "API errors response" page and the Flutter SDK's
//! `ChatErrorCode`. Each entry keeps the HTTP status Stream documents for it
//! ([`vendor_status`](crate::ErrorInfo::vendor_status)) and Stream's own retryable flag
//! ([`vendor_retryable`](crate::ErrorInfo::vendor_retryable)); the catalog's
//! [`recovery`](crate::ErrorInfo::recovery) agrees with the flag or the entry's note says why not.
//!
//! Stream's small numbers collide with other vendors' (4, 9, 16, 17 are Agora Web codes too):
//! [`crate::lookup_number`] returns every match, labelled by table.
//!
//! ```
//! use chat_error_codes::{ErrorInfo, stream::ChatError};
//!
//! let e = ChatError::from_number(4).unwrap();
//! assert_eq!(e.name(), "InputError");
//! assert_eq!(e.vendor_status(), Some(400));
//! assert_eq!(e.vendor_retryable(), Some(false));
//! ```
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/stream_chat.match.md"))]
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/stream_chat.rs"));
crate::entry::impl_table!(crate::Table::StreamChat, integer);
