//! The shared vocabulary: the [`ErrorInfo`] trait every catalog entry implements, and the small
//! types it speaks in ([`Code`], [`Vendor`], [`Table`], [`Sources`], [`Section`]).

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::named_enum::named_enum;
use crate::table_data::TableMeta;
use crate::{AnyChatError, Canonical, Recovery};

/// What every catalog entry of every vendor can tell about itself: every per-entry fact of the
/// catalog, in one place.
///
/// Implemented by each table's `ChatError` and by [`AnyChatError`], and by nothing else: the
/// trait is sealed, so a method added in a minor release breaks no one. Every method returns
/// `'static` data borrowed from the catalog; none allocates.
///
/// ```
/// use chat_error_codes::{Code, ErrorInfo, Vendor, cometchat::rest};
///
/// fn log_error(e: &impl ErrorInfo) -> String {
///     format!("[{}/{}] {}: {}", e.vendor(), e.table(), e.code(), e.message())
/// }
///
/// let e = rest::ChatError::ErrUidNotFound;
/// assert_eq!(e.vendor(), Vendor::CometChat);
/// assert_eq!(e.code(), Code::Str("ERR_UID_NOT_FOUND"));
/// assert!(log_error(&e).starts_with("[CometChat/cometchat_rest] ERR_UID_NOT_FOUND: "));
/// ```
pub trait ErrorInfo: sealed::Sealed {
    /// The vendor that defines the code.
    fn vendor(&self) -> Vendor {
        self.table().vendor()
    }
    /// The table the entry belongs to.
    fn table(&self) -> Table {
        self.row().meta.table
    }
    /// The code exactly as the vendor sends it: a string or an integer.
    fn code(&self) -> Code {
        self.row().entry.code
    }
    /// The symbolic name: the code itself for string tables, the vendor's name (or, for Genesys,
    /// the catalog's name) for integer tables.
    fn name(&self) -> &'static str {
        self.row().entry.name
    }
    /// The Rust variant name inside its table's `ChatError`, e.g. `"ErrUidNotFound"`.
    fn variant_name(&self) -> &'static str {
        self.row().entry.variant
    }
    /// Further symbolic names of the same code (Agora defines some numbers twice; Tencent's two
    /// web SDKs name half their codes differently).
    fn aliases(&self) -> &'static [&'static str] {
        self.row().aliases()
    }
    /// The vendor's message for the code (the first, where the source lists several).
    fn message(&self) -> &'static str {
        self.messages().first().copied().unwrap_or("")
    }
    /// Every message the sources give, the primary first: one per occurrence in the
    /// documentation, then the SDK's own message where it differs.
    fn messages(&self) -> &'static [&'static str] {
        self.row().messages()
    }
    /// The longer explanation, where the source has one (Agora's possible reason, Genesys'
    /// comments), or the catalog's own words with a link to the vendor's page.
    fn description(&self) -> Option<&'static str> {
        self.row().entry.description
    }
    /// The catalog's note on the entry: a vendor misspelling kept as sent, a disagreement
    /// between sources, why a class was chosen.
    fn note(&self) -> Option<&'static str> {
        self.row().entry.note
    }
    /// The heading of the section that lists the code (the first, where it is listed twice).
    fn section(&self) -> &'static str {
        self.sections().first().copied().unwrap_or("")
    }
    /// Every section heading that lists the code, in document order.
    fn sections(&self) -> &'static [&'static str] {
        self.row().sections()
    }
    /// The canonical class of the error.
    fn canonical(&self) -> Canonical {
        self.row().entry.canonical
    }
    /// The HTTP status of the canonical class.
    fn http_status(&self) -> u16 {
        self.canonical().http_status()
    }
    /// What the caller should do.
    fn recovery(&self) -> Recovery {
        self.row().entry.recovery
    }
    /// Whether the code reports success rather than an error (Agora's `REQUEST_SUCCESS`).
    fn is_success(&self) -> bool {
        self.canonical() == Canonical::Ok
    }
    /// Where the entry comes from: the vendor's documentation, its shipped SDK, or both.
    fn sources(&self) -> Sources {
        self.row().sources()
    }
    /// The vendor's deprecation note, if the vendor has retired the code.
    fn deprecated(&self) -> Option<&'static str> {
        self.row().entry.deprecated
    }
    /// The class and advice when the code arrives **in an error payload**, where that differs
    /// from what a lookup gives: a code that means success when looked up but that an SDK also
    /// raises as an error (Agora's `0` with "the user is empty"). Payload parsing uses it, so
    /// an error payload is never classified as success.
    ///
    /// ```
    /// use chat_error_codes::{Canonical, ErrorInfo, agora};
    /// let ok = agora::ChatError::from_number(0).unwrap();
    /// assert_eq!(ok.canonical(), Canonical::Ok);
    /// assert_eq!(ok.in_error_payload().unwrap().0, Canonical::InvalidArgument);
    /// ```
    fn in_error_payload(&self) -> Option<(Canonical, Recovery)> {
        self.row().entry.raised
    }
    /// The HTTP status the vendor documents for the code (Stream, Agora REST, Sendbird's
    /// Platform API, Ably, Twilio): a fact about the vendor, distinct from
    /// [`http_status`](Self::http_status), which follows the canonical class.
    fn vendor_status(&self) -> Option<u16> {
        self.row().entry.status
    }
    /// The vendor's own "retryable" flag, where it publishes one (Stream).
    fn vendor_retryable(&self) -> Option<bool> {
        self.row().entry.retryable
    }
    /// The vendor's web page for the code, where the vendor has one page per code (Twilio, Ably).
    ///
    /// ```
    /// use chat_error_codes::{ErrorInfo, ably};
    /// let e = ably::ChatError::TokenExpired;
    /// assert_eq!(e.vendor_url(), Some("https://help.ably.io/error/40142"));
    /// ```
    fn vendor_url(&self) -> Option<&'static str> {
        self.row().entry.url
    }
    /// The name each SDK platform gives the code, as `(platform, name)` pairs sorted by platform
    /// (`("android", "GENERAL_ERROR")`, `("ios", "AgoraChatErrorGeneral")`); empty where the
    /// platforms agree or the table has one platform.
    fn platform_names(&self) -> &'static [(&'static str, &'static str)] {
        self.row().platform_names()
    }
    /// The strings the vendor's server is documented to send with the code (Agora REST's
    /// `error_description`), each with the catalog's explanation.
    fn server_messages(&self) -> &'static [ServerMessage] {
        self.row().server_messages()
    }
    /// Numeric `code` values the vendor's SDK sends together with this entry's symbol in
    /// `name` (CometChat's login errors); empty for most entries.
    fn sdk_codes(&self) -> &'static [i32] {
        self.row().sdk_codes()
    }
    /// Whether this is a server code that the table's SDK passes through, so that the table's
    /// [`fallback`](Table::fallback) holds the authoritative entry (CometChat's SDK and REST).
    fn is_passthrough(&self) -> bool {
        self.row().entry.passthrough
    }
    /// For a pattern entry (`INVALID_{param}`), its fixed prefix and suffix.
    ///
    /// ```
    /// use chat_error_codes::{ErrorInfo, cometchat::sdk};
    /// let (e, param) = sdk::ChatError::from_pattern("UID_IS_COMPULSORY").unwrap();
    /// assert_eq!((e.pattern(), param), (Some(("", "_IS_COMPULSORY")), "UID"));
    /// ```
    fn pattern(&self) -> Option<(&'static str, &'static str)> {
        self.row().entry.pattern
    }
    /// Every fact above as one serializable value (the entry's JSON schema).
    fn record(&self) -> crate::catalog::Record {
        crate::catalog::Record::of(self)
    }
}

