//! RFC 9457 Problem Details for any parsed vendor error.

use alloc::string::String;

use serde::{Deserialize, Serialize};

use crate::payload::ParsedError;
use crate::{Canonical, ErrorInfo, RawCode, Recovery, Resolution, Table, Vendor};

use super::*;

/// An RFC 9457 Problem Details document (media type [`PROBLEM_JSON`]) describing a vendor
/// error, for a service that relays vendor errors to its own clients.
///
/// | member | from a [`ParsedError`] | from a [`Classified`] response |
/// |---|---|---|
/// | `type` | `urn:chat-error-codes:<table>:<code>`, the catalog entry's code (see [`problem_type`]); an unrecognized code `urn:chat-error-codes:<table>:unrecognized:<code>`, a JavaScript error `...:<table>:runtime:<name>` | the payload's; without one `urn:chat-error-codes:http:<status>` |
/// | `title` | the catalog's message, else the canonical class | the same; without a payload the canonical class |
/// | `status` | the status that came with the payload, else the canonical class's | the status as sent |
/// | `detail` | the vendor's message | the same |
/// | `instance` | set with [`with_instance`](Self::with_instance) | the same |
/// | `vendor`, `table` | the payload's | the same; without a payload the table the caller named |
/// | `code` | the code exactly as sent (string or integer) | the same |
/// | `canonical`, `recovery` | the payload's class and advice | the response's |
/// | `retry_after` | absent | the delay the headers ask for, in whole seconds rounded up |
///
/// In a type URI every byte outside RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`) is
/// percent-encoded, so Agora's `Request Entity Too Large` is `Request%20Entity%20Too%20Large`. Members it does not
/// know (another producer's extensions) are kept in [`extensions`](Self::extensions), so a
/// document parses back and serializes again without loss.
///
/// ```
/// use chat_error_codes::{Canonical, payload, response::ProblemDetails};
///
/// let body = r#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"The UID cometchat-uid-7 does not exist."}}"#;
/// let problem = ProblemDetails::from_parsed(&payload::parse(body).unwrap()).with_instance("/v3/users/cometchat-uid-7");
/// assert_eq!(problem.type_uri, "urn:chat-error-codes:cometchat_rest:ERR_UID_NOT_FOUND");
/// assert_eq!(problem.status, Some(404));
/// assert_eq!(problem.detail.as_deref(), Some("The UID cometchat-uid-7 does not exist."));
/// assert_eq!(problem.canonical, Some(Canonical::NotFound));
///
/// let json = problem.to_json();
/// assert!(json.starts_with(r#"{"type":"urn:chat-error-codes:cometchat_rest:ERR_UID_NOT_FOUND","title":"#));
/// assert_eq!(serde_json::from_str::<ProblemDetails>(&json).unwrap(), problem);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemDetails {
    /// `type`: a URI that identifies the problem type (`about:blank` when a document has none).
    #[serde(rename = "type", default = "about_blank")]
    pub type_uri: String,
    /// `title`: a short summary of the problem type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `status`: the HTTP status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// `detail`: this occurrence, in the vendor's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// `instance`: a URI of this occurrence, when the relaying service gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// Extension `vendor`: `"CometChat"`, `"Agora"`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<Vendor>,
    /// Extension `table`: `"cometchat_rest"`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
    /// Extension `code`: the vendor's code exactly as sent, a string or an integer.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "owned_code"
    )]
    pub code: Option<RawCode<'static>>,
    /// Extension `canonical`: the class, e.g. `"NotFound"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<Canonical>,
    /// Extension `recovery`: the advice, e.g. `"DoNotRetry"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery: Option<Recovery>,
    /// Extension `retry_after`: seconds to wait before repeating the call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// Any other members, kept as received.
    #[serde(flatten)]
    pub extensions: serde_json::Map<String, serde_json::Value>,
}

fn about_blank() -> String {
    String::from("about:blank")
}

fn owned_code<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<RawCode<'static>>, D::Error> {
    Ok(Option::<RawCode<'de>>::deserialize(d)?.map(RawCode::into_owned))
}

impl Default for ProblemDetails {
    /// `{"type": "about:blank"}`.
    fn default() -> Self {
        ProblemDetails {
            type_uri: about_blank(),
            title: None,
            status: None,
            detail: None,
            instance: None,
            vendor: None,
            table: None,
            code: None,
            canonical: None,
            recovery: None,
            retry_after: None,
            extensions: serde_json::Map::new(),
        }
    }
}

