//! Line features of the role model: each physical line's facts (length, case, final
//! punctuation, markers, picture and credit cues, its rule class) and the hashed feature ids
//! of a line and its neighbours that the model scores.

use super::*;

/// The stop words [`is_stop`] matches (its `match` spells them out; a test checks the two agree).
#[cfg(test)]
pub(super) const STOP: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "and", "or", "but", "from", "as", "that", "which",
    "who", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "its", "his", "her", "their",
    "this", "into", "than", "it", "he", "she", "they", "we", "i", "you", "not", "said", "after", "about", "there", "also",
];

/// Facts about one line on its own, computed once.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Facts {
    pub(super) class: u8,
    pub(super) len_b: u8,
    pub(super) words_b: u8,
    pub(super) end: u8,
    pub(super) first: u8,
    pub(super) marker: u8,
    pub(super) indent_b: u8,
    pub(super) caps_b: u8,
    pub(super) stop_b: u8,
    pub(super) digit_b: u8,
    pub(super) month: bool,
    pub(super) year: bool,
    pub(super) clock: bool,
    pub(super) wrapped: bool,
    pub(super) recur_b: u8,
    pub(super) short: bool,
    pub(super) words: u32,
    pub(super) chars: u32,
    pub(super) first_hash: u64,
    pub(super) last_hash: u64,
    pub(super) norm_hash: u64,
    pub(super) url: bool,
    /// What [`picture`] says of the line.
    pub(super) pic: Pic,
}

pub(super) const fn bucket(v: u32, edges: &[u32]) -> u8 {
    let mut i = 0;
    while i < edges.len() {
        if v <= edges[i] {
            return i as u8;
        }
        i += 1;
    }
    edges.len() as u8
}

pub(super) fn mix(a: u64, b: u64) -> u64 {
    let mut h = a ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

pub(super) fn char_class(c: Option<char>) -> u8 {
    match c {
        None => 0,
        Some('.') => 1,
        Some('!') => 2,
        Some('?') => 3,
        Some(':') => 4,
        Some(',') | Some(';') => 5,
        Some('"' | '”' | '’' | '\'' | '»' | '“' | '‘' | '«') => 6,
        Some(')' | ']') => 7,
        Some(c) if c.is_ascii_digit() => 8,
        Some(c) if c.is_lowercase() => 9,
        Some(c) if c.is_uppercase() => 10,
        Some('-' | '–' | '—' | '_' | '=' | '~') => 11,
        Some('*' | '•' | '#' | '+' | '>' | '|' | '·' | '▪' | '►') => 12,
        Some(c) if c.is_alphabetic() => 13,
        Some(_) => 14,
    }
}

pub(super) fn marker(s: &str) -> u8 {
    let b = s.as_bytes();
    if s.starts_with("IFRAME:") || s.starts_with("[IMG") || s.starts_with("[INLINE") {
        return 1;
    }
    if b.first() == Some(&b'#') {
        let n = b.iter().take_while(|&&c| c == b'#').count();
        return 1 + n.min(6) as u8; // 2..7
    }
    if s.starts_with("**") && s.ends_with("**") && s.len() > 4 {
        return 8;
    }
    for (k, p) in ["* ", "+ ", "- ", "• ", "· ", "▪ ", "o ", "> ", "| "].iter().enumerate() {
        if s.starts_with(p) {
            return 9 + k as u8;
        }
    }
    let d = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&d) && matches!(b.get(d), Some(b'.') | Some(b')')) {
        return 18;
    }
    if s.starts_with('[') {
        return 19;
    }
    0
}

/// A line's part in a picture: the image itself, its caption or credit, or an emphasised
/// line that is a caption only when it stands right under an image.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Pic {
    #[default]
    No = 0,
    /// `![alt](url)`, `[![alt](img)](link)`, `[IMG]`, `[image]`, `[photo: …]`.
    Image = 1,
    /// `Photo: …`, `(Image credit …)`, `… mine. Photo: File`.
    Caption = 2,
    /// `*…*` or `_…_` (a caption under an image, else emphasis).
    Emphasis = 3,
}

/// Words that open a picture placeholder (`[IMG]`, `[image: …]`) or a credit (`Photo: …`).
pub(super) const PICTURE_WORDS: &[&str] = &["img", "image", "images", "photo", "photos", "photograph", "picture", "pictures", "illustration", "graphic", "inline"];

/// How a caption's credit part opens (lower case; the credit ends the line).
pub(super) const CREDIT_CUES: &[&str] = &["photo:", "photos:", "photograph:", "image:", "picture:", "illustration:", "credit:", "photo credit", "image credit", "photo courtesy", "image courtesy", "photo by ", "picture by ", "photograph by "];

