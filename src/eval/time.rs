//! `gleaner-eval time [DIR]`: TempEval-3 style scores of the time-expression rules on
//! TimeML files (default: `shared_data_dir()/tbaq-cleaned`, TimeBank + AQUAINT).
//!
//! For each `.tml` file: the DCT (`functionInDocument="CREATION_TIME"`) is the reference
//! date; the `<TEXT>` element is stripped of tags (entities decoded) while the gold TIMEX3
//! spans are mapped to offsets of the stripped text; the text is run through
//! the time rules (the same `extract` the pipeline calls) as one article whose paragraphs are its non-empty lines.
//!
//! Scores, overall and per TIMEX3 type: strict span P/R/F (both ends equal), relaxed span
//! P/R/F (overlap, one-to-one in text order), and on relaxed matches the type accuracy and
//! the value accuracy (values compared as strings after zero-padding ISO week numbers,
//! `1998-W7` = `1998-W07`), and the TempEval-3 attribute F1s (right types / right values
//! over system and over gold expressions). Per-type recall counts gold expressions of that
//! type; per-type precision counts system expressions of that type.
//!
//! This module also carries the `#[doc(hidden)]` hooks the integration tests use to call the
//! time and amount rules directly ([`times`], [`amounts`], [`document_of_lines`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::document::{Article, Document, DocumentKind, Section, Snippet};
use crate::rules::amount::Amount;
use crate::rules::time::{RefDate, TimeExpr};
use crate::span::Span;

/// Run the time rules on `doc` (a hook for tests and tools).
pub fn times(text: &str, doc: &Document, reference: Option<RefDate>) -> Vec<TimeExpr> {
    crate::rules::time::extract(text, doc, reference)
}

/// Run the amount rules on `doc` (a hook for tests and tools).
pub fn amounts(text: &str, doc: &Document) -> Vec<Amount> {
    crate::rules::amount::extract(text, doc)
}

/// A document for `text` with one article whose paragraphs are its non-empty lines
/// (each trimmed), for running the extractors without the structure parser.
pub fn document_of_lines(text: &str) -> Document {
    let mut paragraphs = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos + (line.len() - line.trim_start().len());
        let end = pos + line.trim_end().len();
        if end > start {
            paragraphs.push(Snippet { text: text[start..end].to_string(), span: Span::new(start, end) });
        }
        pos += line.len();
    }
    let mut doc = Document::empty(text);
    if let (Some(first), Some(last)) = (paragraphs.first(), paragraphs.last()) {
        let span = Span::new(first.span.start, last.span.end);
        doc.kind = DocumentKind::Article;
        doc.articles.push(Article {
            title: None,
            dateline: None,
            byline: None,
            published: None,
            sections: vec![Section { heading: None, paragraphs }],
            end_mark: None,
            span,
        });
    }
    doc
}

/// A gold TIMEX3 in the stripped text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTimex {
    /// Byte span in [`TmlDoc::text`].
    pub span: Span,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
    /// The TIMEX3 value.
    pub value: String,
}

/// One TimeML document: its text without tags, the creation date, the gold expressions.
#[derive(Clone, Debug, Default)]
pub struct TmlDoc {
    /// File name.
    pub name: String,
    /// The `<TEXT>` content with tags removed and entities decoded.
    pub text: String,
    /// The document creation date.
    pub dct: Option<RefDate>,
    /// Gold TIMEX3 expressions inside `<TEXT>`, in order.
    pub gold: Vec<GoldTimex>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')? + i;
    Some(tag[i..j].to_string())
}

