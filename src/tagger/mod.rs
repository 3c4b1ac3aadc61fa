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
pub use rules::mentions_of;

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

const fn allowed_const(prev: u8, cur: u8, last: bool) -> bool {
    let open = prev != 0 && (prev - 1) % 4 <= 1;
    let ok = if open {
        cur != 0 && (cur - 1) / 4 == (prev - 1) / 4 && matches!((cur - 1) % 4, 1 | 2)
    } else {
        cur == 0 || matches!((cur - 1) % 4, 0 | 3)
    };
    ok && !(last && cur != 0 && (cur - 1) % 4 <= 1)
}

/// A small, fast, deterministic hasher for the history table.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);
impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf29ce484222325 } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}
type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

type Tbl = [[f32; NL]; NL];

/// Where a token's previous-tag table comes from (see [`DocScores`]).
#[derive(Clone, Copy)]
enum Tr {
    /// `dense[ps]` is `P + S` for the token's shape and `dense[ps + 1]` is `S`; the word's
    /// non-zero rows are `wrows[w..w + wn]`.
    Cached { ps: u32, w: u32, wn: u32 },
    /// Computed from the weights when needed (training, or shapes beyond the cache).
    Raw,
}

/// Tag-independent scores of one sentence: static scores (unless the sentence carries
/// them, see [`prepare_scored`]) and where each token's previous-tag table comes from.
pub struct SentScores {
    stat: Option<Vec<[f32; NL]>>,
    tr: Vec<Tr>,
}

/// Scores of a whole document.
///
/// The features that depend on the previous tag `p` are the tag alone (`P`), the word
/// (`W`) and the short shape (`S`); a token's table is `T[p][l] = (P + W) + S`. `P` is one
/// dense table (`dense[0]`); `P + S` and `S` are dense per shape (few distinct shapes;
/// at most [`DocScores::SHAPES`], later shapes are computed on the fly); `W` is stored
/// sparse per word (only its non-zero rows: most words have none), so memory grows with
/// the vocabulary by a few bytes per word, and a token without `W` rows reads one cached
/// table.
pub struct DocScores {
    dense: Vec<Tbl>,
    wrows: Vec<(u8, [f32; NL])>,
    sents: Vec<SentScores>,
}

impl DocScores {
    /// Most distinct shapes with cached dense tables.
    pub const SHAPES: usize = 2048;

    /// The previous-tag table of token `i` (`s`, `sc`: its sentence): cached tables plus
    /// the word's rows, or a table assembled in `scratch`.
    #[inline]
    fn trans<'a, S: Scorer>(&'a self, s: &PSent, sc: &SentScores, i: usize, scorer: &S, scratch: &'a mut Tbl) -> TokTbl<'a> {
        let p_t = &self.dense[0];
        match sc.tr[i] {
            Tr::Cached { ps, w, wn } => TokTbl {
                base: &self.dense[ps as usize],
                st: &self.dense[ps as usize + 1],
                p_t,
                w: &self.wrows[w as usize..(w + wn) as usize],
            },
            Tr::Raw => {
                let [_, hw, hs] = features::prev_bases(&s.infos, i);
                let (tw, ts) = (table(scorer, hw), table(scorer, hs));
                for p in 0..NL {
                    for l in 0..NL {
                        scratch[p][l] = (p_t[p][l] + tw[p][l]) + ts[p][l];
                    }
                }
                TokTbl { base: scratch, st: p_t, p_t, w: &[] }
            }
        }
    }

    fn stat<'a>(&'a self, s: &'a PSent, sc: &'a SentScores) -> &'a [[f32; NL]] {
        sc.stat.as_deref().unwrap_or(&s.stat)
    }
}

/// One token's previous-tag table: `base[p]`, except for the rows `p` listed in `w`,
/// which are `(p_t[p] + w) + st[p]`. Read rows in ascending `p` with a [`TokTbl::rows`]
/// cursor.
struct TokTbl<'a> {
    base: &'a Tbl,
    st: &'a Tbl,
    p_t: &'a Tbl,
    w: &'a [(u8, [f32; NL])],
}

