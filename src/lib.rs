//! gleaner turns a raw text dump of news pages into structured data.
//!
//! # Overview
//!
//! A dump is whatever a person copied from a news site: a list of headlines, an article
//! with its title, dateline, subheadings, quotes and byline, and page clutter. gleaner
//! works in two layers:
//!
//! * the **structure layer**, [`blocks`], an iterator of classified blocks (headline,
//!   title, dateline, paragraph, byline, boilerplate, …) with byte spans, in the style of
//!   pulldown-cmark's offset iterator;
//! * the **document layer**, [`Gleaner::parse`], which builds a [`Document`]: headlines,
//!   articles, entity mentions and entities, quotes, time expressions, amounts and story
//!   clusters.
//!
//! Extraction never fails: any string is valid input. Only configuration can be wrong, and
//! it is validated once by [`GleanerBuilder::build`].
//!
//! # Example
//!
//! ```
//! let g = gleaner::Gleaner::new();
//! let doc = g.parse("-\nFirst headline\n-\nSecond headline\n");
//! assert_eq!(doc.headlines.len(), 2);
//! assert_eq!(doc.headlines[1].text, "Second headline");
//! ```
//!
//! # Features
//!
//! * `wasm`: the JavaScript bindings in `src/wasm.rs`.
//! * `python`: the Python extension module in `src/python.rs` (built by maturin).
//! * `train`: the trainer and evaluation tools.
#![deny(missing_docs)]

mod cluster;
mod codec;
mod document;
mod error;
#[doc(hidden)]
pub mod eval;
mod gazetteer;
mod options;
pub mod parse;
mod pipeline;
mod places;
mod quotes;
mod resolve;
mod rules;
mod span;
mod tagger;
mod text;

#[cfg(feature = "wasm")]
pub mod wasm;

#[cfg(feature = "python")]
mod python;

pub use crate::document::*;
pub use crate::error::Error;
pub use crate::options::{Gleaner, GleanerBuilder, Options};
pub use crate::pipeline::Progress;
pub use crate::parse::{blocks, Block, BlockKind, Blocks};
pub use crate::rules::amount::AmountKind;
pub use crate::rules::time::TimeType;
pub use crate::span::{with_utf16_offsets, Span, Utf16Map};

/// The crate version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Parse `text` with default options (a one-shot convenience for [`Gleaner::parse`]).
pub fn parse(text: &str) -> Document {
    Gleaner::new().parse(text)
}
