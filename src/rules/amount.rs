//! Money, percentages and quantities.
//!
//! A hand-written scanner over the tokens of each region:
//!
//! * **money**: a currency symbol or code before the number (`£20 million`, `US$5 billion`,
//!   `€300m`, `Rs 500 crore`, `USD 12`), or a currency name or code after it (`2,000 yuan`,
//!   `seventy million dollars`, `3 billion Hong Kong dollars`, `500 EUR`). Symbols, names
//!   and codes come from the CLDR table in `currency_table.rs`, plus the short names news
//!   uses (`dollars` → USD, `pounds` → GBP, `yuan` → CNY, …). `$` is USD, `¥` JPY, `£` GBP.
//! * **percentages**: `109 percent`, `11%`, `3.5 per cent`, `twelve percent`; `2 percentage
//!   points` is a percentage with unit `percentage points`.
//! * **quantities**: a number followed by a unit or a counted noun (`58 minutes`,
//!   `500 rhinos`, `40 yellow tulips` → unit `tulips`, `1.5 million people`) and hyphenated
//!   forms (`10-man` → 10, unit `man`).
//!
//! Values are plain numbers with the multiplier applied (`£20 million` → 20000000,
//! `Rs 500 crore` → 5000000000, `48 cents` → 0.48 USD). Ranges (`$5-6 million`, `10-12%`)
//! give the lower bound as `value` and the upper one as `upper`. Years (`in 2025`), clock
//! times, dates (`Jan. 9`), year ranges, scores (`2-1`) and numbers glued to names
//! (`COVID-19`, `F-35`) are not amounts. Known limits: `pounds` is always GBP (never a
//! weight), `francs` CHF; `hundreds of thousands` and other vague counts are skipped. The
//! scan is linear: each matcher looks a bounded number of tokens ahead.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::rules::currency_table::{CODES, NAMES, SYMBOLS};
use crate::rules::numbers::{number_words, parse_digits, tokenize, Cx, Kind};
use crate::span::Span;

/// What an amount measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum AmountKind {
    /// Money with a currency.
    Money,
    /// A percentage.
    Percent,
    /// A quantity with a unit, or a count of things.
    Quantity,
}

/// A number with what it counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Amount {
    /// As printed.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// What it measures.
    pub kind: AmountKind,
    /// The numeric value with any multiplier applied (`20000000` for `£20 million`, `109` for `109 percent`).
    pub value: f64,
    /// ISO 4217 currency code for money.
    pub currency: Option<String>,
    /// The unit or counted noun for quantities (`minutes`, `rhinos`), `percentage points` for such percentages.
    pub unit: Option<String>,
    /// For a range (`$5-6 million`, `10-12%`), its upper bound; `value` is then the lower one.
    pub upper: Option<f64>,
}

/// Find amounts in `doc`'s regions. Sorted by start, never overlapping; never panics.
pub fn extract(text: &str, doc: &Document) -> Vec<Amount> {
    let mut out: Vec<Amount> = Vec::new();
    let mut toks = Vec::new();
    for r in doc.regions() {
        if text.get(r.span.start..r.span.end).is_none() {
            continue;
        }
        tokenize(text, r.span, &mut toks);
        let cx = Cx { text, toks: &toks };
        let mut i = 0;
        while i < toks.len() {
            match find(&cx, i) {
                Some((s, e, kind, value, upper, currency, unit)) if e > s && e <= toks.len() && value.is_finite() => {
                    let span = Span::new(toks[s].s, toks[e - 1].e);
                    let upper = upper.filter(|u| u.is_finite());
                    out.push(Amount { text: text[span.start..span.end].to_string(), span, kind, value, currency, unit, upper });
                    i = e;
                }
                _ => i += 1,
            }
        }
    }
    out.sort_by_key(|a| (a.span.start, a.span.end));
    let mut kept: Vec<Amount> = Vec::with_capacity(out.len());
    for a in out {
        if kept.last().is_none_or(|k| k.span.end <= a.span.start) {
            kept.push(a);
        }
    }
    kept
}



