//! The statements on the drawing: a mark for each in view, and the titles
//! over them with their leader lines.
//!
//! Both are kept from one drawing to the next, by statement: zooming and
//! panning move the marks and titles already on screen, and a new query
//! only changes their dimming, so a frame writes what changed rather than
//! building a few hundred elements again. Elements whose statement left
//! the view are removed.

use web_sys::{Document, Element};

use super::card::style_px;
use super::chart::{place, px, Model, AXIS_Y, LABEL_H, LANE_H, TOP};
use super::geometry::labels::title_width;
use super::geometry::{Layout, Placed, Shape, LABEL_LANES, MAX_LANES, POINT_R};
use crate::number::decimal;
use crate::widget::dom::{attr, attrs, children, class, insert, remove, svg, text_child, unset};

/// Height of the room a mark takes about the middle of its lane, pixels:
/// its spot (see [`Model::spots`]) is the top edge of that room.
pub(super) const MARK_H: f64 = 14.0;

/// A statement's mark on screen, and what was last written to it, so a
/// redraw writes only what changed.
pub(super) struct Drawn {
    pub(super) index: usize,
    el: Element,
    /// Its place, whole pixels: centre or left edge, middle, width.
    at: [i32; 3],
    /// Dimmed (not matched), open, focused, current (focused and open).
    state: [bool; 4],
}

impl Drawn {
    fn new(m: &Model, index: usize, shape: Shape, approximate: bool, id: &str) -> Drawn {
        let class = if approximate {
            "tl-mark approx "
        } else {
            "tl-mark "
        };
        let class = class.to_owned() + shape.as_str();
        let el = if shape == Shape::Point {
            let c = svg(&m.doc, &m.nodes.marks, "circle", &class);
            place(&c, &[("r", POINT_R)]);
            c
        } else {
            let r = svg(&m.doc, &m.nodes.marks, "rect", &class);
            let (h, rx) = if shape == Shape::Span {
                (14.0, 7.0)
            } else {
                (10.0, 3.0)
            };
            place(&r, &[("height", h), ("rx", rx)]);
            r
        };
        attrs(
            &el,
            &[
                ("data-i", &decimal(index as u64)),
                ("data-id", id),
                ("data-shape", shape.as_str()),
            ],
        );
        Drawn {
            index,
            el,
            at: [i32::MIN; 3],
            state: [false; 4],
        }
    }

    /// Dims it unless `matched`.
    pub(super) fn dim(&mut self, matched: bool) {
        let dim = !matched;
        if self.state[0] != dim {
            self.state[0] = dim;
            class(&self.el, "dim", dim);
        }
    }
}

impl Model {
    /// The marks in view, and where each is ([`Model::spots`]), for the
    /// titles' leader lines and the card.
    pub(super) fn draw_marks(&mut self, layout: &Layout) {
        // The tab stop is the focused statement's mark while it is in view,
        // else the one in view nearest to it in time (after a pan, a zoom
        // or a narrower frame), so the marks stay reachable with Tab.
        let drawn = |p: &&Placed| p.x1 > p.x0 && p.index < self.entries.len();
        if !layout
            .marks
            .iter()
            .filter(drawn)
            .any(|p| p.index == self.focus)
        {
            if let Some(p) = layout
                .marks
                .iter()
                .filter(drawn)
                .min_by_key(|p| p.index.abs_diff(self.focus))
            {
                self.focus = p.index;
            }
        }
        let mut old = std::mem::take(&mut self.drawn_marks);
        let mut spots = Vec::with_capacity(layout.marks.len());
        // The focused and open marks last, so they are drawn on top.
        let mut top: Vec<usize> = Vec::new();
        for p in &layout.marks {
            let (Some(entry), true) = (self.entries.get(p.index), p.x1 > p.x0) else {
                continue;
            };
            let cy = AXIS_Y - 10.0 - LANE_H * p.lane.min(MAX_LANES) as f64;
            spots.push((p.index, (p.x0 + p.x1) / 2.0, cy - MARK_H / 2.0));
            let shape = entry.mark.shape;
            let mut d = match old.iter().position(|d| d.index == p.index) {
                Some(k) => old.swap_remove(k),
                None => Drawn::new(self, p.index, shape, entry.mark.approximate, &entry.id),
            };
            let (x, w) = if shape == Shape::Point {
                ((p.x0 + p.x1) / 2.0, 0.0)
            } else {
                (p.x0, (p.x1 - p.x0 - 1.0).max(2.0))
            };
            let (x, y, w) = (x.round(), cy.round(), w.round());
            let at = [x as i32, y as i32, w as i32];
            if d.at != at {
                d.at = at;
                if shape == Shape::Point {
                    place(&d.el, &[("cx", x), ("cy", y)]);
                } else {
                    let h = if shape == Shape::Span { MARK_H } else { 10.0 };
                    place(&d.el, &[("x", x), ("y", y - h / 2.0), ("width", w)]);
                }
            }
            d.dim(self.matched(p.index));
            let open = Some(p.index) == self.open;
            if d.state[1] != open {
                d.state[1] = open;
                class(&d.el, "open", open);
            }
            // Only the focused mark is in the tab order, named.
            let focus = p.index == self.focus;
            if focus && !d.state[2] {
                let label = entry.title.clone() + ", " + &entry.date.label(self.lang);
                attrs(
                    &d.el,
                    &[
                        ("tabindex", "0"),
                        ("role", "button"),
                        ("aria-label", &label),
                    ],
                );
            } else if !focus && d.state[2] {
                for name in ["tabindex", "role", "aria-label"] {
                    unset(&d.el, name);
                }
            }
            d.state[2] = focus;
            if d.state[3] != (focus && open) {
                d.state[3] = focus && open;
                if focus && open {
                    attr(&d.el, "aria-current", "true");
                } else {
                    unset(&d.el, "aria-current");
                }
            }
            if p.overlay || open || focus {
                top.push(self.drawn_marks.len());
            }
            self.drawn_marks.push(d);
        }
        for d in &old {
            remove(&d.el);
        }
        // Brought to the end, in order, unless they are there already
        // (moving the focused mark would blur it).
        let n = &self.nodes.marks;
        let tail = children(n).length() as usize;
        let placed = top.iter().enumerate().all(|(k, &j)| {
            let at = (tail + k).checked_sub(top.len());
            let child = at.and_then(|at| children(n).item(at as u32));
            child.is_some_and(|c| self.drawn_marks.get(j).is_some_and(|d| d.el == c))
        });
        if !placed {
            for d in top.iter().filter_map(|&j| self.drawn_marks.get(j)) {
                insert(n, &d.el, None);
            }
        }
        self.spots = spots;
    }

