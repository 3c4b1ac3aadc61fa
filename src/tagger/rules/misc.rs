//! MISC names: laws and court cases, policies, eras and events.

use super::*;

/// Laws (CoNLL-2003 MISC): capitalised words ending in `Act`, with `of` and a year after
/// it kept in the span (`Securities Exchange Act of 1934`, `Online Safety Act`), in an
/// ordinary sentence. Replaces the model's mentions inside; left alone when a model
/// mention crosses the span's left edge.
pub(super) fn law_names(infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
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

/// Heads of the names of policies, plans and eras, MISC as CoNLL-2003 types the
/// `Marshall Plan`: `Clean Energy Strategy`, `Open Access Program`, `Peace Process`,
/// `Gilded Age`, `Chinese Dream`.
pub(super) fn policy_head(lower: &str) -> bool {
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
pub(super) fn event_names(infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
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
