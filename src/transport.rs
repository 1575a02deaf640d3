//! Transport errors that the vendors' JavaScript SDKs pass through to the application: Node.js
//! system errors (`ECONNREFUSED`, `ENOTFOUND`), Node.js error codes (`ERR_INVALID_URL`), TLS
//! certificate codes, undici's (Node's `fetch`) and axios' (`ERR_NETWORK`, `ECONNABORTED`).
//!
//! Source: `data/js_transport.toml` (Node.js v20 documentation, libuv, undici 6.24.1, axios
//! 1.21.1). These are not a chat vendor's codes, but every payload parser consults this table
//! for a string code its vendor's table does not know, so a refused connection is an outage to
//! retry and never an unrecognized vendor code.
//!
//! ```
//! use chat_error_codes::{Canonical, ErrorInfo, Recovery, transport::ChatError};
//!
//! let e = ChatError::from_code("ECONNREFUSED").unwrap();
//! assert_eq!(e.canonical(), Canonical::Unavailable);
//! assert_eq!(e.recovery(), Recovery::RetryWithBackoff);
//! assert_eq!(ChatError::from_code("ERR_CANCELED").unwrap().canonical(), Canonical::Cancelled);
//! ```
//!
//! In a payload, whatever the vendor:
//!
//! ```
//! # #[cfg(feature = "json")]
//! # {
//! use chat_error_codes::{Canonical, Table, payload};
//!
//! let p = payload::parse_stream(r#"{"name":"AxiosError","code":"ECONNABORTED","message":"timeout of 1500ms exceeded"}"#).unwrap();
//! assert_eq!(p.table(), Table::JsTransport);
//! assert_eq!(p.canonical(), Canonical::DeadlineExceeded);
//! # }
//! ```
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/js_transport.rs"));
crate::entry::impl_table!(crate::Table::JsTransport, string);
