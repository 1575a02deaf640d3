//! The rule table and the binary on a synthetic `node_modules`: each package of
//! [`RULES`] is a folder holding trimmed, hand-written files shaped like the SDK's (invented
//! widget codes next to a few real catalog codes and names; no SDK code is copied here).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chat_error_codes::Table;
use sdk_check::rules::{CodeFrom, RULES, Rule};
use sdk_check::{TableReport, Version, check, run_rule};

const AGORA_DTS: &str = r#"
declare enum Code {
	/** No error. */
	REQUEST_SUCCESS = 0,
	/** The group does not exist. */
	GROUP_NOT_EXIST = 605,
	/** A widget code. */
	WIDGET_DECLARED = 9001,
}
export default Code;
"#;

const AGORA_TYPINGS: &str = r#"
declare namespace AgoraChat {
	/**
	 * Codes of the widget SDK.
	 */
	enum Code {
		/** No error. */
		REQUEST_SUCCESS = 0,
		/** get widgets failed */
		WIDGET_TYPED = 9004, // trailing remark
	}
}
"#;

const AGORA_JS: &str = concat!(
    r#"!function(e){e[e.REQUEST_SUCCESS=0]="REQUEST_SUCCESS",e[e.GROUP_NOT_EXIST=605]="#,
    r#""GROUP_NOT_EXIST",e[e.WIDGET_DECLARED=9001]="WIDGET_DECLARED",e[e.WIDGET_RAISED=9002]="#,
    r#""WIDGET_RAISED",e[e.WIDGET_SPARE=9003]="WIDGET_SPARE"}(n||(n={}));"#,
    r#"function f(t){t.onError({type:s.C.WIDGET_RAISED,message:"m"})}"#,
);

const COMETCHAT_JS: &str = concat!(
    r#"t.CALL_ERROR={NOT_LOGGED_IN:{code:"NOT_LOGGED_IN",name:"NOT_LOGGED_IN","#,
    r#"message:"Log in first.",details:{}}},t.WIDGET_ERROR={SPARE:{code:"ERR_WIDGET_SPARE","#,
    r#"name:"ERR_WIDGET_SPARE",message:"A spare widget code.",details:{}}},"#,
    r#"t.GENERAL_ERROR={MUST_BE_A_STRING:{code:"INVALID_%s",name:"INVALID_%s","#,
    r#"message:"%s should be a string.",details:{}}},t.Errors={ERR_NO_AUTH:"ERR_NO_AUTH","#,
    r#"ERROR_WIDGET_LOST:"ERROR_WIDGET_LOST",ERROR_WIDGET_LOST_MESSAGE:"Lost widget"};"#,
    r#"function c(){if(!x)throw K.CALL_ERROR.NOT_LOGGED_IN;if(n===K.Errors.ERR_NO_AUTH)r();"#,
    r#"w.format(JSON.stringify(K.GENERAL_ERROR.MUST_BE_A_STRING),"WIDGET_ID","WIDGET_ID")}"#,
    r#"l.NON_RETRYABLE_PRESIGN_CODES=["ERR_PERMISSION_DENIED","ERR_WIDGET_QUOTA"],"#,
    r#"l.retry=function(e){return l.NON_RETRYABLE_PRESIGN_CODES.includes(e)};"#,
);

const STREAM_JS: &str = r#"
// A widget bundle: the map of API codes, one number taken over from the catalog per case.
var APIErrorCodes = {
  "-1": { name: "InternalSystemError", retryable: true },
  "4": { name: "InputError", retryable: true },
  "5": { name: "WidgetAuthError", retryable: false },
  "9001": { name: "WidgetQuotaError", retryable: true }
};
function isWidgetRetryable(error) {
  const err = APIErrorCodes[`${error.code}`];
  return err ? err.retryable : false;
}
"#;