/// The seal: only the catalog's own types implement [`ErrorInfo`], and every fact they give is
/// read from their generated row.
pub(crate) mod sealed {
    /// Implemented by each table's `ChatError` and by `AnyChatError` (`table_data.rs`).
    pub trait Sealed {
        /// The entry with its table's metadata.
        fn row(&self) -> crate::table_data::Row;
    }
}

/// A vendor code as the vendor sends it: a string (`"ERR_UID_NOT_FOUND"`) or an integer (`605`).
///
/// Serializes untagged: as a JSON string or a JSON integer.
///
/// ```
/// use chat_error_codes::Code;
/// assert_eq!(Code::Int(605).to_string(), "605");
/// assert_eq!(Code::Str("ERR_X").as_str(), Some("ERR_X"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum Code {
    /// A string code.
    Str(&'static str),
    /// An integer code.
    Int(i32),
}

impl Code {
    /// The string, for a string code.
    pub const fn as_str(self) -> Option<&'static str> {
        match self {
            Code::Str(s) => Some(s),
            Code::Int(_) => None,
        }
    }

    /// The number, for an integer code.
    pub const fn as_i32(self) -> Option<i32> {
        match self {
            Code::Int(n) => Some(n),
            Code::Str(_) => None,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Str(s) => f.write_str(s),
            Code::Int(n) => fmt::Display::fmt(n, f),
        }
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        matches!(self, Code::Str(s) if *s == other)
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl PartialEq<i32> for Code {
    fn eq(&self, other: &i32) -> bool {
        matches!(self, Code::Int(n) if n == other)
    }
}

named_enum! {
    /// A chat vendor.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum Vendor {
        /// CometChat: JavaScript SDK, REST API and Calls API.
        CometChat,
        /// Genesys Web Engagement (GWE) chat.
        Genesys,
        /// Agora Chat: Web SDK, native SDKs and REST API.
        Agora,
        /// Stream Chat (getstream.io).
        Stream,
        /// Sendbird Chat.
        Sendbird,
        /// Twilio Conversations (and Programmable Chat).
        Twilio,
        /// Ably (Pub/Sub, Chat and its other products).
        Ably,
        /// ZEGOCLOUD ZIM (In-app Chat).
        Zego,
        /// Tencent Cloud IM (Chat).
        Tencent,
        /// Not a chat vendor: the transport under every vendor's SDK (Node.js, undici and axios
        /// errors, WebSocket close codes), which SDKs pass through to the application.
        Transport,
    }
}

