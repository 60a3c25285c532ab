//! Pointer, touch and wheel gestures on the chronology: a press on a mark
//! opens it (on touch, a first tap shows its card), a drag on the drawing
//! pans, two fingers pinch-zoom, a drag on the date strip under the axis
//! draws, moves or resizes the brush, a press or drag in the overview band
//! moves the window, and Ctrl+wheel (or a trackpad pinch) zooms.
//!
//! A brush being drawn is redrawn alone at each move; the period goes to
//! the widget only when the pointer is released.

use web_sys::{Event, PointerEvent, WheelEvent};

use super::chart::{Action, Model, AXIS_Y};
use super::geometry::{brush_of, snap, within, View, BIN_PX};
use super::input::closest;
use crate::widget::dom;

/// Distance from a pointer press that still counts as a click.
const CLICK_PX: f64 = 4.0;
/// Width on each side of a brush edge that grabs it.
const EDGE_PX: f64 = 8.0;

/// What a pointer press is doing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Drag {
    None,
    /// Scrolling the view; `on` is the mark pressed, for a click.
    Pan {
        x: f64,
        s: f64,
        on: Option<usize>,
        moved: bool,
    },
    /// Drawing a new brush from `x`.
    Brush {
        x: f64,
    },
    /// Moving the brush; `x` where the press was, brush edges then.
    Move {
        x: f64,
        a: f64,
        b: f64,
    },
    /// Dragging one edge of the brush; the other stays at `fixed`.
    Resize {
        fixed: f64,
    },
    /// Two fingers: distance and middle at the start, and the view then.
    Pinch {
        d: f64,
        mid: f64,
        view: View,
    },
    /// Moving the window in the overview band.
    Band,
}

impl Model {
    /// The histogram bar under pixel `x`: matched and total counts.
    fn bin_at(&self, x: f64) -> Option<(u32, u32)> {
        let bin = BIN_PX;
        self.bars
            .iter()
            .find(|b| f64::from(b.x) <= x && x < f64::from(b.x) + bin)
            .map(|b| (b.matched, b.total))
    }

    /// The mark under an event's target, if any.
    fn mark_at(e: &Event) -> Option<usize> {
        closest(e, "[data-i]")?
            .get_attribute("data-i")?
            .parse()
            .ok()
    }

    pub(super) fn down(&mut self, e: &PointerEvent) -> Option<Action> {
        if e.button() > 0 {
            return None;
        }
        let (x, y) = self.point(e);
        self.pointers.retain(|p| p.0 != e.pointer_id());
        self.pointers.push((e.pointer_id(), x));
        let _ = self.nodes.stage.set_pointer_capture(e.pointer_id());
        if closest(e, ".tl-band").is_some() {
            e.prevent_default();
            self.drag = Drag::Band;
            self.set_view(self.axis.overview_to(self.view, x));
            return None;
        }
        if let [a, b] = self.pointers.as_slice() {
            self.drawing = None;
            self.drag = Drag::Pinch {
                d: (a.1 - b.1).abs().max(1.0),
                mid: (a.1 + b.1) / 2.0,
                view: self.view,
            };
            return None;
        }
        if self.pointers.len() > 2 {
            return None;
        }
        let on = Self::mark_at(e);
        if on.is_none() && y >= AXIS_Y - 4.0 {
            e.prevent_default();
            let edges = self.brush.map(|(a, b)| self.axis.brush_x(self.view, a, b));
            self.drag = match edges {
                Some((a, b)) if (x - a).abs() <= EDGE_PX => Drag::Resize { fixed: b },
                Some((a, b)) if (x - b).abs() <= EDGE_PX => Drag::Resize { fixed: a },
                Some((a, b)) if x > a && x < b => Drag::Move { x, a, b },
                _ => Drag::Brush { x },
            };
            self.drawing = edges.or(Some((x, x)));
            if let Drag::Brush { .. } = self.drag {
                self.drawing = Some((x, x));
            }
            self.draw_brush();
        } else {
            self.drag = Drag::Pan {
                x,
                s: self.view.s,
                on,
                moved: false,
            };
        }
        None
    }