/// (first token, end token, kind, value, upper bound, currency, unit)
type Found = (usize, usize, AmountKind, f64, Option<f64>, Option<String>, Option<String>);

/// A range's second number glued after a dash (`5-6`, `10–12`): its value and the next index.
/// Only rising ranges count, so scores (`2-1`) are not ranges.
fn range_end(cx: &Cx, j: usize, low: f64) -> Option<(f64, usize)> {
    let glued = matches!(cx.s(j), "-" | "–") && cx.att(j) && cx.att(j + 1) && cx.kind(j + 1) == Some(Kind::Num);
    if !glued || (cx.att(j + 2) && matches!(cx.s(j + 2), "-" | "–")) {
        return None;
    }
    let v = parse_digits(cx.s(j + 1))?;
    (v > low).then_some((v, j + 2))
}

/// Short currency names as news writes them.
const SHORT_NAMES: &[(&str, &str)] = &[
    ("baht", "THB"),
    ("dirham", "AED"),
    ("dirhams", "AED"),
    ("dlrs", "USD"),
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("forint", "HUF"),
    ("franc", "CHF"),
    ("francs", "CHF"),
    ("hryvnia", "UAH"),
    ("hryvnias", "UAH"),
    ("lira", "TRY"),
    ("naira", "NGN"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("rand", "ZAR"),
    ("renminbi", "CNY"),
    ("ringgit", "MYR"),
    ("riyal", "SAR"),
    ("riyals", "SAR"),
    ("rouble", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rubles", "RUB"),
    ("rupee", "INR"),
    ("rupees", "INR"),
    ("rupiah", "IDR"),
    ("shekel", "ILS"),
    ("shekels", "ILS"),
    ("sterling", "GBP"),
    ("won", "KRW"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("zloty", "PLN"),
    ("zlotys", "PLN"),
];

/// Letter prefixes glued to `$` that CLDR does not list.
const DOLLAR_PREFIXES: &[(&str, &str)] =
    &[("AU", "AUD"), ("C", "CAD"), ("HK", "HKD"), ("NZ", "NZD"), ("S", "SGD"), ("SG", "SGD"), ("US", "USD")];

fn lookup<'t>(table: &'t [(&'t str, &'t str)], key: &str) -> Option<&'t str> {
    table.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| table[i].1)
}

/// A currency written before the number: returns the code and the index of the number.
fn currency_before(cx: &Cx, i: usize) -> Option<(String, usize)> {
    let s = cx.s(i);
    match cx.kind(i)? {
        Kind::Punct => {
            let code = lookup(SYMBOLS, s)?;
            Some((code.to_string(), i + 1))
        }
        Kind::Word => {
            // `US$`, `HK$`, `CN¥`, `E£`
            if cx.att(i + 1) && cx.kind(i + 1) == Some(Kind::Punct) && s.len() <= 3 && s.chars().all(|c| c.is_ascii_uppercase()) {
                let glued = format!("{s}{}", cx.s(i + 1));
                let code = lookup(SYMBOLS, &glued).or_else(|| if cx.s(i + 1) == "$" { lookup(DOLLAR_PREFIXES, s) } else { None })?;
                return Some((code.to_string(), i + 2));
            }
            // `Rs 500`, `Rs. 500`, `RM 20`, `USD 5`
            let j = if cx.s(i + 1) == "." && cx.att(i + 1) { i + 2 } else { i + 1 };
            if cx.kind(j) != Some(Kind::Num) {
                return None;
            }
            if s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase()) && CODES.binary_search(&s).is_ok() {
                return Some((s.to_string(), j));
            }
            if s.chars().count() >= 2 {
                if let Some(code) = lookup(SYMBOLS, s) {
                    return Some((code.to_string(), j));
                }
            }
            None
        }
        Kind::Num => None,
    }
}

/// Subunits after a number: (name, code, factor).
const SUBUNITS: &[(&str, &str, f64)] = &[("cent", "USD", 0.01), ("cents", "USD", 0.01), ("pence", "GBP", 0.01)];

