//! The `ChatError` enum: one variant per entry, each with rustdoc built from its data row
//! (code, messages by section, description, names, notes, classification and source).

use crate::codegen::model::{Entry, Table};
use crate::codegen::naming::escape_markdown;
use crate::codegen::output::Output;

/// Writes the enum and the strum traits that name every variant (`EnumCount`, `VariantArray`).
pub fn make_enum(out: &mut Output, table: &Table, repr: &str) {
    let title = escape_markdown(&table.title);
    out.doc("", &format!("{title}: every error code of this table."));
    out.doc("", "");
    let source = escape_markdown(&table.source);
    out.doc("", &format!("Source: {source}, <{}>.", table.url));
    out.doc("", "");
    out.doc(
        "",
        "The enum is deliberately not `#[non_exhaustive]`: match it without a wildcard arm and the compiler tells you when a vendor code is added.",
    );
    // Only rustc's built-in derives, whose expansion does not grow with the variant count.
    // `Debug`, `Display`/`Error`, `IntoStaticStr` and `IntoEnumIterator` are written once by
    // `impl_table!` as lookups in the metadata, and strum's `EnumCount` and `VariantArray` below:
    // derived, each is one `match` arm per variant (rustc's memory grew faster than linearly
    // with the table), and every proc-macro derive is handed the whole enum, docs included.
    writeln!(
        out,
        "#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]"
    );
    writeln!(out, "#[repr({repr})]\npub enum ChatError {{");
    for entry in &table.entries {
        variant_docs(out, table, entry);
        variant_attrs(out, table, entry);
        writeln!(out, "    {},", entry.variant);
    }
    writeln!(out, "}}\n");
    let n = table.entries.len();
    writeln!(
        out,
        "impl strum::EnumCount for ChatError {{\n    const COUNT: usize = {n};\n}}\n"
    );
    writeln!(
        out,
        "#[allow(deprecated)]\n#[rustfmt::skip]\nimpl strum::VariantArray for ChatError {{\n    const VARIANTS: &'static [Self] = &["
    );
    for entry in &table.entries {
        writeln!(out, "        Self::{},", entry.variant);
    }
    writeln!(out, "    ];\n}}\n");
}

/// The variant's rustdoc, paragraph by paragraph.
fn variant_docs(out: &mut Output, table: &Table, entry: &Entry) {
    let doc = |out: &mut Output, text: &str| out.doc("    ", text);
    let code_shown = if table.integer {
        format!("`{}` (`{}`)", entry.code, entry.name)
    } else {
        format!("`{}`", entry.code)
    };
    let primary = entry.texts.first().map_or("", |(_, m)| m.as_str());
    doc(out, &format!("{code_shown}: {}", escape_markdown(primary)));
    doc(out, "");
    for (section, message) in &entry.texts {
        let title = escape_markdown(table.section_title(*section));
        doc(out, &format!("- *{title}*: {}", escape_markdown(message)));
    }
    for paragraph in paragraphs(entry)
        .into_iter()
        .chain(vendor_facts(table, entry))
    {
        doc(out, "");
        doc(out, &paragraph);
    }
    doc(out, "");
    let sources = match (entry.from_docs, entry.from_sdk) {
        (true, true) => "documentation and SDK",
        (false, true) => "SDK only",
        _ => "documentation",
    };
    doc(
        out,
        &format!(
            "Canonical: `{}`; recovery: `{}`; source: {sources}.",
            entry.canonical, entry.recovery
        ),
    );
}

