//! The trainer (feature `train`): curates lexicons, builds the fst artifacts, trains the
//! averaged perceptron on CoNLL-2003 train (plus BTC, WNUT-17 and GUM train with MISC masked,
//! see [`Source`]), prunes and quantises it, scores dev, and
//! writes `src/data/{ner.model,gazetteer.fst,clusters.fst,MANIFEST}`.
//!
//! Deterministic: fixed seeds, sorted iteration, single thread, integer weight updates.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::features::{lower, pack_cluster, BUCKET_BITS, FEATURE_VERSION};
use super::model::{Model, Scorer};
use super::sentences::prepare;
use super::viterbi::{decode, History};
use super::{make_tag, segment, PDoc, Resources, NL};
use crate::eval::ner::{conll_chunks, doc_regions, doc_text, evaluate, parse_conll, parse_set, ConllDoc, SetFormat};
use crate::gazetteer::{cat, Lexicon, LexiconKind};
use crate::span::Span;

/// Trainer version, recorded in the MANIFEST.
pub const TRAINER_VERSION: &str = "1";

/// Training options.
#[derive(Clone, Debug)]
pub struct Config {
    /// `../shared/data`.
    pub data: PathBuf,
    /// `src/data`.
    pub out: PathBuf,
    /// Epochs.
    pub epochs: usize,
    /// Weight rows kept after pruning.
    pub keep_rows: usize,
    /// RNG seed.
    pub seed: u64,
    /// Fraction (per mille) of sentences also trained as Title Case headlines.
    pub title_aug: u32,
    /// Fraction (per mille) of sentences also trained upper-cased.
    pub upper_aug: u32,
    /// Use the two-pass history features.
    pub history: bool,
    /// Only curate lexicons and build fsts.
    pub lexicons_only: bool,
    /// Extra training sets next to CoNLL-2003 train, each with its weight (per mille:
    /// each epoch sees every document `w / 1000` times, plus once more with probability
    /// `(w % 1000) / 1000`). Their MISC is masked (see [`Source`]).
    pub sources: Vec<(Source, u32)>,
}

/// A training set besides CoNLL-2003 (files under `../shared/data`).
///
/// None of them annotates MISC the CoNLL way (BTC has none; WNUT-17 only products and
/// works; GUM no adjectives or nationalities), so their sentences are trained with MISC
/// masked: a token inside one of their MISC spans, or whose gold tag is O but which the
/// tagger calls MISC, gives no update (their partial MISC differs from CoNLL's: GUM's
/// "abstract" holds figures and citations, WNUT-17's products and works only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// `btc/btc.train` (tweets, PER/ORG/LOC). `@user` names are O here, as in WNUT-17 and
    /// in newswire, which has none.
    Btc,
    /// `wnut17/wnut17train.conll`, mapped to CoNLL types.
    Wnut,
    /// `gum/gum_train.tsv`, mapped to CoNLL types.
    Gum,
}

impl Source {
    /// The flag name (`btc`, `wnut`, `gum`).
    pub fn name(self) -> &'static str {
        match self {
            Source::Btc => "btc",
            Source::Wnut => "wnut",
            Source::Gum => "gum",
        }
    }

    /// The file under the data directory.
    pub fn path(self) -> &'static str {
        match self {
            Source::Btc => "btc/btc.train",
            Source::Wnut => "wnut17/wnut17train.conll",
            Source::Gum => "gum/gum_train.tsv",
        }
    }

    /// Read the set's training documents with CoNLL types.
    pub fn read(self, data: &Path) -> Vec<ConllDoc> {
        let text = read(&data.join(self.path()));
        match self {
            Source::Btc => parse_set(&btc_handles_o(&text), SetFormat::Btc),
            Source::Wnut => parse_set(&text, SetFormat::Wnut),
            Source::Gum => parse_set(&text, SetFormat::Gum),
        }
    }
}

/// BTC tags `@` and the user name after it (`@ B-PER`, `name B-PER`); make both O, since a
/// handle is not a name in news text (WNUT-17 leaves handles O too).
fn btc_handles_o(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if let (Some(t), Some(next)) = (l.strip_prefix("@\tB-"), lines.get(i + 1)) {
            if let Some((w, nt)) = next.split_once('\t') {
                if nt.strip_prefix("B-") == Some(t) {
                    out += "@\tO\n";
                    out += w;
                    out += "\tO\n";
                    i += 2;
                    continue;
                }
            }
        }
        out += l;
        out.push('\n');
        i += 1;
    }
    out
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn sha256_file(p: &Path) -> String {
    // Minimal SHA-256 (FIPS 180-4), to record input hashes without a dependency.
    let data = std::fs::read(p).unwrap_or_default();
    sha256_hex(&data)
}

