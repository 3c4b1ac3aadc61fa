//! Rules over the model's chunks: the merge with the hand-written lists, and the
//! corrections CoNLL-2003's conventions ask for (dates, acronyms of common nouns, `No. 1`,
//! storms, sentence-initial adverbs, honorifics), and one type per person's name in a
//! document. [`mentions_of`] runs the tagger and them; the name finders for organisations,
//! persons, places and MISC names live in the submodules of those names.

use super::features::{Mode, TokInfo};
use super::model::Scorer;
use super::{chunks, tag_doc, PDoc, TYPES};
use crate::document::Mention;
use crate::span::Span;

mod misc;
mod orgs;
mod persons;
mod places;
use misc::*;
use orgs::*;
use persons::*;
use places::*;

/// Tokens `a..=b` are a whole phrase of gazetteer category `c` (a one-token entry, or an
/// entry's first token at `a` and its last at `b`).
fn gaz_phrase(infos: &[TokInfo], c: u32, a: usize, b: usize) -> bool {
    let c = c as u128 * 4;
    if a == b {
        infos[a].gaz & (1 << (c + 3)) != 0
    } else {
        infos[a].gaz & (1 << c) != 0 && infos[b].gaz & (1 << (c + 2)) != 0
    }
}

/// The hand-written list (type index 1..=4) that has exactly tokens `a..=b` as a phrase,
/// when exactly one does.
fn hand_type(infos: &[TokInfo], a: usize, b: usize) -> Option<u8> {
    use crate::gazetteer::cat;
    let mut found = None;
    for (c, ty) in [(cat::PER_HAND, 1u8), (cat::ORG_HAND, 2), (cat::LOC_HAND, 3), (cat::MISC_HAND, 4)] {
        if gaz_phrase(infos, c, a, b) {
            if found.is_some() {
                return None;
            }
            found = Some(ty);
        }
    }
    found
}

/// Month names and abbreviations (`jan`, `jan.`, `january`, … also `sept`).
pub(super) fn is_date_word(lower: &str) -> bool {
    const M: [&str; 12] =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    let w = lower.trim_end_matches('.');
    w.len() >= 3 && (M.iter().any(|m| *m == w || (w.len() <= 4 && m.starts_with(w))))
}

/// Acronyms that stand for common nouns: never a name on their own (CoNLL-2003 tags
/// `CEO`, `GDP`, `VAT`, `MPs`, `PM` as O; the others are the same kind of word).
const NOT_NAMES: [&str; 24] = [
    "AI", "AGI", "API", "APIs", "CEO", "CEOs", "CFO", "COO", "CTO", "DNA", "ETF", "ETFs", "EV", "EVs", "GDP", "GPS", "LNG", "MPs",
    "PM", "PMI", "SUV", "SUVs", "VAT", "VPN",
];

/// `No` in `No. 1`, `No.1` (the tokenizer splits the period off, and the sentence splitter
/// ends a sentence there: the model then sees a capitalised sentence-final word).
fn is_number_abbr(text: &str, t: &TokInfo, span: Span) -> bool {
    let rest = text.get(span.end..).unwrap_or("");
    let rest = if t.lower == "no" { rest.strip_prefix('.') } else if t.lower == "no." { Some(rest) } else { None };
    rest.is_some_and(|r| r.strip_prefix(' ').unwrap_or(r).starts_with(|c: char| c.is_ascii_digit()))
}

/// A capitalised common adverb (`Honestly`, `Clearly`, `Separately`): ends in -ly, among the
/// 20k most frequent GloVe words, and not a first name or surname in the gazetteer (`Kelly`,
/// `Emily`).
fn is_adverb(t: &TokInfo) -> bool {
    use crate::gazetteer::cat;
    let name_bits = (0xfu128 << (cat::FIRST_NAME * 4)) | (0xfu128 << (cat::SURNAME * 4));
    t.init_cap && t.lower.len() > 4 && t.lower.ends_with("ly") && matches!(t.rank, 1..=3) && t.gaz & name_bits == 0
}

