//! The contract between the generated code and the library.
//!
//! For every table, build.rs writes `$OUT_DIR/<table>.rs` (see `codegen/`), which defines
//! exactly these items and nothing else:
//!
//! - `pub enum ChatError { ... }`: one documented variant per entry, discriminants `0..N` in
//!   document order, with `strum::EnumCount` and `strum::VariantArray` implemented;
//! - `type Value`: what the lookup maps hold for a variant (the variant itself, or for very large
//!   tables its position in `ChatError::ALL`), and `fn variant(Value) -> Option<ChatError>`;
//! - `const NUMBER_SPAN: (i32, u32)`: the smallest integer code and the distance to the
//!   largest (`(i32::MAX, 0)` for string tables), a constant so that lookups of codes outside
//!   compile to two comparisons with immediates;
//! - `const MAPS: Maps<Value>`: the lookup maps (PtrHash tables, the keys' lengths by first
//!   byte, Bloom filters and a direct index for dense integer codes), below;
//! - `static DATA: TableData<Value>`: everything else, below.
//!
//! The lookups and accessors are written once, here, over [`TableData`], [`Maps`] and [`Row`]; the
//! per-table macro (`impl_table!` in `entry.rs`) only forwards to them.

use crate::entry::{Entry, may_contain, pattern_param, same_bytes};
use crate::fingerprint::{fingerprint_after, fingerprint_int, ptrhash_hash, tail_hash};
use crate::{Section, ServerMessage, Source, Sources, Table};
use phf_shared::ptrhash::get_index;

/// Everything a generated table holds besides its enum and its [`Maps`].
pub(crate) struct TableData<V: 'static> {
    /// What the entries say, shared with [`AnyChatError`](crate::AnyChatError) through [`Row`].
    pub(crate) meta: TableMeta,
    /// Pattern codes (`INVALID_{param}`) as prefix, suffix and value, longest fixed part first.
    pub(crate) patterns: &'static [(&'static str, &'static str, V)],
}

/// A table's lookup maps. The generated file defines them as a `const` (`MAPS`), not inside the
/// `static DATA`: a lookup inlined into a user's crate then reads the seeds, lengths and
/// addresses as immediates, where a field of an extern static is a load (through the GOT) each.
pub(crate) struct Maps<V: 'static> {
    /// Fingerprint of each lookup string (code; integer tables also the decimal code and every
    /// symbolic name) to that string and its value.
    pub(crate) by_code: Probe<&'static str, V>,
    /// The lengths of `by_code`'s keys by their first byte: checked first, without hashing.
    pub(crate) code_shape: KeyShape,
    /// Bloom filter over the [`tail_hash`] (last 16 bytes and length) of `by_code`'s keys:
    /// checked next, so that most strings of a key's length and first byte that are no key (a
    /// changed ending, another vendor's code) are refused before the rest of the fingerprint is
    /// computed.
    pub(crate) code_filter: Filter,
    /// Integer code to value by [`fingerprint_int`], for tables whose codes are sparse (empty
    /// for string tables and for dense ones).
    pub(crate) by_number: Probe<i32, V>,
    /// Bloom filter over the hashes of `by_number`'s keys.
    pub(crate) number_filter: Filter,
    /// For tables whose integer codes are dense: the value of code `NUMBER_SPAN.0 + i` at `i`,
    /// `None` where no code is (a perfect hash by construction; empty otherwise).
    pub(crate) number_index: &'static [Option<V>],
}

/// The metadata of one table: the rows and the flat arrays their spans index.
pub(crate) struct TableMeta {
    /// The table.
    pub(crate) table: Table,
    /// One row per variant, indexed by discriminant.
    pub(crate) entries: &'static [Entry],
    /// Every entry's messages, in entry order.
    pub(crate) messages: &'static [&'static str],
    /// Every entry's section headings, in entry order.
    pub(crate) section_titles: &'static [&'static str],
    /// Every entry's further symbolic names, in entry order.
    pub(crate) aliases: &'static [&'static str],
    /// Every entry's numeric SDK codes, in entry order.
    pub(crate) sdk_codes: &'static [i32],
    /// The sections of the source document, in order.
    pub(crate) sections: &'static [Section],
    /// The documents and packages the entries come from.
    pub(crate) sources: &'static [Source],
    /// Every entry's sources, in entry order.
    pub(crate) source_refs: &'static [&'static Source],
    /// Every entry's `(platform, name)` pairs, in entry order.
    pub(crate) platforms: &'static [(&'static str, &'static str)],
    /// Every entry's server messages, in entry order.
    pub(crate) server_messages: &'static [ServerMessage],
    /// The vendor SDK package and version the table was checked against.
    pub(crate) sdk: Option<&'static str>,
    /// The table that unlisted codes are looked up in, and that pass-through entries defer to.
    pub(crate) fallback: Option<Table>,
}

