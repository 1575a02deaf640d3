//! The payload shapes and what goes wrong reading them.

use core::fmt;

use serde::{Deserialize, Serialize};

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
    /// A transport error that a JavaScript SDK passed through unchanged: a Node.js, undici or
    /// axios error object with a [`transport`](crate::transport) code (`{"code": "ECONNREFUSED",
    /// ...}`, `{"name": "AxiosError", "code": "ERR_NETWORK", ...}`), whatever the vendor.
    #[serde(rename = "transport_error")]
    TransportError,
    /// A Tencent Cloud IM REST API reply that failed: `{"ActionStatus": "FAIL", "ErrorCode",
    /// "ErrorInfo", "ErrorDisplay"}` (always HTTP 200), or one failed item of a batch reply.
    #[serde(rename = "tencent_rest")]
    TencentRest,
    /// A Tencent Cloud IM web SDK (`@tencentcloud/chat`) rejection: `{"code", "message", "data"}`.
    #[serde(rename = "tencent_error")]
    TencentError,
    /// A ZEGOCLOUD ZIM SDK (`zego-zim-web`) rejection: `{"code", "message"}` with a seven-digit
    /// code; a server error's own code is in the message (`"code: 50012, message: ..."`).
    #[serde(rename = "zego_zim_error")]
    ZegoZimError,
    /// A Twilio REST API error body (`{"code", "message", "more_info", "status"}`) or the
    /// `twilio` SDK's `RestException` made from it.
    #[serde(rename = "twilio_rest")]
    TwilioRest,
    /// The `twilio` SDK's `TwilioServiceException`, from an RFC 9457 body with Twilio's `code`:
    /// `{"type", "title", "status", "code", "detail", "instance"}`.
    #[serde(rename = "twilio_service_exception")]
    TwilioServiceException,
    /// What Twilsock (beneath `@twilio/conversations`) hands an application: a `connectionError`
    /// (`{"terminal", "message", "httpStatusCode", "errorCode"}`), a `TwilsockUpstreamError`
    /// (`{"status", "description", "body"}`) or a `TwilsockReplyError` (`{"reply"}`).
    #[serde(rename = "twilsock")]
    Twilsock,
    /// An Ably REST API error body (`{"error": {"message", "code", "statusCode", "href"}}`), or
    /// a realtime protocol message carrying an error in the same member (`{"action": 9,
    /// "error": {...}}`).
    #[serde(rename = "ably_rest")]
    AblyRest,
    /// An Ably SDK `ErrorInfo` (`{"code", "statusCode", "message", "href", "cause"}`), also as
    /// the `reason` of a connection or channel state change.
    #[serde(rename = "ably_error_info")]
    AblyErrorInfo,
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
            Shape::TransportError => "transport_error",
            Shape::TencentRest => "tencent_rest",
            Shape::TencentError => "tencent_error",
            Shape::ZegoZimError => "zego_zim_error",
            Shape::TwilioRest => "twilio_rest",
            Shape::TwilioServiceException => "twilio_service_exception",
            Shape::Twilsock => "twilsock",
            Shape::AblyRest => "ably_rest",
            Shape::AblyErrorInfo => "ably_error_info",
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
    /// A payload that more than one vendor's SDK sends in this form (a plain JavaScript error,
    /// a code that fits several vendors' code spaces): detection does not guess. Parse it with
    /// the function of the vendor whose SDK or API it came from.
    #[error(
        "cannot tell which vendor sent this payload: {reason}; it may be {}",
        ShapeList(candidates)
    )]
    Ambiguous {
        /// Why the payload does not decide.
        reason: &'static str,
        /// The shapes it may be, most likely first.
        candidates: &'static [Shape],
    },
    /// The table has no payload of its own to parse ([`parse_for`](super::parse_for)): the
    /// transport tables, whose codes arrive inside other vendors' payloads.
    #[error("the {table} table has no payload parser; its codes arrive inside other payloads")]
    NoParser {
        /// The table that was named.
        table: crate::Table,
    },
    /// A reply that reports success, not an error: a Tencent Cloud IM REST body with
    /// `ActionStatus: "OK"`, `ErrorCode: 0` and no failed item. Never read as a failure.
    #[error("{shape} payload reports success, not an error")]
    Success {
        /// The shape of the reply.
        shape: Shape,
    },
    /// A batch reply that succeeded as a request but failed for some of its items (Tencent
    /// Cloud IM's `ResultItem` / `ErrorList`): neither a success nor one error. Read each item's
    /// error with [`parse_tencent_rest`](super::parse_tencent_rest).
    #[error("{shape} payload is a batch reply with {failed} failed item(s): read each one")]
    PartialFailure {
        /// The shape of the reply.
        shape: Shape,
        /// How many items failed.
        failed: usize,
    },
    /// An RFC 9457 Problem Details document (`type`, `title`, `status`, `detail`, `instance`),
    /// not a vendor payload: read it with the `response` layer (feature `http`), which resolves
    /// documents this crate wrote back to their entries.
    #[error("a Problem Details document (RFC 9457), not a vendor error payload: it has `{member}`")]
    ProblemDetails {
        /// The Problem Details member that gave it away.
        member: &'static str,
    },
}

/// Shapes written as `a, b or c`.
struct ShapeList(&'static [Shape]);

impl fmt::Display for ShapeList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, shape) in self.0.iter().enumerate() {
            match i {
                0 => {}
                _ if i + 1 == self.0.len() => f.write_str(" or ")?,
                _ => f.write_str(", ")?,
            }
            fmt::Display::fmt(shape, f)?;
        }
        Ok(())
    }
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

pub(super) fn json_error(shape: Option<Shape>) -> impl FnOnce(serde_json::Error) -> PayloadError {
    move |source| PayloadError::Json {
        shape: ShapeName(shape),
        source,
    }
}
