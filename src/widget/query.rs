//! Runs the widget's [`State`] against the archive.
//!
//! PROVISIONAL: until the core's request/facets API lands this module does
//! the filtering and disjunctive facet counting itself, over the text
//! index; it then becomes a conversion of [`State`] into a core request.

use crate::archive::Archive;
use crate::date::{Day, PartialDate};
use crate::lang::Lang;
use crate::record::DateRecord;
use crate::response::{FacetValue, Facets, Hit, QuerySummary};
use crate::statement::Statement;
use crate::vocabulary::Facet;
use crate::widget::state::{Sort, State};
use crate::widget::view::value_label;

/// What a state finds.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Number of matching statements.
    pub total: u32,
    /// The first `limit` of them.
    pub hits: Vec<Hit>,
    /// Counts for every facet value.
    pub facets: Facets,
    /// What was understood of the text.
    pub query: QuerySummary,
}

/// Words of a snippet.
const SNIPPET_WORDS: usize = 30;

/// The statements `state` selects, its first `limit` hits and the facet counts.
pub fn run(archive: &Archive, state: &State, lang: Lang, limit: u32) -> Found {
    let index = archive.index();
    let result = index.search(&state.text);
    let statements = archive.statements();
    let scored: Vec<(usize, f32)> = match &result.matches {
        Some(m) => m.clone(),
        None => (0..statements.len()).map(|i| (i, 0.0)).collect(),
    };
    let range = bounds(state);
    let passes = |s: &Statement, skip: Option<Facet>| {
        Facet::ALL
            .into_iter()
            .filter(|f| Some(*f) != skip)
            .all(|f| has_any(archive, s, f, state.values(f)))
            && range.map_or(true, |(from, to)| s.date.overlaps(from, to))
    };
    let mut matched: Vec<(usize, f32)> = scored
        .iter()
        .copied()
        .filter(|(i, _)| statements.get(*i).is_some_and(|s| passes(s, None)))
        .collect();
    let date = |i: usize| statements.get(i).map(|s| s.date);
    match state.effective_sort() {
        Sort::Relevance => {
            matched.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| date(b.0).cmp(&date(a.0))))
        }
        Sort::Newest => matched.sort_by_key(|m| std::cmp::Reverse(date(m.0))),
        Sort::Oldest => matched.sort_by_key(|m| date(m.0)),
    }
    let hits = matched
        .iter()
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .filter_map(|(i, score)| {
            let s = statements.get(*i)?;
            let summary = crate::record::SummaryRecord::new(archive.corpus(), s, lang);
            Some(Hit {
                id: s.id.clone(),
                title: s.title.clone(),
                subtitle: s.subtitle.clone(),
                kind: s.kind.clone(),
                kind_label: value_label(archive, Facet::Kind, &s.kind, lang),
                date: DateRecord::new(&s.date, s.approximate.as_deref(), lang),
                score: *score,
                snippet: index.snippet(archive.corpus(), *i, &result, SNIPPET_WORDS),
                title_segments: index.highlight(&summary.title, &result),
            })
        })
        .collect();
    let mut facets = Facets::default();
    for facet in Facet::ALL {
        let pool: Vec<&Statement> = scored
            .iter()
            .filter_map(|(i, _)| statements.get(*i))
            .filter(|s| passes(s, Some(facet)))
            .collect();
        let values = all_values(archive, facet)
            .into_iter()
            .map(|value| {
                let one = [value.clone()];
                let count = pool
                    .iter()
                    .filter(|s| has_any(archive, s, facet, &one))
                    .count();
                FacetValue {
                    label: value_label(archive, facet, &value, lang),
                    count: u32::try_from(count).unwrap_or(u32::MAX),
                    selected: state.is_selected(facet, &value),
                    value,
                }
            })
            .filter(|v| v.count > 0 || v.selected)
            .collect();
        *facet_list(&mut facets, facet) = values;
    }
    Found {
        total: u32::try_from(matched.len()).unwrap_or(u32::MAX),
        hits,
        facets,
        query: result.query,
    }
}

