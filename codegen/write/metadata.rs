//! The metadata: one `Entry` row per variant, the flat arrays its spans index, the sections,
//! and the `META` value that gathers them.

use crate::codegen::TableId;
use crate::codegen::model::{Entry, ServerMessage, Table};
use crate::codegen::output::Output;

/// Flat arrays that the entries' spans index: the compiler sees a handful of large constants
/// rather than one small slice constant per entry.
#[derive(Default)]
struct Flat<'t> {
    messages: Vec<&'t str>,
    section_titles: Vec<&'t str>,
    aliases: Vec<&'t str>,
    sdk_codes: Vec<i32>,
    source_refs: Vec<usize>,
    platforms: Vec<&'t (String, String)>,
    server_messages: Vec<&'t ServerMessage>,
}

/// Appends `items` to `all` and returns the `Span` literal that covers them.
fn span<T>(all: &mut Vec<T>, items: impl IntoIterator<Item = T>) -> String {
    let start = all.len();
    all.extend(items);
    format!("Span {{ start: {start}, len: {} }}", all.len() - start)
}

fn opt(value: Option<&str>) -> String {
    value.map_or_else(|| "None".to_owned(), |v| format!("Some({v:?})"))
}

/// Writes `ENTRIES`, the flat arrays, `SECTIONS` and `META`.
pub fn make_metadata(out: &mut Output, id: &TableId, table: &Table) {
    let mut flat = Flat::default();
    writeln!(
        out,
        "/// Metadata of every variant, indexed by discriminant."
    );
    writeln!(
        out,
        "#[rustfmt::skip]\nstatic ENTRIES: [Entry; {}] = [",
        table.entries.len()
    );
    for entry in &table.entries {
        writeln!(out, "    {},", entry_literal(table, entry, &mut flat));
    }
    writeln!(out, "];\n");
    let arrays = [
        (
            "MESSAGES",
            "Every entry's messages, in entry order.",
            &flat.messages,
        ),
        (
            "SECTION_TITLES",
            "Every entry's section headings, in entry order.",
            &flat.section_titles,
        ),
        (
            "ALIASES",
            "Every entry's further symbolic names, in entry order.",
            &flat.aliases,
        ),
    ];
    for (name, doc, items) in arrays {
        let items: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
        writeln!(
            out,
            "/// {doc}\n#[rustfmt::skip]\nstatic {name}: [&str; {}] = [{}];\n",
            items.len(),
            items.join(", ")
        );
    }
    writeln!(
        out,
        "/// Every entry's numeric SDK codes, in entry order.\n#[rustfmt::skip]\nstatic SDK_CODES: [i32; {}] = {:?};\n",
        flat.sdk_codes.len(),
        flat.sdk_codes
    );
    let refs: Vec<String> = flat
        .source_refs
        .iter()
        .map(|i| format!("&SOURCES[{i}]"))
        .collect();
    writeln!(
        out,
        "/// Every entry's sources, in entry order.\n#[rustfmt::skip]\nstatic SOURCE_REFS: [&crate::Source; {}] = [{}];\n",
        refs.len(),
        refs.join(", ")
    );
    let pairs: Vec<String> = flat
        .platforms
        .iter()
        .map(|(p, n)| format!("({p:?}, {n:?})"))
        .collect();
    writeln!(
        out,
        "/// Every entry's platform names, in entry order.\n#[rustfmt::skip]\nstatic PLATFORMS: [(&str, &str); {}] = [{}];\n",
        pairs.len(),
        pairs.join(", ")
    );
    let messages: Vec<String> = flat
        .server_messages
        .iter()
        .map(|m| match &m.class {
            Some((c, r)) => format!(
                "crate::ServerMessage::classed({:?}, {:?}, crate::Canonical::{c}, crate::Recovery::{r})",
                m.text, m.explanation
            ),
            None => format!("crate::ServerMessage::new({:?}, {:?})", m.text, m.explanation),
        })
        .collect();
    writeln!(
        out,
        "/// Every entry's server messages, in entry order.\n#[rustfmt::skip]\nstatic SERVER_MESSAGES: [crate::ServerMessage; {}] = [{}];\n",
        messages.len(),
        messages.join(", ")
    );
    make_sources(out, table);
    make_sections(out, table);
    make_meta(out, id, table);
}

fn make_sources(out: &mut Output, table: &Table) {
    writeln!(out, "/// The documents and packages the entries come from.");
    writeln!(
        out,
        "#[rustfmt::skip]\nstatic SOURCES: [crate::Source; {}] = [",
        table.sources.len()
    );
    for source in &table.sources {
        writeln!(
            out,
            "    crate::Source::new({:?}, {:?}, {:?}, {}, crate::SourceKind::{}),",
            source.id,
            source.title,
            source.url,
            opt(source.version.as_deref()),
            source.kind
        );
    }
    writeln!(out, "];\n");
}

