//! The output model: one serde schema for Rust, JSON and TypeScript.
//!
//! Every offset is a [`Span`]: bytes in Rust and in the CLI's JSON, UTF-16 code units in JS.
//! Types produced by later stages live next to the code that makes them (entities in
//! `resolve`, quotes in `quotes`, time expressions and amounts in `rules`, clusters in
//! `cluster`) and are re-exported from the crate root.

use serde::{Deserialize, Serialize};

use crate::span::Span;

pub use crate::cluster::StoryCluster;
pub use crate::quotes::Quote;
pub use crate::resolve::{Entity, Role};
pub use crate::rules::amount::Amount;
pub use crate::rules::time::TimeExpr;

/// What the dump as a whole is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// Nothing but whitespace or clutter.
    Empty,
    /// Headlines only, no article.
    Listing,
    /// One article (possibly with page clutter), no headline list.
    Article,
    /// Several articles, no headline list.
    Articles,
    /// Headline list(s) and article(s).
    Mixed,
}

/// The structured result of parsing one dump.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// What the dump is.
    pub kind: DocumentKind,
    /// Every headline, in input order, from every list (see [`Headline::list`]).
    pub headlines: Vec<Headline>,
    /// The articles, in input order.
    pub articles: Vec<Article>,
    /// Page clutter: menus, widgets, tickers, rules, cookie text.
    pub boilerplate: Vec<Boilerplate>,
    /// Entity mentions (PER/ORG/LOC/MISC) in headlines, titles, subheadings and paragraphs, in text order.
    pub mentions: Vec<Mention>,
    /// Mentions grouped into entities, most salient first.
    pub entities: Vec<Entity>,
    /// Direct quotes with their speakers.
    pub quotes: Vec<Quote>,
    /// Time expressions (TIMEX3 type and ISO value).
    pub times: Vec<TimeExpr>,
    /// Money, percentages and quantities.
    pub amounts: Vec<Amount>,
    /// Headlines and titles that report the same story.
    pub clusters: Vec<StoryCluster>,
    /// Counts.
    pub stats: Stats,
}

/// A piece of text with its span. `text` is the cleaned text (hard-wrapped lines rejoined
/// with single spaces, surrounding whitespace trimmed); `span` covers the original.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Snippet {
    /// Cleaned text.
    pub text: String,
    /// Where it is in the input.
    pub span: Span,
}

/// What a headline list is on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum ListRole {
    /// The page's own list of stories.
    Main,
    /// "Related", "More stories", "Read also" lists next to an article.
    Related,
    /// "Most read", "Popular", "Trending" lists.
    Popular,
    /// Breaking-news tickers (bullet- or `•`-joined lines).
    Ticker,
}

/// A headline in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Headline {
    /// The headline text (without any glued timestamp).
    pub text: String,
    /// Where the headline text is.
    pub span: Span,
    /// A timestamp printed before, after or glued to the headline.
    pub time: Option<Timestamp>,
    /// A teaser line under the headline.
    pub teaser: Option<Snippet>,
    /// Index of the list this headline belongs to (0-based, in input order).
    pub list: usize,
    /// What that list is.
    pub role: ListRole,
}

/// A publish or update time printed on the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Timestamp {
    /// As printed.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// ISO 8601 (`2024-10-03T11:26:50Z`, `2026-01-09T10:26:24`, `2026-01-09`) when it could be read.
    pub iso: Option<String>,
}

/// An article: title, dateline, byline, sections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// The title, if the dump has one.
    pub title: Option<Snippet>,
    /// The dateline at the start of the body (`Jakarta (AFP) –`).
    pub dateline: Option<Dateline>,
    /// The byline, at the top (`BY STUART WILLIAMS`) or the end (`K.Tanaka--ABCD`).
    pub byline: Option<Byline>,
    /// The publish time printed with the article.
    pub published: Option<Timestamp>,
    /// Sections in order; the first has no heading unless the article starts with one.
    pub sections: Vec<Section>,
    /// An end mark (`END`, `[Copyright …]`).
    pub end_mark: Option<Snippet>,
    /// From the title (or first block) to the last block of the article.
    pub span: Span,
}

/// A run of paragraphs under an optional subheading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Section {
    /// The subheading (`Old wounds` for `- Old wounds -`).
    pub heading: Option<Snippet>,
    /// The paragraphs.
    pub paragraphs: Vec<Snippet>,
}

/// A dateline split into its parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Dateline {
    /// The dateline as printed, including its closing dash or bar.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// The place (`Jakarta`, `Maribo (Denmark)`, `FORT LAUDERDALE, Fla.`).
    pub place: Option<String>,
    /// The date as printed (`Jan. 9`).
    pub date: Option<String>,
    /// The agency (`AFP`, `Jiji Press`).
    pub agency: Option<String>,
}

/// Where a byline was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum BylinePosition {
    /// Before the body.
    Top,
    /// After the body.
    End,
}

/// An author line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Byline {
    /// As printed.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Authors, normalised (`K. Tanaka`, `Stuart Williams`).
    pub authors: Vec<String>,
    /// The agency or site code (`ABCD`, `Reuters`).
    pub source: Option<String>,
    /// Top or end.
    pub position: BylinePosition,
}

