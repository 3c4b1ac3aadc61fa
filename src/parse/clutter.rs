//! Page clutter recognised line by line: menus, share widgets, consent prompts, market
//! tickers, `Read More »`, rules, legal lines, list headings and end marks.

use crate::document::{BoilerplateKind, ListRole};

/// Words that make up navigation menus (matched case-insensitively, whole line or `|`/`·` joined).
const MENU_WORDS: &[&str] = &[
    "africa", "americas", "analysis", "archive", "arts", "asia", "asia-pacific", "about us", "all news", "australia",
    "books", "breaking news", "business", "contact", "contact us", "culture", "economy", "editorial", "education",
    "entertainment", "environment", "europe", "features", "film", "finance", "food", "football", "games", "health",
    "home", "homepage", "latest", "lifestyle", "live", "local", "markets", "media", "menu", "middle east", "money",
    "more", "music", "national", "news", "nation", "north america", "obituaries", "opinion", "photos", "podcasts",
    "politics", "regions", "science", "search", "section", "sections", "society", "sport", "sports", "style",
    "subscribe", "tech", "technology", "top stories", "travel", "tv", "uk", "us", "video", "videos", "weather", "world",
    "world news", "skip to content", "skip to main content", "log in", "login", "sign in", "sign up", "register",
    "my account", "account", "newsletters", "newsletter", "e-paper", "epaper", "español", "english", "français",
    "deutsch", "日本語", "中文", "한국어", "العربية", "back to top",
    "terms", "terms of use", "privacy", "privacy policy", "cookie policy", "cookies", "about", "careers", "help", "faq",
    "rss", "sitemap", "site map", "corrections", "accessibility", "follow us", "next", "previous", "prev", "page",
];

const SHARE_WORDS: &[&str] = &[
    "share", "share this", "share this article", "share this story", "share on facebook", "share on twitter",
    "share on x", "tweet", "facebook", "twitter", "x", "whatsapp", "linkedin", "email", "e-mail", "print",
    "copy link", "copy url", "link copied", "comments", "comment", "reddit", "telegram", "pinterest", "flipboard",
    "bluesky", "threads", "messenger", "save", "bookmark", "listen", "listen to this article", "gift article",
    "add to favourites", "follow", "text size", "a a a", "a+", "a-", "font size", "share via", "mail",
];

const CONSENT_PHRASES: &[&str] = &[
    "cookie", "cookies", "consent", "we use cookies", "accept all", "reject all", "manage preferences",
    "your privacy", "subscribe to our newsletter", "sign up for our newsletter", "subscribe now", "already a subscriber",
    "create a free account", "to continue reading", "log in to continue", "support our journalism", "ad blocker",
    "adblock", "disable your ad blocker", "javascript is disabled", "enable javascript", "this content is not available",
    "paywall", "subscribe for unlimited access", "unlock this article", "you have reached your limit",
];

const READ_MORE: &[&str] = &[
    "read more", "read more »", "read more >", "read more ›", "more »", "continue reading", "read the full story",
    "read full article", "read full story", "full story", "see more", "show more", "load more", "view more",
    "keep reading", "read on", "click here", "more stories", "see all", "view all",
];

/// The longest entry of `list`, in bytes.
const fn longest(list: &[&str]) -> usize {
    let (mut i, mut m) = (0, 0);
    while i < list.len() {
        if list[i].len() > m {
            m = list[i].len();
        }
        i += 1;
    }
    m
}

/// The longest line [`READ_MORE`], [`SHARE_WORDS`] or [`MENU_WORDS`] can match whole.
const EXACT_MAX: usize = {
    let (a, b, c) = (longest(READ_MORE), longest(SHARE_WORDS), longest(MENU_WORDS));
    let ab = if a > b { a } else { b };
    if ab > c { ab } else { c }
};

/// Bucket of a phrase's first three bytes in [`CONSENT_OPENINGS`].
const fn trigram(a: u8, b: u8, c: u8) -> usize {
    (a as usize * 961 + b as usize * 31 + c as usize) & 4095
}

