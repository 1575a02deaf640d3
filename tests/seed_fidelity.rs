//! Seed fidelity: every row of every vendor document in `../shared/seeds` (the project's source
//! documents, see its README.md) is in the catalog, word for word.
//!
//! The tests are `#[ignore]`d because the seeds live outside the crate; run them with
//! `cargo test --test seed_fidelity -- --ignored` (set `CHAT_ERROR_CODES_SEEDS` to read the seeds
//! from another folder). When asked to run, a missing seed folder is a failure, not a skip.
//!
//! Each seed is parsed here with std only (the rules follow the reference parser that produced
//! `data/*.toml`), then every row is checked against the public API: the code is in its table,
//! its section heading is among `sections()`, its message is among `messages()` byte for byte,
//! and its description (Agora's possible reason, Genesys' comments as plain text) equals
//! `description()`. Row counts are pinned so that a parser that silently finds nothing fails,
//! and the catalog is checked in the other direction too: no documented entry is missing from
//! its seed. All mismatches of a file are collected and reported together.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{Debug, Write as _};
use std::fs;
use std::path::PathBuf;

use chat_error_codes::{AnyChatError, Code, ErrorInfo, Section, Table};

/// Environment variable naming the seed folder (default: `../shared/seeds` next to the crate).
const SEEDS_ENV: &str = "CHAT_ERROR_CODES_SEEDS";
const DEFAULT_SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");

/// The heading of Agora's single section: its seed table has no heading of its own.
const AGORA_SECTION: &str = "Error codes";

// ---------------------------------------------------------------------------------------------
// Seed files and the mismatch report
// ---------------------------------------------------------------------------------------------

/// One seed document, read whole.
struct Seed {
    path: PathBuf,
    text: String,
}

impl Seed {
    /// Reads the single `<prefix>_*.txt` file of the seed folder; panics with a clear message
    /// when the folder or the file is missing.
    fn load(prefix: &str) -> Seed {
        let (dir, origin) = match std::env::var_os(SEEDS_ENV) {
            Some(dir) => (PathBuf::from(dir), format!("from ${SEEDS_ENV}")),
            None => (
                PathBuf::from(DEFAULT_SEEDS),
                format!("default; set ${SEEDS_ENV} to override"),
            ),
        };
        assert!(
            dir.is_dir(),
            "seed folder {} ({origin}) does not exist or is not a folder: the seed-fidelity tests \
             need the vendor documents the catalog is built from (../shared/seeds)",
            dir.display()
        );
        let entries = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot list seed folder {}: {e}", dir.display()));
        let mut found: Vec<PathBuf> = entries
            .map(|e| e.unwrap_or_else(|e| panic!("cannot list seed folder {}: {e}", dir.display())))
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("{prefix}_")) && n.ends_with(".txt"))
            })
            .collect();
        found.sort();
        assert!(
            found.len() == 1,
            "expected exactly one seed file {prefix}_*.txt in {} ({origin}), found {found:?}",
            dir.display()
        );
        let path = found.remove(0);
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read seed file {}: {e}", path.display()));
        Seed { path, text }
    }

    fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

/// Every problem found in one seed file, reported all at once by [`Report::finish`].
struct Report {
    file: String,
    path: PathBuf,
    table: Table,
    problems: Vec<String>,
}

impl Report {
    fn new(seed: &Seed, table: Table) -> Report {
        Report {
            file: seed.file_name(),
            path: seed.path.clone(),
            table,
            problems: Vec::new(),
        }
    }

    /// The seed itself is not shaped as the parser expects (a parse error, not a catalog error).
    fn parse_error(&mut self, line: usize, what: &str, text: &str) {
        self.problems.push(format!(
            "{}:{line}: seed parse error: {what}\n      line: {text:?}",
            self.file
        ));
    }

    /// The catalog disagrees with the seed.
    fn mismatch(
        &mut self,
        line: Option<usize>,
        code: &str,
        what: &str,
        expected: impl Debug,
        found: impl Debug,
    ) {
        let at = line.map_or_else(String::new, |l| format!(":{l}"));
        self.problems.push(format!(
            "{}{at}: code {code:?}: {what}\n      expected: {expected:?}\n      found:    {found:?}",
            self.file
        ));
    }