/// What a line is in a picture (see [`Pic`]); `s` is trimmed.
pub(super) fn picture(s: &str) -> Pic {
    if s.starts_with("![") || s.starts_with("[![") {
        return Pic::Image;
    }
    let inner = s.trim_matches(['*', '_', ' ']);
    // a placeholder alone on its line, or before another one: `[IMG]`, `[image: a truck]`
    if let Some(rest) = inner.strip_prefix('[') {
        let w = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let after = rest.find(']').map(|e| rest[e + 1..].trim_start());
        if PICTURE_WORDS.iter().any(|p| p.eq_ignore_ascii_case(w)) && after.is_some_and(|a| a.is_empty() || a.starts_with('[')) {
            return Pic::Image;
        }
    }
    if credit_at(inner) {
        return Pic::Caption;
    }
    let emphasised = |m: char| s.len() > 2 && s.starts_with(m) && s.ends_with(m) && !s[1..].starts_with(m);
    if emphasised('*') || emphasised('_') {
        return Pic::Emphasis;
    }
    Pic::No
}

/// Line `k` of `facts` belongs to a picture (an image, a caption or credit, an emphasised
/// line right under an image): never a title nor body text.
pub(super) fn picture_line(facts: &[Facts], k: usize) -> bool {
    match facts[k].pic {
        Pic::Image | Pic::Caption => true,
        Pic::Emphasis => k > 0 && facts[k - 1].pic == Pic::Image,
        Pic::No => false,
    }
}

/// Roles a picture line may take (a bit set): boilerplate only.
pub(super) const PICTURE_ROLES: u8 = 1 << LineRole::Boiler as u8;

/// `s` opens with a picture credit (`Photo: …`, up to 25 words), or its last sentence or
/// bracket is one (`… mine. Photo: File`, `(Photograph: A. Name/Agency)`, up to 8 words).
pub(super) fn credit_at(s: &str) -> bool {
    if s.len() > 600 || !has_credit_stem(s.as_bytes()) {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    CREDIT_CUES.iter().filter_map(|cue| lower.rfind(cue)).any(|i| {
        let before = lower[..i].trim_end();
        let tail = lower[i..].trim_end_matches([')', ']', '*', '_', ' ']);
        let words = tail.split_whitespace().count();
        if before.is_empty() || before == "(" || before == "[" {
            return words <= 25;
        }
        before.ends_with(['.', '(', '[', '|', '/', '-', '!', '?', '—', '–']) && words <= 8
    })
}

/// `s` holds (ignoring ASCII case) a word every [`CREDIT_CUES`] entry holds: `photo`,
/// `image`, `picture`, `illustration` or `credit` (one pass, no copy: most lines have none).
pub(super) fn has_credit_stem(s: &[u8]) -> bool {
    const STEMS: [&[u8]; 5] = [b"photo", b"image", b"picture", b"illustration", b"credit"];
    // (the first two letters pick the stems worth comparing: `ph`/`pi`, `im`/`il`, `cr`)
    s.windows(2).enumerate().any(|(i, w)| {
        matches!((w[0] | 0x20, w[1] | 0x20), (b'p', b'h' | b'i') | (b'i', b'm' | b'l') | (b'c', b'r'))
            && STEMS.iter().any(|m| s.len() - i >= m.len() && s[i..i + m.len()].eq_ignore_ascii_case(m))
    })
}

/// The boilerplate kinds in declaration order: rule class `8 + k` is `CLUTTER_KINDS[k]`.
pub(super) const CLUTTER_KINDS: [BoilerplateKind; 9] = {
    use BoilerplateKind::*;
    [Menu, Share, Consent, Ticker, ReadMore, Rule, Legal, ListHeading, Other]
};

/// Rule class of a line as a small number (the grammar-driven signals of `lines.rs`).
pub(super) fn rule_class(s: &str) -> u8 {
    if matches!(s, "-" | "–" | "—") {
        return 1;
    }
    // (a rule line is made of rule characters only: most lines fail on the first one)
    let rule_char = |c: char| matches!(c, '-' | '=' | '*' | '_' | '—' | '–' | '~' | '#' | '•' | '·' | '+');
    if s.chars().find(|c| !c.is_whitespace()).is_some_and(rule_char) && clutter::is_rule(s) {
        return 2;
    }
    if s.len() <= 80 && stamp::whole(s).is_some() {
        return 3;
    }
    if s.len() <= 200 && clutter::is_end_mark(s) {
        return 4;
    }
    if s.len() <= 200 && byline::end_byline(s).is_some() {
        return 5;
    }
    if s.len() <= 200 && byline::top_byline(s).is_some() {
        return 6;
    }
    if s.len() <= 60 && clutter::list_heading(s).is_some() {
        return 7;
    }
    if s.len() <= 300 {
        if let Some(k) = clutter::classify(s) {
            return 8 + k as u8; // 8..16
        }
    }
    if dateline::parse(s).is_some() {
        return 17;
    }
    if s.len() <= 300 && (stamp::trailing(s).is_some() || stamp::leading(s).is_some()) {
        return 18;
    }
    if lines::ends_sentence(s) {
        return 19;
    }
    0
}

pub(super) const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// `p` (3 ASCII letters) lowercased is a month's prefix.
pub(super) fn is_month_prefix(p: &[u8]) -> bool {
    let l = [p[0].to_ascii_lowercase(), p[1].to_ascii_lowercase(), p[2].to_ascii_lowercase()];
    MONTHS.iter().any(|m| m.as_bytes() == l)
}

/// A web address starts at byte `i` of `b`: `http://`, `https://` or `www.`, ignoring ASCII case.
pub(super) fn url_at(b: &[u8], i: usize) -> bool {
    [&b"http://"[..], b"https://", b"www."].iter().any(|p| b.len() - i >= p.len() && b[i..i + p.len()].eq_ignore_ascii_case(p))
}

/// A stop word of [`STOP`], ignoring ASCII case.
pub(super) fn is_stop(t: &str) -> bool {
    if t.len() > 5 || !t.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 5];
    buf[..t.len()].copy_from_slice(t.as_bytes());
    buf[..t.len()].make_ascii_lowercase();
    // (a match compiles to a few length-and-byte tests; a scan of STOP compares 50 slices)
    matches!(
        &buf[..t.len()],
        b"a" | b"an" | b"the" | b"of" | b"to" | b"in" | b"on" | b"at" | b"by" | b"for" | b"with" | b"and" | b"or" | b"but" | b"from" | b"as" | b"that" | b"which" | b"who" | b"is" | b"are" | b"was" | b"were" | b"be" | b"been" | b"has" | b"have" | b"had" | b"will" | b"would" | b"its" | b"his" | b"her" | b"their" | b"this" | b"into" | b"than" | b"it" | b"he" | b"she" | b"they" | b"we" | b"i" | b"you" | b"not" | b"said" | b"after" | b"about" | b"there" | b"also"
    )
}

