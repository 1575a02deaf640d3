//! Sweeps over the whole catalog: every variant of every table round-trips through its code, its
//! name, serde and `Display`, and carries the data a user relies on.

use std::collections::HashSet;

mod common;

use chat_error_codes::{
    AnyChatError, Canonical, Code, ErrorInfo, Table, Vendor, agora, cometchat, genesys, lookup,
    lookup_lenient, lookup_number,
};
use strum::{EnumCount, IntoEnumIterator};

/// Variants whose name the data sets (`variant = ...`) instead of deriving it.
const OVERRIDDEN: [&str; 11] = [
    "WebApplication415",
    "WebApplication500",
    "Status400",
    "Status405",
    "Status408",
    "Status501",
    "Status502",
    "Status503",
    "Status504",
    "SdkUnknownError",
    "TimerWasExpiredUnity",
];

/// Checks one table's enum against everything the catalog promises about each variant.
macro_rules! sweep {
    ($ty:ty, $table:expr) => {{
        let all = <$ty>::ALL;
        assert_eq!(all.len(), <$ty as EnumCount>::COUNT);
        assert_eq!(all.len(), <$ty>::iter().count());
        assert_eq!($table.len(), all.len());
        assert!(!all.is_empty());
        let mut codes = HashSet::new();
        for (i, &e) in all.iter().enumerate() {
            // Stable order: declaration order is document order and `Ord` follows it.
            if i > 0 {
                assert!(all[i - 1] < e);
            }
            assert_eq!(e.table(), $table);
            assert_eq!(e.vendor(), $table.vendor());
            assert!(
                codes.insert((e.code(), e.vendor_status())),
                "duplicate code {}",
                e.code()
            );
            // code -> lookup -> same variant; where an HTTP-keyed table lists the code under
            // several statuses, the bare code finds the first and "<status> <code>" this one.
            let code_str = e.code().to_string();
            let first = <$ty>::from_code(&code_str).unwrap();
            let key = if first == e {
                code_str.clone()
            } else {
                assert_eq!(first.code(), e.code());
                assert_ne!(first.vendor_status(), e.vendor_status());
                format!("{} {code_str}", e.vendor_status().unwrap())
            };
            assert_eq!(<$ty>::from_code(&key), Some(e), "{key}");
            assert_eq!(key.parse::<$ty>().ok(), Some(e));
            assert!(lookup(&key).any(|a| a == AnyChatError::from(e)));
            assert_eq!($table.lookup(&key), Some(AnyChatError::from(e)));
            // name and aliases find it too; every text is non-empty
            assert_eq!(<$ty>::from_code(e.name()).is_some(), true, "{}", e.name());
            for alias in e.aliases() {
                assert_eq!(<$ty>::from_code(alias), Some(e));
            }
            assert!(!e.name().is_empty());
            assert!(!e.message().is_empty());
            assert!(e.messages().iter().all(|m| !m.trim().is_empty()));
            assert_eq!(e.messages()[0], e.message());
            assert!(!e.sections().is_empty());
            assert!(
                e.sections()
                    .iter()
                    .all(|s| $table.sections().iter().any(|t| t.title() == *s))
            );
            assert_eq!(e.sections()[0], e.section());
            assert!(e.description().is_none_or(|d| !d.trim().is_empty()));
            assert!(e.sources().docs() || e.sources().sdk());
            assert_eq!(e.http_status(), e.canonical().http_status());
            assert_eq!(e.is_success(), e.canonical() == Canonical::Ok);
            // serde: the vendor's own code, and back
            let json = serde_json::to_string(&e).unwrap();
            match e.code() {
                Code::Str(_) => assert_eq!(json, serde_json::to_string(&key).unwrap()),
                Code::Int(n) => assert_eq!(json, n.to_string()),
            }
            assert_eq!(serde_json::from_str::<$ty>(&json).unwrap(), e);
            // AnyChatError round-trips with its table
            let any = AnyChatError::from(e);
            let any_json = serde_json::to_string(&any).unwrap();
            assert_eq!(
                serde_json::from_str::<AnyChatError>(&any_json).unwrap(),
                any
            );
            // Display: code and message
            let shown = e.to_string();
            assert!(shown.starts_with(&code_str), "{shown}");
            assert!(shown.ends_with(e.message()), "{shown}");
            assert_eq!(any.to_string(), shown);
            // variant name matches the derivation rule, unless the data overrides it (names
            // that would collide, texts that are no identifier)
            let name = e.name().replace("{param}", "PARAM");
            let camel = !name.contains(['_', ' '])
                && name.contains(|c: char| c.is_ascii_lowercase())
                && name.contains(|c: char| c.is_ascii_uppercase());
            let expected: String = if camel {
                name[..1].to_uppercase() + &name[1..]
            } else {
                name.split(['_', ' '])
                    .filter(|p| !p.is_empty())
                    .map(|p| p[..1].to_uppercase() + &p[1..].to_lowercase())
                    .collect()
            };
            if !OVERRIDDEN.contains(&e.variant_name()) {
                assert_eq!(e.variant_name(), expected);
            }
            assert_eq!(any.variant_name(), e.variant_name());
        }
        all.len()
    }};
}

