//! `scaling-data`: writes a synthetic catalog of N entries per table into a copy of the crate.
//!
//! Usage: `cargo run -p scaling-data -- --entries N --out <crate copy>/data` (see the library
//! docs for what it writes). Exit status: 0 written, 2 usage or I/O error.
#![forbid(unsafe_code)]
#![deny(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Command-line arguments.
#[derive(Parser)]
#[command(
    about = "Rewrites cometchat_rest.toml and agora_chat.toml of a crate copy with N synthetic entries each"
)]
struct Args {
    /// Entries per rewritten table.
    #[arg(long)]
    entries: usize,
    /// The data/ folder of a copy of the crate (never the crate's own).
    #[arg(long)]
    out: PathBuf,
}

/// Rewrites the two tables and prints what was generated.
fn main() -> ExitCode {
    let args = Args::parse();
    match scaling_data::rewrite(&args.out, args.entries) {
        Ok(summary) => {
            println!("{}: {summary}", args.out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("scaling-data: error: {e}");
            ExitCode::from(2)
        }
    }
}
