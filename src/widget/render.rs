//! Builds the widget's DOM: the fixed skeleton once, then each region
//! (chips, facets, results, "more", the empty state, the reading view)
//! again only when what it shows changed. A facet whose values are as they
//! were keeps its section and only its counts are updated; a result card
//! drawn just as before is kept. So a keystroke that narrows the results
//! removes what went and builds only what is new, and the browser lays out
//! no more than that. The search box is never rebuilt, so typing keeps its
//! focus.
//!
//! Actions are not wired here: every control carries its typed
//! [`Action`](crate::widget::action::Action), encoded in its attributes,
//! and one delegated click listener in `mount` reads them back.

use web_sys::{Document, Element, Node};

use crate::lang::Lang;
use crate::number::decimal;
use crate::record::DateRecord;
use crate::vocabulary::PerFacet;
use crate::widget::action::Action;
use crate::widget::dom::{self, attr, attrs, button, child, clear, show, text, text_child, Field};
use crate::widget::session::Ui;
use crate::widget::state::State;
use crate::widget::strings::{count, showing, Strings};
use crate::widget::view::{Results, Suggestion, Target};

mod cards;
mod facets;
mod reading;
mod skeleton;

use cards::hits;
use facets::{facets, Section};
pub use reading::reading;
pub use skeleton::skeleton;

/// What rendering needs to know besides the data.
pub struct Ctx<'a> {
    /// The host's document.
    pub doc: &'a Document,
    /// Interface language.
    pub lang: Lang,
    /// Its strings.
    pub strings: &'static Strings,
    /// The widget's place among those on the page: 1 for the first.
    pub ordinal: u32,
}

impl Ctx<'_> {
    /// The name of one of the widget's landmarks: `name` for the first
    /// widget on the page, `name (2)` for the second, and so on, so that a
    /// page with two widgets in one language has no two landmarks of the
    /// same role and name (WAI-ARIA landmarks are told apart by name).
    pub fn landmark(&self, name: &str) -> String {
        if self.ordinal <= 1 {
            name.to_owned()
        } else {
            name.to_owned() + " (" + &decimal(self.ordinal.into()) + ")"
        }
    }

    /// A new element appended to `parent`, named `name` as one of the
    /// widget's landmarks ([`Ctx::landmark`]) and exposed to the page's
    /// styles as `part` (none when empty).
    pub fn region(&self, parent: &Node, tag: &str, class: &str, part: &str, name: &str) -> Element {
        let e = child(self.doc, parent, tag, class);
        attr(&e, "aria-label", &self.landmark(name));
        if !part.is_empty() {
            attr(&e, "part", part);
        }
        e
    }
}

/// The nodes regions are rendered into.
pub struct Nodes {
    /// The outer element (theme, language, view).
    pub root: Element,
    /// The search box.
    pub input: Field,
    /// The sort menu.
    pub sort: Field,
    /// The filter panel toggle for narrow widths.
    pub toggle: Element,
    /// Active filter chips.
    pub chips: Element,
    /// The result count, as shown.
    pub status: Element,
    /// The live region that announces the result count (once the visitor
    /// pauses typing).
    pub announce: Element,
    /// The facet panel.
    pub facets: Element,
    /// The list view (results, more, empty state).
    pub list: Element,
    /// The result list.
    pub results: Element,
    /// "More results" and how many are shown.
    pub more: Element,
    /// The empty state.
    pub empty: Element,
    /// The reading view.
    pub reading: Element,
    /// The chronology's slot.
    pub chronology: Element,
}

/// What the result regions show now, so that a region whose content did
/// not change is left alone. A new skeleton starts from the default.
#[derive(Default)]
pub struct Shown {
    /// The result count as shown (and, after a pause, announced).
    pub status: String,
    /// The results last drawn, with the folds and the text they were drawn with.
    last: Option<(Results, Ui, String)>,
    /// Each facet's section as drawn; none for a facet without values.
    sections: PerFacet<Option<Section>>,
    /// The result cards as drawn, in the order of the last results' hits.
    cards: Vec<Element>,
}

/// Renders what changed of everything that depends on the results: count,
/// chips, facets, the list, "more results" and the empty state.
pub fn results(
    ctx: &Ctx,
    nodes: &Nodes,
    found: Results,
    state: &State,
    ui: &Ui,
    shown: &mut Shown,
) {
    let s = ctx.strings;
    let mut status = count(found.total, ctx.lang);
    if !found.query.ignored.is_empty() {
        status = status + ". " + s.ignored() + " " + &found.query.ignored.join(", ");
    }
    if shown.status != status {
        nodes.status.set_text_content(Some(&status));
        shown.status = status;
    }
    let sort = state.effective_sort().as_str();
    if nodes.sort.value() != sort {
        nodes.sort.set_value(sort);
    }
    let text = state.text.trim();
    let last = shown.last.take();
    let last = last.as_ref().map(|(r, u, t)| (r, u, t.as_str()));

    if !last.is_some_and(|(r, u, _)| r.chips == found.chips && u.filters_open == ui.filters_open) {
        chips(ctx, nodes, &found, ui);
    }

    if last.is_none() {
        clear(&nodes.facets);
        clear(&nodes.results);
        shown.sections = PerFacet::default();
        shown.cards.clear();
    }
    let before = last.map(|(r, u, _)| (r, u));
    facets(ctx, nodes, &found, ui, before, &mut shown.sections);
    let drawn = last.map_or(&[][..], |(r, _, _)| &r.hits[..]);
    hits(ctx, nodes, &found.hits, drawn, &mut shown.cards);

    let count = u32::try_from(found.hits.len()).unwrap_or(u32::MAX);
    if !last.is_some_and(|(r, _, _)| r.hits.len() == found.hits.len() && r.total == found.total) {
        more(ctx, nodes, count, found.total);
    }

    let nothing = |r: &Results| r.total == 0;
    if !last.is_some_and(|(r, _, t)| {
        nothing(r) == nothing(&found)
            && (!nothing(r) || (t == text && r.suggestions == found.suggestions))
    }) {
        let empty = nothing(&found).then_some((text, found.suggestions.as_slice()));
        self::empty(ctx, nodes, empty);
    }
    shown.last = Some((found, ui.clone(), text.to_owned()));
}

