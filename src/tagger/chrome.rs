//! Page chrome the tagger reads besides the body: datelines (`BAMAKO, Feb 25 (AFP) –`) and
//! bylines (`By Ana Lima`). The structure layer keeps them out of the paragraphs, but the
//! places, agencies and authors in them are names of the document.

use std::collections::BTreeSet;

use crate::document::{BoilerplateKind, Document, EntityLabel, Mention, Region, RegionKind};
use crate::span::Span;

/// The regions to tag for `doc`: [`Document::regions`] plus every article's dateline and
/// byline (as paragraphs: CoNLL-2003 has datelines as sentences of their own), in text order.
pub fn regions(doc: &Document) -> Vec<Region> {
    let mut out = doc.regions();
    out.sort_by_key(|r| (r.span.start, r.span.end));
    // Overlap with the body regions: those starting before a span's end are a prefix of
    // `out`; one of them overlaps it when the largest end in that prefix passes its start.
    let max_end: Vec<usize> = out.iter().scan(0, |m, r| { *m = (*m).max(r.span.end); Some(*m) }).collect();
    let base = out.len();
    // Chrome already taken, by (start, end): never overlapping each other, so the last one
    // starting before a span's end has the largest end of those.
    let mut taken: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut take = |span: Span, kind: RegionKind, article: Option<usize>, out: &mut Vec<Region>| {
        // never tag a span twice: skip chrome that overlaps a region already read
        let before = out[..base].partition_point(|r| r.span.start < span.end);
        let in_body = before > 0 && max_end[before - 1] > span.start;
        let in_chrome = taken.range(..(span.end, 0)).next_back().is_some_and(|&(_, end)| end > span.start);
        if !in_body && !in_chrome {
            taken.insert((span.start, span.end));
            out.push(Region { span, kind, article });
        }
    };
    for (i, a) in doc.articles.iter().enumerate() {
        let chrome = a.dateline.as_ref().map(|d| d.span).into_iter().chain(a.byline.as_ref().map(|b| b.span));
        for span in chrome {
            take(span, RegionKind::Paragraph, Some(i), &mut out);
        }
    }
    for b in &doc.boilerplate {
        if let Some(kind) = clutter_region(&b.kind, &b.text) {
            take(b.span, kind, None, &mut out);
        }
    }
    out.sort_by_key(|r| (r.span.start, r.span.end));
    out
}

/// How to read a block the structure layer filed as clutter, or `None` to leave it out.
/// Only [`BoilerplateKind::Other`] is read: on real pages it holds related headlines,
/// captions, scorecards and paragraphs the layout hid (menus, share widgets, consent text,
/// tickers and legal lines are never read). A block with a sentence end or mostly
/// lowercase words is read as a paragraph, anything else as one headline; of one-word
/// blocks only an ALL-CAPS word is read.
fn clutter_region(kind: &BoilerplateKind, text: &str) -> Option<RegionKind> {
    if *kind != BoilerplateKind::Other {
        return None;
    }
    let (mut words, mut lower) = (0usize, 0usize);
    for w in text.split_whitespace() {
        words += 1;
        lower += usize::from(w.chars().next().is_some_and(char::is_lowercase));
    }
    // one word: only an ALL-CAPS word heading a section (`ARIZONA` over a state's news),
    // which the caps-place rule may type; other single words are widgets and labels
    let caps_word = words == 1 && text.trim().chars().count() >= 3 && text.trim().chars().all(|c| c.is_alphabetic() && !c.is_lowercase());
    if words < 2 && !caps_word {
        return None;
    }
    let sentence = text.trim_end().ends_with(['.', '!', '?', '"', '”']);
    Some(if sentence || 2 * lower > words { RegionKind::Paragraph } else { RegionKind::Headline })
}

/// Merge policy for chrome: the structure layer's reading of a dateline (place → LOC,
/// agency → ORG) and of a byline (each author → PER, source → ORG) wins over the tagger
/// there, because it knows the line's layout. A part counts only where it is printed
/// verbatim inside the dateline or byline (authors are normalised, `K. Tanaka` may be
/// printed `K TANAKA`: then the tagger's mentions stay). A place is cut at its first comma
/// or parenthesis (`FORT LAUDERDALE, Fla.` → `FORT LAUDERDALE`). Tagger mentions that
/// overlap a chrome mention are dropped; the result is in text order.
pub fn merge(text: &str, doc: &Document, tagged: Vec<Mention>) -> Vec<Mention> {
    let mut chrome: Vec<Mention> = Vec::new();
    let mut add = |within: Span, part: &str, label: EntityLabel| {
        let part = part.trim();
        let (Some(region), false) = (text.get(within.start..within.end), part.is_empty()) else { return };
        if let Some(k) = region.find(part) {
            let span = Span::new(within.start + k, within.start + k + part.len());
            chrome.push(Mention { text: part.to_string(), span, label, confidence: 1.0, entity: None });
        }
    };
    for a in &doc.articles {
        if let Some(d) = &a.dateline {
            if let Some(place) = &d.place {
                let core = place.split([',', '(']).next().unwrap_or("");
                add(d.span, core, EntityLabel::LOC);
            }
            if let Some(agency) = &d.agency {
                add(d.span, agency, EntityLabel::ORG);
            }
        }
        if let Some(b) = &a.byline {
            for author in &b.authors {
                add(b.span, author, EntityLabel::PER);
            }
            if let Some(source) = &b.source {
                add(b.span, source, EntityLabel::ORG);
            }
        }
    }
    if chrome.is_empty() {
        return tagged;
    }
    chrome.sort_by_key(|m| (m.span.start, m.span.end));
    chrome.dedup_by(|b, a| a.span.end > b.span.start); // overlapping parts: the first wins
    // The kept parts do not overlap, so their ends ascend too: the first part ending after a
    // mention's start is the only one that can overlap it.
    let overlaps = |m: &Mention| {
        let i = chrome.partition_point(|c| c.span.end <= m.span.start);
        chrome.get(i).is_some_and(|c| c.span.start < m.span.end)
    };
    let mut out: Vec<Mention> = tagged.into_iter().filter(|m| !overlaps(m)).collect();
    out.extend(chrome.iter().cloned());
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}
