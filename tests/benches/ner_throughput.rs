//! Criterion benches of the NER tagger alone (native), throughput in tokens (criterion's
//! `elem/s`). Run: `cargo bench --bench ner_throughput`.
//!
//! Inputs: the CoNLL-2003 dev documents rebuilt as text, as one document (a paragraph
//! region per sentence) and as 216 documents (as `gleaner-eval ner` tags them), the sample
//! dump (a region per line), and pathological inputs (1 MB without a newline, 10k
//! unbalanced quotes). Data under ../shared is optional: missing inputs are skipped with a
//! message.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gleaner::{Region, RegionKind, Span};
use std::hint::black_box;

fn lines(text: &str, kind: RegionKind) -> Vec<Region> {
    let mut out = Vec::new();
    let mut pos = 0;
    for l in text.split_inclusive('\n') {
        let t = l.trim_end();
        if !t.trim().is_empty() && t.trim() != "-" {
            out.push(Region { span: Span::new(pos, pos + t.len()), kind, article: None });
        }
        pos += l.len();
    }
    out
}

fn benches(c: &mut Criterion) {
    let tag = |t: &str, r: &[Region]| gleaner::eval::ner::tag(t, r).1;
    // (name, documents as (text, regions))
    let mut inputs: Vec<(String, Vec<(String, Vec<Region>)>)> = Vec::new();
    match gleaner::eval::shared_data_dir().and_then(|d| std::fs::read_to_string(d.join("conll2003/dev.txt")).ok()) {
        Some(dev) => {
            let docs = gleaner::eval::ner::parse_conll(&dev, None);
            let mut text = String::new();
            for d in &docs {
                text.push_str(&gleaner::eval::ner::doc_text(d).0);
            }
            let regions = lines(&text, RegionKind::Paragraph);
            inputs.push(("conll2003 dev, 1 doc".into(), vec![(text, regions)]));
            let per_doc = docs
                .iter()
                .map(|d| {
                    let (t, spans) = gleaner::eval::ner::doc_text(d);
                    let r = gleaner::eval::ner::doc_regions(&spans);
                    (t, r)
                })
                .collect();
            inputs.push(("conll2003 dev, 216 docs".into(), per_doc));
        }
        None => eprintln!("SKIPPED conll2003 dev benches: ../shared/data missing"),
    }
    match std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/000_bfeed5d58f9e5359.txt")) {
        Ok(sample) => {
            let regions = lines(&sample, RegionKind::Paragraph);
            inputs.push(("sample dump".into(), vec![(sample, regions)]));
        }
        Err(_) => eprintln!("SKIPPED sample dump bench: ../shared/samples missing"),
    }
    let whole = |t: String| {
        let r = vec![Region { span: Span::new(0, t.len()), kind: RegionKind::Paragraph, article: None }];
        vec![(t, r)]
    };
    inputs.push(("1 MB, no newline".into(), whole("Lee met Xi in Beijing and they talked about trade with Japan ".repeat(16_000))));
    inputs.push(("10k unbalanced quotes".into(), whole("\"'".repeat(10_000) + " Tokyo")));

    let mut g = c.benchmark_group("ner");
    g.sample_size(10);
    for (name, docs) in &inputs {
        let tokens: usize = docs.iter().map(|(t, r)| tag(t, r)).sum();
        g.throughput(Throughput::Elements(tokens as u64));
        g.bench_function(name.as_str(), |b| b.iter(|| docs.iter().map(|(t, r)| tag(black_box(t), r)).sum::<usize>()));
    }
    g.finish();
}

criterion_group!(ner, benches);
criterion_main!(ner);
