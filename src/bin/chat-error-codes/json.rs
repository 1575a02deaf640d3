//! JSON output (`--json`): what scripts read. An entry is the library's
//! [`Record`](chat_error_codes::catalog::Record), whose schema is documented there.

use chat_error_codes::payload::ParsedError;
use chat_error_codes::response::{Body, Classified, ProblemDetails, UnixTime, Wait};
use chat_error_codes::{AnyChatError, ErrorInfo, resolve::Resolution};
use serde_json::{Value, json};

pub(crate) fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

pub(crate) fn pretty_problem(problem: &ProblemDetails) -> String {
    let mut s = serde_json::to_string_pretty(problem).unwrap_or_else(|_| problem.to_json());
    s.push('\n');
    s
}

/// An entry as the library's `Record` (its schema is documented there).
pub(crate) fn entry_json(e: &AnyChatError) -> Value {
    serde_json::to_value(e.record()).unwrap_or(Value::Null)
}

pub(crate) fn resolution_json(r: &Resolution<'_>) -> Value {
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

pub(crate) fn wait_json(wait: Option<Wait>) -> Value {
    match wait {
        Some(Wait::Delay(d)) => json!({ "delay_secs": d.as_secs_f64() }),
        Some(Wait::Until(t)) => json!({ "until_unix": t }),
        None => Value::Null,
    }
}

pub(crate) fn classified_json(c: &Classified<'_>) -> Value {
    let decision = c.decision(UnixTime::now());
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

pub(crate) fn parsed_json(p: &ParsedError<'_>) -> Value {
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
