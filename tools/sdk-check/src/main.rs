//! `sdk-check`: reports drift between the catalog and the vendors' installed SDKs.
//!
//! Usage: `cargo run -p sdk-check -- <node_modules folder>`. The folder must hold every package
//! of the rule table (`sdk_check::rules::RULES`). Exit status: 0 no drift, 1 drift (or places
//! the scanners could not read), 2 usage or I/O error.
#![forbid(unsafe_code)]
#![deny(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use sdk_check::{RuleResult, TableReport, Version, check, drift::Drift, rules::RULES};

/// Command-line arguments.
#[derive(Parser)]
#[command(about = "Reports drift between the catalog and the installed vendor SDKs")]
struct Args {
    /// The node_modules folder that holds the SDK packages.
    node_modules: PathBuf,
}

/// Runs the check and prints the report; see the crate docs for the exit status.
fn main() -> ExitCode {
    match check(&Args::parse().node_modules, RULES) {
        Ok(reports) => {
            reports.iter().for_each(print_findings);
            reports
                .iter()
                .for_each(|r| print_drift(r.table.as_str(), &r.drift));
            let clean = reports.iter().all(TableReport::is_clean);
            println!("{}", if clean { "no drift" } else { "drift found" });
            ExitCode::from(u8::from(!clean))
        }
        Err(e) => {
            eprintln!("sdk-check: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Prints a table's package versions and what each rule found.
fn print_findings(report: &TableReport) {
    let table = report.table.as_str();
    report.versions.iter().for_each(|v| print_version(table, v));
    report.rules.iter().for_each(|r| print_rule(table, r));
}

/// `table: installed <package version>; catalog checked against <…> (same)`, and where the
/// package's `[[source]]` records another version, that.
fn print_version(table: &str, v: &Version) {
    let catalog = v.catalog.unwrap_or("nothing");
    let same = if v.installed == catalog {
        "same"
    } else {
        "VERSION DIFFERS"
    };
    let source = if v.source_agrees() {
        String::new()
    } else {
        let (id, version) = (v.source.0, v.source.1.unwrap_or("no version"));
        format!("; but its [[source]] {id} records {version} (DATA DISAGREES)")
    };
    println!(
        "{table}: installed {}; catalog checked against {catalog} ({same}){source}",
        v.installed
    );
}

/// `table: <package>/<file>, <scan>: N codes (n raised, …)`, then what it could not read.
fn print_rule(table: &str, r: &RuleResult) {
    let (rule, mut uses) = (&r.rule, Vec::new());
    for f in &r.found {
        match uses.iter_mut().find(|(u, _)| *u == f.used) {
            Some((_, n)) => *n += 1,
            None => uses.push((f.used, 1)),
        }
    }
    uses.sort();
    let uses: Vec<String> = uses
        .iter()
        .rev()
        .map(|(u, n)| format!("{n} {}", u.label()))
        .collect();
    let (package, file, scan, count) = (rule.package, rule.file, rule.scan, r.found.len());
    println!(
        "{table}: {package}/{file}, {scan}: {count} codes ({})",
        uses.join(", ")
    );
    r.unread
        .iter()
        .for_each(|u| println!("  COULD NOT READ {u}"));
}

/// The table's two lists of drift.
fn print_drift(table: &str, drift: &Drift) {
    println!(
        "{table}: SDK codes missing from the catalog: {}",
        drift.missing.len()
    );
    drift.missing.iter().for_each(|m| println!("  {m}"));
    println!(
        "{table}: catalog entries gone from the SDK: {}",
        drift.gone.len()
    );
    drift.gone.iter().for_each(|g| println!("  {g}"));
    println!(
        "{table}: catalog entries that differ from the SDK: {}",
        drift.differ.len()
    );
    drift.differ.iter().for_each(|d| println!("  {d}"));
}
