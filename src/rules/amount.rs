//! Money, percentages and quantities. (Placeholder.)

use serde::{Deserialize, Serialize};

use crate::document::Document;
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Amount {
    /// As printed.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// What it measures.
    pub kind: AmountKind,
    /// The numeric value (`20000000` for `£20 million`).
    pub value: f64,
    /// ISO 4217 currency code for money.
    pub currency: Option<String>,
    /// The unit or counted noun for quantities (`minutes`, `rhinos`).
    pub unit: Option<String>,
}

/// Find amounts in `doc`'s regions.
pub fn extract(_text: &str, _doc: &Document) -> Vec<Amount> {
    Vec::new()
}
