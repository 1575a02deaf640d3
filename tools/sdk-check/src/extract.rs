//! Text scanning: finds what one [`Scan`] of the rule table looks for in one file's text.
//!
//! Each scanner returns [`Match`]es (a value and where it was defined) and the places it
//! recognised but could not read, so that nothing is dropped without a word.

use crate::js::{self, Lit, byte, chain, ident, run_end, skip_space, slice};
use crate::rules::Scan;

/// Whether the package uses a code, as far as text scanning tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Use {
    /// Defined (a constant or enum member) but nothing in the package refers to it.
    Unused,
    /// Declared in a type definition; whether the code raises it is not checked.
    Declared,
    /// Thrown, raised, compared or looked up: the package refers to it beyond its definition.
    Used,
}

impl Use {
    /// How the report shows it.
    pub fn label(self) -> &'static str {
        match self {
            Use::Unused => "defined, not raised",
            Use::Declared => "declared",
            Use::Used => "raised",
        }
    }
}

/// One value a scan found: an enum member, a constant, an error object or a built code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// Where: `Enum.MEMBER`, `GROUP.KEY`, `LIST`, `format(GROUP.KEY)` or `inline @offset`.
    pub origin: String,
    /// The enum member or object key that holds the value (`""` for inline objects).
    pub member: String,
    /// The value: an error object's `code`, a constant's string, an enum member's value, a
    /// map's key (a number where it reads as one).
    pub value: Lit,
    /// An error object's or a map entry's `name`.
    pub name: Option<String>,
    /// The text that goes with it: a message, a `KEY_MESSAGE` constant or a doc comment.
    pub text: Option<String>,
    /// Whether the package uses it.
    pub used: Use,
    /// A map entry's `retryable` flag.
    pub retryable: Option<bool>,
}

/// What one scan of one file found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scanned {
    /// The values found.
    pub matches: Vec<Match>,
    /// Places the scan recognised but could not read, for the report.
    pub unread: Vec<String>,
}

/// Scans `text` (one file) for what `scan` looks for.
pub fn scan(text: &str, scan: &Scan) -> Scanned {
    match *scan {
        Scan::DtsEnum { name } => dts_enum(text, name),
        Scan::JsEnum {
            name,
            first,
            raised_after,
        } => js_enum(text, name, first, raised_after),
        Scan::ErrorObjects => error_objects(text),
        Scan::StringConstants { group_contains } => string_constants(text, group_contains),
        Scan::StringList { name } => string_list(text, name),
        Scan::FormatSites => format_sites(text),
        Scan::KeyedMap { name } => keyed_map(text, name),
    }
}

/// What a scan reports when the shape it looks for is not in the file at all.
fn absent(what: String) -> Scanned {
    Scanned {
        matches: Vec::new(),
        unread: vec![format!("no {what} in the file")],
    }
}

/// Whether the constant `path` is referred to: `GROUP.KEY` where a member chain that contains
/// `GROUP` ends in `.KEY` (`x.GROUP.KEY`, `x.GROUP.ERRORS.KEY`; the definition `GROUP={KEY:` is
/// no such chain), a single `NAME` where it occurs more than once.
pub fn referenced(text: &str, path: &str) -> bool {
    match path.split_once('.') {
        Some((group, key)) => {
            let in_group = |i: usize| chain(text, i).split('.').any(|g| g == group);
            js::members(text, key).into_iter().any(in_group)
        }
        None => js::occurrences(text, path) > 1,
    }
}

/// [`Use::Used`] if `used`, else [`Use::Unused`].
fn use_of(used: bool) -> Use {
    if used { Use::Used } else { Use::Unused }
}

// ---------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------

/// The lines of `enum NAME {` up to the closing `}` line, if the file declares it.
fn dts_enum_lines<'a>(text: &'a str, name: &str) -> Option<impl Iterator<Item = &'a str>> {
    let head = format!("enum {name}");
    let at = text
        .match_indices(&head)
        .map(|(i, _)| i + head.len())
        .find(|&end| {
            let start = end - head.len();
            let rest = slice(text, end, text.len()).trim_start();
            !ident(byte(text, start.wrapping_sub(1))) && rest.starts_with('{')
        })?;
    let body = slice(text, at, text.len()).split_once('{')?.1;
    Some(
        body.lines()
            .map(str::trim)
            .take_while(|l| !l.starts_with('}')),
    )
}