impl Vendor {
    /// The vendor's name, e.g. `"CometChat"`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Declares [`Table`] and its per-table dispatch from the list of tables.
macro_rules! define_table {
    ($(($variant:ident, $stem:literal, $($module:ident)::+, $kind:ident, $vendor:ident, $doc:literal)),* $(,)?) => {
        named_enum! {
            /// One vendor table of the catalog, named as its data file (`data/<table>.toml`).
            ///
            /// ```
            /// use chat_error_codes::{Table, Vendor};
            ///
            /// let t: Table = "agora_chat".parse().unwrap();
            /// assert_eq!(t, Table::AgoraChat);
            /// assert_eq!(t.vendor(), Vendor::Agora);
            /// assert!(t.lookup("605").is_some());
            /// ```
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            #[derive(Serialize, Deserialize)]
            pub enum Table {
                $(
                    #[doc = $doc]
                    #[serde(rename = $stem)]
                    $variant = $stem,
                )*
            }
        }

        named_enum!(@from_str Table);

        impl Table {
            /// The vendor of the table.
            pub const fn vendor(self) -> Vendor {
                match self {
                    $(Table::$variant => Vendor::$vendor,)*
                }
            }

            /// Whether the vendor's codes in this table are integers.
            pub const fn has_integer_codes(self) -> bool {
                match self {
                    $(Table::$variant => crate::tables::is_integer!($kind),)*
                }
            }

            /// Looks `code` up in this table only (same rules as the table's
            /// `ChatError::from_code`).
            #[inline]
            pub fn lookup(self, code: &str) -> Option<AnyChatError> {
                match self {
                    $(Table::$variant => crate::$($module)::+::ChatError::from_code(code).map(AnyChatError::from),)*
                }
            }

            /// Looks an integer code up in this table; `None` for string tables.
            #[inline]
            pub fn lookup_number(self, code: i64) -> Option<AnyChatError> {
                let code = i32::try_from(code).ok()?;
                match self {
                    $(Table::$variant => crate::$($module)::+::ChatError::find_number(code).map(AnyChatError::from),)*
                }
            }

            /// The entry listed under `status` with the `error` string `code` (HTTP-keyed tables).
            pub(crate) fn lookup_status(self, status: u16, code: &str) -> Option<AnyChatError> {
                match self {
                    $(Table::$variant => crate::$($module)::+::ChatError::find_status_code(status, code).map(AnyChatError::from),)*
                }
            }

            /// The pattern entry that `code` fits (`UID_IS_COMPULSORY` fits
            /// `{param}_IS_COMPULSORY`) and the parameter, in tables that have pattern codes.
            #[cfg(feature = "alloc")]
            pub(crate) fn pattern(self, code: &str) -> Option<(AnyChatError, &str)> {
                match self {
                    $(Table::$variant => crate::$($module)::+::ChatError::from_pattern(code).map(|(e, p)| (AnyChatError::from(e), p)),)*
                }
            }

            /// The table's metadata.
            pub(crate) const fn meta(self) -> &'static TableMeta {
                match self {
                    $(Table::$variant => crate::$($module)::+::ChatError::META,)*
                }
            }
        }
    };
}

crate::for_each_table!(define_table);

impl Table {
    /// The table's name, as its data file: `"cometchat_sdk"`, ..., `"agora_chat"`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The number of entries (distinct codes) in the table.
    pub fn len(self) -> usize {
        self.meta().entries.len()
    }

