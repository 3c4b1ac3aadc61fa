//! Speaker attribution as a learned ranking over candidates.
//!
//! For a quote whose sentence has a speech cue (or a subject the rules could take), the
//! candidates are the noun phrases around it outside quote marks: the tagger's mentions
//! (people, organisations, and places and other names so that the model learns to refuse
//! them), personal pronouns, relative pronouns (`…, who said`: PolNeAR's Source, resolved to
//! the phrase before it), determiner phrases (`the official`, `a senior aide`), other
//! capitalised runs, and the span the rules in [`super::attrib`] chose. Each candidate gets
//! sparse binary features (kind, which rule picked it, side and distance from the quote, a
//! cue right after or before it, `according to`, sentence subject, a preposition before it,
//! pronoun, whether it spoke the previous quote, quote position in the paragraph, …); an
//! averaged perceptron trained on PolNeAR train (`gleaner-train speakers`) scores them and
//! the best one speaks. With no model (or on a tie) the rules' candidate wins, so the
//! rules are a feature and a fallback, not the decision.
//!
//! The zone read for a quote is its sentence, the sentence before it in the paragraph and
//! the attribution after it, so the work per quote is bounded.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::document::{Document, EntityLabel};
use crate::resolve::words::{self, in_list, is_cap, is_cue};
use crate::span::Span;

/// Which rule proposed the span (a feature of the candidate equal to it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RuleKind {
    /// `"…," X said` / `said X` / `according to X` after the quote.
    After,
    /// `X said "…"` before it.
    Before,
    /// `Name: "…"`.
    Colon,
    /// A paragraph ending `X said:` before it.
    ColonLine,
    /// The sentence subject, no cue.
    Subject,
    /// A cue further back in the sentence.
    Far,
    /// The sentence subject before a participle cue (`…, saying "…"`).
    Participle,
}

impl RuleKind {
    fn name(self) -> &'static str {
        match self {
            RuleKind::After => "after",
            RuleKind::Before => "before",
            RuleKind::Colon => "colon",
            RuleKind::ColonLine => "colonline",
            RuleKind::Subject => "subject",
            RuleKind::Far => "far",
            RuleKind::Participle => "participle",
        }
    }
}

/// One candidate speaker and its features (hashed).
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Where it is.
    pub span: Span,
    /// Feature ids.
    pub feats: Vec<u32>,
    /// It is the span the rules chose.
    pub rule: bool,
}

/// What the ranker knows about one quote.
pub(super) struct QuoteCtx<'a> {
    /// The quoted stretches.
    pub parts: &'a [Span],
    /// Start of the zone (the sentence before the quote's, in its paragraph) and its end
    /// (the end of the attribution after the quote).
    pub zone: (usize, usize),
    /// The quote's sentence.
    pub window: (usize, usize),
    /// Every quoted stretch (marks included) of the paragraphs read: no candidate inside.
    pub quoted: &'a [Span],
    /// The rules' choice.
    pub rule: Option<(Span, RuleKind)>,
    /// The previous quote's speaker span and entity.
    pub prev: Option<(Span, Option<usize>)>,
    /// The quote opens its paragraph.
    pub para_start: bool,
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
const DETS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "our", "one", "two", "three", "several", "some", "many", "another", "other", "both", "this", "that", "these", "those"];
const PREPS: &[&str] = &["of", "to", "for", "with", "by", "from", "in", "at", "on", "about", "against", "into", "over", "than", "like", "under", "between", "among", "toward", "towards"];
const FUNCTION: &[&str] = &["of", "the", "a", "an", "and", "but", "or", "in", "on", "at", "to", "for", "with", "it's", "that", "this", "there", "here", "if", "as", "so", "when", "while", "after", "before", "what", "who"];

fn fnv(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3-4",
        5..=8 => "5-8",
        9..=16 => "9-16",
        _ => "17+",
    }
}

