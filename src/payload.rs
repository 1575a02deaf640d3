//! Parsing the vendors' error payloads (feature `json`).
//!
//! These shapes are understood, each with its own function, and [`parse`] detects the shape when
//! the caller does not know it:
//!
//! | shape | JSON | function |
//! |---|---|---|
//! | CometChat REST / Calls API body | `{"error": {"code": "...", "message": "...", "details": {...}}}` | [`parse_rest`], [`parse_calls`] |
//! | serialized `CometChatException` | `{"code": ..., "name": "...", "message": "...", "details": ...}` | [`parse_exception`] |
//! | Agora Chat Web SDK `ErrorEvent` | `{"type": 605, "message": "...", "data": ...}` | [`parse_agora`] |
//! | Agora Chat REST API body | `{"error": "illegal_argument", "exception": "...", "error_description": "..."}` | [`parse_agora_rest`], [`parse_agora_rest_with_status`] |
//! | Genesys `EventError` | `{"code": 101, "message": "..."}` (code also as `"101"`) | [`parse_genesys`] |
//! | Stream Chat API error | `{"code": 4, "message": "...", "StatusCode": 400, "duration": "...", "more_info": "...", "details": ...}` | [`parse_stream`] |
//! | Sendbird Platform API body | `{"error": true, "code": 400201, "message": "..."}` | [`parse_sendbird`] |
//! | Sendbird SDK `SendbirdError` | `{"code": 800101, "message": "..."}` | [`parse_sendbird`] |
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
use alloc::vec::Vec;
use core::fmt;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::resolve::resolve_received;
use crate::{Canonical, RawCode, Recovery, Resolution, Table, resolve_exception};

/// The shape of a vendor error payload. New vendors add shapes, so match it with a wildcard arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
    /// An Agora Chat REST API error body: `{"error": "<string>", "exception",
    /// "error_description", "timestamp", "duration"}`.
    #[serde(rename = "agora_rest")]
    AgoraRest,
    /// A Stream Chat API error: `{"code", "message", "StatusCode", "duration", "more_info",
    /// "details"}`.
    #[serde(rename = "stream")]
    Stream,
    /// A Sendbird Platform API error body: `{"error": true, "code", "message"}`.
    #[serde(rename = "sendbird_platform")]
    SendbirdPlatform,
    /// A Sendbird SDK `SendbirdError` (or WebSocket error payload): `{"code", "message"}` with a
    /// six-digit code.
    #[serde(rename = "sendbird_error")]
    SendbirdError,
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
            Shape::AgoraRest => "agora_rest",
            Shape::Stream => "stream",
            Shape::SendbirdPlatform => "sendbird_platform",
            Shape::SendbirdError => "sendbird_error",
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
    status: Option<u16>,
    causes: Vec<Cause<'a>>,
    /// Whether the payload carried a code (an SDK may hand back a JS error or `{}` instead).
    coded: bool,
    raw: &'a str,
}

/// An error nested in a payload as its cause: Agora's `data` (itself an event with a `type`,
/// possibly with its own `data`), or a `CometChatException` inside `details`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cause<'a> {
    code: RawCode<'a>,
    message: Option<Cow<'a, str>>,
    resolution: Resolution<'a>,
}

impl<'a> Cause<'a> {
    /// The nested code exactly as sent.
    pub fn code(&self) -> &RawCode<'a> {
        &self.code
    }

    /// The nested message, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// What the nested code resolved to.
    pub fn resolution(&self) -> &Resolution<'a> {
        &self.resolution
    }

    /// Detaches the value from the input it borrows.
    pub fn into_owned(self) -> Cause<'static> {
        Cause {
            code: self.code.into_owned(),
            message: self.message.map(|m| Cow::Owned(m.into_owned())),
            resolution: self.resolution.into_owned(),
        }
    }
}

