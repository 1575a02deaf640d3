//! The catalog's records: the types that [`ErrorInfo`](crate::ErrorInfo) and
//! [`Table`](crate::Table) return beyond the shared vocabulary at the crate root.
//!
//! ```
//! use chat_error_codes::{ErrorInfo, Table, catalog::SourceKind, genesys};
//!
//! // Where an entry comes from, with the version of each source.
//! let e = genesys::ChatError::from_number(101).unwrap();
//! assert!(e.sources().list().iter().any(|s| s.kind() == SourceKind::Docs));
//! // The documented ranges of a table.
//! let section = Table::GenesysChat.section_of(175).unwrap();
//! assert_eq!(section.range(), Some((150, 199)));
//! ```

pub use crate::any::Matches;
pub use crate::record::Record;
pub use crate::vocabulary::{Section, ServerMessage, Source, SourceKind, Sources};
