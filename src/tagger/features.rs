//! Feature extraction: hashed sparse features per token.
//!
//! Every feature is a 64-bit hash of a template id and its parts (FNV-1a, then a
//! splitmix64 finaliser); its top [`BUCKET_BITS`] bits pick a weight row. Static features
//! (word, affixes, shapes, neighbours, clusters, gazetteer matches, sentence mode,
//! document-level casing evidence) are computed once per token; dynamic ones (previous
//! tags, the document's prediction history) at decoding time.
#![cfg_attr(not(feature = "train"), allow(dead_code))]

use std::sync::Arc;

use crate::gazetteer::Lexicon;
use crate::span::Span;

/// Bumped whenever a feature template changes (stored in the model; a mismatch is an error).
pub const FEATURE_VERSION: u32 = 6;
/// Weight-table size during training: `2^BUCKET_BITS` rows.
pub const BUCKET_BITS: u32 = 21;

#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
    z ^ (z >> 31)
}

/// A feature-hash builder.
#[derive(Clone, Copy, Debug)]
pub struct H(u64);

impl H {
    /// Start a feature of template `t`.
    #[inline]
    pub fn t(t: u32) -> H {
        H(0xcbf29ce484222325 ^ (t as u64).wrapping_mul(0x100000001b3))
    }
    /// Add bytes.
    #[inline]
    pub fn s(mut self, s: &str) -> H {
        for &b in s.as_bytes() {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100000001b3);
        }
        self.0 = (self.0 ^ 0xff).wrapping_mul(0x100000001b3);
        self
    }
    /// Add a number.
    #[inline]
    pub fn n(mut self, n: u64) -> H {
        self.0 = (self.0 ^ n).wrapping_mul(0x100000001b3);
        self.0 = (self.0 ^ (n >> 32) ^ 0x5a).wrapping_mul(0x100000001b3);
        self
    }
    /// The bucket (row) of this feature.
    #[inline]
    pub fn bucket(self) -> u32 {
        (mix(self.0) >> (64 - BUCKET_BITS)) as u32
    }
}

/// How a sentence is cased.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Ordinary sentence case.
    Normal = 0,
    /// Most words capitalised (Title Case headline).
    Title = 1,
    /// All letters uppercase.
    Upper = 2,
}

/// The lexical facts of a token text (shared by all tokens with the same text in a
/// document: see [`LexCache`]).
#[derive(Clone, Debug)]
pub struct Lex {
    /// Lowercased text.
    pub lower: String,
    /// Lowercased, digits replaced by `0`.
    pub norm: String,
    /// Long shape (`Xxxxx`, `dd-dd`), at most 12 chars.
    pub shape: String,
    /// Short shape (runs collapsed: `Xx`, `d-d`).
    pub sshape: String,
    /// First char uppercase.
    pub init_cap: bool,
    /// Has a letter, and every letter is uppercase.
    pub all_caps: bool,
    /// Has at least one letter.
    pub alpha: bool,
    /// GloVe fine cluster + 1 (0 = unknown).
    pub cl_fine: u32,
    /// GloVe coarse cluster + 1 (0 = unknown).
    pub cl_coarse: u32,
    /// Frequency-rank bucket (0 = unknown, 1 = top 1k, 2 = top 5k, 3 = 20k, 4 = 100k).
    pub rank: u32,
    /// The gazetteer walk of `lower` (phrases start from it).
    pub gaz_walk: Option<crate::gazetteer::Walk>,
    /// Buckets of the features that depend on the token text alone (bias, word, lowercase,
    /// affixes, shapes), in the order [`static_features`] emits them first; `.1` is the count.
    pub word_feats: ([u32; WORD_FEATS], u8),
    /// Buckets of this word as the neighbour at -1, +1, -2, +2.
    pub as_neighbour: [u32; 4],
    /// Hash states of the bigram features with this word first: (`BI_M`, `BI_P`).
    pub bigram: (H, H),
    /// The summed weights of `word_feats` (filled by the first [`prepare_scored`] use;
    /// a `Lex` lives within one preparation, so with one scorer).
    ///
    /// [`prepare_scored`]: super::prepare_scored
    pub word_score: std::sync::OnceLock<[f32; super::NL]>,
}

