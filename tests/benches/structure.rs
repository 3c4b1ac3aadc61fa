//! Criterion bench of the structure layer alone on real pages: every dev dump in
//! `../shared/dumps` (readability and trafilatura in four shapes, the page openings)
//! concatenated, and a 4x copy of that (linear time shows as equal MB/s).
//! Run: `cargo bench --bench structure` (skips when `../shared/dumps` is missing or `$GLEANER_DUMPS`).
//!
//! * `blocks/…`: [`gleaner::blocks`], the classified blocks;
//! * `structure/…`: [`gleaner::Gleaner::parse`] with entities, quotes, times, amounts and
//!   clusters off: blocks plus the document structure.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;

/// Every `.txt` under `dir`'s set folders, in path order, joined by blank lines.
fn all_dumps(dir: &Path) -> String {
    let mut files = Vec::new();
    for set in ["readability", "trafilatura", "pages"] {
        let shapes: &[&str] = if set == "pages" { &[""] } else { &["chromium", "lynx", "w3m", "markdown"] };
        for shape in shapes {
            let d = dir.join(set).join(shape);
            let Ok(rd) = std::fs::read_dir(&d) else { continue };
            files.extend(rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")));
        }
    }
    files.sort();
    let mut out = String::new();
    for f in files {
        if let Ok(t) = std::fs::read_to_string(&f) {
            out.push_str(&t);
            out.push_str("\n\n");
        }
    }
    out
}

fn benches(c: &mut Criterion) {
    let Some(dir) = gleaner::eval::structure::dumps_dir() else {
        eprintln!("SKIPPED structure benches: ../shared/dumps missing");
        return;
    };
    let one = all_dumps(&dir);
    let inputs = [("dev dumps", one.clone()), ("dev dumps x4", one.repeat(4))];
    let structure = gleaner::Gleaner::builder().entities(false).quotes(false).times(false).amounts(false).clusters(false).build().unwrap();
    let mut g = c.benchmark_group("structure");
    g.sample_size(10);
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("blocks/{name}"), |b| b.iter(|| gleaner::blocks(black_box(text)).count()));
        g.bench_function(format!("structure/{name}"), |b| b.iter(|| structure.parse(black_box(text))));
    }
    g.finish();
}

criterion_group!(structure, benches);
criterion_main!(structure);
