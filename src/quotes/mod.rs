//! Direct quotes and their speakers.
//!
//! # What counts as a direct quote
//! The target is PolNeAR's notion of attributed content: words in quote marks that the
//! text attributes to a source. A quoted stretch of an article paragraph is a direct quote
//! when
//! * a speech cue (`said`, `told AFP`, `added`, `according to`, …) is in the same sentence
//!   (the sentence that holds the quote; sentence ends inside quotes do not count), or
//! * the paragraph before ends with a colon (`He said:`), or
//! * it runs over several paragraphs (AFP style: a paragraph opens a quote and does not
//!   close it; the next paragraph re-opens; the last one closes), or
//! * it is at least five words long (a quoted sentence whose speaker is not stated: speaker
//!   `None`).
//!
//! One- to four-word quoted phrases with no cue (`'Devastated'`, scare quotes, titles) are
//! not quotes. A short phrase with a cue is (`…, where the two will discuss "regional and
//! global issues", Lee's office said.`). Several quoted fragments in one sentence with one
//! cue (`"…" through an "…," his office added.`) form one [`Quote`] with several `parts`.
//! Headlines are not searched.
//!
//! # Speakers
//! After the quote: `," X said`, `," said X`, `," X told AFP`, `," she added`, `, Lee's office
//! said`; before it: `X said: "…"`, `X told reporters "…"`, `X … has said … "…"` (the
//! sentence subject when the cue has none), `according to X`. A paragraph that continues a
//! quote, or opens with a quote and no cue right after a quote with a speaker, keeps that
//! speaker. Pronouns (`he`, `she`, `they`, `it`, `his office`) resolve to the most recent
//! compatible speaker in the article (gender from the pronoun used for that speaker
//! earlier, or from a first-name list), else to the most recent person mention. The speaker
//! links to its entity through the mentions inside the speaker (or the antecedent's).
//!
//! Scanning is linear: each paragraph is read once; speaker search looks at a bounded
//! window around each quote, so 10k stray quote marks cost 10k bounded searches.

use serde::{Deserialize, Serialize};

use crate::document::{Document, EntityLabel};
use crate::resolve::words::{self, in_list, is_cap, is_cue, Word};
use crate::span::Span;

pub(crate) mod names;

/// A direct quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// The quoted words, without the quote marks (parts joined with ` … `; paragraphs of a
    /// multi-paragraph quote joined with a newline).
    pub text: String,
    /// From the first quoted word to the last (inside the marks); may run over several paragraphs.
    pub span: Span,
    /// Each quoted stretch: one per paragraph of a multi-paragraph quote, one per fragment of
    /// a sentence with several quoted fragments sharing a cue.
    pub parts: Vec<Span>,
    /// The speaker as printed (`she`, `Heng`, `Lee's office`), if one was found.
    pub speaker: Option<String>,
    /// Where the speaker is.
    pub speaker_span: Option<Span>,
    /// Who the speaker is: the entity's canonical name, else for a pronoun the antecedent as
    /// printed (none when no antecedent is found), else the speaker as printed.
    pub speaker_name: Option<String>,
    /// The speaker's entity (index into [`Document::entities`]).
    pub entity: Option<usize>,
    /// The cue (`said`, `told AFP`, `added`, `according to`).
    pub cue: Option<String>,
    /// Where the cue is.
    pub cue_span: Option<Span>,
    /// The article it is in.
    pub article: Option<usize>,
}

/// A quoted stretch inside one paragraph.
#[derive(Clone, Copy, Debug)]
struct Frag {
    /// Content (inside the marks).
    start: usize,
    end: usize,
    /// Position of the opening mark.
    open: usize,
    /// One past the closing mark (== end when unclosed).
    close: usize,
    closed: bool,
    /// The paragraph opens with this fragment's mark.
    para_start: bool,
}

