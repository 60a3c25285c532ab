//! The reading view: one statement in full, its tags as filters, its
//! neighbours in time and its related statements.
//!
//! Printed, it is the statement alone (`@media print` in `www/widget.css`):
//! title, date, signatories, text and the permalink, without the controls.

use web_sys::Element;

use super::{meta, Ctx, Nodes};
use crate::widget::action::Action;
use crate::widget::dom::{attr, attrs, button, child, clear, control, segments, text, text_child};
use crate::widget::view::{Neighbour, Reading};

/// Renders the reading view of `view`, or the not-found note when it is `None`.
pub fn reading(ctx: &Ctx, nodes: &Nodes, view: Option<&Reading>, permalink: Option<&str>) {
    let (doc, s) = (ctx.doc, ctx.strings);
    let r = &nodes.reading;
    clear(r);
    let back = button(doc, r, "back", &("← ".to_owned() + s.back()), &Action::Back);
    attr(&back, "part", "back");
    let Some(view) = view else {
        let h = text_child(doc, r, "h2", "reading-title", s.not_found());
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
        text_child(doc, &p, "strong", "", s.approximate_note());
        text(doc, &p, " ");
        text(doc, &p, reason);
    }
    if !summary.signatories.is_empty() {
        let p = child(doc, r, "p", "signed");
        text_child(doc, &p, "strong", "", s.signed_by());
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
        attrs(&ul, &[("aria-label", s.tags()), ("role", "list")]);
        for tag in &summary.tags {
            let Some(facet) = crate::vocabulary::Facet::from_name(tag.facet) else {
                continue;
            };
            let li = child(doc, &ul, "li", "");
            let action = Action::Tag(facet, tag.value.clone());
            let b = button(doc, &li, "tag", &tag.label, &action);
            let name = s.filter_by().to_owned() + ": " + &tag.label;
            attrs(&b, &[("aria-label", &name), ("part", "tag")]);
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
        text(doc, &note, s.excerpt_note());
        text(doc, &note, " ");
        text_child(doc, &note, "strong", "", s.source());
        text(doc, &note, " ");
        text(doc, &note, &view.record.source);
    }
    if !view.record.related.is_empty() {
        let p = child(doc, r, "p", "related");
        text_child(doc, &p, "strong", "", s.related());
        text(doc, &p, " ");
        text(doc, &p, &view.record.related.join(" · "));
    }
    if let Some(link) = permalink {
        let share = child(doc, r, "div", "share");
        let a = text_child(doc, &share, "a", "permalink", s.permalink());
        // Printed, the address itself follows the word (see the print styles).
        attrs(&a, &[("href", link), ("part", "permalink")]);
        let copy = button(doc, &share, "copy", s.copy_link(), &Action::Copy);
        attr(&copy, "part", "copy");
        let field = child(doc, &share, "input", "link-field");
        attrs(
            &field,
            &[
                ("readonly", ""),
                ("value", link),
                ("hidden", ""),
                ("aria-label", s.permalink()),
            ],
        );
        let notice = child(doc, &share, "span", "notice");
        attrs(&notice, &[("role", "status"), ("aria-live", "polite")]);
    }
    if !view.related.is_empty() {
        let section = ctx.region(r, "section", "nearby", "related", s.related_statements());
        text_child(doc, &section, "h3", "nearby-title", s.related_statements());
        let ul = child(doc, &section, "ul", "nearby-list");
        attr(&ul, "role", "list");
        for n in &view.related {
            let li = child(doc, &ul, "li", "");
            statement_button(ctx, &li, "nearby-item", None, n);
        }
    }
    if view.previous.is_some() || view.next.is_some() {
        let nav = ctx.region(r, "nav", "neighbours", "", s.in_time());
        for (n, label, class) in [
            (&view.previous, s.previous(), "prev"),
            (&view.next, s.next(), "next"),
        ] {
            let Some(n) = n else { continue };
            let arrow = if class == "prev" { "← " } else { "" };
            let tail = if class == "next" { " →" } else { "" };
            let dir = arrow.to_owned() + label + tail;
            statement_button(ctx, &nav, class, Some(&dir), n);
        }
    }
}

/// A button that opens statement `n`, showing `lead` (a direction), its
/// title and its date.
fn statement_button(ctx: &Ctx, parent: &Element, class: &str, lead: Option<&str>, n: &Neighbour) {
    let b = child(ctx.doc, parent, "button", class);
    control(&b, &Action::Open(n.id.clone()));
    if let Some(lead) = lead {
        text_child(ctx.doc, &b, "span", "dir", lead);
    }
    text_child(ctx.doc, &b, "span", "n-title", &n.title);
    text_child(ctx.doc, &b, "span", "n-date", &n.date);
}
