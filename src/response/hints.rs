//! Retry hints: the rate-limit headers the vendors document, read leniently.

use core::time::Duration;

/// A reset value at or above this is a Unix time, below it a number of seconds from now.
const UNIX_TIME_FROM: u64 = 1_000_000_000;

/// A reset value at or above this is a Unix time in milliseconds (2001-09-09 in milliseconds;
/// as seconds, the year 33658).
const UNIX_MILLIS_FROM: u64 = 1_000_000_000_000;

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
    /// The delay left at `now`; zero for a time already past. This is the header's value alone:
    /// [`RetryHints::delay`] measures it against the response's `Date` and keeps it within
    /// [`DelayLimits`].
    ///
    /// ```
    /// use std::time::Duration;
    /// use chat_error_codes::response::{UnixTime, Wait};
    /// let now = UnixTime::from_secs(1_700_000_000);
    /// assert_eq!(Wait::Until(1_700_000_015).delay(now), Duration::from_secs(15));
    /// assert_eq!(Wait::Until(1_600_000_000).delay(now), Duration::ZERO);
    /// assert_eq!(Wait::Delay(Duration::from_secs(3)).delay(now), Duration::from_secs(3));
    /// ```
    pub fn delay(self, now: impl Into<UnixTime>) -> Duration {
        match self {
            Wait::Delay(d) => d,
            Wait::Until(t) => Duration::from_secs(t).saturating_sub(now.into().0),
        }
    }
}

/// A point in time as the time since the Unix epoch: the "now" every delay is measured from.
///
/// Every method that needs the time takes `impl Into<UnixTime>`, so a `std::time::SystemTime`
/// (feature `std`) or a `UnixTime` from the caller's own clock (`no_std`, tests) will do.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use chat_error_codes::response::UnixTime;
/// assert_eq!(UnixTime::from(SystemTime::UNIX_EPOCH), UnixTime(Duration::ZERO));
/// assert_eq!(UnixTime::from_secs(15).0, Duration::from_secs(15));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime(pub Duration);

impl UnixTime {
    /// `secs` seconds after the Unix epoch.
    pub const fn from_secs(secs: u64) -> Self {
        UnixTime(Duration::from_secs(secs))
    }

    /// The system clock's time (zero for a clock set before 1970).
    #[cfg(feature = "std")]
    pub fn now() -> Self {
        std::time::SystemTime::now().into()
    }
}

#[cfg(feature = "std")]
impl From<std::time::SystemTime> for UnixTime {
    /// The time since the Unix epoch (zero for a time before it).
    fn from(t: std::time::SystemTime) -> Self {
        UnixTime(
            t.duration_since(std::time::UNIX_EPOCH)
                .unwrap_or(Duration::ZERO),
        )
    }
}

/// Bounds on every delay a [`Classified`](super::Classified) response answers: a delay longer
/// than `max` is cut to `max` (a vendor's `Retry-After: 18446744073709551615`, a reset in Unix
/// milliseconds read as seconds), and a delay of zero (a reset or an HTTP-date already past, by
/// a clock that is off, or `Retry-After: 0`) becomes `min`, so that the answer to a rate-limited
/// call is never an immediate retry. Nothing out of these bounds is relayed either: the
/// `retry_after` of the [`ProblemDetails`](super::ProblemDetails) comes from the bounded delay.
///
/// [`DelayLimits::DEFAULT`]: at least 1 second, at most 1 hour. A caller with other needs sets
/// its own with [`Classified::with_delay_limits`](super::Classified::with_delay_limits).
///
/// ```
/// use std::time::Duration;
/// use chat_error_codes::response::DelayLimits;
/// let limits = DelayLimits::DEFAULT;
/// assert_eq!(limits.apply(Duration::ZERO), Duration::from_secs(1));
/// assert_eq!(limits.apply(Duration::from_millis(70)), Duration::from_millis(70));
/// assert_eq!(limits.apply(Duration::MAX), Duration::from_secs(3600));
/// let day = DelayLimits { min: Duration::from_secs(5), max: Duration::from_secs(86_400) };
/// assert_eq!(day.apply(Duration::from_secs(7_200)), Duration::from_secs(7_200));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DelayLimits {
    /// What a delay of zero becomes (a nonzero wait after a rate-limited answer).
    pub min: Duration,
    /// The longest delay answered; longer ones are cut to it.
    pub max: Duration,
}

