//! Each kind of scan on a trimmed, hand-written snippet shaped like an SDK's text (synthetic
//! names and messages: no SDK code is copied here).

use sdk_check::extract::{Match, Scanned, Use, scan};
use sdk_check::js::Lit;
use sdk_check::rules::Scan;

/// The match at `origin`.
fn at<'a>(scanned: &'a Scanned, origin: &str) -> &'a Match {
    let found = scanned.matches.iter().find(|m| m.origin == origin);
    found.unwrap_or_else(|| panic!("no match at {origin}: {scanned:#?}"))
}

fn origins(scanned: &Scanned) -> Vec<&str> {
    scanned.matches.iter().map(|m| m.origin.as_str()).collect()
}

fn str_lit(s: &str) -> Lit {
    Lit::Str(s.to_owned())
}

const DTS: &str = r#"
/**
 * Widget status codes.
 */
declare enum Code {
	/** All is well. */
	WIDGET_OK = 0,
	/** @hidden */
	WIDGET_ALIAS = 0,
	/**
	 * The widget broke;
	 * see {@link Widget}.
	 */
	WIDGET_BROKEN = -3, // trailing comment
	WIDGET_NEXT,
	WIDGET_NAMED = "widget-named",
	WIDGET_SHIFTED = 1 << 4,
}
declare enum CodeTwo {
	OTHER = 9
}
"#;

#[test]
fn dts_enum_reads_members_values_and_doc_comments() {
    let scanned = scan(DTS, &Scan::DtsEnum { name: "Code" });
    let values: Vec<(&str, &Lit)> = scanned
        .matches
        .iter()
        .map(|m| (m.member.as_str(), &m.value))
        .collect();
    assert_eq!(
        values,
        [
            ("WIDGET_OK", &Lit::Num(0)),
            ("WIDGET_ALIAS", &Lit::Num(0)),
            ("WIDGET_BROKEN", &Lit::Num(-3)),
            ("WIDGET_NEXT", &Lit::Num(-2)),
            ("WIDGET_NAMED", &str_lit("widget-named")),
        ]
    );
    assert_eq!(
        at(&scanned, "Code.WIDGET_OK").text.as_deref(),
        Some("All is well.")
    );
    assert_eq!(
        at(&scanned, "Code.WIDGET_ALIAS").text,
        None,
        "@hidden is a tag, not text"
    );
    let broken = at(&scanned, "Code.WIDGET_BROKEN");
    assert_eq!(
        broken.text.as_deref(),
        Some("The widget broke; see {@link Widget}.")
    );
    assert!(scanned.matches.iter().all(|m| m.used == Use::Declared));
    // An initializer the reader cannot evaluate is reported, not guessed.
    assert_eq!(scanned.unread, ["enum Code: WIDGET_SHIFTED = 1 << 4,"]);
}

#[test]
fn dts_enum_that_is_absent_is_reported() {
    let scanned = scan(DTS, &Scan::DtsEnum { name: "Cod" });
    assert!(scanned.matches.is_empty());
    assert_eq!(scanned.unread, ["no `enum Cod {` in the file"]);
}

const BUNDLE_ENUM: &str = concat!(
    r#"var n;r.d(t,{C:function(){return n}}),function(e){e[e.WIDGET_OK=0]="WIDGET_OK","#,
    r#"e[e.WIDGET_BROKEN=-3]="WIDGET_BROKEN",e[e.WIDGET_SPARE=7]="WIDGET_SPARE","#,
    r#"e[e.WIDGET_STATE_OPEN=400]="WIDGET_STATE_OPEN",e.WIDGET_NAMED="widget-named"}(n||(n={}));"#,
    r#"function g(){throw o.A.create({type:s.C.WIDGET_BROKEN,message:"broken"})}"#,
    r#"function h(){this.context.status=s.C.WIDGET_STATE_OPEN}"#,
);

#[test]
fn js_enum_reads_compiled_members_and_tells_raised_ones() {
    let rule = Scan::JsEnum {
        name: "Code",
        first: "WIDGET_OK",
        raised_after: "type:",
    };
    let scanned = scan(BUNDLE_ENUM, &rule);
    assert!(scanned.unread.is_empty(), "{scanned:?}");
    let members: Vec<(&str, &Lit, Use)> = scanned
        .matches
        .iter()
        .map(|m| (m.member.as_str(), &m.value, m.used))
        .collect();
    assert_eq!(
        members,
        [
            ("WIDGET_OK", &Lit::Num(0), Use::Unused),
            ("WIDGET_BROKEN", &Lit::Num(-3), Use::Used),
            ("WIDGET_SPARE", &Lit::Num(7), Use::Unused),
            // Referred to, but as a state, not raised as an error `type`.
            ("WIDGET_STATE_OPEN", &Lit::Num(400), Use::Unused),
            ("WIDGET_NAMED", &str_lit("widget-named"), Use::Unused),
        ]
    );
    assert_eq!(at(&scanned, "Code.WIDGET_SPARE").member, "WIDGET_SPARE");
}

