//! Property tests over every entry point that takes input: the per-table `from_code`,
//! `from_number`, `from_pattern`, `FromStr` and serde deserialization, the cross-vendor lookups,
//! `Table::lookup*`, the `resolve*` functions, serde of `AnyChatError`, `RawCode` and
//! `Unrecognized`, and every payload parser.
//!
//! Case counts (`ProptestConfig::cases`), chosen so the whole file runs in well under 20 s in
//! debug mode on 2 cores:
//! - [`CHEAP`] = 2048 for string and number lookups (arbitrary Unicode, lossy bytes, mutated,
//!   re-cased and whitespace-wrapped known codes, known-code round trips, `UnknownCode`);
//! - [`PAYLOADS`] = 512 for payload and JSON properties (structured fuzzing of vendor shapes,
//!   canonical round trips of unknown codes, `Unrecognized` JSON round trips);
//! - [`LONG`] = 12 for inputs of 1-10 KB and 90-100 KB (each also wrapped in spaces).
//!
//! Failure persistence is off (no `proptest-regressions/` files): a failure prints the minimal
//! input, which belongs in a regular test.
#![cfg(feature = "json")]

use std::fmt::{Debug, Write as _};
use std::str::FromStr;

use chat_error_codes::payload::{self, ParsedError, PayloadError, Shape};
use chat_error_codes::{
    AnyChatError, Code, ErrorInfo, KEPT_INPUT_BYTES, RawCode, Resolution, Table, UnknownCode,
    Unrecognized, agora, cometchat, genesys, lookup, lookup_lenient, lookup_number, resolve,
    resolve_exception, resolve_number, resolve_raw,
};
use proptest::prelude::*;
use proptest::sample::select;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Cases for cheap lookup properties.
const CHEAP: u32 = 2048;
/// Cases for payload and JSON properties.
const PAYLOADS: u32 = 512;
/// Cases for ~100 KB inputs.
const LONG: u32 = 12;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

const TABLES: [Table; 5] = [
    Table::CometChatSdk,
    Table::CometChatCalls,
    Table::CometChatRest,
    Table::GenesysChat,
    Table::AgoraChat,
];

// ---------------------------------------------------------------------------------------------
// One interface over the five generated enums.

trait TableEnum:
    Copy
    + Debug
    + Eq
    + FromStr<Err = UnknownCode>
    + Serialize
    + DeserializeOwned
    + ErrorInfo
    + Into<AnyChatError>
{
    const TABLE: Table;
    fn from_code(s: &str) -> Option<Self>;
    fn from_pattern(s: &str) -> Option<(Self, &str)>;
    fn pattern(self) -> Option<(&'static str, &'static str)>;
    fn from_number(_: i32) -> Option<Self> {
        None
    }
    fn number(self) -> Option<i32> {
        None
    }
}

macro_rules! table_enum {
    ($ty:ty, $table:expr $(, $integer:ident)?) => {
        impl TableEnum for $ty {
            const TABLE: Table = $table;
            fn from_code(s: &str) -> Option<Self> {
                <$ty>::from_code(s)
            }
            fn from_pattern(s: &str) -> Option<(Self, &str)> {
                <$ty>::from_pattern(s)
            }
            fn pattern(self) -> Option<(&'static str, &'static str)> {
                <$ty>::pattern(self)
            }
            $(table_enum!(@$integer $ty);)?
        }
    };
    (@integer $ty:ty) => {
        fn from_number(n: i32) -> Option<Self> {
            <$ty>::from_number(n)
        }
        fn number(self) -> Option<i32> {
            Some(<$ty>::number(self))
        }
    };
}

table_enum!(cometchat::sdk::ChatError, Table::CometChatSdk);
table_enum!(cometchat::calls::ChatError, Table::CometChatCalls);
table_enum!(cometchat::rest::ChatError, Table::CometChatRest);
table_enum!(genesys::ChatError, Table::GenesysChat, integer);
table_enum!(agora::ChatError, Table::AgoraChat, integer);

// ---------------------------------------------------------------------------------------------
// Helpers.

fn js(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// `s` as a JSON string with every character written as a `\uXXXX` escape.
fn escaped(s: &str) -> String {
    let mut out = String::from("\"");
    for unit in s.encode_utf16() {
        write!(out, "\\u{unit:04x}").unwrap();
    }
    out.push('"');
    out
}

/// Every spelling under which the strict lookups may find `e`.
fn spellings(e: AnyChatError) -> Vec<String> {
    let mut v = vec![e.code().to_string(), e.name().to_string()];
    v.extend(e.aliases().iter().map(|a| a.to_string()));
    v.dedup();
    v
}

fn is_spelling(e: AnyChatError, s: &str) -> bool {
    spellings(e).iter().any(|x| x == s)
}

fn all_entries() -> Vec<AnyChatError> {
    AnyChatError::all().collect()
}

fn raw_code(e: AnyChatError) -> RawCode<'static> {
    match e.code() {
        Code::Str(s) => RawCode::from(s),
        Code::Int(n) => RawCode::Int(n.into()),
    }
}

