//! Matching and ranking: which statements a [`Query`] finds and how well.
//!
//! Each wanted word is expanded to the index terms it may mean, each with a
//! weight: its own term (1.0); for the word being typed, the terms of the
//! words it starts ([`PREFIX`]); and when neither exists, the terms of words
//! one or two edits away ([`TYPO_1`], [`TYPO_2`]). A statement must match
//! every word (by any expansion) and every phrase, and no exclusion.
//!
//! Statements are ranked first by how they matched, then by relevance. Each
//! word scores the tier of its best expansion in that statement (exact and
//! phrases [`EXACT`], then [`PREFIX`], [`TYPO_1`], [`TYPO_2`]), so a statement
//! with the whole word always outranks one with only a longer word it starts,
//! which outranks a typo, however rare those words are. Within a tier, the
//! sum over words and phrases of a BM25F score decides: term counts are
//! weighted by field ([`FIELD_WEIGHT`], the title highest) and normalized by
//! field length before saturation, so a word in a short title counts for more
//! than the same word once in a long body.
//!
//! The score is `tiers + bm25 / (bm25 + 10)`: the whole part orders tiers,
//! the fraction relevance within one, and equal inputs give equal scores.

use super::index::{positions, DocFields, Index, FIELDS};
use super::query::{Query, Word};
use crate::text::term;

/// Weight of a field's term counts: title, subtitle, entities, body.
pub const FIELD_WEIGHT: [f32; FIELDS] = [5.0, 2.5, 2.0, 1.0];
/// How much each field's length normalizes its counts (BM25's `b`).
const FIELD_B: [f32; FIELDS] = [0.3, 0.3, 0.5, 0.75];
/// BM25's saturation constant.
const K1: f32 = 1.2;
/// Tier of the word itself, and of a phrase.
pub const EXACT: u8 = 3;
/// Tier of a word that the typed word starts.
pub const PREFIX: u8 = 2;
/// Tier of a word one edit away.
pub const TYPO_1: u8 = 1;
/// Tier of a word two edits away.
pub const TYPO_2: u8 = 0;
/// Scale of the relevance fraction of a score (see the module docs).
const SQUASH: f32 = 10.0;
/// Most terms one typed word expands to (by prefix or typo).
const MAX_EXPANSIONS: usize = 32;
/// Most dictionary words a prefix scans before choosing the commonest.
const MAX_PREFIX_SCAN: usize = 4096;
/// Shortest typed word that matches as a prefix.
const MIN_PREFIX_CHARS: usize = 2;
/// Shortest words allowed one typo, and two.
const TYPO_1_CHARS: usize = 5;
const TYPO_2_CHARS: usize = 9;

/// An index term a typed word may mean.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Expansion {
    /// Term number.
    pub term: u32,
    /// How it was reached: [`EXACT`], [`PREFIX`], [`TYPO_1`] or [`TYPO_2`].
    pub tier: u8,
}

/// The outcome of running a query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ranking {
    /// Matching statements with their scores, in corpus order; `None` when
    /// the query constrains nothing.
    pub matches: Option<Vec<(usize, f32)>>,
    /// Every term a wanted word matched through, sorted.
    pub terms: Vec<u32>,
    /// The terms of every wanted phrase.
    pub phrases: Vec<Vec<u32>>,
}

/// The terms `word` may mean, best first.
pub fn expand(index: &Index, word: &Word) -> Vec<Expansion> {
    let mut out = Vec::new();
    let exact = index.term_id(&term(&word.folded));
    if let Some(t) = exact {
        out.push(Expansion {
            term: t,
            tier: EXACT,
        });
    }
    let chars = word.folded.chars().count();
    if word.prefix && chars >= MIN_PREFIX_CHARS {
        let mut found: Vec<(u32, u32)> = index
            .words_with_prefix(&word.folded)
            .take(MAX_PREFIX_SCAN)
            .map(|w| index.word_term(w))
            .filter(|&t| Some(t) != exact)
            .map(|t| (index.df(t), t))
            .collect();
        found.sort_unstable_by(|a, b| b.cmp(a));
        found.dedup_by_key(|f| f.1);
        out.extend(found.into_iter().take(MAX_EXPANSIONS).map(|(_, t)| Expansion {
            term: t,
            tier: PREFIX,
        }));
    }
    if out.is_empty() && chars >= TYPO_1_CHARS {
        let max = if chars >= TYPO_2_CHARS { 2 } else { 1 };
        out = typos(index, &word.folded, max, word.prefix);
    }
    out
}

