//! Drift detection: codes the SDK has and the catalog lacks (added), catalog entries from the
//! SDK that the SDK no longer has (removed), on small hand-made catalogs and on the real one.

use chat_error_codes::Table;
use sdk_check::Found;
use sdk_check::drift::{Entry, Missing, catalog, drift};
use sdk_check::extract::{Match, Use};
use sdk_check::js::Lit;
use sdk_check::rules::CodeFrom;

fn found(code: &str, number: Option<i64>, used: Use) -> Found {
    let (code, origin) = (code.to_owned(), format!("GROUP.{code}"));
    Found {
        code,
        number,
        origin,
        text: None,
        used,
        built: false,
    }
}

fn built(code: &str) -> Found {
    Found {
        built: true,
        ..found(code, None, Use::Used)
    }
}

fn entry(number: Option<i64>, names: &[&'static str], from_sdk: bool) -> Entry {
    Entry {
        number,
        names: names.to_vec(),
        from_sdk,
        sdk_codes: Vec::new(),
    }
}

fn codes(missing: &[Missing]) -> Vec<String> {
    missing
        .iter()
        .map(|m| m.number.map_or(String::new(), |n| format!("{n} ")) + &m.code)
        .collect()
}

#[test]
fn added_codes_are_reported_with_how_the_sdk_uses_them() {
    let catalog = [entry(None, &["ERR_KNOWN"], true)];
    let sdk = [
        found("ERR_KNOWN", None, Use::Used),
        found("ERR_NEW", None, Use::Used),
        found("ERR_SPARE", None, Use::Unused),
    ];
    let d = drift(&sdk, &catalog);
    assert_eq!(codes(&d.missing), ["ERR_NEW", "ERR_SPARE"]);
    assert!(d.gone.is_empty());
    assert!(!d.is_empty());
    let spare = d.missing[1].to_string();
    assert_eq!(spare, "ERR_SPARE (defined, not raised) at GROUP.ERR_SPARE");
}

#[test]
fn removed_codes_are_reported_only_for_entries_from_the_sdk() {
    let catalog = [
        entry(None, &["ERR_STILL_THERE"], true),
        entry(None, &["ERR_DROPPED"], true),
        entry(None, &["ERR_DOCS_ONLY"], false),
    ];
    let d = drift(&[found("ERR_STILL_THERE", None, Use::Unused)], &catalog);
    assert!(d.missing.is_empty());
    assert_eq!(d.gone, ["ERR_DROPPED"]);
}

#[test]
fn integer_tables_compare_number_and_every_name() {
    let catalog = [
        entry(Some(0), &["WIDGET_OK", "WIDGET_ALIAS"], true),
        entry(Some(7), &["WIDGET_SPARE"], true),
    ];
    let sdk = [
        found("WIDGET_OK", Some(0), Use::Declared),
        found("WIDGET_SPARE", Some(8), Use::Unused), // renumbered
        found("WIDGET_NEW", Some(9), Use::Unused),
    ];
    let d = drift(&sdk, &catalog);
    assert_eq!(codes(&d.missing), ["8 WIDGET_SPARE", "9 WIDGET_NEW"]);
    assert_eq!(d.gone, ["0 WIDGET_ALIAS", "7 WIDGET_SPARE"]);
}

#[test]
fn numeric_codes_in_string_tables_need_the_number_in_sdk_codes() {
    let mut login = entry(None, &["WIDGET_NOT_READY"], true);
    login.sdk_codes = vec![-1];
    let d = drift(
        &[found("WIDGET_NOT_READY", Some(-1), Use::Used)],
        &[login.clone()],
    );
    assert!(d.is_empty(), "{d:?}");
    let d = drift(&[found("WIDGET_NOT_READY", Some(401), Use::Used)], &[login]);
    assert_eq!(codes(&d.missing), ["401 WIDGET_NOT_READY"]);
}

#[test]
fn patterns_cover_built_codes_but_not_constants() {
    let catalog = [entry(None, &["INVALID_{param}"], true)];
    let sdk = [
        found("INVALID_{param}", None, Use::Used),
        built("INVALID_UID"),
        built("INVALID_"),
        found("INVALID_WIDGET_REQUEST", None, Use::Unused),
    ];
    let d = drift(&sdk, &catalog);
    assert_eq!(codes(&d.missing), ["INVALID_", "INVALID_WIDGET_REQUEST"]);
}

#[test]
fn a_code_found_twice_is_listed_once_with_its_strongest_use() {
    let declared = Found {
        text: Some("Doc.".into()),
        ..found("WIDGET_X", Some(3), Use::Declared)
    };
    let unused = Found {
        origin: "Code.WIDGET_X".into(),
        ..found("WIDGET_X", Some(3), Use::Unused)
    };
    let d = drift(&[unused, declared], &[]);
    assert_eq!(d.missing.len(), 1);
    assert_eq!(
        d.missing[0].to_string(),
        r#"3 WIDGET_X (declared) at GROUP.WIDGET_X: "Doc.""#
    );
}

#[test]
fn matches_become_codes_as_the_rule_says() {
    let m = |value: Lit, name: Option<&str>| Match {
        origin: "G.K".into(),
        member: "WIDGET_M".into(),
        value,
        name: name.map(str::to_owned),
        text: None,
        used: Use::Unused,
    };
    let code = |from: CodeFrom, value: Lit, name: Option<&str>| {
        from.found(m(value, name))
            .map(|f| (f.code, f.number, f.built))
    };
    let s = |s: &str| Lit::Str(s.to_owned());
    let ok = |c: &str, n: Option<i64>, b: bool| Ok((c.to_owned(), n, b));
    assert_eq!(
        code(CodeFrom::MemberAndNumber, Lit::Num(7), None),
        ok("WIDGET_M", Some(7), false)
    );
    assert!(code(CodeFrom::MemberAndNumber, s("seven"), None).is_err());
    assert_eq!(
        code(CodeFrom::StringValue, s("ERR_%s_X"), None),
        ok("ERR_{param}_X", None, false)
    );
    assert!(code(CodeFrom::StringValue, Lit::Num(1), None).is_err());
    assert_eq!(
        code(CodeFrom::CodeOrName, s("ERR_A"), None),
        ok("ERR_A", None, false)
    );
    let named = |n: Lit| code(CodeFrom::CodeOrName, n, Some("%s_DATA"));
    assert_eq!(named(s("-1")), ok("{param}_DATA", Some(-1), false));
    assert_eq!(named(Lit::Num(401)), ok("{param}_DATA", Some(401), false));
    assert!(code(CodeFrom::CodeOrName, Lit::Num(401), None).is_err());
    assert_eq!(
        code(CodeFrom::Built, s("INVALID_UID"), None),
        ok("INVALID_UID", None, true)
    );
}

#[test]
fn the_real_catalog_is_read_with_numbers_aliases_and_sdk_codes() {
    let agora = catalog(Table::AgoraChat);
    let group = agora
        .iter()
        .find(|e| e.names == ["GROUP_NOT_EXIST"])
        .unwrap();
    assert_eq!((group.number, group.from_sdk), (Some(605), true));
    assert!(
        agora
            .iter()
            .any(|e| e.number == Some(0) && e.names.len() == 2),
        "0 has an alias"
    );
    let sdk = catalog(Table::CometChatSdk);
    let login = sdk.iter().find(|e| e.names == ["WS_AUTH_FAIL"]).unwrap();
    assert_eq!(
        (login.number, login.sdk_codes.as_slice()),
        (None, &[-1][..])
    );
    // Codes the catalog has from the SDK are not drift; an unknown one is.
    let sdk_found = [
        found("WS_AUTH_FAIL", Some(-1), Use::Used),
        built("INVALID_WIDGET_COLOUR"),
        found("ERR_WIDGET_NEVER_SEEN", None, Use::Unused),
    ];
    let d = drift(&sdk_found, &sdk);
    assert_eq!(codes(&d.missing), ["ERR_WIDGET_NEVER_SEEN"]);
    assert!(
        d.gone.contains(&"INVALID_{param}".to_owned()),
        "nothing else was found"
    );
}
