//! Whole-job benchmark: payload in, classified error out, over a corpus of generated vendor
//! error bodies (known, pattern, range and unknown codes), against what a user writes without
//! this crate: `serde_json::from_str::<Value>`, pull the code out, `match` it.
//!
//! Run: `cargo bench --bench payload` (prints payloads per second and the ratio at the end).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use chat_error_codes::{AnyChatError, Code, ErrorInfo, Table, payload};
use criterion::{Criterion, Throughput};
use serde_json::Value;

mod baselines {
    include!("common/baselines.rs");
}

const PER_SHAPE: usize = 3000;

fn codes(table: Table) -> Vec<Code> {
    AnyChatError::all()
        .filter(|e| e.table() == table)
        .map(|e| e.code())
        .collect()
}

/// A corpus of `PER_SHAPE` bodies per shape, cycling through known codes with unknown, pattern
/// and range codes mixed in (every fourth body).
fn corpus() -> Vec<(&'static str, Vec<String>)> {
    let rest = codes(Table::CometChatRest);
    let sdk: Vec<Code> = codes(Table::CometChatSdk)
        .into_iter()
        .filter(|c| !c.to_string().contains('{'))
        .collect();
    let agora = codes(Table::AgoraChat);
    let genesys = codes(Table::GenesysChat);
    let msg = "Something went wrong; see details.";
    let rest_bodies = (0..PER_SHAPE)
        .map(|i| {
            let code = if i % 4 == 3 { format!("ERR_UNLISTED_{i}") } else { rest[i % rest.len()].to_string() };
            format!(r#"{{"error":{{"code":"{code}","message":"{msg}","details":{{"uid":"user-{i}","at":{i}}}}}}}"#)
        })
        .collect();
    let exception_bodies = (0..PER_SHAPE)
        .map(|i| match i % 4 {
            3 => format!(r#"{{"code":"PARAM_{i}_IS_COMPULSORY","name":"PARAM_{i}_IS_COMPULSORY","message":"{msg}","details":"x"}}"#),
            2 => format!(r#"{{"code":-1,"name":"WS_CONNECTION_FAIL","message":"{msg}","details":{{}}}}"#),
            _ => {
                let c = &sdk[i % sdk.len()];
                format!(r#"{{"code":"{c}","name":"{c}","message":"{msg}","details":{{"n":{i}}}}}"#)
            }
        })
        .collect();
    let agora_bodies = (0..PER_SHAPE)
        .map(|i| {
            let code = if i % 4 == 3 {
                90_000 + i as i32
            } else {
                agora[i % agora.len()].as_i32().unwrap()
            };
            format!(r#"{{"type":{code},"message":"{msg}","data":{{"id":"g{i}"}}}}"#)
        })
        .collect();
    let genesys_bodies = (0..PER_SHAPE)
        .map(|i| {
            let code = match i % 4 {
                3 => 150 + (i % 100) as i32, // mostly unlisted codes inside documented ranges
                2 => 1000 + i as i32,        // outside every range
                _ => genesys[i % genesys.len()].as_i32().unwrap(),
            };
            format!(r#"{{"code":{code},"message":"{msg}"}}"#)
        })
        .collect();
    vec![
        ("cometchat_rest", rest_bodies),
        ("cometchat_exception", exception_bodies),
        ("agora_error_event", agora_bodies),
        ("genesys_event_error", genesys_bodies),
    ]
}

/// The naive approach for one shape: a `Value`, the code pulled out, a `match`.
fn naive(shape: &str, body: &str) -> Option<u16> {
    let v: Value = serde_json::from_str(body).ok()?;
    match shape {
        "cometchat_rest" => baselines::match_cometchat_rest(v["error"]["code"].as_str()?),
        "cometchat_exception" => match &v["code"] {
            Value::String(s) => baselines::match_cometchat_sdk(s),
            _ => baselines::match_cometchat_sdk(v["name"].as_str()?),
        },
        "agora_error_event" => {
            baselines::match_agora_chat_number(v["type"].as_i64()?.try_into().ok()?)
        }
        _ => baselines::match_genesys_chat_number(v["code"].as_i64()?.try_into().ok()?),
    }
}

fn ours(shape: &str, body: &str) -> usize {
    let parsed = match shape {
        "cometchat_rest" => payload::parse_rest(body),
        "cometchat_exception" => payload::parse_exception(body),
        "agora_error_event" => payload::parse_agora(body),
        _ => payload::parse_genesys(body),
    };
    parsed
        .map(|p| p.canonical() as usize + p.recovery() as usize)
        .unwrap_or(0)
}

fn median_ns(group: &str, function: &str) -> Option<f64> {
    let dir = std::env::var("CARGO_TARGET_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target").into());
    let text = std::fs::read_to_string(format!(
        "{dir}/criterion/{group}/{function}/new/estimates.json"
    ))
    .ok()?;
    serde_json::from_str::<Value>(&text).ok()?["median"]["point_estimate"].as_f64()
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let corpus = corpus();
    let mixed: Vec<(&str, &String)> = corpus
        .iter()
        .flat_map(|(s, bodies)| bodies.iter().map(move |b| (*s, b)))
        .collect();
    for (shape, bodies) in &corpus {
        let mut g = c.benchmark_group(format!("payload_{shape}"));
        g.throughput(Throughput::Elements(bodies.len() as u64));
        g.bench_function("chat_error_codes", |b| {
            b.iter(|| {
                bodies
                    .iter()
                    .map(|s| ours(shape, black_box(s)))
                    .sum::<usize>()
            })
        });
        g.bench_function("naive_value_match", |b| {
            b.iter(|| {
                bodies
                    .iter()
                    .filter_map(|s| naive(shape, black_box(s)))
                    .count()
            })
        });
        g.finish();
    }
    let mut g = c.benchmark_group("payload_mixed_detect");
    g.throughput(Throughput::Elements(mixed.len() as u64));
    g.bench_function("chat_error_codes", |b| {
        b.iter(|| {
            mixed
                .iter()
                .map(|(_, s)| {
                    payload::parse(black_box(s))
                        .map(|p| p.canonical() as usize)
                        .unwrap_or(0)
                })
                .sum::<usize>()
        })
    });
    g.bench_function("naive_value_match", |b| {
        b.iter(|| {
            mixed
                .iter()
                .filter_map(|(shape, s)| naive(shape, black_box(s)))
                .count()
        })
    });
    g.finish();
    c.final_summary();

    println!("\n| corpus | payloads | chat-error-codes | naive Value + match | ratio |");
    println!("|---|---|---|---|---|");
    let groups = corpus
        .iter()
        .map(|(s, b)| (format!("payload_{s}"), b.len()))
        .chain([("payload_mixed_detect".to_string(), mixed.len())]);
    for (group, n) in groups {
        if let (Some(ours), Some(naive)) = (
            median_ns(&group, "chat_error_codes"),
            median_ns(&group, "naive_value_match"),
        ) {
            let per_sec = |t: f64| n as f64 / (t * 1e-9) / 1e6;
            println!(
                "| {group} | {n} | {:.2} M/s | {:.2} M/s | {:.2}x |",
                per_sec(ours),
                per_sec(naive),
                naive / ours
            );
        }
    }
}
