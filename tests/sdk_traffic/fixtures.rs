//! Reading the corpora: the objects of a folder and their expected classes.

use chat_error_codes::payload::{ParsedError, PayloadError};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// `tests/fixtures/sdk-traffic` (CometChat and Agora; Stream and Sendbird in `stream-sendbird/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sdk-traffic")
}

/// The Stream and Sendbird capture.
pub fn stream_sendbird() -> PathBuf {
    root().join("stream-sendbird")
}

/// The Tencent Cloud IM and ZEGOCLOUD ZIM capture.
pub fn tencent_zego() -> PathBuf {
    root().join("tencent-zego")
}

/// The Twilio and Ably capture.
pub fn twilio_ably() -> PathBuf {
    root().join("twilio-ably")
}

/// One row of an expectations table, decided by hand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    pub canonical: String,
    pub recovery: String,
    /// The delay the object or response asks for, in seconds (`-`: none stated); only the
    /// Stream and Sendbird tables have the column.
    pub retry_after: Option<u64>,
}

/// `file -> expectation` from a TSV whose columns are `file, canonical, recovery` and, when
/// `with_delay`, `retry_after_secs`; `#` lines are comments.
pub fn expected(path: &Path) -> BTreeMap<String, Expected> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines().filter(|l| !l.is_empty());
    let header: Vec<&str> = lines
        .next()
        .unwrap()
        .trim_start_matches('#')
        .trim()
        .split('\t')
        .collect();
    let delay = header.iter().position(|h| *h == "retry_after_secs");
    lines
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            let retry_after = delay.and_then(|i| match cells[i] {
                "-" | "" => None,
                n => Some(
                    n.parse()
                        .unwrap_or_else(|_| panic!("{l}: retry_after_secs {n:?}")),
                ),
            });
            let row = Expected {
                canonical: cells[1].to_owned(),
                recovery: cells[2].to_owned(),
                retry_after,
            };
            (cells[0].to_owned(), row)
        })
        .collect()
}

/// Every `*.json` object of `dir` with its text, by file name.
pub fn objects(dir: &Path) -> Vec<(String, String)> {
    files(dir, "json")
}

/// Every file of `dir` with extension `ext`, with its text, by file name.
pub fn files(dir: &Path, ext: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// The parser of the SDK a fixture file came from (by the file's name).
pub type Parse = for<'a> fn(&str, &'a str) -> Result<ParsedError<'a>, PayloadError>;

/// With the shape named, every object of `dir` is a value that keeps its text and re-serializes
/// to a payload the same parser resolves alike (with the same shape, when `same_shape`).
pub fn check_values(dir: &Path, parse: Parse, same_shape: bool) {
    for (file, text) in objects(dir) {
        let p = parse(&file, &text).unwrap_or_else(|e| panic!("{file}: {text}: {e}"));
        assert_eq!(p.raw(), text);
        let again = serde_json::to_string(&p).unwrap();
        let back = parse(&file, &again).unwrap_or_else(|e| panic!("{file}: {again}: {e}"));
        assert_eq!(back.resolution(), p.resolution(), "{file}");
        if same_shape {
            assert_eq!(back.shape(), p.shape(), "{file}: {again}");
        }
    }
}

/// Every object of `dir` has the class, advice and delay its `expected.tsv` decided by hand.
pub fn check_expected(dir: &Path, parse: Parse) {
    let expected = expected(&dir.join("expected.tsv"));
    let mut wrong = Vec::new();
    for (file, text) in objects(dir) {
        let p = parse(&file, &text).unwrap();
        let got = Expected {
            canonical: p.canonical().to_string(),
            recovery: p.recovery().to_string(),
            retry_after: p.retry_after().map(|d| d.as_secs()),
        };
        if expected[&file] != got {
            let want = &expected[&file];
            wrong.push(format!("{file}: expected {want:?}, got {got:?}: {text}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// `expected.tsv` and `corpus.tsv` of `dir` list every object of the folder, in order.
pub fn check_listed(dir: &Path) {
    let files = objects(dir);
    let names: Vec<&String> = files.iter().map(|(f, _)| f).collect();
    let expected = expected(&dir.join("expected.tsv"));
    let listed: Vec<&String> = expected.keys().collect();
    assert_eq!(names, listed, "expected.tsv lists every object");
    let corpus = std::fs::read_to_string(dir.join("corpus.tsv")).unwrap();
    let rows = corpus.lines().count() - 1;
    assert_eq!(rows, files.len(), "corpus.tsv lists every object");
}

/// No object of `dir` is read as a success, and none that the hand-decided table calls a network
/// failure (`Unavailable`, `DeadlineExceeded`) asks for a login; there are at least
/// `min_network` of those.
pub fn check_failures(dir: &Path, parse: Parse, min_network: usize) {
    use chat_error_codes::{Canonical, Recovery};
    let expected = expected(&dir.join("expected.tsv"));
    let mut network = 0;
    for (file, text) in objects(dir) {
        let p = parse(&file, &text).unwrap();
        assert_ne!(p.canonical(), Canonical::Ok, "{file}");
        assert_ne!(p.recovery(), Recovery::NoAction, "{file}");
        if ["Unavailable", "DeadlineExceeded"].contains(&expected[&file].canonical.as_str()) {
            network += 1;
            assert_ne!(p.canonical(), Canonical::Unauthenticated, "{file}");
            assert_ne!(p.recovery(), Recovery::Reauthenticate, "{file}");
        }
    }
    assert!(network >= min_network, "{network} network failures");
}
