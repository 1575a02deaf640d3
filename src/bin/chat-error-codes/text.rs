//! Text output: what a person reads in a terminal. Every text from outside (a vendor's message,
//! a code, a header) goes through [`escaped`].

use chat_error_codes::catalog::Source;
use chat_error_codes::payload::ParsedError;
use chat_error_codes::response::{Body, Classified, ProblemDetails, UnixTime, Wait};
use chat_error_codes::{AnyChatError, ErrorInfo, resolve::Resolution};

pub(crate) fn line(out: &mut String, label: &str, value: impl std::fmt::Display) {
    let value = value.to_string();
    out.push_str(&format!("    {label:<12} {}\n", escaped(&value)));
}

/// Whether a character must not reach a terminal as is: a control character (C0, DEL, C1: ESC
/// sequences, BEL, NUL, CR, LF) or a bidirectional mark, embedding, override or isolate
/// (U+202E reverses what follows).
pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// Text from outside (a vendor's message, a code, a header) made safe for a terminal: every
/// [unsafe](is_unsafe) character written as a Rust escape (`\u{1b}`, `\r`, `\n`, `\u{202e}`),
/// everything else as it is. Every text output of the tool goes through it.
pub(crate) fn escaped(text: &str) -> std::borrow::Cow<'_, str> {
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
pub(crate) fn warn(message: std::fmt::Arguments<'_>) {
    eprintln!("chat-error-codes: {}", escaped(&message.to_string()));
}

/// An entry: its table, code, name, message, class, advice and one source line; with
/// `verbose`, everything else the catalog has (every message and section, aliases, the
/// description, platform names, documented server strings, every source, notes).
pub(crate) fn entry_text(e: &AnyChatError, verbose: bool, out: &mut String) {
    out.push_str(&format!(
        "  {} ({}) {}\n",
        e.table(),
        e.vendor(),
        e.variant_name()
    ));
    line(out, "code:", e.code());
    if e.code() != e.name() {
        line(out, "name:", e.name());
    }
    if verbose {
        entry_details(e, out);
    } else {
        line(out, "message:", e.message());
    }
    line(
        out,
        "canonical:",
        format!("{} (HTTP {})", e.canonical(), e.http_status()),
    );
    line(out, "recovery:", e.recovery());
    if verbose {
        entry_provenance(e, out);
    } else {
        entry_source(e, out);
    }
}

/// The one source line of the concise form: the vendor's page for the code, else the first
/// source with its version.
fn entry_source(e: &AnyChatError, out: &mut String) {
    match (e.vendor_url(), e.sources().list().first()) {
        (Some(url), _) => line(out, "source:", format!("<{url}>")),
        (None, Some(source)) => line(out, "source:", source_text(source)),
        (None, None) => {}
    }
}

/// `title (version) <url>`, without the version where the source has none.
fn source_text(source: &Source) -> String {
    match source.version() {
        Some(version) => format!("{} ({version}) <{}>", source.title(), source.url()),
        None => format!("{} <{}>", source.title(), source.url()),
    }
}

/// The texts of the verbose form: aliases, every message with its section, the description.
fn entry_details(e: &AnyChatError, out: &mut String) {
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
}

/// The facts of the verbose form after the class: the vendor's own status and flags, platform
/// names, documented server strings, every source, the deprecation and the catalog's note.
fn entry_provenance(e: &AnyChatError, out: &mut String) {
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
        line(out, "  from:", source_text(source));
    }
    if let Some(d) = e.deprecated() {
        line(out, "deprecated:", d);
    }
    if let Some(n) = e.note() {
        line(out, "note:", n);
    }
}

pub(crate) fn resolution_text(r: &Resolution<'_>, verbose: bool, out: &mut String) {
    match r {
        Resolution::Known(e) => entry_text(e, verbose, out),
        Resolution::Pattern { error, param } => {
            entry_text(error, verbose, out);
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
            out.push_str(&format!("  {} client-side runtime failure\n", e.table()));
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

pub(crate) fn wait_text(wait: Wait) -> String {
    match wait {
        Wait::Delay(d) => format!("in {d:?}"),
        Wait::Until(t) => format!("at {t} (Unix time)"),
    }
}

/// A Problem Details body, member by member, and the entry it resolves to.
pub(crate) fn problem_text(doc: &ProblemDetails, out: &mut String) {
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

pub(crate) fn classified_text(c: &Classified<'_>, verbose: bool, out: &mut String) {
    match c.body() {
        Body::Parsed(p) => parsed_text(p, verbose, out),
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
    line(out, "decision:", c.decision(UnixTime::now()));
}

/// A parsed payload: its shape, code, message and the payload's own delay, then what the code
/// resolved to; with `verbose`, also its name, details and the documented server string.
pub(crate) fn parsed_text(p: &ParsedError<'_>, verbose: bool, out: &mut String) {
    out.push_str(&format!("{} payload\n", p.shape()));
    line(out, "code:", p.code());
    if let Some(n) = p.name().filter(|_| verbose) {
        line(out, "name:", n);
    }
    if let Some(m) = p.message() {
        line(out, "message:", m);
    }
    if let Some(d) = p.details().filter(|_| verbose) {
        line(out, "details:", d.get());
    }
    if let Some(status) = p.status() {
        line(out, "HTTP status:", status);
    }
    if let Some(delay) = p.retry_after() {
        let delay = format!("{}s (the payload's own delay)", delay.as_secs());
        line(out, "retry after:", delay);
    }
    if let Some(m) = p.server_message().filter(|_| verbose) {
        line(
            out,
            "documented:",
            format!("{:?}: {}", m.text(), m.explanation()),
        );
    }
    out.push_str("resolved as\n");
    resolution_text(p.resolution(), verbose, out);
}
