//! Attributes changed after mount: each updates what it controls, a
//! language change rebuilds the shadow content.

use super::{page_lang, style, Inner, Record, PAGE};
use crate::widget::dom;
use crate::widget::options::Attribute;
use crate::widget::render;
use crate::widget::render::Shown;

impl Inner {
    /// Applies an attribute changed after mount.
    pub(super) fn attribute(&mut self, attribute: Attribute, value: Option<&str>) {
        let before = self.settings;
        let mut settings = self.settings;
        let mut initial = self.initial.clone();
        let warnings = self
            .shared
            .checker
            .apply(attribute, value, &mut settings, &mut initial);
        for w in warnings {
            self.warn(w);
        }
        self.settings = settings;
        match attribute {
            Attribute::Lang => {
                let lang = page_lang(&self.doc, settings.lang);
                if lang != self.lang {
                    self.lang = lang;
                    self.rebuild();
                    self.commit(Record::None);
                }
            }
            Attribute::Theme => {
                dom::attr(&self.nodes.root, "data-theme", settings.theme.as_str());
            }
            Attribute::View => {
                dom::attr(&self.nodes.root, "data-view", settings.view.as_str());
                self.sync_timeline();
                self.update_timeline();
            }
            Attribute::DeepLink => {
                if settings.deep_link != before.deep_link {
                    self.set_deep_link();
                }
            }
            _ => {
                // The attribute sets the state it describes, replacing the visitor's
                // choice for that one setting only.
                let s = &mut self.state;
                match attribute {
                    Attribute::Query => s.text = initial.text.clone(),
                    Attribute::Facet(f) => {
                        *s.selection.get_mut(f) = initial.selection.get(f).to_vec()
                    }
                    Attribute::From => s.from = initial.from.clone(),
                    Attribute::To => s.to = initial.to.clone(),
                    Attribute::Sort => s.sort = initial.sort,
                    _ => {}
                }
                self.initial = initial;
                self.nodes.input.set_value(&self.state.text);
                self.limit = PAGE;
                self.render_results();
                self.commit(Record::Replace);
            }
        }
    }

    /// Builds the whole shadow content again (after a language change).
    pub(super) fn rebuild(&mut self) {
        self.timeline = None;
        dom::clear(&self.shadow);
        style(&self.doc, &self.shadow);
        self.nodes = render::skeleton(&self.ctx(), &self.shadow, &self.settings);
        self.shown = Shown::default();
        self.drawn = None;
        self.wire();
        self.sync_timeline();
        self.render_all(false);
    }
}