impl<'a> ParsedError<'a> {
    /// The error nested in the payload as its cause, if any (Agora `data.type`, an exception in
    /// CometChat `details`). [`causes`](Self::causes) has the whole chain.
    ///
    /// ```
    /// use chat_error_codes::{Canonical, ErrorInfo, Recovery, payload};
    /// // A login event whose cause is a refused connection: a network failure, not bad credentials.
    /// let body = r#"{"type":1,"message":"Request Unknow Error","data":{"type":-2,"message":"Request Unknow Error","errorType":"onerror","xhr":{},"extraInfo":{"httpCode":0}}}"#;
    /// let p = payload::parse_agora(body).unwrap();
    /// assert_eq!(p.resolution().entry().unwrap().name(), "WEBIM_CONNCTION_OPEN_ERROR");
    /// assert_eq!(p.cause().unwrap().resolution().entry().unwrap().name(), "REQUEST_UNKNOWN");
    /// assert_eq!(p.canonical(), Canonical::Unavailable);
    /// assert_eq!(p.recovery(), Recovery::RetryWithBackoff);
    /// ```
    pub fn cause(&self) -> Option<&Cause<'a>> {
        self.causes.first()
    }

    /// The nested causes, outermost first.
    pub fn causes(&self) -> &[Cause<'a>] {
        &self.causes
    }

    /// The HTTP status that came with the payload: carried in the body (Stream's `StatusCode`)
    /// or given by the caller ([`parse_agora_rest_with_status`]).
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// For a known entry with documented server messages (Agora REST), the one the payload's
    /// message is, with the catalog's explanation of its cause.
    ///
    /// ```
    /// use chat_error_codes::payload;
    /// let body = r#"{"error":"illegal_argument","exception":"java.lang.IllegalArgumentException","timestamp":1700000000000,"duration":0,"error_description":"alice@ is not legal."}"#;
    /// let p = payload::parse_agora_rest_with_status(body, 400).unwrap();
    /// assert_eq!(p.server_message().unwrap().text(), "{username} is not legal.");
    /// ```
    pub fn server_message(&self) -> Option<&'static crate::ServerMessage> {
        let message = self.message.as_deref()?;
        let entry = self.resolution.entry()?;
        crate::ErrorInfo::server_messages(&entry)
            .iter()
            .find(|m| m.matches(message))
    }

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

    /// The class and advice that the payload calls for: those of the most specific error in it
    /// (the innermost cause the catalog classifies, else a documented message that has its own
    /// class, else the payload's own code); a code that
    /// means success in a lookup takes the class it has in an error payload
    /// ([`ErrorInfo::in_error_payload`](crate::ErrorInfo::in_error_payload)), so an error
    /// payload is never classified `Ok`.
    fn class(&self) -> (Canonical, Recovery) {
        let cause = self
            .causes
            .iter()
            .rev()
            .map(|c| &c.resolution)
            .find(|r| !r.is_unrecognized() && r.canonical() != Canonical::Unknown);
        if cause.is_none() {
            // A documented message that says more than its code.
            if let Some(class) = self.server_message().and_then(|m| m.class()) {
                return class;
            }
        }
        let specific = cause.unwrap_or(&self.resolution);
        match (specific.canonical(), specific.entry()) {
            (Canonical::Ok, Some(e)) => crate::ErrorInfo::in_error_payload(&e)
                .unwrap_or((Canonical::Unknown, Canonical::Unknown.recovery())),
            (Canonical::Ok, None) => (Canonical::Unknown, Canonical::Unknown.recovery()),
            (canonical, _) => (canonical, specific.recovery()),
        }
    }

    /// The canonical class the payload calls for (`Unknown` for an unrecognized code): see
    /// [`cause`](Self::cause) for how a nested cause refines it.
    pub fn canonical(&self) -> Canonical {
        self.class().0
    }

    /// The HTTP status of the canonical class.
    pub fn http_status(&self) -> u16 {
        self.canonical().http_status()
    }

    /// What the caller should do.
    pub fn recovery(&self) -> Recovery {
        self.class().1
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
    /// Writes the payload back in its vendor shape (a payload without a code, as received).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if !self.coded {
            let raw: &RawValue =
                serde_json::from_str(self.raw).map_err(serde::ser::Error::custom)?;
            return raw.serialize(serializer);
        }
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
        #[derive(Serialize)]
        struct AgoraRest<'b> {
            error: &'b RawCode<'b>,
            #[serde(skip_serializing_if = "Option::is_none")]
            exception: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            error_description: Option<&'b str>,
        }
        #[derive(Serialize)]
        struct Stream<'b> {
            code: &'b RawCode<'b>,
            #[serde(skip_serializing_if = "Option::is_none")]
            message: Option<&'b str>,
            #[serde(rename = "StatusCode", skip_serializing_if = "Option::is_none")]
            status: Option<u16>,
            #[serde(skip_serializing_if = "Option::is_none")]
            details: Option<&'b RawValue>,
        }
        #[derive(Serialize)]
        struct Sendbird<'b> {
            error: bool,
            code: &'b RawCode<'b>,
            #[serde(skip_serializing_if = "Option::is_none")]
            message: Option<&'b str>,
        }
        match self.shape {
            Shape::CometChatRest | Shape::CometChatCalls => {
                Rest { error: inner }.serialize(serializer)
            }
            Shape::AgoraRest => AgoraRest {
                error: &self.code,
                exception: self.name.as_deref(),
                error_description: self.message.as_deref(),
            }
            .serialize(serializer),
            Shape::Stream => Stream {
                code: &self.code,
                message: self.message.as_deref(),
                status: self.status,
                details: self.details,
            }
            .serialize(serializer),
            Shape::SendbirdPlatform => Sendbird {
                error: true,
                code: &self.code,
                message: self.message.as_deref(),
            }
            .serialize(serializer),
            Shape::CometChatException | Shape::GenesysEventError | Shape::SendbirdError => {
                inner.serialize(serializer)
            }
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
    error: Option<ErrorField<'a>>,
    kind: Option<RawCode<'a>>,
    code: Option<RawCode<'a>>,
    name: Option<Cow<'a, str>>,
    message: Option<Cow<'a, str>>,
    details: Option<&'a RawValue>,
    data: Option<&'a RawValue>,
    status_code: Option<RawCode<'a>>,
    error_description: Option<Cow<'a, str>>,
    exception: Option<Cow<'a, str>>,
    /// The members present, `null` ones included (bits of [`Key`]).
    seen: u16,
}

