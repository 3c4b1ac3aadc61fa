//! `gleaner-eval structure [SET…] [--shape S] [--errors] [--json]`: how well the structure
//! layer finds titles, bylines, dates, datelines, bodies and headline lists on the real
//! dumps in `../shared/dumps` (or `$GLEANER_DUMPS`): `readability/`, `trafilatura/` and
//! `pages/`. Dumps are read in place, never copied. Parsing runs with entities, quotes,
//! times, amounts and clusters off: only the structure is scored.
//!
//! `--errors` prints every miss on one line (`set/shape/page  field: gold … | predicted …`);
//! for a wrong title it also says which parts of the document hold the gold title text, for
//! a missing `with` snippet which non-body parts hold it (`main headline`, `teaser`, …).
//!
//! # Shared definitions
//!
//! * **Text comparison** ([`norm_text`]): whitespace collapsed, curly and typographic quotes
//!   mapped to `'` and `"`, trimmed, **lowercased** (case is ignored: metadata titles and
//!   printed headlines differ in case, e.g. all-caps kickers). Used for titles, headlines,
//!   places, agencies and author names (author names also drop `.`).
//! * **Main article**: the predicted article with the most body characters (paragraphs and
//!   subheadings); the page's title, byline and date are read from it.
//! * **Predicted body**: every paragraph and subheading of every predicted article.
//! * **Body P/R/F1**: the Zyte article-extraction-benchmark metric: 4-gram shingles of `\w+`
//!   tokens (alphanumeric or `_` runs), lowercased, counted as multisets; per page TP/FP/FN
//!   are normalised to sum 1, precision and recall are averaged over pages (a page with
//!   nothing on either side scores 1/1), F1 is the harmonic mean of the two means. The
//!   "dump" baseline F1 takes the whole dump as the body.
//!
//! # readability (news pages: `news` true, `fixture` false; real non-news pages apart)
//!
//! * title: right when the main article's title equals the gold title, or the gold title
//!   with a trailing ` | Site`, ` - Site`, ` – Site`, ` — Site`, `_Site` or ` [Site]` part
//!   removed (repeatedly: `A - B - C` also accepts `A - B` and `A`; `A_B_C` also `A_B` and
//!   `A`). Pages with a null title are not counted.
//! * byline: counted only where the gold byline names people ([`person_names`]): a leading
//!   `By`/`Par`/`Por`/`Von` dropped, not the site name, no digit, `@`, `/` or brackets; split
//!   at `,`, `;`, `&`, ` and `, ` et `, ` y `, ` und `; every part 2–5 words, each word
//!   capitalised (first letter upper case; `Nelson D. Schwartz`, `Gina Roberts-Grey`, all caps
//!   `JOE HILDEBRAND`) or a name particle (`de`, `van`, `al`, …), no role word (`Staff`,
//!   `News`, `Author`, …). This excludes site names (`BBC News`), junk (`by Lucas Nolan22 Dec
//!   2016651`, `Follow Author`), dates, bylines with outlet tails (`MA WebMD Health News`) and
//!   names written without spaces (CJK). Right when every gold name is among the main
//!   article's `byline.authors` (normalised). `--errors` prints the counted pages.
//! * published: counted where gold `published` is set and the dump prints that calendar day
//!   ([`prints_day`]: `2016-12-22`, `2016/12/22`, `22.12.2016`, `12/22/2016`, `22/12/2016`,
//!   `Dec 22, 2016`, `December 22nd 2016`, `22 December 2016`, `22. Dezember 2016`,
//!   `22 de diciembre de 2016`, `2016年12月22日`; month names in en/de/fr/es/pt/it/nl/cs).
//!   Right when the main article's `published.iso` starts with the gold day.
//! * body P/R/F1 against `body_paragraphs`, and the dump baseline. `--errors` lists the
//!   dumps whose own body F1 is under 0.9, with their P and R.
//!
//! # trafilatura
//!
//! * with found: over `with` snippets present in that dump (`with_present[shape]`), found
//!   in the predicted body. without excluded: over `without` snippets present in the dump,
//!   absent from the predicted body. Both compare after dropping whitespace and
//!   `` * _ \ ` # > | `` on both sides (the README's comparison), case kept.
//! * title: as for readability, where gold has one.
//!
//! # pages (one shape, `excerpt`)
//!
//! * Gold articles are aligned to predicted ones one-to-one: first equal titles, then a
//!   predicted article whose dateline or first paragraph starts with the gold dateline, then
//!   a lone remaining gold article takes the remaining main (largest) article, else remaining
//!   ones pair up in page order.
//! * title (gold title non-null), dateline place and agency (non-null gold; agency also
//!   accepts the byline's `source`), byline (non-null gold; the gold string split into names
//!   as above; right when the predicted author set equals it), paragraph count (every gold
//!   article; predicted = paragraphs of the aligned article, subheadings not counted; an
//!   unaligned gold article is wrong).
//! * page-own headlines: gold = `headlines` items without `role`; predicted = headlines of
//!   `main` lists, plus, when the page has two or more predicted articles, the articles'
//!   titles (digest and live pages list their stories' titles as headlines). Matched one to
//!   one on equal text (a gold item marked `truncated` also matches a prefix either way).
//! * list roles: gold items with `role` `related` (right when a predicted headline with that
//!   text has role related or popular), `ticker` (role ticker), `nav` (right when no
//!   predicted page-own item has that text: menu boilerplate or dropped).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::quotes::{Acc, Prf};
use crate::document::{Article, Document, ListRole};
use crate::options::Gleaner;

/// The four shapes of the `readability` and `trafilatura` sets.
pub const SHAPES: [&str; 4] = ["chromium", "lynx", "w3m", "markdown"];
/// The sets, in report order.
pub const SETS: [&str; 3] = ["readability", "trafilatura", "pages"];
/// The shape name used for the `pages` set.
pub const PAGES_SHAPE: &str = "excerpt";

/// `../shared/dumps` next to the repository (or `$GLEANER_DUMPS`), if it exists.
pub fn dumps_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("GLEANER_DUMPS") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/dumps"),
    };
    dir.is_dir().then_some(dir)
}

/// What to evaluate.
#[derive(Clone, Debug)]
pub struct Config {
    /// The folder holding `readability/`, `trafilatura/`, `pages/`.
    pub dir: PathBuf,
    /// Sets to run (names from [`SETS`]).
    pub sets: Vec<String>,
    /// Shapes to run for the four-shape sets (names from [`SHAPES`]).
    pub shapes: Vec<String>,
}

impl Config {
    /// Every set and shape under `dir`.
    pub fn all(dir: PathBuf) -> Config {
        Config { dir, sets: SETS.iter().map(|s| s.to_string()).collect(), shapes: SHAPES.iter().map(|s| s.to_string()).collect() }
    }
}

/// Body shingle scores summed over pages.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Body {
    /// Pages scored.
    pub pages: usize,
    /// Sum of per-page precision.
    pub p_sum: f64,
    /// Sum of per-page recall.
    pub r_sum: f64,
}

