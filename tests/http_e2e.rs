//! End to end over real HTTP on the loopback address: an axum server serves recorded vendor
//! error responses, a reqwest client fetches each one, and the `http` adapter classifies what
//! arrived (status, headers, body bytes) into a decision and Problem Details.
//!
//! Nothing leaves 127.0.0.1: the server binds to it, the client has no proxy and calls it by
//! address. Every wait is bounded: one timeout per request and one for the whole test.
#![cfg(all(feature = "http", feature = "json"))]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Body;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use chat_error_codes::response::{
    self, ABOUT_BLANK, DOCS_BASE, Decision, PROBLEM_JSON, ProblemDetails, UnixTime,
};
use chat_error_codes::{Canonical, Table, Vendor, resolve::RawCode};

/// A recorded vendor response. `{reset+30}` in a header value becomes the Unix time 30 seconds
/// after the request arrives.
struct Recorded {
    path: &'static str,
    status: u16,
    headers: &'static [(&'static str, &'static str)],
    body: &'static str,
}

const RECORDED: &[Recorded] = &[
    Recorded {
        path: "/cometchat/v3/users/cometchat-uid-7",
        status: 404,
        headers: &[("content-type", "application/json")],
        body: r#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"The UID cometchat-uid-7 does not exist, please make sure you have created a user with UID cometchat-uid-7.","devMessage":"Please use the valid UID.","source":"ERR_UID_NOT_FOUND"}}"#,
    },
    Recorded {
        path: "/cometchat/v3/messages",
        status: 429,
        headers: &[
            ("content-type", "application/json"),
            ("Retry-After", "15"),
            ("X-Rate-Limit", "700"),
            ("X-Rate-Limit-Remaining", "0"),
        ],
        body: r#"{"error":{"code":"ERR_TOO_MANY_REQUESTS","message":"Too many requests."}}"#,
    },
    Recorded {
        path: "/cometchat/v3/groups",
        status: 429,
        headers: &[
            ("content-type", "application/json"),
            ("X-Rate-Limit-Reset", "{reset+30}"),
        ],
        body: r#"{"error":{"code":"ERR_TOO_MANY_REQUESTS","message":"Too many requests."}}"#,
    },
    Recorded {
        path: "/agora/users",
        status: 401,
        headers: &[("content-type", "application/json")],
        body: r#"{"error":"unauthorized","exception":"EasemobSecurityException","timestamp":1542167924779,"duration":0,"error_description":"Unable to authenticate (OAuth)"}"#,
    },
    Recorded {
        path: "/stream/channels",
        status: 400,
        headers: &[
            ("content-type", "application/json"),
            ("X-RateLimit-Limit", "300"),
            ("X-RateLimit-Remaining", "299"),
            ("X-RateLimit-Reset", "{reset+30}"),
        ],
        body: r#"{"code":4,"message":"QueryChannels failed with error: \"field `limit` must be between 0 and 30\"","StatusCode":400,"duration":"0.02ms","more_info":"https://getstream.io/chat/docs/api_errors_response","details":[]}"#,
    },
    Recorded {
        path: "/sendbird/v3/group_channels",
        status: 429,
        headers: &[
            ("content-type", "application/json"),
            ("X-RateLimit-Limit", "10;w=1"),
            ("X-RateLimit-Remaining", "0"),
            ("X-RateLimit-RetryAfter", "0.5"),
        ],
        body: r#"{"error":true,"code":500910,"message":"Too many requests (scope: app, limit: 10;w=1, remaining: 0, retry_after: 0.5s, reset: 0.97s)"}"#,
    },
    Recorded {
        path: "/genesys/chat",
        status: 503,
        headers: &[("content-type", "application/json"), ("Retry-After", "5")],
        body: r#"{"code":100,"message":"Chat server is not available"}"#,
    },
    Recorded {
        // Replayed from a log a year later: a reset in Unix milliseconds, 20 s after the
        // response's own Date.
        path: "/replayed/v3/messages",
        status: 429,
        headers: &[
            ("content-type", "application/json"),
            ("date", "Mon, 14 Nov 2022 10:00:00 GMT"),
            ("X-RateLimit-Reset", "1668420020000"),
        ],
        body: r#"{"error":{"code":"ERR_TOO_MANY_REQUESTS","message":"Too many requests."}}"#,
    },
    Recorded {
        // A gateway in front of the API answers with its own Problem Details.
        path: "/gateway/problem",
        status: 404,
        headers: &[("content-type", "application/problem+json; charset=utf-8")],
        body: r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"No route matches /gateway/problem","traceId":"00-84c1fd40-01"}"#,
    },
    Recorded {
        path: "/gateway",
        status: 502,
        headers: &[("content-type", "text/html"), ("server", "nginx")],
        body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
    },
];

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