/// The sweep of every table of the list (`for_each_table!`).
macro_rules! sweep_every_table {
    ($(($variant:ident, $stem:literal, $($module:ident)::+, $kind:ident, $vendor:ident, $doc:literal)),* $(,)?) => {
        0 $(+ sweep!(chat_error_codes::$($module)::+::ChatError, Table::$variant))*
    };
}

#[test]
fn every_variant_of_every_table_round_trips() {
    let total = chat_error_codes::for_each_table!(sweep_every_table);
    assert_eq!(total, Table::ALL_LEN);
    assert_eq!(AnyChatError::all().count(), total);
}

#[test]
fn all_is_stable_and_sorted_by_table_then_document_order() {
    let all: Vec<AnyChatError> = AnyChatError::all().collect();
    assert!(all.windows(2).all(|w| w[0] < w[1]));
    let tables: Vec<Table> = all.iter().map(|e| e.table()).collect();
    let mut dedup = tables.clone();
    dedup.dedup();
    assert_eq!(dedup, <Table as strum::VariantArray>::VARIANTS);
}

#[test]
fn integer_tables_accept_numbers_decimal_strings_and_names() {
    for &e in agora::ChatError::ALL {
        let n = e.number();
        assert_eq!(agora::ChatError::from_number(n), Some(e));
        assert!(lookup_number(n.into()).any(|a| a == AnyChatError::from(e)));
        assert_eq!(agora::ChatError::from_code(&n.to_string()), Some(e));
        assert_eq!(
            serde_json::from_str::<agora::ChatError>(&format!("\"{}\"", e.name())).unwrap(),
            e
        );
    }
    for &e in genesys::ChatError::ALL {
        assert_eq!(genesys::ChatError::from_number(e.number()), Some(e));
        assert_eq!(
            serde_json::from_str::<genesys::ChatError>(&format!("\"{}\"", e.number())).unwrap(),
            e
        );
    }
    assert_eq!(
        agora::ChatError::from_number(605),
        Some(agora::ChatError::GroupNotExist)
    );
    assert_eq!(agora::ChatError::from_number(-123_456), None);
    assert!(lookup_number(i64::MAX).next().is_none());
    assert!(lookup_number(i64::from(i32::MAX) + 605).next().is_none());
}

#[test]
fn unknown_codes_are_typed_errors_naming_table_and_input() {
    let err = "ERR_NOT_A_THING"
        .parse::<cometchat::rest::ChatError>()
        .unwrap_err();
    assert_eq!(err.table(), Table::CometChatRest);
    assert_eq!(err.input(), "ERR_NOT_A_THING");
    assert_eq!(
        err.to_string(),
        "unknown cometchat_rest error code \"ERR_NOT_A_THING\""
    );

    let long = "X".repeat(10_000);
    let err = long.parse::<cometchat::sdk::ChatError>().unwrap_err();
    assert!(err.is_truncated());
    assert_eq!(err.input_len(), 10_000);
    assert_eq!(err.input().len(), chat_error_codes::UnknownCode::KEPT_BYTES);
    assert!(err.to_string().ends_with("(first 64 of 10000 bytes)"));

    // Cut at a character boundary, never inside one.
    let multibyte = "é".repeat(100);
    let err = multibyte.parse::<cometchat::sdk::ChatError>().unwrap_err();
    assert_eq!(err.input(), "é".repeat(32));

    let err = serde_json::from_str::<agora::ChatError>("999999").unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown agora_chat error code 999999"),
        "{err}"
    );
    let err = serde_json::from_str::<cometchat::calls::ChatError>("\"ERR_NOPE\"").unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown cometchat_calls error code \"ERR_NOPE\""),
        "{err}"
    );
    let err = serde_json::from_str::<cometchat::calls::ChatError>("12").unwrap_err();
    assert!(
        err.to_string()
            .contains("cometchat_calls error code string"),
        "{err}"
    );
    let err =
        serde_json::from_str::<AnyChatError>(r#"{"table":"genesys_chat","code":7}"#).unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown genesys_chat error code 7"),
        "{err}"
    );
}

