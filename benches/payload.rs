//! Whole-job benchmark: payload in, classified error out, for every payload shape the crate
//! parses, against the two things a user writes without this crate, on the same corpus in the
//! same run:
//!
//! - `typed`: a borrowed `#[derive(Deserialize)]` struct of the fields a user reads (codes and
//!   messages as `Cow<str>`, borrowed unless escaped; `details`, `data`, `timestamp`... not
//!   declared, so serde skips them), then the generated `match` of `benches/common/baselines.rs`
//!   (what strum's `EnumString` derives). This is the target: as fast as this code.
//! - `value`: `serde_json::from_str::<Value>`, the fields pulled out, the same `match`.
//!
//! The crate side is the shape's `payload::parse_*` function (and `payload::parse`, which
//! detects the shape, for the mixed corpus). Each side reads the code's entry and the message
//! (the crate: the canonical class and the message) so that neither can skip work.
//!
//! The corpus: `PER_SHAPE` bodies per shape, shaped as the vendors send them: half the
//! messages have escaped quotes (so they are copied, on every side), the shapes that carry `details`
//! or `data` carry an object (Stream: an array), and every fourth code is not in the table
//! (for Genesys and Sendbird half of those fall in a documented range, which only the crate
//! resolves).
//!
//! All three sides are called the same way: through a function pointer chosen outside the loop,
//! with the input through `black_box`.
//!
//! `BENCH_PROFILE=<shape>/<side>/<rounds>` runs one side alone for a profiler (see
//! `tools/profile.sh`).
//!
//! Run: `cargo bench --bench payload` (prints, per shape, payloads per second of each side and
//! the time ratios crate/typed and crate/Value: 1.00x is as fast, 2.00x twice as slow).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::borrow::Cow;
use std::hint::black_box;
use std::time::Duration;

use chat_error_codes::{AnyChatError, Code, ErrorInfo, Table, payload};
use criterion::{Criterion, Throughput};
use serde::Deserialize;
use serde_json::Value;

mod common;
use common::{median_ns, paired};

mod baselines {
    include!("common/baselines.rs");
}

const PER_SHAPE: usize = 4000;

/// One parse of one body by one side, reduced to a number that depends on the code's entry and
/// the message.
type Parse = fn(&str) -> usize;

/// A body with the three sides' parsers (ours, typed, value).
type Row<'b> = (&'b str, Parse, Parse, Parse);

/// One pass of the side that `side` picks over every body, each body through `black_box`.
fn parse_all(bodies: &[Row<'_>], side: impl Fn(&Row<'_>) -> Parse) -> usize {
    bodies.iter().map(|b| side(b)(black_box(b.0))).sum()
}

/// One shape: its bodies and the three sides.
struct Shape {
    name: &'static str,
    bodies: Vec<String>,
    ours: Parse,
    typed: Parse,
    value: Parse,
    /// Whether `payload::parse` detects the shape (a Calls body reads as a REST body).
    detected: bool,
}

/// The user's number for a `match` result and a message.
fn seen(index: Option<u16>, message: &str) -> usize {
    index.map_or(0, |i| usize::from(i) + 1) + message.len()
}

// ---------------------------------------------------------------------------------------------
// The crate.

fn ours(parsed: Result<payload::ParsedError<'_>, payload::PayloadError>) -> usize {
    parsed
        .map(|p| p.canonical() as usize + p.message().map_or(0, str::len))
        .unwrap_or(0)
}

fn ours_rest(body: &str) -> usize {
    ours(payload::parse_rest(body))
}
fn ours_calls(body: &str) -> usize {
    ours(payload::parse_calls(body))
}
fn ours_exception(body: &str) -> usize {
    ours(payload::parse_exception(body))
}
fn ours_agora(body: &str) -> usize {
    ours(payload::parse_agora(body))
}
fn ours_agora_rest(body: &str) -> usize {
    ours(payload::parse_agora_rest(body))
}
fn ours_genesys(body: &str) -> usize {
    ours(payload::parse_genesys(body))
}
fn ours_stream(body: &str) -> usize {
    ours(payload::parse_stream(body))
}
fn ours_sendbird(body: &str) -> usize {
    ours(payload::parse_sendbird(body))
}
fn ours_detect(body: &str) -> usize {
    ours(payload::parse(body))
}

