//! Robustness of resolve and cluster: no panic, ids/links consistent, spans in bounds and
//! on char boundaries, same output twice.

#[path = "resolve_helper.rs"]
mod helper;

use gleaner::eval::quotes::stages;
use proptest::prelude::*;

const NAMES: &[(&str, &str)] = &[
    ("Lee Jae Myung", "PER"), ("Lee", "PER"), ("President Lee", "PER"), ("Lee's", "PER"), ("Kim", "PER"), ("Kim Lee", "PER"),
    ("S.Africa", "LOC"), ("US", "LOC"), ("Chinese", "MISC"), ("Swiss", "MISC"), ("Nara", "LOC"), ("AFP", "ORG"), ("É", "PER"), ("😀 Corp", "ORG"),
];

fn check(headlines: &[String], paras: &[String]) {
    let h: Vec<&str> = headlines.iter().map(String::as_str).collect();
    let p: Vec<&str> = paras.iter().map(String::as_str).collect();
    let mut b = helper::build(&h, None, &p, NAMES);
    stages::resolve(&b.text, &mut b.doc);
    let mut again = b.doc.clone();
    stages::resolve(&b.text, &mut again);
    assert_eq!(again.entities, b.doc.entities);
    let text = &b.text;
    for (i, e) in b.doc.entities.iter().enumerate() {
        assert_eq!(e.id, i);
        assert!((0.0..=1.0).contains(&e.salience));
        for &m in &e.mentions {
            assert_eq!(b.doc.mentions[m].entity, Some(i));
        }
        for r in &e.roles {
            assert!(r.span.end <= text.len() && text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
        }
    }
    let c = stages::cluster(text, &b.doc);
    assert_eq!(c, stages::cluster(text, &b.doc));
    for cl in &c {
        assert!(cl.headlines.len() + cl.articles.len() >= 2);
        for s in &cl.spans {
            assert!(s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn no_panic_resolve_and_cluster(
        heads in proptest::collection::vec(r"(Lee|Kim|S\.Africa|US|Swiss|fire|storm|É|😀|drills|off| |,|'|President ){0,12}", 0..8),
        paras in proptest::collection::vec(r"(Lee Jae Myung|Lee|President Lee|Lee's|Kim Lee|Kim|, a professor at the |University|Chinese leader |South Korea's President |S\.Africa|US|Nara|AFP|É|😀 Corp| said|\. | |,){0,20}", 0..5),
    ) {
        check(&heads, &paras);
    }
}
