//! Datelines at the start of an article body, split into place, date and agency:
//! `Jakarta (AFP) –`, `Maribo (Denmark) (AFP) –`, `Tokyo, Jan. 9 (Jiji Press)--`,
//! `SEOUL, Feb. 10 (Yonhap) --`, `LONDON (Reuters) -The`, `FORT LAUDERDALE, Fla. (AP) —`,
//! `Nairobi, Kenya | AFP |`, `PARIS, March 12 -`, `WASHINGTON —`.

/// A dateline at the start of a line. Offsets are relative to the scanned string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DatelineParts {
    /// End of the dateline itself (after its closing dash or bar).
    pub end: usize,
    /// Where the body text starts (after whitespace following the dash).
    pub body: usize,
    pub place: Option<String>,
    pub date: Option<String>,
    pub agency: Option<String>,
    /// An author printed inside the dateline (`Baku, May 2 / Trend, A. Smith/`).
    pub author: Option<String>,
}

/// News agencies that appear in datelines (and bylines), as printed.
pub(crate) const AGENCIES: &[&str] = &[
    "AAP", "AFP", "ANA", "ANI", "ANSA", "AP", "APA", "APP", "Agence France-Presse", "Anadolu", "Antara", "Associated Press",
    "BERNAMA", "BNA", "BNS", "BSS", "BTA", "Belga", "Bernama", "Bloomberg", "BUSINESS WIRE", "Business Wire", "CNA", "CP",
    "Canadian Press", "DPA", "EFE", "Europa Press", "GLOBE NEWSWIRE", "GlobeNewswire", "IANS", "IRNA", "ISNA", "Interfax",
    "Jiji", "Jiji Press", "KCNA", "KUNA", "Kyodo", "Kyodo News", "Lusa", "MENA", "MTI", "NNA", "NTB", "ONA", "PA", "PAP",
    "PNA", "PR Newswire", "PRNewswire", "PTI", "Petra", "Prensa Latina", "QNA", "RIA", "RIA Novosti", "Reuters", "SANA", "SPA",
    "SUNA", "TASS", "TT", "Tasnim", "Trend", "UNI", "UPI", "Ukrinform", "VNA", "WAFA", "WAM", "Xinhua", "Yonhap", "dpa",
    "ACCESSWIRE", "Associated Press", "The Associated Press", "Agence France-Presse", "Agence France Presse", "Press Association",
    "Dow Jones", "AFX", "Sputnik", "Anadolu Agency", "Kyodo News Agency", "Yonhap News Agency", "Xinhua News Agency",
];

pub(crate) fn is_agency(s: &str) -> bool {
    AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(s))
}

/// Small words allowed in lowercase inside a place name.
const PLACE_PARTICLES: &[&str] =
    &["de", "del", "la", "le", "les", "of", "on", "upon", "am", "an", "der", "da", "do", "dos", "el", "al", "es", "sur", "en", "y", "and"];

/// Words that end in a colon at the start of a line without being a place (`UPDATE:`).
const COLON_LABELS: &[&str] = &[
    "update", "updated", "breaking", "watch", "exclusive", "note", "photos", "photo", "video", "live", "opinion", "analysis",
    "editorial", "editor's note", "q", "a", "warning", "read", "source", "sources", "by", "related", "listen", "see", "correction",
    "urgent", "flash", "alert", "advertisement", "tags", "topics", "share", "comment", "comments", "summary", "also read", "more",
];

fn is_placeish(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let mut caps = 0;
    for w in &words {
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            caps += 1;
        } else if !PLACE_PARTICLES.contains(&w.to_lowercase().as_str()) {
            return false;
        }
        if !w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-' | ',')) {
            return false;
        }
    }
    caps > 0
}

fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// `Jan. 9`, `Feb 10`, `March 12`, `9 January`, `29th November, 2015`, `Aug. 30, 2017`, `Friday`.
fn is_date_part(s: &str) -> bool {
    let w: Vec<&str> = s.split_whitespace().map(|x| x.trim_end_matches(',')).collect();
    let day = |x: &str| {
        let x = x.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (1..=2).contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit())
    };
    let ordinal_ok = |x: &str| {
        let suffix = x.trim_start_matches(|c: char| c.is_ascii_digit());
        matches!(suffix, "" | "st" | "nd" | "rd" | "th")
    };
    let year = |x: &str| x.len() == 4 && x.bytes().all(|b| b.is_ascii_digit());
    let month = |x: &str| super::stamp::month_number(x).is_some();
    match w.as_slice() {
        [m, d] => (month(m) && day(d) && ordinal_ok(d)) || (day(m) && ordinal_ok(m) && month(d)),
        [m, d, y] => year(y) && ((month(m) && day(d) && ordinal_ok(d)) || (day(m) && ordinal_ok(m) && month(d))),
        [d] => {
            let d = d.to_ascii_lowercase();
            ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains(&d.as_str())
        }
        _ => false,
    }
}

/// Split `core` (`PLACE[, DATE]`) into place and date: the date is the tail after the
/// leftmost comma that leaves a date (`WALTHAM, Mass., Jan. 25, 2017` → `WALTHAM, Mass.`).
fn split_place_date(core: &str) -> (String, Option<String>) {
    let core = core.trim().trim_end_matches(',').trim();
    for (comma, _) in core.match_indices(',') {
        let tail = core[comma + 1..].trim();
        if is_date_part(tail) {
            return (core[..comma].trim().to_string(), Some(tail.to_string()));
        }
    }
    (core.to_string(), None)
}

/// Whitespace after `i` in `s` and the index of the first non-space byte.
fn skip_ws(s: &str, i: usize) -> usize {
    let after = &s[i..];
    i + (after.len() - after.trim_start().len())
}

/// The body may start here: at the end of the text, or at an uppercase letter, digit or quote.
fn body_starts(s: &str, i: usize) -> bool {
    match s[i..].chars().next() {
        None => true,
        Some(c) => c.is_uppercase() || c.is_ascii_digit() || "\"“'‘(".contains(c),
    }
}

/// An agency-looking token inside parentheses: a known agency, or one ALL-CAPS word of
/// 2–8 letters (`BBN`).
fn agency_like(inner: &str) -> bool {
    is_agency(inner)
        || (!inner.contains(char::is_whitespace) && (2..=8).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_uppercase()))
}

/// The dash after a dateline head: returns (dash end, body start).
fn dash_after(s: &str, i: usize, after_paren: bool) -> Option<(usize, usize)> {
    let rest = &s[i..];
    let trimmed = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    let ws = rest.len() - trimmed.len();
    let (dash_len, ok) = if trimmed.starts_with("--") {
        (2, true)
    } else if trimmed.starts_with('–') || trimmed.starts_with('—') {
        (3, true)
    } else if trimmed.starts_with('-') {
        // a single hyphen needs a space before it or a closing parenthesis
        (1, ws > 0 || after_paren)
    } else {
        (0, false)
    };
    if !ok {
        return None;
    }
    let end = i + ws + dash_len;
    let after = &s[end..];
    let body_ws = after.len() - after.trim_start().len();
    // `-The` is fine, `-based` is not: the body must start with an uppercase letter, digit or
    // quote (or the line ends: a dateline alone on its line)
    if !body_starts(s, end + body_ws) {
        return None;
    }
    Some((end, end + body_ws))
}

/// Where `h` first holds ` c` (with `space_after`, ` c `): `h.find(" | ")` without setting up
/// a substring searcher per line (`c` is ASCII; its occurrences are found with memchr).
fn find_spaced(h: &str, c: char, space_after: bool) -> Option<usize> {
    debug_assert!(c.is_ascii());
    let b = h.as_bytes();
    let mut from = 0;
    while let Some(k) = h[from..].find(c) {
        let p = from + k;
        if p > 0 && b[p - 1] == b' ' && (!space_after || b.get(p + 1) == Some(&b' ')) {
            return Some(p - 1);
        }
        from = p + 1;
    }
    None
}