/// Buckets of the first three bytes of every [`CONSENT_PHRASES`] entry.
const CONSENT_OPENINGS: [bool; 4096] = {
    let mut t = [false; 4096];
    let mut i = 0;
    while i < CONSENT_PHRASES.len() {
        let p = CONSENT_PHRASES[i].as_bytes();
        assert!(p.len() >= 3);
        t[trigram(p[0], p[1], p[2])] = true;
        i += 1;
    }
    t
};

/// `n` (lowercased) contains one of [`CONSENT_PHRASES`]: one pass over `n` that tries the
/// phrases only where three bytes open one of them (27 substring searches per line were
/// the hottest part of the structure layer).
fn has_consent_phrase(n: &str) -> bool {
    let b = n.as_bytes();
    (0..b.len().saturating_sub(2)).any(|i| CONSENT_OPENINGS[trigram(b[i], b[i + 1], b[i + 2])] && CONSENT_PHRASES.iter().any(|p| b[i..].starts_with(p.as_bytes())))
}

/// The line with its surrounding arrows, bullets and colon removed (not lowercased).
fn norm_raw(line: &str) -> &str {
    line.trim()
        .trim_matches(|c: char| matches!(c, '»' | '›' | '>' | '<' | '«' | '‹' | '→' | '…' | '|' | '•' | '·' | '\u{a0}'))
        .trim()
        .trim_end_matches(':')
        .trim()
}

/// Calls `f` with `s.to_lowercase()`, built on the stack when `s` is short ASCII (the
/// common case: no allocation per line).
fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 256];
    if s.is_ascii() && s.len() <= buf.len() {
        let b = &mut buf[..s.len()];
        b.copy_from_slice(s.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(l) = std::str::from_utf8(b) {
            return f(l);
        }
    }
    f(&s.to_lowercase())
}

/// `list.contains(&w.to_lowercase().as_str())` without allocating for ASCII `w` (the lists
/// hold lowercase entries only).
fn in_list(list: &[&str], w: &str) -> bool {
    // (lowercasing shrinks a character's bytes at most threefold: `K` Kelvin sign to `k`)
    if w.len() > 3 * EXACT_MAX || w.is_ascii() && w.len() > EXACT_MAX {
        false
    } else if w.is_ascii() {
        list.iter().any(|x| x.eq_ignore_ascii_case(w))
    } else {
        list.contains(&w.to_lowercase().as_str())
    }
}

/// A list heading (`Related stories`, `Most read`) and the role of the list it opens.
pub(crate) fn list_heading(line: &str) -> Option<ListRole> {
    let n = norm_raw(line);
    // every rule below needs the lowercased line under 40 bytes, and lowercasing never makes
    // fewer characters: a line of 40 characters or more is no heading (no copy is lowercased)
    if n.len() >= 40 && n.chars().nth(39).is_some() {
        return None;
    }
    with_lower(n, list_heading_lower)
}

fn list_heading_lower(n: &str) -> Option<ListRole> {
    const RELATED: &[&str] = &[
        "related", "related stories", "related articles", "related news", "related content", "read also", "also read",
        "see also", "more on this story", "more on this topic", "more from", "you may also like", "you might also like",
        "recommended", "recommended stories", "recommended for you", "more stories", "more news", "other news",
        "further reading", "read next", "up next", "more in", "related links", "related topics", "in other news",
    ];
    const POPULAR: &[&str] = &[
        "most read", "most popular", "popular", "trending", "trending now", "most viewed", "most shared",
        "editor's picks", "editors' picks", "don't miss", "must read", "in case you missed it", "what's hot",
        "hot topics", "popular now", "most watched",
    ];
    // headings of the page's own story list
    const MAIN: &[&str] = &[
        "top stories", "top news", "latest news", "latest", "latest stories", "headlines", "top headlines",
        "news in brief", "just in", "breaking news", "news",
    ];
    if MAIN.contains(&n) {
        return Some(ListRole::Main);
    }
    if RELATED.contains(&n) || (n.starts_with("more from ") && n.len() < 40) || (n.starts_with("more in ") && n.len() < 40) {
        return Some(ListRole::Related);
    }
    if POPULAR.contains(&n) {
        return Some(ListRole::Popular);
    }
    None
}

