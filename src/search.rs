//! Full-text search over the corpus.
//!
//! PROVISIONAL: this naive implementation (every typed word must occur as a
//! folded token) only fixes the interface the rest of the crate builds on;
//! the ranked engine of DESIGN.md §2 replaces it behind the same signatures.

use crate::corpus::Corpus;
use crate::response::{QuerySummary, Segment};
use crate::text::{fold, tokens};

/// What a text query matched.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextResult {
    /// What was understood of the query.
    pub query: QuerySummary,
    /// Matching statements (indexes into `Corpus::statements`) with their
    /// relevance, in no particular order; `None` when the query constrains
    /// nothing (empty text), so every statement matches with score 0.
    pub matches: Option<Vec<(usize, f32)>>,
}

/// The search index of a corpus.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    docs: Vec<Vec<String>>,
}

impl SearchIndex {
    /// Indexes every statement of `corpus`.
    pub fn new(corpus: &Corpus) -> SearchIndex {
        let docs = corpus
            .statements
            .iter()
            .map(|s| {
                let mut words: Vec<String> = tokens(&s.title).map(|t| fold(t.text)).collect();
                for p in &s.body {
                    words.extend(tokens(p).map(|t| fold(t.text)));
                }
                words
            })
            .collect();
        SearchIndex { docs }
    }

    /// Runs a text query.
    pub fn search(&self, text: &str) -> TextResult {
        let terms: Vec<String> = tokens(text).map(|t| fold(t.text)).collect();
        if terms.is_empty() {
            return TextResult::default();
        }
        let matches = self
            .docs
            .iter()
            .enumerate()
            .filter(|(_, words)| terms.iter().all(|t| words.contains(t)))
            .map(|(i, _)| (i, 1.0))
            .collect();
        TextResult {
            query: QuerySummary {
                terms,
                ..QuerySummary::default()
            },
            matches: Some(matches),
        }
    }

    /// `text` split into segments, the words matched by `result` marked.
    pub fn highlight(&self, text: &str, result: &TextResult) -> Vec<Segment> {
        let mut out = Vec::new();
        let mut last = 0;
        for t in tokens(text) {
            if result.query.terms.contains(&fold(t.text)) {
                if t.start > last {
                    out.push(Segment {
                        text: text[last..t.start].into(),
                        matched: false,
                    });
                }
                out.push(Segment {
                    text: t.text.into(),
                    matched: true,
                });
                last = t.end;
            }
        }
        if last < text.len() {
            out.push(Segment {
                text: text[last..].into(),
                matched: false,
            });
        }
        out
    }

    /// About `words` words of statement `doc` around its best match (or its
    /// opening), matches marked.
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
        let text: String = s.body.first().cloned().unwrap_or_default();
        let end = tokens(&text).nth(words).map_or(text.len(), |t| t.start);
        self.highlight(&text[..end], result)
    }
}
