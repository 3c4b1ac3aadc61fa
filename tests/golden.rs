//! Golden fixtures: `tests/data/cases/<name>.txt` → `<name>.structure.json` (the structure layer:
//! every extractor off) and `<name>.expected.json` (the full document with default options),
//! when that file exists. Byte offsets.
//!
//! After a reviewed change, rewrite the expectations with `GLEANER_BLESS=1 cargo test --test golden`
//! and review the diff (`git diff tests/data/cases`) before committing. `GLEANER_BLESS=all` also
//! creates missing `.expected.json` files.

use std::path::{Path, PathBuf};

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cases");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/data/cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    assert!(v.len() >= 10, "expected the golden cases in {}", dir.display());
    v
}

fn check(path: &Path, suffix: &str, doc: &gleaner::Document, bless: bool, failures: &mut Vec<String>) {
    let expected_path = path.with_extension(suffix);
    let actual = serde_json::to_string_pretty(doc).unwrap() + "\n";
    if bless {
        std::fs::write(&expected_path, &actual).unwrap();
        return;
    }
    match std::fs::read_to_string(&expected_path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => {
            let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(0);
            failures.push(format!(
                "{}: differs from {} at line {}:\n  expected: {}\n  actual:   {}",
                path.display(),
                expected_path.display(),
                line + 1,
                expected.lines().nth(line).unwrap_or(""),
                actual.lines().nth(line).unwrap_or("")
            ));
        }
        Err(_) if suffix == "expected.json" => {} // full expectations are optional per case
        Err(e) => failures.push(format!("{}: cannot read {}: {e}", path.display(), expected_path.display())),
    }
}

#[test]
fn golden_cases() {
    let bless_mode = std::env::var("GLEANER_BLESS").unwrap_or_default();
    let bless = !bless_mode.is_empty();
    let structure = gleaner::Gleaner::builder().entities(false).quotes(false).times(false).amounts(false).clusters(false).build().unwrap();
    let full = gleaner::Gleaner::builder().reference_date("2026-01-09").build().unwrap();
    let mut failures = Vec::new();
    for path in cases() {
        let text = std::fs::read_to_string(&path).unwrap();
        check(&path, "structure.json", &structure.parse(&text), bless, &mut failures);
        if bless_mode == "all" || path.with_extension("expected.json").exists() {
            check(&path, "expected.json", &full.parse(&text), bless, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{} golden mismatch(es); if the change is intended, run GLEANER_BLESS=1 cargo test --test golden and review the diff\n{}", failures.len(), failures.join("\n"));
}
