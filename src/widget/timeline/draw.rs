//! The drawing's parts: ticks and breaks, density bars, marks, the titles
//! over them with their leader lines, the overview band and the brush.

use super::card::style_px;
use super::chart::{place, px, Model, AXIS_Y, HEIGHT, LABEL_H, LANE_H, MARKS_TOP, TOP};
use super::geometry::labels::title_width;
use super::geometry::overview::{OVERVIEW_BIN_PX, OVERVIEW_H};
use super::geometry::{
    period_words, Layout, Placed, Shape, BIN_PX, BREAK_PX, LABEL_LANES, MAX_LANES, POINT_R,
};
use crate::number::decimal;
use crate::widget::dom::{attr, attrs, clear, svg, text_child};

impl Model {
    pub(super) fn draw_axis(&self, layout: &Layout) {
        let doc = &self.doc;
        let n = &self.nodes;
        clear(&n.grid);
        clear(&n.labels);
        clear(&n.breaks);
        let ticks = self.axis.ticks(self.view, self.lang);
        attr(&n.svg, "data-unit", ticks.unit.as_str());
        for t in &ticks.ticks {
            let line = svg(
                doc,
                &n.grid,
                "line",
                if t.major { "tl-tick major" } else { "tl-tick" },
            );
            place(
                &line,
                &[
                    ("x1", t.x),
                    ("x2", t.x),
                    ("y1", TOP - 8.0),
                    ("y2", AXIS_Y + 6.0),
                ],
            );
            let label = svg(
                doc,
                &n.labels,
                "text",
                if t.major {
                    "tl-label major"
                } else {
                    "tl-label"
                },
            );
            place(&label, &[("x", t.x + 3.0), ("y", AXIS_Y + 20.0)]);
            label.set_text_content(Some(&t.label));
        }
        if !ticks.context.is_empty() {
            let c = svg(doc, &n.labels, "text", "tl-context");
            place(&c, &[("x", 4.0), ("y", 13.0)]);
            c.set_text_content(Some(&ticks.context));
        }
        for b in &layout.breaks {
            let g = svg(doc, &n.breaks, "g", "tl-break");
            attr(
                &g,
                "transform",
                &("translate(".to_owned() + &px(b.x) + " 0)"),
            );
            let title = svg(doc, &g, "title", "");
            title.set_text_content(Some(&b.describe(self.lang)));
            let r = svg(doc, &g, "rect", "tl-break-band");
            let w = BREAK_PX;
            place(
                &r,
                &[
                    ("x", 0.0),
                    ("y", TOP - 8.0),
                    ("width", w),
                    ("height", HEIGHT - TOP + 8.0),
                ],
            );
            // Two zigzags: the axis is cut here.
            for edge in [4.0, w - 4.0] {
                let mut d = "M".to_owned() + &px(edge) + " " + &px(AXIS_Y - 8.0);
                for (i, dy) in [-4.0, 0.0, 4.0, 8.0].iter().enumerate() {
                    let dx = if i % 2 == 0 { -3.0 } else { 3.0 };
                    d = d + " L" + &px(edge + dx) + " " + &px(AXIS_Y + dy);
                }
                let p = svg(doc, &g, "path", "tl-zigzag");
                attr(&p, "d", &d);
            }
            let label = svg(doc, &g, "text", "tl-break-label");
            place(&label, &[("x", w / 2.0), ("y", AXIS_Y + 34.0)]);
            label.set_text_content(Some(&b.label()));
        }
    }

    /// The histogram as two paths, totals behind and matched parts in
    /// front: two elements to update however many bars there are.
    pub(super) fn draw_bars(&mut self, layout: &Layout) {
        let bars: Vec<_> = layout
            .bars
            .iter()
            .map(|b| (f64::from(b.x), b.total, b.matched))
            .collect();
        let (all, on) = bar_paths(&bars, layout.peak, BIN_PX - 1.0, AXIS_Y, AXIS_Y - MARKS_TOP);
        let n = &self.nodes;
        attr(&n.bins, "d", &all);
        attr(&n.bins_on, "d", &on);
        self.bars.clone_from(&layout.bars);
    }

