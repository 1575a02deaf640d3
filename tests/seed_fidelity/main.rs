//! Seed fidelity: every row of every vendor document in `../shared/seeds` (the project's source
//! documents, see its README.md) is in the catalog, word for word.
//!
//! The tests are `#[ignore]`d because the seeds live outside the crate; run them with
//! `cargo test --test seed_fidelity -- --ignored` (set `CHAT_ERROR_CODES_SEEDS` to read the seeds
//! from another folder). When asked to run, a missing seed folder is a failure, not a skip.
//!
//! Each seed is parsed here with std only (the rules follow the reference parser that produced
//! `data/*.toml`), then every row is checked against the public API: the code is in its table,
//! its section heading is among `sections()`, its message is among `messages()` byte for byte,
//! and its description (Agora's possible reason, Genesys' comments as plain text) equals
//! `description()`. Row counts are pinned so that a parser that silently finds nothing fails,
//! and the catalog is checked in the other direction too: no documented entry is missing from
//! its seed. All mismatches of a file are collected and reported together.
//!
//! - `seed`: reading a seed file, and the report of its mismatches;
//! - `parse`: one parser per seed format (CometChat's Markdown pages, the REST guide, the
//!   Genesys PDF text, Agora's table);
//! - `check`: every row against the catalog, and the catalog against the seed;
//! - `cometchat`, `genesys`, `agora`: one test per seed file.

mod agora;
mod check;
mod cometchat;
mod genesys;
mod parse;
mod seed;

/// Environment variable naming the seed folder (default: `../shared/seeds` next to the crate).
pub const SEEDS_ENV: &str = "CHAT_ERROR_CODES_SEEDS";
pub const DEFAULT_SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");

/// The heading of Agora's single section: its seed table has no heading of its own.
pub const AGORA_SECTION: &str = "Error codes";
