//! Matchers: each returns the token index after the match and its meaning.

use super::*;

pub(super) type M = Option<(usize, Sem)>;

pub(super) fn m_month_date(cx: &Cx, i: usize) -> M {
    let (m, j, abbr) = month_at(cx, i)?;
    if let Some((d, k)) = day_at(cx, j) {
        if cx.att(k) && cx.kind(k) == Some(Kind::Num) {
            return None;
        }
        if d > days_in_month(2000, m) {
            return None;
        }
        let k2 = if cx.s(k) == "," { k + 1 } else { k };
        if let Some(y) = year_at(cx, k2) {
            return Some((k2 + 1, Sem::Date { y: Some(y), m, d: Some(d) }));
        }
        return Some((k, Sem::Date { y: None, m, d: Some(d) }));
    }
    let k = if cx.is(j, "of") { j + 1 } else { j };
    if let Some(y) = year_at(cx, k) {
        return Some((k + 1, Sem::Date { y: Some(y), m, d: None }));
    }
    if abbr && !(cx.s(i).len() > 3 && m != 9) {
        return None;
    }
    // `May` and `March` alone need a cue before them (`in May`), not a modal or verb.
    if (m == 5 || m == 3) && !cx.any(i.wrapping_sub(1), DATE_PREP) {
        return None;
    }
    // A month name inside a run of capitalised words is a name (`August Strindberg`).
    if cx.word(j) && cx.cap(j) && weekday_at(cx, j).is_none() && !cx.any(j, &["The", "A", "In", "On"]) {
        return None;
    }
    Some((j, Sem::Date { y: None, m, d: None }))
}

pub(super) fn m_day_month(cx: &Cx, i: usize) -> M {
    // `9 January 2026`, `the 9th of January`
    let (d, j) = day_at(cx, i)?;
    let j = if cx.is(j, "of") { j + 1 } else { j };
    let (m, k, _) = month_at(cx, j)?;
    if d > days_in_month(2000, m) {
        return None;
    }
    let k2 = if cx.s(k) == "," { k + 1 } else { k };
    if let Some(y) = year_at(cx, k2) {
        return Some((k2 + 1, Sem::Date { y: Some(y), m, d: Some(d) }));
    }
    Some((k, Sem::Date { y: None, m, d: Some(d) }))
}

pub(super) fn m_weekday(cx: &Cx, i: usize) -> M {
    let wd = weekday_at(cx, i)?;
    let j = i + 1;
    let k = if cx.s(j) == "," { j + 1 } else { j };
    if let Some((e, sem @ Sem::Date { d: Some(_), .. })) = m_month_date(cx, k).or_else(|| m_day_month(cx, k)) {
        return Some((e, sem));
    }
    let base = Sem::Weekday { wd, shift: None };
    if let Some(p) = part_of_day(cx.s(j)) {
        return Some((j + 1, Sem::Part { base: Box::new(base), part: p }));
    }
    Some((j, base))
}

pub(super) fn shift_word(cx: &Cx, i: usize) -> Option<(i32, usize)> {
    let s = cx.s(i).to_ascii_lowercase();
    match s.as_str() {
        "last" | "previous" => Some((-1, i + 1)),
        "next" | "coming" => Some((1, i + 1)),
        "this" if cx.is(i + 1, "past") => Some((-1, i + 2)),
        "this" if cx.is(i + 1, "coming") => Some((1, i + 2)),
        "this" => Some((0, i + 1)),
        _ => None,
    }
}