    /// Fails the test with every problem found, if any.
    fn finish(self) {
        if self.problems.is_empty() {
            return;
        }
        let mut msg = format!(
            "{} problem(s) between seed {} and table {}:\n",
            self.problems.len(),
            self.path.display(),
            self.table
        );
        for p in &self.problems {
            let _ = writeln!(msg, "  - {p}");
        }
        panic!("{msg}");
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/// One row of a seed table.
#[derive(Clone, Debug)]
struct Row {
    /// 1-based line number in the seed file.
    line: usize,
    /// The heading the row is listed under.
    section: String,
    /// The code as written: the string code, or the decimal integer.
    code: String,
    /// The vendor's message for the row, trimmed.
    message: String,
    /// The longer explanation, where the seed has one (Agora, Genesys' second table).
    description: Option<String>,
    /// The symbolic name (Agora's "Error message" column).
    name: Option<String>,
}

/// A heading of the Genesys document with the range it documents.
#[derive(Debug)]
struct RangeHeading {
    line: usize,
    title: String,
    range: Option<(i32, i32)>,
}

/// Splits a Markdown table row on unescaped pipes; returns the trimmed cells.
fn split_md_row(line: &str) -> Option<Vec<String>> {
    let body = line.trim().strip_prefix('|')?.strip_suffix('|')?;
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut prev = '\0';
    for c in body.chars() {
        if c == '|' && prev != '\\' {
            cells.push(cell.trim().to_owned());
            cell.clear();
        } else {
            cell.push(c);
        }
        prev = c;
    }
    cells.push(cell.trim().to_owned());
    Some(cells)
}

/// The text inside a single pair of backticks: "`CODE`" -> "CODE".
fn unbacktick(cell: &str) -> Option<&str> {
    let inner = cell.strip_prefix('`')?.strip_suffix('`')?;
    (!inner.is_empty() && !inner.contains('`')).then_some(inner)
}

fn is_integer(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// CometChat's Mintlify pages (000, 001): `## Heading`, then a two-column table whose code
/// column is in backticks. Headings before `start_heading` are the page's preamble.
fn parse_md_sections(seed: &Seed, start_heading: &str, report: &mut Report) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut started = false;
    let mut heading: Option<String> = None;
    for (i, line) in seed.text.lines().enumerate() {
        let n = i + 1;
        if let Some(h) = line.strip_prefix("## ") {
            let h = h.trim();
            started |= h == start_heading;
            if started {
                heading = Some(h.to_owned());
            }
            continue;
        }
        if !started || !line.starts_with('|') {
            continue;
        }
        let Some(cells) = split_md_row(line) else {
            report.parse_error(n, "table row does not end with '|'", line);
            continue;
        };
        let first = cells.first().map_or("", String::as_str);
        if first.chars().all(|c| matches!(c, '-' | ' ' | ':')) {
            continue; // separator
        }
        if !first.starts_with('`') {
            continue; // header row
        }
        let (Some(code), Some(message), 2) = (unbacktick(first), cells.get(1), cells.len()) else {
            report.parse_error(n, "expected 2 cells: `code` | message", line);
            continue;
        };
        let Some(section) = heading.clone() else {
            report.parse_error(n, "row before any '## ' heading", line);
            continue;
        };
        rows.push(Row {
            line: n,
            section,
            code: code.to_owned(),
            message: message.clone(),
            description: None,
            name: None,
        });
    }
    rows
}

/// The REST error guide (002): `CODE | description |` rows under `Heading | |` lines.
fn parse_002(seed: &Seed, report: &mut Report) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut heading: Option<String> = None;
    for (i, line) in seed.text.lines().enumerate() {
        let n = i + 1;
        if !line.contains(" | ") && !line.ends_with('|') {
            continue; // title line
        }
        if line.starts_with("---") {
            continue;
        }
        let Some(body) = line.strip_suffix(" |") else {
            report.parse_error(n, "row does not end with ' |'", line);
            continue;
        };
        if let Some(h) = line.strip_suffix(" | |").filter(|h| !h.is_empty()) {
            heading = Some(h.trim().to_owned());
            continue;
        }
        let Some((code, message)) = body.split_once(" | ") else {
            report.parse_error(n, "expected 'CODE | description |'", line);
            continue;
        };
        let (code, message) = (code.trim(), message.trim());
        if code == "Error Code" {
            continue; // header row
        }
        if message.is_empty() || message == "|" {
            heading = Some(code.to_owned());
            continue;
        }
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
            report.parse_error(n, "code is not [A-Z_]+", line);
            continue;
        }
        if message.contains('|') {
            report.parse_error(n, "description contains '|'", line);
            continue;
        }
        let Some(section) = heading.clone() else {
            report.parse_error(n, "row before any heading", line);
            continue;
        };
        rows.push(Row {
            line: n,
            section,
            code: code.to_owned(),
            message: message.to_owned(),
            description: None,
            name: None,
        });
    }
    rows
}