const SENDBIRD_DTS: &str = r#"
export declare enum SendbirdErrorCode {
  UNAUTHORIZED_REQUEST = 400108,
  INVALID_TOKEN = 400111,
  CONNECTION_WIDGET_REQUIRED = 800101,
  /** A widget code. */
  WIDGET_SPARE = 800998,
}
"#;

const ZEGO_DTS: &str = r#"
export declare enum ZIMErrorCode {
    /** Success without exception. */
    Success = 0,
    CommonModuleParamsInvalid = 6000001,
    /** A widget code. */
    WidgetModuleSpare = 6000998
}
"#;

const ABLY_CHAT_DTS: &str = r#"
export declare enum ErrorCode {
    /**
     * The request was invalid.
     */
    BadRequest = 40000,
    RoomDiscontinuity = 102100,
    /** A widget code. */
    WidgetSpare = 102998
}
"#;

/// The synthetic files: package, file, text.
const FILES: [(&str, &str, &str); 8] = [
    ("agora-chat", "status.d.ts", AGORA_DTS),
    ("agora-chat", "Agora-chat.d.ts", AGORA_TYPINGS),
    ("agora-chat", "Agora-chat.js", AGORA_JS),
    (
        "@cometchat/chat-sdk-javascript",
        "CometChat.js",
        COMETCHAT_JS,
    ),
    ("stream-chat", "dist/esm/index.mjs", STREAM_JS),
    ("@sendbird/chat", "lib/__definition.d.ts", SENDBIRD_DTS),
    ("zego-zim-web", "entity/ZIMErrorCode.d.ts", ZEGO_DTS),
    ("@ably/chat", "dist/core/errors.d.ts", ABLY_CHAT_DTS),
];

/// What each rule must find in the synthetic files, by package, file and scan.
fn expected(rule: &Rule) -> &'static [&'static str] {
    let scan = rule.scan.to_string();
    match (rule.package, rule.file, scan.as_str()) {
        (_, "status.d.ts", _) => &["REQUEST_SUCCESS", "GROUP_NOT_EXIST", "WIDGET_DECLARED"],
        (_, "Agora-chat.d.ts", _) => &["REQUEST_SUCCESS", "WIDGET_TYPED"],
        (_, "Agora-chat.js", _) => &[
            "REQUEST_SUCCESS",
            "GROUP_NOT_EXIST",
            "WIDGET_DECLARED",
            "WIDGET_RAISED",
            "WIDGET_SPARE",
        ],
        (_, _, "error objects {code:…}") => {
            &["NOT_LOGGED_IN", "ERR_WIDGET_SPARE", "INVALID_{param}"]
        }
        (_, _, "string constants of groups named *error*") => &["ERR_NO_AUTH", "ERROR_WIDGET_LOST"],
        (_, _, "list NON_RETRYABLE_PRESIGN_CODES") => {
            &["ERR_PERMISSION_DENIED", "ERR_WIDGET_QUOTA"]
        }
        (_, _, "codes built at format() call sites") => &["INVALID_WIDGET_ID"],
        ("stream-chat", _, "map APIErrorCodes") => &[
            "InternalSystemError",
            "InputError",
            "WidgetAuthError",
            "WidgetQuotaError",
        ],
        ("@sendbird/chat", _, "enum SendbirdErrorCode") => &[
            "UNAUTHORIZED_REQUEST",
            "INVALID_TOKEN",
            "CONNECTION_WIDGET_REQUIRED",
            "WIDGET_SPARE",
        ],
        ("zego-zim-web", _, "enum ZIMErrorCode") => {
            &["Success", "CommonModuleParamsInvalid", "WidgetModuleSpare"]
        }
        ("@ably/chat", _, "enum ErrorCode") => &["BadRequest", "RoomDiscontinuity", "WidgetSpare"],
        _ => panic!("no synthetic snippet for {rule:?}: add one to FILES and to expected()"),
    }
}

