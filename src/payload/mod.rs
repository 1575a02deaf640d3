//! Parsing the vendors' error payloads (feature `json`).
//!
//! These shapes are understood, each with its own function; [`parse_for`] picks the function
//! of the table whose API the caller called, and [`parse`] detects the shape when the caller
//! does not know it:
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
//! | Tencent Cloud IM REST API reply (HTTP 200 always) | `{"ActionStatus": "FAIL", "ErrorCode": 70107, "ErrorInfo": "...", "ErrorDisplay": "..."}`; batch items `{"ResultItem": [{"To_Account": "...", "ResultCode": 30010, ...}]}`, `{"ErrorList": [...]}` | [`parse_tencent`], [`parse_tencent_rest`] (success, failure or each failed item) |
//! | Tencent Cloud IM web SDK rejection | `{"code": 2024, "message": "...", "data": {...}}` | [`parse_tencent`] |
//! | ZEGOCLOUD ZIM SDK rejection | `{"code": 6000121, "message": "code: 50012, message: ..."}` | [`parse_zego`] ([`ParsedError::server_code`]) |
//! | Twilio REST API body, `twilio` SDK `RestException` | `{"code": 50300, "message": "...", "more_info": "https://www.twilio.com/docs/errors/50300", "status": 400}` | [`parse_twilio`] |
//! | `twilio` SDK `TwilioServiceException` (RFC 9457) | `{"type": "...", "title": "...", "status": 400, "code": 20001, "detail": "..."}` | [`parse_twilio`] |
//! | Twilsock `connectionError`, `TwilsockUpstreamError` | `{"terminal": true, "message": "...", "httpStatusCode": 401, "errorCode": 51119}` | [`parse_twilio`] |
//! | Ably REST API body, protocol message with an error | `{"error": {"message": "...", "code": 40140, "statusCode": 401, "href": "https://help.ably.io/error/40140"}}`, `{"action": 9, "error": {...}}` | [`parse_ably`] |
//! | Ably SDK `ErrorInfo`, state change `reason` | `{"code": 80003, "statusCode": 400, "message": "...", "cause": {...}}` | [`parse_ably`] |
//!
//! Each gives a [`ParsedError`]: the [`Resolution`](crate::resolve::Resolution) of the code (known, pattern, range or
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

