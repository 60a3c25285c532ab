//! The hand-written English stemmer (`src/stem.rs`) against the
//! `rust-stemmers` crate's Snowball English, on every word of the corpus,
//! on generated words, and (`cargo test --test stem -- --ignored` with
//! `IMA_STEM_VOCABULARY` naming a file of one word per line, such as the
//! Snowball project's `voc.txt` for English) on a whole vocabulary.

#![cfg(not(target_arch = "wasm32"))]

use ima_statements::stem::stem;
use ima_statements::text::tokens;
use proptest::prelude::*;

fn snowball(word: &str) -> String {
    rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
        .stem(word)
        .into_owned()
}

/// The words the search stems: lower-case `a`–`z` only.
fn stemmed_by_search(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// Fails naming every word of `words` the two stemmers stem apart.
fn assert_all_alike<W: AsRef<str>>(words: &[W]) {
    let wrong: Vec<_> = words
        .iter()
        .map(AsRef::as_ref)
        .filter(|w| stem(w) != snowball(w))
        .map(|w| format!("{w}: {} (Snowball {})", stem(w), snowball(w)))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {}: {wrong:#?}",
        wrong.len(),
        words.len()
    );
}

#[test]
fn every_word_of_the_corpus_stems_as_snowball_stems_it() {
    let archive = ima_statements::archive::embedded().expect("the embedded corpus loads");
    let mut words: Vec<String> = Vec::new();
    for s in archive.statements() {
        for text in std::iter::once(&s.title).chain(s.body.paragraphs().iter()) {
            words.extend(tokens(text).map(|t| t.text.to_lowercase()));
        }
    }
    words.sort();
    words.dedup();
    let words: Vec<_> = words.into_iter().filter(|w| stemmed_by_search(w)).collect();
    assert!(words.len() > 1000, "only {} words", words.len());
    assert_all_alike(&words);
}

#[test]
#[ignore = "needs IMA_STEM_VOCABULARY, a file of one word per line"]
fn a_whole_vocabulary_stems_as_snowball_stems_it() {
    let path = std::env::var("IMA_STEM_VOCABULARY").expect("IMA_STEM_VOCABULARY names a word list");
    let text = std::fs::read_to_string(&path).expect("the word list reads");
    let words: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|w| stemmed_by_search(w))
        .collect();
    assert_all_alike(&words);
    eprintln!("{} words stem alike", words.len());
}

/// Words made of English-looking pieces, so that every suffix rule fires.
fn english_words() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "a", "e", "i", "o", "u", "y", "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r",
        "s", "t", "v", "w", "x", "z", "at", "bl", "iz", "ed", "eed", "ing", "ly", "ies", "ied",
        "sses", "us", "ss", "tional", "ational", "enci", "anci", "abli", "entli", "izer", "ation",
        "ator", "alism", "aliti", "alli", "fulness", "ousli", "ousness", "iveness", "iviti",
        "biliti", "bli", "ogi", "fulli", "lessli", "li", "alize", "icate", "iciti", "ical", "ful",
        "ness", "ative", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
        "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "sion", "tion", "gener", "commun",
        "arsen", "yy", "ay", "oy", "ll", "bb", "tt", "nn",
    ]);
    prop::collection::vec(piece, 1..6).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn generated_words_stem_as_snowball_stems_them(word in english_words()) {
        prop_assert_eq!(stem(&word), snowball(&word), "{}", word);
    }
}