impl Fields<'_> {
    /// Whether the member was in the payload at all (`null` counts as present).
    fn has(&self, key: Key) -> bool {
        self.seen & (1 << key as u16) != 0
    }
}

/// The `error` member: CometChat's body object, Agora REST's code string, Sendbird's flag.
enum ErrorField<'a> {
    Body(Body<'a>),
    Text(Cow<'a, str>),
    Flag(bool),
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
    StatusCode,
    ErrorDescription,
    Exception,
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
            Key::StatusCode => "StatusCode",
            Key::ErrorDescription => "error_description",
            Key::Exception => "exception",
            Key::Other => "",
        }
    }

    /// Marks the key as read, failing on a repeat (JSON allows it; a payload must not).
    fn mark<E: serde::de::Error>(self, seen: &mut u16) -> Result<(), E> {
        let bit = 1u16 << (self as u16);
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
                    "StatusCode" => Key::StatusCode,
                    "error_description" => Key::ErrorDescription,
                    "exception" => Key::Exception,
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

/// Reads the top-level object into a [`Fields`]; the shape, when known, decides what `error` may
/// be.
struct Top<'f, 'a>(&'f mut Fields<'a>, Option<Shape>);

impl<'de: 'a, 'a> serde::de::Visitor<'de> for Top<'_, 'a> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let f = self.0;
        let object_only = matches!(self.1, Some(Shape::CometChatRest | Shape::CometChatCalls));
        let mut seen = 0u16;
        while let Some(key) = map.next_key::<Key>()? {
            if key == Key::Other {
                map.next_value::<serde::de::IgnoredAny>()?;
                continue;
            }
            key.mark(&mut seen)?;
            match key {
                Key::Error => f.error = map.next_value_seed(ErrorMember { object_only })?,
                Key::Type => f.kind = map.next_value()?,
                Key::Code => f.code = map.next_value()?,
                Key::Name => f.name = map.next_value_seed(Text)?,
                Key::Message => f.message = map.next_value_seed(Text)?,
                // Kept as the exact text, `null` included (written back as sent).
                Key::Details => f.details = Some(map.next_value()?),
                Key::Data => f.data = Some(map.next_value()?),
                Key::StatusCode => f.status_code = map.next_value()?,
                Key::ErrorDescription => f.error_description = map.next_value_seed(Text)?,
                Key::Exception => f.exception = map.next_value_seed(Text)?,
                Key::Other => {}
            }
        }
        f.seen = seen;
        Ok(())
    }
}

