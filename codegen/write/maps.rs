//! The lookup structures: PtrHash tables (phf's, see [`ptrhash`]) keyed by a code's fingerprint
//! and by integer code; what answers most misses before the map is consulted (for strings the
//! keys' lengths by first byte, then a Bloom filter over their [`tail_hash`], which is half the
//! fingerprint; for integer codes a Bloom filter); a direct index where a table's integer codes
//! are dense (together `MAPS`); and the pattern list, which `DATA` gathers with `META`.

use crate::codegen::fingerprint::{
    filter_log2, filter_slot, fingerprint, fingerprint_int, ptrhash_hash, tail_hash,
};
use crate::codegen::model::{Entry, Table};
use crate::codegen::output::Output;
use crate::codegen::ptrhash;

/// Above this many variants the maps hold a variant's position in `ChatError::ALL` rather than
/// the variant: rustc resolves each variant named in an expression, and validates each enum
/// value in a static, by a scan over the enum's variants, so naming every variant in every map
/// makes the compile quadratic; with positions, `ALL` is the only list that names every variant.
const VALUES_MAX: usize = 4096;

/// What the maps hold for a variant: the variant itself or its position.
pub struct Values {
    direct: bool,
}

impl Values {
    /// The representation for `table`.
    pub fn new(table: &Table) -> Values {
        Values {
            direct: table.entries.len() <= VALUES_MAX,
        }
    }

    fn of(&self, index: usize, entry: &Entry) -> String {
        if self.direct {
            format!("ChatError::{}", entry.variant)
        } else {
            index.to_string()
        }
    }
}

/// Writes `type Value` and `fn variant`: how a map value becomes a variant.
pub fn make_value(out: &mut Output, values: &Values, repr: &str) {
    if values.direct {
        writeln!(
            out,
            "/// What the lookup maps hold for a variant: the variant itself.\ntype Value = ChatError;\n\n\
             /// The variant a map value stands for.\n#[inline(always)]\nfn variant(value: Value) -> Option<ChatError> {{\n    Some(value)\n}}\n"
        );
    } else {
        writeln!(
            out,
            "/// What the lookup maps hold for a variant: its position in `ChatError::ALL`.\ntype Value = {repr};\n\n\
             /// The variant a map value stands for.\n#[inline(always)]\nfn variant(value: Value) -> Option<ChatError> {{\n    ChatError::ALL.get(value as usize).copied()\n}}\n"
        );
    }
}

/// A one-hash Bloom filter over `hashes` (already mixed: the top bits select the bit), as a
/// `Filter` literal.
fn filter(hashes: impl ExactSizeIterator<Item = u64>) -> String {
    let (bits, log2) = filter_bits(hashes);
    format!("Filter {{ bits: &{bits:?}, log2: {log2} }}")
}

/// The words and size (`log2` of the bits) of the Bloom filter over `hashes`.
pub fn filter_bits(hashes: impl ExactSizeIterator<Item = u64>) -> (Vec<u64>, u32) {
    let log2 = filter_log2(hashes.len());
    let mut bits = vec![0u64; (1usize << log2) / 64];
    for hash in hashes {
        let (word, bit) = filter_slot(hash, log2);
        if let Some(w) = bits.get_mut(word) {
            *w |= bit;
        }
    }
    (bits, log2)
}

/// Writes `NUMBER_SPAN`, the smallest integer code and the distance to the largest.
fn number_span(out: &mut Output, table: &Table) {
    let numbers = || table.entries.iter().filter_map(|e| e.number);
    let (first, span) = match (numbers().min(), numbers().max()) {
        (Some(first), Some(last)) => (first, last.abs_diff(first)),
        _ => (i32::MAX, 0),
    };
    writeln!(
        out,
        "/// The integer codes' first value and span (see `src/table_data.rs`).\nconst NUMBER_SPAN: (i32, u32) = ({first}, {span});\n"
    );
}

/// Writes `NUMBER_SPAN`, `MAPS` (the maps and filters) and `DATA` (`META` and the patterns).
pub fn make_data(out: &mut Output, table: &Table, values: &Values) {
    number_span(out, table);
    writeln!(
        out,
        "/// The lookup maps (see `src/table_data.rs`).\n#[rustfmt::skip]\nconst MAPS: Maps<Value> = Maps {{"
    );
    by_code(out, table, values);
    by_number(out, table, values);
    writeln!(out, "}};\n");
    writeln!(
        out,
        "/// Everything else `impl_table!` forwards to (see `src/table_data.rs`).\n#[rustfmt::skip]\nstatic DATA: TableData<Value> = TableData {{\n    meta: META,"
    );
    patterns(out, table, values);
    writeln!(out, "}};");
}

/// The string map: codes and, for integer tables, decimal strings and symbolic names, keyed by
/// a fixed-width fingerprint of the string (hashing 8 bytes is cheaper than hashing the whole
/// code); the stored string is compared after the probe.
fn by_code(out: &mut Output, table: &Table, values: &Values) {
    let keys = table.keys();
    let mut items = Vec::new();
    let mut fps = Vec::new();
    for (key, index) in &keys {
        let value = table.entries.get(*index).map(|e| values.of(*index, e));
        items.push(format!("({key:?}, {})", value.unwrap_or_default()));
        fps.push(fingerprint(key.as_bytes()));
    }
    let (probe, _) = probe(&fps, &items, &keys);
    writeln!(out, "    by_code: {probe},");
    writeln!(
        out,
        "    code_shape: {},",
        key_shape(keys.iter().map(|(k, _)| k.as_bytes()))
    );
    let tails = keys.iter().map(|(k, _)| tail_hash(k.as_bytes()));
    writeln!(out, "    code_filter: {},", filter(tails));
}

