//! Ably error codes: the integer `code` of an Ably `ErrorInfo`, from Pub/Sub (4xxxx request,
//! 5xxxx server, 80xxx connection, 90xxx channel, 91xxx presence errors) and Ably's other
//! products (LiveObjects, Exchange, LiveSync, push, Spaces 101xxx, Chat 102xxx, AI Transport
//! 104xxx).
//!
//! Source: `data/ably.toml`: every code of Ably's registry (`ably/ably-common`,
//! `protocol/errors.json`), named by the registry's `identifier` with its `title` as the
//! message, both exactly. Where the `@ably/chat` SDK's `ErrorCode` enum names a code, that name
//! is an alias, so either finds the entry. Each variant's rustdoc links Ably's help page for the
//! code (`https://help.ably.io/error/<code>`).
//!
//! **HTTP status**: a five-digit code 4xxxx or 5xxxx begins with the status it is reported with
//! (40140 comes with 401). [`vendor_status`](crate::ErrorInfo::vendor_status) is the status the
//! registry's page for the code states; where the page states none, the catalog relies on that
//! convention for 4xxxx and 5xxxx codes, and other codes have no status. Six codes are reported
//! with another status than they embed, and their notes say so: 40009 (413), 40111, 40114, 40115
//! and 40171 (403), 50003 (usually 503). Codes 6xxxx-9xxxx and six-digit codes embed none.
//!
//! ```
//! use chat_error_codes::{Canonical, ErrorInfo, Recovery, ably::ChatError};
//!
//! let e = ChatError::from_number(40142).unwrap();
//! assert_eq!(e, ChatError::TokenExpired);
//! assert_eq!((e.name(), e.message()), ("token_expired", "Token expired"));
//! assert_eq!(e.vendor_status(), Some(401));
//! assert_eq!(e.recovery(), Recovery::Reauthenticate);
//! // A code reported with another status than it embeds.
//! assert_eq!(ChatError::MaxMessageSizeExceeded.vendor_status(), Some(413));
//! // The connection states reconnect; a Chat SDK name finds its code.
//! assert_eq!(ChatError::ConnectionSuspended.recovery(), Recovery::Reconnect);
//! assert_eq!(ChatError::from_code("RoomDiscontinuity"), Some(ChatError::RoomContinuityNotGuaranteed));
//! assert_eq!(ChatError::RoomContinuityNotGuaranteed.canonical(), Canonical::DataLoss);
//! assert!(ChatError::NoError.is_success());
//! ```
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/ably.match.md"))]
//!
//!
//! Serde writes the number, as Ably sends it in `ErrorInfo.code`, and reads it back:
//!
//! ```
//! use chat_error_codes::ably::ChatError;
//!
//! #[derive(serde::Deserialize, serde::Serialize)]
//! #[serde(rename_all = "camelCase")]
//! struct ErrorInfo {
//!     code: ChatError,
//!     status_code: u16,
//!     message: String,
//! }
//! let json = r#"{"code":40142,"statusCode":401,"message":"Token expired"}"#;
//! let e: ErrorInfo = serde_json::from_str(json).unwrap();
//! assert_eq!(e.code, ChatError::TokenExpired);
//! assert_eq!(serde_json::to_string(&e).unwrap(), json);
//! ```
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/ably.rs"));
crate::entry::impl_table!(crate::Table::Ably, integer);