/// Parse a TimeML file's text.
pub fn parse_tml(name: &str, src: &str) -> TmlDoc {
    let mut doc = TmlDoc { name: name.to_string(), ..TmlDoc::default() };
    if let Some(i) = src.find("functionInDocument=\"CREATION_TIME\"") {
        let open = src[..i].rfind('<').unwrap_or(0);
        let close = src[i..].find('>').map_or(src.len(), |j| i + j);
        if let Some(v) = attr(&src[open..close], "value") {
            doc.dct = v.get(..10).and_then(crate::options::parse_ymd);
        }
    }
    let body = match (src.find("<TEXT>"), src.find("</TEXT>")) {
        (Some(a), Some(b)) if b > a => &src[a + 6..b],
        _ => return doc,
    };
    let mut out = String::with_capacity(body.len());
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |j| j + 1);
            let tag = &rest[..end];
            if tag.starts_with("<TIMEX3") {
                let kind = attr(tag, "type").unwrap_or_default();
                let value = attr(tag, "value").unwrap_or_default();
                open = Some((out.len(), kind, value));
            } else if tag.starts_with("</TIMEX3") {
                if let Some((s, kind, value)) = open.take() {
                    doc.gold.push(GoldTimex { span: Span::new(s, out.len()), kind, value });
                }
            }
            rest = &rest[end..];
        } else if rest.starts_with('&') {
            let (rep, n) = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&apos;", '\'')]
                .iter()
                .find(|(e, _)| rest.starts_with(e))
                .map_or(('&', 1), |(e, c)| (*c, e.len()));
            out.push(rep);
            rest = &rest[n..];
        } else {
            let n = rest.find(['<', '&']).unwrap_or(rest.len());
            out.push_str(&rest[..n]);
            rest = &rest[n..];
        }
    }
    doc.text = out;
    doc
}

/// Counts for one row of the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub sys: usize,
    /// Gold expressions with an exact system match.
    pub strict_gold: usize,
    /// System expressions with an exact gold match.
    pub strict_sys: usize,
    /// Gold expressions with an overlapping system match.
    pub relaxed_gold: usize,
    /// System expressions with an overlapping gold match.
    pub relaxed_sys: usize,
    /// Relaxed matches (counted on the gold side for per-type rows).
    pub matched: usize,
    /// Matches whose type is right.
    pub type_ok: usize,
    /// Matches whose value is right.
    pub value_ok: usize,
}

