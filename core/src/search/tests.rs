//! Behaviour of the engine on small hand-made corpora.

use super::*;
use crate::date::PartialDate;
use crate::statement::Statement;
use crate::vocabulary::{Entity, Facet, Vocabulary};

/// A statement of 2015 with this title, body and tags (also used by the
/// index's own tests).
pub(super) fn statement(id: &str, title: &str, body: &[&str], tags: &[u16]) -> Statement {
    Statement {
        id: id.into(),
        title: title.into(),
        subtitle: None,
        kind: "statement".into(),
        date: PartialDate::parse("2015").expect("valid date"),
        approximate: None,
        signatories: Vec::new(),
        source: "test".into(),
        excerpt: false,
        related: Vec::new(),
        tags: tags.to_vec(),
        body: body
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .into(),
    }
}

fn corpus() -> Corpus {
    let vocabulary = Vocabulary {
        kinds: Vec::new(),
        entities: vec![Entity {
            facet: Facet::Topic,
            slug: "gcm".into(),
            label: "Global Compact on Migration".into(),
            aliases: vec!["GCM".into()],
            broader: None,
        }],
    };
    // Corpus::new keeps this order: equal dates, ids sorted.
    Corpus::new(
        vec![
            statement(
                "a",
                "Workers of the sea",
                &["Fishers and seafarers at sea."],
                &[],
            ),
            statement(
                "b",
                "A note",
                &["Migrant workers organize.", "Sea levels rise."],
                &[],
            ),
            statement(
                "c",
                "Engagement",
                &["The Global Compact on Migration is signed."],
                &[0],
            ),
            statement(
                "d",
                "Warning",
                &["A warning about the crisis of the sea."],
                &[],
            ),
        ],
        vocabulary,
    )
}

fn ids(index: &SearchIndex, corpus: &Corpus, text: &str) -> Vec<String> {
    let mut m = index.search(text).matches.unwrap_or_default();
    m.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
    m.iter()
        .map(|&(d, _)| corpus.statements[d].id.clone())
        .collect()
}

#[test]
fn the_title_outweighs_the_body() {
    let c = corpus();
    let index = SearchIndex::new(&c);
    assert_eq!(ids(&index, &c, "workers "), ["a", "b"]);
}

#[test]
fn phrases_do_not_run_across_paragraphs() {
    let c = corpus();
    let index = SearchIndex::new(&c);
    assert_eq!(ids(&index, &c, "\"organize sea\""), Vec::<String>::new());
    assert_eq!(ids(&index, &c, "\"migrant worker\""), ["b"]);
}

#[test]
fn an_alias_finds_statements_tagged_with_its_entity() {
    let c = corpus();
    let index = SearchIndex::new(&c);
    assert_eq!(ids(&index, &c, "GCM"), ["c"]);
    let result = index.search("GCM");
    let marked: Vec<String> = index
        .snippet(&c, 2, &result, 30)
        .into_iter()
        .filter(|s| s.matched)
        .map(|s| s.text)
        .collect();
    assert_eq!(marked, ["Global Compact on Migration"]);
}

#[test]
fn short_words_need_an_exact_match() {
    let c = corpus();
    let index = SearchIndex::new(&c);
    // "sae" is one edit from "sea" but too short for a typo.
    assert!(ids(&index, &c, "sae ").is_empty());
    // "warnign" is long enough: one typo away from "warning".
    assert_eq!(ids(&index, &c, "warnign "), ["d"]);
}

#[test]
fn a_single_letter_being_typed_is_a_prefix() {
    let c = corpus();
    let index = SearchIndex::new(&c);
    // The first key of a search narrows the list rather than emptying it:
    // "w" finds "Workers", "workers" and "warning".
    let mut found = ids(&index, &c, "w");
    found.sort();
    assert_eq!(found, ["a", "b", "d"]);
    assert_eq!(ids(&index, &c, "wa"), ["d"]);
    // Once the word is ended it is a whole word, which none has.
    assert!(ids(&index, &c, "w ").is_empty());
}

#[test]
fn scores_are_deterministic() {
    let c = corpus();
    let a = SearchIndex::new(&c).search("sea workers");
    let b = SearchIndex::new(&c).search("sea workers");
    assert_eq!(a, b);
}

#[test]
fn an_empty_query_constrains_nothing() {
    let c = corpus();
    let index = SearchIndex::new(&c);
    assert_eq!(index.search("").matches, None);
    assert_eq!(index.search(" \"\" ").matches, None);
    assert_eq!(ids(&index, &c, "-sea").len(), 1);
}

/// Statements where the rarer word of a phrase comes second, so it leads
/// the match, and where every word occurs but never next to each other.
fn phrase_corpus() -> Corpus {
    Corpus::new(
        vec![
            statement(
                "a",
                "Rights",
                &["Human rights for every worker.", "Human dignity, rights."],
                &[],
            ),
            statement(
                "b",
                "Human",
                &["Rights first, human next.", "Rights workers human."],
                &[],
            ),
            statement(
                "c",
                "Human human",
                &["Human human rights defenders.", "Workers rights."],
                &[],
            ),
            statement("d", "Rights rights", &["Rights rights rights."], &[]),
        ],
        Vocabulary::default(),
    )
}

#[test]
fn phrase_words_that_never_touch_do_not_match() {
    let c = phrase_corpus();
    let index = SearchIndex::new(&c);
    // Both words are in "b", in the title and body, but never in this order
    // side by side.
    assert_eq!(ids(&index, &c, "\"human rights\""), ["c", "a"]);
    assert_eq!(ids(&index, &c, "\"rights human\""), Vec::<String>::new());
    assert_eq!(ids(&index, &c, "\"rights workers human\""), ["b"]);
    assert_eq!(
        ids(&index, &c, "\"rights human workers\""),
        Vec::<String>::new()
    );
}

#[test]
fn a_phrase_matches_whichever_of_its_words_is_rarest() {
    let c = phrase_corpus();
    let index = SearchIndex::new(&c);
    // "defenders" is in one statement, "human" in three: the rare last word
    // leads, and the match still starts at "human".
    assert_eq!(ids(&index, &c, "\"human rights defenders\""), ["c"]);
    assert_eq!(ids(&index, &c, "\"human human rights\""), ["c"]);
    assert_eq!(ids(&index, &c, "\"rights rights rights\""), ["d"]);
    assert_eq!(
        ids(&index, &c, "\"rights rights rights rights\""),
        Vec::<String>::new()
    );
    // Across stemming: "worker" and "workers" are one term.
    assert_eq!(ids(&index, &c, "\"worker right\""), ["c"]);
    assert_eq!(ids(&index, &c, "-\"human rights\""), ["d", "b"]);
}
