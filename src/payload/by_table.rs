//! The one map from a table to its payload parser.

use super::{ParsedError, PayloadError};
use crate::Table;

/// Parses `text` with the parser of `table`'s API or SDK: the one map from tables to parsers,
/// for a caller that knows which vendor API it called (the [`response`](crate::response) layer
/// and the command-line tool use it). `status` is the HTTP status the body came with, if known;
/// only Agora's REST API needs it (its `error` strings are keyed by status).
///
/// | table | parser |
/// |---|---|
/// | `cometchat_rest` | [`parse_rest`](super::parse_rest) |
/// | `cometchat_calls` | [`parse_calls`](super::parse_calls) |
/// | `cometchat_sdk` | [`parse_exception`](super::parse_exception) |
/// | `agora_chat` | [`parse_agora`](super::parse_agora) |
/// | `agora_rest` | [`parse_agora_rest_with_status`](super::parse_agora_rest_with_status), or [`parse_agora_rest`](super::parse_agora_rest) without a status |
/// | `genesys_chat` | [`parse_genesys`](super::parse_genesys) |
/// | `stream_chat` | [`parse_stream`](super::parse_stream) |
/// | `sendbird_chat` | [`parse_sendbird`](super::parse_sendbird) |
/// | `twilio_conversations` | [`parse_twilio`](super::parse_twilio) |
/// | `ably` | [`parse_ably`](super::parse_ably) |
/// | `tencent_im` | [`parse_tencent`](super::parse_tencent) (a batch reply: [`parse_tencent_rest`](super::parse_tencent_rest)) |
/// | `zego_zim` | [`parse_zego`](super::parse_zego) |
///
/// Any other table has no payload of its own: [`PayloadError::NoParser`].
///
/// ```
/// use chat_error_codes::{Canonical, Table, payload};
///
/// let p = payload::parse_for(Table::AgoraRest, r#"{"error":"reach_limit"}"#, Some(429)).unwrap();
/// assert_eq!(p.canonical(), Canonical::ResourceExhausted);
/// assert!(payload::parse_for(Table::WebSocketClose, "{}", None).is_err());
/// ```
pub fn parse_for(
    table: Table,
    text: &str,
    status: Option<u16>,
) -> Result<ParsedError<'_>, PayloadError> {
    match (table, status) {
        (Table::CometChatRest, _) => super::parse_rest(text),
        (Table::CometChatCalls, _) => super::parse_calls(text),
        (Table::CometChatSdk, _) => super::parse_exception(text),
        (Table::AgoraChat, _) => super::parse_agora(text),
        (Table::AgoraRest, Some(status)) => super::parse_agora_rest_with_status(text, status),
        (Table::AgoraRest, None) => super::parse_agora_rest(text),
        (Table::GenesysChat, _) => super::parse_genesys(text),
        (Table::StreamChat, _) => super::parse_stream(text),
        (Table::SendbirdChat, _) => super::parse_sendbird(text),
        (Table::TwilioConversations, _) => super::parse_twilio(text),
        (Table::Ably, _) => super::parse_ably(text),
        (Table::TencentIm, _) => super::parse_tencent(text),
        (Table::ZegoZim, _) => super::parse_zego(text),
        _ => Err(PayloadError::NoParser { table }),
    }
}
