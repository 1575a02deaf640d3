//! `response`: HTTP responses (status, headers, body) to a class, a decision and RFC 9457
//! Problem Details; the retry hints of every vendor; the `http` and `tonic` conversions.
#![cfg(feature = "json")]

use std::collections::HashSet;
use std::time::Duration;

use chat_error_codes::response::{
    self, ABOUT_BLANK, Body, DOCS_BASE, Decision, DelayLimits, Excerpt, MAX_EXCERPT_BYTES,
    ProblemDetails, RetryHints, UnixTime, Wait, problem_type, problem_type_with_base,
};
use chat_error_codes::{
    AnyChatError, Canonical, ErrorInfo, Recovery, Table, Vendor,
    resolve::{RawCode, Resolution},
};
use proptest::prelude::*;
use strum::VariantArray;

const NOW: Duration = Duration::from_secs(1_700_000_000);

fn hints(headers: &[(&str, &str)]) -> RetryHints {
    RetryHints::from_headers(headers.iter().map(|(n, v)| (*n, v.as_bytes())))
}

// ---------------------------------------------------------------------------------------------
// Retry hints, vendor by vendor
// ---------------------------------------------------------------------------------------------

#[test]
fn cometchat_documented_headers() {
    // https://www.cometchat.com/docs/articles/rate-limits
    let h = hints(&[
        ("Retry-After", "15"),
        ("X-Rate-Limit-Reset", "1625143246"),
        ("X-Rate-Limit", "700"),
        ("X-Rate-Limit-Remaining", "699"),
    ]);
    assert_eq!(h.retry_after(), Some(Wait::Delay(Duration::from_secs(15))));
    assert_eq!(h.reset(), Some(Wait::Until(1_625_143_246)));
    assert_eq!((h.limit(), h.remaining()), (Some(700), Some(699)));
    // The newer REST page's spelling.
    let h = hints(&[
        ("X-RateLimit-Limit", "700"),
        ("X-RateLimit-Remaining", "0"),
        ("X-RateLimit-Reset", "1625143246"),
    ]);
    assert_eq!((h.limit(), h.remaining()), (Some(700), Some(0)));
    assert_eq!(h.reset(), Some(Wait::Until(1_625_143_246)));
}

#[test]
fn stream_documented_headers_and_repeated_values() {
    // https://getstream.io/chat/docs/node/rate_limits/ ; Stream's SDKs handle "300, 300".
    let h = hints(&[
        ("x-ratelimit-limit", "300, 300"),
        ("x-ratelimit-remaining", "299, 299"),
        ("x-ratelimit-reset", "1598806800, 1598806800"),
    ]);
    assert_eq!((h.limit(), h.remaining()), (Some(300), Some(299)));
    assert_eq!(h.reset(), Some(Wait::Until(1_598_806_800)));
    assert_eq!(h.retry_after(), None);
}

#[test]
fn sendbird_documented_headers() {
    // https://sendbird.com/docs/chat/v3/platform-api/application/understanding-rate-limits/rate-limits
    let h = hints(&[
        ("X-RateLimit-Limit", "10;w=1"),
        ("X-RateLimit-Remaining", "0"),
        ("X-RateLimit-Reset", "0.96978664398193"),
        ("X-RateLimit-RetryAfter", "0.069786548614502"),
    ]);
    assert_eq!(h.limit(), Some(10));
    assert_eq!(h.window(), Some(Duration::from_secs(1)));
    assert_eq!(
        h.reset(),
        Some(Wait::Delay(Duration::from_nanos(969_786_644)))
    );
    assert_eq!(
        h.rate_limit_retry_after(),
        Some(Duration::from_nanos(69_786_549))
    );
    // Retry-After is absent, so Sendbird's own header gives the delay.
    assert_eq!(
        h.delay(UnixTime(NOW), 200, DelayLimits::DEFAULT),
        Some(Duration::from_nanos(69_786_549))
    );
}

#[test]
fn header_names_ignore_case_and_values_surrounding_space() {
    for name in [
        "retry-after",
        "RETRY-AFTER",
        "Retry-After",
        "rEtRy-AfTeR",
        " Retry-After ",
    ] {
        let h = hints(&[(name, " 7 ")]);
        assert_eq!(
            h.retry_after(),
            Some(Wait::Delay(Duration::from_secs(7))),
            "{name}"
        );
    }
}

#[test]
fn malformed_values_are_absent_and_the_first_good_value_wins() {
    for bad in [
        "",
        "-1",
        "+5",
        "1.5",
        "15s",
        "0x10",
        "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sunday, 06 Nov 1994 08:49:37 GMT",
        "Sun Nov 06 08:49:37 94",
        "1e3",
    ] {
        let h = hints(&[("Retry-After", bad)]);
        assert_eq!(h.retry_after(), None, "{bad:?}");
    }
    for bad in ["", "x", "-3", "1e9", "1..2", "1.2.3"] {
        let h = hints(&[
            ("X-Rate-Limit", bad),
            ("X-Rate-Limit-Remaining", bad),
            ("X-Rate-Limit-Reset", bad),
            ("X-RateLimit-RetryAfter", bad),
        ]);
        assert!(h.is_empty(), "{bad:?}: {h:?}");
    }
    let h = RetryHints::from_headers([("Retry-After", &[0xff, b'1'][..])]);
    assert!(h.is_empty());
    let h = hints(&[
        ("Retry-After", "soon"),
        ("Retry-After", "5"),
        ("Retry-After", "9"),
    ]);
    assert_eq!(h.retry_after(), Some(Wait::Delay(Duration::from_secs(5))));
}

#[test]
fn http_dates_become_delays_from_now() {
    let h = hints(&[("Retry-After", "Tue, 14 Nov 2023 22:13:40 GMT")]); // NOW + 20 s
    assert_eq!(h.retry_after(), Some(Wait::Until(1_700_000_020)));
    assert_eq!(
        h.delay(UnixTime(NOW), 503, DelayLimits::DEFAULT),
        Some(Duration::from_secs(20))
    );
    // A date already past: not an immediate retry, the minimum.
    let h = hints(&[("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")]);
    assert_eq!(
        h.delay(UnixTime(NOW), 503, DelayLimits::DEFAULT),
        Some(DelayLimits::DEFAULT.min)
    );
}

#[test]
fn reset_counts_only_when_rate_limited_and_retry_after_wins() {
    let reset = hints(&[("X-Rate-Limit-Reset", "1700000030")]);
    assert_eq!(reset.delay(UnixTime(NOW), 400, DelayLimits::DEFAULT), None);
    assert_eq!(
        reset.delay(UnixTime(NOW), 429, DelayLimits::DEFAULT),
        Some(Duration::from_secs(30))
    );
    let empty = hints(&[
        ("X-Rate-Limit-Reset", "1700000030"),
        ("X-Rate-Limit-Remaining", "0"),
    ]);
    assert_eq!(
        empty.delay(UnixTime(NOW), 400, DelayLimits::DEFAULT),
        Some(Duration::from_secs(30))
    );
    let both = hints(&[("X-Rate-Limit-Reset", "1700000030"), ("Retry-After", "15")]);
    assert_eq!(
        both.delay(UnixTime(NOW), 429, DelayLimits::DEFAULT),
        Some(Duration::from_secs(15))
    );
}

