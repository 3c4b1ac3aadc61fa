//! Lines: split the dump, classify each line, rejoin hard-wrapped prose.

use super::byline::{self, BylineParts};
use super::dateline::{self, DatelineParts};
use super::roles::{self, LineRole, RoleModel, RuleClass};
use super::{clutter, stamp};
use crate::document::{BoilerplateKind, ListRole};
use crate::span::Span;

/// What one (logical) line is on its own, before context decides.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Class {
    /// A line holding only `-` (headline separator).
    Dash,
    /// `- Old wounds -`: the inner text span.
    Subheading(Span),
    /// A whole-line timestamp.
    Stamp(Option<String>),
    /// `K.Tanaka--ABCD`, `(Reporting by …)`.
    EndByline(Box<BylineParts>),
    /// `BY STUART WILLIAMS`.
    TopByline(Box<BylineParts>),
    /// `END`, `[Copyright …]`.
    EndMark,
    /// `Related stories`, `Most read`.
    ListHeading(ListRole),
    /// Clutter.
    Boiler(BoilerplateKind),
    /// `A • B • C`: the segment spans.
    BulletTicker(Vec<Span>),
    /// Text: a headline, title, teaser or paragraph depending on context (boxed: most lines
    /// of a big dump are other classes, and a line costs the size of its largest class).
    Text(Box<TextInfo>),
}

/// Facts about a text line.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TextInfo {
    /// The content span (bullet stripped, glued/leading stamps excluded).
    pub content: Span,
    /// Word count of the content.
    pub words: usize,
    /// Prose-like: a sentence paragraph rather than a headline.
    pub prose: bool,
    /// A dateline at its start (offsets absolute).
    pub dateline: Option<(Span, DatelineParts)>,
    /// A timestamp glued to the end or printed at the start (absolute span, iso).
    pub stamp: Option<(Span, Option<String>, bool)>,
    /// The line started with a bullet (`•`, `*`, `▪`).
    pub bullet: bool,
}

/// A logical line: one physical line, or several hard-wrapped lines rejoined.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Line {
    /// Trimmed span of the content (first to last non-space byte), covering all wrapped parts.
    pub span: Span,
    /// A blank line (or the start of input) precedes it.
    pub blank_before: bool,
    /// Its class.
    pub class: Class,
}

fn trim_span(text: &str, s: Span) -> Span {
    let slice = &text[s.start..s.end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    Span::new(s.start + lead, s.start + lead + trimmed.len())
}

/// Ends like a sentence: `.`, `!`, `?`, `…`, possibly followed by closing quotes/brackets; or a
/// closing quote after a comma (`…," she added` is caught by the period).
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '*']);
    t.ends_with(['.', '!', '?', '…', ':']) && !t.ends_with("...") || t.ends_with("...") && s.trim_end().len() > 80
}

fn bullet_len(s: &str) -> usize {
    // markdown headings `## Title`
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && s[hashes..].starts_with(' ') {
        return hashes + 1;
    }
    for b in ["• ", "· ", "▪ ", "► ", "▶ ", "◆ ", "* ", "- ", "– ", "— ", "+ "] {
        if s.starts_with(b) {
            return b.len();
        }
    }
    // numbered list items: `1. Headline`, `12) Headline` (not `2025. Year` or `1.5 million`)
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &s[digits..];
        if (rest.starts_with(". ") || rest.starts_with(") ")) && rest[2..].chars().next().is_some_and(char::is_uppercase) {
            return digits + 2;
        }
    }
    0
}

/// The length of a lynx link number opening `s` (`[12]` of `[12]Headline`), else 0.
fn lynx_ref_len(s: &str) -> usize {
    let b = s.as_bytes();
    let digits = b.iter().skip(1).take_while(|c| c.is_ascii_digit()).count();
    if b.first() == Some(&b'[') && (1..=4).contains(&digits) && b.get(digits + 1) == Some(&b']') && b.len() > digits + 2 {
        digits + 2
    } else {
        0
    }
}

