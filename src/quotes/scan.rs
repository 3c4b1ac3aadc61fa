//! Quote finding by style: quote marks and sentence boundaries in one paragraph.

use crate::resolve::words::{in_list, is_cap};

/// A quoted stretch inside one paragraph.
#[derive(Clone, Copy, Debug)]
pub(super) struct Frag {
    /// Content (inside the marks).
    pub(super) start: usize,
    pub(super) end: usize,
    /// Position of the opening mark.
    pub(super) open: usize,
    /// One past the closing mark (== end when unclosed).
    pub(super) close: usize,
    pub(super) closed: bool,
    /// The paragraph opens with this fragment's mark.
    pub(super) para_start: bool,
}

fn is_double_open(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}
fn is_double_close(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// How a quote was opened, which decides what closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// `"`, `“` or `«`: closed by `"`, `”` or `»`; a new `“` reopens.
    Double,
    /// `„` (German, Czech copy): closed by `“`, `”` or `"`.
    Low,
    /// `''` or ```` `` ````: closed by `''` (or a double mark).
    Pair,
    /// `‘` or `'` before a word: closed by `’` or `'` after a word and not before a letter
    /// (so `Lee's` and `rhinos' horns` are apostrophes).
    Single,
}

/// Quoted fragments and sentence boundaries (outside quotes) of one paragraph `text[s..e]`.
pub(super) fn scan(text: &str, s: usize, e: usize) -> (Vec<Frag>, Vec<usize>) {
    let mut frags = Vec::new();
    let mut bounds = vec![s];
    let Some(p) = text.get(s..e) else { return (frags, bounds) };
    let chars: Vec<(usize, char)> = p.char_indices().map(|(i, c)| (s + i, c)).collect();
    let first_mark = chars.iter().position(|&(_, c)| !c.is_whitespace());
    // open: (mark position, content start, style, index of the mark in `chars`)
    let mut open: Option<(usize, usize, Style, usize)> = None;
    let n = chars.len();
    // the word before chars[k] (since the last whitespace), kept as k moves
    let mut word = WordBefore::default();
    let pos_at = |k: usize| chars.get(k).map(|x| x.0).unwrap_or(e);
    let mut skip = false;
    for k in 0..n {
        if k > 0 {
            word.push(k - 1, chars[k - 1].1);
        }
        if std::mem::take(&mut skip) {
            continue;
        }
        let (pos, c) = chars[k];
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = chars.get(k + 1).map(|x| x.1);
        let next_pos = pos_at(k + 1);
        // `''` / ```` `` ````: a double mark typed as two apostrophes (wire copy)
        let pair = matches!((c, next), ('\'', Some('\'')) | ('`', Some('`')));
        let is_double = c == '"' || is_double_open(c) || is_double_close(c);
        let is_single = matches!(c, '\'' | '‘' | '’');
        match open {
            None => {
                let style = if pair {
                    (prev.is_none_or(|x| x.is_whitespace() || matches!(x, '(' | '[' | '—' | '–' | '-' | ':')) && chars.get(k + 2).is_some_and(|x| !x.1.is_whitespace())).then_some(Style::Pair)
                } else if is_double {
                    (!is_double_close(c) && next.is_some_and(|x| !x.is_whitespace())).then_some(if c == '„' { Style::Low } else { Style::Double })
                } else if is_single {
                    (c != '’' && prev.is_none_or(|x| x.is_whitespace() || matches!(x, '(' | '[' | '—' | '–' | '-' | ':')) && next.is_some_and(|x| x.is_alphanumeric())).then_some(Style::Single)
                } else {
                    None
                };
                if let Some(st) = style {
                    if st == Style::Pair {
                        skip = true;
                        open = Some((pos, pos_at(k + 2), st, k));
                    } else {
                        open = Some((pos, next_pos, st, k));
                    }
                } else if matches!(c, '.' | '!' | '?') && is_boundary(&chars, k, &word) {
                    bounds.push(next_pos);
                }
            }
            Some((opos, cstart, style, ok)) => {
                let closes = match style {
                    Style::Single => is_single && c != '‘' && prev.is_some_and(|x| !x.is_whitespace()) && next.is_none_or(|x| !x.is_alphanumeric()),
                    Style::Pair => (pair && c == '\'' && prev.is_some_and(|x| !x.is_whitespace())) || c == '"' || is_double_close(c),
                    Style::Low => c == '“' || c == '"' || is_double_close(c),
                    Style::Double => is_double && !is_double_open(c),
                };
                let reopens = style == Style::Double && is_double_open(c);
                if closes || reopens {
                    let close = if closes && pair { pos_at(k + 2) } else { next_pos };
                    skip = closes && pair;
                    frags.push(Frag { start: cstart, end: pos, open: opos, close, closed: !reopens, para_start: Some(ok) == first_mark });
                    open = None;
                    if closes {
                        // a sentence ending inside the quote ends the sentence after the mark
                        let inner_end = text[cstart..pos].trim_end();
                        if inner_end.ends_with(['.', '!', '?']) && starts_sentence(&chars, if skip { k + 2 } else { k + 1 }) {
                            bounds.push(close);
                        }
                    } else {
                        open = Some((pos, next_pos, Style::Double, k));
                    }
                }
            }
        }
    }
    if let Some((opos, cstart, style, ok)) = open {
        if style != Style::Single {
            frags.push(Frag { start: cstart, end: e, open: opos, close: e, closed: false, para_start: Some(ok) == first_mark });
        }
    }
    bounds.push(e);
    bounds.sort_unstable();
    bounds.dedup();
    // trim content whitespace
    for f in &mut frags {
        let t = &text[f.start..f.end];
        let lead = t.len() - t.trim_start().len();
        let trail = t.len() - t.trim_end().len();
        f.start += lead;
        f.end = (f.end - trail).max(f.start);
    }
    frags.retain(|f| f.end > f.start);
    (frags, bounds)
}

