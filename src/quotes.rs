//! Direct quotes and their speakers. (Placeholder until the quotes work lands.)

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::span::Span;

/// A direct quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub text: String,
    /// Where the quoted words are (inside the marks); may run over several paragraphs.
    pub span: Span,
    /// The speaker as printed (`she`, `Heng`, `Lee's office`), if one was found.
    pub speaker: Option<String>,
    /// Where the speaker is.
    pub speaker_span: Option<Span>,
    /// The speaker's entity (index into [`Document::entities`]).
    pub entity: Option<usize>,
    /// The cue (`said`, `told AFP`, `added`).
    pub cue: Option<String>,
    /// The article it is in.
    pub article: Option<usize>,
}

/// Find the quotes in `doc`'s articles.
pub fn extract(_text: &str, _doc: &Document) -> Vec<Quote> {
    Vec::new()
}