/// A short line's text inside its markup (a markdown heading's `#`s, `**`/`__` around it, a
/// lynx link number before it), when it has any.
fn markup_inner(s: &str) -> Option<&str> {
    if s.len() > 60 {
        return None;
    }
    let mut t = s;
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
        t = t[hashes..].trim_start();
    }
    for m in ["**", "__"] {
        if t.len() > 4 && t.starts_with(m) && t.ends_with(m) {
            t = t[2..t.len() - 2].trim();
        }
    }
    t = &t[lynx_ref_len(t)..];
    (t.len() < s.len() && !t.is_empty()).then_some(t)
}

/// The text of a markdown link taking the whole of `s` (`[Peso slips](https://…)`), as a
/// range of `s`.
fn whole_link(s: &str) -> Option<std::ops::Range<usize>> {
    let inner = s.strip_prefix('[')?.strip_suffix(')')?;
    let close = inner.find("](")?;
    let url = &inner[close + 2..];
    (close > 0 && !inner[..close].contains(['[', ']']) && !url.contains([' ', '(', ')'])).then_some(1..1 + close)
}

/// Classify a single physical line (or a joined span when `joined`).
#[cfg(test)]
fn classify(text: &str, span: Span) -> Class {
    classify_known(text, span, None)
}

/// [`classify`], skipping the rules `known` (the line's rule class from the role model's
/// features) says the line fails.
fn classify_known(text: &str, span: Span, known: Option<RuleClass>) -> Class {
    let skip = |f: fn(RuleClass, &str) -> bool, s: &str| known.is_some_and(|k| f(k, s));
    let s = &text[span.start..span.end];
    if s == "-" || s == "–" || s == "—" {
        return Class::Dash;
    }
    // `- Old wounds -`, `- 'Disappointed' -`, `— Analysis —`
    for (d, close) in [("- ", " -"), ("– ", " –"), ("— ", " —")] {
        if let Some(inner) = s.strip_prefix(d).and_then(|r| r.strip_suffix(close)) {
            let inner_t = inner.trim();
            let n = inner_t.split_whitespace().count();
            if n >= 1 && n <= 12 && !inner_t.is_empty() {
                let start = span.start + d.len() + (inner.len() - inner.trim_start().len());
                return Class::Subheading(Span::new(start, start + inner_t.len()));
            }
        }
    }
    if let Some(st) = (!skip(RuleClass::no_whole_stamp, s)).then(|| stamp::whole(s)).flatten() {
        return Class::Stamp(st.iso);
    }
    if !skip(RuleClass::no_end_mark, s) && clutter::is_end_mark(s) {
        return Class::EndMark;
    }
    if let Some(b) = (!skip(RuleClass::no_end_byline, s)).then(|| byline::end_byline(s)).flatten() {
        return Class::EndByline(Box::new(b));
    }
    if let Some(b) = (!skip(RuleClass::no_top_byline, s)).then(|| byline::top_byline(s)).flatten() {
        return Class::TopByline(Box::new(b));
    }
    if let Some(role) = (!skip(RuleClass::no_list_heading, s)).then(|| clutter::list_heading(s)).flatten() {
        return Class::ListHeading(role);
    }
    // (a heading in markup: `### Most read`, `**Related**`, `[9]Latest headlines`)
    if let Some(role) = markup_inner(s).and_then(clutter::list_heading) {
        return Class::ListHeading(role);
    }
    if let Some(k) = known.and_then(|k| k.clutter(s)).unwrap_or_else(|| clutter::classify(s)) {
        return Class::Boiler(k);
    }
    // `A • B • C` ticker: at least 2 separators, short segments; a one-word first segment
    // (`Breaking • …`, `Live | …`) is a label, not a headline
    for sep in ['•', '|'] {
        let n = s.matches(sep).count();
        if n >= 2 || (n == 1 && sep == '•' && !s.starts_with('•')) {
            let mut segs = Vec::new();
            let mut ok = true;
            let mut off = span.start;
            for (k, seg) in s.split(sep).enumerate() {
                let sp = trim_span(text, Span::new(off, off + seg.len()));
                off += seg.len() + sep.len_utf8();
                if sp.is_empty() {
                    continue;
                }
                let w = text[sp.start..sp.end].split_whitespace().count();
                if k == 0 && w == 1 && sp.len() <= 12 {
                    continue;
                }
                if !(2..=25).contains(&w) {
                    ok = false;
                    break;
                }
                segs.push(sp);
            }
            if ok && segs.len() >= 2 {
                return Class::BulletTicker(segs);
            }
        }
    }
    Class::Text(Box::new(text_info_known(text, span, known)))
}

