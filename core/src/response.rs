//! The answer to a search request, as the JavaScript API returns it
//! (docs/architecture.md §3). Plain serializable records; no markup anywhere: snippets
//! are segments of text flagged as matching or not.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::record::{write_heading, DateRecord};
use crate::request::Sort;

// The parts of a response are made, and defined, by the layers below: text
// search, facet counts and the chronology. Re-exported here, where an
// answer is assembled.
pub use crate::chronology::{Bin, Chronology, Gap, Point};
pub use crate::facets::{FacetValue, Facets};
pub use crate::search::{QuerySummary, Segment};

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
