//! The statistical NER tagger: BILOU tags from an averaged perceptron over hashed
//! features, decoded in two passes per document.
//!
//! * **Features** ([`features`]): word, lowercase, affixes, shapes, neighbouring words and
//!   shapes, GloVe k-means cluster ids, frequency rank, gazetteer matches (fst, see
//!   `crate::gazetteer`), sentence casing mode (normal / Title Case / ALL CAPS), headline
//!   flag, document casing evidence (is the word seen lowercase elsewhere?), previous two
//!   tags and the document's prediction history for the same word.
//! * **Sentences** ([`sentences`]): headings whole, prose through the sentence splitter,
//!   glued words cut apart, token facts and static scores computed once per document.
//! * **Decoding** ([`viterbi`]): first-order Viterbi per sentence over valid BILOU paths.
//!   Pass 1 sees the history of earlier tokens only; pass 2 re-tags every sentence seeing
//!   how all other occurrences of the word were tagged in pass 1 (so a headline benefits
//!   from the body and vice versa).
//! * **Confidence** of a mention: the smallest, over its tokens, max-marginal softmax of the
//!   chosen tag: `m(l)` is the score of the best valid path through tag `l` at that token
//!   (forward and backward Viterbi), and the confidence is `exp(m(chosen)/T) / Σ exp(m(l)/T)`,
//!   with the temperature `T` stored in the model and calibrated on dev by the trainer
//!   (Brier score of mention correctness).
//!
//! The model and lexicons are generated artifacts in `src/data/` (see `src/data/MANIFEST`),
//! produced by `gleaner-train`.
#![cfg_attr(not(feature = "train"), allow(dead_code))]

pub mod chrome;
pub mod features;
pub mod model;
pub mod rules;
pub mod sentences;
#[cfg(feature = "train")]
pub mod train;
pub mod viterbi;

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::document::{EntityLabel, Mention, Region};
use crate::gazetteer::{Lexicon, LexiconKind, LoadError};
use crate::span::Span;
use model::Model;
pub use rules::mentions_of;
pub use sentences::{prepare_scored, segment, PDoc, PSent};
pub use viterbi::{chunks, tag_doc, Fnv};
use viterbi::allowed_const;

/// Number of tags.
pub const NL: usize = 17;
/// The BILOU tag set, in model order.
pub const LABELS: [&str; NL] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC", "L-LOC", "U-LOC",
    "B-MISC", "I-MISC", "L-MISC", "U-MISC",
];
/// Entity types in tag order (type index 1..=4).
pub const TYPES: [EntityLabel; 4] = [EntityLabel::PER, EntityLabel::ORG, EntityLabel::LOC, EntityLabel::MISC];

/// Type index of a tag: 0 = O, 1..=4 = PER, ORG, LOC, MISC.
#[inline]
pub fn tag_type(l: u8) -> u8 {
    if l == 0 {
        0
    } else {
        (l - 1) / 4 + 1
    }
}

/// Position of a non-O tag: 0 = B, 1 = I, 2 = L, 3 = U.
#[inline]
pub fn tag_pos(l: u8) -> u8 {
    (l - 1) % 4
}

/// The tag of type index `ty` (1..=4) at position `pos`.
#[inline]
pub fn make_tag(ty: u8, pos: u8) -> u8 {
    1 + (ty - 1) * 4 + pos
}

/// Whether `cur` may follow `prev` (`last`: `cur` ends the sentence).
#[inline]
#[allow(dead_code)]
pub fn allowed(prev: u8, cur: u8, last: bool) -> bool {
    allowed_const(prev, cur, last)
}

/// The model and lexicons.
#[derive(Debug, Clone)]
pub struct Resources {
    /// Weights.
    pub model: Model,
    /// Gazetteer.
    pub gaz: Lexicon,
    /// Word clusters.
    pub clusters: Lexicon,
}

static MODEL_BYTES: &[u8] = include_bytes!("../data/ner.model");
static CLUSTER_BYTES: &[u8] = include_bytes!("../data/clusters.fst");

impl Resources {
    /// Load the embedded artifacts.
    pub fn embedded() -> Result<Resources, LoadError> {
        Ok(Resources {
            model: Model::from_bytes(MODEL_BYTES)?,
            gaz: Lexicon::from_bytes(Cow::Borrowed(crate::gazetteer::GAZ_BYTES), LexiconKind::Gazetteer)?,
            clusters: Lexicon::from_bytes(Cow::Borrowed(CLUSTER_BYTES), LexiconKind::Clusters)?,
        })
    }
}