async fn serve_recorded(uri: Uri) -> Response {
    let Some(r) = RECORDED.iter().find(|r| r.path == uri.path()) else {
        return Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(Body::from("no such recording"))
            .unwrap();
    };
    let mut builder = Response::builder().status(r.status);
    for (name, value) in r.headers {
        let value = value.replace("{reset+30}", &(unix_now() + 30).to_string());
        builder = builder.header(*name, value);
    }
    builder.body(Body::from(r.body)).unwrap()
}

/// What the test expects of one recording.
struct Expected {
    path: &'static str,
    table: Option<Table>,
    canonical: Canonical,
    decision: fn(Decision) -> bool,
    /// The end of the type URI: the entry's rustdoc page under `DOCS_BASE`, or `about:blank`.
    type_uri: &'static str,
    vendor: Option<Vendor>,
    code: Option<RawCode<'static>>,
    retry_after: fn(Option<u64>) -> bool,
}

fn expectations() -> Vec<Expected> {
    vec![
        Expected {
            path: "/cometchat/v3/users/cometchat-uid-7",
            table: Some(Table::CometChatRest),
            canonical: Canonical::NotFound,
            decision: |d| d == Decision::GiveUp,
            type_uri: "cometchat/rest/enum.ChatError.html#variant.ErrUidNotFound",
            vendor: Some(Vendor::CometChat),
            code: Some(RawCode::from("ERR_UID_NOT_FOUND")),
            retry_after: |r| r.is_none(),
        },
        Expected {
            path: "/cometchat/v3/messages",
            table: Some(Table::CometChatRest),
            canonical: Canonical::ResourceExhausted,
            decision: |d| d == Decision::RetryAfter(Duration::from_secs(15)),
            type_uri: "cometchat/rest/enum.ChatError.html#variant.ErrTooManyRequests",
            vendor: Some(Vendor::CometChat),
            code: Some(RawCode::from("ERR_TOO_MANY_REQUESTS")),
            retry_after: |r| r == Some(15),
        },
        Expected {
            // Only X-Rate-Limit-Reset: the wait is until the reset, about 30 s.
            path: "/cometchat/v3/groups",
            table: None,
            canonical: Canonical::ResourceExhausted,
            decision: |d| {
                d.delay()
                    .is_some_and(|d| d > Duration::from_secs(20) && d <= Duration::from_secs(31))
            },
            type_uri: "cometchat/rest/enum.ChatError.html#variant.ErrTooManyRequests",
            vendor: Some(Vendor::CometChat),
            code: Some(RawCode::from("ERR_TOO_MANY_REQUESTS")),
            retry_after: |r| r.is_some_and(|s| (20..=31).contains(&s)),
        },
        Expected {
            path: "/agora/users",
            table: Some(Table::AgoraRest),
            canonical: Canonical::Unauthenticated,
            decision: |d| d == Decision::Reauthenticate,
            type_uri: "agora/rest/enum.ChatError.html#variant.Unauthorized",
            vendor: Some(Vendor::Agora),
            code: Some(RawCode::from("unauthorized")),
            retry_after: |r| r.is_none(),
        },
        Expected {
            // A 400 with a reset time: not rate limited, so the reset is no delay.
            path: "/stream/channels",
            table: Some(Table::StreamChat),
            canonical: Canonical::InvalidArgument,
            decision: |d| d == Decision::FixRequest,
            type_uri: "stream/enum.ChatError.html#variant.InputError",
            vendor: Some(Vendor::Stream),
            code: Some(RawCode::Int(4)),
            retry_after: |r| r.is_none(),
        },
        Expected {
            path: "/sendbird/v3/group_channels",
            table: None,
            canonical: Canonical::ResourceExhausted,
            decision: |d| d == Decision::RetryAfter(Duration::from_millis(500)),
            type_uri: "sendbird/enum.ChatError.html#variant.RateLimitExceeded",
            vendor: Some(Vendor::Sendbird),
            code: Some(RawCode::Int(500910)),
            retry_after: |r| r == Some(1),
        },
        Expected {
            path: "/genesys/chat",
            table: Some(Table::GenesysChat),
            canonical: Canonical::Unavailable,
            decision: |d| d == Decision::RetryAfter(Duration::from_secs(5)),
            type_uri: "genesys/enum.ChatError.html#variant.ServerNotAvailable",
            vendor: Some(Vendor::Genesys),
            code: Some(RawCode::Int(100)),
            retry_after: |r| r == Some(5),
        },
        Expected {
            path: "/replayed/v3/messages",
            table: Some(Table::CometChatRest),
            canonical: Canonical::ResourceExhausted,
            decision: |d| d == Decision::RetryAfter(Duration::from_secs(20)),
            type_uri: "cometchat/rest/enum.ChatError.html#variant.ErrTooManyRequests",
            vendor: Some(Vendor::CometChat),
            code: Some(RawCode::from("ERR_TOO_MANY_REQUESTS")),
            retry_after: |r| r == Some(20),
        },
        Expected {
            path: "/gateway/problem",
            table: Some(Table::AgoraChat),
            canonical: Canonical::NotFound,
            decision: |d| d == Decision::GiveUp,
            type_uri: "about:blank",
            vendor: None,
            code: None,
            retry_after: |r| r.is_none(),
        },
        Expected {
            path: "/gateway",
            table: Some(Table::CometChatRest),
            canonical: Canonical::Unavailable,
            decision: |d| d == Decision::RetryWithBackoff,
            type_uri: "about:blank",
            vendor: Some(Vendor::CometChat),
            code: None,
            retry_after: |r| r.is_none(),
        },
    ]
}

