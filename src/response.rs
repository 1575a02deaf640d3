//! From an HTTP response to a decision (feature `json`; the `http` crate adapters need feature
//! `http`).
//!
//! A service meets vendor errors as HTTP responses: a status, headers and a body. [`classify`]
//! takes the three as plain values (so it needs no HTTP library) and gives a [`Classified`]
//! response: the status as sent, the vendor payload parsed from the body (or, for a body that is
//! no vendor payload, its first bytes for the logs), the vendor's [`RetryHints`], and from them
//! one [`Decision`] and an RFC 9457 [`ProblemDetails`] document to relay.
//!
//! ```
//! use std::time::Duration;
//! use chat_error_codes::{Canonical, Table, response::{self, Decision}};
//!
//! let body = br#"{"error":{"code":"ERR_TOO_MANY_REQUESTS","message":"Too many requests."}}"#;
//! let headers = [("Retry-After", &b"15"[..]), ("X-Rate-Limit-Reset", b"1625143246")];
//! let r = response::classify(Some(Table::CometChatRest), 429, headers, body);
//! assert_eq!(r.canonical(), Canonical::ResourceExhausted);
//! assert_eq!(r.decision(), Decision::RetryAfter(Duration::from_secs(15)));
//!
//! // A load balancer's page is still classified, from the status alone.
//! let r = response::classify(None, 502, [], b"<html><body>502 Bad Gateway</body></html>");
//! assert_eq!(r.canonical(), Canonical::Unavailable);
//! assert_eq!(r.decision(), Decision::RetryWithBackoff);
//! assert!(r.excerpt().unwrap().text().starts_with("<html>"));
//! ```
//!
//! # Retry hints the vendors document
//!
//! | vendor | on 429 | other rate-limit headers | page |
//! |---|---|---|---|
//! | CometChat | `Retry-After` (seconds), `X-Rate-Limit-Reset` (Unix seconds) | `X-Rate-Limit`, `X-Rate-Limit-Remaining`; the newer REST page spells them `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset` | <https://www.cometchat.com/docs/articles/rate-limits>, <https://www.cometchat.com/docs/rest-api/rate-limits> |
//! | Stream | `X-RateLimit-Reset` (Unix seconds) | `X-RateLimit-Limit`, `X-RateLimit-Remaining` (on every response) | <https://getstream.io/chat/docs/node/rate_limits/>, <https://support.getstream.io/hc/en-us/articles/360056792833-Rate-limits-and-HTTP-429-Errors> |
//! | Sendbird | `X-RateLimit-RetryAfter` (Sendbird recommends retrying on it) | `X-RateLimit-Limit` (`100;w=60`: 100 calls in 60 s), `X-RateLimit-Remaining`, `X-RateLimit-Reset` | <https://sendbird.com/docs/chat/v3/platform-api/application/understanding-rate-limits/rate-limits> |
//! | Agora | none documented: the Chat REST API answers 429 with `reach_limit` or `resource_limited` in the body | none | <https://docs.agora.io/en/api-reference/api-ref/im/http-status-codes>, <https://docs.agora.io/en/help/integration-issues/restful_api_call_frequency> |
//! | Genesys | none documented (Web Engagement chat reports errors as `EventError`s, not HTTP) | none | |
//!
//! Sendbird's page names its headers but not the unit of `X-RateLimit-Reset` and
//! `X-RateLimit-RetryAfter`; the error message its server sends with them
//! (`retry_after: 0.0698s, reset: 0.9698s`, quoted in
//! <https://community.sendbird.com/t/how-to-prevent-rate-limit-errors/8285>) counts seconds
//! from now, with a fraction. So a reset value below 1,000,000,000 (a date in 2001) is read as
//! seconds from now, a larger one as a Unix time; fractions are allowed in both Sendbird headers.
//!
//! Header names are compared without regard to case. A value that is malformed (not a number,
//! not an IMF-fixdate, out of range, not UTF-8) is ignored, as if the header were absent; the
//! first well-formed value of a repeated header wins. A list such as `300, 300` (Stream's SDKs
//! handle it) counts by its first item.

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;
use core::time::Duration;

use serde::{Deserialize, Serialize};

use crate::payload::{self, ParsedError, PayloadError, Shape};
use crate::{Canonical, ErrorInfo, RawCode, Recovery, Resolution, Table, Vendor};

/// The most bytes of a body that is no vendor payload that a [`Classified`] keeps (an
/// [`Excerpt`]), for the logs.
pub const MAX_EXCERPT_BYTES: usize = 256;

/// The media type of a Problem Details document (RFC 9457, section 3).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The prefix of every problem type URI this crate writes.
pub const TYPE_PREFIX: &str = "urn:chat-error-codes:";

/// A reset value at or above this is a Unix time, below it a number of seconds from now.
const UNIX_TIME_FROM: u64 = 1_000_000_000;

// ---------------------------------------------------------------------------------------------
// Retry hints
// ---------------------------------------------------------------------------------------------

/// A wait a header asks for: a delay from now, or a point in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Wait {
    /// Wait this long from when the response arrived (`Retry-After: 15`).
    Delay(Duration),
    /// Wait until this Unix time, in seconds (`Retry-After: <HTTP-date>`,
    /// `X-Rate-Limit-Reset: 1625143246`).
    Until(u64),
}

impl Wait {
    /// The delay left at `now_unix` (the time since the Unix epoch); zero for a time already
    /// past.
    ///
    /// ```
    /// use std::time::Duration;
    /// use chat_error_codes::response::Wait;
    /// let now = Duration::from_secs(1_700_000_000);
    /// assert_eq!(Wait::Until(1_700_000_015).delay_from_unix(now), Duration::from_secs(15));
    /// assert_eq!(Wait::Until(1_600_000_000).delay_from_unix(now), Duration::ZERO);
    /// assert_eq!(Wait::Delay(Duration::from_secs(3)).delay_from_unix(now), Duration::from_secs(3));
    /// ```
    pub fn delay_from_unix(self, now_unix: Duration) -> Duration {
        match self {
            Wait::Delay(d) => d,
            Wait::Until(t) => Duration::from_secs(t).saturating_sub(now_unix),
        }
    }

