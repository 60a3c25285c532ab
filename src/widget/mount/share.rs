//! Sharing a statement: its permalink, and copying it with the async
//! clipboard or, where there is none, a selected text field.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlInputElement};

use super::{after, with, Inner, MAX_CLIPBOARD, NOTICE_MS};
use crate::widget::dom::{self, Tracked};
use crate::widget::state::State;
use crate::widget::strings::Strings;
use crate::widget::url;

impl Inner {
    /// The link that opens statement `id` on this page: the page's own URL,
    /// its other parameters and fragment as they are, with the widget's
    /// parameter saying only which statement is open.
    pub(super) fn permalink(&self, id: &str) -> String {
        let href = dom::href(&self.window);
        let state = State {
            open: Some(id.to_owned()),
            ..State::default()
        };
        url::write(&href, &state)
    }

    /// Copies the open statement's permalink, with a visible fallback.
    pub(super) fn copy_link(&mut self) {
        let Some(id) = self.state.open.clone() else {
            return;
        };
        let link = self.permalink(&id);
        let navigator = self.window.navigator();
        let has_clipboard = Reflect::get(&navigator, &"clipboard".into())
            .is_ok_and(|c| !c.is_undefined() && !c.is_null());
        if has_clipboard {
            let (w1, w2) = (self.weak.clone(), self.weak.clone());
            let ok = Closure::<dyn FnMut(JsValue)>::new(move |_| with(&w1, |i| i.notice(true)));
            let err = Closure::<dyn FnMut(JsValue)>::new(move |_| with(&w2, |i| i.notice(false)));
            let _ = navigator.clipboard().write_text(&link).then2(&ok, &err);
            if self.clipboard.len() >= MAX_CLIPBOARD {
                self.clipboard.remove(0);
            }
            self.clipboard.push(Tracked::new((ok, err)));
        } else {
            // No async clipboard (an insecure page): select the link and try the old way.
            let copied = self.select_link_field()
                && self
                    .doc
                    .dyn_ref::<HtmlDocument>()
                    .and_then(|d| d.exec_command("copy").ok())
                    .unwrap_or(false);
            self.notice(copied);
        }
    }

    /// Shows the permalink as selected text; false when there is none.
    pub(super) fn select_link_field(&self) -> bool {
        // The field `render::reading` made, an `<input>`.
        let field = dom::find(&self.nodes.reading, ".link-field")
            .map(JsCast::unchecked_into::<HtmlInputElement>);
        match field {
            Some(f) => {
                dom::show(&f, true);
                dom::focus(&f);
                f.select();
                true
            }
            None => false,
        }
    }

    /// Says whether the link was copied, for a few seconds.
    pub(super) fn notice(&mut self, copied: bool) {
        let s = Strings::of(self.lang);
        if !copied {
            self.select_link_field();
        }
        let Some(n) = dom::find(&self.nodes.reading, ".notice") else {
            return;
        };
        n.set_text_content(Some(if copied { s.copied() } else { s.copy_failed() }));
        self.notice = Some(after(&self.weak, NOTICE_MS, |i| {
            i.notice = None;
            if let Some(n) = dom::find(&i.nodes.reading, ".notice") {
                n.set_text_content(None);
            }
        }));
    }
}
