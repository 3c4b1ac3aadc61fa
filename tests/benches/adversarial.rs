//! The adversarial suite, full size: every family in `tests/support/adversarial.rs` through the
//! release CLI at 256 KB and 1 MB, with CPU time and peak memory. Prints the README's
//! robustness table and exits 1 when a family that should be linear is not (4x the size costs
//! over 6x the time) or takes over 2 s at 1 MB.
//!
//! Run: `cargo bench --bench adversarial` (optionally `-- NAME…` for some families only).

#[path = "../support/adversarial.rs"]
mod adversarial;

use adversarial::{families, measure, table, Expect};

fn main() {
    let only: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    // GLEANER_ADV_EXE=PATH times another build of the CLI (an older commit, say) instead.
    let exe_var = std::env::var("GLEANER_ADV_EXE").unwrap_or_else(|_| env!("CARGO_BIN_EXE_gleaner").to_string());
    let exe = std::path::Path::new(&exe_var);
    // GLEANER_ADV_SMALL=65536 runs smaller sizes (for a quick look; no absolute limit then).
    let small = std::env::var("GLEANER_ADV_SMALL").ok().and_then(|v| v.parse().ok()).unwrap_or(256 << 10);
    // GLEANER_ADV_WRITE=DIR writes each family's larger input to DIR/NAME.txt instead (to time a stage by hand).
    if let Ok(dir) = std::env::var("GLEANER_ADV_WRITE") {
        for f in families().iter().filter(|f| only.is_empty() || only.iter().any(|o| *o == f.label())) {
            std::fs::write(std::path::Path::new(&dir).join(format!("{}.txt", f.label().replace('/', "_"))), f.input(small * 4)).expect("write input");
        }
        return;
    }
    let mut rows = Vec::new();
    for f in families().iter().filter(|f| only.is_empty() || only.iter().any(|o| *o == f.label())) {
        let row = measure(exe, f, small, 0.25, (small == 256 << 10).then_some(adversarial::MAX_SECS_1MB));
        eprintln!("{}: {:.2} s / {:.2} s{}", f.label(), row.small.1.wall, row.big.1.wall, row.problem.as_ref().map(|p| format!("  ({p})")).unwrap_or_default());
        rows.push(row);
    }
    println!("{}", table(&rows));
    let failed: Vec<&str> = rows.iter().filter(|r| r.problem.is_some() && r.expect == Expect::Linear).map(|r| r.name.as_str()).collect();
    if !failed.is_empty() {
        eprintln!("not linear: {}", failed.join(", "));
        std::process::exit(1);
    }
}
