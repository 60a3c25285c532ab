//! Actions: the listeners that turn the visitor's events into typed
//! [`Action`]s, and the one update path: [`Session::act`] says what an
//! action changed, [`Inner::apply`] shows it.
//!
//! [`Session::act`]: crate::widget::session::Session::act

use gloo::events::EventListener;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

use super::{with, Inner};
use crate::widget::action::Action;
use crate::widget::dom::{self, Tracked};
use crate::widget::session::{Change, Focus, Pane, Record};
use crate::widget::state::Sort;

impl Inner {
    /// Attaches the listeners of the skeleton's nodes: each turns its event
    /// into an [`Action`].
    pub(super) fn wire(&mut self) {
        self.listeners.clear();
        let weak = self.weak.clone();
        let input = EventListener::new(&self.nodes.input, "input", move |_| {
            with(&weak, Inner::keystroke);
        });
        let weak = self.weak.clone();
        let enter = EventListener::new(&self.nodes.input, "keydown", move |e| {
            if e.dyn_ref::<KeyboardEvent>()
                .is_some_and(|k| k.key() == "Enter")
            {
                with(&weak, Inner::submit);
            }
        });
        let weak = self.weak.clone();
        let sort = EventListener::new(&self.nodes.sort, "change", move |_| {
            with(&weak, |i| {
                let sort = Sort::from_name(&i.nodes.sort.value());
                i.act(Action::Sort(sort));
            });
        });
        let weak = self.weak.clone();
        let click = EventListener::new(&self.nodes.root, "click", move |e| {
            let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            let Some(control) = target.and_then(|t| dom::closest(&t, "[data-act]")) else {
                return;
            };
            if let Some(action) = Action::decode(&|name| control.get_attribute(name)) {
                with(&weak, |i| i.act(action));
            }
        });
        let weak = self.weak.clone();
        let escape = EventListener::new(&self.nodes.root, "keydown", move |e| {
            if e.dyn_ref::<KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape")
            {
                with(&weak, |i| {
                    if i.state.open.is_some() {
                        i.act(Action::Back);
                    }
                });
            }
        });
        self.listeners = [input, enter, sort, click, escape]
            .into_iter()
            .map(Tracked::new)
            .collect();
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
