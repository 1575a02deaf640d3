//! The validated model: what the writers generate from. Every value here passed validation,
//! and every closed set is typed: classes and advice are the library's own `Canonical` and
//! `Recovery` (compiled into the generator from `src/classification.rs`), so a writer cannot
//! emit a name the library lacks.

use std::fmt;

pub use super::classification::{Canonical, Recovery};

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
    /// Whether codes are an HTTP API's `error` strings keyed with their status.
    pub http: bool,
    /// The documents and packages the entries come from.
    pub sources: Vec<Source>,
    /// The fallback table's name (`cometchat_rest`), if any.
    pub fallback: Option<String>,
    /// The vendor's page for one code, `{code}` marking where the code goes.
    pub entry_url: Option<String>,
    /// Sections in document order.
    pub sections: Vec<Section>,
    /// Entries in document order.
    pub entries: Vec<Entry>,
}

/// A validated source.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub url: String,
    pub version: Option<String>,
    /// What kind of document it is.
    pub kind: SourceKind,
}

/// The library's `SourceKind`, as the generator writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// The vendor's documentation.
    Docs,
    /// A shipped SDK.
    Sdk,
}

impl fmt::Display for SourceKind {
    /// The variant name, as generated code spells it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SourceKind::Docs => "Docs",
            SourceKind::Sdk => "Sdk",
        })
    }
}

/// A string the vendor sends with a code, and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerMessage {
    pub text: String,
    pub explanation: String,
    /// `(canonical, recovery)` where the message says more than the code.
    pub class: Option<(Canonical, Recovery)>,
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
    pub canonical: Canonical,
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
    pub canonical: Canonical,
    /// Recovery advice (resolved from the canonical code).
    pub recovery: Recovery,
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
    /// Indexes into the table's sources.
    pub sources: Vec<usize>,
    /// `(canonical, recovery)` when the code arrives in an error payload, if that differs.
    pub raised: Option<(Canonical, Recovery)>,
    /// The HTTP status the vendor documents.
    pub status: Option<u16>,
    /// The vendor's retryable flag.
    pub retryable: Option<bool>,
    /// `(platform, name)`, sorted by platform.
    pub platforms: Vec<(String, String)>,
    /// The strings the vendor sends with the code.
    pub server_messages: Vec<ServerMessage>,
    /// The SDK's own message, where it differs from the docs.
    pub sdk_message: Option<String>,
    /// Numeric codes the SDK sends with this name.
    pub sdk_codes: Vec<i32>,
    /// `Some((prefix, suffix))` for a pattern code.
    pub pattern: Option<(String, String)>,
}

impl Table {
    /// The vendor's page for `entry`: `entry_url` with the code filled in.
    pub fn entry_url(&self, entry: &Entry) -> Option<String> {
        self.entry_url
            .as_ref()
            .map(|url| url.replacen("{code}", &entry.code, 1))
    }

    /// The title of section `index`.
    pub fn section_title(&self, index: usize) -> &str {
        self.sections.get(index).map_or("", |s| s.title.as_str())
    }

    /// The lookup keys of every entry with its index: the code and, for integer tables, every
    /// symbolic name; for `http` tables also `"<status> <code>"`, the bare code going to the
    /// first entry that lists it.
    pub fn keys(&self) -> Vec<(String, usize)> {
        let mut keys = Vec::new();
        let mut bare = std::collections::BTreeSet::new();
        for (i, e) in self.entries.iter().enumerate() {
            if let (true, Some(status)) = (self.http, e.status) {
                if e.code != status.to_string() {
                    keys.push((format!("{status} {}", e.code), i));
                }
            }
            if bare.insert(e.code.clone()) {
                keys.push((e.code.clone(), i));
            }
            let names = std::iter::once(&e.name).chain(&e.aliases);
            for name in names.filter(|_| self.integer) {
                keys.push((name.clone(), i));
            }
        }
        keys
    }
}
