//! Adapters for the `http` crate's types (feature `http`).

use alloc::string::String;

use crate::Table;

use super::*;

/// [`classify`] for the `http` crate's status and headers (feature `http`), as reqwest's
/// `Response::status()` and `headers()` give them.
///
/// ```
/// use chat_error_codes::{Canonical, Table, response::{self, Decision, UnixTime}};
/// use http::{HeaderMap, HeaderValue, StatusCode};
///
/// let mut headers = HeaderMap::new();
/// headers.insert("retry-after", HeaderValue::from_static("30"));
/// let body = br#"{"error":"reach_limit","exception":"x","timestamp":1,"duration":0,"error_description":"This request has reached API limit."}"#;
/// let r = response::from_status(Some(Table::AgoraRest), StatusCode::TOO_MANY_REQUESTS, &headers, body);
/// assert_eq!(r.canonical(), Canonical::ResourceExhausted);
/// assert_eq!(r.decision(UnixTime::now()), Decision::RetryAfter(std::time::Duration::from_secs(30)));
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
