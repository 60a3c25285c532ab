//! Titles on the axis: each mark in view gets its statement's title in one
//! of [`LABEL_LANES`] lanes above the marks, as wide as the room there is,
//! so no two titles overlap and no title hides another's leader line.
//!
//! Titles are placed one by one, greedily: the marks that must stay
//! labelled (the focused and open ones) first, then the matched ones, then
//! the rest, each group newest first (a title hangs over the room of the
//! marks after it, so those are placed first and it steps up a lane). A
//! title hangs to the right of its mark, or to the left where the right has
//! too little (the newest statements near the right edge); it takes the lowest
//! lane with room enough for it ([`GOOD_LABEL_PX`] or all of it), else the
//! lane with the most room, elided to it. A mark with less than
//! [`MIN_LABEL_PX`] of room anywhere gets no title; its card (hover, focus)
//! and the year list still name it. At a thousand or ten thousand
//! statements most marks are in density bars: the titles go to the ones the
//! zoom has room for, and more appear as the zoom grows.
//!
//! Occupied room is kept per lane as sorted stretches, so a mark whose
//! leader has no room costs one lookup and one that does a few binary
//! searches per lane, never a walk over pixels: placing the titles of
//! 10,000 marks stays near-linear.

use super::{within, Axis, Layout, View};

/// Lanes of titles above the marks.
pub const LABEL_LANES: usize = 4;

/// The narrowest room a title is given, pixels: about eight characters;
/// less would show little but the ellipsis.
pub const MIN_LABEL_PX: f64 = 64.0;

/// The widest a title may be, pixels.
pub const MAX_LABEL_PX: f64 = 240.0;

/// Room enough for a title to read well, pixels (twenty-odd characters): a
/// title takes the lowest lane with this much room, or its whole width if
/// shorter, rather than climb for more; low titles leave the lanes above
/// free for the leaders of the marks before them.
pub const GOOD_LABEL_PX: f64 = 150.0;

/// Free room kept after a title, pixels.
const GAP_PX: f64 = 8.0;

/// How far a title starts before its leader line (right-hanging) or ends
/// after it (left-hanging), pixels.
const INSET_PX: f64 = 4.0;

/// Width kept free around a leader line, pixels.
const LEADER_PX: f64 = 3.0;

/// A statement's title placed above the axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Label {
    /// Index of the mark.
    pub index: usize,
    /// Left edge, pixels.
    pub x: f64,
    /// Room given to the title, pixels; a longer title is elided to it.
    pub width: f64,
    /// Lane, 0 nearest the marks.
    pub lane: usize,
    /// Where its leader line meets the mark, pixels.
    pub anchor: f64,
}

/// The width of `title` set in the labels' 12 px type, estimated from its
/// characters (a browser measures nothing while the axis is laid out). A
/// wide estimate only leaves room unused; a narrow one elides the end.
pub fn title_width(title: &str) -> f64 {
    title
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | '’' => 4.0,
            ' ' | 'f' | 't' | 'r' | '(' | ')' | '-' => 5.0,
            'm' | 'w' | 'M' | 'W' => 11.0,
            'A'..='Z' => 9.0,
            _ => 7.6,
        })
        .sum()
}

/// Occupied room, per lane: the taken stretches, sorted and disjoint.
/// Whether a pixel is free and how far free room runs from it are binary
/// searches, so a mark costs the same whatever the width of the titles
/// near it, and placing 10,000 marks' titles is near-linear.
struct Room {
    lanes: [Vec<(f64, f64)>; LABEL_LANES],
    width: f64,
}

impl Room {
    fn new(width: f64) -> Room {
        Room {
            lanes: Default::default(),
            width,
        }
    }

    fn lane(&self, lane: usize) -> &[(f64, f64)] {
        self.lanes.get(lane).map_or(&[], Vec::as_slice)
    }

    /// The taken stretch at or after `x` in `lane`: its position in the
    /// lane's list, and whether it covers `x`.
    fn find(&self, lane: usize, x: f64) -> (usize, bool) {
        let taken = self.lane(lane);
        let i = taken.partition_point(|t| t.1 < x);
        (i, taken.get(i).is_some_and(|t| t.0 <= x))
    }

