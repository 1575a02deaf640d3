//! [`Decision`]: one thing to do, from the recovery advice and the retry hints.

use core::fmt;
use core::time::Duration;

use crate::Recovery;

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
/// response, the time until the window resets (see [`Classified::retry_after`](super::Classified::retry_after)),
/// kept within the response's [`DelayLimits`](super::DelayLimits): never zero, never more than
/// the maximum. `decide` takes the delay as given.
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