/// The Genesys PDF text (003): two tab-separated tables, each starting with an `Error code`
/// header line; heading lines carry the documented range; rows of the second table have an
/// HTML `Comments` column.
fn parse_003(seed: &Seed, report: &mut Report) -> (Vec<Row>, Vec<RangeHeading>) {
    let mut rows = Vec::new();
    let mut headings = Vec::new();
    let mut tables = 0;
    let mut heading: Option<String> = None;
    for (i, line) in seed.text.lines().enumerate() {
        let n = i + 1;
        if !line.contains('\t') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let first = cells.first().copied().unwrap_or("");
        if first == "Error code" {
            tables += 1;
            heading = None;
            continue;
        }
        if tables == 0 {
            report.parse_error(
                n,
                "tab-separated line before the first 'Error code' header",
                line,
            );
            continue;
        }
        if is_integer(first) {
            let Some(message) = cells.get(1) else {
                report.parse_error(n, "row without an error description", line);
                continue;
            };
            let description = match cells.get(2).map(|html| html_to_text(html)) {
                None => None,
                Some(Ok(text)) => Some(text),
                Some(Err(e)) => {
                    report.parse_error(n, &format!("comments: {e}"), line);
                    continue;
                }
            };
            let Some(section) = heading.clone() else {
                report.parse_error(n, "row before any heading", line);
                continue;
            };
            rows.push(Row {
                line: n,
                section,
                code: first.to_owned(),
                message: message.trim().to_owned(),
                description,
                name: None,
            });
        } else {
            if cells.iter().skip(1).any(|c| !c.trim().is_empty()) {
                report.parse_error(n, "heading line with text in its other cells", line);
            }
            let title = first.trim().to_owned();
            headings.push(RangeHeading {
                line: n,
                range: parse_range(&title),
                title: title.clone(),
            });
            heading = Some(title);
        }
    }
    if tables != 2 {
        report.parse_error(
            0,
            &format!("expected 2 'Error code' tables, found {tables}"),
            "",
        );
    }
    (rows, headings)
}

/// The range a Genesys heading documents: the first parenthesised `[range ]A - B`.
fn parse_range(title: &str) -> Option<(i32, i32)> {
    title.split('(').skip(1).find_map(|part| {
        let inner = part.split(')').next()?.trim();
        let inner = inner.strip_prefix("range").unwrap_or(inner);
        let (lo, hi) = inner.split_once('-')?;
        Some((lo.trim().parse().ok()?, hi.trim().parse().ok()?))
    })
}

/// Genesys comments as plain text: the `<p>` paragraphs, tags removed, entities decoded,
/// whitespace collapsed, joined by one space. Text outside the paragraphs is an error.
fn html_to_text(html: &str) -> Result<String, String> {
    let mut paragraphs = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<p>") {
        let outside = &rest[..start];
        if !outside.trim().is_empty() {
            return Err(format!("text outside <p>: {outside:?}"));
        }
        let after = &rest[start + "<p>".len()..];
        let end = after.find("</p>").ok_or("<p> without </p>")?;
        let inner = strip_tags(&after[..end]);
        let text = decode_entities(&inner)?;
        paragraphs.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
        rest = &after[end + "</p>".len()..];
    }
    if !rest.trim().is_empty() {
        return Err(format!("text outside <p>: {rest:?}"));
    }
    if paragraphs.is_empty() {
        return Err("no <p> paragraph".to_owned());
    }
    Ok(paragraphs.join(" "))
}

