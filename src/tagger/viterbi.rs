//! Decoding: first-order Viterbi over valid BILOU paths with shared previous-tag tables,
//! max-marginal confidences, the two-pass document tagging and chunking of tags into spans.

use std::collections::HashMap;

use super::features::{self, TokInfo};
use super::model::Scorer;
use super::sentences::{PDoc, PSent};
use super::{tag_type, tag_pos, NL};

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

pub(super) const fn allowed_const(prev: u8, cur: u8, last: bool) -> bool {
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
pub(super) type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

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
/// them, see [`prepare_scored`](super::sentences::prepare_scored)) and where each token's previous-tag table comes from.
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
