//! One article per story: a story cut in two rejoined, a dump cut inside its last paragraph.

use super::*;

impl Segmenter<'_> {
    /// A story cut in two at a picture, a share bar or a stamp: a titled article with a short
    /// body (a standfirst, a lede) and no end mark, then past clutter only (no entry mark
    /// that recurs), an article without a dateline whose title is a stamp line or a line the
    /// model reads as no heading (the ranker took a stamp, a tag line or a caption for it).
    /// The second is the rest of the first.
    pub(super) fn rejoin_split_stories(&mut self) {
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
            *r = r.map(|r| r.in_article(|a| map[a]));
        }
    }

    /// The first body paragraph after title line `t`.
    fn body_first(&self, t: usize) -> Option<usize> {
        let Some(Role::Title(a)) = self.roles[t] else { return None };
        (t + 1..self.lines.len().min(t + 2 * BODY_GAP)).find(|&k| self.roles[k] == Some(Role::Para(a)))
    }

    /// The dump's last line, cut off inside the body's next paragraph (`Camatte was re`), is
    /// that paragraph: a text line right after a body paragraph, starting like a sentence.
    pub(super) fn truncated_end(&mut self) {
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

    /// A digest prints its stories one after another, each closed by its agency credit (`… the
    /// police department. - AP`): body paragraphs after a credit paragraph (past clutter only)
    /// are the next story when a heading-shaped clutter line stands between: the last one is
    /// its title (over a kicker such as a state name). One forward pass, looking at most [`BODY_GAP`] lines ahead.
    pub(super) fn split_at_credits(&mut self) {
        let n = self.lines.len();
        // each article's lines from here on go to `cur[a]`
        let mut cur: Vec<usize> = (0..self.articles).collect();
        for k in 0..n {
            self.roles[k] = self.roles[k].map(|r| r.in_article(|a| cur[a]));
            let Some(Role::Para(a)) = self.roles[k] else { continue };
            if dateline::trailing_credit(self.content(k).slice(self.text)).is_none() {
                continue;
            }
            let Some(j) = (k + 1..n.min(k + 1 + BODY_GAP)).find(|&j| self.own_role(j)) else { continue };
            let Some(Role::Para(x) | Role::Sub(x)) = self.roles[j] else { continue };
            if cur[x] != a {
                continue;
            }
            // (no title between: a photo's caption with its credit inside the story)
            let Some(t) = (k + 1..j).rev().find(|&t| heading_shaped(&self.lines[t], 1..=20) && !lines::ends_sentence(self.content(t).slice(self.text))) else { continue };
            let b = self.new_article();
            cur.push(b);
            cur[x] = b;
            self.roles[t] = Some(Role::Title(b));
        }
    }

    /// Line `i` has a role other than clutter.
    fn own_role(&self, i: usize) -> bool {
        !matches!(self.roles[i], None | Some(Role::Boiler))
    }
}
