//! The cross-vendor classification: [`Canonical`] codes and [`Recovery`] advice.
//!
//! Every catalog entry carries a canonical code, set in `data/*.toml` (a section default with
//! per-entry overrides) and reviewed against the vendor's text. The canonical code fixes the HTTP
//! status and, unless the data says otherwise for an entry, the recovery advice.

use serde::{Deserialize, Serialize};

use super::named_enum::named_enum;

named_enum! {
    /// A canonical error class, modelled on the gRPC canonical status codes
    /// (`google.rpc.Code`), plus [`Ok`](Canonical::Ok) for the vendors' success codes.
    ///
    /// Each variant documents the rule a caller should follow. "Return the most specific code that
    /// applies" is the rule the catalog follows when classifying an entry.
    ///
    /// ```
    /// use chat_error_codes::{Canonical, ErrorInfo, cometchat::rest};
    ///
    /// let e = rest::ChatError::from_code("ERR_TOO_MANY_REQUESTS").unwrap();
    /// assert_eq!(e.canonical(), Canonical::ResourceExhausted);
    /// assert_eq!(e.canonical().http_status(), 429);
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum Canonical {
        /// Not an error: the operation succeeded (Agora's `REQUEST_SUCCESS`). Nothing to handle.
        Ok,
        /// The request itself is wrong: a missing, empty or malformed parameter. Fix the request;
        /// do not retry it unchanged.
        InvalidArgument,
        /// The system is not in the state the operation needs (not initialized, not logged in, not
        /// a member, the call already ended). Do not retry until that state has been fixed.
        FailedPrecondition,
        /// A value is outside the valid range (past a limit or the end of a list). Fix the request.
        OutOfRange,
        /// Credentials are missing, invalid or expired. Obtain new credentials (log in again,
        /// refresh the token), then retry.
        Unauthenticated,
        /// The caller is known but not allowed to do this (scope, ban, block, missing permission).
        /// Do not retry; the permission has to change first.
        PermissionDenied,
        /// The addressed resource (user, group, message, call, ...) does not exist. Do not retry.
        NotFound,
        /// What the request would create already exists (already joined, already friends). Usually
        /// safe to treat as done; do not retry.
        AlreadyExists,
        /// The operation was aborted by a conflict (concurrent change, another request in
        /// progress). Retry at a higher level (re-read the state, then repeat the whole operation).
        Aborted,
        /// A quota, rate limit or capacity is exhausted. Retry later with backoff, or raise the
        /// quota.
        ResourceExhausted,
        /// The operation was cancelled, typically by the caller. Do not retry.
        Cancelled,
        /// The operation timed out before it completed. Retry with backoff; it may have happened.
        DeadlineExceeded,
        /// The service or connection is unavailable (network down, WebSocket closed, server down).
        /// Retry with backoff, reconnecting where the connection was lost.
        Unavailable,
        /// The operation is not implemented or not enabled. Do not retry.
        Unimplemented,
        /// An internal error on the vendor's side. Retrying rarely helps; report it to the vendor.
        Internal,
        /// Unrecoverable data loss or corruption. Report it to the vendor.
        DataLoss,
        /// The error cannot be classified further (also every unrecognized code). Log it and report
        /// it to the vendor if it recurs.
        Unknown,
    }
}

impl Canonical {
    /// The HTTP status that the gRPC mapping assigns to this code (`Ok` is 200).
    ///
    /// ```
    /// use chat_error_codes::Canonical;
    /// assert_eq!(Canonical::NotFound.http_status(), 404);
    /// assert_eq!(Canonical::Cancelled.http_status(), 499);
    /// ```
    pub const fn http_status(self) -> u16 {
        match self {
            Canonical::Ok => 200,
            Canonical::InvalidArgument | Canonical::FailedPrecondition | Canonical::OutOfRange => {
                400
            }
            Canonical::Unauthenticated => 401,
            Canonical::PermissionDenied => 403,
            Canonical::NotFound => 404,
            Canonical::AlreadyExists | Canonical::Aborted => 409,
            Canonical::ResourceExhausted => 429,
            Canonical::Cancelled => 499,
            Canonical::Unknown | Canonical::Internal | Canonical::DataLoss => 500,
            Canonical::Unimplemented => 501,
            Canonical::Unavailable => 503,
            Canonical::DeadlineExceeded => 504,
        }
    }

