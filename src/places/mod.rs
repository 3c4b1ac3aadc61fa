//! Country names, aliases, ISO 3166-1 codes and demonyms.
//!
//! The bulk table (`table.rs`) is generated from the shared lexicons by `gen_table.py`
//! (command in its header). Headline short forms (`S.Africa`, `N.Korea`, `ROK`, `DPRK`…)
//! are hand-written here. Lookups are case-insensitive for names and demonyms, but
//! all-caps short forms (`US`, `UK`, `ROK`) must be printed in capitals so that the
//! pronoun `us` never becomes a country.

use std::collections::HashMap;
use std::sync::OnceLock;

mod table;

use table::COUNTRIES;

/// A country: canonical English name and ISO 3166-1 alpha-2 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Country {
    /// Canonical English name (`South Korea`).
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 (`KR`).
    pub iso2: &'static str,
}

/// Hand-written forms: headline short forms, acronyms, common older names. (form, ISO-2)
static SHORT_FORMS: &[(&str, &str)] = &[
    ("America", "US"),
    ("Britain", "GB"),
    ("Burma", "MM"),
    ("Czech Republic", "CZ"),
    ("DPRK", "KP"),
    ("DR Congo", "CD"),
    ("DRC", "CD"),
    ("Holland", "NL"),
    ("Ivory Coast", "CI"),
    ("Korea", "KR"),
    ("N. Korea", "KP"),
    ("N.Korea", "KP"),
    ("NKorea", "KP"),
    ("PRC", "CN"),
    ("ROK", "KR"),
    ("Russian Federation", "RU"),
    ("S. Africa", "ZA"),
    ("S. Korea", "KR"),
    ("S.Africa", "ZA"),
    ("S.Korea", "KR"),
    ("SAfrica", "ZA"),
    ("SKorea", "KR"),
    ("Swaziland", "SZ"),
    ("The Netherlands", "NL"),
    ("Turkey", "TR"),
    ("U.K.", "GB"),
    ("U.S", "US"),
    ("U.S.", "US"),
    ("U.S.A.", "US"),
    ("UAE", "AE"),
    ("UK", "GB"),
    ("US", "US"),
    ("USA", "US"),
    ("Vatican", "VA"),
];

/// Hand-written demonyms and plural nouns missing from the table. (form, ISO-2)
static EXTRA_DEMONYMS: &[(&str, &str)] = &[
    ("Brit", "GB"),
    ("Briton", "GB"),
    ("Brits", "GB"),
    ("Chinese", "CN"),
    ("Dutch", "NL"),
    ("Filipino", "PH"),
    ("Japanese", "JP"),
    ("Philippine", "PH"),
    ("Russian", "RU"),
    ("Swiss", "CH"),
    ("Ukrainian", "UA"),
    ("Vietnamese", "VN"),
];

struct Index {
    /// lowercase name/alias → country (names, aliases without capitals-only forms)
    names: HashMap<String, Country>,
    /// exact all-caps or dotted short forms → country
    exact: HashMap<&'static str, Country>,
    /// lowercase demonym → country
    demonyms: HashMap<String, Country>,
    /// iso2 → country
    by_code: HashMap<&'static str, Country>,
}

fn is_caps_form(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

fn index() -> &'static Index {
    static IX: OnceLock<Index> = OnceLock::new();
    IX.get_or_init(|| {
        let mut ix = Index { names: HashMap::new(), exact: HashMap::new(), demonyms: HashMap::new(), by_code: HashMap::new() };
        for &(iso2, name, aliases, dems) in COUNTRIES {
            let c = Country { name, iso2 };
            ix.by_code.insert(iso2, c);
            ix.names.insert(name.to_lowercase(), c);
            for &a in aliases {
                if is_caps_form(a) {
                    ix.exact.insert(a, c);
                } else {
                    ix.names.entry(a.to_lowercase()).or_insert(c);
                }
            }
            for &d in dems {
                ix.demonyms.entry(d.to_lowercase()).or_insert(c);
            }
        }
        for &(form, iso2) in SHORT_FORMS {
            if let Some(&c) = ix.by_code.get(iso2) {
                if is_caps_form(form) || form.contains('.') && form.len() <= 6 {
                    ix.exact.insert(form, c);
                } else {
                    ix.names.insert(form.to_lowercase(), c);
                }
            }
        }
        for &(form, iso2) in EXTRA_DEMONYMS {
            if let Some(&c) = ix.by_code.get(iso2) {
                ix.demonyms.insert(form.to_lowercase(), c);
            }
        }
        ix
    })
}

