//! Mentions → entities: aliases, roles and affiliations, normalised places, salience.
//!
//! # How mentions are grouped
//!
//! 1. Every mention is cleaned (possessive, leading `the`, quote marks) and typed again:
//!    a country name or short form (`S.Africa`, `ROK`, `U.S.`) becomes a `LOC` country
//!    with its ISO code; a demonym (`Chinese`, `South Korean`, `Swiss`) becomes a `MISC`
//!    entity whose `related_country` is the country (it is not merged into it).
//! 2. Person mentions lose their titles (`President Lee` → `Lee`, the title becomes a role).
//!    Names that are not a part of a longer name are *full names*. A shorter person mention
//!    (`Lee`, `Heng`, `Kuang Heng`) joins the full name whose words contain all its words
//!    (surname first or last: Asian name order is handled because any word may match)
//!    when exactly one full name in the same article fits; else when exactly one in the
//!    whole document fits (headlines reach their article this way). When several fit, the
//!    mention stays a separate entity: two people sharing a surname are never merged
//!    without evidence. A gendered title is evidence against: `Mr Clinton` does not join
//!    `Hillary Clinton` (first-name list).
//! 3. Other mentions group by label and case-insensitive cleaned text.
//!
//! Grouping never compares every name with every other: full names are indexed by word (and
//! by word and article); a lookup walks the shortest list among the mention's words, stops at
//! the second fit and is remembered per distinct (words, title, article), so a thousand people
//! sharing a first name cost about a thousand lookups.
//!
//! # Roles
//! Rules read the words around each person mention: a role phrase just before the name
//! (`South Korea's President Lee Jae Myung`, `presidential spokesperson Kang Yu-jung`,
//! `Chinese leader Xi Jinping`) and an appositive just after it (`Yee Kuang Heng, a
//! professor of maritime law at the University of Tokyo,`).
//!
//! # Salience
//! `raw = w·count / max_count + 0.5·w·[in an article title] + 0.15·w·[in a headline list]
//! + 0.3·early + 0.4·[a person or organisation next to a speech cue in a paragraph]`,
//! where `w` is 1.0 for people, 0.8 for organisations and 0.6 for places and other names
//! (actors rank above settings) and `early` is `1 − offset / length` of the earliest
//! mention inside its article (inside the dump when it has no article; 0 for headline-only
//! entities). The raw score is divided by the largest one, so the top entity has
//! salience 1.0. Entities are sorted by salience (ties: first
//! mention first) and `id` is the index after sorting.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::document::{Document, EntityLabel, Region, RegionKind};
use crate::places;
use crate::span::Span;

pub(crate) mod roles;
pub(crate) mod words;

use words::{in_list, is_cap, strip_possessive, Word};

/// A role or title attached to a person (`President`, `professor`), with what it is of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Role {
    /// The role as printed: a title keeps its capitals (`President`, `Prime Minister`), a
    /// description is lowercase (`presidential spokesperson`, `professor`).
    pub title: String,
    /// The organisation it is at, canonical name (`University of Tokyo`).
    pub organization: Option<String>,
    /// The country it is of, canonical name (`South Korea`).
    pub country: Option<String>,
    /// Where the role was stated.
    pub span: Span,
}

/// One real-world thing the document talks about, with all its mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    /// Index in [`Document::entities`].
    pub id: usize,
    /// Canonical name (`Lee Jae Myung`, `South Africa`).
    pub name: String,
    /// Type.
    pub label: EntityLabel,
    /// Other forms seen (`Lee`, `President Lee`).
    pub aliases: Vec<String>,
    /// Number of mentions.
    pub count: usize,
    /// The first mention's span.
    pub first: Span,
    /// Salience in [0, 1]: higher ranks the document's main actors first (see the module docs).
    pub salience: f32,
    /// Roles stated for a person.
    pub roles: Vec<Role>,
    /// ISO 3166-1 alpha-2 code for countries (and for demonyms, the country's).
    pub country_code: Option<String>,
    /// For a demonym or adjective (`Chinese`), the country it relates to.
    pub related_country: Option<String>,
    /// Indices into [`Document::mentions`].
    pub mentions: Vec<usize>,
}

