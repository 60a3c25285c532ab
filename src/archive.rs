//! The archive: the embedded corpus, ready to be queried.

use crate::corpus::{Corpus, DecodeError};
use crate::filter::FilterIndex;
use crate::lang::Lang;
use crate::record::{StatementRecord, SummaryRecord};
use crate::search::SearchIndex;
use crate::statement::Statement;
use crate::vocabulary::Vocabulary;

/// The corpus compiled into the library by `build.rs` (layout in
/// [`crate::corpus::blob`]). The search index is not shipped: it is built
/// here when the archive loads.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// A queryable set of statements.
#[derive(Debug, Clone)]
pub struct Archive {
    corpus: Corpus,
    index: SearchIndex,
    filters: FilterIndex,
}

impl Archive {
    /// An archive of `corpus`.
    pub fn new(corpus: Corpus) -> Archive {
        let index = SearchIndex::new(&corpus);
        let filters = FilterIndex::new(&corpus);
        Archive {
            corpus,
            index,
            filters,
        }
    }

    /// The archive compiled into the library.
    pub fn embedded() -> Result<Archive, DecodeError> {
        #[cfg(ima_symbols)]
        let (corpus, index) = {
            let (corpus, bodies) = crate::corpus::blob::decode_with_bodies(EMBEDDED)?;
            let index = match bodies {
                Some(bodies) => SearchIndex::from_symbols(&corpus, &bodies),
                None => SearchIndex::new(&corpus),
            };
            (corpus, index)
        };
        // A small archive's module reads no symbols (see
        // `crate::corpus::blob::SYMBOLS`).
        #[cfg(not(ima_symbols))]
        let (corpus, index) = {
            let corpus = Corpus::from_bytes(EMBEDDED)?;
            let index = SearchIndex::new(&corpus);
            (corpus, index)
        };
        let filters = FilterIndex::new(&corpus);
        Ok(Archive {
            corpus,
            index,
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

    /// The full-text index.
    pub fn index(&self) -> &SearchIndex {
        &self.index
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
}