pub(super) fn m_deictic(cx: &Cx, i: usize) -> M {
    let s = cx.s(i).to_ascii_lowercase();
    let day = match s.as_str() {
        "yesterday" => Some(-1),
        "today" => Some(0),
        "tomorrow" => Some(1),
        "tonight" => return Some((i + 1, Sem::Part { base: Box::new(Sem::Rel { unit: Unit::Day, n: 0 }), part: "NI" })),
        _ => None,
    };
    if let Some(n) = day {
        let base = Sem::Rel { unit: Unit::Day, n };
        if let Some(p) = part_of_day(cx.s(i + 1)) {
            return Some((i + 2, Sem::Part { base: Box::new(base), part: p }));
        }
        return Some((i + 1, base));
    }
    let (n, j) = shift_word(cx, i)?;
    // `this morning`, `last night`
    if let Some(p) = part_of_day(cx.s(j)) {
        if n == 0 || (n == -1 && p == "NI") {
            return Some((j + 1, Sem::Part { base: Box::new(Sem::Rel { unit: Unit::Day, n }), part: p }));
        }
        return None;
    }
    let w = cx.s(j).to_ascii_lowercase();
    let unit = match w.as_str() {
        "week" => Some(Unit::Week),
        "weekend" => Some(Unit::Weekend),
        "month" => Some(Unit::Month),
        "quarter" => Some(Unit::Quarter),
        "year" => Some(Unit::Year),
        _ => None,
    };
    if let Some(unit) = unit {
        // `last year's` is fine; `this year-long` is not
        if cx.att(j + 1) && cx.dash(j + 1) {
            return None;
        }
        return Some((j + 1, Sem::Rel { unit, n }));
    }
    if w == "decade" || w == "century" {
        return Some((j + 1, Sem::Ref(if n < 0 { "PAST_REF" } else if n > 0 { "FUTURE_REF" } else { "PRESENT_REF" })));
    }
    if let Some(wd) = weekday_at(cx, j) {
        let base = Sem::Weekday { wd, shift: Some(n) };
        if let Some(p) = part_of_day(cx.s(j + 1)) {
            return Some((j + 2, Sem::Part { base: Box::new(base), part: p }));
        }
        return Some((j + 1, base));
    }
    if let Some((m, k, abbr)) = month_at(cx, j) {
        if !abbr {
            return Some((k, Sem::Month { m, shift: n }));
        }
    }
    if let Some(sc) = season_code(&w) {
        return Some((j + 1, Sem::Season { s: sc, y: None, shift: Some(n) }));
    }
    None
}

pub(super) fn m_year(cx: &Cx, i: usize) -> M {
    // `'90s`
    if matches!(cx.s(i), "'" | "’") {
        let (v, n) = cx.digits(i + 1)?;
        if n == 2 && cx.att(i + 1) && v % 10 == 0 && cx.att(i + 2) && cx.is(i + 2, "s") {
            let c = if v >= 30 { 190 } else { 200 };
            return Some((i + 3, Sem::Decade(c + v as i32 / 10)));
        }
        return None;
    }
    let y = year_at(cx, i)?;
    // `1990s`
    if cx.att(i + 1) && cx.is(i + 1, "s") {
        return (y % 10 == 0).then(|| (i + 2, Sem::Decade(y / 10)));
    }
    // ISO `2026-01-09`, `2026-01`
    if cx.att(i + 1) && (cx.s(i + 1) == "-" || cx.s(i + 1) == "/") && cx.att(i + 2) {
        if let Some((m, 2)) = cx.digits(i + 2) {
            if cx.s(i + 2).starts_with('0') || (cx.s(i + 3) == cx.s(i + 1) && cx.att(i + 3)) {
                if !(1..=12).contains(&m) {
                    return None;
                }
                if cx.s(i + 3) == cx.s(i + 1) && cx.att(i + 3) && cx.att(i + 4) {
                    let (d, n) = cx.digits(i + 4)?;
                    if n != 2 || d == 0 || d > days_in_month(y, m) {
                        return None;
                    }
                    return Some((i + 5, Sem::Date { y: Some(y), m, d: Some(d) }));
                }
                return Some((i + 3, Sem::Date { y: Some(y), m, d: None }));
            }
        }
    }
    // ranges `1910-45`, `1998-2000`, `1910 – 1945`, `2025/26`
    if cx.dash(i + 1) || (cx.s(i + 1) == "/" && cx.att(i + 1)) {
        if let Some((v, n)) = cx.digits(i + 2) {
            let y2 = match n {
                2 => Some(y - y % 100 + v as i32),
                4 => Some(v as i32),
                _ => None,
            };
            if let Some(y2) = y2.filter(|&y2| y2 > y && y2 - y < 200) {
                if !(cx.s(i + 3) == "-" && cx.att(i + 3)) {
                    return Some((i + 3, Sem::Range(y, y2)));
                }
            }
        }
    }
    if let Some((e, Sem::Quarter { q, y: None })) = m_quarter(cx, i + 1) {
        return Some((e, Sem::Quarter { q, y: Some(y) }));
    }
    let prev = i.wrapping_sub(1);
    let cued = cx.any(prev, DATE_PREP);
    if !cued && !(1900..=2099).contains(&y) {
        return None;
    }
    if matches!(cx.s(prev), "$" | "£" | "€" | "¥" | "#" | "₹") || cx.kind(prev) == Some(Kind::Num) || cx.any(prev, &["no", "number", "flight", "route", "article", "section", "room", "model", "version"]) {
        return None;
    }
    if matches!(cx.s(i + 1), "%" | ":") || cx.any(i + 1, COUNT_NOUNS) || (cx.kind(i + 1) == Some(Kind::Num) && cx.att(i + 1)) {
        return None;
    }
    Some((i + 1, Sem::Year(y)))
}

