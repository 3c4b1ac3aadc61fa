//! Nominal and role coreference: `the prime minister`, `the professor`, `the DCP`,
//! `the 62-year-old` → the person named earlier with that role or description.
//!
//! A person introduced as `Prime Minister Shinzo Abe`, `Yee Kuang Heng, a professor at …`,
//! `Akbar Pathan, deputy commissioner of police,` or `Ana Ruiz, 62,` is the antecedent of a
//! later description whose head noun is the role's head (`minister`, `professor`), whose
//! letters are the role's initials (`DCP`), or whose age is the one stated (`62-year-old`).
//! The most recent such person before the description wins. Only people are antecedents,
//! and a description naming none of these (`the country`, `the statement`) resolves to
//! nothing. The work is bounded: at most 60 person mentions before the description are read,
//! each with a few words on either side.

use crate::document::{Document, EntityLabel};
use crate::resolve::words::{self, in_list};
use crate::span::Span;

const DETS: &[&str] = &["the", "a", "an", "this", "that", "our", "its"];

/// The entity a description (`the prime minister`) at `span` refers to, if a person named
/// before it in `doc` carries that role.
pub(crate) fn nominal_antecedent(text: &str, doc: &Document, span: Span) -> Option<usize> {
    let phrase = text.get(span.start..span.end)?;
    let ws: Vec<String> = phrase.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase()).filter(|w| !w.is_empty()).collect();
    let det = ws.first().is_some_and(|w| in_list(DETS, w));
    if !det || ws.len() < 2 || ws.len() > 5 {
        return None;
    }
    let body = &ws[1..];
    let head = body.last()?.as_str();
    let age: Option<&str> = head.strip_suffix("-year-old").filter(|a| a.chars().all(|c| c.is_ascii_digit()));
    let initials = head.len() >= 2 && head.len() <= 5 && phrase.split_whitespace().last().is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()));
    let i = doc.mentions.partition_point(|m| m.span.start < span.start);
    for m in doc.mentions[..i].iter().rev().filter(|m| m.label == EntityLabel::PER).take(60) {
        let Some(e) = m.entity else { continue };
        let ctx = context(text, doc, m.span, e);
        let hit = if let Some(a) = age {
            ctx.after.first().is_some_and(|w| w == a)
        } else if initials {
            ctx.phrases.iter().any(|p| initials_of(p) == head)
        } else {
            ctx.phrases.iter().any(|p| {
                let pw: Vec<&str> = p.split_whitespace().collect();
                pw.last().is_some_and(|l| *l == head) && body.iter().filter(|w| !in_list(&["former", "new", "then"], w)).all(|w| pw.contains(&w.as_str()) || *w == head)
            })
        };
        if hit {
            return Some(e);
        }
    }
    None
}

/// The person a role description (`The Housing Minister said …`) names when no one before
/// it carries the role: the first person mention in the next 300 bytes (the same or the next
/// sentence) that speaks, a speech cue right after it (`… Eoghan Murphy added that …`). Only
/// role heads (`minister`, `spokesman`) look forward; at most 12 mentions are read.
pub(crate) fn nominal_forward(text: &str, doc: &Document, span: Span) -> Option<usize> {
    let phrase = text.get(span.start..span.end)?;
    let ws: Vec<&str> = phrase.split_whitespace().collect();
    if ws.len() < 2 || ws.len() > 5 || !in_list(&["the", "a", "an"], ws[0]) || !ws.last().is_some_and(|h| in_list(words::ROLE_HEADS, h)) {
        return None;
    }
    let i = doc.mentions.partition_point(|m| m.span.start < span.end);
    let lim = span.end + 300;
    let m = doc.mentions[i..].iter().take_while(|m| m.span.start < lim).take(12).find(|m| m.label == EntityLabel::PER)?;
    let hi = (m.span.end..=(m.span.end + 30).min(text.len())).rev().find(|&p| text.is_char_boundary(p)).unwrap_or(m.span.end);
    let next = words::words(text, m.span.end, hi);
    let cue = next.first().is_some_and(|w| words::is_cue(w.text) && text.get(m.span.end..w.start).is_some_and(|g| g.trim().is_empty()));
    if cue { m.entity } else { None }
}

