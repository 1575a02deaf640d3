//! The row type of the generated metadata tables, and the one macro that gives every generated
//! `ChatError` enum its methods and trait impls by forwarding to [`TableData`] and [`Row`]
//! (`table_data.rs`, which also states what the generated file defines).
//!
//! [`TableData`]: crate::table_data::TableData
//! [`Row`]: crate::table_data::Row

use crate::{Canonical, Code, Recovery};

/// A run of items in one of a table's flat arrays (`MESSAGES`, `SECTION_TITLES`, `ALIASES`,
/// `SDK_CODES`).
///
/// Generated code writes struct literals, not `const fn` calls: every call is a basic block in
/// the static's initializer, which rustc borrow-checks and evaluates as one body.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    pub(crate) start: u32,
    pub(crate) len: u32,
}

impl Span {
    /// The items of `all` this span covers (empty if out of bounds, which build.rs rules out).
    #[inline]
    pub(crate) fn of<T>(self, all: &'static [T]) -> &'static [T] {
        let start = self.start as usize;
        all.get(start..start + self.len as usize).unwrap_or(&[])
    }
}

/// One row of a generated `ENTRIES` table: everything the catalog knows about one code.
#[derive(Debug)]
pub(crate) struct Entry {
    pub code: Code,
    pub name: &'static str,
    /// The Rust variant name.
    pub variant: &'static str,
    pub aliases: Span,
    pub messages: Span,
    pub sections: Span,
    pub description: Option<&'static str>,
    pub canonical: Canonical,
    pub recovery: Recovery,
    /// `(canonical, recovery)` when the code arrives in an error payload, if that differs.
    pub raised: Option<(Canonical, Recovery)>,
    /// Listed in the vendor's documentation.
    pub docs: bool,
    /// Defined or raised by a shipped SDK.
    pub sdk: bool,
    /// Into the table's `source_refs`.
    pub sources: Span,
    /// The HTTP status the vendor documents.
    pub status: Option<u16>,
    /// The vendor's retryable flag.
    pub retryable: Option<bool>,
    /// Into the table's `platforms`.
    pub platforms: Span,
    /// Into the table's `server_messages`.
    pub server_messages: Span,
    pub sdk_codes: Span,
    pub passthrough: bool,
    pub deprecated: Option<&'static str>,
    pub note: Option<&'static str>,
    /// The vendor's page for this code (`[table] entry_url` with the code filled in).
    pub url: Option<&'static str>,
    pub pattern: Option<(&'static str, &'static str)>,
}

pub(crate) use crate::fingerprint::{may_contain, same_bytes};

/// Splits `code` as `<prefix><PARAM><suffix>`; the parameter must be a non-empty run of
/// upper-case ASCII letters, digits and `_` that neither starts nor ends with `_`.
pub(crate) fn pattern_param<'a>(code: &'a str, prefix: &str, suffix: &str) -> Option<&'a str> {
    let param = code.strip_prefix(prefix)?.strip_suffix(suffix)?;
    let valid = !param.is_empty()
        && !param.starts_with('_')
        && !param.ends_with('_')
        && param
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    valid.then_some(param)
}

/// `Display` of every `ChatError` and `AnyChatError`: `CODE: message` for string
/// tables, `605 GROUP_NOT_EXIST: message` for integer tables.
pub(crate) struct Show<'a, E>(pub &'a E);

impl<E: crate::ErrorInfo> core::fmt::Display for Show<'_, E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.0.code() {
            Code::Str(code) => write!(f, "{code}: {}", self.0.message()),
            Code::Int(code) => write!(f, "{code} {}: {}", self.0.name(), self.0.message()),
        }
    }
}

