//! Twilio payloads: the REST error body, the `twilio` SDK's `RestException` and
//! `TwilioServiceException` (RFC 9457), and what Twilsock, the connection beneath
//! `@twilio/conversations`, hands an application (`connectionError`, `TwilsockUpstreamError`).

use serde_json::value::RawValue;

use super::fields::{ErrorField, Fields, Key, read, text_of};
use super::shapes::{shape_of, uncoded};
use super::signals::{http_status, is_true, status_class};
use super::{ParsedError, PayloadError, Shape};
use crate::resolve;
use crate::{Canonical, RawCode, Recovery, Table};

/// Parses a Twilio error as the REST API sends it and as Twilio's JavaScript SDKs hand it over,
/// resolving `code` in the [`twilio`](crate::twilio) table:
///
/// | form | example |
/// |---|---|
/// | REST error body | `{"code": 50300, "message": "...", "more_info": "https://www.twilio.com/docs/errors/50300", "status": 400}` |
/// | `twilio` SDK `RestException` | `{"status": 404, "code": 20404, "moreInfo": "...", "details": ...}` (its `message` is not enumerable) |
/// | `twilio` SDK `TwilioServiceException` (RFC 9457) | `{"type": "...", "title": "...", "status": 400, "code": 20001, "detail": "...", "instance": "..."}` |
/// | Twilsock `connectionError` (also `@twilio/conversations`' `connectionError`) | `{"terminal": true, "message": "Connection error: ...", "httpStatusCode": 401, "errorCode": 20104}` |
/// | `@twilio/conversations`' `initFailed` event | `{"error": {"terminal": false, "message": "Socket error: ...", "httpStatusCode": null, "errorCode": null}}` |
/// | `TwilsockUpstreamError` | `{"status": 404, "description": "Not Found", "body": {"code": 50350, "message": "...", "status": 404}}` |
/// | `TwilsockReplyError` | `{"reply": {"id": "...", "status": {"code": 403, "status": "Forbidden", "description": "...", "errorCode": 51130}}}` |
///
/// The HTTP status (`status`, `httpStatusCode`, or a `TwilsockUpstreamError` body's) is kept as
/// [`status`](ParsedError::status) and decides the class when the code does not: Twilio's
/// platform codes outside this catalog (`20404`, `20429`) come with their status. Without any
/// status, a platform code 20400-20599 is read as the status its last three digits name (Twilio
/// numbers `20404 Not Found`, `20429 Too Many Requests`, `20500`, `20503` so). A Twilsock
/// `connectionError` without a status or code is a lost connection: `terminal: false` means the
/// SDK keeps retrying by itself, `terminal: true` that the client must be created again. `code`
/// `0`, what `TwilioServiceException` writes when the body had none, is kept and classes nothing.
/// Twilio's bodies carry no delay (a 429's `Retry-After` header is read by the `response` layer).
///
/// ```
/// use chat_error_codes::{Canonical, ErrorInfo, Recovery, payload::{self, Shape}};
/// let body = r#"{"code":50300,"message":"Service instance not found","more_info":"https://www.twilio.com/docs/errors/50300","status":404}"#;
/// let p = payload::parse_twilio(body).unwrap();
/// assert_eq!(p.resolution().entry().unwrap().code().as_i32(), Some(50300));
/// assert_eq!((p.shape(), p.status()), (Shape::TwilioRest, Some(404)));
///
/// let e = r#"{"terminal":true,"message":"Connection error: Token expired","httpStatusCode":401,"errorCode":51119}"#;
/// let p = payload::parse_twilio(e).unwrap();
/// assert_eq!((p.shape(), p.recovery()), (Shape::Twilsock, Recovery::Reauthenticate));
///
/// let rl = r#"{"code":20429,"message":"Too Many Requests","more_info":"https://www.twilio.com/docs/errors/20429","status":429}"#;
/// assert_eq!(payload::parse_twilio(rl).unwrap().canonical(), Canonical::ResourceExhausted);
/// ```
#[inline]
pub fn parse_twilio(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::TwilioRest), &mut f)?;
    twilio(json, &mut f)
}

