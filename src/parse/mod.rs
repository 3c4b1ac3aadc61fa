//! The structure layer: a dump → classified blocks with byte spans → document structure.
//!
//! [`blocks`] yields a balanced sequence of [`Block`]s in input order, in the style of
//! pulldown-cmark's offset iterator: `ListStart`/`ListEnd` around the headlines of a list,
//! `ArticleStart`/`ArticleEnd` around an article's title, byline, dateline, paragraphs and
//! end mark; boilerplate may appear anywhere. An article cut by a list inside it (other
//! stories' headlines injected into its body) is closed before the list and opened again
//! after it, with the same span; the document keeps it one article. The document layer is
//! built from these blocks.
//!
//! ```
//! use gleaner::{blocks, BlockKind};
//! let text = "-\nFirst headline\n-\nSecond headline\n";
//! let heads: Vec<&str> = blocks(text)
//!     .filter(|b| b.kind == BlockKind::Headline)
//!     .map(|b| &text[b.span.start..b.span.end])
//!     .collect();
//! assert_eq!(heads, ["First headline", "Second headline"]);
//! ```

mod assemble;
mod byline;
mod clutter;
mod comments;
mod dateline;
mod emit;
mod lines;
mod lists;
#[doc(hidden)]
pub mod roles;
mod resume;
mod stamp;
mod stories;
mod titles;

pub(crate) use assemble::document;
#[doc(hidden)]
pub use assemble::document_with;
use emit::segment;

use crate::document::{
    Article, BoilerplateKind, Byline, BylinePosition, Dateline, Document, DocumentKind, Headline, ListRole, Section,
    Snippet, Timestamp,
};
use crate::span::Span;
use lines::{Class, Line};
use roles::{LineRole, RoleModel};

/// What a block of the dump is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// Opens a headline list; its span covers the whole list.
    ListStart(ListRole),
    /// Closes the list opened last.
    ListEnd,
    /// Opens an article; its span covers the whole article.
    ArticleStart,
    /// Closes the article opened last.
    ArticleEnd,
    /// A line holding only `-` between headlines.
    Separator,
    /// A list heading (`Related stories`, `Most read`).
    ListHeading,
    /// A headline in a list.
    Headline,
    /// A timestamp belonging to a headline: the next one when `before`, else the previous one.
    HeadlineTime {
        /// Printed before its headline.
        before: bool,
    },
    /// A teaser line under a headline.
    Teaser,
    /// An article title.
    Title,
    /// An author line (top or end).
    Byline,
    /// An article's publish timestamp.
    Timestamp,
    /// The dateline at the start of the first paragraph (`Jakarta (AFP) –`).
    Dateline,
    /// A subheading (`Quiet harbour` of `- Quiet harbour -`).
    Subheading,
    /// A paragraph (hard-wrapped lines included).
    Paragraph,
    /// An end mark (`END`, `[Copyright …]`).
    EndMark,
    /// Page clutter.
    Boilerplate(BoilerplateKind),
}

/// One classified block with its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Where it is (for containers: from their first to their last block).
    pub span: Span,
}

/// Iterator over the blocks of a dump (see [`blocks`]).
#[derive(Debug)]
pub struct Blocks {
    inner: std::vec::IntoIter<Block>,
}

impl Iterator for Blocks {
    type Item = Block;
    fn next(&mut self) -> Option<Block> {
        self.inner.next()
    }
}

/// The blocks of `text`, in input order, containers balanced. Linear time; never panics.
pub fn blocks(text: &str) -> Blocks {
    Blocks { inner: segment(text, roles::shipped()).into_iter() }
}

/// Lines of clutter after which a body paragraph starts a new article.
const BODY_GAP: usize = 8;

/// The role context gives a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Sep(usize),
    ListHeading(usize),
    Headline(usize),
    HeadTime(usize, bool),
    Teaser(usize),
    Ticker(usize),
    Title(usize),
    TopByline(usize),
    Published(usize),
    Para(usize),
    Sub(usize),
    EndByline(usize),
    EndMark(usize),
    Boiler,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Container {
    List(usize),
    Article(usize),
}

