//! Reader comments under a story: the sentences below a comments heading are posts, not the
//! story's body.

use super::*;

/// Body paragraphs at least the open article has above a comments heading (a `Comments`
/// button in the share bar under a title opens no comment section).
const BODY_ABOVE: usize = 2;

/// Words at least of those paragraphs (a standfirst or a dateline-and-author line over a
/// comment count is no story yet).
const WORDS_ABOVE: usize = 80;

impl Segmenter<'_> {
    /// Below a comments heading (see [`clutter::comments_heading`]) that follows at least
    /// [`BODY_ABOVE`] paragraphs of an open article, that article's body lines and every
    /// article opened further down are clutter: readers' posts, their names and dates. Lists
    /// stay (a related list printed under the comments). One pass to find the heading, one to
    /// relabel.
    pub(super) fn drop_comments(&mut self) {
        let Some((h, a)) = self.comments_start() else { return };
        let first_new = self.articles_opened_after(h);
        for k in h + 1..self.lines.len() {
            let Some(r) = self.roles[k] else { continue };
            let Some(Container::Article(b)) = r.container() else { continue };
            let own_body = b == a && matches!(r, Role::Para(_) | Role::Sub(_) | Role::EndByline(_));
            if own_body || b >= first_new {
                self.roles[k] = Some(Role::Boiler);
            }
        }
    }

    /// The first comments heading line under [`BODY_ABOVE`] paragraphs of the article open
    /// there, and that article.
    fn comments_start(&self) -> Option<(usize, usize)> {
        let mut open: Option<(usize, usize, usize)> = None; // article, its paragraphs and their words so far
        for (i, r) in self.roles.iter().enumerate() {
            match r {
                Some(Role::Para(a)) => {
                    let w = is_text(&self.lines[i]).map_or(0, |t| t.words);
                    open = match open {
                        Some((b, n, m)) if b == *a => Some((b, n + 1, m + w)),
                        _ => Some((*a, 1, w)),
                    }
                }
                Some(Role::Boiler) | None => {
                    let heading = matches!(self.lines[i].class, Class::Text(_) | Class::Boiler(_))
                        && clutter::comments_heading(self.lines[i].span.slice(self.text));
                    if let Some((a, n, w)) = open.filter(|_| heading) {
                        if n >= BODY_ABOVE && w >= WORDS_ABOVE {
                            return Some((i, a));
                        }
                    }
                }
                Some(r) => {
                    if let Some(Container::Article(a)) = r.container() {
                        if open.is_none_or(|(b, _, _)| b != a) {
                            open = Some((a, 0, 0));
                        }
                    }
                }
            }
        }
        None
    }

    /// The smallest article number of a line past `h` that no line up to `h` has (article
    /// numbers grow down the dump): the articles opened below line `h`.
    fn articles_opened_after(&self, h: usize) -> usize {
        let above = self.roles[..=h].iter().filter_map(|r| match r.and_then(Role::container) {
            Some(Container::Article(a)) => Some(a + 1),
            _ => None,
        });
        above.max().unwrap_or(0)
    }
}
