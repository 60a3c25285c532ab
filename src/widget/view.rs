//! The view model: what the widget shows for a [`State`], computed from the
//! archive with no browser in sight, so every decision about content —
//! which chips, which suggestions, which neighbours in time — is tested
//! natively. The DOM layer only turns these values into nodes.

use crate::archive::Archive;
use crate::lang::Lang;
use crate::record::StatementRecord;
use crate::response::{Facets, Hit, QuerySummary, Segment};
use crate::vocabulary::Facet;
use crate::widget::query;
use crate::widget::state::State;
use crate::widget::strings::{facet_name, kind_label, Strings};
use crate::widget::timeline::geometry::period_words;

/// One page of results and everything around it.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// Statements matching the state.
    pub total: u32,
    /// The first `limit` of them, in order.
    pub hits: Vec<Hit>,
    /// Counts for every facet value.
    pub facets: Facets,
    /// What the search understood.
    pub query: QuerySummary,
    /// The active filters.
    pub chips: Vec<Chip>,
    /// Ways out of an empty result (empty when there are results).
    pub suggestions: Vec<Suggestion>,
    /// Whether each statement matches, oldest first (the chronology's order).
    pub matched: Vec<bool>,
}

/// What a chip removes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// One selected facet value.
    Value(Facet, String),
    /// The date range start.
    From,
    /// The date range end.
    To,
}

impl Target {
    /// `state` without this filter.
    pub fn remove_from(&self, state: &mut State) {
        match self {
            Target::Value(facet, value) => state.selection.get_mut(*facet).retain(|v| v != value),
            Target::From => state.from = None,
            Target::To => state.to = None,
        }
    }
}

/// An active filter, shown as a removable chip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    /// What removing it removes.
    pub target: Target,
    /// "Topic: Rohingya".
    pub label: String,
}

/// A way out of an empty result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suggestion {
    /// Removing this filter would give `count` statements.
    Remove {
        /// The filter.
        chip: Chip,
        /// Statements without it.
        count: u32,
    },
    /// The text with misspelt words replaced by words of the corpus.
    Spelling {
        /// The corrected text.
        text: String,
        /// Statements it gives.
        count: u32,
        /// Whether that count needs the filters removed too.
        clear: bool,
    },
}

/// The label of a facet value in `lang`: a kind's translated label, an
/// entity's label, or the year itself.
pub fn value_label(archive: &Archive, facet: Facet, value: &str, lang: Lang) -> String {
    let vocabulary = archive.vocabulary();
    match facet {
        Facet::Kind => kind_label(value, lang)
            .map(str::to_owned)
            .or_else(|| vocabulary.kind(value).map(|k| k.label.clone()))
            .unwrap_or_else(|| value.to_owned()),
        Facet::Year => value.to_owned(),
        _ => vocabulary
            .find(facet, value)
            .and_then(|id| vocabulary.entity(id))
            .map_or_else(|| value.to_owned(), |e| e.label.clone()),
    }
}

/// The chips of `state`'s filters, in facet order, then the date range.
pub fn chips(archive: &Archive, state: &State, lang: Lang) -> Vec<Chip> {
    let strings = Strings::of(lang);
    let mut chips = Vec::new();
    for facet in Facet::ALL {
        for value in state.selection.get(facet) {
            chips.push(Chip {
                target: Target::Value(facet, value.clone()),
                label: facet_name(facet, lang).to_owned()
                    + ": "
                    + &value_label(archive, facet, value, lang),
            });
        }
    }
    if let Some(from) = &state.from {
        chips.push(Chip {
            target: Target::From,
            label: period_words(lang, Some(from), None)
                .unwrap_or_else(|| strings.from().to_owned() + " " + from),
        });
    }
    if let Some(to) = &state.to {
        chips.push(Chip {
            target: Target::To,
            label: period_words(lang, None, Some(to))
                .unwrap_or_else(|| strings.to().to_owned() + " " + to),
        });
    }
    chips
}