/// SHA-256 of bytes, hex.
pub fn sha256_hex(data: &[u8]) -> String {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
        0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
        0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
        0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
        0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
        0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut msg = data.to_vec();
    let bitlen = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bitlen.to_be_bytes());
    for chunk in msg.chunks(64) {
        let mut w = [0u32; 64];
        for i in 0..16 {
            w[i] = u32::from_be_bytes(chunk[i * 4..i * 4 + 4].try_into().unwrap());
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), v[0], v[1], v[2], v[3].wrapping_add(t1), v[4], v[5], v[6]];
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(v[i]);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

// ---------------------------------------------------------------- lexicon curation

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

fn tsv_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().skip(1).map(|l| l.split('\t').collect())
}

fn is_code(s: &str) -> bool {
    s.len() <= 3 && s.chars().all(|c| c.is_ascii_uppercase())
}

const LEGAL: &[&str] = &[
    "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "limited", "plc", "llc", "lp", "l.p.",
    "sa", "s.a.", "ag", "nv", "n.v.", "se", "holdings", "holding", "group", "company", "trust", "/de/", "/de", "de",
    "the", "&", "and", "bancorp", "incorporated", "ltd/", "co/",
];

fn normalise_company(name: &str) -> Option<String> {
    let mut words: Vec<String> = name.replace(',', " ").split_whitespace().map(str::to_string).collect();
    while let Some(last) = words.last() {
        if LEGAL.contains(&last.to_lowercase().as_str()) {
            words.pop();
        } else {
            break;
        }
    }
    let s = words.join(" ");
    let l = s.to_lowercase();
    if s.chars().filter(|c| c.is_alphabetic()).count() < 3 || l.split_whitespace().count() > 5 {
        return None;
    }
    Some(s)
}

/// Lists filtered by the GloVe vocabulary.
const FILTERED: &[&str] = &["city", "admin1", "club", "company", "university", "surname", "first_name", "wn_per", "wn_loc", "wn_org", "wn_misc"];
/// GloVe rank bound of the vocabulary filter.
const VOCAB_FILTER_RANK: u32 = 40_000;
/// GloVe rank bound of the cluster table.
pub const CLUSTER_RANK: u32 = 30_000;

/// Curate the raw lexicons into sorted lists `(category file name, phrases)`.
pub fn curate(data: &Path) -> BTreeMap<&'static str, BTreeSet<String>> {
    let lx = data.join("lexicons");
    let mut vocab: std::collections::HashSet<String> = std::collections::HashSet::new();
    for r in tsv_rows(&read(&lx.join("glove6b_kmeans_top100k.tsv"))) {
        if r.len() >= 4 && r[3].parse::<u32>().map_or(false, |x| x < VOCAB_FILTER_RANK) {
            vocab.insert(r[0].to_string());
        }
    }
    let mut out: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();
    let mut add = |k: &'static str, s: &str| {
        let s = s.trim().trim_matches('"').trim();
        if s.is_empty() || s.len() >= 80 {
            return;
        }
        // Big lists keep only phrases whose every token is a known (GloVe) word: names that
        // news text actually uses, at a fraction of the size.
        if FILTERED.contains(&k) && !phrase_key(s).split(' ').all(|w| vocab.contains(w)) {
            return;
        }
        out.entry(k).or_default().insert(s.to_string());
    };
    let countries = read(&lx.join("countries_merged.tsv"));
    for r in tsv_rows(&countries) {
        if r.len() < 7 {
            continue;
        }
        add("country", r[3]);
        for a in r[4].split('|') {
            if !is_code(a) && !a.contains('(') && !a.contains(',') && a.is_ascii() {
                add("country", a);
            }
        }
        if !r[5].is_empty() {
            add("city", r[5]);
        }
        for d in r[6].split('|') {
            add("demonym", d);
        }
    }
    for r in tsv_rows(&read(&lx.join("wordnet_adj_place.tsv"))) {
        add("demonym", r[0]);
    }
    for l in read(&lx.join("cities_pop50000_names.txt")).lines() {
        if l.is_ascii() {
            add("city", l);
        }
    }
    for l in read(&lx.join("admin1_names.txt")).lines() {
        if l.is_ascii() {
            add("admin1", l);
        }
    }
    for l in read(&lx.join("ssa_firstnames_1930plus_min100.tsv")).lines() {
        let r: Vec<&str> = l.split('\t').collect();
        if r.len() >= 3 && r[2].parse::<u64>().unwrap_or(0) >= 2000 {
            add("first_name", r[0]);
        }
    }
    for l in read(&lx.join("surnames_census1990_rank.tsv")).lines() {
        let r: Vec<&str> = l.split('\t').collect();
        if r.len() >= 2 && r[1].parse::<u64>().unwrap_or(u64::MAX) <= 15000 {
            add("surname", r[0]);
        }
    }
    for r in tsv_rows(&read(&lx.join("sec_company_tickers.tsv"))) {
        if r.len() >= 4 {
            if let Some(n) = normalise_company(r[3]) {
                add("company", &n);
            }
        }
    }
    for r in tsv_rows(&read(&lx.join("index_companies_pytickersymbols.tsv"))) {
        if let Some(n) = normalise_company(r[0]) {
            add("company", &n);
        }
    }
    for r in tsv_rows(&read(&lx.join("openfootball_clubs.tsv"))) {
        if r.len() >= 2 {
            add("club", r[1]);
        }
    }
    for l in read(&lx.join("universities_swot.txt")).lines() {
        let l = l.split('"').filter(|p| !p.trim().is_empty()).next().unwrap_or(l);
        if l.split_whitespace().count() <= 7 && l.is_ascii() {
            add("university", l);
        }
    }
    for r in tsv_rows(&read(&lx.join("wordnet_instances.tsv"))) {
        if r.len() < 2 {
            continue;
        }
        match r[1] {
            "LOC" => add("wn_loc", r[0]),
            "PER" => add("wn_per", r[0]),
            "ORG" => add("wn_org", r[0]),
            "MISC" => add("wn_misc", r[0]),
            _ => {}
        }
    }
    for r in tsv_rows(&read(&lx.join("wordnet_person_roles.tsv"))) {
        add("role", r[0]);
    }
    for r in tsv_rows(&read(&lx.join("honorifics_titles.tsv"))) {
        if r.len() >= 2 && r[1] == "title" {
            add("role", r[0]);
        }
    }
    // GUM train's Wikidata-linked names (person, place, organization spans whose mention
    // carries a Wikipedia title), into the categories of the WordNet instance names: both
    // are "a known name of this type from an encyclopedic source". Train split only.
    for (name, ty) in gum_linked_names(&read(&data.join("gum/gum_train.tsv"))) {
        add(
            match ty {
                "PER" => "gum_per",
                "ORG" => "gum_org",
                _ => "gum_loc",
            },
            &name,
        );
    }
    for r in tsv_rows(&read(&lx.join("currencies_cldr_en.tsv"))) {
        if r.len() >= 2 {
            for n in r[1].split('|') {
                add("currency", n);
            }
        }
    }
    out
}

