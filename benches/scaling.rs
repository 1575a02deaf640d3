//! This crate's lookups alone, for the scaling runs (`benches/scaling.sh`): the same workloads
//! as `benches/lookup.rs` but no `match` baseline, whose compile time explodes with 10,000 codes.
//! `benches/scaling.sh` runs it in a copy of the crate whose data/ holds a synthetic catalog
//! (written by `tools/scaling-data`); here it measures the real tables.
//!
//! Run: `cargo bench --bench scaling`
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use chat_error_codes::{agora, cometchat::rest};
use criterion::{Criterion, Throughput};

mod common;
use common::{int_workloads, median_ns, workloads};

/// Codes in the sampled workloads.
const SAMPLE: usize = 128;

fn main() {
    let mut c = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    // Besides the full workloads (every code, shuffled: the working set grows with the table),
    // the first 128 of the shuffled codes: as many lookups as the real table has codes, so
    // that a larger catalog changes only the table, not how much of it the workload touches.
    let mut strings = workloads();
    let mut ints = int_workloads();
    let sample = |v: &Vec<String>| v.iter().take(SAMPLE).cloned().collect::<Vec<_>>();
    strings.push(("known_sample", sample(&strings[0].1)));
    ints.push((
        "int_hit_sample",
        ints[0].1.iter().take(SAMPLE).copied().collect(),
    ));
    for (name, inputs) in &strings {
        let mut g = c.benchmark_group(format!("scaling_rest_{name}"));
        g.throughput(Throughput::Elements(inputs.len() as u64));
        g.bench_function("phf", |b| {
            b.iter(|| {
                inputs
                    .iter()
                    .filter(|s| rest::ChatError::from_code(black_box(s)).is_some())
                    .count()
            })
        });
        g.finish();
    }
    for (name, inputs) in &ints {
        let mut g = c.benchmark_group(format!("scaling_agora_{name}"));
        g.throughput(Throughput::Elements(inputs.len() as u64));
        g.bench_function("phf", |b| {
            b.iter(|| {
                inputs
                    .iter()
                    .filter(|n| agora::ChatError::from_number(black_box(**n)).is_some())
                    .count()
            })
        });
        g.finish();
    }
    c.final_summary();
    println!(
        "\n| REST codes | Agora codes | known | near miss | random miss | known, 128 | int hit | int miss | int hit, 128 |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let cell = |group: String, n: usize| {
        median_ns(&group, "phf").map_or("-".into(), |t| format!("{:.1} ns", t / n as f64))
    };
    let mut cells = Vec::new();
    for (name, inputs) in &strings {
        cells.push(cell(format!("scaling_rest_{name}"), inputs.len()));
    }
    for (name, inputs) in &ints {
        cells.push(cell(format!("scaling_agora_{name}"), inputs.len()));
    }
    println!(
        "| {} | {} | {} |",
        rest::ChatError::ALL.len(),
        agora::ChatError::ALL.len(),
        cells.join(" | ")
    );
}
