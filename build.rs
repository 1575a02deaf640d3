//! Compiles the vendor tables in `data/*.toml` into Rust.
//!
//! For every table this writes `$OUT_DIR/<table>.rs` holding: the `ChatError` enum (one documented
//! variant per distinct code), one static metadata table, the `phf` maps from code string (and,
//! for integer tables, from number) to variant, the sections and, where the data has them, the
//! pattern codes. The library includes those files from one module per vendor.
//!
//! Everything is validated before anything is generated; a problem stops the build with
//! `<file>: entry <code>: <problem>`. The same functions are compiled into the validation tests
//! (`tests/validation.rs` includes this file as a module), so the fixtures exercise exactly the
//! checks a release build runs.
//!
//! `CHAT_ERROR_CODES_DATA_DIR` points the generator at another data folder with the same five
//! files; the scaling benchmark uses it, default builds never do.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The tables the library has a module for, by file stem.
pub const TABLES: [&str; 5] = [
    "cometchat_sdk",
    "cometchat_calls",
    "cometchat_rest",
    "genesys_chat",
    "agora_chat",
];

/// Variant names of `chat_error_codes::Canonical`, as the data spells them.
pub const CANONICAL: [&str; 17] = [
    "Ok",
    "InvalidArgument",
    "FailedPrecondition",
    "OutOfRange",
    "Unauthenticated",
    "PermissionDenied",
    "NotFound",
    "AlreadyExists",
    "Aborted",
    "ResourceExhausted",
    "Cancelled",
    "DeadlineExceeded",
    "Unavailable",
    "Unimplemented",
    "Internal",
    "DataLoss",
    "Unknown",
];

/// Variant names of `chat_error_codes::Recovery`, as the data spells them.
pub const RECOVERY: [&str; 10] = [
    "NoAction",
    "RetryWithBackoff",
    "Reconnect",
    "Reauthenticate",
    "FixRequest",
    "FixPrecondition",
    "WaitForCompletion",
    "UpgradePlan",
    "ContactVendor",
    "DoNotRetry",
];

/// The placeholder that makes a string code a pattern (`INVALID_{param}`).
pub const PARAM: &str = "{param}";

const DATA_DIR_VAR: &str = "CHAT_ERROR_CODES_DATA_DIR";

#[allow(dead_code)] // tests include this file as a module and never call `main`
fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let data_dir = match std::env::var_os(DATA_DIR_VAR) {
        Some(dir) => manifest.join(dir),
        None => manifest.join("data"),
    };
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed={}", data_dir.display());
    println!("cargo::rerun-if-env-changed={DATA_DIR_VAR}");

    if let Err(errors) = run(&data_dir, &out_dir) {
        for error in &errors {
            eprintln!("error: {error}");
        }
        std::process::exit(1);
    }
}

