//! Publish timestamps printed on pages: `Thu, 03 Oct 2024 11:26:50 GMT`,
//! `Written: 2026-01-09 10:26:24`, `2026-01-09T10:26:24Z`, `January 9, 2026 10:26 AM`,
//! `9 Jan 2026 10:26 GMT`, `Fri 9 Jan 2026 10.26 GMT`, `Published 9 January 2026`.

/// A timestamp found in a line: where (byte offsets relative to the scanned string) and its ISO form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub start: usize,
    pub end: usize,
    pub iso: Option<String>,
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const LABELS: [&str; 9] =
    ["written", "published", "updated", "last updated", "posted", "date", "first published", "modified", "last modified"];

/// Month number (1-12) for an English month name or abbreviation (`Jan`, `Jan.`, `January`, `Sept`).
pub(crate) fn month_number(word: &str) -> Option<u32> {
    // (compared ignoring ASCII case: the names are lowercase ASCII, no copy is lowercased)
    let w = word.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ];
    for (i, m) in full.iter().enumerate() {
        if w.eq_ignore_ascii_case(m) || w.eq_ignore_ascii_case(MONTHS[i]) || (i == 8 && w.eq_ignore_ascii_case("sept")) {
            return Some(i as u32 + 1);
        }
    }
    None
}

/// Month names of other languages printed in dates (fr, de, es, it, pt, nl, cs genitive).
const FOREIGN_MONTHS: &[(&str, u32)] = &[
    ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6), ("juillet", 7), ("août", 8),
    ("septembre", 9), ("octobre", 10), ("novembre", 11), ("décembre", 12), ("januar", 1), ("jänner", 1), ("februar", 2),
    ("märz", 3), ("juni", 6), ("juli", 7), ("oktober", 10), ("dezember", 12), ("enero", 1), ("febrero", 2), ("marzo", 3),
    ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10),
    ("noviembre", 11), ("diciembre", 12), ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6),
    ("luglio", 7), ("settembre", 9), ("ottobre", 10), ("dicembre", 12), ("janeiro", 1), ("fevereiro", 2), ("março", 3),
    ("maio", 5), ("junho", 6), ("julho", 7), ("setembro", 9), ("outubro", 10), ("dezembro", 12), ("januari", 1), ("februari", 2),
    ("maart", 3), ("mei", 5), ("augustus", 8), ("ledna", 1), ("února", 2), ("března", 3), ("dubna", 4), ("května", 5),
    ("června", 6), ("července", 7), ("srpna", 8), ("září", 9), ("října", 10), ("listopadu", 11), ("prosince", 12),
];

/// [`month_number`] or a month name of another language (inside a date only).
fn any_month(word: &str) -> Option<u32> {
    month_number(word).or_else(|| {
        let w = word.trim_end_matches('.');
        // (an ASCII word lowercases to ASCII: only the ASCII names can match, ignoring case)
        if w.is_ascii() {
            return FOREIGN_MONTHS.iter().find(|(m, _)| m.eq_ignore_ascii_case(w)).map(|&(_, n)| n);
        }
        let w = w.to_lowercase();
        FOREIGN_MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
    })
}

/// A weekday name or abbreviation (`Sat`, `Tuesday`).
pub(crate) fn is_weekday_word(word: &str) -> bool {
    is_weekday(word)
}

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']);
    let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    WEEKDAYS.iter().chain(&full).chain(&["tues", "thur", "thurs"]).any(|d| w.eq_ignore_ascii_case(d))
}

/// Tokens of a candidate timestamp: maximal runs of alphanumerics, or single punctuation chars.
#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    s: &'a str,
    start: usize,
    end: usize,
}

