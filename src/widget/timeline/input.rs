//! The chronology's input: pointer, wheel, touch and keyboard handling,
//! and the listeners and the size observer that feed it.
//!
//! Keyboard brushing follows the range selection of the WAI-ARIA listbox
//! pattern: Shift with an arrow key, Home or End moves focus like the key
//! alone and selects the period from the statement where the selection
//! began (the anchor) to the focused one ([`super::geometry::Axis::period`]);
//! Escape, Delete or Backspace clears the period.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, EventTarget, KeyboardEvent, PointerEvent, ResizeObserver, WheelEvent,
};

use super::chart::{Action, Model, Sink, AXIS_Y};
use super::geometry::{brush_of, snap, within, View, BIN_PX};
use crate::widget::dom::Tracked;
use crate::widget::strings::Words;

/// Distance from a pointer press that still counts as a click.
const CLICK_PX: f64 = 4.0;
/// Width on each side of a brush edge that grabs it.
const EDGE_PX: f64 = 8.0;
/// Zoom factor of a button press or key.
const STEP: f64 = 2.0;

/// The buttons above the drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tool {
    /// Zoom out around the middle.
    ZoomOut,
    /// Zoom in around the middle.
    ZoomIn,
    /// Show the whole archive.
    Fit,
    /// Show the span of the matching statements.
    Results,
    /// Remove the brushed period.
    Clear,
}

impl Tool {
    /// The buttons, in their order on screen.
    pub(super) const ALL: [Tool; 5] = [
        Tool::ZoomOut,
        Tool::ZoomIn,
        Tool::Fit,
        Tool::Results,
        Tool::Clear,
    ];

    /// Its `data-tl` name, for the stylesheet and for tests.
    pub(super) fn name(self) -> &'static str {
        match self {
            Tool::ZoomOut => "out",
            Tool::ZoomIn => "in",
            Tool::Fit => "fit",
            Tool::Results => "results",
            Tool::Clear => "clear",
        }
    }

    /// Its accessible name and its text.
    pub(super) fn words(self, w: &Words) -> (&'static str, &'static str) {
        match self {
            Tool::ZoomOut => (w.zoom_out, "−"),
            Tool::ZoomIn => (w.zoom_in, "+"),
            Tool::Fit => (w.fit, w.fit),
            Tool::Results => (w.fit_results, w.fit_results),
            Tool::Clear => (w.clear_dates, w.clear_dates),
        }
    }
}

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

/// Runs `f` on the model, then gives its action, if any, to the widget.
fn act(model: &Weak<RefCell<Model>>, sink: &Sink, f: impl FnOnce(&mut Model) -> Option<Action>) {
    let Some(model) = model.upgrade() else { return };
    let action = match model.try_borrow_mut() {
        Ok(mut m) => f(&mut m),
        Err(_) => None,
    };
    if let Some(a) = action {
        sink(a);
    }
}

/// A listener for `name` events on `target`, handing each one to `f` on
/// the model, then its action to the widget. Not generic over the event
/// type: each handler casts its event, and the listener's code is in the
/// module once rather than once per event type.
fn on(
    target: &EventTarget,
    name: &'static str,
    options: EventListenerOptions,
    model: &Weak<RefCell<Model>>,
    sink: &Sink,
    f: fn(&mut Model, &Event) -> Option<Action>,
) -> EventListener {
    let (w, s) = (model.clone(), sink.clone());
    EventListener::new_with_options(target, name, options, move |e| act(&w, &s, |m| f(m, e)))
}

pub(super) fn wire(
    model: &Rc<RefCell<Model>>,
    buttons: &[(Element, Tool)],
    sink: Sink,
) -> Vec<Tracked<EventListener>> {
    let m = model.borrow();
    let stage = m.nodes.stage.clone();
    let details = m.nodes.details.clone();
    let years = m.nodes.years.clone();
    drop(m);
    let mut out = Vec::new();
    let weak = Rc::downgrade(model);
    let active = EventListenerOptions::enable_prevent_default();

    let passive = EventListenerOptions::default();
    // On the stage: the drawing, the titles over it, the band and the card.
    out.push(on(&stage, "pointerdown", active, &weak, &sink, |m, e| {
        m.down(e.dyn_ref()?)
    }));
    out.push(on(&stage, "pointermove", passive, &weak, &sink, |m, e| {
        m.moved(e.dyn_ref()?)
    }));
    out.push(on(&stage, "pointerup", passive, &weak, &sink, |m, e| {
        m.up(e.dyn_ref()?, false)
    }));
    out.push(on(
        &stage,
        "pointercancel",
        passive,
        &weak,
        &sink,
        |m, e| m.up(e.dyn_ref()?, true),
    ));
    out.push(on(&stage, "pointerleave", passive, &weak, &sink, |m, _| {
        m.hover = None;
        m.hover_bin = None;
        m.caption();
        m.show_card();
        None
    }));
    out.push(on(&stage, "wheel", active, &weak, &sink, |m, e| {
        m.wheel(e.dyn_ref()?)
    }));
    out.push(on(&stage, "keydown", active, &weak, &sink, |m, e| {
        m.key(e.dyn_ref()?)
    }));
    for name in ["focusin", "focusout"] {
        out.push(on(&stage, name, passive, &weak, &sink, |m, _| {
            m.show_card();
            None
        }));
    }
    for (button, tool) in buttons {
        let (w, s, tool) = (weak.clone(), sink.clone(), *tool);
        out.push(EventListener::new(button, "click", move |_| {
            act(&w, &s, |m| m.tool(tool))
        }));
    }
    out.push(on(&details, "toggle", passive, &weak, &sink, |m, _| {
        m.list();
        None
    }));
    out.push(on(&years, "click", passive, &weak, &sink, |_, e| {
        let b = closest(e, "[data-tl-year], [data-tl-open]")?;
        if let Some(id) = b.get_attribute("data-tl-open") {
            Some(Action::Open(id))
        } else {
            let year = b.get_attribute("data-tl-year")?;
            Some(Action::Dates(Some(year.clone()), Some(year)))
        }
    }));
    out.into_iter().map(Tracked::new).collect()
}

