//! The learned line-role model: every physical line of a dump gets a role (title, paragraph,
//! continuation of a hard-wrapped paragraph, subheading, byline, headline, teaser or
//! boilerplate) from a linear-chain averaged perceptron decoded with Viterbi.
//!
//! The features look at a line and its neighbours: length and word count, case pattern,
//! final punctuation, digits and date shapes, stop-word share, runs of short lines,
//! position, lines that recur, indentation and the markers of the four ways text leaves a
//! browser or a crawler (`#`, `*`, `•`, `IFRAME:`), the rule classes of [`super::lines`]
//! (stamps, bylines, datelines, clutter) and a few lexical cues. The weights are trained by
//! `gleaner-train roles` from labels derived from the gold of `../shared/dumps` (see
//! `train.rs`) and shipped in `src/data/roles.model`.

mod features;
mod model;
mod title;
#[cfg(feature = "train")]
pub mod train;

pub use features::{features, features_and_allowed, for_each_features};
pub(crate) use features::{LineFacts, RuleClass};
pub use model::{shipped, ModelError, RoleModel, FORMAT_VERSION};
pub use title::{title_features, TitleFacts, TitleWindow, TITLE_BITS, TITLE_WINDOW};
use {features::*, title::*};

use super::{byline, clutter, dateline, lines, stamp};
use crate::document::BoilerplateKind;
use crate::codec::{fnv, push_uleb, read_uleb};
use crate::span::Span;

/// The role of one physical line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum LineRole {
    /// Page clutter: menus, widgets, captions, credits, ads, footers.
    Boiler = 0,
    /// An article's headline.
    Title = 1,
    /// The first line of a body paragraph (or list item of the body).
    Para = 2,
    /// A line continuing the previous line's block (hard wrap).
    Cont = 3,
    /// A subheading inside an article body.
    Sub = 4,
    /// An author line.
    Byline = 5,
    /// A headline in a list of stories.
    Headline = 6,
    /// A teaser under a listed headline.
    Teaser = 7,
}

/// Number of roles.
pub const NR: usize = 8;
/// All roles, by index.
pub const ROLES: [LineRole; NR] = [
    LineRole::Boiler,
    LineRole::Title,
    LineRole::Para,
    LineRole::Cont,
    LineRole::Sub,
    LineRole::Byline,
    LineRole::Headline,
    LineRole::Teaser,
];

impl LineRole {
    /// The role's short name.
    pub fn name(self) -> &'static str {
        ["boiler", "title", "para", "cont", "sub", "byline", "headline", "teaser"][self as usize]
    }
}

/// Hash bits of the feature table.
pub const BUCKET_BITS: u32 = 17;
/// Bumped whenever the features change (the model records it).
pub const FEATURE_VERSION: u32 = 5;

/// One physical line: its trimmed span, indentation and blank-line neighbourhood.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhysLine {
    /// Trimmed content.
    pub span: Span,
    /// Leading columns (a tab counts 4).
    pub indent: u32,
    /// A blank line (or the start) precedes it.
    pub blank_before: bool,
}

/// The non-blank physical lines of `text`.
pub fn physical_lines(text: &str) -> Vec<PhysLine> {
    // sized once (at most one line per newline, and one after the last): no doubling slack
    let mut out = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
    let mut blank = true;
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut push = |s: usize, e: usize, blank: &mut bool| {
        let raw = &text[s..e];
        let lead = raw.len() - raw.trim_start().len();
        let t = raw.trim();
        if t.is_empty() {
            *blank = true;
            return;
        }
        let indent = raw[..lead].chars().map(|c| if c == '\t' { 4 } else { 1 }).sum::<u32>();
        out.push(PhysLine { span: Span::new(s + lead, s + lead + t.len()), indent, blank_before: *blank });
        *blank = false;
    };
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            push(start, i, &mut blank);
            start = i + 1;
        }
    }
    if start < text.len() {
        push(start, text.len(), &mut blank);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn physical_lines_keep_indent_and_blanks() {
        let t = "a\n\n   b c\n\tdone";
        let ls = physical_lines(t);
        assert_eq!(ls.len(), 3);
        assert_eq!((ls[1].indent, ls[1].blank_before, ls[1].span.slice(t)), (3, true, "b c"));
        assert_eq!((ls[2].indent, ls[2].blank_before), (4, false));
    }

    #[test]
    fn picture_lines_in_every_shape() {
        macro_rules! p {
            ($s:expr, $want:ident) => {
                assert_eq!(picture($s), Pic::$want, "{:?}", $s);
            };
        }
        // images: markdown, a linked markdown image, lynx, w3m
        p!("![A ferry at the quay](https://example.org/f.jpg)", Image);
        p!("[![Harbour cranes](https://example.org/c.png)](https://example.org/gallery)", Image);
        p!("[IMG]", Image);
        p!("[image]", Image);
        p!("[photo] [photo]", Image);
        p!("[Image: two ferries at dusk]", Image);
        // captions and credits
        p!("Photo: Ann Example/Example Pictures", Caption);
        p!("Image: A ferry leaves the harbour at dawn on Monday", Caption);
        p!("(Photo credit: Example Studio)", Caption);
        p!("*A ferry leaves the harbour at dawn. Photo: File*", Caption);
        p!("Ferries wait at the quay (Photograph: A. Name/Agency)", Caption);
        // emphasis: a caption only under an image (see picture_line)
        p!("*A ferry leaves the harbour at dawn*", Emphasis);
        p!("_Ferries at the quay_", Emphasis);
        // not pictures
        p!("**Bold lead-in**", No);
        p!("[Read more](https://example.org/more)", No);
        p!("[Photos](https://example.org/photos)", No);
        p!("[Photo] Ferry strike ends after ten days", No);
        p!("He said the photo: was not his, and left.", No);
        p!("Photo opportunities drew a crowd to the pier on Sunday.", No);
        p!("The council met on Monday. Photo booths were removed from the station, it said.", No);
    }

    #[test]
    fn a_picture_is_never_title_or_body() {
        let t = "# Ferry strike ends\n\n![A ferry](https://example.org/f.jpg)\n*A ferry at the quay, seen from the harbour wall on Monday*\n\nThe ferry strike ended on Monday after ten days, the union said, and sailings resume on Tuesday morning from every port.\n";
        let ls = physical_lines(t);
        let (_, ok) = features_and_allowed(t, &ls);
        assert_eq!(ok, vec![u8::MAX, PICTURE_ROLES, PICTURE_ROLES, u8::MAX]);
        let roles = shipped().roles(t, &ls);
        assert_eq!((roles[1], roles[2]), (LineRole::Boiler, LineRole::Boiler));
    }
}