#[inline(always)]
pub(super) fn twilio<'a>(
    json: &'a str,
    f: &mut Fields<'a>,
) -> Result<ParsedError<'a>, PayloadError> {
    if let Some(ErrorField::Body(b)) = f.error.take_if(|e| twilsock_body(e)) {
        // `initFailed`: `{"error": <connectionError>}`.
        f.terminal = b.terminal;
        f.http_status_code = b.http_status_code;
        f.error_code = b.error_code;
        f.message = b.message;
        return Ok(connection_error(json, f));
    }
    if f.has(Key::Terminal) || f.has(Key::HttpStatusCode) || f.has(Key::ErrorCode) {
        return Ok(connection_error(json, f));
    }
    if f.has(Key::Body) && !f.has(Key::Code) {
        return Ok(upstream(json, f));
    }
    if f.has(Key::Reply) && !f.has(Key::Code) {
        return Ok(reply(json, f));
    }
    let shape = if f.has(Key::Title) || f.has(Key::Type) || f.has(Key::Detail) {
        Shape::TwilioServiceException
    } else {
        Shape::TwilioRest
    };
    Ok(coded(json, shape, f))
}

/// Whether an `error` member is a Twilsock `connectionError` (`initFailed` wraps one).
fn twilsock_body(error: &ErrorField<'_>) -> bool {
    matches!(error, ErrorField::Body(b)
        if b.terminal.is_some() || b.http_status_code.is_some() || b.error_code.is_some())
}

/// A REST body, `RestException` or `TwilioServiceException`: `code` and `status` at the top.
fn coded<'a>(json: &'a str, shape: Shape, f: &mut Fields<'a>) -> ParsedError<'a> {
    let status = http_status(f.status);
    if f.message.is_none() {
        // `TwilioServiceException`: RFC 9457's `detail` says more than its `title`.
        f.message = text_of(f.detail).or_else(|| text_of(f.title));
    }
    let Some(code) = f.code.take() else {
        return without_code(json, shape, Table::TwilioConversations, f, status);
    };
    let signal = status
        .or_else(|| platform_status(&code))
        .and_then(status_class);
    let resolution = resolve::received(Table::TwilioConversations, code.clone());
    let shape = shape_of(&resolution, shape);
    ParsedError::from_fields(json, shape, code, resolution, f)
        .with_status(status)
        .with_signal(signal)
}

/// The HTTP status a Twilio platform code 20400-20599 names (`20404` -> 404).
fn platform_status(code: &RawCode<'_>) -> Option<u16> {
    let n = code.as_integer()?;
    (20_400..=20_599)
        .contains(&n)
        .then(|| u16::try_from(n - 20_000).ok())
        .flatten()
}

/// Twilsock's `connectionError` event: `{terminal, message, httpStatusCode, errorCode}`.
fn connection_error<'a>(json: &'a str, f: &mut Fields<'a>) -> ParsedError<'a> {
    let shape = Shape::Twilsock;
    let status = http_status(f.http_status_code);
    let lost = if is_true(f.terminal) {
        (Canonical::Unavailable, Recovery::Reconnect)
    } else {
        (Canonical::Unavailable, Recovery::RetryWithBackoff)
    };
    let signal = status.and_then(status_class).or(Some(lost));
    let code = f.error_code.and_then(number);
    let Some(code) = code.filter(|c| !matches!(c, RawCode::Int(0))) else {
        return without_code(json, shape, Table::TwilioConversations, f, status)
            .with_signal(signal);
    };
    let resolution = resolve::received(Table::TwilioConversations, code.clone());
    let message = f.message.take();
    ParsedError::new(json, shape, code, resolution, f.name.take(), message, None)
        .with_status(status)
        .with_signal(signal)
}

