//! The `chat-error-codes` binary, run as a user would (needs `--features cli`).
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod common;

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chat-error-codes"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // A child that exits before reading (a usage error) closes the pipe: not a failure here.
    if let Err(e) = input.write_all(stdin.unwrap_or_default().as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
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

/// Writes `content` to a fresh file and returns its path (removed with the directory at the end
/// of the test by `Scratch`'s drop).
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "chat-error-codes-cli-{test}-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, content: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, content).unwrap();
        path.to_str().unwrap().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn parse_with_status_and_headers_prints_the_decision() {
    let scratch = Scratch::new("status");
    let body = scratch.file(
        "429.json",
        br#"{"error":{"code":"ERR_TOO_MANY_REQUESTS","message":"Too many requests."}}"#,
    );
    let o = run(
        &[
            "parse",
            "--status",
            "429",
            "--header",
            "Retry-After: 15",
            "--header",
            "X-Rate-Limit: 700",
            "--header",
            "x-rate-limit-remaining:0",
            &body,
        ],
        None,
    );
    assert!(o.status.success(), "{o:?}");
    let text = stdout(&o);
    assert!(text.contains("ErrTooManyRequests"), "{text}");
    assert!(text.contains("Retry-After: in 15s"), "{text}");
    assert!(text.contains("limit:       700"), "{text}");
    assert!(text.contains("remaining:   0"), "{text}");
    assert!(text.contains("decision:    retry after 15s"), "{text}");

    // A far reset time only: still a delay, counted from now, cut to the 1-hour maximum.
    let o = run(
        &[
            "parse",
            "--json",
            "--status",
            "429",
            "--header",
            "X-Rate-Limit-Reset: 4102444800",
            &body,
        ],
        None,
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["decision"], "RetryAfter");
    assert_eq!(v["retry_after_secs"], 3600.0, "{v}");
    assert_eq!(v["hints"]["reset"]["until_unix"], 4102444800u64);
    assert_eq!(v["payload"]["code"], "ERR_TOO_MANY_REQUESTS");
}

#[test]
fn parse_http_reads_curl_output() {
    let scratch = Scratch::new("http");
    let raw = scratch.file(
        "agora.http",
        b"HTTP/2 415 \r\ncontent-type: application/json\r\nretry-after: 3\r\n\r\n{\"error\":\"web_application\",\"exception\":\"javax.ws.rs.WebApplicationException\",\"timestamp\":1,\"duration\":0,\"error_description\":\"HTTP 415 Unsupported Media Type\"}",
    );
    let o = run(&["parse", "--http", "--json", &raw], None);
    assert!(o.status.success(), "{o:?}");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["status"], 415);
    // The status picked the 415 entry of `web_application`.
    assert_eq!(v["payload"]["resolved"]["variant"], "WebApplication415");
    assert_eq!(v["decision"], "FixRequest");

    // A load balancer's HTML page, from standard input.
    let page = "HTTP/1.1 502 Bad Gateway\nServer: nginx\nContent-Type: text/html\n\n<html><head><title>502 Bad Gateway</title></head></html>\n";
    let o = run(&["parse", "--http"], Some(page));
    assert!(o.status.success(), "{o:?}");
    let text = stdout(&o);
    assert!(text.starts_with("body: no vendor payload"), "{text}");
    assert!(
        text.contains("excerpt:     \"<html><head><title>502"),
        "{text}"
    );
    assert!(text.contains("canonical:   Unavailable"), "{text}");
    assert!(text.contains("decision:    retry with backoff"), "{text}");
}

#[test]
fn parse_problem_prints_problem_details() {
    let raw = "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 15\r\n\r\n{\"error\":{\"code\":\"ERR_TOO_MANY_REQUESTS\",\"message\":\"Too many requests.\"}}";
    let o = run(&["parse", "--http", "--problem"], Some(raw));
    assert!(o.status.success(), "{o:?}");
    let p: chat_error_codes::response::ProblemDetails = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        p.type_uri.starts_with("https://docs.rs/chat-error-codes/")
            && p.type_uri
                .ends_with("/cometchat/rest/enum.ChatError.html#variant.ErrTooManyRequests"),
        "{}",
        p.type_uri
    );
    assert_eq!(p.status, Some(429));
    assert_eq!(p.retry_after, Some(15));
    assert_eq!(p.detail.as_deref(), Some("Too many requests."));
    assert_eq!(
        p.canonical,
        Some(chat_error_codes::Canonical::ResourceExhausted)
    );

    // From a payload alone: the canonical class's status.
    let o = run(
        &["parse", "--problem"],
        Some(r#"{"type":605,"message":"no group"}"#),
    );
    let p: chat_error_codes::response::ProblemDetails = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        p.type_uri
            .ends_with("/agora/enum.ChatError.html#variant.GroupNotExist"),
        "{}",
        p.type_uri
    );
    assert_eq!((p.status, p.retry_after), (Some(404), None));
}

