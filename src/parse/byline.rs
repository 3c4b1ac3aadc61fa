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
    // (the last `--`, found byte-wise: a substring searcher costs more to set up than most lines)
    let dd = line.as_bytes().windows(2).rposition(|w| w == b"--")?;
    let (authors, code) = (&line[..dd], &line[dd + 2..]);
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
        // (an ASCII-case prefix test: no character but ASCII lowercases to these prefixes' letters)
        let opens = |p: &str| part.as_bytes().get(..p.len()).is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()));
        let (prefix_len, is_author) = if opens("reporting by ") {
            ("reporting by ".len(), true)
        } else if opens("additional reporting by ") {
            ("additional reporting by ".len(), true)
        } else if opens("writing by ") {
            ("writing by ".len(), true)
        } else if opens("editing by ") {
            ("editing by ".len(), false)
        } else if opens("compiled by ") {
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

/// `Jane Doe, John Roe and Ann Poe` → names (each 1–4 capitalised words). A part holding a
/// role word (`Science Correspondent`) is no name: the caller's lenient grammar reads it.
fn split_names(s: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for part in s.split(',').flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" & ")) {
        let p = part.trim();
        if p.is_empty() {
            continue;
        }
        let words: Vec<&str> = p.split_whitespace().collect();
        if words.is_empty() || words.len() > 4 || !words.iter().all(|w| is_name_word(w) || is_particle(w)) || words.iter().any(|w| is_role_word(w)) {
            return None;
        }
        if agency_tail(p).is_some() {
            return None;
        }
        out.push(title_case(p));
    }
    (!out.is_empty()).then_some(out)
}

fn is_role_word(w: &str) -> bool {
    ROLE_WORDS.contains(&w.to_lowercase().trim_end_matches(['.', ',']))
}

/// `GRACE O'NEILL Associated Press` → (`GRACE O'NEILL`, `Associated Press`): an agency printed
/// after the last name without a separator. The agency is two or more words, or one short
/// all-caps code after a name in mixed case (`Jane Doe AP`; a one-word agency such as
/// `Trend` may be a surname); at least two name words stay.
fn agency_tail(p: &str) -> Option<(&str, &str)> {
    let words: Vec<(usize, &str)> = p.split_whitespace().map(|w| (w.as_ptr() as usize - p.as_ptr() as usize, w)).collect();
    for k in (1..=3usize).rev() {
        if words.len() < k + 2 {
            continue;
        }
        let (cut, _) = words[words.len() - k];
        let (head, tail) = (p[..cut].trim_end(), p[cut..].trim());
        let code = k == 1 && tail.len() <= 5 && tail.chars().all(|c| c.is_ascii_uppercase()) && head.chars().any(char::is_lowercase);
        if is_agency(tail) && (k >= 2 || code) {
            return Some((head, tail));
        }
    }
    None
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
    match split_names(names) {
        Some(authors) => Some(BylineParts { authors, source }),
        // `By JANE DOE and JOHN ROE | Daily Planet | Updated: …`
        None => lenient(line, true).filter(|p| !p.authors.is_empty()),
    }
}

/// Role words that follow a name in a byline (`Jane Doe, Staff Writer`), never names.
const ROLE_WORDS: &[&str] = &[
    "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors", "contributor",
    "contributors", "columnist", "author", "authors", "team", "desk", "bureau", "senior", "chief", "deputy", "special", "freelance",
    "producer", "analyst", "intern", "photographer", "news", "service", "online", "digital", "admin", "administrator", "guest",
    "follow", "posted", "published", "updated", "share", "email", "twitter", "facebook", "comments", "comment", "ago", "min",
    "read", "more", "view", "profile", "and", "by", "in", "from", "the", "with", "for", "photo", "photos", "video", "image",
    "article", "articles", "newer", "older", "previous", "next", "home", "menu", "search", "login", "subscribe", "sign",
];

/// Byline prefixes, longest first (matched case-insensitively, then a space or colon).
const PREFIXES: &[&str] = &[
    "written by", "posted by", "published by", "story by", "words by", "reported by", "reporting by", "text by", "article by",
    "autor:", "autorin:", "author:", "authors:", "auteur:", "auteur :", "text:", "texto:", "reporter:", "by:", "by", "par", "por",
    "von", "door", "di",
];

