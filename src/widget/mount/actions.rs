//! Actions: the listeners that turn the visitor's events into typed
//! [`Action`]s, and the one update path: [`Session::act`] says what an
//! action changed, [`Inner::apply`] shows it.
//!
//! [`Session::act`]: crate::widget::session::Session::act

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

use super::{listen, Inner};
use crate::widget::action::Action;
use crate::widget::dom;
use crate::widget::session::{Change, Focus, Pane, Record};
use crate::widget::state::Sort;

impl Inner {
    /// Attaches the listeners of the skeleton's nodes: each turns its event
    /// into an [`Action`].
    pub(super) fn wire(&mut self) {
        let w = &self.weak;
        self.listeners = vec![
            listen(w, &self.nodes.input, "input", |i, _| i.keystroke()),
            listen(w, &self.nodes.sort, "change", |i, _| {
                let sort = Sort::from_name(&i.nodes.sort.value());
                i.act(Action::Sort(sort));
            }),
            listen(w, &self.nodes.root, "click", |i, e| {
                let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
                let control = target.and_then(|t| dom::closest(&t, "[data-act]"));
                if let Some(action) = control.and_then(|c| Action::decode(&|n| c.get_attribute(n)))
                {
                    i.act(action);
                }
            }),
            // Enter in the search box; Escape anywhere in the reading view.
            listen(w, &self.nodes.root, "keydown", |i, e| {
                let key = e.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key);
                match key.as_deref() {
                    Some("Enter") if e.target().as_deref() == Some(&i.nodes.input) => i.submit(),
                    Some("Escape") if i.state.open.is_some() => i.act(Action::Back),
                    _ => {}
                }
            }),
        ];
    }

    /// Carries out `action`: the session says what changed, [`Inner::apply`] shows it.
    pub(super) fn act(&mut self, action: Action) {
        if !matches!(action, Action::Text(_)) {
            // Typed text gets its history entry before what comes next.
            self.settle();
        }
        // Only opening a statement keeps the scroll (reading it may lay out the page).
        let scroll_y = match action {
            Action::Open(_) if self.state.open.is_none() => dom::scroll(&self.window).1,
            _ => 0.0,
        };
        let change = self.session.act(action, scroll_y);
        self.apply(change);
    }

    /// Shows a change: the regions it touched, the pane, focus, the events
    /// and the URL. The one place where session changes reach the DOM.
    fn apply(&mut self, change: Change) {
        if change.typed {
            // Before rendering, so the new count waits to be announced.
            self.pause();
        }
        if change.input {
            self.nodes.input.set_value(&self.session.state.text);
        }
        let before = dom::children(&self.nodes.results).length();
        if change.results {
            self.render_results();
        }
        match change.pane {
            Pane::Keep => {}
            Pane::Reading { focus } => {
                if let Some(id) = self.state.open.clone() {
                    self.show_reading(&id, focus);
                    if let Some(t) = &self.timeline {
                        t.set_open(Some(&id));
                    }
                }
            }
            Pane::List => {
                self.show_list();
                if let Some(t) = &self.timeline {
                    t.set_open(None);
                }
            }
        }
        match change.focus {
            Focus::Keep => {}
            Focus::Input => dom::focus(&self.nodes.input),
            Focus::NextPage => {
                let first_new = dom::children(&self.nodes.results)
                    .item(before)
                    .and_then(|li| dom::find(&li, "button"));
                dom::focus(first_new.as_ref().unwrap_or(&self.nodes.input));
            }
        }
        if change.opened {
            self.tell_opened();
        }
        if change.copy {
            self.copy_link();
        }
        if change.record != Record::None {
            self.commit(change.record);
        }
    }

    /// Tells the page which statement opened.
    fn tell_opened(&mut self) {
        let Some(id) = self.state.open.clone() else {
            return;
        };
        let detail = Object::new();
        let _ = Reflect::set(&detail, &"id".into(), &JsValue::from_str(&id));
        if let Some(s) = self.shared.archive.get(&id) {
            let _ = Reflect::set(&detail, &"title".into(), &JsValue::from_str(&s.title));
        }
        self.pending.push(("ima-statements:open", detail.into()));
    }
}
