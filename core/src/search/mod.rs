//! Full-text search over the corpus: ranked matches, snippets and
//! highlights (docs/architecture.md §2).
//!
//! - [`query`]: the query language, parsed from any string without error;
//! - [`index`]: the inverted index, built by the archive (for a
//!   large embedded corpus, from the symbol numbers its blob stores the
//!   paragraphs as);
//! - [`rank`]: expansion of typed words (prefix, typos), matching and BM25F
//!   ranking;
//! - [`snippet`]: marking matched words, choosing a snippet's window.
//!
//! [`SearchIndex`] ties them together behind the interface the archive uses.

pub mod index;
pub mod query;
pub mod rank;
pub mod snippet;

#[cfg(ima_symbols)]
use crate::corpus::blob::Bodies;
use crate::corpus::Corpus;
use serde::Serialize;

use crate::text::{fold, tokens};
use index::Index;
use snippet::Marks;

/// A piece of text, marked when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// The text, verbatim from the statement.
    pub text: String,
    /// Whether it matched a query term or phrase.
    #[serde(rename = "match")]
    pub matched: bool,
}

/// What the search understood of the text typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct QuerySummary {
    /// Words that must match (as typed, folded).
    pub terms: Vec<String>,
    /// Exact phrases that must match.
    pub phrases: Vec<String>,
    /// Words and phrases that must not match.
    pub excluded: Vec<String>,
    /// What was ignored, and why, e.g. `"the" (common word)`.
    pub ignored: Vec<String>,
}

/// What a text query matched.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextResult {
    /// What was understood of the query.
    pub query: QuerySummary,
    /// Matching statements (indexes into `Corpus::statements`) with their
    /// relevance, in corpus order; `None` when the query constrains nothing
    /// (empty text), so every statement matches with score 0.
    pub matches: Option<Vec<(usize, f32)>>,
    /// What to mark in snippets and highlights.
    pub marks: Marks,
}

/// What `text` matches when it asks nothing of an index (it is empty, or
/// holds only words that are ignored): every statement; `None` when it
/// needs the index.
pub fn without_index(text: &str) -> Option<TextResult> {
    let query = query::parse(text);
    query.is_empty().then(|| TextResult {
        query: query.summary,
        matches: None,
        marks: Marks::default(),
    })
}

/// The analysed names of one vocabulary entity.
#[derive(Debug, Clone, Default, PartialEq)]
struct EntityNames {
    /// Terms of its one-word names ("GCM", "Burma").
    single: Vec<u32>,
    /// Every name as a term sequence.
    names: Vec<Vec<u32>>,
}

/// The search index of a corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchIndex {
    index: Index,
    /// Per statement and field, what one occurrence is worth (see
    /// [`rank::field_factors`]); derived from the index on construction.
    factors: Vec<[f32; index::FIELDS]>,
    entities: Vec<EntityNames>,
}

impl SearchIndex {
    /// Indexes every statement of `corpus`.
    pub fn new(corpus: &Corpus) -> SearchIndex {
        SearchIndex::with_index(Index::build(corpus), corpus)
    }

    /// Indexes every statement of `corpus`, reading the bodies from the
    /// symbol numbers of its blob (see [`Index::build_from_symbols`]).
    #[cfg(ima_symbols)]
    pub fn from_symbols(corpus: &Corpus, bodies: &Bodies<'_>) -> SearchIndex {
        SearchIndex::with_index(Index::build_from_symbols(corpus, bodies), corpus)
    }

    /// The inverted index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The search index over `index`, built by an [`index::Indexing`] of
    /// `corpus`.
    #[cfg(ima_symbols)]
    pub fn from_indexing(indexing: index::Indexing, corpus: &Corpus) -> SearchIndex {
        SearchIndex::with_index(indexing.finish(), corpus)
    }