    /// The delay left at `now` (std only).
    #[cfg(feature = "std")]
    pub fn delay(self, now: std::time::SystemTime) -> Duration {
        self.delay_from_unix(unix(now))
    }
}

/// Time since the Unix epoch (zero for a clock set before it).
#[cfg(feature = "std")]
fn unix(now: std::time::SystemTime) -> Duration {
    now.duration_since(std::time::UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
}

/// What a response's headers say about retrying: `Retry-After` (RFC 9110) and the vendors'
/// rate-limit headers (see the [module documentation](self) for which vendor sends which, with
/// the pages that document them).
///
/// ```
/// use std::time::Duration;
/// use chat_error_codes::response::{RetryHints, Wait};
///
/// let h = RetryHints::from_headers([
///     ("retry-after", &b"Sun, 06 Nov 1994 08:49:37 GMT"[..]),
///     ("X-RateLimit-Limit", b"100;w=60"),
///     ("X-RATE-LIMIT-REMAINING", b"0"),
///     ("X-Rate-Limit-Reset", b"not a number"),
/// ]);
/// assert_eq!(h.retry_after(), Some(Wait::Until(784111777)));
/// assert_eq!(h.limit(), Some(100));
/// assert_eq!(h.window(), Some(Duration::from_secs(60)));
/// assert_eq!(h.remaining(), Some(0));
/// assert_eq!(h.reset(), None); // malformed: ignored
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RetryHints {
    retry_after: Option<Wait>,
    rate_limit_retry_after: Option<Duration>,
    limit: Option<u64>,
    window: Option<Duration>,
    remaining: Option<u64>,
    reset: Option<Wait>,
}

/// The headers [`RetryHints`] reads, by lower-case name.
#[derive(Clone, Copy)]
enum Hint {
    RetryAfter,
    RateLimitRetryAfter,
    Limit,
    Remaining,
    Reset,
}

impl Hint {
    fn of(name: &str) -> Option<Hint> {
        const NAMES: [(&str, Hint); 8] = [
            ("retry-after", Hint::RetryAfter),
            ("x-ratelimit-retryafter", Hint::RateLimitRetryAfter),
            ("x-rate-limit", Hint::Limit),
            ("x-ratelimit-limit", Hint::Limit),
            ("x-rate-limit-remaining", Hint::Remaining),
            ("x-ratelimit-remaining", Hint::Remaining),
            ("x-rate-limit-reset", Hint::Reset),
            ("x-ratelimit-reset", Hint::Reset),
        ];
        let name = name.trim();
        NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, hint)| hint)
    }
}

impl RetryHints {
    /// Reads the hints from header `(name, value)` pairs. Other headers, malformed values and
    /// repeats after a well-formed value are ignored; nothing here fails or panics.
    pub fn from_headers<'h>(headers: impl IntoIterator<Item = (&'h str, &'h [u8])>) -> Self {
        let mut hints = RetryHints::default();
        for (name, value) in headers {
            let Some(hint) = Hint::of(name) else {
                continue;
            };
            let Ok(value) = core::str::from_utf8(value) else {
                continue;
            };
            let value = value.trim();
            match hint {
                Hint::RetryAfter if hints.retry_after.is_none() => {
                    hints.retry_after = parse_retry_after(value);
                }
                Hint::RateLimitRetryAfter if hints.rate_limit_retry_after.is_none() => {
                    hints.rate_limit_retry_after = parse_seconds(first_item(value));
                }
                Hint::Limit if hints.limit.is_none() => {
                    let item = first_item(value);
                    let (count, params) = item.split_once(';').unwrap_or((item, ""));
                    hints.limit = parse_integer(count.trim());
                    if hints.limit.is_some() {
                        hints.window = parse_window(params);
                    }
                }
                Hint::Remaining if hints.remaining.is_none() => {
                    hints.remaining = parse_integer(first_item(value));
                }
                Hint::Reset if hints.reset.is_none() => {
                    hints.reset = parse_reset(first_item(value));
                }
                _ => {}
            }
        }
        hints
    }

    /// `Retry-After`: delta-seconds or an HTTP-date (RFC 9110, section 10.2.3). Only the
    /// IMF-fixdate form of the date is read (`Sun, 06 Nov 1994 08:49:37 GMT`, the one senders
    /// must use); the obsolete RFC 850 and asctime forms are ignored.
    pub fn retry_after(&self) -> Option<Wait> {
        self.retry_after
    }

    /// Sendbird's `X-RateLimit-RetryAfter`, in seconds (a fraction allowed).
    pub fn rate_limit_retry_after(&self) -> Option<Duration> {
        self.rate_limit_retry_after
    }

    /// The request limit of the current window: CometChat's `X-Rate-Limit`, or
    /// `X-RateLimit-Limit` (Stream, Sendbird, CometChat's newer page).
    pub fn limit(&self) -> Option<u64> {
        self.limit
    }

    /// The window of the limit, where the limit names one (Sendbird's `100;w=60`).
    pub fn window(&self) -> Option<Duration> {
        self.window
    }

    /// The requests left in the current window: `X-Rate-Limit-Remaining` or
    /// `X-RateLimit-Remaining`.
    pub fn remaining(&self) -> Option<u64> {
        self.remaining
    }

    /// When the current window ends: `X-Rate-Limit-Reset` or `X-RateLimit-Reset`, a Unix time in
    /// seconds (CometChat, Stream), or seconds from now for values below 1,000,000,000
    /// (Sendbird).
    pub fn reset(&self) -> Option<Wait> {
        self.reset
    }

    /// Whether no header gave a hint.
    pub fn is_empty(&self) -> bool {
        *self == RetryHints::default()
    }

    /// The delay the headers ask for at `now_unix` (time since the Unix epoch): `Retry-After`,
    /// else `X-RateLimit-RetryAfter`, else, when `rate_limited` (the response is a 429, or the
    /// headers say no request is left), the time until the window resets.
    pub fn delay_from_unix(&self, now_unix: Duration, rate_limited: bool) -> Option<Duration> {
        let rate_limited = rate_limited || self.remaining == Some(0);
        self.retry_after
            .map(|w| w.delay_from_unix(now_unix))
            .or(self.rate_limit_retry_after)
            .or_else(|| {
                self.reset
                    .filter(|_| rate_limited)
                    .map(|w| w.delay_from_unix(now_unix))
            })
    }
}

