//! Token context: the word lists and token tests the matchers share.

use super::*;

pub(super) const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
pub(super) const MONTH_ABBR: [&str; 13] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "sept"];
pub(super) const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Words before a bare month or year that make it a date (`in May`, `since 1991`).
pub(super) const DATE_PREP: &[&str] = &[
    "in", "since", "by", "until", "till", "of", "from", "to", "before", "after", "during", "between", "and", "through",
    "early", "late", "mid", "fiscal", "year", "the", "for", "circa", "around", "end", "or", "last", "next", "this", "on",
];

/// Nouns after a four-digit number that make it a count, not a year.
pub(super) const COUNT_NOUNS: &[&str] = &[
    "people", "percent", "per", "troops", "soldiers", "km", "kilometres", "kilometers", "miles", "metres", "meters",
    "feet", "tons", "tonnes", "votes", "members", "workers", "cases", "deaths", "units", "shares", "points",
    "residents", "homes", "jobs", "students", "dollars", "euros", "pounds", "yuan", "yen", "rupees", "won", "children",
    "women", "men", "times", "copies", "cars", "vehicles", "kg", "hectares", "acres", "barrels", "passengers",
    "employees", "refugees", "migrants", "patients", "houses", "rounds", "words", "pages", "buildings", "animals",
];

pub(super) fn month_at(cx: &Cx, i: usize) -> Option<(u32, usize, bool)> {
    if !cx.word(i) || !cx.cap(i) {
        return None;
    }
    let s = cx.s(i);
    if let Some(p) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(s)) {
        return Some((p as u32 + 1, i + 1, false));
    }
    let p = MONTH_ABBR.iter().position(|m| m.eq_ignore_ascii_case(s))?;
    let m = if p == 12 { 9 } else { p as u32 + 1 };
    let j = if cx.s(i + 1) == "." && cx.att(i + 1) { i + 2 } else { i + 1 };
    Some((m, j, true))
}

pub(super) fn weekday_at(cx: &Cx, i: usize) -> Option<u32> {
    if !cx.word(i) || !cx.cap(i) {
        return None;
    }
    let s = cx.s(i);
    WEEKDAYS.iter().position(|w| w.eq_ignore_ascii_case(s)).map(|p| p as u32 + 1)
}

/// A day of the month (`9`, `9th`) at `i`.
pub(super) fn day_at(cx: &Cx, i: usize) -> Option<(u32, usize)> {
    let (d, n) = cx.digits(i)?;
    if n > 2 || !(1..=31).contains(&d) {
        return None;
    }
    let j = if cx.att(i + 1) && cx.any(i + 1, &["st", "nd", "rd", "th"]) { i + 2 } else { i + 1 };
    Some((d, j))
}

/// A four-digit year 1000..=2199 at `i`.
pub(super) fn year_at(cx: &Cx, i: usize) -> Option<i32> {
    match cx.digits(i)? {
        (y, 4) if (1000..=2199).contains(&y) => Some(y as i32),
        _ => None,
    }
}

pub(super) fn part_of_day(s: &str) -> Option<&'static str> {
    Some(match s.to_ascii_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

pub(super) fn season_code(s: &str) -> Option<&'static str> {
    Some(match s.to_ascii_lowercase().as_str() {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

pub(super) fn unit_of(s: &str) -> Option<(&'static str, bool)> {
    // (code, plural)
    Some(match s.to_ascii_lowercase().as_str() {
        "second" => ("S", false),
        "seconds" => ("S", true),
        "minute" => ("MIN", false),
        "minutes" => ("MIN", true),
        "hour" => ("H", false),
        "hours" => ("H", true),
        "day" => ("D", false),
        "days" => ("D", true),
        "week" => ("W", false),
        "weeks" => ("W", true),
        "fortnight" => ("FN", false),
        "month" => ("M", false),
        "months" => ("M", true),
        "year" => ("Y", false),
        "years" => ("Y", true),
        "decade" => ("DE", false),
        "decades" => ("DE", true),
        "century" => ("CE", false),
        "centuries" => ("CE", true),
        _ => return None,
    })
}

pub(super) fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// ISO 8601 duration for `n` (None = unspecified `X`) units.
pub(super) fn duration_value(n: Option<f64>, unit: &str) -> String {
    let (scale, code, time) = match unit {
        "S" => (1.0, "S", true),
        "MIN" => (1.0, "M", true),
        "H" => (1.0, "H", true),
        "D" => (1.0, "D", false),
        "W" => (1.0, "W", false),
        "FN" => (2.0, "W", false),
        "M" => (1.0, "M", false),
        "DE" => (10.0, "Y", false),
        "CE" => (100.0, "Y", false),
        _ => (1.0, "Y", false),
    };
    let num = match n {
        // a half goes to the next smaller unit: `2 1/2 years` → P2Y6M, `5 1/2 hours` → PT5H30M
        Some(n) if n.fract() == 0.5 && n < 1e9 && matches!(unit, "Y" | "H" | "D" | "MIN") => {
            let (sub, t2) = match unit {
                "Y" => ("6M", ""),
                "H" => ("30M", ""),
                "D" => ("12H", "T"),
                _ => ("30S", ""),
            };
            let whole = n.trunc() as i64;
            let t = if time { "T" } else { "" };
            return if whole == 0 { format!("P{t}{t2}{sub}") } else { format!("P{t}{whole}{code}{t2}{sub}") };
        }
        Some(n) => fmt_num(n * scale),
        None => "X".to_string(),
    };
    format!("P{}{num}{code}", if time { "T" } else { "" })
}
