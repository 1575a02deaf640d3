//! Stream Chat payloads: the API error body, and what stream-chat hands an application
//! (`ErrorFromResponse`, WebSocket failures, error frames, plain JavaScript errors).

use alloc::borrow::Cow;

use super::fields::{Body, ErrorField, Fields, Key, read};
use super::shapes::{shape_of, uncoded};
use super::signals::{http_status, is_true, status_class};
use super::{ParsedError, PayloadError, Shape};
use crate::resolve;
use crate::{Canonical, RawCode, Recovery, Resolution, Table};

/// Parses a Stream Chat error as the API sends it and as the `stream-chat` SDK hands it over:
///
/// | form | example |
/// |---|---|
/// | API error body | `{"code": 9, "message": "...", "StatusCode": 429, "duration": "...", "more_info": "..."}` |
/// | `ErrorFromResponse` (its `toJSON()`) | `{"message": "(status: 429, code: 9) - ...", "name": "ErrorFromResponse", "code": 9, "status": 429}`; `code` is `null` when the body was not JSON |
/// | WebSocket failure | `{"code": 1006, "StatusCode": "unknown", "message": "WS failed with code 1006 ...", "isWSFailure": true}` |
/// | the same, thrown as `new Error(JSON.stringify(...))` | `{"name": "Error", "message": "{\"code\":3,\"StatusCode\":401,...}"}` |
/// | WebSocket error frame | `{"error": {"code": 4, "message": "...", "StatusCode": 400}, "created_at": "..."}` |
/// | a transport error passed through | `{"name": "AxiosError", "code": "ECONNABORTED", "message": "timeout of 1500ms exceeded"}` |
/// | a plain JavaScript error | `{"name": "TypeError", "message": "..."}` |
///
/// `code` resolves in the Stream table; in a WebSocket failure (`isWSFailure`, or the SDK's
/// `"WS failed with code ..."` message) a code from 1000 to 4999 is a WebSocket close code
/// ([`crate::websocket`]: Stream's API codes are below 100), a string code a
/// [`transport`](crate::transport) one. `StatusCode` or `status` is kept as
/// [`status`](ParsedError::status) and decides the class when the code does not
/// (`ErrorFromResponse` without a body code); `isWSFailure: true`, the SDK's own network-failure
/// flag, makes it an outage to retry with backoff (a close code, when there is one, says more:
/// 1006 is a connection to re-open). Nothing with the shape named is refused for want
/// of a code: a JavaScript error is a [`Resolution::Runtime`] value.
///
/// ```
/// use chat_error_codes::{Canonical, ErrorInfo, Recovery, payload};
/// let body = r#"{"code":9,"message":"Too many requests","StatusCode":429,"duration":"0.01ms","more_info":"https://getstream.io/chat/docs/api_errors_response"}"#;
/// let p = payload::parse_stream(body).unwrap();
/// assert_eq!(p.resolution().entry().unwrap().name(), "RateLimitError");
/// assert_eq!(p.status(), Some(429));
///
/// // A WebSocket that dropped: a network failure, never bad credentials.
/// let ws = r#"{"code":1006,"StatusCode":"unknown","message":"WS failed with code 1006 and reason - ","isWSFailure":true}"#;
/// let p = payload::parse_stream(ws).unwrap();
/// assert_eq!((p.canonical(), p.recovery()), (Canonical::Unavailable, Recovery::Reconnect));
///
/// // A 503 whose body was an HTML page: the status decides.
/// let e = r#"{"message":"(status: 503) - StreamChat error HTTP code: 503","name":"ErrorFromResponse","code":null,"status":503}"#;
/// assert_eq!(payload::parse_stream(e).unwrap().canonical(), Canonical::Unavailable);
/// ```
#[inline]
pub fn parse_stream(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::Stream), &mut f)?;
    stream(json, &mut f)
}