impl TokTbl<'_> {
    /// Row `p` (rows must be asked for in ascending `p`; `cur` is the cursor into `w`,
    /// `buf` holds an assembled row).
    #[inline]
    fn row<'b>(&'b self, p: usize, cur: &mut usize, buf: &'b mut [f32; NL]) -> &'b [f32; NL] {
        match self.w.get(*cur) {
            Some((q, wr)) if *q as usize == p => {
                *cur += 1;
                let (pt, st) = (&self.p_t[p], &self.st[p]);
                for l in 0..NL {
                    buf[l] = (pt[l] + wr[l]) + st[l];
                }
                buf
            }
            _ => &self.base[p],
        }
    }
}

fn table<S: Scorer>(scorer: &S, h: features::H) -> Tbl {
    let mut t = [[0f32; NL]; NL];
    for (p, row) in t.iter_mut().enumerate() {
        scorer.add(h.n(p as u64).bucket(), row);
    }
    t
}

fn static_scores<S: Scorer>(s: &PSent, scorer: &S) -> Option<Vec<[f32; NL]>> {
    if s.stat.len() == s.tokens.len() {
        return None;
    }
    Some(
        (0..s.tokens.len())
            .map(|i| {
                let mut sc = [0f32; NL];
                for &f in &s.feats[s.offs[i] as usize..s.offs[i + 1] as usize] {
                    scorer.add(f, &mut sc);
                }
                sc
            })
            .collect(),
    )
}

/// Compute the scores of one sentence (no sharing; used while training).
pub fn sent_scores<S: Scorer>(s: &PSent, scorer: &S) -> DocScores {
    DocScores {
        dense: vec![table(scorer, features::prev_tag_base())],
        wrows: Vec::new(),
        sents: vec![SentScores { stat: static_scores(s, scorer), tr: vec![Tr::Raw; s.tokens.len()] }],
    }
}

/// The scores of a whole document, sharing the previous-tag tables between tokens with
/// the same word or shape (valid while the weights do not change).
pub fn doc_scores<S: Scorer>(doc: &PDoc, scorer: &S) -> DocScores {
    let mut out = DocScores { dense: vec![table(scorer, features::prev_tag_base())], wrows: Vec::new(), sents: Vec::with_capacity(doc.sents.len()) };
    let mut by_word: FnvMap<&str, (u32, u32)> = FnvMap::default();
    let mut by_shape: FnvMap<&str, u32> = FnvMap::default();
    for s in &doc.sents {
        let mut tr = Vec::with_capacity(s.tokens.len());
        for i in 0..s.tokens.len() {
            let [_, hw, hs] = features::prev_bases(&s.infos, i);
            let info = &s.infos[i];
            let ps = match by_shape.get(info.sshape.as_str()) {
                Some(&ps) => Some(ps),
                None if by_shape.len() < DocScores::SHAPES => {
                    let st = table(scorer, hs);
                    let p_t = &out.dense[0];
                    let mut sum = [[0f32; NL]; NL];
                    for p in 0..NL {
                        for l in 0..NL {
                            // `(P + W) + S` with W = 0, to the bit (not simplified to `P + S`)
                            sum[p][l] = (p_t[p][l] + 0.0) + st[p][l];
                        }
                    }
                    let ps = out.dense.len() as u32;
                    out.dense.push(sum);
                    out.dense.push(st);
                    by_shape.insert(info.sshape.as_str(), ps);
                    Some(ps)
                }
                None => None,
            };
            let Some(ps) = ps else {
                tr.push(Tr::Raw);
                continue;
            };
            let (w, wn) = match by_word.get(info.norm.as_str()) {
                Some(&x) => x,
                None => {
                    let w = out.wrows.len() as u32;
                    for p in 0..NL {
                        let mut row = [0f32; NL];
                        scorer.add(hw.n(p as u64).bucket(), &mut row);
                        if row.iter().any(|&x| x != 0.0) {
                            out.wrows.push((p as u8, row));
                        }
                    }
                    let x = (w, out.wrows.len() as u32 - w);
                    by_word.insert(info.norm.as_str(), x);
                    x
                }
            };
            tr.push(Tr::Cached { ps, w, wn });
        }
        out.sents.push(SentScores { stat: static_scores(s, scorer), tr });
    }
    out
}

