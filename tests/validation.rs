//! The generator (`codegen/`, which build.rs runs), run on fixtures: every broken data file is
//! rejected with a message naming the file, the entry and the rule; valid files generate the same
//! bytes every time, and the generated code matches what the build compiled.

#[allow(dead_code, unreachable_pub)]
#[path = "../codegen/mod.rs"]
mod codegen;

use std::collections::HashSet;
use std::path::Path;

use chat_error_codes::{Canonical, Recovery};
use codegen::{DataError, TableId, load};
use strum::VariantArray;

/// The list row a fixture table is generated as.
const FIXTURE: TableId = TableId {
    stem: "fixture",
    variant: "CometChatSdk",
    integer: false,
};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Reads `# expect: <entry or -> | <problem substring>` from a fixture's first line.
fn expectation(text: &str) -> (Option<String>, String) {
    let line = text.lines().next().unwrap_or_default();
    let rest = line
        .strip_prefix("# expect: ")
        .unwrap_or_else(|| panic!("fixture lacks `# expect:` line: {line}"));
    let (entry, problem) = rest
        .split_once(" | ")
        .expect("`# expect: <entry> | <problem>`");
    let entry = (entry != "-").then(|| entry.to_owned());
    (entry, problem.to_owned())
}

#[test]
fn every_broken_fixture_is_rejected_naming_file_entry_and_rule() {
    let dir = Path::new(FIXTURES).join("invalid");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(
        files.len() >= 20,
        "expected the full set of fixtures, found {}",
        files.len()
    );
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let label = format!(
            "tests/fixtures/invalid/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        let (entry, problem) = expectation(&text);
        let errors: Vec<DataError> = match load(&label, &text) {
            Ok(_) => panic!("{label}: accepted, expected an error containing {problem:?}"),
            Err(errors) => errors,
        };
        assert!(
            errors
                .iter()
                .any(|e| e.file == label && e.entry == entry && e.problem.contains(&problem)),
            "{label}: expected entry {entry:?} with {problem:?}, got:\n{}",
            errors
                .iter()
                .map(|e| format!("  {e}\n"))
                .collect::<String>()
        );
        // The rendered message carries all three parts.
        let shown = errors[0].to_string();
        assert!(shown.starts_with(&format!("{label}: ")), "{shown}");
    }
}