/// The first `limit` results for `state`, with facets, chips and, when
/// nothing matches, suggestions.
pub fn results(archive: &Archive, state: &State, lang: Lang, limit: u32) -> Results {
    let found = query::run(archive, state, lang, limit);
    let chips = chips(archive, state, lang);
    let mut suggestions = Vec::new();
    if found.total == 0 {
        if let Some(text) = spelling(archive, &state.text) {
            let mut fixed = state.clone();
            fixed.text = text.clone();
            let mut count = query::run(archive, &fixed, lang, 1).total;
            let mut clear = false;
            if count == 0 && state.has_filters() {
                fixed.clear();
                fixed.text = text.clone();
                count = query::run(archive, &fixed, lang, 1).total;
                clear = true;
            }
            if count > 0 {
                suggestions.push(Suggestion::Spelling { text, count, clear });
            }
        }
        for chip in &chips {
            let mut without = state.clone();
            chip.target.remove_from(&mut without);
            let count = query::run(archive, &without, lang, 1).total;
            if count > 0 {
                suggestions.push(Suggestion::Remove {
                    chip: chip.clone(),
                    count,
                });
            }
        }
    }
    Results {
        total: found.total,
        hits: found.hits,
        facets: found.facets,
        query: found.query,
        chips,
        suggestions,
        matched: found.matched,
    }
}

/// The query with misspelt words replaced by the nearest known ones.
pub fn spelling(archive: &Archive, text: &str) -> Option<String> {
    archive.index().suggest(text)
}

/// A statement next to the open one in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbour {
    /// Its id.
    pub id: String,
    /// Its headline.
    pub title: String,
    /// Its date label.
    pub date: String,
}

/// The reading view of one statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The whole record (metadata, body, source).
    pub record: StatementRecord,
    /// The headline, query matches marked.
    pub title: Vec<Segment>,
    /// Paragraphs, query matches marked.
    pub body: Vec<Vec<Segment>>,
    /// The statement before it in time, across the whole archive.
    pub previous: Option<Neighbour>,
    /// The statement after it.
    pub next: Option<Neighbour>,
    /// The statements nearest to it by shared entities and distinctive
    /// words (see [`crate::related`]), nearest first.
    pub related: Vec<Neighbour>,
}

