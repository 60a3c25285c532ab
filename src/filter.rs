//! Filtering: which statements a request keeps, and the search pipeline.
//!
//! Everything a filter needs is computed once, when the archive is built
//! ([`FilterIndex::new`]): statements are numbered by their place in time
//! (*slots*, oldest first), each facet value holds the set of slots tagged
//! with it as a bitset, and every slot's date span is kept as days. A request
//! is then a handful of word-wise ANDs and ORs over bitsets of `n / 64`
//! words: OR within a facet, AND across facets, AND with the text matches
//! and the date range. Sorting by date is reading a bitset forwards or
//! backwards, because slots are in date order.

use crate::archive::Archive;
use crate::chronology::ChronologyOptions;
use crate::corpus::Corpus;
use crate::date::Day;
use crate::number::decimal;
use crate::record::DateRecord;
use crate::request::{Query, Request, RequestError, Sort};
use crate::response::{Chronology, Hit, Response};
use crate::search::TextResult;
use crate::statement::Statement;
use crate::vocabulary::Facet;

/// Words of a snippet.
const SNIPPET_WORDS: usize = 30;

/// A set of slots, one bit each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BitSet {
    words: Vec<u64>,
}

impl BitSet {
    /// The empty set over `len` slots.
    pub fn empty(len: usize) -> BitSet {
        BitSet {
            words: vec![0; len.div_ceil(64)],
        }
    }

    /// The set of all `len` slots.
    pub fn full(len: usize) -> BitSet {
        let mut words = vec![u64::MAX; len.div_ceil(64)];
        if let (Some(last), rem @ 1..) = (words.last_mut(), len % 64) {
            *last = (1u64 << rem) - 1;
        }
        BitSet { words }
    }

    /// Adds `slot` (ignored when out of range).
    pub fn insert(&mut self, slot: usize) {
        if let Some(w) = self.words.get_mut(slot / 64) {
            *w |= 1 << (slot % 64);
        }
    }

    /// Whether `slot` is in the set.
    pub fn contains(&self, slot: usize) -> bool {
        self.words
            .get(slot / 64)
            .is_some_and(|w| w & (1 << (slot % 64)) != 0)
    }

    /// Keeps only the slots also in `other`.
    pub fn intersect(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Adds the slots of `other`.
    pub fn union(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// Number of slots in the set.
    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    /// Number of slots in both sets, without building the intersection.
    pub fn count_common(&self, other: &BitSet) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// The slots, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &word)| {
            let mut w = word;
            core::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros() as usize;
                w &= w - 1;
                Some(i * 64 + bit)
            })
        })
    }

    /// The slots, descending.
    pub fn iter_rev(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().rev().flat_map(|(i, &word)| {
            let mut w = word;
            core::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = 63 - w.leading_zeros() as usize;
                w &= !(1 << bit);
                Some(i * 64 + bit)
            })
        })
    }
}

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
    /// Values of each facet of [`Facet::ALL`], in display order.
    values: [Vec<FacetEntry>; 6],
}

