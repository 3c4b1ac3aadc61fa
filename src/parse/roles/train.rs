//! Training the line-role model (feature `train`): labels derived automatically from the gold
//! of `../shared/dumps`, an averaged structured perceptron with latent completion of
//! partially labelled lines, page-disjoint cross-validation.
//!
//! Labels per set (a line gets a set of allowed roles; a line whose role the gold does not
//! determine allows every role, and training fills it in with the best path the current
//! weights give under the known labels):
//!
//! * `readability`: the body blocks of Readability's extraction are aligned to the dump's
//!   lines in order (a weighted longest increasing chain of substring matches of the
//!   letters-and-digits form), so a line that starts a `<p>`/`<li>` is `Para`, one that starts
//!   an `<h2>`–`<h6>` is `Sub`, a line that goes on with the block of the line just before is
//!   `Cont`; the line equal to the gold title nearest before the body is `Title`; a short line
//!   holding the gold byline is `Byline`; every other line is `Boiler`.
//! * `trafilatura`: lines holding a `with` snippet are body (`Para`/`Cont`/`Sub`), lines
//!   holding a `without` snippet are `Boiler`, the title line is `Title`, the rest is latent.
//! * `pages`: article titles are `Title`, the page's own listed headlines `Headline` (`nav`
//!   ones `Boiler`), teasers `Teaser`, dateline paragraphs `Para`, bylines `Byline`; the rest
//!   is latent.

use std::path::Path;

use super::{features_and_allowed, physical_lines, LineRole, PhysLine, RoleModel, BUCKET_BITS, NR};
use crate::span::Span;
use serde_json::Value;

/// One training or evaluation page.
#[derive(Clone, Debug)]
pub struct Example {
    /// `readability`, `trafilatura` or `pages`.
    pub set: &'static str,
    /// Page name (folds never split a page across its shapes).
    pub name: String,
    /// `chromium`, `lynx`, `w3m`, `markdown` or `excerpt`.
    pub shape: &'static str,
    /// The dump.
    pub text: String,
    /// Its physical lines.
    pub lines: Vec<PhysLine>,
    /// Allowed roles per line (bit set).
    pub allowed: Vec<u8>,
    /// Set when the page counts in scores (readability fixtures do not).
    pub scored: bool,
}

const ALL: u8 = 0xff;
const fn bit(r: LineRole) -> u8 {
    1 << r as u8
}
const BODY: u8 = bit(LineRole::Para) | bit(LineRole::Cont) | bit(LineRole::Sub);

