//! Validation: turns a data file into the [`model`](super::model), or into every problem found,
//! each naming the file, the entry and the rule. One function per rule group.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::classification::{Canonical, Recovery};
use super::error::DataError;
use super::fingerprint::fingerprint;
use super::format::{CodeKind, RawCode, RawEntry, RawSection, RawSource, RawTable, TOP_LEVEL_KEYS};
use super::model::{Entry, Section, ServerMessage, Source, SourceKind, Table};
use super::naming::{PARAM, is_code_string, is_name, valid_ident, variant_name};
use super::ptrhash::duplicate;

/// The canonical class names, as the data spells them (the library's variant names).
fn canonical_names() -> Vec<&'static str> {
    <Canonical as strum::VariantArray>::VARIANTS
        .iter()
        .map(|c| c.as_str())
        .collect()
}

/// The recovery names, as the data spells them.
fn recovery_names() -> Vec<&'static str> {
    <Recovery as strum::VariantArray>::VARIANTS
        .iter()
        .map(|r| r.as_str())
        .collect()
}

/// The class the data names.
fn canonical(name: &str) -> Option<Canonical> {
    <Canonical as strum::VariantArray>::VARIANTS
        .iter()
        .copied()
        .find(|c| c.as_str() == name)
}

/// The advice the data names.
fn recovery(name: &str) -> Option<Recovery> {
    <Recovery as strum::VariantArray>::VARIANTS
        .iter()
        .copied()
        .find(|r| r.as_str() == name)
}

/// The names allowed for a class given beside the lookup's (an error payload's, a server
/// message's): every class but `Ok`, every advice but `NoAction`.
fn error_class_names() -> (Vec<&'static str>, Vec<&'static str>) {
    let canonical = canonical_names()
        .into_iter()
        .filter(|&c| c != Canonical::Ok.as_str());
    let recovery = recovery_names()
        .into_iter()
        .filter(|&r| r != Recovery::NoAction.as_str());
    (canonical.collect(), recovery.collect())
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

fn unknown_word(key: &str, value: &str, allowed: &[&str]) -> String {
    format!(
        "unknown {key} {value:?} (expected one of: {})",
        allowed.join(", ")
    )
}

/// The problems found so far in one file.
struct Check<'l> {
    label: &'l str,
    errors: Vec<DataError>,
}

impl Check<'_> {
    fn file(&mut self, problem: impl Into<String>) {
        self.errors.push(DataError::file(self.label, problem));
    }

    fn at(&mut self, entry: &str, problem: impl Into<String>) {
        self.errors
            .push(DataError::entry(self.label, entry, problem));
    }

    /// `[[key]]` as a list of tables (empty if absent).
    fn array<'d>(&mut self, doc: &'d toml::Table, key: &str) -> &'d [toml::Value] {
        match doc.get(key) {
            None => &[],
            Some(toml::Value::Array(items)) => items,
            Some(_) => {
                self.file(format!(
                    "`{key}` must be an array of tables: write `[[{key}]]`"
                ));
                &[]
            }
        }
    }
}

/// What the header fixes for the rest of the file.
struct Header {
    raw: RawTable,
    /// `Some((min, max))` for integer tables.
    bounds: Option<(i64, i64)>,
}

