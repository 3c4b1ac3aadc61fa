//! `gleaner [OPTIONS] [FILE…]`: print the structured document of each dump as JSON (or CSV).
//!
//! With no FILE (or `-`), reads standard input. `gleaner --help` lists every option. Dumps are
//! parsed in parallel (`--jobs N`, default all cores); output is always in input order.
//!
//! Exit codes: 0 success; 1 an input could not be read (or a JSONL record was bad), or the
//! output could not be written (other than a closed pipe, which stops quietly); the other
//! inputs are still processed; 2 usage error (bad option or option value). Non-UTF-8 input is
//! decoded lossily with a warning on stderr, never a failure; a leading UTF-8 BOM is skipped
//! (byte offsets count from after it).

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};
use std::time::{Duration, Instant};

use gleaner::Document;
use serde::Serialize;
use serde_json::Value;

const USAGE: &str = "usage: gleaner [OPTIONS] [FILE…]
Prints each dump's document as JSON (byte offsets). Reads stdin when no FILE (or '-') is given.

Output:
  --jsonl                  one compact JSON record per dump: per FILE (with \"file\"), per stdin
                           line (with \"line\"), or per --input jsonl record (with \"id\"); an
                           unreadable FILE or a bad record gives {\"file\"|\"line\", \"error\"}
  --compact                one-line JSON instead of pretty-printed
  --csv TABLE              CSV (RFC 4180) of one table: entities, mentions, quotes or amounts,
                           with the page's columns (offsets in bytes); with several dumps a
                           first column \"source\" names the file, line or id
  --blocks                 the structure layer's blocks instead of the document
Input:
  --input text|jsonl       text (default): each FILE or stdin is one dump (with --jsonl, each
                           stdin line is one); jsonl: each line is a record {\"id\", \"text\"}
Extraction:
  --reference-date YYYY-MM-DD  resolve relative dates against this day
  --no-entities, --no-quotes, --no-times, --no-amounts, --no-clusters  skip a stage
Running:
  --jobs N                 parse N dumps at a time (default: all cores)
  --progress, --no-progress  progress on stderr (default: when stderr is a terminal and there
                           is more than one dump)
  -h, --help               this help
  -V, --version            the gleaner version
Exit codes: 0 ok; 1 an input could not be read, a record was bad, or the output could not be
written; 2 usage error.";

#[derive(Clone, Copy, PartialEq)]
enum Table {
    Entities,
    Mentions,
    Quotes,
    Amounts,
}

struct Args {
    jsonl: bool,
    compact: bool,
    blocks: bool,
    csv: Option<Table>,
    input_jsonl: bool,
    jobs: usize,
    progress: Option<bool>,
    files: Vec<String>,
}

enum Parsed {
    Run(Args),
    Help,
    Version,
}

fn parse_args(argv: &[String], b: &mut gleaner::GleanerBuilder) -> Result<Parsed, String> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut a = Args { jsonl: false, compact: false, blocks: false, csv: None, input_jsonl: false, jobs: cores, progress: None, files: Vec::new() };
    let mut i = 0;
    let mut only_files = false;
    while i < argv.len() {
        let s = argv[i].as_str();
        if only_files || s == "-" || !s.starts_with('-') {
            a.files.push(s.to_string());
            i += 1;
            continue;
        }
        // `--name=value` or `--name value`
        let (name, inline) = match s.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (s, None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            if let Some(v) = &inline {
                return Ok(v.clone());
            }
            i += 1;
            argv.get(i).cloned().ok_or_else(|| format!("{name} needs a value, such as {what}"))
        };
        match name {
            "--" => only_files = true,
            "--jsonl" => a.jsonl = true,
            "--compact" => a.compact = true,
            "--blocks" => a.blocks = true,
            "--no-entities" => drop(b.entities(false)),
            "--no-quotes" => drop(b.quotes(false)),
            "--no-times" => drop(b.times(false)),
            "--no-amounts" => drop(b.amounts(false)),
            "--no-clusters" => drop(b.clusters(false)),
            "--progress" => a.progress = Some(true),
            "--no-progress" => a.progress = Some(false),
            "--reference-date" => drop(b.reference_date(&value("2026-01-09")?)),
            "--jobs" | "-j" => {
                let v = value("4")?;
                a.jobs = match v.parse::<usize>() {
                    Ok(n) if n >= 1 => n,
                    _ => return Err(format!("--jobs needs a whole number of at least 1, got {v:?}")),
                };
            }
            "--input" => {
                a.input_jsonl = match value("jsonl")?.as_str() {
                    "text" => false,
                    "jsonl" => true,
                    v => return Err(format!("--input is text or jsonl, got {v:?}")),
                }
            }
            "--csv" => {
                a.csv = Some(match value("entities")?.as_str() {
                    "entities" => Table::Entities,
                    "mentions" => Table::Mentions,
                    "quotes" => Table::Quotes,
                    "amounts" => Table::Amounts,
                    v => return Err(format!("--csv is entities, mentions, quotes or amounts, got {v:?}")),
                })
            }
            "-h" | "--help" => return Ok(Parsed::Help),
            "-V" | "--version" => return Ok(Parsed::Version),
            _ => return Err(format!("unknown option {s:?}")),
        }
        i += 1;
    }
    if a.csv.is_some() && (a.jsonl || a.blocks) {
        return Err("--csv cannot be combined with --jsonl or --blocks".into());
    }
    Ok(Parsed::Run(a))
}

/// Where a dump came from, as named in its output record.
#[derive(Clone, Debug, Default, Serialize)]
struct Label {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<Value>,
}

impl Label {
    /// The `source` cell of a CSV row.
    fn source(&self) -> String {
        match (&self.id, &self.file, self.line) {
            (Some(Value::String(s)), _, _) => s.clone(),
            (Some(v), _, _) => v.to_string(),
            (None, Some(f), Some(l)) => format!("{f}:{l}"),
            (None, Some(f), None) => f.clone(),
            (None, None, Some(l)) => format!("line {l}"),
            (None, None, None) => String::new(),
        }
    }
}

/// One dump to parse: a file read by the worker that parses it, or text already in memory.
enum Input {
    Path(String),
    Text(String),
    /// A record that could not be used (bad JSON, no `text`): an error in its place.
    Bad(String),
}

struct Job {
    label: Label,
    input: Input,
}

/// What one job prints: its output bytes, and messages for stderr.
struct Out {
    bytes: Vec<u8>,
    stderr: Vec<String>,
    failed: bool,
}

const BOM: char = '\u{FEFF}';

/// Bytes as text: lossy for non-UTF-8 (with a warning), without a leading BOM.
fn decode(name: &str, bytes: Vec<u8>, warnings: &mut Vec<String>) -> String {
    let mut s = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bad = e.utf8_error().valid_up_to();
            warnings.push(format!("gleaner: warning: {name} is not valid UTF-8 (first bad byte at offset {bad}); decoded lossily with U+FFFD"));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    if s.starts_with(BOM) {
        s.drain(..BOM.len_utf8());
    }
    s
}

/// Records of a `--input jsonl` stream (`file` names it; `None` for stdin).
fn jsonl_jobs(file: Option<&str>, text: &str, jobs: &mut Vec<Job>) {
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut label = Label { file: file.map(str::to_string), line: Some(n + 1), id: None };
        let input = match serde_json::from_str::<Value>(line) {
            Err(e) => Input::Bad(format!("not a JSON record: {e}")),
            Ok(Value::Object(mut m)) => {
                label.id = m.remove("id");
                if label.id.is_some() {
                    label.line = None;
                    label.file = None;
                }
                match m.remove("text") {
                    Some(Value::String(t)) => Input::Text(t),
                    Some(_) => Input::Bad("\"text\" must be a string".into()),
                    None => Input::Bad("the record has no \"text\"".into()),
                }
            }
            Ok(_) => Input::Bad("expected a record {\"id\", \"text\"}".into()),
        };
        jobs.push(Job { label, input });
    }
}

#[derive(Serialize)]
struct Record<'a> {
    #[serde(flatten)]
    label: &'a Label,
    #[serde(flatten)]
    document: &'a Document,
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    #[serde(flatten)]
    label: &'a Label,
    error: &'a str,
}

#[derive(Serialize)]
struct BlockOut {
    kind: String,
    start: usize,
    end: usize,
    /// The first 200 characters of the block (whole characters: never a split one).
    text: String,
}

fn blocks(text: &str) -> Vec<BlockOut> {
    gleaner::blocks(text)
        .map(|b| BlockOut {
            kind: format!("{:?}", b.kind),
            start: b.span.start,
            end: b.span.end,
            text: text.get(b.span.start..b.span.end).unwrap_or("").chars().take(200).collect(),
        })
        .collect()
}

fn write_json<T: Serialize>(out: &mut Vec<u8>, value: &T, compact: bool) {
    // writing to a Vec cannot fail, and every output type serialises
    let _ = if compact { serde_json::to_writer(&mut *out, value) } else { serde_json::to_writer_pretty(&mut *out, value) };
    out.push(b'\n');
}

/// A CSV cell (RFC 4180 quoting). Text that a spreadsheet would run as a formula (it starts,
/// possibly after spaces, with `=`, `+`, `-`, `@` or their fullwidth forms, or with a tab or
/// line break: OWASP "CSV Injection") gets a leading `'`; the page does the same.
fn csv_text(out: &mut String, s: &str) {
    let lead = s.trim_start_matches(|c: char| c.is_whitespace() || c == BOM);
    let formula = s.starts_with(['\t', '\r', '\n']) || lead.starts_with(['=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}']);
    let quote = formula || s.contains(['"', ',', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    out.push_str(&if quote { s.replace('"', "\"\"") } else { s.to_string() });
    if quote {
        out.push('"');
    }
}

enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    Num(f64),
    Int(Option<usize>),
}

fn csv_row(out: &mut String, source: Option<&str>, cells: &[Cell]) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !std::mem::take(&mut first) {
            out.push(',');
        }
    };
    if let Some(s) = source {
        sep(out);
        csv_text(out, s);
    }
    for c in cells {
        sep(out);
        match c {
            Cell::Text(s) => csv_text(out, s),
            Cell::Owned(s) => csv_text(out, s),
            Cell::Num(v) => out.push_str(&v.to_string()),
            Cell::Int(Some(v)) => out.push_str(&v.to_string()),
            Cell::Int(None) => {}
        }
    }
    out.push_str("\r\n");
}