impl DelayLimits {
    /// At least 1 second (for a delay of zero), at most 1 hour.
    pub const DEFAULT: DelayLimits = DelayLimits {
        min: Duration::from_secs(1),
        max: Duration::from_secs(3_600),
    };

    /// `delay` within the limits: zero becomes `min`, anything above `max` is `max` (`max` wins
    /// when `min` exceeds it).
    pub fn apply(self, delay: Duration) -> Duration {
        let delay = if delay.is_zero() { self.min } else { delay };
        delay.min(self.max)
    }
}

impl Default for DelayLimits {
    /// [`DelayLimits::DEFAULT`].
    fn default() -> Self {
        DelayLimits::DEFAULT
    }
}

/// What a response's headers say about retrying: `Retry-After` (RFC 9110) and the vendors'
/// rate-limit headers (see the [module documentation](super) for which vendor sends which, with
/// the pages that document them), and the response's `Date`, the clock the vendor's times are
/// measured against.
///
/// ```
/// use std::time::Duration;
/// use chat_error_codes::response::{DelayLimits, RetryHints, UnixTime, Wait};
///
/// let h = RetryHints::from_headers([
///     ("retry-after", &b"Sunday, 06-Nov-94 08:49:37 GMT"[..]), // RFC 850, still read
///     ("X-RateLimit-Limit", b"100;w=60"),
///     ("X-RATE-LIMIT-REMAINING", b"0"),
///     ("X-Rate-Limit-Reset", b"not a number"),
///     ("Date", b"Sun Nov  6 08:49:07 1994"), // asctime
/// ]);
/// assert_eq!(h.retry_after(), Some(Wait::Until(784111777)));
/// assert_eq!(h.date(), Some(784111747));
/// assert_eq!(h.limit(), Some(100));
/// assert_eq!(h.window(), Some(Duration::from_secs(60)));
/// assert_eq!(h.remaining(), Some(0));
/// assert_eq!(h.reset(), None); // malformed: ignored
/// // Measured against the response's own Date, whatever the local clock says.
/// let now = Duration::from_secs(1_700_000_000);
/// assert_eq!(h.delay(UnixTime(now), 429, DelayLimits::DEFAULT), Some(Duration::from_secs(30)));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RetryHints {
    retry_after: Option<Wait>,
    rate_limit_retry_after: Option<Duration>,
    limit: Option<u64>,
    window: Option<Duration>,
    remaining: Option<u64>,
    reset: Option<Wait>,
    date: Option<u64>,
}

/// The headers [`RetryHints`] reads, by lower-case name.
#[derive(Clone, Copy)]
enum Hint {
    RetryAfter,
    RateLimitRetryAfter,
    Limit,
    Remaining,
    Reset,
    Date,
}

impl Hint {
    fn of(name: &str) -> Option<Hint> {
        const NAMES: [(&str, Hint); 9] = [
            ("retry-after", Hint::RetryAfter),
            ("x-ratelimit-retryafter", Hint::RateLimitRetryAfter),
            ("x-rate-limit", Hint::Limit),
            ("x-ratelimit-limit", Hint::Limit),
            ("x-rate-limit-remaining", Hint::Remaining),
            ("x-ratelimit-remaining", Hint::Remaining),
            ("x-rate-limit-reset", Hint::Reset),
            ("x-ratelimit-reset", Hint::Reset),
            ("date", Hint::Date),
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
            hints.read(hint, value.trim());
        }
        hints
    }