/// Parses and validates one data file. `label` names it in messages (`data/<table>.toml`).
pub fn load(label: &str, text: &str) -> Result<Table, Vec<DataError>> {
    let doc: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        vec![DataError::file(
            label,
            format!("malformed TOML: {}", e.to_string().trim()),
        )]
    })?;
    let mut check = Check {
        label,
        errors: Vec::new(),
    };
    top_level_keys(&mut check, &doc);
    let Some(header) = header(&mut check, &doc) else {
        return Err(check.errors);
    };
    let sources = sources(&mut check, &doc, &header.raw);
    let sections = sections(&mut check, &doc, header.bounds);
    let entries = entries(&mut check, &doc, &header, &sources, &sections);
    if entries.is_empty() && check.errors.is_empty() {
        check.file("the table has no `[[error]]` entries");
    }
    if entries.len() > 1 << 24 {
        check.file("more than 16777216 entries");
    }
    if !check.errors.is_empty() {
        return Err(check.errors);
    }
    let raw = header.raw;
    let table = Table {
        vendor: raw.vendor,
        title: raw.title,
        source: raw.source,
        url: raw.url,
        sdk: raw.sdk,
        integer: raw.codes == CodeKind::Integer,
        http: raw.codes == CodeKind::Http,
        fallback: raw.fallback,
        entry_url: raw.entry_url,
        sources,
        sections,
        entries,
    };
    let errors = fingerprint_problems(label, &table, fingerprint);
    if errors.is_empty() {
        Ok(table)
    } else {
        Err(errors)
    }
}

/// Lookup keys of one table that share a fingerprint: the PtrHash search cannot separate them
/// (it would try seeds for ever), so the build stops and names both. `fingerprint` is a
/// parameter so that tests can force a collision, which the real 64-bit one makes too rare to
/// write down.
pub fn fingerprint_problems(
    label: &str,
    table: &Table,
    fingerprint: fn(&[u8]) -> u64,
) -> Vec<DataError> {
    let keys = table.keys();
    let fps: Vec<u64> = keys
        .iter()
        .map(|(k, _)| fingerprint(k.as_bytes()))
        .collect();
    let Some((a, b)) = duplicate(&fps) else {
        return Vec::new();
    };
    let key = |i: usize| keys.get(i).map_or("", |k| k.0.as_str());
    vec![DataError::entry(
        label,
        key(b),
        format!(
            "lookup key {:?} has the fingerprint of {:?} (src/fingerprint.rs); change one of \
             the keys or the fingerprint's constants",
            key(b),
            key(a)
        ),
    )]
}

fn top_level_keys(check: &mut Check, doc: &toml::Table) {
    for key in doc.keys() {
        if !TOP_LEVEL_KEYS.contains(&key.as_str()) {
            check.file(format!(
                "unknown top-level key `{key}` (expected `[table]`, `[[source]]`, `[[section]]`, `[[error]]`)"
            ));
        }
    }
}

/// `[table]`: present, well-formed, integer bounds within i32, texts clean.
fn header(check: &mut Check, doc: &toml::Table) -> Option<Header> {
    let Some(value) = doc.get("table") else {
        check.file("missing `[table]` header");
        return None;
    };
    let raw = match RawTable::deserialize(value.clone()) {
        Ok(raw) => raw,
        Err(e) => {
            check.at("[table]", e.to_string().trim());
            return None;
        }
    };
    let bounds = bounds(check, &raw);
    let texts = [
        ("vendor", Some(&raw.vendor)),
        ("title", Some(&raw.title)),
        ("source", Some(&raw.source)),
        ("url", Some(&raw.url)),
        ("sdk", raw.sdk.as_ref()),
        ("fallback", raw.fallback.as_ref()),
        ("entry_url", raw.entry_url.as_ref()),
    ];
    for (key, value) in texts {
        if let Some(problem) = value.and_then(|v| text_problem(v)) {
            check.at("[table]", format!("`{key}` {problem}"));
        }
    }
    if let Some(url) = &raw.entry_url {
        if !url.starts_with("https://") || url.matches("{code}").count() != 1 || url.contains(' ') {
            check.at(
                "[table]",
                "`entry_url` must be an https URL without spaces with `{code}` exactly once",
            );
        }
    }
    Some(Header { raw, bounds })
}

fn bounds(check: &mut Check, raw: &RawTable) -> Option<(i64, i64)> {
    let integer = raw.codes == CodeKind::Integer;
    match (integer, raw.min, raw.max) {
        (true, Some(min), Some(max))
            if min <= max && min >= i32::MIN.into() && max <= i32::MAX.into() =>
        {
            Some((min, max))
        }
        (true, _, _) => {
            check.at(
                "[table]",
                "an integer table needs `min` <= `max`, both within i32",
            );
            None
        }
        (false, None, None) => None,
        (false, _, _) => {
            check.at("[table]", "`min`/`max` only apply to integer tables");
            None
        }
    }
}

