//! The statistical NER tagger: BILOU tags from a greedy averaged perceptron over hashed
//! features, decoded in two passes per document.
//!
//! * **Features** ([`features`]): word, lowercase, affixes, shapes, neighbouring words and
//!   shapes, GloVe k-means cluster ids, frequency rank, gazetteer matches (fst, see
//!   `crate::gazetteer`), sentence casing mode (normal / Title Case / ALL CAPS), headline
//!   flag, document casing evidence (is the word seen lowercase elsewhere?), previous two
//!   tags and the document's prediction history for the same word.
//! * **Decoding**: left to right, greedy, restricted to valid BILOU transitions. Pass 1
//!   sees the history of earlier tokens only; pass 2 re-tags every sentence seeing how all
//!   other occurrences of the word were tagged in pass 1 (so a headline benefits from the
//!   body and vice versa).
//! * **Confidence** of a mention: the smallest, over its tokens, marginal probability of
//!   the chosen tag when the sentence's valid tag paths are weighted by
//!   `exp(score / T)` (forward-backward), with the temperature `T` stored in the model and
//!   calibrated on dev by the trainer (Brier score of mention correctness).
//!
//! The model and lexicons are generated artifacts in `src/data/` (see `src/data/MANIFEST`),
//! produced by `gleaner-train`.
#![cfg_attr(not(feature = "train"), allow(dead_code))]

pub mod features;
pub mod model;
#[cfg(feature = "train")]
pub mod train;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::document::{EntityLabel, Mention, Region, RegionKind};
use crate::gazetteer::{Lexicon, LexiconKind, LoadError};
use crate::span::Span;
use features::{Mode, TokInfo};
use model::{Model, Scorer};

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
pub fn allowed(prev: u8, cur: u8, last: bool) -> bool {
    let open = prev != 0 && tag_pos(prev) <= 1;
    let ok = if open {
        cur != 0 && tag_type(cur) == tag_type(prev) && matches!(tag_pos(cur), 1 | 2)
    } else {
        cur == 0 || matches!(tag_pos(cur), 0 | 3)
    };
    ok && !(last && cur != 0 && tag_pos(cur) <= 1)
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
static GAZ_BYTES: &[u8] = include_bytes!("../data/gazetteer.fst");
static CLUSTER_BYTES: &[u8] = include_bytes!("../data/clusters.fst");

impl Resources {
    /// Load the embedded artifacts.
    pub fn embedded() -> Result<Resources, LoadError> {
        Ok(Resources {
            model: Model::from_bytes(MODEL_BYTES)?,
            gaz: Lexicon::from_bytes(Cow::Borrowed(GAZ_BYTES), LexiconKind::Gazetteer)?,
            clusters: Lexicon::from_bytes(Cow::Borrowed(CLUSTER_BYTES), LexiconKind::Clusters)?,
        })
    }
}

/// The embedded resources, loaded once (`None` if they fail validation, which a test rules out).
pub fn resources() -> Option<&'static Resources> {
    static R: OnceLock<Option<Resources>> = OnceLock::new();
    R.get_or_init(|| Resources::embedded().ok()).as_ref()
}

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
    /// Static feature buckets, flat.
    pub feats: Vec<u32>,
    /// `feats[offs[i]..offs[i+1]]` belong to token `i`.
    pub offs: Vec<u32>,
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

/// Split regions into sentences: headlines, titles and subheadings are one sentence each
/// (`heading = true`); teasers and paragraphs go through the sentence splitter.
pub fn segment(text: &str, regions: &[Region]) -> Vec<(Vec<Span>, bool)> {
    let mut out = Vec::new();
    for r in regions {
        let toks = crate::text::tokenize(text, r.span);
        if toks.is_empty() {
            continue;
        }
        match r.kind {
            RegionKind::Headline | RegionKind::Title | RegionKind::Subheading => out.push((toks, true)),
            RegionKind::Teaser | RegionKind::Paragraph => {
                for s in crate::text::sentences(text, &toks) {
                    out.push((toks[s].to_vec(), false));
                }
            }
        }
    }
    out
}