/// A mention after cleaning and re-typing.
struct Norm {
    label: EntityLabel,
    /// Cleaned text as printed (no possessive, no leading `the`, no title for people).
    core: String,
    /// Lowercased words of `core`.
    words: Vec<String>,
    /// A title stripped from a person mention (`President`).
    title: Option<(String, Span)>,
    country: Option<places::Country>,
    demonym: Option<places::Country>,
    region: Option<Region>,
}

/// [`trim_mention`] with every run of whitespace inside as one space (a name broken by a
/// hard wrap, `Ewan\n   Dunmore`, is named `Ewan Dunmore`).
fn clean_mention(s: &str) -> std::borrow::Cow<'_, str> {
    words::squash(trim_mention(s))
}

fn trim_mention(s: &str) -> &str {
    let mut s = s.trim().trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' | '‘' | '’' | '\'' | '-' | '–' | '—'));
    s = strip_possessive(s);
    for p in ["the ", "The "] {
        if let Some(t) = s.strip_prefix(p) {
            s = t;
        }
    }
    s.trim()
}

/// Split leading titles off a person name: `President Lee` → (Some("President"), "Lee").
fn split_title(s: &str) -> (Option<&str>, &str) {
    let mut rest = s;
    let mut cut = 0;
    loop {
        let w = rest.split_whitespace().next().unwrap_or("");
        if w.is_empty() || !in_list(words::NAME_TITLES, w) || rest.split_whitespace().count() < 2 {
            break;
        }
        let off = rest.find(w).unwrap_or(0) + w.len();
        cut += s[cut..].find(w).unwrap_or(0) + w.len();
        rest = rest[off..].trim_start();
    }
    if cut == 0 {
        (None, s)
    } else {
        (Some(s[..cut].trim()), rest)
    }
}

fn region_of(regions: &[Region], span: Span) -> Option<Region> {
    let i = regions.partition_point(|r| r.span.start <= span.start);
    if i == 0 {
        return None;
    }
    let r = regions[i - 1];
    (r.span.end >= span.end).then_some(r)
}

fn normalise(text: &str, doc: &Document, regions: &[Region]) -> Vec<Norm> {
    doc.mentions
        .iter()
        .map(|m| {
            let region = region_of(regions, m.span);
            let printed = clean_mention(&m.text);
            let printed: &str = &printed;
            let mut label = m.label;
            let mut core = printed.to_string();
            let mut title = None;
            let mut country = None;
            let mut demonym = None;
            if let Some(c) = places::country(printed) {
                label = EntityLabel::LOC;
                core = c.name.to_string();
                country = Some(c);
            } else if let Some(c) = (m.label != EntityLabel::PER).then(|| places::demonym(printed)).flatten() {
                label = EntityLabel::MISC;
                demonym = Some(c);
            } else if m.label == EntityLabel::PER {
                let (t, rest) = split_title(printed);
                if let Some(t) = t {
                    let keep = rest.split_whitespace().count() == 1 && in_list(words::NAME_KEEPING_TITLES, t.split_whitespace().last().unwrap_or(""));
                    let at = text.get(m.span.start..m.span.end).and_then(|s| s.find(t)).map(|o| m.span.start + o).unwrap_or(m.span.start);
                    title = Some((t.to_string(), Span::new(at, at + t.len())));
                    if !keep {
                        core = rest.to_string();
                    }
                }
            }
            let words = core.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).filter(|w| !w.is_empty()).collect();
            Norm { label, core, words, title, country, demonym, region }
        })
        .collect()
}

