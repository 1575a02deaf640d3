//! Conversions of [`Canonical`] to and from other crates' types: the `http` crate's
//! `StatusCode` (feature `http`) and `tonic::Code` (feature `tonic`).
//!
//! Kept apart from `classification.rs`, which build.rs compiles too (without these crates).

use crate::Canonical;

/// Conversions to and from the `http` crate's [`StatusCode`](http::StatusCode) (feature `http`).
#[cfg(feature = "http")]
impl Canonical {
    /// The class's HTTP status ([`http_status`](Self::http_status)) as an `http::StatusCode`.
    ///
    /// ```
    /// use chat_error_codes::Canonical;
    /// assert_eq!(Canonical::NotFound.status_code(), http::StatusCode::NOT_FOUND);
    /// assert_eq!(Canonical::Cancelled.status_code().as_u16(), 499);
    /// ```
    pub fn status_code(self) -> http::StatusCode {
        // Every status `http_status` gives is between 200 and 504, so always valid.
        http::StatusCode::from_u16(self.http_status())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The class a status implies on its own ([`from_http_status`](Self::from_http_status)).
    ///
    /// ```
    /// use chat_error_codes::Canonical;
    /// assert_eq!(Canonical::from_status_code(http::StatusCode::TOO_MANY_REQUESTS), Canonical::ResourceExhausted);
    /// ```
    pub fn from_status_code(status: http::StatusCode) -> Canonical {
        Canonical::from_http_status(status.as_u16())
    }
}

#[cfg(feature = "http")]
impl From<Canonical> for http::StatusCode {
    /// [`Canonical::status_code`].
    fn from(c: Canonical) -> Self {
        c.status_code()
    }
}

#[cfg(feature = "http")]
impl From<http::StatusCode> for Canonical {
    /// [`Canonical::from_status_code`].
    fn from(status: http::StatusCode) -> Self {
        Canonical::from_status_code(status)
    }
}

/// Conversions to and from [`tonic::Code`] (feature `tonic`): the classes are gRPC's codes, one
/// to one.
#[cfg(feature = "tonic")]
impl Canonical {
    /// The gRPC status code of the class (`Ok` is `Code::Ok`).
    ///
    /// ```
    /// use chat_error_codes::Canonical;
    /// assert_eq!(Canonical::ResourceExhausted.tonic_code(), tonic::Code::ResourceExhausted);
    /// assert_eq!(Canonical::from_tonic_code(tonic::Code::Unavailable), Canonical::Unavailable);
    /// ```
    pub const fn tonic_code(self) -> tonic::Code {
        match self {
            Canonical::Ok => tonic::Code::Ok,
            Canonical::InvalidArgument => tonic::Code::InvalidArgument,
            Canonical::FailedPrecondition => tonic::Code::FailedPrecondition,
            Canonical::OutOfRange => tonic::Code::OutOfRange,
            Canonical::Unauthenticated => tonic::Code::Unauthenticated,
            Canonical::PermissionDenied => tonic::Code::PermissionDenied,
            Canonical::NotFound => tonic::Code::NotFound,
            Canonical::AlreadyExists => tonic::Code::AlreadyExists,
            Canonical::Aborted => tonic::Code::Aborted,
            Canonical::ResourceExhausted => tonic::Code::ResourceExhausted,
            Canonical::Cancelled => tonic::Code::Cancelled,
            Canonical::DeadlineExceeded => tonic::Code::DeadlineExceeded,
            Canonical::Unavailable => tonic::Code::Unavailable,
            Canonical::Unimplemented => tonic::Code::Unimplemented,
            Canonical::Internal => tonic::Code::Internal,
            Canonical::DataLoss => tonic::Code::DataLoss,
            Canonical::Unknown => tonic::Code::Unknown,
        }
    }

    /// The class of a gRPC status code.
    pub const fn from_tonic_code(code: tonic::Code) -> Canonical {
        match code {
            tonic::Code::Ok => Canonical::Ok,
            tonic::Code::InvalidArgument => Canonical::InvalidArgument,
            tonic::Code::FailedPrecondition => Canonical::FailedPrecondition,
            tonic::Code::OutOfRange => Canonical::OutOfRange,
            tonic::Code::Unauthenticated => Canonical::Unauthenticated,
            tonic::Code::PermissionDenied => Canonical::PermissionDenied,
            tonic::Code::NotFound => Canonical::NotFound,
            tonic::Code::AlreadyExists => Canonical::AlreadyExists,
            tonic::Code::Aborted => Canonical::Aborted,
            tonic::Code::ResourceExhausted => Canonical::ResourceExhausted,
            tonic::Code::Cancelled => Canonical::Cancelled,
            tonic::Code::DeadlineExceeded => Canonical::DeadlineExceeded,
            tonic::Code::Unavailable => Canonical::Unavailable,
            tonic::Code::Unimplemented => Canonical::Unimplemented,
            tonic::Code::Internal => Canonical::Internal,
            tonic::Code::DataLoss => Canonical::DataLoss,
            tonic::Code::Unknown => Canonical::Unknown,
        }
    }
}

#[cfg(feature = "tonic")]
impl From<Canonical> for tonic::Code {
    /// [`Canonical::tonic_code`].
    fn from(c: Canonical) -> Self {
        c.tonic_code()
    }
}

#[cfg(feature = "tonic")]
impl From<tonic::Code> for Canonical {
    /// [`Canonical::from_tonic_code`].
    fn from(code: tonic::Code) -> Self {
        Canonical::from_tonic_code(code)
    }
}
