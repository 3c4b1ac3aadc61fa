//! Structure accuracy floors on the real dumps in `../shared/dumps` (readability, trafilatura,
//! pages), a little under what `cargo run --release --bin gleaner-eval -- structure` measures.
//! Raise a floor when the parser improves: edit its number in `FLOORS`, nothing else. These
//! are the shipped model's scores on the pages it was trained on (a regression guard); the
//! README reports the cross-validated ones (`gleaner-train roles --cv 4`).

use gleaner::eval::structure::{self, Config, Report};

type Metric = fn(&Report) -> f64;

/// (what, floor, how to read it from the report). Accuracies and F1s are in [0, 1]; every
/// floor is above zero so that each line can fail.
static FLOORS: &[(&str, f64, Metric)] = &[
    ("readability news, all shapes: title", 0.56, |r| news(r).title.acc()),
    ("readability news, all shapes: byline", 0.79, |r| news(r).byline.acc()),
    ("readability news, all shapes: published", 0.80, |r| news(r).published.acc()),
    ("readability news, all shapes: body F1", 0.85, |r| news(r).body.f()),
    ("readability news, chromium: body F1", 0.87, |r| r.readability_row("news", "chromium").unwrap().body.f()),
    ("readability non-news, all shapes: body F1", 0.80, |r| r.readability_row("non-news", "all").unwrap().body.f()),
    ("trafilatura, all shapes: with-snippets found", 0.84, |r| r.trafilatura_row("all").unwrap().with_found.acc()),
    ("trafilatura, all shapes: without-snippets excluded", 0.78, |r| r.trafilatura_row("all").unwrap().without_excluded.acc()),
    ("trafilatura, all shapes: title", 0.49, |r| r.trafilatura_row("all").unwrap().title.acc()),
    ("pages: title", 0.67, |r| pages(r).title.acc()),
    ("pages: dateline place", 0.87, |r| pages(r).place.acc()),
    ("pages: agency", 0.90, |r| pages(r).agency.acc()),
    ("pages: byline authors", 0.85, |r| pages(r).byline.acc()),
    ("pages: paragraph count", 0.68, |r| pages(r).paragraphs.acc()),
    ("pages: page-own headline F1", 0.61, |r| pages(r).headlines.f()),
    ("pages: list role", 0.85, |r| pages(r).list_role.acc()),
];

fn news(r: &Report) -> &structure::ReadabilityRow {
    r.readability_row("news", "all").expect("readability news row")
}

fn pages(r: &Report) -> &structure::PagesRow {
    r.pages.as_ref().expect("pages row")
}

#[test]
fn structure_floors() {
    let Some(dir) = structure::dumps_dir() else {
        println!("SKIPPED: ../shared/dumps missing (or set GLEANER_DUMPS)");
        return;
    };
    let r = structure::run(&Config::all(dir)).expect("dumps readable");
    print!("{}", structure::render(&r));
    // Every page was read: 55 real news pages and 38 real non-news pages in four shapes,
    // 169 trafilatura pages in four shapes, 60 page openings.
    assert_eq!(news(&r).pages, 55 * 4);
    assert_eq!(r.readability_row("non-news", "all").unwrap().pages, 38 * 4);
    assert_eq!(r.trafilatura_row("all").unwrap().pages, 169 * 4);
    assert_eq!(pages(&r).pages, 60);
    let low: Vec<String> = FLOORS
        .iter()
        .filter_map(|(what, floor, metric)| {
            let v = metric(&r);
            (v < *floor).then(|| format!("{what}: {v:.3} < floor {floor:.3}"))
        })
        .collect();
    assert!(low.is_empty(), "below floor:\n{}", low.join("\n"));
}

fn eval_cli(args: &[&str], dumps: Option<&str>) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_gleaner-eval"));
    cmd.arg("structure").args(args);
    if let Some(d) = dumps {
        cmd.env("GLEANER_DUMPS", d);
    }
    cmd.output().expect("gleaner-eval runs")
}

#[test]
fn cli_usage_errors() {
    let bad_shape = eval_cli(&["--shape", "pdf"], None);
    assert_eq!(bad_shape.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_shape.stderr).contains("--shape needs one of chromium"));
    let bad_set = eval_cli(&["nonsense"], None);
    assert_eq!(bad_set.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_set.stderr).contains("unknown argument `nonsense`"));
    let missing = eval_cli(&[], Some("/nonexistent/gleaner-dumps"));
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("GLEANER_DUMPS"));
}

#[test]
fn cli_json_and_errors_agree_with_the_library() {
    let Some(dir) = structure::dumps_dir() else {
        println!("SKIPPED: ../shared/dumps missing (or set GLEANER_DUMPS)");
        return;
    };
    let out = eval_cli(&["pages", "--json", "--errors"], Some(dir.to_str().unwrap()));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("--json prints JSON");
    let mut cfg = Config::all(dir);
    cfg.sets = vec!["pages".into()];
    let r = structure::run(&cfg).unwrap();
    let p = r.pages.as_ref().unwrap();
    assert_eq!(v["pages"]["title"]["right"], p.title.correct);
    assert_eq!(v["pages"]["own_headlines"]["gold"], p.headlines.gold);
    assert_eq!(v["misses"].as_array().unwrap().len(), r.misses.len());
    assert!(v["readability"].as_array().unwrap().is_empty());
    let text = eval_cli(&["pages", "--errors"], None);
    let lines = String::from_utf8_lossy(&text.stdout).lines().filter(|l| l.starts_with("pages/excerpt/")).count();
    assert_eq!(lines, r.misses.len());
}
