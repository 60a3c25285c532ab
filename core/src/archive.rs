//! The archive: a corpus, ready to be queried, and the one place
//! where a request's answer is put together.
//!
//! The query layer is built from the bottom up, each layer using only those
//! below it:
//!
//! - the model: [`crate::corpus`] and what it is made of;
//! - the indexes: [`crate::search`] (text) and [`crate::filter`] (facet
//!   values and dates, as [`BitSet`]s of statements in time order);
//! - the query: [`crate::request`] checked into a query, then what consumes
//!   the set of statements it keeps, the way a search engine's collectors
//!   consume matched documents: [`crate::facets::count`] (disjunctive
//!   counts), [`crate::chronology::collect`] (bins and points) and the page
//!   of hits ranked here;
//! - the response: [`crate::response`], the records they make.
//!
//! [`Archive::search_matching`] composes them.

#[cfg(ima_symbols)]
use std::sync::{Mutex, OnceLock};

use crate::bitset::BitSet;
use crate::chronology::{self, Chronology, ChronologyOptions};
#[cfg(ima_symbols)]
use crate::corpus::blob::Bodies;
use crate::corpus::{Corpus, DecodeError};
use crate::facets::{self, Facets};
use crate::filter::FilterIndex;
use crate::lang::Lang;
use crate::record::{DateRecord, StatementRecord, SummaryRecord};
use crate::request::{Query, Request, RequestError, Sort};
use crate::response::{Hit, Response};
#[cfg(ima_symbols)]
use crate::search::index::Indexing;
use crate::search::{SearchIndex, TextResult};
use crate::statement::Statement;
use crate::vocabulary::Vocabulary;

/// Where the archive keeps its search index: for a module that reads
/// large archives, a cell filled on first use; for a small archive's
/// module, the index itself, built with the archive (less code).
#[cfg(ima_symbols)]
type IndexCell = OnceLock<SearchIndex>;

/// The index of a small archive, built with it: a cell always full.
#[cfg(not(ima_symbols))]
#[derive(Debug, Clone)]
struct IndexCell(SearchIndex);

#[cfg(not(ima_symbols))]
impl IndexCell {
    fn from(index: SearchIndex) -> IndexCell {
        IndexCell(index)
    }

    fn get(&self) -> Option<&SearchIndex> {
        Some(&self.0)
    }

    fn get_or_init(&self, _: impl FnOnce() -> SearchIndex) -> &SearchIndex {
        &self.0
    }
}

/// A large archive's index as far as it is built ([`Archive::index_some`]).
#[cfg(ima_symbols)]
#[derive(Default)]
struct Partial(Mutex<Option<Indexing>>);

#[cfg(ima_symbols)]
impl Clone for Partial {
    /// A copy of the archive builds its index again, from the start.
    fn clone(&self) -> Partial {
        Partial::default()
    }
}

#[cfg(ima_symbols)]
impl std::fmt::Debug for Partial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let done = self
            .0
            .lock()
            .ok()
            .and_then(|p| p.as_ref().map(Indexing::done));
        f.debug_tuple("Partial").field(&done).finish()
    }
}

/// A queryable set of statements.
#[derive(Debug, Clone)]
pub struct Archive {
    corpus: Corpus,
    /// The full-text index: built with the archive, or, for one read from a
    /// blob holding its paragraphs as symbols, when first needed.
    index: IndexCell,
    /// Those symbols, which the index is then built from.
    #[cfg(ima_symbols)]
    bodies: Option<Bodies<'static>>,
    /// The index as far as [`Archive::index_some`] has built it.
    #[cfg(ima_symbols)]
    partial: Partial,
    filters: FilterIndex,
}

impl Archive {
    /// An archive of `corpus`.
    pub fn new(corpus: Corpus) -> Archive {
        let index = IndexCell::from(SearchIndex::new(&corpus));
        let filters = FilterIndex::new(&corpus);
        Archive {
            corpus,
            index,
            #[cfg(ima_symbols)]
            bodies: None,
            #[cfg(ima_symbols)]
            partial: Partial::default(),
            filters,
        }
    }