    /// Whether `x` is taken in `lane`; outside the width counts as taken.
    fn cell(&self, lane: usize, x: f64) -> bool {
        !(0.0..self.width).contains(&x) || self.find(lane, x).1
    }

    /// The taken stretch of `lane` that covers `x`, if one does.
    fn covering(&self, lane: usize, x: f64) -> Option<(f64, f64)> {
        let (i, hit) = self.find(lane, x);
        hit.then(|| self.lane(lane).get(i).copied()).flatten()
    }

    /// How many lanes, from the lowest, are free at `x`: a leader at `x`
    /// can reach a title in any of them.
    fn free_below(&self, x: f64) -> usize {
        (0..LABEL_LANES)
            .find(|&lane| self.cell(lane, x))
            .unwrap_or(LABEL_LANES)
    }

    /// Takes `x0..=x1` in `lane`, merged with the stretches it touches.
    fn take(&mut self, lane: usize, x0: f64, x1: f64) {
        let (i, _) = self.find(lane, x0);
        let Some(taken) = self.lanes.get_mut(lane) else {
            return;
        };
        // The stretches from `i` that start by `x1` overlap it: they are
        // folded into the first of them, the others removed.
        let (mut a, mut b) = (x0, x1);
        while let Some(&(c, d)) = taken.get(i).filter(|t| t.0 <= x1) {
            a = a.min(c);
            b = b.max(d);
            taken.remove(i);
        }
        taken.insert(i.min(taken.len()), (a, b));
    }

    /// Free pixels from `x` rightwards (`dir` 1) or leftwards (`dir` −1) to
    /// the next taken stretch or the edge, no more than `most`.
    fn run(&self, lane: usize, x: f64, dir: f64, most: f64) -> f64 {
        if self.cell(lane, x) {
            return 0.0;
        }
        let (i, _) = self.find(lane, x);
        let taken = self.lane(lane);
        let free = if dir > 0.0 {
            taken.get(i).map_or(self.width, |t| t.0) - x
        } else {
            x - i
                .checked_sub(1)
                .and_then(|j| taken.get(j))
                .map_or(0.0, |t| t.1)
        };
        free.min(most).max(0.0)
    }
}

impl Axis {
    /// Titles for the marks of `layout` (of `view`) that are in view.
    /// `width(i)` is the full width of mark `i`'s title ([`title_width`]),
    /// asked only of marks that may get one; `matched` flags the marks
    /// (missing flags count as matched); `first` lists marks served with the
    /// matched ones however they are flagged.
    pub fn labels(
        &self,
        view: View,
        layout: &Layout,
        width: impl Fn(usize) -> f64,
        matched: &[bool],
        first: &[usize],
    ) -> Vec<Label> {
        let mut room = Room::new(view.width);
        let mut out: Vec<Label> = Vec::new();
        let served = |i: usize| matched.get(i).copied().unwrap_or(true) || first.contains(&i);
        let in_view = layout
            .visible
            .iter()
            .filter(|v| v.2 >= 0.0 && v.1 <= view.width);
        // Newest first: a title hangs rightwards over the room of the marks
        // after it, so those are placed before it and it climbs a lane.
        let order = in_view
            .clone()
            .rev()
            .filter(|v| served(v.0))
            .chain(in_view.rev().filter(|v| !served(v.0)));
        // Room once taken stays taken, so a stretch of the lowest lane
        // found covering one anchor still covers it for the marks after:
        // most of 10,000 marks, next to each other, fall in the stretch the
        // one before them did, and need no search.
        let mut covered = (f64::INFINITY, f64::NEG_INFINITY);
        // Whether a title fits at an anchor does not depend on the title's
        // width (every title is given at least `MIN_LABEL_PX`), so the next
        // mark on the same day has no place either once this one had none.
        let mut failed = f64::NAN;
        for &(i, x0, x1) in order {
            let anchor = within((x0 + x1) / 2.0, 1.0, view.width - 1.0);
            // Every lane's leader starts in the lowest: taken there, no lane
            // is left, and the title's width need not be worked out.
            if (covered.0..=covered.1).contains(&anchor) || anchor == failed {
                continue;
            }
            if let Some(stretch) = room.covering(0, anchor) {
                covered = stretch;
                continue;
            }
            let full = within(width(i), MIN_LABEL_PX, MAX_LABEL_PX);
            if let Some(label) = place(&room, i, anchor, full, view.width) {
                room.take(label.lane, label.x, label.x + label.width + GAP_PX);
                for lane in 0..label.lane {
                    room.take(lane, anchor - LEADER_PX, anchor + LEADER_PX);
                }
                out.push(label);
            } else {
                failed = anchor;
            }
        }
        out
    }
}

