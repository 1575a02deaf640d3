//! Payload parsing helpers.

use chat_error_codes::payload::{ParsedError, PayloadError};

/// Any of the payload parsers (`payload::parse`, `parse_rest`, ...).
pub type Parser = for<'a> fn(&'a str) -> Result<ParsedError<'a>, PayloadError>;
