//! Zero allocation: a counting global allocator proves that lookups (all kinds), every
//! `ErrorInfo` accessor and classification allocate nothing, and that parsing a payload allocates
//! at most a small constant number of times, whatever the payload's size or code.
#![cfg(feature = "json")]

mod common;

use chat_error_codes::{
    AnyChatError, ErrorInfo, Table, agora, cometchat, genesys, lookup, lookup_lenient,
    lookup_number, payload,
    resolve::{self, RawCode},
};
use common::counting_alloc::{Counting, allocations};

#[global_allocator]
static GLOBAL: Counting = Counting;

fn touch_info(e: &impl ErrorInfo) -> usize {
    let mut n = e.name().len() + e.message().len() + e.messages().len() + e.section().len();
    n += e.sections().len() + e.aliases().len() + e.description().map_or(0, str::len);
    n += usize::from(e.http_status()) + e.canonical() as usize + e.recovery() as usize;
    n += usize::from(e.is_success())
        + usize::from(e.sources().sdk())
        + e.deprecated().map_or(0, str::len);
    n += e.vendor() as usize + e.table() as usize;
    n += match e.code() {
        chat_error_codes::Code::Str(s) => s.len(),
        chat_error_codes::Code::Int(i) => i.unsigned_abs() as usize,
    };
    n
}

#[test]
fn lookups_accessors_and_classification_allocate_nothing() {
    let all: Vec<AnyChatError> = AnyChatError::all().collect();
    let codes: Vec<String> = all.iter().map(|e| e.code().to_string()).collect();
    let (count, total) = allocations(|| {
        let mut total = 0usize;
        for (e, code) in all.iter().zip(&codes) {
            total += lookup(code).len() + lookup_lenient(code).len();
            total += usize::from(e.table().lookup(code).is_some());
            total += touch_info(e);
            total += e.canonical().http_status() as usize
                + e.canonical().recovery().is_retryable() as usize;
            total += resolve::code(e.table(), code).canonical() as usize;
            if let chat_error_codes::Code::Int(n) = e.code() {
                total += lookup_number(n.into()).len()
                    + resolve::number(e.table(), n.into()).http_status() as usize;
            }
        }
        for &e in cometchat::sdk::ChatError::ALL {
            total += touch_info(&e) + e.variant_name().len();
            total += usize::from(
                cometchat::sdk::ChatError::from_code(e.code().as_str().unwrap_or("")).is_some(),
            );
        }
        for &e in agora::ChatError::ALL {
            total += usize::from(agora::ChatError::from_number(e.number()).is_some());
        }
        total += usize::from(genesys::ChatError::from_number(101).is_some());
        // misses, patterns, ranges, unrecognized (borrowed) and exceptions
        total += lookup("ERR_NOT_THERE").len() + lookup_number(123_456).len();
        total += resolve::code(Table::CometChatSdk, "UID_IS_COMPULSORY")
            .param()
            .map_or(0, str::len);
        total += resolve::number(Table::GenesysChat, 175).http_status() as usize;
        total += resolve::code(Table::CometChatRest, "ERR_NEW").http_status() as usize;
        total +=
            resolve::exception(RawCode::Int(-1), Some("WS_CONNECTION_FAIL")).http_status() as usize;
        total += "NOPE"
            .parse::<cometchat::rest::ChatError>()
            .map_err(|e| e.input().len())
            .err()
            .unwrap_or(0);
        total
    });
    assert!(total > 0);
    assert_eq!(count, 0, "lookups, accessors or classification allocated");
}

#[test]
fn parsing_a_payload_allocates_a_small_constant_independent_of_its_size() {
    let small = r#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"m","details":{"uid":["u",1]}}}"#
        .to_string();
    let big_details: String = (0..2000)
        .map(|i| format!("\"k{i}\":[{i},\"v\"],"))
        .collect();
    let big = format!(
        r#"{{"error":{{"code":"ERR_UID_NOT_FOUND","message":"{}","details":{{{}"end":0}}}}}}"#,
        "x".repeat(100_000),
        big_details
    );
    let samples = [
        small.as_str(),
        big.as_str(),
        r#"{"code":-1,"name":"WS_CONNECTION_FAIL","message":"WebSocket connection failed."}"#,
        r#"{"code":"UID_IS_COMPULSORY","name":"UID_IS_COMPULSORY","message":"m"}"#,
        r#"{"type":605,"message":"group","data":{"a":[1,2,3]}}"#,
        r#"{"code":"175","message":"range"}"#,
        r#"{"error":{"code":"ERR_UNKNOWN_NEW","message":"unrecognized"}}"#,
    ];
    let mut counts = Vec::new();
    for sample in samples {
        let (count, ok) = allocations(|| payload::parse(sample).map(|p| p.canonical() as usize));
        assert!(ok.is_ok(), "{sample}");
        counts.push(count);
    }
    // Texts are borrowed; what remains is serde_json's scratch buffer (one per parse pass; it
    // grows with the nesting depth of skipped `details`, not with their size).
    assert!(
        counts.iter().all(|&c| c <= 3),
        "allocations per payload: {counts:?}"
    );
    assert_eq!(
        counts[0], counts[1],
        "allocation count grew with the payload size: {counts:?}"
    );
}
