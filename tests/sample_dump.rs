//! The real dump gleaner was designed from (`../shared/samples/000_bfeed5d58f9e5359.txt`,
//! third-party text read from there, never copied into the repository).

use std::path::PathBuf;

fn sample() -> Option<String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/samples/000_bfeed5d58f9e5359.txt");
    match std::fs::read_to_string(&p) {
        Ok(s) => Some(s),
        Err(_) => {
            eprintln!("SKIPPED: ../shared/samples missing ({} not found)", p.display());
            None
        }
    }
}

#[test]
fn sample_structure() {
    let Some(text) = sample() else { return };
    let doc = gleaner::parse(&text);
    assert_eq!(doc.kind, gleaner::DocumentKind::Mixed);
    // 50 headlines, in order, each the line after a `-` line
    let expected: Vec<&str> = text.lines().collect::<Vec<_>>().windows(2).filter(|w| w[0] == "-").map(|w| w[1]).collect();
    assert_eq!(expected.len(), 50);
    let got: Vec<&str> = doc.headlines.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(got, expected);
    assert!(doc.headlines.iter().all(|h| h.role == gleaner::ListRole::Main && h.list == 0));
    // one article, not merged with the list
    assert_eq!(doc.articles.len(), 1);
    let a = &doc.articles[0];
    // the title is the line right after the last headline (no `-` line between)
    let lines: Vec<&str> = text.lines().collect();
    let title = lines.windows(3).find(|w| w[0] == "-" && w[1] != "-" && !w[2].is_empty() && w[2] != "-").map(|w| w[2]).unwrap();
    assert_eq!(a.title.as_ref().unwrap().text, title);
    assert!(a.span.start > doc.headlines.last().unwrap().span.end);
    let paragraphs: usize = a.sections.iter().map(|s| s.paragraphs.len()).sum();
    assert_eq!(paragraphs, 22);
    let headings: Vec<&str> = a.sections.iter().filter_map(|s| s.heading.as_ref()).map(|h| h.text.as_str()).collect();
    assert_eq!(headings, ["Dark past"]);
    let by = a.byline.as_ref().unwrap();
    assert_eq!(by.authors, ["Y. Nakamura"]);
    assert_eq!(by.source.as_deref(), Some("AMWN"));
    assert_eq!(by.position, gleaner::BylinePosition::End);
    // every paragraph is exactly one line of the input
    for p in a.sections.iter().flat_map(|s| &s.paragraphs) {
        assert_eq!(&text[p.span.start..p.span.end], p.text);
        assert!(!p.text.contains('\n'));
    }
    assert!(doc.boilerplate.is_empty(), "{:?}", doc.boilerplate);
}