    fn with_index(index: Index, corpus: &Corpus) -> SearchIndex {
        // The terms of a name, if the index has every word of it.
        let analyse = |name: &str| -> Option<Vec<u32>> {
            let mut terms = Vec::new();
            for t in tokens(name) {
                let w = index.word_id(&fold(t.text))?;
                terms.push(index.word_term(w));
            }
            Some(terms)
        };
        let entities = corpus
            .vocabulary
            .entities
            .iter()
            .map(|e| {
                let names: Vec<Vec<u32>> = std::iter::once(&e.label)
                    .chain(&e.aliases)
                    .filter_map(|n| analyse(n))
                    .collect();
                let single = names
                    .iter()
                    .filter(|n| n.len() == 1)
                    .map(|n| n[0])
                    .collect();
                EntityNames { single, names }
            })
            .collect();
        let factors = rank::field_factors(&index);
        SearchIndex {
            index,
            factors,
            entities,
        }
    }

    /// Runs a text query.
    pub fn search(&self, text: &str) -> TextResult {
        let query = query::parse(text);
        let ranking = rank::rank(&self.index, &self.factors, &query);
        let mut phrases = ranking.phrases;
        // A word that is an entity's one-word name ("GCM") matches statements
        // tagged with it through their entity field; mark its other names
        // ("Global Compact on Migration") so the snippet shows why.
        for w in &query.words {
            let Some(t) = self.index.term_id(&crate::text::term(&w.folded)) else {
                continue;
            };
            for e in self.entities.iter().filter(|e| e.single.contains(&t)) {
                for name in e.names.iter().filter(|n| n.len() > 1) {
                    if !phrases.contains(name) {
                        phrases.push(name.clone());
                    }
                }
            }
        }
        TextResult {
            query: query.summary,
            matches: ranking.matches,
            marks: Marks::new(&self.index, ranking.terms, phrases),
        }
    }

    /// `text` with each word the archive does not know (neither as a word nor
    /// as the start of one) replaced by the nearest word it does know, within
    /// one edit for words of up to five letters and two beyond; `None` when
    /// nothing changes. Scans the dictionary, never the statements, so its
    /// cost follows the number of distinct words.
    pub fn suggest(&self, text: &str) -> Option<String> {
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        let mut changed = false;
        let mut rows = Vec::new();
        let mut candidate: Vec<char> = Vec::new();
        for token in crate::text::tokens(text) {
            let folded = crate::text::fold(token.text);
            let typed: Vec<char> = folded.chars().collect();
            if !(4..=30).contains(&typed.len()) || !self.index.words_with_prefix(&folded).is_empty()
            {
                continue;
            }
            let budget = if typed.len() <= 5 { 1 } else { 2 };
            // Nearest first, then the commonest word.
            let mut best: Option<(usize, u32, usize)> = None;
            for w in 0..self.index.word_count() {
                if usize::from(self.index.word_chars(w)).abs_diff(typed.len()) > budget {
                    continue;
                }
                candidate.clear();
                candidate.extend(self.index.word_text(w).chars());
                let Some(d) = rank::distance(&typed, &candidate, budget, false, &mut rows) else {
                    continue;
                };
                let df = self.index.df(self.index.word_term(w));
                if best.map_or(true, |(bd, bdf, _)| {
                    (d, std::cmp::Reverse(df)) < (bd, std::cmp::Reverse(bdf))
                }) {
                    best = Some((d, df, w));
                }
            }
            if let Some((_, _, w)) = best {
                out.push_str(text.get(last..token.start).unwrap_or(""));
                out.push_str(self.index.word_text(w));
                last = token.end;
                changed = true;
            }
        }
        out.push_str(text.get(last..).unwrap_or(""));
        changed.then_some(out)
    }

    /// `text` split into segments, the words matched by `result` marked.
    pub fn highlight(&self, text: &str, result: &TextResult) -> Vec<Segment> {
        let m = snippet::mark(&self.index, text, &result.marks);
        snippet::segments(text, &m, 0..m.tokens.len())
    }

    /// About `words` words of statement `doc` around its best match (or its
    /// opening), matches marked. An ellipsis segment stands for cut text.
    pub fn snippet(
        &self,
        corpus: &Corpus,
        doc: usize,
        result: &TextResult,
        words: usize,
    ) -> Vec<Segment> {
        let Some(s) = corpus.statements.get(doc) else {
            return Vec::new();
        };
        snippet::best_window(&self.index, &s.body.paragraphs(), &result.marks, words)
    }
}

#[cfg(test)]
mod tests;
