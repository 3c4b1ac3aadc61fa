//! Configuration: [`GleanerBuilder`] validates once; [`Gleaner::parse`] never fails.

use std::ops::ControlFlow;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::error::Error;
use crate::pipeline::Progress;
use crate::rules::time::RefDate;

/// Options as they cross from JS or JSON (`{ referenceDate: "2026-01-09", quotes: false }`).
/// Every field is optional; unknown fields are an error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// Date that relative time expressions are resolved against (`YYYY-MM-DD`). Default: the
    /// dump's own publish date when found, else relative expressions stay unresolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub reference_date: Option<String>,
    /// Find entity mentions and entities (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub entities: Option<bool>,
    /// Find quotes (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub quotes: Option<bool>,
    /// Find time expressions (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub times: Option<bool>,
    /// Find amounts (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub amounts: Option<bool>,
    /// Cluster headlines into stories (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub clusters: Option<bool>,
}

/// Builds a [`Gleaner`], validating its configuration. `GleanerBuilder::default()` is
/// [`GleanerBuilder::new`]: every extractor on.
#[derive(Clone, Debug)]
pub struct GleanerBuilder {
    reference_date: Option<String>,
    entities: bool,
    quotes: bool,
    times: bool,
    amounts: bool,
    clusters: bool,
}

impl Default for GleanerBuilder {
    fn default() -> GleanerBuilder {
        GleanerBuilder::new()
    }
}

impl GleanerBuilder {
    /// A builder with every extractor on and no reference date.
    pub fn new() -> GleanerBuilder {
        GleanerBuilder { reference_date: None, entities: true, quotes: true, times: true, amounts: true, clusters: true }
    }

    /// Resolve relative time expressions against this date (`YYYY-MM-DD`), validated by `build`.
    pub fn reference_date(&mut self, date: &str) -> &mut GleanerBuilder {
        self.reference_date = Some(date.to_string());
        self
    }

    /// Turn entity recognition on or off (quotes' speaker links and clusters use it).
    pub fn entities(&mut self, yes: bool) -> &mut GleanerBuilder {
        self.entities = yes;
        self
    }

    /// Turn quote extraction on or off.
    pub fn quotes(&mut self, yes: bool) -> &mut GleanerBuilder {
        self.quotes = yes;
        self
    }

    /// Turn time expressions on or off.
    pub fn times(&mut self, yes: bool) -> &mut GleanerBuilder {
        self.times = yes;
        self
    }

    /// Turn amounts on or off.
    pub fn amounts(&mut self, yes: bool) -> &mut GleanerBuilder {
        self.amounts = yes;
        self
    }

    /// Turn story clustering on or off.
    pub fn clusters(&mut self, yes: bool) -> &mut GleanerBuilder {
        self.clusters = yes;
        self
    }

    /// Apply an [`Options`] bag (as decoded from JS or JSON).
    pub fn options(&mut self, o: &Options) -> &mut GleanerBuilder {
        if let Some(d) = &o.reference_date {
            self.reference_date(d);
        }
        let flags = [
            (o.entities, &mut self.entities),
            (o.quotes, &mut self.quotes),
            (o.times, &mut self.times),
            (o.amounts, &mut self.amounts),
            (o.clusters, &mut self.clusters),
        ];
        for (v, slot) in flags {
            if let Some(v) = v {
                *slot = v;
            }
        }
        self
    }

    /// Validate and build.
    pub fn build(&self) -> Result<Gleaner, Error> {
        let reference = match &self.reference_date {
            None => None,
            Some(s) => Some(parse_ymd(s).ok_or_else(|| Error::reference_date(s))?),
        };
        Ok(Gleaner {
            reference,
            entities: self.entities,
            quotes: self.quotes,
            times: self.times,
            amounts: self.amounts,
            clusters: self.clusters,
        })
    }
}

/// Parse a strict `YYYY-MM-DD` calendar date (years 1–9999, real month lengths).
pub(crate) fn parse_ymd(s: &str) -> Option<RefDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        if part.bytes().all(|c| c.is_ascii_digit()) { part.parse().ok() } else { None }
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if y == 0 || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y as i32, m) {
        return None;
    }
    Some((y as i32, m, d))
}

