//! Bylines: at the end (`K.Tanaka--ABCD`, `K.Tanaka/J.Park--ABCD`,
//! `(Reporting by Jane Doe; Editing by John Roe)`) or at the top (`BY STUART WILLIAMS`,
//! `By Jane Doe, Reuters`, `By Jane Doe and John Roe`).

use super::dateline::is_agency;

/// A parsed byline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BylineParts {
    pub authors: Vec<String>,
    pub source: Option<String>,
}

/// `Tanaka` / `TANAKA` / `McDonald` / `O'Neill` / `Yu-jung`: a capitalised name word.
fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    first.is_uppercase() && w.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.')) && w.chars().filter(|c| c.is_alphabetic()).count() >= 1
}

/// Title-case an ALL-CAPS name (`STUART WILLIAMS` → `Stuart Williams`, `O'NEILL` → `O'Neill`).
pub(crate) fn title_case(name: &str) -> String {
    if name.chars().any(|c| c.is_lowercase()) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// `K.Tanaka` → `K. Tanaka`; `J.-P.Dupont` → `J.-P. Dupont`.
fn expand_initials(a: &str) -> Option<String> {
    let dot = a.rfind('.')?;
    let (init, sur) = (&a[..=dot], &a[dot + 1..]);
    if init.is_empty() || sur.is_empty() || !is_name_word(sur) || sur.len() < 2 {
        return None;
    }
    if !init.chars().all(|c| c.is_uppercase() || c == '.' || c == '-') || !init.chars().next()?.is_uppercase() {
        return None;
    }
    Some(format!("{init} {sur}"))
}

/// An end byline: `K.Tanaka--ABCD` (AFP house style: author initial.surname, `--`, site code).
pub(crate) fn end_byline(line: &str) -> Option<BylineParts> {
    let line = line.trim();
    if let Some(p) = reporting_by(line) {
        return Some(p);
    }
    let (authors, code) = line.rsplit_once("--")?;
    let code = code.trim();
    if code.is_empty() || code.len() > 8 || !code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    let mut out = Vec::new();
    for a in authors.split(['/', ',']) {
        let a = a.trim();
        if a.contains(char::is_whitespace) {
            // "Kenji Tanaka--ABCD"
            let words: Vec<&str> = a.split_whitespace().collect();
            if words.len() > 4 || !words.iter().all(|w| is_name_word(w)) {
                return None;
            }
            out.push(title_case(a));
        } else {
            out.push(expand_initials(a).or_else(|| (is_name_word(a) && a.len() >= 3).then(|| a.to_string()))?);
        }
    }
    if out.is_empty() {
        return None;
    }
    Some(BylineParts { authors: out, source: Some(code.to_string()) })
}

/// `(Reporting by Jane Doe and John Roe in Tokyo; Editing by Ann Poe)` → reporters.
/// Reuters-style credits, with or without parentheses: `(Reporting by A and B in Tokyo; Writing by C;
/// Editing by D)`. Reporters and writers are the authors; an editing-only line has none.
fn reporting_by(line: &str) -> Option<BylineParts> {
    let inner = match line.strip_prefix('(') {
        Some(r) => r.strip_suffix(')')?,
        None => line,
    };
    if inner.len() > 300 {
        return None;
    }
    let mut authors = Vec::new();
    let mut any = false;
    for part in inner.split(';') {
        let part = part.trim();
        let lower = part.to_lowercase();
        let (prefix_len, is_author) = if lower.starts_with("reporting by ") {
            ("reporting by ".len(), true)
        } else if lower.starts_with("additional reporting by ") {
            ("additional reporting by ".len(), true)
        } else if lower.starts_with("writing by ") {
            ("writing by ".len(), true)
        } else if lower.starts_with("editing by ") {
            ("editing by ".len(), false)
        } else if lower.starts_with("compiled by ") {
            ("compiled by ".len(), true)
        } else {
            return None;
        };
        let rest = &part[prefix_len..];
        let rest = match rest.find(" in ") {
            Some(i) => &rest[..i],
            None => rest,
        };
        let names = split_names(rest)?;
        any = true;
        if is_author {
            for n in names {
                if !authors.contains(&n) {
                    authors.push(n);
                }
            }
        }
    }
    any.then_some(BylineParts { authors, source: None })
}

/// `Jane Doe, John Roe and Ann Poe` → names (each 1–4 capitalised words).
fn split_names(s: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for part in s.split(',').flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" & ")) {
        let p = part.trim();
        if p.is_empty() {
            continue;
        }
        let words: Vec<&str> = p.split_whitespace().collect();
        if words.is_empty() || words.len() > 4 || !words.iter().all(|w| is_name_word(w) || is_particle(w)) {
            return None;
        }
        out.push(title_case(p));
    }
    (!out.is_empty()).then_some(out)
}

