//! The chronology's listeners: which events it listens to, on what, and
//! the model's handler for each (the gestures are `pointer`, the keys
//! `keys`); the buttons above the drawing; and the size observer. Each
//! handler runs on the model and returns what it asks of the widget, which
//! is passed on once the model is released.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, ResizeObserver};

use super::chart::{Action, Model, Sink};
use crate::widget::dom::{self, Tracked};
use crate::widget::strings::Words;

/// Zoom factor of a button press or key.
pub(super) const STEP: f64 = 2.0;

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

    /// Its `data-tl` name, for the stylesheet, the toolbar's listener and tests.
    pub(super) fn name(self) -> &'static str {
        match self {
            Tool::ZoomOut => "out",
            Tool::ZoomIn => "in",
            Tool::Fit => "fit",
            Tool::Results => "results",
            Tool::Clear => "clear",
        }
    }

    /// The tool named `name` ([`Tool::name`]).
    fn from_name(name: &str) -> Option<Tool> {
        Tool::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Its accessible name and its text.
    pub(super) fn words(self, w: &Words) -> (&'static str, &'static str) {
        match self {
            Tool::ZoomOut => (w.zoom_out(), "−"),
            Tool::ZoomIn => (w.zoom_in(), "+"),
            Tool::Fit => (w.fit(), w.fit()),
            Tool::Results => (w.fit_results(), w.fit_results()),
            Tool::Clear => (w.clear_dates(), w.clear_dates()),
        }
    }
}

/// Runs `f` on the model, then gives its action, if any, to the widget.
fn act(model: &Weak<RefCell<Model>>, sink: &Sink, f: impl FnOnce(&mut Model) -> Option<Action>) {
    let Some(model) = model.upgrade() else { return };
    let action = match model.try_borrow_mut() {
        Ok(mut m) => f(&mut m),
        Err(_) => None,
    };
    if let Some(a) = action {
        sink.act(a);
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

pub(super) fn wire(model: &Rc<RefCell<Model>>, sink: Sink) -> Vec<Tracked<EventListener>> {
    let m = model.borrow();
    let tools = m.nodes.tools.clone();
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
    out.push(on(&tools, "click", passive, &weak, &sink, |m, e| {
        let name = closest(e, "[data-tl]")?.get_attribute("data-tl")?;
        m.tool(Tool::from_name(&name)?)
    }));
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
pub(super) fn closest(e: &Event, selector: &str) -> Option<Element> {
    dom::closest(e.target()?.dyn_ref::<Element>()?, selector)
}

impl Model {
    /// What a button above the drawing does.
    pub(super) fn tool(&mut self, tool: Tool) -> Option<Action> {
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
