//! Story clusters: headlines and titles that report the same story.
//!
//! # How
//! Each headline and article title becomes a set of *terms*: content words, lowercased and
//! crudely stemmed (`grieves`/`grieve` → `griev`), with stop words and reporting verbs
//! (`says`) dropped. Places are normalised first (`S.Africa` and `South Africa` are both the
//! term `ZA`; the demonym `Swiss` is `CH`), and tagged mentions become their entity's name.
//! A term is an *entity term* when it is a place, a tagged mention, or a capitalised word
//! that is not just the first word of a sentence-case headline (capitals elsewhere in the
//! dump count as evidence for a first word).
//!
//! Two items report the same story when they share at least two terms and
//! * (a) the Dice overlap of their term sets is at least 0.75 (duplicates and near
//!   duplicates: `…sign Semenyo` / `…sign forward Semenyo`), unless each names an entity
//!   the other lacks (`PRESS DIGEST - Jordan` / `PRESS DIGEST - Israel`); or
//! * (b) they share a specific name — an entity term that is not a country and that at
//!   most 1% of the items hold (`Semenyo`, `Mercosur`, `Kyiv`) — plus a third term or a
//!   rare ordinary word, and the overlap is at least 0.25; or
//! * (c) they share a country or a specific name and at least two terms that are not
//!   countries, one of them an ordinary word, with an overlap of at least 0.3 (`'Shaken' Norway mourns
//!   victims of deadly ferry fire` / `Norway holds day of mourning after deadly ferry
//!   fire`).
//!
//! So a country plus one common word (`Thailand … police`, `Iran … protests`) never links
//! two stories. Months, weekdays and words with digits (`Q2`) are never entity terms.
//!
//! Candidate pairs come from an inverted index over terms; terms held by more than
//! `clamp(n/50, 8, 64)` items are not used to propose pairs (they still count in the
//! overlap), so the work is at most `n × terms × 64` comparisons, never `n²`. Linked items are joined transitively
//! (union-find); items with the same term set join whatever their terms' frequencies.
//! Clusters of two or more are reported in input order. The result is
//! deterministic.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::places;
use crate::resolve::words;
use crate::span::Span;

/// Headlines (and article titles) that report the same story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct StoryCluster {
    /// A short label: the terms most members share, as printed in the member that has most of them.
    pub label: String,
    /// Indices into [`Document::headlines`].
    pub headlines: Vec<usize>,
    /// Indices into [`Document::articles`] whose titles belong here.
    pub articles: Vec<usize>,
    /// Where each member is (headlines, then titles, in input order).
    pub spans: Vec<Span>,
    /// Shared entities (canonical names) — why the members belong together.
    pub shared_entities: Vec<String>,
    /// Shared content terms (as printed in the first member that has them) — why the members belong together.
    pub shared_terms: Vec<String>,
}

/// A term borrows its forms from the text, the document and the place table: only the key
/// is built, so a dump of 100k one-word headlines does not cost three strings per term.
#[derive(Clone, Debug)]
struct Term<'a> {
    key: String,
    /// Display form (canonical name for places/entities, printed word otherwise).
    display: &'a str,
    /// As printed (used in labels: `US`, not `United States`).
    printed: &'a str,
    entity: bool,
    country: bool,
    /// Word index in the item (for label order and entity phrase grouping).
    pos: usize,
}

struct Item<'a> {
    headline: Option<usize>,
    article: Option<usize>,
    span: Span,
    terms: Vec<Term<'a>>,
}

static STOP: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "ahead", "all", "also", "am", "amid", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
    "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "may", "me", "more", "most",
    "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "same",
    "say", "says", "said", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "despite",
    "via", "new", "news", "report", "reports", "live", "update", "updates", "video", "videos", "photos", "watch", "latest",
    "first", "year", "years", "day", "days", "week", "two", "one", "three", "get", "gets", "set", "sets", "make", "makes",
    "back", "could", "amid", "near", "within", "without", "against", "across", "per", "vs", "v",
];

static CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Crude stemmer shared by both sides of every comparison.
fn stem(w: &str) -> String {
    let mut s = w.to_lowercase();
    for p in ["'s", "’s"] {
        if let Some(t) = s.strip_suffix(p) {
            s = t.to_string();
        }
    }
    s = s.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    if s.chars().count() > 4 {
        if let Some(t) = s.strip_suffix("ies") {
            s = format!("{t}y");
        } else if s.ends_with("sses") || s.ends_with("ches") || s.ends_with("shes") || s.ends_with("xes") {
            s.truncate(s.len() - 2);
        } else if s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us") && !s.ends_with("is") {
            s.pop();
        }
    }
    if s.chars().count() > 5 {
        if let Some(t) = s.strip_suffix("ing") {
            s = t.to_string();
        } else if let Some(t) = s.strip_suffix("ed") {
            s = t.to_string();
        }
    }
    if s.chars().count() > 3 && s.ends_with('e') {
        s.pop();
    }
    s
}

fn is_stop(w: &str) -> bool {
    let l = w.to_lowercase();
    STOP.contains(&l.as_str())
}

/// Cluster the headlines and titles of `doc`.
pub fn cluster(text: &str, doc: &Document) -> Vec<StoryCluster> {
    let mut items: Vec<Item> = Vec::new();
    for (i, h) in doc.headlines.iter().enumerate() {
        items.push(Item { headline: Some(i), article: None, span: h.span, terms: Vec::new() });
    }
    for (i, a) in doc.articles.iter().enumerate() {
        if let Some(t) = &a.title {
            items.push(Item { headline: None, article: Some(i), span: t.span, terms: Vec::new() });
        }
    }
    if items.len() < 2 {
        return Vec::new();
    }
    // Words per item (split twice rather than all kept at once); capitalised words seen after
    // the first word anywhere are entity evidence.
    let item_words = |it: &Item| words::words(text, it.span.start.min(text.len()), it.span.end.min(text.len()));
    let is_title_case = |ws: &[words::Word]| {
        let long: Vec<_> = ws.iter().filter(|w| w.text.len() > 3).collect();
        long.len() >= 3 && long.iter().filter(|w| words::is_cap(w.text)).count() * 10 >= long.len() * 7
    };
    let mut cap_mid: std::collections::HashSet<String> = std::collections::HashSet::new();
    for it in &items {
        let ws = item_words(it);
        if is_title_case(&ws) {
            continue;
        }
        for w in ws.iter().skip(1) {
            if words::is_cap(w.text) && !is_stop(w.text) {
                cap_mid.insert(stem(words::strip_possessive(w.text)));
            }
        }
    }
    for it in items.iter_mut() {
        let ws = item_words(it);
        it.terms = terms_of(text, doc, &ws, is_title_case(&ws), &cap_mid);
    }

    // Inverted index.
    let n = items.len();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        for t in &it.terms {
            let v = index.entry(t.key.as_str()).or_default();
            if v.last() != Some(&i) {
                v.push(i);
            }
        }
    }
    let cap = (n / 50).clamp(8, 64);
    // a name held by more than 1% of the items (`PRESS DIGEST`, a ticker prefix) is not specific
    let common_df = (n / 100).max(3);
    let specific = |key: &str| index.get(key).is_none_or(|p| p.len() <= common_df);
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    // Exact duplicates after normalisation (same term set) always join, whatever the term frequencies.
    let mut by_sig: HashMap<Vec<&str>, usize> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        let mut sig: Vec<&str> = it.terms.iter().map(|t| t.key.as_str()).collect();
        if sig.len() < 2 {
            continue;
        }
        sig.sort_unstable();
        match by_sig.get(&sig) {
            Some(&j) => {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
            None => {
                by_sig.insert(sig, i);
            }
        }
    }
    for i in 0..n {
        let mut cands: Vec<usize> = Vec::new();
        for t in &items[i].terms {
            if let Some(post) = index.get(t.key.as_str()) {
                if post.len() <= cap {
                    cands.extend(post.iter().copied().filter(|&j| j > i));
                }
            }
        }
        cands.sort_unstable();
        cands.dedup();
        for j in cands {
            if same_story(&items[i].terms, &items[j].terms, &specific) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut gid: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        let g = *gid.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    let mut out = Vec::new();
    for g in groups.into_iter().filter(|g| g.len() >= 2) {
        out.push(describe(&items, &g));
    }
    out
}

fn terms_of<'a>(text: &'a str, doc: &'a Document, ws: &[words::Word<'a>], title_case: bool, cap_mid: &std::collections::HashSet<String>) -> Vec<Term<'a>> {
    let mut out: Vec<Term> = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        // places: two words then one
        let mut took = 0;
        for len in [3usize, 2, 1] {
            if k + len > ws.len() {
                continue;
            }
            let phrase = &text[ws[k].start..ws[k + len - 1].end];
            if len > 1 && !text[ws[k].end..ws[k + len - 1].start].chars().all(|c| c == ' ') {
                continue;
            }
            if let Some(c) = places::country(phrase).or_else(|| places::demonym(phrase)) {
                out.push(Term { key: format!("@{}", c.iso2), display: c.name, printed: words::strip_possessive(phrase), entity: true, country: true, pos: k });
                took = len;
                break;
            }
        }
        if took > 0 {
            k += took;
            continue;
        }
        let w = ws[k];
        let base = words::strip_possessive(w.text);
        // a tagged mention with an entity
        let mi = doc.mentions.partition_point(|m| m.span.end <= w.start);
        let ment = doc.mentions[mi..].iter().take_while(|m| m.span.start <= w.start).find(|m| w.end <= m.span.end && m.entity.is_some());
        if let Some(m) = ment {
            let e = &doc.entities[m.entity.unwrap_or(0)];
            let key = format!("#{}", e.name.to_lowercase());
            if !out.iter().any(|t| t.key == key) {
                out.push(Term { key, display: &e.name, printed: base, entity: true, country: e.country_code.is_some() && e.related_country.is_none(), pos: k });
            }
            k += 1;
            continue;
        }
        if is_stop(base) || base.chars().all(|c| !c.is_alphanumeric()) {
            k += 1;
            continue;
        }
        let key = stem(base);
        if key.is_empty() || is_stop(&key) {
            k += 1;
            continue;
        }
        let cap = words::is_cap(base);
        // an opening capital counts when capitals elsewhere say so, or when the next word is a
        // capitalised name too (`Man City`, `Princess Catherine`)
        let quoted = text[..w.start].ends_with(['\'', '"', '‘', '“']);
        let next_cap = k == 0 && !title_case && !quoted && ws.get(1).is_some_and(|n| words::is_cap(n.text) && !is_stop(n.text));
        // months, weekdays and words with digits (`Q2`, `H1`) are never names
        let dated = base.chars().any(|c| c.is_ascii_digit()) || words::in_list(CALENDAR, base);
        let entity = !dated && cap && ((k > 0 && !title_case) || cap_mid.contains(&key) || next_cap);
        if !out.iter().any(|t| t.key == key) {
            out.push(Term { key, display: base, printed: base, entity, country: false, pos: k });
        }
        k += 1;
    }
    out
}