/// Terms of words at most `max` edits from `typed` (from a start of them when
/// `prefix`), nearest and then commonest first.
fn typos(index: &Index, typed: &str, max: usize, prefix: bool) -> Vec<Expansion> {
    let typed: Vec<char> = typed.chars().collect();
    let mask = super::index::letter_mask_chars(&typed);
    let len = typed.len();
    let mut found: Vec<(usize, u32, u32)> = Vec::new();
    let mut row = Vec::new();
    let mut word = Vec::new();
    for w in 0..index.word_count() {
        let w_len = usize::from(index.word_chars(w));
        let w_mask = index.word_mask(w);
        let plausible = if prefix {
            w_len + max >= len && (mask & !w_mask).count_ones() as usize <= max
        } else {
            w_len.abs_diff(len) <= max && (mask ^ w_mask).count_ones() as usize <= 2 * max
        };
        if !plausible {
            continue;
        }
        word.clear();
        word.extend(index.word_text(w).chars());
        if let Some(d) = distance(&typed, &word, max, prefix, &mut row) {
            let t = index.word_term(w);
            found.push((d, u32::MAX - index.df(t), t));
        }
    }
    found.sort_unstable();
    let mut out: Vec<Expansion> = Vec::new();
    for (d, _, t) in found {
        if out.len() >= MAX_EXPANSIONS {
            break;
        }
        if out.iter().any(|e| e.term == t) {
            continue;
        }
        out.push(Expansion {
            term: t,
            tier: if d <= 1 { TYPO_1 } else { TYPO_2 },
        });
    }
    out
}

/// Levenshtein distance between `a` and `b` (or the nearest start of `b`,
/// when `prefix`) if at most `max`. `row` is scratch space.
pub fn distance(a: &[char], b: &[char], max: usize, prefix: bool, row: &mut Vec<usize>) -> Option<usize> {
    // row[j] = distance between the first i chars of a and the first j of b.
    row.clear();
    row.extend(0..=b.len());
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut best = row[0];
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            let cost = usize::from(ca != cb);
            let value = (diagonal + cost).min(above + 1).min(row[j] + 1);
            diagonal = above;
            row[j + 1] = value;
            best = best.min(value);
        }
        if best > max {
            return None;
        }
    }
    let d = if prefix {
        row.iter().copied().min().unwrap_or(usize::MAX)
    } else {
        row.last().copied().unwrap_or(usize::MAX)
    };
    (d <= max).then_some(d)
}

/// BM25F score of a term (or phrase) found in `df` statements, `tf` times per
/// field of statement `doc`.
fn bm25(index: &Index, df: usize, tf: [u32; FIELDS], doc: &DocFields) -> f32 {
    let n = index.docs.len() as f32;
    let df = df as f32;
    let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
    let mut weighted = 0.0;
    for f in 0..FIELDS {
        if tf[f] == 0 {
            continue;
        }
        let norm = 1.0 - FIELD_B[f] + FIELD_B[f] * doc.len[f] as f32 / index.avg_len[f];
        weighted += FIELD_WEIGHT[f] * tf[f] as f32 / norm;
    }
    idf * weighted * (K1 + 1.0) / (K1 + weighted)
}

/// Statements containing the phrase `terms`, with its count per field.
fn phrase_matches(index: &Index, terms: &[u32]) -> Vec<(u32, [u32; FIELDS])> {
    let lists: Vec<Vec<super::index::Posting<'_>>> =
        terms.iter().map(|&t| index.postings(t).collect()).collect();
    let Some(driver) = lists.iter().min_by_key(|l| l.len()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut starts: Vec<u32> = Vec::new();
    let mut next: Vec<u32> = Vec::new();
    'docs: for p in driver {
        let mut slices = Vec::with_capacity(lists.len());
        for list in &lists {
            match list.binary_search_by_key(&p.doc, |q| q.doc) {
                Ok(i) => slices.push(list[i].positions),
                Err(_) => continue 'docs,
            }
        }
        starts.clear();
        starts.extend(positions(slices[0]));
        for (offset, slice) in slices.iter().enumerate().skip(1) {
            next.clear();
            let mut theirs = positions(slice).peekable();
            for &s in &starts {
                let want = s + offset as u32;
                while theirs.peek().is_some_and(|&q| q < want) {
                    theirs.next();
                }
                if theirs.peek() == Some(&want) {
                    next.push(s);
                }
            }
            std::mem::swap(&mut starts, &mut next);
            if starts.is_empty() {
                continue 'docs;
            }
        }
        let Some(fields) = index.docs.get(p.doc as usize) else {
            continue;
        };
        let mut tf = [0; FIELDS];
        for &s in &starts {
            tf[fields.field_of(s)] += 1;
        }
        out.push((p.doc, tf));
    }
    out.sort_unstable_by_key(|m| m.0);
    out
}

