//! Ably payloads: the REST error body, the JavaScript SDK's `ErrorInfo` (with its nested
//! `cause`), realtime protocol messages that carry an `error`, and connection / channel state
//! changes with a `reason`.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use serde_json::value::RawValue;

use super::fields::{ErrorField, Fields, Key, read};
use super::shapes::shape_of;
use super::signals::{http_status, status_class};
use super::twilio::without_code;
use super::{Cause, ParsedError, PayloadError, Shape};
use crate::resolve;
use crate::{RawCode, Table};

/// Parses an Ably error as the REST API and the realtime protocol send it and as the `ably` and
/// `@ably/chat` SDKs hand it over, resolving `code` in the [`ably`](crate::ably) table:
///
/// | form | example |
/// |---|---|
/// | REST error body | `{"error": {"message": "...", "code": 40140, "statusCode": 401, "href": "https://help.ably.io/error/40140"}}` |
/// | protocol message with an error (`action` 9 ERROR, 6 DISCONNECTED, 13 DETACHED, 2 NACK, ...) | `{"action": 9, "error": {"message": "...", "code": 40142, "statusCode": 401}}` |
/// | SDK `ErrorInfo` / `PartialErrorInfo` | `{"code": 40142, "statusCode": 401, "message": "...", "href": "...", "cause": {...}}` |
/// | connection / channel state change | `{"previous": "connecting", "current": "disconnected", "reason": {ErrorInfo}, "retryIn": 15000}` |
///
/// `statusCode` is kept as [`status`](ParsedError::status) and decides the class when the code
/// does not (a code the catalog lacks, or none: `PartialErrorInfo` may have `code: null`). An
/// `ErrorInfo`'s `cause` (another `ErrorInfo`, nested up to four deep) is read as
/// [`causes`](ParsedError::causes), and the innermost classified one decides the class, as for
/// the other vendors (`90001` channel failed, caused by `40160` capability denied, is
/// `PermissionDenied`); except under a code that says continuity was lost (`DataLoss`, such as
/// `@ably/chat`'s discontinuity `102100`), which is what the application must act on: its causes
/// are not read. A state change's `retryIn` (milliseconds until the SDK tries again) is
/// [`retry_after`](ParsedError::retry_after), rounded up to whole seconds.
///
/// ```
/// use chat_error_codes::{Canonical, ErrorInfo, Recovery, payload::{self, Shape}};
/// let body = r#"{"error":{"message":"Token expired","code":40142,"statusCode":401,"href":"https://help.ably.io/error/40142"}}"#;
/// let p = payload::parse_ably(body).unwrap();
/// assert_eq!(p.resolution().entry().unwrap().name(), "token_expired");
/// assert_eq!((p.shape(), p.recovery()), (Shape::AblyRest, Recovery::Reauthenticate));
///
/// let change = r#"{"previous":"connected","current":"disconnected","reason":{"code":80003,"statusCode":400,"message":"Connection to server unavailable"},"retryIn":15000}"#;
/// let p = payload::parse_ably(change).unwrap();
/// assert_eq!(p.retry_after(), Some(core::time::Duration::from_secs(15)));
/// ```
#[inline]
pub fn parse_ably(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::AblyErrorInfo), &mut f)?;
    ably(json, &mut f)
}

/// How deep `cause` is followed.
const MAX_CAUSES: usize = 4;

/// An `ErrorInfo`'s members, wherever it sits (the top level, `error`, `reason`).
struct Info<'a> {
    code: Option<RawCode<'a>>,
    name: Option<Cow<'a, str>>,
    message: Option<Cow<'a, str>>,
    status: Option<&'a RawValue>,
    cause: Option<&'a RawValue>,
}

#[inline(always)]
pub(super) fn ably<'a>(json: &'a str, f: &mut Fields<'a>) -> Result<ParsedError<'a>, PayloadError> {
    let retry_after = retry_in_secs(f.retry_in);
    if let Some(ErrorField::Body(body)) = f.error.take() {
        let shape = Shape::AblyRest;
        // The `details` that belongs to this error is the one inside `error` (where it is
        // written back), not a member beside it.
        f.details = body.details;
        let info = Info {
            code: body.code,
            name: body.name,
            message: body.message,
            status: body.status_lower,
            cause: body.cause,
        };
        return Ok(error_info(json, shape, info, f).with_retry_after(retry_after));
    }
    if !f.has(Key::Code) {
        if let Some(reason) = f.reason.filter(|r| r.get().starts_with('{')) {
            let mut inner = Fields::default();
            read(reason.get(), Some(Shape::AblyErrorInfo), &mut inner)?;
            let info = take_info(&mut inner);
            let parsed = error_info(json, Shape::AblyErrorInfo, info, f);
            return Ok(parsed.with_retry_after(retry_after));
        }
    }
    let info = take_info(f);
    Ok(error_info(json, Shape::AblyErrorInfo, info, f).with_retry_after(retry_after))
}

