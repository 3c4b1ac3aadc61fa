//! `gleaner-eval quotes [--rules-only] [--errors] [--pages DIR] [DIR]`: direct quotes and
//! their speakers against PolNeAR and the page dumps.
//!
//! `DIR` (default `../shared/data/polnear/dev`) holds `text/<article>.txt` and
//! `attributions/<article>_<annotator>.ann` (brat standoff, character offsets). When an
//! article has several annotators, the first `.ann` in name order is used.
//!
//! **Gold direct quotes** are the stretches inside balanced quote marks (straight or curly
//! double quotes or `''…''`, within a paragraph; a quote left open at the end of a paragraph runs to
//! its end) of which at least half lies inside an attribution's `Content`. Their speaker is
//! that attribution's `Source` (none for `Attribution-no-source`). Quoted stretches outside
//! every Content (scare quotes, titles) are not gold quotes.
//!
//! **Predictions**: each part of each [`crate::Quote`] that [`crate::parse`] finds in the
//! article (the product path: structure parser, tagger, resolution, quotes); with
//! `--rules-only`, paragraphs are the blank-line-separated blocks and there is no tagger.
//! Content is scored exactly (same span) and by overlap, one-to-one; speaker
//! accuracy is over gold quotes found (overlap) that have a Source: the predicted speaker
//! span must overlap the gold Source. Categories: `full` (the quote is the whole Content)
//! vs `partial` (a quoted fragment inside a paraphrase); by gold source form (`name`,
//! `pronoun`, `nominal`, `none`); by publisher. `--errors` prints every
//! missed gold quote and wrong speaker (with context) on stderr.
//!
//! **Page dumps** (`--pages DIR`, default `../shared/dumps/pages`): see [`evaluate_pages`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::document::{Article, Document, Section, Snippet};
use crate::span::Span;

/// Direct access to the entity, quote and cluster stages on a hand-built [`crate::Document`],
/// for tests and evaluation that must not depend on the structure parser or the tagger.
pub mod stages {
    use crate::document::{Document, Quote, StoryCluster};

    /// Run entity resolution (`doc.entities`, each mention's `entity`).
    pub fn resolve(text: &str, doc: &mut Document) {
        crate::resolve::resolve(text, doc)
    }

    /// Run quote extraction (after [`resolve`]).
    pub fn quotes(text: &str, doc: &Document) -> Vec<Quote> {
        crate::quotes::extract(text, doc)
    }

    /// Run story clustering.
    pub fn cluster(text: &str, doc: &Document) -> Vec<StoryCluster> {
        crate::cluster::cluster(text, doc)
    }
}

/// Precision/recall counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// True positives on the prediction side.
    pub tp_pred: usize,
    /// True positives on the gold side.
    pub tp_gold: usize,
    /// Predictions.
    pub pred: usize,
    /// Gold items.
    pub gold: usize,
}

impl Prf {
    /// Precision.
    pub fn p(&self) -> f64 {
        if self.pred == 0 { 0.0 } else { self.tp_pred as f64 / self.pred as f64 }
    }
    /// Recall.
    pub fn r(&self) -> f64 {
        if self.gold == 0 { 0.0 } else { self.tp_gold as f64 / self.gold as f64 }
    }
    /// F1.
    pub fn f(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// Speaker accuracy counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Acc {
    /// Correct.
    pub correct: usize,
    /// Total.
    pub total: usize,
}

impl Acc {
    /// Accuracy in [0, 1].
    pub fn acc(&self) -> f64 {
        if self.total == 0 { 0.0 } else { self.correct as f64 / self.total as f64 }
    }
}

/// The scores of one evaluation run.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Articles read.
    pub articles: usize,
    /// Content, exact span match.
    pub exact: Prf,
    /// Content, any overlap.
    pub overlap: Prf,
    /// Speaker accuracy on found gold quotes with a Source.
    pub speaker: Acc,
    /// Recall by category (`full`, `partial`): gold found by overlap.
    pub recall_by_kind: BTreeMap<String, Acc>,
    /// Speaker accuracy by gold source form (`name`, `pronoun`, `nominal`); `none` counts
    /// found source-less quotes predicted without a speaker.
    pub speaker_by_source: BTreeMap<String, Acc>,
    /// Overlap P/R/F by publisher.
    pub by_publisher: BTreeMap<String, Prf>,
}

