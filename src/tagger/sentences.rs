//! Sentences ready for tagging: regions cut into sentences (headings whole, prose through
//! the sentence splitter), glued words cut apart, and each token's facts and static features
//! (or their scores) computed once per document.

use crate::document::{Region, RegionKind};
use crate::gazetteer::Lexicon;
use crate::span::Span;

use super::features::{self, Mode, TokInfo};
use super::model::{Model, Scorer};
use super::viterbi::FnvMap;
use super::NL;

/// A sentence ready for tagging.
#[derive(Debug, Clone)]
pub struct PSent {
    /// Token spans.
    pub tokens: Vec<Span>,
    /// Token facts.
    pub infos: Vec<TokInfo>,
    /// Casing mode.
    pub mode: Mode,
    /// From a headline, title or subheading.
    pub heading: bool,
    /// Static feature buckets, flat (empty when the document was prepared with
    /// [`prepare_scored`], which keeps their scores instead).
    pub feats: Vec<u32>,
    /// `feats[offs[i]..offs[i+1]]` belong to token `i`.
    pub offs: Vec<u32>,
    /// Static scores per token (only from [`prepare_scored`]).
    pub stat: Vec<[f32; NL]>,
}

/// A document ready for tagging.
#[derive(Debug, Clone, Default)]
pub struct PDoc {
    /// Sentences in order.
    pub sents: Vec<PSent>,
}

impl PDoc {
    /// Number of tokens.
    pub fn tokens(&self) -> usize {
        self.sents.iter().map(|s| s.tokens.len()).sum()
    }
}

/// Longest token run tagged as one sentence (longer ones are cut into pieces).
pub const MAX_SENTENCE_TOKENS: usize = 1_000;

/// Split regions into sentences: headlines, titles and subheadings are one sentence each
/// (`heading = true`); teasers and paragraphs go through the sentence splitter, and
/// sentences over [`MAX_SENTENCE_TOKENS`] are cut.
pub fn segment(text: &str, regions: &[Region]) -> Vec<(Vec<Span>, bool)> {
    let mut out = Vec::new();
    for r in regions {
        let toks = unglue(text, crate::text::tokenize(text, r.span));
        if toks.is_empty() {
            continue;
        }
        match r.kind {
            RegionKind::Headline | RegionKind::Title | RegionKind::Subheading => {
                out.extend(toks.chunks(MAX_SENTENCE_TOKENS).map(|piece| (piece.to_vec(), true)));
            }
            RegionKind::Teaser | RegionKind::Paragraph => {
                for s in crate::text::sentences(text, &toks) {
                    // a "sentence" of thousands of tokens (a dump with no punctuation) is
                    // tagged in pieces, so chunking can bound memory
                    for piece in toks[s].chunks(MAX_SENTENCE_TOKENS) {
                        out.push((piece.to_vec(), false));
                    }
                }
            }
        }
    }
    out
}

/// Where a token glues two words that lost their space on the page, the byte offsets to
/// cut it at: after a lowercase run of two letters or more at the token's start that a
/// capital follows (`agoAsio`, `agoX` from teaser lists printed without spaces), or around
/// a `'s` that a capitalised word follows (`China'sGuangxi` → `China` `'s` `Guangxi`).
/// Camel-case names keep one lowercase letter or start with a capital (`iPhone`, `eBay`,
/// `McDonald`, `YouTube`) and are never cut.
fn glue_points(t: &str) -> Option<(usize, Option<usize>)> {
    let b = t.as_bytes();
    let lower_run = b.iter().take_while(|c| c.is_ascii_lowercase()).count();
    if lower_run >= 2 && b.get(lower_run).is_some_and(u8::is_ascii_uppercase) {
        return Some((lower_run, None));
    }
    for apo in ["'s", "\u{2019}s"] {
        if let Some(k) = t.find(apo) {
            let after = k + apo.len();
            let rest = &b[after..];
            if rest.len() > 1 && rest[0].is_ascii_uppercase() && rest[1].is_ascii_lowercase() {
                return Some(if k == 0 { (after, None) } else { (k, Some(after)) });
            }
        }
    }
    None
}