/// Whether two items report the same story (see the module docs for the rules).
fn same_story(a: &[Term], b: &[Term], specific: &dyn Fn(&str) -> bool) -> bool {
    let shared: Vec<&Term> = a.iter().filter(|t| b.iter().any(|u| u.key == t.key)).collect();
    if shared.len() < 2 {
        return false;
    }
    let is_entity = |t: &Term| t.entity || b.iter().any(|u| u.key == t.key && u.entity);
    let dice = 2.0 * shared.len() as f32 / (a.len() + b.len()) as f32;
    // (a) near duplicates, unless each names a different entity (`Digest - Jordan` / `Digest - Israel`)
    let own_entity = |x: &[Term], y: &[Term]| x.iter().any(|t| t.entity && !y.iter().any(|u| u.key == t.key));
    if dice >= 0.75 && !(own_entity(a, b) && own_entity(b, a)) {
        return true;
    }
    // (b) a shared specific name (not a country, not common in this dump) and more: a third
    // shared term, or a rare ordinary word (`Kyiv … evacuation`; not `Princess Diana` alone)
    if let Some(name) = shared.iter().find(|t| is_entity(t) && !t.country && specific(&t.key)) {
        let other_rare = shared.iter().any(|t| t.key != name.key && !is_entity(t) && specific(&t.key));
        if dice >= 0.25 && (shared.len() >= 3 || other_rare) {
            return true;
        }
    }
    // (c) a shared country or specific name and two shared terms that are not countries
    let non_country = shared.iter().filter(|t| !t.country).count();
    dice >= 0.3 && non_country >= 2 && shared.iter().any(|t| is_entity(t) && (t.country || specific(&t.key))) && shared.iter().any(|t| !is_entity(t))
}