struct Gold {
    span: Span,
    sources: Vec<Span>,
    kind: &'static str,
    source_kind: &'static str,
}

/// Character offset → byte offset table for `text`.
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Parse a brat `.ann`: text-bound annotations (id → (type, spans)) and attribution events.
/// Text-bound annotations (id → (type, spans)) and events (role → id).
type Ann = (BTreeMap<String, (String, Vec<Span>)>, Vec<BTreeMap<String, String>>);

fn parse_ann(ann: &str, map: &[usize]) -> Ann {
    let mut ts = BTreeMap::new();
    let mut es = Vec::new();
    for line in ann.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 2 {
            continue;
        }
        if f[0].starts_with('T') {
            let mut it = f[1].splitn(2, ' ');
            let ty = it.next().unwrap_or("").to_string();
            let spans = it
                .next()
                .unwrap_or("")
                .split(';')
                .filter_map(|r| {
                    let mut p = r.split_whitespace();
                    let a: usize = p.next()?.parse().ok()?;
                    let b: usize = p.next()?.parse().ok()?;
                    Some(Span::new(*map.get(a)?, *map.get(b)?))
                })
                .collect();
            ts.insert(f[0].to_string(), (ty, spans));
        } else if f[0].starts_with('E') {
            let mut m = BTreeMap::new();
            for (i, part) in f[1].split_whitespace().enumerate() {
                if let Some((k, v)) = part.split_once(':') {
                    let k = if i == 0 { "Event" } else { k };
                    m.insert(k.to_string(), v.to_string());
                }
            }
            es.push(m);
        }
    }
    (ts, es)
}

/// Blank-line-separated blocks as spans (trimmed).
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0;
    for block in text.split("\n\n") {
        let lead = block.len() - block.trim_start().len();
        let t = block.trim();
        if !t.is_empty() {
            out.push(Span::new(pos + lead, pos + lead + t.len()));
        }
        pos += block.len() + 2;
    }
    out
}

/// Balanced double-quote stretches in a paragraph (gold side; independent of the extractor):
/// `"…"`, `“…”` and the wire style `''…''` (two apostrophes, NYT copy).
fn quoted(text: &str, p: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let t = &text[p.start..p.end];
    let mut it = t.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let at = p.start + i;
        let pair = c == '\'' && it.peek().is_some_and(|&(_, n)| n == '\'');
        if pair {
            it.next();
        }
        match (open, c, pair) {
            (None, '"' | '“', _) => open = Some(at + c.len_utf8()),
            (None, '\'', true) => open = Some(at + 2),
            (Some(s), '"' | '”', _) | (Some(s), '\'', true) => {
                out.push(Span::new(s, at));
                open = None;
            }
            (Some(_), '“', _) => open = Some(at + c.len_utf8()),
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push(Span::new(s, p.end));
    }
    out.into_iter()
        .map(|s| {
            let t = &text[s.start..s.end];
            let a = s.start + (t.len() - t.trim_start().len());
            Span::new(a, (s.start + t.trim_end().len()).max(a))
        })
        .filter(|s| !s.is_empty())
        .collect()
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn source_kind(text: &str, sources: &[Span]) -> &'static str {
    let Some(s) = sources.first() else { return "none" };
    let t = text[s.start..s.end].trim().to_lowercase();
    if matches!(t.as_str(), "he" | "she" | "they" | "it" | "we" | "i" | "you") {
        "pronoun"
    } else if text[s.start..s.end].split_whitespace().any(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        "name"
    } else {
        "nominal"
    }
}

