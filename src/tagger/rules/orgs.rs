//! Organisation names the model misses or cuts: name heads (`Ministry`, `FC`, `Inc.`), tickers,
//! legal forms after a comma, company context, coordinated heads, sports teams, acronyms and
//! their definitions, site names.

use super::*;

/// Whether `t` heads an organisation's name: a word of `src/data/lexicon/hand/org_word.txt`
/// (`Police`, `Ministry`, `Party`, `Inc.`, `FC`) or of a few more institution words, but
/// not `League` (competitions are MISC), `Commissioner` (a person) or words that need an
/// `of` after them to name one (`Government`, `Cabinet`: `the Kenyan Government`).
pub(super) fn org_head(t: &TokInfo) -> u8 {
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
pub(super) fn press_word(t: &TokInfo) -> bool {
    t.init_cap
        && matches!(
            t.lower.as_str(),
            "times" | "post" | "mail" | "herald" | "tribune" | "journal" | "gazette" | "daily" | "telegraph" | "chronicle" | "observer" | "news"
                | "press" | "presse"
        )
}

/// Legal forms (`Inc.`, `Corp`, `plc`): the end of a company's name, never followed by
/// `of X` inside it (`Kia Motor Corp of South Korea` is a company and a place).
pub(super) fn legal_form(t: &TokInfo) -> bool {
    matches!(
        t.lower.trim_end_matches('.'),
        "inc" | "corp" | "co" | "ltd" | "plc" | "llc" | "llp" | "ag" | "sa" | "s.a" | "gmbh" | "nv" | "spa" | "limited" | "corporation" | "incorporated"
    )
}

/// Buildings and grounds that CoNLL-2003 types as places when the model does
/// (`Central Clinical Hospital`, `National Tennis Centre`).
pub(super) fn building(t: &TokInfo) -> bool {
    matches!(t.lower.as_str(), "hospital" | "centre" | "center" | "school" | "museum" | "college")
}

/// Small words inside an organisation's name: 3 for `of`, `for`, 2 for `in`, `on` (only
/// after an `of`/`for`: `Organisation for Security and Cooperation in Europe`), 1 for
/// `and`, `&`, 0 otherwise.
pub(super) fn org_link(t: &TokInfo) -> u8 {
    match t.lower.as_str() {
        "of" | "for" => 3,
        "in" | "on" => 2,
        "and" | "&" => 1,
        _ => 0,
    }
}

/// A word that starts a sentence or a phrase but no organisation's name: articles,
/// determiners, prepositions and conjunctions (`The Commerce Department`).
pub(super) fn lead_word(t: &TokInfo) -> bool {
    matches!(
        t.lower.as_str(),
        "the" | "a" | "an" | "in" | "at" | "on" | "when" | "after" | "but" | "and" | "if" | "as" | "while" | "for" | "from"
            | "by" | "with" | "this" | "that" | "its" | "his" | "her" | "their" | "our" | "meanwhile" | "yesterday" | "today"
            | "both" | "neither" | "every" | "each" | "some" | "many" | "since" | "before" | "under" | "until" | "then"
    )
}

/// Adjectives of a verdict (`Great`, `Poor`, `Best`): before a lone head word they make a
/// review's heading, not a name (`Great Service`); in longer names they stay (`Great
/// Ormond Street Hospital`).
pub(super) fn verdict(t: &TokInfo) -> bool {
    matches!(
        t.lower.as_str(),
        "great" | "good" | "best" | "better" | "excellent" | "awesome" | "amazing" | "fantastic" | "wonderful" | "superb"
            | "outstanding" | "nice" | "friendly" | "lovely" | "perfect" | "poor" | "bad" | "worst" | "terrible" | "horrible"
            | "awful" | "rude" | "slow" | "fast" | "quick"
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
pub(super) fn org_names(infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
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
        // a verdict on a head word is a review's heading (`Great Service`, `Poor School`)
        if e - a == 2 && verdict(&infos[a]) {
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

/// Stock-exchange listings, as press releases and wire copy write them: the exchange in
/// `(NYSE: ABT)`, `(Nasdaq | TSX: TLRY)` is an organisation (an ALL-CAPS word or
/// `Nasdaq`), and so is the capitalised name right before such a listing or before a
/// Reuters instrument code (`Barclays <BARC.L>`): a mention ending there is retyped ORG,
/// else the run of capitalised words (with `&` inside) becomes one. Linear.
pub(super) fn ticker_names(text: &str, toks: &[Span], infos: &[TokInfo], found: &mut Vec<(usize, usize, u8, f32)>) {
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

/// Companies written with a comma before their legal form (`INTERSOLV, Inc.`, `Mars,
/// Incorporated`, `Acme Widgets, Ltd.`): the name and the legal form are one ORG. The
/// name is the model's mention ending right before the comma, else the run of capitalised
/// words there (at most 4, no leading articles or prepositions). Not in ALL-CAPS sentences.
pub(super) fn comma_legal_names(infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
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
/// (`Brindlecorp stockholders`, `Velmora board`, `Tesco's shares`). A one-token mention
/// right before one (after a possessive `'s` for `shares` and `stock`, which are verbs
/// too) is retyped ORG.
pub(super) fn company_context(infos: &[TokInfo], found: &mut [(usize, usize, u8, f32)]) {
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

/// Two organisations coordinated on one head (`Freight Services and Payment Services`)
/// that came out as one ORG mention are two; a lone head on the left takes the capitalised
/// word before it that no mention covers (`Freight` + `Services`).
pub(super) fn coordinated_heads(infos: &[TokInfo], found: &mut Vec<(usize, usize, u8, f32)>) {
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
pub(super) fn company_word(w: &str) -> bool {
    let l = w.trim_end_matches('.').to_lowercase();
    matches!(
        l.as_str(),
        "inc" | "corp" | "co" | "ltd" | "plc" | "llc" | "ag" | "gmbh" | "limited" | "corporation" | "incorporated" | "group"
            | "holdings" | "laboratories" | "labs" | "motors" | "airlines" | "airways" | "pharmaceuticals" | "pharma"
            | "technologies" | "systems" | "industries" | "enterprises" | "software" | "telecom" | "networks" | "studios"
    )
}

/// Words of match reports (`innings`, `wicket`, `striker`, `semi-final`, `kick-off`).
pub(super) fn sports_word(lower: &str) -> bool {
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
pub(super) fn sports_doc(doc: &PDoc) -> bool {
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
pub(super) fn team_names(infos: &[TokInfo], found: &mut [(usize, usize, u8, f32)]) {
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
pub(super) fn acronym_orgs(text: &str, toks: &[Span], infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
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

/// A name defined with its acronym (`The Council for Open Harbour Rights (COHR)`, `Keep
/// Harbour Towns Tidy's (KHTT)`, `Melbourne Cricket Ground (MCG)`): the words right before `(`
/// whose capitals spell the bracketed acronym, with small lowercase words (`to`, `of`,
/// `and`) inside and a possessive `'s` after, are one mention, and the acronym is a
/// mention of the same type. The type is the model's for exactly those words, else ORG
/// for an organisation's head, LOC for a place's, else the acronym's, else ORG. Left alone
/// when a mention crosses the long form's edge. Not in ALL-CAPS lines. Linear: each `(`
/// looks back at most 12 tokens.
pub(super) fn acronym_definitions(text: &str, toks: &[Span], infos: &[TokInfo], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
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

/// Whether a token is a site's name as pages print it: a web domain (`FT.com`, `68k.news`,
/// `Rediff.co.uk`: letters or digits, one dot or more, a common top-level domain) or a
/// camel-case brand of two capitalised words run together (`SocGen`, `PenNews`, with two
/// lowercase letters at least on each side; `MacArthur`, `FitzGerald` are surnames).
pub(super) fn site_name(w: &str) -> bool {
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
pub(super) fn site_names(text: &str, toks: &[Span], mode: Mode, found: &mut Vec<(usize, usize, u8, f32)>) {
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