/// Group `doc.mentions` into `doc.entities` and set each mention's `entity`.
pub fn resolve(text: &str, doc: &mut Document) {
    doc.entities.clear();
    for m in doc.mentions.iter_mut() {
        m.entity = None;
    }
    if doc.mentions.is_empty() {
        return;
    }
    let regions = doc.regions();
    let norms = normalise(text, doc, &regions);

    // Group keys.
    let mut key_of: Vec<String> = vec![String::new(); norms.len()];
    // Full person names: not a word-subset of a longer person name.
    let per: Vec<usize> = (0..norms.len()).filter(|&i| norms[i].label == EntityLabel::PER && !norms[i].words.is_empty()).collect();
    let names = FullNames::new(&norms, &per);
    for (i, n) in norms.iter().enumerate() {
        key_of[i] = if let Some(c) = n.country {
            format!("country:{}", c.iso2)
        } else if n.demonym.is_some() {
            format!("demonym:{}", n.core.to_lowercase())
        } else if n.label == EntityLabel::PER && !n.words.is_empty() {
            let article = n.region.and_then(|r| r.article);
            // `Mr Clinton` is not `Hillary Clinton`: a gendered title rules out a full name
            // whose first name has the other sex
            let title_sex = n.title.as_ref().and_then(|(t, _)| match t.trim_end_matches('.').to_lowercase().as_str() {
                "mr" | "sir" | "lord" | "king" | "prince" => Some('M'),
                "mrs" | "ms" | "miss" | "madam" | "dame" | "lady" | "queen" | "princess" => Some('F'),
                _ => None,
            });
            match names.choose(&n.words, title_sex, article) {
                Some(f) => format!("per:{}", names.words(f).join(" ")),
                None => format!("per:{}", n.words.join(" ")),
            }
        } else {
            format!("{}:{}", n.label.as_str(), n.core.to_lowercase())
        };
    }
    // An acronym (`EU`, `IOC`) joins the one multi-word organisation or place in the
    // document whose initials it spells (`European Union`, `International Olympic Committee`).
    {
        // initials → (the first mention spelling them, whether another group spells them too)
        let mut by_initials: HashMap<String, (usize, bool)> = HashMap::new();
        for (i, n) in norms.iter().enumerate() {
            if matches!(n.label, EntityLabel::ORG | EntityLabel::LOC | EntityLabel::MISC) && n.country.is_none() && n.core.split_whitespace().count() >= 2 {
                let ini: String = n
                    .core
                    .split_whitespace()
                    .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "de" | "&"))
                    .filter_map(|w| w.chars().next())
                    .filter(|c| c.is_uppercase())
                    .collect();
                if ini.chars().count() >= 2 {
                    let e = by_initials.entry(ini).or_insert((i, false));
                    e.1 |= key_of[e.0] != key_of[i];
                }
            }
        }
        for (i, n) in norms.iter().enumerate() {
            let c = &n.core;
            if n.country.is_some() || n.label == EntityLabel::PER || c.len() < 2 || c.len() > 6 || !c.chars().all(|ch| ch.is_ascii_uppercase()) {
                continue;
            }
            if let Some(&(first, false)) = by_initials.get(c.as_str()) {
                key_of[i] = key_of[first].clone();
            }
        }
    }
    // A one-word non-person mention that is uniquely a surname of a person in the same article
    // (the tagger called `Takaichi` a place) joins the person.
    for (i, n) in norms.iter().enumerate() {
        if n.label == EntityLabel::PER || n.country.is_some() || n.demonym.is_some() || n.words.len() != 1 {
            continue;
        }
        let Some(article) = n.region.and_then(|r| r.article) else { continue };
        if let (Some(f), false) = names.fits_in_article(&n.words, None, article) {
            if is_cap(&n.core) {
                key_of[i] = format!("per:{}", names.words(f).join(" "));
            }
        }
    }

    // Build entities in order of first mention.
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, k) in key_of.iter().enumerate() {
        let g = *by_key.entry(k.as_str()).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }

    let roles_by_mention = find_roles(text, doc, &norms, &regions);
    let in_body: Vec<bool> = norms.iter().map(|n| matches!(n.region.map(|r| r.kind), Some(RegionKind::Paragraph))).collect();
    let cue_near: Vec<bool> = doc.mentions.iter().enumerate().map(|(i, m)| (in_body[i] || doc.articles.is_empty()) && speech_cue_near(text, m.span)).collect();
    let in_title: Vec<bool> = norms.iter().map(|n| matches!(n.region.map(|r| r.kind), Some(RegionKind::Title))).collect();
    let in_headline: Vec<bool> = norms.iter().map(|n| matches!(n.region.map(|r| r.kind), Some(RegionKind::Headline | RegionKind::Teaser))).collect();
    // How early the first mention is inside its article (0 for mentions outside articles, or
    // for a dump without articles, inside the dump).
    let earliness = |i: usize| -> f32 {
        let pos = doc.mentions[i].span.start;
        match norms[i].region.and_then(|r| r.article).and_then(|a| doc.articles.get(a)) {
            Some(a) => 1.0 - ((pos.saturating_sub(a.span.start)) as f32 / a.span.len().max(1) as f32).min(1.0),
            None if doc.articles.is_empty() => 1.0 - (pos as f32 / text.len().max(1) as f32).min(1.0),
            None => 0.0,
        }
    };

    let mut entities: Vec<(Entity, f32)> = Vec::new();
    let max_count = groups.iter().map(|g| g.len()).max().unwrap_or(1) as f32;
    for g in &groups {
        let first = g[0];
        let n0 = &norms[first];
        let is_person = key_of[first].starts_with("per:");
        let label = if is_person { EntityLabel::PER } else { n0.label };
        // Canonical name
        let name = if let Some(c) = n0.country {
            c.name.to_string()
        } else if is_person {
            // the longest core (most words), first printed
            g.iter().map(|&i| &norms[i]).max_by_key(|n| (n.words.len(), std::cmp::Reverse(0))).map(|n| n.core.clone()).unwrap_or_default()
        } else {
            let mut counts: Vec<(String, usize, usize)> = Vec::new();
            for (pos, &i) in g.iter().enumerate() {
                let c = &norms[i].core;
                match counts.iter_mut().find(|x| &x.0 == c) {
                    Some(x) => x.1 += 1,
                    None => counts.push((c.clone(), 1, pos)),
                }
            }
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
            // an acronym names the group only when no spelled-out form was printed
            let acronym = |s: &str| s.len() <= 6 && s.chars().all(|c| c.is_ascii_uppercase());
            counts.iter().find(|c| !acronym(&c.0)).unwrap_or(&counts[0]).0.clone()
        };
        let mut aliases: Vec<String> = Vec::new();
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        for &i in g {
            let a = clean_mention(&doc.mentions[i].text);
            if *a != *name && !a.is_empty() && seen.insert(a.to_string()) {
                aliases.push(a.into_owned());
            }
        }
        let mut roles: Vec<Role> = Vec::new();
        if is_person {
            for &i in g {
                for r in roles_by_mention.get(&i).into_iter().flatten() {
                    add_role(&mut roles, r.clone());
                }
            }
        }
        // `Pope Leo`, `Princess Catherine`: a one-word name keeps a title that is part of it
        let mut name = name;
        let mut aliases = aliases;
        if is_person && !name.contains(' ') {
            if let Some(r) = roles.iter().find(|r| !r.title.contains(' ') && in_list(words::NAME_KEEPING_TITLES, &r.title) && is_cap(&r.title)) {
                aliases.insert(0, name.clone());
                name = format!("{} {}", r.title, name);
                aliases.retain(|a| a != &name);
            }
        }
        let country = n0.country.or(n0.demonym);
        let count = g.len();
        let early = g.iter().map(|&i| earliness(i)).fold(0.0f32, f32::max);
        let weight = match label {
            EntityLabel::PER => 1.0,
            EntityLabel::ORG => 0.8,
            EntityLabel::LOC | EntityLabel::MISC => 0.6,
        };
        let raw = weight * count as f32 / max_count
            + if g.iter().any(|&i| in_title[i]) { 0.5 * weight } else { 0.0 }
            + if g.iter().any(|&i| in_headline[i]) { 0.15 * weight } else { 0.0 }
            + 0.3 * early
            + if matches!(label, EntityLabel::PER | EntityLabel::ORG) && g.iter().any(|&i| cue_near[i]) { 0.4 } else { 0.0 };
        entities.push((
            Entity {
                id: 0,
                name,
                label,
                aliases,
                count,
                first: doc.mentions[first].span,
                salience: 0.0,
                roles,
                country_code: country.map(|c| c.iso2.to_string()),
                related_country: n0.demonym.map(|c| c.name.to_string()),
                mentions: g.clone(),
            },
            raw,
        ));
    }
    let max_raw = entities.iter().map(|e| e.1).fold(0.0f32, f32::max).max(f32::MIN_POSITIVE);
    for (e, raw) in entities.iter_mut() {
        e.salience = (*raw / max_raw).clamp(0.0, 1.0);
    }
    entities.sort_by(|a, b| b.0.salience.partial_cmp(&a.0.salience).unwrap_or(std::cmp::Ordering::Equal).then(a.0.first.start.cmp(&b.0.first.start)));
    for (id, (e, _)) in entities.iter_mut().enumerate() {
        e.id = id;
        for &m in &e.mentions {
            doc.mentions[m].entity = Some(id);
        }
    }
    doc.entities = entities.into_iter().map(|x| x.0).collect();
}