/// Reads the `error` member: an object, `null` for none, and unless `object_only` (the CometChat
/// shapes) a string or a boolean.
struct ErrorMember {
    object_only: bool,
}

impl<'de> serde::de::DeserializeSeed<'de> for ErrorMember {
    type Value = Option<ErrorField<'de>>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        if self.object_only {
            d.deserialize_option(self)
        } else {
            d.deserialize_any(self)
        }
    }
}

impl<'de> serde::de::Visitor<'de> for ErrorMember {
    type Value = Option<ErrorField<'de>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.object_only {
            f.write_str("a JSON object")
        } else {
            f.write_str("a JSON object, a string or a boolean")
        }
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
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(ErrorField::Flag(v)))
    }
    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Some(ErrorField::Text(Cow::Borrowed(v))))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(ErrorField::Text(Cow::Owned(v.into()))))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(ErrorField::Text(Cow::Owned(v))))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut body = Body::default();
        let mut seen = 0u16;
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
        Ok(Some(ErrorField::Body(body)))
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
    serde::Deserializer::deserialize_map(&mut de, Top(f, shape))
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
    let error = match f.error.take() {
        Some(ErrorField::Body(body)) => body,
        _ => {
            return Err(PayloadError::MissingCode {
                shape,
                field: "error",
            });
        }
    };
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
            status: None,
            causes: Vec::new(),
            coded: true,
            raw,
        }
    }

    /// Records the causes nested in the payload.
    #[inline]
    fn with_causes(mut self, causes: Vec<Cause<'a>>) -> Self {
        self.causes = causes;
        self
    }

    /// Records the HTTP status that came with the payload.
    #[inline]
    fn with_status(mut self, status: Option<u16>) -> Self {
        self.status = status;
        self
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
    if !f.has(Key::Code) {
        // No `code` at all: a `name` that is a catalog code still says which error it is.
        if let Some(name) = f.name.clone() {
            let resolution = resolve_exception(RawCode::Str(name.clone()), Some(&name));
            if !resolution.is_unrecognized() {
                let code = RawCode::Str(name);
                return Ok(ParsedError::new(
                    json, shape, code, resolution, f.name, f.message, f.details,
                ));
            }
        }
        return Ok(uncoded(json, shape, Table::CometChatSdk, f));
    }
    let code = f.code.ok_or(PayloadError::MissingCode {
        shape,
        field: "code",
    })?;
    let resolution = resolve_exception(code.clone(), f.name.as_deref());
    let causes = nested_causes(f.details, Key::Code, |code, name| {
        resolve_exception(code, name)
    });
    let parsed = ParsedError::new(json, shape, code, resolution, f.name, f.message, f.details);
    Ok(parsed.with_causes(causes))
}

