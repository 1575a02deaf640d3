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
//! # The decision, clocks and bounds
//!
//! **The decision** comes from the class's `Recovery` advice and the delay the headers ask for:
//!
//! | recovery | without a delay hint | with a delay hint |
//! |---|---|---|
//! | `RetryWithBackoff`, `WaitForCompletion` | `RetryWithBackoff` | `RetryAfter(delay)` |
//! | `Reconnect` | `Reconnect` | `Reconnect` |
//! | `Reauthenticate` | `Reauthenticate` | `Reauthenticate` |
//! | `FixRequest`, `FixPrecondition` | `FixRequest` | `FixRequest` |
//! | `UpgradePlan`, `ContactVendor`, `DoNotRetry` | `GiveUp` | `GiveUp` |
//! | `NoAction` (a 2xx status without an error payload) | `Done` | `Done` |
//!
//! First rule: a **429 with a delay hint is `RetryAfter(delay)`** whatever the advice, unless it is
//! `Reauthenticate`. A delay hint is `Retry-After` (delta-seconds, or an HTTP-date in any of the
//! three forms RFC 9110 section 5.6.7 requires recipients to accept: IMF-fixdate
//! `Sun, 06 Nov 1994 08:49:37 GMT`, RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT`, asctime
//! `Sun Nov  6 08:49:37 1994`; read with the `httpdate` crate, so with feature `std`), else
//! Sendbird's `X-RateLimit-RetryAfter`, else, on a rate-limited response (a 429, or no request
//! remaining; decided in one place, `RetryHints::is_rate_limited`), the time until the window
//! resets. `decision()` counts from the system clock, `decision_at(now)` from yours;
//! `retry_after(now)` gives the delay alone.
//!
//! **Clocks and bounds.** A point in time (a reset, an HTTP-date) is measured against the
//! response's own `Date` header when it has one (RFC 9110 section 6.6.1), so a response replayed
//! from a log, or a client whose clock is off, still gets the wait the vendor meant; without `Date`
//! the local clock counts. Every delay is then kept within `DelayLimits` (default: 1 second to 1
//! hour; `Classified::with_delay_limits` sets others):
//!
//! | the headers say | the delay |
//! |---|---|
//! | a wait longer than the maximum (`Retry-After: 18446744073709551615`, a reset years ahead, a digit string too long for 64 bits) | the maximum, 1 hour |
//! | a wait of zero, or a time already past (`Retry-After: 0`, a stale reset, a clock running ahead) | the minimum, 1 second (on any response): a rate-limited call is never retried at once |
//! | anything between (Sendbird's `0.07` s included) | as said |
//!
//! The relayed `retry_after` (and the `Retry-After` header of `to_http_response`) is the bounded
//! delay in whole seconds, rounded up: nothing out of range is relayed.
//!
//! The class is the payload's; a code the catalog does not know takes the status's class
//! (`Canonical::from_http_status`: 400 `InvalidArgument`, 401 `Unauthenticated`, 403
//! `PermissionDenied`, 404 `NotFound`, 409 `Aborted`, 429 `ResourceExhausted`, 499 `Cancelled`, 500
//! `Internal`, 501 `Unimplemented`, 502/503 `Unavailable`, 504 `DeadlineExceeded`; other 4xx
//! `InvalidArgument`, other 5xx `Unavailable`; its rustdoc has the whole table and the reasons).
//!
//! **Problem Details** (RFC 9457; `response::PROBLEM_JSON` is the media type), from a classified
//! response or a parsed payload:
//!
//! | member | value |
//! |---|---|
//! | `type` | the rustdoc page of the catalog entry's variant for this version on docs.rs (`https://docs.rs/chat-error-codes/<version>/chat_error_codes/cometchat/rest/enum.ChatError.html#variant.ErrUidNotFound`: a URI a person can open, as RFC 9457 section 3.1.1 prefers); with `with_type_base(base)` a service's own pages, `<base><table>/<code>` (Agora REST `<base>agora_rest/<status>/<error>`); `about:blank` where no entry applies (an unknown code, a documented range, a JavaScript error, a body that is no payload) |
//! | `title` | the catalog's message; for `about:blank` the status's reason phrase (`Bad Gateway`) |
//! | `status` | the status as sent (a payload alone: the status it carried, else the class's) |
//! | `detail` | the vendor's message |
//! | `instance` | when given (`with_instance`) |
//! | `vendor`, `table`, `code` | the vendor, the table, the code exactly as sent (string or integer) |
//! | `canonical`, `recovery` | the class and the advice |
//! | `retry_after` | the delay the headers ask for, within the bounds above, in whole seconds rounded up |
//!
//! `ProblemDetails` is a serde type: it serializes as `application/problem+json` and with feature
//! `http` becomes an `http::Response` (`to_http_response`, with `Retry-After` when set).
//! `ProblemDetails::entry()` resolves a document back to its catalog entry through its `table` and
//! `code` extensions (with `status` for Agora REST), else through its `type`: the docs.rs form, or
//! the `urn:chat-error-codes:<table>:<code>` form earlier versions wrote (still read, never
//! written). `http-api-problem` 0.60 reads every document the crate writes and writes it back
//! unchanged (a test covers every entry, with both kinds of type). A reader that parses `type` as
//! an `http::Uri` (as `problem_details` does) now accepts the documents too, keeping the page but
//! dropping the `#variant.…` fragment, which `http::Uri` does not hold; the extensions still name
//! the entry, and `with_type_base` URIs have no fragment.
//!
//! **Problem Details in.** `classify` reads a body as Problem Details (`Body::Problem`,
//! `Classified::received_problem`) when the `Content-Type` is `application/problem+json`, or when
//! the body is a JSON object with a standard member of the right type (`type`, `title`, `detail`,
//! `instance` a string, `status` a status) and no vendor parser finds a vendor code in it (a code
//! that no entry of an integer table knows, such as a URI taken for an Agora `type`, is no code). So a document is never taken for a vendor
//! payload, whatever table the caller names. A document this crate wrote resolves back to its entry
//! and takes its class; any other is classified from the status and relayed with its own type,
//! title, detail, instance and extensions. Reading follows RFC 9457 section 3.1 and never fails on a
//! JSON object:
//!
//! | the document has | read as |
//! |---|---|
//! | a standard member of the wrong type (`"status":"404"`, `"type":null` or `42`, `"title":7`, `"instance":[...]`) | ignored, the value kept in `extensions` (and written back, except a `type`: the document's type is then `about:blank`, and is written so) |
//! | another producer's member that shares an extension name of this crate, with a value that is not one of its own (`"vendor":"acme"`, `"code":{...}`, `"canonical":"NOT_FOUND"`, `"table":"users"`) | kept in `extensions` as received |
//! | any other member | kept in `extensions` as received |
//!
//! Written back, the typed members come first and then every extension whose name no typed member
//! took, so a document reads and writes back member for member (a document without `type` gains
//! `"type":"about:blank"`).
//!
//! # Retry hints, read as the vendors document them
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