/// A currency written after the number: returns the code, the index after it, and the
/// factor to apply (`48 cents` → 0.48 USD).
fn currency_after(cx: &Cx, j: usize) -> Option<(String, usize, f64)> {
    let s = cx.s(j);
    if cx.kind(j) == Some(Kind::Word) && !cx.is(j.wrapping_sub(1), "per") {
        if let Some((_, code, f)) = SUBUNITS.iter().find(|(n, _, _)| n.eq_ignore_ascii_case(s)) {
            return Some((code.to_string(), j + 1, *f));
        }
    }
    currency_word(cx, j).map(|(c, e)| (c, e, 1.0))
}

/// A currency name or code at `j`: returns the code and the index after it.
fn currency_word(cx: &Cx, j: usize) -> Option<(String, usize)> {
    // longest CLDR name of up to three words (`Hong Kong dollars`, `US dollars`, `euros`)
    for n in (1..=3).rev() {
        if (j..j + n).any(|k| cx.kind(k) != Some(Kind::Word) || (k > j && !cx.toks[k].sp)) {
            continue;
        }
        let key = (j..j + n).map(|k| cx.s(k).to_lowercase()).collect::<Vec<_>>().join(" ");
        if let Some(code) = lookup(NAMES, &key) {
            return Some((code.to_string(), j + n));
        }
    }
    let s = cx.s(j);
    if cx.kind(j) == Some(Kind::Word) {
        if let Some(code) = lookup(SHORT_NAMES, &s.to_lowercase()) {
            // `pounds sterling`
            let e = if code == "GBP" && cx.is(j + 1, "sterling") { j + 2 } else { j + 1 };
            return Some((code.to_string(), e));
        }
        if s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase()) && CODES.binary_search(&s).is_ok() {
            return Some((s.to_string(), j + 1));
        }
    }
    None
}

/// A number at `i`: digits (`2,000`, `1.5`), number words (`seventy`), or `a` before a
/// multiplier (`a million`). Returns the value and the next index.
fn number(cx: &Cx, i: usize) -> Option<(f64, usize)> {
    match cx.kind(i)? {
        Kind::Num => {
            let v = parse_digits(cx.s(i))?;
            Some((v, i + 1))
        }
        Kind::Word if cx.is(i, "a") || cx.is(i, "an") => {
            multiplier(cx, i + 1, false)?;
            Some((1.0, i + 1))
        }
        Kind::Word => number_words(cx.text, cx.toks, i),
        Kind::Punct => None,
    }
}

/// A multiplier word after a number (`million`, `bn`, glued `m` when `money`).
fn multiplier(cx: &Cx, j: usize, money: bool) -> Option<(f64, usize)> {
    if cx.kind(j) != Some(Kind::Word) {
        return None;
    }
    let s = cx.s(j).to_ascii_lowercase();
    let m = match s.as_str() {
        "thousand" => 1e3,
        "million" | "millions" | "mn" | "mln" => 1e6,
        "billion" | "billions" | "bn" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" => 1e12,
        "crore" | "crores" => 1e7,
        "lakh" | "lakhs" => 1e5,
        "m" if money && cx.att(j) => 1e6,
        "b" if money && cx.att(j) => 1e9,
        "k" if money && cx.att(j) => 1e3,
        _ => return None,
    };
    Some((m, j + 1))
}

/// Words after a number that are not what it counts.
const NOT_UNITS: &[&str] = &[
    "a", "about", "across", "after", "against", "ago", "all", "also", "among", "an", "and", "are", "around", "as", "at",
    "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "down", "during", "each", "either", "for", "from", "had", "has", "have", "he", "her", "his", "if", "in", "into",
    "is", "it", "its", "less", "more", "most", "much", "must", "no", "nor", "not", "of", "off", "on", "or", "other",
    "others", "our", "out", "over", "per", "percent", "plus", "said", "says", "she", "should", "since", "so", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "thus", "times", "to",
    "too", "under", "unless", "until", "up", "upon", "us", "versus", "via", "was", "were", "what", "when", "where",
    "which", "while", "who", "whom", "whose", "will", "with", "within", "would", "yes", "yet", "you", "its", "always",
    "perhaps", "besides", "towards", "news", "whereas", "afterwards", "sometimes", "minus", "th", "st", "nd", "rd",
    "gas", "alias", "bias", "chaos", "canvas", "lens",
];

