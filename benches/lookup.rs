//! Lookup benchmarks (extended by the performance work).
#![allow(missing_docs)]

use chat_error_codes::cometchat::rest::ChatError;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn rest_known(c: &mut Criterion) {
    let codes: Vec<&str> = ChatError::ALL
        .iter()
        .filter_map(|e| e.code().as_str())
        .collect();
    c.bench_function("rest/from_code/known", |b| {
        b.iter(|| {
            codes
                .iter()
                .filter(|c| ChatError::from_code(black_box(c)).is_some())
                .count()
        })
    });
}

criterion_group!(benches, rest_known);
criterion_main!(benches);