fn is_particle(w: &str) -> bool {
    matches!(w, "de" | "van" | "von" | "der" | "da" | "di" | "du" | "le" | "la" | "bin" | "al" | "el")
}

/// A top byline: `BY STUART WILLIAMS`, `By Jane Doe, Reuters`, `By Jane Doe and John Roe`,
/// `By Jane Doe | AFP`, `Jane Doe, AFP` is not accepted (too ambiguous).
pub(crate) fn top_byline(line: &str) -> Option<BylineParts> {
    let line = line.trim();
    let rest = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")).or_else(|| line.strip_prefix("by "))?;
    let rest = rest.trim();
    // split a trailing source: ", Reuters" / " | AFP" / " - AFP"
    let mut source = None;
    let mut names = rest;
    for sep in [" | ", ", ", " - ", " – "] {
        if let Some(i) = rest.rfind(sep) {
            let tail = rest[i + sep.len()..].trim();
            if is_agency(tail) || (sep != ", " && !tail.is_empty()) {
                source = Some(tail.to_string());
                names = &rest[..i];
                break;
            }
        }
    }
    let authors = split_names(names)?;
    Some(BylineParts { authors, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! end {
        ($s:expr, [$($a:expr),*], $src:expr) => {
            assert_eq!(end_byline($s), Some(BylineParts { authors: vec![$($a.to_string()),*], source: $src.map(String::from) }), "{:?}", $s);
        };
        ($s:expr, none) => {
            assert_eq!(end_byline($s), None, "{:?}", $s);
        };
    }
    macro_rules! top {
        ($s:expr, [$($a:expr),*], $src:expr) => {
            assert_eq!(top_byline($s), Some(BylineParts { authors: vec![$($a.to_string()),*], source: $src.map(String::from) }), "{:?}", $s);
        };
        ($s:expr, none) => {
            assert_eq!(top_byline($s), None, "{:?}", $s);
        };
    }

    #[test]
    fn end_bylines() {
        end!("K.Tanaka--ABCD", ["K. Tanaka"], Some("ABCD"));
        end!("K.Tanaka/J.Park--ABCD", ["K. Tanaka", "J. Park"], Some("ABCD"));
        end!("J.-P.Dupont--XYZ1", ["J.-P. Dupont"], Some("XYZ1"));
        end!("Kenji Tanaka--ABCD", ["Kenji Tanaka"], Some("ABCD"));
        end!("(Reporting by Jane Doe and John Roe in Tokyo; Editing by Ann Poe)", ["Jane Doe", "John Roe"], None::<&str>);
        end!("Editing by Jane Roe", [], None::<&str>);
        end!("Reporting by Ann Lee; Additional reporting by Bo Kim; Editing by Jane Roe", ["Ann Lee", "Bo Kim"], None::<&str>);
        end!("Reporting on the war is hard", none);
        end!("Lee met Xi--then left", none);
        end!("2024--2025", none);
        end!("--ABCD", none);
        end!("k.tanaka--ABCD", none);
    }

    #[test]
    fn top_bylines() {
        top!("BY STUART WILLIAMS", ["Stuart Williams"], None::<&str>);
        top!("By Jane Doe, Reuters", ["Jane Doe"], Some("Reuters"));
        top!("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], None::<&str>);
        top!("By Jane Doe | AFP", ["Jane Doe"], Some("AFP"));
        top!("By Ludwig van Beethoven", ["Ludwig van Beethoven"], None::<&str>);
        top!("By the time it ended, nobody cared", none);
        top!("By 2030 the plan will be done", none);
        top!("Byline", none);
    }
}
