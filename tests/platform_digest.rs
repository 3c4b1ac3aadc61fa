//! The native half of the cross-platform check (the wasm half is in tests/wasm_node.rs):
//! the same text must give the same digest, so the browser and the CLI agree bit for bit.
//! If a change moves results on purpose, update `PLATFORM_DIGEST` in both files (this test
//! prints the new value).

#[path = "support/platform.rs"]
mod platform;

/// Digest of `platform::text()` with reference date 2026-01-09 (see the module docs).
pub const PLATFORM_DIGEST: u64 = 15316100367144390143;

#[test]
fn same_digest_as_the_wasm_build() {
    let g = gleaner::Gleaner::builder().reference_date("2026-01-09").build().unwrap();
    let doc = g.parse(&platform::text());
    assert!(doc.mentions.len() > 1000, "{} mentions", doc.mentions.len());
    let d = platform::digest(&doc);
    assert_eq!(d, PLATFORM_DIGEST, "digest {d} (update PLATFORM_DIGEST here and in tests/wasm_node.rs if the change is intended)");
}
