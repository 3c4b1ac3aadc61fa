//! Blocks out of a segmented dump: container spans, the line-by-line emitter that keeps
//! containers balanced, and each line's blocks.

use super::*;

impl<'a> Segmenter<'a> {
    /// Emit the blocks, with containers balanced.
    fn emit(mut self, model_ref: &RoleModel) -> Emit<'a> {
        self.dash_lists();
        self.model_roles(model_ref);
        self.split_at_credits();
        self.teasers_to_lists();
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

    pub(super) fn emit_line(&self, i: usize, out: &mut Vec<Block>) {
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
        // (a date with only punctuation beside it, `Jun 7, 2023, 8:54 PM UTC|`, dates the
        // article whatever the line's role there)
        if let (Role::Para(_) | Role::Sub(_), Class::Text(t)) = (role, &line.class) {
            if let Some(sp) = stamp_alone(self.text, t) {
                return push(out, BlockKind::Timestamp, sp);
            }
        }
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

/// The stamp of a text line whose content beside it has no letter or digit.
fn stamp_alone(text: &str, t: &lines::TextInfo) -> Option<Span> {
    let (sp, _, _) = t.stamp.as_ref()?;
    (!t.content.slice(text).contains(char::is_alphanumeric)).then_some(*sp)
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

pub(super) fn segment(text: &str, model: &RoleModel) -> Vec<Block> {
    Segmenter::new(text, model).emit(model).into_vec()
}
