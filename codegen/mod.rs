//! The generator that build.rs runs: `data/*.toml` in, one Rust file per table out.
//!
//! [`build`] reads as the table of contents: for every table of the list (`src/tables.rs`),
//! [`validate::load`] parses the file ([`format`]) and checks it rule group by rule group into
//! the [`model`]; cross-table rules follow; then [`write::generate`] writes the table in named
//! steps (header, map value, enum and docs, metadata, maps and filters), the maps through
//! [`ptrhash`] (phf's PtrHash over the keys' fingerprints). [`naming`] holds the
//! naming rules, [`output`] the writer that cannot fail. The canonical and recovery names, the
//! default recovery rule, the fingerprint and the list of tables are the library's own files,
//! included here, so the generator and the library cannot disagree.

#[allow(dead_code)] // the generator uses the names and the default recovery only
#[path = "../src/classification.rs"]
mod classification;
#[allow(dead_code)] // the library probes and compares; the generator only builds
#[path = "../src/fingerprint.rs"]
pub mod fingerprint;
#[path = "../src/named_enum.rs"]
mod named_enum;
#[allow(unused_imports, unused_macros)] // the generator reads the list only
#[path = "../src/tables.rs"]
mod tables;

#[allow(dead_code)]
// the test that keeps benches/common/baselines.rs current calls it, build.rs never
pub mod baseline;
pub mod error;
pub mod format;
pub mod model;
pub mod naming;
pub mod output;
pub mod ptrhash;
pub mod validate;
pub mod write;

use std::path::Path;

pub use error::DataError;
pub use model::Table;
pub use validate::load;

/// One row of the list of tables, as the generator needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableId {
    /// The data file stem and the table's name (`cometchat_sdk`).
    pub stem: &'static str,
    /// The `Table` variant (`CometChatSdk`).
    pub variant: &'static str,
    /// Whether the list says its codes are integers.
    pub integer: bool,
}

macro_rules! table_ids {
    ($(($variant:ident, $stem:literal, $($module:ident)::+, $kind:ident, $vendor:ident, $doc:literal)),* $(,)?) => {
        /// Every table of the list, in order.
        pub const TABLES: &[TableId] = &[$(TableId {
            stem: $stem,
            variant: stringify!($variant),
            integer: tables::is_integer!($kind),
        }),*];

        /// Every table's module path (`agora::native`), by table name.
        pub const MODULES: &[(&str, &str)] = &[$(($stem, stringify!($($module)::+))),*];
    };
}

crate::for_each_table!(table_ids);

/// The list's row for a table name.
pub fn table_id(stem: &str) -> Option<&'static TableId> {
    TABLES.iter().find(|t| t.stem == stem)
}

/// Validates every table in `data_dir` and writes `<out_dir>/<table>.rs` for each, with the
/// module docs' exhaustive-match doctest `<out_dir>/<table>.match.md`; nothing is written unless
/// every table is valid.
pub fn build(data_dir: &Path, out_dir: &Path) -> Result<(), Vec<DataError>> {
    let tables = load_all(data_dir)?;
    for (id, table) in &tables {
        write_if_changed(
            &out_dir.join(format!("{}.rs", id.stem)),
            &write::generate(id, table),
        )?;
        if let Some((_, module)) = MODULES.iter().find(|(stem, _)| *stem == id.stem) {
            write_if_changed(
                &out_dir.join(format!("{}.match.md", id.stem)),
                &write::exhaustive_match(module, table),
            )?;
        }
    }
    Ok(())
}

/// Every table of the list, validated, with the rules that span tables.
pub fn load_all(data_dir: &Path) -> Result<Vec<(TableId, Table)>, Vec<DataError>> {
    let mut errors = Vec::new();
    let mut tables = Vec::new();
    for id in TABLES {
        let label = format!("data/{}.toml", id.stem);
        let path = data_dir.join(format!("{}.toml", id.stem));
        match std::fs::read_to_string(&path) {
            Ok(text) => match load(&label, &text) {
                Ok(table) => tables.push((*id, table)),
                Err(mut e) => errors.append(&mut e),
            },
            Err(e) => errors.push(DataError::file(
                &label,
                format!("cannot read {}: {e}", path.display()),
            )),
        }
    }
    for (id, table) in &tables {
        errors.extend(cross_table_problems(id, table));
    }
    errors.extend(unlisted_files(data_dir));
    if errors.is_empty() {
        Ok(tables)
    } else {
        Err(errors)
    }
}

/// What the list says must agree with the file: the code kind, and a fallback that names
/// another listed table.
fn cross_table_problems(id: &TableId, table: &Table) -> Vec<DataError> {
    let label = format!("data/{}.toml", id.stem);
    let mut errors = Vec::new();
    if table.integer != id.integer {
        errors.push(DataError::entry(
            &label,
            "[table]",
            "`codes` differs from the table's kind in the list of tables (src/tables.rs)",
        ));
    }
    if let Some(fallback) = &table.fallback {
        if table_id(fallback).is_none_or(|f| f.stem == id.stem) {
            errors.push(DataError::entry(
                &label,
                "[table]",
                format!(
                    "`fallback` {fallback:?} must name another table of the list (src/tables.rs)"
                ),
            ));
        }
    }
    errors
}

/// Data files that no row of the list names.
fn unlisted_files(data_dir: &Path) -> Vec<DataError> {
    let Ok(dir) = std::fs::read_dir(data_dir) else {
        return Vec::new();
    };
    let mut extra: Vec<String> = dir
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| {
            name.strip_suffix(".toml")
                .is_some_and(|stem| table_id(stem).is_none())
        })
        .collect();
    extra.sort();
    extra
        .iter()
        .map(|name| DataError::file(&format!("data/{name}"), "no row of the list of tables names this file; add one to `for_each_table!` in src/tables.rs"))
        .collect()
}

/// Writes only when the content changed, so that an unchanged table does not recompile.
fn write_if_changed(path: &Path, code: &str) -> Result<(), Vec<DataError>> {
    if std::fs::read_to_string(path).ok().as_deref() == Some(code) {
        return Ok(());
    }
    std::fs::write(path, code).map_err(|e| {
        vec![DataError::file(
            &path.display().to_string(),
            format!("cannot write: {e}"),
        )]
    })
}
