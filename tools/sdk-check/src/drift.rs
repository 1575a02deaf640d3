//! Comparing what the SDKs define with the catalog: codes the catalog lacks, and catalog
//! entries from the SDK that the SDK no longer has.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chat_error_codes::{AnyChatError, ErrorInfo, Table};

use crate::extract::Use;

/// One code found in an SDK.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The code; a symbolic name where the SDK sends a number; `{param}` for placeholders.
    pub code: String,
    /// The number: an integer table's code, or the number a string table's SDK sends as `code`
    /// with this symbol in `name`.
    pub number: Option<i64>,
    /// Where the SDK defines or builds it.
    pub origin: String,
    /// The SDK's text for it, if any (a message or doc comment).
    pub text: Option<String>,
    /// Whether the SDK uses it.
    pub used: Use,
    /// Built at run time from a template: a pattern entry (`INVALID_{param}`) covers it.
    pub built: bool,
}

/// One catalog entry, as far as the comparison needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The number, in integer tables.
    pub number: Option<i64>,
    /// The code (string tables) or symbolic name, then the aliases.
    pub names: Vec<&'static str>,
    /// Whether the catalog says the SDK defines it (`sources` has "sdk").
    pub from_sdk: bool,
    /// String tables: the numbers the SDK sends as `code` with this symbol in `name`.
    pub sdk_codes: Vec<i64>,
}

/// The entries of one catalog table.
pub fn catalog(table: Table) -> Vec<Entry> {
    let entry = |e: AnyChatError| Entry {
        number: e.code().as_i32().map(i64::from),
        names: std::iter::once(e.name())
            .chain(e.aliases().iter().copied())
            .collect(),
        from_sdk: e.sources().sdk(),
        sdk_codes: e.sdk_codes().iter().map(|&n| i64::from(n)).collect(),
    };
    AnyChatError::all()
        .filter(|e| e.table() == table)
        .map(entry)
        .collect()
}

impl Entry {
    /// Whether this entry covers the found code.
    pub fn covers(&self, f: &Found) -> bool {
        let named = self.names.contains(&f.code.as_str());
        match (self.number, f.number) {
            (Some(n), found) => named && found == Some(n),
            (None, Some(n)) => named && self.sdk_codes.contains(&n),
            (None, None) => named || (f.built && self.names.iter().any(|p| pattern(p, &f.code))),
        }
    }

    /// The names of this entry that nothing in `found` has (with its number, in integer tables).
    fn missing_names<'a>(&'a self, found: &'a [Found]) -> impl Iterator<Item = &'static str> + 'a {
        let has = |name: &str| {
            let same =
                |f: &Found| f.code == name && (self.number.is_none() || f.number == self.number);
            found.iter().any(same)
        };
        self.names.iter().copied().filter(move |name| !has(name))
    }
}

/// Whether `code` is an instance of the pattern code `pattern` (`INVALID_{param}`): the same
/// rule as the library's, a parameter of upper-case letters, digits and inner `_`.
fn pattern(pattern: &str, code: &str) -> bool {
    let Some((prefix, suffix)) = pattern.split_once("{param}") else {
        return false;
    };
    let param = code
        .strip_prefix(prefix)
        .and_then(|c| c.strip_suffix(suffix));
    param.is_some_and(|p| {
        let allowed = p
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        allowed && !p.is_empty() && !p.starts_with('_') && !p.ends_with('_')
    })
}

/// A code an SDK defines or throws that the catalog lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    /// The number (see [`Found::number`]).
    pub number: Option<i64>,
    /// The code.
    pub code: String,
    /// Whether the SDK uses it: the most any of its places shows.
    pub used: Use,
    /// Where: the first place with that use.
    pub origin: String,
    /// The SDK's text, if a place has one.
    pub text: Option<String>,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(n) = self.number {
            write!(f, "{n} ")?;
        }
        write!(
            f,
            "{} ({}) at {}",
            self.code,
            self.used.label(),
            self.origin
        )?;
        self.text.as_ref().map_or(Ok(()), |t| write!(f, ": {t:?}"))
    }
}

/// The drift of one table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drift {
    /// Codes the SDK defines or throws that no entry covers, by number and code.
    pub missing: Vec<Missing>,
    /// Catalog entries from the SDK whose name (`number name` in integer tables) no rule found.
    pub gone: Vec<String>,
}

impl Drift {
    /// Whether the catalog and the SDK agree.
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.gone.is_empty()
    }
}

/// Compares the codes found in one table's SDK with the table's catalog entries.
pub fn drift(found: &[Found], catalog: &[Entry]) -> Drift {
    Drift {
        missing: missing(found, catalog),
        gone: gone(found, catalog),
    }
}

/// The found codes no entry covers, each once: with its strongest use, the first place that
/// shows it and the first text any place has.
fn missing(found: &[Found], catalog: &[Entry]) -> Vec<Missing> {
    let mut by_code: BTreeMap<(Option<i64>, &str), Missing> = BTreeMap::new();
    for f in found
        .iter()
        .filter(|f| !catalog.iter().any(|e| e.covers(f)))
    {
        let (number, code, used) = (f.number, f.code.clone(), f.used);
        let (origin, text) = (f.origin.clone(), f.text.clone());
        let new = Missing {
            number,
            code,
            used,
            origin,
            text,
        };
        let m = by_code
            .entry((f.number, &f.code))
            .or_insert_with(|| new.clone());
        if new.used > m.used {
            (m.used, m.origin) = (new.used, new.origin);
        }
        m.text = m.text.take().or(new.text);
    }
    by_code.into_values().collect()
}

/// The names of catalog entries from the SDK that nothing found has.
fn gone(found: &[Found], catalog: &[Entry]) -> Vec<String> {
    let mut gone = BTreeSet::new();
    for e in catalog.iter().filter(|e| e.from_sdk) {
        let show = |name| e.number.map_or(String::new(), |n| format!("{n} ")) + name;
        gone.extend(e.missing_names(found).map(show));
    }
    gone.into_iter().collect()
}