fn csv_header(t: Table) -> &'static [&'static str] {
    match t {
        Table::Entities => &["id", "name", "label", "count", "salience", "aliases", "roles", "country_code", "related_country", "first_start", "first_end"],
        Table::Mentions => &["index", "text", "label", "start", "end", "confidence", "entity_id", "entity_name"],
        Table::Quotes => &["index", "speaker", "speaker_name", "entity_id", "cue", "text", "start", "end", "article"],
        Table::Amounts => &["index", "text", "kind", "value", "upper", "currency", "unit", "start", "end"],
    }
}

fn opt(s: &Option<String>) -> Cell<'_> {
    Cell::Text(s.as_deref().unwrap_or(""))
}

fn csv_rows(t: Table, doc: &Document, source: Option<&str>) -> String {
    use Cell::*;
    let mut out = String::new();
    match t {
        Table::Entities => {
            for e in &doc.entities {
                let roles: Vec<String> = e
                    .roles
                    .iter()
                    .map(|r| {
                        let mut s = r.title.clone();
                        if let Some(o) = &r.organization {
                            s += &format!(" at {o}");
                        }
                        if let Some(c) = &r.country {
                            s += &format!(" of {c}");
                        }
                        s
                    })
                    .collect();
                let row = [Int(Some(e.id)), Text(&e.name), Text(e.label.as_str()), Int(Some(e.count)), Num(e.salience as f64), Owned(e.aliases.join("; ")), Owned(roles.join("; ")), opt(&e.country_code), opt(&e.related_country), Int(Some(e.first.start)), Int(Some(e.first.end))];
                csv_row(&mut out, source, &row);
            }
        }
        Table::Mentions => {
            for (i, m) in doc.mentions.iter().enumerate() {
                let name = m.entity.and_then(|e| doc.entities.get(e)).map_or("", |e| e.name.as_str());
                let row = [Int(Some(i)), Text(&m.text), Text(m.label.as_str()), Int(Some(m.span.start)), Int(Some(m.span.end)), Num(m.confidence as f64), Int(m.entity), Text(name)];
                csv_row(&mut out, source, &row);
            }
        }
        Table::Quotes => {
            for (i, q) in doc.quotes.iter().enumerate() {
                // the canonical name: the speaker's entity, else the resolved name (as the page)
                let name = q.entity.and_then(|e| doc.entities.get(e)).map(|e| e.name.as_str()).or(q.speaker_name.as_deref());
                let row = [Int(Some(i)), opt(&q.speaker), Text(name.unwrap_or("")), Int(q.entity), opt(&q.cue), Text(&q.text), Int(Some(q.span.start)), Int(Some(q.span.end)), Int(q.article)];
                csv_row(&mut out, source, &row);
            }
        }
        Table::Amounts => {
            for (i, a) in doc.amounts.iter().enumerate() {
                let upper = a.upper.map_or(Text(""), Num);
                let row = [Int(Some(i)), Text(&a.text), Text(amount_kind(a.kind)), Num(a.value), upper, opt(&a.currency), opt(&a.unit), Int(Some(a.span.start)), Int(Some(a.span.end))];
                csv_row(&mut out, source, &row);
            }
        }
    }
    out
}