fn text_info(text: &str, span: Span) -> TextInfo {
    text_info_known(text, span, None)
}

/// [`text_info`], skipping the stamp and dateline rules when `known` says the line (unless a
/// bullet or emphasis is stripped from it) has neither.
fn text_info_known(text: &str, span: Span, known: Option<RuleClass>) -> TextInfo {
    let s = &text[span.start..span.end];
    let bl = bullet_len(s);
    let mut content = Span::new(span.start + bl, span.end);
    // a lynx link number before the text (`[12]Storm warning upgraded`)
    let lynx = lynx_ref_len(&text[content.start..content.end]);
    if lynx > 0 {
        content = trim_span(text, Span::new(content.start + lynx, content.end));
    }
    // a markdown link taking the whole line: its text
    if let Some(r) = whole_link(&text[content.start..content.end]) {
        content = trim_span(text, Span::new(content.start + r.start, content.start + r.end));
    }
    // markdown emphasis around the whole line: `**Title**`
    let c = &text[content.start..content.end];
    if c.len() > 4 && c.starts_with("**") && c.ends_with("**") && !c[2..c.len() - 2].contains("**") {
        content = trim_span(text, Span::new(content.start + 2, content.end - 2));
    }
    let mut st = None;
    let body = &text[content.start..content.end];
    let bare = content == span && known.is_some_and(|k| k.no_stamp_or_dateline(s));
    if bare {
    } else if let Some(t) = stamp::trailing(body) {
        let abs = Span::new(content.start + t.start, content.start + t.end);
        st = Some((abs, t.iso, false));
        content = trim_span(text, Span::new(content.start, abs.start));
    } else if let Some(t) = stamp::leading(body) {
        let abs = Span::new(content.start + t.start, content.start + t.end);
        st = Some((abs, t.iso, true));
        content = trim_span(text, Span::new(abs.end, content.end));
        // a separator between stamp and headline: `… GMT - Headline`, `… GMT | Headline`
        let c = &text[content.start..content.end];
        let skip = c.len() - c.trim_start_matches(['-', '–', '—', '|', ':', ' ']).len();
        content = Span::new(content.start + skip, content.end);
    }
    let c = &text[content.start..content.end];
    let words = c.split_whitespace().count();
    let dl = if bare { None } else { dateline::parse(c).map(|p| (Span::new(content.start, content.start + p.end), p)) };
    let sentence = ends_sentence(c);
    let prose = dl.is_some() || (sentence && words >= 6) || words >= 28;
    TextInfo { content, words, prose, dateline: dl, stamp: st, bullet: bl > 0 }
}

/// Whether a line's rule class is a grammar the model does not override.
fn hard_class(c: &Class) -> bool {
    matches!(c, Class::Dash | Class::Subheading(_) | Class::Stamp(_) | Class::EndByline(_) | Class::EndMark)
}

