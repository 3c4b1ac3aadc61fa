//! Headline lists: `-`-separated lists, runs of other stories' headlines inside a body, the
//! items under a named related/popular heading, and titled articles left without a body.

use super::*;

impl Segmenter<'_> {
    pub(super) fn new_list(&mut self, role: Option<ListRole>) -> usize {
        self.list_roles.push(role.unwrap_or(ListRole::Main));
        self.list_named.push(role.is_some());
        self.list_roles.len() - 1
    }

    /// Pass 1: `-`-separated lists.
    pub(super) fn dash_lists(&mut self) {
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

    /// Three or more headline-shaped lines (no full stop, 8 to 30 words) between two full-stop
    /// paragraphs of one article: other stories' headlines injected into the body, not its
    /// paragraphs or subheadings: a related list inside the article (the document resumes
    /// the article after it).
    pub(super) fn related_runs(&mut self) {
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
    pub(super) fn named_list_items(&mut self) {
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

    /// An article that got a title but no paragraph is a listed headline: consecutive ones
    /// form one list (a listing page whose headlines look like titles).
    pub(super) fn untitled_heads_to_lists(&mut self) {
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

    /// A teaser printed as a short article beside the page's main story (a feed of other
    /// stories, a related or most-read block): a titled article of at most [`TEASER_PARAS`]
    /// paragraphs, without stamp, byline, subheading, end mark or dateline, a third or less of
    /// the main article's body (the longest, of [`MAIN_PARAS`] paragraphs or more), lying wholly
    /// before or after it. Its title is a listed headline, its first paragraph the teaser (the
    /// rest clutter); teasers in a row (clutter between) make one list, related after the main
    /// story.
    pub(super) fn teasers_to_lists(&mut self) {
        let stats = self.article_stats();
        let Some(main) = (0..stats.len()).filter(|&a| stats[a].paras > 0).max_by_key(|&a| (stats[a].chars, std::cmp::Reverse(a))) else { return };
        let m = &stats[main];
        if m.paras < MAIN_PARAS {
            return;
        }
        let teaser = |a: usize| {
            let s = &stats[a];
            a != main && s.title.is_some() && (1..=TEASER_PARAS).contains(&s.paras) && !s.meta && s.chars * 3 <= m.chars && (s.last < m.first || s.first > m.last)
        };
        // (one short article alone may be the rest of a story cut by a list: teasers come in runs)
        let mut run_of = vec![0usize; stats.len()];
        let mut run: Vec<usize> = Vec::new();
        for i in 0..=self.lines.len() {
            let a = match self.roles.get(i) {
                Some(Some(Role::Title(a))) if teaser(*a) => Some(*a),
                Some(Some(r)) => match r.container() {
                    Some(Container::Article(a)) if !teaser(a) => None,
                    _ => continue,
                },
                Some(None) => continue,
                None => None,
            };
            match a {
                Some(a) => run.push(a),
                None => {
                    for &a in &run {
                        run_of[a] = run.len();
                    }
                    run.clear();
                }
            }
        }
        let teaser = |a: usize| run_of[a] >= 2;
        let mut list: Option<usize> = None;
        let mut first_para = true;
        for i in 0..self.lines.len() {
            match self.roles[i] {
                Some(Role::Title(a)) if teaser(a) => {
                    let l = match list {
                        Some(l) => l,
                        None => self.new_list((i > m.last).then_some(ListRole::Related)),
                    };
                    list = Some(l);
                    first_para = true;
                    self.roles[i] = Some(Role::Headline(l));
                }
                Some(Role::Para(a)) if teaser(a) => {
                    self.roles[i] = Some(match list {
                        Some(l) if first_para => Role::Teaser(l),
                        _ => Role::Boiler,
                    });
                    first_para = false;
                }
                Some(Role::Boiler) | None => {}
                _ => list = None,
            }
        }
    }

    /// Per article: paragraphs, body characters, title line, first and last line, and whether
    /// it has a line a teaser lacks (stamp, byline, subheading, end mark, dateline).
    fn article_stats(&self) -> Vec<ArticleStats> {
        let mut stats = vec![ArticleStats { paras: 0, chars: 0, title: None, first: usize::MAX, last: 0, meta: false }; self.articles];
        for (i, r) in self.roles.iter().enumerate() {
            let Some(Container::Article(a)) = r.and_then(|r| r.container()) else { continue };
            let s = &mut stats[a];
            (s.first, s.last) = (s.first.min(i), s.last.max(i));
            match r {
                Some(Role::Title(_)) => s.title = Some(i),
                Some(Role::Para(_)) => {
                    s.paras += 1;
                    s.chars += self.content(i).len();
                    s.meta |= is_text(&self.lines[i]).is_some_and(|t| t.dateline.is_some());
                }
                _ => s.meta = true,
            }
        }
        stats
    }
}

/// What [`Segmenter::article_stats`] gathers of one article.
#[derive(Clone, Copy, Debug)]
struct ArticleStats {
    paras: usize,
    chars: usize,
    title: Option<usize>,
    first: usize,
    last: usize,
    meta: bool,
}

/// Paragraphs at most of a teaser printed as an article (see [`Segmenter::teasers_to_lists`]).
const TEASER_PARAS: usize = 3;

/// Paragraphs at least of the main story beside which short articles are teasers.
const MAIN_PARAS: usize = 4;