/// Removes `<...>` tags (a `<` with no closing `>` is kept as text).
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        match rest[lt + 1..].find('>') {
            Some(len) if len > 0 => rest = &rest[lt + 1 + len + 1..],
            _ => {
                out.push('<');
                rest = &rest[lt + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes HTML character references; an unknown named entity is an error rather than a guess.
fn decode_entities(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let Some(semi) = after.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = after;
            continue;
        };
        let entity = &after[..semi];
        let decoded = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            _ => {
                let number =
                    if let Some(hex) = entity.strip_prefix("#x").or(entity.strip_prefix("#X")) {
                        u32::from_str_radix(hex, 16).ok()
                    } else {
                        entity.strip_prefix('#').and_then(|d| d.parse().ok())
                    };
                number
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("unknown HTML entity &{entity};"))?
            }
        };
        out.push(decoded);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Agora's Web SDK table (004): `| code | `NAME` | description | possible reason |`.
fn parse_004(seed: &Seed, report: &mut Report) -> Vec<Row> {
    let mut rows = Vec::new();
    for (i, line) in seed.text.lines().enumerate() {
        let n = i + 1;
        if !line.starts_with('|') {
            continue;
        }
        let Some(cells) = split_md_row(line) else {
            report.parse_error(n, "table row does not end with '|'", line);
            continue;
        };
        if !cells.first().is_some_and(|c| is_integer(c)) {
            continue; // header or separator
        }
        let [code, name, message, reason] = cells.as_slice() else {
            report.parse_error(n, "expected 4 cells", line);
            continue;
        };
        let Some(name) = unbacktick(name) else {
            report.parse_error(n, "error message (name) is not in backticks", line);
            continue;
        };
        rows.push(Row {
            line: n,
            section: AGORA_SECTION.to_owned(),
            code: code.clone(),
            message: message.clone(),
            description: Some(reason.clone()),
            name: Some(name.to_owned()),
        });
    }
    rows
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

/// How many rows the seed has, and how its distinct codes relate to the table's size.
struct Expect {
    rows: usize,
    /// The table lists exactly the seed's codes (`false`: the table may hold SDK-only entries).
    exact: bool,
    /// Codes the seed lists more than once.
    repeated: &'static [&'static str],
}

/// The section of `table` whose title or other title is `heading`.
fn section_titled(table: Table, heading: &str) -> Option<&'static Section> {
    table
        .sections()
        .iter()
        .find(|s| s.title() == heading || s.other_titles().contains(&heading))
}

fn code_matches(code: Code, seed_code: &str) -> bool {
    match code {
        Code::Str(s) => s == seed_code,
        Code::Int(n) => seed_code.parse::<i32>() == Ok(n),
    }
}

/// Finds the row's entry in `table` (by code, and for integer tables by number too).
fn find_entry(table: Table, row: &Row, report: &mut Report) -> Option<AnyChatError> {
    let by_code = table.lookup(&row.code);
    if table.has_integer_codes() {
        match row.code.parse::<i64>() {
            Ok(n) => {
                let by_number = table.lookup_number(n);
                if by_number != by_code {
                    report.mismatch(
                        Some(row.line),
                        &row.code,
                        "lookup_number disagrees with lookup",
                        by_code,
                        by_number,
                    );
                }
            }
            Err(e) => report.mismatch(
                Some(row.line),
                &row.code,
                "code is not an integer",
                "i64",
                e,
            ),
        }
    }
    let Some(entry) = by_code else {
        report.mismatch(
            Some(row.line),
            &row.code,
            "code not found in table",
            table,
            "nothing",
        );
        return None;
    };
    if entry.table() != table || !code_matches(entry.code(), &row.code) {
        report.mismatch(
            Some(row.line),
            &row.code,
            "lookup returned another entry",
            (table, &row.code),
            (entry.table(), entry.code()),
        );
        return None;
    }
    Some(entry)
}

