//! [`ParsedError`]: a payload's code resolved, with everything the vendor sent, its causes and
//! the class it calls for; written back in the vendor's shape.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use serde::Serialize;
use serde_json::value::RawValue;

use super::Shape;
use super::fields::Fields;
use crate::{Canonical, RawCode, Recovery, Resolution, Table};

/// A parsed vendor error payload: what the code resolved to, and everything the vendor sent
/// with it, verbatim.
///
/// [`Serialize`] writes the payload back in its vendor shape, with the code as received (string
/// or integer) and `details`/`data` byte for byte; fields the vendor shape does not define are
/// not kept there, but [`raw`](Self::raw) is the whole input.
#[derive(Clone, Debug)]
pub struct ParsedError<'a> {
    shape: Shape,
    resolution: Resolution<'a>,
    code: RawCode<'a>,
    name: Option<Cow<'a, str>>,
    message: Option<Cow<'a, str>>,
    details: Option<&'a RawValue>,
    status: Option<u16>,
    causes: Vec<Cause<'a>>,
    /// The class the payload's own signals call for (its HTTP status, stream-chat's
    /// `isWSFailure`), used when neither its code nor a cause is classified.
    signal: Option<(Canonical, Recovery)>,
    /// The delay the payload asks for, in seconds (Sendbird's `retry_after`).
    retry_after: Option<u64>,
    /// Whether the payload carried a code (an SDK may hand back a JS error or `{}` instead).
    pub(super) coded: bool,
    raw: &'a str,
}

/// An error nested in a payload as its cause: Agora's `data` (itself an event with a `type`,
/// possibly with its own `data`), or a `CometChatException` inside `details`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cause<'a> {
    pub(super) code: RawCode<'a>,
    pub(super) message: Option<Cow<'a, str>>,
    pub(super) resolution: Resolution<'a>,
}

impl<'a> Cause<'a> {
    /// The nested code exactly as sent.
    pub fn code(&self) -> &RawCode<'a> {
        &self.code
    }

    /// The nested message, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// What the nested code resolved to.
    pub fn resolution(&self) -> &Resolution<'a> {
        &self.resolution
    }

    /// Detaches the value from the input it borrows.
    pub fn into_owned(self) -> Cause<'static> {
        Cause {
            code: self.code.into_owned(),
            message: self.message.map(|m| Cow::Owned(m.into_owned())),
            resolution: self.resolution.into_owned(),
        }
    }
}

