//! [`classify`]: a status, headers and body in, a [`Classified`] response out.

use alloc::string::String;
use core::time::Duration;

use crate::payload::{self, ParsedError, PayloadError};
use crate::{Canonical, Recovery, Resolution, Table};

use super::problem::title_for;
use super::types::keyed_by_status;
use super::*;

/// Classifies an HTTP response from its status, headers and body. It never fails: a body that
/// is neither a vendor payload nor a Problem Details document is classified from the status
/// alone ([`Canonical::from_http_status`]) and kept as an [`Excerpt`].
///
/// A body whose `Content-Type` is [`PROBLEM_JSON`] is read as Problem Details first. Otherwise
/// it is parsed with the parser of `table` when the caller names the API it called
/// ([`payload::parse_for`], with `status`); when no table is named, the table has no parser
/// of its own (`agora_native`), or its parser refuses the body (a gateway in front of the API
/// answered), the shape is detected with [`payload::parse`], and a detected body of a table
/// keyed by status (Agora REST) is resolved again with the status. A body that no parser takes,
/// or in which the parsers find no vendor code, is read as Problem Details when it is a
/// document ([`ProblemDetails::from_json`]).
///
/// A response that shows the vendor's API was not reached, or that its answer was cut off, is
/// `Unavailable` (retry with backoff) whatever its status and body say: a 2xx whose body is a
/// page (`text/html`, or markup where JSON was due: a captive portal or a proxy's login page,
/// never a success), a redirect (301, 302, 303, 307, 308: an API answers errors, not
/// redirects), or a body shorter than its `Content-Length` when no content or transfer coding
/// was declared, or a 2xx declared as JSON whose body is not JSON. A 2xx whose body carries no
/// vendor code (the resource itself) is `Ok`.
///
/// `headers` are `(name, value)` pairs, as any HTTP library can give them; see
/// [`from_status`] and [`from_parts`] for the `http` crate's types.
///
/// ```
/// use chat_error_codes::{Canonical, ErrorInfo, Table, response::{self, UnixTime}};
/// // This crate's own output, relayed: it resolves back to its entry.
/// let body = br#"{"type":"urn:chat-error-codes:cometchat_rest:ERR_TOO_MANY_REQUESTS","status":429,"detail":"Slow down.","vendor":"CometChat","table":"cometchat_rest","code":"ERR_TOO_MANY_REQUESTS"}"#;
/// let r = response::classify(Some(Table::CometChatRest), 429, [], body);
/// let problem = r.received_problem().unwrap();
/// assert_eq!(problem.entry().unwrap().name(), "ERR_TOO_MANY_REQUESTS");
/// assert_eq!(r.canonical(), Canonical::ResourceExhausted);
/// assert_eq!(r.problem(UnixTime::now()).detail.as_deref(), Some("Slow down."));
/// // A gateway's document: classified from the status.
/// let r = response::classify(None, 404, [("Content-Type", &b"application/problem+json"[..])],
///     br#"{"type":"about:blank","status":404,"title":"Not Found"}"#);
/// assert_eq!(r.canonical(), Canonical::NotFound);
/// assert_eq!(r.problem(UnixTime::now()).title.as_deref(), Some("Not Found"));
/// ```
pub fn classify<'a, 'h>(
    table: Option<Table>,
    status: u16,
    headers: impl IntoIterator<Item = (&'h str, &'h [u8])>,
    body: &'a [u8],
) -> Classified<'a> {
    let mut framing = Framing::default();
    let hints = RetryHints::from_headers(
        headers
            .into_iter()
            .inspect(|&(name, value)| framing.read(name.trim(), value)),
    );
    let raw = body;
    let body = parse_body(table, status, framing.problem_json, raw);
    let not_reached = framing.api_not_reached(status, raw, &body);
    let problem_resolution = match &body {
        Body::Problem(doc) => doc.resolution(),
        _ => None,
    };
    Classified {
        status,
        table,
        body,
        hints,
        limits: DelayLimits::DEFAULT,
        problem_resolution,
        not_reached,
    }
}

/// Whether a parsed body carries a vendor code: not when the parser kept the whole text for
/// want of one, nor when it read a `name` as a JavaScript error's (a resource's own `name`).
fn carries_code(p: &ParsedError<'_>) -> bool {
    let whole_text = p.code().as_str() == Some(p.raw().trim());
    !(whole_text || matches!(p.resolution(), Resolution::Runtime(_)))
}

