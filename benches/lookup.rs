//! Lookup benchmarks: this crate's phf lookups against what a user would write instead, on the
//! same codes and the same inputs, in one run.
//!
//! Competitors, each built over the same codes inside this bench:
//! - `phf`: the crate (`ChatError::from_code`, `from_number`, cross-vendor `lookup`);
//! - `match`: a generated `match` over the same strings/numbers (what strum's `EnumString`
//!   derives), written by build.rs into `OUT_DIR/baselines.rs`;
//! - `hashmap`: `std::collections::HashMap` (SipHash-1-3);
//! - `binary_search`: a sorted slice.
//!
//! Workloads: every known code in shuffled order, near misses (same length, last character
//! changed), random misses, integer hits and integer misses. After the run the bench prints a
//! Markdown table of medians per lookup and ratios against `match` (the README's Performance
//! section is that table).
//!
//! Run: `cargo bench --bench lookup`
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

use chat_error_codes::{agora, cometchat::rest, lookup};
use criterion::{BenchmarkGroup, Criterion, Throughput, measurement::WallTime};

mod baselines {
    include!(concat!(env!("OUT_DIR"), "/baselines.rs"));
}

/// A small deterministic generator, so every run measures the same inputs.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

fn rest_codes() -> Vec<&'static str> {
    rest::ChatError::ALL
        .iter()
        .map(|e| e.code().as_str().unwrap())
        .collect()
}

fn workloads() -> Vec<(&'static str, Vec<String>)> {
    let mut rng = Lcg(0x5EED);
    let mut known: Vec<String> = rest_codes().iter().map(|s| s.to_string()).collect();
    rng.shuffle(&mut known);
    let near: Vec<String> = known
        .iter()
        .map(|c| {
            let mut s = c.clone();
            let last = s.pop().unwrap();
            s.push(if last == 'X' { 'Y' } else { 'X' });
            assert!(rest::ChatError::from_code(&s).is_none());
            s
        })
        .collect();
    let random: Vec<String> = (0..known.len())
        .map(|_| {
            let len = 8 + (rng.next() % 24) as usize;
            (0..len)
                .map(|_| {
                    let r = rng.next() % 28;
                    if r >= 26 {
                        '_'
                    } else {
                        (b'A' + r as u8) as char
                    }
                })
                .collect()
        })
        .collect();
    vec![
        ("known", known),
        ("near_miss", near),
        ("random_miss", random),
    ]
}

fn int_workloads() -> Vec<(&'static str, Vec<i32>)> {
    let mut rng = Lcg(0xC0DE);
    let mut hits: Vec<i32> = agora::ChatError::ALL.iter().map(|e| e.number()).collect();
    rng.shuffle(&mut hits);
    let misses: Vec<i32> = std::iter::repeat_with(|| (rng.next() % 22_000) as i32 - 2_000)
        .filter(|n| agora::ChatError::from_number(*n).is_none())
        .take(hits.len())
        .collect();
    vec![("int_hit", hits), ("int_miss", misses)]
}

fn configure(c: &mut Criterion) -> &mut Criterion {
    c
}

