//! The subcommands: each reads its input, asks the library, and hands the result to the text or
//! JSON renderer.

use std::io::Read;
use std::process::ExitCode;

use chat_error_codes::payload;
use chat_error_codes::response::{self, ProblemDetails, UnixTime};
use chat_error_codes::{
    AnyChatError, ErrorInfo, Table, lookup, lookup_lenient,
    resolve::{self, Resolution},
};
use serde_json::{Value, json};

use crate::args::{ParseOptions, ShapeArg};
use crate::json::{
    classified_json, entry_json, parsed_json, pretty, pretty_problem, resolution_json,
};
use crate::text::{classified_text, escaped, parsed_text, problem_text, resolution_text, warn};
use crate::{decode, raw_http};

pub(crate) fn explain(
    codes: &[String],
    as_json: bool,
    verbose: bool,
    out: &mut String,
) -> ExitCode {
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
                .map(|&t| resolve::code(t, code))
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
                resolution_text(r, verbose, out);
            }
        }
    }
    if as_json {
        out.push_str(&pretty(&Value::Array(reports)));
    }
    status
}

pub(crate) fn matches_words(e: &AnyChatError, words: &[String]) -> bool {
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

pub(crate) fn print_entries(entries: &[AnyChatError], as_json: bool, out: &mut String) {
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

pub(crate) fn parse_command(
    file: Option<&str>,
    options: &ParseOptions,
    out: &mut String,
) -> ExitCode {
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
    let body = response::classify(options.shape.map(ShapeArg::table), 0, [], input.as_bytes());
    if let Some(doc) = body.received_problem() {
        report_problem(doc, input, options, out);
        return ExitCode::SUCCESS;
    }
    let parsed = match options.shape {
        Some(shape) => payload::parse_for(shape.table(), input, None),
        None => payload::parse(input),
    };
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
    report_parsed(parsed, options, out)
}

/// `parse --status ... [--header ...]` or `parse --http`: the whole response to a decision.
pub(crate) fn classify_response(
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
        options.shape.map(ShapeArg::table),
        raw.status,
        raw.headers.iter().copied(),
        &body,
    );
    if options.problem {
        out.push_str(&pretty_problem(&classified.problem(UnixTime::now())));
    } else if options.json {
        let mut v = classified_json(&classified);
        v["decoded"] = json!(decoded);
        out.push_str(&pretty(&v));
    } else {
        if !decoded.is_empty() {
            out.push_str(&format!("body decoded from: {}\n", decoded.join(", ")));
        }
        classified_text(&classified, options.verbose, out);
    }
    ExitCode::SUCCESS
}

/// The response `parse` classifies: the raw input (`--http`), or `--status`, the `--header`s and
/// the input as its body. A malformed one is reported, with exit status 2.
pub(crate) fn read_response<'a>(
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

/// `parse` of a Problem Details document: as text, as JSON with its entry, or (`--problem`) as
/// the document to relay, its status the document's own.
pub(crate) fn report_problem(
    doc: &ProblemDetails,
    input: &str,
    options: &ParseOptions,
    out: &mut String,
) {
    if options.problem {
        let status = doc.status.unwrap_or(500);
        let content_type = ("Content-Type", response::PROBLEM_JSON.as_bytes());
        let shape = options.shape.map(ShapeArg::table);
        let relayed = response::classify(shape, status, [content_type], input.as_bytes());
        out.push_str(&pretty_problem(&relayed.problem(UnixTime::now())));
    } else if options.json {
        let entry = doc.entry().map(|e| entry_json(&e));
        out.push_str(&pretty(
            &json!({ "problem_body": { "document": doc, "entry": entry } }),
        ));
    } else {
        problem_text(doc, out);
    }
}

pub(crate) fn report_parsed(
    parsed: Result<payload::ParsedError<'_>, payload::PayloadError>,
    options: &ParseOptions,
    out: &mut String,
) -> ExitCode {
    match parsed {
        Ok(p) => {
            if options.json {
                out.push_str(&pretty(&parsed_json(&p)));
            } else {
                parsed_text(&p, options.verbose, out);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            warn(format_args!("{e}"));
            ExitCode::FAILURE
        }
    }
}