/// A byline marker printed alone on its line (`By`, `por`, `Par`, `By:`), the names on the next.
pub(crate) fn is_marker_word(s: &str) -> bool {
    let t = s.trim().trim_end_matches(':');
    !t.is_empty() && !t.contains(' ') && PREFIXES.iter().any(|p| p.trim_end_matches(':').eq_ignore_ascii_case(t))
}

fn strip_prefix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let head = s.get(..p.len())?;
    if !head.eq_ignore_ascii_case(p) {
        return None;
    }
    let rest = &s[p.len()..];
    if p.ends_with(':') {
        return Some(rest.trim_start());
    }
    // `By Jane`, `By: Jane`; `Byhindustantimes.com` only before a lowercase domain
    if let Some(r) = rest.strip_prefix([' ', '\u{a0}', ':']) {
        return Some(r.trim_start_matches([' ', ':', '\u{a0}']));
    }
    (p == "by" && rest.contains('.') && !rest.contains(' ') && rest.chars().next().is_some_and(char::is_lowercase)).then_some(rest)
}

/// An outlet in the byline slot: a known agency (`Reuters News Service`), a domain
/// (`example.com`), or `The …` (`The Daily Record`).
fn outlet(s: &str) -> Option<String> {
    let t = s.trim().trim_end_matches(|c: char| c.is_ascii_digit()).trim().trim_end_matches(['.', ',']);
    if t.is_empty() || t.len() > 60 {
        return None;
    }
    let first = t.split_whitespace().next().unwrap_or("");
    let words = t.split_whitespace().count();
    let domain = !t.contains([' ', '@']) && t.contains('.') && t.rsplit('.').next().is_some_and(|tld| (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase()));
    let the = first == "The" && (2..=6).contains(&words);
    let agency = is_agency(t) || (is_agency(first) && words <= 4 && t.split_whitespace().skip(1).all(|w| w.chars().next().is_some_and(char::is_uppercase)));
    let caps = t.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let desk = caps && words >= 2 && ["News Service", "News Agency", "Wire Service", "Newswire", "Wire", "Staff", "Newsroom", "News Desk", "Desk"].iter().any(|x| t.ends_with(x));
    (domain || the || agency || desk).then(|| t.to_string())
}

/// A name: 1–5 name words (particles allowed inside), no role word; title-cased when ALL CAPS.
fn one_name(p: &str) -> Option<String> {
    let p = p.trim().trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    // `(now)`, `(earlier)` roles in parentheses
    let p = match p.find(" (") {
        Some(i) if p.ends_with(')') => p[..i].trim(),
        _ => p,
    };
    let mut words: Vec<&str> = p.split_whitespace().collect();
    // a name printed twice, an avatar's alt text and then the name (`Jane Doe Jane Doe`)
    // (after a label: `Section Jane Doe Jane Doe`)
    let doubled = (2..=words.len() / 2).rev().find(|&k| words[words.len() - 2 * k..words.len() - k] == words[words.len() - k..]);
    if let Some(k) = doubled {
        words.drain(..words.len() - k);
    }
    if words.is_empty() || words.len() > 5 || is_particle(words[0]) {
        return None;
    }
    if words.iter().any(|w| ROLE_WORDS.contains(&w.to_lowercase().trim_end_matches(['.', ',']))) {
        return None;
    }
    if !words.iter().all(|w| is_name_word(w) || is_particle(w)) || !words.iter().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2) {
        return None;
    }
    // one word: only an ALL-CAPS or capitalised surname-like word of 3+ letters after a `By`
    Some(title_case(&if doubled.is_some() { words.join(" ") } else { p.to_string() }))
}

