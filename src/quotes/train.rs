//! `gleaner-train speakers`: trains the speaker ranker ([`super::rank`]) on PolNeAR train and
//! writes `src/data/speakers.model` and `src/data/speakers.MANIFEST`.
//!
//! Each article goes through the product path ([`crate::parse`]: structure, tagger,
//! resolution); every quote the rules attribute gives one ranking instance whose candidates
//! overlapping the gold Source are right. An averaged perceptron (instances shuffled per
//! epoch by a seeded generator) learns the weights; weights under `--prune` are dropped.
//! Deterministic: the same inputs and options give the same bytes. PolNeAR dev is never read
//! for training; `--dev` only reports the new model's scores on it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::rank::{Candidate, SpeakerModel, FEATURE_VERSION};
use super::Ranking;
use crate::span::Span;

/// Training options.
#[derive(Clone, Debug)]
pub struct Config {
    /// PolNeAR train directory.
    pub data: PathBuf,
    /// Where the model and manifest go.
    pub out: PathBuf,
    /// Passes over the instances.
    pub epochs: usize,
    /// Shuffle seed.
    pub seed: u64,
    /// Weights with a smaller magnitude are dropped.
    pub prune: f32,
    /// Also score the new model on this PolNeAR directory (never trained on).
    pub dev: Option<PathBuf>,
}

/// One quote: its candidates and which are right.
struct Instance {
    cands: Vec<Candidate>,
    right: Vec<bool>,
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Ranking instances of a PolNeAR directory, and the files read.
fn instances(dir: &Path) -> Result<(Vec<Instance>, Vec<PathBuf>), String> {
    let mut out = Vec::new();
    let mut files = Vec::new();
    let zero = SpeakerModel::default();
    for a in crate::eval::quotes::polnear_articles(dir)? {
        files.extend(a.files.iter().cloned());
        let gold = crate::eval::quotes::gold_spans(&a.text, &a.ann);
        let doc = crate::parse(&a.text);
        let mut got: Vec<(Vec<Span>, Vec<Candidate>)> = Vec::new();
        let mut sink = |parts: &[Span], c: &[Candidate]| got.push((parts.to_vec(), c.to_vec()));
        super::extract_ranked(&a.text, &doc, &mut Ranking { model: &zero, sink: Some(&mut sink) });
        for (parts, cands) in got {
            let Some((_, sources)) = gold.iter().find(|(g, _)| parts.iter().any(|&p| overlaps(p, *g))) else { continue };
            if sources.is_empty() {
                continue;
            }
            let right: Vec<bool> = cands.iter().map(|c| sources.iter().any(|&s| overlaps(s, c.span))).collect();
            if right.iter().any(|&r| r) {
                out.push(Instance { cands, right });
            }
        }
    }
    Ok((out, files))
}

/// Averaged perceptron over ranking instances.
fn train(inst: &[Instance], epochs: usize, seed: u64) -> HashMap<u32, f32> {
    let mut w: HashMap<u32, f32> = HashMap::new();
    // sum over updates of c·Δ, for the average w − u/c
    let mut u: HashMap<u32, f32> = HashMap::new();
    let mut c: f32 = 1.0;
    let mut order: Vec<usize> = (0..inst.len()).collect();
    let mut rng = seed | 1;
    let model_score = |w: &HashMap<u32, f32>, f: &[u32]| -> f32 { f.iter().map(|x| w.get(x).copied().unwrap_or(0.0)).sum() };
    for _ in 0..epochs {
        // Fisher-Yates with xorshift
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let x = &inst[i];
            let scores: Vec<f32> = x.cands.iter().map(|k| model_score(&w, &k.feats)).collect();
            let mut pred = 0;
            for j in 1..scores.len() {
                if scores[j] > scores[pred] || (scores[j] == scores[pred] && x.cands[j].rule && !x.cands[pred].rule) {
                    pred = j;
                }
            }
            if !x.right[pred] {
                let gold = (0..x.cands.len()).filter(|&j| x.right[j]).max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a))).unwrap_or(0);
                for &f in &x.cands[gold].feats {
                    *w.entry(f).or_default() += 1.0;
                    *u.entry(f).or_default() += c;
                }
                for &f in &x.cands[pred].feats {
                    *w.entry(f).or_default() -= 1.0;
                    *u.entry(f).or_default() -= c;
                }
            }
            c += 1.0;
        }
    }
    w.iter().map(|(&k, &v)| (k, v - u.get(&k).copied().unwrap_or(0.0) / c)).collect()
}

/// Top-1 accuracy of `m` over instances.
fn accuracy(m: &SpeakerModel, inst: &[Instance]) -> (usize, usize) {
    let ok = inst.iter().filter(|x| m.best(&x.cands).is_some_and(|b| x.right[b])).count();
    (ok, inst.len())
}

