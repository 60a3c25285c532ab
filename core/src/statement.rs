//! A statement of the archive.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[cfg(ima_symbols)]
use crate::corpus::blob::StoredBody;
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
    /// The text, one string per paragraph (see [`Body::paragraphs`]).
    pub body: Body,
}

/// The text of a statement, one string per paragraph: written out, or, for
/// a statement read from a corpus blob that stores its paragraphs as symbols
/// (a large archive, see [`crate::corpus::blob`]), kept as those symbols and
/// written out each time it is read.
///
/// The text is nearly all of a large archive, and few statements' text is
/// ever read in one visit (a page of snippets, a reading view), so an
/// archive of 10,000 statements loads without writing out 34 MB of
/// paragraphs it would hold twice, as symbols and as text.
#[derive(Clone, Default)]
pub struct Body(Repr);

#[derive(Clone)]
enum Repr {
    Text(Vec<String>),
    #[cfg(ima_symbols)]
    Stored(StoredBody),
}

impl Default for Repr {
    fn default() -> Repr {
        Repr::Text(Vec::new())
    }
}

impl Body {
    /// The paragraphs, in order: borrowed when written out, else written out
    /// now (each call writes them anew; a caller that reads them twice keeps
    /// them).
    pub fn paragraphs(&self) -> Cow<'_, [String]> {
        match &self.0 {
            Repr::Text(paragraphs) => Cow::Borrowed(paragraphs),
            #[cfg(ima_symbols)]
            Repr::Stored(stored) => Cow::Owned(stored.paragraphs()),
        }
    }
}

#[cfg(ima_symbols)]
impl From<StoredBody> for Body {
    fn from(stored: StoredBody) -> Body {
        Body(Repr::Stored(stored))
    }
}

impl From<Vec<String>> for Body {
    fn from(paragraphs: Vec<String>) -> Body {
        Body(Repr::Text(paragraphs))
    }
}

/// Two bodies are equal when their text is, however each is held.
impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        self.paragraphs() == other.paragraphs()
    }
}

impl Eq for Body {}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.paragraphs().iter()).finish()
    }
}

/// A body is serialized as its list of paragraphs.
impl Serialize for Body {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.paragraphs().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Body, D::Error> {
        Vec::<String>::deserialize(deserializer).map(Body::from)
    }
}

impl Statement {
    /// Whether the date was inferred rather than printed.
    pub fn is_approximate(&self) -> bool {
        self.approximate.is_some()
    }
}
