//! Shape detection: [`parse`] and its rules, one table ordered by what the SDKs really emit.

use super::ably::ably;
use super::fields::{ErrorField, Fields, Key, read};
use super::sendbird::sendbird;
use super::shapes::{agora, agora_rest, exception, genesys, rest_body};
use super::signals::http_status;
use super::stream::{stream, ws_message};
use super::tencent::{rest_error, tencent_web};
use super::twilio::twilio;
use super::zego::zego;
use super::{ParsedError, PayloadError, Shape};
use crate::{RawCode, Table};

/// Detects the vendor shape and parses the payload in one pass over the input.
///
/// The first rule that fits decides; a payload that more than one vendor's SDK sends in the same
/// form is refused with [`PayloadError::Ambiguous`], which names the candidates: detection never
/// guesses a vendor. The rules, in order (measured on every captured fixture of the CometChat,
/// Agora, Stream, Sendbird, Twilio, Ably, Tencent Cloud IM and ZEGOCLOUD ZIM SDKs: each is detected as its own vendor or refused):
///
/// | # | the payload has | it is |
/// |---|---|---|
/// | 1 | a numeric `code` with a `type`, `more_info` or `moreInfo` that is a twilio.com address | Twilio REST body, `RestException` or `TwilioServiceException` |
/// | 2 | a numeric `code` with an `href` that is a help.ably.io address | Ably `ErrorInfo` |
/// | 3 | `terminal` (also in an `error` object), `errorCode` with `httpStatusCode`, `description` with `body` and `status`, or a `reply` object without a `code` | Twilsock `connectionError` (`initFailed` wraps it in `error`), `TwilsockUpstreamError`, `TwilsockReplyError` |
/// | 4 | `title`, `detail` or `instance`; or, with no `error` and no `code`, a `type` that is a URI (has `:` or `/`) | refused: [`PayloadError::ProblemDetails`] (RFC 9457) |
/// | 5 | an `error` object with a `StatusCode` | Stream WebSocket error frame |
/// | 6 | an `error` object whose `code` is text (or absent) | CometChat REST body |
/// | 7 | an `error` object with a numeric `code` and a `statusCode` or a help.ably.io `href`, or beside an `action` | Ably REST body or protocol message |
/// | 8 | an `error` object with a numeric `code` | refused: ambiguous (Ably's body without its `statusCode`) |
/// | 9 | an `error` text with `exception` or `error_description`, or that is an Agora REST `error` string | Agora REST body |
/// | 10 | `error: true` with a `code` | Sendbird Platform API body |
/// | 11 | a `reason` object with a numeric `code` and a `statusCode` or a help.ably.io `href` | Ably state change |
/// | 12 | `name: "ErrorFromResponse"`, `isWSFailure`, a `StatusCode` with a `code`, or a message stream-chat writes for a WebSocket failure | Stream (see [`parse_stream`](super::parse_stream)) |
/// | 13 | `name: "SendbirdError"` or `_detail` | Sendbird `SendbirdError` |
/// | 14 | `ActionStatus` with `ErrorCode` | Tencent Cloud IM REST API reply (a success or a partial failure of a batch is refused: [`PayloadError::Success`], [`PayloadError::PartialFailure`]) |
/// | 15 | a numeric `code` that Ably's table lists or whose range it documents, with a numeric `statusCode` | Ably `ErrorInfo` |
/// | 16 | a `code` of the [`transport`](crate::transport) table with no `name` or a JavaScript error class as `name`, that no vendor table also lists unless `name` is axios' (`AxiosError`, `CanceledError`) | a transport error, whatever the vendor |
/// | 17 | a `type` that is not a URI (a number, or a symbol such as `GROUP_NOT_EXIST`) | Agora Web SDK `ErrorEvent` |
/// | 18 | a `code` that is text but not a number and not a transport code, or any `code` with a `name` that is not a JavaScript error class | `CometChatException` |
/// | 19 | a six-digit numeric `code` in Sendbird's ranges that no other vendor's table claims | Sendbird `SendbirdError` |
/// | 20 | a seven-digit numeric `code` that ZEGOCLOUD ZIM's table lists or of its `6000xyy` form (6000000 to 6000999), that no other vendor's table claims | ZEGOCLOUD ZIM SDK error |
/// | 21 | a numeric `code` with a `data` member and no `name`, that Tencent Cloud IM's table lists (or its range holds) and no other vendor's table or range claims | Tencent Cloud IM web SDK rejection |
/// | 22 | a numeric `code` from 1 to 249 that no other vendor's table claims | Genesys `EventError` |
/// | 23 | any other `code` | refused: ambiguous |
/// | 24 | a `name` without a code (a JavaScript error) | refused: ambiguous (every JavaScript SDK throws these) |
/// | 25 | none of these | refused: [`PayloadError::UnknownShape`] |
///
/// A bare `{code, message}` is what five SDKs reject with: Sendbird's `SendbirdError`, Genesys'
/// `EventError`, ZEGOCLOUD ZIM's error, Tencent Cloud IM's web SDK error (which adds `data`) and,
/// with their own members, Stream's and Ably's. Only the code's size tells them apart, and only
/// where the vendors' code spaces do not meet: ZIM's codes are seven digits (`6000xyy`, rule
/// 20), Sendbird's six (rule 19), Genesys' at most three (rule 22), and no other table has a
/// seven-digit code. Tencent Cloud IM's codes (four to six digits, and negative ones) overlap
/// the ranges of Ably, Twilio and Agora, so its web SDK's error is concluded only with its
/// `data` member and a code no other table lists or holds in a range (rule 21); a code that
/// two tables claim (`1`: Genesys, Agora and ZIM) is refused naming them. The REST API reply's
/// `ActionStatus` and `ErrorCode` members are Tencent's alone (rule 14).
///
/// Call the shape's own function when you know the vendor: it reads every form of that vendor
/// (JavaScript errors included) and resolves more precisely (a Calls API body, an Agora REST
/// body with its status).
///
/// ```
/// use chat_error_codes::payload::{self, PayloadError, Shape};
/// assert_eq!(payload::parse(r#"{"type":16}"#).unwrap().shape(), Shape::AgoraErrorEvent);
/// assert_eq!(payload::parse(r#"{"code":"UID_IS_COMPULSORY"}"#).unwrap().resolution().param(), Some("UID"));
/// assert_eq!(payload::parse(r#"{"code":101}"#).unwrap().shape(), Shape::GenesysEventError);
/// assert_eq!(payload::parse(r#"{"code":400201,"message":"m"}"#).unwrap().shape(), Shape::SendbirdError);
/// assert_eq!(payload::parse(r#"{"error":"unauthorized","error_description":"m"}"#).unwrap().shape(), Shape::AgoraRest);
/// assert_eq!(payload::parse(r#"{"code":4,"message":"m","StatusCode":400}"#).unwrap().shape(), Shape::Stream);
/// assert_eq!(payload::parse(r#"{"code":9,"name":"ErrorFromResponse","status":429}"#).unwrap().shape(), Shape::Stream);
/// assert_eq!(payload::parse(r#"{"code":"ECONNREFUSED"}"#).unwrap().shape(), Shape::TransportError);
/// assert_eq!(payload::parse(r#"{"ActionStatus":"FAIL","ErrorCode":70107,"ErrorInfo":"m"}"#).unwrap().shape(), Shape::TencentRest);
/// assert_eq!(payload::parse(r#"{"code":6000106,"message":"m"}"#).unwrap().shape(), Shape::ZegoZimError);
/// assert_eq!(payload::parse(r#"{"code":2024,"message":"m","data":{}}"#).unwrap().shape(), Shape::TencentError);
/// assert!(matches!(payload::parse(r#"{"code":2024,"message":"m"}"#), Err(PayloadError::Ambiguous { .. })));
/// assert!(matches!(payload::parse(r#"{"ActionStatus":"OK","ErrorCode":0}"#), Err(PayloadError::Success { .. })));
/// assert!(matches!(payload::parse(r#"{"name":"TypeError","message":"x"}"#), Err(PayloadError::Ambiguous { .. })));
/// assert!(matches!(payload::parse(r#"{"type":"about:blank","status":404}"#), Err(PayloadError::ProblemDetails { .. })));
/// let err = payload::parse("{\"code\": tru}").unwrap_err();
/// assert_eq!((err.line(), err.column()), (Some(1), Some(13)));
/// ```
#[inline]
pub fn parse(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, None, &mut f)?;
    let rule = RULES
        .iter()
        .find(|rule| (rule.fits)(&f))
        .map_or(Verdict::Refuse(unknown), |rule| rule.verdict);
    match rule {
        Verdict::Refuse(error) => Err(error(&f)),
        Verdict::Parse(parse) => parse(json, &mut f),
    }
}

