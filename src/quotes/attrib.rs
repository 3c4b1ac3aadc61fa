//! Rule attribution: the speaker phrases the cue patterns give (`"…," X said`, `said X`,
//! `X said: "…"`, `according to X`, `Name, a role, said`, `Name: "…"`, the sentence subject).

use crate::resolve::words::{self, in_list, is_cap, is_cue, Word};
use crate::span::Span;

/// A found attribution.
#[derive(Clone, Debug)]
pub(super) struct Attr {
    pub(super) speaker: Span,
    pub(super) cue: Span,
}

const AUX: &[&str] = &["has", "have", "had", "also", "later", "then", "would", "will", "previously", "once", "again", "reportedly", "repeatedly", "recently", "did", "does", "not", "further", "earlier", "simply", "just", "then-", "is", "was", "were", "are", "flatly", "publicly", "privately", "told"];
pub(super) const STOP: &[&str] = &["that", "which", "who", "and", "but", "as", "while", "when", "because", "if", "so", "where", "whom", "after", "before", "than", "since", "although", "though", "what", "how", "why"];

/// Nouns ending in `-ly` (not adverbs): `the assembly said`.
const LY_NOUNS: &[&str] = &["assembly", "family", "ally", "rally", "supply", "monopoly", "anomaly", "bully", "daily", "weekly", "monthly", "quarterly", "reply", "italy"];

fn is_aux(w: &str) -> bool {
    in_list(AUX, w) || (w.len() > 4 && w.ends_with("ly") && !is_cap(w) && !in_list(LY_NOUNS, w))
}

/// Participle cues set off by a comma (`…, saying "…"`): the sentence subject speaks.
const PARTICIPLES: &[&str] = &["saying", "adding", "writing", "noting", "arguing", "warning", "telling", "asking", "insisting", "explaining", "declaring", "stating", "claiming"];

/// `Several groups granted an extension, saying his "…"`: a participle cue after a comma
/// (at most 14 words before the quote at `to`) and the sentence subject before it, a name,
/// a pronoun or a determiner phrase.
pub(super) fn attr_participle(text: &str, from: usize, to: usize) -> Option<Attr> {
    let ws = words::words(text, from, to);
    let n = ws.len();
    let c = (n.saturating_sub(15)..n).rev().find(|&i| i > 1 && in_list(PARTICIPLES, ws[i].text) && text.get(ws[i - 1].end..ws[i].start).is_some_and(|g| g.contains(',')))?;
    if ws[..c].iter().any(|w| is_cue(w.text) && !w.text.ends_with("ing")) {
        return None;
    }
    let cue = Span::new(ws[c].start, ws[c].end);
    if let Some(a) = attr_subject(text, from, ws[c].start) {
        return Some(Attr { speaker: a.speaker, cue });
    }
    let k = opening_skip(text, &ws[..c]);
    let first = ws.get(k).filter(|_| k < c)?;
    if !(in_list(NP_OPENERS, first.text) || first.text.starts_with(|ch: char| ch.is_ascii_digit())) || is_cap(first.text) {
        return None;
    }
    let mut e = k + 1;
    while e < c && e < k + 5 && !is_cap(ws[e].text) && gap_ok(text, ws[e - 1].end, ws[e].start) && !in_list(STOP, ws[e].text) && !is_aux(ws[e].text) && !is_cue(ws[e].text) && !in_list(&["of", "to", "for", "with", "by", "from", "in", "at", "on"], ws[e].text) && !(ws[e].text.len() > 4 && ws[e].text.ends_with("ed")) {
        e += 1;
    }
    // the subject runs into a verb: at least one word must follow it before the participle
    (e < c).then(|| Attr { speaker: Span::new(first.start, ws[e - 1].end), cue })
}

/// Where a sentence's subject starts: after an opening conjunction, and after an opening
/// adverbial phrase that ends with a comma (`In August,`).
fn opening_skip(text: &str, ws: &[Word]) -> usize {
    let mut k = 0;
    if ws.first().is_some_and(|w| in_list(&["but", "and", "yet", "still", "so", "now", "meanwhile", "however", "instead", "also", "then"], w.text)) {
        k = 1;
    }
    if let Some(cm) = (k..ws.len().min(k + 6)).find(|&i| text.get(ws[i].end..ws.get(i + 1).map(|w| w.start).unwrap_or(ws[i].end)).is_some_and(|g| g.contains(','))) {
        if ws.get(k).is_some_and(|w| in_list(&["on", "in", "at", "after", "before", "during", "earlier", "later", "last", "yesterday", "today", "since", "when", "while", "still", "however", "meanwhile", "instead", "separately", "similarly", "indeed", "now", "then", "again", "also"], w.text)) {
            k = cm + 1;
        }
    }
    k
}

