//! Rules over the model's chunks: the merge with the hand-written lists, and the
//! corrections CoNLL-2003's conventions ask for (dates, acronyms of common nouns, `No. 1`,
//! storms, sentence-initial adverbs, honorifics), and one type per person's name in a
//! document. [`mentions_of`] runs the tagger and them.

use super::features::{Mode, TokInfo};
use super::model::Scorer;
use super::{chunks, tag_doc, PDoc, TYPES};
use crate::document::Mention;
use crate::span::Span;

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
            // a quote mark or full stop the model took into a name leaves it (`” Zaldostanov`);
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
            // a regnal number's full stop ends the sentence, not the name (`Elizabeth I.`)
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

/// Whether `t` heads an organisation's name: a word of `src/data/lexicon/hand/org_word.txt`
/// (`Police`, `Ministry`, `Party`, `Inc.`, `FC`) or of a few more institution words, but
/// not `League` (competitions are MISC), `Commissioner` (a person) or words that need an
/// `of` after them to name one (`Government`, `Cabinet`: `the Kenyan Government`).
fn org_head(t: &TokInfo) -> u8 {
    use crate::gazetteer::cat;
    const MORE: [&str; 8] = ["society", "service", "school", "institution", "secretariat", "museum", "affairs", "lottery"];
    const NEEDS_OF: [&str; 4] = ["government", "cabinet", "office", "front"];
    if !t.init_cap || matches!(t.lower.as_str(), "league" | "commissioner" | "united" | "international") {
        return 0;
    }
    if NEEDS_OF.contains(&t.lower.as_str()) {
        return 1;
    }
    if t.gaz & (1u128 << (cat::ORG_WORD * 4 + 3)) != 0 || MORE.contains(&t.lower.as_str()) || press_word(t) {
        2
    } else {
        0
    }
}

/// Heads of newspapers', agencies' and broadcasters' names (`Financial Times`, `Cyprus
/// Mail`, `China Daily`, `Capital News`, `Agence France Presse`), capitalised.
fn press_word(t: &TokInfo) -> bool {
    t.init_cap
        && matches!(
            t.lower.as_str(),
            "times" | "post" | "mail" | "herald" | "tribune" | "journal" | "gazette" | "daily" | "telegraph" | "chronicle" | "observer" | "news"
                | "press" | "presse"
        )
}

/// Legal forms (`Inc.`, `Corp`, `plc`): the end of a company's name, never followed by
/// `of X` inside it (`Kia Motor Corp of South Korea` is a company and a place).
fn legal_form(t: &TokInfo) -> bool {
    matches!(
        t.lower.trim_end_matches('.'),
        "inc" | "corp" | "co" | "ltd" | "plc" | "llc" | "llp" | "ag" | "sa" | "s.a" | "gmbh" | "nv" | "spa" | "limited" | "corporation" | "incorporated"
    )
}

/// Buildings and grounds that CoNLL-2003 types as places when the model does
/// (`Central Clinical Hospital`, `National Tennis Centre`).
fn building(t: &TokInfo) -> bool {
    matches!(t.lower.as_str(), "hospital" | "centre" | "center" | "school" | "museum" | "college")
}

/// Small words inside an organisation's name: 3 for `of`, `for`, 2 for `in`, `on` (only
/// after an `of`/`for`: `Organisation for Security and Cooperation in Europe`), 1 for
/// `and`, `&`, 0 otherwise.
fn org_link(t: &TokInfo) -> u8 {
    match t.lower.as_str() {
        "of" | "for" => 3,
        "in" | "on" => 2,
        "and" | "&" => 1,
        _ => 0,
    }
}

/// A word that starts a sentence or a phrase but no organisation's name: articles,
/// determiners, prepositions and conjunctions (`The Commerce Department`).
fn lead_word(t: &TokInfo) -> bool {
    matches!(
        t.lower.as_str(),
        "the" | "a" | "an" | "in" | "at" | "on" | "when" | "after" | "but" | "and" | "if" | "as" | "while" | "for" | "from"
            | "by" | "with" | "this" | "that" | "its" | "his" | "her" | "their" | "our" | "meanwhile" | "yesterday" | "today"
            | "both" | "neither" | "every" | "each" | "some" | "many" | "since" | "before" | "under" | "until" | "then"
    )
}

