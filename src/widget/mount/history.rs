//! The widget's state in the URL: which widget owns it, reading it at mount
//! and on back/forward, writing it on every change (the `ima` query
//! parameter, see [`crate::widget::url`]; the fragment is the host's), and
//! the state object the page's events carry.

use std::cell::Cell;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use super::{listen, Inner, Record, HASH_OWNER, PAGE};
use crate::vocabulary::Facet;
use crate::widget::dom;
use crate::widget::state::State;
use crate::widget::url;

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
            // Back and forward fire `popstate`, and so does following a link
            // to a fragment, such as one in the older `#ima:` form.
            let popstate = listen(&self.weak, &self.window, "popstate", |i, _| i.follow_url());
            self.history_listeners.push(popstate);
        }
    }

    /// The widget's state in the URL (the `ima` parameter, or an older
    /// `#ima:` link, which is then rewritten to the parameter), checked
    /// against the archive.
    pub(super) fn url_state(&self) -> Option<State> {
        let href = dom::href(&self.window);
        let found = url::read(&href);
        let rewrite = matches!(found, url::Found::Fragment(_));
        let state = self.shared.checker.sanitize(found.state()?);
        if rewrite {
            self.write_url(&href, &state, Record::Replace);
        }
        Some(state)
    }

    /// Follows the URL after back/forward: the widget's parameter restores
    /// its state, a URL without one restores the attributes' state.
    pub(super) fn follow_url(&mut self) {
        let state = self.url_state().unwrap_or_else(|| self.initial.clone());
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
            self.write_state(record);
        }
        let detail = self.state_js();
        self.pending.push(("ima-statements:change", detail));
    }

    /// Writes the state into the URL's `ima` parameter: a new history entry
    /// for `Record::Push`, the current one for `Record::Replace`.
    pub(super) fn write_state(&self, record: Record) {
        let href = dom::href(&self.window);
        self.write_url(&href, &self.state, record);
    }

    fn write_url(&self, href: &str, state: &State, record: Record) {
        let next = url::write(href, state);
        if next == href {
            return;
        }
        let Ok(history) = self.window.history() else {
            return;
        };
        // The host's router may keep its own state in the entry (a
        // pushState router does): the widget's entries carry it along.
        let kept = history.state().unwrap_or(JsValue::NULL);
        let _ = if record == Record::Push {
            history.push_state_with_url(&kept, "", Some(&next))
        } else {
            history.replace_state_with_url(&kept, "", Some(&next))
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
