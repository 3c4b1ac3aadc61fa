//! `gleaner-eval time` (placeholder).

/// Run `gleaner-eval time ARGS`; returns the process exit code.
pub fn cli(_args: &[String]) -> i32 {
    eprintln!("gleaner-eval time: not implemented yet");
    2
}
