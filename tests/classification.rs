//! Classification, recovery advice, pattern codes, Genesys ranges and unrecognized codes.
#![cfg(feature = "alloc")]

use chat_error_codes::{
    AnyChatError, Canonical, ErrorInfo, Recovery, Table, agora,
    cometchat::{calls, rest, sdk},
    genesys,
    resolve::{self, RawCode, Resolution, Unrecognized},
};
use strum::VariantArray;

#[test]
fn required_examples_are_classified_as_the_issue_says() {
    let cases: [(Table, &str, Canonical); 8] = [
        (
            Table::CometChatRest,
            "ERR_TOO_MANY_REQUESTS",
            Canonical::ResourceExhausted,
        ),
        (
            Table::CometChatSdk,
            "ERR_TOO_MANY_REQUESTS",
            Canonical::ResourceExhausted,
        ),
        (
            Table::CometChatSdk,
            "TOO_MANY_REQUEST",
            Canonical::ResourceExhausted,
        ),
        (
            Table::CometChatRest,
            "AUTH_ERR_AUTH_TOKEN_NOT_FOUND",
            Canonical::Unauthenticated,
        ),
        (
            Table::AgoraChat,
            "WEBIM_CONNCTION_DISCONNECTED",
            Canonical::Unavailable,
        ),
        (Table::AgoraChat, "GROUP_NOT_EXIST", Canonical::NotFound),
        (
            Table::CometChatRest,
            "ERR_ALREADY_JOINED",
            Canonical::AlreadyExists,
        ),
        (
            Table::CometChatRest,
            "ERR_PLAN_QUOTA_RESTRICTION",
            Canonical::ResourceExhausted,
        ),
    ];
    for (table, code, canonical) in cases {
        let e = table
            .lookup(code)
            .unwrap_or_else(|| panic!("{table} {code}"));
        assert_eq!(e.canonical(), canonical, "{table} {code}");
    }
    // Agora 509 is "slow down" too, where the SDK defines it.
    if let Some(e) = agora::ChatError::from_number(509) {
        assert_eq!(e.canonical(), Canonical::ResourceExhausted, "{}", e.name());
    }
}

#[test]
fn success_is_not_an_error() {
    let ok = agora::ChatError::from_number(0).unwrap();
    assert_eq!(ok.name(), "REQUEST_SUCCESS");
    assert!(ok.is_success());
    assert_eq!(ok.canonical(), Canonical::Ok);
    assert_eq!(ok.http_status(), 200);
    assert_eq!(ok.recovery(), Recovery::NoAction);
    // Success codes are few and each says so: the Web SDK's 0, the native SDKs' 0,
    // Sendbird's "session token refreshed" notice, Ably's `no_error` placeholder, ZEGOCLOUD
    // ZIM's 0, Tencent IM's 0 and a WebSocket's normal closure.
    let successes: Vec<AnyChatError> = AnyChatError::all().filter(|e| e.is_success()).collect();
    assert_eq!(
        successes,
        [
            AnyChatError::from(ok),
            agora::native::ChatError::from_number(0).unwrap().into(),
            chat_error_codes::sendbird::ChatError::from_number(800501)
                .unwrap()
                .into(),
            chat_error_codes::ably::ChatError::NoError.into(),
            chat_error_codes::zego::ChatError::from_number(0)
                .unwrap()
                .into(),
            chat_error_codes::tencent::ChatError::from_number(0)
                .unwrap()
                .into(),
            chat_error_codes::websocket::ChatError::NormalClosure.into(),
        ]
    );
}

#[test]
fn every_entry_has_a_consistent_class_status_and_advice() {
    for e in AnyChatError::all() {
        assert_eq!(e.http_status(), e.canonical().http_status());
        // The advice follows from the class unless the data overrides it for a reason.
        let derived = e.canonical().recovery();
        if e.recovery() != derived {
            assert_ne!(e.canonical(), Canonical::Ok, "{e}");
            assert_ne!(e.recovery(), Recovery::NoAction, "{e}");
        }
    }
    // Overrides the vendor text calls for.
    assert_eq!(
        agora::ChatError::WebimConnctionDisconnected.recovery(),
        Recovery::Reconnect
    );
    assert_eq!(
        sdk::ChatError::LoginInProgress.recovery(),
        Recovery::WaitForCompletion
    );
    assert_eq!(
        rest::ChatError::ErrPlanQuotaRestriction.recovery(),
        Recovery::UpgradePlan
    );
    assert_eq!(
        rest::ChatError::ErrTooManyRequests.recovery(),
        Recovery::RetryWithBackoff
    );
    assert!(
        rest::ChatError::ErrTooManyRequests
            .recovery()
            .is_retryable()
    );
}