/// The heading that opens a page's reader comments: `Comments`, `12 Comments`, `Comments
/// (3)`, `There are 13 comments`, `Leave a Reply`, `5 thoughts on “Title”`, `Join the
/// discussion` (markdown `#`/`**` and a final colon aside). Below it, sentences are readers'
/// posts, not the story.
pub(crate) fn comments_heading(line: &str) -> bool {
    let t = norm_raw(line.trim().trim_start_matches('#').trim().trim_matches('*'));
    // (the longest shape, `N thoughts on “…”`, names a title: 200 bytes are plenty)
    if t.is_empty() || t.len() > 200 {
        return false;
    }
    with_lower(t, comments_heading_lower)
}

fn comments_heading_lower(n: &str) -> bool {
    const WHOLE: &[&str] = &[
        "comments", "reader comments", "readers' comments", "leave a reply", "leave a comment",
        "leave a reply cancel reply", "post a comment", "add a comment", "join the discussion", "join the conversation",
        "show comments", "view comments",
    ];
    if WHOLE.contains(&n) {
        return true;
    }
    // `There are 13 comments`, `13 comments`, `Comments (13)`, `13 thoughts on “…”`
    let n = n.strip_prefix("there are ").unwrap_or(n);
    let digits = n.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let rest = n[digits..].trim_start();
        return matches!(rest, "comments" | "comment" | "responses" | "response" | "replies" | "reply")
            || ["thoughts on ", "responses to ", "replies to ", "comments on ", "thoughts to "].iter().any(|p| rest.starts_with(p));
    }
    n.strip_prefix("comments").or_else(|| n.strip_prefix("comment")).is_some_and(|r| {
        let r = r.trim();
        r.len() > 2 && r.starts_with('(') && r.ends_with(')') && r[1..r.len() - 1].bytes().all(|b| b.is_ascii_digit())
    })
}

/// A market ticker line: codes, prices and percentages only (`RBGPF 100% 61.11 $`, `NIKKEI 225 ▲ 1.2%`).
pub(crate) fn is_market_ticker(line: &str) -> bool {
    // (one pass: a line's first word that is no code, number or sign settles it)
    let (mut count, mut code, mut number) = (0usize, 0, 0);
    for w in line.split_whitespace() {
        count += 1;
        if count > 40 {
            return false;
        }
        let w = w.trim_matches(|c: char| matches!(c, ',' | '(' | ')'));
        if w.is_empty() {
            continue;
        }
        let is_num = w.chars().any(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '+' | '-' | '−' | '$' | '€' | '£' | '¥'));
        let is_sym = w.chars().all(|c| matches!(c, '%' | '$' | '€' | '£' | '¥' | '▲' | '▼' | '+' | '-' | '−' | '↑' | '↓' | '|' | '•' | '·'));
        let is_code = w.len() >= 2 && w.len() <= 12 && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '.' | '/' | '&' | '=' | '-' | '^'))
            && w.chars().any(|c| c.is_ascii_uppercase());
        if is_num {
            number += 1;
        } else if is_code {
            code += 1;
        } else if !is_sym {
            return false;
        }
    }
    code >= 1 && number >= 1 && line.contains(|c: char| matches!(c, '%' | '$' | '€' | '£' | '¥' | '▲' | '▼' | '+' | '.'))
}

