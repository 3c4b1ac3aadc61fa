//! `gleaner-eval ner FILE…`: conlleval-style P/R/F of the NER tagger on CoNLL files.
//!
//! Reads CoNLL-2003 (4 columns, IOB1), CleanCoNLL (5 columns, last = IOB2), 2-column
//! files, and UNER/CoNLL-U-like files (`# ` comment lines, `id token tag …`). Documents
//! start at `-DOCSTART-` (or `# newdoc`). Each document is rebuilt as text (tokens joined
//! with spaces, one sentence per line), tagged through the same path as a real dump (a
//! paragraph region per line, document-level features per document), and the predicted
//! mention spans are mapped back to the file's tokens.
//!
//! Scoring follows conlleval exactly: chunks are read from IOB1/IOB2 tags with conlleval's
//! start/end rules, a chunk is correct when its type and both ends match.

use std::collections::BTreeMap;
use std::path::Path;

use crate::document::{Region, RegionKind};
use crate::span::Span;
use crate::tagger::Resources;

#[cfg(feature = "train")]
pub use crate::tagger::train;
pub use crate::tagger::{resources, Resources as TaggerResources};

/// One document of a CoNLL file: sentences of `(token, tag)`.
#[derive(Clone, Debug, Default)]
pub struct ConllDoc {
    /// Sentences.
    pub sents: Vec<Vec<(String, String)>>,
}

/// Read a CoNLL-format file (see the module docs for the accepted layouts).
pub fn read_conll(path: &Path) -> std::io::Result<Vec<ConllDoc>> {
    let text = std::fs::read_to_string(path)?;
    Ok(parse_conll(&text, None))
}

/// Parse CoNLL text; `tag_col` overrides the tag column (default: last, or 3rd for CoNLL-U-like).
pub fn parse_conll(text: &str, tag_col: Option<usize>) -> Vec<ConllDoc> {
    let conllu = text.lines().any(|l| l.starts_with("# sent_id") || l.starts_with("# text") || l.starts_with("# newdoc"));
    let mut docs: Vec<ConllDoc> = Vec::new();
    let mut cur = ConllDoc::default();
    let mut sent: Vec<(String, String)> = Vec::new();
    let flush_sent = |sent: &mut Vec<(String, String)>, cur: &mut ConllDoc| {
        if !sent.is_empty() {
            cur.sents.push(std::mem::take(sent));
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') && conllu {
            if line.starts_with("# newdoc") {
                flush_sent(&mut sent, &mut cur);
                if !cur.sents.is_empty() {
                    docs.push(std::mem::take(&mut cur));
                }
            }
            continue;
        }
        let f: Vec<&str> = if conllu { line.split('\t').collect() } else { line.split_whitespace().collect() };
        if line.trim().is_empty() || f.is_empty() {
            flush_sent(&mut sent, &mut cur);
            continue;
        }
        if f[0] == "-DOCSTART-" {
            flush_sent(&mut sent, &mut cur);
            if !cur.sents.is_empty() {
                docs.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let (tok, tag) = if conllu {
            if f.len() < 3 || f[0].contains('-') || f[0].contains('.') {
                continue; // multiword-token or empty-node lines
            }
            (f[1], f[tag_col.unwrap_or(2).min(f.len() - 1)])
        } else {
            if f.len() < 2 {
                continue;
            }
            (f[0], f[tag_col.unwrap_or(f.len() - 1).min(f.len() - 1)])
        };
        sent.push((tok.to_string(), tag.to_string()));
    }
    flush_sent(&mut sent, &mut cur);
    if !cur.sents.is_empty() {
        docs.push(cur);
    }
    docs
}

/// Split a tag into (prefix, type): `B-PER` → (`B`, `PER`); `O` → (`O`, ``).
fn split_tag(t: &str) -> (&str, &str) {
    match t.split_once('-') {
        Some((p, ty)) if !p.is_empty() => (p, ty),
        _ => (if t == "O" || t.is_empty() { "O" } else { t }, ""),
    }
}

fn end_of_chunk(pt: &str, t: &str, pty: &str, ty: &str) -> bool {
    (pt == "B" && t == "B")
        || (pt == "B" && t == "O")
        || (pt == "I" && t == "B")
        || (pt == "I" && t == "O")
        || (pt == "B" && t == "S")
        || (pt == "I" && t == "S")
        || (pt == "E" && matches!(t, "E" | "I" | "O" | "S" | "B"))
        || (pt == "S" && matches!(t, "E" | "I" | "O" | "S" | "B"))
        || (pt != "O" && pt != "." && pty != ty)
}

fn start_of_chunk(pt: &str, t: &str, pty: &str, ty: &str) -> bool {
    (pt == "B" && t == "B")
        || (pt == "I" && t == "B")
        || (pt == "O" && t == "B")
        || (pt == "O" && t == "I")
        || (pt == "E" && t == "E")
        || (pt == "E" && t == "I")
        || (pt == "O" && t == "E")
        || (pt == "S" && t == "E")
        || (pt == "S" && t == "I")
        || (pt == "E" && t == "B")
        || (pt == "S" && t == "B")
        || t == "S"
        || (t != "O" && t != "." && pty != ty)
}

/// conlleval chunks `(start, end_exclusive, type)` of one sentence's tags.
pub fn conll_chunks(tags: &[&str]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let (mut pt, mut pty) = ("O", "");
    let mut open: Option<(usize, String)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (t, ty) = split_tag(tag);
        if end_of_chunk(pt, t, pty, ty) {
            if let Some((s, sty)) = open.take() {
                out.push((s, i, sty));
            }
        }
        if start_of_chunk(pt, t, pty, ty) {
            open = Some((i, ty.to_string()));
        }
        pt = t;
        pty = ty;
    }
    if let Some((s, sty)) = open.take() {
        out.push((s, tags.len(), sty));
    }
    out
}

/// Chunk counts per type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold chunks.
    pub gold: usize,
    /// Guessed chunks.
    pub found: usize,
    /// Correct guesses.
    pub correct: usize,
}

