//! The list of tables, written once: [`for_each_table!`](crate::for_each_table).
//!
//! build.rs reads this file too (`codegen/mod.rs` includes it), so the data files it compiles,
//! the [`Table`](crate::Table) enum, [`AnyChatError`](crate::AnyChatError), the cross-vendor
//! lookups and the test sweeps all expand from the same lines. Adding a table is: its data file
//! `data/<table>.toml`, one line here, and its documented module under `src/`.

/// Calls the macro `$callback` once with every table of the catalog, one row each:
///
/// ```text
/// (Variant, "data_file_stem", module::path, string|integer, Vendor, "doc line")
/// ```
///
/// `Variant` is the [`Table`](crate::Table) variant, the stem names `data/<stem>.toml` and the
/// table's serialized name, the module holds the table's `ChatError` enum, the kind says
/// whether its codes are strings or integers.
///
/// For code that must cover every table, such as a test that sweeps the whole catalog:
///
/// ```
/// macro_rules! count_rows {
///     ($(($variant:ident, $stem:literal, $($module:ident)::+, $kind:ident, $vendor:ident, $doc:literal)),* $(,)?) => {
///         [$($stem),*].len()
///     };
/// }
/// let tables = chat_error_codes::for_each_table!(count_rows);
/// assert_eq!(tables, <chat_error_codes::Table as strum::EnumCount>::COUNT);
/// ```
/// Hidden from the docs and outside the semver promise: the row's shape changes when the
/// catalog needs a new column. It is exported only for this crate's own tests, examples and
/// maintainer tools; users enumerate tables with [`Table::ALL`](crate::Table::ALL) and entries
/// with [`AnyChatError::all`](crate::AnyChatError::all).
#[doc(hidden)]
#[macro_export]
macro_rules! for_each_table {
    ($callback:ident) => {
        $callback! {
            (CometChatSdk, "cometchat_sdk", cometchat::sdk, string, CometChat,
                "CometChat JavaScript SDK error codes (`CometChatException.code`): [`crate::cometchat::sdk`]."),
            (CometChatCalls, "cometchat_calls", cometchat::calls, string, CometChat,
                "CometChat Calls API error codes: [`crate::cometchat::calls`]."),
            (CometChatRest, "cometchat_rest", cometchat::rest, string, CometChat,
                "CometChat REST API error guide: [`crate::cometchat::rest`]."),
            (GenesysChat, "genesys_chat", genesys, integer, Genesys,
                "Genesys Web Engagement chat `EventError` codes: [`crate::genesys`]."),
            (AgoraChat, "agora_chat", agora, integer, Agora,
                "Agora Chat Web SDK error codes: [`crate::agora`]."),
            (AgoraRest, "agora_rest", agora::rest, string, Agora,
                "Agora Chat RESTful API errors, keyed by HTTP status and `error` string: [`crate::agora::rest`]."),
            (AgoraNative, "agora_native", agora::native, integer, Agora,
                "Agora Chat native SDK (Android, iOS, Windows) error codes: [`crate::agora::native`]."),
            (StreamChat, "stream_chat", stream, integer, Stream,
                "Stream Chat API error codes: [`crate::stream`]."),
            (SendbirdChat, "sendbird_chat", sendbird, integer, Sendbird,
                "Sendbird Chat error codes (Platform API and SDKs): [`crate::sendbird`]."),
            (TwilioConversations, "twilio_conversations", twilio, integer, Twilio,
                "Twilio Conversations error codes (Programmable Chat, Conversations, Twilsock): [`crate::twilio`]."),
            (Ably, "ably", ably, integer, Ably,
                "Ably error codes (Pub/Sub, Chat and the other products): [`crate::ably`]."),
            (ZegoZim, "zego_zim", zego, integer, Zego,
                "ZEGOCLOUD ZIM (In-app Chat) SDK error codes: [`crate::zego`]."),
            (TencentIm, "tencent_im", tencent, integer, Tencent,
                "Tencent Cloud IM (Chat) error codes (native SDK, server, web SDKs): [`crate::tencent`]."),
            (JsTransport, "js_transport", transport, string, Transport,
                "Transport errors that JavaScript SDKs pass through (Node.js, undici, axios): [`crate::transport`]."),
            (WebSocketClose, "websocket_close", websocket, integer, Transport,
                "WebSocket close codes (RFC 6455, IANA registry): [`crate::websocket`]."),
        }
    };
}

/// Whether a row's code kind is `integer` (the other is `string`).
macro_rules! is_integer {
    (string) => {
        false
    };
    (integer) => {
        true
    };
}

pub(crate) use is_integer;
