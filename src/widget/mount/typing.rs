//! Typing: each keystroke searches in the next animation frame, with no
//! fixed pause, and keystrokes that arrive within one frame are searched
//! once, with the newest text. What must not follow every letter waits
//! until the visitor pauses: the URL (so back does not step through
//! letters), the `change` event, and the live region's announcement of the
//! count (so a screen reader does not chatter). Any other action, or Enter,
//! settles a pending pause first, so the typed text gets its own history
//! entry before the next.

use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Window;

use super::{with, Inner};
use crate::widget::action::Action;
use crate::widget::dom::Tracked;
use crate::widget::options::MAX_TEXT;
use crate::widget::session::Record;

/// How long typing must stop before the URL and the announcement follow.
pub(super) const PAUSE_MS: u32 = 500;

/// An animation frame callback, cancelled when dropped.
pub(super) struct Frame {
    window: Window,
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for Frame {
    fn drop(&mut self) {
        let _ = self.window.cancel_animation_frame(self.id);
    }
}

/// The keystroke path's resources.
#[derive(Default)]
pub(super) struct Typing {
    /// The frame that will search the newest text.
    frame: Option<Tracked<Frame>>,
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
    /// A keystroke: searches in the next frame, unless one is asked for already.
    pub(super) fn keystroke(&mut self) {
        if self.typing.frame.is_some() {
            return;
        }
        let weak = self.weak.clone();
        let callback = Closure::once(move || {
            with(&weak, |i| {
                i.typing.frame = None;
                let text = i.typed();
                i.act(Action::Text(text));
            });
        });
        if let Ok(id) = self
            .window
            .request_animation_frame(callback.as_ref().unchecked_ref())
        {
            self.typing.frame = Some(Tracked::new(Frame {
                window: self.window.clone(),
                id,
                _callback: callback,
            }));
        }
    }

    /// Enter: searches the text now and records it at once.
    pub(super) fn submit(&mut self) {
        self.typing.frame = None;
        let text = self.typed();
        self.act(Action::Text(text));
        self.settle();
    }

    /// The search box's text, as long as the widget reads.
    fn typed(&self) -> String {
        self.nodes.input.value().chars().take(MAX_TEXT).collect()
    }

    /// Starts (again) the wait for a pause.
    pub(super) fn pause(&mut self) {
        let weak = self.weak.clone();
        self.typing.pause = Some(Tracked::new(Timeout::new(PAUSE_MS, move || {
            with(&weak, Inner::settle);
        })));
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
