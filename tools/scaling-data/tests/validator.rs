//! The synthetic catalog passes the crate's own generator (`codegen/`, compiled here as a module
//! as the crate's tests/validation.rs does), and the tool leaves the crate's own data alone.

#[allow(dead_code, unreachable_pub)]
#[path = "../../../codegen/mod.rs"]
mod codegen;

use std::path::{Path, PathBuf};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");

/// A fresh copy of the crate's data/ in the temp folder.
fn copy_of_data(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scaling-data-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for file in std::fs::read_dir(DATA).unwrap() {
        let path = file.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    dir
}

#[test]
fn the_synthetic_catalog_passes_the_validator() {
    let dir = copy_of_data("valid");
    let n = 700;
    let summary = scaling_data::rewrite(&dir, n).unwrap();
    assert!(summary.contains("700 string codes"), "{summary}");
    let tables = codegen::load_all(&dir).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    for stem in [scaling_data::REST_FILE, scaling_data::AGORA_FILE] {
        let stem = stem.trim_end_matches(".toml");
        let (_, table) = tables.iter().find(|(id, _)| id.stem == stem).unwrap();
        assert_eq!(table.entries.len(), n, "{stem}");
    }
    // The other tables stay real.
    let sdk = "cometchat_sdk.toml";
    assert_eq!(
        std::fs::read(dir.join(sdk)).unwrap(),
        std::fs::read(Path::new(DATA).join(sdk)).unwrap()
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_crates_own_data_is_refused() {
    let before = std::fs::read(Path::new(DATA).join(scaling_data::REST_FILE)).unwrap();
    let error = scaling_data::rewrite(Path::new(DATA), 5).unwrap_err();
    assert!(error.contains("own data/"), "{error}");
    assert_eq!(
        before,
        std::fs::read(Path::new(DATA).join(scaling_data::REST_FILE)).unwrap()
    );
}
