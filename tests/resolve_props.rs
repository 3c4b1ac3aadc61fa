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

#[test]
fn twenty_thousand_people_resolve_quickly() {
    // 20k paragraphs, each with a distinct two-word name, its surname, and a shared surname.
    let names: Vec<String> = (0..20_000).map(|i| format!("Ann{i} Lee{}", i % 5000)).collect();
    let paras: Vec<String> = names.iter().map(|n| format!("{n} spoke. {} agreed, Lee said.", n.split(' ').nth(1).unwrap())).collect();
    let p: Vec<&str> = paras.iter().map(String::as_str).collect();
    let mut b = helper::build(&[], None, &p, &[]);
    // mentions by hand: each full name, each surname, and `Lee`
    let mut mentions = Vec::new();
    for (k, para) in b.doc.articles[0].sections[0].paragraphs.iter().enumerate() {
        let full = &names[k];
        let s = para.span.start;
        mentions.push(gleaner::Mention { text: full.clone(), span: gleaner::Span::new(s, s + full.len()), label: gleaner::EntityLabel::PER, confidence: 0.9, entity: None });
        let sur = full.split(' ').nth(1).unwrap();
        let at = s + full.len() + " spoke. ".len();
        mentions.push(gleaner::Mention { text: sur.to_string(), span: gleaner::Span::new(at, at + sur.len()), label: gleaner::EntityLabel::PER, confidence: 0.9, entity: None });
    }
    b.doc.mentions = mentions;
    let t = std::time::Instant::now();
    stages::resolve(&b.text, &mut b.doc);
    assert!(t.elapsed().as_secs() < 10, "too slow: {:?}", t.elapsed());
    // `Lee0` is shared by four people in the same article: ambiguous, kept apart
    let e = b.doc.mentions[1].entity.unwrap();
    assert_eq!(b.doc.entities[e].name, "Lee0");
}
