//! Lookups: `UnknownCode`, known-code round trips, strict and lenient matching, numbers.

use chat_error_codes::payload;
use chat_error_codes::{
    AnyChatError, Code, ErrorInfo, Table, UnknownCode, agora, cometchat, genesys, lookup,
    lookup_lenient, lookup_number,
    resolve::{self, RawCode, Resolution},
};
use proptest::prelude::*;

use crate::strategies::{ascii_ws, known, known_spelling, random_case, table};
use crate::support::{check_unknown_code, escaped, is_spelling, js, key, raw_code, spellings};
use crate::tables::{EnumVisitor, TableEnum, for_enum_of};
use crate::{CHEAP, TABLES, config};

proptest! {
    #![proptest_config(config(CHEAP))]

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
        struct Parse<'s>(&'s str, Option<UnknownCode>);
        impl EnumVisitor for Parse<'_> {
            fn visit<E: TableEnum>(&mut self) {
                self.1 = self.0.parse::<E>().err();
            }
        }
        let mut parse = Parse(&s, None);
        for_enum_of(t, &mut parse);
        check(parse.1);
    }

    /// Every known code round-trips through the lookups, `FromStr`, serde (plain and fully
    /// escaped) and resolution.
    #[test]
    fn every_known_code_round_trips(e in known()) {
        let code = key(e);
        prop_assert!(lookup(&code).any(|m| m == e));
        prop_assert_eq!(e.table().lookup(&code), Some(e));
        prop_assert_eq!(AnyChatError::from_table(e.table(), &code), Some(e));
        prop_assert_eq!(resolve::code(e.table(), &code), Resolution::Known(e));
        prop_assert_eq!(resolve::raw(e.table(), raw_code(e)), Resolution::Known(e));
        for spelling in spellings(e) {
            prop_assert_eq!(e.table().lookup(&spelling), Some(e));
        }
        if let Code::Int(n) = e.code() {
            prop_assert!(lookup_number(n.into()).any(|m| m == e));
            prop_assert_eq!(e.table().lookup_number(n.into()), Some(e));
            prop_assert_eq!(resolve::number(e.table(), n.into()), Resolution::Known(e));
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
        struct Typed<'c>(AnyChatError, &'c str, Result<(), TestCaseError>);
        impl EnumVisitor for Typed<'_> {
            fn visit<E: TableEnum>(&mut self) {
                if let Some(x) = E::from_any(self.0) {
                    self.2 = typed(x, self.1);
                }
            }
        }
        let mut each = Typed(e, &code, Ok(()));
        for_enum_of(e.table(), &mut each);
        each.2?;
        let json = serde_json::to_string(&e).unwrap();
        prop_assert_eq!(serde_json::from_str::<AnyChatError>(&json).unwrap(), e);
        // Fully escaped, a string the input cannot lend (decimal codes excepted: see
        // `known_issue_escaped_decimal_codes_are_rejected_by_any_chat_error`).
        let name = if e.table().has_integer_codes() { e.name().to_string() } else { key(e) };
        let escaped_json = format!(r#"{{"table":{},"code":{}}}"#, js(e.table().as_str()), escaped(&name));
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
            prop_assert!(resolve::code(e.table(), &wrapped).is_unrecognized());
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
        // Every spelling of the letters: the upper-case one and, for the vendors that send lower
        // case (Agora REST), the lower-case one.
        let mut expected: Vec<AnyChatError> = lookup(&s).collect();
        expected.extend(lookup(&s.to_ascii_lowercase()).filter(|m| !lookup(&s).any(|x| x == *m)));
        prop_assert_eq!(lookup_lenient(&typed).count(), expected.len());
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
        for &table in TABLES {
            let r = resolve::number(table, n);
            prop_assert_eq!(r.table(), table);
            prop_assert_eq!(table.lookup_number(n), found.iter().copied().find(|e| e.table() == table));
            match &r {
                Resolution::Known(e) => prop_assert!(found.contains(e)),
                Resolution::Range { code, section, .. } => {
                    prop_assert_eq!(table.section_of(n), Some(*section));
                    prop_assert_eq!(*code, n);
                    prop_assert!(section.contains(n));
                }
                Resolution::Unrecognized(u) => {
                    prop_assert_eq!(u.code(), &RawCode::Int(n));
                    prop_assert!(!found.iter().any(|e| e.table() == table));
                }
                Resolution::Pattern { .. } => prop_assert!(false, "a number matched a pattern"),
                other => prop_assert!(false, "a number resolved to {:?}", other),
            }
            // The decimal string resolves the same way in integer tables.
            let by_string = resolve::code(table, &decimal);
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
        prop_assert_eq!(p.resolution(), &resolve::number(Table::AgoraChat, n));
        let p = payload::parse_genesys(&genesys_body).unwrap();
        prop_assert_eq!(p.resolution(), &resolve::number(Table::GenesysChat, n));
        let p = payload::parse_rest(&rest_body).unwrap();
        prop_assert!(p.resolution().is_unrecognized());
        let stream_body = format!(r#"{{"code":{n},"StatusCode":400}}"#);
        let p = payload::parse_stream(&stream_body).unwrap();
        prop_assert_eq!(p.resolution(), &resolve::number(Table::StreamChat, n));
        let sendbird_body = format!(r#"{{"error":true,"code":{n}}}"#);
        let p = payload::parse_sendbird(&sendbird_body).unwrap();
        prop_assert_eq!(p.resolution(), &resolve::number(Table::SendbirdChat, n));
        let p = payload::parse_exception(&genesys_body).unwrap();
        prop_assert!(p.resolution().is_unrecognized());
    }
}

// Regression for a misbehaviour the properties found in the library (fixed).

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
