//! Property tests over every entry point that takes input: the per-table `from_code`,
//! `from_number`, `from_pattern`, `FromStr` and serde deserialization, the cross-vendor lookups,
//! `Table::lookup*`, the `resolve*` functions, serde of `AnyChatError`, `RawCode` and
//! `Unrecognized`, and every payload parser.
//!
//! Case counts (`ProptestConfig::cases`), chosen so the whole suite runs in well under 20 s in
//! debug mode on 2 cores:
//! - [`CHEAP`] = 2048 for string and number lookups (arbitrary Unicode, lossy bytes, mutated,
//!   re-cased and whitespace-wrapped known codes, known-code round trips, `UnknownCode`);
//! - [`PAYLOADS`] = 512 for payload and JSON properties (structured fuzzing of vendor shapes,
//!   canonical round trips of unknown codes, `Unrecognized` JSON round trips);
//! - [`LONG`] = 12 for inputs of 1-10 KB and 90-100 KB (each also wrapped in spaces).
//!
//! Failure persistence is off (no `proptest-regressions/` files): a failure prints the minimal
//! input, which belongs in a regular test.
//!
//! Modules, by concern:
//! - `inputs`: arbitrary, lossy, long and edge-case strings through every entry point;
//! - `lookups`: lookups, `FromStr`, `UnknownCode`, strict and lenient matching, numbers;
//! - `payloads`: the payload parsers, known and unknown codes, structured fuzzing;
//! - `serde`: `Unrecognized`, `RawCode`, `AnyChatError` and every deserializer on arbitrary JSON;
//! - `exercise`: one string through every entry point, with the invariants asserted;
//! - `strategies`: the proptest strategies; `tables`: one trait over the five enums;
//!   `support`: small helpers.
#![cfg(feature = "json")]

#[path = "../common/mod.rs"]
mod common;

mod exercise;
mod inputs;
mod lookups;
mod payloads;
mod serde;
mod strategies;
mod support;
mod tables;

use chat_error_codes::Table;
use proptest::prelude::ProptestConfig;

/// Cases for cheap lookup properties.
pub const CHEAP: u32 = 2048;
/// Cases for payload and JSON properties.
pub const PAYLOADS: u32 = 512;
/// Cases for ~100 KB inputs.
pub const LONG: u32 = 12;

/// A configuration of `cases` cases without failure persistence.
pub fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

pub const TABLES: &[Table] = <Table as strum::VariantArray>::VARIANTS;
