//! NER on the real sample dump (`../shared/samples/000_bfeed5d58f9e5359.txt`, read at test
//! time, never copied). Two paths: the full pipeline (`Gleaner::parse(text).mentions`, with
//! the structure parser's headlines and paragraphs) and `tag()` over regions built here (the
//! lines after a `-` line are headlines, short unpunctuated lines titles, the rest paragraphs).

use gleaner::{EntityLabel, Mention, Region, RegionKind, Span};

fn sample() -> Option<String> {
    let dir = gleaner::eval::shared_data_dir()?;
    std::fs::read_to_string(dir.join("../samples/000_bfeed5d58f9e5359.txt")).ok()
}

fn regions(text: &str) -> Vec<Region> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut after_dash = false;
    for line in text.split_inclusive('\n') {
        let l = line.trim_end_matches(['\n', '\r']);
        let start = pos;
        pos += line.len();
        let t = l.trim();
        if t.is_empty() || t == "-" {
            after_dash = t == "-";
            continue;
        }
        let words = t.split_whitespace().count();
        let kind = if after_dash {
            RegionKind::Headline
        } else if t.starts_with("- ") && t.ends_with(" -") {
            RegionKind::Subheading
        } else if words <= 14 && !t.ends_with('.') && !t.ends_with('"') {
            RegionKind::Title
        } else {
            RegionKind::Paragraph
        };
        after_dash = false;
        out.push(Region { span: Span::new(start, start + l.len()), kind, article: None });
    }
    out
}

fn find<'a>(ms: &'a [Mention], text: &str) -> Vec<&'a Mention> {
    ms.iter().filter(|m| m.text == text).collect()
}

#[test]
fn sample_dump_entities_via_tag() {
    let Some(text) = sample() else {
        eprintln!("SKIPPED: ../shared/data missing");
        return;
    };
    let regions = regions(&text);
    let (ms, ntok) = gleaner::eval::ner::tag(&text, &regions);
    assert!(ntok > 1000);
    check(&text, &ms);
}

#[test]
fn sample_dump_entities_via_pipeline() {
    let Some(text) = sample() else {
        eprintln!("SKIPPED: ../shared/data missing");
        return;
    };
    let doc = gleaner::Gleaner::new().parse(&text);
    assert_eq!(doc.headlines.len(), 50, "structure parser: 50 headlines");
    assert!(doc.stats.tokens > 1000);
    check(&text, &doc.mentions);
}

fn check(text: &str, ms: &[Mention]) {
    let ms = ms.to_vec();
    if std::env::var_os("GLEANER_SHOW").is_some() {
        for m in &ms {
            eprintln!("{:5} {:.2} {}", m.label.as_str(), m.confidence, m.text);
        }
    }
    for m in &ms {
        assert_eq!(&text[m.span.start..m.span.end], m.text);
        assert!((0.0..=1.0).contains(&m.confidence));
    }
    let want: &[(&str, &[EntityLabel])] = &[
        ("Takaichi", &[EntityLabel::PER]),
        ("Lee Jae Myung", &[EntityLabel::PER]),
        ("Xi Jinping", &[EntityLabel::PER]),
        ("Kang Yu-jung", &[EntityLabel::PER]),
        ("Yee Kuang Heng", &[EntityLabel::PER]),
        ("University of Tokyo", &[EntityLabel::ORG]),
        ("APEC", &[EntityLabel::ORG, EntityLabel::MISC]),
        ("AFP", &[EntityLabel::ORG]),
        ("Sea of Japan", &[EntityLabel::LOC]),
        ("Swiatek", &[EntityLabel::PER]),
        ("Khamenei", &[EntityLabel::PER]),
        ("Man City", &[EntityLabel::ORG]),
        ("Mercosur", &[EntityLabel::ORG, EntityLabel::MISC]),
        ("S.Africa", &[EntityLabel::LOC]),
    ];
    let mut failures = Vec::new();
    for (name, labels) in want {
        let found = find(&ms, name);
        if found.is_empty() || !found.iter().all(|m| labels.contains(&m.label)) {
            failures.push(format!("{name}: {:?}", found.iter().map(|m| m.label).collect::<Vec<_>>()));
        }
    }
    // Ordinary capitalised headline words are not entities.
    for w in ["Recalled", "Families", "Stocks", "Experts", "Hundreds", "Defiant", "Storms", "Ski", "Polish farmers", "Devastated"] {
        if !find(&ms, w).is_empty() {
            failures.push(format!("{w} tagged as an entity"));
        }
    }
    assert!(failures.is_empty(), "sample dump NER failures: {failures:#?}");
}