/// Lowercased letters and digits only.
pub fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn strip_site_suffix(t: &str) -> Option<&str> {
    [" | ", " - ", " — ", " – ", " :: "].iter().filter_map(|sep| t.rfind(sep).map(|i| &t[..i])).max_by_key(|s| s.len())
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn json(path: &Path) -> Result<Value, String> {
    serde_json::from_str(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

const SHAPES: [&str; 4] = ["chromium", "lynx", "w3m", "markdown"];

/// Load every labelled example under `dumps` (`../shared/dumps`).
pub fn load(dumps: &Path) -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    let r = json(&dumps.join("readability/gold.json"))?;
    for g in r.as_array().into_iter().flatten() {
        let name = g["name"].as_str().unwrap_or("").to_string();
        let scored = !g["fixture"].as_bool().unwrap_or(false);
        for shape in SHAPES {
            let p = dumps.join(format!("readability/{shape}/{name}.txt"));
            let Ok(text) = read(&p) else { continue };
            let lines = physical_lines(&text);
            let allowed = label_readability(&text, &lines, g);
            out.push(Example { set: "readability", name: name.clone(), shape, text, lines, allowed, scored });
        }
    }
    let t = json(&dumps.join("trafilatura/gold.json"))?;
    for g in t.as_array().into_iter().flatten() {
        let name = g["name"].as_str().unwrap_or("").to_string();
        for shape in SHAPES {
            let p = dumps.join(format!("trafilatura/{shape}/{name}.txt"));
            let Ok(text) = read(&p) else { continue };
            let lines = physical_lines(&text);
            let allowed = label_trafilatura(&text, &lines, g);
            out.push(Example { set: "trafilatura", name: name.clone(), shape, text, lines, allowed, scored: true });
        }
    }
    // the same pages with their blank lines removed (dumps copied from pages that put no blank
    // line between paragraphs: one paragraph a line, as wire copy and many excerpts print)
    let squeezed: Vec<Example> = out
        .iter()
        .filter(|e| matches!(e.shape, "chromium" | "markdown"))
        .map(|e| {
            let text: String = e.lines.iter().map(|l| l.span.slice(&e.text)).collect::<Vec<_>>().join("\n");
            let lines = physical_lines(&text);
            Example { shape: "squeezed", text, lines, ..e.clone() }
        })
        .filter(|e| e.lines.len() == e.allowed.len())
        .collect();
    out.extend(squeezed);
    if let Ok(p) = json(&dumps.join("pages/gold.json")) {
        for g in p.as_array().into_iter().flatten() {
            let file = g["file"].as_str().unwrap_or("");
            let Ok(text) = read(&dumps.join("pages").join(file)) else { continue };
            let lines = physical_lines(&text);
            let allowed = label_pages(&text, &lines, g);
            out.push(Example { set: "pages", name: file.to_string(), shape: "excerpt", text, lines, allowed, scored: true });
        }
    }
    Ok(out)
}

fn label_readability(text: &str, lines: &[PhysLine], g: &Value) -> Vec<u8> {
    let n = lines.len();
    let mut allowed = vec![bit(LineRole::Boiler); n];
    let norms: Vec<String> = lines.iter().map(|l| norm(l.span.slice(text))).collect();
    // the body as one string of normalised blocks
    let mut body = String::new();
    let mut starts: Vec<(usize, bool)> = Vec::new(); // (offset, is subheading)
    for b in g["body_blocks"].as_array().into_iter().flatten() {
        let tag = b[0].as_str().unwrap_or("p");
        let t = norm(b[1].as_str().unwrap_or(""));
        if t.is_empty() {
            continue;
        }
        starts.push((body.len(), matches!(tag, "h2" | "h3" | "h4" | "h5" | "h6")));
        body.push_str(&t);
    }
    let block_of = |pos: usize| starts.partition_point(|&(s, _)| s <= pos).saturating_sub(1);
    let block_end = |j: usize| starts.get(j + 1).map_or(body.len(), |&(s, _)| s);
    // candidate match per line: first occurrence (long lines) or a whole short block
    let mut cand: Vec<(usize, usize, usize)> = Vec::new(); // (line, pos, len)
    for (k, l) in norms.iter().enumerate() {
        if l.is_empty() {
            continue;
        }
        if l.len() >= 12 {
            if let Some(p) = body.find(l.as_str()) {
                cand.push((k, p, l.len()));
            }
        } else {
            // short: must be a whole block
            if let Some(j) = (0..starts.len()).find(|&j| &body[starts[j].0..block_end(j)] == l.as_str()) {
                cand.push((k, starts[j].0, l.len()));
            }
        }
    }
    // weighted longest chain with increasing, non-overlapping positions (O(m²), m = matches)
    let m = cand.len();
    let mut best = vec![0usize; m];
    let mut prev = vec![usize::MAX; m];
    for i in 0..m {
        best[i] = cand[i].2;
        for j in 0..i {
            if cand[j].1 + cand[j].2 <= cand[i].1 && best[j] + cand[i].2 > best[i] {
                best[i] = best[j] + cand[i].2;
                prev[i] = j;
            }
        }
    }
    let mut chain = Vec::new();
    if let Some(mut i) = (0..m).max_by_key(|&i| (best[i], std::cmp::Reverse(i))) {
        loop {
            chain.push(i);
            if prev[i] == usize::MAX {
                break;
            }
            i = prev[i];
        }
    }
    chain.reverse();
    let mut last: Option<(usize, usize)> = None; // (line, block)
    let mut first_body = None;
    for &c in &chain {
        let (k, pos, _) = cand[c];
        let j = block_of(pos);
        first_body.get_or_insert(k);
        allowed[k] = if pos == starts[j].0 {
            if starts[j].1 {
                bit(LineRole::Sub)
            } else {
                bit(LineRole::Para)
            }
        } else if last.is_some_and(|(lk, lj)| lj == j && lk + 1 == k) {
            bit(LineRole::Cont)
        } else {
            bit(LineRole::Para) | bit(LineRole::Cont)
        };
        last = Some((k, j));
    }
    // the title: the matching line nearest before the body
    let title = g["title"].as_str().unwrap_or("");
    let tn = norm(title);
    let tn2 = strip_site_suffix(title).map(norm).unwrap_or_default();
    if !tn.is_empty() {
        let is_title = |k: usize| norms[k] == tn || (tn2.len() >= 8 && norms[k] == tn2);
        let fb = first_body.unwrap_or(n);
        let pick = (0..fb).rev().find(|&k| is_title(k)).or_else(|| (0..n).find(|&k| is_title(k)));
        if let Some(k) = pick {
            allowed[k] = bit(LineRole::Title);
            if first_body.is_some_and(|fb| k < fb) {
                open_lede(text, lines, &mut allowed, k, fb);
            }
        }
    }
    // the byline: a short line holding it
    let by = g["byline"].as_str().unwrap_or("");
    let bn = norm(by.trim_start_matches("By ").trim_start_matches("by "));
    if bn.len() >= 5 {
        for k in 0..n {
            if allowed[k] == bit(LineRole::Boiler) && norms[k].contains(bn.as_str()) && norms[k].len() <= bn.len() + 30 {
                allowed[k] = bit(LineRole::Byline);
            }
        }
    }
    allowed
}

/// Prose lines Readability left out right above the body it kept (from the body's first line
/// back to the title, while each is a sentence of 12+ words) may be body or clutter: such a
/// line is a lede Readability took for page furniture as often as a standfirst, and calling it
/// clutter teaches the model that the first paragraph under a title is clutter (on a dump with
/// no blank lines nothing else tells the two apart).
fn open_lede(text: &str, lines: &[PhysLine], allowed: &mut [u8], title: usize, fb: usize) {
    for k in (title + 1..fb).rev() {
        let s = lines[k].span.slice(text);
        if allowed[k] != bit(LineRole::Boiler) || s.split_whitespace().count() < 12 || !super::super::lines::ends_sentence(s) {
            break;
        }
        allowed[k] |= bit(LineRole::Para);
    }
}

fn snippet_hit(line: &str, snip: &str) -> bool {
    !snip.is_empty() && (line.contains(snip) || (line.len() >= 15 && snip.contains(line)))
}

fn label_trafilatura(text: &str, lines: &[PhysLine], g: &Value) -> Vec<u8> {
    let norms: Vec<String> = lines.iter().map(|l| norm(l.span.slice(text))).collect();
    let with: Vec<String> = g["with"].as_array().into_iter().flatten().filter_map(|s| s.as_str()).map(norm).collect();
    let without: Vec<String> = g["without"].as_array().into_iter().flatten().filter_map(|s| s.as_str()).map(norm).collect();
    let tn = norm(g["title"].as_str().unwrap_or(""));
    norms
        .iter()
        .map(|l| {
            if l.is_empty() {
                bit(LineRole::Boiler)
            } else if !tn.is_empty() && *l == tn {
                bit(LineRole::Title) | bit(LineRole::Boiler)
            } else if with.iter().any(|w| snippet_hit(l, w)) {
                BODY
            } else if without.iter().any(|w| snippet_hit(l, w)) {
                bit(LineRole::Boiler) | bit(LineRole::Headline) | bit(LineRole::Teaser)
            } else {
                ALL
            }
        })
        .collect()
}

fn label_pages(text: &str, lines: &[PhysLine], g: &Value) -> Vec<u8> {
    let norms: Vec<String> = lines.iter().map(|l| norm(l.span.slice(text))).collect();
    let mut allowed = vec![ALL; lines.len()];
    let titles: Vec<String> =
        g["articles"].as_array().into_iter().flatten().filter_map(|a| a["title"].as_str()).map(norm).filter(|t| t.len() >= 6).collect();
    let starts_with = |l: &str, p: &str| p.len() >= 6 && (l.starts_with(p) || (l.len() <= p.len() + 40 && l.contains(p)));
    for (k, l) in norms.iter().enumerate() {
        if l.is_empty() {
            allowed[k] = bit(LineRole::Boiler);
            continue;
        }
        if titles.iter().any(|t| starts_with(l, t) && l.len() <= t.len() + 40) {
            allowed[k] = bit(LineRole::Title);
            continue;
        }
        for a in g["articles"].as_array().into_iter().flatten() {
            if let Some(d) = a["dateline"].as_str().map(norm) {
                if d.len() >= 4 && l.starts_with(&d) && l.len() > d.len() + 20 {
                    allowed[k] = bit(LineRole::Para);
                }
            }
            if let Some(b) = a["byline"].as_str().map(norm) {
                if b.len() >= 5 && l.contains(&b) && l.len() <= b.len() + 30 {
                    allowed[k] = bit(LineRole::Byline);
                }
            }
        }
        for h in g["headlines"].as_array().into_iter().flatten() {
            let hn = norm(h["headline"].as_str().unwrap_or(""));
            if titles.contains(&hn) {
                continue;
            }
            if starts_with(l, &hn) && l.len() <= hn.len() + 40 {
                allowed[k] = if h["role"].as_str() == Some("nav") { bit(LineRole::Boiler) } else { bit(LineRole::Headline) };
            } else if let Some(ts) = h["teaser_start"].as_str().map(norm) {
                if ts.len() >= 10 && l.find(&ts).is_some_and(|p| p < 60) {
                    allowed[k] = bit(LineRole::Teaser) | bit(LineRole::Para);
                }
            }
        }
    }
    allowed
}

/// Training options.
#[derive(Clone, Debug)]
pub struct Config {
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffle seed.
    pub seed: u64,
    /// Weights with `|w| <` this after averaging are dropped (model size).
    pub prune: f32,
    /// Times each `pages` example is seen per epoch (the page openings are few but the
    /// closest to what people paste, and the only source of headline labels).
    pub pages_weight: usize,
    /// Models trained with seeds `seed`, `seed + 2`, … whose averaged weights are averaged
    /// again (the perceptron's weights hang on the order it sees the pages in; the mean of a
    /// few orders hangs less).
    pub ensemble: usize,
}

struct Prepared {
    feats: Vec<Vec<u32>>,
    /// Roles decoding allows per line ([`super::features_and_allowed`]).
    ok: Vec<u8>,
    /// The gold's allowed roles within `ok` (`ok` where they conflict).
    gold: Vec<u8>,
}

/// Train on `examples` (every one given; pick folds before calling).
pub fn train(examples: &[&Example], cfg: &Config) -> RoleModel {
    let mut m = train_roles(examples, cfg);
    train_titles(&mut m, examples, cfg.epochs);
    m
}

/// The role weights: the mean of [`Config::ensemble`] runs' averaged weights, rounded to the
/// 1/256 grid the model file keeps, emissions under [`Config::prune`] dropped.
fn train_roles(examples: &[&Example], cfg: &Config) -> RoleModel {
    let prepared = prepare(examples, cfg);
    let k = cfg.ensemble.max(1);
    let mut out = RoleModel::zero();
    for i in 0..k {
        let m = train_run(&prepared, cfg.epochs, cfg.seed + 2 * i as u64);
        for (o, x) in out.emit.iter_mut().zip(&m.emit).chain(out.trans.iter_mut().zip(&m.trans)) {
            *o += x;
        }
    }
    let grid = |v: f32| (v / k as f32 * 256.0).round() / 256.0;
    for x in out.emit.iter_mut() {
        let q = grid(*x);
        *x = if q.abs() < cfg.prune { 0.0 } else { q };
    }
    for x in out.trans.iter_mut() {
        *x = grid(*x);
    }
    out
}

fn prepare(examples: &[&Example], cfg: &Config) -> Vec<Prepared> {
    examples
        .iter()
        .flat_map(|ex| std::iter::repeat_n(*ex, if ex.set == "pages" { cfg.pages_weight.max(1) } else { 1 }))
        .map(|ex| {
            let (feats, ok) = features_and_allowed(&ex.text, &ex.lines);
            let gold = ex.allowed.iter().zip(&ok).map(|(&a, &o)| if a & o == 0 { o } else { a & o }).collect();
            Prepared { feats, ok, gold }
        })
        .collect()
}

/// One averaged-perceptron run over `prepared` in the order `seed` shuffles; the averaged
/// weights, unrounded.
fn train_run(prepared: &[Prepared], epochs: usize, seed: u64) -> RoleModel {
    let mut w = RoleModel::zero();
    // lazy averaging: acc holds Σ c·Δ, the average is w − acc / c
    let mut acc = RoleModel::zero();
    let mut c: f32 = 1.0;
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = seed | 1;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &o in &order {
            let p = &prepared[o];
            if p.feats.is_empty() {
                continue;
            }
            let em = w.emissions(&p.feats);
            let pred = w.viterbi(&em, Some(&p.ok));
            let gold = w.viterbi(&em, Some(&p.gold));
            if pred != gold {
                let upd = |m: &mut RoleModel, a: &mut RoleModel, idx: usize, d: f32, trans: bool| {
                    if trans {
                        m.trans[idx] += d;
                        a.trans[idx] += c * d;
                    } else {
                        m.emit[idx] += d;
                        a.emit[idx] += c * d;
                    }
                };
                for k in 0..gold.len() {
                    let (g, q) = (gold[k] as usize, pred[k] as usize);
                    if g != q {
                        for &f in &p.feats[k] {
                            upd(&mut w, &mut acc, f as usize * NR + g, 1.0, false);
                            upd(&mut w, &mut acc, f as usize * NR + q, -1.0, false);
                        }
                    }
                    let gp = if k == 0 { NR } else { gold[k - 1] as usize };
                    let qp = if k == 0 { NR } else { pred[k - 1] as usize };
                    if (gp, g) != (qp, q) {
                        upd(&mut w, &mut acc, gp * NR + g, 1.0, true);
                        upd(&mut w, &mut acc, qp * NR + q, -1.0, true);
                    }
                }
            }
            c += 1.0;
        }
    }
    // the average: w − acc / c
    for (x, a) in w.emit.iter_mut().zip(&acc.emit).chain(w.trans.iter_mut().zip(&acc.trans)) {
        *x -= a / c;
    }
    w
}

/// Title-ranker training cases: (example, candidates, body start, gold candidate or none).
fn title_cases<'a>(examples: &[&'a Example]) -> Vec<(&'a Example, Vec<Span>, usize, Option<usize>)> {
    let mut out = Vec::new();
    for ex in examples {
        let one = |k: usize, r: LineRole| ex.allowed[k] == 1 << r as u8;
        let Some(fb) = (0..ex.lines.len()).find(|&k| one(k, LineRole::Para) || one(k, LineRole::Sub)) else { continue };
        let tl = (0..ex.lines.len()).find(|&k| one(k, LineRole::Title));
        let gold = match tl {
            Some(t) if t < fb && fb - t <= super::TITLE_WINDOW => Some(t),
            Some(_) => continue,
            None if ex.set == "pages" => None,
            None => continue,
        };
        out.push((*ex, ex.lines.iter().map(|l| l.span).collect(), fb, gold));
    }
    out
}