/// The sentence subject before a quote when no cue is found (`Will called it "…"`,
/// `He wants a "…"`): a capitalised name or a personal pronoun opening the sentence (after
/// an opening adverbial phrase ending with a comma), followed by a lowercase word.
pub(super) fn attr_subject(text: &str, from: usize, to: usize) -> Option<Attr> {
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

pub(super) fn gap_ok(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|g| !g.contains([',', ';', ':', '"', '“', '”', '—', '–', '―']) && !g.contains(" - ") && !sentence_stop(g))
}

/// A `. ` in `g` that is not after an abbreviation or an initial (`Rep. Ana Ruiz`, `D.C. police`,
/// `John F. Kerry`).
fn sentence_stop(g: &str) -> bool {
    g.match_indices(". ").any(|(i, _)| {
        let w = g[..i].rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
        let short_cap = w.chars().count() <= 3 && w.chars().next().is_some_and(char::is_uppercase);
        !(short_cap || w.contains('.') || in_list(&["sen", "gov", "rep", "gen", "lt", "col", "sgt", "capt", "prof", "rev", "mr", "mrs", "ms", "dr", "st", "jr", "sr"], w))
    })
}

/// `— Name` right after a quote (a signed reader comment, an epigraph): a short capitalised
/// run after a dash, ending the sentence.
fn dash_name(text: &str, from: usize, ws: &[Word]) -> Option<Attr> {
    let gap = text.get(from..ws.first()?.start)?;
    if !gap.contains(['—', '–', '―']) {
        return None;
    }
    let mut e = 0;
    while e < ws.len() && e < 5 && (is_cap(ws[e].text) || (e > 0 && in_list(&["de", "da", "van", "von", "al", "bin", "del"], ws[e].text))) && (e == 0 || gap_ok(text, ws[e - 1].end, ws[e].start)) {
        e += 1;
    }
    if e == 0 || !is_cap(ws[e - 1].text) || ws[..e].iter().any(|w| not_a_subject(w.text)) {
        return None;
    }
    // nothing but punctuation after the name in the sentence, or a comma and a description
    let rest = ws.get(e).map(|w| text.get(ws[e - 1].end..w.start).unwrap_or("")).unwrap_or(",");
    if !rest.contains([',', '.', '(', '\n']) && ws.len() > e {
        return None;
    }
    Some(Attr { speaker: Span::new(ws[0].start, ws[e - 1].end), cue: Span::new(ws[0].start, ws[0].start) })
}

/// `PENCE:` / `MR. NOVAK:` opening a quoted stretch (a transcript's speaker label).
pub(super) fn transcript_label(text: &str, start: usize) -> Option<Attr> {
    let rest = text.get(start..)?;
    let cut = (0..=rest.len().min(40)).rev().find(|&i| rest.is_char_boundary(i)).unwrap_or(0);
    let head = &rest[..cut];
    let colon = head.find(": ")?;
    let label = &head[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || !label.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'')) || label.split_whitespace().count() > 3 {
        return None;
    }
    Some(Attr { speaker: Span::new(start, start + colon), cue: Span::new(start + colon, start + colon) })
}

