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

mod byline;
mod clutter;
mod dateline;
mod lines;
#[doc(hidden)]
pub mod roles;
mod stamp;

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

    fn new_list(&mut self, role: Option<ListRole>) -> usize {
        self.list_roles.push(role.unwrap_or(ListRole::Main));
        self.list_named.push(role.is_some());
        self.list_roles.len() - 1
    }


    /// Pass 1: `-`-separated lists.
    fn dash_lists(&mut self) {
        let n = self.lines.len();
        let mut i = 0;
        let mut current: Option<usize> = None;
        while i < n {
            if self.lines[i].class != Class::Dash {
                current = None;
                i += 1;
                continue;
            }
            let list = match current {
                Some(l) => l,
                None => {
                    let heading = (i > 0 && self.roles[i - 1].is_none())
                        .then(|| match self.lines[i - 1].class {
                            Class::ListHeading(r) => Some(r),
                            _ => None,
                        })
                        .flatten();
                    let l = self.new_list(heading);
                    if heading.is_some() {
                        self.roles[i - 1] = Some(Role::ListHeading(l));
                    }
                    l
                }
            };
            current = Some(list);
            self.roles[i] = Some(Role::Sep(list));
            let mut j = i + 1;
            if j < n && matches!(self.lines[j].class, Class::Stamp(_)) && j + 1 < n && is_text(&self.lines[j + 1]).is_some() {
                self.roles[j] = Some(Role::HeadTime(list, true));
                j += 1;
            }
            if j < n && is_text(&self.lines[j]).is_some() {
                self.roles[j] = Some(Role::Headline(list));
                j += 1;
                if j < n && matches!(self.lines[j].class, Class::Stamp(_)) && !matches!(self.roles[j - 2], Some(Role::HeadTime(..))) {
                    self.roles[j] = Some(Role::HeadTime(list, false));
                    j += 1;
                }
                if j < n && is_prose(&self.lines[j]) && (j + 1 == n || self.lines[j + 1].class == Class::Dash) {
                    self.roles[j] = Some(Role::Teaser(list));
                    j += 1;
                }
                while j < n && matches!(self.lines[j].class, Class::Boiler(BoilerplateKind::ReadMore)) {
                    self.roles[j] = Some(Role::Boiler);
                    j += 1;
                }
            }
            i = j;
        }
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
                            let gap = last_body.is_some_and(|p| i - p > BODY_GAP);
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
                            let gap_title = gap_title.map(|t| t.filter(|&t| self.model[t] == LineRole::Title));
                            let new = match article {
                                None => true,
                                Some(_) if gap_title == Some(None) => false,
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
        self.truncated_end();
        self.untitled_heads_to_lists();
        self.rejoin_split_stories();
    }

    /// A story cut in two at a picture, a share bar or a stamp: a titled article with a short
    /// body (a standfirst, a lede) and no end mark, then past clutter only (no entry mark
    /// that recurs), an article without a dateline whose title is a stamp line or a line the
    /// model reads as no heading (the ranker took a stamp, a tag line or a caption for it).
    /// The second is the rest of the first.
    fn rejoin_split_stories(&mut self) {
        let n = self.lines.len();
        let mut paras = vec![0usize; self.articles];
        let mut ended = vec![false; self.articles];
        let mut title: Vec<Option<usize>> = vec![None; self.articles];
        for (i, r) in self.roles.iter().enumerate() {
            match r {
                Some(Role::Para(a)) => paras[*a] += 1,
                Some(Role::EndByline(a) | Role::EndMark(a)) => ended[*a] = true,
                Some(Role::Title(a)) => title[*a] = Some(i),
                _ => {}
            }
        }
        let mut map: Vec<usize> = (0..self.articles).collect();
        // the open article, its last line, and whether only clutter followed that line
        let mut open: Option<(usize, usize)> = None;
        for i in 0..n {
            match self.roles[i] {
                None | Some(Role::Boiler) => {}
                Some(Role::Title(b)) => {
                    if let Some((a, last)) = open {
                        let a0 = map[a];
                        // (the model reads many a real title as clutter: any title will do for the first;
                        // the second is a stamp line or one the model reads as no heading)
                        let titled = title[a0].is_some();
                        let stamp = is_text(&self.lines[i]).is_some_and(|t| t.stamp.is_some());
                        let weak = stamp || !matches!(self.model[i], LineRole::Title | LineRole::Headline);
                        // (a recurring line between the two is a listing's entry mark: two entries)
                        let near = i - last <= 3 * BODY_GAP;
                        let mark = near && (last + 1..i).any(|k| self.recurs[k]);
                        let dateline = self.body_first(i).is_some_and(|p| is_text(&self.lines[p]).is_some_and(|t| t.dateline.is_some()));
                        if a0 != b && titled && weak && !dateline && !mark && (1..=3).contains(&paras[a0]) && !ended[a0] && near && paras[b] > 0 {
                            map[b] = a0;
                            // (a stamp line dates the story)
                            self.roles[i] = Some(if stamp { Role::Published(a0) } else { Role::Boiler });
                            paras[a0] += paras[b];
                            ended[a0] |= ended[b];
                            // (the line lies past no other container's line: an own line of `a0`)
                            if stamp {
                                open = Some((a0, i));
                            }
                            continue;
                        }
                    }
                    open = Some((b, i));
                }
                Some(r) => match r.container() {
                    Some(Container::Article(a)) => open = Some((a, i)),
                    _ => open = None,
                },
            }
        }
        if map.iter().enumerate().all(|(a, &m)| a == m) {
            return;
        }
        for r in self.roles.iter_mut() {
            *r = r.map(|r| match r {
                Role::Title(a) => Role::Title(map[a]),
                Role::TopByline(a) => Role::TopByline(map[a]),
                Role::Published(a) => Role::Published(map[a]),
                Role::Para(a) => Role::Para(map[a]),
                Role::Sub(a) => Role::Sub(map[a]),
                Role::EndByline(a) => Role::EndByline(map[a]),
                Role::EndMark(a) => Role::EndMark(map[a]),
                r => r,
            });
        }
    }

    /// The first body paragraph after title line `t`.
    fn body_first(&self, t: usize) -> Option<usize> {
        let Some(Role::Title(a)) = self.roles[t] else { return None };
        (t + 1..self.lines.len().min(t + 2 * BODY_GAP)).find(|&k| self.roles[k] == Some(Role::Para(a)))
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

    /// Three or more headline-shaped lines (no full stop, 8 to 30 words) between two full-stop
    /// paragraphs of one article: other stories' headlines injected into the body, not its
    /// paragraphs or subheadings: a related list inside the article (the document resumes
    /// the article after it).
    fn related_runs(&mut self) {
        let n = self.lines.len();
        let mut i = 0;
        while i < n {
            let Some(Role::Para(a)) = self.roles[i] else {
                i += 1;
                continue;
            };
            let full = |s: &Self, k: usize| ends_full_stop(s.content(k).slice(s.text));
            if !full(self, i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < n
                && match self.roles[j] {
                    Some(Role::Para(b) | Role::Sub(b)) => b == a,
                    Some(Role::Boiler) => true,
                    _ => false,
                }
                && is_text(&self.lines[j]).is_some_and(|t| !t.bullet && t.dateline.is_none() && (8..=30).contains(&t.words))
                && !full(self, j)
            {
                j += 1;
            }
            if j - i > 3 && j < n && self.roles[j] == Some(Role::Para(a)) && full(self, j) {
                let l = self.new_list(Some(ListRole::Related));
                for k in i + 1..j {
                    self.roles[k] = Some(Role::Headline(l));
                }
            }
            i = j;
        }
    }

    /// The lines under a `Related stories` / `Most read` heading (or after the first items of
    /// such a list) that the model left as clutter (the readability and trafilatura gold
    /// calls every line outside the body clutter, so the model rarely reads another story's
    /// headline there as one): a run of headline-shaped lines (3 to 25 words, no full stop,
    /// no dateline unless the line is short) is that list's items.
    /// Short lines (a source, a section label) and stamps between items are skipped; a line
    /// printed twice in the run is an entry mark, not a headline; two short lines in a row, a
    /// sentence, another heading or any line the segmenter gave a container ends the run.
    fn named_list_items(&mut self) {
        let n = self.lines.len();
        let mut walked = vec![false; self.list_roles.len()];
        for i in 0..n {
            // from the list's heading, or from its first item when the heading line is clutter
            let l = match self.roles[i] {
                Some(Role::ListHeading(l) | Role::Headline(l)) => l,
                _ => continue,
            };
            if walked[l] || !matches!(self.list_roles[l], ListRole::Related | ListRole::Popular) {
                continue;
            }
            walked[l] = true;
            let mut items: Vec<usize> = Vec::new();
            let mut gap = 0;
            let mut k = i + 1;
            while k < n && gap <= 1 {
                match self.roles[k] {
                    Some(Role::Headline(m) | Role::HeadTime(m, _) | Role::Teaser(m)) if m == l => {
                        gap = 0;
                        k += 1;
                        continue;
                    }
                    Some(Role::Boiler) | None => {}
                    _ => break,
                }
                match &self.lines[k].class {
                    Class::Text(t) => {
                        let s = t.content.slice(self.text);
                        // (a dateline opens a body paragraph; a short headline may only look
                        // like one: `Wednesday, April 22: Coronavirus global update`)
                        if (t.dateline.is_some() && t.words > 12) || t.words > 25 || ends_full_stop(s) {
                            break;
                        }
                        if t.words >= 3 {
                            items.push(k);
                            gap = 0;
                        } else {
                            gap += 1;
                        }
                    }
                    Class::Stamp(_) | Class::Boiler(_) => gap += 1,
                    _ => break,
                }
                k += 1;
            }
            // (counted by text, not compared pairwise: a run can be as long as the dump)
            let texts: Vec<String> = items.iter().map(|&k| lines::clean(self.text, self.content(k))).collect();
            let mut count: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
            for t in &texts {
                *count.entry(t.as_str()).or_default() += 1;
            }
            let heads: Vec<usize> = items.iter().zip(&texts).filter(|(_, t)| count[t.as_str()] == 1).map(|(&k, _)| k).collect();
            if heads.len() >= 2 {
                for k in heads {
                    self.roles[k] = Some(Role::Headline(l));
                }
            }
        }
    }

    /// The dump's last line, cut off inside the body's next paragraph (`Camatte was re`), is
    /// that paragraph: a text line right after a body paragraph, starting like a sentence.
    fn truncated_end(&mut self) {
        let Some(i) = self.lines.len().checked_sub(1).filter(|&i| i > 0) else { return };
        let Some(Role::Para(a)) = self.roles[i - 1] else { return };
        let s = self.content(i).slice(self.text);
        let cut = self.roles[i] == Some(Role::Boiler)
            && is_text(&self.lines[i]).is_some_and(|t| !t.bullet && t.dateline.is_none() && t.stamp.is_none())
            && s.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '\''))
            && s.chars().any(char::is_lowercase)
            && !lines::ends_sentence(s);
        if cut {
            self.roles[i] = Some(Role::Para(a));
        }
    }

    /// A heading-shaped text line (no sentence, no dateline, 3 to 20 words) over a sentence
    /// paragraph the model reads as body.
    fn heading_line(&self, i: usize) -> bool {
        let Some(t) = is_text(&self.lines[i]) else { return false };
        let head = !t.prose && t.dateline.is_none() && (3..=20).contains(&t.words) && !lines::ends_sentence(self.content(i).slice(self.text));
        head && matches!(self.model.get(i + 1), Some(LineRole::Para | LineRole::Cont)) && self.lines.get(i + 1).is_some_and(is_prose)
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

    /// An article that got a title but no paragraph is a listed headline: consecutive ones
    /// form one list (a listing page whose headlines look like titles).
    fn untitled_heads_to_lists(&mut self) {
        let mut paras = vec![0usize; self.articles];
        for r in self.roles.iter().flatten() {
            if let Role::Para(a) = r {
                paras[*a] += 1;
            }
        }
        let mut list: Option<usize> = None;
        for i in 0..self.lines.len() {
            match self.roles[i] {
                Some(Role::Title(a)) if paras[a] == 0 => {
                    let l = match list {
                        Some(l) => l,
                        None => self.new_list(None),
                    };
                    list = Some(l);
                    self.roles[i] = Some(Role::Headline(l));
                }
                Some(Role::Published(a) | Role::TopByline(a) | Role::Sub(a)) if paras[a] == 0 => {
                    self.roles[i] = Some(Role::Boiler);
                }
                Some(Role::Boiler) | None => {}
                _ => list = None,
            }
        }
    }

    /// The title of a body whose first paragraph is line `b`, chosen by the title ranker
    /// among the free text lines just before it.
    fn rank_title(&self, b: usize, pre: &[bool], model: &RoleModel) -> Option<usize> {
        let mut cands = Vec::new();
        let mut k = b;
        while k > 0 && b - k < roles::TITLE_WINDOW {
            k -= 1;
            if pre[k] || matches!(self.roles[k], Some(r) if !matches!(r, Role::Boiler | Role::Headline(_) | Role::HeadTime(..) | Role::Teaser(_) | Role::ListHeading(_))) {
                break;
            }
            if matches!(self.lines[k].class, Class::Text(_)) && !stamp::time_only(self.lines[k].span.slice(self.text)) {
                cands.push(k);
            }
        }
        if cands.is_empty() {
            return None;
        }
        model.pick_title_with(self.text, &self.spans, &cands, b, &self.title_facts).or_else(|| {
            // the heading line right above a body is its title when the ranker has no better
            // idea (short dumps give it little to go on)
            let k = *cands.first()?;
            let t = is_text(&self.lines[k])?;
            let only_meta = (k + 1..b).all(|x| !matches!(self.lines[x].class, Class::Text(_)));
            let shortest = if k + 1 == b { 1 } else { 2 };
            (only_meta && !t.prose && (shortest..=25).contains(&t.words)).then_some(k)
        })
    }

    /// The title ranker's second look at each titled article: a line the line-role model read
    /// as a title opens an article without the ranker (a widget line, a related story's
    /// headline, a caption above the body); once the body is known, the ranker chooses among
    /// the free lines before its first paragraph (that title among them) and its choice, when
    /// it names another text, is the title.
    fn retitle(&mut self, pre: &[bool], model: &RoleModel) {
        let n = self.lines.len();
        for t in 0..n {
            let Some(Role::Title(a)) = self.roles[t] else { continue };
            let Some(b) = (t + 1..n.min(t + roles::TITLE_WINDOW)).find(|&k| self.roles[k] == Some(Role::Para(a))) else { continue };
            let own = |r: Option<Role>| matches!(r, Some(Role::Title(x) | Role::Published(x) | Role::TopByline(x)) if x == a);
            let mut cands = Vec::new();
            let mut k = b;
            while k > 0 && b - k < roles::TITLE_WINDOW {
                k -= 1;
                let free = matches!(self.roles[k], None | Some(Role::Boiler | Role::Headline(_) | Role::HeadTime(..) | Role::Teaser(_) | Role::ListHeading(_)));
                if (pre[k] && k != t) || !(free || own(self.roles[k])) {
                    break;
                }
                if matches!(self.lines[k].class, Class::Text(_)) && !stamp::time_only(self.lines[k].span.slice(self.text)) {
                    cands.push(k);
                }
            }
            let Some(k) = model.pick_title_with(self.text, &self.spans, &cands, b, &self.title_facts) else { continue };
            if k == t || self.same_text(k, t) {
                continue;
            }
            // (stamps and bylines of the article stay its own wherever they stand)
            self.roles[t] = Some(Role::Boiler);
            self.title_before(k, b, a);
        }
    }

    /// Make line `t` the title of article `a` whose body starts at `b`: the lines between are
    /// its stamps and bylines, or clutter.
    fn title_before(&mut self, t: usize, b: usize, a: usize) {
        for k in t + 1..b {
            self.roles[k] = Some(match &self.lines[k].class {
                Class::Stamp(_) => Role::Published(a),
                Class::TopByline(_) => Role::TopByline(a),
                _ if self.model[k] == LineRole::Byline => Role::TopByline(a),
                _ => Role::Boiler,
            });
        }
        self.roles[t] = None;
        // a time printed right above the title dates the article, not a list
        if t > 0 && matches!(self.roles[t - 1], Some(Role::HeadTime(..))) && matches!(self.lines[t - 1].class, Class::Stamp(_)) {
            self.roles[t - 1] = None;
        }
        self.take_title(t, a);
    }

    fn new_article(&mut self) -> usize {
        self.articles += 1;
        self.articles - 1
    }
    fn take_title(&mut self, t: usize, a: usize) {
        self.roles[t] = Some(Role::Title(a));
        // bylines and stamps between title and body
        let mut k = t + 1;
        while k < self.lines.len() && self.roles[k].is_none() {
            match self.lines[k].class {
                Class::Stamp(_) => self.roles[k] = Some(Role::Published(a)),
                Class::TopByline(_) => self.roles[k] = Some(Role::TopByline(a)),
                Class::Boiler(_) => self.roles[k] = Some(Role::Boiler),
                _ => break,
            }
            k += 1;
        }
        // a stamp or byline directly above the title (no blank line between)
        let mut k = t;
        while k > 0 && matches!(self.roles[k - 1], None | Some(Role::Boiler)) && !self.lines[k].blank_before {
            match self.lines[k - 1].class {
                Class::Stamp(_) => self.roles[k - 1] = Some(Role::Published(a)),
                Class::TopByline(_) => self.roles[k - 1] = Some(Role::TopByline(a)),
                _ => break,
            }
            k -= 1;
        }
        // the title repeated shortly before (page header, then a ticker block, then the title again)
        // (only clutter between the two)
        let title = lines::clean(self.text, self.content(t));
        let mut j = k;
        while j > 0 && t - j < 15 && self.roles[j - 1].is_none() {
            j -= 1;
            match &self.lines[j].class {
                Class::Boiler(_) | Class::BulletTicker(_) => {}
                Class::Text(x) if !x.prose && lines::clean(self.text, self.content(j)) == title => {
                    self.roles[j] = Some(Role::Boiler);
                    break;
                }
                _ => break,
            }
        }
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

    /// Emit the blocks, with containers balanced.
    fn emit(mut self, model_ref: &RoleModel) -> Emit<'a> {
        self.dash_lists();
        self.model_roles(model_ref);
        // container spans: from the first to the last line a role puts in the container (the
        // clutter lines a container takes, see `Emit`, lie between two of its own lines)
        let mut list_spans: Vec<Option<Span>> = vec![None; self.list_roles.len()];
        let mut article_spans: Vec<Option<Span>> = vec![None; self.articles];
        for (r, sp) in self.roles.iter().zip(&self.spans) {
            let slot = match r.and_then(|r| r.container()) {
                Some(Container::List(l)) => list_spans.get_mut(l),
                Some(Container::Article(a)) => article_spans.get_mut(a),
                None => None,
            };
            if let Some(slot) = slot {
                *slot = Some(slot.map_or(*sp, |s| s.cover(*sp)));
            }
        }
        // (the model's roles and the title ranker's spans are done with)
        self.model = Vec::new();
        self.spans = Vec::new();
        self.title_facts = roles::TitleFacts::default();
        Emit { seg: self, list_spans, article_spans, i: 0, open: None, last: None, gap: None, buf: Vec::new(), pos: 0 }
    }

    /// Line `i`'s own container (from its role).
    fn own_container(&self, i: usize) -> Option<Container> {
        self.roles[i].and_then(|r| r.container())
    }

    fn emit_line(&self, i: usize, out: &mut Vec<Block>) {
        let line = &self.lines[i];
        let role = self.roles[i].unwrap_or(Role::Boiler);
        let push = |out: &mut Vec<Block>, kind, span| out.push(Block { kind, span });
        let text_parts = |out: &mut Vec<Block>, kind: BlockKind, t: &lines::TextInfo| {
            if let Some((sp, _, true)) = &t.stamp {
                push(out, BlockKind::HeadlineTime { before: true }, *sp);
            }
            push(out, kind, t.content);
            if let Some((sp, _, false)) = &t.stamp {
                push(out, BlockKind::HeadlineTime { before: false }, *sp);
            }
        };
        match (role, &line.class) {
            (Role::Sep(_), _) => push(out, BlockKind::Separator, line.span),
            (Role::ListHeading(_), _) => push(out, BlockKind::ListHeading, line.span),
            (Role::Headline(_), Class::Text(t)) => text_parts(out, BlockKind::Headline, t),
            (Role::HeadTime(_, before), _) => push(out, BlockKind::HeadlineTime { before }, line.span),
            (Role::Teaser(_), Class::Text(t)) => push(out, BlockKind::Teaser, t.content),
            (Role::Ticker(_), Class::BulletTicker(segs)) => {
                for s in segs {
                    push(out, BlockKind::Headline, *s);
                }
            }
            (Role::Title(_), Class::Text(t)) => {
                if let Some((sp, _, true)) = &t.stamp {
                    push(out, BlockKind::Timestamp, *sp);
                }
                push(out, BlockKind::Title, t.content);
                if let Some((sp, _, false)) = &t.stamp {
                    push(out, BlockKind::Timestamp, *sp);
                }
            }
            (Role::TopByline(_) | Role::EndByline(_), _) => push(out, BlockKind::Byline, line.span),
            (Role::Published(_), _) => push(out, BlockKind::Timestamp, line.span),
            (Role::Para(_), Class::Text(t)) => {
                if let Some((dl, p)) = &t.dateline {
                    push(out, BlockKind::Dateline, *dl);
                    let body = Span::new(t.content.start + p.body, t.content.end);
                    if !body.is_empty() {
                        push(out, BlockKind::Paragraph, body);
                    }
                } else {
                    push(out, BlockKind::Paragraph, t.content);
                }
            }
            (Role::Sub(_), Class::Subheading(inner)) => push(out, BlockKind::Subheading, *inner),
            (Role::Sub(_), Class::Text(t)) => push(out, BlockKind::Subheading, t.content),
            (Role::EndMark(_), _) => push(out, BlockKind::EndMark, line.span),
            _ => push(out, BlockKind::Boilerplate(self.boiler_kind(i)), line.span),
        }
    }
}

fn end_kind(c: Container) -> BlockKind {
    match c {
        Container::List(_) => BlockKind::ListEnd,
        Container::Article(_) => BlockKind::ArticleEnd,
    }
}

/// The blocks of a segmented dump, made line by line (no block list is held).
struct Emit<'a> {
    seg: Segmenter<'a>,
    list_spans: Vec<Option<Span>>,
    article_spans: Vec<Option<Span>>,
    /// The next line to emit.
    i: usize,
    /// The container open.
    open: Option<Container>,
    /// The last own container of a line before `i`.
    last: Option<Container>,
    /// A run of lines without an own container from `i` on: its end and the container its
    /// lines take (the one on both sides when they agree).
    gap: Option<(usize, Option<Container>)>,
    /// The blocks of the line emitted last, and the next one of them to hand out.
    buf: Vec<Block>,
    pos: usize,
}

