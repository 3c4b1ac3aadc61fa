//! The `gleaner` command line: JSON out, `--jsonl`, stdin, lossy UTF-8, exit codes.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gleaner"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn case(name: &str) -> String {
    format!("{}/tests/data/cases/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn file_to_pretty_json() {
    let (code, out, err) = run(&[&case("two_articles.txt")], b"");
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["kind"], "articles");
    assert_eq!(v["articles"][1]["dateline"]["agency"], "AFP");
}

#[test]
fn stdin_and_jsonl() {
    let (code, out, _) = run(&["--jsonl"], b"-\nFirst headline\nSecond dump line\n");
    assert_eq!(code, 0);
    let docs: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 3, "one document per input line");
    let (code, out, _) = run(&["--jsonl", &case("two_articles.txt"), &case("untitled_body.txt")], b"");
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2, "one document per file");
    let (code, out, _) = run(&["-"], b"-\nA headline\n");
    assert_eq!(code, 0);
    assert!(out.contains("\"A headline\""));
}

#[test]
fn lossy_utf8_warns_but_succeeds() {
    let (code, out, err) = run(&[], b"-\nCaf\xe9 owners protest\n");
    assert_eq!(code, 0);
    assert!(err.contains("not valid UTF-8"), "{err}");
    assert!(out.contains("Caf\u{fffd} owners protest"));
}

#[test]
fn exit_codes() {
    let (code, _, err) = run(&["--reference-date", "2026-13-01"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    let (code, _, err) = run(&["--frobnicate"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("unknown option"), "{err}");
    let (code, out, err) = run(&["/nonexistent/dump.txt", &case("untitled_body.txt")], b"");
    assert_eq!(code, 1);
    assert!(err.contains("cannot read /nonexistent/dump.txt"), "{err}");
    assert!(out.contains("PARIS"), "the readable file is still processed");
    let (code, out, _) = run(&["--help"], b"");
    assert_eq!(code, 0);
    assert!(out.contains("usage: gleaner"));
}

#[test]
fn reference_date_option() {
    let (code, out, _) = run(&["--compact", "--reference-date", "2026-01-09"], b"Title here\nThe minister will travel to Japan next week, officials said on Friday.\nThe visit follows talks held last month in Seoul.\n");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let values: Vec<&str> = v["times"].as_array().unwrap().iter().filter_map(|t| t["value"].as_str()).collect();
    assert!(values.contains(&"2026-01-09"), "{values:?}");
}
