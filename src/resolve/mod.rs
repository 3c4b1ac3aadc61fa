//! Mentions → entities: aliases, roles and affiliations, normalised places, salience.
//! (Owned by the entities/quotes/clusters work; placeholder until it lands.)

use serde::{Deserialize, Serialize};

use crate::document::{Document, EntityLabel};
use crate::span::Span;

/// A role or title attached to a person (`President`, `professor`), with what it is of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Role {
    /// The role as printed, lowercased unless it is a title (`President`, `professor`).
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
    /// Salience in [0, 1]: higher ranks the document's main actors first.
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

/// Group `doc.mentions` into `doc.entities` and set each mention's `entity`.
pub fn resolve(_text: &str, _doc: &mut Document) {}