    /// Always `false`: every table has entries (the build fails otherwise).
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The vendor SDK package and version the table was checked against
    /// (`"agora-chat 1.4.0"`), for tables that record SDK provenance.
    pub fn sdk(self) -> Option<&'static str> {
        self.meta().sdk
    }

    /// The sections of the vendor's document, in order.
    pub fn sections(self) -> &'static [Section] {
        self.meta().sections
    }

    /// The documents and packages the table's entries come from, with their versions.
    pub fn sources(self) -> &'static [Source] {
        self.meta().sources
    }

    /// The table that this table's data names for codes it does not list (a CometChat Calls API
    /// body can carry any REST API code), if any.
    ///
    /// ```
    /// use chat_error_codes::Table;
    /// assert_eq!(Table::CometChatCalls.fallback(), Some(Table::CometChatRest));
    /// assert_eq!(Table::AgoraChat.fallback(), None);
    /// ```
    pub fn fallback(self) -> Option<Table> {
        self.meta().fallback
    }

    /// The documented range (section) of this table that contains `code`, listed or not.
    ///
    /// ```
    /// use chat_error_codes::Table;
    /// assert_eq!(Table::GenesysChat.section_of(175).unwrap().range(), Some((150, 199)));
    /// assert!(Table::GenesysChat.section_of(250).is_none());
    /// ```
    pub fn section_of(self, code: i64) -> Option<&'static Section> {
        self.meta().section_of(code)
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a catalog entry comes from: whether the vendor's documentation lists it, whether a
/// shipped SDK defines or raises it, and the exact documents and packages (with their version).
///
/// ```
/// use chat_error_codes::{ErrorInfo, cometchat::rest, catalog::SourceKind};
/// let sources = rest::ChatError::ErrUidNotFound.sources();
/// assert!(sources.docs());
/// assert_eq!(sources.list()[0].kind(), SourceKind::Docs);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Sources {
    pub(crate) docs: bool,
    pub(crate) sdk: bool,
    #[serde(skip)]
    pub(crate) list: &'static [&'static Source],
}

impl Sources {
    /// Listed in the vendor's documentation page.
    pub const fn docs(self) -> bool {
        self.docs
    }

    /// Defined or thrown by the vendor's shipped SDK.
    pub const fn sdk(self) -> bool {
        self.sdk
    }

    /// The documents and packages that list the entry, in the order the data gives them.
    pub const fn list(self) -> &'static [&'static Source] {
        self.list
    }
}

impl Sources {
    /// `"docs"`, `"sdk"` or `"docs+sdk"`.
    pub const fn as_str(self) -> &'static str {
        match (self.docs, self.sdk) {
            (true, true) => "docs+sdk",
            (false, true) => "sdk",
            _ => "docs",
        }
    }
}

impl fmt::Display for Sources {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of document a [`Source`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The vendor's documentation (a docs page, at a commit or date).
    Docs,
    /// A shipped SDK: a package at a version, or a header at a commit.
    Sdk,
}

/// One document or package a table's entries come from, with its version: the provenance
/// recorded in the data file's `[[source]]` blocks.
///
/// ```
/// use chat_error_codes::{Table, catalog::SourceKind};
/// let sdk = Table::AgoraChat.sources().iter().find(|s| s.kind() == SourceKind::Sdk).unwrap();
/// assert_eq!(sdk.version(), Some("1.4.0"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Source {
    id: &'static str,
    title: &'static str,
    url: &'static str,
    version: Option<&'static str>,
    kind: SourceKind,
}

impl Source {
    pub(crate) const fn new(
        id: &'static str,
        title: &'static str,
        url: &'static str,
        version: Option<&'static str>,
        kind: SourceKind,
    ) -> Self {
        Source {
            id,
            title,
            url,
            version,
            kind,
        }
    }

    /// The identifier entries use in the data (`"docs"`, `"sdk"`, `"flutter"`).
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// What the source is.
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// Where to read it.
    pub const fn url(&self) -> &'static str {
        self.url
    }

    /// The package version, commit or date that was read, if recorded.
    pub const fn version(&self) -> Option<&'static str> {
        self.version
    }

    /// Documentation or SDK.
    pub const fn kind(&self) -> SourceKind {
        self.kind
    }
}

/// A string a vendor sends with a code (Agora's REST `error_description`, an SDK's message), with
/// the catalog's explanation of what causes it and, where the message says more than the code,
/// its own class. `{name}` in the text stands for a part that varies
/// (`{username} is not legal.`).
///
/// ```
/// use chat_error_codes::catalog::ServerMessage;
/// let m = ServerMessage::new("{username} is not legal.", "The user ID breaks the naming rules.");
/// assert!(m.matches("alice@ is not legal."));
/// assert!(!m.matches("is not legal."));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ServerMessage {
    text: &'static str,
    explanation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    class: Option<(Canonical, Recovery)>,
}

