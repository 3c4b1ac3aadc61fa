//! Direct quotes and their speakers.
//!
//! # What counts as a direct quote
//! The target is PolNeAR's notion of attributed content: words in quote marks that the
//! text attributes to a source. A quoted stretch of an article paragraph is a direct quote
//! when
//! * a speech cue (`said`, `told AFP`, `added`, `according to`, …) is in the same sentence
//!   (the sentence that holds the quote; sentence ends inside quotes do not count), or
//! * the paragraph before ends with a colon (`He said:`), or
//! * it runs over several paragraphs (AFP style: a paragraph opens a quote and does not
//!   close it; the next paragraph re-opens; the last one closes), or
//! * it is at least five words long (a quoted sentence whose speaker is not stated: speaker
//!   `None`).
//!
//! One- to four-word quoted phrases with no cue (`'Devastated'`, scare quotes, titles) are
//! not quotes. A short phrase with a cue is (`…, where the two will discuss "regional and
//! global issues", Lee's office said.`). Several quoted fragments in one sentence with one
//! cue (`"…" through an "…," his office added.`) form one [`Quote`] with several `parts`.
//! Titles, subheadings and headlines are read one at a time, and there only a quote of three words or more
//! with a speaker stated by a cue or a colon counts (`‘We will rebuild,’ says Novak`,
//! `Novak: ‘We will rebuild’`).
//!
//! # Speakers
//! After the quote: `," X said`, `," said X`, `," X told AFP`, `," she added`, `, Lee's office
//! said`; before it: `X said: "…"`, `X told reporters "…"`, `X … has said … "…"` (the
//! sentence subject when the cue has none), `according to X`, `per X`, `X …, saying "…"` (the
//! sentence subject before a participle cue), `X, who said "…"` (the relative pronoun, its
//! antecedent in `speaker_name` and `entity`). A paragraph that continues a
//! quote, or opens with a quote and no cue right after a quote with a speaker, keeps that
//! speaker. Pronouns (`he`, `she`, `they`, `it`, `his office`) resolve to the most recent
//! compatible speaker in the article (gender from the pronoun used for that speaker
//! earlier, or from a first-name list), else to the most recent person mention. The speaker
//! links to its entity through the mentions inside the speaker (or the antecedent's).
//!
//! Scanning is linear: each paragraph is read once; speaker search looks at a bounded
//! window around each quote, so 10k stray quote marks cost 10k bounded searches.

use serde::{Deserialize, Serialize};

use crate::document::{Document, EntityLabel};
use crate::resolve::words::{self, in_list, is_cap, is_cue};
use crate::span::Span;

mod attrib;
pub(crate) mod names;
pub(crate) mod rank;
mod scan;
#[cfg(feature = "train")]
pub mod train;

use attrib::{transcript_label, attr_after, attr_before, attr_before_within, attr_participle, attr_subject, name_colon, Attr};
use rank::{Candidate, QuoteCtx, RuleKind, SpeakerModel};
use scan::scan;

/// A direct quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// The quoted words, without the quote marks (parts joined with ` … `; paragraphs of a
    /// multi-paragraph quote joined with a newline; inside a paragraph, a run of whitespace such
    /// as a hard wrap is one space).
    pub text: String,
    /// From the first quoted word to the last (inside the marks); may run over several paragraphs.
    pub span: Span,
    /// Each quoted stretch: one per paragraph of a multi-paragraph quote, one per fragment of
    /// a sentence with several quoted fragments sharing a cue.
    pub parts: Vec<Span>,
    /// The speaker as printed (`she`, `Heng`, `Lee's office`; whitespace runs as one space), if
    /// one was found.
    pub speaker: Option<String>,
    /// Where the speaker is.
    pub speaker_span: Option<Span>,
    /// Who the speaker is: the entity's canonical name, else for a pronoun (or a relative
    /// pronoun: `Stevie Wonder, who said`) the antecedent as printed (none when no antecedent
    /// is found), else the speaker as printed.
    pub speaker_name: Option<String>,
    /// The speaker's entity (index into [`Document::entities`]).
    pub entity: Option<usize>,
    /// The cue (`said`, `told AFP`, `added`, `according to`).
    pub cue: Option<String>,
    /// Where the cue is.
    pub cue_span: Option<Span>,
    /// The article it is in.
    pub article: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gender {
    M,
    F,
    Unknown,
}