pub(super) fn norm_hash(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    if s.is_ascii() {
        // (the same hash over bytes: no character decoding for the common ASCII line)
        for &c in s.as_bytes() {
            if c.is_ascii_alphanumeric() {
                h ^= c.to_ascii_lowercase() as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        return h;
    }
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                h ^= c.to_ascii_lowercase() as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                h ^= l as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    h
}

pub(super) fn facts(text: &str, l: &PhysLine) -> Facts {
    let mut x = facts_unclassed(text, l);
    x.class = rule_class(&text[l.span.start..l.span.end]);
    x
}

/// Bucket edges of a line's indentation.
pub(super) const INDENT_EDGES: [u32; 6] = [0, 2, 3, 4, 6, 10];

/// Class not yet known (see [`facts_unclassed`]).
pub(super) const NO_CLASS: u8 = u8::MAX;

/// What [`facts_unclassed`] counts over a line's text (one pass on an ASCII line, see
/// [`text_stats_ascii`]).
#[derive(Debug, PartialEq)]
pub(super) struct TextStats<'a> {
    words: u32,
    caps: u32,
    stops: u32,
    alpha_words: u32,
    first_w: &'a str,
    last_w: &'a str,
    digits: u32,
    year: bool,
    clock: bool,
    url: bool,
    month: bool,
    /// A lowercase letter in the line (only read, and only computed on a non-ASCII line,
    /// when every alphabetic word is capitalised).
    lower: bool,
    norm: u64,
}

/// [`TextStats`] of any line `s`.
pub(super) fn text_stats(s: &str) -> TextStats<'_> {
    let mut words = 0u32;
    let mut caps = 0u32;
    let mut stops = 0u32;
    let mut alpha_words = 0u32;
    let mut first_w = "";
    let mut last_w = "";
    for w in s.split_whitespace() {
        words += 1;
        let t = w.trim_matches(|c: char| !c.is_alphanumeric());
        if t.is_empty() {
            continue;
        }
        if first_w.is_empty() {
            first_w = t;
        }
        last_w = t;
        if t.chars().next().is_some_and(char::is_alphabetic) {
            alpha_words += 1;
            if t.chars().next().is_some_and(char::is_uppercase) {
                caps += 1;
            }
            if t.len() <= 5 && is_stop(t) {
                stops += 1;
            }
        }
    }
    // digits, years, clock times and web addresses in one pass over the bytes (an ASCII
    // digit or letter byte is that character in UTF-8; lowercasing a non-ASCII character
    // never gives the letters of `http` or `www`)
    let b = s.as_bytes();
    let (mut digits, mut year, mut clock, mut url) = (0u32, false, false, false);
    for i in 0..b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            digits += 1;
            let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
            year |= matches!((c, at(1)), (b'1', b'9') | (b'2', b'0')) && at(2).is_ascii_digit() && at(3).is_ascii_digit();
            clock |= at(1) == b':' && at(2).is_ascii_digit();
        } else if !url && matches!(c | 0x20, b'h' | b'w') {
            url = url_at(b, i);
        }
    }
    let month = if s.is_ascii() {
        // the same test as below without lowercasing a copy (most lines are ASCII)
        b.split(|c| !c.is_ascii_alphabetic()).any(|w| (3..=9).contains(&w.len()) && is_month_prefix(&w[..3]))
    } else {
        // the words of the lowercased line, lowercased character by character (no copy; a
        // final sigma lowercases to `ς`, not `σ`, in a whole string, but both are two bytes
        // and no month's letters): a word of 3-9 bytes whose first three are a month's
        // (one split, not one per month: the three bytes of an ASCII month prefix are the start
        // of a lowercased word exactly when the word starts with that month)
        let (mut len, mut head, mut found) = (0usize, [0u8; 3], false);
        let mut end_word = |len: &mut usize, head: &[u8; 3]| {
            found |= (3..=9).contains(len) && is_month_prefix(head);
            *len = 0;
        };
        for c in s.chars() {
            for l in c.to_lowercase() {
                if l.is_alphabetic() {
                    let mut buf = [0u8; 4];
                    for &b in l.encode_utf8(&mut buf).as_bytes() {
                        if len < 3 {
                            head[len] = b;
                        }
                        len += 1;
                    }
                } else {
                    end_word(&mut len, &head);
                }
            }
        }
        end_word(&mut len, &head);
        found
    };
    let lower = alpha_words > 0 && caps == alpha_words && s.chars().any(char::is_lowercase);
    TextStats { words, caps, stops, alpha_words, first_w, last_w, digits, year, clock, url, month, lower, norm: norm_hash(s) }
}