fn run(data_dir: &Path, out_dir: &Path) -> Result<(), Vec<DataError>> {
    let mut errors = Vec::new();
    let mut generated = Vec::new();
    for stem in TABLES {
        let path = data_dir.join(format!("{stem}.toml"));
        let label = format!("data/{stem}.toml");
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                errors.push(DataError::file(
                    &label,
                    format!("cannot read {}: {e}", path.display()),
                ));
                continue;
            }
        };
        match load(&label, &text) {
            Ok(table) => generated.push((stem, generate(stem, &table))),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if let Ok(dir) = std::fs::read_dir(data_dir) {
        let mut extra: Vec<String> = dir
            .filter_map(|entry| entry.ok())
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter(|name| name.ends_with(".toml"))
            .filter(|name| !TABLES.iter().any(|stem| *name == format!("{stem}.toml")))
            .collect();
        extra.sort();
        for name in extra {
            errors.push(DataError::file(
                &format!("data/{name}"),
                "no module of the library includes this table; add it to TABLES in build.rs and to src/",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for (stem, code) in generated {
        let path = out_dir.join(format!("{stem}.rs"));
        // Write only when the content changed, so that an unchanged table does not recompile.
        if std::fs::read_to_string(&path).ok().as_deref() != Some(code.as_str()) {
            std::fs::write(&path, code).map_err(|e| {
                vec![DataError::file(
                    stem,
                    format!("cannot write {}: {e}", path.display()),
                )]
            })?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Validation errors
// ---------------------------------------------------------------------------------------------

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
    fn file(file: &str, problem: impl Into<String>) -> Self {
        DataError {
            file: file.to_owned(),
            entry: None,
            problem: problem.into(),
        }
    }

    fn entry(file: &str, entry: &str, problem: impl Into<String>) -> Self {
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

// ---------------------------------------------------------------------------------------------
// The data format (see README "Data files"); `deny_unknown_fields` makes typos fail the build.
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum CodeKind {
    String,
    Integer,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    vendor: String,
    title: String,
    source: String,
    url: String,
    codes: CodeKind,
    min: Option<i64>,
    max: Option<i64>,
    sdk: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    title: String,
    canonical: String,
    range: Option<[i64; 2]>,
    #[serde(default)]
    other_titles: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum RawCode {
    Int(i64),
    Str(String),
}

impl fmt::Display for RawCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RawCode::Int(n) => write!(f, "{n}"),
            RawCode::Str(s) => write!(f, "{s}"),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAlso {
    section: String,
    message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    code: RawCode,
    name: Option<String>,
    variant: Option<String>,
    section: String,
    message: String,
    description: Option<String>,
    #[serde(default)]
    also: Vec<RawAlso>,
    canonical: Option<String>,
    recovery: Option<String>,
    #[serde(default)]
    passthrough: bool,
    deprecated: Option<String>,
    note: Option<String>,
    sources: Option<Vec<String>>,
    sdk_message: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    sdk_codes: Vec<i64>,
}

// ---------------------------------------------------------------------------------------------
// The validated model
// ---------------------------------------------------------------------------------------------

/// A table after validation, ready to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Vendor display name.
    pub vendor: String,
    /// The table's title.
    pub title: String,
    /// The source document.
    pub source: String,
    /// The vendor's public page.
    pub url: String,
    /// The SDK package and version checked against, if any.
    pub sdk: Option<String>,
    /// Whether codes are integers.
    pub integer: bool,
    /// Sections in document order.
    pub sections: Vec<Section>,
    /// Entries in document order.
    pub entries: Vec<Entry>,
}

/// A validated section.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Identifier used by entries.
    pub id: String,
    /// The vendor's heading.
    pub title: String,
    /// Further headings of the same section.
    pub other_titles: Vec<String>,
    /// Default canonical code.
    pub canonical: String,
    /// Documented code range, if any.
    pub range: Option<(i32, i32)>,
}

/// A validated entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The code: string, or integer (as decimal) for integer tables.
    pub code: String,
    /// The integer code, for integer tables.
    pub number: Option<i32>,
    /// Symbolic name (string tables: the code).
    pub name: String,
    /// Further symbolic names.
    pub aliases: Vec<String>,
    /// The Rust variant name.
    pub variant: String,
    /// `(section index, message)` in document order; the first is the primary.
    pub texts: Vec<(usize, String)>,
    /// Longer explanation.
    pub description: Option<String>,
    /// Canonical code (resolved from the section default).
    pub canonical: String,
    /// Recovery advice (resolved from the canonical code).
    pub recovery: String,
    /// From the REST API, passed through by the SDK.
    pub passthrough: bool,
    /// Deprecation note.
    pub deprecated: Option<String>,
    /// Our remark.
    pub note: Option<String>,
    /// Listed in the vendor's documentation.
    pub from_docs: bool,
    /// Defined or thrown by the vendor's shipped SDK.
    pub from_sdk: bool,
    /// The SDK's own message, where it differs from the docs.
    pub sdk_message: Option<String>,
    /// Numeric codes the SDK sends with this name.
    pub sdk_codes: Vec<i32>,
    /// `Some((prefix, suffix))` for a pattern code.
    pub pattern: Option<(String, String)>,
}

/// The advice that follows from a canonical code unless an entry overrides it.
pub fn default_recovery(canonical: &str) -> &'static str {
    match canonical {
        "Ok" => "NoAction",
        "InvalidArgument" | "OutOfRange" => "FixRequest",
        "FailedPrecondition" => "FixPrecondition",
        "Unauthenticated" => "Reauthenticate",
        "Aborted" | "ResourceExhausted" | "DeadlineExceeded" | "Unavailable" => "RetryWithBackoff",
        "Internal" | "DataLoss" | "Unknown" => "ContactVendor",
        _ => "DoNotRetry",
    }
}

/// Derives the variant name from a code or symbolic name: `ERR_UID_NOT_FOUND` -> `ErrUidNotFound`,
/// `INVALID_{param}` -> `InvalidParam`.
pub fn variant_name(code: &str) -> String {
    code.split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let part = if part == PARAM { "PARAM" } else { part };
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect()
}

const KEYWORDS: [&str; 51] = [
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
];

/// Whether `name` can be a Rust variant identifier.
pub fn valid_ident(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric())
        && !KEYWORDS.contains(&name)
}

/// Vendor codes are ASCII letters, digits and `_` with at least one upper-case letter; lower
/// case is allowed only because vendors misspell (`INVALID_UIDs`), and is kept as sent.
fn is_code_string(code: &str) -> bool {
    let plain = code.replacen(PARAM, "P", 1);
    plain.chars().any(|c| c.is_ascii_uppercase())
        && plain.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_symbol(name: &str) -> bool {
    !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// Text that is safe to keep: non-empty, trimmed, one line, no control characters.
fn text_problem(text: &str) -> Option<&'static str> {
    if text.trim().is_empty() {
        Some("is empty")
    } else if text.trim() != text {
        Some("has leading or trailing whitespace")
    } else if text.chars().any(char::is_control) {
        Some("contains a control character (line break, tab, NUL)")
    } else {
        None
    }
}

/// Parses and validates one data file. `label` names it in messages (`data/<table>.toml`).
pub fn load(label: &str, text: &str) -> Result<Table, Vec<DataError>> {
    let doc: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        vec![DataError::file(
            label,
            format!("malformed TOML: {}", e.to_string().trim()),
        )]
    })?;
    let mut errors = Vec::new();
    for key in doc.keys() {
        if !matches!(key.as_str(), "table" | "section" | "error") {
            errors.push(DataError::file(
                label,
                format!(
                    "unknown top-level key `{key}` (expected `[table]`, `[[section]]`, `[[error]]`)"
                ),
            ));
        }
    }
    let raw_table = match doc.get("table") {
        None => {
            errors.push(DataError::file(label, "missing `[table]` header"));
            return Err(errors);
        }
        Some(value) => match RawTable::deserialize(value.clone()) {
            Ok(t) => t,
            Err(e) => {
                errors.push(DataError::entry(
                    label,
                    "[table]",
                    e.to_string().trim().to_owned(),
                ));
                return Err(errors);
            }
        },
    };
    let integer = raw_table.codes == CodeKind::Integer;
    let bounds = match (integer, raw_table.min, raw_table.max) {
        (true, Some(min), Some(max))
            if min <= max && min >= i32::MIN.into() && max <= i32::MAX.into() =>
        {
            Some((min, max))
        }
        (true, _, _) => {
            errors.push(DataError::entry(
                label,
                "[table]",
                "an integer table needs `min` <= `max`, both within i32",
            ));
            None
        }
        (false, None, None) => None,
        (false, _, _) => {
            errors.push(DataError::entry(
                label,
                "[table]",
                "`min`/`max` only apply to integer tables",
            ));
            None
        }
    };
    for (key, value) in [
        ("vendor", &raw_table.vendor),
        ("title", &raw_table.title),
        ("source", &raw_table.source),
        ("url", &raw_table.url),
        ("sdk", raw_table.sdk.as_ref().unwrap_or(&raw_table.url)),
    ] {
        if let Some(problem) = text_problem(value) {
            errors.push(DataError::entry(
                label,
                "[table]",
                format!("`{key}` {problem}"),
            ));
        }
    }

    let mut sections: Vec<Section> = Vec::new();
    for (i, value) in array(&doc, "section", label, &mut errors)
        .iter()
        .enumerate()
    {
        let where_ = value.get("id").and_then(|v| v.as_str()).map_or_else(
            || format!("section #{}", i + 1),
            |id| format!("section {id}"),
        );
        let raw = match RawSection::deserialize(value.clone()) {
            Ok(raw) => raw,
            Err(e) => {
                errors.push(DataError::entry(
                    label,
                    &where_,
                    e.to_string().trim().to_owned(),
                ));
                continue;
            }
        };
        let mut ok = true;
        if raw.id.is_empty()
            || !raw
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            errors.push(DataError::entry(
                label,
                &where_,
                "`id` must be snake_case ([a-z0-9_]+)",
            ));
            ok = false;
        }
        if sections.iter().any(|s| s.id == raw.id) {
            errors.push(DataError::entry(label, &where_, "duplicate section id"));
            ok = false;
        }
        for title in std::iter::once(&raw.title).chain(&raw.other_titles) {
            if let Some(problem) = text_problem(title) {
                errors.push(DataError::entry(label, &where_, format!("title {problem}")));
                ok = false;
            }
        }
        if !CANONICAL.contains(&raw.canonical.as_str()) {
            errors.push(DataError::entry(
                label,
                &where_,
                unknown_word("canonical", &raw.canonical, &CANONICAL),
            ));
            ok = false;
        }
        let range = match (raw.range, bounds) {
            (None, _) => None,
            (Some([start, end]), Some((min, max)))
                if start <= end && start >= min && end <= max =>
            {
                // Bounds are within i32 (checked above), so these conversions cannot fail.
                Some((
                    i32::try_from(start).unwrap_or(i32::MIN),
                    i32::try_from(end).unwrap_or(i32::MAX),
                ))
            }
            (Some([start, end]), _) => {
                errors.push(DataError::entry(
                    label,
                    &where_,
                    format!("range [{start}, {end}] must be ascending and inside the table's min..=max (integer tables only)"),
                ));
                ok = false;
                None
            }
        };
        if let Some((start, end)) = range {
            if let Some(other) = sections
                .iter()
                .find(|s| s.range.is_some_and(|(a, b)| start <= b && a <= end))
            {
                errors.push(DataError::entry(
                    label,
                    &where_,
                    format!("range overlaps section {}", other.id),
                ));
                ok = false;
            }
        }
        if ok {
            sections.push(Section {
                id: raw.id,
                title: raw.title,
                other_titles: raw.other_titles,
                canonical: raw.canonical,
                range,
            });
        }
    }

    let mut entries: Vec<Entry> = Vec::new();
    let mut variants: BTreeMap<String, String> = BTreeMap::new();
    let mut symbols: BTreeMap<String, String> = BTreeMap::new();
    for (i, value) in array(&doc, "error", label, &mut errors).iter().enumerate() {
        let where_ = match value.get("code") {
            Some(toml::Value::String(s)) => format!("{s:?}"),
            Some(toml::Value::Integer(n)) => n.to_string(),
            _ => format!("#{}", i + 1),
        };
        let raw = match RawEntry::deserialize(value.clone()) {
            Ok(raw) => raw,
            Err(e) => {
                errors.push(DataError::entry(
                    label,
                    &where_,
                    e.to_string().trim().to_owned(),
                ));
                continue;
            }
        };
        let before = errors.len();
        let mut fail = |problem: String| errors.push(DataError::entry(label, &where_, problem));

        let (code, number) = match (&raw.code, bounds) {
            (RawCode::Str(s), None) => {
                if !is_code_string(s) || s.matches(PARAM).count() > 1 {
                    fail(format!(
                        "code {s:?} must be ASCII letters, digits and `_` with at least one upper-case letter, and at most one `{PARAM}`"
                    ));
                }
                (s.clone(), None)
            }
            (RawCode::Int(n), Some((min, max))) => {
                if *n < min || *n > max {
                    fail(format!(
                        "integer code {n} is out of range (the table allows {min}..={max})"
                    ));
                }
                (n.to_string(), i32::try_from(*n).ok())
            }
            (RawCode::Str(_), Some(_)) => {
                fail("this is an integer table: `code` must be a TOML integer".to_owned());
                (raw.code.to_string(), None)
            }
            (RawCode::Int(_), None) => {
                fail("this is a string table: `code` must be a TOML string".to_owned());
                (raw.code.to_string(), None)
            }
        };
        if entries.iter().any(|e| e.code == code) {
            fail(format!(
                "duplicate code {code}: list it once and put the other occurrence in `also`"
            ));
        }
        let name = match (&raw.name, integer) {
            (Some(name), true) => {
                if !is_symbol(name) {
                    fail(format!("name {name:?} must be SCREAMING_SNAKE_CASE"));
                }
                name.clone()
            }
            (None, true) => {
                fail("missing field `name` (integer tables need a symbolic name)".to_owned());
                String::new()
            }
            (Some(_), false) => {
                fail("`name` is only for integer tables; a string code is its own name".to_owned());
                code.clone()
            }
            (None, false) => code.clone(),
        };
        for alias in &raw.aliases {
            if !integer || !is_symbol(alias) || *alias == name {
                fail(format!(
                    "alias {alias:?} must be a further SCREAMING_SNAKE name (integer tables only)"
                ));
            }
        }
        for symbol in std::iter::once(&name)
            .chain(&raw.aliases)
            .filter(|_| integer)
        {
            if let Some(other) = symbols.insert(symbol.clone(), code.clone()) {
                fail(format!(
                    "duplicate symbolic name {symbol:?} (also used by code {other})"
                ));
            }
        }
        let variant = raw.variant.clone().unwrap_or_else(|| variant_name(&name));
        if raw.variant.as_deref() == Some(variant_name(&name).as_str()) {
            fail(format!(
                "variant `{variant}` is already the derived name; drop the override"
            ));
        }
        if !valid_ident(&variant) {
            fail(format!(
                "variant name `{variant}` derived from {name:?} is not a valid Rust identifier or is a keyword"
            ));
        }
        if let Some(other) = variants.get(&variant) {
            fail(format!(
                "codes {other} and {code} would both produce the variant `{variant}`"
            ));
        } else {
            variants.insert(variant.clone(), code.clone());
        }

        let mut texts = Vec::new();
        for (section, message) in std::iter::once((&raw.section, &raw.message))
            .chain(raw.also.iter().map(|a| (&a.section, &a.message)))
        {
            match sections.iter().position(|s| &s.id == section) {
                Some(index) => {
                    if let (Some((start, end)), Some(n)) =
                        (sections.get(index).and_then(|s| s.range), number)
                    {
                        if n < start || n > end {
                            fail(format!(
                                "code {n} lies outside its section's range {start}..={end}"
                            ));
                        }
                    }
                    texts.push((index, message.clone()));
                }
                None => fail(format!(
                    "section {section:?} does not exist (declare it with [[section]])"
                )),
            }
            if let Some(problem) = text_problem(message) {
                fail(format!("message {problem}"));
            }
        }
        for (key, text) in [
            ("description", &raw.description),
            ("deprecated", &raw.deprecated),
            ("note", &raw.note),
            ("sdk_message", &raw.sdk_message),
        ] {
            if let Some(problem) = text.as_deref().and_then(text_problem) {
                fail(format!("`{key}` {problem}"));
            }
        }
        let default_canonical = texts
            .first()
            .and_then(|(i, _)| sections.get(*i))
            .map_or("Unknown", |s| s.canonical.as_str());
        let canonical = raw
            .canonical
            .clone()
            .unwrap_or_else(|| default_canonical.to_owned());
        if !CANONICAL.contains(&canonical.as_str()) {
            fail(unknown_word("canonical", &canonical, &CANONICAL));
        }
        if canonical == "Ok" && raw.canonical.is_none() {
            fail(
                "`Ok` is for success codes only; set it on the entry, not as a section default"
                    .to_owned(),
            );
        }
        let recovery = raw
            .recovery
            .clone()
            .unwrap_or_else(|| default_recovery(&canonical).to_owned());
        if !RECOVERY.contains(&recovery.as_str()) {
            fail(unknown_word("recovery", &recovery, &RECOVERY));
        }
        if raw.recovery.as_deref() == Some(default_recovery(&canonical)) {
            fail(format!(
                "recovery {recovery:?} is already the default for {canonical}; drop the override"
            ));
        }
        let sources = raw
            .sources
            .clone()
            .unwrap_or_else(|| vec!["docs".to_owned()]);
        let from_docs = sources.iter().any(|s| s == "docs");
        let from_sdk = sources.iter().any(|s| s == "sdk");
        let distinct: BTreeSet<&String> = sources.iter().collect();
        if sources.is_empty()
            || distinct.len() != sources.len()
            || sources.iter().any(|s| s != "docs" && s != "sdk")
        {
            fail(format!(
                "sources {sources:?} must be a non-empty list of distinct \"docs\" and \"sdk\""
            ));
        }
        if from_sdk && raw_table.sdk.is_none() {
            fail(
                "an entry from the SDK needs `sdk = \"<package> <version>\"` in [table]".to_owned(),
            );
        }
        if (raw.sdk_message.is_some() || !raw.sdk_codes.is_empty()) && !from_sdk {
            fail("`sdk_message` and `sdk_codes` need \"sdk\" in `sources`".to_owned());
        }
        if raw.passthrough && integer {
            fail("`passthrough` only applies to string tables".to_owned());
        }
        let sdk_codes: Vec<i32> = raw
            .sdk_codes
            .iter()
            .filter_map(|n| i32::try_from(*n).ok())
            .collect();
        if sdk_codes.len() != raw.sdk_codes.len() {
            fail("`sdk_codes` must fit in i32".to_owned());
        }
        let pattern = code
            .split_once(PARAM)
            .map(|(p, s)| (p.to_owned(), s.to_owned()));

        if errors.len() == before {
            entries.push(Entry {
                code,
                number,
                name,
                aliases: raw.aliases,
                variant,
                texts,
                description: raw.description,
                canonical,
                recovery,
                passthrough: raw.passthrough,
                deprecated: raw.deprecated,
                note: raw.note,
                from_docs,
                from_sdk,
                sdk_message: raw.sdk_message,
                sdk_codes,
                pattern,
            });
        }
    }
    if entries.is_empty() && errors.is_empty() {
        errors.push(DataError::file(
            label,
            "the table has no `[[error]]` entries",
        ));
    }
    if entries.len() > usize::from(u16::MAX) {
        errors.push(DataError::file(label, "more than 65535 entries"));
    }
    if errors.is_empty() {
        Ok(Table {
            vendor: raw_table.vendor,
            title: raw_table.title,
            source: raw_table.source,
            url: raw_table.url,
            sdk: raw_table.sdk,
            integer,
            sections,
            entries,
        })
    } else {
        Err(errors)
    }
}

fn array<'a>(
    doc: &'a toml::Table,
    key: &str,
    label: &str,
    errors: &mut Vec<DataError>,
) -> &'a [toml::Value] {
    match doc.get(key) {
        None => &[],
        Some(toml::Value::Array(items)) => items,
        Some(_) => {
            errors.push(DataError::file(
                label,
                format!("`{key}` must be an array of tables: write `[[{key}]]`"),
            ));
            &[]
        }
    }
}

