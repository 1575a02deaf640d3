//! Reading JavaScript bundles and TypeScript declarations as text: bytes, identifiers, member
//! chains, string literals and the few kinds of value that error tables hold.
//!
//! Nothing here parses JavaScript: the scanners look for known shapes in minified text, and
//! these helpers read one token or value at a byte offset.

use std::str::CharIndices;

/// A literal value: what a constant, enum member or error field holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lit {
    /// A string literal, decoded; a concatenation `"a"+x+"b"` reads as `a%sb`.
    Str(String),
    /// An integer literal.
    Num(i64),
}

impl Lit {
    /// The string, if this is one and it is not empty.
    pub fn into_text(self) -> Option<String> {
        match self {
            Lit::Str(s) if !s.is_empty() => Some(s),
            _ => None,
        }
    }
}

/// Whether `b` can be part of a JavaScript identifier.
pub fn ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// The byte at `i`, or 0 past the end.
pub fn byte(s: &str, i: usize) -> u8 {
    s.as_bytes().get(i).copied().unwrap_or(0)
}

/// The end of the run of bytes from `i` that satisfy `f`.
pub fn run_end(s: &str, i: usize, f: impl Fn(u8) -> bool) -> usize {
    i + s.as_bytes().iter().skip(i).take_while(|&&b| f(b)).count()
}

/// `s[a..b]`, or `""` if that is not a slice of `s`.
pub fn slice(s: &str, a: usize, b: usize) -> &str {
    s.get(a..b).unwrap_or_default()
}

/// The member chain (`a.b.c`) that ends at `i`.
pub fn chain(s: &str, i: usize) -> &str {
    let is_chain = |c: char| c.is_ascii_alphanumeric() || "_$.".contains(c);
    let rest = slice(s, 0, i).trim_end_matches(is_chain);
    slice(s, rest.len(), i)
}

/// The positions of `.name` in `s` as a whole member name (not a prefix of a longer one).
pub fn members(s: &str, name: &str) -> Vec<usize> {
    let dotted = format!(".{name}");
    let hits = s.match_indices(&dotted).map(|(i, _)| i);
    let whole = |i: &usize| !ident(byte(s, i + 1 + name.len()));
    hits.filter(whole).collect()
}

/// How often `name` occurs in `s` as a whole identifier.
pub fn occurrences(s: &str, name: &str) -> usize {
    let whole = |i: &usize| !ident(byte(s, i.wrapping_sub(1))) && !ident(byte(s, i + name.len()));
    s.match_indices(name).map(|(i, _)| i).filter(whole).count()
}

/// Whether `s` looks like an error code rather than a sentence: ASCII letters, digits, `_` and
/// `%s` placeholders, starting with an upper-case letter, more upper-case than lower-case
/// letters (`ERR_NO_AUTH`, `INVALID_UIDs`, `INVALID_%s`; not `Password`).
pub fn is_code(s: &str) -> bool {
    let plain = s.replace("%s", "");
    let count = |f: fn(&u8) -> bool| plain.bytes().filter(f).count();
    let allowed = plain
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    let upper = count(u8::is_ascii_uppercase);
    let starts = s.starts_with("%s") || byte(s, 0).is_ascii_uppercase();
    allowed && starts && upper > count(u8::is_ascii_lowercase)
}

/// A JavaScript string literal (double or single quotes) at `i`, decoded, and its end.
pub fn string_lit(s: &str, i: usize) -> Option<(String, usize)> {
    let quote = char::from(byte(s, i));
    if quote != '"' && quote != '\'' {
        return None;
    }
    let start = i + 1;
    let mut chars = s.get(start..)?.char_indices();
    let mut text = String::new();
    while let Some((k, c)) = chars.next() {
        match c {
            '\\' => text.push(escape(&mut chars)?),
            '\n' | '\r' => return None,
            c if c == quote => return Some((text, start + k + 1)),
            c => text.push(c),
        }
    }
    None
}

/// The character an escape stands for (its backslash already read); a `\uD83D\uDE00` pair is
/// one character, a lone surrogate U+FFFD.
fn escape(chars: &mut CharIndices<'_>) -> Option<char> {
    let (_, c) = chars.next()?;
    let code = match c {
        'n' => 0x0a,
        't' => 0x09,
        'r' => 0x0d,
        'b' => 0x08,
        'f' => 0x0c,
        'v' => 0x0b,
        '0' => 0,
        'x' => hex(chars, 2)?,
        'u' => hex(chars, 4)?,
        c => return Some(c),
    };
    if (0xd800..0xdc00).contains(&code) {
        let mut ahead = chars.clone();
        let escaped = ahead.next().map(|(_, c)| c) == Some('\\');
        let u = ahead.next().map(|(_, c)| c) == Some('u');
        let low = hex(&mut ahead, 4).filter(|l| escaped && u && (0xdc00..0xe000).contains(l));
        if let Some(low) = low {
            *chars = ahead;
            return char::from_u32(0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00));
        }
    }
    Some(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
}

/// `n` hexadecimal digits as a number.
fn hex(chars: &mut CharIndices<'_>, n: usize) -> Option<u32> {
    (0..n).try_fold(0, |acc, _| Some(acc * 16 + chars.next()?.1.to_digit(16)?))
}

