//! [`AnyChatError`]: one entry of any table, and the cross-vendor lookups.

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::{Canonical, Code, ErrorInfo, Recovery, Sources, Table, agora, cometchat, genesys};

/// An entry of any table of the catalog.
///
/// ```
/// use chat_error_codes::{AnyChatError, ErrorInfo, Table, lookup};
///
/// let tables: Vec<Table> = lookup("ERR_TOO_MANY_REQUESTS").map(|e| e.table()).collect();
/// assert_eq!(tables, [Table::CometChatSdk, Table::CometChatRest]);
/// assert_eq!(AnyChatError::all().count(), Table::ALL_LEN);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, thiserror::Error)]
pub enum AnyChatError {
    /// CometChat JavaScript SDK.
    #[error(transparent)]
    CometChatSdk(cometchat::sdk::ChatError),
    /// CometChat Calls API.
    #[error(transparent)]
    CometChatCalls(cometchat::calls::ChatError),
    /// CometChat REST API.
    #[error(transparent)]
    CometChatRest(cometchat::rest::ChatError),
    /// Genesys Web Engagement chat.
    #[error(transparent)]
    GenesysChat(genesys::ChatError),
    /// Agora Chat Web SDK.
    #[error(transparent)]
    AgoraChat(agora::ChatError),
}

macro_rules! delegate {
    ($self:ident, $e:ident => $body:expr) => {
        match $self {
            AnyChatError::CometChatSdk($e) => $body,
            AnyChatError::CometChatCalls($e) => $body,
            AnyChatError::CometChatRest($e) => $body,
            AnyChatError::GenesysChat($e) => $body,
            AnyChatError::AgoraChat($e) => $body,
        }
    };
}

impl AnyChatError {
    /// Every entry of every table: tables in the order of [`Table`], entries in document order.
    pub fn all() -> impl DoubleEndedIterator<Item = AnyChatError> + Clone {
        let sdk = cometchat::sdk::ChatError::ALL
            .iter()
            .map(|&e| AnyChatError::from(e));
        let calls = cometchat::calls::ChatError::ALL
            .iter()
            .map(|&e| AnyChatError::from(e));
        let rest = cometchat::rest::ChatError::ALL
            .iter()
            .map(|&e| AnyChatError::from(e));
        let genesys = genesys::ChatError::ALL
            .iter()
            .map(|&e| AnyChatError::from(e));
        let agora = agora::ChatError::ALL.iter().map(|&e| AnyChatError::from(e));
        sdk.chain(calls).chain(rest).chain(genesys).chain(agora)
    }

    /// Looks `code` up in one table.
    pub fn from_table(table: Table, code: &str) -> Option<Self> {
        table.lookup(code)
    }

    /// The Rust variant name inside its table, e.g. `"ErrUidNotFound"`.
    pub fn variant_name(self) -> &'static str {
        delegate!(self, e => e.variant_name())
    }

    /// The catalog's note on the entry, if any.
    pub fn note(self) -> Option<&'static str> {
        delegate!(self, e => e.note())
    }

    /// Numeric codes the vendor's SDK sends with this entry's symbol in `name`.
    pub fn sdk_codes(self) -> &'static [i32] {
        delegate!(self, e => e.sdk_codes())
    }
}

impl Table {
    /// The number of entries in the whole catalog.
    pub const ALL_LEN: usize = cometchat::sdk::ChatError::ALL.len()
        + cometchat::calls::ChatError::ALL.len()
        + cometchat::rest::ChatError::ALL.len()
        + genesys::ChatError::ALL.len()
        + agora::ChatError::ALL.len();
}