    /// Reads one header's value, unless an earlier one was well formed.
    fn read(&mut self, hint: Hint, value: &str) {
        match hint {
            Hint::RetryAfter if self.retry_after.is_none() => {
                self.retry_after = parse_retry_after(value);
            }
            Hint::RateLimitRetryAfter if self.rate_limit_retry_after.is_none() => {
                self.rate_limit_retry_after = parse_seconds(first_item(value));
            }
            Hint::Limit if self.limit.is_none() => {
                let item = first_item(value);
                let (count, params) = item.split_once(';').unwrap_or((item, ""));
                self.limit = parse_integer(count.trim());
                if self.limit.is_some() {
                    self.window = parse_window(params);
                }
            }
            Hint::Remaining if self.remaining.is_none() => {
                self.remaining = parse_integer(first_item(value));
            }
            Hint::Reset if self.reset.is_none() => {
                self.reset = parse_reset(first_item(value));
            }
            Hint::Date if self.date.is_none() => self.date = parse_http_date(value),
            _ => {}
        }
    }

    /// `Retry-After`: delta-seconds or an HTTP-date (RFC 9110, section 10.2.3) in any of its
    /// three forms: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850
    /// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`), as section
    /// 5.6.7 requires of recipients (dates need feature `std`: they are read with the `httpdate`
    /// crate). Delta-seconds too large for 64 bits count as the largest value, which
    /// [`DelayLimits`] then cuts.
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
    /// seconds (CometChat, Stream) or milliseconds (values from 1,000,000,000,000 on, as several
    /// APIs send; rounded up to whole seconds), seconds from now for values below 1,000,000,000
    /// (Sendbird), or an HTTP-date.
    pub fn reset(&self) -> Option<Wait> {
        self.reset
    }

    /// The response's `Date` header (RFC 9110, section 6.6.1), as Unix seconds: the vendor's
    /// clock, against which its reset times and HTTP-dates are measured (feature `std`).
    pub fn date(&self) -> Option<u64> {
        self.date
    }

    /// Whether no header gave a hint.
    pub fn is_empty(&self) -> bool {
        *self == RetryHints::default()
    }

    /// Whether a response with `status` and these headers says the caller is rate limited: a
    /// 429, or no request left in the window. The one place this is decided.
    pub fn is_rate_limited(&self, status: u16) -> bool {
        status == 429 || self.remaining == Some(0)
    }

    /// The delay the headers ask for on a response with `status`, within `limits`
    /// ([`DelayLimits::DEFAULT`] unless the caller has others): `Retry-After`, else
    /// `X-RateLimit-RetryAfter`, else, when [rate limited](Self::is_rate_limited), the time
    /// until the window resets. A point in time is measured against the response's
    /// [`Date`](Self::date) when it has one (so a replayed response, or a local clock that is
    /// off, still gets the wait the vendor meant), else against `now`.
    pub fn delay(
        &self,
        now: impl Into<UnixTime>,
        status: u16,
        limits: DelayLimits,
    ) -> Option<Duration> {
        let now = self.date.map_or(now.into(), UnixTime::from_secs);
        self.retry_after
            .map(|w| w.delay(now))
            .or(self.rate_limit_retry_after)
            .or_else(|| {
                self.reset
                    .filter(|_| self.is_rate_limited(status))
                    .map(|w| w.delay(now))
            })
            .map(|d| limits.apply(d))
    }
}

/// The first item of a list value (`300, 300` is `300`).
fn first_item(value: &str) -> &str {
    value.split(',').next().unwrap_or(value).trim()
}

/// A non-negative decimal integer: digits only; one too large for 64 bits is `u64::MAX`
/// (RFC 9111, section 1.2.2: an overflowing delta-seconds is a very large value, not an error).
fn parse_integer(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(s.parse().unwrap_or(u64::MAX))
}

/// Seconds as digits with an optional fraction (`15`, `0.0698`).
fn parse_seconds(s: &str) -> Option<Duration> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, "0"));
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return None;
    }
    let whole = parse_integer(whole)?;
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
    Some(Duration::from_secs(whole).saturating_add(Duration::from_nanos(u64::from(nanos))))
}