/// `toks` with glued words ([`glue_points`]) cut (only tokens that glue are touched).
fn unglue(text: &str, toks: Vec<Span>) -> Vec<Span> {
    if !toks.iter().any(|t| glue_points(t.slice(text)).is_some()) {
        return toks;
    }
    let mut out = Vec::with_capacity(toks.len() + 4);
    for t in toks {
        match glue_points(t.slice(text)) {
            Some((k, second)) => {
                let cuts = [Some(t.start + k), second.map(|j| t.start + j)];
                let mut start = t.start;
                for c in cuts.into_iter().flatten() {
                    out.push(Span::new(start, c));
                    start = c;
                }
                out.push(Span::new(start, t.end));
            }
            None => out.push(t),
        }
    }
    out
}

/// Compute token facts and static features for a document (for training: keeps every
/// token's feature buckets).
pub fn prepare(text: &str, sents: Vec<(Vec<Span>, bool)>, res_gaz: &Lexicon, res_clusters: &Lexicon) -> PDoc {
    prepare_inner::<Model>(text, sents, res_gaz, res_clusters, None)
}

/// [`prepare`] for tagging with fixed weights: keeps each token's static scores (17
/// floats) instead of its feature buckets (about 50 ids), and never holds more than one
/// sentence's buckets.
pub fn prepare_scored<S: Scorer>(text: &str, sents: Vec<(Vec<Span>, bool)>, res_gaz: &Lexicon, res_clusters: &Lexicon, scorer: &S) -> PDoc {
    prepare_inner(text, sents, res_gaz, res_clusters, Some(scorer))
}

fn prepare_inner<S: Scorer>(
    text: &str,
    sents: Vec<(Vec<Span>, bool)>,
    res_gaz: &Lexicon,
    res_clusters: &Lexicon,
    scorer: Option<&S>,
) -> PDoc {
    let mut cache = features::LexCache::default();
    let mut pre: Vec<(Vec<Span>, Vec<TokInfo>, Mode, bool)> = sents
        .into_iter()
        .map(|(toks, heading)| {
            let infos = features::tok_infos(text, &toks, res_gaz, res_clusters, &mut cache);
            let mode = features::mode(&infos);
            (toks, infos, mode, heading)
        })
        .collect();
    drop(cache);
    let mut dc: FnvMap<&str, features::DocCase> = FnvMap::default();
    for (_, infos, mode, heading) in &pre {
        for (i, t) in infos.iter().enumerate() {
            if !t.alpha {
                continue;
            }
            let first_lower = t.lower.chars().next().map_or(false, |c| c.is_alphabetic()) && !t.init_cap;
            if first_lower {
                dc.entry(t.norm.as_str()).or_default().lower_seen = true;
            } else if t.init_cap && i > 0 && *mode == Mode::Normal && !*heading && !t.all_caps {
                dc.entry(t.norm.as_str()).or_default().cap_mid_seen = true;
            }
        }
    }
    let cases: Vec<Vec<features::DocCase>> = pre
        .iter()
        .map(|(_, infos, _, _)| infos.iter().map(|t| dc.get(t.norm.as_str()).copied().unwrap_or_default()).collect())
        .collect();
    drop(dc);
    let mut out = PDoc { sents: Vec::with_capacity(pre.len()) };
    let mut feats = Vec::new();
    let mut offs = Vec::new();
    for ((toks, infos, mode, heading), case) in pre.drain(..).zip(cases) {
        feats.clear();
        offs.clear();
        offs.push(0);
        let mut stat = Vec::with_capacity(if scorer.is_some() { toks.len() } else { 0 });
        for i in 0..toks.len() {
            let d = case[i];
            if let Some(scorer) = scorer {
                // the text-only features' sum is shared by every token with the same text
                let mut sc = *infos[i].word_score.get_or_init(|| {
                    let mut sc = [0f32; NL];
                    let (wf, k) = &infos[i].word_feats;
                    for &f in &wf[..*k as usize] {
                        scorer.add(f, &mut sc);
                    }
                    sc
                });
                features::context_features(&infos, i, mode, heading, &d, &mut feats);
                for &f in &feats {
                    scorer.add(f, &mut sc);
                }
                stat.push(sc);
                feats.clear();
            } else {
                features::static_features(&infos, i, mode, heading, &d, &mut feats);
                offs.push(feats.len() as u32);
            }
        }
        let (f, o) = if scorer.is_some() { (Vec::new(), Vec::new()) } else { (std::mem::take(&mut feats), std::mem::take(&mut offs)) };
        out.sents.push(PSent { tokens: toks, infos, mode, heading, feats: f, offs: o, stat });
    }
    out
}
