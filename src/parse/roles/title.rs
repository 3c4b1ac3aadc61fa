//! The title ranker: scores each candidate line above a body (and "no title") with hashed
//! features of the line, its neighbours, its place and how its words recur in the body.

use super::*;

/// Hash bits of the title ranker's table.
pub const TITLE_BITS: u32 = 12;
/// How far back from a body's first paragraph the title ranker looks.
pub const TITLE_WINDOW: usize = 40;
/// Body lines whose words the ranker compares a candidate with.
pub(super) const LEDE_LINES: usize = 10;

/// Content words (4+ letters, lowercased) of a line.
pub(super) fn content_words(s: &str) -> impl Iterator<Item = &str> + '_ {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 4)
}

/// The hashes of a line's [`content_words`], lowercased (an ASCII word on the stack).
pub(super) fn content_word_hashes(s: &str) -> Vec<u64> {
    content_words(s)
        .map(|w| {
            let mut buf = [0u8; 32];
            if w.is_ascii() && w.len() <= buf.len() {
                let b = &mut buf[..w.len()];
                b.copy_from_slice(w.as_bytes());
                b.make_ascii_lowercase();
                fnv(11, b)
            } else {
                fnv(11, w.to_lowercase().as_bytes())
            }
        })
        .collect()
}

/// [`norm_hash`] of a line with no letter or digit.
pub(super) const EMPTY_NORM: u64 = 0xcbf2_9ce4_8422_2325;

/// The pieces of a line between the separators that join a title to a site name, a section
/// or a breadcrumb trail (`Site | Title`, `News > 2015 > Title`, `Title - Site`,
/// `Title_Section_Site`), as (normalised hash, words). A hyphen separates only with a space
/// on each side (`Just-released` is one word).
pub(super) fn parts(s: &str) -> Vec<(u64, u32)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    // (most lines hold no separator: `|`, `>`, `_`, `»`, `·`, `•`, or a dash with a space
    // either side; a dash's space is ASCII, so its bytes are enough)
    let at = |i: usize, p: &[u8]| b[i..].starts_with(p);
    let spaced_at = |i: usize, n: usize| i > 0 && b[i - 1] == b' ' && b.get(i + n) == Some(&b' ');
    let any_sep = (0..b.len()).any(|i| match b[i] {
        b'|' | b'>' | b'_' => true,
        b'-' => spaced_at(i, 1),
        0xC2 => at(i, "»".as_bytes()) || at(i, "·".as_bytes()),
        0xE2 => at(i, "•".as_bytes()) || (at(i, "–".as_bytes()) || at(i, "—".as_bytes())) && spaced_at(i, 3),
        _ => false,
    });
    if !any_sep {
        return out;
    }
    let mut start = 0;
    let cut = |from: usize, to: usize, out: &mut Vec<(u64, u32)>| {
        let p = &s[from..to];
        let h = norm_hash(p);
        if h != EMPTY_NORM {
            out.push((h, p.split_whitespace().count() as u32));
        }
    };
    for (i, c) in s.char_indices() {
        let spaced = |i: usize| i > 0 && b[i - 1] == b' ' && b.get(i + c.len_utf8()) == Some(&b' ');
        let sep = match c {
            '|' | '>' | '»' | '_' | '·' | '•' => true,
            '-' | '–' | '—' => spaced(i),
            _ => false,
        };
        if sep {
            cut(start, i, &mut out);
            start = i + c.len_utf8();
        }
    }
    if !out.is_empty() {
        cut(start, s.len(), &mut out);
    }
    out
}

/// How the dump's lines repeat one another: each line's normalised text, and each piece
/// ([`parts`]) of a joined line, counted over the whole dump.
#[derive(Default)]
pub(super) struct Recur {
    whole: std::collections::HashMap<u64, u32>,
    part: std::collections::HashMap<u64, u32>,
}

impl Recur {
    /// `known[k]`: line `k`'s [`norm_hash`] when already computed.
    fn new(text: &str, spans: &[Span], known: &[Option<Facts>]) -> Recur {
        // (sized once for one entry per line: no rehashing as it grows)
        let mut r = Recur { whole: std::collections::HashMap::with_capacity(spans.len()), ..Recur::default() };
        for (k, sp) in spans.iter().enumerate() {
            let s = sp.slice(text);
            let h = known.get(k).copied().flatten().map_or_else(|| norm_hash(s), |x| x.norm_hash);
            if h == EMPTY_NORM {
                continue;
            }
            *r.whole.entry(h).or_default() += 1;
            for (p, _) in parts(s) {
                *r.part.entry(p).or_default() += 1;
            }
        }
        r
    }
}

