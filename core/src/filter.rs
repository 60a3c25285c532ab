//! Filtering: which statements a request keeps.
//!
//! Everything a filter needs is computed once, when the archive is built
//! ([`FilterIndex::new`]): statements are numbered by their place in time
//! (*slots*, oldest first), each facet value holds the set of slots tagged
//! with it as a bitset, and every slot's date span is kept as days. A request
//! is then a handful of word-wise ANDs and ORs over bitsets of `n / 64`
//! words: OR within a facet, AND across facets, AND with the text matches
//! and the date range. Sorting by date is reading a bitset forwards or
//! backwards, because slots are in date order.

pub use crate::bitset::BitSet;
use crate::corpus::Corpus;
use crate::date::Day;
use crate::number::decimal;
use crate::request::Query;
use crate::search::TextResult;
use crate::statement::Statement;
use crate::vocabulary::{Facet, PerFacet};

/// One value of a facet and the statements that have it.
#[derive(Debug, Clone)]
pub struct FacetEntry {
    /// The value in requests (slug or year).
    pub value: String,
    /// Display label.
    pub label: String,
    /// Slots of the statements with this value.
    pub slots: BitSet,
}

/// What filtering needs of an archive, computed once.
#[derive(Debug, Clone)]
pub struct FilterIndex {
    /// Slot → index in `Corpus::statements`, oldest first.
    docs: Vec<u32>,
    /// Index in `Corpus::statements` → slot.
    slots: Vec<u32>,
    /// Every slot's first and last day.
    spans: Vec<(Day, Day)>,
    /// Values of each facet, in display order.
    values: PerFacet<Vec<FacetEntry>>,
}

/// Which statements a query keeps, and the sets facet counts are made from.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Slots kept by the text and the date range (before any facet).
    pub base: BitSet,
    /// For each facet, the union of its selected values, if any.
    pub facets: PerFacet<Option<BitSet>>,
    /// Slots kept by everything: `base` and every facet.
    pub matched: BitSet,
}

impl FilterIndex {
    /// Indexes every statement of `corpus`.
    pub fn new(corpus: &Corpus) -> FilterIndex {
        let statements = &corpus.statements;
        let n = statements.len();
        let docs = chronological_order(statements);
        let mut slots = vec![0; n];
        for (slot, &doc) in docs.iter().enumerate() {
            if let (Some(s), Ok(slot)) = (slots.get_mut(doc as usize), u32::try_from(slot)) {
                *s = slot;
            }
        }
        let ordered = || docs.iter().filter_map(|&d| statements.get(d as usize));
        let spans: Vec<(Day, Day)> = ordered().map(|s| (s.date.start(), s.date.end())).collect();

        let vocabulary = &corpus.vocabulary;
        let mut values: PerFacet<Vec<FacetEntry>> = PerFacet::default();
        let entry = |value: &str, label: &str| FacetEntry {
            value: value.into(),
            label: label.into(),
            slots: BitSet::empty(n),
        };
        values.kind = vocabulary
            .kinds
            .iter()
            .map(|k| entry(&k.slug, &k.label))
            .collect();
        // Entity id → (facet, value position) for tagging below.
        let mut entity_at = Vec::with_capacity(vocabulary.entities.len());
        for e in &vocabulary.entities {
            let list = values.get_mut(e.facet);
            list.push(entry(&e.slug, &e.label));
            entity_at.push((e.facet, list.len() - 1));
        }
        // Every year some statement's span touches, ascending (flags over the
        // range of years rather than a sort, which would cost code size).
        let first_year = spans.iter().map(|s| s.0.year).min().unwrap_or(0);
        let last_year = spans.iter().map(|s| s.1.year).max().unwrap_or(0);
        let mut touched = vec![false; usize::from(last_year.saturating_sub(first_year)) + 1];
        for (a, b) in &spans {
            for y in a.year..=b.year {
                if let Some(t) = touched.get_mut(usize::from(y - first_year)) {
                    *t = true;
                }
            }
        }
        let years: Vec<u16> = (first_year..=last_year)
            .zip(&touched)
            .filter(|(_, t)| **t)
            .map(|(y, _)| y)
            .collect();
        values.year = years
            .iter()
            .map(|y| {
                let y = decimal(u64::from(*y));
                entry(&y, &y)
            })
            .collect();

        for (slot, s) in ordered().enumerate() {
            if let Some(k) = values.kind.iter_mut().find(|k| k.value == s.kind) {
                k.slots.insert(slot);
            }
            for tag in &s.tags {
                if let Some(&(f, v)) = entity_at.get(usize::from(*tag)) {
                    if let Some(e) = values.get_mut(f).get_mut(v) {
                        e.slots.insert(slot);
                    }
                }
            }
            let (start, end) = (s.date.start().year, s.date.end().year);
            let first = years.partition_point(|y| *y < start);
            for y in values
                .year
                .iter_mut()
                .skip(first)
                .take(usize::from(end - start) + 1)
            {
                y.slots.insert(slot);
            }
        }
        FilterIndex {
            docs,
            slots,
            spans,
            values,
        }
    }

