//! The adversarial suite: input families built to hit the worst case of some stage (repeated
//! punctuation, endless numbers, shared first names, short lines, Unicode storms, …), each run
//! through the CLI (`gleaner FILE`, every extractor on) as a child process at two sizes, 4x apart.
//! A family fails when the larger input costs more than [`MAX_RATIO`] times the CPU time of the
//! smaller one (above a noise floor), or, in the full run, more than [`MAX_SECS_1MB`] CPU
//! seconds at 1 MB. Every run also reports wall time and the child's peak RSS.
//!
//! Used by `tests/adversarial.rs` (a short run in `cargo test`) and
//! `tests/benches/adversarial.rs` (`cargo bench --bench adversarial`: the full table).

#![allow(dead_code)]

use std::path::Path;
use std::time::Instant;

/// 4x the input may cost at most this many times the CPU time.
pub const MAX_RATIO: f64 = 6.0;
/// The full run's absolute limit at 1 MB (release CLI, CPU time: user + system of the child,
/// which a busy shared machine inflates far less than wall time).
pub const MAX_SECS_1MB: f64 = 2.0;

/// What a family is expected to do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Expect {
    /// Linear; a failure is a bug.
    Linear,
    /// Known to fail because of the named layer; reported, not failed.
    KnownSlow(&'static str),
}

/// One input family: a name, what it attacks, and a generator of about `size` bytes.
#[derive(Clone, Copy)]
pub struct Family {
    pub name: &'static str,
    pub what: &'static str,
    pub gen: fn(usize) -> Vec<u8>,
    pub expect: Expect,
    /// Put the input inside an article (title, dateline, byline): the quote finder and the
    /// article-only rules read it then.
    pub article: bool,
}

impl Family {
    /// The family's name in tables (`article/NAME` for the article-wrapped variant).
    pub fn label(&self) -> String {
        if self.article {
            format!("article/{}", self.name)
        } else {
            self.name.to_string()
        }
    }

    /// About `size` bytes of input.
    pub fn input(&self, size: usize) -> Vec<u8> {
        let body = (self.gen)(size);
        if !self.article {
            return body;
        }
        let mut out = b"Japan to host Pacific islands summit in Tokyo\nTokyo, Jan. 9 (Jiji Press)--".to_vec();
        out.extend_from_slice(&body);
        out.extend_from_slice(b"\nK.Sato--JIJI\n");
        out
    }
}

/// Families that also run inside an article.
const IN_ARTICLE: &[&str] = &[
    "one_line", "x_question", "said_period", "ellipses", "long_money", "long_initials", "shared_first_name", "quote_paragraph",
    "quotes_with_cues", "unbalanced_quotes", "quote_lines", "dates_run", "amounts_run", "nul_control", "combining_words",
];

/// `unit` repeated until the output holds at least `size` bytes.
fn repeat(unit: &str, size: usize) -> Vec<u8> {
    unit.repeat(size.div_ceil(unit.len().max(1))).into_bytes()
}

/// `head` then `unit` repeated: one long run (`$1` + `,000` × n).
fn run_of(head: &str, unit: &str, size: usize) -> Vec<u8> {
    let mut s = head.to_string();
    s.push_str(&unit.repeat(size.saturating_sub(head.len()).div_ceil(unit.len())));
    s.into_bytes()
}

/// Lines from `line(i)` for i = 0, 1, … until `size` bytes.
fn numbered(size: usize, line: impl Fn(usize) -> String) -> Vec<u8> {
    let mut s = String::with_capacity(size + 256);
    let mut i = 0;
    while s.len() < size {
        s.push_str(&line(i));
        i += 1;
    }
    s.into_bytes()
}

/// A distinct, name-shaped invented word for each `i` (`Kamori`, `Tasuno`, …).
pub fn name_word(i: usize) -> String {
    const SYL: [&str; 12] = ["ka", "mo", "ri", "ta", "su", "no", "ha", "ya", "shi", "ro", "ne", "mi"];
    let mut s = String::new();
    let mut n = i;
    loop {
        s.push_str(SYL[n % SYL.len()]);
        n /= SYL.len();
        if n == 0 {
            break;
        }
    }
    if s.len() < 4 {
        s.push_str("da");
    }
    let mut c = s.chars();
    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
}

/// A small deterministic generator (no dependency; the same bytes on every run).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next() as usize % xs.len()]
    }
}

