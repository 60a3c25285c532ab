//! The geometry of the chronology: where each statement goes on a
//! horizontal time axis, at any zoom, with no browser in sight.
//!
//! Positions are worked out in three steps:
//!
//! 1. **Time to axis units.** An [`Axis`] cuts time into pieces: stretches
//!    holding statements, where one unit is one day, and long empty
//!    stretches ([`MIN_GAP_DAYS`] or more between two statements), which
//!    collapse to a single unit value and become a labelled [`Break`].
//! 2. **Units to pixels.** A [`View`] is a zoom (`k`, pixels per day) and a
//!    scroll (`s`, pixels): `x = u·k + BREAK_PX·(breaks before) − s`. Each
//!    break keeps the same width in pixels at every zoom, so the empty years
//!    never take room from the years with statements. Zoom and pan are kept
//!    within limits: no further out than the whole archive, no further in
//!    than [`MIN_VISIBLE_DAYS`] across the width, no scrolling past either
//!    end.
//! 3. **Pixels to a drawing.** [`Axis::layout`] places the visible marks in
//!    lanes so overlapping ones stack; a run of marks that would need more
//!    than [`MAX_LANES`] lanes is too dense to tell apart at this zoom and
//!    becomes a density histogram instead, which splits back into marks as
//!    the zoom grows. Ticks ([`Axis::ticks`]) step by days, months or years,
//!    whichever keeps their labels apart, labelled in the interface language.
//!
//! Marks keep the archive's chronological order, which is also the keyboard
//! order: the next statement in time is the next index.

use crate::date::{Day, PartialDate, Precision};
use crate::lang::Lang;
use crate::number::{decimal, padded};

/// Shortest empty stretch, in days, that collapses into a break: two years,
/// so a quiet year keeps its place on the axis.
pub const MIN_GAP_DAYS: i32 = 730;

/// Days of empty time kept on each side of a break, so marks next to it
/// do not touch it.
const GAP_MARGIN_DAYS: i32 = 31;

/// Room left at each end of the axis, pixels, so the first and last marks
/// are not cut by the frame.
pub const END_PX: f64 = 14.0;

/// Width of a break on screen, in pixels, at every zoom.
pub const BREAK_PX: f64 = 28.0;

/// The narrowest span of time the view may show across its width.
pub const MIN_VISIBLE_DAYS: f64 = 10.0;

/// Most lanes marks may stack in before a run of them becomes a histogram.
pub const MAX_LANES: usize = 4;

/// Width of a histogram bar, in pixels.
pub const BIN_PX: f64 = 8.0;

/// How far beyond the edges of the view marks are laid out, pixels.
const OFF_VIEW_PX: f64 = 120.0;

/// Radius of a day's point, in pixels.
pub const POINT_R: f64 = 5.0;

/// Narrowest span or bar drawn, in pixels.
const MIN_MARK_PX: f64 = 8.0;

/// Room kept free between two marks in one lane, in pixels.
const LANE_GAP_PX: f64 = 2.0;

/// Average width of one character of a tick label, in pixels (12 px type).
const CHAR_PX: f64 = 7.0;

/// Most ticks a layout draws, whatever the width.
const MAX_TICKS: usize = 400;

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

    /// The shape for a precision named as in responses (`day`, `month`,
    /// `year`, `range`); an unknown name draws as a span.
    pub fn from_name(name: &str) -> Shape {
        match name {
            "day" => Shape::Point,
            "range" => Shape::Bar,
            _ => Shape::Span,
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
    /// First day ([`Day::ordinal`]).
    pub start: i32,
    /// Last day, inclusive.
    pub end: i32,
    /// How it is drawn.
    pub shape: Shape,
    /// Whether its date is inferred (drawn as approximate).
    pub approximate: bool,
}

impl Mark {
    /// A mark from `YYYY-MM-DD` first and last days and a precision name,
    /// as [`crate::response::Point`] gives them; `None` for unreadable days.
    pub fn parse(start: &str, end: &str, precision: &str, approximate: bool) -> Option<Mark> {
        let start = PartialDate::parse(start).ok()?.start().ordinal();
        let end = PartialDate::parse(end).ok()?.end().ordinal().max(start);
        Some(Mark {
            start,
            end,
            shape: Shape::from_name(precision),
            approximate,
        })
    }
}

/// A stretch of the axis.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Piece {
    /// First day.
    start: i32,
    /// First day after it.
    end: i32,
    /// Axis units at `start`.
    u: f64,
    /// Whether the stretch is collapsed into a break.
    collapsed: bool,
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

/// A collapsed stretch as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Break {
    /// Left edge, pixels.
    pub x: f64,
    /// First empty day shown as collapsed.
    pub start: Day,
    /// Last one.
    pub end: Day,
}

