//! The query language typed into the search box (docs/architecture.md §2).
//!
//! - words: all must match; the last word, when the text ends right after
//!   it, also matches as a prefix (the visitor is still typing it);
//! - `"exact phrase"` (straight or curly quotes); a run of words joined by
//!   punctuation (`war-torn`, `U.S.`) is a phrase too;
//! - `-word` and `-"phrase"` exclude;
//! - common words ("the", "of") are ignored unless the query has nothing else.
//!
//! Parsing never fails: what cannot be used is listed in
//! [`QuerySummary::ignored`] with the reason. Work is bounded: at most
//! [`MAX_CLAUSES`] words and phrases, each phrase at most [`MAX_PHRASE_WORDS`].

use super::QuerySummary;
use crate::text::{fold, is_all_caps, is_stop_word, is_word_char, tokens};

/// Most words and phrases (wanted or excluded) a query uses; the rest is ignored.
pub const MAX_CLAUSES: usize = 32;
/// Most words of one phrase; the rest of the phrase is ignored.
pub const MAX_PHRASE_WORDS: usize = 32;

/// A wanted word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Folded as the index folds words.
    pub folded: String,
    /// Whether it may be the start of a longer word (it ends the query).
    pub prefix: bool,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words that must all match.
    pub words: Vec<Word>,
    /// Phrases (folded words) that must all match.
    pub phrases: Vec<Vec<String>>,
    /// Words that must not match.
    pub excluded_words: Vec<String>,
    /// Phrases that must not match.
    pub excluded_phrases: Vec<Vec<String>>,
    /// What was understood, for the response.
    pub summary: QuerySummary,
}

impl Query {
    /// Whether the query constrains nothing.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
            && self.phrases.is_empty()
            && self.excluded_words.is_empty()
            && self.excluded_phrases.is_empty()
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

/// One piece of the query text before words are analysed.
struct Clause<'a> {
    text: &'a str,
    negated: bool,
    quoted: bool,
    /// Whether the text ends right after this clause.
    at_end: bool,
}

/// Splits `text` into clauses, noting ignored quotes and dashes.
fn clauses<'a>(text: &'a str, ignored: &mut Vec<String>) -> Vec<Clause<'a>> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else {
            break;
        };
        let mut negated = false;
        if first == '-' {
            let after = &rest[1..];
            match after.chars().next() {
                Some(c) if is_quote(c) || is_word_char(c) => {
                    negated = true;
                    rest = after;
                }
                _ => {
                    ignored.push("- (nothing to exclude)".into());
                    rest = after;
                    continue;
                }
            }
        }
        let Some(first) = rest.chars().next() else {
            break;
        };
        if is_quote(first) {
            let inside = &rest[first.len_utf8()..];
            if let Some(close) = inside.find(is_quote) {
                let close_len = inside[close..].chars().next().map_or(1, char::len_utf8);
                let after = &inside[close + close_len..];
                out.push(Clause {
                    text: &inside[..close],
                    negated,
                    quoted: true,
                    at_end: after.is_empty(),
                });
                rest = after;
            } else {
                // Most often a phrase still being typed: use its words.
                ignored.push("\" (unbalanced quote)".into());
                if negated {
                    ignored.push("- (before an unbalanced quote)".into());
                }
                rest = inside;
            }
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || is_quote(c))
            .unwrap_or(rest.len());
        out.push(Clause {
            text: &rest[..end],
            negated,
            quoted: false,
            at_end: end == rest.len(),
        });
        rest = &rest[end..];
    }
    out
}