/// Which statements a query keeps, and the sets facet counts are made from.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Slots kept by the text and the date range (before any facet).
    pub base: BitSet,
    /// For each facet of [`Facet::ALL`], the union of its selected values, if any.
    pub facets: [Option<BitSet>; 6],
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
        let mut values: [Vec<FacetEntry>; 6] = Default::default();
        let entry = |value: &str, label: &str| FacetEntry {
            value: value.into(),
            label: label.into(),
            slots: BitSet::empty(n),
        };
        values[0] = vocabulary
            .kinds
            .iter()
            .map(|k| entry(&k.slug, &k.label))
            .collect();
        // Entity id → (facet position, value position) for tagging below.
        let mut entity_at = Vec::with_capacity(vocabulary.entities.len());
        for e in &vocabulary.entities {
            let f = facet_position(e.facet);
            let list = values.get_mut(f);
            entity_at.push(list.map(|l| {
                l.push(entry(&e.slug, &e.label));
                (f, l.len() - 1)
            }));
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
        values[5] = years
            .iter()
            .map(|y| {
                let y = decimal(u64::from(*y));
                entry(&y, &y)
            })
            .collect();

        for (slot, s) in ordered().enumerate() {
            if let Some(k) = values[0].iter_mut().find(|k| k.value == s.kind) {
                k.slots.insert(slot);
            }
            for tag in &s.tags {
                if let Some(&Some((f, v))) = entity_at.get(usize::from(*tag)) {
                    if let Some(e) = values.get_mut(f).and_then(|l| l.get_mut(v)) {
                        e.slots.insert(slot);
                    }
                }
            }
            let (start, end) = (s.date.start().year, s.date.end().year);
            let first = years.partition_point(|y| *y < start);
            for y in values[5]
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
        self.values
            .get(facet_position(facet))
            .map_or(&[], Vec::as_slice)
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
        let mut facets: [Option<BitSet>; 6] = Default::default();
        for ((union, selected), values) in facets.iter_mut().zip(&query.selected).zip(&self.values)
        {
            if selected.is_empty() {
                continue;
            }
            let mut set = BitSet::empty(n);
            for entry in selected.iter().filter_map(|&v| values.get(v as usize)) {
                set.union(&entry.slots);
            }
            *union = Some(set);
        }
        let mut matched = base.clone();
        for set in facets.iter().flatten() {
            matched.intersect(set);
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

/// A sort key putting hits in `sort` order when sorted ascending: for
/// relevance, the score (highest first) then the slot (newest first); for
/// dates, the slot. The score rides along in the low bits to be read back.
fn rank_key(sort: Sort, score: f32, slot: u32) -> u128 {
    // Flipping a float's bits like this orders them as `f32::total_cmp` does.
    let bits = score.to_bits();
    let ordered = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    };
    let slot_part = match sort {
        Sort::Oldest => slot,
        Sort::Newest | Sort::Relevance => !slot,
    };
    let score_part = match sort {
        Sort::Relevance => !ordered,
        Sort::Newest | Sort::Oldest => 0,
    };
    u128::from(score_part) << 96 | u128::from(slot_part) << 64 | u128::from(bits)
}

/// The slot and score of a [`rank_key`].
fn from_rank_key(sort: Sort, key: u128) -> (usize, f32) {
    let slot_part = (key >> 64) as u32;
    let slot = match sort {
        Sort::Oldest => slot_part,
        Sort::Newest | Sort::Relevance => !slot_part,
    };
    (slot as usize, f32::from_bits(key as u32))
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

/// Position of `facet` in [`Facet::ALL`].
pub(crate) fn facet_position(facet: Facet) -> usize {
    Facet::ALL.iter().position(|f| *f == facet).unwrap_or(0)
}

impl Archive {
    /// Runs a search request: the page of hits, the total, disjunctive facet
    /// counts and the chronology of what it keeps (docs/architecture.md §3).
    pub fn search(&self, request: &Request) -> Result<Response, RequestError> {
        self.search_matching(request, true)
            .map(|(response, _)| response)
    }

    /// [`Archive::search`], with the set of statements the request keeps, by
    /// slot: the order of [`Archive::statements`], of the chronology's points
    /// and of [`crate::widget::timeline::geometry`]'s marks. A caller that dims what does not
    /// match needs no second search. With `bins` false the response's
    /// chronology is left empty, for callers that draw their own.
    pub fn search_matching(
        &self,
        request: &Request,
        bins: bool,
    ) -> Result<(Response, BitSet), RequestError> {
        let filters = self.filters();
        let query = request.check(&|f, v| filters.find(f, v))?;
        let text = self.index().search(&query.text);
        let selection = filters.select(&query, &text);
        let sort = query.sort.unwrap_or(if text.matches.is_some() {
            Sort::Relevance
        } else {
            Sort::Newest
        });
        let page = self.page(&selection.matched, &text, sort, query.offset, query.limit);
        let hits = page
            .into_iter()
            .filter_map(|(doc, score)| self.hit(doc, score, &text, &query))
            .collect();
        let chronology = if bins {
            let options = ChronologyOptions::default();
            self.chronology_of(&selection.matched, &options, query.lang)?
        } else {
            Chronology::default()
        };
        let response = Response {
            total: u32::try_from(selection.matched.len()).unwrap_or(u32::MAX),
            hits,
            facets: crate::facets::count(filters, &selection, &query),
            chronology,
            query: text.query,
            sort,
        };
        Ok((response, selection.matched))
    }

    /// The statements (corpus index, score) of one page of `matched` in `sort` order.
    fn page(
        &self,
        matched: &BitSet,
        text: &TextResult,
        sort: Sort,
        offset: usize,
        limit: usize,
    ) -> Vec<(usize, f32)> {
        let filters = self.filters();
        let by_slot = |slots: &mut dyn Iterator<Item = usize>| -> Vec<(usize, f32)> {
            slots
                .skip(offset)
                .take(limit)
                .filter_map(|slot| filters.doc(slot).map(|doc| (doc, 0.0)))
                .collect()
        };
        let Some(matches) = &text.matches else {
            return match sort {
                Sort::Oldest => by_slot(&mut matched.iter()),
                Sort::Newest | Sort::Relevance => by_slot(&mut matched.iter_rev()),
            };
        };
        // One sort of plain integers serves every order: the key is the
        // slot, under the score when ranking (see `rank_key`).
        let mut ranked: Vec<u128> = matches
            .iter()
            .filter_map(|&(doc, score)| {
                let slot = *filters.slots.get(doc)?;
                matched
                    .contains(slot as usize)
                    .then(|| rank_key(sort, score, slot))
            })
            .collect();
        ranked.sort_unstable();
        ranked
            .into_iter()
            .skip(offset)
            .take(limit)
            .filter_map(|key| {
                let (slot, score) = from_rank_key(sort, key);
                filters.doc(slot).map(|doc| (doc, score))
            })
            .collect()
    }

    /// The result-list entry of statement `doc`.
    fn hit(&self, doc: usize, score: f32, text: &TextResult, query: &Query) -> Option<Hit> {
        let s = self.statements().get(doc)?;
        let kind_label = self
            .vocabulary()
            .kind(&s.kind)
            .map_or_else(|| s.kind.clone(), |k| k.label.clone());
        Some(Hit {
            id: s.id.clone(),
            title: s.title.clone(),
            subtitle: s.subtitle.clone(),
            kind: s.kind.clone(),
            kind_label,
            date: DateRecord::new(&s.date, s.approximate.as_deref(), query.lang),
            score,
            snippet: self
                .index()
                .snippet(self.corpus(), doc, text, SNIPPET_WORDS),
            title_segments: self.index().highlight(&s.title, text),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitsets_iterate_both_ways_and_count() {
        let mut set = BitSet::empty(130);
        for i in [0, 1, 63, 64, 127, 129, 500] {
            set.insert(i);
        }
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 1, 63, 64, 127, 129]);
        assert_eq!(set.iter_rev().collect::<Vec<_>>(), [129, 127, 64, 63, 1, 0]);
        assert_eq!(set.len(), 6);
        let full = BitSet::full(130);
        assert_eq!(full.len(), 130);
        assert_eq!(full.count_common(&set), 6);
        assert_eq!(BitSet::full(128).len(), 128);
        assert!(BitSet::full(0).is_empty());
    }

    #[test]
    fn rank_keys_order_by_score_then_newest_and_keep_the_score() {
        let hits = [(1.5, 2), (3.0, 1), (1.5, 5), (0.0, 0), (-1.0, 3)];
        let order = |sort| {
            let mut keys: Vec<u128> = hits
                .iter()
                .map(|&(s, slot)| rank_key(sort, s, slot))
                .collect();
            keys.sort_unstable();
            keys.into_iter()
                .map(|k| from_rank_key(sort, k))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            order(Sort::Relevance),
            [(1, 3.0), (5, 1.5), (2, 1.5), (0, 0.0), (3, -1.0)]
        );
        assert_eq!(
            order(Sort::Newest),
            [(5, 1.5), (3, -1.0), (2, 1.5), (1, 3.0), (0, 0.0)]
        );
        assert_eq!(
            order(Sort::Oldest),
            [(0, 0.0), (1, 3.0), (2, 1.5), (3, -1.0), (5, 1.5)]
        );
    }
}