#[test]
fn bad_responses_are_errors_that_name_the_line() {
    let cases = [
        ("", "line 1: no status line"),
        (
            "{\"code\":1}\n",
            "line 1: expected a status line such as `HTTP/1.1 429",
        ),
        (
            "HTTP/1.1 700 Odd\n\n",
            "line 1: status 700 is outside 100-599",
        ),
        (
            "HTTP/1.1 099 Odd\n\n",
            "line 1: status 99 is outside 100-599",
        ),
        (
            "HTTP/1.1 429 Too Many Requests\nRetry-After: 15\nno colon here\n\n{}",
            "line 3: a header without a colon: `no colon here`",
        ),
        (
            "HTTP/1.1 100 Continue\n\n",
            "line 3: no status line after the interim (1xx) response",
        ),
    ];
    for (input, message) in cases {
        let o = run(&["parse", "--http"], Some(input));
        assert_eq!(o.status.code(), Some(2), "{input:?}");
        assert!(stderr(&o).contains(message), "{input:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
    let o = run(
        &["parse", "--status", "429", "--header", "Retry-After 15"],
        Some("{}"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--header number 1: a header without a colon"),
        "{}",
        stderr(&o)
    );
    for status in ["99", "600", "abc"] {
        let o = run(&["parse", "--status", status], Some("{}"));
        assert_eq!(o.status.code(), Some(2), "{status}");
    }
    // A header needs a status; --http takes both from the input.
    let o = run(&["parse", "--header", "Retry-After: 1"], Some("{}"));
    assert_eq!(o.status.code(), Some(2));
    let o = run(
        &["parse", "--http", "--status", "429"],
        Some("HTTP/1.1 429 X\n\n"),
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn explain_and_list_show_twilio_and_ably_with_their_vendor_pages() {
    let o = run(&["explain", "51119", "40142"], None);
    assert!(o.status.success(), "{o:?}");
    let text = stdout(&o);
    assert!(
        text.contains("twilio_conversations (Twilio) TokenExpired"),
        "{text}"
    );
    assert!(
        text.contains("message:     Twilsock: Token expired"),
        "{text}"
    );
    // Concise: the vendor's page is the one source line.
    assert!(
        text.contains("source:      <https://www.twilio.com/docs/errors/51119>"),
        "{text}"
    );
    assert!(text.contains("ably (Ably) TokenExpired"), "{text}");
    assert!(
        text.contains("source:      <https://help.ably.io/error/40142>"),
        "{text}"
    );
    // Verbose: every source with its version.
    let text = stdout(&run(&["explain", "--verbose", "40142"], None));
    assert!(
        text.contains("vendor page: <https://help.ably.io/error/40142>"),
        "{text}"
    );
    assert!(text.contains("  from:      ably/ably-common"), "{text}");
    let o = run(&["list", "--table", "ably", "--json"], None);
    assert!(o.status.success(), "{o:?}");
    let list: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 276);
    let e = list.iter().find(|e| e["code"] == 40142).unwrap();
    assert_eq!(e["name"], "token_expired");
    assert_eq!(e["vendor_status"], 401);
    assert_eq!(e["vendor_url"], "https://help.ably.io/error/40142");
}

/// Vendor text reaches the terminal escaped: no ESC sequence, BEL, NUL, DEL, bidi override or
/// CR LF from a message (or a code, or a Problem Details member) is printed as is.
#[test]
fn vendor_text_is_escaped_in_every_text_output() {
    let evil = r#"evil\u001b[31mred\u0007\u0000\u007f\u202eflip\r\nInjected-Header: yes\u009b"#;
    let bodies = [
        format!(r#"{{"error":{{"code":"ERR_X","message":"{evil}"}}}}"#),
        r#"{"error":{"code":"ERR_X\u001b]0;title\u0007","message":"m"}}"#.to_string(),
        format!(r#"{{"type":"about:blank","title":"{evil}","detail":"{evil}","status":404}}"#),
    ];
    for body in &bodies {
        let raw = format!("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n\r\n{body}");
        for args in [
            &["parse", "--http"][..],
            &["parse", "--status", "404"],
            &["parse"],
        ] {
            let input = if args.len() == 2 {
                raw.as_str()
            } else {
                body.as_str()
            };
            let o = run(args, Some(input));
            assert!(o.status.success(), "{args:?} {body}: {o:?}");
            let text = stdout(&o);
            for bad in [
                '\u{1b}', '\u{7}', '\0', '\u{7f}', '\u{202e}', '\r', '\u{9b}',
            ] {
                assert!(!text.contains(bad), "{args:?} {bad:?} in {text}");
            }
            assert!(
                !text.lines().any(|l| l.starts_with("Injected-Header")),
                "{args:?}: {text}"
            );
        }
    }
    let o = run(
        &["parse", "--http"],
        Some(&format!("HTTP/1.1 404 X\r\n\r\n{}", bodies[0])),
    );
    let text = stdout(&o);
    assert!(
        text.contains(
            r"evil\u{1b}[31mred\u{7}\u{0}\u{7f}\u{202e}flip\r\nInjected-Header: yes\u{9b}"
        ),
        "{text}"
    );
    // Standard error too: an unknown code typed with an escape in it.
    let o = run(&["explain", "NO\u{1b}[2JSUCH"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr(&o).contains('\u{1b}'), "{}", stderr(&o));
    assert!(stderr(&o).contains(r"NO\u{1b}[2JSUCH"), "{}", stderr(&o));
}

fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A capture as the wire carried it: chunked, gzip-compressed; and one already decoded by curl
/// whose headers still name the codings.
#[test]
fn parse_http_decodes_chunked_and_gzip_captures() {
    let scratch = Scratch::new("codings");
    let json = br#"{"code":9,"message":"Too many requests","StatusCode":429,"duration":"0.01ms"}"#;
    let zipped = gzip(json);
    let mut raw = b"HTTP/1.1 429 Too Many Requests\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\nRetry-After: 7\r\n\r\n".to_vec();
    for chunk in zipped.chunks(16) {
        raw.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        raw.extend_from_slice(chunk);
        raw.extend_from_slice(b"\r\n");
    }
    raw.extend_from_slice(b"0\r\n\r\n");
    let file = scratch.file("chunked-gzip.http", &raw);
    let o = run(&["parse", "--http", "--json", &file], None);
    assert!(o.status.success(), "{o:?}");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["payload"]["code"], 9, "{v}");
    assert_eq!(v["payload"]["resolved"]["name"], "RateLimitError");
    assert_eq!(v["decoded"], serde_json::json!(["chunked", "gzip"]));
    assert_eq!(v["decision"], "RetryAfter");
    let o = run(&["parse", "--http", &file], None);
    let text = stdout(&o);
    assert!(
        text.starts_with("body decoded from: chunked, gzip\n"),
        "{text}"
    );
    assert!(text.contains("RateLimitError"), "{text}");

    // curl -i already removed the framing and curl --compressed inflated: kept as captured.
    let mut raw =
        b"HTTP/2 429\r\ntransfer-encoding: chunked\r\ncontent-encoding: gzip\r\n\r\n".to_vec();
    raw.extend_from_slice(json);
    let o = run(
        &["parse", "--http", "--json"],
        Some(std::str::from_utf8(&raw).unwrap()),
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["payload"]["code"], 9, "{v}");
    assert_eq!(v["decoded"], serde_json::json!([]));
}

/// A Problem Details body (this crate's own, relayed) in `parse --http`.
#[test]
fn parse_http_reads_problem_details_bodies() {
    let raw = "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/problem+json\r\nDate: Tue, 14 Nov 2023 22:13:20 GMT\r\nX-RateLimit-Reset: 1700000060000\r\n\r\n{\"type\":\"urn:chat-error-codes:cometchat_rest:ERR_TOO_MANY_REQUESTS\",\"status\":429,\"detail\":\"Too many requests.\",\"vendor\":\"CometChat\",\"table\":\"cometchat_rest\",\"code\":\"ERR_TOO_MANY_REQUESTS\"}";
    let o = run(&["parse", "--http"], Some(raw));
    assert!(o.status.success(), "{o:?}");
    let text = stdout(&o);
    assert!(
        text.starts_with("body: Problem Details (RFC 9457)"),
        "{text}"
    );
    assert!(
        text.contains("entry:       cometchat_rest ErrTooManyRequests"),
        "{text}"
    );
    assert!(text.contains("canonical:   ResourceExhausted"), "{text}");
    // The reset is in milliseconds, 60 s after the response's Date.
    assert!(text.contains("decision:    retry after 60s"), "{text}");
    let o = run(&["parse", "--http", "--json"], Some(raw));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["problem_body"]["entry"]["code"], "ERR_TOO_MANY_REQUESTS");
    assert_eq!(v["table"], "cometchat_rest");
    assert_eq!(v["retry_after_secs"], 60.0);
    let o = run(&["parse", "--http", "--problem"], Some(raw));
    let p: chat_error_codes::response::ProblemDetails = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(p.detail.as_deref(), Some("Too many requests."));
    assert_eq!(p.retry_after, Some(60));
    assert_eq!(p.vendor, Some(chat_error_codes::Vendor::CometChat));

    // `parse` of a document alone: explained as Problem Details, never as an Agora event.
    let doc = r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"balance":30}"#;
    let o = run(&["parse"], Some(doc));
    assert!(o.status.success(), "{o:?}");
    let text = stdout(&o);
    assert!(
        text.starts_with("body: Problem Details (RFC 9457)"),
        "{text}"
    );
    assert!(text.contains("extension:   balance: 30"), "{text}");
    assert!(!text.contains("agora"), "{text}");
    let o = run(&["parse", "--json"], Some(doc));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["problem_body"]["document"]["balance"], 30);
    assert_eq!(v["problem_body"]["entry"], Value::Null);
    let o = run(&["parse", "--problem"], Some(doc));
    let p: chat_error_codes::response::ProblemDetails = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(p.type_uri, "https://example.com/probs/out-of-credit");
    assert_eq!(
        p.canonical,
        Some(chat_error_codes::Canonical::PermissionDenied)
    );
}

#[test]
fn parse_shows_the_payloads_own_delay() {
    let busy = r#"{"name":"SendbirdError","code":800221,"message":"busy","_detail":"{\"retry_after\":5}"}"#;
    let o = run(&["parse", "--shape", "sendbird"], Some(busy));
    assert!(o.status.success(), "{o:?}");
    assert!(stdout(&o).contains("retry after: 5s"), "{}", stdout(&o));
    let o = run(&["parse", "--json"], Some(busy));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["retry_after_secs"], 5);
}

/// `explain` answers first: per table the code, name, message, class, advice and one source
/// line; the rest (every message and section, notes, every source) with `--verbose`.
#[test]
fn explain_is_concise_and_verbose_on_request() {
    let concise = stdout(&run(&["explain", "605"], None));
    let verbose = stdout(&run(&["explain", "-v", "605"], None));
    let entries = concise.matches("    canonical:").count();
    assert!(entries >= 2, "{concise}");
    // At most 7 lines per entry (header, code, name, message, canonical, recovery, source).
    assert!(concise.lines().count() <= 1 + 7 * entries, "{concise}");
    assert_eq!(concise.matches("    source:").count(), entries, "{concise}");
    assert!(
        !concise.contains("note:") && !concise.contains("  from:"),
        "{concise}"
    );
    assert!(verbose.contains("  from:") && verbose.lines().count() > concise.lines().count());
    // The JSON is always complete.
    let json: Value =
        serde_json::from_str(&stdout(&run(&["explain", "--json", "605"], None))).unwrap();
    assert!(json[0]["entries"][0]["source_list"].is_array());
}

/// What `list --json` prints follows the published schema of an entry
/// (`tests/fixtures/entry.schema.json`, the library's `catalog::Record`).
#[test]
fn list_json_follows_the_published_schema() {
    let schema = common::schema::entry_schema();
    let list: Value = serde_json::from_str(&stdout(&run(&["list", "--json"], None))).unwrap();
    for e in list.as_array().unwrap() {
        let errors = common::schema::violations(&schema, e);
        assert!(errors.is_empty(), "{e}: {errors:?}");
    }
    // `explain --json` prints the same object, with how it resolved.
    let explained: Value = serde_json::from_str(&stdout(&run(
        &["explain", "--json", "ERR_UID_NOT_FOUND"],
        None,
    )))
    .unwrap();
    for entry in explained[0]["entries"].as_array().unwrap() {
        let mut entry = entry.clone();
        assert_eq!(
            entry.as_object_mut().unwrap().remove("resolution"),
            Some("known".into())
        );
        assert!(
            common::schema::violations(&schema, &entry).is_empty(),
            "{entry}"
        );
    }
}

/// A client-side runtime failure prints on its own lines (the renderer once had a raw line
/// break inside a string literal).
#[test]
fn parse_prints_runtime_failures_line_by_line() {
    let o = run(
        &["parse", "--shape", "stream"],
        Some(r#"{"name":"TypeError","message":"Failed to fetch"}"#),
    );
    let text = stdout(&o);
    assert!(
        text.lines()
            .any(|l| l.ends_with("client-side runtime failure")),
        "{o:?}"
    );
    assert!(text.contains("    JS error:    TypeError\n"), "{text}");
}
