//! Parsing the vendors' error payloads (feature `json`).
//!
//! Four shapes are understood, each with its own function, and [`parse`] detects the shape when
//! the caller does not know it:
//!
//! | shape | JSON | function |
//! |---|---|---|
//! | CometChat REST / Calls API body | `{"error": {"code": "...", "message": "...", "details": {...}}}` | [`parse_rest`], [`parse_calls`] |
//! | serialized `CometChatException` | `{"code": ..., "name": "...", "message": "...", "details": ...}` | [`parse_exception`] |
//! | Agora Chat Web SDK `ErrorEvent` | `{"type": 605, "message": "...", "data": ...}` | [`parse_agora`] |
//! | Genesys `EventError` | `{"code": 101, "message": "..."}` (code also as `"101"`) | [`parse_genesys`] |
//!
//! Each gives a [`ParsedError`]: the [`Resolution`] of the code (known, pattern, range or
//! unrecognized) together with the payload's own code, name, message and details, kept verbatim
//! and borrowed from the input where possible. Malformed input is a [`PayloadError`] that says
//! what was wrong and where; nothing panics.
//!
//! ```
//! use chat_error_codes::{Canonical, Recovery, payload};
//!
//! let body = r#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"The UID cometchat-uid-7 does not exist.","details":{"uid":"cometchat-uid-7"}}}"#;
//! let parsed = payload::parse(body).unwrap();
//! assert_eq!(parsed.shape(), payload::Shape::CometChatRest);
//! assert_eq!(parsed.canonical(), Canonical::NotFound);
//! assert_eq!(parsed.message(), Some("The UID cometchat-uid-7 does not exist."));
//! assert_eq!(parsed.details().unwrap().get(), r#"{"uid":"cometchat-uid-7"}"#);
//! assert_eq!(parsed.recovery(), Recovery::DoNotRetry);
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::resolve::resolve_received;
use crate::{Canonical, RawCode, Recovery, Resolution, Table, resolve_exception};

/// The shape of a vendor error payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// CometChat REST API error body: `{"error": {"code", "message", "details"}}`.
    #[serde(rename = "cometchat_rest")]
    CometChatRest,
    /// CometChat Calls API error body: the REST shape, resolved in the Calls table first.
    #[serde(rename = "cometchat_calls")]
    CometChatCalls,
    /// A serialized CometChat SDK `CometChatException`: `{"code", "name", "message", "details"}`.
    #[serde(rename = "cometchat_exception")]
    CometChatException,
    /// An Agora Chat Web SDK `ErrorEvent`: `{"type", "message", "data"}`.
    #[serde(rename = "agora_error_event")]
    AgoraErrorEvent,
    /// A Genesys Web Engagement chat `EventError`: `{"code", "message"}`.
    #[serde(rename = "genesys_event_error")]
    GenesysEventError,
}

impl Shape {
    /// The shape's name, e.g. `"cometchat_rest"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Shape::CometChatRest => "cometchat_rest",
            Shape::CometChatCalls => "cometchat_calls",
            Shape::CometChatException => "cometchat_exception",
            Shape::AgoraErrorEvent => "agora_error_event",
            Shape::GenesysEventError => "genesys_event_error",
        }
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a payload could not be parsed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PayloadError {
    /// Not valid JSON, or a field of the wrong type (serde_json's message names line and column).
    #[error("malformed {shape} payload: {source}")]
    Json {
        /// The shape being parsed (`None` while detecting it).
        shape: ShapeName,
        /// serde_json's error, with line and column.
        #[source]
        source: serde_json::Error,
    },
    /// Valid JSON without the field that carries the code.
    #[error("{shape} payload has no `{field}` field")]
    MissingCode {
        /// The shape being parsed.
        shape: Shape,
        /// The field that was expected.
        field: &'static str,
    },
    /// Valid JSON that matches none of the vendor shapes.
    #[error(
        "not a vendor error payload: expected a JSON object with `error`, `type` or `code` (found {found})"
    )]
    UnknownShape {
        /// A description of what was found.
        found: &'static str,
    },
}

impl PayloadError {
    /// The line (1-based) of a JSON error.
    pub fn line(&self) -> Option<usize> {
        match self {
            PayloadError::Json { source, .. } => Some(source.line()),
            _ => None,
        }
    }

    /// The column (1-based) of a JSON error.
    pub fn column(&self) -> Option<usize> {
        match self {
            PayloadError::Json { source, .. } => Some(source.column()),
            _ => None,
        }
    }
}

