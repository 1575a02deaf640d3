//! Comparing what the SDKs define with the catalog: codes the catalog lacks, catalog entries
//! from the SDK that the SDK no longer has, and entries whose facts differ from the SDK's (the
//! name for a number, the retryable flag, a source the entry does not name).

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
    /// The SDK's retryable flag, for rules that read one
    /// ([`CodeFrom::Key`](crate::rules::CodeFrom::Key)).
    pub retryable: Option<bool>,
}

/// How one table's found codes are matched with its entries (each rule's
/// [`CodeFrom::compare`](crate::rules::CodeFrom::compare); the rules of a table agree).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compare {
    /// By code, and in integer tables by number and name: a found code needs an entry with its
    /// name (and number), an entry from the SDK needs each of its names (aliases included)
    /// found. For SDKs whose names are the catalog's (Agora, CometChat).
    Names,
    /// By number alone: a found code needs an entry with its number, an entry from the SDK its
    /// number found. The SDK's name for the number is checked apart, against the entry's name,
    /// aliases and [`JS_PLATFORM`] name ([`Differs::Name`]). For SDKs whose names the catalog
    /// keeps beside its own (Stream, Sendbird).
    Numbers,
}

/// The key of the JavaScript SDK's name in [`ErrorInfo::platform_names`].
pub const JS_PLATFORM: &str = "js";

/// One catalog entry, as far as the comparison needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The number, in integer tables.
    pub number: Option<i64>,
    /// The code (string tables) or symbolic name, then the aliases.
    pub names: Vec<&'static str>,
    /// The names the JavaScript SDK gives it ([`JS_PLATFORM`] in its platform names).
    pub js_names: Vec<&'static str>,
    /// Whether the catalog says the checked package defines it: its `sources` name the
    /// package's source.
    pub from_sdk: bool,
    /// String tables: the numbers the SDK sends as `code` with this symbol in `name`.
    pub sdk_codes: Vec<i64>,
    /// The vendor's retryable flag ([`ErrorInfo::vendor_retryable`]).
    pub retryable: Option<bool>,
}

/// The entries of one catalog table; `from_sdk` says whether an entry names one of `sources`,
/// the ids of the checked packages' `[[source]]` blocks.
pub fn catalog(table: Table, sources: &[&str]) -> Vec<Entry> {
    let entry = |e: AnyChatError| Entry {
        number: e.code().as_i32().map(i64::from),
        names: std::iter::once(e.name())
            .chain(e.aliases().iter().copied())
            .collect(),
        js_names: e
            .platform_names()
            .iter()
            .filter(|(platform, _)| *platform == JS_PLATFORM)
            .map(|&(_, name)| name)
            .collect(),
        from_sdk: e.sources().list().iter().any(|s| sources.contains(&s.id())),
        sdk_codes: e.sdk_codes().iter().map(|&n| i64::from(n)).collect(),
        retryable: e.vendor_retryable(),
    };
    AnyChatError::all()
        .filter(|e| e.table() == table)
        .map(entry)
        .collect()
}

impl Entry {
    /// Whether this entry covers the found code, compared as `compare` says.
    pub fn covers(&self, f: &Found, compare: Compare) -> bool {
        let named = self.names.contains(&f.code.as_str());
        match (self.number, f.number) {
            (Some(n), Some(found)) if compare == Compare::Numbers => found == n,
            (Some(n), found) => named && found == Some(n),
            (None, Some(n)) => named && self.sdk_codes.contains(&n),
            (None, None) => named || (f.built && self.names.iter().any(|p| pattern(p, &f.code))),
        }
    }

    /// The names of this entry that nothing in `found` has (with its number, in integer tables);
    /// by number, its name if nothing has its number.
    fn missing_names(&self, found: &[Found], compare: Compare) -> Vec<&'static str> {
        if let (Compare::Numbers, Some(n)) = (compare, self.number) {
            let has = found.iter().any(|f| f.number == Some(n));
            return self
                .names
                .iter()
                .copied()
                .take(1)
                .filter(|_| !has)
                .collect();
        }
        let has = |name: &str| {
            let same =
                |f: &Found| f.code == name && (self.number.is_none() || f.number == self.number);
            found.iter().any(same)
        };
        self.names
            .iter()
            .copied()
            .filter(|name| !has(name))
            .collect()
    }

    /// `number name` (integer tables) or the code.
    fn label(&self) -> String {
        let name = self.names.first().copied().unwrap_or_default();
        self.number.map_or(String::new(), |n| format!("{n} ")) + name
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

/// What differs between a catalog entry and the code the SDK has.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Differs {
    /// By number: the SDK's name is not the entry's name, an alias or its [`JS_PLATFORM`] name.
    Name(String),
    /// The SDK's retryable flag is not the catalog's ([`ErrorInfo::vendor_retryable`]).
    Retryable {
        /// The SDK's flag.
        sdk: bool,
        /// The catalog's, if it has one.
        catalog: Option<bool>,
    },
    /// The SDK has the code, but the entry's `sources` do not name the package's source.
    Unsourced,
}

