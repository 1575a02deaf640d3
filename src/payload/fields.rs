//! Reading a payload: every member any vendor shape uses, in one pass over the input, with
//! hand-written visitors that borrow texts and reject repeated members.

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{PayloadError, Shape, error::json_error};
use crate::RawCode;

/// Every field any vendor shape uses, filled in place in one pass over the input (no large
/// values are moved around). Other fields are skipped; a repeated field is an error.
#[derive(Default)]
pub(super) struct Fields<'a> {
    pub(super) error: Option<ErrorField<'a>>,
    pub(super) kind: Option<RawCode<'a>>,
    pub(super) code: Option<RawCode<'a>>,
    pub(super) name: Option<Cow<'a, str>>,
    pub(super) message: Option<Cow<'a, str>>,
    pub(super) details: Option<&'a RawValue>,
    pub(super) data: Option<&'a RawValue>,
    /// Stream's `StatusCode`, as the exact text (stream-chat also sends `"unknown"` and `""`).
    pub(super) status_code: Option<&'a RawValue>,
    pub(super) error_description: Option<Cow<'a, str>>,
    pub(super) exception: Option<Cow<'a, str>>,
    /// Stream's `ErrorFromResponse.status` (also RFC 9457's `status`), as the exact text:
    /// read leniently, so a value of another type never fails the payload.
    pub(super) status: Option<&'a RawValue>,
    /// stream-chat's `isWSFailure` flag, as the exact text (only `true` counts).
    pub(super) ws_failure: Option<&'a RawValue>,
    /// Sendbird's `SendbirdError._detail` (a JSON text such as `{"retry_after":5}`), exact.
    pub(super) sb_detail: Option<&'a RawValue>,
    /// Twilio's `more_info` (REST body) or `moreInfo` (the `twilio` SDK's `RestException`), and
    /// Ably's `href`: the vendor's help address, exact text (only the host is looked at).
    pub(super) more_info: Option<&'a RawValue>,
    /// RFC 9457's `title` and `detail` (Twilio's `TwilioServiceException` reads them), exact.
    pub(super) title: Option<&'a RawValue>,
    pub(super) detail: Option<&'a RawValue>,
    /// Ably's `statusCode` (an `ErrorInfo`), exact text.
    pub(super) status_lower: Option<&'a RawValue>,
    /// Ably's nested `cause` (an `ErrorInfo`), exact text.
    pub(super) cause: Option<&'a RawValue>,
    /// Ably's connection / channel state change: `reason` (an `ErrorInfo`) and `retryIn` (ms).
    pub(super) reason: Option<&'a RawValue>,
    pub(super) retry_in: Option<&'a RawValue>,
    /// Twilsock's `connectionError`: `httpStatusCode` and `errorCode`, exact text.
    pub(super) http_status_code: Option<&'a RawValue>,
    pub(super) error_code: Option<&'a RawValue>,
    /// Twilsock's `connectionError.terminal` flag, exact text (only `true` counts).
    pub(super) terminal: Option<&'a RawValue>,
    /// Twilsock's `TwilsockUpstreamError.body`: the upstream service's answer, exact text.
    pub(super) body: Option<&'a RawValue>,
    /// Twilsock's `TwilsockReplyError.reply`: the reply header (`status: {code, status,
    /// description, errorCode}`), exact text.
    pub(super) reply: Option<&'a RawValue>,
    /// The members present, `null` ones included (bits of [`Key`]).
    pub(super) seen: u64,
}

impl Fields<'_> {
    /// Whether the member was in the payload at all (`null` counts as present).
    pub(super) fn has(&self, key: Key) -> bool {
        self.seen & (1 << key as u32) != 0
    }
}

/// A text member kept as exact JSON, decoded (borrowed unless it had escapes); `None` for a value
/// that is not a string.
pub(super) fn text_of(raw: Option<&RawValue>) -> Option<Cow<'_, str>> {
    let mut de = serde_json::Deserializer::from_str(raw?.get());
    serde::de::DeserializeSeed::deserialize(Text, &mut de).ok()?
}

/// The `error` member: CometChat's body object, Agora REST's code string, Sendbird's flag.
pub(super) enum ErrorField<'a> {
    Body(Body<'a>),
    Text(Cow<'a, str>),
    Flag(bool),
}

/// The `error` object of a CometChat REST / Calls body.
#[derive(Default)]
pub(super) struct Body<'a> {
    pub(super) code: Option<RawCode<'a>>,
    pub(super) name: Option<Cow<'a, str>>,
    pub(super) message: Option<Cow<'a, str>>,
    pub(super) details: Option<&'a RawValue>,
    /// Stream's WebSocket error frame: the `StatusCode` of its `error` object, exact text.
    pub(super) status_code: Option<&'a RawValue>,
    /// Ably's `error` object (an `ErrorInfo`): `statusCode`, `href` and `cause`, exact text.
    pub(super) status_lower: Option<&'a RawValue>,
    pub(super) href: Option<&'a RawValue>,
    pub(super) cause: Option<&'a RawValue>,
    /// `@twilio/conversations`' `initFailed` event wraps a Twilsock `connectionError` in
    /// `error`: its `terminal`, `httpStatusCode` and `errorCode`, exact text.
    pub(super) terminal: Option<&'a RawValue>,
    pub(super) http_status_code: Option<&'a RawValue>,
    pub(super) error_code: Option<&'a RawValue>,
}