/// The shape named in a [`PayloadError::Json`]: a known shape or "vendor" while detecting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShapeName(pub Option<Shape>);

impl fmt::Display for ShapeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(shape) => fmt::Display::fmt(&shape, f),
            None => f.write_str("vendor"),
        }
    }
}

fn json_error(shape: Option<Shape>) -> impl FnOnce(serde_json::Error) -> PayloadError {
    move |source| PayloadError::Json {
        shape: ShapeName(shape),
        source,
    }
}

/// A parsed vendor error payload: what the code resolved to, and everything the vendor sent
/// with it, verbatim.
///
/// [`Serialize`] writes the payload back in its vendor shape, with the code as received (string
/// or integer) and `details`/`data` byte for byte; fields the vendor shape does not define are
/// not kept there, but [`raw`](Self::raw) is the whole input.
#[derive(Clone, Debug)]
pub struct ParsedError<'a> {
    shape: Shape,
    resolution: Resolution<'a>,
    code: RawCode<'a>,
    name: Option<Cow<'a, str>>,
    message: Option<Cow<'a, str>>,
    details: Option<&'a RawValue>,
    raw: &'a str,
}

impl<'a> ParsedError<'a> {
    /// The payload's shape.
    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// What the code resolved to.
    pub fn resolution(&self) -> &Resolution<'a> {
        &self.resolution
    }

    /// The code exactly as the payload carried it (for a `CometChatException` with a numeric
    /// code, that number; the entry was found by `name`).
    pub fn code(&self) -> &RawCode<'a> {
        &self.code
    }

    /// The payload's `name` (CometChat exceptions).
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The payload's own message, verbatim.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The payload's `details` (CometChat) or `data` (Agora), as the exact JSON text received.
    pub fn details(&self) -> Option<&'a RawValue> {
        self.details
    }

    /// The whole input.
    pub fn raw(&self) -> &'a str {
        self.raw
    }

    /// The table the code was resolved in.
    pub fn table(&self) -> Table {
        self.resolution.table()
    }

    /// The canonical class (`Unknown` for an unrecognized code).
    pub fn canonical(&self) -> Canonical {
        self.resolution.canonical()
    }

    /// The HTTP status of the canonical class.
    pub fn http_status(&self) -> u16 {
        self.resolution.http_status()
    }

    /// What the caller should do.
    pub fn recovery(&self) -> Recovery {
        self.resolution.recovery()
    }

    /// The payload's message if it has one, else the catalog's.
    pub fn best_message(&self) -> Option<&str> {
        self.message().or_else(|| self.resolution.catalog_message())
    }
}

impl fmt::Display for ParsedError<'_> {
    /// `<resolution>`, then the payload's message if it has one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.resolution, f)?;
        if let Some(message) = &self.message {
            write!(f, " ({message})")?;
        }
        Ok(())
    }
}

impl Serialize for ParsedError<'_> {
    /// Writes the payload back in its vendor shape.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Inner<'b> {
            code: &'b RawCode<'b>,
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            message: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            details: Option<&'b RawValue>,
        }
        #[derive(Serialize)]
        struct Rest<'b> {
            error: Inner<'b>,
        }
        #[derive(Serialize)]
        struct Agora<'b> {
            #[serde(rename = "type")]
            kind: &'b RawCode<'b>,
            #[serde(skip_serializing_if = "Option::is_none")]
            message: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            data: Option<&'b RawValue>,
        }
        let inner = Inner {
            code: &self.code,
            name: self.name.as_deref(),
            message: self.message.as_deref(),
            details: self.details,
        };
        match self.shape {
            Shape::CometChatRest | Shape::CometChatCalls => {
                Rest { error: inner }.serialize(serializer)
            }
            Shape::CometChatException | Shape::GenesysEventError => inner.serialize(serializer),
            Shape::AgoraErrorEvent => Agora {
                kind: &self.code,
                message: self.message.as_deref(),
                data: self.details,
            }
            .serialize(serializer),
        }
    }
}

/// Every field any vendor shape uses, filled in place in one pass over the input (no large
/// values are moved around). Other fields are skipped; a repeated field is an error.
#[derive(Default)]
struct Fields<'a> {
    error: Option<Body<'a>>,
    kind: Option<RawCode<'a>>,
    code: Option<RawCode<'a>>,
    name: Option<Cow<'a, str>>,
    message: Option<Cow<'a, str>>,
    details: Option<&'a RawValue>,
    data: Option<&'a RawValue>,
}