/// One `Entry { ... }` literal, its lists appended to `flat`.
fn entry_literal<'t>(table: &'t Table, entry: &'t Entry, flat: &mut Flat<'t>) -> String {
    let code = match entry.number {
        Some(number) => format!("crate::Code::Int({number})"),
        None => format!("crate::Code::Str({:?})", entry.code),
    };
    let messages = entry
        .texts
        .iter()
        .map(|(_, m)| m.as_str())
        .chain(entry.sdk_message.as_deref());
    let sections = entry.texts.iter().map(|(i, _)| table.section_title(*i));
    let pattern = match &entry.pattern {
        Some((prefix, suffix)) => format!("Some(({prefix:?}, {suffix:?}))"),
        None => "None".to_owned(),
    };
    format!(
        "Entry {{ code: {code}, name: {:?}, variant: {:?}, aliases: {}, messages: {}, sections: {}, description: {}, \
         canonical: crate::Canonical::{}, recovery: crate::Recovery::{}, raised: {}, docs: {}, sdk: {}, sources: {}, status: {}, retryable: {}, \
         platforms: {}, server_messages: {}, sdk_codes: {}, passthrough: {}, deprecated: {}, note: {}, url: {}, pattern: {pattern} }}",
        entry.name,
        entry.variant,
        span(&mut flat.aliases, entry.aliases.iter().map(String::as_str)),
        span(&mut flat.messages, messages),
        span(&mut flat.section_titles, sections),
        opt(entry.description.as_deref()),
        entry.canonical,
        entry.recovery,
        entry.raised.as_ref().map_or_else(
            || "None".to_owned(),
            |(c, r)| format!("Some((crate::Canonical::{c}, crate::Recovery::{r}))")
        ),
        entry.from_docs,
        entry.from_sdk,
        span(&mut flat.source_refs, entry.sources.iter().copied()),
        entry
            .status
            .map_or_else(|| "None".to_owned(), |s| format!("Some({s})")),
        entry
            .retryable
            .map_or_else(|| "None".to_owned(), |r| format!("Some({r})")),
        span(&mut flat.platforms, &entry.platforms),
        span(&mut flat.server_messages, &entry.server_messages),
        span(&mut flat.sdk_codes, entry.sdk_codes.iter().copied()),
        entry.passthrough,
        opt(entry.deprecated.as_deref()),
        opt(entry.note.as_deref()),
        opt(table.entry_url(entry).as_deref()),
    )
}

fn make_sections(out: &mut Output, table: &Table) {
    writeln!(out, "/// The sections of the source document, in order.");
    writeln!(
        out,
        "#[rustfmt::skip]\nstatic SECTIONS: [crate::Section; {}] = [",
        table.sections.len()
    );
    for section in &table.sections {
        let range = section
            .range
            .map_or_else(|| "None".to_owned(), |(a, b)| format!("Some(({a}, {b}))"));
        let others: Vec<String> = section
            .other_titles
            .iter()
            .map(|t| format!("{t:?}"))
            .collect();
        writeln!(
            out,
            "    crate::Section::new({:?}, {:?}, &[{}], crate::Canonical::{}, {range}),",
            section.id,
            section.title,
            others.join(", "),
            section.canonical,
        );
    }
    writeln!(out, "];\n");
}

fn make_meta(out: &mut Output, id: &TableId, table: &Table) {
    let fallback = table
        .fallback
        .as_deref()
        .and_then(super::super::table_id)
        .map_or_else(
            || "None".to_owned(),
            |t| format!("Some(crate::Table::{})", t.variant),
        );
    writeln!(out, "/// What the table's entries say.");
    writeln!(out, "const META: TableMeta = TableMeta {{");
    writeln!(out, "    table: crate::Table::{},", id.variant);
    writeln!(out, "    entries: &ENTRIES,");
    writeln!(out, "    messages: &MESSAGES,");
    writeln!(out, "    section_titles: &SECTION_TITLES,");
    writeln!(out, "    aliases: &ALIASES,");
    writeln!(out, "    sdk_codes: &SDK_CODES,");
    writeln!(out, "    sections: &SECTIONS,");
    writeln!(out, "    sources: &SOURCES,");
    writeln!(out, "    source_refs: &SOURCE_REFS,");
    writeln!(out, "    platforms: &PLATFORMS,");
    writeln!(out, "    server_messages: &SERVER_MESSAGES,");
    writeln!(out, "    sdk: {},", opt(table.sdk.as_deref()));
    writeln!(out, "    fallback: {fallback},");
    writeln!(out, "}};\n");
}