fn toks(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            // ISO glue: `09T10` → `09` `T` `10`; `24Z` → `24` `Z`
            let run = &s[i..end];
            let b = run.as_bytes();
            let t_at = run.find('T').filter(|&k| k > 0 && k + 1 < run.len() && b[..k].iter().all(u8::is_ascii_digit) && b[k + 1..].iter().all(u8::is_ascii_digit));
            if let Some(k) = t_at {
                out.push(Tok { s: &s[i..i + k], start: i, end: i + k });
                out.push(Tok { s: &s[i + k..i + k + 1], start: i + k, end: i + k + 1 });
                out.push(Tok { s: &s[i + k + 1..end], start: i + k + 1, end });
            } else if run.len() >= 3 && run.is_char_boundary(run.len() - 2) && matches!(&run[run.len() - 2..], "AM" | "PM" | "am" | "pm") && b[..b.len() - 2].iter().all(u8::is_ascii_digit) {
                out.push(Tok { s: &s[i..end - 2], start: i, end: end - 2 });
                out.push(Tok { s: &s[end - 2..end], start: end - 2, end });
            } else if run.len() >= 2 && run.ends_with('Z') && b[..b.len() - 1].iter().all(u8::is_ascii_digit) {
                out.push(Tok { s: &s[i..end - 1], start: i, end: end - 1 });
                out.push(Tok { s: &s[end - 1..end], start: end - 1, end });
            } else {
                out.push(Tok { s: run, start: i, end });
            }
        } else {
            let end = i + c.len_utf8();
            out.push(Tok { s: &s[i..end], start: i, end });
        }
    }
    out
}

fn num(t: &Tok<'_>, max_len: usize) -> Option<u32> {
    if !t.s.is_empty() && t.s.len() <= max_len && t.s.bytes().all(|b| b.is_ascii_digit()) {
        t.s.parse().ok()
    } else {
        None
    }
}