/// The candidates of one quote, with features.
pub(super) fn candidates(text: &str, doc: &Document, q: &QuoteCtx) -> Vec<Candidate> {
    let (zs, ze) = q.zone;
    let ws = words::words(text, zs, ze);
    let outside = |s: Span| !q.quoted.iter().any(|m| s.start < m.end && m.start < s.end);
    let mut spans: Vec<(Span, &'static str)> = Vec::new();
    // tagger mentions
    let i = doc.mentions.partition_point(|m| m.span.end <= zs);
    for m in doc.mentions[i..].iter().take_while(|m| m.span.start < ze).take(40) {
        if m.span.end <= ze && outside(m.span) {
            spans.push((m.span, m.label.as_str()));
        }
    }
    // words: pronouns, determiner phrases, capitalised runs
    let mut k = 0;
    while k < ws.len() {
        let w = ws[k];
        let sp = Span::new(w.start, w.end);
        if !outside(sp) {
            k += 1;
            continue;
        }
        if in_list(PRONOUNS, w.text) {
            spans.push((sp, "PRON"));
            k += 1;
        } else if is_relative(text, &ws, k) {
            spans.push((sp, "REL"));
            k += 1;
        } else if in_list(DETS, w.text) {
            // up to five more words, stopping at a cue, a function word or clause punctuation
            let mut e = k + 1;
            while e < ws.len() && e < k + 6 && !is_cue(ws[e].text) && !in_list(REPORTING_VERBS, ws[e].text) && !in_list(super::attrib::STOP, ws[e].text) && !in_list(PREPS, ws[e].text) && super::attrib::gap_ok(text, ws[e - 1].end, ws[e].start) && outside(Span::new(ws[e].start, ws[e].end)) {
                e += 1;
            }
            if e > k + 1 {
                spans.push((Span::new(w.start, ws[e - 1].end), "NOM"));
            }
            k += 1;
        } else if is_cap(w.text) {
            let mut e = k + 1;
            while e < ws.len() && e < k + 5 && is_cap(ws[e].text) && super::attrib::gap_ok(text, ws[e - 1].end, ws[e].start) && outside(Span::new(ws[e].start, ws[e].end)) {
                e += 1;
            }
            spans.push((Span::new(w.start, ws[e - 1].end), "CAP"));
            k = e;
        } else {
            k += 1;
        }
    }
    if let Some((r, _)) = q.rule {
        spans.push((r, "RULE"));
    }
    // one candidate per span; a mention's label wins over the word shapes
    let rank = |k: &str| match k {
        "RULE" => 3,
        "CAP" | "NOM" | "PRON" => 1,
        _ => 2,
    };
    let mut uniq: Vec<(Span, &'static str, bool)> = Vec::new();
    for (s, kind) in spans {
        let is_rule = q.rule.is_some_and(|(r, _)| r == s);
        match uniq.iter_mut().find(|u| u.0 == s) {
            Some(u) => {
                u.2 |= is_rule;
                if rank(kind) == 2 || (rank(u.1) == 1 && kind != "RULE") {
                    u.1 = kind;
                }
            }
            None => uniq.push((s, kind, is_rule)),
        }
    }
    // the subject of `quoted`/`cited` (`The agency quoted X as saying`) quotes someone else
    let quotes_another = |s: Span| {
        let mut e = (s.end + 24).min(text.len()).max(s.end);
        while !text.is_char_boundary(e) {
            e += 1;
        }
        let next = words::words(text, s.end, e);
        next.first().is_some_and(|w| in_list(REPORTING_VERBS, w.text) && super::attrib::gap_ok(text, s.end, w.start))
    };
    uniq.retain(|u| !quotes_another(u.0));
    uniq.into_iter().take(48).map(|(s, kind, is_rule)| Candidate { span: s, feats: features(text, doc, q, s, kind, is_rule), rule: is_rule }).collect()
}

/// A relative pronoun that may speak (`Stevie Wonder, who joked`, `the group, which said`,
/// `a statement that read`): `who` or `which` after a word (not opening the sentence), or
/// `that` with a speech cue right after it (at most two auxiliaries between).
fn is_relative(text: &str, ws: &[words::Word], k: usize) -> bool {
    let w = ws[k].text;
    if k == 0 || !(w == "who" || w == "which" || w == "that") {
        return false;
    }
    if text.get(ws[k - 1].end..ws[k].start).is_some_and(|g| g.contains(['.', '!', '?', '"', '“', '”', ':', ';'])) {
        return false;
    }
    if w == "that" {
        if is_cue(ws[k - 1].text) {
            return false;
        }
        return ws[k + 1..].iter().take(3).take_while(|x| super::attrib::gap_ok(text, ws[k].end, x.start)).find(|x| !in_list(&["also", "has", "had", "have", "later", "then", "would", "will", "once", "again", "previously"], x.text)).is_some_and(|x| is_cue(x.text) && !x.text.ends_with("ing"));
    }
    true
}

/// The phrase a relative pronoun at `s` stands for: the mention or noun phrase right before
/// it (a comma between allowed): `Stevie Wonder, who` → `Stevie Wonder`.
pub(super) fn relative_antecedent(text: &str, doc: &Document, s: Span) -> Option<(Span, Option<usize>, Option<EntityLabel>)> {
    let before = text.get(..s.start)?;
    let t = before.trim_end();
    let t = t.strip_suffix(',').unwrap_or(t).trim_end();
    let end = t.len();
    if end == 0 || s.start - end > 4 {
        return None;
    }
    let i = doc.mentions.partition_point(|m| m.span.end <= end);
    // a mention ending right there (or one word on: `Smith Jr.`)
    if let Some(m) = doc.mentions[..i].iter().rev().take(3).find(|m| m.span.end == end || (m.span.end + 5 >= end && text.get(m.span.end..end).is_some_and(|g| !g.contains([',', '.', ';']) && g.split_whitespace().count() <= 1 && g.chars().next().is_some_and(char::is_whitespace)))) {
        return Some((m.span, m.entity, Some(m.label)));
    }
    // a capitalised run or a short determiner phrase
    let lo = (end.saturating_sub(60)..=end).find(|&p| text.is_char_boundary(p)).unwrap_or(end);
    let ws = words::words(text, lo, end);
    let n = ws.len();
    if n == 0 || ws[n - 1].end != end {
        return None;
    }
    let mut st = n - 1;
    if is_cap(ws[n - 1].text) {
        while st > 0 && n - st < 5 && is_cap(ws[st - 1].text) && super::attrib::gap_ok(text, ws[st - 1].end, ws[st].start) {
            st -= 1;
        }
    } else {
        let d = (n.saturating_sub(6)..n).rev().take_while(|&j| j + 1 >= n || super::attrib::gap_ok(text, ws[j].end, ws[j + 1].start)).find(|&j| in_list(DETS, ws[j].text))?;
        st = d;
        // an appositive after a person (`Maria Lopez, the mayor, who`): the person
        let head = text[..ws[st].start].trim_end();
        if let Some(h) = head.strip_suffix(',').map(str::trim_end) {
            let j = doc.mentions.partition_point(|m| m.span.end <= h.len());
            if let Some(m) = doc.mentions[..j].last().filter(|m| m.span.end == h.len() && m.label == EntityLabel::PER) {
                return Some((m.span, m.entity, Some(m.label)));
            }
        }
    }
    Some((Span::new(ws[st].start, end), None, None))
}

/// Verbs that end a determiner phrase without being speech cues: in `The agency quoted X as
/// saying`, X speaks, not the phrase through the verb.
const REPORTING_VERBS: &[&str] = &["quoted", "cited", "paraphrased"];

fn features(text: &str, doc: &Document, q: &QuoteCtx, s: Span, kind: &str, is_rule: bool) -> Vec<u32> {
    let mut f: Vec<String> = Vec::with_capacity(40);
    let cand = &text[s.start..s.end];
    let lower = cand.to_lowercase();
    let nw = cand.split_whitespace().count();
    // the label of a mention inside (people inside a nominal `the official, John Smith`)
    let i = doc.mentions.partition_point(|m| m.span.end <= s.start);
    let inner: Vec<EntityLabel> = doc.mentions[i..].iter().take_while(|m| m.span.start < s.end).filter(|m| m.span.start >= s.start && m.span.end <= s.end).map(|m| m.label).collect();
    let k = if kind == "RULE" { inner.first().map(|l| l.as_str()).unwrap_or(if in_list(PRONOUNS, &lower) { "PRON" } else if cand.split_whitespace().next().is_some_and(|w| in_list(DETS, w)) { "NOM" } else { "CAP" }) } else { kind };
    f.push(format!("k={k}"));
    f.push("bias".into());
    if inner.contains(&EntityLabel::PER) {
        f.push("has_per".into());
    }
    if crate::places::country(cand).is_some() {
        f.push("country".into());
    }
    if nw == 1 && in_list(FUNCTION, cand) {
        f.push("function_word".into());
    }
    f.push(format!("len={}|k={k}", nw.min(4)));
    match q.rule {
        Some((r, rk)) => {
            if is_rule {
                f.push(format!("rule={}", rk.name()));
                f.push(format!("rule={}|k={k}", rk.name()));
            } else if r.start < s.end && s.start < r.end {
                f.push(format!("in_rule={}", rk.name()));
                if r.start <= s.start && s.end <= r.end {
                    f.push(format!("inside_rule|k={k}"));
                    if s.end == r.end {
                        f.push(format!("rule_tail|k={k}"));
                    }
                }
            } else {
                f.push(format!("not_rule={}", rk.name()));
            }
        }
        None => f.push("no_rule".into()),
    }
    // side and distance (in words) from the nearest quoted part
    let first = q.parts[0];
    let last = q.parts[q.parts.len() - 1];
    let (side, gap) = if s.end <= first.start {
        ("before", (s.end, first.start))
    } else if s.start >= last.end {
        ("after", (last.end, s.start))
    } else {
        ("between", (s.end, s.end))
    };
    let dist = words::words(text, gap.0, gap.1).len();
    let same_sentence = s.start >= q.window.0 && s.end <= q.window.1.max(q.zone.1);
    f.push(format!("side={side}|k={k}"));
    f.push(format!("side={side}|d={}", bucket(dist)));
    f.push(format!("side={side}|d={}|k={k}", bucket(dist)));
    f.push(format!("sent={}|side={side}", if same_sentence { "same" } else { "prev" }));
    let between = text.get(gap.0..gap.1).unwrap_or("");
    if between.contains(['.', '?', '!']) {
        f.push(format!("stop_between|side={side}"));
    }
    if between.contains(',') {
        f.push(format!("comma_between|side={side}"));
    }
    // the words next to it
    let after = words::words(text, s.end, (s.end + 60).min(q.zone.1.max(s.end)));
    let after = after.iter().filter(|w| !in_list(&["also", "has", "had", "have", "later", "then", "would", "will", "earlier", "again", "once", "further"], w.text)).take(2).collect::<Vec<_>>();
    let before = words::words(text, s.start.saturating_sub(40).max(q.zone.0), s.start);
    let before = if text.is_char_boundary(s.start.saturating_sub(40).max(q.zone.0)) { before } else { Vec::new() };
    let gap_after = after.first().map(|w| text.get(s.end..w.start).unwrap_or("")).unwrap_or("");
    if let Some(w) = after.first() {
        if is_cue(w.text) && super::attrib::gap_ok(text, s.end, w.start) {
            f.push(format!("cue_after|k={k}"));
            f.push(format!("cue_after={}", w.text.to_lowercase()));
            f.push(format!("cue_after|side={side}"));
        }
        if gap_after.contains(',') {
            f.push(format!("comma_after|k={k}"));
        }
    }
    if words::is_possessive(cand) || text.get(s.end..).is_some_and(|r| r.starts_with("'s") || r.starts_with("’s")) {
        f.push("possessive".into());
    }
    if let Some(w) = before.last() {
        let lw = w.text.to_lowercase();
        let gap_before = text.get(w.end..s.start).unwrap_or("");
        if is_cue(w.text) && !gap_before.contains(['.', ';']) {
            f.push(format!("cue_before|k={k}"));
            f.push(format!("cue_before={lw}"));
        }
        if in_list(PREPS, &lw) && gap_before.trim().is_empty() {
            f.push(format!("prep_before={lw}"));
            if lw == "to" && before.len() >= 2 && before[before.len() - 2].text.eq_ignore_ascii_case("according") {
                f.push("according_to".into());
            }
        }
        if gap_before.contains(['.', '!', '?']) || gap_before.contains(['"', '“', '”']) {
            f.push(format!("sentence_start|k={k}"));
        }
        if in_list(super::attrib::STOP, &lw) {
            f.push(format!("after_conj={lw}"));
        }
    } else {
        f.push(format!("sentence_start|k={k}"));
    }
    if s.start == q.window.0 || text.get(q.window.0..s.start).is_some_and(|g| g.trim().is_empty() || g.trim_end().ends_with(',') && g.split_whitespace().count() <= 4) {
        f.push(format!("subject|k={k}"));
    }
    if k == "PRON" {
        f.push(format!("pron={lower}"));
    }
    if k == "REL" {
        f.push(format!("rel={lower}"));
        let comma = text.get(..s.start).is_some_and(|b| b.trim_end().ends_with(','));
        let ante = relative_antecedent(text, doc, s);
        let ak = match &ante {
            Some((_, _, Some(l))) => l.as_str(),
            Some((a, _, _)) if text[a.start..a.end].split_whitespace().next().is_some_and(is_cap) => "CAP",
            Some(_) => "NOM",
            None => "none",
        };
        f.push(format!("rel={lower}|comma={comma}|ante={ak}"));
        if let Some((a, _, _)) = ante {
            // the antecedent would be the rules' pick
            if q.rule.is_some_and(|(r, _)| r.start < a.end && a.start < r.end) {
                f.push("rel_ante_rule".into());
            }
        }
    }
    if let Some((ps, pe)) = q.prev {
        let same_ent = pe.is_some() && entity_at(doc, s) == pe;
        if same_ent || text.get(ps.start..ps.end).is_some_and(|p| p.eq_ignore_ascii_case(cand)) {
            f.push(format!("prev_speaker|k={k}"));
        }
    }
    f.push(format!("qpos={}|side={side}", if q.para_start { "start" } else { "mid" }));
    f.into_iter().map(|x| fnv(&x)).collect()
}

/// The entity of the first mention inside `span`.
fn entity_at(doc: &Document, span: Span) -> Option<usize> {
    let i = doc.mentions.partition_point(|m| m.span.end <= span.start);
    doc.mentions[i..].iter().take_while(|m| m.span.start < span.end).find(|m| m.span.start >= span.start && m.span.end <= span.end).and_then(|m| m.entity)
}

/// A linear scorer over feature ids.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpeakerModel {
    weights: HashMap<u32, f32>,
}

const MAGIC: &[u8; 8] = b"GLNRSPK\0";
const FORMAT: u32 = 1;
/// Bumped when the features change (a model of another version is refused).
pub const FEATURE_VERSION: u32 = 2;

/// A model that cannot be read.
#[derive(Debug)]
pub struct ModelError(&'static str);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "speaker model: {}", self.0)
    }
}