/// The `error` object of a CometChat REST / Calls body.
#[derive(Default)]
struct Body<'a> {
    code: Option<RawCode<'a>>,
    name: Option<Cow<'a, str>>,
    message: Option<Cow<'a, str>>,
    details: Option<&'a RawValue>,
}

/// The member names the parser reads; any other name is skipped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Error,
    Type,
    Code,
    Name,
    Message,
    Details,
    Data,
    Other,
}

impl Key {
    const fn as_str(self) -> &'static str {
        match self {
            Key::Error => "error",
            Key::Type => "type",
            Key::Code => "code",
            Key::Name => "name",
            Key::Message => "message",
            Key::Details => "details",
            Key::Data => "data",
            Key::Other => "",
        }
    }

    /// Marks the key as read, failing on a repeat (JSON allows it; a payload must not).
    fn mark<E: serde::de::Error>(self, seen: &mut u8) -> Result<(), E> {
        let bit = 1u8 << (self as u8);
        if *seen & bit != 0 {
            return Err(E::duplicate_field(self.as_str()));
        }
        *seen |= bit;
        Ok(())
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key, E> {
                Ok(match v {
                    "error" => Key::Error,
                    "type" => Key::Type,
                    "code" => Key::Code,
                    "name" => Key::Name,
                    "message" => Key::Message,
                    "details" => Key::Details,
                    "data" => Key::Data,
                    _ => Key::Other,
                })
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// A text member, borrowed from the input unless it had escapes (serde's own `Option<Cow>`
/// always copies). `null` reads as absent.
struct Text;

impl<'de> serde::de::DeserializeSeed<'de> for Text {
    type Value = Option<Cow<'de, str>>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Text {
    type Value = Option<Cow<'de, str>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or null")
    }
    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Borrowed(v)))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.into())))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v)))
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// Reads the top-level object into a [`Fields`].
struct Top<'f, 'a>(&'f mut Fields<'a>);

impl<'de: 'a, 'a> serde::de::Visitor<'de> for Top<'_, 'a> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let f = self.0;
        let mut seen = 0u8;
        while let Some(key) = map.next_key::<Key>()? {
            if key == Key::Other {
                map.next_value::<serde::de::IgnoredAny>()?;
                continue;
            }
            key.mark(&mut seen)?;
            match key {
                Key::Error => f.error = map.next_value_seed(ErrorBody)?,
                Key::Type => f.kind = map.next_value()?,
                Key::Code => f.code = map.next_value()?,
                Key::Name => f.name = map.next_value_seed(Text)?,
                Key::Message => f.message = map.next_value_seed(Text)?,
                // Kept as the exact text, `null` included (written back as sent).
                Key::Details => f.details = Some(map.next_value()?),
                Key::Data => f.data = Some(map.next_value()?),
                Key::Other => {}
            }
        }
        Ok(())
    }
}

/// Reads the `error` member: an object, or `null` for none.
struct ErrorBody;

impl<'de> serde::de::DeserializeSeed<'de> for ErrorBody {
    type Value = Option<Body<'de>>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> serde::de::Visitor<'de> for ErrorBody {
    type Value = Option<Body<'de>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut body = Body::default();
        let mut seen = 0u8;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Code | Key::Name | Key::Message | Key::Details => key.mark(&mut seen)?,
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    continue;
                }
            }
            match key {
                Key::Code => body.code = map.next_value()?,
                Key::Name => body.name = map.next_value_seed(Text)?,
                Key::Message => body.message = map.next_value_seed(Text)?,
                _ => body.details = Some(map.next_value()?),
            }
        }
        Ok(Some(body))
    }
}

/// Reads `json` into `f`, or says why it is not a vendor payload.
#[inline]
fn read<'a>(json: &'a str, shape: Option<Shape>, f: &mut Fields<'a>) -> Result<(), PayloadError> {
    // Only objects are payloads; valid JSON of another type has the wrong shape, malformed JSON
    // is reported as such, with its position.
    let found = match json.trim_start().as_bytes().first() {
        Some(b'{') | None => None,
        Some(b'[') => Some("a JSON array"),
        Some(b'"') => Some("a JSON string"),
        Some(b't' | b'f') => Some("a JSON boolean"),
        Some(b'n') => Some("JSON null"),
        Some(_) => Some("a JSON number"),
    };
    if let Some(found) = found {
        serde_json::from_str::<&RawValue>(json).map_err(json_error(shape))?;
        return Err(PayloadError::UnknownShape { found });
    }
    let mut de = serde_json::Deserializer::from_str(json);
    serde::Deserializer::deserialize_map(&mut de, Top(f))
        .and_then(|()| de.end())
        .map_err(json_error(shape))
}