impl<'a> ParsedError<'a> {
    /// The error nested in the payload as its cause, if any (Agora `data.type`, an exception in
    /// CometChat `details`). [`causes`](Self::causes) has the whole chain.
    ///
    /// ```
    /// use chat_error_codes::{Canonical, ErrorInfo, Recovery, payload};
    /// // A login event whose cause is a refused connection: a network failure, not bad credentials.
    /// let body = r#"{"type":1,"message":"Request Unknow Error","data":{"type":-2,"message":"Request Unknow Error","errorType":"onerror","xhr":{},"extraInfo":{"httpCode":0}}}"#;
    /// let p = payload::parse_agora(body).unwrap();
    /// assert_eq!(p.resolution().entry().unwrap().name(), "WEBIM_CONNCTION_OPEN_ERROR");
    /// assert_eq!(p.cause().unwrap().resolution().entry().unwrap().name(), "REQUEST_UNKNOWN");
    /// assert_eq!(p.canonical(), Canonical::Unavailable);
    /// assert_eq!(p.recovery(), Recovery::RetryWithBackoff);
    /// ```
    pub fn cause(&self) -> Option<&Cause<'a>> {
        self.causes.first()
    }

    /// The nested causes, outermost first.
    pub fn causes(&self) -> &[Cause<'a>] {
        &self.causes
    }

    /// The HTTP status that came with the payload: carried in the body (Stream's `StatusCode`)
    /// or given by the caller ([`parse_agora_rest_with_status`](super::parse_agora_rest_with_status)).
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// For a known entry with documented server messages (Agora REST), the one the payload's
    /// message is, with the catalog's explanation of its cause.
    ///
    /// ```
    /// use chat_error_codes::payload;
    /// let body = r#"{"error":"illegal_argument","exception":"java.lang.IllegalArgumentException","timestamp":1700000000000,"duration":0,"error_description":"alice@ is not legal."}"#;
    /// let p = payload::parse_agora_rest_with_status(body, 400).unwrap();
    /// assert_eq!(p.server_message().unwrap().text(), "{username} is not legal.");
    /// ```
    pub fn server_message(&self) -> Option<&'static crate::ServerMessage> {
        let message = self.message.as_deref()?;
        let entry = self.resolution.entry()?;
        crate::ErrorInfo::server_messages(&entry)
            .iter()
            .find(|m| m.matches(message))
    }

    /// The class of [`server_message`](Self::server_message), if it has one. Most entries have
    /// no classed message, and then no message is matched at all.
    fn classed_server_message(&self) -> Option<(Canonical, Recovery)> {
        let entry = self.resolution.entry()?;
        let messages = crate::ErrorInfo::server_messages(&entry);
        if messages.iter().all(|m| m.class().is_none()) {
            return None;
        }
        self.server_message()?.class()
    }

    /// The delay the payload itself asks for before a retry: Sendbird's `retry_after` (seconds)
    /// in a `DELAYED_CONNECTING` error's detail, sent when the server is busy. `None` when the
    /// payload names no delay (an HTTP response's `Retry-After` is read by the `response` layer).
    /// The value is the payload's, rounded up to whole seconds and not bounded: pass it through
    /// [`DelayLimits::apply`](crate::response::DelayLimits::apply) before waiting on it (a
    /// zero becomes a short wait, an absurd value an hour).
    ///
    /// ```
    /// use chat_error_codes::{Recovery, payload};
    /// let e = r#"{"name":"SendbirdError","code":800221,"message":"Connection delayed.","_detail":"{\"retry_after\":5,\"reason_code\":1,\"message\":\"busy\"}"}"#;
    /// let p = payload::parse_sendbird(e).unwrap();
    /// assert_eq!(p.retry_after(), Some(core::time::Duration::from_secs(5)));
    /// assert_eq!(p.recovery(), Recovery::RetryWithBackoff);
    /// ```
    pub fn retry_after(&self) -> Option<core::time::Duration> {
        self.retry_after.map(core::time::Duration::from_secs)
    }

    /// The payload's shape.
    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// What the code resolved to.
    pub fn resolution(&self) -> &Resolution<'a> {
        &self.resolution
    }

    /// The code exactly as the payload carried it (for a `CometChatException` with a numeric
    /// code, that number; the entry was found by `name`).
    pub fn code(&self) -> &RawCode<'a> {
        &self.code
    }

    /// The payload's `name` (CometChat exceptions).
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The payload's own message, verbatim.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The payload's `details` (CometChat) or `data` (Agora), as the exact JSON text received.
    pub fn details(&self) -> Option<&'a RawValue> {
        self.details
    }

    /// The whole input.
    pub fn raw(&self) -> &'a str {
        self.raw
    }

    /// The table the code was resolved in.
    pub fn table(&self) -> Table {
        self.resolution.table()
    }

    /// The class and advice that the payload calls for: those of the most specific error in it
    /// (the innermost cause the catalog classifies, else a documented message that has its own
    /// class, else the payload's own code); a code that
    /// means success in a lookup takes the class it has in an error payload
    /// ([`ErrorInfo::in_error_payload`](crate::ErrorInfo::in_error_payload)), so an error
    /// payload is never classified `Ok`; when none of these is classified, the payload's own
    /// signals decide (its HTTP status, an SDK's network-failure flag).
    fn class(&self) -> (Canonical, Recovery) {
        let class = self.coded_class();
        match self.signal {
            Some(signal) if class.0 == Canonical::Unknown => signal,
            _ => class,
        }
    }

    /// [`class`](Self::class) from the codes alone.
    fn coded_class(&self) -> (Canonical, Recovery) {
        let cause = self
            .causes
            .iter()
            .rev()
            .map(|c| &c.resolution)
            .find(|r| !r.is_unrecognized() && r.canonical() != Canonical::Unknown);
        if cause.is_none() {
            // A documented message that says more than its code.
            if let Some(class) = self.classed_server_message() {
                return class;
            }
        }
        let specific = cause.unwrap_or(&self.resolution);
        match (specific.canonical(), specific.entry()) {
            (Canonical::Ok, Some(e)) => crate::ErrorInfo::in_error_payload(&e)
                .unwrap_or((Canonical::Unknown, Canonical::Unknown.recovery())),
            (Canonical::Ok, None) => (Canonical::Unknown, Canonical::Unknown.recovery()),
            (canonical, _) => (canonical, specific.recovery()),
        }
    }

    /// The canonical class the payload calls for (`Unknown` for an unrecognized code): see
    /// [`cause`](Self::cause) for how a nested cause refines it.
    pub fn canonical(&self) -> Canonical {
        self.class().0
    }

    /// The HTTP status of the canonical class.
    pub fn http_status(&self) -> u16 {
        self.canonical().http_status()
    }

    /// What the caller should do.
    pub fn recovery(&self) -> Recovery {
        self.class().1
    }

    /// The payload's message if it has one, else the catalog's.
    pub fn best_message(&self) -> Option<&str> {
        self.message().or_else(|| self.resolution.catalog_message())
    }
}

