//! A raw HTTP response as `curl -i` prints it: a status line, header lines, a blank line, the
//! body. Lines end with CRLF or LF. Interim `1xx` responses before the final one are skipped.

use std::fmt;

/// A response read from raw text: the parts `response::classify` takes.
pub struct Raw<'a> {
    pub status: u16,
    pub headers: Vec<(&'a str, &'a [u8])>,
    pub body: &'a [u8],
}

/// Malformed input: what was wrong, and on which line (1-based).
#[derive(Debug, PartialEq, Eq)]
pub struct RawError {
    pub line: usize,
    pub problem: String,
}

impl fmt::Display for RawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}

impl std::error::Error for RawError {}

/// What is wrong with a header line (the caller adds where).
#[derive(Debug, PartialEq, Eq)]
pub struct HeaderError(String);

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The next line of `input` from `*at` (without its CRLF or LF), advancing `*at`.
fn next_line<'a>(input: &'a [u8], at: &mut usize) -> Option<&'a [u8]> {
    let rest = input.get(*at..).filter(|r| !r.is_empty())?;
    let (line, advance) = match rest.iter().position(|&b| b == b'\n') {
        Some(i) => (rest.get(..i).unwrap_or_default(), i + 1),
        None => (rest, rest.len()),
    };
    *at += advance;
    Some(line.strip_suffix(b"\r").unwrap_or(line))
}

/// Shows a line in an error message: lossy, cut at 80 characters.
fn shown(line: &[u8]) -> String {
    let text = String::from_utf8_lossy(line);
    let mut shown: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        shown.push_str("...");
    }
    shown
}

/// Parses a raw response.
pub fn parse(input: &[u8]) -> Result<Raw<'_>, RawError> {
    let mut at = 0;
    let mut number = 0;
    loop {
        number += 1;
        let Some(line) = next_line(input, &mut at) else {
            let problem = if number == 1 {
                "no status line: the input is empty".to_string()
            } else {
                "no status line after the interim (1xx) response".to_string()
            };
            return Err(RawError {
                line: number,
                problem,
            });
        };
        let status = status_line(line).map_err(|problem| RawError {
            line: number,
            problem,
        })?;
        let mut headers = Vec::new();
        let mut ended = false;
        while let Some(line) = next_line(input, &mut at) {
            number += 1;
            if line.is_empty() {
                ended = true;
                break;
            }
            let h = header(line).map_err(|e| RawError {
                line: number,
                problem: e.0,
            })?;
            headers.push(h);
        }
        if (100..200).contains(&status) && ended {
            // An interim response (100 Continue, 103 Early Hints): the final one follows.
            continue;
        }
        let body = if ended {
            input.get(at..).unwrap_or_default()
        } else {
            &[]
        };
        return Ok(Raw {
            status,
            headers,
            body,
        });
    }
}

/// `HTTP/1.1 429 Too Many Requests`, `HTTP/2 429`: the status.
fn status_line(line: &[u8]) -> Result<u16, String> {
    let expected = || {
        format!(
            "expected a status line such as `HTTP/1.1 429 Too Many Requests` or `HTTP/2 429`, found `{}`",
            shown(line)
        )
    };
    let text = std::str::from_utf8(line).map_err(|_| expected())?;
    let mut parts = text.splitn(3, ' ');
    let version = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/") || version.len() == "HTTP/".len() {
        return Err(expected());
    }
    let code = parts.next().unwrap_or_default();
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "expected a three-digit status after `{version}`, found `{}`",
            shown(code.as_bytes())
        ));
    }
    let status: u16 = code.parse().map_err(|_| expected())?;
    if !(100..=599).contains(&status) {
        return Err(format!("status {status} is outside 100-599"));
    }
    Ok(status)
}

/// `Name: value`: the name (a token) and the value without surrounding spaces or tabs.
pub fn header(line: &[u8]) -> Result<(&str, &[u8]), HeaderError> {
    if line.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
        return Err(HeaderError(format!(
            "a folded header line (obsolete line folding is not supported): `{}`",
            shown(line)
        )));
    }
    let Some(colon) = line.iter().position(|&b| b == b':') else {
        return Err(HeaderError(format!(
            "a header without a colon: `{}`",
            shown(line)
        )));
    };
    let name = line.get(..colon).unwrap_or_default();
    let value = line.get(colon + 1..).unwrap_or_default();
    let token = |b: &u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(b);
    if name.is_empty() || !name.iter().all(token) {
        return Err(HeaderError(format!(
            "`{}` is not a header name (letters, digits and !#$%&'*+-.^_`|~, no spaces)",
            shown(name)
        )));
    }
    let name = std::str::from_utf8(name).unwrap_or_default();
    let value = value.trim_ascii();
    Ok((name, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curl_output_with_crlf_and_an_interim_response() {
        let raw = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/2 429 \r\nretry-after: 15\r\nX-Rate-Limit:700\r\n\r\n{\"a\":1}\r\n";
        let r = parse(raw).unwrap();
        assert_eq!(r.status, 429);
        assert_eq!(
            r.headers,
            [("retry-after", &b"15"[..]), ("X-Rate-Limit", b"700")]
        );
        assert_eq!(r.body, b"{\"a\":1}\r\n");
    }

    #[test]
    fn errors_name_the_line() {
        let cases: [(&[u8], usize, &str); 6] = [
            (b"", 1, "no status line"),
            (b"{\"code\":1}", 1, "expected a status line"),
            (b"HTTP/1.1 700 Odd\n\n", 1, "status 700 is outside 100-599"),
            (b"HTTP/1.1 4x9 Odd\n\n", 1, "three-digit status"),
            (
                b"HTTP/1.1 429 Too Many\nRetry-After: 1\nbroken\n\n",
                3,
                "without a colon",
            ),
            (
                b"HTTP/1.1 429 Too Many\nRetry After: 1\n\n",
                2,
                "is not a header name",
            ),
        ];
        for (input, line, problem) in cases {
            let e = parse(input).err().unwrap();
            assert_eq!(e.line, line, "{e}");
            assert!(e.problem.contains(problem), "{e}");
        }
    }
}