fn amount_kind(k: gleaner::AmountKind) -> &'static str {
    match k {
        gleaner::AmountKind::Money => "money",
        gleaner::AmountKind::Percent => "percent",
        gleaner::AmountKind::Quantity => "quantity",
    }
}

struct Run<'a> {
    args: &'a Args,
    g: &'a gleaner::Gleaner,
    /// Several dumps: CSV rows get a `source` column.
    batch: bool,
}

impl Run<'_> {
    fn job(&self, job: &Job) -> Out {
        let mut stderr = Vec::new();
        let text = match &job.input {
            Input::Text(t) => Ok(t.as_str().into()),
            Input::Bad(e) => Err(e.clone()),
            Input::Path(p) => match std::fs::read(p) {
                Ok(b) => Ok(std::borrow::Cow::Owned(decode(p, b, &mut stderr))),
                Err(e) => Err(format!("cannot read {p}: {e}")),
            },
        };
        let a = self.args;
        let mut bytes = Vec::new();
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                stderr.push(match (&job.label.id, &job.label.file, job.label.line) {
                    (Some(id), _, _) => format!("gleaner: record {id}: {e}"),
                    (None, Some(f), Some(l)) => format!("gleaner: {f} line {l}: {e}"),
                    (None, None, Some(l)) => format!("gleaner: stdin line {l}: {e}"),
                    _ => format!("gleaner: {e}"),
                });
                if a.jsonl || a.input_jsonl {
                    write_json(&mut bytes, &ErrorRecord { label: &job.label, error: &e }, true);
                }
                return Out { bytes, stderr, failed: true };
            }
        };
        let records = a.jsonl || a.input_jsonl;
        let compact = records || a.compact;
        if a.blocks {
            write_json(&mut bytes, &blocks(&text), compact);
        } else if let Some(t) = a.csv {
            let source = self.batch.then(|| job.label.source());
            bytes = csv_rows(t, &self.g.parse(&text), source.as_deref()).into_bytes();
        } else if records {
            write_json(&mut bytes, &Record { label: &job.label, document: &self.g.parse(&text) }, true);
        } else {
            write_json(&mut bytes, &self.g.parse(&text), compact);
        }
        Out { bytes, stderr, failed: false }
    }
}