/// Checks every row against the catalog, then the counts in both directions.
fn check_rows(table: Table, rows: &[Row], expect: &Expect, report: &mut Report) {
    let mut occurrences: BTreeMap<&str, usize> = BTreeMap::new();
    for row in rows {
        let nth = occurrences.entry(row.code.as_str()).or_default();
        *nth += 1;
        let first_occurrence = *nth == 1;
        let Some(entry) = find_entry(table, row, report) else {
            continue;
        };
        let line = Some(row.line);

        match section_titled(table, &row.section) {
            None => report.mismatch(
                line,
                &row.code,
                "row's section heading is not a title of Table::sections()",
                &row.section,
                table
                    .sections()
                    .iter()
                    .map(Section::title)
                    .collect::<Vec<_>>(),
            ),
            Some(section) => {
                if !entry.sections().contains(&section.title()) {
                    report.mismatch(
                        line,
                        &row.code,
                        "row's section heading not among sections()",
                        section.title(),
                        entry.sections(),
                    );
                }
                if first_occurrence && entry.section() != section.title() {
                    report.mismatch(
                        line,
                        &row.code,
                        "first listing's heading is not section()",
                        section.title(),
                        entry.section(),
                    );
                }
            }
        }

        if !entry.messages().contains(&row.message.as_str()) {
            report.mismatch(
                line,
                &row.code,
                "message not among messages()",
                &row.message,
                entry.messages(),
            );
        } else if first_occurrence && entry.message() != row.message {
            report.mismatch(
                line,
                &row.code,
                "first listing's message is not message()",
                &row.message,
                entry.message(),
            );
        }

        if let Some(description) = &row.description {
            if entry.description() != Some(description.as_str()) {
                report.mismatch(
                    line,
                    &row.code,
                    "description() differs",
                    Some(description),
                    entry.description(),
                );
            }
        }

        if let Some(name) = &row.name {
            if entry.name() != name && !entry.aliases().contains(&name.as_str()) {
                report.mismatch(
                    line,
                    &row.code,
                    "symbolic name is neither name() nor among aliases()",
                    name,
                    (entry.name(), entry.aliases()),
                );
            }
            if table.lookup(name) != Some(entry) {
                report.mismatch(
                    line,
                    &row.code,
                    "lookup by symbolic name",
                    Some(entry),
                    table.lookup(name),
                );
            }
        }
    }
    check_counts(table, rows, expect, report);
}

/// Pins the row count and checks the catalog against the seed in the other direction.
fn check_counts(table: Table, rows: &[Row], expect: &Expect, report: &mut Report) {
    if rows.len() != expect.rows {
        report.mismatch(
            None,
            "*",
            "number of seed rows parsed",
            expect.rows,
            rows.len(),
        );
    }
    let mut distinct = BTreeSet::new();
    let mut repeated = BTreeSet::new();
    for row in rows {
        if !distinct.insert(row.code.as_str()) {
            repeated.insert(row.code.as_str());
        }
    }
    let expected_repeated: BTreeSet<&str> = expect.repeated.iter().copied().collect();
    if repeated != expected_repeated {
        report.mismatch(
            None,
            "*",
            "codes the seed lists more than once",
            expected_repeated,
            &repeated,
        );
    }
    if expect.exact {
        if distinct.len() != table.len() {
            report.mismatch(
                None,
                "*",
                "Table::len() != distinct seed codes",
                distinct.len(),
                table.len(),
            );
        }
    } else if distinct.len() > table.len() {
        report.mismatch(
            None,
            "*",
            "Table::len() < distinct seed codes",
            distinct.len(),
            table.len(),
        );
    }
    for entry in AnyChatError::all().filter(|e| e.table() == table) {
        let documented = entry.sources().docs();
        if !(documented || expect.exact) {
            continue; // an SDK-only entry: not in the documentation
        }
        if !rows.iter().any(|r| code_matches(entry.code(), &r.code)) {
            report.mismatch(
                None,
                &entry.code().to_string(),
                "catalog entry (sources: docs) is not in the seed",
                "a seed row",
                "none",
            );
        }
    }
}

