//! Tokenizer and sentence splitter over the original text.
//!
//! Tokens are byte spans into the input (no copies). The rules follow CoNLL-2003 / Penn
//! conventions closely enough that a CoNLL file whose tokens are joined with spaces
//! tokenizes back into the same tokens (or finer pieces), while real news text gets:
//!
//! * words of Unicode letters, digits and combining marks, with internal hyphens
//!   (`Kang Yu-jung`, `1910-45`, `Bosnia-Herzegovina`) and internal apostrophes kept
//!   (`O'Neill`), but possessives and clitics split off (`Takaichi` `'s`, `do` `n't`);
//! * abbreviations with their periods (`U.S.`, `Jan.`, `Fla.`, `S.Africa`, `J.`);
//! * numbers with internal `.,:/` (`1,000`, `3.5`, `10:30`, `1996-08-22`);
//! * `--` and `...` as single tokens; every other punctuation mark, quote and dash alone.

use crate::span::Span;

/// A token: a byte span of the text.
pub type Token = Span;

/// Abbreviations that keep their final period (lowercase, without the period).
const ABBREVIATIONS: &[&str] = &[
    "adm", "ala", "apr", "ariz", "ark", "aug", "ave", "bros", "calif", "capt", "cmdr", "co", "colo", "conn", "corp",
    "cpl", "dec", "dept", "dr", "etc", "feb", "fla", "ft", "ga", "gen", "gov", "hon", "inc", "jan", "jr", "jul",
    "jun", "kan", "ky", "lt", "ltd", "maj", "md", "messrs", "mich", "minn", "mont", "mr", "mrs", "ms", "mt", "neb",
    "nev", "nov", "oct", "okla", "plc", "prof", "pte", "rep", "reps", "rev", "sen", "sens", "sep", "sept", "sgt",
    "sr", "st", "supt", "tenn", "tex", "va", "vs", "wis", "wyo",
];

#[inline]
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D)
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

#[inline]
fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// True for `.`-less abbreviations listed in [`ABBREVIATIONS`] (case-insensitive).
fn is_abbreviation(word: &str) -> bool {
    if word.len() > 6 || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 6];
    for (i, b) in word.bytes().enumerate() {
        buf[i] = b.to_ascii_lowercase();
    }
    let lw = std::str::from_utf8(&buf[..word.len()]).unwrap_or("");
    ABBREVIATIONS.binary_search(&lw).is_ok()
}

/// Tokenize `text[span]`, appending tokens (absolute byte spans) to `out`.
pub fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = span.slice(text);
    let base = span.start;
    let b = s.as_bytes();
    let n = s.len();
    let mut i = 0;
    let ch = |i: usize| -> char { s[i..].chars().next().unwrap_or('\0') };
    while i < n {
        let c = ch(i);
        let cl = c.len_utf8();
        if c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}' {
            i += cl;
            continue;
        }
        // Clitics at a word start: 's, 'S, n't (already split by the previous word), 're, 've, 'll, 'd, 'm.
        if is_apostrophe(c) {
            if let Some(len) = clitic_len(s, i) {
                // Only when glued to a preceding word or standing alone as a CoNLL token.
                let prev_word = out.last().map(|t| t.end == base + i).unwrap_or(false);
                let standalone = i == 0 || s[..i].ends_with(char::is_whitespace);
                if prev_word || standalone {
                    out.push(Span::new(base + i, base + i + len));
                    i += len;
                    continue;
                }
            }
            out.push(Span::new(base + i, base + i + cl));
            i += cl;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let end = scan_word(s, i);
            // Split a trailing "n't" off ("don't" -> "do" "n't").
            let w = &s[start..end];
            if w.len() > 3 {
                let lw = w.as_bytes();
                let k = lw.len();
                if (lw[k - 3] == b'n' || lw[k - 3] == b'N') && lw[k - 2] == b'\'' && (lw[k - 1] == b't' || lw[k - 1] == b'T')
                {
                    out.push(Span::new(base + start, base + end - 3));
                    out.push(Span::new(base + end - 3, base + end));
                    i = end;
                    continue;
                }
            }
            out.push(Span::new(base + start, base + end));
            i = end;
            continue;
        }
        // Punctuation.
        if c == '-' && i + 1 < n && b[i + 1] == b'-' {
            let mut j = i;
            while j < n && b[j] == b'-' {
                j += 1;
            }
            out.push(Span::new(base + i, base + j));
            i = j;
            continue;
        }
        if c == '.' && i + 2 < n && b[i + 1] == b'.' && b[i + 2] == b'.' {
            let mut j = i;
            while j < n && b[j] == b'.' {
                j += 1;
            }
            out.push(Span::new(base + i, base + j));
            i = j;
            continue;
        }
        out.push(Span::new(base + i, base + i + cl));
        i += cl;
    }
}

