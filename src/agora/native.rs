//! Agora Chat native SDK error codes: the numbering of the Android (`io.agora.chat.Error`), iOS
//! (`AgoraChatErrorCode`) and Windows/Unity (C#) SDKs.
//!
//! Source: `data/agora_native.toml`. Names are the Android constants; the names the other
//! platforms give a code are [`platform_names`](crate::ErrorInfo::platform_names), and where a
//! platform spells the code differently the name is also an alias that looks it up. Where sources
//! disagree (605/606: an iOS 1.2.0 header against the current docs), the entry keeps both and its
//! note says which one the catalog follows.
//!
//! These numbers mean something else in the Web SDK ([`crate::agora::ChatError`]):
//!
//! ```
//! use chat_error_codes::{ErrorInfo, agora};
//!
//! // An Android app reports 1; a browser reports 1 too, for another error.
//! assert_eq!(agora::native::ChatError::from_number(1).unwrap().name(), "GENERAL_ERROR");
//! assert_eq!(agora::ChatError::from_number(1).unwrap().name(), "WEBIM_CONNCTION_OPEN_ERROR");
//! ```
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/agora_native.match.md"))]
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/agora_native.rs"));
crate::entry::impl_table!(crate::Table::AgoraNative, integer);