/// Most text-only features of a token: bias, word, lowercase, 4 prefixes, 4 suffixes, 2 shapes.
pub const WORD_FEATS: usize = 13;

/// Per-token facts: the shared lexical facts (reachable through `Deref`: `t.lower`,
/// `t.init_cap`, …) and the token's gazetteer matches in context.
#[derive(Clone, Debug)]
pub struct TokInfo {
    /// Lexical facts of the token text.
    pub lex: Arc<Lex>,
    /// Gazetteer bits (`category * 4 + position`).
    pub gaz: u128,
}

impl std::ops::Deref for TokInfo {
    type Target = Lex;
    #[inline]
    fn deref(&self) -> &Lex {
        &self.lex
    }
}

/// Token text → lexical facts, shared within a document so that repeated words cost one
/// hash look-up instead of four strings and a cluster look-up. Bounded: it starts afresh
/// after [`LexCache::CAP`] distinct texts, so memory stays proportional to the input.
#[derive(Default)]
pub struct LexCache<'t> {
    map: std::collections::HashMap<&'t str, Arc<Lex>, std::hash::BuildHasherDefault<super::Fnv>>,
}

impl<'t> LexCache<'t> {
    /// Most distinct token texts held at once.
    pub const CAP: usize = 1 << 16;

    fn get(&mut self, s: &'t str, gaz: &Lexicon, clusters: &Lexicon) -> Arc<Lex> {
        if let Some(l) = self.map.get(s) {
            return l.clone();
        }
        if self.map.len() >= Self::CAP {
            self.map.clear();
        }
        let l = Arc::new(lex(s, gaz, clusters));
        self.map.insert(s, l.clone());
        l
    }
}

fn lex(s: &str, gaz: &Lexicon, clusters: &Lexicon) -> Lex {
    let lower = lower(s);
    let norm: String =
        if lower.bytes().any(|b| b.is_ascii_digit()) { lower.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect() } else { lower.clone() };
    let (shape, sshape) = shapes(s);
    let alpha = s.chars().any(char::is_alphabetic);
    let init_cap = s.chars().next().map_or(false, char::is_uppercase);
    let all_caps = alpha && !s.chars().any(char::is_lowercase);
    let mut v = clusters.get(&lower);
    if v.is_none() && lower.contains('-') {
        v = lower.rsplit('-').next().and_then(|p| clusters.get(p));
    }
    let v = v.unwrap_or(0);
    let mut word_feats = ([0u32; WORD_FEATS], 0u8);
    {
        let mut push = |b: u32| {
            word_feats.0[word_feats.1 as usize] = b;
            word_feats.1 += 1;
        };
        push(H::t(t::BIAS).bucket());
        push(H::t(t::WORD).s(s).bucket());
        push(H::t(t::NORM).s(&norm).bucket());
        let (pre, suf, nch) = affix_bounds(&lower);
        for k in 1..=4usize.min(nch) {
            push(H::t(t::PRE + k as u32 - 1).s(&lower[..pre[k]]).bucket());
            push(H::t(t::SUF + k as u32 - 1).s(&lower[suf[k]..]).bucket());
        }
        push(H::t(t::SHAPE).s(&shape).bucket());
        push(H::t(t::SSHAPE).s(&sshape).bucket());
    }
    let as_neighbour = [
        H::t(t::W_M1).s(&norm).bucket(),
        H::t(t::W_P1).s(&norm).bucket(),
        H::t(t::W_M2).s(&norm).bucket(),
        H::t(t::W_P2).s(&norm).bucket(),
    ];
    let bigram = (H::t(t::BI_M).s(&norm), H::t(t::BI_P).s(&norm));
    Lex {
        gaz_walk: gaz.walk(&lower),
        word_feats,
        as_neighbour,
        bigram,
        word_score: std::sync::OnceLock::new(),
        lower,
        norm,
        shape,
        sshape,
        init_cap,
        all_caps,
        alpha,
        cl_fine: (v >> 16) as u32,
        cl_coarse: ((v >> 8) & 0xff) as u32,
        rank: (v & 0xff) as u32,
    }
}

