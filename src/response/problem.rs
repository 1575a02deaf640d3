//! RFC 9457 Problem Details: written for any parsed vendor error, read from any producer.

use alloc::string::String;

use serde::ser::SerializeMap as _;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::payload::ParsedError;
use crate::{AnyChatError, Canonical, RawCode, Recovery, Resolution, Table, Vendor};

use super::types::{entry_for_type, resolve_with_status};
use super::*;
use crate::payload::reason_phrase;

/// An RFC 9457 Problem Details document (media type [`PROBLEM_JSON`]) describing a vendor
/// error, for a service that relays vendor errors to its own clients, or read from a response
/// (see [`Body::Problem`]).
///
/// | member | from a [`ParsedError`] | from a [`Classified`] response |
/// |---|---|---|
/// | `type` | the rustdoc page of the catalog entry (see [`problem_type`]; a service's own pages with [`with_type_base`](Self::with_type_base)); `about:blank` for a code no entry covers | the payload's; a Problem Details body's own (a document this crate wrote: its entry's); without either `about:blank` |
/// | `title` | the catalog's message, else (`about:blank`) the status's reason phrase | the same; a Problem Details body's own title |
/// | `status` | the status that came with the payload, else the canonical class's | the status as sent |
/// | `detail` | the vendor's message | the same; a Problem Details body's own detail |
/// | `instance` | set with [`with_instance`](Self::with_instance) | the same |
/// | `vendor`, `table` | the payload's | the same; without a payload the table the caller named |
/// | `code` | the code exactly as sent (string or integer) | the same |
/// | `canonical`, `recovery` | the payload's class and advice | the response's |
/// | `retry_after` | absent | the delay the headers ask for, in whole seconds rounded up, within the [`DelayLimits`] |
///
/// **Reading** follows RFC 9457, section 3.1: a standard member whose value has the wrong type
/// (`"status":"404"`, `"type":42`) is not used, and neither is an extension of this crate's
/// whose value is not one of its own (`"vendor":"acme"`, `"code":{...}`,
/// `"canonical":"NOT_FOUND"`, `"table":"users"`); both are kept in
/// [`extensions`](Self::extensions) as received, so no JSON object ever fails to read and nothing
/// is lost. A document without a usable `type` is `about:blank` (section 4.2.1). Writing puts
/// the typed members first and then every extension whose name no typed member took.
///
/// ```
/// use chat_error_codes::{Canonical, payload, response::ProblemDetails};
///
/// let body = r#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"The UID cometchat-uid-7 does not exist."}}"#;
/// let problem = ProblemDetails::from_parsed(&payload::parse(body).unwrap()).with_instance("/v3/users/cometchat-uid-7");
/// assert!(problem.type_uri.ends_with("/chat_error_codes/cometchat/rest/enum.ChatError.html#variant.ErrUidNotFound"));
/// assert_eq!(problem.status, Some(404));
/// assert_eq!(problem.detail.as_deref(), Some("The UID cometchat-uid-7 does not exist."));
/// assert_eq!(problem.canonical, Some(Canonical::NotFound));
///
/// let json = problem.to_json();
/// assert!(json.starts_with(r#"{"type":"https://docs.rs/chat-error-codes/"#));
/// let back: ProblemDetails = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, problem);
/// assert_eq!(back.entry(), problem.entry());
///
/// // Another producer's document: the mistyped status is not used but kept.
/// let p: ProblemDetails = serde_json::from_str(r#"{"title":"Gone","status":"410","vendor":"acme"}"#).unwrap();
/// assert_eq!((p.type_uri.as_str(), p.status, p.vendor), ("about:blank", None, None));
/// assert_eq!((p.extensions["status"].as_str(), p.extensions["vendor"].as_str()), (Some("410"), Some("acme")));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemDetails {
    /// `type`: a URI that identifies the problem type (`about:blank` when a document has none).
    pub type_uri: String,
    /// `title`: a short summary of the problem type.
    pub title: Option<String>,
    /// `status`: the HTTP status.
    pub status: Option<u16>,
    /// `detail`: this occurrence, in the vendor's words.
    pub detail: Option<String>,
    /// `instance`: a URI of this occurrence, when the relaying service gives one.
    pub instance: Option<String>,
    /// Extension `vendor`: `"CometChat"`, `"Agora"`, ...
    pub vendor: Option<Vendor>,
    /// Extension `table`: `"cometchat_rest"`, ...
    pub table: Option<Table>,
    /// Extension `code`: the vendor's code exactly as sent, a string or an integer.
    pub code: Option<RawCode<'static>>,
    /// Extension `canonical`: the class, e.g. `"NotFound"`.
    pub canonical: Option<Canonical>,
    /// Extension `recovery`: the advice, e.g. `"DoNotRetry"`.
    pub recovery: Option<Recovery>,
    /// Extension `retry_after`: seconds to wait before repeating the call.
    pub retry_after: Option<u64>,
    /// Any other members, kept as received (with the members above whose values did not fit).
    pub extensions: Map<String, Value>,
}