/// Candidate `j` is the gold title line `gold` or a copy of it (the same text after
/// normalisation: a page printing its title twice has two right answers).
fn same_title(ex: &Example, spans: &[Span], j: Option<usize>, gold: Option<usize>) -> bool {
    match (j, gold) {
        (Some(j), Some(g)) => j == g || super::norm_hash(spans[j].slice(&ex.text)) == super::norm_hash(spans[g].slice(&ex.text)),
        (j, g) => j == g,
    }
}

/// Train the title ranker (averaged perceptron over the candidates of each case) into `model`.
pub fn train_titles(model: &mut RoleModel, examples: &[&Example], epochs: usize) {
    let cases = title_cases(examples);
    let feats: Vec<Vec<(Option<usize>, Vec<u32>)>> = cases
        .iter()
        .map(|(ex, spans, b, gold)| {
            let cache = super::TitleFacts::default();
            let w = super::TitleWindow::new(&ex.text, spans, *b, &cache);
            let cands = (b.saturating_sub(super::TITLE_WINDOW)..*b).filter(|&j| !w.picture(j) || Some(j) == *gold);
            std::iter::once(None).chain(cands.map(Some)).map(|j| (j, w.features(&ex.text, spans, j))).collect()
        })
        .collect();
    let n = model.title.len();
    let mut w = vec![0f32; n];
    let mut acc = vec![0f32; n];
    let mut c = 1f32;
    for _ in 0..epochs {
        for (case, cands) in cases.iter().zip(&feats) {
            let score = |ids: &[u32]| ids.iter().map(|&i| w[i as usize]).sum::<f32>();
            let mut best = (f32::NEG_INFINITY, 0usize);
            for (k, (_, ids)) in cands.iter().enumerate() {
                let s = score(ids);
                if s > best.0 {
                    best = (s, k);
                }
            }
            // (any copy of the gold line is as right as the one the labels mark)
            let right = |j: Option<usize>| same_title(case.0, &case.1, j, case.3);
            if !right(cands[best.1].0) {
                let gold = (0..cands.len()).filter(|&k| right(cands[k].0)).max_by(|&a, &b| score(&cands[a].1).total_cmp(&score(&cands[b].1))).unwrap_or(0);
                for &i in &cands[gold].1 {
                    w[i as usize] += 1.0;
                    acc[i as usize] += c;
                }
                for &i in &cands[best.1].1 {
                    w[i as usize] -= 1.0;
                    acc[i as usize] -= c;
                }
            }
            c += 1.0;
        }
    }
    for i in 0..n {
        model.title[i] = ((w[i] - acc[i] / c) * 256.0).round() / 256.0;
    }
}