impl Break {
    /// Short label: `2018–2023`.
    pub fn label(&self) -> String {
        if self.start.year == self.end.year {
            decimal(self.start.year.into())
        } else {
            decimal(self.start.year.into()) + "–" + &decimal(self.end.year.into())
        }
    }

    /// Full label: "No statements, February 2018 – May 2023".
    pub fn describe(&self, lang: Lang) -> String {
        Words::of(lang).no_statements.to_owned()
            + ", "
            + &lang.month_year(self.start.month, self.start.year)
            + " – "
            + &lang.month_year(self.end.month, self.end.year)
    }
}

/// A mark placed in the drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Index of the mark.
    pub index: usize,
    /// Left edge, pixels.
    pub x0: f64,
    /// Right edge, pixels.
    pub x1: f64,
    /// Lane, 0 at the axis.
    pub lane: usize,
    /// Drawn over a histogram because it must stay visible (focused, open).
    pub overlay: bool,
}

/// A histogram bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar {
    /// Left edge, pixels (whole).
    pub x: i32,
    /// Marks overlapping it.
    pub total: u32,
    /// Of those, the matched ones.
    pub matched: u32,
}

/// What to draw for one view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// Individual marks, by index.
    pub marks: Vec<Placed>,
    /// Histogram bars, left to right, each [`BIN_PX`] wide.
    pub bars: Vec<Bar>,
    /// The largest `total` among `bars`.
    pub peak: u32,
    /// Breaks in view.
    pub breaks: Vec<Break>,
}

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

/// The time axis of a set of marks.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    marks: Vec<Mark>,
    pieces: Vec<Piece>,
    /// Axis units from the first day to the last.
    units: f64,
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

/// Sorts `marks` by first day, then last day. The marks are sorted through
/// `u128` keys (first day, last day, position), the key type the archive's
/// date order already sorts, rather than by a sort of their own: each element
/// type sorted is its own few KB of code in the module.
fn sort_marks(marks: &mut Vec<Mark>) {
    // Flipping the sign bit orders signed days as unsigned numbers.
    let day = |d: i32| u128::from(d as u32 ^ (1 << 31));
    let mut keys: Vec<u128> = (0u32..)
        .zip(marks.iter())
        .map(|(i, m)| day(m.start) << 96 | day(m.end) << 64 | u128::from(i))
        .collect();
    keys.sort_unstable();
    let sorted: Vec<Mark> = keys
        .iter()
        .filter_map(|&k| marks.get(k as u32 as usize).copied())
        .collect();
    *marks = sorted;
}

impl Axis {
    /// The axis of `marks` (oldest first, as the archive lists them; they
    /// are sorted if not). It starts on the first of the oldest mark's month
    /// and ends after the newest mark's month.
    pub fn new(mut marks: Vec<Mark>) -> Axis {
        sort_marks(&mut marks);
        let Some(first) = marks.first().map(|m| month_floor(m.start)) else {
            return Axis {
                marks,
                pieces: Vec::new(),
                units: 0.0,
            };
        };
        let last = marks.iter().map(|m| m.end).max().unwrap_or(first);
        let after = month_ceil(last.saturating_add(1));
        let mut pieces = Vec::new();
        let mut u = 0.0;
        let mut open = first;
        let mut covered = first;
        for m in &marks {
            let gap_start = month_ceil(covered.saturating_add(GAP_MARGIN_DAYS));
            let gap_end = month_floor(m.start.saturating_sub(GAP_MARGIN_DAYS));
            if m.start.saturating_sub(covered) >= MIN_GAP_DAYS && gap_end > gap_start {
                pieces.push(Piece {
                    start: open,
                    end: gap_start,
                    u,
                    collapsed: false,
                });
                u += f64::from(gap_start - open);
                pieces.push(Piece {
                    start: gap_start,
                    end: gap_end,
                    u,
                    collapsed: true,
                });
                open = gap_end;
            }
            covered = covered.max(m.end.saturating_add(1));
        }
        pieces.push(Piece {
            start: open,
            end: after,
            u,
            collapsed: false,
        });
        u += f64::from(after - open);
        Axis {
            marks,
            pieces,
            units: u,
        }
    }

    /// The marks, oldest first.
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// First day of the axis and the first day after it.
    pub fn days(&self) -> Option<(i32, i32)> {
        Some((self.pieces.first()?.start, self.pieces.last()?.end))
    }

    /// The collapsed stretches: first and last day of each.
    pub fn gaps(&self) -> Vec<(Day, Day)> {
        self.pieces
            .iter()
            .filter(|p| p.collapsed)
            .map(|p| (Day::from_ordinal(p.start), Day::from_ordinal(p.end - 1)))
            .collect()
    }

    fn breaks_count(&self) -> f64 {
        self.pieces.iter().filter(|p| p.collapsed).count() as f64
    }

