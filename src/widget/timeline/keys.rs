//! The chronology's keys, on the focused mark (roving focus: only it is in
//! the tab order). Arrow keys, Home and End move through the statements in
//! time order, scrolling the view to keep the focused one in it; Enter or
//! Space opens it; + and − zoom around it, 0 shows the whole archive, Page
//! Up and Page Down scroll.
//!
//! Keyboard brushing follows the range selection of the WAI-ARIA listbox
//! pattern: Shift with an arrow key, Home or End moves focus like the key
//! alone and selects the period from the statement where the selection
//! began (the anchor) to the focused one ([`super::geometry::Axis::period`]);
//! Escape, Delete or Backspace clears the period.

use web_sys::KeyboardEvent;

use super::chart::{Action, Model};
use super::geometry::brush_of;
use super::input::{Tool, STEP};
use crate::widget::dom;

impl Model {
    pub(super) fn key(&mut self, e: &KeyboardEvent) -> Option<Action> {
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
            self.move_to(self.axis.reveal(self.view, i));
            self.draw(true);
            if !dom::shift(e) {
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
    pub(super) fn zoom(&mut self, factor: f64, x: f64) {
        let v = self.axis.zoom(self.view, factor, x);
        self.set_view(v);
    }

    /// Scrolls by `dx` pixels.
    pub(super) fn pan(&mut self, dx: f64) {
        let v = self.axis.pan(self.view, dx);
        self.set_view(v);
    }
}