#[test]
fn a_user_struct_with_a_chat_error_field_round_trips_through_vendor_json() {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct AgoraEvent {
        #[serde(rename = "type")]
        kind: agora::ChatError,
        message: String,
    }
    let json = r#"{"type":605,"message":"group not exist"}"#;
    let event: AgoraEvent = serde_json::from_str(json).unwrap();
    assert_eq!(event.kind, agora::ChatError::GroupNotExist);
    assert_eq!(serde_json::to_string(&event).unwrap(), json);

    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct RestError {
        code: cometchat::rest::ChatError,
    }
    let json = r#"{"code":"ERR_UID_NOT_FOUND"}"#;
    let e: RestError = serde_json::from_str(json).unwrap();
    assert_eq!(e.code, cometchat::rest::ChatError::ErrUidNotFound);
    assert_eq!(serde_json::to_string(&e).unwrap(), json);
}

#[test]
fn codes_listed_twice_keep_both_sections_and_messages() {
    let e = cometchat::sdk::ChatError::MissingParameters;
    assert_eq!(e.sections(), ["Initialization Errors", "Receipt Errors"]);
    assert_eq!(
        e.messages(),
        [
            "AppID cannot be empty. Please specify a valid appID.",
            "Expected 4 parameters, received 3."
        ]
    );
    let e = cometchat::sdk::ChatError::ErrTooManyRequests;
    assert_eq!(
        e.sections(),
        ["Network & API Errors", "Server-Side API Errors"]
    );
    assert_eq!(e.messages()[1], "Rate limit exceeded");
}

#[test]
fn cross_vendor_lookup_finds_every_table_with_the_code() {
    let tables: Vec<Table> = lookup("ERR_TOO_MANY_REQUESTS").map(|e| e.table()).collect();
    assert_eq!(tables, [Table::CometChatSdk, Table::CometChatRest]);
    let tables: Vec<Table> = lookup("ERR_CALL_BUSY_USER").map(|e| e.table()).collect();
    assert_eq!(tables, [Table::CometChatCalls, Table::CometChatRest]);
    // 605 is a Web SDK code and a native SDK code, with different meanings: both, labelled.
    let m = lookup("605");
    assert_eq!(m.len(), 2);
    assert_eq!(m.to_string(), "agora_chat, agora_native");
    let mut m = m;
    assert_eq!(m.next().map(|e| e.table()), Some(Table::AgoraChat));
    assert_eq!((m.len(), m.is_empty()), (1, false));
    assert_eq!(m.next().map(|e| e.table()), Some(Table::AgoraNative));
    assert_eq!((m.len(), m.is_empty(), m.next()), (0, true, None));
    assert!(lookup("").next().is_none());
    assert!(lookup("err_uid_not_found").next().is_none());
    let tables: Vec<Table> = (lookup_lenient("  err_uid_not_found\t").map(|e| e.table())).collect();
    assert_eq!(tables, [Table::CometChatSdk, Table::CometChatRest]);
    // The exact matches (Agora REST's and Ably's `unauthorized`) and the case-folded ones
    // (CometChat's and Twilio's `UNAUTHORIZED`), merged in the order of `Table`.
    let tables: Vec<Table> = lookup_lenient("unauthorized").map(|e| e.table()).collect();
    use Table::{Ably, AgoraRest, CometChatSdk, TwilioConversations};
    assert_eq!(tables, [CometChatSdk, AgoraRest, TwilioConversations, Ably]);
    assert_eq!(lookup_lenient(&"A".repeat(1000)).count(), 0);
    // Every code fits the lenient lookup's buffer.
    assert!(AnyChatError::all().all(|e| e.code().to_string().len() <= 96));
}

