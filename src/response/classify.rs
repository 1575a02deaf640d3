//! [`classify`]: a status, headers and body in, a [`Classified`] response out.

use alloc::string::String;
use core::time::Duration;

use crate::payload::{self, ParsedError, PayloadError, Shape};
use crate::{Canonical, Recovery, Table};

#[cfg(feature = "std")]
use super::hints::unix;
use super::*;

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