/// The lengths a table's lookup strings have, by their first byte: a string whose length and
/// first byte no key has together (most codes of other vendors, most mistyped input) is
/// refused with one load and a bit test, before anything is hashed.
pub(crate) struct KeyShape {
    /// Word `b & 63` has bit `n & 63` set if some key `n` bytes long starts with byte `b` (the
    /// empty key: word 0, bit 0). Taking both modulo 64 only makes more strings pass.
    pub(crate) lengths_by_first: [u64; 64],
}

impl KeyShape {
    /// Whether some key may be `code` (`false`: certainly none is).
    #[inline(always)]
    fn admits(&self, code: &[u8]) -> bool {
        let first = code.first().map_or(0, |&b| usize::from(b & 63));
        let lengths = self.lengths_by_first.get(first).copied().unwrap_or(0);
        lengths >> (code.len() & 63) & 1 != 0
    }
}

/// A one-hash Bloom filter of `2^log2` bits, read at the top `log2` bits of an already mixed
/// hash.
pub(crate) struct Filter {
    pub(crate) bits: &'static [u64],
    pub(crate) log2: u32,
}

impl Filter {
    #[inline(always)]
    fn may_contain(&self, hash: u64) -> bool {
        may_contain(self.bits, self.log2, hash)
    }
}

/// A perfect hash table: phf's PtrHash (built by `phf_generator::ptrhash` in build.rs, probed
/// by `phf_shared::ptrhash::get_index`) over the keys' 64-bit fingerprints, mixed with `seed` by
/// [`ptrhash_hash`]. Every key probes to its own slot; any other input to some slot, whose key
/// the caller compares.
pub(crate) struct Probe<K: 'static, V: 'static> {
    pub(crate) seed: u64,
    pub(crate) pilots: &'static [u8],
    pub(crate) remap: &'static [u32],
    /// `(key, value)` in slot order.
    pub(crate) entries: &'static [(K, V)],
}

impl<K, V> Probe<K, V> {
    /// The hash of fingerprint `fp` that [`slot`](Self::slot) reads (and, for integer codes,
    /// the table's filter).
    #[inline(always)]
    pub(crate) fn hash(&self, fp: u64) -> u64 {
        ptrhash_hash(fp, self.seed)
    }

    /// The entry in the slot of `hash` (`None` only for an empty table).
    #[inline(always)]
    pub(crate) fn slot(&self, hash: u64) -> Option<&'static (K, V)> {
        if self.pilots.is_empty() {
            return None;
        }
        let len = self.entries.len();
        let index = get_index(self.seed, hash, self.pilots, self.remap, len);
        self.entries.get(index as usize)
    }
}

impl<V: Copy> Maps<V> {
    /// The value of a code string exactly as the vendor sends it.
    #[inline(always)]
    pub(crate) fn find_code(&self, code: &str) -> Option<V> {
        if !self.code_shape.admits(code.as_bytes()) {
            return None;
        }
        let tail = tail_hash(code.as_bytes());
        if !self.code_filter.may_contain(tail) {
            return None;
        }
        let hash = self.by_code.hash(fingerprint_after(code.as_bytes(), tail));
        match self.by_code.slot(hash) {
            Some(&(key, value)) if same_bytes(key.as_bytes(), code.as_bytes()) => Some(value),
            _ => None,
        }
    }

    /// The value of an integer code. `span` is the table's `NUMBER_SPAN`, passed as the
    /// constant it is so that a code outside is rejected without reading the table.
    #[inline(always)]
    pub(crate) fn find_number(&self, code: i32, span: (i32, u32)) -> Option<V> {
        let (first, span) = span;
        let offset = code.wrapping_sub(first) as u32;
        if offset > span {
            return None;
        }
        if !self.number_index.is_empty() {
            return self.number_index.get(offset as usize).copied().flatten();
        }
        let hash = self.by_number.hash(fingerprint_int(code));
        if !self.number_filter.may_contain(hash) {
            return None;
        }
        match self.by_number.slot(hash) {
            Some(&(key, value)) if key == code => Some(value),
            _ => None,
        }
    }
}

