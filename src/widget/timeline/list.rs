//! "Statements by year": the chronology as a list, for screen readers and
//! anyone who prefers one: each year with its count, a button that filters
//! to it, and its statements as buttons that open them.

use super::chart::Model;
use super::geometry::YEAR_LIST_MAX;
use crate::number::decimal;
use crate::widget::dom::{attr, attrs, child, clear, text_child};

impl Model {
    /// `total`, or `matched of total` unless `whole`.
    pub(super) fn count(&self, matched: u32, total: u32, whole: bool) -> String {
        let total = decimal(total.into());
        if whole {
            total
        } else {
            decimal(matched.into()) + " " + self.words.of_total() + " " + &total
        }
    }

    /// The equivalent list, drawn only while it is open.
    pub(super) fn list(&self) {
        let n = &self.nodes;
        if n.details.get_attribute("open").is_none() {
            clear(&n.years);
            return;
        }
        self.draw_list();
    }

    pub(super) fn draw_list(&self) {
        let (doc, n, w) = (&self.doc, &self.nodes, self.words);
        clear(&n.years);
        for y in self.axis.years(&self.matched) {
            let li = child(doc, &n.years, "li", "tl-year");
            let year = decimal(y.year.into());
            let count = self.count(y.matched, y.total, self.all);
            let head = child(doc, &li, "p", "tl-year-head");
            text_child(doc, &head, "strong", "", &year);
            text_child(
                doc,
                &head,
                "span",
                "count",
                &(" (".to_owned() + &count + ")"),
            );
            let only = text_child(doc, &head, "button", "link", w.only_year());
            let label = w.only_year().to_owned() + ": " + &year;
            attrs(
                &only,
                &[
                    ("type", "button"),
                    ("data-tl-year", &year),
                    ("aria-label", &label),
                ],
            );
            let ul = child(doc, &li, "ul", "tl-year-items");
            let mut named = 0;
            for i in y.first..=y.last {
                let Some(e) = self.entries.get(i) else {
                    continue;
                };
                if !y.lists(self.matched(i), named, YEAR_LIST_MAX) {
                    continue;
                }
                named += 1;
                let item = child(doc, &ul, "li", if self.matched(i) { "" } else { "dim" });
                let b = text_child(doc, &item, "button", "link tl-item", &e.title);
                attrs(&b, &[("type", "button"), ("data-tl-open", &e.id)]);
                if Some(i) == self.open {
                    attr(&b, "aria-current", "true");
                }
                text_child(
                    doc,
                    &item,
                    "span",
                    "tl-item-date",
                    &(" — ".to_owned() + &e.date.label(self.lang)),
                );
            }
            let left = (y.total as usize).saturating_sub(named);
            if left > 0 {
                text_child(
                    doc,
                    &ul,
                    "li",
                    "tl-more",
                    &(decimal(left as u64) + " " + w.more()),
                );
            }
        }
    }
}