    /// The statements' titles in their lanes (the geometry's
    /// [`super::geometry::Axis::labels`]), each an HTML line as wide as its
    /// room, which the stylesheet elides, and one path for every leader
    /// line from a title down to its mark.
    ///
    /// A title already on screen is kept, by its mark, and only what moved
    /// or changed state is written to it: zooming and panning move the same
    /// few dozen titles, and a new query changes little but their dimming.
    pub(super) fn draw_titles(&mut self, layout: &Layout) {
        let first: Vec<usize> = [self.open, self.has_focus().then_some(self.focus)]
            .into_iter()
            .flatten()
            .collect();
        let width = |i: usize| self.entries.get(i).map_or(0.0, |e| title_width(&e.title));
        let labels = self
            .axis
            .labels(self.view, layout, width, &self.matched, &first);
        let mut old = std::mem::take(&mut self.titles);
        let mut leaders = String::new();
        for l in &labels {
            let Some(entry) = self.entries.get(l.index) else {
                continue;
            };
            let top = TOP + LABEL_H * (LABEL_LANES - 1 - l.lane) as f64;
            let mut title = match old.iter().position(|t| t.index == l.index) {
                Some(k) => old.swap_remove(k),
                None => Title::new(&self.doc, &self.nodes.titles, l.index, &entry.title),
            };
            title.place([l.x, top, l.width]);
            title.state(self.matched(l.index), Some(l.index) == self.open);
            self.titles.push(title);
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
        for t in &old {
            remove(&t.el);
        }
        attr(&self.nodes.leaders, "d", &leaders);
    }
}

/// A statement's title on screen, and what was last written to it, so a
/// redraw writes only what changed.
pub(super) struct Title {
    index: usize,
    el: Element,
    /// Left, top and room, whole pixels.
    at: [i32; 3],
    /// Dimmed (not matched), and open.
    state: (bool, bool),
}

impl Title {
    fn new(doc: &Document, parent: &Element, index: usize, text: &str) -> Title {
        let el = text_child(doc, parent, "span", "tl-title", text);
        attr(&el, "data-i", &decimal(index as u64));
        Title {
            index,
            el,
            at: [i32::MIN; 3],
            state: (false, false),
        }
    }

    /// Moves it to `left`, `top` and gives it `width`, pixels.
    fn place(&mut self, at: [f64; 3]) {
        for (k, name) in ["left", "top", "max-width"].iter().enumerate() {
            let (Some(v), Some(was)) = (at.get(k), self.at.get_mut(k)) else {
                continue;
            };
            let v = v.round();
            if *was != v as i32 {
                *was = v as i32;
                style_px(&self.el, &[(name, v)]);
            }
        }
    }

    /// Dims it unless `matched`; marks it `open`.
    fn state(&mut self, matched: bool, open: bool) {
        let state = (!matched, open);
        if self.state != state {
            self.state = state;
            class(&self.el, "dim", state.0);
            class(&self.el, "open", state.1);
        }
    }
}