/// The byte length of the prefix `UnknownCode` must keep: the longest prefix of at most
/// `KEPT_INPUT_BYTES` that ends on a character boundary.
fn kept_len(s: &str) -> usize {
    let mut n = s.len().min(KEPT_INPUT_BYTES);
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

fn check_unknown_code(err: &UnknownCode, table: Table, s: &str) {
    assert_eq!(err.table(), table);
    assert!(s.starts_with(err.input()), "{err:?} not a prefix of {s:?}");
    assert!(err.input().len() <= KEPT_INPUT_BYTES, "{err:?}");
    assert_eq!(err.input().len(), kept_len(s), "{err:?}");
    assert_eq!(err.input_len(), s.len(), "{err:?}");
    assert_eq!(err.is_truncated(), err.input().len() < s.len(), "{err:?}");
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!("unknown {table} error code ")),
        "{shown}"
    );
}

// ---------------------------------------------------------------------------------------------
// Exercising every entry point with one string; invariants are asserted, a digest is returned
// for the determinism property.

fn exercise_table<E: TableEnum>(s: &str, out: &mut Digest) {
    let strict = E::from_code(s);
    if let Some(e) = strict {
        assert!(is_spelling(e.into(), s), "{s:?} found {e:?}");
    }
    // FromStr agrees with from_code; its error keeps a bounded prefix.
    match s.parse::<E>() {
        Ok(e) => assert_eq!(Some(e), strict),
        Err(err) => {
            assert_eq!(strict, None);
            check_unknown_code(&err, E::TABLE, s);
        }
    }
    // Patterns: the parameter is what sits between the pattern's prefix and suffix.
    let pattern = E::from_pattern(s);
    if let Some((e, param)) = pattern {
        let (prefix, suffix) = e
            .pattern()
            .expect("from_pattern returned a non-pattern entry");
        assert_eq!(format!("{prefix}{param}{suffix}"), s);
        assert!(!param.is_empty() && !param.starts_with('_') && !param.ends_with('_'));
        assert!(
            param
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'),
            "{param:?}"
        );
    }
    // serde, from the JSON string holding `s` and from `s` as JSON text.
    let from_json = serde_json::from_str::<E>(&js(s));
    match &from_json {
        Ok(e) => assert_eq!(Some(*e), strict, "{s:?}"),
        Err(err) => {
            assert_eq!(strict, None, "{s:?}: {err}");
            assert!(
                err.to_string()
                    .contains(&format!("unknown {} error code", E::TABLE)),
                "{err}"
            );
        }
    }
    let from_text = serde_json::from_str::<E>(s).map_err(|e| e.to_string());
    if let Ok(e) = from_text {
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<E>(&json).unwrap(), e);
    }
    // Numbers, where `s` is one.
    let number = s.parse::<i32>().ok().map(|n| (n, E::from_number(n)));
    if let Some((n, Some(e))) = number {
        assert_eq!(e.number(), Some(n));
    }
    out.add(format_args!(
        "{:?} {strict:?} {pattern:?} {from_json:?} {from_text:?} {number:?}",
        E::TABLE
    ));
}

fn check_resolution(table: Table, s: &str, r: &Resolution<'_>) {
    assert_eq!(r.table(), table, "{s:?}: {r:?}");
    match r {
        Resolution::Known(e) => {
            assert_eq!(table.lookup(s), Some(*e), "{s:?}");
        }
        Resolution::Pattern { error, param } => {
            assert_eq!(table, Table::CometChatSdk);
            assert_eq!(table.lookup(s), None);
            assert!(s.contains(&**param));
            assert_eq!(
                cometchat::sdk::ChatError::from_pattern(s).map(|(e, p)| (AnyChatError::from(e), p)),
                Some((*error, &**param))
            );
        }
        Resolution::Range { code, section, .. } => {
            assert_eq!(table, Table::GenesysChat);
            assert_eq!(table.lookup(s), None);
            assert_eq!(
                code.to_string(),
                s,
                "only canonical decimals resolve to a range"
            );
            assert!(section.contains(*code));
        }
        Resolution::Unrecognized(u) => {
            assert_eq!(table.lookup(s), None);
            assert_eq!(u.code(), &RawCode::from(s));
            assert_eq!(u.message(), None);
        }
    }
}

fn digest_payload(out: &mut Digest, name: &str, r: &Result<ParsedError<'_>, PayloadError>) {
    if out.0.is_some() {
        match r {
            Ok(p) => out.add(format_args!(
                "{name}: {p:?} {}",
                serde_json::to_string(p).unwrap()
            )),
            Err(e) => out.add(format_args!("{name}: {e} {e:?}")),
        }
    }
}

type Parser = for<'a> fn(&'a str) -> Result<ParsedError<'a>, PayloadError>;

const PARSERS: [(&str, Parser); 6] = [
    ("parse", payload::parse),
    ("parse_rest", payload::parse_rest),
    ("parse_calls", payload::parse_calls),
    ("parse_exception", payload::parse_exception),
    ("parse_agora", payload::parse_agora),
    ("parse_genesys", payload::parse_genesys),
];