/// [`text_stats`] of an ASCII line in one pass over its bytes (most lines; the same values:
/// ASCII whitespace is `\t`, `\n`, VT, FF, `\r` and space, as for [`char::is_whitespace`]).
pub(super) fn text_stats_ascii(s: &str) -> TextStats<'_> {
    let b = s.as_bytes();
    let mut st = TextStats {
        words: 0,
        caps: 0,
        stops: 0,
        alpha_words: 0,
        first_w: "",
        last_w: "",
        digits: 0,
        year: false,
        clock: false,
        url: false,
        month: false,
        lower: false,
        norm: EMPTY_NORM,
    };
    // the open whitespace-separated word: whether one is open, its first and last letter or digit
    let (mut in_word, mut first_an, mut last_an) = (false, usize::MAX, 0usize);
    // the open run of letters: its length and first three bytes (for the month test)
    let (mut run, mut head) = (0usize, [0u8; 3]);
    fn end_word<'a>(s: &'a str, st: &mut TextStats<'a>, first_an: usize, last_an: usize) {
        st.words += 1;
        if first_an == usize::MAX {
            return;
        }
        let t = &s[first_an..=last_an];
        if st.first_w.is_empty() {
            st.first_w = t;
        }
        st.last_w = t;
        let c = t.as_bytes()[0];
        if c.is_ascii_alphabetic() {
            st.alpha_words += 1;
            st.caps += c.is_ascii_uppercase() as u32;
            st.stops += (t.len() <= 5 && is_stop(t)) as u32;
        }
    }
    for i in 0..b.len() {
        let c = b[i];
        if matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            if in_word {
                end_word(s, &mut st, first_an, last_an);
                in_word = false;
            }
        } else {
            if !in_word {
                (in_word, first_an) = (true, usize::MAX);
            }
            if c.is_ascii_alphanumeric() {
                if first_an == usize::MAX {
                    first_an = i;
                }
                last_an = i;
            }
        }
        if c.is_ascii_alphabetic() {
            if run < 3 {
                head[run] = c;
            }
            run += 1;
        } else {
            st.month |= (3..=9).contains(&run) && is_month_prefix(&head);
            run = 0;
        }
        if c.is_ascii_alphanumeric() {
            st.norm ^= c.to_ascii_lowercase() as u64;
            st.norm = st.norm.wrapping_mul(0x0100_0000_01b3);
        }
        st.lower |= c.is_ascii_lowercase();
        if c.is_ascii_digit() {
            st.digits += 1;
            let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
            st.year |= matches!((c, at(1)), (b'1', b'9') | (b'2', b'0')) && at(2).is_ascii_digit() && at(3).is_ascii_digit();
            st.clock |= at(1) == b':' && at(2).is_ascii_digit();
        } else if !st.url && matches!(c | 0x20, b'h' | b'w') {
            st.url = url_at(b, i);
        }
    }
    if in_word {
        end_word(s, &mut st, first_an, last_an);
    }
    st.month |= (3..=9).contains(&run) && is_month_prefix(&head);
    st
}