#[inline]
fn rest_like<'a>(
    json: &'a str,
    shape: Shape,
    table: Table,
) -> Result<ParsedError<'a>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(shape), &mut f)?;
    let error = f.error.take().ok_or(PayloadError::MissingCode {
        shape,
        field: "error",
    })?;
    rest_body(json, error, shape, table)
}

#[inline]
fn rest_body<'a>(
    json: &'a str,
    inner: Body<'a>,
    shape: Shape,
    table: Table,
) -> Result<ParsedError<'a>, PayloadError> {
    let code = inner.code.ok_or(PayloadError::MissingCode {
        shape,
        field: "error.code",
    })?;
    // A Calls API body can carry any REST code (auth, rate limit): the table's fallback.
    let resolution = resolve_received(table, code.clone());
    Ok(ParsedError::new(
        json,
        shape,
        code,
        resolution,
        inner.name,
        inner.message,
        inner.details,
    ))
}

impl<'a> ParsedError<'a> {
    /// Assembles a parsed payload; an unrecognized resolution also keeps the payload's message,
    /// so that value alone loses nothing.
    #[inline]
    fn new(
        raw: &'a str,
        shape: Shape,
        code: RawCode<'a>,
        resolution: Resolution<'a>,
        name: Option<Cow<'a, str>>,
        message: Option<Cow<'a, str>>,
        details: Option<&'a RawValue>,
    ) -> Self {
        let resolution = match (resolution, &message) {
            (Resolution::Unrecognized(u), Some(m)) => {
                Resolution::Unrecognized(u.with_message(m.clone()))
            }
            (other, _) => other,
        };
        ParsedError {
            shape,
            resolution,
            code,
            name,
            message,
            details,
            raw,
        }
    }
}

/// Parses a CometChat REST API error body, resolving the code in the REST table.
///
/// ```
/// use chat_error_codes::payload;
/// let p = payload::parse_rest(r#"{"error":{"code":"ERR_BRAND_NEW","message":"new"}}"#).unwrap();
/// assert!(p.resolution().is_unrecognized());
/// assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"error":{"code":"ERR_BRAND_NEW","message":"new"}}"#);
/// ```
#[inline]
pub fn parse_rest(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    rest_like(json, Shape::CometChatRest, Table::CometChatRest)
}

/// Parses a CometChat Calls API error body, resolving the code in the Calls table first and
/// in the REST guide for the other REST codes the Calls API returns.
#[inline]
pub fn parse_calls(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    rest_like(json, Shape::CometChatCalls, Table::CometChatCalls)
}

/// Parses a serialized `CometChatException` (see
/// [`resolve_exception`] for how its code resolves).
///
/// ```
/// use chat_error_codes::{RawCode, payload};
/// let p = payload::parse_exception(r#"{"code":-1,"name":"WS_CONNECTION_FAIL","message":"WebSocket connection failed."}"#).unwrap();
/// assert_eq!(p.code(), &RawCode::Int(-1));
/// assert_eq!(p.resolution().entry().map(|e| e.to_string()), Some("WS_CONNECTION_FAIL: WebSocket connection failed.".into()));
/// ```
#[inline]
pub fn parse_exception(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::CometChatException), &mut f)?;
    exception(json, f)
}

#[inline]
fn exception<'a>(json: &'a str, f: Fields<'a>) -> Result<ParsedError<'a>, PayloadError> {
    let shape = Shape::CometChatException;
    let code = f.code.ok_or(PayloadError::MissingCode {
        shape,
        field: "code",
    })?;
    let resolution = resolve_exception(code.clone(), f.name.as_deref());
    Ok(ParsedError::new(
        json, shape, code, resolution, f.name, f.message, f.details,
    ))
}

/// Parses an Agora Chat Web SDK `ErrorEvent` (`type` is the code).
///
/// ```
/// use chat_error_codes::{ErrorInfo, payload};
/// let p = payload::parse_agora(r#"{"type":605,"message":"group not exist","data":{"id":"g1"}}"#).unwrap();
/// assert_eq!(p.resolution().entry().unwrap().name(), "GROUP_NOT_EXIST");
/// ```
#[inline]
pub fn parse_agora(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::AgoraErrorEvent), &mut f)?;
    agora(json, f)
}