/// What the headers say about how the body was framed and what it is.
#[derive(Default)]
struct Framing {
    /// `Content-Type` is `application/problem+json`.
    problem_json: bool,
    /// `Content-Type` is JSON (`application/json` or `+json`).
    json: bool,
    /// `Content-Type` is HTML or XML.
    markup: bool,
    /// `Content-Length`, when given once and readable.
    length: Option<usize>,
    /// `Content-Encoding` or `Transfer-Encoding` present: the body may have been decoded, so its
    /// length says nothing about the transfer.
    encoded: bool,
}

impl Framing {
    fn read(&mut self, name: &str, value: &[u8]) {
        if name.eq_ignore_ascii_case("content-type") {
            // The media type, parameters and case aside.
            let media = value
                .split(|&b| b == b';')
                .next()
                .unwrap_or_default()
                .trim_ascii();
            let is = |m: &str| media.eq_ignore_ascii_case(m.as_bytes());
            self.problem_json |= is(PROBLEM_JSON);
            self.json |= is("application/json")
                || media
                    .len()
                    .checked_sub(5)
                    .and_then(|i| media.get(i..))
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(b"+json"));
            self.markup |= ["text/html", "application/xhtml+xml", "text/xml"]
                .into_iter()
                .any(is);
        } else if name.eq_ignore_ascii_case("content-length") {
            self.length = core::str::from_utf8(value)
                .ok()
                .and_then(|v| v.trim().parse().ok());
        } else if name.eq_ignore_ascii_case("content-encoding")
            || name.eq_ignore_ascii_case("transfer-encoding")
        {
            self.encoded = true;
        }
    }

    /// Whether the response shows that the vendor's API was not reached, or its answer did not
    /// arrive whole: a page where a JSON API answers 2xx (a captive portal or a proxy's login
    /// page), a redirect (an API answers errors, not redirects: a portal or a moved endpoint),
    /// a body shorter than its `Content-Length` (the connection dropped mid-transfer), or a
    /// success declared as JSON whose body is not JSON (cut off by a proxy).
    fn api_not_reached(&self, status: u16, raw: &[u8], body: &Body<'_>) -> bool {
        let success = matches!(status, 200..=299);
        let page = self.markup || raw.trim_ascii_start().first() == Some(&b'<');
        let truncated = !self.encoded && self.length.is_some_and(|n| raw.len() < n);
        let broken = matches!(
            body,
            Body::Unparsed {
                error: Some(PayloadError::Json { .. }),
                ..
            }
        );
        success && (page || self.json && broken)
            || matches!(status, 301..=303 | 307 | 308)
            || truncated
    }
}

fn parse_body(table: Option<Table>, status: u16, problem_json: bool, body: &[u8]) -> Body<'_> {
    let unparsed = |error| Body::Unparsed {
        excerpt: Excerpt::new(body),
        error,
    };
    let text = match core::str::from_utf8(body) {
        Ok(text) if !text.trim().is_empty() => text,
        _ => return unparsed(None),
    };
    if problem_json {
        if let Some(doc) = ProblemDetails::from_json(text) {
            return Body::Problem(doc);
        }
    }
    match parse_vendor(table, status, text) {
        Ok(p) if has_vendor_code(&p, text) => Body::Parsed(p),
        Ok(p) => ProblemDetails::from_json(text).map_or(Body::Parsed(p), Body::Problem),
        Err(e) => ProblemDetails::from_json(text).map_or_else(|| unparsed(Some(e)), Body::Problem),
    }
}

/// The named table's parser, else detection (see [`classify`]).
fn parse_vendor(
    table: Option<Table>,
    status: u16,
    text: &str,
) -> Result<ParsedError<'_>, PayloadError> {
    let named = table.and_then(|t| parse_as(t, status, text));
    match named {
        Some(Ok(p)) => Ok(p),
        named => match payload::parse(text) {
            Ok(p) if keyed_by_status(p.table()) => {
                parse_as(p.table(), status, text).unwrap_or(Ok(p))
            }
            Ok(p) => Ok(p),
            // Neither fits: the named parser's error says more than detection's.
            Err(detected) => Err(named.and_then(Result::err).unwrap_or(detected)),
        },
    }
}

