//! Reading the corpora: the objects of a folder and their expected classes.

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