/// A conlleval report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Tokens scored.
    pub tokens: usize,
    /// Tokens whose gold and guessed tags are equal.
    pub correct_tags: usize,
    /// Per type.
    pub per_type: BTreeMap<String, Counts>,
}

fn prf(c: &Counts) -> (f64, f64, f64) {
    let p = if c.found > 0 { 100.0 * c.correct as f64 / c.found as f64 } else { 0.0 };
    let r = if c.gold > 0 { 100.0 * c.correct as f64 / c.gold as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

impl Report {
    /// Add one sentence of gold and guessed tags.
    pub fn add(&mut self, gold: &[&str], guess: &[&str]) {
        self.tokens += gold.len();
        self.correct_tags += gold.iter().zip(guess).filter(|(a, b)| a == b).count();
        let g = conll_chunks(gold);
        let p = conll_chunks(guess);
        for c in &g {
            self.per_type.entry(c.2.clone()).or_default().gold += 1;
        }
        for c in &p {
            let e = self.per_type.entry(c.2.clone()).or_default();
            e.found += 1;
            if g.contains(c) {
                e.correct += 1;
            }
        }
    }

    /// Overall counts.
    pub fn total(&self) -> Counts {
        let mut t = Counts::default();
        for c in self.per_type.values() {
            t.gold += c.gold;
            t.found += c.found;
            t.correct += c.correct;
        }
        t
    }

    /// Overall (precision, recall, F1) in percent.
    pub fn overall(&self) -> (f64, f64, f64) {
        prf(&self.total())
    }

    /// (precision, recall, F1) of one type.
    pub fn of(&self, ty: &str) -> (f64, f64, f64) {
        self.per_type.get(ty).map(prf).unwrap_or((0.0, 0.0, 0.0))
    }

    /// conlleval's text output.
    pub fn to_conlleval(&self) -> String {
        let t = self.total();
        let (p, r, f) = prf(&t);
        let acc = if self.tokens > 0 { 100.0 * self.correct_tags as f64 / self.tokens as f64 } else { 0.0 };
        let mut s = format!(
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n",
            self.tokens, t.gold, t.found, t.correct
        );
        s += &format!("accuracy: {acc:6.2}%; precision: {p:6.2}%; recall: {r:6.2}%; FB1: {f:6.2}\n");
        for (ty, c) in &self.per_type {
            let (p, r, f) = prf(c);
            s += &format!("{ty:>17}: precision: {p:6.2}%; recall: {r:6.2}%; FB1: {f:6.2}  {}\n", c.found);
        }
        s
    }
}

/// Score a file whose last two columns are gold and guessed tags (conlleval's input).
pub fn score_conlleval_text(text: &str) -> Report {
    let mut rep = Report::default();
    let mut gold: Vec<String> = Vec::new();
    let mut guess: Vec<String> = Vec::new();
    let flush = |rep: &mut Report, gold: &mut Vec<String>, guess: &mut Vec<String>| {
        let g: Vec<&str> = gold.iter().map(String::as_str).collect();
        let p: Vec<&str> = guess.iter().map(String::as_str).collect();
        rep.add(&g, &p);
        gold.clear();
        guess.clear();
    };
    for line in text.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.is_empty() {
            flush(&mut rep, &mut gold, &mut guess);
            continue;
        }
        if f[0] == "-DOCSTART-" {
            // conlleval counts it as a token tagged O/O, which also closes chunks.
            flush(&mut rep, &mut gold, &mut guess);
            rep.tokens += 1;
            rep.correct_tags += 1;
            continue;
        }
        if f.len() < 3 {
            continue;
        }
        gold.push(f[f.len() - 2].to_string());
        guess.push(f[f.len() - 1].to_string());
    }
    flush(&mut rep, &mut gold, &mut guess);
    rep
}

/// Rebuild a document's text: tokens joined with spaces, one sentence per line.
/// Returns the text and each sentence's token spans.
pub fn doc_text(doc: &ConllDoc) -> (String, Vec<Vec<Span>>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(doc.sents.len());
    for s in &doc.sents {
        let mut v = Vec::with_capacity(s.len());
        for (k, (tok, _)) in s.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            let a = text.len();
            text.push_str(tok);
            v.push(Span::new(a, text.len()));
        }
        text.push('\n');
        spans.push(v);
    }
    (text, spans)
}

