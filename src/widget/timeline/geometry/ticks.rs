//! Ticks along the axis: days, months or years, whichever keeps their
//! labels apart, written in the interface language.

use super::axis::month_floor;
use super::{Axis, View};
use crate::date::Day;
use crate::lang::Lang;
use crate::number::decimal;

/// Average width of one character of a tick label, in pixels (12 px type).
const CHAR_PX: f64 = 7.0;

/// Most ticks a layout draws, whatever the width.
pub(super) const MAX_TICKS: usize = 400;

/// The step between ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickUnit {
    /// Ticks on days.
    Day,
    /// Ticks on months.
    Month,
    /// Ticks on years.
    Year,
}

impl TickUnit {
    /// `day`, `month` or `year`.
    pub fn as_str(self) -> &'static str {
        match self {
            TickUnit::Day => "day",
            TickUnit::Month => "month",
            TickUnit::Year => "year",
        }
    }
}

/// A tick on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Position, pixels.
    pub x: f64,
    /// Its label.
    pub label: String,
    /// Whether it starts a larger unit (a year among months, a month among days).
    pub major: bool,
}

/// Ticks for one view.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    /// What they step by.
    pub unit: TickUnit,
    /// Left to right.
    pub ticks: Vec<Tick>,
    /// Where the view's left edge is in the larger unit ("2016", "July 2023"),
    /// empty for year ticks.
    pub context: String,
}

/// Steps ticks may take: unit, how many of it, the widest label in characters.
const STEPS: [(TickUnit, i32, f64); 10] = [
    (TickUnit::Day, 1, 5.0),
    (TickUnit::Day, 2, 5.0),
    (TickUnit::Day, 7, 5.0),
    (TickUnit::Month, 1, 6.0),
    (TickUnit::Month, 3, 6.0),
    (TickUnit::Month, 6, 6.0),
    (TickUnit::Year, 1, 5.0),
    (TickUnit::Year, 2, 5.0),
    (TickUnit::Year, 5, 5.0),
    (TickUnit::Year, 10, 5.0),
];

impl Axis {
    /// Ticks for `view`, labelled in `lang`: the finest of days, months or
    /// years whose labels do not collide. None fall inside a break.
    pub fn ticks(&self, view: View, lang: Lang) -> Ticks {
        let (unit, step) = STEPS
            .iter()
            .find(|(unit, n, chars)| {
                let days = match unit {
                    TickUnit::Day => 1.0,
                    TickUnit::Month => 30.4,
                    TickUnit::Year => 365.25,
                };
                days * f64::from(*n) * view.k >= chars * CHAR_PX + 12.0
            })
            .map_or((TickUnit::Year, 10), |s| (s.0, s.1));
        let first_day = self.world_day(view.s, view.k).floor() as i32;
        let last_day = self.world_day(view.s + view.width, view.k).ceil() as i32;
        let left = Day::from_ordinal(first_day);
        let context = match unit {
            TickUnit::Year => String::new(),
            TickUnit::Month => decimal(left.year.into()),
            TickUnit::Day => lang.month_year(left.month, left.year),
        };
        let mut ticks = Vec::new();
        for p in self.pieces.iter().filter(|p| !p.collapsed) {
            let (a, b) = (p.start.max(first_day), p.end.min(last_day + 1));
            let mut day = align(a, unit, step);
            while day < b && ticks.len() < MAX_TICKS {
                let d = Day::from_ordinal(day);
                let x = self.world_x(f64::from(day), view.k) - view.s;
                if day >= p.start && (-1.0..=view.width + 1.0).contains(&x) {
                    ticks.push(label(d, unit, x, lang));
                }
                day = advance(day, unit, step);
            }
        }
        Ticks {
            unit,
            ticks,
            context,
        }
    }
}

/// The first tick on or after `day`.
fn align(day: i32, unit: TickUnit, step: i32) -> i32 {
    let d = Day::from_ordinal(day);
    let candidate = match unit {
        TickUnit::Day if step == 7 => {
            // The 1st, 8th, 15th and 22nd of each month.
            let k = (i32::from(d.day) - 1 + 6) / 7 * 7 + 1;
            if k > 22 {
                advance(month_floor(day), TickUnit::Month, 1)
            } else {
                month_floor(day) + k - 1
            }
        }
        TickUnit::Day => day,
        TickUnit::Month => {
            let m0 = i32::from(d.month) - 1;
            let m = (m0 + step - 1) / step * step;
            let floor = month_floor(day);
            let mut t = advance(floor, TickUnit::Month, m - m0);
            if m == m0 && floor < day {
                t = advance(floor, TickUnit::Month, step);
            }
            t
        }
        TickUnit::Year => {
            let y = i32::from(d.year);
            let mut year = (y + step - 1) / step * step;
            if year == y && (d.month, d.day) != (1, 1) {
                year += step;
            }
            u16::try_from(year)
                .ok()
                .and_then(|y| Day::new(y, 1, 1))
                .map_or(i32::MAX, Day::ordinal)
        }
    };
    candidate.max(day)
}

