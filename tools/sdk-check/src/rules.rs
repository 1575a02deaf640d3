//! The rule table: where each vendor SDK defines its error codes, and how to read them.
//!
//! One [`Rule`] says which file of which npm package to read, what to scan it for, which
//! catalog table the codes belong to and how a match becomes a code. Adding a package is
//! adding rows to [`RULES`] (see the README, "Updating for a new SDK release").

use std::fmt;

use chat_error_codes::Table;

use crate::Found;
use crate::drift::Compare;
use crate::extract::Match;
use crate::js::Lit;

/// Where one SDK defines error codes, and how to read them.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// The npm package: its folder under `node_modules` (`@scope/name` for scoped packages).
    pub package: &'static str,
    /// The file to read, relative to the package's folder.
    pub file: &'static str,
    /// What to scan the file for.
    pub scan: Scan,
    /// The catalog table the codes belong to.
    pub table: Table,
    /// The id of the table's `[[source]]` (of kind `sdk`) that stands for the package: the
    /// entries whose `sources` name it are the ones the package must still have. `"sdk"` in
    /// data files without `[[source]]` blocks (the source implied by `[table] sdk`).
    pub source: &'static str,
    /// How a match becomes a code.
    pub code: CodeFrom,
}

/// What to scan a file for. Each kind is a shape of text, found by [`crate::extract`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scan {
    /// The members of `enum NAME { A = 1, ... }` in a TypeScript declaration file, one per line,
    /// with their doc comments. A declaration is not a use: members count as declared.
    DtsEnum {
        /// The enum's name.
        name: &'static str,
    },
    /// The members of a compiled TypeScript enum in a bundle (`e[e.A=1]="A",e.B="b"`), found by
    /// one of its members. A member is raised where the bundle writes `RAISED_AFTER` right
    /// before a reference to it (`type:x.C.NAME`); other members are defined, not raised.
    JsEnum {
        /// The enum's name in the source (the bundle minifies it away), for the report.
        name: &'static str,
        /// A member that identifies the enum.
        first: &'static str,
        /// The text before a reference that raises the member.
        raised_after: &'static str,
    },
    /// Error objects `{code:V,name:V,message:V,details:V}` (the keys after `code` in any
    /// order), as constants `x.GROUP={KEY:{code:…}}` or `KEY:new X.Y({code:…})`, or inline. A
    /// constant is used where the bundle refers to `GROUP.KEY`; inline objects are used.
    ErrorObjects,
    /// Constants of bare string codes, `x.GROUP={KEY:"CODE",KEY_MESSAGE:"text"}`, in every
    /// group whose name contains `group_contains` (any case). `KEY_MESSAGE` is `KEY`'s text;
    /// values that are not code-shaped (sentences) are ignored.
    StringConstants {
        /// A part of the group names to read, lower case.
        group_contains: &'static str,
    },
    /// A list of string codes, `NAME=["A","B"]`; used if `NAME` occurs elsewhere.
    StringList {
        /// The list's name.
        name: &'static str,
    },
    /// Codes built at run time at `format(JSON.stringify(x.GROUP.KEY),"ARG",…)` call sites from
    /// an error object whose code has `%s` placeholders, filled with the string arguments.
    FormatSites,
    /// The entries of an object map `NAME = { '-1': { name: 'A', retryable: true }, … }` (a
    /// type annotation `NAME: T = {` is skipped; keys quoted or bare; fields in any order, `name`
    /// a string, `retryable` a boolean or a minifier's `!0`/`!1`, other literal fields
    /// ignored). Each key is a match; the map is used if `NAME` occurs elsewhere.
    KeyedMap {
        /// The map's name.
        name: &'static str,
    },
}