fn gold_quotes(text: &str, ann: &str) -> Vec<Gold> {
    let map = char_to_byte(text);
    let (ts, es) = parse_ann(ann, &map);
    let paras = paragraphs(text);
    let segs: Vec<Span> = paras.iter().flat_map(|&p| quoted(text, p)).collect();
    let mut out: Vec<Gold> = Vec::new();
    for e in &es {
        let Some(content) = e.get("Content").and_then(|c| ts.get(c)) else { continue };
        let sources: Vec<Span> = e.get("Source").and_then(|s| ts.get(s)).map(|s| s.1.clone()).unwrap_or_default();
        let clen: usize = content.1.iter().map(|s| s.len()).sum();
        for &g in &segs {
            let inside: usize = content.1.iter().map(|&c| overlap(c, g)).sum();
            if inside * 2 >= g.len() && !out.iter().any(|o| o.span == g) {
                let kind = if g.len() * 10 >= clen * 8 { "full" } else { "partial" };
                out.push(Gold { span: g, sources: sources.clone(), kind, source_kind: source_kind(text, &sources) });
            }
        }
    }
    out.sort_by_key(|g| g.span.start);
    out
}

/// How the documents are built for evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The product's path: [`crate::parse`] (structure parser, tagger, resolution, quotes).
    Pipeline,
    /// Paragraphs are the blank-line-separated blocks, no tagger: the quote rules alone.
    RulesOnly,
}

/// Evaluate quote extraction on a PolNeAR directory (`text/`, `attributions/`) through the
/// product pipeline ([`Mode::Pipeline`]).
pub fn evaluate(dir: &Path) -> Result<Report, String> {
    evaluate_with(dir, Mode::Pipeline, false)
}

/// Evaluate on a PolNeAR directory in `mode`; `errors` prints every missed gold quote and
/// wrong speaker (with context) on stderr.
pub fn evaluate_with(dir: &Path, mode: Mode, errors: bool) -> Result<Report, String> {
    evaluate_by(dir, errors, &|text: &str| match mode {
        Mode::Pipeline => crate::parse(text).quotes,
        Mode::RulesOnly => crate::quotes::extract(text, &paragraph_doc(text)),
    })
}

/// A PolNeAR article: name, text, the first annotator's `.ann`, and the paths read.
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) struct PolnearArticle {
    pub name: String,
    pub text: String,
    pub ann: String,
    pub files: Vec<PathBuf>,
}

