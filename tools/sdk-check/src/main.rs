//! `sdk-check`: compares the catalog with the error codes of the vendors' shipped SDKs.
//!
//! Usage: `cargo run -p sdk-check -- <node_modules folder>`
//!
//! The folder must hold `agora-chat` and `@cometchat/chat-sdk-javascript`. The tool prints each
//! package's version next to the one the catalog was checked against ([`Table::sdk`]), then
//! extracts, by plain text scanning:
//! - Agora: every member of `enum Code` in `status.d.ts`, plus the members of the runtime enum in
//!   `Agora-chat.js` that the bundle raises as an error `type`;
//! - CometChat: every error object `{code:…}` in `CometChat.js` (constants, inline literals,
//!   pre-built exceptions), the codes built from `%s` templates at `format(JSON.stringify(…))`
//!   call sites, the bare string-code constants and the uploader's server codes.
//!
//! It lists the SDK codes the catalog lacks (only codes the bundle uses: exported but unused
//! constants are left out) and the catalog entries marked as from the SDK that the package no
//! longer defines. Exit status: 0 no drift, 1 drift, 2 usage or I/O error.
#![forbid(unsafe_code)]
#![deny(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chat_error_codes::cometchat::sdk::ChatError as Comet;
use chat_error_codes::{ErrorInfo, Table, agora::ChatError as Agora};
use clap::Parser;

/// Command-line arguments.
#[derive(Parser)]
#[command(about = "Reports drift between the catalog and the installed vendor SDKs")]
struct Args {
    /// The node_modules folder that holds agora-chat and @cometchat/chat-sdk-javascript.
    node_modules: PathBuf,
}

/// One code found in an SDK.
struct Found {
    /// The code; CometChat templates as patterns (`INVALID_{param}`), numeric codes by symbol.
    code: String,
    /// Agora: the enum value. CometChat: the number sent as `code` with the symbol in `name`.
    number: Option<i64>,
    /// Where: a constant path, a file, or the offset of an inline literal.
    origin: String,
    /// Whether the package uses it (throws, raises or compares it), not only defines it.
    used: bool,
}

/// A [`Found`] code.
fn found(code: String, number: Option<i64>, origin: String, used: bool) -> Found {
    Found {
        code,
        number,
        origin,
        used,
    }
}