/// Names joined by `,`, `and`, `&`, `y`, `et`, `und` (`;` too); stops at the first part that
/// is not a name, which when it is an outlet becomes the source. Returns (names, source,
/// all parts were understood).
fn names_and_tail(s: &str) -> (Vec<String>, Option<String>, bool) {
    let mut names = Vec::new();
    let mut source = None;
    let mut clean = true;
    let mut parts: Vec<&str> = Vec::new();
    for p in s.split([',', ';', '\u{a0}']) {
        let mut rest = p;
        loop {
            let cut = [" and ", " AND ", " & ", " y ", " et ", " und "].iter().filter_map(|sep| rest.find(sep).map(|i| (i, sep.len()))).min();
            match cut {
                Some((i, l)) => {
                    parts.push(&rest[..i]);
                    rest = &rest[i + l..];
                }
                None => {
                    parts.push(rest);
                    break;
                }
            }
        }
    }
    for (k, part) in parts.iter().enumerate() {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if is_agency(part) {
            source.get_or_insert_with(|| part.to_string());
            continue;
        }
        if let Some((head, agency)) = agency_tail(part).filter(|(h, _)| one_name(h).is_some()) {
            names.extend(one_name(head).filter(|n| !names.contains(n)));
            source.get_or_insert_with(|| agency.to_string());
            break;
        }
        if let Some(n) = one_name(part) {
            if !names.contains(&n) {
                names.push(n);
            }
            continue;
        }
        if source.is_none() {
            source = outlet(part);
        }
        // a role (`Staff Writer`, `a deputy editor`) or outlet ends the names
        let _ = k;
        clean = source.is_some() || part.split_whitespace().any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str())) || part.starts_with(char::is_lowercase);
        break;
    }
    (names, source, clean)
}

/// Where the name part of a byline ends: at a date or time, a handle, a bar, a bullet, or a
/// dash/slash before an outlet.
fn names_end(s: &str) -> usize {
    let mut end = s.len();
    if let Some(st) = super::stamp::find(s) {
        end = end.min(st.start);
    }
    // a date glued to the last name (`by Jane Doe22 Dec 2016`), not a handle (`jdoe22`)
    if let Some(i) = s.as_bytes().windows(2).position(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_digit()) {
        if glued_date(&s[i + 1..]) {
            end = end.min(i + 1);
        }
    }
    for sep in [" | ", "|", " • ", "•", " · ", "·", "@", " – ", " — ", " - ", "/", " on ", " at ", " in ", " updated", " Updated", " posted", " Posted", " (", "\t", "  ", " Follow", " ago"] {
        if let Some(i) = s.find(sep) {
            if i > 0 {
                end = end.min(i);
            }
        }
    }
    // a weekday, month or digit word starts the date part (`Jane Doe 1 day ago`, `Jane Doe March 18`)
    let mut off = 0;
    let words: Vec<&str> = s.split(' ').collect();
    for (k, w) in words.iter().enumerate() {
        let bare = w.trim_end_matches([',', '.']);
        let digit_next = words.get(k + 1).is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
        if off > 0 && (bare.starts_with(|c: char| c.is_ascii_digit()) || (super::stamp::month_number(bare).is_some() && digit_next) || super::stamp::is_weekday_word(bare) && digit_next) {
            end = end.min(off - 1);
            break;
        }
        off += w.len() + 1;
    }
    end
}

/// Whether `s` opens with a date (`22 Dec 2016…`, `Dec 22`, a whole stamp), read where a name
/// runs into it without a space.
fn glued_date(s: &str) -> bool {
    if super::stamp::find(s).is_some_and(|st| st.start == 0) {
        return true;
    }
    let mut words = s.split_whitespace();
    let day = words.next().is_some_and(|w| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()));
    day && words.next().is_some_and(|w| super::stamp::month_number(w.trim_end_matches(',')).is_some())
}

