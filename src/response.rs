//! The answer to a search request, as the JavaScript API returns it
//! (DESIGN.md §3). Plain serializable records; no markup anywhere: snippets
//! are segments of text flagged as matching or not.

use serde::Serialize;

use crate::record::DateRecord;

/// A piece of text, marked when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// The text, verbatim from the statement.
    pub text: String,
    /// Whether it matched a query term or phrase.
    #[serde(rename = "match")]
    pub matched: bool,
}

/// One statement in a result list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hit {
    /// Stable slug.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Tagline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Kind slug.
    pub kind: String,
    /// Kind label.
    pub kind_label: String,
    /// Date.
    pub date: DateRecord,
    /// Relevance (0 without a text query).
    pub score: f32,
    /// The best-matching window of the text, or its opening.
    pub snippet: Vec<Segment>,
    /// Headline split into segments with matches marked.
    pub title_segments: Vec<Segment>,
}

/// One value of a facet with the number of statements it would give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetValue {
    /// The value to put in a request (slug, or the year).
    pub value: String,
    /// Display label.
    pub label: String,
    /// Statements matching the request with this facet's own selection replaced by this value.
    pub count: u32,
    /// Whether the request selects this value.
    pub selected: bool,
}

/// Counts for every facet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    /// Kinds.
    pub kind: Vec<FacetValue>,
    /// Topics.
    pub topic: Vec<FacetValue>,
    /// Places.
    pub place: Vec<FacetValue>,
    /// Organizations.
    pub organization: Vec<FacetValue>,
    /// People.
    pub person: Vec<FacetValue>,
    /// Years.
    pub year: Vec<FacetValue>,
}

/// What the search understood of the text typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct QuerySummary {
    /// Words that must match (as typed, folded).
    pub terms: Vec<String>,
    /// Exact phrases that must match.
    pub phrases: Vec<String>,
    /// Words and phrases that must not match.
    pub excluded: Vec<String>,
    /// What was ignored, and why, e.g. `"the" (common word)`.
    pub ignored: Vec<String>,
}