/// Full person names (word lists not contained in a longer one) with the indexes that keep
/// resolution linear: a lookup walks the shortest posting list among the asked words (per
/// article for local fits), stops at the second fit, and is memoised per distinct question, so
/// a thousand `Kenji …` never compare every `Kenji` with every other.
struct FullNames {
    /// Lowercased words and the articles (`None`: outside articles) each name appears in.
    names: Vec<(Vec<String>, Vec<Option<usize>>)>,
    exact: HashMap<Vec<String>, usize>,
    /// word → names containing it, ascending.
    by_word: HashMap<String, Vec<usize>>,
    /// (word, article) → names containing it that appear in that article, ascending.
    by_word_article: HashMap<(String, usize), Vec<usize>>,
    /// Answers of [`FullNames::choose`] already given.
    memo: std::cell::RefCell<HashMap<(Vec<String>, Option<char>, Option<usize>), Option<usize>>>,
}

impl FullNames {
    fn new(norms: &[Norm], per: &[usize]) -> FullNames {
        let mut names: Vec<(Vec<String>, Vec<Option<usize>>)> = Vec::new();
        let mut seen: HashMap<Vec<String>, usize> = HashMap::new();
        for &i in per {
            if norms[i].words.len() < 2 {
                continue;
            }
            let idx = *seen.entry(norms[i].words.clone()).or_insert_with(|| {
                names.push((norms[i].words.clone(), Vec::new()));
                names.len() - 1
            });
            let a = norms[i].region.and_then(|r| r.article);
            if !names[idx].1.contains(&a) {
                names[idx].1.push(a);
            }
        }
        // drop names that are strict subsets of a longer one (they attach like short mentions)
        let by_word = Self::index(&names);
        let keep: Vec<bool> = names
            .iter()
            .map(|(w, _)| {
                let shortest = w.iter().filter_map(|x| by_word.get(x)).min_by_key(|c| c.len());
                !shortest.is_some_and(|c| c.iter().any(|&o| names[o].0.len() > w.len() && w.iter().all(|x| names[o].0.contains(x))))
            })
            .collect();
        let mut k = 0;
        names.retain(|_| {
            k += 1;
            keep[k - 1]
        });
        let by_word = Self::index(&names);
        let mut by_word_article: HashMap<(String, usize), Vec<usize>> = HashMap::new();
        for (f, (w, arts)) in names.iter().enumerate() {
            for a in arts.iter().flatten() {
                for x in w {
                    let v = by_word_article.entry((x.clone(), *a)).or_default();
                    if v.last() != Some(&f) {
                        v.push(f);
                    }
                }
            }
        }
        let exact = names.iter().enumerate().map(|(f, (w, _))| (w.clone(), f)).collect();
        FullNames { names, exact, by_word, by_word_article, memo: Default::default() }
    }

