//! Genesys Web Engagement (GWE) chat error codes, as sent in `EventError`.
//!
//! Source: `data/genesys_chat.toml`. Codes are integers. Genesys documents five ranges (1-49
//! command syntax, 50-99 session run-time, 100-149 server, 150-199 transport, 200-249 widget)
//! and only some codes inside them; [`section_of`] finds the range of any code. Genesys has no
//! symbolic names: the catalog gives each code one (`UNKNOWN_CHAT_COMMAND`).
//!
//! ```
//! use chat_error_codes::{ErrorInfo, genesys};
//!
//! let e = genesys::ChatError::from_number(101).unwrap();
//! assert_eq!(e.message(), "Login to Chat Server was failed");
//! assert_eq!(genesys::section_of(175).unwrap().range(), Some((150, 199)));
//! assert!(genesys::section_of(250).is_none());
//! ```
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/genesys_chat.rs"));
crate::entry::impl_table!(crate::Table::GenesysChat, integer);

/// The documented range (section) that contains `code`, listed in the table or not.
pub fn section_of(code: i64) -> Option<&'static crate::Section> {
    crate::Table::GenesysChat.section_of(code)
}
