//! [`AnyChatError`]: one entry of any table, and the cross-vendor lookups.

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::table_data::Row;
use crate::{ErrorInfo, Table};

/// Declares [`AnyChatError`] and the cross-table sweeps from the list of tables.
macro_rules! define_any {
    ($(($variant:ident, $stem:literal, $($module:ident)::+, $kind:ident, $vendor:ident, $doc:literal)),* $(,)?) => {
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
            $(
                #[doc = $doc]
                #[error(transparent)]
                $variant(crate::$($module)::+::ChatError),
            )*
        }

        $(
            impl From<crate::$($module)::+::ChatError> for AnyChatError {
                fn from(e: crate::$($module)::+::ChatError) -> Self {
                    AnyChatError::$variant(e)
                }
            }
        )*

        impl AnyChatError {
            /// The entry's row: what every accessor reads.
            #[inline]
            fn row(&self) -> Row {
                match self {
                    $(AnyChatError::$variant(e) => e.row(),)*
                }
            }

            /// Every entry of every table: tables in the order of [`Table`], entries in document
            /// order.
            pub fn all() -> impl DoubleEndedIterator<Item = AnyChatError> + Clone {
                let all = core::iter::empty();
                $(let all = all.chain(crate::$($module)::+::ChatError::ALL.iter().map(|&e| AnyChatError::from(e)));)*
                all
            }
        }

        impl Serialize for CodeOf {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self.0 {
                    $(AnyChatError::$variant(e) => e.serialize(serializer),)*
                }
            }
        }

        impl Table {
            /// The number of entries in the whole catalog.
            pub const ALL_LEN: usize = 0 $(+ crate::$($module)::+::ChatError::ALL.len())*;
        }

        /// Every table entry with exactly this code, across vendors (at most one per table).
        ///
        /// String tables match the code string; integer tables match the decimal code and every
        /// symbolic name. Case-sensitive and without trimming, like the vendors' own comparisons;
        /// see [`lookup_lenient`] for user-typed input.
        ///
        /// ```
        /// use chat_error_codes::{Code, ErrorInfo, Table, lookup};
        ///
        /// // The Web and the native SDKs both name a code GROUP_NOT_EXIST (605 and 606).
        /// let found: Vec<_> = lookup("GROUP_NOT_EXIST").map(|e| (e.table(), e.code())).collect();
        /// assert_eq!(found, [(Table::AgoraChat, Code::Int(605)), (Table::AgoraNative, Code::Int(606))]);
        /// assert!(lookup("NOT_A_CODE").next().is_none());
        /// ```
        pub fn lookup(code: &str) -> Matches {
            // Expanded per table rather than looping over `Table` and dispatching: the loop
            // measured 20-40% slower in `cargo bench --bench lookup` (lookup_all_tables).
            let mut m = Matches::default();
            $(m.push(crate::$($module)::+::ChatError::from_code(code).map(AnyChatError::from));)*
            m
        }

        /// Every entry with this integer code, in every table whose codes are integers, each
        /// labelled by its table: the same number means different errors in different tables,
        /// so nothing is picked for you.
        ///
        /// ```
        /// use chat_error_codes::{ErrorInfo, Table, lookup_number};
        ///
        /// let names: Vec<_> = lookup_number(1).map(|e| (e.table(), e.name())).collect();
        /// assert_eq!(names, [
        ///     (Table::GenesysChat, "UNKNOWN_CHAT_COMMAND"),
        ///     (Table::AgoraChat, "WEBIM_CONNCTION_OPEN_ERROR"),     // the Web SDK's 1
        ///     (Table::AgoraNative, "GENERAL_ERROR"),                // Android, iOS, Windows
        ///     (Table::ZegoZim, "Failed"),                           // ZEGOCLOUD ZIM
        /// ]);
        /// ```
        pub fn lookup_number(code: i64) -> Matches {
            let mut m = Matches::default();
            if let Ok(code) = i32::try_from(code) {
                $(if crate::tables::is_integer!($kind) {
                    m.push(crate::$($module)::+::ChatError::find_number(code).map(AnyChatError::from));
                })*
            }
            m
        }
    };
}

crate::for_each_table!(define_any);

crate::table_data::impl_error_info!(AnyChatError);

impl AnyChatError {
    /// Looks `code` up in one table.
    pub fn from_table(table: Table, code: &str) -> Option<Self> {
        table.lookup(code)
    }
}

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
    /// `"<status> <error>"` of an HTTP-keyed table, read from an escaped string.
    #[serde(skip)]
    Keyed(u16, &'a str),
}

/// The catalog's own copy of a code, name or alias equal to `v`.
fn catalog_copy(v: &str) -> Option<&'static str> {
    AnyChatError::all().find_map(|e| {
        let code = e.code().as_str().into_iter();
        code.chain([e.name()])
            .chain(e.aliases().iter().copied())
            .find(|s| *s == v)
    })
}

