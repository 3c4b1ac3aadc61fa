//! Shared test helper (also compiled as its own empty test target): build a [`Document`]
//! by hand from headlines, an article and (mention, label) pairs located by search, so the
//! resolve/quotes/cluster tests do not depend on the structure parser or the tagger.
#![allow(dead_code)]

use gleaner::{Article, Document, EntityLabel, Headline, ListRole, Mention, Section, Snippet, Span};

/// A built test document and its text.
pub struct Built {
    /// The whole text.
    pub text: String,
    /// The document.
    pub doc: Document,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Mentions for every word-bounded occurrence of each pair (longest first, no overlaps).
pub fn locate(text: &str, pairs: &[(&str, &str)]) -> Vec<Mention> {
    let mut sorted: Vec<&(&str, &str)> = pairs.iter().collect();
    sorted.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
    let mut out: Vec<Mention> = Vec::new();
    for (m, label) in sorted {
        let label = EntityLabel::parse(label).expect("label");
        let mut from = 0;
        while let Some(p) = text[from..].find(m) {
            let s = from + p;
            let e = s + m.len();
            from = s + m.len().max(1);
            let b = text.as_bytes();
            if (s > 0 && is_word_byte(b[s - 1])) || (e < b.len() && is_word_byte(b[e])) {
                continue;
            }
            if out.iter().any(|o| o.span.start < e && s < o.span.end) {
                continue;
            }
            out.push(Mention { text: m.to_string(), span: Span::new(s, e), label, confidence: 0.9, entity: None });
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// A dump with headlines (one list), then an article (title + paragraphs), one block per line
/// separated by blank lines; mentions located by search.
pub fn build(headlines: &[&str], title: Option<&str>, paragraphs: &[&str], pairs: &[(&str, &str)]) -> Built {
    let mut text = String::new();
    let mut doc_headlines = Vec::new();
    for h in headlines {
        text.push_str("-\n");
        let s = text.len();
        text.push_str(h);
        doc_headlines.push(Headline { text: h.to_string(), span: Span::new(s, text.len()), time: None, teaser: None, list: 0, role: ListRole::Main });
        text.push('\n');
    }
    let mut articles = Vec::new();
    if title.is_some() || !paragraphs.is_empty() {
        let start = text.len();
        let title = title.map(|t| {
            let s = text.len();
            text.push_str(t);
            let sn = Snippet { text: t.to_string(), span: Span::new(s, text.len()) };
            text.push_str("\n\n");
            sn
        });
        let mut paras = Vec::new();
        for p in paragraphs {
            let s = text.len();
            text.push_str(p);
            paras.push(Snippet { text: p.to_string(), span: Span::new(s, text.len()) });
            text.push_str("\n\n");
        }
        let end = text.trim_end().len();
        articles.push(Article {
            title,
            dateline: None,
            byline: None,
            published: None,
            sections: vec![Section { heading: None, paragraphs: paras }],
            end_mark: None,
            span: Span::new(start, end),
        });
    }
    let mut doc = Document::empty(&text);
    doc.headlines = doc_headlines;
    doc.articles = articles;
    doc.mentions = locate(&text, pairs);
    Built { text, doc }
}

/// A document whose paragraphs are the blank-line-separated blocks of `text` (one article).
pub fn from_paragraphs(text: &str) -> Document {
    let mut paras = Vec::new();
    let mut pos = 0;
    for block in text.split("\n\n") {
        let lead = block.len() - block.trim_start().len();
        let t = block.trim();
        if !t.is_empty() {
            let s = pos + lead;
            paras.push(Snippet { text: t.to_string(), span: Span::new(s, s + t.len()) });
        }
        pos += block.len() + 2;
    }
    let mut doc = Document::empty(text);
    if !paras.is_empty() {
        let span = Span::new(paras[0].span.start, paras.last().map(|p| p.span.end).unwrap_or(0));
        doc.articles.push(Article { title: None, dateline: None, byline: None, published: None, sections: vec![Section { heading: None, paragraphs: paras }], end_mark: None, span });
    }
    doc
}

/// The sample dump (third-party text read from ../shared, never copied into the repo).
const SAMPLE: &str = "samples/000_bfeed5d58f9e5359.txt";

pub fn sample() -> Option<String> {
    let dir = gleaner::eval::shared_data_dir()?;
    std::fs::read_to_string(dir.join("..").join(SAMPLE)).ok()
}

/// The sample's article: every line after the last `-` headline marker, title first.
pub fn article_doc(text: &str) -> Document {
    let mut paras = Vec::new();
    let mut title = None;
    let mut pos = 0;
    let mut after_list = false;
    let last_marker = text.rfind("\n-\n").map(|p| p + 3).unwrap_or(0);
    let body_start = text[last_marker..].find('\n').map(|p| last_marker + p + 1).unwrap_or(0);
    for line in text.split_inclusive('\n') {
        let s = pos;
        pos += line.len();
        if s < body_start {
            continue;
        }
        let t = line.trim_end();
        if t.is_empty() || (t.starts_with("- ") && t.ends_with(" -")) || t.ends_with("--AMWN") {
            continue;
        }
        let sn = Snippet { text: t.to_string(), span: Span::new(s, s + t.len()) };
        if !after_list {
            title = Some(sn);
            after_list = true;
        } else {
            paras.push(sn);
        }
    }
    let mut doc = Document::empty(text);
    let span = Span::new(body_start, text.len());
    doc.articles.push(Article { title, dateline: None, byline: None, published: None, sections: vec![Section { heading: None, paragraphs: paras }], end_mark: None, span });
    doc.mentions = locate(
        text,
        &[
            ("Lee Jae Myung", "PER"), ("Lee", "PER"), ("President Lee", "PER"), ("Sanae Takaichi", "PER"), ("Takaichi", "PER"),
            ("Xi Jinping", "PER"), ("Xi", "PER"), ("Shigeru Ishiba", "PER"), ("Yoon Suk Yeol", "PER"), ("Yoon", "PER"),
            ("Kang Yu-jung", "PER"), ("Yee Kuang Heng", "PER"), ("Heng", "PER"), ("University of Tokyo", "ORG"),
            ("South Korea", "LOC"), ("Japan", "LOC"), ("China", "LOC"), ("Chinese", "MISC"), ("South Korean", "MISC"), ("ROK", "LOC"),
            ("Seoul", "LOC"), ("Tokyo", "LOC"), ("Beijing", "LOC"), ("Taiwan", "LOC"), ("AFP", "ORG"),
        ],
    );
    doc
}