impl fmt::Display for ParsedError<'_> {
    /// `<resolution>`, then the payload's message if it has one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.resolution, f)?;
        if let Some(message) = &self.message {
            write!(f, " ({message})")?;
        }
        Ok(())
    }
}

impl Serialize for ParsedError<'_> {
    /// Writes the payload back in its vendor shape (a payload without a code, as received).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if !self.coded {
            let raw: &RawValue =
                serde_json::from_str(self.raw).map_err(serde::ser::Error::custom)?;
            return raw.serialize(serializer);
        }
        #[derive(Serialize)]
        struct Inner<'b> {
            code: &'b RawCode<'b>,
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            message: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            details: Option<&'b RawValue>,
        }
        #[derive(Serialize)]
        struct Rest<'b> {
            error: Inner<'b>,
        }
        #[derive(Serialize)]
        struct Agora<'b> {
            #[serde(rename = "type")]
            kind: &'b RawCode<'b>,
            #[serde(skip_serializing_if = "Option::is_none")]
            message: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            data: Option<&'b RawValue>,
        }
        let inner = Inner {
            code: &self.code,
            name: self.name.as_deref(),
            message: self.message.as_deref(),
            details: self.details,
        };
        #[derive(Serialize)]
        struct AgoraRest<'b> {
            error: &'b RawCode<'b>,
            #[serde(skip_serializing_if = "Option::is_none")]
            exception: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            error_description: Option<&'b str>,
        }
        #[derive(Serialize)]
        struct Stream<'b> {
            code: &'b RawCode<'b>,
            /// stream-chat's error class (`ErrorFromResponse`); the API body has none.
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            message: Option<&'b str>,
            #[serde(rename = "StatusCode", skip_serializing_if = "Option::is_none")]
            status: Option<u16>,
            #[serde(skip_serializing_if = "Option::is_none")]
            details: Option<&'b RawValue>,
        }
        #[derive(Serialize)]
        struct Sendbird<'b> {
            error: bool,
            code: &'b RawCode<'b>,
            #[serde(skip_serializing_if = "Option::is_none")]
            message: Option<&'b str>,
        }
        #[derive(Serialize)]
        struct TencentRest<'b> {
            #[serde(rename = "ActionStatus")]
            action_status: &'b str,
            #[serde(rename = "ErrorCode")]
            code: &'b RawCode<'b>,
            #[serde(rename = "ErrorInfo", skip_serializing_if = "Option::is_none")]
            info: Option<&'b str>,
        }
        #[derive(Serialize)]
        struct TencentWeb<'b> {
            code: &'b RawCode<'b>,
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            message: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            data: Option<&'b RawValue>,
        }
        /// Twilio's REST body (with the `more_info` address Twilio gives every code) or, for
        /// a `TwilioServiceException`, its RFC 9457 members.
        #[derive(Serialize)]
        struct Twilio<'b> {
            #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
            kind: Option<String>,
            code: &'b RawCode<'b>,
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            message: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            detail: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            more_info: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            status: Option<u16>,
            #[serde(skip_serializing_if = "Option::is_none")]
            details: Option<&'b RawValue>,
        }
        /// Twilsock's `connectionError`.
        #[derive(Serialize)]
        struct Twilsock<'b> {
            #[serde(rename = "errorCode")]
            code: &'b RawCode<'b>,
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            message: Option<&'b str>,
            #[serde(rename = "httpStatusCode")]
            status: Option<u16>,
        }
        /// Ably's `ErrorInfo` (with the `href` Ably gives every code); in an `error` member for
        /// the REST body.
        #[derive(Serialize)]
        struct AblyInfo<'b> {
            code: &'b RawCode<'b>,
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            message: Option<&'b str>,
            #[serde(rename = "statusCode", skip_serializing_if = "Option::is_none")]
            status: Option<u16>,
            href: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            details: Option<&'b RawValue>,
        }
        #[derive(Serialize)]
        struct AblyRest<'b> {
            error: AblyInfo<'b>,
        }
        let code_text = || match &self.code {
            RawCode::Str(s) => String::from(&**s),
            RawCode::Int(n) => alloc::format!("{n}"),
        };
        let service = self.shape == Shape::TwilioServiceException;
        let twilio = Twilio {
            kind: service
                .then(|| alloc::format!("https://www.twilio.com/docs/errors/{}", code_text())),
            code: &self.code,
            name: self.name.as_deref(),
            message: self.message.as_deref().filter(|_| !service),
            detail: self.message.as_deref().filter(|_| service),
            more_info: (!service)
                .then(|| alloc::format!("https://www.twilio.com/docs/errors/{}", code_text())),
            status: self.status,
            details: self.details,
        };
        let ably = AblyInfo {
            code: &self.code,
            name: self.name.as_deref(),
            message: self.message.as_deref(),
            status: self.status,
            href: alloc::format!("https://help.ably.io/error/{}", code_text()),
            details: self.details,
        };
        match self.shape {
            Shape::TwilioRest | Shape::TwilioServiceException => twilio.serialize(serializer),
            Shape::Twilsock => Twilsock {
                code: &self.code,
                name: self.name.as_deref(),
                message: self.message.as_deref(),
                status: self.status,
            }
            .serialize(serializer),
            Shape::AblyRest => AblyRest { error: ably }.serialize(serializer),
            Shape::AblyErrorInfo => ably.serialize(serializer),
            Shape::CometChatRest | Shape::CometChatCalls => {
                Rest { error: inner }.serialize(serializer)
            }
            Shape::AgoraRest => AgoraRest {
                error: &self.code,
                exception: self.name.as_deref(),
                error_description: self.message.as_deref(),
            }
            .serialize(serializer),
            Shape::Stream => Stream {
                code: &self.code,
                name: self.name.as_deref(),
                message: self.message.as_deref(),
                status: self.status,
                details: self.details,
            }
            .serialize(serializer),
            Shape::SendbirdPlatform => Sendbird {
                error: true,
                code: &self.code,
                message: self.message.as_deref(),
            }
            .serialize(serializer),
            Shape::CometChatException
            | Shape::GenesysEventError
            | Shape::SendbirdError
            | Shape::ZegoZimError
            | Shape::TransportError => inner.serialize(serializer),
            Shape::TencentRest => TencentRest {
                action_status: "FAIL",
                code: &self.code,
                info: self.message.as_deref(),
            }
            .serialize(serializer),
            Shape::TencentError => TencentWeb {
                code: &self.code,
                name: self.name.as_deref(),
                message: self.message.as_deref(),
                data: self.details,
            }
            .serialize(serializer),
            Shape::AgoraErrorEvent => Agora {
                kind: &self.code,
                message: self.message.as_deref(),
                data: self.details,
            }
            .serialize(serializer),
        }
    }
}