#[inline(always)]
pub(super) fn stream<'a>(
    json: &'a str,
    f: &mut Fields<'a>,
) -> Result<ParsedError<'a>, PayloadError> {
    if let Some(ErrorField::Body(frame)) = f.error.take() {
        return ws_frame(json, frame);
    }
    let status = http_status(f.status_code).or_else(|| http_status(f.status));
    let signal = if is_true(f.ws_failure) {
        Some((Canonical::Unavailable, Recovery::RetryWithBackoff))
    } else {
        status.and_then(status_class)
    };
    let websocket = f.has(Key::IsWsFailure) || f.message.as_deref().is_some_and(ws_message);
    let parsed = match f.code.take() {
        Some(code) => {
            let resolution = resolve_stream(code.clone(), websocket);
            let shape = shape_of(&resolution, Shape::Stream);
            ParsedError::from_fields(json, shape, code, resolution, f)
        }
        None => match message_json(f.message.as_deref()) {
            // What the SDK itself does: `JSON.parse(err.message)`.
            Some(inner) => {
                let parsed = ParsedError::new(
                    json,
                    Shape::Stream,
                    inner.code,
                    inner.resolution,
                    f.name.take(),
                    inner.message,
                    None,
                );
                return Ok(parsed
                    .with_status(inner.status.or(status))
                    .with_signal(inner.signal.or(signal)));
            }
            None => uncoded(json, Shape::Stream, Table::StreamChat, f),
        },
    };
    Ok(parsed.with_status(status).with_signal(signal))
}

/// A WebSocket error frame: `{"error": {"code", "message", "StatusCode", ...}, "created_at"}`.
fn ws_frame<'a>(json: &'a str, frame: Body<'a>) -> Result<ParsedError<'a>, PayloadError> {
    let code = frame.code.ok_or(PayloadError::MissingCode {
        shape: Shape::Stream,
        field: "error.code",
    })?;
    let status = http_status(frame.status_code);
    let resolution = resolve_stream(code.clone(), false);
    let shape = shape_of(&resolution, Shape::Stream);
    let parsed = ParsedError::new(
        json,
        shape,
        code,
        resolution,
        None,
        frame.message,
        frame.details,
    );
    Ok(parsed
        .with_status(status)
        .with_signal(status.and_then(status_class)))
}

/// Resolves a code found in a Stream payload: in a WebSocket failure, a close code (1000-4999;
/// Stream's own codes are -1 to 99) in the close-code table; anything else in the Stream table
/// (which consults the transport table for string codes).
fn resolve_stream(code: RawCode<'_>, websocket: bool) -> Resolution<'_> {
    match code {
        RawCode::Int(1000..=4999) if websocket => resolve::raw(Table::WebSocketClose, code),
        _ => resolve::received(Table::StreamChat, code),
    }
}

/// The messages stream-chat's connection writes for a WebSocket failure: `"WS failed with code
/// ..."` (a close or error event) and `"WS connection reject with error ..."` (a close with code
/// 1000).
pub(super) fn ws_message(message: &str) -> bool {
    message.starts_with("WS failed with code ")
        || message.starts_with("WS connection reject with error ")
}

/// The Stream payload inside a plain `Error`'s message, detached from the message's text.
struct Inner {
    code: RawCode<'static>,
    resolution: Resolution<'static>,
    message: Option<Cow<'static, str>>,
    status: Option<u16>,
    signal: Option<(Canonical, Recovery)>,
}

/// stream-chat's `new Error(JSON.stringify({code, StatusCode, message, isWSFailure}))`: the
/// message is itself a Stream payload, which the SDK reads back with `JSON.parse`.
fn message_json(message: Option<&str>) -> Option<Inner> {
    let text = message?.trim_start();
    if !text.starts_with('{') || !(text.contains("\"code\"") || text.contains("isWSFailure")) {
        return None;
    }
    let mut f = Fields::default();
    read(text, Some(Shape::Stream), &mut f).ok()?;
    if !f.has(Key::Code) && !f.has(Key::IsWsFailure) {
        return None;
    }
    let inner = stream(text, &mut f).ok()?;
    Some(Inner {
        code: inner.code().clone().into_owned(),
        resolution: inner.resolution().clone().into_owned(),
        message: inner.message().map(|m| Cow::Owned(m.into())),
        status: inner.status(),
        signal: inner.signal(),
    })
}