    /// word → names containing it, ascending, each name once.
    fn index(names: &[(Vec<String>, Vec<Option<usize>>)]) -> HashMap<String, Vec<usize>> {
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (f, (w, _)) in names.iter().enumerate() {
            for x in w {
                let v = by_word.entry(x.clone()).or_default();
                if v.last() != Some(&f) {
                    v.push(f);
                }
            }
        }
        by_word
    }

    fn words(&self, f: usize) -> &[String] {
        &self.names[f].0
    }

    /// Name `f` contains every word of `ws` and its first name does not contradict `sex`
    /// (a gendered title: `Mr Clinton` is not `Hillary Clinton`).
    fn fits(&self, f: usize, ws: &[String], sex: Option<char>) -> bool {
        let name = &self.names[f].0;
        ws.iter().all(|w| name.contains(w))
            && sex.is_none_or(|sx| name.first().and_then(|w| crate::quotes::names::gender(w)).is_none_or(|g| g == sx))
    }

    /// The first fitting name among `lists` (the posting lists of each word of `ws`; any
    /// missing list means none fits) and whether there is a second.
    fn first_two<'a>(&self, lists: impl Iterator<Item = Option<&'a Vec<usize>>>, ws: &[String], sex: Option<char>) -> (Option<usize>, bool) {
        let mut shortest: Option<&Vec<usize>> = None;
        for l in lists {
            let Some(l) = l else { return (None, false) };
            if shortest.is_none_or(|s| l.len() < s.len()) {
                shortest = Some(l);
            }
        }
        let mut it = shortest.into_iter().flatten().copied().filter(|&f| self.fits(f, ws, sex));
        let first = it.next();
        (first, first.is_some() && it.next().is_some())
    }

    /// Fitting names that appear in `article`: the first, and whether there are more.
    fn fits_in_article(&self, ws: &[String], sex: Option<char>, article: usize) -> (Option<usize>, bool) {
        // (the key is built per word; words are short)
        self.first_two(ws.iter().map(|w| self.by_word_article.get(&(w.clone(), article))), ws, sex)
    }

    /// The full name a person mention with words `ws` joins: the same name; else the one
    /// fitting name in its article; else, when none fits there, the one in the document.
    fn choose(&self, ws: &[String], sex: Option<char>, article: Option<usize>) -> Option<usize> {
        let key = (ws.to_vec(), sex, article);
        if let Some(&c) = self.memo.borrow().get(&key) {
            return c;
        }
        let exact = self.exact.get(ws).copied().filter(|&f| self.fits(f, ws, sex));
        let chosen = exact.or_else(|| {
            let local = article.map_or((None, false), |a| self.fits_in_article(ws, sex, a));
            match local {
                (Some(f), false) => Some(f),
                (Some(_), true) => None,
                (None, _) => match self.first_two(ws.iter().map(|w| self.by_word.get(w)), ws, sex) {
                    (Some(f), false) => Some(f),
                    _ => None,
                },
            }
        });
        self.memo.borrow_mut().insert(key, chosen);
        chosen
    }
}

