//! The perfect hash of a table's lookup keys: phf's PtrHash (`phf_generator::ptrhash`, built
//! here; `phf_shared::ptrhash::get_index`, the probe at run time) over the keys' 64-bit
//! fingerprints, each mixed with the table's seed by [`ptrhash_hash`].
//!
//! Upstream marks the module experimental: `tests/validation.rs` pins what the library relies on
//! (every key probes to its own slot, the layout of a known key set), and `.ci/run` builds
//! against the newest phf 0.14 release.

use crate::codegen::fingerprint::ptrhash_hash;

/// Where every key goes: what the generated `Probe` literal holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The seed `phf_generator` settled on.
    pub seed: u64,
    /// One pilot per bucket.
    pub pilots: Vec<u8>,
    /// Slots past the number of keys, remapped to free slots below it.
    pub remap: Vec<u32>,
    /// The key (an index into the caller's list) in each slot: a permutation of `0..n`.
    pub slots: Vec<usize>,
}

/// The first two keys with the same fingerprint, as positions in `fps`.
pub fn duplicate(fps: &[u64]) -> Option<(usize, usize)> {
    let mut sorted: Vec<(u64, usize)> = fps.iter().copied().zip(0..).collect();
    sorted.sort_unstable();
    sorted
        .windows(2)
        .filter_map(|w| match w {
            [(a, i), (b, j)] if a == b => Some((*i.min(j), *i.max(j))),
            _ => None,
        })
        .min()
}

/// The PtrHash layout of `fps`, or the first two keys that share a fingerprint: no seed can
/// tell those apart, and the search would try seeds for ever, so they are refused first.
pub fn layout(fps: &[u64]) -> Result<Layout, (usize, usize)> {
    if let Some(pair) = duplicate(fps) {
        return Err(pair);
    }
    let state = phf_generator::ptrhash::generate_hash_with_hash_fn(fps, |fp, seed| {
        ptrhash_hash(*fp, *seed)
    });
    Ok(Layout {
        seed: state.seed,
        pilots: state.pilots,
        remap: state.remap,
        slots: state.map,
    })
}