fn cat_of(name: &str) -> Option<u32> {
    Some(match name {
        "country" | "hand/country" => cat::COUNTRY,
        "city" => cat::CITY,
        "admin1" => cat::ADMIN1,
        "demonym" => cat::DEMONYM,
        "first_name" => cat::FIRST_NAME,
        "surname" => cat::SURNAME,
        "company" => cat::COMPANY,
        "club" => cat::CLUB,
        "university" => cat::UNIVERSITY,
        "hand/org" => cat::ORG_HAND,
        "hand/loc" => cat::LOC_HAND,
        "hand/misc" => cat::MISC_HAND,
        "wn_loc" => cat::WN_LOC,
        "wn_per" => cat::WN_PER,
        "wn_org" => cat::WN_ORG,
        "wn_misc" => cat::WN_MISC,
        "gum_per" => cat::WN_PER,
        "gum_org" => cat::WN_ORG,
        "gum_loc" => cat::WN_LOC,
        "role" | "hand/role" => cat::ROLE,
        "currency" => cat::CURRENCY,
        "hand/org_word" => cat::ORG_WORD,
        "hand/per" => cat::PER_HAND,
        _ => return None,
    })
}

/// Named person, place and organization spans of GUM's flat BIO whose mention is linked
/// to Wikipedia (third column not `_`), as (surface, CoNLL type); one name once.
fn gum_linked_names(text: &str) -> BTreeSet<(String, &'static str)> {
    let mut out = BTreeSet::new();
    let mut cur: Option<(Vec<&str>, &'static str, bool)> = None;
    let mut flush = |cur: &mut Option<(Vec<&str>, &'static str, bool)>| {
        if let Some((words, ty, linked)) = cur.take() {
            if linked && words.len() <= 6 {
                out.insert((words.join(" "), ty));
            }
        }
    };
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            flush(&mut cur);
            continue;
        }
        let ty = match f[1].get(2..) {
            Some("person") => Some("PER"),
            Some("place") => Some("LOC"),
            Some("organization") => Some("ORG"),
            _ => None,
        };
        match (f[1].as_bytes().first(), ty) {
            (Some(b'I'), Some(t)) if cur.as_ref().is_some_and(|c| c.1 == t) => {
                if let Some(c) = cur.as_mut() {
                    c.0.push(f[0]);
                }
            }
            (Some(b'B'), Some(t)) => {
                flush(&mut cur);
                cur = Some((vec![f[0]], t, f[2] != "_"));
            }
            _ => flush(&mut cur),
        }
    }
    flush(&mut cur);
    out
}

