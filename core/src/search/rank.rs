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

use super::index::{DocFields, Index, Positions, Postings, FIELDS};
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
    // A word still being typed matches as a prefix from its first letter, so
    // the first key already narrows the list (to the statements with the
    // commonest words it starts).
    if word.prefix {
        // Commonest first: (df, term) packed in a u64, sorted descending.
        let mut found: Vec<u64> = index
            .words_with_prefix(&word.folded)
            .take(MAX_PREFIX_SCAN)
            .map(|w| index.word_term(w))
            .filter(|&t| Some(t) != exact)
            .map(|t| u64::from(index.df(t)) << 32 | u64::from(t))
            .collect();
        found.sort_unstable();
        found.dedup();
        out.extend(
            found
                .into_iter()
                .rev()
                .take(MAX_EXPANSIONS)
                .map(|key| Expansion {
                    term: key as u32,
                    tier: PREFIX,
                }),
        );
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
    // (distance, rarity, term) packed in a u64: nearest, then commonest first.
    let mut found: Vec<u64> = Vec::new();
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
            let rarity = 0x00ff_ffff - index.df(t).min(0x00ff_ffff);
            found.push((d.min(0xff) as u64) << 56 | u64::from(rarity) << 32 | u64::from(t));
        }
    }
    found.sort_unstable();
    let mut out: Vec<Expansion> = Vec::new();
    for key in found {
        let (d, t) = (key >> 56, key as u32);
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

/// Edit distance between `a` and `b` (or the nearest start of `b`, when
/// `prefix`) if at most `max`. Edits are inserting, deleting or replacing a
/// character, or swapping two adjacent ones ("warnign"), the commonest typo
/// (optimal string alignment distance). `rows` is scratch space.
pub fn distance(
    a: &[char],
    b: &[char],
    max: usize,
    prefix: bool,
    rows: &mut Vec<usize>,
) -> Option<usize> {
    let w = b.len() + 1;
    rows.clear();
    rows.resize(3 * w, 0);
    // Three rows of the matrix: two back, previous, current.
    let (mut back, mut prev, mut cur) = (0, w, 2 * w);
    for j in 0..w {
        rows[prev + j] = j;
    }
    let mut best_prev = 0;
    for i in 1..=a.len() {
        rows[cur] = i;
        let mut best = i;
        for j in 1..w {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[prev + j - 1] + cost)
                .min(rows[prev + j] + 1)
                .min(rows[cur + j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[back + j - 2] + 1);
            }
            rows[cur + j] = v;
            best = best.min(v);
        }
        // A swap reaches two rows back, so stop only when both rows are out.
        if best > max && best_prev > max {
            return None;
        }
        best_prev = best;
        (back, prev, cur) = (prev, cur, back);
    }
    let last = &rows[prev..prev + w];
    let d = if prefix {
        last.iter().copied().min().unwrap_or(usize::MAX)
    } else {
        last.last().copied().unwrap_or(usize::MAX)
    };
    (d <= max).then_some(d)
}

/// BM25's inverse document frequency of a term in `df` of `n` statements.
fn idf(n: usize, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// BM25F score of a term (or phrase) of inverse document frequency `idf`
/// found `tf` times per field of a statement whose field factors (field
/// weight over length normalization, see [`field_factors`]) are `factors`.
fn bm25(idf: f32, tf: [u32; FIELDS], factors: &[f32; FIELDS]) -> f32 {
    let mut weighted = 0.0;
    for f in 0..FIELDS {
        weighted += factors[f] * tf[f] as f32;
    }
    idf * weighted * (K1 + 1.0) / (K1 + weighted)
}

/// Per statement and field, the field's weight divided by its BM25 length
/// normalization: what one occurrence there is worth before saturation.
pub fn field_factors(index: &Index) -> Vec<[f32; FIELDS]> {
    index
        .docs
        .iter()
        .map(|d: &DocFields| {
            let mut out = [0.0; FIELDS];
            for f in 0..FIELDS {
                let norm = 1.0 - FIELD_B[f] + FIELD_B[f] * d.len[f] as f32 / index.avg_len[f];
                out[f] = FIELD_WEIGHT[f] / norm;
            }
            out
        })
        .collect()
}

/// One word of a phrase being matched: its statement list with the current,
/// not yet passed, statement and count of positions there, its positions in
/// step, and its place in the phrase.
struct Cursor<'a> {
    postings: Postings<'a>,
    positions: Positions<'a>,
    current: Option<(u32, u32)>,
    offset: u32,
    df: u32,
}