/// Whether a parser found a vendor code in the body: not when it kept the whole text for want
/// of one, nor when the code is one no entry of an integer table covers (a Problem Details
/// `type`, a URI or a number of another producer's, taken for an Agora `type`). Asked only of
/// a body that is also a Problem Details document.
fn has_vendor_code(p: &ParsedError<'_>, text: &str) -> bool {
    let whole_text = p.code().as_str() == Some(text.trim());
    let unknown_number = p.table().has_integer_codes() && p.resolution().is_unrecognized();
    !(whole_text || unknown_number)
}

/// The table's own parser ([`payload::parse_for`]), if it has one.
fn parse_as(
    table: Table,
    status: u16,
    text: &str,
) -> Option<Result<ParsedError<'_>, PayloadError>> {
    match payload::parse_for(table, text, Some(status)) {
        Err(PayloadError::NoParser { .. }) => None,
        other => Some(other),
    }
}

/// A classified HTTP response: the status as sent, the body (a parsed vendor payload or an
/// excerpt) and the retry hints, and from them the class, the advice, the [`Decision`] and the
/// [`ProblemDetails`] to relay. Made by [`classify`] (or [`from_status`], [`from_parts`],
/// [`from_response`] with feature `http`).
///
/// ```
/// use std::time::Duration;
/// use chat_error_codes::{ErrorInfo, Recovery, Table, response::{self, Decision, UnixTime}};
///
/// // Stream: a 429 whose only hint is the reset time.
/// let body = br#"{"code":9,"message":"Too many requests","StatusCode":429,"duration":"0.01ms"}"#;
/// let headers = [("X-RateLimit-Reset", &b"1700000060"[..]), ("X-RateLimit-Remaining", b"0")];
/// let r = response::classify(Some(Table::StreamChat), 429, headers, body);
/// let now = Duration::from_secs(1_700_000_000);
/// assert_eq!(r.payload().unwrap().resolution().entry().unwrap().name(), "RateLimitError");
/// assert_eq!(r.recovery(), Recovery::RetryWithBackoff);
/// assert_eq!(r.decision(UnixTime(now)), Decision::RetryAfter(Duration::from_secs(60)));
/// ```
#[derive(Debug)]
pub struct Classified<'a> {
    status: u16,
    table: Option<Table>,
    body: Body<'a>,
    hints: RetryHints,
    limits: DelayLimits,
    /// What a Problem Details body resolves to (read once).
    problem_resolution: Option<Resolution<'static>>,
    /// The response shows the API was not reached or its answer was cut off (see `Framing`).
    not_reached: bool,
}

impl<'a> Classified<'a> {
    /// The HTTP status as sent.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The table of the parsed payload (or of a Problem Details body that names one), else the
    /// one the caller named.
    pub fn table(&self) -> Option<Table> {
        self.payload()
            .map(ParsedError::table)
            .or(self.problem_resolution.as_ref().map(Resolution::table))
            .or(self.table)
    }

    /// Keeps every delay within `limits` instead of [`DelayLimits::DEFAULT`].
    ///
    /// ```
    /// use std::time::Duration;
    /// use chat_error_codes::response::{self, Decision, DelayLimits, UnixTime};
    /// let limits = DelayLimits { min: Duration::from_secs(2), max: Duration::from_secs(600) };
    /// let r = response::classify(None, 429, [("Retry-After", &b"86400"[..])], b"").with_delay_limits(limits);
    /// assert_eq!(r.decision(UnixTime::now()), Decision::RetryAfter(Duration::from_secs(600)));
    /// ```
    pub fn with_delay_limits(mut self, limits: DelayLimits) -> Self {
        self.limits = limits;
        self
    }

    /// The bounds of every delay this response answers.
    pub fn delay_limits(&self) -> DelayLimits {
        self.limits
    }

    /// The Problem Details document the body was, if it was one.
    pub fn received_problem(&self) -> Option<&ProblemDetails> {
        match &self.body {
            Body::Problem(p) => Some(p),
            _ => None,
        }
    }