#[test]
fn js_enum_member_that_cannot_be_read_is_reported() {
    let bundle = BUNDLE_ENUM.replace(r#"e.WIDGET_NAMED="widget-named""#, "e.WIDGET_ODD=f()");
    let rule = Scan::JsEnum {
        name: "Code",
        first: "WIDGET_OK",
        raised_after: "type:",
    };
    let scanned = scan(&bundle, &rule);
    assert_eq!(scanned.matches.len(), 4);
    assert_eq!(scanned.unread.len(), 1);
    assert!(
        scanned.unread[0].starts_with("enum Code: e.WIDGET_ODD=f()}"),
        "{:?}",
        scanned.unread
    );
}

#[test]
fn js_enum_that_is_absent_is_reported() {
    let rule = Scan::JsEnum {
        name: "Code",
        first: "NO_SUCH_MEMBER",
        raised_after: "type:",
    };
    let scanned = scan(BUNDLE_ENUM, &rule);
    assert_eq!(
        scanned.unread,
        ["no compiled enum Code with member NO_SUCH_MEMBER in the file"]
    );
}

const BUNDLE_OBJECTS: &str = concat!(
    r#"t.WIDGET_ERRORS={BROKEN:{code:"ERR_WIDGET_BROKEN",name:"ERR_WIDGET_BROKEN","#,
    r#"message:"The widget broke.",details:{}},SPARE:new S.WidgetException({code:"ERR_WIDGET_SPARE","#,
    r#"name:"ERR_WIDGET_SPARE",message:"A spare code.",details:""})},"#,
    r#"t.WIDGET_LOGIN={NO_INIT:{code:"-1",name:"WIDGET_NOT_READY",message:"Call init first.","#,
    r#"details:{}},DENIED:{code:401,name:"WIDGET_DENIED",message:"",details:{}},"#,
    r#"CUSTOM:{code:"-1",name:"%s_WIDGET_DATA",message:"",details:{}}},"#,
    r#"t.WIDGET_VALIDATION={NOT_A_STRING:{code:"INVALID_%s",name:"INVALID_%s","#,
    r#"message:"%s should be a string.",details:{}}};"#,
    r#"function f(e){if(!e)throw K.WIDGET_ERRORS.BROKEN;return new b.WidgetException("#,
    r#"{code:"ERR_WIDGET_INLINE",message:"Inline "+e+" text.",name:"ERR_WIDGET_INLINE"})}"#,
    r#"function g(e,t){x(K.WIDGET_LOGIN.NO_INIT);y(K.WIDGET_LOGIN.DENIED);"#,
    r#"return{code:e.code||t.code,name:e.name}}"#,
    r#"function h(){return{code:"ERR_WIDGET_ODD",message:(0,w.fmt)("x")}}"#,
);

#[test]
fn error_objects_read_constants_inline_objects_and_numeric_codes() {
    let scanned = scan(BUNDLE_OBJECTS, &Scan::ErrorObjects);
    assert_eq!(
        origins(&scanned),
        [
            "WIDGET_ERRORS.BROKEN",
            "WIDGET_ERRORS.SPARE",
            "WIDGET_LOGIN.NO_INIT",
            "WIDGET_LOGIN.DENIED",
            "WIDGET_LOGIN.CUSTOM",
            "WIDGET_VALIDATION.NOT_A_STRING",
            &format!(
                "inline @{}",
                BUNDLE_OBJECTS.find(r#"{code:"ERR_WIDGET_INLINE""#).unwrap()
            ),
        ]
    );
    let broken = at(&scanned, "WIDGET_ERRORS.BROKEN");
    assert_eq!(
        (&broken.value, broken.used),
        (&str_lit("ERR_WIDGET_BROKEN"), Use::Used)
    );
    assert_eq!(broken.text.as_deref(), Some("The widget broke."));
    // Built with `new X.Y({…})`, never referred to: defined, not raised.
    let spare = at(&scanned, "WIDGET_ERRORS.SPARE");
    assert_eq!(
        (&spare.value, spare.used),
        (&str_lit("ERR_WIDGET_SPARE"), Use::Unused)
    );
    let no_init = at(&scanned, "WIDGET_LOGIN.NO_INIT");
    assert_eq!(
        (&no_init.value, no_init.name.as_deref()),
        (&str_lit("-1"), Some("WIDGET_NOT_READY"))
    );
    let denied = at(&scanned, "WIDGET_LOGIN.DENIED");
    assert_eq!(
        (&denied.value, denied.text.as_deref()),
        (&Lit::Num(401), None)
    );
    assert_eq!(at(&scanned, "WIDGET_LOGIN.CUSTOM").used, Use::Unused);
    let inline = scanned.matches.last().unwrap();
    assert_eq!(
        inline.used,
        Use::Used,
        "an inline object is thrown where it stands"
    );
    assert_eq!(inline.text.as_deref(), Some("Inline %s text."));
    // `{code:e.code||…}` is a run-time value, skipped; a literal code in an object the reader
    // cannot follow is reported.
    assert_eq!(scanned.unread.len(), 1, "{:?}", scanned.unread);
    assert!(
        scanned.unread[0].contains(r#"{code:"ERR_WIDGET_ODD""#),
        "{:?}",
        scanned.unread
    );
}

const BUNDLE_CONSTANTS: &str = concat!(
    r#"t.Errors={ERROR_WIDGET_STUCK:"ERROR_WIDGET_STUCK",ERROR_WIDGET_LOST:"ERROR_WIDGET_LOST","#,
    r#"ERROR_WIDGET_LOST_MESSAGE:"The widget is lost",ERROR_DEFAULT_MESSAGE:"Something else","#,
    r#"ERR_WIDGET_x:"not a code: mostly lower case"},t.WIDGET_ERROR_CODES={GONE:"ERR_WIDGET_GONE"},"#,
    r#"t.WidgetConstants={KIND:"WIDGET_KIND"},t.WIDGET_ERRORS={A:{code:"ERR_A"}};"#,
    r#"function f(n){if(n===K.Errors.ERROR_WIDGET_STUCK)return 1}"#,
    r#"l.WIDGET_RETRY_CODES=["ERR_WIDGET_BUSY","ERR_WIDGET_SLOW"],"#,
    r#"l.prototype.retry=function(c){return l.WIDGET_RETRY_CODES.indexOf(c)}"#,
);

#[test]
fn string_constants_read_bare_codes_of_the_selected_groups() {
    let scanned = scan(
        BUNDLE_CONSTANTS,
        &Scan::StringConstants {
            group_contains: "error",
        },
    );
    assert!(scanned.unread.is_empty(), "{scanned:?}");
    assert_eq!(
        origins(&scanned),
        [
            "Errors.ERROR_WIDGET_STUCK",
            "Errors.ERROR_WIDGET_LOST",
            "WIDGET_ERROR_CODES.GONE"
        ]
    );
    let stuck = at(&scanned, "Errors.ERROR_WIDGET_STUCK");
    assert_eq!((stuck.used, stuck.text.as_deref()), (Use::Used, None));
    // Exported but unused, with its `_MESSAGE` sibling as its text.
    let lost = at(&scanned, "Errors.ERROR_WIDGET_LOST");
    assert_eq!(
        (lost.used, lost.text.as_deref()),
        (Use::Unused, Some("The widget is lost"))
    );
    assert_eq!(
        at(&scanned, "WIDGET_ERROR_CODES.GONE").value,
        str_lit("ERR_WIDGET_GONE")
    );
}

#[test]
fn string_list_reads_every_code_of_the_list() {
    let scanned = scan(
        BUNDLE_CONSTANTS,
        &Scan::StringList {
            name: "WIDGET_RETRY_CODES",
        },
    );
    assert!(scanned.unread.is_empty(), "{scanned:?}");
    let codes: Vec<(&Lit, Use)> = scanned.matches.iter().map(|m| (&m.value, m.used)).collect();
    let (busy, slow) = (str_lit("ERR_WIDGET_BUSY"), str_lit("ERR_WIDGET_SLOW"));
    assert_eq!(codes, [(&busy, Use::Used), (&slow, Use::Used)]);
    let absent = scan(BUNDLE_CONSTANTS, &Scan::StringList { name: "NO_LIST" });
    assert_eq!(absent.unread, ["no `NO_LIST=[` in the file"]);
}

#[test]
fn format_sites_fill_templates_with_string_arguments() {
    let bundle = format!(
        "{BUNDLE_OBJECTS}{}{}{}",
        r#"function v(e){w.format(JSON.stringify(K.WIDGET_VALIDATION.NOT_A_STRING),"UID","UID");"#,
        r#"w.format(JSON.stringify(K.WIDGET_VALIDATION.NOT_A_STRING),e);"#,
        r#"w.format(JSON.stringify(K.WIDGET_ERRORS.BROKEN),"X")}"#,
    );
    let scanned = scan(&bundle, &Scan::FormatSites);
    let built: Vec<(&str, &Lit, Use)> = scanned
        .matches
        .iter()
        .map(|m| (m.origin.as_str(), &m.value, m.used))
        .collect();
    // The site with a run-time argument builds no known code; BROKEN has no placeholder.
    let code = str_lit("INVALID_UID");
    assert_eq!(
        built,
        [("format(WIDGET_VALIDATION.NOT_A_STRING)", &code, Use::Used)]
    );
}

/// Shaped like a TypeScript source: a typed `export const`, single quotes, comments, a trailing
/// comma, the flag before the name in one entry.
const TS_MAP: &str = r#"
export const WidgetCodes: Record<string, { name: string; retryable: boolean }> = {
  '-1': { name: 'WidgetInternalError', retryable: true },
  // the widget broke
  '7': { retryable: false, name: 'WidgetBrokenError' }, /* spare */
  '8': { name: 'WidgetStatusError', retryable: false, status: 400 },
};

export function isWidgetRetryable(code: number) {
  return WidgetCodes[`${code}`]?.retryable ?? false;
}
"#;

/// Shaped like a bundle: the map is exported (an object key, not a definition) before it is
/// defined; minified flags; a numeric key.
const BUNDLE_MAP: &str = concat!(
    r#"__export(w,{WidgetCodes:()=>WidgetCodes});var WidgetCodes={"-1":{name:"WidgetInternalError","#,
    r#"retryable:!0},9:{name:"WidgetBusyError",retryable:!1}};"#,
);

#[test]
fn keyed_map_reads_keys_names_and_retryable_flags() {
    let rule = Scan::KeyedMap {
        name: "WidgetCodes",
    };
    for text in [TS_MAP, BUNDLE_MAP] {
        let scanned = scan(text, &rule);
        assert!(scanned.unread.is_empty(), "{scanned:?}");
        let internal = at(&scanned, "WidgetCodes[-1]");
        assert_eq!(
            (
                &internal.value,
                internal.name.as_deref(),
                internal.retryable
            ),
            (&Lit::Num(-1), Some("WidgetInternalError"), Some(true))
        );
        assert_eq!(internal.member, "-1");
        assert_eq!(internal.used, Use::Used, "the map is looked up or exported");
    }
    let ts = scan(TS_MAP, &rule);
    assert_eq!(
        origins(&ts),
        ["WidgetCodes[-1]", "WidgetCodes[7]", "WidgetCodes[8]"]
    );
    let broken = at(&ts, "WidgetCodes[7]");
    assert_eq!(
        (broken.name.as_deref(), broken.retryable),
        (Some("WidgetBrokenError"), Some(false))
    );
    let bundle = scan(BUNDLE_MAP, &rule);
    let busy = at(&bundle, "WidgetCodes[9]");
    assert_eq!((&busy.value, busy.retryable), (&Lit::Num(9), Some(false)));
}

#[test]
fn keyed_map_that_is_unused_unreadable_or_absent_is_reported() {
    let rule = Scan::KeyedMap {
        name: "WidgetCodes",
    };
    let unused = scan(
        r#"const WidgetCodes = { "1": { name: "A", retryable: true } };"#,
        &rule,
    );
    assert_eq!(unused.matches[0].used, Use::Unused);
    // A value only known at run time stops the reader: what came before is kept.
    let odd = TS_MAP.replace("name: 'WidgetBrokenError'", "name: widgetName()");
    let scanned = scan(&odd, &rule);
    assert_eq!(origins(&scanned), ["WidgetCodes[-1]"]);
    assert_eq!(scanned.unread.len(), 1);
    assert!(
        scanned.unread[0].starts_with("WidgetCodes: '7': { retryable: false"),
        "{:?}",
        scanned.unread
    );
    let absent = scan(TS_MAP, &Scan::KeyedMap { name: "Codes" });
    assert_eq!(absent.unread, ["no `Codes = {` in the file"]);
    let compared = scan("if (WidgetCodes === x) {}", &rule);
    assert_eq!(compared.unread, ["no `WidgetCodes = {` in the file"]);
}

/// Shaped like a declaration file's exported enum of six-digit codes.
const DTS_EXPORTED: &str = r#"
export declare enum WidgetErrorCode {
  WIDGET_DENIED = 400108,
  WIDGET_TIMEOUT = 800180,
}
"#;

#[test]
fn dts_enum_reads_an_exported_declared_enum() {
    let scanned = scan(
        DTS_EXPORTED,
        &Scan::DtsEnum {
            name: "WidgetErrorCode",
        },
    );
    assert!(scanned.unread.is_empty(), "{scanned:?}");
    let values: Vec<(&str, &Lit)> = scanned
        .matches
        .iter()
        .map(|m| (m.member.as_str(), &m.value))
        .collect();
    assert_eq!(
        values,
        [
            ("WIDGET_DENIED", &Lit::Num(400108)),
            ("WIDGET_TIMEOUT", &Lit::Num(800180))
        ]
    );
}