/// The tick `step` units after `day` (a tick itself).
pub(super) fn advance(day: i32, unit: TickUnit, step: i32) -> i32 {
    let d = Day::from_ordinal(day);
    let next = match unit {
        TickUnit::Day if step == 7 => {
            if d.day >= 22 {
                return advance(month_floor(day), TickUnit::Month, 1);
            }
            return day + 7;
        }
        TickUnit::Day => return day.saturating_add(step.max(1)),
        TickUnit::Month => {
            let m = i32::from(d.year) * 12 + i32::from(d.month) - 1 + step.max(1);
            u16::try_from(m.div_euclid(12))
                .ok()
                .and_then(|y| Day::new(y, u8::try_from(m.rem_euclid(12) + 1).ok()?, 1))
        }
        TickUnit::Year => u16::try_from(i32::from(d.year) + step.max(1))
            .ok()
            .and_then(|y| Day::new(y, 1, 1)),
    };
    next.map_or(i32::MAX, Day::ordinal)
        .max(day.saturating_add(1))
}

/// A tick at day `d`.
fn label(d: Day, unit: TickUnit, x: f64, lang: Lang) -> Tick {
    let (label, major) = match unit {
        TickUnit::Year => (decimal(d.year.into()), true),
        TickUnit::Month if d.month == 1 => (decimal(d.year.into()), true),
        TickUnit::Month => (lang.month_short(d.month).to_owned(), false),
        TickUnit::Day if d.day == 1 => (lang.month_short(d.month).to_owned(), true),
        TickUnit::Day => (decimal(d.day.into()), false),
    };
    Tick { x, label, major }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::widget::timeline::geometry::testing::*;

    #[test]
    fn ticks_go_from_years_to_months_to_days_as_the_zoom_grows() {
        let axis = corpus_like();
        let fit = axis.fit(300.0);
        let years = axis.ticks(fit, Lang::En);
        assert_eq!(years.unit, TickUnit::Year);
        let labels: Vec<&str> = years.ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.contains(&"2016"), "{labels:?}");
        // Nothing is ticked inside the break.
        assert!(!labels.contains(&"2020"));
        let months = axis.show(fit, day("2015-05-01"), day("2015-12-31"));
        let t = axis.ticks(months, Lang::Fr);
        assert_eq!(t.unit, TickUnit::Month);
        assert!(t.ticks.iter().any(|t| t.label == "juil."));
        assert_eq!(t.context, "2015");
        let days = axis.show(fit, day("2015-12-05"), day("2015-12-20"));
        let t = axis.ticks(days, Lang::Es);
        assert_eq!(t.unit, TickUnit::Day);
        assert_eq!(t.context, "diciembre de 2015");
        assert!(t.ticks.iter().any(|t| t.label == "15"), "{:?}", t.ticks);
        // Ticks are in order and do not crowd each other.
        for ticks in [&years, &t] {
            for w in ticks.ticks.windows(2) {
                assert!(w[1].x - w[0].x >= 20.0, "{:?}", w);
            }
        }
    }

    #[test]
    fn tick_steps_land_on_calendar_boundaries() {
        let d = day("2015-05-17");
        assert_eq!(
            Day::from_ordinal(align(d, TickUnit::Month, 3)).to_string(),
            "2015-07-01"
        );
        assert_eq!(
            Day::from_ordinal(align(d, TickUnit::Year, 5)).to_string(),
            "2020-01-01"
        );
        assert_eq!(
            Day::from_ordinal(align(d, TickUnit::Day, 7)).to_string(),
            "2015-05-22"
        );
        assert_eq!(
            Day::from_ordinal(align(day("2015-05-25"), TickUnit::Day, 7)).to_string(),
            "2015-06-01"
        );
        assert_eq!(
            Day::from_ordinal(advance(day("2015-12-01"), TickUnit::Month, 1)).to_string(),
            "2016-01-01"
        );
        assert_eq!(
            Day::from_ordinal(align(day("2016-01-01"), TickUnit::Year, 1)).to_string(),
            "2016-01-01"
        );
    }
}
