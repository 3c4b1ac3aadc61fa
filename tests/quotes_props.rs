//! Robustness: no panic, spans in bounds and on char boundaries, same output twice, and no
//! quadratic blow-up on unbalanced quotes.

#[path = "resolve_helper.rs"]
mod helper;

use gleaner::eval::quotes::stages;
use proptest::prelude::*;

fn check(text: &str) {
    let mut doc = helper::from_paragraphs(text);
    stages::resolve(text, &mut doc);
    let a = stages::quotes(text, &doc);
    let b = stages::quotes(text, &doc);
    assert_eq!(a, b);
    for q in &a {
        for s in q.parts.iter().chain(std::iter::once(&q.span)).chain(q.speaker_span.iter()).chain(q.cue_span.iter()) {
            assert!(s.start <= s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
    let c = stages::cluster(text, &doc);
    let _ = c;
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn no_panic_quotes(s in r#"([a-zA-Z ,.:'"“”‘’ée😀\n]|said|told|he|she|\n\n){0,200}"#) {
        check(&s);
    }

    #[test]
    fn no_panic_quote_shapes(s in r#"(Lee|Kang Yu-jung|he|she|it|his office|Lee's office| said| told AFP| added| according to|: |, |\. |\? |"|“|”|'|‘|’| a professor at the |University|\n\n| ){0,60}"#) {
        check(&s);
    }
}

#[test]
fn ten_thousand_stray_quotes_in_one_line() {
    let text = format!("He said {} and left.", "\" ".repeat(10_000));
    let t = std::time::Instant::now();
    check(&text);
    let text2 = format!("“{}", "word “ said ".repeat(10_000));
    check(&text2);
    let text3 = format!("'{}", "x' y '".repeat(10_000));
    check(&text3);
    assert!(t.elapsed().as_secs() < 10, "too slow: {:?}", t.elapsed());
}

#[test]
fn many_quotes_with_pronouns_stay_linear() {
    let para = r#""We will hold the line here," Ana Costa said. "Nothing changes for now," she added. "It is late," he said."#;
    let text = vec![para; 20_000].join("\n\n");
    let t = std::time::Instant::now();
    let doc = helper::from_paragraphs(&text);
    let q = stages::quotes(&text, &doc);
    assert_eq!(q.len(), 60_000);
    assert!(t.elapsed().as_secs() < 10, "too slow: {:?}", t.elapsed());
}
