//! Helpers shared by the integration tests. A test crate declares `mod common;` (from a folder
//! suite: `#[path = "../common/mod.rs"] mod common;`) and uses the parts it needs.
#![allow(dead_code)] // each test crate uses a part of the helpers

pub mod catalog;
pub mod counting_alloc;
#[cfg(feature = "json")]
pub mod payload;
pub mod schema;
