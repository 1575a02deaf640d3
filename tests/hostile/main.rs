//! Hostile payloads: huge bodies, deep nesting, invalid UTF-8, codes of the wrong JSON type,
//! duplicate keys and numbers beyond `i64`. Each must parse or fail with a clean, useful
//! [`PayloadError`] (or serde error): no panic, no stack overflow, memory proportional to the
//! input.
//!
//! The shared counting global allocator (`tests/common/counting_alloc.rs`) measures the peak
//! heap use of the 50 MB test; the other tests of this binary allocate a few hundred KB at most,
//! so they cannot disturb the bound.
//!
//! - `size`: a 50 MB body, borrowed texts;
//! - `nesting`: 100,000-deep nesting in `details` and at top level;
//! - `utf8`: invalid UTF-8, decoded lossily;
//! - `types`: codes and `error` members of the wrong JSON type, numbers beyond `i64`;
//! - `duplicates`: duplicate keys;
//! - `tencent`: Tencent Cloud IM REST batch replies and ZIM server codes built to hurt;
//! - `twilio_ably`: Twilio's and Ably's nested members (`cause` chains, `reason`, `body`);
//! - `support`: the parsers by shape and the assertions they share.
//!
//! [`PayloadError`]: chat_error_codes::payload::PayloadError
#![cfg(feature = "json")]

#[path = "../common/mod.rs"]
mod common;

mod duplicates;
mod nesting;
mod size;
mod support;
mod tencent;
mod twilio_ably;
mod types;
mod utf8;

#[global_allocator]
static ALLOCATOR: common::counting_alloc::Counting = common::counting_alloc::Counting;