impl<'a> ParsedError<'a> {
    /// [`new`](Self::new) with the name, message and details that `f` read (taken out of it, not
    /// copied).
    #[inline(always)]
    pub(super) fn from_fields(
        raw: &'a str,
        shape: Shape,
        code: RawCode<'a>,
        resolution: Resolution<'a>,
        f: &mut Fields<'a>,
    ) -> Self {
        let (name, message) = (f.name.take(), f.message.take());
        Self::new(raw, shape, code, resolution, name, message, f.details)
    }

    /// Assembles a parsed payload; an unrecognized resolution also keeps the payload's message,
    /// so that value alone loses nothing.
    #[inline(always)]
    pub(super) fn new(
        raw: &'a str,
        shape: Shape,
        code: RawCode<'a>,
        resolution: Resolution<'a>,
        name: Option<Cow<'a, str>>,
        message: Option<Cow<'a, str>>,
        details: Option<&'a RawValue>,
    ) -> Self {
        let resolution = match (resolution, &message) {
            (Resolution::Unrecognized(u), Some(m)) => {
                Resolution::Unrecognized(u.with_message(m.clone()))
            }
            (other, _) => other,
        };
        ParsedError {
            shape,
            resolution,
            code,
            name,
            message,
            details,
            status: None,
            causes: Vec::new(),
            signal: None,
            retry_after: None,
            coded: true,
            raw,
        }
    }