/// The packed value of the cluster lexicon: `fine << 16 | coarse << 8 | rank_bucket`.
pub fn pack_cluster(fine: u32, coarse: u32, rank: u32) -> u64 {
    ((fine as u64 + 1) << 16) | ((coarse as u64 + 1) << 8) | rank_bucket(rank) as u64
}

/// Frequency-rank bucket of a 0-based GloVe rank.
pub fn rank_bucket(rank: u32) -> u32 {
    match rank {
        0..=999 => 1,
        1000..=4999 => 2,
        5000..=19999 => 3,
        _ => 4,
    }
}

/// Lowercase a token for lexicon keys and features.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase().replace('\u{2019}', "'")
    }
}

fn shapes(s: &str) -> (String, String) {
    let mut long = String::new();
    let mut short = String::new();
    let mut last = '\0';
    for (i, c) in s.chars().enumerate() {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() || c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if i < 12 {
            long.push(m);
        }
        if m != last {
            short.push(m);
            last = m;
        }
    }
    (long, short)
}

/// Compute token facts for one sentence.
pub fn tok_infos<'t>(text: &'t str, toks: &[Span], gaz: &Lexicon, clusters: &Lexicon, cache: &mut LexCache<'t>) -> Vec<TokInfo> {
    let mut out: Vec<TokInfo> = toks.iter().map(|t| TokInfo { lex: cache.get(t.slice(text), gaz, clusters), gaz: 0 }).collect();
    let lowers: Vec<&str> = out.iter().map(|t| t.lower.as_str()).collect();
    let starts: Vec<Option<crate::gazetteer::Walk>> = out.iter().map(|t| t.gaz_walk).collect();
    let mut g = vec![0u128; out.len()];
    gaz.mark_phrases_from(&starts, &lowers, &mut g);
    for (t, b) in out.iter_mut().zip(g) {
        t.gaz = b;
    }
    out
}

const SMALL: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "of", "on", "or", "over", "the", "to", "with",
];

/// Decide the casing mode of a sentence.
pub fn mode(infos: &[TokInfo]) -> Mode {
    let alpha: Vec<&TokInfo> = infos.iter().filter(|t| t.alpha).collect();
    let letters: usize = alpha.iter().map(|t| t.lower.chars().filter(|c| c.is_alphabetic()).count()).sum();
    if letters >= 4 && alpha.iter().all(|t| t.all_caps) && alpha.len() >= 2 {
        return Mode::Upper;
    }
    let rest = alpha.iter().skip(1);
    let (mut cap, mut low, mut small_cap) = (0, 0, 0);
    for t in rest {
        if t.init_cap {
            cap += 1;
            if SMALL.binary_search(&t.lower.as_str()).is_ok() {
                small_cap += 1;
            }
        } else {
            low += 1;
        }
    }
    if (small_cap > 0 && low * 4 <= cap) || (low == 0 && cap >= 3) {
        Mode::Title
    } else {
        Mode::Normal
    }
}

/// Document-level casing evidence for a lowercased word.
#[derive(Clone, Copy, Debug, Default)]
pub struct DocCase {
    /// Seen starting lowercase somewhere in the document.
    pub lower_seen: bool,
    /// Seen capitalised in a non-initial position of a normal-case sentence.
    pub cap_mid_seen: bool,
}

