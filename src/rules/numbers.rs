//! Shared pieces of the rule extractors: a small tokenizer with byte offsets, sentence
//! breaks, and English number words.
//!
//! Everything here is linear in the input: the tokenizer reads each byte once, and the
//! matchers built on it only look a bounded number of tokens ahead or behind.

use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters (`Friday`, `Jan`, `percent`).
    Word,
    /// ASCII digits, with inner `,` `.` `:` between digits (`2,000`, `1.5`, `10:26`).
    Num,
    /// Any other single character (`-`, `.`, `£`, `%`, `'`).
    Punct,
}

/// A token: a byte range of the text and whether whitespace precedes it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub s: usize,
    pub e: usize,
    pub kind: Kind,
    /// Whitespace (or the region start) comes right before it.
    pub sp: bool,
}

/// Tokenize `text[span]` into `out` (cleared first). Offsets are absolute and on char boundaries.
pub(crate) fn tokenize(text: &str, span: Span, out: &mut Vec<Tok>) {
    out.clear();
    let Some(region) = text.get(span.start..span.end) else { return };
    let bytes = region.as_bytes();
    let base = span.start;
    let mut sp = true;
    let mut it = region.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            sp = true;
            continue;
        }
        if c.is_ascii_digit() {
            let mut e = i + 1;
            loop {
                match bytes.get(e) {
                    Some(b) if b.is_ascii_digit() => e += 1,
                    Some(b',' | b'.' | b':') if bytes.get(e + 1).is_some_and(|b| b.is_ascii_digit()) => e += 2,
                    _ => break,
                }
            }
            while it.peek().is_some_and(|&(j, _)| j < e) {
                it.next();
            }
            out.push(Tok { s: base + i, e: base + e, kind: Kind::Num, sp });
        } else if c.is_alphabetic() {
            let mut e = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    e = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Tok { s: base + i, e: base + e, kind: Kind::Word, sp });
        } else {
            out.push(Tok { s: base + i, e: base + i + c.len_utf8(), kind: Kind::Punct, sp });
        }
        sp = false;
    }
}

/// Words after which a `.` does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "apr", "aug", "co", "corp", "dec", "dr", "feb", "gen", "gov", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "mar",
    "mr", "mrs", "ms", "no", "nov", "oct", "prof", "rep", "rev", "sen", "sep", "sept", "st", "vs",
];

/// For each token, the index of the first token of its sentence.
pub(crate) fn sentence_starts(text: &str, toks: &[Tok]) -> Vec<usize> {
    let mut out = Vec::with_capacity(toks.len());
    let mut start = 0;
    for i in 0..toks.len() {
        out.push(start);
        let t = toks[i];
        let s = &text[t.s..t.e];
        if t.kind == Kind::Punct && matches!(s, "." | "!" | "?") {
            let next_sp = toks.get(i + 1).is_none_or(|n| n.sp);
            let prev_abbr = i > 0 && toks[i - 1].kind == Kind::Word && !t.sp && {
                let p = &text[toks[i - 1].s..toks[i - 1].e];
                p.chars().count() == 1 || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(p))
            };
            if next_sp && !(s == "." && prev_abbr) {
                start = i + 1;
            }
        }
    }
    out
}

const UNITS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// The value of a single number word below 100 that is not a tens word (`six` → 6).
fn unit_word(w: &str) -> Option<u32> {
    UNITS.iter().position(|u| u.eq_ignore_ascii_case(w)).map(|p| p as u32)
}

fn tens_word(w: &str) -> Option<u32> {
    TENS.iter().position(|u| u.eq_ignore_ascii_case(w)).map(|p| 20 + 10 * p as u32)
}

/// Ordinal words up to twelfth (`third` → 3).
pub(crate) fn ordinal_word(w: &str) -> Option<u32> {
    const ORD: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth",
    ];
    ORD.iter().position(|u| u.eq_ignore_ascii_case(w)).map(|p| p as u32 + 1)
}