/// Units that are not plural-looking (`km`, `kg`) or are worth naming.
const UNITS: &[&str] = &[
    "acre", "barrel", "bpd", "cm", "day", "degree", "feet", "foot", "ft", "gallon", "gram", "hectare", "hour", "inch",
    "kg", "kilogram", "kilometre", "kilometer", "km", "kmh", "knot", "kph", "kw", "kwh", "lb", "lbs", "litre", "liter",
    "metre", "meter", "mile", "minute", "mm", "month", "mph", "mw", "ounce", "people", "second", "sq", "tonne", "ton",
    "week", "year", "gw", "mwh", "gwh", "children", "men", "women", "police", "staff", "personnel", "cattle",
];

fn is_unit_word(w: &str) -> bool {
    let l = w.to_lowercase();
    if NOT_UNITS.contains(&l.as_str()) {
        return false;
    }
    if UNITS.contains(&l.as_str()) {
        return true;
    }
    l.len() >= 3 && l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us") && !l.ends_with("is") && !l.ends_with("ous")
}

const MONTH_WORDS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december",
];

fn find(cx: &Cx, i: usize) -> Option<Found> {
    // money with the currency first
    if let Some((code, j)) = currency_before(cx, i) {
        if let Some((v, k)) = number(cx, j).filter(|_| cx.kind(j) == Some(Kind::Num)) {
            let (v2, k) = match range_end(cx, k, v) {
                Some((v2, k)) => (Some(v2), k),
                None => (None, k),
            };
            let (m, e) = multiplier(cx, k, true).unwrap_or((1.0, k));
            return Some((i, e, AmountKind::Money, v * m, v2.map(|v2| v2 * m), Some(code), None));
        }
    }
    let (v, j) = number(cx, i)?;
    let num_tok = cx.kind(i) == Some(Kind::Num);
    if num_tok {
        let s = cx.s(i);
        // a number glued to a word or to another number is part of something else
        let p = i.wrapping_sub(1);
        if cx.att(i) && (cx.kind(p) == Some(Kind::Word) || cx.kind(p) == Some(Kind::Num)) {
            return None;
        }
        // `COVID-19`, `G-7`: a number glued to a name
        if cx.att(i) && matches!(cx.s(p), "-" | "‑") && cx.att(p) && cx.kind(p.wrapping_sub(1)) == Some(Kind::Word) {
            return None;
        }
        // `1910-45`: the second year of a range
        if cx.att(i) && matches!(cx.s(p), "-" | "–" | "/") && cx.kind(p.wrapping_sub(1)) == Some(Kind::Num) {
            return None;
        }
        // `Jan. 9`, `January 9`
        let q = if cx.s(p) == "." { p.wrapping_sub(1) } else { p };
        if MONTH_WORDS.iter().any(|m| m.eq_ignore_ascii_case(cx.s(q))) && s.len() <= 2 {
            return None;
        }
        // a year: four digits, no separators, 1800..2100
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && (1800.0..=2100.0).contains(&v) {
            return None;
        }
    }
    // a range `10-12%`, `3-4 days`: the upper bound scales like the value
    let negative = cx.att(i) && matches!(cx.s(i.wrapping_sub(1)), "-" | "−");
    let (ratio, j) = match range_end(cx, j, v).filter(|_| num_tok && v > 0.0 && !negative) {
        Some((v2, k)) => (Some(v2 / v), k),
        None => (None, j),
    };
    let hi = |x: f64| ratio.map(|r| x * r);
    // negative sign glued before a digit number (`-3%`) after a space
    let (start, v) = if num_tok && cx.att(i) && matches!(cx.s(i.wrapping_sub(1)), "-" | "−") && !cx.att(i.wrapping_sub(1)) {
        (i - 1, -v)
    } else {
        (i, v)
    };
    // glued `m`/`bn`/`k` count as multipliers before money words and counted nouns (`1.5m people`)
    let (m, k) = multiplier(cx, j, false)
        .or_else(|| {
            multiplier(cx, j, true).filter(|&(_, k)| {
                cx.toks.get(k).is_some_and(|t| t.sp) && ((cx.lower_word(k) && is_unit_word(cx.s(k))) || currency_after(cx, k).is_some())
            })
        })
        .unwrap_or((1.0, j));
    let v = v * m;
    // percent
    if cx.s(k) == "%" {
        return Some((start, k + 1, AmountKind::Percent, v, hi(v), None, None));
    }
    if cx.is(k, "percent") || cx.is(k, "pct") {
        return Some((start, k + 1, AmountKind::Percent, v, hi(v), None, None));
    }
    if cx.is(k, "per") && cx.is(k + 1, "cent") {
        return Some((start, k + 2, AmountKind::Percent, v, hi(v), None, None));
    }
    if cx.is(k, "percentage") && (cx.is(k + 1, "points") || cx.is(k + 1, "point")) {
        return Some((start, k + 2, AmountKind::Percent, v, hi(v), None, Some("percentage points".to_string())));
    }
    // money with the currency after
    if let Some((code, e, f)) = currency_after(cx, k) {
        return Some((start, e, AmountKind::Money, v * f, hi(v * f), Some(code), None));
    }
    // `one` is a pronoun more often than a count (`one gives`, `one-time`)
    if cx.is(i, "one") && !(cx.kind(k) == Some(Kind::Word) && UNITS.contains(&cx.s(k).to_lowercase().as_str())) {
        return None;
    }
    // glued money multipliers without a currency are not amounts (`300m` could be metres)
    // hyphenated: `10-man`, `two-year`
    if cx.att(k) && matches!(cx.s(k), "-" | "‑") && cx.att(k + 1) && cx.lower_word(k + 1) && !NOT_UNITS.contains(&cx.s(k + 1)) {
        let e = k + 2;
        // `65-year-old`: keep the whole compound as the unit
        if cx.att(e) && cx.s(e) == "-" && cx.att(e + 1) && cx.lower_word(e + 1) {
            let unit = format!("{}-{}", cx.s(k + 1), cx.s(e + 1));
            return Some((start, e + 2, AmountKind::Quantity, v, hi(v), None, Some(unit)));
        }
        return Some((start, e, AmountKind::Quantity, v, hi(v), None, Some(cx.s(k + 1).to_string())));
    }
    // quantity: a unit or counted noun, possibly after one adjective (`40 yellow tulips`)
    if cx.lower_word(k) && is_unit_word(cx.s(k)) {
        return Some((start, k + 1, AmountKind::Quantity, v, hi(v), None, Some(cx.s(k).to_lowercase())));
    }
    if cx.lower_word(k) && cx.toks[k].sp && !NOT_UNITS.contains(&cx.s(k)) && !cx.s(k).ends_with('s') && cx.lower_word(k + 1) && cx.toks[k + 1].sp {
        let n = cx.s(k + 1);
        if is_unit_word(n) && n.ends_with('s') && !cx.s(k).ends_with("ly") && !cx.s(k).ends_with("ed") {
            return Some((start, k + 2, AmountKind::Quantity, v, hi(v), None, Some(n.to_lowercase())));
        }
    }
    // `°C`
    if cx.s(k) == "°" && cx.att(k) && matches!(cx.s(k + 1), "C" | "F") && cx.att(k + 1) {
        return Some((start, k + 2, AmountKind::Quantity, v, hi(v), None, Some(format!("°{}", cx.s(k + 1)))));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted() {
        for t in [SHORT_NAMES, DOLLAR_PREFIXES, NAMES, SYMBOLS] {
            assert!(t.windows(2).all(|w| w[0].0 < w[1].0), "{:?}", t.windows(2).find(|w| w[0].0 >= w[1].0));
        }
        assert!(CODES.windows(2).all(|w| w[0] < w[1]));
    }
}