/// Template ids.
mod t {
    pub const BIAS: u32 = 1;
    pub const WORD: u32 = 2;
    pub const NORM: u32 = 3;
    pub const PRE: u32 = 4;
    pub const SUF: u32 = 8;
    pub const SHAPE: u32 = 12;
    pub const SSHAPE: u32 = 13;
    pub const W_M1: u32 = 14;
    pub const W_P1: u32 = 15;
    pub const W_M2: u32 = 16;
    pub const W_P2: u32 = 17;
    pub const BI_M: u32 = 18;
    pub const BI_P: u32 = 19;
    pub const SH_M: u32 = 20;
    pub const SH_P: u32 = 21;
    pub const SH_3: u32 = 22;
    pub const CL_F: u32 = 23;
    pub const CL_C: u32 = 24;
    pub const CL_FM: u32 = 25;
    pub const CL_FP: u32 = 26;
    pub const CL_CMP: u32 = 27;
    pub const CL_SH: u32 = 28;
    pub const RANK_SH: u32 = 29;
    pub const FIRST_SH: u32 = 30;
    pub const MODE_SH: u32 = 31;
    pub const MODE_FIRST_CL: u32 = 32;
    pub const HEAD_SH: u32 = 33;
    pub const MODE_NORM: u32 = 34;
    pub const GAZ: u32 = 40;
    pub const GAZ_M: u32 = 41;
    pub const GAZ_P: u32 = 42;
    pub const GAZ_CAP: u32 = 43;
    pub const DOC: u32 = 50;
    pub const DOC_NORM: u32 = 51;
    pub const PREV: u32 = 60;
    pub const PREV_W: u32 = 62;
    pub const PREV_SH: u32 = 63;
    pub const HIST: u32 = 64;
    pub const HIST_M: u32 = 65;
    pub const HIST_W: u32 = 66;
}

/// Byte ends of the first 1..=4 chars and byte starts of the last 1..=4 chars of `s`,
/// and the number of chars (capped at 5).
fn affix_bounds(s: &str) -> ([usize; 5], [usize; 5], usize) {
    let mut pre = [0usize; 5];
    let mut suf = [0usize; 5];
    let mut n = 0;
    for (k, (i, c)) in s.char_indices().take(5).enumerate() {
        if k < 4 {
            pre[k + 1] = i + c.len_utf8();
        }
        n = k + 1;
    }
    for (k, (i, _)) in s.char_indices().rev().take(4).enumerate() {
        suf[k + 1] = i;
    }
    (pre, suf, n)
}

/// Static feature buckets of token `i` of a sentence, appended to `out`.
#[allow(clippy::too_many_arguments)]
pub fn static_features(infos: &[TokInfo], i: usize, mode: Mode, heading: bool, doc: &DocCase, out: &mut Vec<u32>) {
    let (wf, k) = &infos[i].word_feats;
    out.extend_from_slice(&wf[..*k as usize]);
    context_features(infos, i, mode, heading, doc, out);
}