/// `[[source]]`: unique ids, clean texts, a known kind. A file without any declares the two
/// implicit sources `docs` (the `[table]`'s source and url) and, with `[table] sdk`, `sdk`.
fn sources(check: &mut Check, doc: &toml::Table, table: &RawTable) -> Vec<Source> {
    let declared = check.array(doc, "source");
    if declared.is_empty() {
        return implicit_sources(table);
    }
    let mut sources: Vec<Source> = Vec::new();
    for (i, value) in declared.iter().enumerate() {
        let where_ = value
            .get("id")
            .and_then(|v| v.as_str())
            .map_or_else(|| format!("source #{}", i + 1), |id| format!("source {id}"));
        let raw = match RawSource::deserialize(value.clone()) {
            Ok(raw) => raw,
            Err(e) => {
                check.at(&where_, e.to_string().trim());
                continue;
            }
        };
        let texts = [
            ("id", &raw.id),
            ("title", &raw.title),
            ("url", &raw.url),
            ("version", &raw.version),
        ];
        for (key, text) in texts {
            if let Some(problem) = text_problem(text) {
                check.at(&where_, format!("`{key}` {problem}"));
            }
        }
        if sources.iter().any(|s| s.id == raw.id) {
            check.at(&where_, "duplicate source id");
        }
        let kind = match raw.kind.as_str() {
            "docs" => SourceKind::Docs,
            "sdk" => SourceKind::Sdk,
            other => {
                check.at(&where_, unknown_word("kind", other, &["docs", "sdk"]));
                SourceKind::Docs
            }
        };
        sources.push(Source {
            id: raw.id,
            title: raw.title,
            url: raw.url,
            version: Some(raw.version),
            kind,
        });
    }
    sources
}

fn implicit_sources(table: &RawTable) -> Vec<Source> {
    let docs = Source {
        id: "docs".to_owned(),
        title: table.source.clone(),
        url: table.url.clone(),
        version: None,
        kind: SourceKind::Docs,
    };
    let sdk = table.sdk.as_ref().map(|sdk| Source {
        id: "sdk".to_owned(),
        title: sdk.clone(),
        url: sdk
            .rsplit_once(' ')
            .map_or_else(String::new, |(package, _)| {
                format!("https://www.npmjs.com/package/{package}")
            }),
        version: sdk.rsplit_once(' ').map(|(_, version)| version.to_owned()),
        kind: SourceKind::Sdk,
    });
    std::iter::once(docs).chain(sdk).collect()
}

/// `[[section]]`: unique snake_case ids, clean titles, known classes, ranges inside the table's
/// bounds and not overlapping.
fn sections(check: &mut Check, doc: &toml::Table, bounds: Option<(i64, i64)>) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for (i, value) in check.array(doc, "section").iter().enumerate() {
        let where_ = value.get("id").and_then(|v| v.as_str()).map_or_else(
            || format!("section #{}", i + 1),
            |id| format!("section {id}"),
        );
        let before = check.errors.len();
        let raw = match RawSection::deserialize(value.clone()) {
            Ok(raw) => raw,
            Err(e) => {
                check.at(&where_, e.to_string().trim());
                continue;
            }
        };
        section_names(check, &where_, &raw, &sections);
        let range = section_range(check, &where_, raw.range, bounds, &sections);
        let class = canonical(&raw.canonical);
        if let (true, Some(canonical)) = (check.errors.len() == before, class) {
            sections.push(Section {
                id: raw.id,
                title: raw.title,
                other_titles: raw.other_titles,
                canonical,
                range,
            });
        }
    }
    sections
}