/// The title ranker's facts of each line of one dump, computed at most once per line
/// however many bodies' windows hold it (a listing has a body every few lines).
#[derive(Default)]
pub struct TitleFacts {
    facts: std::cell::RefCell<Vec<Option<Facts>>>,
    /// Hashes of each line's [`content_words`].
    words: std::cell::RefCell<Vec<Option<Vec<u64>>>>,
    /// Repeats over the whole dump (built when a window first asks).
    recur: std::cell::OnceCell<Recur>,
}

impl TitleFacts {
    /// The facts of lines that are physical lines as they stand, taken from the line-role
    /// model's (`phys[k]`: the physical line that line `k` is, if it is one), so that no line
    /// is read twice. Those facts are the ranker's but for what the model adds from the
    /// line's place (indentation, hard wrap, recurrence): the ranker sees a line on its own.
    pub(crate) fn seeded(facts: &LineFacts, phys: &[Option<usize>]) -> TitleFacts {
        let seed = phys
            .iter()
            .map(|p| {
                p.map(|p| Facts { indent_b: bucket(0, &INDENT_EDGES), wrapped: false, recur_b: 0, ..facts.0[p] })
            })
            .collect();
        TitleFacts { facts: std::cell::RefCell::new(seed), words: Default::default(), recur: Default::default() }
    }

    /// Feature values of line `k` from the dump's repeats: how often the same text stands
    /// elsewhere (a title is often printed twice: header and heading, a share line), whether
    /// it is a piece of another, joined line (`Title | Site`, a breadcrumb ending in it), and
    /// whether it is itself a joined line with a piece that stands alone elsewhere (a long
    /// piece: the title itself; a short one: a site or section name).
    fn repeats(&self, text: &str, spans: &[Span], k: usize) -> (u64, u64, u64) {
        let r = self.recur.get_or_init(|| Recur::new(text, spans, &self.facts.borrow()));
        let s = spans[k].slice(text);
        let h = self.facts.borrow().get(k).copied().flatten().map_or_else(|| norm_hash(s), |x| x.norm_hash);
        let same = r.whole.get(&h).copied().unwrap_or(0).saturating_sub(1).min(2) as u64;
        let piece_of = r.part.get(&h).is_some_and(|&n| n > 0) as u64;
        let ps = parts(s);
        let long = ps.iter().any(|&(p, w)| w >= 3 && r.whole.contains_key(&p)) as u64;
        let short = ps.iter().any(|&(p, w)| w < 3 && r.whole.contains_key(&p)) as u64;
        let n = (ps.len() as u64).min(4);
        (same << 1 | piece_of, long << 1 | short, n)
    }

    /// Line `k`'s text stands once more in the dump, alone or as a piece of a joined line
    /// (`Title | Site`), and no more than that (a line printed three times or more is a
    /// page's recurring furniture): a title printed twice.
    pub(crate) fn printed_twice(&self, text: &str, spans: &[Span], k: usize) -> bool {
        let rep = self.repeats(text, spans, k).0;
        rep >> 1 < 2 && rep != 0
    }

    /// Facts of line `k` of `spans`: the rule class (the costly part) only where a feature
    /// always reads it, heading-shaped lines (for `heading_like`); the rest is classed by
    /// [`TitleFacts::class`] when a candidate or its next line asks.
    fn get(&self, text: &str, spans: &[Span], k: usize) -> Facts {
        let mut v = self.facts.borrow_mut();
        if v.len() < spans.len() {
            v.resize(spans.len(), None);
        }
        *v[k].get_or_insert_with(|| {
            let mut x = facts_unclassed(text, &PhysLine { span: spans[k], indent: 0, blank_before: false });
            if heading_shaped(&x) {
                x.class = rule_class(spans[k].slice(text));
            }
            x
        })
    }

    /// The rule class of line `k` (computed once).
    fn class(&self, text: &str, spans: &[Span], k: usize) -> u8 {
        let x = self.get(text, spans, k);
        if x.class != NO_CLASS {
            return x.class;
        }
        let c = rule_class(spans[k].slice(text));
        if let Some(Some(f)) = self.facts.borrow_mut().get_mut(k) {
            f.class = c;
        }
        c
    }

