//! Arbitrary, lossy, long and edge-case strings through every entry point: no panic, every
//! invariant holds, the same input gives the same results.

use chat_error_codes::{lookup, lookup_lenient};
use proptest::prelude::*;

use crate::exercise::{exercise, exercise_quietly};
use crate::strategies::{input, known_spelling};
use crate::{CHEAP, LONG, config};

proptest! {
    #![proptest_config(config(CHEAP))]

    /// No panic and every invariant holds on arbitrary and catalog-like input; the same input
    /// always gives the same results.
    #[test]
    fn any_string_is_handled_and_lookups_are_deterministic(s in input()) {
        let first = exercise(&s);
        prop_assert_eq!(first, exercise(&s));
    }

    /// Arbitrary bytes, as a service would receive them, decoded lossily.
    #[test]
    fn lossy_bytes_are_handled(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        exercise_quietly(&String::from_utf8_lossy(&bytes));
    }

}

proptest! {
    #![proptest_config(config(LONG))]

    /// Inputs up to ~100 KB (repeated known codes or arbitrary text) are handled without panic.
    #[test]
    fn long_inputs_are_handled(
        unit in prop_oneof![known_spelling().prop_map(|(_, s)| s), any::<String>()],
        len in prop_oneof![1_000..10_000usize, 90_000..100_001usize],
    ) {
        let s: String = unit.chars().cycle().take(len).collect();
        if !s.is_empty() {
            exercise_quietly(&s);
            exercise_quietly(&format!(" {s} "));
        }
    }
}

/// Fixed edge cases, on top of the generated ones.
#[test]
fn edge_case_inputs_are_handled() {
    let nul_in_code = "ERR_UID\0_NOT_FOUND";
    for s in [
        "",
        " ",
        "\0",
        "\u{feff}",
        "\u{fffd}",
        nul_in_code,
        "ERR_UID_NOT_FOUND\0",
        "{param}",
        "INVALID_",
        "INVALID__",
        "_IS_COMPULSORY",
        "ERROR__EXCEEDED",
        "0",
        "-0",
        "00",
        "+605",
        "605.0",
        "9223372036854775808",
        "-9223372036854775809",
        "{}",
        "[]",
        "null",
        "\"",
        "é",
        "\u{10ffff}",
    ] {
        exercise(s);
    }
    assert_eq!(lookup("").count(), 0);
    assert_eq!(lookup_lenient("").count(), 0);
    assert_eq!(lookup(nul_in_code).count(), 0);
    assert_eq!(lookup_lenient(nul_in_code).count(), 0);
}