/// TypeScript `enum NAME` in a declaration file: members `A = 1,` (or `A,`: the previous value
/// plus one, as TypeScript numbers them), each with the doc comment above it as its text.
fn dts_enum(text: &str, name: &str) -> Scanned {
    let Some(lines) = dts_enum_lines(text, name) else {
        return absent(format!("`enum {name} {{`"));
    };
    let (mut scanned, mut doc, mut next) = (Scanned::default(), Vec::new(), 0);
    for line in lines.filter(|l| !l.is_empty() && !l.starts_with("//")) {
        if line.starts_with("/*") || line.starts_with('*') {
            let words = line.trim_start_matches("/*").trim_end_matches("*/");
            let words = words.trim_start_matches('*').split_whitespace();
            doc.extend(words.filter(|w| !w.starts_with('@')).map(str::to_owned));
            continue;
        }
        let Some((member, value)) = dts_member(line, next) else {
            scanned.unread.push(format!("enum {name}: {line}"));
            continue;
        };
        next = if let Lit::Num(n) = value { n + 1 } else { next };
        let text = Some(doc.join(" ")).filter(|t| !t.is_empty());
        let origin = format!("{name}.{member}");
        let used = Use::Declared;
        scanned.matches.push(Match {
            origin,
            member,
            value,
            name: None,
            text,
            used,
            retryable: None,
        });
        doc.clear();
    }
    scanned
}

/// One enum member line, `A = 1,` or `A,` (then worth `next`).
fn dts_member(line: &str, next: i64) -> Option<(String, Lit)> {
    let end = run_end(line, 0, ident);
    let member = slice(line, 0, end).to_owned();
    let rest = slice(line, end, line.len()).trim_start();
    let ends = |s: &str| s.is_empty() || s.starts_with([',', '/']);
    let value = match rest.strip_prefix('=').map(str::trim_start) {
        Some(v) => {
            let (value, end) = js::value(v, 0)?;
            ends(slice(v, end, v.len()).trim_start()).then_some(value?)?
        }
        None => ends(rest).then_some(Lit::Num(next))?,
    };
    (!member.is_empty()).then_some((member, value))
}

/// Where the compiled enum that has the member `first` starts (after its function's `{`).
fn js_enum_start(text: &str, first: &str) -> Option<usize> {
    let head = format!(".{first}=");
    text.match_indices(&head).find_map(|(i, _)| {
        let object = chain(text, i);
        let before = byte(text, (i - object.len()).wrapping_sub(1));
        let member = before == b'[' || before == b'{' || before == b',';
        let open = slice(text, 0, i).rfind('{')?;
        (member && !object.is_empty()).then_some(open + 1)
    })
}

/// A compiled TypeScript enum in a bundle (see [`Scan::JsEnum`]).
fn js_enum(text: &str, name: &str, first: &str, raised_after: &str) -> Scanned {
    let parsed = js_enum_start(text, first).map(|start| (start, js_enum_members(text, start)));
    let found = parsed.filter(|(_, (members, _))| members.iter().any(|(m, _)| m == first));
    let Some((start, (members, end))) = found else {
        return absent(format!("compiled enum {name} with member {first}"));
    };
    let raised = |member: &str| {
        let outside = |i: &usize| *i < start || *i >= end;
        let mut hits = js::members(text, member).into_iter().filter(outside);
        hits.any(|i| slice(text, 0, i - chain(text, i).len()).ends_with(raised_after))
    };
    let matches = members.into_iter().map(|(member, value)| Match {
        origin: format!("{name}.{member}"),
        used: use_of(raised(&member)),
        member,
        value,
        name: None,
        text: None,
        retryable: None,
    });
    let rest = (byte(text, end) != b'}').then(|| format!("enum {name}: {}", excerpt(text, end)));
    Scanned {
        matches: matches.collect(),
        unread: rest.into_iter().collect(),
    }
}