/// Recognise a dateline at the start of `s`.
pub(crate) fn parse(s: &str) -> Option<DatelineParts> {
    let window_end = {
        let mut e = s.len().min(160);
        while !s.is_char_boundary(e) {
            e -= 1;
        }
        e
    };
    let window = &s[..window_end];
    if window.trim().is_empty() || window.starts_with(char::is_whitespace) {
        return None;
    }

    // Pipe form: `Nairobi, Kenya | AFP | text`
    if let Some(p1) = find_spaced(window, '|', true) {
        let place = window[..p1].trim();
        let rest = &window[p1 + 3..];
        if let Some(p2) = find_spaced(rest, '|', false) {
            let agency = rest[..p2].trim();
            if is_agency(agency) && is_placeish(place) {
                let end = p1 + 3 + p2 + 2;
                let body = skip_ws(s, end);
                return Some(DatelineParts { end, body, place: Some(place.to_string()), date: None, agency: Some(agency.to_string()), author: None });
            }
        }
    }
    if let Some(p) = slash_form(s, window) {
        return Some(p);
    }
    if let Some(p) = colon_form(s, window) {
        return Some(p);
    }

    // Paren/dash forms: find the end of the head = the first dash candidate.
    let mut i = 0;
    let mut depth = 0usize;
    let mut last_paren: Option<(usize, usize)> = None; // (open, close) of the last top-level paren group
    let mut parens = 0usize;
    let mut open = 0;
    for (j, c) in window.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    open = j;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    last_paren = Some((open, j));
                    parens += 1;
                }
            }
            '-' | '–' | '—' if depth == 0 => {
                i = j;
                break;
            }
            '!' | '?' | ':' | ';' | '"' | '“' | '\n' if depth == 0 => return None,
            _ => {}
        }
    }
    if i == 0 {
        return None;
    }
    let head = window[..i].trim_end();
    if head.is_empty() {
        return None;
    }
    let after_paren = head.ends_with(')');
    let (mut end, mut body) = dash_after(s, head.len(), after_paren)?;

    let mut agency = None;
    let mut core = head;
    if let Some((o, c)) = last_paren {
        if c + 1 == head.len() {
            let inner = head[o + 1..c].trim();
            let words = inner.split_whitespace().count();
            let capsish = inner.chars().next().is_some_and(|ch| ch.is_uppercase()) || inner == "dpa";
            if agency_like(inner) || (capsish && words <= 3 && parens >= 2) {
                agency = Some(inner.to_string());
                core = head[..o].trim_end();
            }
        }
    }
    // `CITY, St.--(BUSINESS WIRE)--Jan. 17, 2003--`: the agency and date after the first dash
    if agency.is_none() && s[body..].starts_with('(') {
        if let Some(close) = s[body..].find(')').filter(|&c| c < 40) {
            let inner = s[body + 1..body + close].trim();
            if agency_like(inner) || (inner.split_whitespace().count() <= 3 && inner.chars().all(|c| c.is_uppercase() || c == ' ')) {
                if let Some((e2, b2)) = dash_after(s, body + close + 1, true) {
                    agency = Some(inner.to_string());
                    (end, body) = (e2, b2);
                    // an optional `Jan. 17, 2003--` after it
                    if let Some(d) = s[body..].get(..s.len().min(body + 30) - body).and_then(|w| w.find("--")) {
                        if is_date_part(s[body..body + d].trim()) {
                            end = body + d + 2;
                            body = skip_ws(s, end);
                        }
                    }
                }
            }
        }
    }
    // `SYDNEY, Jan 29 AAP -`: an agency word ending the head
    if agency.is_none() {
        if let Some(sp) = core.rfind(' ') {
            let last = &core[sp + 1..];
            if is_agency(last) && last.chars().all(|c| c.is_ascii_uppercase()) {
                agency = Some(last.to_string());
                core = core[..sp].trim_end();
            }
        }
    }
    // core = place [, date] ; place may hold parens ("Maribo (Denmark)") and a comma ("FORT LAUDERDALE, Fla.")
    let (place, date) = split_place_date(core);
    let place_plain: String = place.chars().filter(|c| *c != '(' && *c != ')').collect();
    if !is_placeish(&place_plain) {
        return None;
    }
    // Without an agency, demand the wire look: ALL-CAPS place (its state may be title case:
    // `MONTGOMERY, Ala.`), or a date.
    let caps_city = place.split(',').next().is_some_and(|c| is_all_caps(c) && c.trim().len() >= 3);
    if agency.is_none() && !(caps_city || date.is_some()) {
        return None;
    }
    Some(DatelineParts { end, body, place: Some(place), date, agency, author: None })
}

