//! Prints the Rust code build.rs generated for one table, so it can be read and reviewed.
//!
//! ```sh
//! cargo run --example generated -- cometchat_rest | less
//! cargo run --example generated            # lists the tables
//! ```

use std::io::Write as _;
use std::process::ExitCode;

/// Every table's generated file, compiled in from `OUT_DIR`.
macro_rules! generated_files {
    ($(($variant:ident, $stem:literal, $($module:ident)::+, $kind:ident, $vendor:ident, $doc:literal)),* $(,)?) => {
        [$(($stem, include_str!(concat!(env!("OUT_DIR"), "/", $stem, ".rs")))),*]
    };
}

fn main() -> ExitCode {
    let files = chat_error_codes::for_each_table!(generated_files);
    let wanted = std::env::args().nth(1);
    match files
        .iter()
        .find(|(stem, _)| Some(*stem) == wanted.as_deref())
    {
        // A closed pipe (`| head`) ends the output; nothing else can fail here.
        Some((_, code)) => {
            let _ = std::io::stdout().write_all(code.as_bytes());
            ExitCode::SUCCESS
        }
        None => {
            let stems: Vec<&str> = files.iter().map(|(stem, _)| *stem).collect();
            eprintln!(
                "usage: cargo run --example generated -- <{}>",
                stems.join("|")
            );
            ExitCode::from(2)
        }
    }
}