/// The members of the compiled enum from `i`, separated by commas, and where they end.
fn js_enum_members(text: &str, mut i: usize) -> (Vec<(String, Lit)>, usize) {
    let mut members = Vec::new();
    while let Some((member, value, end)) = js_enum_member(text, i) {
        members.push((member, value));
        if byte(text, end) != b',' {
            return (members, end);
        }
        i = end + 1;
    }
    (members, i)
}

/// One compiled member at `i`: `e[e.NAME=1]="NAME"` (a number) or `e.NAME="v"` (a string).
fn js_enum_member(text: &str, i: usize) -> Option<(String, Lit, usize)> {
    let object_end = run_end(text, i, ident);
    let numeric = byte(text, object_end) == b'[';
    let j = if numeric {
        run_end(text, object_end + 1, ident)
    } else {
        object_end
    };
    let name_end = run_end(text, j + 1, ident);
    let member = slice(text, j + 1, name_end);
    if byte(text, j) != b'.' || member.is_empty() || byte(text, name_end) != b'=' {
        return None;
    }
    let (value, mut end) = js::value(text, name_end + 1)?;
    if numeric {
        let closes = byte(text, end) == b']' && byte(text, end + 1) == b'=';
        end = js::string_lit(text, end + 2).filter(|_| closes)?.1;
    }
    Some((member.to_owned(), value?, end))
}

// ---------------------------------------------------------------------------------------------
// Error objects and constants
// ---------------------------------------------------------------------------------------------

/// Every error object `{code:…}` of the bundle (see [`Scan::ErrorObjects`]).
fn error_objects(text: &str) -> Scanned {
    let mut scanned = Scanned::default();
    for (i, _) in text.match_indices("{code:") {
        match error_object(text, i) {
            Some(Some(m)) => scanned.matches.push(m),
            Some(None) => {} // a code only known at run time (`{code:e.code,…}`): not a code
            None => scanned
                .unread
                .push(format!("{{code:…}} @{i}: {}", excerpt(text, i))),
        }
    }
    scanned
}

/// A few characters from `i`, for the report.
fn excerpt(text: &str, i: usize) -> &str {
    let end = (i + 60..text.len().min(i + 64)).find(|&e| text.is_char_boundary(e));
    slice(text, i, end.unwrap_or(text.len()))
}

/// The error object at `i`: `Some(None)` if its code is a run-time value (`{code:e.code,…}`),
/// `None` if its code is a literal but the object is not one this scanner reads.
fn error_object(text: &str, i: usize) -> Option<Option<Match>> {
    let (code, mut j) = js::value(text, i + "{code:".len())?;
    let Some(value) = code else { return Some(None) };
    let (mut name, mut message) = (None, None);
    while byte(text, j) == b',' {
        let rest = slice(text, j + 1, text.len());
        let key = ["name:", "message:", "details:"]
            .into_iter()
            .find(|k| rest.starts_with(k))?;
        let (v, end) = js::value(text, j + 1 + key.len())?;
        let v = v.and_then(Lit::into_text);
        (name, message) = match key {
            "name:" => (v, message),
            "message:" => (name, v),
            _ => (name, message),
        };
        j = end;
    }
    if byte(text, j) != b'}' {
        return None;
    }
    let path = object_path(text, i);
    let used = path.as_ref().is_none_or(|(p, _)| referenced(text, p));
    let (origin, member) = path.unwrap_or_else(|| (format!("inline @{i}"), String::new()));
    let (used, text) = (use_of(used), message);
    Some(Some(Match {
        origin,
        member,
        value,
        name,
        text,
        used,
        retryable: None,
    }))
}