#[test]
fn http_mapping_follows_grpc() {
    let expected = [
        (Canonical::Ok, 200),
        (Canonical::InvalidArgument, 400),
        (Canonical::FailedPrecondition, 400),
        (Canonical::OutOfRange, 400),
        (Canonical::Unauthenticated, 401),
        (Canonical::PermissionDenied, 403),
        (Canonical::NotFound, 404),
        (Canonical::AlreadyExists, 409),
        (Canonical::Aborted, 409),
        (Canonical::ResourceExhausted, 429),
        (Canonical::Cancelled, 499),
        (Canonical::DeadlineExceeded, 504),
        (Canonical::Unavailable, 503),
        (Canonical::Unimplemented, 501),
        (Canonical::Internal, 500),
        (Canonical::DataLoss, 500),
        (Canonical::Unknown, 500),
    ];
    assert_eq!(expected.len(), Canonical::VARIANTS.len());
    for (c, status) in expected {
        assert_eq!(c.http_status(), status, "{c}");
    }
}

#[test]
fn pattern_codes_yield_the_pattern_entry_and_parameter() {
    let cases = [
        (
            "UID_IS_COMPULSORY",
            sdk::ChatError::ParamIsCompulsory,
            "UID",
        ),
        (
            "GROUP_NAME_IS_COMPULSORY",
            sdk::ChatError::ParamIsCompulsory,
            "GROUP_NAME",
        ),
        ("INVALID_UID", sdk::ChatError::InvalidParam, "UID"),
        (
            "GUID_NOT_PROVIDED",
            sdk::ChatError::ParamNotProvided,
            "GUID",
        ),
        (
            "ERROR_SET_LIMIT_EXCEEDED",
            sdk::ChatError::ErrorParamExceeded,
            "SET_LIMIT",
        ),
    ];
    for (code, entry, param) in cases {
        let r = resolve::code(Table::CometChatSdk, code);
        assert_eq!(r.entry(), Some(entry.into()), "{code}");
        assert_eq!(r.param(), Some(param), "{code}");
        assert_eq!(sdk::ChatError::from_pattern(code), Some((entry, param)));
        assert_eq!(r.canonical(), entry.canonical());
    }
    // Exact codes win over patterns.
    for exact in [
        "INVALID_RECEIVER_TYPE",
        "INVALID_SEARCH_KEYWORD",
        "ERROR_LIMIT_EXCEEDED",
    ] {
        let r = resolve::code(Table::CometChatSdk, exact);
        assert!(matches!(r, Resolution::Known(_)), "{exact}: {r:?}");
        assert_eq!(r.entry().unwrap().code(), exact);
    }
    // Not a parameter: empty, lower case, or edge underscores.
    for not_pattern in [
        "INVALID_",
        "_IS_COMPULSORY",
        "INVALID_uid",
        "INVALID__X",
        "X__IS_COMPULSORY",
    ] {
        assert!(
            resolve::code(Table::CometChatSdk, not_pattern).is_unrecognized(),
            "{not_pattern}"
        );
    }
    // Patterns belong to the SDK table only.
    assert!(resolve::code(Table::CometChatRest, "UID_IS_COMPULSORY").is_unrecognized());
}

#[test]
fn genesys_ranges_cover_unlisted_codes() {
    let cases = [
        (7, (1, 49), Canonical::InvalidArgument),
        (75, (50, 99), Canonical::FailedPrecondition),
        (120, (100, 149), Canonical::Unavailable),
        (175, (150, 199), Canonical::Unavailable),
        (230, (200, 249), Canonical::Internal),
    ];
    for (code, range, canonical) in cases {
        for r in [
            resolve::number(Table::GenesysChat, code),
            resolve::code(Table::GenesysChat, &code.to_string()),
        ] {
            let section = r.section().unwrap_or_else(|| panic!("{code}: {r:?}"));
            assert_eq!(section.range(), Some(range));
            assert_eq!(r.canonical(), canonical, "{code}");
            assert_eq!(r.table(), Table::GenesysChat);
            assert_eq!(
                genesys::section_of(code).map(|s| s.range()),
                Some(Some(range))
            );
        }
    }
    // Listed codes stay exact; outside every range is unrecognized.
    assert!(matches!(
        resolve::number(Table::GenesysChat, 101),
        Resolution::Known(_)
    ));
    for outside in [0, 250, -1, 10_000, i64::MAX] {
        assert!(
            resolve::number(Table::GenesysChat, outside).is_unrecognized(),
            "{outside}"
        );
    }
    // "0175" is not the decimal form of 175: kept, not guessed.
    assert!(resolve::code(Table::GenesysChat, "0175").is_unrecognized());
}