/// The golden fixtures (written for this project), concatenated and repeated: a realistic dump.
fn realistic(size: usize) -> Vec<u8> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/cases");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect())
        .unwrap_or_default();
    names.sort();
    let mut one = String::new();
    for p in names {
        if let Ok(t) = std::fs::read_to_string(p) {
            one.push_str(&t);
            one.push_str("\n\n");
        }
    }
    assert!(!one.is_empty(), "tests/data/cases/*.txt missing");
    repeat(&one, size)
}

fn lines(text: Vec<u8>, nl: &str) -> Vec<u8> {
    String::from_utf8(text).unwrap().replace('\n', nl).into_bytes()
}

const WORDS: [&str; 24] = [
    "the", "talks", "Minister", "said", "on", "Friday", "Seoul", "would", "and", "Lee", "market", "rose", "in", "of",
    "Takaichi", "government", "a", "new", "deal", "Tokyo", "after", "week", "plans", "to",
];

/// Every family (and the article-wrapped variants). Names are stable: the README table refers to them.
pub fn families() -> Vec<Family> {
    let base = base_families();
    let wrapped: Vec<Family> = base.iter().filter(|f| IN_ARTICLE.contains(&f.name)).map(|f| Family { article: true, ..*f }).collect();
    base.into_iter().chain(wrapped).collect()
}