/// Lexicon key of a phrase: tokenized, lowercased, space-joined.
pub fn phrase_key(p: &str) -> String {
    let toks = crate::text::tokenize(p, Span::new(0, p.len()));
    toks.iter().map(|t| lower(t.slice(p))).collect::<Vec<_>>().join(" ")
}

/// Build the gazetteer artifact from the list files under `dir` (`*.txt`, `hand/*.txt`).
pub fn build_gazetteer(dir: &Path) -> (Vec<u8>, Vec<(String, usize)>) {
    let mut names: Vec<String> = Vec::new();
    for sub in ["", "hand/"] {
        if let Ok(rd) = std::fs::read_dir(dir.join(sub)) {
            for e in rd.flatten() {
                let n = e.file_name().to_string_lossy().to_string();
                if let Some(stem) = n.strip_suffix(".txt") {
                    names.push(format!("{sub}{stem}"));
                }
            }
        }
    }
    names.sort();
    let mut entries = Vec::new();
    let mut stats = Vec::new();
    for n in names {
        let Some(c) = cat_of(&n) else { continue };
        let text = read(&dir.join(format!("{n}.txt")));
        let mut k = 0;
        for l in text.lines() {
            if l.starts_with('#') || l.trim().is_empty() {
                continue;
            }
            let key = phrase_key(l.trim());
            if key.split(' ').count() <= crate::gazetteer::MAX_PHRASE_TOKENS {
                entries.push((key, 1u64 << c));
                k += 1;
            }
        }
        stats.push((n, k));
    }
    (Lexicon::build(LexiconKind::Gazetteer, entries), stats)
}

/// Build the cluster artifact from the GloVe k-means table (words of rank < `max_rank`).
pub fn build_clusters(path: &Path, max_rank: u32) -> Vec<u8> {
    let text = read(path);
    let mut entries = Vec::new();
    for r in tsv_rows(&text) {
        if r.len() < 4 {
            continue;
        }
        let (Ok(f), Ok(c), Ok(rank)) = (r[1].parse::<u32>(), r[2].parse::<u32>(), r[3].parse::<u32>()) else { continue };
        if rank >= max_rank {
            continue;
        }
        entries.push((r[0].to_string(), pack_cluster(f, c, rank)));
    }
    Lexicon::build(LexiconKind::Clusters, entries)
}

// ---------------------------------------------------------------- training data

/// A training document: prepared features and gold tags per sentence.
pub struct TrainDoc {
    /// Prepared document.
    pub doc: PDoc,
    /// MISC is masked (see [`Source`]).
    pub mask_misc: bool,
    /// Gold BILOU tags.
    pub gold: Vec<Vec<u8>>,
}

fn type_index(t: &str) -> Option<u8> {
    match t {
        "PER" => Some(1),
        "ORG" => Some(2),
        "LOC" => Some(3),
        "MISC" => Some(4),
        _ => None,
    }
}

const SMALL_WORDS: &[&str] = &["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"];

fn title_case(tok: &str, first: bool, all: bool) -> String {
    let l = tok.to_lowercase();
    if !first && !all && SMALL_WORDS.contains(&l.as_str()) {
        return tok.to_string();
    }
    let mut c = tok.chars();
    match c.next() {
        Some(f) if f.is_lowercase() => f.to_uppercase().chain(c).collect(),
        _ => tok.to_string(),
    }
}

/// Build a training document from a CoNLL document (`heading` marks every sentence a headline).
pub fn train_doc(d: &ConllDoc, res_gaz: &Lexicon, res_cl: &Lexicon, heading: bool) -> TrainDoc {
    let (text, spans) = doc_text(d);
    // Gold chunk per CoNLL token: (chunk id, type).
    let mut tok_chunk: Vec<(Span, Option<(usize, u8)>)> = Vec::new();
    let mut cid = 0;
    for (s, sp) in d.sents.iter().zip(&spans) {
        let tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
        let mut lab: Vec<Option<(usize, u8)>> = vec![None; tags.len()];
        for (a, b, ty) in conll_chunks(&tags) {
            if let Some(t) = type_index(&ty) {
                for l in lab.iter_mut().take(b).skip(a) {
                    *l = Some((cid, t));
                }
                cid += 1;
            }
        }
        for (x, l) in sp.iter().zip(lab) {
            tok_chunk.push((*x, l));
        }
    }
    let mut regions = doc_regions(&spans);
    if heading {
        for r in regions.iter_mut() {
            r.kind = crate::document::RegionKind::Headline;
        }
    }
    let sents = segment(&text, &regions);
    let mut gold = Vec::with_capacity(sents.len());
    for (toks, _) in &sents {
        let ch: Vec<Option<(usize, u8)>> = toks
            .iter()
            .map(|t| {
                let k = tok_chunk.partition_point(|(s, _)| s.end <= t.start);
                tok_chunk.get(k).and_then(|(_, c)| *c)
            })
            .collect();
        let mut g = vec![0u8; toks.len()];
        for i in 0..toks.len() {
            if let Some((c, ty)) = ch[i] {
                let prev_same = i > 0 && ch[i - 1].map(|x| x.0) == Some(c);
                let next_same = i + 1 < toks.len() && ch[i + 1].map(|x| x.0) == Some(c);
                let pos = match (prev_same, next_same) {
                    (false, false) => 3,
                    (false, true) => 0,
                    (true, true) => 1,
                    (true, false) => 2,
                };
                g[i] = make_tag(ty, pos);
            }
        }
        gold.push(g);
    }
    let doc = prepare(&text, sents, res_gaz, res_cl);
    TrainDoc { doc, gold, mask_misc: false }
}

