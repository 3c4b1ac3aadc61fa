//! Robustness of the time and amount rules: no panic on any input, spans in bounds, on
//! char boundaries, sorted and disjoint, text equal to the span, same output twice, and
//! linear time on pathological inputs.

use gleaner::eval::time::{amounts, document_of_lines, times};
use proptest::prelude::*;

fn check(text: &str) {
    let doc = document_of_lines(text);
    for reference in [None, Some((2026, 1, 9)), Some((1, 1, 1)), Some((9999, 12, 31))] {
        let t = times(text, &doc, reference);
        let mut end = 0;
        for e in &t {
            assert!(e.span.start >= end && e.span.start < e.span.end && e.span.end <= text.len(), "{t:?}");
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            assert_eq!(&text[e.span.start..e.span.end], e.text);
            end = e.span.end;
        }
        assert_eq!(t, times(text, &doc, reference));
    }
    let a = amounts(text, &doc);
    let mut end = 0;
    for e in &a {
        assert!(e.span.start >= end && e.span.start < e.span.end && e.span.end <= text.len(), "{a:?}");
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        assert_eq!(&text[e.span.start..e.span.end], e.text);
        assert!(e.value.is_finite());
        end = e.span.end;
    }
    assert_eq!(a, amounts(text, &doc));
}

/// Pieces that reach the matchers' corners.
const PIECES: &[&str] = &[
    "Jan", ".", "9", "31", "2026", "1910", "-", "45", "–", "/", "Friday", "next", "last", "this", "week", "year", "ago",
    "the", "1990", "s", "'", "90", ":", "10:26", "GMT", "a", "p", "m", "$", "£", "€", "US", "HK", "Rs", "million", "bn",
    "percent", "per", "cent", "%", "six", "twenty", "-", "four", "hours", "days", "over", "more", "than", "will", "said",
    "met", "May", "March", "Q", "3", "third", "quarter", "early", "mid", "of", "end", "😀", "é", "漢", "\u{301}", "\n",
    " ", ",", "every", "daily", "now", "yuan", "dollars", "Hong", "Kong", "o", "clock", "noon", "th", "°", "C",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn arbitrary_strings(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn token_soup(ix in proptest::collection::vec((0..PIECES.len(), any::<bool>()), 0..60)) {
        let mut s = String::new();
        for (i, space) in ix {
            s.push_str(PIECES[i]);
            if space { s.push(' '); }
        }
        check(&s);
    }
}

#[test]
fn pathological_inputs_are_linear() {
    // each about 100 kB on one line (the release-mode scaling is checked by hand; debug
    // builds only need to finish)
    let cases = [
        "1 ".repeat(50_000),
        "- ".repeat(50_000),
        "Friday ".repeat(15_000),
        "the past two months more than ".repeat(3_500),
        "$".repeat(100_000),
        "9".repeat(100_000),
        "1,000,".repeat(17_000),
        "Jan. 9, ".repeat(12_000),
        "will ".repeat(20_000) + "Tuesday",
    ];
    for c in &cases {
        let start = std::time::Instant::now();
        check(c);
        assert!(start.elapsed().as_secs() < 20, "too slow on {:?}…", &c[..20]);
    }
}
