//! Agora Chat RESTful API errors: the `error` string of a REST error body, with the HTTP status
//! it comes with.
//!
//! Source: `data/agora_rest.toml`. One entry per (status, `error`) pair: `web_application` is
//! listed under 415 and under 500, and a few statuses are documented without an `error` string
//! (those entries' code is the status, `"405"`). Each entry keeps every `error_description` the
//! docs show for it ([`server_messages`](crate::ErrorInfo::server_messages), templates such as
//! `{username} is not legal.` included). Use [`ChatError::from_response`] with the status when
//! you have it; [`ChatError::from_code`] goes by the `error` string alone.
//!
//! ```
//! use chat_error_codes::{ErrorInfo, agora::rest::ChatError};
//!
//! let e = ChatError::from_response(400, "illegal_argument").unwrap();
//! assert_eq!(e.vendor_status(), Some(400));
//! assert_eq!(ChatError::from_response(415, "web_application"), Some(ChatError::WebApplication415));
//! assert_eq!(ChatError::from_response(500, "web_application"), Some(ChatError::WebApplication500));
//! ```
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/agora_rest.match.md"))]
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/agora_rest.rs"));
crate::entry::impl_table!(crate::Table::AgoraRest, string);

impl ChatError {
    /// The entry for an HTTP response: the pair (`status`, `error`) if listed, else the `error`
    /// string under any status; for an empty `error` (a response without one), the status the
    /// docs list without a string. An unlisted `error` string is `None`: it is not guessed from
    /// the status.
    pub fn from_response(status: u16, error: &str) -> Option<Self> {
        let found = if error.is_empty() {
            crate::table_data::find_status(&MAPS, status)
        } else {
            crate::table_data::find_status_code(&MAPS, status, error)
                .or_else(|| MAPS.find_code(error))
        };
        found.and_then(variant)
    }

    /// The documented `error_description` that `description` is (templates match any value in
    /// their placeholders), with the catalog's explanation of its cause.
    ///
    /// ```
    /// use chat_error_codes::agora::rest::ChatError;
    /// let m = ChatError::IllegalArgument.server_message("'From' can't be empty.").unwrap();
    /// assert!(m.explanation().contains("sender"));
    /// ```
    pub fn server_message(self, description: &str) -> Option<&'static crate::ServerMessage> {
        self.row()
            .server_messages()
            .iter()
            .find(|m| m.matches(description))
    }
}
