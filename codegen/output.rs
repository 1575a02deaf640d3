//! [`Output`]: the generated source, written with `write!`/`writeln!` that cannot fail.

use std::fmt::{self, Write as _};

/// A growing Rust source file. Its `write_fmt` returns nothing: writing to a `String` cannot
/// fail, so the writers never repeat `let _ = writeln!(...)`.
#[derive(Default)]
pub struct Output(String);

impl Output {
    /// Appends formatted text (what `write!` and `writeln!` call).
    pub fn write_fmt(&mut self, args: fmt::Arguments<'_>) {
        // `String`'s `fmt::Write` never returns an error.
        let _ = self.0.write_fmt(args);
    }

    /// Appends `#[doc = "..."]` (escaped by `{:?}`) with the given indentation.
    pub fn doc(&mut self, indent: &str, text: &str) {
        writeln!(self, "{indent}#[doc = {text:?}]");
    }

    /// The source written so far.
    pub fn into_string(self) -> String {
        self.0
    }
}
