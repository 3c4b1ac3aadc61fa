//! fst-backed lexicons: multi-word gazetteers and the word → cluster table.
//!
//! A [`Lexicon`] is an [`fst::Map`] from a lowercased, tokenized, space-joined phrase
//! (`"university of tokyo"`, `"s.africa"`) to a `u64`. For gazetteers the value is a
//! bit set of [`Category`]s; for the cluster table it packs a word's GloVe cluster ids and
//! frequency-rank bucket. Each artifact starts with a 16-byte header (magic, format
//! version, kind, entry count) checked by [`Lexicon::from_bytes`].
#![cfg_attr(not(feature = "train"), allow(dead_code))]

use std::borrow::Cow;

/// Format version of the lexicon artifacts.
pub const FORMAT_VERSION: u32 = 1;
const MAGIC: &[u8; 8] = b"GLNRLEX\0";

/// Kind tag stored in the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexiconKind {
    /// Phrase → category bit set.
    Gazetteer = 1,
    /// Word → packed cluster ids.
    Clusters = 2,
}

/// Gazetteer categories (bit positions in a gazetteer value).
pub mod cat {
    /// Countries (CLDR names and alternate names, hand-written short forms).
    pub const COUNTRY: u32 = 0;
    /// Cities (GeoNames ≥ 50k) and capitals.
    pub const CITY: u32 = 1;
    /// States and provinces.
    pub const ADMIN1: u32 = 2;
    /// Nationality and place adjectives (`Swiss`, `Parisian`).
    pub const DEMONYM: u32 = 3;
    /// Given names.
    pub const FIRST_NAME: u32 = 4;
    /// Surnames.
    pub const SURNAME: u32 = 5;
    /// Companies (SEC, index constituents), legal suffixes normalised away.
    pub const COMPANY: u32 = 6;
    /// Football clubs.
    pub const CLUB: u32 = 7;
    /// Universities and academic institutions.
    pub const UNIVERSITY: u32 = 8;
    /// Hand-written organisations: international bodies, agencies, sports bodies, parties.
    pub const ORG_HAND: u32 = 9;
    /// Hand-written places: seas, regions, continents, headline short forms.
    pub const LOC_HAND: u32 = 10;
    /// Hand-written other names: events, tournaments, languages.
    pub const MISC_HAND: u32 = 11;
    /// WordNet named instances typed LOC.
    pub const WN_LOC: u32 = 12;
    /// WordNet named instances typed PER.
    pub const WN_PER: u32 = 13;
    /// WordNet named instances typed ORG.
    pub const WN_ORG: u32 = 14;
    /// WordNet named instances typed MISC.
    pub const WN_MISC: u32 = 15;
    /// Roles and titles (`president`, `spokesman`, `Dr.`).
    pub const ROLE: u32 = 16;
    /// Currency names.
    pub const CURRENCY: u32 = 17;
    /// Organisation-name heads and legal forms (`Inc`, `Corp`, `Party`, `Ministry`).
    pub const ORG_WORD: u32 = 18;
    /// Hand-written people (current public figures).
    pub const PER_HAND: u32 = 19;
    /// Number of categories.
    #[allow(dead_code)]
    pub const COUNT: u32 = 20;
    /// Names, for messages and the MANIFEST.
    #[allow(dead_code)]
    pub const NAMES: [&str; COUNT as usize] = [
        "country", "city", "admin1", "demonym", "first_name", "surname", "company", "club", "university", "org_hand",
        "loc_hand", "misc_hand", "wn_loc", "wn_per", "wn_org", "wn_misc", "role", "currency", "org_word", "per_hand",
    ];
}

/// Longest phrase (in tokens) looked up.
pub const MAX_PHRASE_TOKENS: usize = 8;

/// An fst-backed lexicon.
#[derive(Clone)]
pub struct Lexicon {
    kind: LexiconKind,
    map: fst::Map<Cow<'static, [u8]>>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("kind", &self.kind).field("len", &self.map.len()).finish()
    }
}

