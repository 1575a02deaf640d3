//! `scaling-data`: synthetic catalogs for the scaling runs (`benches/scaling.sh`). A maintainer
//! tool, not published.
//!
//! [`rewrite`] replaces the `[[error]]` entries of `cometchat_rest.toml` (string codes) and
//! `agora_chat.toml` (integer codes) in the `data/` folder of a **copy** of the crate with `N`
//! synthetic entries each; the header, sources and sections of each file stay as they are, and
//! the other tables stay real. The output is the same for the same `N` (a fixed seed) and passes
//! the generator's validator:
//! - sections are the file's own (those without a code range);
//! - canonical classes are the library's [`Canonical`] variants (`as_str()`), never a list kept
//!   here;
//! - codes and symbolic names are checked with the generator's own naming rules
//!   (`codegen/naming.rs`, included as a module): valid codes and names whose variant names
//!   (`variant_name`) are all distinct;
//! - no string code ends in `X` or `Y`, so the near misses of `benches/common` (last character
//!   changed to `X`, or `Y` after an `X`) never hit.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use std::collections::BTreeSet;
use std::path::Path;

use chat_error_codes::Canonical;
use strum::VariantArray;

#[allow(dead_code)] // the tool needs the variant rule and the code and name checks only
#[path = "../../../codegen/naming.rs"]
mod naming;

/// The string-code table the tool rewrites.
pub const REST_FILE: &str = "cometchat_rest.toml";
/// The integer-code table the tool rewrites.
pub const AGORA_FILE: &str = "agora_chat.toml";

/// Separates a file's own header from the synthetic entries (and lets a second run find the
/// header again).
const MARKER: &str = "# --- synthetic entries (tools/scaling-data) ---";

/// A synthetic catalog: the two rewritten files and a one-line summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    /// The new `cometchat_rest.toml`.
    pub rest: String,
    /// The new `agora_chat.toml`.
    pub agora: String,
    /// What was generated, for people.
    pub summary: String,
}

/// Rewrites the two tables in `data_dir` with `n` synthetic entries each and returns the
/// summary. Refuses the crate's own `data/`: the tool is for copies.
pub fn rewrite(data_dir: &Path, n: usize) -> Result<String, String> {
    let own = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    if own.canonicalize().ok() == Some(data_dir.canonicalize().map_err(|e| io(data_dir, &e))?) {
        return Err(format!(
            "{} is the crate's own data/: run the tool on a copy of the crate",
            data_dir.display()
        ));
    }
    let read = |file: &str| {
        let path = data_dir.join(file);
        std::fs::read_to_string(&path).map_err(|e| io(&path, &e))
    };
    let catalog = generate(&read(REST_FILE)?, &read(AGORA_FILE)?, n)?;
    for (file, text) in [(REST_FILE, &catalog.rest), (AGORA_FILE, &catalog.agora)] {
        let path = data_dir.join(file);
        std::fs::write(&path, text).map_err(|e| io(&path, &e))?;
    }
    Ok(catalog.summary)
}

fn io(path: &Path, e: &std::io::Error) -> String {
    format!("{}: {e}", path.display())
}

/// The synthetic catalog of `n` entries per table, from the two files' current text (their
/// headers are kept; an earlier synthetic catalog is replaced, so a second run gives the same
/// bytes).
pub fn generate(rest: &str, agora: &str, n: usize) -> Result<Catalog, String> {
    if n == 0 {
        return Err("--entries must be at least 1 (a table needs an entry)".into());
    }
    let (rest, lengths) = rest_table(rest, n)?;
    let max = n.saturating_mul(20).saturating_add(1000);
    let agora = agora_table(agora, n, max)?;
    let summary = format!(
        "{REST_FILE}: {n} string codes (length {}..={}, mean {:.1}); {AGORA_FILE}: {n} integer codes in 1..={max}",
        lengths.iter().min().unwrap_or(&0),
        lengths.iter().max().unwrap_or(&0),
        lengths.iter().sum::<usize>() as f64 / n as f64,
    );
    Ok(Catalog {
        rest,
        agora,
        summary,
    })
}

/// The string table: its header, then `n` entries with codes from [`rest_codes`]; also the
/// codes' lengths.
fn rest_table(real: &str, n: usize) -> Result<(String, Vec<usize>), String> {
    let (head, sections) = header(REST_FILE, real)?;
    let mut rng = Rng::new(n, 1);
    let codes = rest_codes(&mut rng, n)?;
    let mut out = format!("{head}\n\n{MARKER}\n");
    for (i, code) in codes.iter().enumerate() {
        entry(&mut out, &mut rng, &toml_str(code), None, &sections, i);
    }
    Ok((out, codes.iter().map(String::len).collect()))
}

