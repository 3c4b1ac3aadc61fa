//! Trainer placeholder (NER work).
fn main() {}