/// [`facts`] but for the rule class (the costly part), left [`NO_CLASS`].
pub(super) fn facts_unclassed(text: &str, l: &PhysLine) -> Facts {
    let s = &text[l.span.start..l.span.end];
    let chars = s.chars().count() as u32;
    let TextStats { words, caps, stops, alpha_words, first_w, last_w, digits, year, clock, url, month, lower, norm } =
        if s.is_ascii() { text_stats_ascii(s) } else { text_stats(s) };
    let pct = |a: u32, b: u32| if b == 0 { 0 } else { a * 10 / b };
    let caps_b = if alpha_words == 0 { 0 } else if caps == alpha_words { if lower { 6 } else { 7 } } else { 1 + bucket(pct(caps, alpha_words), &[2, 5, 8]) };
    let hw = |w: &str| {
        if w.len() > 24 {
            1
        } else if w.is_ascii() {
            let mut buf = [0u8; 24];
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[..w.len()].make_ascii_lowercase();
            fnv(7, &buf[..w.len()])
        } else {
            fnv(7, w.to_lowercase().as_bytes())
        }
    };
    let trimmed_end = s.trim_end_matches(['*', '_']);
    Facts {
        class: NO_CLASS,
        len_b: bucket(chars, &[3, 10, 20, 30, 45, 60, 80, 100, 130, 200, 400]),
        words_b: bucket(words, &[1, 2, 3, 5, 8, 12, 16, 22, 30, 45, 80]),
        end: char_class(trimmed_end.chars().last()),
        first: char_class(s.chars().find(|c| !c.is_whitespace())),
        marker: marker(s),
        indent_b: bucket(l.indent, &INDENT_EDGES),
        caps_b,
        stop_b: if alpha_words == 0 { 0 } else { 1 + bucket(pct(stops, alpha_words), &[0, 1, 2, 3, 5]) },
        digit_b: bucket(pct(digits, chars.max(1)), &[0, 1, 3, 6]),
        month,
        year,
        clock,
        wrapped: false,
        recur_b: 0,
        short: words <= 4 && !lines::ends_sentence(s),
        words,
        chars,
        first_hash: hw(first_w),
        last_hash: hw(last_w),
        norm_hash: norm,
        url,
        pic: picture(s),
    }
}

/// A line shaped like a headline: 3–30 words, not ending in `.`, `,`, `;` or `:`, and no
/// rule class but plain text, a dateline, a glued stamp or a sentence end.
pub(super) fn heading_like(x: &Facts) -> bool {
    heading_shaped(x) && matches!(x.class, 0 | 17 | 18 | 19)
}

/// The part of [`heading_like`] that needs no rule class.
pub(super) fn heading_shaped(x: &Facts) -> bool {
    (3..=30).contains(&x.words) && !matches!(x.end, 1 | 4 | 5)
}

/// Hashed feature ids for every line (`out[i]` holds line `i`'s ids).
pub fn features(text: &str, lines: &[PhysLine]) -> Vec<Vec<u32>> {
    let mut out = Vec::with_capacity(lines.len());
    for_each_features(text, lines, |_, ids| out.push(ids.to_vec()));
    out
}

/// Calls `f(i, ids)` with the hashed feature ids of every line `i` in order (one buffer
/// reused: memory stays per line, not per feature).
pub fn for_each_features(text: &str, lines: &[PhysLine], mut f: impl FnMut(usize, &[u32])) {
    features_and_classes(text, lines, |k, ids, _| f(k, ids));
}

/// [`features`] and the roles each line may take (a bit set over roles: every role but for
/// a picture's lines, see [`picture_line`]); decoding keeps to them.
pub fn features_and_allowed(text: &str, lines: &[PhysLine]) -> (Vec<Vec<u32>>, Vec<u8>) {
    let (mut out, mut ok) = (Vec::with_capacity(lines.len()), Vec::with_capacity(lines.len()));
    features_and_classes(text, lines, |_, ids, a| {
        out.push(ids.to_vec());
        ok.push(a);
    });
    (out, ok)
}

