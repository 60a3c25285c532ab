//! What a visitor asks of the widget, as typed values: a control's action,
//! a keystroke, a period brushed on the chronology.
//!
//! Controls carry their action in the DOM as `data-` attributes, written by
//! [`Action::encode`] and read back by [`Action::decode`], the only two
//! places that know the attribute names and values:
//!
//! | action | attributes |
//! |---|---|
//! | [`Action::Facet`] | `data-act="facet" data-facet data-value` |
//! | [`Action::Remove`] | `data-act="chip"` and `data-facet data-value`, or `data-bound="from"`/`"to"` |
//! | [`Action::Clear`] | `data-act="clear"` |
//! | [`Action::Spell`] | `data-act="spell" data-value` (and `data-clear`) |
//! | [`Action::More`] | `data-act="more"` |
//! | [`Action::Collapse`], [`Action::Expand`] | `data-act="collapse"`/`"expand" data-facet` |
//! | [`Action::Filters`] | `data-act="filters"` |
//! | [`Action::Open`] | `data-act="open" data-id` |
//! | [`Action::Back`] | `data-act="back"` |
//! | [`Action::Tag`] | `data-act="tag" data-facet data-value` |
//! | [`Action::Copy`] | `data-act="copy"` |

use crate::request::Sort;
use crate::vocabulary::Facet;
use crate::widget::view::Target;

/// One thing the visitor asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The search box holds this text (a keystroke).
    Text(String),
    /// The sort menu's choice.
    Sort(Option<Sort>),
    /// Selects a facet value, or unselects it.
    Facet(Facet, String),
    /// Removes one filter (a chip).
    Remove(Target),
    /// Removes every filter and the text.
    Clear,
    /// Searches for a corrected text, without the filters when `clear`.
    Spell {
        /// The corrected text.
        text: String,
        /// Whether the filters go too.
        clear: bool,
    },
    /// Shows the next page of results.
    More,
    /// Folds a facet's list, or unfolds it.
    Collapse(Facet),
    /// Shows all of a facet's values, or the first few again.
    Expand(Facet),
    /// Opens or closes the filter panel on narrow widths.
    Filters,
    /// Opens a statement in the reading view.
    Open(String),
    /// Back to the list from the reading view.
    Back,
    /// A statement's tag: a new search for the entity it names.
    Tag(Facet, String),
    /// Copies the open statement's permalink.
    Copy,
    /// The period brushed on the chronology (`None`s remove it).
    Period(Option<String>, Option<String>),
}

impl Action {
    /// Gives an element the attributes that make it the control of this
    /// action, calling `set(name, value)` for each, `data-act` first.
    /// Nothing for actions no control carries (typing, sorting, a brushed
    /// period).
    pub fn encode(&self, set: &mut dyn FnMut(&'static str, &str)) {
        let (act, facet, value) = match self {
            Action::Facet(f, v) => ("facet", Some(*f), Some(v)),
            Action::Remove(Target::Value(f, v)) => ("chip", Some(*f), Some(v)),
            Action::Remove(bound) => {
                set("data-act", "chip");
                set(
                    "data-bound",
                    if *bound == Target::From { "from" } else { "to" },
                );
                return;
            }
            Action::Clear => ("clear", None, None),
            Action::Spell { text, clear } => {
                if *clear {
                    set("data-clear", "");
                }
                ("spell", None, Some(text))
            }
            Action::More => ("more", None, None),
            Action::Collapse(f) => ("collapse", Some(*f), None),
            Action::Expand(f) => ("expand", Some(*f), None),
            Action::Filters => ("filters", None, None),
            Action::Open(id) => {
                set("data-id", id);
                ("open", None, None)
            }
            Action::Back => ("back", None, None),
            Action::Tag(f, v) => ("tag", Some(*f), Some(v)),
            Action::Copy => ("copy", None, None),
            Action::Text(_) | Action::Sort(_) | Action::Period(..) => return,
        };
        set("data-act", act);
        if let Some(f) = facet {
            set("data-facet", f.as_str());
        }
        if let Some(v) = value {
            set("data-value", v);
        }
    }

    /// The action of a control whose attribute `name` is `get(name)`; `None`
    /// when it carries no action or an incomplete one.
    pub fn decode(get: &dyn Fn(&str) -> Option<String>) -> Option<Action> {
        let facet = || get("data-facet").and_then(|f| Facet::from_name(&f));
        let value = || get("data-value");
        Some(match get("data-act")?.as_str() {
            "facet" => Action::Facet(facet()?, value()?),
            "chip" => Action::Remove(match (facet(), value()) {
                (Some(f), Some(v)) => Target::Value(f, v),
                _ => match get("data-bound")?.as_str() {
                    "from" => Target::From,
                    "to" => Target::To,
                    _ => return None,
                },
            }),
            "clear" => Action::Clear,
            "spell" => Action::Spell {
                text: value()?,
                clear: get("data-clear").is_some(),
            },
            "more" => Action::More,
            "collapse" => Action::Collapse(facet()?),
            "expand" => Action::Expand(facet()?),
            "filters" => Action::Filters,
            "open" => Action::Open(get("data-id")?),
            "back" => Action::Back,
            "tag" => Action::Tag(facet()?, value()?),
            "copy" => Action::Copy,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(action: &Action) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        action.encode(&mut |name, value| out.push((name, value.to_owned())));
        out
    }

    fn round_trip(action: &Action) -> Option<Action> {
        let attributes = encoded(action);
        Action::decode(&|name| {
            attributes
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn every_control_reads_back_its_action() {
        let controls = [
            Action::Facet(Facet::Topic, "rohingya".into()),
            Action::Remove(Target::Value(Facet::Kind, "news".into())),
            Action::Remove(Target::From),
            Action::Remove(Target::To),
            Action::Clear,
            Action::Spell {
                text: "rohingya sea".into(),
                clear: false,
            },
            Action::Spell {
                text: "rohingya".into(),
                clear: true,
            },
            Action::More,
            Action::Collapse(Facet::Place),
            Action::Expand(Facet::Year),
            Action::Filters,
            Action::Open("2015-05-justice-for-the-26".into()),
            Action::Back,
            Action::Tag(Facet::Organization, "apmm".into()),
            Action::Copy,
        ];
        for action in &controls {
            assert_eq!(round_trip(action).as_ref(), Some(action));
            let attributes = encoded(action);
            assert_eq!(
                attributes.iter().filter(|a| a.0 == "data-act").count(),
                1,
                "{attributes:?}"
            );
        }
    }

    #[test]
    fn actions_no_control_carries_encode_to_nothing() {
        for action in [
            Action::Text("x".into()),
            Action::Sort(None),
            Action::Period(None, None),
        ] {
            assert!(encoded(&action).is_empty());
            assert_eq!(round_trip(&action), None);
        }
    }

    #[test]
    fn unknown_or_incomplete_controls_do_nothing() {
        let get = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(Action::decode(&get(&[("data-act", "launch")])), None);
        assert_eq!(Action::decode(&get(&[("data-act", "facet")])), None);
        assert_eq!(
            Action::decode(&get(&[
                ("data-act", "facet"),
                ("data-facet", "colour"),
                ("data-value", "x")
            ])),
            None
        );
        assert_eq!(
            Action::decode(&get(&[("data-act", "chip"), ("data-bound", "sideways")])),
            None
        );
        assert_eq!(Action::decode(&get(&[])), None);
    }
}