/// The integer table: its header with the bounds `0..=max`, then `n` entries with codes and
/// names from [`agora_codes`].
fn agora_table(real: &str, n: usize, max: usize) -> Result<String, String> {
    let (head, sections) = header(AGORA_FILE, real)?;
    let head = set_bounds(&head, max)?;
    let mut rng = Rng::new(n, 2);
    let (numbers, names) = agora_codes(&mut rng, n, max)?;
    let mut out = format!("{head}\n\n{MARKER}\n");
    for (i, (number, name)) in numbers.iter().zip(&names).enumerate() {
        let name = toml_str(name);
        let code = number.to_string();
        entry(&mut out, &mut rng, &code, Some(&name), &sections, i);
    }
    Ok(out)
}

/// A small xorshift generator: the same `n` gives the same catalog, without a `rand` crate.
struct Rng(u64);

impl Rng {
    fn new(n: usize, stream: u64) -> Rng {
        let seed = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03);
        Rng(seed | 1) // xorshift never leaves 0
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn percent(&mut self, p: u64) -> bool {
        self.next() % 100 < p
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items
            .get(self.below(items.len()))
            .copied()
            .unwrap_or_default()
    }
}

/// The file's text before its first `[[error]]` (before an earlier synthetic catalog's marker),
/// and the ids of its sections without a code range (synthetic codes may lie anywhere).
fn header(file: &str, text: &str) -> Result<(String, Vec<String>), String> {
    let start = text
        .match_indices("[[error]]")
        .find(|(i, _)| *i == 0 || text[..*i].ends_with('\n'))
        .map_or(text.len(), |(i, _)| i);
    let (head, body) = text.split_at(start);
    let head = head.split(MARKER).next().unwrap_or_default().trim_end();
    if body
        .lines()
        .any(|l| ["[table]", "[[section]]", "[[source]]"].contains(&l.trim()))
    {
        return Err(format!(
            "{file}: a header block follows the first [[error]]; keep [table], [[source]] and [[section]] before the entries"
        ));
    }
    let doc: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| format!("{file}: {e}"))?;
    let sections: Vec<String> = doc
        .get("section")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter(|s| s.get("range").is_none())
        .filter_map(|s| s.get("id")?.as_str().map(str::to_owned))
        .collect();
    if sections.is_empty() {
        return Err(format!(
            "{file}: no [[section]] without a `range` to put codes in"
        ));
    }
    Ok((head.to_owned(), sections))
}

/// The header with the integer table's bounds `min = 0`, `max = <max>`.
fn set_bounds(head: &str, max: usize) -> Result<String, String> {
    let mut found = (0, 0);
    let lines: Vec<String> = head
        .lines()
        .map(|line| {
            if line.starts_with("min = ") {
                found.0 += 1;
                "min = 0".to_owned()
            } else if line.starts_with("max = ") {
                found.1 += 1;
                format!("max = {max}")
            } else {
                line.to_owned()
            }
        })
        .collect();
    if found != (1, 1) {
        return Err(format!(
            "{AGORA_FILE}: expected one `min = ` and one `max = ` line in [table]"
        ));
    }
    Ok(lines.join("\n"))
}

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// Appends one `[[error]]`: a message from templates, a section, and for three entries in ten a
/// canonical class of the library (any but `Ok`, which is for success codes).
fn entry(
    out: &mut String,
    rng: &mut Rng,
    code: &str,
    name: Option<&str>,
    sections: &[String],
    i: usize,
) {
    const OBJECTS: [&str; 20] = [
        "user",
        "group",
        "message",
        "group member",
        "auth token",
        "API key",
        "role",
        "bot",
        "webhook",
        "call session",
        "reaction",
        "thread",
        "attachment",
        "conversation",
        "read receipt",
        "friend request",
        "extension",
        "plan",
        "tag",
        "avatar",
    ];
    const TEMPLATES: [&str; 8] = [
        "The {o} referenced in request {n} does not exist in this app.",
        "The {o} could not be updated because it is locked (ref {n}).",
        "Too many requests for this {o}; retry after the window resets.",
        "The {o} is not allowed to perform this action in region {r}.",
        "Invalid value supplied for the {o} field; see code {n} docs.",
        "The {o} has expired or was revoked; request a new one ({n}).",
        "The {o} already exists; use a different identifier ({n}).",
        "Internal error while processing the {o}; contact support ({n}).",
    ];
    let section = sections
        .get(rng.below(sections.len()))
        .map_or("", String::as_str);
    let message = rng
        .pick(&TEMPLATES)
        .replace("{o}", rng.pick(&OBJECTS))
        .replace("{n}", &i.to_string())
        .replace("{r}", rng.pick(&["eu", "us", "in"]));
    out.push_str(&format!("\n[[error]]\ncode = {code}\n"));
    if let Some(name) = name {
        out.push_str(&format!("name = {name}\n"));
    }
    out.push_str(&format!(
        "section = {}\nmessage = {}\n",
        toml_str(section),
        toml_str(&message)
    ));
    if rng.percent(30) {
        let classes: Vec<&str> = Canonical::VARIANTS
            .iter()
            .filter(|c| **c != Canonical::Ok)
            .map(|c| c.as_str())
            .collect();
        out.push_str(&format!("canonical = {}\n", toml_str(rng.pick(&classes))));
    }
}