    /// Replaces the details (a shape whose details are another member, or none).
    #[inline(always)]
    pub(super) fn with_details(mut self, details: Option<&'a RawValue>) -> Self {
        self.details = details;
        self
    }

    /// Records the class the payload's own signals call for (see [`class`](Self::class)).
    #[inline(always)]
    pub(super) fn with_signal(mut self, signal: Option<(Canonical, Recovery)>) -> Self {
        self.signal = signal;
        self
    }

    /// The class the payload's own signals call for.
    #[inline(always)]
    pub(super) fn signal(&self) -> Option<(Canonical, Recovery)> {
        self.signal
    }

    /// Records the delay the payload asks for.
    #[inline(always)]
    pub(super) fn with_retry_after(mut self, secs: Option<u64>) -> Self {
        self.retry_after = secs;
        self
    }

    /// Records the causes nested in the payload.
    #[inline(always)]
    pub(super) fn with_causes(mut self, causes: Vec<Cause<'a>>) -> Self {
        self.causes = causes;
        self
    }

    /// Records the HTTP status that came with the payload.
    #[inline(always)]
    pub(super) fn with_status(mut self, status: Option<u16>) -> Self {
        self.status = status;
        self
    }
}

impl ParsedError<'_> {
    /// Detaches the value from the input it borrows (the raw input and details are copied),
    /// keeping everything: a service can log, serialize and decide on it after the buffer is
    /// gone.
    pub fn into_owned(self) -> OwnedParsedError {
        let canonical = self.canonical();
        let recovery = self.recovery();
        OwnedParsedError {
            shape: self.shape,
            resolution: self.resolution.into_owned(),
            code: self.code.into_owned(),
            name: self.name.map(Cow::into_owned),
            message: self.message.map(Cow::into_owned),
            details: self.details.map(alloc::borrow::ToOwned::to_owned),
            status: self.status,
            causes: self.causes.into_iter().map(Cause::into_owned).collect(),
            signal: self.signal,
            retry_after: self.retry_after,
            coded: self.coded,
            class: (canonical, recovery),
            raw: String::from(self.raw),
        }
    }
}