impl SpeakerModel {
    /// A model from weights.
    #[cfg_attr(not(feature = "train"), allow(dead_code))]
    pub fn new(weights: HashMap<u32, f32>) -> SpeakerModel {
        SpeakerModel { weights }
    }

    /// Score of a candidate.
    pub fn score(&self, feats: &[u32]) -> f32 {
        feats.iter().map(|f| self.weights.get(f).copied().unwrap_or(0.0)).sum()
    }

    /// Number of non-zero weights.
    #[cfg_attr(not(feature = "train"), allow(dead_code))]
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// True when it has no weights.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The best candidate: highest score, the rules' candidate on a tie, then the first.
    pub fn best(&self, cands: &[Candidate]) -> Option<usize> {
        let mut best: Option<(usize, f32, bool)> = None;
        for (i, c) in cands.iter().enumerate() {
            let s = self.score(&c.feats);
            if best.is_none_or(|(_, bs, br)| s > bs || (s == bs && c.rule && !br)) {
                best = Some((i, s, c.rule));
            }
        }
        best.map(|b| b.0)
    }

    /// Bytes: magic, format, feature version, count, then (id, weight) pairs by id, little-endian.
    #[cfg_attr(not(feature = "train"), allow(dead_code))]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v: Vec<(u32, f32)> = self.weights.iter().map(|(&k, &w)| (k, w)).collect();
        v.sort_by_key(|x| x.0);
        let mut out = Vec::with_capacity(20 + v.len() * 8);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&(v.len() as u32).to_le_bytes());
        for (k, w) in v {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Read a model written by [`SpeakerModel::to_bytes`], checking magic, versions and length.
    pub fn from_bytes(b: &[u8]) -> Result<SpeakerModel, ModelError> {
        if b.len() < 20 || &b[..8] != MAGIC {
            return Err(ModelError("not a speaker model (bad magic)"));
        }
        let u = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        if u(8) != FORMAT {
            return Err(ModelError("unknown format version"));
        }
        if u(12) != FEATURE_VERSION {
            return Err(ModelError("made for other features; retrain with gleaner-train speakers"));
        }
        let n = u(16) as usize;
        if b.len() != 20 + n * 8 {
            return Err(ModelError("truncated or padded"));
        }
        let mut weights = HashMap::with_capacity(n);
        for i in 0..n {
            let o = 20 + i * 8;
            let w = f32::from_le_bytes([b[o + 4], b[o + 5], b[o + 6], b[o + 7]]);
            if !w.is_finite() {
                return Err(ModelError("weight not finite"));
            }
            weights.insert(u(o), w);
        }
        Ok(SpeakerModel { weights })
    }
}