/// The constant `GROUP.KEY` (and `KEY`) that holds the object at `i`: the key from `KEY:{` or
/// `KEY:new X.Y({`, the group from [`group_before`].
fn object_path(text: &str, i: usize) -> Option<(String, String)> {
    let before = slice(text, 0, i);
    let constructed = before.strip_suffix('(').and_then(|b| {
        let callee = chain(b, b.len());
        b.strip_suffix(callee)
            .filter(|_| !callee.is_empty())?
            .strip_suffix("new ")
    });
    let head = constructed.unwrap_or(before).strip_suffix(':')?;
    let key = chain(head, head.len());
    let group = group_before(text, i).filter(|_| !key.is_empty() && !key.contains('.'))?;
    Some((format!("{group}.{key}"), key.to_owned()))
}

/// The constant group `x.GROUP={` that position `i` lies in: the last one before `i`, unless
/// a `function` lies in between (then `i` is in code, not in a constant).
fn group_before(text: &str, i: usize) -> Option<&str> {
    let mut end = i;
    loop {
        let k = slice(text, 0, end).rfind("={")?;
        if let Some(group) = group_name(text, k) {
            return (!slice(text, k, i).contains("function")).then_some(group);
        }
        end = k;
    }
}

/// The group whose `={` is at `k`, if the chain before it is `x.GROUP`.
fn group_name(text: &str, k: usize) -> Option<&str> {
    let (object, group) = chain(text, k).split_once('.')?;
    let valid = |s: &str| !s.is_empty() && !s.contains('.') && !byte(s, 0).is_ascii_digit();
    (valid(object) && valid(group)).then_some(group)
}

/// Every group `x.GROUP={`: its name and where its body starts.
fn groups(text: &str) -> impl Iterator<Item = (&str, usize)> {
    let found = text
        .match_indices("={")
        .map(|(k, _)| (group_name(text, k), k + 2));
    found.filter_map(|(group, body)| Some((group?, body)))
}

/// The `KEY:value` pairs of the object body at `i`, up to the first it cannot read.
fn object_pairs(text: &str, mut i: usize) -> Vec<(String, Option<Lit>)> {
    let mut pairs = Vec::new();
    loop {
        let quoted = js::string_lit(text, i);
        let key_end = quoted
            .as_ref()
            .map_or_else(|| run_end(text, i, ident), |q| q.1);
        let key = quoted.map_or_else(|| slice(text, i, key_end).to_owned(), |q| q.0);
        let colon = byte(text, key_end) == b':' && !key.is_empty();
        let Some((value, end)) = js::value(text, key_end + 1).filter(|_| colon) else {
            return pairs;
        };
        pairs.push((key, value));
        if byte(text, end) != b',' {
            return pairs;
        }
        i = end + 1;
    }
}

/// Bare string codes in groups whose name contains `contains` (see [`Scan::StringConstants`]).
fn string_constants(text: &str, contains: &str) -> Scanned {
    let selected = |(group, _): &(&str, usize)| group.to_ascii_lowercase().contains(contains);
    let mut matches = Vec::new();
    for (group, body) in groups(text).filter(selected) {
        let pairs = object_pairs(text, body);
        let message_of = |key: &str| {
            let message = format!("{key}_MESSAGE");
            let found = pairs.iter().find(|(k, _)| *k == message);
            found.and_then(|(_, v)| v.clone()?.into_text())
        };
        for (key, value) in &pairs {
            let Some(Lit::Str(code)) = value else {
                continue;
            };
            if key.ends_with("_MESSAGE") || !js::is_code(code) {
                continue;
            }
            let origin = format!("{group}.{key}");
            let used = use_of(referenced(text, &origin));
            let (member, value, message) = (key.clone(), Lit::Str(code.clone()), message_of(key));
            matches.push(Match {
                origin,
                member,
                value,
                name: None,
                text: message,
                used,
                retryable: None,
            });
        }
    }
    Scanned {
        matches,
        unread: Vec::new(),
    }
}