    /// Calls `f` with the hashes of line `k`'s content words (computed once).
    fn with_words<R>(&self, text: &str, spans: &[Span], k: usize, f: impl FnOnce(&[u64]) -> R) -> R {
        let mut v = self.words.borrow_mut();
        if v.len() < spans.len() {
            v.resize(spans.len(), None);
        }
        f(v[k].get_or_insert_with(|| content_word_hashes(spans[k].slice(text))))
    }
}

/// What the title ranker knows about the lines before one body (and its first lines),
/// computed once per body so that ranking every candidate stays linear in the window.
pub struct TitleWindow<'c> {
    /// Line facts of the dump (shared by every window).
    cache: &'c TitleFacts,
    /// First line of the window.
    lo: usize,
    /// The body's first line.
    b: usize,
    /// Facts of lines `lo..` (up to the end of the lede).
    facts: Vec<Facts>,
    /// Hashes of the content words of the first 3 body lines, and of the first [`LEDE_LINES`]
    /// (sorted, no repeats).
    lede3: Vec<u64>,
    lede: Vec<u64>,
    /// `heading_after[k - lo]`: heading-like lines in `k..b`.
    heading_after: Vec<u32>,
    /// Longest heading-like line in the window (chars).
    longest: u32,
}

impl<'c> TitleWindow<'c> {
    /// The window of a body starting at line `b` of `spans` (the dump's lines in order);
    /// `cache` holds the facts of `spans` (one per dump and `spans`).
    pub fn new(text: &str, spans: &[Span], b: usize, cache: &'c TitleFacts) -> TitleWindow<'c> {
        let lo = b.saturating_sub(TITLE_WINDOW);
        let hi = (b + LEDE_LINES).min(spans.len());
        let facts: Vec<Facts> = (lo..hi.max(b.min(spans.len()))).map(|k| cache.get(text, spans, k)).collect();
        let words = |n: usize| {
            let mut set = Vec::new();
            for k in b..(b + n).min(spans.len()) {
                cache.with_words(text, spans, k, |w| set.extend_from_slice(w));
            }
            set.sort_unstable();
            set.dedup();
            set
        };
        let mut heading_after = vec![0u32; b - lo + 1];
        let mut longest = 0;
        for k in (lo..b).rev() {
            let h = heading_like(&facts[k - lo]);
            heading_after[k - lo] = heading_after[k - lo + 1] + h as u32;
            if h {
                longest = longest.max(facts[k - lo].chars);
            }
        }
        TitleWindow { cache, lo, b, facts, lede3: words(3), lede: words(LEDE_LINES), heading_after, longest }
    }

    /// Line `j` of the window belongs to a picture (see [`picture_line`]).
    pub fn picture(&self, j: usize) -> bool {
        j >= self.lo && j - self.lo < self.facts.len() && picture_line(&self.facts, j - self.lo)
    }

    /// Features of candidate line `j` (`lo <= j < b`), or of "no title" when `j` is `None`.
    pub fn features(&self, text: &str, spans: &[Span], j: Option<usize>) -> Vec<u32> {
        let mask = (1u32 << TITLE_BITS) - 1;
        let mut ids = Vec::with_capacity(40);
        let mut push = |tag: u64, v: u64| ids.push((mix(tag + 1000, v) as u32) & mask);
        let Some(j) = j.filter(|&j| j >= self.lo && j < self.b) else {
            push(0, 1);
            return ids;
        };
        let (lo, b) = (self.lo, self.b);
        let fact = |k: usize| &self.facts[k - lo];
        let class = |k: usize| match self.facts[k - lo].class {
            NO_CLASS => self.cache.class(text, spans, k),
            c => c,
        };
        let x = fact(j);
        let rank = self.heading_after[j - lo];
        let longest = x.chars >= self.longest;
        let (share, share10) = self.cache.with_words(text, spans, j, |cw| {
            let share_of = |set: &[u64]| {
                let shared = cw.iter().filter(|w| set.binary_search(w).is_ok()).count();
                if cw.is_empty() {
                    0
                } else {
                    1 + bucket((shared * 10 / cw.len()) as u32, &[0, 1, 3, 5]) as u64
                }
            };
            (share_of(&self.lede3), share_of(&self.lede))
        });
        let dist = bucket((b - j) as u32, &[1, 2, 3, 5, 8, 12, 20, 30]) as u64;
        let rank_b = bucket(rank, &[0, 1, 2, 3]) as u64;
        push(1, 0);
        push(2, bucket((b - j) as u32, &[1, 2, 3, 5, 8, 12]) as u64);
        push(3, (heading_like(x) as u64) << 8 | rank_b);
        push(4, x.words_b as u64);
        push(5, x.len_b as u64);
        push(6, x.end as u64);
        push(7, x.caps_b as u64);
        push(8, x.marker as u64);
        push(9, class(j) as u64);
        push(10, longest as u64);
        push(11, share);
        push(12, share << 8 | rank_b);
        push(13, x.first_hash);
        push(14, (x.month as u64) | (x.year as u64) << 1 | (x.clock as u64) << 2 | (x.url as u64) << 3);
        if j + 1 < spans.len() {
            let y = fact(j + 1);
            push(15, class(j + 1) as u64);
            push(16, (y.words_b as u64) << 8 | y.end as u64);
        }
        if j > lo {
            let y = fact(j - 1);
            push(17, (y.words_b as u64) << 8 | y.end as u64);
            push(18, (y.norm_hash == x.norm_hash) as u64);
        }
        push(19, (x.caps_b as u64) << 8 | x.words_b as u64);
        push(20, (longest as u64) << 8 | share);
        // the wider window: finer distance, words shared with the first body lines, what
        // stands between the candidate and the body, and the lines just above it
        push(21, dist);
        push(22, dist << 8 | heading_like(x) as u64);
        push(23, share10);
        push(24, share10 << 8 | dist);
        push(25, (longest as u64) << 8 | dist);
        push(26, x.last_hash);
        push(27, (x.marker as u64) << 8 | dist);
        let prose_between = (j + 1..b).filter(|&k| fact(k).words >= 12).count() as u32;
        push(28, bucket(prose_between, &[0, 1, 2, 4]) as u64);
        let short_above = (j.saturating_sub(4).max(lo)..j).filter(|&k| fact(k).short).count() as u64;
        push(29, short_above);
        push(30, rank_b << 8 | dist);
        push(31, (class(j) as u64) << 8 | x.words_b as u64);
        // a heading over a byline or stamp; a sentence-shaped line right above the body (a
        // standfirst) against a heading further up
        if j + 1 < spans.len() {
            push(32, (class(j + 1) as u64) << 8 | heading_like(x) as u64);
        }
        push(33, ((x.end as u64) << 8 | x.words_b as u64) << 8 | bucket((b - j) as u32, &[1, 2, 4]) as u64);
        // the line's repeats over the whole dump, alone and with its shape and distance
        let (rep, joined, pieces) = self.cache.repeats(text, spans, j);
        push(34, rep);
        push(35, rep << 8 | heading_like(x) as u64);
        push(36, joined << 4 | pieces);
        push(37, (joined << 4 | rep) << 8 | x.words_b as u64);
        push(38, rep << 8 | bucket((b - j) as u32, &[1, 3, 8]) as u64);
        ids
    }
}

/// Features of candidate line `j` as the title of a body that starts at line `b` (`j < b`),
/// or of "no title" when `j` is `None`. `spans` are the dump's lines in order. (One-off form
/// of [`TitleWindow::features`].)
pub fn title_features(text: &str, spans: &[Span], j: Option<usize>, b: usize) -> Vec<u32> {
    let cache = TitleFacts::default();
    TitleWindow::new(text, spans, b, &cache).features(text, spans, j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_title_facts_are_the_facts_of_the_line_alone() {
        // indented, hard-wrapped and recurring lines: the model's facts differ there, the
        // seeded ranker's must not
        let t = "Storm hits coast\n   Storm hits coast\n\nBy Jan Novak\n".to_string()
            + &"The storm reached the coast on Monday night and cut power to thousands of homes in the\n".repeat(8)
            + "Share this article\n";
        let phys = physical_lines(&t);
        let spans: Vec<Span> = phys.iter().map(|p| p.span).collect();
        let (_, facts) = shipped().roles_and_classes(&t, &phys);
        let seeded = TitleFacts::seeded(&facts, &(0..phys.len()).map(Some).collect::<Vec<_>>());
        let fresh = TitleFacts::default();
        for k in 0..phys.len() {
            let (a, b) = (seeded.get(&t, &spans, k), fresh.get(&t, &spans, k));
            assert_eq!(seeded.class(&t, &spans, k), fresh.class(&t, &spans, k), "line {k}");
            assert_eq!(format!("{:?}", Facts { class: 0, ..a }), format!("{:?}", Facts { class: 0, ..b }), "line {k}");
        }
    }
}
