//! The answer to a search request, as the JavaScript API returns it
//! (docs/architecture.md §3). Plain serializable records; no markup anywhere: snippets
//! are segments of text flagged as matching or not.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::chronology::Granularity;
use crate::record::{write_heading, DateRecord};
use crate::request::Sort;
use crate::vocabulary::PerFacet;

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
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Stable slug.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Tagline.
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

// Serialized by hand to share its opening fields' code with the statement
// records' (see `record::write_heading`).
impl Serialize for Hit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Hit", 9)?;
        write_heading(
            &mut out,
            &self.id,
            &self.title,
            self.subtitle.as_ref(),
            &self.kind,
            &self.kind_label,
            &self.date,
        )?;
        out.serialize_field("score", &self.score)?;
        out.serialize_field("snippet", &self.snippet)?;
        out.serialize_field("titleSegments", &self.title_segments)?;
        out.end()
    }
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
pub type Facets = PerFacet<Vec<FacetValue>>;

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

/// The answer to [`Archive::search`](crate::archive::Archive::search).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Response {
    /// Statements the request keeps (all pages).
    pub total: u32,
    /// The requested page of them, in the requested order.
    pub hits: Vec<Hit>,
    /// Counts for every facet value, each ignoring its own facet's selection.
    pub facets: Facets,
    /// The time axis with the request's matches per bin.
    pub chronology: Chronology,
    /// What was understood of the text.
    pub query: QuerySummary,
    /// The order the hits are in (`relevance`, `newest` or `oldest`).
    pub sort: Sort,
}

/// The archive on a time axis: bins, empty stretches and statements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Chronology {
    /// Size of each bin: `year`, `month` or `day`.
    pub granularity: Granularity,
    /// First day of the axis, `YYYY-MM-DD` (empty when the archive is).
    pub start: String,
    /// Last day of the axis (inclusive).
    pub end: String,
    /// Consecutive bins from `start` to `end`.
    pub bins: Vec<Bin>,
    /// Runs of empty bins long enough to collapse on the axis.
    pub gaps: Vec<Gap>,
    /// Every statement, oldest first, when asked for (`points: true`).
    pub points: Vec<Point>,
}

/// One period of the time axis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bin {
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day (inclusive).
    pub end: String,
    /// Short label: `2015`, `May 2015`, `18 December 2016`.
    pub label: String,
    /// Statements whose date overlaps the bin.
    pub total: u32,
    /// Of those, the ones the request keeps.
    pub matched: u32,
}

/// A run of bins holding no statement at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Gap {
    /// First day of the first empty bin.
    pub start: String,
    /// Last day of the last empty bin.
    pub end: String,
    /// Index of the first empty bin in `bins`.
    pub first_bin: u32,
    /// Index of the last empty bin in `bins`.
    pub last_bin: u32,
}

/// A statement on the time axis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Point {
    /// Statement id.
    pub id: String,
    /// First day of its date, `YYYY-MM-DD`.
    pub start: String,
    /// Last day (inclusive).
    pub end: String,
    /// `day`, `month`, `year` or `range`: how to draw it.
    pub precision: &'static str,
    /// Whether the date is inferred.
    pub approximate: bool,
    /// Whether the request keeps it.
    pub matched: bool,
}