fn take_info<'a>(f: &mut Fields<'a>) -> Info<'a> {
    Info {
        code: f.code.take(),
        name: f.name.take(),
        message: f.message.take(),
        status: f.status_lower.take(),
        cause: f.cause.take(),
    }
}

/// The payload of an `ErrorInfo` `info` found in `f`'s payload.
fn error_info<'a>(
    json: &'a str,
    shape: Shape,
    info: Info<'a>,
    f: &mut Fields<'a>,
) -> ParsedError<'a> {
    let status = http_status(info.status);
    let signal = status.and_then(status_class);
    let causes = causes(info.cause);
    let code = info.code.filter(|c| !matches!(c, RawCode::Int(0)));
    let Some(code) = code else {
        f.name = info.name.or(f.name.take());
        f.message = info.message.or(f.message.take());
        return without_code(json, shape, Table::Ably, f, status).with_causes(causes);
    };
    let resolution = resolve::received(Table::Ably, code.clone());
    // A loss of continuity (`102100`, `80006`...) is what the application must act on, whatever
    // caused it: its causes are not read, so the cause's class does not replace it.
    let causes = if resolution.canonical() == crate::Canonical::DataLoss {
        Vec::new()
    } else {
        causes
    };
    let shape = shape_of(&resolution, shape);
    ParsedError::new(
        json,
        shape,
        code,
        resolution,
        info.name,
        info.message,
        f.details,
    )
    .with_status(status)
    .with_signal(signal)
    .with_causes(causes)
}

/// The chain of `ErrorInfo`s under `cause`, outermost first; a member that is not an object
/// with a code ends it, and nothing here fails the payload.
fn causes(mut nested: Option<&RawValue>) -> Vec<Cause<'_>> {
    let mut causes = Vec::new();
    while let Some(raw) = nested.filter(|r| causes.len() < MAX_CAUSES && r.get().starts_with('{')) {
        let mut f = Fields::default();
        if read(raw.get(), Some(Shape::AblyErrorInfo), &mut f).is_err() {
            break;
        }
        let Some(code) = f.code.take() else { break };
        causes.push(Cause {
            resolution: resolve::received(Table::Ably, code.clone()),
            code,
            message: f.message.take(),
        });
        nested = f.cause;
    }
    causes
}

/// A state change's `retryIn` (milliseconds, a number) in whole seconds, rounded up.
fn retry_in_secs(raw: Option<&RawValue>) -> Option<u64> {
    let ms: f64 = serde_json::from_str(raw?.get()).ok()?;
    (ms.is_finite() && ms >= 0.0).then(|| {
        let whole = (ms / 1000.0) as u64;
        if (whole as f64) * 1000.0 < ms {
            whole.saturating_add(1)
        } else {
            whole
        }
    })
}

#[cfg(test)]
mod tests {
    use super::parse_ably;
    use crate::payload::{self, PayloadError, Shape};
    use crate::{Canonical, ErrorInfo, Recovery};