/// `WALTHAM, Mass., Jan. 25, 2017 /PRNewswire/ --`, `BEDFORD, Mass., June 29 /PRNewswire/ --`,
/// `Baku, May 2 / Trend, A. Smith/` (agency and author between slashes, dash optional).
fn slash_form(s: &str, window: &str) -> Option<DatelineParts> {
    let open = find_spaced(window, '/', false)?;
    let head = window[..open].trim();
    if head.contains(['/', '(', ')', ':', ';', '"', '“']) {
        return None;
    }
    let inner_start = open + 2;
    let close = inner_start + window[inner_start..].find('/')?;
    let inner = window[inner_start..close].trim();
    let (agency, author) = match inner.split_once(',') {
        Some((a, b)) => (a.trim(), Some(b.trim()).filter(|b| !b.is_empty())),
        None => (inner, None),
    };
    let agency_ok = is_agency(agency)
        || (!agency.is_empty() && agency.len() <= 30 && agency.split_whitespace().count() <= 3 && agency.chars().next().is_some_and(char::is_uppercase) && agency.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '.')));
    if !agency_ok {
        return None;
    }
    let (place, date) = split_place_date(head);
    if !is_placeish(&place) || (date.is_none() && !is_agency(agency)) {
        return None;
    }
    let (end, body) = match dash_after(s, close + 1, true) {
        Some(x) => x,
        None => {
            let b = skip_ws(s, close + 1);
            if !body_starts(s, b) {
                return None;
            }
            (close + 1, b)
        }
    };
    Some(DatelineParts { end, body, place: Some(place), date, agency: Some(agency.to_string()), author: author.map(str::to_string) })
}

/// A country, city, state or region of the gazetteer (`SINGAPORE`, `KUALA LUMPUR`).
fn known_place(name: &str) -> bool {
    use crate::gazetteer::cat;
    let Some(gaz) = crate::gazetteer::shipped() else { return false };
    let key: String = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let bits = [cat::COUNTRY, cat::CITY, cat::ADMIN1, cat::LOC_HAND, cat::WN_LOC].iter().fold(0u64, |b, c| b | (1u64 << c));
    gaz.get(&key).is_some_and(|v| v & bits != 0)
}

/// `SINGAPORE: The court…`, `KUWAIT CITY: …`: an ALL-CAPS place and a colon (house styles
/// of NST, CNA, KUNA and others), body starting with a capital.
fn colon_form(s: &str, window: &str) -> Option<DatelineParts> {
    let colon = window.find(':')?;
    let head = window[..colon].trim_end();
    if head.len() != colon || head.is_empty() || head.len() > 40 || !is_all_caps(head) || !is_placeish(head) {
        return None;
    }
    if COLON_LABELS.contains(&head.to_lowercase().as_str()) || is_agency(head) || !known_place(head) {
        return None;
    }
    let end = colon + 1;
    if !s[end..].starts_with([' ', '\t', '\u{a0}']) {
        return None;
    }
    let body = skip_ws(s, end);
    if body >= s.len() || !body_starts(s, body) {
        return None;
    }
    Some(DatelineParts { end, body, place: Some(head.to_string()), date: None, agency: None, author: None })
}

