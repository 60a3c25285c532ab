//! Builds the widget's DOM: the fixed skeleton once, then each region
//! (facets, chips, results, reading view) again whenever what it shows
//! changes. The search box is never rebuilt, so typing keeps its focus.
//!
//! Actions are not wired here: every control carries `data-act` (and
//! `data-facet`, `data-value`, `data-id` as needed) and one delegated click
//! listener in `mount` reads them.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement, ShadowRoot};

use crate::lang::Lang;
use crate::number::decimal;
use crate::record::DateRecord;
use crate::vocabulary::Facet;
use crate::widget::dom::{
    self, attr, attrs, button, child, clear, segments, show, text, text_child,
};
use crate::widget::options::Settings;
use crate::widget::state::{Sort, State};
use crate::widget::strings::{count, facet_name, showing, Strings};
use crate::widget::view::{Reading, Results, Suggestion, Target};

/// Facet values shown before "show more".
const FACET_PREVIEW: usize = 6;

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
}

/// Interface state that is not part of the visitor's query.
#[derive(Debug, Clone, Default)]
pub struct Ui {
    /// Facets showing all their values.
    pub expanded: Vec<Facet>,
    /// Facets folded shut.
    pub collapsed: Vec<Facet>,
    /// Whether the filter panel is open on narrow widths.
    pub filters_open: bool,
}

/// The nodes regions are rendered into.
pub struct Nodes {
    /// The outer element (theme, language, view).
    pub root: Element,
    /// The search box.
    pub input: HtmlInputElement,
    /// The sort menu.
    pub sort: HtmlSelectElement,
    /// The filter panel toggle for narrow widths.
    pub toggle: Element,
    /// Active filter chips.
    pub chips: Element,
    /// The live region with the result count.
    pub status: Element,
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

/// Builds the fixed frame of the widget in `shadow`.
pub fn skeleton(ctx: &Ctx, shadow: &ShadowRoot, settings: &Settings) -> Nodes {
    let (doc, s) = (ctx.doc, ctx.strings);
    let root = child(doc, shadow, "div", "ima");
    attrs(
        &root,
        &[
            ("part", "root"),
            ("lang", ctx.lang.tag()),
            ("role", "region"),
            ("aria-label", &ctx.landmark(s.widget)),
            ("data-theme", settings.theme.as_str()),
            ("data-view", settings.view.as_str()),
        ],
    );

    let bar = child(doc, &root, "div", "bar");
    let search = child(doc, &bar, "div", "search");
    // Named, and numbered after the first widget (`Ctx::landmark`), so two
    // widgets on a page are told apart (axe `landmark-unique`).
    attrs(
        &search,
        &[
            ("role", "search"),
            ("aria-label", &ctx.landmark(s.search)),
            ("part", "search"),
        ],
    );
    let label = text_child(doc, &search, "label", "sr", s.search);
    attr(&label, "for", "ima-q");
    let input: HtmlInputElement = child(doc, &search, "input", "input").unchecked_into();
    attrs(
        &input,
        &[
            ("id", "ima-q"),
            ("type", "search"),
            ("part", "input"),
            ("placeholder", s.search_placeholder),
            ("autocomplete", "off"),
            ("spellcheck", "false"),
            ("enterkeyhint", "search"),
        ],
    );

    let sort_box = child(doc, &bar, "div", "sort");
    let sort_label = text_child(doc, &sort_box, "label", "sort-label", s.sort);
    attr(&sort_label, "for", "ima-sort");
    let sort: HtmlSelectElement = child(doc, &sort_box, "select", "select").unchecked_into();
    attrs(&sort, &[("id", "ima-sort"), ("part", "sort")]);
    for order in Sort::ALL {
        let label = match order {
            Sort::Relevance => s.sort_relevance,
            Sort::Newest => s.sort_newest,
            Sort::Oldest => s.sort_oldest,
        };
        let option = text_child(doc, &sort, "option", "", label);
        attr(&option, "value", order.as_str());
    }

    let toggle = button(doc, &bar, "toggle", s.filters, "filters");
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
            ("aria-label", s.active_filters),
        ],
    );
    let status = child(doc, &root, "p", "status");
    attrs(
        &status,
        &[
            ("part", "status"),
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
            ("aria-label", s.filters),
        ],
    );
    let main = child(doc, &body, "div", "main");
    // The chronology (`view="timeline"` or `"both"`) sits above the list and
    // stays over the reading view, where it marks the open statement.
    let chronology = child(doc, &main, "section", "chronology");
    attrs(
        &chronology,
        &[
            ("part", "chronology"),
            ("aria-label", &ctx.landmark(s.chronology)),
            ("hidden", ""),
        ],
    );
    let list = child(doc, &main, "section", "list");
    attr(&list, "aria-label", &ctx.landmark(s.results));
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
        facets,
        list,
        results,
        more,
        empty,
        reading,
        chronology,
    }
}

