//! The entity vocabulary: kinds of statement, and the topics, places,
//! organizations and people statements are tagged with.
//!
//! Each entity has a slug (the facet value), a display label and aliases.
//! Tagging matches the label and every alias against a statement's text as a
//! whole-word phrase after folding ([`fold`]), except that an
//! alias written in capitals only ("GCM", "US", "IMA") must match in capitals,
//! so the acronym "US" does not tag every "us" in a text.
//!
//! An entity may name a broader one of its facet (Quezon City and Manila name
//! the Philippines): a statement tagged with it is tagged with the broader
//! one too, and so on up. Aliases are other names of the same thing only, so
//! a search for "Manila" finds Manila's own names, not the Philippines'.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::text::{fold, is_all_caps, tokens};

/// The dimensions a visitor filters by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Facet {
    /// What the text is: statement, communiqué, news…
    Kind,
    /// What it is about.
    Topic,
    /// Where.
    Place,
    /// Which organizations it names.
    Organization,
    /// Which people it names.
    Person,
    /// The year(s) its date covers.
    Year,
}

impl Facet {
    /// Every facet, in display order.
    pub const ALL: [Facet; 6] = [
        Facet::Kind,
        Facet::Topic,
        Facet::Place,
        Facet::Organization,
        Facet::Person,
        Facet::Year,
    ];

    /// The facets whose values are vocabulary entities.
    pub const ENTITY: [Facet; 4] = [
        Facet::Topic,
        Facet::Place,
        Facet::Organization,
        Facet::Person,
    ];

    /// The facet's name in the API and in `facet:slug` references.
    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Kind => "kind",
            Facet::Topic => "topic",
            Facet::Place => "place",
            Facet::Organization => "organization",
            Facet::Person => "person",
            Facet::Year => "year",
        }
    }

    /// The facet with the given name.
    pub fn from_name(name: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// Whether values of this facet are vocabulary entities.
    pub fn is_entity(self) -> bool {
        Facet::ENTITY.contains(&self)
    }
}

/// One value for each facet, by facet: the values a request selects in
/// each, or the counts a search gives for each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PerFacet<T> {
    /// Kinds.
    pub kind: T,
    /// Topics.
    pub topic: T,
    /// Places.
    pub place: T,
    /// Organizations.
    pub organization: T,
    /// People.
    pub person: T,
    /// Years.
    pub year: T,
}

impl<T> PerFacet<T> {
    /// The value of `facet`.
    pub fn get(&self, facet: Facet) -> &T {
        match facet {
            Facet::Kind => &self.kind,
            Facet::Topic => &self.topic,
            Facet::Place => &self.place,
            Facet::Organization => &self.organization,
            Facet::Person => &self.person,
            Facet::Year => &self.year,
        }
    }

    /// The value of `facet`, to change it.
    pub fn get_mut(&mut self, facet: Facet) -> &mut T {
        match facet {
            Facet::Kind => &mut self.kind,
            Facet::Topic => &mut self.topic,
            Facet::Place => &mut self.place,
            Facet::Organization => &mut self.organization,
            Facet::Person => &mut self.person,
            Facet::Year => &mut self.year,
        }
    }
}

impl<T> PerFacet<Vec<T>> {
    /// Whether every facet's list is empty.
    pub fn is_empty(&self) -> bool {
        Facet::ALL.iter().all(|&f| self.get(f).is_empty())
    }
}

/// A kind of statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kind {
    /// Facet value, e.g. `communique`.
    pub slug: String,
    /// Display label, e.g. `Communiqué`.
    pub label: String,
}

/// A topic, place, organization or person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Which facet it is a value of.
    pub facet: Facet,
    /// Facet value, e.g. `apmm`.
    pub slug: String,
    /// Display label, e.g. `Asia Pacific Mission for Migrants (APMM)`.
    pub label: String,
    /// Other names that mean this entity, e.g. `APMM`.
    pub aliases: Vec<String>,
    /// The broader entity of the same facet this one lies within (a city's
    /// country), if any.
    #[serde(default)]
    pub broader: Option<EntityId>,
}

/// Index of an entity in [`Vocabulary::entities`].
pub type EntityId = u16;

/// Kinds and entities, as read from `corpus/vocabulary.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vocabulary {
    /// Kinds of statement, in display order.
    pub kinds: Vec<Kind>,
    /// Entities, grouped by facet, in display order.
    pub entities: Vec<Entity>,
}

impl Vocabulary {
    /// The kind with this slug.
    pub fn kind(&self, slug: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.slug == slug)
    }

    /// The id of the entity with this facet and slug.
    pub fn find(&self, facet: Facet, slug: &str) -> Option<EntityId> {
        let i = self
            .entities
            .iter()
            .position(|e| e.facet == facet && e.slug == slug)?;
        EntityId::try_from(i).ok()
    }

    /// The entity with this id.
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(usize::from(id))
    }

    /// Resolves a `facet:slug` reference such as `topic:rohingya`.
    pub fn resolve(&self, reference: &str) -> Option<EntityId> {
        let (facet, slug) = reference.split_once(':')?;
        let facet = Facet::from_name(facet.trim()).filter(|f| f.is_entity())?;
        self.find(facet, slug.trim())
    }

    /// The entities named in any of `texts`, by label or alias, and the
    /// broader entities of each, sorted by id.
    pub fn tag(&self, texts: &[&str]) -> Vec<EntityId> {
        let matcher = Matcher::new(self);
        let mut found: Vec<EntityId> = Vec::new();
        for id in texts.iter().flat_map(|t| matcher.find(t)) {
            found.extend(self.with_broader(id));
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// `id`, then its broader entity, that one's, and so on up (should a
    /// vocabulary loop, one more than there are entities: the loop shows).
    pub fn with_broader(&self, id: EntityId) -> impl Iterator<Item = EntityId> + '_ {
        let mut next = Some(id);
        std::iter::from_fn(move || {
            let id = next?;
            next = self.entity(id).and_then(|e| e.broader);
            Some(id)
        })
        .take(self.entities.len() + 1)
    }
}