/// A fresh `node_modules` in the target's temporary folder, with the synthetic packages.
fn node_modules(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(name)
        .join("node_modules");
    let _ = std::fs::remove_dir_all(&dir);
    for (package, file, text) in FILES {
        let (folder, path) = (dir.join(package), dir.join(package).join(file));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        let json = format!(r#"{{"name":"{package}","version":"0.0.0-synthetic"}}"#);
        std::fs::write(folder.join("package.json"), json).unwrap();
    }
    dir
}

fn sdk_check(dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sdk-check"))
        .arg(dir)
        .output()
        .unwrap()
}

#[test]
fn every_rule_of_the_table_finds_its_codes() {
    let dir = node_modules("every-rule");
    for rule in RULES {
        let result = run_rule(&dir, rule).unwrap();
        let codes: Vec<&str> = result.found.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, expected(rule), "{rule:?}");
        assert!(result.unread.is_empty(), "{rule:?}: {:?}", result.unread);
    }
}

#[test]
fn check_compares_each_table_with_the_catalog() {
    let dir = node_modules("check");
    let reports = check(&dir, RULES).unwrap();
    let tables: Vec<&str> = reports.iter().map(|r| r.table.as_str()).collect();
    assert_eq!(
        tables,
        [
            "agora_chat",
            "cometchat_sdk",
            "stream_chat",
            "sendbird_chat",
            "zego_zim",
            "ably"
        ]
    );
    let missing = |t: usize| {
        reports[t]
            .drift
            .missing
            .iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        missing(0),
        [
            r#"9001 WIDGET_DECLARED (declared) at Code.WIDGET_DECLARED: "A widget code.""#,
            "9002 WIDGET_RAISED (raised) at Code.WIDGET_RAISED",
            "9003 WIDGET_SPARE (defined, not raised) at Code.WIDGET_SPARE",
            r#"9004 WIDGET_TYPED (declared) at Code.WIDGET_TYPED: "get widgets failed""#,
        ]
    );
    assert_eq!(
        missing(1),
        [
            r#"ERROR_WIDGET_LOST (defined, not raised) at Errors.ERROR_WIDGET_LOST: "Lost widget""#,
            r#"ERR_WIDGET_QUOTA (raised) at NON_RETRYABLE_PRESIGN_CODES"#,
            r#"ERR_WIDGET_SPARE (defined, not raised) at WIDGET_ERROR.SPARE: "A spare widget code.""#,
        ]
    );
    // The synthetic SDK lacks most of the catalog's SDK entries: all of them are reported.
    let gone = &reports[0].drift.gone;
    assert!(
        gone.contains(&"606 GROUP_MEMBERS_FULL".to_owned()),
        "{gone:?}"
    );
    assert!(
        !gone.contains(&"605 GROUP_NOT_EXIST".to_owned()),
        "{gone:?}"
    );
    let gone = &reports[1].drift.gone;
    assert!(gone.contains(&"WS_AUTH_FAIL".to_owned()) && !gone.contains(&"ERR_NO_AUTH".to_owned()));
    let version = &reports[1].versions[0];
    assert_eq!(
        version.installed,
        "@cometchat/chat-sdk-javascript 0.0.0-synthetic"
    );
}

fn differ(report: &TableReport) -> Vec<String> {
    report.drift.differ.iter().map(|d| d.to_string()).collect()
}