impl ServerMessage {
    /// A message text (with `{placeholders}`) and its explanation.
    pub const fn new(text: &'static str, explanation: &'static str) -> Self {
        ServerMessage {
            text,
            explanation,
            class: None,
        }
    }

    /// A message that says more than its code: it comes with its own class and advice.
    pub(crate) const fn classed(
        text: &'static str,
        explanation: &'static str,
        canonical: Canonical,
        recovery: Recovery,
    ) -> Self {
        ServerMessage {
            text,
            explanation,
            class: Some((canonical, recovery)),
        }
    }

    /// The class and advice this message calls for, where it says more than its code (Agora's
    /// login error `1` with "the accessToken is illegal" is a bad argument, with "Currently
    /// logging in, please wait." an operation already running).
    pub const fn class(&self) -> Option<(Canonical, Recovery)> {
        self.class
    }

    /// The text as documented, placeholders included.
    pub const fn text(&self) -> &'static str {
        self.text
    }

    /// What causes it, in the catalog's words.
    pub const fn explanation(&self) -> &'static str {
        self.explanation
    }

    /// Whether `received` is this message: equal outside the placeholders, each placeholder
    /// standing for one or more characters. Case and a final period are compared leniently
    /// (servers have been seen sending lower case without the period).
    pub fn matches(&self, received: &str) -> bool {
        let trim = |s: &'static str| s.strip_suffix('.').unwrap_or(s);
        template_matches(
            trim(self.text).as_bytes(),
            received.strip_suffix('.').unwrap_or(received).as_bytes(),
        )
    }
}

/// `template` (with `{...}` placeholders) against `text`, ASCII case-insensitively.
fn template_matches(template: &[u8], text: &[u8]) -> bool {
    match template.iter().position(|&b| b == b'{') {
        None => template.eq_ignore_ascii_case(text),
        Some(open) => {
            let (Some(head), Some(rest)) = (template.get(..open), template.get(open..)) else {
                return false;
            };
            let after = rest
                .iter()
                .position(|&b| b == b'}')
                .map_or(rest.len(), |c| c + 1);
            let tail = rest.get(after..).unwrap_or(&[]);
            let Some(body) = text.get(head.len()..) else {
                return false;
            };
            if !text
                .get(..head.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(head))
            {
                return false;
            }
            if !tail.contains(&b'{') {
                // The last placeholder: it takes what the tail leaves, at least one byte.
                return body.len() > tail.len()
                    && body
                        .get(body.len() - tail.len()..)
                        .is_some_and(|t| t.eq_ignore_ascii_case(tail));
            }
            // The placeholder takes at least one byte; try every split (templates are short).
            (1..=body.len()).any(|n| body.get(n..).is_some_and(|t| template_matches(tail, t)))
        }
    }
}

/// A section of a vendor's document: its heading, default class and, for Genesys, the code
/// range it documents.
///
/// ```
/// use chat_error_codes::Table;
/// let transport = &Table::GenesysChat.sections()[3];
/// assert_eq!(transport.range(), Some((150, 199)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Section {
    id: &'static str,
    title: &'static str,
    other_titles: &'static [&'static str],
    canonical: Canonical,
    range: Option<(i32, i32)>,
}

impl Section {
    pub(crate) const fn new(
        id: &'static str,
        title: &'static str,
        other_titles: &'static [&'static str],
        canonical: Canonical,
        range: Option<(i32, i32)>,
    ) -> Self {
        Section {
            id,
            title,
            other_titles,
            canonical,
            range,
        }
    }

    /// The catalog's identifier of the section (`"initialization"`).
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// The vendor's heading, verbatim.
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// Further headings the vendor uses for the same section.
    pub const fn other_titles(&self) -> &'static [&'static str] {
        self.other_titles
    }

    /// The default canonical class of the section's codes (and of unlisted codes in its range).
    pub const fn canonical(&self) -> Canonical {
        self.canonical
    }

    /// The inclusive code range the section documents (Genesys' 150-199, Sendbird's, Ably's
    /// 401xx, ...), if any.
    pub const fn range(&self) -> Option<(i32, i32)> {
        self.range
    }

    /// Whether `code` lies in the section's documented range.
    pub const fn contains(&self, code: i64) -> bool {
        match self.range {
            Some((start, end)) => start as i64 <= code && code <= end as i64,
            None => false,
        }
    }
}