/// A byline line without its link marks: a markdown link keeps its text (`[Jane
/// Doe](https://example.com/jd)` → `Jane Doe`) and a text dump's reference number goes
/// (`[12]Jane Doe`, `[0] Jane Doe`). `None` when the line has neither.
fn unlink(t: &str) -> Option<String> {
    if !t.contains('[') {
        return None;
    }
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    let mut changed = false;
    while let Some(o) = rest.find('[') {
        out.push_str(&rest[..o]);
        let after = &rest[o + 1..];
        // (the closing bracket within a name's length: linear however many brackets open)
        let close = after.char_indices().take(80).find(|&(_, c)| c == ']' || c == '[').filter(|&(_, c)| c == ']').map(|(i, _)| i);
        let Some(c) = close else {
            out.push('[');
            rest = after;
            continue;
        };
        let inner = &after[..c];
        let tail = &after[c + 1..];
        if let Some(url) = tail.strip_prefix('(') {
            if let Some(e) = url.char_indices().take(300).find(|&(_, ch)| ch == ')' || ch == ' ').filter(|&(_, ch)| ch == ')').map(|(i, _)| i) {
                out.push_str(inner);
                rest = &url[e + 1..];
                changed = true;
                continue;
            }
        }
        if (1..=4).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_digit()) {
            rest = tail.trim_start();
            changed = true;
            // a section label's link before the author's (`Features [0] Jane Doe`): the label goes
            if rest.starts_with(char::is_uppercase) && is_label(&out) {
                out.clear();
            }
            continue;
        }
        out.push('[');
        rest = after;
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Text before a dump's link mark that labels the link after it rather than opening the
/// byline: one or two capitalised words, no byline marker or joining word at its end
/// (`Features `, not `By `, `Jane Doe and `, `Written by `).
fn is_label(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    let Some(last) = words.last() else { return false };
    // (every word capitalised and alphabetic already rules out `,`, `&`, `|`, `/`, `:` and a
    // lowercase `and`; a capitalised `And` is left)
    words.len() <= 2 && !last.eq_ignore_ascii_case("and") && words.iter().all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic)) && !PREFIXES.iter().any(|p| p.trim_end_matches(':').eq_ignore_ascii_case(last))
}