/// Share of title cases whose gold the ranker picks.
pub fn title_accuracy(model: &RoleModel, examples: &[&Example]) -> (u32, u32) {
    let cases = title_cases(examples);
    let mut hit = 0;
    for (ex, spans, b, gold) in &cases {
        let cands: Vec<usize> = (b.saturating_sub(super::TITLE_WINDOW)..*b).collect();
        if same_title(ex, spans, model.pick_title(&ex.text, spans, &cands, *b), *gold) {
            hit += 1;
        }
    }
    (hit, cases.len() as u32)
}

/// Per-role line accuracy of `model` on `examples`, counted only where the gold fixes one role.
pub fn line_scores(model: &RoleModel, examples: &[&Example]) -> ([[u32; NR]; NR], u32, u32) {
    let mut confusion = [[0u32; NR]; NR];
    let (mut right, mut total) = (0, 0);
    for ex in examples {
        let pred = model.roles(&ex.text, &ex.lines);
        for (k, &p) in pred.iter().enumerate() {
            let a = ex.allowed[k];
            if a.count_ones() != 1 {
                continue;
            }
            let g = a.trailing_zeros() as usize;
            confusion[g][p as usize] += 1;
            total += 1;
            if g == p as usize {
                right += 1;
            }
        }
    }
    (confusion, right, total)
}

