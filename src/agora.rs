//! Agora Chat: the Web SDK's error codes (`ErrorEvent.type`, this module's [`ChatError`]), the
//! native SDKs' numbering ([`native`]) and the REST API's errors ([`rest`]).
//!
//! **The Web and native SDKs number differently**: `1` is `WEBIM_CONNCTION_OPEN_ERROR` on the
//! Web and `GENERAL_ERROR` natively; `500` is `SERVER_BUSY` on the Web and `MESSAGE_INVALID`
//! natively. A number reported by a mobile app must be looked up in [`native`], one from a
//! browser here; [`crate::lookup_number`] returns both, labelled by table.
//!
//! Source: `data/agora_chat.toml`. Codes are integers with symbolic names; both look up the
//! same entry. This is the **Web** SDK's numbering: Agora's native (iOS/Android) SDKs number
//! differently, and the same integer can mean another error there. Vendor spellings are kept as
//! sent (`WEBIM_CONNCTION_...`).
//!
//! `0` (`REQUEST_SUCCESS`) is not an error: its canonical class is
//! [`Canonical::Ok`](crate::Canonical::Ok) and [`is_success`](crate::ErrorInfo::is_success) is true.
//!
//! ```
//! use chat_error_codes::{Canonical, ErrorInfo, agora::ChatError};
//!
//! assert_eq!(ChatError::from_number(605), Some(ChatError::GroupNotExist));
//! assert_eq!(ChatError::from_code("GROUP_NOT_EXIST"), Some(ChatError::GroupNotExist));
//! assert_eq!(ChatError::GroupNotExist.canonical(), Canonical::NotFound);
//! assert!(ChatError::RequestSuccess.is_success());
//! ```
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

pub mod native;
pub mod rest;

include!(concat!(env!("OUT_DIR"), "/agora_chat.rs"));
crate::entry::impl_table!(crate::Table::AgoraChat, integer);