/// The first item of a list value (`300, 300` is `300`).
fn first_item(value: &str) -> &str {
    value.split(',').next().unwrap_or(value).trim()
}

/// A non-negative decimal integer: digits only.
fn parse_integer(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Seconds as digits with an optional fraction (`15`, `0.0698`).
fn parse_seconds(s: &str) -> Option<Duration> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, "0"));
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    // Nanoseconds: the first nine digits of the fraction, rounded up past them.
    let mut nanos = 0u32;
    for (i, b) in fraction.bytes().enumerate() {
        let digit = u32::from(b - b'0');
        if i < 9 {
            nanos = nanos * 10 + digit;
        } else if digit != 0 {
            nanos += 1;
            break;
        }
    }
    for _ in fraction.len()..9 {
        nanos *= 10;
    }
    Duration::from_secs(whole).checked_add(Duration::from_nanos(u64::from(nanos)))
}

/// `w=60` among `;`-separated limit parameters.
fn parse_window(params: &str) -> Option<Duration> {
    params
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("w="))
        .find_map(|w| parse_integer(w.trim()).map(Duration::from_secs))
}

/// A reset value: a Unix time, or seconds from now below [`UNIX_TIME_FROM`].
fn parse_reset(s: &str) -> Option<Wait> {
    let d = parse_seconds(s)?;
    if d.as_secs() >= UNIX_TIME_FROM {
        // A fraction of a second rounds up: never earlier than the vendor said.
        let secs = d.as_secs() + u64::from(d.subsec_nanos() > 0);
        Some(Wait::Until(secs))
    } else {
        Some(Wait::Delay(d))
    }
}

/// `Retry-After`: delta-seconds or an IMF-fixdate.
fn parse_retry_after(s: &str) -> Option<Wait> {
    if let Some(secs) = parse_integer(s) {
        return Some(Wait::Delay(Duration::from_secs(secs)));
    }
    parse_imf_fixdate(s).map(Wait::Until)
}

const DAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An IMF-fixdate (RFC 9110, section 5.6.7), `Sun, 06 Nov 1994 08:49:37 GMT`, as Unix seconds.
/// The day name must be the date's; years before 1970 are refused.
///
/// ```text
/// IMF-fixdate = day-name "," SP date1 SP time-of-day SP GMT
/// date1       = day SP month SP year        ; e.g., 02 Jun 1982
/// ```
fn parse_imf_fixdate(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.len() != 29 {
        return None;
    }
    let fixed = [(3, b','), (4, b' '), (7, b' '), (11, b' '), (16, b' ')];
    let punctuation = [(19, b':'), (22, b':'), (25, b' ')];
    if fixed
        .iter()
        .chain(punctuation.iter())
        .any(|&(i, c)| b.get(i) != Some(&c))
    {
        return None;
    }
    let part = |from: usize, to: usize| s.get(from..to);
    let number = |from: usize, to: usize| part(from, to).and_then(parse_integer);
    if part(26, 29)? != "GMT" {
        return None;
    }
    let weekday = DAY_NAMES.iter().position(|d| Some(*d) == part(0, 3))?;
    let day = number(5, 7)?;
    let month = MONTHS.iter().position(|m| Some(*m) == part(8, 11))? as u64 + 1;
    let year = number(12, 16)?;
    let (hour, minute, second) = (number(17, 19)?, number(20, 22)?, number(23, 25)?);
    if year < 1970 || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    // 1970-01-01 was a Thursday.
    if (days + 4) % 7 != weekday as u64 {
        return None;
    }
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second)
}

fn is_leap(year: u64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: u64, month: u64) -> u64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar, year >= 1970 (Howard
/// Hinnant's `days_from_civil`, restricted to unsigned arithmetic).
fn days_from_civil(year: u64, month: u64, day: u64) -> u64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12; // March = 0
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

// ---------------------------------------------------------------------------------------------
// The body
// ---------------------------------------------------------------------------------------------

/// The first bytes of a body that is no vendor payload (a proxy's HTML page, a load balancer's
/// text, an empty body), for the logs: at most [`MAX_EXCERPT_BYTES`] bytes of it, cut at a
/// character boundary, invalid UTF-8 replaced by U+FFFD.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt<'a> {
    text: Cow<'a, str>,
    len: usize,
}

impl<'a> Excerpt<'a> {
    /// The excerpt of `body`: borrowed when the kept bytes are valid UTF-8.
    ///
    /// ```
    /// use chat_error_codes::response::{Excerpt, MAX_EXCERPT_BYTES};
    /// let body = "é".repeat(200); // 400 bytes, two per character
    /// let e = Excerpt::new(body.as_bytes());
    /// assert_eq!(e.text().len(), MAX_EXCERPT_BYTES);
    /// assert!(e.is_truncated());
    /// let e = Excerpt::new(&[b'a', 0xff, b'b']);
    /// assert_eq!(e.text(), "a\u{fffd}b");
    /// ```
    pub fn new(body: &'a [u8]) -> Self {
        let mut end = body.len().min(MAX_EXCERPT_BYTES);
        // Cut before a character that straddles the limit (at most three continuation bytes).
        if end < body.len() {
            let start = end;
            while end > 0
                && start - end < 3
                && body
                    .get(end)
                    .is_some_and(|b| b & 0b1100_0000 == 0b1000_0000)
            {
                end -= 1;
            }
        }
        let kept = body.get(..end).unwrap_or_default();
        Excerpt {
            text: String::from_utf8_lossy(kept),
            len: body.len(),
        }
    }

