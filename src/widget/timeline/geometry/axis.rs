//! The time axis: pieces of time with statements, one unit a day, and
//! collapsed breaks between them; zoom, scroll and their limits.

use super::layout::POINT_R;
use super::ticks::{advance, TickUnit};
use super::{within, Mark, Shape, View};
use crate::date::Day;

/// Shortest empty stretch, in days, that collapses into a break: two years,
/// so a quiet year keeps its place on the axis.
pub const MIN_GAP_DAYS: i32 = 730;

/// Days of empty time kept on each side of a break, so marks next to it
/// do not touch it.
const GAP_MARGIN_DAYS: i32 = 31;

/// Room left at the start of the axis, pixels, so the first mark is not
/// cut by the frame.
pub const END_PX: f64 = 14.0;

/// Room left after the end of the axis: a twelfth of the width, between
/// [`END_PX`] and 72 pixels (the narrowest title and the gap after it).
/// The newest statement is the last mark, and its title and card need room
/// beside it that the frame's edge would otherwise squeeze (after a break,
/// the last stretch is short).
pub fn tail_px(width: f64) -> f64 {
    within(width / 12.0, END_PX, 72.0)
}

/// Width of a break on screen, in pixels, at every zoom.
pub const BREAK_PX: f64 = 56.0;

/// The narrowest span of time the view may show across its width.
pub const MIN_VISIBLE_DAYS: f64 = 10.0;

/// Narrowest span or bar drawn, in pixels.
const MIN_MARK_PX: f64 = 8.0;

/// A stretch of the axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Piece {
    /// First day.
    pub(super) start: i32,
    /// First day after it.
    pub(super) end: i32,
    /// Axis units at `start`.
    pub(super) u: f64,
    /// Whether the stretch is collapsed into a break.
    pub(super) collapsed: bool,
}

/// The time axis of a set of marks.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub(super) marks: Vec<Mark>,
    pub(super) pieces: Vec<Piece>,
    /// Axis units from the first day to the last.
    pub(super) units: f64,
    /// Per mark, the latest last day of it and the marks before it: the
    /// marks a view may show are found by two binary searches, not a pass
    /// over them all.
    pub(super) reach: Vec<i32>,
}

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
                reach: Vec::new(),
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
        let mut reach = Vec::with_capacity(marks.len());
        let mut latest = i32::MIN;
        for m in &marks {
            latest = latest.max(m.end);
            reach.push(latest);
        }
        Axis {
            marks,
            pieces,
            units: u,
            reach,
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
        let room = width - END_PX - tail_px(width) - BREAK_PX * self.breaks_count();
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
        let most = (self.world(k) - width + tail_px(width)).max(-END_PX);
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
}

/// The first day of `day`'s month.
pub(super) fn month_floor(day: i32) -> i32 {
    let d = Day::from_ordinal(day);
    Day::new(d.year, d.month, 1).map_or(day, Day::ordinal)
}

/// The first day of a month on or after `day`.
pub(super) fn month_ceil(day: i32) -> i32 {
    let floor = month_floor(day);
    if floor == day {
        day
    } else {
        advance(floor, TickUnit::Month, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::widget::timeline::geometry::testing::*;
    use crate::widget::timeline::geometry::ticks::MAX_TICKS;
    use crate::widget::timeline::geometry::*;

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
    fn the_newest_statement_keeps_room_after_it_for_its_title() {
        // After the 2018–2023 break the last stretch is two months: the
        // July 2023 statement would sit by the frame's edge.
        let axis = corpus_like();
        for width in [320.0, 768.0, 1280.0] {
            let v = axis.fit(width);
            let newest = axis.marks().last().unwrap();
            let (left, right) = axis.extent(newest, v);
            let middle = (left + right) / 2.0;
            assert!(width - middle >= tail_px(width), "{width}: {middle}");
        }
        let (_, right) = axis.extent(&axis.marks()[5], axis.fit(1280.0));
        assert!(1280.0 - right >= 72.0, "{right}");
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
        assert!((far.s - (axis.world(far.k) - 600.0 + tail_px(600.0))).abs() < 1e-6);
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
    fn an_empty_axis_is_harmless() {
        let axis = Axis::new(Vec::new());
        let v = axis.clamp(axis.fit(300.0));
        assert!(axis.layout(v, &[], &[0]).marks.is_empty());
        assert!(axis.ticks(v, Lang::En).ticks.len() <= MAX_TICKS);
        assert_eq!(axis.days_between(v, 0.0, 10.0), None);
        assert!(axis.years(&[]).is_empty());
    }
}