    /// The archive of a corpus blob (see [`crate::corpus::blob`]), such as
    /// the one the library embeds; the search index is not shipped but
    /// built from the blob. When the blob holds its paragraphs as symbols
    /// (a large archive), they stay so, each statement's written out when
    /// it is read (see [`crate::statement::Body`]), and the search index is
    /// built from them later (in slices by [`Archive::index_some`], or at
    /// the first text query) rather than here, so the archive is ready to
    /// list, filter and chart at once (10,000 statements: the index costs
    /// about as much as the rest of loading).
    pub fn from_blob(bytes: &'static [u8]) -> Result<Archive, DecodeError> {
        #[cfg(ima_symbols)]
        let (corpus, index, bodies) = {
            let (corpus, bodies) = crate::corpus::blob::decode_lazily(bytes)?;
            let index = match bodies {
                Some(_) => OnceLock::new(),
                None => OnceLock::from(SearchIndex::new(&corpus)),
            };
            (corpus, index, bodies)
        };
        // A small archive's module reads no symbols (see
        // `crate::corpus::blob::SYMBOLS`).
        #[cfg(not(ima_symbols))]
        let (corpus, index) = {
            let corpus = Corpus::from_bytes(bytes)?;
            let index = IndexCell::from(SearchIndex::new(&corpus));
            (corpus, index)
        };
        let filters = FilterIndex::new(&corpus);
        Ok(Archive {
            corpus,
            index,
            #[cfg(ima_symbols)]
            bodies,
            #[cfg(ima_symbols)]
            partial: Partial::default(),
            filters,
        })
    }

    /// Number of statements.
    pub fn len(&self) -> usize {
        self.corpus.statements.len()
    }

    /// Whether the archive holds no statement.
    pub fn is_empty(&self) -> bool {
        self.corpus.statements.is_empty()
    }

    /// Every statement, oldest first.
    pub fn statements(&self) -> &[Statement] {
        &self.corpus.statements
    }