    /// The kept text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The length of the whole body, in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the body was empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the text is only the beginning of the body.
    pub fn is_truncated(&self) -> bool {
        self.len > MAX_EXCERPT_BYTES
    }
}

/// What the body of a response turned out to be.
#[derive(Debug)]
#[non_exhaustive]
pub enum Body<'a> {
    /// A vendor error payload.
    Parsed(ParsedError<'a>),
    /// Anything else: its first bytes, and why it is no vendor payload (`None` for an empty or
    /// non-UTF-8 body).
    Unparsed {
        /// The first bytes, for the logs.
        excerpt: Excerpt<'a>,
        /// The parser's error, for a UTF-8 body that is not a vendor payload.
        error: Option<PayloadError>,
    },
}

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

/// Classifies an HTTP response from its status, headers and body. It never fails: a body that
/// is no vendor payload is classified from the status alone
/// ([`Canonical::from_http_status`]) and kept as an [`Excerpt`].
///
/// The body is parsed with the parser of `table` when the caller names the API it called
/// (`cometchat_rest`: [`parse_rest`](payload::parse_rest), `cometchat_calls`:
/// [`parse_calls`](payload::parse_calls), `cometchat_sdk`:
/// [`parse_exception`](payload::parse_exception), `agora_chat`:
/// [`parse_agora`](payload::parse_agora), `agora_rest`:
/// [`parse_agora_rest_with_status`](payload::parse_agora_rest_with_status) with `status`,
/// `genesys_chat`: [`parse_genesys`](payload::parse_genesys), `stream_chat`:
/// [`parse_stream`](payload::parse_stream), `sendbird_chat`:
/// [`parse_sendbird`](payload::parse_sendbird)); when no table is named, the table has no parser
/// of its own (`agora_native`), or its parser refuses the body (a gateway in front of the API
/// answered), the shape is detected with [`payload::parse`], and a detected Agora REST body is
/// resolved again with the status.
///
/// `headers` are `(name, value)` pairs, as any HTTP library can give them; see
/// [`from_status`] and [`from_parts`] for the `http` crate's types.
pub fn classify<'a, 'h>(
    table: Option<Table>,
    status: u16,
    headers: impl IntoIterator<Item = (&'h str, &'h [u8])>,
    body: &'a [u8],
) -> Classified<'a> {
    Classified {
        status,
        table,
        body: parse_body(table, status, body),
        hints: RetryHints::from_headers(headers),
    }
}

fn parse_body(table: Option<Table>, status: u16, body: &[u8]) -> Body<'_> {
    let excerpt = || Excerpt::new(body);
    let Ok(text) = core::str::from_utf8(body) else {
        return Body::Unparsed {
            excerpt: excerpt(),
            error: None,
        };
    };
    if text.trim().is_empty() {
        return Body::Unparsed {
            excerpt: excerpt(),
            error: None,
        };
    }
    let named = table.and_then(|t| parse_as(t, status, text));
    let parsed = match named {
        Some(Ok(p)) => Ok(p),
        named => match payload::parse(text) {
            Ok(p) if p.shape() == Shape::AgoraRest => {
                payload::parse_agora_rest_with_status(text, status)
            }
            Ok(p) => Ok(p),
            // Neither fits: the named parser's error says more than detection's.
            Err(detected) => Err(named.and_then(Result::err).unwrap_or(detected)),
        },
    };
    match parsed {
        Ok(p) => Body::Parsed(p),
        Err(e) => Body::Unparsed {
            excerpt: excerpt(),
            error: Some(e),
        },
    }
}

/// The table's own parser, if it has one.
fn parse_as(
    table: Table,
    status: u16,
    text: &str,
) -> Option<Result<ParsedError<'_>, PayloadError>> {
    Some(match table {
        Table::CometChatRest => payload::parse_rest(text),
        Table::CometChatCalls => payload::parse_calls(text),
        Table::CometChatSdk => payload::parse_exception(text),
        Table::AgoraChat => payload::parse_agora(text),
        Table::AgoraRest => payload::parse_agora_rest_with_status(text, status),
        Table::GenesysChat => payload::parse_genesys(text),
        Table::StreamChat => payload::parse_stream(text),
        Table::SendbirdChat => payload::parse_sendbird(text),
        _ => return None,
    })
}

/// A classified HTTP response: the status as sent, the body (a parsed vendor payload or an
/// excerpt) and the retry hints, and from them the class, the advice, the [`Decision`] and the
/// [`ProblemDetails`] to relay. Made by [`classify`] (or [`from_status`], [`from_parts`],
/// [`from_response`] with feature `http`).
///
/// ```
/// use std::time::Duration;
/// use chat_error_codes::{ErrorInfo, Recovery, Table, response::{self, Decision}};
///
/// // Stream: a 429 whose only hint is the reset time.
/// let body = br#"{"code":9,"message":"Too many requests","StatusCode":429,"duration":"0.01ms"}"#;
/// let headers = [("X-RateLimit-Reset", &b"1700000060"[..]), ("X-RateLimit-Remaining", b"0")];
/// let r = response::classify(Some(Table::StreamChat), 429, headers, body);
/// let now = Duration::from_secs(1_700_000_000);
/// assert_eq!(r.payload().unwrap().resolution().entry().unwrap().name(), "RateLimitError");
/// assert_eq!(r.recovery(), Recovery::RetryWithBackoff);
/// assert_eq!(r.decision_at_unix(now), Decision::RetryAfter(Duration::from_secs(60)));
/// ```
#[derive(Debug)]
pub struct Classified<'a> {
    status: u16,
    table: Option<Table>,
    body: Body<'a>,
    hints: RetryHints,
}