/// The string codes of the list `NAME=[…]` (see [`Scan::StringList`]).
fn string_list(text: &str, name: &str) -> Scanned {
    let head = format!("{name}=[");
    let Some(at) = text.find(&head).map(|i| i + head.len()) else {
        return absent(format!("`{name}=[`"));
    };
    let (mut scanned, mut i) = (Scanned::default(), at);
    let used = use_of(referenced(text, name));
    while let Some((code, end)) = js::string_lit(text, i) {
        let (origin, member, value) = (name.to_owned(), String::new(), Lit::Str(code));
        scanned.matches.push(Match {
            origin,
            member,
            value,
            name: None,
            text: None,
            used,
            retryable: None,
        });
        i = end + usize::from(byte(text, end) == b',');
    }
    if byte(text, i) != b']' {
        scanned.unread.push(format!("{name}: {}", excerpt(text, i)));
    }
    scanned
}

// ---------------------------------------------------------------------------------------------
// Codes built at run time
// ---------------------------------------------------------------------------------------------

/// Codes built at `format(JSON.stringify(x.GROUP.KEY),…)` call sites (see [`Scan::FormatSites`]).
fn format_sites(text: &str) -> Scanned {
    let templates = error_objects(text).matches.into_iter();
    let is_template = |m: &Match| matches!(&m.value, Lit::Str(c) if c.contains("%s"));
    let templates: Vec<Match> = templates.filter(is_template).collect();
    let mut scanned = Scanned::default();
    for (i, _) in text.match_indices("JSON.stringify(") {
        scanned.matches.extend(format_site(text, i, &templates));
    }
    scanned
}

/// The code built at the call site at `i`: the `%s` of the template's code take the string
/// arguments in order (missing ones are empty); an argument that is not a string literal makes
/// the code a run-time value (`None`).
fn format_site(text: &str, i: usize, templates: &[Match]) -> Option<Match> {
    let start = i + "JSON.stringify(".len();
    let path_end = run_end(text, start, |b| ident(b) || b == b'.');
    let path = slice(text, start, path_end).split_once('.')?.1;
    let template = templates
        .iter()
        .find(|t| t.origin == path && byte(text, path_end) == b')')?;
    let (mut args, mut j) = (Vec::new(), path_end + 1);
    while byte(text, j) == b',' {
        let (arg, end) = js::value(text, j + 1)?;
        args.push(arg.and_then(|a| if let Lit::Str(s) = a { Some(s) } else { None }));
        j = end;
    }
    let Lit::Str(code) = &template.value else {
        return None;
    };
    let code = fill(code, &args).filter(|_| byte(text, j) == b')' && !args.is_empty())?;
    let (origin, member, value) = (format!("format({path})"), String::new(), Lit::Str(code));
    Some(Match {
        origin,
        member,
        value,
        name: None,
        text: None,
        used: Use::Used,
        retryable: None,
    })
}

/// `template` with each `%s` replaced by the next argument.
fn fill(template: &str, args: &[Option<String>]) -> Option<String> {
    let mut parts = template.split("%s");
    let mut code = parts.next().unwrap_or_default().to_owned();
    for (n, part) in parts.enumerate() {
        code = code + args.get(n).map_or(Some(""), Option::as_deref)? + part;
    }
    Some(code)
}

// ---------------------------------------------------------------------------------------------
// Keyed maps
// ---------------------------------------------------------------------------------------------

/// A field value of a map entry: a literal or a boolean.
enum Field {
    /// A string or an integer.
    Lit(Lit),
    /// `true`, `false`, `!0`, `!1`.
    Bool(bool),
}

/// The fields of a map entry, `field: value`, in order.
type Fields = Vec<(String, Field)>;