/// One paragraph region per sentence line.
pub fn doc_regions(spans: &[Vec<Span>]) -> Vec<Region> {
    spans
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| Region { span: Span::new(s[0].start, s[s.len() - 1].end), kind: RegionKind::Paragraph, article: None })
        .collect()
}

/// Predicted IOB2 tags for a document's tokens. `keep` filters predicted types.
pub fn predict_doc(doc: &ConllDoc, res: &Resources, keep: &dyn Fn(&str) -> bool) -> Vec<Vec<String>> {
    predict_doc_with(doc, &res.gaz, &res.clusters, &res.model, res.model.temperature, keep)
}

/// [`predict_doc`] with any scorer (the trainer evaluates unpruned weights with it).
pub fn predict_doc_with<S: crate::tagger::model::Scorer>(
    doc: &ConllDoc,
    gaz: &crate::gazetteer::Lexicon,
    clusters: &crate::gazetteer::Lexicon,
    scorer: &S,
    temperature: f32,
    keep: &dyn Fn(&str) -> bool,
) -> Vec<Vec<String>> {
    let (text, spans) = doc_text(doc);
    let regions = doc_regions(&spans);
    let sents = crate::tagger::segment(&text, &regions);
    let pdoc = crate::tagger::prepare_scored(&text, sents, gaz, clusters, scorer);
    let mentions = crate::tagger::mentions_of(&text, &pdoc, scorer, temperature);
    spans_to_tags(&spans, &mentions, keep)
}

/// Map mention spans onto tokens (IOB2).
pub fn spans_to_tags(spans: &[Vec<Span>], mentions: &[crate::document::Mention], keep: &dyn Fn(&str) -> bool) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = spans.iter().map(|s| vec!["O".to_string(); s.len()]).collect();
    // Flat token list with (sentence, index).
    let mut flat: Vec<(Span, usize, usize)> = Vec::new();
    for (si, s) in spans.iter().enumerate() {
        for (ti, sp) in s.iter().enumerate() {
            flat.push((*sp, si, ti));
        }
    }
    let mut k = 0;
    for m in mentions {
        let ty = m.label.as_str();
        if !keep(ty) {
            continue;
        }
        while k < flat.len() && flat[k].0.end <= m.span.start {
            k += 1;
        }
        let mut j = k;
        let mut first = true;
        while j < flat.len() && flat[j].0.start < m.span.end {
            let (_, si, ti) = flat[j];
            if out[si][ti] == "O" {
                out[si][ti] = format!("{}-{}", if first { "B" } else { "I" }, ty);
            }
            first = false;
            j += 1;
        }
    }
    out
}

/// Evaluate documents; returns the report and the number of tokens tagged.
pub fn evaluate(docs: &[ConllDoc], res: &Resources, keep: &dyn Fn(&str) -> bool) -> Report {
    evaluate_with(docs, &res.gaz, &res.clusters, &res.model, res.model.temperature, keep)
}

/// [`evaluate`] with any scorer.
pub fn evaluate_with<S: crate::tagger::model::Scorer>(
    docs: &[ConllDoc],
    gaz: &crate::gazetteer::Lexicon,
    clusters: &crate::gazetteer::Lexicon,
    scorer: &S,
    temperature: f32,
    keep: &dyn Fn(&str) -> bool,
) -> Report {
    let preds: Vec<Vec<Vec<String>>> = docs.iter().map(|d| predict_doc_with(d, gaz, clusters, scorer, temperature, keep)).collect();
    score(docs, &preds)
}

