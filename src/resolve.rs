//! Resolving any code, listed or not (feature `alloc`), by rules that the tables' data declares:
//! exact entries, the table's fallback table, pattern codes, documented ranges (Genesys,
//! Sendbird, Agora native, Twilio, Ably, Tencent IM, WebSocket close codes); whatever is left is kept as [`Unrecognized`], never
//! dropped.
//!
//! A lookup ([`lookup`](crate::lookup), `ChatError::from_code`) answers "is this code in the
//! table?"; a resolution answers "what is this code?" for any input, and always gives a
//! [`Canonical`] class and [`Recovery`] advice.
//!
//! ```
//! use chat_error_codes::{Canonical, Table, resolve::{self, Resolution}};
//!
//! // Listed: the entry.
//! assert!(matches!(resolve::code(Table::CometChatRest, "ERR_UID_NOT_FOUND"), Resolution::Known(_)));
//! // Built from a pattern: the pattern entry and its parameter.
//! let r = resolve::code(Table::CometChatSdk, "UID_IS_COMPULSORY");
//! assert_eq!(r.param(), Some("UID"));
//! // In a documented range: the range's section.
//! assert!(resolve::number(Table::GenesysChat, 230).section().is_some());
//! // Anything else: kept, never dropped.
//! let r = resolve::code(Table::CometChatRest, "ERR_FROM_THE_FUTURE");
//! assert!(r.is_unrecognized());
//! assert_eq!(r.canonical(), Canonical::Unknown);
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

use serde::{Deserialize, Serialize};

use crate::{AnyChatError, Canonical, ErrorInfo, Recovery, Section, Table};

/// A code exactly as it was received: a string or an integer.
///
/// Borrows from the input where it can; [`into_owned`](Self::into_owned) detaches it.
/// Serializes untagged, as the JSON string or integer it came from.
///
/// ```
/// use chat_error_codes::resolve::RawCode;
/// let code: RawCode = serde_json::from_str("605").unwrap();
/// assert_eq!(code, RawCode::Int(605));
/// assert_eq!(serde_json::to_string(&RawCode::from("X")).unwrap(), r#""X""#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum RawCode<'a> {
    /// A string code, byte for byte.
    Str(Cow<'a, str>),
    /// An integer code.
    Int(i64),
}

impl RawCode<'_> {
    /// Detaches the code from the input it borrows.
    pub fn into_owned(self) -> RawCode<'static> {
        match self {
            RawCode::Str(s) => RawCode::Str(Cow::Owned(s.into_owned())),
            RawCode::Int(n) => RawCode::Int(n),
        }
    }

    /// The string, for a string code.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            RawCode::Str(s) => Some(s),
            RawCode::Int(_) => None,
        }
    }

    /// The integer of an integer code, or of a string code holding a plain decimal integer
    /// (`"101"`, `"-1"`; no sign `+`, no spaces, no leading zeros).
    pub fn as_integer(&self) -> Option<i64> {
        match self {
            RawCode::Int(n) => Some(*n),
            RawCode::Str(s) => parse_decimal(s),
        }
    }
}

/// A strict decimal: what a vendor's integer looks like when sent as a string.
fn parse_decimal(s: &str) -> Option<i64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    // No sign `+`, no leading zeros, and no "-0" (whose integer prints as "0").
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (s == "0" || !digits.starts_with('0'));
    if canonical { s.parse().ok() } else { None }
}

impl<'a> From<&'a str> for RawCode<'a> {
    fn from(s: &'a str) -> Self {
        RawCode::Str(Cow::Borrowed(s))
    }
}

impl From<String> for RawCode<'static> {
    fn from(s: String) -> Self {
        RawCode::Str(Cow::Owned(s))
    }
}

impl From<i64> for RawCode<'static> {
    fn from(n: i64) -> Self {
        RawCode::Int(n)
    }
}

