//! The plain records the JavaScript API returns (serialized with serde).
//!
//! They are views of the model for one interface language: dates carry a
//! ready label, tags their facet and label. Field names are camelCase.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::corpus::Corpus;
use crate::date::PartialDate;
use crate::lang::Lang;
use crate::statement::Statement;

/// A date as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DateRecord {
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day (inclusive), `YYYY-MM-DD`.
    pub end: String,
    /// `day`, `month`, `year` or `range`.
    pub precision: &'static str,
    /// Human label in the requested language.
    pub label: String,
    /// True when the date is inferred rather than printed.
    pub approximate: bool,
    /// Why it is inferred, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl DateRecord {
    /// The record of `date`, approximate when `reason` is given.
    pub fn new(date: &PartialDate, reason: Option<&str>, lang: Lang) -> DateRecord {
        DateRecord {
            start: date.start().iso(),
            end: date.end().iso(),
            precision: date.precision().as_str(),
            label: date.label(lang),
            approximate: reason.is_some(),
            reason: reason.map(str::to_owned),
        }
    }
}

/// A facet value attached to a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagRecord {
    /// `topic`, `place`, `organization` or `person`.
    pub facet: &'static str,
    /// The facet value (slug).
    pub value: String,
    /// Display label.
    pub label: String,
}

/// A signatory as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatoryRecord {
    /// Name.
    pub name: String,
    /// Role, when printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A statement's metadata, without its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRecord {
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
    /// Signatories.
    pub signatories: Vec<SignatoryRecord>,
    /// Entity tags, in vocabulary order.
    pub tags: Vec<TagRecord>,
    /// True when only the opening is held.
    pub excerpt: bool,
}

/// A whole statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementRecord {
    /// Metadata, serialized as fields of the statement itself.
    pub summary: SummaryRecord,
    /// The text, one string per paragraph.
    pub body: Vec<String>,
    /// The source document's name.
    pub source: String,
    /// Titles of pages the source links to.
    pub related: Vec<String>,
}

// Both records are serialized by hand so that the statement's fields sit
// beside the summary's without `#[serde(flatten)]`, which goes through a
// map serializer and costs the module about 0.9 KB gzipped.
impl Serialize for SummaryRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("SummaryRecord", 9)?;
        self.write_fields(&mut out)?;
        out.end()
    }
}

impl Serialize for StatementRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("StatementRecord", 12)?;
        self.summary.write_fields(&mut out)?;
        out.serialize_field("body", &self.body)?;
        out.serialize_field("source", &self.source)?;
        out.serialize_field("related", &self.related)?;
        out.end()
    }
}

/// Writes the fields a statement's summary and a search hit open with: `id`,
/// `title`, `subtitle` (left out when there is none), `kind`, `kindLabel`
/// and `date`. Shared so that the module holds this code once; the text
/// arrives as `&String` because serializing a `String` field is code the
/// module has anyway, while a `str` field would be one more copy.
pub(crate) fn write_heading<S: SerializeStruct>(
    out: &mut S,
    id: &String,
    title: &String,
    subtitle: Option<&String>,
    kind: &String,
    kind_label: &String,
    date: &DateRecord,
) -> Result<(), S::Error> {
    out.serialize_field("id", id)?;
    out.serialize_field("title", title)?;
    match subtitle {
        Some(subtitle) => out.serialize_field("subtitle", subtitle)?,
        None => out.skip_field("subtitle")?,
    }
    out.serialize_field("kind", kind)?;
    out.serialize_field("kindLabel", kind_label)?;
    out.serialize_field("date", date)
}

impl SummaryRecord {
    /// Writes the summary's fields (camelCase, no `subtitle` when there is
    /// none) into a record being serialized.
    fn write_fields<S: SerializeStruct>(&self, out: &mut S) -> Result<(), S::Error> {
        write_heading(
            out,
            &self.id,
            &self.title,
            self.subtitle.as_ref(),
            &self.kind,
            &self.kind_label,
            &self.date,
        )?;
        out.serialize_field("signatories", &self.signatories)?;
        out.serialize_field("tags", &self.tags)?;
        out.serialize_field("excerpt", &self.excerpt)
    }

    /// The metadata record of `statement`.
    pub fn new(corpus: &Corpus, statement: &Statement, lang: Lang) -> SummaryRecord {
        let vocabulary = &corpus.vocabulary;
        let kind_label = vocabulary
            .kind(&statement.kind)
            .map_or_else(|| statement.kind.clone(), |k| k.label.clone());
        let tags = statement
            .tags
            .iter()
            .filter_map(|id| vocabulary.entity(*id))
            .map(|e| TagRecord {
                facet: e.facet.as_str(),
                value: e.slug.clone(),
                label: e.label.clone(),
            })
            .collect();
        SummaryRecord {
            id: statement.id.clone(),
            title: statement.title.clone(),
            subtitle: statement.subtitle.clone(),
            kind: statement.kind.clone(),
            kind_label,
            date: DateRecord::new(&statement.date, statement.approximate.as_deref(), lang),
            signatories: statement
                .signatories
                .iter()
                .map(|s| SignatoryRecord {
                    name: s.name.clone(),
                    role: s.role.clone(),
                })
                .collect(),
            tags,
            excerpt: statement.excerpt,
        }
    }
}

impl StatementRecord {
    /// The full record of `statement`.
    pub fn new(corpus: &Corpus, statement: &Statement, lang: Lang) -> StatementRecord {
        StatementRecord {
            summary: SummaryRecord::new(corpus, statement, lang),
            body: statement.body.paragraphs().into_owned(),
            source: statement.source.clone(),
            related: statement.related.clone(),
        }
    }
}