fn section_names(check: &mut Check, where_: &str, raw: &RawSection, sections: &[Section]) {
    let snake = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_';
    if raw.id.is_empty() || !raw.id.chars().all(snake) {
        check.at(where_, "`id` must be snake_case ([a-z0-9_]+)");
    }
    if sections.iter().any(|s| s.id == raw.id) {
        check.at(where_, "duplicate section id");
    }
    for title in std::iter::once(&raw.title).chain(&raw.other_titles) {
        if let Some(problem) = text_problem(title) {
            check.at(where_, format!("title {problem}"));
        }
    }
    let canonical = canonical_names();
    if !canonical.contains(&raw.canonical.as_str()) {
        check.at(
            where_,
            unknown_word("canonical", &raw.canonical, &canonical),
        );
    }
}

fn section_range(
    check: &mut Check,
    where_: &str,
    range: Option<[i64; 2]>,
    bounds: Option<(i64, i64)>,
    sections: &[Section],
) -> Option<(i32, i32)> {
    let (start, end) = match (range?, bounds) {
        ([start, end], Some((min, max))) if start <= end && start >= min && end <= max => {
            // Bounds are within i32 (checked with the header), so these cannot fail.
            (
                i32::try_from(start).unwrap_or(i32::MIN),
                i32::try_from(end).unwrap_or(i32::MAX),
            )
        }
        ([start, end], _) => {
            check.at(where_, format!("range [{start}, {end}] must be ascending and inside the table's min..=max (integer tables only)"));
            return None;
        }
    };
    if let Some(other) = sections
        .iter()
        .find(|s| s.range.is_some_and(|(a, b)| start <= b && a <= end))
    {
        check.at(where_, format!("range overlaps section {}", other.id));
    }
    Some((start, end))
}

/// What the entries seen so far have claimed: codes, variant names, symbolic names.
#[derive(Default)]
struct Claimed {
    codes: BTreeSet<String>,
    variants: BTreeMap<String, String>,
    symbols: BTreeMap<String, String>,
}

/// `[[error]]`: every entry, each through the rule groups below.
fn entries(
    check: &mut Check,
    doc: &toml::Table,
    header: &Header,
    sources: &[Source],
    sections: &[Section],
) -> Vec<Entry> {
    let mut claimed = Claimed::default();
    let mut entries = Vec::new();
    for (i, value) in check.array(doc, "error").iter().enumerate() {
        let where_ = match (value.get("code"), value.get("status")) {
            (Some(toml::Value::String(s)), _) => format!("{s:?}"),
            (Some(toml::Value::Integer(n)), _) => n.to_string(),
            (None, Some(toml::Value::Integer(status))) => format!("status {status}"),
            _ => format!("#{}", i + 1),
        };
        let raw = match RawEntry::deserialize(value.clone()) {
            Ok(raw) => raw,
            Err(e) => {
                check.at(&where_, e.to_string().trim());
                continue;
            }
        };
        let mut entry_check = EntryCheck {
            check: &mut *check,
            where_: &where_,
            failed: false,
        };
        if let Some(entry) = entry_check.entry(raw, header, sources, sections, &mut claimed) {
            entries.push(entry);
        }
    }
    entries
}

/// The checks of one entry; `failed` tells whether any rule was broken.
struct EntryCheck<'c, 'l> {
    check: &'c mut Check<'l>,
    where_: &'c str,
    failed: bool,
}

impl EntryCheck<'_, '_> {
    fn fail(&mut self, problem: impl Into<String>) {
        self.failed = true;
        self.check.at(self.where_, problem);
    }