impl fmt::Display for RawCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RawCode::Str(s) => f.write_str(s),
            RawCode::Int(n) => fmt::Display::fmt(n, f),
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for RawCode<'a> {
    /// Accepts a JSON string (borrowed where it has no escapes) or an integer that fits in
    /// `i64`; anything else (float, bool, null, object, array, a larger integer) is an error that
    /// says what was found.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawCode<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an error code: a string or an integer within i64")
            }
            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                v: &'de str,
            ) -> Result<Self::Value, E> {
                Ok(RawCode::Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(RawCode::Str(Cow::Owned(v.into())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(RawCode::Str(Cow::Owned(v)))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(RawCode::Int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
                i64::try_from(v).map(RawCode::Int).map_err(|_| {
                    E::invalid_value(
                        serde::de::Unexpected::Unsigned(v),
                        &"an integer code within i64",
                    )
                })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A code that no table lists (and no pattern or range covers), kept whole: the table it was
/// looked up in, the raw code exactly as received and any message that came with it.
///
/// Serde round-trips it exactly: `{"table": "...", "code": <as received>, "message": ...}`.
///
/// ```
/// use chat_error_codes::{Canonical, Table, resolve::{self, RawCode, Unrecognized}};
///
/// let u = Unrecognized::new(Table::AgoraChat, RawCode::Int(4242)).with_message("new error");
/// assert_eq!(u.canonical(), Canonical::Unknown);
/// let json = serde_json::to_string(&u).unwrap();
/// assert_eq!(json, r#"{"table":"agora_chat","code":4242,"message":"new error"}"#);
/// assert_eq!(serde_json::from_str::<Unrecognized>(&json).unwrap(), u);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unrecognized<'a> {
    table: Table,
    #[serde(borrow)]
    code: RawCode<'a>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    message: Option<Cow<'a, str>>,
}

impl<'a> Unrecognized<'a> {
    /// An unrecognized `code` looked up in `table`.
    pub fn new(table: Table, code: RawCode<'a>) -> Self {
        Unrecognized {
            table,
            code,
            message: None,
        }
    }

    /// Attaches the message that came with the code.
    pub fn with_message(mut self, message: impl Into<Cow<'a, str>>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// The table the code was looked up in.
    pub fn table(&self) -> Table {
        self.table
    }

    /// The code exactly as received.
    pub fn code(&self) -> &RawCode<'a> {
        &self.code
    }

    /// The message that came with the code, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Always [`Canonical::Unknown`].
    pub fn canonical(&self) -> Canonical {
        Canonical::Unknown
    }

    /// Detaches the value from the input it borrows.
    pub fn into_owned(self) -> Unrecognized<'static> {
        Unrecognized {
            table: self.table,
            code: self.code.into_owned(),
            message: self.message.map(|m| Cow::Owned(m.into_owned())),
        }
    }
}

impl fmt::Display for Unrecognized<'_> {
    /// `unrecognized <table> code <code>`, then `: <message>` if one came with it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unrecognized {} code {}", self.table, self.code)?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

/// What a code resolved to in a table.
///
/// ```
/// use chat_error_codes::{Canonical, Table, resolve::{self, Resolution}};
///
/// // Exact codes win over patterns.
/// assert!(matches!(resolve::code(Table::CometChatSdk, "INVALID_RECEIVER_TYPE"), Resolution::Known(_)));
/// // A pattern code yields the pattern's entry and the parameter.
/// let r = resolve::code(Table::CometChatSdk, "UID_IS_COMPULSORY");
/// assert_eq!(r.param(), Some("UID"));
/// // A Genesys code inside a documented range resolves to the range.
/// let r = resolve::code(Table::GenesysChat, "175");
/// assert_eq!(r.section().unwrap().range(), Some((150, 199)));
/// assert_eq!(r.canonical(), Canonical::Unavailable);
/// // Anything else is kept.
/// assert_eq!(resolve::code(Table::AgoraChat, "4242").canonical(), Canonical::Unknown);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Resolution<'a> {
    /// An entry of the table.
    Known(AnyChatError),
    /// A pattern entry (`{param}_IS_COMPULSORY`) and the parameter it was built from (`UID`).
    Pattern {
        /// The pattern's entry.
        error: AnyChatError,
        /// The parameter name taken from the code.
        param: Cow<'a, str>,
    },
    /// A code the table does not list but whose documented range (Genesys) covers it.
    Range {
        /// The table.
        table: Table,
        /// The code.
        code: i64,
        /// The documented range the code falls in.
        section: &'static Section,
    },
    /// Nothing covers the code: kept as received.
    Unrecognized(Unrecognized<'a>),
    /// Not a vendor code at all: a JavaScript exception that the SDK let escape instead of its
    /// own error (`{"name": "TypeError", "message": "Cannot read properties of undefined"}` from
    /// a call before `init` or with a missing argument), kept with its name and message.
    Runtime(RuntimeError<'a>),
}

/// A JavaScript runtime error that a vendor SDK handed back instead of one of its own errors:
/// a client-side failure, classified by the JS error's name.
///
/// ```
/// use chat_error_codes::{Canonical, Recovery, Table, resolve::{self, RuntimeError}};
///
/// let e = RuntimeError::new(Table::CometChatSdk, "TypeError", Some("Cannot read properties of undefined (reading 'get')"));
/// assert_eq!(e.canonical(), Canonical::InvalidArgument);
/// assert_eq!(e.recovery(), Recovery::FixRequest);
/// assert_eq!(e.to_string(), "cometchat_sdk client-side TypeError: Cannot read properties of undefined (reading 'get')");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuntimeError<'a> {
    table: Table,
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    message: Option<Cow<'a, str>>,
}

impl<'a> RuntimeError<'a> {
    /// A JS error `name` (`TypeError`) with its message, from `table`'s SDK.
    pub fn new(
        table: Table,
        name: impl Into<Cow<'a, str>>,
        message: Option<impl Into<Cow<'a, str>>>,
    ) -> Self {
        RuntimeError {
            table,
            name: name.into(),
            message: message.map(Into::into),
        }
    }

    /// The SDK's table.
    pub fn table(&self) -> Table {
        self.table
    }

    /// The JavaScript error's name (`TypeError`, `ReferenceError`, ...).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The JavaScript error's message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The class of a JavaScript error an SDK let through, by its name and, for the SDKs' own
    /// plain `Error`s, its message:
    ///
    /// | name | class |
    /// |---|---|
    /// | `TypeError`, `ReferenceError`, `RangeError` | `InvalidArgument`: the SDK was called with something it cannot handle (in the captured traffic a missing or wrong-typed argument almost every time; the payload cannot tell the rest apart) |
    /// | `SyntaxError` | `InvalidArgument`; `Unavailable` when JSON parsing met a `'<'`: the SDK received markup where it expected JSON (an HTML page from a proxy or captive portal), a fault of the path, not of the call |
    /// | `Error`, `InvalidWebhookError` | what the SDK refused: see below |
    /// | `AbortError` | `Cancelled` (an aborted operation) |
    /// | `TimeoutError` | `DeadlineExceeded` (an `AbortSignal.timeout()` that elapsed) |
    /// | anything else | `Unknown` |
    ///
    /// A plain `Error` is what the SDKs throw when they refuse a call themselves. Its message
    /// decides, by the phrases the captured SDKs use: a connection closed by the application's
    /// own disconnect is `Cancelled`; a failed token provider `Unauthenticated`; the client's state
    /// (`... after client.disconnect() was called`, `... before opening a websocket connection`,
    /// `connectUser wasn't called`, `server-side only`, `hasn't been initialized`)
    /// `FailedPrecondition`; anything else `InvalidArgument` (`The "id" field on the user is
    /// missing`).
    ///
    /// ```
    /// use chat_error_codes::{Canonical, Table, resolve::{self, RuntimeError}};
    /// let e = RuntimeError::new(Table::StreamChat, "Error", Some("You can't use a channel after client.disconnect() was called"));
    /// assert_eq!(e.canonical(), Canonical::FailedPrecondition);
    /// let e = RuntimeError::new(Table::StreamChat, "Error", Some("User ID is required when updating a user"));
    /// assert_eq!(e.canonical(), Canonical::InvalidArgument);
    /// let e = RuntimeError::new(Table::StreamChat, "SyntaxError", Some("Unexpected token '<', \"<html>\" is not valid JSON"));
    /// assert_eq!(e.canonical(), Canonical::Unavailable);
    /// ```
    pub fn canonical(&self) -> Canonical {
        let message = self.message.as_deref().unwrap_or("");
        match &*self.name {
            "TypeError" | "ReferenceError" | "RangeError" => Canonical::InvalidArgument,
            "SyntaxError" if message.contains("'<'") => Canonical::Unavailable,
            "SyntaxError" => Canonical::InvalidArgument,
            "Error" | "InvalidWebhookError" => refusal_class(message),
            // What `AbortController` and `AbortSignal.timeout()` reject with.
            "AbortError" => Canonical::Cancelled,
            "TimeoutError" => Canonical::DeadlineExceeded,
            _ => Canonical::Unknown,
        }
    }

    /// The advice of [`canonical`](Self::canonical).
    pub fn recovery(&self) -> Recovery {
        self.canonical().recovery()
    }

    /// Detaches the value from the input it borrows.
    pub fn into_owned(self) -> RuntimeError<'static> {
        RuntimeError {
            table: self.table,
            name: Cow::Owned(self.name.into_owned()),
            message: self.message.map(|m| Cow::Owned(m.into_owned())),
        }
    }
}

impl fmt::Display for RuntimeError<'_> {
    /// `<table> client-side <name>`, then `: <message>` if there is one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} client-side {}", self.table, self.name)?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl<'a> Resolution<'a> {
    /// The table the code was resolved in.
    pub fn table(&self) -> Table {
        match self {
            Resolution::Known(e) | Resolution::Pattern { error: e, .. } => e.table(),
            Resolution::Range { table, .. } => *table,
            Resolution::Unrecognized(u) => u.table(),
            Resolution::Runtime(r) => r.table(),
        }
    }

    /// The catalog entry: the exact entry or the pattern's entry.
    pub fn entry(&self) -> Option<AnyChatError> {
        match self {
            Resolution::Known(e) | Resolution::Pattern { error: e, .. } => Some(*e),
            _ => None,
        }
    }

    /// The parameter of a pattern code.
    pub fn param(&self) -> Option<&str> {
        match self {
            Resolution::Pattern { param, .. } => Some(param),
            _ => None,
        }
    }

    /// The documented range of a range resolution.
    pub fn section(&self) -> Option<&'static Section> {
        match self {
            Resolution::Range { section, .. } => Some(section),
            _ => None,
        }
    }

    /// Whether the code is unrecognized.
    pub fn is_unrecognized(&self) -> bool {
        matches!(self, Resolution::Unrecognized(_))
    }

    /// The canonical class: the entry's, the range's, or `Unknown`.
    pub fn canonical(&self) -> Canonical {
        match self {
            Resolution::Known(e) | Resolution::Pattern { error: e, .. } => e.canonical(),
            Resolution::Range { section, .. } => section.canonical(),
            Resolution::Unrecognized(_) => Canonical::Unknown,
            Resolution::Runtime(r) => r.canonical(),
        }
    }

    /// The HTTP status of [`canonical`](Self::canonical).
    pub fn http_status(&self) -> u16 {
        self.canonical().http_status()
    }

    /// What the caller should do: the entry's advice, or the one that follows from the class.
    pub fn recovery(&self) -> Recovery {
        match self {
            Resolution::Known(e) | Resolution::Pattern { error: e, .. } => e.recovery(),
            _ => self.canonical().recovery(),
        }
    }

    /// The message the catalog has for the code: the entry's, or the range's label.
    pub fn catalog_message(&self) -> Option<&'static str> {
        match self {
            Resolution::Known(e) | Resolution::Pattern { error: e, .. } => Some(e.message()),
            Resolution::Range { section, .. } => Some(section.title()),
            Resolution::Unrecognized(_) | Resolution::Runtime(_) => None,
        }
    }

    /// Detaches the value from the input it borrows.
    pub fn into_owned(self) -> Resolution<'static> {
        match self {
            Resolution::Known(e) => Resolution::Known(e),
            Resolution::Pattern { error, param } => Resolution::Pattern {
                error,
                param: Cow::Owned(param.into_owned()),
            },
            Resolution::Range {
                table,
                code,
                section,
            } => Resolution::Range {
                table,
                code,
                section,
            },
            Resolution::Unrecognized(u) => Resolution::Unrecognized(u.into_owned()),
            Resolution::Runtime(r) => Resolution::Runtime(r.into_owned()),
        }
    }
}

