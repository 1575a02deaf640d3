//! The raw responses of the Stream and Sendbird capture's loopback mock (`stream-sendbird/http/`):
//! each classified as an HTTP response of its vendor's API, against the class, advice and delay
//! decided by hand (`expected-http.tsv`).

use core::time::Duration;

use chat_error_codes::Table;
use chat_error_codes::response::{self, Classified, UnixTime};

use crate::fixtures::{self, Expected};

/// A captured response: status line, headers, a blank line, the body (cut to `Content-Length`
/// when the response has one; the capture appends CRLF after the body).
struct Raw<'a> {
    status: u16,
    headers: Vec<(&'a str, &'a [u8])>,
    body: &'a [u8],
}

fn split(text: &str) -> Raw<'_> {
    let (head, body) = text
        .split_once("\r\n\r\n")
        .expect("a blank line after the headers");
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    let status = status_line.split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(&str, &[u8])> = lines
        .map(|l| {
            let (name, value) = l.split_once(':').unwrap();
            (name.trim(), value.trim().as_bytes())
        })
        .collect();
    let length = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| std::str::from_utf8(v).ok()?.parse::<usize>().ok());
    let body = match length {
        Some(n) if n <= body.len() => &body.as_bytes()[..n],
        _ => body.strip_suffix("\r\n").unwrap_or(body).as_bytes(),
    };
    Raw {
        status,
        headers,
        body,
    }
}

fn classify<'a>(file: &str, raw: &Raw<'a>) -> Classified<'a> {
    let table = if file.starts_with("stream_") {
        Table::StreamChat
    } else {
        Table::SendbirdChat
    };
    response::classify(
        Some(table),
        raw.status,
        raw.headers.iter().copied(),
        raw.body,
    )
}

#[test]
fn every_raw_response_has_the_class_and_delay_decided_by_hand() {
    let dir = fixtures::stream_sendbird();
    let expected = fixtures::expected(&dir.join("expected-http.tsv"));
    let responses = fixtures::files(&dir.join("http"), "http");
    assert!(responses.len() >= 100, "{} raw responses", responses.len());
    let names: Vec<&String> = responses.iter().map(|(f, _)| f).collect();
    let listed: Vec<String> = expected
        .keys()
        .map(|k| k.trim_start_matches("http/").to_owned())
        .collect();
    assert_eq!(
        names,
        listed.iter().collect::<Vec<_>>(),
        "expected-http.tsv lists every response"
    );
    let mut wrong = Vec::new();
    for (file, text) in &responses {
        let raw = split(text);
        let c = classify(file, &raw);
        let got = Expected {
            canonical: c.canonical().to_string(),
            recovery: c.recovery().to_string(),
            // Measured from the response's own `Date`, as a replayed response must be.
            retry_after: match c.hints().date() {
                Some(date) => c.retry_after(UnixTime(Duration::from_secs(date))),
                None => c.retry_after(std::time::SystemTime::now()),
            }
            .map(|d| d.as_secs()),
        };
        let want = expected
            .get(file.as_str())
            .or_else(|| expected.get(&format!("http/{file}")))
            .unwrap();
        if *want != got {
            wrong.push(format!("{file}: expected {want:?}, got {got:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