fn is_double_open(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}
fn is_double_close(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Quoted fragments and sentence boundaries (outside quotes) of one paragraph `text[s..e]`.
fn scan(text: &str, s: usize, e: usize) -> (Vec<Frag>, Vec<usize>) {
    let mut frags = Vec::new();
    let mut bounds = vec![s];
    let Some(p) = text.get(s..e) else { return (frags, bounds) };
    let chars: Vec<(usize, char)> = p.char_indices().map(|(i, c)| (s + i, c)).collect();
    let first_mark = chars.iter().position(|&(_, c)| !c.is_whitespace());
    // open: (mark position, content start, is_single)
    let mut open: Option<(usize, usize, bool, usize)> = None;
    let n = chars.len();
    // the word before chars[k] (since the last whitespace), kept as k moves
    let mut word = WordBefore::default();
    for k in 0..n {
        if k > 0 {
            word.push(k - 1, chars[k - 1].1);
        }
        let (pos, c) = chars[k];
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = chars.get(k + 1).map(|x| x.1);
        let next_pos = chars.get(k + 1).map(|x| x.0).unwrap_or(e);
        let is_double = c == '"' || is_double_open(c) || is_double_close(c);
        let is_single = matches!(c, '\'' | '‘' | '’');
        match open {
            None => {
                let opens = if is_double {
                    !is_double_close(c) && next.is_some_and(|x| !x.is_whitespace())
                } else if is_single {
                    c != '’' && prev.is_none_or(|x| x.is_whitespace() || matches!(x, '(' | '[' | '—' | '–' | '-'))
                        && next.is_some_and(|x| x.is_alphanumeric())
                } else {
                    false
                };
                if opens {
                    open = Some((pos, next_pos, is_single, k));
                } else if matches!(c, '.' | '!' | '?') && is_boundary(&chars, k, &word) {
                    bounds.push(next_pos);
                }
            }
            Some((opos, cstart, single, ok)) => {
                let closes = if single {
                    is_single && c != '‘' && prev.is_some_and(|x| !x.is_whitespace()) && next.is_none_or(|x| !x.is_alphanumeric())
                } else {
                    is_double && !is_double_open(c)
                };
                let reopens = !single && is_double_open(c);
                if closes || reopens {
                    let _ = ok;
                    frags.push(Frag { start: cstart, end: pos, open: opos, close: next_pos, closed: !reopens, para_start: Some(ok) == first_mark });
                    open = None;
                    if closes {
                        // a sentence ending inside the quote ends the sentence after the mark
                        let inner_end = text[cstart..pos].trim_end();
                        if inner_end.ends_with(['.', '!', '?']) && starts_sentence(&chars, k + 1) {
                            bounds.push(next_pos);
                        }
                    } else {
                        open = Some((pos, next_pos, false, k));
                    }
                }
            }
        }
    }
    if let Some((opos, cstart, _single, ok)) = open {
        if !_single {
            frags.push(Frag { start: cstart, end: e, open: opos, close: e, closed: false, para_start: Some(ok) == first_mark });
        }
    }
    bounds.push(e);
    bounds.sort_unstable();
    bounds.dedup();
    // trim content whitespace
    for f in &mut frags {
        let t = &text[f.start..f.end];
        let lead = t.len() - t.trim_start().len();
        let trail = t.len() - t.trim_end().len();
        f.start += lead;
        f.end = (f.end - trail).max(f.start);
    }
    frags.retain(|f| f.end > f.start);
    (frags, bounds)
}

/// The word before a position, from its first letter or digit (leading punctuation skipped),
/// updated one character at a time so that a long run without spaces is not re-read at
/// every full stop.
#[derive(Default)]
struct WordBefore {
    /// Index (in `chars`) of the word's first alphanumeric character.
    from: Option<usize>,
    /// A `.` after `from`.
    dot: bool,
}

impl WordBefore {
    fn push(&mut self, k: usize, c: char) {
        if c.is_whitespace() {
            *self = WordBefore::default();
        } else if self.from.is_none() {
            if c.is_alphanumeric() {
                self.from = Some(k);
            }
        } else if c == '.' {
            self.dot = true;
        }
    }
}

/// After chars[k] (a `.`, `!`, `?` outside quotes): whitespace then a capital or quote mark,
/// and the word before (`word`) is not an abbreviation.
fn is_boundary(chars: &[(usize, char)], k: usize, word: &WordBefore) -> bool {
    if chars[k].1 == '.' {
        if word.dot {
            return false;
        }
        let from = word.from.unwrap_or(k);
        // abbreviations are short: a longer word is read no further (in_list takes ≤ 24 bytes)
        if chars[k].0 - chars[from].0 <= 24 {
            let w: String = chars[from..k].iter().map(|x| x.1).collect();
            if (w.len() <= 2 && is_cap(&w)) || in_list(ABBREV, &w) {
                return false;
            }
        }
    }
    starts_sentence(chars, k + 1)
}

static ABBREV: &[&str] = &["mr", "mrs", "ms", "dr", "st", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "gen", "gov", "sen", "rep", "prof", "no", "vs", "jr", "sr", "inc", "corp", "ltd", "co", "lt", "col", "sgt", "capt", "rev", "ft", "mt"];

fn starts_sentence(chars: &[(usize, char)], mut k: usize) -> bool {
    let mut saw_space = false;
    while k < chars.len() && chars[k].1.is_whitespace() {
        saw_space = true;
        k += 1;
    }
    if k >= chars.len() {
        return true;
    }
    let c = chars[k].1;
    saw_space && (c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '['))
}