    /// Width in pixels of the whole axis at `k` pixels per day.
    pub fn world(&self, k: f64) -> f64 {
        self.units * k + BREAK_PX * self.breaks_count()
    }

    /// Position of the start of `day` (fractions allowed) on the whole axis
    /// at `k` pixels per day, before scrolling.
    pub fn world_x(&self, day: f64, k: f64) -> f64 {
        let mut breaks = 0.0;
        for p in &self.pieces {
            if p.collapsed {
                if day < f64::from(p.end) {
                    // Inside a break: spread its days over its pixels.
                    let t = within(
                        (day - f64::from(p.start)) / f64::from(p.end - p.start).max(1.0),
                        0.0,
                        1.0,
                    );
                    return p.u * k + BREAK_PX * (breaks + t);
                }
                breaks += 1.0;
            } else if day < f64::from(p.end) {
                return (p.u + (day - f64::from(p.start)).max(0.0)) * k + BREAK_PX * breaks;
            }
        }
        self.world(k)
    }

    /// The day at `x` on the whole axis (inverse of [`Axis::world_x`]).
    pub fn world_day(&self, x: f64, k: f64) -> f64 {
        let mut left = 0.0;
        for p in &self.pieces {
            let width = if p.collapsed {
                BREAK_PX
            } else {
                f64::from(p.end - p.start) * k
            };
            if x < left + width {
                let t = within((x - left) / width.max(f64::MIN_POSITIVE), 0.0, 1.0);
                return f64::from(p.start) + t * f64::from(p.end - p.start);
            }
            left += width;
        }
        self.days().map_or(0.0, |(_, end)| f64::from(end))
    }

    /// The view showing the whole axis in `width` pixels.
    pub fn fit(&self, width: f64) -> View {
        let width = width.max(1.0);
        let room = width - 2.0 * END_PX - BREAK_PX * self.breaks_count();
        let k = (room / self.units.max(1.0)).max(1e-6);
        View {
            k,
            s: -END_PX,
            width,
        }
    }

    /// The largest zoom: [`MIN_VISIBLE_DAYS`] across the width.
    fn max_k(&self, width: f64) -> f64 {
        (width / MIN_VISIBLE_DAYS).max(self.fit(width).k)
    }

    /// `view` brought within the limits: zoom between the whole axis and
    /// [`MIN_VISIBLE_DAYS`], scroll within the axis.
    pub fn clamp(&self, view: View) -> View {
        let width = view.width.max(1.0);
        let fit = self.fit(width).k;
        let k = if view.k.is_finite() {
            within(view.k, fit, self.max_k(width))
        } else {
            fit
        };
        let most = (self.world(k) - width + END_PX).max(-END_PX);
        let s = if view.s.is_finite() {
            within(view.s, -END_PX, most)
        } else {
            -END_PX
        };
        View { k, s, width }
    }

    /// `view` zoomed by `factor` keeping the day under pixel `x` in place.
    pub fn zoom(&self, view: View, factor: f64, x: f64) -> View {
        let day = self.world_day(x + view.s, view.k);
        let k = self
            .clamp(View {
                k: view.k * factor,
                ..view
            })
            .k;
        self.clamp(View {
            k,
            s: self.world_x(day, k) - x,
            width: view.width,
        })
    }

    /// `view` scrolled by `dx` pixels.
    pub fn pan(&self, view: View, dx: f64) -> View {
        self.clamp(View {
            s: view.s + dx,
            ..view
        })
    }

