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
    /// The attributes that make an element the control of this action:
    /// `data-act` first. Empty for actions no control carries (typing,
    /// sorting, a brushed period).
    pub fn encode(&self) -> Vec<(&'static str, &str)> {
        match self {
            Action::Facet(f, v) => facet_value("facet", *f, v),
            Action::Remove(Target::Value(f, v)) => facet_value("chip", *f, v),
            Action::Remove(Target::From) => vec![("data-act", "chip"), ("data-bound", "from")],
            Action::Remove(Target::To) => vec![("data-act", "chip"), ("data-bound", "to")],
            Action::Clear => vec![("data-act", "clear")],
            Action::Spell { text, clear } => {
                let mut a = vec![("data-act", "spell"), ("data-value", text.as_str())];
                if *clear {
                    a.push(("data-clear", ""));
                }
                a
            }
            Action::More => vec![("data-act", "more")],
            Action::Collapse(f) => vec![("data-act", "collapse"), ("data-facet", f.as_str())],
            Action::Expand(f) => vec![("data-act", "expand"), ("data-facet", f.as_str())],
            Action::Filters => vec![("data-act", "filters")],
            Action::Open(id) => vec![("data-act", "open"), ("data-id", id.as_str())],
            Action::Back => vec![("data-act", "back")],
            Action::Tag(f, v) => facet_value("tag", *f, v),
            Action::Copy => vec![("data-act", "copy")],
            Action::Text(_) | Action::Sort(_) | Action::Period(..) => Vec::new(),
        }
    }

    /// The action of a control whose attribute `name` is `get(name)`; `None`
    /// when it carries no action or an incomplete one.
    pub fn decode(get: impl Fn(&str) -> Option<String>) -> Option<Action> {
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

/// The attributes of an action on one facet value.
fn facet_value<'a>(
    act: &'static str,
    facet: Facet,
    value: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("data-act", act),
        ("data-facet", facet.as_str()),
        ("data-value", value),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(action: &Action) -> Option<Action> {
        let attributes = action.encode();
        Action::decode(|name| {
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
            assert_eq!(action.encode().first().map(|a| a.0), Some("data-act"));
        }
    }

    #[test]
    fn actions_no_control_carries_encode_to_nothing() {
        for action in [
            Action::Text("x".into()),
            Action::Sort(None),
            Action::Period(None, None),
        ] {
            assert!(action.encode().is_empty());
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
        assert_eq!(Action::decode(get(&[("data-act", "launch")])), None);
        assert_eq!(Action::decode(get(&[("data-act", "facet")])), None);
        assert_eq!(
            Action::decode(get(&[
                ("data-act", "facet"),
                ("data-facet", "colour"),
                ("data-value", "x")
            ])),
            None
        );
        assert_eq!(
            Action::decode(get(&[("data-act", "chip"), ("data-bound", "sideways")])),
            None
        );
        assert_eq!(Action::decode(get(&[])), None);
    }
}