/// Score predicted tags (`preds[doc][sentence][token]`, as [`predict_doc`] returns them).
pub fn score(docs: &[ConllDoc], preds: &[Vec<Vec<String>>]) -> Report {
    let mut rep = Report::default();
    for (d, pred) in docs.iter().zip(preds) {
        for (s, p) in d.sents.iter().zip(pred) {
            let g: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
            let q: Vec<&str> = p.iter().map(String::as_str).collect();
            rep.add(&g, &q);
        }
    }
    rep
}

const USAGE: &str = "usage: gleaner-eval ner [--types PER,ORG,LOC] [--conlleval] FILE…
       gleaner-eval ner --all [--errors] [--model DIR]
  --all         one table over every dev set in ../shared/data (CoNLL-2003, CleanCoNLL, UNER
                EWT, BTC, WNUT-17 mapped, GUM mapped; each scored on the types it annotates)
                plus key-entity recall on ../shared/dumps/pages (gleaner::parse, product
                defaults; with --errors, every missed key entity)
  --model DIR   with --all: score the dev sets with DIR/{ner.model,gazetteer.fst,clusters.fst}
                (a gleaner-train --out DIR) instead of the embedded model; pages are skipped
                (gleaner::parse always uses the embedded model)
  Tags each CoNLL file (IOB1/IOB2, 2-5 columns or UNER .iob2) with the embedded model and
  prints conlleval-style precision/recall/F1 per type and overall.
  --types T,..  keep only predicted mentions of these types (e.g. PER,ORG,LOC for UNER)
  --conlleval   do not tag: score a file whose last two columns are gold and guessed tags
  --speed       also time the tagger alone (tag() per document, 5 rounds) and print tokens/s
  --errors      also list every false positive and false negative (with its sentence) and
                the most frequent ones";

/// Run `gleaner-eval ner ARGS`; returns the process exit code.
pub fn cli(args: &[String]) -> i32 {
    let mut files = Vec::new();
    let mut types: Option<Vec<String>> = None;
    let mut score_only = false;
    let mut speed = false;
    let mut show_errors = false;
    let mut all = false;
    let mut model_dir: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--help" | "-h" => {
                println!("{USAGE}");
                return 0;
            }
            "--types" => match it.next() {
                Some(t) => types = Some(t.split(',').map(|s| s.trim().to_string()).collect()),
                None => {
                    eprintln!("{USAGE}");
                    return 2;
                }
            },
            "--conlleval" => score_only = true,
            "--speed" => speed = true,
            "--errors" => show_errors = true,
            "--all" => all = true,
            "--model" => match it.next() {
                Some(d) => model_dir = Some(d.clone()),
                None => {
                    eprintln!("--model needs a directory\n{USAGE}");
                    return 2;
                }
            },
            s if s.starts_with("--") => {
                eprintln!("unknown option {s}\n{USAGE}");
                return 2;
            }
            f => files.push(f.to_string()),
        }
    }
    if all {
        if !files.is_empty() || score_only || types.is_some() {
            eprintln!("gleaner-eval ner: --all takes no files, --types or --conlleval\n{USAGE}");
            return 2;
        }
        return cli_all(show_errors, model_dir.as_deref());
    }
    if model_dir.is_some() {
        eprintln!("gleaner-eval ner: --model goes with --all\n{USAGE}");
        return 2;
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return 2;
    }
    let res = if score_only {
        None
    } else {
        match resources() {
            Some(r) => Some(r),
            None => {
                eprintln!("gleaner-eval ner: the embedded model failed to load");
                return 1;
            }
        }
    };
    let keep = |t: &str| types.as_ref().map_or(true, |v| v.iter().any(|x| x == t));
    for f in &files {
        let text = match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("gleaner-eval ner: cannot read {f}: {e}");
                return 1;
            }
        };
        println!("== {f}");
        if score_only {
            print!("{}", score_conlleval_text(&text).to_conlleval());
            continue;
        }
        let docs = parse_conll(&text, None);
        let t0 = std::time::Instant::now();
        let preds: Vec<Vec<Vec<String>>> = docs.iter().map(|d| predict_doc(d, res.unwrap(), &keep)).collect();
        let rep = score(&docs, &preds);
        let dt = t0.elapsed().as_secs_f64();
        print!("{}", rep.to_conlleval());
        if show_errors {
            print!("{}", errors(&docs, &preds));
        }
        println!("(tagged {} tokens in {:.2}s: {:.0} tokens/s, including text rebuild and scoring)", rep.tokens, dt, rep.tokens as f64 / dt);
        if speed {
            let inputs: Vec<(String, Vec<Region>)> = docs
                .iter()
                .map(|d| {
                    let (t, spans) = doc_text(d);
                    let r = doc_regions(&spans);
                    (t, r)
                })
                .collect();
            let t0 = std::time::Instant::now();
            let mut n = 0;
            for _ in 0..5 {
                for (t, r) in &inputs {
                    n += tag(t, r).1;
                }
            }
            let dt = t0.elapsed().as_secs_f64();
            println!("speed: tag() read {n} tokens in {dt:.2}s: {:.0} tokens/s (one thread)", n as f64 / dt);
        }
    }
    0
}

