//! [`DataError`]: one problem in a data file, naming the file, the entry and the rule.

use std::fmt;

/// One problem in a data file: which file, which entry (if any) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file, as `data/<table>.toml`.
    pub file: String,
    /// The entry: its code, or `section <id>`, or `[table]`; `None` for the whole file.
    pub entry: Option<String>,
    /// What is wrong, naming the rule.
    pub problem: String,
}

impl DataError {
    /// A problem with the whole file.
    pub fn file(file: &str, problem: impl Into<String>) -> Self {
        DataError {
            file: file.to_owned(),
            entry: None,
            problem: problem.into(),
        }
    }

    /// A problem with one entry (or section, or the header).
    pub fn entry(file: &str, entry: &str, problem: impl Into<String>) -> Self {
        DataError {
            file: file.to_owned(),
            entry: Some(entry.to_owned()),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.entry {
            Some(entry) => write!(f, "{}: entry {}: {}", self.file, entry, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}