#[test]
fn vendors_and_tables_are_consistent() {
    for e in AnyChatError::all() {
        match e.vendor() {
            Vendor::CometChat => assert!(e.table().as_str().starts_with("cometchat_")),
            Vendor::Genesys => assert_eq!(e.table(), Table::GenesysChat),
            Vendor::Agora => assert!(e.table().as_str().starts_with("agora_")),
            Vendor::Stream => assert_eq!(e.table(), Table::StreamChat),
            Vendor::Sendbird => assert_eq!(e.table(), Table::SendbirdChat),
            Vendor::Twilio => assert_eq!(e.table(), Table::TwilioConversations),
            Vendor::Ably => assert_eq!(e.table(), Table::Ably),
            Vendor::Zego => assert_eq!(e.table(), Table::ZegoZim),
            Vendor::Tencent => assert_eq!(e.table(), Table::TencentIm),
            Vendor::Transport => assert!(matches!(
                e.table(),
                Table::JsTransport | Table::WebSocketClose
            )),
        }
        assert_eq!(
            matches!(e.code(), Code::Int(_)),
            e.table().has_integer_codes()
        );
    }
    for t in [Table::CometChatSdk, Table::GenesysChat] {
        assert_eq!(t.as_str().parse::<Table>().unwrap(), t);
        assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{t}\""));
    }
}

/// The strum traits of one small enum, as strum's derives (`EnumCount`, `VariantArray`,
/// `IntoStaticStr`) define them: every variant once, in declaration order, named as serde names it.
fn assert_named<T>()
where
    T: EnumCount + strum::VariantArray + Copy + Ord + core::fmt::Debug + serde::Serialize,
    &'static str: From<T> + for<'a> From<&'a T>,
{
    assert_eq!(T::COUNT, T::VARIANTS.len());
    assert!(
        T::VARIANTS.windows(2).all(|w| w[0] < w[1]),
        "{:?}",
        T::VARIANTS
    );
    for v in T::VARIANTS {
        let name = <&'static str>::from(*v);
        assert_eq!(<&'static str>::from(v), name);
        assert_eq!(serde_json::to_string(v).unwrap(), format!("\"{name}\""));
    }
}

#[test]
fn small_enums_implement_the_strum_traits_as_the_derives_did() {
    assert_named::<Canonical>();
    assert_named::<chat_error_codes::Recovery>();
    assert_named::<Vendor>();
    assert_named::<Table>();
    assert_eq!(
        <&str>::from(Canonical::ResourceExhausted),
        "ResourceExhausted"
    );
    assert_eq!(<&str>::from(Vendor::CometChat), "CometChat");
    assert_eq!(<&str>::from(Table::AgoraChat), "agora_chat");
    // `EnumString` with `serialize`: the name only, exactly (not the variant, not another case).
    for t in <Table as strum::VariantArray>::VARIANTS {
        assert_eq!(t.as_str().parse::<Table>(), Ok(*t));
        assert_eq!(Table::try_from(t.as_str()), Ok(*t));
    }
    for bad in ["AgoraChat", "AGORA_CHAT", "agora_chat ", ""] {
        assert_eq!(
            bad.parse::<Table>(),
            Err(strum::ParseError::VariantNotFound)
        );
        assert_eq!(
            Table::try_from(bad),
            Err(strum::ParseError::VariantNotFound)
        );
    }
}

#[test]
fn exhaustive_match_without_wildcard_compiles() {
    // If `ChatError` were `#[non_exhaustive]` (or a variant were added without this list being
    // updated) this function would not compile. Genesys is the table small enough to spell out.
    #[allow(deprecated)]
    fn describe(e: genesys::ChatError) -> &'static str {
        use genesys::ChatError as G;
        match e {
            G::UnknownChatCommand | G::MissingMandatoryParameters | G::InvalidParameterValue => {
                "syntax"
            }
            G::UnknownSessionId | G::CommandStoppedByDecorator | G::CommandExecutionError => {
                "session"
            }
            G::ServerNotAvailable | G::ServerLoginFailed => "server",
            G::NetworkConnectionInterrupted
            | G::InvalidServerResponse
            | G::SessionRestorationFailed => "transport",
        }
    }
    let mut seen = HashSet::new();
    for &e in genesys::ChatError::ALL {
        seen.insert(describe(e));
    }
    assert_eq!(seen.len(), 4);
}