pub(super) fn ampm(cx: &Cx, i: usize) -> Option<(bool, usize)> {
    let s = cx.s(i).to_ascii_lowercase();
    match s.as_str() {
        "am" => Some((false, i + 1)),
        "pm" => Some((true, i + 1)),
        "a" | "p" if cx.s(i + 1) == "." && cx.att(i + 1) && cx.is(i + 2, "m") && cx.att(i + 2) => {
            let j = if cx.s(i + 3) == "." && cx.att(i + 3) { i + 4 } else { i + 3 };
            Some((s == "p", j))
        }
        _ => None,
    }
}

pub(super) const ZONES: &[&str] = &[
    "GMT", "UTC", "BST", "CET", "CEST", "EET", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT",
    "JST", "KST", "IST", "AEST", "AEDT", "HKT", "SGT", "WIB",
];

pub(super) fn m_time(cx: &Cx, i: usize) -> M {
    let s = cx.s(i);
    let (mut h, min, mut j) = if cx.kind(i) == Some(Kind::Num) && (s.contains(':') || (s.contains('.') && ampm(cx, i + 1).is_some())) {
        // `10:26`, and `10.30am` / `10.30 p.m.` (the British dot only before am/pm)
        let mut it = s.split([':', '.']);
        let (a, b) = (it.next()?, it.next()?);
        if it.next().is_some() || a.len() > 2 || b.len() != 2 {
            return None;
        }
        let (h, m): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        if h > 24 || m > 59 {
            return None;
        }
        (h, m, i + 1)
    } else if let Some((hhmm, 4)) = cx.digits(i).filter(|_| cx.kind(i + 1) == Some(Kind::Word) && ZONES.contains(&cx.s(i + 1))) {
        // wire style `0735 GMT`
        if hhmm / 100 > 23 || hhmm % 100 > 59 {
            return None;
        }
        (hhmm / 100, hhmm % 100, i + 1)
    } else if let Some((h, n)) = cx.digits(i) {
        if n > 2 || !(1..=12).contains(&h) {
            return None;
        }
        if ampm(cx, i + 1).is_none() && !(cx.is(i + 1, "o") && cx.s(i + 2) == "'" && cx.is(i + 3, "clock")) {
            return None;
        }
        (h, 0, i + 1)
    } else if cx.any(i, &["noon", "midday"]) {
        (12, 0, i + 1)
    } else if cx.is(i, "midnight") {
        (24, 0, i + 1)
    } else {
        return None;
    };
    if let Some((pm, k)) = ampm(cx, j) {
        if h > 12 {
            return None;
        }
        if pm && h < 12 {
            h += 12;
        } else if !pm && h == 12 {
            h = 0;
        }
        j = k;
    } else if cx.is(j, "o") && cx.s(j + 1) == "'" && cx.is(j + 2, "clock") {
        j += 3;
    }
    let mut utc = false;
    if cx.kind(j) == Some(Kind::Word) && ZONES.iter().any(|z| *z == cx.s(j)) {
        utc = matches!(cx.s(j), "GMT" | "UTC");
        j += 1;
    } else if cx.is(j, "local") && cx.is(j + 1, "time") {
        j += 2;
    }
    // `10 p.m. Wednesday`, `5 p.m. EST, Nov. 6`
    let k = if cx.s(j) == "," { j + 1 } else { j };
    let base = m_weekday(cx, k)
        .filter(|(_, s)| !matches!(s, Sem::Part { .. }))
        .or_else(|| m_month_date(cx, k).filter(|(_, s)| matches!(s, Sem::Date { d: Some(_), .. })))
        .or_else(|| m_deictic(cx, k).filter(|(_, s)| matches!(s, Sem::Rel { unit: Unit::Day, .. })));
    if let Some((e, b)) = base {
        return Some((e, Sem::Time { base: Some(Box::new(b)), h, min, utc }));
    }
    Some((j, Sem::Time { base: None, h, min, utc }))
}