/// The word before a position, from its first letter or digit (leading punctuation skipped),
/// updated one character at a time so that a long run without spaces is not re-read at
/// every full stop.
#[derive(Default)]
struct WordBefore {
    /// Index (in `chars`) of the word's first alphanumeric character.
    from: Option<usize>,
    /// A `.` after `from`.
    dot: bool,
}

impl WordBefore {
    fn push(&mut self, k: usize, c: char) {
        if c.is_whitespace() {
            *self = WordBefore::default();
        } else if self.from.is_none() {
            if c.is_alphanumeric() {
                self.from = Some(k);
            }
        } else if c == '.' {
            self.dot = true;
        }
    }
}

/// After chars[k] (a `.`, `!`, `?` outside quotes): whitespace then a capital or quote mark,
/// and the word before (`word`) is not an abbreviation.
fn is_boundary(chars: &[(usize, char)], k: usize, word: &WordBefore) -> bool {
    if chars[k].1 == '.' {
        if word.dot {
            return false;
        }
        let from = word.from.unwrap_or(k);
        // abbreviations are short: a longer word is read no further (in_list takes ≤ 24 bytes)
        if chars[k].0 - chars[from].0 <= 24 {
            let w: String = chars[from..k].iter().map(|x| x.1).collect();
            if (w.len() <= 2 && is_cap(&w)) || in_list(ABBREV, &w) {
                return false;
            }
        }
    }
    starts_sentence(chars, k + 1)
}

static ABBREV: &[&str] = &["mr", "mrs", "ms", "dr", "st", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "gen", "gov", "sen", "rep", "prof", "no", "vs", "jr", "sr", "inc", "corp", "ltd", "co", "lt", "col", "sgt", "capt", "rev", "ft", "mt"];

fn starts_sentence(chars: &[(usize, char)], mut k: usize) -> bool {
    let mut saw_space = false;
    while k < chars.len() && chars[k].1.is_whitespace() {
        saw_space = true;
        k += 1;
    }
    if k >= chars.len() {
        return true;
    }
    let c = chars[k].1;
    saw_space && (c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '['))
}


#[cfg(test)]
mod tests {
    use super::*;

    fn frag_texts(t: &str) -> Vec<(String, bool)> {
        scan(t, 0, t.len()).0.iter().map(|f| (t[f.start..f.end].to_string(), f.closed)).collect()
    }

    macro_rules! frags {
        ($($name:ident: $text:expr => [$(($q:expr, $closed:expr)),*];)*) => {$(
            #[test]
            fn $name() {
                let want: Vec<(String, bool)> = vec![$(($q.to_string(), $closed)),*];
                assert_eq!(frag_texts($text), want);
            }
        )*};
    }

    frags! {
        curly_double: "She said “the vote is set” today." => [("the vote is set", true)];
        straight_double: r#"She said "the vote is set" today."# => [("the vote is set", true)];
        two_apostrophes: "''We will not back down,'' the mayor said." => [("We will not back down,", true)];
        backtick_pair: "``We will not back down,'' the mayor said." => [("We will not back down,", true)];
        two_apostrophes_with_inner_apostrophe: "''It's the mayor's call,'' she said." => [("It's the mayor's call,", true)];
        curly_single_headline: "‘We are ready to talk’, says union chief" => [("We are ready to talk", true)];
        single_after_colon: "Nurse on strike:‘We cannot go on like this’" => [("We cannot go on like this", true)];
        single_not_apostrophes: "The farmers’ union and Lee’s ‘plan’ failed" => [("plan", true)];
        guillemets: "Il a dit «nous restons ici» hier." => [("nous restons ici", true)];
        low_high: "Er sagte „wir bleiben hier“ gestern." => [("wir bleiben hier", true)];
        low_high_straight: "Er sagte „wir bleiben hier\" gestern." => [("wir bleiben hier", true)];
        unclosed_double_runs_on: "“We will march again and again" => [("We will march again and again", false)];
        unclosed_pair_runs_on: "''We will march again and again" => [("We will march again and again", false)];
        unclosed_single_dropped: "‘We will march again and again" => [];
    }

    #[test]
    fn scan_straight_and_curly() {
        assert_eq!(frag_texts(r#"He said "yes" and “no”."#), vec![("yes".into(), true), ("no".into(), true)]);
    }

    #[test]
    fn scan_single_quotes_skip_apostrophes() {
        assert_eq!(frag_texts("Lee's 'Devastated' town and rhinos' horns"), vec![("Devastated".into(), true)]);
    }

    #[test]
    fn scan_unclosed_runs_to_end() {
        assert_eq!(frag_texts(r#""We will go on. We will win."#), vec![("We will go on. We will win.".into(), false)]);
    }

    #[test]
    fn boundaries_not_inside_quotes() {
        let t = r#""We agree. We go," he said. Then he left."#;
        let (_, b) = scan(t, 0, t.len());
        assert_eq!(b, vec![0, 27, t.len()]);
    }
}

