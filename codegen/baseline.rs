//! The benchmarks' baseline: a plain `match` over a table's lookup strings (and numbers),
//! returning the entry index, which is what strum's `EnumString` derives. Never part of the
//! library: `benches/common/baselines.rs` is this output, committed, and a test keeps it current.

use crate::codegen::TableId;
use crate::codegen::model::Table;
use crate::codegen::output::Output;

/// The header of `benches/common/baselines.rs`.
pub const HEADER: &str = "// @generated from data/*.toml by codegen/baseline.rs: `match` lookups over the same codes,\n// for benches/ only. Regenerate: `CHAT_ERROR_CODES_BLESS=1 cargo test --test validation`.\n";

/// `match_<table>` (and, for integer tables, `match_<table>_number`).
pub fn generate_baseline(id: &TableId, table: &Table) -> String {
    let mut out = Output::default();
    let stem = id.stem;
    writeln!(
        out,
        "#[allow(dead_code)]\npub fn match_{stem}(code: &str) -> Option<u16> {{\n    match code {{"
    );
    for (key, index) in table.keys() {
        writeln!(out, "        {key:?} => Some({index}),");
    }
    writeln!(out, "        _ => None,\n    }}\n}}");
    if table.integer {
        writeln!(
            out,
            "#[allow(dead_code)]\npub fn match_{stem}_number(code: i32) -> Option<u16> {{\n    match code {{"
        );
        for (index, entry) in table.entries.iter().enumerate() {
            if let Some(n) = entry.number {
                writeln!(out, "        {n} => Some({index}),");
            }
        }
        writeln!(out, "        _ => None,\n    }}\n}}");
    }
    out.into_string()
}
