//! Stability of the public catalog: `tests/snapshots/codes.txt` lists every entry of every table
//! as `<table>\t<VariantName>\t<code>`, in catalog order ([`AnyChatError::all`]).
//!
//! - `snapshot_matches_the_catalog` regenerates the list and compares it with the file. Adding
//!   entries is fine but must be reviewed: run `UPDATE_SNAPSHOTS=1 cargo test --test stability`
//!   to rewrite the file, and commit it with the data change.
//! - `no_snapshot_entry_is_removed_or_renamed` enforces the policy that codes and variant names
//!   are never removed or renamed, only deprecated. Regeneration cannot bypass it: an update that
//!   would drop a line is refused.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::OnceLock;

use chat_error_codes::{AnyChatError, ErrorInfo, Table};
use common::catalog::key;

const UPDATE_VAR: &str = "UPDATE_SNAPSHOTS";
const REGENERATE: &str = "UPDATE_SNAPSHOTS=1 cargo test --test stability";

fn snapshot_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/codes.txt")
}

fn updating() -> bool {
    std::env::var_os(UPDATE_VAR).is_some_and(|v| !v.is_empty() && v != "0")
}

/// The snapshot as committed, read once per test run (before any update rewrites it).
fn committed() -> &'static Option<String> {
    static TEXT: OnceLock<Option<String>> = OnceLock::new();
    TEXT.get_or_init(|| {
        std::fs::read_to_string(snapshot_path())
            .ok()
            .map(|s| s.replace("\r\n", "\n"))
    })
}

fn committed_lines() -> Vec<&'static str> {
    match committed() {
        Some(text) => text.lines().filter(|l| !l.is_empty()).collect(),
        None => Vec::new(),
    }
}

/// The list the current build produces.
fn current() -> String {
    let mut out = String::new();
    for e in AnyChatError::all() {
        let code = key(e);
        for field in [e.table().as_str(), e.variant_name(), code.as_str()] {
            assert!(
                !field.is_empty() && !field.contains(['\t', '\n', '\r']),
                "{e:?}: field {field:?} cannot be stored in the tab-separated snapshot"
            );
        }
        writeln!(out, "{}\t{}\t{}", e.table(), e.variant_name(), code).unwrap();
    }
    out
}

/// Lines only in `old` (removed) and only in `new` (added), each in its own file order.
fn diff<'a>(old: &[&'a str], new: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    let old_set: BTreeSet<&str> = old.iter().copied().collect();
    let new_set: BTreeSet<&str> = new.iter().copied().collect();
    let removed = old
        .iter()
        .copied()
        .filter(|l| !new_set.contains(l))
        .collect();
    let added = new
        .iter()
        .copied()
        .filter(|l| !old_set.contains(l))
        .collect();
    (removed, added)
}

fn render(removed: &[&str], added: &[&str], old: &[&str], new: &[&str]) -> String {
    let mut out = String::new();
    for line in removed {
        writeln!(out, "- {}", line.replace('\t', "  ")).unwrap();
    }
    for line in added {
        writeln!(out, "+ {}", line.replace('\t', "  ")).unwrap();
    }
    if removed.is_empty() && added.is_empty() {
        // Same lines, another order: show the first place where they part.
        if let Some(i) = (0..old.len().min(new.len())).find(|&i| old[i] != new[i]) {
            writeln!(
                out,
                "order changed at line {}:\n  snapshot: {}\n  build:    {}",
                i + 1,
                old[i].replace('\t', "  "),
                new[i].replace('\t', "  ")
            )
            .unwrap();
        }
    }
    out
}

#[test]
fn snapshot_matches_the_catalog() {
    let current = current();
    let new: Vec<&str> = current.lines().collect();
    let old = committed_lines();
    let (removed, added) = diff(&old, &new);
    let same = old == new;

    if updating() {
        assert!(
            removed.is_empty(),
            "refusing to update {}: {} entries would be removed or renamed; codes are never \
             removed or renamed, only deprecated.\n{}",
            snapshot_path().display(),
            removed.len(),
            render(&removed, &[], &old, &new)
        );
        if !same {
            std::fs::create_dir_all(snapshot_path().parent().unwrap()).unwrap();
            std::fs::write(snapshot_path(), &current).unwrap();
            eprintln!(
                "updated {} (+{} lines)",
                snapshot_path().display(),
                added.len()
            );
        }
        return;
    }

    assert!(
        committed().is_some(),
        "{} is missing; generate it with `{REGENERATE}`",
        snapshot_path().display()
    );
    assert!(
        same,
        "the catalog no longer matches {} ({} removed, {} added):\n{}\nReview the change; if it \
         is intended, regenerate the snapshot with `{REGENERATE}` and commit it.",
        snapshot_path().display(),
        removed.len(),
        added.len(),
        render(&removed, &added, &old, &new)
    );
}

#[test]
fn no_snapshot_entry_is_removed_or_renamed() {
    let old = committed_lines();
    if old.is_empty() && updating() {
        return; // first generation: nothing to protect yet
    }
    assert!(
        !old.is_empty(),
        "{} is missing or empty; generate it with `{REGENERATE}`",
        snapshot_path().display()
    );
    let by_variant: HashMap<(Table, &str), AnyChatError> = AnyChatError::all()
        .map(|e| ((e.table(), e.variant_name()), e))
        .collect();

    let mut problems = Vec::new();
    for (i, line) in old.iter().enumerate() {
        let n = i + 1;
        let fields: Vec<&str> = line.split('\t').collect();
        let [table, variant, code] = fields[..] else {
            problems.push(format!(
                "line {n}: expected `<table>\\t<VariantName>\\t<code>`, got {line:?}"
            ));
            continue;
        };
        let Ok(table) = table.parse::<Table>() else {
            problems.push(format!("line {n}: table `{table}` no longer exists"));
            continue;
        };
        let by_name = by_variant.get(&(table, variant)).copied();
        let by_code = table.lookup(code);
        match (by_name, by_code) {
            (None, None) => problems.push(format!(
                "line {n}: {table} entry {variant} (code {code}) was removed"
            )),
            (None, Some(e)) => problems.push(format!(
                "line {n}: {table} variant {variant} was renamed to {} (code {code})",
                e.variant_name()
            )),
            (Some(e), None) => problems.push(format!(
                "line {n}: {table} code {code} was removed or renamed (variant {variant} now has \
                 code {})",
                e.code()
            )),
            (Some(a), Some(b)) if a != b => problems.push(format!(
                "line {n}: {table} code {code} now belongs to {} instead of {variant}",
                b.variant_name()
            )),
            (Some(e), Some(_)) => {
                let now = key(e);
                if now != code {
                    problems.push(format!(
                        "line {n}: {table} variant {variant}'s code changed from {code} to {now}"
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "codes and variant names are never removed or renamed, only deprecated \
         (`deprecated = \"...\"` in data/*.toml):\n{}",
        problems.join("\n")
    );
}
