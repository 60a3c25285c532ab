//! A search request as a caller writes it, and its validation into a
//! [`Query`] the archive can run.
//!
//! A [`Request`] is loose: facet values are strings, dates are text, paging
//! is optional. [`Request::check`] turns it into a [`Query`] or refuses it
//! with a [`RequestError`] naming the field and what was expected, so a
//! partner who writes `from: "banana"` learns which field is wrong.
//!
//! JavaScript objects are read one field at a time through [`Request::set`]
//! with an [`Input`] (the shape of a JS value), so that type mistakes such as
//! `limit: -1`, `limit: "x"` or an unknown field `colour` also name the field.

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::date::{Day, PartialDate, Precision};
use crate::lang::Lang;
use crate::number::decimal;
use crate::vocabulary::{Facet, PerFacet};

/// Results per page when the request does not say.
pub const DEFAULT_LIMIT: u32 = 20;

/// The largest page a request may ask for.
pub const MAX_LIMIT: u32 = 200;

/// What a caller asks of the archive (docs/architecture.md §3). Every field is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Request {
    /// Text typed into the search box; empty matches every statement.
    pub text: String,
    /// The facet values asked for: any value of a facet (OR), every facet
    /// (AND). Years are written `"2015"`; a statement matches when its date
    /// covers any of them.
    pub selection: PerFacet<Vec<String>>,
    /// Earliest day, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (its first day, inclusive).
    pub from: Option<String>,
    /// Latest day, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (its last day, inclusive).
    pub to: Option<String>,
    /// Order of the hits; `relevance` with text, `newest` without, by default.
    pub sort: Option<Sort>,
    /// Hits to skip.
    pub offset: u32,
    /// Hits to return, 1 to [`MAX_LIMIT`]; [`DEFAULT_LIMIT`] by default.
    pub limit: Option<u32>,
    /// Language of date labels: `en`, `es`, `fr` or `id`; English by default.
    pub lang: Option<String>,
}

/// Order of the hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best text match first; ties newest first.
    Relevance,
    /// Latest date first (the reverse of `oldest`).
    Newest,
    /// Earliest date first; for the same first day the more precise date first.
    Oldest,
}

impl Sort {
    /// Every order.
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::Newest, Sort::Oldest];

    /// The name used in requests.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }

    /// The order with this name.
    pub fn from_name(name: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// The shape of one field's value as it arrived, for callers (JavaScript)
/// whose values are not typed.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// `undefined` or `null`: the field is left at its default.
    Absent,
    /// A string.
    Text(String),
    /// A number.
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// An array whose items are all strings.
    List(Vec<String>),
    /// Anything else (an object, an array holding non-strings, …).
    Other,
}

/// Why a request was refused. The message names the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestError {
    /// A field the request does not have.
    UnknownField(String),
    /// A field chronology options do not have.
    UnknownOption(String),
    /// A value of the wrong type or out of range.
    Expected {
        /// The field.
        field: &'static str,
        /// What it must be.
        expected: &'static str,
    },
    /// A value that is not one of the field's values.
    UnknownValue {
        /// The field.
        field: &'static str,
        /// The value given.
        value: String,
        /// What it must be.
        expected: &'static str,
    },
    /// A date that is not written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    NotADate {
        /// `from` or `to`.
        field: &'static str,
        /// The text given.
        value: String,
    },
    /// A well-formed date that is not in the calendar (`2015-02-30`).
    ImpossibleDate {
        /// `from` or `to`.
        field: &'static str,
        /// The text given.
        value: String,
    },
    /// `to` ends before `from` starts.
    Reversed,
    /// A chronology's `end` comes before its `start`.
    EndBeforeStart,
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.parts().iter().try_for_each(|part| f.write_str(part))
    }
}

impl RequestError {
    /// The message, as [`fmt::Display`] writes it. The JavaScript API uses
    /// this rather than `to_string`, which would bring `core::fmt`'s
    /// machinery into the module (see [`crate::number`]).
    pub fn message(&self) -> String {
        self.parts().concat()
    }

    /// The message in pieces.
    fn parts(&self) -> [&str; 6] {
        match self {
            RequestError::UnknownField(name) => [
                "`",
                name,
                "` is not a request field: expected one of ",
                FIELD_LIST,
                "",
                "",
            ],
            RequestError::UnknownOption(name) => [
                "`",
                name,
                "` is not a chronology option: expected one of \
                 granularity, bins, points, minGapDays, start, end",
                "",
                "",
                "",
            ],
            RequestError::Expected { field, expected } => {
                ["`", field, "`: expected ", expected, "", ""]
            }
            RequestError::UnknownValue {
                field,
                value,
                expected,
            } => [
                "`",
                field,
                "`: unknown value `",
                value,
                "`: expected ",
                expected,
            ],
            RequestError::NotADate { field, value } => [
                "`",
                field,
                "`: `",
                value,
                "` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD",
                "",
            ],
            RequestError::ImpossibleDate { field, value } => [
                "`",
                field,
                "`: `",
                value,
                "` is not a day of the calendar",
                "",
            ],
            RequestError::Reversed => ["`to` is before `from`", "", "", "", "", ""],
            RequestError::EndBeforeStart => ["`end` is before `start`", "", "", "", "", ""],
        }
    }
}