/// Strip a leading `the`, a trailing possessive and surrounding punctuation.
fn clean(s: &str) -> &str {
    let mut s = s.trim().trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' | '‘'));
    for p in ["'s", "’s", "'", "’"] {
        if let Some(t) = s.strip_suffix(p) {
            s = t;
            break;
        }
    }
    for p in ["the ", "The "] {
        if let Some(t) = s.strip_prefix(p) {
            s = t;
        }
    }
    s.trim()
}

/// The country named by `s` (`South Korea`, `S.Africa`, `ROK`, `U.S.`, `Britain`), if any.
pub(crate) fn country(s: &str) -> Option<Country> {
    let s = clean(s);
    if s.is_empty() || s.len() > 60 {
        return None;
    }
    let ix = index();
    if let Some(&c) = ix.exact.get(s) {
        return Some(c);
    }
    // Names must start with a capital letter as printed (avoid "turkey", "chad" as words).
    if !s.chars().next().is_some_and(|c| c.is_uppercase()) {
        return None;
    }
    if is_caps_form(s) && s.len() <= 4 {
        return None;
    }
    let norm: String = s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    ix.names.get(&norm).copied()
}

/// The country a demonym or plural people-noun relates to (`Chinese`, `South Korean`, `Iranians`).
pub(crate) fn demonym(s: &str) -> Option<Country> {
    let s = clean(s);
    if !s.chars().next().is_some_and(|c| c.is_uppercase()) || s.len() > 40 {
        return None;
    }
    let ix = index();
    let norm: String = s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    if let Some(&c) = ix.demonyms.get(&norm) {
        return Some(c);
    }
    let sing = norm.strip_suffix('s')?;
    ix.demonyms.get(sing).copied()
}

/// The country with ISO code `iso2`.
#[allow(dead_code)]
pub(crate) fn by_code(iso2: &str) -> Option<Country> {
    index().by_code.get(iso2).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! c {
        ($name:ident, $f:ident, $input:expr, $expected:expr) => {
            #[test]
            fn $name() {
                assert_eq!($f($input).map(|c| c.iso2), $expected);
            }
        };
    }

    c!(full_name, country, "South Korea", Some("KR"));
    c!(headline_short_form, country, "S.Africa", Some("ZA"));
    c!(spaced_short_form, country, "S. Africa", Some("ZA"));
    c!(rok, country, "ROK", Some("KR"));
    c!(dprk, country, "DPRK", Some("KP"));
    c!(us_caps, country, "US", Some("US"));
    c!(us_dotted, country, "U.S.", Some("US"));
    c!(us_pronoun_is_not_a_country, country, "us", None);
    c!(uk, country, "UK", Some("GB"));
    c!(britain, country, "Britain", Some("GB"));
    c!(possessive, country, "Syria's", Some("SY"));
    c!(the_netherlands, country, "the Netherlands", Some("NL"));
    c!(lowercase_common_word, country, "turkey", None);
    c!(city_is_not_a_country, country, "Nara", None);
    c!(demonym_chinese, demonym, "Chinese", Some("CN"));
    c!(demonym_two_words, demonym, "South Korean", Some("KR"));
    c!(demonym_swiss, demonym, "Swiss", Some("CH"));
    c!(demonym_plural, demonym, "Iranians", Some("IR"));
    c!(demonym_polish, demonym, "Polish", Some("PL"));
    c!(not_a_demonym, demonym, "Takaichi", None);
}