static SHIPPED: &[u8] = include_bytes!("../data/speakers.model");

/// The committed model (`src/data/speakers.model`); an unreadable one gives the rules alone.
pub fn shipped() -> &'static SpeakerModel {
    static M: OnceLock<SpeakerModel> = OnceLock::new();
    M.get_or_init(|| SpeakerModel::from_bytes(SHIPPED).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_bytes_round_trip_and_reject_damage() {
        let m = SpeakerModel::new([(3u32, 0.5f32), (1, -2.0)].into_iter().collect());
        let b = m.to_bytes();
        assert_eq!(SpeakerModel::from_bytes(&b).unwrap(), m);
        assert!(SpeakerModel::from_bytes(&b[..b.len() - 1]).is_err());
        let mut bad = b.clone();
        bad[0] = b'X';
        assert!(SpeakerModel::from_bytes(&bad).is_err());
        let mut other = b.clone();
        other[12] = 99;
        assert!(SpeakerModel::from_bytes(&other).is_err());
    }

    #[test]
    fn shipped_model_loads() {
        assert!(SpeakerModel::from_bytes(SHIPPED).is_ok());
    }

    #[test]
    fn ties_go_to_the_rules() {
        let m = SpeakerModel::default();
        let c = |rule| Candidate { span: Span::new(0, 1), feats: vec![1], rule };
        assert_eq!(m.best(&[c(false), c(true), c(false)]), Some(1));
    }
}
