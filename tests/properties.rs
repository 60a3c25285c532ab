//! Any input is a query, any text can be highlighted and a damaged corpus
//! blob is refused or read, and indexed: no panic, whatever the bytes.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use ima_statements::archive::Archive;
use ima_statements::corpus::blob;
use ima_statements::search::query::{parse, MAX_CLAUSES, MAX_PHRASE_WORDS};
use ima_statements::search::SearchIndex;
use proptest::prelude::*;

fn archive() -> &'static Archive {
    static ARCHIVE: OnceLock<Archive> = OnceLock::new();
    ARCHIVE
        .get_or_init(|| ima_statements::archive::embedded().expect("the embedded corpus decodes"))
}

/// Pieces of queries: syntax, real words, prefixes, typos, emoji, right-to-left
/// text, control and invisible characters, arbitrary text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("-".to_string()),
        Just(" ".to_string()),
        Just("“".to_string()),
        Just("rohingya".to_string()),
        Just("migra".to_string()),
        Just("tralficking".to_string()),
        Just("GCM".to_string()),
        Just("the".to_string()),
        Just("26".to_string()),
        Just("👩🏽‍🌾🇵🇭".to_string()),
        Just("العمال المهاجرين".to_string()),
        Just("עובדים".to_string()),
        Just("\u{0}\u{7}\u{1b}[31m\u{202e}\u{200b}\u{feff}".to_string()),
        Just("e\u{301}\u{301}\u{301}".to_string()),
        "\\PC{0,12}",
        any::<String>(),
    ]
}

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|p| p.concat())
}

fn check_search(text: &str) {
    let archive = archive();
    let index = archive.index();
    let result = index.search(text);
    let q = &result.query;
    assert!(q.terms.len() + q.phrases.len() + q.excluded.len() <= MAX_CLAUSES);
    if let Some(matches) = &result.matches {
        for &(doc, score) in matches {
            assert!(doc < archive.len());
            assert!(score.is_finite() && score >= 0.0);
        }
        for &(doc, _) in matches.iter().take(3) {
            let snippet = index.snippet(archive.corpus(), doc, &result, 30);
            assert!(!snippet.is_empty());
            let title = &archive.statements()[doc].title;
            let segments = index.highlight(title, &result);
            let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
            assert_eq!(&joined, title);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_query_parses_within_bounds(text in query()) {
        let q = parse(&text);
        prop_assert!(q.words.len() + q.phrases.len() + q.excluded_words.len() + q.excluded_phrases.len() <= MAX_CLAUSES);
        prop_assert!(q.phrases.iter().chain(&q.excluded_phrases).all(|p| p.len() <= MAX_PHRASE_WORDS && !p.is_empty()));
        prop_assert!(q.words.iter().all(|w| !w.folded.is_empty()));
    }

    #[test]
    fn any_query_searches(text in query()) {
        check_search(&text);
    }

    #[test]
    fn any_text_highlights_verbatim(text in "\\PC{0,200}", q in query()) {
        let index = archive().index();
        let result = index.search(&q);
        let joined: String = index.highlight(&text, &result).iter().map(|s| s.text.as_str()).collect();
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn a_damaged_corpus_blob_never_panics(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8), cut in any::<prop::sample::Index>()) {
        let archive = archive();
        // The paragraphs as symbols, as a large archive ships them.
        static BLOB: OnceLock<Vec<u8>> = OnceLock::new();
        let mut blob = BLOB.get_or_init(|| blob::encode_as(archive.corpus(), true)).clone();
        for (at, byte) in flips {
            let i = at.index(blob.len());
            blob[i] = byte;
        }
        if cut.index(4) == 0 {
            let keep = cut.index(blob.len());
            blob.truncate(keep);
        }
        if let Ok((corpus, Some(bodies))) = blob::decode_with_bodies(&blob) {
            let index = SearchIndex::from_symbols(&corpus, &bodies);
            for text in ["rohingya", "\"human rights\"", "migr", "tralficking -war"] {
                let result = index.search(text);
                if let Some(matches) = &result.matches {
                    for &(doc, _) in matches.iter().take(2) {
                        index.snippet(&corpus, doc, &result, 30);
                    }
                }
            }
        }
    }
}

#[test]
fn huge_and_strange_queries_are_answered() {
    let long_words = "rohingya ".repeat(1200);
    let long_word = "a".repeat(10_000);
    let quotes = "\"".repeat(10_000);
    let dashes = "-".repeat(10_000);
    let mixed: String = "-\"migrants“ rohin 👩🏽‍🌾 العمال \u{0} ".repeat(300);
    for text in [
        &long_words,
        &long_word,
        &quotes,
        &dashes,
        &mixed,
        "",
        "   ",
        "?!…",
        "\"\"",
        "-\"\"",
    ] {
        check_search(text);
    }
    let q = archive().index().search(&long_words).query;
    assert_eq!(q.terms.len(), MAX_CLAUSES);
}

#[test]
fn the_index_read_from_symbols_is_the_index_of_the_text() {
    let archive = archive();
    let built = SearchIndex::new(archive.corpus());
    let blob = blob::encode_as(archive.corpus(), true);
    let (corpus, bodies) = blob::decode_with_bodies(&blob).expect("decodes");
    let loaded = SearchIndex::from_symbols(&corpus, &bodies.expect("stored as symbols"));
    assert_eq!(built, loaded);
    assert_eq!(&loaded, archive.index());
}
