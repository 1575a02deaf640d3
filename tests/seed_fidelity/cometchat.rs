//! The CometChat seeds: the JavaScript SDK (000), the Calls API (001), the REST guide (002).

use chat_error_codes::Table;

use crate::check::{Expect, check_no_invented_sections, check_rows};
use crate::parse::{parse_002, parse_md_sections};
use crate::seed::{Report, Seed};

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
