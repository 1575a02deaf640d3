//! Errors of the lookup API.

use core::fmt;

use crate::Table;

/// A code that the table does not define: the error of every `ChatError`'s `FromStr` and of its
/// serde deserialization.
///
/// It names the table and keeps the rejected input (up to [`UnknownCode::KEPT_BYTES`]; its full length
/// is kept too). To keep a whole unrecognized code as a value instead of failing, use
/// [`Unrecognized`](crate::resolve::Unrecognized) (feature `alloc`).
///
/// ```
/// use chat_error_codes::{Table, cometchat::rest};
///
/// let err = "ERR_NOPE".parse::<rest::ChatError>().unwrap_err();
/// assert_eq!(err.table(), Table::CometChatRest);
/// assert_eq!(err.input(), "ERR_NOPE");
/// assert_eq!(err.to_string(), r#"unknown cometchat_rest error code "ERR_NOPE""#);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("unknown {table} error code {input}")]
pub struct UnknownCode {
    table: Table,
    input: Kept,
}

impl UnknownCode {
    /// How many bytes of a rejected input an `UnknownCode` keeps. Longer input is cut at a
    /// character boundary, so that an error about a hostile 50 MB "code" stays small and never
    /// allocates.
    pub const KEPT_BYTES: usize = 64;

    pub(crate) fn new(table: Table, input: &str) -> Self {
        UnknownCode {
            table,
            input: Kept::new(input),
        }
    }

    pub(crate) fn from_number(table: Table, input: i128) -> Self {
        let mut buf = Buf {
            bytes: [0; UnknownCode::KEPT_BYTES],
            len: 0,
        };
        // An i128 has at most 40 characters, well under the buffer's size.
        let _ = fmt::write(&mut buf, format_args!("{input}"));
        UnknownCode {
            table,
            input: Kept {
                len: buf.len,
                bytes: buf.bytes,
                original_len: usize::from(buf.len),
                number: true,
            },
        }
    }

    /// The table the code was looked up in.
    pub const fn table(&self) -> Table {
        self.table
    }

    /// The rejected input, cut to [`UnknownCode::KEPT_BYTES`] at a character boundary if longer. An
    /// integer input is given in decimal.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// The length of the whole rejected input in bytes.
    pub const fn input_len(&self) -> usize {
        self.input.original_len
    }

    /// Whether [`input`](Self::input) is only the beginning of the rejected input.
    pub const fn is_truncated(&self) -> bool {
        self.input.original_len > self.input.len as usize
    }
}

impl fmt::Debug for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnknownCode")
            .field("table", &self.table)
            .field("input", &self.input())
            .field("input_len", &self.input_len())
            .finish()
    }
}

/// The kept prefix of a rejected input.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Kept {
    bytes: [u8; UnknownCode::KEPT_BYTES],
    len: u8,
    original_len: usize,
    number: bool,
}

impl Kept {
    fn new(input: &str) -> Self {
        let mut len = input.len().min(UnknownCode::KEPT_BYTES);
        while !input.is_char_boundary(len) {
            len -= 1;
        }
        let mut bytes = [0; UnknownCode::KEPT_BYTES];
        if let (Some(dst), Some(src)) = (bytes.get_mut(..len), input.as_bytes().get(..len)) {
            dst.copy_from_slice(src);
        }
        Kept {
            bytes,
            len: u8::try_from(len).unwrap_or(0),
            original_len: input.len(),
            number: false,
        }
    }

    fn as_str(&self) -> &str {
        self.bytes
            .get(..usize::from(self.len))
            .and_then(|b| core::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

impl fmt::Display for Kept {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.number {
            return f.write_str(self.as_str());
        }
        write!(f, "{:?}", self.as_str())?;
        if self.original_len > usize::from(self.len) {
            write!(f, " (first {} of {} bytes)", self.len, self.original_len)?;
        }
        Ok(())
    }
}

struct Buf {
    bytes: [u8; UnknownCode::KEPT_BYTES],
    len: u8,
}

impl fmt::Write for Buf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let start = usize::from(self.len);
        let end = start + s.len();
        let dst = self.bytes.get_mut(start..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = u8::try_from(end).map_err(|_| fmt::Error)?;
        Ok(())
    }
}