/// Why an artifact was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError(pub String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The embedded gazetteer's bytes (the tagger's resources read the same bytes).
pub(crate) static GAZ_BYTES: &[u8] = include_bytes!("data/gazetteer.fst");

/// The embedded gazetteer alone, loaded once, for the layers below the tagger (the structure
/// layer's place and given-name tests): loading it reads the bytes in place, so a structure-only
/// parse never waits for the tagger model to be decoded. `None` if it fails validation, which a
/// test rules out.
pub(crate) fn shipped() -> Option<&'static Lexicon> {
    static G: std::sync::OnceLock<Option<Lexicon>> = std::sync::OnceLock::new();
    G.get_or_init(|| Lexicon::from_bytes(Cow::Borrowed(GAZ_BYTES), LexiconKind::Gazetteer).ok()).as_ref()
}

impl Lexicon {
    /// Load an artifact written by [`Lexicon::build`], checking magic, version and kind.
    pub fn from_bytes(bytes: Cow<'static, [u8]>, kind: LexiconKind) -> Result<Lexicon, LoadError> {
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(LoadError("lexicon: bad magic (not a gleaner lexicon; rebuild with gleaner-train)".into()));
        }
        let version = u32::from_le_bytes(bytes[8..12].try_into().unwrap());
        if version != FORMAT_VERSION {
            return Err(LoadError(format!("lexicon: format version {version}, expected {FORMAT_VERSION}; rebuild it")));
        }
        let k = u32::from_le_bytes(bytes[12..16].try_into().unwrap());
        if k != kind as u32 {
            return Err(LoadError(format!("lexicon: kind {k}, expected {}", kind as u32)));
        }
        let body: Cow<'static, [u8]> = match bytes {
            Cow::Borrowed(b) => Cow::Borrowed(&b[16..]),
            Cow::Owned(v) => Cow::Owned(v[16..].to_vec()),
        };
        let map = fst::Map::new(body).map_err(|e| LoadError(format!("lexicon: corrupt fst: {e}")))?;
        Ok(Lexicon { kind, map })
    }

    /// Build an artifact from `(key, value)` pairs (sorted and merged with bit-or here).
    pub fn build(kind: LexiconKind, entries: impl IntoIterator<Item = (String, u64)>) -> Vec<u8> {
        let mut all: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
        for (k, v) in entries {
            if k.is_empty() {
                continue;
            }
            *all.entry(k).or_insert(0) |= v;
        }
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(kind as u32).to_le_bytes());
        let mut b = fst::MapBuilder::new(out).expect("in-memory fst");
        for (k, v) in all {
            b.insert(k.as_bytes(), v).expect("sorted keys");
        }
        b.into_inner().expect("in-memory fst")
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The value of one key.
    pub fn get(&self, key: &str) -> Option<u64> {
        self.map.get(key)
    }

    /// Mark phrase matches over a token sequence given as lowercased token texts.
    ///
    /// Where walking `word`'s bytes from the root of the lexicon's automaton ends: the
    /// node and the output gathered on the way, or `None` when no entry starts with
    /// `word`. [`Lexicon::mark_phrases_from`] starts phrases from it, so a caller that sees
    /// the same word many times walks it once.
    pub fn walk(&self, word: &str) -> Option<Walk> {
        let raw = self.map.as_fst();
        let mut node = raw.root();
        let mut acc = fst::raw::Output::zero();
        for &byte in word.as_bytes() {
            let ti = node.find_input(byte)?;
            let t = node.transition(ti);
            acc = acc.cat(t.out);
            node = raw.node(t.addr);
        }
        Some(Walk { addr: node.addr(), out: acc.value() })
    }

    /// For every phrase `lowers[s..=e]` (joined with single spaces) found in the lexicon,
    /// each category bit `c` of its value sets bit `c * 4 + pos` of `out[t]` for
    /// `t in s..=e`, where `pos` is 0 = begin, 1 = inside, 2 = last, 3 = unit (one token).
    pub fn mark_phrases<S: AsRef<str>>(&self, lowers: &[S], out: &mut [u128]) {
        let starts: Vec<Option<Walk>> = lowers.iter().map(|w| self.walk(w.as_ref())).collect();
        self.mark_phrases_from(&starts, lowers, out);
    }

    /// [`Lexicon::mark_phrases`] given each token's [`Lexicon::walk`] (`starts[t]` must be
    /// `self.walk(lowers[t])`).
    pub fn mark_phrases_from<S: AsRef<str>>(&self, starts: &[Option<Walk>], lowers: &[S], out: &mut [u128]) {
        let raw = self.map.as_fst();
        let n = lowers.len();
        for s in 0..n {
            let Some(w) = starts[s] else { continue };
            let mut node = raw.node(w.addr);
            let mut acc = fst::raw::Output::new(w.out);
            let mut e = s;
            'outer: while e < n && e < s + MAX_PHRASE_TOKENS {
                if e > s {
                    match node.find_input(b' ') {
                        Some(ti) => {
                            let t = node.transition(ti);
                            acc = acc.cat(t.out);
                            node = raw.node(t.addr);
                        }
                        None => break 'outer,
                    }
                    for &byte in lowers[e].as_ref().as_bytes() {
                        match node.find_input(byte) {
                            Some(ti) => {
                                let t = node.transition(ti);
                                acc = acc.cat(t.out);
                                node = raw.node(t.addr);
                            }
                            None => break 'outer,
                        }
                    }
                }
                if node.is_final() {
                    let v = acc.cat(node.final_output()).value();
                    let mut bits = v;
                    while bits != 0 {
                        let c = bits.trailing_zeros();
                        bits &= bits - 1;
                        if c >= 32 {
                            continue;
                        }
                        let c = c as u128;
                        if s == e {
                            out[s] |= 1u128 << (c * 4 + 3);
                        } else {
                            out[s] |= 1u128 << (c * 4);
                            for o in out.iter_mut().take(e).skip(s + 1) {
                                *o |= 1u128 << (c * 4 + 1);
                            }
                            out[e] |= 1u128 << (c * 4 + 2);
                        }
                    }
                }
                e += 1;
            }
        }
    }
}