/// Train, write the model and manifest; returns a summary.
pub fn run(cfg: &Config, command: &str) -> Result<String, String> {
    let (inst, files) = instances(&cfg.data)?;
    let rules = accuracy(&SpeakerModel::default(), &inst);
    let raw = train(&inst, cfg.epochs, cfg.seed);
    let weights: HashMap<u32, f32> = raw.into_iter().filter(|(_, v)| v.abs() >= cfg.prune && *v != 0.0).collect();
    let model = SpeakerModel::new(weights);
    let trained = accuracy(&model, &inst);
    let bytes = model.to_bytes();
    std::fs::create_dir_all(&cfg.out).map_err(|e| format!("{}: {e}", cfg.out.display()))?;
    std::fs::write(cfg.out.join("speakers.model"), &bytes).map_err(|e| format!("writing speakers.model: {e}"))?;
    let mut man = String::new();
    man.push_str("# Generated by gleaner-train speakers. Do not edit; regenerate with the command below.\n");
    man.push_str(&format!("command: {command}\n"));
    man.push_str(&format!("feature_version: {FEATURE_VERSION}\nformat: 1\nweights: {}\n", model.len()));
    man.push_str(&format!("instances: {} quotes of PolNeAR train with a gold Source among the candidates\n", inst.len()));
    man.push_str(&format!("train top-1: rules {}/{} -> model {}/{}\n", rules.0, rules.1, trained.0, trained.1));
    man.push_str(&format!("output: speakers.model {} bytes sha256 {}\n\n## inputs (sha256, under {})\n", bytes.len(), crate::tagger::train::sha256_hex(&bytes), cfg.data.display()));
    let mut files = files;
    files.sort();
    for f in &files {
        let data = std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let rel = f.strip_prefix(&cfg.data).unwrap_or(f);
        man.push_str(&format!("{}  {}\n", crate::tagger::train::sha256_hex(&data), rel.display()));
    }
    std::fs::write(cfg.out.join("speakers.MANIFEST"), man).map_err(|e| format!("writing speakers.MANIFEST: {e}"))?;
    let mut summary = format!(
        "speakers: {} instances; train top-1 rules {:.3} -> model {:.3}; {} weights, {} bytes\n",
        inst.len(),
        rules.0 as f64 / rules.1.max(1) as f64,
        trained.0 as f64 / trained.1.max(1) as f64,
        model.len(),
        bytes.len()
    );
    if let Some(dev) = &cfg.dev {
        let r = crate::eval::quotes::evaluate_by(dev, false, &|text: &str| {
            let doc = crate::parse(text);
            super::extract_ranked(text, &doc, &mut Ranking { model: &model, sink: None })
        })?;
        summary.push_str(&format!("dev (report only): exact F {:.3}, speaker {:.3} ({}/{})\n", r.exact.f(), r.speaker.acc(), r.speaker.correct, r.speaker.total));
        for (k, a) in &r.speaker_by_source {
            summary.push_str(&format!("  {k:<10} {:.3} ({}/{})\n", a.acc(), a.correct, a.total));
        }
    }
    Ok(summary)
}

/// `gleaner-train speakers [--data DIR] [--out DIR] [--epochs N] [--seed N] [--prune X] [--dev DIR]`.
pub fn cli(args: &[String]) -> i32 {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = crate::eval::shared_data_dir().unwrap_or_else(|| root.join("../shared/data"));
    let mut cfg = Config { data: data.join("polnear/train"), out: root.join("src/data"), epochs: 10, seed: 11, prune: 0.001, dev: None };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().cloned().unwrap_or_default();
        match a.as_str() {
            "--data" => cfg.data = PathBuf::from(val()),
            "--out" => cfg.out = PathBuf::from(val()),
            "--dev" => cfg.dev = Some(PathBuf::from(val())),
            "--epochs" => match val().parse() {
                Ok(n) => cfg.epochs = n,
                Err(_) => return bad("--epochs needs a number"),
            },
            "--seed" => match val().parse() {
                Ok(n) => cfg.seed = n,
                Err(_) => return bad("--seed needs a number"),
            },
            "--prune" => match val().parse() {
                Ok(n) => cfg.prune = n,
                Err(_) => return bad("--prune needs a number"),
            },
            "--help" | "-h" => {
                println!("usage: gleaner-train speakers [--data DIR] [--out DIR] [--epochs N] [--seed N] [--prune X] [--dev DIR]");
                return 0;
            }
            other => return bad(&format!("unknown argument {other}")),
        }
    }
    let command = format!(
        "cargo run --release --features train --bin gleaner-train -- speakers --epochs {} --seed {} --prune {}",
        cfg.epochs, cfg.seed, cfg.prune
    );
    match run(&cfg, &command) {
        Ok(s) => {
            print!("{s}");
            0
        }
        Err(e) => {
            eprintln!("gleaner-train speakers: {e}");
            1
        }
    }
}

fn bad(msg: &str) -> i32 {
    eprintln!("gleaner-train speakers: {msg}");
    2
}
