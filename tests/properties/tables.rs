//! One interface over the five generated enums.

use std::fmt::Debug;
use std::str::FromStr;

use chat_error_codes::{AnyChatError, ErrorInfo, Table, UnknownCode, agora, cometchat, genesys};
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
    ($ty:ty, $table:expr $(, $integer:ident)?) => {
        impl TableEnum for $ty {
            const TABLE: Table = $table;
            fn from_code(s: &str) -> Option<Self> {
                <$ty>::from_code(s)
            }
            fn from_pattern(s: &str) -> Option<(Self, &str)> {
                <$ty>::from_pattern(s)
            }
            fn pattern(self) -> Option<(&'static str, &'static str)> {
                <$ty>::pattern(self)
            }
            $(table_enum!(@$integer $ty);)?
        }
    };
    (@integer $ty:ty) => {
        fn from_number(n: i32) -> Option<Self> {
            <$ty>::from_number(n)
        }
        fn number(self) -> Option<i32> {
            Some(<$ty>::number(self))
        }
    };
}

table_enum!(cometchat::sdk::ChatError, Table::CometChatSdk);
table_enum!(cometchat::calls::ChatError, Table::CometChatCalls);
table_enum!(cometchat::rest::ChatError, Table::CometChatRest);
table_enum!(genesys::ChatError, Table::GenesysChat, integer);
table_enum!(agora::ChatError, Table::AgoraChat, integer);
