//! What a payload says besides its code: an HTTP status carried in the body, an SDK's
//! network-failure flag, a delay, the HTTP reason phrase an SDK used as a message. Each reader is
//! lenient: a member of an unexpected type says nothing, it never fails the payload.

use serde_json::value::RawValue;

use crate::{Canonical, RawCode, Recovery};

/// An HTTP error status (100-599) from a member's exact text: an integer or a decimal string
/// (stream-chat sends `"unknown"` or `""` when it has none).
pub(super) fn http_status(raw: Option<&RawValue>) -> Option<u16> {
    let code: RawCode<'_> = serde_json::from_str(raw?.get()).ok()?;
    let n = code.as_integer()?;
    u16::try_from(n).ok().filter(|n| (100..=599).contains(n))
}

/// The class an HTTP error status calls for, if it says anything (not for 1xx-3xx).
pub(super) fn status_class(status: u16) -> Option<(Canonical, Recovery)> {
    let canonical = Canonical::from_http_status(status);
    match canonical {
        Canonical::Ok | Canonical::Unknown => None,
        c => Some((c, c.recovery())),
    }
}

/// Whether a flag member is JSON `true`.
pub(super) fn is_true(raw: Option<&RawValue>) -> bool {
    raw.is_some_and(|v| v.get() == "true")
}

/// `retry_after` (whole seconds, as a number) in Sendbird's `_detail`, which is itself a JSON
/// text inside a string (`"{\"retry_after\":5,...}"`).
pub(super) fn sendbird_retry_after(detail: Option<&RawValue>) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct Busy {
        retry_after: f64,
    }
    let text: alloc::borrow::Cow<'_, str> = serde_json::from_str(detail?.get()).ok()?;
    let busy: Busy = serde_json::from_str(&text).ok()?;
    let secs = busy.retry_after;
    // Finite and non-negative; a fraction of a second is rounded up, never down to 0.
    // (No `f64::ceil` without std: the saturating cast truncates, a remaining fraction adds one.)
    (secs.is_finite() && secs >= 0.0).then(|| {
        let whole = secs as u64;
        if (whole as f64) < secs {
            whole.saturating_add(1)
        } else {
            whole
        }
    })
}

/// The status whose RFC 9110 reason phrase `message` is (ASCII case and a final period
/// ignored): an SDK that got an error response without a body code (Sendbird gives code `0`)
/// keeps only the reason phrase.
pub(super) fn reason_phrase_status(message: Option<&str>) -> Option<u16> {
    /// The statuses whose phrase an SDK's message is taken for.
    const STATUSES: [u16; 13] = [
        400, 401, 403, 404, 408, 409, 413, 429, 500, 501, 502, 503, 504,
    ];
    // As SDKs write them: "Bad request.", "Internal server error".
    let message = message?.trim().trim_end_matches('.');
    // 413's name before RFC 9110.
    if message.eq_ignore_ascii_case("Payload Too Large") {
        return Some(413);
    }
    STATUSES
        .into_iter()
        .find(|&s| reason_phrase(s).is_some_and(|p| p.eq_ignore_ascii_case(message)))
}

/// The reason phrase RFC 9110 (section 15; 428 and 431: RFC 6585) recommends for a status, for the `title` of an
/// `about:blank` problem (RFC 9457, section 4.2.1) and for reading an SDK's message that is only a
/// reason phrase; `None` for a status it does not define.
pub(crate) const fn reason_phrase(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => return None,
    })
}