impl Body {
    /// Mean precision.
    pub fn p(&self) -> f64 {
        if self.pages == 0 { 0.0 } else { self.p_sum / self.pages as f64 }
    }
    /// Mean recall.
    pub fn r(&self) -> f64 {
        if self.pages == 0 { 0.0 } else { self.r_sum / self.pages as f64 }
    }
    /// F1 of the means.
    pub fn f(&self) -> f64 {
        f1(self.p(), self.r())
    }
    fn add(&mut self, (p, r): (f64, f64)) {
        self.pages += 1;
        self.p_sum += p;
        self.r_sum += r;
    }
    fn merge(&mut self, o: &Body) {
        self.pages += o.pages;
        self.p_sum += o.p_sum;
        self.r_sum += o.r_sum;
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

fn merge_acc(a: &mut Acc, b: &Acc) {
    a.correct += b.correct;
    a.total += b.total;
}

fn tick(a: &mut Acc, right: bool) {
    a.total += 1;
    a.correct += right as usize;
}

/// One readability row: a group (`news`, `non-news`) and a shape (or `all`).
#[derive(Clone, Debug, Default)]
pub struct ReadabilityRow {
    /// `news` or `non-news`.
    pub group: String,
    /// A shape or `all`.
    pub shape: String,
    /// Pages (dumps) read.
    pub pages: usize,
    /// Title accuracy.
    pub title: Acc,
    /// Byline accuracy where gold names people.
    pub byline: Acc,
    /// Published-day accuracy where the dump prints the gold day.
    pub published: Acc,
    /// Body shingles, predicted body.
    pub body: Body,
    /// Body shingles, whole dump as the body.
    pub baseline: Body,
}

/// One trafilatura row (a shape or `all`).
#[derive(Clone, Debug, Default)]
pub struct TrafilaturaRow {
    /// A shape or `all`.
    pub shape: String,
    /// Pages (dumps) read.
    pub pages: usize,
    /// `with` snippets present in the dump and found in the predicted body.
    pub with_found: Acc,
    /// `without` snippets present in the dump and absent from the predicted body.
    pub without_excluded: Acc,
    /// Title accuracy where gold has one.
    pub title: Acc,
}

/// The pages row.
#[derive(Clone, Debug, Default)]
pub struct PagesRow {
    /// Pages read.
    pub pages: usize,
    /// Title (gold non-null).
    pub title: Acc,
    /// Dateline place (gold non-null).
    pub place: Acc,
    /// Agency (gold non-null).
    pub agency: Acc,
    /// Byline authors (gold non-null).
    pub byline: Acc,
    /// Paragraph count exact (every gold article).
    pub paragraphs: Acc,
    /// Page-own headline list.
    pub headlines: Prf,
    /// Role of headlines in related/ticker/nav lists.
    pub list_role: Acc,
}

/// One miss, for `--errors`.
#[derive(Clone, Debug, PartialEq)]
pub struct Miss {
    /// Set name.
    pub set: String,
    /// Shape name.
    pub shape: String,
    /// Page name.
    pub page: String,
    /// What was scored (`title`, `byline`, `headline FP`, …).
    pub field: String,
    /// The gold value.
    pub gold: String,
    /// The predicted value.
    pub predicted: String,
}

/// Everything one run measured.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Readability rows: per group, each shape then `all`.
    pub readability: Vec<ReadabilityRow>,
    /// Readability pages whose byline counts (gold names people).
    pub byline_pages: Vec<String>,
    /// Trafilatura rows: each shape then `all`.
    pub trafilatura: Vec<TrafilaturaRow>,
    /// The pages row, when that set ran.
    pub pages: Option<PagesRow>,
    /// Every miss.
    pub misses: Vec<Miss>,
}

impl Report {
    /// The readability row for `group` (`news`, `non-news`) and `shape` (or `all`).
    pub fn readability_row(&self, group: &str, shape: &str) -> Option<&ReadabilityRow> {
        self.readability.iter().find(|r| r.group == group && r.shape == shape)
    }
    /// The trafilatura row for `shape` (or `all`).
    pub fn trafilatura_row(&self, shape: &str) -> Option<&TrafilaturaRow> {
        self.trafilatura.iter().find(|r| r.shape == shape)
    }
}

/// The structure-only parser the evaluation uses.
fn structure_parser() -> Gleaner {
    Gleaner::builder().entities(false).quotes(false).times(false).amounts(false).clusters(false).build().expect("valid options")
}

fn read_gold(dir: &Path, set: &str) -> Result<Vec<Value>, String> {
    let path = dir.join(set).join("gold.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let v: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    match v {
        Value::Array(a) => Ok(a),
        _ => Err(format!("{}: expected a list of pages", path.display())),
    }
}

fn read_dump(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn s<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).filter(|t| !t.trim().is_empty())
}

/// A structure parser under evaluation: `(set, page name, dump) -> Document` (the page name
/// lets a cross-validation run parse each page with the model of the fold that left it out).
pub type Parser<'a> = dyn Fn(&str, &str, &str) -> Document + 'a;

/// Run the evaluation with the shipped structure parser.
pub fn run(cfg: &Config) -> Result<Report, String> {
    let g = structure_parser();
    run_with(cfg, &|_: &str, _: &str, text: &str| g.parse(text))
}

/// Run the evaluation with `g`.
pub fn run_with(cfg: &Config, g: &Parser) -> Result<Report, String> {
    for set in &cfg.sets {
        if !SETS.contains(&set.as_str()) {
            return Err(format!("unknown set `{set}` (expected one of {})", SETS.join(", ")));
        }
    }
    for shape in &cfg.shapes {
        if !SHAPES.contains(&shape.as_str()) {
            return Err(format!("unknown shape `{shape}` (expected one of {})", SHAPES.join(", ")));
        }
    }
    let mut report = Report::default();
    for set in SETS {
        if !cfg.sets.iter().any(|s| s == set) {
            continue;
        }
        match set {
            "readability" => readability(cfg, g, &mut report)?,
            "trafilatura" => trafilatura(cfg, g, &mut report)?,
            _ => pages(cfg, g, &mut report)?,
        }
    }
    Ok(report)
}

// ---------------------------------------------------------------------------------------
// Text helpers

/// Whitespace collapsed, quotes straightened, trimmed, lowercased.
pub fn norm_text(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => out.push('\''),
                '“' | '”' | '„' | '‟' | '″' | '«' | '»' => out.push('"'),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// The accepted forms of a gold title: itself and, repeatedly, without a trailing site part.
fn title_forms(gold: &str) -> Vec<String> {
    let mut forms = vec![norm_text(gold)];
    loop {
        let last = forms.last().expect("non-empty").clone();
        // (`Title_Section_Site` joins with a bare underscore; `Title [Site]` brackets the site)
        let bracket = last.ends_with(']').then(|| last.rfind(" [")).flatten();
        let cut = [" | ", " - ", " – ", " — ", "_"].iter().filter_map(|sep| last.rfind(sep)).chain(bracket).max();
        match cut {
            Some(i) if !last[..i].trim().is_empty() => forms.push(last[..i].trim().to_string()),
            _ => break,
        }
    }
    forms
}

fn title_right(gold: &str, predicted: Option<&str>) -> bool {
    predicted.is_some_and(|p| title_forms(gold).contains(&norm_text(p)))
}

/// The README's snippet comparison: whitespace and `* _ \ ` # > |` dropped.
fn snippet_norm(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace() && !matches!(c, '*' | '_' | '\\' | '`' | '#' | '>' | '|')).collect()
}