/// A dateline inside the opening of a paragraph, after text glued before it (a caption and its
/// credit: `… file photo. — Example pic KUALA LUMPUR, Jan 16 — The ringgit …`): an ALL-CAPS
/// place of the gazetteer starting a word after a non-capital word. Returns its offset and
/// parts (offsets relative to the returned start). Scans the first 600 bytes.
pub(crate) fn find_inside(s: &str) -> Option<(usize, DatelineParts)> {
    let mut e = s.len().min(600);
    while !s.is_char_boundary(e) {
        e -= 1;
    }
    let mut prev_caps = true;
    let bytes = s.as_bytes();
    for (i, c) in s[..e].char_indices() {
        if c.is_whitespace() {
            continue;
        }
        let word_start = i == 0 || (bytes[i - 1] as char).is_whitespace();
        if !word_start {
            continue;
        }
        let word = s[i..].split_whitespace().next().unwrap_or("");
        let caps = is_all_caps(word.trim_end_matches([',', '.'])) && word.len() >= 3;
        if caps && !prev_caps && i > 0 {
            if let Some(p) = parse(&s[i..]) {
                let city = p.place.as_deref().and_then(|pl| pl.split(',').next()).unwrap_or("");
                if known_place(city) {
                    return Some((i, p));
                }
            }
        }
        prev_caps = caps;
    }
    None
}

/// An agency credit ending a paragraph: `… on Friday. — AFP`, `… added.(Yonhap)`,
/// `… -- KUNA`, `… - CNA/nd`, `… — Bernama`, `… - AP`. Returns the agency.
pub(crate) fn trailing_credit(s: &str) -> Option<String> {
    let t = s.trim_end().trim_end_matches(['|', ' ', '\u{a0}']).trim_end();
    let from = {
        let mut f = t.len().saturating_sub(48);
        while !t.is_char_boundary(f) {
            f += 1;
        }
        f
    };
    let tail = &t[from..];
    // `(Yonhap)`
    if let Some(inner) = tail.strip_suffix(')').and_then(|x| x.rfind('(').map(|o| &x[o + 1..])) {
        let inner = inner.trim();
        if is_agency(inner) {
            return Some(inner.to_string());
        }
    }
    // `— AFP`, `-- KUNA`, `- CNA/nd`, `—KUNA photos`
    let dash = tail.rfind(['-', '–', '—'])?;
    let dash_start = tail[..dash].trim_end_matches(['-', '–', '—']).len();
    let before = tail[..dash_start].chars().next_back();
    if !before.is_some_and(|c| c.is_whitespace() || ".!?\"”'’)".contains(c)) {
        return None;
    }
    let dash_len = tail[dash..].chars().next().map_or(1, char::len_utf8);
    let credit = tail[dash + dash_len..].trim();
    let credit = credit.strip_suffix(" photos").or_else(|| credit.strip_suffix(" photo")).or_else(|| credit.strip_suffix(" pic")).unwrap_or(credit);
    let name = credit.split('/').next().unwrap_or("").trim();
    if name.is_empty() {
        return None;
    }
    let caps = (2..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase());
    (is_agency(name) || caps).then(|| name.to_string())
}

