//! The chronology: the archive laid on a time axis.
//!
//! The axis runs from the first day of the oldest statement to the last day
//! of the newest (or over the window [`ChronologyOptions::start`] –
//! [`ChronologyOptions::end`], to zoom in), cut into bins of a year, a month
//! or a day. Each bin counts the statements whose date overlaps it (`total`)
//! and, of those, the ones a request keeps (`matched`); a statement dated to
//! a month or a range counts in every bin it touches. Runs of bins that hold no statement at all and
//! last at least [`ChronologyOptions::min_gap_days`] are reported as gaps,
//! so an axis can collapse them (2018–2022 in the corpus). Points give every
//! statement's span for drawing, in one list, so a chart never asks per
//! statement.

use serde::{Deserialize, Serialize};

use crate::bitset::BitSet;
use crate::date::{days_in_month, Day};
use crate::filter::FilterIndex;
use crate::lang::Lang;
use crate::number::decimal;
use crate::request::{parse_bound, whole, Input, RequestError};
use crate::statement::Statement;

/// Most bins a chronology may have.
pub const MAX_BINS: u32 = 10_000;

/// Bins an `auto` chronology fits in when the options do not say.
pub const DEFAULT_BINS: u32 = 40;

/// Shortest empty stretch, in days, reported as a gap by default.
pub const DEFAULT_MIN_GAP_DAYS: u32 = 365;

/// The size of a bin.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A calendar year.
    #[default]
    Year,
    /// A calendar month.
    Month,
    /// A day.
    Day,
}

impl Granularity {
    /// The name used in options and responses.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Year => "year",
            Granularity::Month => "month",
            Granularity::Day => "day",
        }
    }

    /// A number that grows by one from each bin to the next.
    fn unit(self, day: Day) -> i64 {
        match self {
            Granularity::Year => i64::from(day.year),
            Granularity::Month => i64::from(day.year) * 12 + i64::from(day.month) - 1,
            Granularity::Day => i64::from(day.ordinal()),
        }
    }

    /// First and last day of the bin numbered `unit`.
    fn bounds(self, unit: i64) -> Option<(Day, Day)> {
        match self {
            Granularity::Year => {
                let y = u16::try_from(unit).ok()?;
                Some((Day::new(y, 1, 1)?, Day::new(y, 12, 31)?))
            }
            Granularity::Month => {
                let y = u16::try_from(unit.div_euclid(12)).ok()?;
                let m = u8::try_from(unit.rem_euclid(12) + 1).ok()?;
                Some((Day::new(y, m, 1)?, Day::new(y, m, days_in_month(y, m))?))
            }
            Granularity::Day => {
                let d = Day::from_ordinal(i32::try_from(unit).ok()?);
                Some((d, d))
            }
        }
    }

    /// The bin's label in `lang`: `2015`, `May 2015`, `18 May 2015`.
    fn label(self, day: Day, lang: Lang) -> String {
        match self {
            Granularity::Year => decimal(day.year.into()),
            Granularity::Month => lang.month_year(day.month, day.year),
            Granularity::Day => lang.day_month_year(day.day, day.month, day.year),
        }
    }
}

/// How to draw the chronology.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChronologyOptions {
    /// Size of the bins; `None` (`auto`) picks the finest that fits in `bins`.
    pub granularity: Option<Granularity>,
    /// How many bins `auto` may use, 1 to [`MAX_BINS`].
    pub bins: u32,
    /// Whether to list every statement as a point.
    pub points: bool,
    /// Shortest run of empty bins, in days, reported as a gap.
    pub min_gap_days: u32,
    /// First day of the axis, to zoom in; the oldest statement's by default.
    pub start: Option<Day>,
    /// Last day of the axis; the newest statement's by default.
    pub end: Option<Day>,
}

impl Default for ChronologyOptions {
    fn default() -> ChronologyOptions {
        ChronologyOptions {
            granularity: None,
            bins: DEFAULT_BINS,
            points: false,
            min_gap_days: DEFAULT_MIN_GAP_DAYS,
            start: None,
            end: None,
        }
    }
}

/// The option fields, as named in JavaScript.
pub const OPTION_FIELDS: [&str; 6] = [
    "granularity",
    "bins",
    "points",
    "minGapDays",
    "start",
    "end",
];

