//! Problem type URIs: the rustdoc page of each catalog entry (or a service's own pages), and
//! back from a URI or a document's extensions to the entry.

use alloc::string::String;

use crate::{AnyChatError, Code, ErrorInfo, RawCode, Resolution, Table, resolve};

use super::*;

/// Where [`problem_type`] points by default: the crate's documentation on docs.rs, for the
/// version that wrote the document.
pub const DOCS_BASE: &str = concat!(
    "https://docs.rs/chat-error-codes/",
    env!("CARGO_PKG_VERSION"),
    "/chat_error_codes/"
);

/// The prefix of the problem type URIs of earlier versions (`urn:chat-error-codes:<table>:<code>`),
/// still read by [`ProblemDetails::entry`]; nothing writes it any more.
pub const LEGACY_TYPE_PREFIX: &str = "urn:chat-error-codes:";

macro_rules! module_paths {
    ($(($variant:ident, $stem:literal, $($module:ident)::+, $kind:ident, $vendor:ident, $doc:literal)),* $(,)?) => {
        /// The folder of a table's module in the rustdoc output (`cometchat/rest/`).
        fn module_path(table: Table) -> &'static str {
            match table {
                $(Table::$variant => concat!($(stringify!($module), "/"),+),)*
            }
        }
    };
}
crate::for_each_table!(module_paths);

/// Whether a table's entries are keyed by the HTTP status and the code together, so that the
/// status picks the entry (Agora REST lists `web_application` under 415 and 500): its codes are
/// strings and every entry carries the status the vendor documents. Decided here only, from the
/// table's data.
pub(super) fn keyed_by_status(table: Table) -> bool {
    !table.has_integer_codes()
        && AnyChatError::all()
            .filter(|e| e.table() == table)
            .all(|e| e.vendor_status().is_some())
}

/// Whether an entry's code is the code received.
fn same_code(entry: Code, code: &RawCode<'_>) -> bool {
    match (entry, code) {
        (Code::Str(a), RawCode::Str(b)) => a == b,
        (Code::Int(a), RawCode::Int(b)) => i64::from(a) == *b,
        _ => false,
    }
}

/// What `code` is in `table`; in a table [keyed by status](keyed_by_status), the entry listed
/// with `status` first.
pub(super) fn resolve_with_status(
    table: Table,
    code: RawCode<'_>,
    status: Option<u16>,
) -> Resolution<'static> {
    let keyed = status
        .filter(|_| keyed_by_status(table))
        .and_then(|status| {
            AnyChatError::all().find(|e| {
                e.table() == table
                    && e.vendor_status() == Some(status)
                    && same_code(e.code(), &code)
            })
        });
    match keyed {
        Some(e) => Resolution::Known(e),
        None => resolve::raw(table, code).into_owned(),
    }
}

/// The problem type URI of a resolved code: the rustdoc page of its catalog entry's variant for
/// this version of the crate (a pattern code: the pattern's entry), which a person can open, as
/// RFC 9457 section 3.1.1 prefers; `about:blank` where no entry applies (an unrecognized code, a
/// documented range, a JavaScript error), the vendor, table and code staying in the extensions.
/// Stable within a version; no two entries share one.
///
/// ```
/// use chat_error_codes::{Table, response::{DOCS_BASE, problem_type}, resolve};
/// assert_eq!(
///     problem_type(&resolve::code(Table::AgoraChat, "605")),
///     format!("{DOCS_BASE}agora/enum.ChatError.html#variant.GroupNotExist")
/// );
/// assert_eq!(problem_type(&resolve::code(Table::CometChatRest, "ERR_NEW/2030")), "about:blank");
/// ```
pub fn problem_type(r: &Resolution<'_>) -> String {
    match r.entry() {
        Some(e) => alloc::format!(
            "{DOCS_BASE}{}enum.ChatError.html#variant.{}",
            module_path(e.table()),
            e.variant_name()
        ),
        None => String::from(ABOUT_BLANK),
    }
}