    fn entry(
        &mut self,
        raw: RawEntry,
        header: &Header,
        sources: &[Source],
        sections: &[Section],
        claimed: &mut Claimed,
    ) -> Option<Entry> {
        let kind = header.raw.codes;
        let integer = kind == CodeKind::Integer;
        let status = self.status(raw.status, kind);
        let (code, number) = match (&raw.code, kind, status) {
            (Some(code), _, _) => self.code(code, kind, header.bounds),
            (None, CodeKind::Http, Some(status)) => (status.to_string(), None),
            (None, _, _) => {
                self.fail(
                    "missing field `code` (only an `http` table may list a status without one)",
                );
                (String::new(), None)
            }
        };
        let key = match (kind, status) {
            (CodeKind::Http, Some(status)) => format!("{status} {code}"),
            _ => code.clone(),
        };
        if !claimed.codes.insert(key) {
            self.fail(format!(
                "duplicate code {code}: list it once and put the other occurrence in `also`"
            ));
        }
        let name = self.names(&raw, &code, integer, claimed);
        let variant = self.variant(raw.variant.as_deref(), &name, &code, claimed);
        let texts = self.texts(&raw, sections, number);
        let (canonical, recovery) = self.classification(&raw, &texts, sections);
        let raised = self.raised(&raw, canonical);
        let (from_docs, from_sdk, source_ids) = self.provenance(&raw, sources);
        let sdk_codes = self.sdk_fields(&raw, from_sdk, integer, &header.raw);
        let platforms = self.platforms(&raw);
        let server_messages = self.server_messages(&raw);
        let pattern = code
            .split_once(PARAM)
            .map(|(p, s)| (p.to_owned(), s.to_owned()));
        if self.failed {
            return None;
        }
        Some(Entry {
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
            sources: source_ids,
            raised,
            status,
            retryable: raw.retryable,
            platforms,
            server_messages,
            sdk_message: raw.sdk_message,
            sdk_codes,
            pattern,
        })
    }

    /// `error_canonical`/`error_recovery`: a known class other than the lookup's, never `Ok`.
    fn raised(&mut self, raw: &RawEntry, lookup: Canonical) -> Option<(Canonical, Recovery)> {
        let Some(raised) = &raw.error_canonical else {
            if raw.error_recovery.is_some() {
                self.fail("`error_recovery` needs `error_canonical`");
            }
            return None;
        };
        let keys = ("error_canonical", "error_recovery");
        let class = self.error_class(keys, raised, raw.error_recovery.as_deref())?;
        if class.0 == lookup {
            self.fail("`error_canonical` repeats `canonical`; drop it");
        }
        Some(class)
    }

    /// A class given beside the lookup's (`keys` name its two keys): a known class other than
    /// `Ok`, with a known advice other than `NoAction`, the class's default unless given.
    fn error_class(
        &mut self,
        keys: (&str, &str),
        canonical_name: &str,
        recovery_name: Option<&str>,
    ) -> Option<(Canonical, Recovery)> {
        let (canonicals, recoveries) = error_class_names();
        let class = canonical(canonical_name).filter(|&c| c != Canonical::Ok);
        if class.is_none() {
            self.fail(unknown_word(keys.0, canonical_name, &canonicals));
        }
        let advice = match recovery_name {
            Some(name) => recovery(name).filter(|&r| r != Recovery::NoAction),
            None => class.map(Canonical::recovery),
        };
        if let (None, Some(name)) = (advice, recovery_name) {
            self.fail(unknown_word(keys.1, name, &recoveries));
        }
        Some((class?, advice?))
    }

    /// A documented HTTP status is 100..=599, and `http` tables need one on every entry.
    fn status(&mut self, status: Option<i64>, kind: CodeKind) -> Option<u16> {
        match (status, kind) {
            (Some(n), _) if (100..=599).contains(&n) => u16::try_from(n).ok(),
            (Some(n), _) => {
                self.fail(format!("status {n} is not an HTTP status (100..=599)"));
                None
            }
            (None, CodeKind::Http) => {
                self.fail(
                    "missing field `status` (an `http` table keys every entry by its status)",
                );
                None
            }
            (None, _) => None,
        }
    }