/// The reading view of statement `id` with the matches of `text` marked,
/// or `None` when the archive has no such statement.
pub fn reading(archive: &Archive, id: &str, text: &str, lang: Lang) -> Option<Reading> {
    let mut record = archive.record(id, lang)?;
    if let Some(label) = kind_label(&record.summary.kind, lang) {
        record.summary.kind_label = label.to_owned();
    }
    let index = archive.index();
    let result = index.search(text);
    let title = index.highlight(&record.summary.title, &result);
    let body = record
        .body
        .iter()
        .map(|p| index.highlight(p, &result))
        .collect();
    let position = archive.position(id)?;
    let neighbour = |i: usize| {
        archive.statements().get(i).map(|s| Neighbour {
            id: s.id.clone(),
            title: s.title.clone(),
            date: s.date.label(lang),
        })
    };
    Some(Reading {
        record,
        title,
        body,
        previous: position.checked_sub(1).and_then(neighbour),
        next: position.checked_add(1).and_then(neighbour),
        related: crate::related::related(archive, position)
            .into_iter()
            .filter_map(neighbour)
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::PerFacet;

    fn archive() -> Archive {
        crate::archive::embedded().expect("embedded corpus")
    }

    #[test]
    fn chips_name_facet_and_value() {
        let archive = archive();
        let state = State {
            selection: PerFacet {
                topic: vec!["rohingya".into()],
                kind: vec!["communique".into()],
                ..PerFacet::default()
            },
            from: Some("2015".into()),
            ..State::default()
        };
        let labels: Vec<String> = chips(&archive, &state, Lang::Es)
            .into_iter()
            .map(|c| c.label)
            .collect();
        assert_eq!(
            labels,
            vec!["Tipo: Comunicado", "Tema: Rohingya", "Desde 2015"]
        );
    }

    #[test]
    fn removing_a_chip_removes_its_filter_only() {
        let mut state = State {
            selection: PerFacet {
                topic: vec!["rohingya".into(), "trafficking".into()],
                ..PerFacet::default()
            },
            to: Some("2016".into()),
            ..State::default()
        };
        Target::Value(Facet::Topic, "rohingya".into()).remove_from(&mut state);
        assert_eq!(state.selection.topic, vec!["trafficking".to_owned()]);
        Target::To.remove_from(&mut state);
        assert_eq!(state.to, None);
    }

    #[test]
    fn an_empty_result_suggests_removing_the_filter_that_empties_it() {
        let archive = archive();
        let state = State {
            text: "rohingya".into(),
            selection: PerFacet {
                kind: vec!["news".into()],
                ..PerFacet::default()
            },
            ..State::default()
        };
        let results = results(&archive, &state, Lang::En, 10);
        assert_eq!(results.total, 0);
        assert!(results.suggestions.iter().any(|s| matches!(
            s,
            Suggestion::Remove { chip, count } if chip.target == Target::Value(Facet::Kind, "news".into()) && *count > 0
        )));
    }

    #[test]
    fn a_correction_says_what_it_gives_and_whether_filters_must_go() {
        let archive = archive();
        // Two edits in an eight-letter word: beyond the search's own typo
        // tolerance (one edit below nine letters), so nothing is found.
        let state = State {
            text: "rohingoo".into(),
            ..State::default()
        };
        let found = results(&archive, &state, Lang::En, 10);
        assert!(found.suggestions.iter().any(|s| matches!(
            s,
            Suggestion::Spelling { text, count, clear: false } if text == "rohingya" && *count > 0
        )));
        let state = State {
            text: "rohingoo".into(),
            selection: PerFacet {
                kind: vec!["news".into()],
                ..PerFacet::default()
            },
            ..State::default()
        };
        let found = results(&archive, &state, Lang::En, 10);
        assert!(found.suggestions.iter().any(|s| matches!(
            s,
            Suggestion::Spelling { clear: true, count, .. } if *count > 0
        )));
    }

    #[test]
    fn misspelt_words_get_a_correction() {
        let archive = archive();
        assert_eq!(
            spelling(&archive, "rohingyo sea"),
            Some("rohingya sea".into())
        );
        assert_eq!(spelling(&archive, "rohingya"), None);
        assert_eq!(spelling(&archive, "zzzzzzzzzz"), None);
    }

    #[test]
    fn reading_marks_matches_and_finds_neighbours_in_time() {
        let archive = archive();
        let first = archive.statements().first().unwrap().id.clone();
        let second = archive.statements().get(1).unwrap().id.clone();
        let view = reading(&archive, &second, "rohingya", Lang::En).unwrap();
        assert_eq!(
            view.previous.as_ref().map(|n| n.id.as_str()),
            Some(first.as_str())
        );
        assert!(view.next.is_some());
        assert!(view.body.iter().flatten().any(|s| s.matched));
        let oldest = reading(&archive, &first, "", Lang::En).unwrap();
        assert_eq!(oldest.previous, None);
        assert!(oldest.body.iter().flatten().all(|s| !s.matched));
        assert!(reading(&archive, "no-such-statement", "", Lang::En).is_none());
    }

    #[test]
    fn reading_lists_related_statements_other_than_itself() {
        let archive = archive();
        let id = "2015-05-justice-for-the-26";
        let view = reading(&archive, id, "", Lang::Es).unwrap();
        assert!((3..=5).contains(&view.related.len()));
        assert!(view.related.iter().all(|n| n.id != id));
        assert_eq!(
            view.related.first().map(|n| n.id.as_str()),
            Some("2015-05-asean-save-the-rohingya-at-sea")
        );
        assert!(view
            .related
            .iter()
            .all(|n| !n.title.is_empty() && !n.date.is_empty()));
    }

    #[test]
    fn reading_translates_the_kind() {
        let archive = archive();
        let id = archive.statements().first().unwrap().id.clone();
        let view = reading(&archive, &id, "", Lang::Fr).unwrap();
        assert_ne!(view.record.summary.kind_label, "");
        assert_ne!(view.record.summary.kind_label, "Statement");
    }
}