/// A rule line: `-----`, `=====`, `***`, `___`, `———`, `• • •`.
pub(crate) fn is_rule(line: &str) -> bool {
    let mut count = 0usize;
    for c in line.chars().filter(|c| !c.is_whitespace()) {
        if !matches!(c, '-' | '=' | '*' | '_' | '—' | '–' | '~' | '#' | '•' | '·' | '+') {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// An end mark: `END`, `(END)`, `[Copyright …]`, `© 2026 AFP`, `(c) Yonhap`, `Copyright 2026 Kyodo News`.
pub(crate) fn is_end_mark(line: &str) -> bool {
    let t = line.trim();
    // the rules read the lowercased line whole only to compare it with marks of at most 9
    // characters, else its first 11 characters: lowercasing the first 16 is enough (it never
    // makes fewer characters, and a character's lowercase does not depend on the ones after it
    // but for a final sigma, which no rule reads)
    let head = t.char_indices().nth(END_MARK_HEAD).map_or(t, |(i, _)| &t[..i]);
    with_lower(head, |l| end_mark_lower(t, l))
}

/// The characters of a line that [`is_end_mark`] lowercases.
const END_MARK_HEAD: usize = 16;

fn end_mark_lower(t: &str, l: &str) -> bool {
    matches!(l, "end" | "(end)" | "-- end --" | "--end--" | "- end -" | "###" | "-30-" | "ends")
        || (l.starts_with("[copyright") && t.ends_with(']'))
        || (l.starts_with('©') && t.chars().count() < 120)
        || ((l.starts_with("(c)") || l.starts_with("copyright ") || l.starts_with("copyright©") || l.starts_with("copyright ©")) && t.chars().count() < 160)
}

/// Classify a line of clutter (not list headings or end marks).
pub(crate) fn classify(line: &str) -> Option<BoilerplateKind> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    if is_rule(t) {
        return Some(BoilerplateKind::Rule);
    }
    let n = norm_raw(t);
    // (every rule compares the word count with 30 or less: counting stops at 31)
    let words = t.split_whitespace().take(31).count();
    // a long ASCII line of over 30 words can hold none of the rules that read all of the
    // lowercased line (each compares it with a short phrase or needs at most 30 words): its
    // start is enough
    let n = if words > 30 && n.len() > 256 && n.is_ascii() { &n[..LONG_HEAD] } else { n };
    with_lower(n, |n| classify_lower(t, n, words))
}

/// The bytes of a long line's start that the rules read (longer than any phrase in the lists).
const LONG_HEAD: usize = 64;

/// [`classify`] of the trimmed line `t` of `words` words, whose [`norm_raw`] lowercased is
/// `n` (or its start, see [`classify`]).
fn classify_lower(t: &str, n: &str, words: usize) -> Option<BoilerplateKind> {
    // (no whole-line entry is longer than EXACT_MAX bytes: most lines skip the list scans)
    let short = n.len() <= EXACT_MAX;
    if short && READ_MORE.contains(&n) {
        return Some(BoilerplateKind::ReadMore);
    }
    if short && SHARE_WORDS.contains(&n) {
        return Some(BoilerplateKind::Share);
    }
    if is_market_ticker(t) {
        return Some(BoilerplateKind::Ticker);
    }
    if words <= 30 && has_consent_phrase(n) && (words <= 12 || n.contains("cookie") || n.contains("consent")) {
        return Some(BoilerplateKind::Consent);
    }
    if short && MENU_WORDS.contains(&n) {
        return Some(BoilerplateKind::Menu);
    }
    // "Home | World | Business | Sport", "Home · News · Asia"
    let seps = separators(t);
    for (k, sep) in MENU_SEPARATORS.into_iter().enumerate() {
        if seps & (1 << k) == 0 {
            continue; // one part only
        }
        let (mut parts, mut menu, mut share) = (0usize, 0usize, 0usize);
        for p in t.split(sep).map(str::trim).filter(|p| !p.is_empty()) {
            parts += 1;
            menu += usize::from(in_list(MENU_WORDS, p));
            share += usize::from(in_list(SHARE_WORDS, p));
        }
        if parts >= 3 {
            if menu * 2 >= parts {
                return Some(BoilerplateKind::Menu);
            }
            if share * 2 >= parts {
                return Some(BoilerplateKind::Share);
            }
        }
    }
    // "Share Tweet Email Print" on one line
    if (2..=8).contains(&words) && t.split_whitespace().all(|w| in_list(SHARE_WORDS, w)) {
        return Some(BoilerplateKind::Share);
    }
    if (3..=12).contains(&words) && t.split_whitespace().all(|w| in_list(MENU_WORDS, w)) {
        return Some(BoilerplateKind::Menu);
    }
    let l = n;
    if l.starts_with("all rights reserved") || words < 30 && l.contains("all rights reserved") {
        return Some(BoilerplateKind::Legal);
    }
    // a picture's credit line (`Photograph: …`, `(Image credit: …)`)
    let l_open = l.trim_start_matches(['(', '[']);
    if (CREDIT_OPENERS.iter().any(|o| l_open.starts_with(o)) || l.starts_with("(photo") || l.starts_with("photo credit")) && words < 25 {
        return Some(BoilerplateKind::Other);
    }
    if (l.starts_with("advertisement") || l == "advertising" || l == "ad" || l == "sponsored" || l == "sponsored content"
        || l == "scroll to continue with content" || l == "story continues below advertisement") && words < 8
    {
        return Some(BoilerplateKind::Other);
    }
    None
}

/// The separators of a one-line menu or share bar, in the order [`classify_lower`] tries them.
const MENU_SEPARATORS: [char; 6] = ['|', '·', '•', '/', '>', '›'];

/// Bit `k` set when `t` holds `MENU_SEPARATORS[k]` (one pass over the bytes instead of one
/// search per separator: `·` is C2 B7, `•` E2 80 A2, `›` E2 80 BA in UTF-8).
fn separators(t: &str) -> u8 {
    let b = t.as_bytes();
    let mut seps = 0u8;
    for (i, &c) in b.iter().enumerate() {
        seps |= match c {
            b'|' => 1,
            b'/' => 1 << 3,
            b'>' => 1 << 4,
            0xC2 if b.get(i + 1) == Some(&0xB7) => 1 << 1,
            0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                Some(0xA2) => 1 << 2,
                Some(0xBA) => 1 << 5,
                _ => 0,
            },
            _ => 0,
        };
    }
    seps
}

/// How a picture's credit line opens (lower case, after an opening bracket).
const CREDIT_OPENERS: &[&str] = &["photo:", "image:", "photograph:", "picture:", "image credit", "credit:", "photos:", "illustration:"];

#[cfg(test)]
mod tests {
    use super::*;
    use BoilerplateKind::*;

    macro_rules! c {
        ($s:expr, $k:expr) => {
            assert_eq!(classify($s), $k, "{:?}", $s);
        };
    }

    #[test]
    fn consent_scan_agrees_with_substring_search() {
        let mut lines: Vec<String> = CONSENT_PHRASES.iter().map(|p| format!("x {p} y")).collect();
        lines.extend(CONSENT_PHRASES.iter().map(|p| p[..p.len() - 1].to_string()));
        lines.extend(["", "ab", "we", "cookiecutter", "the road blocker", "please enable java", "ünïcode cookie"].map(String::from));
        for l in &lines {
            assert_eq!(has_consent_phrase(l), CONSENT_PHRASES.iter().any(|p| l.contains(p)), "{l:?}");
        }
        for list in [READ_MORE, SHARE_WORDS, MENU_WORDS] {
            assert!(list.iter().all(|w| w.len() <= EXACT_MAX && in_list(list, w) && in_list(list, &w.to_uppercase())));
        }
    }

    #[test]
    fn clutter_lines() {
        c!("RBGPF 100% 61.11 $", Some(Ticker));
        c!("NIKKEI 225 ▲ 1.2% 38,441.12", Some(Ticker));
        c!("Read More »", Some(ReadMore));
        c!("Continue reading", Some(ReadMore));
        c!("-----", Some(Rule));
        c!("Share", Some(Share));
        c!("Share Tweet Email Print", Some(Share));
        c!("Facebook | Twitter | WhatsApp | Email", Some(Share));
        c!("Home | World | Business | Sport", Some(Menu));
        c!("World", Some(Menu));
        c!("We use cookies to improve your experience. Accept all", Some(Consent));
        c!("© 2026 All rights reserved.", Some(Legal));
        c!("Bolivia says in talks with Chile to reopen border crossings", None);
        c!("Stocks slip despite upbeat US retail data", None);
        c!("US November exports beat expectations, capping strong 2025", None);
        c!("Osaka wins in 61 minutes as Japan reach Hopman Cup final", None);
        c!("Lee met Xi. He said 50% of it was fine.", None);
        c!("- Quiet harbour -", None);
        c!("Photograph: Ann Example/Example Pictures", Some(Other));
        c!("(Image credit: Example Studio)", Some(Other));
        c!("Photo opportunities drew a crowd to the pier on Sunday.", None);
    }

    #[test]
    fn end_marks_and_headings_read_the_start_only() {
        // the rules on the whole lowercased line, as they read before lowercasing a start only
        let end_whole = |line: &str| {
            let t = line.trim();
            end_mark_lower(t, &t.to_lowercase())
        };
        let heading_whole = |line: &str| list_heading_lower(&norm_raw(line).to_lowercase());
        let long = "x".repeat(300);
        for l in ["END", "(end)", "-- END --", "-30-", "[Copyright Example News]", "[COPYRIGHT ÉXAMPLE]", "© 2026 Example",
            "(C) Example Agency", "Copyright © 2026 Ünïcode", "copyright©", "© ", "The end", "Ends", "ENDS here",
            "Most read", "MORE FROM ÜBERSEE", "More in Asia and the Pacific and more words", "Related stories:", "» Latest",
            "Copyrighted material is here", &format!("© {long}"), &format!("Copyright {long}"), &format!("More from {long}")] {
            assert_eq!(is_end_mark(l), end_whole(l), "{l}");
            assert_eq!(list_heading(l), heading_whole(l), "{l}");
        }
    }

    #[test]
    fn separator_scan_agrees_with_searching_each() {
        for t in ["Home | World", "a · b • c", "x / y > z › w", "plain words", "‹ « » ‚", "é·", "…", "|›"] {
            let want = MENU_SEPARATORS.iter().enumerate().fold(0u8, |m, (k, &c)| if t.contains(c) { m | 1 << k } else { m });
            assert_eq!(separators(t), want, "{t}");
        }
    }

    #[test]
    fn word_lists_are_lowercase() {
        // `in_list` compares ASCII words case-insensitively: right only for lowercase entries
        for w in MENU_WORDS.iter().chain(SHARE_WORDS).chain(CONSENT_PHRASES).chain(READ_MORE) {
            assert_eq!(*w, w.to_lowercase(), "{w}");
            assert!(w.len() < LONG_HEAD, "{w}");
        }
    }

    #[test]
    fn headings_and_end_marks() {
        assert_eq!(list_heading("Related stories"), Some(ListRole::Related));
        assert_eq!(list_heading("MOST READ"), Some(ListRole::Popular));
        assert_eq!(list_heading("More from Asia"), Some(ListRole::Related));
        assert_eq!(list_heading("Most people agree"), None);
        assert!(is_end_mark("END"));
        assert!(is_end_mark("[Copyright The Example Times]"));
        assert!(is_end_mark("(END)"));
        assert!(!is_end_mark("The end of an era"));
    }

    #[test]
    fn comment_headings() {
        for h in ["Comments", "## Comments", "**12 Comments**", "Comments (3)", "There are 7 comments", "Leave a Reply", "4 thoughts on “A walk in the hills”", "Join the discussion:", "0 comments", "2024 comments"] {
            assert!(comments_heading(h), "{h}");
        }
        for h in ["Comments are closed on weekends, the editor said.", "Commentary", "12 comments later, the thread died", "Comments (many)", "Discussion", "Comment"] {
            assert!(!comments_heading(h), "{h}");
        }
    }
}