/// `TwilsockUpstreamError`: `{status, description, body}`, the body being the service's answer
/// (a Twilio REST error body), whose code is the payload's.
fn upstream<'a>(json: &'a str, f: &mut Fields<'a>) -> ParsedError<'a> {
    let shape = Shape::Twilsock;
    let mut inner = Fields::default();
    let body = f.body.filter(|b| b.get().starts_with('{'));
    let read_ok = body.is_some_and(|b| read(b.get(), Some(shape), &mut inner).is_ok());
    let status = http_status(f.status).or_else(|| http_status(inner.status));
    let signal = status.and_then(status_class);
    let Some(code) = inner.code.take().filter(|_| read_ok) else {
        return without_code(json, shape, Table::TwilioConversations, f, status);
    };
    let resolution = resolve::received(Table::TwilioConversations, code.clone());
    let message = inner.message.or_else(|| f.message.take());
    ParsedError::new(json, shape, code, resolution, f.name.take(), message, None)
        .with_status(status)
        .with_signal(signal)
}

/// A payload without a code: with an HTTP status, the status decides its class even when it is
/// also a JavaScript `Error` (the `twilio` SDK's `RestException` for a body that was not JSON,
/// `{"status": 502, "name": "Error", ...}`); without one, it is what [`uncoded`] makes of it.
pub(super) fn without_code<'a>(
    json: &'a str,
    shape: Shape,
    table: Table,
    f: &mut Fields<'a>,
    status: Option<u16>,
) -> ParsedError<'a> {
    let Some(class) = status.and_then(status_class) else {
        return uncoded(json, shape, table, f).with_status(status);
    };
    let code = RawCode::from(json.trim());
    let unrecognized = crate::Unrecognized::new(table, code.clone());
    let details = f.details.or(f.data);
    let mut parsed = ParsedError::from_fields(
        json,
        shape,
        code,
        crate::Resolution::Unrecognized(unrecognized),
        f,
    )
    .with_details(details);
    parsed.coded = false;
    parsed.with_status(status).with_signal(Some(class))
}

/// `TwilsockReplyError`: `{reply: {status: {code, status, description, errorCode}, ...}}`, a
/// Twilsock reply that was not a success; `status.code` is an HTTP status, `errorCode` Twilio's.
fn reply<'a>(json: &'a str, f: &mut Fields<'a>) -> ParsedError<'a> {
    let shape = Shape::Twilsock;
    let object = |raw: Option<&'a RawValue>| raw.filter(|r| r.get().starts_with('{'));
    let mut header = Fields::default();
    let mut status = Fields::default();
    let read_ok = object(f.reply).is_some_and(|r| read(r.get(), Some(shape), &mut header).is_ok())
        && object(header.status).is_some_and(|s| read(s.get(), Some(shape), &mut status).is_ok());
    let http = if read_ok {
        status.code.as_ref().and_then(RawCode::as_integer)
    } else {
        None
    };
    let http = http
        .and_then(|n| u16::try_from(n).ok())
        .filter(|n| (100..=599).contains(n));
    f.error_code = status.error_code.filter(|_| read_ok);
    f.message = f.message.take().or(status.message);
    let Some(code) = f
        .error_code
        .and_then(number)
        .filter(|c| !matches!(c, RawCode::Int(0)))
    else {
        return without_code(json, shape, Table::TwilioConversations, f, http);
    };
    let resolution = resolve::received(Table::TwilioConversations, code.clone());
    ParsedError::from_fields(json, shape, code, resolution, f)
        .with_details(None)
        .with_status(http)
        .with_signal(http.and_then(status_class))
}

/// A numeric member kept as exact text: the code it holds (`null` and other types: none).
fn number(raw: &RawValue) -> Option<RawCode<'_>> {
    serde_json::from_str::<RawCode<'_>>(raw.get())
        .ok()
        .filter(|c| c.as_integer().is_some())
}

#[cfg(test)]
mod tests {
    use super::parse_twilio;
    use crate::payload::{self, PayloadError, Shape};
    use crate::{Canonical, ErrorInfo, RawCode, Recovery};

    fn entry_code(p: &crate::payload::ParsedError<'_>) -> Option<i32> {
        p.resolution().entry().and_then(|e| e.code().as_i32())
    }

