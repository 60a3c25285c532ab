//! Partial dates: a day, a month, a year, or a range of those.
//!
//! Statements are dated as precisely as their text allows and no more. A
//! [`PartialDate`] is always a closed span of days (`start..=end`) plus the
//! [`Precision`] it was written with, so that ordering, overlap with a filter
//! range and drawing on a time axis all work on days while labels still say
//! "July 2017" rather than inventing "1 July 2017".
//!
//! Written forms (the corpus files and the `from`/`to` request fields):
//!
//! | form                    | precision | span                         |
//! |-------------------------|-----------|------------------------------|
//! | `2017`                  | year      | 1 Jan – 31 Dec 2017          |
//! | `2017-07`               | month     | 1 – 31 Jul 2017              |
//! | `2017-12-04`            | day       | that day                     |
//! | `2015-11-11/2015-11-13` | range     | first day of start – last day of end |

use core::cmp::Ordering;
use core::fmt;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::number::{decimal, padded, push_padded};

/// A calendar day in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day {
    /// Year, 1 through 9999.
    pub year: u16,
    /// Month, 1 through 12.
    pub month: u8,
    /// Day of the month, 1 through the month's length.
    pub day: u8,
}

impl Day {
    /// The day, if it exists in the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Day> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Day { year, month, day })
    }

    /// Days since 1970-01-01 (negative before). Used for arithmetic on spans.
    pub fn ordinal(self) -> i32 {
        // Howard Hinnant's days_from_civil.
        let m = i32::from(self.month);
        let y = i32::from(self.year) - i32::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i32::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day with the given ordinal (inverse of [`Day::ordinal`]), clamped to years 1..=9999.
    pub fn from_ordinal(ordinal: i32) -> Day {
        let min = Day {
            year: 1,
            month: 1,
            day: 1,
        };
        let max = Day {
            year: 9999,
            month: 12,
            day: 31,
        };
        let z = ordinal.clamp(min.ordinal(), max.ordinal()) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i32::from(month <= 2)) as u16;
        Day { year, month, day }
    }

    fn first_of_month(year: u16, month: u8) -> Day {
        Day {
            year,
            month,
            day: 1,
        }
    }

    fn last_of_month(year: u16, month: u8) -> Day {
        Day {
            year,
            month,
            day: days_in_month(year, month),
        }
    }
}

impl fmt::Display for Day {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Day {
    /// The day as `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        // One string for the three parts: every record and chronology point
        // writes two of these.
        let mut out = String::with_capacity(10);
        push_padded(&mut out, self.year.into(), 4);
        out.push('-');
        push_padded(&mut out, self.month.into(), 2);
        out.push('-');
        push_padded(&mut out, self.day.into(), 2);
        out
    }
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// How precisely a date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A single day: `2017-12-04`.
    Day,
    /// A month: `2017-07`.
    Month,
    /// A year: `2017`.
    Year,
    /// A span written as `start/end`.
    Range,
}

impl Precision {
    /// The name used in the JS API and the corpus docs.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Range => "range",
        }
    }
}

/// One end of a written date, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
enum Written {
    Year(u16),
    Month(u16, u8),
    Day(Day),
}

impl Written {
    fn first_day(self) -> Day {
        match self {
            Written::Year(y) => Day::first_of_month(y, 1),
            Written::Month(y, m) => Day::first_of_month(y, m),
            Written::Day(d) => d,
        }
    }

    fn last_day(self) -> Day {
        match self {
            Written::Year(y) => Day::last_of_month(y, 12),
            Written::Month(y, m) => Day::last_of_month(y, m),
            Written::Day(d) => d,
        }
    }

    fn precision(self) -> Precision {
        match self {
            Written::Year(_) => Precision::Year,
            Written::Month(..) => Precision::Month,
            Written::Day(_) => Precision::Day,
        }
    }
}

/// A date known to a day, month or year, or a range of such dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartialDate {
    start: Written,
    end: Option<Written>,
}

/// Why a written date was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not one of the forms `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `start/end`.
    Format(String),
    /// Well formed but not in the calendar, e.g. `2015-02-30`.
    Impossible(String),
    /// A range whose end comes before its start.
    Reversed(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (before, s, after) = match self {
            DateError::Format(s) => (
                "`",
                s,
                "` is not a date: expected YYYY, YYYY-MM, YYYY-MM-DD or start/end",
            ),
            DateError::Impossible(s) => ("`", s, "` is an impossible date"),
            DateError::Reversed(s) => ("the range `", s, "` ends before it starts"),
        };
        f.write_str(before)?;
        f.write_str(s)?;
        f.write_str(after)
    }
}

impl std::error::Error for DateError {}