/// Statements accepted by `wanted` containing the phrase `terms`, with its
/// count per field, in corpus order.
///
/// The rarest word leads: only statements holding every word are candidates,
/// and only there are positions decoded, each word's just far enough to
/// check the starts its rarer words left; elsewhere they are skipped.
fn phrase_matches(
    index: &Index,
    terms: &[u32],
    wanted: &dyn Fn(usize) -> bool,
) -> Vec<(u32, [u32; FIELDS])> {
    let mut out = Vec::new();
    let mut words: Vec<Cursor<'_>> = Vec::with_capacity(terms.len());
    for (offset, &t) in terms.iter().enumerate() {
        let mut postings = index.postings(t);
        let current = postings.next().map(|p| (p.doc, p.count()));
        let cursor = Cursor {
            postings,
            positions: index.positions(t),
            current,
            offset: offset as u32,
            df: index.df(t),
        };
        // Rarest first, by insertion: phrases are a few words.
        words.push(cursor);
        let mut at = words.len() - 1;
        while at > 0 && words.get(at - 1).map(|w| w.df) > words.get(at).map(|w| w.df) {
            words.swap(at - 1, at);
            at -= 1;
        }
    }
    let Some((lead, others)) = words.split_first_mut() else {
        return out;
    };
    let mut starts: Vec<u32> = Vec::new();
    while let Some((doc, count)) = lead.current {
        lead.current = lead.postings.next().map(|p| (p.doc, p.count()));
        let mut everywhere = wanted(doc as usize);
        for w in others.iter_mut() {
            while let Some((_, theirs)) = w.current.filter(|&(d, _)| d < doc) {
                w.positions.skip(theirs);
                w.current = w.postings.next().map(|p| (p.doc, p.count()));
            }
            match w.current {
                Some((d, _)) if d == doc => {}
                Some(_) => everywhere = false,
                None => return out,
            }
        }
        if !everywhere {
            lead.positions.skip(count);
            continue;
        }
        // Where the phrase would start, from the leading word's positions.
        lead.positions.read(count, &mut starts);
        if lead.offset > 0 {
            let mut kept = 0;
            for i in 0..starts.len() {
                if let Some(s) = starts.get(i).and_then(|s| s.checked_sub(lead.offset)) {
                    if let Some(slot) = starts.get_mut(kept) {
                        *slot = s;
                    }
                    kept += 1;
                }
            }
            starts.truncate(kept);
        }
        for w in others.iter_mut() {
            let theirs = w.current.map_or(0, |(_, c)| c);
            w.current = w.postings.next().map(|p| (p.doc, p.count()));
            if starts.is_empty() {
                w.positions.skip(theirs);
            } else {
                w.positions.keep_followed(theirs, w.offset, &mut starts);
            }
        }
        if starts.is_empty() {
            continue;
        }
        let Some(fields) = index.docs.get(doc as usize) else {
            continue;
        };
        let mut tf = [0; FIELDS];
        for &s in &starts {
            tf[fields.field_of(s)] += 1;
        }
        out.push((doc, tf));
    }
    out
}

/// The terms of a phrase's words, if every one is in the index.
fn phrase_terms(index: &Index, words: &[String]) -> Option<Vec<u32>> {
    // A loop: collecting into an `Option` is several times the code.
    let mut terms = Vec::with_capacity(words.len());
    for w in words {
        terms.push(index.term_id(&term(w))?);
    }
    Some(terms)
}

/// A wanted word or phrase, analysed.
enum Clause {
    /// A word's expansions (none: it matches nothing).
    Word(Vec<Expansion>),
    /// A phrase's terms (`None`: a word of it is in no statement).
    Phrase(Option<Vec<u32>>),
}

impl Clause {
    /// How many statements it may touch: the cheapest and most selective
    /// clauses run first, so later ones only score the survivors.
    fn cost(&self, index: &Index) -> u64 {
        match self {
            Clause::Word(expansions) => {
                expansions.iter().map(|e| u64::from(index.df(e.term))).sum()
            }
            Clause::Phrase(None) => 0,
            Clause::Phrase(Some(terms)) => terms
                .iter()
                .map(|&t| u64::from(index.df(t)))
                .min()
                .unwrap_or(0),
        }
    }
}

