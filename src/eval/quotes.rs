//! `gleaner-eval quotes`: direct quotes and their speakers against PolNeAR (placeholder body).

/// Direct access to the entity, quote and cluster stages on a hand-built [`crate::Document`],
/// for tests and evaluation that must not depend on the structure parser or the tagger.
pub mod stages {
    use crate::document::{Document, Quote, StoryCluster};

    /// Run entity resolution (`doc.entities`, each mention's `entity`).
    pub fn resolve(text: &str, doc: &mut Document) {
        crate::resolve::resolve(text, doc)
    }

    /// Run quote extraction (after [`resolve`]).
    pub fn quotes(text: &str, doc: &Document) -> Vec<Quote> {
        crate::quotes::extract(text, doc)
    }

    /// Run story clustering.
    pub fn cluster(text: &str, doc: &Document) -> Vec<StoryCluster> {
        crate::cluster::cluster(text, doc)
    }
}

/// Run `gleaner-eval quotes ARGS`; returns the process exit code.
pub fn cli(_args: &[String]) -> i32 {
    eprintln!("gleaner-eval quotes: not implemented yet");
    2
}
