//! Titles: the title ranker's choice before a body, its second look once the body is known,
//! and what a title takes with it (stamps and bylines beside it, its earlier repeat).

use super::*;

impl Segmenter<'_> {
    /// A heading-shaped text line (no sentence, no dateline, 3 to 20 words) over a sentence
    /// paragraph the model reads as body.
    pub(super) fn heading_line(&self, i: usize) -> bool {
        let Some(t) = is_text(&self.lines[i]) else { return false };
        let head = !t.prose && t.dateline.is_none() && (3..=20).contains(&t.words) && !lines::ends_sentence(self.content(i).slice(self.text));
        head && matches!(self.model.get(i + 1), Some(LineRole::Para | LineRole::Cont)) && self.lines.get(i + 1).is_some_and(is_prose)
    }

    /// The title of a body whose first paragraph is line `b`, chosen by the title ranker
    /// among the free text lines just before it.
    pub(super) fn rank_title(&self, b: usize, pre: &[bool], model: &RoleModel) -> Option<usize> {
        let mut cands = Vec::new();
        let mut k = b;
        while k > 0 && b - k < roles::TITLE_WINDOW {
            k -= 1;
            if pre[k] || matches!(self.roles[k], Some(r) if !matches!(r, Role::Boiler | Role::Headline(_) | Role::HeadTime(..) | Role::Teaser(_) | Role::ListHeading(_))) {
                break;
            }
            if matches!(self.lines[k].class, Class::Text(_)) && !stamp::time_only(self.lines[k].span.slice(self.text)) && !self.wrapped_piece(k) {
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
    pub(super) fn retitle(&mut self, pre: &[bool], model: &RoleModel) {
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
                if matches!(self.lines[k].class, Class::Text(_)) && !stamp::time_only(self.lines[k].span.slice(self.text)) && !self.wrapped_piece(k) {
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

    /// Line `k` is a piece of a hard-wrapped block left unjoined (a caption's lines, a
    /// paragraph the model read as clutter), no title: a long line without a sentence end
    /// that the next line (no blank between) goes on in lower case, or a line in lower case
    /// going on from such a line. (A title wrapped over two lines is one line by now.)
    pub(super) fn wrapped_piece(&self, k: usize) -> bool {
        let goes_on = |a: usize| {
            let (Some(x), Some(y)) = (self.lines.get(a), self.lines.get(a + 1)) else { return false };
            let s = x.span.slice(self.text).trim();
            let next = self.content(a + 1).slice(self.text);
            matches!(x.class, Class::Text(_))
                && matches!(y.class, Class::Text(_))
                && !y.blank_before
                && s.chars().count() >= 60
                && !lines::ends_sentence(s)
                && next.starts_with(char::is_lowercase)
        };
        goes_on(k) || (k > 0 && goes_on(k - 1))
    }

    /// Make line `t` the title of article `a` whose body starts at `b`: the lines between are
    /// its stamps and bylines, or clutter.
    pub(super) fn title_before(&mut self, t: usize, b: usize, a: usize) {
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

    pub(super) fn take_title(&mut self, t: usize, a: usize) {
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
}