// ---------------------------------------------------------------- the perceptron

struct Dense {
    w: RefCell<Vec<i32>>,
    u: RefCell<Vec<i64>>,
    c: Cell<i64>,
}

impl Scorer for Dense {
    #[inline]
    fn add(&self, bucket: u32, scores: &mut [f32; NL]) {
        let w = self.w.borrow();
        let r = bucket as usize * NL;
        for (s, &x) in scores.iter_mut().zip(&w[r..r + NL]) {
            *s += x as f32;
        }
    }
}

impl Dense {
    fn learn(&self, fg: &[u32], gold: u8, fp: &[u32], pred: u8) {
        let c = self.c.get() + 1;
        self.c.set(c);
        if gold == pred && fg == fp {
            return;
        }
        let mut w = self.w.borrow_mut();
        let mut u = self.u.borrow_mut();
        for &b in fg {
            let r = b as usize * NL + gold as usize;
            w[r] += 1;
            u[r] += c;
        }
        for &b in fp {
            let r = b as usize * NL + pred as usize;
            w[r] -= 1;
            u[r] -= c;
        }
    }

    fn averaged(&self) -> Vec<f32> {
        let w = self.w.borrow();
        let u = self.u.borrow();
        let c = self.c.get().max(1) as f64;
        w.iter().zip(u.iter()).map(|(&w, &u)| (w as f64 - u as f64 / c) as f32).collect()
    }
}

struct Avg(Vec<f32>);
impl Scorer for Avg {
    #[inline]
    fn add(&self, bucket: u32, scores: &mut [f32; NL]) {
        let r = bucket as usize * NL;
        for (s, &x) in scores.iter_mut().zip(&self.0[r..r + NL]) {
            *s += x;
        }
    }
}

/// Prune to the `keep` rows with the largest weights and serialise.
pub fn export(avg: &[f32], keep: usize, temperature_ratio: f32) -> Vec<u8> {
    let nrows = avg.len() / NL;
    let mut mags: Vec<(f32, u32)> = (0..nrows)
        .filter_map(|r| {
            let m = avg[r * NL..(r + 1) * NL].iter().fold(0f32, |a, &x| a.max(x.abs()));
            (m > 0.0).then_some((m, r as u32))
        })
        .collect();
    mags.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap().then(a.1.cmp(&b.1)));
    mags.truncate(keep);
    let mut ids: Vec<u32> = mags.iter().map(|x| x.1).collect();
    ids.sort_unstable();
    // Scale: the largest magnitude.
    let mut all: Vec<f32> = ids.iter().flat_map(|&r| avg[r as usize * NL..(r as usize + 1) * NL].iter().map(|x| x.abs())).collect();
    all.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let scale = all.last().copied().unwrap_or(1.0).max(1e-6);
    let rows: Vec<(u32, [f32; NL])> = ids
        .iter()
        .map(|&r| {
            let mut a = [0f32; NL];
            a.copy_from_slice(&avg[r as usize * NL..(r as usize + 1) * NL]);
            (r, a)
        })
        .collect();
    Model::to_bytes(&rows, scale, scale * temperature_ratio)
}

