//! [`Record`]: every fact of one entry as one serializable value, the JSON schema of an entry.

use serde::Serialize;
use serde::ser::SerializeSeq;

use crate::{Canonical, Code, ErrorInfo, Recovery, ServerMessage, Source, Table, Vendor};

/// Every fact the catalog has about one entry, as one value: what the command-line tool prints
/// for an entry (`list --json`, `explain --json`) and what a service logs or sends on.
///
/// Its JSON form is a stable schema, published as `tests/fixtures/entry.schema.json` in the
/// repository and checked against every entry of the catalog by the tests. Members are never
/// renamed or removed within a major version; new members may be added.
///
/// | member | type | meaning |
/// |---|---|---|
/// | `table`, `vendor` | string | [`Table`] and [`Vendor`], snake_case / vendor name |
/// | `variant` | string | the Rust variant name |
/// | `code` | string or integer | the code exactly as the vendor sends it |
/// | `name`, `aliases` | string, strings | symbolic name and further names |
/// | `messages`, `sections` | strings | the vendor's messages and the headings that list them |
/// | `description`, `note`, `deprecated` | string or null | explanation, catalog note, deprecation |
/// | `canonical`, `http_status`, `recovery` | string, integer, string | the classification |
/// | `sources`, `source_list` | string, objects | `docs`, `sdk` or `docs+sdk`; each source with `id`, `title`, `url`, `version`, `kind` |
/// | `vendor_status`, `vendor_retryable`, `vendor_url` | integer, boolean, string; or null | the vendor's own status, retry flag and page |
/// | `platform_names` | objects | `{platform, name}` where SDK platforms name the code differently |
/// | `server_messages` | objects | documented server strings: `{text, explanation}`, with `class` (`[canonical, recovery]`) where the string has its own |
///
/// ```
/// use chat_error_codes::{ErrorInfo, agora};
///
/// let record = agora::ChatError::GroupNotExist.record();
/// let json = serde_json::to_value(record).unwrap();
/// assert_eq!(json["code"], 605);
/// assert_eq!(json["canonical"], "NotFound");
/// assert_eq!(json["recovery"], "DoNotRetry");
/// ```
#[derive(Clone, Copy, Debug, Serialize)]
#[non_exhaustive]
pub struct Record {
    /// The table.
    pub table: Table,
    /// The vendor.
    pub vendor: Vendor,
    /// The Rust variant name.
    pub variant: &'static str,
    /// The code as the vendor sends it.
    pub code: Code,
    /// The symbolic name.
    pub name: &'static str,
    /// Further names.
    pub aliases: &'static [&'static str],
    /// The vendor's messages, the primary first.
    pub messages: &'static [&'static str],
    /// The headings of the sections that list the code.
    pub sections: &'static [&'static str],
    /// The longer explanation.
    pub description: Option<&'static str>,
    /// The canonical class.
    pub canonical: Canonical,
    /// The HTTP status of the class.
    pub http_status: u16,
    /// What the caller should do.
    pub recovery: Recovery,
    /// `docs`, `sdk` or `docs+sdk`.
    pub sources: &'static str,
    /// Each source with its version.
    pub source_list: &'static [&'static Source],
    /// The vendor's documented HTTP status.
    pub vendor_status: Option<u16>,
    /// The vendor's retryable flag.
    pub vendor_retryable: Option<bool>,
    /// The vendor's page for the code.
    pub vendor_url: Option<&'static str>,
    /// The names SDK platforms give the code.
    #[serde(serialize_with = "platform_names")]
    pub platform_names: &'static [(&'static str, &'static str)],
    /// The strings the vendor's server is documented to send.
    pub server_messages: &'static [ServerMessage],
    /// The vendor's deprecation note.
    pub deprecated: Option<&'static str>,
    /// The catalog's note.
    pub note: Option<&'static str>,
}

impl Record {
    /// The record of `e`.
    pub fn of<E: ErrorInfo + ?Sized>(e: &E) -> Self {
        Record {
            table: e.table(),
            vendor: e.vendor(),
            variant: e.variant_name(),
            code: e.code(),
            name: e.name(),
            aliases: e.aliases(),
            messages: e.messages(),
            sections: e.sections(),
            description: e.description(),
            canonical: e.canonical(),
            http_status: e.http_status(),
            recovery: e.recovery(),
            sources: e.sources().as_str(),
            source_list: e.sources().list(),
            vendor_status: e.vendor_status(),
            vendor_retryable: e.vendor_retryable(),
            vendor_url: e.vendor_url(),
            platform_names: e.platform_names(),
            server_messages: e.server_messages(),
            deprecated: e.deprecated(),
            note: e.note(),
        }
    }
}

/// `[("android", "X")]` as `[{"platform": "android", "name": "X"}]`.
fn platform_names<S: serde::Serializer>(
    names: &&'static [(&'static str, &'static str)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Platform {
        platform: &'static str,
        name: &'static str,
    }
    let mut seq = serializer.serialize_seq(Some(names.len()))?;
    for &(platform, name) in names.iter() {
        seq.serialize_element(&Platform { platform, name })?;
    }
    seq.end()
}