/// Implements the shared API of one generated table by forwarding to its `DATA`
/// ([`TableData`](crate::table_data::TableData)) and `MAPS` ([`Maps`](crate::table_data::Maps)). `$kind` is `string` or `integer`.
macro_rules! impl_table {
    ($table:expr, $kind:ident) => {
        impl ChatError {
            /// The table this enum catalogs.
            pub const TABLE: $crate::Table = $table;

            /// Every variant, in the order of the vendor's document.
            pub const ALL: &'static [ChatError] = <ChatError as strum::VariantArray>::VARIANTS;

            /// The vendor SDK package and version the table was checked against, if any.
            pub const SDK: Option<&'static str> = DATA.meta.sdk;

            pub(crate) const META: &'static $crate::table_data::TableMeta = &DATA.meta;

            #[inline]
            #[allow(clippy::indexing_slicing)] // discriminants are 0..N and the table has N rows
            pub(crate) const fn entry(self) -> &'static $crate::entry::Entry {
                &DATA.meta.entries[self as usize]
            }

            #[inline]
            pub(crate) fn row(&self) -> $crate::table_data::Row {
                $crate::table_data::Row { meta: Self::META, entry: self.entry() }
            }

            /// Looks up a code exactly as the vendor sends it (case-sensitive, no trimming).
            /// Integer tables also accept the decimal code and every symbolic name.
            /// Pattern codes are not expanded here: see the crate's `resolve` functions.
            #[inline]
            pub fn from_code(code: &str) -> Option<Self> {
                MAPS.find_code(code).and_then(variant)
            }

            /// The entry keyed `"<status> <code>"` (HTTP-keyed tables; none elsewhere).
            #[inline]
            pub(crate) fn find_status_code(status: u16, code: &str) -> Option<Self> {
                $crate::table_data::find_status_code(&MAPS, status, code).and_then(variant)
            }

            /// Any table's integer lookup (none in string tables).
            #[inline]
            pub(crate) fn find_number(code: i32) -> Option<Self> {
                MAPS.find_number(code, NUMBER_SPAN).and_then(variant)
            }

            /// The code exactly as the vendor sends it.
            #[inline]
            pub const fn code(self) -> $crate::Code {
                self.entry().code
            }

            /// Matches `code` against this table's pattern codes (`INVALID_{param}`, ...),
            /// returning the pattern entry and the parameter. Exact codes are not consulted:
            /// `resolve` functions try [`from_code`](Self::from_code) first.
            pub fn from_pattern(code: &str) -> Option<(Self, &str)> {
                let (value, param) = DATA.find_pattern(code)?;
                Some((variant(value)?, param))
            }
        }

        $crate::entry::impl_table!(@$kind);
        $crate::table_data::impl_error_info!(ChatError);

        impl core::str::FromStr for ChatError {
            type Err = $crate::UnknownCode;

            /// Same as [`ChatError::from_code`], with an error that names the table and input.
            fn from_str(code: &str) -> Result<Self, Self::Err> {
                Self::from_code(code).ok_or_else(|| $crate::UnknownCode::new(Self::TABLE, code))
            }
        }

        impl From<ChatError> for $crate::Code {
            fn from(e: ChatError) -> Self {
                e.code()
            }
        }

        // The impls below are lookups in the metadata rather than derives: a derive writes one
        // `match` arm per variant, which for large tables dominates compile time and memory.

        impl core::fmt::Debug for ChatError {
            /// The variant name, as `#[derive(Debug)]` would write it.
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.entry().variant)
            }
        }

        impl core::fmt::Display for ChatError {
            /// `CODE: message` for string tables, `605 GROUP_NOT_EXIST: message` for integer
            /// tables.
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                core::fmt::Display::fmt(&$crate::entry::Show(self), f)
            }
        }

        impl core::error::Error for ChatError {}

        impl From<ChatError> for &'static str {
            /// The variant name (what strum's `IntoStaticStr` gives).
            fn from(e: ChatError) -> Self {
                e.entry().variant
            }
        }

        impl strum::IntoEnumIterator for ChatError {
            type Iterator = core::iter::Copied<core::slice::Iter<'static, ChatError>>;

            /// Every variant, in the order of the vendor's document.
            fn iter() -> Self::Iterator {
                Self::ALL.iter().copied()
            }
        }

        impl serde::Serialize for ChatError {
            /// Serializes as the vendor's code: a string or an integer. Where an HTTP-keyed
            /// table lists the same `error` string under several statuses, the entries after the
            /// first serialize as `"<status> <error>"`, the key that finds them again.
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match (self.code(), self.entry().status) {
                    ($crate::Code::Str(code), Some(status)) if Self::from_code(code) != Some(*self) => {
                        serializer.collect_str(&format_args!("{status} {code}"))
                    }
                    ($crate::Code::Str(code), _) => serializer.serialize_str(code),
                    ($crate::Code::Int(code), _) => serializer.serialize_i32(code),
                }
            }
        }

        impl $crate::entry::Lookup for ChatError {
            const TABLE: $crate::Table = $table;
            #[inline]
            fn by_number(code: i32) -> Option<Self> {
                Self::find_number(code)
            }
        }
    };

    (@string) => {
        impl<'de> serde::Deserialize<'de> for ChatError {
            /// Deserializes from the vendor's code (a string); an unknown code is an error naming
            /// the table and the input.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::entry::CodeVisitor::<ChatError>::new())
            }
        }
    };

    (@integer) => {
        impl ChatError {
            /// Looks up an integer code.
            #[inline]
            pub fn from_number(code: i32) -> Option<Self> {
                Self::find_number(code)
            }

            /// The integer code.
            #[inline]
            pub const fn number(self) -> i32 {
                match self.entry().code {
                    $crate::Code::Int(n) => n,
                    // Integer tables only hold integer codes (build.rs checks it).
                    $crate::Code::Str(_) => 0,
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for ChatError {
            /// Deserializes from the vendor's code: an integer, or a string holding the decimal
            /// code or a symbolic name.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_any($crate::entry::CodeVisitor::<ChatError>::new())
            }
        }
    };
}

pub(crate) use impl_table;

/// What a table's `ChatError` offers the shared serde visitor.
pub(crate) trait Lookup: Sized + core::str::FromStr<Err = crate::UnknownCode> {
    /// The table.
    const TABLE: crate::Table;
    /// The integer lookup (always `None` for string tables).
    fn by_number(code: i32) -> Option<Self>;
}

/// Deserializes a table's `ChatError` from a string or (integer tables) an integer.
pub(crate) struct CodeVisitor<E>(core::marker::PhantomData<E>);

impl<E> CodeVisitor<E> {
    pub(crate) const fn new() -> Self {
        CodeVisitor(core::marker::PhantomData)
    }
}

impl<E: Lookup> CodeVisitor<E> {
    fn number<Err: serde::de::Error>(&self, v: i64) -> Result<E, Err> {
        if !E::TABLE.has_integer_codes() {
            return Err(Err::invalid_type(serde::de::Unexpected::Signed(v), self));
        }
        i32::try_from(v)
            .ok()
            .and_then(E::by_number)
            .ok_or_else(|| Err::custom(crate::UnknownCode::from_number(E::TABLE, v.into())))
    }
}

impl<E: Lookup> serde::de::Visitor<'_> for CodeVisitor<E> {
    type Value = E;
    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if E::TABLE.has_integer_codes() {
            write!(f, "a {} error code (integer or symbolic name)", E::TABLE)
        } else {
            write!(f, "a {} error code string", E::TABLE)
        }
    }
    fn visit_i64<Err: serde::de::Error>(self, v: i64) -> Result<E, Err> {
        self.number(v)
    }
    fn visit_u64<Err: serde::de::Error>(self, v: u64) -> Result<E, Err> {
        match i64::try_from(v) {
            Ok(v) => self.number(v),
            Err(_) => Err(Err::custom(crate::UnknownCode::from_number(
                E::TABLE,
                v.into(),
            ))),
        }
    }
    fn visit_str<Err: serde::de::Error>(self, v: &str) -> Result<E, Err> {
        v.parse().map_err(Err::custom)
    }
}