//!
//! # What the SDKs really send
//!
//! The documents say what a code means; the SDKs decide what an application receives. A capture of
//! 230 distinct error objects from `@cometchat/chat-sdk-javascript` 4.2.0 and `agora-chat` 1.4.0
//! running in node against closed and silent ports on 127.0.0.1 (`tools/sdk-capture`, committed as
//! `tests/fixtures/sdk-traffic/`) is a test fixture: every object parses to a value with its shape
//! named, and its class is checked against a table decided by hand. Three traps it showed:
//!
//! ```
//! use chat_error_codes::{Canonical, Recovery, payload, resolve::{self, Resolution}};
//!
//! // 1. A failure that looks like success: Agora's type 0 is REQUEST_SUCCESS in a lookup, but in an
//! //    error event it is the login failure "user missing".
//! let p = payload::parse_agora(r#"{"type":0,"message":"the user is empty or type is not string"}"#).unwrap();
//! assert_eq!(p.canonical(), Canonical::InvalidArgument);
//!
//! // 2. The cause is nested: type 1 (login failed) whose data.type -2 is a refused connection is a
//! //    network failure, not a reason to send the user to the login screen.
//! let p = payload::parse_agora(r#"{"type":1,"message":"Request Unknow Error","data":{"type":-2,"errorType":"onerror","xhr":{}}}"#).unwrap();
//! assert_eq!((p.canonical(), p.recovery()), (Canonical::Unavailable, Recovery::RetryWithBackoff));
//!
//! // 3. Not every rejection is a vendor error: a call before init rejects with a JavaScript
//! //    TypeError, renewToken() with {"status":false}. Both are values, not parse errors.
//! let p = payload::parse_exception(r#"{"name":"TypeError","message":"Cannot read properties of undefined (reading 'get')"}"#).unwrap();
//! assert!(matches!(p.resolution(), Resolution::Runtime(_)));
//! let p = payload::parse_agora(r#"{"status":false}"#).unwrap();
//! assert!(p.resolution().is_unrecognized());
//! ```
//!
//! The same capture run against `stream-chat` 9.53.0 and `@sendbird/chat` 4.22.12
//! (`tests/fixtures/sdk-traffic/stream-sendbird/`: 801 distinct objects the SDKs handed over and the
//! 203 raw responses of the loopback mock, each with the class, advice and delay decided by hand;
//! `tests/sdk_traffic/`) showed what their SDKs do to the vendors' documented errors. With the shape
//! named, every object is a value with the expected class; the raw responses, read by
//! `response::classify`, give the expected class and delay. The captures of `@twilio/conversations`,
//! `ably` / `@ably/chat`, `@tencentcloud/chat` and `zego-zim-web` followed (their folders under
//! `tests/fixtures/sdk-traffic/`). Detection without a hint, run on all 1,668 objects of the eight
//! SDKs, names the right vendor for 1,121, a transport error for 77 and refuses 470 (plain
//! JavaScript errors every SDK throws, codes several vendors use), and names no wrong vendor:
//!
//! ```
//! use chat_error_codes::{Canonical, Recovery, Table, payload};
//! use core::time::Duration;
//!
//! // 4. Stream's SDK wraps every coded error in ErrorFromResponse: a `code` with a `name`, which
//! //    documents-only detection took for a CometChatException. It is Stream's, and its lowercase
//! //    `status` decides when the body had no code (an HTML 503 from a proxy).
//! let e = r#"{"message":"(status: 429, code: 9) - StreamChat error code 9: Too many requests","name":"ErrorFromResponse","code":9,"status":429}"#;
//! assert_eq!(payload::parse(e).unwrap().shape(), payload::Shape::Stream);
//! let e = r#"{"message":"(status: 503) - StreamChat error HTTP code: 503","name":"ErrorFromResponse","code":null,"status":503}"#;
//! assert_eq!(payload::parse_stream(e).unwrap().canonical(), Canonical::Unavailable);
//!
//! // 5. A dropped WebSocket: stream-chat's own network-failure flag, and a close code (RFC 6455)
//! //    rather than a Stream code. Reconnect; the credentials are fine.
//! let ws = r#"{"code":1006,"StatusCode":"unknown","message":"WS failed with code 1006 and reason - ","isWSFailure":true}"#;
//! let p = payload::parse_stream(ws).unwrap();
//! assert_eq!(p.table(), Table::WebSocketClose);
//! assert_eq!((p.canonical(), p.recovery()), (Canonical::Unavailable, Recovery::Reconnect));
//!
//! // 6. Transport errors pass through every SDK: a timeout is a timeout, not an unknown Stream code.
//! let t = r#"{"name":"AxiosError","code":"ECONNABORTED","message":"timeout of 1500ms exceeded"}"#;
//! assert_eq!(payload::parse_stream(t).unwrap().canonical(), Canonical::DeadlineExceeded);
//!
//! // 7. Sendbird's BUSY frame arrives as DELAYED_CONNECTING, its delay inside `_detail`.
//! let b = r#"{"name":"SendbirdError","code":800221,"message":"Connection delayed.","_detail":"{\"retry_after\":5,\"reason_code\":0}"}"#;
//! let p = payload::parse_sendbird(b).unwrap();
//! assert_eq!(p.retry_after(), Some(Duration::from_secs(5)));
//! ```
//!
//! Two traps remain in the SDKs themselves: stream-chat reads a captive portal's HTML 200 as data
//! and fails later with a `TypeError` that odd arguments also produce (`users is not iterable`), and
//! Sendbird folds every transport fault (HTML 502, an empty body, a refused upgrade, a closed port)
//! into `800120 NETWORK_ERROR`, losing the status and `Retry-After`. The object cannot say more than
//! it carries; the HTTP response can, so a service that sees the response should classify that
//! (`response::classify` reads a page in a 2xx, a redirect or a cut-off body as `Unavailable`).
//!
//! The transport errors have a table of their own, `js_transport` (Node.js system errors and error
//! codes, TLS certificate codes, undici's and axios' codes, each with its source), consulted for any
//! string code a vendor table does not know; WebSocket close codes have `websocket_close` (RFC 6455
//! and the IANA registry), used for the codes of a WebSocket failure.
//!
//! The class of a payload follows its most specific part: the innermost nested cause the catalog
//! classifies (`cause()`, `causes()`), else a documented message with a class of its own (Agora's
//! type 1 with "the accessToken is illegal" is a bad argument), else the code, else what the payload says besides its code (an HTTP status in the body, an
//! SDK's network-failure flag, an HTTP reason phrase as the message). A code the SDKs raise
//! for several causes (Agora 101: a file too large, or a network failure during the upload) gets a
//! class safe for all of them, and its note says so.

mod ably;
mod by_table;
mod detect;
mod error;
mod fields;
mod parsed;
mod sendbird;
mod shapes;
mod signals;
mod stream;
mod tencent;
mod zego;

pub use by_table::parse_for;
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
pub use tencent::{TencentBatch, TencentReply, parse_tencent, parse_tencent_rest};
pub use twilio::parse_twilio;
pub use zego::parse_zego;
