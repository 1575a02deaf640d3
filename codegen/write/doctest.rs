//! The exhaustive-match doctest of a table's module docs, written from the data so that no
//! variant is listed by hand: `$OUT_DIR/<table>.match.md`, which a module includes with
//! `#![doc = include_str!(concat!(env!("OUT_DIR"), "/<table>.match.md"))]`.

use crate::codegen::model::Table;
use crate::codegen::output::Output;

/// Variants per hidden line of an or-pattern.
const PER_LINE: usize = 3;

/// A Markdown section whose doctest matches every variant of the table's `ChatError`, one arm per
/// recovery advice (in the order of `Recovery`), and checks each arm against
/// [`ErrorInfo::recovery`](crate::ErrorInfo::recovery). `module` is the table's module path
/// (`zego`, `agora::native`).
pub fn exhaustive_match(module: &str, table: &Table) -> String {
    let mut out = Output::default();
    writeln!(
        out,
        "\nMatch it without a wildcard arm: when the vendor adds a code, this stops compiling. The \
         arms are written by build.rs from the data file (every variant once, grouped by its \
         recovery advice), so no variant is listed by hand.\n"
    );
    writeln!(out, "```");
    writeln!(
        out,
        "use chat_error_codes::{{ErrorInfo, Recovery, {module}::ChatError}};\n"
    );
    writeln!(
        out,
        "#[allow(deprecated)] // retired codes stay, deprecated"
    );
    writeln!(out, "fn advice(e: ChatError) -> Recovery {{");
    writeln!(out, "    match e {{");
    let recoveries = <crate::codegen::classification::Recovery as strum::VariantArray>::VARIANTS;
    for &recovery in recoveries {
        let variants: Vec<&str> = table
            .entries
            .iter()
            .filter(|e| e.recovery == recovery)
            .map(|e| e.variant.as_str())
            .collect();
        let Some(first) = variants.first() else {
            continue;
        };
        let count = variants.len();
        let noun = if count == 1 { "variant" } else { "variants" };
        writeln!(
            out,
            "        // {count} {noun} whose advice is {recovery}, e.g. ChatError::{first}"
        );
        for (i, line) in variants.chunks(PER_LINE).enumerate() {
            let lead = if i == 0 { "  " } else { "| " };
            let pattern: Vec<String> = line.iter().map(|v| format!("ChatError::{v}")).collect();
            writeln!(out, "#       {lead}{}", pattern.join(" | "));
        }
        writeln!(out, "        => Recovery::{recovery},");
    }
    writeln!(out, "    }}");
    writeln!(out, "}}");
    writeln!(out, "for &e in ChatError::ALL {{");
    writeln!(out, "    assert_eq!(advice(e), e.recovery(), \"{{e:?}}\");");
    writeln!(out, "}}");
    writeln!(out, "```");
    out.into_string()
}