/// The static features of token `i` after its [`Lex::word_feats`] (which depend on the
/// token text alone), appended to `out`.
pub fn context_features(infos: &[TokInfo], i: usize, mode: Mode, heading: bool, doc: &DocCase, out: &mut Vec<u32>) {
    let ti = &infos[i];
    let n = infos.len();
    let ss = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 || j as usize >= n {
            "_"
        } else {
            infos[j as usize].sshape.as_str()
        }
    };
    let cf = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j as usize >= n {
            9999
        } else {
            infos[j as usize].cl_fine as u64
        }
    };
    let cc = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j as usize >= n {
            999
        } else {
            infos[j as usize].cl_coarse as u64
        }
    };
    // neighbour k's bucket for slot `slot` of `as_neighbour`, or the boundary word's
    let nb = |k: isize, slot: usize, tpl: u32| -> u32 {
        let j = i as isize + k;
        if j < 0 {
            H::t(tpl).s("<S>").bucket()
        } else if j as usize >= n {
            H::t(tpl).s("</S>").bucket()
        } else {
            infos[j as usize].as_neighbour[slot]
        }
    };
    let m = mode as u64;
    let first = (i == 0) as u64;
    out.push(nb(-1, 0, t::W_M1));
    out.push(nb(1, 1, t::W_P1));
    out.push(nb(-2, 2, t::W_M2));
    out.push(nb(2, 3, t::W_P2));
    let bi_m = if i == 0 { H::t(t::BI_M).s("<S>") } else { infos[i - 1].bigram.0 };
    out.push(bi_m.s(&ti.norm).bucket());
    out.push(ti.bigram.1.s(if i + 1 < n { infos[i + 1].norm.as_str() } else { "</S>" }).bucket());
    out.push(H::t(t::SH_M).s(ss(-1)).s(ss(0)).bucket());
    out.push(H::t(t::SH_P).s(ss(0)).s(ss(1)).bucket());
    out.push(H::t(t::SH_3).s(ss(-1)).s(ss(0)).s(ss(1)).bucket());
    out.push(H::t(t::CL_F).n(cf(0)).bucket());
    out.push(H::t(t::CL_C).n(cc(0)).bucket());
    out.push(H::t(t::CL_FM).n(cf(-1)).bucket());
    out.push(H::t(t::CL_FP).n(cf(1)).bucket());
    out.push(H::t(t::CL_CMP).n(cc(-1)).n(cc(1)).bucket());
    out.push(H::t(t::CL_SH).n(cf(0)).s(ss(0)).bucket());
    out.push(H::t(t::RANK_SH).n(ti.rank as u64).s(ss(0)).n(first).bucket());
    out.push(H::t(t::FIRST_SH).n(first).s(ss(0)).bucket());
    out.push(H::t(t::MODE_SH).n(m).s(ss(0)).bucket());
    out.push(H::t(t::MODE_FIRST_CL).n(m).n(first).n(cc(0)).bucket());
    if heading {
        out.push(H::t(t::HEAD_SH).s(ss(0)).n(first).bucket());
    }
    if mode != Mode::Normal {
        out.push(H::t(t::MODE_NORM).n(m).s(&ti.norm).bucket());
    }
    let mut g = ti.gaz;
    let cap = ti.init_cap as u64;
    while g != 0 {
        let bit = g.trailing_zeros() as u64;
        g &= g - 1;
        out.push(H::t(t::GAZ).n(bit).bucket());
        out.push(H::t(t::GAZ_CAP).n(bit).n(cap).n(m).bucket());
    }
    let cats = |g: u128| -> u64 {
        let mut c = 0u64;
        let mut g = g;
        while g != 0 {
            let bit = g.trailing_zeros();
            g &= g - 1;
            c |= 1 << (bit / 4);
        }
        c
    };
    if i > 0 {
        let mut c = cats(infos[i - 1].gaz);
        while c != 0 {
            let k = c.trailing_zeros() as u64;
            c &= c - 1;
            out.push(H::t(t::GAZ_M).n(k).bucket());
        }
    }
    if i + 1 < n {
        let mut c = cats(infos[i + 1].gaz);
        while c != 0 {
            let k = c.trailing_zeros() as u64;
            c &= c - 1;
            out.push(H::t(t::GAZ_P).n(k).bucket());
        }
    }
    if ti.init_cap {
        let d = (doc.lower_seen as u64) | ((doc.cap_mid_seen as u64) << 1);
        out.push(H::t(t::DOC).n(d).n(m).n(first).bucket());
        out.push(H::t(t::DOC_NORM).n(d).s(&ti.norm).bucket());
    }
}

/// The partial hash of the feature that is the previous tag alone (`prev_bases(…)[0]`).
pub fn prev_tag_base() -> H {
    H::t(t::PREV)
}

/// The partial hashes of the features of token `i` that depend on the previous tag
/// (finish each with `.n(p1).bucket()`).
pub fn prev_bases(infos: &[TokInfo], i: usize) -> [H; 3] {
    let ti = &infos[i];
    [prev_tag_base(), H::t(t::PREV_W).s(&ti.norm), H::t(t::PREV_SH).s(&ti.sshape)]
}

/// Feature buckets of token `i` that depend on the previous tag `p1`.
pub fn prev_features(infos: &[TokInfo], i: usize, p1: u8, out: &mut Vec<u32>) {
    for b in prev_bases(infos, i) {
        out.push(b.n(p1 as u64).bucket());
    }
}

/// Document-history feature buckets of token `i` (`hist`: majority type of the word's
/// other occurrences, and whether they all agree).
pub fn hist_features(infos: &[TokInfo], i: usize, mode: Mode, hist: Option<(u8, bool)>, out: &mut Vec<u32>) {
    let ti = &infos[i];
    if let Some((h, unanimous)) = hist {
        out.push(H::t(t::HIST).n(h as u64).n(unanimous as u64).bucket());
        out.push(H::t(t::HIST_M).n(h as u64).n(mode as u64).n((i == 0) as u64).bucket());
        out.push(H::t(t::HIST_W).n(h as u64).s(&ti.sshape).bucket());
    }
}
