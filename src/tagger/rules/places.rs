//! Place names from heads (`River`, `Province`) and capitalised place lines.

use super::*;

/// Heads of place names: administrative areas, highways and transport hubs, capitalised
/// (not `Avenue`: UNER EWT spans `San Mateo` of `San Mateo Avenue`).
pub(super) fn place_head(t: &TokInfo) -> bool {
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
pub(super) fn place_names(infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
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
pub(super) fn caps_places(text: &str, toks: &[Span], infos: &[TokInfo], found: &mut Vec<(usize, usize, u8, f32)>) {
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

/// Outside match reports, a mention the model typed ORG that is exactly a city, country or
/// state of the gazetteer and no company, club, university or listed organisation
/// (`Fallujah`, a town's name in a thread about it) is the place, LOC: organisations named
/// after a place are sports clubs (left to [`team_names`]) or carry a head word.
pub(super) fn gazetteer_places(infos: &[TokInfo], mode: Mode, found: &mut [(usize, usize, u8, f32)]) {
    use crate::gazetteer::cat;
    if mode != Mode::Normal || infos.len() < 4 || !infos.iter().any(|t| t.alpha && !t.init_cap) {
        return;
    }
    let phrase = |c: u32, a: usize, b: usize| gaz_phrase(infos, c, a, b);
    let number = |i: usize| infos.get(i).is_some_and(|t| t.sshape.starts_with('d'));
    for f in found.iter_mut().filter(|f| f.2 == 2 && f.3 < 0.9) {
        // (the city list holds initials too: `BJP` is a party far more often)
        if infos[f.0].all_caps || number(f.1 + 1) || (f.0 > 0 && number(f.0 - 1)) {
            continue;
        }
        let place = [cat::CITY, cat::COUNTRY, cat::ADMIN1].iter().any(|&c| phrase(c, f.0, f.1));
        let org = [cat::COMPANY, cat::CLUB, cat::UNIVERSITY, cat::ORG_HAND, cat::WN_ORG].iter().any(|&c| phrase(c, f.0, f.1));
        if place && !org {
            f.2 = 3;
        }
    }
}

/// In a sentence written in lowercase (no capitalised word after the first but `I`), a
/// lowercase word where a place goes (after `in`, `to`, `from`, `at`, `near`, `of`, or
/// right after a place) that no mention covers and the gazetteer lists as a country or state
/// (`kerala`, `florida`), or as a city when it is no frequent English word (`noida`, not
/// `bath`), and as no first name or surname (`jordan`), is a place (LOC, confidence
/// 0.4): forum and chat text drops the capitals the model reads names by.
pub(super) fn lowercase_places(text: &str, toks: &[Span], infos: &[TokInfo], found: &mut Vec<(usize, usize, u8, f32)>) {
    use crate::gazetteer::cat;
    let lower = infos.iter().enumerate().skip(1).all(|(i, t)| !t.init_cap || !t.alpha || toks[i].slice(text) == "I");
    if !lower || infos.len() < 3 {
        return;
    }
    let one = |t: &TokInfo, c: u32| t.gaz & (1u128 << (c as u128 * 4 + 3)) != 0;
    let name = |t: &TokInfo| t.gaz & ((0xfu128 << (cat::FIRST_NAME * 4)) | (0xfu128 << (cat::SURNAME * 4))) != 0;
    // where a place goes: after `in`, `to`, `from`, … or right after another place
    let place_slot = |i: usize, found: &[(usize, usize, u8, f32)]| {
        i > 0
            && (matches!(infos[i - 1].lower.as_str(), "in" | "to" | "from" | "at" | "near" | "around" | "visit" | "visiting" | "of")
                || found.iter().any(|f| f.1 + 1 == i && f.2 == 3))
    };
    for (i, t) in infos.iter().enumerate() {
        if t.init_cap || !t.alpha || t.lower.len() < 4 || name(t) || found.iter().any(|f| f.0 <= i && i <= f.1) || !place_slot(i, found) {
            continue;
        }
        if one(t, cat::COUNTRY) || one(t, cat::ADMIN1) || (one(t, cat::CITY) && !matches!(t.rank, 1..=3)) {
            found.push((i, i, 3, 0.4));
        }
    }
}