/// One row of the detection table.
struct Rule {
    /// The row's condition as the docs table words it (kept in step by a test).
    #[cfg_attr(not(test), allow(dead_code))]
    when: &'static str,
    fits: fn(&Fields<'_>) -> bool,
    verdict: Verdict,
}

#[derive(Clone, Copy)]
enum Verdict {
    Parse(for<'a> fn(&'a str, &mut Fields<'a>) -> Result<ParsedError<'a>, PayloadError>),
    Refuse(fn(&Fields<'_>) -> PayloadError),
}

/// The detection table; the docs of [`parse`] show it.
const RULES: [Rule; 24] = [
    Rule {
        when: "a numeric `code` with a `type`, `more_info` or `moreInfo` that is a twilio.com address",
        fits: |f| {
            numeric_code(f)
                && (host_in(f.more_info, TWILIO) || kind_in(f, TWILIO))
                && !f.has(Key::Href)
        },
        verdict: Verdict::Parse(twilio),
    },
    Rule {
        when: "a numeric `code` with an `href` that is a help.ably.io address",
        fits: |f| numeric_code(f) && f.has(Key::Href) && host_in(f.more_info, ABLY),
        verdict: Verdict::Parse(ably),
    },
    Rule {
        when: "`terminal` (also in an `error` object), `errorCode` with `httpStatusCode`, `description` with `body` and `status`, or a `reply` object without a `code`",
        fits: |f| {
            f.has(Key::Terminal)
                || matches!(&f.error, Some(ErrorField::Body(b)) if b.terminal.is_some())
                || f.has(Key::ErrorCode) && f.has(Key::HttpStatusCode)
                || f.has(Key::Description) && f.has(Key::Body) && f.has(Key::Status)
                || !f.has(Key::Code) && f.reply.is_some_and(|r| r.get().starts_with('{'))
        },
        verdict: Verdict::Parse(twilio),
    },
    Rule {
        when: "`title`, `detail` or `instance`; or, with no `error` and no `code`, a `type` that is a URI (has `:` or `/`)",
        fits: problem_member_of,
        verdict: Verdict::Refuse(problem),
    },
    Rule {
        when: "an `error` object with a `StatusCode`",
        fits: |f| matches!(&f.error, Some(ErrorField::Body(b)) if b.status_code.is_some()),
        verdict: Verdict::Parse(stream),
    },
    Rule {
        when: "an `error` object whose `code` is text (or absent)",
        fits: |f| matches!(&f.error, Some(ErrorField::Body(b)) if !matches!(b.code, Some(RawCode::Int(_)))),
        verdict: Verdict::Parse(cometchat_rest),
    },
    Rule {
        when: "an `error` object with a numeric `code` and a `statusCode` or a help.ably.io `href`, or beside an `action`",
        fits: |f| match &f.error {
            Some(ErrorField::Body(b)) => {
                f.has(Key::Action) || http_status(b.status_lower).is_some() || host_in(b.href, ABLY)
            }
            _ => false,
        },
        verdict: Verdict::Parse(ably),
    },
    Rule {
        when: "an `error` object with a numeric `code`",
        fits: |f| matches!(f.error, Some(ErrorField::Body(_))),
        verdict: Verdict::Refuse(|_| PayloadError::Ambiguous {
            reason: "an `error` object with a numeric code but without Ably's `statusCode` or `href`: CometChat's codes are text, Stream's frames have `StatusCode`",
            candidates: &[Shape::AblyRest, Shape::Stream, Shape::CometChatRest],
        }),
    },
    Rule {
        when: "an `error` text with `exception` or `error_description`, or that is an Agora REST `error` string",
        fits: |f| match &f.error {
            Some(ErrorField::Text(error)) => {
                f.has(Key::Exception)
                    || f.has(Key::ErrorDescription)
                    || Table::AgoraRest.lookup(error).is_some()
            }
            _ => false,
        },
        verdict: Verdict::Parse(|json, f| agora_rest(json, f, None)),
    },
    Rule {
        when: "`error: true` with a `code`",
        fits: |f| matches!(f.error, Some(ErrorField::Flag(true))) && f.code.is_some(),
        verdict: Verdict::Parse(sendbird),
    },
    Rule {
        when: "a `reason` object with a numeric `code` and a `statusCode` or a help.ably.io `href`",
        fits: |f| !f.has(Key::Code) && ably_reason(f.reason),
        verdict: Verdict::Parse(ably),
    },
    Rule {
        when: "`name: \"ErrorFromResponse\"`, `isWSFailure`, a `StatusCode` with a `code`, or a message stream-chat writes for a WebSocket failure",
        fits: |f| {
            f.name.as_deref() == Some("ErrorFromResponse")
                || f.has(Key::IsWsFailure)
                || (f.has(Key::StatusCode) && f.has(Key::Code))
                || f.message.as_deref().is_some_and(stream_ws_message)
        },
        verdict: Verdict::Parse(stream),
    },
    Rule {
        when: "`name: \"SendbirdError\"` or `_detail`",
        fits: |f| f.name.as_deref() == Some("SendbirdError") || f.has(Key::SbDetail),
        verdict: Verdict::Parse(sendbird),
    },
    Rule {
        when: "`ActionStatus` with `ErrorCode`",
        fits: |f| f.has(Key::ActionStatus) && f.has(Key::TencentErrorCode),
        verdict: Verdict::Parse(|json, _| rest_error(json)),
    },
    Rule {
        when: "a numeric `code` that Ably's table lists or whose range it documents, with a numeric `statusCode`",
        fits: |f| {
            http_status(f.status_lower).is_some()
                && f.code
                    .as_ref()
                    .and_then(RawCode::as_integer)
                    .is_some_and(|n| {
                        Table::Ably.lookup_number(n).is_some()
                            || Table::Ably.section_of(n).is_some()
                    })
        },
        verdict: Verdict::Parse(ably),
    },
    Rule {
        when: "a `code` of the [`transport`](crate::transport) table with no `name` or a JavaScript error class as `name`, that no vendor table also lists unless `name` is axios' (`AxiosError`, `CanceledError`)",
        fits: |f| {
            let axios = matches!(f.name.as_deref(), Some("AxiosError" | "CanceledError"));
            f.code.as_ref().is_some_and(transport_code)
                && f.name.as_deref().is_none_or(is_js_error_class)
                && (axios || !f.code.as_ref().is_some_and(vendor_string_code))
        },
        verdict: Verdict::Parse(transport),
    },
    Rule {
        when: "a `type` that is not a URI (a number, or a symbol such as `GROUP_NOT_EXIST`)",
        fits: |f| f.kind.as_ref().is_some_and(|k| !is_uri(k)),
        verdict: Verdict::Parse(agora),
    },
    Rule {
        when: "a `code` that is text but not a number and not a transport code, or any `code` with a `name` that is not a JavaScript error class",
        fits: |f| match &f.code {
            Some(code) => {
                code.as_integer().is_none() && f.name.is_none() && !transport_code(code)
                    || f.name.as_deref().is_some_and(|n| !is_js_error_class(n))
            }
            None => false,
        },
        verdict: Verdict::Parse(exception),
    },
    Rule {
        when: "a six-digit numeric `code` in Sendbird's ranges that no other vendor's table claims",
        fits: |f| f.name.is_none() && code_of(f, Table::SendbirdChat, 100_000..=999_999),
        verdict: Verdict::Parse(sendbird),
    },
    Rule {
        when: "a seven-digit numeric `code` that ZEGOCLOUD ZIM's table lists or of its `6000xyy` form (6000000 to 6000999), that no other vendor's table claims",
        fits: |f| f.name.is_none() && zego_code(f),
        verdict: Verdict::Parse(zego),
    },
    Rule {
        when: "a numeric `code` with a `data` member and no `name`, that Tencent Cloud IM's table lists (or its range holds) and no other vendor's table or range claims",
        fits: |f| f.name.is_none() && f.has(Key::Data) && only_in(f, Table::TencentIm),
        verdict: Verdict::Parse(tencent_web),
    },
    Rule {
        when: "a numeric `code` from 1 to 249 that no other vendor's table claims",
        fits: |f| f.name.is_none() && code_of(f, Table::GenesysChat, 1..=249),
        verdict: Verdict::Parse(genesys),
    },
    Rule {
        when: "any other `code`",
        fits: |f| f.code.is_some(),
        verdict: Verdict::Refuse(|f| PayloadError::Ambiguous {
            reason: if f.name.is_some() {
                "a JavaScript error with a code that is not a transport code"
            } else if f.code.as_ref().is_some_and(transport_code) {
                "a code that is both a transport code and a vendor's (`ERR_BAD_REQUEST`: axios and CometChat)"
            } else {
                "a numeric code that no vendor's code space decides (or that several claim: Tencent Cloud IM, ZEGOCLOUD ZIM, Sendbird and Genesys send the same `{code, message}`)"
            },
            candidates: &[
                Shape::Stream,
                Shape::CometChatException,
                Shape::SendbirdError,
                Shape::GenesysEventError,
                Shape::TencentError,
                Shape::ZegoZimError,
                Shape::TransportError,
                Shape::TwilioRest,
                Shape::AblyErrorInfo,
            ],
        }),
    },
    Rule {
        when: "a `name` without a code (a JavaScript error)",
        fits: |f| f.name.is_some(),
        verdict: Verdict::Refuse(|_| PayloadError::Ambiguous {
            reason: "a JavaScript error without a code, which every JavaScript SDK throws",
            candidates: &[
                Shape::CometChatException,
                Shape::AgoraErrorEvent,
                Shape::Stream,
                Shape::SendbirdError,
                Shape::TencentError,
                Shape::TwilioRest,
                Shape::AblyErrorInfo,
            ],
        }),
    },
];

/// The hosts of the vendors' help addresses (Twilio's `more_info`, Ably's `href`).
const TWILIO: &str = "twilio.com/";
const ABLY: &str = "help.ably.io/";

/// Whether `f` has a numeric `code`.
fn numeric_code(f: &Fields<'_>) -> bool {
    f.code.as_ref().and_then(RawCode::as_integer).is_some()
        && !matches!(f.code, Some(RawCode::Str(_)))
}

/// Whether a member's exact text is a string holding an `https://` address on `host` (with or
/// without `www.`); only the address's start is looked at.
fn host_in(raw: Option<&serde_json::value::RawValue>, host: &str) -> bool {
    super::fields::text_of(raw).is_some_and(|url| is_on(&url, host))
}

fn is_on(url: &str, host: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| r.strip_prefix("www.").unwrap_or(r).starts_with(host))
}

/// Whether `f`'s `type` is an address on `host`.
fn kind_in(f: &Fields<'_>, host: &str) -> bool {
    f.kind
        .as_ref()
        .and_then(RawCode::as_str)
        .is_some_and(|t| is_on(t, host))
}

/// Whether a `reason` is an Ably `ErrorInfo` (rule 11).
fn ably_reason(reason: Option<&serde_json::value::RawValue>) -> bool {
    let Some(raw) = reason.filter(|r| r.get().starts_with('{')) else {
        return false;
    };
    let mut f = Fields::default();
    read(raw.get(), None, &mut f).is_ok()
        && numeric_code(&f)
        && (http_status(f.status_lower).is_some() || f.has(Key::Href) && host_in(f.more_info, ABLY))
}

/// The Problem Details member that makes `f` a Problem Details document, if any (rule 4).
fn problem_member(f: &Fields<'_>) -> Option<&'static str> {
    let member = [Key::Title, Key::Detail, Key::Instance]
        .into_iter()
        .find(|&k| f.has(k));
    let text_type = f.error.is_none() && !f.has(Key::Code) && f.kind.as_ref().is_some_and(is_uri);
    member.map(Key::as_str).or(text_type.then_some("type"))
}

/// Whether a `type` is a URI (an RFC 9457 problem type such as `about:blank` or
/// `https://example.com/probs/out-of-credit`), which an Agora `type` (a number or an
/// upper-case symbol) never is.
pub(super) fn is_uri(kind: &RawCode<'_>) -> bool {
    kind.as_str().is_some_and(|s| s.contains([':', '/']))
}

fn problem_member_of(f: &Fields<'_>) -> bool {
    problem_member(f).is_some()
}

fn problem(f: &Fields<'_>) -> PayloadError {
    PayloadError::ProblemDetails {
        member: problem_member(f).unwrap_or("type"),
    }
}

fn unknown(_: &Fields<'_>) -> PayloadError {
    PayloadError::UnknownShape {
        found: "an object with none of them",
    }
}

fn cometchat_rest<'a>(json: &'a str, f: &mut Fields<'a>) -> Result<ParsedError<'a>, PayloadError> {
    match f.error.take() {
        Some(ErrorField::Body(body)) => {
            rest_body(json, body, Shape::CometChatRest, Table::CometChatRest)
        }
        _ => Err(PayloadError::MissingCode {
            shape: Shape::CometChatRest,
            field: "error",
        }),
    }
}

/// A transport error passed through by any SDK: resolved in the transport table.
fn transport<'a>(json: &'a str, f: &mut Fields<'a>) -> Result<ParsedError<'a>, PayloadError> {
    let shape = Shape::TransportError;
    let code = f.code.take().ok_or(PayloadError::MissingCode {
        shape,
        field: "code",
    })?;
    let resolution = crate::resolve::raw(Table::JsTransport, code.clone());
    Ok(ParsedError::from_fields(json, shape, code, resolution, f))
}

/// The messages stream-chat writes for a WebSocket failure: its connection code's
/// `"WS failed with code ..."` and `"WS connection reject with error ..."`, or that object
/// serialized into a plain `Error`'s message (`{"code":...,"isWSFailure":...}`).
fn stream_ws_message(message: &str) -> bool {
    ws_message(message)
        || message.starts_with('{')
            && [
                "\"isWSFailure\"",
                "WS failed with code ",
                "WS connection reject with error ",
            ]
            .iter()
            .any(|m| message.contains(m))
}

/// Whether `code` is a transport table code (the payload is a transport error passed through).
fn transport_code(code: &RawCode<'_>) -> bool {
    code.as_str()
        .is_some_and(|s| Table::JsTransport.lookup(s).is_some())
}

/// Whether a string code is also a vendor's (CometChat's SDK has `ERR_BAD_REQUEST`, as axios).
fn vendor_string_code(code: &RawCode<'_>) -> bool {
    code.as_str().is_some_and(|s| {
        crate::lookup(s).any(|e| crate::ErrorInfo::table(&e) != Table::JsTransport)
    })
}

/// The names JavaScript gives its own error classes and those of the HTTP clients SDKs use
/// (axios; got, beneath ably's node build): a `name` like these says nothing about the vendor.
fn is_js_error_class(name: &str) -> bool {
    matches!(
        name,
        "Error"
            | "TypeError"
            | "RangeError"
            | "SyntaxError"
            | "ReferenceError"
            | "EvalError"
            | "URIError"
            | "AggregateError"
            | "AbortError"
            | "TimeoutError"
            | "DOMException"
            | "AxiosError"
            | "CanceledError"
            | "FetchError"
            | "RequestError"
            | "ReadError"
            | "HTTPError"
            | "ParseError"
            | "MaxRedirectsError"
    )
}

/// Whether `f`'s numeric code lies in `range` and in one of `table`'s documented sections, and no
/// table of a vendor whose SDKs reject with the same bare `{code, message}` (Tencent Cloud IM,
/// ZEGOCLOUD ZIM) lists it or its range.
fn code_of(f: &Fields<'_>, table: Table, range: core::ops::RangeInclusive<i64>) -> bool {
    const SAME_FORM: [Table; 2] = [Table::TencentIm, Table::ZegoZim];
    let Some(n) = f.code.as_ref().and_then(RawCode::as_integer) else {
        return false;
    };
    range.contains(&n)
        && table.section_of(n).is_some()
        && !SAME_FORM
            .iter()
            .any(|t| t.lookup_number(n).is_some() || t.section_of(n).is_some())
}

/// Whether `f`'s numeric code is ZIM's: seven digits, listed in its table or of the `6000xyy`
/// form its docs group codes by (ZEGOCLOUD documents no ranges beyond that), and no other
/// table lists it.
fn zego_code(f: &Fields<'_>) -> bool {
    let Some(n) = f.code.as_ref().and_then(RawCode::as_integer) else {
        return false;
    };
    (1_000_000..=9_999_999).contains(&n)
        && (Table::ZegoZim.lookup_number(n).is_some() || (6_000_000..=6_000_999).contains(&n))
        && !claimed_by_another(n, Table::ZegoZim)
}

/// Whether `f`'s numeric code is `own`'s (an entry or a documented range) and no other table's.
fn only_in(f: &Fields<'_>, own: Table) -> bool {
    let Some(n) = f.code.as_ref().and_then(RawCode::as_integer) else {
        return false;
    };
    (own.lookup_number(n).is_some() || own.section_of(n).is_some()) && !claimed_by_another(n, own)
}

/// Whether a table other than `own` lists `n` or has a range that holds it. WebSocket close
/// codes do not count: a payload carries one only in a WebSocket failure, which rule 12 reads.
fn claimed_by_another(n: i64, own: Table) -> bool {
    <Table as strum::VariantArray>::VARIANTS
        .iter()
        .filter(|&&t| t != own && t != Table::WebSocketClose)
        .any(|&t| t.lookup_number(n).is_some() || t.section_of(n).is_some())
}

#[cfg(test)]
mod tests {
    /// The docs table of `parse` lists the rules of `RULES`, in the same order.
    #[test]
    fn the_docs_table_is_the_rule_table() {
        let source = include_str!("detect.rs");
        let mut at = 0;
        for (i, rule) in super::RULES.iter().enumerate() {
            let row = alloc::format!("/// | {} | {} |", i + 1, rule.when);
            let found = source[at..].find(&row).unwrap_or_else(|| {
                panic!("rule {} is not row {} of the docs table", rule.when, i + 1)
            });
            at += found + row.len();
        }
    }
}