/// The terms of a phrase's words, if every one is in the index.
fn phrase_terms(index: &Index, words: &[String]) -> Option<Vec<u32>> {
    words.iter().map(|w| index.term_id(&term(w))).collect()
}

/// Runs `query` over `index`.
pub fn rank(index: &Index, query: &Query) -> Ranking {
    if query.is_empty() {
        return Ranking::default();
    }
    let n = index.docs.len();
    let mut ranking = Ranking::default();

    let mut excluded = vec![false; n];
    for w in &query.excluded_words {
        if let Some(t) = index.term_id(&term(w)) {
            for p in index.postings(t) {
                if let Some(x) = excluded.get_mut(p.doc as usize) {
                    *x = true;
                }
            }
        }
    }
    for phrase in &query.excluded_phrases {
        if let Some(terms) = phrase_terms(index, phrase) {
            for (doc, _) in phrase_matches(index, &terms) {
                if let Some(x) = excluded.get_mut(doc as usize) {
                    *x = true;
                }
            }
        }
    }

    // Every statement's score and the number of clauses it matched so far;
    // a statement stays in only while it has matched every clause.
    let mut score = vec![0f32; n];
    let mut tiers = vec![0u32; n];
    let mut matched = vec![0u16; n];
    let mut clauses: u16 = 0;
    // Best (tier, score) of the current word in each statement.
    let mut best: Vec<Option<(u8, f32)>> = vec![None; n];
    let mut touched: Vec<u32> = Vec::new();

    for word in &query.words {
        let expansions = expand(index, word);
        touched.clear();
        for e in &expansions {
            ranking.terms.push(e.term);
            let df = index.df(e.term) as usize;
            for p in index.postings(e.term) {
                let (Some(slot), Some(fields)) =
                    (best.get_mut(p.doc as usize), index.docs.get(p.doc as usize))
                else {
                    continue;
                };
                let here = (e.tier, bm25(index, df, p.tf, fields));
                match slot {
                    None => {
                        touched.push(p.doc);
                        *slot = Some(here);
                    }
                    Some(old) if (here.0, here.1) > (old.0, old.1) => *slot = Some(here),
                    Some(_) => {}
                }
            }
        }
        for &doc in &touched {
            let d = doc as usize;
            if let Some((tier, s)) = best[d].take() {
                if matched[d] == clauses {
                    matched[d] += 1;
                    tiers[d] += u32::from(tier);
                    score[d] += s;
                }
            }
        }
        clauses += 1;
    }

    for phrase in &query.phrases {
        let Some(terms) = phrase_terms(index, phrase) else {
            clauses += 1;
            continue;
        };
        let found = phrase_matches(index, &terms);
        for &(doc, tf) in &found {
            let d = doc as usize;
            let Some(fields) = index.docs.get(d) else {
                continue;
            };
            if matched[d] == clauses {
                matched[d] += 1;
                tiers[d] += u32::from(EXACT);
                score[d] += bm25(index, found.len(), tf, fields);
            }
        }
        ranking.phrases.push(terms);
        clauses += 1;
    }

    ranking.terms.sort_unstable();
    ranking.terms.dedup();
    ranking.matches = Some(
        (0..n)
            .filter(|&d| matched[d] == clauses && !excluded[d])
            .map(|d| (d, tiers[d] as f32 + score[d] / (score[d] + SQUASH)))
            .collect(),
    );
    ranking
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str, max: usize, prefix: bool) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        distance(&a, &b, max, prefix, &mut Vec::new())
    }

    #[test]
    fn edit_distance_is_bounded() {
        assert_eq!(d("rohinga", "rohingya", 1, false), Some(1));
        assert_eq!(d("tralficking", "trafficking", 2, false), Some(1));
        assert_eq!(d("migrants", "migrants", 1, false), Some(0));
        assert_eq!(d("kitten", "sitting", 2, false), None);
        assert_eq!(d("kitten", "sitting", 3, false), Some(3));
        assert_eq!(d("tralf", "trafficking", 1, true), Some(1));
        assert_eq!(d("tralf", "trafficking", 1, false), None);
        assert_eq!(d("", "abc", 1, true), Some(0));
    }
}
