//! Parsing the seed documents, with std only (the rules follow the reference parser that
//! produced `data/*.toml`).

use crate::AGORA_SECTION;
use crate::seed::{Report, Seed};

/// One row of a seed table.
#[derive(Clone, Debug)]
pub struct Row {
    /// 1-based line number in the seed file.
    pub line: usize,
    /// The heading the row is listed under.
    pub section: String,
    /// The code as written: the string code, or the decimal integer.
    pub code: String,
    /// The vendor's message for the row, trimmed.
    pub message: String,
    /// The longer explanation, where the seed has one (Agora, Genesys' second table).
    pub description: Option<String>,
    /// The symbolic name (Agora's "Error message" column).
    pub name: Option<String>,
}

/// A heading of the Genesys document with the range it documents.
#[derive(Debug)]
pub struct RangeHeading {
    pub line: usize,
    pub title: String,
    pub range: Option<(i32, i32)>,
}

/// Splits a Markdown table row on unescaped pipes; returns the trimmed cells.
pub fn split_md_row(line: &str) -> Option<Vec<String>> {
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
pub fn unbacktick(cell: &str) -> Option<&str> {
    let inner = cell.strip_prefix('`')?.strip_suffix('`')?;
    (!inner.is_empty() && !inner.contains('`')).then_some(inner)
}

pub fn is_integer(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// CometChat's Mintlify pages (000, 001): `## Heading`, then a two-column table whose code
/// column is in backticks. Headings before `start_heading` are the page's preamble.
pub fn parse_md_sections(seed: &Seed, start_heading: &str, report: &mut Report) -> Vec<Row> {
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
pub fn parse_002(seed: &Seed, report: &mut Report) -> Vec<Row> {
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
pub fn parse_003(seed: &Seed, report: &mut Report) -> (Vec<Row>, Vec<RangeHeading>) {
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
pub fn parse_range(title: &str) -> Option<(i32, i32)> {
    title.split('(').skip(1).find_map(|part| {
        let inner = part.split(')').next()?.trim();
        let inner = inner.strip_prefix("range").unwrap_or(inner);
        let (lo, hi) = inner.split_once('-')?;
        Some((lo.trim().parse().ok()?, hi.trim().parse().ok()?))
    })
}

/// Genesys comments as plain text: the `<p>` paragraphs, tags removed, entities decoded,
/// whitespace collapsed, joined by one space. Text outside the paragraphs is an error.
pub fn html_to_text(html: &str) -> Result<String, String> {
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
pub fn strip_tags(s: &str) -> String {
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
pub fn decode_entities(s: &str) -> Result<String, String> {
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
pub fn parse_004(seed: &Seed, report: &mut Report) -> Vec<Row> {
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