fn add_role(roles: &mut Vec<Role>, r: Role) {
    if let Some(old) = roles.iter_mut().find(|o| o.title.eq_ignore_ascii_case(&r.title)) {
        if old.organization.is_none() {
            old.organization = r.organization;
        }
        if old.country.is_none() {
            old.country = r.country;
        }
        return;
    }
    roles.push(r);
}

/// A speech cue (`said`, `told`, `added`, `says`) right after a mention (or its `'s office`)
/// or `said` right before it.
fn speech_cue_near(text: &str, span: Span) -> bool {
    let after = text.get(span.end..(span.end + 40).min(text.len())).or_else(|| text.get(span.end..)).unwrap_or("");
    let after = after.trim_start_matches(['\'', '’', 's']);
    let after = after.trim_start().strip_prefix("office").unwrap_or(after).trim_start();
    let after = ["also ", "later ", "has ", "had "].iter().fold(after, |a, p| a.strip_prefix(p).unwrap_or(a));
    let w = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if matches!(w, "said" | "says" | "told" | "added" | "adds" | "wrote" | "stated" | "insisted" | "warned") {
        return true;
    }
    let lo = span.start.saturating_sub(6);
    text.get(lo..span.start).is_some_and(|b| b.trim_end().ends_with("said") || b.trim_end().ends_with("says"))
}