/// Logical lines of `text` with the role the line-role model gives each: physical lines the
/// model calls continuations are joined to the line before (hard-wrapped paragraphs); and
/// the title ranker's facts of those lines, seeded with the model's (see
/// [`roles::TitleFacts::seeded`]).
pub(crate) fn lines(text: &str, model: &RoleModel) -> (Vec<Line>, Vec<LineRole>, roles::TitleFacts) {
    let phys = roles::physical_lines(text);
    let (predicted, known) = model.roles_and_classes(text, &phys);
    let mut out: Vec<Line> = Vec::with_capacity(phys.len());
    let mut out_roles: Vec<LineRole> = Vec::with_capacity(phys.len());
    let mut joined: Vec<bool> = Vec::with_capacity(phys.len());
    // the physical line each logical line is, until one is joined to it
    let mut phys_of: Vec<Option<usize>> = Vec::with_capacity(phys.len());
    let widths = wrap_widths(text, &phys, &predicted);
    // the dump's wrap width: the longest line the model continues on the next one
    let wrap = widths.iter().copied().max().unwrap_or(0);
    // the previous physical line: its length in chars, whether it ends a sentence
    let mut prev: Option<(usize, bool)> = None;
    for (k, (p, role)) in phys.iter().zip(predicted).enumerate() {
        let class = classify_known(text, p.span, Some(known.class(k)));
        let line = p.span.slice(text);
        let width = widths[k];
        let chars = line.chars().count();
        let starts_new = line.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '\'' | '«'));
        // a line that ends well short of the wrap width ends its paragraph (hard wraps fill
        // the width): after a sentence end, or when this line's first word would have fitted
        // on it; a new sentence there is a new paragraph
        let first_word = line.split_whitespace().next().map_or(0, |w| w.chars().count());
        let blocked = starts_new
            && prev.is_some_and(|(len, end)| end && len * 10 < width * 8 || (len + 1 + first_word) * 10 <= width * 9);
        // the short last line of a wrapped paragraph the model took for clutter (`period.`,
        // `5,828.1.`): the line above fills the width without a sentence end, this one goes on
        // in lower case or digits
        let tail = role != LineRole::Cont
            && !p.blank_before
            && width > 0
            && prev.is_some_and(|(len, end)| !end && len * 10 >= width * 8)
            && line.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            && chars <= width
            && out_roles.last() == Some(&LineRole::Para)
            && matches!(class, Class::Text(ref t) if t.dateline.is_none() && !t.bullet);
        // the second line of a title hard-wrapped like the body (`… as priest steps in` /
        // `to mediate`; the model reads a title line as clutter as often as not): the line
        // above, no paragraph, fills the dump's wrap width without a sentence end, this
        // line's first word would not have fitted on it, and it goes on with the same indent
        let title_tail = role != LineRole::Cont
            && !p.blank_before
            && wrap > 0
            && k > 0
            && phys[k - 1].indent == p.indent
            && out_roles.last().is_some_and(|r| !matches!(r, LineRole::Para | LineRole::Cont))
            && joined.last() == Some(&false)
            && prev.is_some_and(|(len, end)| !end && len * 10 >= wrap * 8 && len + 1 + first_word > wrap)
            && chars * 2 <= wrap
            && matches!(class, Class::Text(ref t) if t.dateline.is_none() && !t.bullet && t.stamp.is_none());
        prev = Some((chars, ends_sentence(line)));
        let role = if tail || title_tail { LineRole::Cont } else { role };
        if role == LineRole::Cont && !blocked && !hard_class(&class) && !matches!(class, Class::Text(ref t) if t.dateline.is_some()) {
            if let Some(last) = out.last_mut() {
                if !hard_class(&last.class) {
                    last.span = Span::new(last.span.start, p.span.end);
                    if let Some(j) = joined.last_mut() {
                        *j = true;
                    }
                    if let Some(p) = phys_of.last_mut() {
                        *p = None;
                    }
                    continue;
                }
            }
        }
        out.push(Line { span: p.span, blank_before: p.blank_before, class });
        out_roles.push(if role == LineRole::Cont { LineRole::Para } else { role });
        joined.push(false);
        phys_of.push(Some(k));
    }
    for (line, j) in out.iter_mut().zip(joined) {
        if j {
            line.class = Class::Text(Box::new(text_info(text, line.span)));
        }
    }
    let title_facts = roles::TitleFacts::seeded(&known, &phys_of);
    (out, out_roles, title_facts)
}

/// How far lines reach where the dump is hard-wrapped, for each physical line: the longest
/// line within [`WRAP_WINDOW`] lines either side that the model continues on the next line
/// (0 where none is). Linear: a fixed window.
fn wrap_widths(text: &str, phys: &[roles::PhysLine], predicted: &[LineRole]) -> Vec<usize> {
    let wrapped: Vec<usize> = (0..phys.len())
        .map(|k| if predicted.get(k + 1) == Some(&LineRole::Cont) && !phys[k + 1].blank_before { phys[k].span.slice(text).chars().count() } else { 0 })
        .collect();
    (0..phys.len()).map(|k| wrapped[k.saturating_sub(WRAP_WINDOW)..(k + WRAP_WINDOW + 1).min(phys.len())].iter().copied().max().unwrap_or(0)).collect()
}