impl ProblemDetails {
    /// The document for a parsed vendor payload (see the table above).
    pub fn from_parsed(p: &ParsedError<'_>) -> Self {
        let table = p.table();
        let canonical = p.canonical();
        ProblemDetails {
            type_uri: problem_type(p.resolution()),
            title: Some(String::from(
                p.resolution()
                    .catalog_message()
                    .unwrap_or(canonical.as_str()),
            )),
            status: Some(p.status().unwrap_or(canonical.http_status())),
            detail: p.message().map(String::from),
            vendor: Some(table.vendor()),
            table: Some(table),
            code: Some(p.code().clone().into_owned()),
            canonical: Some(canonical),
            recovery: Some(p.recovery()),
            ..ProblemDetails::default()
        }
    }

    /// Sets `instance`, a URI of this occurrence (for example the path of the request that
    /// failed).
    pub fn with_instance(mut self, instance: impl Into<String>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// The document as `application/problem+json` text.
    pub fn to_json(&self) -> String {
        // Serializing this type cannot fail (string keys, no floats of its own; the extensions
        // are JSON values already); the fallback only keeps the signature total.
        serde_json::to_string(self).unwrap_or_else(|_| String::from(r#"{"type":"about:blank"}"#))
    }
}

impl From<&ParsedError<'_>> for ProblemDetails {
    /// [`ProblemDetails::from_parsed`].
    fn from(p: &ParsedError<'_>) -> Self {
        ProblemDetails::from_parsed(p)
    }
}

/// The problem type URI of a resolved code: `urn:chat-error-codes:<table>:<code>` with the
/// catalog entry's code (a pattern code: the pattern's, a code in a documented range: the code),
/// `urn:chat-error-codes:<table>:unrecognized:<code>` for a code the table does not cover, and
/// `urn:chat-error-codes:<table>:runtime:<name>` for a JavaScript error an SDK let through.
/// Agora REST entries, keyed by HTTP status and `error` string, put the status first:
/// `urn:chat-error-codes:agora_rest:500:web_application`, `...:agora_rest:405` for a status
/// listed without a string. Bytes of a code outside RFC 3986's unreserved characters are
/// percent-encoded. Stable: a code keeps its
/// URI from release to release, and no two entries share one.
///
/// ```
/// use chat_error_codes::{Table, agora::rest::ChatError, resolve, response::problem_type};
/// assert_eq!(problem_type(&resolve(Table::AgoraChat, "605")), "urn:chat-error-codes:agora_chat:605");
/// assert_eq!(
///     problem_type(&resolve(Table::CometChatRest, "ERR_NEW/2030")),
///     "urn:chat-error-codes:cometchat_rest:unrecognized:ERR_NEW%2F2030"
/// );
/// let r = chat_error_codes::Resolution::Known(ChatError::WebApplication500.into());
/// assert_eq!(problem_type(&r), "urn:chat-error-codes:agora_rest:500:web_application");
/// ```
pub fn problem_type(r: &Resolution<'_>) -> String {
    let mut uri = String::from(TYPE_PREFIX);
    uri.push_str(r.table().as_str());
    uri.push(':');
    match r {
        Resolution::Known(e) | Resolution::Pattern { error: e, .. } => {
            let code = alloc::format!("{}", e.code());
            // Agora REST entries are keyed by status and `error` string (`web_application` is
            // listed under 415 and 500): the status comes first, alone for a status listed
            // without a string.
            match e.vendor_status().filter(|_| r.table() == Table::AgoraRest) {
                Some(status) if code == alloc::format!("{status}") => uri.push_str(&code),
                Some(status) => {
                    uri.push_str(&alloc::format!("{status}:"));
                    percent_encode(&code, &mut uri);
                }
                None => percent_encode(&code, &mut uri),
            }
        }
        Resolution::Range { code, .. } => {
            percent_encode(&alloc::format!("{code}"), &mut uri);
        }
        Resolution::Runtime(e) => {
            uri.push_str("runtime:");
            percent_encode(e.name(), &mut uri);
        }
        Resolution::Unrecognized(u) => {
            uri.push_str("unrecognized:");
            percent_encode(&alloc::format!("{}", u.code()), &mut uri);
        }
    }
    uri
}

/// Appends `s` with every byte outside RFC 3986's unreserved set percent-encoded.
fn percent_encode(s: &str, out: &mut String) {
    use core::fmt::Write;
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{b:02X}");
        }
    }
}