    /// The class an HTTP status implies on its own: what a response whose body says nothing more
    /// (empty, a proxy's HTML page, a load balancer's 502) is classified as. The reverse of
    /// [`http_status`](Self::http_status) where gRPC's mapping names one class for a status, and
    /// a deliberate choice where it names several or none:
    ///
    /// | status | class | why |
    /// |---|---|---|
    /// | 200-299 | `Ok` | not an error |
    /// | 400 | `InvalidArgument` | gRPC maps 400 to three classes; a bad request is the general one |
    /// | 401 | `Unauthenticated` | |
    /// | 403 | `PermissionDenied` | |
    /// | 404, 410 | `NotFound` | 410 Gone: the resource is not coming back |
    /// | 405 | `Unimplemented` | the method is not supported on this resource |
    /// | 408 | `DeadlineExceeded` | the server timed the request out |
    /// | 409 | `Aborted` | a conflict; gRPC also maps `AlreadyExists` here, but a conflict is the general case |
    /// | 407 | `FailedPrecondition` | a proxy between the client and the vendor wants its own credentials: configure the proxy; the vendor's credentials are not in question |
    /// | 412 | `FailedPrecondition` | |
    /// | 416 | `OutOfRange` | |
    /// | 429 | `ResourceExhausted` | |
    /// | 499 | `Cancelled` | the client closed the request |
    /// | any other 4xx | `InvalidArgument` | the server refused the request as sent: fix it, repeating it unchanged fails again |
    /// | 500 | `Internal` | |
    /// | 501, 505 | `Unimplemented` | |
    /// | 502, 503 | `Unavailable` | a gateway could not reach the service, or the service is down |
    /// | 504 | `DeadlineExceeded` | |
    /// | any other 5xx | `Unavailable` | most other 5xx come from intermediaries (CDNs send 520-530 for an unreachable or slow origin): transient, so retry with a bounded backoff rather than give up |
    /// | 100-199, 300-399, and anything outside 100-599 | `Unknown` | not an error status, or not a status |
    ///
    /// ```
    /// use chat_error_codes::Canonical;
    /// assert_eq!(Canonical::from_http_status(429), Canonical::ResourceExhausted);
    /// assert_eq!(Canonical::from_http_status(502), Canonical::Unavailable);
    /// assert_eq!(Canonical::from_http_status(422), Canonical::InvalidArgument);
    /// // Every class with a status of its own maps back to itself.
    /// for c in [Canonical::NotFound, Canonical::Aborted, Canonical::Cancelled, Canonical::Unavailable] {
    ///     assert_eq!(Canonical::from_http_status(c.http_status()), c);
    /// }
    /// ```
    pub const fn from_http_status(status: u16) -> Canonical {
        match status {
            200..=299 => Canonical::Ok,
            400 => Canonical::InvalidArgument,
            401 => Canonical::Unauthenticated,
            403 => Canonical::PermissionDenied,
            404 | 410 => Canonical::NotFound,
            405 => Canonical::Unimplemented,
            408 => Canonical::DeadlineExceeded,
            409 => Canonical::Aborted,
            407 | 412 => Canonical::FailedPrecondition,
            416 => Canonical::OutOfRange,
            429 => Canonical::ResourceExhausted,
            499 => Canonical::Cancelled,
            402..=498 => Canonical::InvalidArgument,
            500 => Canonical::Internal,
            501 | 505 => Canonical::Unimplemented,
            502 | 503 => Canonical::Unavailable,
            504 => Canonical::DeadlineExceeded,
            506..=599 => Canonical::Unavailable,
            _ => Canonical::Unknown,
        }
    }