fn prf(hit_sys: usize, sys: usize, hit_gold: usize, gold: usize) -> (f64, f64, f64) {
    let p = if sys == 0 { 0.0 } else { hit_sys as f64 / sys as f64 };
    let r = if gold == 0 { 0.0 } else { hit_gold as f64 / gold as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

impl Counts {
    /// Strict span (P, R, F).
    pub fn strict(&self) -> (f64, f64, f64) {
        prf(self.strict_sys, self.sys, self.strict_gold, self.gold)
    }
    /// Relaxed (overlap) span (P, R, F).
    pub fn relaxed(&self) -> (f64, f64, f64) {
        prf(self.relaxed_sys, self.sys, self.relaxed_gold, self.gold)
    }
    /// Type accuracy on relaxed matches.
    pub fn type_accuracy(&self) -> f64 {
        if self.matched == 0 { 0.0 } else { self.type_ok as f64 / self.matched as f64 }
    }
    /// Value accuracy on relaxed matches.
    pub fn value_accuracy(&self) -> f64 {
        if self.matched == 0 { 0.0 } else { self.value_ok as f64 / self.matched as f64 }
    }
    /// TempEval-3 attribute F1 for the type: right types over system and over gold expressions.
    pub fn type_f1(&self) -> f64 {
        prf(self.type_ok, self.sys, self.type_ok, self.gold).2
    }
    /// TempEval-3 attribute F1 for the value: right values over system and over gold expressions.
    pub fn value_f1(&self) -> f64 {
        prf(self.value_ok, self.sys, self.value_ok, self.gold).2
    }
}

/// The scores over a directory of TimeML files.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Number of documents read.
    pub docs: usize,
    /// All types together.
    pub overall: Counts,
    /// Per TIMEX3 type (`DATE`, `TIME`, `DURATION`, `SET`).
    pub per_type: BTreeMap<String, Counts>,
    /// Mismatches for inspection: `(file, kind, text, gold, system)`.
    pub errors: Vec<(String, &'static str, String, String, String)>,
}

/// Zero-pad ISO week numbers (`1998-W7` → `1998-W07`) so both spellings compare equal.
fn norm_value(v: &str) -> String {
    let b = v.as_bytes();
    if let Some(i) = v.find("-W") {
        let digits = b[i + 2..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 1 {
            return format!("{}-W0{}", &v[..i], &v[i + 2..]);
        }
    }
    v.to_string()
}

/// Score one parsed document into `report`.
pub fn score_doc(doc: &TmlDoc, report: &mut Report) {
    let d = document_of_lines(&doc.text);
    let sys = crate::rules::time::extract(&doc.text, &d, doc.dct);
    report.docs += 1;
    let gold = &doc.gold;
    let mut sys_match: Vec<Option<usize>> = vec![None; sys.len()];
    let mut gold_match: Vec<Option<usize>> = vec![None; gold.len()];
    // one-to-one overlap matching in text order
    let mut g0 = 0;
    for (si, s) in sys.iter().enumerate() {
        while g0 < gold.len() && gold[g0].span.end <= s.span.start {
            g0 += 1;
        }
        let mut g = g0;
        while g < gold.len() && gold[g].span.start < s.span.end {
            if gold_match[g].is_none() && gold[g].span.end > s.span.start {
                gold_match[g] = Some(si);
                sys_match[si] = Some(g);
                break;
            }
            g += 1;
        }
    }
    let text = |sp: Span| doc.text.get(sp.start..sp.end).unwrap_or("").replace('\n', " ");
    for (gi, g) in gold.iter().enumerate() {
        for row in [Some("ALL"), None] {
            let c = match row {
                Some(_) => &mut report.overall,
                None => report.per_type.entry(g.kind.clone()).or_default(),
            };
            c.gold += 1;
            if let Some(si) = gold_match[gi] {
                let s = &sys[si];
                c.relaxed_gold += 1;
                c.matched += 1;
                if s.span == g.span {
                    c.strict_gold += 1;
                }
                if s.kind.as_str() == g.kind {
                    c.type_ok += 1;
                }
                if s.value.as_deref().map(norm_value) == Some(norm_value(&g.value)) {
                    c.value_ok += 1;
                }
            }
        }
        match gold_match[gi] {
            None => report.errors.push((doc.name.clone(), "missed", text(g.span), format!("{} {}", g.kind, g.value), String::new())),
            Some(si) => {
                let s = &sys[si];
                let sv = format!("{} {}", s.kind.as_str(), s.value.as_deref().unwrap_or("-"));
                let gv = format!("{} {}", g.kind, g.value);
                if s.span != g.span {
                    report.errors.push((doc.name.clone(), "span", format!("{} | {}", text(g.span), s.text), gv.clone(), sv.clone()));
                }
                if s.value.as_deref().map(norm_value) != Some(norm_value(&g.value)) || s.kind.as_str() != g.kind {
                    let ctx = Span::new(floor_char(&doc.text, g.span.start.saturating_sub(70)), floor_char(&doc.text, (g.span.end + 30).min(doc.text.len())));
                    report.errors.push((doc.name.clone(), "value", text(g.span), gv, format!("{sv}  «{}»", text(ctx))));
                }
            }
        }
    }
    for (si, s) in sys.iter().enumerate() {
        for overall in [true, false] {
            let c = if overall { &mut report.overall } else { report.per_type.entry(s.kind.as_str().to_string()).or_default() };
            c.sys += 1;
            if let Some(g) = sys_match[si] {
                c.relaxed_sys += 1;
                if gold[g].span == s.span {
                    c.strict_sys += 1;
                }
            }
        }
        if sys_match[si].is_none() {
            report.errors.push((
                doc.name.clone(),
                "spurious",
                s.text.clone(),
                String::new(),
                format!("{} {}", s.kind.as_str(), s.value.as_deref().unwrap_or("-")),
            ));
        }
    }
}

fn floor_char(t: &str, mut i: usize) -> usize {
    while !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The `.tml` files under `dir` (recursively), sorted.
pub fn tml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d)? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "tml") && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("._")) {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Evaluate every `.tml` file under `dir`.
pub fn evaluate(dir: &Path) -> std::io::Result<Report> {
    let mut report = Report::default();
    for p in tml_files(dir)? {
        let src = std::fs::read_to_string(&p)?;
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        score_doc(&parse_tml(&name, &src), &mut report);
    }
    Ok(report)
}

/// The report as a text table.
pub fn format_report(r: &Report) -> String {
    let mut s = format!(
        "{} documents\n{:<9} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} | {:>6} {:>6}\n",
        r.docs, "type", "gold", "sys", "P", "R", "F1", "P", "R", "F1", "type", "value", "type", "value"
    );
    s.push_str(&format!(
        "{:<9} {:>5} {:>5} | {:^20} | {:^20} | {:^13} | {:^13}\n",
        "", "", "", "strict span", "relaxed span", "accuracy", "F1"
    ));
    let mut row = |name: &str, c: &Counts| {
        let (sp, sr, sf) = c.strict();
        let (rp, rr, rf) = c.relaxed();
        s.push_str(&format!(
            "{:<9} {:>5} {:>5} | {:>6.1} {:>6.1} {:>6.1} | {:>6.1} {:>6.1} {:>6.1} | {:>6.1} {:>6.1} | {:>6.1} {:>6.1}\n",
            name,
            c.gold,
            c.sys,
            100.0 * sp,
            100.0 * sr,
            100.0 * sf,
            100.0 * rp,
            100.0 * rr,
            100.0 * rf,
            100.0 * c.type_accuracy(),
            100.0 * c.value_accuracy(),
            100.0 * c.type_f1(),
            100.0 * c.value_f1()
        ));
    };
    for (k, c) in &r.per_type {
        row(k, c);
    }
    row("overall", &r.overall);
    s
}

/// Run `gleaner-eval time ARGS`; returns the process exit code.
pub fn cli(args: &[String]) -> i32 {
    let mut dir: Option<PathBuf> = None;
    let mut errors = false;
    for a in args {
        match a.as_str() {
            "-h" | "--help" => {
                println!(
                    "usage: gleaner-eval time [--errors] [DIR]\n\nScores the time-expression rules on the TimeML (.tml) files under DIR\n(default: the shared data's tbaq-cleaned). --errors also lists misses,\nspurious expressions, span and value mismatches."
                );
                return 0;
            }
            "--errors" => errors = true,
            _ if a.starts_with('-') => {
                eprintln!("gleaner-eval time: unknown option {a} (try --help)");
                return 2;
            }
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = match dir.or_else(|| super::shared_data_dir().map(|d| d.join("tbaq-cleaned"))) {
        Some(d) if d.is_dir() => d,
        _ => {
            eprintln!("gleaner-eval time: no data directory (pass DIR or put tbaq-cleaned under ../shared/data)");
            return 1;
        }
    };
    let report = match evaluate(&dir) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("gleaner-eval time: cannot read {}: {e}", dir.display());
            return 1;
        }
    };
    if errors {
        for (f, k, t, g, s) in &report.errors {
            println!("{k:<8} {f:<28} {t:<40} gold={g:<24} sys={s}");
        }
    }
    print!("{}", format_report(&report));
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_maps_spans() {
        let src = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>A &amp; B <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT>"#;
        let d = parse_tml("x", src);
        assert_eq!(d.dct, Some((1998, 1, 8)));
        assert_eq!(d.text, "A & B fell yesterday.");
        assert_eq!(&d.text[d.gold[0].span.start..d.gold[0].span.end], "yesterday");
        let mut r = Report::default();
        score_doc(&d, &mut r);
        assert_eq!(r.overall.strict_gold, 1);
        assert_eq!(r.overall.value_ok, 1);
        assert_eq!(norm_value("1998-W7"), "1998-W07");
    }
}
