//! `gleaner-eval TASK ARGS…`: accuracy reports on labelled data (per-type P/R/F).
//!
//! Tasks: `ner FILE…` (CoNLL format), `time [DIR]` (TempEval-3 TimeML), `quotes [DIR]` (PolNeAR),
//! `structure [SET…]` (titles, bylines, bodies, headline lists on the `../shared/dumps` sets).
//! Run a task with `--help` for its arguments. Exit codes: 0 ok, 1 data missing or unreadable, 2 usage.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("ner") => gleaner::eval::ner::cli(&args[1..]),
        Some("time") => gleaner::eval::time::cli(&args[1..]),
        Some("quotes") => gleaner::eval::quotes::cli(&args[1..]),
        Some("structure") => gleaner::eval::structure::cli(&args[1..]),
        _ => {
            eprintln!("usage: gleaner-eval ner|time|quotes|structure [ARGS…]  (each task takes --help)");
            2
        }
    };
    std::process::exit(code);
}
