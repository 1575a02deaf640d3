//! serde: `Unrecognized` and `RawCode` round trips, arbitrary JSON into every deserializer,
//! escaped codes into `AnyChatError`.

use chat_error_codes::{
    AnyChatError, ErrorInfo,
    resolve::{RawCode, Unrecognized},
};
use proptest::prelude::*;

use crate::exercise::{PARSERS, check_payload};
use crate::strategies::{json_value, raw_code_strategy, table};
use crate::support::{escaped, js};
use crate::tables::{EnumVisitor, TableEnum, for_every_enum};
use crate::{PAYLOADS, config};

proptest! {
    #![proptest_config(config(PAYLOADS))]

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
        struct Each<'t>(&'t str, Result<(), TestCaseError>);
        impl EnumVisitor for Each<'_> {
            fn visit<E: TableEnum>(&mut self) {
                if self.1.is_ok() {
                    self.1 = check::<E>(self.0);
                }
            }
        }
        let mut each = Each(&text, Ok(()));
        for_every_enum(&mut each);
        each.1?;
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

// Regression for a misbehaviour the properties found in the library (fixed).

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