/// Organisation names built on a head word, in ordinary sentences: capitalised words
/// ending in a head (`Gloucestershire Police`, `Foreign Press Association`), or a head
/// followed by `of`/`for` and more capitalised words (`Law Society of Kenya`, `Department
/// of Forestry and Fire Protection`; `the` may follow the small word). The span becomes
/// one ORG mention replacing the model's mentions inside it (`Kenya` LOC). Leading
/// articles, `X-based` and a nationality before a longer name leave the span (`German` |
/// `Foreign Ministry`, as CoNLL-2003 spans it). It is left alone when a model mention
/// crosses its edge, when its head's words end in a place of the gazetteer (`Soviet
/// Union`, `West Bank`), or when the model typed exactly it as a building place. Linear:
/// each token is visited a bounded number of times.
fn org_names(infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
    use crate::gazetteer::cat;
    if mode != Mode::Normal {
        return;
    }
    let n = infos.len();
    let cap = |i: usize| i < n && infos[i].init_cap && infos[i].alpha;
    // end (exclusive) of the capitalised segment starting at i
    let seg_end = |i: usize| {
        let mut e = i;
        while cap(e) && !(e > i && lead_word(&infos[e]) && infos[e].lower.len() <= 4) {
            e += 1;
        }
        e
    };
    let phrase = |c: u32, a: usize, b: usize| gaz_phrase(infos, c, a, b);
    let place = |a: usize, b: usize| [cat::COUNTRY, cat::CITY, cat::ADMIN1, cat::LOC_HAND, cat::WN_LOC].iter().any(|&c| phrase(c, a, b));
    let date = |t: &TokInfo| calendar_word(&t.lower);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        if !cap(i) {
            i += 1;
            continue;
        }
        let mut a = i;
        let e = seg_end(i);
        i = e;
        while a < e && (lead_word(&infos[a]) || infos[a].sshape.ends_with("-x")) {
            a += 1;
        }
        if a >= e {
            continue;
        }
        // a unit of an organisation after its head (`Lake Macquarie Police District`,
        // `Metropolitan Police Command`) names the organisation too
        let unit = |t: &TokInfo| matches!(t.lower.as_str(), "district" | "division" | "command" | "branch");
        let head = match org_head(&infos[e - 1]) {
            0 if e - a >= 2 && unit(&infos[e - 1]) && org_head(&infos[e - 2]) == 2 => 2,
            h => h,
        };
        if head == 0 {
            continue;
        }
        // the head's words ending in a place (`Jewish West Bank`, `Soviet Union`)
        if (a..e).any(|x| place(x, e - 1)) {
            continue;
        }
        // extend over `of X`, `for the X`, `and X`, `in X` (after an `of`)
        let mut b = e - 1;
        let mut k = e;
        let mut took_of = false;
        while k < n && !legal_form(&infos[e - 1]) {
            let link = org_link(&infos[k]);
            let mut j = k + 1;
            if link == 3 && j < n && infos[j].lower == "the" {
                j += 1;
            }
            if link == 0 || (link == 2 && !took_of) || !cap(j) || lead_word(&infos[j]) || date(&infos[j]) {
                break;
            }
            // `and`/`&` continue a name that took an `of`, or a lone head (`Alliance &
            // Leicester`), and never into another head's name
            if link == 1 && !(took_of || a == e - 1) {
                break;
            }
            let mut je = seg_end(j);
            // a person the model found after the name (`… Foreign Affairs Nasser Bourita`)
            if let Some(p) = found.iter().filter(|f| f.2 == 1 && j <= f.0 && f.0 < je).map(|f| f.0).min() {
                je = p;
            }
            if je == j {
                break;
            }
            if link == 1 && (j..je).any(|x| org_head(&infos[x]) > 0) {
                break;
            }
            took_of |= link == 3;
            b = je - 1;
            k = je;
        }
        i = i.max(b + 1);
        let linked = b > e - 1;
        // a head that needs `of` (`Government of Kenya`), or a lone head with nothing after
        if (head == 1 && !linked) || (!linked && a == e - 1) {
            continue;
        }
        // a nationality before a longer name (`German Foreign Ministry`)
        if e - a >= 3 && phrase(cat::DEMONYM, a, a) {
            a += 1;
        }
        // a capitalised `The` belongs to a newspaper's name (`The Sunday Telegraph`, `The
        // New York Times Company`), as CoNLL-2003 spans it
        if a > 0 && infos[a - 1].lower == "the" && infos[a - 1].init_cap && (a..e).any(|x| press_word(&infos[x])) {
            a -= 1;
        }
        if b - a + 1 > 10 {
            continue;
        }
        spans.push((a, b));
    }
    for (a, b) in spans {
        // a model mention crossing the span's edge: leave both
        if found.iter().any(|f| (f.0 < a && f.1 >= a) || (f.0 <= b && f.1 > b)) {
            continue;
        }
        if found.iter().any(|f| f.0 == a && f.1 == b && f.2 == 3 && building(&infos[b])) {
            continue;
        }
        let conf = found.iter().filter(|f| f.0 >= a && f.1 <= b).map(|f| f.3).fold(0.5f32, f32::max);
        found.retain(|f| !(f.0 >= a && f.1 <= b));
        found.push((a, b, 2, conf));
    }
}

/// `found` with `(a, b)` as one mention of type `ty`: mentions inside or overlapping it
/// go, the new one keeps the highest confidence among them (0.5 at least).
fn replace_span(found: &mut Vec<(usize, usize, u8, f32)>, a: usize, b: usize, ty: u8) {
    let conf = found.iter().filter(|f| f.0 <= b && a <= f.1).map(|f| f.3).fold(0.5f32, f32::max);
    found.retain(|f| !(f.0 <= b && a <= f.1));
    found.push((a, b, ty, conf));
}

