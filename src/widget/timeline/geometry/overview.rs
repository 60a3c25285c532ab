//! The overview band: while the drawing is zoomed in, a thin strip under it
//! shows the whole archive (statements per period, the matched ones
//! counted apart) and where the window in view lies, so the visitor keeps
//! the context and can move the window by clicking or dragging there.

use super::layout::tally;
use super::{within, Axis, View};

/// Height of the band, pixels.
pub const OVERVIEW_H: f64 = 30.0;

/// Width of one of the band's bars, pixels.
pub const OVERVIEW_BIN_PX: f64 = 3.0;

/// The whole archive in the width of a view. It changes with the width and
/// the matches only, so it is worked out again only when they change; the
/// window ([`Axis::window`]) follows every zoom and scroll.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overview {
    /// Per bar, left to right from 0: statements (overlapping it) and of
    /// those the matched ones.
    pub bins: Vec<(u32, u32)>,
    /// The largest count among `bins`.
    pub peak: u32,
}

impl Axis {
    /// The overview of the archive in a band `width` pixels wide, cut into
    /// bars [`OVERVIEW_BIN_PX`] wide, counted with `matched` (missing flags
    /// count as matched).
    pub fn overview(&self, width: f64, matched: &[bool]) -> Overview {
        let whole = self.fit(width);
        let n = (width / OVERVIEW_BIN_PX).ceil().max(1.0) as usize;
        let slot = |x: f64| within((x / OVERVIEW_BIN_PX).floor(), 0.0, (n - 1) as f64) as usize;
        let mut spans = Vec::with_capacity(self.marks.len());
        for (i, m) in self.marks.iter().enumerate() {
            let (x0, x1) = self.extent(m, whole);
            spans.push((slot(x0), slot(x1), matched.get(i).copied().unwrap_or(true)));
        }
        let bins = tally(n, &spans);
        let peak = bins.iter().map(|b| b.0).max().unwrap_or(0);
        Overview { bins, peak }
    }

    /// Left and right edges, in the band, of the window `view` shows.
    pub fn window(&self, view: View) -> (f64, f64) {
        let whole = self.fit(view.width);
        let at = |x: f64| {
            let day = self.world_day(x + view.s, view.k);
            self.world_x(day, whole.k) - whole.s
        };
        (at(0.0), at(view.width))
    }

    /// `view` at the same zoom, scrolled so the window is centred on pixel
    /// `x` of the band.
    pub fn overview_to(&self, view: View, x: f64) -> View {
        let whole = self.fit(view.width);
        let day = self.world_day(x + whole.s, whole.k);
        self.clamp(View {
            s: self.world_x(day, view.k) - view.width / 2.0,
            ..view
        })
    }

    /// Whether any matched mark (by `matched`'s flags) is in `view`.
    pub fn shows_any(&self, view: View, matched: &[bool]) -> bool {
        self.marks.iter().zip(matched).any(|(m, on)| {
            let (x0, x1) = self.extent(m, view);
            *on && x1 >= 0.0 && x0 <= view.width
        })
    }

    /// The first day of the oldest matched mark and the latest last day of
    /// any matched mark; `None` when none is.
    pub fn matched_span(&self, matched: &[bool]) -> Option<(i32, i32)> {
        let mut span: Option<(i32, i32)> = None;
        for (m, on) in self.marks.iter().zip(matched) {
            if *on {
                let (_, end) = span.get_or_insert((m.start, m.end));
                *end = (*end).max(m.end);
            }
        }
        span
    }
}

#[cfg(test)]
mod tests {
    use crate::widget::timeline::geometry::axis::tail_px;
    use crate::widget::timeline::geometry::testing::*;
    use crate::widget::timeline::geometry::END_PX;

    #[test]
    fn the_band_counts_every_statement_and_the_matched_ones() {
        let axis = corpus_like();
        let fit = axis.fit(600.0);
        let matched = [true, false, false, true, false, true];
        let o = axis.overview(600.0, &matched);
        assert_eq!(o.bins.len(), 200);
        assert!(o.bins.iter().all(|(t, m)| m <= t));
        // Each statement is counted in at least one bar; matched ones apart.
        let marked: u32 = o.bins.iter().map(|b| u32::from(b.0 > 0)).sum();
        assert!(marked >= 6, "{marked}");
        assert!(o.bins.iter().any(|b| b.1 > 0) && o.bins.iter().any(|b| b.0 > b.1));
        assert!(o.peak >= 1);
        // At the whole archive the window is the whole axis.
        assert_eq!(axis.window(fit), (END_PX, 600.0 - tail_px(600.0)));
    }

    #[test]
    fn the_window_follows_the_view_and_the_band_moves_it() {
        let axis = corpus_like();
        let fit = axis.fit(600.0);
        let zoomed = axis.show(fit, day("2015-11-01"), day("2015-12-31"));
        let (a, b) = axis.window(zoomed);
        assert!(a > 0.0 && b < 600.0 && b - a < 120.0, "{a} {b}");
        // The band's pixel of 2016-12-18 at the whole archive.
        let target = axis.world_x(f64::from(day("2016-12-18")), fit.k) - fit.s;
        let moved = axis.overview_to(zoomed, target);
        assert_eq!(moved.k, zoomed.k);
        let (a, b) = axis.window(moved);
        assert!(a < target && target < b, "{a} {target} {b}");
        assert!(((a + b) / 2.0 - target).abs() < 2.0);
    }

    #[test]
    fn a_view_without_matches_is_told_apart_and_the_matches_spanned() {
        let axis = corpus_like();
        let fit = axis.fit(600.0);
        let in_2015 = axis.show(fit, day("2015-11-01"), day("2015-12-31"));
        let only_2023 = [false, false, false, false, false, true];
        assert!(!axis.shows_any(in_2015, &only_2023));
        assert!(axis.shows_any(fit, &only_2023));
        let (a, b) = axis.matched_span(&only_2023).unwrap();
        assert_eq!((a, b), (day("2023-07-12"), day("2023-07-17")));
        let refit = axis.show(in_2015, a, b);
        assert!(axis.shows_any(refit, &only_2023));
        assert_eq!(axis.matched_span(&[false; 6]), None);
    }
}
