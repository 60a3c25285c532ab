//! The facet panel: a section per facet with values, each value a toggle
//! with its count. A facet whose values, their states and its folds are
//! as they were keeps its section, and only the counts that changed are
//! written; the others are drawn again in their place.

use web_sys::{Element, Node};

use super::{key, Ctx, Nodes};
use crate::number::decimal;
use crate::response::FacetValue;
use crate::vocabulary::{Facet, PerFacet};
use crate::widget::action::Action;
use crate::widget::dom::{self, attr, attrs, button, child, control, el, show, text_child};
use crate::widget::session::Ui;
use crate::widget::strings::facet_name;
use crate::widget::view::{Results, Target};

/// Facet values shown before "show more".
const FACET_PREVIEW: usize = 6;

/// A facet's section as drawn, with its count elements: value index, count shown.
pub(super) struct Section {
    node: Element,
    counts: Vec<(Element, usize, u32)>,
}

/// Whether a facet shows the same values, each selected or not, and is
/// folded the same way: then only its counts may differ.
fn same_section(a: (&[FacetValue], &Ui), b: (&[FacetValue], &Ui), facet: Facet) -> bool {
    let folds = |ui: &Ui| (ui.collapsed.contains(&facet), ui.expanded.contains(&facet));
    folds(a.1) == folds(b.1)
        && a.0.len() == b.0.len()
        && a.0
            .iter()
            .zip(b.0)
            .all(|(x, y)| x.value == y.value && x.selected == y.selected)
}

/// The facet panel, from the sections drawn for the results and folds
/// `before`: a facet whose section would look the same but for its counts
/// keeps it, and only the counts that changed are written; the others are
/// drawn again in place.
pub(super) fn facets(
    ctx: &Ctx,
    nodes: &Nodes,
    found: &Results,
    ui: &Ui,
    before: Option<(&Results, &Ui)>,
    sections: &mut PerFacet<Option<Section>>,
) {
    // From the last facet up, so that a new section goes before the next one.
    let mut next: Option<Element> = None;
    for facet in Facet::ALL.into_iter().rev() {
        let values = found.facets.get(facet).as_slice();
        let slot = sections.get_mut(facet);
        let same = before
            .is_some_and(|(r, u)| same_section((r.facets.get(facet), u), (values, ui), facet));
        if same {
            if let Some(section) = slot {
                for (e, i, was) in &mut section.counts {
                    let now = values.get(*i).map_or(0, |v| v.count);
                    if now != *was {
                        e.set_text_content(Some(&decimal(now.into())));
                        *was = now;
                    }
                }
                next = Some(section.node.clone());
            }
            continue;
        }
        if let Some(old) = slot.take() {
            dom::remove(&old.node);
        }
        if values.is_empty() {
            continue;
        }
        let section = section(ctx, facet, values, ui);
        let after: Option<&Node> = next.as_ref().map(AsRef::as_ref);
        dom::insert(&nodes.facets, &section.node, after);
        next = Some(section.node.clone());
        *slot = Some(section);
    }
}

/// One facet's section, not yet in the panel.
fn section(ctx: &Ctx, facet: Facet, values: &[FacetValue], ui: &Ui) -> Section {
    let doc = ctx.doc;
    let mut counts = Vec::new();
    let name = facet.as_str();
    let section = el(doc, "section", "facet");
    attr(&section, "part", "facet");
    let list_id = "ima-f-".to_owned() + name;
    let open = !ui.collapsed.contains(&facet);
    let h = child(doc, &section, "h2", "facet-title");
    let label = facet_name(facet, ctx.lang);
    let head = button(doc, &h, "facet-toggle", label, &Action::Collapse(facet));
    attrs(
        &head,
        &[
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
        control(&b, &Action::Facet(facet, v.value.clone()));
        attrs(
            &b,
            &[
                ("aria-pressed", if v.selected { "true" } else { "false" }),
                (
                    "data-key",
                    &key("f", &Target::Value(facet, v.value.clone())),
                ),
            ],
        );
        text_child(doc, &b, "span", "value-label", &v.label);
        let c = text_child(doc, &b, "span", "count", &decimal(v.count.into()));
        counts.push((c, i, v.count));
    }
    if open && (hidden > 0 || all) && values.len() > FACET_PREVIEW {
        let label = if all {
            ctx.strings.show_fewer().to_owned()
        } else {
            ctx.strings.show_more().to_owned() + " (" + &decimal(hidden as u64) + ")"
        };
        let b = button(
            doc,
            &section,
            "link show-more",
            &label,
            &Action::Expand(facet),
        );
        attrs(
            &b,
            &[
                ("aria-expanded", if all { "true" } else { "false" }),
                ("data-key", &("e:".to_owned() + name)),
            ],
        );
    }
    Section {
        node: section,
        counts,
    }
}