fn bench_strings(c: &mut Criterion) {
    let codes = rest_codes();
    let map: HashMap<&str, u16> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| (*c, i as u16))
        .collect();
    let mut sorted: Vec<(&str, u16)> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| (*c, i as u16))
        .collect();
    sorted.sort();
    for (name, inputs) in workloads() {
        let mut g: BenchmarkGroup<'_, WallTime> = c.benchmark_group(format!("rest_{name}"));
        g.throughput(Throughput::Elements(inputs.len() as u64));
        g.bench_function("phf", |b| {
            b.iter(|| {
                inputs
                    .iter()
                    .filter(|s| rest::ChatError::from_code(black_box(s)).is_some())
                    .count()
            })
        });
        g.bench_function("match", |b| {
            b.iter(|| {
                inputs
                    .iter()
                    .filter(|s| baselines::match_cometchat_rest(black_box(s)).is_some())
                    .count()
            })
        });
        g.bench_function("hashmap", |b| {
            b.iter(|| {
                inputs
                    .iter()
                    .filter(|s| map.contains_key(black_box(s.as_str())))
                    .count()
            })
        });
        g.bench_function("binary_search", |b| {
            b.iter(|| {
                inputs
                    .iter()
                    .filter(|s| {
                        sorted
                            .binary_search_by(|(k, _)| (*k).cmp(black_box(s.as_str())))
                            .is_ok()
                    })
                    .count()
            })
        });
        g.bench_function("lookup_all_tables", |b| {
            b.iter(|| {
                inputs
                    .iter()
                    .map(|s| lookup(black_box(s)).len())
                    .sum::<usize>()
            })
        });
        g.finish();
    }
}

fn bench_integers(c: &mut Criterion) {
    let numbers: Vec<i32> = agora::ChatError::ALL.iter().map(|e| e.number()).collect();
    let map: HashMap<i32, u16> = numbers
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, i as u16))
        .collect();
    let mut sorted: Vec<(i32, u16)> = numbers
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, i as u16))
        .collect();
    sorted.sort();
    for (name, inputs) in int_workloads() {
        let mut g = c.benchmark_group(format!("agora_{name}"));
        g.throughput(Throughput::Elements(inputs.len() as u64));
        g.bench_function("phf", |b| {
            b.iter(|| {
                inputs
                    .iter()
                    .filter(|n| agora::ChatError::from_number(black_box(**n)).is_some())
                    .count()
            })
        });
        g.bench_function("match", |b| {
            b.iter(|| {
                inputs
                    .iter()
                    .filter(|n| baselines::match_agora_chat_number(black_box(**n)).is_some())
                    .count()
            })
        });
        g.bench_function("hashmap", |b| {
            b.iter(|| {
                inputs
                    .iter()
                    .filter(|n| map.contains_key(&black_box(**n)))
                    .count()
            })
        });
        g.bench_function("binary_search", |b| {
            b.iter(|| {
                inputs
                    .iter()
                    .filter(|n| {
                        sorted
                            .binary_search_by(|(k, _)| k.cmp(&black_box(**n)))
                            .is_ok()
                    })
                    .count()
            })
        });
        g.finish();
    }
}

/// Reads criterion's median estimate (ns per iteration) for one benchmark.
fn median_ns(group: &str, function: &str) -> Option<f64> {
    let dir = std::env::var("CARGO_TARGET_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target").into());
    let path = format!("{dir}/criterion/{group}/{function}/new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v["median"]["point_estimate"].as_f64()
}

fn report(groups: &[(String, usize)], functions: &[&str]) {
    println!("\n| workload | {} |", functions.join(" | "));
    println!("|---|{}", "---|".repeat(functions.len()));
    for (group, n) in groups {
        let base = median_ns(group, "match");
        let cells: Vec<String> = functions
            .iter()
            .map(|f| match (median_ns(group, f), base) {
                (Some(t), Some(b)) => format!("{:.1} ns ({:.2}x)", t / *n as f64, t / b),
                _ => "-".into(),
            })
            .collect();
        println!("| {group} | {} |", cells.join(" | "));
    }
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    bench_strings(configure(&mut c));
    bench_integers(&mut c);
    c.final_summary();
    let strings: Vec<(String, usize)> = workloads()
        .into_iter()
        .map(|(n, v)| (format!("rest_{n}"), v.len()))
        .collect();
    report(
        &strings,
        &[
            "phf",
            "match",
            "hashmap",
            "binary_search",
            "lookup_all_tables",
        ],
    );
    let ints: Vec<(String, usize)> = int_workloads()
        .into_iter()
        .map(|(n, v)| (format!("agora_{n}"), v.len()))
        .collect();
    report(&ints, &["phf", "match", "hashmap", "binary_search"]);
}