impl<V: Copy> TableData<V> {
    /// The first pattern that `code` fits, with the parameter.
    pub(crate) fn find_pattern<'c>(&self, code: &'c str) -> Option<(V, &'c str)> {
        self.patterns
            .iter()
            .find_map(|&(prefix, suffix, v)| pattern_param(code, prefix, suffix).map(|p| (v, p)))
    }
}

impl TableMeta {
    /// The documented range (section) that contains `code`, if any.
    pub(crate) fn section_of(&self, code: i64) -> Option<&'static Section> {
        self.sections.iter().find(|s| s.contains(code))
    }
}

/// One entry with its table's metadata: what every `ErrorInfo` accessor reads.
#[derive(Clone, Copy)]
pub struct Row {
    pub(crate) meta: &'static TableMeta,
    pub(crate) entry: &'static Entry,
}

impl Row {
    pub(crate) fn aliases(self) -> &'static [&'static str] {
        self.entry.aliases.of(self.meta.aliases)
    }
    pub(crate) fn messages(self) -> &'static [&'static str] {
        self.entry.messages.of(self.meta.messages)
    }
    pub(crate) fn sections(self) -> &'static [&'static str] {
        self.entry.sections.of(self.meta.section_titles)
    }
    pub(crate) fn sources(self) -> Sources {
        Sources {
            docs: self.entry.docs,
            sdk: self.entry.sdk,
            list: self.entry.sources.of(self.meta.source_refs),
        }
    }
    pub(crate) fn platform_names(self) -> &'static [(&'static str, &'static str)] {
        self.entry.platforms.of(self.meta.platforms)
    }
    pub(crate) fn server_messages(self) -> &'static [ServerMessage] {
        self.entry.server_messages.of(self.meta.server_messages)
    }
    pub(crate) fn sdk_codes(self) -> &'static [i32] {
        self.entry.sdk_codes.of(self.meta.sdk_codes)
    }
}

/// Implements the sealed [`ErrorInfo`](crate::ErrorInfo) for a type with an inherent
/// `fn row(&self) -> Row`: every fact is then read from that row by the trait's methods.
macro_rules! impl_error_info {
    ($ty:ty) => {
        impl $crate::vocabulary::sealed::Sealed for $ty {
            #[inline]
            fn row(&self) -> $crate::table_data::Row {
                <$ty>::row(self)
            }
        }
        impl $crate::ErrorInfo for $ty {}
    };
}

pub(crate) use impl_error_info;

/// The value of `"<status> <code>"` (an `http` table's key for a status and `error` string).
pub(crate) fn find_status_code<V: Copy>(data: &Maps<V>, status: u16, code: &str) -> Option<V> {
    let mut buf = [0u8; 96];
    let key = status_key(&mut buf, status, code)?;
    data.find_code(key)
}

/// The value of a status listed without an `error` string (its key is the status).
pub(crate) fn find_status<V: Copy>(data: &Maps<V>, status: u16) -> Option<V> {
    let mut buf = [0u8; 96];
    // The key's first three bytes: the status's digits.
    data.find_code(status_key(&mut buf, status, "")?.get(..3)?)
}

/// Writes `"<status> <code>"` into `buf`; `None` if it does not fit.
fn status_key<'b>(buf: &'b mut [u8; 96], status: u16, code: &str) -> Option<&'b str> {
    if !(100..=999).contains(&status) {
        return None;
    }
    let digits = [status / 100 % 10, status / 10 % 10, status % 10];
    let len = 4 + code.len();
    let dst = buf.get_mut(..len)?;
    for (d, n) in dst.iter_mut().zip(digits) {
        *d = b'0' + n as u8;
    }
    let (_, rest) = dst.split_at_mut(3);
    let (space, tail) = rest.split_first_mut()?;
    *space = b' ';
    tail.copy_from_slice(code.as_bytes());
    core::str::from_utf8(buf.get(..len)?).ok()
}