/// `n` distinct string codes `ERR_SYNTH_<words>_<i>[_<suffix>]`, 12 to 40 characters, with
/// distinct variant names.
fn rest_codes(rng: &mut Rng, n: usize) -> Result<Vec<String>, String> {
    const NOUNS: [&str; 34] = [
        "USER",
        "GROUP",
        "MESSAGE",
        "MEMBER",
        "TOKEN",
        "APIKEY",
        "ROLE",
        "BOT",
        "WEBHOOK",
        "CALL",
        "SESSION",
        "REACTION",
        "THREAD",
        "ATTACHMENT",
        "CONVERSATION",
        "RECEIPT",
        "FRIEND",
        "EXTENSION",
        "SCOPE",
        "PLAN",
        "TAG",
        "METADATA",
        "AVATAR",
        "APP",
        "REGION",
        "CHANNEL",
        "MENTION",
        "POLL",
        "STICKER",
        "REPORT",
        "MODERATOR",
        "OWNER",
        "GUID",
        "UID",
    ];
    const STATES: [&str; 20] = [
        "NOT_FOUND",
        "INVALID",
        "EXPIRED",
        "ALREADY_EXISTS",
        "DENIED",
        "MISSING",
        "TOO_LONG",
        "BANNED",
        "KICKED",
        "DISABLED",
        "LIMIT_REACHED",
        "NOT_ALLOWED",
        "MISMATCH",
        "LOCKED",
        "UNSUPPORTED",
        "TIMED_OUT",
        "NOT_JOINED",
        "REVOKED",
        "PENDING",
        "DELETED",
    ];
    // None ends in X or Y (see the crate docs).
    const SUFFIXES: [&str; 8] = ["V2", "V3", "EN", "B", "ALT", "OLD", "INTERNAL", "RETRY"];
    let mut variants = BTreeSet::new();
    let mut codes = Vec::with_capacity(n);
    for i in 0..n {
        let num = i.to_string();
        let code = (0..1000)
            .map(|_| {
                let target = 12 + rng.below(29);
                let mut parts = vec!["ERR", "SYNTH"];
                if !rng.percent(8) {
                    parts.push(rng.pick(&NOUNS));
                    while rng.percent(75) {
                        let words: &[&str] = if rng.percent(60) { &STATES } else { &NOUNS };
                        parts.push(rng.pick(words));
                        if parts.join("_").len() + 1 + num.len() >= target {
                            break;
                        }
                    }
                }
                parts.push(&num);
                if rng.percent(20) {
                    parts.push(rng.pick(&SUFFIXES));
                }
                parts.join("_")
            })
            .find(|code| {
                (12..=40).contains(&code.len())
                    && !code.ends_with(['X', 'Y'])
                    && naming::is_code_string(code)
                    && naming::valid_ident(&naming::variant_name(code))
                    && !variants.contains(&naming::variant_name(code))
            })
            .ok_or_else(|| format!("no valid code with a new variant name for entry {i}"))?;
        variants.insert(naming::variant_name(&code));
        codes.push(code);
    }
    Ok(codes)
}

