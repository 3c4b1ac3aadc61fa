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

fn write_tmp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("gleaner-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

fn records(out: &str) -> Vec<serde_json::Value> {
    out.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
}

#[test]
fn jsonl_records_name_their_file_and_an_unreadable_one_is_an_error_record() {
    let (a, b) = (case("two_articles.txt"), case("untitled_body.txt"));
    for jobs in ["1", "3"] {
        let (code, out, err) = run(&["--jobs", jobs, "--jsonl", &a, "/nonexistent/missing.txt", &b], b"");
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("cannot read /nonexistent/missing.txt"), "{err}");
        let r = records(&out);
        assert_eq!(r.len(), 3, "one record per file, in input order");
        assert_eq!((r[0]["file"].as_str(), r[0]["kind"].as_str()), (Some(a.as_str()), Some("articles")));
        assert_eq!(r[1]["file"], "/nonexistent/missing.txt");
        assert!(r[1]["error"].as_str().unwrap().contains("cannot read"), "{}", r[1]);
        assert!(r[1].get("kind").is_none());
        assert_eq!((r[2]["file"].as_str(), r[2]["kind"].as_str()), (Some(b.as_str()), Some("article")));
    }
}

#[test]
fn many_files_in_parallel_come_out_in_input_order() {
    let files: Vec<String> = (0..24).map(|i| write_tmp(&format!("order{i}.txt"), format!("-\nHeadline number {i} about the harbour\n-\nSecond story {i}\n").as_bytes())).collect();
    let mut args: Vec<&str> = vec!["--jsonl", "--jobs", "4"];
    args.extend(files.iter().map(String::as_str));
    let (code, out, err) = run(&args, b"");
    assert_eq!(code, 0, "{err}");
    let r = records(&out);
    assert_eq!(r.len(), 24);
    for (i, rec) in r.iter().enumerate() {
        assert_eq!(rec["file"], files[i].as_str());
        assert_eq!(rec["headlines"][0]["text"], format!("Headline number {i} about the harbour"));
    }
    let (code, _, err) = run(&["--jobs", "0"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("--jobs needs a whole number"), "{err}");
}

#[test]
fn input_jsonl_reads_id_text_records() {
    let input = b"{\"id\":\"a-1\",\"text\":\"-\\nFirst headline here\\n-\\nSecond headline\\n\"}\n\n{\"id\":7,\"text\":\"Title\\nPARIS, March 3 (AFP) - A paragraph.\\n\"}\n{\"id\":8}\nnot json\n";
    let (code, out, err) = run(&["--input", "jsonl"], input);
    assert_eq!(code, 1, "bad records fail the run: {err}");
    let r = records(&out);
    assert_eq!(r.len(), 4, "blank lines are skipped: {out}");
    assert_eq!((r[0]["id"].as_str(), r[0]["headlines"].as_array().unwrap().len()), (Some("a-1"), 2));
    assert_eq!((r[1]["id"].as_i64(), r[1]["kind"].as_str()), (Some(7), Some("article")));
    assert_eq!(r[2]["id"], 8);
    assert!(r[2]["error"].as_str().unwrap().contains("no \"text\""));
    assert_eq!(r[3]["line"], 5);
    assert!(r[3]["error"].as_str().unwrap().contains("not a JSON record"));
    assert!(err.contains("record 8") && err.contains("stdin line 5"), "{err}");
}

#[test]
fn csv_tables_have_the_page_columns_and_neutralise_formulas() {
    let (code, out, err) = run(&["--csv", "entities", &case("readme_example.txt")], b"");
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.split("\r\n").collect();
    assert_eq!(lines[0], "id,name,label,count,salience,aliases,roles,country_code,related_country,first_start,first_end");
    assert!(lines.iter().any(|l| l.starts_with("0,Sanae Takaichi,PER,2,") && l.contains("Prime Minister")), "{out}");
    let (_, out, _) = run(&["--csv", "mentions", &case("readme_example.txt")], b"");
    assert!(out.starts_with("index,text,label,start,end,confidence,entity_id,entity_name\r\n0,"), "{out}");
    let (_, out, _) = run(&["--csv", "quotes", &case("readme_example.txt")], b"");
    assert!(out.starts_with("index,speaker,speaker_name,entity_id,cue,text,start,end,article\r\n0,Takaichi,Sanae Takaichi,"), "{out}");
    // several dumps: a first `source` column
    let (_, out, _) = run(&["--csv", "amounts", &case("readme_example.txt"), &case("two_articles.txt")], b"");
    let lines: Vec<&str> = out.split("\r\n").collect();
    assert_eq!(lines[0], "source,index,text,kind,value,upper,currency,unit,start,end");
    assert!(lines[2].ends_with(",1,$500 million,money,500000000,,USD,,380,392"), "{}", lines[2]);
    // quotes whose text starts like a formula (plain, fullwidth, after spaces) stay text
    let dump = "Minister outlines plan for the harbour\nLISBON, March 3 (Reuters) - The minister spoke on Monday about the harbour plan.\n\"=HYPERLINK(1) is fine for now,\" Costa told reporters.\n\"\u{FF1D}SUM(A1) is also fine,\" Costa said.\n\"@import is the plan,\" Costa said.\n";
    let (code, out, err) = run(&["--csv", "quotes"], dump.as_bytes());
    assert_eq!(code, 0, "{err}");
    for needle in [",\"'=HYPERLINK(1) is fine for now,\",", ",\"'\u{FF1D}SUM(A1) is also fine,\",", ",\"'@import is the plan,\","] {
        assert!(out.contains(needle), "{needle} not neutralised in:\n{out}");
    }
    let (code, _, err) = run(&["--csv", "people"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("entities, mentions, quotes or amounts"), "{err}");
}

#[test]
fn version_help_bom_blocks_and_write_errors() {
    let (code, out, _) = run(&["--version"], b"");
    assert_eq!((code, out.trim()), (0, format!("gleaner {}", env!("CARGO_PKG_VERSION")).as_str()));
    let (_, help, _) = run(&["--help"], b"");
    for opt in ["--jsonl", "--compact", "--csv", "--blocks", "--input", "--reference-date", "--no-entities", "--no-quotes", "--no-times", "--no-amounts", "--no-clusters", "--jobs", "--progress", "--no-progress", "--help", "--version"] {
        assert!(help.contains(opt), "--help does not list {opt}");
    }
    // a leading BOM does not swallow the first separator
    let (code, with_bom, _) = run(&["--compact"], b"\xef\xbb\xbf-\nOne headline here\n-\nTwo headline here\n");
    let (_, without, _) = run(&["--compact"], b"-\nOne headline here\n-\nTwo headline here\n");
    assert_eq!(code, 0);
    let (a, b): (serde_json::Value, serde_json::Value) = (serde_json::from_str(&with_bom).unwrap(), serde_json::from_str(&without).unwrap());
    assert_eq!(a["headlines"], b["headlines"]);
    // --blocks on non-ASCII text longer than the 200-character preview
    let text = format!("a{}\n", "\u{e9}".repeat(150));
    let (code, out, err) = run(&["--blocks"], text.as_bytes());
    assert_eq!(code, 0, "{err}");
    let blocks: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(blocks[0]["text"].as_str().unwrap().starts_with("a\u{e9}\u{e9}"));
    // a full disk is an error, not a silent exit 0
    if std::path::Path::new("/dev/full").exists() {
        let out = Command::new(env!("CARGO_BIN_EXE_gleaner")).arg(case("readme_example.txt")).stdout(std::fs::File::create("/dev/full").unwrap()).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write the output"));
    }
}