/// `w=60` among `;`-separated limit parameters.
fn parse_window(params: &str) -> Option<Duration> {
    params
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("w="))
        .find_map(|w| parse_integer(w.trim()).map(Duration::from_secs))
}

/// A reset value: seconds from now below [`UNIX_TIME_FROM`], a Unix time in seconds below
/// [`UNIX_MILLIS_FROM`], a Unix time in milliseconds from there on; or an HTTP-date.
fn parse_reset(s: &str) -> Option<Wait> {
    let Some(d) = parse_seconds(s) else {
        return parse_http_date(s).map(Wait::Until);
    };
    // A fraction rounds up: never earlier than the vendor said.
    let up = |secs: u64, more: bool| secs.saturating_add(u64::from(more));
    if d.as_secs() >= UNIX_MILLIS_FROM {
        let millis = d.as_secs();
        Some(Wait::Until(up(
            millis / 1_000,
            millis % 1_000 > 0 || d.subsec_nanos() > 0,
        )))
    } else if d.as_secs() >= UNIX_TIME_FROM {
        Some(Wait::Until(up(d.as_secs(), d.subsec_nanos() > 0)))
    } else {
        Some(Wait::Delay(d))
    }
}

/// `Retry-After`: delta-seconds or an HTTP-date.
fn parse_retry_after(s: &str) -> Option<Wait> {
    if let Some(secs) = parse_integer(s) {
        return Some(Wait::Delay(Duration::from_secs(secs)));
    }
    parse_http_date(s).map(Wait::Until)
}

/// An HTTP-date in any of its three forms (RFC 9110, section 5.6.7), as Unix seconds, read by
/// `httpdate` (what hyperium's `headers` uses). Dates before 1970 are refused.
#[cfg(feature = "std")]
fn parse_http_date(s: &str) -> Option<u64> {
    let t = httpdate::parse_http_date(s).ok()?;
    t.duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(|d| d.as_secs())
}

/// Without std there is no `httpdate`: dates are not read (as if the header were absent).
#[cfg(not(feature = "std"))]
fn parse_http_date(_: &str) -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "std")]
    #[test]
    fn the_three_date_forms_and_bad_dates() {
        for form in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(parse_http_date(form), Some(784_111_777), "{form}");
        }
        assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        for bad in [
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Tue, 29 Feb 1900 12:00:00 GMT",
            "1994-11-06T08:49:37Z",
            "",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn resets_in_seconds_from_now_unix_seconds_and_unix_milliseconds() {
        assert_eq!(parse_reset("5"), Some(Wait::Delay(Duration::from_secs(5))));
        assert_eq!(parse_reset("1700000060"), Some(Wait::Until(1_700_000_060)));
        assert_eq!(
            parse_reset("1700000060000"),
            Some(Wait::Until(1_700_000_060))
        );
        assert_eq!(
            parse_reset("1700000060001"),
            Some(Wait::Until(1_700_000_061))
        );
        assert_eq!(
            parse_reset("99999999999999999999999"),
            Some(Wait::Until(u64::MAX / 1_000 + 1))
        );
    }

    #[test]
    fn seconds_with_fractions() {
        assert_eq!(parse_seconds("15"), Some(Duration::from_secs(15)));
        assert_eq!(
            parse_seconds("0.069786548614502"),
            Some(Duration::from_nanos(69_786_549))
        );
        assert_eq!(parse_seconds("1.5"), Some(Duration::from_millis(1500)));
        assert_eq!(
            parse_seconds("99999999999999999999999.5"),
            Some(Duration::MAX.min(Duration::new(u64::MAX, 500_000_000)))
        );
        for bad in ["", ".5", "1.", "-1", "1e3", "+1", "1.2.3", " 1"] {
            assert_eq!(parse_seconds(bad), None, "{bad}");
        }
    }
}
