//! Related statements: for one statement, the few others nearest to it by
//! the entities they share and the distinctive words they have in common.
//!
//! Two kinds of evidence, each weighted by how rare it is in the archive
//! (inverse document frequency), so that sharing "Rohingya" counts for more
//! than sharing "IMA", which nearly every statement names:
//!
//! - **entities**: the topics, places, organizations and people both are
//!   tagged with, weighted [`ENTITY_WEIGHT`] times a word because tags are
//!   curated;
//! - **distinctive terms**: the [`TERMS`] terms of the statement's title,
//!   subtitle and text with the highest tf·idf that at least one other
//!   statement has and at most half the archive has (the rest say nothing
//!   about nearness); every statement holding one earns its idf.
//!
//! The work is one pass over the statements' tags and the index postings
//! of a few terms, so it stays in the low milliseconds at 10,000
//! statements and is done when a statement is opened, never ahead.
//!
//! The answer is deterministic: ties go to the statement nearer in time,
//! then to the older one.

use std::cmp::Ordering;

use crate::archive::Archive;
use crate::text::{fold, is_stop_word, term, tokens};

/// Statements returned at least, when that many share anything at all.
pub const MIN: usize = 3;
/// Statements returned at most.
pub const MAX: usize = 5;
/// Distinctive terms of the statement that are looked for in the others.
pub const TERMS: usize = 16;
/// What a shared entity is worth against a shared term of the same rarity.
pub const ENTITY_WEIGHT: f32 = 2.0;
/// Beyond the first [`MIN`], a statement is kept only when its score is at
/// least this share of the best one.
const KEEP_SHARE: f32 = 0.5;

/// The statements related to statement `doc` (positions in
/// [`Archive::statements`]), nearest first: [`MIN`] to [`MAX`] of them when
/// that many share an entity or a distinctive term with it, fewer when not,
/// never `doc` itself. Empty for a position outside the archive.
pub fn related(archive: &Archive, doc: usize) -> Vec<usize> {
    let scores = scores(archive, doc);
    let statements = archive.statements();
    let day = |i: usize| statements.get(i).map_or(0, |s| s.date.start().ordinal());
    let here = day(doc);
    let mut ranked: Vec<(f32, u32, usize)> = scores
        .into_iter()
        .enumerate()
        .filter(|&(i, score)| i != doc && score > 0.0)
        .map(|(i, score)| (score, day(i).abs_diff(here), i))
        .collect();
    best_first(&mut ranked);
    let best = ranked.first().map_or(0.0, |r| r.0);
    ranked
        .into_iter()
        .enumerate()
        .take_while(|&(rank, (score, _, _))| rank < MIN || score >= best * KEEP_SHARE)
        .take(MAX)
        .map(|(_, (_, _, i))| i)
        .collect()
}

/// Sorts `(score, tie, id)` by score, highest first, then by tie and id,
/// lowest first: a total order, so the result never depends on the input order.
fn best_first(items: &mut [(f32, u32, usize)]) {
    items.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
}

/// How near each statement is to statement `doc` (0 for no evidence and for
/// `doc` itself), in archive order.
pub fn scores(archive: &Archive, doc: usize) -> Vec<f32> {
    let statements = archive.statements();
    let n = statements.len();
    let mut scores = vec![0.0f32; n];
    let Some(source) = statements.get(doc) else {
        return scores;
    };

    // Entities: how many statements carry each of the source's tags, then
    // what each other statement shares. Tags are sorted, so a merge finds
    // the common ones.
    let mut df = vec![0u32; source.tags.len()];
    for s in statements {
        for_common(&source.tags, &s.tags, |k| {
            if let Some(d) = df.get_mut(k) {
                *d += 1;
            }
        });
    }
    let weights: Vec<f32> = df
        .iter()
        .map(|&d| ENTITY_WEIGHT * idf(n, d as usize))
        .collect();
    for (i, s) in statements.iter().enumerate() {
        if i == doc {
            continue;
        }
        let mut sum = 0.0;
        for_common(&source.tags, &s.tags, |k| {
            sum += weights.get(k).copied().unwrap_or(0.0)
        });
        if let Some(score) = scores.get_mut(i) {
            *score += sum;
        }
    }

    // Distinctive terms, found through the index's postings.
    let index = archive.index().index();
    for (t, weight) in distinctive_terms(archive, doc) {
        for posting in index.postings(t) {
            let i = posting.doc as usize;
            if i != doc {
                if let Some(score) = scores.get_mut(i) {
                    *score += weight;
                }
            }
        }
    }
    if let Some(own) = scores.get_mut(doc) {
        *own = 0.0;
    }
    scores
}

