#![cfg(not(target_arch = "wasm32"))]
//! Property tests: any input is valid input. No panic; spans in bounds, on char boundaries and
//! ordered; the same output twice; linear time on pathological inputs.

use gleaner::{blocks, BlockKind, Document, Gleaner, Span};
use proptest::prelude::*;

mod support;

fn spans_of(doc: &Document) -> Vec<Span> {
    // every span in the serialised document (structure and extractors alike)
    support::spans(&serde_json::to_value(doc).unwrap()).into_iter().map(|(s, e)| Span::new(s, e)).collect()
}

fn check(text: &str) {
    let g = Gleaner::builder().reference_date("2026-01-09").build().unwrap();
    let doc = g.parse(text);
    for s in spans_of(&doc) {
        assert!(s.start <= s.end && s.end <= text.len(), "span {s:?} out of bounds for {} bytes", text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "span {s:?} not on char boundaries");
    }
    // blocks: balanced, in order, in bounds
    let mut depth = 0i32;
    let mut last = 0;
    for b in blocks(text) {
        match b.kind {
            BlockKind::ListStart(_) | BlockKind::ArticleStart => depth += 1,
            BlockKind::ListEnd | BlockKind::ArticleEnd => depth -= 1,
            _ => {
                assert!(b.span.start >= last, "blocks out of order at {b:?}");
                last = b.span.end;
            }
        }
        assert!(depth == 0 || depth == 1, "unbalanced containers");
        assert!(b.span.end <= text.len() && text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end));
    }
    assert_eq!(depth, 0);
    // deterministic
    assert_eq!(g.parse(text), doc);
}

/// Strings made of the pieces dumps are made of, so the properties reach deep into the parser.
fn dumpish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("-\n".to_string()),
        Just("\n".to_string()),
        Just("- Quiet harbour -\n".to_string()),
        Just("K.Morita--QXTN".to_string()),
        Just("Jakarta (AFP) – ".to_string()),
        Just("SEOUL, Feb. 10 (Yonhap) --".to_string()),
        Just("Thu, 03 Oct 2024 11:26:50 GMT".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("said on Friday.".to_string()),
        Just(" Lee Jae Myung ".to_string()),
        Just("£20 million ".to_string()),
        Just("next week ".to_string()),
        Just("Read More »\n".to_string()),
        Just("RBGPF 100% 61.11 $\n".to_string()),
        Just(" • ".to_string()),
        Just("😀".to_string()),
        Just("e\u{301}".to_string()),
        Just("漢字".to_string()),
        Just("\r\n".to_string()),
        "[A-Za-z ,.'\"]{0,30}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn dump_shaped_strings(s in dumpish()) {
        check(&s);
    }
}

fn timed(name: &str, text: &str, max_secs: f64) {
    let t = std::time::Instant::now();
    check(text);
    let secs = t.elapsed().as_secs_f64();
    assert!(secs < max_secs, "{name}: {secs:.2}s for {} bytes (limit {max_secs}s): not linear?", text.len());
}

#[test]
fn one_megabyte_without_newline() {
    let text = "Lee said the talks would go on, and Takaichi agreed ".repeat(20_000);
    timed("1 MB one line", &text, 60.0);
}

#[test]
fn ten_thousand_unbalanced_quotes() {
    let text = "He said \" and then ".repeat(10_000);
    timed("10k quotes one line", &text, 60.0);
    let lines = "\"She added\n".repeat(10_000);
    timed("10k quote lines", &lines, 60.0);
}

#[test]
fn many_short_lines_and_separators() {
    let text = "-\nHeadline about Lee and Xi\n".repeat(10_000);
    timed("10k headlines", &text, 60.0);
    let wrapped = "the talks would go on and on and the minister said that\n".repeat(10_000);
    timed("10k wrapped lines", &wrapped, 60.0);
}
