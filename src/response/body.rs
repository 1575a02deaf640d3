//! The body of a response: a vendor payload, a Problem Details document, or an excerpt of what
//! else came.

use alloc::borrow::Cow;
use alloc::string::String;

use crate::payload::{ParsedError, PayloadError};

use super::*;

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
    /// An RFC 9457 Problem Details document (a relayed error, a gateway's answer), read
    /// leniently: see [`ProblemDetails`] and the [module documentation](super#problem-details-in).
    Problem(ProblemDetails),
    /// Anything else: its first bytes, and why it is no vendor payload (`None` for an empty or
    /// non-UTF-8 body).
    Unparsed {
        /// The first bytes, for the logs.
        excerpt: Excerpt<'a>,
        /// The parser's error, for a UTF-8 body that is not a vendor payload.
        error: Option<PayloadError>,
    },
}
