//! Payloads: known and unknown codes in every vendor shape round-trip exactly; payload-like
//! input never panics.

use std::fmt::Write as _;

use chat_error_codes::payload::{self, PayloadError, Shape};
use chat_error_codes::{
    AnyChatError, ErrorInfo, Table, agora, cometchat, genesys,
    resolve::{self, RawCode, Resolution, Unrecognized},
};
use proptest::prelude::*;
use proptest::sample::select;

use crate::exercise::{PARSERS, Parser, check_payload, check_resolution};
use crate::strategies::{details_text, known, payloadish, raw_code_strategy};
use crate::support::js;
use crate::{PAYLOADS, TABLES, config};

proptest! {
    #![proptest_config(config(PAYLOADS))]

    /// Every known code, in every payload shape that carries its table, resolves to its entry
    /// and re-serializes to exactly the input.
    #[test]
    fn known_codes_round_trip_through_every_payload_shape(
        e in known(),
        message in proptest::option::of(any::<String>()),
        details in proptest::option::of(details_text()),
    ) {
        let code = e.code().to_string();
        let mut tail = String::new();
        if let Some(m) = &message {
            write!(tail, r#","message":{}"#, js(m)).unwrap();
        }
        let details_field = |key: &str| details.as_ref().map(|d| format!(r#","{key}":{d}"#)).unwrap_or_default();
        let mut inputs: Vec<(String, Parser, Shape)> = Vec::new();
        match e.table() {
            Table::CometChatRest | Table::CometChatCalls => {
                let body = format!(r#"{{"error":{{"code":{}{tail}{}}}}}"#, js(&code), details_field("details"));
                let (parser, shape) = if e.table() == Table::CometChatRest {
                    (payload::parse_rest as Parser, Shape::CometChatRest)
                } else {
                    (payload::parse_calls as Parser, Shape::CometChatCalls)
                };
                inputs.push((body.clone(), parser, shape));
                if e.table() == Table::CometChatRest {
                    inputs.push((body, payload::parse, Shape::CometChatRest));
                }
            }
            Table::CometChatSdk => {
                let body = format!(r#"{{"code":{},"name":{}{tail}{}}}"#, js(&code), js(&code), details_field("details"));
                inputs.push((body.clone(), payload::parse_exception, Shape::CometChatException));
                inputs.push((body, payload::parse, Shape::CometChatException));
            }
            Table::AgoraChat => {
                for kind in [code.clone(), js(&code), js(e.name())] {
                    let body = format!(r#"{{"type":{kind}{tail}{}}}"#, details_field("data"));
                    inputs.push((body.clone(), payload::parse_agora, Shape::AgoraErrorEvent));
                    inputs.push((body, payload::parse, Shape::AgoraErrorEvent));
                }
            }
            Table::GenesysChat => {
                for c in [code.clone(), js(&code)] {
                    let body = format!(r#"{{"code":{c}{tail}{}}}"#, details_field("details"));
                    inputs.push((body.clone(), payload::parse_genesys, Shape::GenesysEventError));
                    // Detection takes a bare code for Genesys' only where no vendor with the
                    // same `{code, message}` form (ZEGOCLOUD ZIM, Tencent IM) claims it.
                    let n = i64::from(e.code().as_i32().unwrap());
                    let claimed = [Table::ZegoZim, Table::TencentIm]
                        .iter()
                        .any(|t| t.lookup_number(n).is_some() || t.section_of(n).is_some());
                    if !claimed {
                        inputs.push((body, payload::parse, Shape::GenesysEventError));
                    }
                }
            }
            Table::AgoraRest => {
                // The body carries the `error` string; the status comes with the response.
                let description = message.as_ref().map(|m| format!(r#","error_description":{}"#, js(m))).unwrap_or_default();
                let status = e.vendor_status().unwrap();
                if code != status.to_string() {
                    let body = format!(r#"{{"error":{}{description}}}"#, js(&code));
                    let p = payload::parse_agora_rest_with_status(&body, status).unwrap();
                    prop_assert_eq!(p.resolution(), &Resolution::Known(e), "{}", body);
                    prop_assert_eq!(p.status(), Some(status));
                    prop_assert_eq!(&serde_json::to_string(&p).unwrap(), &body);
                    if agora::rest::ChatError::from_code(&code).map(AnyChatError::from) == Some(e) {
                        inputs.push((body.clone(), payload::parse_agora_rest, Shape::AgoraRest));
                        inputs.push((body, payload::parse, Shape::AgoraRest));
                    }
                }
            }
            // The native SDKs' numbers reach a server as app reports, in no payload shape of
            // their own.
            Table::AgoraNative => {}
            // The REST reply (always Tencent's: `ActionStatus` and `ErrorCode`) and the web
            // SDK's rejection (detected only for codes no other table claims: not drawn here).
            Table::TencentIm => {
                let info = message.as_ref().map(|m| format!(r#","ErrorInfo":{}"#, js(m))).unwrap_or_default();
                let body = format!(r#"{{"ActionStatus":"FAIL","ErrorCode":{code}{info}}}"#);
                inputs.push((body.clone(), payload::parse_tencent, Shape::TencentRest));
                inputs.push((body, payload::parse, Shape::TencentRest));
                let body = format!(r#"{{"code":{code}{tail}{}}}"#, details_field("data"));
                inputs.push((body, payload::parse_tencent, Shape::TencentError));
            }
            // ZIM's seven-digit codes are detected as ZIM's (no other table has any).
            Table::ZegoZim => {
                let body = format!(r#"{{"code":{code}{tail}}}"#);
                inputs.push((body.clone(), payload::parse_zego, Shape::ZegoZimError));
                let n = e.code().as_i32().unwrap();
                let alone = chat_error_codes::lookup_number(n.into()).all(|m| m.table() == Table::ZegoZim);
                if (1_000_000..=9_999_999).contains(&n) && alone {
                    inputs.push((body, payload::parse, Shape::ZegoZimError));
                }
            }
            // Twilio's REST body (with the `more_info` address detection reads) and Twilsock's
            // `connectionError`, written back as sent.
            Table::TwilioConversations => {
                let body = format!(r#"{{"code":{code}{tail},"more_info":"https://www.twilio.com/docs/errors/{code}","status":400}}"#);
                inputs.push((body.clone(), payload::parse_twilio, Shape::TwilioRest));
                inputs.push((body, payload::parse, Shape::TwilioRest));
                let event = format!(r#"{{"errorCode":{code}{tail},"httpStatusCode":401}}"#);
                inputs.push((event.clone(), payload::parse_twilio, Shape::Twilsock));
                inputs.push((event, payload::parse, Shape::Twilsock));
            }
            // Ably's REST body and `ErrorInfo`, with the `href` Ably gives every code.
            Table::Ably => {
                let info = format!(r#"{{"code":{code}{tail},"statusCode":400,"href":"https://help.ably.io/error/{code}"}}"#);
                inputs.push((info.clone(), payload::parse_ably, Shape::AblyErrorInfo));
                inputs.push((info.clone(), payload::parse, Shape::AblyErrorInfo));
                let body = format!(r#"{{"error":{info}}}"#);
                inputs.push((body.clone(), payload::parse_ably, Shape::AblyRest));
                inputs.push((body, payload::parse, Shape::AblyRest));
            }
            Table::StreamChat => {
                let body = format!(r#"{{"code":{code}{tail},"StatusCode":400{}}}"#, details_field("details"));
                inputs.push((body.clone(), payload::parse_stream, Shape::Stream));
                inputs.push((body, payload::parse, Shape::Stream));
            }
            // Every SDK passes transport errors through; every parser and detection read them.
            Table::JsTransport => {
                let body = format!(r#"{{"code":{}{tail}}}"#, js(&code));
                for parser in [payload::parse_stream as Parser, payload::parse_sendbird] {
                    inputs.push((body.clone(), parser, Shape::TransportError));
                }
                // Detection takes it only when no vendor uses the same code (CometChat's SDK has
                // `ERR_BAD_REQUEST` too: that one is refused as ambiguous).
                if chat_error_codes::lookup(&code).all(|m| m.table() == Table::JsTransport) {
                    inputs.push((body, payload::parse, Shape::TransportError));
                }
            }
            // A close code reaches a payload as stream-chat's WebSocket failure.
            Table::WebSocketClose => {
                let body = format!(r#"{{"code":{code}{tail},"StatusCode":"unknown","isWSFailure":true}}"#);
                inputs.push((body.clone(), payload::parse_stream, Shape::Stream));
                inputs.push((body, payload::parse, Shape::Stream));
            }
            Table::SendbirdChat => {
                let body = format!(r#"{{"error":true,"code":{code}{tail}}}"#);
                inputs.push((body.clone(), payload::parse_sendbird, Shape::SendbirdPlatform));
                inputs.push((body, payload::parse, Shape::SendbirdPlatform));
                let body = format!(r#"{{"code":{code}{tail}{}}}"#, details_field("details"));
                inputs.push((body.clone(), payload::parse_sendbird, Shape::SendbirdError));
                let n = e.code().as_i32().unwrap();
                let claimed = [Table::ZegoZim, Table::TencentIm].iter().any(|t| {
                    t.lookup_number(n.into()).is_some() || t.section_of(n.into()).is_some()
                });
                if (100_000..=999_999).contains(&n) && !claimed {
                    inputs.push((body, payload::parse, Shape::SendbirdError));
                }
            }
        }
        for (input, parser, shape) in &inputs {
            let p = parser(input).unwrap_or_else(|err| panic!("{input}: {err}"));
            prop_assert_eq!(p.shape(), *shape, "{}", input);
            let expected = if e.table() == Table::CometChatSdk {
                resolve::exception(RawCode::from(code.as_str()), Some(&code))
            } else {
                Resolution::Known(e)
            };
            prop_assert_eq!(p.resolution(), &expected, "{}", input);
            prop_assert_eq!(p.message(), message.as_deref());
            if input.contains(r#""details":"#) || input.contains(r#""data":"#) {
                prop_assert_eq!(p.details().map(|d| d.get()), details.as_deref());
            }
            // stream-chat's WebSocket failure is written back as a Stream API error (the SDK's
            // own members are in `raw()`).
            if !input.contains("isWSFailure") {
                prop_assert_eq!(&serde_json::to_string(&p).unwrap(), input);
            }
        }
    }

    /// A payload with an arbitrary code, built canonically with serde_json, re-serializes to
    /// exactly the input; an unrecognized code keeps the code and the message.
    #[test]
    fn unknown_codes_in_payloads_round_trip_exactly(
        code in raw_code_strategy(),
        name in proptest::option::of(any::<String>()),
        message in proptest::option::of(any::<String>()),
        details in proptest::option::of(details_text()),
        shape in select(vec![
            Shape::CometChatRest,
            Shape::CometChatCalls,
            Shape::CometChatException,
            Shape::AgoraErrorEvent,
            Shape::GenesysEventError,
            Shape::Stream,
            Shape::SendbirdError,
        ]),
    ) {
        let code_json = serde_json::to_string(&code).unwrap();
        let mut fields = Vec::new();
        let (parser, detail_key): (Parser, &str) = match shape {
            Shape::CometChatRest => (payload::parse_rest, "details"),
            Shape::CometChatCalls => (payload::parse_calls, "details"),
            Shape::CometChatException => (payload::parse_exception, "details"),
            Shape::AgoraErrorEvent => (payload::parse_agora, "data"),
            Shape::GenesysEventError => (payload::parse_genesys, "details"),
            Shape::Stream => (payload::parse_stream, "details"),
            Shape::SendbirdError => (payload::parse_sendbird, "details"),
            _ => unreachable!("not drawn"),
        };
        if shape == Shape::AgoraErrorEvent {
            fields.push(format!(r#""type":{code_json}"#));
        } else {
            fields.push(format!(r#""code":{code_json}"#));
            // Stream's body has no `name`.
            if let Some(n) = name.as_ref().filter(|_| shape != Shape::Stream) {
                fields.push(format!(r#""name":{}"#, js(n)));
            }
        }
        if let Some(m) = &message {
            fields.push(format!(r#""message":{}"#, js(m)));
        }
        if let Some(d) = &details {
            fields.push(format!(r#""{detail_key}":{d}"#));
        }
        let mut input = format!("{{{}}}", fields.join(","));
        if matches!(shape, Shape::CometChatRest | Shape::CometChatCalls) {
            input = format!(r#"{{"error":{input}}}"#);
        }
        // An Agora `type` that is a URI is an RFC 9457 problem type, not Agora's.
        if shape == Shape::AgoraErrorEvent && code.as_str().is_some_and(|s| s.contains([':', '/'])) {
            prop_assert!(matches!(parser(&input), Err(PayloadError::ProblemDetails { .. })), "{}", input);
            return Ok(());
        }
        // A transport code in a Stream or Sendbird payload is a transport error passed through.
        let transport = code.as_str().is_some_and(|s| Table::JsTransport.lookup(s).is_some());
        let shape = match shape {
            Shape::Stream | Shape::SendbirdError if transport => Shape::TransportError,
            other => other,
        };
        let p = parser(&input).unwrap_or_else(|err| panic!("{input}: {err}"));
        prop_assert_eq!(p.shape(), shape);
        prop_assert_eq!(p.code(), &code);
        prop_assert_eq!(&serde_json::to_string(&p).unwrap(), &input);
        if let Resolution::Unrecognized(u) = p.resolution() {
            prop_assert_eq!(u.code(), &code);
            prop_assert_eq!(u.message(), message.as_deref());
            let json = serde_json::to_string(u).unwrap();
            prop_assert_eq!(&serde_json::from_str::<Unrecognized<'_>>(&json).unwrap(), u);
        }
        let owned = p.clone().into_owned();
        prop_assert_eq!(owned.code(), &code);
        prop_assert_eq!(owned.raw(), input.as_str());
        prop_assert_eq!((owned.canonical(), owned.recovery()), (p.canonical(), p.recovery()));
        prop_assert_eq!(&serde_json::to_string(&owned).unwrap(), &input);
    }


    /// Structured fuzzing: payload-like objects with vendor keys, arbitrary values, duplicate
    /// keys and mangled text never panic; every success re-serializes to a payload the same
    /// parser reads back identically.
    #[test]
    fn payload_like_input_is_handled(text in payloadish()) {
        for (_, parser) in PARSERS {
            let r = parser(&text);
            check_payload(parser, &text, &r);
            let again = parser(&text);
            prop_assert_eq!(format!("{r:?}"), format!("{again:?}"));
        }
        for &table in TABLES {
            check_resolution(table, &text, &resolve::code(table, &text));
        }
        let _ = serde_json::from_str::<AnyChatError>(&text);
        let _ = serde_json::from_str::<Unrecognized<'_>>(&text);
        let _ = serde_json::from_str::<cometchat::sdk::ChatError>(&text);
        let _ = serde_json::from_str::<agora::ChatError>(&text);
        let _ = serde_json::from_str::<genesys::ChatError>(&text);
    }

}

// Regression for a misbehaviour the properties found in the library (fixed).

/// A `details`/`data` of JSON `null` is kept as sent and written back.
/// (A `"message": null` reads as no message and is not written back.)
#[test]
fn null_details_are_kept_on_reserialization() {
    for input in [
        r#"{"error":{"code":"ERR_X","details":null}}"#,
        r#"{"type":4242,"data":null}"#,
        r#"{"code":242,"details":null}"#,
    ] {
        let p = payload::parse(input).unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), input);
    }
}

/// An Ably REST body's `details` is the one inside `error`, where it is written back; a
/// `details` beside `error` is not the error's (found by `payload_like_input_is_handled`).
#[test]
fn ably_rest_details_come_from_inside_error() {
    let beside = r#"{"details":[],"error":{"code":40142,"statusCode":401}}"#;
    let p = payload::parse_ably(beside).unwrap();
    assert_eq!(p.details().map(|d| d.get()), None);
    let inside = r#"{"error":{"code":40142,"statusCode":401,"details":{"k":1}}}"#;
    let p = payload::parse_ably(inside).unwrap();
    assert_eq!(p.details().map(|d| d.get()), Some(r#"{"k":1}"#));
    let json = serde_json::to_string(&p).unwrap();
    let again = payload::parse_ably(&json).unwrap();
    assert_eq!(again.details().map(|d| d.get()), Some(r#"{"k":1}"#));
}

/// The reference for `ServerMessage::matches`: `template` (each `{...}` standing for one or more
/// bytes) against `text`, ASCII case-insensitively, a final period optional on both sides,
/// by trying every split (exponential, fine for short strings).
fn template_reference(template: &str, text: &str) -> bool {
    fn go(t: &[u8], s: &[u8]) -> bool {
        match t.iter().position(|&b| b == b'{') {
            None => t.eq_ignore_ascii_case(s),
            Some(open) => {
                let close = t[open..]
                    .iter()
                    .position(|&b| b == b'}')
                    .map_or(t.len(), |c| open + c + 1);
                s.len() > open
                    && s[..open].eq_ignore_ascii_case(&t[..open])
                    && (open + 1..=s.len()).any(|end| go(&t[close..], &s[end..]))
            }
        }
    }
    let trim = |s: &str| s.strip_suffix('.').unwrap_or(s).to_owned();
    go(trim(template).as_bytes(), trim(text).as_bytes())
}

proptest! {
    #![proptest_config(config(crate::CHEAP))]

    /// Matching a received message against a documented template agrees with the plain
    /// every-split reference, for templates with zero to three placeholders.
    #[test]
    fn server_message_templates_match_like_the_reference(
        template in "([a-c .]{0,3}(\\{[a-z]{1,3}\\})?){0,3}\\.?",
        text in "[a-cA-C .]{0,10}",
    ) {
        let m = chat_error_codes::catalog::ServerMessage::new(
            Box::leak(template.clone().into_boxed_str()),
            "explanation",
        );
        prop_assert_eq!(m.matches(&text), template_reference(&template, &text), "{:?} {:?}", template, text);
    }
}