impl Role {
    /// The same role in article `f(a)` for an article role of article `a`.
    fn in_article(self, f: impl Fn(usize) -> usize) -> Role {
        use Role::*;
        match self {
            Title(a) => Title(f(a)),
            TopByline(a) => TopByline(f(a)),
            Published(a) => Published(f(a)),
            Para(a) => Para(f(a)),
            Sub(a) => Sub(f(a)),
            EndByline(a) => EndByline(f(a)),
            EndMark(a) => EndMark(f(a)),
            r => r,
        }
    }

    fn container(self) -> Option<Container> {
        use Role::*;
        match self {
            Sep(l) | ListHeading(l) | Headline(l) | HeadTime(l, _) | Teaser(l) | Ticker(l) => Some(Container::List(l)),
            Title(a) | TopByline(a) | Published(a) | Para(a) | Sub(a) | EndByline(a) | EndMark(a) => Some(Container::Article(a)),
            Boiler => None,
        }
    }
}

fn is_text(l: &Line) -> Option<&lines::TextInfo> {
    match &l.class {
        Class::Text(t) => Some(t),
        _ => None,
    }
}

fn is_prose(l: &Line) -> bool {
    is_text(l).is_some_and(|t| t.prose)
}

/// Paragraphs at most of a listing's entry (a longer body is an article's, its recurring
/// lines are captions, credits or code).
const ENTRY_PARAS: usize = 3;

/// Words at most in a line [`recurring`] looks at.
const MARK_WORDS: usize = 8;

/// For each line: a short non-prose text line whose text, digits masked, another line also has.
fn recurring(text: &str, lines: &[Line]) -> Vec<bool> {
    let key = |l: &Line| -> Option<String> {
        // (two words or more, one of them a word of three letters: no code line like `});`)
        is_text(l).filter(|t| !t.prose && (2..=MARK_WORDS).contains(&t.words))?;
        if !l.span.slice(text).split_whitespace().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3) {
            return None;
        }
        // (metadata: a count, a date, a `Label: value`; a plain phrase is a menu or a heading)
        if !l.span.slice(text).contains(|c: char| c.is_ascii_digit() || matches!(c, ':' | '|' | '·' | '•')) {
            return None;
        }
        let mut k = String::with_capacity(l.span.len());
        for c in l.span.slice(text).chars() {
            let c = if c.is_ascii_digit() { '#' } else { c.to_ascii_lowercase() };
            // a number's digits and separators make one `#`
            if !(matches!(c, '#' | '.' | ',' | ':') && k.ends_with('#')) {
                k.push(c);
            }
        }
        Some(k)
    };
    let keys: Vec<Option<String>> = lines.iter().map(key).collect();
    let mut count: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    for k in keys.iter().flatten() {
        *count.entry(k.as_str()).or_default() += 1;
    }
    let mut marks: Vec<bool> = keys.iter().map(|k| k.as_deref().is_some_and(|k| count.get(k).is_some_and(|&c| c >= 2))).collect();
    // (a run of three or more is a contents list or a menu printed twice, not entry marks)
    let mut start = 0;
    for k in 0..=marks.len() {
        if k < marks.len() && marks[k] {
            continue;
        }
        if k - start >= MARK_RUN {
            marks[start..k].fill(false);
        }
        start = k + 1;
    }
    marks
}

/// Recurring lines in a row that are no entry marks (see [`recurring`]).
const MARK_RUN: usize = 3;

/// A headline-shaped text line: no sentence, no bullet, no dateline, `words` words.
fn heading_shaped(l: &Line, words: std::ops::RangeInclusive<usize>) -> bool {
    is_text(l).is_some_and(|t| !t.prose && !t.bullet && t.dateline.is_none() && words.contains(&t.words))
}