impl ErrorInfo for AnyChatError {
    fn table(&self) -> Table {
        delegate!(self, e => e.table())
    }
    fn code(&self) -> Code {
        delegate!(self, e => ErrorInfo::code(e))
    }
    fn name(&self) -> &'static str {
        delegate!(self, e => e.name())
    }
    fn aliases(&self) -> &'static [&'static str] {
        delegate!(self, e => e.aliases())
    }
    fn messages(&self) -> &'static [&'static str] {
        delegate!(self, e => e.messages())
    }
    fn description(&self) -> Option<&'static str> {
        delegate!(self, e => e.description())
    }
    fn sections(&self) -> &'static [&'static str] {
        delegate!(self, e => e.sections())
    }
    fn canonical(&self) -> Canonical {
        delegate!(self, e => e.canonical())
    }
    fn recovery(&self) -> Recovery {
        delegate!(self, e => e.recovery())
    }
    fn sources(&self) -> Sources {
        delegate!(self, e => e.sources())
    }
    fn deprecated(&self) -> Option<&'static str> {
        delegate!(self, e => e.deprecated())
    }
}

macro_rules! from_table_enum {
    ($($variant:ident($ty:ty)),*) => {$(
        impl From<$ty> for AnyChatError {
            fn from(e: $ty) -> Self {
                AnyChatError::$variant(e)
            }
        }
    )*};
}

from_table_enum!(
    CometChatSdk(cometchat::sdk::ChatError),
    CometChatCalls(cometchat::calls::ChatError),
    CometChatRest(cometchat::rest::ChatError),
    GenesysChat(genesys::ChatError),
    AgoraChat(agora::ChatError)
);

/// The serialized form of an [`AnyChatError`]: `{"table": "agora_chat", "code": 605}`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Tagged<'a> {
    table: Table,
    #[serde(borrow)]
    code: TaggedCode<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum TaggedCode<'a> {
    Int(i64),
    Str(&'a str),
}