impl fmt::Display for Scan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scan::DtsEnum { name } => write!(f, "enum {name}"),
            Scan::JsEnum { name, .. } => write!(f, "compiled enum {name}"),
            Scan::ErrorObjects => f.write_str("error objects {code:…}"),
            Scan::StringConstants { group_contains } => {
                write!(f, "string constants of groups named *{group_contains}*")
            }
            Scan::StringList { name } => write!(f, "list {name}"),
            Scan::FormatSites => f.write_str("codes built at format() call sites"),
            Scan::KeyedMap { name } => write!(f, "map {name}"),
        }
    }
}

/// How a [`Match`] becomes a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeFrom {
    /// The member's name is the code (a symbolic name) and its integer value the number: for
    /// integer tables.
    MemberAndNumber,
    /// The string value is the code; `%s` becomes `{param}` (a pattern code).
    StringValue,
    /// An error object's `code` string, `%s` as `{param}`; a numeric `code` (`-1`, `"-1"`,
    /// `401`) stands for the symbol in `name`, sent with that number.
    CodeOrName,
    /// The string value is a code built at run time: a pattern entry covers it too.
    Built,
    /// The integer value is the code and the member's name its symbol, compared by number
    /// ([`Compare::Numbers`]): for SDKs whose names the catalog keeps as aliases or platform
    /// names.
    Number,
    /// A map's key, an integer, is the code, the entry's `name` its symbol and its `retryable`
    /// flag the SDK's (compared with the catalog's); compared by number ([`Compare::Numbers`]).
    Key,
}

impl CodeFrom {
    /// The code that `m` stands for, or why it stands for none.
    pub fn found(self, m: Match) -> Result<Found, String> {
        let bad = |why: &str| format!("{}: {why}", m.origin);
        let (code, number) = match (self, &m.value) {
            (CodeFrom::MemberAndNumber, Lit::Num(n)) => (m.member.clone(), Some(*n)),
            (CodeFrom::MemberAndNumber, Lit::Str(_)) => return Err(bad("a string, not a number")),
            (CodeFrom::StringValue, Lit::Str(s)) => (param(s), None),
            (CodeFrom::CodeOrName, value) => code_or_name(value, m.name.as_deref())
                .ok_or_else(|| bad("a numeric code without a `name`"))?,
            (CodeFrom::Built, Lit::Str(s)) => (s.clone(), None),
            (CodeFrom::Number, Lit::Num(n)) => (m.member.clone(), Some(*n)),
            (CodeFrom::Key, Lit::Num(n)) => {
                let name = m.name.clone().ok_or_else(|| bad("no `name`"))?;
                m.retryable.ok_or_else(|| bad("no `retryable` flag"))?;
                (name, Some(*n))
            }
            (CodeFrom::Number | CodeFrom::Key, Lit::Str(_)) => {
                return Err(bad("a string, not a number"));
            }
            (_, Lit::Num(_)) => return Err(bad("a number, not a string code")),
        };
        let built = self == CodeFrom::Built;
        let (origin, text, used, retryable) = (m.origin, m.text, m.used, m.retryable);
        Ok(Found {
            code,
            number,
            origin,
            text,
            used,
            built,
            retryable,
        })
    }

    /// How the codes this makes are compared with the catalog.
    pub fn compare(self) -> Compare {
        match self {
            CodeFrom::Number | CodeFrom::Key => Compare::Numbers,
            CodeFrom::MemberAndNumber
            | CodeFrom::StringValue
            | CodeFrom::CodeOrName
            | CodeFrom::Built => Compare::Names,
        }
    }
}

/// An error object's code: the `code` string, or the symbol in `name` for a numeric code.
fn code_or_name(code: &Lit, name: Option<&str>) -> Option<(String, Option<i64>)> {
    let number = match code {
        Lit::Num(n) => Some(*n),
        Lit::Str(s) => s.parse().ok(),
    };
    match (code, number) {
        (_, Some(n)) => Some((param(name?), Some(n))),
        (Lit::Str(s), None) => Some((param(s), None)),
        (Lit::Num(_), None) => None,
    }
}

/// A code with its `%s` placeholders written as the catalog's `{param}`.
fn param(code: &str) -> String {
    code.replace("%s", "{param}")
}

