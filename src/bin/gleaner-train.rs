//! `gleaner-train`: rebuilds the NER artifacts in `src/data/` (lexicon lists, gazetteer and
//! cluster fsts, the tagger model, MANIFEST) from `../shared/data`. Deterministic: the same
//! inputs and options give the same bytes.
//!
//! ```text
//! cargo run --release --features train --bin gleaner-train -- roles [--cv K] …   (the line-role model)
//! cargo run --release --features train --bin gleaner-train -- speakers [--epochs N] [--seed N] [--dev DIR] …   (the quote speaker ranker)
//! cargo run --release --features train --bin gleaner-train -- [--data DIR] [--out DIR]
//!     [--epochs N] [--keep-rows N] [--seed N] [--title-aug PERMILLE] [--upper-aug PERMILLE]
//!     [--no-history] [--lexicons-only] [--btc PERMILLE] [--wnut PERMILLE] [--gum PERMILLE]
//! ```
//!
//! `--btc`, `--wnut`, `--gum`: also train on that set (MISC masked) with this weight per
//! mille of a CoNLL-2003 document's (1000 = the same, 0 = not at all).
//!
//! ```text
//! ```

use std::path::PathBuf;

use gleaner::eval::ner::train::{run, Config, Source};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("roles") {
        std::process::exit(gleaner::parse::roles::train::cli(&args[1..]));
    }
    if args.first().map(String::as_str) == Some("speakers") {
        std::process::exit(gleaner::eval::quotes::train_speakers(&args[1..]));
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut cfg = Config {
        data: gleaner::eval::shared_data_dir().unwrap_or_else(|| root.join("../shared/data")),
        out: root.join("src/data"),
        epochs: 15,
        keep_rows: 40_000,
        seed: 20_031,
        title_aug: 100,
        upper_aug: 50,
        history: true,
        lexicons_only: false,
        sources: Vec::new(),
    };
    let mut it = args.iter();
    let num = |v: Option<&String>, name: &str| -> u64 {
        v.and_then(|s| s.parse().ok()).unwrap_or_else(|| {
            eprintln!("gleaner-train: {name} needs a number");
            std::process::exit(2)
        })
    };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--data" => cfg.data = PathBuf::from(it.next().expect("--data DIR")),
            "--out" => cfg.out = PathBuf::from(it.next().expect("--out DIR")),
            "--epochs" => cfg.epochs = num(it.next(), a) as usize,
            "--keep-rows" => cfg.keep_rows = num(it.next(), a) as usize,
            "--seed" => cfg.seed = num(it.next(), a),
            "--title-aug" => cfg.title_aug = num(it.next(), a) as u32,
            "--upper-aug" => cfg.upper_aug = num(it.next(), a) as u32,
            "--no-history" => cfg.history = false,
            "--lexicons-only" => cfg.lexicons_only = true,
            "--btc" | "--wnut" | "--gum" => {
                let src = match a.as_str() {
                    "--btc" => Source::Btc,
                    "--wnut" => Source::Wnut,
                    _ => Source::Gum,
                };
                let w = num(it.next(), a) as u32;
                cfg.sources.retain(|(s, _)| *s != src);
                if w > 0 {
                    cfg.sources.push((src, w));
                }
            }
            "--help" | "-h" => {
                println!("see the header of src/bin/gleaner-train.rs");
                return;
            }
            other => {
                eprintln!("gleaner-train: unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    cfg.sources.sort();
    let cmd = format!(
        "cargo run --release --features train --bin gleaner-train -- --epochs {} --keep-rows {} --seed {} --title-aug {} --upper-aug {}{}{}",
        cfg.epochs,
        cfg.keep_rows,
        cfg.seed,
        cfg.title_aug,
        cfg.upper_aug,
        if cfg.history { "" } else { " --no-history" },
        cfg.sources.iter().map(|(s, w)| format!(" --{} {w}", s.name())).collect::<String>()
    );
    match run(&cfg, &cmd) {
        Ok(r) => print!("{r}"),
        Err(e) => {
            eprintln!("gleaner-train: {e}");
            std::process::exit(1);
        }
    }
}