#[test]
fn unrecognized_codes_keep_table_code_and_message_and_round_trip() {
    let r = resolve::code(Table::CometChatRest, "ERR_FROM_THE_FUTURE");
    let Resolution::Unrecognized(u) = r else {
        panic!("{r:?}")
    };
    assert_eq!(u.table(), Table::CometChatRest);
    assert_eq!(u.code(), &RawCode::from("ERR_FROM_THE_FUTURE"));
    assert_eq!(u.canonical(), Canonical::Unknown);

    let samples = [
        Unrecognized::new(Table::AgoraChat, RawCode::Int(-9_999_999_999)),
        Unrecognized::new(Table::CometChatSdk, RawCode::from("odd \"code\" \u{1F600}"))
            .with_message("m\n\u{0}"),
        Unrecognized::new(Table::GenesysChat, RawCode::from("")),
    ];
    for u in samples {
        let json = serde_json::to_string(&u).unwrap();
        let back: Unrecognized<'_> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, u);
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
        assert_eq!(back.clone().into_owned(), u);
    }
    // An integer stays an integer, a string stays a string.
    let u: Unrecognized<'_> =
        serde_json::from_str(r#"{"table":"agora_chat","code":"605x"}"#).unwrap();
    assert_eq!(u.code(), &RawCode::from("605x"));
    assert!(
        serde_json::from_str::<Unrecognized<'_>>(r#"{"table":"agora_chat","code":1.5}"#).is_err()
    );
    assert!(serde_json::from_str::<Unrecognized<'_>>(r#"{"table":"nope","code":1}"#).is_err());
}

#[test]
fn exceptions_resolve_sdk_codes_passthrough_rest_codes_and_numeric_codes_by_name() {
    // SDK's own code.
    let r = resolve::exception(RawCode::from("LOGIN_IN_PROGRESS"), None);
    assert_eq!(r.table(), Table::CometChatSdk);
    // A REST code passed through resolves to the REST entry.
    for code in [
        "ERR_UID_NOT_FOUND",
        "ERR_TOO_MANY_REQUESTS",
        "ERR_WRONG_GROUP_PASS",
    ] {
        let r = resolve::exception(RawCode::from(code), None);
        assert_eq!(r.table(), Table::CometChatRest, "{code}");
    }
    // Numeric codes resolve by name and keep nothing else (the parser keeps the number).
    let r = resolve::exception(RawCode::Int(401), Some("USER_NOT_AUTHORISED"));
    assert_eq!(r.entry(), Some(sdk::ChatError::UserNotAuthorised.into()));
    let r = resolve::exception(
        RawCode::from("-1"),
        Some("COMETCHAT_INITIALIZATION_NOT_DONE"),
    );
    assert_eq!(
        r.entry(),
        Some(sdk::ChatError::CometchatInitializationNotDone.into())
    );
    let r = resolve::exception(RawCode::Int(-1), Some("SOMETHING_NEW"));
    assert!(r.is_unrecognized());
    // Patterns still apply.
    assert_eq!(
        resolve::exception(RawCode::from("GUID_IS_COMPULSORY"), None).param(),
        Some("GUID")
    );
}

#[test]
fn calls_and_rest_share_codes_with_their_own_wording() {
    let calls = calls::ChatError::ErrCallBusyUser;
    let rest = rest::ChatError::ErrCallBusyUser;
    assert_ne!(calls.message(), rest.message());
    assert_eq!(calls.canonical(), rest.canonical());
    // Every calling code of the Calls table is in the REST guide.
    for &e in calls::ChatError::ALL {
        if e.section() == "Calling Errors" {
            assert!(
                rest::ChatError::from_code(e.code().as_str().unwrap()).is_some(),
                "{e}"
            );
        }
    }
}

#[test]
fn resolve_raw_agrees_with_the_typed_lookups() {
    for e in AnyChatError::all() {
        // The code as the entry serializes (for an `error` string an HTTP-keyed table lists
        // under several statuses, "<status> <error>").
        let raw = match &serde_json::to_value(e).unwrap()["code"] {
            serde_json::Value::String(s) => RawCode::from(s.clone()),
            code => RawCode::Int(code.as_i64().unwrap()),
        };
        // Every entry, pattern entries by their own spelling included, resolves to itself.
        assert_eq!(resolve::raw(e.table(), raw), Resolution::Known(e), "{e}");
    }
}