    /// What the body turned out to be.
    pub fn body(&self) -> &Body<'a> {
        &self.body
    }

    /// The vendor payload, if the body was one.
    pub fn payload(&self) -> Option<&ParsedError<'a>> {
        match &self.body {
            Body::Parsed(p) => Some(p),
            _ => None,
        }
    }

    /// The first bytes of a body that was no vendor payload.
    pub fn excerpt(&self) -> Option<&Excerpt<'a>> {
        match &self.body {
            Body::Unparsed { excerpt, .. } => Some(excerpt),
            _ => None,
        }
    }

    /// The retry hints of the headers.
    pub fn hints(&self) -> &RetryHints {
        &self.hints
    }

    /// The class and advice: the payload's (or the entry's a Problem Details body resolves
    /// to), unless its code is unrecognized (class `Unknown`); then the status's, so that an
    /// unknown code in a 404 is `NotFound`. An error payload or a Problem Details body is never
    /// `Ok`, whatever the status.
    fn class(&self) -> (Canonical, Recovery) {
        if self.not_reached {
            return (Canonical::Unavailable, Recovery::RetryWithBackoff);
        }
        let by_status = Canonical::from_http_status(self.status);
        let unknown = (Canonical::Unknown, Canonical::Unknown.recovery());
        let own = match &self.body {
            // A success whose body carries no error code (the resource itself) is a success.
            Body::Parsed(p) if by_status == Canonical::Ok && !carries_code(p) => None,
            Body::Parsed(p) => Some((p.canonical(), p.recovery())),
            Body::Problem(_) => Some(
                self.problem_resolution
                    .as_ref()
                    .map_or(unknown, |r| (r.canonical(), r.recovery())),
            ),
            // A batch reply that failed for some items is neither a success nor one error: never
            // `Ok`, whatever the status (Tencent answers 200); read each item with
            // `payload::parse_tencent_rest`.
            Body::Unparsed {
                error: Some(PayloadError::PartialFailure { .. }),
                ..
            } => Some(unknown),
            _ => None,
        };
        match own {
            Some(own) if own.0 != Canonical::Unknown || by_status == Canonical::Ok => own,
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

    /// Whether the response says the caller is rate limited: a 429, or no request left (see
    /// [`RetryHints::is_rate_limited`]).
    pub fn is_rate_limited(&self) -> bool {
        self.hints.is_rate_limited(self.status)
    }

    /// The delay the headers ask for at `now`: `Retry-After` (seconds, or the time until its
    /// date), else Sendbird's `X-RateLimit-RetryAfter`, else, for a rate-limited response, the
    /// time until the window resets (`X-Rate-Limit-Reset`, `X-RateLimit-Reset`); a time is
    /// measured against the response's `Date` when it has one. Within the
    /// [`delay_limits`](Self::delay_limits): a time already past is the minimum (1 s by
    /// default), never zero. See [`RetryHints::delay`].
    pub fn retry_after(&self, now: impl Into<UnixTime>) -> Option<Duration> {
        self.hints.delay(now, self.status, self.limits)
    }

    /// The decision at `now` (`SystemTime::now()`, [`UnixTime::now`]), by
    /// [`Decision::decide`].
    pub fn decision(&self, now: impl Into<UnixTime>) -> Decision {
        Decision::decide(self.recovery(), self.status, self.retry_after(now))
    }

    /// The Problem Details document to relay, its `retry_after` counted from `now`; see
    /// [`ProblemDetails`] for the mapping.
    pub fn problem(&self, now: impl Into<UnixTime>) -> ProblemDetails {
        let (canonical, recovery) = self.class();
        let mut problem = match &self.body {
            Body::Parsed(p) => ProblemDetails::from_parsed(p),
            Body::Problem(doc) => self.relayed(doc),
            _ => {
                let table = self.table;
                let title = title_for(None, ABOUT_BLANK, self.status, canonical);
                ProblemDetails {
                    title: Some(String::from(title)),
                    vendor: table.map(Table::vendor),
                    table,
                    ..ProblemDetails::default()
                }
            }
        };
        problem.status = Some(self.status);
        problem.canonical = Some(canonical);
        problem.recovery = Some(recovery);
        problem.retry_after = self.retry_after(now).map(whole_seconds_up);
        problem
    }

    /// A Problem Details body to relay: as received, with the type of the entry it resolves to
    /// (in this version's form); an old `urn:` type without an entry becomes `about:blank`.
    fn relayed(&self, doc: &ProblemDetails) -> ProblemDetails {
        let mut p = doc.clone();
        match &self.problem_resolution {
            Some(r) if r.entry().is_some() => p.type_uri = problem_type(r),
            _ if p.type_uri.starts_with(LEGACY_TYPE_PREFIX) => {
                p.type_uri = String::from(ABOUT_BLANK);
            }
            _ => {}
        }
        p
    }
}

/// Whole seconds, rounded up (a client told to wait 0.2 s waits 1 s, never 0).
fn whole_seconds_up(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}