/// The embedded resources, loaded once (`None` if they fail validation, which a test rules out).
pub fn resources() -> Option<&'static Resources> {
    static R: OnceLock<Option<Resources>> = OnceLock::new();
    R.get_or_init(|| Resources::embedded().ok()).as_ref()
}

/// Tag every region of `text`, returning mentions in text order and the number of tokens read.
pub fn tag(text: &str, regions: &[Region]) -> (Vec<Mention>, usize) {
    tag_with_progress(text, regions, &mut |_| {})
}

/// Most tokens tagged as one document. Longer inputs (a few hundred KB of text and up) are
/// cut into consecutive chunks of whole sentences, each tagged as its own document, so
/// memory stays bounded (about 25 MB of tagger state whatever the input size) at the cost
/// of document-level evidence not crossing a chunk boundary.
pub const CHUNK_TOKENS: usize = 100_000;

/// [`tag`], calling `progress(share)` with the share of region text done (0 to 1) after
/// each chunk.
pub fn tag_with_progress(text: &str, regions: &[Region], progress: &mut dyn FnMut(f32)) -> (Vec<Mention>, usize) {
    let Some(res) = resources() else { return (Vec::new(), 0) };
    // progress: how far into the regions' stretch of text the flushed sentences reach
    let (from, to) = (regions.first().map_or(0, |r| r.span.start), regions.last().map_or(0, |r| r.span.end));
    let share = |at: usize| if to > from { (at.saturating_sub(from) as f64 / (to - from) as f64).min(1.0) as f32 } else { 1.0 };
    let mut out = Vec::new();
    let mut n = 0;
    let mut pending: Vec<(Vec<Span>, bool)> = Vec::new();
    let mut pending_tokens = 0;
    let flush = |pending: &mut Vec<(Vec<Span>, bool)>, out: &mut Vec<Mention>, n: &mut usize| {
        let doc = prepare_scored(text, std::mem::take(pending), &res.gaz, &res.clusters, &res.model);
        *n += doc.tokens();
        out.extend(mentions_of(text, &doc, &res.model, res.model.temperature));
    };
    for r in regions {
        for sent in segment(text, std::slice::from_ref(r)) {
            pending_tokens += sent.0.len();
            let end = sent.0.last().map_or(r.span.start, |t| t.end);
            pending.push(sent);
            if pending_tokens >= CHUNK_TOKENS {
                flush(&mut pending, &mut out, &mut n);
                pending_tokens = 0;
                progress(share(end));
            }
        }
    }
    if !pending.is_empty() {
        flush(&mut pending, &mut out, &mut n);
    }
    progress(1.0);
    out.sort_by_key(|m| (m.span.start, m.span.end));
    (out, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_transitions() {
        let b_per = make_tag(1, 0);
        let i_per = make_tag(1, 1);
        let l_per = make_tag(1, 2);
        let u_loc = make_tag(3, 3);
        assert!(allowed(0, b_per, false));
        assert!(!allowed(0, b_per, true));
        assert!(allowed(b_per, l_per, true));
        assert!(!allowed(b_per, 0, false));
        assert!(!allowed(b_per, make_tag(2, 2), false));
        assert!(allowed(l_per, u_loc, false));
        assert!(!allowed(0, i_per, false));
        assert_eq!(LABELS[b_per as usize], "B-PER");
        assert_eq!(LABELS[u_loc as usize], "U-LOC");
    }

    #[test]
    fn date_words() {
        for w in ["jan", "jan.", "january", "sept", "sept.", "may", "dec"] {
            assert!(super::rules::is_date_word(w), "{w}");
        }
        for w in ["ja", "jane", "mayor", "lee", "marchers"] {
            assert!(!super::rules::is_date_word(w), "{w}");
        }
    }

    #[test]
    fn chunking() {
        let t = [0, make_tag(1, 0), make_tag(1, 2), make_tag(3, 3), 0];
        let c = [1.0, 0.9, 0.8, 0.7, 1.0];
        assert_eq!(chunks(&t, &c), vec![(1, 2, 1, 0.8), (3, 3, 3, 0.7)]);
    }

    #[test]
    fn embedded_artifacts_load() {
        let r = Resources::embedded().expect("embedded model and lexicons are valid");
        assert!(r.model.rows() > 1000);
        assert!(r.gaz.len() > 1000 && r.clusters.len() > 1000);
    }
}