#[test]
fn stream_is_compared_by_number_with_its_retryable_flags() {
    let reports = check(&node_modules("stream"), RULES).unwrap();
    let stream = &reports[2];
    assert_eq!(stream.table, Table::StreamChat);
    let missing: Vec<String> = stream.drift.missing.iter().map(|m| m.to_string()).collect();
    assert_eq!(
        missing,
        ["9001 WidgetQuotaError (raised) at APIErrorCodes[9001]"]
    );
    assert_eq!(
        differ(stream),
        [
            "4 InputError: retryable is true in the SDK (at APIErrorCodes[4]), false in the catalog",
            r#"5 authenticationError: the SDK names it WidgetAuthError (at APIErrorCodes[5]), which is not its name, an alias or its "js" platform name"#,
            "5 authenticationError: retryable is false in the SDK (at APIErrorCodes[5]), none in the catalog",
            "5 authenticationError: the SDK has it (at APIErrorCodes[5]), but its sources do not name the package",
        ]
    );
    // Gone: entries from the JS package only; Flutter's 1000 and the docs' 73 are not expected.
    let gone = &stream.drift.gone;
    assert!(gone.contains(&"2 AccessKeyError".to_owned()), "{gone:?}");
    for kept in [
        "-1 InternalSystemError",
        "4 InputError",
        "1000 undefinedToken",
    ] {
        assert!(!gone.contains(&kept.to_owned()), "{kept}: {gone:?}");
    }
    assert!(gone.iter().all(|g| !g.starts_with("73 ")), "{gone:?}");
}