    /// The view that shows days `first..=last` with a margin, within limits.
    pub fn show(&self, view: View, first: i32, last: i32) -> View {
        let width = view.width.max(1.0);
        let margin = (width * 0.06).min(40.0);
        let inner = (width - 2.0 * margin).max(1.0);
        let fit = self.fit(width);
        // Pixels per day that make the span fill `inner`, breaks included.
        let span_at =
            |k: f64| self.world_x(f64::from(last) + 1.0, k) - self.world_x(f64::from(first), k);
        let mut k = fit.k;
        // The span's width grows with k (its breaks do not): a few doublings
        // then a bisection find the k that fills the width.
        let (mut lo, mut hi) = (fit.k, self.max_k(width));
        if span_at(hi) <= inner {
            k = hi;
        } else if span_at(lo) < inner {
            for _ in 0..48 {
                let mid = (lo + hi) / 2.0;
                if span_at(mid) < inner {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            k = lo;
        }
        let center =
            (self.world_x(f64::from(first), k) + self.world_x(f64::from(last) + 1.0, k)) / 2.0;
        self.clamp(View {
            k,
            s: center - width / 2.0,
            width,
        })
    }

    /// `view` scrolled (not zoomed) so mark `index` is inside it.
    pub fn reveal(&self, view: View, index: usize) -> View {
        let Some(m) = self.marks.get(index) else {
            return view;
        };
        let (x0, x1) = self.extent(m, view);
        let margin = 24.0_f64.min(view.width / 4.0);
        if x0 >= margin && x1 <= view.width - margin {
            return view;
        }
        let center = (x0 + x1) / 2.0;
        self.pan(view, center - view.width / 2.0)
    }

    /// Left and right edges of `m` in `view`, pixels.
    pub fn extent(&self, m: &Mark, view: View) -> (f64, f64) {
        let at = |day: f64| self.world_x(day, view.k) - view.s;
        match m.shape {
            Shape::Point => {
                let c = at(f64::from(m.start) + 0.5);
                (c - POINT_R, c + POINT_R)
            }
            Shape::Span | Shape::Bar => {
                let (a, b) = (at(f64::from(m.start)), at(f64::from(m.end) + 1.0));
                if b - a >= MIN_MARK_PX {
                    (a, b)
                } else {
                    let c = (a + b) / 2.0;
                    (c - MIN_MARK_PX / 2.0, c + MIN_MARK_PX / 2.0)
                }
            }
        }
    }

    /// What to draw in `view`: marks in lanes, histogram bars where they are
    /// too dense, and breaks. `matched` flags each mark (missing flags count
    /// as matched); `keep` lists marks that must be drawn whatever the
    /// density (the focused and the open statement).
    pub fn layout(&self, view: View, matched: &[bool], keep: &[usize]) -> Layout {
        let mut layout = Layout::default();
        // Marks a little beyond the edges count too, so a dense run cut by
        // the edge is not taken for a sparse one and drawn as marks.
        let (lo, hi) = (-OFF_VIEW_PX, view.width + OFF_VIEW_PX);
        let visible: Vec<(usize, f64, f64)> = self
            .marks
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let (x0, x1) = self.extent(m, view);
                (x1 >= lo && x0 <= hi).then_some((i, x0, x1))
            })
            .collect();
        let mut i = 0;
        while i < visible.len() {
            // A cluster: marks whose extents chain together.
            let start = i;
            let mut reach = visible.get(i).map_or(0.0, |v| v.2);
            i += 1;
            while let Some(&(_, x0, x1)) = visible.get(i) {
                if x0 > reach + LANE_GAP_PX {
                    break;
                }
                reach = reach.max(x1);
                i += 1;
            }
            let cluster = visible.get(start..i).unwrap_or(&[]);
            if !self.stack(cluster, &mut layout.marks) {
                self.histogram(cluster, view, matched, &mut layout.bars);
            }
        }
        layout.peak = layout.bars.iter().map(|b| b.total).max().unwrap_or(0);
        for &index in keep {
            if layout.marks.iter().any(|p| p.index == index) {
                continue;
            }
            if let Some(m) = self.marks.get(index) {
                let (x0, x1) = self.extent(m, view);
                if x1 >= lo && x0 <= hi {
                    layout.marks.push(Placed {
                        index,
                        x0,
                        x1,
                        lane: 0,
                        overlay: true,
                    });
                }
            }
        }
        let mut left = -view.s;
        for p in &self.pieces {
            let width = if p.collapsed {
                BREAK_PX
            } else {
                f64::from(p.end - p.start) * view.k
            };
            if p.collapsed && left + width >= 0.0 && left <= view.width {
                layout.breaks.push(Break {
                    x: left,
                    start: Day::from_ordinal(p.start),
                    end: Day::from_ordinal(p.end - 1),
                });
            }
            left += width;
        }
        layout
    }

    /// Stacks `cluster` into lanes, appending to `out`; false (and nothing
    /// appended) when it needs more than [`MAX_LANES`].
    fn stack(&self, cluster: &[(usize, f64, f64)], out: &mut Vec<Placed>) -> bool {
        let mut ends = [f64::NEG_INFINITY; MAX_LANES];
        let before = out.len();
        for &(index, x0, x1) in cluster {
            let Some(lane) = ends.iter().position(|e| *e + LANE_GAP_PX <= x0) else {
                out.truncate(before);
                return false;
            };
            if let Some(e) = ends.get_mut(lane) {
                *e = x1;
            }
            out.push(Placed {
                index,
                x0,
                x1,
                lane,
                overlay: false,
            });
        }
        true
    }