fn base_families() -> Vec<Family> {
    use Expect::*;
    vec![
        Family { name: "realistic", what: "the golden fixtures repeated (baseline)", gen: realistic, expect: Linear, article: false },
        Family {
            name: "one_line",
            what: "prose with no newline at all",
            gen: |n| repeat("Lee said the talks would go on, and Takaichi agreed ", n),
            expect: Linear, article: false },
        Family {
            name: "wrapped_lines",
            what: "one paragraph hard-wrapped into short lines",
            gen: |n| repeat("the talks would go on and on and the minister said that\n", n),
            expect: Linear, article: false },
        Family {
            name: "random_words",
            what: "random words and punctuation, one line",
            gen: |n| {
                let mut r = Lcg(7);
                let mut s = String::new();
                while s.len() < n {
                    s.push_str(r.pick(&WORDS));
                    s.push_str(r.pick(&[" ", " ", " ", ", ", ". ", " \"", "\" ", "? ", "\n"]));
                }
                s.into_bytes()
            },
            expect: Linear, article: false },
        Family {
            name: "url_lines",
            what: "one URL per line",
            gen: |n| numbered(n, |i| format!("https://example.com/news/{i}/story.html?id={i}\n")),
            expect: Linear, article: false },
        Family { name: "x_question", what: "`x? ` repeated", gen: |n| repeat("x? ", n), expect: Linear, article: false },
        Family { name: "question_marks", what: "`? ` repeated", gen: |n| repeat("? ", n), expect: Linear, article: false },
        Family { name: "bangs", what: "`! ` repeated", gen: |n| repeat("! ", n), expect: Linear, article: false },
        Family { name: "said_period", what: "` said.` repeated", gen: |n| repeat(" said.", n), expect: Linear, article: false },
        Family { name: "ellipses", what: "`... ` repeated", gen: |n| repeat("... ", n), expect: Linear, article: false },
        Family { name: "long_money", what: "one number `$1,000,000,…`", gen: |n| run_of("$1", ",000", n), expect: Linear, article: false },
        Family { name: "long_dotted", what: "one number `1.2.2.2…`", gen: |n| run_of("1", ".2", n), expect: Linear, article: false },
        Family { name: "long_clock", what: "`10:2610:26…` without spaces", gen: |n| repeat("10:26", n), expect: Linear, article: false },
        Family { name: "long_dashed", what: "`-1,000-1,000…` without spaces", gen: |n| repeat("-1,000", n), expect: Linear, article: false },
        Family {
            name: "long_initials",
            what: "`A.B.C.D.…` one letter-dot word",
            gen: |n| repeat("A.", n),
            expect: Linear, article: false },
        Family { name: "long_ampersand", what: "`AT&T&T&…` one word", gen: |n| run_of("AT", "&T", n), expect: Linear, article: false },
        Family { name: "long_hyphenated", what: "`ab-cd-ef-…` one word", gen: |n| repeat("ab-", n), expect: Linear, article: false },
        Family { name: "long_apostrophes", what: "`O'Ne'il'…` one word", gen: |n| repeat("O'Ne", n), expect: Linear, article: false },
        Family {
            name: "shared_first_name",
            what: "many people sharing a first name",
            gen: |n| {
                numbered(n, |i| format!("Prime Minister Kenji {} said the plan would help farmers.\n", name_word(i)))
            },
            expect: Linear, article: false },
        Family {
            name: "shared_surname",
            what: "many people sharing a surname",
            gen: |n| numbered(n, |i| format!("{} Tanabe said on Friday that talks would go on.\n", name_word(i))),
            expect: Linear, article: false },
        Family {
            name: "quote_paragraph",
            what: "one paragraph of quotes with inner full stops",
            gen: |n| repeat("\"Go now. Stop.\" ", n),
            expect: Linear, article: false },
        Family {
            name: "quotes_with_cues",
            what: "one paragraph of attributed quotes",
            gen: |n| numbered(n, |i| format!("\"We will go on,\" {} said. ", name_word(i))),
            expect: Linear, article: false },
        Family {
            name: "unbalanced_quotes",
            what: "straight quotes that never close, one line",
            gen: |n| repeat("He said \" and then ", n),
            expect: Linear, article: false },
        Family { name: "quote_lines", what: "a quote opened on every line", gen: |n| repeat("\"She added\n", n), expect: Linear, article: false },
        Family { name: "dash_lines", what: "`-` lines", gen: |n| repeat("-\n", n), expect: Linear, article: false },
        Family {
            name: "rule_lines",
            what: "rule lines (`-----`, `=====`, `* * *`)",
            gen: |n| repeat("----------\n==========\n* * *\n__________\n", n),
            expect: Linear, article: false },
        Family { name: "end_lines", what: "`(END)` lines", gen: |n| repeat("(END)\n", n), expect: Linear, article: false },
        Family {
            name: "datelines",
            what: "thousands of datelines",
            gen: |n| numbered(n, |i| format!("SEOUL, Feb. {} (Yonhap) -- Officials met on Friday.\n", i % 28 + 1)),
            expect: Linear, article: false },
        Family {
            name: "bylines",
            what: "thousands of bylines",
            gen: |n| numbered(n, |i| format!("By {} Morita, Staff Writer\nK.{}--QXTN\n", name_word(i), name_word(i + 7))),
            expect: Linear, article: false },
        Family {
            name: "timestamps",
            what: "thousands of timestamps",
            gen: |n| numbered(n, |i| format!("Thu, 03 Oct 2024 {:02}:{:02}:{:02} GMT\n", i / 3600 % 24, i / 60 % 60, i % 60)),
            expect: Linear, article: false },
        Family {
            name: "capitalised_run",
            what: "capitalised words with no punctuation, one line",
            gen: |n| numbered(n, |i| format!("{} ", name_word(i % 5000))),
            expect: Linear, article: false },
        Family { name: "long_word", what: "one word of letters", gen: |n| repeat("a", n), expect: Linear, article: false },
        Family {
            name: "identical_headlines",
            what: "the same headline between `-` lines",
            gen: |n| repeat("-\nLee and Xi agree to resume trade talks\n", n),
            expect: Linear, article: false },
        Family {
            name: "near_identical_headlines",
            what: "headlines differing in one word",
            gen: |n| numbered(n, |i| format!("-\nLee and {} agree to resume trade talks in Seoul\n", name_word(i % 3000))),
            expect: Linear, article: false },
        Family {
            name: "headlines_with_times",
            what: "a headline list with times",
            gen: |n| numbered(n, |i| format!("Markets rise as {} plan lands\n{} hours ago\n", name_word(i), i % 23 + 1)),
            expect: Linear, article: false },
        Family {
            name: "dates_run",
            what: "date expressions back to back",
            gen: |n| repeat("on Jan. 9, 2026, next week, last Friday at 10:30 a.m. and ", n),
            expect: Linear, article: false },
        Family {
            name: "amounts_run",
            what: "amounts back to back",
            gen: |n| repeat("$20 million, 5% of 3.5 tons, £1.2 billion to 40 percent and ", n),
            expect: Linear, article: false },
        Family { name: "numbers_spaced", what: "numbers separated by spaces", gen: |n| numbered(n, |i| format!("{i} ")), expect: Linear, article: false },
        Family { name: "crlf", what: "the realistic dump with CRLF line ends", gen: |n| lines(realistic(n), "\r\n"), expect: Linear, article: false },
        Family { name: "cr_only", what: "the realistic dump with CR line ends", gen: |n| lines(realistic(n), "\r"), expect: Linear, article: false },
        Family {
            name: "nul_control",
            what: "NUL and control characters between words",
            gen: |n| repeat("Lee\0said\u{1}the\u{7}talks\u{1b}[0m\u{8}would\u{c}go\u{b}on.\0\n", n),
            expect: Linear, article: false },
        Family {
            name: "bidi_controls",
            what: "bidi overrides and isolates around words",
            gen: |n| repeat("\u{202E}Lee said\u{202C} \u{2066}Takaichi\u{2069} agreed\u{200F}. \u{202B}Talks\u{202C} \u{61C}go on.\n", n),
            expect: Linear, article: false },
        Family {
            name: "combining_storm",
            what: "one letter followed by endless combining marks",
            gen: |n| run_of("e", "\u{301}\u{323}", n),
            expect: Linear, article: false },
        Family {
            name: "combining_words",
            what: "words where every letter carries marks",
            gen: |n| repeat("L\u{301}e\u{323}\u{301}e\u{308} s\u{327}a\u{300}i\u{302}d\u{30C}. ", n),
            expect: Linear, article: false },
        Family {
            name: "emoji_zwj",
            what: "one endless emoji ZWJ sequence",
            gen: |n| run_of("\u{1F468}", "\u{200D}\u{1F469}\u{200D}\u{1F467}\u{FE0F}", n),
            expect: Linear, article: false },
        Family {
            name: "invalid_utf8",
            what: "invalid UTF-8 bytes between words (the CLI decodes lossily)",
            gen: |n| {
                let unit: &[u8] = b"Lee \xff\xfe said \xc3 the \xe2\x80 talks \xed\xa0\x80 go\x80on. \xf0\x9f\x98\n";
                unit.repeat(n.div_ceil(unit.len()))
            },
            expect: Linear, article: false },
    ]
}

