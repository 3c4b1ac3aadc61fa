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
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ];
    for (i, m) in full.iter().enumerate() {
        if w == *m || w == MONTHS[i] || (i == 8 && w == "sept") {
            return Some(i as u32 + 1);
        }
    }
    None
}

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    WEEKDAYS.iter().any(|d| w == *d) || full.iter().any(|d| w == *d) || w == "tues" || w == "thur" || w == "thurs"
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
        if c.is_ascii_alphanumeric() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_alphanumeric() {
                    end = j + 1;
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

/// Parse a timestamp starting at token `i`; returns (tokens used, iso).
fn parse_at(t: &[Tok<'_>], mut i: usize) -> Option<(usize, String)> {
    let start = i;
    // optional label "Written:" / "Updated" / "Last updated:"
    if let Some(tok) = t.get(i) {
        let lw = tok.s.to_ascii_lowercase();
        if LABELS.contains(&lw.as_str()) || lw == "last" || lw == "first" {
            let mut j = i + 1;
            if lw == "last" || lw == "first" {
                let next = t.get(j).map(|x| x.s.to_ascii_lowercase()).unwrap_or_default();
                if next != "updated" && next != "modified" && next != "published" {
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
    // optional time
    let mut j = i;
    if t.get(j).is_some_and(|x| x.s == "T" || x.s == "," || x.s.eq_ignore_ascii_case("at") || x.s == "-" || x.s == "|") {
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
        if let Some(m) = month_number(t[0].s) {
            let k = skip(t, 1, ".");
            if let Some(d) = t.get(k).and_then(|x| num(x, 2)) {
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
    if let Some(ap) = t.get(k).map(|x| x.s.to_ascii_lowercase()) {
        if (ap == "am" || ap == "pm") && (1..=12).contains(&hh) {
            if ap == "pm" && hh < 12 {
                hh += 12;
            } else if ap == "am" && hh == 12 {
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
    for i in s.len().saturating_sub(60).max(1)..s.len() {
        if !s.is_char_boundary(i) {
            continue;
        }
        let c = bytes[i];
        if !(c.is_ascii_uppercase() || c.is_ascii_digit()) || bytes[i - 1].is_ascii_digit() {
            continue;
        }
        let tail = &s[i..];
        if let Some(st) = whole(tail) {
            if st.start == 0 {
                return Some(Stamp { start: i, end: s.len(), iso: st.iso });
            }
        }
    }
    None
}

/// A timestamp at the start of `s` followed by more text (`Thu, 03 Oct 2024 11:26:50 GMT Headline`).
pub(crate) fn leading(s: &str) -> Option<Stamp> {
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
        t!("Updated 10:26 EST, Fri January 9, 2026", None);
        t!("Jan. 9", None);
        t!("2026-02-30", None);
        t!("Thu, 03 Oct 2024 11:26:50 GMT and more", None);
        t!("", None);
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
    }
}