fn unknown_word(key: &str, value: &str, allowed: &[&str]) -> String {
    format!(
        "unknown {key} {value:?} (expected one of: {})",
        allowed.join(", ")
    )
}

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

/// Escapes Markdown so that vendor text shows literally in rustdoc.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation()
            && !matches!(
                c,
                '.' | ','
                    | ':'
                    | ';'
                    | '?'
                    | '!'
                    | '\''
                    | '"'
                    | '/'
                    | '('
                    | ')'
                    | '-'
                    | '='
                    | '%'
                    | '@'
                    | '&'
                    | '+'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn doc(out: &mut String, indent: &str, text: &str) {
    let _ = writeln!(out, "{indent}#[doc = {text:?}]");
}

fn opt(value: Option<&str>) -> String {
    value.map_or_else(|| "None".to_owned(), |v| format!("Some({v:?})"))
}

fn str_slice<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", items.join(", "))
}

fn variant_docs(out: &mut String, table: &Table, entry: &Entry) {
    let code_shown = if table.integer {
        format!("`{}` (`{}`)", entry.code, entry.name)
    } else {
        format!("`{}`", entry.code)
    };
    let primary = entry.texts.first().map_or("", |(_, m)| m.as_str());
    doc(
        out,
        "    ",
        &format!("{code_shown}: {}", escape_markdown(primary)),
    );
    doc(out, "    ", "");
    for (section, message) in &entry.texts {
        let title = table
            .sections
            .get(*section)
            .map_or("", |s| s.title.as_str());
        doc(
            out,
            "    ",
            &format!(
                "- *{}*: {}",
                escape_markdown(title),
                escape_markdown(message)
            ),
        );
    }
    if let Some(description) = &entry.description {
        doc(out, "    ", "");
        doc(out, "    ", &escape_markdown(description));
    }
    if let Some(sdk_message) = &entry.sdk_message {
        doc(out, "    ", "");
        doc(
            out,
            "    ",
            &format!("SDK message: {}", escape_markdown(sdk_message)),
        );
    }
    if !entry.aliases.is_empty() {
        doc(out, "    ", "");
        let names: Vec<String> = std::iter::once(&entry.name)
            .chain(&entry.aliases)
            .map(|n| format!("`{n}`"))
            .collect();
        doc(out, "    ", &format!("Names: {}.", names.join(", ")));
    }
    if !entry.sdk_codes.is_empty() {
        doc(out, "    ", "");
        let codes: Vec<String> = entry.sdk_codes.iter().map(|n| format!("`{n}`")).collect();
        doc(
            out,
            "    ",
            &format!(
                "The SDK sends this with numeric `code` {} and the symbol in `name`.",
                codes.join(" or ")
            ),
        );
    }
    if let Some(pattern) = &entry.pattern {
        doc(out, "    ", "");
        doc(
            out,
            "    ",
            &format!(
                "Pattern code: matches `{}<PARAM>{}` for any parameter name that no exact entry claims.",
                pattern.0, pattern.1
            ),
        );
    }
    if entry.passthrough {
        doc(out, "    ", "");
        doc(
            out,
            "    ",
            "A REST API code that the SDK passes through from the server.",
        );
    }
    if let Some(note) = &entry.note {
        doc(out, "    ", "");
        doc(out, "    ", &format!("Note: {}", escape_markdown(note)));
    }
    doc(out, "    ", "");
    let sources = match (entry.from_docs, entry.from_sdk) {
        (true, true) => "documentation and SDK",
        (false, true) => "SDK only",
        _ => "documentation",
    };
    doc(
        out,
        "    ",
        &format!(
            "Canonical: `{}`; recovery: `{}`; source: {sources}.",
            entry.canonical, entry.recovery
        ),
    );
    let _ = writeln!(out, "    #[doc(alias = {:?})]", entry.code);
    for name in std::iter::once(&entry.name)
        .chain(&entry.aliases)
        .filter(|_| table.integer)
    {
        let _ = writeln!(out, "    #[doc(alias = {name:?})]");
    }
    if let Some(deprecated) = &entry.deprecated {
        let _ = writeln!(out, "    #[deprecated(note = {deprecated:?})]");
    }
}