/// Runs the check; see the crate docs for the exit status.
fn main() -> ExitCode {
    match run(&Args::parse().node_modules) {
        Ok(clean) => ExitCode::from(u8::from(!clean)),
        Err(e) => {
            eprintln!("sdk-check: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Checks both packages in the node_modules folder `dir` and prints the report; true if clean.
fn run(dir: &Path) -> Result<bool, String> {
    if !dir.is_dir() {
        return Err(format!("{} is not a folder", dir.display()));
    }
    let comet_dir = dir.join("@cometchat/chat-sdk-javascript");
    let agora = (Table::AgoraChat, agora(&dir.join("agora-chat"))?);
    let comet = (Table::CometChatSdk, comet(&comet_dir)?);
    let mut clean = true;
    for (table, found) in [agora, comet] {
        let (lacking, gone) = drift(table, &found);
        clean &= report(table, "SDK codes missing from the catalog", &lacking);
        clean &= report(table, "catalog entries gone from the SDK", &gone);
    }
    println!("{}", if clean { "no drift" } else { "drift found" });
    Ok(clean)
}

/// Prints one list of a table's drift; true if it is empty.
fn report(table: Table, what: &str, list: &BTreeSet<String>) -> bool {
    println!("{table}: {what}: {}", list.len());
    list.iter().for_each(|line| println!("  {line}"));
    list.is_empty()
}

/// The used SDK codes the catalog lacks, and the names of the catalog's entries from the SDK
/// that the SDK does not have (Agora: not with the entry's number).
fn drift(table: Table, found: &[Found]) -> (BTreeSet<String>, BTreeSet<String>) {
    let show = |n: Option<i64>, code: &str| n.map_or(String::new(), |n| format!("{n} ")) + code;
    let known = |f: &Found| match table {
        Table::AgoraChat => {
            let number = f.number.and_then(|n| i32::try_from(n).ok());
            let by_number = number.and_then(Agora::from_number);
            by_number.is_some_and(|e| Agora::from_code(&f.code) == Some(e))
        }
        // Codes built at a format() site may be covered by a pattern entry.
        _ if f.origin.starts_with("format(") && Comet::from_pattern(&f.code).is_some() => true,
        _ => Comet::from_code(&f.code).is_some(),
    };
    let mut lacking = BTreeMap::new(); // each code once, with the first place it was found
    for f in found.iter().filter(|f| f.used && !known(f)) {
        lacking.entry(show(f.number, &f.code)).or_insert(&f.origin);
    }
    let entries = match table {
        Table::AgoraChat => sdk_names(Agora::ALL),
        _ => sdk_names(Comet::ALL),
    };
    let mut gone = BTreeSet::new();
    for (n, name) in entries {
        let has = |f: &Found| f.code == name && (n.is_none() || f.number == n);
        if !found.iter().any(has) {
            gone.insert(show(n, name));
        }
    }
    let lacking = lacking.iter().map(|(code, at)| format!("{code} ({at})"));
    (lacking.collect(), gone)
}

/// The number (integer tables) and every name of each catalog entry from the SDK.
fn sdk_names<E: ErrorInfo>(all: &[E]) -> Vec<(Option<i64>, &'static str)> {
    let mut names = Vec::new();
    for e in all.iter().filter(|e| e.sources().sdk()) {
        let n = e.code().as_i32().map(i64::from);
        let aliases = e.aliases().iter().map(|&alias| (n, alias));
        names.extend(std::iter::once((n, e.name())).chain(aliases));
    }
    names
}

/// Reads a file, naming it in the error.
fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Prints the package's installed version and the one the catalog was checked against.
fn version(pkg: &Path, table: Table) -> Result<(), String> {
    let path = pkg.join("package.json");
    let parsed = serde_json::from_str::<serde_json::Value>(&read(&path)?);
    let json = parsed.map_err(|e| format!("{}: {e}", path.display()))?;
    let (name, version) = (json["name"].as_str(), json["version"].as_str());
    let installed = name.zip(version).map(|(n, v)| format!("{n} {v}"));
    let installed = installed.ok_or_else(|| format!("{}: no name or version", path.display()))?;
    let catalog = table.sdk().unwrap_or("nothing");
    let same = installed == catalog;
    let same = if same { "same" } else { "VERSION DIFFERS" };
    println!("{table}: installed {installed}; catalog checked against {catalog} ({same})");
    Ok(())
}

/// Whether `b` can be part of a JavaScript identifier.
fn ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// The byte at `i`, or 0 past the end.
fn byte(s: &str, i: usize) -> u8 {
    s.as_bytes().get(i).copied().unwrap_or(0)
}

/// The end of the run of bytes from `i` that satisfy `f`.
fn run_end(s: &str, i: usize, f: impl Fn(u8) -> bool) -> usize {
    i + s.as_bytes().iter().skip(i).take_while(|&&b| f(b)).count()
}

/// The member chain (`a.b.c`) that ends at `i`.
fn chain(s: &str, i: usize) -> &str {
    let is_chain = |c: char| c.is_ascii_alphanumeric() || "_$.".contains(c);
    let rest = slice(s, 0, i).trim_end_matches(is_chain);
    slice(s, rest.len(), i)
}

/// The text after the first `pattern` in `s`, or `""`.
fn after<'a>(s: &'a str, pattern: &str) -> &'a str {
    s.split_once(pattern).map_or("", |(_, rest)| rest)
}

/// `s[a..b]`, or `""` if that is not a slice of `s`.
fn slice(s: &str, a: usize, b: usize) -> &str {
    s.get(a..b).unwrap_or_default()
}

/// The positions of `.name` in `s` as a whole member name (not a prefix of a longer one).
fn members(s: &str, name: &str) -> Vec<usize> {
    let dotted = format!(".{name}");
    let hits = s.match_indices(&dotted).map(|(i, _)| i);
    let whole = |i: &usize| !ident(byte(s, i + 1 + name.len()));
    hits.filter(whole).collect()
}

/// Agora: the members of `enum Code` in status.d.ts (one per line, doc comments before) and the
/// runtime-only members that the bundle raises as an error `type` (`type:x.C.NAME`).
fn agora(pkg: &Path) -> Result<Vec<Found>, String> {
    version(pkg, Table::AgoraChat)?;
    let dts = read(&pkg.join("status.d.ts"))?;
    let (mut codes, mut doc) = (Vec::new(), Vec::new());
    let lines = after(&dts, "enum Code {").lines().map(str::trim);
    for line in lines.take_while(|l| !l.starts_with('}')) {
        if line.starts_with("/*") || line.starts_with('*') {
            let text = line.trim_start_matches("/*").trim_end_matches("*/");
            let text = text.trim_start_matches('*').replace("@hidden", "");
            doc.extend(text.split_whitespace().map(str::to_owned));
        } else if let Some((name, value)) = line.split_once('=') {
            let value = value.split("//").next().unwrap_or_default();
            let value = value.trim().trim_end_matches(',').trim().parse().ok();
            let origin = format!("status.d.ts: {}", doc.join(" "));
            let origin = origin.trim_end_matches([':', ' ']).to_owned();
            codes.extend(value.map(|n| found(name.trim().into(), Some(n), origin, true)));
            doc.clear();
        }
    }
    if codes.is_empty() {
        return Err("status.d.ts: no `enum Code` members".to_owned());
    }
    let js = read(&pkg.join("Agora-chat.js"))?;
    let start = js.find(".REQUEST_SUCCESS=0]=\"REQUEST_SUCCESS\"");
    let start = start.and_then(|i| js.get(..i)?.rfind('['));
    let start = start.ok_or("Agora-chat.js: no runtime enum Code")?;
    let tail = slice(&js, start, js.len());
    let end = start + tail.find("}(").unwrap_or(tail.len());
    let runtime = slice(&js, start, end).split('[').filter_map(|member| {
        // `e.NAME=VALUE]="NAME"`
        let (lhs, _) = member.split_once("]=\"")?;
        let (name, value) = lhs.split_once('.')?.1.split_once('=')?;
        let outside = |i: &usize| *i < start || *i > end;
        let as_type = |i: usize| slice(&js, 0, i - chain(&js, i).len()).ends_with("type:");
        let raised = members(&js, name).into_iter().filter(outside).any(as_type);
        let raised = raised && !codes.iter().any(|f| f.code == name);
        let origin = "Agora-chat.js only".to_owned();
        raised.then(|| found(name.into(), value.parse().ok(), origin, true))
    });
    let runtime: Vec<Found> = runtime.collect();
    let (declared, more) = (codes.len(), runtime.len());
    println!("agora_chat: status.d.ts: {declared} members, Agora-chat.js: {more} more");
    codes.extend(runtime);
    Ok(codes)
}

/// A JS string literal at `i`, decoded, and its end.
fn string_lit(s: &str, i: usize) -> Option<(String, usize)> {
    let mut j = i + 1;
    while byte(s, i) == b'"' && byte(s, j) != b'"' && j < s.len() {
        j += if byte(s, j) == b'\\' { 2 } else { 1 };
    }
    let raw = s.get(i..=j).filter(|r| r.len() > 1 && r.ends_with('"'))?;
    Some((serde_json::from_str(&raw.replace("\\'", "'")).ok()?, j + 1))
}

/// A value at `i` and its end: a string (`"a"+x+"b"` is `a%sb`), a number, `{}` or `void 0`
/// (`None`), or a dotted identifier (a runtime value: `None`). The flag tells a string.
fn value(s: &str, i: usize) -> Option<(Option<String>, bool, usize)> {
    let rest = s.get(i..)?;
    let concat = |end: usize| byte(s, end) == b'+' && !byte(s, end + 1).is_ascii_digit();
    if let Some((mut text, mut end)) = string_lit(s, i) {
        while concat(end) && ident(byte(s, end + 1)) {
            let id_end = run_end(s, end + 1, |b| ident(b) || b == b'.');
            let more = string_lit(s, id_end + 1).filter(|_| byte(s, id_end) == b'+');
            let Some((more, e)) = more else { break };
            (text, end) = (format!("{text}%s{more}"), e);
        }
        Some((Some(text), true, end))
    } else if byte(s, i) == b'-' || byte(s, i).is_ascii_digit() {
        let end = run_end(s, i + 1, |b| b.is_ascii_digit());
        Some((Some(s.get(i..end)?.to_owned()), false, end))
    } else if let Some(n) = ["{}", "void 0"].into_iter().find(|p| rest.starts_with(p)) {
        Some((None, false, i + n.len()))
    } else {
        let end = run_end(s, i, |b| ident(b) || b == b'.');
        (end > i).then_some((None, false, end))
    }
}

/// The error object `{code:V(,name|message|details:V)*}` at `i`. Its origin is the constant
/// `GROUP.KEY` that holds it: the key from `KEY:{` or `KEY:new X.CometChatException({`, the
/// group from the last `t.GROUP={` before, unless a `function` lies in between (then the object
/// is an inline literal). A numeric `code` (`-1`, `"-1"`, `401`) is found by the symbol in `name`.
fn error_object(s: &str, i: usize, used: &dyn Fn(&str) -> bool) -> Option<Found> {
    let (code, string, mut j) = value(s, i + "{code:".len())?;
    let mut name = None;
    while byte(s, j) == b',' {
        let rest = s.get(j + 1..)?;
        let keys = ["name:", "message:", "details:"].into_iter();
        let key = keys.into_iter().find(|k| rest.starts_with(k))?;
        let (v, _, end) = value(s, j + 1 + key.len())?;
        (name, j) = (if key == "name:" { v } else { name }, end);
    }
    let before = s.get(..i).filter(|_| byte(s, j) == b'}')?;
    let new = before.strip_suffix("CometChatException(");
    let new = new.and_then(|b| b.strip_suffix(chain(b, b.len()))?.strip_suffix("new "));
    let head = new.unwrap_or(before).strip_suffix(':').unwrap_or_default();
    let key = Some(chain(head, head.len())).filter(|k| !k.is_empty());
    let path = group_before(s, i).zip(key).map(|(g, k)| format!("{g}.{k}"));
    let used = path.as_deref().is_none_or(used);
    let origin = path.unwrap_or_else(|| format!("inline @{i}"));
    let code = code?;
    let number = code.parse().ok();
    match name {
        Some(name) if number.is_some() => Some(found(name, number, origin, used)),
        _ => string.then(|| found(code.replace("%s", "{param}"), None, origin, used)),
    }
}

/// The constant group `t.GROUP={` that the object at `i` is part of: the last one before `i`,
/// unless a `function` lies in between.
fn group_before(s: &str, i: usize) -> Option<&str> {
    let mut end = i;
    loop {
        let k = s.get(..end)?.rfind("t.")?;
        let name_end = run_end(s, k + 2, |b| b.is_ascii_alphanumeric() || b == b'_');
        if name_end > k + 2 && slice(s, name_end, s.len()).starts_with("={") {
            let inline = slice(s, k, i).contains("function");
            return s.get(k + 2..name_end).filter(|_| !inline);
        }
        end = k;
    }
}

/// The code built at the call site `format(JSON.stringify(x.GROUP.KEY),arg,…)` at `i`, marking
/// its template in `codes` used: the `%s` of the template's code take the first arguments; an
/// argument that is not a string literal leaves the code unknown (`None`).
fn format_site(s: &str, i: usize, codes: &mut [Found]) -> Option<Found> {
    let start = i + "JSON.stringify(".len();
    let path_end = run_end(s, start, |b| ident(b) || b == b'.');
    let path = s.get(start..path_end)?.split_once('.')?.1;
    let is_template = |f: &&mut Found| f.origin == path && f.code.contains("{param}");
    let template = codes.iter_mut().find(is_template)?;
    let (mut args, mut j) = (Vec::new(), path_end + 1);
    while byte(s, path_end) == b')' && byte(s, j) == b',' {
        let (arg, string, end) = value(s, j + 1)?;
        (args, j) = ([args, vec![arg.filter(|_| string)]].concat(), end);
    }
    template.used |= byte(s, j) == b')' && !args.is_empty();
    if !template.used || args.is_empty() || byte(s, j) != b')' {
        return None;
    }
    let mut parts = template.code.split("{param}");
    let mut code = parts.next().unwrap_or_default().to_owned();
    for (n, part) in parts.enumerate() {
        code = code + args.get(n).map_or(Some(""), Option::as_deref)? + part;
    }
    Some(found(code, None, format!("format({path})"), true))
}

/// CometChat: every error code of the bundle (see the crate docs).
fn comet(pkg: &Path) -> Result<Vec<Found>, String> {
    version(pkg, Table::CometChatSdk)?;
    let js = read(&pkg.join("CometChat.js"))?;
    // GROUP.KEY is used where a member chain has GROUP before KEY (`x.GROUP.KEY`,
    // `x.GROUP.ERRORS.KEY`); its definition `t.GROUP={KEY:` is no such chain.
    let used = |path: &str| {
        let (group, key) = path.split_once('.').unwrap_or_default();
        let in_group = |i: usize| chain(&js, i).split('.').any(|g| g == group);
        members(&js, key).into_iter().any(in_group)
    };
    let mut codes = Vec::new();
    for (i, _) in js.match_indices("{code:") {
        codes.extend(error_object(&js, i, &used));
    }
    // Bare string constants `t.Errors={KEY:"CODE",KEY_MESSAGE:"…"}`.
    for group in "Errors CAMPAIGN_ERRORS API_ERROR_CODES PIN_SAVE_ERROR_CODES".split(' ') {
        let body = after(&js, &format!("t.{group}={{"));
        let pairs = body.split('}').next().unwrap_or_default().split(',');
        for (key, val) in pairs.filter_map(|p| p.split_once(':')) {
            let code = string_lit(val, 0).filter(|_| !key.ends_with("_MESSAGE"));
            let origin = format!("{group}.{key}");
            let used = used(&origin);
            codes.extend(code.map(|(code, _)| found(code, None, origin, used)));
        }
    }
    // Server codes the uploader recognises: `NON_RETRYABLE_PRESIGN_CODES=["…",…]`.
    let list = after(&js, "NON_RETRYABLE_PRESIGN_CODES=[");
    let used = js.matches("NON_RETRYABLE_PRESIGN_CODES").count() > 1;
    for item in list.split(']').next().unwrap_or_default().split(',') {
        let origin = "NON_RETRYABLE_PRESIGN_CODES".to_owned();
        codes.extend(string_lit(item, 0).map(|(code, _)| found(code, None, origin, used)));
    }
    for (i, _) in js.match_indices("JSON.stringify(") {
        let built = format_site(&js, i, &mut codes);
        codes.extend(built);
    }
    println!("cometchat_sdk: CometChat.js: {} codes found", codes.len());
    Ok(codes)
}
