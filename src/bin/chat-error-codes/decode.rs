//! The body of a captured response as the vendor meant it: the chunked transfer coding removed
//! and the gzip or deflate content coding undone (RFC 9112 section 7.1, RFC 9110 section 8.4).
//!
//! A capture may already be decoded although its headers still name the codings (`curl -i`
//! removes the chunk framing; `curl --compressed` inflates), so a body that does not decode as
//! its headers say is kept as captured: decoding never loses the input.

use std::borrow::Cow;
use std::io::Read;

/// The most bytes a content coding may inflate to (a guard against decompression bombs); a
/// body that would inflate further is kept as captured.
pub const MAX_DECODED_BYTES: u64 = 16 * 1024 * 1024;

/// The body with the codings its headers name undone where they apply, and the names of the
/// codings undone, in the order they were undone.
pub fn body<'a>(headers: &[(&str, &[u8])], body: &'a [u8]) -> (Cow<'a, [u8]>, Vec<&'static str>) {
    let mut undone = Vec::new();
    let mut out = Cow::Borrowed(body);
    let transfer = codings(headers, "transfer-encoding");
    if transfer.last().is_some_and(|c| c == "chunked") {
        if let Some(plain) = dechunk(&out) {
            out = Cow::Owned(plain);
            undone.push("chunked");
        }
    }
    // Content codings were applied in the order listed: undo them from the last.
    for coding in codings(headers, "content-encoding").iter().rev() {
        let (name, decoded) = match coding.as_str() {
            "gzip" | "x-gzip" => ("gzip", gunzip(&out)),
            "deflate" => ("deflate", inflate(&out)),
            _ => break,
        };
        match decoded {
            Some(d) => {
                out = Cow::Owned(d);
                undone.push(name);
            }
            None => break,
        }
    }
    (out, undone)
}

/// The codings a header lists (every line of it, comma-separated, lower case).
fn codings(headers: &[(&str, &[u8])], name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (_, value) in headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case(name)) {
        for coding in String::from_utf8_lossy(value).split(',') {
            let coding = coding.trim().to_ascii_lowercase();
            if !coding.is_empty() && coding != "identity" {
                out.push(coding);
            }
        }
    }
    out
}

/// Removes the chunked framing: `size[;ext] CRLF data CRLF ... 0 CRLF [trailers] CRLF`, lines
/// ending with CRLF or LF. `None` unless the whole body is well-formed chunks up to the last.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = body;
    loop {
        let end = rest.iter().position(|&b| b == b'\n')?;
        let line = rest.get(..end)?;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let size = line.split(|&b| b == b';').next()?.trim_ascii();
        let size = usize::from_str_radix(std::str::from_utf8(size).ok()?, 16).ok()?;
        rest = rest.get(end + 1..)?;
        if size == 0 {
            // Trailers (ignored) up to the end.
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?;
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))?;
    }
}

/// Reads a decoder to its end, at most [`MAX_DECODED_BYTES`]; `None` if it fails or would be
/// larger.
fn read_all(decoder: impl Read) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    decoder
        .take(MAX_DECODED_BYTES + 1)
        .read_to_end(&mut out)
        .ok()?;
    (out.len() as u64 <= MAX_DECODED_BYTES).then_some(out)
}

fn gunzip(body: &[u8]) -> Option<Vec<u8>> {
    if !body.starts_with(&[0x1f, 0x8b]) {
        return None;
    }
    read_all(flate2::read::MultiGzDecoder::new(body))
}

/// HTTP's `deflate` is the zlib format (RFC 9110, section 8.4.1.2); some servers send a raw
/// deflate stream, which is read too. Either must end exactly where the body ends: a raw
/// stream has no checksum, so a body already inflated could otherwise pass for one.
fn inflate(body: &[u8]) -> Option<Vec<u8>> {
    let whole = |total_in: u64| total_in == body.len() as u64;
    let mut zlib = flate2::read::ZlibDecoder::new(body);
    if let Some(out) = read_all(&mut zlib).filter(|_| whole(zlib.total_in())) {
        return Some(out);
    }
    let mut raw = flate2::read::DeflateDecoder::new(body);
    read_all(&mut raw).filter(|_| whole(raw.total_in()))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn chunked_then_gzip() {
        let json = br#"{"code":9,"message":"Too many requests","StatusCode":429}"#;
        let zipped = gzip(json);
        let (a, b) = zipped.split_at(10);
        let mut chunked = format!("{:x};ext=1\r\n", a.len()).into_bytes();
        chunked.extend_from_slice(a);
        chunked.extend_from_slice(format!("\r\n{:X}\r\n", b.len()).as_bytes());
        chunked.extend_from_slice(b);
        chunked.extend_from_slice(b"\r\n0\r\nX-Trailer: 1\r\n\r\n");
        let headers: [(&str, &[u8]); 2] = [
            ("Transfer-Encoding", b"chunked"),
            ("content-encoding", b"gzip"),
        ];
        let (body, undone) = body(&headers, &chunked);
        assert_eq!(&body[..], json);
        assert_eq!(undone, ["chunked", "gzip"]);
    }

    #[test]
    fn bodies_already_decoded_or_broken_are_kept() {
        let json = br#"{"code":4}"#;
        let headers: [(&str, &[u8]); 2] = [
            ("Transfer-Encoding", b"chunked"),
            ("Content-Encoding", b"gzip, deflate"),
        ];
        let (body, undone) = body(&headers, json);
        assert_eq!((&body[..], undone.len()), (&json[..], 0));
        // A chunk that claims more than there is.
        let (b, undone) = super::body(&headers[..1], b"ff\r\nabc\r\n0\r\n\r\n");
        assert_eq!((&b[..], undone.len()), (&b"ff\r\nabc\r\n0\r\n\r\n"[..], 0));
        // Text already inflated, under a deflate header, is not taken for a raw stream.
        let deflate: [(&str, &[u8]); 1] = [("Content-Encoding", b"deflate")];
        for text in [
            &br#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"m"}}"#[..],
            br#"{"type":605,"message":"no group"}"#,
            br#"{"code":9,"message":"Too many requests","StatusCode":429}"#,
            b"<html>502 Bad Gateway</html>",
            b"",
        ] {
            let (b, undone) = super::body(&deflate, text);
            assert_eq!((&b[..], undone.len()), (text, 0));
        }
    }

    #[test]
    fn deflate_zlib_and_raw() {
        let data = b"{\"error\":\"unauthorized\"}";
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(data).unwrap();
        let z = z.finish().unwrap();
        let mut r = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        r.write_all(data).unwrap();
        let r = r.finish().unwrap();
        for encoded in [z, r] {
            let (b, undone) = body(&[("Content-Encoding", b"deflate")], &encoded);
            assert_eq!((&b[..], undone), (&data[..], vec!["deflate"]));
        }
    }
}
