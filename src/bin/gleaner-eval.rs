//! Evaluation placeholder: `gleaner-eval ner|time|quotes ...`.
fn main() {}