/// `"<status> <rest>"` with a three-digit status.
fn split_status(v: &str) -> Option<(u16, &str)> {
    let (status, rest) = v.split_once(' ')?;
    let valid = status.len() == 3 && status.bytes().all(|b| b.is_ascii_digit());
    Some((status.parse().ok().filter(|_| valid)?, rest))
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
                // A string the input cannot lend (it had escapes): keep the catalog's copy, of
                // the whole string or of the `error` string in "<status> <error>".
                if let Some(code) = catalog_copy(v) {
                    return Ok(TaggedCode::Str(code));
                }
                if let Some((status, code)) =
                    split_status(v).and_then(|(s, c)| Some((s, catalog_copy(c)?)))
                {
                    return Ok(TaggedCode::Keyed(status, code));
                }
                match v.parse::<i64>() {
                    Ok(n) => Ok(TaggedCode::Int(n)),
                    Err(_) => Err(E::invalid_value(
                        serde::de::Unexpected::Str(v),
                        &"a code of the catalog",
                    )),
                }
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
    /// Serializes as `{"table": "<table>", "code": <the vendor's code>}`, the code as the entry's
    /// own enum serializes it.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut tagged = serializer.serialize_struct("Tagged", 2)?;
        tagged.serialize_field("table", &self.table())?;
        tagged.serialize_field("code", &CodeOf(*self))?;
        tagged.end()
    }
}

/// An entry's code, serialized by its table's enum.
struct CodeOf(AnyChatError);

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
            TaggedCode::Keyed(status, code) => tagged
                .table
                .lookup_status(status, code)
                .ok_or_else(|| D::Error::custom(crate::UnknownCode::new(tagged.table, code))),
        }
    }
}

/// The entries that [`lookup`] and [`lookup_number`] found: at most one per table, in the order
/// of [`Table`]. Never allocates.
#[derive(Clone, Debug, Default)]
pub struct Matches {
    /// The entries found, in `found[..end]`; `next` is the iterator's position in them.
    found: [Option<AnyChatError>; <Table as strum::EnumCount>::COUNT],
    next: usize,
    end: usize,
}

impl Matches {
    /// Adds the entries of `other` that are not already found, keeping the order of [`Table`].
    fn merge(&mut self, other: Matches) {
        for e in other {
            if !self.found.contains(&Some(e)) {
                self.push(Some(e));
            }
        }
        if let Some(found) = self.found.get_mut(self.next..self.end) {
            // At most one entry per table, so an unstable sort keeps nothing out of order.
            found.sort_unstable_by_key(|e| e.map(|e| e.table()));
        }
    }

    /// Appends `e` if it is an entry (one comparison and a store; `None` costs a test).
    #[inline(always)]
    fn push(&mut self, e: Option<AnyChatError>) {
        if e.is_some()
            && let Some(slot) = self.found.get_mut(self.end)
        {
            *slot = e;
            self.end += 1;
        }
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many entries are left to iterate.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.next)
    }
}

impl Iterator for Matches {
    type Item = AnyChatError;

    fn next(&mut self) -> Option<AnyChatError> {
        if self.next >= self.end {
            return None;
        }
        let item = self.found.get(self.next).copied().flatten();
        self.next += 1;
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

/// Like [`lookup`], for input typed by a person: surrounding whitespace is ignored and ASCII
/// letters are compared without case (`" err_uid_not_found "` finds `ERR_UID_NOT_FOUND`, and
/// `"ILLEGAL_ARGUMENT"` Agora REST's `illegal_argument`). Input longer than any code is rejected
/// without work. Vendor payloads should go through the strict [`lookup`]: vendors send their
/// codes in one exact spelling, and the strict lookup never guesses.
///
/// ```
/// use chat_error_codes::{lookup, lookup_lenient};
/// assert_eq!(lookup_lenient(" group_not_exist\n").count(), 2); // Agora Web and native
/// assert_eq!(lookup(" group_not_exist\n").count(), 0);
/// ```
pub fn lookup_lenient(code: &str) -> Matches {
    const MAX: usize = 96;
    let code = code.trim();
    let mut buf = [0u8; MAX];
    let Some(dst) = buf.get_mut(..code.len()) else {
        return Matches::default();
    };
    dst.copy_from_slice(code.as_bytes());
    // As typed (codes vendors spell in mixed case: `INVALID_UIDs`, `{param}`), then upper case,
    // then lower case; changing the case of ASCII letters keeps UTF-8 valid.
    let mut found = lookup(code);
    dst.make_ascii_uppercase();
    found.merge(core::str::from_utf8(dst).map(lookup).unwrap_or_default());
    dst.make_ascii_lowercase();
    found.merge(core::str::from_utf8(dst).map(lookup).unwrap_or_default());
    found
}
