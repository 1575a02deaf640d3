//! The data file format: what `data/*.toml` may contain, as serde reads it.
//! `deny_unknown_fields` makes a typo fail the build. The README's "Data files" section and each
//! file's header describe the fields for people.

use std::fmt;

use serde::Deserialize;

/// The top-level keys of a data file.
pub const TOP_LEVEL_KEYS: [&str; 4] = ["table", "source", "section", "error"];

/// Whether a table's codes are strings or integers (`codes = "string"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CodeKind {
    /// `"ERR_UID_NOT_FOUND"`.
    String,
    /// `605`, with a symbolic name.
    Integer,
    /// The `error` strings of an HTTP API, each with the status it comes with: the same string
    /// may be listed under several statuses, and a status may be listed without a string.
    Http,
}

/// `[table]`: the header.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTable {
    pub vendor: String,
    pub title: String,
    pub source: String,
    pub url: String,
    pub codes: CodeKind,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub sdk: Option<String>,
    /// The table that codes this one does not list are looked up in (a Calls API body can carry
    /// any REST code), and that `passthrough` entries defer to.
    pub fallback: Option<String>,
    /// The vendor's page for one code, with `{code}` where the code goes
    /// (`https://www.twilio.com/docs/errors/{code}`): each variant's rustdoc links its page.
    pub entry_url: Option<String>,
}

/// `[[source]]`: a document or package the entries come from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// What entries write in `sources`.
    pub id: String,
    pub title: String,
    pub url: String,
    /// A package version, a commit or a date.
    pub version: String,
    /// `"docs"` (the vendor's documentation) or `"sdk"` (a shipped SDK, package or header).
    pub kind: String,
}

/// A string a server sends for a code (`error_description`), with our explanation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawServerMessage {
    /// Exactly as sent; `{name}` marks a part that varies.
    pub text: String,
    pub explanation: String,
    /// The class when this message comes with the code, where it says more than the code.
    pub canonical: Option<String>,
    /// The advice that goes with `canonical` (its default otherwise).
    pub recovery: Option<String>,
}

/// `[[section]]`: a heading of the vendor's document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: String,
    pub title: String,
    pub canonical: String,
    /// The code range the vendor documents for the section; unlisted codes inside it resolve to
    /// the section.
    pub range: Option<[i64; 2]>,
    #[serde(default)]
    pub other_titles: Vec<String>,
}

/// A code as written in the file: a TOML string or integer.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawCode {
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

/// A further occurrence of a code in another section (`also`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAlso {
    pub section: String,
    pub message: String,
}

/// `[[error]]`: one code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    /// Required, except in `http` tables for a status listed without an `error` string.
    pub code: Option<RawCode>,
    pub name: Option<String>,
    pub variant: Option<String>,
    pub section: String,
    pub message: String,
    /// The message is the vendor's text exactly, including the leading or trailing space it
    /// has (Twilio's 50513); allowed only on a message that has one.
    #[serde(default)]
    pub verbatim: bool,
    pub description: Option<String>,
    #[serde(default)]
    pub also: Vec<RawAlso>,
    pub canonical: Option<String>,
    pub recovery: Option<String>,
    #[serde(default)]
    pub passthrough: bool,
    pub deprecated: Option<String>,
    pub note: Option<String>,
    pub sources: Option<Vec<String>>,
    pub sdk_message: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub sdk_codes: Vec<i64>,
    /// The class when the code arrives in an error payload, where it differs from a lookup
    /// (a success code that an SDK also raises as an error).
    pub error_canonical: Option<String>,
    /// The advice that goes with `error_canonical` (its default otherwise).
    pub error_recovery: Option<String>,
    /// The HTTP status the vendor documents for the code.
    pub status: Option<i64>,
    /// The vendor's own "retryable" flag.
    pub retryable: Option<bool>,
    /// The name each SDK platform gives the code (`android = "GENERAL_ERROR"`).
    #[serde(default)]
    pub platforms: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub server_messages: Vec<RawServerMessage>,
}