/// Read spelled-out numbers below 10,000 starting at token `i` (`six`, `twenty-six`,
/// `twenty six`, `a hundred`, `two hundred and five`). Returns the value and the index after the last token.
pub(crate) fn number_words(text: &str, toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    let w = |k: usize| toks.get(k).filter(|t| t.kind == Kind::Word).map(|t| &text[t.s..t.e]);
    let small = |k: usize| -> Option<(u32, usize)> {
        let s = w(k)?;
        if let Some(u) = unit_word(s) {
            return Some((u, k + 1));
        }
        let t = tens_word(s)?;
        // twenty-six / twenty six
        let j = if toks.get(k + 1).is_some_and(|t| !t.sp && &text[t.s..t.e] == "-") { k + 2 } else { k + 1 };
        match w(j).and_then(unit_word) {
            Some(u) if (1..10).contains(&u) && (j == k + 2 || toks[j].sp) => Some((t + u, j + 1)),
            _ => Some((t, k + 1)),
        }
    };
    let (mut v, mut j) = match small(i) {
        Some(x) => x,
        None if w(i).is_some_and(|s| s.eq_ignore_ascii_case("a")) && w(i + 1).is_some_and(|s| s.eq_ignore_ascii_case("hundred") || s.eq_ignore_ascii_case("thousand")) => (1, i + 1),
        None => return None,
    };
    if w(j).is_some_and(|s| s.eq_ignore_ascii_case("hundred")) {
        v *= 100;
        j += 1;
        let k = if w(j).is_some_and(|s| s.eq_ignore_ascii_case("and")) { j + 1 } else { j };
        if let Some((r, e)) = small(k) {
            if r > 0 {
                v += r;
                j = e;
            }
        }
    }
    if w(j).is_some_and(|s| s.eq_ignore_ascii_case("thousand")) && v < 10 {
        v *= 1000;
        j += 1;
    }
    Some((v as f64, j))
}

/// Parse a digit token (`2,000`, `1.5`, `12`) as a number. Rejects `10:26` and `1.2.3`.
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    if s.contains(':') || s.bytes().filter(|&b| b == b'.').count() > 1 {
        return None;
    }
    // commas must group thousands: 2,000 / 1,234,567
    if s.contains(',') {
        let int = s.split('.').next()?;
        let mut groups = int.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || groups.clone().any(|g| g.len() != 3) {
            return None;
        }
    }
    s.replace(',', "").parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<String> {
        let mut v = Vec::new();
        tokenize(t, Span::new(0, t.len()), &mut v);
        v.iter().map(|k| t[k.s..k.e].to_string()).collect()
    }

    #[test]
    fn tokenizer() {
        assert_eq!(toks("£20 million, 2,000 yuan"), ["£", "20", "million", ",", "2,000", "yuan"]);
        assert_eq!(toks("1910-45 at 10:26."), ["1910", "-", "45", "at", "10:26", "."]);
        assert_eq!(toks("Jan. 9 😀é"), ["Jan", ".", "9", "😀", "é"]);
    }

    #[test]
    fn numbers() {
        let n = |t: &str| {
            let mut v = Vec::new();
            tokenize(t, Span::new(0, t.len()), &mut v);
            number_words(t, &v, 0)
        };
        assert_eq!(n("six years"), Some((6.0, 1)));
        assert_eq!(n("twenty-six"), Some((26.0, 3)));
        assert_eq!(n("twenty four hours"), Some((24.0, 2)));
        assert_eq!(n("two hundred and five"), Some((205.0, 4)));
        assert_eq!(n("a hundred"), Some((100.0, 2)));
        assert_eq!(n("apple"), None);
        assert_eq!(parse_digits("2,000"), Some(2000.0));
        assert_eq!(parse_digits("1.5"), Some(1.5));
        assert_eq!(parse_digits("10:26"), None);
        assert_eq!(parse_digits("1,00"), None);
    }
}

/// Token context shared by the time and amount scanners: the text and its tokens.
pub(crate) struct Cx<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Tok],
}

impl<'a> Cx<'a> {
    pub(crate) fn s(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.s..t.e])
    }
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(w)
    }
    pub(crate) fn any(&self, i: usize, ws: &[&str]) -> bool {
        let s = self.s(i);
        !s.is_empty() && ws.iter().any(|w| w.eq_ignore_ascii_case(s))
    }
    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }
    pub(crate) fn word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }
    /// Token `i` exists and touches the previous token.
    pub(crate) fn att(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.sp)
    }
    pub(crate) fn cap(&self, i: usize) -> bool {
        self.s(i).chars().next().is_some_and(char::is_uppercase)
    }
    pub(crate) fn lower(&self, i: usize) -> bool {
        self.s(i).chars().next().is_some_and(char::is_lowercase)
    }
    /// A plain digits token (no separators), its value and digit count.
    pub(crate) fn digits(&self, i: usize) -> Option<(u32, usize)> {
        let s = self.s(i);
        if self.kind(i) == Some(Kind::Num) && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().ok().map(|v| (v, s.len()))
        } else {
            None
        }
    }
    pub(crate) fn dash(&self, i: usize) -> bool {
        matches!(self.s(i), "-" | "–" | "—" | "‑")
    }
    pub(crate) fn lower_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word) && self.s(i).chars().all(char::is_lowercase)
    }
}