/// A day number, possibly with an ordinal suffix (`29th`).
fn day_num(t: &Tok<'_>) -> Option<u32> {
    let digits = t.s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t.s[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Parse a timestamp starting at token `i`; returns (tokens used, iso).
fn parse_at(t: &[Tok<'_>], mut i: usize) -> Option<(usize, String)> {
    let start = i;
    // optional label "Written:" / "Updated" / "Last updated:"
    if let Some(tok) = t.get(i) {
        let is = |s: &str, w: &str| s.eq_ignore_ascii_case(w);
        let last_first = is(tok.s, "last") || is(tok.s, "first");
        if LABELS.iter().any(|l| is(tok.s, l)) || last_first {
            let mut j = i + 1;
            if last_first {
                let next = t.get(j).map_or("", |x| x.s);
                if !is(next, "updated") && !is(next, "modified") && !is(next, "published") {
                    return None;
                }
                j += 1;
            }
            if t.get(j).is_some_and(|x| x.s == ":") {
                j += 1;
            }
            if t.get(j).is_some_and(|x| x.s.eq_ignore_ascii_case("on")) {
                j += 1;
            }
            i = j;
        }
    }
    // a time printed before the date: `2:57 PM ET, Sat October 8, 2016`, `10:52 1. 11. 2021`
    let mut pre_time = None;
    if let Some((tl, hh, mm, ss, tz)) = parse_time(&t[i.min(t.len())..]) {
        let mut j = i + tl;
        if t.get(j).is_some_and(|x| x.s.len() <= 4 && x.s.bytes().all(|b| b.is_ascii_uppercase()) && x.s != "T") {
            j += 1; // a zone without a T (`ET`)
        }
        if t.get(j).is_some_and(|x| x.s == "," || x.s == "|" || x.s == "-" || x.s == "on") {
            j += 1;
        }
        i = j;
        pre_time = Some((hh, mm, ss, tz));
    }
    // optional weekday "Thu," / "Fri"
    if t.get(i).is_some_and(|x| is_weekday(x.s)) {
        i += 1;
        if t.get(i).is_some_and(|x| x.s == "," || x.s == ".") {
            i += 1;
        }
    }
    let (date_len, y, m, d) = parse_date(&t[i.min(t.len())..])?;
    i += date_len;
    let mut iso = format!("{y:04}-{m:02}-{d:02}");
    if let Some((hh, mm, ss, tz)) = pre_time {
        match ss {
            Some(ss) => iso.push_str(&format!("T{hh:02}:{mm:02}:{ss:02}")),
            None => iso.push_str(&format!("T{hh:02}:{mm:02}")),
        }
        iso.push_str(&tz);
        return Some((i - start, iso));
    }
    // optional time
    let mut j = i;
    if t.get(j).is_some_and(|x| x.s == "T" || x.s == "," || x.s.eq_ignore_ascii_case("at") || x.s == "-" || x.s == "|" || x.s == "à" || x.s == "um" || x.s == "·") {
        j += 1;
    }
    if let Some((tl, hh, mm, ss, tz)) = parse_time(&t[j.min(t.len())..]) {
        i = j + tl;
        match ss {
            Some(ss) => iso.push_str(&format!("T{hh:02}:{mm:02}:{ss:02}")),
            None => iso.push_str(&format!("T{hh:02}:{mm:02}")),
        }
        iso.push_str(&tz);
    }
    Some((i - start, iso))
}

/// `k + 1` when token `k` is the punctuation `p` (an optional `.` or `,`), else `k`.
fn skip(t: &[Tok<'_>], k: usize, p: &str) -> usize {
    if t.get(k).is_some_and(|x| x.s == p) {
        k + 1
    } else {
        k
    }
}

/// `2026-01-09`, `03 Oct 2024`, `9 January 2026`, `Jan. 9, 2026`, `January 9 2026`.
fn parse_date(t: &[Tok<'_>]) -> Option<(usize, u32, u32, u32)> {
    let valid = |y: u32, m: u32, d: u32| (1900..=2199).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= crate::options::days_in_month(y as i32, m);
    // ISO
    if t.len() >= 5 && t[0].s.len() == 4 && t[1].s == "-" && t[3].s == "-" {
        if let (Some(y), Some(m), Some(d)) = (num(&t[0], 4), num(&t[2], 2), num(&t[4], 2)) {
            if valid(y, m, d) {
                return Some((5, y, m, d));
            }
        }
    }
    // `2017.03.27`, `2017/03/27`, `25.01.2017`, `1. 11. 2021`, `22/12/2016`, `12/22/2016`
    if t.len() >= 5 && (t[1].s == "." || t[1].s == "/") && t[3].s == t[1].s {
        if let (Some(a), Some(b), Some(c)) = (num(&t[0], 4), num(&t[2], 2), num(&t[4], 4)) {
            let (la, lc) = (t[0].s.len(), t[4].s.len());
            let k = if t.get(5).is_some_and(|x| x.s == ".") && lc == 4 { 6 } else { 5 };
            if la == 4 && t[4].s.len() <= 2 && valid(a, b, c) {
                return Some((5, a, b, c));
            }
            if la <= 2 && lc == 4 {
                // day first with dots; with slashes only when one reading is impossible
                if t[1].s == "." || a > 12 {
                    if valid(c, b, a) {
                        return Some((k, c, b, a));
                    }
                } else if b > 12 && valid(c, a, b) {
                    return Some((k, c, a, b));
                }
            }
        }
    }
    // day month year (`3 Jan 2019`, `22. Dezember 2016`, `30 avril 2015`, `29th November, 2015`)
    if t.len() >= 3 {
        let mi = match (t.get(1).map(|x| x.s), t.get(2)) {
            (Some(".") | Some("st") | Some("nd") | Some("rd") | Some("th"), Some(_)) => 2,
            _ => 1,
        };
        if let (Some(d), Some(m)) = (day_num(&t[0]), t.get(mi).and_then(|x| any_month(x.s))) {
            let k = skip(t, skip(t, mi + 1, "."), ",");
            if let Some(y) = t.get(k).and_then(|x| num(x, 4)) {
                if valid(y, m, d) {
                    return Some((k + 1, y, m, d));
                }
            }
        }
    }
    // day month year
    if t.len() >= 3 {
        if let (Some(d), Some(m)) = (num(&t[0], 2), month_number(t[1].s)) {
            let k = skip(t, skip(t, 2, "."), ",");
            if let Some(y) = t.get(k).and_then(|x| num(x, 4)) {
                if valid(y, m, d) {
                    return Some((k + 1, y, m, d));
                }
            }
        }
    }
    // month day, year
    if t.len() >= 3 {
        if let Some(m) = any_month(t[0].s) {
            let k = skip(t, 1, ".");
            if let Some(d) = t.get(k).and_then(day_num) {
                let k = if t.get(k + 1).is_some_and(|x| matches!(x.s, "st" | "nd" | "rd" | "th")) { k + 1 } else { k };
                let k = skip(t, k + 1, ",");
                if let Some(y) = t.get(k).and_then(|x| num(x, 4)) {
                    if valid(y, m, d) {
                        return Some((k + 1, y, m, d));
                    }
                }
            }
        }
    }
    None
}

/// `11:26:50 GMT`, `10:26`, `10.26 GMT`, `10:26 AM EST`, `10T10:26:24Z` tail handled by caller.
fn parse_time(t: &[Tok<'_>]) -> Option<(usize, u32, u32, Option<u32>, String)> {
    if t.len() < 3 || !(t[1].s == ":" || t[1].s == ".") {
        return None;
    }
    let mut hh = num(&t[0], 2)?;
    let mm = num(&t[2], 2)?;
    let mut k = 3;
    let mut ss = None;
    if t.len() >= 5 && t[3].s == ":" {
        ss = Some(num(&t[4], 2)?);
        k = 5;
    }
    if hh > 23 || mm > 59 || ss.is_some_and(|s| s > 60) {
        return None;
    }
    if let Some(ap) = t.get(k).map(|x| x.s) {
        let (am, pm) = (ap.eq_ignore_ascii_case("am"), ap.eq_ignore_ascii_case("pm"));
        if (am || pm) && (1..=12).contains(&hh) {
            if pm && hh < 12 {
                hh += 12;
            } else if am && hh == 12 {
                hh = 0;
            }
            k += 1;
        }
    }
    let mut tz = String::new();
    if let Some(z) = t.get(k) {
        match z.s {
            "GMT" | "UTC" | "Z" => {
                tz.push('Z');
                k += 1;
            }
            "+" | "-" => {
                if let Some(off) = t.get(k + 1).filter(|x| x.s.len() == 4 && x.s.bytes().all(|b| b.is_ascii_digit())) {
                    tz = format!("{}{}:{}", z.s, &off.s[..2], &off.s[2..]);
                    k += 2;
                }
            }
            s if s.len() >= 2 && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_uppercase()) && s.ends_with('T') => {
                // a named zone (EST, JST, CET): kept out of the ISO value, but part of the stamp
                k += 1;
            }
            _ => {}
        }
    }
    Some((k, hh, mm, ss, tz))
}

/// A run of exactly four ASCII digits (every timestamp we read has a year).
fn has_year(s: &str) -> bool {
    let mut run = 0;
    for b in s.bytes() {
        if b.is_ascii_digit() {
            run += 1;
        } else {
            if run == 4 {
                return true;
            }
            run = 0;
        }
    }
    run == 4
}

/// Start of the last maximal run of exactly four ASCII digits in `b` that starts at or after
/// `lo` (`lo >= 1`).
fn last_year_run(b: &[u8], lo: usize) -> Option<usize> {
    let (mut last, mut k) = (None, lo);
    while k < b.len() {
        if b[k].is_ascii_digit() {
            let r = k;
            while k < b.len() && b[k].is_ascii_digit() {
                k += 1;
            }
            if k - r == 4 && !b[r - 1].is_ascii_digit() {
                last = Some(r);
            }
        } else {
            k += 1;
        }
    }
    last
}

/// If the whole of `s` (trimmed) is a timestamp, return it.
pub(crate) fn whole(s: &str) -> Option<Stamp> {
    if s.len() > 120 || !has_year(s) {
        return None;
    }
    let t = toks(s);
    if t.is_empty() {
        return None;
    }
    let (n, iso) = parse_at(&t, 0)?;
    (n == t.len()).then(|| Stamp { start: t[0].start, end: t[n - 1].end, iso: Some(iso) })
}

/// A timestamp glued to or printed at the end of `s` (`…chimpsWed, 30 Jul 2025 05:05:19 GMT`,
/// `Headline text 2 hours ago` is not handled). Returns the stamp; `start > 0`.
pub(crate) fn trailing(s: &str) -> Option<Stamp> {
    let from = {
        let mut f = s.len().saturating_sub(60);
        while !s.is_char_boundary(f) {
            f += 1;
        }
        f
    };
    if !has_year(&s[from..]) {
        return None;
    }
    // Candidates start at a weekday name (possibly glued to the previous word) or at a digit.
    // scan forward so the earliest (longest) match wins: `Wed, 30 Jul …` over `30 Jul …`
    let bytes = s.as_bytes();
    let lo = s.len().saturating_sub(60).max(1);
    // (a candidate's tail needs a year: a run of exactly four digits starting at or after it,
    // as candidates never start inside a run; none after the last such run)
    let Some(last_year) = last_year_run(bytes, lo) else { return None };
    for i in lo..s.len() {
        if i > last_year {
            break;
        }
        if !s.is_char_boundary(i) {
            continue;
        }
        let c = bytes[i];
        if !(c.is_ascii_uppercase() || c.is_ascii_digit()) || bytes[i - 1].is_ascii_digit() {
            continue;
        }
        let tail = &s[i..];
        // (a stamp that opens with a letter opens with a label, a weekday or a month: its
        // first token, the letters and digits from `i`, says so without reading the rest)
        if c.is_ascii_uppercase() {
            let w = &tail[..tail.find(|c: char| !c.is_alphanumeric()).unwrap_or(tail.len())];
            let label = LABELS.iter().chain(&["last", "first"]).any(|l| w.eq_ignore_ascii_case(l));
            if !label && !is_weekday(w) && any_month(w).is_none() {
                continue;
            }
        }
        // a date after a comma is part of the line (`What we learned, Wednesday 24 April 2024`);
        // a stamp with a clock time is still glued on
        if let Some(st) = whole(tail) {
            if st.start == 0 {
                let mut head = s[..i].trim_end();
                let last = head.rsplit(' ').next().unwrap_or("");
                if is_weekday(last) {
                    head = head[..head.len() - last.len()].trim_end();
                }
                if head.ends_with(',') && !tail.contains(':') {
                    return None;
                }
                return Some(Stamp { start: i, end: s.len(), iso: st.iso });
            }
        }
    }
    None
}

/// The first timestamp anywhere in a short line (`Updated 2:57 PM ET, Sat October 8, 2016`,
/// `by Jane Doe July 10, 2015`, `Oct 18, 2019 · 8 min read`, `Mon,Sep 9,2013`). Only the first
/// 400 bytes are scanned; linear time (every start reads a bounded number of tokens).
pub(crate) fn find(s: &str) -> Option<Stamp> {
    let mut e = s.len().min(400);
    while !s.is_char_boundary(e) {
        e -= 1;
    }
    let s = &s[..e];
    if !has_year(s) {
        return None;
    }
    let t = toks(s);
    for i in 0..t.len() {
        let c = t[i].s.chars().next().unwrap_or(' ');
        if !c.is_alphanumeric() {
            continue;
        }
        if let Some((n, iso)) = parse_at(&t, i) {
            if n > 0 {
                return Some(Stamp { start: t[i].start, end: t[i + n - 1].end, iso: Some(iso) });
            }
        }
    }
    None
}

/// Length of a relative time at the start of `s` (`3d ago`, `4h ago`, `12 minutes ago`,
/// `1 month ago`), possibly glued to the text after it (`3d agoHeadline`).
pub(crate) fn relative(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let mut k = digits;
    if b.get(k) == Some(&b' ') {
        k += 1;
    }
    let units = ["seconds", "second", "secs", "sec", "s", "minutes", "minute", "mins", "min", "m", "hours", "hour", "hrs", "hr", "h", "days", "day", "d", "weeks", "week", "wk", "w", "months", "month", "mo", "years", "year", "yr", "y"];
    let rest = &s[k..];
    let unit = units.iter().find(|u| rest.get(..u.len()).is_some_and(|r| r.eq_ignore_ascii_case(u)) && rest[u.len()..].trim_start().get(..3).is_some_and(|a| a.eq_ignore_ascii_case("ago")))?;
    let after = &rest[unit.len()..];
    let gap = after.len() - after.trim_start().len();
    Some(k + unit.len() + gap + 3)
}

/// Whether the whole of `s` (trimmed) is a time of day or a relative time without a date
/// (`2:30 p.m.`, `10:45 GMT`, `3h ago`, `1 month ago`): the entry marks of a live page.
pub(crate) fn time_only(s: &str) -> bool {
    let s = s.trim();
    if s.len() > 24 {
        return false;
    }
    if relative(s).is_some_and(|n| n == s.len()) {
        return true;
    }
    let b = s.as_bytes();
    let h = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&h) || !matches!(b.get(h), Some(b':' | b'.')) || b.len() < h + 3 || !b[h + 1..h + 3].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let rest = s[h + 3..].trim();
    rest.split_whitespace().all(|w| {
        let l = w.to_ascii_lowercase();
        matches!(l.as_str(), "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m") || (w.len() <= 5 && w.bytes().all(|c| c.is_ascii_uppercase()))
    })
}

/// A timestamp at the start of `s` followed by more text (`Thu, 03 Oct 2024 11:26:50 GMT Headline`,
/// `3d agoHeadline`; a relative time has no ISO value).
pub(crate) fn leading(s: &str) -> Option<Stamp> {
    if let Some(n) = relative(s).filter(|&n| n < s.len()) {
        return Some(Stamp { start: 0, end: n, iso: None });
    }
    let head = &s.as_bytes()[..s.len().min(60)];
    if !has_year(std::str::from_utf8(head).unwrap_or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""))) {
        return None;
    }
    let t = toks(s);
    let (n, iso) = parse_at(&t, 0)?;
    if n == 0 || n >= t.len() {
        return None;
    }
    Some(Stamp { start: t[0].start, end: t[n - 1].end, iso: Some(iso) })
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($s:expr, $iso:expr) => {
            assert_eq!(whole($s).and_then(|x| x.iso).as_deref(), $iso, "{}", $s);
        };
    }

    #[test]
    fn whole_line_stamps() {
        t!("Thu, 03 Oct 2024 11:26:50 GMT", Some("2024-10-03T11:26:50Z"));
        t!("Written: 2026-01-09 10:26:24", Some("2026-01-09T10:26:24"));
        t!("2026-01-09T10:26:24Z", Some("2026-01-09T10:26:24Z"));
        t!("2026-01-09", Some("2026-01-09"));
        t!("January 9, 2026 10:26 AM", Some("2026-01-09T10:26"));
        t!("Jan. 9, 2026, 3:05 pm", Some("2026-01-09T15:05"));
        t!("9 January 2026", Some("2026-01-09"));
        t!("Fri 9 Jan 2026 10.26 GMT", Some("2026-01-09T10:26Z"));
        t!("Published: Friday, January 9, 2026", Some("2026-01-09"));
        t!("Last updated: 09 Jan 2026 08:00 +0900", Some("2026-01-09T08:00+09:00"));
        t!("Updated 10:26 EST, Fri January 9, 2026", Some("2026-01-09T10:26"));
        t!("25.01.2017 17:00:00", Some("2017-01-25T17:00:00"));
        t!("2017.03.27 09:15", Some("2017-03-27T09:15"));
        t!("Mon,Sep 9,2013", Some("2013-09-09"));
        t!("13:03, September 09, 2013", Some("2013-09-09T13:03"));
        t!("08 March,2023 07:48 AM IST", Some("2023-03-08T07:48"));
        t!("03 Sep 2025 06:34PM", Some("2025-09-03T18:34"));
        t!("12/22/2016", Some("2016-12-22"));
        t!("05/06/2016", None);
        t!("Jan. 9", None);
        t!("2026-02-30", None);
        t!("Thu, 03 Oct 2024 11:26:50 GMT and more", None);
        t!("", None);
    }

    #[test]
    fn found_inside_a_line() {
        let f = |s: &str| find(s).map(|x| (s[x.start..x.end].to_string(), x.iso.unwrap_or_default()));
        assert_eq!(f("by Jane Doe July 10, 2015"), Some(("July 10, 2015".into(), "2015-07-10".into())));
        assert_eq!(f("Updated 2:57 PM ET, Sat October 8, 2016").map(|x| x.1), Some("2016-10-08T14:57".into()));
        assert_eq!(f("Published: 10:52 1. 11. 2021").map(|x| x.1), Some("2021-11-01T10:52".into()));
        assert_eq!(f("Oct 18, 2019 · 8 min read").map(|x| x.1), Some("2019-10-18".into()));
        assert_eq!(f("Mon,Sep 9,2013").map(|x| x.1), Some("2013-09-09".into()));
        assert_eq!(f("Paris 30 avril 2015 à 07:19").map(|x| x.1), Some("2015-04-30T07:19".into()));
        assert_eq!(f("Am 22. Dezember 2016 sagte er").map(|x| x.1), Some("2016-12-22".into()));
        assert_eq!(f("Published on: June 5, 2024").map(|x| x.1), Some("2024-06-05".into()));
        assert_eq!(f("Dubai, 29th November, 2015 (WAM)").map(|x| x.1), Some("2015-11-29".into()));
        assert_eq!(f("He scored 23 goals in 2015"), None);
        assert_eq!(f(""), None);
        assert_eq!(f("日本語 2015"), None);
    }

    #[test]
    fn glued_and_leading() {
        let s = "Zoo welcomes twin chimpsWed, 30 Jul 2025 05:05:19 GMT";
        let st = trailing(s).unwrap();
        assert_eq!(&s[st.start..], "Wed, 30 Jul 2025 05:05:19 GMT");
        assert_eq!(st.iso.as_deref(), Some("2025-07-30T05:05:19Z"));
        let s = "Markets rally 09 Jan 2026 10:26 GMT";
        assert_eq!(&s[trailing(s).unwrap().start..], "09 Jan 2026 10:26 GMT");
        assert!(trailing("Swiatek wins in 58 minutes").is_none());
        assert!(trailing("Storms hit Europe in 2025").is_none());
        let s = "Thu, 03 Oct 2024 11:26:50 GMT Markets rally";
        assert_eq!(&s[..leading(s).unwrap().end], "Thu, 03 Oct 2024 11:26:50 GMT");
        assert!(trailing("What we learned, Tuesday 3 March 2026").is_none());
        let s = "4h agoFerry service resumes";
        assert_eq!(&s[..leading(s).unwrap().end], "4h ago");
        let s = "12 minutes ago Ferry service resumes";
        assert_eq!(&s[..leading(s).unwrap().end], "12 minutes ago");
        assert!(leading("3 days of talks end").is_none());
        assert!(leading("2h ago").is_none());
    }

    #[test]
    fn times_without_a_date() {
        for s in ["2:30 p.m.", "10:45 GMT", "09.15", "3h ago", "1 month ago", " 7:05 PM ET "] {
            assert!(time_only(s), "{s}");
        }
        for s in ["2:30 p.m. Obama speaks", "2025", "3 days", "Key events", "10:45 in the morning", ""] {
            assert!(!time_only(s), "{s}");
        }
    }
}
