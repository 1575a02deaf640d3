//! Payload parsing: one sample per vendor shape with a known, an unrecognized, a pattern (or
#![cfg(feature = "json")]
//! range) code and a malformed body; verbatim details; re-serialization; shape detection.

use chat_error_codes::payload::{self, PayloadError, Shape};
use chat_error_codes::{
    Canonical, ErrorInfo, Recovery, Table,
    resolve::{RawCode, Resolution},
};

fn kind(r: &Resolution<'_>) -> &'static str {
    match r {
        Resolution::Known(_) => "known",
        Resolution::Pattern { .. } => "pattern",
        Resolution::Range { .. } => "range",
        Resolution::Unrecognized(_) => "unrecognized",
        Resolution::Runtime(_) => "runtime",
        _ => "other",
    }
}

#[test]
fn cometchat_rest_bodies() {
    let known = r#"{"error":{"code":"ERR_GUID_NOT_FOUND","message":"The group with GUID g1 does not exist.","details":{"guid":"g1","n":[1,2.50,"\u00e9"]}}}"#;
    let p = payload::parse_rest(known).unwrap();
    assert_eq!(kind(p.resolution()), "known");
    assert_eq!(p.table(), Table::CometChatRest);
    assert_eq!(p.canonical(), Canonical::NotFound);
    assert_eq!(p.http_status(), 404);
    assert_eq!(p.message(), Some("The group with GUID g1 does not exist."));
    // details verbatim, byte for byte (the number keeps its trailing zero, the escape stays).
    assert_eq!(
        p.details().unwrap().get(),
        r#"{"guid":"g1","n":[1,2.50,"\u00e9"]}"#
    );
    assert_eq!(serde_json::to_string(&p).unwrap(), known);
    assert_eq!(p.raw(), known);
    assert_eq!(payload::parse(known).unwrap().shape(), Shape::CometChatRest);

    let unknown = r#"{"error":{"code":"ERR_NEW_IN_2027","message":"Brand new."}}"#;
    let p = payload::parse_rest(unknown).unwrap();
    let Resolution::Unrecognized(u) = p.resolution() else {
        panic!()
    };
    assert_eq!(u.code(), &RawCode::from("ERR_NEW_IN_2027"));
    assert_eq!(u.message(), Some("Brand new."));
    assert_eq!(p.canonical(), Canonical::Unknown);
    assert_eq!(serde_json::to_string(&p).unwrap(), unknown);

    let err = payload::parse_rest(r#"{"error":{"message":"no code"}}"#).unwrap_err();
    assert!(
        matches!(
            err,
            PayloadError::MissingCode {
                field: "error.code",
                ..
            }
        ),
        "{err}"
    );
    let err = payload::parse_rest(r#"{"error":{"code":"X","message":"cut"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("malformed cometchat_rest payload: EOF"),
        "{err}"
    );
    assert_eq!(err.line(), Some(1));
}

#[test]
fn cometchat_calls_bodies_fall_back_to_the_rest_guide() {
    let p =
        payload::parse_calls(r#"{"error":{"code":"ERR_CALL_TERMINATED","message":"m"}}"#).unwrap();
    assert_eq!(p.table(), Table::CometChatCalls);
    let p = payload::parse_calls(r#"{"error":{"code":"ERR_UID_NOT_FOUND"}}"#).unwrap();
    assert_eq!(p.table(), Table::CometChatRest);
    let p = payload::parse_calls(r#"{"error":{"code":"ERR_CALL_UNHEARD_OF"}}"#).unwrap();
    assert!(p.resolution().is_unrecognized());
    assert_eq!(p.table(), Table::CometChatCalls);
}

#[test]
fn cometchat_exceptions() {
    let known = r#"{"code":"LOGIN_IN_PROGRESS","name":"LOGIN_IN_PROGRESS","message":"Please wait until the previous login request ends.","details":"retry later"}"#;
    let p = payload::parse_exception(known).unwrap();
    assert_eq!(kind(p.resolution()), "known");
    assert_eq!(p.recovery(), Recovery::WaitForCompletion);
    assert_eq!(p.details().unwrap().get(), r#""retry later""#);
    assert_eq!(serde_json::to_string(&p).unwrap(), known);

    let pattern = r#"{"code":"GROUP_NAME_IS_COMPULSORY","name":"GROUP_NAME_IS_COMPULSORY","message":"GROUP_NAME cannot be blank."}"#;
    let p = payload::parse(pattern).unwrap();
    assert_eq!(p.shape(), Shape::CometChatException);
    assert_eq!(kind(p.resolution()), "pattern");
    assert_eq!(p.resolution().param(), Some("GROUP_NAME"));
    assert_eq!(p.canonical(), Canonical::InvalidArgument);

    // REST code passed through by the SDK resolves to the REST entry.
    let p = payload::parse_exception(r#"{"code":"ERR_NOT_A_MEMBER","message":"not a member"}"#)
        .unwrap();
    assert_eq!(p.table(), Table::CometChatRest);

    // Numeric code, symbol in name: resolved by name, the number is kept.
    let numeric = r#"{"code":401,"name":"USER_NOT_AUTHORISED","message":"The authToken of the user is not authorised. Please verify again."}"#;
    let p = payload::parse(numeric).unwrap();
    assert_eq!(p.shape(), Shape::CometChatException);
    assert_eq!(p.code(), &RawCode::Int(401));
    assert_eq!(
        p.resolution().entry().unwrap().name(),
        "USER_NOT_AUTHORISED"
    );
    assert_eq!(serde_json::to_string(&p).unwrap(), numeric);

    let unknown = r#"{"code":"SOMETHING_ELSE","name":"SOMETHING_ELSE","message":"?"}"#;
    let p = payload::parse_exception(unknown).unwrap();
    assert!(p.resolution().is_unrecognized());
    assert_eq!(p.table(), Table::CometChatSdk);

    let err = payload::parse_exception(r#"{"code":true}"#).unwrap_err();
    assert!(
        err.to_string()
            .contains("an error code: a string or an integer"),
        "{err}"
    );
    // Without a `code`, what the SDK hands back is still a value (issue: real SDK output was
    // refused): a JS error's name and message, or the raw text of a fieldless object. A `code`
    // that is present but null is still a malformed payload.
    let p = payload::parse_exception(r#"{"name":"X"}"#).unwrap();
    assert_eq!(kind(p.resolution()), "runtime");
    assert_eq!(p.canonical(), Canonical::Unknown);
    let p = payload::parse_exception("{}").unwrap();
    assert_eq!(p.code(), &RawCode::from("{}"));
    assert!(p.resolution().is_unrecognized());
    let err = payload::parse_exception(r#"{"code":null,"name":"X"}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cometchat_exception payload has no `code` field"
    );
}

#[test]
fn agora_error_events() {
    let known = r#"{"type":16,"message":"socket closed","data":{"reason":"network"}}"#;
    let p = payload::parse(known).unwrap();
    assert_eq!(p.shape(), Shape::AgoraErrorEvent);
    assert_eq!(
        p.resolution().entry().unwrap().name(),
        "WEBIM_CONNCTION_DISCONNECTED"
    );
    assert_eq!(p.recovery(), Recovery::Reconnect);
    assert_eq!(p.details().unwrap().get(), r#"{"reason":"network"}"#);
    assert_eq!(serde_json::to_string(&p).unwrap(), known);

    let unknown = r#"{"type":98765,"message":"future"}"#;
    let p = payload::parse_agora(unknown).unwrap();
    let Resolution::Unrecognized(u) = p.resolution() else {
        panic!()
    };
    assert_eq!(u.code(), &RawCode::Int(98765));
    assert_eq!(u.table(), Table::AgoraChat);
    assert_eq!(serde_json::to_string(&p).unwrap(), unknown);

    // A symbolic name as the type resolves too.
    let p = payload::parse_agora(r#"{"type":"GROUP_NOT_EXIST"}"#).unwrap();
    assert_eq!(p.canonical(), Canonical::NotFound);

    let err = payload::parse_agora(r#"{"type":605.5}"#).unwrap_err();
    assert!(
        err.to_string()
            .contains("malformed agora_error_event payload"),
        "{err}"
    );
    let err = payload::parse_agora("[605]").unwrap_err();
    assert!(
        matches!(
            err,
            PayloadError::UnknownShape {
                found: "a JSON array"
            }
        ),
        "{err}"
    );
    let err = payload::parse_agora("[605").unwrap_err();
    assert!(err.to_string().contains("malformed"), "{err}");
}

#[test]
fn genesys_errors() {
    let p = payload::parse_genesys(r#"{"code":101,"message":"Login to Chat Server was failed"}"#)
        .unwrap();
    assert_eq!(kind(p.resolution()), "known");
    assert_eq!(p.canonical(), Canonical::Unauthenticated);

    let p = payload::parse(r#"{"code":"175","message":"transport hiccup"}"#).unwrap();
    assert_eq!(p.shape(), Shape::GenesysEventError);
    assert_eq!(kind(p.resolution()), "range");
    assert_eq!(p.resolution().section().unwrap().range(), Some((150, 199)));
    assert_eq!(p.best_message(), Some("transport hiccup"));
    assert_eq!(p.code(), &RawCode::from("175"));

    let p = payload::parse_genesys(r#"{"code":999}"#).unwrap();
    assert!(p.resolution().is_unrecognized());
    assert_eq!(p.best_message(), None);

    let err = payload::parse_genesys("{\"code\":\n 1e3}").unwrap_err();
    assert_eq!(err.line(), Some(2));
}

#[test]
fn detection_and_malformed_input() {
    let err = payload::parse("{}").unwrap_err();
    assert!(matches!(err, PayloadError::UnknownShape { .. }), "{err}");
    for (valid, found) in [
        ("\"just a string\"", "a JSON string"),
        ("  42", "a JSON number"),
        ("null", "JSON null"),
        ("true", "a JSON boolean"),
    ] {
        let err = payload::parse(valid).unwrap_err();
        assert!(
            matches!(err, PayloadError::UnknownShape { found: f } if f == found),
            "{valid}: {err}"
        );
    }
    for bad in [
        "",
        "nul",
        "{\"code\":",
        "\"unterminated",
        "{\"code\":1}{",
        "[1,",
    ] {
        let err = payload::parse(bad).unwrap_err();
        assert!(
            err.to_string().starts_with("malformed vendor payload"),
            "{bad:?}: {err}"
        );
    }
    // Duplicate keys are an error, not a silent choice.
    let err = payload::parse(r#"{"code":"A","code":"B"}"#).unwrap_err();
    assert!(err.to_string().contains("duplicate field `code`"), "{err}");
    // A number beyond i64 is a typed error.
    let err = payload::parse(r#"{"type":18446744073709551615}"#).unwrap_err();
    assert!(err.to_string().contains("within i64"), "{err}");
    let err = payload::parse(r#"{"type":1e400}"#).unwrap_err();
    assert!(err.to_string().contains("malformed"), "{err}");
}

#[test]
fn parsed_values_borrow_from_the_input_and_can_be_detached() {
    let input = String::from(r#"{"error":{"code":"ERR_NOPE","message":"plain text"}}"#);
    let owned = {
        let p = payload::parse(&input).unwrap();
        assert!(matches!(
            p.code(),
            RawCode::Str(std::borrow::Cow::Borrowed(_))
        ));
        p.into_owned()
    };
    drop(input);
    assert_eq!(owned.message(), Some("plain text"));
    assert!(owned.resolution().is_unrecognized());
    assert_eq!(owned.canonical(), chat_error_codes::Canonical::Unknown);
    assert_eq!(
        serde_json::to_string(&owned).unwrap(),
        r#"{"error":{"code":"ERR_NOPE","message":"plain text"}}"#
    );
    // Escaped text cannot be borrowed; it is decoded and kept.
    let p = payload::parse(r#"{"error":{"code":"ERR_NOPE","message":"tab\there"}}"#).unwrap();
    assert_eq!(p.message(), Some("tab\there"));
}

#[test]
fn agora_rest_bodies_resolve_by_status_and_error_string() {
    // As the docs show it (403, a message the status tables do not list).
    let body = r#"{"error":"forbidden_op","exception":"EasemobForbiddenOpException","timestamp":1644402553845,"duration":0,"error_description":"message recall service is unopened"}"#;
    let p = payload::parse_agora_rest_with_status(body, 403).unwrap();
    assert_eq!(p.shape(), Shape::AgoraRest);
    assert_eq!(p.table(), Table::AgoraRest);
    assert_eq!(kind(p.resolution()), "known");
    assert_eq!(p.name(), Some("EasemobForbiddenOpException"));
    assert_eq!(p.message(), Some("message recall service is unopened"));
    assert_eq!(p.status(), Some(403));
    assert_eq!(p.resolution().entry().unwrap().vendor_status(), Some(403));
    assert_eq!(payload::parse(body).unwrap().shape(), Shape::AgoraRest);
    // A 401 with the documented message, sent without its final period.
    let body = r#"{"error":"auth_bad_access_token","timestamp":1542350943210,"duration":0,"exception":"org.apache.usergrid.rest.exceptions.SecurityException","error_description":"Unable to authenticate due to corrupt access token"}"#;
    let p = payload::parse(body).unwrap();
    assert_eq!(p.canonical(), Canonical::Unauthenticated);
    assert_eq!(p.recovery(), Recovery::Reauthenticate);
    assert!(
        p.server_message().is_some(),
        "the documented message matches"
    );
    // A message that matches a template: `{username} is not legal.`
    let body = r#"{"error":"illegal_argument","exception":"java.lang.IllegalArgumentException","timestamp":1556539417934,"duration":0,"error_description":"username [al ice] is not legal"}"#;
    let p = payload::parse_agora_rest_with_status(body, 400).unwrap();
    assert_eq!(p.canonical(), Canonical::InvalidArgument);
    let m = p.server_message().unwrap();
    assert_eq!(m.text(), "{username} is not legal.");
    assert!(!m.explanation().is_empty());
    // One string, two statuses: the status picks the entry.
    let body = r#"{"error":"web_application","exception":"javax.ws.rs.WebApplicationException","timestamp":1,"duration":0,"error_description":"HTTP 500 Internal Server Error"}"#;
    let at_500 = payload::parse_agora_rest_with_status(body, 500).unwrap();
    let at_415 = payload::parse_agora_rest_with_status(body, 415).unwrap();
    assert_ne!(at_500.resolution(), at_415.resolution());
    assert_eq!(
        at_500.resolution().entry().unwrap().vendor_status(),
        Some(500)
    );
    // An unknown `error` string is kept verbatim, with its description.
    let body = r#"{"error":"quantum_entanglement","exception":"x.Y","timestamp":2,"duration":0,"error_description":"new in 2027"}"#;
    let p = payload::parse_agora_rest_with_status(body, 400).unwrap();
    let Resolution::Unrecognized(u) = p.resolution() else {
        panic!("{:?}", p.resolution())
    };
    assert_eq!(u.table(), Table::AgoraRest);
    assert_eq!(u.code(), &RawCode::from("quantum_entanglement"));
    assert_eq!(u.message(), Some("new in 2027"));
    assert_eq!(
        p.raw(),
        body,
        "nothing is lost: timestamp and duration stay in raw()"
    );
    // A status the docs list without an `error` string, found by the status alone.
    let e = chat_error_codes::agora::rest::ChatError::from_response(504, "").unwrap();
    assert_eq!(e.code().to_string(), "504");
    assert_eq!(e.vendor_status(), Some(504));
}

#[test]
fn stream_bodies_keep_status_and_details() {
    let body = r#"{"code": 9, "message": "QueryChannels failed with error: \"Too many requests, check response headers for more information.\"", "StatusCode": 429, "duration": "0.41ms", "more_info": "https://getstream.io/chat/docs/api_errors_response"}"#;
    let p = payload::parse(body).unwrap();
    assert_eq!((p.shape(), p.table()), (Shape::Stream, Table::StreamChat));
    assert_eq!(p.status(), Some(429));
    assert_eq!(p.canonical(), Canonical::ResourceExhausted);
    assert!(p.recovery().is_retryable());
    let e = p.resolution().entry().unwrap();
    assert_eq!(e.vendor_retryable(), Some(true));
    // Token expired: log in again (refresh the token).
    let body = r#"{"code": 40, "message": "QueryChannels failed with error: \"JWTAuth error: token is expired (exp)\"", "StatusCode": 401, "duration": "0.00ns", "more_info": "https://getstream.io/chat/docs/api_errors_response"}"#;
    assert_eq!(
        payload::parse_stream(body).unwrap().recovery(),
        Recovery::Reauthenticate
    );
    // `details` in either of Stream's shapes is kept verbatim.
    let body = r#"{"code": 4, "message": "UpdateUsers failed with error: \"user.id is a required field\"", "StatusCode": 400, "duration": "0.12ms", "more_info": "https://getstream.io/chat/docs/api_errors_response", "details": {"code": 4, "messages": ["user.id is a required field"]}}"#;
    let p = payload::parse(body).unwrap();
    assert_eq!(
        p.details().unwrap().get(),
        r#"{"code": 4, "messages": ["user.id is a required field"]}"#
    );
    assert_eq!(p.canonical(), Canonical::InvalidArgument);
    // Unknown code: kept, never an error.
    let body = r#"{"code": 1234, "message": "SomeEndpoint failed with error: \"new condition\"", "StatusCode": 400, "duration": "0.05ms", "more_info": "https://getstream.io/chat/docs/api_errors_response"}"#;
    let p = payload::parse(body).unwrap();
    assert_eq!(kind(p.resolution()), "unrecognized");
    assert_eq!(p.code(), &RawCode::Int(1234));
    // The JS SDK's failed-connect error: StatusCode may be a string, code may be "".
    let body = r#"{"code": "", "StatusCode": "unknown", "message": "connect failed", "isWSFailure": true}"#;
    let p = payload::parse_stream(body).unwrap();
    assert_eq!(p.status(), None);
    assert!(p.resolution().is_unrecognized());
}

#[test]
fn sendbird_bodies_are_told_from_genesys() {
    let p =
        payload::parse(r#"{"error": true, "code": 400201, "message": "\"Channel\" not found."}"#)
            .unwrap();
    assert_eq!(
        (p.shape(), p.table()),
        (Shape::SendbirdPlatform, Table::SendbirdChat)
    );
    assert_eq!(p.canonical(), Canonical::NotFound);
    let p = payload::parse(r#"{"error": true, "code": 500910, "message": "Too many requests."}"#)
        .unwrap();
    assert_eq!(p.canonical(), Canonical::ResourceExhausted);
    // Inside a documented range but listed by no source: the range's class, code kept.
    let p =
        payload::parse(r#"{"error": true, "code": 400999, "message": "Something new."}"#).unwrap();
    assert_eq!(kind(p.resolution()), "range");
    assert_eq!(p.code(), &RawCode::Int(400999));
    // A WebSocket EROR payload: a six-digit code without `error` is Sendbird, not Genesys.
    let p = payload::parse(r#"{"code": 900050, "message": "Channel is frozen."}"#).unwrap();
    assert_eq!(p.shape(), Shape::SendbirdError);
    assert_eq!(p.resolution().entry().unwrap().name(), "CHANNEL_IS_FROZEN");
    // Genesys codes stay Genesys.
    let p = payload::parse(r#"{"code": 101, "message": "Login failed"}"#).unwrap();
    assert_eq!(p.shape(), Shape::GenesysEventError);
    // The 400111 naming conflict: one entry, the other SDKs' names as aliases.
    let e = chat_error_codes::sendbird::ChatError::from_number(400111).unwrap();
    assert_eq!(e.name(), "INVALID_TOKEN");
    assert!(e.note().unwrap().contains("INVALID_VALUE"));
    assert!(e.platform_names().iter().any(|(p, _)| *p == "flutter"));
}

#[test]
fn one_number_in_several_numberings_is_never_picked_silently() {
    use chat_error_codes::{agora, lookup_number};
    // Web 1 and native 1 are different errors; lookup_number returns both, labelled.
    let found: Vec<(Table, &str)> = lookup_number(1).map(|e| (e.table(), e.name())).collect();
    assert!(found.contains(&(Table::AgoraChat, "WEBIM_CONNCTION_OPEN_ERROR")));
    assert!(found.contains(&(Table::AgoraNative, "GENERAL_ERROR")));
    // 500: SERVER_BUSY on the Web, MESSAGE_INVALID natively.
    assert_eq!(
        agora::ChatError::from_number(500).unwrap().name(),
        "SERVER_BUSY"
    );
    assert_eq!(
        agora::native::ChatError::from_number(500).unwrap().name(),
        "MESSAGE_INVALID"
    );
    // Stream's small numbers collide with Agora's (16 and 17 with the Web SDK's, 4 with the
    // native SDKs'): every match, labelled.
    for (n, other) in [
        (16, Table::AgoraChat),
        (17, Table::AgoraChat),
        (4, Table::AgoraNative),
    ] {
        let tables: Vec<Table> = lookup_number(n).map(|e| e.table()).collect();
        assert!(tables.contains(&Table::StreamChat), "{n}: {tables:?}");
        assert!(tables.contains(&other), "{n}: {tables:?}");
    }
}

/// A nested error is found wherever its code member is, however the member's name is written,
/// and a `details` / `data` without one adds no cause.
#[test]
fn nested_causes_are_found_with_or_without_escapes() {
    let plain =
        r#"{"code":"ERR_BAD_REQUEST","details":{"code":"ERR_UID_NOT_FOUND","message":"m"}}"#;
    let escaped =
        r#"{"code":"ERR_BAD_REQUEST","details":{"\u0063ode":"ERR_UID_NOT_FOUND","message":"m"}}"#;
    for body in [plain, escaped] {
        let p = payload::parse_exception(body).unwrap();
        assert_eq!(p.causes().len(), 1, "{body}");
        assert_eq!(
            p.cause().unwrap().code(),
            &RawCode::from("ERR_UID_NOT_FOUND")
        );
    }
    for body in [
        r#"{"code":"ERR_BAD_REQUEST","details":{"uid":"u1","scopes":["admin"]}}"#,
        r#"{"code":"ERR_BAD_REQUEST","details":{"uid":"code"}}"#,
        r#"{"code":"ERR_BAD_REQUEST","details":"code"}"#,
        r#"{"code":"ERR_BAD_REQUEST","details":[{"code":"ERR_UID_NOT_FOUND"}]}"#,
    ] {
        assert!(
            payload::parse_exception(body).unwrap().causes().is_empty(),
            "{body}"
        );
    }
    // Agora nests by `type`.
    let agora = r#"{"type":28,"message":"m","data":{"\u0074ype":-2,"message":"network"}}"#;
    assert_eq!(
        payload::parse_agora(agora).unwrap().cause().unwrap().code(),
        &RawCode::Int(-2)
    );
    let agora = r#"{"type":28,"message":"m","data":{"id":"g1","public":true}}"#;
    assert!(payload::parse_agora(agora).unwrap().causes().is_empty());
}

/// A body that is valid JSON but not an object names what it is; a malformed one says where.
#[test]
fn non_objects_are_named_and_malformed_input_located() {
    for (body, found) in [
        ("[1,2]", "a JSON array"),
        (" \"ERR\"", "a JSON string"),
        ("true", "a JSON boolean"),
        ("null", "JSON null"),
        ("-1.5", "a JSON number"),
    ] {
        match payload::parse_rest(body) {
            Err(PayloadError::UnknownShape { found: f }) => assert_eq!(f, found, "{body}"),
            other => panic!("{body}: {other:?}"),
        }
    }
    let err = payload::parse_rest("[1,").unwrap_err();
    assert!(matches!(err, PayloadError::Json { .. }), "{err:?}");
    let err = payload::parse_rest("{\"error\": tru}").unwrap_err();
    assert_eq!((err.line(), err.column()), (Some(1), Some(14)));
}

/// Forms that several vendors send: detection refuses them rather than naming another vendor,
/// and detects each vendor's own body where its members say so.
#[test]
fn bodies_several_vendors_send_are_refused_not_misnamed() {
    for body in [
        // An `error` object with a numeric code, without Ably's `statusCode` or `href`.
        r#"{"error":{"message":"Token expired","code":40142}}"#,
        // Twilio's code without its `more_info` address.
        r#"{"code":50300,"message":"Service not found","status":404}"#,
        // ZIM's 1, which Genesys and Agora also have.
        r#"{"code":1,"message":"failed"}"#,
        // Tencent IM's web SDK rejection without its `data`, and with a code in Ably's ranges.
        r#"{"code":114000,"message":"file not found"}"#,
        r#"{"code":70001,"message":"usersig expired","data":{}}"#,
    ] {
        match payload::parse(body) {
            Err(PayloadError::Ambiguous { .. } | PayloadError::UnknownShape { .. }) => {}
            other => panic!("{body}: {other:?}"),
        }
    }
    for (body, shape) in [
        (
            r#"{"error":{"message":"Token expired","code":40142,"statusCode":401,"href":"https://help.ably.io/error/40142"}}"#,
            Shape::AblyRest,
        ),
        (
            r#"{"code":50300,"message":"Service not found","more_info":"https://www.twilio.com/docs/errors/50300","status":404}"#,
            Shape::TwilioRest,
        ),
        // ZEGOCLOUD ZIM's seven digits are no other vendor's.
        (
            r#"{"code":6000001,"message":"The SDK has not been initialized."}"#,
            Shape::ZegoZimError,
        ),
    ] {
        assert_eq!(payload::parse(body).unwrap().shape(), shape, "{body}");
    }
}

/// Tencent Cloud IM in every form: the REST reply (HTTP 200 whatever happened), batch replies,
/// the web SDK's rejection and events; never a success read as a failure or the reverse.
#[test]
fn tencent_replies_say_success_failure_or_each_failed_item() {
    use chat_error_codes::payload::TencentReply;
    let fail = r#"{"ActionStatus":"FAIL","ErrorInfo":"Fail to Parse json data of body, Please check it","ErrorDisplay":"","ErrorCode":90001}"#;
    for p in [
        payload::parse(fail).unwrap(),
        payload::parse_tencent(fail).unwrap(),
    ] {
        assert_eq!(
            (p.shape(), p.table()),
            (Shape::TencentRest, Table::TencentIm)
        );
        assert_eq!(
            p.resolution().entry().unwrap().name(),
            "ERR_SVR_MSG_JSON_PARSE_FAILED"
        );
        assert_eq!(p.canonical(), Canonical::InvalidArgument);
    }
    // Success, in every call that reads one error.
    let ok = r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"MsgTime":1700000000,"MsgKey":"1_2_3"}"#;
    assert!(matches!(
        payload::parse(ok),
        Err(PayloadError::Success {
            shape: Shape::TencentRest
        })
    ));
    assert!(matches!(
        payload::parse_tencent_rest(ok),
        Ok(TencentReply::Success)
    ));
    // Querying accounts: every item succeeded.
    let all_ok = r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[{"UserID":"UserID_1","ResultCode":0,"ResultInfo":"","AccountStatus":"Imported"},{"UserID":"UserID_2","ResultCode":0,"ResultInfo":"","AccountStatus":"NotImported"}]}"#;
    assert!(matches!(
        payload::parse_tencent_rest(all_ok),
        Ok(TencentReply::Success)
    ));
    // Deleting accounts: one item failed; the reply as a whole is a partial failure.
    let partial = r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[{"ResultCode":0,"ResultInfo":"","UserID":"UserID_1"},{"ResultCode":70107,"ResultInfo":"Err_TLS_PT_Error_No_Such_User","UserID":"UserID_2"}]}"#;
    let err = payload::parse(partial).unwrap_err();
    assert!(
        matches!(err, PayloadError::PartialFailure { failed: 1, .. }),
        "{err:?}"
    );
    let Ok(TencentReply::Partial(batch)) = payload::parse_tencent_rest(partial) else {
        panic!("not partial")
    };
    let (id, e) = batch.errors().next().unwrap();
    assert_eq!(id, Some("UserID_2"));
    assert_eq!(e.canonical(), Canonical::NotFound);
    // Importing accounts: the failed ones are listed without a code.
    let import =
        r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","FailAccounts":["test3","test4"]}"#;
    let Ok(TencentReply::Partial(batch)) = payload::parse_tencent_rest(import) else {
        panic!("not partial")
    };
    assert_eq!(batch.uncoded().collect::<Vec<_>>(), ["test3", "test4"]);
    assert_eq!(batch.errors().count(), 0);
    // The web SDK: its rejection, its error event, its kick-out.
    let p =
        payload::parse(r#"{"code":2024,"message":" | getConversationList | ","data":{}}"#).unwrap();
    assert_eq!(
        (p.shape(), p.canonical(), p.recovery()),
        (
            Shape::TencentError,
            Canonical::FailedPrecondition,
            Recovery::Reauthenticate
        )
    );
    let p = payload::parse_tencent(
        r#"{"name":"error","data":{"code":2024,"message":" | getConversationList | "}}"#,
    )
    .unwrap();
    assert_eq!(p.code(), &RawCode::Int(2024));
    let p = payload::parse_tencent(r#"{"name":"kickedOut","data":{"type":"multipleAccount"}}"#)
        .unwrap();
    assert_eq!(
        p.resolution().entry().unwrap().name(),
        "KICKED_OUT_MULT_ACCOUNT"
    );
}

/// ZEGOCLOUD ZIM: its seven-digit codes are detected; a server error's own code is read from the
/// message.
#[test]
fn zim_errors_are_detected_and_keep_the_server_code() {
    let p =
        payload::parse(r#"{"code":6000121,"message":"API.queryUsersInfo: Not logged with call."}"#)
            .unwrap();
    assert_eq!(
        (p.shape(), p.table()),
        (Shape::ZegoZimError, Table::ZegoZim)
    );
    assert_eq!(p.server_code(), None);
    let p = payload::parse(
        r#"{"code":6000001,"message":"code: 100002, message: The incoming parameter is invalid."}"#,
    )
    .unwrap();
    assert_eq!(p.server_code(), Some(100002));
    assert_eq!(p.canonical(), Canonical::InvalidArgument);
    // A seven-digit code ZIM does not list yet, of its 6000xyy form, is still ZIM's.
    let p = payload::parse(r#"{"code":6000999,"message":"new"}"#).unwrap();
    assert_eq!(p.shape(), Shape::ZegoZimError);
    assert!(p.resolution().is_unrecognized());
}

/// Sendbird's `BUSY` delay is read from `_detail` (a JSON text in a string), rounded up to whole
/// seconds; anything that is not such a delay is no delay.
#[test]
fn sendbird_busy_delays_are_read_and_rounded_up() {
    let busy = |detail: &str| {
        let body = format!(
            r#"{{"name":"SendbirdError","code":800221,"message":"m","_detail":{}}}"#,
            serde_json::to_string(detail).unwrap()
        );
        payload::parse_sendbird(&body)
            .unwrap()
            .retry_after()
            .map(|d| d.as_secs())
    };
    assert_eq!(busy(r#"{"retry_after":5,"reason_code":500910}"#), Some(5));
    assert_eq!(busy(r#"{"retry_after":0.5}"#), Some(1));
    assert_eq!(busy(r#"{"retry_after":0}"#), Some(0));
    for odd in [
        "",
        "{}",
        r#"{"retry_after":-3}"#,
        r#"{"retry_after":"5"}"#,
        "not json",
    ] {
        assert_eq!(busy(odd), None, "{odd}");
    }
    assert_eq!(busy(r#"{"retry_after":1e300}"#), Some(u64::MAX));
}
