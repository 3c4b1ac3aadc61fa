//! Time expressions with TIMEX3 types and ISO values. (Placeholder.)

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::span::Span;

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum TimeType {
    /// A calendar date or period (`Friday`, `December 2024`, `1910-45`).
    Date,
    /// A time of day.
    Time,
    /// A length of time (`six years`).
    Duration,
    /// A recurrence (`every week`).
    Set,
}

/// A time expression.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct TimeExpr {
    /// As printed.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimeType,
    /// TIMEX3 value (`2026-01-13`, `P6Y`, `2024-12`); relative forms stay unresolved without a reference date.
    pub value: Option<String>,
}

/// A calendar date used as the reference for relative expressions.
pub type RefDate = (i32, u32, u32);

/// Find time expressions in `doc`'s regions, resolved against `reference` when given.
pub fn extract(_text: &str, _doc: &Document, _reference: Option<RefDate>) -> Vec<TimeExpr> {
    Vec::new()
}