    /// The marks in view, and where each is ([`Model::spots`]), for the
    /// titles' leader lines and the card.
    pub(super) fn draw_marks(&mut self, layout: &Layout) {
        let n = &self.nodes;
        clear(&n.marks);
        let mut spots = Vec::with_capacity(layout.marks.len());
        // The focused and open marks last, so they are drawn on top.
        let on_top = |p: &&Placed| p.overlay || Some(p.index) == self.open || p.index == self.focus;
        let below = layout.marks.iter().filter(|p| !on_top(p));
        for p in below.chain(layout.marks.iter().filter(on_top)) {
            let (Some(entry), true) = (self.entries.get(p.index), p.x1 > p.x0) else {
                continue;
            };
            let cy = AXIS_Y - 10.0 - LANE_H * p.lane.min(MAX_LANES) as f64;
            spots.push((p.index, (p.x0 + p.x1) / 2.0, cy - 7.0));
            let mut class = "tl-mark ".to_owned() + entry.mark.shape.as_str();
            if entry.mark.approximate {
                class.push_str(" approx");
            }
            if !self.matched(p.index) {
                class.push_str(" dim");
            }
            if Some(p.index) == self.open {
                class.push_str(" open");
            }
            let e = match entry.mark.shape {
                Shape::Point => {
                    let c = svg(&self.doc, &n.marks, "circle", &class);
                    let r = POINT_R;
                    place(&c, &[("cx", (p.x0 + p.x1) / 2.0), ("cy", cy), ("r", r)]);
                    c
                }
                Shape::Span | Shape::Bar => {
                    let h = if entry.mark.shape == Shape::Span {
                        14.0
                    } else {
                        10.0
                    };
                    let r = svg(&self.doc, &n.marks, "rect", &class);
                    place(
                        &r,
                        &[
                            ("x", p.x0),
                            ("y", cy - h / 2.0),
                            ("width", (p.x1 - p.x0 - 1.0).max(2.0)),
                            ("height", h),
                            (
                                "rx",
                                if entry.mark.shape == Shape::Span {
                                    7.0
                                } else {
                                    3.0
                                },
                            ),
                        ],
                    );
                    r
                }
            };
            attrs(
                &e,
                &[
                    ("data-i", &decimal(p.index as u64)),
                    ("data-id", &entry.id),
                    ("data-shape", entry.mark.shape.as_str()),
                ],
            );
            if p.index == self.focus {
                let label = entry.title.clone() + ", " + &entry.date.label(self.lang);
                attrs(
                    &e,
                    &[
                        ("tabindex", "0"),
                        ("role", "button"),
                        ("aria-label", &label),
                    ],
                );
                if Some(p.index) == self.open {
                    attr(&e, "aria-current", "true");
                }
            }
        }
        self.spots = spots;
    }

    /// The statements' titles in their lanes (the geometry's
    /// [`super::geometry::Axis::labels`]), each an HTML line as wide as its
    /// room, which the stylesheet elides, and one path for every leader
    /// line from a title down to its mark.
    pub(super) fn draw_titles(&self, layout: &Layout) {
        let n = &self.nodes;
        clear(&n.titles);
        let first: Vec<usize> = [self.open, self.has_focus().then_some(self.focus)]
            .into_iter()
            .flatten()
            .collect();
        let width = |i: usize| self.entries.get(i).map_or(0.0, |e| title_width(&e.title));
        let labels = self
            .axis
            .labels(self.view, layout, width, &self.matched, &first);
        let mut leaders = String::new();
        for l in &labels {
            let Some(entry) = self.entries.get(l.index) else {
                continue;
            };
            let top = TOP + LABEL_H * (LABEL_LANES - 1 - l.lane) as f64;
            let mut class = "tl-title".to_owned();
            if !self.matched(l.index) {
                class.push_str(" dim");
            }
            if Some(l.index) == self.open {
                class.push_str(" open");
            }
            let t = text_child(&self.doc, &n.titles, "span", &class, &entry.title);
            attr(&t, "data-i", &decimal(l.index as u64));
            style_px(&t, &[("left", l.x), ("top", top), ("max-width", l.width)]);
            // Down from under the title to the mark, or to the axis where
            // the mark is part of a density bar.
            let end = self
                .spots
                .iter()
                .find(|s| s.0 == l.index)
                .map_or(AXIS_Y - 2.0, |s| s.2);
            for part in [
                "M",
                &px(l.anchor),
                " ",
                &px(top + LABEL_H - 2.0),
                "V",
                &px(end),
            ] {
                leaders.push_str(part);
            }
        }
        attr(&n.leaders, "d", &leaders);
    }