/// Brier score of dev mention confidences (a mention is correct when span and type match).
fn brier(dev: &[ConllDoc], gaz: &Lexicon, cl: &Lexicon, m: &Model, temperature: f32) -> f64 {
    let mut sum = 0.0;
    let mut n = 0usize;
    for d in dev {
        let (text, spans) = doc_text(d);
        let mut gold: BTreeSet<(usize, usize, &'static str)> = BTreeSet::new();
        for (s, sp) in d.sents.iter().zip(&spans) {
            let tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
            for (a, b, ty) in conll_chunks(&tags) {
                if let Some(t) = type_index(&ty) {
                    gold.insert((sp[a].start, sp[b - 1].end, super::TYPES[t as usize - 1].as_str()));
                }
            }
        }
        let regions = doc_regions(&spans);
        let pdoc = prepare(&text, segment(&text, &regions), gaz, cl);
        for mention in super::mentions_of(&text, &pdoc, m, temperature) {
            let ok = gold.contains(&(mention.span.start, mention.span.end, mention.label.as_str()));
            let y = if ok { 1.0 } else { 0.0 };
            sum += (mention.confidence as f64 - y).powi(2);
            n += 1;
        }
    }
    sum / n.max(1) as f64
}

/// The same model bytes with another temperature (and a fresh checksum).
fn retemper(bytes: &[u8], temperature: f32) -> Vec<u8> {
    let mut b = bytes[..bytes.len() - 8].to_vec();
    let ll = u16::from_le_bytes([b[21], b[22]]) as usize;
    let o = 23 + ll + 4;
    b[o..o + 4].copy_from_slice(&temperature.to_le_bytes());
    let mut h = 0xcbf29ce484222325u64;
    for &x in &b {
        h = (h ^ x as u64).wrapping_mul(0x100000001b3);
    }
    b.extend_from_slice(&h.to_le_bytes());
    b
}

fn log(msg: &str) {
    eprintln!("[gleaner-train] {msg}");
}

/// Run the whole training recipe. Returns the dev report text.
pub fn run(cfg: &Config, command_line: &str) -> Result<String, String> {
    let lists = cfg.out.join("lexicon");
    std::fs::create_dir_all(&lists).map_err(|e| e.to_string())?;
    log("curating lexicons");
    let curated = curate(&cfg.data);
    for (name, set) in &curated {
        let mut s = String::new();
        for p in set {
            s.push_str(p);
            s.push('\n');
        }
        std::fs::write(lists.join(format!("{name}.txt")), s).map_err(|e| e.to_string())?;
    }
    let (gaz_bytes, gaz_stats) = build_gazetteer(&lists);
    let cl_bytes = build_clusters(&cfg.data.join("lexicons/glove6b_kmeans_top100k.tsv"), CLUSTER_RANK);
    std::fs::write(cfg.out.join("gazetteer.fst"), &gaz_bytes).map_err(|e| e.to_string())?;
    std::fs::write(cfg.out.join("clusters.fst"), &cl_bytes).map_err(|e| e.to_string())?;
    log(&format!("gazetteer {} bytes, clusters {} bytes", gaz_bytes.len(), cl_bytes.len()));
    if cfg.lexicons_only {
        return Ok(String::new());
    }
    let gaz = Lexicon::from_bytes(gaz_bytes.clone().into(), LexiconKind::Gazetteer).map_err(|e| e.0)?;
    let cl = Lexicon::from_bytes(cl_bytes.clone().into(), LexiconKind::Clusters).map_err(|e| e.0)?;

    let train_path = cfg.data.join("conll2003/train.txt");
    let dev_path = cfg.data.join("conll2003/dev.txt");
    let train = parse_conll(&read(&train_path), None);
    let dev = parse_conll(&read(&dev_path), None);
    log(&format!("train {} docs, dev {} docs", train.len(), dev.len()));

    let mut rng = Rng(cfg.seed | 1);
    let mut docs: Vec<TrainDoc> = Vec::new();
    let mut aug_t = 0;
    let mut aug_u = 0;
    for d in &train {
        docs.push(train_doc(d, &gaz, &cl, false));
        for s in &d.sents {
            let alpha = s.iter().filter(|(t, _)| t.chars().any(char::is_alphabetic)).count();
            if alpha < 3 || s.iter().all(|(t, _)| !t.chars().any(char::is_lowercase)) {
                continue;
            }
            let r = rng.below(1000) as u32;
            if r < cfg.title_aug {
                let all = rng.below(2) == 0;
                let sent: Vec<(String, String)> =
                    s.iter().enumerate().map(|(i, (t, g))| (title_case(t, i == 0, all), g.clone())).collect();
                docs.push(train_doc(&ConllDoc { sents: vec![sent] }, &gaz, &cl, true));
                aug_t += 1;
            } else if r < cfg.title_aug + cfg.upper_aug {
                let sent: Vec<(String, String)> = s.iter().map(|(t, g)| (t.to_uppercase(), g.clone())).collect();
                docs.push(train_doc(&ConllDoc { sents: vec![sent] }, &gaz, &cl, false));
                aug_u += 1;
            }
        }
    }
    log(&format!("{} training docs ({aug_t} title-case and {aug_u} upper-case sentence copies)", docs.len()));
    // (document index, per-mille weight): CoNLL documents weigh 1000.
    let mut weights: Vec<u32> = vec![1000; docs.len()];
    for &(src, w) in &cfg.sources {
        let extra = src.read(&cfg.data);
        let before = docs.len();
        for d in &extra {
            let mut td = train_doc(d, &gaz, &cl, false);
            td.mask_misc = true;
            docs.push(td);
            weights.push(w);
        }
        log(&format!("{}: {} docs, weight {w}/1000, MISC masked", src.path(), docs.len() - before));
    }

    let n = (1usize << BUCKET_BITS) * NL;
    let dense = Dense { w: RefCell::new(vec![0; n]), u: RefCell::new(vec![0; n]), c: Cell::new(0) };
    // Whole weights: one order, reshuffled every epoch. A fraction of a weight draws the
    // extra copies afresh each epoch.
    let draw = |rng: &mut Rng| -> Vec<usize> {
        let mut order: Vec<usize> = Vec::with_capacity(docs.len());
        for (k, &w) in weights.iter().enumerate() {
            let times = w / 1000 + u32::from(w % 1000 > 0 && (rng.below(1000) as u32) < w % 1000);
            order.extend(std::iter::repeat(k).take(times as usize));
        }
        order
    };
    let whole = weights.iter().all(|w| w % 1000 == 0);
    let mut order = draw(&mut rng);
    for ep in 0..cfg.epochs {
        let t0 = std::time::Instant::now();
        if !whole && ep > 0 {
            order = draw(&mut rng);
        }
        for i in (1..order.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            order.swap(i, j);
        }
        let mut errs = 0usize;
        let mut toks = 0usize;
        for &k in &order {
            let td = &docs[k];
            let mask = td.mask_misc;
            let mut cb = |fg: &[u32], g: u8, fp: &[u32], p: u8| {
                if mask && (super::tag_type(g) == 4 || (g == 0 && super::tag_type(p) == 4)) {
                    return;
                }
                if g != p {
                    errs += 1;
                }
                toks += 1;
                dense.learn(fg, g, fp, p)
            };
            if cfg.history {
                let (t1, _) = decode(&td.doc, &dense, 1.0, History::Online, Some(&td.gold), Some(&mut cb));
                decode(&td.doc, &dense, 1.0, History::Full(&t1), Some(&td.gold), Some(&mut cb));
            } else {
                decode(&td.doc, &dense, 1.0, History::Off, Some(&td.gold), Some(&mut cb));
            }
        }
        log(&format!("epoch {}: {errs} errors / {toks} token decisions ({:.1}s)", ep + 1, t0.elapsed().as_secs_f64()));
    }
    let avg = dense.averaged();
    if std::env::var_os("GLEANER_TRAIN_DEBUG").is_some() {
        let r = crate::eval::ner::evaluate_with(&dev, &gaz, &cl, &dense, 1.0, &|_| true);
        log(&format!("dev, last weights: {:.2}", r.overall().2));
        let mb = export(&avg, cfg.keep_rows, 0.25);
        let m = Model::from_bytes(&mb).unwrap();
        let mut shown = 0;
        for r in 0..(avg.len() / NL) {
            let row = &avg[r * NL..(r + 1) * NL];
            if row.iter().any(|x| *x != 0.0) && shown < 5 {
                let mut sc = [0f32; NL];
                m.add(r as u32, &mut sc);
                log(&format!("row {r}: avg {:?}\n   model {:?}", &row[..6], &sc[..6]));
                shown += 1;
            }
        }
        let a = Avg(avg);
        if let Some(path) = std::env::var_os("GLEANER_TRAIN_ERRORS") {
            let mut o = String::new();
            for d in &dev {
                let pred = crate::eval::ner::predict_doc_with(d, &gaz, &cl, &a, 1.0, &|_| true);
                for (s, p) in d.sents.iter().zip(&pred) {
                    let g: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
                    let q: Vec<&str> = p.iter().map(String::as_str).collect();
                    let gc = conll_chunks(&g);
                    let pc = conll_chunks(&q);
                    if gc != pc {
                        let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
                        o += &format!("{}\n", words.join(" "));
                        for c in &gc {
                            if !pc.contains(c) {
                                o += &format!("  MISS {} {}\n", c.2, words[c.0..c.1].join(" "));
                            }
                        }
                        for c in &pc {
                            if !gc.contains(c) {
                                o += &format!("  SPUR {} {}\n", c.2, words[c.0..c.1].join(" "));
                            }
                        }
                    }
                }
            }
            std::fs::write(path, o).unwrap();
        }
        let r = crate::eval::ner::evaluate_with(&dev, &gaz, &cl, &a, 1.0, &|_| true);
        log(&format!("dev, averaged unpruned: {:.2}", r.overall().2));
        // Training data fit.
        let r = crate::eval::ner::evaluate_with(&train[..100], &gaz, &cl, &a, 1.0, &|_| true);
        log(&format!("train[..100], averaged unpruned: {:.2}", r.overall().2));
        return Ok(String::new());
    }
    drop(dense);
    let model_bytes = export(&avg, cfg.keep_rows, 1.0);
    drop(avg);
    // Calibrate the confidence temperature on dev (Brier score of mention correctness).
    let probe = Model::from_bytes(&model_bytes).map_err(|e| e.0)?;
    let scale = probe.temperature;
    let mut best = (f64::INFINITY, 1.0f32);
    for k in 0..16 {
        let ratio = 0.005 * 1.5f32.powi(k);
        let b = brier(&dev, &gaz, &cl, &probe, scale * ratio);
        if b < best.0 {
            best = (b, ratio);
        }
    }
    log(&format!("confidence temperature: {} x scale (dev Brier {:.4})", best.1, best.0));
    let model_bytes = retemper(&model_bytes, scale * best.1);
    std::fs::write(cfg.out.join("ner.model"), &model_bytes).map_err(|e| e.to_string())?;
    let res = Resources { model: Model::from_bytes(&model_bytes).map_err(|e| e.0)?, gaz, clusters: cl };
    let t0 = std::time::Instant::now();
    let rep = evaluate(&dev, &res, &|_| true);
    let report = rep.to_conlleval();
    log(&format!("dev (shipped model, {} rows, {} bytes) in {:.1}s:\n{report}", res.model.rows(), model_bytes.len(), t0.elapsed().as_secs_f64()));

    // MANIFEST
    let mut m = String::new();
    m += "# Generated by gleaner-train. Do not edit; regenerate with the command below.\n";
    m += &format!("trainer_version: {TRAINER_VERSION}\nfeature_version: {FEATURE_VERSION}\nmodel_format: {}\nlexicon_format: {}\n", super::model::FORMAT_VERSION, crate::gazetteer::FORMAT_VERSION);
    m += &format!("command: {command_line}\n");
    m += &format!(
        "config: epochs={} keep_rows={} seed={} title_aug={} upper_aug={} history={} bucket_bits={}{}\n",
        cfg.epochs,
        cfg.keep_rows,
        cfg.seed,
        cfg.title_aug,
        cfg.upper_aug,
        cfg.history,
        BUCKET_BITS,
        cfg.sources.iter().map(|(s, w)| format!(" {}={w} (MISC masked)", s.name())).collect::<String>()
    );
    m += "\n## inputs (sha256)\n";
    let mut inputs: Vec<PathBuf> = vec![train_path.clone(), dev_path.clone()];
    inputs.extend(cfg.sources.iter().map(|(s, _)| cfg.data.join(s.path())));
    // the gazetteer reads GUM train's linked names even when GUM is not trained on
    let gum = cfg.data.join(Source::Gum.path());
    if !inputs.contains(&gum) {
        inputs.push(gum);
    }
    let mut lx: Vec<PathBuf> = std::fs::read_dir(cfg.data.join("lexicons")).map_err(|e| e.to_string())?.flatten().map(|e| e.path()).collect();
    lx.sort();
    inputs.extend(lx);
    for p in &inputs {
        let rel = p.strip_prefix(&cfg.data).unwrap_or(p);
        m += &format!("{}  {}\n", sha256_file(p), rel.display());
    }
    m += "\n## hand-written lists (src/data/lexicon/hand, sha256)\n";
    let mut hand: Vec<PathBuf> = std::fs::read_dir(lists.join("hand")).map_err(|e| e.to_string())?.flatten().map(|e| e.path()).collect();
    hand.sort();
    for p in &hand {
        m += &format!("{}  lexicon/hand/{}\n", sha256_file(p), p.file_name().unwrap().to_string_lossy());
    }
    m += "\n## outputs (sha256, bytes)\n";
    for f in ["ner.model", "gazetteer.fst", "clusters.fst"] {
        let p = cfg.out.join(f);
        m += &format!("{}  {}  {}\n", sha256_file(&p), f, std::fs::metadata(&p).map(|x| x.len()).unwrap_or(0));
    }
    m += "\n## gazetteer lists (entries)\n";
    for (n, k) in &gaz_stats {
        m += &format!("{n}: {k}\n");
    }
    m += "\n## dev (conll2003/dev.txt, shipped model)\n";
    for l in report.lines() {
        m += &format!("    {l}\n");
    }
    std::fs::write(cfg.out.join("MANIFEST"), m).map_err(|e| e.to_string())?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sha256_known() {
        assert_eq!(super::sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(super::sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