/// Stock-exchange listings, as press releases and wire copy write them: the exchange in
/// `(NYSE: ABT)`, `(Nasdaq | TSX: TLRY)` is an organisation (an ALL-CAPS word or
/// `Nasdaq`), and so is the capitalised name right before such a listing or before a
/// Reuters instrument code (`Barclays <BARC.L>`): a mention ending there is retyped ORG,
/// else the run of capitalised words (with `&` inside) becomes one. Linear.
fn ticker_names(text: &str, toks: &[Span], infos: &[TokInfo], found: &mut Vec<(usize, usize, u8, f32)>) {
    let n = toks.len();
    let w = |i: usize| toks[i].slice(text);
    // a ticker: capital letters, digits and dots, at most 10 chars, one capital at least
    let ticker = |i: usize| {
        let t = w(i);
        t.len() <= 10 && t.chars().any(|c| c.is_ascii_uppercase()) && t.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
    };
    let exchange = |i: usize| {
        let t = w(i);
        t.chars().count() >= 2 && infos[i].alpha && (infos[i].all_caps || infos[i].lower == "nasdaq")
    };
    let mut names: Vec<usize> = Vec::new(); // index of the `(` or `<` a listed name precedes
    let mut exchanges: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < n {
        match w(i) {
            "(" => {
                // ( EXCH [| EXCH]* : TICKER [, TICKER]* )
                let mut j = i + 1;
                let mut ex = Vec::new();
                while j < n && j <= i + 6 && (exchange(j) || (!ex.is_empty() && matches!(w(j), "|" | "/" | ","))) {
                    if exchange(j) {
                        ex.push(j);
                    }
                    j += 1;
                }
                if ex.is_empty() || j + 2 >= n || w(j) != ":" || !ticker(j + 1) {
                    i += 1;
                    continue;
                }
                let mut k = j + 2;
                while k + 1 < n && w(k) == "," && ticker(k + 1) {
                    k += 2;
                }
                if k < n && w(k) == ")" {
                    exchanges.extend(ex);
                    names.push(i);
                    i = k + 1;
                    continue;
                }
                i += 1;
            }
            "<" => {
                // from the raw text: the sentence splitter may break inside `<BARC.L>`
                let rest = &text[toks[i].end..];
                let code = rest.split('>').next().unwrap_or("");
                if code.len() < rest.len()
                    && (2..=10).contains(&code.len())
                    && code.contains('.')
                    && code.bytes().any(|c| c.is_ascii_uppercase())
                    && code.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'.')
                {
                    names.push(i);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    for x in exchanges {
        replace_span(found, x, x, 2);
    }
    for p in names {
        if p == 0 {
            continue;
        }
        let e = p - 1;
        let cap = |i: usize| infos[i].init_cap && (infos[i].alpha || w(i).chars().any(char::is_alphanumeric));
        let mut a = e;
        if cap(e) {
            while a > 0 && e - a < 5 {
                let q = a - 1;
                if cap(q) && !lead_word(&infos[q]) {
                    a = q;
                } else if q > 0 && w(q) == "&" && cap(q - 1) {
                    a = q - 1;
                } else {
                    break;
                }
            }
            while a < e && lead_word(&infos[a]) {
                a += 1;
            }
        }
        // a longer mention ending there (`Tilray Brands, Inc.`), or no capitalised run: retype
        if let Some(f) = found.iter_mut().find(|f| f.1 == e && (f.0 < a || !cap(e))) {
            f.2 = 2;
            continue;
        }
        if !cap(e) {
            continue;
        }
        replace_span(found, a, e, 2);
    }
}

/// Whether a name particle starts at `i`, and the index after it: `Al-Sabah`, `el-Sisi`
/// (one token), `bin Rashid`, `ibn Saud`, `Al Maktoum` (two).
fn particle_at(text: &str, toks: &[Span], infos: &[TokInfo], i: usize) -> Option<usize> {
    let n = toks.len();
    let t = toks[i].slice(text);
    for p in ["Al-", "al-", "El-", "el-"] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.chars().next().filter(|c| c.is_uppercase()).map(|_| i + 1);
        }
    }
    if matches!(t, "bin" | "bint" | "ibn" | "Al" | "al") && i + 1 < n && infos[i + 1].init_cap && infos[i + 1].alpha && !infos[i + 1].all_caps {
        return Some(i + 2);
    }
    None
}

/// Arabic personal names with particles (`Sabah Al-Ahmad Al-Jaber Al-Sabah`, `Mohammed
/// bin Rashid Al Maktoum`): a capitalised word followed by particle parts becomes one
/// person when it has two parts or more, a `bin`/`ibn`/`bint`, or a person mention inside
/// (`Bashir al-Hourani` with `Bashir` a person); mentions overlapping it go unless one
/// reaches outside it with another type. Not in ALL-CAPS lines. Linear.
fn particle_names(text: &str, toks: &[Span], infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
    if mode == Mode::Upper {
        return;
    }
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let t = &infos[i];
        if !(t.init_cap && t.alpha && !t.all_caps) || lead_word(t) || particle_at(text, toks, infos, i).is_some() || t.lower.contains('-') {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        let mut parts = 0;
        let mut bin = false;
        while e < n {
            match particle_at(text, toks, infos, e) {
                Some(next) => {
                    bin |= matches!(toks[e].slice(text), "bin" | "bint" | "ibn");
                    parts += 1;
                    e = next;
                }
                None => break,
            }
        }
        if parts == 0 {
            i += 1;
            continue;
        }
        let b = e - 1;
        let person_inside = found.iter().any(|f| f.0 <= b && i <= f.1 && f.2 == 1);
        let crosses_other = found.iter().any(|f| f.0 <= b && i <= f.1 && (f.0 < i || f.1 > b) && f.2 != 1);
        if (parts >= 2 || bin || person_inside) && !crosses_other {
            let a = found.iter().filter(|f| f.0 <= b && i <= f.1).map(|f| f.0).fold(i, usize::min);
            let b = found.iter().filter(|f| f.0 <= b && i <= f.1).map(|f| f.1).fold(b, usize::max);
            replace_span(found, a, b, 1);
        }
        i = e;
    }
}

/// Heads of place names: administrative areas, highways and transport hubs, capitalised
/// (not `Avenue`: UNER EWT spans `San Mateo` of `San Mateo Avenue`).
fn place_head(t: &TokInfo) -> bool {
    t.init_cap
        && matches!(
            t.lower.as_str(),
            "county" | "province" | "prefecture" | "region" | "airport" | "junction" | "highway"
                | "motorway" | "expressway"
        )
}

/// Place names built on a head word, in ordinary sentences: capitalised words ending in
/// `County`, `Province`, `Region`, `Airport`, `Junction` (`Lingwu County`, `San
/// Antonio International Airport`, `Bondi Junction`) become one LOC mention, replacing
/// the model's mentions inside. Leading articles and prepositions leave the span; it is
/// left alone when the model typed exactly it, or a model mention crosses its edge.
fn place_names(infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
    if mode != Mode::Normal {
        return;
    }
    let n = infos.len();
    let cap = |i: usize| i < n && infos[i].init_cap && infos[i].alpha;
    let mut i = 0;
    while i < n {
        if !(place_head(&infos[i]) && i > 0 && cap(i - 1)) {
            i += 1;
            continue;
        }
        let b = i;
        let mut a = i - 1;
        while a > 0 && cap(a - 1) && b - a < 5 && !lead_word(&infos[a]) {
            a -= 1;
        }
        while a < b && lead_word(&infos[a]) {
            a += 1;
        }
        i += 1;
        if a == b || found.iter().any(|f| (f.0 == a && f.1 == b) || (f.0 < a && f.1 >= a) || (f.0 <= b && f.1 > b)) {
            continue;
        }
        // an organisation built on the place (`Orange County Council` ends elsewhere)
        if b + 1 < n && org_head(&infos[b + 1]) > 0 {
            continue;
        }
        replace_span(found, a, b, 3);
    }
}

/// ALL-CAPS place names that head a section or a story: a line that is only a country,
/// state or city of the gazetteer (`ARIZONA` over a state's news), and one or two
/// ALL-CAPS words of the gazetteer before an em dash or `--` (`WASHINGTON — House
/// leaders …`, a dateline run into the text) are LOC; the place replaces mentions
/// overlapping it.
fn caps_places(text: &str, toks: &[Span], infos: &[TokInfo], found: &mut Vec<(usize, usize, u8, f32)>) {
    use crate::gazetteer::cat;
    let n = toks.len();
    let place = |a: usize, b: usize| {
        [cat::COUNTRY, cat::CITY, cat::ADMIN1].iter().any(|&c| gaz_phrase(infos, c, a, b))
    };
    let caps = |i: usize| infos[i].all_caps && infos[i].alpha && toks[i].len() >= 3;
    if n == 1 {
        if caps(0) && place(0, 0) && found.is_empty() {
            found.push((0, 0, 3, 0.5));
        }
        return;
    }
    for i in 0..n - 1 {
        if !matches!(toks[i + 1].slice(text), "\u{2014}" | "--") || !caps(i) {
            continue;
        }
        let a = if i > 0 && caps(i - 1) && place(i - 1, i) { i - 1 } else { i };
        if a > 0 && caps(a - 1) {
            continue; // inside a longer ALL-CAPS run
        }
        if !place(a, i) || found.iter().any(|f| f.0 == a && f.1 == i && f.2 == 3) {
            continue;
        }
        replace_span(found, a, i, 3);
    }
}

/// Laws (CoNLL-2003 MISC): capitalised words ending in `Act`, with `of` and a year after
/// it kept in the span (`Securities Exchange Act of 1934`, `Online Safety Act`), in an
/// ordinary sentence. Replaces the model's mentions inside; left alone when a model
/// mention crosses the span's left edge.
fn law_names(infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
    if mode != Mode::Normal {
        return;
    }
    let n = infos.len();
    let cap = |i: usize| infos[i].init_cap && infos[i].alpha && !lead_word(&infos[i]);
    for k in 1..n {
        if infos[k].lower != "act" || !infos[k].init_cap || !cap(k - 1) {
            continue;
        }
        let mut a = k - 1;
        while a > 0 && k - a < 6 && cap(a - 1) {
            a -= 1;
        }
        let year = k + 2 < n && infos[k + 1].lower == "of" && infos[k + 2].sshape == "d" && infos[k + 2].lower.len() == 4;
        let b = if year { k + 2 } else { k };
        if found.iter().any(|f| f.0 < a && f.1 >= a) {
            continue;
        }
        replace_span(found, a, b, 4);
    }
}

/// Companies written with a comma before their legal form (`INTERSOLV, Inc.`, `Mars,
/// Incorporated`, `Acme Widgets, Ltd.`): the name and the legal form are one ORG. The
/// name is the model's mention ending right before the comma, else the run of capitalised
/// words there (at most 4, no leading articles or prepositions). Not in ALL-CAPS sentences.
fn comma_legal_names(infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
    if mode == Mode::Upper {
        return;
    }
    let n = infos.len();
    for k in 2..n {
        let t = &infos[k];
        if !(t.init_cap && legal_form(t)) || infos[k - 1].lower != "," || !infos[k - 2].init_cap || !infos[k - 2].alpha {
            continue;
        }
        if matches!(t.lower.trim_end_matches('.'), "co" | "sa" | "ag" | "nv" | "spa") {
            continue; // too short to tell from other words after a comma
        }
        let e = k - 2;
        let a = if let Some(f) = found.iter().find(|f| f.1 == e) {
            f.0
        } else {
            let mut a = e;
            while a > 0 && e - a < 3 && (infos[a - 1].init_cap && infos[a - 1].alpha || infos[a - 1].lower == "&") && !lead_word(&infos[a - 1]) && infos[a - 1].lower != "about" {
                a -= 1;
            }
            while a < e && (lead_word(&infos[a]) || infos[a].lower == "about") {
                a += 1;
            }
            a
        };
        replace_span(found, a, k, 2);
    }
}

/// Words that say the one-word name before them is a company: its owners and board
/// (`Amedisys stockholders`, `Woodside board`, `Tesco's shares`). A one-token mention
/// right before one (after a possessive `'s` for `shares` and `stock`, which are verbs
/// too) is retyped ORG.
fn company_context(infos: &[TokInfo], found: &mut [(usize, usize, u8, f32)]) {
    let owners = |t: &TokInfo| matches!(t.lower.as_str(), "stockholders" | "shareholders" | "stockholder" | "shareholder" | "board");
    let stock = |t: &TokInfo| owners(t) || matches!(t.lower.as_str(), "shares" | "stock");
    for f in found.iter_mut().filter(|f| f.0 == f.1 && f.2 != 2) {
        let next = infos.get(f.1 + 1);
        let possessive = next.is_some_and(|t| matches!(t.lower.as_str(), "'s" | "\u{2019}s"));
        if next.is_some_and(owners) || (possessive && infos.get(f.1 + 2).is_some_and(stock)) {
            f.2 = 2;
        }
    }
}

/// Two organisations coordinated on one head (`Listing Services and Information Services`)
/// that came out as one ORG mention are two; a lone head on the left takes the capitalised
/// word before it that no mention covers (`Listing` + `Services`).
fn coordinated_heads(infos: &[TokInfo], found: &mut Vec<(usize, usize, u8, f32)>) {
    let mut splits = Vec::new();
    for (x, f) in found.iter().enumerate() {
        let (a, b) = (f.0, f.1);
        if f.2 != 2 || b < a + 2 || org_head(&infos[b]) == 0 {
            continue;
        }
        if let Some(k) = (a + 1..b).find(|&k| matches!(infos[k].lower.as_str(), "and" | "&") && infos[k - 1].lower == infos[b].lower) {
            splits.push((x, k));
        }
    }
    for &(x, k) in splits.iter().rev() {
        let (a, b, _, conf) = found.remove(x);
        let mut a = a;
        if a + 1 == k && a > 0 {
            let p = &infos[a - 1];
            if p.init_cap && p.alpha && !lead_word(p) && !found.iter().any(|f| f.0 < a && a - 1 <= f.1) {
                a -= 1;
            }
        }
        found.push((a, k - 1, 2, conf));
        found.push((k + 1, b, 2, conf));
    }
}

/// Company-style last words of an organisation's name: a legal form or a sector word
/// (`Abbott Laboratories`, `Boeing Co`, `Tata Motors`).
fn company_word(w: &str) -> bool {
    let l = w.trim_end_matches('.').to_lowercase();
    matches!(
        l.as_str(),
        "inc" | "corp" | "co" | "ltd" | "plc" | "llc" | "ag" | "gmbh" | "limited" | "corporation" | "incorporated" | "group"
            | "holdings" | "laboratories" | "labs" | "motors" | "airlines" | "airways" | "pharmaceuticals" | "pharma"
            | "technologies" | "systems" | "industries" | "enterprises" | "software" | "telecom" | "networks" | "studios"
    )
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

/// Words of match reports (`innings`, `wicket`, `striker`, `semi-final`, `kick-off`).
fn sports_word(lower: &str) -> bool {
    matches!(
        lower,
        "innings" | "wicket" | "wickets" | "batting" | "bowling" | "bowler" | "batsman" | "batter" | "odi" | "t20" | "overs"
            | "goal" | "goals" | "striker" | "midfielder" | "defender" | "goalkeeper" | "penalty" | "penalties" | "semi-final"
            | "quarter-final" | "semifinal" | "quarterfinal" | "tournament" | "squad" | "fixture" | "fixtures" | "kick-off"
            | "half-time" | "halftime" | "scorer" | "scored" | "match" | "matches" | "captain" | "coach" | "draw" | "league"
            | "cup" | "championship" | "playoff" | "play-off" | "touchdown" | "rugby" | "cricket" | "football" | "soccer"
    )
}

/// A document that reads as a match report: sports words at least 5 times, 3 of them
/// different.
fn sports_doc(doc: &PDoc) -> bool {
    let mut seen: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    let mut count = 0;
    for s in &doc.sents {
        for t in &s.infos {
            if sports_word(&t.lower) {
                count += 1;
                seen.insert(t.lower.as_str());
                if count >= 5 && seen.len() >= 3 {
                    return true;
                }
            }
        }
    }
    false
}

/// In a match report, a place in a team's position is the team (CoNLL-2003 types clubs
/// named after their city ORG; national teams it types as their country, LOC, so a
/// country or state of the gazetteer that is no club's name is left alone, and so is a
/// place after `in` or `at`): a LOC mention followed by a result word or a score (`Australia
/// defeat India`, `Wolves 2-2 Brighton`, `India 2nd Innings`) or preceded by `vs`, `v`,
/// `against`, `beat`, `defeat`, `over` or a score.
fn team_names(infos: &[TokInfo], found: &mut [(usize, usize, u8, f32)]) {
    use crate::gazetteer::cat;
    let n = infos.len();
    let phrase = |c: u32, a: usize, b: usize| gaz_phrase(infos, c, a, b);
    // countries and states (`Scotland`, `Wales`), unless also a club's name (`Colorado`)
    let country = |a: usize, b: usize| phrase(cat::COUNTRY, a, b) || (phrase(cat::ADMIN1, a, b) && !phrase(cat::CLUB, a, b));
    // a venue (`in Salzburg 3-2`)
    let venue = |a: usize| a > 0 && matches!(infos[a - 1].lower.as_str(), "in" | "at");
    let score = |t: &TokInfo| t.sshape == "d-d";
    for f in found.iter_mut().filter(|f| f.2 == 3) {
        let after = infos.get(f.1 + 1).is_some_and(|t| {
            score(t)
                || matches!(
                    t.lower.as_str(),
                    "beat" | "beats" | "defeat" | "defeats" | "defeated" | "win" | "wins" | "won" | "lose" | "loses" | "lost"
                        | "drew" | "trail" | "trails" | "need" | "needs" | "vs" | "vs." | "v" | "v." | "1st" | "2nd" | "innings"
                        | "captain" | "coach" | "skipper" | "squad" | "bowled" | "batted" | "thrashed" | "edged" | "crushed"
                )
        });
        let before = f.0 > 0 && {
            let t = &infos[f.0 - 1];
            score(t) || matches!(t.lower.as_str(), "vs" | "vs." | "v" | "v." | "against" | "beat" | "defeat" | "defeated" | "over" | "thrashed")
        };
        if (after || before) && f.1 < n && !country(f.0, f.1) && !venue(f.0) {
            f.2 = 2;
        }
    }
}

/// An acronym nobody typed (`ONGC`, `SEDAR`): in an ordinary sentence, a token of 2 to 5
/// capital letters that no mention covers, no gazetteer list holds, that is not a Roman
/// numeral, an acronym of a common noun ([`NOT_NAMES`]), a frequent word in capitals (`AM`,
/// `VERY`: among GloVe's 5k most frequent) nor a retweet's `RT`, between words that are not
/// ALL CAPS, not first in the sentence, not after `a`/`an` (`a CPA`: a common noun) nor
/// before a number (`ISO 6400`), not the sentence's last word unless after `the` (`LOL`,
/// but `subscribe to the FT`), in a sentence of 4 tokens or more with a lowercase word,
/// is an organisation (ORG, confidence 0.4): most names written as initials are
/// (CoNLL-2003 train types such acronyms ORG far more often than anything else).
fn acronym_orgs(text: &str, toks: &[Span], infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
    if mode != Mode::Normal {
        return;
    }
    let n = toks.len();
    // prose: 4 tokens at least, one of them a lowercase word
    if n < 4 || !infos.iter().any(|t| t.alpha && !t.init_cap) {
        return;
    }
    let caps_word = |i: usize| infos[i].alpha && infos[i].all_caps && toks[i].len() > 1;
    // no word after i in the sentence (`creepy AF .`, `… LOL`): an interjection more often
    let last_word = |i: usize| !infos[i + 1..].iter().any(|t| t.alpha);
    let mut covered = vec![false; n];
    for f in found.iter() {
        for c in covered.iter_mut().take(f.1.min(n - 1) + 1).skip(f.0) {
            *c = true;
        }
    }
    for i in 0..n {
        let w = toks[i].slice(text);
        if covered[i]
            || !(2..=5).contains(&w.len())
            || !w.bytes().all(|b| b.is_ascii_uppercase())
            || w.bytes().all(|b| b"IVXLCDM".contains(&b))
            || infos[i].gaz != 0
            || NOT_NAMES.contains(&w)
            || matches!(infos[i].rank, 1 | 2)
            || w == "RT"
            || i == 0
            || caps_word(i - 1)
            || matches!(infos[i - 1].lower.as_str(), "a" | "an")
            || (i + 1 < n && infos[i + 1].sshape.starts_with('d'))
            || (last_word(i) && infos[i - 1].lower != "the")
            || (i + 1 < n && caps_word(i + 1))
        {
            continue;
        }
        found.push((i, i, 2, 0.4));
    }
}

/// A name defined with its acronym (`The Committee to Protect Journalists (CPJ)`, `Reach
/// Out To Asia's (ROTA)`, `Sydney Cricket Ground (SCG)`): the words right before `(`
/// whose capitals spell the bracketed acronym, with small lowercase words (`to`, `of`,
/// `and`) inside and a possessive `'s` after, are one mention, and the acronym is a
/// mention of the same type. The type is the model's for exactly those words, else ORG
/// for an organisation's head, LOC for a place's, else the acronym's, else ORG. Left alone
/// when a mention crosses the long form's edge. Not in ALL-CAPS lines. Linear: each `(`
/// looks back at most 12 tokens.
fn acronym_definitions(text: &str, toks: &[Span], infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
    if mode == Mode::Upper {
        return;
    }
    let n = toks.len();
    let w = |i: usize| toks[i].slice(text);
    for p in 1..n.saturating_sub(2) {
        let acr = w(p + 1);
        if w(p) != "(" || w(p + 2) != ")" || !(2..=6).contains(&acr.len()) || !acr.bytes().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        let mut b = p - 1;
        if matches!(w(b), "'s" | "\u{2019}s") && b > 0 {
            b -= 1;
        }
        // match the acronym's letters from its end against the words' capitals
        let letters = acr.as_bytes();
        let mut left = letters.len();
        let mut a = b + 1;
        while a > 0 && left > 0 && b + 1 - a < 12 {
            let t = &infos[a - 1];
            let first = w(a - 1).as_bytes()[0];
            if t.init_cap && t.alpha && first == letters[left - 1] {
                left -= 1;
            } else if !(t.alpha && !t.init_cap && org_link(t) > 0 || matches!(t.lower.as_str(), "to" | "the")) || a - 1 == b {
                break;
            }
            a -= 1;
        }
        if left > 0 || a == b || !infos[a].init_cap {
            continue;
        }
        if found.iter().any(|f| (f.0 < a && f.1 >= a) || (f.0 <= b && f.1 > b)) {
            continue;
        }
        let exact = found.iter().find(|f| f.0 == a && f.1 == b).map(|f| f.2);
        let acr_ty = found.iter().find(|f| f.0 == p + 1 && f.1 == p + 1).map(|f| f.2);
        let ty = exact.unwrap_or(if org_head(&infos[b]) > 0 {
            2
        } else if place_head(&infos[b]) {
            3
        } else {
            acr_ty.unwrap_or(2)
        });
        replace_span(found, a, b, ty);
        replace_span(found, p + 1, p + 1, ty);
    }
}

/// Heads of the names of policies, plans and eras, MISC as CoNLL-2003 types the
/// `Marshall Plan`: `Clean Energy Strategy`, `Open Access Program`, `Peace Process`,
/// `Gilded Age`, `Chinese Dream`.
fn policy_head(lower: &str) -> bool {
    matches!(
        lower,
        "strategy" | "initiative" | "doctrine" | "process" | "program" | "programme" | "plan" | "agenda" | "accord" | "accords"
            | "age" | "ages" | "dream"
    )
}

/// Events, as CoNLL-2003 types them (MISC), in ordinary sentences: capitalised words ending
/// in `War`, `Wars`, `Prize`, `Awards`, `Festival`, `Olympics`, `Championship(s)`, `Cup`
/// or `League` (`Opium Wars`, `Ryder Cup`, `Premier League`; not an organisation of
/// WordNet's such as `Arab League`, nor a nationality's league, nor a place's war, `Iraq
/// War`), `Operation` followed by capitalised words (`Operation Desert Storm`) and `Expo`
/// followed by a year (`Expo 2020`), capitalised words ending in a [`policy_head`], and a
/// court case (`Roe v. Wade`). The span replaces the model's mentions inside it
/// unless one crosses its edge or a person is inside. Linear.
fn event_names(infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
    use crate::gazetteer::cat;
    if mode != Mode::Normal {
        return;
    }
    let n = infos.len();
    let cap = |i: usize| infos[i].init_cap && infos[i].alpha && !lead_word(&infos[i]) && !is_date_word(&infos[i].lower);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for i in 0..n {
        let t = &infos[i];
        if !t.init_cap && t.lower != "v." {
            continue;
        }
        let head = matches!(
            t.lower.as_str(),
            "war" | "wars" | "prize" | "awards" | "festival" | "olympics" | "championship" | "championships" | "cup" | "league"
        ) || policy_head(&t.lower);
        if t.lower == "v." && i > 0 && i + 1 < n && cap(i - 1) && cap(i + 1) {
            // a court case (`Roe v. Wade`, `U.S. v. Virginia`); sports fixtures print `v`
            let (mut a, mut b) = (i - 1, i + 1);
            while a > 0 && i - a < 4 && cap(a - 1) {
                a -= 1;
            }
            while b + 1 < n && b - i < 4 && cap(b + 1) {
                b += 1;
            }
            // the parties are no names of their own here (the model may take `v.` into one)
            replace_span(found, a, b, 4);
        } else if head {
            let mut a = i;
            while a > 0 && i - a < 5 && cap(a - 1) {
                a -= 1;
            }
            // an organisation of WordNet's (`Arab League`, `Ivy League`) or a nationality's
            // union (`Muslim League`) is ORG
            let union = a < i
                && (gaz_phrase(infos, cat::WN_ORG, a, i) || (t.lower == "league" && a + 1 == i && gaz_phrase(infos, cat::DEMONYM, a, a)));
            // a war named after a place keeps the place (`Iraq War`, `Vietnam War`)
            let place = a < i && matches!(t.lower.as_str(), "war" | "wars")
                && [cat::COUNTRY, cat::CITY, cat::ADMIN1].iter().any(|&c| gaz_phrase(infos, c, a, i - 1));
            if a < i && !union && !place {
                spans.push((a, i));
            }
        } else if t.lower == "operation" && i + 1 < n && cap(i + 1) && !infos[i + 1].all_caps {
            let mut b = i + 1;
            while b + 1 < n && b - i < 3 && cap(b + 1) {
                b += 1;
            }
            spans.push((i, b));
        } else if t.lower == "expo" && i + 1 < n && infos[i + 1].sshape == "d" && infos[i + 1].lower.len() == 4 {
            spans.push((i, i + 1));
        }
    }
    for (a, b) in spans {
        if found.iter().any(|f| (f.0 < a && f.1 >= a) || (f.0 <= b && f.1 > b) || (f.2 == 1 && f.0 >= a && f.1 <= b)) {
            continue;
        }
        replace_span(found, a, b, 4);
    }
}

/// Words that say the capitalised words right after them are a person's name: second
/// names in police reports (`Abdulla Pathan alias Sannata`, `aka`), `surnamed Qin` in wire
/// copy, and credit lines (`Editor: Xueying`, `Reporter: …`). `None` for other tokens, else
/// whether a name before the cue is the same person's too (`X alias Y`: both are names).
fn person_cue(text: &str, toks: &[Span], infos: &[TokInfo], i: usize) -> Option<bool> {
    let t = &infos[i];
    let credit = || toks.get(i + 1).is_some_and(|c| c.slice(text) == ":");
    match t.lower.as_str() {
        "alias" | "aka" | "a.k.a." if !t.init_cap => Some(true),
        "surnamed" | "nicknamed" if !t.init_cap => Some(false),
        "editor" | "reporter" | "writer" | "photographer" | "translator" if t.init_cap && credit() => Some(false),
        _ => None,
    }
}

/// Lowercase nouns for people that news prints right before a person's name (`surgeon
/// Bashir al-Hourani`, `gunman Man Monis`, `barrister Katrina Dawson`, `striker Erling
/// Haaland`). Written for gleaner: singular nouns for a human being only, none that also
/// describe companies (`giant Pirelli`, `operator Unicom`, `carrier Carl Vinson`), teams
/// (`champions Ajax`, `hosts England`) or are verbs before a name (`to coach Chelsea`).
/// Sorted (binary search).
const PERSON_NOUNS: [&str; 113] = [
    "activist", "actor", "actress", "ambassador", "analyst", "architect", "artist", "attorney", "aunt", "author",
    "banker", "barrister", "batsman", "batter", "billionaire", "bishop", "bowler", "boxer", "boyfriend", "brother",
    "businessman", "businesswoman", "campaigner", "chairman", "chairwoman", "chef", "cleric", "columnist", "comedian",
    "congressman", "congresswoman", "constable", "correspondent", "councillor", "councilman", "councilwoman", "cyclist",
    "daughter", "defendant", "defender", "detective", "diplomat", "doctor", "economist", "entrepreneur", "envoy",
    "farmer", "father", "filmmaker", "girlfriend", "goalkeeper", "golfer", "grandfather", "grandmother", "gunman",
    "historian", "husband", "imam", "jockey", "journalist", "lawmaker", "lawyer", "legislator", "magistrate", "mayor",
    "midfielder", "millionaire", "mother", "musician", "nephew", "niece", "novelist", "paceman", "pastor",
    "photographer", "physician", "plaintiff", "poet", "politician", "priest", "professor", "prosecutor", "rabbi",
    "rapper", "reporter", "researcher", "scientist", "singer", "sister", "soldier", "solicitor", "son", "spinner",
    "spokesman", "spokesperson", "spokeswoman", "sprinter", "striker", "student", "surgeon", "suspect", "swimmer",
    "teacher", "teenager", "tycoon", "uncle", "victim", "widow", "wife", "winger", "witness", "writer", "youngster",
];

/// A lowercase [`PERSON_NOUNS`] word right before a capitalised word that is not a date.
fn role_cue(infos: &[TokInfo], i: usize) -> bool {
    // the cheap test on the next word first: most words have no capitalised one after them
    let t = &infos[i];
    infos.get(i + 1).is_some_and(|n| n.init_cap && n.alpha && !n.all_caps && !lead_word(n) && !calendar_word(&n.lower))
        && !t.init_cap
        && PERSON_NOUNS.binary_search(&t.lower.as_str()).is_ok()
}

/// A month or weekday name (`Jan`, `March`, `Tuesday`).
fn calendar_word(lower: &str) -> bool {
    is_date_word(lower) || matches!(lower, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

/// Names that [`person_cue`] words introduce: the run of capitalised words after the cue
/// (at most 4, stopping at the next cue) becomes one PER mention, replacing what the model
/// found there; for `alias`, a mention ending right before the cue becomes PER, and one
/// that runs across it is cut there. After a [`role_cue`], a mention starting right there
/// is retyped PER (its span kept: `Bashir al-Hourani`) unless it is a place of the
/// gazetteer, else the run is taken. Left alone in ALL-CAPS lines. Linear.
fn cued_names(text: &str, toks: &[Span], infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
    use crate::gazetteer::cat;
    if mode == Mode::Upper {
        return;
    }
    let n = infos.len();
    let name = |i: usize| infos[i].init_cap && infos[i].alpha && !lead_word(&infos[i]) && person_cue(text, toks, infos, i).is_none();
    let place = |a: usize, b: usize| [cat::COUNTRY, cat::CITY, cat::ADMIN1, cat::LOC_HAND, cat::WN_LOC].iter().any(|&c| gaz_phrase(infos, c, a, b));
    for i in 0..n {
        if mode == Mode::Normal && role_cue(infos, i) {
            let j = i + 1;
            if let Some(f) = found.iter_mut().find(|f| f.0 == j) {
                if !place(f.0, f.1) {
                    f.2 = 1;
                }
                continue;
            }
            let mut e = j;
            while e < n && e - j < 3 && name(e) && !calendar_word(&infos[e].lower) {
                e += 1;
            }
            if !place(j, e - 1) && !found.iter().any(|f| f.0 < e && j <= f.1 && f.1 >= e) {
                replace_span(found, j, e - 1, 1);
            }
            continue;
        }
        let Some(both) = person_cue(text, toks, infos, i) else { continue };
        let j = if toks.get(i + 1).is_some_and(|c| c.slice(text) == ":") { i + 2 } else { i + 1 };
        let mut e = j;
        while e < n && e - j < 4 && name(e) {
            e += 1;
        }
        if both && i > 0 {
            for f in found.iter_mut() {
                if f.0 < i && f.1 >= i - 1 {
                    f.1 = i - 1;
                    f.2 = 1;
                }
            }
        }
        if e > j {
            replace_span(found, j, e - 1, 1);
        }
    }
}

/// Span repair for people's names the model cut short, in ordinary sentences: a
/// capitalised syllable of at most 3 letters right after a name of short syllables
/// (`Kim Jong` + `Un`, `Lee Kuan` + `Yew`), and a rare capitalised word right before a
/// person's mention (`Abdulla` + `Sayyed Pathan`: outside the 20k most frequent words, no
/// place, title, honorific or hyphenated rank such as `Major-General`) join the mention.
fn person_spans(infos: &[TokInfo], mode: Mode, found: &mut [(usize, usize, u8, f32)]) {
    use crate::gazetteer::cat;
    if mode != Mode::Normal {
        return;
    }
    let n = infos.len();
    let free = |i: usize, found: &[(usize, usize, u8, f32)]| !found.iter().any(|f| f.0 <= i && i <= f.1);
    let word = |i: usize| infos[i].init_cap && infos[i].alpha && !infos[i].all_caps && !lead_word(&infos[i]);
    let place = |i: usize| [cat::COUNTRY, cat::CITY, cat::ADMIN1, cat::LOC_HAND, cat::WN_LOC].iter().any(|&c| gaz_phrase(infos, c, i, i));
    for k in 0..found.len() {
        let (a, b, ty, _) = found[k];
        if ty != 1 {
            continue;
        }
        let syllables = b > a && (a..=b).all(|i| infos[i].lower.chars().count() <= 5);
        if syllables && b + 1 < n && word(b + 1) && infos[b + 1].lower.chars().count() <= 3 && free(b + 1, found) {
            found[k].1 = b + 1;
        }
        let p = a.wrapping_sub(1);
        if a > 0
            && word(p)
            && matches!(infos[p].rank, 0 | 4)
            && !infos[p].lower.contains('-')
            && !place(p)
            && !is_title(&infos[p])
            && !is_honorific(&infos[p])
            && !is_date_word(&infos[p].lower)
            && free(p, found)
        {
            found[k].0 = p;
        }
    }
}

/// A regnal number (`I`, `II`, `IV`, `VIII`, `XIV`, with a full stop glued or not): Roman
/// numerals of two letters or more, or `I`; other single letters are initials more often
/// (`Samuel L. Jackson`, `Michael J. Fox`).
fn regnal(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    !w.is_empty() && (w == "I" || (w.len() >= 2 && w.len() <= 5 && w.bytes().all(|c| b"IVXL".contains(&c))))
}

/// People's names the model ran across a sentence end after a regnal number (`Queen
/// Elizabeth I. Elizabeth, who ruled …`): the mention is cut after the number (the full
/// stop leaves it) and the capitalised words after the stop are a person's mention of
/// their own.
fn regnal_names(text: &str, toks: &[Span], infos: &[TokInfo], found: &mut Vec<(usize, usize, u8, f32)>) {
    let w = |i: usize| toks[i].slice(text);
    let mut cuts = Vec::new();
    for (x, f) in found.iter().enumerate() {
        if f.2 != 1 || f.1 < f.0 + 2 {
            continue;
        }
        for k in f.0 + 1..f.1 {
            let glued = w(k).ends_with('.');
            let next = if glued { k + 1 } else { k + 2 };
            if regnal(w(k)) && (glued || w(k + 1) == ".") && next <= f.1 && infos[next].init_cap && infos[next].alpha {
                cuts.push((x, k, next));
                break;
            }
        }
    }
    for &(x, k, next) in cuts.iter().rev() {
        let (a, b, ty, conf) = found.remove(x);
        found.push((a, k, ty, conf));
        found.push((next, b, ty, conf));
    }
}

/// A nickname quoted inside a person's name (`Alexander "The Surgeon" Zaldostanov`): after
/// a person's mention, a quoted run of at most 4 tokens and then capitalised words (at
/// most 2): those words are the person's surname, PER, replacing what the model typed
/// there (the quote mark then leaves the mention, as every mention's edge quotes do).
fn nickname_names(text: &str, toks: &[Span], infos: &[TokInfo], found: &mut Vec<(usize, usize, u8, f32)>) {
    let n = toks.len();
    let open = |i: usize| matches!(toks[i].slice(text), "\"" | "\u{201C}" | "\u{2018}" | "'");
    let close = |i: usize| matches!(toks[i].slice(text), "\"" | "\u{201D}" | "\u{2019}" | "'");
    let word = |i: usize| i < n && infos[i].init_cap && infos[i].alpha && !infos[i].all_caps && !lead_word(&infos[i]);
    let ends: Vec<usize> = found.iter().filter(|f| f.2 == 1).map(|f| f.1).collect();
    for e in ends {
        let q = e + 1;
        if q >= n || !open(q) {
            continue;
        }
        let Some(c) = (q + 2..n.min(q + 6)).find(|&c| close(c)) else { continue };
        if !word(c + 1) {
            continue;
        }
        let b = if word(c + 2) { c + 2 } else { c + 1 };
        // (the model may take the closing quote into the surname: `” Zaldostanov`)
        if found.iter().any(|f| f.0 <= b && c <= f.1 && (f.0 < c || f.1 > b)) {
            continue;
        }
        replace_span(found, c, b, 1);
    }
}

/// Whether a token is a site's name as pages print it: a web domain (`FT.com`, `68k.news`,
/// `Rediff.co.uk`: letters or digits, one dot or more, a common top-level domain) or a
/// camel-case brand of two capitalised words run together (`SocGen`, `PenNews`, with two
/// lowercase letters at least on each side; `MacArthur`, `FitzGerald` are surnames).
fn site_name(w: &str) -> bool {
    const TLD: [&str; 10] = [".com", ".net", ".org", ".news", ".co.uk", ".io", ".in", ".tv", ".ai", ".co"];
    let ends_with = |t: &str| w.len() > t.len() + 1 && w.as_bytes()[w.len() - t.len()..].eq_ignore_ascii_case(t.as_bytes());
    let domain = w.contains('.')
        && TLD.iter().any(|t| ends_with(t))
        && w.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-')
        && w.bytes().next().is_some_and(|c| c.is_ascii_alphanumeric());
    let b = w.as_bytes();
    let camel = b.len() >= 6
        && b.iter().all(u8::is_ascii_alphabetic)
        && b[0].is_ascii_uppercase()
        && !["Mac", "Fitz", "Van", "Von"].iter().any(|p| w.starts_with(p))
        && {
            let upper: Vec<usize> = (0..b.len()).filter(|&i| b[i].is_ascii_uppercase()).collect();
            upper.len() == 2 && upper[1] >= 3 && b.len() - upper[1] >= 3
        };
    domain || camel
}

/// Sites and brands printed as one token ([`site_name`]) that no mention covers are
/// organisations (confidence 0.4), outside ALL-CAPS lines.
fn site_names(text: &str, toks: &[Span], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
    if mode == Mode::Upper {
        return;
    }
    for (i, t) in toks.iter().enumerate() {
        // a handle or hashtag (`@PenNews`, `#SocGen`) is no mention of its own here
        let tagged = text[..t.start].ends_with(['@', '#']);
        if !tagged && site_name(t.slice(text)) && !found.iter().any(|f| f.0 <= i && i <= f.1) {
            found.push((i, i, 2, 0.4));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn person_nouns_are_sorted_for_binary_search() {
        assert!(super::PERSON_NOUNS.windows(2).all(|w| w[0] < w[1]));
    }
}