const GRANULARITIES: &str = "auto, year, month or day";
const BINS: &str = "a whole number from 1 to 10000";
const GAP_DAYS: &str = "a whole number of days, 0 or more";

impl ChronologyOptions {
    /// Options for JavaScript's `chronology(request, options)`: points included.
    pub fn with_points() -> ChronologyOptions {
        ChronologyOptions {
            points: true,
            ..ChronologyOptions::default()
        }
    }

    /// Sets the option named `field` (camelCase, as in JavaScript) from an
    /// untyped value; [`Input::Absent`] leaves it unchanged.
    pub fn set(&mut self, field: &str, value: Input) -> Result<(), RequestError> {
        let expected = |field, expected| RequestError::Expected { field, expected };
        if value == Input::Absent {
            return if OPTION_FIELDS.contains(&field) {
                Ok(())
            } else {
                Err(RequestError::UnknownOption(field.into()))
            };
        }
        match field {
            "granularity" => {
                let Input::Text(name) = value else {
                    return Err(expected("granularity", GRANULARITIES));
                };
                self.granularity = match name.as_str() {
                    "auto" => None,
                    "year" => Some(Granularity::Year),
                    "month" => Some(Granularity::Month),
                    "day" => Some(Granularity::Day),
                    _ => {
                        return Err(RequestError::UnknownValue {
                            field: "granularity",
                            value: name,
                            expected: GRANULARITIES,
                        })
                    }
                };
            }
            "bins" => {
                self.bins = match value {
                    Input::Number(n) => whole(n)
                        .filter(|n| (1..=MAX_BINS).contains(n))
                        .ok_or(expected("bins", BINS))?,
                    _ => return Err(expected("bins", BINS)),
                }
            }
            "points" => {
                let Input::Bool(b) = value else {
                    return Err(expected("points", "true or false"));
                };
                self.points = b;
            }
            "minGapDays" => {
                self.min_gap_days = match value {
                    Input::Number(n) => whole(n).ok_or(expected("minGapDays", GAP_DAYS))?,
                    _ => return Err(expected("minGapDays", GAP_DAYS)),
                }
            }
            "start" | "end" => {
                let field = if field == "start" { "start" } else { "end" };
                let Input::Text(text) = value else {
                    return Err(expected(field, "a date, YYYY, YYYY-MM or YYYY-MM-DD"));
                };
                let date = parse_bound(field, &text)?;
                if field == "start" {
                    self.start = Some(date.start());
                } else {
                    self.end = Some(date.end());
                }
            }
            other => {
                return Err(RequestError::UnknownOption(other.into()));
            }
        }
        Ok(())
    }
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

/// The chronology of `statements` (indexed by `filters`) with those in
/// `matched` (slots of `filters`) marked: a consumer of the set a request
/// keeps, as facet counts are (`crate::facets::count`).
pub fn collect(
    filters: &FilterIndex,
    statements: &[Statement],
    matched: &BitSet,
    options: &ChronologyOptions,
    lang: Lang,
) -> Result<Chronology, RequestError> {
    if !(1..=MAX_BINS).contains(&options.bins) {
        return Err(RequestError::Expected {
            field: "bins",
            expected: BINS,
        });
    }
    if let (Some(start), Some(end)) = (options.start, options.end) {
        if end < start {
            return Err(RequestError::EndBeforeStart);
        }
    }
    let spans = filters.spans();
    let first = options.start.or_else(|| spans.iter().map(|s| s.0).min());
    let last = options.end.or_else(|| spans.iter().map(|s| s.1).max());
    let (Some(first), Some(last)) = (first, last) else {
        return Ok(Chronology::default());
    };
    // Only statements on the axis count; the others would pile up at its ends.
    let on_axis = |&(start, end): &(Day, Day)| start <= last && end >= first;
    let count = |g: Granularity| g.unit(last) - g.unit(first) + 1;
    let granularity = match options.granularity {
        Some(g) => g,
        None => [Granularity::Day, Granularity::Month]
            .into_iter()
            .find(|g| count(*g) <= i64::from(options.bins))
            .unwrap_or(Granularity::Year),
    };
    let n = usize::try_from(count(granularity))
        .ok()
        .filter(|n| *n <= MAX_BINS as usize)
        .ok_or(RequestError::Expected {
            field: "granularity",
            expected: "a granularity giving at most 10000 bins over the archive",
        })?;
    let origin = granularity.unit(first);
    let bin_of = |day: Day| usize::try_from(granularity.unit(day) - origin).unwrap_or(0);

    // Difference arrays: +1 at a span's first bin, −1 after its last.
    let mut total = vec![0i64; n + 1];
    let mut kept = vec![0i64; n + 1];
    let bins_of = |(start, end): (Day, Day)| (bin_of(start), bin_of(end).saturating_add(1));
    for &span in spans.iter().filter(|s| on_axis(s)) {
        let (a, b) = bins_of(span);
        mark(&mut total, a, b);
    }
    for span in matched
        .iter()
        .filter_map(|slot| spans.get(slot))
        .filter(|s| on_axis(s))
    {
        let (a, b) = bins_of(*span);
        mark(&mut kept, a, b);
    }
    let mut bins = Vec::with_capacity(n);
    let (mut running_total, mut running_kept) = (0i64, 0i64);
    for (i, (t, k)) in total.iter().zip(&kept).take(n).enumerate() {
        running_total += t;
        running_kept += k;
        let unit = origin + i64::try_from(i).unwrap_or(0);
        let Some((start, end)) = granularity.bounds(unit) else {
            continue;
        };
        bins.push(Bin {
            start: start.iso(),
            end: end.iso(),
            label: granularity.label(start, lang),
            total: u32::try_from(running_total).unwrap_or(0),
            matched: u32::try_from(running_kept).unwrap_or(0),
        });
    }
    let gaps = gaps(&bins, granularity, origin, options.min_gap_days);
    let points = if options.points {
        points(filters, statements, matched, first, last)
    } else {
        Vec::new()
    };
    let axis = |unit| granularity.bounds(unit);
    Ok(Chronology {
        granularity,
        start: axis(origin).map(|b| b.0.iso()).unwrap_or_default(),
        end: axis(granularity.unit(last))
            .map(|b| b.1.iso())
            .unwrap_or_default(),
        bins,
        gaps,
        points,
    })
}

/// The span of every statement on the axis `first..=last`, oldest first.
fn points(
    filters: &FilterIndex,
    statements: &[Statement],
    matched: &BitSet,
    first: Day,
    last: Day,
) -> Vec<Point> {
    (0..filters.len())
        .filter_map(|slot| {
            let (start, end) = filters.span(slot)?;
            if start > last || end < first {
                return None;
            }
            let s = statements.get(filters.doc(slot)?)?;
            Some(Point {
                id: s.id.clone(),
                start: s.date.start().iso(),
                end: s.date.end().iso(),
                precision: s.date.precision().as_str(),
                approximate: s.is_approximate(),
                matched: matched.contains(slot),
            })
        })
        .collect()
}

/// Counts a span from bin `first` to just before bin `after` in a difference array.
fn mark(diff: &mut [i64], first: usize, after: usize) {
    if let Some(x) = diff.get_mut(first) {
        *x += 1;
    }
    if let Some(y) = diff.get_mut(after) {
        *y -= 1;
    }
}

/// Maximal runs of bins with no statement lasting at least `min_days`.
fn gaps(bins: &[Bin], granularity: Granularity, origin: i64, min_days: u32) -> Vec<Gap> {
    let mut gaps = Vec::new();
    let mut i = 0;
    while i < bins.len() {
        if bins.get(i).is_some_and(|b| b.total > 0) {
            i += 1;
            continue;
        }
        let first = i;
        while bins.get(i).is_some_and(|b| b.total == 0) {
            i += 1;
        }
        let last = i - 1;
        let start = granularity.bounds(origin + first as i64).map(|b| b.0);
        let end = granularity.bounds(origin + last as i64).map(|b| b.1);
        if let (Some(start), Some(end)) = (start, end) {
            let days = end.ordinal() - start.ordinal() + 1;
            if i64::from(days) >= i64::from(min_days) {
                gaps.push(Gap {
                    start: start.iso(),
                    end: end.iso(),
                    first_bin: u32::try_from(first).unwrap_or(u32::MAX),
                    last_bin: u32::try_from(last).unwrap_or(u32::MAX),
                });
            }
        }
    }
    gaps
}