/// A position in a lexicon's automaton (see [`Lexicon::walk`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Walk {
    addr: fst::raw::CompiledAddr,
    out: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_gazetteer_loads_and_knows_a_country() {
        let g = shipped().expect("the embedded gazetteer is valid");
        assert!(g.get("france").is_some_and(|v| v & (1u64 << cat::COUNTRY) != 0));
    }

    #[test]
    fn build_load_match() {
        let bytes = Lexicon::build(
            LexiconKind::Gazetteer,
            vec![
                ("sea of japan".to_string(), 1 << cat::LOC_HAND),
                ("japan".to_string(), 1 << cat::COUNTRY),
                ("tokyo".to_string(), 1 << cat::CITY),
            ],
        );
        let lex = Lexicon::from_bytes(Cow::Owned(bytes.clone()), LexiconKind::Gazetteer).unwrap();
        assert_eq!(lex.len(), 3);
        assert!(Lexicon::from_bytes(Cow::Owned(bytes), LexiconKind::Clusters).is_err());
        assert!(Lexicon::from_bytes(Cow::Owned(b"nonsense".to_vec()), LexiconKind::Gazetteer).is_err());
        let toks = ["the", "sea", "of", "japan", "near", "tokyo"];
        let mut out = vec![0u128; toks.len()];
        lex.mark_phrases(&toks, &mut out);
        let lh = cat::LOC_HAND as u128 * 4;
        assert_eq!(out[0], 0);
        assert_eq!(out[1], 1 << lh);
        assert_eq!(out[2], 1 << (lh + 1));
        assert_eq!(out[3], (1 << (lh + 2)) | (1 << (cat::COUNTRY as u128 * 4 + 3)));
        assert_eq!(out[5], 1 << (cat::CITY as u128 * 4 + 3));
    }
}
