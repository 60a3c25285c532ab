//! A visitor's session with one widget, with no browser in sight: the
//! state, how many results are shown, the interface's folds, and where to
//! return when the reading view closes.
//!
//! Every [`Action`] goes through [`Session::act`], which updates the
//! session and returns a [`Change`]: which regions to render again, which
//! pane to show, where focus goes and how the URL records it. The widget's
//! DOM half applies a change in one place (`mount`), so what an action does
//! is decided here and tested natively.

use crate::vocabulary::Facet;
use crate::widget::action::Action;
use crate::widget::state::State;

/// Results shown at first, and added by each "more results".
pub const PAGE: u32 = 10;

/// Interface state that is not part of the visitor's query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ui {
    /// Facets showing all their values.
    pub expanded: Vec<Facet>,
    /// Facets folded shut.
    pub collapsed: Vec<Facet>,
    /// Whether the filter panel is open on narrow widths.
    pub filters_open: bool,
}

/// Where the list was when a statement was opened from it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnPoint {
    /// The page's vertical scroll, pixels.
    pub scroll_y: f64,
    /// The statement whose card to focus again.
    pub id: String,
}

/// How a change is recorded in the session history.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Record {
    /// A new entry (filters, opening a statement): back undoes it.
    Push,
    /// Update the current entry (typing).
    Replace,
    /// Leave the URL alone (nothing to record, or the change came from the URL).
    #[default]
    None,
}

/// Which of the two panes a change shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pane {
    /// Whichever is shown.
    #[default]
    Keep,
    /// The open statement, its title focused when `focus`.
    Reading {
        /// Whether focus moves to the statement's title.
        focus: bool,
    },
    /// The result list, back at the return point if there is one.
    List,
}

/// Where focus goes after a change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    /// Where it was (the same control, when it was rendered again).
    #[default]
    Keep,
    /// The search box.
    Input,
    /// The first card of the page just added.
    NextPage,
}

/// What an action changed, for the DOM half to show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Change {
    /// Search again and render the result regions (those whose content
    /// changed).
    pub results: bool,
    /// The pane to show.
    pub pane: Pane,
    /// Whether the search box must show the state's text (the change did
    /// not come from typing in it).
    pub input: bool,
    /// Where focus goes.
    pub focus: Focus,
    /// How the URL records the change (and whether the page hears of it) now.
    pub record: Record,
    /// A keystroke: the URL and the result count's announcement wait until
    /// the visitor pauses.
    pub typed: bool,
    /// A statement was opened: the page hears of it.
    pub opened: bool,
    /// Copy the open statement's permalink.
    pub copy: bool,
}

impl Change {
    /// Nothing to do.
    pub fn none() -> Change {
        Change::default()
    }

    /// A new search, recorded as a new history entry, from the first page.
    fn search() -> Change {
        Change {
            results: true,
            record: Record::Push,
            ..Change::default()
        }
    }
}

/// One visitor's session with a widget.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// What the visitor asked for.
    pub state: State,
    /// The state the attributes describe; an empty URL goes back to it.
    pub initial: State,
    /// How many results are shown.
    pub limit: u32,
    /// Folds and panels.
    pub ui: Ui,
    /// Where to go back to from the reading view.
    pub return_to: Option<ReturnPoint>,
}

impl Session {
    /// A session starting at `initial`.
    pub fn new(initial: State) -> Session {
        Session {
            state: initial.clone(),
            initial,
            limit: PAGE,
            ui: Ui::default(),
            return_to: None,
        }
    }

