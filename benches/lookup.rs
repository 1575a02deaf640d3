//! Lookup benchmarks: this crate's phf lookups against what a user would write instead, on the
//! same codes and the same inputs, in one run.
//!
//! Competitors, each built over the same codes inside this bench:
//! - `phf`: the crate (`ChatError::from_code`, `from_number`, cross-vendor `lookup`);
//! - `match`: a generated `match` over the same strings/numbers (what strum's `EnumString`
//!   derives), generated from the data into `benches/common/baselines.rs` (kept current by a test);
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

mod common;
use common::{int_workloads, median_ns, rest_codes, workloads};

mod baselines {
    include!("common/baselines.rs");
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
    bench_strings(&mut c);
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
