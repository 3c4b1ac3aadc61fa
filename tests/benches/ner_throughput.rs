//! NER throughput (native). Run: `cargo test --release --bench ner_throughput -- --nocapture`
//! (`cargo bench` skips `#[test]`s).
//!
//! Written as `#[test]`s in a bench target so that it needs no extra dependency: each one
//! times `tag()` over a text and prints tokens/s. Inputs: the CoNLL-2003 dev documents
//! rebuilt as text (one paragraph region per sentence), the sample dump (one region per
//! line), and pathological inputs (1 MB without a newline, 10k unbalanced quotes).

use std::time::Instant;

use gleaner::{Region, RegionKind, Span};

fn time_it(name: &str, text: &str, regions: &[Region], min_tokens: usize) {
    let (_, n) = gleaner::eval::ner::tag(text, regions); // warm-up (loads the model)
    let mut tokens = 0;
    let t0 = Instant::now();
    while tokens < min_tokens || t0.elapsed().as_millis() < 500 {
        let (_, n2) = gleaner::eval::ner::tag(text, regions);
        tokens += n2;
    }
    let dt = t0.elapsed().as_secs_f64();
    println!("{name:>24}: {n:>8} tokens/pass, {:>9.0} tokens/s", tokens as f64 / dt);
}

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

#[test]
fn bench_ner() {
    let data = gleaner::eval::shared_data_dir();
    if let Some(dir) = &data {
        if let Ok(dev) = std::fs::read_to_string(dir.join("conll2003/dev.txt")) {
            let docs = gleaner::eval::ner::parse_conll(&dev, None);
            let mut text = String::new();
            for d in &docs {
                text.push_str(&gleaner::eval::ner::doc_text(d).0);
            }
            // One document of all dev text, a paragraph region per line.
            let regions = lines(&text, RegionKind::Paragraph);
            time_it("conll2003 dev (1 doc)", &text, &regions, 200_000);
            // Per -DOCSTART- document, as gleaner-eval does.
            let per_doc: Vec<(String, Vec<Region>)> = docs
                .iter()
                .map(|d| {
                    let (t, spans) = gleaner::eval::ner::doc_text(d);
                    let r = gleaner::eval::ner::doc_regions(&spans);
                    (t, r)
                })
                .collect();
            let t0 = Instant::now();
            let mut n = 0;
            for (t, r) in &per_doc {
                n += gleaner::eval::ner::tag(t, r).1;
            }
            println!("{:>24}: {n:>8} tokens,      {:>9.0} tokens/s", "conll2003 dev (216 docs)", n as f64 / t0.elapsed().as_secs_f64());
        }
        if let Ok(sample) = std::fs::read_to_string(dir.join("../samples/000_bfeed5d58f9e5359.txt")) {
            let regions = lines(&sample, RegionKind::Paragraph);
            time_it("sample dump", &sample, &regions, 200_000);
        }
    } else {
        eprintln!("SKIPPED: ../shared/data missing (only pathological inputs timed)");
    }
    let long = "Lee met Xi in Beijing and they talked about trade with Japan ".repeat(16_000);
    let r = vec![Region { span: Span::new(0, long.len()), kind: RegionKind::Paragraph, article: None }];
    time_it("1 MB, no newline", &long, &r, 200_000);
    let quotes = "\"'".repeat(10_000) + " Tokyo";
    let r = vec![Region { span: Span::new(0, quotes.len()), kind: RegionKind::Paragraph, article: None }];
    time_it("10k unbalanced quotes", &quotes, &r, 50_000);
}