/// `e^x` from basic IEEE operations only (in f64), so confidences have the same bits in every
/// build: libm's `expf` differs between glibc and the wasm build. Range reduction by ln 2
/// and a degree-10 Taylor polynomial (error below 1e-12 before the final rounding to f32);
/// 0 below -104 (where `expf` underflows too).
fn exp_det(x: f32) -> f32 {
    if x.is_nan() {
        return x;
    }
    if x < -104.0 {
        return 0.0;
    }
    if x > 89.0 {
        return f32::INFINITY;
    }
    let x = x as f64;
    let n = (x / std::f64::consts::LN_2).round();
    let r = x - n * std::f64::consts::LN_2;
    let mut p = 1.0f64;
    for k in (1..=10).rev() {
        p = 1.0 + p * r / k as f64;
    }
    let scale = f64::from_bits(((n as i64 + 1023) as u64) << 52);
    (p * scale) as f32
}

/// `CLOSED[p]`: tag `p` is O, L-x or U-x, so the next tag is O, B-y or U-y (else `p` is B-x
/// or I-x and the next is I-x or L-x).
const CLOSED: [bool; NL] = {
    let mut c = [false; NL];
    let mut p = 0;
    while p < NL {
        c[p] = p == 0 || (p - 1) % 4 >= 2;
        p += 1;
    }
    c
};

/// `AFTER_CLOSED[last][l]`: tag `l` may follow a closed tag (O, B-y, U-y; not B-y when `l`
/// ends the sentence).
const AFTER_CLOSED: [[bool; NL]; 2] = {
    let mut t = [[false; NL]; 2];
    let mut l = 0;
    while l < NL {
        t[0][l] = allowed_const(0, l as u8, false);
        t[1][l] = allowed_const(0, l as u8, true);
        l += 1;
    }
    t
};

/// The continuations `(I-x, L-x)` of an open tag `p` (B-x or I-x).
#[inline]
fn open_next(p: usize) -> (usize, usize) {
    let b = p - (p - 1) % 4;
    (b + 1, b + 2)
}

/// One forward Viterbi step over valid BILOU pairs: `nd[l] = max_p prev[p] + T[p][l]` and
/// `bk[l]` its first maximising `p` (ascending `p`, as a plain double loop would find).
/// Rows from closed tags are scored for every `l` at once (vectorises) and masked after.
#[inline]
fn viterbi_step(prev: &[f32; NL], tr: &TokTbl<'_>, last: bool, rbuf: &mut [f32; NL], nd: &mut [f32; NL], bk: &mut [u8; NL]) {
    let mut best = [f32::NEG_INFINITY; NL];
    let mut arg = [0u32; NL];
    let mut cur = 0;
    for p in 0..NL {
        let row = tr.row(p, &mut cur, rbuf);
        let dp = prev[p];
        if CLOSED[p] {
            for l in 0..NL {
                let v = dp + row[l];
                let better = v > best[l];
                best[l] = if better { v } else { best[l] };
                arg[l] = if better { p as u32 } else { arg[l] };
            }
        } else {
            let (li, ll) = open_next(p);
            for l in [li, ll] {
                let v = dp + row[l];
                if v > nd[l] {
                    nd[l] = v;
                    bk[l] = p as u8;
                }
            }
        }
    }
    let ok = &AFTER_CLOSED[last as usize];
    for l in 0..NL {
        if ok[l] {
            nd[l] = best[l];
            bk[l] = arg[l] as u8;
        } else if last && l != 0 && (l - 1) % 4 <= 1 {
            nd[l] = f32::NEG_INFINITY; // B-x or I-x cannot end a sentence
            bk[l] = 0;
        }
    }
}