impl fmt::Display for Resolution<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Resolution::Known(e) => fmt::Display::fmt(e, f),
            Resolution::Pattern { error, param } => {
                write!(f, "{error} (parameter {param})")
            }
            Resolution::Range { code, section, .. } => write!(f, "{code}: {}", section.title()),
            Resolution::Unrecognized(u) => fmt::Display::fmt(u, f),
            Resolution::Runtime(r) => fmt::Display::fmt(r, f),
        }
    }
}

/// The class of an SDK's own refusal (a plain `Error`), by the phrases the captured SDKs use
/// (ASCII case ignored), first match wins.
fn refusal_class(message: &str) -> Canonical {
    const RULES: [(&str, Canonical); 13] = [
        // stream-chat: a pending call ended by the application's own disconnectUser().
        (
            "connection was closed because disconnect",
            Canonical::Cancelled,
        ),
        // stream-chat: the application's token provider threw or rejected.
        ("call to tokenprovider failed", Canonical::Unauthenticated),
        ("connectuser", Canonical::FailedPrecondition),
        ("disconnect", Canonical::FailedPrecondition),
        ("before opening", Canonical::FailedPrecondition),
        ("before creating", Canonical::FailedPrecondition),
        ("not connected", Canonical::FailedPrecondition),
        ("not initialized", Canonical::FailedPrecondition),
        ("been initialized", Canonical::FailedPrecondition),
        ("server-side", Canonical::FailedPrecondition),
        ("api secret", Canonical::FailedPrecondition),
        ("login first", Canonical::FailedPrecondition),
        ("not logged in", Canonical::FailedPrecondition),
    ];
    RULES
        .iter()
        .find(|(phrase, _)| contains_ignore_case(message, phrase))
        .map_or(Canonical::InvalidArgument, |&(_, class)| class)
}