/// A [`ParsedError`] that owns its data: what a service keeps after the input buffer is gone.
///
/// It answers everything a `ParsedError` does (the class and advice are computed once, when it
/// is made) and serializes the same way, back in the vendor's shape.
///
/// ```
/// use chat_error_codes::{Canonical, Recovery, payload};
///
/// let owned = {
///     let body = String::from(r#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"no such user"}}"#);
///     payload::parse(&body).unwrap().into_owned()
/// };
/// assert_eq!(owned.canonical(), Canonical::NotFound);
/// assert_eq!(owned.recovery(), Recovery::DoNotRetry);
/// assert_eq!(owned.message(), Some("no such user"));
/// assert_eq!(
///     serde_json::to_string(&owned).unwrap(),
///     r#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"no such user"}}"#
/// );
/// ```
#[derive(Clone, Debug)]
pub struct OwnedParsedError {
    shape: Shape,
    resolution: Resolution<'static>,
    code: RawCode<'static>,
    name: Option<String>,
    message: Option<String>,
    details: Option<alloc::boxed::Box<RawValue>>,
    status: Option<u16>,
    causes: Vec<Cause<'static>>,
    signal: Option<(Canonical, Recovery)>,
    retry_after: Option<u64>,
    coded: bool,
    class: (Canonical, Recovery),
    raw: String,
}

impl OwnedParsedError {
    /// The payload's shape.
    pub fn shape(&self) -> Shape {
        self.shape
    }
    /// What the code resolved to.
    pub fn resolution(&self) -> &Resolution<'static> {
        &self.resolution
    }
    /// The table the code was resolved in.
    pub fn table(&self) -> Table {
        self.resolution.table()
    }
    /// The payload's own code, exactly as sent.
    pub fn code(&self) -> &RawCode<'static> {
        &self.code
    }
    /// The payload's `name`, if any.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }
    /// The payload's message, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
    /// The payload's message if it has one, else the catalog's.
    pub fn best_message(&self) -> Option<&str> {
        self.message().or_else(|| self.resolution.catalog_message())
    }
    /// The exact JSON text of `details` / `data`, if any.
    pub fn details(&self) -> Option<&RawValue> {
        self.details.as_deref()
    }
    /// The HTTP status that came with the payload, if any.
    pub fn status(&self) -> Option<u16> {
        self.status
    }
    /// The nested causes, outermost first.
    pub fn causes(&self) -> &[Cause<'static>] {
        &self.causes
    }
    /// The delay the payload asked for (see [`ParsedError::retry_after`]).
    pub fn retry_after(&self) -> Option<core::time::Duration> {
        self.retry_after.map(core::time::Duration::from_secs)
    }
    /// The canonical class the payload calls for (see [`ParsedError::canonical`]).
    pub fn canonical(&self) -> Canonical {
        self.class.0
    }
    /// The HTTP status of the canonical class.
    pub fn http_status(&self) -> u16 {
        self.class.0.http_status()
    }
    /// What the caller should do (see [`ParsedError::recovery`]).
    pub fn recovery(&self) -> Recovery {
        self.class.1
    }
    /// The whole input.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The borrowed form, for writing back and display.
    fn view(&self) -> ParsedError<'_> {
        ParsedError {
            shape: self.shape,
            resolution: self.resolution.clone(),
            code: self.code.clone(),
            name: self.name.as_deref().map(Cow::Borrowed),
            message: self.message.as_deref().map(Cow::Borrowed),
            details: self.details.as_deref(),
            status: self.status,
            causes: self.causes.clone(),
            signal: self.signal,
            retry_after: self.retry_after,
            coded: self.coded,
            raw: &self.raw,
        }
    }
}

impl PartialEq for OwnedParsedError {
    /// Equal when made from the same input by the same parser.
    fn eq(&self, other: &Self) -> bool {
        self.shape == other.shape && self.raw == other.raw && self.resolution == other.resolution
    }
}

impl Eq for OwnedParsedError {}

impl fmt::Display for OwnedParsedError {
    /// As [`ParsedError`]'s `Display`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.view(), f)
    }
}

impl Serialize for OwnedParsedError {
    /// As [`ParsedError`]'s `Serialize`: the payload back in its vendor shape.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.view().serialize(serializer)
    }
}
