//! The widget's attributes (docs/architecture.md §4): their names, how each value is
//! read, and the fallback when a value is wrong.
//!
//! A wrong value never stops the widget: it becomes a [`Warning`] naming
//! the attribute and the value, which the DOM layer prints once to the
//! console, and the default is used. List attributes (`kind`, `topic`, …)
//! take values separated by commas or spaces; each unknown value is warned
//! about and dropped, the others kept.

use std::fmt;

use crate::archive::Archive;
use crate::date::PartialDate;
use crate::lang::Lang;
use crate::vocabulary::Facet;
use crate::widget::state::{Sort, State};

/// An attribute the widget reads (and observes after mount).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Attribute {
    /// Interface language.
    Lang,
    /// Initial search text.
    Query,
    /// A facet's initial selection.
    Facet(Facet),
    /// Date range start.
    From,
    /// Date range end.
    To,
    /// Result order.
    Sort,
    /// List, chronology or both.
    View,
    /// Colour scheme.
    Theme,
    /// Whether state goes into the URL hash.
    DeepLink,
}

impl Attribute {
    /// Every attribute, in the order they are applied at mount.
    pub const ALL: [Attribute; 14] = [
        Attribute::Lang,
        Attribute::Query,
        Attribute::Facet(Facet::Kind),
        Attribute::Facet(Facet::Topic),
        Attribute::Facet(Facet::Place),
        Attribute::Facet(Facet::Organization),
        Attribute::Facet(Facet::Person),
        Attribute::Facet(Facet::Year),
        Attribute::From,
        Attribute::To,
        Attribute::Sort,
        Attribute::View,
        Attribute::Theme,
        Attribute::DeepLink,
    ];

    /// The attribute's name in HTML (and its key in `mount` options).
    pub fn name(self) -> &'static str {
        match self {
            Attribute::Lang => "lang",
            Attribute::Query => "query",
            Attribute::Facet(facet) => facet.as_str(),
            Attribute::From => "from",
            Attribute::To => "to",
            Attribute::Sort => "sort",
            Attribute::View => "view",
            Attribute::Theme => "theme",
            Attribute::DeepLink => "deep-link",
        }
    }

    /// The attribute called `name`, if the widget reads it.
    pub fn from_name(name: &str) -> Option<Attribute> {
        Attribute::ALL.into_iter().find(|a| a.name() == name)
    }

    /// What a good value looks like, for warnings.
    fn expected(self) -> &'static str {
        match self {
            Attribute::Lang => "en, es, fr or id",
            Attribute::Query => "any text",
            Attribute::Facet(Facet::Year) => "years that have statements",
            Attribute::Facet(_) => "values listed in the vocabulary",
            Attribute::From | Attribute::To => "YYYY, YYYY-MM or YYYY-MM-DD",
            Attribute::Sort => "relevance, newest or oldest",
            Attribute::View => "list, timeline or both",
            Attribute::Theme => "light, dark or auto",
            Attribute::DeepLink => "on or off",
        }
    }
}

/// A value the widget could not use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The attribute it was given to.
    pub attribute: Attribute,
    /// The value as given.
    pub value: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl Warning {
    /// The console message, as [`fmt::Display`] writes it (without
    /// `to_string`'s formatting machinery in the module).
    pub fn message(&self) -> String {
        [
            "ima-statements: ignoring ",
            self.attribute.name(),
            "=\"",
            &self.value,
            "\": expected ",
            self.attribute.expected(),
            "; using the default",
        ]
        .concat()
    }
}

/// Colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Light.
    Light,
    /// Dark.
    Dark,
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
}

impl Theme {
    /// Its name, as the attribute and the stylesheet use it.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// Which views of the results are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The result list only.
    List,
    /// The chronology only.
    Timeline,
    /// Both, the chronology above the results: the default.
    #[default]
    Both,
}

impl View {
    /// Its name, as the attribute and the stylesheet use it.
    pub fn as_str(self) -> &'static str {
        match self {
            View::List => "list",
            View::Timeline => "timeline",
            View::Both => "both",
        }
    }
}

/// Presentation settings from attributes (the rest of the attributes set [`State`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings {
    /// The `lang` attribute, when it names a supported language.
    pub lang: Option<Lang>,
    /// Colour scheme.
    pub theme: Theme,
    /// Views shown.
    pub view: View,
    /// `deep-link` as given; `None` lets the page decide (on for its first widget).
    pub deep_link: Option<bool>,
}

/// The interface language: the `lang` attribute, else the page's
/// `<html lang>`, else English.
pub fn resolve_lang(attribute: Option<Lang>, page: Option<&str>) -> Lang {
    attribute
        .or_else(|| page.and_then(Lang::from_tag))
        .unwrap_or_default()
}