    /// Carries out `action`. `scroll_y` is the page's scroll now, kept as
    /// the return point when a statement opens from the list.
    pub fn act(&mut self, action: Action, scroll_y: f64) -> Change {
        match action {
            Action::Text(text) => self.text(text),
            Action::Sort(sort) => {
                self.state.sort = sort;
                self.refresh()
            }
            Action::Facet(facet, value) => {
                self.state.toggle(facet, &value);
                self.refresh()
            }
            Action::Remove(target) => {
                target.remove_from(&mut self.state);
                Change {
                    // With nothing left to remove, focus has nowhere to stay.
                    focus: if self.state.has_filters() {
                        Focus::Keep
                    } else {
                        Focus::Input
                    },
                    ..self.refresh()
                }
            }
            Action::Clear => {
                self.state.clear();
                self.retyped()
            }
            Action::Spell { text, clear } => {
                if clear {
                    self.state.clear();
                }
                self.state.text = text;
                self.retyped()
            }
            Action::More => {
                self.limit = self.limit.saturating_add(PAGE);
                Change {
                    results: true,
                    focus: Focus::NextPage,
                    ..Change::none()
                }
            }
            Action::Collapse(facet) => {
                flip(&mut self.ui.collapsed, facet);
                self.folded()
            }
            Action::Expand(facet) => {
                flip(&mut self.ui.expanded, facet);
                self.folded()
            }
            Action::Filters => {
                self.ui.filters_open = !self.ui.filters_open;
                self.folded()
            }
            Action::Open(id) => {
                if self.state.open.is_none() {
                    self.return_to = Some(ReturnPoint {
                        scroll_y,
                        id: id.clone(),
                    });
                }
                self.state.open = Some(id);
                Change {
                    pane: Pane::Reading { focus: true },
                    opened: true,
                    record: Record::Push,
                    ..Change::none()
                }
            }
            Action::Back => {
                if self.state.open.take().is_none() {
                    return Change::none();
                }
                Change {
                    pane: Pane::List,
                    record: Record::Push,
                    ..Change::none()
                }
            }
            Action::Tag(facet, value) => {
                // A tag starts a new search for what it names.
                self.state = State {
                    sort: self.state.sort,
                    ..State::default()
                };
                self.state.select(facet, &value);
                self.return_to = None;
                Change {
                    pane: Pane::List,
                    ..self.retyped()
                }
            }
            Action::Copy => Change {
                copy: true,
                ..Change::none()
            },
            Action::Period(from, to) => {
                if (&from, &to) == (&self.state.from, &self.state.to) {
                    return Change::none();
                }
                self.state.from = from;
                self.state.to = to;
                self.refresh()
            }
        }
    }

    /// The search box's text. New text closes the open statement.
    fn text(&mut self, text: String) -> Change {
        if text == self.state.text && self.state.open.is_none() {
            return Change::none();
        }
        self.state.text = text;
        self.limit = PAGE;
        let mut change = Change {
            results: true,
            typed: true,
            ..Change::none()
        };
        if self.state.open.take().is_some() {
            self.return_to = None;
            change.pane = Pane::List;
        }
        change
    }

    /// A new search from the first page, recorded as a new entry.
    fn refresh(&mut self) -> Change {
        self.limit = PAGE;
        Change::search()
    }

    /// A new search whose text did not come from the search box, which
    /// then shows it and takes focus.
    fn retyped(&mut self) -> Change {
        Change {
            input: true,
            focus: Focus::Input,
            ..self.refresh()
        }
    }

    /// The same results, drawn with other folds.
    fn folded(&self) -> Change {
        Change {
            results: true,
            ..Change::none()
        }
    }
}