/// The source's [`TERMS`] most distinctive index terms with their idf, by
/// tf·idf (ties to the lower term number).
fn distinctive_terms(archive: &Archive, doc: usize) -> Vec<(u32, f32)> {
    let index = archive.index().index();
    let n = archive.len();
    let Some(source) = archive.statements().get(doc) else {
        return Vec::new();
    };
    let body = source.body.paragraphs();
    let texts = std::iter::once(&source.title)
        .chain(&source.subtitle)
        .chain(body.iter());
    let mut found: Vec<u32> = Vec::new();
    for text in texts {
        for token in tokens(text) {
            let folded = fold(token.text);
            if is_stop_word(&folded) {
                continue;
            }
            if let Some(t) = index.term_id(&term(&folded)) {
                found.push(t);
            }
        }
    }
    found.sort_unstable();
    // (tf·idf, 0, term) for terms shared with someone, held by at most half.
    let mut weighted: Vec<(f32, u32, usize)> = Vec::new();
    let df = |t: u32| index.df(t) as usize;
    for run in found.chunk_by(|a, b| a == b) {
        let Some(&t) = run.first() else { continue };
        if df(t) < 2 || df(t) * 2 > n {
            continue;
        }
        weighted.push((run.len() as f32 * idf(n, df(t)), 0, t as usize));
    }
    best_first(&mut weighted);
    weighted
        .into_iter()
        .take(TERMS)
        .map(|(_, _, t)| (t as u32, idf(n, df(t as u32))))
        .collect()
}

/// Inverse document frequency: `ln(1 + n / df)`, never negative.
fn idf(n: usize, df: usize) -> f32 {
    (1.0 + n as f32 / df.max(1) as f32).ln()
}

/// Calls `f(k)` for each `k` where `ours[k]` is also in `theirs` (both sorted).
fn for_common(ours: &[u16], theirs: &[u16], mut f: impl FnMut(usize)) {
    let (mut a, mut b) = (0, 0);
    while let (Some(x), Some(y)) = (ours.get(a), theirs.get(b)) {
        match x.cmp(y) {
            Ordering::Less => a += 1,
            Ordering::Greater => b += 1,
            Ordering::Equal => {
                f(a);
                a += 1;
                b += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive() -> Archive {
        crate::testing::archive().expect("embedded corpus")
    }

    fn position(archive: &Archive, id: &str) -> usize {
        archive.position(id).expect("statement in the corpus")
    }

    #[test]
    fn every_statement_gets_three_to_five_others_never_itself() {
        let archive = archive();
        for doc in 0..archive.len() {
            let found = related(&archive, doc);
            assert!(
                (MIN..=MAX).contains(&found.len()),
                "{}: {found:?}",
                archive.statements()[doc].id
            );
            assert!(!found.contains(&doc));
            let mut unique = found.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), found.len(), "no statement twice");
        }
    }

    #[test]
    fn the_two_statements_on_the_rohingya_at_sea_are_each_others_nearest() {
        let archive = archive();
        let asean = position(&archive, "2015-05-asean-save-the-rohingya-at-sea");
        let justice = position(&archive, "2015-05-justice-for-the-26");
        assert_eq!(related(&archive, asean).first(), Some(&justice));
        assert_eq!(related(&archive, justice).first(), Some(&asean));
    }

    #[test]
    fn nearest_come_first_by_score() {
        let archive = archive();
        for doc in 0..archive.len() {
            let scores = scores(&archive, doc);
            assert_eq!(scores[doc], 0.0, "a statement is not related to itself");
            let found = related(&archive, doc);
            for pair in found.windows(2) {
                assert!(scores[pair[0]] >= scores[pair[1]]);
            }
            // Nothing left out scores above anything kept.
            let lowest = found.iter().map(|&i| scores[i]).fold(f32::MAX, f32::min);
            for (i, &s) in scores.iter().enumerate() {
                if i != doc && !found.contains(&i) && found.len() < MAX {
                    assert!(s <= lowest || s < scores[found[0]] * KEEP_SHARE);
                }
            }
        }
    }

    #[test]
    fn the_withdrawal_from_the_compact_is_nearest_to_another_statement_on_it() {
        let archive = archive();
        let withdrawal = position(&archive, "2017-12-04-us-withdrawal-from-gcm");
        let found: Vec<&str> = related(&archive, withdrawal)
            .into_iter()
            .map(|i| archive.statements()[i].id.as_str())
            .collect();
        let gcm = archive
            .vocabulary()
            .entities
            .iter()
            .position(|e| e.slug == "global-compact-on-migration")
            .expect("the vocabulary names the GCM") as u16;
        let about_gcm: Vec<&str> = archive
            .statements()
            .iter()
            .filter(|s| s.tags.contains(&gcm) && s.id != "2017-12-04-us-withdrawal-from-gcm")
            .map(|s| s.id.as_str())
            .collect();
        assert!(!about_gcm.is_empty());
        assert!(
            about_gcm.contains(&found[0]),
            "nearest {found:?}, about the GCM {about_gcm:?}"
        );
    }

    #[test]
    fn the_answer_is_deterministic() {
        let archive = archive();
        for doc in 0..archive.len() {
            assert_eq!(related(&archive, doc), related(&archive, doc));
            assert_eq!(related(&archive, doc), related(&archive.clone(), doc));
        }
    }

    #[test]
    fn a_position_outside_the_archive_has_none() {
        let archive = archive();
        assert!(related(&archive, archive.len()).is_empty());
        assert!(related(&archive, usize::MAX).is_empty());
    }

    #[test]
    fn common_tags_merge() {
        let mut seen = Vec::new();
        for_common(&[1, 3, 5, 9], &[0, 3, 4, 5, 10], |k| seen.push(k));
        assert_eq!(seen, vec![1, 2]);
    }
}