proptest! {
    #[test]
    fn hints_never_panic(headers in proptest::collection::vec(
        (prop_oneof![
            Just("Retry-After".to_string()), Just("X-Rate-Limit-Reset".to_string()),
            Just("x-ratelimit-limit".to_string()), Just("X-RateLimit-RetryAfter".to_string()),
            Just("X-Rate-Limit-Remaining".to_string()), ".{0,20}",
        ], proptest::collection::vec(any::<u8>(), 0..40)),
        0..8,
    ), now in any::<u64>(), status in 0u16..1000) {
        let h = RetryHints::from_headers(headers.iter().map(|(n, v)| (n.as_str(), v.as_slice())));
        if let Some(d) = h.delay(UnixTime(Duration::from_secs(now)), status, DelayLimits::DEFAULT) {
            prop_assert!(!d.is_zero() && d <= DelayLimits::DEFAULT.max, "{d:?}");
        }
    }

    #[test]
    fn delta_seconds_round_trip(secs in any::<u64>()) {
        let h = hints(&[("Retry-After", &secs.to_string())]);
        prop_assert_eq!(h.retry_after(), Some(Wait::Delay(Duration::from_secs(secs))));
    }
}

// ---------------------------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------------------------

#[test]
fn every_table_with_a_parser_parses_its_own_body() {
    let cases: [(Table, u16, &str, &str); 8] = [
        (
            Table::CometChatRest,
            404,
            r#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"m"}}"#,
            "ERR_UID_NOT_FOUND",
        ),
        (
            Table::CometChatCalls,
            400,
            r#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"m"}}"#,
            "ERR_UID_NOT_FOUND",
        ),
        (
            Table::CometChatSdk,
            400,
            r#"{"code":-1,"name":"WS_CONNECTION_FAIL","message":"m"}"#,
            "WS_CONNECTION_FAIL",
        ),
        (
            Table::AgoraChat,
            400,
            r#"{"type":605,"message":"m"}"#,
            "GROUP_NOT_EXIST",
        ),
        (
            Table::AgoraRest,
            415,
            r#"{"error":"web_application","exception":"x","error_description":"m"}"#,
            "web_application",
        ),
        (
            Table::GenesysChat,
            400,
            r#"{"code":101,"message":"m"}"#,
            "SERVER_LOGIN_FAILED",
        ),
        (
            Table::StreamChat,
            429,
            r#"{"code":9,"message":"m","StatusCode":429}"#,
            "RateLimitError",
        ),
        (
            Table::SendbirdChat,
            400,
            r#"{"error":true,"code":400201,"message":"m"}"#,
            "NOT_FOUND_IN_DATABASE",
        ),
    ];
    for (table, status, body, name) in cases {
        let r = response::classify(Some(table), status, [], body.as_bytes());
        let p = r
            .payload()
            .unwrap_or_else(|| panic!("{table}: {:?}", r.body()));
        let entry = p.resolution().entry().unwrap();
        assert_eq!(entry.name(), name, "{table}");
        assert_eq!(r.status(), status);
        assert_eq!(r.canonical(), p.canonical(), "{table}");
    }
}

#[test]
fn agora_rest_is_resolved_with_the_status_whether_named_or_detected() {
    use chat_error_codes::agora::rest::ChatError;
    let body = br#"{"error":"web_application","exception":"javax.ws.rs.WebApplicationException","error_description":"x"}"#;
    for table in [None, Some(Table::AgoraRest)] {
        for (status, entry) in [
            (415, ChatError::WebApplication415),
            (500, ChatError::WebApplication500),
        ] {
            let r = response::classify(table, status, [], body);
            assert_eq!(
                r.payload().unwrap().resolution().entry(),
                Some(entry.into())
            );
        }
    }
}