impl std::error::Error for RequestError {}

/// [`FIELDS`] as one string, for messages (joining at run time costs code size).
const FIELD_LIST: &str =
    "text, kind, topic, place, organization, person, year, from, to, sort, offset, limit, lang";

/// The fields of a request, as named in JavaScript.
pub const FIELDS: [&str; 13] = [
    "text",
    "kind",
    "topic",
    "place",
    "organization",
    "person",
    "year",
    "from",
    "to",
    "sort",
    "offset",
    "limit",
    "lang",
];

const A_STRING: &str = "a string";
const A_DATE: &str = "a date (YYYY, YYYY-MM or YYYY-MM-DD) or a year as a number";
const STRINGS: &str = "an array of strings";
const OFFSET: &str = "a whole number, 0 or more";
const LIMIT: &str = "a whole number from 1 to 200";
const SORTS: &str = "relevance, newest or oldest";
const LANGS: &str = "en, es, fr or id";
const FACET_VALUE: &str = "a value listed by `facets()`";

/// A request checked against an archive: every value known, dates parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// Text for the full-text index (may be empty).
    pub text: String,
    /// For each facet of [`Facet::ALL`], the positions of the selected values
    /// among that facet's values, sorted, without repeats. Empty: no filter.
    pub selected: PerFacet<Vec<u32>>,
    /// First day of the date range.
    pub from: Option<Day>,
    /// Last day of the date range.
    pub to: Option<Day>,
    /// Requested order; `None` lets the archive pick by whether text was given.
    pub sort: Option<Sort>,
    /// Hits to skip.
    pub offset: usize,
    /// Hits to return.
    pub limit: usize,
    /// Language of labels.
    pub lang: Lang,
}

impl Request {
    /// Sets the field named `field` from an untyped value, refusing unknown
    /// fields and values of the wrong type. [`Input::Absent`] leaves the
    /// field at its default.
    pub fn set(&mut self, field: &str, value: Input) -> Result<(), RequestError> {
        if let Some(facet) = Facet::from_name(field) {
            let list = self.selection.get_mut(facet);
            *list = match value {
                Input::Absent => Vec::new(),
                Input::List(items) => items,
                _ => {
                    return Err(RequestError::Expected {
                        field: facet.as_str(),
                        expected: STRINGS,
                    })
                }
            };
            return Ok(());
        }
        match field {
            "text" => self.text = optional_text("text", value, A_STRING)?.unwrap_or_default(),
            "from" => self.from = optional_text("from", year_as_text(value), A_DATE)?,
            "to" => self.to = optional_text("to", year_as_text(value), A_DATE)?,
            "lang" => self.lang = optional_text("lang", value, A_STRING)?,
            "sort" => {
                self.sort = match optional_text("sort", value, A_STRING)? {
                    None => None,
                    Some(name) => {
                        Some(Sort::from_name(&name).ok_or(RequestError::UnknownValue {
                            field: "sort",
                            value: name,
                            expected: SORTS,
                        })?)
                    }
                }
            }
            "offset" => {
                self.offset = match value {
                    Input::Absent => 0,
                    Input::Number(n) => whole(n).ok_or(RequestError::Expected {
                        field: "offset",
                        expected: OFFSET,
                    })?,
                    _ => {
                        return Err(RequestError::Expected {
                            field: "offset",
                            expected: OFFSET,
                        })
                    }
                }
            }
            "limit" => {
                let limit_error = RequestError::Expected {
                    field: "limit",
                    expected: LIMIT,
                };
                self.limit = match value {
                    Input::Absent => None,
                    Input::Number(n) => Some(whole(n).ok_or(limit_error)?),
                    _ => return Err(limit_error),
                }
            }
            other => return Err(RequestError::UnknownField(other.into())),
        }
        Ok(())
    }