    /// Number of statements.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether there is no statement.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The values of `facet`, in display order.
    pub fn values(&self, facet: Facet) -> &[FacetEntry] {
        self.values.get(facet)
    }

    /// Position of `value` among the values of `facet`.
    pub fn find(&self, facet: Facet, value: &str) -> Option<u32> {
        let i = self.values(facet).iter().position(|e| e.value == value)?;
        u32::try_from(i).ok()
    }

    /// Index in `Corpus::statements` of the statement in `slot`.
    pub fn doc(&self, slot: usize) -> Option<usize> {
        self.docs.get(slot).map(|&d| d as usize)
    }

    /// The slot of statement `doc` (its index in `Corpus::statements`).
    pub fn slot(&self, doc: usize) -> Option<u32> {
        self.slots.get(doc).copied()
    }

    /// First and last day of the statement in `slot`.
    pub fn span(&self, slot: usize) -> Option<(Day, Day)> {
        self.spans.get(slot).copied()
    }

    /// Every slot's first and last day, oldest first.
    pub fn spans(&self) -> &[(Day, Day)] {
        &self.spans
    }

    /// The statements `query` keeps, given what its text matched.
    pub fn select(&self, query: &Query, text: &TextResult) -> Selection {
        let n = self.len();
        let mut base = match &text.matches {
            None => BitSet::full(n),
            Some(matches) => {
                let mut set = BitSet::empty(n);
                for &(doc, _) in matches {
                    if let Some(&slot) = self.slots.get(doc) {
                        set.insert(slot as usize);
                    }
                }
                set
            }
        };
        if query.from.is_some() || query.to.is_some() {
            base.intersect(&self.in_range(query.from, query.to));
        }
        let mut facets: PerFacet<Option<BitSet>> = PerFacet::default();
        let mut matched = base.clone();
        for facet in Facet::ALL {
            let selected = query.selected.get(facet);
            if selected.is_empty() {
                continue;
            }
            let values = self.values(facet);
            let mut set = BitSet::empty(n);
            for entry in selected.iter().filter_map(|&v| values.get(v as usize)) {
                set.union(&entry.slots);
            }
            matched.intersect(&set);
            *facets.get_mut(facet) = Some(set);
        }
        Selection {
            base,
            facets,
            matched,
        }
    }

    /// Slots whose date span shares a day with `from..=to` (either end open).
    fn in_range(&self, from: Option<Day>, to: Option<Day>) -> BitSet {
        let mut set = BitSet::empty(self.len());
        // Slots are ordered by first day, so those starting after `to` are a suffix.
        let candidates = match to {
            Some(to) => self.spans.partition_point(|(start, _)| *start <= to),
            None => self.spans.len(),
        };
        for (slot, (_, end)) in self.spans.iter().enumerate().take(candidates) {
            if from.map_or(true, |from| *end >= from) {
                set.insert(slot);
            }
        }
        set
    }
}

/// Indexes of `statements` oldest first, as `Corpus::new` orders them (by
/// date, then id).
fn chronological_order(statements: &[Statement]) -> Vec<u32> {
    let n = u32::try_from(statements.len()).unwrap_or(u32::MAX);
    let before = |a: u32, b: u32| match (statements.get(a as usize), statements.get(b as usize)) {
        (Some(a), Some(b)) => a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)).is_gt(),
        _ => false,
    };
    let mut docs: Vec<u32> = (0..n).collect();
    // A corpus made by `Corpus::new` (the embedded one) is in order already.
    if (1..n).all(|i| !before(i - 1, i)) {
        return docs;
    }
    // Otherwise sort by (first day, last day, index) as plain integers, then
    // settle the rare runs of equal spans with the full order.
    let mut keys: Vec<u128> = docs
        .iter()
        .filter_map(|&i| {
            let date = &statements.get(i as usize)?.date;
            let day = |d: Day| (d.ordinal() as u32) ^ (1 << 31);
            Some(
                u128::from(day(date.start())) << 96
                    | u128::from(day(date.end())) << 64
                    | u128::from(i),
            )
        })
        .collect();
    keys.sort_unstable();
    docs = keys.iter().map(|k| *k as u32).collect();
    let mut run = 0;
    for i in 1..=docs.len() {
        let same = |a: usize, b: usize| match (keys.get(a), keys.get(b)) {
            (Some(x), Some(y)) => x >> 64 == y >> 64,
            _ => false,
        };
        if i < docs.len() && same(run, i) {
            continue;
        }
        // Insertion sort of the run `run..i`: runs are a few statements long.
        for j in run + 1..i {
            let mut k = j;
            while k > run {
                match (docs.get(k - 1), docs.get(k)) {
                    (Some(&a), Some(&b)) if before(a, b) => docs.swap(k - 1, k),
                    _ => break,
                }
                k -= 1;
            }
        }
        run = i;
    }
    docs
}
