//! A brushed period: pixels to days, days to the `from`/`to` filter
//! and back, and the period in words.

use super::ticks::TickUnit;
use super::{Axis, View};
use crate::date::{Day, PartialDate};
use crate::lang::Lang;
use crate::number::padded;
use crate::widget::strings::Strings;

impl Axis {
    /// The first and last day under pixels `x0..x1` of `view`, for a brush;
    /// `None` when the axis is empty.
    pub fn days_between(&self, view: View, x0: f64, x1: f64) -> Option<(Day, Day)> {
        let (first, after) = self.days()?;
        let (a, b) = if x0 <= x1 { (x0, x1) } else { (x1, x0) };
        let start = self.world_day(a + view.s, view.k).floor() as i32;
        let end = (self.world_day(b + view.s, view.k).ceil() as i32).saturating_sub(1);
        let start = start.min(after - 1).max(first);
        let end = end.min(after - 1).max(start);
        Some((Day::from_ordinal(start), Day::from_ordinal(end)))
    }

    /// The `from`/`to` filter (`YYYY-MM-DD`) of the statements from mark
    /// `a` to mark `b`, in either order: the first day of the earlier one to
    /// the last day of any of them, so every statement selected is inside.
    /// `None` for a mark that does not exist.
    pub fn period(&self, a: usize, b: usize) -> Option<(String, String)> {
        let marks = self.marks.get(a.min(b)..=a.max(b))?;
        let first = marks.first()?.start;
        let last = marks.iter().map(|m| m.end).max()?;
        Some((
            day_string(Day::from_ordinal(first)),
            day_string(Day::from_ordinal(last)),
        ))
    }

    /// Pixels of the first and last day of a brush in `view`.
    pub fn brush_x(&self, view: View, first: Day, last: Day) -> (f64, f64) {
        let x = |d: f64| self.world_x(d, view.k) - view.s;
        (
            x(f64::from(first.ordinal())),
            x(f64::from(last.ordinal()) + 1.0),
        )
    }
}

/// The `from`/`to` filter for a brush over `first..=last`. Zoomed out to
/// months or years, where a pixel is several days, the ends snap to the
/// nearest month boundaries (`2015-08`, `2016-03`); zoomed in to days they
/// stay days.
pub fn snap(first: Day, last: Day, unit: TickUnit) -> (String, String) {
    if unit == TickUnit::Day {
        return (day_string(first), day_string(last));
    }
    let month = |d: Day| i32::from(d.year) * 12 + i32::from(d.month) - 1;
    // Months from the start's nearest boundary to the end's.
    let a = month(first) + i32::from(first.day > 15);
    let b = month(last) - i32::from(last.day < 15);
    let (a, b) = if a <= b {
        (a, b)
    } else {
        (month(first), month(first))
    };
    let text = |m: i32| {
        let y = m.div_euclid(12);
        let mo = m.rem_euclid(12) + 1;
        let pad = |n: i32, w: usize| padded(u64::try_from(n).unwrap_or(0), w);
        pad(y, 4) + "-" + &pad(mo, 2)
    };
    (text(a), text(b))
}

/// `YYYY-MM-DD` of a day, for the `from`/`to` filter.
pub fn day_string(day: Day) -> String {
    day.iso()
}

/// The days a `from`/`to` filter covers, as a brush: the first day of
/// `from` and the last of `to`, an open end meaning the axis's own end.
pub fn brush_of(axis: &Axis, from: Option<&str>, to: Option<&str>) -> Option<(Day, Day)> {
    if from.is_none() && to.is_none() {
        return None;
    }
    let (first, after) = axis.days()?;
    let start = from
        .and_then(|f| PartialDate::parse(f).ok())
        .map_or(first, |d| d.start().ordinal());
    let end = to
        .and_then(|t| PartialDate::parse(t).ok())
        .map_or(after - 1, |d| d.end().ordinal());
    (start <= end).then(|| (Day::from_ordinal(start), Day::from_ordinal(end)))
}