/// Watches the drawing frame's size, so the axis is laid out again when
/// its container changes width, and not only when the window does.
/// Disconnected when dropped.
pub(super) struct Watch {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Watch {
    /// Starts watching `frame`; `None` where the browser has no observer.
    pub(super) fn new(model: &Rc<RefCell<Model>>, frame: &Element) -> Option<Watch> {
        let weak = Rc::downgrade(model);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(model) = weak.upgrade() {
                if let Ok(mut m) = model.try_borrow_mut() {
                    m.resize();
                }
            }
        });
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(frame);
        Some(Watch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The element `e` happened on, or its nearest ancestor, matching `selector`.
fn closest(e: &Event, selector: &str) -> Option<Element> {
    e.target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()?
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

    fn down(&mut self, e: &PointerEvent) -> Option<Action> {
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

    fn moved(&mut self, e: &PointerEvent) -> Option<Action> {
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

    fn up(&mut self, e: &PointerEvent, cancel: bool) -> Option<Action> {
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

    fn wheel(&mut self, e: &WheelEvent) -> Option<Action> {
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
        } else if dx.abs() > dy.abs() || e.shift_key() {
            e.prevent_default();
            self.pan(if dx.abs() > dy.abs() { dx } else { dy });
        }
        // A plain vertical wheel scrolls the page.
        None
    }

    fn key(&mut self, e: &KeyboardEvent) -> Option<Action> {
        let n = self.entries.len();
        if n == 0 {
            return None;
        }
        let key = e.key();
        let to = match key.as_str() {
            "ArrowRight" | "ArrowDown" => Some((self.focus + 1).min(n - 1)),
            "ArrowLeft" | "ArrowUp" => Some(self.focus.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(n - 1),
            _ => None,
        };
        if let Some(i) = to {
            e.prevent_default();
            let from = std::mem::replace(&mut self.focus, i);
            self.fitted = false;
            self.view = self.axis.reveal(self.view, i);
            self.draw(true);
            if !e.shift_key() {
                self.anchor = None;
                return None;
            }
            let anchor = *self.anchor.get_or_insert(from);
            let (first, last) = self.axis.period(anchor, i)?;
            self.brush = brush_of(&self.axis, Some(&first), Some(&last));
            self.draw_brush();
            return Some(Action::Dates(Some(first), Some(last)));
        }
        let center = self
            .entries
            .get(self.focus)
            .map(|en| self.axis.extent(&en.mark, self.view))
            .map_or(self.view.width / 2.0, |(a, b)| (a + b) / 2.0);
        let page = self.view.width * 0.8;
        let action = match key.as_str() {
            "Enter" | " " => self
                .entries
                .get(self.focus)
                .map(|en| Action::Open(en.id.clone())),
            "+" | "=" => {
                self.zoom(STEP, center);
                None
            }
            "-" | "_" => {
                self.zoom(1.0 / STEP, center);
                None
            }
            "0" => {
                self.fit();
                None
            }
            "Escape" | "Delete" | "Backspace" if self.brush.is_some() => {
                // Consumed here: Escape must not also close the reading view.
                e.stop_propagation();
                self.anchor = None;
                self.tool(Tool::Clear)
            }
            "PageUp" => {
                self.pan(-page);
                None
            }
            "PageDown" => {
                self.pan(page);
                None
            }
            // Other keys keep their default.
            _ => return None,
        };
        e.prevent_default();
        action
    }

    /// Zooms by `factor`, keeping the day under pixel `x` in place.
    fn zoom(&mut self, factor: f64, x: f64) {
        let v = self.axis.zoom(self.view, factor, x);
        self.set_view(v);
    }

    /// Scrolls by `dx` pixels.
    fn pan(&mut self, dx: f64) {
        let v = self.axis.pan(self.view, dx);
        self.set_view(v);
    }

    fn tool(&mut self, tool: Tool) -> Option<Action> {
        let center = self.view.width / 2.0;
        match tool {
            Tool::ZoomIn => self.zoom(STEP, center),
            Tool::ZoomOut => self.zoom(1.0 / STEP, center),
            Tool::Fit => self.fit(),
            Tool::Results => {
                let (start, end) = self.axis.matched_span(&self.matched)?;
                let v = self.axis.show(self.view, start, end);
                self.set_view(v);
            }
            Tool::Clear => {
                self.brush = None;
                self.draw_brush();
                return Some(Action::Dates(None, None));
            }
        }
        None
    }
}
