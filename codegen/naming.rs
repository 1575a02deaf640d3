//! Naming rules shared by the validator and the writers: Rust variant names, which strings are
//! vendor codes or symbolic names, and Markdown escaping for generated docs.

/// The placeholder that makes a string code a pattern (`INVALID_{param}`).
pub const PARAM: &str = "{param}";

/// Derives the variant name from a code or symbolic name: `ERR_UID_NOT_FOUND` -> `ErrUidNotFound`,
/// `INVALID_{param}` -> `InvalidParam`, `illegal_argument` -> `IllegalArgument`; a name in camel
/// case keeps its humps (`InputError`, `timerWasExpired` -> `TimerWasExpired`).
pub fn variant_name(code: &str) -> String {
    let camel = !code.contains(['_', ' '])
        && code.chars().any(|c| c.is_ascii_lowercase())
        && code.chars().any(|c| c.is_ascii_uppercase());
    if camel {
        let mut chars = code.chars();
        return chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        });
    }
    code.split(['_', ' '])
        .filter(|part| !part.is_empty())
        .map(|part| {
            let part = if part == PARAM { "PARAM" } else { part };
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect()
}

const KEYWORDS: [&str; 51] = [
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
];

/// Whether `name` can be a Rust variant identifier.
pub fn valid_ident(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric())
        && !KEYWORDS.contains(&name)
}

/// Vendor codes are ASCII letters, digits and `_` with at least one upper-case letter; lower
/// case is allowed only because vendors misspell (`INVALID_UIDs`), and is kept as sent.
pub fn is_code_string(code: &str) -> bool {
    let plain = code.replacen(PARAM, "P", 1);
    plain.chars().any(|c| c.is_ascii_uppercase())
        && plain.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A vendor's symbolic name: `GROUP_NOT_EXIST`, `AgoraChatErrorGeneral`, `inputError`, or a
/// documented name with single spaces (`Message Moderation Failed`).
pub fn is_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && !name.ends_with(' ')
        && !name.contains("  ")
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ' ')
}

/// Escapes Markdown so that vendor text shows literally in rustdoc.
pub fn escape_markdown(text: &str) -> String {
    const PLAIN: &str = ".,:;?!'\"/()-=%@&+";
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() && !PLAIN.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
