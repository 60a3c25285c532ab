//! Typing: each keystroke searches and renders at once, in its input
//! event, with no fixed pause, so the frame painted next shows its results.
//! Input events reach the widget one after another, so the newest text
//! always wins. What must not follow every letter waits until the visitor
//! pauses: the URL (so back does not step through letters), the `change`
//! event, and the live region's announcement of the count (so a screen
//! reader does not chatter). Any other action, or Enter, settles a pending
//! pause first, so the typed text gets its own history entry before the
//! next.
//!
//! (The search once waited for the next animation frame, to search once
//! for several keystrokes in one frame. Keys typed by hand never share a
//! frame, and `tests/e2e/bench.mjs` measured the wait on top of the work:
//! last key to painted at 10,000 statements, p95 67 ms then, 33 ms now.)

use gloo::timers::callback::Timeout;

use super::{after, Inner};
use crate::widget::action::Action;
use crate::widget::dom::Tracked;
use crate::widget::options::MAX_TEXT;
use crate::widget::session::Record;

/// How long typing must stop before the URL and the announcement follow.
pub(super) const PAUSE_MS: u32 = 500;

/// The keystroke path's resources.
#[derive(Default)]
pub(super) struct Typing {
    /// Runs when the visitor has paused.
    pause: Option<Tracked<Timeout>>,
}

impl Typing {
    /// Whether a keystroke's URL and announcement are still waiting.
    pub(super) fn pausing(&self) -> bool {
        self.pause.is_some()
    }
}

impl Inner {
    /// A keystroke: searches the search box's text now.
    pub(super) fn keystroke(&mut self) {
        let text: String = self.nodes.input.value().chars().take(MAX_TEXT).collect();
        self.act(Action::Text(text));
    }

    /// Enter: searches the text and records it at once.
    pub(super) fn submit(&mut self) {
        self.keystroke();
        self.settle();
    }

    /// Starts (again) the wait for a pause.
    pub(super) fn pause(&mut self) {
        self.typing.pause = Some(after(&self.weak, PAUSE_MS, Inner::settle));
    }

    /// Records the typed text and announces its count, if a pause was awaited.
    pub(super) fn settle(&mut self) {
        if self.typing.pause.take().is_some() {
            self.commit(Record::Replace);
            self.announce();
        }
    }

    /// Says the result count in the live region, when it changed.
    pub(super) fn announce(&self) {
        let said = &self.shown.status;
        if self.nodes.announce.text_content().as_deref() != Some(said.as_str()) {
            self.nodes.announce.set_text_content(Some(said));
        }
    }
}