/// Runs `query` over `index`; `factors` are [`field_factors`] of `index`.
pub fn rank(index: &Index, factors: &[[f32; FIELDS]], query: &Query) -> Ranking {
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
            for (doc, _) in phrase_matches(index, &terms, &|d| !excluded[d]) {
                if let Some(x) = excluded.get_mut(doc as usize) {
                    *x = true;
                }
            }
        }
    }

    let mut clauses: Vec<Clause> = Vec::new();
    for word in &query.words {
        let expansions = expand(index, word);
        ranking.terms.extend(expansions.iter().map(|e| e.term));
        clauses.push(Clause::Word(expansions));
    }
    for phrase in &query.phrases {
        let terms = phrase_terms(index, phrase);
        if let Some(terms) = &terms {
            ranking.phrases.push(terms.clone());
        }
        clauses.push(Clause::Phrase(terms));
    }
    sort_dedup_terms(&mut ranking.terms);
    // Cheapest first: (cost, position) packed in a u64.
    let mut order: Vec<u64> = clauses
        .iter()
        .enumerate()
        .map(|(i, c)| c.cost(index).min(1 << 47) << 16 | i as u64)
        .collect();
    order.sort_unstable();

    // Every statement's tiers, score and number of clauses matched so far; a
    // statement stays in only while it has matched every clause, so only
    // those are scored.
    let mut score = vec![0f32; n];
    let mut tiers = vec![0u32; n];
    let mut matched = vec![0u16; n];
    let mut done: u16 = 0;
    // Best (tier, score) of the current word in each statement.
    let mut best: Vec<Option<(u8, f32)>> = vec![None; n];
    let mut touched: Vec<u32> = Vec::new();
    for clause in order
        .iter()
        .filter_map(|k| clauses.get((k & 0xffff) as usize))
    {
        let mut survivors = 0usize;
        match clause {
            Clause::Word(expansions) => {
                touched.clear();
                for e in expansions {
                    let idf = idf(n, index.df(e.term) as usize);
                    for p in index.postings(e.term) {
                        let d = p.doc as usize;
                        if matched.get(d) != Some(&done) || excluded[d] {
                            continue;
                        }
                        let (Some(slot), Some(factors)) = (best.get_mut(d), factors.get(d)) else {
                            continue;
                        };
                        let here = (e.tier, bm25(idf, p.tf, factors));
                        match slot {
                            None => {
                                touched.push(p.doc);
                                *slot = Some(here);
                            }
                            Some(old) if here > *old => *slot = Some(here),
                            Some(_) => {}
                        }
                    }
                }
                for &doc in &touched {
                    let d = doc as usize;
                    if let Some((tier, s)) = best[d].take() {
                        matched[d] += 1;
                        tiers[d] += u32::from(tier);
                        score[d] += s;
                        survivors += 1;
                    }
                }
            }
            Clause::Phrase(None) => {}
            Clause::Phrase(Some(terms)) => {
                let found = phrase_matches(index, terms, &|d| matched[d] == done && !excluded[d]);
                let idf = idf(n, found.len());
                for &(doc, tf) in &found {
                    let d = doc as usize;
                    let Some(factors) = factors.get(d) else {
                        continue;
                    };
                    matched[d] += 1;
                    tiers[d] += u32::from(EXACT);
                    score[d] += bm25(idf, tf, factors);
                    survivors += 1;
                }
            }
        }
        done += 1;
        if survivors == 0 {
            ranking.matches = Some(Vec::new());
            return ranking;
        }
    }

    ranking.matches = Some(
        (0..n)
            .filter(|&d| matched[d] == done && !excluded[d])
            .map(|d| (d, tiers[d] as f32 + score[d] / (score[d] + SQUASH)))
            .collect(),
    );
    ranking
}

/// Sorts `terms` and drops repeats. Term ids are sorted as `u64` keys, like
/// every other sort in search: each element type sorted is its own few KB of
/// code in the module.
pub(crate) fn sort_dedup_terms(terms: &mut Vec<u32>) {
    let mut keys: Vec<u64> = terms.iter().map(|&t| u64::from(t)).collect();
    keys.sort_unstable();
    keys.dedup();
    terms.clear();
    terms.extend(keys.into_iter().map(|k| k as u32));
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
    fn terms_sort_and_lose_repeats() {
        let mut terms = vec![7, u32::MAX, 0, 7, 3, u32::MAX];
        sort_dedup_terms(&mut terms);
        assert_eq!(terms, [0, 3, 7, u32::MAX]);
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
        assert_eq!(d("warnign", "warning", 1, false), Some(1));
        assert_eq!(d("rohnigya", "rohingya", 1, false), Some(1));
        assert_eq!(d("abc", "", 2, false), None);
        assert_eq!(d("abc", "", 3, false), Some(3));
    }
}
