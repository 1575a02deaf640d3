//! Typed, exhaustively matchable error codes of the chat vendors: CometChat (JavaScript SDK, REST
//! API, Calls API), Genesys Web Engagement chat, Agora Chat, Stream Chat, Sendbird, Twilio
//! Conversations and Ably.
//!
//! Each vendor table is kept as data in `data/*.toml`; the build script compiles it into a
//! `ChatError` enum (one documented variant per code), a static metadata table and `phf` perfect
//! hash maps. Every entry implements [`ErrorInfo`], so errors from any vendor are handled the
//! same way: its code, the vendor's message, a [`Canonical`] class, an HTTP status and
//! [`Recovery`] advice.
//!
//! ```
//! use chat_error_codes::{ErrorInfo, Recovery, agora, cometchat::rest};
//!
//! // By string, as the REST API sends it.
//! let e = rest::ChatError::from_code("ERR_UID_NOT_FOUND").unwrap();
//! assert_eq!(e.message(), "Indicates any one of the following: 1. UID does not exist. 2. User is soft deleted.");
//!
//! // By number, as the Agora Web SDK sends it.
//! let e = agora::ChatError::from_number(605).unwrap();
//! assert_eq!(e.name(), "GROUP_NOT_EXIST");
//! assert_eq!(e.recovery(), Recovery::DoNotRetry);
//! ```
//!
//! # Where things are
//! - One module per vendor table, each with a `ChatError` enum matchable without a wildcard
//!   arm: [`cometchat::sdk`], [`cometchat::calls`], [`cometchat::rest`], [`agora`],
//!   [`agora::rest`], [`agora::native`], [`stream`], [`sendbird`], [`twilio`], [`ably`],
//!   [`tencent`], [`zego`], [`genesys`]; and the transport under every SDK: [`transport`]
//!   (Node.js and axios errors), [`websocket`] (close codes).
//! - At the root, the vocabulary every table shares: [`ErrorInfo`] (every fact of an entry),
//!   [`Canonical`] and [`Recovery`] (the classification), [`Code`], [`Table`], [`Vendor`];
//!   across tables, [`AnyChatError`], [`lookup`], [`lookup_number`], [`lookup_lenient`], and
//!   [`UnknownCode`], the error of a failed lookup.
//! - [`resolve`] (feature `alloc`): any code, listed or not: patterns, documented ranges,
//!   unrecognized codes kept as received.
//! - [`payload`] (feature `json`): the vendors' error payloads, parsed or detected.
//! - [`response`] (feature `json`): a whole HTTP response to a decision, and RFC 9457 Problem
//!   Details out and in.
//! - [`catalog`]: the records behind [`ErrorInfo`]: sources with their versions, sections,
//!   documented server strings, and [`catalog::Record`], every fact of an entry as one
//!   serializable value.
//!
//! # Features
//! - `std` (default): implies `alloc`; nothing else. Without it the catalog core (enums,
//!   [`ErrorInfo`], lookups, classification) is `#![no_std]` and needs no allocator.
//! - `alloc`: [`Unrecognized`] codes that own their raw input.
//! - `json` (default): payload parsing with serde_json ([`payload`]).
//! - `http`: [`response`] adapters for the `http` crate's types, `Canonical` to and from
//!   `http::StatusCode` (implies `std` and `json`).
//! - `tonic`: `Canonical` to and from `tonic::Code`.
//! - `cli`: the `chat-error-codes` binary.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod any;
pub mod catalog;
mod classification;
#[cfg(any(feature = "http", feature = "tonic"))]
mod convert;
pub(crate) mod entry;
mod error;
mod fingerprint;
mod named_enum;
#[cfg(feature = "json")]
pub mod payload;
mod record;
#[cfg(feature = "alloc")]
pub mod resolve;
#[cfg(feature = "json")]
pub mod response;
mod table_data;
mod tables;
mod vocabulary;

pub mod ably;
pub mod agora;
pub mod cometchat;
pub mod genesys;
pub mod sendbird;
pub mod stream;
pub mod tencent;
pub mod transport;
pub mod twilio;
pub mod websocket;
pub mod zego;

pub use any::{AnyChatError, lookup, lookup_lenient, lookup_number};
pub use classification::{Canonical, Recovery};
pub use error::UnknownCode;
pub use vocabulary::{Code, ErrorInfo, Table, Vendor};

// Inside the crate, the records and the resolution types are named from the root.
#[cfg(feature = "alloc")]
pub(crate) use resolve::{RawCode, Resolution, RuntimeError, Unrecognized};
pub(crate) use vocabulary::{Section, ServerMessage, Source, SourceKind, Sources};

/// The README's examples, compiled and run as doctests.
#[cfg(all(doctest, feature = "json"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