/// Compute token facts and static features for a document.
pub fn prepare(text: &str, sents: Vec<(Vec<Span>, bool)>, res_gaz: &Lexicon, res_clusters: &Lexicon) -> PDoc {
    let mut pre: Vec<(Vec<Span>, Vec<TokInfo>, Mode, bool)> = sents
        .into_iter()
        .map(|(toks, heading)| {
            let infos = features::tok_infos(text, &toks, res_gaz, res_clusters);
            let mode = features::mode(&infos);
            (toks, infos, mode, heading)
        })
        .collect();
    let mut dc: HashMap<&str, features::DocCase> = HashMap::new();
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
    let dc: HashMap<String, features::DocCase> = dc.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    let mut out = PDoc { sents: Vec::with_capacity(pre.len()) };
    for (toks, infos, mode, heading) in pre.drain(..) {
        let mut feats = Vec::with_capacity(toks.len() * 64);
        let mut offs = Vec::with_capacity(toks.len() + 1);
        offs.push(0);
        for i in 0..toks.len() {
            let d = dc.get(infos[i].norm.as_str()).copied().unwrap_or_default();
            features::static_features(text, &toks, &infos, i, mode, heading, &d, &mut feats);
            offs.push(feats.len() as u32);
        }
        out.sents.push(PSent { tokens: toks, infos, mode, heading, feats, offs });
    }
    out
}

/// Where the history features come from.
pub enum History<'a> {
    /// No history features.
    Off,
    /// Earlier tokens of this pass.
    Online,
    /// All other tokens, as tagged by a previous pass.
    Full(&'a [Vec<u8>]),
}

fn hist_key(t: &TokInfo) -> bool {
    t.init_cap && t.alpha
}

fn hist_value(c: &[u16; 5]) -> Option<(u8, bool)> {
    let total: u32 = c.iter().map(|&x| x as u32).sum();
    if total == 0 {
        return None;
    }
    let mut best = 0;
    for k in 1..5 {
        if c[k] > c[best] {
            best = k;
        }
    }
    Some((best as u8, c[best] as u32 == total))
}

/// A learning callback: `(gold features, gold tag, predicted features, predicted tag)`,
/// called for every token (with equal arguments when the prediction was right).
pub type Learn<'a> = &'a mut dyn FnMut(&[u32], u8, &[u32], u8);