/// For tables that list exactly the seed: every section of the table is a heading of the seed.
fn check_no_invented_sections(table: Table, headings: &BTreeSet<&str>, report: &mut Report) {
    for section in table.sections() {
        let titles = std::iter::once(section.title()).chain(section.other_titles().iter().copied());
        for title in titles {
            if !headings.contains(title) {
                report.mismatch(
                    None,
                    section.id(),
                    "section title is not a seed heading",
                    title,
                    headings,
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One test per seed file
// ---------------------------------------------------------------------------------------------

#[test]
#[ignore = "needs ../shared/seeds (run: cargo test --test seed_fidelity -- --ignored)"]
fn seed_000_cometchat_sdk() {
    let table = Table::CometChatSdk;
    let seed = Seed::load("000");
    let mut report = Report::new(&seed, table);
    let rows = parse_md_sections(&seed, "Initialization Errors", &mut report);
    let expect = Expect {
        rows: 72,
        exact: false,
        repeated: &["ERR_TOO_MANY_REQUESTS", "MISSING_PARAMETERS"],
    };
    check_rows(table, &rows, &expect, &mut report);
    // Pattern rows are entries whose code is the pattern itself.
    for pattern in [
        "INVALID_{param}",
        "{param}_IS_COMPULSORY",
        "{param}_NOT_PROVIDED",
        "ERROR_{param}_EXCEEDED",
    ] {
        if !rows.iter().any(|r| r.code == pattern) {
            report.mismatch(
                None,
                pattern,
                "pattern row not parsed from the seed",
                "a seed row",
                "none",
            );
        }
    }
    report.finish();
}

#[test]
#[ignore = "needs ../shared/seeds (run: cargo test --test seed_fidelity -- --ignored)"]
fn seed_001_cometchat_calls() {
    let table = Table::CometChatCalls;
    let seed = Seed::load("001");
    let mut report = Report::new(&seed, table);
    let rows = parse_md_sections(&seed, "Calling Errors", &mut report);
    let expect = Expect {
        rows: 19,
        exact: true,
        repeated: &[],
    };
    check_rows(table, &rows, &expect, &mut report);
    let headings = rows.iter().map(|r| r.section.as_str()).collect();
    check_no_invented_sections(table, &headings, &mut report);
    report.finish();
}

#[test]
#[ignore = "needs ../shared/seeds (run: cargo test --test seed_fidelity -- --ignored)"]
fn seed_002_cometchat_rest() {
    let table = Table::CometChatRest;
    let seed = Seed::load("002");
    let mut report = Report::new(&seed, table);
    let rows = parse_002(&seed, &mut report);
    let expect = Expect {
        rows: 116,
        exact: true,
        repeated: &[],
    };
    check_rows(table, &rows, &expect, &mut report);
    let headings = rows.iter().map(|r| r.section.as_str()).collect();
    check_no_invented_sections(table, &headings, &mut report);
    report.finish();
}

#[test]
#[ignore = "needs ../shared/seeds (run: cargo test --test seed_fidelity -- --ignored)"]
fn seed_003_genesys_chat() {
    let table = Table::GenesysChat;
    let seed = Seed::load("003");
    let mut report = Report::new(&seed, table);
    let (rows, headings) = parse_003(&seed, &mut report);
    let expect = Expect {
        rows: 11,
        exact: true,
        repeated: &[],
    };
    check_rows(table, &rows, &expect, &mut report);

    // Every heading (both tables, with or without rows) documents a range, and the section with
    // that title has exactly that range.
    if headings.len() != 6 {
        report.mismatch(
            None,
            "*",
            "number of range headings parsed",
            6,
            headings.len(),
        );
    }
    for heading in &headings {
        let Some(range) = heading.range else {
            report.parse_error(
                heading.line,
                "heading without a (range A - B)",
                &heading.title,
            );
            continue;
        };
        match section_titled(table, &heading.title) {
            None => report.mismatch(
                Some(heading.line),
                &format!("{}-{}", range.0, range.1),
                "range heading is not a title of Table::sections()",
                &heading.title,
                table
                    .sections()
                    .iter()
                    .map(Section::title)
                    .collect::<Vec<_>>(),
            ),
            Some(section) if section.range() != Some(range) => report.mismatch(
                Some(heading.line),
                &format!("{}-{}", range.0, range.1),
                &format!("Section::range() of {:?}", section.title()),
                Some(range),
                section.range(),
            ),
            Some(_) => {}
        }
    }
    let documented: BTreeSet<(i32, i32)> = headings.iter().filter_map(|h| h.range).collect();
    let catalog: BTreeSet<Option<(i32, i32)>> =
        table.sections().iter().map(Section::range).collect();
    if catalog != documented.iter().copied().map(Some).collect() {
        report.mismatch(
            None,
            "*",
            "section ranges of the table",
            &documented,
            &catalog,
        );
    }
    let titles = headings.iter().map(|h| h.title.as_str()).collect();
    check_no_invented_sections(table, &titles, &mut report);

    // Rows lie in their heading's range; the vendor's deprecation is reflected in deprecated().
    let mut deprecated = Vec::new();
    for row in &rows {
        let Some(entry) = table.lookup(&row.code) else {
            continue; // reported by check_rows
        };
        if let (Some(section), Ok(n)) =
            (section_titled(table, &row.section), row.code.parse::<i64>())
        {
            if !section.contains(n) {
                report.mismatch(
                    Some(row.line),
                    &row.code,
                    "code outside its section's range",
                    section.range(),
                    n,
                );
            }
        }
        let seed_deprecated = row
            .description
            .as_deref()
            .is_some_and(|d| d.to_lowercase().contains("deprecated"));
        if seed_deprecated {
            deprecated.push(row.code.clone());
        }
        match (seed_deprecated, entry.deprecated()) {
            (true, None) => {
                report.mismatch(
                    Some(row.line),
                    &row.code,
                    "vendor deprecates the code",
                    "Some(note)",
                    None::<&str>,
                );
            }
            (true, Some(note)) => {
                let text = row.description.as_deref().unwrap_or("");
                if note.trim().is_empty() || !text.contains(note) {
                    report.mismatch(
                        Some(row.line),
                        &row.code,
                        "deprecated() note is not the vendor's words",
                        text,
                        note,
                    );
                }
            }
            (false, Some(note)) => {
                report.mismatch(
                    Some(row.line),
                    &row.code,
                    "deprecated() but the seed does not say so",
                    None::<&str>,
                    note,
                );
            }
            (false, None) => {}
        }
    }
    if deprecated != ["150"] {
        report.mismatch(
            None,
            "*",
            "codes the seed marks deprecated",
            ["150"],
            &deprecated,
        );
    }
    report.finish();
}

#[test]
#[ignore = "needs ../shared/seeds (run: cargo test --test seed_fidelity -- --ignored)"]
fn seed_004_agora_chat() {
    let table = Table::AgoraChat;
    let seed = Seed::load("004");
    let mut report = Report::new(&seed, table);
    let rows = parse_004(&seed, &mut report);
    // The documented rows share one section (the seed has no heading); the SDK-only entries
    // (issue 6) have sections of their own, which must not hold documented codes.
    let titles: Vec<&str> = table.sections().iter().map(Section::title).collect();
    if titles.first() != Some(&AGORA_SECTION) {
        report.mismatch(
            None,
            "*",
            "the table's first section (the seed has no heading)",
            [AGORA_SECTION],
            &titles,
        );
    }
    for e in AnyChatError::all().filter(|e| e.table() == table && e.sources().docs()) {
        if e.sections() != [AGORA_SECTION] {
            report.mismatch(
                None,
                &e.code().to_string(),
                "a documented code's section",
                [AGORA_SECTION],
                e.sections(),
            );
        }
    }
    let expect = Expect {
        rows: 29,
        exact: false,
        repeated: &[],
    };
    check_rows(table, &rows, &expect, &mut report);
    report.finish();
}