    /// The vocabulary statements are tagged from.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.corpus.vocabulary
    }

    /// The corpus.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The full-text index (built now if it was left for the first use,
    /// from where [`Archive::index_some`] left it).
    pub fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| {
            #[cfg(ima_symbols)]
            if let Some(bodies) = &self.bodies {
                let partial = self.partial.0.lock().ok().and_then(|mut p| p.take());
                let mut indexing = partial.unwrap_or_else(|| Indexing::new(&self.corpus));
                indexing.step(&self.corpus, Some(bodies), usize::MAX);
                return SearchIndex::from_indexing(indexing, &self.corpus);
            }
            SearchIndex::new(&self.corpus)
        })
    }

    /// Builds `count` more statements' worth of an index left for its first
    /// use (a large archive read from a blob), so that a page can build it
    /// in slices while it is idle rather than at the first keystroke; true
    /// once the index is built, as every other archive's is from the start.
    #[cfg(ima_symbols)]
    pub fn index_some(&self, count: usize) -> bool {
        if self.index.get().is_some() {
            return true;
        }
        let Some(bodies) = &self.bodies else {
            self.index();
            return true;
        };
        let Ok(mut partial) = self.partial.0.lock() else {
            // Only a panic while indexing poisons the lock: build it whole.
            self.index();
            return true;
        };
        let indexing = partial.get_or_insert_with(|| Indexing::new(&self.corpus));
        if !indexing.step(&self.corpus, Some(bodies), count) {
            return false;
        }
        if let Some(indexing) = partial.take() {
            drop(partial);
            let _ = self
                .index
                .set(SearchIndex::from_indexing(indexing, &self.corpus));
        }
        true
    }

    /// What `text` matches; a query that asks nothing of the index (empty,
    /// or only ignored words) leaves an index not yet built unbuilt.
    fn text_result(&self, text: &str) -> TextResult {
        #[cfg(ima_symbols)]
        if let Some(result) = crate::search::without_index(text) {
            return result;
        }
        self.index().search(text)
    }

    /// What facet filters, date ranges and the chronology run on.
    pub fn filters(&self) -> &FilterIndex {
        &self.filters
    }

    /// Position of the statement with this id in [`Archive::statements`].
    pub fn position(&self, id: &str) -> Option<usize> {
        self.corpus.statements.iter().position(|s| s.id == id)
    }

    /// The statement with this id.
    pub fn get(&self, id: &str) -> Option<&Statement> {
        self.corpus.get(id)
    }

    /// The full record of the statement with this id.
    pub fn record(&self, id: &str, lang: Lang) -> Option<StatementRecord> {
        self.get(id)
            .map(|s| StatementRecord::new(&self.corpus, s, lang))
    }

    /// Every statement's metadata, oldest first.
    pub fn summaries(&self, lang: Lang) -> Vec<SummaryRecord> {
        self.statements()
            .iter()
            .map(|s| SummaryRecord::new(&self.corpus, s, lang))
            .collect()
    }

    /// Every facet value with the number of statements that have it, for
    /// partners who build their own interface.
    pub fn facets(&self) -> Facets {
        facets::totals(&self.filters)
    }

    /// The chronology of what `request` keeps.
    pub fn chronology(
        &self,
        request: &Request,
        options: &ChronologyOptions,
    ) -> Result<Chronology, RequestError> {
        let filters = self.filters();
        let query = request.check(&|f, v| filters.find(f, v))?;
        let text = self.text_result(&query.text);
        let selection = filters.select(&query, &text);
        self.chronology_of(&selection.matched, options, query.lang)
    }

    /// The chronology with the statements in `matched` (slots of
    /// [`Archive::filters`]) marked, for callers that already ran the filters.
    pub fn chronology_of(
        &self,
        matched: &BitSet,
        options: &ChronologyOptions,
        lang: Lang,
    ) -> Result<Chronology, RequestError> {
        chronology::collect(&self.filters, self.statements(), matched, options, lang)
    }

    /// Runs a search request: the page of hits, the total, disjunctive facet
    /// counts and the chronology of what it keeps (docs/architecture.md §3).
    pub fn search(&self, request: &Request) -> Result<Response, RequestError> {
        self.search_matching(request, true)
            .map(|(response, _)| response)
    }

    /// [`Archive::search`], with the set of statements the request keeps, by
    /// slot: the order of [`Archive::statements`], of the chronology's points
    /// and of the widget's chronology marks. A caller that dims what does not
    /// match needs no second search. With `bins` false the response's
    /// chronology is left empty, for callers that draw their own.
    pub fn search_matching(
        &self,
        request: &Request,
        bins: bool,
    ) -> Result<(Response, BitSet), RequestError> {
        let filters = self.filters();
        let query = request.check(&|f, v| filters.find(f, v))?;
        let text = self.text_result(&query.text);
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
            facets: facets::count(filters, &selection, &query),
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
        // One order of plain integers serves every sort: the key is the
        // slot, under the score when ranking (see `rank_key`). Only the
        // keys up to the page's end are kept in order: thousands of
        // matches, a page of ten.
        let keys = matches.iter().filter_map(|&(doc, score)| {
            let slot = filters.slot(doc)?;
            matched
                .contains(slot as usize)
                .then(|| rank_key(sort, score, slot))
        });
        smallest(keys, offset.saturating_add(limit))
            .into_iter()
            .skip(offset)
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
        // Nothing to mark needs no index: an index not built yet stays so.
        let unbuilt;
        let index = match self.index.get() {
            Some(index) => index,
            None if text.marks.is_empty() => {
                unbuilt = SearchIndex::default();
                &unbuilt
            }
            None => self.index(),
        };
        Some(Hit {
            id: s.id.clone(),
            title: s.title.clone(),
            subtitle: s.subtitle.clone(),
            kind: s.kind.clone(),
            kind_label,
            date: DateRecord::new(&s.date, s.approximate.as_deref(), query.lang),
            score,
            snippet: index.snippet(self.corpus(), doc, text, SNIPPET_WORDS),
            title_segments: index.highlight(&s.title, text),
        })
    }
}