/// Model and lexicons from a directory (as `gleaner-train --out DIR` writes them).
pub fn load_resources(dir: &Path) -> Result<Resources, String> {
    use crate::gazetteer::{Lexicon, LexiconKind};
    let read = |f: &str| std::fs::read(dir.join(f)).map_err(|e| format!("cannot read {}: {e}", dir.join(f).display()));
    let bad = |f: &str, e: crate::gazetteer::LoadError| format!("{}: {}", dir.join(f).display(), e.0);
    Ok(Resources {
        model: crate::tagger::model::Model::from_bytes(&read("ner.model")?).map_err(|e| bad("ner.model", e))?,
        gaz: Lexicon::from_bytes(read("gazetteer.fst")?.into(), LexiconKind::Gazetteer).map_err(|e| bad("gazetteer.fst", e))?,
        clusters: Lexicon::from_bytes(read("clusters.fst")?.into(), LexiconKind::Clusters).map_err(|e| bad("clusters.fst", e))?,
    })
}

/// `gleaner-eval ner --all`.
fn cli_all(show_errors: bool, model_dir: Option<&str>) -> i32 {
    let loaded;
    let res = match model_dir {
        Some(d) => match load_resources(Path::new(d)) {
            Ok(r) => {
                loaded = r;
                &loaded
            }
            Err(e) => {
                eprintln!("gleaner-eval ner: {e}");
                return 1;
            }
        },
        None => match resources() {
            Some(r) => r,
            None => {
                eprintln!("gleaner-eval ner: the embedded model failed to load");
                return 1;
            }
        },
    };
    let Some(data) = super::shared_data_dir() else {
        eprintln!("gleaner-eval ner: ../shared/data not found (set GLEANER_DATA)");
        return 1;
    };
    let t0 = std::time::Instant::now();
    let rows = dev_suite(&data, res);
    let pages = if model_dir.is_some() { None } else { super::structure::dumps_dir().map(|d| pages_recall(&d.join("pages"))) };
    print!("{}", suite_table(&rows, pages.as_ref()));
    println!("(P/R/F1: conlleval chunks, predictions restricted to the types each set annotates; pages: recall of key entities; {:.1}s)", t0.elapsed().as_secs_f64());
    if let (true, Some(Ok(p))) = (show_errors, &pages) {
        println!("-- missed key entities");
        for m in &p.misses {
            println!("{m}");
        }
    }
    0
}

/// For predicted tags (as [`predict_doc`] returns them), one line per wrong chunk (`FP`
/// guessed but not gold, `FN` gold but not guessed; the overlapping chunk of the other side
/// in brackets; the sentence after `|`), then the most frequent errors by text.
pub fn errors(docs: &[ConllDoc], preds: &[Vec<Vec<String>>]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let mut freq: BTreeMap<String, usize> = BTreeMap::new();
    for (d, pred) in docs.iter().zip(preds) {
        for (s, p) in d.sents.iter().zip(pred) {
            let gold_tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
            let pred_tags: Vec<&str> = p.iter().map(String::as_str).collect();
            let (g, q) = (conll_chunks(&gold_tags), conll_chunks(&pred_tags));
            let words = |a: usize, b: usize| s[a..b].iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>().join(" ");
            let sentence: String = words(0, s.len()).chars().take(140).collect();
            for (kind, mine, other) in [("FP", &q, &g), ("FN", &g, &q)] {
                for (a, b, ty) in mine.iter().filter(|c| !other.contains(c)) {
                    let near: Vec<String> = other.iter().filter(|(c, e, _)| c < b && a < e).map(|(c, e, t)| format!("{t} «{}»", words(*c, *e))).collect();
                    let near = if near.is_empty() { "none".to_string() } else { near.join(", ") };
                    let _ = writeln!(out, "{kind} {ty} «{}» [{}: {near}] | {sentence}", words(*a, *b), if kind == "FP" { "gold" } else { "guess" });
                    *freq.entry(format!("{kind} {ty} «{}» [{near}]", words(*a, *b))).or_default() += 1;
                }
            }
        }
    }
    let mut top: Vec<(&String, &usize)> = freq.iter().filter(|(_, &n)| n > 1).collect();
    top.sort_by(|x, y| y.1.cmp(x.1).then(x.0.cmp(y.0)));
    let _ = writeln!(out, "-- most frequent errors");
    for (k, n) in top.iter().take(40) {
        let _ = writeln!(out, "{n:>4}  {k}");
    }
    out
}