/// A string literal at `i` followed by any `+x+"more"` (each `x` read as `%s`), and its end.
fn concatenation(s: &str, i: usize) -> Option<(String, usize)> {
    let (mut text, mut end) = string_lit(s, i)?;
    while byte(s, end) == b'+' && ident(byte(s, end + 1)) && !byte(s, end + 1).is_ascii_digit() {
        let id_end = run_end(s, end + 1, |b| ident(b) || b == b'.');
        let more = string_lit(s, id_end + 1).filter(|_| byte(s, id_end) == b'+');
        let Some((more, e)) = more else { break };
        (text, end) = (format!("{text}%s{more}"), e);
    }
    Some((text, end))
}

/// A value at `i` and its end: a string (see [`Lit::Str`]) or an integer; or, as `None`, a
/// value this reader does not evaluate: `{}`, `void 0` or a (dotted) identifier, i.e. a value
/// only known at run time. `None` overall if nothing readable starts at `i`.
pub fn value(s: &str, i: usize) -> Option<(Option<Lit>, usize)> {
    if let Some((text, end)) = concatenation(s, i) {
        return Some((Some(Lit::Str(text)), end));
    }
    if byte(s, i) == b'-' || byte(s, i).is_ascii_digit() {
        let end = run_end(s, i + 1, |b| b.is_ascii_digit());
        return Some((slice(s, i, end).parse().ok().map(Lit::Num), end));
    }
    let rest = s.get(i..)?;
    if let Some(n) = ["{}", "void 0"].into_iter().find(|p| rest.starts_with(p)) {
        return Some((None, i + n.len()));
    }
    let end = run_end(s, i, |b| ident(b) || b == b'.');
    (end > i).then_some((None, end))
}

/// The position after the whitespace and comments (`// …`, `/* … */`) from `i`.
pub fn skip_space(s: &str, mut i: usize) -> usize {
    loop {
        i = run_end(s, i, |b| b.is_ascii_whitespace());
        let rest = slice(s, i, s.len());
        let comment_end = if rest.starts_with("//") {
            rest.find('\n').unwrap_or(rest.len())
        } else if rest.starts_with("/*") {
            match rest.get(2..).and_then(|r| r.find("*/")) {
                Some(end) => end + 4,
                None => rest.len(),
            }
        } else {
            return i;
        };
        i += comment_end;
    }
}

/// A boolean literal at `i` and its end: `true`, `false`, or a minifier's `!0` and `!1`.
pub fn bool_lit(s: &str, i: usize) -> Option<(bool, usize)> {
    let rest = slice(s, i, s.len());
    let found = [
        ("true", true),
        ("false", false),
        ("!0", true),
        ("!1", false),
    ]
    .into_iter()
    .find(|(word, _)| rest.starts_with(word))?;
    let end = i + found.0.len();
    (!ident(byte(s, end))).then_some((found.1, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals_decode_escapes_in_either_quote() {
        let s = r#"x="a\"b\u00e9\n",y='it\'s \ud83d\ude00'"#;
        let comma = s.find(',').unwrap_or_default();
        assert_eq!(string_lit(s, 2), Some(("a\"bé\n".to_owned(), comma)));
        let single = s.find('\'').unwrap_or_default();
        assert_eq!(string_lit(s, single), Some(("it's 😀".to_owned(), s.len())));
        assert_eq!(
            string_lit(r#""\ud83d""#, 0).map(|(t, _)| t),
            Some("\u{fffd}".into())
        );
        assert_eq!(string_lit(r#""open"#, 0), None);
    }

    #[test]
    fn values_are_strings_numbers_or_runtime() {
        let s = r#"{code:"ERR_"+e+"_X",n:-12,d:{},v:void 0,r:a.b.c}"#;
        let at = |key: &str| s.find(key).map(|i| i + key.len()).unwrap_or_default();
        assert_eq!(
            value(s, at("code:")).map(|v| v.0),
            Some(Some(Lit::Str("ERR_%s_X".into())))
        );
        assert_eq!(value(s, at("n:")).map(|v| v.0), Some(Some(Lit::Num(-12))));
        assert_eq!(value(s, at("d:")), Some((None, at("d:") + 2)));
        assert_eq!(value(s, at("v:")).map(|v| v.0), Some(None));
        assert_eq!(value(s, at("r:")), Some((None, s.len() - 1)));
        assert_eq!(value(s, s.len() - 1), None);
    }

    #[test]
    fn codes_are_told_from_sentences() {
        for code in [
            "ERR_NO_AUTH",
            "INVALID_UIDs",
            "INVALID_%s",
            "%s_NOT_PROVIDED",
            "X1",
        ] {
            assert!(is_code(code), "{code}");
        }
        for text in ["Password", "Something went wrong", "sent", "", "%s", "_X"] {
            assert!(!is_code(text), "{text}");
        }
    }

    #[test]
    fn space_comments_and_booleans() {
        let s = "a /* x */ // y\n\t b";
        assert_eq!(skip_space(s, 1), s.len() - 1);
        assert_eq!(skip_space("/* open", 0), 7);
        assert_eq!(bool_lit("true,", 0), Some((true, 4)));
        assert_eq!(bool_lit("!1}", 0), Some((false, 2)));
        assert_eq!(bool_lit("falsey", 0), None);
        assert_eq!(bool_lit("!0x", 0), None);
    }

    #[test]
    fn chains_members_and_occurrences() {
        let s = "if(n===K.Errors.ERR_NO_AUTH)x.ERR_NO_AUTH_MORE;ERR";
        let i = s.find(".ERR_NO_AUTH)").unwrap_or_default();
        assert_eq!(members(s, "ERR_NO_AUTH"), [i]);
        assert_eq!(chain(s, i), "K.Errors");
        assert_eq!(occurrences(s, "ERR"), 1);
        assert_eq!(occurrences(s, "Errors"), 1);
    }
}