/// Words of a snippet.
const SNIPPET_WORDS: usize = 30;

/// The `n` smallest `keys`, in order. A sorted page-sized list that each
/// key smaller than its last is inserted into: most keys of a large result
/// are compared once and dropped, and nothing sorts the thousands.
fn smallest(keys: impl Iterator<Item = u128>, n: usize) -> Vec<u128> {
    let mut out: Vec<u128> = Vec::new();
    for key in keys {
        if out.len() >= n && out.last().map_or(true, |&last| key >= last) {
            continue;
        }
        let at = out.partition_point(|&k| k < key);
        out.insert(at, key);
        out.truncate(n);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(all(ima_symbols, not(target_arch = "wasm32")))]
    fn a_large_blob_is_indexed_on_the_first_text_query_and_answers_alike() {
        let (corpus, blob) = crate::testing::large(150);
        let lazy = Archive::from_blob(blob).expect("decodes");
        let eager = Archive::new(corpus);
        for request in [
            Request::default(),
            Request {
                text: " ?! ".into(),
                ..Request::default()
            },
        ] {
            assert_eq!(lazy.search(&request), eager.search(&request));
        }
        assert!(
            lazy.index.get().is_none(),
            "no index for queries that need none"
        );
        let text = Request {
            text: "rohingya \"at sea\" -thailand".into(),
            ..Request::default()
        };
        assert_eq!(lazy.search(&text), eager.search(&text));
        assert!(lazy.index.get().is_some());
        assert_eq!(lazy.index(), eager.index());
    }

    #[test]
    #[cfg(all(ima_symbols, not(target_arch = "wasm32")))]
    fn a_large_blob_is_indexed_in_slices_or_finished_by_the_first_query() {
        let (corpus, blob) = crate::testing::large(150);
        let eager = Archive::new(corpus);
        let text = Request {
            text: "rohingya \"at sea\" -thailand".into(),
            ..Request::default()
        };
        // In slices of 40: the fourth finishes the index, and nothing is
        // left half built.
        let sliced = Archive::from_blob(blob).expect("decodes");
        let done: Vec<bool> = (0..4).map(|_| sliced.index_some(40)).collect();
        assert_eq!(done, [false, false, false, true]);
        assert!(sliced.index.get().is_some());
        assert!(sliced.partial.0.lock().expect("not poisoned").is_none());
        assert_eq!(sliced.index(), eager.index());
        assert_eq!(sliced.search(&text), eager.search(&text));
        // A query half way through finishes from where the slices left off.
        let half = Archive::from_blob(blob).expect("decodes");
        assert!(!half.index_some(100));
        assert_eq!(half.search(&text), eager.search(&text));
        assert_eq!(half.index(), eager.index());
        assert!(half.index_some(1), "built");
        // A small archive's index is built with it.
        assert!(eager.index_some(1));
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

    #[test]
    fn the_smallest_keys_are_the_first_of_the_sorted_keys() {
        // Ascending, descending, and scattered with repeats, as keys come.
        let scattered: Vec<u128> = (0..500u128).map(|i| i * 7919 % 263).collect();
        let inputs = [
            (0..300u128).collect::<Vec<_>>(),
            (0..300u128).rev().collect(),
            scattered,
        ];
        for keys in inputs {
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            for n in [0, 1, 10, 299, 300, 1000] {
                let want = &sorted[..n.min(sorted.len())];
                assert_eq!(smallest(keys.iter().copied(), n), want, "n = {n}");
            }
        }
    }
}
