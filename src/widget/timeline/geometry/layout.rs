//! What to draw for one view: marks in lanes, density bars where they are
//! too many to tell apart, and the breaks in view.

use super::axis::BREAK_PX;
use super::{Axis, View};
use crate::date::Day;
use crate::lang::Lang;
use crate::number::decimal;
use crate::widget::strings::Words;

/// Most lanes marks may stack in before a run of them becomes a histogram.
pub const MAX_LANES: usize = 4;

/// Width of a histogram bar, in pixels.
pub const BIN_PX: f64 = 8.0;

/// How far beyond the edges of the view marks are laid out, pixels.
const OFF_VIEW_PX: f64 = 120.0;

/// Radius of a day's point, in pixels.
pub const POINT_R: f64 = 5.0;

/// Room kept free between two marks in one lane, in pixels.
const LANE_GAP_PX: f64 = 2.0;

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
        Words::of(lang).no_statements().to_owned()
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
    /// Every mark in view or a little beyond its edges, oldest first:
    /// index, left and right edge (the titles are placed among these).
    pub visible: Vec<(usize, f64, f64)>,
}

impl Axis {
    /// What to draw in `view`: marks in lanes, histogram bars where they are
    /// too dense, and breaks. `matched` flags each mark (missing flags count
    /// as matched); `keep` lists marks that must be drawn whatever the
    /// density (the focused and the open statement).
    pub fn layout(&self, view: View, matched: &[bool], keep: &[usize]) -> Layout {
        let mut layout = Layout::default();
        // Marks a little beyond the edges count too, so a dense run cut by
        // the edge is not taken for a sparse one and drawn as marks.
        let (lo, hi) = (-OFF_VIEW_PX, view.width + OFF_VIEW_PX);
        let visible = self.near(view, lo, hi);
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
        layout.visible = visible;
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

    /// The marks between pixels `lo` and `hi` of `view`: index, left and
    /// right edge. Only the marks whose days can reach that far are looked
    /// at (a mark is drawn at most a few pixels beyond its days).
    pub(super) fn near(&self, view: View, lo: f64, hi: f64) -> Vec<(usize, f64, f64)> {
        let day = |x: f64| self.world_day(x + view.s, view.k);
        let (first, last) = (
            day(lo - BIN_PX).floor() - 1.0,
            day(hi + BIN_PX).ceil() + 1.0,
        );
        let from = self.reach.partition_point(|&end| f64::from(end) < first);
        let to = self.marks.partition_point(|m| f64::from(m.start) <= last);
        let mut out = Vec::new();
        for (i, m) in self.marks.iter().enumerate().take(to).skip(from) {
            let (x0, x1) = self.extent(m, view);
            if x1 >= lo && x0 <= hi {
                out.push((i, x0, x1));
            }
        }
        out
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
        let Ok(n) = usize::try_from(last - first + 1) else {
            return;
        };
        let slot = |x: f64| usize::try_from((bin(x) - first).min(last - first).max(0)).unwrap_or(0);
        let mut spans = Vec::with_capacity(cluster.len());
        for &(index, x0, x1) in cluster {
            spans.push((
                slot(x0),
                slot(x1),
                matched.get(index).copied().unwrap_or(true),
            ));
        }
        for (j, (total, matched)) in (first..).zip(tally(n, &spans)) {
            if total > 0 {
                out.push(Bar {
                    x: (j as f64 * BIN_PX - view.s).round() as i32,
                    total,
                    matched,
                });
            }
        }
    }
}

/// Counts spans of bins (first and last bin, and whether matched) into `n`
/// bins: per bin, the spans over it and the matched ones among them.
/// Counted as differences, then summed: a long span costs two writes.
pub(super) fn tally(n: usize, spans: &[(usize, usize, bool)]) -> Vec<(u32, u32)> {
    let mut diff = vec![(0i64, 0i64); n + 1];
    for &(a, b, on) in spans {
        let on = i64::from(on);
        for (at, sign) in [(a, 1), (b + 1, -1)] {
            if let Some(d) = diff.get_mut(at) {
                d.0 += sign;
                d.1 += sign * on;
            }
        }
    }
    let (mut t, mut m) = (0i64, 0i64);
    let mut bins = Vec::with_capacity(n);
    for d in diff.iter().take(n) {
        t += d.0;
        m += d.1;
        bins.push((u32::try_from(t).unwrap_or(0), u32::try_from(m).unwrap_or(0)));
    }
    bins
}

#[cfg(test)]
mod tests {
    use crate::widget::timeline::geometry::testing::*;
    use crate::widget::timeline::geometry::*;

    #[test]
    fn the_marks_near_a_view_are_those_a_pass_over_all_finds() {
        let mut marks = daily("2000-01-01", 3000);
        marks.push(mark("2001-01-01", "2004-12-31", Shape::Bar));
        marks.push(mark("2011-05-01", "2011-05-31", Shape::Span));
        let axis = Axis::new(marks);
        let fit = axis.fit(900.0);
        let mut views = vec![fit];
        for (a, b) in [("2001-03-01", "2001-04-01"), ("2004-12-20", "2005-01-10")] {
            views.push(axis.show(fit, day(a), day(b)));
        }
        views.push(axis.pan(axis.zoom(fit, 40.0, 450.0), 5000.0));
        for v in views {
            let all: Vec<(usize, f64, f64)> = (0..)
                .zip(axis.marks())
                .map(|(i, m)| (i, axis.extent(m, v)))
                .filter(|(_, (x0, x1))| *x1 >= -120.0 && *x0 <= v.width + 120.0)
                .map(|(i, (x0, x1))| (i, x0, x1))
                .collect();
            assert_eq!(axis.near(v, -120.0, v.width + 120.0), all);
            assert!(!all.is_empty());
        }
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
        let mut marks = daily("2020-03-01", 40);
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
}