/// Decode one pass over a document (first-order Viterbi per sentence over valid BILOU
/// paths). Returns tags and per-token confidences per sentence. With `learn`, `gold` must
/// be given: the callback receives each token's gold and predicted feature sets.
pub fn decode<S: Scorer>(
    doc: &PDoc,
    scorer: &S,
    temperature: f32,
    history: History<'_>,
    gold: Option<&[Vec<u8>]>,
    mut learn: Option<Learn<'_>>,
) -> (Vec<Vec<u8>>, Vec<Vec<f32>>) {
    let mut counts: HashMap<&str, [u16; 5]> = HashMap::new();
    let use_hist = !matches!(history, History::Off);
    if let History::Full(prev) = &history {
        for (s, tags) in doc.sents.iter().zip(prev.iter()) {
            for (t, &l) in s.infos.iter().zip(tags) {
                if hist_key(t) {
                    counts.entry(t.norm.as_str()).or_default()[tag_type(l) as usize] += 1;
                }
            }
        }
    }
    let online = matches!(history, History::Online);
    let full_prev = if let History::Full(p) = history { Some(p) } else { None };
    let mut all_tags = Vec::with_capacity(doc.sents.len());
    let mut all_conf = Vec::with_capacity(doc.sents.len());
    let mut fv: Vec<u32> = Vec::with_capacity(128);
    let mut hv: Vec<Vec<u32>> = Vec::new();
    let inv_t = if temperature > 0.0 { 1.0 / temperature } else { 1.0 };
    // Per token: static scores, transition scores [p1][l].
    let mut stat: Vec<[f32; NL]> = Vec::new();
    let mut trans: Vec<[[f32; NL]; NL]> = Vec::new();
    let mut back: Vec<[u8; NL]> = Vec::new();
    for (si, s) in doc.sents.iter().enumerate() {
        let n = s.tokens.len();
        stat.clear();
        trans.clear();
        hv.clear();
        for i in 0..n {
            let hk = use_hist && hist_key(&s.infos[i]);
            let hist = if hk {
                counts.get(s.infos[i].norm.as_str()).and_then(|c| {
                    let mut c = *c;
                    if let Some(p) = full_prev {
                        let own = tag_type(p[si][i]) as usize;
                        c[own] = c[own].saturating_sub(1);
                    }
                    hist_value(&c)
                })
            } else {
                None
            };
            let mut h = Vec::new();
            features::hist_features(&s.infos, i, s.mode, hist, &mut h);
            let mut sc = [0f32; NL];
            for &f in s.feats[s.offs[i] as usize..s.offs[i + 1] as usize].iter().chain(&h) {
                scorer.add(f, &mut sc);
            }
            stat.push(sc);
            hv.push(h);
            let mut tr = [[0f32; NL]; NL];
            let plist: &[u8] = if i == 0 { &[0] } else { &ALL_TAGS };
            for &p in plist {
                fv.clear();
                features::prev_features(&s.infos, i, p, &mut fv);
                for &f in &fv {
                    scorer.add(f, &mut tr[p as usize]);
                }
            }
            trans.push(tr);
        }
        // Viterbi.
        back.clear();
        let mut delta = [f32::NEG_INFINITY; NL];
        for i in 0..n {
            let last = i + 1 == n;
            let mut nd = [f32::NEG_INFINITY; NL];
            let mut bk = [0u8; NL];
            for l in 0..NL {
                if i == 0 {
                    if allowed(0, l as u8, last) {
                        nd[l] = stat[0][l] + trans[0][0][l];
                    }
                    continue;
                }
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                for p in 0..NL {
                    if delta[p] == f32::NEG_INFINITY || !allowed(p as u8, l as u8, last) {
                        continue;
                    }
                    let v = delta[p] + trans[i][p][l];
                    if v > best {
                        best = v;
                        arg = p as u8;
                    }
                }
                if best > f32::NEG_INFINITY {
                    nd[l] = best + stat[i][l];
                    bk[l] = arg;
                }
            }
            delta = nd;
            back.push(bk);
        }
        let mut tags = vec![0u8; n];
        if n > 0 {
            let mut best = 0usize;
            for l in 0..NL {
                if delta[l] > delta[best] {
                    best = l;
                }
            }
            let mut cur = best as u8;
            for i in (0..n).rev() {
                tags[i] = cur;
                if i > 0 {
                    cur = back[i][cur as usize];
                }
            }
        }
        // Confidences: marginal probability of each chosen tag under the distribution
        // p(path) ∝ exp(score(path) / T) over valid paths (forward-backward, log space).
        let mut confs = vec![1f32; n];
        if learn.is_none() && n > 0 {
            let lse = |v: &mut dyn Iterator<Item = f32>| -> f32 {
                let xs: Vec<f32> = v.collect();
                let m = xs.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
                if m == f32::NEG_INFINITY {
                    return m;
                }
                m + xs.iter().map(|x| (x - m).exp()).sum::<f32>().ln()
            };
            let mut alpha = vec![[f32::NEG_INFINITY; NL]; n];
            for l in 0..NL {
                if allowed(0, l as u8, n == 1) {
                    alpha[0][l] = (stat[0][l] + trans[0][0][l]) * inv_t;
                }
            }
            for i in 1..n {
                let last = i + 1 == n;
                for l in 0..NL {
                    let a = lse(&mut (0..NL).filter(|&p| allowed(p as u8, l as u8, last)).map(|p| alpha[i - 1][p] + trans[i][p][l] * inv_t));
                    alpha[i][l] = a + stat[i][l] * inv_t;
                }
            }
            let mut beta = vec![[f32::NEG_INFINITY; NL]; n];
            beta[n - 1] = [0.0; NL];
            for i in (0..n - 1).rev() {
                let last = i + 2 == n;
                for p in 0..NL {
                    beta[i][p] = lse(&mut (0..NL)
                        .filter(|&l| allowed(p as u8, l as u8, last))
                        .map(|l| (trans[i + 1][p][l] + stat[i + 1][l]) * inv_t + beta[i + 1][l]));
                }
            }
            let z = lse(&mut (0..NL).map(|l| alpha[n - 1][l]));
            for i in 0..n {
                let l = tags[i] as usize;
                let m = (alpha[i][l] + beta[i][l] - z).exp();
                confs[i] = if m.is_finite() { m.clamp(0.0, 1.0) } else { 0.0 };
            }
        }
        if let (Some(g), Some(cb)) = (gold, learn.as_mut()) {
            let g = &g[si];
            let mut fg: Vec<u32> = Vec::with_capacity(128);
            let mut fp: Vec<u32> = Vec::with_capacity(128);
            for i in 0..n {
                let st = &s.feats[s.offs[i] as usize..s.offs[i + 1] as usize];
                let gp = if i == 0 { 0 } else { g[i - 1] };
                let pp = if i == 0 { 0 } else { tags[i - 1] };
                fg.clear();
                fp.clear();
                fg.extend_from_slice(st);
                fg.extend_from_slice(&hv[i]);
                fp.extend_from_slice(&fg);
                features::prev_features(&s.infos, i, gp, &mut fg);
                features::prev_features(&s.infos, i, pp, &mut fp);
                cb(&fg, g[i], &fp, tags[i]);
            }
        }
        if online {
            for i in 0..n {
                if use_hist && hist_key(&s.infos[i]) {
                    counts.entry(s.infos[i].norm.as_str()).or_default()[tag_type(tags[i]) as usize] += 1;
                }
            }
        }
        all_tags.push(tags);
        all_conf.push(confs);
    }
    (all_tags, all_conf)
}

const ALL_TAGS: [u8; NL] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

