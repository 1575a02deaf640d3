//! `chat-error-codes`: explain, list and search the chat vendors' error codes, and parse their
//! error payloads.
//!
//! ```text
//! chat-error-codes explain ERR_UID_NOT_FOUND 605
//! chat-error-codes list --table genesys_chat --json
//! chat-error-codes search rate limit
//! echo '{"type":605,"message":"x"}' | chat-error-codes parse
//! chat-error-codes parse --status 429 --header 'Retry-After: 15' body.json
//! curl -si https://... | chat-error-codes parse --http --problem
//! ```
#![forbid(unsafe_code)]

use std::io::{Read, Write};
use std::process::ExitCode;

use chat_error_codes::payload::{self, ParsedError};
use chat_error_codes::response::{self, Body, Classified, ProblemDetails, Wait};
use chat_error_codes::{
    AnyChatError, Code, ErrorInfo, Resolution, Table, lookup, lookup_lenient, resolve,
};
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::{Value, json};

#[path = "chat-error-codes/decode.rs"]
mod decode;
#[path = "chat-error-codes/raw_http.rs"]
mod raw_http;

#[derive(Parser)]
#[command(
    name = "chat-error-codes",
    version,
    about = "Explain, list and search the chat vendors' error codes (every table of the catalog) and parse their error payloads"
)]
struct Cli {
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Explain codes: every table that defines each one (exit status 1 if one is unknown).
    Explain {
        /// Codes as the vendor sends them: `ERR_UID_NOT_FOUND`, `605`, `GROUP_NOT_EXIST`.
        #[arg(required = true)]
        codes: Vec<String>,
    },
    /// List the catalog, or one table of it.
    List {
        /// Only this table.
        #[arg(long, value_parser = parse_table)]
        table: Option<Table>,
    },
    /// Search code, name, messages and description (case-insensitive; every word must match).
    Search {
        /// Words to look for.
        #[arg(required = true)]
        words: Vec<String>,
    },
    /// Parse a vendor error payload (JSON) from a file or standard input and explain it; with
    /// `--status` or `--http`, classify the whole HTTP response and print the decision.
    Parse {
        /// The file to read; `-` or nothing reads standard input.
        file: Option<String>,
        /// The payload's shape, when known; detected otherwise.
        #[arg(long, value_enum)]
        shape: Option<ShapeArg>,
        /// The HTTP status of the response the body came with: classify the response (status,
        /// headers, body) and print the decision. A body that is no vendor payload is then
        /// classified from the status alone.
        #[arg(long, value_parser = clap::value_parser!(u16).range(100..=599))]
        status: Option<u16>,
        /// A response header, `Name: value` (repeatable; needs `--status`).
        #[arg(long = "header", value_name = "NAME: VALUE", requires = "status")]
        headers: Vec<String>,
        /// The input is a raw HTTP response as `curl -i` prints it: a status line
        /// (`HTTP/1.1 429 Too Many Requests`, `HTTP/2 429`), headers, a blank line, the body.
        #[arg(long, conflicts_with_all = ["status", "headers"])]
        http: bool,
        /// Print the RFC 9457 Problem Details document (application/problem+json) instead.
        #[arg(long)]
        problem: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ShapeArg {
    /// CometChat REST API body.
    Rest,
    /// CometChat Calls API body.
    Calls,
    /// Serialized CometChatException.
    Exception,
    /// Agora Web SDK ErrorEvent.
    Agora,
    /// Agora REST API body.
    AgoraRest,
    /// Genesys EventError.
    Genesys,
    /// Stream Chat API error.
    Stream,
    /// Sendbird Platform API body or SendbirdError.
    Sendbird,
    /// Twilio REST body, RestException, TwilioServiceException or Twilsock error.
    Twilio,
    /// Ably REST body, protocol message, ErrorInfo or state change.
    Ably,
}

fn parse_table(s: &str) -> Result<Table, String> {
    s.parse().map_err(|_| {
        let names: Vec<&str> = <Table as strum::VariantArray>::VARIANTS
            .iter()
            .map(|t| t.as_str())
            .collect();
        format!(
            "unknown table `{s}` (expected one of: {})",
            names.join(", ")
        )
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = String::new();
    let status = match cli.command {
        Command::Explain { codes } => explain(&codes, cli.json, &mut out),
        Command::List { table } => {
            let entries: Vec<AnyChatError> = AnyChatError::all()
                .filter(|e| table.is_none_or(|t| e.table() == t))
                .collect();
            print_entries(&entries, cli.json, &mut out);
            ExitCode::SUCCESS
        }
        Command::Search { words } => {
            let words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let entries: Vec<AnyChatError> = AnyChatError::all()
                .filter(|e| matches_words(e, &words))
                .collect();
            if entries.is_empty() && !cli.json {
                warn(format_args!("nothing matches {}", words.join(" ")));
            }
            print_entries(&entries, cli.json, &mut out);
            if entries.is_empty() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Parse {
            file,
            shape,
            status,
            headers,
            http,
            problem,
        } => {
            let options = ParseOptions {
                shape,
                status,
                headers,
                http,
                problem,
                json: cli.json,
            };
            parse_command(file.as_deref(), &options, &mut out)
        }
    };
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(out.as_bytes());
    status
}

fn explain(codes: &[String], as_json: bool, out: &mut String) -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    let mut reports = Vec::new();
    for code in codes {
        let mut found: Vec<Resolution<'_>> = lookup(code).map(Resolution::Known).collect();
        let mut how = "exact";
        if found.is_empty() {
            found = lookup_lenient(code).map(Resolution::Known).collect();
            how = "ignoring case and surrounding whitespace";
        }
        if found.is_empty() {
            how = "pattern or documented range";
            found = <Table as strum::VariantArray>::VARIANTS
                .iter()
                .map(|&t| resolve(t, code))
                .filter(|r| !r.is_unrecognized())
                .collect();
        }
        if found.is_empty() {
            warn(format_args!(
                "unknown code `{code}`: no table defines it (try `chat-error-codes search`)"
            ));
            status = ExitCode::FAILURE;
        }
        if as_json {
            reports.push(json!({
                "input": code,
                "match": if found.is_empty() { Value::Null } else { json!(how) },
                "entries": found.iter().map(resolution_json).collect::<Vec<_>>(),
            }));
        } else if !found.is_empty() {
            out.push_str(&escaped(code));
            if how != "exact" {
                out.push_str(&format!("  (matched {how})"));
            }
            out.push('\n');
            for r in &found {
                resolution_text(r, out);
            }
        }
    }
    if as_json {
        out.push_str(&pretty(&Value::Array(reports)));
    }
    status
}

fn matches_words(e: &AnyChatError, words: &[String]) -> bool {
    let haystack = format!(
        "{} {} {} {} {}",
        e.code(),
        e.name(),
        e.aliases().join(" "),
        e.messages().join(" "),
        e.description().unwrap_or_default()
    )
    .to_lowercase();
    words.iter().all(|w| haystack.contains(w.as_str()))
}

fn code_json(code: Code) -> Value {
    match code {
        Code::Str(s) => json!(s),
        Code::Int(n) => json!(n),
    }
}

fn entry_json(e: &AnyChatError) -> Value {
    json!({
        "table": e.table(),
        "vendor": e.vendor(),
        "variant": e.variant_name(),
        "code": code_json(e.code()),
        "name": e.name(),
        "aliases": e.aliases(),
        "messages": e.messages(),
        "sections": e.sections(),
        "description": e.description(),
        "canonical": e.canonical(),
        "http_status": e.http_status(),
        "recovery": e.recovery(),
        "sources": e.sources().to_string(),
        "source_list": e.sources().list().iter().map(|s| json!({
            "id": s.id(), "title": s.title(), "url": s.url(), "version": s.version(), "kind": s.kind(),
        })).collect::<Vec<_>>(),
        "vendor_status": e.vendor_status(),
        "vendor_retryable": e.vendor_retryable(),
        "vendor_url": e.vendor_url(),
        "platform_names": e.platform_names().iter().map(|(p, n)| json!({"platform": p, "name": n})).collect::<Vec<_>>(),
        "server_messages": e.server_messages(),
        "deprecated": e.deprecated(),
        "note": e.note(),
    })
}

fn resolution_json(r: &Resolution<'_>) -> Value {
    match r {
        Resolution::Known(e) => {
            let mut v = entry_json(e);
            v["resolution"] = json!("known");
            v
        }
        Resolution::Pattern { error, param } => {
            let mut v = entry_json(error);
            v["resolution"] = json!("pattern");
            v["param"] = json!(param);
            v
        }
        Resolution::Range {
            table,
            code,
            section,
        } => json!({
            "resolution": "range",
            "table": table,
            "code": code,
            "range": section.range(),
            "section": section.title(),
            "canonical": section.canonical(),
            "http_status": section.canonical().http_status(),
            "recovery": section.canonical().recovery(),
        }),
        Resolution::Unrecognized(u) => json!({
            "resolution": "unrecognized",
            "table": u.table(),
            "code": u.code(),
            "message": u.message(),
            "canonical": u.canonical(),
            "http_status": u.canonical().http_status(),
            "recovery": u.canonical().recovery(),
        }),
        Resolution::Runtime(e) => json!({
            "resolution": "runtime",
            "table": e.table(),
            "name": e.name(),
            "message": e.message(),
            "canonical": e.canonical(),
            "http_status": e.canonical().http_status(),
            "recovery": e.recovery(),
        }),
        other => json!({ "resolution": other.to_string(), "canonical": other.canonical() }),
    }
}

fn line(out: &mut String, label: &str, value: impl std::fmt::Display) {
    let value = value.to_string();
    out.push_str(&format!("    {label:<12} {}\n", escaped(&value)));
}

/// Whether a character must not reach a terminal as is: a control character (C0, DEL, C1: ESC
/// sequences, BEL, NUL, CR, LF) or a bidirectional mark, embedding, override or isolate
/// (U+202E reverses what follows).
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// Text from outside (a vendor's message, a code, a header) made safe for a terminal: every
/// [unsafe](is_unsafe) character written as a Rust escape (`\u{1b}`, `\r`, `\n`, `\u{202e}`),
/// everything else as it is. Every text output of the tool goes through it.
fn escaped(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A message on standard error, `chat-error-codes: ` first, escaped like standard output.
fn warn(message: std::fmt::Arguments<'_>) {
    eprintln!("chat-error-codes: {}", escaped(&message.to_string()));
}

fn entry_text(e: &AnyChatError, out: &mut String) {
    out.push_str(&format!(
        "  {} ({}) {}\n",
        e.table(),
        e.vendor(),
        e.variant_name()
    ));
    line(out, "code:", e.code());
    line(out, "name:", e.name());
    for alias in e.aliases() {
        line(out, "alias:", alias);
    }
    for (i, message) in e.messages().iter().enumerate() {
        match e.sections().get(i) {
            Some(section) => line(out, "message:", format!("{message}  [{section}]")),
            None => line(out, "sdk message:", message),
        }
    }
    if let Some(d) = e.description() {
        line(out, "description:", d);
    }
    line(
        out,
        "canonical:",
        format!("{} (HTTP {})", e.canonical(), e.http_status()),
    );
    line(out, "recovery:", e.recovery());
    if let Some(status) = e.vendor_status() {
        line(out, "vendor HTTP:", status);
    }
    if let Some(retryable) = e.vendor_retryable() {
        line(
            out,
            "retryable:",
            format!("{retryable} (the vendor's flag)"),
        );
    }
    for (platform, name) in e.platform_names() {
        line(out, "platform:", format!("{platform}: {name}"));
    }
    for m in e.server_messages() {
        line(
            out,
            "server says:",
            format!("{:?}: {}", m.text(), m.explanation()),
        );
    }
    if let Some(url) = e.vendor_url() {
        line(out, "vendor page:", format!("<{url}>"));
    }
    line(out, "sources:", e.sources());
    for source in e.sources().list() {
        let version = source.version().unwrap_or("-");
        line(
            out,
            "  from:",
            format!("{} ({version}) <{}>", source.title(), source.url()),
        );
    }
    if let Some(d) = e.deprecated() {
        line(out, "deprecated:", d);
    }
    if let Some(n) = e.note() {
        line(out, "note:", n);
    }
}

fn resolution_text(r: &Resolution<'_>, out: &mut String) {
    match r {
        Resolution::Known(e) => entry_text(e, out),
        Resolution::Pattern { error, param } => {
            entry_text(error, out);
            line(out, "parameter:", param);
        }
        Resolution::Range {
            table,
            code,
            section,
        } => {
            out.push_str(&format!("  {table} documented range\n"));
            line(out, "code:", code);
            if let Some((a, b)) = section.range() {
                line(out, "range:", format!("{a}-{b}"));
            }
            line(out, "section:", section.title());
            line(
                out,
                "canonical:",
                format!(
                    "{} (HTTP {})",
                    section.canonical(),
                    section.canonical().http_status()
                ),
            );
            line(out, "recovery:", section.canonical().recovery());
        }
        Resolution::Unrecognized(u) => {
            out.push_str(&format!("  {} unrecognized\n", u.table()));
            line(out, "code:", u.code());
            if let Some(m) = u.message() {
                line(out, "message:", m);
            }
            line(out, "canonical:", "Unknown (HTTP 500)");
        }
        Resolution::Runtime(e) => {
            out.push_str(&format!(
                "  {} client-side runtime failure
",
                e.table()
            ));
            line(out, "JS error:", e.name());
            if let Some(m) = e.message() {
                line(out, "message:", m);
            }
            let canonical = e.canonical();
            line(
                out,
                "canonical:",
                format!("{canonical} (HTTP {})", canonical.http_status()),
            );
            line(out, "recovery:", e.recovery());
        }
        other => out.push_str(&format!("  {}\n", escaped(&other.to_string()))),
    }
}

fn print_entries(entries: &[AnyChatError], as_json: bool, out: &mut String) {
    if as_json {
        out.push_str(&pretty(&Value::Array(
            entries.iter().map(entry_json).collect(),
        )));
    } else {
        for e in entries {
            // Catalog text is validated, but every text output goes through `escaped`.
            let text = e.to_string();
            out.push_str(&format!("{:<16} {}\n", e.table(), escaped(&text)));
        }
    }
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// The options of `parse`.
struct ParseOptions {
    shape: Option<ShapeArg>,
    status: Option<u16>,
    headers: Vec<String>,
    http: bool,
    problem: bool,
    json: bool,
}

fn parse_command(file: Option<&str>, options: &ParseOptions, out: &mut String) -> ExitCode {
    let mut input = Vec::new();
    let read = match file {
        None | Some("-") => std::io::stdin().read_to_end(&mut input).map(|_| ()),
        Some(path) => std::fs::read(path).map(|bytes| input = bytes),
    };
    let name = file.unwrap_or("standard input");
    if let Err(e) = read {
        warn(format_args!("cannot read {name}: {e}"));
        return ExitCode::from(2);
    }
    if options.http || options.status.is_some() {
        return classify_response(name, &input, options, out);
    }
    let Ok(input) = std::str::from_utf8(&input) else {
        warn(format_args!("cannot read {name}: not UTF-8 text"));
        return ExitCode::from(2);
    };
    // A Problem Details document is explained as one, never as a vendor payload.
    let body = response::classify(options.shape.map(shape_table), 0, [], input.as_bytes());
    if let Some(doc) = body.received_problem() {
        report_problem(doc, input, options, out);
        return ExitCode::SUCCESS;
    }
    let parsed = parse_shape(input, options.shape);
    if options.problem {
        return match parsed {
            Ok(p) => {
                out.push_str(&pretty_problem(&ProblemDetails::from_parsed(&p)));
                ExitCode::SUCCESS
            }
            Err(e) => {
                warn(format_args!("{e}"));
                ExitCode::FAILURE
            }
        };
    }
    report_parsed(parsed, options.json, out)
}

/// The table whose parser `--shape` names.
fn shape_table(shape: ShapeArg) -> Table {
    match shape {
        ShapeArg::Rest => Table::CometChatRest,
        ShapeArg::Calls => Table::CometChatCalls,
        ShapeArg::Exception => Table::CometChatSdk,
        ShapeArg::Agora => Table::AgoraChat,
        ShapeArg::AgoraRest => Table::AgoraRest,
        ShapeArg::Genesys => Table::GenesysChat,
        ShapeArg::Stream => Table::StreamChat,
        ShapeArg::Sendbird => Table::SendbirdChat,
        ShapeArg::Twilio => Table::TwilioConversations,
        ShapeArg::Ably => Table::Ably,
    }
}

/// `parse --status ... [--header ...]` or `parse --http`: the whole response to a decision.
fn classify_response(
    name: &str,
    input: &[u8],
    options: &ParseOptions,
    out: &mut String,
) -> ExitCode {
    let raw = match read_response(name, input, options) {
        Ok(raw) => raw,
        Err(status) => return status,
    };
    // A capture keeps the body as sent: undo its chunked framing and gzip or deflate coding.
    let (body, decoded) = if options.http {
        decode::body(&raw.headers, raw.body)
    } else {
        (std::borrow::Cow::Borrowed(raw.body), Vec::new())
    };
    let classified = response::classify(
        options.shape.map(shape_table),
        raw.status,
        raw.headers.iter().copied(),
        &body,
    );
    if options.problem {
        out.push_str(&pretty_problem(&classified.problem()));
    } else if options.json {
        let mut v = classified_json(&classified);
        v["decoded"] = json!(decoded);
        out.push_str(&pretty(&v));
    } else {
        if !decoded.is_empty() {
            out.push_str(&format!("body decoded from: {}\n", decoded.join(", ")));
        }
        classified_text(&classified, out);
    }
    ExitCode::SUCCESS
}

/// The response `parse` classifies: the raw input (`--http`), or `--status`, the `--header`s and
/// the input as its body. A malformed one is reported, with exit status 2.
fn read_response<'a>(
    name: &str,
    input: &'a [u8],
    options: &'a ParseOptions,
) -> Result<raw_http::Raw<'a>, ExitCode> {
    if options.http {
        return raw_http::parse(input).map_err(|e| {
            warn(format_args!("{name}: {e}"));
            ExitCode::from(2)
        });
    }
    let mut headers = Vec::new();
    for (i, header) in options.headers.iter().enumerate() {
        match raw_http::header(header.as_bytes()) {
            Ok(h) => headers.push(h),
            Err(e) => {
                warn(format_args!("--header number {}: {e}", i + 1));
                return Err(ExitCode::from(2));
            }
        }
    }
    Ok(raw_http::Raw {
        // `--status` is set whenever `--http` is not (see `parse_command`).
        status: options.status.unwrap_or(500),
        headers,
        body: input,
    })
}

fn pretty_problem(problem: &ProblemDetails) -> String {
    let mut s = serde_json::to_string_pretty(problem).unwrap_or_else(|_| problem.to_json());
    s.push('\n');
    s
}

fn wait_json(wait: Option<Wait>) -> Value {
    match wait {
        Some(Wait::Delay(d)) => json!({ "delay_secs": d.as_secs_f64() }),
        Some(Wait::Until(t)) => json!({ "until_unix": t }),
        None => Value::Null,
    }
}

fn wait_text(wait: Wait) -> String {
    match wait {
        Wait::Delay(d) => format!("in {d:?}"),
        Wait::Until(t) => format!("at {t} (Unix time)"),
    }
}

fn classified_json(c: &Classified<'_>) -> Value {
    let decision = c.decision();
    let hints = c.hints();
    json!({
        "status": c.status(),
        "table": c.table(),
        "payload": c.payload().map(parsed_json),
        "problem_body": c.received_problem().map(|p| json!({
            "document": p,
            "entry": p.entry().map(|e| entry_json(&e)),
        })),
        "excerpt": c.excerpt().map(|e| json!({
            "text": e.text(), "len": e.len(), "truncated": e.is_truncated(),
        })),
        "body_error": match c.body() {
            Body::Unparsed { error: Some(e), .. } => json!(e.to_string()),
            _ => Value::Null,
        },
        "hints": {
            "retry_after": wait_json(hints.retry_after()),
            "rate_limit_retry_after_secs": hints.rate_limit_retry_after().map(|d| d.as_secs_f64()),
            "limit": hints.limit(),
            "window_secs": hints.window().map(|d| d.as_secs()),
            "remaining": hints.remaining(),
            "reset": wait_json(hints.reset()),
        },
        "canonical": c.canonical(),
        "recovery": c.recovery(),
        "decision": decision.as_str(),
        "retry_after_secs": decision.delay().map(|d| d.as_secs_f64()),
    })
}

/// `parse` of a Problem Details document: as text, as JSON with its entry, or (`--problem`) as
/// the document to relay, its status the document's own.
fn report_problem(doc: &ProblemDetails, input: &str, options: &ParseOptions, out: &mut String) {
    if options.problem {
        let status = doc.status.unwrap_or(500);
        let content_type = ("Content-Type", response::PROBLEM_JSON.as_bytes());
        let shape = options.shape.map(shape_table);
        let relayed = response::classify(shape, status, [content_type], input.as_bytes());
        out.push_str(&pretty_problem(&relayed.problem()));
    } else if options.json {
        let entry = doc.entry().map(|e| entry_json(&e));
        out.push_str(&pretty(
            &json!({ "problem_body": { "document": doc, "entry": entry } }),
        ));
    } else {
        problem_text(doc, out);
    }
}

/// A Problem Details body, member by member, and the entry it resolves to.
fn problem_text(doc: &ProblemDetails, out: &mut String) {
    out.push_str("body: Problem Details (RFC 9457)\n");
    line(out, "type:", &doc.type_uri);
    let members = [
        ("title:", doc.title.as_deref()),
        ("detail:", doc.detail.as_deref()),
        ("instance:", doc.instance.as_deref()),
    ];
    for (label, value) in members {
        if let Some(value) = value {
            line(out, label, value);
        }
    }
    if let Some(status) = doc.status {
        line(out, "status:", status);
    }
    if let Some(e) = doc.entry() {
        line(
            out,
            "entry:",
            format!("{} {} ({})", e.table(), e.variant_name(), e.code()),
        );
    }
    for (name, value) in &doc.extensions {
        line(out, "extension:", format!("{name}: {value}"));
    }
}

fn classified_text(c: &Classified<'_>, out: &mut String) {
    match c.body() {
        Body::Parsed(p) => parsed_text(p, out),
        Body::Problem(doc) => problem_text(doc, out),
        Body::Unparsed { excerpt, error } => {
            out.push_str("body: no vendor payload");
            match error {
                Some(e) => out.push_str(&format!(" ({})\n", escaped(&e.to_string()))),
                None if excerpt.is_empty() => out.push_str(" (empty)\n"),
                None => out.push_str(" (not UTF-8)\n"),
            }
            if !excerpt.is_empty() {
                let more = if excerpt.is_truncated() { " ..." } else { "" };
                line(out, "excerpt:", format!("{:?}{more}", excerpt.text()));
                line(out, "length:", format!("{} bytes", excerpt.len()));
            }
        }
        _ => {}
    }
    out.push_str("response\n");
    line(out, "status:", c.status());
    let hints = c.hints();
    if let Some(w) = hints.retry_after() {
        line(out, "Retry-After:", wait_text(w));
    }
    if let Some(d) = hints.rate_limit_retry_after() {
        line(
            out,
            "retry after:",
            format!("in {d:?} (X-RateLimit-RetryAfter)"),
        );
    }
    if let Some(limit) = hints.limit() {
        match hints.window() {
            Some(w) => line(out, "limit:", format!("{limit} per {w:?}")),
            None => line(out, "limit:", limit),
        }
    }
    if let Some(remaining) = hints.remaining() {
        line(out, "remaining:", remaining);
    }
    if let Some(w) = hints.reset() {
        line(out, "reset:", wait_text(w));
    }
    let canonical = c.canonical();
    line(
        out,
        "canonical:",
        format!("{canonical} (HTTP {})", canonical.http_status()),
    );
    line(out, "recovery:", c.recovery());
    line(out, "decision:", c.decision());
}

fn parse_shape(
    input: &str,
    shape: Option<ShapeArg>,
) -> Result<payload::ParsedError<'_>, payload::PayloadError> {
    match shape {
        None => payload::parse(input),
        Some(ShapeArg::Rest) => payload::parse_rest(input),
        Some(ShapeArg::Calls) => payload::parse_calls(input),
        Some(ShapeArg::Exception) => payload::parse_exception(input),
        Some(ShapeArg::Agora) => payload::parse_agora(input),
        Some(ShapeArg::AgoraRest) => payload::parse_agora_rest(input),
        Some(ShapeArg::Genesys) => payload::parse_genesys(input),
        Some(ShapeArg::Stream) => payload::parse_stream(input),
        Some(ShapeArg::Sendbird) => payload::parse_sendbird(input),
        Some(ShapeArg::Twilio) => payload::parse_twilio(input),
        Some(ShapeArg::Ably) => payload::parse_ably(input),
    }
}

fn report_parsed(
    parsed: Result<payload::ParsedError<'_>, payload::PayloadError>,
    as_json: bool,
    out: &mut String,
) -> ExitCode {
    match parsed {
        Ok(p) => {
            if as_json {
                out.push_str(&pretty(&parsed_json(&p)));
            } else {
                parsed_text(&p, out);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            warn(format_args!("{e}"));
            ExitCode::FAILURE
        }
    }
}

fn parsed_json(p: &ParsedError<'_>) -> Value {
    json!({
        "shape": p.shape(),
        "code": p.code(),
        "name": p.name(),
        "message": p.message(),
        "details": p.details().and_then(|d| serde_json::from_str::<Value>(d.get()).ok()),
        "status": p.status(),
        "server_message": p.server_message(),
        "resolved": resolution_json(p.resolution()),
        "canonical": p.canonical(),
        "http_status": p.http_status(),
        "recovery": p.recovery(),
        "retry_after_secs": p.retry_after().map(|d| d.as_secs()),
    })
}

fn parsed_text(p: &ParsedError<'_>, out: &mut String) {
    out.push_str(&format!("{} payload\n", p.shape()));
    line(out, "code:", p.code());
    if let Some(n) = p.name() {
        line(out, "name:", n);
    }
    if let Some(m) = p.message() {
        line(out, "message:", m);
    }
    if let Some(d) = p.details() {
        line(out, "details:", d.get());
    }
    if let Some(status) = p.status() {
        line(out, "HTTP status:", status);
    }
    if let Some(delay) = p.retry_after() {
        line(
            out,
            "retry after:",
            format!("{}s (the payload's own delay)", delay.as_secs()),
        );
    }
    if let Some(m) = p.server_message() {
        line(
            out,
            "documented:",
            format!("{:?}: {}", m.text(), m.explanation()),
        );
    }
    out.push_str("resolved as\n");
    resolution_text(p.resolution(), out);
}
