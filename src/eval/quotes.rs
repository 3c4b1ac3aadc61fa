//! `gleaner-eval quotes` (placeholder).

/// Run `gleaner-eval quotes ARGS`; returns the process exit code.
pub fn cli(_args: &[String]) -> i32 {
    eprintln!("gleaner-eval quotes: not implemented yet");
    2
}
