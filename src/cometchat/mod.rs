//! CometChat: three tables, one per API surface.
//!
//! - [`sdk`]: the JavaScript SDK's `CometChatException.code` values, client-side and the common
//!   server-side codes it passes through;
//! - [`calls`]: the Calls API error codes of the REST API;
//! - [`rest`]: the REST API error guide (all REST APIs).
//!
//! The same code can live in several tables (`ERR_TOO_MANY_REQUESTS` is in `sdk` and `rest`; the
//! calling codes are in `calls` and `rest`), each with that document's wording. Use
//! [`lookup`](crate::lookup) to find all of them.

pub mod calls;
pub mod rest;
pub mod sdk;