impl PartialDate {
    /// Parses one of the written forms in the module docs.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let text = text.trim();
        match text.split_once('/') {
            None => Ok(PartialDate {
                start: parse_written(text)?,
                end: None,
            }),
            Some((a, b)) => {
                let start = parse_written(a.trim())?;
                let end = parse_written(b.trim())?;
                if end.last_day() < start.first_day() {
                    return Err(DateError::Reversed(text.into()));
                }
                Ok(PartialDate {
                    start,
                    end: Some(end),
                })
            }
        }
    }

    /// A single day.
    pub fn day(day: Day) -> PartialDate {
        PartialDate {
            start: Written::Day(day),
            end: None,
        }
    }

    /// First day of the span.
    pub fn start(&self) -> Day {
        self.start.first_day()
    }

    /// Last day of the span (inclusive).
    pub fn end(&self) -> Day {
        self.end.unwrap_or(self.start).last_day()
    }

    /// How the date was written.
    pub fn precision(&self) -> Precision {
        match self.end {
            Some(_) => Precision::Range,
            None => self.start.precision(),
        }
    }

    /// Whether the span shares at least one day with `from..=to`.
    pub fn overlaps(&self, from: Day, to: Day) -> bool {
        self.start() <= to && self.end() >= from
    }

    /// Number of days in the span (at least 1).
    pub fn len_days(&self) -> u32 {
        (self.end().ordinal() - self.start().ordinal() + 1).max(1) as u32
    }

    /// A human label in `lang`: "18 December 2016", "July 2017", "2015",
    /// "12–17 July 2023", "30 June – 2 July 2023".
    pub fn label(&self, lang: Lang) -> String {
        match self.end {
            None => label_written(self.start, lang),
            Some(end) => label_range(self.start, end, lang),
        }
    }

    /// Machine form as it would be written in a corpus file.
    pub fn to_written(self) -> String {
        match self.end {
            None => written_string(self.start),
            Some(end) => written_string(self.start) + "/" + &written_string(end),
        }
    }
}