/// The member names the parser reads; any other name is skipped.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
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
    Status,
    IsWsFailure,
    SbDetail,
    Title,
    Detail,
    Instance,
    /// Tencent Cloud IM REST body members (only their presence matters for detection).
    ActionStatus,
    TencentErrorCode,
    MoreInfo,
    MoreInfoCamel,
    Href,
    StatusCodeLower,
    Cause,
    Action,
    Reason,
    RetryIn,
    HttpStatusCode,
    ErrorCode,
    Terminal,
    Body,
    Description,
    Reply,
    Other,
}

impl Key {
    pub(super) const fn as_str(self) -> &'static str {
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
            Key::Status => "status",
            Key::IsWsFailure => "isWSFailure",
            Key::SbDetail => "_detail",
            Key::Title => "title",
            Key::Detail => "detail",
            Key::Instance => "instance",
            Key::ActionStatus => "ActionStatus",
            Key::TencentErrorCode => "ErrorCode",
            Key::MoreInfo => "more_info",
            Key::MoreInfoCamel => "moreInfo",
            Key::Href => "href",
            Key::StatusCodeLower => "statusCode",
            Key::Cause => "cause",
            Key::Action => "action",
            Key::Reason => "reason",
            Key::RetryIn => "retryIn",
            Key::HttpStatusCode => "httpStatusCode",
            Key::ErrorCode => "errorCode",
            Key::Terminal => "terminal",
            Key::Body => "body",
            Key::Description => "description",
            Key::Reply => "reply",
            Key::Other => "",
        }
    }

    /// Marks the key as read, failing on a repeat (JSON allows it; a payload must not).
    fn mark<E: serde::de::Error>(self, seen: &mut u64) -> Result<(), E> {
        let bit = 1u64 << (self as u32);
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
                    "status" => Key::Status,
                    "isWSFailure" => Key::IsWsFailure,
                    "_detail" => Key::SbDetail,
                    "title" => Key::Title,
                    "detail" => Key::Detail,
                    "instance" => Key::Instance,
                    "ActionStatus" => Key::ActionStatus,
                    "ErrorCode" => Key::TencentErrorCode,
                    "more_info" => Key::MoreInfo,
                    "moreInfo" => Key::MoreInfoCamel,
                    "href" => Key::Href,
                    "statusCode" => Key::StatusCodeLower,
                    "cause" => Key::Cause,
                    "action" => Key::Action,
                    "reason" => Key::Reason,
                    "retryIn" => Key::RetryIn,
                    "httpStatusCode" => Key::HttpStatusCode,
                    "errorCode" => Key::ErrorCode,
                    "terminal" => Key::Terminal,
                    "body" => Key::Body,
                    "description" => Key::Description,
                    "reply" => Key::Reply,
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
        let mut seen = 0u64;
        while let Some(key) = map.next_key::<Key>()? {
            if key == Key::Other {
                map.next_value::<serde::de::IgnoredAny>()?;
                continue;
            }
            key.mark(&mut seen)?;
            match key {
                Key::Error => map.next_value_seed(ErrorMember {
                    object_only,
                    out: &mut f.error,
                })?,
                Key::Type => f.kind = map.next_value()?,
                Key::Code => f.code = map.next_value()?,
                Key::Name => f.name = map.next_value_seed(Text)?,
                Key::Message => f.message = map.next_value_seed(Text)?,
                // Kept as the exact text, `null` included (written back as sent).
                Key::Details => f.details = Some(map.next_value()?),
                Key::Data => f.data = Some(map.next_value()?),
                Key::StatusCode => f.status_code = Some(map.next_value()?),
                Key::ErrorDescription => f.error_description = map.next_value_seed(Text)?,
                Key::Exception => f.exception = map.next_value_seed(Text)?,
                // Read as exact text: a value of an unexpected type is ignored later, never an
                // error here.
                Key::Status => f.status = Some(map.next_value()?),
                Key::IsWsFailure => f.ws_failure = Some(map.next_value()?),
                Key::SbDetail => f.sb_detail = Some(map.next_value()?),
                Key::Title => f.title = Some(map.next_value()?),
                Key::Detail => f.detail = Some(map.next_value()?),
                Key::MoreInfo | Key::MoreInfoCamel | Key::Href => {
                    f.more_info = Some(map.next_value()?);
                }
                Key::StatusCodeLower => f.status_lower = Some(map.next_value()?),
                Key::Cause => f.cause = Some(map.next_value()?),
                Key::Reason => f.reason = Some(map.next_value()?),
                Key::RetryIn => f.retry_in = Some(map.next_value()?),
                Key::HttpStatusCode => f.http_status_code = Some(map.next_value()?),
                Key::ErrorCode => f.error_code = Some(map.next_value()?),
                Key::Body => f.body = Some(map.next_value()?),
                Key::Reply => f.reply = Some(map.next_value()?),
                // Only their presence matters (they tell shapes apart).
                Key::Terminal => f.terminal = Some(map.next_value()?),
                Key::Instance
                | Key::Action
                | Key::Description
                | Key::ActionStatus
                | Key::TencentErrorCode => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
                Key::Other => {}
            }
        }
        f.seen = seen;
        Ok(())
    }
}