fn about_blank() -> String {
    String::from(ABOUT_BLANK)
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
            extensions: Map::new(),
        }
    }
}

impl ProblemDetails {
    /// The document for a parsed vendor payload (see the table above).
    pub fn from_parsed(p: &ParsedError<'_>) -> Self {
        let table = p.table();
        let canonical = p.canonical();
        let status = p.status().unwrap_or(canonical.http_status());
        let type_uri = problem_type(p.resolution());
        ProblemDetails {
            title: Some(String::from(title_for(
                p.resolution().catalog_message(),
                &type_uri,
                status,
                canonical,
            ))),
            type_uri,
            status: Some(status),
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

    /// Points `type` at a service's own error pages: `<base><table>/<code>` for a document
    /// whose [`entry`](Self::entry) is known (see [`problem_type_with_base`]); a document
    /// without one is left as it is.
    ///
    /// ```
    /// use chat_error_codes::{Table, response::ProblemDetails, resolve};
    /// let p = ProblemDetails { table: Some(Table::AgoraChat), code: Some(605.into()), ..ProblemDetails::default() };
    /// let p = p.with_type_base("https://errors.example.com/chat/");
    /// assert_eq!(p.type_uri, "https://errors.example.com/chat/agora_chat/605");
    /// ```
    pub fn with_type_base(mut self, base: &str) -> Self {
        if let Some(r) = self.resolution().filter(|r| r.entry().is_some()) {
            self.type_uri = problem_type_with_base(base, &r);
        }
        self
    }

    /// The catalog entry the document describes: from its `table` and `code` extensions (with
    /// `status` for a table keyed by status, Agora REST), else from a `type` this crate writes
    /// (the rustdoc page of an entry, or the `urn:chat-error-codes:` form of earlier versions).
    ///
    /// ```
    /// use chat_error_codes::{agora, response::ProblemDetails};
    /// let old = r#"{"type":"urn:chat-error-codes:agora_chat:605","status":404}"#;
    /// let p: ProblemDetails = serde_json::from_str(old).unwrap();
    /// assert_eq!(p.entry(), Some(agora::ChatError::GroupNotExist.into()));
    /// ```
    pub fn entry(&self) -> Option<AnyChatError> {
        self.resolution().and_then(|r| r.entry())
    }

    /// What the document's `table` and `code` resolve to (an unknown code is
    /// [`Resolution::Unrecognized`]), else the entry its `type` names; `None` for a document of
    /// another producer.
    pub fn resolution(&self) -> Option<Resolution<'static>> {
        if let (Some(table), Some(code)) = (self.table, &self.code) {
            return Some(resolve_with_status(table, code.clone(), self.status));
        }
        entry_for_type(&self.type_uri).map(Resolution::Known)
    }

    /// Reads a document from a JSON object's members, leniently (see the type's documentation):
    /// it never fails.
    pub fn from_members(members: Map<String, Value>) -> Self {
        let mut p = ProblemDetails::default();
        for (name, value) in members {
            if let Some(value) = p.take_member(&name, value) {
                p.extensions.insert(name, value);
            }
        }
        p
    }

    /// Reads a document from JSON text: `None` unless the text is a JSON object with at least
    /// one standard member of the right type (`type`, `title`, `detail` or `instance` a string,
    /// `status` an HTTP status).
    ///
    /// ```
    /// use chat_error_codes::response::ProblemDetails;
    /// let p = ProblemDetails::from_json(r#"{"type":"about:blank","status":404,"title":"Not Found"}"#).unwrap();
    /// assert_eq!(p.status, Some(404));
    /// assert!(ProblemDetails::from_json(r#"{"type":605}"#).is_none());
    /// assert!(ProblemDetails::from_json("[1]").is_none());
    /// ```
    pub fn from_json(text: &str) -> Option<Self> {
        let members: Map<String, Value> = serde_json::from_str(text).ok()?;
        is_problem(&members).then(|| ProblemDetails::from_members(members))
    }

    /// Stores a member whose value has the member's type; gives back any other value.
    fn take_member(&mut self, name: &str, value: Value) -> Option<Value> {
        match (name, value) {
            ("type", Value::String(s)) => self.type_uri = s,
            ("title", Value::String(s)) => self.title = Some(s),
            ("detail", Value::String(s)) => self.detail = Some(s),
            ("instance", Value::String(s)) => self.instance = Some(s),
            ("status", v) => return store(&mut self.status, v, status_of),
            ("vendor", v) => return store(&mut self.vendor, v, |v| Vendor::deserialize(v).ok()),
            ("table", v) => return store(&mut self.table, v, |v| Table::deserialize(v).ok()),
            ("code", v) => return store(&mut self.code, v, code_of),
            ("canonical", v) => {
                return store(&mut self.canonical, v, |v| Canonical::deserialize(v).ok());
            }
            ("recovery", v) => {
                return store(&mut self.recovery, v, |v| Recovery::deserialize(v).ok());
            }
            ("retry_after", v) => return store(&mut self.retry_after, v, Value::as_u64),
            (_, v) => return Some(v),
        }
        None
    }

    /// The document as `application/problem+json` text.
    pub fn to_json(&self) -> String {
        // Serializing this type cannot fail (string keys, no floats of its own; the extensions
        // are JSON values already); the fallback only keeps the signature total.
        serde_json::to_string(self).unwrap_or_else(|_| String::from(r#"{"type":"about:blank"}"#))
    }
}

/// Whether a JSON object has a standard Problem Details member of the right type.
fn is_problem(members: &Map<String, Value>) -> bool {
    let text = |name: &str| members.get(name).is_some_and(Value::is_string);
    text("type")
        || text("title")
        || text("detail")
        || text("instance")
        || members.get("status").and_then(status_of).is_some()
}

/// Sets `slot` to `read(&value)` when that reads; else gives the value back.
fn store<T>(
    slot: &mut Option<T>,
    value: Value,
    read: impl Fn(&Value) -> Option<T>,
) -> Option<Value> {
    match read(&value) {
        Some(v) => {
            *slot = Some(v);
            None
        }
        None => Some(value),
    }
}

/// An HTTP status member: an integer from 100 to 599.
fn status_of(v: &Value) -> Option<u16> {
    v.as_u64()
        .filter(|s| (100..=599).contains(s))
        .and_then(|s| u16::try_from(s).ok())
}

/// A `code` member: a string or an integer.
fn code_of(v: &Value) -> Option<RawCode<'static>> {
    match v {
        Value::String(s) => Some(RawCode::from(s.clone())),
        Value::Number(n) => n.as_i64().map(RawCode::Int),
        _ => None,
    }
}

/// The title: the catalog's message, else for `about:blank` the status's reason phrase (RFC
/// 9457, section 4.2.1), else the class.
pub(super) fn title_for(
    catalog: Option<&'static str>,
    type_uri: &str,
    status: u16,
    canonical: Canonical,
) -> &'static str {
    catalog
        .or_else(|| reason_phrase(status).filter(|_| type_uri == ABOUT_BLANK))
        .unwrap_or(canonical.as_str())
}

impl ProblemDetails {
    /// Whether serializing writes a typed member called `name` (an extension of that name is
    /// then left out).
    fn writes(&self, name: &str) -> bool {
        match name {
            "type" => true,
            "title" => self.title.is_some(),
            "status" => self.status.is_some(),
            "detail" => self.detail.is_some(),
            "instance" => self.instance.is_some(),
            "vendor" => self.vendor.is_some(),
            "table" => self.table.is_some(),
            "code" => self.code.is_some(),
            "canonical" => self.canonical.is_some(),
            "recovery" => self.recovery.is_some(),
            "retry_after" => self.retry_after.is_some(),
            _ => false,
        }
    }
}

impl Serialize for ProblemDetails {
    /// The typed members that are set, in the order of the fields, then the extensions whose
    /// names they do not take.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("type", &self.type_uri)?;
        macro_rules! members {
            ($($name:literal: $field:ident),*) => {$(
                if let Some(v) = &self.$field {
                    map.serialize_entry($name, v)?;
                }
            )*};
        }
        members!(
            "title": title, "status": status, "detail": detail, "instance": instance,
            "vendor": vendor, "table": table, "code": code, "canonical": canonical,
            "recovery": recovery, "retry_after": retry_after
        );
        for (name, value) in &self.extensions {
            if !self.writes(name) {
                map.serialize_entry(name, value)?;
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for ProblemDetails {
    /// Any JSON object reads (see the type's documentation); anything else is an error.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Map::<String, Value>::deserialize(d).map(ProblemDetails::from_members)
    }
}

impl From<&ParsedError<'_>> for ProblemDetails {
    /// [`ProblemDetails::from_parsed`].
    fn from(p: &ParsedError<'_>) -> Self {
        ProblemDetails::from_parsed(p)
    }
}