#[test]
fn sendbird_is_compared_by_number_and_accepts_aliases_as_names() {
    let reports = check(&node_modules("sendbird"), RULES).unwrap();
    let sendbird = &reports[3];
    assert_eq!(sendbird.table, Table::SendbirdChat);
    let missing: Vec<String> = sendbird
        .drift
        .missing
        .iter()
        .map(|m| m.to_string())
        .collect();
    assert_eq!(
        missing,
        [r#"800998 WIDGET_SPARE (declared) at SendbirdErrorCode.WIDGET_SPARE: "A widget code.""#]
    );
    // UNAUTHORIZED_REQUEST is an alias of 400108 NON_AUTHORIZED: not a mismatch.
    assert_eq!(
        differ(sendbird),
        [
            r#"800101 CONNECTION_REQUIRED: the SDK names it CONNECTION_WIDGET_REQUIRED (at SendbirdErrorCode.CONNECTION_WIDGET_REQUIRED), which is not its name, an alias or its "js" platform name"#
        ]
    );
    let gone = &sendbird.drift.gone;
    assert!(
        gone.contains(&"400105 INVALID_REQUIRED_FORM_VALUE".to_owned()),
        "{gone:?}"
    );
    // 400100 comes from the Flutter and Unity SDKs, not from the JS package.
    for kept in [
        "400108 NON_AUTHORIZED",
        "800101 CONNECTION_REQUIRED",
        "400100 UnexpectedParameterTypeString",
    ] {
        assert!(!gone.contains(&kept.to_owned()), "{kept}: {gone:?}");
    }
}

#[test]
fn each_package_names_its_catalog_source_and_the_versions_agree() {
    let reports = check(&node_modules("versions"), RULES).unwrap();
    let versions: Vec<(&str, Option<&str>, &str)> = reports
        .iter()
        .flat_map(|r| &r.versions)
        .map(|v| (v.installed.as_str(), v.catalog, v.source.0))
        .collect();
    assert_eq!(
        versions,
        [
            (
                "agora-chat 0.0.0-synthetic",
                Some("agora-chat 1.4.0"),
                "sdk"
            ),
            (
                "@cometchat/chat-sdk-javascript 0.0.0-synthetic",
                Some("@cometchat/chat-sdk-javascript 4.2.0"),
                "sdk"
            ),
            (
                "stream-chat 0.0.0-synthetic",
                Some("stream-chat 9.53.0"),
                "js"
            ),
            (
                "@sendbird/chat 0.0.0-synthetic",
                Some("@sendbird/chat 4.22.12"),
                "js"
            ),
            (
                "zego-zim-web 0.0.0-synthetic",
                Some("zego-zim-web 2.29.0"),
                "web_sdk"
            ),
            (
                "@ably/chat 0.0.0-synthetic",
                Some("@ably/chat 1.4.0"),
                "chat"
            ),
        ]
    );
    // `[table] sdk` and the package's `[[source]]` record the same version.
    for v in reports.iter().flat_map(|r| &r.versions) {
        assert!(v.source_agrees(), "{v:?}");
    }
    let disagrees = Version {
        source: ("js", Some("9.52.0")),
        ..reports[2].versions[0].clone()
    };
    assert!(!disagrees.source_agrees());
}

#[test]
fn a_rule_must_name_an_sdk_source_of_its_table() {
    let dir = node_modules("bad-source");
    let mut rules = RULES.to_vec();
    let rule = rules
        .iter_mut()
        .find(|r| r.table == Table::StreamChat)
        .unwrap();
    rule.source = "docs"; // a source of kind docs
    let err = check(&dir, &rules).unwrap_err();
    assert_eq!(
        err,
        r#"stream_chat has no [[source]] "docs" of kind sdk, which its rules name"#
    );
    let mut rules = RULES.to_vec();
    let mixed = rules
        .iter_mut()
        .find(|r| r.package == "agora-chat")
        .unwrap();
    mixed.code = CodeFrom::Number;
    let err = check(&dir, &rules).unwrap_err();
    assert!(err.contains("compare codes in different ways"), "{err}");
}

#[test]
fn the_binary_prints_the_report_and_exits_1_on_drift() {
    let out = sdk_check(&node_modules("binary"));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    for line in [
        "agora_chat: installed agora-chat 0.0.0-synthetic; catalog checked against agora-chat 1.4.0 (VERSION DIFFERS)",
        "agora_chat: agora-chat/Agora-chat.js, compiled enum Code: 5 codes (1 raised, 4 defined, not raised)",
        "agora_chat: agora-chat/Agora-chat.d.ts, enum Code: 2 codes (2 declared)",
        "agora_chat: SDK codes missing from the catalog: 4",
        "  9003 WIDGET_SPARE (defined, not raised) at Code.WIDGET_SPARE",
        "  606 GROUP_MEMBERS_FULL",
        "cometchat_sdk: SDK codes missing from the catalog: 3",
        "stream_chat: installed stream-chat 0.0.0-synthetic; catalog checked against stream-chat 9.53.0 (VERSION DIFFERS)",
        "stream_chat: stream-chat/dist/esm/index.mjs, map APIErrorCodes: 4 codes (4 raised)",
        "stream_chat: SDK codes missing from the catalog: 1",
        "stream_chat: catalog entries that differ from the SDK: 4",
        "  4 InputError: retryable is true in the SDK (at APIErrorCodes[4]), false in the catalog",
        "sendbird_chat: installed @sendbird/chat 0.0.0-synthetic; catalog checked against @sendbird/chat 4.22.12 (VERSION DIFFERS)",
        "sendbird_chat: @sendbird/chat/lib/__definition.d.ts, enum SendbirdErrorCode: 4 codes (4 declared)",
        "  800998 WIDGET_SPARE (declared) at SendbirdErrorCode.WIDGET_SPARE: \"A widget code.\"",
        "sendbird_chat: catalog entries that differ from the SDK: 1",
        "zego_zim: zego-zim-web/entity/ZIMErrorCode.d.ts, enum ZIMErrorCode: 3 codes (3 declared)",
        "zego_zim: SDK codes missing from the catalog: 1",
        "  6000998 WidgetModuleSpare (declared) at ZIMErrorCode.WidgetModuleSpare: \"A widget code.\"",
        "ably: @ably/chat/dist/core/errors.d.ts, enum ErrorCode: 3 codes (3 declared)",
        "  102998 WidgetSpare (declared) at ErrorCode.WidgetSpare: \"A widget code.\"",
        "drift found",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in\n{text}"
        );
    }
}

#[test]
fn the_binary_exits_2_on_usage_and_io_errors() {
    let dir = node_modules("errors");
    let out = sdk_check(&dir.join("no-such-folder"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a folder"));
    std::fs::remove_file(dir.join("agora-chat/status.d.ts")).unwrap();
    let out = sdk_check(&dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}
