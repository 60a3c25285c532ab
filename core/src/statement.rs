//! A statement of the archive.

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;
use crate::vocabulary::EntityId;

/// Someone who signed or is the reference for a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    /// Their name, e.g. `Eni Lestari`.
    pub name: String,
    /// Their role as printed, e.g. `IMA Chairperson`.
    pub role: Option<String>,
}

/// One statement, communiqué or news item, with its full text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Stable slug, e.g. `2017-12-04-us-withdrawal-from-gcm`.
    pub id: String,
    /// The headline as published.
    pub title: String,
    /// The tagline many statements carry under the headline.
    pub subtitle: Option<String>,
    /// Slug of its [`Kind`](crate::vocabulary::Kind).
    pub kind: String,
    /// When, as precisely as known.
    pub date: PartialDate,
    /// Why the date is inferred, when it is not printed in the text.
    pub approximate: Option<String>,
    /// Who signed it or is named as its reference.
    pub signatories: Vec<Signatory>,
    /// The source document it was taken from.
    pub source: String,
    /// True when only the opening of the statement is held.
    pub excerpt: bool,
    /// Titles of pages the source links to.
    pub related: Vec<String>,
    /// Entities it is tagged with, sorted.
    pub tags: Vec<EntityId>,
    /// The text, one string per paragraph.
    pub body: Vec<String>,
}

impl Statement {
    /// Whether the date was inferred rather than printed.
    pub fn is_approximate(&self) -> bool {
        self.approximate.is_some()
    }
}