/// Length of a clitic (`'s`, `'re`, …) starting at the apostrophe at `i`, if one is there
/// and is followed by a non-word character.
fn clitic_len(s: &str, i: usize) -> Option<usize> {
    let a = s[i..].chars().next()?.len_utf8();
    let rest = &s[i + a..];
    for cl in ["s", "S", "re", "RE", "ve", "VE", "ll", "LL", "d", "D", "m", "M"] {
        if let Some(after) = rest.strip_prefix(cl) {
            if after.chars().next().map_or(true, |c| !is_word_char(c)) {
                return Some(a + cl.len());
            }
        }
    }
    None
}

/// Scan a word starting at `i` (a word char); returns its end.
fn scan_word(s: &str, start: usize) -> usize {
    let b = s.as_bytes();
    let n = s.len();
    let mut i = start;
    // What s[start..i] is made of, kept up to date as `i` moves (one pass over the word, not
    // one per separator: `1,000,000,…` and `1.2.2.…` stay linear).
    let mut prefix = NumberPrefix { upto: start, digits_or_sep: true, digits_or_point: true };
    loop {
        // Consume word chars.
        while i < n {
            let c = s[i..].chars().next().unwrap();
            if is_word_char(c) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        if i >= n {
            return i;
        }
        let c = s[i..].chars().next().unwrap();
        let next = s[i + c.len_utf8()..].chars().next();
        let next_is_word = next.map_or(false, is_word_char);
        let prev_is_digit = b[i - 1].is_ascii_digit();
        let next_is_digit = next.map_or(false, |x| x.is_ascii_digit());
        // Hyphenated words and number ranges.
        if is_hyphen(c) && next_is_word {
            i += c.len_utf8();
            continue;
        }
        // Numbers: 1,000  3.5  10:30  1/2
        if matches!(c, ',' | '.' | ':' | '/') && prev_is_digit && next_is_digit && prefix.advance(b, i).digits_or_sep {
            i += 1;
            continue;
        }
        // Apostrophes inside words: O'Neill, D'Alema, but not possessives/clitics.
        if is_apostrophe(c) && next_is_word {
            if clitic_len(s, i).is_some() {
                return i;
            }
            // "n't" handled by the caller when the word ends in n't: keep it together here.
            i += c.len_utf8();
            continue;
        }
        // Ampersands in names: AT&T, S&P, P&O.
        if c == '&' && next_is_word && s[start..i].chars().all(|x| x.is_uppercase()) && next.map_or(false, |x| x.is_uppercase())
        {
            i += 1;
            continue;
        }
        if c == '.' {
            let word = &s[start..i];
            // Letter-dot sequences: U.S., U.N., S.Africa, N.Korea, e.g.
            let seg_len = word.rsplit('.').next().map_or(0, |x| x.chars().count());
            let single_letter_seg = seg_len == 1 && word.chars().last().map_or(false, char::is_alphabetic);
            if single_letter_seg && next.map_or(false, char::is_alphabetic) {
                i += 1;
                continue;
            }
            if single_letter_seg {
                // Initials and acronyms keep their final period: "J.", "U.S."
                return i + 1;
            }
            if word.contains('.') && word.chars().last().map_or(false, char::is_alphabetic) && seg_len <= 2 {
                return i + 1;
            }
            if !prefix.advance(b, i).digits_or_point && is_abbreviation(word) && !word.contains('.') {
                return i + 1;
            }
            return i;
        }
        return i;
    }
}

/// Facts about the bytes of a word scanned so far (`[start, upto)`).
struct NumberPrefix {
    upto: usize,
    /// Only ASCII digits and `,.:/-`.
    digits_or_sep: bool,
    /// Only ASCII digits and `,.`.
    digits_or_point: bool,
}

impl NumberPrefix {
    /// Take in the bytes up to `i` (never moves back).
    fn advance(&mut self, b: &[u8], i: usize) -> &Self {
        for &x in &b[self.upto.min(i)..i] {
            self.digits_or_sep &= x.is_ascii_digit() || matches!(x, b',' | b'.' | b':' | b'/' | b'-');
            self.digits_or_point &= x.is_ascii_digit() || matches!(x, b',' | b'.');
        }
        self.upto = self.upto.max(i);
        self
    }
}

/// Tokenize `text[span]` into a new vector.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, span, &mut out);
    out
}

