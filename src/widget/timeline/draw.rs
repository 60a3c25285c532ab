//! The drawing around the statements: ticks and breaks, density bars, the
//! overview band and the brush (the marks and titles are `marks`).

use super::chart::{place, px, Model, AXIS_Y, HEIGHT, MARKS_TOP, TOP};
use super::geometry::overview::{OVERVIEW_BIN_PX, OVERVIEW_H};
use super::geometry::{period_words, Break, Layout, BIN_PX, BREAK_PX};
use crate::widget::dom::{attr, clear, remove, show, svg};
use web_sys::Element;

/// A tick's label on screen, and its text (written only when it changes).
pub(super) struct TickLabel {
    el: Element,
    text: String,
}

/// A break on screen: its first day, its group, and its left edge.
pub(super) struct BreakShown {
    start: i32,
    el: Element,
    x: i32,
}

impl Model {
    /// Ticks, their labels and the breaks. The tick lines are two paths
    /// (minor and major); the labels and breaks on screen are kept and
    /// moved, their text written only when it changes.
    pub(super) fn draw_axis(&mut self, layout: &Layout) {
        let ticks = self.axis.ticks(self.view, self.lang);
        let n = &self.nodes;
        attr(&n.svg, "data-unit", ticks.unit.as_str());
        let (mut minor, mut major) = (String::new(), String::new());
        let reach = "V".to_owned() + &px(AXIS_Y + 6.0);
        for t in &ticks.ticks {
            let d = if t.major { &mut major } else { &mut minor };
            for part in ["M", &px(t.x), " ", &px(TOP - 8.0), &reach] {
                d.push_str(part);
            }
        }
        attr(&n.ticks, "d", &minor);
        attr(&n.majors, "d", &major);
        let labels = &mut self.tick_labels;
        while labels.len() > ticks.ticks.len() {
            if let Some(l) = labels.pop() {
                remove(&l.el);
            }
        }
        for (k, t) in ticks.ticks.iter().enumerate() {
            if labels.len() <= k {
                let el = svg(&self.doc, &n.labels, "text", "");
                place(&el, &[("y", AXIS_Y + 20.0)]);
                labels.push(TickLabel {
                    el,
                    text: String::new(),
                });
            }
            let Some(l) = labels.get_mut(k) else { continue };
            place(&l.el, &[("x", t.x + 3.0)]);
            let class = if t.major {
                "tl-label major"
            } else {
                "tl-label"
            };
            attr(&l.el, "class", class);
            if l.text != t.label {
                l.text.clone_from(&t.label);
                l.el.set_text_content(Some(&t.label));
            }
        }
        if n.context.text_content().as_deref() != Some(ticks.context.as_str()) {
            n.context.set_text_content(Some(&ticks.context));
        }
        let mut old = std::mem::take(&mut self.breaks_shown);
        for b in &layout.breaks {
            let start = b.start.ordinal();
            let mut shown = match old.iter().position(|s| s.start == start) {
                Some(k) => old.swap_remove(k),
                None => BreakShown {
                    start,
                    el: self.new_break(b),
                    x: i32::MIN,
                },
            };
            let x = b.x.round();
            if shown.x != x as i32 {
                shown.x = x as i32;
                let at = "translate(".to_owned() + &px(x) + " 0)";
                attr(&shown.el, "transform", &at);
            }
            self.breaks_shown.push(shown);
        }
        for s in &old {
            remove(&s.el);
        }
    }

    /// A break's group: its band, the axis cut by two zigzags, its label,
    /// and its full description as a tooltip.
    fn new_break(&self, b: &Break) -> Element {
        let doc = &self.doc;
        let g = svg(doc, &self.nodes.breaks, "g", "tl-break");
        let title = svg(doc, &g, "title", "");
        title.set_text_content(Some(&b.describe(self.lang)));
        let r = svg(doc, &g, "rect", "tl-break-band");
        let w = BREAK_PX;
        place(
            &r,
            &[
                ("y", TOP - 8.0),
                ("width", w),
                ("height", HEIGHT - TOP + 8.0),
            ],
        );
        let mut d = String::new();
        for edge in [4.0, w - 4.0] {
            d = d + "M" + &px(edge) + " " + &px(AXIS_Y - 8.0);
            for (i, dy) in [-4.0, 0.0, 4.0, 8.0].iter().enumerate() {
                let dx = if i % 2 == 0 { -3.0 } else { 3.0 };
                d = d + "L" + &px(edge + dx) + " " + &px(AXIS_Y + dy);
            }
        }
        attr(&svg(doc, &g, "path", "tl-zigzag"), "d", &d);
        let label = svg(doc, &g, "text", "tl-break-label");
        place(&label, &[("x", w / 2.0), ("y", AXIS_Y + 34.0)]);
        label.set_text_content(Some(&b.label()));
        g
    }

    /// The histogram as two paths, totals behind and matched parts in
    /// front: two elements to update however many bars there are.
    pub(super) fn draw_bars(&mut self, layout: &Layout) {
        let mut bars = Vec::with_capacity(layout.bars.len());
        for b in &layout.bars {
            bars.push((f64::from(b.x), b.total, b.matched));
        }
        let (all, on) = bar_paths(&bars, layout.peak, BIN_PX - 1.0, AXIS_Y, AXIS_Y - MARKS_TOP);
        let n = &self.nodes;
        attr(&n.bins, "d", &all);
        attr(&n.bins_on, "d", &on);
        self.bars.clone_from(&layout.bars);
    }

    /// The overview band, shown while the view is zoomed in: the whole
    /// archive's statements per period, the matched part in front, and the
    /// window in view.
    pub(super) fn draw_band(&mut self) {
        let n = &self.nodes;
        let whole = self.axis.fit(self.view.width);
        let zoomed = self.view.k > whole.k * 1.0001;
        show(&n.band, zoomed);
        if !zoomed {
            return;
        }
        let width = self.view.width;
        // The bars change with the width and the matches only.
        if self.band_for != Some(width) {
            attr(&n.band, "width", &px(width));
            let o = self.axis.overview(width, &self.matched);
            let bin = OVERVIEW_BIN_PX;
            let mut bars = Vec::with_capacity(o.bins.len());
            for (j, b) in (0..).zip(&o.bins) {
                bars.push((f64::from(j) * bin, b.0, b.1));
            }
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