/// Parses what a visitor typed.
pub fn parse(text: &str) -> Query {
    let mut query = Query::default();
    let mut ignored = Vec::new();
    let mut stop_words: Vec<(String, bool)> = Vec::new();
    let mut used = 0;
    let mut dropped = false;
    for clause in clauses(text, &mut ignored) {
        let words: Vec<&str> = tokens(clause.text).map(|t| t.text).collect();
        if words.is_empty() {
            continue;
        }
        if used >= MAX_CLAUSES {
            dropped = true;
            continue;
        }
        used += 1;
        if words.len() == 1 && !clause.quoted {
            let written = words[0];
            let folded = fold(written);
            // "IT" or "US" typed in capitals is an acronym, not a common word.
            let common = is_stop_word(&folded) && !(written.len() > 1 && is_all_caps(written));
            let ends_query = clause.at_end && clause.text.ends_with(is_word_char);
            if common {
                stop_words.push((folded, clause.negated));
            } else if clause.negated {
                query.summary.excluded.push(folded.clone());
                query.excluded_words.push(folded);
            } else {
                query.summary.terms.push(folded.clone());
                query.words.push(Word {
                    folded,
                    prefix: ends_query,
                });
            }
            continue;
        }
        let mut phrase: Vec<String> = words.iter().map(|w| fold(w)).collect();
        if phrase.len() > MAX_PHRASE_WORDS {
            phrase.truncate(MAX_PHRASE_WORDS);
            ignored.push("(words past the 32nd of a phrase)".into());
        }
        let shown = phrase.join(" ");
        if clause.negated {
            query.summary.excluded.push(shown);
            query.excluded_phrases.push(phrase);
        } else {
            query.summary.phrases.push(shown);
            query.phrases.push(phrase);
        }
    }
    // A query of common words only ("the who") searches for them after all.
    let only_common = query.words.is_empty() && query.phrases.is_empty();
    for (folded, negated) in stop_words {
        if only_common && !negated {
            query.summary.terms.push(folded.clone());
            query.words.push(Word {
                folded,
                prefix: false,
            });
        } else {
            let mut note = String::from(if negated { "-\"" } else { "\"" });
            note.push_str(&folded);
            note.push_str("\" (common word)");
            ignored.push(note);
        }
    }
    if dropped {
        ignored.push("(words past the 32nd)".into());
    }
    query.summary.ignored = ignored;
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &Query) -> Vec<(&str, bool)> {
        q.words
            .iter()
            .map(|w| (w.folded.as_str(), w.prefix))
            .collect()
    }

    #[test]
    fn words_are_folded_and_the_last_is_a_prefix_while_typed() {
        let q = parse("Communiqué rohin");
        assert_eq!(words(&q), [("communique", false), ("rohin", true)]);
        assert_eq!(q.summary.terms, ["communique", "rohin"]);
        let q = parse("rohin ");
        assert_eq!(words(&q), [("rohin", false)]);
    }

    #[test]
    fn quotes_make_phrases_and_dashes_exclude() {
        let q = parse("\"Global Compact\" -trafficking -\"human rights\" migrants");
        assert_eq!(q.phrases, [vec!["global", "compact"]]);
        assert_eq!(q.excluded_words, ["trafficking"]);
        assert_eq!(q.excluded_phrases, [vec!["human", "rights"]]);
        assert_eq!(words(&q), [("migrants", true)]);
        assert_eq!(q.summary.phrases, ["global compact"]);
        assert_eq!(q.summary.excluded, ["trafficking", "human rights"]);
        let q = parse("“jungle graves”");
        assert_eq!(q.phrases, [vec!["jungle", "graves"]]);
    }

    #[test]
    fn punctuated_words_are_phrases() {
        let q = parse("war-torn U.S.");
        assert_eq!(q.phrases, [vec!["war", "torn"], vec!["u", "s"]]);
    }

    #[test]
    fn what_cannot_be_used_is_said() {
        let q = parse("the \"rohingya crisis - migrants");
        assert_eq!(
            words(&q),
            [("rohingya", false), ("crisis", false), ("migrants", true)]
        );
        assert_eq!(
            q.summary.ignored,
            [
                "\" (unbalanced quote)",
                "- (nothing to exclude)",
                "\"the\" (common word)"
            ]
        );
    }

    #[test]
    fn common_words_alone_are_searched_and_acronyms_are_not_common() {
        assert_eq!(words(&parse("the who")), [("the", false), ("who", false)]);
        assert_eq!(
            words(&parse("IT workers")),
            [("it", false), ("workers", true)]
        );
    }

    #[test]
    fn only_exclusions_and_nothing_at_all() {
        let q = parse("-rohingya");
        assert!(q.words.is_empty());
        assert_eq!(q.excluded_words, ["rohingya"]);
        assert!(parse("").is_empty());
        assert!(parse("  ?! … ").is_empty());
    }

    #[test]
    fn work_is_bounded() {
        let long = "word ".repeat(5000);
        let q = parse(&long);
        assert_eq!(q.words.len(), MAX_CLAUSES);
        assert_eq!(q.summary.ignored, ["(words past the 32nd)"]);
    }
}
