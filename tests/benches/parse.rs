//! Criterion benches: the structure layer and the whole pipeline on the sample dump and
//! pathological inputs (1 MB with no newline, 10k unbalanced quotes).
//! Run: `cargo bench --bench parse` (reads ../shared/samples; skips those benches when missing).
//! The tagger alone: `cargo bench --bench ner_throughput`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn sample() -> Option<String> {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/000_bfeed5d58f9e5359.txt")).ok()
}

fn benches(c: &mut Criterion) {
    let full = gleaner::Gleaner::builder().reference_date("2026-01-09").build().unwrap();
    let structure = gleaner::Gleaner::builder().entities(false).quotes(false).times(false).amounts(false).clusters(false).build().unwrap();
    full.parse("warm up the model");
    let mut inputs: Vec<(&str, String)> = Vec::new();
    if let Some(s) = sample() {
        inputs.push(("sample", s.clone()));
        inputs.push(("sample x20", (s + "\n\n").repeat(20)));
    } else {
        eprintln!("SKIPPED sample benches: ../shared/samples missing");
    }
    inputs.push(("1MB no newline", "Lee said the talks would go on, and Takaichi agreed ".repeat(20_000)));
    inputs.push(("10k unbalanced quotes", "He said \" and then ".repeat(10_000)));
    let mut g = c.benchmark_group("gleaner");
    g.sample_size(10);
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("structure/{name}"), |b| b.iter(|| structure.parse(black_box(text))));
        g.bench_function(format!("blocks/{name}"), |b| b.iter(|| gleaner::blocks(black_box(text)).count()));
        g.bench_function(format!("full/{name}"), |b| b.iter(|| full.parse(black_box(text))));
    }
    g.finish();
}

criterion_group!(parse, benches);
criterion_main!(parse);