/// Knows which facet values and dates the archive accepts.
#[derive(Debug, Clone, Default)]
pub struct Checker {
    values: Vec<(Facet, String)>,
}

impl Checker {
    /// The values of `archive`.
    pub fn new(archive: &Archive) -> Checker {
        let facets = archive.facets();
        let mut values = Vec::new();
        for facet in Facet::ALL {
            for v in facets.get(facet) {
                values.push((facet, v.value.clone()));
            }
        }
        Checker { values }
    }

    /// Whether `value` is a value of `facet`.
    pub fn is_value(&self, facet: Facet, value: &str) -> bool {
        self.values.iter().any(|(f, v)| *f == facet && v == value)
    }

    /// Whether `value` is a date bound (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub fn is_bound(value: &str) -> bool {
        !value.contains('/') && PartialDate::parse(value).is_ok()
    }

    /// `state` without the values the archive does not know, for state that
    /// comes from the URL (which anyone can write): dropped silently.
    pub fn sanitize(&self, mut state: State) -> State {
        for facet in Facet::ALL {
            state
                .selection
                .get_mut(facet)
                .retain(|v| self.is_value(facet, v));
        }
        state.from = state.from.filter(|v| Checker::is_bound(v));
        state.to = state.to.filter(|v| Checker::is_bound(v));
        state.text = state.text.chars().take(MAX_TEXT).collect();
        state
    }

    /// Sets what `attribute` controls from `value` (`None` when the attribute
    /// was removed, which restores the default), returning what was wrong.
    pub fn apply(
        &self,
        attribute: Attribute,
        value: Option<&str>,
        settings: &mut Settings,
        state: &mut State,
    ) -> Vec<Warning> {
        let mut warnings = Vec::new();
        let mut warn = |v: &str| {
            warnings.push(Warning {
                attribute,
                value: v.to_owned(),
            })
        };
        let given = value.map(str::trim);
        match attribute {
            Attribute::Lang => {
                settings.lang = given.and_then(|v| {
                    let lang = Lang::from_tag(v);
                    if lang.is_none() && !v.is_empty() {
                        warn(v);
                    }
                    lang
                });
            }
            Attribute::Query => {
                state.text = given.unwrap_or("").chars().take(MAX_TEXT).collect();
            }
            Attribute::Facet(facet) => {
                let values = state.selection.get_mut(facet);
                values.clear();
                for v in given
                    .unwrap_or("")
                    .split([',', ' '])
                    .filter(|v| !v.is_empty())
                {
                    if !self.is_value(facet, v) {
                        warn(v);
                    } else if !values.iter().any(|x| x == v) {
                        values.push(v.to_owned());
                    }
                }
            }
            Attribute::From | Attribute::To => {
                let bound = given.filter(|v| !v.is_empty()).and_then(|v| {
                    let ok = Checker::is_bound(v);
                    if !ok {
                        warn(v);
                    }
                    ok.then(|| v.to_owned())
                });
                if attribute == Attribute::From {
                    state.from = bound;
                } else {
                    state.to = bound;
                }
            }
            Attribute::Sort => {
                state.sort = given.filter(|v| !v.is_empty()).and_then(|v| {
                    let sort = Sort::from_name(v);
                    if sort.is_none() {
                        warn(v);
                    }
                    sort
                });
            }
            Attribute::View => {
                settings.view = match given {
                    Some("list") => View::List,
                    Some("timeline") => View::Timeline,
                    None | Some("") | Some("both") => View::Both,
                    Some(v) => {
                        warn(v);
                        View::Both
                    }
                };
            }
            Attribute::Theme => {
                settings.theme = match given {
                    None | Some("") | Some("auto") => Theme::Auto,
                    Some("light") => Theme::Light,
                    Some("dark") => Theme::Dark,
                    Some(v) => {
                        warn(v);
                        Theme::Auto
                    }
                };
            }
            Attribute::DeepLink => {
                settings.deep_link = match given {
                    None => None,
                    Some("" | "on" | "true" | "yes") => Some(true),
                    Some("off" | "false" | "no") => Some(false),
                    Some(v) => {
                        warn(v);
                        None
                    }
                };
            }
        }
        warnings
    }
}