#[test]
fn a_named_table_whose_parser_refuses_falls_back_to_detection() {
    // A gateway in front of the CometChat API answered with an Agora-shaped body.
    let r = response::classify(Some(Table::CometChatRest), 400, [], br#"{"type":605}"#);
    assert_eq!(r.payload().unwrap().table(), Table::AgoraChat);
    assert_eq!(r.table(), Some(Table::AgoraChat));
}

#[test]
fn bodies_that_are_no_payload_are_classified_from_the_status() {
    let html = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let cases: [(u16, &[u8], Canonical, bool); 6] = [
        (502, html, Canonical::Unavailable, true),
        (503, b"", Canonical::Unavailable, false),
        (401, b"   \n", Canonical::Unauthenticated, false),
        (504, &[0xff, 0xfe, 0x00], Canonical::DeadlineExceeded, false),
        (404, b"[1,2,3]", Canonical::NotFound, true),
        (429, b"{\"foo\":1}", Canonical::ResourceExhausted, true),
    ];
    for (status, body, canonical, has_error) in cases {
        let r = response::classify(Some(Table::CometChatRest), status, [], body);
        assert!(r.payload().is_none());
        assert_eq!(r.canonical(), canonical, "{status}");
        let Body::Unparsed { excerpt, error } = r.body() else {
            panic!("{status}");
        };
        assert_eq!(excerpt.len(), body.len());
        assert_eq!(error.is_some(), has_error, "{status}: {error:?}");
        assert_eq!(r.table(), Some(Table::CometChatRest));
    }
}

#[test]
fn an_unknown_code_takes_the_class_of_the_status_but_is_never_ok() {
    let body = br#"{"error":{"code":"ERR_NEW_IN_2031","message":"gone"}}"#;
    let r = response::classify(None, 404, [], body);
    assert!(r.payload().unwrap().resolution().is_unrecognized());
    assert_eq!(r.canonical(), Canonical::NotFound);
    assert_eq!(r.recovery(), Recovery::DoNotRetry);
    let r = response::classify(None, 200, [], body);
    assert_eq!(r.canonical(), Canonical::Unknown);
    // A known code keeps its own class, whatever the status says.
    let r = response::classify(None, 500, [], br#"{"error":{"code":"ERR_UID_NOT_FOUND"}}"#);
    assert_eq!(r.canonical(), Canonical::NotFound);
    // A success status without an error payload is nothing to handle.
    let r = response::classify(None, 204, [], b"");
    assert_eq!(
        (r.canonical(), r.decision(UnixTime(NOW))),
        (Canonical::Ok, Decision::Done)
    );
}

#[test]
fn excerpts_are_bounded_and_cut_at_a_character_boundary() {
    let long = "x".repeat(10_000);
    let e = Excerpt::new(long.as_bytes());
    assert_eq!(
        (e.text().len(), e.len(), e.is_truncated()),
        (MAX_EXCERPT_BYTES, 10_000, true)
    );
    // A four-byte character straddling the limit is left out whole.
    let body = format!("{}{}", "a".repeat(MAX_EXCERPT_BYTES - 2), "😀");
    let e = Excerpt::new(body.as_bytes());
    assert_eq!(e.text(), "a".repeat(MAX_EXCERPT_BYTES - 2));
}

proptest! {
    #[test]
    fn any_body_and_status_is_classified(body in proptest::collection::vec(any::<u8>(), 0..600), status in 0u16..1000) {
        let r = response::classify(None, status, [], &body);
        if let Some(e) = r.excerpt() {
            prop_assert_eq!(e.len(), body.len());
            // At most MAX_EXCERPT_BYTES bytes kept; each invalid byte may become a 3-byte U+FFFD.
            prop_assert!(e.text().len() <= 3 * MAX_EXCERPT_BYTES);
            let kept = String::from_utf8_lossy(&body[..body.len().min(MAX_EXCERPT_BYTES)]);
            let replacement = char::REPLACEMENT_CHARACTER;
            prop_assert!(kept.starts_with(e.text().trim_end_matches(replacement)));
        }
        let _ = (r.canonical(), r.decision(UnixTime(NOW)), r.problem(UnixTime(NOW)));
    }

    #[test]
    fn utf8_excerpts_are_prefixes(body in ".{0,400}") {
        let e = Excerpt::new(body.as_bytes());
        prop_assert!(body.starts_with(e.text()));
        prop_assert!(e.text().len() <= MAX_EXCERPT_BYTES);
        prop_assert!(e.text().len() + 3 >= body.len().min(MAX_EXCERPT_BYTES));
    }
}

// ---------------------------------------------------------------------------------------------
// Classes from statuses
// ---------------------------------------------------------------------------------------------

#[test]
fn status_classes() {
    for status in 0u16..=1000 {
        let c = Canonical::from_http_status(status);
        let expected = match status {
            200..=299 => Some(Canonical::Ok),
            400..=599 => None, // checked below
            _ => Some(Canonical::Unknown),
        };
        if let Some(expected) = expected {
            assert_eq!(c, expected, "{status}");
        } else {
            assert!(
                !matches!(c, Canonical::Ok | Canonical::Unknown),
                "{status}: {c}"
            );
        }
    }
    // Every class whose status belongs to it alone maps back to itself.
    for &c in Canonical::VARIANTS {
        let shared = matches!(
            c,
            Canonical::FailedPrecondition
                | Canonical::OutOfRange
                | Canonical::AlreadyExists
                | Canonical::Unknown
                | Canonical::DataLoss
        );
        if !shared {
            assert_eq!(Canonical::from_http_status(c.http_status()), c, "{c}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------

#[test]
fn the_decision_table() {
    let d = Duration::from_secs(12);
    let after = Decision::RetryAfter(d);
    // (recovery, on a 503 without / with a delay, on a 429 without / with a delay)
    let table = [
        (
            Recovery::NoAction,
            Decision::Done,
            Decision::Done,
            Decision::Done,
            after,
        ),
        (
            Recovery::RetryWithBackoff,
            Decision::RetryWithBackoff,
            after,
            Decision::RetryWithBackoff,
            after,
        ),
        (
            Recovery::WaitForCompletion,
            Decision::RetryWithBackoff,
            after,
            Decision::RetryWithBackoff,
            after,
        ),
        (
            Recovery::Reconnect,
            Decision::Reconnect,
            Decision::Reconnect,
            Decision::Reconnect,
            after,
        ),
        (
            Recovery::Reauthenticate,
            Decision::Reauthenticate,
            Decision::Reauthenticate,
            Decision::Reauthenticate,
            Decision::Reauthenticate,
        ),
        (
            Recovery::FixRequest,
            Decision::FixRequest,
            Decision::FixRequest,
            Decision::FixRequest,
            after,
        ),
        (
            Recovery::FixPrecondition,
            Decision::FixRequest,
            Decision::FixRequest,
            Decision::FixRequest,
            after,
        ),
        (
            Recovery::UpgradePlan,
            Decision::GiveUp,
            Decision::GiveUp,
            Decision::GiveUp,
            after,
        ),
        (
            Recovery::ContactVendor,
            Decision::GiveUp,
            Decision::GiveUp,
            Decision::GiveUp,
            after,
        ),
        (
            Recovery::DoNotRetry,
            Decision::GiveUp,
            Decision::GiveUp,
            Decision::GiveUp,
            after,
        ),
    ];
    assert_eq!(table.len(), Recovery::VARIANTS.len());
    for (recovery, plain, hinted, limited, limited_hinted) in table {
        assert_eq!(Decision::decide(recovery, 503, None), plain, "{recovery}");
        assert_eq!(
            Decision::decide(recovery, 503, Some(d)),
            hinted,
            "{recovery}"
        );
        assert_eq!(Decision::decide(recovery, 429, None), limited, "{recovery}");
        assert_eq!(
            Decision::decide(recovery, 429, Some(d)),
            limited_hinted,
            "{recovery}"
        );
    }
    assert_eq!(after.to_string(), "retry after 12s");
    assert_eq!(after.delay(), Some(d));
    assert!(after.is_retry() && !Decision::GiveUp.is_retry());
}

#[test]
fn the_rate_limit_cases_of_the_issue() {
    // A CometChat 429 with Retry-After.
    let body = br#"{"error":{"code":"ERR_TOO_MANY_REQUESTS","message":"Too many requests."}}"#;
    let r = response::classify(None, 429, [("Retry-After", &b"15"[..])], body);
    assert_eq!(
        r.decision(UnixTime(NOW)),
        Decision::RetryAfter(Duration::from_secs(15))
    );
    // A 429 with only X-Rate-Limit-Reset.
    let r = response::classify(
        None,
        429,
        [("X-Rate-Limit-Reset", &b"1700000042"[..])],
        body,
    );
    assert_eq!(
        r.decision(UnixTime(NOW)),
        Decision::RetryAfter(Duration::from_secs(42))
    );
    assert_eq!(r.retry_after(UnixTime(NOW)), Some(Duration::from_secs(42)));
    // A plan quota (UpgradePlan) that the vendor says resets in a minute.
    let body = br#"{"error":"resource_limited","exception":"x","error_description":"You have exceeded the limit of the free edition. Please upgrade to higher edition."}"#;
    let r = response::classify(Some(Table::AgoraRest), 429, [], body);
    assert_eq!(r.recovery(), Recovery::UpgradePlan);
    assert_eq!(r.decision(UnixTime(NOW)), Decision::GiveUp);
    let r = response::classify(
        Some(Table::AgoraRest),
        429,
        [("retry-after", &b"60"[..])],
        body,
    );
    assert_eq!(
        r.decision(UnixTime(NOW)),
        Decision::RetryAfter(Duration::from_secs(60))
    );
}

#[test]
fn std_clock_methods_agree_with_the_unix_ones() {
    let now = std::time::UNIX_EPOCH + NOW;
    let r = response::classify(None, 429, [("X-RateLimit-Reset", &b"1700000005"[..])], b"");
    assert_eq!(r.retry_after(now), Some(Duration::from_secs(5)));
    assert_eq!(r.decision(now), r.decision(UnixTime(NOW)));
    assert_eq!(r.problem(now), r.problem(UnixTime(NOW)));
    assert_eq!(
        Wait::Until(1_700_000_005).delay(now),
        Duration::from_secs(5)
    );
}

// ---------------------------------------------------------------------------------------------
// Problem Details
// ---------------------------------------------------------------------------------------------

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn every_entry_has_its_own_stable_type_uri() {
    let base = "https://errors.example.com/chat/";
    let (mut docs, mut based) = (HashSet::new(), HashSet::new());
    for e in AnyChatError::all() {
        let r = Resolution::Known(e);
        // The rustdoc page of the entry's variant, under its table's module.
        let uri = problem_type(&r);
        let page = uri
            .strip_prefix(DOCS_BASE)
            .unwrap_or_else(|| panic!("{uri}"));
        let expected = format!("enum.ChatError.html#variant.{}", e.variant_name());
        assert!(page.ends_with(&expected), "{uri}");
        assert!(docs.insert(uri.clone()), "two entries share {uri}");
        // It reads back to the entry, alone and as a document's type.
        let doc = ProblemDetails {
            type_uri: uri.clone(),
            ..ProblemDetails::default()
        };
        assert_eq!(doc.entry(), Some(e), "{uri}");

        // Under a service's base: `<table>/<code>`, Agora REST `<status>/<error>`.
        let uri = problem_type_with_base(base, &r);
        let rest = uri
            .strip_prefix(base)
            .and_then(|r| r.strip_prefix(e.table().as_str()))
            .and_then(|r| r.strip_prefix('/'))
            .unwrap_or_else(|| panic!("{uri}"));
        let (status, code) = match (e.table(), rest.split_once('/')) {
            (Table::AgoraRest, Some((status, code))) => (Some(status), code),
            (Table::AgoraRest, None) => (Some(rest), rest),
            _ => (None, rest),
        };
        if let Some(status) = status {
            assert_eq!(Some(status.parse().unwrap()), e.vendor_status(), "{uri}");
        }
        assert!(
            code.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
            "{uri}"
        );
        assert_eq!(percent_decode(code), e.code().to_string(), "{uri}");
        assert!(based.insert(uri.clone()), "two entries share {uri}");
    }
    assert_eq!((docs.len(), based.len()), (Table::ALL_LEN, Table::ALL_LEN));
    // No entry: about:blank, the table and code staying in the extensions.
    for r in [
        chat_error_codes::resolve::code(Table::CometChatRest, "ERR_NEW/2030"),
        chat_error_codes::resolve::code(Table::GenesysChat, "230"),
    ] {
        assert_eq!(problem_type(&r), ABOUT_BLANK, "{r:?}");
        assert_eq!(problem_type_with_base(base, &r), ABOUT_BLANK, "{r:?}");
    }
}

/// The type URIs of earlier versions (`urn:chat-error-codes:<table>:<code>`) still resolve.
#[test]
fn legacy_urn_types_read_back() {
    use chat_error_codes::agora::rest::ChatError;
    let cases: [(&str, Option<AnyChatError>); 6] = [
        (
            "urn:chat-error-codes:cometchat_rest:ERR_UID_NOT_FOUND",
            AnyChatError::from_table(Table::CometChatRest, "ERR_UID_NOT_FOUND"),
        ),
        (
            "urn:chat-error-codes:agora_chat:605",
            AnyChatError::from_table(Table::AgoraChat, "605"),
        ),
        (
            "urn:chat-error-codes:agora_rest:500:web_application",
            Some(ChatError::WebApplication500.into()),
        ),
        (
            "urn:chat-error-codes:agora_rest:415:web_application",
            Some(ChatError::WebApplication415.into()),
        ),
        (
            "urn:chat-error-codes:cometchat_rest:unrecognized:ERR_X",
            None,
        ),
        ("urn:chat-error-codes:http:502", None),
    ];
    for (uri, entry) in cases {
        let doc = ProblemDetails {
            type_uri: uri.to_string(),
            ..ProblemDetails::default()
        };
        assert_eq!(doc.entry(), entry, "{uri}");
    }
}

#[test]
fn problem_from_a_classified_response() {
    let body = br#"{"code":9,"message":"Too many requests","StatusCode":429,"duration":"0.01ms"}"#;
    let r = response::classify(
        Some(Table::StreamChat),
        429,
        [
            ("X-RateLimit-Reset", &b"1700000009"[..]),
            ("X-RateLimit-Remaining", b"0"),
        ],
        body,
    );
    let p = r
        .problem(UnixTime(NOW - Duration::from_millis(500)))
        .with_instance("/channels/messaging/general/message");
    assert_eq!(
        p.type_uri,
        format!("{DOCS_BASE}stream/enum.ChatError.html#variant.RateLimitError")
    );
    assert_eq!(
        p.title.as_deref(),
        Some(r.payload().unwrap().resolution().catalog_message().unwrap())
    );
    assert_eq!(p.status, Some(429));
    assert_eq!(p.detail.as_deref(), Some("Too many requests"));
    assert_eq!(
        p.instance.as_deref(),
        Some("/channels/messaging/general/message")
    );
    assert_eq!(
        (p.vendor, p.table),
        (Some(Vendor::Stream), Some(Table::StreamChat))
    );
    assert_eq!(p.code, Some(RawCode::Int(9)));
    assert_eq!(
        (p.canonical, p.recovery),
        (
            Some(Canonical::ResourceExhausted),
            Some(Recovery::RetryWithBackoff)
        )
    );
    assert_eq!(p.retry_after, Some(10)); // 9.5 s, rounded up
    let json: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
    assert_eq!(json["retry_after"], 10);
    assert_eq!(json["code"], 9);
    assert_eq!(json["table"], "stream_chat");
    assert_eq!(json["vendor"], "Stream");
    assert_eq!(json["canonical"], "ResourceExhausted");

    // Without a payload: the status as sent, the class as title, the named table.
    let r = response::classify(
        Some(Table::SendbirdChat),
        502,
        [],
        b"<html>bad gateway</html>",
    );
    let p = r.problem(UnixTime(NOW));
    // about:blank: the title is the status's reason phrase (RFC 9457, section 4.2.1).
    assert_eq!(p.type_uri, ABOUT_BLANK);
    assert_eq!(
        (p.title.as_deref(), p.status),
        (Some("Bad Gateway"), Some(502))
    );
    assert_eq!(
        (p.vendor, p.table, p.code.as_ref()),
        (Some(Vendor::Sendbird), Some(Table::SendbirdChat), None)
    );
    assert_eq!(p.detail, None);
}

#[test]
fn problem_from_a_parsed_payload_alone() {
    let body = r#"{"error":{"code":"ERR_SOMETHING_NEW","message":"new"}}"#;
    let p = ProblemDetails::from(&chat_error_codes::payload::parse(body).unwrap());
    assert_eq!(p.type_uri, ABOUT_BLANK);
    assert_eq!(
        (p.title.as_deref(), p.status),
        (Some("Internal Server Error"), Some(500))
    );
    assert_eq!(
        (p.table, p.code.clone()),
        (
            Some(Table::CometChatRest),
            Some(RawCode::from("ERR_SOMETHING_NEW"))
        )
    );
    assert_eq!(p.retry_after, None);
    let p = ProblemDetails::from(
        &chat_error_codes::payload::parse_exception(
            r#"{"name":"TypeError","message":"x is undefined"}"#,
        )
        .unwrap(),
    );
    assert_eq!(p.type_uri, ABOUT_BLANK);
    assert_eq!(p.code, Some(RawCode::from("TypeError")));
}

#[test]
fn problem_documents_of_other_producers_parse_and_keep_their_members() {
    let text = r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#;
    let p: ProblemDetails = serde_json::from_str(text).unwrap();
    assert_eq!(p.extensions["balance"], 30);
    assert_eq!(p.extensions.len(), 2);
    let again: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
    assert_eq!(
        again,
        serde_json::from_str::<serde_json::Value>(text).unwrap()
    );
    // No type: about:blank (RFC 9457, section 4.2.1).
    let p: ProblemDetails = serde_json::from_str(r#"{"status":404}"#).unwrap();
    assert_eq!(p.type_uri, "about:blank");
    assert_eq!(response::PROBLEM_JSON, "application/problem+json");
}

fn arb_problem() -> impl Strategy<Value = ProblemDetails> {
    let text = || proptest::option::of(".{0,30}");
    let code = proptest::option::of(prop_oneof![
        any::<i64>().prop_map(RawCode::Int),
        ".{0,20}".prop_map(RawCode::from),
    ]);
    let extensions = proptest::collection::btree_map(
        "x_[a-z]{1,8}",
        prop_oneof![
            any::<i64>().prop_map(serde_json::Value::from),
            ".{0,10}".prop_map(serde_json::Value::from),
            any::<bool>().prop_map(serde_json::Value::from),
        ],
        0..3,
    );
    (
        (
            "[a-z:]{1,40}",
            text(),
            proptest::option::of(100u16..600),
            text(),
            text(),
        ),
        (
            proptest::option::of(proptest::sample::select(Vendor::VARIANTS)),
            proptest::option::of(proptest::sample::select(Table::VARIANTS)),
            code,
            proptest::option::of(proptest::sample::select(Canonical::VARIANTS)),
            proptest::option::of(proptest::sample::select(Recovery::VARIANTS)),
            proptest::option::of(any::<u64>()),
        ),
        extensions,
    )
        .prop_map(
            |(
                (type_uri, title, status, detail, instance),
                (vendor, table, code, canonical, recovery, retry_after),
                extensions,
            )| {
                ProblemDetails {
                    type_uri,
                    title,
                    status,
                    detail,
                    instance,
                    vendor,
                    table,
                    code,
                    canonical,
                    recovery,
                    retry_after,
                    extensions: extensions.into_iter().collect(),
                }
            },
        )
}

proptest! {
    #[test]
    fn problem_details_round_trip(p in arb_problem()) {
        let json = p.to_json();
        let back: ProblemDetails = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &p);
        prop_assert_eq!(back.to_json(), json);
    }
}

#[test]
fn problem_details_round_trip_for_every_catalog_entry() {
    // One document per entry, as a relay would send it, with the entry's own code.
    for e in AnyChatError::all() {
        let code = match e.code() {
            chat_error_codes::Code::Str(s) => RawCode::from(s.to_string()),
            chat_error_codes::Code::Int(n) => RawCode::Int(n.into()),
        };
        let p = ProblemDetails {
            type_uri: problem_type(&Resolution::Known(e)),
            title: Some(e.message().to_string()),
            status: e.vendor_status().or(Some(e.http_status())),
            detail: e.description().map(String::from),
            vendor: Some(e.vendor()),
            table: Some(e.table()),
            code: Some(code),
            canonical: Some(e.canonical()),
            recovery: Some(e.recovery()),
            ..ProblemDetails::default()
        };
        let back: ProblemDetails = serde_json::from_str(&p.to_json()).unwrap();
        assert_eq!(back, p);
    }
}

// ---------------------------------------------------------------------------------------------
// The `http` crate and tonic
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "http")]
#[test]
fn status_code_conversions() {
    for n in 100u16..=999 {
        let status = http::StatusCode::from_u16(n).unwrap();
        assert_eq!(Canonical::from(status), Canonical::from_http_status(n));
    }
    for &c in Canonical::VARIANTS {
        assert_eq!(http::StatusCode::from(c).as_u16(), c.http_status());
        assert_eq!(c.status_code(), http::StatusCode::from(c));
    }
}

#[cfg(feature = "http")]
#[test]
fn http_adapters_agree_with_classify() {
    let body = br#"{"error":true,"code":500910,"message":"Too many requests (scope: app, limit: 10;w=1, remaining: 0, retry_after: 0.5s, reset: 0.97s)"}"#;
    let response = http::Response::builder()
        .status(429)
        .header("X-RateLimit-RetryAfter", "0.5")
        .header("X-RateLimit-Limit", "10;w=1")
        .body(&body[..])
        .unwrap();
    let whole = response::from_response(Some(Table::SendbirdChat), &response);
    let (parts, bytes) = response.clone().into_parts();
    let from_parts = response::from_parts(Some(Table::SendbirdChat), &parts, bytes);
    let from_status = response::from_status(
        Some(Table::SendbirdChat),
        parts.status,
        &parts.headers,
        bytes,
    );
    let direct = response::classify(
        Some(Table::SendbirdChat),
        429,
        [
            ("x-ratelimit-retryafter", &b"0.5"[..]),
            ("x-ratelimit-limit", b"10;w=1"),
        ],
        bytes,
    );
    for r in [&whole, &from_parts, &from_status] {
        assert_eq!(r.hints(), direct.hints());
        assert_eq!(r.problem(UnixTime(NOW)), direct.problem(UnixTime(NOW)));
        assert_eq!(
            r.decision(UnixTime(NOW)),
            Decision::RetryAfter(Duration::from_millis(500))
        );
    }
    assert_eq!(whole.canonical(), Canonical::ResourceExhausted);
    let out = whole.problem(UnixTime(NOW)).to_http_response();
    assert_eq!(out.status(), http::StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        out.headers()[http::header::CONTENT_TYPE],
        response::PROBLEM_JSON
    );
    let back: ProblemDetails = serde_json::from_str(out.body()).unwrap();
    assert_eq!(back.retry_after, Some(1));
    assert_eq!(back.code, Some(RawCode::Int(500910)));
}

#[cfg(feature = "tonic")]
#[test]
fn tonic_codes_are_the_classes_one_to_one() {
    let mut seen = HashSet::new();
    for &c in Canonical::VARIANTS {
        let code = tonic::Code::from(c);
        assert_eq!(format!("{code:?}"), c.as_str());
        assert_eq!(Canonical::from(code), c);
        assert!(seen.insert(code as i32));
    }
    assert_eq!(seen.len(), 17); // google.rpc.Code: OK and 16 errors
    assert_eq!(tonic::Code::from(Canonical::Ok), tonic::Code::Ok);
}

// ---------------------------------------------------------------------------------------------
// Issue 20: dates, bounds, clock skew
// ---------------------------------------------------------------------------------------------

#[test]
fn retry_after_in_all_three_http_date_forms() {
    // RFC 9110, section 5.6.7: recipients accept IMF-fixdate, RFC 850 and asctime.
    // 2023-11-14 22:15:20 GMT is NOW + 2 min.
    for form in [
        "Tue, 14 Nov 2023 22:15:20 GMT",
        "Tuesday, 14-Nov-23 22:15:20 GMT",
        "Tue Nov 14 22:15:20 2023",
    ] {
        let h = hints(&[("Retry-After", form)]);
        assert_eq!(h.retry_after(), Some(Wait::Until(1_700_000_120)), "{form}");
        let r = response::classify(None, 503, [("Retry-After", form.as_bytes())], b"");
        assert_eq!(
            r.decision(UnixTime(NOW)),
            Decision::RetryAfter(Duration::from_secs(120)),
            "{form}"
        );
        assert_eq!(r.problem(UnixTime(NOW)).retry_after, Some(120), "{form}");
    }
}

#[test]
fn resets_in_unix_milliseconds_are_recognised() {
    let r = response::classify(
        None,
        429,
        [("X-RateLimit-Reset", &b"1700000060000"[..])],
        b"",
    );
    assert_eq!(r.hints().reset(), Some(Wait::Until(1_700_000_060)));
    assert_eq!(
        r.decision(UnixTime(NOW)),
        Decision::RetryAfter(Duration::from_secs(60))
    );
    assert_eq!(r.problem(UnixTime(NOW)).retry_after, Some(60));
}

#[test]
fn huge_delays_are_clamped_and_never_relayed() {
    let max = DelayLimits::DEFAULT.max;
    for (name, value) in [
        ("Retry-After", "18446744073709551615"),
        ("Retry-After", "99999999999999999999999999"),
        ("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"),
        ("X-RateLimit-RetryAfter", "18446744073709551615.9"),
        ("X-RateLimit-Reset", "4102444800"),
        ("X-RateLimit-Reset", "99999999999999999999"),
    ] {
        let r = response::classify(None, 429, [(name, value.as_bytes())], b"");
        assert_eq!(
            r.decision(UnixTime(NOW)),
            Decision::RetryAfter(max),
            "{name}: {value}"
        );
        let p = r.problem(UnixTime(NOW));
        assert_eq!(p.retry_after, Some(max.as_secs()), "{name}: {value}");
        #[cfg(feature = "http")]
        assert_eq!(p.to_http_response().headers()["retry-after"], "3600");
    }
    // The caller sets its own bounds.
    let limits = DelayLimits {
        min: Duration::from_secs(3),
        max: Duration::from_secs(86_400),
    };
    let r = response::classify(None, 429, [("Retry-After", &b"7200"[..])], b"")
        .with_delay_limits(limits);
    assert_eq!(r.delay_limits(), limits);
    assert_eq!(
        r.decision(UnixTime(NOW)),
        Decision::RetryAfter(Duration::from_secs(7200))
    );
    let r =
        response::classify(None, 429, [("Retry-After", &b"0"[..])], b"").with_delay_limits(limits);
    assert_eq!(
        r.decision(UnixTime(NOW)),
        Decision::RetryAfter(Duration::from_secs(3))
    );
}

#[test]
fn a_429_that_asked_for_a_wait_is_never_an_immediate_retry() {
    // The reset is past by the local clock (a replayed response, a clock that runs ahead), and
    // the response has no Date: the minimum, not zero.
    for value in ["1600000000", "0", "Sun, 06 Nov 1994 08:49:37 GMT"] {
        let name = if value.contains(',') {
            "Retry-After"
        } else {
            "X-RateLimit-Reset"
        };
        let r = response::classify(None, 429, [(name, value.as_bytes())], b"");
        let d = r.decision(UnixTime(NOW));
        assert_eq!(d, Decision::RetryAfter(Duration::from_secs(1)), "{value}");
        assert_eq!(r.problem(UnixTime(NOW)).retry_after, Some(1));
    }
    let r = response::classify(None, 429, [("Retry-After", &b"0"[..])], b"");
    assert_eq!(r.retry_after(UnixTime(NOW)), Some(DelayLimits::DEFAULT.min));
}

#[test]
fn reset_times_are_measured_against_the_responses_date() {
    // Logged a year ago: the reset is 30 s after the response's own Date.
    let logged = [
        ("Date", &b"Mon, 14 Nov 2022 10:00:00 GMT"[..]),
        ("X-RateLimit-Reset", b"1668420030"), // 2022-11-14 10:00:30
    ];
    let r = response::classify(None, 429, logged, b"");
    assert_eq!(r.hints().date(), Some(1_668_420_000));
    assert_eq!(
        r.decision(UnixTime(NOW)),
        Decision::RetryAfter(Duration::from_secs(30))
    );
    // A client whose clock runs 10 minutes fast, a live response: still the vendor's 45 s.
    let date = "Tue, 14 Nov 2023 22:13:20 GMT"; // NOW
    let reset = (NOW.as_secs() + 45).to_string();
    let headers = [
        ("date", date.as_bytes()),
        ("x-rate-limit-reset", reset.as_bytes()),
    ];
    let r = response::classify(None, 429, headers, b"");
    assert_eq!(
        r.decision(UnixTime(NOW + Duration::from_secs(600))),
        Decision::RetryAfter(Duration::from_secs(45))
    );
    // Retry-After dates too, in any form of Date.
    let headers = [
        ("Date", &b"Sunday, 06-Nov-94 08:49:37 GMT"[..]),
        ("Retry-After", b"Sun Nov  6 08:50:07 1994"),
    ];
    let r = response::classify(None, 503, headers, b"");
    assert_eq!(
        r.decision(UnixTime(NOW)),
        Decision::RetryAfter(Duration::from_secs(30))
    );
    // A malformed Date is ignored: the local clock counts.
    let headers = [
        ("Date", &b"yesterday"[..]),
        ("X-RateLimit-Reset", b"1700000010"),
    ];
    let r = response::classify(None, 429, headers, b"");
    assert_eq!(r.hints().date(), None);
    assert_eq!(r.retry_after(UnixTime(NOW)), Some(Duration::from_secs(10)));
}

// ---------------------------------------------------------------------------------------------
// Issue 20: Problem Details in
// ---------------------------------------------------------------------------------------------

const PROBLEM: (&str, &[u8]) = ("Content-Type", b"application/problem+json");

#[test]
fn the_crates_own_output_relayed_resolves_back_to_its_entry() {
    // The exact document of the issue, old `urn:` type included.
    let body = br#"{"type":"urn:chat-error-codes:cometchat_rest:ERR_TOO_MANY_REQUESTS","title":"Too many requests.","status":429,"detail":"Slow down, please.","vendor":"CometChat","table":"cometchat_rest","code":"ERR_TOO_MANY_REQUESTS","canonical":"ResourceExhausted","recovery":"RetryWithBackoff","retry_after":15}"#;
    for headers in [vec![], vec![PROBLEM]] {
        for table in [None, Some(Table::CometChatRest), Some(Table::AgoraChat)] {
            let r = response::classify(table, 429, headers.iter().copied(), body);
            let doc = r
                .received_problem()
                .unwrap_or_else(|| panic!("{:?}", r.body()));
            let entry = doc.entry().unwrap();
            assert_eq!(
                (entry.table(), entry.name()),
                (Table::CometChatRest, "ERR_TOO_MANY_REQUESTS")
            );
            assert!(r.payload().is_none());
            assert_eq!(r.table(), Some(Table::CometChatRest));
            assert_eq!(r.canonical(), Canonical::ResourceExhausted);
            let p = r.problem(UnixTime(NOW));
            assert_eq!(p.vendor, Some(Vendor::CometChat));
            assert_eq!(p.detail.as_deref(), Some("Slow down, please."));
            assert_eq!(p.type_uri, problem_type(&Resolution::Known(entry)));
            assert_eq!(p.code, Some(RawCode::from("ERR_TOO_MANY_REQUESTS")));
        }
    }
    // The new form reads back the same way, through the extensions and through the type alone.
    let e = AnyChatError::from_table(Table::AgoraChat, "605").unwrap();
    let written = ProblemDetails {
        type_uri: problem_type(&Resolution::Known(e)),
        status: Some(404),
        ..ProblemDetails::default()
    };
    let json = written.to_json();
    let r = response::classify(Some(Table::StreamChat), 404, [], json.as_bytes());
    assert_eq!(r.received_problem().unwrap().entry(), Some(e));
    assert_eq!(r.canonical(), e.canonical());
}

#[test]
fn a_gateways_problem_is_classified_from_its_status_and_keeps_title_and_detail() {
    let body = br#"{"type":"about:blank","status":404,"title":"Not Found","detail":"No route for /v3/users/u1"}"#;
    for headers in [vec![], vec![PROBLEM]] {
        for table in [None, Some(Table::AgoraChat), Some(Table::CometChatRest)] {
            let r = response::classify(table, 404, headers.iter().copied(), body);
            let doc = r
                .received_problem()
                .unwrap_or_else(|| panic!("{table:?}: {:?}", r.body()));
            assert_eq!(doc.entry(), None);
            assert_eq!(r.canonical(), Canonical::NotFound);
            assert_eq!(r.decision(UnixTime(NOW)), Decision::GiveUp);
            let p = r.problem(UnixTime(NOW));
            assert_eq!(p.type_uri, ABOUT_BLANK);
            assert_eq!(p.title.as_deref(), Some("Not Found"));
            assert_eq!(p.detail.as_deref(), Some("No route for /v3/users/u1"));
            assert_eq!(p.vendor, None);
        }
    }
    // A Problem Details body is an error, never success, whatever the status.
    let r = response::classify(None, 200, [PROBLEM], br#"{"title":"odd"}"#);
    assert_eq!(r.canonical(), Canonical::Unknown);
}

#[test]
fn vendor_payloads_are_not_taken_for_problem_documents() {
    // Detection does not guess: a `title` makes a document Problem Details even beside a
    // number in `type` (a mistyped member, ignored as RFC 9457 says)...
    let r = response::classify(
        None,
        404,
        [],
        br#"{"type":605,"title":"Group","message":"m"}"#,
    );
    assert_eq!(
        r.received_problem().unwrap().title.as_deref(),
        Some("Group")
    );
    // ...but the caller who names the vendor gets the vendor's reading.
    let r = response::classify(
        Some(Table::AgoraChat),
        404,
        [],
        br#"{"type":605,"title":"Group","message":"m"}"#,
    );
    assert_eq!(r.payload().unwrap().table(), Table::AgoraChat);
    let r = response::classify(
        Some(Table::CometChatRest),
        404,
        [],
        br#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"m"},"title":"Not Found"}"#,
    );
    assert!(r.payload().is_some());
    // A JSON body that is neither stays an excerpt.
    let r = response::classify(None, 404, [PROBLEM], br#"{"type":605}"#);
    assert_eq!(r.payload().unwrap().table(), Table::AgoraChat);
    let r = response::classify(None, 404, [PROBLEM], br#"{"foo":1}"#);
    assert!(r.excerpt().is_some());
}

/// `p`, read from `text`, is written back member for member; a document without a type is
/// about:blank, and says so when written.
fn assert_written_back(p: &ProblemDetails, text: &str) {
    let mut original: serde_json::Value = serde_json::from_str(text).unwrap();
    original
        .as_object_mut()
        .unwrap()
        .entry("type")
        .or_insert(ABOUT_BLANK.into());
    let again: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
    assert_eq!(again, original, "{text}");
}

/// RFC 9457's own examples (sections 3 and 3.1), as a server sends them.
#[test]
fn rfc_9457_examples() {
    let credit = r#"{
 "type": "https://example.com/probs/out-of-credit",
 "title": "You do not have enough credit.",
 "detail": "Your current balance is 30, but that costs 50.",
 "instance": "/account/12345/msgs/abc",
 "balance": 30,
 "accounts": ["/account/12345",
              "/account/67890"]
}"#;
    let validation = r##"{
"type": "https://example.net/validation-error",
"title": "Your request is not valid.",
"errors": [
            {
              "detail": "must be a positive integer",
              "pointer": "#/age"
            },
            {
              "detail": "must be 'green', 'red' or 'blue'",
              "pointer": "#/profile/color"
            }
         ]
}"##;
    let r = response::classify(
        None,
        403,
        [PROBLEM, ("Content-Language", b"en")],
        credit.as_bytes(),
    );
    let doc = r.received_problem().unwrap();
    assert_eq!(doc.type_uri, "https://example.com/probs/out-of-credit");
    assert_eq!(doc.extensions["balance"], 30);
    assert_eq!(r.canonical(), Canonical::PermissionDenied);
    let relayed = r.problem(UnixTime(NOW));
    assert_eq!(relayed.type_uri, doc.type_uri);
    assert_eq!(relayed.instance.as_deref(), Some("/account/12345/msgs/abc"));
    assert_eq!(relayed.extensions["accounts"][1], "/account/67890");
    let r = response::classify(None, 422, [PROBLEM], validation.as_bytes());
    let doc = r.received_problem().unwrap();
    assert_eq!(doc.extensions["errors"][1]["pointer"], "#/profile/color");
    assert_eq!(r.canonical(), Canonical::InvalidArgument);
    for text in [credit, validation] {
        let p: ProblemDetails = serde_json::from_str(text).unwrap();
        let again: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
        assert_eq!(
            again,
            serde_json::from_str::<serde_json::Value>(text).unwrap()
        );
    }
}

/// RFC 9457, section 3.1: a member whose value has the wrong type is ignored, never fails the
/// document; other producers' extensions that share this crate's names are kept.
#[test]
fn mistyped_members_are_ignored_and_kept() {
    let cases: [(&str, &str); 10] = [
        (
            r#"{"type":"about:blank","status":"404","title":"Not Found"}"#,
            "status",
        ),
        (r#"{"type":null,"status":404,"title":"Not Found"}"#, "type"),
        (r#"{"type":42,"status":404,"title":"Not Found"}"#, "type"),
        (r#"{"title":7,"status":404,"detail":"gone"}"#, "title"),
        (
            r#"{"instance":["/a","/b"],"status":404,"title":"Not Found"}"#,
            "instance",
        ),
        (
            r#"{"title":"Not Found","status":404,"vendor":"acme"}"#,
            "vendor",
        ),
        (
            r#"{"title":"Not Found","status":404,"code":{"id":17,"kind":"db"}}"#,
            "code",
        ),
        (
            r#"{"title":"Not Found","status":404,"canonical":"NOT_FOUND"}"#,
            "canonical",
        ),
        (
            r#"{"title":"Not Found","status":404,"table":"users"}"#,
            "table",
        ),
        (
            r#"{"title":"Not Found","status":404,"recovery":true,"retry_after":-1}"#,
            "recovery",
        ),
    ];
    for (text, member) in cases {
        let p: ProblemDetails =
            serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let original: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(p.extensions.get(member), original.get(member), "{text}");
        assert_eq!(p.entry(), None, "{text}");
        if member == "type" {
            assert_eq!(p.type_uri, ABOUT_BLANK);
        } else {
            assert_written_back(&p, text);
        }
        let r = response::classify(Some(Table::AgoraChat), 404, [PROBLEM], text.as_bytes());
        assert!(r.received_problem().is_some(), "{text}");
        assert_eq!(r.canonical(), Canonical::NotFound, "{text}");
        let r = response::classify(Some(Table::CometChatRest), 404, [], text.as_bytes());
        assert!(r.received_problem().is_some(), "{text}: {:?}", r.body());
    }
    // A typed member and an extension of the same name are never both written.
    let mut p = ProblemDetails::default();
    p.extensions.insert("status".into(), "404".into());
    p.status = Some(404);
    assert_eq!(p.to_json(), r#"{"type":"about:blank","status":404}"#);
}

/// Documents as other producers write them (Spring, ASP.NET Core, Zalando's problem, gateways,
/// hand-written services): every one reads, and writes back member for member.
#[test]
fn documents_written_by_others_read_and_write_back() {
    let documents = [
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"No static resource v3/users.","instance":"/v3/users"}"#,
        r#"{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"Name":["The Name field is required."]},"traceId":"00-84c1fd4063c38d9f3900d06e56542d48-85d1d4-00"}"#,
        r#"{"type":"https://example.org/out-of-stock","title":"Out of Stock","status":400,"detail":"Item B00027Y5QG is no longer available","product":"B00027Y5QG"}"#,
        r#"{"title":"Service Unavailable","status":503,"detail":"Database not reachable"}"#,
        r#"{"type":"/errors/rate-limit","title":"Rate limited","status":429}"#,
        r#"{"status":404}"#,
        r#"{"type":"tag:example.com,2024:not-found"}"#,
        r#"{"type":"https://api.example.com/problems/quota","title":"Quota","status":429,"retry_after":"soon"}"#,
        r#"{"type":"https://acme.test/p","status":500,"code":12.5,"vendor":{"name":"acme"}}"#,
        r#"{"type":"https://acme.test/p","status":404,"table":"users","canonical":"NOT_FOUND","code":"E_NOUSER"}"#,
        r#"{"type":"https://acme.test/p","status":999,"title":"Odd status"}"#,
        r#"{"type":"https://acme.test/p","status":404.0,"title":"Float status"}"#,
        r#"{"type":"https://acme.test/p","status":-404,"title":"Negative status"}"#,
        r#"{"type":"https://acme.test/p","title":null,"detail":null,"instance":null}"#,
        r#"{"type":"https://acme.test/p","title":{"en":"Gone"},"detail":["a","b"]}"#,
        r#"{"type":"https://acme.test/p","title":"Über 100 % \u202e","detail":"line\nbreak"}"#,
        r#"{"type":"https://acme.test/p","recovery":"RetryLater","retry_after":1.5}"#,
        r#"{"type":"https://acme.test/p","status":409,"nested":{"deep":{"deeper":[1,2,{"x":null}]}}}"#,
        r#"{"type":"https://acme.test/p","status":400,"invalid-params":[{"name":"age","reason":"must be a positive integer"}]}"#,
        r#"{"type":"urn:problem-type:example:bad","title":"URN type","status":400}"#,
        r#"{"type":"","title":"Empty type","status":400}"#,
        r#"{"type":"https://acme.test/p","status":401,"vendor":"Agora"}"#,
        r#"{"type":"https://acme.test/p","status":401,"code":605}"#,
        r#"{"type":"https://acme.test/p","status":401,"code":"ERR_UID_NOT_FOUND","table":"cometchat_rest"}"#,
        r#"{"type":"https://acme.test/p","status":502,"extensions":{"a":1},"type2":"x"}"#,
        r#"{"detail":"only a detail"}"#,
        r#"{"instance":"/only/instance"}"#,
        r#"{"type":"https://acme.test/p","status":400,"title":"big","count":18446744073709551615}"#,
        r#"{"type":"https://acme.test/p","status":400,"title":"neg","count":-9223372036854775808}"#,
        r#"{"type":"https://acme.test/p","status":400,"title":"bool","retry_after":true,"canonical":1}"#,
    ];
    assert_eq!(documents.len(), 30);
    for text in documents {
        let p = ProblemDetails::from_json(text).unwrap_or_else(|| panic!("{text}"));
        let back: ProblemDetails = serde_json::from_str(text).unwrap();
        assert_eq!(back, p);
        assert_written_back(&p, text);
        // As a response body: read as Problem Details, whatever the caller names.
        for table in [None, Some(Table::AgoraChat), Some(Table::CometChatRest)] {
            let r = response::classify(table, 400, [PROBLEM], text.as_bytes());
            assert!(r.received_problem().is_some(), "{text}");
        }
    }
    // The one that names a catalog code in this crate's extensions resolves to it.
    let p = ProblemDetails::from_json(documents[23]).unwrap();
    assert_eq!(p.entry().unwrap().name(), "ERR_UID_NOT_FOUND");
}

/// Another implementation, `http-api-problem`, reads every document this crate writes, member
/// for member and extension for extension, and what it writes reads back here unchanged.
#[test]
fn http_api_problem_reads_and_writes_every_entrys_document() {
    use http_api_problem::HttpApiProblem;
    let mut documents = 0;
    for e in AnyChatError::all() {
        let known = ProblemDetails {
            type_uri: problem_type(&Resolution::Known(e)),
            title: Some(e.message().to_string()),
            status: e.vendor_status().or(Some(e.http_status())),
            detail: e.description().map(String::from),
            instance: Some(format!("/relay/{}", e.variant_name())),
            vendor: Some(e.vendor()),
            table: Some(e.table()),
            code: Some(match e.code() {
                chat_error_codes::Code::Str(s) => RawCode::from(s.to_string()),
                chat_error_codes::Code::Int(n) => RawCode::Int(n.into()),
            }),
            canonical: Some(e.canonical()),
            recovery: Some(e.recovery()),
            retry_after: Some(30),
            ..ProblemDetails::default()
        };
        let based = known
            .clone()
            .with_type_base("https://errors.example.com/chat/");
        for ours in [known, based] {
            let json = ours.to_json();
            let theirs: HttpApiProblem = serde_json::from_str(&json).unwrap();
            assert_eq!(theirs.type_url.as_deref(), Some(ours.type_uri.as_str()));
            assert_eq!(theirs.status.map(|s| s.as_u16()), ours.status);
            assert_eq!(theirs.title, ours.title);
            assert_eq!(theirs.detail, ours.detail);
            assert_eq!(theirs.instance, ours.instance);
            let fields = theirs.additional_fields();
            assert_eq!(fields["table"], e.table().as_str());
            assert_eq!(fields["canonical"], e.canonical().as_str());
            assert_eq!(fields["retry_after"], 30);
            let back: ProblemDetails = serde_json::from_str(&theirs.json_string()).unwrap();
            assert_eq!(back, ours);
            assert_eq!(back.entry(), Some(e));
            documents += 1;
        }
    }
    assert_eq!(documents, 2 * Table::ALL_LEN);
    // And a document it writes from scratch.
    let theirs = HttpApiProblem::new(http_api_problem::StatusCode::TOO_MANY_REQUESTS)
        .type_url("https://example.com/probs/slow-down")
        .title("Slow down")
        .detail("Try again in a minute.")
        .value("vendor", &"acme")
        .value("retry_after", &60);
    let json = theirs.json_string();
    let r = response::classify(None, 429, [PROBLEM], json.as_bytes());
    let doc = r.received_problem().unwrap();
    assert_eq!((doc.status, doc.retry_after), (Some(429), Some(60)));
    assert_eq!(doc.extensions["vendor"], "acme");
    assert_eq!(r.canonical(), Canonical::ResourceExhausted);
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        // Quarters: short decimals that serde_json's default (not round-trip) float parser
        // reads exactly, so the comparison below is about this crate, not about float parsing.
        (-4000i32..4000).prop_map(|n| Value::from(f64::from(n) / 4.0)),
        (100u64..600).prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        proptest::sample::select(vec![
            "about:blank",
            "CometChat",
            "cometchat_rest",
            "NotFound",
            "DoNotRetry",
            "605",
            "ERR_UID_NOT_FOUND",
            "urn:chat-error-codes:agora_chat:605",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Any JSON object reads, writes back member for member, and classifies without a panic.
    #[test]
    fn any_json_object_reads_as_problem_details(
        members in proptest::collection::btree_map(
            prop_oneof![
                proptest::sample::select(vec![
                    "type", "title", "status", "detail", "instance", "vendor", "table", "code",
                    "canonical", "recovery", "retry_after",
                ]).prop_map(String::from),
                "[a-z_]{1,8}",
            ],
            arb_json(),
            0..8,
        ),
        status in 100u16..600,
    ) {
        let mut original = serde_json::Value::Object(members.into_iter().collect());
        let text = original.to_string();
        let p: ProblemDetails = serde_json::from_str(&text).unwrap();
        let type_ok = original.get("type").is_none_or(|t| t.is_string());
        let object = original.as_object_mut().unwrap();
        if !type_ok {
            object.remove("type");
        }
        object.entry("type").or_insert(ABOUT_BLANK.into());
        let again: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
        prop_assert_eq!(again, original);
        let r = response::classify(Some(Table::AgoraChat), status, [PROBLEM], text.as_bytes());
        let _ = (r.canonical(), r.decision(UnixTime(NOW)), r.problem(UnixTime(NOW)).to_json());
    }
}

/// Tencent Cloud IM answers every REST call with HTTP 200: the body decides. A failure is the
/// code's class, a success is `Ok`, and a batch reply with failed items is never `Ok`.
#[test]
fn tencent_replies_are_classified_by_their_body_not_their_200() {
    fn classify(body: &str) -> response::Classified<'_> {
        response::classify(Some(Table::TencentIm), 200, [], body.as_bytes())
    }
    let ok = classify(r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}"#);
    assert_eq!(ok.canonical(), Canonical::Ok);
    let failed =
        classify(r#"{"ActionStatus":"FAIL","ErrorCode":70107,"ErrorInfo":"user not exist"}"#);
    assert_ne!(failed.canonical(), Canonical::Ok);
    assert!(failed.payload().is_some());
    let partial = classify(
        r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[{"ResultCode":30001,"ResultInfo":"exists","To_Account":"bob"},{"ResultCode":0,"To_Account":"eve"}],"Fail_Account":["bob"]}"#,
    );
    assert_eq!(partial.canonical(), Canonical::Unknown);
    assert_ne!(partial.decision(UnixTime(Duration::ZERO)), Decision::Done);
}
