//! Rendering the widget's regions from the session: the results (only
//! what changed, see `render::Shown`), the reading view or the list, and
//! the chronology.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use web_sys::Element;

use super::page::Shared;
use super::{with, Inner};
use crate::lang::Lang;
use crate::widget::action::Action;
use crate::widget::dom;
use crate::widget::options::View;
use crate::widget::render;
use crate::widget::timeline::{self, Timeline};
use crate::widget::view;

/// What the chronology shows: which statements match, the period, the open statement.
pub(super) type Drawn = (Vec<bool>, Option<String>, Option<String>, Option<String>);

impl Inner {
    /// Searches and renders the result regions that changed, keeping focus
    /// on the same control when it was drawn again.
    pub(super) fn render_results(&mut self) {
        let key = dom::active(&self.shadow).and_then(|e| e.get_attribute("data-key"));
        let mut found = view::results(&self.shared.archive, &self.state, self.lang, self.limit);
        let matched = std::mem::take(&mut found.matched);
        if let Some(t) = &self.timeline {
            let hits: Vec<_> = found
                .hits
                .iter()
                .map(|h| (h.id.as_str(), h.snippet.as_slice()))
                .collect();
            t.set_snippets(&hits);
        }
        let mut shown = std::mem::take(&mut self.shown);
        render::results(
            &self.ctx(),
            &self.nodes,
            found,
            &self.state,
            &self.ui,
            &mut shown,
        );
        self.shown = shown;
        if !self.typing.pausing() {
            self.announce();
        }
        let s = &self.session.state;
        let drawn = (matched, s.from.clone(), s.to.clone(), s.open.clone());
        if self.drawn.as_ref() != Some(&drawn) {
            self.drawn = Some(drawn);
            self.update_timeline();
        }
        // A control drawn again lost focus: give it to its new self.
        if let Some(key) = key {
            if dom::active(&self.shadow).is_none() {
                let e = self.find_key(&key).or_else(|| self.find_key("clear"));
                dom::focus(e.as_ref().unwrap_or(&self.nodes.input));
            }
        }
    }

    /// Renders everything from the state (mount, language change). The
    /// results come last: the chronology's first drawing, which they
    /// trigger, measures the page, best done once all of it is there.
    pub(super) fn render_all(&mut self, focus: bool) {
        self.nodes.input.set_value(&self.session.state.text);
        match self.state.open.clone() {
            Some(id) => self.show_reading(&id, focus),
            None => self.show_list(),
        }
        self.render_results();
    }

    /// Renders and shows the reading view of `id`.
    pub(super) fn show_reading(&mut self, id: &str, focus: bool) {
        let view = view::reading(&self.shared.archive, id, &self.state.text, self.lang);
        let link = self.deep_link.then(|| self.permalink(id));
        render::reading(&self.ctx(), &self.nodes, view.as_ref(), link.as_deref());
        dom::show(&self.nodes.reading, true);
        dom::show(&self.nodes.list, false);
        dom::class(&self.nodes.root, "reading-mode", true);
        if focus {
            if let Some(h) = dom::find(&self.nodes.reading, "h2") {
                dom::focus(&h);
            }
        }
    }

    /// Back to the list, with its scroll position and the opened card focused.
    pub(super) fn show_list(&mut self) {
        dom::show(&self.nodes.reading, false);
        dom::clear(&self.nodes.reading);
        dom::show(&self.nodes.list, true);
        dom::class(&self.nodes.root, "reading-mode", false);
        let Some(point) = self.return_to.take() else {
            return;
        };
        self.window
            .scroll_to_with_x_and_y(dom::scroll(&self.window).0, point.scroll_y);
        let card = self.find_key(&("o:".to_owned() + &point.id));
        dom::focus_in_place(card.as_ref().unwrap_or(&self.nodes.input));
    }

    /// The element carrying `data-key="key"`, if rendered.
    fn find_key(&self, key: &str) -> Option<Element> {
        let all = dom::find_all(&self.shadow, "[data-key]");
        (0..all.length())
            .filter_map(|i| all.item(i))
            .find(|e| e.get_attribute("data-key").as_deref() == Some(key))
    }

    /// Mounts or removes the chronology as the `view` attribute says.
    pub(super) fn sync_timeline(&mut self) {
        if self.settings.view == View::List {
            self.timeline = None;
            return;
        }
        if self.timeline.is_some() {
            return;
        }
        let entries = timeline::entries(&self.shared.archive);
        let host = Rc::new(Chronology {
            widget: self.weak.clone(),
            shared: self.shared.clone(),
            lang: self.lang,
        });
        self.timeline = Some(Timeline::new(
            &self.doc,
            &self.nodes.chronology,
            self.lang,
            entries,
            host,
        ));
    }

    /// Shows the last search's matches, period and open statement on the chronology.
    pub(super) fn update_timeline(&mut self) {
        let (Some(t), Some((matched, from, to, open))) = (&self.timeline, &self.drawn) else {
            return;
        };
        t.update(matched, from.as_deref(), to.as_deref(), open.as_deref());
    }
}

/// The widget as its chronology's [`timeline::Host`].
struct Chronology {
    widget: Weak<RefCell<Inner>>,
    shared: Rc<Shared>,
    lang: Lang,
}

impl timeline::Host for Chronology {
    fn act(&self, action: timeline::Action) {
        with(&self.widget, |i| {
            i.act(match action {
                timeline::Action::Open(id) => Action::Open(id),
                timeline::Action::Dates(from, to) => Action::Period(from, to),
            })
        });
    }

    fn about(&self, doc: usize) -> Option<timeline::About> {
        timeline::about(&self.shared.archive, doc, self.lang)
    }
}
