//! Time expressions with TIMEX3 types and ISO values.
//!
//! A hand-written scanner over the tokens of each region (headline, teaser, title,
//! subheading, paragraph). At each token it tries a fixed set of matchers (month dates,
//! weekdays, deictic words, years and ranges, clock times, durations, quarters, seasons,
//! sets, present/past/future references), keeps the longest match, then widens it over
//! modifiers (`early`, `late`, `mid-`, `earlier`, `the end of`, `more than`, `nearly`,
//! `the past`, …). Every matcher looks a bounded number of tokens ahead, so the scan is linear.
//!
//! Spans follow the TimeML (TimeBank) conventions: `over`, `within`, `about` and `around`
//! stay outside (`over the years` → `years`, `within a week` → `a week`), as does the `the`
//! of a bare plural (`the weeks before` → `weeks`); ages (`6-year-old`) are not durations.
//!
//! # Values
//!
//! | expression | type | value |
//! |---|---|---|
//! | `9 January 2026`, `Jan. 9`, `2026-01-09` | DATE | `2026-01-09` |
//! | `December 2024` / `2025` / `the 1990s` / `the 20th century` | DATE | `2024-12` / `2025` / `199` / `19` |
//! | `1910-45` (a range of years) | DATE | `1910/1945` (an ISO 8601 interval) |
//! | `next week`, `this week` | DATE | `2026-W03`, `2026-W02` |
//! | `third quarter`, `last summer` | DATE | `2026-Q3`, `2025-SU` |
//! | `now`, `recently`, `in the future` | DATE | `PRESENT_REF`, `PAST_REF`, `FUTURE_REF` |
//! | `10:26 GMT`, `this morning` | TIME | `2026-01-09T10:26Z`, `2026-01-09TMO` |
//! | `Friday night`, `the weekend` | DATE | `2026-01-09TNI`, `2026-W01-WE` |
//! | `six years`, `58 minutes`, `days` (after/ago) | DURATION | `P6Y`, `PT58M`, `PXD` |
//! | `every week`, `daily` | SET | `P1W`, `P1D` |
//!
//! # Reference date and tense
//!
//! Deictic expressions (`yesterday`, `next week`, `two years ago`) are resolved against the
//! reference date and also carry [`TimeExpr::offset`] (`-P1D`, `+P1W`, `-P2Y`); without a
//! reference their value is `None` and the offset is all there is. Weekday and month names
//! without a year are resolved by the tense of their clause: the nearest tense cue before
//! the expression in its sentence (`will`, `is expected to` → the coming one; `said`, `met`,
//! a past participle → the last one), else the nearest after it, else the tense of the last
//! sentence of the same article that had one; weekdays with no cue at all are taken as past,
//! month names as the nearest occurrence. Cues right at the expression win (`Wednesday's
//! ruling` is past; `until Tuesday`, `by Jan. 14`, `as soon as Tuesday` are future), and in
//! headlines `to` + verb is the future (`Lee to visit Japan on Tuesday`). A month chosen by
//! tense more than nine months from the reference falls back to the nearest occurrence.
//! The reference day itself is its own weekday (`said Friday` on a Friday is that day).
//! Without a reference these stay underspecified TIMEX3 values (`XXXX-WXX-5`, `XXXX-10`,
//! `XXXX-01-09`). The wall clock is never read.

use serde::{Deserialize, Serialize};

use crate::document::{Document, RegionKind};
use crate::rules::numbers::{number_words, ordinal_word, parse_digits, sentence_starts, tokenize, Cx, Kind, Tok};
use crate::span::Span;

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum TimeType {
    /// A calendar date or period (`Friday`, `December 2024`, `1910-45`).
    Date,
    /// A time of day.
    Time,
    /// A length of time (`six years`).
    Duration,
    /// A recurrence (`every week`).
    Set,
}

