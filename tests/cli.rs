//! The `chat-error-codes` binary, run as a user would (needs `--features cli`).
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chat-error-codes"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input
        .write_all(stdin.unwrap_or_default().as_bytes())
        .unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn explain_the_readme_example() {
    let o = run(&["explain", "ERR_UID_NOT_FOUND", "605"], None);
    assert!(o.status.success(), "{o:?}");
    let text = stdout(&o);
    assert!(
        text.contains("cometchat_rest (CometChat) ErrUidNotFound"),
        "{text}"
    );
    assert!(text.contains("agora_chat (Agora) GroupNotExist"), "{text}");
    assert!(text.contains("The group does not exist"), "{text}");
    assert!(text.contains("canonical:   NotFound (HTTP 404)"), "{text}");
    assert!(text.contains("recovery:    DoNotRetry"), "{text}");
}

#[test]
fn explain_unknown_code_fails_with_a_message() {
    let o = run(&["explain", "605", "NO_SUCH_CODE"], None);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("unknown code `NO_SUCH_CODE`"), "{err}");
    assert!(stdout(&o).contains("GROUP_NOT_EXIST"));
}

#[test]
fn explain_json_lists_every_table_with_the_code() {
    let o = run(
        &[
            "explain",
            "--json",
            "ERR_TOO_MANY_REQUESTS",
            "UID_IS_COMPULSORY",
            "230",
        ],
        None,
    );
    assert!(o.status.success(), "{o:?}");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let tables: Vec<&str> = v[0]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["table"].as_str().unwrap())
        .collect();
    assert_eq!(tables, ["cometchat_sdk", "cometchat_rest"]);
    assert_eq!(v[0]["entries"][1]["canonical"], "ResourceExhausted");
    assert_eq!(v[1]["entries"][0]["resolution"], "pattern");
    assert_eq!(v[1]["entries"][0]["param"], "UID");
    assert_eq!(v[2]["entries"][0]["resolution"], "range");
    assert_eq!(v[2]["entries"][0]["range"], serde_json::json!([200, 249]));
}

#[test]
fn list_json_has_one_object_per_entry_with_the_promised_fields() {
    let o = run(&["list", "--json"], None);
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), chat_error_codes::Table::ALL_LEN);
    for e in all {
        for field in [
            "table",
            "variant",
            "code",
            "name",
            "messages",
            "sections",
            "description",
            "canonical",
            "http_status",
            "recovery",
        ] {
            assert!(e.get(field).is_some(), "{field} missing in {e}");
        }
        assert!(e["messages"].as_array().is_some_and(|m| !m.is_empty()));
        assert!(e["description"].is_null() || e["description"].is_string());
        let table: chat_error_codes::Table = e["table"].as_str().unwrap().parse().unwrap();
        let integer = table.has_integer_codes();
        assert_eq!(e["code"].is_i64(), integer, "{e}");
        assert_eq!(e["code"].is_string(), !integer, "{e}");
    }
    let o = run(&["list", "--table", "genesys_chat"], None);
    let text = stdout(&o);
    assert_eq!(
        text.lines().count(),
        chat_error_codes::Table::GenesysChat.len()
    );
    let o = run(&["list", "--table", "nope"], None);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown table `nope`"));
}

#[test]
fn search_is_case_insensitive_over_all_text() {
    let o = run(&["search", "--json", "RATE", "limit"], None);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["code"].as_str())
        .collect();
    assert!(codes.contains(&"ERR_TOO_MANY_REQUESTS"), "{codes:?}");
    let o = run(&["search", "xyzzy-nothing"], None);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn parse_reads_stdin_and_files() {
    let o = run(
        &["parse"],
        Some(r#"{"type":605,"message":"no group","data":null}"#),
    );
    assert!(o.status.success(), "{o:?}");
    let text = stdout(&o);
    assert!(text.starts_with("agora_error_event payload"), "{text}");
    assert!(text.contains("GroupNotExist"), "{text}");

    let dir = std::env::temp_dir().join(format!("chat-error-codes-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("body.json");
    std::fs::write(
        &file,
        r#"{"error":{"code":"ERR_BRAND_NEW","message":"new","details":{"a":1}}}"#,
    )
    .unwrap();
    let o = run(&["parse", "--json", file.to_str().unwrap()], None);
    assert!(o.status.success(), "{o:?}");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["shape"], "cometchat_rest");
    assert_eq!(v["resolved"]["resolution"], "unrecognized");
    assert_eq!(v["resolved"]["code"], "ERR_BRAND_NEW");
    assert_eq!(v["details"]["a"], 1);
    assert_eq!(v["canonical"], "Unknown");
    std::fs::remove_dir_all(&dir).unwrap();

    let o = run(&["parse", "--shape", "genesys"], Some("{\"code\": 17"));
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("malformed genesys_event_error payload"));
    let o = run(&["parse", "/nonexistent/file.json"], None);
    assert_eq!(o.status.code(), Some(2));
}