/// One run of the CLI: wall time, CPU time (user + system) and peak RSS of the child.
#[derive(Clone, Copy, Debug)]
pub struct Measure {
    pub wall: f64,
    pub cpu: f64,
    /// Peak resident set of the child in KiB (Linux only).
    pub peak_kib: Option<u64>,
    pub ok: bool,
    /// Killed after [`TIMEOUT_SECS`].
    pub timed_out: bool,
}

/// Run `exe` (the gleaner CLI) on `input` written to a temporary file; stdout is discarded.
pub fn run_cli(exe: &Path, name: &str, input: &[u8]) -> Measure {
    let path = std::env::temp_dir().join(format!("gleaner-adv-{}-{}-{}.txt", std::process::id(), name.replace('/', "_"), input.len()));
    std::fs::write(&path, input).expect("write temp input");
    let t = Instant::now();
    let child = std::process::Command::new(exe)
        .arg(&path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn gleaner");
    let (ok, cpu, peak_kib) = wait(child, TIMEOUT_SECS);
    let wall = t.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&path);
    Measure { wall, cpu: cpu.unwrap_or(wall), peak_kib, ok, timed_out: wall >= TIMEOUT_SECS }
}

/// A child still running after this long is killed and reported as too slow.
pub const TIMEOUT_SECS: f64 = 60.0;