/// A found attribution.
#[derive(Clone, Debug)]
struct Attr {
    speaker: Span,
    cue: Span,
}

const AUX: &[&str] = &["has", "have", "had", "also", "later", "then", "would", "will", "previously", "once", "again", "reportedly", "repeatedly", "recently", "did", "does", "not", "further", "earlier", "simply", "just", "then-", "is", "was", "were", "are", "flatly", "publicly", "privately", "told"];
const STOP: &[&str] = &["that", "which", "who", "and", "but", "as", "while", "when", "because", "if", "so", "where", "whom", "after", "before", "than", "since", "although", "though", "what", "how", "why"];

fn is_aux(w: &str) -> bool {
    in_list(AUX, w) || (w.len() > 4 && w.ends_with("ly") && !is_cap(w))
}

/// The sentence subject before a quote when no cue is found (`Will called it "…"`,
/// `He wants a "…"`): a capitalised name or a personal pronoun opening the sentence (after
/// an opening adverbial phrase ending with a comma), followed by a lowercase word.
fn attr_subject(text: &str, from: usize, to: usize) -> Option<Attr> {
    let ws = words::words(text, from, to);
    let mut k = 0;
    // skip `On Thursday,` / `But` / `And`
    if let Some(first) = ws.first() {
        if in_list(&["but", "and", "yet", "still", "so", "now", "meanwhile", "however", "instead", "also", "then"], first.text) {
            k = 1;
        }
    }
    if let Some(cm) = (k..ws.len().min(k + 6)).find(|&i| text.get(ws[i].end..ws.get(i + 1).map(|w| w.start).unwrap_or(ws[i].end)).is_some_and(|g| g.contains(','))) {
        if ws.get(k).is_some_and(|w| in_list(&["on", "in", "at", "after", "before", "during", "earlier", "later", "last", "yesterday", "today", "tuesday", "monday", "wednesday", "thursday", "friday", "saturday", "sunday", "since", "when", "while", "speaking", "asked", "still", "however", "meanwhile", "instead", "separately", "similarly", "indeed", "now", "then", "again", "also"], w.text)) {
            k = cm + 1;
        }
    }
    let first = ws.get(k)?;
    let pron = in_list(&["he", "she", "they", "i", "we"], first.text);
    if !(pron || (is_cap(first.text) && !not_a_subject(first.text))) || in_list(STOP, first.text) || in_list(&["the", "a", "an", "this", "that", "it", "there", "in", "on", "at", "but", "and"], first.text) {
        return None;
    }
    let mut e = k + 1;
    if !pron {
        while e < ws.len() && e < k + 5 && (is_cap(ws[e].text) || ws[e].text.chars().all(|c| c.is_ascii_uppercase() || c == '.')) && gap_ok(text, ws[e - 1].end, ws[e].start) {
            e += 1;
        }
    }
    let verb = ws.get(e)?;
    if is_cap(verb.text) || !gap_ok(text, ws[e - 1].end, verb.start) {
        return None;
    }
    Some(Attr { speaker: Span::new(first.start, ws[e - 1].end), cue: Span::new(verb.start, verb.start) })
}

fn gap_ok(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|g| !g.contains([',', ';', ':', '"', '“', '”', '—', '–']) && !g.contains(" - ") && !g.contains(". "))
}