/// Affiliation epithets that news copy uses for the person it is about (`The Democrat said`,
/// `the Republican added`), never for someone not yet named.
const EPITHETS: &[&str] = &["democrat", "republican", "conservative", "liberal", "socialist", "communist", "progressive", "populist", "nationalist", "centrist", "tory", "libertarian"];

/// The person an affiliation epithet (`The Democrat`, `the veteran Republican`) stands for:
/// the most recent person mention within 600 bytes before it. At most 20 mentions are read.
pub(crate) fn epithet_antecedent(text: &str, doc: &Document, span: Span) -> Option<usize> {
    let phrase = text.get(span.start..span.end)?;
    let ws: Vec<&str> = phrase.split_whitespace().collect();
    if ws.len() < 2 || ws.len() > 3 || !ws[0].eq_ignore_ascii_case("the") || !ws.last().is_some_and(|h| in_list(EPITHETS, h)) {
        return None;
    }
    let i = doc.mentions.partition_point(|m| m.span.start < span.start);
    let lo = span.start.saturating_sub(600);
    doc.mentions[..i].iter().rev().take(20).take_while(|m| m.span.start >= lo).find(|m| m.label == EntityLabel::PER)?.entity
}

/// Head nouns of organisation descriptions (`the media rights group`, `the press office`).
const ORG_HEADS: &[&str] = &["group", "organisation", "organization", "office", "agency", "ministry", "department", "committee", "council", "commission", "assembly", "company", "firm", "union", "party", "service", "authority", "association", "body", "watchdog", "charity", "federation", "institute", "board", "bank"];

/// The organisation a description (`the media rights group`, `the press office`) refers to,
/// within 600 bytes before it (at most 20 mentions): the most recent one whose name ends in
/// the description's head (`Garda Press Office`), else the most recent one that opens its
/// sentence (the subject: `Reporters Without Borders files …`). Lowercase words only after
/// the determiner, so `the Foreign Office` (a name) is left to the tagger.
pub(crate) fn org_antecedent(text: &str, doc: &Document, span: Span) -> Option<usize> {
    let phrase = text.get(span.start..span.end)?;
    let all: Vec<&str> = phrase.split_whitespace().collect();
    // the head may be followed by a participle phrase (`the agency handling inter-Korean affairs`)
    let h = all.iter().position(|w| in_list(ORG_HEADS, w.trim_matches(|c: char| !c.is_alphanumeric())) && !words::is_cap(w)).unwrap_or(all.len().saturating_sub(1));
    let tail_ok = all.get(h + 1).is_none_or(|w| !words::is_cap(w) && (w.ends_with("ing") || w.ends_with("ed")));
    let ws = &all[..(h + 1).min(all.len())];
    // capitalised modifiers only inside a non-organisation name (`the North Korean agency`), so
    // that `the Foreign Office` (a name) is left to the tagger
    let demonym = |w: &&str| {
        let at = w.as_ptr() as usize - text.as_ptr() as usize;
        let i = doc.mentions.partition_point(|m| m.span.end <= at);
        doc.mentions.get(i).is_some_and(|m| m.span.start <= at && m.label != EntityLabel::ORG && m.label != EntityLabel::PER)
    };
    if !tail_ok || ws.len() < 2 || ws.len() > 5 || !ws[0].eq_ignore_ascii_case("the") || ws[1..].iter().any(|w| words::is_cap(w) && !demonym(w)) {
        return None;
    }
    let head = ws.last()?.trim_matches(|c: char| !c.is_alphanumeric());
    if !in_list(ORG_HEADS, head) || words::is_cap(head) {
        return None;
    }
    let i = doc.mentions.partition_point(|m| m.span.start < span.start);
    let lo = span.start.saturating_sub(600);
    let orgs: Vec<_> = doc.mentions[..i].iter().rev().take(20).take_while(|m| m.span.start >= lo).filter(|m| m.label == EntityLabel::ORG && m.entity.is_some()).collect();
    if let Some(m) = orgs.iter().find(|m| m.text.split_whitespace().last().is_some_and(|l| l.eq_ignore_ascii_case(head))) {
        return m.entity;
    }
    let opens = |p: usize| {
        let g = &text[text[..p].rfind('\n').map_or(0, |n| n + 1)..p];
        g.trim().is_empty() || (g.trim_end().ends_with(['.', '!', '?']) && g.ends_with(' '))
    };
    if let Some(e) = orgs.iter().find(|m| opens(m.span.start)).and_then(|m| m.entity) {
        return Some(e);
    }
    // else the most recent one in the paragraph before or this one that is named as a body (an
    // organisation word in its name: `Committee for …`), outside quote marks (an even number of
    // marks before it on its line)
    let quoted = |p: usize| {
        let line = &text[text[..p].rfind('\n').map_or(0, |n| n + 1)..p];
        line.matches(['"', '“', '”']).count() % 2 == 1
    };
    orgs.iter().filter(|m| text.get(m.span.end..span.start).is_some_and(|g| g.matches('\n').count() <= 2)).filter(|m| m.text.split_whitespace().any(|w| in_list(ORG_HEADS, w) && words::is_cap(w))).find(|m| !quoted(m.span.start)).and_then(|m| m.entity)
}