    /// The advice that follows from this code alone. Catalog entries may override it where the
    /// vendor's text says more; use [`ErrorInfo::recovery`](crate::ErrorInfo::recovery) for those.
    ///
    /// ```
    /// use chat_error_codes::{Canonical, Recovery};
    /// assert_eq!(Canonical::Unavailable.recovery(), Recovery::RetryWithBackoff);
    /// assert_eq!(Canonical::Unauthenticated.recovery(), Recovery::Reauthenticate);
    /// ```
    pub const fn recovery(self) -> Recovery {
        match self {
            Canonical::Ok => Recovery::NoAction,
            Canonical::InvalidArgument | Canonical::OutOfRange => Recovery::FixRequest,
            Canonical::FailedPrecondition => Recovery::FixPrecondition,
            Canonical::Unauthenticated => Recovery::Reauthenticate,
            Canonical::Aborted
            | Canonical::ResourceExhausted
            | Canonical::DeadlineExceeded
            | Canonical::Unavailable => Recovery::RetryWithBackoff,
            Canonical::Internal | Canonical::DataLoss | Canonical::Unknown => {
                Recovery::ContactVendor
            }
            Canonical::PermissionDenied
            | Canonical::NotFound
            | Canonical::AlreadyExists
            | Canonical::Cancelled
            | Canonical::Unimplemented => Recovery::DoNotRetry,
        }
    }

    /// The variant name, e.g. `"ResourceExhausted"`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl core::fmt::Display for Canonical {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

named_enum! {
    /// What a caller should do about an error.
    ///
    /// ```
    /// use chat_error_codes::{ErrorInfo, Recovery, agora};
    ///
    /// let e = agora::ChatError::from_number(16).unwrap(); // WEBIM_CONNCTION_DISCONNECTED
    /// match e.recovery() {
    ///     Recovery::Reconnect => { /* open the connection again */ }
    ///     other => panic!("unexpected advice {other:?}"),
    /// }
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum Recovery {
        /// Nothing to do: the code reports success.
        NoAction,
        /// Transient: retry the same call after an exponentially growing delay, with a cap on the
        /// number of attempts.
        RetryWithBackoff,
        /// The connection was lost or closed: re-open it (log in / connect again), then retry.
        Reconnect,
        /// Credentials are missing, invalid or expired: obtain new ones (log in, refresh the
        /// token), then retry.
        Reauthenticate,
        /// The request is wrong: correct the parameters; retrying it unchanged fails again.
        FixRequest,
        /// The system is not in the required state (not initialized, not a member, call ended):
        /// bring it into that state first; do not retry until then.
        FixPrecondition,
        /// Another operation of the same kind is in progress: wait for it to finish, then retry if
        /// still needed.
        WaitForCompletion,
        /// The plan, subscription or enabled services do not cover this: upgrade or enable it.
        UpgradePlan,
        /// Vendor-side failure or unknown cause: report it to the vendor's support with the code.
        ContactVendor,
        /// Permanent for this request (not found, forbidden, already done): do not retry.
        DoNotRetry,
    }
}

impl Recovery {
    /// Whether repeating the call (possibly after a delay or a reconnect) can succeed without
    /// changing the request or the caller's state.
    ///
    /// ```
    /// use chat_error_codes::Recovery;
    /// assert!(Recovery::RetryWithBackoff.is_retryable());
    /// assert!(!Recovery::FixRequest.is_retryable());
    /// ```
    pub const fn is_retryable(self) -> bool {
        matches!(
            self,
            Recovery::RetryWithBackoff | Recovery::Reconnect | Recovery::WaitForCompletion
        )
    }

    /// The variant name, e.g. `"RetryWithBackoff"`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl core::fmt::Display for Recovery {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}
