//! The fixed-width lookup keys of a code (its [`tail_hash`], which the first filter reads, and
//! its [`fingerprint`], which the PtrHash probe reads), shared by build.rs (which builds the
//! tables and filters over them) and the library (which computes them for every lookup): one
//! definition, so the two can never disagree. Plain `core` Rust, no indexing that can panic.

/// The size of a lookup filter for `keys` keys, as a power of two of bits: at least 16 bits per
/// key (about 6% false positives), at least 4096 bits.
#[allow(dead_code)] // build.rs sizes the filters; the library only reads them
pub const fn filter_log2(keys: usize) -> u32 {
    let bits = keys.saturating_mul(16);
    let log2 = usize::BITS - bits.saturating_sub(1).leading_zeros();
    if log2 < 12 { 12 } else { log2 }
}

/// The 8 bytes of `b` from `at`, little-endian; callers read only whole words inside `b` (the
/// `0` for a word past the end is never used, and keeps this free of panics and calls).
#[inline(always)]
fn load8(b: &[u8], at: usize) -> u64 {
    b.get(at..)
        .and_then(<[u8]>::first_chunk::<8>)
        .map_or(0, |word| u64::from_le_bytes(*word))
}

/// The 16 bytes of `b` from `at`, little-endian (`0` past the end, as for [`load8`]).
#[allow(dead_code)] // the library compares; build.rs only fingerprints
#[inline(always)]
fn load16(b: &[u8], at: usize) -> u128 {
    b.get(at..)
        .and_then(<[u8]>::first_chunk::<16>)
        .map_or(0, |word| u128::from_le_bytes(*word))
}

/// The 4 bytes of `b` from `at`, little-endian (`0` past the end, as for [`load8`]).
#[inline(always)]
fn load4(b: &[u8], at: usize) -> u64 {
    b.get(at..)
        .and_then(<[u8]>::first_chunk::<4>)
        .map_or(0, |word| u64::from(u32::from_le_bytes(*word)))
}

/// Two words that hold every byte of a string of at most 16 bytes (overlapping where it is
/// shorter than a pair of words): with the length, they determine the string. Read without a
/// copy loop or a call to `memcpy`, as wyhash and rapidhash read short keys.
#[inline(always)]
fn short_words(b: &[u8]) -> (u64, u64) {
    let n = b.len();
    if n >= 8 {
        (load8(b, 0), load8(b, n - 8))
    } else if n >= 4 {
        (load4(b, 0), load4(b, n - 4))
    } else {
        // 1 to 3 bytes: the first, the middle and the last cover all of them.
        let byte = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
        if n == 0 {
            (0, 0)
        } else {
            ((byte(0) << 16) | (byte(n / 2) << 8) | byte(n - 1), 0)
        }
    }
}

/// The 128-bit product of `x` and `y`, folded to 64 bits (the mixing step of wyhash and
/// rapidhash): every bit of either input moves many bits of the result.
#[inline(always)]
fn fold(x: u64, y: u64) -> u64 {
    let p = u128::from(x) * u128::from(y);
    (p as u64) ^ ((p >> 64) as u64)
}

const K0: u64 = 0x2D35_8DCC_AA6C_78A5;
const K1: u64 = 0x8BB8_4B93_962E_ACC9;
const K2: u64 = 0x4B33_A62E_D433_D4A3;

/// The hash of a string's last 16 bytes (all of it when shorter) and its length, mixed by one
/// folded multiply: what a lookup's first check, the table's Bloom filter, reads. Most strings
/// that are no key of the table (other vendors' codes, random text, a changed ending or
/// length) are refused by it and one bit test; it is also the first half of the
/// [`fingerprint`], so a string that passes has paid for half its fingerprint already.
#[inline(always)]
pub fn tail_hash(b: &[u8]) -> u64 {
    let n = b.len();
    let seed = K0 ^ (n as u64);
    if n <= 16 {
        let (a, c) = short_words(b);
        fold(a ^ K1, c ^ seed)
    } else {
        fold(load8(b, n - 16) ^ K2, load8(b, n - 8) ^ seed)
    }
}

/// The key of a code string: every byte of it, read 8 bytes at a time and mixed by folded
/// multiplication, with the length; [`tail_hash`] with, past 16 bytes, the bytes before the
/// last 16 (one more multiply up to 32 bytes, as most codes are). The PtrHash probe reads
/// this `u64` (through [`ptrhash_hash`]) instead of the whole string; the stored string is
/// compared after the probe, so a collision with an unknown input never returns a wrong entry.
/// Two codes of one table with the same fingerprint stop the build (none in the real tables).
#[allow(dead_code)] // build.rs fingerprints keys; a lookup continues from its tail hash
#[inline(always)]
pub fn fingerprint(b: &[u8]) -> u64 {
    fingerprint_after(b, tail_hash(b))
}

/// [`fingerprint`] of `b` whose [`tail_hash`] is `tail` (a lookup has computed it for the
/// filter already).
#[inline(always)]
pub fn fingerprint_after(b: &[u8], tail: u64) -> u64 {
    let n = b.len();
    if n <= 16 {
        return tail;
    }
    if n <= 32 {
        return tail ^ fold(load8(b, 0) ^ K1, load8(b, 8) ^ K0);
    }
    // Whole 16-byte blocks before the last 16 bytes (the last block may overlap them).
    let mut seed = tail;
    let mut at = 0;
    while at + 16 < n {
        seed = fold(load8(b, at) ^ K1, load8(b, at + 8) ^ seed);
        at += 16;
    }
    seed
}