/// and what the title ranker reads, see [`TitleFacts::seeded`]).
pub(super) fn features_and_classes(text: &str, lines: &[PhysLine], mut f: impl FnMut(usize, &[u32], u8)) -> LineFacts {
    let n = lines.len();
    let mut facts_of: Vec<Facts> = lines.iter().map(|l| facts(text, l)).collect();
    // hard wrap: a dump whose long lines stop at one width (lynx/w3m at 100 columns)
    let mut hist = [0u32; 8];
    for x in &facts_of {
        if (60..=100).contains(&x.chars) {
            hist[((x.chars - 60) / 5).min(7) as usize] += 1;
        }
    }
    let (peak, peak_n) = hist.iter().enumerate().max_by_key(|(_, &c)| c).map(|(i, &c)| (i, c)).unwrap_or((0, 0));
    let wrap_width = if peak_n >= 5 && peak_n * 10 >= n as u32 / 4 { Some(60 + peak as u32 * 5) } else { None };
    if let Some(w) = wrap_width {
        for x in facts_of.iter_mut() {
            x.wrapped = x.chars + 12 >= w && x.chars <= w + 8;
        }
    }
    // recurrence of a line's text in the dump
    // (sized once: at most one entry per line, no rehashing as it grows)
    let mut counts: std::collections::HashMap<u64, u32> = std::collections::HashMap::with_capacity(n);
    for x in &facts_of {
        *counts.entry(x.norm_hash).or_insert(0) += 1;
    }
    for x in facts_of.iter_mut() {
        x.recur_b = bucket(counts[&x.norm_hash], &[1, 2, 4]);
    }
    // runs of short lines, the distance (in lines) to the nearest long prose line before /
    // after, prose density and blank-separated blocks are found line by line in the loop
    // below (no per-line vectors: memory stays at the facts)
    let long = |x: &Facts| x.words >= 25;
    // title cue: the nearest heading-like line before a long line (only short meta lines
    // such as bylines, stamps, captions' credits or widgets between), and its rank back
    let mut cand_rank = vec![0u8; n];
    let mut k = 0;
    while k < n {
        if long(&facts_of[k]) {
            let mut rank = 0u8;
            let mut j = k;
            while j > 0 && k - j < 12 && rank < 3 {
                j -= 1;
                if long(&facts_of[j]) {
                    break;
                }
                if heading_like(&facts_of[j]) {
                    rank += 1;
                    if cand_rank[j] == 0 {
                        cand_rank[j] = rank;
                    }
                }
            }
        }
        k += 1;
    }
    let has_iframe = facts_of.iter().any(|x| x.marker == 1);
    let global = if has_iframe { 1 } else if wrap_width.is_some() { 2 } else { 0 };
    let mask = (1u32 << BUCKET_BITS) - 1;
    let mut ids: Vec<u32> = Vec::with_capacity(96);
    // the maximal run of short lines around the line, when it is short
    let (mut run_start, mut run_end) = (0usize, 0usize);
    // the last long line before the line; the first long line after it (`n`: none)
    let mut last_long: Option<usize> = None;
    let mut next_long = 0usize;
    // the blank-separated block of the line: its first line and its end
    let (mut block_start, mut block_end) = (0usize, 0usize);
    for k in 0..n {
        let x = &facts_of[k];
        let l = &lines[k];
        ids.clear();
        let run = if x.short {
            if k >= run_end {
                run_start = k;
                run_end = k;
                while run_end < n && facts_of[run_end].short {
                    run_end += 1;
                }
            }
            (run_end - run_start) as u32
        } else {
            0
        };
        let before = last_long.map_or(u32::MAX, |p| (k - p) as u32);
        if long(x) {
            last_long = Some(k);
        }
        if next_long <= k {
            next_long = k + 1;
            while next_long < n && !long(&facts_of[next_long]) {
                next_long += 1;
            }
        }
        let after = if next_long < n { (next_long - k) as u32 } else { u32::MAX };
        if l.blank_before || k == 0 {
            block_start = k;
            block_end = k + 1;
            while block_end < n && !lines[block_end].blank_before {
                block_end += 1;
            }
        }
        // (the block feature as trained: the block's size plus, for each later line of the
        // block, its position in it; taken modulo 2^32 as the bucket reads it)
        let block_len = {
            let (s, e, k) = (block_start as u128, block_end as u128, k as u128);
            let (a, b) = (k + 1 - s, e - 1 - s);
            let later = if b >= a { (a + b) * (b - a + 1) / 2 } else { 0 };
            (e - s + later) as u32
        };
        let mut push = |tag: u64, v: u64| ids.push((mix(tag, v) as u32) & mask);
        push(0, 0); // bias
        push(1, x.class as u64);
        push(2, x.len_b as u64);
        push(3, x.words_b as u64);
        push(4, x.end as u64);
        push(5, x.first as u64);
        push(6, x.marker as u64);
        push(7, x.indent_b as u64);
        push(8, x.caps_b as u64);
        push(9, x.stop_b as u64);
        push(10, x.digit_b as u64);
        push(11, (x.month as u64) | (x.year as u64) << 1 | (x.clock as u64) << 2);
        push(12, x.wrapped as u64 | (global as u64) << 1);
        push(13, x.recur_b as u64);
        push(14, bucket(run, &[0, 1, 3, 7, 15]) as u64);
        push(15, l.blank_before as u64 | ((k + 1 < n && lines[k + 1].blank_before) as u64) << 1);
        push(16, bucket(k as u32, &[0, 1, 4, 9, 19, 49]) as u64);
        push(17, (k * 10 / n.max(1)) as u64);
        push(18, bucket(before, &[1, 2, 4, 8, 16, 1000]) as u64 * 8 + bucket(after, &[1, 2, 4, 8, 16, 1000]) as u64);
        push(19, x.first_hash);
        push(20, x.last_hash);
        if x.words <= 4 {
            push(21, x.norm_hash);
        }
        push(22, x.url as u64);
        push(28, cand_rank[k] as u64);
        push(29, (cand_rank[k] as u64) << 8 | x.caps_b as u64);
        let lo = k.saturating_sub(5);
        let hi = (k + 6).min(n);
        let density = facts_of[lo..hi].iter().filter(|y| long(y)).count() as u32;
        push(30, bucket(density, &[0, 1, 2, 4, 7]) as u64);
        push(31, (bucket(block_len, &[1, 2, 4, 8, 16]) as u64) << 8 | bucket((k - block_start) as u32, &[0, 1, 3, 7]) as u64);
        push(32, (bucket(density, &[0, 1, 2, 4, 7]) as u64) << 8 | x.words_b as u64);
        let pic = picture_line(&facts_of, k);
        push(33, pic as u64);
        // conjunctions of the line with itself
        push(23, (x.len_b as u64) << 8 | x.end as u64);
        push(24, (x.caps_b as u64) << 8 | x.end as u64);
        push(25, (x.marker as u64) << 8 | x.indent_b as u64);
        push(26, (x.class as u64) << 8 | x.words_b as u64);
        push(27, (global as u64) << 8 | x.indent_b as u64);
        // neighbours
        for (slot, d) in [(0u64, -2i64), (1, -1), (2, 1), (3, 2)] {
            let j = k as i64 + d;
            let tag = 100 + slot * 20;
            if j < 0 || j >= n as i64 {
                push(tag, 999);
                continue;
            }
            let y = &facts_of[j as usize];
            let ly = &lines[j as usize];
            push(tag + 1, y.class as u64);
            push(tag + 2, y.len_b as u64);
            push(tag + 3, y.end as u64);
            push(tag + 4, y.marker as u64);
            push(tag + 5, ly.blank_before as u64);
            push(tag + 6, (y.caps_b as u64) << 8 | y.words_b as u64);
            push(tag + 7, (y.indent_b as u64) << 8 | x.indent_b as u64);
            push(tag + 13, picture_line(&facts_of, j as usize) as u64);
            if d == -1 {
                // continuation cues: the previous line's end and width, this line's start
                push(tag + 8, (y.end as u64) << 16 | (x.first as u64) << 8 | l.blank_before as u64);
                push(tag + 9, (y.wrapped as u64) << 16 | (x.first as u64) << 8 | l.blank_before as u64);
                push(tag + 10, (y.marker as u64) << 8 | x.marker as u64);
                push(tag + 11, y.last_hash);
                push(tag + 12, (y.norm_hash == x.norm_hash) as u64);
            }
            if d == 1 {
                push(tag + 8, (x.end as u64) << 16 | (y.first as u64) << 8 | ly.blank_before as u64);
                push(tag + 9, (x.wrapped as u64) << 16 | (y.first as u64) << 8 | ly.blank_before as u64);
            }
        }
        f(k, &ids, if pic { PICTURE_ROLES } else { u8::MAX });
    }
    LineFacts(facts_of)
}