impl TimeType {
    /// The TIMEX3 spelling: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeType::Date => "DATE",
            TimeType::Time => "TIME",
            TimeType::Duration => "DURATION",
            TimeType::Set => "SET",
        }
    }
}

/// A time expression.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct TimeExpr {
    /// As printed.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimeType,
    /// TIMEX3 value (`2026-01-13`, `P6Y`, `2024-12`, `1910/1945` for a range of years);
    /// relative forms stay underspecified (`XXXX-WXX-2`) or `None` without a reference date.
    pub value: Option<String>,
    /// For deictic expressions, the signed ISO 8601 offset from the reference date at the
    /// expression's own granularity (`-P1D` yesterday, `+P1W` next week, `+P0W` this week,
    /// `-P2Y` two years ago), set with or without a reference date; `None` otherwise.
    pub offset: Option<String>,
}

/// A calendar date used as the reference for relative expressions.
pub type RefDate = (i32, u32, u32);

/// Find time expressions in `doc`'s regions, resolved against `reference` when given.
/// Sorted by start, never overlapping; never panics.
pub fn extract(text: &str, doc: &Document, reference: Option<RefDate>) -> Vec<TimeExpr> {
    let mut out: Vec<TimeExpr> = Vec::new();
    let mut toks = Vec::new();
    let mut carry = Tense::Unknown;
    let mut last_article = None;
    for r in doc.regions() {
        if r.article != last_article || matches!(r.kind, RegionKind::Headline | RegionKind::Teaser) {
            carry = Tense::Unknown;
        }
        last_article = r.article;
        if text.get(r.span.start..r.span.end).is_none() {
            continue;
        }
        let headline = matches!(r.kind, RegionKind::Headline | RegionKind::Title | RegionKind::Subheading);
        scan_region(text, r.span, reference, headline, &mut toks, &mut carry, &mut out);
    }
    out.sort_by_key(|t| (t.span.start, t.span.end));
    let mut kept: Vec<TimeExpr> = Vec::with_capacity(out.len());
    for t in out {
        if kept.last().is_none_or(|k| k.span.end <= t.span.start) {
            kept.push(t);
        }
    }
    kept
}

// ---------------------------------------------------------------------------------------
// Semantics

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
}