/// A `from`/`to` filter in words, in `lang`: "March 2015 – June 2016",
/// "2016", "From 18 August 2015"; `None` for no period or an unreadable one.
pub fn period_words(lang: Lang, from: Option<&str>, to: Option<&str>) -> Option<String> {
    let label = |t: Option<&str>| Some(PartialDate::parse(t?).ok()?.label(lang));
    let words = Strings::of(lang);
    Some(match (label(from), label(to)) {
        (Some(a), Some(b)) if a == b => a,
        (Some(a), Some(b)) => a + " – " + &b,
        (Some(a), None) => words.from().to_owned() + " " + &a,
        (None, Some(b)) => words.to().to_owned() + " " + &b,
        (None, None) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::widget::timeline::geometry::testing::*;
    use crate::widget::timeline::geometry::*;

    #[test]
    fn a_brush_gives_whole_days_and_follows_the_filter() {
        let axis = corpus_like();
        let v = axis.fit(800.0);
        let (a, b) = axis.brush_x(
            v,
            Day::from_ordinal(day("2015-06-01")),
            Day::from_ordinal(day("2016-06-30")),
        );
        let (first, last) = axis.days_between(v, b, a).unwrap();
        assert_eq!(day_string(first), "2015-06-01");
        assert_eq!(day_string(last), "2016-06-30");
        // Beyond the ends the brush stops at the axis.
        let (first, last) = axis.days_between(v, -500.0, 1e6).unwrap();
        assert_eq!(day_string(first), "2015-05-01");
        assert_eq!(day_string(last), "2023-07-31");
        let brush = brush_of(&axis, Some("2016"), Some("2017-03")).unwrap();
        assert_eq!(
            (day_string(brush.0), day_string(brush.1)),
            ("2016-01-01".into(), "2017-03-31".into())
        );
        let open = brush_of(&axis, None, Some("2016")).unwrap();
        assert_eq!(day_string(open.0), "2015-05-01");
        assert_eq!(brush_of(&axis, None, None), None);
        assert_eq!(brush_of(&axis, Some("2017"), Some("2016")), None);
    }

    #[test]
    fn a_brush_snaps_to_months_unless_zoomed_to_days() {
        let d = |s: &str| Day::from_ordinal(day(s));
        let (a, b) = (d("2015-08-18"), d("2016-03-25"));
        assert_eq!(
            snap(a, b, TickUnit::Month),
            ("2015-09".into(), "2016-03".into())
        );
        assert_eq!(
            snap(a, b, TickUnit::Year),
            ("2015-09".into(), "2016-03".into())
        );
        assert_eq!(
            snap(a, b, TickUnit::Day),
            ("2015-08-18".into(), "2016-03-25".into())
        );
        // A brush inside one month keeps that month.
        assert_eq!(
            snap(d("2015-08-17"), d("2015-08-19"), TickUnit::Month),
            ("2015-08".into(), "2015-08".into())
        );
        assert_eq!(
            snap(d("2015-12-02"), d("2016-01-10"), TickUnit::Month),
            ("2015-12".into(), "2015-12".into())
        );
    }

    #[test]
    fn a_keyboard_selection_covers_its_statements_whole() {
        let axis = corpus_like();
        let period = |a, b| axis.period(a, b).unwrap();
        // One statement: its own days (a month, then a range).
        assert_eq!(period(0, 0), ("2015-05-01".into(), "2015-05-31".into()));
        assert_eq!(period(1, 1), ("2015-11-11".into(), "2015-11-13".into()));
        // Either order gives the same period.
        assert_eq!(period(0, 2), ("2015-05-01".into(), "2015-12-10".into()));
        assert_eq!(period(2, 0), period(0, 2));
        // The last day is the latest end among the selected, so a range that
        // ends after the last one chosen is still inside.
        let overlap = Axis::new(vec![
            mark("2016-01-01", "2016-03-31", Shape::Bar),
            mark("2016-02-01", "2016-02-01", Shape::Point),
        ]);
        assert_eq!(
            overlap.period(0, 1).unwrap(),
            ("2016-01-01".into(), "2016-03-31".into())
        );
        // The period is a filter the brush reads back to the same days.
        let (from, to) = period(1, 4);
        let brush = brush_of(&axis, Some(&from), Some(&to)).unwrap();
        assert_eq!(
            (day_string(brush.0), day_string(brush.1)),
            ("2015-11-11".into(), "2017-12-04".into())
        );
        assert_eq!(axis.period(0, 6), None);
        assert_eq!(Axis::new(Vec::new()).period(0, 0), None);
    }

    #[test]
    fn a_period_is_said_in_words() {
        let words = |a, b| period_words(Lang::En, a, b);
        assert_eq!(
            words(Some("2015-03"), Some("2016-06")).as_deref(),
            Some("March 2015 – June 2016")
        );
        assert_eq!(words(Some("2016"), Some("2016")).as_deref(), Some("2016"));
        assert_eq!(
            words(Some("2015-08-18"), None).as_deref(),
            Some("From 18 August 2015")
        );
        assert_eq!(words(None, Some("2017")).as_deref(), Some("To 2017"));
        assert_eq!(
            period_words(Lang::Fr, Some("2015-03"), Some("2015-06")).as_deref(),
            Some("mars 2015 – juin 2015")
        );
        assert_eq!(words(None, None), None);
        assert_eq!(words(Some("banana"), None), None);
    }
}