/// Whether `haystack` contains `needle`, ASCII case ignored (no allocation).
fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Resolves a string code in one table: the exact entry (integer tables: decimal code or
/// symbolic name), else a pattern entry (CometChat SDK), else a documented range (for a decimal
/// code in a table that documents ranges: Genesys, Sendbird, Agora native, Twilio, Ably, Tencent
/// IM, WebSocket close codes), else [`Resolution::Unrecognized`] keeping the code.
pub fn code(table: Table, code: &str) -> Resolution<'_> {
    raw(table, RawCode::from(code))
}

/// Resolves an integer code in one table (see [`code`]). In a string table every integer is
/// unrecognized.
///
/// ```
/// use chat_error_codes::{Table, resolve};
/// assert!(resolve::number(Table::GenesysChat, 230).section().is_some());
/// assert!(resolve::number(Table::GenesysChat, 250).is_unrecognized());
/// ```
pub fn number(table: Table, code: i64) -> Resolution<'static> {
    raw(table, RawCode::Int(code))
}

/// Resolves a raw code as received (string or integer) in one table, keeping it if nothing
/// covers it. The rules come from the table's data, in this order: an exact entry; the exact
/// entry of the table's [`fallback`](Table::fallback) (the Calls and SDK tables declare the
/// REST guide); a pattern entry (`INVALID_{param}`); a documented range (a section with a
/// `range`); else [`Resolution::Unrecognized`].
///
/// ```
/// use chat_error_codes::{Table, resolve};
/// // The Calls table declares the REST guide as its fallback, as `payload::parse_calls` does.
/// assert_eq!(resolve::code(Table::CometChatCalls, "ERR_UID_NOT_FOUND").table(), Table::CometChatRest);
/// ```
#[inline]
pub fn raw(table: Table, code: RawCode<'_>) -> Resolution<'_> {
    let found = exact(table, &code).or_else(|| exact(table.fallback()?, &code));
    match found {
        Some(e) => Resolution::Known(e),
        None => by_rules(table, code),
    }
}

/// A code no entry lists: a pattern entry, else a documented range, else kept as received.
fn by_rules(table: Table, code: RawCode<'_>) -> Resolution<'_> {
    if let RawCode::Str(s) = &code {
        if let Some((error, param)) = table.pattern(s) {
            let param = match &code {
                RawCode::Str(Cow::Borrowed(b)) => match b.get(param_span(s, param)) {
                    Some(p) => Cow::Borrowed(p),
                    None => Cow::Owned(param.into()),
                },
                _ => Cow::Owned(param.into()),
            };
            return Resolution::Pattern { error, param };
        }
    }
    if let Some(n) = code.as_integer() {
        if let Some(section) = table.section_of(n) {
            return Resolution::Range {
                table,
                code: n,
                section,
            };
        }
    }
    Resolution::Unrecognized(Unrecognized::new(table, code))
}

/// The table's entry for exactly this code (integer tables: also a decimal string or name).
#[inline]
fn exact(table: Table, code: &RawCode<'_>) -> Option<AnyChatError> {
    match code {
        RawCode::Str(s) => table.lookup(s),
        RawCode::Int(n) => table.lookup_number(*n),
    }
}

/// [`raw`] for a code that arrived in a payload of `table`'s API, where the table's
/// [`fallback`](Table::fallback) also applies: the table's own entry, unless it is marked as
/// passed through from the server; then the fallback table's entry (a Calls API body can carry
/// any REST code); then the pass-through entry; then, for a string code, the
/// [`transport`](crate::transport) table (a JavaScript SDK passes Node.js and axios errors
/// through); then patterns and ranges.
#[inline]
pub(crate) fn received(table: Table, code: RawCode<'_>) -> Resolution<'_> {
    let own = exact(table, &code);
    if let Some(e) = own.filter(|e| !e.is_passthrough()) {
        return Resolution::Known(e);
    }
    if let Some(e) = table.fallback().and_then(|fallback| exact(fallback, &code)) {
        return Resolution::Known(e);
    }
    if let Some(e) = own {
        return Resolution::Known(e);
    }
    // A transport failure the SDK passed through (`ECONNREFUSED`, `ERR_NETWORK`) is never a
    // vendor code: the transport table is consulted before the vendor's patterns.
    if let RawCode::Str(s) = &code {
        if let Some(e) = Table::JsTransport.lookup(s) {
            return Resolution::Known(e);
        }
    }
    by_rules(table, code)
}

/// The byte range of `param` (a subslice of `code`) inside `code`.
fn param_span(code: &str, param: &str) -> core::ops::Range<usize> {
    let start = (param.as_ptr() as usize).saturating_sub(code.as_ptr() as usize);
    start..start + param.len()
}

/// Resolves a serialized `CometChatException` by its `code` and `name`.
///
/// - A string `code` of the SDK table that the SDK raises itself resolves there; a REST code the
///   SDK passes through from the server resolves to the REST entry; then SDK pattern codes.
/// - A numeric `code` (the SDK's login errors carry `-1` or `401`, with the documented symbol
///   such as `WS_CONNECTION_FAIL` in `name`) resolves by `name`.
/// - Otherwise the code is kept as [`Unrecognized`] in the SDK table.
///
/// ```
/// use chat_error_codes::{Table, cometchat::sdk, resolve::{self, RawCode}};
///
/// let r = resolve::exception(RawCode::from("ERR_UID_NOT_FOUND"), None);
/// assert_eq!(r.table(), Table::CometChatRest);
/// let r = resolve::exception(RawCode::Int(-1), Some("COMETCHAT_INITIALIZATION_NOT_DONE"));
/// assert_eq!(r.entry(), Some(sdk::ChatError::CometchatInitializationNotDone.into()));
/// ```
pub fn exception<'a>(code: RawCode<'a>, name: Option<&str>) -> Resolution<'a> {
    const TABLE: Table = Table::CometChatSdk;
    let by_name = || {
        let name = RawCode::from(name?);
        exact(TABLE, &name).or_else(|| exact(TABLE.fallback()?, &name))
    };
    let resolution = match &code {
        RawCode::Str(_) => received(TABLE, code),
        RawCode::Int(_) => Resolution::Unrecognized(Unrecognized::new(TABLE, code)),
    };
    match resolution {
        Resolution::Unrecognized(u) => match by_name() {
            Some(e) => Resolution::Known(e),
            None => Resolution::Unrecognized(u),
        },
        other => other,
    }
}
