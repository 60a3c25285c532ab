//! The result list: a card per hit, with its kind, date, title and
//! snippet. A card drawn just as before is kept, so a keystroke that
//! narrows the results only removes cards and builds the new ones.

use web_sys::{Element, Node};

use super::{meta, Ctx, Nodes};
use crate::response::Hit;
use crate::widget::action::Action;
use crate::widget::dom::{self, attr, attrs, child, control, el, segments, text_child};

/// Whether two hits draw the same card (scores aside).
fn same_card(x: &Hit, y: &Hit) -> bool {
    x.id == y.id
        && x.title_segments == y.title_segments
        && x.snippet == y.snippet
        && x.kind_label == y.kind_label
}

/// The result list, from the cards drawn for the hits `drawn`: a card
/// drawn just as before is kept, the others are built. When the kept cards
/// keep their order (a keystroke that narrows the results), none moves and
/// each new card goes before the card after it; otherwise every card is
/// put in place.
pub(super) fn hits(
    ctx: &Ctx,
    nodes: &Nodes,
    hits: &[Hit],
    drawn: &[Hit],
    cards: &mut Vec<Element>,
) {
    let mut old: Vec<Option<Element>> = std::mem::take(cards).into_iter().map(Some).collect();
    let mut kept = Vec::with_capacity(hits.len());
    for hit in hits {
        let i = drawn.iter().position(|d| same_card(d, hit));
        let card = i.and_then(|i| old.get_mut(i)?.take());
        kept.push(i.filter(|_| card.is_some()));
        cards.push(card.unwrap_or_else(|| card_for(ctx, hit)));
    }
    for gone in old.into_iter().flatten() {
        dom::remove(&gone);
    }
    let order: Vec<usize> = kept.iter().flatten().copied().collect();
    let in_order = order.windows(2).all(|w| w[0] < w[1]);
    for (k, card) in cards.iter().enumerate().rev() {
        if kept[k].is_none() || !in_order {
            let after: Option<&Node> = cards.get(k + 1).map(AsRef::as_ref);
            dom::insert(&nodes.results, card, after);
        }
    }
}

/// One result card, not yet in the list.
fn card_for(ctx: &Ctx, hit: &Hit) -> Element {
    let doc = ctx.doc;
    let li = el(doc, "li", "card");
    attr(&li, "part", "card");
    meta(ctx, &li, &hit.kind_label, &hit.date);
    let h = child(doc, &li, "h3", "card-title");
    let open = child(doc, &h, "button", "open");
    control(&open, &Action::Open(hit.id.clone()));
    attrs(
        &open,
        &[
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
    li
}
