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
}

/// News agencies that appear in datelines (and bylines), as printed.
pub(crate) const AGENCIES: &[&str] = &[
    "AAP", "AFP", "ANA", "ANI", "ANSA", "AP", "APA", "APP", "Agence France-Presse", "Anadolu", "Antara", "Associated Press",
    "BERNAMA", "BNS", "BSS", "Belga", "Bernama", "Bloomberg", "CNA", "CP", "Canadian Press", "DPA", "EFE", "Europa Press",
    "IANS", "IRNA", "Interfax", "Jiji", "Jiji Press", "KCNA", "Kyodo", "Kyodo News", "Lusa", "MENA", "NNA", "NTB", "PA",
    "PNA", "PTI", "Prensa Latina", "RIA", "RIA Novosti", "Reuters", "SPA", "TASS", "TT", "UNI", "UPI", "Ukrinform", "VNA",
    "WAFA", "WAM", "Xinhua", "Yonhap", "dpa",
];

pub(crate) fn is_agency(s: &str) -> bool {
    AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(s))
}

/// Small words allowed in lowercase inside a place name.
const PLACE_PARTICLES: &[&str] = &["de", "del", "la", "le", "les", "of", "on", "upon", "am", "an", "der", "da", "do", "dos", "el", "al", "es", "sur", "en", "y"];

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

/// `Jan. 9`, `Feb 10`, `March 12`, `9 January`, `Friday`.
fn is_date_part(s: &str) -> bool {
    let w: Vec<&str> = s.split_whitespace().collect();
    let day = |x: &str| x.len() <= 2 && !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    match w.as_slice() {
        [m, d] => (super::stamp::month_number(m).is_some() && day(d)) || (day(m) && super::stamp::month_number(d).is_some()),
        [m, d, y] => {
            super::stamp::month_number(m).is_some() && day(d.trim_end_matches(',')) && y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())
        }
        [d] => {
            let d = d.to_ascii_lowercase();
            ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains(&d.as_str())
        }
        _ => false,
    }
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
    // `-The` is fine, `-based` is not: the body must start with an uppercase letter, digit or quote
    let next = after[body_ws..].chars().next()?;
    if !(next.is_uppercase() || next.is_ascii_digit() || "\"“'‘(".contains(next)) {
        return None;
    }
    Some((end, end + body_ws))
}

/// Recognise a dateline at the start of `s`.
pub(crate) fn parse(s: &str) -> Option<DatelineParts> {
    let window_end = {
        let mut e = s.len().min(120);
        while !s.is_char_boundary(e) {
            e -= 1;
        }
        e
    };
    let window = &s[..window_end];

    // Pipe form: `Nairobi, Kenya | AFP | text`
    if let Some(p1) = window.find(" | ") {
        let place = window[..p1].trim();
        let rest = &window[p1 + 3..];
        if let Some(p2) = rest.find(" |") {
            let agency = rest[..p2].trim();
            if is_agency(agency) && is_placeish(place) {
                let end = p1 + 3 + p2 + 2;
                let body = end + (s[end..].len() - s[end..].trim_start().len());
                return Some(DatelineParts { end, body, place: Some(place.to_string()), date: None, agency: Some(agency.to_string()) });
            }
        }
    }

    // Paren/dash forms: find the end of the head = the first dash candidate.
    let mut i = 0;
    let mut depth = 0usize;
    let mut last_paren: Option<(usize, usize)> = None; // (open, close) of the last top-level paren group
    let mut parens: Vec<(usize, usize)> = Vec::new();
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
                    parens.push((open, j));
                }
            }
            '-' | '–' | '—' if depth == 0 => {
                i = j;
                break;
            }
            '.' | '!' | '?' | ':' | ';' | '"' | '“' if depth == 0 && c != '.' => return None,
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
    let (end, body) = dash_after(s, head.len(), after_paren)?;

    let mut agency = None;
    let mut core = head;
    if let Some((o, c)) = last_paren {
        if c + 1 == head.len() {
            let inner = head[o + 1..c].trim();
            let words = inner.split_whitespace().count();
            let capsish = inner.chars().next().is_some_and(|ch| ch.is_uppercase()) || inner == "dpa";
            if is_agency(inner) || (capsish && words <= 3 && parens.len() >= 2) {
                agency = Some(inner.to_string());
                core = head[..o].trim_end();
            }
        }
    }
    // core = place [, date] ; place may hold parens ("Maribo (Denmark)") and a comma ("FORT LAUDERDALE, Fla.")
    let mut date = None;
    let mut place = core.trim().trim_end_matches(',').trim().to_string();
    if let Some(comma) = core.rfind(',') {
        let tail = core[comma + 1..].trim();
        if is_date_part(tail) {
            date = Some(tail.to_string());
            place = core[..comma].trim().to_string();
        }
    }
    let place_plain: String = place.chars().filter(|c| *c != '(' && *c != ')').collect();
    if !is_placeish(&place_plain) {
        return None;
    }
    // Without an agency, demand the wire look: ALL-CAPS place, or a date.
    if agency.is_none() && !(is_all_caps(&place) || date.is_some()) {
        return None;
    }
    Some(DatelineParts { end, body, place: Some(place), date, agency })
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
    fn not_datelines() {
        t!("Lee met Xi - and then left.", none);
        t!("The Tokyo-based firm said.", none);
        t!("Brazil joins Indian, Egyptian ships for patrols", none);
        t!("Ghana's President John Mahama will travel - to Kenya", none);
        t!("Relations have long suffered (since 1910) – says one expert.", none);
        t!("- Quiet harbour -", none);
        t!("", none);
    }
}