/// What kind of clutter a boilerplate block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// Navigation menus, section lists, breadcrumbs.
    Menu,
    /// Share / print / follow / comment widgets.
    Share,
    /// Cookie and consent text, subscription prompts.
    Consent,
    /// Market tickers (`RBGPF 100% 61.11 $`).
    Ticker,
    /// `Read More »`, `Continue reading`.
    ReadMore,
    /// Rule lines (`-----`, `***`).
    Rule,
    /// Copyright and legal footers.
    Legal,
    /// List headings (`Related stories`, `Most read`).
    ListHeading,
    /// Anything else judged not to be content.
    Other,
}

/// A block of page clutter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Boilerplate {
    /// What it is.
    pub kind: BoilerplateKind,
    /// The text as printed.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// CoNLL-2003 entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum EntityLabel {
    /// People (and fictional characters).
    PER,
    /// Organisations: companies, bodies, teams, parties, agencies.
    ORG,
    /// Places: countries, cities, regions, seas, landmarks.
    LOC,
    /// Other names: nationalities, events, products, works, languages.
    MISC,
}

impl EntityLabel {
    /// All labels in a fixed order.
    pub const ALL: [EntityLabel; 4] = [EntityLabel::PER, EntityLabel::ORG, EntityLabel::LOC, EntityLabel::MISC];

    /// `"PER"`, `"ORG"`, `"LOC"` or `"MISC"`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::PER => "PER",
            EntityLabel::ORG => "ORG",
            EntityLabel::LOC => "LOC",
            EntityLabel::MISC => "MISC",
        }
    }

    /// Parse `"PER"`, `"ORG"`, `"LOC"`, `"MISC"` (also `PERSON`, `GPE`-free CoNLL spellings only).
    pub fn parse(s: &str) -> Option<EntityLabel> {
        match s {
            "PER" | "PERSON" => Some(EntityLabel::PER),
            "ORG" => Some(EntityLabel::ORG),
            "LOC" => Some(EntityLabel::LOC),
            "MISC" => Some(EntityLabel::MISC),
            _ => None,
        }
    }
}

/// One entity mention found in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Mention {
    /// The mention as printed.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Its type.
    pub label: EntityLabel,
    /// The tagger's confidence in [0, 1].
    pub confidence: f32,
    /// Index into [`Document::entities`] once mentions are grouped.
    pub entity: Option<usize>,
}

/// Counts of what was found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Input size in bytes (UTF-8).
    pub bytes: usize,
    /// Number of lines.
    pub lines: usize,
    /// Number of structure blocks.
    pub blocks: usize,
    /// Number of paragraphs over all articles.
    pub paragraphs: usize,
    /// Number of tokens the tagger read.
    pub tokens: usize,
    /// Bytes inside boilerplate blocks.
    pub boilerplate_bytes: usize,
}

/// What part of a document a region of text is (used by the extractors).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RegionKind {
    /// A headline in a list (Title Case, often no verb).
    Headline,
    /// A teaser under a headline.
    Teaser,
    /// An article title.
    Title,
    /// A subheading inside an article.
    Subheading,
    /// A body paragraph.
    Paragraph,
}

/// A region of the input the extractors read: one headline, title, subheading or paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// Where it is in the input (may span several hard-wrapped lines).
    pub span: Span,
    /// What it is.
    pub kind: RegionKind,
    /// The article it belongs to, if any.
    pub article: Option<usize>,
}

impl Document {
    /// An empty document for `text` (structure not yet filled).
    pub fn empty(text: &str) -> Document {
        Document {
            kind: DocumentKind::Empty,
            headlines: Vec::new(),
            articles: Vec::new(),
            boilerplate: Vec::new(),
            mentions: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            times: Vec::new(),
            amounts: Vec::new(),
            clusters: Vec::new(),
            stats: Stats { bytes: text.len(), lines: count_lines(text), ..Stats::default() },
        }
    }

    /// Every text region in input order: headlines, teasers, titles, subheadings, paragraphs.
    pub fn regions(&self) -> Vec<Region> {
        let mut out = Vec::new();
        for h in &self.headlines {
            out.push(Region { span: h.span, kind: RegionKind::Headline, article: None });
            if let Some(t) = &h.teaser {
                out.push(Region { span: t.span, kind: RegionKind::Teaser, article: None });
            }
        }
        for (i, a) in self.articles.iter().enumerate() {
            if let Some(t) = &a.title {
                out.push(Region { span: t.span, kind: RegionKind::Title, article: Some(i) });
            }
            for s in &a.sections {
                if let Some(h) = &s.heading {
                    out.push(Region { span: h.span, kind: RegionKind::Subheading, article: Some(i) });
                }
                for p in &s.paragraphs {
                    out.push(Region { span: p.span, kind: RegionKind::Paragraph, article: Some(i) });
                }
            }
        }
        out.sort_by_key(|r| (r.span.start, r.span.end));
        out
    }

    /// All paragraphs of article `i`, in order.
    pub fn paragraphs(&self, article: usize) -> impl Iterator<Item = &Snippet> {
        self.articles.get(article).into_iter().flat_map(|a| a.sections.iter()).flat_map(|s| s.paragraphs.iter())
    }
}

/// Number of lines (a final line without a newline counts).
fn count_lines(text: &str) -> usize {
    let n = text.bytes().filter(|&b| b == b'\n').count();
    if text.is_empty() || text.ends_with('\n') {
        n
    } else {
        n + 1
    }
}
