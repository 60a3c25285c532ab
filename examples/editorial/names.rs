//! Names a text gives that the vocabulary does not know yet: candidates for
//! a new `[[person]]`, `[[organization]]` or `[[place]]` in
//! `corpus/vocabulary.toml`.
//!
//! A name is a run of two or more capitalized words ("Kiarra Caballero",
//! "Asia Pacific Mission for Migrants", with one "of", "for", "the", "on"
//! or "de" at a time allowed inside) or an acronym ("APMM"), within one sentence. A name that
//! the vocabulary already tags, in whole or in part, is left out.

use std::collections::BTreeMap;

use ima_statements::text::{fold, is_all_caps, is_stop_word, tokens};
use ima_statements::vocabulary::Vocabulary;

use crate::dates::MONTHS;

/// Words allowed between the capitalized words of a name.
const JOINERS: [&str; 5] = ["of", "for", "the", "on", "de"];

/// How many candidates are shown.
pub const SHOWN: usize = 12;

/// Days start sentences and dates, not names (and so do months: [`MONTHS`]).
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && !word.chars().all(|c| c.is_ascii_digit())
}

fn folded(text: &str) -> Vec<String> {
    tokens(text).map(|t| fold(t.text)).collect()
}

/// Whether `name` is a piece of a name the vocabulary has ("Global Compact
/// on Safe", cut at a comma from "Global Compact on Safe, Orderly and
/// Regular Migration").
fn part_of_known(name: &str, known: &[Vec<String>]) -> bool {
    let words = folded(name);
    known
        .iter()
        .any(|k| k.len() > words.len() && k.windows(words.len()).any(|w| w == words.as_slice()))
}

/// Candidate names in `texts` unknown to `vocabulary`, most frequent first,
/// each with how often it occurs.
pub fn candidates(texts: &[&str], vocabulary: &Vocabulary) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let known: Vec<Vec<String>> = vocabulary
        .entities
        .iter()
        .flat_map(|e| std::iter::once(&e.label).chain(&e.aliases))
        .map(|n| folded(n))
        .collect();
    for text in texts {
        let words: Vec<_> = tokens(text).collect();
        let mut i = 0;
        while i < words.len() {
            if !capitalized(words[i].text) {
                i += 1;
                continue;
            }
            // Extend the run while words are capitalized or joiners, with
            // nothing but spaces between them.
            let mut end = i + 1;
            while end < words.len() {
                let gap = &text[words[end - 1].end..words[end].start];
                if !gap.chars().all(char::is_whitespace) {
                    break;
                }
                let w = words[end].text;
                let after_joiner = JOINERS.contains(&words[end - 1].text);
                if capitalized(w) || (JOINERS.contains(&w) && !after_joiner) {
                    end += 1;
                } else {
                    break;
                }
            }
            let mut run = &words[i..end];
            while run.last().is_some_and(|w| JOINERS.contains(&w.text)) {
                run = &run[..run.len() - 1];
            }
            // Sentence openers ("The", "In") and months are not part of a name.
            while run.first().is_some_and(|w| {
                let f = fold(w.text);
                (is_stop_word(&f) || MONTHS.contains(&f.as_str()) || WEEKDAYS.contains(&f.as_str()))
                    && !is_all_caps(w.text)
            }) {
                run = &run[1..];
            }
            let acronym = run.len() == 1
                && is_all_caps(run[0].text)
                && (2..=8).contains(&run[0].text.chars().count());
            if run.len() >= 2 || acronym {
                let (Some(first), Some(last)) = (run.first(), run.last()) else {
                    i = end;
                    continue;
                };
                let name = &text[first.start..last.end];
                if vocabulary.tag(&[name]).is_empty() && !part_of_known(name, &known) {
                    *counts.entry(name.to_owned()).or_default() += 1;
                }
            }
            i = end;
        }
    }
    let mut out: Vec<(String, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ima_statements::vocabulary::{Entity, Facet, Kind};

    #[test]
    fn unknown_names_and_acronyms_are_candidates_and_known_ones_are_not() {
        let vocabulary = Vocabulary {
            kinds: vec![Kind {
                slug: "statement".into(),
                label: "Statement".into(),
            }],
            entities: vec![Entity {
                facet: Facet::Person,
                slug: "eni-lestari".into(),
                label: "Eni Lestari".into(),
                aliases: vec![],
                broader: None,
            }],
        };
        let text = "In September Kiarra Caballero met Eni Lestari and the Asia Pacific Mission for Migrants (APMM). The APMM said so. Kiarra Caballero left.";
        let found = candidates(&[text], &vocabulary);
        assert_eq!(
            found,
            [
                ("APMM".to_owned(), 2),
                ("Kiarra Caballero".to_owned(), 2),
                ("Asia Pacific Mission for Migrants".to_owned(), 1),
            ]
        );
    }
}