/// A speaker seen so far in the article (for pronouns).
#[derive(Clone, Debug)]
struct Seen {
    name: String,
    span: Span,
    entity: Option<usize>,
    person: bool,
    /// A person's office (`Lee's office`) or a person.
    owned: bool,
    gender: Gender,
}

fn pronoun_of(s: &str) -> Option<&'static str> {
    let l = s.to_lowercase();
    let first = l.split_whitespace().next().unwrap_or("");
    let rest = l.split_whitespace().nth(1);
    match (first, rest) {
        ("he", None) => Some("he"),
        ("she", None) => Some("she"),
        ("they", None) => Some("they"),
        ("it", None) => Some("it"),
        ("we", None) | ("i", None) => Some("we"),
        ("his", Some(_)) => Some("his"),
        ("her", Some(_)) => Some("her"),
        ("its", Some(_)) => Some("it"),
        ("their", Some(_)) => Some("they"),
        _ => None,
    }
}

fn gender_of_name(doc: &Document, name: &str, entity: Option<usize>) -> Gender {
    let full = entity.and_then(|e| doc.entities.get(e)).map(|e| e.name.as_str()).unwrap_or(name);
    for w in full.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        match names::gender(w) {
            Some('M') => return Gender::M,
            Some('F') => return Gender::F,
            _ => {}
        }
    }
    Gender::Unknown
}

/// Find the quotes in `doc`'s articles.
pub fn extract(text: &str, doc: &Document) -> Vec<Quote> {
    extract_ranked(text, doc, &mut Ranking { model: rank::shipped(), sink: None })
}

/// [`extract`] with a given speaker model, handing each ranked quote's candidates to the sink.
pub(crate) fn extract_ranked(text: &str, doc: &Document, rank: &mut Ranking) -> Vec<Quote> {
    let mut out = Vec::new();
    let ok = |s: &Span| text.get(s.start..s.end).is_some();
    for (ai, a) in doc.articles.iter().enumerate() {
        // a title is read on its own, and only quotes with a stated speaker count there
        // so is a section's subheading (`‘…,’ says Hamas official` between paragraphs)
        for t in a.title.iter().chain(a.sections.iter().filter_map(|s| s.heading.as_ref())).map(|t| t.span).filter(ok) {
            extract_article(text, doc, Some(ai), &[t], true, &mut out, rank);
        }
        let paras: Vec<Span> = doc.paragraphs(ai).map(|p| p.span).filter(ok).collect();
        extract_article(text, doc, Some(ai), &paras, false, &mut out, rank);
    }
    for h in doc.headlines.iter().map(|h| h.span).filter(ok) {
        extract_article(text, doc, None, &[h], true, &mut out, rank);
    }
    out.sort_by_key(|q| q.span.start);
    out
}

struct Pending {
    parts: Vec<Span>,
    window: (usize, usize),
    /// What the speaker ranker reads: the sentence before, the quote's, the attribution after.
    zone: (usize, usize),
    attr: Option<Attr>,
    /// Which rule gave `attr`.
    kind: Option<RuleKind>,
    para_start: bool,
    para: usize,
    multi: bool,
    /// Inherit the previous quote's speaker (continuation).
    continues: bool,
}