/// The articles of a PolNeAR directory in name order (first `.ann` of each).
pub(crate) fn polnear_articles(dir: &Path) -> Result<Vec<PolnearArticle>, String> {
    let ann_dir = dir.join("attributions");
    let mut anns: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .map_err(|e| format!("cannot read {}: {e}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut out = Vec::new();
    let mut done = std::collections::BTreeSet::new();
    for ann_path in anns {
        let stem = ann_path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        let Some((article, _annotator)) = stem.rsplit_once('_') else { continue };
        if !done.insert(article.to_string()) {
            continue;
        }
        let text_path = dir.join("text").join(format!("{article}.txt"));
        let (Ok(text), Ok(ann)) = (std::fs::read_to_string(&text_path), std::fs::read_to_string(&ann_path)) else { continue };
        out.push(PolnearArticle { name: article.to_string(), text, ann, files: vec![text_path, ann_path] });
    }
    Ok(out)
}

/// Gold direct quotes of an article: (quoted span, source spans).
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) fn gold_spans(text: &str, ann: &str) -> Vec<(Span, Vec<Span>)> {
    gold_quotes(text, ann).into_iter().map(|g| (g.span, g.sources)).collect()
}

/// Evaluate on a PolNeAR directory with `quotes_of` making the predictions.
pub(crate) fn evaluate_by(dir: &Path, errors: bool, quotes_of: &dyn Fn(&str) -> Vec<crate::Quote>) -> Result<Report, String> {
    let mut report = Report::default();
    let debug = errors;
    for PolnearArticle { name: article, text, ann, .. } in polnear_articles(dir)? {
        let article = article.as_str();
        report.articles += 1;
        let publisher = article.split('_').next().unwrap_or("?").to_string();
        let gold = gold_quotes(&text, &ann);
        let quotes = quotes_of(&text);
        let preds: Vec<(Span, Option<Span>)> = quotes.iter().flat_map(|q| q.parts.iter().map(move |&p| (p, q.speaker_span))).collect();
        let pubp = report.by_publisher.entry(publisher).or_default();
        pubp.pred += preds.len();
        pubp.gold += gold.len();
        report.exact.pred += preds.len();
        report.overlap.pred += preds.len();
        report.exact.gold += gold.len();
        report.overlap.gold += gold.len();
        let mut used_exact = vec![false; preds.len()];
        let mut used_ov = vec![false; preds.len()];
        for g in &gold {
            if let Some(i) = (0..preds.len()).find(|&i| !used_exact[i] && preds[i].0 == g.span) {
                used_exact[i] = true;
                report.exact.tp_pred += 1;
                report.exact.tp_gold += 1;
            }
            let kind = report.recall_by_kind.entry(g.kind.to_string()).or_default();
            kind.total += 1;
            if debug && !(0..preds.len()).any(|i| overlap(preds[i].0, g.span) > 0) {
                eprintln!("MISSED {:?}", text[g.span.start..g.span.end].chars().take(80).collect::<String>());
            }
            let best = (0..preds.len()).filter(|&i| !used_ov[i] && overlap(preds[i].0, g.span) > 0).max_by_key(|&i| overlap(preds[i].0, g.span));
            if let Some(i) = best {
                used_ov[i] = true;
                kind.correct += 1;
                report.overlap.tp_pred += 1;
                report.overlap.tp_gold += 1;
                pubp.tp_pred += 1;
                pubp.tp_gold += 1;
                let sp = preds[i].1;
                let by = report.speaker_by_source.entry(g.source_kind.to_string()).or_default();
                by.total += 1;
                if g.sources.is_empty() {
                    if sp.is_none() {
                        by.correct += 1;
                    }
                } else {
                    report.speaker.total += 1;
                    if sp.is_some_and(|s| g.sources.iter().any(|&g| overlap(g, s) > 0)) {
                        report.speaker.correct += 1;
                        by.correct += 1;
                    } else if debug {
                        let ctx = |s: Span| text[s.start..s.end].chars().take(80).collect::<String>();
                        let lo = g.span.start.min(g.sources[0].start).saturating_sub(150);
                        let hi = (g.span.end.max(g.sources[0].end) + 150).min(text.len());
                        let lo = (lo..=g.span.start).find(|&p| text.is_char_boundary(p)).unwrap_or(g.span.start);
                        let hi = (hi..=text.len()).find(|&p| text.is_char_boundary(p)).unwrap_or(text.len());
                        eprintln!("SPEAKER {} gold={:?} pred={:?} quote={:?}\n   CTX {:?}", g.source_kind, g.sources.iter().map(|&s| ctx(s)).collect::<Vec<_>>(), sp.map(ctx), ctx(g.span), &text[lo..hi]);
                    }
                }
            }
        }
        if debug {
            for (i, p) in preds.iter().enumerate().filter(|(i, _)| !used_ov[*i]) {
                let _ = i;
                eprintln!("FALSE {article} {:?}", text[p.0.start..p.0.end].chars().take(80).collect::<String>());
            }
        }
    }
    Ok(report)
}

/// Scores on the page dumps (`../shared/dumps/pages`, `gold.json` quotes).
#[derive(Clone, Debug, Default)]
pub struct PagesReport {
    /// Dumps read.
    pub dumps: usize,
    /// Gold quotes found: a predicted quote (or one of its parts) whose text starts with the
    /// gold `quote_start` (both normalised: lowercase, letters and digits, single spaces).
    pub found: Acc,
    /// Gold quotes with a speaker whose quote was found with the right speaker (the predicted
    /// `speaker`, `speaker_name` or linked entity's name matches the gold speaker by full name
    /// or surname); a quote not found counts as wrong.
    pub speaker: Acc,
}

/// Lowercase letters and digits, other runs as one space (quote marks, apostrophes, dashes and
/// stray backslashes do not count), with the byte offset in `s` of each output char.
fn norm_map(s: &str) -> (String, Vec<usize>) {
    let mut out = String::new();
    let mut at = Vec::new();
    let mut gap = false;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
                at.push(i);
            }
            gap = false;
            for l in c.to_lowercase() {
                out.push(l);
                at.push(i);
            }
        } else if !matches!(c, '\'' | '’' | '\\') {
            gap = true;
        }
    }
    (out, at)
}

fn norm(s: &str) -> String {
    norm_map(s).0
}