/// The best place for a title `full` pixels wide whose leader is at
/// `anchor`: the lowest lane with room for all of it hanging rightwards,
/// else the most room in any lane, if that is at least [`MIN_LABEL_PX`].
/// Near the right edge, where a title has not room enough to read well
/// hanging rightwards, it may hang leftwards, in the highest lane with room (up there it hides fewer
/// leaders of the marks before it).
fn place(room: &Room, index: usize, anchor: f64, full: f64, width: f64) -> Option<Label> {
    let mut best: Option<Label> = None;
    let cut_by_edge = width - (anchor - INSET_PX) < GOOD_LABEL_PX + GAP_PX;
    let right = (0..LABEL_LANES).map(|lane| (lane, 1.0));
    let left = (0..LABEL_LANES).rev().map(|lane| (lane, -1.0));
    let tries = right.chain(left.filter(|_| cut_by_edge));
    // The leader crosses the lanes below, which must be free there.
    let free = room.free_below(anchor);
    for (lane, dir) in tries {
        if lane >= free {
            continue;
        }
        // From the title's edge at the leader, in `dir`.
        let start = anchor - dir * INSET_PX;
        let edge = if dir > 0.0 { width - start } else { start };
        let w = (room.run(lane, start, dir, full + GAP_PX) - GAP_PX)
            .min(full)
            .min(edge);
        let label = Label {
            index,
            x: if dir > 0.0 { start } else { start - w }.max(0.0),
            width: w,
            lane,
            anchor,
        };
        if w >= full.min(GOOD_LABEL_PX) {
            return Some(label);
        }
        if w >= MIN_LABEL_PX && best.map_or(true, |b| w > b.width) {
            best = Some(label);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::widget::timeline::geometry::testing::*;
    use crate::widget::timeline::geometry::Shape;

    fn overlap(a: &Label, b: &Label) -> bool {
        a.lane == b.lane && a.x < b.x + b.width && b.x < a.x + a.width
    }

    #[test]
    fn titles_never_overlap_and_leaders_cross_no_title() {
        let axis = corpus_like();
        for width in [320.0, 768.0, 1280.0] {
            let view = axis.fit(width);
            let labels = axis.labels(view, &axis.layout(view, &[], &[]), |_| 180.0, &[], &[]);
            assert!(!labels.is_empty());
            for a in &labels {
                assert!(
                    a.x >= 0.0 && a.x + a.width <= width + 0.5,
                    "{a:?} in {width}"
                );
                assert!(a.width >= MIN_LABEL_PX);
                for b in &labels {
                    if a.index != b.index {
                        assert!(!overlap(a, b), "{a:?} {b:?}");
                        // b's leader runs below b's lane: no title there covers it.
                        if a.lane < b.lane {
                            assert!(!(a.x..a.x + a.width).contains(&b.anchor), "{a:?} {b:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn at_ten_thousand_marks_titles_never_overlap_nor_hide_a_leader() {
        // Two statements a day, some matched: the marks the lowest lane's
        // taken room or an earlier mark of the same day rules out are
        // skipped, and those skipped must not be ones with room.
        let mut marks = daily("2010-01-01", 5000);
        marks.extend(daily("2010-01-01", 5000));
        let axis = Axis::new(marks);
        let matched: Vec<bool> = (0..10_000).map(|i| i % 37 == 0).collect();
        for width in [320.0, 1280.0] {
            let view = axis.fit(width);
            let layout = axis.layout(view, &matched, &[]);
            let labels = axis.labels(
                view,
                &layout,
                |i| 60.0 + (i % 7) as f64 * 30.0,
                &matched,
                &[],
            );
            assert!(labels.len() > 3, "{}", labels.len());
            for a in &labels {
                assert!(a.width >= MIN_LABEL_PX && a.x >= 0.0 && a.x + a.width <= width + 0.5);
                for b in labels.iter().filter(|b| b.index != a.index) {
                    assert!(!overlap(a, b), "{a:?} {b:?}");
                    if a.lane < b.lane {
                        assert!(!(a.x..a.x + a.width).contains(&b.anchor), "{a:?} {b:?}");
                    }
                }
            }
            // Room is left for no further title: every mark without one
            // would find less than the narrowest room wherever it tried.
            let mut room = Room::new(width);
            for l in &labels {
                room.take(l.lane, l.x, l.x + l.width + GAP_PX);
                for lane in 0..l.lane {
                    room.take(lane, l.anchor - LEADER_PX, l.anchor + LEADER_PX);
                }
            }
            for &(i, x0, x1) in &layout.visible {
                if labels.iter().any(|l| l.index == i) || x1 < 0.0 || x0 > width {
                    continue;
                }
                let anchor = within((x0 + x1) / 2.0, 1.0, width - 1.0);
                assert_eq!(place(&room, i, anchor, MAX_LABEL_PX, width), None, "{i}");
            }
        }
    }

    #[test]
    fn at_a_wide_whole_archive_every_statement_has_its_title() {
        let axis = corpus_like();
        let labels = axis.labels(
            axis.fit(1280.0),
            &axis.layout(axis.fit(1280.0), &[], &[]),
            |_| 150.0,
            &[],
            &[],
        );
        let mut named: Vec<usize> = labels.iter().map(|l| l.index).collect();
        named.sort_unstable();
        assert_eq!(named, (0..6).collect::<Vec<_>>());
        // The newest statement, at the right edge, hangs its title leftwards.
        let newest = labels.iter().find(|l| l.index == 5).unwrap();
        assert!(newest.x + newest.width <= newest.anchor + INSET_PX + 0.5);
    }

    #[test]
    fn titles_are_elided_to_the_room_there_is() {
        let axis = corpus_like();
        let labels = axis.labels(
            axis.fit(320.0),
            &axis.layout(axis.fit(320.0), &[], &[]),
            |_| 400.0,
            &[],
            &[],
        );
        assert!(labels.iter().all(|l| l.width <= MAX_LABEL_PX));
        assert!(labels.iter().any(|l| l.width < MAX_LABEL_PX), "{labels:?}");
    }

    #[test]
    fn matched_and_kept_marks_are_served_first() {
        // Ten statements a day apart: room for few titles.
        let mut marks = daily("2020-03-01", 10);
        marks.push(mark("2020-06-01", "2020-06-01", Shape::Point));
        let axis = Axis::new(marks);
        let view = axis.fit(400.0);
        let matched: Vec<bool> = (0..11).map(|i| i == 7 || i == 9).collect();
        let labels = axis.labels(
            view,
            &axis.layout(view, &[], &[]),
            |_| 200.0,
            &matched,
            &[4],
        );
        let named: Vec<usize> = labels.iter().map(|l| l.index).collect();
        for i in [4, 7, 9] {
            assert!(named.contains(&i), "{named:?}");
        }
        // Not every one of the ten fits.
        assert!(named.len() < 11);
    }

    #[test]
    fn ten_thousand_marks_get_the_titles_the_width_has_room_for() {
        let base = day("2000-01-01");
        let axis = Axis::new(daily("2000-01-01", 10_000));
        let view = axis.fit(1000.0);
        let labels = axis.labels(view, &axis.layout(view, &[], &[]), |_| 120.0, &[], &[]);
        assert!(
            labels.len() >= 8 && labels.len() <= 4 * 1000 / 40,
            "{}",
            labels.len()
        );
        for a in &labels {
            for b in &labels {
                assert!(a.index == b.index || !overlap(a, b));
            }
        }
        // Zoomed in, the titles are of the marks in view.
        let close = axis.show(view, base + 5000, base + 5010);
        let labels = axis.labels(close, &axis.layout(close, &[], &[]), |_| 120.0, &[], &[]);
        assert!(!labels.is_empty());
        assert!(
            labels.iter().all(|l| (4990..5020).contains(&l.index)),
            "{labels:?}"
        );
    }

    #[test]
    fn title_widths_grow_with_their_text() {
        assert!(title_width("Justice for the 26") > title_width("Justice"));
        assert!(title_width("WWW") > title_width("iii"));
        assert_eq!(title_width(""), 0.0);
    }
}