/// The problem type URI under a service's own base: `<base><table>/<code>`, the entry's code
/// with every byte outside RFC 3986's unreserved characters percent-encoded; a table keyed by
/// status puts the status first (`<base>agora_rest/500/web_application`, the status alone for
/// one listed without a string). `about:blank` where no entry applies.
///
/// ```
/// use chat_error_codes::{Table, agora::rest::ChatError, response::problem_type_with_base, resolve};
/// let base = "https://errors.example.com/chat/";
/// assert_eq!(problem_type_with_base(base, &resolve::code(Table::CometChatRest, "ERR_UID_NOT_FOUND")),
///            "https://errors.example.com/chat/cometchat_rest/ERR_UID_NOT_FOUND");
/// let r = chat_error_codes::resolve::Resolution::Known(ChatError::WebApplication500.into());
/// assert_eq!(problem_type_with_base(base, &r), "https://errors.example.com/chat/agora_rest/500/web_application");
/// ```
pub fn problem_type_with_base(base: &str, r: &Resolution<'_>) -> String {
    let Some(e) = r.entry() else {
        return String::from(ABOUT_BLANK);
    };
    let mut uri = String::from(base);
    uri.push_str(e.table().as_str());
    uri.push('/');
    let code = alloc::format!("{}", e.code());
    match e.vendor_status().filter(|_| keyed_by_status(e.table())) {
        Some(status) if code == alloc::format!("{status}") => uri.push_str(&code),
        Some(status) => {
            uri.push_str(&alloc::format!("{status}/"));
            percent_encode(&code, &mut uri);
        }
        None => percent_encode(&code, &mut uri),
    }
    uri
}

/// The entry a type URI this crate writes names: the rustdoc page of a variant (any version), or
/// the `urn:chat-error-codes:` form of earlier versions.
pub(super) fn entry_for_type(uri: &str) -> Option<AnyChatError> {
    if let Some(rest) = uri.strip_prefix(LEGACY_TYPE_PREFIX) {
        return legacy_entry(rest);
    }
    let rest = uri.strip_prefix("https://docs.rs/chat-error-codes/")?;
    let (_, rest) = rest.split_once("/chat_error_codes/")?;
    let (module, variant) = rest.split_once("enum.ChatError.html#variant.")?;
    AnyChatError::all().find(|e| module_path(e.table()) == module && e.variant_name() == variant)
}

/// `<table>:<code>` or, keyed by status, `<table>:<status>:<code>` / `<table>:<status>`.
fn legacy_entry(rest: &str) -> Option<AnyChatError> {
    let (table, code) = rest.split_once(':')?;
    let table: Table = table.parse().ok()?;
    if keyed_by_status(table) {
        let (status, code) = code.split_once(':').unwrap_or((code, ""));
        let status: u16 = status.parse().ok()?;
        let code = if code.is_empty() {
            alloc::format!("{status}")
        } else {
            percent_decode(code)?
        };
        return resolve_with_status(table, RawCode::from(code), Some(status)).entry();
    }
    if code.starts_with("unrecognized:") || code.starts_with("runtime:") {
        return None;
    }
    let code = percent_decode(code)?;
    resolve::code(table, &code).into_owned().entry()
}

/// Appends `s` with every byte outside RFC 3986's unreserved set percent-encoded.
fn percent_encode(s: &str, out: &mut String) {
    use core::fmt::Write;
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{b:02X}");
        }
    }
}

/// The text of a percent-encoded string; `None` for a bad escape or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let mut out = alloc::vec::Vec::with_capacity(s.len());
    let mut bytes = s.bytes();
    while let Some(b) = bytes.next() {
        if b == b'%' {
            let hex = [bytes.next()?, bytes.next()?];
            let hex = core::str::from_utf8(&hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
        } else {
            out.push(b);
        }
    }
    String::from_utf8(out).ok()
}