    /// Counts `cluster` into bars [`BIN_PX`] wide aligned on the whole axis,
    /// so bars stay put while the view scrolls.
    fn histogram(
        &self,
        cluster: &[(usize, f64, f64)],
        view: View,
        matched: &[bool],
        out: &mut Vec<Bar>,
    ) {
        let bin = |x: f64| ((x + view.s) / BIN_PX).floor() as i64;
        let lo = bin(-BIN_PX);
        let hi = bin(view.width + BIN_PX);
        let first = cluster.iter().map(|c| bin(c.1)).min().unwrap_or(0).max(lo);
        let last = cluster.iter().map(|c| bin(c.2)).max().unwrap_or(0).min(hi);
        let Ok(n) = usize::try_from(last - first + 2) else {
            return;
        };
        let mut total = vec![0i64; n];
        let mut kept = vec![0i64; n];
        let slot = |x: f64| usize::try_from((bin(x) - first).min(last - first).max(0)).unwrap_or(0);
        for &(index, x0, x1) in cluster {
            let (a, b) = (slot(x0), slot(x1) + 1);
            let on = matched.get(index).copied().unwrap_or(true);
            for (diff, yes) in [(&mut total, true), (&mut kept, on)] {
                if yes {
                    if let Some(v) = diff.get_mut(a) {
                        *v += 1;
                    }
                    if let Some(v) = diff.get_mut(b) {
                        *v -= 1;
                    }
                }
            }
        }
        let (mut t, mut m) = (0i64, 0i64);
        for j in 0..n.saturating_sub(1) {
            t += total.get(j).copied().unwrap_or(0);
            m += kept.get(j).copied().unwrap_or(0);
            if t > 0 {
                let x = (first + j as i64) as f64 * BIN_PX - view.s;
                out.push(Bar {
                    x: x.round() as i32,
                    total: u32::try_from(t).unwrap_or(u32::MAX),
                    matched: u32::try_from(m).unwrap_or(0),
                });
            }
        }
    }

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

    /// Marks grouped by the year they start in, with how many of each
    /// group are matched: the equivalent list of the drawing.
    pub fn years(&self, matched: &[bool]) -> Vec<Year> {
        let mut years: Vec<Year> = Vec::new();
        for (i, m) in self.marks.iter().enumerate() {
            let year = Day::from_ordinal(m.start).year;
            let on = matched.get(i).copied().unwrap_or(true);
            match years.last_mut() {
                Some(y) if y.year == year => {
                    y.last = i;
                    y.total += 1;
                    y.matched += u32::from(on);
                }
                _ => years.push(Year {
                    year,
                    first: i,
                    last: i,
                    total: 1,
                    matched: u32::from(on),
                }),
            }
        }
        years
    }
}

/// The statements of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Year {
    /// The year.
    pub year: u16,
    /// Index of its first mark.
    pub first: usize,
    /// Index of its last mark.
    pub last: usize,
    /// Marks in it.
    pub total: u32,
    /// Of those, the matched ones.
    pub matched: u32,
}

/// Most statements one year of the equivalent list names. A list of
/// thousands helps nobody and costs every update a rebuild of as many
/// elements; a larger year names its matching statements up to this many and
/// says how many more it holds ("only this year" puts them all in the results).
pub const YEAR_LIST_MAX: usize = 25;

impl Year {
    /// Whether the year's list names a mark, given whether it matches and
    /// how many the list has named before it (in time order): every mark of
    /// a year of at most `max`, else matching ones until `max` are named.
    pub fn lists(&self, matched: bool, named: usize, max: usize) -> bool {
        self.total as usize <= max || (matched && named < max)
    }
}