    /// The REST body of Twilio's API reference, with a catalog code and with platform codes.
    #[test]
    fn rest_bodies() {
        let body = r#"{"code": 50433, "message": "Participant already exists", "more_info": "https://www.twilio.com/docs/errors/50433", "status": 409}"#;
        for p in [parse_twilio(body).unwrap(), payload::parse(body).unwrap()] {
            assert_eq!(
                (p.shape(), entry_code(&p)),
                (Shape::TwilioRest, Some(50433))
            );
            assert_eq!(
                (p.canonical(), p.recovery()),
                (Canonical::AlreadyExists, Recovery::DoNotRetry)
            );
            assert_eq!(p.status(), Some(409));
            assert_eq!(p.message(), Some("Participant already exists"));
        }
        // A platform code the catalog lacks: the status decides.
        let nf = r#"{"code":20404,"message":"The requested resource /v1/Conversations/CH00 was not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404}"#;
        let p = payload::parse(nf).unwrap();
        assert!(p.resolution().is_unrecognized());
        assert_eq!(
            (p.canonical(), p.recovery()),
            (Canonical::NotFound, Recovery::DoNotRetry)
        );
        let rl = r#"{"code":20429,"message":"Too Many Requests","more_info":"https://www.twilio.com/docs/errors/20429","status":429}"#;
        let p = payload::parse(rl).unwrap();
        assert_eq!(
            (p.canonical(), p.recovery()),
            (Canonical::ResourceExhausted, Recovery::RetryWithBackoff)
        );
        assert_eq!(p.retry_after(), None);
        // Without a status, a 204xx/205xx platform code names it.
        let p = parse_twilio(r#"{"code":20503,"message":"Service unavailable"}"#).unwrap();
        assert_eq!(p.canonical(), Canonical::Unavailable);
        let auth = r#"{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}"#;
        assert_eq!(
            payload::parse(auth).unwrap().recovery(),
            Recovery::Reauthenticate
        );
    }

    /// The `twilio` SDK's `RestException`, serialized (`message` is not enumerable; with the
    /// capture's augmented form it is there).
    #[test]
    fn rest_exception() {
        let e = r#"{"status":404,"code":50350,"moreInfo":"https://www.twilio.com/docs/errors/50350","details":{"sid":"CH00"},"name":"Error","message":"Conversation not found"}"#;
        let p = payload::parse(e).unwrap();
        assert_eq!(
            (p.shape(), entry_code(&p)),
            (Shape::TwilioRest, Some(50350))
        );
        assert_eq!(p.details().unwrap().get(), r#"{"sid":"CH00"}"#);
        assert_eq!(p.canonical(), Canonical::NotFound);
        // A body that was not JSON: `[HTTP 502] Failed to execute request`, no code.
        let bare =
            r#"{"status":502,"name":"Error","message":"[HTTP 502] Failed to execute request"}"#;
        let p = parse_twilio(bare).unwrap();
        assert_eq!(
            (p.canonical(), p.recovery()),
            (Canonical::Unavailable, Recovery::RetryWithBackoff)
        );
        assert_eq!(p.status(), Some(502));
    }

    /// `TwilioServiceException`: an RFC 9457 body with Twilio's `code`.
    #[test]
    fn service_exception() {
        let e = r#"{"type":"https://www.twilio.com/docs/api/errors/20001","title":"Invalid parameter","status":400,"code":20001,"detail":"FriendlyName is too long","instance":"/v1/Conversations"}"#;
        for p in [parse_twilio(e).unwrap(), payload::parse(e).unwrap()] {
            assert_eq!(p.shape(), Shape::TwilioServiceException);
            assert_eq!(p.message(), Some("FriendlyName is too long"));
            assert_eq!(p.canonical(), Canonical::InvalidArgument);
        }
        // Code 0 (the SDK's default when the body had none): kept, the status decides.
        let zero = r#"{"type":"","title":"Failed to execute request","status":503,"code":0}"#;
        let p = parse_twilio(zero).unwrap();
        assert_eq!(
            (p.code(), p.canonical()),
            (&RawCode::Int(0), Canonical::Unavailable)
        );
        // Another service's Problem Details document stays refused by detection.
        let other = r#"{"type":"https://example.com/probs/out-of-credit","title":"x","status":403,"code":7}"#;
        assert!(matches!(
            payload::parse(other),
            Err(PayloadError::ProblemDetails { .. })
        ));
    }

    /// Twilsock's `connectionError` (as `@twilio/conversations` re-emits it) and
    /// `TwilsockUpstreamError`.
    #[test]
    fn twilsock() {
        let expired = r#"{"terminal":true,"message":"Connection error: Token expired","httpStatusCode":401,"errorCode":20104}"#;
        let p = payload::parse(expired).unwrap();
        assert_eq!((p.shape(), entry_code(&p)), (Shape::Twilsock, Some(20104)));
        assert_eq!(p.recovery(), Recovery::Reauthenticate);
        let socket = r#"{"terminal":false,"message":"Socket error: connect ECONNREFUSED 127.0.0.1:1","httpStatusCode":null,"errorCode":null}"#;
        let p = payload::parse(socket).unwrap();
        assert_eq!(
            (p.canonical(), p.recovery()),
            (Canonical::Unavailable, Recovery::RetryWithBackoff)
        );
        let gone = r#"{"terminal":true,"message":"Twilsock has disconnected."}"#;
        assert_eq!(
            payload::parse(gone).unwrap().recovery(),
            Recovery::Reconnect
        );
        let busy = r#"{"terminal":false,"message":"Connection error: Too many requests","httpStatusCode":429,"errorCode":null}"#;
        assert_eq!(
            payload::parse(busy).unwrap().canonical(),
            Canonical::ResourceExhausted
        );
        let up = r#"{"status":404,"description":"Not Found","body":{"code":50350,"message":"Conversation not found","status":404},"name":"Error","message":"Not Found"}"#;
        let p = payload::parse(up).unwrap();
        assert_eq!((p.shape(), entry_code(&p)), (Shape::Twilsock, Some(50350)));
        assert_eq!(p.message(), Some("Conversation not found"));
        let reply = r#"{"reply":{"id":"TM00","status":{"code":403,"status":"Forbidden","description":"Twilsock: Token is invalid!","errorCode":51130},"body":null},"name":"Error","message":"Transport failure: Forbidden"}"#;
        let p = payload::parse(reply).unwrap();
        assert_eq!((p.shape(), entry_code(&p)), (Shape::Twilsock, Some(51130)));
        assert_eq!(
            (p.status(), p.recovery()),
            (Some(403), Recovery::Reauthenticate)
        );
        let busy = r#"{"reply":{"status":{"code":429,"status":"Too Many Requests"}}}"#;
        let p = parse_twilio(busy).unwrap();
        assert_eq!(p.canonical(), Canonical::ResourceExhausted);
        let up = r#"{"status":500,"description":"Internal Server Error","body":"<html></html>"}"#;
        let p = parse_twilio(up).unwrap();
        assert_eq!(
            (p.canonical(), p.recovery()),
            (Canonical::Internal, Canonical::Internal.recovery())
        );
    }

    /// What detection must not take for Twilio's, and bad input.
    #[test]
    fn detection_and_malformed() {
        // Stream's `more_info` is getstream.io: not Twilio.
        let s = r#"{"code":4,"message":"m","StatusCode":400,"more_info":"https://getstream.io/chat/docs/api_errors_response"}"#;
        assert_eq!(payload::parse(s).unwrap().shape(), Shape::Stream);
        // A look-alike host is not Twilio's.
        let fake = r#"{"code":50300,"message":"m","more_info":"https://twilio.com.example.net/x"}"#;
        assert!(matches!(
            payload::parse(fake),
            Err(PayloadError::Ambiguous { .. })
        ));
        for bad in [
            "",
            "[]",
            r#"{"code":50300,"code":1}"#,
            r#"{"terminal":true,"errorCode":{"#,
            "\"x\"",
            r#"{"status":"x","code":[1]}"#,
        ] {
            let _ = parse_twilio(bad).map(|p| p.canonical());
        }
        assert!(parse_twilio(r#"{"code":"#).is_err());
        let p =
            parse_twilio(r#"{"terminal":"yes","httpStatusCode":"x","errorCode":"abc"}"#).unwrap();
        assert_eq!(p.canonical(), Canonical::Unavailable);
    }
}