    fn name(p: &crate::payload::ParsedError<'_>) -> Option<&'static str> {
        p.resolution().entry().map(|e| e.name())
    }

    /// The REST body (ably-common's documented form) and a protocol message.
    #[test]
    fn rest_body_and_protocol_messages() {
        let body = r#"{"error":{"message":"Token expired","code":40142,"statusCode":401,"href":"https://help.ably.io/error/40142"}}"#;
        for p in [parse_ably(body).unwrap(), payload::parse(body).unwrap()] {
            assert_eq!(
                (p.shape(), name(&p)),
                (Shape::AblyRest, Some("token_expired"))
            );
            assert_eq!(
                (p.status(), p.recovery()),
                (Some(401), Recovery::Reauthenticate)
            );
        }
        let error = r#"{"action":9,"error":{"message":"Invalid key in request: abc.","code":40005,"statusCode":400,"href":"https://help.ably.io/error/40005"}}"#;
        let p = payload::parse(error).unwrap();
        assert_eq!(p.shape(), Shape::AblyRest);
        assert_eq!(p.canonical(), Canonical::InvalidArgument);
        let detached = r#"{"action":13,"channel":"room1::$chat","error":{"message":"Channel denied","code":40160,"statusCode":401}}"#;
        let p = payload::parse(detached).unwrap();
        assert_eq!(
            (p.shape(), p.canonical()),
            (Shape::AblyRest, Canonical::PermissionDenied)
        );
        let disconnected = r#"{"action":6,"error":{"message":"Connection to server unavailable","code":80003,"statusCode":400}}"#;
        assert_eq!(
            payload::parse(disconnected).unwrap().recovery(),
            Recovery::Reconnect
        );
        // A rate limit: the code's class, the status kept.
        let rl = r#"{"error":{"message":"Rate limit exceeded; request rejected","code":42910,"statusCode":429,"href":"https://help.ably.io/error/42910"}}"#;
        let p = payload::parse(rl).unwrap();
        assert_eq!(
            (p.canonical(), p.status()),
            (Canonical::ResourceExhausted, Some(429))
        );
        // An unknown code: the status decides.
        let new = r#"{"error":{"message":"new","code":10999,"statusCode":404}}"#;
        assert_eq!(
            payload::parse(new).unwrap().canonical(),
            Canonical::NotFound
        );
    }

    /// The SDK's `ErrorInfo` with a nested `cause`, and a state change with `retryIn`.
    #[test]
    fn error_info_causes_and_state_changes() {
        let e = r#"{"code":40170,"statusCode":401,"href":"https://help.ably.io/error/40170","message":"Error from authCallback","cause":{"code":80019,"statusCode":401,"message":"Auth server rejecting request","cause":{"code":50000,"statusCode":500,"message":"boom"}}}"#;
        for p in [parse_ably(e).unwrap(), payload::parse(e).unwrap()] {
            assert_eq!(p.shape(), Shape::AblyErrorInfo);
            assert_eq!(p.causes().len(), 2);
            assert_eq!(p.cause().unwrap().code().as_integer(), Some(80019));
        }
        let change = r#"{"previous":"connecting","current":"disconnected","retryIn":1500,"reason":{"code":80003,"statusCode":400,"message":"Connection to server unavailable","href":"https://help.ably.io/error/80003"}}"#;
        let p = payload::parse(change).unwrap();
        assert_eq!(
            (p.shape(), name(&p)),
            (Shape::AblyErrorInfo, Some("connection_disconnected"))
        );
        assert_eq!(p.retry_after(), Some(core::time::Duration::from_secs(2)));
        // `PartialErrorInfo` without a code: the status decides.
        let partial = r#"{"code":null,"statusCode":503,"message":"Service unavailable"}"#;
        let p = parse_ably(partial).unwrap();
        assert_eq!(
            (p.canonical(), p.status()),
            (Canonical::Unavailable, Some(503))
        );
        // A bare ErrorInfo without href: detected by the code's range and `statusCode`.
        let bare =
            r#"{"code":80003,"statusCode":400,"message":"Connection to server unavailable"}"#;
        assert_eq!(payload::parse(bare).unwrap().shape(), Shape::AblyErrorInfo);
    }

    /// Where the evidence is not there, detection still refuses.
    #[test]
    fn refusals_and_malformed() {
        let bare = r#"{"error":{"code":40140,"message":"Token error"}}"#;
        assert!(matches!(
            payload::parse(bare),
            Err(PayloadError::Ambiguous { .. })
        ));
        let fake = r#"{"code":40140,"href":"https://help.ably.io.example.net/x"}"#;
        assert!(
            payload::parse(fake)
                .map(|p| p.shape() != Shape::AblyErrorInfo)
                .unwrap_or(true)
        );
        for bad in [
            r#"{"error":{"code":40140,"statusCode":401,"cause":{"cause":{"#,
            r#"{"reason":{"code":1,"statusCode":"#,
            r#"{"code":40140,"retryIn":1e999}"#,
            r#"{"code":40140,"retryIn":-5,"cause":[{"code":1}],"statusCode":true}"#,
            r#"{"reason":"closed","code":1006}"#,
        ] {
            let _ = parse_ably(bad).map(|p| (p.canonical(), p.retry_after()));
            let _ = payload::parse(bad).map(|p| p.canonical());
        }
        assert!(parse_ably(r#"{"code":40140,"code":1}"#).is_err());
    }
}