impl<'a> Classified<'a> {
    /// The HTTP status as sent.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The table of the parsed payload, else the one the caller named.
    pub fn table(&self) -> Option<Table> {
        self.payload().map(ParsedError::table).or(self.table)
    }

    /// What the body turned out to be.
    pub fn body(&self) -> &Body<'a> {
        &self.body
    }

    /// The vendor payload, if the body was one.
    pub fn payload(&self) -> Option<&ParsedError<'a>> {
        match &self.body {
            Body::Parsed(p) => Some(p),
            Body::Unparsed { .. } => None,
        }
    }

    /// The first bytes of a body that was no vendor payload.
    pub fn excerpt(&self) -> Option<&Excerpt<'a>> {
        match &self.body {
            Body::Parsed(_) => None,
            Body::Unparsed { excerpt, .. } => Some(excerpt),
        }
    }

    /// The retry hints of the headers.
    pub fn hints(&self) -> &RetryHints {
        &self.hints
    }

    /// The class and advice: the payload's, unless the payload's code is unrecognized (class
    /// `Unknown`); then the status's, so that an unknown code in a 404 is `NotFound`. An error
    /// payload is never `Ok`, whatever the status.
    fn class(&self) -> (Canonical, Recovery) {
        let by_status = Canonical::from_http_status(self.status);
        match self.payload() {
            Some(p) if p.canonical() != Canonical::Unknown => (p.canonical(), p.recovery()),
            Some(p) if by_status == Canonical::Ok => (p.canonical(), p.recovery()),
            _ => (by_status, by_status.recovery()),
        }
    }

    /// The canonical class of the response.
    pub fn canonical(&self) -> Canonical {
        self.class().0
    }

    /// What the caller should do, before the hints are taken into account.
    pub fn recovery(&self) -> Recovery {
        self.class().1
    }

    /// Whether the response says the caller is rate limited: a 429, or no request left.
    pub fn is_rate_limited(&self) -> bool {
        self.status == 429 || self.hints.remaining() == Some(0)
    }

    /// The delay the headers ask for at `now_unix` (time since the Unix epoch); see
    /// [`RetryHints::delay_from_unix`].
    pub fn retry_after_unix(&self, now_unix: Duration) -> Option<Duration> {
        self.hints.delay_from_unix(now_unix, self.is_rate_limited())
    }

    /// The decision at `now_unix` (time since the Unix epoch), by [`Decision::decide`].
    pub fn decision_at_unix(&self, now_unix: Duration) -> Decision {
        Decision::decide(
            self.recovery(),
            self.status,
            self.retry_after_unix(now_unix),
        )
    }

    /// The Problem Details document to relay, at `now_unix` (for `retry_after`); see
    /// [`ProblemDetails`] for the mapping.
    pub fn problem_at_unix(&self, now_unix: Duration) -> ProblemDetails {
        let (canonical, recovery) = self.class();
        let mut problem = match self.payload() {
            Some(p) => ProblemDetails::from_parsed(p),
            None => {
                let table = self.table;
                ProblemDetails {
                    type_uri: alloc::format!("{TYPE_PREFIX}http:{}", self.status),
                    title: Some(String::from(canonical.as_str())),
                    vendor: table.map(Table::vendor),
                    table,
                    ..ProblemDetails::default()
                }
            }
        };
        problem.status = Some(self.status);
        problem.canonical = Some(canonical);
        problem.recovery = Some(recovery);
        problem.retry_after = self.retry_after_unix(now_unix).map(whole_seconds_up);
        problem
    }
}

/// std conveniences: "now" is the system clock.
#[cfg(feature = "std")]
impl Classified<'_> {
    /// The delay the headers ask for at `now`: `Retry-After` (seconds, or the time until its
    /// date), else Sendbird's `X-RateLimit-RetryAfter`, else, for a rate-limited response, the
    /// time until the window resets (`X-Rate-Limit-Reset`, `X-RateLimit-Reset`). A time already
    /// past is zero.
    pub fn retry_after(&self, now: std::time::SystemTime) -> Option<Duration> {
        self.retry_after_unix(unix(now))
    }

    /// The decision at `now`.
    pub fn decision_at(&self, now: std::time::SystemTime) -> Decision {
        self.decision_at_unix(unix(now))
    }

    /// The decision now.
    pub fn decision(&self) -> Decision {
        self.decision_at(std::time::SystemTime::now())
    }

    /// The Problem Details document to relay, `retry_after` counted from now.
    pub fn problem(&self) -> ProblemDetails {
        self.problem_at(std::time::SystemTime::now())
    }

    /// The Problem Details document to relay, `retry_after` counted from `now`.
    pub fn problem_at(&self, now: std::time::SystemTime) -> ProblemDetails {
        self.problem_at_unix(unix(now))
    }
}

