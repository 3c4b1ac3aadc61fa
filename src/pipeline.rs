//! The document pipeline: structure, then each extractor, joined in a fixed order.

use std::ops::ControlFlow;

use crate::document::{Document, Region};
use crate::options::Gleaner;

/// Progress through the pipeline, reported between stages and, for long inputs, within
/// the entities stage (after each chunk the tagger finishes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// Stages finished.
    pub done: u32,
    /// Stages in all.
    pub total: u32,
    /// The stage running or about to run (`"structure"`, `"entities"`, …) or `"done"`.
    pub stage: &'static str,
    /// Share of `stage` already done, 0 to 1 (0 when it is about to start). Overall
    /// progress is `(done + fraction) / total`.
    pub fraction: f32,
}

const STAGES: [&str; 6] = ["structure", "entities", "quotes", "times", "amounts", "clusters"];

/// Load lazily built data (model, gazetteers) now.
#[cfg_attr(not(feature = "wasm"), allow(dead_code))]
pub(crate) fn warm_up() {
    let _ = crate::tagger::tag("", &[]);
}

/// Run every enabled stage over `text`. `None` when `progress` asked to stop: checked at
/// every report; a stop asked for within the entities stage takes effect when the tagger
/// finishes its pass (it has no stop of its own).
pub(crate) fn run(g: &Gleaner, text: &str, progress: &mut dyn FnMut(Progress) -> ControlFlow<()>) -> Option<Document> {
    let total = STAGES.len() as u32;
    let stage = |i: usize| STAGES.get(i).copied().unwrap_or("done");
    let mut stopped = false;
    let mut report = |i: usize, fraction: f32| -> Option<()> {
        if !stopped {
            stopped = progress(Progress { done: i as u32, total, stage: stage(i), fraction }).is_break();
        }
        (!stopped).then_some(())
    };
    report(0, 0.0)?;
    let mut doc = apart(|| crate::parse::document(text));
    report(1, 0.0)?;
    if g.entities {
        let mut inner = Some(());
        apart(|| {
            let regions: Vec<Region> = crate::tagger::chrome::regions(&doc);
            let (mentions, tokens) = crate::tagger::tag_with_progress(text, &regions, &mut |f| {
                if f < 1.0 && inner.is_some() {
                    inner = report(1, f);
                }
            });
            doc.mentions = crate::tagger::chrome::merge(text, &doc, mentions);
            doc.stats.tokens = tokens;
        });
        inner?;
        apart(|| crate::resolve::resolve(text, &mut doc));
    }
    report(2, 0.0)?;
    if g.quotes {
        doc.quotes = apart(|| crate::quotes::extract(text, &doc));
    }
    report(3, 0.0)?;
    if g.times {
        let reference = g.reference.or_else(|| published_date(&doc));
        doc.times = apart(|| crate::rules::time::extract(text, &doc, reference));
    }
    report(4, 0.0)?;
    if g.amounts {
        doc.amounts = apart(|| crate::rules::amount::extract(text, &doc));
    }
    report(5, 0.0)?;
    if g.clusters {
        doc.clusters = apart(|| crate::cluster::cluster(text, &doc));
    }
    report(6, 0.0)?;
    Some(doc)
}

/// Run one stage as a function of its own. Why: LLVM otherwise inlines every stage into
/// `run`, one wasm function of about 180 KB that V8 has to compile whole (Liftoff, on the
/// worker thread, on the first call) before the first parse can start, even a structure-only
/// one; as separate functions each stage is compiled when it first runs.
#[inline(never)]
fn apart<T>(f: impl FnOnce() -> T) -> T {
    f()
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
