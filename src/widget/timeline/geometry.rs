//! The geometry of the chronology: where each statement and its title go on
//! a horizontal time axis, at any zoom, with no browser in sight (it has no
//! web dependency and is tested natively).
//!
//! Positions are worked out in steps:
//!
//! 1. **Time to axis units** ([`axis`]). An [`Axis`] cuts time into
//!    pieces: stretches holding statements, where one unit is one day, and
//!    long empty stretches ([`MIN_GAP_DAYS`] or more between two
//!    statements), which collapse to a single unit value and become a
//!    labelled [`Break`].
//! 2. **Units to pixels.** A [`View`] is a zoom (`k`, pixels per day) and a
//!    scroll (`s`, pixels): `x = u·k + BREAK_PX·(breaks before) − s`. Each
//!    break keeps the same width in pixels at every zoom, so the empty years
//!    never take room from the years with statements. Zoom and pan are kept
//!    within limits: no further out than the whole archive, no further in
//!    than [`MIN_VISIBLE_DAYS`] across the width, no scrolling past either
//!    end.
//! 3. **Pixels to a drawing** ([`layout`]). [`Axis::layout`] places the
//!    visible marks in lanes so overlapping ones stack; a run of marks that
//!    would need more than [`MAX_LANES`] lanes is too dense to tell apart at
//!    this zoom and becomes a density histogram instead, which splits back
//!    into marks as the zoom grows.
//! 4. **Titles** ([`labels`]). [`Axis::labels`] gives marks their titles in
//!    lanes above them, elided to the room there is, so no two overlap; the
//!    matched statements are served first.
//! 5. **Around the drawing.** Ticks ([`ticks`]) step by days, months or
//!    years, whichever keeps their labels apart, labelled in the interface
//!    language; the overview band ([`overview`]) counts the whole archive
//!    per period while the drawing is zoomed in; brushes ([`brush`]) turn
//!    pixels into `from`/`to` filters and back; [`years`] groups the marks
//!    for the equivalent list.
//!
//! Marks keep the archive's chronological order, which is also the keyboard
//! order: the next statement in time is the next index.

use crate::date::Precision;

pub mod axis;
pub mod brush;
pub mod labels;
pub mod layout;
pub mod overview;
pub mod ticks;
pub mod years;

pub use axis::{Axis, BREAK_PX, END_PX, MIN_GAP_DAYS, MIN_VISIBLE_DAYS};
pub use brush::{brush_of, day_string, period_words, snap};
pub use labels::{Label, LABEL_LANES};
pub use layout::{Bar, Break, Layout, Placed, BIN_PX, MAX_LANES, POINT_R};
pub use overview::Overview;
pub use ticks::{Tick, TickUnit, Ticks};
pub use years::{Year, YEAR_LIST_MAX};

/// How a statement's date is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A day: a point.
    Point,
    /// A month or a year: a soft span over it.
    Span,
    /// A written range: a bar from its first to its last day.
    Bar,
}

impl Shape {
    /// The shape for a date of this precision.
    pub fn of(precision: Precision) -> Shape {
        match precision {
            Precision::Day => Shape::Point,
            Precision::Month | Precision::Year => Shape::Span,
            Precision::Range => Shape::Bar,
        }
    }

    /// `point`, `span` or `bar`.
    pub fn as_str(self) -> &'static str {
        match self {
            Shape::Point => "point",
            Shape::Span => "span",
            Shape::Bar => "bar",
        }
    }
}

/// A statement on the axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// First day ([`crate::date::Day::ordinal`]).
    pub start: i32,
    /// Last day, inclusive.
    pub end: i32,
    /// How it is drawn.
    pub shape: Shape,
    /// Whether its date is inferred (drawn as approximate).
    pub approximate: bool,
}

/// Zoom and scroll: what part of the axis the drawing shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Pixels per day.
    pub k: f64,
    /// Pixels scrolled from the start of the axis.
    pub s: f64,
    /// Width of the drawing, in pixels.
    pub width: f64,
}

/// `v` brought within `lo..=hi` (`lo` when `v` is NaN). Unlike
/// `f64::clamp` it cannot panic, and it does not bring the float formatting
/// of that panic's message into the module.
pub fn within(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

/// Marks and axes the tests of every part share.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Axis, Mark, Shape};
    use crate::date::PartialDate;

    /// The day ordinal of `YYYY[-MM[-DD]]`'s first day.
    pub fn day(s: &str) -> i32 {
        PartialDate::parse(s).unwrap().start().ordinal()
    }

    /// A mark from its first to its last day.
    pub fn mark(start: &str, end: &str, shape: Shape) -> Mark {
        Mark {
            start: day(start),
            end: day(end),
            shape,
            approximate: false,
        }
    }

    /// `n` points on consecutive days from `first`.
    pub fn daily(first: &str, n: i32) -> Vec<Mark> {
        let base = day(first);
        (0..n)
            .map(|i| Mark {
                start: base + i,
                end: base + i,
                shape: Shape::Point,
                approximate: false,
            })
            .collect()
    }

    /// The shape of the real corpus: 2015–2017, then July 2023.
    pub fn corpus_like() -> Axis {
        Axis::new(vec![
            mark("2015-05-01", "2015-05-31", Shape::Span),
            mark("2015-11-11", "2015-11-13", Shape::Bar),
            mark("2015-12-10", "2015-12-10", Shape::Point),
            mark("2016-12-18", "2016-12-18", Shape::Point),
            mark("2017-12-04", "2017-12-04", Shape::Point),
            mark("2023-07-12", "2023-07-17", Shape::Bar),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_follow_precision() {
        assert_eq!(Shape::of(Precision::Day), Shape::Point);
        assert_eq!(Shape::of(Precision::Month), Shape::Span);
        assert_eq!(Shape::of(Precision::Year), Shape::Span);
        assert_eq!(Shape::of(Precision::Range), Shape::Bar);
    }
}