impl Emit<'_> {
    fn span_of(&self, c: Container) -> Span {
        let s = match c {
            Container::List(l) => self.list_spans.get(l),
            Container::Article(a) => self.article_spans.get(a),
        };
        s.copied().flatten().unwrap_or_default()
    }

    /// The container of line `i` (boilerplate takes the container around it when both
    /// sides agree). Each line is looked at at most twice: linear.
    fn container(&mut self, i: usize) -> Option<Container> {
        if let Some(c) = self.seg.own_container(i) {
            self.last = Some(c);
            self.gap = None;
            return Some(c);
        }
        match self.gap {
            Some((end, c)) if i < end => c,
            _ => {
                let n = self.seg.lines.len();
                let end = (i..n).find(|&k| self.seg.own_container(k).is_some()).unwrap_or(n);
                let next = if end < n { self.seg.own_container(end) } else { None };
                let c = if self.last.is_some() && self.last == next { next } else { None };
                self.gap = Some((end, c));
                c
            }
        }
    }

    /// Fill `buf` with the blocks of the next line (and the container marks before it).
    fn fill(&mut self) -> bool {
        self.buf.clear();
        self.pos = 0;
        let n = self.seg.lines.len();
        if self.i >= n {
            if let Some(o) = self.open.take() {
                let span = self.span_of(o);
                self.buf.push(Block { kind: end_kind(o), span });
                return true;
            }
            return false;
        }
        let i = self.i;
        self.i += 1;
        let c = self.container(i);
        if c != self.open {
            if let Some(o) = self.open {
                let span = self.span_of(o);
                self.buf.push(Block { kind: end_kind(o), span });
            }
            if let Some(c) = c {
                let kind = match c {
                    Container::List(l) => BlockKind::ListStart(self.seg.list_roles.get(l).copied().unwrap_or(ListRole::Main)),
                    Container::Article(_) => BlockKind::ArticleStart,
                };
                let span = self.span_of(c);
                self.buf.push(Block { kind, span });
            }
            self.open = c;
        }
        self.seg.emit_line(i, &mut self.buf);
        true
    }
}