/// `, X said` / `, said X` / `, according to X` right after a quote; `after` is the text
/// between the closing mark and the end of the sentence (or the next quote).
fn attr_after(text: &str, from: usize, to: usize) -> Option<Attr> {
    let ws = words::words(text, from, to);
    if ws.is_empty() {
        return None;
    }
    // the words must start right away (only punctuation between the mark and the first word)
    if !text.get(from..ws[0].start).is_some_and(|g| g.chars().all(|c| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-'))) {
        return None;
    }
    let lim = ws.len().min(10);
    // according to X
    for i in 0..lim.saturating_sub(1) {
        if ws[i].text.eq_ignore_ascii_case("according") && ws[i + 1].text == "to" {
            let sp = speaker_forward(text, &ws, i + 2, true)?;
            return Some(Attr { speaker: sp, cue: Span::new(ws[i].start, ws[i + 1].end) });
        }
    }
    let Some(c) = (0..lim).find(|&i| is_cue(ws[i].text) && !(i > 0 && ws[i - 1].text.eq_ignore_ascii_case("to"))) else {
        return appositive_speaker(text, &ws, 0);
    };
    // every word before the cue is joined without clause punctuation
    if c > 0 && !gap_ok(text, ws[0].start, ws[c].start) {
        return appositive_speaker(text, &ws, 0);
    }
    let cue = cue_span(text, &ws, c);
    if c == 0 {
        let sp = speaker_forward(text, &ws, 1, false)?;
        return Some(Attr { speaker: sp, cue });
    }
    let mut e = c;
    while e > 0 && is_aux(ws[e - 1].text) {
        e -= 1;
    }
    if e == 0 {
        return None;
    }
    if ws[..e].iter().any(|w| in_list(STOP, w.text)) {
        return None;
    }
    // A speaker is a noun phrase: a pronoun, a capitalised name, or a short determiner phrase.
    if e > 7 {
        return None;
    }
    Some(Attr { speaker: Span::new(ws[0].start, ws[e - 1].end), cue })
}

/// `Name, a role at Org, said` from word `from`: a short name, an appositive between commas
/// (at most 30 words), then a cue right after the second comma.
fn appositive_speaker(text: &str, ws: &[Word], from: usize) -> Option<Attr> {
    let lim = ws.len().min(from + 36);
    // the name: up to the first comma, at most 6 words
    let mut n = from;
    while n < lim && n < from + 6 && gap_ok(text, ws[n].end, ws.get(n + 1).map(|w| w.start).unwrap_or(ws[n].end)) {
        n += 1;
    }
    if n >= lim || n + 1 >= lim || !text.get(ws[n].end..ws[n + 1].start).is_some_and(|g| g.contains(',')) {
        return None;
    }
    if !ws[from..=n].iter().any(|w| is_cap(w.text)) || ws[from..=n].iter().any(|w| is_cue(w.text) || in_list(STOP, w.text)) {
        return None;
    }
    // the cue right after a later comma
    let c = (n + 2..lim).find(|&i| is_cue(ws[i].text) && text.get(ws[i - 1].end..ws[i].start).is_some_and(|g| g.contains(',')))?;
    if text.get(ws[n].end..ws[c].start).is_some_and(|g| g.contains(['"', '“', '”', '.'])) {
        return None;
    }
    Some(Attr { speaker: Span::new(ws[from].start, ws[n].end), cue: cue_span(text, ws, c) })
}

/// `Clinton: "…"` — a short capitalised name (or `NAME:` in capitals) right before a colon
/// that opens the quote, at the start of its clause.
fn name_colon(text: &str, from: usize, open: usize) -> Option<Attr> {
    let before = text.get(from..open)?.trim_end();
    let colon = before.strip_suffix(':')?;
    let ws = words::words(text, from, from + colon.len());
    let n = ws.len();
    if n == 0 {
        return None;
    }
    let mut s = n;
    while s > 0 && n - s < 4 && is_cap(ws[s - 1].text) && (s == n || gap_ok(text, ws[s - 1].end, ws[s].start)) {
        s -= 1;
    }
    if s == n {
        return None;
    }
    let clause_start = s == 0 || text.get(ws[s - 1].end..ws[s].start).is_some_and(|g| g.contains(['.', ',', ';', '\n']));
    if !clause_start || not_a_subject(ws[s].text) {
        return None;
    }
    let end = ws[n - 1].end;
    Some(Attr { speaker: Span::new(ws[s].start, end), cue: Span::new(end, end) })
}

/// The cue, extended by `told X` / `said in a statement` objects only for `told`.
fn cue_span(text: &str, ws: &[Word], c: usize) -> Span {
    let mut end = ws[c].end;
    if ws[c].text.eq_ignore_ascii_case("told") {
        if let Some(o) = ws.get(c + 1) {
            if (is_cap(o.text) || matches!(o.text, "reporters" | "journalists" | "me" | "us")) && gap_ok(text, ws[c].end, o.start) {
                end = o.end;
            }
        }
    }
    Span::new(ws[c].start, end)
}

/// The speaker after a cue (`said Smith`, `according to the source`): up to a comma or
/// the end, at most eight words.
fn speaker_forward(text: &str, ws: &[Word], i: usize, any: bool) -> Option<Span> {
    let first = ws.get(i)?;
    if !(any || is_cap(first.text) || matches!(first.text.to_lowercase().as_str(), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one" | "two" | "several" | "some" | "many" | "officials" | "sources" | "he" | "she" | "they" | "it" | "we" | "i")) {
        return None;
    }
    if !gap_ok(text, ws[i - 1].end, first.start) {
        return None;
    }
    let mut e = i + 1;
    while e < ws.len() && e < i + 8 && gap_ok(text, ws[e - 1].end, ws[e].start) && !in_list(STOP, ws[e].text) && !is_cue(ws[e].text) && !matches!(ws[e].text, "in" | "on" | "at" | "during" | "to" | "last" | "this" | "after" | "before" | "earlier" | "late" | "told") {
        e += 1;
    }
    Some(Span::new(first.start, ws[e - 1].end))
}

/// `X said "…"`, `X told reporters: "…"`: the last cue before the quote in its sentence.
fn attr_before(text: &str, from: usize, to: usize) -> Option<Attr> {
    attr_before_within(text, from, to, 14)
}

/// [`attr_before`] with at most `lim` words between the cue and the quote.
fn attr_before_within(text: &str, from: usize, to: usize, lim: usize) -> Option<Attr> {
    let ws = words::words(text, from, to);
    // according to X, "…"
    for i in (0..ws.len().saturating_sub(1)).rev() {
        if ws[i].text.eq_ignore_ascii_case("according") && ws[i + 1].text == "to" {
            if let Some(sp) = speaker_forward(text, &ws, i + 2, true) {
                return Some(Attr { speaker: sp, cue: Span::new(ws[i].start, ws[i + 1].end) });
            }
        }
    }
    let c = (0..ws.len()).rev().find(|&i| is_cue(ws[i].text) && !ws[i].text.ends_with("ing"))?;
    let cue = cue_span(text, &ws, c);
    // the cue must be near the quote: nothing but its object/complement (≤ 12 words) in between
    if ws.len() - c > lim {
        return None;
    }
    let mut e = c;
    while e > 0 && is_aux(ws[e - 1].text) && gap_ok(text, ws[e - 1].end, ws[e].start) {
        e -= 1;
    }
    // `Name, a role at Org, said "…"`
    if e > 0 && text.get(ws[e - 1].end..ws[e].start).is_some_and(|g| g.contains(',')) {
        for st in (c.saturating_sub(30)..e).rev() {
            let starts_clause = st == 0 || text.get(ws[st - 1].end..ws[st].start).is_some_and(|g| g.contains([',', ':', ';'])) || in_list(STOP, ws[st - 1].text);
            if starts_clause && is_cap(ws[st].text) && !in_list(STOP, ws[st].text) {
                if let Some(a) = appositive_speaker(text, &ws[..=c], st) {
                    if a.cue.start == ws[c].start {
                        return Some(a);
                    }
                }
            }
        }
    }
    let mut s = e;
    while s > 0 && e - s < 7 && gap_ok(text, ws[s - 1].end, ws[s].start) && !in_list(STOP, ws[s - 1].text) {
        s -= 1;
    }
    if s < e && gap_ok(text, ws[e - 1].end, ws[c].start) {
        // drop a leading run that cannot open a noun phrase (`to bar Muslims from entering the`)
        let s2 = trim_speaker(&ws, s, e);
        if s2 < e {
            return Some(Attr { speaker: Span::new(ws[s2].start, ws[e - 1].end), cue });
        }
        return None;
    }
    // No subject next to the cue (`…, and has said …`): the sentence's first capitalised run.
    let mut k = 0;
    while k < ws.len() && k < c && (!is_cap(ws[k].text) || not_a_subject(ws[k].text)) {
        k += 1;
    }
    if k < c {
        let mut j = k + 1;
        while j < c && (is_cap(ws[j].text) || words::is_possessive(ws[j - 1].text)) && gap_ok(text, ws[j - 1].end, ws[j].start) {
            j += 1;
        }
        if !in_list(STOP, ws[k].text) {
            return Some(Attr { speaker: Span::new(ws[k].start, ws[j - 1].end), cue });
        }
    }
    None
}

/// Determiners and pronouns that may open a lowercase speaker phrase.
const NP_OPENERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "one", "two", "three", "several", "some", "many", "most",
    "other", "another", "he", "she", "they", "it", "we", "i", "officials", "sources", "critics", "analysts", "experts",
    "supporters", "opponents", "aides", "advisers", "voters", "residents", "police", "witnesses", "democrats", "republicans",
];

/// Capitalised words that open a sentence but are not a speaker (`Speaking`, `Sunday`).
fn not_a_subject(w: &str) -> bool {
    (w.len() > 5 && w.ends_with("ing"))
        || in_list(&["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december", "hours", "minutes", "days", "weeks", "months", "years", "earlier", "later", "last", "next", "this", "that", "these", "those", "there", "here", "in", "on", "at", "for", "with", "after", "before", "during", "asked", "when", "while", "if", "as", "but", "and", "so", "yet", "still", "then", "now", "also", "instead", "meanwhile", "however", "moreover", "indeed"], w)
}

/// The first word (from `s`, before `e`) that can open a speaker phrase.
fn trim_speaker(ws: &[Word], mut s: usize, e: usize) -> usize {
    while s < e {
        let w = ws[s].text;
        let ok = if is_cap(w) { !not_a_subject(w) } else { in_list(NP_OPENERS, w) };
        if ok {
            break;
        }
        s += 1;
    }
    s
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gender {
    M,
    F,
    Unknown,
}

/// A speaker seen so far in the article (for pronouns).
#[derive(Clone, Debug)]
struct Seen {
    name: String,
    #[allow(dead_code)]
    span: Span,
    entity: Option<usize>,
    person: bool,
    /// A person's office (`Lee's office`) or a person.
    owned: bool,
    gender: Gender,
}

fn pronoun_of(s: &str) -> Option<&'static str> {
    let l = s.to_lowercase();
    let first = l.split_whitespace().next().unwrap_or("");
    let rest = l.split_whitespace().nth(1);
    match (first, rest) {
        ("he", None) => Some("he"),
        ("she", None) => Some("she"),
        ("they", None) => Some("they"),
        ("it", None) => Some("it"),
        ("we", None) | ("i", None) => Some("we"),
        ("his", Some(_)) => Some("his"),
        ("her", Some(_)) => Some("her"),
        ("its", Some(_)) => Some("it"),
        ("their", Some(_)) => Some("they"),
        _ => None,
    }
}

fn gender_of_name(doc: &Document, name: &str, entity: Option<usize>) -> Gender {
    let full = entity.and_then(|e| doc.entities.get(e)).map(|e| e.name.as_str()).unwrap_or(name);
    for w in full.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        match names::gender(w) {
            Some('M') => return Gender::M,
            Some('F') => return Gender::F,
            _ => {}
        }
    }
    Gender::Unknown
}