/// What an SDK handed back without a code: a JavaScript runtime error (`{name, message}`) is
/// classified as one; anything else (`{}`, `{"status": false}`) is unrecognized, its whole text
/// kept as the code.
fn uncoded<'a>(json: &'a str, shape: Shape, table: Table, f: Fields<'a>) -> ParsedError<'a> {
    let (code, resolution) = match f.name.clone() {
        Some(name) => {
            let code = RawCode::Str(name.clone());
            let runtime = crate::RuntimeError::new(table, name, f.message.clone());
            (code, Resolution::Runtime(runtime))
        }
        None => {
            let code = RawCode::from(json.trim());
            (
                code.clone(),
                Resolution::Unrecognized(crate::Unrecognized::new(table, code)),
            )
        }
    };
    let mut parsed = ParsedError::new(
        json,
        shape,
        code,
        resolution,
        f.name,
        f.message,
        f.details.or(f.data),
    );
    parsed.coded = false;
    parsed
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
    if !f.has(Key::Type) {
        return Ok(uncoded(json, shape, Table::AgoraChat, f));
    }
    let code = f.kind.ok_or(PayloadError::MissingCode {
        shape,
        field: "type",
    })?;
    let resolution = resolve_received(Table::AgoraChat, code.clone());
    let causes = nested_causes(f.data, Key::Type, |code, _| {
        resolve_received(Table::AgoraChat, code)
    });
    let parsed = ParsedError::new(json, shape, code, resolution, None, f.message, f.data);
    Ok(parsed.with_causes(causes))
}

/// How deep nested causes are followed (Agora nests `data` twice in the captured traffic).
const MAX_CAUSES: usize = 4;

/// The chain of errors nested in `nested` (an object with a code under `key`, and its own
/// `data`/`details`), outermost first, each resolved by `resolve`. A member that is not such an
/// object ends the chain; nothing here fails the payload.
fn nested_causes<'a>(
    mut nested: Option<&'a RawValue>,
    key: Key,
    resolve: impl Fn(RawCode<'a>, Option<&str>) -> Resolution<'a>,
) -> Vec<Cause<'a>> {
    let mut causes = Vec::new();
    while let Some(raw) = nested.filter(|_| causes.len() < MAX_CAUSES) {
        let mut f = Fields::default();
        let object = raw.get().trim_start().starts_with('{');
        if !object || read(raw.get(), None, &mut f).is_err() {
            break;
        }
        let Some(code) = (if key == Key::Type {
            f.kind.take()
        } else {
            f.code.take()
        }) else {
            break;
        };
        let resolution = resolve(code.clone(), f.name.as_deref());
        causes.push(Cause {
            code,
            message: f.message.take(),
            resolution,
        });
        nested = f.data.or(f.details);
    }
    causes
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

/// Parses an Agora Chat REST API error body by its `error` string alone (the body carries no
/// status; use [`parse_agora_rest_with_status`] when you have the response's). The Java
/// `exception` is kept as [`name`](ParsedError::name), `error_description` as
/// [`message`](ParsedError::message); [`server_message`](ParsedError::server_message) tells which
/// documented message it is.
///
/// ```
/// use chat_error_codes::{Canonical, payload};
/// let body = r#"{"error":"brand_new_error","exception":"x.Y","timestamp":1,"duration":0,"error_description":"new"}"#;
/// let p = payload::parse_agora_rest(body).unwrap();
/// assert!(p.resolution().is_unrecognized());
/// assert_eq!(p.code().as_str(), Some("brand_new_error"));
/// assert_eq!(p.canonical(), Canonical::Unknown);
/// ```
#[inline]
pub fn parse_agora_rest(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::AgoraRest), &mut f)?;
    agora_rest(json, f, None)
}