/// The gold speaker `gold` is named by `pred`: same name, `pred` contains it, or the same
/// surname (last word; first word, when it is not a known first name, for a one-word
/// prediction: `Kim` of `Kim Jong Un`).
pub fn same_speaker(gold: &str, pred: &str) -> bool {
    let (g, p) = (norm(gold), norm(pred));
    if g.is_empty() || p.is_empty() {
        return false;
    }
    let pad = |x: &str| format!(" {x} ");
    if pad(&p).contains(&pad(&g)) {
        return true;
    }
    let gw: Vec<&str> = g.split(' ').collect();
    let pw: Vec<&str> = p.split(' ').collect();
    if gw.len() >= 2 && gw.iter().all(|w| w.chars().next().is_some_and(|c| !c.is_numeric())) {
        let cap = gold.split_whitespace().last().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        if cap && (pw.last() == gw.last() || (pw.len() == 1 && pw[0] == gw[0] && crate::quotes::names::gender(gold.split_whitespace().next().unwrap_or("")).is_none())) {
            return true;
        }
    }
    false
}

/// Score quotes on the page dumps in `dir` (`NN.txt` and `gold.json`) through [`crate::parse`];
/// `errors` prints each miss and wrong speaker with its line on stderr.
pub fn evaluate_pages(dir: &Path, errors: bool) -> Result<PagesReport, String> {
    let gold_path = dir.join("gold.json");
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&gold_path).map_err(|e| format!("cannot read {}: {e}", gold_path.display()))?)
        .map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let mut r = PagesReport::default();
    for d in gold.as_array().ok_or("gold.json: not a list")? {
        let Some(file) = d.get("file").and_then(|f| f.as_str()) else { continue };
        let text = std::fs::read_to_string(dir.join(file)).map_err(|e| format!("cannot read {file}: {e}"))?;
        r.dumps += 1;
        let doc = crate::parse(&text);
        let (ntext, nat) = norm_map(&text);
        for g in d.get("quotes").and_then(|q| q.as_array()).into_iter().flatten() {
            let start = norm(g.get("quote_start").and_then(|x| x.as_str()).unwrap_or(""));
            let speaker = g.get("speaker").and_then(|x| x.as_str());
            if start.is_empty() {
                continue;
            }
            r.found.total += 1;
            if speaker.is_some() {
                r.speaker.total += 1;
            }
            let starts = |s: &str| norm(s).starts_with(&start);
            let hit = doc.quotes.iter().find(|q| starts(&q.text) || q.parts.iter().any(|p| text.get(p.start..p.end).is_some_and(starts)));
            let line = || {
                let at = ntext.find(&start).and_then(|i| nat.get(i)).copied().unwrap_or(0);
                let lo = text[..at].rfind('\n').map(|x| x + 1).unwrap_or(0);
                let hi = text[at..].find('\n').map(|x| at + x).unwrap_or(text.len());
                text[lo..hi].chars().take(300).collect::<String>()
            };
            let Some(q) = hit else {
                if errors {
                    eprintln!("PAGES MISSED {file} {start:?} speaker={speaker:?}\n   LINE {:?}", line());
                }
                continue;
            };
            r.found.correct += 1;
            let Some(sp) = speaker else { continue };
            let ent = q.entity.and_then(|e| doc.entities.get(e)).map(|e| e.name.as_str());
            if [q.speaker.as_deref(), q.speaker_name.as_deref(), ent].into_iter().flatten().any(|p| same_speaker(sp, p)) {
                r.speaker.correct += 1;
            } else if errors {
                eprintln!("PAGES SPEAKER {file} gold={sp:?} pred={:?} name={:?} entity={ent:?} quote={start:?}\n   LINE {:?}", q.speaker, q.speaker_name, line());
            }
        }
    }
    Ok(r)
}

/// A document whose single article's paragraphs are the blank-line-separated blocks of `text`.
fn paragraph_doc(text: &str) -> Document {
    let paras: Vec<Snippet> = paragraphs(text).into_iter().map(|s| Snippet { text: text[s.start..s.end].to_string(), span: s }).collect();
    let mut doc = Document::empty(text);
    if let (Some(a), Some(b)) = (paras.first(), paras.last()) {
        let span = Span::new(a.span.start, b.span.end);
        doc.articles.push(Article { title: None, dateline: None, byline: None, published: None, sections: vec![Section { heading: None, paragraphs: paras }], end_mark: None, span });
    }
    doc
}