/// The entries of the map `NAME = {…}` (see [`Scan::KeyedMap`]), up to the first it cannot read.
fn keyed_map(text: &str, name: &str) -> Scanned {
    let Some(mut i) = keyed_map_start(text, name) else {
        return absent(format!("`{name} = {{`"));
    };
    let (mut scanned, used) = (Scanned::default(), use_of(referenced(text, name)));
    loop {
        i = skip_space(text, i);
        if byte(text, i) == b'}' {
            return scanned;
        }
        let Some((key, fields, end)) = map_entry(text, i) else {
            scanned.unread.push(format!("{name}: {}", excerpt(text, i)));
            return scanned;
        };
        let field = |k: &str| fields.iter().find(|(f, _)| f == k).map(|(_, v)| v);
        let name_field = match field("name") {
            Some(Field::Lit(Lit::Str(s))) => Some(s.clone()),
            _ => None,
        };
        let retryable = match field("retryable") {
            Some(Field::Bool(b)) => Some(*b),
            _ => None,
        };
        let value = key.parse().map_or_else(|_| Lit::Str(key.clone()), Lit::Num);
        scanned.matches.push(Match {
            origin: format!("{name}[{key}]"),
            member: key,
            value,
            name: name_field,
            text: None,
            used,
            retryable,
        });
        i = skip_space(text, end);
        match byte(text, i) {
            b',' => i += 1,
            b'}' => return scanned,
            _ => {
                scanned.unread.push(format!("{name}: {}", excerpt(text, i)));
                return scanned;
            }
        }
    }
}

/// Where the object of the definition `NAME = {` or `NAME: Type = {` starts (after its `{`).
fn keyed_map_start(text: &str, name: &str) -> Option<usize> {
    text.match_indices(name).find_map(|(i, _)| {
        let end = i + name.len();
        let whole = !ident(byte(text, i.wrapping_sub(1))) && !ident(byte(text, end));
        let mut j = skip_space(text, end);
        if whole && byte(text, j) == b':' {
            j = annotation_end(text, j + 1)?;
        }
        let assigns = byte(text, j) == b'=' && !matches!(byte(text, j + 1), b'=' | b'>');
        let open = skip_space(text, j + 1);
        (whole && assigns && byte(text, open) == b'{').then_some(open + 1)
    })
}

/// The `=` that ends the type annotation from `i` (`Record<string, { a: T; b: U }> =`): the
/// first `=` outside brackets that is not `==` or `=>`; `None` where the annotation ends first
/// (a `,`, `;` or closing bracket outside brackets: an object key, not a definition).
fn annotation_end(text: &str, mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    while i < text.len() {
        match byte(text, i) {
            b'=' if matches!(byte(text, i + 1), b'=' | b'>') => i += 1,
            b'=' if depth == 0 => return Some(i),
            b'<' | b'{' | b'(' | b'[' => depth += 1,
            b'>' | b'}' | b')' | b']' => depth = depth.checked_sub(1)?,
            b',' | b';' if depth == 0 => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// One map entry at `i`, `'KEY': { field: value, … }`, as its key, its fields and its end.
fn map_entry(text: &str, i: usize) -> Option<(String, Fields, usize)> {
    let (key, j) = map_key(text, i)?;
    let mut j = expect(text, expect(text, j, b':')?, b'{')?;
    let mut fields = Vec::new();
    loop {
        j = skip_space(text, j);
        if byte(text, j) == b'}' {
            return Some((key, fields, j + 1));
        }
        let (field, k) = map_key(text, j)?;
        let k = skip_space(text, expect(text, k, b':')?);
        let (value, end) = match js::bool_lit(text, k) {
            Some((flag, end)) => (Field::Bool(flag), end),
            None => {
                let (lit, end) = js::value(text, k)?;
                (Field::Lit(lit?), end)
            }
        };
        fields.push((field, value));
        j = skip_space(text, end);
        match byte(text, j) {
            b',' => j += 1,
            b'}' => {}
            _ => return None,
        }
    }
}

/// A key at `i`: a string literal, an integer or an identifier, and its end.
fn map_key(text: &str, i: usize) -> Option<(String, usize)> {
    if let Some(quoted) = js::string_lit(text, i) {
        return Some(quoted);
    }
    let sign = usize::from(byte(text, i) == b'-');
    let end = run_end(text, i + sign, ident);
    (end > i + sign).then(|| (slice(text, i, end).to_owned(), end))
}

/// The position after the byte `b`, which must come next (after whitespace and comments).
fn expect(text: &str, i: usize, b: u8) -> Option<usize> {
    let i = skip_space(text, i);
    (byte(text, i) == b).then_some(i + 1)
}