pub(super) fn m_duration(cx: &Cx, i: usize) -> M {
    // the count
    let lw = cx.s(i).to_ascii_lowercase();
    let (n, j, article): (Option<f64>, usize, bool) = if cx.kind(i) == Some(Kind::Num) {
        let v = parse_digits(cx.s(i))?;
        // `5 1/2 hours`
        if cx.digits(i + 1).is_some_and(|(a, _)| a == 1) && cx.s(i + 2) == "/" && cx.is(i + 3, "2") {
            (Some(v + 0.5), i + 4, false)
        } else {
            (Some(v), i + 1, false)
        }
    } else if lw == "a" || lw == "an" {
        if cx.is(i + 1, "few") {
            (None, i + 2, false)
        } else if cx.is(i + 1, "couple") && cx.is(i + 2, "of") {
            (Some(2.0), i + 3, false)
        } else {
            (Some(1.0), i + 1, true)
        }
    } else if matches!(lw.as_str(), "several" | "few" | "many") {
        (None, i + 1, false)
    } else if let Some((v, j)) = number_words(cx.text, cx.toks, i) {
        if v == 0.0 {
            return None;
        }
        (Some(v), j, false)
    } else {
        return None;
    };
    // `two-year`, `16-hour`
    let (hy, j) = if cx.dash(j) && cx.att(j) && cx.att(j + 1) { (true, j + 1) } else { (false, j) };
    let (unit, plural) = unit_of(cx.s(j))?;
    if hy && plural {
        return None;
    }
    if article && (unit == "S" || plural) {
        return None; // `a second visit`, `a decades-long feud`
    }
    let e = j + 1;
    // ages (`6-year-old`, `52 years old`) are not time expressions
    if (hy && cx.dash(e) && cx.att(e) && cx.is(e + 1, "old")) || cx.is(e, "old") {
        return None;
    }
    // `second(s)` only after a spelled or small number (`1988 second quarter` is not a duration)
    if unit == "S" && (cx.kind(i) == Some(Kind::Num) && n.is_some_and(|v| v >= 1000.0) || ordinal_word(cx.s(j)).is_some() && (cx.is(e, "quarter") || cx.is(e, "half"))) {
        return None;
    }
    if !hy && (cx.is(e, "ago") || (cx.is(e, "earlier") && n.is_some())) {
        let rel = match (n, unit) {
            (Some(v), "D" | "W" | "M" | "Y" | "DE" | "CE") if v.fract() == 0.0 && v <= 5000.0 => {
                let v = v as i32;
                let (u, v) = match unit {
                    "D" => (Unit::Day, v),
                    "W" => (Unit::Week, v),
                    "M" => (Unit::Month, v),
                    "DE" => (Unit::Year, v * 10),
                    "CE" => (Unit::Year, v * 100),
                    _ => (Unit::Year, v),
                };
                Sem::Rel { unit: u, n: -v }
            }
            _ => Sem::Ref("PAST_REF"),
        };
        return Some((e + 1, rel));
    }
    // `twice a week`, `$33 million a year`, `hundreds of interviews a day`
    let p = i.wrapping_sub(1);
    let rate = cx.any(p, &["once", "twice", "times", "per", "million", "billion", "thousand", "hundred"])
        || cx.kind(p) == Some(Kind::Num)
        || (cx.lower(p) && cx.s(p).len() > 3 && cx.s(p).ends_with('s') && !cx.s(p).ends_with("ss") && !cx.any(p, &["was", "is", "has", "as", "this", "its", "his", "less", "across", "towards"]));
    if article && rate && !cx.is(e, "ago") && !cx.is(e, "earlier") && !cx.is(e, "later") {
        return Some((e, Sem::Set(duration_value(Some(1.0), unit))));
    }
    Some((e, Sem::Duration(duration_value(n, unit))))
}

