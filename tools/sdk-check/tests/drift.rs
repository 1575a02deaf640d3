//! Drift detection: codes the SDK has and the catalog lacks (added), catalog entries from the
//! SDK that the SDK no longer has (removed), entries whose facts differ from the SDK's (name by
//! number, retryable flag, source), on small hand-made catalogs and on the real one.

use chat_error_codes::Table;
use sdk_check::Found;
use sdk_check::drift::{Compare, Differs, Drift, Entry, Missing, catalog, drift};
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
        retryable: None,
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
        js_names: Vec::new(),
        from_sdk,
        sdk_codes: Vec::new(),
        retryable: None,
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
    let d = drift(&sdk, &catalog, Compare::Names);
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
    let d = drift(
        &[found("ERR_STILL_THERE", None, Use::Unused)],
        &catalog,
        Compare::Names,
    );
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
    let d = drift(&sdk, &catalog, Compare::Names);
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
        Compare::Names,
    );
    assert!(d.is_empty(), "{d:?}");
    let d = drift(
        &[found("WIDGET_NOT_READY", Some(401), Use::Used)],
        &[login],
        Compare::Names,
    );
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
    let d = drift(&sdk, &catalog, Compare::Names);
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
    let d = drift(&[unused, declared], &[], Compare::Names);
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
        retryable: Some(true),
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
    // By number: the member's name, or a map entry's `name` with its flag.
    assert_eq!(
        code(CodeFrom::Number, Lit::Num(800998), None),
        ok("WIDGET_M", Some(800998), false)
    );
    assert!(code(CodeFrom::Number, s("800998"), None).is_err());
    assert_eq!(
        code(CodeFrom::Key, Lit::Num(-1), Some("WidgetError")),
        ok("WidgetError", Some(-1), false)
    );
    let flag = CodeFrom::Key.found(m(Lit::Num(-1), Some("WidgetError")));
    assert_eq!(flag.map(|f| f.retryable), Ok(Some(true)));
    assert!(code(CodeFrom::Key, Lit::Num(7), None).is_err(), "no name");
    assert!(code(CodeFrom::Key, s("seven"), Some("WidgetError")).is_err());
    let no_flag = Match {
        retryable: None,
        ..m(Lit::Num(7), Some("WidgetError"))
    };
    let err = CodeFrom::Key.found(no_flag).unwrap_err();
    assert_eq!(err, "G.K: no `retryable` flag");
    assert_eq!(CodeFrom::Number.compare(), Compare::Numbers);
    assert_eq!(CodeFrom::Key.compare(), Compare::Numbers);
    assert_eq!(CodeFrom::MemberAndNumber.compare(), Compare::Names);
}

fn differs(d: &Drift) -> Vec<(String, Differs)> {
    d.differ
        .iter()
        .map(|m| (m.entry.clone(), m.differs.clone()))
        .collect()
}

#[test]
fn by_number_codes_are_added_and_removed_by_number_alone() {
    let catalog = [
        entry(Some(400108), &["WIDGET_OK", "WIDGET_DOC_NAME"], true),
        entry(Some(800101), &["WIDGET_GONE"], true),
        entry(Some(800102), &["WIDGET_FLUTTER_ONLY"], false),
    ];
    let sdk = [
        found("WIDGET_OK", Some(400108), Use::Declared),
        found("WIDGET_NEW", Some(800998), Use::Declared),
    ];
    let d = drift(&sdk, &catalog, Compare::Numbers);
    assert_eq!(codes(&d.missing), ["800998 WIDGET_NEW"]);
    // One line per entry, not per name: the alias is not reported gone.
    assert_eq!(d.gone, ["800101 WIDGET_GONE"]);
    assert!(d.differ.is_empty(), "{:?}", d.differ);
    // By name, the same SDK is drift: the alias was not found.
    let by_names = drift(&sdk, &catalog, Compare::Names);
    assert_eq!(
        by_names.gone,
        ["400108 WIDGET_DOC_NAME", "800101 WIDGET_GONE"]
    );
}