/// True when token text ends a sentence (`.`, `!`, `?`, `...`).
fn is_terminal(t: &str) -> bool {
    matches!(t, "." | "!" | "?" | "..." | "…") || (t.len() > 1 && t.bytes().all(|b| b == b'.' || b == b'!' || b == b'?'))
}

fn is_closer(t: &str) -> bool {
    matches!(t, "\"" | "'" | "\u{201D}" | "\u{2019}" | ")" | "]" | "\u{BB}")
}

/// Split a run of tokens into sentences; returns ranges of token indices.
///
/// A sentence ends after `.`, `!`, `?` or `...` (plus any closing quotes or brackets) when
/// the next token starts with an uppercase letter, a digit, or an opening quote. A
/// line break that leaves an empty line also ends a sentence. One pass: the count of straight
/// quotes in the current sentence is kept as the scan moves.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let n = tokens.len();
    let mut i = 0;
    // Straight double quotes in tokens[start..i], kept as `i` moves (no recount per terminal).
    let mut dq_before = 0;
    while i < n {
        let t = tokens[i].slice(text);
        let mut end = None;
        let dq_here = dq_before + usize::from(t == "\"");
        if is_terminal(t) {
            let mut j = i + 1;
            // A straight double quote closes only if the sentence so far has an odd number of them.
            let mut dq = dq_here;
            while j < n && is_closer(tokens[j].slice(text)) {
                if tokens[j].slice(text) == "\"" {
                    if dq % 2 == 0 {
                        break;
                    }
                    dq += 1;
                }
                j += 1;
            }
            if j >= n {
                end = Some(n);
            } else {
                let nx = tokens[j].slice(text);
                let c = nx.chars().next().unwrap_or(' ');
                if c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201C}' | '\'' | '\u{2018}' | '(' | '-' | '\u{2013}' | '\u{2014}') {
                    end = Some(j);
                }
            }
        } else if i + 1 < n {
            // Blank line between tokens.
            let gap = text.get(tokens[i].end..tokens[i + 1].start).unwrap_or("");
            if gap.matches('\n').count() >= 2 {
                end = Some(i + 1);
            }
        }
        if let Some(e) = end {
            if e > start {
                out.push(start..e);
            }
            start = e;
            i = e;
            dq_before = 0;
            continue;
        }
        dq_before = dq_here;
        i += 1;
    }
    if start < n {
        out.push(start..n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s, Span::new(0, s.len())).iter().map(|t| t.slice(s)).collect()
    }

    macro_rules! t {
        ($name:ident, $input:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let exp: Vec<&str> = $expected;
                assert_eq!(toks($input), exp, "input: {:?}", $input);
            }
        };
    }

    // Words, Unicode letters and marks.
    t!(plain, "Xi Jinping met Lee", vec!["Xi", "Jinping", "met", "Lee"]);
    t!(accents, "Świątek beat Müller", vec!["Świątek", "beat", "Müller"]);
    t!(combining, "Cafe\u{301} Zoë", vec!["Cafe\u{301}", "Zoë"]);
    t!(cjk, "東京 Tokyo", vec!["東京", "Tokyo"]);
    // Possessives, clitics, apostrophes.
    t!(possessive, "Takaichi's plan", vec!["Takaichi", "'s", "plan"]);
    t!(possessive_curly, "Japan\u{2019}s PM", vec!["Japan", "\u{2019}s", "PM"]);
    t!(plural_possessive, "prisoners' release", vec!["prisoners", "'", "release"]);
    t!(nt, "don't go", vec!["do", "n't", "go"]);
    t!(oneill, "O'Neill said", vec!["O'Neill", "said"]);
    t!(conll_clitic, "Britain 's", vec!["Britain", "'s"]);
    // Hyphens and dashes.
    t!(hyphen_name, "Kang Yu-jung", vec!["Kang", "Yu-jung"]);
    t!(double_dash, "K.Tanaka--ABCD", vec!["K.Tanaka", "--", "ABCD"]);
    t!(en_dash, "Jakarta (AFP) \u{2013} Talks", vec!["Jakarta", "(", "AFP", ")", "\u{2013}", "Talks"]);
    t!(em_dash, "war\u{2014}again", vec!["war", "\u{2014}", "again"]);
    t!(spaced_hyphen, "SOCCER - JAPAN", vec!["SOCCER", "-", "JAPAN"]);
    // Abbreviations.
    t!(us, "the U.S. economy", vec!["the", "U.S.", "economy"]);
    t!(us_end, "in the U.S.", vec!["in", "the", "U.S."]);
    t!(jan, "Jan. 9", vec!["Jan.", "9"]);
    t!(fla, "FORT LAUDERDALE, Fla. (AP)", vec!["FORT", "LAUDERDALE", ",", "Fla.", "(", "AP", ")"]);
    t!(s_africa, "drills off S.Africa", vec!["drills", "off", "S.Africa"]);
    t!(initial, "J. Smith", vec!["J.", "Smith"]);
    t!(mr, "Mr. Lee", vec!["Mr.", "Lee"]);
    t!(sentence_end, "He left. She", vec!["He", "left", ".", "She"]);
    t!(att, "AT&T and S&P", vec!["AT&T", "and", "S&P"]);
    // Numbers.
    t!(range, "1910-45 rule", vec!["1910-45", "rule"]);
    t!(pounds, "£20 million", vec!["£", "20", "million"]);
    t!(percent, "109 percent", vec!["109", "percent"]);
    t!(thousands, "1,000.5 tons", vec!["1,000.5", "tons"]);
    t!(date, "1996-08-22", vec!["1996-08-22"]);
    t!(time, "10:30 GMT", vec!["10:30", "GMT"]);
    t!(pct_sign, "5%", vec!["5", "%"]);
    // Quotes and punctuation.
    t!(quotes, "'Shaken' Norway", vec!["'", "Shaken", "'", "Norway"]);
    t!(curly, "\u{201C}No\u{201D}, he", vec!["\u{201C}", "No", "\u{201D}", ",", "he"]);
    t!(ellipsis, "wait... what", vec!["wait", "...", "what"]);
    t!(caps_dateline, "SEOUL, Jan 9 (AFP) -", vec!["SEOUL", ",", "Jan", "9", "(", "AFP", ")", "-"]);

    #[test]
    fn sentence_split() {
        let s = "He met Mr. Lee in the U.S. on Monday. \"It went well,\" he said. Then 3 more came!";
        let t = tokenize(s, Span::new(0, s.len()));
        let ss: Vec<String> =
            sentences(s, &t).into_iter().map(|r| Span::new(t[r.start].start, t[r.end - 1].end).slice(s).to_string()).collect();
        assert_eq!(ss, vec!["He met Mr. Lee in the U.S. on Monday.", "\"It went well,\" he said.", "Then 3 more came!"]);
    }

    #[test]
    fn spans_are_absolute_and_on_boundaries() {
        let s = "xx Świątek's 😀 win";
        let t = tokenize(s, Span::new(3, s.len()));
        assert_eq!(t[0].slice(s), "Świątek");
        for tok in t {
            assert!(s.is_char_boundary(tok.start) && s.is_char_boundary(tok.end) && tok.start < tok.end);
        }
    }
}