/// What is said about one person mention: role phrases (lowercase) before and after it, and
/// the words right after its comma.
struct Context {
    phrases: Vec<String>,
    after: Vec<String>,
}

fn context(text: &str, doc: &Document, span: Span, entity: usize) -> Context {
    let mut phrases: Vec<String> = doc.entities.get(entity).map(|e| e.roles.iter().map(|r| r.title.to_lowercase()).collect()).unwrap_or_default();
    // the title inside the mention (`Prime Minister Shinzo Abe`) and up to four words before it
    let lo = (span.start.saturating_sub(60)..=span.start).find(|&p| text.is_char_boundary(p)).unwrap_or(span.start);
    let before = words::words(text, lo, span.start);
    let mut k = before.len();
    while k > 0 && before.len() - k < 4 && text.get(before[k - 1].end..if k < before.len() { before[k].start } else { span.start }).is_some_and(|g| g.trim().is_empty()) {
        k -= 1;
    }
    let pre: Vec<String> = before[k..].iter().map(|w| w.text.to_lowercase()).collect();
    let inner: Vec<String> = text.get(span.start..span.end).unwrap_or("").split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
    // every run ending at a word: `prime minister` from `prime minister shinzo abe`
    let all: Vec<String> = pre.into_iter().chain(inner).collect();
    for e in 1..=all.len() {
        for s in e.saturating_sub(4)..e {
            phrases.push(all[s..e].join(" "));
        }
    }
    // the appositive after it: `, deputy commissioner of police,` / `, a professor at …` / `, 62,`
    let hi = (span.end..=(span.end + 100).min(text.len())).rev().find(|&p| text.is_char_boundary(p)).unwrap_or(span.end);
    let rest = text.get(span.end..hi).unwrap_or("");
    let mut after = Vec::new();
    if let Some(r) = rest.strip_prefix(',') {
        let stop = r.find([',', ';', '.', '(', ')', '"', '“', '”', ':']).unwrap_or(r.len());
        after = r[..stop].split_whitespace().map(|w| w.to_lowercase()).collect();
        let core: Vec<&String> = after.iter().skip_while(|w| in_list(DETS, w)).collect();
        // the head is the last word before `of`/`at`/`for`… (`professor of maritime law`)
        let head_end = core.iter().position(|w| in_list(&["at", "for", "with", "from", "in", "on"], w)).unwrap_or(core.len());
        let full = core[..head_end].iter().map(|w| w.as_str()).collect::<Vec<_>>().join(" ");
        if !full.is_empty() {
            phrases.push(full.clone());
            if let Some(of) = full.find(" of ") {
                phrases.push(full[..of].to_string());
            }
        }
    }
    Context { phrases, after }
}

/// `deputy commissioner of police` → `dcp`.
fn initials_of(p: &str) -> String {
    p.split_whitespace().filter(|w| !in_list(&["of", "the", "and", "for", "&"], w)).filter_map(|w| w.chars().next()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials() {
        assert_eq!(initials_of("deputy commissioner of police"), "dcp");
        assert_eq!(initials_of("chief executive officer"), "ceo");
    }
}
