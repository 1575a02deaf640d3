//! Checks: every row against the catalog, then the catalog against the seed.

use std::collections::{BTreeMap, BTreeSet};

use chat_error_codes::{AnyChatError, Code, ErrorInfo, Table, catalog::Section};

use crate::parse::Row;
use crate::seed::Report;

/// How many rows the seed has, and how its distinct codes relate to the table's size.
pub struct Expect {
    pub rows: usize,
    /// The table lists exactly the seed's codes (`false`: the table may hold SDK-only entries).
    pub exact: bool,
    /// Codes the seed lists more than once.
    pub repeated: &'static [&'static str],
}

/// The section of `table` whose title or other title is `heading`.
pub fn section_titled(table: Table, heading: &str) -> Option<&'static Section> {
    table
        .sections()
        .iter()
        .find(|s| s.title() == heading || s.other_titles().contains(&heading))
}

pub fn code_matches(code: Code, seed_code: &str) -> bool {
    match code {
        Code::Str(s) => s == seed_code,
        Code::Int(n) => seed_code.parse::<i32>() == Ok(n),
    }
}

/// Finds the row's entry in `table` (by code, and for integer tables by number too).
pub fn find_entry(table: Table, row: &Row, report: &mut Report) -> Option<AnyChatError> {
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
pub fn check_rows(table: Table, rows: &[Row], expect: &Expect, report: &mut Report) {
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
pub fn check_counts(table: Table, rows: &[Row], expect: &Expect, report: &mut Report) {
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
pub fn check_no_invented_sections(table: Table, headings: &BTreeSet<&str>, report: &mut Report) {
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