/// A lenient byline, for lines the line-role model calls bylines and for the short lines
/// between a title and its body: `by Jane Doe January 18, 2017 11:00 PM PST`,
/// `By JANE DOE and JOHN ROE, Staff Writers`, `Jane Doe | Reporter`, `Written by Jane Doe`,
/// `Posted Aug 14, 2007 by Jane Doe`, `Autor: Jana Nováková`, `By Jane Doe, The Daily Planet`,
/// `Jane Doe - Apr 16, 2015 8:02 pm UTC`, `By Example News Service`. `marked` demands a
/// marker (`By`, `Written by`, `Autor:`, …) unless the names are followed by a date, a bar or
/// a handle. Authors are names only (roles, agency tails, dates dropped); an outlet in the
/// byline slot is the source, not an author.
pub(crate) fn lenient(line: &str, marked: bool) -> Option<BylineParts> {
    // markdown escapes (`Jane Doe \- Apr 16, 2015`)
    let unescaped;
    let mut t = line.trim();
    if t.len() > 600 {
        return None;
    }
    if t.contains('\\') {
        unescaped = t.replace("\\-", "-").replace("\\*", "*").replace("\\_", "_").replace("\\|", "|");
        t = unescaped.as_str();
    }
    let unlinked = unlink(t);
    if let Some(u) = &unlinked {
        t = u.as_str();
    }
    // role notes in parentheses: `Jane Doe (now) and John Roe (earlier)`
    let owned;
    let mut noted = false;
    if t.contains(" (") {
        let mut out = String::with_capacity(t.len());
        let mut rest = t;
        while let Some(o) = rest.find(" (") {
            let close = rest[o..].find(')').map(|c| o + c);
            match close {
                Some(c) if rest[o + 2..c].chars().all(|ch| ch.is_lowercase() || ch == ' ') && c > o + 2 => {
                    out.push_str(&rest[..o]);
                    rest = &rest[c + 1..];
                    noted = true;
                }
                _ => {
                    out.push_str(&rest[..o + 2]);
                    rest = &rest[o + 2..];
                }
            }
        }
        out.push_str(rest);
        owned = out;
        t = owned.as_str();
    }
    if t.len() > 200 || t.is_empty() {
        return None;
    }
    for b in ["// ", "• ", "* ", "- ", "· "] {
        t = t.strip_prefix(b).unwrap_or(t).trim_start();
    }
    // an ordered list's number (`1. Jane Doe`: lynx numbers a list of authors)
    if let Some(r) = t.split_once(". ").filter(|(n, r)| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()) && r.starts_with(char::is_uppercase)).map(|(_, r)| r) {
        t = r.trim_start();
    }
    // a name set in bold or italics (`**Jane Doe** at Example Park`)
    let emphasis = t.starts_with("**") || t.starts_with('_');
    for b in ["**", "_"] {
        t = t.strip_prefix(b).unwrap_or(t).trim_start();
    }
    // a text dump's image marker before the name (`[avatar.jpg] Jane Doe • 8h`)
    if let Some(close) = t.strip_prefix('[').and_then(|r| r.find(']')).filter(|&c| !t[1..c + 1].contains(' ')) {
        t = t[close + 2..].trim_start();
    }
    t = t.trim_end_matches(['*', '_']).trim_end();
    if let Some(p) = end_byline(t) {
        return Some(p);
    }
    let mut marker = false;
    // `Posted Aug 14, 2007 by Jane Doe`, `Published on 3 May 2019 by Jane Doe`
    let lower_head: String = t.chars().take(12).collect::<String>().to_lowercase();
    if ["posted", "published", "updated", "written"].iter().any(|p| lower_head.starts_with(p)) {
        if let Some(i) = t.find(" by ") {
            t = &t[i + 4..];
            marker = true;
        }
    } else if let Some(by) = date_then_by(t) {
        // `on March 10, 2015 by Jane Doe`: blogs print the date first
        t = by[3..].trim_start();
        marker = true;
    }
    if !marker {
        for p in PREFIXES {
            if let Some(r) = strip_prefix_ci(t, p) {
                // `By the time…`, `Par ailleurs`: a marker needs a capital (or a domain) after it
                if r.chars().next().is_some_and(|c| c.is_uppercase()) || (*p == "by" && outlet(r).is_some()) {
                    t = r;
                    marker = true;
                    break;
                }
                if p.len() <= 3 {
                    return None;
                }
            }
        }
    }
    let end = names_end(t);
    let head = t[..end].trim().trim_end_matches([',', ':', '-', '–', '—']).trim();
    let tail = t[end..].trim();
    if head.is_empty() {
        return None;
    }
    // the whole head an outlet: `By Example News Service00`, `Byexample.com`
    if marker {
        if let Some(o) = outlet(head).filter(|_| one_name(head).is_none() || head.starts_with("The ")) {
            return Some(BylineParts { authors: Vec::new(), source: Some(o) });
        }
    }
    let (names, mut source, clean) = names_and_tail(head);
    if names.is_empty() || (!clean && !marker) {
        return None;
    }
    // a photo caption's subject and credit (`Jane Doe (Credit: AP/John Roe)`)
    let tail_lower = tail.to_lowercase();
    if !marker && ["credit", "photo", "image", "getty"].iter().any(|w| tail_lower.contains(w)) {
        return None;
    }
    // an emphasised name and the place it was written from (`**Jane Doe** at Example Park`)
    let placed = emphasis && {
        let rest = tail.trim_start_matches(['*', '_', ' ']);
        ["at ", "in "].iter().any(|p| rest.strip_prefix(p).is_some_and(|r| r.starts_with(char::is_uppercase)))
    };
    // unmarked: the names must be followed by something a byline carries
    let tail_ok = placed || tail.starts_with(['|', '•', '·', '@', '/', '-', '–', '—']) || tail.starts_with(|c: char| c.is_ascii_digit()) || super::stamp::find(tail).is_some_and(|s| s.start == 0) || tail.is_empty();
    // (role notes in parentheses mark a bare list of names: `Jane Doe (now) and John Roe (earlier)`)
    if !marker && (!tail_ok || (tail.is_empty() && marked && !noted)) {
        return None;
    }
    // unmarked among page lines: a bar, bullet or handle after the names, or a given name first
    // (`Jane Doe - May 3, 2019`; not `Europe Materials 3 May 2019`)
    let given = names.first().is_some_and(|n| given_name(n.split_whitespace().next().unwrap_or("")));
    let after = tail.trim_start_matches(['|', '•', '·', '/', '-', '–', '—', ' ']);
    let strong_tail = placed
        || tail.starts_with('@')
        || (tail.starts_with(['|', '•', '·'])
            && (after.contains('@')
                || after.starts_with(|c: char| c.is_ascii_digit())
                || super::stamp::find(after).is_some()
                || after.split_whitespace().next().is_some_and(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
                || outlet(after.split('|').next().unwrap_or("")).is_some()));
    // a line the model calls a byline may be a bare name (`Jane Doe`, `Jane Doe/Example`)
    let model_bare = !marked && (tail.is_empty() || tail.starts_with('/'));
    if !marker && !given && !strong_tail && !model_bare && !(noted && clean) {
        return None;
    }
    if names.iter().any(|n| n.split_whitespace().count() == 1) && !(marker && names.len() == 1 && head.len() >= 3) {
        return None;
    }
    // a tail after a bar or slash: `| China Daily |`, `/Example Wire`
    if source.is_none() {
        let barred = tail.starts_with('|');
        for seg in tail.split(['|', '/', '•', '·']).map(str::trim).filter(|x| !x.is_empty()).take(2) {
            let plain = barred
                && super::stamp::find(seg).is_none()
                && seg.split_whitespace().count() <= 4
                && !seg.contains(['@', ':'])
                && seg.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase) && !ROLE_WORDS.contains(&w.to_lowercase().as_str()));
            if let Some(o) = outlet(seg).or_else(|| (is_agency(seg) || plain).then(|| seg.to_string())) {
                source = Some(o);
                break;
            }
        }
    }
    Some(BylineParts { authors: names, source })
}