/// The tagger's entry point (`(mentions, tokens)` for regions of `text`), for tests and tools.
pub fn tag(text: &str, regions: &[Region]) -> (Vec<crate::document::Mention>, usize) {
    crate::tagger::tag(text, regions)
}

// ---------------------------------------------------------------- the dev-set suite

/// How a labelled set's file is laid out and how its tags map to CoNLL types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetFormat {
    /// CoNLL-2003, CleanCoNLL or UNER files, read by [`parse_conll`] (tags already CoNLL types).
    Conll,
    /// BTC: `token<TAB>tag`, one tweet per sentence, each tweet its own document; an `@`
    /// token tagged like the user name after it is dropped (the README's advice), so the
    /// name is one entity.
    Btc,
    /// WNUT-17: `token<TAB>tag`, one post per document; person → PER, location → LOC,
    /// corporation and group → ORG, product and creative-work → MISC.
    Wnut,
    /// GUM flat BIO (`token<TAB>tag<TAB>wiki`, `# newdoc` starts a document): person → PER,
    /// place → LOC, organization → ORG, time and every `_nom` span → O, the other named
    /// types → MISC.
    Gum,
}

/// One labelled NER set under `../shared/data`.
#[derive(Clone, Copy, Debug)]
pub struct NerSet {
    /// Short name for reports.
    pub name: &'static str,
    /// Path under the data directory.
    pub path: &'static str,
    /// Layout and label mapping.
    pub format: SetFormat,
    /// The types the set annotates (predictions of other types are not scored).
    pub types: &'static [&'static str],
}

const ALL4: &[&str] = &["PER", "ORG", "LOC", "MISC"];
const NO_MISC: &[&str] = &["PER", "ORG", "LOC"];

/// Every dev set `gleaner-eval ner --all` reports, in table order.
pub const DEV_SETS: [NerSet; 6] = [
    NerSet { name: "CoNLL-2003 dev", path: "conll2003/dev.txt", format: SetFormat::Conll, types: ALL4 },
    NerSet { name: "CleanCoNLL dev", path: "cleanconll/dev.txt", format: SetFormat::Conll, types: ALL4 },
    NerSet { name: "UNER EWT dev", path: "uner_en_ewt/en_ewt-ud-dev.iob2", format: SetFormat::Conll, types: NO_MISC },
    NerSet { name: "BTC dev", path: "btc/btc.dev", format: SetFormat::Btc, types: NO_MISC },
    NerSet { name: "WNUT-17 dev", path: "wnut17/emerging.dev.conll", format: SetFormat::Wnut, types: ALL4 },
    NerSet { name: "GUM dev", path: "gum/gum_dev.tsv", format: SetFormat::Gum, types: ALL4 },
];

/// Read a set from `data` (the `../shared/data` directory) with its label mapping applied.
pub fn read_set(data: &Path, set: &NerSet) -> std::io::Result<Vec<ConllDoc>> {
    let text = std::fs::read_to_string(data.join(set.path))?;
    Ok(parse_set(&text, set.format))
}

