//! The widget's state in the URL: which widget owns the `#ima:` hash, reading
//! it at mount and on back/forward, writing it on every change, and the
//! state object the page's events carry.

use std::cell::Cell;

use gloo::events::EventListener;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use super::{with, Inner, Record, HASH_OWNER, PAGE};
use crate::vocabulary::Facet;
use crate::widget::dom::Tracked;
use crate::widget::state::{State, HASH_PREFIX};

impl Inner {
    /// Decides whether this widget keeps its state in the URL and listens to history.
    pub(super) fn set_deep_link(&mut self) {
        let owner = HASH_OWNER.with(Cell::get);
        let on = match self.settings.deep_link {
            Some(on) => on,
            None => owner.is_none() || owner == Some(self.id),
        };
        if on && owner.is_none() {
            HASH_OWNER.with(|o| o.set(Some(self.id)));
        }
        if !on && owner == Some(self.id) {
            HASH_OWNER.with(|o| o.set(None));
        }
        self.deep_link = on;
        self.history_listeners.clear();
        if on {
            for event in ["hashchange", "popstate"] {
                let weak = self.weak.clone();
                self.history_listeners.push(Tracked::new(EventListener::new(
                    &self.window,
                    event,
                    move |_| with(&weak, Inner::follow_url),
                )));
            }
        }
    }

    /// The widget's state in the URL hash, if the hash is the widget's.
    pub(super) fn hash_state(&self) -> Option<State> {
        let hash = self.window.location().hash().ok()?;
        let state = State::from_hash(&hash)?;
        Some(self.shared.checker.sanitize(state))
    }

    /// Follows the URL after back/forward: the widget's hash restores its
    /// state, an empty one restores the attributes' state, the host's own
    /// hash is not the widget's business.
    pub(super) fn follow_url(&mut self) {
        let hash = self.window.location().hash().unwrap_or_default();
        let state = if hash.is_empty() || hash == "#" {
            self.initial.clone()
        } else {
            match self.hash_state() {
                Some(s) => s,
                None => return,
            }
        };
        if state == self.state {
            return;
        }
        let was_open = self.state.open.clone();
        self.state = state;
        self.limit = PAGE;
        self.nodes.input.set_value(&self.state.text);
        self.render_results();
        if self.state.open != was_open {
            match self.state.open.clone() {
                Some(id) => self.show_reading(&id, true),
                None => self.show_list(),
            }
        }
        let detail = self.state_js();
        self.pending.push(("ima-statements:change", detail));
    }

    /// Records the state in the URL and tells the page.
    pub(super) fn commit(&mut self, record: Record) {
        if self.deep_link && record != Record::None {
            self.write_hash(record);
        }
        let detail = self.state_js();
        self.pending.push(("ima-statements:change", detail));
    }

    pub(super) fn write_hash(&self, record: Record) {
        let location = self.window.location();
        let current = location.hash().unwrap_or_default();
        let hash = self.state.to_hash();
        if current == hash || (hash.is_empty() && !current.starts_with(HASH_PREFIX)) {
            return;
        }
        let path = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
        let url = path + &hash;
        let Ok(history) = self.window.history() else {
            return;
        };
        // A host's own hash gets a new entry rather than being overwritten.
        let push = record == Record::Push || !current.starts_with(HASH_PREFIX);
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }

    /// The state as a plain object: `{ query, kind: [], …, from, to, sort, open }`.
    pub(super) fn state_js(&self) -> JsValue {
        let o = Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = Reflect::set(&o, &JsValue::from_str(k), v);
        };
        let opt = |v: &Option<String>| v.as_deref().map_or(JsValue::NULL, JsValue::from_str);
        set("query", &JsValue::from_str(&self.state.text));
        for facet in Facet::ALL {
            let values: Array = self
                .state
                .selection
                .get(facet)
                .iter()
                .map(|v| JsValue::from_str(v))
                .collect();
            set(facet.as_str(), &values);
        }
        set("from", &opt(&self.state.from));
        set("to", &opt(&self.state.to));
        set(
            "sort",
            &JsValue::from_str(self.state.effective_sort().as_str()),
        );
        set("open", &opt(&self.state.open));
        set("lang", &JsValue::from_str(self.lang.tag()));
        o.into()
    }
}