/// The `KeyShape` literal of `keys`: per first byte (modulo 64), the lengths (modulo 64) of the
/// keys that start with it.
pub fn key_shape<'k>(keys: impl Iterator<Item = &'k [u8]>) -> String {
    let mut by_first = [0u64; 64];
    for key in keys {
        let first = key.first().map_or(0, |&b| usize::from(b & 63));
        by_first[first] |= 1 << (key.len() & 63);
    }
    let words: Vec<String> = by_first.iter().map(|w| format!("{w:#x}")).collect();
    format!("KeyShape {{ lengths_by_first: [{}] }}", words.join(", "))
}

/// A table's integer codes are dense when an array indexed by `code - first` has at most this
/// many slots per code (or at most [`DENSE_MIN_SLOTS`] slots): one byte per slot for most
/// tables, about the size of the PtrHash table, filter and entries it replaces.
const DENSE_SLOTS_PER_CODE: usize = 16;
/// Any span up to this many slots is indexed directly (at most 2 KiB).
const DENSE_MIN_SLOTS: usize = 1024;

/// The integer lookup (nothing for string tables): a direct index where the codes are dense
/// ([`DENSE_SLOTS_PER_CODE`]), otherwise a PtrHash map keyed by [`fingerprint_int`] with its
/// filter.
fn by_number(out: &mut Output, table: &Table, values: &Values) {
    match dense_index(&numbered(table)) {
        Some(slots) if values.direct => {
            let items: Vec<String> = (slots.iter())
                .map(
                    |slot| match slot.and_then(|i| table.entries.get(i).map(|e| (i, e))) {
                        Some((index, entry)) => format!("Some({})", values.of(index, entry)),
                        None => "None".to_owned(),
                    },
                )
                .collect();
            writeln!(out, "    by_number: {},", empty_probe());
            writeln!(out, "    number_filter: Filter {{ bits: &[], log2: 12 }},");
            writeln!(out, "    number_index: &[{}],", items.join(", "));
        }
        _ => {
            let mut items = Vec::new();
            let mut fps = Vec::new();
            let mut keys = Vec::new();
            for (index, entry) in table.entries.iter().enumerate() {
                let Some(number) = entry.number else { continue };
                items.push(format!("({number}, {})", values.of(index, entry)));
                fps.push(fingerprint_int(number));
                keys.push((entry.code.clone(), index));
            }
            let (probe, seed) = probe(&fps, &items, &keys);
            writeln!(out, "    by_number: {probe},");
            let hashes = fps.iter().map(|&fp| ptrhash_hash(fp, seed));
            writeln!(out, "    number_filter: {},", filter(hashes));
            writeln!(out, "    number_index: &[],");
        }
    }
}

/// Each integer code of `table` with the position of its entry, in entry order.
pub fn numbered(table: &Table) -> Vec<(i32, usize)> {
    (table.entries.iter().enumerate())
        .filter_map(|(index, entry)| entry.number.map(|n| (n, index)))
        .collect()
}

/// The entry of each code from the smallest to the largest, if the codes are dense; `None`
/// for sparse codes and for none at all.
pub fn dense_index(numbered: &[(i32, usize)]) -> Option<Vec<Option<usize>>> {
    let first = numbered.iter().map(|&(n, _)| n).min()?;
    let last = numbered.iter().map(|&(n, _)| n).max()?;
    let slots = usize::try_from(last.abs_diff(first)).ok()?.checked_add(1)?;
    if slots > DENSE_MIN_SLOTS.max(numbered.len().saturating_mul(DENSE_SLOTS_PER_CODE)) {
        return None;
    }
    let mut index = vec![None; slots];
    for &(number, entry) in numbered {
        let at = usize::try_from(number.abs_diff(first)).ok()?;
        // Two entries with one code were refused by validation; the first would win here.
        if let Some(slot @ None) = index.get_mut(at) {
            *slot = Some(entry);
        }
    }
    Some(index)
}

/// The `Probe` of no keys.
fn empty_probe() -> &'static str {
    "Probe { seed: 0, pilots: &[], remap: &[], entries: &[] }"
}

/// A `Probe` literal (the PtrHash layout of `fps` and the `items` in slot order) and its seed. Two keys with
/// one fingerprint were refused before generating (`validate::fingerprint_problems`); meeting
/// them here is a bug in the generator.
fn probe(fps: &[u64], items: &[String], keys: &[(String, usize)]) -> (String, u64) {
    let layout = ptrhash::layout(fps).unwrap_or_else(|(a, b)| {
        let name = |i: usize| keys.get(i).map_or("?", |k| k.0.as_str());
        panic!("{:?} and {:?} share a fingerprint", name(a), name(b))
    });
    let slots: Vec<&str> = layout
        .slots
        .iter()
        .filter_map(|&i| items.get(i).map(String::as_str))
        .collect();
    let literal = format!(
        "Probe {{ seed: {:#018x}, pilots: &{:?}, remap: &{:?}, entries: &[{}] }}",
        layout.seed,
        layout.pilots,
        layout.remap,
        slots.join(", ")
    );
    (literal, layout.seed)
}

/// Pattern codes, longest fixed part first.
fn patterns(out: &mut Output, table: &Table, values: &Values) {
    let mut patterns: Vec<(usize, &Entry)> = table
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.pattern.is_some())
        .collect();
    patterns.sort_by_key(|(_, e)| std::cmp::Reverse(e.code.len()));
    let items: Vec<String> = patterns
        .iter()
        .filter_map(|&(index, e)| {
            let (prefix, suffix) = e.pattern.as_ref()?;
            Some(format!("({prefix:?}, {suffix:?}, {})", values.of(index, e)))
        })
        .collect();
    writeln!(out, "    patterns: &[{}],", items.join(", "));
}
