//! Story clusters: headlines and titles that report the same story. (Placeholder.)

use serde::{Deserialize, Serialize};

use crate::document::Document;

/// Headlines (and article titles) that report the same story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct StoryCluster {
    /// A short label.
    pub label: String,
    /// Indices into [`Document::headlines`].
    pub headlines: Vec<usize>,
    /// Indices into [`Document::articles`] whose titles belong here.
    pub articles: Vec<usize>,
    /// Shared entities (canonical names).
    pub shared_entities: Vec<String>,
    /// Shared content terms.
    pub shared_terms: Vec<String>,
}

/// Cluster the headlines and titles of `doc`.
pub fn cluster(_text: &str, _doc: &Document) -> Vec<StoryCluster> {
    Vec::new()
}