impl Ord for PartialDate {
    /// Chronological: by first day, then the shorter (more precise) span first.
    fn cmp(&self, other: &Self) -> Ordering {
        self.start()
            .cmp(&other.start())
            .then_with(|| self.end().cmp(&other.end()))
            .then_with(|| self.to_written().cmp(&other.to_written()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn written_string(w: Written) -> String {
    match w {
        Written::Year(y) => padded(y.into(), 4),
        Written::Month(y, m) => padded(y.into(), 4) + "-" + &padded(m.into(), 2),
        Written::Day(d) => d.iso(),
    }
}

fn digits(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

fn parse_written(text: &str) -> Result<Written, DateError> {
    let format = || DateError::Format(text.into());
    let impossible = || DateError::Impossible(text.into());
    let mut parts = text.split('-');
    let year = parts.next().and_then(|p| digits(p, 4)).ok_or_else(format)?;
    let month = match parts.next() {
        None => None,
        Some(p) => Some(digits(p, 2).ok_or_else(format)?),
    };
    let day = match parts.next() {
        None => None,
        Some(p) => Some(digits(p, 2).ok_or_else(format)?),
    };
    if parts.next().is_some() {
        return Err(format());
    }
    let year = u16::try_from(year)
        .ok()
        .filter(|y| *y >= 1)
        .ok_or_else(impossible)?;
    match (month, day) {
        (None, _) => Ok(Written::Year(year)),
        (Some(m), None) => {
            let m = u8::try_from(m)
                .ok()
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(impossible)?;
            Ok(Written::Month(year, m))
        }
        (Some(m), Some(d)) => {
            let m = u8::try_from(m).map_err(|_| impossible())?;
            let d = u8::try_from(d).map_err(|_| impossible())?;
            Day::new(year, m, d)
                .map(Written::Day)
                .ok_or_else(impossible)
        }
    }
}

fn label_written(w: Written, lang: Lang) -> String {
    match w {
        Written::Year(y) => decimal(y.into()),
        Written::Month(y, m) => lang.month_year(m, y),
        Written::Day(d) => lang.day_month_year(d.day, d.month, d.year),
    }
}

fn label_range(start: Written, end: Written, lang: Lang) -> String {
    const DASH: &str = "–";
    match (start, end) {
        (Written::Day(a), Written::Day(b)) if a == b => lang.day_month_year(a.day, a.month, a.year),
        (Written::Day(a), Written::Day(b)) if (a.year, a.month) == (b.year, b.month) => {
            // "12–17 July 2023": the day numbers share one month and year.
            let tail = lang.day_month_year(b.day, b.month, b.year);
            decimal(a.day.into()) + DASH + &tail
        }
        (Written::Day(a), Written::Day(b)) if a.year == b.year => {
            lang.day_month(a.day, a.month)
                + " "
                + DASH
                + " "
                + &lang.day_month_year(b.day, b.month, b.year)
        }
        (Written::Month(ya, ma), Written::Month(yb, mb)) if ya == yb => {
            lang.month(ma).to_owned() + " " + DASH + " " + &lang.month_year(mb, yb)
        }
        (Written::Year(a), Written::Year(b)) => decimal(a.into()) + DASH + &decimal(b.into()),
        (a, b) => label_written(a, lang) + " " + DASH + " " + &label_written(b, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(d("2017").precision(), Precision::Year);
        assert_eq!(d("2017-07").precision(), Precision::Month);
        assert_eq!(d("2017-12-04").precision(), Precision::Day);
        assert_eq!(d("2015-11-11/2015-11-13").precision(), Precision::Range);
    }

    #[test]
    fn spans_cover_whole_written_periods() {
        assert_eq!(d("2017-07").start().to_string(), "2017-07-01");
        assert_eq!(d("2017-07").end().to_string(), "2017-07-31");
        assert_eq!(d("2016").end().to_string(), "2016-12-31");
        assert_eq!(d("2016-02").end().to_string(), "2016-02-29");
        assert_eq!(d("2015-02").end().to_string(), "2015-02-28");
        assert_eq!(d("2015-11/2016").end().to_string(), "2016-12-31");
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        assert!(matches!(
            PartialDate::parse("2015-02-30"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            PartialDate::parse("2015-13"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            PartialDate::parse("2015-00-10"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            PartialDate::parse("0000"),
            Err(DateError::Impossible(_))
        ));
        assert!(PartialDate::parse("2016-02-29").is_ok());
        assert!(matches!(
            PartialDate::parse("1900-02-29"),
            Err(DateError::Impossible(_))
        ));
        for bad in [
            "",
            "banana",
            "15",
            "2015-1",
            "2015-01-1",
            "2015-01-01-01",
            "２０１５",
            "2015/",
            "/",
        ] {
            assert!(
                matches!(PartialDate::parse(bad), Err(DateError::Format(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn refuses_reversed_ranges_but_allows_one_day_ranges() {
        assert!(matches!(
            PartialDate::parse("2015-11-13/2015-11-11"),
            Err(DateError::Reversed(_))
        ));
        assert!(matches!(
            PartialDate::parse("2016/2015-12"),
            Err(DateError::Reversed(_))
        ));
        assert!(PartialDate::parse("2015-11-13/2015-11-13").is_ok());
        // A month range that starts inside the year it ends in is fine.
        assert!(PartialDate::parse("2015-12/2015").is_ok());
    }

    #[test]
    fn labels_say_only_what_is_known() {
        assert_eq!(d("2016-12-18").label(Lang::En), "18 December 2016");
        assert_eq!(d("2017-07").label(Lang::En), "July 2017");
        assert_eq!(d("2015").label(Lang::En), "2015");
        assert_eq!(
            d("2023-07-12/2023-07-17").label(Lang::En),
            "12–17 July 2023"
        );
        assert_eq!(
            d("2023-06-30/2023-07-02").label(Lang::En),
            "30 June – 2 July 2023"
        );
        assert_eq!(
            d("2015-12-30/2016-01-02").label(Lang::En),
            "30 December 2015 – 2 January 2016"
        );
        assert_eq!(
            d("2015-11/2015-12").label(Lang::En),
            "November – December 2015"
        );
        assert_eq!(d("2015/2016").label(Lang::En), "2015–2016");
        assert_eq!(d("2015-11/2016").label(Lang::En), "November 2015 – 2016");
    }

    #[test]
    fn labels_in_other_languages() {
        assert_eq!(d("2016-12-18").label(Lang::Es), "18 de diciembre de 2016");
        assert_eq!(d("2017-07").label(Lang::Fr), "juillet 2017");
        assert_eq!(
            d("2023-07-12/2023-07-17").label(Lang::Id),
            "12–17 Juli 2023"
        );
    }

    #[test]
    fn overlap_is_inclusive_at_both_edges() {
        let july = d("2017-07");
        let day = |s: &str| d(s).start();
        assert!(july.overlaps(day("2017-01-01"), day("2017-07-01")));
        assert!(july.overlaps(day("2017-07-31"), day("2017-12-31")));
        assert!(!july.overlaps(day("2017-08-01"), day("2017-12-31")));
        assert!(!july.overlaps(day("2017-01-01"), day("2017-06-30")));
    }

    #[test]
    fn ordering_is_chronological_then_more_precise_first() {
        let mut dates = [
            d("2017-12-04"),
            d("2015"),
            d("2017-07"),
            d("2015-05"),
            d("2015-05-01"),
        ];
        dates.sort();
        let written: Vec<_> = dates.iter().map(|d| d.to_written()).collect();
        assert_eq!(
            written,
            ["2015", "2015-05-01", "2015-05", "2017-07", "2017-12-04"]
        );
    }

    #[test]
    fn ordinal_round_trips() {
        for ord in (-719_000..2_900_000).step_by(997) {
            let day = Day::from_ordinal(ord);
            assert_eq!(day.ordinal(), ord);
            assert!(Day::new(day.year, day.month, day.day).is_some());
        }
        assert_eq!(Day::new(1970, 1, 1).unwrap().ordinal(), 0);
    }
}