fn article_chars(a: &Article) -> usize {
    a.sections
        .iter()
        .map(|s| s.heading.as_ref().map_or(0, |h| h.text.len()) + s.paragraphs.iter().map(|p| p.text.len()).sum::<usize>())
        .sum()
}

/// Index of the article with the most body characters (the first on ties).
fn main_article(doc: &Document) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, a) in doc.articles.iter().enumerate() {
        let n = article_chars(a);
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((i, n));
        }
    }
    best.map(|(i, _)| i)
}

/// Every paragraph and subheading of every article, one a line.
fn predicted_body(doc: &Document) -> String {
    let mut out = String::new();
    for a in &doc.articles {
        for sec in &a.sections {
            for t in sec.heading.iter().chain(sec.paragraphs.iter()) {
                out.push_str(&t.text);
                out.push('\n');
            }
        }
    }
    out
}

fn show(t: Option<&str>) -> String {
    match t {
        None => "-".to_string(),
        Some(t) => {
            let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if t.chars().count() > 100 { format!("{:?}…", t.chars().take(100).collect::<String>()) } else { format!("{t:?}") }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Body shingles (Zyte article-extraction-benchmark)

fn shingles(text: &str) -> BTreeMap<String, usize> {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = lower.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|t| !t.is_empty()).collect();
    let mut out = BTreeMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() < 4 {
        out.insert(tokens.join(" "), 1);
        return out;
    }
    for w in tokens.windows(4) {
        *out.entry(w.join(" ")).or_insert(0) += 1;
    }
    out
}

/// Per-page precision and recall of `pred` against `gold`.
pub fn shingle_pr(gold: &str, pred: &str) -> (f64, f64) {
    let (g, p) = (shingles(gold), shingles(pred));
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &gc) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += gc.min(pc);
        fn_ += gc.saturating_sub(pc);
    }
    for (k, &pc) in &p {
        fp += pc.saturating_sub(g.get(k).copied().unwrap_or(0));
    }
    // Normalising TP/FP/FN to sum 1 leaves these ratios unchanged.
    let p = if fp == 0 && fn_ == 0 { 1.0 } else if tp == 0 { 0.0 } else { tp as f64 / (tp + fp) as f64 };
    let r = if fp == 0 && fn_ == 0 { 1.0 } else if tp == 0 { 0.0 } else { tp as f64 / (tp + fn_) as f64 };
    (p, r)
}

// ---------------------------------------------------------------------------------------
// Bylines

const PARTICLES: &[&str] = &["de", "da", "del", "della", "di", "du", "dos", "das", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al", "el", "y"];
const ROLE_WORDS: &[&str] = &[
    "author", "authors", "staff", "team", "editor", "editors", "news", "follow", "admin", "contributors", "reporter", "desk", "correspondent", "health",
];

fn name_word(w: &str) -> bool {
    if PARTICLES.contains(&w) {
        return true;
    }
    if ROLE_WORDS.contains(&w.to_lowercase().as_str()) {
        return false;
    }
    w.split(['-', '\'', '’']).all(|part| {
        let mut cs = part.chars();
        let Some(first) = cs.next() else { return false };
        let rest: String = cs.collect();
        let rest = rest.strip_suffix('.').unwrap_or(&rest);
        first.is_uppercase() && rest.chars().all(char::is_alphabetic) && (rest.chars().all(char::is_lowercase) || rest.chars().all(char::is_uppercase))
    })
}

/// The person names a gold byline gives, or `None` when it is not a byline of people
/// (rules in the module docs). `site` is the page's site name.
pub fn person_names(byline: &str, site: Option<&str>) -> Option<Vec<String>> {
    let mut t = byline.trim();
    for prefix in ["By:", "BY:", "By ", "BY ", "by ", "Par ", "Por ", "Von "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim();
            break;
        }
    }
    if t.is_empty() || site.is_some_and(|s| norm_text(s) == norm_text(t)) {
        return None;
    }
    if t.chars().any(|c| c.is_ascii_digit() || matches!(c, '@' | '/' | '(' | ')' | '[' | ']' | ':')) {
        return None;
    }
    let mut parts = vec![t.to_string()];
    for sep in [",", ";", "&", " and ", " et ", " y ", " und "] {
        parts = parts.iter().flat_map(|p| p.split(sep).map(|x| x.trim().to_string()).collect::<Vec<_>>()).collect();
    }
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return None;
    }
    for p in &parts {
        let words: Vec<&str> = p.split_whitespace().collect();
        if !(2..=5).contains(&words.len()) || !words.iter().all(|w| name_word(w)) || PARTICLES.contains(&words[0]) {
            return None;
        }
    }
    Some(parts)
}

fn norm_name(t: &str) -> String {
    norm_text(&t.replace('.', " "))
}

// ---------------------------------------------------------------------------------------
// Printed dates

const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7), ("august", 8),
    ("september", 9), ("october", 10), ("november", 11), ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4),
    ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    // de
    ("januar", 1), ("jänner", 1), ("februar", 2), ("märz", 3), ("mai", 5), ("juni", 6), ("juli", 7), ("oktober", 10), ("dezember", 12),
    // fr
    ("janvier", 1), ("février", 2), ("mars", 3), ("avril", 4), ("juin", 6), ("juillet", 7), ("août", 8), ("septembre", 9),
    ("octobre", 10), ("novembre", 11), ("décembre", 12),
    // es, pt, it
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7), ("agosto", 8),
    ("septiembre", 9), ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12), ("janeiro", 1), ("fevereiro", 2),
    ("março", 3), ("maio", 5), ("junho", 6), ("julho", 7), ("setembro", 9), ("outubro", 10), ("dezembro", 12), ("gennaio", 1),
    ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6), ("luglio", 7), ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
    // nl
    ("januari", 1), ("februari", 2), ("maart", 3), ("mei", 5), ("augustus", 8),
    // cs (genitive, as in dates)
    ("ledna", 1), ("února", 2), ("března", 3), ("dubna", 4), ("května", 5), ("června", 6), ("července", 7), ("srpna", 8),
    ("září", 9), ("října", 10), ("listopadu", 11), ("prosince", 12),
];

