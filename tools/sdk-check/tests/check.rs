//! The rule table and the binary on a synthetic `node_modules`: each package of
//! [`RULES`] is a folder holding trimmed, hand-written files shaped like the SDK's (invented
//! widget codes next to a few real catalog names; no SDK code is copied here).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sdk_check::rules::{RULES, Rule};
use sdk_check::{check, run_rule};

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

/// The synthetic files: package, file, text.
const FILES: [(&str, &str, &str); 4] = [
    ("agora-chat", "status.d.ts", AGORA_DTS),
    ("agora-chat", "Agora-chat.d.ts", AGORA_TYPINGS),
    ("agora-chat", "Agora-chat.js", AGORA_JS),
    (
        "@cometchat/chat-sdk-javascript",
        "CometChat.js",
        COMETCHAT_JS,
    ),
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
        let folder = dir.join(package);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(file), text).unwrap();
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
    assert_eq!(tables, ["agora_chat", "cometchat_sdk"]);
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