/// A catalog entry whose facts differ from the SDK's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The entry: `number name` in integer tables, else the code.
    pub entry: String,
    /// What differs.
    pub differs: Differs,
    /// Where the SDK has the code (the first place).
    pub origin: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (entry, origin) = (&self.entry, &self.origin);
        match &self.differs {
            Differs::Name(name) => write!(
                f,
                "{entry}: the SDK names it {name} (at {origin}), which is not its name, an \
                 alias or its {JS_PLATFORM:?} platform name"
            ),
            Differs::Retryable { sdk, catalog } => {
                let catalog = catalog.map_or("none".to_owned(), |c| c.to_string());
                write!(
                    f,
                    "{entry}: retryable is {sdk} in the SDK (at {origin}), {catalog} in the catalog"
                )
            }
            Differs::Unsourced => write!(
                f,
                "{entry}: the SDK has it (at {origin}), but its sources do not name the package"
            ),
        }
    }
}

/// The drift of one table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drift {
    /// Codes the SDK defines or throws that no entry covers, by number and code.
    pub missing: Vec<Missing>,
    /// Catalog entries from the SDK whose name (`number name` in integer tables) no rule found;
    /// compared by number, the entries whose number no rule found.
    pub gone: Vec<String>,
    /// Entries the SDK has whose facts differ from the SDK's, by entry.
    pub differ: Vec<Mismatch>,
}

impl Drift {
    /// Whether the catalog and the SDK agree.
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.gone.is_empty() && self.differ.is_empty()
    }
}

/// Compares the codes found in one table's SDK with the table's catalog entries.
pub fn drift(found: &[Found], catalog: &[Entry], compare: Compare) -> Drift {
    Drift {
        missing: missing(found, catalog, compare),
        gone: gone(found, catalog, compare),
        differ: differ(found, catalog, compare),
    }
}

/// The found codes no entry covers, each once: with its strongest use, the first place that
/// shows it and the first text any place has.
fn missing(found: &[Found], catalog: &[Entry], compare: Compare) -> Vec<Missing> {
    let mut by_code: BTreeMap<(Option<i64>, &str), Missing> = BTreeMap::new();
    for f in found
        .iter()
        .filter(|f| !catalog.iter().any(|e| e.covers(f, compare)))
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
fn gone(found: &[Found], catalog: &[Entry], compare: Compare) -> Vec<String> {
    let mut gone = BTreeSet::new();
    for e in catalog.iter().filter(|e| e.from_sdk) {
        let show = |name| e.number.map_or(String::new(), |n| format!("{n} ")) + name;
        gone.extend(e.missing_names(found, compare).into_iter().map(show));
    }
    gone.into_iter().collect()
}

/// The entries whose facts differ from those of the codes they cover, each difference once
/// (at the first place that shows it), by number and entry.
fn differ(found: &[Found], catalog: &[Entry], compare: Compare) -> Vec<Mismatch> {
    let mut differ: BTreeMap<(Option<i64>, String, Differs), String> = BTreeMap::new();
    for f in found {
        let Some(e) = catalog.iter().find(|e| e.covers(f, compare)) else {
            continue;
        };
        let named = e.names.contains(&f.code.as_str()) || e.js_names.contains(&f.code.as_str());
        let name = (compare == Compare::Numbers && !named).then(|| Differs::Name(f.code.clone()));
        let retryable = f.retryable.filter(|&r| e.retryable != Some(r));
        let retryable = retryable.map(|sdk| Differs::Retryable {
            sdk,
            catalog: e.retryable,
        });
        let unsourced = (!e.from_sdk).then_some(Differs::Unsourced);
        for differs in [name, retryable, unsourced].into_iter().flatten() {
            differ
                .entry((e.number, e.label(), differs))
                .or_insert_with(|| f.origin.clone());
        }
    }
    let mismatch = |((_, entry, differs), origin)| Mismatch {
        entry,
        differs,
        origin,
    };
    differ.into_iter().map(mismatch).collect()
}