fn facet_list(facets: &mut Facets, facet: Facet) -> &mut Vec<FacetValue> {
    match facet {
        Facet::Kind => &mut facets.kind,
        Facet::Topic => &mut facets.topic,
        Facet::Place => &mut facets.place,
        Facet::Organization => &mut facets.organization,
        Facet::Person => &mut facets.person,
        Facet::Year => &mut facets.year,
    }
}

/// Every value of `facet`, in vocabulary order (years newest first).
fn all_values(archive: &Archive, facet: Facet) -> Vec<String> {
    let vocabulary = archive.vocabulary();
    match facet {
        Facet::Kind => vocabulary.kinds.iter().map(|k| k.slug.clone()).collect(),
        Facet::Year => {
            let mut years: Vec<u16> = archive
                .statements()
                .iter()
                .flat_map(|s| s.date.start().year..=s.date.end().year)
                .collect();
            years.sort_unstable_by(|a, b| b.cmp(a));
            years.dedup();
            years.into_iter().map(|y| y.to_string()).collect()
        }
        _ => vocabulary
            .entities
            .iter()
            .filter(|e| e.facet == facet)
            .map(|e| e.slug.clone())
            .collect(),
    }
}

/// Whether `s` has one of `values` in `facet` (true when none is asked).
fn has_any(archive: &Archive, s: &Statement, facet: Facet, values: &[String]) -> bool {
    if values.is_empty() {
        return true;
    }
    match facet {
        Facet::Kind => values.contains(&s.kind),
        Facet::Year => (s.date.start().year..=s.date.end().year)
            .any(|y| values.iter().any(|v| v.parse() == Ok(y))),
        _ => s.tags.iter().any(|id| {
            archive
                .vocabulary()
                .entity(*id)
                .is_some_and(|e| e.facet == facet && values.contains(&e.slug))
        }),
    }
}

/// The date range of `state` as days, when it has one.
fn bounds(state: &State) -> Option<(Day, Day)> {
    let from = state
        .from
        .as_deref()
        .and_then(|v| PartialDate::parse(v).ok());
    let to = state.to.as_deref().and_then(|v| PartialDate::parse(v).ok());
    if from.is_none() && to.is_none() {
        return None;
    }
    let first = from.map_or(Day::from_ordinal(i32::MIN), |d| d.start());
    let last = to.map_or(Day::from_ordinal(i32::MAX), |d| d.end());
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive() -> Archive {
        Archive::embedded().expect("embedded corpus")
    }

    #[test]
    fn no_state_finds_everything_newest_first() {
        let archive = archive();
        let found = run(&archive, &State::default(), Lang::En, 100);
        assert_eq!(found.total as usize, archive.len());
        let dates: Vec<&str> = found.hits.iter().map(|h| h.date.start.as_str()).collect();
        let mut sorted = dates.clone();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(dates, sorted);
    }

    #[test]
    fn facet_counts_ignore_their_own_selection() {
        let archive = archive();
        let all = run(&archive, &State::default(), Lang::En, 0);
        let state = State {
            kind: vec!["communique".into()],
            ..State::default()
        };
        let some = run(&archive, &state, Lang::En, 0);
        assert!(some.total < all.total);
        assert_eq!(some.facets.kind, {
            let mut k = all.facets.kind.clone();
            for v in &mut k {
                v.selected = v.value == "communique";
            }
            k
        });
        let topics = |f: &Found| f.facets.topic.iter().map(|v| v.count).sum::<u32>();
        assert!(topics(&some) < topics(&all));
    }

    #[test]
    fn limit_bounds_the_hits_not_the_total() {
        let archive = archive();
        let found = run(&archive, &State::default(), Lang::En, 3);
        assert_eq!(found.hits.len(), 3);
        assert_eq!(found.total as usize, archive.len());
    }

    #[test]
    fn date_range_overlaps() {
        let archive = archive();
        let state = State {
            from: Some("2017".into()),
            to: Some("2017".into()),
            ..State::default()
        };
        let found = run(&archive, &state, Lang::En, 100);
        assert!(found.total > 0);
        assert!(found.hits.iter().all(|h| h.date.start.starts_with("2017")));
    }
}