/// The optional paragraphs of a variant's docs, in order.
fn paragraphs(entry: &Entry) -> Vec<String> {
    let mut paragraphs = Vec::new();
    if let Some(description) = &entry.description {
        paragraphs.push(escape_markdown(description));
    }
    if let Some(sdk_message) = &entry.sdk_message {
        paragraphs.push(format!("SDK message: {}", escape_markdown(sdk_message)));
    }
    if !entry.aliases.is_empty() {
        let names: Vec<String> = std::iter::once(&entry.name)
            .chain(&entry.aliases)
            .map(|n| format!("`{n}`"))
            .collect();
        paragraphs.push(format!("Names: {}.", names.join(", ")));
    }
    if !entry.sdk_codes.is_empty() {
        let codes: Vec<String> = entry.sdk_codes.iter().map(|n| format!("`{n}`")).collect();
        paragraphs.push(format!(
            "The SDK sends this with numeric `code` {} and the symbol in `name`.",
            codes.join(" or ")
        ));
    }
    if let Some((prefix, suffix)) = &entry.pattern {
        paragraphs.push(format!(
            "Pattern code: matches `{prefix}<PARAM>{suffix}` for any parameter name that no exact entry claims."
        ));
    }
    if entry.passthrough {
        paragraphs.push("A REST API code that the SDK passes through from the server.".to_owned());
    }
    if let Some(note) = &entry.note {
        paragraphs.push(format!("Note: {}", escape_markdown(note)));
    }
    paragraphs
}

/// The vendor facts of newer tables: documented status and retry flag, per-platform names,
/// server messages with their explanations, and the sources with their versions.
fn vendor_facts(table: &Table, entry: &Entry) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut facts = Vec::new();
    if let Some(status) = entry.status {
        facts.push(format!("vendor HTTP status `{status}`"));
    }
    if let Some(retryable) = entry.retryable {
        facts.push(format!("vendor retryable flag `{retryable}`"));
    }
    if !facts.is_empty() {
        paragraphs.push(format!("Vendor facts: {}.", facts.join(", ")));
    }
    if let Some((canonical, recovery)) = &entry.raised {
        paragraphs.push(format!(
            "In an error payload: canonical `{canonical}`, recovery `{recovery}`."
        ));
    }
    if !entry.platforms.is_empty() {
        let names: Vec<String> = entry
            .platforms
            .iter()
            .map(|(p, n)| format!("{p} `{n}`"))
            .collect();
        paragraphs.push(format!("Platform names: {}.", names.join(", ")));
    }
    for m in &entry.server_messages {
        let class = m
            .class
            .as_ref()
            .map_or_else(String::new, |(c, r)| format!(" (`{c}`, `{r}`)"));
        paragraphs.push(format!(
            "- Message `{}`{class}: {}",
            m.text,
            escape_markdown(&m.explanation)
        ));
    }
    if let Some(url) = table.entry_url(entry) {
        paragraphs.push(format!("Vendor page: <{url}>."));
    }
    if table.sources.iter().any(|s| s.version.is_some()) {
        let sources: Vec<String> = entry
            .sources
            .iter()
            .filter_map(|&i| table.sources.get(i))
            .map(|s| {
                format!(
                    "[{}]({}) ({})",
                    escape_markdown(&s.title),
                    s.url,
                    escape_markdown(s.version.as_deref().unwrap_or("-"))
                )
            })
            .collect();
        paragraphs.push(format!("Sources: {}.", sources.join("; ")));
    }
    paragraphs
}

/// `doc(alias)` for the code and names, and `#[deprecated]` for retired codes.
fn variant_attrs(out: &mut Output, table: &Table, entry: &Entry) {
    // rustdoc refuses an alias equal to the variant's own name.
    let code = std::iter::once(&entry.code);
    let names = std::iter::once(&entry.name)
        .chain(&entry.aliases)
        .filter(|_| table.integer);
    let names = code.chain(names).filter(|n| **n != entry.variant);
    let mut seen = Vec::new();
    for name in names {
        if !seen.contains(&name) {
            writeln!(out, "    #[doc(alias = {name:?})]");
            seen.push(name);
        }
    }
    if let Some(deprecated) = &entry.deprecated {
        writeln!(out, "    #[deprecated(note = {deprecated:?})]");
    }
}