/// The quotes of one article's paragraphs (or of one title or headline, `strict`: only
/// quotes with a speaker stated by a cue or a colon).
fn extract_article(text: &str, doc: &Document, ai: Option<usize>, paras: &[Span], strict: bool, out: &mut Vec<Quote>, rank: &mut Ranking) {
    let mut pend: Vec<Pending> = Vec::new();
    // every quoted stretch (marks included), in order: no speaker candidate inside one
    let mut quoted: Vec<Span> = Vec::new();
    let mut open_multi: Option<usize> = None; // index into pend of a quote still open at paragraph end
    for (pi, p) in paras.iter().enumerate() {
        let (frags, bounds) = scan(text, p.start, p.end);
        quoted.extend(frags.iter().map(|f| Span::new(f.open, f.close)));
        let mut fi = 0;
        // A multi-paragraph quote continues when this paragraph opens with a quote mark.
        if let Some(q) = open_multi.take() {
            if let Some(f) = frags.first().filter(|f| f.para_start && transcript_label(text, f.start).is_none()) {
                pend[q].parts.push(Span::new(f.start, f.end));
                pend[q].multi = true;
                fi = 1;
                if f.closed {
                    let (ws, we) = window(&bounds, f.open, f.close);
                    pend[q].window = (ws, we);
                    // attribution in the closing sentence: `…," he said.`
                    if pend[q].attr.is_none() {
                        pend[q].attr = attr_after(text, f.close, we);
                        pend[q].kind = Some(RuleKind::After);
                    }
                    pend[q].zone = zone(text, &bounds, ws, f.open, f.close, we);
                } else {
                    open_multi = Some(q);
                }
            }
        }
        // Group the remaining fragments by sentence window.
        let mut k = fi;
        while k < frags.len() {
            let f = frags[k];
            let (ws, we) = window(&bounds, f.open, f.close);
            let mut j = k + 1;
            while j < frags.len() && frags[j].open < we {
                j += 1;
            }
            let group = &frags[k..j];
            let last = group[group.len() - 1];
            // Speaker: after the last fragment, else before the first, else between fragments.
            // `"…?" Clinton asked.`: a sentence end inside the quote is followed by the attribution
            let after_end = if we <= last.close { bounds.get(bounds.partition_point(|&b| b <= we)).copied().unwrap_or(we) } else { we };
            let tag = |k: RuleKind| move |a: Attr| (a, k);
            // past a full stop inside the quote, only a closing attribution (`"…." Lopez said.`), not
            // the next sentence's subject and verb (`"…." Russia insisted that …`)
            let crossed = we <= last.close && text[last.start..last.end].trim_end().ends_with('.');
            let mut found = attr_after(text, last.close, after_end)
                .filter(|a| !crossed || ends_sentence(text, a, after_end))
                .map(tag(RuleKind::After))
                .or_else(|| attr_before(text, ws, group[0].open).map(tag(RuleKind::Before)))
                .or_else(|| name_colon(text, ws, group[0].open).map(tag(RuleKind::Colon)));
            if found.is_none() {
                for w in group.windows(2) {
                    found = attr_after(text, w[0].close, w[1].open).map(tag(RuleKind::After)).or_else(|| attr_before(text, w[0].close, w[1].open).map(tag(RuleKind::Before)));
                    if found.is_some() {
                        break;
                    }
                }
            }
            if found.is_none() {
                found = transcript_label(text, group[0].start).map(tag(RuleKind::Colon));
            }
            // `"…" must be weighed against …, he said.`: an attribution closing the sentence
            if found.is_none() && !crossed {
                found = text.get(last.close..we).and_then(|r| r.rfind(',')).map(|c| last.close + c + 1).and_then(|c| attr_after(text, c, we).filter(|a| ends_sentence(text, a, we))).map(tag(RuleKind::After));
            }
            let mut kind = found.as_ref().map(|f| f.1);
            let mut attr = found.map(|f| f.0);
            // `He said:` closing the previous paragraph.
            let mut continues = false;
            if attr.is_none() && pend.last().is_some_and(|q| q.para == pi && q.attr.is_some()) {
                continues = true;
            } else if attr.is_none() && group[0].para_start && pi > 0 {
                let prev = paras[pi - 1];
                let pt = text[prev.start..prev.end].trim_end();
                if pt.ends_with(':') {
                    let (_, pb) = scan(text, prev.start, prev.end);
                    let st = pb.iter().rev().copied().find(|&b| b < prev.start + pt.len() - 1).unwrap_or(prev.start);
                    attr = attr_before(text, st, prev.start + pt.len()).or_else(|| attr_subject(text, st, prev.start + pt.len()));
                    kind = Some(RuleKind::ColonLine);
                } else {
                    continues = pend.last().is_some_and(|q| q.para + 1 == pi);
                }
            }
            // `…, Schiff said. "The other factor …"`: a quote opening its sentence right after a
            // sentence that ends with an attribution
            if attr.is_none() && !continues && text.get(ws..group[0].open).is_some_and(|g| g.trim_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '«' | '„')).is_empty()) {
                let i = bounds.partition_point(|&b| b < ws);
                let ps = if i > 0 { bounds[i - 1] } else { p.start }.max(p.start);
                // the stretches that overlap [ps, ws) (sorted and disjoint: a binary search, not a scan)
                let (lo, hi) = (quoted.partition_point(|m| m.end <= ps), quoted.partition_point(|m| m.start < ws));
                if ps < ws && !quoted[lo..hi.max(lo)].iter().any(|m| m.start != group[0].open) {
                    let from = text.get(ps..ws).and_then(|r| r.rfind(',')).map_or(ps, |c| ps + c + 1);
                    attr = attr_after(text, from, ws).filter(|a| ends_sentence(text, a, ws) && pronoun_of(&text[a.speaker.start..a.speaker.end]).is_none());
                    kind = Some(RuleKind::ColonLine);
                }
            }
            // No cue: the sentence subject speaks a quote inside the sentence (does not make a short fragment a quote).
            let mut weak = None;
            if attr.is_none() && !continues && group[0].open > ws {
                // a cue further back in the sentence (`X argued on Monday that the plan was a "trap"`)
                attr = attr_before_within(text, ws, group[0].open, 40);
                kind = Some(RuleKind::Far);
                if attr.is_none() {
                    attr = attr_participle(text, ws, group[0].open);
                    kind = Some(RuleKind::Participle);
                }
                if attr.is_none() {
                    weak = attr_subject(text, ws, group[0].open);
                    kind = Some(RuleKind::Subject);
                }
            }
            let multi = !last.closed && j == frags.len();
            let nwords: usize = group.iter().map(|f| text[f.start..f.end].split_whitespace().count()).sum();
            // a title or headline: three words or more and a speaker stated by a cue or a colon
            let stated = attr.as_ref().is_some_and(|a| !a.cue.is_empty() || text.get(a.cue.start..).is_some_and(|r| r.starts_with(':')));
            let keep = if strict { stated && nwords >= 3 } else { attr.is_some() || multi || nwords >= 5 || continues };
            if keep {
                let attr = attr.or(weak);
                let kind = kind.filter(|_| attr.is_some());
                let zone = zone(text, &bounds, ws, group[0].open, last.close, after_end);
                pend.push(Pending { parts: group.iter().map(|f| Span::new(f.start, f.end)).collect(), window: (ws, we), zone, attr, kind, para_start: group[0].para_start, para: pi, multi, continues });
                if multi {
                    open_multi = Some(pend.len() - 1);
                }
            }
            k = j;
        }
        if let Some(q) = open_multi {
            pend[q].para = pi;
        }
    }
    // Speakers, pronouns, entities, in order.
    let mut seen: Vec<Seen> = Vec::new();
    // (speaker, speaker span, speaker name, entity) of the previous quote
    type Prev = (Option<String>, Option<Span>, Option<String>, Option<usize>);
    let mut prev_quote: Option<Prev> = None;
    for q in pend {
        let span = Span::new(q.parts[0].start, q.parts[q.parts.len() - 1].end);
        // a hard wrap inside a part reads as one space; paragraphs keep their newline
        let part_texts = q.parts.iter().map(|s| words::squash(&text[s.start..s.end])).collect::<Vec<_>>();
        let qtext = part_texts.join(if q.multi { "\n" } else { " … " });
        let mut quote = Quote { text: qtext, span, parts: q.parts.clone(), speaker: None, speaker_span: None, speaker_name: None, entity: None, cue: None, cue_span: None, article: ai };
        let mut q = q;
        if let (Some(a), Some(k)) = (q.attr.as_mut(), q.kind) {
            // `"…," it added` right after the quote is left to the rules
            let sure = k == RuleKind::After && !a.cue.is_empty() && pronoun_of(&text[a.speaker.start..a.speaker.end]).is_some_and(|p| matches!(p, "he" | "she" | "it" | "they" | "we"));
            if !sure && (rank.sink.is_some() || !rank.model.is_empty()) {
                let lo = quoted.partition_point(|m| m.end <= q.zone.0);
                let hi = quoted.partition_point(|m| m.start < q.zone.1);
                let ctx = QuoteCtx { parts: &q.parts, zone: q.zone, window: q.window, quoted: &quoted[lo..hi.max(lo)], rule: Some((a.speaker, k)), prev: prev_quote.as_ref().and_then(|p| p.1.map(|s| (s, p.3))), para_start: q.para_start };
                let cands = rank::candidates(text, doc, &ctx);
                if let Some(sink) = rank.sink.as_mut() {
                    sink(&q.parts, &cands);
                }
                // a name inside the rules' phrase keeps the whole phrase (`Mayor Jan Novak`)
                if let Some(b) = rank.model.best(&cands).filter(|&b| !(a.speaker.start <= cands[b].span.start && cands[b].span.end <= a.speaker.end)) {
                    a.speaker = cands[b].span;
                }
            }
        }
        if let Some(a) = q.attr.as_mut() {
            a.speaker = close_paren(text, a.speaker);
        }
        if let Some(a) = &q.attr {
            let sp_text = words::squash(&text[a.speaker.start..a.speaker.end]).into_owned();
            quote.speaker = Some(sp_text.clone());
            quote.speaker_span = Some(a.speaker);
            if !a.cue.is_empty() {
                quote.cue = Some(words::squash(&text[a.cue.start..a.cue.end]).into_owned());
                quote.cue_span = Some(a.cue);
            }
            let rel = if matches!(sp_text.as_str(), "who" | "which" | "that") { Some(rank::relative_antecedent(text, doc, a.speaker)) } else { None };
            if let Some(rel) = rel {
                // `Stevie Wonder, who joked, "…"`: the phrase before the relative pronoun
                if let Some((asp, aent, label)) = rel {
                    let ent = aent.or_else(|| entity_in(doc, asp));
                    let at = words::squash(&text[asp.start..asp.end]).into_owned();
                    let name = ent.and_then(|e| doc.entities.get(e)).map(|e| e.name.clone()).unwrap_or_else(|| name_in(&at));
                    let label = ent.and_then(|e| doc.entities.get(e)).map(|e| e.label).or(label);
                    let described = at.split_whitespace().last().is_some_and(|w| words::is_person_noun(w.trim_matches(|c: char| !c.is_alphanumeric())));
                    let person = label == Some(EntityLabel::PER) || (label.is_none() && (described || at.split_whitespace().any(is_cap)));
                    let gender = gender_of_name(doc, &at, ent);
                    quote.speaker_name = Some(name.clone());
                    quote.entity = ent;
                    seen.push(Seen { name, span: asp, entity: ent, person, owned: person, gender });
                }
            } else if let Some(pr) = pronoun_of(&sp_text) {
                let want = match pr {
                    "he" | "his" => Some(Gender::M),
                    "she" | "her" => Some(Gender::F),
                    _ => None,
                };
                let person = !matches!(pr, "it");
                let ante = seen
                    .iter()
                    .rev()
                    .take(50)
                    .find(|s| match pr {
                        "it" => !s.person,
                        "they" | "we" => true,
                        // `his office`: a person, or a person's office
                        "his" | "her" => (s.person || s.owned) && want.is_none_or(|g| s.gender == g || s.gender == Gender::Unknown),
                        _ => s.person && want.is_none_or(|g| s.gender == g || s.gender == Gender::Unknown),
                    })
                    .cloned();
                // a person who spoke without quote marks since (`Camatte told reporters.`) is nearer
                // a later, different person wins over the antecedent found so far
                let nearer = |s: Option<Seen>, l: Option<Seen>| match (s, l) {
                    (Some(s), Some(l)) if l.span.start > s.span.start && l.entity != s.entity => Some(l),
                    (s, l) => s.or(l),
                };
                let he_she = matches!(pr, "he" | "she");
                let cued = if he_she { recent_person_cue(text, doc, a.speaker.start, want) } else { None };
                let recent = if person { recent_person(text, doc, a.speaker.start, want) } else { None };
                // a person named earlier in the quote's own paragraph, outside quote marks
                // (`His counterpart, Chris Wilder, was less happy. '…,' he said.`)
                let local = recent.clone().filter(|m| {
                    let i = quoted.partition_point(|x| x.end <= m.span.start);
                    he_she && paras.get(q.para).is_some_and(|p| m.span.start >= p.start) && !quoted.get(i).is_some_and(|x| x.start <= m.span.start)
                });
                // a person introduced in the paragraph right before, which has no quote marks, when
                // the quote opens its paragraph (`A man surnamed Chang was hurt.` / `"…," he said.`)
                let intro = recent.clone().filter(|m| {
                    let Some(pp) = q.para.checked_sub(1).and_then(|i| paras.get(i)) else { return false };
                    let i = quoted.partition_point(|x| x.end <= pp.start);
                    he_she && q.para_start && m.span.start >= pp.start && m.span.end <= pp.end && !quoted.get(i).is_some_and(|x| x.start < pp.end)
                });
                let ante = nearer(nearer(nearer(ante, cued), local), intro).or(recent).or_else(|| described_cue_subject(text, a.speaker.start, pr));
                if let Some(s) = ante {
                    quote.speaker_name = Some(s.name.clone());
                    quote.entity = s.entity;
                    // learn the gender from the pronoun
                    if let (Some(g), Some(x)) = (want, seen.iter_mut().rev().take(50).find(|x| x.name == s.name)) {
                        if x.gender == Gender::Unknown {
                            x.gender = g;
                        }
                    }
                }
            } else {
                // a place or a demonym inside a longer phrase (`The Israeli Minister`) is not
                // the speaker; a description (`the prime minister`) may name a person seen before
                let ent = entity_in(doc, a.speaker).filter(|&e| {
                    doc.entities.get(e).is_some_and(|x| matches!(x.label, EntityLabel::PER | EntityLabel::ORG)) || whole_mention(doc, a.speaker)
                });
                let nominal = crate::resolve::roles::nominal_antecedent(text, doc, a.speaker).or_else(|| if ent.is_none() { crate::resolve::roles::nominal_forward(text, doc, a.speaker) } else { None }).or_else(|| crate::resolve::roles::epithet_antecedent(text, doc, a.speaker)).or_else(|| if ent.is_none() { crate::resolve::roles::org_antecedent(text, doc, a.speaker) } else { None });
                let ent = match ent {
                    Some(e) if doc.entities.get(e).is_some_and(|x| x.label == EntityLabel::PER) => Some(e),
                    e => nominal.or(e),
                };
                let lower = sp_text.to_lowercase();
                // an office-like speaker (`Lee's office`, `the ministry`) with no name after the office word
                let lw: Vec<&str> = lower.split_whitespace().collect();
                let office = lw
                    .iter()
                    .rposition(|x| ["office", "campaign", "spokesman", "spokeswoman", "spokesperson", "ministry", "government", "aides", "team"].contains(x))
                    .is_some_and(|k| !sp_text.split_whitespace().skip(k + 1).any(is_cap));
                let name = ent.and_then(|e| doc.entities.get(e)).map(|e| e.name.clone()).unwrap_or_else(|| if office { sp_text.clone() } else { name_in(&sp_text) });
                // a capitalised word other than an opening determiner (`The media rights group` is
                // not a person), or a person noun (`a dealer`)
                let named = sp_text.split_whitespace().enumerate().any(|(i, w)| is_cap(w) && !(i == 0 && in_list(&["the", "a", "an"], w)));
                let described = sp_text.split_whitespace().last().is_some_and(|w| words::is_person_noun(w.trim_matches(|c: char| !c.is_alphanumeric())));
                let person = !office && ent.and_then(|e| doc.entities.get(e)).is_none_or(|e| e.label == EntityLabel::PER) && (named || described || ent.is_some());
                // `Lee's office`: a person's office, usable as the antecedent of `his office`
                let owned = office && sp_text.split_whitespace().next().is_some_and(|w| words::is_possessive(w) && is_cap(w));
                let person_entity = owned || ent.and_then(|e| doc.entities.get(e)).is_some_and(|e| e.label == EntityLabel::PER);
                let gender = gender_of_name(doc, &sp_text, ent);
                quote.speaker_name = Some(name.clone());
                quote.entity = ent;
                seen.push(Seen { name, span: a.speaker, entity: ent, person, owned: person_entity, gender });
            }
        } else if q.continues {
            if let Some((sp, ss, sn, en)) = &prev_quote {
                quote.speaker = sp.clone();
                quote.speaker_span = *ss;
                quote.speaker_name = sn.clone();
                quote.entity = *en;
            }
        }
        prev_quote = Some((quote.speaker.clone(), quote.speaker_span, quote.speaker_name.clone(), quote.entity));
        out.push(quote);
    }
}