/// The facts of each physical line of a dump, as the line-role model computed them.
pub(crate) struct LineFacts(pub(super) Vec<Facts>);

impl LineFacts {
    /// Line `k`'s rule class.
    pub(crate) fn class(&self, k: usize) -> RuleClass {
        RuleClass(self.0[k].class)
    }
}

/// The first rule of the line grammar a line met (the `class` feature): lets
/// [`super::lines`] skip the rules a line is already known to fail, so that no line is
/// run through the same rule twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RuleClass(u8);

impl RuleClass {
    /// Where the line left `rule_class`'s order of rules: class 0 (no rule met) comes after
    /// every rule (all of them were tried), the others at their place.
    fn rank(self) -> u8 {
        if self.0 == 0 { 20 } else { self.0 }
    }
    /// `stamp::whole(s)` is known to be `None` for this line `s`.
    pub(crate) fn no_whole_stamp(self, s: &str) -> bool {
        self.rank() > 3 && s.len() <= 80
    }
    /// `clutter::is_end_mark(s)`, `byline::end_byline(s)` and `byline::top_byline(s)` are
    /// known to fail (the three rules `rule_class` tries in that order).
    pub(crate) fn no_end_mark(self, s: &str) -> bool {
        self.rank() > 4 && s.len() <= 200
    }
    /// `byline::end_byline(s)` is known to be `None`.
    pub(crate) fn no_end_byline(self, s: &str) -> bool {
        self.rank() > 5 && s.len() <= 200
    }
    /// `byline::top_byline(s)` is known to be `None`.
    pub(crate) fn no_top_byline(self, s: &str) -> bool {
        self.rank() > 6 && s.len() <= 200
    }
    /// `clutter::list_heading(s)` is known to be `None`.
    pub(crate) fn no_list_heading(self, s: &str) -> bool {
        self.rank() > 7 && s.len() <= 60
    }
    /// What `clutter::classify(s)` gives, when the class tells (the line reached that rule).
    pub(crate) fn clutter(self, s: &str) -> Option<Option<BoilerplateKind>> {
        match self.rank() {
            8..=16 if s.len() <= 300 => Some(Some(CLUTTER_KINDS[self.0 as usize - 8])),
            17.. if s.len() <= 300 => Some(None),
            _ => None,
        }
    }
    /// `stamp::trailing(s)`, `stamp::leading(s)` and `dateline::parse(s)` are known to be
    /// `None` (every rule was tried and none matched but, maybe, the sentence end).
    pub(crate) fn no_stamp_or_dateline(self, s: &str) -> bool {
        matches!(self.0, 0 | 19) && s.len() <= 300
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clutter_kinds_follow_the_declaration_order() {
        // rule class 8 + k is the kind whose `as u8` is k (see `rule_class`)
        for (k, kind) in CLUTTER_KINDS.iter().enumerate() {
            assert_eq!(*kind as usize, k, "{kind:?}");
        }
    }

    #[test]
    fn credit_prefilter_passes_every_cue() {
        // the one-pass pre-test must never reject a line a cue would match
        for cue in CREDIT_CUES {
            assert!(has_credit_stem(cue.as_bytes()), "{cue}");
            assert!(has_credit_stem(cue.to_uppercase().as_bytes()), "{cue}");
        }
        assert!(credit_at("PHOTO: A. Name/Agency"));
        assert!(credit_at("The crowd at the square. (Image credit: Jane Doe)"));
        assert!(!credit_at("The minister spoke for an hour on Monday."));
        assert!(!has_credit_stem("Café".as_bytes()));
        let naive = |s: &str| ["photo", "image", "picture", "illustration", "credit"].iter().any(|m| s.to_ascii_lowercase().contains(m));
        for s in ["PHOTOGRAPH", "xpIctures", "Illustrations by", "a crEDIT", "pi", "imag", "credi", "Ümage", "p image", "phot o", "cr"] {
            assert_eq!(has_credit_stem(s.as_bytes()), naive(s), "{s}");
        }
    }

    #[test]
    fn ascii_fast_paths_agree_with_the_general_ones() {
        let line = |s: &str| facts_unclassed(s, &PhysLine { span: Span::new(0, s.len()), indent: 0, blank_before: true });
        for w in STOP {
            assert!(is_stop(w) && is_stop(&w.to_uppercase()), "{w}");
        }
        for w in ["The", "AND", "said", "Tanaka", "x", "Whose", "about", "abouts", "ths"] {
            assert_eq!(is_stop(w), STOP.iter().any(|x| x.eq_ignore_ascii_case(w)), "{w}");
        }
        for s in ["Visit WWW.example.org", "see HTTPS://a.b", "no link here", "http:/ nearly", "Ünïcode www.x.de", "wwW", "ends in http:/"] {
            let l = s.to_lowercase();
            let want = l.contains("http://") || l.contains("https://") || l.contains("www.");
            assert_eq!((0..s.len()).any(|i| url_at(s.as_bytes(), i)), want, "{s}");
            assert_eq!(line(s).url, want, "{s}");
        }
        for s in ["in 1999 and 2026", "at 9:30", "19 20 1:x", "2O26", "10:", "ÄÖ 2001 7:05"] {
            let b = s.as_bytes();
            let year = b.windows(4).any(|w| (w.starts_with(b"19") || w.starts_with(b"20")) && w.iter().all(u8::is_ascii_digit));
            let clock = b.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
            let x = line(s);
            assert_eq!((x.year, x.clock), (year, clock), "{s}");
        }
        for s in ["Mixed Case 42", "ÄÖÜ ßtraße Über", "ALL-CAPS_and_digits 2026", "", "--- 9 ---"] {
            let slow = s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).fold(0xcbf2_9ce4_8422_2325u64, |h, l| (h ^ l as u64).wrapping_mul(0x0100_0000_01b3));
            assert_eq!(norm_hash(s), slow, "{s}");
        }
        let x = line("Posted on 3 March 2026, see www.example.org");
        assert!(x.month && x.year && x.url);
        let y = line("Smartphones and bands");
        assert!(!y.month && !y.year && !y.url);
        // the month test on non-ASCII lines: a word of 3-9 letters that starts with a month
        for s in ["“Posted” 3 MARCH", "Déc — Maybe", "Ünïcode marches on", "Ça Marchesinis", "Ünïcode May", "Ünïcode mayor’s", "Über Mar"] {
            let l = s.to_lowercase();
            let want = l.split(|c: char| !c.is_alphabetic()).any(|w| (3..=9).contains(&w.len()) && MONTHS.iter().any(|m| w.starts_with(m)));
            assert_eq!(line(s).month, want, "{s}");
        }
    }


    #[test]
    fn ascii_line_stats_agree_with_the_general_pass() {
        let lines = [
            "", " ", "a", "The", "The minister said on Friday that talks would go on.", "  -- Posted 3 March 2026, 10:45 --  ",
            "BREAKING NEWS: ALL CAPS", "Share | Tweet | Email", "(Reporting by Jan Example; editing by Ann Other)", "x\ty\x0bz\x0cw\rv",
            "***", "9:30", "1999-2026 www.example.org http://a.b", "Sept. Octo mayor MAYBE Junk december", "It's \"quoted\" (yes)!",
            "ab--cd ..ef.. 12th", "The AND the", "a\x1fb", "MAR", "mar1", "Jan-Feb", "#Tags and @handles", "Words  with   gaps ",
        ];
        for l in lines {
            let (mut a, b) = (text_stats_ascii(l), text_stats(l));
            // (`lower` is only read, and the general pass only fills it, when every word is capitalised)
            if !(a.alpha_words > 0 && a.caps == a.alpha_words) {
                a.lower = false;
            }
            assert_eq!(a, b, "{l:?}");
        }
    }
}