/// `n` distinct sorted integers in `1..=max` and the symbolic names `SYNTH_<i>`, whose variant
/// names are checked to be distinct.
fn agora_codes(rng: &mut Rng, n: usize, max: usize) -> Result<(Vec<usize>, Vec<String>), String> {
    let mut numbers = BTreeSet::new();
    while numbers.len() < n {
        numbers.insert(1 + rng.below(max));
    }
    let names: Vec<String> = (0..n).map(|i| format!("SYNTH_{i}")).collect();
    let variants: BTreeSet<String> = names
        .iter()
        .map(|name| naming::variant_name(name))
        .collect();
    if variants.len() != n || !names.iter().all(|name| naming::is_name(name)) {
        return Err("the symbolic names do not give distinct variant names".into());
    }
    Ok((numbers.into_iter().collect(), names))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REST: &str = include_str!("../../../data/cometchat_rest.toml");
    const AGORA: &str = include_str!("../../../data/agora_chat.toml");

    fn errors(text: &str) -> Vec<toml::Table> {
        let doc: toml::Table = text.parse().expect("the output parses as TOML");
        doc["error"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e.as_table().unwrap().clone())
            .collect()
    }

    fn strings<'a>(entries: &'a [toml::Table], key: &str) -> Vec<&'a str> {
        entries
            .iter()
            .filter_map(|e| e.get(key)?.as_str())
            .collect()
    }

    #[test]
    fn the_output_is_toml_with_n_entries_per_table_and_the_headers_kept() {
        for n in [1, 37, 500] {
            let c = generate(REST, AGORA, n).unwrap();
            for (text, kind) in [(&c.rest, "string"), (&c.agora, "integer")] {
                let doc: toml::Table = text.parse().unwrap();
                assert_eq!(doc["table"]["codes"].as_str(), Some(kind));
                assert!(!doc["section"].as_array().unwrap().is_empty());
                assert_eq!(errors(text).len(), n, "{kind} table, n = {n}");
            }
            let agora: toml::Table = c.agora.parse().unwrap();
            assert_eq!(agora["table"]["min"].as_integer(), Some(0));
            assert_eq!(
                agora["table"]["max"].as_integer(),
                Some(20 * n as i64 + 1000)
            );
        }
    }

    #[test]
    fn codes_names_and_variants_are_unique_and_valid() {
        let n = 3000;
        let c = generate(REST, AGORA, n).unwrap();
        let rest = errors(&c.rest);
        let codes = strings(&rest, "code");
        assert_eq!(codes.iter().collect::<BTreeSet<_>>().len(), n);
        let variants: BTreeSet<String> = codes.iter().map(|c| naming::variant_name(c)).collect();
        assert_eq!(variants.len(), n);
        for code in &codes {
            assert!(
                naming::is_code_string(code) && (12..=40).contains(&code.len()),
                "{code}"
            );
            assert!(
                !code.ends_with(['X', 'Y']),
                "{code}: the benches' near misses could hit"
            );
        }
        let agora = errors(&c.agora);
        let numbers: BTreeSet<i64> = agora
            .iter()
            .map(|e| e["code"].as_integer().unwrap())
            .collect();
        assert_eq!(numbers.len(), n);
        assert!(
            numbers
                .iter()
                .all(|&k| (1..=20 * n as i64 + 1000).contains(&k))
        );
        let names = strings(&agora, "name");
        let variants: BTreeSet<String> = names.iter().map(|c| naming::variant_name(c)).collect();
        assert_eq!((names.len(), variants.len()), (n, n));
    }

    #[test]
    fn sections_and_classes_are_the_files_and_the_librarys() {
        let c = generate(REST, AGORA, 400).unwrap();
        let classes: Vec<&str> = Canonical::VARIANTS.iter().map(|c| c.as_str()).collect();
        for (text, real) in [(&c.rest, REST), (&c.agora, AGORA)] {
            let (_, sections) = header("test", real).unwrap();
            let entries = errors(text);
            assert!(
                strings(&entries, "section")
                    .iter()
                    .all(|s| sections.iter().any(|t| t == s))
            );
            let canonical = strings(&entries, "canonical");
            assert!(!canonical.is_empty());
            assert!(canonical.iter().all(|c| classes.contains(c) && *c != "Ok"));
        }
    }

    #[test]
    fn generation_is_deterministic_and_rerunnable() {
        let a = generate(REST, AGORA, 300).unwrap();
        assert_eq!(a, generate(REST, AGORA, 300).unwrap());
        // Run on its own output (a copy generated twice): the same bytes.
        assert_eq!(a, generate(&a.rest, &a.agora, 300).unwrap());
        assert_ne!(a.rest, generate(REST, AGORA, 301).unwrap().rest);
        assert!(generate(REST, AGORA, 0).is_err());
    }
}