    /// Platform names: snake_case platforms, clean names.
    fn platforms(&mut self, raw: &RawEntry) -> Vec<(String, String)> {
        for (platform, name) in &raw.platforms {
            if platform.is_empty() || !platform.chars().all(|c| c.is_ascii_lowercase()) {
                self.fail(format!(
                    "platform {platform:?} must be lower-case letters (android, ios, csharp)"
                ));
            }
            if let Some(problem) = text_problem(name) {
                self.fail(format!("platform name for {platform} {problem}"));
            }
        }
        raw.platforms
            .iter()
            .map(|(p, n)| (p.clone(), n.clone()))
            .collect()
    }

    /// Server messages: exact texts with balanced `{placeholders}`, an explanation, and a class
    /// only where it differs from the entry's.
    fn server_messages(&mut self, raw: &RawEntry) -> Vec<ServerMessage> {
        let mut out: Vec<ServerMessage> = Vec::new();
        for m in &raw.server_messages {
            for (key, text) in [("text", &m.text), ("explanation", &m.explanation)] {
                if let Some(problem) = text_problem(text) {
                    self.fail(format!("server message `{key}` {problem}"));
                }
            }
            if m.text.matches('{').count() != m.text.matches('}').count() {
                self.fail(format!(
                    "server message {:?} has unbalanced placeholder braces",
                    m.text
                ));
            }
            if out.iter().any(|o| o.text == m.text) {
                self.fail(format!("server message {:?} is listed twice", m.text));
            }
            let class = self.message_class(m.canonical.as_deref(), m.recovery.as_deref());
            out.push(ServerMessage {
                text: m.text.clone(),
                explanation: m.explanation.clone(),
                class,
            });
        }
        out
    }

    /// A message's own class: a known class other than `Ok`, with a known recovery.
    fn message_class(
        &mut self,
        canonical: Option<&str>,
        recovery: Option<&str>,
    ) -> Option<(Canonical, Recovery)> {
        let Some(canonical) = canonical else {
            if recovery.is_some() {
                self.fail("a server message's `recovery` needs its `canonical`");
            }
            return None;
        };
        let keys = ("server message canonical", "server message recovery");
        self.error_class(keys, canonical, recovery)
    }

    /// The code matches the table's kind: a clean string, or an integer within the bounds.
    fn code(
        &mut self,
        raw: &RawCode,
        kind: CodeKind,
        bounds: Option<(i64, i64)>,
    ) -> (String, Option<i32>) {
        if let (CodeKind::Http, RawCode::Str(s)) = (kind, raw) {
            if let Some(problem) = text_problem(s) {
                self.fail(format!("code {problem}"));
            }
            return (s.clone(), None);
        }
        match (raw, bounds) {
            (RawCode::Str(s), None) => {
                if !is_code_string(s) || s.matches(PARAM).count() > 1 {
                    self.fail(format!(
                        "code {s:?} must be ASCII letters, digits and `_` with at least one upper-case letter, and at most one `{PARAM}`"
                    ));
                }
                (s.clone(), None)
            }
            (RawCode::Int(n), Some((min, max))) => {
                if *n < min || *n > max {
                    self.fail(format!(
                        "integer code {n} is out of range (the table allows {min}..={max})"
                    ));
                }
                (n.to_string(), i32::try_from(*n).ok())
            }
            (RawCode::Str(_), Some(_)) => {
                self.fail("this is an integer table: `code` must be a TOML integer");
                (raw.to_string(), None)
            }
            (RawCode::Int(_), None) => {
                self.fail("this is a string table: `code` must be a TOML string");
                (raw.to_string(), None)
            }
        }
    }