/// Print a report.
pub fn print(report: &Report) {
    println!("PolNeAR direct quotes: {} articles", report.articles);
    let line = |name: &str, p: &Prf| println!("  {name:<22} P {:.3}  R {:.3}  F {:.3}   (pred {}, gold {})", p.p(), p.r(), p.f(), p.pred, p.gold);
    line("content exact", &report.exact);
    line("content overlap", &report.overlap);
    println!("  speaker accuracy       {:.3}   ({}/{} found quotes with a Source)", report.speaker.acc(), report.speaker.correct, report.speaker.total);
    println!("  recall by quote kind:");
    for (k, a) in &report.recall_by_kind {
        println!("    {k:<20} {:.3}   ({}/{})", a.acc(), a.correct, a.total);
    }
    println!("  speaker by gold source form (none = no speaker predicted):");
    for (k, a) in &report.speaker_by_source {
        println!("    {k:<20} {:.3}   ({}/{})", a.acc(), a.correct, a.total);
    }
    println!("  content overlap by publisher:");
    for (k, p) in &report.by_publisher {
        line(&format!("  {k}"), p);
    }
}

/// Print the pages report.
pub fn print_pages(r: &PagesReport) {
    println!("Page dumps: {} dumps", r.dumps);
    println!("  quotes found           {:.3}   ({}/{})", r.found.acc(), r.found.correct, r.found.total);
    println!("  speaker right          {:.3}   ({}/{} gold quotes with a speaker)", r.speaker.acc(), r.speaker.correct, r.speaker.total);
}

const USAGE: &str = "usage: gleaner-eval quotes [--rules-only] [--errors] [--pages DIR | --no-pages] [DIR]
  DIR       PolNeAR directory (default ../shared/data/polnear/dev)
  --pages   page dumps with gold.json (default ../shared/dumps/pages)
  --rules-only  PolNeAR paragraphs as blank-line blocks, no tagger (the rules alone)
  --errors  print every miss and wrong speaker on stderr";

/// Run `gleaner-eval quotes [--rules-only] [--errors] [--pages DIR] [DIR]`; returns the process exit code.
pub fn cli(args: &[String]) -> i32 {
    let mut mode = Mode::Pipeline;
    let mut errors = false;
    let mut dir = None;
    let mut pages: Option<Option<PathBuf>> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--help" | "-h" => {
                println!("{USAGE}");
                return 0;
            }
            "--rules-only" => mode = Mode::RulesOnly,
            "--errors" => errors = true,
            "--no-pages" => pages = Some(None),
            "--pages" => match it.next() {
                Some(p) => pages = Some(Some(PathBuf::from(p))),
                None => {
                    eprintln!("gleaner-eval quotes: --pages needs a directory\n{USAGE}");
                    return 2;
                }
            },
            x if x.starts_with('-') => {
                eprintln!("gleaner-eval quotes: unknown option {x}\n{USAGE}");
                return 2;
            }
            x => dir = Some(PathBuf::from(x)),
        }
    }
    let dir = match dir {
        Some(d) => d,
        None => match super::shared_data_dir() {
            Some(d) => d.join("polnear/dev"),
            None => {
                eprintln!("gleaner-eval quotes: ../shared/data missing; pass the PolNeAR directory");
                return 1;
            }
        },
    };
    let pages = pages.unwrap_or_else(|| Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/dumps/pages")).filter(|p| p.is_dir()));
    match evaluate_with(&dir, mode, errors) {
        Ok(r) => print(&r),
        Err(e) => {
            eprintln!("gleaner-eval quotes: {e}");
            return 1;
        }
    }
    if let Some(p) = pages {
        match evaluate_pages(&p, errors) {
            Ok(r) => print_pages(&r),
            Err(e) => {
                eprintln!("gleaner-eval quotes: {e}");
                return 1;
            }
        }
    }
    0
}

/// `gleaner-train speakers …`: train the speaker ranker (see `src/quotes/train.rs`).
#[cfg(feature = "train")]
pub fn train_speakers(args: &[String]) -> i32 {
    crate::quotes::train::cli(args)
}