#[tokio::test]
async fn recorded_vendor_responses_over_loopback() {
    tokio::time::timeout(Duration::from_secs(60), run())
        .await
        .expect("the end-to-end test took longer than 60 s");
}

async fn run() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    assert!(addr.ip().is_loopback());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let app = Router::new().fallback(serve_recorded);
    let server = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });

    let client = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let expected = expectations();
    assert_eq!(expected.len(), RECORDED.len());
    for e in &expected {
        let url = format!("http://{addr}{}", e.path);
        let reply = client.get(&url).send().await.unwrap();
        let status = reply.status();
        let headers = reply.headers().clone();
        let body = reply.bytes().await.unwrap();
        let recorded = RECORDED.iter().find(|r| r.path == e.path).unwrap();
        assert_eq!(status.as_u16(), recorded.status, "{}", e.path);
        assert_eq!(&body[..], recorded.body.as_bytes(), "{}", e.path);

        let classified = response::from_status(e.table, status, &headers, &body);
        assert_eq!(classified.canonical(), e.canonical, "{}", e.path);
        let decision = classified.decision(UnixTime::now());
        assert!((e.decision)(decision), "{}: {decision:?}", e.path);

        let problem = classified.problem(UnixTime::now()).with_instance(e.path);
        let expected_type = if e.type_uri == ABOUT_BLANK {
            e.type_uri.to_string()
        } else {
            format!("{DOCS_BASE}{}", e.type_uri)
        };
        assert_eq!(problem.type_uri, expected_type, "{}", e.path);
        assert_eq!(problem.status, Some(recorded.status), "{}", e.path);
        assert_eq!(problem.canonical, Some(e.canonical), "{}", e.path);
        assert_eq!(problem.recovery, Some(classified.recovery()), "{}", e.path);
        assert_eq!(problem.vendor, e.vendor, "{}", e.path);
        assert_eq!(problem.code, e.code, "{}", e.path);
        assert_eq!(problem.instance.as_deref(), Some(e.path));
        assert!(
            (e.retry_after)(problem.retry_after),
            "{}: {:?}",
            e.path,
            problem.retry_after
        );
        match classified.payload() {
            Some(p) => assert_eq!(problem.detail.as_deref(), p.message(), "{}", e.path),
            None => match classified.received_problem() {
                Some(doc) => assert_eq!(problem.detail, doc.detail, "{}", e.path),
                None => {
                    let excerpt = classified.excerpt().unwrap();
                    assert!(excerpt.text().contains("502 Bad Gateway"));
                    assert_eq!(problem.title.as_deref(), Some("Bad Gateway"));
                }
            },
        }

        // What a relaying service sends: application/problem+json, losslessly parsed back.
        let relayed = problem.to_http_response();
        assert_eq!(relayed.status(), status, "{}", e.path);
        assert_eq!(
            relayed.headers()[axum::http::header::CONTENT_TYPE],
            PROBLEM_JSON
        );
        let back: ProblemDetails = serde_json::from_str(relayed.body()).unwrap();
        assert_eq!(back, problem, "{}", e.path);
    }

    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("the server did not shut down within 10 s")
        .unwrap()
        .unwrap();
}