/// The active filter chips and the filter panel toggle.
fn chips(ctx: &Ctx, nodes: &Nodes, found: &Results, ui: &Ui) {
    let (doc, s) = (ctx.doc, ctx.strings);
    clear(&nodes.chips);
    show(&nodes.chips, !found.chips.is_empty());
    for chip in &found.chips {
        let b = button(
            doc,
            &nodes.chips,
            "chip",
            &chip.label,
            &Action::Remove(chip.target.clone()),
        );
        let name = s.remove_filter().to_owned() + ": " + &chip.label;
        attrs(
            &b,
            &[
                ("aria-label", &name),
                ("part", "chip"),
                ("data-key", &key("c", &chip.target)),
            ],
        );
    }
    if !found.chips.is_empty() {
        let b = button(doc, &nodes.chips, "clear", s.clear_all(), &Action::Clear);
        attr(&b, "data-key", "clear");
    }

    let active = found.chips.len();
    let label = if active > 0 {
        s.filters().to_owned() + " (" + &decimal(active as u64) + ")"
    } else {
        s.filters().to_owned()
    };
    nodes.toggle.set_text_content(Some(&label));
    attr(
        &nodes.toggle,
        "aria-expanded",
        if ui.filters_open { "true" } else { "false" },
    );
    dom::class(&nodes.root, "filters-open", ui.filters_open);
}

/// "Shown of total" and the "more results" button.
fn more(ctx: &Ctx, nodes: &Nodes, shown: u32, total: u32) {
    let (doc, s) = (ctx.doc, ctx.strings);
    clear(&nodes.more);
    if shown < total {
        text_child(
            doc,
            &nodes.more,
            "p",
            "shown",
            &showing(shown, total, ctx.lang),
        );
        let b = button(
            doc,
            &nodes.more,
            "more-button",
            s.more_results(),
            &Action::More,
        );
        attrs(&b, &[("part", "more"), ("data-key", "more")]);
    }
}

/// The empty state: what was typed and the ways out (`None` with results).
fn empty(ctx: &Ctx, nodes: &Nodes, empty: Option<(&str, &[Suggestion])>) {
    let (doc, s) = (ctx.doc, ctx.strings);
    clear(&nodes.empty);
    show(&nodes.empty, empty.is_some());
    let Some((typed, suggestions)) = empty else {
        return;
    };
    text_child(doc, &nodes.empty, "p", "empty-title", s.no_results());
    if !typed.is_empty() {
        text_child(
            doc,
            &nodes.empty,
            "p",
            "empty-query",
            &("“".to_owned() + typed + "”"),
        );
    }
    for suggestion in suggestions {
        if let Suggestion::Spelling {
            text,
            count: n,
            clear,
        } = suggestion
        {
            let p = text_child(doc, &nodes.empty, "p", "", s.did_you_mean());
            crate::widget::dom::text(doc, &p, " ");
            let action = Action::Spell {
                text: text.clone(),
                clear: *clear,
            };
            button(doc, &p, "link", text, &action);
            let mut tail = "? (".to_owned() + &count(*n, ctx.lang);
            if *clear {
                tail = tail + ", " + s.without_filters();
            }
            crate::widget::dom::text(doc, &p, &(tail + ")"));
        }
    }
    let mut removals = None;
    for suggestion in suggestions {
        if let Suggestion::Remove { chip, count: n } = suggestion {
            // The list and its heading come with the first removal.
            let ul = removals.get_or_insert_with(|| {
                text_child(doc, &nodes.empty, "p", "", s.try_removing());
                child(doc, &nodes.empty, "ul", "suggestions")
            });
            let li = child(doc, ul, "li", "");
            let label = chip.label.clone() + " (" + &count(*n, ctx.lang) + ")";
            button(
                doc,
                &li,
                "link",
                &label,
                &Action::Remove(chip.target.clone()),
            );
        }
    }
}

/// A stable key for a control, so focus survives re-rendering.
fn key(prefix: &str, target: &Target) -> String {
    match target {
        Target::Value(facet, value) => prefix.to_owned() + ":" + facet.as_str() + ":" + value,
        Target::From => prefix.to_owned() + ":from",
        Target::To => prefix.to_owned() + ":to",
    }
}

/// Kind · date (approx.)
pub(crate) fn meta(ctx: &Ctx, parent: &Element, kind: &str, date: &DateRecord) {
    let doc = ctx.doc;
    let p = child(doc, parent, "p", "meta");
    text_child(doc, &p, "span", "kind", kind);
    text(doc, &p, " · ");
    let time = text_child(doc, &p, "time", "date", &date.label);
    attr(&time, "datetime", &date.start);
    if date.approximate {
        text(doc, &p, " ");
        let a = text_child(doc, &p, "span", "approx", ctx.strings.approximate());
        if let Some(reason) = &date.reason {
            attr(&a, "title", reason);
        }
    }
}