/// [`parse_agora_rest`] with the HTTP status of the response, which picks the entry when the
/// same `error` string is documented under several statuses (`web_application`: 415 and 500)
/// and finds the statuses documented without a string.
///
/// ```
/// use chat_error_codes::{agora::rest::ChatError, payload};
/// let body = r#"{"error":"web_application","exception":"javax.ws.rs.WebApplicationException","timestamp":1,"duration":0,"error_description":"HTTP 415 Unsupported Media Type"}"#;
/// let p = payload::parse_agora_rest_with_status(body, 415).unwrap();
/// assert_eq!(p.resolution().entry(), Some(ChatError::WebApplication415.into()));
/// assert_eq!(p.status(), Some(415));
/// ```
#[inline]
pub fn parse_agora_rest_with_status(
    json: &str,
    status: u16,
) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::AgoraRest), &mut f)?;
    agora_rest(json, f, Some(status))
}

fn agora_rest<'a>(
    json: &'a str,
    mut f: Fields<'a>,
    status: Option<u16>,
) -> Result<ParsedError<'a>, PayloadError> {
    let shape = Shape::AgoraRest;
    let Some(ErrorField::Text(error)) = f.error.take() else {
        return Err(PayloadError::MissingCode {
            shape,
            field: "error",
        });
    };
    let found = match status {
        Some(status) => crate::agora::rest::ChatError::from_response(status, &error),
        None => crate::agora::rest::ChatError::from_code(&error),
    };
    let code = RawCode::Str(error);
    let resolution = match found {
        Some(e) => Resolution::Known(e.into()),
        None => resolve_received(Table::AgoraRest, code.clone()),
    };
    let parsed = ParsedError::new(
        json,
        shape,
        code,
        resolution,
        f.exception,
        f.error_description,
        None,
    );
    Ok(parsed.with_status(status))
}

/// Parses a Stream Chat API error (`code`, `message`, `StatusCode`, `details`...), resolving
/// `code` in the Stream table; `StatusCode` is kept as [`status`](ParsedError::status).
///
/// ```
/// use chat_error_codes::{ErrorInfo, payload};
/// let body = r#"{"code":9,"message":"Too many requests","StatusCode":429,"duration":"0.01ms","more_info":"https://getstream.io/chat/docs/api_errors_response"}"#;
/// let p = payload::parse_stream(body).unwrap();
/// assert_eq!(p.resolution().entry().unwrap().name(), "RateLimitError");
/// assert_eq!(p.status(), Some(429));
/// ```
#[inline]
pub fn parse_stream(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::Stream), &mut f)?;
    stream(json, f)
}

fn stream<'a>(json: &'a str, f: Fields<'a>) -> Result<ParsedError<'a>, PayloadError> {
    let shape = Shape::Stream;
    let code = f.code.ok_or(PayloadError::MissingCode {
        shape,
        field: "code",
    })?;
    let status = f
        .status_code
        .as_ref()
        .and_then(RawCode::as_integer)
        .and_then(|n| u16::try_from(n).ok());
    let resolution = resolve_received(Table::StreamChat, code.clone());
    let parsed = ParsedError::new(json, shape, code, resolution, None, f.message, f.details);
    Ok(parsed.with_status(status))
}

/// Parses a Sendbird error: a Platform API body (`{"error": true, "code", "message"}`) or an SDK
/// `SendbirdError` / WebSocket error payload (`{"code", "message"}`), resolving `code` in the
/// Sendbird table.
///
/// ```
/// use chat_error_codes::{Canonical, payload::{self, Shape}};
/// let p = payload::parse_sendbird(r#"{"error":true,"code":400201,"message":"Not found."}"#).unwrap();
/// assert_eq!((p.shape(), p.canonical()), (Shape::SendbirdPlatform, Canonical::NotFound));
/// let p = payload::parse_sendbird(r#"{"code":800101,"message":"Connection required."}"#).unwrap();
/// assert_eq!(p.shape(), Shape::SendbirdError);
/// ```
#[inline]
pub fn parse_sendbird(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::SendbirdPlatform), &mut f)?;
    sendbird(json, f)
}