/// Lines either side that [`wrap_widths`] looks at.
const WRAP_WINDOW: usize = 10;

/// The cleaned text of a logical line's content span: wrapped parts joined with single spaces.
pub(crate) fn clean(text: &str, span: Span) -> String {
    let s = &text[span.start..span.end];
    // (without a line break or tab the text is already clean: every character is kept)
    if !s.bytes().any(|b| matches!(b, b'\n' | b'\r' | b'\t')) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut ws = false;
    for c in s.chars() {
        if c == '\n' || c == '\r' || c == '\t' {
            ws = true;
        } else if c == ' ' && ws {
        } else {
            if ws && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            ws = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        lines(text, roles::shipped())
            .0
            .iter()
            .map(|l| match &l.class {
                Class::Text(t) => format!("{}:{}", if t.prose { "P" } else { "H" }, &text[t.content.start..t.content.end]),
                c => format!("{c:?}").split(['(', ' ']).next().unwrap_or("").to_string(),
            })
            .collect()
    }

    #[test]
    fn classes() {
        let t = "-\nHeadline one\n- Old wounds -\nThu, 03 Oct 2024 11:26:50 GMT\nK.Tanaka--ABCD\nRead More »\nThe minister said on Friday that talks would go on.\n";
        assert_eq!(kinds(t), ["Dash", "H:Headline one", "Subheading", "Stamp", "EndByline", "Boiler", "P:The minister said on Friday that talks would go on."]);
    }

    #[test]
    fn wrapped_prose_is_rejoined() {
        let t = "Title of the story\n\nThe minister said on Friday that the talks with\nthe neighbouring country would continue next week,\nadding that no date had been set for a summit.\n\nSecond paragraph here is a single line that ends.\n";
        let k = kinds(t);
        assert_eq!(k.len(), 3, "{k:?}");
        assert!(k[1].starts_with("P:The minister said") && k[1].contains("set for a summit."), "{k:?}");
        let (ls, _, _) = lines(t, roles::shipped());
        assert_eq!(clean(t, ls[1].span), "The minister said on Friday that the talks with the neighbouring country would continue next week, adding that no date had been set for a summit.");
    }

    #[test]
    fn headline_lines_are_not_joined() {
        let t = "Bond yields climb before the central bank meeting\nDutch growers protest a new fertiliser rule\nLeague leaders sign a young striker\n";
        assert_eq!(kinds(t).len(), 3);
    }

    #[test]
    fn known_rule_classes_change_no_class() {
        // every rule the role model's rule class lets `classify` skip must have failed anyway
        let t = "-\n====\n- Old wounds -\nThu, 03 Oct 2024 11:26:50 GMT\nK.Tanaka--ABCD\nBY STUART WILLIAMS\nEND\n(c) Newswire 2026\nRelated stories\nRead More »\nHome | World | Business | Sport\nShare Tweet Email\nLONDON, Jan 9 (Reuters) - Prices rose on Friday, traders said.\nZoo welcomes twin chimpsWed, 30 Jul 2025 05:05:19 GMT\n12:05 Markets open higher in Tokyo\n• Bullet headline about the weather\nA • B • C headline ticker line\nThe minister said on Friday that talks would go on.\nA heading of five words\n";
        let phys = roles::physical_lines(t);
        let (_, known) = roles::shipped().roles_and_classes(t, &phys);
        for (k, p) in phys.iter().enumerate() {
            assert_eq!(classify_known(t, p.span, Some(known.class(k))), classify(t, p.span), "{}", p.span.slice(t));
        }
    }

    #[test]
    fn glued_stamp_is_split_off() {
        let t = "Zoo welcomes twin chimpsWed, 30 Jul 2025 05:05:19 GMT\n";
        let (ls, _, _) = lines(t, roles::shipped());
        let Class::Text(ti) = &ls[0].class else { panic!() };
        assert_eq!(&t[ti.content.start..ti.content.end], "Zoo welcomes twin chimps");
        assert_eq!(ti.stamp.as_ref().unwrap().1.as_deref(), Some("2025-07-30T05:05:19Z"));
    }
}