/// The `by …` after a date that opens a line (`on March 10, 2015 by Jane Doe`, `3 May 2019, by
/// Jane Doe`), from its `by`.
pub(crate) fn date_then_by(l: &str) -> Option<&str> {
    let by = |s: &str| s.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("by "));
    let body = l.get(..3).filter(|h| h.eq_ignore_ascii_case("on ")).map_or(l, |_| &l[3..]);
    let st = super::stamp::find(body).filter(|st| st.start == 0)?;
    let rest = body[st.end..].trim_start_matches([',', ' ']);
    by(rest).then_some(rest)
}

/// A byline that opens with its marker (`By Jane Doe`, `Written by Jane Doe`, `Par Jean
/// Dupont`, `Posted May 3 by Jane Doe`) and names people: for lines further from the title
/// than the short lines between title and body, where an unmarked name is too ambiguous.
pub(crate) fn marked(line: &str) -> Option<BylineParts> {
    let t = line.trim().trim_start_matches(['•', '*', '-', '·', '_', ' ']);
    let lower: String = t.chars().take(16).collect::<String>().to_lowercase();
    let opens = PREFIXES.iter().any(|p| strip_prefix_ci(t, p).is_some_and(|r| r.starts_with(char::is_uppercase)))
        || (["posted", "published", "updated", "written"].iter().any(|p| lower.starts_with(p)) && t.contains(" by "));
    if !opens {
        return None;
    }
    lenient(line, true).filter(|p| !p.authors.is_empty())
}

/// A line holding only a person's name (`Jane Doe`, `• Jane Doe`): 2–4 name words, the first
/// a given name of the gazetteer. For the short lines between a title and its body.
pub(crate) fn name_line(line: &str) -> Option<BylineParts> {
    let t = line.trim().trim_start_matches(['•', '*', '-', '·']).trim();
    let n = one_name(t)?;
    let words: Vec<&str> = n.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return None;
    }
    given_name(words[0]).then(|| BylineParts { authors: vec![n], source: None })
}

/// A given name of the gazetteer (`Jane`, `JANE`).
fn given_name(word: &str) -> bool {
    let Some(gaz) = crate::gazetteer::shipped() else { return false };
    let bit = 1u64 << crate::gazetteer::cat::FIRST_NAME;
    gaz.get(&word.to_lowercase()).is_some_and(|v| v & bit != 0)
}

