//! ZEGOCLOUD ZIM payloads: what `zego-zim-web` rejects with.

use super::fields::{Fields, Key, read};
use super::shapes::{shape_of, uncoded};
use super::{ParsedError, PayloadError, Shape};
use crate::resolve;
use crate::{RawCode, Table};

/// Parses a ZEGOCLOUD ZIM SDK error as `zego-zim-web` rejects with it: a plain
/// `{"code", "message"}` whose `code` resolves in the ZIM table (seven digits, `6000xyy`).
///
/// When the server refused a request, the SDK maps the server's code to one of its own for
/// `code` and writes the server's code into the message: `"code: <server>, message: <text>"`
/// (the message after the comma is the server's text, or the SDK's own for the mapped code).
/// [`server_code`](ParsedError::server_code) reads it back; the class comes from the SDK code.
/// A string code is a [`transport`](crate::transport) one; a JavaScript error without a code
/// (`{"name": "TypeError", ...}`) is a [`Resolution::Runtime`](crate::Resolution::Runtime);
/// `"code": null` is [`PayloadError::MissingCode`].
///
/// ```
/// use chat_error_codes::{Canonical, ErrorInfo, Recovery, payload::{self, Shape}};
/// let p = payload::parse_zego(r#"{"code":6000106,"message":"The token has expired."}"#).unwrap();
/// assert_eq!(p.shape(), Shape::ZegoZimError);
/// assert_eq!(p.resolution().entry().unwrap().name(), "NetworkModuleTokenExpired");
/// assert_eq!(p.recovery(), Recovery::Reauthenticate);
/// assert_eq!(p.server_code(), None);
///
/// // The server's own code, kept in the message by the SDK.
/// let e = r#"{"code":6000001,"message":"code: 100002, message: The incoming parameter is invalid."}"#;
/// let p = payload::parse_zego(e).unwrap();
/// assert_eq!(p.server_code(), Some(100002));
/// assert_eq!(p.canonical(), Canonical::InvalidArgument);
/// ```
#[inline]
pub fn parse_zego(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::ZegoZimError), &mut f)?;
    zego(json, &mut f)
}

#[inline(always)]
pub(super) fn zego<'a>(json: &'a str, f: &mut Fields<'a>) -> Result<ParsedError<'a>, PayloadError> {
    let shape = Shape::ZegoZimError;
    if f.has(Key::Code) && f.code.is_none() {
        return Err(PayloadError::MissingCode {
            shape,
            field: "code",
        });
    }
    let Some(code) = f.code.take() else {
        return Ok(uncoded(json, shape, Table::ZegoZim, f));
    };
    let resolution = resolve::received(Table::ZegoZim, code.clone());
    let shape = shape_of(&resolution, shape);
    Ok(ParsedError::from_fields(json, shape, code, resolution, f))
}

impl ParsedError<'_> {
    /// The server's own error code that a ZEGOCLOUD ZIM SDK error carries in its message
    /// (`"code: 50012, message: ..."`, written by `zego-zim-web` when the server refused a
    /// request; [`code`](Self::code) is then the SDK's code for it). `None` for other shapes
    /// and for messages without one.
    ///
    /// ```
    /// use chat_error_codes::payload;
    /// let p = payload::parse_zego(r#"{"code":6000121,"message":"code: 50012, message: login token error"}"#).unwrap();
    /// assert_eq!(p.server_code(), Some(50012));
    /// assert_eq!(payload::parse_zego(r#"{"code":6000121,"message":"code: x"}"#).unwrap().server_code(), None);
    /// ```
    pub fn server_code(&self) -> Option<i64> {
        match self.shape() {
            Shape::ZegoZimError => server_code_in(self.message()?),
            _ => None,
        }
    }
}

/// The number after `code: ` at the start of `message`, which must be followed by `,` (the
/// SDK's `"code: " + serverCode + ", message: " + text`).
fn server_code_in(message: &str) -> Option<i64> {
    let rest = message.strip_prefix("code: ")?;
    let (number, _) = rest.split_once(',')?;
    RawCode::from(number).as_integer()
}

#[cfg(test)]
mod tests {
    use super::server_code_in;

    #[test]
    fn the_server_code_is_read_only_where_the_sdk_writes_it() {
        assert_eq!(server_code_in("code: 50012, message: x"), Some(50012));
        assert_eq!(server_code_in("code: -1, message: x"), Some(-1));
        assert_eq!(server_code_in("code: 50012"), None);
        assert_eq!(server_code_in("code: , message: x"), None);
        assert_eq!(server_code_in("code: 1e3, message: x"), None);
        assert_eq!(server_code_in("error code: 5, message: x"), None);
        assert_eq!(
            server_code_in("code: 99999999999999999999999, message"),
            None
        );
    }
}