/// Find the quotes in `doc`'s articles.
pub fn extract(text: &str, doc: &Document) -> Vec<Quote> {
    let mut out = Vec::new();
    for (ai, _) in doc.articles.iter().enumerate() {
        let paras: Vec<Span> = doc.paragraphs(ai).map(|p| p.span).filter(|s| text.get(s.start..s.end).is_some()).collect();
        extract_article(text, doc, ai, &paras, &mut out);
    }
    out
}

struct Pending {
    parts: Vec<Span>,
    window: (usize, usize),
    attr: Option<Attr>,
    para: usize,
    multi: bool,
    /// Inherit the previous quote's speaker (continuation).
    continues: bool,
}

fn extract_article(text: &str, doc: &Document, ai: usize, paras: &[Span], out: &mut Vec<Quote>) {
    let mut pend: Vec<Pending> = Vec::new();
    let mut open_multi: Option<usize> = None; // index into pend of a quote still open at paragraph end
    for (pi, p) in paras.iter().enumerate() {
        let (frags, bounds) = scan(text, p.start, p.end);
        let mut fi = 0;
        // A multi-paragraph quote continues when this paragraph opens with a quote mark.
        if let Some(q) = open_multi.take() {
            if let Some(f) = frags.first().filter(|f| f.para_start) {
                pend[q].parts.push(Span::new(f.start, f.end));
                pend[q].multi = true;
                fi = 1;
                if f.closed {
                    let (ws, we) = window(&bounds, f.open, f.close);
                    pend[q].window = (ws, we);
                    // attribution in the closing sentence: `…," he said.`
                    if pend[q].attr.is_none() {
                        pend[q].attr = attr_after(text, f.close, we);
                    }
                } else {
                    open_multi = Some(q);
                }
            }
        }
        // Group the remaining fragments by sentence window.
        let mut k = fi;
        while k < frags.len() {
            let f = frags[k];
            let (ws, we) = window(&bounds, f.open, f.close);
            let mut j = k + 1;
            while j < frags.len() && frags[j].open < we {
                j += 1;
            }
            let group = &frags[k..j];
            let last = group[group.len() - 1];
            // Speaker: after the last fragment, else before the first, else between fragments.
            // `"…?" Clinton asked.`: a sentence end inside the quote is followed by the attribution
            let after_end = if we <= last.close { bounds.get(bounds.partition_point(|&b| b <= we)).copied().unwrap_or(we) } else { we };
            let mut attr = attr_after(text, last.close, after_end)
                .or_else(|| attr_before(text, ws, group[0].open))
                .or_else(|| name_colon(text, ws, group[0].open));
            if attr.is_none() {
                for w in group.windows(2) {
                    attr = attr_after(text, w[0].close, w[1].open).or_else(|| attr_before(text, w[0].close, w[1].open));
                    if attr.is_some() {
                        break;
                    }
                }
            }
            // `He said:` closing the previous paragraph.
            let mut continues = false;
            if attr.is_none() && pend.last().is_some_and(|q| q.para == pi && q.attr.is_some()) {
                continues = true;
            } else if attr.is_none() && group[0].para_start && pi > 0 {
                let prev = paras[pi - 1];
                let pt = text[prev.start..prev.end].trim_end();
                if pt.ends_with(':') {
                    let (_, pb) = scan(text, prev.start, prev.end);
                    let st = pb.iter().rev().copied().find(|&b| b < prev.start + pt.len() - 1).unwrap_or(prev.start);
                    attr = attr_before(text, st, prev.start + pt.len()).or_else(|| attr_subject(text, st, prev.start + pt.len()));
                } else {
                    continues = pend.last().is_some_and(|q| q.para + 1 == pi);
                }
            }
            // No cue: the sentence subject speaks a quote inside the sentence (does not make a short fragment a quote).
            let mut weak = None;
            if attr.is_none() && !continues && group[0].open > ws {
                // a cue further back in the sentence (`X argued on Monday that the plan was a "trap"`)
                attr = attr_before_within(text, ws, group[0].open, 40);
                if attr.is_none() {
                    weak = attr_subject(text, ws, group[0].open);
                }
            }
            let multi = !last.closed && j == frags.len();
            let nwords: usize = group.iter().map(|f| text[f.start..f.end].split_whitespace().count()).sum();
            if attr.is_some() || multi || nwords >= 5 || continues {
                let attr = attr.or(weak);
                pend.push(Pending { parts: group.iter().map(|f| Span::new(f.start, f.end)).collect(), window: (ws, we), attr, para: pi, multi, continues });
                if multi {
                    open_multi = Some(pend.len() - 1);
                }
            }
            k = j;
        }
        if let Some(q) = open_multi {
            pend[q].para = pi;
        }
    }
    // Speakers, pronouns, entities, in order.
    let mut seen: Vec<Seen> = Vec::new();
    // (speaker, speaker span, speaker name, entity) of the previous quote
    type Prev = (Option<String>, Option<Span>, Option<String>, Option<usize>);
    let mut prev_quote: Option<Prev> = None;
    for q in pend {
        let _ = q.window;
        let span = Span::new(q.parts[0].start, q.parts[q.parts.len() - 1].end);
        let qtext = if q.multi {
            q.parts.iter().map(|s| &text[s.start..s.end]).collect::<Vec<_>>().join("\n")
        } else {
            q.parts.iter().map(|s| &text[s.start..s.end]).collect::<Vec<_>>().join(" … ")
        };
        let mut quote = Quote { text: qtext, span, parts: q.parts.clone(), speaker: None, speaker_span: None, speaker_name: None, entity: None, cue: None, cue_span: None, article: Some(ai) };
        if let Some(a) = &q.attr {
            let sp_text = text[a.speaker.start..a.speaker.end].to_string();
            quote.speaker = Some(sp_text.clone());
            quote.speaker_span = Some(a.speaker);
            if !a.cue.is_empty() {
                quote.cue = Some(text[a.cue.start..a.cue.end].to_string());
                quote.cue_span = Some(a.cue);
            }
            if let Some(pr) = pronoun_of(&sp_text) {
                let want = match pr {
                    "he" | "his" => Some(Gender::M),
                    "she" | "her" => Some(Gender::F),
                    _ => None,
                };
                let person = !matches!(pr, "it");
                let ante = seen
                    .iter()
                    .rev()
                    .take(50)
                    .find(|s| match pr {
                        "it" => !s.person,
                        "they" | "we" => true,
                        // `his office`: a person, or a person's office
                        "his" | "her" => (s.person || s.owned) && want.is_none_or(|g| s.gender == g || s.gender == Gender::Unknown),
                        _ => s.person && want.is_none_or(|g| s.gender == g || s.gender == Gender::Unknown),
                    })
                    .cloned()
                    .or_else(|| if person { recent_person(doc, a.speaker.start, want) } else { None });
                if let Some(s) = ante {
                    quote.speaker_name = Some(s.name.clone());
                    quote.entity = s.entity;
                    // learn the gender from the pronoun
                    if let (Some(g), Some(x)) = (want, seen.iter_mut().rev().take(50).find(|x| x.name == s.name)) {
                        if x.gender == Gender::Unknown {
                            x.gender = g;
                        }
                    }
                }
            } else {
                let ent = entity_in(doc, a.speaker);
                let lower = sp_text.to_lowercase();
                // an office-like speaker (`Lee's office`, `the ministry`) with no name after the office word
                let lw: Vec<&str> = lower.split_whitespace().collect();
                let office = lw
                    .iter()
                    .rposition(|x| ["office", "campaign", "spokesman", "spokeswoman", "spokesperson", "ministry", "government", "aides", "team"].contains(x))
                    .is_some_and(|k| !sp_text.split_whitespace().skip(k + 1).any(is_cap));
                let name = ent.and_then(|e| doc.entities.get(e)).map(|e| e.name.clone()).unwrap_or_else(|| if office { sp_text.clone() } else { name_in(&sp_text) });
                let person = !office && ent.and_then(|e| doc.entities.get(e)).is_none_or(|e| e.label == EntityLabel::PER) && (sp_text.split_whitespace().any(is_cap) || ent.is_some());
                // `Lee's office`: a person's office, usable as the antecedent of `his office`
                let owned = office && sp_text.split_whitespace().next().is_some_and(|w| words::is_possessive(w) && is_cap(w));
                let person_entity = owned || ent.and_then(|e| doc.entities.get(e)).is_some_and(|e| e.label == EntityLabel::PER);
                let gender = gender_of_name(doc, &sp_text, ent);
                quote.speaker_name = Some(name.clone());
                quote.entity = ent;
                seen.push(Seen { name, span: a.speaker, entity: ent, person, owned: person_entity, gender });
            }
        } else if q.continues {
            if let Some((sp, ss, sn, en)) = &prev_quote {
                quote.speaker = sp.clone();
                quote.speaker_span = *ss;
                quote.speaker_name = sn.clone();
                quote.entity = *en;
            }
        }
        prev_quote = Some((quote.speaker.clone(), quote.speaker_span, quote.speaker_name.clone(), quote.entity));
        out.push(quote);
    }
}