/// Generates the Rust source for one table. Same table, same bytes.
pub fn generate(stem: &str, table: &Table) -> String {
    let mut out = String::new();
    let n = table.entries.len();
    let _ = writeln!(
        out,
        "// @generated by build.rs from data/{stem}.toml. Do not edit."
    );
    let _ = writeln!(
        out,
        "// {} entries, {} sections.\n",
        n,
        table.sections.len()
    );

    doc(
        &mut out,
        "",
        &format!(
            "{}: every error code of this table.",
            escape_markdown(&table.title)
        ),
    );
    doc(&mut out, "", "");
    doc(
        &mut out,
        "",
        &format!(
            "Source: {}, <{}>.",
            escape_markdown(&table.source),
            table.url
        ),
    );
    doc(&mut out, "", "");
    doc(
        &mut out,
        "",
        "The enum is deliberately not `#[non_exhaustive]`: match it without a wildcard arm and the compiler tells you when a vendor code is added.",
    );
    let _ = writeln!(
        out,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumCount, strum::EnumIter, strum::VariantArray, strum::IntoStaticStr, thiserror::Error)]"
    );
    let _ = writeln!(out, "#[error(\"{{}}\", crate::entry::Show(self))]");
    let _ = writeln!(out, "#[repr(u16)]\npub enum ChatError {{");
    for entry in &table.entries {
        variant_docs(&mut out, table, entry);
        let _ = writeln!(out, "    {},", entry.variant);
    }
    let _ = writeln!(out, "}}\n");

    let _ = writeln!(
        out,
        "/// Metadata of every variant, indexed by discriminant."
    );
    let _ = writeln!(
        out,
        "#[rustfmt::skip]\nstatic ENTRIES: [crate::entry::Entry; {n}] = ["
    );
    for entry in &table.entries {
        let code = match entry.number {
            Some(number) => format!("crate::Code::Int({number})"),
            None => format!("crate::Code::Str({:?})", entry.code),
        };
        let messages = entry
            .texts
            .iter()
            .map(|(_, m)| m.as_str())
            .chain(entry.sdk_message.as_deref());
        let sections = entry
            .texts
            .iter()
            .filter_map(|(i, _)| table.sections.get(*i).map(|s| s.title.as_str()));
        let pattern = match &entry.pattern {
            Some((prefix, suffix)) => format!("Some(({prefix:?}, {suffix:?}))"),
            None => "None".to_owned(),
        };
        let _ = writeln!(
            out,
            "    crate::entry::Entry {{ code: {code}, name: {:?}, aliases: {}, messages: {}, sections: {}, description: {}, \
             canonical: crate::Canonical::{}, recovery: crate::Recovery::{}, sources: crate::Sources::new({}, {}), \
             sdk_codes: &{:?}, passthrough: {}, deprecated: {}, note: {}, pattern: {pattern} }},",
            entry.name,
            str_slice(entry.aliases.iter().map(String::as_str)),
            str_slice(messages),
            str_slice(sections),
            opt(entry.description.as_deref()),
            entry.canonical,
            entry.recovery,
            entry.from_docs,
            entry.from_sdk,
            entry.sdk_codes,
            entry.passthrough,
            opt(entry.deprecated.as_deref()),
            opt(entry.note.as_deref()),
        );
    }
    let _ = writeln!(out, "];\n");

    let _ = writeln!(
        out,
        "/// The vendor SDK package and version the table was checked against."
    );
    let _ = writeln!(
        out,
        "const SDK: Option<&str> = {};\n",
        opt(table.sdk.as_deref())
    );
    let _ = writeln!(out, "/// The sections of the source document, in order.");
    let _ = writeln!(
        out,
        "#[rustfmt::skip]\nstatic SECTIONS: [crate::Section; {}] = [",
        table.sections.len()
    );
    for section in &table.sections {
        let range = section
            .range
            .map_or_else(|| "None".to_owned(), |(a, b)| format!("Some(({a}, {b}))"));
        let _ = writeln!(
            out,
            "    crate::Section::new({:?}, {:?}, {}, crate::Canonical::{}, {range}),",
            section.id,
            section.title,
            str_slice(section.other_titles.iter().map(String::as_str)),
            section.canonical,
        );
    }
    let _ = writeln!(out, "];\n");

    let patterns: Vec<&Entry> = table
        .entries
        .iter()
        .filter(|e| e.pattern.is_some())
        .collect();
    let _ = writeln!(out, "/// Pattern codes, longest fixed part first.");
    let _ = writeln!(
        out,
        "#[rustfmt::skip]\nstatic PATTERNS: [ChatError; {}] = [",
        patterns.len()
    );
    let mut sorted = patterns.clone();
    sorted.sort_by_key(|e| std::cmp::Reverse(e.code.len()));
    for entry in sorted {
        let _ = writeln!(out, "    ChatError::{},", entry.variant);
    }
    let _ = writeln!(out, "];\n");

    // The string map: codes and, for integer tables, decimal strings and symbolic names.
    let mut by_code = phf_codegen::Map::<&str>::new();
    let mut keys: Vec<(String, String)> = Vec::new();
    for entry in &table.entries {
        let value = format!("ChatError::{}", entry.variant);
        keys.push((entry.code.clone(), value.clone()));
        if table.integer {
            for name in std::iter::once(&entry.name).chain(&entry.aliases) {
                keys.push((name.clone(), value.clone()));
            }
        }
    }
    for (key, value) in &keys {
        by_code.entry(key.as_str(), value.clone());
    }
    let _ = writeln!(
        out,
        "/// Code string (and, for integer tables, decimal code and symbolic names) to variant."
    );
    let _ = writeln!(
        out,
        "#[rustfmt::skip]\nstatic BY_CODE: phf::Map<&'static str, ChatError> = {};\n",
        by_code.build()
    );

    if table.integer {
        let mut by_number = phf_codegen::Map::<i32>::new();
        for entry in &table.entries {
            if let Some(number) = entry.number {
                by_number.entry(number, format!("ChatError::{}", entry.variant));
            }
        }
        let _ = writeln!(out, "/// Integer code to variant.");
        let _ = writeln!(
            out,
            "#[rustfmt::skip]\nstatic BY_NUMBER: phf::Map<i32, ChatError> = {};\n",
            by_number.build()
        );
    }
    out
}
