//! One interface over every generated enum, implemented from the list of tables.

use std::fmt::Debug;
use std::str::FromStr;

use chat_error_codes::{AnyChatError, ErrorInfo, Table, UnknownCode};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub trait TableEnum:
    Copy
    + Debug
    + Eq
    + FromStr<Err = UnknownCode>
    + Serialize
    + DeserializeOwned
    + ErrorInfo
    + Into<AnyChatError>
{
    const TABLE: Table;
    fn from_any(e: AnyChatError) -> Option<Self>;
    fn from_code(s: &str) -> Option<Self>;
    fn from_pattern(s: &str) -> Option<(Self, &str)>;
    fn pattern(self) -> Option<(&'static str, &'static str)>;
    fn from_number(_: i32) -> Option<Self> {
        None
    }
    fn number(self) -> Option<i32> {
        None
    }
}

macro_rules! table_enum {
    ($ty:ty, $variant:ident, $kind:ident) => {
        impl TableEnum for $ty {
            const TABLE: Table = Table::$variant;
            fn from_any(e: AnyChatError) -> Option<Self> {
                match e {
                    AnyChatError::$variant(x) => Some(x),
                    _ => None,
                }
            }
            fn from_code(s: &str) -> Option<Self> {
                <$ty>::from_code(s)
            }
            fn from_pattern(s: &str) -> Option<(Self, &str)> {
                <$ty>::from_pattern(s)
            }
            fn pattern(self) -> Option<(&'static str, &'static str)> {
                <$ty as chat_error_codes::ErrorInfo>::pattern(&self)
            }
            table_enum!(@$kind $ty);
        }
    };
    (@string $ty:ty) => {};
    (@integer $ty:ty) => {
        fn from_number(n: i32) -> Option<Self> {
            <$ty>::from_number(n)
        }
        fn number(self) -> Option<i32> {
            Some(<$ty>::number(self))
        }
    };
}

/// Something done once per table enum.
pub trait EnumVisitor {
    fn visit<E: TableEnum>(&mut self);
}

macro_rules! every_table {
    ($(($variant:ident, $stem:literal, $($module:ident)::+, $kind:ident, $vendor:ident, $doc:literal)),* $(,)?) => {
        $(table_enum!(chat_error_codes::$($module)::+::ChatError, $variant, $kind);)*

        /// Visits every table's enum, in list order.
        pub fn for_every_enum(v: &mut impl EnumVisitor) {
            $(v.visit::<chat_error_codes::$($module)::+::ChatError>();)*
        }

        /// Visits the enum of `table`.
        pub fn for_enum_of(table: Table, v: &mut impl EnumVisitor) {
            match table {
                $(Table::$variant => v.visit::<chat_error_codes::$($module)::+::ChatError>(),)*
            }
        }
    };
}

chat_error_codes::for_each_table!(every_table);