/// The dump as space-separated date tokens: numbers without leading zeros (ordinal
/// suffixes dropped), month names as `m<N>`, `-` `/` `.` `年` `月` `日` kept, commas and
/// `de`/`of`/`the` dropped, every other mark a `|` barrier.
fn date_tokens(text: &str) -> String {
    let mut out = String::from(" ");
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut last_month = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let st = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let digits: String = chars[st..i].iter().collect();
            let trimmed = digits.trim_start_matches('0');
            out.push_str(if trimmed.is_empty() { "0" } else { trimmed });
            out.push(' ');
            let wst = i;
            let mut j = i;
            while j < chars.len() && chars[j].is_alphabetic() && !is_cjk_date_mark(chars[j]) {
                j += 1;
            }
            let suffix: String = chars[wst..j].iter().collect::<String>().to_lowercase();
            if matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
                i = j;
            }
            last_month = false;
        } else if c.is_alphabetic() && !is_cjk_date_mark(c) {
            let st = i;
            while i < chars.len() && chars[i].is_alphabetic() && !is_cjk_date_mark(chars[i]) {
                i += 1;
            }
            let w: String = chars[st..i].iter().collect::<String>().to_lowercase();
            last_month = false;
            if let Some(&(_, m)) = MONTHS.iter().find(|(name, _)| *name == w) {
                let _ = write!(out, "m{m} ");
                last_month = true;
            } else if !matches!(w.as_str(), "de" | "of" | "the") {
                out.push_str(&w);
                out.push(' ');
            }
        } else {
            i += 1;
            if c.is_whitespace() || c == ',' || (c == '.' && last_month) {
                continue;
            }
            last_month = false;
            if matches!(c, '-' | '/' | '.' | '年' | '月' | '日') {
                out.push(c);
            } else {
                out.push('|');
            }
            out.push(' ');
        }
    }
    out
}

fn is_cjk_date_mark(c: char) -> bool {
    matches!(c, '年' | '月' | '日')
}

/// Whether `text` prints the day `iso` (`YYYY-MM-DD…`) in a common date format.
pub fn prints_day(text: &str, iso: &str) -> bool {
    prints_day_in(&date_tokens(text), iso)
}

fn prints_day_in(tokens: &str, iso: &str) -> bool {
    let Some(((y, m), d)) = iso.get(0..4).zip(iso.get(5..7)).zip(iso.get(8..10)) else { return false };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else { return false };
    let forms = [
        format!(" {y} - {m} - {d} "),
        format!(" {y} / {m} / {d} "),
        format!(" {y} . {m} . {d} "),
        format!(" {d} . {m} . {y} "),
        format!(" {d} / {m} / {y} "),
        format!(" {m} / {d} / {y} "),
        format!(" {d} - {m} - {y} "),
        format!(" {m} - {d} - {y} "),
        format!(" m{m} {d} {y} "),
        format!(" {d} m{m} {y} "),
        format!(" {d} . m{m} {y} "),
        format!(" {y} 年 {m} 月 {d} 日 "),
    ];
    forms.iter().any(|f| tokens.contains(f.as_str()))
}

// ---------------------------------------------------------------------------------------
// readability