fn sendbird<'a>(json: &'a str, f: Fields<'a>) -> Result<ParsedError<'a>, PayloadError> {
    let shape = match f.error {
        Some(ErrorField::Flag(true)) => Shape::SendbirdPlatform,
        _ => Shape::SendbirdError,
    };
    let code = f.code.ok_or(PayloadError::MissingCode {
        shape,
        field: "code",
    })?;
    let resolution = resolve_received(Table::SendbirdChat, code.clone());
    Ok(ParsedError::new(
        json, shape, code, resolution, f.name, f.message, f.details,
    ))
}

/// Whether `code` is a Sendbird code: six digits (Genesys' are below 250).
fn six_digits(code: &RawCode<'_>) -> bool {
    code.as_integer()
        .is_some_and(|n| (100_000..=999_999).contains(&n))
}

/// Detects the vendor shape and parses the payload in one pass over the input.
///
/// Rules, in order:
/// 1. `error` is an object: a CometChat REST body; a string: an Agora REST body; `true` (with
///    a `code`): a Sendbird Platform API body;
/// 2. a `StatusCode` with a `code`: a Stream API error;
/// 3. a `type`: an Agora Web SDK `ErrorEvent`;
/// 4. a `code` with a `name` (other than `SendbirdError`), or a non-numeric string `code`: a
///    `CometChatException`;
/// 5. a six-digit `code`: a Sendbird `SendbirdError`; any other numeric `code`: a Genesys error.
///
/// Call the shape's own function when you know the vendor: a Calls API body, a
/// `CometChatException` without `name` and with a numeric code, or an Agora REST body whose
/// status you have cannot be told apart or resolved as precisely from the body alone.
///
/// ```
/// use chat_error_codes::payload::{self, Shape};
/// assert_eq!(payload::parse(r#"{"type":16}"#).unwrap().shape(), Shape::AgoraErrorEvent);
/// assert_eq!(payload::parse(r#"{"code":"UID_IS_COMPULSORY"}"#).unwrap().resolution().param(), Some("UID"));
/// assert_eq!(payload::parse(r#"{"code":101}"#).unwrap().shape(), Shape::GenesysEventError);
/// assert_eq!(payload::parse(r#"{"code":400201,"message":"m"}"#).unwrap().shape(), Shape::SendbirdError);
/// assert_eq!(payload::parse(r#"{"error":"unauthorized","error_description":"m"}"#).unwrap().shape(), Shape::AgoraRest);
/// assert_eq!(payload::parse(r#"{"code":4,"message":"m","StatusCode":400}"#).unwrap().shape(), Shape::Stream);
/// let err = payload::parse("{\"code\": tru}").unwrap_err();
/// assert_eq!((err.line(), err.column()), (Some(1), Some(13)));
/// ```
#[inline]
pub fn parse(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, None, &mut f)?;
    match f.error.take() {
        Some(ErrorField::Body(body)) => {
            return rest_body(json, body, Shape::CometChatRest, Table::CometChatRest);
        }
        Some(ErrorField::Text(text)) => {
            f.error = Some(ErrorField::Text(text));
            return agora_rest(json, f, None);
        }
        Some(ErrorField::Flag(true)) if f.code.is_some() => {
            f.error = Some(ErrorField::Flag(true));
            return sendbird(json, f);
        }
        _ => {}
    }
    if f.status_code.is_some() && f.code.is_some() {
        return stream(json, f);
    }
    if f.kind.is_some() {
        return agora(json, f);
    }
    let sendbird_name = f.name.as_deref() == Some("SendbirdError");
    match &f.code {
        Some(code) if sendbird_name || (f.name.is_none() && six_digits(code)) => sendbird(json, f),
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
            status: self.status,
            causes: self.causes.into_iter().map(Cause::into_owned).collect(),
            coded: self.coded,
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
    /// The HTTP status that came with the payload.
    pub status: Option<u16>,
    /// The nested causes, outermost first.
    pub causes: Vec<Cause<'static>>,
    /// Whether the payload carried a code.
    pub coded: bool,
    /// The whole input.
    pub raw: String,
}