    /// Integer tables need a SCREAMING_SNAKE name; names and aliases are unique in the table.
    fn names(
        &mut self,
        raw: &RawEntry,
        code: &str,
        integer: bool,
        claimed: &mut Claimed,
    ) -> String {
        let name = match (&raw.name, integer) {
            (Some(name), true) => {
                if !is_name(name) {
                    self.fail(format!("name {name:?} must be a vendor symbol: ASCII letters, digits, `_` or single spaces, starting with a letter"));
                }
                name.clone()
            }
            (None, true) => {
                self.fail("missing field `name` (integer tables need a symbolic name)");
                String::new()
            }
            (Some(_), false) => {
                self.fail("`name` is only for integer tables; a string code is its own name");
                code.to_owned()
            }
            (None, false) => code.to_owned(),
        };
        for alias in &raw.aliases {
            if !integer || !is_name(alias) || *alias == name {
                self.fail(format!(
                    "alias {alias:?} must be a further symbolic name (integer tables only)"
                ));
            }
        }
        let symbols = std::iter::once(&name)
            .chain(&raw.aliases)
            .filter(|_| integer);
        for symbol in symbols {
            if let Some(other) = claimed.symbols.insert(symbol.clone(), code.to_owned()) {
                self.fail(format!(
                    "duplicate symbolic name {symbol:?} (also used by code {other})"
                ));
            }
        }
        name
    }

    /// The variant name: derived from the name unless overridden; a valid, unique identifier.
    fn variant(
        &mut self,
        explicit: Option<&str>,
        name: &str,
        code: &str,
        claimed: &mut Claimed,
    ) -> String {
        let derived = variant_name(name);
        if explicit == Some(derived.as_str()) {
            self.fail(format!(
                "variant `{derived}` is already the derived name; drop the override"
            ));
        }
        let variant = explicit.map_or(derived, str::to_owned);
        if !valid_ident(&variant) {
            self.fail(format!(
                "variant name `{variant}` derived from {name:?} is not a valid Rust identifier or is a keyword"
            ));
        }
        if let Some(other) = claimed.variants.get(&variant) {
            let problem =
                format!("codes {other} and {code} would both produce the variant `{variant}`");
            self.fail(problem);
        } else {
            claimed.variants.insert(variant.clone(), code.to_owned());
        }
        variant
    }

    /// Each message names an existing section (whose range holds the code) and is clean text.
    fn texts(
        &mut self,
        raw: &RawEntry,
        sections: &[Section],
        number: Option<i32>,
    ) -> Vec<(usize, String)> {
        let mut texts = Vec::new();
        let occurrences = std::iter::once((&raw.section, &raw.message))
            .chain(raw.also.iter().map(|a| (&a.section, &a.message)));
        for (section, message) in occurrences {
            match sections.iter().position(|s| &s.id == section) {
                Some(index) => {
                    let range = sections.get(index).and_then(|s| s.range);
                    if let (Some((start, end)), Some(n)) = (range, number) {
                        if n < start || n > end {
                            self.fail(format!(
                                "code {n} lies outside its section's range {start}..={end}"
                            ));
                        }
                    }
                    texts.push((index, message.clone()));
                }
                None => self.fail(format!(
                    "section {section:?} does not exist (declare it with [[section]])"
                )),
            }
            // A verbatim message keeps the vendor's outer whitespace; the rest is checked.
            let verbatim = raw.verbatim && *message == raw.message;
            if verbatim && message.trim() == message.as_str() {
                self.fail(
                    "`verbatim` is for a message with leading or trailing whitespace; drop it",
                );
            }
            let checked = if verbatim {
                message.trim()
            } else {
                message.as_str()
            };
            if let Some(problem) = text_problem(checked) {
                self.fail(format!("message {problem}"));
            }
        }
        let optional = [
            ("description", &raw.description),
            ("deprecated", &raw.deprecated),
            ("note", &raw.note),
            ("sdk_message", &raw.sdk_message),
        ];
        for (key, text) in optional {
            if let Some(problem) = text.as_deref().and_then(text_problem) {
                self.fail(format!("`{key}` {problem}"));
            }
        }
        texts
    }

