//! The row type of the generated metadata tables, and the one macro that gives every generated
//! `ChatError` enum its methods and trait impls. build.rs writes the data; this file is the only
//! hand-written code the five vendor modules share.

use crate::{Canonical, Code, Recovery, Sources};

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
    pub sources: Sources,
    pub sdk_codes: Span,
    pub passthrough: bool,
    pub deprecated: Option<&'static str>,
    pub note: Option<&'static str>,
    pub pattern: Option<(&'static str, &'static str)>,
}

pub(crate) use crate::fingerprint::{fingerprint, fingerprint_int, may_contain, same_bytes};

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

/// Implements the shared API of one generated table. `$kind` is `string` or `integer`.
macro_rules! impl_table {
    ($table:expr, $kind:ident) => {
        impl ChatError {
            /// The table this enum catalogs.
            pub const TABLE: $crate::Table = $table;

            /// Every variant, in the order of the vendor's document.
            pub const ALL: &'static [ChatError] = <ChatError as strum::VariantArray>::VARIANTS;

            pub(crate) const SECTIONS: &'static [$crate::Section] = &SECTIONS;

            /// The vendor SDK package and version the table was checked against, if any.
            pub const SDK: Option<&'static str> = SDK;

            #[inline]
            #[allow(clippy::indexing_slicing)] // discriminants are 0..N and ENTRIES has N rows
            pub(crate) const fn entry(self) -> &'static $crate::entry::Entry {
                &ENTRIES[self as usize]
            }

            /// Looks up a code exactly as the vendor sends it (case-sensitive, no trimming).
            /// Integer tables also accept the decimal code and every symbolic name.
            /// Pattern codes are not expanded here: see the crate's `resolve` functions.
            #[inline]
            pub fn from_code(code: &str) -> Option<Self> {
                let fp = $crate::entry::fingerprint(code.as_bytes());
                if !$crate::entry::may_contain(&CODE_FILTER, CODE_FILTER_LOG2, fp) {
                    return None;
                }
                match BY_CODE.get(&fp) {
                    Some(&(key, value)) if $crate::entry::same_bytes(key.as_bytes(), code.as_bytes()) => variant(value),
                    Some(_) => variant(COLLISIONS.iter().find(|(key, _)| *key == code)?.1),
                    None => None,
                }
            }

            /// The code exactly as the vendor sends it.
            #[inline]
            pub const fn code(self) -> $crate::Code {
                self.entry().code
            }

            /// The vendor's (primary) message.
            #[inline]
            pub fn message(self) -> &'static str {
                <Self as $crate::ErrorInfo>::message(&self)
            }

            /// The Rust variant name, e.g. `"ErrUidNotFound"`.
            #[inline]
            pub fn variant_name(self) -> &'static str {
                self.into()
            }

            /// A note from the catalog about this entry (e.g. a vendor misspelling kept as sent).
            pub const fn note(self) -> Option<&'static str> {
                self.entry().note
            }

            /// Numeric `code` values the vendor's SDK sends together with this entry's symbol in
            /// `name` (CometChat's login errors); empty for most entries.
            pub fn sdk_codes(self) -> &'static [i32] {
                self.entry().sdk_codes.of(&SDK_CODES)
            }

            /// Whether this is a REST API code that the SDK passes through from the server.
            pub const fn is_passthrough(self) -> bool {
                self.entry().passthrough
            }

            /// For a pattern entry (`INVALID_{param}`), its fixed prefix and suffix.
            pub const fn pattern(self) -> Option<(&'static str, &'static str)> {
                self.entry().pattern
            }

            /// Matches `code` against this table's pattern codes (`INVALID_{param}`, ...),
            /// returning the pattern entry and the parameter. Exact codes are not consulted:
            /// `resolve` functions try [`from_code`](Self::from_code) first.
            pub fn from_pattern(code: &str) -> Option<(Self, &str)> {
                PATTERNS.iter().find_map(|&e| {
                    let (prefix, suffix) = e.entry().pattern?;
                    $crate::entry::pattern_param(code, prefix, suffix).map(|p| (e, p))
                })
            }
        }

        $crate::entry::impl_table!(@$kind);

        impl $crate::ErrorInfo for ChatError {
            #[inline]
            fn table(&self) -> $crate::Table {
                Self::TABLE
            }
            #[inline]
            fn code(&self) -> $crate::Code {
                self.entry().code
            }
            #[inline]
            fn name(&self) -> &'static str {
                self.entry().name
            }
            #[inline]
            fn aliases(&self) -> &'static [&'static str] {
                self.entry().aliases.of(&ALIASES)
            }
            #[inline]
            fn messages(&self) -> &'static [&'static str] {
                self.entry().messages.of(&MESSAGES)
            }
            #[inline]
            fn description(&self) -> Option<&'static str> {
                self.entry().description
            }
            #[inline]
            fn sections(&self) -> &'static [&'static str] {
                self.entry().sections.of(&SECTION_TITLES)
            }
            #[inline]
            fn canonical(&self) -> $crate::Canonical {
                self.entry().canonical
            }
            #[inline]
            fn recovery(&self) -> $crate::Recovery {
                self.entry().recovery
            }
            #[inline]
            fn sources(&self) -> $crate::Sources {
                self.entry().sources
            }
            #[inline]
            fn deprecated(&self) -> Option<&'static str> {
                self.entry().deprecated
            }
        }

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

        // The impls below are lookups in `ENTRIES` rather than derives: a derive writes one
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
    };

    (@string) => {
        impl serde::Serialize for ChatError {
            /// Serializes as the vendor's code: a string.
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self.code() {
                    $crate::Code::Str(code) => serializer.serialize_str(code),
                    $crate::Code::Int(code) => serializer.serialize_i32(code),
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for ChatError {
            /// Deserializes from the vendor's code (a string); an unknown code is an error naming
            /// the table and the input.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = ChatError;
                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        write!(f, "a {} error code string", ChatError::TABLE)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ChatError, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }
    };

    (@integer) => {
        impl ChatError {
            /// Looks up an integer code.
            #[inline]
            pub fn from_number(code: i32) -> Option<Self> {
                if !$crate::entry::may_contain(&NUMBER_FILTER, NUMBER_FILTER_LOG2, $crate::entry::fingerprint_int(code)) {
                    return None;
                }
                BY_NUMBER.get(&code).copied().and_then(variant)
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

        impl serde::Serialize for ChatError {
            /// Serializes as the vendor's code: an integer.
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_i32(self.number())
            }
        }

        impl<'de> serde::Deserialize<'de> for ChatError {
            /// Deserializes from the vendor's code: an integer, or a string holding the decimal
            /// code or a symbolic name.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = ChatError;
                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        write!(f, "a {} error code (integer or symbolic name)", ChatError::TABLE)
                    }
                    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<ChatError, E> {
                        i32::try_from(v)
                            .ok()
                            .and_then(ChatError::from_number)
                            .ok_or_else(|| E::custom($crate::UnknownCode::from_number(ChatError::TABLE, v.into())))
                    }
                    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<ChatError, E> {
                        i32::try_from(v)
                            .ok()
                            .and_then(ChatError::from_number)
                            .ok_or_else(|| E::custom($crate::UnknownCode::from_number(ChatError::TABLE, v.into())))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ChatError, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_any(Visitor)
            }
        }
    };
}

pub(crate) use impl_table;
