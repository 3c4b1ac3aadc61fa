//! Person names from cues the model misses: particles (`bin`, `van der`), cue words and
//! nouns for people before a name, span repair, regnal numbers, quoted nicknames.

use super::*;

/// Whether a name particle starts at `i`, and the index after it: `Al-Sabah`, `el-Sisi`
/// (one token), `bin Rashid`, `ibn Saud`, `Al Maktoum` (two).
pub(super) fn particle_at(text: &str, toks: &[Span], infos: &[TokInfo], i: usize) -> Option<usize> {
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
/// (`Tamsin al-Oraibi` with `Tamsin` a person); mentions overlapping it go unless one
/// reaches outside it with another type. Not in ALL-CAPS lines. Linear.
pub(super) fn particle_names(text: &str, toks: &[Span], infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
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

/// Words that say the capitalised words right after them are a person's name: second
/// names in police reports (`Abdulla Pathan alias Sannata`, `aka`), `surnamed Qin` in wire
/// copy, and credit lines (`Editor: Xueying`, `Reporter: …`). `None` for other tokens, else
/// whether a name before the cue is the same person's too (`X alias Y`: both are names).
pub(super) fn person_cue(text: &str, toks: &[Span], infos: &[TokInfo], i: usize) -> Option<bool> {
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
/// Tamsin al-Oraibi`, `gunman Rob Tennick`, `barrister Ada Pelling`, `striker Joel
/// Mardsen`). Written for gleaner: singular nouns for a human being only, none that also
/// describe companies (`giant Brindlecorp`, `operator Telvia`, `carrier Oriel Bay`), teams
/// (`champions Ajax`, `hosts England`) or are verbs before a name (`to coach Chelsea`).
/// Sorted (binary search).
pub(super) const PERSON_NOUNS: [&str; 113] = [
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
pub(super) fn role_cue(infos: &[TokInfo], i: usize) -> bool {
    // the cheap test on the next word first: most words have no capitalised one after them
    let t = &infos[i];
    infos.get(i + 1).is_some_and(|n| n.init_cap && n.alpha && !n.all_caps && !lead_word(n) && !calendar_word(&n.lower))
        && !t.init_cap
        && PERSON_NOUNS.binary_search(&t.lower.as_str()).is_ok()
}

/// A month or weekday name (`Jan`, `March`, `Tuesday`).
pub(super) fn calendar_word(lower: &str) -> bool {
    is_date_word(lower) || matches!(lower, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

/// Names that [`person_cue`] words introduce: the run of capitalised words after the cue
/// (at most 4, stopping at the next cue) becomes one PER mention, replacing what the model
/// found there; for `alias`, a mention ending right before the cue becomes PER, and one
/// that runs across it is cut there. After a [`role_cue`], a mention starting right there
/// is retyped PER (its span kept: `Tamsin al-Oraibi`) unless it is a place of the
/// gazetteer, else the run is taken. Left alone in ALL-CAPS lines. Linear.
pub(super) fn cued_names(text: &str, toks: &[Span], infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
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
pub(super) fn person_spans(infos: &[TokInfo], mode: Mode, found: &mut [(usize, usize, u8, f32)]) {
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
pub(super) fn regnal(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    !w.is_empty() && (w == "I" || (w.len() >= 2 && w.len() <= 5 && w.bytes().all(|c| b"IVXL".contains(&c))))
}

/// People's names the model ran across a sentence end after a regnal number (`Queen
/// Henry IV. Henry, who ruled …`): the mention is cut after the number (the full
/// stop leaves it) and the capitalised words after the stop are a person's mention of
/// their own.
pub(super) fn regnal_names(text: &str, toks: &[Span], infos: &[TokInfo], found: &mut Vec<(usize, usize, u8, f32)>) {
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

/// A nickname quoted inside a person's name (`Viktor "The Hammer" Dombrovsky`): after
/// a person's mention, a quoted run of at most 4 tokens and then capitalised words (at
/// most 2): those words are the person's surname, PER, replacing what the model typed
/// there (the quote mark then leaves the mention, as every mention's edge quotes do).
pub(super) fn nickname_names(text: &str, toks: &[Span], infos: &[TokInfo], found: &mut Vec<(usize, usize, u8, f32)>) {
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
        // (the model may take the closing quote into the surname: `” Dombrovsky`)
        if found.iter().any(|f| f.0 <= b && c <= f.1 && (f.0 < c || f.1 > b)) {
            continue;
        }
        replace_span(found, c, b, 1);
    }
}