/// One backward max-product step: `nb[p] = max over valid l of (T[p][l] + stat[l]) + beta[l]`
/// (`last`: the next token ends the sentence).
#[inline]
fn backward_step(tr: &TokTbl<'_>, stat: &[f32; NL], beta: &[f32; NL], last: bool, rbuf: &mut [f32; NL]) -> [f32; NL] {
    let mut nb = [f32::NEG_INFINITY; NL];
    let ok = &AFTER_CLOSED[last as usize];
    let mut cur = 0;
    let mut v = [0f32; NL];
    for p in 0..NL {
        let row = tr.row(p, &mut cur, rbuf);
        if CLOSED[p] {
            for l in 0..NL {
                v[l] = row[l] + stat[l] + beta[l];
            }
            for l in 0..NL {
                if ok[l] && v[l] > nb[p] {
                    nb[p] = v[l];
                }
            }
        } else {
            let (li, ll) = open_next(p);
            for l in [li, ll] {
                if l == li && last {
                    continue; // I-x cannot end a sentence
                }
                let x = row[l] + stat[l] + beta[l];
                if x > nb[p] {
                    nb[p] = x;
                }
            }
        }
    }
    nb
}

/// Decode one pass over a document (first-order Viterbi per sentence over valid BILOU
/// paths). Returns tags and per-token confidences per sentence (all 1.0 when
/// `temperature <= 0`, and for tokens tagged `O`, which no mention reads). With `learn`, `gold` must
/// be given: the callback receives each token's gold and predicted feature sets.
/// `cache` holds precomputed [`SentScores`] (only valid while the weights do not change).
#[allow(clippy::too_many_arguments)]
pub fn decode<S: Scorer>(
    doc: &PDoc,
    scorer: &S,
    temperature: f32,
    history: History<'_>,
    gold: Option<&[Vec<u8>]>,
    mut learn: Option<Learn<'_>>,
) -> (Vec<Vec<u8>>, Vec<Vec<f32>>) {
    decode_cached(doc, scorer, temperature, history, gold, learn.take(), None)
}