/// Roles found for each person mention (by mention index).
fn find_roles(text: &str, doc: &Document, norms: &[Norm], _regions: &[Region]) -> HashMap<usize, Vec<Role>> {
    let mut out: HashMap<usize, Vec<Role>> = HashMap::new();
    for (i, m) in doc.mentions.iter().enumerate() {
        let n = &norms[i];
        if n.label != EntityLabel::PER || n.country.is_some() {
            continue;
        }
        let (rs, re) = n.region.map(|r| (r.span.start, r.span.end)).unwrap_or_else(|| line_bounds(text, m.span));
        let mut found: Vec<Role> = Vec::new();
        // Title inside the mention (`President Lee`): extend backwards from the mention start.
        let before_end = n.title.as_ref().map(|t| t.1.start).unwrap_or(m.span.start);
        let mut pre = role_before(text, rs, before_end);
        if let Some((t, tspan)) = &n.title {
            match &mut pre {
                Some(r) => {
                    r.title = format!("{} {}", r.title, t);
                    r.span = r.span.cover(*tspan);
                }
                None => {
                    let (c, cspan) = country_before(text, rs, tspan.start);
                    pre = Some(Role { title: t.clone(), organization: None, country: c, span: cspan.map(|s| s.cover(*tspan)).unwrap_or(*tspan) });
                }
            }
        }
        if let Some(r) = pre {
            found.push(r);
        }
        if let Some(r) = role_after(text, m.span.end, re) {
            found.push(r);
        }
        if !found.is_empty() {
            out.insert(i, found);
        }
    }
    out
}

fn line_bounds(text: &str, span: Span) -> (usize, usize) {
    let s = text[..span.start.min(text.len())].rfind('\n').map(|p| p + 1).unwrap_or(0);
    let e = text[span.end.min(text.len())..].find('\n').map(|p| span.end + p).unwrap_or(text.len());
    (s, e)
}

/// A role phrase ending right before `end` (`South Korea's President`, `presidential spokesperson`).
fn role_before(text: &str, start: usize, end: usize) -> Option<Role> {
    let lo = start.max(end.saturating_sub(120));
    let lo = (lo..=end).find(|&p| text.is_char_boundary(p)).unwrap_or(end);
    let ws = words::words(text, lo, end);
    // the last word must touch the name (only spaces between)
    let last = ws.last()?;
    if !text.get(last.end..end).is_some_and(|g| g.chars().all(char::is_whitespace)) {
        return None;
    }
    if !in_list(words::ROLE_HEADS, last.text) {
        return None;
    }
    let mut k = ws.len() - 1;
    while k > 0 {
        let w = &ws[k - 1];
        let gap = text.get(w.end..ws[k].start).unwrap_or(",");
        if !gap.chars().all(char::is_whitespace) {
            break;
        }
        if in_list(words::ROLE_MODIFIERS, w.text) || in_list(words::ROLE_HEADS, w.text) && is_cap(w.text) == is_cap(last.text) && k == ws.len() - 1 {
            k -= 1;
        } else {
            break;
        }
    }
    let title_start = ws[k].start;
    let title = text[title_start..last.end].to_string();
    let title = if is_cap(&title) { title } else { title.to_lowercase() };
    let (country, cspan) = country_before(text, start, title_start);
    let span = cspan.map(|s| s.cover(Span::new(title_start, last.end))).unwrap_or(Span::new(title_start, last.end));
    Some(Role { title, organization: None, country, span })
}