    /// Checks every field. `lookup` gives the position of a value among a
    /// facet's values, or `None` when the facet has no such value.
    /// (A `dyn` reference keeps one copy of this code in the wasm module.)
    pub fn check(
        &self,
        lookup: &dyn Fn(Facet, &str) -> Option<u32>,
    ) -> Result<Query, RequestError> {
        let mut selected: PerFacet<Vec<u32>> = PerFacet::default();
        for facet in Facet::ALL {
            let slot = selected.get_mut(facet);
            for value in self.selection.get(facet) {
                let position = lookup(facet, value).ok_or_else(|| RequestError::UnknownValue {
                    field: facet.as_str(),
                    value: value.clone(),
                    expected: FACET_VALUE,
                })?;
                // Kept sorted by insertion: selections are a handful of values.
                if let Err(at) = slot.binary_search(&position) {
                    slot.insert(at, position);
                }
            }
        }
        let from = self
            .from
            .as_deref()
            .map(|t| parse_bound("from", t).map(|d| d.start()))
            .transpose()?;
        let to = self
            .to
            .as_deref()
            .map(|t| parse_bound("to", t).map(|d| d.end()))
            .transpose()?;
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                return Err(RequestError::Reversed);
            }
        }
        let limit = match self.limit {
            None => DEFAULT_LIMIT,
            Some(n) if (1..=MAX_LIMIT).contains(&n) => n,
            Some(_) => {
                return Err(RequestError::Expected {
                    field: "limit",
                    expected: LIMIT,
                })
            }
        };
        let lang = parse_lang(self.lang.as_deref())?;
        Ok(Query {
            text: self.text.clone(),
            selected,
            from,
            to,
            sort: self.sort,
            offset: usize::try_from(self.offset).unwrap_or(usize::MAX),
            limit: usize::try_from(limit).unwrap_or(usize::MAX),
            lang,
        })
    }
}

/// The language of an optional `lang` field (English when absent).
pub fn parse_lang(tag: Option<&str>) -> Result<Lang, RequestError> {
    match tag {
        None => Ok(Lang::default()),
        Some(tag) => Lang::from_tag(tag).ok_or_else(|| RequestError::UnknownValue {
            field: "lang",
            value: tag.into(),
            expected: LANGS,
        }),
    }
}

/// A string field: a string, or absent; `expected` says what else is wrong.
fn optional_text(
    field: &'static str,
    value: Input,
    expected: &'static str,
) -> Result<Option<String>, RequestError> {
    match value {
        Input::Absent => Ok(None),
        Input::Text(text) => Ok(Some(text)),
        _ => Err(RequestError::Expected { field, expected }),
    }
}

/// A date field's value with a year given as a number (`from: 2015`) read
/// as its digits.
fn year_as_text(value: Input) -> Input {
    match value {
        Input::Number(n) => whole_text(n).map_or(Input::Number(n), Input::Text),
        other => other,
    }
}

/// A whole number as the text a request field holds (`2015` → `"2015"`), so
/// a developer may pass `year: [2015]` as readily as `year: ["2015"]`.
pub fn whole_text(n: f64) -> Option<String> {
    whole(n).map(|n| decimal(n.into()))
}

/// `n` as a `u32` when it is a whole number in range.
pub(crate) fn whole(n: f64) -> Option<u32> {
    let in_range = n.is_finite() && n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n);
    // The cast is exact: `n` is whole and within `u32`.
    in_range.then_some(n as u32)
}