/// `By Jane Doe: The police said…`: a byline leading a paragraph, up to its colon.
pub(crate) fn lead(para: &str) -> Option<BylineParts> {
    let head = para.get(..para.len().min(60))?;
    let lower = head.to_lowercase();
    if !(lower.starts_with("by ") || lower.starts_with("by: ")) {
        return None;
    }
    let colon = head.find([':', '|', '\n']).filter(|&c| c > 3)?;
    let p = lenient(&head[..colon], true)?;
    (!p.authors.is_empty()).then_some(p)
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

    macro_rules! len {
        ($s:expr, $marked:expr, [$($a:expr),*], $src:expr) => {
            assert_eq!(lenient($s, $marked), Some(BylineParts { authors: vec![$($a.to_string()),*], source: $src.map(String::from) }), "{:?}", $s);
        };
        ($s:expr, $marked:expr, none) => {
            assert_eq!(lenient($s, $marked), None, "{:?}", $s);
        };
    }

    #[test]
    fn lenient_bylines() {
        len!("by Jane Doe March 3, 2019 10:00 AM PST", true, ["Jane Doe"], None::<&str>);
        len!("by Mary June Poe July 1, 2015", true, ["Mary June Poe"], None::<&str>);
        len!("By JANE DOE and JOHN ROE, Staff Writers", true, ["Jane Doe", "John Roe"], None::<&str>);
        len!("Jane Doe | Reporter", false, ["Jane Doe"], None::<&str>);
        len!("Jane Doe | jane@example.com", true, ["Jane Doe"], None::<&str>);
        len!("Written by Jane Doe", true, ["Jane Doe"], None::<&str>);
        len!("Posted by Jane Doe on May 3, 2019", true, ["Jane Doe"], None::<&str>);
        len!("Posted Aug 2, 2011 by Left-Footed Goat", true, ["Left-Footed Goat"], None::<&str>);
        len!("Autor: Jana Nováková", true, ["Jana Nováková"], None::<&str>);
        len!("By Jane Doe, The Associated Press", true, ["Jane Doe"], Some("The Associated Press"));
        len!("By Jane Doe, Reuters", true, ["Jane Doe"], Some("Reuters"));
        len!("Jane Doe - Apr 1, 2015 8:02 pm UTC", true, ["Jane Doe"], None::<&str>);
        len!("by Jane Doe @janedoe May 1, 2016: 12:41 PM ET", true, ["Jane Doe"], None::<&str>);
        len!("By Example News Service00", true, [], Some("Example News Service"));
        len!("By Reuters Staff", true, [], Some("Reuters Staff"));
        len!("Byexample.com", true, [], Some("example.com"));
        len!("By PAT LEE and MO KIM | Daily Planet | Updated: 2019-11-23 02:47", true, ["Pat Lee", "Mo Kim"], Some("Daily Planet"));
        len!("Par Jean Dupont et Marie Curie — 3 mai 2017 à 18:42", true, ["Jean Dupont", "Marie Curie"], None::<&str>);
        len!("Jane Doe (now) and John Roe (earlier)", false, ["Jane Doe", "John Roe"], None::<&str>);
        len!("Newer Article", false, none);
        len!("New Town|Pipes burst under the streets", false, none);
        len!("Jane Doe 2 days ago", true, ["Jane Doe"], None::<&str>);
        len!("By Jane Doe, a senior editor who covers tech.", true, ["Jane Doe"], None::<&str>);
        len!("Jane Doe/Example", true, ["Jane Doe"], None::<&str>);
        len!("By the time it ended, nobody cared", true, none);
        len!("Breaking News", true, none);
        len!("Representative Image", true, none);
        len!("Europe Materials 3 May 2019 10:00", true, none);
        len!("Share this article", false, none);
        len!("Photo: Getty Images", true, none);
        len!("", true, none);
        len!("By Jane Doe@janedoe Updated Jul 24, 2018, 2:15pm EDT", true, ["Jane Doe"], None::<&str>);
        len!("[a1b2-c3d4] Jane Doe • 8h", true, ["Jane Doe"], None::<&str>);
        len!("By JANE DOE and JOHN ROE Associated Press", true, ["Jane Doe", "John Roe"], Some("Associated Press"));
        len!("By Jane Doe, Science Correspondent", true, ["Jane Doe"], None::<&str>);
        len!("Jane Trend | Reporter", false, ["Jane Trend"], None::<&str>);
        len!("Jane Doe \\- Apr 16, 2015 8:02 pm UTC", true, ["Jane Doe"], None::<&str>);
        len!("Jane Doe (Credit: AP/John Roe/Photo montage)", false, none);
        // link marks, emphasis, a doubled name, the date first
        len!("**By [Jane Doe](https://example.com/authors/jd)**", true, ["Jane Doe"], None::<&str>);
        len!("By [5]Jane Doe and [6]John Roe", true, ["Jane Doe", "John Roe"], None::<&str>);
        len!("By [12] Jane Doe", true, ["Jane Doe"], None::<&str>);
        len!("**Jane Doe** at Example Park", true, ["Jane Doe"], None::<&str>);
        len!("_Jane Doe_ in Example City", true, ["Jane Doe"], None::<&str>);
        len!("Jane Doe in Example City", true, none);
        len!("on March 10, 2015 by Jane Doe", true, ["Jane Doe"], None::<&str>);
        len!("3 May 2019, by Jane Doe", true, ["Jane Doe"], None::<&str>);
        len!("// By Jane Doe • Nov 11, 2020", true, ["Jane Doe"], None::<&str>);
        len!("Jane Doe Jane Doe", false, ["Jane Doe"], None::<&str>);
        len!("Features Jane Doe Jane Doe", false, ["Jane Doe"], None::<&str>);
        len!("[Open] the [door", false, none);
        // a date glued to the name, a section label's link, a list number, role notes
        len!("by Jane Doe22 Dec 2016 41", true, ["Jane Doe"], None::<&str>);
        len!("Jane Doe and [3]John Roe", false, ["Jane Doe", "John Roe"], None::<&str>);
        len!("1. Jane Doe | Reporter", false, ["Jane Doe"], None::<&str>);
        len!("Jane Doe (now) and John Roe (earlier)", true, ["Jane Doe", "John Roe"], None::<&str>);
        len!("Jane Doejdoe22", true, none);
        len!("Jane Doe and John Roe", true, none);
    }

    #[test]
    fn marked_bylines() {
        let authors = |s: &str| marked(s).map(|p| p.authors);
        assert_eq!(authors("By Jane Doe"), Some(vec!["Jane Doe".to_string()]));
        assert_eq!(authors("  * Written by Jane Doe"), Some(vec!["Jane Doe".to_string()]));
        assert_eq!(authors("Par Jean Dupont"), Some(vec!["Jean Dupont".to_string()]));
        assert_eq!(authors("Jane Doe - May 3, 2019"), None);
        assert_eq!(authors("By the time it ended"), None);
        assert_eq!(authors("Photo by Jane Doe/Example"), None);
    }

    #[test]
    fn leads_and_names() {
        assert_eq!(lead("By Jane Doe: The police said on Friday.").map(|p| p.authors), Some(vec!["Jane Doe".to_string()]));
        assert_eq!(lead("By noon: the streets were empty."), None);
        assert_eq!(lead("The police said."), None);
        assert!(name_line("Representative Image").is_none());
        assert!(name_line("Breaking News").is_none());
    }

    #[test]
    fn top_bylines() {
        top!("BY STUART WILLIAMS", ["Stuart Williams"], None::<&str>);
        top!("By Jane Doe, Reuters", ["Jane Doe"], Some("Reuters"));
        top!("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], None::<&str>);
        top!("By Jane Doe | AFP", ["Jane Doe"], Some("AFP"));
        top!("By Ludwig van Beethoven", ["Ludwig van Beethoven"], None::<&str>);
        top!("By Jane Doe, Science Correspondent", ["Jane Doe"], None::<&str>);
        top!("By JANE DOE and JOHN ROE Associated Press", ["Jane Doe", "John Roe"], Some("Associated Press"));
        top!("By the time it ended, nobody cared", none);
        top!("By 2030 the plan will be done", none);
        top!("Byline", none);
        top!("By PAT LEE and MO KIM | Daily Planet | Updated: 2019-11-23 02:47", ["Pat Lee", "Mo Kim"], Some("Daily Planet"));
        top!("By [Jane Doe](https://example.com/jd) and [John Roe](/authors/jr)", ["Jane Doe", "John Roe"], None::<&str>);
        top!("By [5]Jane Doe", ["Jane Doe"], None::<&str>);
    }
}