/// A name to look for, as a sequence of words.
struct Pattern {
    entity: EntityId,
    /// Folded words, or the words as written for an all-capitals alias.
    words: Vec<String>,
    exact_case: bool,
}

/// All patterns of a vocabulary, keyed by their first folded word.
struct Matcher {
    by_first: BTreeMap<String, Vec<Pattern>>,
}

impl Matcher {
    fn new(vocabulary: &Vocabulary) -> Matcher {
        let mut by_first: BTreeMap<String, Vec<Pattern>> = BTreeMap::new();
        for (i, entity) in vocabulary.entities.iter().enumerate() {
            let Ok(id) = EntityId::try_from(i) else { break };
            for name in std::iter::once(&entity.label).chain(&entity.aliases) {
                let exact_case = is_all_caps(name);
                let words: Vec<String> = tokens(name)
                    .map(|t| {
                        if exact_case {
                            t.text.to_owned()
                        } else {
                            fold(t.text)
                        }
                    })
                    .collect();
                let Some(first) = words.first() else { continue };
                by_first.entry(fold(first)).or_default().push(Pattern {
                    entity: id,
                    words,
                    exact_case,
                });
            }
        }
        Matcher { by_first }
    }

    fn find(&self, text: &str) -> Vec<EntityId> {
        let written: Vec<&str> = tokens(text).map(|t| t.text).collect();
        let folded: Vec<String> = written.iter().map(|w| fold(w)).collect();
        let mut found = Vec::new();
        for i in 0..written.len() {
            let Some(patterns) = self.by_first.get(&folded[i]) else {
                continue;
            };
            for p in patterns {
                let end = i + p.words.len();
                if end > written.len() {
                    continue;
                }
                let matches = if p.exact_case {
                    written[i..end].iter().zip(&p.words).all(|(a, b)| *a == b)
                } else {
                    folded[i..end] == p.words[..]
                };
                if matches {
                    found.push(p.entity);
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        let e = |facet, slug: &str, label: &str, aliases: &[&str]| Entity {
            facet,
            slug: slug.into(),
            label: label.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            broader: None,
        };
        Vocabulary {
            kinds: vec![Kind {
                slug: "statement".into(),
                label: "Statement".into(),
            }],
            entities: vec![
                e(
                    Facet::Topic,
                    "gcm",
                    "Global Compact on Migration",
                    &["GCM", "migration pact"],
                ),
                e(
                    Facet::Place,
                    "united-states",
                    "United States",
                    &["US", "U.S."],
                ),
                e(
                    Facet::Organization,
                    "ima",
                    "International Migrants Alliance",
                    &["IMA"],
                ),
                e(Facet::Topic, "communique", "Communiqué", &[]),
            ],
        }
    }

    #[test]
    fn labels_and_aliases_tag_as_whole_word_phrases() {
        let v = vocabulary();
        assert_eq!(v.tag(&["the global compact on migration"]), [0]);
        assert_eq!(v.tag(&["withdrawal from GCM"]), [0]);
        assert_eq!(v.tag(&["a migration pactum"]), Vec::<EntityId>::new());
        assert_eq!(v.tag(&["International Migrants’ Alliance"]), [2]);
    }

    #[test]
    fn a_narrower_entity_tags_its_broader_ones_and_not_the_reverse() {
        let mut v = vocabulary();
        let place = |slug: &str, label: &str, broader| Entity {
            facet: Facet::Place,
            slug: slug.into(),
            label: label.into(),
            aliases: Vec::new(),
            broader,
        };
        v.entities.push(place("philippines", "Philippines", None)); // 4
        v.entities
            .push(place("metro-manila", "Metro Manila", Some(4))); // 5
        v.entities
            .push(place("quezon-city", "Quezon City", Some(5))); // 6
        assert_eq!(v.tag(&["held in Quezon City"]), [4, 5, 6]);
        assert_eq!(v.tag(&["rallies across Metro Manila"]), [4, 5]);
        assert_eq!(v.tag(&["the Philippines"]), [4]);
        // A loop in a damaged vocabulary ends.
        v.entities[4].broader = Some(6);
        assert_eq!(v.with_broader(6).count(), v.entities.len() + 1);
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        let v = vocabulary();
        assert_eq!(v.tag(&["let us go"]), Vec::<EntityId>::new());
        assert_eq!(v.tag(&["the US government"]), [1]);
        assert_eq!(v.tag(&["the U.S. government"]), [1]);
        assert_eq!(v.tag(&["Ima said"]), Vec::<EntityId>::new());
    }

    #[test]
    fn folding_applies_to_names() {
        assert_eq!(vocabulary().tag(&["the COMMUNIQUE"]), [3]);
    }

    #[test]
    fn references_resolve_by_facet_and_slug() {
        let v = vocabulary();
        assert_eq!(v.resolve("place:united-states"), Some(1));
        assert_eq!(v.resolve("topic:united-states"), None);
        assert_eq!(v.resolve("kind:statement"), None);
        assert_eq!(v.resolve("nonsense"), None);
    }
}