    /// The overview band, shown while the view is zoomed in: the whole
    /// archive's statements per period, the matched part in front, and the
    /// window in view.
    pub(super) fn draw_band(&mut self) {
        let n = &self.nodes;
        let whole = self.axis.fit(self.view.width);
        let zoomed = self.view.k > whole.k * 1.0001;
        let _ = n.band.toggle_attribute_with_force("hidden", !zoomed);
        if !zoomed {
            return;
        }
        let width = self.view.width;
        // The bars change with the width and the matches only.
        if self.band_for != Some(width) {
            attr(&n.band, "width", &px(width));
            let o = self.axis.overview(width, &self.matched);
            let bin = OVERVIEW_BIN_PX;
            let bars: Vec<_> = (0..)
                .zip(&o.bins)
                .map(|(j, b)| (f64::from(j) * bin, b.0, b.1))
                .collect();
            let (all, on) = bar_paths(&bars, o.peak, bin, OVERVIEW_H - 2.0, OVERVIEW_H - 6.0);
            attr(&n.band_bins, "d", &all);
            attr(&n.band_on, "d", &on);
            self.band_for = Some(width);
        }
        let n = &self.nodes;
        let (a, b) = self.axis.window(self.view);
        place(
            &n.band_window,
            &[
                ("x", a),
                ("y", 1.0),
                ("width", (b - a).max(4.0)),
                ("height", OVERVIEW_H - 2.0),
            ],
        );
    }

    pub(super) fn draw_brush(&self) {
        let n = &self.nodes;
        clear(&n.brush);
        let edges = self
            .drawing
            .or_else(|| self.brush.map(|(a, b)| self.axis.brush_x(self.view, a, b)));
        let Some((a, b)) = edges else { return };
        let (a, b) = (a.min(b), a.max(b));
        if b < 0.0 || a > self.view.width {
            return;
        }
        let r = svg(&self.doc, &n.brush, "rect", "tl-brush-area");
        place(
            &r,
            &[
                ("x", a),
                ("y", TOP - 8.0),
                ("width", (b - a).max(1.0)),
                ("height", HEIGHT - TOP + 8.0),
            ],
        );
        // The period in words under it, once it is chosen.
        if self.drawing.is_none() {
            let words = period_words(
                self.lang,
                self.period.0.as_deref(),
                self.period.1.as_deref(),
            );
            if let Some(words) = words {
                let t = svg(&self.doc, &n.brush, "text", "tl-brush-label");
                let mid = super::geometry::within((a + b) / 2.0, 40.0, self.view.width - 40.0);
                place(&t, &[("x", mid), ("y", HEIGHT - 4.0)]);
                t.set_text_content(Some(&words));
            }
        }
        for x in [a, b] {
            let h = svg(&self.doc, &n.brush, "rect", "tl-handle");
            place(
                &h,
                &[
                    ("x", x - 2.0),
                    ("y", AXIS_Y - 10.0),
                    ("width", 4.0),
                    ("height", 20.0),
                    ("rx", 2.0),
                ],
            );
        }
    }
}

/// Two paths of bars `bin` pixels wide standing on `base` (the band's touch,
/// so a long span reads as one block; the drawing's keep a gap), as tall as
/// their count against `peak` in `room` pixels: the totals, and in front
/// the matched parts. Two elements to update however many bars there are.
fn bar_paths(
    bars: &[(f64, u32, u32)],
    peak: u32,
    bin: f64,
    base: f64,
    room: f64,
) -> (String, String) {
    let peak = f64::from(peak.max(1));
    let width = px(bin);
    let (mut all, mut on) = (String::new(), String::new());
    for &(x, total, matched) in bars {
        let x = px(x);
        for (d, count) in [(&mut all, total), (&mut on, matched)] {
            if count == 0 {
                continue;
            }
            let h = (f64::from(count) / peak * room).max(2.0).round();
            for part in [
                "M",
                &x,
                " ",
                &px(base - h),
                "h",
                &width,
                "v",
                &px(h),
                "h-",
                &width,
                "z",
            ] {
                d.push_str(part);
            }
        }
    }
    (all, on)
}