/// Whether `a` and `b` are the same bytes: for up to 32 bytes by comparing the words that
/// cover them (overlapping where the length is not a multiple of 8; a call to `memcmp` cost
/// more than the comparison), longer ones by slice equality.
#[allow(dead_code)] // the library compares; build.rs only fingerprints
#[inline(always)]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0..=16 => short_words(a) == short_words(b),
        17..=32 => (load16(a, 0) ^ load16(b, 0)) | (load16(a, n - 16) ^ load16(b, n - 16)) == 0,
        _ => long_same_bytes(a, b),
    }
}

/// [`same_bytes`] for equal lengths over 32: every whole word, then the last 8 bytes, compared
/// without a call to `memcmp` (a call makes every lookup save the registers it clobbers).
#[allow(dead_code)] // the library compares; build.rs only fingerprints
#[inline(always)]
fn long_same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    let mut at = 0;
    while at + 8 < n {
        if load8(a, at) != load8(b, at) {
            return false;
        }
        at += 8;
    }
    load8(a, n.saturating_sub(8)) == load8(b, n.saturating_sub(8))
}

/// The lookup key of an integer code: the code itself. [`ptrhash_hash`]'s multiply mixes it
/// for the probe and the filter.
#[inline(always)]
pub const fn fingerprint_int(n: i32) -> u64 {
    n as u32 as u64
}

/// The hash that a table's PtrHash (phf's, `phf_shared::ptrhash`) and its Bloom filter read for
/// the key `fp` under the table's `seed`: one multiply. The multiplier is odd, so for every seed this is a
/// bijection of `fp`: distinct fingerprints keep distinct hashes, which the search in
/// `phf_generator::ptrhash` needs to end (it tries seed after seed until every hash has a slot).
#[inline(always)]
pub const fn ptrhash_hash(fp: u64, seed: u64) -> u64 {
    (fp ^ seed).wrapping_mul(0x9FB2_1C65_1E98_DF25)
}

/// The word and bit of a filter of `2^log2` bits that `fp` selects (its top `log2` bits).
#[inline(always)]
pub const fn filter_slot(fp: u64, log2: u32) -> (usize, u64) {
    let bit = (fp >> (64 - log2)) as usize;
    (bit / 64, 1 << (bit % 64))
}

/// Whether the one-hash Bloom filter of `2^log2` bits may contain `fp` (`false`: certainly
/// absent).
#[inline(always)]
pub fn may_contain(filter: &[u64], log2: u32, fp: u64) -> bool {
    let (word, bit) = filter_slot(fp, log2);
    filter.get(word).is_some_and(|w| w & bit != 0)
}

// The functions alone, without generated code. build.rs includes this file as a module, so
// tests/validation.rs (which compiles build.rs) runs these tests as well.
#[cfg(test)]
mod tests {
    // The library is `no_std`; its tests have std.
    extern crate std;

    use std::collections::HashSet;
    use std::format;
    use std::prelude::rust_2024::*;

    use super::{filter_log2, fingerprint, same_bytes};

    #[test]
    fn lookup_filters_grow_with_the_table() {
        assert_eq!(filter_log2(0), 12);
        assert_eq!(filter_log2(256), 12); // 4096 bits hold 256 keys at 16 bits each
        assert_eq!(filter_log2(257), 13);
        assert_eq!(filter_log2(10_000), 18);
        assert_eq!(filter_log2(200_000), 22);
    }

    #[test]
    fn the_fingerprint_reads_every_byte_and_the_length() {
        // Changing any one byte of a code, or appending a zero byte, changes its fingerprint, at
        // every length the 8-byte words and 16-byte blocks are read at.
        let base: Vec<u8> = (0..100u8).map(|i| b'A' + i % 26).collect();
        let mut seen = HashSet::new();
        for n in 0..=base.len() {
            let code = &base[..n];
            let fp = fingerprint(code);
            assert!(seen.insert(fp), "length {n} collides with a shorter prefix");
            for at in 0..n {
                for replacement in [b'_', b'0', 0x80] {
                    let mut changed = code.to_vec();
                    changed[at] = replacement;
                    assert_ne!(fingerprint(&changed), fp, "byte {at} of {n} not read");
                }
            }
            let mut longer = code.to_vec();
            longer.push(0);
            assert_ne!(fingerprint(&longer), fp, "length {n} not mixed in");
        }
        // And 200,000 codes shaped like the vendors' (ERR_<WORD>_<WORD>_<n>) are all distinct.
        let words = [
            "UID", "GROUP", "NOT", "FOUND", "INVALID", "MESSAGE", "TOKEN", "LIMIT",
        ];
        let mut fps = HashSet::new();
        for i in 0..200_000usize {
            let code = format!(
                "ERR_{}_{}_{i}",
                words[i % words.len()],
                words[(i / words.len()) % words.len()]
            );
            assert!(fps.insert(fingerprint(code.as_bytes())), "{code}");
        }
    }

    #[test]
    fn same_bytes_agrees_with_slice_equality() {
        // Every length the word comparison distinguishes, with a difference at every position.
        let base: Vec<u8> = (0..48u8).map(|i| b'A' + i % 26).collect();
        for n in 0..=base.len() {
            let a = &base[..n];
            assert!(same_bytes(a, a));
            if n > 0 {
                assert!(!same_bytes(a, &base[..n - 1]), "length {n} not compared");
            }
            for at in 0..n {
                let mut b = a.to_vec();
                b[at] ^= 0x20;
                assert!(!same_bytes(a, &b), "difference at {at} of {n} missed");
            }
        }
    }
}