// ---------------------------------------------------------------------------------------------
// What a serde user writes by hand: the fields they read, borrowed.

mod typed {
    use super::*;

    #[derive(Deserialize)]
    pub struct RestBody<'a> {
        #[serde(borrow)]
        pub error: RestError<'a>,
    }

    #[derive(Deserialize)]
    pub struct RestError<'a> {
        #[serde(borrow)]
        pub code: Cow<'a, str>,
        #[serde(borrow, default)]
        pub message: Cow<'a, str>,
    }

    #[derive(Deserialize)]
    pub struct Exception<'a> {
        #[serde(borrow)]
        pub code: ExceptionCode<'a>,
        #[serde(borrow, default)]
        pub name: Cow<'a, str>,
        #[serde(borrow, default)]
        pub message: Cow<'a, str>,
    }

    /// A `CometChatException`'s code is a string, or a number with the symbol in `name`.
    #[derive(Deserialize)]
    #[serde(untagged)]
    pub enum ExceptionCode<'a> {
        Str(#[serde(borrow)] Cow<'a, str>),
        // Read, not used: with a numeric code, `name` holds the symbol.
        #[allow(dead_code)]
        Int(i64),
    }

    #[derive(Deserialize)]
    pub struct AgoraEvent<'a> {
        #[serde(rename = "type")]
        pub kind: i32,
        #[serde(borrow, default)]
        pub message: Cow<'a, str>,
    }

    #[derive(Deserialize)]
    pub struct AgoraRest<'a> {
        #[serde(borrow)]
        pub error: Cow<'a, str>,
        #[serde(borrow, default)]
        pub exception: Cow<'a, str>,
        #[serde(borrow, default)]
        pub error_description: Cow<'a, str>,
    }

    #[derive(Deserialize)]
    pub struct Genesys<'a> {
        pub code: i32,
        #[serde(borrow, default)]
        pub message: Cow<'a, str>,
    }

    #[derive(Deserialize)]
    pub struct Stream<'a> {
        pub code: i32,
        #[serde(borrow, default)]
        pub message: Cow<'a, str>,
        #[serde(rename = "StatusCode", default)]
        pub status: Option<u16>,
    }

    #[derive(Deserialize)]
    pub struct SendbirdPlatform<'a> {
        pub error: bool,
        pub code: i32,
        #[serde(borrow, default)]
        pub message: Cow<'a, str>,
    }

    #[derive(Deserialize)]
    pub struct SendbirdError<'a> {
        pub code: i32,
        #[serde(borrow, default)]
        pub message: Cow<'a, str>,
    }
}

fn typed_rest(body: &str) -> usize {
    let Ok(b) = serde_json::from_str::<typed::RestBody<'_>>(body) else {
        return 0;
    };
    seen(
        baselines::match_cometchat_rest(&b.error.code),
        &b.error.message,
    )
}

fn typed_calls(body: &str) -> usize {
    let Ok(b) = serde_json::from_str::<typed::RestBody<'_>>(body) else {
        return 0;
    };
    // The Calls API also returns REST codes.
    let code = &b.error.code;
    let index = baselines::match_cometchat_calls(code)
        .or_else(|| baselines::match_cometchat_rest(code).map(|i| i + 1000));
    seen(index, &b.error.message)
}

fn typed_exception(body: &str) -> usize {
    let Ok(e) = serde_json::from_str::<typed::Exception<'_>>(body) else {
        return 0;
    };
    let index = match &e.code {
        typed::ExceptionCode::Str(code) => baselines::match_cometchat_sdk(code),
        typed::ExceptionCode::Int(_) => baselines::match_cometchat_sdk(&e.name),
    };
    seen(index, &e.message)
}

