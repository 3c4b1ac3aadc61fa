//! The README's full example is real output: the JSON between the README-EXAMPLE markers must be
//! exactly what `gleaner --reference-date 2026-01-09 tests/data/cases/readme_example.txt` prints.
//! After a reviewed change: `GLEANER_BLESS=1 cargo test --test readme` rewrites that block.

use std::path::Path;

#[test]
fn readme_example_is_real_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = std::fs::read_to_string(root.join("tests/data/cases/readme_example.txt")).unwrap();
    let g = gleaner::Gleaner::builder().reference_date("2026-01-09").build().unwrap();
    let json = serde_json::to_string_pretty(&g.parse(&input)).unwrap();
    let block = format!(
        "<!-- README-EXAMPLE-START -->\nInput (`tests/data/cases/readme_example.txt`):\n\n```text\n{}```\n\nOutput:\n\n```json\n{}\n```\n<!-- README-EXAMPLE-END -->",
        input, json
    );
    let readme_path = root.join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let start = readme.find("<!-- README-EXAMPLE-START -->").expect("start marker");
    let end = readme.find("<!-- README-EXAMPLE-END -->").expect("end marker") + "<!-- README-EXAMPLE-END -->".len();
    if std::env::var_os("GLEANER_BLESS").is_some() {
        let new = format!("{}{}{}", &readme[..start], block, &readme[end..]);
        std::fs::write(&readme_path, new).unwrap();
        return;
    }
    assert!(
        readme[start..end] == block,
        "README example is stale: run GLEANER_BLESS=1 cargo test --test readme and review the diff"
    );
}