impl<'de: 'a, 'a> Deserialize<'de> for TaggedCode<'a> {
    /// An integer or a string; no allocation (serde's untagged enums need `alloc`).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = TaggedCode<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an error code: a string or an integer")
            }
            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                v: &'de str,
            ) -> Result<Self::Value, E> {
                Ok(TaggedCode::Str(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                if let Ok(n) = v.parse::<i64>() {
                    return Ok(TaggedCode::Int(n));
                }
                // A string the input cannot lend (it had escapes): keep the catalog's copy.
                AnyChatError::all()
                    .find_map(|e| {
                        let code = e.code().as_str().into_iter();
                        code.chain([e.name()])
                            .chain(e.aliases().iter().copied())
                            .find(|s| *s == v)
                    })
                    .map(TaggedCode::Str)
                    .ok_or_else(|| {
                        E::invalid_value(serde::de::Unexpected::Str(v), &"a code of the catalog")
                    })
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(TaggedCode::Int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
                i64::try_from(v)
                    .map(TaggedCode::Int)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl Serialize for AnyChatError {
    /// Serializes as `{"table": "<table>", "code": <the vendor's code>}`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let code = match ErrorInfo::code(self) {
            Code::Str(s) => TaggedCode::Str(s),
            Code::Int(n) => TaggedCode::Int(n.into()),
        };
        Tagged {
            table: self.table(),
            code,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for AnyChatError {
    /// Deserializes `{"table": "<table>", "code": <code>}`; an unknown code is an error.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let tagged = Tagged::deserialize(deserializer)?;
        match tagged.code {
            TaggedCode::Str(code) => tagged
                .table
                .lookup(code)
                .ok_or_else(|| D::Error::custom(crate::UnknownCode::new(tagged.table, code))),
            TaggedCode::Int(n) => tagged.table.lookup_number(n).ok_or_else(|| {
                D::Error::custom(crate::UnknownCode::from_number(tagged.table, n.into()))
            }),
        }
    }
}

/// The entries that [`lookup`] and [`lookup_number`] found: at most one per table, in the order
/// of [`Table`]. Never allocates.
#[derive(Clone, Debug, Default)]
pub struct Matches {
    found: [Option<AnyChatError>; 5],
    next: usize,
}

impl Matches {
    fn push(&mut self, e: Option<AnyChatError>) {
        if let Some(slot) = self.found.iter_mut().find(|slot| slot.is_none()) {
            *slot = e;
        }
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many entries are left to iterate.
    pub fn len(&self) -> usize {
        self.found.iter().skip(self.next).flatten().count()
    }
}

impl Iterator for Matches {
    type Item = AnyChatError;

    fn next(&mut self) -> Option<AnyChatError> {
        let item = self.found.get(self.next).copied().flatten();
        if item.is_some() {
            self.next += 1;
        }
        item
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.len();
        (n, Some(n))
    }
}

impl ExactSizeIterator for Matches {}

impl fmt::Display for Matches {
    /// The matches' tables, comma-separated (`cometchat_sdk, cometchat_rest`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.clone().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(e.table().as_str())?;
        }
        Ok(())
    }
}

/// Every table entry with exactly this code, across vendors (at most one per table).
///
/// String tables match the code string; integer tables match the decimal code and every
/// symbolic name. Case-sensitive and without trimming, like the vendors' own comparisons; see
/// [`lookup_lenient`] for user-typed input.
///
/// ```
/// use chat_error_codes::{ErrorInfo, Table, lookup};
///
/// let found: Vec<_> = lookup("GROUP_NOT_EXIST").collect();
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].table(), Table::AgoraChat);
/// assert!(lookup("NOT_A_CODE").next().is_none());
/// ```
pub fn lookup(code: &str) -> Matches {
    // Spelled out per table rather than looping over `Table` and dispatching: the loop measured
    // 20-40% slower in `cargo bench --bench lookup` (lookup_all_tables).
    let mut m = Matches::default();
    m.push(cometchat::sdk::ChatError::from_code(code).map(AnyChatError::from));
    m.push(cometchat::calls::ChatError::from_code(code).map(AnyChatError::from));
    m.push(cometchat::rest::ChatError::from_code(code).map(AnyChatError::from));
    m.push(genesys::ChatError::from_code(code).map(AnyChatError::from));
    m.push(agora::ChatError::from_code(code).map(AnyChatError::from));
    m
}

/// Every integer-table entry with this number (Genesys and Agora).
///
/// ```
/// use chat_error_codes::{ErrorInfo, lookup_number};
///
/// let names: Vec<_> = lookup_number(1).map(|e| e.name()).collect();
/// assert_eq!(names, ["UNKNOWN_CHAT_COMMAND", "WEBIM_CONNCTION_OPEN_ERROR"]);
/// ```
pub fn lookup_number(code: i64) -> Matches {
    let mut m = Matches::default();
    if let Ok(code) = i32::try_from(code) {
        m.push(genesys::ChatError::from_number(code).map(AnyChatError::from));
        m.push(agora::ChatError::from_number(code).map(AnyChatError::from));
    }
    m
}

/// Like [`lookup`], for input typed by a person: surrounding whitespace is ignored and ASCII
/// letters are compared without case (`" err_uid_not_found "` finds `ERR_UID_NOT_FOUND`).
/// Input longer than any code is rejected without work. Vendor payloads should go through the
/// strict [`lookup`]: vendors send exact upper case, and the strict lookup never guesses.
///
/// ```
/// use chat_error_codes::{lookup, lookup_lenient};
/// assert_eq!(lookup_lenient(" group_not_exist\n").count(), 1);
/// assert_eq!(lookup(" group_not_exist\n").count(), 0);
/// ```
pub fn lookup_lenient(code: &str) -> Matches {
    const MAX: usize = 96;
    let code = code.trim();
    // Codes the vendors spell with lower case (`INVALID_UIDs`, `{param}` patterns) as typed.
    let exact = lookup(code);
    if !exact.is_empty() {
        return exact;
    }
    let mut buf = [0u8; MAX];
    match buf.get_mut(..code.len()) {
        Some(dst) => {
            dst.copy_from_slice(code.as_bytes());
            dst.make_ascii_uppercase();
            // Upper-casing ASCII keeps UTF-8 valid.
            core::str::from_utf8(dst).map(lookup).unwrap_or_default()
        }
        None => Matches::default(),
    }
}
