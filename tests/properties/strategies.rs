//! Strategies.

use chat_error_codes::{AnyChatError, Table, resolve::RawCode};
use proptest::prelude::*;
use proptest::sample::select;

use crate::TABLES;
use crate::support::{all_entries, js, spellings};

pub fn known() -> impl Strategy<Value = AnyChatError> {
    select(all_entries())
}

/// One of the spellings of a known entry (code, name, alias).
pub fn known_spelling() -> impl Strategy<Value = (AnyChatError, String)> {
    known().prop_flat_map(|e| (Just(e), select(spellings(e))))
}

/// A known code with one character replaced, inserted or removed.
pub fn mutated() -> impl Strategy<Value = String> {
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
pub fn input() -> impl Strategy<Value = String> {
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
pub fn ascii_ws() -> impl Strategy<Value = String> {
    "[ \t\r\n\x0b\x0c]{0,4}"
}

pub fn random_case(s: &str, mask: &[bool]) -> String {
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
pub fn json_value() -> impl Strategy<Value = serde_json::Value> {
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
pub fn details_text() -> impl Strategy<Value = String> {
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

pub fn raw_code_strategy() -> impl Strategy<Value = RawCode<'static>> {
    prop_oneof![
        any::<String>().prop_map(RawCode::from),
        any::<i64>().prop_map(RawCode::Int),
        "ERR_[A-Z_]{1,20}".prop_map(RawCode::from),
        (-1000..100_000i64).prop_map(RawCode::Int),
        (0..1000i64).prop_map(|n| RawCode::from(n.to_string())),
    ]
}

pub fn table() -> impl Strategy<Value = Table> {
    select(TABLES.to_vec())
}

/// A payload-like JSON object: vendor keys with arbitrary values, optionally mangled.
pub fn payloadish() -> impl Strategy<Value = String> {
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
