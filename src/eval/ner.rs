//! `gleaner-eval ner` (placeholder).

/// Run `gleaner-eval ner ARGS`; returns the process exit code.
pub fn cli(_args: &[String]) -> i32 {
    eprintln!("gleaner-eval ner: not implemented yet");
    2
}