fn describe(items: &[Item], g: &[usize]) -> StoryCluster {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &i in g {
        for t in &items[i].terms {
            *counts.entry(t.key.as_str()).or_default() += 1;
        }
    }
    let count = |key: &str| counts.get(key).copied().unwrap_or(0);
    let need = g.len().div_ceil(2).max(2);
    // the member holding the most terms shared by at least half the members (at least two)
    let rep = g.iter().copied().max_by_key(|&i| (items[i].terms.iter().filter(|t| count(&t.key) >= need).count(), std::cmp::Reverse(i))).unwrap_or(g[0]);
    let mut common: Vec<&Term> = items[rep].terms.iter().filter(|t| count(&t.key) >= need).collect();
    common.sort_by_key(|t| t.pos);
    let mut have: std::collections::HashSet<&str> = common.iter().map(|t| t.key.as_str()).collect();
    for &i in g {
        for t in &items[i].terms {
            if count(&t.key) >= need && have.insert(t.key.as_str()) {
                common.push(t);
            }
        }
    }
    // entity phrases: adjacent entity terms join (`Man City`, `United Cup`)
    let mut shared_entities: Vec<String> = Vec::new();
    let mut prev_pos: Option<usize> = None;
    for t in common.iter().filter(|t| t.entity) {
        if t.country || t.key.starts_with('#') {
            shared_entities.push(t.display.to_string());
            prev_pos = None;
            continue;
        }
        match (prev_pos, shared_entities.last_mut()) {
            (Some(p), Some(last)) if p + 1 == t.pos => {
                last.push(' ');
                last.push_str(t.display);
            }
            _ => shared_entities.push(t.display.to_string()),
        }
        prev_pos = Some(t.pos);
    }
    shared_entities.dedup();
    let shared_terms: Vec<String> = common.iter().filter(|t| !t.entity).map(|t| t.display.to_string()).collect();
    let label_words: Vec<String> = common.iter().take(6).map(|t| t.printed.to_string()).collect();
    let label = if label_words.is_empty() { String::new() } else { label_words.join(" ") };
    let mut headlines: Vec<usize> = g.iter().filter_map(|&i| items[i].headline).collect();
    let mut articles: Vec<usize> = g.iter().filter_map(|&i| items[i].article).collect();
    headlines.sort_unstable();
    articles.sort_unstable();
    let spans = g.iter().map(|&i| items[i].span).collect();
    StoryCluster { label, headlines, articles, spans, shared_entities, shared_terms }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn stems_agree() {
        assert_eq!(stem("grieves"), stem("grieve"));
        assert_eq!(stem("Storms"), stem("storm"));
        assert_eq!(stem("protests"), stem("protest"));
        assert_eq!(stem("strikes"), stem("strike"));
        assert_eq!(stem("Olympics"), stem("Olympic"));
    }
}