/// How many entries of `table` each source lists, by source id.
fn per_source(table: Table) -> std::collections::BTreeMap<&'static str, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for e in AnyChatError::all().filter(|e| e.table() == table) {
        for s in e.sources().list() {
            *counts.entry(s.id()).or_default() += 1;
        }
    }
    counts
}

#[test]
fn every_code_of_every_source_of_zego_and_tencent_is_an_entry() {
    // The counts of the sources themselves (see each data file's header): a lost or doubled
    // entry changes one of them.
    assert_eq!(
        per_source(Table::ZegoZim),
        [("docs", 160), ("web_sdk", 169)].into()
    );
    assert_eq!(chat_error_codes::zego::ChatError::ALL.len(), 173);
    assert_eq!(
        per_source(Table::TencentIm),
        [
            ("docs", 419),
            ("header", 372),
            ("rest", 176),
            ("timjs", 110),
            ("web", 116)
        ]
        .into()
    );
    assert_eq!(chat_error_codes::tencent::ChatError::ALL.len(), 568);
    // The page lists ZEGO's 6000286 under two headings with two meanings: both are kept.
    let edit = chat_error_codes::zego::ChatError::from_number(6000286).unwrap();
    assert_eq!(edit.sections().len(), 2);
    // Tencent's web SDKs name 2100 differently; both names and the platforms are kept.
    let send = chat_error_codes::tencent::ChatError::from_number(2100).unwrap();
    assert_eq!(send.aliases(), ["MESSAGE_SEND_FAIL"]);
    assert_eq!(
        send.platform_names(),
        [("timjs", "MESSAGE_SEND_FAIL"), ("web", "MSG_SEND_FAIL")]
    );
    // The documented webhook range resolves to its section; the codes around it do not.
    let webhook = Table::TencentIm.section_of(120001).unwrap();
    assert_eq!(webhook.range(), Some((120001, 130000)));
    assert!(Table::TencentIm.section_of(120000).is_none());
    assert!(Table::TencentIm.section_of(130001).is_none());
}

#[test]
fn twilio_and_ably_entries_link_their_vendor_page() {
    for e in AnyChatError::all() {
        let expected = match e.table() {
            Table::TwilioConversations => {
                Some(format!("https://www.twilio.com/docs/errors/{}", e.code()))
            }
            Table::Ably => Some(format!("https://help.ably.io/error/{}", e.code())),
            _ => None,
        };
        assert_eq!(e.vendor_url().map(str::to_owned), expected, "{e:?}");
    }
}

#[test]
fn twilio_keeps_the_lists_218_codes_and_the_two_the_sdk_handles() {
    use chat_error_codes::twilio::ChatError;
    let from_list: Vec<i32> = ChatError::ALL
        .iter()
        .filter(|e| e.sources().list().iter().any(|s| s.id() == "list"))
        .map(|e| e.number())
        .collect();
    // The 218 of the selection, and 20104 (a Platform code the SDK's transport handles).
    assert_eq!(from_list.len(), 219);
    assert!(
        from_list
            .iter()
            .all(|n| (50000..=51999).contains(n) || [19038, 20161, 20104].contains(n))
    );
    let sdk_only: Vec<i32> = ChatError::ALL
        .iter()
        .filter(|e| !e.sources().docs())
        .map(|e| e.number())
        .collect();
    assert_eq!(sdk_only, [50530]);
    // Twilio's message, exactly: product prefix, odd spacing and quotes included.
    let e = ChatError::from_number(50513).unwrap();
    assert_eq!(
        e.message(),
        " Message author should be among Group MMS participants."
    );
    assert_eq!(
        e.name(),
        "MESSAGE_AUTHOR_SHOULD_BE_AMONG_GROUP_MMS_PARTICIPANTS"
    );
    assert_eq!(
        ChatError::from_number(50384).unwrap().message(),
        "Initial state can't be 'closed"
    );
    // A name that an earlier code has gets the code appended.
    assert_eq!(
        ChatError::from_number(51131).unwrap().name(),
        "AUTHENTICATION_FAILED_51131"
    );
    // Token errors re-authenticate, transport losses reconnect.
    for n in 51114..=51122 {
        let e = ChatError::from_number(n).unwrap();
        assert_eq!(
            e.recovery(),
            chat_error_codes::Recovery::Reauthenticate,
            "{n}"
        );
    }
    assert_eq!(
        ChatError::from_number(51005).unwrap().recovery(),
        chat_error_codes::Recovery::Reconnect
    );
}