/// Days in month `m` of year `y` (proleptic Gregorian).
pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A configured extractor. Cheap to clone; load once, parse many dumps.
#[derive(Clone, Debug)]
pub struct Gleaner {
    pub(crate) reference: Option<RefDate>,
    pub(crate) entities: bool,
    pub(crate) quotes: bool,
    pub(crate) times: bool,
    pub(crate) amounts: bool,
    pub(crate) clusters: bool,
}

impl Default for Gleaner {
    fn default() -> Gleaner {
        Gleaner::new()
    }
}

impl Gleaner {
    /// A gleaner with default options.
    pub fn new() -> Gleaner {
        GleanerBuilder::new().build().expect("default options are valid")
    }

    /// A builder for custom options.
    pub fn builder() -> GleanerBuilder {
        GleanerBuilder::new()
    }

    /// Parse a dump. Never fails and never panics; any string is valid input.
    pub fn parse(&self, text: &str) -> Document {
        self.parse_with_progress(text, &mut |_| {})
    }

    /// Parse a dump, calling `progress` before each stage and once when done.
    pub fn parse_with_progress(&self, text: &str, progress: &mut dyn FnMut(Progress)) -> Document {
        let doc = crate::pipeline::run(self, text, &mut |p| {
            progress(p);
            ControlFlow::Continue(())
        });
        // the callback never breaks, so the pipeline always finishes
        doc.unwrap_or_else(|| Document::empty(text))
    }

    /// [`Gleaner::parse_with_progress`] with a callback that can stop the parse: returning
    /// `ControlFlow::Break(())` gives `None`. A stop asked for within the entities stage takes
    /// effect when that stage ends; later stages do not run.
    pub fn try_parse_with_progress(&self, text: &str, progress: &mut dyn FnMut(Progress) -> ControlFlow<()>) -> Option<Document> {
        crate::pipeline::run(self, text, progress)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_dates() {
        assert_eq!(parse_ymd("2026-01-09"), Some((2026, 1, 9)));
        assert_eq!(parse_ymd("2024-02-29"), Some((2024, 2, 29)));
        for bad in ["2025-02-29", "2026-13-01", "2026-1-09", "26-01-09", "2026-01-00", "", "2026/01/09", "２０２６-01-09"] {
            assert_eq!(parse_ymd(bad), None, "{bad}");
        }
        let e = Gleaner::builder().reference_date("Jan 9").build().unwrap_err();
        assert!(e.to_string().contains("YYYY-MM-DD"), "{e}");
    }

    #[test]
    fn default_builder_is_new() {
        let (d, n) = (GleanerBuilder::default(), GleanerBuilder::new());
        assert_eq!(format!("{d:?}"), format!("{n:?}"));
        let g = GleanerBuilder::default().build().unwrap();
        assert!(g.entities && g.quotes && g.times && g.amounts && g.clusters && g.reference.is_none());
    }

    #[test]
    fn a_progress_callback_can_stop_the_parse() {
        let g = Gleaner::new();
        let text = "-\nOne headline\n-\nTwo headline\n";
        let mut seen = Vec::new();
        let r = g.try_parse_with_progress(text, &mut |p| {
            seen.push(p.stage);
            if p.stage == "quotes" { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        });
        assert!(r.is_none());
        assert_eq!(seen, ["structure", "entities", "quotes"]);
        let full = g.try_parse_with_progress(text, &mut |_| ControlFlow::Continue(())).unwrap();
        assert_eq!(full, g.parse(text));
    }

    #[test]
    fn options_bag_rejects_unknown_fields() {
        let r: Result<Options, _> = serde_json::from_str(r#"{"referenceDate":"2026-01-09","colour":1}"#);
        assert!(r.unwrap_err().to_string().contains("colour"));
        let o: Options = serde_json::from_str(r#"{"referenceDate":"2026-01-09","quotes":false}"#).unwrap();
        let g = Gleaner::builder().options(&o).build().unwrap();
        assert_eq!(g.reference, Some((2026, 1, 9)));
        assert!(!g.quotes && g.times);
    }
}
