//! A body that goes on past a short run of clutter: a bare section head or a results line the
//! model read as clutter, and the paragraphs after it with it.

use super::*;

/// Clutter lines at most between a body paragraph and the prose that resumes the body.
const RESUME_GAP: usize = 2;

/// Words at least of a clutter line that resumes a body (a sentence paragraph, not a bio
/// line or a share prompt).
const RESUME_WORDS: usize = 20;

/// Words at most of a clutter line between the two (a head, a results line; not prose).
const GAP_WORDS: usize = 24;

impl Segmenter<'_> {
    /// Prose the model left as clutter right after an article's body paragraph, past at most
    /// [`RESUME_GAP`] short non-prose clutter lines, is that body going on: a text line of
    /// [`RESUME_WORDS`] words or more, no bullet, stamp or dateline, ending a sentence (or cut
    /// off at the dump's end). A lone heading-shaped line between is its subheading. One
    /// forward pass.
    pub(super) fn resumed_body(&mut self) {
        let n = self.lines.len();
        // the open article and its last body line
        let mut last: Option<(usize, usize)> = None;
        for i in 0..n {
            match self.roles[i] {
                Some(Role::Para(a) | Role::Sub(a)) => last = Some((a, i)),
                Some(Role::Boiler) | None => {
                    let Some((a, p)) = last else { continue };
                    if i - p > RESUME_GAP + 1 {
                        last = None;
                        continue;
                    }
                    if !self.resumes(i) {
                        continue;
                    }
                    let gap_ok = (p + 1..i).all(|k| {
                        matches!(self.roles[k], Some(Role::Boiler) | None)
                            && is_text(&self.lines[k]).is_some_and(|t| !t.prose && t.words <= GAP_WORDS && t.dateline.is_none())
                    });
                    if !gap_ok {
                        continue;
                    }
                    if i == p + 2 && heading_shaped(&self.lines[p + 1], 1..=12) {
                        self.roles[p + 1] = Some(Role::Sub(a));
                    }
                    self.roles[i] = Some(Role::Para(a));
                    last = Some((a, i));
                }
                Some(_) => last = None,
            }
        }
    }

    /// Line `i` reads as a body paragraph on its own (see [`Self::resumed_body`]).
    fn resumes(&self, i: usize) -> bool {
        let Some(t) = is_text(&self.lines[i]) else { return false };
        let s = t.content.slice(self.text);
        let ends = lines::ends_sentence(s) || i + 1 == self.lines.len();
        t.prose && !t.bullet && t.stamp.is_none() && t.dateline.is_none() && t.words >= RESUME_WORDS && ends
    }
}
