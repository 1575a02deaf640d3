//! Compiles the vendor tables in `data/*.toml` into Rust: for every table of the list in
//! `src/tables.rs`, `$OUT_DIR/<table>.rs` holds its `ChatError` enum and its `DATA`
//! (see `src/table_data.rs` for the contract, `codegen/` for the generator).
//!
//! Everything is validated before anything is written; a problem stops the build with
//! `<file>: entry <code>: <problem>`.

mod codegen;

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let data_dir = manifest.join("data");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=codegen");
    println!("cargo::rerun-if-changed=data");
    for shared in [
        "classification.rs",
        "fingerprint.rs",
        "named_enum.rs",
        "tables.rs",
    ] {
        println!("cargo::rerun-if-changed=src/{shared}");
    }
    if let Err(errors) = codegen::build(&data_dir, &out_dir) {
        for error in &errors {
            eprintln!("error: {error}");
        }
        std::process::exit(1);
    }
}