/// A line's listing shape: bullet, and where a glued time sits (`• 3d agoHeadline`).
fn item_shape(l: &Line) -> Option<(bool, Option<bool>)> {
    let t = is_text(l)?;
    let shape = (t.bullet, t.stamp.as_ref().map(|s| s.2));
    (shape != (false, None)).then_some(shape)
}

/// Ends in a full stop (closing quotes and brackets aside).
fn ends_full_stop(s: &str) -> bool {
    s.trim_end().trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '*']).ends_with('.')
}


struct Segmenter<'a> {
    text: &'a str,
    lines: Vec<Line>,
    /// The line-role model's role for each line.
    model: Vec<LineRole>,
    /// Each line's span (for the title ranker).
    spans: Vec<Span>,
    roles: Vec<Option<Role>>,
    list_roles: Vec<ListRole>,
    /// For each list: first line index, whether a heading named its role.
    list_named: Vec<bool>,
    articles: usize,
    /// Short text lines printed more than once with only their digits changed (`views 355`,
    /// `Categories: World`, a doubled time line): the marks between a listing's entries.
    recurs: Vec<bool>,
    /// The title ranker's line facts, shared by every body's window.
    title_facts: roles::TitleFacts,
}

impl<'a> Segmenter<'a> {
    fn new(text: &'a str, model: &RoleModel) -> Segmenter<'a> {
        let (lines, mut roles, title_facts) = lines::lines(text, model);
        // Where the model finds no body at all (short or clean dumps unlike the pages it
        // learned from: one paragraph, a title and two paragraphs, a bare list), the line
        // grammar decides: sentences are paragraphs, other text lines headlines.
        if !roles.iter().any(|r| matches!(r, LineRole::Para | LineRole::Cont)) {
            for (r, l) in roles.iter_mut().zip(&lines) {
                *r = match &l.class {
                    Class::Text(t) if t.prose => LineRole::Para,
                    Class::Text(_) => LineRole::Headline,
                    _ => *r,
                };
            }
            // a lone sentence between headlines is the teaser of the one above
            let text_at: Vec<usize> = (0..lines.len()).filter(|&k| matches!(lines[k].class, Class::Text(_))).collect();
            for w in 0..text_at.len() {
                let k = text_at[w];
                let prev = w.checked_sub(1).map(|p| roles[text_at[p]]);
                let next = text_at.get(w + 1).map(|&x| roles[x]);
                let in_body = w >= 2 && roles[text_at[w - 2]] == LineRole::Para;
                if roles[k] == LineRole::Para && prev == Some(LineRole::Headline) && next != Some(LineRole::Para) && !in_body {
                    roles[k] = LineRole::Teaser;
                }
            }
        }
        let n = lines.len();
        let spans = lines.iter().map(|l| l.span).collect();
        let recurs = recurring(text, &lines);
        Segmenter { text, lines, model: roles, spans, roles: vec![None; n], list_roles: Vec::new(), list_named: Vec::new(), articles: 0, recurs, title_facts }
    }

    /// Pass 2: every line the `-` lists left, by the role the line-role model gave it, with
    /// the grammar of rule classes (stamps, bylines, end marks, `- Sub -`) kept: articles from
    /// titles and body paragraphs, headline lists from headlines and teasers, the rest clutter.
    fn model_roles(&mut self, model_ref: &RoleModel) {
        let n = self.lines.len();
        let pre: Vec<bool> = self.roles.iter().map(Option::is_some).collect();
        let mut article: Option<usize> = None;
        let mut paras = 0usize; // paragraphs of the open article
        let mut ended = false; // the open article had its end byline / end mark
        let mut published = false;
        let mut list: Option<usize> = None;
        let mut last_headline: Option<usize> = None;
        let mut pending_time: Option<usize> = None;
        let mut seen_article = false;
        let mut last_body: Option<usize> = None;
        // the open article's title line; its paragraph lines while it has at most two (a
        // standfirst, notice or caption before the dateline that opens the story)
        let mut title_line: Option<usize> = None;
        let mut early: Vec<usize> = Vec::new();
        // a live page's entry mark (a time line, a stamp) inside a body: the next paragraph
        // opens a new entry
        let mut split = false;
        for i in 0..n {
            if pre[i] {
                if !matches!(self.roles[i], Some(Role::Boiler)) {
                    article = None;
                    title_line = None;
                    list = None;
                    last_headline = None;
                }
                continue;
            }
            if self.roles[i].is_some() {
                continue; // set by take_title
            }
            let model = self.model[i];
            let class = self.lines[i].class.clone();
            if article.is_some() && paras > 0 && matches!(class, Class::Text(_)) && stamp::time_only(self.lines[i].span.slice(self.text)) {
                split = true;
                self.roles[i] = Some(Role::Boiler);
                continue;
            }
            // a mark a listing prints between its entries (recurring with only digits changed),
            // over a headline-shaped line, after a short body: the entry ends, the next follows
            if article.is_some() && (1..=ENTRY_PARAS).contains(&paras) && self.recurs[i] && (split || self.entry_follows(i)) {
                split = true;
                self.roles[i] = Some(Role::Boiler);
                continue;
            }
            let role = match class {
                Class::Dash => Role::Boiler,
                Class::Subheading(_) => match article {
                    Some(a) => {
                        last_body = Some(i);
                        Role::Sub(a)
                    }
                    None => Role::Boiler,
                },
                Class::Stamp(_) => match (article, list, last_headline) {
                    (Some(a), _, _) if !published && paras == 0 => {
                        published = true;
                        Role::Published(a)
                    }
                    (_, Some(l), Some(h)) if h + 1 == i => Role::HeadTime(l, false),
                    _ => {
                        if self.model.get(i + 1) == Some(&LineRole::Headline) {
                            pending_time = Some(i);
                        }
                        split |= article.is_some() && paras > 0;
                        Role::Boiler
                    }
                },
                Class::EndByline(_) if article.is_some() && paras > 0 => {
                    ended = true;
                    Role::EndByline(article.unwrap_or(0))
                }
                Class::EndMark if article.is_some() && paras > 0 => {
                    ended = true;
                    Role::EndMark(article.unwrap_or(0))
                }
                Class::TopByline(_) if article.is_some() && paras == 0 => Role::TopByline(article.unwrap_or(0)),
                Class::ListHeading(r) if matches!(self.model.get(i + 1), Some(LineRole::Headline | LineRole::Boiler)) => {
                    let l = self.new_list(Some(r));
                    article = None;
                    title_line = None;
                    list = Some(l);
                    last_headline = None;
                    Role::ListHeading(l)
                }
                Class::BulletTicker(_) => {
                    let l = match list {
                        Some(l) if self.list_roles[l] == ListRole::Ticker => l,
                        _ => self.new_list(Some(ListRole::Ticker)),
                    };
                    list = Some(l);
                    last_headline = None;
                    Role::Ticker(l)
                }
                Class::Boiler(_) if model != LineRole::Para || self.lines[i].span.len() < 80 => Role::Boiler,
                _ => {
                    let dateline = is_text(&self.lines[i]).is_some_and(|t| t.dateline.is_some());
                    // a dateline has a grammar: its line opens a paragraph whatever the model says
                    let model = if dateline { LineRole::Para } else { model };
                    // a title-like line inside an open body is its subheading (one article per
                    // story; a digest's next story opens with a dateline or follows an end mark)
                    // (not when a live page's entry mark precedes it or a dateline follows it: the
                    // next story's title)
                    let next_dateline = self.lines.get(i + 1).and_then(is_text).is_some_and(|t| t.dateline.is_some());
                    let in_body = article.is_some() && paras >= 2 && !ended && !split && !next_dateline && last_body.is_some_and(|p| i - p <= 3);
                    let next_body = matches!(self.model.get(i + 1), Some(LineRole::Para));
                    let model = if (model == LineRole::Title || model == LineRole::Headline && next_body) && in_body { LineRole::Sub } else { model };
                    // a sentence right after a body paragraph goes on with that body (short
                    // one-line paragraphs of compact dumps look like clutter line by line)
                    let prose = is_prose(&self.lines[i]) && is_text(&self.lines[i]).is_some_and(|t| t.words >= 8);
                    // (a full sentence ending in a full stop is no heading either)
                    let sentence = is_prose(&self.lines[i]) && lines::ends_sentence(self.lines[i].span.slice(self.text)) && self.lines[i].span.slice(self.text).trim_end().ends_with(['.', '"', '”']);
                    let continues = !ended && last_body.is_some_and(|p| i - p <= 1);
                    // a bullet line that is no sentence, over bullet headlines, is one of them
                    let bullet_head = |k: usize| is_text(&self.lines[k]).is_some_and(|t| t.bullet && !t.prose);
                    let model = if model == LineRole::Para && bullet_head(i) && i + 1 < n && bullet_head(i + 1) && self.model[i + 1] == LineRole::Headline { LineRole::Headline } else { model };
                    // a line shaped like the listed headline right above it (same bullet, same
                    // glued time) is the next item of that list
                    let next_item = list.is_some()
                        && last_headline.is_some_and(|h| h + 1 == i && item_shape(&self.lines[h]).is_some() && item_shape(&self.lines[h]) == item_shape(&self.lines[i]))
                        && !is_prose(&self.lines[i]);
                    let model = if next_item && matches!(model, LineRole::Boiler | LineRole::Para | LineRole::Teaser) { LineRole::Headline } else { model };
                    let model = match model {
                        LineRole::Boiler if prose && continues => LineRole::Para,
                        LineRole::Headline | LineRole::Sub | LineRole::Teaser | LineRole::Title if sentence && continues => LineRole::Para,
                        // a long sentence is a paragraph, not a heading
                        LineRole::Headline | LineRole::Sub | LineRole::Teaser if sentence && is_text(&self.lines[i]).is_some_and(|t| t.words >= 12) => LineRole::Para,
                        m => m,
                    };
                    // the open article's title printed again, or a second title-like line
                            // between its title and its body (a standfirst), is no new story
                            let repeat = model == LineRole::Title && title_line.is_some_and(|t| self.same_text(t, i));
                            // (the title ranker chooses between the two; when it takes the later
                            // line, that one opens the article and the earlier one, left without
                            // a body, is a listed headline)
                            let standfirst = match (model, title_line) {
                                (LineRole::Title, Some(t)) if paras == 0 && !repeat => self.body_after(i).is_some_and(|b| model_ref.pick_title_with(self.text, &self.spans, &[i, t], b, &self.title_facts) != Some(i)),
                                _ => false,
                            };
                            let model = if repeat || standfirst { LineRole::Boiler } else { model };
                    match model {
                        LineRole::Title => {
                            let a = self.new_article();
                            (title_line, split) = (Some(i), false);
                            early.clear();
                            (article, paras, ended, list, last_headline) = (Some(a), 0, false, None, None);
                            self.take_title(i, a);
                            published = (i + 1..n).take_while(|&k| matches!(self.roles[k], Some(Role::Published(_)) | Some(Role::TopByline(_)) | Some(Role::Boiler))).any(|k| matches!(self.roles[k], Some(Role::Published(_))));
                            Role::Title(a)
                        }
                        LineRole::Para | LineRole::Cont | LineRole::Sub | LineRole::Teaser
                            if model != LineRole::Teaser || last_headline.is_none() || list.is_none() =>
                        {
                            // a long run of clutter since the last paragraph ends the body
                            // (a stray promo line far above a story is not its first paragraph)
                            // (so does a run of clutter longer than the title window under a title
                            // with no body yet: a widget's or promo's heading far above is not its title)
                            let stale = paras == 0 && title_line.is_some_and(|t| i - t >= roles::TITLE_WINDOW);
                            let gap = last_body.is_some_and(|p| i - p > BODY_GAP) || stale;
                            // the dateline opens the story: the one or two paragraphs between
                            // its title and the dateline (a standfirst, a notice, a caption)
                            // are not its body
                            let lead = dateline
                                && !ended
                                && !split
                                && title_line.is_some()
                                && (1..=2).contains(&paras)
                                && early.len() == paras
                                && self.same_or_no_dateline(early[0], i)
                                && early.last().is_some_and(|&p| i - p <= BODY_GAP && (p + 1..i).all(|k| self.roles[k] == Some(Role::Boiler) && self.model[k] != LineRole::Para && !(matches!(self.model[k], LineRole::Title | LineRole::Headline) && !title_line.is_some_and(|t| self.same_text(t, k)))));
                            if lead {
                                for &k in &early {
                                    self.roles[k] = Some(Role::Boiler);
                                }
                                paras = 0;
                                early.clear();
                            }
                            // a run of clutter inside a body (a chart, a gallery, an embed)
                            // ends it only where a title line of its own opens the next body
                            let gap_title = (gap && article.is_some() && !ended && !(dateline && paras > 0) && !split).then(|| self.rank_title(i, &pre, model_ref));
                            let gap_title = gap_title.map(|t| t.filter(|&t| stale || self.model[t] == LineRole::Title || self.opens_story(t, i)));
                            let new = match article {
                                None => true,
                                Some(_) if gap_title == Some(None) && !stale => false,
                                Some(_) => ended || (dateline && paras > 0) || gap || split,
                            };
                            if new {
                                let a = self.new_article();
                                (article, paras, ended, published, split) = (Some(a), 0, false, false, false);
                                early.clear();
                                title_line = match gap_title {
                                    Some(t) => t,
                                    None => self.rank_title(i, &pre, model_ref),
                                };
                                if let Some(t) = title_line {
                                    self.title_before(t, i, a);
                                    published = (t + 1..i).any(|k| matches!(self.roles[k], Some(Role::Published(_))));
                                } else if self.heading_line(i) {
                                    // an untitled body whose first line is a heading, not a
                                    // sentence, over a sentence paragraph: that line is its title
                                    title_line = Some(i);
                                    self.take_title(i, a);
                                    self.roles[i] = Some(Role::Title(a));
                                    continue;
                                }
                            }
                            list = None;
                            last_headline = None;
                            let a = article.unwrap_or(0);
                            last_body = Some(i);
                            seen_article = true;
                            if model == LineRole::Sub && !dateline {
                                Role::Sub(a)
                            } else {
                                paras += 1;
                                if early.len() < 2 {
                                    early.push(i);
                                }
                                Role::Para(a)
                            }
                        }
                        LineRole::Teaser => {
                            let l = list.unwrap_or(0);
                            last_headline = None;
                            Role::Teaser(l)
                        }
                        // a byline under a standfirst is still the top byline; one further
                        // down closes nothing (bylines of the rule grammar do)
                        LineRole::Byline => match article {
                            Some(a) if paras <= 2 => Role::TopByline(a),
                            Some(a) if !ended => Role::EndByline(a),
                            _ => Role::Boiler,
                        },
                        LineRole::Headline => {
                            article = None;
                            title_line = None;
                            let l = match list {
                                Some(l) if self.list_roles[l] != ListRole::Ticker => l,
                                _ => self.new_list(seen_article.then_some(ListRole::Related)),
                            };
                            list = Some(l);
                            last_headline = Some(i);
                            if let Some(p) = pending_time.take() {
                                if p + 1 == i {
                                    self.roles[p] = Some(Role::HeadTime(l, true));
                                }
                            }
                            Role::Headline(l)
                        }
                        _ => Role::Boiler,
                    }
                }
            };
            self.roles[i] = Some(role);
        }
        self.retitle(&pre, model_ref);
        self.related_runs();
        self.named_list_items();
        self.resumed_body();
        self.truncated_end();
        self.untitled_heads_to_lists();
        self.rejoin_split_stories();
        self.drop_comments();
    }

    /// A recurring entry mark at `i` is followed (past other marks, stamps and clutter, within
    /// a few lines) by a headline-shaped line: a listing's next entry.
    fn entry_follows(&self, i: usize) -> bool {
        for k in i + 1..self.lines.len().min(i + 4) {
            match &self.lines[k].class {
                Class::Text(_) if self.recurs[k] => {}
                Class::Text(_) => return heading_shaped(&self.lines[k], 2..=25),
                Class::Stamp(_) | Class::Boiler(_) => {}
                _ => return false,
            }
        }
        false
    }

    /// Heading line `t` over the body that starts at line `b` has what opens a story and no
    /// chart or gallery has: a byline between the two, or its text printed twice (see
    /// [`Segmenter::twice_printed_heading`]).
    fn opens_story(&self, t: usize, b: usize) -> bool {
        let byline = || (t + 1..b).any(|k| matches!(self.lines[k].class, Class::TopByline(_)) || self.model[k] == LineRole::Byline);
        self.lone_heading(t) && (byline() || self.twice_printed_heading(t))
    }

    /// A heading line that stands alone: no stamp on it, no headline of its shape on both
    /// sides (a related list printed twice), no code (a query line repeated in a tutorial).
    fn lone_heading(&self, t: usize) -> bool {
        let Some(x) = is_text(&self.lines[t]) else { return false };
        let s = self.content(t).slice(self.text);
        let words = s.split_whitespace().count();
        let wordy = s.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_alphabetic)).count() * 5 >= words * 3;
        let code = s.contains(['[', ']', '{', '}', '=', ';', '<', '>', '│']);
        let listed = t > 0 && heading_shaped(&self.lines[t - 1], 4..=30) && self.lines.get(t + 1).is_some_and(|l| heading_shaped(l, 4..=30));
        heading_shaped(&self.lines[t], 2..=30) && x.stamp.is_none() && wordy && !code && !listed && !ends_full_stop(s)
    }

    /// A lone heading line of four words or more (no share button) whose text stands once
    /// more in the dump, alone or as a piece of a joined line: the page header and the
    /// heading, `Title | Site` and `Title`.
    fn twice_printed_heading(&self, t: usize) -> bool {
        self.lone_heading(t) && is_text(&self.lines[t]).is_some_and(|x| x.words >= 4) && self.title_facts.printed_twice(self.text, &self.spans, t)
    }

    /// Line `a` has no dateline, or the same place as line `b`'s (a caption repeating the lede).
    fn same_or_no_dateline(&self, a: usize, b: usize) -> bool {
        let place = |k: usize| is_text(&self.lines[k]).and_then(|t| t.dateline.as_ref()).map(|d| d.1.place.clone());
        match place(a) {
            None => true,
            p => p == place(b),
        }
    }

    fn same_text(&self, a: usize, b: usize) -> bool {
        lines::clean(self.text, self.content(a)) == lines::clean(self.text, self.content(b))
    }

    /// The body paragraph that follows line `i` within a few lines, past clutter, stamps and
    /// bylines only (a title-like line there competes with the open article's title).
    fn body_after(&self, i: usize) -> Option<usize> {
        for j in i + 1..self.lines.len().min(i + 6) {
            match self.model[j] {
                LineRole::Para | LineRole::Cont => return Some(j),
                LineRole::Title | LineRole::Headline | LineRole::Teaser => return None,
                _ => {}
            }
        }
        None
    }

    fn new_article(&mut self) -> usize {
        self.articles += 1;
        self.articles - 1
    }

    fn content(&self, i: usize) -> Span {
        match &self.lines[i].class {
            Class::Text(t) => t.content,
            Class::Subheading(s) => *s,
            _ => self.lines[i].span,
        }
    }

    fn boiler_kind(&self, i: usize) -> BoilerplateKind {
        match &self.lines[i].class {
            Class::Boiler(k) => *k,
            Class::Dash => BoilerplateKind::Rule,
            Class::EndMark => BoilerplateKind::Legal,
            _ => BoilerplateKind::Other,
        }
    }
}

#[cfg(test)]
mod tests;