/// `, X said` / `, said X` / `, according to X` right after a quote; `after` is the text
/// between the closing mark and the end of the sentence (or the next quote).
pub(super) fn attr_after(text: &str, from: usize, to: usize) -> Option<Attr> {
    let ws = words::words(text, from, to);
    if ws.is_empty() {
        return None;
    }
    // the words must start right away (only punctuation between the mark and the first word)
    if !text.get(from..ws[0].start).is_some_and(|g| g.chars().all(|c| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-' | '―'))) {
        return None;
    }
    if let Some(a) = dash_name(text, from, &ws) {
        return Some(a);
    }
    let lim = ws.len().min(10);
    if let Some(a) = put_it(text, &ws, 0, lim).or_else(|| quoted_as(text, &ws, 0, lim)) {
        return Some(a);
    }
    // according to X (`X said, according to KCNA`: the cue's subject speaks, not the source)
    for i in 0..lim.saturating_sub(1) {
        if is_cue(ws[i].text) {
            break;
        }
        if ws[i].text.eq_ignore_ascii_case("according") && ws[i + 1].text == "to" {
            let sp = speaker_forward(text, &ws, i + 2, true)?;
            return Some(Attr { speaker: sp, cue: Span::new(ws[i].start, ws[i + 1].end) });
        }
        // `"…," per the party's bylaws`: `per` right after the quote, then a determiner phrase or a name
        if i == 0 && ws[0].text == "per" && (is_cap(ws[1].text) || in_list(&["the", "a", "an", "his", "her", "their", "its"], ws[1].text)) {
            let sp = speaker_forward(text, &ws, 1, true)?;
            return Some(Attr { speaker: sp, cue: Span::new(ws[0].start, ws[0].end) });
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

/// `the spokesman for the city mayor, Jan Novak, said` from word `from`: a described person (a
/// determiner phrase of at most eight words holding a person noun), a comma, the person's name
/// (one to four capitalised words), then a comma and a cue, or the end of the words (a cut
/// teaser: `…, the spokesman for the mayor, Jan Novak, …`). The speaker runs to the name.
fn nominal_then_name(text: &str, ws: &[Word], from: usize) -> Option<Attr> {
    let det = ws.get(from).is_some_and(|w| in_list(&["the", "a", "an", "his", "her", "its", "their"], w.text));
    if !det {
        return None;
    }
    let lim = ws.len().min(from + 9);
    let mut n = from;
    while n < lim && gap_ok(text, ws[n].end, ws.get(n + 1).map(|w| w.start).unwrap_or(ws[n].end)) {
        n += 1;
    }
    if n >= lim || n + 1 >= ws.len() || text.get(ws[n].end..ws[n + 1].start).is_none_or(|g| g.trim() != ",") {
        return None;
    }
    if !ws[from..=n].iter().any(|w| words::is_person_noun(w.text)) || ws[from..=n].iter().any(|w| is_cue(w.text) || in_list(STOP, w.text)) {
        return None;
    }
    let mut k = n + 1;
    while k < ws.len() && k < n + 5 && is_cap(ws[k].text) && !not_a_subject(ws[k].text) && (k == n + 1 || gap_ok(text, ws[k - 1].end, ws[k].start)) {
        k += 1;
    }
    if k == n + 1 {
        return None;
    }
    let end = ws[k - 1].end;
    let speaker = Span::new(ws[from].start, end);
    match ws.get(k) {
        // `, Jan Novak, said`
        Some(c) if is_cue(c.text) && text.get(end..c.start).is_some_and(|g| g.trim() == ",") => Some(Attr { speaker, cue: cue_span(text, ws, k) }),
        Some(_) => None,
        // the words end after the name and a comma, a full stop or an ellipsis
        None => text.get(end..).is_some_and(|r| r.trim_start().starts_with([',', '.', '…'])).then_some(Attr { speaker, cue: Span::new(end, end) }),
    }
}

/// `Name, a role at Org, said` from word `from`: a short name, an appositive between commas
/// (at most 30 words), then a cue right after the second comma.
fn appositive_speaker(text: &str, ws: &[Word], from: usize) -> Option<Attr> {
    if let Some(a) = nominal_then_name(text, ws, from) {
        return Some(a);
    }
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
    // `The minister for X, Name, said`: the name set off by commas right before the cue
    let after_comma = |i: usize| text.get(ws[i - 1].end..ws[i].start).is_some_and(|g| g.contains(','));
    if from > 0 && after_comma(from) && is_cue(ws[n + 1].text) {
        return Some(Attr { speaker: Span::new(ws[from].start, ws[n].end), cue: cue_span(text, ws, n + 1) });
    }
    // the cue right after a later comma
    let c = (n + 2..lim).find(|&i| is_cue(ws[i].text) && text.get(ws[i - 1].end..ws[i].start).is_some_and(|g| g.contains(',')))?;
    // no quote mark and no full stop in between; an abbreviation's dot before a comma
    // (`McConnell, R-Ky., said`, `Smith, a Dr. at …`) does not end the sentence
    let crosses = |g: &str| g.contains(['"', '“', '”']) || g.match_indices('.').any(|(i, _)| !abbrev_dot(g, i));
    if text.get(ws[n].end..ws[c].start).is_some_and(crosses) {
        return None;
    }
    Some(Attr { speaker: Span::new(ws[from].start, ws[n].end), cue: cue_span(text, ws, c) })
}

/// A dot at byte `i` of `g` that ends an abbreviation: a short capitalised run before it
/// (`R-Ky.`, `Dr.`, `Jr.`, `U.S.`) followed by a comma, or by a space and a lower-case word.
fn abbrev_dot(g: &str, i: usize) -> bool {
    let word = g[..i].rsplit(|c: char| c.is_whitespace() || c == ',').next().unwrap_or("");
    let short_cap = !word.is_empty() && word.len() <= 6 && word.starts_with(|c: char| c.is_uppercase());
    let rest = &g[i + 1..];
    short_cap && (rest.starts_with(',') || rest.trim_start().starts_with(|c: char| c.is_lowercase()))
}

/// `Clinton: "…"` — a short capitalised name (or `NAME:` in capitals) right before a colon
/// that opens the quote, at the start of its clause.
pub(super) fn name_colon(text: &str, from: usize, open: usize) -> Option<Attr> {
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
        return described_colon(text, &ws);
    }
    let clause_start = s == 0 || text.get(ws[s - 1].end..ws[s].start).is_some_and(|g| g.contains(['.', ',', ';', '\n']));
    if !clause_start || not_a_subject(ws[s].text) {
        return described_colon(text, &ws);
    }
    let end = ws[n - 1].end;
    Some(Attr { speaker: Span::new(ws[s].start, end), cue: Span::new(end, end) })
}

/// `(as) X put it`: the speaker between `as` (or the start) and `put it`, from word `from`
/// to `to` (a text, a memo or a person: `as a Homeland Security memo put it`).
fn put_it(text: &str, ws: &[Word], from: usize, to: usize) -> Option<Attr> {
    let i = (from + 1..to.saturating_sub(1)).find(|&i| ws[i].text.eq_ignore_ascii_case("put") && ws[i + 1].text.eq_ignore_ascii_case("it"))?;
    let mut s = i;
    while s > from && i - s < 8 && !ws[s - 1].text.eq_ignore_ascii_case("as") && gap_ok(text, ws[s - 1].end, ws[s].start) {
        s -= 1;
    }
    let opened = (s > from && ws[s - 1].text.eq_ignore_ascii_case("as")) || s == from;
    if s == i || !opened || !gap_ok(text, ws[s].start, ws[i].start) || ws[s..i].iter().any(|w| in_list(STOP, w.text) || is_cue(w.text)) {
        return None;
    }
    let s = trim_speaker(ws, s, i);
    (s < i).then(|| Attr { speaker: Span::new(ws[s].start, ws[i - 1].end), cue: Span::new(ws[i].start, ws[i + 1].end) })
}

/// `X quoted Y as saying`: the quoted person `Y` (words `from` to `to` hold `quoted`), cue
/// `quoted … as saying`.
fn quoted_as(text: &str, ws: &[Word], from: usize, to: usize) -> Option<Attr> {
    let c = (from..to).find(|&i| ws[i].text == "quoted")?;
    let a = (c + 2..ws.len().min(c + 12)).find(|&i| ws[i].text == "as" && ws.get(i + 1).is_some_and(|w| w.text == "saying"))?;
    gap_ok(text, ws[c].end, ws[a].start).then(|| Attr { speaker: Span::new(ws[c + 1].start, ws[a - 1].end), cue: Span::new(ws[c].start, ws[a + 1].end) })
}

/// `A Californian woman in Dublin: "…"`: a whole clause before the colon that is a person
/// described (an article, at most seven words, a person noun, no verb-like or clause word).
fn described_colon(text: &str, ws: &[Word]) -> Option<Attr> {
    let n = ws.len();
    let k = (0..n).rev().find(|&i| i == 0 || text.get(ws[i - 1].end..ws[i].start).is_some_and(|g| g.contains(['.', ';', '\n', ':'])))?;
    let body = &ws[k..];
    let det = body.first().is_some_and(|w| in_list(&["a", "an", "the", "one", "another"], w.text));
    if !det || body.len() < 2 || body.len() > 7 || !gap_ok(text, body[0].start, body[body.len() - 1].end) {
        return None;
    }
    let verbish = |w: &str| is_cue(w) || is_aux(w) || in_list(STOP, w) || in_list(&["is", "are", "was", "were", "be", "this", "it", "there"], w);
    let person = body.iter().any(|w| words::is_person_noun(w.text));
    if !person || body.iter().any(|w| verbish(w.text)) {
        return None;
    }
    let end = body[body.len() - 1].end;
    Some(Attr { speaker: Span::new(body[0].start, end), cue: Span::new(end, end) })
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
    if !(any || is_cap(first.text) || role_led(ws, i) || matches!(first.text.to_lowercase().as_str(), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one" | "two" | "several" | "some" | "many" | "officials" | "sources" | "he" | "she" | "they" | "it" | "we" | "i")) {
        return None;
    }
    if !gap_ok(text, ws[i - 1].end, first.start) {
        return None;
    }
    let mut e = i + 1;
    while e < ws.len() && e < i + 8 && gap_ok(text, ws[e - 1].end, ws[e].start) && !in_list(STOP, ws[e].text) && !is_cue(ws[e].text) && !matches!(ws[e].text, "in" | "on" | "at" | "during" | "to" | "last" | "this" | "after" | "before" | "earlier" | "late" | "told") {
        e += 1;
    }
    // `said the Leeds manager, Daniel Farke`: a described speaker, then the person's name in
    // apposition (up to four capitalised words, ending the sentence or set off by a comma)
    let determiner = matches!(first.text.to_lowercase().as_str(), "the" | "a" | "an" | "his" | "her" | "their" | "its");
    if determiner && e > i + 1 && words::is_person_noun(ws[e - 1].text) && text.get(ws[e - 1].end..ws.get(e).map_or(0, |w| w.start)).is_some_and(|g| g.trim() == ",") {
        let mut k = e;
        while k < ws.len() && k < e + 4 && is_cap(ws[k].text) && (k == e || gap_ok(text, ws[k - 1].end, ws[k].start)) {
            k += 1;
        }
        let ends = k == ws.len() || text.get(ws[k - 1].end..ws[k].start).is_some_and(|g| g.contains([',', '.', ';']));
        if k > e && ends {
            e = k;
        }
    }
    Some(Span::new(first.start, ws[e - 1].end))
}

/// `said chief executive Fiona Williams`, `said 9/11 widow Ana Ruiz`: up to three lowercase
/// or digit-led descriptor words from word `i`, the last a role or a person noun, then a
/// capitalised name.
fn role_led(ws: &[Word], i: usize) -> bool {
    let mut j = i;
    while j < ws.len() && j < i + 3 && !is_cap(ws[j].text) && !in_list(STOP, ws[j].text) && !is_cue(ws[j].text) {
        j += 1;
    }
    let lead_ok = ws[i..j].iter().all(|w| w.text.starts_with(|c: char| c.is_ascii_digit()) || w.text.chars().all(|c| c.is_lowercase() || c == '-'));
    j > i && lead_ok && words::is_person_noun(ws[j - 1].text) && ws.get(j).is_some_and(|w| is_cap(w.text))
}

/// `X said "…"`, `X told reporters: "…"`: the last cue before the quote in its sentence.
pub(super) fn attr_before(text: &str, from: usize, to: usize) -> Option<Attr> {
    attr_before_within(text, from, to, 14)
}

/// [`attr_before`] with at most `lim` words between the cue and the quote.
pub(super) fn attr_before_within(text: &str, from: usize, to: usize, lim: usize) -> Option<Attr> {
    let ws = words::words(text, from, to);
    // according to X, "…"
    for i in (0..ws.len().saturating_sub(1)).rev() {
        if ws[i].text.eq_ignore_ascii_case("according") && ws[i + 1].text == "to" {
            if let Some(sp) = speaker_forward(text, &ws, i + 2, true) {
                return Some(Attr { speaker: sp, cue: Span::new(ws[i].start, ws[i + 1].end) });
            }
        }
    }
    // `As X put it, "…"`: the quote right after
    if let Some(a) = (ws.len() >= 2).then(|| put_it(text, &ws, ws.len().saturating_sub(12), ws.len())).flatten().filter(|a| ws.iter().filter(|w| w.start >= a.cue.end).count() <= 2) {
        return Some(a);
    }
    if let Some(a) = quoted_as(text, &ws, ws.len().saturating_sub(lim + 12), ws.len()).filter(|a| ws.iter().filter(|w| w.start >= a.cue.end).count() <= lim) {
        return Some(a);
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
    // `The press office later that day insisted "…"`: a time phrase between subject and cue
    e = time_tail(text, &ws, e);
    // `Stevie Wonder, who joked, "…"`: the relative pronoun (the ranker weighs its antecedent)
    // (not a passive: `the officers who were shot`)
    if e > 0 && in_list(&["who", "which"], ws[e - 1].text) && gap_ok(text, ws[e - 1].end, ws[c].start) && !ws[e..c].iter().any(|w| in_list(&["is", "was", "were", "are", "be", "been", "being"], w.text)) {
        return Some(Attr { speaker: Span::new(ws[e - 1].start, ws[e - 1].end), cue });
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
    // `She also said the city asks police "…"`: an earlier cue inside the subject run speaks
    if let Some(k) = (s..e).rev().find(|&k| is_cue(ws[k].text) && !ws[k].text.ends_with("ing") && k > 0) {
        if let Some(a) = attr_before_within(text, from, ws[k].end, 1) {
            return Some(a);
        }
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

/// Where a subject ends before a time phrase that ends at word `e` (`later that day`, `on
/// Monday`, `earlier this week`, `last night`): the phrase's first word, or `e` when there is
/// none or nothing would be left before it.
fn time_tail(text: &str, ws: &[Word], e: usize) -> usize {
    const TIME: &[&str] = &["later", "earlier", "today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend"];
    const LEAD: &[&str] = &["that", "this", "last", "next", "on", "the", "same", "each", "every", "late", "early"];
    let mut k = e;
    while k > 1 && gap_ok(text, ws[k - 1].end, ws.get(k).map_or(ws[k - 1].end, |w| w.start)) {
        let w = ws[k - 1].text;
        // a time word, or a lead word before one (`that day`, `on Monday`)
        let time = in_list(TIME, w) && (!is_cap(w) || in_list(&TIME[3..10], w));
        let lead = k < e && in_list(LEAD, w) && !is_cap(w) && in_list(TIME, ws[k].text);
        if !(time || lead) {
            break;
        }
        k -= 1;
    }
    if k < e && k > 0 && gap_ok(text, ws[k - 1].end, ws[k].start) { k } else { e }
}

/// Determiners and pronouns that may open a lowercase speaker phrase.
const NP_OPENERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "one", "two", "three", "several", "some", "many", "most",
    "other", "another", "he", "she", "they", "it", "we", "i", "officials", "sources", "critics", "analysts", "experts",
    "supporters", "opponents", "aides", "advisers", "voters", "residents", "police", "witnesses", "democrats", "republicans",
];

/// Capitalised words that open a sentence but are not a speaker (`Speaking`, `Sunday`).
pub(super) fn not_a_subject(w: &str) -> bool {
    (w.len() > 5 && w.ends_with("ing"))
        || in_list(&["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december", "hours", "minutes", "days", "weeks", "months", "years", "earlier", "later", "last", "next", "this", "that", "these", "those", "there", "here", "in", "on", "at", "for", "with", "after", "before", "during", "asked", "when", "while", "if", "as", "but", "and", "so", "yet", "still", "then", "now", "also", "instead", "meanwhile", "however", "moreover", "indeed"], w)
}

/// The first word (from `s`, before `e`) that can open a speaker phrase.
fn trim_speaker(ws: &[Word], mut s: usize, e: usize) -> usize {
    while s < e {
        let w = ws[s].text;
        // `63 percent said`, `9/11 widow Ana Ruiz`: a number opens a phrase too
        let ok = if is_cap(w) { !not_a_subject(w) } else { in_list(NP_OPENERS, w) || w.starts_with(|c: char| c.is_ascii_digit()) };
        if ok {
            break;
        }
        s += 1;
    }
    s
}