/// Bare plural units: `for years`, `over the years`, `days after`, `recent weeks`; and
/// `day-long`, `decades-long`.
pub(super) fn m_bare_units(cx: &Cx, i: usize) -> M {
    let (unit, plural) = unit_of(cx.s(i))?;
    if cx.att(i + 1) && cx.dash(i + 1) && cx.att(i + 2) && cx.is(i + 2, "long") && cx.lower(i) {
        return Some((i + 3, Sem::Duration(duration_value(if plural { None } else { Some(1.0) }, unit))));
    }
    if !plural || !cx.lower(i) {
        return None;
    }
    let p = i.wrapping_sub(1);
    if cx.is(p, "recent") && unit != "Y" {
        return Some((i + 1, Sem::Duration(duration_value(None, unit))));
    }
    if cx.any(p, &["recent", "past"]) && !cx.is(p.wrapping_sub(1), "the") {
        return Some((i + 1, Sem::Ref("PAST_REF")));
    }
    if cx.is(p, "coming") {
        return Some((i + 1, Sem::Ref("FUTURE_REF")));
    }
    let ok = cx.any(p, &["for", "within"])
        || (cx.is(p, "the") && cx.any(p.wrapping_sub(1), &["over", "for", "during", "in"]))
        || cx.any(i + 1, &["after", "later", "before", "earlier", "ago", "long"]);
    ok.then(|| (i + 1, Sem::Duration(duration_value(None, unit))))
}

pub(super) fn m_quarter(cx: &Cx, i: usize) -> M {
    let (q, j) = if let Some(o) = ordinal_word(cx.s(i)) {
        let j = if cx.dash(i + 1) && cx.att(i + 1) { i + 2 } else { i + 1 };
        if cx.is(j, "quarter") && o <= 4 {
            (o, j + 1)
        } else if cx.is(j, "half") && o <= 2 {
            (4 + o, j + 1)
        } else {
            return None;
        }
    } else if (cx.s(i) == "Q" || cx.s(i) == "H") && cx.att(i + 1) {
        let (v, _) = cx.digits(i + 1)?;
        match (cx.s(i), v) {
            ("Q", 1..=4) => (v, i + 2),
            ("H", 1..=2) => (4 + v, i + 2),
            _ => return None,
        }
    } else {
        return None;
    };
    // `of 2025`, ` 2025`
    let k = if cx.is(j, "of") { j + 1 } else { j };
    if let Some(y) = year_at(cx, k) {
        return Some((k + 1, Sem::Quarter { q, y: Some(y) }));
    }
    Some((j, Sem::Quarter { q, y: None }))
}

pub(super) fn m_season(cx: &Cx, i: usize) -> M {
    let sc = season_code(cx.s(i))?;
    if cx.is(i, "fall") && !cx.is(i.wrapping_sub(1), "the") {
        return None;
    }
    let k = if cx.is(i + 1, "of") { i + 2 } else { i + 1 };
    if let Some(y) = year_at(cx, k) {
        return Some((k + 1, Sem::Season { s: sc, y: Some(y), shift: None }));
    }
    if cx.is(i + 1, "of") {
        return None; // `the spring of discontent`
    }
    if cx.any(i.wrapping_sub(1), &["the", "in", "this", "last", "next", "early", "late"]) && !(cx.att(i + 1) && cx.dash(i + 1)) {
        return Some((i + 1, Sem::Season { s: sc, y: None, shift: None }));
    }
    None
}