/// The folder of the Agora Chat Web SDK.
const AGORA: &str = "agora-chat";
/// The folder of the CometChat JavaScript SDK.
const COMETCHAT: &str = "@cometchat/chat-sdk-javascript";
/// The folder of the Stream Chat JavaScript SDK.
const STREAM: &str = "stream-chat";
/// The folder of the Sendbird Chat JavaScript SDK.
const SENDBIRD: &str = "@sendbird/chat";
/// The folder of the ZEGOCLOUD ZIM Web SDK.
const ZEGO: &str = "zego-zim-web";
/// The folder of the Ably Chat JavaScript SDK. (`@twilio/conversations` and twilsock have no
/// list of codes to read: the few they use are literals in their logic, 50530 and 20104.)
const ABLY_CHAT: &str = "@ably/chat";

/// Every place the checked SDKs define error codes. Rows of one table are checked together:
/// a code any of them finds counts as found.
pub const RULES: &[Rule] = &[
    Rule {
        package: AGORA,
        file: "status.d.ts",
        scan: Scan::DtsEnum { name: "Code" },
        table: Table::AgoraChat,
        source: "sdk",
        code: CodeFrom::MemberAndNumber,
    },
    Rule {
        package: AGORA,
        file: "Agora-chat.d.ts",
        scan: Scan::DtsEnum { name: "Code" },
        table: Table::AgoraChat,
        source: "sdk",
        code: CodeFrom::MemberAndNumber,
    },
    Rule {
        package: AGORA,
        file: "Agora-chat.js",
        scan: Scan::JsEnum {
            name: "Code",
            first: "REQUEST_SUCCESS",
            raised_after: "type:",
        },
        table: Table::AgoraChat,
        source: "sdk",
        code: CodeFrom::MemberAndNumber,
    },
    Rule {
        package: COMETCHAT,
        file: "CometChat.js",
        scan: Scan::ErrorObjects,
        table: Table::CometChatSdk,
        source: "sdk",
        code: CodeFrom::CodeOrName,
    },
    Rule {
        package: COMETCHAT,
        file: "CometChat.js",
        scan: Scan::StringConstants {
            group_contains: "error",
        },
        table: Table::CometChatSdk,
        source: "sdk",
        code: CodeFrom::StringValue,
    },
    Rule {
        package: COMETCHAT,
        file: "CometChat.js",
        scan: Scan::StringList {
            name: "NON_RETRYABLE_PRESIGN_CODES",
        },
        table: Table::CometChatSdk,
        source: "sdk",
        code: CodeFrom::StringValue,
    },
    Rule {
        package: COMETCHAT,
        file: "CometChat.js",
        scan: Scan::FormatSites,
        table: Table::CometChatSdk,
        source: "sdk",
        code: CodeFrom::Built,
    },
    Rule {
        package: STREAM,
        file: "dist/esm/index.mjs",
        scan: Scan::KeyedMap {
            name: "APIErrorCodes",
        },
        table: Table::StreamChat,
        source: "js",
        code: CodeFrom::Key,
    },
    Rule {
        package: SENDBIRD,
        file: "lib/__definition.d.ts",
        scan: Scan::DtsEnum {
            name: "SendbirdErrorCode",
        },
        table: Table::SendbirdChat,
        source: "js",
        code: CodeFrom::Number,
    },
    Rule {
        package: ZEGO,
        file: "entity/ZIMErrorCode.d.ts",
        scan: Scan::DtsEnum {
            name: "ZIMErrorCode",
        },
        table: Table::ZegoZim,
        source: "web_sdk",
        code: CodeFrom::MemberAndNumber,
    },
    Rule {
        package: ABLY_CHAT,
        file: "dist/core/errors.d.ts",
        scan: Scan::DtsEnum { name: "ErrorCode" },
        table: Table::Ably,
        source: "chat",
        code: CodeFrom::Number,
    },
];