#[derive(Clone, Debug, PartialEq)]
enum Sem {
    /// Month (and day) with or without a year; no year → resolved by tense.
    Date { y: Option<i32>, m: u32, d: Option<u32> },
    Year(i32),
    Range(i32, i32),
    Decade(i32),
    Century(i32),
    Weekday { wd: u32, shift: Option<i32> },
    /// `last August`, `next March`, `this May`.
    Month { m: u32, shift: i32 },
    Rel { unit: Unit, n: i32 },
    /// q 1..4 quarters, 5/6 halves (H1/H2); year given, or the reference year.
    Quarter { q: u32, y: Option<i32> },
    /// A season with a year, a shift from the reference (`last summer`), or neither (by tense).
    Season { s: &'static str, y: Option<i32>, shift: Option<i32> },
    Ref(&'static str),
    /// `the weekend`: the last or the coming one, by tense.
    Weekend,
    /// A holiday: fixed `(month, day)`, or 0 = Easter Sunday / 1 = US Thanksgiving with an
    /// offset in days; the year comes from the tense like a month name's.
    Holiday { fixed: Option<(u32, u32)>, movable: u8, delta: i64 },
    Duration(String),
    Set(String),
    Time { base: Option<Box<Sem>>, h: u32, min: u32, utc: bool },
    Part { base: Box<Sem>, part: &'static str },
}

impl Sem {
    fn needs_tense(&self) -> bool {
        match self {
            Sem::Date { y: None, .. }
            | Sem::Weekday { shift: None, .. }
            | Sem::Season { y: None, shift: None, .. }
            | Sem::Weekend
            | Sem::Holiday { .. } => true,
            Sem::Time { base: Some(b), .. } | Sem::Part { base: b, .. } => b.needs_tense(),
            _ => false,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Token context



const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_ABBR: [&str; 13] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "sept"];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Words before a bare month or year that make it a date (`in May`, `since 1991`).
const DATE_PREP: &[&str] = &[
    "in", "since", "by", "until", "till", "of", "from", "to", "before", "after", "during", "between", "and", "through",
    "early", "late", "mid", "fiscal", "year", "the", "for", "circa", "around", "end", "or", "last", "next", "this", "on",
];

/// Nouns after a four-digit number that make it a count, not a year.
const COUNT_NOUNS: &[&str] = &[
    "people", "percent", "per", "troops", "soldiers", "km", "kilometres", "kilometers", "miles", "metres", "meters",
    "feet", "tons", "tonnes", "votes", "members", "workers", "cases", "deaths", "units", "shares", "points",
    "residents", "homes", "jobs", "students", "dollars", "euros", "pounds", "yuan", "yen", "rupees", "won", "children",
    "women", "men", "times", "copies", "cars", "vehicles", "kg", "hectares", "acres", "barrels", "passengers",
    "employees", "refugees", "migrants", "patients", "houses", "rounds", "words", "pages", "buildings", "animals",
];

fn month_at(cx: &Cx, i: usize) -> Option<(u32, usize, bool)> {
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

fn weekday_at(cx: &Cx, i: usize) -> Option<u32> {
    if !cx.word(i) || !cx.cap(i) {
        return None;
    }
    let s = cx.s(i);
    WEEKDAYS.iter().position(|w| w.eq_ignore_ascii_case(s)).map(|p| p as u32 + 1)
}

/// A day of the month (`9`, `9th`) at `i`.
fn day_at(cx: &Cx, i: usize) -> Option<(u32, usize)> {
    let (d, n) = cx.digits(i)?;
    if n > 2 || !(1..=31).contains(&d) {
        return None;
    }
    let j = if cx.att(i + 1) && cx.any(i + 1, &["st", "nd", "rd", "th"]) { i + 2 } else { i + 1 };
    Some((d, j))
}

/// A four-digit year 1000..=2199 at `i`.
fn year_at(cx: &Cx, i: usize) -> Option<i32> {
    match cx.digits(i)? {
        (y, 4) if (1000..=2199).contains(&y) => Some(y as i32),
        _ => None,
    }
}

fn part_of_day(s: &str) -> Option<&'static str> {
    Some(match s.to_ascii_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

fn season_code(s: &str) -> Option<&'static str> {
    Some(match s.to_ascii_lowercase().as_str() {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

fn unit_of(s: &str) -> Option<(&'static str, bool)> {
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

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// ISO 8601 duration for `n` (None = unspecified `X`) units.
fn duration_value(n: Option<f64>, unit: &str) -> String {
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

// ---------------------------------------------------------------------------------------
// Matchers: each returns the token index after the match and its meaning.

type M = Option<(usize, Sem)>;

fn m_month_date(cx: &Cx, i: usize) -> M {
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

fn m_day_month(cx: &Cx, i: usize) -> M {
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

fn m_weekday(cx: &Cx, i: usize) -> M {
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

fn shift_word(cx: &Cx, i: usize) -> Option<(i32, usize)> {
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

fn m_deictic(cx: &Cx, i: usize) -> M {
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

fn m_year(cx: &Cx, i: usize) -> M {
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

fn ampm(cx: &Cx, i: usize) -> Option<(bool, usize)> {
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

const ZONES: &[&str] = &[
    "GMT", "UTC", "BST", "CET", "CEST", "EET", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT",
    "JST", "KST", "IST", "AEST", "AEDT", "HKT", "SGT", "WIB",
];

fn m_time(cx: &Cx, i: usize) -> M {
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

fn m_duration(cx: &Cx, i: usize) -> M {
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
fn m_bare_units(cx: &Cx, i: usize) -> M {
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

fn m_quarter(cx: &Cx, i: usize) -> M {
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

fn m_season(cx: &Cx, i: usize) -> M {
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

fn m_ref(cx: &Cx, i: usize) -> M {
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

fn m_set(cx: &Cx, i: usize) -> M {
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

fn m_century(cx: &Cx, i: usize) -> M {
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
fn possessive(cx: &Cx, i: usize) -> Option<usize> {
    (matches!(cx.s(i), "'" | "’") && cx.att(i) && cx.is(i + 1, "s") && cx.att(i + 1)).then_some(i + 2)
}

fn m_holiday(cx: &Cx, i: usize) -> M {
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
fn easter(y: i32) -> i64 {
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
fn thanksgiving(y: i32) -> i64 {
    let first = days(y, 11, 1);
    let to_thu = (4 + 7 - weekday(first) as i64) % 7;
    first + to_thu + 21
}

fn best_match(cx: &Cx, i: usize) -> M {
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
fn extend_back(cx: &Cx, mut s: usize, sem: &Sem, floor: usize) -> usize {
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

// ---------------------------------------------------------------------------------------
// Tense

const FUTURE_CUES: &[&str] = &[
    "will", "shall", "would", "plans", "plan", "planning", "scheduled", "slated", "expected", "due",
    "upcoming", "intends", "intend", "aims", "hopes", "next", "tomorrow",
];
const PAST_CUES: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "met", "ago", "went", "came", "took", "made", "gave", "held", "left",
    "began", "saw", "spoke", "sought", "fell", "rose", "struck", "lost", "got", "found", "led", "sent", "brought",
    "became", "ran", "last", "yesterday", "earlier", "won", "paid", "sold", "bought", "built", "wrote",
    "felt", "kept", "hit", "shot", "broke", "chose", "drew", "flew", "grew", "knew", "threw", "tore", "wore", "swore",
    "stood", "fought", "thought", "taught", "caught", "heard", "meant", "quit", "spent", "stole", "woke",
];
const ED_NOT_TENSE: &[&str] = &[
    "need", "speed", "seed", "feed", "proceed", "exceed", "succeed", "indeed", "hundred", "breed", "greed", "embed",
    "based", "concerned", "interested", "required", "supposed", "related", "united", "alleged", "advanced", "limited",
    "detailed", "armed", "skilled", "qualified", "experienced", "expected", "planned", "scheduled", "slated",
    "unprecedented", "sacred", "wicked", "naked", "rugged", "beloved", "talented", "dedicated", "sophisticated",
    "complicated", "organised", "organized", "so-called", "renowned", "tired", "worried", "used", "biased",
];

fn cue(cx: &Cx, i: usize) -> Option<Tense> {
    if !cx.word(i) {
        return None;
    }
    let s = cx.s(i);
    if s.len() > 20 || !s.bytes().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let l = s.to_ascii_lowercase();
    // `'ll`, `won't`
    if l == "ll" && i > 0 && matches!(cx.s(i - 1), "'" | "’") && cx.att(i) {
        return Some(Tense::Future);
    }
    if l == "won" && matches!(cx.s(i + 1), "'" | "’") && cx.att(i + 1) {
        return Some(Tense::Future);
    }
    if l == "set" && cx.is(i + 1, "to") {
        return Some(Tense::Future);
    }
    if l == "going" && cx.is(i + 1, "to") {
        return Some(Tense::Future);
    }
    if FUTURE_CUES.contains(&l.as_str()) {
        // `next` and `last` only as adverbs / adjectives of time are cues in this list; fine.
        return Some(Tense::Future);
    }
    let past = PAST_CUES.contains(&l.as_str())
        || (l.len() >= 5 && l.ends_with("ed") && !ED_NOT_TENSE.contains(&l.as_str()) && cx.lower(i));
    if past {
        // `will be held`, `is being built`: a participle after a form of `be` is not the tense.
        let passive = (1..=2).any(|k| i >= k && cx.any(i - k, &["be", "been", "being", "is", "are", "to"]));
        if passive && !matches!(l.as_str(), "was" | "were" | "had" | "did" | "ago" | "last" | "yesterday" | "earlier") {
            return None;
        }
        return Some(Tense::Past);
    }
    None
}

/// Cues right next to the expression: `Wednesday's ruling` (past), `until Tuesday`,
/// `by Jan. 14`, `as soon as Tuesday` (future).
fn local_tense(cx: &Cx, s: usize, e: usize) -> Option<Tense> {
    if matches!(cx.s(e), "'" | "’") && cx.att(e) && cx.is(e + 1, "s") && cx.att(e + 1) {
        return Some(Tense::Past);
    }
    let p = s.checked_sub(1)?;
    if cx.any(p, &["until", "till", "by"]) {
        return Some(Tense::Future);
    }
    if p >= 2 && cx.is(p, "as") && cx.any(p - 1, &["soon", "early"]) && cx.is(p - 2, "as") {
        return Some(Tense::Future);
    }
    None
}

/// The tense for an expression covering tokens `s..e`, from the per-token cues.
fn tense_for(cues: &[Option<Tense>], sent: &[usize], s: usize, e: usize, carry: Tense) -> Tense {
    let start = sent.get(s).copied().unwrap_or(0);
    let mut k = s;
    let mut steps = 0;
    while k > start && steps < 30 {
        k -= 1;
        steps += 1;
        if let Some(t) = cues[k] {
            return t;
        }
    }
    let mut k = e;
    let mut steps = 0;
    while k < cues.len() && sent[k] == start && steps < 30 {
        if let Some(t) = cues[k] {
            return t;
        }
        k += 1;
        steps += 1;
    }
    carry
}

// ---------------------------------------------------------------------------------------
// Region scan

fn scan_region(
    text: &str,
    span: Span,
    reference: Option<RefDate>,
    headline: bool,
    toks: &mut Vec<Tok>,
    carry: &mut Tense,
    out: &mut Vec<TimeExpr>,
) {
    tokenize(text, span, toks);
    let cx = Cx { text, toks };
    let sent = sentence_starts(text, toks);
    // Tense cues per token, and the first cue of each sentence (carried over to the next ones).
    // In headlines `to` + verb is the future (`Lee to visit Japan on Tuesday`).
    let cues: Vec<Option<Tense>> = (0..toks.len())
        .map(|i| {
            if headline && cx.is(i, "to") && cx.lower(i + 1) {
                return Some(Tense::Future);
            }
            cue(&cx, i)
        })
        .collect();
    let mut sent_tense: Vec<(usize, Tense)> = Vec::new();
    for i in 0..toks.len() {
        if sent_tense.last().is_none_or(|l| l.0 != sent[i]) {
            sent_tense.push((sent[i], Tense::Unknown));
        }
        if let (Some(last), Some(t)) = (sent_tense.last_mut(), cues[i]) {
            if last.1 == Tense::Unknown
                && !matches!(cx.s(i).to_ascii_lowercase().as_str(), "next" | "last" | "earlier" | "tomorrow" | "yesterday" | "ago")
            {
                last.1 = t;
            }
        }
    }
    let mut si = 0; // index into sent_tense of the current sentence
    let mut carry_here = *carry; // tense of the last sentence with a cue before the current one
    let mut i = 0;
    let mut floor = 0;
    while i < toks.len() {
        while si + 1 < sent_tense.len() && sent_tense[si + 1].0 <= i {
            if sent_tense[si].1 != Tense::Unknown {
                carry_here = sent_tense[si].1;
            }
            si += 1;
        }
        let Some((e, sem)) = best_match(&cx, i) else {
            i += 1;
            continue;
        };
        let sent_floor = floor.max(sent[i]);
        let s = extend_back(&cx, i, &sem, sent_floor);
        let tense = if sem.needs_tense() {
            local_tense(&cx, s, e).unwrap_or_else(|| tense_for(&cues, &sent, s, e, carry_here))
        } else {
            Tense::Unknown
        };
        let (kind, value, offset) = resolve(&sem, reference, tense);
        let sp = Span::new(toks[s].s, toks[e - 1].e);
        out.push(TimeExpr { text: text[sp.start..sp.end].to_string(), span: sp, kind, value, offset });
        floor = e;
        i = e;
    }
    for (_, t) in &sent_tense {
        if *t != Tense::Unknown {
            *carry = *t;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, days since 1970-01-01)

pub(crate) use crate::options::days_in_month;

fn days(y: i32, m: u32, d: u32) -> i64 {
    let y = y as i64 - if m <= 2 { 1 } else { 0 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((y + if m <= 2 { 1 } else { 0 }) as i32, m, d)
}

/// ISO weekday, Monday = 1.
fn weekday(z: i64) -> u32 {
    ((z + 3).rem_euclid(7) + 1) as u32
}

fn iso_week(z: i64) -> (i32, u32) {
    let thu = z - weekday(z) as i64 + 4;
    let (y, _, _) = civil(thu);
    (y, ((thu - days(y, 1, 1)) / 7 + 1) as u32)
}

fn fmt_day(z: i64) -> String {
    let (y, m, d) = civil(z);
    format!("{y:04}-{m:02}-{d:02}")
}

fn fmt_week(z: i64) -> String {
    let (y, w) = iso_week(z);
    format!("{y:04}-W{w:02}")
}

fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let t = y as i64 * 12 + (m as i64 - 1) + n;
    (t.div_euclid(12) as i32, (t.rem_euclid(12) + 1) as u32)
}

/// Pick the year for month `m` (day `d`) relative to the reference by tense.
fn year_for(r: RefDate, m: u32, d: Option<u32>, tense: Tense) -> i32 {
    let (ry, rm, rd) = r;
    let here = (m, d.unwrap_or(0));
    let now = (rm, if d.is_some() { rd } else { 0 });
    let by_tense = match tense {
        Tense::Past => Some(if here <= now { ry } else { ry - 1 }),
        Tense::Future => Some(if here >= now { ry } else { ry + 1 }),
        Tense::Unknown => None,
    };
    // tense picks the year only within nine months of the reference; further away the
    // nearest occurrence is more likely (`the Jan. 31 deadline`, written in early January)
    match by_tense {
        Some(y) if ((y as i64 * 12 + m as i64) - (ry as i64 * 12 + rm as i64)).abs() <= 9 => y,
        _ => {
            let diff = m as i32 - rm as i32;
            if diff > 6 {
                ry - 1
            } else if diff < -6 {
                ry + 1
            } else {
                ry
            }
        }
    }
}

fn offset(unit: Unit, n: i32) -> String {
    let (n, code) = match unit {
        Unit::Day => (n, "D"),
        Unit::Week | Unit::Weekend => (n, "W"),
        Unit::Month => (n, "M"),
        Unit::Quarter => (n * 3, "M"),
        Unit::Year => (n, "Y"),
    };
    format!("{}P{}{code}", if n < 0 { '-' } else { '+' }, n.unsigned_abs())
}

/// The day a date-like meaning denotes, when it denotes one day.
fn day_of(sem: &Sem, r: Option<RefDate>, tense: Tense) -> Option<i64> {
    let r = r?;
    let z = days(r.0, r.1, r.2);
    match sem {
        Sem::Rel { unit: Unit::Day, n } => Some(z + *n as i64),
        Sem::Weekday { wd, shift } => {
            let rw = weekday(z) as i64;
            let wd = *wd as i64;
            Some(match shift {
                Some(0) => z - rw + wd,
                Some(s) if *s < 0 => {
                    let back = (rw - wd).rem_euclid(7);
                    z - if back == 0 { 7 } else { back }
                }
                Some(_) => {
                    let fwd = (wd - rw).rem_euclid(7);
                    z + if fwd == 0 { 7 } else { fwd }
                }
                None => match tense {
                    Tense::Future => z + (wd - rw).rem_euclid(7),
                    _ => z - (rw - wd).rem_euclid(7),
                },
            })
        }
        Sem::Date { y, m, d: Some(d) } => {
            let y = y.unwrap_or_else(|| year_for(r, *m, Some(*d), tense));
            (*d <= days_in_month(y, *m)).then(|| days(y, *m, *d))
        }
        _ => None,
    }
}

/// Type, value and offset of a meaning.
fn resolve(sem: &Sem, r: Option<RefDate>, tense: Tense) -> (TimeType, Option<String>, Option<String>) {
    use TimeType::*;
    let rz = r.map(|r| days(r.0, r.1, r.2));
    match sem {
        Sem::Date { y, m, d } => {
            let v = match (y, d, r) {
                (Some(y), Some(d), _) => format!("{y:04}-{m:02}-{d:02}"),
                (Some(y), None, _) => format!("{y:04}-{m:02}"),
                (None, Some(_), Some(_)) => day_of(sem, r, tense).map(fmt_day).unwrap_or_else(|| format!("XXXX-{m:02}-{:02}", d.unwrap_or(0))),
                (None, None, Some(r)) => format!("{:04}-{m:02}", year_for(r, *m, None, tense)),
                (None, Some(d), None) => format!("XXXX-{m:02}-{d:02}"),
                (None, None, None) => format!("XXXX-{m:02}"),
            };
            (Date, Some(v), None)
        }
        Sem::Year(y) => (Date, Some(format!("{y:04}")), None),
        Sem::Range(a, b) => (Date, Some(format!("{a:04}/{b:04}")), None),
        Sem::Decade(d) => (Date, Some(format!("{d:03}")), None),
        Sem::Century(c) => (Date, Some(format!("{c:02}")), None),
        Sem::Weekday { wd, .. } => {
            let v = day_of(sem, r, tense).map(fmt_day).unwrap_or_else(|| format!("XXXX-WXX-{wd}"));
            (Date, Some(v), None)
        }
        Sem::Month { m, shift } => {
            let v = match r {
                Some((ry, rm, _)) => {
                    let y = match *shift {
                        0 => ry,
                        s if s < 0 => if *m < rm { ry } else { ry - 1 },
                        _ => if *m > rm { ry } else { ry + 1 },
                    };
                    format!("{y:04}-{m:02}")
                }
                None => format!("XXXX-{m:02}"),
            };
            (Date, Some(v), None)
        }
        Sem::Rel { unit, n } => {
            let off = Some(offset(*unit, *n));
            let v = r.zip(rz).map(|(r, z)| match unit {
                Unit::Day => fmt_day(z + *n as i64),
                Unit::Week => fmt_week(z + 7 * *n as i64),
                Unit::Weekend => format!("{}-WE", fmt_week(z + 7 * *n as i64)),
                Unit::Month => {
                    let (y, m) = add_months(r.0, r.1, *n as i64);
                    format!("{y:04}-{m:02}")
                }
                Unit::Quarter => {
                    let (y, m) = add_months(r.0, r.1, 3 * *n as i64);
                    format!("{y:04}-Q{}", (m - 1) / 3 + 1)
                }
                Unit::Year => format!("{:04}", r.0 as i64 + *n as i64),
            });
            (Date, v, off)
        }
        Sem::Quarter { q, y } => {
            let code = if *q <= 4 { format!("Q{q}") } else { format!("H{}", q - 4) };
            let v = match (y, r) {
                (Some(y), _) => format!("{y:04}-{code}"),
                (None, Some(r)) => format!("{:04}-{code}", r.0),
                (None, None) => format!("XXXX-{code}"),
            };
            (Date, Some(v), None)
        }
        Sem::Season { s, y, shift } => {
            let mid = match *s {
                "SP" => 4,
                "SU" => 7,
                "FA" => 10,
                _ => 1,
            };
            let v = match (y, r) {
                (Some(y), _) => format!("{y:04}-{s}"),
                (None, Some(r)) => {
                    let y = match shift {
                        Some(0) => r.0,
                        Some(k) if *k < 0 => if mid < r.1 { r.0 } else { r.0 - 1 },
                        Some(_) => if mid > r.1 { r.0 } else { r.0 + 1 },
                        None => year_for(r, mid, None, tense),
                    };
                    format!("{y:04}-{s}")
                }
                (None, None) => format!("XXXX-{s}"),
            };
            (Date, Some(v), None)
        }
        Sem::Ref(s) => (Date, Some(s.to_string()), None),
        Sem::Holiday { fixed, movable, delta } => {
            let (m, d) = fixed.unwrap_or(if *movable == 0 { (4, 5) } else { (11, 25) });
            let v = match r {
                Some(r) => {
                    let y = year_for(r, m, Some(d), tense);
                    let z = match fixed {
                        Some(_) => days(y, m, d),
                        None if *movable == 0 => easter(y) + delta,
                        None => thanksgiving(y) + delta,
                    };
                    Some(fmt_day(z))
                }
                None => Some(match fixed {
                    Some((m, d)) => format!("XXXX-{m:02}-{d:02}"),
                    None => "XXXX-XX-XX".to_string(),
                }),
            };
            (Date, v, None)
        }
        Sem::Weekend => {
            let v = rz.map(|z| {
                let rw = weekday(z);
                let week = match tense {
                    Tense::Future if rw <= 5 => z,
                    Tense::Future => z + 7,
                    _ if rw >= 6 => z,
                    _ => z - 7,
                };
                format!("{}-WE", fmt_week(week))
            });
            (Date, v.or_else(|| Some("XXXX-WXX-WE".to_string())), None)
        }
        Sem::Duration(v) => (Duration, Some(v.clone()), None),
        Sem::Set(v) => (Set, Some(v.clone()), None),
        Sem::Time { base, h, min, utc } => {
            let (date, off) = match base {
                Some(b) => {
                    let (_, v, off) = resolve(b, r, tense);
                    (day_of(b, r, tense).map(fmt_day).or(v.filter(|v| v.len() == 10)), off)
                }
                None => (rz.map(fmt_day), None),
            };
            let date = date.unwrap_or_else(|| "XXXX-XX-XX".to_string());
            (Time, Some(format!("{date}T{h:02}:{min:02}{}", if *utc { "Z" } else { "" })), off)
        }
        Sem::Part { base, part } => {
            let (_, v, off) = resolve(base, r, tense);
            let date = day_of(base, r, tense).map(fmt_day).or_else(|| v.clone());
            // TimeBank types `Friday night` as a DATE, `this morning` as a TIME
            let kind = if matches!(**base, Sem::Weekday { .. }) { Date } else { Time };
            (kind, date.map(|d| format!("{d}T{part}")), off)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar() {
        assert_eq!(days(1970, 1, 1), 0);
        assert_eq!(civil(days(2026, 1, 9)), (2026, 1, 9));
        assert_eq!(weekday(days(2026, 1, 9)), 5);
        assert_eq!(fmt_week(days(2026, 1, 9)), "2026-W02");
        assert_eq!(fmt_week(days(2021, 1, 3)), "2020-W53");
        assert_eq!(add_months(2026, 1, -2), (2025, 11));
        assert_eq!(fmt_day(easter(2026)), "2026-04-05");
        assert_eq!(fmt_day(easter(2024)), "2024-03-31");
        assert_eq!(fmt_day(thanksgiving(2025)), "2025-11-27");
        for z in -800_000..-799_000 {
            assert_eq!(days(civil(z).0, civil(z).1, civil(z).2), z);
        }
    }
}