/// A credit line naming an agency: `(Xinhua) 13:03, May 2, 2013`, `Source: Xinhua`,
/// `By Reuters`, `Reuters`, `AFP`. Returns the agency.
pub(crate) fn credit_line(s: &str) -> Option<String> {
    let t = s.trim();
    if t.len() > 80 {
        return None;
    }
    if let Some(r) = t.strip_prefix('(') {
        let close = r.find(')')?;
        let inner = r[..close].trim();
        return is_agency(inner).then(|| inner.to_string());
    }
    for p in ["Source:", "SOURCE:", "Source :", "Sources:", "By", "BY", "From", "Via", "via"] {
        if let Some(r) = t.strip_prefix(p) {
            let r = r.trim().trim_end_matches('.');
            if is_agency(r) && (p.ends_with(':') || t[p.len()..].starts_with(' ')) {
                return Some(r.to_string());
            }
        }
    }
    is_agency(t).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($s:expr, $dl:expr, $place:expr, $date:expr, $agency:expr) => {{
            let p = parse($s).unwrap_or_else(|| panic!("no dateline in {:?}", $s));
            assert_eq!(&$s[..p.end], $dl, "dateline of {:?}", $s);
            assert_eq!(p.place.as_deref(), $place, "place of {:?}", $s);
            assert_eq!(p.date.as_deref(), $date, "date of {:?}", $s);
            assert_eq!(p.agency.as_deref(), $agency, "agency of {:?}", $s);
        }};
        ($s:expr, none) => {
            assert_eq!(parse($s), None, "{:?}", $s);
        };
    }

    #[test]
    fn agency_in_parentheses() {
        t!("Jakarta (AFP) – Rescuers searched on Monday.", "Jakarta (AFP) –", Some("Jakarta"), None, Some("AFP"));
        t!("Maribo (Denmark) (AFP) – A ferry ran aground.", "Maribo (Denmark) (AFP) –", Some("Maribo (Denmark)"), None, Some("AFP"));
        t!("LONDON (Reuters) -The pound rose.", "LONDON (Reuters) -", Some("LONDON"), None, Some("Reuters"));
        t!("FORT LAUDERDALE, Fla. (AP) — A storm hit.", "FORT LAUDERDALE, Fla. (AP) —", Some("FORT LAUDERDALE, Fla."), None, Some("AP"));
        t!("WASHINGTON (AP) — Lawmakers met.", "WASHINGTON (AP) —", Some("WASHINGTON"), None, Some("AP"));
    }

    #[test]
    fn place_date_agency() {
        t!("Tokyo, Jan. 9 (Jiji Press)--Japan said.", "Tokyo, Jan. 9 (Jiji Press)--", Some("Tokyo"), Some("Jan. 9"), Some("Jiji Press"));
        t!("SEOUL, Feb. 10 (Yonhap) -- South Korea said.", "SEOUL, Feb. 10 (Yonhap) --", Some("SEOUL"), Some("Feb. 10"), Some("Yonhap"));
        t!("PARIS, March 12 - France said.", "PARIS, March 12 -", Some("PARIS"), Some("March 12"), None);
        t!("WASHINGTON — The Senate voted.", "WASHINGTON —", Some("WASHINGTON"), None, None);
    }

    #[test]
    fn pipe_form() {
        t!("Nairobi, Kenya | AFP | Kenya said on Friday.", "Nairobi, Kenya | AFP |", Some("Nairobi, Kenya"), None, Some("AFP"));
    }

    #[test]
    fn wire_and_release_forms() {
        t!("OSLO, Oct. 3 (Xinhua) -- Norway said.", "OSLO, Oct. 3 (Xinhua) --", Some("OSLO"), Some("Oct. 3"), Some("Xinhua"));
        t!("LIMA, May 4 (UPI) -- Peru said.", "LIMA, May 4 (UPI) --", Some("LIMA"), Some("May 4"), Some("UPI"));
        t!("Pune, India (XYZ) – Shares fell.", "Pune, India (XYZ) –", Some("Pune, India"), None, Some("XYZ"));
        t!("PERTH, Feb 3 AAP - A court heard.", "PERTH, Feb 3 AAP -", Some("PERTH"), Some("Feb 3"), Some("AAP"));
        t!("Doha, 3rd March, 2016 (QNA) - The emir met.", "Doha, 3rd March, 2016 (QNA) -", Some("Doha"), Some("3rd March, 2016"), Some("QNA"));
        t!(
            "AUSTIN, Texas, Feb. 2, 2019 /PRNewswire/ -- Acme Corp said.",
            "AUSTIN, Texas, Feb. 2, 2019 /PRNewswire/ --",
            Some("AUSTIN, Texas"),
            Some("Feb. 2, 2019"),
            Some("PRNewswire")
        );
        t!("TROY, Mich., May 9 /PRNewswire/ -- Acme said.", "TROY, Mich., May 9 /PRNewswire/ --", Some("TROY, Mich."), Some("May 9"), Some("PRNewswire"));
        t!(
            "RENO, Nev. and BOISE, Idaho, July 1, 2020 /PRNewswire/ -- Two firms merged.",
            "RENO, Nev. and BOISE, Idaho, July 1, 2020 /PRNewswire/ --",
            Some("RENO, Nev. and BOISE, Idaho"),
            Some("July 1, 2020"),
            Some("PRNewswire")
        );
        t!("SALEM, Ore.--(BUSINESS WIRE)--Mar. 3, 2004--\nAcme Inc. said.", "SALEM, Ore.--(BUSINESS WIRE)--Mar. 3, 2004--", Some("SALEM, Ore."), None, Some("BUSINESS WIRE"));
        let p = parse("Tbilisi, Georgia, May 2 / Trend , B. Jones/\n\nThe talks went on.").unwrap();
        assert_eq!((p.place.as_deref(), p.agency.as_deref(), p.author.as_deref()), (Some("Tbilisi, Georgia"), Some("Trend"), Some("B. Jones")));
        t!("OSLO —", "OSLO —", Some("OSLO"), None, None);
        t!("TULSA, Okla. — A storm hit.", "TULSA, Okla. —", Some("TULSA, Okla."), None, None);
    }

    #[test]
    fn colon_datelines() {
        t!("JAKARTA: The court ruled on Friday.", "JAKARTA:", Some("JAKARTA"), None, None);
        t!("KUALA LUMPUR: Prices rose.", "KUALA LUMPUR:", Some("KUALA LUMPUR"), None, None);
        t!("UPDATE: The road is open.", none);
        t!("WATCH: The moment it fell", none);
        t!("Jakarta: the court ruled.", none);
        t!("NOTE:", none);
        t!("CAPTION: Films of the year", none);
        t!("ACME CORP: Shares rose.", none);
    }

    #[test]
    fn inside_a_paragraph() {
        let s = "Notes in a tray, in a file photo. — Example pic KUALA LUMPUR, Jan 16 — The ringgit closed flat.";
        let (i, p) = find_inside(s).unwrap();
        assert_eq!(&s[i..i + p.end], "KUALA LUMPUR, Jan 16 —");
        assert!(find_inside("The league said the NFL — The owners agreed.").is_none());
        assert!(find_inside("Ordinary text with no dateline at all.").is_none());
    }

    #[test]
    fn credits() {
        for h in ["Nairobi | AFP | x", "a|b | c", "| x", " |", "x  ||  y | z", "é | ü", "no bars", "a / b", "a/b /c"] {
            assert_eq!(find_spaced(h, '|', true), h.find(" | "), "{h}");
            assert_eq!(find_spaced(h, '|', false), h.find(" |"), "{h}");
            assert_eq!(find_spaced(h, '/', false), h.find(" /"), "{h}");
        }
        assert_eq!(trailing_credit("The talks ended on Friday. — AFP").as_deref(), Some("AFP"));
        assert_eq!(trailing_credit("The talks ended on Friday.(Yonhap)").as_deref(), Some("Yonhap"));
        assert_eq!(trailing_credit("The vote is on Monday. -- KUNA").as_deref(), Some("KUNA"));
        assert_eq!(trailing_credit("The case resumes in May. - CNA/xy |").as_deref(), Some("CNA"));
        assert_eq!(trailing_credit("A vigil was held. - AP").as_deref(), Some("AP"));
        assert_eq!(trailing_credit("Shares ended flat. — Bernama").as_deref(), Some("Bernama"));
        assert_eq!(trailing_credit("The score was 2-1").as_deref(), None);
        assert_eq!(trailing_credit("He met the team — and left").as_deref(), None);
        assert_eq!(trailing_credit("It is listed (NYSE)").as_deref(), None);
        assert_eq!(credit_line("(Xinhua)  10:01, May 2, 2013").as_deref(), Some("Xinhua"));
        assert_eq!(credit_line("Source: Xinhua").as_deref(), Some("Xinhua"));
        assert_eq!(credit_line("By Reuters").as_deref(), Some("Reuters"));
        assert_eq!(credit_line("By Jane Doe").as_deref(), None);
    }

    #[test]
    fn not_datelines() {
        t!("However, the minister said — nothing.", none);
        t!("However, the minister said — Nothing.", none);
        t!("Officials said on Friday: The plan is off.", none);
        t!("The ratio is 3 /4 of the total", none);
        t!("Lee met Xi - and then left.", none);
        t!("The Tokyo-based firm said.", none);
        t!("Brazil joins Indian, Egyptian ships for patrols", none);
        t!("Ghana's President John Mahama will travel - to Kenya", none);
        t!("Relations have long suffered (since 1910) – says one expert.", none);
        t!("- Quiet harbour -", none);
        t!("", none);
    }
}
