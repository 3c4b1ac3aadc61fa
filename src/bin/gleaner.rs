//! `gleaner [OPTIONS] [FILE…]`: print the structured document of each dump as JSON.
//!
//! With no FILE (or `-`), reads standard input. Options:
//!
//! * `--jsonl`: one compact JSON document per line: per FILE, or per input line when reading stdin
//!   (each stdin line is a dump; write `\n` inside a dump as a literal newline is not possible, so use files for multi-line dumps).
//! * `--reference-date YYYY-MM-DD`: resolve relative dates against this day.
//! * `--no-entities`, `--no-quotes`, `--no-times`, `--no-amounts`, `--no-clusters`: skip a stage.
//! * `--compact`: one-line JSON instead of pretty-printed.
//! * `--blocks`: print the structure layer's blocks instead of the document.
//!
//! Exit codes: 0 success; 1 a FILE could not be read (the others are still processed);
//! 2 usage error (bad option or option value). Non-UTF-8 input is decoded lossily with a warning
//! on stderr, never a failure.

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: gleaner [--jsonl] [--compact] [--blocks] [--reference-date YYYY-MM-DD] \
[--no-entities] [--no-quotes] [--no-times] [--no-amounts] [--no-clusters] [FILE…]
Prints each dump's document as JSON (byte offsets). Reads stdin when no FILE (or '-') is given.
Exit codes: 0 ok, 1 a file could not be read, 2 usage error.";

struct Args {
    jsonl: bool,
    compact: bool,
    blocks: bool,
    files: Vec<String>,
}

fn parse_args(argv: &[String], b: &mut gleaner::GleanerBuilder) -> Result<Args, String> {
    let mut a = Args { jsonl: false, compact: false, blocks: false, files: Vec::new() };
    let mut i = 0;
    let mut only_files = false;
    while i < argv.len() {
        let s = argv[i].as_str();
        if only_files || s == "-" || !s.starts_with('-') {
            a.files.push(s.to_string());
        } else {
            match s {
                "--" => only_files = true,
                "--jsonl" => a.jsonl = true,
                "--compact" => a.compact = true,
                "--blocks" => a.blocks = true,
                "--no-entities" => {
                    b.entities(false);
                }
                "--no-quotes" => {
                    b.quotes(false);
                }
                "--no-times" => {
                    b.times(false);
                }
                "--no-amounts" => {
                    b.amounts(false);
                }
                "--no-clusters" => {
                    b.clusters(false);
                }
                "--reference-date" => {
                    i += 1;
                    let v = argv.get(i).ok_or("--reference-date needs a value, such as 2026-01-09")?;
                    b.reference_date(v);
                }
                "-h" | "--help" => return Err(String::new()),
                _ => {
                    if let Some(v) = s.strip_prefix("--reference-date=") {
                        b.reference_date(v);
                    } else {
                        return Err(format!("unknown option {s:?}"));
                    }
                }
            }
        }
        i += 1;
    }
    Ok(a)
}

fn decode(name: &str, bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bad = e.utf8_error().valid_up_to();
            eprintln!("gleaner: warning: {name} is not valid UTF-8 (first bad byte at offset {bad}); decoded lossily with U+FFFD");
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}

fn write_json<W: Write, T: serde::Serialize>(out: &mut W, value: &T, compact: bool) -> serde_json::Result<()> {
    if compact {
        serde_json::to_writer(out, value)
    } else {
        serde_json::to_writer_pretty(out, value)
    }
}

fn blocks_json(text: &str) -> serde_json::Value {
    let list: Vec<serde_json::Value> = gleaner::blocks(text)
        .map(|b| {
            serde_json::json!({
                "kind": format!("{:?}", b.kind),
                "start": b.span.start,
                "end": b.span.end,
                "text": &text[b.span.start..b.span.end.min(b.span.start + 200).max(b.span.start)].chars().collect::<String>(),
            })
        })
        .collect();
    serde_json::Value::Array(list)
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let mut builder = gleaner::Gleaner::builder();
    let args = match parse_args(&argv, &mut builder) {
        Ok(a) => a,
        Err(msg) if msg.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("gleaner: {msg}\n{USAGE}");
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
    let mut inputs: Vec<(String, String)> = Vec::new();
    let mut failed = false;
    for f in &files {
        let bytes = if f == "-" {
            let mut buf = Vec::new();
            match std::io::stdin().read_to_end(&mut buf) {
                Ok(_) => buf,
                Err(e) => {
                    eprintln!("gleaner: cannot read stdin: {e}");
                    failed = true;
                    continue;
                }
            }
        } else {
            match std::fs::read(f) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("gleaner: cannot read {f}: {e}");
                    failed = true;
                    continue;
                }
            }
        };
        let text = decode(if f == "-" { "stdin" } else { f }, bytes);
        if args.jsonl && f == "-" {
            for line in text.lines() {
                inputs.push((f.clone(), line.to_string()));
            }
        } else {
            inputs.push((f.clone(), text));
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (_, text) in &inputs {
        // Serialised straight to stdout (field order as in the schema; no intermediate
        // JSON tree, which for a 10 MB dump costs gigabytes).
        let compact = args.jsonl || args.compact;
        let written = if args.blocks {
            write_json(&mut out, &blocks_json(text), compact)
        } else {
            write_json(&mut out, &g.parse(text), compact)
        };
        if written.is_err() || writeln!(out).is_err() {
            // stdout closed (e.g. piped into `head`): stop quietly
            return ExitCode::SUCCESS;
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