/// An e-mail address (`jo.doe@example.org`: an `@` after the first character, a dot after
/// it), a link (`http://`, `https://`) or a file name (`Q3Report.pdf`, `notes.docx`: a
/// name, a dot and a common document, image, archive or page extension): never a name
/// of its own, whatever its capitals. A grammar, not a list of names.
fn address_or_file(w: &str) -> bool {
    const EXT: [&str; 22] = [
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "rtf", "csv", "jpg", "jpeg", "png", "gif", "zip", "rar", "exe",
        "mp3", "mp4", "avi", "htm", "html",
    ];
    let email = w.find('@').is_some_and(|at| at > 0 && w[at + 1..].contains('.'));
    let starts = |p: &str| w.len() > p.len() && w.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let link = starts("http://") || starts("https://");
    let file = w.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && stem.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.')) && EXT.iter().any(|e| e.eq_ignore_ascii_case(ext))
    });
    email || link || file
}

/// A model mention that is one ALL-CAPS word of 2 to 8 letters in an ordinary sentence,
/// after a determiner or a possessive (`their RFP`, `the GISB`), typed ORG with a
/// confidence under 0.5, that no list of the gazetteer holds: such a word is an acronym
/// of a common noun more often than a name (a known body after `the` is in the lists, or
/// the model is sure of it). The rules leave it covered (so none re-reads it as an
/// acronym), then it goes, unless a rule changed it.
fn unsure_acronym(text: &str, s: &super::PSent, f: &(usize, usize, u8, f32)) -> bool {
    let w = s.tokens[f.0].slice(text);
    let determiner = |t: &TokInfo| {
        matches!(t.lower.as_str(), "the" | "a" | "an" | "their" | "our" | "your" | "my" | "his" | "her" | "its" | "this" | "that" | "these" | "those" | "any")
    };
    f.0 == f.1
        && f.2 == 2
        && f.3 < 0.5
        && s.mode == Mode::Normal
        && f.0 > 0
        && determiner(&s.infos[f.0 - 1])
        && s.infos[f.0].gaz == 0
        && (2..=8).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// The text of `t` widened to the spaces around it (the tokenizer cuts `Q3Report.pdf` and
/// `jo.doe@example.org` at their dots), looking at most [`WORD_REACH`] bytes to each
/// side (so a long run without spaces costs constant time per mention).
fn whole_word(text: &str, t: Span) -> &str {
    let mut lo = t.start.saturating_sub(WORD_REACH);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (t.end + WORD_REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let a = text[lo..t.start].rfind(char::is_whitespace).map_or(lo, |i| lo + i + text[lo + i..].chars().next().map_or(1, char::len_utf8));
    let b = text[t.end..hi].find(char::is_whitespace).map_or(hi, |i| t.end + i);
    &text[a..b]
}

/// How far [`whole_word`] looks for the spaces around a span.
const WORD_REACH: usize = 80;

/// `Mr`, `Mrs.`, `Ms`, `Dr.`, `Prof.`, `Sir`, `Dame`, `Mx`: a form of address, never part
/// of a person's name as CoNLL-2003 spans it (`Dr. Jane Goodall` → `Jane Goodall`).
fn is_honorific(t: &TokInfo) -> bool {
    matches!(t.lower.trim_end_matches('.'), "mr" | "mrs" | "ms" | "mx" | "dr" | "prof" | "sir" | "dame" | "madam" | "mme" | "mlle")
}

/// A title printed before a person's name that CoNLL-2003 leaves outside the span: ranks
/// (`Det Insp`, `Sgt`, `Capt`, `Lt Col`), offices (`Gov.`, `Sen.`, `Rep.`, `Cllr`), clergy
/// (`Rev`, `Fr`), the bench (`Judge`, `Mr Justice`) and peerage (`Lord`, `Lady`, `Baroness`). Unlike [`is_honorific`] it says
/// nothing about the type (`Lord Howe Island`), so it leaves only a person's span. A small
/// list written for gleaner (not read off any page).
fn is_title(t: &TokInfo) -> bool {
    t.init_cap
        && matches!(
            t.lower.trim_end_matches('.'),
            "det" | "insp" | "supt" | "sgt" | "cpl" | "pc" | "dc" | "dci" | "capt" | "cmdr" | "lt" | "col" | "maj"
                | "gen" | "brig" | "adm" | "gov" | "sen" | "rep" | "rev" | "fr" | "cllr" | "detective" | "inspector" | "sergeant"
                | "superintendent" | "lord" | "lady" | "baroness" | "baron" | "countess" | "justice" | "judge" | "mp" | "mep"
                | "senator" | "governor"
        )
}

/// 2 for a capitalised `Hurricane`, `Typhoon` or `Cyclone`, 1 for `Storm`, else 0.
fn storm_word(t: &TokInfo) -> u8 {
    match t.lower.as_str() {
        "hurricane" | "typhoon" | "cyclone" if t.init_cap => 2,
        "storm" if t.init_cap => 1,
        _ => 0,
    }
}

/// Named storms, as CoNLL-2003 tags them (`Hurricane` O, `Edouard` MISC): a mention that
/// starts with `Hurricane`, `Typhoon`, `Cyclone` (or `Tropical Storm`, `Super Typhoon`, …)
/// loses that word and becomes MISC, as does a mention right after one. `Storm` alone
/// counts only before a mention the model took for a person (`Storm Idalia`), since
/// `Storm Shadow` or `Seattle Storm` are other things. Returns the new first token and
/// type, `None` when nothing is left.
fn storm(infos: &[TokInfo], a: usize, b: usize, ty: u8) -> Option<(usize, u8)> {
    const MISC: u8 = 4;
    let word = |i: usize| storm_word(&infos[i]);
    let lead = |i: usize| matches!(infos[i].lower.as_str(), "tropical" | "super" | "winter" | "severe") && infos[i].init_cap;
    // inside the mention: [lead] storm-word name…
    let mut k = a;
    if k < b && lead(k) && word(k + 1) > 0 {
        k += 1;
    }
    let w = word(k);
    if k < b && (w == 2 || (w == 1 && (ty == 1 || k > a))) {
        return Some((k + 1, MISC));
    }
    // right before the mention
    if a > 0 {
        let w = word(a - 1);
        let led = a > 1 && lead(a - 2);
        if w == 2 || (w == 1 && (ty == 1 || led)) {
            return Some((a, MISC));
        }
    }
    Some((a, ty))
}

/// Tag a prepared document and return its mentions (text order).
///
/// Merge policy (model, then hand-written lists): a model mention whose exact tokens form a
/// phrase of exactly one hand-written list (`src/data/lexicon/hand/{per,org,loc,misc}.txt`)
/// takes that list's type; a capitalised hand-list phrase that no model mention overlaps is
/// added with confidence 0.5 when it is a person, has several tokens, is a dotted
/// abbreviation (`S.Africa`) or an acronym outside an ALL-CAPS line (`US`, `AFP`). A
/// one-token mention that is a month name followed by a number (`Jan 9`) is dropped. A
/// leading honorific (`Mr.`, `Dr.`) leaves the span, and a mention led by one is a person;
/// leading titles (`Det Insp`, `Lady`) leave a person's span.
pub fn mentions_of<S: Scorer>(text: &str, doc: &PDoc, scorer: &S, temperature: f32) -> Vec<Mention> {
    let (tags, confs) = tag_doc(doc, scorer, temperature);
    let sports = sports_doc(doc);
    let mut out = Vec::new();
    for ((s, t), c) in doc.sents.iter().zip(&tags).zip(&confs) {
        let mut found = chunks(t, c);
        for m in found.iter_mut() {
            if let Some(ty) = hand_type(&s.infos, m.0, m.1) {
                m.2 = ty;
            }
        }
        if !sports {
            gazetteer_places(&s.infos, s.mode, &mut found);
        }
        let unsure: Vec<(usize, usize, u8, f32)> = found.iter().copied().filter(|f| unsure_acronym(text, s, f)).collect();
        // Hand-listed phrases the model missed: people, multi-token or dotted (`S.Africa`,
        // `U.N.`) places and organisations, and other names (one word too, in ordinary
        // sentences: `Brexit`, `Hindu`).
        let n = s.infos.len();
        let mut i = 0;
        while i < n {
            let mut added = false;
            if s.infos[i].init_cap && t[i] == 0 {
                // Longest hand-list phrase starting at i.
                let mut best: Option<(usize, u8)> = None;
                for e in i..n.min(i + crate::gazetteer::MAX_PHRASE_TOKENS) {
                    if t[e] != 0 {
                        break;
                    }
                    if let Some(ty) = hand_type(&s.infos, i, e) {
                        let tok = s.tokens[i].slice(text);
                        let dotted = tok.len() > 2 && tok[1..tok.len() - 1].contains('.');
                        let acronym = s.mode != Mode::Upper && s.infos[i].all_caps && tok.chars().count() >= 2;
                        let lone_misc = ty == 4 && s.mode == Mode::Normal;
                        if ty == 1 || e > i || dotted || acronym || lone_misc {
                            best = Some((e, ty));
                        }
                    }
                }
                if let Some((e, ty)) = best {
                    found.push((i, e, ty, 0.5));
                    i = e + 1;
                    added = true;
                }
            }
            if !added {
                i += 1;
            }
        }
        // A name right after `Hurricane`, `Typhoon` or `Cyclone` that the model left out
        // (`Hurricane Helene slammed …`), in an ordinary sentence: a storm, MISC.
        if s.mode == Mode::Normal {
            for i in 1..n {
                let (p, t) = (&s.infos[i - 1], &s.infos[i]);
                if storm_word(p) == 2
                    && t.init_cap
                    && t.alpha
                    && !t.all_caps
                    && !matches!(t.rank, 1 | 2)
                    && !found.iter().any(|f| f.0 <= i && i <= f.1)
                {
                    found.push((i, i, 4, 0.5));
                }
            }
        }
        org_names(&s.infos, s.mode, &mut found);
        ticker_names(text, &s.tokens, &s.infos, &mut found);
        particle_names(text, &s.tokens, &s.infos, s.mode, &mut found);
        place_names(&s.infos, s.mode, &mut found);
        caps_places(text, &s.tokens, &s.infos, &mut found);
        lowercase_places(text, &s.tokens, &s.infos, &mut found);
        law_names(&s.infos, s.mode, &mut found);
        if sports {
            team_names(&s.infos, &mut found);
        }
        comma_legal_names(&s.infos, s.mode, &mut found);
        event_names(&s.infos, s.mode, &mut found);
        acronym_orgs(text, &s.tokens, &s.infos, s.mode, &mut found);
        acronym_definitions(text, &s.tokens, &s.infos, s.mode, &mut found);
        company_context(&s.infos, &mut found);
        coordinated_heads(&s.infos, &mut found);
        cued_names(text, &s.tokens, &s.infos, s.mode, &mut found);
        person_spans(&s.infos, s.mode, &mut found);
        regnal_names(text, &s.tokens, &s.infos, &mut found);
        nickname_names(text, &s.tokens, &s.infos, &mut found);
        site_names(text, &s.tokens, s.mode, &mut found);
        found.retain(|f| !unsure.contains(f));
        found.sort_by_key(|f| f.0);
        for (a, b, ty, conf) in found {
            if a == b && is_date_word(&s.infos[a].lower) && s.infos.get(a + 1).map_or(false, |t| t.sshape == "d") {
                continue; // `Jan 9`, `March 3`: a date, not a name
            }
            if a == b && NOT_NAMES.contains(&s.tokens[a].slice(text)) {
                continue; // `AI`, `CEO`, `GDP`: acronyms of common nouns
            }
            if a == b && is_number_abbr(text, &s.infos[a], s.tokens[a]) {
                continue; // `No. 1`: "number", not a name
            }
            // a quote mark or full stop the model took into a name leaves it (`” Dombrovsky`);
            // brackets stay (`Rad ( B )`, a club and its town as CoNLL-2003 spans it)
            let word = |i: usize| s.tokens[i].slice(text).chars().any(|c| c.is_alphanumeric() || matches!(c, '(' | ')' | '[' | ']'));
            let (mut a, mut b) = (a, b);
            while a < b && !word(a) {
                a += 1;
            }
            while b > a && !word(b) {
                b -= 1;
            }
            if !word(a) {
                continue;
            }
            let Some((a, ty)) = storm(&s.infos, a, b, ty) else { continue };
            // a sentence-initial adverb taken into a person's name (`Honestly Arteta …`)
            let a = if a == 0 && b > 0 && ty == 1 && is_adverb(&s.infos[0]) { 1 } else { a };
            // an honorific is outside the name and says it is a person's (`Mr. Park Ji-sung`)
            let (mut a, ty) = if b > a && is_honorific(&s.infos[a]) {
                (a + 1, 1)
            } else if a > 0 && is_honorific(&s.infos[a - 1]) && s.infos[a - 1].init_cap {
                (a, 1)
            } else {
                (a, ty)
            };
            // titles before a person's name leave the span (`Det Insp Rachel Moss`)
            while ty == 1 && b > a && is_title(&s.infos[a]) {
                a += 1;
            }
            // a regnal number's full stop ends the sentence, not the name (`Henry IV.`)
            let end = s.tokens[b].end - usize::from(b > a && regnal(s.tokens[b].slice(text)) && s.tokens[b].slice(text).ends_with('.'));
            let span = Span::new(s.tokens[a].start, end);
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
    one_person_per_name(text, doc, &mut out);
    one_org_per_name(text, doc, &mut out);
    // `jo.doe@example.org`, `Q3Report.pdf`, `https://…`: an address or a file, no name
    out.retain(|m| !whole_word(text, m.span).split_whitespace().any(address_or_file));
    out
}

/// A name typed once per document: the first or last word of a person's multi-word
/// mention (`Xi` of `Xi Jinping`, `Takaichi` of `Sanae Takaichi`) is that person elsewhere
/// in the document too. A one-word mention with exactly that text becomes PER, and a
/// capitalised token with exactly that text outside every mention, in a sentence that is
/// not ALL CAPS, is added as PER with confidence 0.5.
fn one_person_per_name(text: &str, doc: &PDoc, out: &mut Vec<Mention>) {
    let mut words: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for m in out.iter().filter(|m| m.label == crate::document::EntityLabel::PER) {
        let mut it = m.text.split(' ');
        if let (Some(first), Some(last)) = (it.next(), m.text.rsplit(' ').next()) {
            if it.next().is_some() {
                words.insert(first);
                words.insert(last);
            }
        }
    }
    // (a single character or a word the tokenizer splits is never a name here)
    // (curly and straight apostrophes compare equal: `O’Shea` is `Brian O'Shea`)
    let norm = |w: &str| -> String { w.replace('\u{2019}', "'") };
    let words: std::collections::BTreeSet<String> = words.into_iter().filter(|w| w.chars().count() > 1).map(norm).collect();
    if words.is_empty() {
        return;
    }
    for m in out.iter_mut() {
        if !m.text.contains(' ') && words.contains(&norm(&m.text)) {
            m.label = crate::document::EntityLabel::PER;
        }
    }
    let mut added = Vec::new();
    let mut k = 0;
    for s in &doc.sents {
        if s.mode == Mode::Upper {
            continue;
        }
        for (t, info) in s.tokens.iter().zip(&s.infos) {
            while k < out.len() && out[k].span.end <= t.start {
                k += 1;
            }
            let inside = k < out.len() && out[k].span.start < t.end;
            let w = t.slice(text);
            if !inside && info.init_cap && (words.contains(w) || (w.contains('\u{2019}') && words.contains(&norm(w)))) {
                added.push(Mention { text: w.to_string(), span: *t, label: crate::document::EntityLabel::PER, confidence: 0.5, entity: None });
            }
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

/// `found` with `(a, b)` as one mention of type `ty`: mentions inside or overlapping it
/// go, the new one keeps the highest confidence among them (0.5 at least).
fn replace_span(found: &mut Vec<(usize, usize, u8, f32)>, a: usize, b: usize, ty: u8) {
    let conf = found.iter().filter(|f| f.0 <= b && a <= f.1).map(|f| f.3).fold(0.5f32, f32::max);
    found.retain(|f| !(f.0 <= b && a <= f.1));
    found.push((a, b, ty, conf));
}

/// A company named once per document: the first word of an ORG mention whose last word is
/// company-style (`Abbott` of `Abbott Laboratories`) names that company elsewhere in the
/// document too: a one-word mention with exactly that text becomes ORG, and a capitalised
/// token with that text outside every mention, in a sentence that is not ALL CAPS, is added
/// as ORG with confidence 0.5. Words that are part of a person's multi-word name, places
/// of the gazetteer and words of two letters or fewer are left alone.
fn one_org_per_name(text: &str, doc: &PDoc, out: &mut Vec<Mention>) {
    use crate::document::EntityLabel;
    use crate::gazetteer::cat;
    use std::collections::BTreeSet;
    let mut person: BTreeSet<&str> = BTreeSet::new();
    for m in out.iter().filter(|m| m.label == EntityLabel::PER && m.text.contains(' ')) {
        person.extend(m.text.split(' '));
    }
    let mut words: BTreeSet<String> = BTreeSet::new();
    for m in out.iter().filter(|m| m.label == EntityLabel::ORG) {
        let parts: Vec<&str> = m.text.split(' ').collect();
        if parts.len() >= 2 && company_word(parts[parts.len() - 1]) {
            let w = parts[0].trim_end_matches(',');
            if w.chars().count() > 2 && w.chars().next().is_some_and(char::is_uppercase) && !person.contains(w) && !company_word(w) {
                words.insert(w.to_string());
            }
        }
    }
    if words.is_empty() {
        return;
    }
    let place = |t: &TokInfo| {
        [cat::COUNTRY, cat::CITY, cat::ADMIN1, cat::DEMONYM, cat::LOC_HAND].iter().any(|&c| t.gaz & (1u128 << (c as u128 * 4 + 3)) != 0)
    };
    let mut added = Vec::new();
    let mut k = 0;
    for s in &doc.sents {
        for (t, info) in s.tokens.iter().zip(&s.infos) {
            while k < out.len() && out[k].span.end <= t.start {
                k += 1;
            }
            let w = t.slice(text);
            if !words.contains(w) || place(info) {
                continue;
            }
            if k < out.len() && out[k].span.start < t.end {
                if out[k].span == *t {
                    out[k].label = EntityLabel::ORG;
                }
            } else if s.mode != Mode::Upper && info.init_cap {
                added.push(Mention { text: w.to_string(), span: *t, label: EntityLabel::ORG, confidence: 0.5, entity: None });
            }
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn person_nouns_are_sorted_for_binary_search() {
        assert!(super::PERSON_NOUNS.windows(2).all(|w| w[0] < w[1]));
    }
}