pub(super) fn m_ref(cx: &Cx, i: usize) -> M {
    let s = cx.s(i).to_ascii_lowercase();
    let r = match s.as_str() {
        "now" | "currently" | "nowadays" => "PRESENT_REF",
        "recently" | "lately" => "PAST_REF",
        "these" if cx.is(i + 1, "days") => return Some((i + 2, Sem::Ref("PRESENT_REF"))),
        "the" if cx.is(i + 1, "past") && cx.any(i.wrapping_sub(1), &["in", "than"]) && !cx.word(i + 2) => {
            return Some((i + 2, Sem::Ref("PAST_REF")))
        }
        "the" if cx.is(i + 1, "future") && cx.any(i.wrapping_sub(1), &["in", "near", "the"]) => {
            return Some((i + 2, Sem::Ref("FUTURE_REF")))
        }
        "the" if cx.is(i + 1, "near") && cx.is(i + 2, "future") => return Some((i + 3, Sem::Ref("FUTURE_REF"))),
        // `the quarter`, `the latest quarter` (financial copy: the quarter just reported), `the current quarter`
        "the" => {
            let (n, j) = match cx.s(i + 1).to_ascii_lowercase().as_str() {
                "latest" | "past" | "previous" => (-1, i + 2),
                "current" => (0, i + 2),
                "most" if cx.is(i + 2, "recent") => (-1, i + 3),
                _ => (-1, i + 1),
            };
            if cx.is(j, "quarter") && !(cx.att(j + 1) && cx.dash(j + 1)) {
                return Some((j + 1, Sem::Rel { unit: Unit::Quarter, n }));
            }
            if j == i + 1 && cx.is(j, "weekend") {
                return Some((j + 1, Sem::Weekend));
            }
            // `the end of the year`, `the rest of the month`
            let p = i.wrapping_sub(1);
            if j == i + 1 && cx.is(p, "of") && cx.any(p.wrapping_sub(1), &["end", "start", "beginning", "middle", "rest", "remainder"]) {
                let unit = match cx.s(j).to_ascii_lowercase().as_str() {
                    "year" => Unit::Year,
                    "month" => Unit::Month,
                    "week" => Unit::Week,
                    _ => return None,
                };
                return Some((j + 1, Sem::Rel { unit, n: 0 }));
            }
            return None;
        }
        _ => return None,
    };
    // `now` as a discourse word at the head of a clause is still PRESENT_REF in TimeML.
    Some((i + 1, Sem::Ref(r)))
}

pub(super) fn m_set(cx: &Cx, i: usize) -> M {
    let s = cx.s(i).to_ascii_lowercase();
    let v = match s.as_str() {
        "daily" | "nightly" => "P1D",
        "weekly" => "P1W",
        "monthly" => "P1M",
        "annually" | "yearly" => "P1Y",
        "hourly" => "PT1H",
        "every" | "each" => {
            let j = if cx.is(i + 1, "other") { i + 2 } else { i + 1 };
            if let Some(wd) = weekday_at(cx, j) {
                return Some((j + 1, Sem::Set(format!("XXXX-WXX-{wd}"))));
            }
            if let Some((m, k, false)) = month_at(cx, j) {
                return Some((k, Sem::Set(format!("XXXX-{m:02}"))));
            }
            if cx.is(j, "quarter") {
                return Some((j + 1, Sem::Set("P3M".to_string())));
            }
            let (u, plural) = unit_of(cx.s(j))?;
            if plural {
                return None;
            }
            return Some((j + 1, Sem::Set(duration_value(Some(if j == i + 2 { 2.0 } else { 1.0 }), u))));
        }
        _ => return None,
    };
    // `daily` as an adjective before a noun is still a SET in TimeML.
    Some((i + 1, Sem::Set(v.to_string())))
}