/// Run `work` over `jobs` on `n` threads and hand the results to `emit` in input order. At
/// most `16n` results wait to be emitted, so memory stays bounded when one dump is slow; a
/// smaller window idles the other threads behind one long dump (with 2 threads and a window
/// of 4, a simulation with the dev dumps' sizes as costs caps the speed-up at 1.84x, against
/// 2.0x from a window of 16 up).
/// Stops early (and returns the error) when `emit` fails.
fn run_parallel<F, E>(count: usize, n: usize, work: F, mut emit: E) -> io::Result<()>
where
    F: Fn(usize) -> Out + Sync,
    E: FnMut(usize, Out) -> io::Result<()>,
{
    let window = 16 * n;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let emitted = Mutex::new(0usize);
    let wake = Condvar::new();
    std::thread::scope(|s| {
        let (tx, rx) = mpsc::channel::<(usize, Out)>();
        for _ in 0..n.min(count) {
            let tx = tx.clone();
            let (next, stop, emitted, wake, work) = (&next, &stop, &emitted, &wake, &work);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count {
                    break;
                }
                let mut e = emitted.lock().unwrap_or_else(|p| p.into_inner());
                while i >= *e + window && !stop.load(Ordering::Relaxed) {
                    e = wake.wait(e).unwrap_or_else(|p| p.into_inner());
                }
                drop(e);
                if stop.load(Ordering::Relaxed) || tx.send((i, work(i))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut waiting = BTreeMap::new();
        let mut done = 0;
        let result = (|| {
            for (i, out) in &rx {
                waiting.insert(i, out);
                while let Some(out) = waiting.remove(&done) {
                    emit(done, out)?;
                    done += 1;
                    *emitted.lock().unwrap_or_else(|p| p.into_inner()) = done;
                    wake.notify_all();
                }
            }
            Ok(())
        })();
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
            wake.notify_all();
        }
        drop(rx);
        result
    })
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let mut builder = gleaner::Gleaner::builder();
    let args = match parse_args(&argv, &mut builder) {
        Ok(Parsed::Run(a)) => a,
        Ok(Parsed::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Parsed::Version) => {
            println!("gleaner {}", gleaner::VERSION);
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("gleaner: {msg}\n(gleaner --help lists the options)");
            return ExitCode::from(2);
        }
    };
    let g = match builder.build() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("gleaner: {e}");
            return ExitCode::from(2);
        }
    };
    let files = if args.files.is_empty() { vec!["-".to_string()] } else { args.files.clone() };
    let mut jobs: Vec<Job> = Vec::new();
    let mut failed = false;
    for f in &files {
        if f != "-" && !args.input_jsonl {
            jobs.push(Job { label: Label { file: Some(f.clone()), ..Label::default() }, input: Input::Path(f.clone()) });
            continue;
        }
        let (name, bytes) = if f == "-" {
            let mut buf = Vec::new();
            ("stdin", io::stdin().read_to_end(&mut buf).map(|_| buf))
        } else {
            (f.as_str(), std::fs::read(f))
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                let label = Label { file: Some(f.clone()), ..Label::default() };
                jobs.push(Job { label, input: Input::Bad(format!("cannot read {name}: {e}")) });
                continue;
            }
        };
        let mut warnings = Vec::new();
        let text = decode(name, bytes, &mut warnings);
        for w in warnings {
            eprintln!("{w}");
        }
        let file = (f != "-").then_some(f.as_str());
        if args.input_jsonl {
            jsonl_jobs(file, &text, &mut jobs);
        } else if args.jsonl {
            for (n, line) in text.lines().enumerate() {
                jobs.push(Job { label: Label { line: Some(n + 1), ..Label::default() }, input: Input::Text(line.to_string()) });
            }
        } else {
            jobs.push(Job { label: Label { file: Some("-".into()), ..Label::default() }, input: Input::Text(text) });
        }
    }

    let run = Run { args: &args, g: &g, batch: jobs.len() > 1 || args.input_jsonl };
    let show_progress = args.progress.unwrap_or(jobs.len() > 1 && io::stderr().is_terminal());
    let started = Instant::now();
    let mut last_report = started;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if let Some(t) = args.csv {
        let mut head = String::new();
        let cols: Vec<Cell> = csv_header(t).iter().map(|c| Cell::Text(c)).collect();
        csv_row(&mut head, run.batch.then_some("source"), &cols);
        if let Err(e) = out.write_all(head.as_bytes()) {
            return write_failed(e);
        }
    }
    let total = jobs.len();
    let result = run_parallel(total, args.jobs, |i| run.job(&jobs[i]), |i, o| {
        for m in &o.stderr {
            eprintln!("{m}");
        }
        failed |= o.failed;
        out.write_all(&o.bytes)?;
        if show_progress && (last_report.elapsed() >= Duration::from_millis(250) || i + 1 == total) {
            last_report = Instant::now();
            eprint!("\rgleaner: {}/{total} dumps, {:.1} s", i + 1, started.elapsed().as_secs_f64());
            if i + 1 == total {
                eprintln!();
            }
        }
        Ok(())
    })
    .and_then(|()| out.flush());
    if let Err(e) = result {
        return write_failed(e);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A closed pipe (`gleaner … | head`) stops quietly; any other write error is reported.
fn write_failed(e: io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("gleaner: cannot write the output: {e}");
    ExitCode::from(1)
}

#[cfg(test)]
mod tests {
    use super::csv_text;

    #[test]
    fn csv_cells() {
        let cell = |s: &str| {
            let mut out = String::new();
            csv_text(&mut out, s);
            out
        };
        for (input, want) in [
            ("plain", "plain"),
            ("a, b", "\"a, b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("=1+1", "\"'=1+1\""),
            ("+1", "\"'+1\""),
            ("-1", "\"'-1\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\tx", "\"'\tx\""),
            ("\rx", "\"'\rx\""),
            ("  =1+1", "\"'  =1+1\""),
            ("\u{3000}=1", "\"'\u{3000}=1\""),
            ("\u{FF1D}1", "\"'\u{FF1D}1\""),
            ("\u{FF0B}1", "\"'\u{FF0B}1\""),
            ("\u{FF0D}1", "\"'\u{FF0D}1\""),
            ("\u{FF20}x", "\"'\u{FF20}x\""),
            ("a=1", "a=1"),
            ("", ""),
        ] {
            assert_eq!(cell(input), want, "{input:?}");
        }
    }
}
