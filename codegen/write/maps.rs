//! The lookup structures: `phf` maps keyed by a code's fingerprint and by integer code, the
//! Bloom filters that answer most misses before the map is consulted, the pattern list, and the
//! `DATA` value that gathers them with `META`.

use std::collections::BTreeSet;

use crate::codegen::fingerprint::{filter_log2, filter_slot, fingerprint_int};
use crate::codegen::model::{Entry, Table};
use crate::codegen::output::Output;

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

/// A one-hash Bloom filter over `keys`, as a `Filter` literal.
fn filter(keys: impl ExactSizeIterator<Item = u64>) -> String {
    let log2 = filter_log2(keys.len());
    let mut bits = vec![0u64; (1usize << log2) / 64];
    for fp in keys {
        let (word, bit) = filter_slot(fp, log2);
        if let Some(w) = bits.get_mut(word) {
            *w |= bit;
        }
    }
    format!("Filter {{ bits: &{bits:?}, log2: {log2} }}")
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

/// Writes `NUMBER_SPAN` and `DATA`: `META` plus the maps, filters and patterns.
pub fn make_data(out: &mut Output, table: &Table, values: &Values, fingerprint: fn(&[u8]) -> u64) {
    number_span(out, table);
    writeln!(
        out,
        "/// Everything `impl_table!` forwards to (see `src/table_data.rs`).\n#[rustfmt::skip]\nstatic DATA: TableData<Value> = TableData {{\n    meta: META,"
    );
    by_code(out, table, values, fingerprint);
    by_number(out, table, values);
    patterns(out, table, values);
    writeln!(out, "}};");
}

/// The string map: codes and, for integer tables, decimal strings and symbolic names. `phf` is
/// keyed by a fixed-width fingerprint of the string (hashing 8 bytes is cheaper than hashing the
/// whole code); the stored string is compared after the probe.
fn by_code(out: &mut Output, table: &Table, values: &Values, fingerprint: fn(&[u8]) -> u64) {
    let mut map = phf_codegen::Map::<u64>::new();
    let mut taken = BTreeSet::new();
    let mut collisions = Vec::new();
    let mut fingerprints = Vec::new();
    for (key, index) in table.keys() {
        let value = table.entries.get(index).map(|e| values.of(index, e));
        let item = format!("({key:?}, {})", value.unwrap_or_default());
        let fp = fingerprint(key.as_bytes());
        fingerprints.push(fp);
        if taken.insert(fp) {
            map.entry(fp, item);
        } else {
            // Two codes share a fingerprint (none in the real tables): the later one is found by
            // an exact scan after the probe, which only happens when the fingerprint matched.
            collisions.push(item);
        }
    }
    writeln!(out, "    by_code: {},", map.build());
    writeln!(out, "    collisions: &[{}],", collisions.join(", "));
    writeln!(
        out,
        "    code_filter: {},",
        filter(fingerprints.into_iter())
    );
}

/// The integer map (empty for string tables).
fn by_number(out: &mut Output, table: &Table, values: &Values) {
    let mut map = phf_codegen::Map::<i32>::new();
    let mut numbers = Vec::new();
    for (index, entry) in table.entries.iter().enumerate() {
        if let Some(number) = entry.number {
            map.entry(number, values.of(index, entry));
            numbers.push(fingerprint_int(number));
        }
    }
    writeln!(out, "    by_number: {},", map.build());
    writeln!(out, "    number_filter: {},", filter(numbers.into_iter()));
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