fn readability(cfg: &Config, g: &Parser, report: &mut Report) -> Result<(), String> {
    let gold = read_gold(&cfg.dir, "readability")?;
    let mut rows: BTreeMap<(String, String), ReadabilityRow> = BTreeMap::new();
    for page in &gold {
        if page.get("fixture").and_then(Value::as_bool).unwrap_or(true) {
            continue;
        }
        let name = s(page, "name").ok_or("readability gold: a page without a name")?;
        let group = if page.get("news").and_then(Value::as_bool).unwrap_or(false) { "news" } else { "non-news" };
        let gold_body: String = page
            .get("body_paragraphs")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n"))
            .unwrap_or_default();
        let names = s(page, "byline").and_then(|b| person_names(b, s(page, "site_name")));
        if names.is_some() && group == "news" {
            report.byline_pages.push(name.to_string());
        }
        for shape in &cfg.shapes {
            let text = read_dump(&cfg.dir.join("readability").join(shape).join(format!("{name}.txt")))?;
            let doc = g("readability", name, &text);
            let main = main_article(&doc).map(|i| &doc.articles[i]);
            let row = rows.entry((group.to_string(), shape.clone())).or_default();
            row.pages += 1;
            let mut miss = |field: &str, gold: String, predicted: String| {
                report.misses.push(Miss {
                    set: "readability".into(),
                    shape: shape.clone(),
                    page: name.to_string(),
                    field: field.into(),
                    gold,
                    predicted,
                })
            };
            if let Some(title) = s(page, "title") {
                let pred = main.and_then(|a| a.title.as_ref()).map(|t| t.text.as_str());
                let right = title_right(title, pred);
                tick(&mut row.title, right);
                if !right {
                    miss("title", show(Some(title)), title_miss(&doc, title, pred));
                }
            }
            if let Some(names) = &names {
                let authors: Vec<String> = main.and_then(|a| a.byline.as_ref()).map(|b| b.authors.iter().map(|a| norm_name(a)).collect()).unwrap_or_default();
                let right = names.iter().all(|n| authors.contains(&norm_name(n)));
                tick(&mut row.byline, right);
                if !right {
                    let pred = main.and_then(|a| a.byline.as_ref()).map(|b| format!("{} {:?}", b.text, b.authors));
                    miss("byline", show(Some(&names.join("; "))), show(pred.as_deref()));
                }
            }
            if let Some(day) = s(page, "published").and_then(|p| p.get(0..10)) {
                if prints_day(&text, day) {
                    let pred = main.and_then(|a| a.published.as_ref());
                    let right = pred.and_then(|p| p.iso.as_deref()).is_some_and(|iso| iso.starts_with(day));
                    tick(&mut row.published, right);
                    if !right {
                        let shown = pred.map(|p| format!("{} ({})", p.text, p.iso.as_deref().unwrap_or("no iso")));
                        miss("published", day.to_string(), show(shown.as_deref()));
                    }
                }
            }
            let pred_body = predicted_body(&doc);
            let (p, r) = shingle_pr(&gold_body, &pred_body);
            row.body.add((p, r));
            row.baseline.add(shingle_pr(&gold_body, &text));
            if f1(p, r) < 0.9 {
                miss("body", format!("{} words", gold_body.split_whitespace().count()), format!("P {p:.2} R {r:.2} ({} words)", pred_body.split_whitespace().count()));
            }
        }
    }
    for group in ["news", "non-news"] {
        let mut all = ReadabilityRow { group: group.into(), shape: "all".into(), ..Default::default() };
        for shape in &cfg.shapes {
            let mut row = rows.remove(&(group.to_string(), shape.clone())).unwrap_or_default();
            row.group = group.into();
            row.shape = shape.clone();
            all.pages += row.pages;
            merge_acc(&mut all.title, &row.title);
            merge_acc(&mut all.byline, &row.byline);
            merge_acc(&mut all.published, &row.published);
            all.body.merge(&row.body);
            all.baseline.merge(&row.baseline);
            report.readability.push(row);
        }
        report.readability.push(all);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// trafilatura

fn bools(page: &Value, key: &str, shape: &str) -> Vec<bool> {
    page.get(key).and_then(|v| v.get(shape)).and_then(Value::as_array).map(|a| a.iter().map(|b| b.as_bool().unwrap_or(false)).collect()).unwrap_or_default()
}

fn strings<'a>(page: &'a Value, key: &str) -> Vec<&'a str> {
    page.get(key).and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

/// Where a text went: the parts of `doc` (titles, with `body` also subheadings and
/// paragraphs, headlines and teasers, bylines, boilerplate by kind) that contain `needle`
/// (compared with [`snippet_norm`], and case-insensitively when `fold`).
fn locate(doc: &Document, needle: &str, body: bool, fold: bool) -> String {
    let norm = |t: &str| if fold { snippet_norm(t).to_lowercase() } else { snippet_norm(t) };
    let needle = norm(needle);
    let mut parts: Vec<(String, &str)> = Vec::new();
    for a in &doc.articles {
        parts.extend(a.title.iter().map(|t| ("title".to_string(), t.text.as_str())));
        parts.extend(a.byline.iter().map(|b| ("byline".to_string(), b.text.as_str())));
        for sec in a.sections.iter().filter(|_| body) {
            parts.extend(sec.heading.iter().map(|h| ("subheading".to_string(), h.text.as_str())));
            parts.extend(sec.paragraphs.iter().map(|p| ("paragraph".to_string(), p.text.as_str())));
        }
    }
    for h in &doc.headlines {
        parts.push((format!("{:?} headline", h.role).to_lowercase(), h.text.as_str()));
        parts.extend(h.teaser.iter().map(|t| ("teaser".to_string(), t.text.as_str())));
    }
    for b in &doc.boilerplate {
        parts.push((format!("{:?} boilerplate", b.kind).to_lowercase(), b.text.as_str()));
    }
    let mut found: Vec<String> = parts.into_iter().filter(|(_, text)| norm(text).contains(&needle)).map(|(k, _)| k).collect();
    found.dedup();
    if found.is_empty() { "in no single part (split or dropped)".into() } else { format!("in {}", found.join(", ")) }
}

/// A wrong title and where the gold title text is in `doc` (its shortest accepted form).
fn title_miss(doc: &Document, gold: &str, pred: Option<&str>) -> String {
    let short = title_forms(gold).pop().unwrap_or_default();
    format!("{} (gold text {})", show(pred), locate(doc, &short, true, true))
}

fn trafilatura(cfg: &Config, g: &Parser, report: &mut Report) -> Result<(), String> {
    let gold = read_gold(&cfg.dir, "trafilatura")?;
    let mut all = TrafilaturaRow { shape: "all".into(), ..Default::default() };
    for shape in &cfg.shapes {
        let mut row = TrafilaturaRow { shape: shape.clone(), ..Default::default() };
        for page in &gold {
            let name = s(page, "name").ok_or("trafilatura gold: a page without a name")?;
            let text = read_dump(&cfg.dir.join("trafilatura").join(shape).join(format!("{name}.txt")))?;
            let doc = g("trafilatura", name, &text);
            row.pages += 1;
            let body = snippet_norm(&predicted_body(&doc));
            let mut miss = |field: &str, gold: &str, predicted: String| {
                report.misses.push(Miss {
                    set: "trafilatura".into(),
                    shape: shape.clone(),
                    page: name.to_string(),
                    field: field.into(),
                    gold: show(Some(gold)),
                    predicted,
                })
            };
            for (snip, present) in strings(page, "with").into_iter().zip(bools(page, "with_present", shape)) {
                if present {
                    let right = body.contains(&snippet_norm(snip));
                    tick(&mut row.with_found, right);
                    if !right {
                        miss("with snippet missing", snip, locate(&doc, snip, false, false));
                    }
                }
            }
            for (snip, present) in strings(page, "without").into_iter().zip(bools(page, "without_present", shape)) {
                if present {
                    let right = !body.contains(&snippet_norm(snip));
                    tick(&mut row.without_excluded, right);
                    if !right {
                        miss("without snippet kept", snip, "in body".into());
                    }
                }
            }
            if let Some(title) = s(page, "title") {
                let pred = main_article(&doc).and_then(|i| doc.articles[i].title.as_ref()).map(|t| t.text.as_str());
                let right = title_right(title, pred);
                tick(&mut row.title, right);
                if !right {
                    miss("title", title, title_miss(&doc, title, pred));
                }
            }
        }
        all.pages += row.pages;
        merge_acc(&mut all.with_found, &row.with_found);
        merge_acc(&mut all.without_excluded, &row.without_excluded);
        merge_acc(&mut all.title, &row.title);
        report.trafilatura.push(row);
    }
    report.trafilatura.push(all);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// pages

/// Align gold articles to predicted ones (see the module docs): `out[gold] = predicted`.
fn align(gold: &[Value], doc: &Document) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = vec![None; gold.len()];
    let mut used = vec![false; doc.articles.len()];
    for (gi, ga) in gold.iter().enumerate() {
        let Some(t) = s(ga, "title") else { continue };
        let want = norm_text(t);
        if let Some(pi) = (0..doc.articles.len()).find(|&pi| !used[pi] && doc.articles[pi].title.as_ref().is_some_and(|pt| norm_text(&pt.text) == want)) {
            out[gi] = Some(pi);
            used[pi] = true;
        }
    }
    for (gi, ga) in gold.iter().enumerate() {
        let Some(dl) = s(ga, "dateline").filter(|_| out[gi].is_none()) else { continue };
        let want = norm_text(dl);
        let starts = |a: &Article| {
            let first = a.dateline.as_ref().map(|d| d.text.clone()).or_else(|| a.sections.iter().flat_map(|s| s.paragraphs.iter()).next().map(|p| p.text.clone()));
            first.is_some_and(|f| norm_text(&f).starts_with(&want))
        };
        if let Some(pi) = (0..doc.articles.len()).find(|&pi| !used[pi] && starts(&doc.articles[pi])) {
            out[gi] = Some(pi);
            used[pi] = true;
        }
    }
    let left: Vec<usize> = (0..gold.len()).filter(|&gi| out[gi].is_none()).collect();
    let free: Vec<usize> = (0..doc.articles.len()).filter(|&pi| !used[pi]).collect();
    if left.len() == 1 {
        if let Some(&pi) = free.iter().max_by_key(|&&pi| (article_chars(&doc.articles[pi]), std::cmp::Reverse(pi))) {
            out[left[0]] = Some(pi);
        }
    } else {
        for (gi, pi) in left.into_iter().zip(free) {
            out[gi] = Some(pi);
        }
    }
    out
}

fn headline_match(gold: &str, truncated: bool, pred: &str) -> bool {
    gold == pred || (truncated && !gold.is_empty() && !pred.is_empty() && (gold.starts_with(pred) || pred.starts_with(gold)))
}

fn pages(cfg: &Config, g: &Parser, report: &mut Report) -> Result<(), String> {
    let gold = read_gold(&cfg.dir, "pages")?;
    let mut row = PagesRow::default();
    for page in &gold {
        let file = s(page, "file").ok_or("pages gold: a page without a file")?;
        let text = read_dump(&cfg.dir.join("pages").join(file))?;
        score_page(file, page, &g("pages", file, &text), &mut row, &mut report.misses);
    }
    report.pages = Some(row);
    Ok(())
}

/// Score one page of the `pages` set (gold object `page`, predicted `doc`) into `row`.
fn score_page(file: &str, page: &Value, doc: &Document, row: &mut PagesRow, misses: &mut Vec<Miss>) {
    row.pages += 1;
    let mut miss = |field: &str, gold: String, predicted: String| {
        misses.push(Miss { set: "pages".into(), shape: PAGES_SHAPE.into(), page: file.to_string(), field: field.into(), gold, predicted })
    };
    let arts: Vec<Value> = page.get("articles").and_then(Value::as_array).cloned().unwrap_or_default();
    let aligned = align(&arts, doc);
    for (ga, pi) in arts.iter().zip(&aligned) {
        let pa = pi.map(|i| &doc.articles[i]);
        let label = s(ga, "title").or(s(ga, "dateline")).unwrap_or("(untitled)");
        if let Some(t) = s(ga, "title") {
            let pred = pa.and_then(|a| a.title.as_ref()).map(|t| t.text.as_str());
            let right = pred.is_some_and(|p| norm_text(p) == norm_text(t));
            tick(&mut row.title, right);
            if !right {
                miss("title", show(Some(t)), show(pred));
            }
        }
        let dl = pa.and_then(|a| a.dateline.as_ref());
        if let Some(place) = s(ga, "place") {
            let pred = dl.and_then(|d| d.place.as_deref());
            let right = pred.is_some_and(|p| norm_place(p) == norm_place(place));
            tick(&mut row.place, right);
            if !right {
                miss("dateline place", show(Some(place)), show(dl.map(|d| format!("{:?} in {:?}", d.place.as_deref().unwrap_or("-"), d.text)).as_deref()));
            }
        }
        if let Some(agency) = s(ga, "agency") {
            let preds = [dl.and_then(|d| d.agency.as_deref()), pa.and_then(|a| a.byline.as_ref()).and_then(|b| b.source.as_deref())];
            let right = preds.iter().flatten().any(|p| norm_place(p) == norm_place(agency));
            tick(&mut row.agency, right);
            if !right {
                miss("agency", show(Some(agency)), format!("dateline {} byline source {}", show(preds[0]), show(preds[1])));
            }
        }
        if let Some(byline) = s(ga, "byline") {
            let want: Vec<String> = split_names(byline).iter().map(|n| norm_name(n)).collect();
            let b = pa.and_then(|a| a.byline.as_ref());
            let got: Vec<String> = b.map(|b| b.authors.iter().map(|a| norm_name(a)).collect()).unwrap_or_default();
            let right = !want.is_empty() && want.len() == got.len() && want.iter().all(|n| got.contains(n));
            tick(&mut row.byline, right);
            if !right {
                miss("byline", show(Some(byline)), show(b.map(|b| format!("{} {:?}", b.text, b.authors)).as_deref()));
            }
        }
        if let Some(n) = ga.get("paragraphs").and_then(Value::as_u64) {
            let got = pa.map(|a| a.sections.iter().map(|s| s.paragraphs.len()).sum::<usize>());
            let right = got == Some(n as usize);
            tick(&mut row.paragraphs, right);
            if !right {
                miss("paragraphs", format!("{n} in {}", show(Some(label))), got.map_or("no article".into(), |g| g.to_string()));
            }
        }
    }
    // Headlines.
    let heads: Vec<Value> = page.get("headlines").and_then(Value::as_array).cloned().unwrap_or_default();
    let mut own_pred: Vec<String> = doc.headlines.iter().filter(|h| h.role == ListRole::Main).map(|h| norm_text(&h.text)).collect();
    if doc.articles.len() >= 2 {
        for a in &doc.articles {
            if let Some(t) = &a.title {
                let t = norm_text(&t.text);
                if !own_pred.contains(&t) {
                    own_pred.push(t);
                }
            }
        }
    }
    let own_gold: Vec<(String, bool)> = heads
        .iter()
        .filter(|h| h.get("role").is_none_or(Value::is_null))
        .filter_map(|h| Some((norm_text(s(h, "headline")?), h.get("truncated").and_then(Value::as_bool).unwrap_or(false))))
        .collect();
    let mut used = vec![false; own_pred.len()];
    row.headlines.gold += own_gold.len();
    row.headlines.pred += own_pred.len();
    for (gt, trunc) in &own_gold {
        if let Some(i) = (0..own_pred.len()).find(|&i| !used[i] && headline_match(gt, *trunc, &own_pred[i])) {
            used[i] = true;
            row.headlines.tp_gold += 1;
            row.headlines.tp_pred += 1;
        } else {
            miss("headline FN", show(Some(gt)), "-".into());
        }
    }
    for (i, p) in own_pred.iter().enumerate() {
        if !used[i] {
            miss("headline FP", "-".into(), show(Some(p)));
        }
    }
    for h in &heads {
        let Some(role) = h.get("role").and_then(Value::as_str) else { continue };
        let Some(text) = s(h, "headline") else { continue };
        let want = norm_text(text);
        let trunc = h.get("truncated").and_then(Value::as_bool).unwrap_or(false);
        let same: Vec<ListRole> = doc.headlines.iter().filter(|p| headline_match(&want, trunc, &norm_text(&p.text))).map(|p| p.role).collect();
        let right = match role {
            "related" => same.iter().any(|r| matches!(r, ListRole::Related | ListRole::Popular)),
            "ticker" => same.contains(&ListRole::Ticker),
            _ => !own_pred.iter().any(|p| headline_match(&want, trunc, p)),
        };
        tick(&mut row.list_role, right);
        if !right {
            let got = if same.is_empty() { "not a headline".to_string() } else { format!("{same:?}").to_lowercase() };
            miss("list role", format!("{role} {}", show(Some(text))), got);
        }
    }
}

/// Gold byline string → names (`A and B`, `A, B`).
fn split_names(byline: &str) -> Vec<String> {
    let mut parts = vec![byline.to_string()];
    for sep in [",", ";", "&", " and ", " AND "] {
        parts = parts.iter().flat_map(|p| p.split(sep).map(|x| x.trim().to_string()).collect::<Vec<_>>()).collect();
    }
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

fn norm_place(t: &str) -> String {
    norm_text(t.trim().trim_end_matches([',', '.', ':', '-', '–', '—']).trim_matches(['(', ')']))
}

// ---------------------------------------------------------------------------------------
// Output

fn pct(a: &Acc) -> String {
    if a.total == 0 { "    -".into() } else { format!("{:5.1}", 100.0 * a.acc()) }
}

fn cell(a: &Acc) -> String {
    format!("{} {:>9}", pct(a), format!("({}/{})", a.correct, a.total))
}

/// The report as text tables.
pub fn render(report: &Report) -> String {
    let mut o = String::new();
    for group in ["news", "non-news"] {
        let rows: Vec<&ReadabilityRow> = report.readability.iter().filter(|r| r.group == group).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(o, "readability, {group} pages");
        let _ = writeln!(o, "  {:<9} {:>5}  {:<16} {:<16} {:<16} {:>6} {:>6} {:>6}  {:>6}", "shape", "pages", "title %", "byline %", "published %", "body P", "body R", "body F", "dump F");
        for r in rows {
            let _ = writeln!(
                o,
                "  {:<9} {:>5}  {:<16} {:<16} {:<16} {:>6.3} {:>6.3} {:>6.3}  {:>6.3}",
                r.shape,
                r.pages,
                cell(&r.title),
                cell(&r.byline),
                cell(&r.published),
                r.body.p(),
                r.body.r(),
                r.body.f(),
                r.baseline.f()
            );
        }
        o.push('\n');
    }
    if !report.trafilatura.is_empty() {
        let _ = writeln!(o, "trafilatura");
        let _ = writeln!(o, "  {:<9} {:>5}  {:<18} {:<18} title %", "shape", "pages", "with found %", "without excl. %");
        for r in &report.trafilatura {
            let _ = writeln!(o, "  {:<9} {:>5}  {:<18} {:<18} {}", r.shape, r.pages, cell(&r.with_found), cell(&r.without_excluded), cell(&r.title));
        }
        o.push('\n');
    }
    if let Some(r) = &report.pages {
        let _ = writeln!(o, "pages ({} page openings, shape {PAGES_SHAPE})", r.pages);
        for (name, a) in [
            ("title", &r.title),
            ("dateline place", &r.place),
            ("agency", &r.agency),
            ("byline authors", &r.byline),
            ("paragraph count", &r.paragraphs),
            ("list role", &r.list_role),
        ] {
            let _ = writeln!(o, "  {name:<18} {}", cell(a));
        }
        let h = &r.headlines;
        let _ = writeln!(o, "  {:<18} P {:.3}  R {:.3}  F {:.3}   (pred {}, gold {})", "own headlines", h.p(), h.r(), h.f(), h.pred, h.gold);
    }
    o
}

/// Every miss, one line each.
pub fn render_misses(report: &Report) -> String {
    let mut o = String::new();
    if !report.byline_pages.is_empty() {
        let _ = writeln!(o, "readability news pages whose byline counts: {}", report.byline_pages.join(" "));
    }
    for m in &report.misses {
        let _ = writeln!(o, "{}/{}/{}  {}: gold {} | predicted {}", m.set, m.shape, m.page, m.field, m.gold, m.predicted);
    }
    o
}

fn acc_json(a: &Acc) -> Value {
    json!({ "right": a.correct, "total": a.total, "accuracy": if a.total == 0 { Value::Null } else { json!(a.acc()) } })
}

fn body_json(b: &Body) -> Value {
    json!({ "pages": b.pages, "p": b.p(), "r": b.r(), "f1": b.f() })
}

/// The report as JSON (with the misses when `misses`).
pub fn to_json(report: &Report, misses: bool) -> Value {
    let readability: Vec<Value> = report
        .readability
        .iter()
        .map(|r| {
            json!({
                "group": r.group, "shape": r.shape, "pages": r.pages, "title": acc_json(&r.title),
                "byline": acc_json(&r.byline), "published": acc_json(&r.published),
                "body": body_json(&r.body), "dump_baseline": body_json(&r.baseline),
            })
        })
        .collect();
    let trafilatura: Vec<Value> = report
        .trafilatura
        .iter()
        .map(|r| {
            json!({
                "shape": r.shape, "pages": r.pages, "with_found": acc_json(&r.with_found),
                "without_excluded": acc_json(&r.without_excluded), "title": acc_json(&r.title),
            })
        })
        .collect();
    let pages = report.pages.as_ref().map(|r| {
        let h = &r.headlines;
        json!({
            "pages": r.pages, "title": acc_json(&r.title), "dateline_place": acc_json(&r.place),
            "agency": acc_json(&r.agency), "byline": acc_json(&r.byline), "paragraphs": acc_json(&r.paragraphs),
            "own_headlines": { "p": h.p(), "r": h.r(), "f1": h.f(), "pred": h.pred, "gold": h.gold, "tp": h.tp_gold },
            "list_role": acc_json(&r.list_role),
        })
    });
    let mut v = json!({ "readability": readability, "trafilatura": trafilatura, "pages": pages, "byline_pages": report.byline_pages });
    if misses {
        v["misses"] = report
            .misses
            .iter()
            .map(|m| json!({ "set": m.set, "shape": m.shape, "page": m.page, "field": m.field, "gold": m.gold, "predicted": m.predicted }))
            .collect();
    }
    v
}

const USAGE: &str = "usage: gleaner-eval structure [readability|trafilatura|pages …] [--shape chromium|lynx|w3m|markdown] [--errors] [--json]
  reads ../shared/dumps (or $GLEANER_DUMPS); default: all three sets, every shape.
  --shape (repeatable) limits readability and trafilatura; pages has one shape (excerpt).
  --errors lists every miss, one line each; --json prints the numbers (and the misses with --errors).";

/// Run `gleaner-eval structure …`; returns the process exit code.
pub fn cli(args: &[String]) -> i32 {
    let (mut sets, mut shapes, mut errors, mut as_json) = (Vec::new(), Vec::new(), false, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--help" | "-h" => {
                println!("{USAGE}");
                return 0;
            }
            "--errors" => errors = true,
            "--json" => as_json = true,
            "--shape" => match it.next() {
                Some(sh) if SHAPES.contains(&sh.as_str()) => shapes.push(sh.clone()),
                other => {
                    eprintln!("gleaner-eval structure: --shape needs one of {} (got {:?})\n{USAGE}", SHAPES.join(", "), other.map(String::as_str).unwrap_or(""));
                    return 2;
                }
            },
            set if SETS.contains(&set) => sets.push(set.to_string()),
            other => {
                eprintln!("gleaner-eval structure: unknown argument `{other}`\n{USAGE}");
                return 2;
            }
        }
    }
    let Some(dir) = dumps_dir() else {
        eprintln!("gleaner-eval structure: ../shared/dumps missing (set GLEANER_DUMPS to the folder holding readability/, trafilatura/, pages/)");
        return 1;
    };
    let mut cfg = Config::all(dir);
    if !sets.is_empty() {
        cfg.sets = sets;
    }
    if !shapes.is_empty() {
        cfg.shapes = shapes;
    }
    match run(&cfg) {
        Ok(r) => {
            if as_json {
                println!("{}", serde_json::to_string_pretty(&to_json(&r, errors)).expect("JSON values serialise"));
            } else {
                if errors {
                    print!("{}", render_misses(&r));
                    println!();
                }
                print!("{}", render(&r));
            }
            0
        }
        Err(e) => {
            eprintln!("gleaner-eval structure: {e}");
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Byline, BylinePosition, Dateline, Headline, Section, Snippet};
    use crate::span::Span;

    #[test]
    fn shingles_follow_the_benchmark() {
        assert_eq!(shingle_pr("", ""), (1.0, 1.0));
        assert_eq!(shingle_pr("one two three four five", "one two three four five"), (1.0, 1.0));
        // gold 2 shingles, predicted 1 of them plus 2 others.
        let (p, r) = shingle_pr("a b c d e", "a b c d x y");
        assert!((p - 1.0 / 3.0).abs() < 1e-9 && (r - 0.5).abs() < 1e-9, "{p} {r}");
        assert_eq!(shingle_pr("Short text", "short, TEXT!"), (1.0, 1.0));
        assert_eq!(shingle_pr("some words here today", ""), (0.0, 0.0));
    }

    #[test]
    fn titles_accept_a_site_suffix() {
        assert!(title_right("How to Grow Basil | Garden Weekly", Some("How to grow basil")));
        assert!(title_right("Rain Again - Local - The Daily Post", Some("Rain again")));
        assert!(title_right("“Quoted” title", Some("\"Quoted\"   title")));
        assert!(title_right("Harbour fair opens _Local_Daily Post", Some("Harbour fair opens")));
        assert!(title_right("Weekly notes for May 3 [Notes.example]", Some("Weekly notes for May 3")));
        assert!(!title_right("Weekly notes [draft] for May", Some("Weekly notes")));
        assert!(!title_right("Rain Again", Some("Rain Again Tomorrow")));
        assert!(!title_right("Rain Again", None));
    }

    #[test]
    fn person_names_rule() {
        assert_eq!(person_names("By Jane Q. Doe", None), Some(vec!["Jane Q. Doe".to_string()]));
        assert_eq!(person_names("Ann Lee, Bo Chan", None), Some(vec!["Ann Lee".to_string(), "Bo Chan".to_string()]));
        assert_eq!(person_names("MARY-ANN SMITH and Tom de Vries", None).map(|v| v.len()), Some(2));
        assert_eq!(person_names("Metro Times", Some("Metro Times")), None);
        assert_eq!(person_names("by Tom Ray12 Jan 2020", None), None);
        assert_eq!(person_names("Follow Author", None), None);
        assert_eq!(person_names("Ann Lee, MA CityHealth News", None), None);
        assert_eq!(person_names("Staff", None), None);
    }

    #[test]
    fn printed_days() {
        for t in [
            "Posted 2019-04-28T06:01", "April 28, 2019 at 6:01 am", "Sun 28th April 2019", "28.04.2019", "4/28/2019",
            "28 de abril de 2019", "28. April 2019", "Apr. 28 2019", "2019年4月28日",
        ] {
            assert!(prints_day(t, "2019-04-28"), "{t}");
        }
        for t in ["April 18, 2019", "2019-04-2", "14/28/2019", "April 28", "128.04.2019"] {
            assert!(!prints_day(t, "2019-04-28"), "{t}");
        }
    }

    fn snip(t: &str) -> Snippet {
        Snippet { text: t.to_string(), span: Span::new(0, t.len()) }
    }

    fn article(title: &str, paragraphs: &[&str]) -> Article {
        Article {
            title: Some(snip(title)),
            dateline: None,
            byline: None,
            published: None,
            sections: vec![Section { heading: None, paragraphs: paragraphs.iter().map(|p| snip(p)).collect() }],
            end_mark: None,
            span: Span::new(0, 1),
        }
    }

    fn headline(t: &str, list: usize, role: ListRole) -> Headline {
        Headline { text: t.to_string(), span: Span::new(0, t.len()), time: None, teaser: None, list, role }
    }

    #[test]
    fn pages_scoring_on_an_invented_digest() {
        let mut doc = Document::empty("");
        let mut storm = article("Storm closes harbour", &["PORTVILLE (XNA) - Boats stayed in.", "Winds rose."]);
        storm.dateline = Some(Dateline { text: "PORTVILLE (XNA) -".into(), span: Span::new(0, 1), place: Some("PORTVILLE".into()), date: None, agency: Some("XNA".into()) });
        storm.byline = Some(Byline { text: "By MARA HOLT".into(), span: Span::new(0, 1), authors: vec!["Mara Holt".into()], source: None, position: BylinePosition::Top });
        doc.articles = vec![storm, article("Mayor opens bridge", &["The bridge opened."])];
        doc.headlines = vec![
            headline("Council race tightens", 0, ListRole::Main),
            headline("Older story here", 1, ListRole::Related),
            headline("Weather outlook", 0, ListRole::Main),
        ];
        let gold = json!({
            "file": "x.txt",
            "articles": [
                { "title": "Mayor opens bridge", "paragraphs": 1 },
                { "title": "Storm closes  harbour", "place": "Portville", "agency": "XNA", "byline": "Mara Holt", "paragraphs": 3 },
            ],
            "headlines": [
                { "headline": "Storm closes harbour" },
                { "headline": "Mayor opens bridge" },
                { "headline": "Council race", "truncated": true },
                { "headline": "Older story here", "role": "related" },
                { "headline": "Weather outlook", "role": "related" },
                { "headline": "Sports", "role": "nav" },
            ],
        });
        let (mut row, mut misses) = (PagesRow::default(), Vec::new());
        score_page("x.txt", &gold, &doc, &mut row, &mut misses);
        let acc = |a: &Acc| (a.correct, a.total);
        assert_eq!(acc(&row.title), (2, 2));
        assert_eq!(acc(&row.place), (1, 1));
        assert_eq!(acc(&row.agency), (1, 1));
        assert_eq!(acc(&row.byline), (1, 1));
        assert_eq!(acc(&row.paragraphs), (1, 2));
        assert_eq!((row.headlines.tp_gold, row.headlines.gold, row.headlines.pred), (3, 3, 4));
        assert_eq!(acc(&row.list_role), (2, 3));
        let fields: Vec<&str> = misses.iter().map(|m| m.field.as_str()).collect();
        assert_eq!(fields, ["paragraphs", "headline FP", "list role"]);
        assert!(misses[1].predicted.contains("weather outlook"), "{:?}", misses[1]);
    }

    #[test]
    fn alignment_falls_back_to_datelines_then_the_main_article() {
        let mut doc = Document::empty("");
        doc.articles = vec![article("Caption text", &["Short."]), article("Other", &["LAKETON, May 3 - A long first paragraph here.", "More text."])];
        let by_dateline = [json!({ "title": "Real title", "dateline": "LAKETON, May 3 -" })];
        assert_eq!(align(&by_dateline, &doc), [Some(1)]);
        let lone = [json!({ "title": "Real title" })];
        assert_eq!(align(&lone, &doc), [Some(1)]);
        let two = [json!({ "title": "Other" }), json!({ "title": "Unseen" })];
        assert_eq!(align(&two, &doc), [Some(1), Some(0)]);
    }

    #[test]
    fn snippets_drop_markup() {
        assert_eq!(snippet_norm("**Bold** _text_ \\# > |"), "Boldtext");
    }
}
