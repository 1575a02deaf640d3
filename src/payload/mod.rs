//! Parsing the vendors' error payloads (feature `json`).
//!
//! These shapes are understood, each with its own function, and [`parse`] detects the shape when
//! the caller does not know it:
//!
//! | shape | JSON | function |
//! |---|---|---|
//! | CometChat REST / Calls API body | `{"error": {"code": "...", "message": "...", "details": {...}}}` | [`parse_rest`], [`parse_calls`] |
//! | serialized `CometChatException` | `{"code": ..., "name": "...", "message": "...", "details": ...}` | [`parse_exception`] |
//! | Agora Chat Web SDK `ErrorEvent` | `{"type": 605, "message": "...", "data": ...}` | [`parse_agora`] |
//! | Agora Chat REST API body | `{"error": "illegal_argument", "exception": "...", "error_description": "..."}` | [`parse_agora_rest`], [`parse_agora_rest_with_status`] |
//! | Genesys `EventError` | `{"code": 101, "message": "..."}` (code also as `"101"`) | [`parse_genesys`] |
//! | Stream Chat API error | `{"code": 4, "message": "...", "StatusCode": 400, "duration": "...", "more_info": "...", "details": ...}` | [`parse_stream`] |
//! | Sendbird Platform API body | `{"error": true, "code": 400201, "message": "..."}` | [`parse_sendbird`] |
//! | Sendbird SDK `SendbirdError` | `{"code": 800101, "message": "..."}` | [`parse_sendbird`] |
//! | Twilio REST API body, `twilio` SDK `RestException` | `{"code": 50300, "message": "...", "more_info": "https://www.twilio.com/docs/errors/50300", "status": 400}` | [`parse_twilio`] |
//! | `twilio` SDK `TwilioServiceException` (RFC 9457) | `{"type": "...", "title": "...", "status": 400, "code": 20001, "detail": "..."}` | [`parse_twilio`] |
//! | Twilsock `connectionError`, `TwilsockUpstreamError` | `{"terminal": true, "message": "...", "httpStatusCode": 401, "errorCode": 51119}` | [`parse_twilio`] |
//! | Ably REST API body, protocol message with an error | `{"error": {"message": "...", "code": 40140, "statusCode": 401, "href": "https://help.ably.io/error/40140"}}`, `{"action": 9, "error": {...}}` | [`parse_ably`] |
//! | Ably SDK `ErrorInfo`, state change `reason` | `{"code": 80003, "statusCode": 400, "message": "...", "cause": {...}}` | [`parse_ably`] |
//!
//! Each gives a [`ParsedError`]: the [`Resolution`](crate::Resolution) of the code (known, pattern, range or
//! unrecognized) together with the payload's own code, name, message and details, kept verbatim
//! and borrowed from the input where possible. Malformed input is a [`PayloadError`] that says
//! what was wrong and where; nothing panics.
//!
//! ```
//! use chat_error_codes::{Canonical, Recovery, payload};
//!
//! let body = r#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"The UID cometchat-uid-7 does not exist.","details":{"uid":"cometchat-uid-7"}}}"#;
//! let parsed = payload::parse(body).unwrap();
//! assert_eq!(parsed.shape(), payload::Shape::CometChatRest);
//! assert_eq!(parsed.canonical(), Canonical::NotFound);
//! assert_eq!(parsed.message(), Some("The UID cometchat-uid-7 does not exist."));
//! assert_eq!(parsed.details().unwrap().get(), r#"{"uid":"cometchat-uid-7"}"#);
//! assert_eq!(parsed.recovery(), Recovery::DoNotRetry);
//! ```

mod ably;
mod detect;
mod error;
mod fields;
mod parsed;
mod sendbird;
mod shapes;
mod signals;
mod stream;
mod twilio;

pub use ably::parse_ably;
pub use detect::parse;
pub use error::{PayloadError, Shape, ShapeName};
pub use parsed::{Cause, OwnedParsedError, ParsedError};
pub use sendbird::parse_sendbird;
pub use shapes::{
    parse_agora, parse_agora_rest, parse_agora_rest_with_status, parse_calls, parse_exception,
    parse_genesys, parse_rest,
};
pub(crate) use signals::reason_phrase;
pub use stream::parse_stream;
pub use twilio::parse_twilio;
