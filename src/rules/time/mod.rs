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

mod calendar;
mod matchers;
mod tense;
mod words;

use calendar::*;
use matchers::*;
use tense::*;
use words::*;

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