/// The name inside a speaker phrase without an entity: the last run of capitalised words
/// (`presidential spokesperson Kang Yu-jung` → `Kang Yu-jung`), else the phrase.
fn name_in(sp: &str) -> String {
    let ws: Vec<&str> = sp.split_whitespace().collect();
    let mut e = ws.len();
    while e > 0 && !is_cap(ws[e - 1]) {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && is_cap(ws[s - 1]) {
        s -= 1;
    }
    if s < e && e == ws.len() { ws[s..e].join(" ") } else { sp.to_string() }
}

/// The sentence window around a fragment: (start, end) from the sentence bounds.
fn window(bounds: &[usize], open: usize, close: usize) -> (usize, usize) {
    let i = bounds.partition_point(|&b| b <= open);
    let s = if i > 0 { bounds[i - 1] } else { open };
    let j = bounds.partition_point(|&b| b < close);
    let e = bounds.get(j).copied().unwrap_or(close).max(close);
    (s, e)
}

/// The entity of the first person mention inside `span`, else of any mention inside it.
fn entity_in(doc: &Document, span: Span) -> Option<usize> {
    let i = doc.mentions.partition_point(|m| m.span.end <= span.start);
    let inside: Vec<_> = doc.mentions[i..].iter().take_while(|m| m.span.start < span.end).filter(|m| m.span.start >= span.start && m.span.end <= span.end).collect();
    inside.iter().find(|m| m.label == EntityLabel::PER).or(inside.first()).and_then(|m| m.entity)
}

/// The most recent person mention before `pos` (fallback antecedent for a pronoun).
fn recent_person(doc: &Document, pos: usize, want: Option<Gender>) -> Option<Seen> {
    let i = doc.mentions.partition_point(|m| m.span.start < pos);
    doc.mentions[..i].iter().rev().take(40).filter(|m| m.label == EntityLabel::PER).find_map(|m| {
        let name = m.entity.and_then(|e| doc.entities.get(e)).map(|e| e.name.clone()).unwrap_or_else(|| m.text.clone());
        let g = gender_of_name(doc, &m.text, m.entity);
        let ok = want.is_none_or(|w| g == w || g == Gender::Unknown);
        ok.then_some(Seen { name, span: m.span, entity: m.entity, person: true, owned: true, gender: g })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frag_texts(t: &str) -> Vec<(String, bool)> {
        scan(t, 0, t.len()).0.iter().map(|f| (t[f.start..f.end].to_string(), f.closed)).collect()
    }

    #[test]
    fn scan_straight_and_curly() {
        assert_eq!(frag_texts(r#"He said "yes" and “no”."#), vec![("yes".into(), true), ("no".into(), true)]);
    }

    #[test]
    fn scan_single_quotes_skip_apostrophes() {
        assert_eq!(frag_texts("Lee's 'Devastated' town and rhinos' horns"), vec![("Devastated".into(), true)]);
    }

    #[test]
    fn scan_unclosed_runs_to_end() {
        assert_eq!(frag_texts(r#""We will go on. We will win."#), vec![("We will go on. We will win.".into(), false)]);
    }

    #[test]
    fn boundaries_not_inside_quotes() {
        let t = r#""We agree. We go," he said. Then he left."#;
        let (_, b) = scan(t, 0, t.len());
        assert_eq!(b, vec![0, 27, t.len()]);
    }
}