/// Renders everything that depends on the results: count, chips, facets,
/// the list, "more results" and the empty state.
pub fn results(ctx: &Ctx, nodes: &Nodes, found: &Results, state: &State, ui: &Ui) {
    let (doc, s) = (ctx.doc, ctx.strings);
    let mut status = count(found.total, ctx.lang);
    if !found.query.ignored.is_empty() {
        status = status + ". " + s.ignored + " " + &found.query.ignored.join(", ");
    }
    if nodes.status.text_content().as_deref() != Some(status.as_str()) {
        nodes.status.set_text_content(Some(&status));
    }
    nodes.sort.set_value(state.effective_sort().as_str());

    clear(&nodes.chips);
    show(&nodes.chips, !found.chips.is_empty());
    for chip in &found.chips {
        let b = button(doc, &nodes.chips, "chip", &chip.label, "chip");
        target_attrs(&b, &chip.target);
        let name = s.remove_filter.to_owned() + ": " + &chip.label;
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
        let b = button(doc, &nodes.chips, "clear", s.clear_all, "clear");
        attr(&b, "data-key", "clear");
    }

    let active = found.chips.len();
    let label = if active > 0 {
        s.filters.to_owned() + " (" + &decimal(active as u64) + ")"
    } else {
        s.filters.to_owned()
    };
    nodes.toggle.set_text_content(Some(&label));
    attr(
        &nodes.toggle,
        "aria-expanded",
        if ui.filters_open { "true" } else { "false" },
    );
    dom::class(&nodes.root, "filters-open", ui.filters_open);

    facets(ctx, nodes, found, ui);

    clear(&nodes.results);
    for hit in &found.hits {
        let li = child(doc, &nodes.results, "li", "card");
        attr(&li, "part", "card");
        meta(ctx, &li, &hit.kind_label, &hit.date);
        let h = child(doc, &li, "h3", "card-title");
        let open = child(doc, &h, "button", "open");
        attrs(
            &open,
            &[
                ("type", "button"),
                ("data-act", "open"),
                ("data-id", &hit.id),
                ("data-key", &("o:".to_owned() + &hit.id)),
                ("part", "card-title"),
            ],
        );
        segments(doc, &open, &hit.title_segments);
        if let Some(sub) = &hit.subtitle {
            text_child(doc, &li, "p", "card-subtitle", sub);
        }
        if !hit.snippet.is_empty() {
            let p = child(doc, &li, "p", "snippet");
            attr(&p, "part", "snippet");
            // The core marks where it cut the text with its own ellipsis segments.
            segments(doc, &p, &hit.snippet);
        }
    }

    clear(&nodes.more);
    let shown = u32::try_from(found.hits.len()).unwrap_or(u32::MAX);
    if shown < found.total {
        text_child(
            doc,
            &nodes.more,
            "p",
            "shown",
            &showing(shown, found.total, ctx.lang),
        );
        let b = button(doc, &nodes.more, "more-button", s.more_results, "more");
        attrs(&b, &[("part", "more"), ("data-key", "more")]);
    }

    clear(&nodes.empty);
    show(&nodes.empty, found.total == 0);
    if found.total == 0 {
        text_child(doc, &nodes.empty, "p", "empty-title", s.no_results);
        let typed = state.text.trim();
        if !typed.is_empty() {
            text_child(
                doc,
                &nodes.empty,
                "p",
                "empty-query",
                &("“".to_owned() + typed + "”"),
            );
        }
        for suggestion in &found.suggestions {
            if let Suggestion::Spelling {
                text,
                count: n,
                clear,
            } = suggestion
            {
                let p = text_child(doc, &nodes.empty, "p", "", s.did_you_mean);
                crate::widget::dom::text(doc, &p, " ");
                let b = button(doc, &p, "link", text, "spell");
                attr(&b, "data-value", text);
                if *clear {
                    attr(&b, "data-clear", "");
                }
                let mut tail = "? (".to_owned() + &count(*n, ctx.lang);
                if *clear {
                    tail = tail + ", " + s.without_filters;
                }
                crate::widget::dom::text(doc, &p, &(tail + ")"));
            }
        }
        let mut removals = None;
        for suggestion in &found.suggestions {
            if let Suggestion::Remove { chip, count: n } = suggestion {
                // The list and its heading come with the first removal.
                let ul = removals.get_or_insert_with(|| {
                    text_child(doc, &nodes.empty, "p", "", s.try_removing);
                    child(doc, &nodes.empty, "ul", "suggestions")
                });
                let li = child(doc, ul, "li", "");
                let label = chip.label.clone() + " (" + &count(*n, ctx.lang) + ")";
                let b = button(doc, &li, "link", &label, "chip");
                target_attrs(&b, &chip.target);
            }
        }
    }
}