/// Reads the `error` member into `out`: an object, `null` for none, and unless `object_only`
/// (the CometChat shapes) a string or a boolean. The object's members are written where they
/// stay: a returned `Body` (about 200 bytes) was copied twice on its way out of serde.
struct ErrorMember<'s, 'a> {
    object_only: bool,
    out: &'s mut Option<ErrorField<'a>>,
}

impl<'de: 'a, 'a> serde::de::DeserializeSeed<'de> for ErrorMember<'_, 'a> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        if self.object_only {
            d.deserialize_option(self)
        } else {
            d.deserialize_any(self)
        }
    }
}

impl<'de: 'a, 'a> serde::de::Visitor<'de> for ErrorMember<'_, 'a> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.object_only {
            f.write_str("a JSON object")
        } else {
            f.write_str("a JSON object, a string or a boolean")
        }
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        *self.out = None;
        Ok(())
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        *self.out = None;
        Ok(())
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
        *self.out = Some(ErrorField::Flag(v));
        Ok(())
    }
    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        *self.out = Some(ErrorField::Text(Cow::Borrowed(v)));
        Ok(())
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        *self.out = Some(ErrorField::Text(Cow::Owned(v.into())));
        Ok(())
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
        *self.out = Some(ErrorField::Text(Cow::Owned(v)));
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let ErrorField::Body(body) = self.out.insert(ErrorField::Body(Body::default())) else {
            return Ok(());
        };
        let mut seen = 0u64;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Code
                | Key::Name
                | Key::Message
                | Key::Details
                | Key::StatusCode
                | Key::StatusCodeLower
                | Key::Href
                | Key::Cause
                | Key::Terminal
                | Key::HttpStatusCode
                | Key::ErrorCode => {
                    key.mark(&mut seen)?;
                }
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    continue;
                }
            }
            match key {
                Key::Code => body.code = map.next_value()?,
                Key::Name => body.name = map.next_value_seed(Text)?,
                Key::Message => body.message = map.next_value_seed(Text)?,
                Key::StatusCode => body.status_code = Some(map.next_value()?),
                Key::StatusCodeLower => body.status_lower = Some(map.next_value()?),
                Key::Href => body.href = Some(map.next_value()?),
                Key::Cause => body.cause = Some(map.next_value()?),
                Key::Terminal => body.terminal = Some(map.next_value()?),
                Key::HttpStatusCode => body.http_status_code = Some(map.next_value()?),
                Key::ErrorCode => body.error_code = Some(map.next_value()?),
                _ => body.details = Some(map.next_value()?),
            }
        }
        Ok(())
    }
}

/// Reads `json` into `f`, or says why it is not a vendor payload.
#[inline]
pub(super) fn read<'a>(
    json: &'a str,
    shape: Option<Shape>,
    f: &mut Fields<'a>,
) -> Result<(), PayloadError> {
    let mut de = serde_json::Deserializer::from_str(json);
    serde::Deserializer::deserialize_map(&mut de, Top(f, shape))
        .and_then(|()| de.end())
        .map_err(|e| not_an_object(json, shape).unwrap_or_else(|| json_error(shape)(e)))
}

/// Only objects are payloads: valid JSON of another type has the wrong shape, malformed JSON is
/// reported as such, with its position. `None` when `json` starts as an object (its own error
/// stands).
#[cold]
fn not_an_object(json: &str, shape: Option<Shape>) -> Option<PayloadError> {
    let found = match json.trim_start().as_bytes().first() {
        Some(b'{') | None => return None,
        Some(b'[') => "a JSON array",
        Some(b'"') => "a JSON string",
        Some(b't' | b'f') => "a JSON boolean",
        Some(b'n') => "JSON null",
        Some(_) => "a JSON number",
    };
    Some(match serde_json::from_str::<&RawValue>(json) {
        Err(e) => json_error(shape)(e),
        Ok(_) => PayloadError::UnknownShape { found },
    })
}
