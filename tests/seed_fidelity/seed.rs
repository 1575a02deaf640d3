//! Seed files and the mismatch report.

use std::fmt::{Debug, Write as _};
use std::fs;
use std::path::PathBuf;

use chat_error_codes::Table;

use crate::{DEFAULT_SEEDS, SEEDS_ENV};

/// One seed document, read whole.
pub struct Seed {
    path: PathBuf,
    pub text: String,
}

impl Seed {
    /// Reads the single `<prefix>_*.txt` file of the seed folder; panics with a clear message
    /// when the folder or the file is missing.
    pub fn load(prefix: &str) -> Seed {
        let (dir, origin) = match std::env::var_os(SEEDS_ENV) {
            Some(dir) => (PathBuf::from(dir), format!("from ${SEEDS_ENV}")),
            None => (
                PathBuf::from(DEFAULT_SEEDS),
                format!("default; set ${SEEDS_ENV} to override"),
            ),
        };
        assert!(
            dir.is_dir(),
            "seed folder {} ({origin}) does not exist or is not a folder: the seed-fidelity tests \
             need the vendor documents the catalog is built from (../shared/seeds)",
            dir.display()
        );
        let entries = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot list seed folder {}: {e}", dir.display()));
        let mut found: Vec<PathBuf> = entries
            .map(|e| e.unwrap_or_else(|e| panic!("cannot list seed folder {}: {e}", dir.display())))
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("{prefix}_")) && n.ends_with(".txt"))
            })
            .collect();
        found.sort();
        assert!(
            found.len() == 1,
            "expected exactly one seed file {prefix}_*.txt in {} ({origin}), found {found:?}",
            dir.display()
        );
        let path = found.remove(0);
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read seed file {}: {e}", path.display()));
        Seed { path, text }
    }

    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

/// Every problem found in one seed file, reported all at once by [`Report::finish`].
pub struct Report {
    file: String,
    path: PathBuf,
    table: Table,
    problems: Vec<String>,
}

impl Report {
    pub fn new(seed: &Seed, table: Table) -> Report {
        Report {
            file: seed.file_name(),
            path: seed.path.clone(),
            table,
            problems: Vec::new(),
        }
    }

    /// The seed itself is not shaped as the parser expects (a parse error, not a catalog error).
    pub fn parse_error(&mut self, line: usize, what: &str, text: &str) {
        self.problems.push(format!(
            "{}:{line}: seed parse error: {what}\n      line: {text:?}",
            self.file
        ));
    }

    /// The catalog disagrees with the seed.
    pub fn mismatch(
        &mut self,
        line: Option<usize>,
        code: &str,
        what: &str,
        expected: impl Debug,
        found: impl Debug,
    ) {
        let at = line.map_or_else(String::new, |l| format!(":{l}"));
        self.problems.push(format!(
            "{}{at}: code {code:?}: {what}\n      expected: {expected:?}\n      found:    {found:?}",
            self.file
        ));
    }

    /// Fails the test with every problem found, if any.
    pub fn finish(self) {
        if self.problems.is_empty() {
            return;
        }
        let mut msg = format!(
            "{} problem(s) between seed {} and table {}:\n",
            self.problems.len(),
            self.path.display(),
            self.table
        );
        for p in &self.problems {
            let _ = writeln!(msg, "  - {p}");
        }
        panic!("{msg}");
    }
}
