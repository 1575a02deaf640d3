//! Inputs shared by the lookup benches: the same workloads, built the same way, criterion's
//! medians read back for the printed tables, and the paired ratio of two functions' times.
#![allow(dead_code)]

use chat_error_codes::{agora, cometchat::rest};

/// A small deterministic generator, so every run measures the same inputs.
pub struct Lcg(u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

pub fn rest_codes() -> Vec<&'static str> {
    rest::ChatError::ALL
        .iter()
        .map(|e| e.code().as_str().unwrap())
        .collect()
}

pub fn workloads() -> Vec<(&'static str, Vec<String>)> {
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
    // Every known code 64 times, each round in another order: no sequence the branch
    // predictor could learn from one iteration to the next, as in a service's traffic.
    let mut unrepeated = Vec::with_capacity(known.len() * 64);
    let mut round = known.clone();
    for _ in 0..64 {
        rng.shuffle(&mut round);
        unrepeated.extend(round.iter().cloned());
    }
    vec![
        ("known", known),
        ("near_miss", near),
        ("random_miss", random),
        ("known_unrepeated", unrepeated),
    ]
}

pub fn int_workloads() -> Vec<(&'static str, Vec<i32>)> {
    let mut rng = Lcg(0xC0DE);
    let mut hits: Vec<i32> = agora::ChatError::ALL.iter().map(|e| e.number()).collect();
    rng.shuffle(&mut hits);
    let misses: Vec<i32> = std::iter::repeat_with(|| (rng.next() % 22_000) as i32 - 2_000)
        .filter(|n| agora::ChatError::from_number(*n).is_none())
        .take(hits.len())
        .collect();
    vec![("int_hit", hits), ("int_miss", misses)]
}

/// Reads criterion's median estimate (ns per iteration) for one benchmark.
pub fn median_ns(group: &str, function: &str) -> Option<f64> {
    let dir = std::env::var("CARGO_TARGET_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target").into());
    let path = format!("{dir}/criterion/{group}/{function}/new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v["median"]["point_estimate"].as_f64()
}

/// The ratio of `ours`' time to `base`'s, measured in 41 pairs of batches of about 4 ms each,
/// back to back, the order alternating from pair to pair: a change of the host's load lasts
/// longer than a pair, so it moves both sides of a ratio alike. Returns the first quartile, the
/// median and the third quartile of the pairs' ratios.
pub fn paired(ours: impl Fn(), base: impl Fn()) -> (f64, f64, f64) {
    use std::time::Instant;
    let time = |f: &dyn Fn(), reps: u32| {
        let start = Instant::now();
        for _ in 0..reps {
            f();
        }
        start.elapsed().as_secs_f64()
    };
    // Repetitions that make one batch of `base` last about 4 ms.
    let once = time(&base, 8) / 8.0;
    let reps = ((0.004 / once.max(1e-9)) as u32).clamp(1, 100_000);
    time(&ours, reps); // warm up both
    time(&base, reps);
    let mut ratios: Vec<f64> = (0..41)
        .map(|i| {
            if i % 2 == 0 {
                let t = time(&ours, reps);
                t / time(&base, reps)
            } else {
                let b = time(&base, reps);
                time(&ours, reps) / b
            }
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    (ratios[10], ratios[20], ratios[30])
}