#[test]
fn by_number_a_name_the_entry_lacks_is_reported_unless_alias_or_js_name() {
    let mut renamed = entry(Some(800101), &["WIDGET_CATALOG", "WIDGET_ALIAS"], true);
    renamed.js_names = vec!["widgetJs"];
    let catalog = [renamed];
    for accepted in ["WIDGET_CATALOG", "WIDGET_ALIAS", "widgetJs"] {
        let d = drift(
            &[found(accepted, Some(800101), Use::Declared)],
            &catalog,
            Compare::Numbers,
        );
        assert!(d.is_empty(), "{accepted}: {d:?}");
    }
    let d = drift(
        &[found("WIDGET_RENAMED", Some(800101), Use::Declared)],
        &catalog,
        Compare::Numbers,
    );
    assert!(d.missing.is_empty() && d.gone.is_empty());
    assert_eq!(
        differs(&d),
        [(
            "800101 WIDGET_CATALOG".to_owned(),
            Differs::Name("WIDGET_RENAMED".into())
        )]
    );
    assert_eq!(
        d.differ[0].to_string(),
        r#"800101 WIDGET_CATALOG: the SDK names it WIDGET_RENAMED (at GROUP.WIDGET_RENAMED), which is not its name, an alias or its "js" platform name"#
    );
}

#[test]
fn retryable_flags_are_compared_with_the_catalog() {
    let mut flagged = entry(Some(45), &["WidgetCallError"], true);
    flagged.retryable = Some(true);
    let unflagged = entry(Some(5), &["widgetAuth"], false);
    let with = |code: &str, n: i64, r: bool| Found {
        retryable: Some(r),
        ..found(code, Some(n), Use::Used)
    };
    let sdk = [
        with("WidgetCallError", 45, false),
        with("widgetAuth", 5, true),
    ];
    let d = drift(&sdk, &[flagged.clone(), unflagged], Compare::Numbers);
    assert_eq!(
        differs(&d),
        [
            (
                "5 widgetAuth".to_owned(),
                Differs::Retryable {
                    sdk: true,
                    catalog: None
                }
            ),
            ("5 widgetAuth".to_owned(), Differs::Unsourced),
            (
                "45 WidgetCallError".to_owned(),
                Differs::Retryable {
                    sdk: false,
                    catalog: Some(true)
                }
            ),
        ]
    );
    assert_eq!(
        d.differ[2].to_string(),
        "45 WidgetCallError: retryable is false in the SDK (at GROUP.WidgetCallError), true in the catalog"
    );
    // The same flag: nothing to report; a code found without a flag compares none.
    let same = drift(
        &[with("WidgetCallError", 45, true)],
        &[flagged.clone()],
        Compare::Numbers,
    );
    assert!(same.is_empty(), "{same:?}");
    let unflagged_found = found("WidgetCallError", Some(45), Use::Used);
    assert!(drift(&[unflagged_found], &[flagged], Compare::Numbers).is_empty());
}

#[test]
fn a_code_the_sdk_has_needs_the_package_among_its_sources() {
    let catalog = [entry(None, &["ERR_DOCS_ONLY"], false)];
    let d = drift(
        &[found("ERR_DOCS_ONLY", None, Use::Used)],
        &catalog,
        Compare::Names,
    );
    assert_eq!(
        differs(&d),
        [("ERR_DOCS_ONLY".to_owned(), Differs::Unsourced)]
    );
    assert_eq!(
        d.differ[0].to_string(),
        "ERR_DOCS_ONLY: the SDK has it (at GROUP.ERR_DOCS_ONLY), but its sources do not name the package"
    );
}

#[test]
fn the_real_catalog_is_read_with_numbers_aliases_and_sdk_codes() {
    let agora = catalog(Table::AgoraChat, &["sdk"]);
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
    let sdk = catalog(Table::CometChatSdk, &["sdk"]);
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
    let d = drift(&sdk_found, &sdk, Compare::Names);
    assert_eq!(codes(&d.missing), ["ERR_WIDGET_NEVER_SEEN"]);
    assert!(
        d.gone.contains(&"INVALID_{param}".to_owned()),
        "nothing else was found"
    );
}

#[test]
fn the_real_stream_and_sendbird_tables_are_read_per_source() {
    let at = |entries: &[Entry], n: i64| entries.iter().find(|e| e.number == Some(n)).cloned();
    let stream = catalog(Table::StreamChat, &["js"]);
    let call = at(&stream, 45).unwrap();
    assert_eq!(
        (call.retryable, call.from_sdk, call.js_names.as_slice()),
        (Some(true), true, &["CustomCommandEndpointCallError"][..])
    );
    // From the Flutter SDK, not from the JS package the rule reads.
    let token = at(&stream, 1000).unwrap();
    assert_eq!((token.from_sdk, token.retryable), (false, None));
    let sendbird = catalog(Table::SendbirdChat, &["js"]);
    let auth = at(&sendbird, 400108).unwrap();
    assert_eq!(auth.names, ["NON_AUTHORIZED", "UNAUTHORIZED_REQUEST"]);
    assert!(auth.from_sdk);
    assert!(
        !at(&sendbird, 400100).unwrap().from_sdk,
        "Flutter and Unity only"
    );
}
