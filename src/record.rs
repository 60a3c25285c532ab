//! The plain records the JavaScript API returns (serialized with serde).
//!
//! They are views of the model for one interface language: dates carry a
//! ready label, tags their facet and label. Field names are camelCase.

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
            start: date.start().to_string(),
            end: date.end().to_string(),
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SummaryRecord {
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
    /// Signatories.
    pub signatories: Vec<SignatoryRecord>,
    /// Entity tags, in vocabulary order.
    pub tags: Vec<TagRecord>,
    /// True when only the opening is held.
    pub excerpt: bool,
}

/// A whole statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementRecord {
    /// Metadata.
    #[serde(flatten)]
    pub summary: SummaryRecord,
    /// The text, one string per paragraph.
    pub body: Vec<String>,
    /// The source document's name.
    pub source: String,
    /// Titles of pages the source links to.
    pub related: Vec<String>,
}

impl SummaryRecord {
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
            body: statement.body.clone(),
            source: statement.source.clone(),
            related: statement.related.clone(),
        }
    }
}