/// One end of a date range: a single day, month or year (not a range).
pub(crate) fn parse_bound(field: &'static str, text: &str) -> Result<PartialDate, RequestError> {
    use crate::date::DateError;
    let not_a_date = || RequestError::NotADate {
        field,
        value: text.into(),
    };
    match PartialDate::parse(text) {
        Ok(date) if date.precision() == Precision::Range => Err(not_a_date()),
        Ok(date) => Ok(date),
        Err(DateError::Impossible(_)) => Err(RequestError::ImpossibleDate {
            field,
            value: text.into(),
        }),
        Err(_) => Err(not_a_date()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(facet: Facet, value: &str) -> Option<u32> {
        match (facet, value) {
            (Facet::Topic, "rohingya") => Some(3),
            (Facet::Topic, "gcm") => Some(1),
            (Facet::Year, "2015") => Some(0),
            _ => None,
        }
    }

    fn message(request: &Request) -> String {
        request.check(&lookup).unwrap_err().to_string()
    }

    #[test]
    fn the_field_list_names_every_field() {
        assert_eq!(FIELD_LIST, FIELDS.join(", "));
    }

    #[test]
    fn an_empty_request_gives_the_defaults() {
        let q = Request::default().check(&lookup).unwrap();
        assert_eq!(q.limit, 20);
        assert_eq!(q.offset, 0);
        assert_eq!(q.sort, None);
        assert_eq!(q.lang, Lang::En);
        assert!(q.selected.is_empty());
    }

    #[test]
    fn selections_resolve_sorted_without_repeats() {
        let request = Request {
            selection: PerFacet {
                topic: vec!["rohingya".into(), "gcm".into(), "rohingya".into()],
                ..PerFacet::default()
            },
            ..Request::default()
        };
        let q = request.check(&lookup).unwrap();
        assert_eq!(q.selected.topic, [1, 3]);
    }

    #[test]
    fn errors_name_the_field_and_what_was_expected() {
        let r = |f: fn(&mut Request)| {
            let mut request = Request::default();
            f(&mut request);
            message(&request)
        };
        assert_eq!(
            r(|r| r.from = Some("banana".into())),
            "`from`: `banana` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"
        );
        assert_eq!(
            r(|r| r.to = Some("2015-01/2015-02".into())),
            "`to`: `2015-01/2015-02` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"
        );
        assert_eq!(
            r(|r| r.to = Some("2015-02-30".into())),
            "`to`: `2015-02-30` is not a day of the calendar"
        );
        assert_eq!(
            r(|r| r.selection.topic = vec!["x".into()]),
            "`topic`: unknown value `x`: expected a value listed by `facets()`"
        );
        assert!(r(|r| r.selection.year = vec!["2019".into()])
            .starts_with("`year`: unknown value `2019`"));
        assert_eq!(
            r(|r| {
                r.from = Some("2016".into());
                r.to = Some("2015-12-31".into());
            }),
            "`to` is before `from`"
        );
        assert_eq!(
            r(|r| r.limit = Some(0)),
            "`limit`: expected a whole number from 1 to 200"
        );
        assert_eq!(
            r(|r| r.limit = Some(201)),
            "`limit`: expected a whole number from 1 to 200"
        );
        assert!(r(|r| r.lang = Some("de".into())).starts_with("`lang`: unknown value `de`"));
    }

    #[test]
    fn a_range_within_one_period_is_allowed() {
        let request = Request {
            from: Some("2017-07".into()),
            to: Some("2017-07".into()),
            ..Request::default()
        };
        let q = request.check(&lookup).unwrap();
        assert_eq!(q.from.unwrap().to_string(), "2017-07-01");
        assert_eq!(q.to.unwrap().to_string(), "2017-07-31");
    }

    #[test]
    fn years_may_be_given_as_numbers() {
        let mut r = Request::default();
        r.set("from", Input::Number(2015.0)).unwrap();
        r.set("to", Input::Number(2016.0)).unwrap();
        assert_eq!(
            (r.from.as_deref(), r.to.as_deref()),
            (Some("2015"), Some("2016"))
        );
        let query = r.check(&lookup).unwrap();
        assert_eq!(query.from.map(|d| d.to_string()), Some("2015-01-01".into()));
        assert_eq!(query.to.map(|d| d.to_string()), Some("2016-12-31".into()));
        for bad in [2015.5, -1.0, f64::NAN] {
            assert_eq!(
                r.set("from", Input::Number(bad)).unwrap_err().to_string(),
                "`from`: expected a date (YYYY, YYYY-MM or YYYY-MM-DD) or a year as a number"
            );
        }
        assert_eq!(whole_text(2015.0).as_deref(), Some("2015"));
        assert_eq!(whole_text(0.5), None);
    }

    #[test]
    fn untyped_values_are_checked_per_field() {
        let mut r = Request::default();
        let set = |r: &mut Request, f: &str, v: Input| r.set(f, v).unwrap_err().to_string();
        assert_eq!(
            set(&mut r, "limit", Input::Number(-1.0)),
            "`limit`: expected a whole number from 1 to 200"
        );
        assert_eq!(
            set(&mut r, "limit", Input::Number(2.5)),
            "`limit`: expected a whole number from 1 to 200"
        );
        assert_eq!(
            set(&mut r, "limit", Input::Text("x".into())),
            "`limit`: expected a whole number from 1 to 200"
        );
        assert_eq!(
            set(&mut r, "offset", Input::Number(f64::NAN)),
            "`offset`: expected a whole number, 0 or more"
        );
        assert_eq!(
            set(&mut r, "topic", Input::Text("rohingya".into())),
            "`topic`: expected an array of strings"
        );
        assert_eq!(
            set(&mut r, "text", Input::Number(3.0)),
            "`text`: expected a string"
        );
        assert!(set(&mut r, "colour", Input::Text("red".into()))
            .starts_with("`colour` is not a request field: expected one of text, kind,"));
        assert_eq!(
            set(&mut r, "sort", Input::Text("random".into())),
            "`sort`: unknown value `random`: expected relevance, newest or oldest"
        );

        r.set("limit", Input::Number(50.0)).unwrap();
        r.set("topic", Input::List(vec!["rohingya".into()]))
            .unwrap();
        r.set("sort", Input::Text("oldest".into())).unwrap();
        r.set("from", Input::Absent).unwrap();
        assert_eq!(r.limit, Some(50));
        assert_eq!(r.selection.topic, ["rohingya"]);
        assert_eq!(r.sort, Some(Sort::Oldest));
        assert_eq!(r.from, None);
    }
}
