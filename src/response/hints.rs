//! Retry hints: the rate-limit headers the vendors document, read leniently.

use core::time::Duration;

/// A reset value at or above this is a Unix time, below it a number of seconds from now.
const UNIX_TIME_FROM: u64 = 1_000_000_000;

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
pub(super) fn unix(now: std::time::SystemTime) -> Duration {
    now.duration_since(std::time::UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
}

/// What a response's headers say about retrying: `Retry-After` (RFC 9110) and the vendors'
/// rate-limit headers (see the [module documentation](super) for which vendor sends which, with
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