/// `v` brought within `lo..=hi` (`lo` when `v` is NaN). Unlike
/// `f64::clamp` it cannot panic, and it does not bring the float formatting
/// of that panic's message into the module.
pub fn within(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

/// The first day of `day`'s month.
fn month_floor(day: i32) -> i32 {
    let d = Day::from_ordinal(day);
    Day::new(d.year, d.month, 1).map_or(day, Day::ordinal)
}

/// The first day of a month on or after `day`.
fn month_ceil(day: i32) -> i32 {
    let floor = month_floor(day);
    if floor == day {
        day
    } else {
        advance(floor, TickUnit::Month, 1)
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
fn advance(day: i32, unit: TickUnit, step: i32) -> i32 {
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

/// The chronology's own interface strings.
#[derive(Debug)]
pub struct Words {
    /// Name of the chronology region.
    pub chronology: &'static str,
    /// Zoom in button.
    pub zoom_in: &'static str,
    /// Zoom out button.
    pub zoom_out: &'static str,
    /// Show the whole archive.
    pub fit: &'static str,
    /// Show the span of the matching statements.
    pub fit_results: &'static str,
    /// Remove the brushed dates.
    pub clear_dates: &'static str,
    /// Label of a break in the axis.
    pub no_statements: &'static str,
    /// Heading of the equivalent list.
    pub by_year: &'static str,
    /// Count prefix for matched of total: "3 of 6".
    pub of: &'static str,
    /// Filter by one year from the equivalent list.
    pub only_year: &'static str,
    /// How to use the chronology, read with it.
    pub help: &'static str,
    /// Statements drawn together as a bar.
    pub statements: &'static str,
    /// Name of the date range selector.
    pub dates: &'static str,
    /// After a count of statements a year's list leaves out: "1150 more".
    pub more: &'static str,
}

const WORDS_EN: Words = Words {
    chronology: "Chronology",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    fit: "Whole archive",
    fit_results: "Fit to results",
    clear_dates: "Clear dates",
    no_statements: "No statements",
    by_year: "Statements by year",
    of: "of",
    only_year: "Only this year",
    help: "Arrow keys move from statement to statement in time, Enter opens. Shift with the arrow keys selects the period between statements, Escape clears it; or drag along the dates.",
    statements: "statements",
    dates: "Selected period",
    more: "more",
};

const WORDS_ES: Words = Words {
    chronology: "Cronología",
    zoom_in: "Acercar",
    zoom_out: "Alejar",
    fit: "Todo el archivo",
    fit_results: "Ajustar a los resultados",
    clear_dates: "Quitar fechas",
    no_statements: "Sin declaraciones",
    by_year: "Declaraciones por año",
    of: "de",
    only_year: "Solo este año",
    help: "Las flechas pasan de una declaración a otra en el tiempo; Intro la abre. Mayús con las flechas elige el periodo entre declaraciones y Esc lo quita; o arrastre sobre las fechas.",
    statements: "declaraciones",
    dates: "Periodo elegido",
    more: "más",
};

const WORDS_FR: Words = Words {
    chronology: "Chronologie",
    zoom_in: "Zoom avant",
    zoom_out: "Zoom arrière",
    fit: "Toute l’archive",
    fit_results: "Ajuster aux résultats",
    clear_dates: "Effacer les dates",
    no_statements: "Aucune déclaration",
    by_year: "Déclarations par année",
    of: "sur",
    only_year: "Cette année seulement",
    help: "Les flèches passent d’une déclaration à l’autre dans le temps ; Entrée l’ouvre. Maj avec les flèches choisit la période entre déclarations, Échap l’efface ; ou faites glisser sur les dates.",
    statements: "déclarations",
    dates: "Période choisie",
    more: "de plus",
};

const WORDS_ID: Words = Words {
    chronology: "Kronologi",
    zoom_in: "Perbesar",
    zoom_out: "Perkecil",
    fit: "Seluruh arsip",
    fit_results: "Sesuaikan dengan hasil",
    clear_dates: "Hapus tanggal",
    no_statements: "Tidak ada pernyataan",
    by_year: "Pernyataan per tahun",
    of: "dari",
    only_year: "Hanya tahun ini",
    help: "Tombol panah berpindah antarpernyataan menurut waktu; Enter membukanya. Shift dengan tombol panah memilih periode antarpernyataan, Esc menghapusnya; atau seret di sepanjang tanggal.",
    statements: "pernyataan",
    dates: "Periode terpilih",
    more: "lainnya",
};

impl Words {
    /// The strings of `lang`.
    pub fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::En => &WORDS_EN,
            Lang::Es => &WORDS_ES,
            Lang::Fr => &WORDS_FR,
            Lang::Id => &WORDS_ID,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> i32 {
        PartialDate::parse(s).unwrap().start().ordinal()
    }

    fn mark(start: &str, end: &str, shape: Shape) -> Mark {
        Mark {
            start: day(start),
            end: day(end),
            shape,
            approximate: false,
        }
    }

    #[test]
    fn marks_sort_by_first_then_last_day_across_the_sign() {
        let raw = |start: i32, end: i32| Mark {
            start,
            end,
            shape: Shape::Span,
            approximate: false,
        };
        let mut marks = vec![raw(5, 9), raw(-3, 2), raw(5, 6), raw(-7, -7), raw(0, 0)];
        sort_marks(&mut marks);
        let days: Vec<(i32, i32)> = marks.iter().map(|m| (m.start, m.end)).collect();
        assert_eq!(days, [(-7, -7), (-3, 2), (0, 0), (5, 6), (5, 9)]);
    }

    /// The shape of the real corpus: 2015–2017, then July 2023.
    fn corpus_like() -> Axis {
        Axis::new(vec![
            mark("2015-05-01", "2015-05-31", Shape::Span),
            mark("2015-11-11", "2015-11-13", Shape::Bar),
            mark("2015-12-10", "2015-12-10", Shape::Point),
            mark("2016-12-18", "2016-12-18", Shape::Point),
            mark("2017-12-04", "2017-12-04", Shape::Point),
            mark("2023-07-12", "2023-07-17", Shape::Bar),
        ])
    }

    #[test]
    fn shapes_follow_precision() {
        assert_eq!(Shape::of(Precision::Day), Shape::Point);
        assert_eq!(Shape::of(Precision::Month), Shape::Span);
        assert_eq!(Shape::of(Precision::Year), Shape::Span);
        assert_eq!(Shape::of(Precision::Range), Shape::Bar);
        let m = Mark::parse("2015-11-11", "2015-11-13", "range", false).unwrap();
        assert_eq!((m.shape, m.end - m.start), (Shape::Bar, 2));
        assert!(Mark::parse("banana", "2015-11-13", "range", false).is_none());
    }

    #[test]
    fn a_long_empty_stretch_collapses_into_one_labelled_break() {
        let axis = corpus_like();
        let gaps = axis.gaps();
        assert_eq!(gaps.len(), 1);
        let (start, end) = gaps[0];
        assert_eq!((start.year, start.month), (2018, 2));
        assert_eq!((end.year, end.month), (2023, 5));
        let fit = axis.fit(800.0);
        let layout = axis.layout(fit, &[], &[]);
        assert_eq!(layout.breaks.len(), 1);
        assert_eq!(layout.breaks[0].label(), "2018–2023");
        assert_eq!(
            layout.breaks[0].describe(Lang::En),
            "No statements, February 2018 – May 2023"
        );
        // The break is narrow: the years with statements get the width.
        let x2017 = axis.world_x(f64::from(day("2017-12-05")), fit.k);
        let x2023 = axis.world_x(f64::from(day("2023-07-12")), fit.k);
        assert!(x2023 - x2017 < BREAK_PX + 80.0, "{}", x2023 - x2017);
        // Short empty stretches do not collapse.
        let dense = Axis::new(vec![
            mark("2015-01-01", "2015-01-01", Shape::Point),
            mark("2015-12-01", "2015-12-01", Shape::Point),
        ]);
        assert!(dense.gaps().is_empty());
    }

    #[test]
    fn world_positions_and_days_invert() {
        let axis = corpus_like();
        let k = 2.5;
        for d in ["2015-05-01", "2016-02-29", "2017-12-31", "2023-07-15"] {
            let x = axis.world_x(f64::from(day(d)), k);
            let back = axis.world_day(x, k);
            assert!((back - f64::from(day(d))).abs() < 1e-6, "{d}");
        }
        // Days grow left to right, the break included.
        let mut last = f64::NEG_INFINITY;
        let (first, after) = axis.days().unwrap();
        for d in (first..after).step_by(17) {
            let x = axis.world_x(f64::from(d), k);
            assert!(x >= last);
            last = x;
        }
        assert!((axis.world(k) - axis.world_x(f64::from(after), k)).abs() < 1e-9);
    }

    #[test]
    fn zoom_keeps_the_anchor_and_respects_limits() {
        let axis = corpus_like();
        let fit = axis.fit(600.0);
        assert_eq!(axis.clamp(fit), fit);
        // Zooming out of the whole archive changes nothing.
        assert_eq!(axis.zoom(fit, 0.5, 300.0), fit);
        let x = 200.0;
        let before = axis.world_day(x + fit.s, fit.k);
        let zoomed = axis.zoom(fit, 2.0, x);
        assert!((zoomed.k - 2.0 * fit.k).abs() < 1e-9);
        let after = axis.world_day(x + zoomed.s, zoomed.k);
        assert!((before - after).abs() < 0.5, "{before} {after}");
        // Zooming in forever stops at MIN_VISIBLE_DAYS across the width.
        let mut v = fit;
        for _ in 0..100 {
            v = axis.zoom(v, 1.5, 300.0);
        }
        assert!((v.k - 600.0 / MIN_VISIBLE_DAYS).abs() < 1e-9);
        // Panning stops at both ends.
        let far = axis.pan(v, 1e12);
        assert!((far.s - (axis.world(far.k) - 600.0 + END_PX)).abs() < 1e-6);
        assert_eq!(axis.pan(v, -1e12).s, -END_PX);
        assert_eq!(
            axis.clamp(View {
                k: f64::NAN,
                s: f64::NAN,
                width: 600.0
            }),
            fit
        );
    }

    #[test]
    fn show_fits_a_span_into_the_width() {
        let axis = corpus_like();
        let fit = axis.fit(600.0);
        let v = axis.show(fit, day("2015-11-01"), day("2015-12-31"));
        let (a, b) = axis.brush_x(
            v,
            Day::from_ordinal(day("2015-11-01")),
            Day::from_ordinal(day("2015-12-31")),
        );
        assert!(a >= 0.0 && b <= 600.0 && b - a > 400.0, "{a} {b}");
        // A single day cannot zoom beyond the limit.
        let one = axis.show(fit, day("2015-12-10"), day("2015-12-10"));
        assert!(one.k <= 600.0 / MIN_VISIBLE_DAYS + 1e-9);
    }

    #[test]
    fn overlapping_marks_stack_in_lanes() {
        let axis = Axis::new(vec![
            mark("2015-05-01", "2015-05-31", Shape::Span),
            mark("2015-05-01", "2015-05-31", Shape::Span),
            mark("2015-05-10", "2015-05-10", Shape::Point),
            mark("2015-09-01", "2015-09-30", Shape::Span),
        ]);
        let v = axis.fit(800.0);
        let layout = axis.layout(v, &[], &[]);
        assert!(layout.bars.is_empty());
        let lanes: Vec<usize> = layout.marks.iter().map(|p| p.lane).collect();
        assert_eq!(lanes, vec![0, 1, 2, 0]);
        // No two marks in one lane overlap.
        for a in &layout.marks {
            for b in &layout.marks {
                if a.index < b.index && a.lane == b.lane {
                    assert!(a.x1 <= b.x0 || b.x1 <= a.x0);
                }
            }
        }
    }

    #[test]
    fn too_many_marks_become_a_histogram_that_splits_when_zoomed() {
        // 40 statements on consecutive days, and one a year away.
        let base = day("2020-03-01");
        let mut marks: Vec<Mark> = (0..40)
            .map(|i| Mark {
                start: base + i,
                end: base + i,
                shape: Shape::Point,
                approximate: false,
            })
            .collect();
        marks.push(mark("2020-12-01", "2020-12-01", Shape::Point));
        let axis = Axis::new(marks);
        let matched: Vec<bool> = (0..41).map(|i| i % 2 == 0).collect();
        let fit = axis.fit(400.0);
        let dense = axis.layout(fit, &matched, &[]);
        assert!(!dense.bars.is_empty());
        let total: u32 = dense.bars.iter().map(|b| b.total).sum();
        assert!(total >= 40);
        assert!(dense.bars.iter().all(|b| b.matched <= b.total));
        assert!(dense.bars.iter().any(|b| b.matched < b.total));
        // The lone statement is still a mark.
        assert_eq!(dense.marks.len(), 1);
        assert_eq!(dense.marks[0].index, 40);
        // Kept marks are drawn over the histogram.
        let kept = axis.layout(fit, &matched, &[3]);
        assert!(kept.marks.iter().any(|p| p.index == 3 && p.overlay));
        // Zoomed in on the run, marks come apart again.
        let close = axis.show(fit, base, base + 9);
        let layout = axis.layout(close, &matched, &[]);
        assert!(layout.bars.is_empty(), "{:?}", layout.bars);
        assert!(layout.marks.len() >= 10);
    }

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
    fn a_long_year_lists_its_matches_up_to_the_most_and_counts_the_rest() {
        let year = Year {
            year: 2015,
            first: 10,
            last: 19,
            total: 10,
            matched: 4,
        };
        let matching = [11, 12, 15, 19];
        let list = |max: usize| {
            let mut named = Vec::new();
            for i in year.first..=year.last {
                if year.lists(matching.contains(&i), named.len(), max) {
                    named.push(i);
                }
            }
            let left = year.total as usize - named.len();
            (named, left)
        };
        // A short year lists every statement, matching or not.
        assert_eq!(list(10), ((10..=19).collect(), 0));
        // A long one lists its matching ones, in time order, up to the most.
        assert_eq!(list(9), (vec![11, 12, 15, 19], 6));
        assert_eq!(list(3), (vec![11, 12, 15], 7));
    }

    #[test]
    fn years_group_marks_with_counts() {
        let axis = corpus_like();
        let years = axis.years(&[true, false, true, false, false, true]);
        let summary: Vec<(u16, u32, u32)> =
            years.iter().map(|y| (y.year, y.total, y.matched)).collect();
        assert_eq!(
            summary,
            vec![(2015, 3, 2), (2016, 1, 0), (2017, 1, 0), (2023, 1, 1)]
        );
        assert_eq!((years[0].first, years[0].last), (0, 2));
    }

    #[test]
    fn an_empty_axis_is_harmless() {
        let axis = Axis::new(Vec::new());
        let v = axis.clamp(axis.fit(300.0));
        assert!(axis.layout(v, &[], &[0]).marks.is_empty());
        assert!(axis.ticks(v, Lang::En).ticks.len() <= MAX_TICKS);
        assert_eq!(axis.days_between(v, 0.0, 10.0), None);
        assert!(axis.years(&[]).is_empty());
    }

    #[test]
    fn every_language_has_every_word() {
        for lang in Lang::ALL {
            let w = Words::of(lang);
            for s in [
                w.chronology,
                w.zoom_in,
                w.zoom_out,
                w.fit,
                w.fit_results,
                w.clear_dates,
                w.no_statements,
                w.by_year,
                w.of,
                w.help,
            ] {
                assert!(!s.is_empty());
            }
        }
    }
}