#[cfg(target_os = "linux")]
fn wait(mut child: std::process::Child, timeout: f64) -> (bool, Option<f64>, Option<u64>) {
    // wait4 reports the child's own rusage (std's wait does not).
    #[repr(C)]
    struct Rusage {
        utime: [i64; 2],
        stime: [i64; 2],
        maxrss: i64,
        rest: [i64; 13],
    }
    extern "C" {
        fn wait4(pid: i32, status: *mut i32, options: i32, rusage: *mut Rusage) -> i32;
    }
    let mut status = 0i32;
    let mut ru = Rusage { utime: [0; 2], stime: [0; 2], maxrss: 0, rest: [0; 13] };
    const WNOHANG: i32 = 1;
    let t = Instant::now();
    let r = loop {
        // SAFETY: plain libc call with valid pointers to locals; the pid is our own child, not yet reaped.
        let r = unsafe { wait4(child.id() as i32, &mut status, WNOHANG, &mut ru) };
        if r != 0 {
            break r;
        }
        if t.elapsed().as_secs_f64() >= timeout {
            let _ = child.kill();
            // SAFETY: as above, blocking this time.
            break unsafe { wait4(child.id() as i32, &mut status, 0, &mut ru) };
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    std::mem::forget(child);
    if r < 0 {
        return (false, None, None);
    }
    let secs = |t: [i64; 2]| t[0] as f64 + t[1] as f64 / 1e6;
    // exited normally with status 0
    let ok = status & 0x7f == 0 && (status >> 8) & 0xff == 0;
    (ok, Some(secs(ru.utime) + secs(ru.stime)), Some(ru.maxrss as u64))
}

#[cfg(not(target_os = "linux"))]
fn wait(mut child: std::process::Child, timeout: f64) -> (bool, Option<f64>, Option<u64>) {
    let t = Instant::now();
    while child.try_wait().ok().flatten().is_none() && t.elapsed().as_secs_f64() < timeout {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = child.kill();
    (child.wait().map(|s| s.success()).unwrap_or(false), None, None)
}

/// A family measured at two sizes.
pub struct Row {
    pub name: String,
    pub small: (usize, Measure),
    pub big: (usize, Measure),
    /// Why the row fails, if it does.
    pub problem: Option<String>,
    pub expect: Expect,
}

/// Measure `f` at `small` and `big = 4 * small` bytes; judge the ratio (CPU time above
/// `floor` seconds) and, when `max_big` is given, the larger run's wall time.
pub fn measure(exe: &Path, f: &Family, small: usize, floor: f64, max_big: Option<f64>) -> Row {
    let a = f.input(small);
    let b = f.input(small * 4);
    let ma = run_cli(exe, &f.label(), &a);
    let mut mb = run_cli(exe, &f.label(), &b);
    // a shared box can stall one run: a big run that looks too slow is timed once more and
    // the faster of the two counts (a real super-linear cost shows in both)
    if mb.ok && !mb.timed_out && mb.cpu > floor && mb.cpu > MAX_RATIO * ma.cpu.max(floor / MAX_RATIO) {
        let again = run_cli(exe, &f.label(), &b);
        if again.ok && again.cpu < mb.cpu {
            mb = again;
        }
    }
    let mut problem = None;
    if ma.timed_out || mb.timed_out {
        problem = Some(format!("over {TIMEOUT_SECS} s"));
    } else if !ma.ok || !mb.ok {
        problem = Some("the CLI failed".to_string());
    } else if mb.cpu > floor && mb.cpu > MAX_RATIO * ma.cpu.max(floor / MAX_RATIO) {
        problem = Some(format!("4x the size cost {:.1}x the time", mb.cpu / ma.cpu.max(1e-3)));
    } else if let Some(limit) = max_big.filter(|&l| mb.cpu > l) {
        problem = Some(format!("{:.2} s CPU at {} (limit {limit} s)", mb.cpu, size_label(b.len())));
    }
    Row { name: f.label(), small: (a.len(), ma), big: (b.len(), mb), problem, expect: f.expect }
}

pub fn size_label(n: usize) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MB", n as f64 / (1 << 20) as f64)
    } else {
        format!("{} KB", n >> 10)
    }
}

/// The table printed by the bench (and pasted into the README).
pub fn table(rows: &[Row]) -> String {
    let mut s = String::from("| family | small: s (cpu) / peak MB | big: s (cpu) / peak MB | ratio | result |\n|---|---|---|---|---|\n");
    for r in rows {
        let mb = |m: &Measure| m.peak_kib.map_or("–".to_string(), |k| format!("{:.0}", k as f64 / 1024.0));
        let verdict = match (&r.problem, r.expect) {
            (None, _) => "ok".to_string(),
            (Some(p), Expect::Linear) => format!("FAIL: {p}"),
            (Some(p), Expect::KnownSlow(layer)) => format!("known ({layer}): {p}"),
        };
        s.push_str(&format!(
            "| `{}` | {}: {:.2} ({:.2}) / {} | {}: {:.2} ({:.2}) / {} | {:.1} | {} |\n",
            r.name,
            size_label(r.small.0),
            r.small.1.wall,
            r.small.1.cpu,
            mb(&r.small.1),
            size_label(r.big.0),
            r.big.1.wall,
            r.big.1.cpu,
            mb(&r.big.1),
            r.big.1.cpu / r.small.1.cpu.max(1e-3),
            verdict
        ));
    }
    s
}
