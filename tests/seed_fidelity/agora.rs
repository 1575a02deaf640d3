//! The Agora Chat Web SDK seed (004).

use chat_error_codes::{AnyChatError, ErrorInfo, Table, catalog::Section};

use crate::AGORA_SECTION;
use crate::check::{Expect, check_rows};
use crate::parse::parse_004;
use crate::seed::{Report, Seed};

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