/// Parse a set's text in the given layout (see [`SetFormat`]).
pub fn parse_set(text: &str, format: SetFormat) -> Vec<ConllDoc> {
    match format {
        SetFormat::Conll => parse_conll(text, None),
        SetFormat::Btc | SetFormat::Wnut => {
            let map: fn(&str) -> String = if format == SetFormat::Btc { |t| t.to_string() } else { map_wnut };
            let mut docs = Vec::new();
            for sent in tab_sentences(text, 1) {
                let mut s: Vec<(String, String)> = sent.into_iter().map(|(w, t)| (w, map(&t))).collect();
                if format == SetFormat::Btc {
                    s = merge_at(s);
                }
                if !s.is_empty() {
                    docs.push(ConllDoc { sents: vec![s] });
                }
            }
            docs
        }
        SetFormat::Gum => {
            let mut docs: Vec<ConllDoc> = Vec::new();
            let mut cur = ConllDoc::default();
            let mut sent: Vec<(String, String)> = Vec::new();
            for line in text.lines() {
                if line.starts_with("# ") && !line.contains('\t') {
                    if line.starts_with("# newdoc") {
                        if !sent.is_empty() {
                            cur.sents.push(std::mem::take(&mut sent));
                        }
                        if !cur.sents.is_empty() {
                            docs.push(std::mem::take(&mut cur));
                        }
                    }
                    continue;
                }
                if line.trim().is_empty() {
                    if !sent.is_empty() {
                        cur.sents.push(std::mem::take(&mut sent));
                    }
                    continue;
                }
                let mut f = line.split('\t');
                let (Some(w), Some(t)) = (f.next(), f.next()) else { continue };
                sent.push((w.to_string(), map_gum(t)));
            }
            if !sent.is_empty() {
                cur.sents.push(sent);
            }
            if !cur.sents.is_empty() {
                docs.push(cur);
            }
            docs
        }
    }
}

/// `token<TAB>…<TAB>tag` lines into sentences (any whitespace-only line ends one); the tag
/// is column `tag_col`. Empty tokens (BTC has three) are skipped.
fn tab_sentences(text: &str, tag_col: usize) -> Vec<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut sent = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !sent.is_empty() {
                out.push(std::mem::take(&mut sent));
            }
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let w = f[0].trim_matches('\u{feff}');
        if w.trim().is_empty() || f.len() <= tag_col {
            continue;
        }
        sent.push((w.to_string(), f[tag_col].trim().to_string()));
    }
    if !sent.is_empty() {
        out.push(sent);
    }
    out
}

/// Re-type a tag: `B-x` → `B-<map(x)>`, or `O` when `map` gives none.
fn retag(tag: &str, map: impl Fn(&str) -> Option<&'static str>) -> String {
    match split_tag(tag) {
        (p @ ("B" | "I"), ty) => map(ty).map_or_else(|| "O".to_string(), |t| format!("{p}-{t}")),
        _ => "O".to_string(),
    }
}

fn map_wnut(tag: &str) -> String {
    retag(tag, |ty| match ty {
        "person" => Some("PER"),
        "location" => Some("LOC"),
        "corporation" | "group" => Some("ORG"),
        "product" | "creative-work" => Some("MISC"),
        _ => None,
    })
}

fn map_gum(tag: &str) -> String {
    retag(tag, |ty| match ty {
        "person" => Some("PER"),
        "place" => Some("LOC"),
        "organization" => Some("ORG"),
        "event" | "object" | "abstract" | "substance" | "animal" | "plant" => Some("MISC"),
        _ => None, // time, and every `_nom` (non-named) span
    })
}

/// Drop an `@` token that is tagged `B-X` when the next token is `B-X` too (BTC tags the
/// `@` and the user name as two entities).
fn merge_at(s: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::with_capacity(s.len());
    for i in 0..s.len() {
        let (w, t) = &s[i];
        if w == "@" && t.starts_with("B-") && s.get(i + 1).is_some_and(|n| &n.1 == t) {
            continue;
        }
        out.push(s[i].clone());
    }
    out
}

/// One row of the dev-set table.
#[derive(Clone, Debug)]
pub struct SetRow {
    /// The set's name.
    pub name: &'static str,
    /// Documents and tokens read.
    pub docs: usize,
    /// The conlleval report (predictions restricted to the set's types).
    pub report: Report,
}

/// Tag every set in [`DEV_SETS`] found under `data`; a missing file gives `Err(path)` in its place.
pub fn dev_suite(data: &Path, res: &Resources) -> Vec<Result<SetRow, String>> {
    DEV_SETS
        .iter()
        .map(|set| {
            let docs = read_set(data, set).map_err(|e| format!("{}: {e}", data.join(set.path).display()))?;
            let keep = |t: &str| set.types.contains(&t);
            let report = evaluate(&docs, res, &keep);
            Ok(SetRow { name: set.name, docs: docs.len(), report })
        })
        .collect()
}

/// Key-entity recall on a page set: per type, (found, gold).
#[derive(Clone, Debug, Default)]
pub struct PagesRecall {
    /// Per type: (gold entities found with exactly their text and type, gold entities).
    pub per_type: BTreeMap<String, (usize, usize)>,
    /// Gold entities not found: `page  TYPE «text» (found as: …)`.
    pub misses: Vec<String>,
}

