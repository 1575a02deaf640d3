//! The Genesys Web Engagement seed (003): rows, documented ranges, deprecations.

use std::collections::BTreeSet;

use chat_error_codes::{ErrorInfo, Table, catalog::Section};

use crate::check::{Expect, check_no_invented_sections, check_rows, section_titled};
use crate::parse::parse_003;
use crate::seed::{Report, Seed};

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
