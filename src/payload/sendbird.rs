//! Sendbird payloads: the Platform API body and the SDK's `SendbirdError`.

use super::fields::{ErrorField, Fields, read};
use super::shapes::{shape_of, uncoded};
use super::signals::{reason_phrase_status, sendbird_retry_after, status_class};
use super::{ParsedError, PayloadError, Shape};
use crate::resolve;
use crate::{RawCode, Table};

/// Parses a Sendbird error: a Platform API body (`{"error": true, "code", "message"}`) or an SDK
/// `SendbirdError` / WebSocket error payload (`{"code", "message"}`, as the SDK's own enumerable
/// members `{"name": "SendbirdError", "code", "message", "_detail", "shouldThrowOutside"}`),
/// resolving `code` in the Sendbird table.
///
/// - `_detail` of a `DELAYED_CONNECTING` (800221) error holds the server's `BUSY` frame, whose
///   `retry_after` becomes [`retry_after`](ParsedError::retry_after).
/// - Code `0` is what the SDK writes when the response had no code: it is kept, and the class
///   comes from the message when that is an HTTP reason phrase (`"Internal Server Error"`).
/// - A string code is a [`transport`](crate::transport) one; a JavaScript error without a code
///   (`{"name": "TypeError", ...}`) is a [`Resolution::Runtime`](crate::resolve::Resolution::Runtime).
///
/// ```
/// use chat_error_codes::{Canonical, payload::{self, Shape}};
/// let p = payload::parse_sendbird(r#"{"error":true,"code":400201,"message":"Not found."}"#).unwrap();
/// assert_eq!((p.shape(), p.canonical()), (Shape::SendbirdPlatform, Canonical::NotFound));
/// let p = payload::parse_sendbird(r#"{"code":800101,"message":"Connection required."}"#).unwrap();
/// assert_eq!(p.shape(), Shape::SendbirdError);
/// let p = payload::parse_sendbird(r#"{"name":"SendbirdError","code":0,"message":"Internal Server Error"}"#).unwrap();
/// assert_eq!(p.canonical(), Canonical::Internal);
/// ```
#[inline]
pub fn parse_sendbird(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::SendbirdPlatform), &mut f)?;
    sendbird(json, &mut f)
}

#[inline(always)]
pub(super) fn sendbird<'a>(
    json: &'a str,
    f: &mut Fields<'a>,
) -> Result<ParsedError<'a>, PayloadError> {
    let shape = match f.error {
        Some(ErrorField::Flag(true)) => Shape::SendbirdPlatform,
        _ => Shape::SendbirdError,
    };
    let retry_after = sendbird_retry_after(f.sb_detail);
    let Some(code) = f.code.take() else {
        return Ok(uncoded(json, shape, Table::SendbirdChat, f).with_retry_after(retry_after));
    };
    let signal = match code {
        RawCode::Int(0) => reason_phrase_status(f.message.as_deref()).and_then(status_class),
        _ => None,
    };
    let resolution = resolve::received(Table::SendbirdChat, code.clone());
    let shape = shape_of(&resolution, shape);
    let parsed = ParsedError::from_fields(json, shape, code, resolution, f);
    Ok(parsed.with_signal(signal).with_retry_after(retry_after))
}