/// Fold of a page (page-disjoint: all shapes of a page share a fold).
pub fn fold(set: &str, name: &str, k: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in set.bytes().chain(name.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % k
}

/// `gleaner-train roles [--dumps DIR] [--out FILE] [--epochs N] [--seed N] [--prune W]
/// [--pages-weight N] [--ensemble N] [--cv K [--errors FILE]] [--model FILE] [--show FILE | --eval]`: `--cv` prints page-disjoint
/// cross-validated scores, `--errors` writes that run's misses (one line each) to FILE,
/// `--show` prints each line's role and rule class, `--eval` the structure evaluation of the
/// sets under the dumps folder (both with the model of `--model FILE`, else the shipped one).
pub fn cli(args: &[String]) -> i32 {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dumps = std::env::var_os("GLEANER_DUMPS").map(std::path::PathBuf::from).unwrap_or_else(|| root.join("../shared/dumps"));
    let mut out = root.join("src/data/roles.model");
    let mut cfg = Config { epochs: 8, seed: 7, prune: 0.0, pages_weight: 4, ensemble: 1 };
    let mut cv = 0u64;
    let mut eval = false;
    let mut errors: Option<std::path::PathBuf> = None;
    // the model `--show` reads (the shipped one unless `--model FILE` comes before it)
    let mut shown: Option<RoleModel> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().cloned().unwrap_or_default();
        match a.as_str() {
            "--dumps" => dumps = val().into(),
            "--out" => out = val().into(),
            "--epochs" | "--seed" | "--prune" | "--pages-weight" | "--ensemble" | "--cv" => {
                // a bad number must not train with a default silently
                let v = val();
                let ok = match a.as_str() {
                    "--epochs" => v.parse().map(|n| cfg.epochs = n).is_ok(),
                    "--seed" => v.parse().map(|n| cfg.seed = n).is_ok(),
                    "--prune" => v.parse().map(|n| cfg.prune = n).is_ok(),
                    "--pages-weight" => v.parse().map(|n| cfg.pages_weight = n).is_ok(),
                    "--ensemble" => v.parse().ok().filter(|&k| k >= 1).map(|k| cfg.ensemble = k).is_some(),
                    _ => v.parse().ok().filter(|&k| k >= 2).map(|k| cv = k).is_some(),
                };
                if !ok {
                    let what = if a == "--cv" { "a number of folds of at least 2" } else { "a number" };
                    eprintln!("gleaner-train roles: {a} needs {what}, got {v:?}");
                    return 2;
                }
            }
            "--errors" => errors = Some(val().into()),
            "--eval" => eval = true,
            "--model" => {
                let f = val();
                match std::fs::read(&f).map_err(|e| e.to_string()).and_then(|b| RoleModel::from_bytes(&b).map_err(|e| e.0.to_string())) {
                    Ok(m) => shown = Some(m),
                    Err(e) => {
                        eprintln!("gleaner-train roles --model: {f}: {e}");
                        return 1;
                    }
                }
            }
            "--show" => {
                use std::io::Write;
                let f = val();
                let text = match std::fs::read_to_string(&f) {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("gleaner-train roles --show: {f}: {e}");
                        return 1;
                    }
                };
                let ls = physical_lines(&text);
                let m = shown.as_ref().unwrap_or_else(|| super::shipped());
                let (feats, ok) = features_and_allowed(&text, &ls);
                let em = m.emissions(&feats);
                let mut out = std::io::stdout().lock();
                for ((l, r), e) in ls.iter().zip(m.viterbi(&em, Some(&ok))).zip(&em) {
                    let s = l.span.slice(&text);
                    let cut: String = s.chars().take(90).collect();
                    let t = e[LineRole::Title as usize] - e[LineRole::Boiler as usize];
                    let mark = if l.blank_before { "¶ " } else { "  " };
                    // a closed pipe (`--show f | head`) ends the listing quietly instead of panicking
                    if writeln!(out, "{:>8} {t:>7.1} {:>2} {mark}{cut}", r.name(), super::rule_class(s)).is_err() {
                        return 0;
                    }
                }
                return 0;
            }
            _ => {
                eprintln!("usage: gleaner-train roles [--dumps DIR] [--out FILE] [--epochs N] [--seed N] [--prune W] [--pages-weight N] [--ensemble N] [--cv K [--errors FILE]] [--model FILE] [--show FILE | --eval]");
                return 2;
            }
        }
    }
    if eval {
        // the structure evaluation of one model file, without building it into the binaries
        let m = shown.unwrap_or_else(|| super::shipped().clone());
        let mut cfg = crate::eval::structure::Config::all(dumps.clone());
        cfg.sets.retain(|s| dumps.join(s).is_dir());
        let parser = |_: &str, _: &str, text: &str| super::super::document_with(text, &m);
        return match crate::eval::structure::run_with(&cfg, &parser) {
            Ok(r) => {
                print!("{}", crate::eval::structure::render(&r));
                0
            }
            Err(e) => {
                eprintln!("gleaner-train roles: {e}");
                1
            }
        };
    }
    let examples = match load(&dumps) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("gleaner-train roles: {e}");
            return 1;
        }
    };
    eprintln!("{} examples, {} lines", examples.len(), examples.iter().map(|e| e.lines.len()).sum::<usize>());
    if cv > 1 {
        let models: Vec<RoleModel> = (0..cv)
            .map(|f| {
                let tr: Vec<&Example> = examples.iter().filter(|e| fold(e.set, &e.name, cv) != f).collect();
                train(&tr, &cfg)
            })
            .collect();
        let mut conf = [[0u32; NR]; NR];
        for (f, m) in models.iter().enumerate() {
            let te: Vec<&Example> = examples.iter().filter(|e| fold(e.set, &e.name, cv) == f as u64 && e.scored).collect();
            let (c, r, t) = line_scores(m, &te);
            let (hit, tot) = title_accuracy(m, &te);
            eprintln!("  title ranker: {hit}/{tot}");
            eprintln!("fold {f}: {r}/{t} lines right ({:.3})", r as f64 / t.max(1) as f64);
            for g in 0..NR {
                for p in 0..NR {
                    conf[g][p] += c[g][p];
                }
            }
        }
        print_confusion(&conf);
        // the whole structure evaluation, each page parsed with the model of the fold that
        // left it out
        let parser = |set: &str, name: &str, text: &str| super::super::document_with(text, &models[fold(set, name, cv) as usize]);
        match crate::eval::structure::run_with(&crate::eval::structure::Config::all(dumps.clone()), &parser) {
            Ok(r) => {
                println!("\ncross-validated ({cv} folds, page-disjoint):\n{}", crate::eval::structure::render(&r));
                if let Some(p) = &errors {
                    if let Err(e) = std::fs::write(p, crate::eval::structure::render_misses(&r)) {
                        eprintln!("gleaner-train roles: {}: {e}", p.display());
                        return 1;
                    }
                }
            }
            Err(e) => eprintln!("gleaner-train roles: {e}"),
        }
        return 0;
    }
    let all: Vec<&Example> = examples.iter().collect();
    let m = train(&all, &cfg);
    let bytes = m.to_bytes();
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("gleaner-train roles: {}: {e}", out.display());
        return 1;
    }
    let mut manifest = String::from("# Generated by gleaner-train roles. Do not edit; regenerate with the command below.\n");
    manifest.push_str(&format!(
        "command: cargo run --release --features train --bin gleaner-train -- roles --epochs {} --seed {} --prune {} --pages-weight {} --ensemble {}\n",
        cfg.epochs, cfg.seed, cfg.prune, cfg.pages_weight, cfg.ensemble
    ));
    manifest.push_str(&format!("feature_version: {}\nformat: {}\nbucket_bits: {BUCKET_BITS}\n", super::FEATURE_VERSION, super::FORMAT_VERSION));
    manifest.push_str(&format!("output: roles.model {} bytes sha256 {}\n\n## inputs (sha256, under ../shared/dumps)\n", bytes.len(), crate::tagger::train::sha256_hex(&bytes)));
    let mut files: Vec<String> = ["readability/gold.json", "trafilatura/gold.json", "pages/gold.json"].iter().map(|s| s.to_string()).collect();
    // (the `squeezed` examples are made from the chromium and markdown files listed)
    for e in examples.iter().filter(|e| e.shape != "squeezed") {
        files.push(match e.set {
            "pages" => format!("pages/{}", e.name),
            s => format!("{s}/{}/{}.txt", e.shape, e.name),
        });
    }
    for f in files {
        let data = std::fs::read(dumps.join(&f)).unwrap_or_default();
        manifest.push_str(&format!("{}  {f}\n", crate::tagger::train::sha256_hex(&data)));
    }
    let mpath = out.with_file_name("roles.MANIFEST");
    if let Err(e) = std::fs::write(&mpath, manifest) {
        eprintln!("gleaner-train roles: {}: {e}", mpath.display());
        return 1;
    }
    let (_, r, t) = line_scores(&m, &all);
    eprintln!("training-set lines right: {r}/{t}");
    println!("wrote {} ({} bytes) and {}", out.display(), bytes.len(), mpath.display());
    0
}

fn print_confusion(conf: &[[u32; NR]; NR]) {
    println!("{:>9} {}", "gold\\pred", super::ROLES.iter().map(|r| format!("{:>8}", r.name())).collect::<String>());
    for g in 0..NR {
        let row: String = (0..NR).map(|p| format!("{:>8}", conf[g][p])).collect();
        let tp = conf[g][g] as f64;
        let rec = tp / conf[g].iter().sum::<u32>().max(1) as f64;
        let prec = tp / (0..NR).map(|x| conf[x][g]).sum::<u32>().max(1) as f64;
        println!("{:>9} {row}   P {prec:.3} R {rec:.3}", super::ROLES[g].name());
    }
}