fn typed_agora(body: &str) -> usize {
    let Ok(e) = serde_json::from_str::<typed::AgoraEvent<'_>>(body) else {
        return 0;
    };
    seen(baselines::match_agora_chat_number(e.kind), &e.message)
}

fn typed_agora_rest(body: &str) -> usize {
    let Ok(e) = serde_json::from_str::<typed::AgoraRest<'_>>(body) else {
        return 0;
    };
    seen(baselines::match_agora_rest(&e.error), &e.error_description) + e.exception.len()
}

fn typed_genesys(body: &str) -> usize {
    let Ok(e) = serde_json::from_str::<typed::Genesys<'_>>(body) else {
        return 0;
    };
    seen(baselines::match_genesys_chat_number(e.code), &e.message)
}

fn typed_stream(body: &str) -> usize {
    let Ok(e) = serde_json::from_str::<typed::Stream<'_>>(body) else {
        return 0;
    };
    seen(baselines::match_stream_chat_number(e.code), &e.message)
        + usize::from(e.status.unwrap_or(0))
}

fn typed_sendbird_platform(body: &str) -> usize {
    let Ok(e) = serde_json::from_str::<typed::SendbirdPlatform<'_>>(body) else {
        return 0;
    };
    seen(baselines::match_sendbird_chat_number(e.code), &e.message) + usize::from(e.error)
}

fn typed_sendbird_error(body: &str) -> usize {
    let Ok(e) = serde_json::from_str::<typed::SendbirdError<'_>>(body) else {
        return 0;
    };
    seen(baselines::match_sendbird_chat_number(e.code), &e.message)
}

// ---------------------------------------------------------------------------------------------
// The naive approach: a `Value`, the fields pulled out, the same `match`.

fn value(body: &str) -> Option<Value> {
    serde_json::from_str(body).ok()
}

fn int(v: &Value) -> Option<i32> {
    v.as_i64()?.try_into().ok()
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn value_rest(body: &str) -> usize {
    let Some(v) = value(body) else { return 0 };
    let e = &v["error"];
    seen(
        e["code"].as_str().and_then(baselines::match_cometchat_rest),
        text(&e["message"]),
    )
}

fn value_calls(body: &str) -> usize {
    let Some(v) = value(body) else { return 0 };
    let e = &v["error"];
    let index = e["code"].as_str().and_then(|code| {
        baselines::match_cometchat_calls(code)
            .or_else(|| baselines::match_cometchat_rest(code).map(|i| i + 1000))
    });
    seen(index, text(&e["message"]))
}

fn value_exception(body: &str) -> usize {
    let Some(v) = value(body) else { return 0 };
    let index = match &v["code"] {
        Value::String(code) => baselines::match_cometchat_sdk(code),
        _ => v["name"].as_str().and_then(baselines::match_cometchat_sdk),
    };
    seen(index, text(&v["message"]))
}

fn value_agora(body: &str) -> usize {
    let Some(v) = value(body) else { return 0 };
    seen(
        int(&v["type"]).and_then(baselines::match_agora_chat_number),
        text(&v["message"]),
    )
}

fn value_agora_rest(body: &str) -> usize {
    let Some(v) = value(body) else { return 0 };
    seen(
        v["error"].as_str().and_then(baselines::match_agora_rest),
        text(&v["error_description"]),
    ) + text(&v["exception"]).len()
}

fn value_genesys(body: &str) -> usize {
    let Some(v) = value(body) else { return 0 };
    seen(
        int(&v["code"]).and_then(baselines::match_genesys_chat_number),
        text(&v["message"]),
    )
}

fn value_stream(body: &str) -> usize {
    let Some(v) = value(body) else { return 0 };
    seen(
        int(&v["code"]).and_then(baselines::match_stream_chat_number),
        text(&v["message"]),
    ) + v["StatusCode"].as_u64().unwrap_or(0) as usize
}

fn value_sendbird(body: &str) -> usize {
    let Some(v) = value(body) else { return 0 };
    seen(
        int(&v["code"]).and_then(baselines::match_sendbird_chat_number),
        text(&v["message"]),
    ) + usize::from(v["error"].as_bool().unwrap_or(false))
}

// ---------------------------------------------------------------------------------------------
// The corpus.

fn codes(table: Table) -> Vec<Code> {
    AnyChatError::all()
        .filter(|e| e.table() == table)
        .map(|e| e.code())
        .collect()
}

fn str_codes(table: Table) -> Vec<&'static str> {
    let mut v: Vec<&str> = codes(table).into_iter().filter_map(Code::as_str).collect();
    v.dedup();
    v
}