    pub(super) fn moved(&mut self, e: &PointerEvent) -> Option<Action> {
        let (x, _) = self.point(e);
        if let Some(p) = self.pointers.iter_mut().find(|p| p.0 == e.pointer_id()) {
            p.1 = x;
        }
        match self.drag {
            Drag::None => {
                let hover = Self::mark_at(e);
                let bin = self.bin_at(x);
                if hover != self.hover || bin != self.hover_bin {
                    self.hover = hover;
                    self.hover_bin = bin;
                    self.caption();
                    self.show_card();
                }
            }
            Drag::Band => {
                let v = self.axis.overview_to(self.view, x);
                self.set_view(v);
            }
            Drag::Pan {
                x: x0,
                s,
                on,
                moved,
            } => {
                if moved || (x - x0).abs() > CLICK_PX {
                    self.drag = Drag::Pan {
                        x: x0,
                        s,
                        on,
                        moved: true,
                    };
                    let v = View {
                        s: s + x0 - x,
                        ..self.view
                    };
                    self.set_view(v);
                }
            }
            Drag::Pinch { d, mid, view } => {
                if let [a, b] = self.pointers.as_slice() {
                    let now = (a.1 - b.1).abs().max(1.0);
                    let zoomed = self.axis.zoom(view, now / d, mid);
                    let shift = (a.1 + b.1) / 2.0 - mid;
                    let v = self.axis.pan(zoomed, -shift);
                    self.set_view(v);
                }
            }
            Drag::Brush { x: x0 } => {
                self.drawing = Some((x0, x));
                self.draw_brush();
            }
            Drag::Move { x: x0, a, b } => {
                self.drawing = Some((a + x - x0, b + x - x0));
                self.draw_brush();
            }
            Drag::Resize { fixed } => {
                self.drawing = Some((fixed, x));
                self.draw_brush();
            }
        }
        None
    }

    pub(super) fn up(&mut self, e: &PointerEvent, cancel: bool) -> Option<Action> {
        self.pointers.retain(|p| p.0 != e.pointer_id());
        let _ = self.nodes.stage.release_pointer_capture(e.pointer_id());
        let drag = std::mem::replace(&mut self.drag, Drag::None);
        let drawing = self.drawing.take();
        if cancel {
            self.draw_brush();
            return None;
        }
        match drag {
            Drag::Pan {
                on: Some(i),
                moved: false,
                ..
            } => {
                self.focus = i;
                // On a touch screen the first tap shows the card, the
                // second (on the mark, its title or the card) opens.
                if e.pointer_type() == "touch" && self.tapped != Some(i) {
                    self.tapped = Some(i);
                    self.show_card();
                    return None;
                }
                self.tapped = None;
                self.entries.get(i).map(|e| Action::Open(e.id.clone()))
            }
            Drag::Pan {
                on: None,
                moved: false,
                ..
            } if self.tapped.is_some() => {
                // A tap elsewhere puts the card away.
                self.tapped = None;
                self.show_card();
                None
            }
            Drag::Brush { .. } | Drag::Move { .. } | Drag::Resize { .. } => {
                let (a, b) = drawing?;
                if (a - b).abs() < CLICK_PX {
                    // A click on the strip, not a drag: nothing chosen.
                    self.draw_brush();
                    return None;
                }
                let (first, last) = self.axis.days_between(self.view, a, b)?;
                let unit = self.axis.ticks(self.view, self.lang).unit;
                let (from, to) = snap(first, last, unit);
                self.brush = brush_of(&self.axis, Some(&from), Some(&to));
                self.draw_brush();
                Some(Action::Dates(Some(from), Some(to)))
            }
            _ => None,
        }
    }

    pub(super) fn wheel(&mut self, e: &WheelEvent) -> Option<Action> {
        let (x, _) = self.point(e);
        // Pixels per line or page, for wheels that count in those.
        let unit = match e.delta_mode() {
            1 => 16.0,
            2 => self.view.width,
            _ => 1.0,
        };
        let (dx, dy) = (e.delta_x() * unit, e.delta_y() * unit);
        if e.ctrl_key() || e.meta_key() {
            // Ctrl+wheel, and trackpad pinches, which browsers send as it.
            e.prevent_default();
            self.zoom(within(-dy * 0.01, -1.0, 1.0).exp(), x);
        } else if dx.abs() > dy.abs() || dom::shift(e) {
            e.prevent_default();
            self.pan(if dx.abs() > dy.abs() { dx } else { dy });
        }
        // A plain vertical wheel scrolls the page.
        None
    }
}