/// Adds `facet` to `set`, or removes it when it was there.
fn flip(set: &mut Vec<Facet>, facet: Facet) {
    match set.iter().position(|f| *f == facet) {
        Some(i) => {
            set.remove(i);
        }
        None => set.push(facet),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::Sort;
    use crate::widget::view::Target;

    fn open(id: &str) -> Session {
        let mut s = Session::new(State::default());
        s.act(Action::Open(id.into()), 120.0);
        s
    }

    #[test]
    fn a_keystroke_searches_now_and_records_after_a_pause() {
        let mut s = Session::new(State::default());
        s.limit = 30;
        let change = s.act(Action::Text("roh".into()), 0.0);
        assert_eq!(s.state.text, "roh");
        assert_eq!(s.limit, PAGE, "a new text starts from the first page");
        assert!(change.results && change.typed);
        assert_eq!(change.record, Record::None, "the URL waits for the pause");
        assert!(!change.input, "the box already shows what was typed");
        assert_eq!(s.act(Action::Text("roh".into()), 0.0), Change::none());
    }

    #[test]
    fn typing_closes_the_open_statement_and_forgets_the_return_point() {
        let mut s = open("a");
        let change = s.act(Action::Text("x".into()), 0.0);
        assert_eq!(s.state.open, None);
        assert_eq!(s.return_to, None);
        assert_eq!(change.pane, Pane::List);
        // The same text again still closes it.
        let mut s = open("a");
        assert_eq!(s.act(Action::Text(String::new()), 0.0).pane, Pane::List);
    }

    #[test]
    fn filters_search_again_from_the_first_page_as_new_entries() {
        let mut s = Session::new(State::default());
        s.limit = 20;
        let change = s.act(Action::Facet(Facet::Topic, "rohingya".into()), 0.0);
        assert!(s.state.is_selected(Facet::Topic, "rohingya"));
        assert_eq!(s.limit, PAGE);
        assert_eq!(change, Change::search());
        s.act(Action::Facet(Facet::Topic, "rohingya".into()), 0.0);
        assert!(!s.state.has_filters(), "a second click unselects");
        let change = s.act(Action::Sort(Some(Sort::Oldest)), 0.0);
        assert_eq!(
            (s.state.sort, change.record),
            (Some(Sort::Oldest), Record::Push)
        );
    }

    #[test]
    fn removing_the_last_chip_sends_focus_to_the_search_box() {
        let mut s = Session::new(State::default());
        s.act(Action::Facet(Facet::Kind, "news".into()), 0.0);
        s.act(Action::Period(Some("2015".into()), None), 0.0);
        let change = s.act(Action::Remove(Target::From), 0.0);
        assert_eq!((s.state.from.clone(), change.focus), (None, Focus::Keep));
        let change = s.act(
            Action::Remove(Target::Value(Facet::Kind, "news".into())),
            0.0,
        );
        assert_eq!(change.focus, Focus::Input);
        assert!(change.results);
    }

    #[test]
    fn a_spelling_fix_replaces_the_text_and_may_clear_the_filters() {
        let mut s = Session::new(State::default());
        s.act(Action::Facet(Facet::Kind, "news".into()), 0.0);
        let change = s.act(
            Action::Spell {
                text: "rohingya".into(),
                clear: true,
            },
            0.0,
        );
        assert_eq!(s.state.text, "rohingya");
        assert!(!s.state.has_filters());
        assert!(change.input && change.results);
        assert_eq!(change.focus, Focus::Input);
    }

    #[test]
    fn more_adds_a_page_without_a_history_entry() {
        let mut s = Session::new(State::default());
        let change = s.act(Action::More, 0.0);
        assert_eq!(s.limit, 2 * PAGE);
        assert_eq!(change.focus, Focus::NextPage);
        assert_eq!(change.record, Record::None);
    }

    #[test]
    fn folds_redraw_without_a_history_entry() {
        let mut s = Session::new(State::default());
        let change = s.act(Action::Collapse(Facet::Year), 0.0);
        assert_eq!(s.ui.collapsed, vec![Facet::Year]);
        assert_eq!((change.results, change.record), (true, Record::None));
        s.act(Action::Collapse(Facet::Year), 0.0);
        assert!(s.ui.collapsed.is_empty());
        s.act(Action::Expand(Facet::Place), 0.0);
        s.act(Action::Filters, 0.0);
        assert_eq!(s.ui.expanded, vec![Facet::Place]);
        assert!(s.ui.filters_open);
    }

    #[test]
    fn opening_keeps_the_return_point_of_the_list_only() {
        let mut s = open("a");
        assert_eq!(
            s.return_to,
            Some(ReturnPoint {
                scroll_y: 120.0,
                id: "a".into()
            })
        );
        // From one statement to another (previous/next, related), the way
        // back still leads to the card first opened.
        let change = s.act(Action::Open("b".into()), 900.0);
        assert_eq!(s.state.open.as_deref(), Some("b"));
        assert_eq!(s.return_to.as_ref().map(|r| r.id.as_str()), Some("a"));
        assert!(change.opened);
        assert_eq!(change.pane, Pane::Reading { focus: true });
        assert_eq!(change.record, Record::Push);
    }

    #[test]
    fn back_closes_only_what_is_open() {
        let mut s = open("a");
        let change = s.act(Action::Back, 0.0);
        assert_eq!((s.state.open.clone(), change.pane), (None, Pane::List));
        assert_eq!(change.record, Record::Push);
        assert_eq!(s.act(Action::Back, 0.0), Change::none());
    }

    #[test]
    fn a_tag_starts_a_new_search_for_its_entity_keeping_the_sort() {
        let mut s = open("a");
        s.state.text = "compact".into();
        s.state.sort = Some(Sort::Oldest);
        s.state.from = Some("2015".into());
        let change = s.act(Action::Tag(Facet::Place, "thailand".into()), 0.0);
        assert_eq!(
            s.state,
            State {
                selection: crate::vocabulary::PerFacet {
                    place: vec!["thailand".into()],
                    ..Default::default()
                },
                sort: Some(Sort::Oldest),
                ..State::default()
            }
        );
        assert_eq!(
            s.return_to, None,
            "the list is a new one: no card to return to"
        );
        assert_eq!(change.pane, Pane::List);
        assert!(change.results && change.input);
        assert_eq!((change.focus, change.record), (Focus::Input, Record::Push));
    }

    #[test]
    fn the_same_period_again_changes_nothing() {
        let mut s = Session::new(State::default());
        let period = || Action::Period(Some("2015".into()), Some("2016-06".into()));
        assert_eq!(s.act(period(), 0.0), Change::search());
        assert_eq!(s.act(period(), 0.0), Change::none());
        assert!(s.act(Action::Period(None, None), 0.0).results);
        assert_eq!((s.state.from.clone(), s.state.to.clone()), (None, None));
    }

    #[test]
    fn copy_changes_no_state() {
        let mut s = open("a");
        let before = s.clone();
        assert!(s.act(Action::Copy, 0.0).copy);
        assert_eq!(s, before);
    }
}
