//! ZEGOCLOUD ZIM (In-app Chat) SDK error codes: the integer `code` of a `ZIMError`, as the SDKs
//! report it in callbacks, rejected promises and the `error` event: `0` (success), `1` (failure)
//! and seven-digit codes `6000xyy`, grouped by SDK module (common, login, messages and calls,
//! rooms, push, groups, conversations, local database, friends and blacklist).
//!
//! Source: `data/zego_zim.toml`: every member of the `ZIMErrorCode` enum of the web SDK
//! `zego-zim-web` 2.29.0 and every code of the docs' "ZIM error codes" page (ZEGOCLOUD/docs_all);
//! [`sources`](crate::ErrorInfo::sources) says which of them lists an entry. Names are the
//! enum's; the four codes only the docs page lists (6000231, 6000354-6000356) have names of the
//! catalog's own, each entry's note says so. The page lists 6000286 twice, with two meanings:
//! [`messages`](crate::ErrorInfo::messages) keeps both. ZEGOCLOUD documents no code ranges, so
//! a code the table lacks is unrecognized, never guessed.
//!
//! ```
//! use chat_error_codes::{Canonical, ErrorInfo, Recovery, Vendor, zego::ChatError};
//!
//! let e = ChatError::from_number(6000106).unwrap();
//! assert_eq!(e.name(), "NetworkModuleTokenExpired");
//! assert_eq!(e.vendor(), Vendor::Zego);
//! assert_eq!(e.recovery(), Recovery::Reauthenticate);
//! assert_eq!(ChatError::from_code("RoomModuleTheRoomDoesNotExist"), Some(ChatError::RoomModuleTheRoomDoesNotExist));
//! assert_eq!(ChatError::from_number(0).unwrap().canonical(), Canonical::Ok);
//! assert!(ChatError::from_number(6000999).is_none());
//! ```
#![doc = include_str!(concat!(env!("OUT_DIR"), "/zego_zim.match.md"))]
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/zego_zim.rs"));
crate::entry::impl_table!(crate::Table::ZegoZim, integer);