/// Whole seconds, rounded up (a client told to wait 0.2 s waits 1 s, never 0).
fn whole_seconds_up(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

// ---------------------------------------------------------------------------------------------
// Decision
// ---------------------------------------------------------------------------------------------

/// What to do about a response: one value from the [`Recovery`] advice and the retry hints.
///
/// | recovery | without a delay hint | with a delay hint |
/// |---|---|---|
/// | `RetryWithBackoff`, `WaitForCompletion` | `RetryWithBackoff` | `RetryAfter(delay)` |
/// | `Reconnect` | `Reconnect` | `Reconnect` |
/// | `Reauthenticate` | `Reauthenticate` | `Reauthenticate` |
/// | `FixRequest`, `FixPrecondition` | `FixRequest` | `FixRequest` |
/// | `UpgradePlan`, `ContactVendor`, `DoNotRetry` | `GiveUp` | `GiveUp` |
/// | `NoAction` (a 2xx status, no error payload) | `Done` | `Done` |
///
/// One rule comes first: **a 429 with a delay hint is `RetryAfter(delay)`** whatever the
/// advice, unless it is `Reauthenticate`: the vendor's own headers say when the call may be
/// repeated (a plan quota that resets, a rate limit), and new credentials would not change the
/// answer before then, but a missing login must be fixed first.
///
/// A delay hint is `Retry-After`, Sendbird's `X-RateLimit-RetryAfter`, or, on a rate-limited
/// response, the time until the window resets (see [`Classified::retry_after`]).
///
/// ```
/// use std::time::Duration;
/// use chat_error_codes::{Recovery, response::Decision};
/// let ten = Some(Duration::from_secs(10));
/// assert_eq!(Decision::decide(Recovery::RetryWithBackoff, 503, ten), Decision::RetryAfter(Duration::from_secs(10)));
/// assert_eq!(Decision::decide(Recovery::UpgradePlan, 429, None), Decision::GiveUp);
/// assert_eq!(Decision::decide(Recovery::UpgradePlan, 429, ten), Decision::RetryAfter(Duration::from_secs(10)));
/// assert_eq!(Decision::decide(Recovery::Reauthenticate, 429, ten), Decision::Reauthenticate);
/// assert_eq!(Decision::decide(Recovery::FixPrecondition, 400, ten), Decision::FixRequest);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Decision {
    /// Repeat the same call after this delay (the vendor said how long).
    RetryAfter(Duration),
    /// Repeat the same call after an exponentially growing delay, a bounded number of times.
    RetryWithBackoff,
    /// Open the connection again (log in / connect), then repeat the call.
    Reconnect,
    /// Obtain new credentials (log in, refresh the token), then repeat the call.
    Reauthenticate,
    /// Change the request (or bring the state it needs about); repeating it unchanged fails.
    FixRequest,
    /// Do not repeat the call: it cannot succeed as things are (not found, forbidden, over the
    /// plan, a vendor failure to report).
    GiveUp,
    /// Nothing to handle: the response reports success.
    Done,
}

impl Decision {
    /// The decision for `recovery` on a response with `status` whose headers ask for `delay`
    /// (see the table above).
    pub fn decide(recovery: Recovery, status: u16, delay: Option<Duration>) -> Decision {
        if let Some(delay) = delay.filter(|_| status == 429 && recovery != Recovery::Reauthenticate)
        {
            return Decision::RetryAfter(delay);
        }
        match recovery {
            Recovery::NoAction => Decision::Done,
            Recovery::RetryWithBackoff | Recovery::WaitForCompletion => {
                delay.map_or(Decision::RetryWithBackoff, Decision::RetryAfter)
            }
            Recovery::Reconnect => Decision::Reconnect,
            Recovery::Reauthenticate => Decision::Reauthenticate,
            Recovery::FixRequest | Recovery::FixPrecondition => Decision::FixRequest,
            Recovery::UpgradePlan | Recovery::ContactVendor | Recovery::DoNotRetry => {
                Decision::GiveUp
            }
        }
    }

    /// The variant name, e.g. `"RetryAfter"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::RetryAfter(_) => "RetryAfter",
            Decision::RetryWithBackoff => "RetryWithBackoff",
            Decision::Reconnect => "Reconnect",
            Decision::Reauthenticate => "Reauthenticate",
            Decision::FixRequest => "FixRequest",
            Decision::GiveUp => "GiveUp",
            Decision::Done => "Done",
        }
    }

    /// The delay of `RetryAfter`.
    pub fn delay(self) -> Option<Duration> {
        match self {
            Decision::RetryAfter(d) => Some(d),
            _ => None,
        }
    }

    /// Whether the decision is to repeat the call (after a delay, a backoff, a reconnect or new
    /// credentials).
    pub fn is_retry(self) -> bool {
        matches!(
            self,
            Decision::RetryAfter(_)
                | Decision::RetryWithBackoff
                | Decision::Reconnect
                | Decision::Reauthenticate
        )
    }
}

