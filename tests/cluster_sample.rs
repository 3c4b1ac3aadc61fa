//! The sample dump's headline clusters (headlines located by hand: every line after a `-`
//! marker line), checked by eye against the text.

#[path = "resolve_helper.rs"]
mod helper;

use gleaner::eval::quotes::stages;
use gleaner::{Headline, ListRole, Span};

#[test]
fn sample_headline_clusters() {
    let Some(text) = helper::sample() else {
        println!("SKIPPED: ../shared/data missing");
        return;
    };
    let mut doc = helper::article_doc(&text);
    let mut pos = 0;
    let lines: Vec<(usize, &str)> = text.split_inclusive('\n').map(|l| { let s = pos; pos += l.len(); (s, l.trim_end()) }).collect();
    for w in lines.windows(2) {
        if w[0].1 == "-" {
            doc.headlines.push(Headline { text: w[1].1.to_string(), span: Span::new(w[1].0, w[1].0 + w[1].1.len()), time: None, teaser: None, list: 0, role: ListRole::Main });
        }
    }
    let clusters = stages::cluster(&text, &doc);
    let got: Vec<Vec<String>> = clusters.iter().map(|c| c.headlines.iter().map(|&h| doc.headlines[h].text.clone()).collect()).collect();
    for c in &clusters {
        println!("{:?} {:?} {:?} {:?}", c.label, c.shared_entities, c.shared_terms, c.headlines.iter().map(|&h| &doc.headlines[h].text).collect::<Vec<_>>());
    }
    let has = |a: &str, b: &str| got.iter().any(|c| c.iter().any(|x| x.starts_with(a)) && c.iter().any(|x| x.starts_with(b)));
    let apart = |a: &str, b: &str| !has(a, b);
    assert!(has("Man City win race to sign Sem", "Man City win race to sign for"));
    assert!(has("Russia joins Chinese, Iran warships for drills off South", "Russia joins Chinese, Iran warships for drills off S.Africa"));
    assert_eq!(got.iter().find(|c| c[0].starts_with("Russia joins")).map(|c| c.len()), Some(2));
    assert!(has("'Devastated' Switzerland grieves New", "'Devastated' Switzerland grieves dea"));
    assert!(has("'Devastated' Switzerland grieves New", "Switzerland holds day of mourn"));
    assert!(has("'Devastated' Switzerland grieves New", "Switzerland 'devastated' by fi"));
    assert!(has("Swiatek wins in 58 minutes", "Swiatek romps to United Cup"));
    assert!(has("Kyiv mayor calls for temporary", "Russian strikes cut heat to Ky"));
    assert!(has("Polish farmers march against M", "EU countries override France to"));
    assert!(has("Stocks rise despite mixed US j", "Stocks rise ahead of US jobs d"));
    assert!(has("Storms pummel northern Europe", "Hundreds of thousands without"));
    // different stories about the same country stay apart
    assert!(apart("Venezuela says in talks with U", "Families wait in anguish for p"));
    assert!(apart("Russia joins Chinese, Iran war", "Russian strikes cut heat to Ky"));
    assert!(apart("'Devastated' Switzerland griev", "Ski great Hirscher pulls out o"));
    assert!(apart("Olympic ice hockey arena will", "Ski great Hirscher pulls out o"));
    assert!(apart("'Unhappy' Putin sends message", "Man pleads guilty to sending '"));
    assert!(apart("France has right to say 'no' t", "EU countries override France t"));
    assert!(apart("Polish farmers march against M", "Swiatek wins in 58 minutes as"));
    assert!(clusters.iter().any(|c| c.shared_entities.contains(&"Man City".to_string())));
    assert!(clusters.iter().any(|c| c.shared_entities.contains(&"South Africa".to_string())));
    for c in &clusters {
        assert!(c.headlines.len() + c.articles.len() >= 2);
        assert!(!c.label.is_empty());
    }
}
