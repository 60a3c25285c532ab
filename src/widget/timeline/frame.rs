//! One frame of the chronology: the whole drawing when the view changed
//! (zoom, scroll, width, the focused or open statement), or, for a new
//! query or period in the same view, only what that changes: the bars, the
//! marks' states, the titles, the brush and the caption. Also where the
//! view goes: to the matches when none is in view, to the whole archive,
//! and to a new width.

use web_sys::Element;

use super::chart::{px, Model, FALLBACK_WIDTH};
use super::geometry::{period_words, Layout, View};
use crate::number::decimal;
use crate::widget::dom::{active, attr, find, focus, show};

/// The drawing frame's inner width, or a fallback before layout.
fn width_of(frame: &Element) -> f64 {
    let w = f64::from(frame.client_width());
    if w >= 1.0 {
        w
    } else {
        FALLBACK_WIDTH
    }
}

impl Model {
    /// Makes the statement with id `open` the open and focused one.
    pub(super) fn set_open(&mut self, open: Option<&str>) {
        self.open = open.and_then(|id| self.entries.iter().position(|e| e.id == id));
        if let Some(i) = self.open {
            self.focus = i;
        }
    }

    /// Whether focus is on one of the marks.
    pub(super) fn has_focus(&self) -> bool {
        let active = active(&self.slot.get_root_node()).or_else(|| active(&self.doc));
        active.is_some_and(|a| self.nodes.marks.contains(Some(&a)))
    }

    pub(super) fn matched(&self, i: usize) -> bool {
        self.matched.get(i).copied().unwrap_or(true)
    }

    /// Pointer position in the drawing.
    pub(super) fn point(&self, e: &web_sys::MouseEvent) -> (f64, f64) {
        let r = self.nodes.svg.get_bounding_client_rect();
        (
            f64::from(e.client_x()) - r.left(),
            f64::from(e.client_y()) - r.top(),
        )
    }

    pub(super) fn set_view(&mut self, view: View) {
        self.move_to(view);
        self.draw(self.has_focus());
    }

    /// Shows `view` (clamped to the archive) from the next drawing on,
    /// stopping any glide. A view that stays as it was (a pan the archive's
    /// ends hold in place, a key that moves focus within the view) leaves a
    /// fitted view fitted, so a new width still shows the whole archive.
    pub(super) fn move_to(&mut self, view: View) {
        self.stop();
        let view = self.axis.clamp(view);
        self.fitted &= view == self.view;
        self.view = view;
    }

    /// Redraws everything; `refocus` puts focus back on the focused mark.
    pub(super) fn draw(&mut self, refocus: bool) {
        // The first drawing measures the frame (see `Timeline::new`).
        if self.drawn.is_none() {
            self.measure();
        }
        let width = self.view.width;
        attr(&self.nodes.svg, "width", &px(width));
        let layout = self.layout();
        self.draw_axis(&layout);
        self.draw_bars(&layout);
        self.draw_marks(&layout);
        self.draw_titles(&layout);
        self.draw_band();
        self.drawn = Some((self.view, self.focus, self.open));
        self.draw_brush();
        self.show_tools();
        if refocus {
            if let Some(e) = find(&self.nodes.marks, "[tabindex='0']") {
                focus(&e);
            }
        }
        self.caption();
        self.show_card();
    }

    /// Shows new matches and a new brush. In the view already drawn, with
    /// the same focused and open statements, the axis and the marks' places
    /// stay: only the bars, the marks' dimming and the brush change.
    pub(super) fn redraw(&mut self, refocus: bool) {
        if self.drawn != Some((self.view, self.focus, self.open)) {
            self.draw(refocus);
            return;
        }
        let layout = self.layout();
        self.draw_bars(&layout);
        let matched = std::mem::take(&mut self.matched);
        for d in &mut self.drawn_marks {
            d.dim(matched.get(d.index).copied().unwrap_or(true));
        }
        self.matched = matched;
        // The matched statements' titles come first: they are laid out again.
        self.draw_titles(&layout);
        self.draw_band();
        self.draw_brush();
        self.show_tools();
        self.caption();
        self.show_card();
    }

    /// When the matches are all outside the view, moves the view to them
    /// (zoomed out as far as they need), gliding where motion is allowed
    /// (see `motion`).
    pub(super) fn follow(&mut self) {
        if self.all || self.axis.shows_any(self.view, &self.matched) {
            return;
        }
        let Some((a, b)) = self.axis.matched_span(&self.matched) else {
            return;
        };
        self.fitted = false;
        let to = self.axis.show(self.view, a, b);
        self.glide_to(to);
    }

    /// The layout of the current view, the focused and open marks kept.
    pub(super) fn layout(&self) -> Layout {
        let keep: Vec<usize> = [Some(self.focus), self.open]
            .into_iter()
            .flatten()
            .collect();
        self.axis.layout(self.view, &self.matched, &keep)
    }

    /// "Clear dates" while there is a period; "fit to results" while
    /// something is filtered out.
    pub(super) fn show_tools(&self) {
        let n = &self.nodes;
        show(&n.clear, self.brush.is_some());
        show(&n.results, !(self.all && self.brush.is_none()));
    }

    /// Under the drawing: the counts of the density bar under the pointer,
    /// else the selected period in words with its number of statements
    /// ("March 2015 – June 2016 · 4 statements").
    pub(super) fn caption(&self) {
        let w = self.words;
        let text = self
            .hover_bin
            .map(|(m, n)| self.count(m, n, m == n) + " " + w.statements());
        let text = text.or_else(|| {
            let words = period_words(
                self.lang,
                self.period.0.as_deref(),
                self.period.1.as_deref(),
            )?;
            let n = self.matched.iter().filter(|m| **m).count();
            let noun = if n == 1 {
                w.statement()
            } else {
                w.statements()
            };
            Some(words + " · " + &decimal(n as u64) + " " + noun)
        });
        let text = text.unwrap_or_default();
        if self.nodes.caption.text_content().as_deref() != Some(text.as_str()) {
            self.nodes.caption.set_text_content(Some(&text));
        }
    }

    pub(super) fn fit(&mut self) {
        self.stop();
        self.view = self.axis.fit(self.view.width);
        self.fitted = true;
        self.draw(self.has_focus());
    }

    /// Lays the axis out again for a new width; called by the size observer.
    pub(super) fn resize(&mut self) {
        if self.measure() || self.drawn.is_none() {
            self.draw(self.has_focus());
        }
    }

    /// Follows the frame's width (window resizes, a container that changes
    /// width, the reading view's wider column); true when it changed.
    pub(super) fn measure(&mut self) -> bool {
        let width = width_of(&self.nodes.frame);
        if (width - self.view.width).abs() < 0.5 {
            return false;
        }
        self.stop();
        self.view = if self.fitted {
            self.axis.fit(width)
        } else {
            self.axis.clamp(View { width, ..self.view })
        };
        true
    }
}