#[test]
fn ably_statuses_are_the_embedded_ones_except_where_the_page_says_otherwise() {
    use chat_error_codes::ably::ChatError;
    assert_eq!(ChatError::ALL.len(), 276);
    let differing = [
        (40009, 413),
        (40111, 403),
        (40114, 403),
        (40115, 403),
        (40171, 403),
        (50003, 503),
    ];
    for &e in ChatError::ALL {
        let n = e.number();
        let embedded = (10000..=59999)
            .contains(&n)
            .then(|| u16::try_from(n / 100).unwrap())
            .filter(|s| (400..=599).contains(s));
        match differing.iter().find(|(code, _)| *code == n) {
            Some(&(_, status)) => {
                assert_eq!(e.vendor_status(), Some(status), "{n}");
                assert!(e.note().unwrap().contains("embeds"), "{n}");
            }
            None if embedded.is_some() => assert_eq!(e.vendor_status(), embedded, "{n}"),
            None => {}
        }
    }
    // The @ably/chat ErrorCode names are aliases of the registry's identifiers.
    let chat_named = ChatError::ALL
        .iter()
        .filter(|e| !e.aliases().is_empty())
        .count();
    assert_eq!(chat_named, 20);
    assert_eq!(
        ChatError::from_code("RoomInInvalidState"),
        Some(ChatError::RoomIsInAnInvalidState)
    );
    // Token errors 40140-40149 re-authenticate; the connection states reconnect.
    for n in [40140, 40141, 40142, 40143, 40144, 40145] {
        let e = ChatError::from_number(n).unwrap();
        assert_eq!(
            e.recovery(),
            chat_error_codes::Recovery::Reauthenticate,
            "{n}"
        );
    }
    for n in [80000, 80002, 80003, 80005, 80016, 80022] {
        let e = ChatError::from_number(n).unwrap();
        assert_eq!(e.recovery(), chat_error_codes::Recovery::Reconnect, "{n}");
    }
}

/// The schema's enumerations are the library's: the schema file is the JSON form of the types.
fn schema_enum<T: strum::VariantArray + serde::Serialize>(
    schema: &serde_json::Value,
    member: &str,
) {
    let listed = &schema["properties"][member]["enum"];
    let variants: Vec<serde_json::Value> = T::VARIANTS
        .iter()
        .map(|v| serde_json::to_value(v).unwrap())
        .collect();
    assert_eq!(
        listed,
        &serde_json::Value::Array(variants),
        "the schema's `{member}`"
    );
}

#[test]
fn every_record_follows_the_published_schema() {
    let schema = common::schema::entry_schema();
    schema_enum::<Table>(&schema, "table");
    schema_enum::<Vendor>(&schema, "vendor");
    schema_enum::<Canonical>(&schema, "canonical");
    schema_enum::<chat_error_codes::Recovery>(&schema, "recovery");
    for e in AnyChatError::all() {
        let record = serde_json::to_value(e.record()).unwrap();
        let errors = common::schema::violations(&schema, &record);
        assert!(errors.is_empty(), "{e:?}: {errors:?}");
    }
    // The check can fail: a member renamed, a type changed, a member the schema lacks.
    let mut record = serde_json::to_value(agora::ChatError::GroupNotExist.record()).unwrap();
    record["http_status"] = serde_json::json!("404");
    record["extra"] = serde_json::json!(1);
    record.as_object_mut().unwrap().remove("recovery");
    assert_eq!(common::schema::violations(&schema, &record).len(), 3);
}
