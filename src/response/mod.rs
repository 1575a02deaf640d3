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
//! use chat_error_codes::{Canonical, Table, response::{self, Decision, UnixTime}};
//!
//! let body = br#"{"error":{"code":"ERR_TOO_MANY_REQUESTS","message":"Too many requests."}}"#;
//! let headers = [("Retry-After", &b"15"[..]), ("X-Rate-Limit-Reset", b"1625143246")];
//! let r = response::classify(Some(Table::CometChatRest), 429, headers, body);
//! assert_eq!(r.canonical(), Canonical::ResourceExhausted);
//! assert_eq!(r.decision(UnixTime::now()), Decision::RetryAfter(Duration::from_secs(15)));
//!
//! // A load balancer's page is still classified, from the status alone.
//! let r = response::classify(None, 502, [], b"<html><body>502 Bad Gateway</body></html>");
//! assert_eq!(r.canonical(), Canonical::Unavailable);
//! assert_eq!(r.decision(UnixTime::now()), Decision::RetryWithBackoff);
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
//! Several APIs send `X-RateLimit-Reset` as a Unix time in milliseconds: a reset value from
//! 1,000,000,000,000 on (2001 in milliseconds, the year 33658 in seconds) is read so.
//!
//! Header names are compared without regard to case. A value that is malformed (not a number,
//! not an HTTP-date, not UTF-8) is ignored, as if the header were absent; the first well-formed
//! value of a repeated header wins. A list such as `300, 300` (Stream's SDKs handle it) counts by
//! its first item. A number too large for 64 bits is the largest value, and every delay is kept
//! within [`DelayLimits`] (1 second to 1 hour unless the caller sets others). Times are measured
//! against the response's `Date` header when it has one.
//!
//! # Problem Details in
//!
//! A body is read as an RFC 9457 [`ProblemDetails`] document ([`Body::Problem`]) when the
//! response's `Content-Type` is [`PROBLEM_JSON`], or when it is a JSON object with a standard
//! member of the right type and no vendor parser finds a vendor code in it (an Agora `type` that
//! is a URI, not a number, is no code). A document this crate wrote resolves back to its entry
//! ([`ProblemDetails::entry`]); any other is classified from the status and keeps its title and
//! detail.

mod body;
mod classify;
mod decision;
mod hints;
#[cfg(feature = "http")]
mod http_types;
mod problem;
mod types;

pub use body::{Body, Excerpt};
pub use classify::{Classified, classify};
pub use decision::Decision;
pub use hints::{DelayLimits, RetryHints, UnixTime, Wait};
#[cfg(feature = "http")]
pub use http_types::{from_parts, from_response, from_status};
pub use problem::ProblemDetails;
pub use types::{DOCS_BASE, LEGACY_TYPE_PREFIX, problem_type, problem_type_with_base};

/// The most bytes of a body that is no vendor payload that a [`Classified`] keeps (an
/// [`Excerpt`]), for the logs.
pub const MAX_EXCERPT_BYTES: usize = 256;

/// The media type of a Problem Details document (RFC 9457, section 3).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The problem type of a document that names none, and of a problem no catalog entry covers
/// (RFC 9457, section 4.2.1).
pub const ABOUT_BLANK: &str = "about:blank";
