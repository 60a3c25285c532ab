//! The widget's fixed frame, built once per mount (and again on a language
//! change): search box, sort, filter toggle, chips, the count and the live
//! region, the facet panel, the chronology's slot, the list and the
//! reading view's container.

use wasm_bindgen::JsCast;
use web_sys::ShadowRoot;

use super::{Ctx, Nodes};
use crate::widget::action::Action;
use crate::widget::dom::{attr, attrs, button, child, text_child, Field};
use crate::widget::options::Settings;
use crate::widget::state::Sort;

/// Builds the fixed frame of the widget in `shadow`.
pub fn skeleton(ctx: &Ctx, shadow: &ShadowRoot, settings: &Settings) -> Nodes {
    let (doc, s) = (ctx.doc, ctx.strings);
    let root = ctx.region(shadow, "div", "ima", "root", s.widget());
    attrs(
        &root,
        &[
            ("lang", ctx.lang.tag()),
            ("role", "region"),
            ("data-theme", settings.theme.as_str()),
            ("data-view", settings.view.as_str()),
        ],
    );

    let bar = child(doc, &root, "div", "bar");
    // Named, and numbered after the first widget (`Ctx::landmark`), so two
    // widgets on a page are told apart (axe `landmark-unique`).
    let search = ctx.region(&bar, "div", "search", "search", s.search());
    attr(&search, "role", "search");
    let label = text_child(doc, &search, "label", "sr", s.search());
    attr(&label, "for", "ima-q");
    let input: Field = child(doc, &search, "input", "input").unchecked_into();
    attrs(
        &input,
        &[
            ("id", "ima-q"),
            ("type", "search"),
            ("part", "input"),
            ("placeholder", s.search_placeholder()),
            ("autocomplete", "off"),
            ("spellcheck", "false"),
            ("enterkeyhint", "search"),
        ],
    );

    let sort_box = child(doc, &bar, "div", "sort");
    let sort_label = text_child(doc, &sort_box, "label", "sort-label", s.sort());
    attr(&sort_label, "for", "ima-sort");
    let sort: Field = child(doc, &sort_box, "select", "select").unchecked_into();
    attrs(&sort, &[("id", "ima-sort"), ("part", "sort")]);
    for order in Sort::ALL {
        let label = match order {
            Sort::Relevance => s.sort_relevance(),
            Sort::Newest => s.sort_newest(),
            Sort::Oldest => s.sort_oldest(),
        };
        let option = text_child(doc, &sort, "option", "", label);
        attr(&option, "value", order.as_str());
    }

    let toggle = button(doc, &bar, "toggle", s.filters(), &Action::Filters);
    attrs(
        &toggle,
        &[
            ("aria-expanded", "false"),
            ("aria-controls", "ima-facets"),
            ("part", "toggle"),
        ],
    );

    let chips = child(doc, &root, "div", "chips");
    attrs(
        &chips,
        &[
            ("part", "chips"),
            ("role", "group"),
            ("aria-label", s.active_filters()),
        ],
    );
    let status = child(doc, &root, "p", "status");
    attr(&status, "part", "status");
    // The count is said apart from the one shown: the shown one follows
    // every keystroke, the said one only the pauses.
    let announce = child(doc, &root, "p", "sr announce");
    attrs(
        &announce,
        &[
            ("role", "status"),
            ("aria-live", "polite"),
            ("aria-atomic", "true"),
        ],
    );

    let body = child(doc, &root, "div", "body");
    let facets = child(doc, &body, "div", "facets");
    attrs(
        &facets,
        &[
            ("id", "ima-facets"),
            ("part", "facets"),
            ("role", "group"),
            ("aria-label", s.filters()),
        ],
    );
    let main = child(doc, &body, "div", "main");
    // The chronology (`view="timeline"` or `"both"`) sits above the list and
    // stays over the reading view, where it marks the open statement.
    let chronology = ctx.region(&main, "section", "chronology", "chronology", s.chronology());
    attr(&chronology, "hidden", "");
    let list = ctx.region(&main, "section", "list", "", s.results());
    let results = child(doc, &list, "ol", "results");
    attrs(&results, &[("part", "results"), ("role", "list")]);
    let more = child(doc, &list, "div", "more");
    let empty = child(doc, &list, "div", "empty");
    attrs(&empty, &[("part", "empty"), ("hidden", "")]);
    let reading = child(doc, &main, "article", "reading");
    attrs(&reading, &[("part", "reading"), ("hidden", "")]);

    Nodes {
        root,
        input,
        sort,
        toggle,
        chips,
        status,
        announce,
        facets,
        list,
        results,
        more,
        empty,
        reading,
        chronology,
    }
}