/// The longest search text kept; a visitor never needs more, and it bounds the work.
pub const MAX_TEXT: usize = 500;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::PerFacet;

    fn checker() -> Checker {
        Checker::new(&crate::archive::embedded().expect("embedded corpus"))
    }

    fn apply(attribute: &str, value: Option<&str>) -> (Settings, State, Vec<Warning>) {
        let (mut settings, mut state) = (Settings::default(), State::default());
        let attribute = Attribute::from_name(attribute).expect("a known attribute");
        let warnings = checker().apply(attribute, value, &mut settings, &mut state);
        (settings, state, warnings)
    }

    #[test]
    fn every_attribute_name_resolves_to_itself() {
        for a in Attribute::ALL {
            assert_eq!(Attribute::from_name(a.name()), Some(a));
        }
        assert_eq!(Attribute::from_name("style"), None);
    }

    #[test]
    fn good_values_apply() {
        assert_eq!(apply("lang", Some("fr-CA")).0.lang, Some(Lang::Fr));
        assert_eq!(apply("theme", Some("dark")).0.theme, Theme::Dark);
        assert_eq!(apply("view", Some("both")).0.view, View::Both);
        // The chronology is shown unless the page asks for the list alone.
        assert_eq!(apply("view", None).0.view, View::Both);
        assert_eq!(apply("view", Some("list")).0.view, View::List);
        assert_eq!(apply("deep-link", Some("")).0.deep_link, Some(true));
        assert_eq!(apply("deep-link", Some("off")).0.deep_link, Some(false));
        assert_eq!(apply("sort", Some("oldest")).1.sort, Some(Sort::Oldest));
        assert_eq!(
            apply("from", Some("2015-06")).1.from.as_deref(),
            Some("2015-06")
        );
        assert_eq!(apply("query", Some("rohingya")).1.text, "rohingya");
        let (_, state, warnings) = apply("kind", Some("statement, communique"));
        assert_eq!(
            state.selection.kind,
            vec!["statement".to_owned(), "communique".to_owned()]
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn bad_values_warn_naming_attribute_and_value_and_fall_back() {
        let (settings, _, warnings) = apply("theme", Some("purple"));
        assert_eq!(settings.theme, Theme::Auto);
        assert_eq!(warnings.len(), 1);
        let message = warnings[0].to_string();
        assert!(message.contains("theme=\"purple\""), "{message}");
        assert!(message.contains("light, dark or auto"), "{message}");

        let (settings, _, warnings) = apply("lang", Some("klingon"));
        assert_eq!((settings.lang, warnings.len()), (None, 1));
        let (_, state, warnings) = apply("from", Some("banana"));
        assert_eq!((state.from, warnings.len()), (None, 1));
        let (_, state, warnings) = apply("to", Some("2015/2016"));
        assert_eq!((state.to, warnings.len()), (None, 1));
        let (_, state, warnings) = apply("sort", Some("random"));
        assert_eq!((state.sort, warnings.len()), (None, 1));
        let (settings, _, warnings) = apply("view", Some("grid"));
        assert_eq!((settings.view, warnings.len()), (View::Both, 1));
        let (settings, _, warnings) = apply("deep-link", Some("maybe"));
        assert_eq!((settings.deep_link, warnings.len()), (None, 1));
    }

    #[test]
    fn unknown_list_values_are_dropped_one_by_one() {
        let (_, state, warnings) = apply("kind", Some("statement,poem"));
        assert_eq!(state.selection.kind, vec!["statement".to_owned()]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].value, "poem");
        let (_, state, warnings) = apply("year", Some("2015 1850"));
        assert_eq!(state.selection.year, vec!["2015".to_owned()]);
        assert_eq!(warnings[0].value, "1850");
    }

    #[test]
    fn removing_an_attribute_restores_the_default() {
        let (settings, state, warnings) = apply("theme", None);
        assert_eq!(settings.theme, Theme::Auto);
        assert!(warnings.is_empty());
        assert_eq!(state, State::default());
    }

    #[test]
    fn language_falls_back_to_the_page_then_english() {
        assert_eq!(resolve_lang(Some(Lang::Id), Some("fr")), Lang::Id);
        assert_eq!(resolve_lang(None, Some("es-MX")), Lang::Es);
        assert_eq!(resolve_lang(None, Some("de")), Lang::En);
        assert_eq!(resolve_lang(None, None), Lang::En);
    }

    #[test]
    fn sanitize_drops_what_the_archive_does_not_know() {
        let state = State {
            selection: PerFacet {
                topic: vec!["rohingya".into(), "<script>".into()],
                ..PerFacet::default()
            },
            from: Some("not a date".into()),
            to: Some("2016-06".into()),
            text: "x".repeat(MAX_TEXT + 10),
            ..State::default()
        };
        let clean = checker().sanitize(state);
        assert_eq!(clean.selection.topic, vec!["rohingya".to_owned()]);
        assert_eq!(clean.from, None);
        assert_eq!(clean.to.as_deref(), Some("2016-06"));
        assert_eq!(clean.text.chars().count(), MAX_TEXT);
    }
}