/// Key-entity recall of `gleaner::parse` (product defaults) on `dir/gold.json` and its
/// pages: a gold entity counts when a mention, or an entity's name or alias, has exactly
/// its text (whitespace runs read as one space) and type.
pub fn pages_recall(dir: &Path) -> Result<PagesRecall, String> {
    pages_recall_with(dir, &|text: &str| crate::parse(text))
}

/// [`pages_recall`] with any parser.
pub fn pages_recall_with(dir: &Path, parse: &dyn Fn(&str) -> crate::Document) -> Result<PagesRecall, String> {
    let gold_path = dir.join("gold.json");
    let text = std::fs::read_to_string(&gold_path).map_err(|e| format!("cannot read {}: {e}", gold_path.display()))?;
    let gold: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let pages = gold.as_array().ok_or_else(|| format!("{}: expected a list of pages", gold_path.display()))?;
    let mut out = PagesRecall::default();
    for page in pages {
        let Some(file) = page.get("file").and_then(|v| v.as_str()) else { continue };
        let path = dir.join(file);
        let dump = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let doc = parse(&dump);
        // texts compare with whitespace squashed: a name wrapped over two lines still counts
        let squash = |t: &str| crate::resolve::words::squash(t).into_owned();
        let mut have: BTreeMap<String, Vec<&'static str>> = BTreeMap::new();
        for m in &doc.mentions {
            have.entry(squash(&m.text)).or_default().push(m.label.as_str());
        }
        for e in &doc.entities {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                have.entry(squash(n)).or_default().push(e.label.as_str());
            }
        }
        for ent in page.get("entities").and_then(|v| v.as_array()).into_iter().flatten() {
            let (Some(t), Some(ty)) = (ent.get("text").and_then(|v| v.as_str()), ent.get("type").and_then(|v| v.as_str())) else {
                continue;
            };
            let c = out.per_type.entry(ty.to_string()).or_default();
            c.1 += 1;
            let labels = have.get(&squash(t)).map(Vec::as_slice).unwrap_or(&[]);
            if labels.contains(&ty) {
                c.0 += 1;
            } else {
                let mut seen: Vec<&str> = labels.to_vec();
                seen.sort_unstable();
                seen.dedup();
                let seen = if seen.is_empty() { "nothing".to_string() } else { seen.join("/") };
                out.misses.push(format!("{file}  {ty} «{t}» (found as: {seen})"));
            }
        }
    }
    Ok(out)
}

/// The one-table report of [`dev_suite`] and [`pages_recall`] (Markdown).
pub fn suite_table(rows: &[Result<SetRow, String>], pages: Option<&Result<PagesRecall, String>>) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "| set | docs | tokens | entities | P | R | F1 | PER | ORG | LOC | MISC |");
    let _ = writeln!(s, "|---|---|---|---|---|---|---|---|---|---|---|");
    for row in rows {
        match row {
            Ok(r) => {
                let (p, rc, f) = r.report.overall();
                let _ = write!(s, "| {} | {} | {} | {} | {p:.1} | {rc:.1} | **{f:.1}** |", r.name, r.docs, r.report.tokens, r.report.total().gold);
                for ty in ["PER", "ORG", "LOC", "MISC"] {
                    match r.report.per_type.get(ty) {
                        Some(c) if c.gold > 0 => {
                            let _ = write!(s, " {:.1} |", prf(c).2);
                        }
                        _ => s.push_str(" - |"),
                    }
                }
                s.push('\n');
            }
            Err(e) => {
                let _ = writeln!(s, "| SKIPPED: {e} |");
            }
        }
    }
    if let Some(pages) = pages {
        match pages {
            Ok(p) => {
                let (f, g) = p.per_type.values().fold((0, 0), |a, c| (a.0 + c.0, a.1 + c.1));
                let pct = |f: usize, g: usize| if g > 0 { 100.0 * f as f64 / g as f64 } else { 0.0 };
                let _ = write!(s, "| pages key entities (recall) | | | {g} | | {:.1} | | ", pct(f, g));
                for ty in ["PER", "ORG", "LOC", "MISC"] {
                    let (f, g) = p.per_type.get(ty).copied().unwrap_or((0, 0));
                    let _ = write!(s, "{f}/{g} {:.1} | ", pct(f, g));
                }
                s.truncate(s.trim_end().len());
                s.push('\n');
            }
            Err(e) => {
                let _ = writeln!(s, "| SKIPPED: {e} |");
            }
        }
    }
    s
}