fn int_codes(table: Table) -> Vec<i32> {
    codes(table).into_iter().filter_map(Code::as_i32).collect()
}

/// A message as the vendors write them; in every other run of four bodies it quotes a value,
/// which JSON escapes (so half the messages, known and unknown codes alike, are copied).
fn message(i: usize, plain: &str, subject: &str) -> String {
    if (i / 4) % 2 == 0 {
        format!(r#"{plain} \"{subject}-{i}\"."#)
    } else {
        format!("{plain} {subject}-{i}.")
    }
}

/// A `details` object like the ones CometChat sends.
fn details(i: usize) -> String {
    format!(
        r#"{{"uid":"cometchat-uid-{i}","guid":"group-{g}","requestedAt":{t},"scopes":["admin","moderator"],"meta":{{"ip":"10.0.{a}.{b}","platform":"javascript"}}}}"#,
        g = i % 97,
        t = 1_700_000_000_000u64 + i as u64,
        a = i % 256,
        b = (i / 256) % 256
    )
}

fn corpus() -> Vec<Shape> {
    let n = PER_SHAPE;
    let rest = str_codes(Table::CometChatRest);
    let calls = str_codes(Table::CometChatCalls);
    let sdk: Vec<&str> = str_codes(Table::CometChatSdk)
        .into_iter()
        .filter(|c| !c.contains('{'))
        .collect();
    let agora = int_codes(Table::AgoraChat);
    let agora_rest: Vec<&str> = str_codes(Table::AgoraRest)
        .into_iter()
        .filter(|c| !c.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let genesys = int_codes(Table::GenesysChat);
    let stream = int_codes(Table::StreamChat);
    let (sendbird_platform, sendbird_sdk): (Vec<i32>, Vec<i32>) = int_codes(Table::SendbirdChat)
        .into_iter()
        .filter(|c| *c >= 100_000)
        .partition(|c| *c < 700_000);
    let unknown = |i: usize| i % 4 == 3;

    let rest_bodies = |known: &dyn Fn(usize) -> String| -> Vec<String> {
        (0..n)
            .map(|i| {
                let code = if unknown(i) {
                    format!("ERR_UNLISTED_CODE_{i}")
                } else {
                    known(i)
                };
                let m = message(i, "The request could not be completed for", "cometchat-uid");
                format!(
                    r#"{{"error":{{"code":"{code}","message":"{m}","details":{}}}}}"#,
                    details(i)
                )
            })
            .collect()
    };
    let exception_bodies = (0..n)
        .map(|i| {
            let c = sdk[i % sdk.len()];
            let m = message(i, "The SDK could not complete the call for", "cometchat-uid");
            let d = details(i);
            match i % 4 {
                3 => format!(r#"{{"code":"ERR_SDK_UNLISTED_{i}","name":"ERR_SDK_UNLISTED_{i}","message":"{m}","details":{d}}}"#),
                // The SDK's login errors: a number, the symbol in `name`.
                2 => format!(r#"{{"code":-1,"name":"{c}","message":"{m}","details":{d}}}"#),
                _ => format!(r#"{{"code":"{c}","name":"{c}","message":"{m}","details":{d}}}"#),
            }
        })
        .collect();
    let agora_bodies = (0..n)
        .map(|i| {
            let code = if unknown(i) { 90_000 + i as i32 } else { agora[i % agora.len()] };
            let m = message(i, "group not exist:", "group");
            format!(r#"{{"type":{code},"message":"{m}","data":{{"id":"group-{i}","owner":"user-{i}","affiliations":3,"public":true}}}}"#)
        })
        .collect();
    let exceptions = [
        "java.lang.IllegalArgumentException",
        "com.easemob.group.exception.GroupNotFoundException",
        "EasemobSecurityException",
        "javax.ws.rs.WebApplicationException",
    ];
    let agora_rest_bodies = (0..n)
        .map(|i| {
            let code = if unknown(i) { format!("brand_new_error_{i}") } else { agora_rest[i % agora_rest.len()].to_string() };
            let m = message(i, "username is not legal:", "alice@");
            let x = exceptions[i % exceptions.len()];
            format!(r#"{{"error":"{code}","exception":"{x}","timestamp":{},"duration":{},"error_description":"{m}"}}"#, 1_556_539_417_934u64 + i as u64, i % 7)
        })
        .collect();
    let genesys_bodies = (0..n)
        .map(|i| {
            let code = match i % 8 {
                3 => 153 + (i % 47) as i32, // unlisted, inside the documented range 150-199
                7 => 1000 + i as i32,       // outside every range
                _ => genesys[i % genesys.len()],
            };
            let m = message(i, "Chat session is not available:", "session");
            format!(r#"{{"code":{code},"message":"{m}"}}"#)
        })
        .collect();
    let stream_bodies = (0..n)
        .map(|i| {
            let code = if unknown(i) { 90_000 + i as i32 } else { stream[i % stream.len()] };
            let m = message(i, "GetOrCreateChannel failed with error: channel type not found", "messaging");
            let d = if i % 3 == 0 { format!(r#"[{{"code":{code},"field":"type","message":"{m}"}}]"#) } else { "[]".into() };
            format!(r#"{{"code":{code},"message":"{m}","StatusCode":400,"duration":"0.0{}ms","more_info":"https://getstream.io/chat/docs/api_errors_response","details":{d}}}"#, i % 10)
        })
        .collect();
    let sendbird_bodies = |codes: &[i32], platform: bool| -> Vec<String> {
        (0..n)
            .map(|i| {
                let code = match i % 8 {
                    3 => codes[i % codes.len()] / 1000 * 1000 + 990 + (i % 9) as i32, // in a range
                    7 => 600_000 + i as i32, // outside every range
                    _ => codes[i % codes.len()],
                };
                let m = message(i, "The channel was not found:", "sendbird_group_channel");
                if platform {
                    format!(r#"{{"error":true,"code":{code},"message":"{m}"}}"#)
                } else {
                    format!(r#"{{"code":{code},"message":"{m}"}}"#)
                }
            })
            .collect()
    };

    let shapes = vec![
        Shape {
            name: "cometchat_rest",
            bodies: rest_bodies(&|i| rest[i % rest.len()].into()),
            ours: ours_rest,
            typed: typed_rest,
            value: value_rest,
            detected: true,
        },
        Shape {
            name: "cometchat_calls",
            // Calls codes, and every third known one a REST code (the API returns both).
            bodies: rest_bodies(&|i| {
                if i % 3 == 0 {
                    rest[i % rest.len()].into()
                } else {
                    calls[i % calls.len()].into()
                }
            }),
            ours: ours_calls,
            typed: typed_calls,
            value: value_calls,
            detected: false,
        },
        Shape {
            name: "cometchat_exception",
            bodies: exception_bodies,
            ours: ours_exception,
            typed: typed_exception,
            value: value_exception,
            detected: true,
        },
        Shape {
            name: "agora_error_event",
            bodies: agora_bodies,
            ours: ours_agora,
            typed: typed_agora,
            value: value_agora,
            detected: true,
        },
        Shape {
            name: "agora_rest",
            bodies: agora_rest_bodies,
            ours: ours_agora_rest,
            typed: typed_agora_rest,
            value: value_agora_rest,
            detected: true,
        },
        Shape {
            name: "genesys_event_error",
            bodies: genesys_bodies,
            ours: ours_genesys,
            typed: typed_genesys,
            value: value_genesys,
            detected: true,
        },
        Shape {
            name: "stream",
            bodies: stream_bodies,
            ours: ours_stream,
            typed: typed_stream,
            value: value_stream,
            detected: true,
        },
        Shape {
            name: "sendbird_platform",
            bodies: sendbird_bodies(&sendbird_platform, true),
            ours: ours_sendbird,
            typed: typed_sendbird_platform,
            value: value_sendbird,
            detected: true,
        },
        Shape {
            name: "sendbird_error",
            bodies: sendbird_bodies(&sendbird_sdk, false),
            ours: ours_sendbird,
            typed: typed_sendbird_error,
            value: value_sendbird,
            detected: true,
        },
    ];
    shapes
}

/// Every body parses on every side with its shape's own parser; detection without a hint names
/// that shape or refuses (a bare `{code, message}` whose code several vendors use, such as
/// Genesys' 1, is refused by design), never another; one code in four is in no entry of the
/// table.
fn check(s: &Shape) {
    let table = match s.name {
        "cometchat_rest" => Table::CometChatRest,
        "cometchat_calls" => Table::CometChatCalls,
        "cometchat_exception" => Table::CometChatSdk,
        "agora_error_event" => Table::AgoraChat,
        "agora_rest" => Table::AgoraRest,
        "genesys_event_error" => Table::GenesysChat,
        "stream" => Table::StreamChat,
        _ => Table::SendbirdChat,
    };
    let mut unknown = 0;
    for body in &s.bodies {
        let p = payload::parse_for(table, body, None);
        let p = p.unwrap_or_else(|e| panic!("{}: {e}: {body}", s.name));
        assert_eq!(p.shape().as_str(), s.name, "{body}");
        if let Ok(detected) = payload::parse(body) {
            let same_vendor = detected.table().vendor() == table.vendor();
            assert!(
                same_vendor,
                "{}: detected as {}: {body}",
                s.name,
                detected.shape()
            );
        }
        assert!(
            (s.ours)(body) > 0 && (s.typed)(body) > 0 && (s.value)(body) > 0,
            "{body}"
        );
        unknown += usize::from(p.resolution().entry().is_none());
    }
    assert_eq!(unknown, s.bodies.len() / 4, "{}: unknown codes", s.name);
}

/// One parse in profile mode: the function `tools/profile.sh` counts instructions in.
#[inline(never)]
fn profiled(f: Parse, body: &str) -> usize {
    f(body)
}

/// `BENCH_PROFILE=<shape>/<side>/<rounds>` (side: `chat_error_codes`, `typed` or `value`): parses
/// the shape's corpus `rounds` times on that side and exits, without criterion, for a profiler
/// (`tools/profile.sh`). Returns whether it ran.
fn profile(shapes: &[Shape]) -> bool {
    let Ok(spec) = std::env::var("BENCH_PROFILE") else {
        return false;
    };
    let parts: Vec<&str> = spec.split('/').collect();
    let [shape, side, rounds] = parts[..] else {
        panic!("BENCH_PROFILE={spec}: expected <shape>/<side>/<rounds>");
    };
    let s = shapes
        .iter()
        .find(|s| s.name == shape)
        .expect("no such shape");
    let f = match side {
        "chat_error_codes" => s.ours,
        "typed" => s.typed,
        "value" => s.value,
        _ => panic!("side: chat_error_codes, typed or value"),
    };
    let rounds: usize = rounds.parse().expect("rounds");
    let mut sum = 0usize;
    for _ in 0..rounds {
        sum = sum.wrapping_add(
            s.bodies
                .iter()
                .map(|b| profiled(f, black_box(b)))
                .sum::<usize>(),
        );
    }
    println!("{shape}/{side}: {} parses ({sum})", rounds * s.bodies.len());
    true
}

fn main() {
    let shapes = corpus();
    if profile(&shapes) {
        return;
    }
    for s in &shapes {
        check(s);
    }
    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    let run = |c: &mut Criterion, group: &str, bodies: &[Row<'_>]| {
        let mut g = c.benchmark_group(group);
        g.throughput(Throughput::Elements(bodies.len() as u64));
        g.bench_function("chat_error_codes", |b| {
            b.iter(|| parse_all(bodies, |r| r.1))
        });
        g.bench_function("typed", |b| b.iter(|| parse_all(bodies, |r| r.2)));
        g.bench_function("value", |b| b.iter(|| parse_all(bodies, |r| r.3)));
        g.finish();
    };
    let mut groups = Vec::new();
    for s in &shapes {
        let bodies: Vec<Row<'_>> = s
            .bodies
            .iter()
            .map(|b| (b.as_str(), s.ours, s.typed, s.value))
            .collect();
        let group = format!("payload_{}", s.name);
        run(&mut c, &group, &bodies);
        groups.push((group, bodies.len()));
    }
    // Every detectable shape, interleaved; the crate detects the shape, the baselines are told.
    let mut mixed: Vec<Row<'_>> = Vec::new();
    for i in 0..PER_SHAPE {
        for s in shapes.iter().filter(|s| s.detected) {
            mixed.push((s.bodies[i].as_str(), ours_detect as Parse, s.typed, s.value));
        }
    }
    run(&mut c, "payload_mixed_detect", &mixed);
    groups.push(("payload_mixed_detect".into(), mixed.len()));
    c.final_summary();

    paired_table(&shapes, &mixed);

    println!(
        "\n| shape | payloads | chat-error-codes | typed struct + match | Value + match | crate / typed | crate / Value |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (group, n) in groups {
        let (Some(ours), Some(typed), Some(value)) = (
            median_ns(&group, "chat_error_codes"),
            median_ns(&group, "typed"),
            median_ns(&group, "value"),
        ) else {
            continue;
        };
        let per_sec = |t: f64| n as f64 / (t * 1e-9) / 1e6;
        println!(
            "| {} | {n} | {:.2} M/s | {:.2} M/s | {:.2} M/s | {:.2}x | {:.2}x |",
            group.trim_start_matches("payload_"),
            per_sec(ours),
            per_sec(typed),
            per_sec(value),
            ours / typed,
            ours / value
        );
    }
}

/// The crate against the typed baseline per shape as paired ratios (`common::paired`: 41
/// alternating pairs of short batches, quartiles), which the host's changing load moves far
/// less than the ratio of criterion's medians in the table after it.
fn paired_table(shapes: &[Shape], mixed: &[Row<'_>]) {
    let ratio = |bodies: &[Row<'_>]| {
        paired(
            || {
                black_box(parse_all(bodies, |r| r.1));
            },
            || {
                black_box(parse_all(bodies, |r| r.2));
            },
        )
    };
    println!("\n| shape | crate / typed, paired: median (quartiles) |");
    println!("|---|---|");
    for s in shapes {
        let bodies: Vec<Row<'_>> = (s.bodies.iter())
            .map(|b| (b.as_str(), s.ours, s.typed, s.value))
            .collect();
        let (q1, median, q3) = ratio(&bodies);
        println!("| {} | {median:.2}x ({q1:.2}-{q3:.2}) |", s.name);
    }
    let (q1, median, q3) = ratio(mixed);
    println!("| mixed_detect | {median:.2}x ({q1:.2}-{q3:.2}) |");
}
