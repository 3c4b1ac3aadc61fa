//! Long inputs: the tagger works in bounded chunks and reports progress inside the
//! entities stage; every chunk is tagged and the mentions stay in text order.

use gleaner::{Gleaner, Progress};

/// `CHUNK_TOKENS` in src/tagger/mod.rs.
const CHUNK_TOKENS: usize = 100_000;

/// About 12 tokens a line; `lines` lines. Names vary so the text is not one repeated
/// document.
fn long_text(lines: usize) -> String {
    const PEOPLE: [&str; 4] = ["Maria Tanaka", "Oluwaseun Bello", "Lars Eriksen", "Priya Raman"];
    const PLACES: [&str; 4] = ["Nairobi", "Osaka", "Lisbon", "Winnipeg"];
    let mut s = String::new();
    for i in 0..lines {
        let p = PEOPLE[i % 4];
        let c = PLACES[(i / 4) % 4];
        s += &format!("{p} told reporters in {c} on Tuesday that talks would resume after {} days.\n\n", i % 97 + 2);
    }
    s
}

#[test]
fn long_input_is_tagged_in_chunks_with_progress() {
    let text = long_text(9_000);
    let g = Gleaner::builder().quotes(false).times(false).amounts(false).clusters(false).build().unwrap();
    let mut seen: Vec<Progress> = Vec::new();
    let doc = g.parse_with_progress(&text, &mut |p| seen.push(p));
    assert!(doc.stats.tokens > CHUNK_TOKENS, "{} tokens: the test needs more than one chunk", doc.stats.tokens);

    // progress: monotone overall, ends done, and moves inside the entities stage
    let overall: Vec<f32> = seen.iter().map(|p| (p.done as f32 + p.fraction) / p.total as f32).collect();
    assert!(overall.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(seen.last().unwrap().stage, "done");
    let inside: Vec<&Progress> = seen.iter().filter(|p| p.stage == "entities" && p.fraction > 0.0).collect();
    assert!(!inside.is_empty() && inside.iter().all(|p| p.fraction < 1.0), "{seen:?}");

    // every chunk tagged: people found near the start and near the end, in text order
    let per: Vec<_> = doc.mentions.iter().filter(|m| m.label.as_str() == "PER").collect();
    assert!(per.first().unwrap().span.start < 200, "first person at {:?}", per.first().unwrap().span);
    assert!(per.last().unwrap().span.start > text.len() - 400, "last person at {:?}", per.last().unwrap().span);
    assert!(doc.mentions.windows(2).all(|w| (w[0].span.start, w[0].span.end) <= (w[1].span.start, w[1].span.end)));
    let lines = text.lines().filter(|l| !l.is_empty()).count();
    let people = per.iter().filter(|m| m.text.contains(' ')).count();
    assert!(people * 100 >= lines * 95, "{people} full names in {lines} lines");
}

#[test]
fn one_line_without_punctuation_is_cut_and_chunked() {
    // ~120k tokens in one "sentence": it is tagged in pieces, so chunks (and progress) still work
    let text = "Kim met officials from Samsung in Seoul and the talks would resume ".repeat(10_000);
    let g = Gleaner::builder().quotes(false).times(false).amounts(false).clusters(false).build().unwrap();
    let mut seen: Vec<Progress> = Vec::new();
    let doc = g.parse_with_progress(&text, &mut |p| seen.push(p));
    assert!(doc.stats.tokens > CHUNK_TOKENS, "{} tokens", doc.stats.tokens);
    assert!(seen.iter().any(|p| p.stage == "entities" && p.fraction > 0.0 && p.fraction < 1.0), "{seen:?}");
    let last = doc.mentions.last().expect("mentions");
    assert!(last.span.start > text.len() - 100, "tagged to the end: {:?}", last.span);
}
