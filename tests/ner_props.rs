//! Robustness of the tokenizer and tagger: no panic, spans in bounds, on char boundaries,
//! in text order, deterministic.

use gleaner::{Region, RegionKind, Span};
use proptest::prelude::*;

fn all_kinds(text: &str) -> Vec<Region> {
    let kinds = [RegionKind::Headline, RegionKind::Paragraph, RegionKind::Title, RegionKind::Teaser, RegionKind::Subheading];
    let mut out = Vec::new();
    let mut pos = 0;
    for (k, line) in text.split_inclusive('\n').enumerate() {
        let l = line.trim_end_matches('\n');
        out.push(Region { span: Span::new(pos, pos + l.len()), kind: kinds[k % kinds.len()], article: None });
        pos += line.len();
    }
    out
}

fn check(text: &str) {
    let regions = all_kinds(text);
    let (ms, _) = gleaner::eval::ner::tag(text, &regions);
    let mut last = 0;
    for m in &ms {
        assert!(m.span.start < m.span.end && m.span.end <= text.len());
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert_eq!(&text[m.span.start..m.span.end], m.text);
        assert!(m.span.start >= last, "mentions in text order");
        last = m.span.start;
        assert!((0.0..=1.0).contains(&m.confidence));
    }
    let (again, _) = gleaner::eval::ner::tag(text, &regions);
    assert_eq!(ms, again);
}

#[test]
fn pathological_inputs() {
    for t in [
        "",
        "\n\n\n",
        "-",
        "''''''\"\"\"\"",
        "U.S.U.S.U.S.",
        "A. B. C. D. E.",
        "😀 Zoë Świątek 東京 Cafe\u{301}",
        "\u{301}\u{301} X",
        "Mr.\r\nLee\r\n",
        "SEOUL, Jan 9 (AFP) -- PRESIDENT LEE JAE MYUNG SAID",
        "O'Neill's don't can't won't I'm we're they've",
        "--------------------------------------------------",
    ] {
        check(t);
    }
    check(&"Tokyo ".repeat(20_000));
    check(&"x".repeat(100_000));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]
    #[test]
    fn never_panics(s in "[A-Za-z .,'\"\\-\n\u{e9}\u{301}\u{2019}0-9😀]{0,200}") {
        check(&s);
    }
}