    /// Canonical class (section default unless overridden; `Ok` only on the entry) and recovery
    /// (the class's default unless overridden, and then only by another value).
    fn classification(
        &mut self,
        raw: &RawEntry,
        texts: &[(usize, String)],
        sections: &[Section],
    ) -> (Canonical, Recovery) {
        let section_default = texts
            .first()
            .and_then(|(i, _)| sections.get(*i))
            .map_or(Canonical::Unknown, |s| s.canonical);
        let class = match &raw.canonical {
            Some(name) => canonical(name).unwrap_or_else(|| {
                self.fail(unknown_word("canonical", name, &canonical_names()));
                Canonical::Unknown
            }),
            None if section_default == Canonical::Ok => {
                self.fail(
                    "`Ok` is for success codes only; set it on the entry, not as a section default",
                );
                Canonical::Ok
            }
            None => section_default,
        };
        let default = class.recovery();
        let advice = match &raw.recovery {
            Some(name) => recovery(name).unwrap_or_else(|| {
                self.fail(unknown_word("recovery", name, &recovery_names()));
                default
            }),
            None => default,
        };
        if advice == Recovery::NoAction && class != Canonical::Ok {
            self.fail("recovery \"NoAction\" is for success codes (canonical \"Ok\") only");
        }
        if raw.recovery.as_deref() == Some(default.as_str()) {
            self.fail(format!(
                "recovery {:?} is already the default for {class}; drop the override",
                default.as_str()
            ));
        }
        (class, advice)
    }

    /// `sources` names distinct declared sources (`docs`/`sdk` where the file declares none).
    fn provenance(&mut self, raw: &RawEntry, sources: &[Source]) -> (bool, bool, Vec<usize>) {
        let named = raw
            .sources
            .clone()
            .unwrap_or_else(|| vec!["docs".to_owned()]);
        let distinct: BTreeSet<&String> = named.iter().collect();
        let ids: Vec<usize> = named
            .iter()
            .filter_map(|n| sources.iter().position(|s| s.id == *n))
            .collect();
        if named.is_empty() || distinct.len() != named.len() || ids.len() != named.len() {
            let known: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
            let known = if known.contains(&"sdk") || known.len() > 1 {
                known
                    .iter()
                    .map(|k| format!("\"{k}\""))
                    .collect::<Vec<_>>()
                    .join(" and ")
            } else {
                "\"docs\" and \"sdk\"".to_owned()
            };
            self.fail(format!(
                "sources {named:?} must be a non-empty list of distinct {known}"
            ));
        }
        let kind_of = |kind: SourceKind| {
            ids.iter()
                .any(|&i| sources.get(i).is_some_and(|s| s.kind == kind))
        };
        (kind_of(SourceKind::Docs), kind_of(SourceKind::Sdk), ids)
    }

    /// SDK-only fields need an SDK source; `passthrough` needs a string table with a fallback.
    fn sdk_fields(
        &mut self,
        raw: &RawEntry,
        from_sdk: bool,
        integer: bool,
        table: &RawTable,
    ) -> Vec<i32> {
        let named_sdk = raw.sources.iter().flatten().any(|s| s == "sdk");
        if named_sdk && !from_sdk && table.sdk.is_none() {
            self.fail("an entry from the SDK needs `sdk = \"<package> <version>\"` in [table]");
        }
        if (raw.sdk_message.is_some() || !raw.sdk_codes.is_empty()) && !from_sdk {
            self.fail("`sdk_message` and `sdk_codes` need \"sdk\" in `sources`");
        }
        if raw.passthrough && integer {
            self.fail("`passthrough` only applies to string tables");
        }
        if raw.passthrough && table.fallback.is_none() {
            self.fail(
                "`passthrough` needs `fallback = \"<table>\"` in [table]: the table it defers to",
            );
        }
        let sdk_codes: Vec<i32> = raw
            .sdk_codes
            .iter()
            .filter_map(|n| i32::try_from(*n).ok())
            .collect();
        if sdk_codes.len() != raw.sdk_codes.len() {
            self.fail("`sdk_codes` must fit in i32");
        }
        sdk_codes
    }
}