impl fmt::Display for Decision {
    /// `retry after 15s`, `retry with backoff`, `reconnect`, `re-authenticate`,
    /// `fix the request`, `give up`, `done`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Decision::RetryAfter(d) => write!(f, "retry after {d:?}"),
            Decision::RetryWithBackoff => f.write_str("retry with backoff"),
            Decision::Reconnect => f.write_str("reconnect"),
            Decision::Reauthenticate => f.write_str("re-authenticate"),
            Decision::FixRequest => f.write_str("fix the request"),
            Decision::GiveUp => f.write_str("give up"),
            Decision::Done => f.write_str("done"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Problem Details
// ---------------------------------------------------------------------------------------------

/// An RFC 9457 Problem Details document (media type [`PROBLEM_JSON`]) describing a vendor
/// error, for a service that relays vendor errors to its own clients.
///
/// | member | from a [`ParsedError`] | from a [`Classified`] response |
/// |---|---|---|
/// | `type` | `urn:chat-error-codes:<table>:<code>`, the catalog entry's code (see [`problem_type`]); an unrecognized code `urn:chat-error-codes:<table>:unrecognized:<code>`, a JavaScript error `...:<table>:runtime:<name>` | the payload's; without one `urn:chat-error-codes:http:<status>` |
/// | `title` | the catalog's message, else the canonical class | the same; without a payload the canonical class |
/// | `status` | the status that came with the payload, else the canonical class's | the status as sent |
/// | `detail` | the vendor's message | the same |
/// | `instance` | set with [`with_instance`](Self::with_instance) | the same |
/// | `vendor`, `table` | the payload's | the same; without a payload the table the caller named |
/// | `code` | the code exactly as sent (string or integer) | the same |
/// | `canonical`, `recovery` | the payload's class and advice | the response's |
/// | `retry_after` | absent | the delay the headers ask for, in whole seconds rounded up |
///
/// In a type URI every byte outside RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`) is
/// percent-encoded, so Agora's `Request Entity Too Large` is `Request%20Entity%20Too%20Large`. Members it does not
/// know (another producer's extensions) are kept in [`extensions`](Self::extensions), so a
/// document parses back and serializes again without loss.
///
/// ```
/// use chat_error_codes::{Canonical, payload, response::ProblemDetails};
///
/// let body = r#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"The UID cometchat-uid-7 does not exist."}}"#;
/// let problem = ProblemDetails::from_parsed(&payload::parse(body).unwrap()).with_instance("/v3/users/cometchat-uid-7");
/// assert_eq!(problem.type_uri, "urn:chat-error-codes:cometchat_rest:ERR_UID_NOT_FOUND");
/// assert_eq!(problem.status, Some(404));
/// assert_eq!(problem.detail.as_deref(), Some("The UID cometchat-uid-7 does not exist."));
/// assert_eq!(problem.canonical, Some(Canonical::NotFound));
///
/// let json = problem.to_json();
/// assert!(json.starts_with(r#"{"type":"urn:chat-error-codes:cometchat_rest:ERR_UID_NOT_FOUND","title":"#));
/// assert_eq!(serde_json::from_str::<ProblemDetails>(&json).unwrap(), problem);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemDetails {
    /// `type`: a URI that identifies the problem type (`about:blank` when a document has none).
    #[serde(rename = "type", default = "about_blank")]
    pub type_uri: String,
    /// `title`: a short summary of the problem type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `status`: the HTTP status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// `detail`: this occurrence, in the vendor's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// `instance`: a URI of this occurrence, when the relaying service gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// Extension `vendor`: `"CometChat"`, `"Agora"`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<Vendor>,
    /// Extension `table`: `"cometchat_rest"`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
    /// Extension `code`: the vendor's code exactly as sent, a string or an integer.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "owned_code"
    )]
    pub code: Option<RawCode<'static>>,
    /// Extension `canonical`: the class, e.g. `"NotFound"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<Canonical>,
    /// Extension `recovery`: the advice, e.g. `"DoNotRetry"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery: Option<Recovery>,
    /// Extension `retry_after`: seconds to wait before repeating the call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// Any other members, kept as received.
    #[serde(flatten)]
    pub extensions: serde_json::Map<String, serde_json::Value>,
}

fn about_blank() -> String {
    String::from("about:blank")
}

fn owned_code<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<RawCode<'static>>, D::Error> {
    Ok(Option::<RawCode<'de>>::deserialize(d)?.map(RawCode::into_owned))
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
            extensions: serde_json::Map::new(),
        }
    }
}

impl ProblemDetails {
    /// The document for a parsed vendor payload (see the table above).
    pub fn from_parsed(p: &ParsedError<'_>) -> Self {
        let table = p.table();
        let canonical = p.canonical();
        ProblemDetails {
            type_uri: problem_type(p.resolution()),
            title: Some(String::from(
                p.resolution()
                    .catalog_message()
                    .unwrap_or(canonical.as_str()),
            )),
            status: Some(p.status().unwrap_or(canonical.http_status())),
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

    /// The document as `application/problem+json` text.
    pub fn to_json(&self) -> String {
        // Serializing this type cannot fail (string keys, no floats of its own; the extensions
        // are JSON values already); the fallback only keeps the signature total.
        serde_json::to_string(self).unwrap_or_else(|_| String::from(r#"{"type":"about:blank"}"#))
    }
}

impl From<&ParsedError<'_>> for ProblemDetails {
    /// [`ProblemDetails::from_parsed`].
    fn from(p: &ParsedError<'_>) -> Self {
        ProblemDetails::from_parsed(p)
    }
}

/// The problem type URI of a resolved code: `urn:chat-error-codes:<table>:<code>` with the
/// catalog entry's code (a pattern code: the pattern's, a code in a documented range: the code),
/// `urn:chat-error-codes:<table>:unrecognized:<code>` for a code the table does not cover, and
/// `urn:chat-error-codes:<table>:runtime:<name>` for a JavaScript error an SDK let through.
/// Agora REST entries, keyed by HTTP status and `error` string, put the status first:
/// `urn:chat-error-codes:agora_rest:500:web_application`, `...:agora_rest:405` for a status
/// listed without a string. Bytes of a code outside RFC 3986's unreserved characters are
/// percent-encoded. Stable: a code keeps its
/// URI from release to release, and no two entries share one.
///
/// ```
/// use chat_error_codes::{Table, agora::rest::ChatError, resolve, response::problem_type};
/// assert_eq!(problem_type(&resolve(Table::AgoraChat, "605")), "urn:chat-error-codes:agora_chat:605");
/// assert_eq!(
///     problem_type(&resolve(Table::CometChatRest, "ERR_NEW/2030")),
///     "urn:chat-error-codes:cometchat_rest:unrecognized:ERR_NEW%2F2030"
/// );
/// let r = chat_error_codes::Resolution::Known(ChatError::WebApplication500.into());
/// assert_eq!(problem_type(&r), "urn:chat-error-codes:agora_rest:500:web_application");
/// ```
pub fn problem_type(r: &Resolution<'_>) -> String {
    let mut uri = String::from(TYPE_PREFIX);
    uri.push_str(r.table().as_str());
    uri.push(':');
    match r {
        Resolution::Known(e) | Resolution::Pattern { error: e, .. } => {
            let code = alloc::format!("{}", e.code());
            // Agora REST entries are keyed by status and `error` string (`web_application` is
            // listed under 415 and 500): the status comes first, alone for a status listed
            // without a string.
            match e.vendor_status().filter(|_| r.table() == Table::AgoraRest) {
                Some(status) if code == alloc::format!("{status}") => uri.push_str(&code),
                Some(status) => {
                    uri.push_str(&alloc::format!("{status}:"));
                    percent_encode(&code, &mut uri);
                }
                None => percent_encode(&code, &mut uri),
            }
        }
        Resolution::Range { code, .. } => {
            percent_encode(&alloc::format!("{code}"), &mut uri);
        }
        Resolution::Runtime(e) => {
            uri.push_str("runtime:");
            percent_encode(e.name(), &mut uri);
        }
        Resolution::Unrecognized(u) => {
            uri.push_str("unrecognized:");
            percent_encode(&alloc::format!("{}", u.code()), &mut uri);
        }
    }
    uri
}

/// Appends `s` with every byte outside RFC 3986's unreserved set percent-encoded.
fn percent_encode(s: &str, out: &mut String) {
    use core::fmt::Write;
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{b:02X}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The `http` crate
// ---------------------------------------------------------------------------------------------

/// [`classify`] for the `http` crate's status and headers (feature `http`), as reqwest's
/// `Response::status()` and `headers()` give them.
///
/// ```
/// use chat_error_codes::{Canonical, Table, response::{self, Decision}};
/// use http::{HeaderMap, HeaderValue, StatusCode};
///
/// let mut headers = HeaderMap::new();
/// headers.insert("retry-after", HeaderValue::from_static("30"));
/// let body = br#"{"error":"reach_limit","exception":"x","timestamp":1,"duration":0,"error_description":"This request has reached API limit."}"#;
/// let r = response::from_status(Some(Table::AgoraRest), StatusCode::TOO_MANY_REQUESTS, &headers, body);
/// assert_eq!(r.canonical(), Canonical::ResourceExhausted);
/// assert_eq!(r.decision(), Decision::RetryAfter(std::time::Duration::from_secs(30)));
/// ```
#[cfg(feature = "http")]
pub fn from_status<'a>(
    table: Option<Table>,
    status: http::StatusCode,
    headers: &http::HeaderMap,
    body: &'a [u8],
) -> Classified<'a> {
    classify(
        table,
        status.as_u16(),
        headers.iter().map(|(n, v)| (n.as_str(), v.as_bytes())),
        body,
    )
}

/// [`classify`] for the head of an `http::Response` (feature `http`), as hyper and axum give it
/// with `Response::into_parts`.
#[cfg(feature = "http")]
pub fn from_parts<'a>(
    table: Option<Table>,
    parts: &http::response::Parts,
    body: &'a [u8],
) -> Classified<'a> {
    from_status(table, parts.status, &parts.headers, body)
}