/// At most three words (`on Tuesday`) follow the attribution `a` before `end`.
fn ends_sentence(text: &str, a: &Attr, end: usize) -> bool {
    let last = a.speaker.end.max(a.cue.end);
    last <= end && words::words(text, last, end).len() <= 3
}

/// The ranker's zone for a quote from `open` to `close` in the sentence starting at `ws`:
/// from the start of the sentence before (in the paragraph) to `end`, at most 400 bytes
/// before the quote and 300 after it (so that the work per quote is bounded).
fn zone(text: &str, bounds: &[usize], ws: usize, open: usize, close: usize, end: usize) -> (usize, usize) {
    let i = bounds.partition_point(|&b| b < ws);
    let prev = if i > 0 { bounds[i - 1] } else { ws };
    let mut lo = prev.max(open.saturating_sub(400));
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = end.max(close).min(close + 300).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    (lo.min(open), hi.max(close.min(text.len())))
}

/// The speaker model and, when training, where each quote's candidates go.
pub(crate) struct Ranking<'m> {
    pub(crate) model: &'m SpeakerModel,
    #[allow(clippy::type_complexity)]
    pub(crate) sink: Option<&'m mut dyn FnMut(&[Span], &[Candidate])>,
}

/// The name inside a speaker phrase without an entity: the last run of capitalised words
/// (`presidential spokesperson Kang Yu-jung` → `Kang Yu-jung`), else the phrase.
fn name_in(sp: &str) -> String {
    let ws: Vec<&str> = sp.split_whitespace().collect();
    let mut e = ws.len();
    while e > 0 && !is_cap(ws[e - 1]) {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && is_cap(ws[s - 1]) {
        s -= 1;
    }
    // `A retired teacher in Cork`: a place after a preposition is not the name
    let placed = s > 0 && in_list(&["in", "of", "from", "at", "for", "near"], ws[s - 1]);
    if s < e && e == ws.len() && !placed { ws[s..e].join(" ") } else { sp.to_string() }
}

/// The sentence window around a fragment: (start, end) from the sentence bounds.
fn window(bounds: &[usize], open: usize, close: usize) -> (usize, usize) {
    let i = bounds.partition_point(|&b| b <= open);
    let s = if i > 0 { bounds[i - 1] } else { open };
    let j = bounds.partition_point(|&b| b < close);
    let e = bounds.get(j).copied().unwrap_or(close).max(close);
    (s, e)
}

/// A speaker phrase with an open parenthesis (`Rep. Ana Ruiz (D-Ore`) runs to its `)` when
/// that is at most two characters on.
fn close_paren(text: &str, s: Span) -> Span {
    let t = &text[s.start..s.end];
    if t.matches('(').count() > t.matches(')').count() {
        if let Some(i) = text.get(s.end..).and_then(|r| r.char_indices().take(3).find(|&(_, c)| c == ')').map(|(i, _)| i)) {
            return Span::new(s.start, s.end + i + 1);
        }
    }
    s
}

/// `span` is exactly one mention.
fn whole_mention(doc: &Document, span: Span) -> bool {
    let i = doc.mentions.partition_point(|m| m.span.start < span.start);
    doc.mentions.get(i).is_some_and(|m| m.span == span)
}

/// The entity of the first person mention inside `span`, else of any mention inside it.
fn entity_in(doc: &Document, span: Span) -> Option<usize> {
    let i = doc.mentions.partition_point(|m| m.span.end <= span.start);
    let inside: Vec<_> = doc.mentions[i..].iter().take_while(|m| m.span.start < span.end).filter(|m| m.span.start >= span.start && m.span.end <= span.end).collect();
    inside.iter().find(|m| m.label == EntityLabel::PER).or(inside.first()).and_then(|m| m.entity)
}

/// The most recent person mention before `pos` with a speech cue right after it (`Camatte
/// told reporters`, `Lee said`), of the wanted gender.
fn recent_person_cue(text: &str, doc: &Document, pos: usize, want: Option<Gender>) -> Option<Seen> {
    let i = doc.mentions.partition_point(|m| m.span.start < pos);
    doc.mentions[..i].iter().rev().take(40).filter(|m| m.label == EntityLabel::PER && m.span.end <= pos).find_map(|m| {
        let hi = (m.span.end..=(m.span.end + 40).min(pos)).rev().find(|&p| text.is_char_boundary(p)).unwrap_or(m.span.end);
        let next = words::words(text, m.span.end, hi);
        let w = next.iter().find(|w| !in_list(&["also", "has", "had", "later", "then"], w.text))?;
        if !is_cue(w.text) || !attrib::gap_ok(text, m.span.end, w.start) {
            return None;
        }
        let g = gender_of_name(doc, &m.text, m.entity);
        let ok = want.is_none_or(|x| g == x || g == Gender::Unknown);
        let name = m.entity.and_then(|e| doc.entities.get(e)).map(|e| e.name.clone()).unwrap_or_else(|| m.text.clone());
        ok.then_some(Seen { name, span: m.span, entity: m.entity, person: true, owned: true, gender: g })
    })
}

/// Lowercase heads of a described organisation or document that speaks (`the government`,
/// `the statement`): the antecedents of `it`.
const THING_SPEAKERS: &[&str] = &[
    "government", "ministry", "department", "agency", "company", "firm", "group", "statement", "committee",
    "council", "court", "party", "report", "bank", "commission", "board", "union", "office", "army", "military",
    "police", "campaign", "organisation", "organization", "authority", "regulator", "embassy", "newspaper",
];

/// The fallback antecedent of a pronoun with none seen: the subject of the last speech cue in
/// the 600 bytes before `pos` (reported speech: `A dealer said exporters …`, `…, the
/// government reported Monday.`), a short phrase opened by `the`/`a`/`an` whose head is a
/// person noun (`he`, `she`) or a speaking body (`it`). Reads at most four cues.
fn described_cue_subject(text: &str, pos: usize, pr: &str) -> Option<Seen> {
    let lo = (pos.saturating_sub(600)..=pos).find(|&p| text.is_char_boundary(p)).unwrap_or(pos);
    let ws = words::words(text, lo, pos);
    let head_ok = |w: &str| match pr {
        "he" | "she" => words::is_person_noun(w),
        "it" => in_list(THING_SPEAKERS, w),
        _ => false,
    };
    ws.iter().enumerate().rev().filter(|(_, w)| is_cue(w.text) && !w.text.ends_with("ing")).take(4).find_map(|(c, _)| {
        let mut e = c;
        while e > 0 && e + 2 > c && in_list(&["also", "has", "had", "later", "then", "was"], ws[e - 1].text) {
            e -= 1;
        }
        let head = ws.get(e.checked_sub(1)?)?;
        if !head_ok(head.text) || is_cap(head.text) || !attrib::gap_ok(text, head.end, ws[c].start) {
            return None;
        }
        // back to the determiner, at most three words, no clause punctuation
        let s = (e.saturating_sub(4)..e - 1).rev().take_while(|&i| attrib::gap_ok(text, ws[i].end, ws[i + 1].start)).find(|&i| in_list(&["the", "a", "an"], ws[i].text))?;
        let span = Span::new(ws[s].start, head.end);
        Some(Seen { name: words::squash(&text[span.start..span.end]).into_owned(), span, entity: None, person: pr != "it", owned: false, gender: Gender::Unknown })
    })
}

/// The most recent person mention before `pos` (fallback antecedent for a pronoun).
fn recent_person(text: &str, doc: &Document, pos: usize, want: Option<Gender>) -> Option<Seen> {
    let i = doc.mentions.partition_point(|m| m.span.start < pos);
    // a name right after a lowercase person noun is a person whatever its label (`surgeon X`)
    let role_led = |m: &crate::document::Mention| {
        let before = text[..m.span.start].trim_end_matches(' ');
        before.len() + 1 == m.span.start && before.rsplit(' ').next().is_some_and(|w| !w.is_empty() && !is_cap(w) && words::is_person_noun(w))
    };
    doc.mentions[..i].iter().rev().take(40).filter(|m| m.label == EntityLabel::PER || (m.label == EntityLabel::ORG && role_led(m))).find_map(|m| {
        let name = m.entity.and_then(|e| doc.entities.get(e)).map(|e| e.name.clone()).unwrap_or_else(|| m.text.clone());
        let g = gender_of_name(doc, &m.text, m.entity);
        let ok = want.is_none_or(|w| g == w || g == Gender::Unknown);
        ok.then_some(Seen { name, span: m.span, entity: m.entity, person: true, owned: true, gender: g })
    })
}