impl Iterator for Emit<'_> {
    type Item = Block;
    fn next(&mut self) -> Option<Block> {
        while self.pos >= self.buf.len() {
            if !self.fill() {
                return None;
            }
        }
        let b = self.buf[self.pos];
        self.pos += 1;
        Some(b)
    }
}

impl Emit<'_> {
    /// All blocks in a vector of their exact size (counted in a first pass), the segmenter's
    /// per-line state dropped before the caller builds on them.
    fn into_vec(mut self) -> Vec<Block> {
        let count = self.by_ref().count();
        (self.i, self.open, self.last, self.gap, self.pos) = (0, None, None, None, 0);
        self.buf.clear();
        let mut out = Vec::with_capacity(count);
        out.extend(self);
        out
    }
}

fn segment(text: &str, model: &RoleModel) -> Vec<Block> {
    Segmenter::new(text, model).emit(model).into_vec()
}

/// A title's text without markdown's inline marks: emphasis runs (`_Minecraft_`, `**x**`)
/// that open or close a word (not inside one: `snake_case`, `5*3`) and the backslash before
/// an escaped ASCII punctuation mark (`24\\.`, `\\-`).
fn unmark(s: &str) -> String {
    if !s.contains(['*', '_', '\\']) {
        return s.to_string();
    }
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c == '\\' && cs.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) {
            out.push(cs[i + 1]);
            i += 2;
            continue;
        }
        if c == '*' || c == '_' {
            let mut j = i;
            while j < cs.len() && cs[j] == c {
                j += 1;
            }
            let before = i.checked_sub(1).map(|k| cs[k]);
            let after = cs.get(j).copied();
            let word = |x: Option<char>| x.is_some_and(|x| !x.is_whitespace() && !x.is_ascii_punctuation());
            let open = !word(before) && after.is_some_and(|x| !x.is_whitespace());
            let close = before.is_some_and(|x| !x.is_whitespace()) && !word(after);
            if j - i <= 2 && (open || close) && !(word(before) && word(after)) {
                i = j;
                continue;
            }
            out.extend(&cs[i..j]);
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn snippet(text: &str, span: Span) -> Snippet {
    Snippet { text: lines::clean(text, span), span }
}

fn timestamp(text: &str, span: Span) -> Timestamp {
    let s = &text[span.start..span.end];
    Timestamp { text: s.to_string(), span, iso: stamp::whole(s).and_then(|x| x.iso) }
}

/// A short line that reads as a date or time without the stamp grammar's words: digits with
/// `/`, `.`, `:` or `-` between them and at most two words beside (`9/11/13 10:00AM`).
fn date_shaped(s: &str) -> bool {
    let t = s.trim();
    let b = t.as_bytes();
    let sep_between = b.windows(3).any(|w| w[0].is_ascii_digit() && matches!(w[1], b'/' | b'.' | b':' | b'-') && w[2].is_ascii_digit());
    t.len() <= 24 && t.split_whitespace().count() <= 3 && sep_between
}

/// Build the document structure (no entities etc.) for `text`.
///
/// Besides the blocks' own fields, an article takes: a byline from its byline blocks (a
/// lenient grammar), else from the short lines between title and body, the lines just above
/// it, or a `By …` line leading one of its first paragraphs; a published date printed on its
/// byline or those lines; an agency credit (`— AFP`, `(Yonhap)`, `Source: Xinhua`) as its
/// dateline's agency, or as the byline's source when it has no dateline.
pub(crate) fn document(text: &str) -> Document {
    document_with(text, roles::shipped())
}

/// [`document`] with another line-role model (cross-validation in `gleaner-train roles`).
#[doc(hidden)]
pub fn document_with(text: &str, model: &RoleModel) -> Document {
    /// Short lines before an article's body (and just above the article), for its byline and date.
    struct Pending {
        article: Article,
        top: Vec<Span>,
        /// Boilerplate lines among the first paragraphs (a byline printed under a standfirst
        /// or a lead photo's caption).
        early: Vec<Span>,
        paras: usize,
    }
    const PRE_LINES: usize = 3;
    /// How far above an article a byline with its marker (`By …`) is still looked for: past
    /// the share buttons, photo counters and captions pages print between byline and title.
    const PRE_MARKED: usize = 12;
    /// Paragraphs of an article's opening whose boilerplate lines may hold its byline.
    const EARLY_PARAS: usize = 3;
    const SHORT: usize = 200;
    fn find_stamp(text: &str, sp: Span) -> Option<Timestamp> {
        let s = &text[sp.start..sp.end];
        let st = stamp::find(s)?;
        let span = Span::new(sp.start + st.start, sp.start + st.end);
        Some(Timestamp { text: text[span.start..span.end].to_string(), span, iso: st.iso })
    }
    fn finish(text: &str, p: Pending, pre_wide: &[Span]) -> Article {
        let Pending { mut article, top, early, .. } = p;
        let pre = &pre_wide[pre_wide.len().saturating_sub(PRE_LINES)..];
        let a = &mut article;
        let no_authors = |a: &Article| a.byline.as_ref().is_none_or(|b| b.authors.is_empty());
        let set_byline = |a: &mut Article, sp: Span, parts: byline::BylineParts, position: BylinePosition| {
            let source = parts.source.or_else(|| a.byline.as_ref().and_then(|b| b.source.clone()));
            a.byline = Some(Byline { text: text[sp.start..sp.end].to_string(), span: sp, authors: parts.authors, source, position });
        };
        // byline from the lines between title and body, then the lines just above the article
        if no_authors(a) {
            let short = |sp: &&Span| sp.len() <= SHORT;
            // a bare name line (no outlet) whose next line passes `next`
            let name_over = |next: &dyn Fn(&str) -> bool| {
                top.windows(2).find_map(|w| {
                    let (n, d) = (&text[w[0].start..w[0].end], &text[w[1].start..w[1].end]);
                    if n.len() > 60 || !next(d) {
                        return None;
                    }
                    byline::lenient(n, false).filter(|p| !p.authors.is_empty() && p.source.is_none()).map(|p| (w[0], p))
                })
            };
            let found = top
                .iter()
                .filter(short)
                .find_map(|sp| byline::lenient(&text[sp.start..sp.end], true).filter(|p| !p.authors.is_empty()).map(|p| (*sp, p)))
                // a bare name line followed by a date line (`Jane Doe` / `May 3, 2019 10:00`, `9/11/13 10:00AM`)
                .or_else(|| name_over(&|d: &str| d.len() <= SHORT && (stamp::find(d).is_some() || date_shaped(d))))
                .or_else(|| top.iter().filter(short).find_map(|sp| byline::name_line(&text[sp.start..sp.end]).map(|p| (*sp, p))))
                // the marker alone on its line (`By`, `por`), the names on the next
                .or_else(|| {
                    top.windows(2).find_map(|w| {
                        let (m, n) = (text[w[0].start..w[0].end].trim(), &text[w[1].start..w[1].end]);
                        let n = n.trim().trim_start_matches(['•', '*', '-', '·']).trim();
                        if !byline::is_marker_word(m) || n.len() > SHORT {
                            return None;
                        }
                        byline::lenient(&format!("By {n}"), true).filter(|p| !p.authors.is_empty()).map(|p| (w[1], p))
                    })
                })
                // a bare name line over an agency line (`JANE DOE` / `Associated Press…`)
                .or_else(|| name_over(&|g: &str| g.len() <= 80 && dateline::AGENCIES.iter().any(|a| a.len() > 3 && g.trim().starts_with(a))))
                .or_else(|| {
                    pre.iter().rev().filter(short).find_map(|sp| {
                        let s = &text[sp.start..sp.end];
                        byline::lenient(s, true).filter(|p| !p.authors.is_empty()).map(|p| (*sp, p))
                    })
                })
                // the lines among the first paragraphs, then a marked byline further up
                .or_else(|| {
                    early.iter().filter(short).find_map(|sp| {
                        let s = &text[sp.start..sp.end];
                        byline::lenient(s, true).filter(|p| !p.authors.is_empty()).map(|p| (*sp, p))
                    })
                })
                .or_else(|| pre_wide.iter().rev().filter(short).find_map(|sp| byline::marked(&text[sp.start..sp.end]).map(|p| (*sp, p))));
            if let Some((sp, parts)) = found {
                set_byline(a, sp, parts, BylinePosition::Top);
            }
        }
        // `By Jane Doe: …` or a `By …` line inside one of the first paragraphs
        if no_authors(a) {
            let firsts: Vec<Span> = a.sections.iter().flat_map(|s| s.paragraphs.iter()).take(2).map(|p| p.span).collect();
            'paras: for sp in firsts {
                let s = &text[sp.start..sp.end];
                if let Some(parts) = byline::lead(s) {
                    set_byline(a, sp, parts, BylinePosition::Top);
                    break;
                }
                let mut off = sp.start;
                for line in s.split('\n') {
                    let l = line.trim();
                    let lsp = Span::new(off + (line.len() - line.trim_start().len()), off + (line.len() - line.trim_start().len()) + l.len());
                    off += line.len() + 1;
                    if l.len() <= SHORT && l.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("by ")) {
                        if let Some(parts) = byline::lenient(l, true).filter(|p| !p.authors.is_empty()) {
                            set_byline(a, lsp, parts, BylinePosition::Top);
                            break 'paras;
                        }
                    }
                }
            }
        }
        // a dateline printed as the title line (`Baku, May 2 / Trend, A. Smith/`)
        if a.dateline.is_none() {
            if let Some(t) = a.title.clone() {
                if let Some(p) = dateline::parse(&t.text).filter(|p| p.body >= t.text.trim_end().len()) {
                    a.dateline = Some(Dateline { text: t.text.clone(), span: t.span, place: p.place, date: p.date, agency: p.agency });
                    if let (Some(au), true) = (p.author, no_authors(a)) {
                        let parts = byline::BylineParts { authors: vec![au], source: None };
                        set_byline(a, t.span, parts, BylinePosition::Top);
                    }
                    a.title = None;
                }
            }
        }
        // a dateline glued after a caption inside one of the first paragraphs
        if a.dateline.is_none() {
            let firsts: Vec<Span> = a.sections.iter().flat_map(|s| s.paragraphs.iter()).take(2).map(|p| p.span).collect();
            for sp in firsts {
                if let Some((i, p)) = dateline::find_inside(&text[sp.start..sp.end]) {
                    let span = Span::new(sp.start + i, sp.start + i + p.end);
                    a.dateline = Some(Dateline { text: text[span.start..span.end].to_string(), span, place: p.place, date: p.date, agency: p.agency });
                    break;
                }
            }
        }
        // published: a date printed on the byline or the short lines above the body
        if a.published.as_ref().is_none_or(|p| p.iso.is_none()) {
            let mut cands: Vec<Span> = Vec::new();
            cands.extend(a.byline.as_ref().map(|b| b.span));
            cands.extend(top.iter().copied());
            cands.extend(pre.iter().rev().copied());
            if let Some(st) = cands.into_iter().filter(|sp| sp.len() <= SHORT).find_map(|sp| find_stamp(text, sp)) {
                a.published = Some(st);
            }
        }
        // agency credits
        let need = match &a.dateline {
            Some(d) => d.agency.is_none(),
            None => a.byline.as_ref().is_none_or(|b| b.source.is_none()),
        };
        if need {
            let paras: Vec<Span> = a.sections.iter().flat_map(|s| s.paragraphs.iter()).map(|p| p.span).collect();
            let credit = top
                .iter()
                .chain(pre.iter())
                .find_map(|sp| dateline::credit_line(&text[sp.start..sp.end]).map(|c| (*sp, c)))
                .or_else(|| paras.iter().rev().chain(a.end_mark.iter().map(|e| &e.span)).find_map(|sp| dateline::trailing_credit(&text[sp.start..sp.end]).map(|c| (*sp, c))));
            if let Some((sp, agency)) = credit {
                match (&mut a.dateline, &mut a.byline) {
                    (Some(d), _) => d.agency = Some(agency),
                    (None, Some(b)) => b.source = Some(agency),
                    (None, None) => {
                        a.byline = Some(Byline { text: text[sp.start..sp.end].to_string(), span: sp, authors: Vec::new(), source: Some(agency), position: BylinePosition::End })
                    }
                }
            }
        }
        article
    }

    let mut doc = Document::empty(text);
    let mut list_index = 0usize;
    let mut list_role = ListRole::Main;
    let mut in_list = false;
    let mut article: Option<Pending> = None;
    // an article cut by a list inside it, until it opens again, and the lines above it
    let mut suspended: Option<Pending> = None;
    let mut suspended_pre: Vec<Span> = Vec::new();
    // end of the last block that is not a container mark
    let mut last_end = 0usize;
    let mut pending_time: Option<Timestamp> = None;
    let mut nblocks = 0;
    let mut lists_seen = 0usize;
    // boilerplate lines since the last container closed (the last few)
    let mut pre: Vec<Span> = Vec::new();
    let mut article_pre: Vec<Span> = Vec::new();
    // clutter lines right after an article that may still carry its agency credit
    const POST_LINES: usize = 3;
    let mut post = 0usize;
    for b in segment(text, model) {
        if matches!(b.kind, BlockKind::ListStart(_) | BlockKind::ArticleStart) {
            post = 0;
        }
        let s = &text[b.span.start..b.span.end];
        match b.kind {
            BlockKind::ListStart(role) => {
                in_list = true;
                list_role = role;
                list_index = lists_seen;
                lists_seen += 1;
                pending_time = None;
                continue;
            }
            BlockKind::ListEnd => {
                in_list = false;
                pre.clear();
                continue;
            }
            BlockKind::ArticleStart => {
                // the same article again after a list inside it (a related run): resume it
                if let Some(p) = suspended.take() {
                    if p.article.span == b.span {
                        article = Some(p);
                        article_pre = std::mem::take(&mut suspended_pre);
                        continue;
                    }
                    doc.articles.push(finish(text, p, &suspended_pre));
                }
                article = Some(Pending {
                    article: Article {
                        title: None,
                        dateline: None,
                        byline: None,
                        published: None,
                        sections: Vec::new(),
                        end_mark: None,
                        span: b.span,
                    },
                    top: Vec::new(),
                    early: Vec::new(),
                    paras: 0,
                });
                article_pre = std::mem::take(&mut pre);
                continue;
            }
            BlockKind::ArticleEnd => {
                if let Some(p) = article.take() {
                    // an article whose span reaches past its last block so far is cut by a list
                    // inside it: it opens again after the list
                    if b.span.end > last_end {
                        suspended_pre = std::mem::take(&mut article_pre);
                        suspended = Some(p);
                    } else {
                        doc.articles.push(finish(text, p, &article_pre));
                        post = POST_LINES;
                    }
                }
                pre.clear();
                continue;
            }
            _ => {
                nblocks += 1;
                last_end = b.span.end;
            }
        }
        let top = article.as_ref().is_some_and(|p| p.paras == 0);
        match b.kind {
            BlockKind::Headline => {
                let time = pending_time.take();
                doc.headlines.push(Headline {
                    text: lines::clean(text, b.span),
                    span: b.span,
                    time,
                    teaser: None,
                    list: list_index,
                    role: if in_list { list_role } else { ListRole::Main },
                });
            }
            BlockKind::HeadlineTime { before } => {
                let ts = timestamp(text, b.span);
                match doc.headlines.last_mut() {
                    Some(h) if !before && h.time.is_none() => h.time = Some(ts),
                    _ => pending_time = Some(ts),
                }
            }
            BlockKind::Teaser => {
                if let Some(h) = doc.headlines.last_mut() {
                    h.teaser = Some(snippet(text, b.span));
                }
            }
            BlockKind::Title => {
                if let Some(p) = article.as_mut() {
                    p.article.title = Some(Snippet { text: unmark(&lines::clean(text, b.span)), span: b.span });
                }
            }
            BlockKind::Byline => {
                if let Some(p) = article.as_mut() {
                    let a = &mut p.article;
                    let top = a.sections.is_empty();
                    let parts = if top { byline::top_byline(s) } else { byline::end_byline(s) }
                        .or_else(|| byline::end_byline(s))
                        .or_else(|| byline::top_byline(s))
                        .or_else(|| byline::lenient(s, false));
                    let keep = a.byline.as_ref().is_some_and(|b| !b.authors.is_empty());
                    if let (Some(parts), false) = (parts, keep) {
                        let source = parts.source.or_else(|| a.byline.as_ref().and_then(|b| b.source.clone()));
                        a.byline = Some(Byline {
                            text: s.to_string(),
                            span: b.span,
                            authors: parts.authors,
                            source,
                            position: if top { BylinePosition::Top } else { BylinePosition::End },
                        });
                    }
                    if top {
                        p.top.push(b.span);
                    }
                }
            }
            BlockKind::Timestamp => {
                if let Some(p) = article.as_mut() {
                    let a = &mut p.article;
                    if a.published.as_ref().is_none_or(|t| t.iso.is_none()) {
                        let mut ts = timestamp(text, b.span);
                        if ts.iso.is_none() {
                            ts.iso = stamp::find(s).and_then(|x| x.iso);
                        }
                        if a.published.is_none() || ts.iso.is_some() {
                            a.published = Some(ts);
                        }
                    }
                }
            }
            BlockKind::Dateline => {
                if let Some(p) = article.as_mut() {
                    let a = &mut p.article;
                    if let Some(d) = dateline::parse(&text[b.span.start..]) {
                        if a.dateline.is_none() {
                            if let (Some(au), true) = (d.author.clone(), a.byline.is_none()) {
                                a.byline = Some(Byline { text: s.to_string(), span: b.span, authors: vec![au], source: None, position: BylinePosition::Top });
                            }
                            a.dateline = Some(Dateline { text: s.to_string(), span: b.span, place: d.place, date: d.date, agency: d.agency });
                        }
                    }
                }
            }
            BlockKind::Subheading => {
                if let Some(p) = article.as_mut() {
                    // `By Example News Service` printed as a heading above the body is a byline
                    if top && s.len() <= SHORT && s.get(..2).is_some_and(|h| h.eq_ignore_ascii_case("by")) {
                        if let Some(parts) = byline::lenient(s, true) {
                            if p.article.byline.is_none() {
                                p.article.byline = Some(Byline { text: s.to_string(), span: b.span, authors: parts.authors, source: parts.source, position: BylinePosition::Top });
                            }
                            p.top.push(b.span);
                            continue;
                        }
                    }
                    if top {
                        p.top.push(b.span);
                    }
                    p.article.sections.push(Section { heading: Some(snippet(text, b.span)), paragraphs: Vec::new() });
                }
            }
            BlockKind::Paragraph => {
                if let Some(p) = article.as_mut() {
                    let a = &mut p.article;
                    if a.sections.is_empty() {
                        a.sections.push(Section { heading: None, paragraphs: Vec::new() });
                    }
                    if let Some(sec) = a.sections.last_mut() {
                        sec.paragraphs.push(snippet(text, b.span));
                        doc.stats.paragraphs += 1;
                        p.paras += 1;
                    }
                }
            }
            BlockKind::EndMark => {
                if let Some(p) = article.as_mut() {
                    p.article.end_mark = Some(snippet(text, b.span));
                }
            }
            BlockKind::Boilerplate(kind) => {
                doc.boilerplate.push(crate::document::Boilerplate { kind, text: s.to_string(), span: b.span });
                doc.stats.boilerplate_bytes += b.span.len();
                match article.as_mut() {
                    Some(p) if top => p.top.push(b.span),
                    Some(p) if p.paras <= EARLY_PARAS => p.early.push(b.span),
                    Some(_) => {}
                    None => {
                        if post > 0 {
                            post -= 1;
                            if let (Some(agency), Some(a)) = (dateline::trailing_credit(s), doc.articles.last_mut()) {
                                match (&mut a.dateline, &mut a.byline) {
                                    (Some(d), _) if d.agency.is_none() => d.agency = Some(agency),
                                    (None, Some(bl)) if bl.source.is_none() => bl.source = Some(agency),
                                    (None, None) => {
                                        a.byline = Some(Byline { text: s.to_string(), span: b.span, authors: Vec::new(), source: Some(agency), position: BylinePosition::End })
                                    }
                                    _ => {}
                                }
                                post = 0;
                            }
                        }
                        if pre.len() == PRE_MARKED {
                            pre.remove(0);
                        }
                        pre.push(b.span);
                    }
                }
            }
            BlockKind::ListHeading => {
                doc.boilerplate.push(crate::document::Boilerplate { kind: BoilerplateKind::ListHeading, text: s.to_string(), span: b.span });
                doc.stats.boilerplate_bytes += b.span.len();
            }
            BlockKind::Separator => {}
            _ => {}
        }
    }
    if let Some(p) = suspended.take() {
        doc.articles.push(finish(text, p, &suspended_pre));
    }
    doc.stats.blocks = nblocks;
    doc.kind = match (doc.headlines.is_empty(), doc.articles.len()) {
        (true, 0) => DocumentKind::Empty,
        (false, 0) => DocumentKind::Listing,
        (true, 1) => DocumentKind::Article,
        (true, _) => DocumentKind::Articles,
        (false, _) => DocumentKind::Mixed,
    };
    doc
}

#[cfg(test)]
mod tests;
