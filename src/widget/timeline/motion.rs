//! The one motion of the chronology: when a query or filter leaves no
//! match in view, the view glides to the matches over a quarter of a
//! second, so the visitor sees where it went. Where the visitor asks for
//! reduced motion (`prefers-reduced-motion: reduce`, which the stylesheet
//! turns into `--tl-motion: none`), it moves at once. Everything else the
//! visitor does moves the view at once too, and stops a glide.
//!
//! Each step is an animation frame. The timeline owns the frame callback
//! ([`ticker`]) and cancels the pending frame when dropped, so an
//! unmounted widget leaves nothing scheduled.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::chart::Model;
use super::geometry::{within, View};
use crate::widget::dom::{attr, cancel_frame, computed, next_frame, unset};

/// How long the view takes to glide to the matches, milliseconds.
const GLIDE_MS: f64 = 250.0;

/// A glide under way: from and to which view, and since when.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Motion {
    from: View,
    to: View,
    /// Time of its first frame, once it has had one.
    start: Option<f64>,
}

/// The callback a timeline gives to `requestAnimationFrame`: one step of
/// its model's glide. The timeline owns it; the model keeps the function
/// to ask for the next frame, and the frame it asked for, which unmounting
/// cancels.
pub(super) fn ticker(model: &Rc<RefCell<Model>>) -> Closure<dyn FnMut(f64)> {
    let weak: Weak<RefCell<Model>> = Rc::downgrade(model);
    let tick = Closure::<dyn FnMut(f64)>::new(move |now: f64| {
        if let Some(m) = weak.upgrade() {
            if let Ok(mut m) = m.try_borrow_mut() {
                m.frame = None;
                m.step(now);
            }
        }
    });
    if let Ok(mut m) = model.try_borrow_mut() {
        m.tick = Some(tick.as_ref().unchecked_ref::<js_sys::Function>().clone());
    }
    tick
}

/// `t` in 0..=1 eased out (fast, then settling), cubic.
fn ease(t: f64) -> f64 {
    1.0 - (1.0 - t).powi(3)
}

impl Model {
    /// Whether the visitor asked for reduced motion.
    fn still(&self) -> bool {
        web_sys::window()
            .is_some_and(|w| computed(&w, &self.nodes.stage, "--tl-motion").trim() == "none")
    }

    /// Moves the view to `to`: at once under reduced motion, else as a
    /// glide.
    pub(super) fn glide_to(&mut self, to: View) {
        if self.still() || to == self.view {
            self.stop();
            self.view = to;
            return;
        }
        self.motion = Some(Motion {
            from: self.view,
            to,
            start: None,
        });
        attr(&self.nodes.svg, "data-moving", "");
        self.ask();
    }

    /// Asks for an animation frame, unless one is pending.
    fn ask(&mut self) {
        if self.frame.is_some() {
            return;
        }
        let window = web_sys::window();
        self.frame = window
            .zip(self.tick.as_ref())
            .map(|(w, f)| next_frame(&w, f));
    }

    /// Cancels the frame asked for, if any (on unmount).
    pub(super) fn cancel(&mut self) {
        if let (Some(id), Some(w)) = (self.frame.take(), web_sys::window()) {
            cancel_frame(&w, id);
        }
    }

    /// Ends a glide where it is (the visitor moved the view).
    pub(super) fn stop(&mut self) {
        if self.motion.take().is_some() {
            unset(&self.nodes.svg, "data-moving");
        }
    }

    /// One frame of the glide at time `now`; asks for the next until it is
    /// over. The zoom and the day in the middle move together, eased, so
    /// the glide reads as one movement.
    fn step(&mut self, now: f64) {
        let Some(motion) = self.motion.as_mut() else {
            return;
        };
        let start = *motion.start.get_or_insert(now);
        let Motion { from, to, .. } = *motion;
        let t = within((now - start) / GLIDE_MS, 0.0, 1.0);
        let view = if t >= 1.0 {
            to
        } else {
            let e = ease(t);
            let middle = |v: View| self.axis.world_day(v.s + v.width / 2.0, v.k);
            let day = middle(from) + (middle(to) - middle(from)) * e;
            let k = from.k + (to.k - from.k) * e;
            self.axis.clamp(View {
                k,
                s: self.axis.world_x(day, k) - to.width / 2.0,
                width: to.width,
            })
        };
        self.view = view;
        let keep = self.has_focus();
        self.draw(keep);
        if t >= 1.0 {
            self.stop();
        } else {
            self.ask();
        }
    }
}
