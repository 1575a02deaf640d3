//! `sdk-check`: compares the chat-error-codes catalog with the error codes of the vendors'
//! shipped SDKs (npm packages). A maintainer tool, not published.
//!
//! The [rule table](rules::RULES) says, for each SDK, which files to read, what to scan them for
//! and which catalog table the codes belong to. [`check`] runs every rule on a `node_modules`
//! folder and compares, table by table, what the rules found with the catalog:
//! - every code the SDK defines or throws that the catalog lacks, marked "raised", "declared"
//!   (in a type definition) or "defined, not raised" (a constant nothing refers to: a later
//!   build may raise it, and the catalog lists it all the same);
//! - every catalog entry marked as from the SDK that the SDK no longer has;
//! - every entry whose facts differ from the SDK's: compared by number, the SDK's name where it
//!   is none of the entry's; the SDK's `retryable` flag where the catalog's differs; a code the
//!   SDK has whose entry does not name the package's `[[source]]`.
//!
//! Modules: [`rules`] (the table), [`extract`] (text scanning, with the lexical helpers of
//! [`js`]), [`drift`](mod@drift) (the comparison); the binary prints the report.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod drift;
pub mod extract;
pub mod js;
pub mod rules;

use std::path::Path;

use chat_error_codes::{Table, catalog::SourceKind};

pub use drift::Found;
use drift::{Compare, Drift, drift};
use rules::Rule;

/// The package a table was checked against: installed, and as the catalog records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// `name version` from the installed package.json.
    pub installed: String,
    /// The catalog's `sdk` (see [`Table::sdk`]), if any.
    pub catalog: Option<&'static str>,
    /// The id and version of the package's `[[source]]` (the rule's `source`), which should be
    /// the version in `catalog`.
    pub source: (&'static str, Option<&'static str>),
}

impl Version {
    /// Whether the `[[source]]`'s version is the one in the catalog's `sdk`.
    pub fn source_agrees(&self) -> bool {
        let catalog = self.catalog.and_then(|c| c.rsplit_once(' ')).map(|c| c.1);
        self.source.1.is_some() && self.source.1 == catalog
    }
}

/// What one rule found.
#[derive(Clone, Debug)]
pub struct RuleResult {
    /// The rule.
    pub rule: Rule,
    /// The codes it found.
    pub found: Vec<Found>,
    /// Places it recognised but could not read, or matches that make no code.
    pub unread: Vec<String>,
}

/// The check of one catalog table.
#[derive(Clone, Debug)]
pub struct TableReport {
    /// The table.
    pub table: Table,
    /// Each package its rules read.
    pub versions: Vec<Version>,
    /// Each rule's findings, in rule order.
    pub rules: Vec<RuleResult>,
    /// The comparison with the catalog.
    pub drift: Drift,
}

impl TableReport {
    /// Whether there is nothing to act on: no drift and nothing unread.
    pub fn is_clean(&self) -> bool {
        self.drift.is_empty() && self.rules.iter().all(|r| r.unread.is_empty())
    }
}

/// Runs `rules` on the packages in the `node_modules` folder and compares each table's
/// findings with the catalog. Tables come in the order of their first rule.
pub fn check(node_modules: &Path, rules: &[Rule]) -> Result<Vec<TableReport>, String> {
    if !node_modules.is_dir() {
        return Err(format!("{} is not a folder", node_modules.display()));
    }
    let tables = unique(rules.iter().map(|r| r.table));
    let report = |&table| check_table(node_modules, table, rules);
    tables.iter().map(report).collect()
}

/// Checks one table: the versions of its packages, its rules, its drift.
fn check_table(dir: &Path, table: Table, rules: &[Rule]) -> Result<TableReport, String> {
    let rules: Vec<&Rule> = rules.iter().filter(|r| r.table == table).collect();
    let compare = compare(table, &rules)?;
    let packages = unique(rules.iter().map(|r| (r.package, r.source)));
    let versions = packages
        .iter()
        .map(|&(p, id)| version(&dir.join(p), table, id));
    let versions = versions.collect::<Result<_, _>>()?;
    let sources: Vec<&str> = packages.iter().map(|p| p.1).collect();
    let results = rules.iter().map(|r| run_rule(dir, r));
    let results: Vec<RuleResult> = results.collect::<Result<_, _>>()?;
    let found: Vec<Found> = results
        .iter()
        .flat_map(|r| r.found.iter().cloned())
        .collect();
    let drift = drift(&found, &drift::catalog(table, &sources), compare);
    Ok(TableReport {
        table,
        versions,
        rules: results,
        drift,
    })
}

/// How the table's rules compare their codes with the catalog: one way for the whole table.
fn compare(table: Table, rules: &[&Rule]) -> Result<Compare, String> {
    match unique(rules.iter().map(|r| r.code.compare())).as_slice() {
        [way] => Ok(*way),
        _ => Err(format!(
            "the rules of {table} compare codes in different ways (CodeFrom::compare): \
             one table, one way"
        )),
    }
}

/// The items in first-seen order, each once.
fn unique<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut seen = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

/// Runs one rule: reads its file, scans it and turns the matches into codes.
pub fn run_rule(dir: &Path, rule: &Rule) -> Result<RuleResult, String> {
    let text = read(&dir.join(rule.package).join(rule.file))?;
    let scanned = extract::scan(&text, &rule.scan);
    let (mut found, mut unread) = (Vec::new(), scanned.unread);
    for m in scanned.matches {
        match rule.code.found(m) {
            Ok(f) => found.push(f),
            Err(why) => unread.push(why),
        }
    }
    Ok(RuleResult {
        rule: *rule,
        found,
        unread,
    })
}

/// Reads a file, naming it in the error.
fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The installed package's `name version`, next to the one the catalog was checked against
/// and the version of its `[[source]]` `id`, which must be one of kind `sdk`.
fn version(package: &Path, table: Table, id: &'static str) -> Result<Version, String> {
    let source = table.sources().iter().find(|s| s.id() == id);
    let source = source
        .filter(|s| s.kind() == SourceKind::Sdk)
        .ok_or_else(|| {
            format!("{table} has no [[source]] {id:?} of kind sdk, which its rules name")
        })?;
    let path = package.join("package.json");
    let parsed = serde_json::from_str::<serde_json::Value>(&read(&path)?);
    let json = parsed.map_err(|e| format!("{}: {e}", path.display()))?;
    let (name, version) = (json["name"].as_str(), json["version"].as_str());
    let installed = name.zip(version).map(|(n, v)| format!("{n} {v}"));
    let installed = installed.ok_or_else(|| format!("{}: no name or version", path.display()))?;
    Ok(Version {
        installed,
        catalog: table.sdk(),
        source: (id, source.version()),
    })
}