pub(super) fn m_century(cx: &Cx, i: usize) -> M {
    // `the 20th century`, `the nineteenth century`
    let (c, j) = if let Some((v, n)) = cx.digits(i) {
        if n > 2 || !cx.att(i + 1) || !cx.any(i + 1, &["st", "nd", "rd", "th"]) {
            return None;
        }
        (v, i + 2)
    } else {
        let o = ordinal_word(cx.s(i)).or_else(|| {
            let s = cx.s(i).to_ascii_lowercase();
            ["thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
                .iter()
                .position(|w| *w == s)
                .map(|p| p as u32 + 13)
        })?;
        if cx.is(i + 1, "twenty") && cx.dash(i + 2) {
            return None;
        }
        (o, i + 1)
    };
    if !cx.is(j, "century") || c == 0 || c > 22 {
        return None;
    }
    Some((j + 1, Sem::Century(c as i32 - 1)))
}

/// `'s` glued after token `i - 1`: returns the index after it.
pub(super) fn possessive(cx: &Cx, i: usize) -> Option<usize> {
    (matches!(cx.s(i), "'" | "’") && cx.att(i) && cx.is(i + 1, "s") && cx.att(i + 1)).then_some(i + 2)
}

pub(super) fn m_holiday(cx: &Cx, i: usize) -> M {
    if !cx.cap(i) {
        return None;
    }
    let fixed = |m, d| Sem::Holiday { fixed: Some((m, d)), movable: 0, delta: 0 };
    let movable = |k, delta| Sem::Holiday { fixed: None, movable: k, delta };
    let w = cx.s(i).to_ascii_lowercase();
    match w.as_str() {
        "christmas" => Some(match cx.s(i + 1) {
            "Eve" => (i + 2, fixed(12, 24)),
            "Day" => (i + 2, fixed(12, 25)),
            _ => (i + 1, fixed(12, 25)),
        }),
        "boxing" if cx.s(i + 1) == "Day" => Some((i + 2, fixed(12, 26))),
        "halloween" => Some((i + 1, fixed(10, 31))),
        "valentine" => {
            let j = possessive(cx, i + 1)?;
            (cx.s(j) == "Day").then_some((j + 1, fixed(2, 14)))
        }
        "new" if cx.s(i + 1) == "Year" => {
            if cx.any(i.wrapping_sub(1), &["lunar", "chinese", "jewish", "persian", "iranian", "vietnamese", "tibetan", "islamic"]) {
                return None;
            }
            let j = possessive(cx, i + 2).unwrap_or(i + 2);
            Some(match cx.s(j) {
                "Eve" => (j + 1, fixed(12, 31)),
                "Day" => (j + 1, fixed(1, 1)),
                _ => (j, fixed(1, 1)),
            })
        }
        "easter" => Some(match cx.s(i + 1) {
            "Sunday" => (i + 2, movable(0, 0)),
            "Monday" => (i + 2, movable(0, 1)),
            _ => (i + 1, movable(0, 0)),
        }),
        "good" if cx.s(i + 1) == "Friday" => Some((i + 2, movable(0, -2))),
        "thanksgiving" => Some(if cx.s(i + 1) == "Day" { (i + 2, movable(1, 0)) } else { (i + 1, movable(1, 0)) }),
        _ => None,
    }
}

/// Easter Sunday of year `y` (anonymous Gregorian computus), as days since the epoch.
pub(super) fn easter(y: i32) -> i64 {
    let (a, b, c) = (y.rem_euclid(19), y.div_euclid(100), y.rem_euclid(100));
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    days(y, month as u32, day as u32)
}

/// US Thanksgiving (fourth Thursday of November) of year `y`.
pub(super) fn thanksgiving(y: i32) -> i64 {
    let first = days(y, 11, 1);
    let to_thu = (4 + 7 - weekday(first) as i64) % 7;
    first + to_thu + 21
}

pub(super) fn best_match(cx: &Cx, i: usize) -> M {
    let ms: [fn(&Cx, usize) -> M; 14] = [
        m_holiday,
        m_month_date,
        m_day_month,
        m_weekday,
        m_deictic,
        m_year,
        m_time,
        m_duration,
        m_bare_units,
        m_quarter,
        m_season,
        m_ref,
        m_set,
        m_century,
    ];
    let ms: &[fn(&Cx, usize) -> M] = match cx.kind(i) {
        Some(Kind::Word) => &ms,
        Some(Kind::Num) => &ms[..],
        _ if matches!(cx.s(i), "'" | "’") => &[m_year],
        _ => return None,
    };
    let mut best: M = None;
    for &m in ms {
        if let Some((e, s)) = m(cx, i) {
            if e > i && e <= cx.toks.len() && best.as_ref().is_none_or(|(b, _)| e > *b) {
                best = Some((e, s));
            }
        }
    }
    best
}

/// Widen a match at `s` over the modifiers before it (never before `floor`).
pub(super) fn extend_back(cx: &Cx, mut s: usize, sem: &Sem, floor: usize) -> usize {
    let dur = matches!(sem, Sem::Duration(_) | Sem::Rel { .. } | Sem::Time { .. } | Sem::Ref("PAST_REF"));
    let the_ok = matches!(
        sem,
        Sem::Duration(_) | Sem::Quarter { .. } | Sem::Decade(_) | Sem::Century(_) | Sem::Season { .. } | Sem::Rel { unit: Unit::Weekend, .. }
    );
    // TimeML leaves `the` out of bare plurals (`the weeks before`) and adjectival quarters (`the third-quarter loss`)
    let start = s;
    let bare = matches!(sem, Sem::Duration(v) if v.contains('X'))
        || (matches!(sem, Sem::Quarter { .. } | Sem::Duration(_)) && cx.dash(s + 1) && cx.att(s + 1));
    for _ in 0..4 {
        if s <= floor {
            break;
        }
        let p = s - 1;
        let w = cx.s(p).to_ascii_lowercase();
        let two = |a: &str, b: &str| p > floor && cx.is(p - 1, a) && w == b;
        // `mid-November`, `mid-1990s`
        if cx.dash(p) && !cx.toks[p].sp && !cx.att(s) && p > floor && cx.any(p - 1, &["mid", "late", "early"]) {
            s = p - 1;
            continue;
        }
        if cx.dash(p) && cx.att(s) && p > floor && cx.any(p - 1, &["mid"]) && cx.att(p) {
            s = p - 1;
            continue;
        }
        if matches!(w.as_str(), "early" | "late" | "mid" | "earlier" | "later") && !matches!(sem, Sem::Duration(_) | Sem::Set(_)) {
            s = p;
            continue;
        }
        if w == "fiscal" && matches!(sem, Sem::Year(_) | Sem::Quarter { .. }) {
            s = p;
            continue;
        }
        if w == "of" && p >= floor + 2 && cx.is(p - 2, "the") && cx.any(p - 1, &["end", "start", "beginning", "middle", "turn"]) && !matches!(sem, Sem::Duration(_)) {
            s = p - 2;
            continue;
        }
        if dur && matches!(sem, Sem::Duration(_)) && matches!(w.as_str(), "past" | "last" | "next" | "first" | "coming" | "previous" | "following" | "latest" | "final") {
            s = p;
            continue;
        }
        if dur && matches!(w.as_str(), "nearly" | "almost") {
            s = p;
            continue;
        }
        if dur && (two("more", "than") || two("less", "than") || two("at", "least") || two("up", "to") || two("at", "most") || two("fewer", "than")) {
            s = p - 1;
            continue;
        }
        let unit_start = s == start && cx.word(start) && unit_of(cx.s(start)).is_some();
        if unit_start && ((w == "recent" || w == "past") && matches!(sem, Sem::Duration(_) | Sem::Ref("PAST_REF")) || w == "coming" && matches!(sem, Sem::Ref("FUTURE_REF"))) {
            s = p;
            continue;
        }
        if w == "the" && (the_ok || matches!(sem, Sem::Ref("FUTURE_REF"))) && (!bare || s < start) {
            s = p;
            continue;
        }
        break;
    }
    s
}