/// Checks a parser's result on any input: a clean error, or a value that re-serializes to a
/// payload the same parser reads back to the same value.
fn check_payload(parser: Parser, input: &str, r: &Result<ParsedError<'_>, PayloadError>) {
    match r {
        Ok(p) => {
            assert_eq!(p.raw(), input);
            if let Resolution::Unrecognized(u) = p.resolution() {
                assert_eq!(u.code(), p.code());
                assert_eq!(u.message(), p.message());
            }
            let json = serde_json::to_string(p).unwrap();
            let again = parser(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(again.shape(), p.shape(), "{json}");
            assert_eq!(again.code(), p.code(), "{json}");
            assert_eq!(again.name(), p.name(), "{json}");
            assert_eq!(again.message(), p.message(), "{json}");
            assert_eq!(
                again.details().map(|d| d.get()),
                p.details().map(|d| d.get()),
                "{json}"
            );
            assert_eq!(again.resolution(), p.resolution(), "{json}");
            assert_eq!(serde_json::to_string(&again).unwrap(), json);
        }
        Err(e) => {
            let shown = e.to_string();
            assert!(!shown.is_empty());
            if let PayloadError::Json { source, .. } = e {
                assert!(e.line().is_some() && e.column().is_some());
                if source.line() > 0 {
                    assert!(shown.contains(" line "), "{shown}");
                }
            }
        }
    }
}

/// A digest of results, for the determinism property (off for long inputs).
struct Digest(Option<String>);

impl Digest {
    fn add(&mut self, args: std::fmt::Arguments<'_>) {
        if let Some(out) = &mut self.0 {
            out.write_fmt(args).unwrap();
            out.push('\n');
        }
    }
}

/// Runs `s` through every entry point and returns a digest of all results.
fn exercise(s: &str) -> String {
    let mut out = Digest(Some(String::new()));
    exercise_into(s, &mut out);
    out.0.unwrap_or_default()
}

/// Runs `s` through every entry point, asserting the invariants, without a digest.
fn exercise_quietly(s: &str) {
    exercise_into(s, &mut Digest(None));
}

fn exercise_into(s: &str, out: &mut Digest) {
    exercise_table::<cometchat::sdk::ChatError>(s, out);
    exercise_table::<cometchat::calls::ChatError>(s, out);
    exercise_table::<cometchat::rest::ChatError>(s, out);
    exercise_table::<genesys::ChatError>(s, out);
    exercise_table::<agora::ChatError>(s, out);

    // Cross-vendor lookups: strict never guesses.
    let found: Vec<AnyChatError> = lookup(s).collect();
    for &e in &found {
        assert!(is_spelling(e, s), "lookup({s:?}) found {e:?}");
    }
    for table in TABLES {
        assert_eq!(
            table.lookup(s),
            found.iter().copied().find(|e| e.table() == table)
        );
    }
    let lenient: Vec<AnyChatError> = lookup_lenient(s).collect();
    let folded = s.trim().to_ascii_uppercase();
    for &e in &lenient {
        // Lenient: the exact spelling (vendors' lower-case codes) or the case-folded one.
        assert!(
            is_spelling(e, s.trim()) || is_spelling(e, &folded),
            "lookup_lenient({s:?}) found {e:?}"
        );
    }
    let numbers = s.parse::<i64>().ok().map(|n| {
        let m: Vec<AnyChatError> = lookup_number(n).collect();
        for e in &m {
            assert_eq!(e.code().as_i32().map(i64::from), Some(n));
        }
        m
    });
    out.add(format_args!("{found:?} {lenient:?} {numbers:?}"));

    // Resolution.
    for table in TABLES {
        let r = resolve(table, s);
        check_resolution(table, s, &r);
        assert_eq!(resolve_raw(table, RawCode::from(s.to_string())), r);
        out.add(format_args!("{r:?}"));
    }
    for name in [None, Some(s)] {
        let r = resolve_exception(RawCode::from(s), name);
        assert!(matches!(
            r.table(),
            Table::CometChatSdk | Table::CometChatRest
        ));
        if let Resolution::Unrecognized(u) = &r {
            assert_eq!(u.code(), &RawCode::from(s));
        }
        out.add(format_args!("{r:?}"));
    }

    // serde of the cross-table types, with `s` as the code and as the whole JSON text.
    for table in TABLES {
        let json = format!(r#"{{"table":{},"code":{}}}"#, js(table.as_str()), js(s));
        let any = serde_json::from_str::<AnyChatError>(&json).map_err(|e| e.to_string());
        assert_eq!(any.as_ref().ok().copied(), table.lookup(s), "{json}");
        let u = serde_json::from_str::<Unrecognized<'_>>(&json).unwrap();
        assert_eq!(u.code(), &RawCode::from(s));
        assert_eq!(serde_json::to_string(&u).unwrap(), json);
        out.add(format_args!("{any:?}"));
    }
    let any = serde_json::from_str::<AnyChatError>(s).map_err(|e| e.to_string());
    let u = serde_json::from_str::<Unrecognized<'_>>(s).map_err(|e| e.to_string());
    let raw = serde_json::from_str::<RawCode<'_>>(s).map_err(|e| e.to_string());
    out.add(format_args!("{any:?} {u:?} {raw:?}"));

    // Payloads: `s` as the whole input, as the code, as the message and as raw details.
    let as_code = [
        format!(r#"{{"error":{{"code":{}}}}}"#, js(s)),
        format!(r#"{{"code":{},"name":{}}}"#, js(s), js(s)),
        format!(r#"{{"type":{}}}"#, js(s)),
        format!(r#"{{"code":{}}}"#, js(s)),
        format!(r#"{{"error":{{"code":"ERR_X","message":{}}}}}"#, js(s)),
    ];
    let as_details = [
        format!(r#"{{"error":{{"code":"ERR_X","details":{s}}}}}"#),
        format!(r#"{{"type":1,"data":{s}}}"#),
    ];
    let details_ok = serde_json::from_str::<serde_json::Value>(s).is_ok();
    for (name, parser) in PARSERS {
        let r = parser(s);
        check_payload(parser, s, &r);
        digest_payload(out, name, &r);
        for input in as_code.iter().chain(&as_details) {
            let r = parser(input);
            check_payload(parser, input, &r);
            digest_payload(out, name, &r);
        }
    }
    // Any string is a valid code in every shape, and the shapes keep it verbatim.
    for (input, parser) in as_code.iter().zip([
        payload::parse_rest as Parser,
        payload::parse_exception,
        payload::parse_agora,
        payload::parse_genesys,
        payload::parse_calls,
    ]) {
        let p = parser(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(serde_json::to_string(&p).unwrap(), *input);
    }
    // Valid JSON as details is kept byte for byte (JSON `null` reads as no details: see
    // `known_issue_null_details_are_dropped`).
    if details_ok && s.trim() != "null" {
        let p = payload::parse_rest(&as_details[0]).unwrap();
        assert_eq!(p.details().map(|d| d.get()), Some(s.trim()));
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies.

fn known() -> impl Strategy<Value = AnyChatError> {
    select(all_entries())
}

/// One of the spellings of a known entry (code, name, alias).
fn known_spelling() -> impl Strategy<Value = (AnyChatError, String)> {
    known().prop_flat_map(|e| (Just(e), select(spellings(e))))
}

/// A known code with one character replaced, inserted or removed.
fn mutated() -> impl Strategy<Value = String> {
    (
        known_spelling(),
        any::<prop::sample::Index>(),
        any::<char>(),
        0..3u8,
    )
        .prop_map(|((_, s), at, c, how)| {
            let mut chars: Vec<char> = s.chars().collect();
            let i = at.index(chars.len() + 1);
            match how {
                0 if i < chars.len() => chars[i] = c,
                1 if i < chars.len() => {
                    chars.remove(i);
                }
                _ => chars.insert(i, c),
            }
            chars.into_iter().collect()
        })
}

/// Strings biased towards the catalog: arbitrary, lossy bytes, known codes and their variants.
fn input() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<u8>(), 0..64)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        known_spelling().prop_map(|(_, s)| s),
        mutated(),
        known_spelling().prop_map(|(_, s)| s.to_lowercase()),
        (known_spelling(), "[ \t\r\n]{0,3}", "[ \t\r\n]{0,3}")
            .prop_map(|((_, s), a, b)| format!("{a}{s}{b}")),
        (known_spelling(), any::<prop::sample::Index>()).prop_map(|((_, s), at)| {
            let mut chars: Vec<char> = s.chars().collect();
            chars.insert(at.index(chars.len() + 1), '\0');
            chars.into_iter().collect()
        }),
        any::<i64>().prop_map(|n| n.to_string()),
        "-?0*[0-9]{1,4}",
        "(INVALID_|ERROR_)?[A-Z_]{0,12}(_IS_COMPULSORY|_NOT_PROVIDED|_EXCEEDED)?",
    ]
}

/// An ASCII-whitespace wrapper for lenient lookups.
fn ascii_ws() -> impl Strategy<Value = String> {
    "[ \t\r\n\x0b\x0c]{0,4}"
}

fn random_case(s: &str, mask: &[bool]) -> String {
    s.chars()
        .zip(mask.iter().cycle())
        .map(|(c, &up)| {
            if up {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// Arbitrary JSON values, nested a few levels.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("code".to_string()),
                    Just("message".to_string()),
                    any::<String>()
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// JSON text for `details`/`data`: compact or pretty, never the top-level `null` (which reads
/// as an absent field; see `known_issue_null_details_are_dropped`).
fn details_text() -> impl Strategy<Value = String> {
    (json_value(), any::<bool>())
        .prop_filter("not null", |(v, _)| !v.is_null())
        .prop_map(|(v, pretty)| {
            if pretty {
                serde_json::to_string_pretty(&v).unwrap()
            } else {
                serde_json::to_string(&v).unwrap()
            }
        })
}

fn raw_code_strategy() -> impl Strategy<Value = RawCode<'static>> {
    prop_oneof![
        any::<String>().prop_map(RawCode::from),
        any::<i64>().prop_map(RawCode::Int),
        "ERR_[A-Z_]{1,20}".prop_map(RawCode::from),
        (-1000..100_000i64).prop_map(RawCode::Int),
        (0..1000i64).prop_map(|n| RawCode::from(n.to_string())),
    ]
}

fn table() -> impl Strategy<Value = Table> {
    select(TABLES.to_vec())
}

/// A payload-like JSON object: vendor keys with arbitrary values, optionally mangled.
fn payloadish() -> impl Strategy<Value = String> {
    let key = select(vec![
        "error", "type", "code", "name", "message", "details", "data", "other",
    ]);
    let value = prop_oneof![
        json_value(),
        raw_code_strategy().prop_map(|c| serde_json::to_value(&c).unwrap()),
        prop::collection::vec(
            (
                select(vec!["code", "name", "message", "details"]),
                json_value()
            ),
            0..4
        )
        .prop_map(|kv| {
            serde_json::Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
        }),
    ];
    let object = prop::collection::vec((key, value), 0..5).prop_map(|kv| {
        // Built by hand so that duplicate keys survive.
        let fields: Vec<String> = kv
            .iter()
            .map(|(k, v)| format!("{}:{}", js(k), serde_json::to_string(v).unwrap()))
            .collect();
        format!("{{{}}}", fields.join(","))
    });
    (object, 0..4u8, any::<prop::sample::Index>(), any::<char>()).prop_map(|(text, how, at, c)| {
        let mut chars: Vec<char> = text.chars().collect();
        let i = at.index(chars.len() + 1);
        match how {
            0 => chars.truncate(i),
            1 => chars.insert(i, c),
            2 if i < chars.len() => {
                chars.remove(i);
            }
            _ => {}
        }
        chars.into_iter().collect()
    })
}

// ---------------------------------------------------------------------------------------------
// Properties.

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

    /// `UnknownCode` keeps a prefix of at most 64 bytes and the whole input's length.
    #[test]
    fn unknown_code_keeps_a_bounded_prefix(
        chars in prop::collection::vec(any::<char>(), 0..120),
        t in table(),
    ) {
        let s: String = chars.into_iter().collect();
        let check = |r: Option<UnknownCode>| {
            if let Some(err) = r {
                check_unknown_code(&err, t, &s);
            }
        };
        match t {
            Table::CometChatSdk => check(s.parse::<cometchat::sdk::ChatError>().err()),
            Table::CometChatCalls => check(s.parse::<cometchat::calls::ChatError>().err()),
            Table::CometChatRest => check(s.parse::<cometchat::rest::ChatError>().err()),
            Table::GenesysChat => check(s.parse::<genesys::ChatError>().err()),
            Table::AgoraChat => check(s.parse::<agora::ChatError>().err()),
        }
    }

    /// Every known code round-trips through the lookups, `FromStr`, serde (plain and fully
    /// escaped) and resolution.
    #[test]
    fn every_known_code_round_trips(e in known()) {
        let code = e.code().to_string();
        prop_assert!(lookup(&code).any(|m| m == e));
        prop_assert_eq!(e.table().lookup(&code), Some(e));
        prop_assert_eq!(AnyChatError::from_table(e.table(), &code), Some(e));
        prop_assert_eq!(resolve(e.table(), &code), Resolution::Known(e));
        prop_assert_eq!(resolve_raw(e.table(), raw_code(e)), Resolution::Known(e));
        for spelling in spellings(e) {
            prop_assert_eq!(e.table().lookup(&spelling), Some(e));
        }
        if let Code::Int(n) = e.code() {
            prop_assert!(lookup_number(n.into()).any(|m| m == e));
            prop_assert_eq!(e.table().lookup_number(n.into()), Some(e));
            prop_assert_eq!(resolve_number(e.table(), n.into()), Resolution::Known(e));
        }
        fn typed<E: TableEnum>(e: E, code: &str) -> Result<(), TestCaseError> {
            prop_assert_eq!(E::from_code(code), Some(e));
            prop_assert_eq!(code.parse::<E>().ok(), Some(e));
            if let Some(n) = e.number() {
                prop_assert_eq!(E::from_number(n), Some(e));
            }
            let json = serde_json::to_string(&e).unwrap();
            prop_assert_eq!(serde_json::from_str::<E>(&json).unwrap(), e);
            prop_assert_eq!(serde_json::from_str::<E>(&escaped(code)).unwrap(), e);
            Ok(())
        }
        match e {
            AnyChatError::CometChatSdk(x) => typed(x, &code)?,
            AnyChatError::CometChatCalls(x) => typed(x, &code)?,
            AnyChatError::CometChatRest(x) => typed(x, &code)?,
            AnyChatError::GenesysChat(x) => typed(x, &code)?,
            AnyChatError::AgoraChat(x) => typed(x, &code)?,
        }
        let json = serde_json::to_string(&e).unwrap();
        prop_assert_eq!(serde_json::from_str::<AnyChatError>(&json).unwrap(), e);
        // Fully escaped, a string the input cannot lend (decimal codes excepted: see
        // `known_issue_escaped_decimal_codes_are_rejected_by_any_chat_error`).
        let escaped_json = format!(r#"{{"table":{},"code":{}}}"#, js(e.table().as_str()), escaped(e.name()));
        prop_assert_eq!(serde_json::from_str::<AnyChatError>(&escaped_json).unwrap(), e);
    }

    /// Strict lookups never guess: surrounding whitespace or a changed case finds nothing.
    #[test]
    fn strict_lookups_reject_whitespace_and_case_changes(
        (e, s) in known_spelling(),
        before in ascii_ws(),
        after in ascii_ws(),
        mask in prop::collection::vec(any::<bool>(), 1..8),
    ) {
        let wrapped = format!("{before}{s}{after}");
        if wrapped != s {
            prop_assert_eq!(lookup(&wrapped).count(), 0, "{:?}", wrapped);
            prop_assert_eq!(e.table().lookup(&wrapped), None);
            prop_assert!(resolve(e.table(), &wrapped).is_unrecognized());
        }
        for recased in [s.to_lowercase(), s.to_uppercase(), random_case(&s, &mask)] {
            for m in lookup(&recased) {
                prop_assert!(is_spelling(m, &recased), "{:?} found {:?}", recased, m);
            }
            if !is_spelling(e, &recased) {
                prop_assert!(!lookup(&recased).any(|m| m == e), "{:?} found {:?}", recased, e);
            }
        }
    }

    /// `lookup_lenient` finds a known code whatever its case and surrounding ASCII whitespace.
    /// (Codes spelled with lower-case letters are excluded: see
    /// `known_issue_lenient_lookup_misses_codes_with_lower_case`.)
    #[test]
    fn lenient_lookup_ignores_case_and_surrounding_whitespace(
        (e, s) in known_spelling().prop_filter("upper-case spelling", |(_, s)| !s.bytes().any(|b| b.is_ascii_lowercase())),
        before in ascii_ws(),
        after in ascii_ws(),
        mask in prop::collection::vec(any::<bool>(), 1..8),
    ) {
        let typed = format!("{before}{}{after}", random_case(&s, &mask));
        prop_assert!(lookup_lenient(&typed).any(|m| m == e), "{:?} did not find {:?}", typed, e);
        prop_assert_eq!(lookup_lenient(&typed).count(), lookup(&s).count());
    }

    /// Number lookups across vendors agree with the tables, the decimal strings and serde.
    #[test]
    fn numbers_resolve_consistently(
        n in prop_oneof![
            any::<i64>(),
            -1000..1000i64,
            known().prop_filter_map("integer code", |e| e.code().as_i32()).prop_map(i64::from),
            (known().prop_filter_map("integer code", |e| e.code().as_i32()), -3..3i32)
                .prop_map(|(n, d)| i64::from(n) + i64::from(d)),
        ],
    ) {
        let found: Vec<AnyChatError> = lookup_number(n).collect();
        for e in &found {
            prop_assert_eq!(e.code().as_i32().map(i64::from), Some(n));
        }
        let decimal = n.to_string();
        for table in TABLES {
            let r = resolve_number(table, n);
            prop_assert_eq!(r.table(), table);
            prop_assert_eq!(table.lookup_number(n), found.iter().copied().find(|e| e.table() == table));
            match &r {
                Resolution::Known(e) => prop_assert!(found.contains(e)),
                Resolution::Range { code, section, .. } => {
                    prop_assert_eq!(table, Table::GenesysChat);
                    prop_assert_eq!(*code, n);
                    prop_assert!(section.contains(n));
                }
                Resolution::Unrecognized(u) => {
                    prop_assert_eq!(u.code(), &RawCode::Int(n));
                    prop_assert!(!found.iter().any(|e| e.table() == table));
                }
                Resolution::Pattern { .. } => prop_assert!(false, "a number matched a pattern"),
            }
            // The decimal string resolves the same way in integer tables.
            let by_string = resolve(table, &decimal);
            if table.has_integer_codes() {
                prop_assert_eq!(by_string.entry(), r.entry());
                prop_assert_eq!(by_string.section(), r.section());
                prop_assert_eq!(by_string.is_unrecognized(), r.is_unrecognized());
            }
            // serde of AnyChatError with an integer code.
            let json = format!(r#"{{"table":{},"code":{n}}}"#, js(table.as_str()));
            let any = serde_json::from_str::<AnyChatError>(&json).ok();
            prop_assert_eq!(any, table.lookup_number(n));
        }
        if let Ok(n32) = i32::try_from(n) {
            prop_assert_eq!(genesys::ChatError::from_number(n32).map(AnyChatError::from),
                Table::GenesysChat.lookup_number(n));
            prop_assert_eq!(agora::ChatError::from_number(n32).map(AnyChatError::from),
                Table::AgoraChat.lookup_number(n));
        }
        prop_assert_eq!(serde_json::from_str::<agora::ChatError>(&decimal).ok().map(AnyChatError::from),
            Table::AgoraChat.lookup_number(n));
        prop_assert_eq!(serde_json::from_str::<genesys::ChatError>(&decimal).ok().map(AnyChatError::from),
            Table::GenesysChat.lookup_number(n));
        prop_assert!(serde_json::from_str::<cometchat::rest::ChatError>(&decimal).is_err());
        // Payload shapes with a numeric code.
        let agora_body = format!(r#"{{"type":{n}}}"#);
        let genesys_body = format!(r#"{{"code":{n}}}"#);
        let rest_body = format!(r#"{{"error":{{"code":{n}}}}}"#);
        let p = payload::parse_agora(&agora_body).unwrap();
        prop_assert_eq!(p.resolution(), &resolve_number(Table::AgoraChat, n));
        let p = payload::parse_genesys(&genesys_body).unwrap();
        prop_assert_eq!(p.resolution(), &resolve_number(Table::GenesysChat, n));
        let p = payload::parse_rest(&rest_body).unwrap();
        prop_assert!(p.resolution().is_unrecognized());
        let p = payload::parse_exception(&genesys_body).unwrap();
        prop_assert!(p.resolution().is_unrecognized());
    }
}

proptest! {
    #![proptest_config(config(PAYLOADS))]

    /// Every known code, in every payload shape that carries its table, resolves to its entry
    /// and re-serializes to exactly the input.
    #[test]
    fn known_codes_round_trip_through_every_payload_shape(
        e in known(),
        message in proptest::option::of(any::<String>()),
        details in proptest::option::of(details_text()),
    ) {
        let code = e.code().to_string();
        let mut tail = String::new();
        if let Some(m) = &message {
            write!(tail, r#","message":{}"#, js(m)).unwrap();
        }
        let details_field = |key: &str| details.as_ref().map(|d| format!(r#","{key}":{d}"#)).unwrap_or_default();
        let mut inputs: Vec<(String, Parser, Shape)> = Vec::new();
        match e.table() {
            Table::CometChatRest | Table::CometChatCalls => {
                let body = format!(r#"{{"error":{{"code":{}{tail}{}}}}}"#, js(&code), details_field("details"));
                let (parser, shape) = if e.table() == Table::CometChatRest {
                    (payload::parse_rest as Parser, Shape::CometChatRest)
                } else {
                    (payload::parse_calls as Parser, Shape::CometChatCalls)
                };
                inputs.push((body.clone(), parser, shape));
                if e.table() == Table::CometChatRest {
                    inputs.push((body, payload::parse, Shape::CometChatRest));
                }
            }
            Table::CometChatSdk => {
                let body = format!(r#"{{"code":{},"name":{}{tail}{}}}"#, js(&code), js(&code), details_field("details"));
                inputs.push((body.clone(), payload::parse_exception, Shape::CometChatException));
                inputs.push((body, payload::parse, Shape::CometChatException));
            }
            Table::AgoraChat => {
                for kind in [code.clone(), js(&code), js(e.name())] {
                    let body = format!(r#"{{"type":{kind}{tail}{}}}"#, details_field("data"));
                    inputs.push((body.clone(), payload::parse_agora, Shape::AgoraErrorEvent));
                    inputs.push((body, payload::parse, Shape::AgoraErrorEvent));
                }
            }
            Table::GenesysChat => {
                for c in [code.clone(), js(&code)] {
                    let body = format!(r#"{{"code":{c}{tail}{}}}"#, details_field("details"));
                    inputs.push((body.clone(), payload::parse_genesys, Shape::GenesysEventError));
                    inputs.push((body, payload::parse, Shape::GenesysEventError));
                }
            }
        }
        for (input, parser, shape) in &inputs {
            let p = parser(input).unwrap_or_else(|err| panic!("{input}: {err}"));
            prop_assert_eq!(p.shape(), *shape, "{}", input);
            let expected = if e.table() == Table::CometChatSdk {
                resolve_exception(RawCode::from(code.as_str()), Some(&code))
            } else {
                Resolution::Known(e)
            };
            prop_assert_eq!(p.resolution(), &expected, "{}", input);
            prop_assert_eq!(p.message(), message.as_deref());
            prop_assert_eq!(p.details().map(|d| d.get()), details.as_deref());
            prop_assert_eq!(&serde_json::to_string(&p).unwrap(), input);
        }
    }

    /// A payload with an arbitrary code, built canonically with serde_json, re-serializes to
    /// exactly the input; an unrecognized code keeps the code and the message.
    #[test]
    fn unknown_codes_in_payloads_round_trip_exactly(
        code in raw_code_strategy(),
        name in proptest::option::of(any::<String>()),
        message in proptest::option::of(any::<String>()),
        details in proptest::option::of(details_text()),
        shape in select(vec![
            Shape::CometChatRest,
            Shape::CometChatCalls,
            Shape::CometChatException,
            Shape::AgoraErrorEvent,
            Shape::GenesysEventError,
        ]),
    ) {
        let code_json = serde_json::to_string(&code).unwrap();
        let mut fields = Vec::new();
        let (parser, detail_key): (Parser, &str) = match shape {
            Shape::CometChatRest => (payload::parse_rest, "details"),
            Shape::CometChatCalls => (payload::parse_calls, "details"),
            Shape::CometChatException => (payload::parse_exception, "details"),
            Shape::AgoraErrorEvent => (payload::parse_agora, "data"),
            Shape::GenesysEventError => (payload::parse_genesys, "details"),
        };
        if shape == Shape::AgoraErrorEvent {
            fields.push(format!(r#""type":{code_json}"#));
        } else {
            fields.push(format!(r#""code":{code_json}"#));
            if let Some(n) = &name {
                fields.push(format!(r#""name":{}"#, js(n)));
            }
        }
        if let Some(m) = &message {
            fields.push(format!(r#""message":{}"#, js(m)));
        }
        if let Some(d) = &details {
            fields.push(format!(r#""{detail_key}":{d}"#));
        }
        let mut input = format!("{{{}}}", fields.join(","));
        if matches!(shape, Shape::CometChatRest | Shape::CometChatCalls) {
            input = format!(r#"{{"error":{input}}}"#);
        }
        let p = parser(&input).unwrap_or_else(|err| panic!("{input}: {err}"));
        prop_assert_eq!(p.shape(), shape);
        prop_assert_eq!(p.code(), &code);
        prop_assert_eq!(&serde_json::to_string(&p).unwrap(), &input);
        if let Resolution::Unrecognized(u) = p.resolution() {
            prop_assert_eq!(u.code(), &code);
            prop_assert_eq!(u.message(), message.as_deref());
            let json = serde_json::to_string(u).unwrap();
            prop_assert_eq!(&serde_json::from_str::<Unrecognized<'_>>(&json).unwrap(), u);
        }
        let owned = p.clone().into_owned();
        prop_assert_eq!(&owned.code, &code);
        prop_assert_eq!(owned.raw, input);
    }

    /// Every `Unrecognized` value serializes back to exactly what was parsed.
    #[test]
    fn unrecognized_values_round_trip_through_json(
        t in table(),
        code in raw_code_strategy(),
        message in proptest::option::of(any::<String>()),
    ) {
        let mut u = Unrecognized::new(t, code.clone());
        if let Some(m) = &message {
            u = u.with_message(m.clone());
        }
        let json = serde_json::to_string(&u).unwrap();
        let back: Unrecognized<'_> = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &u);
        prop_assert_eq!(back.code(), &code);
        prop_assert_eq!(back.message(), message.as_deref());
        prop_assert_eq!(&serde_json::to_string(&back).unwrap(), &json);
        prop_assert_eq!(back.into_owned(), u);
        let code_json = serde_json::to_string(&code).unwrap();
        let raw: RawCode<'_> = serde_json::from_str(&code_json).unwrap();
        prop_assert_eq!(raw, code);
    }

    /// Structured fuzzing: payload-like objects with vendor keys, arbitrary values, duplicate
    /// keys and mangled text never panic; every success re-serializes to a payload the same
    /// parser reads back identically.
    #[test]
    fn payload_like_input_is_handled(text in payloadish()) {
        for (_, parser) in PARSERS {
            let r = parser(&text);
            check_payload(parser, &text, &r);
            let again = parser(&text);
            prop_assert_eq!(format!("{r:?}"), format!("{again:?}"));
        }
        for table in TABLES {
            check_resolution(table, &text, &resolve(table, &text));
        }
        let _ = serde_json::from_str::<AnyChatError>(&text);
        let _ = serde_json::from_str::<Unrecognized<'_>>(&text);
        let _ = serde_json::from_str::<cometchat::sdk::ChatError>(&text);
        let _ = serde_json::from_str::<agora::ChatError>(&text);
        let _ = serde_json::from_str::<genesys::ChatError>(&text);
    }

    /// Arbitrary JSON values into every deserializer: no panic, and a success is a catalog
    /// entry that serializes back to the same value.
    #[test]
    fn arbitrary_json_into_every_deserializer(v in json_value()) {
        let text = serde_json::to_string(&v).unwrap();
        fn check<E: TableEnum>(text: &str) -> Result<(), TestCaseError> {
            if let Ok(e) = serde_json::from_str::<E>(text) {
                let back = serde_json::from_str::<E>(&serde_json::to_string(&e).unwrap()).unwrap();
                prop_assert_eq!(back, e);
            }
            Ok(())
        }
        check::<cometchat::sdk::ChatError>(&text)?;
        check::<cometchat::calls::ChatError>(&text)?;
        check::<cometchat::rest::ChatError>(&text)?;
        check::<genesys::ChatError>(&text)?;
        check::<agora::ChatError>(&text)?;
        if let Ok(e) = serde_json::from_str::<AnyChatError>(&text) {
            prop_assert!(AnyChatError::all().any(|x| x == e));
        }
        if let Ok(u) = serde_json::from_str::<Unrecognized<'_>>(&text) {
            let again = serde_json::to_string(&u).unwrap();
            prop_assert_eq!(serde_json::from_str::<Unrecognized<'_>>(&again).unwrap(), u);
        }
        for (_, parser) in PARSERS {
            check_payload(parser, &text, &parser(&text));
        }
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

// ---------------------------------------------------------------------------------------------
// Regressions for misbehaviours the properties above found in the library
// (all fixed).

/// `lookup_lenient` upper-cases its input, so a code the vendor spells with lower-case letters
/// (`INVALID_UIDs`, the pattern spellings `INVALID_{param}`) is never found, not even verbatim,
/// although the strict `lookup` finds it.
#[test]
fn lenient_lookup_finds_codes_with_lower_case() {
    let missed: Vec<String> = AnyChatError::all()
        .flat_map(|e| spellings(e).into_iter().map(move |s| (e, s)))
        .filter(|(e, s)| !lookup_lenient(s).any(|m| m == *e))
        .map(|(e, s)| format!("{}: {s}", e.table()))
        .collect();
    assert!(missed.is_empty(), "lookup_lenient misses {missed:?}");
}

/// `AnyChatError`'s deserializer takes a string it cannot borrow (one with escapes) only if it
/// is a code string, a name or an alias of the catalog, so the decimal code of an integer entry
/// fails once escaped: `{"table":"agora_chat","code":"\u0036\u00305"}` is rejected while
/// `{"table":"agora_chat","code":"605"}` is accepted.
#[test]
fn any_chat_error_accepts_escaped_decimal_codes() {
    let failing: Vec<String> = AnyChatError::all()
        .filter(|e| e.table().has_integer_codes())
        .filter_map(|e| {
            let code = e.code().to_string();
            let json = format!(
                r#"{{"table":{},"code":{}}}"#,
                js(e.table().as_str()),
                escaped(&code)
            );
            serde_json::from_str::<AnyChatError>(&json)
                .err()
                .map(|err| format!("{json}: {err}"))
        })
        .collect();
    assert!(
        failing.is_empty(),
        "{} rejected, e.g. {:?}",
        failing.len(),
        failing.first()
    );
}

/// A `details`/`data` of JSON `null` is kept as sent and written back.
/// (A `"message": null` reads as no message and is not written back.)
#[test]
fn null_details_are_kept_on_reserialization() {
    for input in [
        r#"{"error":{"code":"ERR_X","details":null}}"#,
        r#"{"type":4242,"data":null}"#,
        r#"{"code":4242,"details":null}"#,
    ] {
        let p = payload::parse(input).unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), input);
    }
}