#[inline]
fn agora<'a>(json: &'a str, f: Fields<'a>) -> Result<ParsedError<'a>, PayloadError> {
    let shape = Shape::AgoraErrorEvent;
    let code = f.kind.ok_or(PayloadError::MissingCode {
        shape,
        field: "type",
    })?;
    let resolution = resolve_received(Table::AgoraChat, code.clone());
    Ok(ParsedError::new(
        json, shape, code, resolution, None, f.message, f.data,
    ))
}

/// Parses a Genesys Web Engagement chat error: a numeric `code` (JSON integer or decimal string)
/// with an optional `message`. Codes outside the table resolve to their documented range.
///
/// ```
/// use chat_error_codes::payload;
/// let p = payload::parse_genesys(r#"{"code":"230","message":"widget failed"}"#).unwrap();
/// assert_eq!(p.resolution().section().unwrap().range(), Some((200, 249)));
/// ```
#[inline]
pub fn parse_genesys(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::GenesysEventError), &mut f)?;
    genesys(json, f)
}

#[inline]
fn genesys<'a>(json: &'a str, f: Fields<'a>) -> Result<ParsedError<'a>, PayloadError> {
    let shape = Shape::GenesysEventError;
    let code = f.code.ok_or(PayloadError::MissingCode {
        shape,
        field: "code",
    })?;
    let resolution = resolve_received(Table::GenesysChat, code.clone());
    Ok(ParsedError::new(
        json, shape, code, resolution, f.name, f.message, f.details,
    ))
}

/// Detects the vendor shape and parses the payload in one pass over the input.
///
/// Rules, in order: an `error` field is a CometChat REST body; a `type` field an Agora
/// `ErrorEvent`; a `code` with a `name`, or a non-numeric string `code`, a `CometChatException`;
/// any other `code` (an integer or a decimal string, without `name`) a Genesys error. Call the
/// shape's own function when you know the vendor: a Calls API body or a `CometChatException`
/// without `name` and with a numeric code cannot be told apart from the others.
///
/// ```
/// use chat_error_codes::payload::{self, Shape};
/// assert_eq!(payload::parse(r#"{"type":16}"#).unwrap().shape(), Shape::AgoraErrorEvent);
/// assert_eq!(payload::parse(r#"{"code":"UID_IS_COMPULSORY"}"#).unwrap().resolution().param(), Some("UID"));
/// assert_eq!(payload::parse(r#"{"code":101}"#).unwrap().shape(), Shape::GenesysEventError);
/// let err = payload::parse("{\"code\": tru}").unwrap_err();
/// assert_eq!((err.line(), err.column()), (Some(1), Some(13)));
/// ```
#[inline]
pub fn parse(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, None, &mut f)?;
    if let Some(error) = f.error.take() {
        return rest_body(json, error, Shape::CometChatRest, Table::CometChatRest);
    }
    if f.kind.is_some() {
        return agora(json, f);
    }
    match &f.code {
        Some(code) if f.name.is_some() || code.as_integer().is_none() => exception(json, f),
        Some(_) => genesys(json, f),
        None => Err(PayloadError::UnknownShape {
            found: "an object with none of them",
        }),
    }
}

/// Owned form of a [`ParsedError`]'s text fields, for callers that must outlive the input.
impl ParsedError<'_> {
    /// Detaches the value from the input it borrows (the raw input and details are copied).
    pub fn into_owned(self) -> OwnedParsedError {
        OwnedParsedError {
            shape: self.shape,
            resolution: self.resolution.into_owned(),
            code: self.code.into_owned(),
            name: self.name.map(Cow::into_owned),
            message: self.message.map(Cow::into_owned),
            details: self.details.map(|d| String::from(d.get())),
            raw: String::from(self.raw),
        }
    }
}

/// A [`ParsedError`] that owns its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnedParsedError {
    /// The payload's shape.
    pub shape: Shape,
    /// What the code resolved to.
    pub resolution: Resolution<'static>,
    /// The code as received.
    pub code: RawCode<'static>,
    /// The payload's `name`.
    pub name: Option<String>,
    /// The payload's message.
    pub message: Option<String>,
    /// The exact JSON text of `details` / `data`.
    pub details: Option<String>,
    /// The whole input.
    pub raw: String,
}
