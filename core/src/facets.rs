//! Disjunctive facet counts.
//!
//! A facet's counts ignore that facet's own selection: with `topic:
//! [rohingya]` selected, the topic list still tells how many statements
//! `trafficking` would give, so a visitor sees every other choice. For a
//! facet `f` the statements counted are those kept by the text, the date
//! range and every *other* facet's selection; a value's count is how many of
//! them have it. That count is exactly the `total` of the same request with
//! `f`'s selection replaced by that one value.

use serde::Serialize;

use crate::bitset::BitSet;
use crate::filter::{FacetEntry, FilterIndex, Selection};
use crate::request::Query;
use crate::vocabulary::{Facet, PerFacet};

/// One value of a facet with the number of statements it would give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetValue {
    /// The value to put in a request (slug, or the year).
    pub value: String,
    /// Display label.
    pub label: String,
    /// Statements matching the request with this facet's own selection replaced by this value.
    pub count: u32,
    /// Whether the request selects this value.
    pub selected: bool,
}

/// Counts for every facet.
pub type Facets = PerFacet<Vec<FacetValue>>;

/// The counts of every facet value for a query's selection.
pub fn count(filters: &FilterIndex, selection: &Selection, query: &Query) -> Facets {
    let mut facets = Facets::default();
    for facet in Facet::ALL {
        // Statements kept by everything but this facet.
        let mut others: Option<BitSet> = None;
        for other in Facet::ALL.into_iter().filter(|&o| o != facet) {
            let Some(set) = selection.facets.get(other) else {
                continue;
            };
            match &mut others {
                None => {
                    let mut s = selection.base.clone();
                    s.intersect(set);
                    others = Some(s);
                }
                Some(s) => s.intersect(set),
            }
        }
        let kept = others.as_ref().unwrap_or(&selection.base);
        let selected = query.selected.get(facet);
        *facets.get_mut(facet) = values(filters.values(facet), selected, |e| {
            e.slots.count_common(kept)
        });
    }
    facets
}

/// The facet records of `entries`, counting each with `count`.
fn values(
    entries: &[FacetEntry],
    selected: &[u32],
    count: impl Fn(&FacetEntry) -> usize,
) -> Vec<FacetValue> {
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| FacetValue {
            value: e.value.clone(),
            label: e.label.clone(),
            count: u32::try_from(count(e)).unwrap_or(u32::MAX),
            selected: u32::try_from(i).is_ok_and(|i| selected.binary_search(&i).is_ok()),
        })
        .collect()
}

/// Every facet value with the number of statements that have it, ignoring
/// any request.
#[inline]
pub fn totals(filters: &FilterIndex) -> Facets {
    let mut facets = Facets::default();
    for facet in Facet::ALL {
        *facets.get_mut(facet) = values(filters.values(facet), &[], |e| e.slots.len());
    }
    facets
}