/// `South Korea's` / `Chinese` / `South Korean` right before `end`.
fn country_before(text: &str, start: usize, end: usize) -> (Option<String>, Option<Span>) {
    let lo = start.max(end.saturating_sub(40));
    let lo = (lo..=end).find(|&p| text.is_char_boundary(p)).unwrap_or(end);
    let ws = words::words(text, lo, end);
    for take in [2usize, 1] {
        if ws.len() < take {
            continue;
        }
        let a = &ws[ws.len() - take];
        let b = &ws[ws.len() - 1];
        if !text.get(b.end..end).is_some_and(|g| g.chars().all(char::is_whitespace)) {
            return (None, None);
        }
        let phrase = &text[a.start..b.end];
        if take == 2 && !text[a.end..b.start].chars().all(char::is_whitespace) {
            continue;
        }
        if words::is_possessive(phrase) {
            if let Some(c) = places::country(phrase) {
                return (Some(c.name.to_string()), Some(Span::new(a.start, b.end)));
            }
        } else if let Some(c) = places::demonym(phrase) {
            return (Some(c.name.to_string()), Some(Span::new(a.start, b.end)));
        }
    }
    (None, None)
}

/// An appositive right after a name: `, a professor of maritime law at the University of Tokyo,`.
fn role_after(text: &str, end: usize, region_end: usize) -> Option<Role> {
    let rest = text.get(end..region_end)?;
    let rest_trim = rest.strip_prefix(',')?.trim_start();
    let off = end + (rest.len() - rest_trim.len());
    let det = rest_trim.split_whitespace().next()?;
    if !matches!(det, "a" | "an" | "the" | "who" | "now") {
        return None;
    }
    let stop = rest_trim.find([',', ';', '.', '(', '"', '“']).unwrap_or(rest_trim.len()).min(200);
    let phrase_end = off + stop;
    let ws: Vec<Word> = words::words(text, off, phrase_end);
    let h = ws.iter().position(|w| in_list(words::ROLE_HEADS, w.text) && !is_cap(w.text))?;
    if h > 5 {
        return None;
    }
    let mut k = h;
    while k > 1 && (in_list(words::ROLE_MODIFIERS, ws[k - 1].text) || places::demonym(ws[k - 1].text).is_some()) {
        k -= 1;
    }
    let title = ws[k..=h].iter().filter(|w| places::demonym(w.text).is_none()).map(|w| w.text.to_lowercase()).collect::<Vec<_>>().join(" ");
    // organisation after at/of/with/for: a capitalised run (allowing of/the/and/for inside)
    let mut organization = None;
    let mut country = None;
    let mut j = h + 1;
    while j < ws.len() {
        if matches!(ws[j].text, "at" | "of" | "with" | "for" | "from") {
            let mut s = j + 1;
            if s < ws.len() && matches!(ws[s].text, "the" | "The") {
                s += 1;
            }
            let mut e = s;
            while e < ws.len() && (is_cap(ws[e].text) || (e > s && matches!(ws[e].text, "of" | "for" | "and" | "the" | "on") && e + 1 < ws.len() && is_cap(ws[e + 1].text))) {
                e += 1;
            }
            if e > s {
                let name = words::strip_possessive(&text[ws[s].start..ws[e - 1].end]).to_string();
                if let Some(c) = places::country(&name) {
                    country.get_or_insert(c.name.to_string());
                } else if organization.is_none() {
                    organization = Some(name);
                }
                j = e;
                continue;
            }
        }
        j += 1;
    }
    // a country or demonym inside the phrase before the head (`a South Korean official`)
    if country.is_none() {
        for a in 0..h {
            for b in (a..h.min(a + 2)).rev() {
                let p = &text[ws[a].start..ws[b].end];
                if let Some(c) = places::demonym(p).or_else(|| if words::is_possessive(p) { places::country(p) } else { None }) {
                    country = Some(c.name.to_string());
                }
            }
        }
    }
    Some(Role { title, organization, country, span: Span::new(off, ws.last().map(|w| w.end).unwrap_or(phrase_end)) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_split() {
        assert_eq!(split_title("President Lee"), (Some("President"), "Lee"));
        assert_eq!(split_title("Prime Minister Sanae Takaichi"), (Some("Prime Minister"), "Sanae Takaichi"));
        assert_eq!(split_title("Lee"), (None, "Lee"));
        assert_eq!(split_title("President"), (None, "President"));
    }
}
