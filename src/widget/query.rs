//! Runs the widget's [`State`] against the archive: the state becomes a
//! core [`Request`], and the response is adapted to the interface language
//! (kind labels) and to what the facet panel shows (values that would give
//! something, or are selected).

use crate::archive::Archive;
use crate::lang::Lang;
use crate::request::{Request, MAX_LIMIT};
use crate::response::{Facets, Hit, QuerySummary};
use crate::vocabulary::Facet;
use crate::widget::state::State;
use crate::widget::strings::kind_label;

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
    /// Whether each statement matches, oldest first (the chronology's order).
    pub matched: Vec<bool>,
}

impl State {
    /// The core request for one page of this state.
    pub fn request(&self, lang: Lang, offset: u32, limit: u32) -> Request {
        Request {
            text: self.text.clone(),
            selection: self.selection.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            sort: self.sort,
            offset,
            limit: Some(limit),
            lang: Some(lang.tag().to_owned()),
        }
    }
}

/// The statements `state` selects: the first `limit` hits, the total and the facet counts.
pub fn run(archive: &Archive, state: &State, lang: Lang, limit: u32) -> Found {
    let first = archive.search_matching(&state.request(lang, 0, limit.clamp(1, MAX_LIMIT)), false);
    // Values that are each valid can still make a request the core refuses
    // (a range that ends before it starts): the widget then drops the range
    // rather than show nothing.
    let first = first.or_else(|_| {
        let mut without = state.clone();
        without.from = None;
        without.to = None;
        archive.search_matching(&without.request(lang, 0, limit.clamp(1, MAX_LIMIT)), false)
    });
    let Ok((mut response, kept)) = first else {
        return Found {
            total: 0,
            hits: Vec::new(),
            facets: Facets::default(),
            query: QuerySummary::default(),
            matched: Vec::new(),
        };
    };
    // Pages beyond the core's largest, for a long "more results" session.
    let mut offset = MAX_LIMIT;
    while offset < limit && offset < response.total {
        let page = limit.saturating_sub(offset).min(MAX_LIMIT);
        match archive.search(&state.request(lang, offset, page)) {
            Ok(next) if !next.hits.is_empty() => response.hits.extend(next.hits),
            _ => break,
        }
        offset = offset.saturating_add(MAX_LIMIT);
    }
    let wanted = usize::try_from(limit).unwrap_or(usize::MAX);
    response.hits.truncate(wanted);
    for hit in &mut response.hits {
        if let Some(label) = kind_label(&hit.kind, lang) {
            hit.kind_label = label.to_owned();
        }
    }
    for facet in Facet::ALL {
        let list = response.facets.get_mut(facet);
        list.retain(|v| v.count > 0 || v.selected);
        if facet == Facet::Kind {
            for v in list.iter_mut() {
                if let Some(label) = kind_label(&v.value, lang) {
                    v.label = label.to_owned();
                }
            }
        }
    }
    Found {
        total: response.total,
        hits: response.hits,
        facets: response.facets,
        query: response.query,
        matched: (0..archive.len()).map(|slot| kept.contains(slot)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::Sort;
    use crate::vocabulary::PerFacet;

    fn archive() -> Archive {
        crate::archive::embedded().expect("embedded corpus")
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
        let all = run(&archive, &State::default(), Lang::En, 1);
        let state = State {
            selection: PerFacet {
                kind: vec!["communique".into()],
                ..PerFacet::default()
            },
            ..State::default()
        };
        let some = run(&archive, &state, Lang::En, 1);
        assert!(some.total < all.total);
        let counts = |f: &Found| f.facets.kind.iter().map(|v| v.count).collect::<Vec<_>>();
        assert_eq!(counts(&some), counts(&all));
        assert!(some
            .facets
            .kind
            .iter()
            .any(|v| v.selected && v.value == "communique"));
        let topics = |f: &Found| f.facets.topic.iter().map(|v| v.count).sum::<u32>();
        assert!(topics(&some) < topics(&all));
    }

    #[test]
    fn facet_lists_hold_only_values_that_give_something() {
        let archive = archive();
        let state = State {
            text: "rohingya".into(),
            ..State::default()
        };
        let found = run(&archive, &state, Lang::En, 10);
        assert!(!found.facets.place.is_empty());
        assert!(found.facets.place.iter().all(|v| v.count > 0));
    }

    #[test]
    fn limit_bounds_the_hits_not_the_total() {
        let archive = archive();
        let found = run(&archive, &State::default(), Lang::En, 3);
        assert_eq!(found.hits.len(), 3);
        assert_eq!(found.total as usize, archive.len());
    }

    #[test]
    fn kinds_are_labelled_in_the_interface_language() {
        let archive = archive();
        let found = run(&archive, &State::default(), Lang::Es, 100);
        assert!(found.hits.iter().any(|h| h.kind_label == "Declaración"));
        assert!(found.facets.kind.iter().any(|v| v.label == "Comunicado"));
    }

    #[test]
    fn a_reversed_range_is_dropped_not_fatal() {
        let archive = archive();
        let state = State {
            from: Some("2017".into()),
            to: Some("2015".into()),
            sort: Some(Sort::Oldest),
            ..State::default()
        };
        assert_eq!(
            run(&archive, &state, Lang::En, 5).total as usize,
            archive.len()
        );
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