/// [`decode`] with optional precomputed scores.
#[allow(clippy::too_many_arguments)]
pub fn decode_cached<S: Scorer>(
    doc: &PDoc,
    scorer: &S,
    temperature: f32,
    history: History<'_>,
    gold: Option<&[Vec<u8>]>,
    mut learn: Option<Learn<'_>>,
    cache: Option<&DocScores>,
) -> (Vec<Vec<u8>>, Vec<Vec<f32>>) {
    let mut counts: FnvMap<&str, [u16; 5]> = FnvMap::default();
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
    // History feature buckets of the current sentence, flat: token i owns hbuf[hoff[i]..hoff[i+1]].
    let mut hbuf: Vec<u32> = Vec::new();
    let mut hoff: Vec<usize> = Vec::new();
    let inv_t = if temperature > 0.0 { 1.0 / temperature } else { 1.0 };
    let mut stat: Vec<[f32; NL]> = Vec::new();
    let mut back: Vec<[u8; NL]> = Vec::new();
    let mut alpha: Vec<[f32; NL]> = Vec::new();
    let mut scratch: Tbl = [[0f32; NL]; NL];
    let mut rbuf = [0f32; NL];
    for (si, s) in doc.sents.iter().enumerate() {
        let n = s.tokens.len();
        let own;
        let (ds, sc): (&DocScores, &SentScores) = match cache {
            Some(c) => (c, &c.sents[si]),
            None => {
                own = sent_scores(s, scorer);
                (&own, &own.sents[0])
            }
        };
        stat.clear();
        stat.extend_from_slice(ds.stat(s, sc));
        hbuf.clear();
        hoff.clear();
        hoff.push(0);
        for i in 0..n {
            let start = hbuf.len();
            if use_hist && hist_key(&s.infos[i]) {
                let hist = counts.get(s.infos[i].norm.as_str()).and_then(|c| {
                    let mut c = *c;
                    if let Some(p) = full_prev {
                        let own = tag_type(p[si][i]) as usize;
                        c[own] = c[own].saturating_sub(1);
                    }
                    hist_value(&c)
                });
                features::hist_features(&s.infos, i, s.mode, hist, &mut hbuf);
                for &f in &hbuf[start..] {
                    scorer.add(f, &mut stat[i]);
                }
            }
            hoff.push(hbuf.len());
        }
        // Viterbi (max-product) forward.
        back.clear();
        alpha.clear();
        for i in 0..n {
            let mut nd = [f32::NEG_INFINITY; NL];
            let mut bk = [0u8; NL];
            let tr = ds.trans(s, sc, i, scorer, &mut scratch);
            let mut cur = 0;
            if i == 0 {
                // the first tag follows an implicit O
                let row = tr.row(0, &mut cur, &mut rbuf);
                let ok = &AFTER_CLOSED[(n == 1) as usize];
                for l in 0..NL {
                    if ok[l] {
                        nd[l] = stat[0][l] + row[l];
                    }
                }
            } else {
                viterbi_step(&alpha[i - 1], &tr, i + 1 == n, &mut rbuf, &mut nd, &mut bk);
                for l in 0..NL {
                    nd[l] += stat[i][l];
                }
            }
            alpha.push(nd);
            back.push(bk);
        }
        let mut tags = vec![0u8; n];
        if n > 0 {
            let last = &alpha[n - 1];
            let mut best = 0usize;
            for l in 0..NL {
                if last[l] > last[best] {
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
        // Confidences: max-marginals. For token i and tag l, m(l) is the score of the best
        // valid path through l (forward + backward Viterbi); the confidence of the chosen tag
        // is its softmax over m(·) / T.
        let mut confs = vec![1f32; n];
        // The backward pass stops at the first token of the first mention.
        let first = tags.iter().position(|&t| t != 0);
        if let (true, Some(first)) = (learn.is_none() && temperature > 0.0, first) {
            let mut beta = [0f32; NL];
            for i in (first..n).rev() {
                if i + 1 < n {
                    let tr = ds.trans(s, sc, i + 1, scorer, &mut scratch);
                    beta = backward_step(&tr, &stat[i + 1], &beta, i + 2 == n, &mut rbuf);
                }
                if tags[i] == 0 {
                    continue; // only tokens inside mentions carry a confidence (see `chunks`)
                }
                let chosen = alpha[i][tags[i] as usize] + beta[tags[i] as usize];
                let mut z = 0f32;
                for l in 0..NL {
                    let m = alpha[i][l] + beta[l];
                    if m > f32::NEG_INFINITY {
                        z += exp_det((m - chosen) * inv_t);
                    }
                }
                confs[i] = if z > 0.0 { (1.0 / z).min(1.0) } else { 1.0 };
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
                fg.extend_from_slice(&hbuf[hoff[i]..hoff[i + 1]]);
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

/// Two-pass tagging of a prepared document.
pub fn tag_doc<S: Scorer>(doc: &PDoc, scorer: &S, temperature: f32) -> (Vec<Vec<u8>>, Vec<Vec<f32>>) {
    let cache = doc_scores(doc, scorer);
    // Pass 1 needs no confidences (temperature 0 skips them).
    let (t1, _) = decode_cached(doc, scorer, 0.0, History::Online, None, None, Some(&cache));
    decode_cached(doc, scorer, temperature, History::Full(&t1), None, None, Some(&cache))
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
    fn exp_det_matches_exp() {
        let mut x = -87.0f32; // normal f32 results
        while x <= 88.0 {
            let (a, b) = (exp_det(x), x.exp());
            assert!(((a - b) / b).abs() < 3e-7, "exp({x}) = {b}, exp_det = {a}");
            x += 0.173;
        }
        assert_eq!(exp_det(0.0), 1.0);
        assert_eq!(exp_det(f32::NEG_INFINITY), 0.0);
        assert_eq!(exp_det(-200.0), 0.0);
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
