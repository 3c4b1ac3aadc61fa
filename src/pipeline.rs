//! The document pipeline: structure, then each extractor, joined in a fixed order.

use crate::document::{Document, Region};
use crate::options::Gleaner;

/// Run every enabled stage over `text`.
pub(crate) fn run(g: &Gleaner, text: &str) -> Document {
    let mut doc = crate::parse::document(text);
    let regions: Vec<Region> = doc.regions();
    if g.entities {
        let (mentions, tokens) = crate::tagger::tag(text, &regions);
        doc.mentions = mentions;
        doc.stats.tokens = tokens;
        crate::resolve::resolve(text, &mut doc);
    }
    if g.quotes {
        doc.quotes = crate::quotes::extract(text, &doc);
    }
    if g.times {
        let reference = g.reference.or_else(|| published_date(&doc));
        doc.times = crate::rules::time::extract(text, &doc, reference);
    }
    if g.amounts {
        doc.amounts = crate::rules::amount::extract(text, &doc);
    }
    if g.clusters {
        doc.clusters = crate::cluster::cluster(text, &doc);
    }
    doc
}

/// The first article's publish date, else the first headline time, as a reference date.
fn published_date(doc: &Document) -> Option<crate::rules::time::RefDate> {
    let iso = doc
        .articles
        .iter()
        .filter_map(|a| a.published.as_ref())
        .chain(doc.headlines.iter().filter_map(|h| h.time.as_ref()))
        .find_map(|t| t.iso.as_deref())?;
    crate::options::parse_ymd(iso.get(..10)?)
}
