//! [`named_enum!`]: a fieldless enum with the strum traits written out, instead of derived.
//!
//! strum's derives would pull `strum_macros` (and its `syn` 2, `heck`) into every user's build
//! for a handful of small enums; the impls they generate are a few lines each. build.rs reads
//! this file too (`codegen/mod.rs` includes it, for `src/classification.rs`).

/// Declares a fieldless enum, each variant written once, and implements for it what strum's
/// derives `EnumCount`, `VariantArray` and `IntoStaticStr` generate: `strum::EnumCount`,
/// `strum::VariantArray` (the variants in declaration order) and `From<E>` and `From<&E>` for
/// `&'static str`. A variant's name is its identifier, or the literal after `=` (as strum's
/// `#[strum(serialize = "...")]`).
///
/// `named_enum!(@from_str E)` adds what strum's `EnumString` generates for such an enum:
/// `FromStr` and `TryFrom<&str>`, an exact (case-sensitive) match of a variant's name, failing
/// with `strum::ParseError::VariantNotFound`.
macro_rules! named_enum {
    (@name $variant:ident) => {
        stringify!($variant)
    };
    (@name $variant:ident $text:literal) => {
        $text
    };
    (@from_str $name:ident) => {
        impl core::str::FromStr for $name {
            type Err = strum::ParseError;

            #[inline]
            fn from_str(s: &str) -> Result<Self, strum::ParseError> {
                Self::try_from(s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = strum::ParseError;

            #[inline]
            fn try_from(s: &str) -> Result<Self, strum::ParseError> {
                <Self as strum::VariantArray>::VARIANTS
                    .iter()
                    .copied()
                    .find(|v| <&'static str>::from(*v) == s)
                    .ok_or(strum::ParseError::VariantNotFound)
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident $(= $text:literal)?),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$variant_meta])* $variant,)*
        }

        impl strum::EnumCount for $name {
            const COUNT: usize = <Self as strum::VariantArray>::VARIANTS.len();
        }

        impl strum::VariantArray for $name {
            const VARIANTS: &'static [Self] = &[$($name::$variant),*];
        }

        impl From<$name> for &'static str {
            #[inline]
            fn from(x: $name) -> &'static str {
                match x {
                    $($name::$variant => named_enum!(@name $variant $($text)?),)*
                }
            }
        }

        impl<'a> From<&'a $name> for &'static str {
            #[inline]
            fn from(x: &'a $name) -> &'static str {
                (*x).into()
            }
        }
    };
}

pub(crate) use named_enum;