/// [`classify`] for a whole `http::Response` whose body is bytes already (feature `http`).
#[cfg(feature = "http")]
pub fn from_response<B: AsRef<[u8]>>(
    table: Option<Table>,
    response: &http::Response<B>,
) -> Classified<'_> {
    from_status(
        table,
        response.status(),
        response.headers(),
        response.body().as_ref(),
    )
}

#[cfg(feature = "http")]
impl ProblemDetails {
    /// The document as an HTTP response (feature `http`): its `status` (500 if absent or not a
    /// valid status), `Content-Type: application/problem+json`, `Retry-After` when
    /// `retry_after` is set, and the JSON body. axum returns it as is.
    ///
    /// ```
    /// use chat_error_codes::response::{PROBLEM_JSON, ProblemDetails};
    /// let problem = ProblemDetails { status: Some(429), ..ProblemDetails::default() };
    /// let r = problem.to_http_response();
    /// assert_eq!(r.status(), http::StatusCode::TOO_MANY_REQUESTS);
    /// assert_eq!(r.headers()[http::header::CONTENT_TYPE], PROBLEM_JSON);
    /// assert_eq!(r.body(), r#"{"type":"about:blank","status":429}"#);
    /// assert!(r.headers().get(http::header::RETRY_AFTER).is_none());
    /// let r = ProblemDetails { retry_after: Some(15), ..problem }.to_http_response();
    /// assert_eq!(r.headers()[http::header::RETRY_AFTER], "15");
    /// ```
    pub fn to_http_response(&self) -> http::Response<String> {
        let status = self
            .status
            .and_then(|s| http::StatusCode::from_u16(s).ok())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = http::Response::new(self.to_json());
        *response.status_mut() = status;
        let headers = response.headers_mut();
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static(PROBLEM_JSON),
        );
        if let Some(secs) = self.retry_after {
            headers.insert(http::header::RETRY_AFTER, http::HeaderValue::from(secs));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imf_fixdate_matches_known_dates() {
        assert_eq!(parse_imf_fixdate("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(
            parse_imf_fixdate("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777)
        );
        assert_eq!(
            parse_imf_fixdate("Tue, 29 Feb 2000 12:00:00 GMT"),
            Some(951_825_600)
        );
        // Wrong day name, bad day, lower-case month, missing GMT, RFC 850, asctime.
        for bad in [
            "Mon, 06 Nov 1994 08:49:37 GMT",
            "Tue, 29 Feb 1900 12:00:00 GMT",
            "Sun, 06 nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "",
        ] {
            assert_eq!(parse_imf_fixdate(bad), None, "{bad}");
        }
    }

    #[test]
    fn seconds_with_fractions() {
        assert_eq!(parse_seconds("15"), Some(Duration::from_secs(15)));
        assert_eq!(
            parse_seconds("0.069786548614502"),
            Some(Duration::from_nanos(69_786_549))
        );
        assert_eq!(parse_seconds("1.5"), Some(Duration::from_millis(1500)));
        for bad in ["", ".5", "1.", "-1", "1e3", "+1", "1.2.3", " 1"] {
            assert_eq!(parse_seconds(bad), None, "{bad}");
        }
    }
}