/// Two-pass tagging of a prepared document.
pub fn tag_doc<S: Scorer>(doc: &PDoc, scorer: &S, temperature: f32) -> (Vec<Vec<u8>>, Vec<Vec<f32>>) {
    let (t1, _) = decode(doc, scorer, temperature, History::Online, None, None);
    decode(doc, scorer, temperature, History::Full(&t1), None, None)
}

/// Entity spans `(first token, last token, type index, confidence)` of one sentence's tags.
pub fn chunks(tags: &[u8], confs: &[f32]) -> Vec<(usize, usize, u8, f32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let l = tags[i];
        if l == 0 {
            i += 1;
            continue;
        }
        let ty = tag_type(l);
        let start = i;
        let mut conf = confs[i];
        if tag_pos(l) == 0 {
            while i + 1 < tags.len() && tags[i + 1] != 0 && tag_type(tags[i + 1]) == ty && matches!(tag_pos(tags[i + 1]), 1 | 2) {
                i += 1;
                conf = conf.min(confs[i]);
                if tag_pos(tags[i]) == 2 {
                    break;
                }
            }
        }
        out.push((start, i, ty, conf));
        i += 1;
    }
    out
}

/// The hand-written list (type index 1..=4) that has exactly tokens `a..=b` as a phrase,
/// when exactly one does.
fn hand_type(infos: &[TokInfo], a: usize, b: usize) -> Option<u8> {
    use crate::gazetteer::cat;
    let mut found = None;
    for (c, ty) in [(cat::PER_HAND, 1u8), (cat::ORG_HAND, 2), (cat::LOC_HAND, 3), (cat::MISC_HAND, 4)] {
        let c = c as u128 * 4;
        let hit = if a == b {
            infos[a].gaz & (1 << (c + 3)) != 0
        } else {
            infos[a].gaz & (1 << c) != 0 && infos[b].gaz & (1 << (c + 2)) != 0
        };
        if hit {
            if found.is_some() {
                return None;
            }
            found = Some(ty);
        }
    }
    found
}

/// Tag a prepared document and return its mentions (text order).
///
/// Merge policy (model, then hand-written lists): a model mention whose exact tokens form a
/// phrase of exactly one hand-written list (`src/data/lexicon/hand/{per,org,loc,misc}.txt`)
/// takes that list's type; a capitalised phrase of the hand-written people list that no
/// model mention overlaps is added as PER with confidence 0.5.
pub fn mentions_of<S: Scorer>(text: &str, doc: &PDoc, scorer: &S, temperature: f32) -> Vec<Mention> {
    let (tags, confs) = tag_doc(doc, scorer, temperature);
    let mut out = Vec::new();
    for ((s, t), c) in doc.sents.iter().zip(&tags).zip(&confs) {
        let mut found = chunks(t, c);
        for m in found.iter_mut() {
            if let Some(ty) = hand_type(&s.infos, m.0, m.1) {
                m.2 = ty;
            }
        }
        // Hand-listed people the model missed.
        let per = crate::gazetteer::cat::PER_HAND as u128 * 4;
        let n = s.infos.len();
        let mut i = 0;
        while i < n {
            let g = s.infos[i].gaz;
            let mut end = None;
            if g & (1 << (per + 3)) != 0 {
                end = Some(i);
            } else if g & (1 << per) != 0 {
                // Longest phrase starting here.
                let mut j = i + 1;
                while j < n && s.infos[j].gaz & (1 << (per + 1) | 1 << (per + 2)) != 0 {
                    if s.infos[j].gaz & (1 << (per + 2)) != 0 {
                        end = Some(j);
                    }
                    j += 1;
                }
            }
            if let Some(e) = end {
                let free = t[i..=e].iter().all(|&x| x == 0);
                if free && s.infos[i].init_cap && hand_type(&s.infos, i, e) == Some(1) {
                    found.push((i, e, 1, 0.5));
                    i = e + 1;
                    continue;
                }
            }
            i += 1;
        }
        for (a, b, ty, conf) in found {
            let span = Span::new(s.tokens[a].start, s.tokens[b].end);
            out.push(Mention {
                text: span.slice(text).to_string(),
                span,
                label: TYPES[ty as usize - 1],
                confidence: conf,
                entity: None,
            });
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// Tag every region of `text`, returning mentions in text order and the number of tokens read.
pub fn tag(text: &str, regions: &[Region]) -> (Vec<Mention>, usize) {
    let Some(res) = resources() else { return (Vec::new(), 0) };
    let sents = segment(text, regions);
    let doc = prepare(text, sents, &res.gaz, &res.clusters);
    let n = doc.tokens();
    (mentions_of(text, &doc, &res.model, res.model.temperature), n)
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