/// The `data-facet`/`data-value` (or `data-bound`) that name a filter.
fn target_attrs(e: &Element, target: &Target) {
    match target {
        Target::Value(facet, value) => {
            attrs(e, &[("data-facet", facet.as_str()), ("data-value", value)])
        }
        Target::From => attr(e, "data-bound", "from"),
        Target::To => attr(e, "data-bound", "to"),
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
fn meta(ctx: &Ctx, parent: &Element, kind: &str, date: &DateRecord) {
    let doc = ctx.doc;
    let p = child(doc, parent, "p", "meta");
    text_child(doc, &p, "span", "kind", kind);
    text(doc, &p, " · ");
    let time = text_child(doc, &p, "time", "date", &date.label);
    attr(&time, "datetime", &date.start);
    if date.approximate {
        text(doc, &p, " ");
        let a = text_child(doc, &p, "span", "approx", ctx.strings.approximate);
        if let Some(reason) = &date.reason {
            attr(&a, "title", reason);
        }
    }
}

/// The facet panel.
fn facets(ctx: &Ctx, nodes: &Nodes, found: &Results, ui: &Ui) {
    let doc = ctx.doc;
    clear(&nodes.facets);
    for facet in Facet::ALL {
        let values = found.facets.get(facet);
        if values.is_empty() {
            continue;
        }
        let name = facet.as_str();
        let section = child(doc, &nodes.facets, "section", "facet");
        attr(&section, "part", "facet");
        let list_id = "ima-f-".to_owned() + name;
        let open = !ui.collapsed.contains(&facet);
        let h = child(doc, &section, "h2", "facet-title");
        let head = button(
            doc,
            &h,
            "facet-toggle",
            facet_name(facet, ctx.lang),
            "collapse",
        );
        attrs(
            &head,
            &[
                ("data-facet", name),
                ("aria-expanded", if open { "true" } else { "false" }),
                ("aria-controls", &list_id),
                ("data-key", &("h:".to_owned() + name)),
            ],
        );
        let ul = child(doc, &section, "ul", "values");
        attrs(&ul, &[("id", &list_id), ("role", "list")]);
        show(&ul, open);
        let all = ui.expanded.contains(&facet);
        let mut hidden = 0usize;
        for (i, v) in values.iter().enumerate() {
            if !all && i >= FACET_PREVIEW && !v.selected {
                hidden += 1;
                continue;
            }
            let li = child(doc, &ul, "li", "");
            let b = child(doc, &li, "button", "value");
            attrs(
                &b,
                &[
                    ("type", "button"),
                    ("data-act", "facet"),
                    ("data-facet", name),
                    ("data-value", &v.value),
                    ("aria-pressed", if v.selected { "true" } else { "false" }),
                    (
                        "data-key",
                        &key("f", &Target::Value(facet, v.value.clone())),
                    ),
                ],
            );
            text_child(doc, &b, "span", "value-label", &v.label);
            text_child(doc, &b, "span", "count", &decimal(v.count.into()));
        }
        if open && (hidden > 0 || all) && values.len() > FACET_PREVIEW {
            let label = if all {
                ctx.strings.show_fewer.to_owned()
            } else {
                ctx.strings.show_more.to_owned() + " (" + &decimal(hidden as u64) + ")"
            };
            let b = button(doc, &section, "link show-more", &label, "expand");
            attrs(
                &b,
                &[
                    ("data-facet", name),
                    ("aria-expanded", if all { "true" } else { "false" }),
                    ("data-key", &("e:".to_owned() + name)),
                ],
            );
        }
    }
}

/// Renders the reading view of `view`, or the not-found note when it is `None`.
pub fn reading(ctx: &Ctx, nodes: &Nodes, view: Option<&Reading>, permalink: Option<&str>) {
    let (doc, s) = (ctx.doc, ctx.strings);
    let r = &nodes.reading;
    clear(r);
    let back = button(doc, r, "back", &("← ".to_owned() + s.back), "back");
    attr(&back, "part", "back");
    let Some(view) = view else {
        let h = text_child(doc, r, "h2", "reading-title", s.not_found);
        attr(&h, "tabindex", "-1");
        return;
    };
    let summary = &view.record.summary;
    let header = child(doc, r, "header", "reading-head");
    meta(ctx, &header, &summary.kind_label, &summary.date);
    let h = child(doc, &header, "h2", "reading-title");
    attrs(&h, &[("tabindex", "-1"), ("part", "reading-title")]);
    segments(doc, &h, &view.title);
    if let Some(sub) = &summary.subtitle {
        text_child(doc, &header, "p", "subtitle", sub);
    }
    if let Some(reason) = &summary.date.reason {
        let p = child(doc, r, "p", "note");
        text_child(doc, &p, "strong", "", s.approximate_note);
        text(doc, &p, " ");
        text(doc, &p, reason);
    }
    if !summary.signatories.is_empty() {
        let p = child(doc, r, "p", "signed");
        text_child(doc, &p, "strong", "", s.signed_by);
        for (i, sig) in summary.signatories.iter().enumerate() {
            text(doc, &p, if i == 0 { " " } else { "; " });
            text(doc, &p, &sig.name);
            if let Some(role) = &sig.role {
                text(doc, &p, ", ");
                text(doc, &p, role);
            }
        }
    }
    if !summary.tags.is_empty() {
        let ul = child(doc, r, "ul", "tags");
        attrs(&ul, &[("aria-label", s.tags), ("role", "list")]);
        for tag in &summary.tags {
            let li = child(doc, &ul, "li", "");
            let b = button(doc, &li, "tag", &tag.label, "tag");
            let name = s.filter_by.to_owned() + ": " + &tag.label;
            attrs(
                &b,
                &[
                    ("data-facet", tag.facet),
                    ("data-value", &tag.value),
                    ("aria-label", &name),
                    ("part", "tag"),
                ],
            );
        }
    }
    let body = child(doc, r, "div", "text");
    attr(&body, "part", "text");
    for paragraph in &view.body {
        let p = child(doc, &body, "p", "");
        segments(doc, &p, paragraph);
    }
    if summary.excerpt {
        let note = child(doc, r, "p", "note excerpt");
        text(doc, &note, s.excerpt_note);
        text(doc, &note, " ");
        text_child(doc, &note, "strong", "", s.source);
        text(doc, &note, " ");
        text(doc, &note, &view.record.source);
    }
    if !view.record.related.is_empty() {
        let p = child(doc, r, "p", "related");
        text_child(doc, &p, "strong", "", s.related);
        text(doc, &p, " ");
        text(doc, &p, &view.record.related.join(" · "));
    }
    if let Some(link) = permalink {
        let share = child(doc, r, "div", "share");
        let a = text_child(doc, &share, "a", "permalink", s.permalink);
        attrs(&a, &[("href", link), ("part", "permalink")]);
        let copy = button(doc, &share, "copy", s.copy_link, "copy");
        attr(&copy, "part", "copy");
        let field = child(doc, &share, "input", "link-field");
        attrs(
            &field,
            &[
                ("readonly", ""),
                ("value", link),
                ("hidden", ""),
                ("aria-label", s.permalink),
            ],
        );
        let notice = child(doc, &share, "span", "notice");
        attrs(&notice, &[("role", "status"), ("aria-live", "polite")]);
    }
    if view.previous.is_some() || view.next.is_some() {
        let nav = child(doc, r, "nav", "neighbours");
        attr(&nav, "aria-label", &ctx.landmark(s.in_time));
        for (n, label, class) in [
            (&view.previous, s.previous, "prev"),
            (&view.next, s.next, "next"),
        ] {
            let Some(n) = n else { continue };
            let b = child(doc, &nav, "button", class);
            attrs(
                &b,
                &[("type", "button"), ("data-act", "open"), ("data-id", &n.id)],
            );
            let arrow = if class == "prev" { "← " } else { "" };
            let tail = if class == "next" { " →" } else { "" };
            text_child(doc, &b, "span", "dir", &(arrow.to_owned() + label + tail));
            text_child(doc, &b, "span", "n-title", &n.title);
            text_child(doc, &b, "span", "n-date", &n.date);
        }
    }
}