#[test]
fn hostile_text_is_kept_literally_and_escaped_in_generated_code() {
    let path = Path::new(FIXTURES).join("valid/hostile_text.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let table = load("tests/fixtures/valid/hostile_text.toml", &text).unwrap();
    let entry = &table.entries[0];
    assert_eq!(
        entry.texts[0].1,
        r#"He said "no" \ then {left} <script>alert(1)</script> *bold* _under_ `tick` [a](b)"#
    );
    assert_eq!(entry.variant, "ErrParamQuoted");
    assert_eq!(
        entry.pattern,
        Some(("ERR_".to_owned(), "_QUOTED".to_owned()))
    );
    let code = codegen::write::generate(&FIXTURE, &table);
    // Strings are emitted as Rust literals, so quotes and backslashes are escaped...
    assert!(
        code.contains(r#""He said \"no\" \\ then {left} <script>"#),
        "{code}"
    );
    // ...and doc text has its Markdown and HTML escaped.
    assert!(code.contains(r#"\\<script\\>"#), "{code}");
    assert!(code.contains(r#"\\*bold\\*"#), "{code}");
    assert!(!code.contains("#[doc = \"injection\"]\n"), "{code}");
}

#[test]
fn verbatim_messages_and_entry_urls_are_generated() {
    let text = r#"
[table]
vendor = "Test"
title = "Test integer table"
source = "fixture"
url = "https://example.invalid/"
codes = "integer"
min = 0
max = 999
entry_url = "https://example.invalid/errors/{code}"

[[section]]
id = "general"
title = "General Errors"
canonical = "Internal"

[[error]]
code = 7
name = "SPACED"
section = "general"
message = " Leading space kept"
verbatim = true

[[error]]
code = 8
name = "PLAIN"
section = "general"
message = "Plain"
"#;
    let table = load("verbatim.toml", text).unwrap();
    assert_eq!(table.entries[0].texts[0].1, " Leading space kept");
    let id = TableId {
        stem: "fixture_ints",
        variant: "GenesysChat",
        integer: true,
    };
    let code = codegen::write::generate(&id, &table);
    assert!(code.contains(r#"" Leading space kept""#), "{code}");
    assert!(
        code.contains("Vendor page: <https://example.invalid/errors/7>."),
        "{code}"
    );
    assert!(
        code.contains("Vendor page: <https://example.invalid/errors/8>."),
        "{code}"
    );
    // Every variant is declared, in order.
    let (spaced, plain) = (
        code.find("    Spaced,").unwrap(),
        code.find("    Plain,").unwrap(),
    );
    assert!(spaced < plain, "{code}");
}

#[test]
fn the_real_data_validates_and_generation_is_deterministic() {
    for id in codegen::TABLES {
        let stem = id.stem;
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/{stem}.toml"));
        let text = std::fs::read_to_string(&path).unwrap();
        let label = format!("data/{stem}.toml");
        let first = codegen::write::generate(id, &load(&label, &text).unwrap());
        let second = codegen::write::generate(id, &load(&label, &text).unwrap());
        assert_eq!(first, second, "{stem}: same data, different bytes");
        let built =
            std::fs::read_to_string(Path::new(env!("OUT_DIR")).join(format!("{stem}.rs"))).unwrap();
        assert_eq!(
            first, built,
            "{stem}: the compiled code is not what build.rs generates from data/"
        );
        assert!(first.starts_with(&format!(
            "// @generated by build.rs from data/{stem}.toml. Do not edit."
        )));
    }
}

#[test]
fn the_generator_speaks_the_library_vocabulary() {
    // codegen/ includes src/classification.rs: the model's classes, their names and the
    // default rule are the library's.
    let pairs = |names: Vec<(&'static str, &'static str)>| names;
    assert_eq!(
        pairs(
            <codegen::model::Canonical as strum::VariantArray>::VARIANTS
                .iter()
                .map(|c| (c.as_str(), c.recovery().as_str()))
                .collect()
        ),
        pairs(
            Canonical::VARIANTS
                .iter()
                .map(|c| (c.as_str(), c.recovery().as_str()))
                .collect()
        )
    );
    assert!(Recovery::VARIANTS.contains(&Recovery::DoNotRetry));
    // And the list of tables is the library's.
    let stems: Vec<&str> = codegen::TABLES.iter().map(|t| t.stem).collect();
    let tables: Vec<&str> = chat_error_codes::Table::VARIANTS
        .iter()
        .map(|t| t.as_str())
        .collect();
    assert_eq!(stems, tables);
    for (id, table) in codegen::TABLES
        .iter()
        .zip(chat_error_codes::Table::VARIANTS)
    {
        assert_eq!(id.integer, table.has_integer_codes(), "{}", id.stem);
        assert_eq!(id.variant, format!("{table:?}"));
    }
}

#[test]
fn cross_table_rules_name_the_file() {
    let dir = std::env::temp_dir().join(format!("chat-error-codes-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for id in codegen::TABLES {
        let name = format!("{}.toml", id.stem);
        let mut text = std::fs::read_to_string(data.join(&name)).unwrap();
        if id.stem == "cometchat_calls" {
            text = text.replace("fallback = \"cometchat_rest\"", "fallback = \"nowhere\"");
        }
        std::fs::write(dir.join(&name), text).unwrap();
    }
    std::fs::write(dir.join("stray_table.toml"), "").unwrap();
    let errors = codegen::load_all(&dir).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|e| e
                .starts_with("data/cometchat_calls.toml: entry [table]: `fallback` \"nowhere\"")),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|e| e.starts_with("data/stray_table.toml: no row of the list")),
        "{shown:#?}"
    );
    assert_eq!(shown.len(), 2, "{shown:#?}");
}

#[test]
fn bench_baselines_are_current() {
    // benches/common/baselines.rs is generated from the data and committed, so that nothing the
    // benchmarks need is part of a user's build. Regenerate with CHAT_ERROR_CODES_BLESS=1.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut expected = String::from(codegen::baseline::HEADER);
    for (id, table) in codegen::load_all(&root.join("data")).unwrap() {
        expected.push_str(&codegen::baseline::generate_baseline(&id, &table));
    }
    let path = root.join("benches/common/baselines.rs");
    if std::env::var_os("CHAT_ERROR_CODES_BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "benches/common/baselines.rs is stale: run `CHAT_ERROR_CODES_BLESS=1 cargo test --test validation`"
    );
}

#[test]
fn variant_names_are_derived_predictably() {
    use codegen::naming::variant_name;
    assert_eq!(variant_name("ERR_UID_NOT_FOUND"), "ErrUidNotFound");
    assert_eq!(variant_name("GROUP_NOT_EXIST"), "GroupNotExist");
    assert_eq!(
        variant_name("WEBIM_CONNCTION_OPEN_ERROR"),
        "WebimConnctionOpenError"
    );
    assert_eq!(variant_name("INVALID_{param}"), "InvalidParam");
    assert_eq!(variant_name("{param}_IS_COMPULSORY"), "ParamIsCompulsory");
    assert_eq!(variant_name("ERROR_{param}_EXCEEDED"), "ErrorParamExceeded");
    assert_eq!(variant_name("ERR_WS_INIT_FAILED"), "ErrWsInitFailed");
    assert_eq!(variant_name("AUTH_ERR_2FA"), "AuthErr2fa");
    assert!(codegen::naming::valid_ident("ErrA"));
    assert!(!codegen::naming::valid_ident("Self"));
    assert!(!codegen::naming::valid_ident("1st"));
    assert!(!codegen::naming::valid_ident(""));
}

#[test]
fn codes_sharing_a_fingerprint_are_refused_before_the_search() {
    // The real fingerprint reads every byte, so no colliding pair can be written down: force
    // one with a fingerprint that only sees the length.
    let (a, b) = ("ERR_AAAA_B", "ERR_AAAA_C");
    assert_ne!(
        codegen::fingerprint::fingerprint(a.as_bytes()),
        codegen::fingerprint::fingerprint(b.as_bytes())
    );
    fn by_length(code: &[u8]) -> u64 {
        code.len() as u64
    }
    let text = format!(
        "[table]\nvendor = \"T\"\ntitle = \"T\"\nsource = \"s\"\nurl = \"u\"\ncodes = \"string\"\n\n\
         [[section]]\nid = \"s\"\ntitle = \"S\"\ncanonical = \"Internal\"\n\n\
         [[error]]\ncode = \"{a}\"\nsection = \"s\"\nmessage = \"a\"\n\n\
         [[error]]\ncode = \"{b}\"\nsection = \"s\"\nmessage = \"b\"\n"
    );
    let table = load("tests/collide.toml", &text).unwrap();
    let errors = codegen::validate::fingerprint_problems("tests/collide.toml", &table, by_length);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = errors[0].to_string();
    assert!(
        message.starts_with(&format!(
            "tests/collide.toml: entry {b}: lookup key {b:?} has the fingerprint of {a:?}"
        )),
        "{message}"
    );
    // The layout builder refuses them too, rather than trying seeds for ever.
    assert_eq!(codegen::ptrhash::layout(&[7, 3, 7]), Err((0, 2)));
}

/// The keys of a table and its PtrHash layout, probed as the library probes.
fn probe_all(fps: &[u64]) -> (codegen::ptrhash::Layout, Vec<usize>) {
    use codegen::fingerprint::ptrhash_hash;
    let layout = codegen::ptrhash::layout(fps).unwrap();
    let n = fps.len();
    let slots = fps
        .iter()
        .map(|&fp| {
            let hash = ptrhash_hash(fp, layout.seed);
            phf_shared::ptrhash::get_index(layout.seed, hash, &layout.pilots, &layout.remap, n)
                as usize
        })
        .collect();
    (layout, slots)
}

#[test]
fn ptrhash_sends_every_key_of_every_table_to_its_own_slot() {
    // What the library relies on in phf's experimental PtrHash: the generator's `map` is a
    // permutation of the keys, and the run-time probe of each key gives back its slot.
    let tables = codegen::load_all(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap();
    for (id, table) in &tables {
        let keys = table.keys();
        let fps: Vec<u64> = keys
            .iter()
            .map(|(k, _)| codegen::fingerprint::fingerprint(k.as_bytes()))
            .collect();
        let numbers: Vec<u64> = table
            .entries
            .iter()
            .filter_map(|e| e.number.map(codegen::fingerprint::fingerprint_int))
            .collect();
        for fps in [fps, numbers].iter().filter(|f| !f.is_empty()) {
            let (layout, slots) = probe_all(fps);
            let mut sorted = layout.slots.clone();
            sorted.sort_unstable();
            assert!(
                sorted.iter().copied().eq(0..fps.len()),
                "{}: not a permutation",
                id.stem
            );
            for (key, slot) in slots.iter().enumerate() {
                assert_eq!(
                    layout.slots[*slot], key,
                    "{}: key {key} probes to slot {slot}",
                    id.stem
                );
            }
        }
    }
}

#[test]
fn ptrhash_layout_of_a_known_key_set_is_pinned() {
    // The layout of the integer codes 1..=40, as phf_generator 0.14.0 builds it. A change here
    // means upstream changed its search or probe: the generated tables change with it (they stay
    // correct as long as the test above passes), so review the new release before updating.
    let fps: Vec<u64> = (1..=40)
        .map(codegen::fingerprint::fingerprint_int)
        .collect();
    let (layout, _) = probe_all(&fps);
    assert_eq!(layout.seed, 0xe207_de9e_b602_0399);
    assert_eq!(
        layout.pilots,
        [
            95, 0, 66, 90, 1, 111, 1, 68, 139, 80, 52, 12, 40, 77, 1, 82, 8
        ]
    );
    assert_eq!(layout.remap, [9]);
    assert_eq!(
        layout.slots,
        [
            22, 14, 27, 15, 17, 8, 0, 5, 26, 12, 3, 20, 36, 23, 7, 25, 35, 11, 19, 38, 18, 32, 6,
            39, 31, 13, 21, 9, 1, 30, 37, 24, 10, 2, 28, 34, 29, 33, 16, 4
        ]
    );
}

#[test]
fn dense_integer_codes_are_indexed_directly() {
    use codegen::write::maps::{dense_index, numbered};
    // Codes 10, 12 and 13 of entries 0, 1, 2: slots for 10..=13, the gap empty.
    assert_eq!(
        dense_index(&[(12, 1), (10, 0), (13, 2)]),
        Some(vec![Some(0), None, Some(1), Some(2)])
    );
    // Spans up to 1024 slots are indexed whatever the count; past that, up to 16 per code.
    assert!(dense_index(&[(0, 0), (1023, 1)]).is_some());
    assert!(dense_index(&[(0, 0), (1024, 1)]).is_none());
    let many: Vec<(i32, usize)> = (0..100).map(|i| (i * 16, i as usize)).collect();
    assert!(dense_index(&many).is_some()); // 1585 slots <= 1600
    assert_eq!(dense_index(&[]), None);
    assert_eq!(dense_index(&[(i32::MIN, 0), (i32::MAX, 1)]), None);
    // Which real tables that makes dense: the ones whose integer lookups are one array read.
    let tables = codegen::load_all(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap();
    let mut dense: Vec<&str> = tables
        .iter()
        .filter(|(_, t)| dense_index(&numbered(t)).is_some())
        .map(|(id, _)| id.stem)
        .collect();
    dense.sort_unstable();
    assert_eq!(
        dense,
        [
            "agora_chat",
            "agora_native",
            "genesys_chat",
            "stream_chat",
            "websocket_close"
        ]
    );
}

#[test]
fn key_shapes_hold_the_lengths_of_the_keys_by_first_byte() {
    use codegen::write::maps::key_shape;
    let keys: [&[u8]; 5] = [b"ERR_A", b"EB", b"AB", b"", &[b'x'; 70]];
    let shape = key_shape(keys.into_iter());
    // Word `first & 63`, bit `length & 63`: 'E' (69 -> 5) lengths 5 and 2, 'A' (65 -> 1)
    // length 2, the empty key word 0 bit 0, 'x' (120 -> 56) length 70 -> 6.
    let mut words = ["0x0"; 64];
    words[0] = "0x1";
    words[1] = "0x4";
    words[5] = "0x24";
    words[56] = "0x40";
    assert_eq!(
        shape,
        format!("KeyShape {{ lengths_by_first: [{}] }}", words.join(", "))
    );
}

#[test]
fn the_tail_filter_admits_every_key_and_refuses_most_other_strings() {
    // A string lookup's second check: the Bloom filter over the keys' `tail_hash` (last 16 bytes
    // and length). It must admit every key (or a code would not be found), and it is what makes
    // misses cheap: near misses (the last byte changed, one byte more or less) and other
    // vendors' codes must mostly stop there.
    use codegen::fingerprint::{may_contain, tail_hash};
    use codegen::write::maps::filter_bits;
    let tables = codegen::load_all(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap();
    let all_keys: Vec<Vec<String>> = (tables.iter())
        .map(|(_, t)| t.keys().into_iter().map(|(k, _)| k).collect())
        .collect();
    for ((id, _), keys) in tables.iter().zip(&all_keys) {
        let (bits, log2) = filter_bits(keys.iter().map(|k| tail_hash(k.as_bytes())));
        let passes = |s: &[u8]| may_contain(&bits, log2, tail_hash(s));
        assert!(keys.iter().all(|k| passes(k.as_bytes())), "{}", id.stem);
        let own: HashSet<&[u8]> = keys.iter().map(|k| k.as_bytes()).collect();
        let mut near: Vec<Vec<u8>> = Vec::new();
        for key in keys.iter().map(|k| k.as_bytes()) {
            let mut changed = key.to_vec();
            if let Some(last) = changed.last_mut() {
                *last = if *last == b'X' { b'Y' } else { b'X' };
            }
            near.push(changed);
            near.push([key, b"S"].concat());
            near.push(
                key.get(..key.len().saturating_sub(1))
                    .unwrap_or_default()
                    .to_vec(),
            );
        }
        let others = (all_keys.iter().flatten()).map(|k| k.as_bytes().to_vec());
        for (kind, strings) in [
            ("near misses", near),
            ("other tables' keys", others.collect()),
        ] {
            let strangers: Vec<&Vec<u8>> =
                strings.iter().filter(|s| !own.contains(&s[..])).collect();
            let passed = strangers.iter().filter(|s| passes(s)).count();
            // 16 bits per key and one hash: about 6% pass in the largest tables.
            assert!(
                passed * 100 <= strangers.len() * 10,
                "{}: {passed} of {} {kind} pass the filter",
                id.stem,
                strangers.len()
            );
        }
    }
}
