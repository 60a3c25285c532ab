//! Mounting: the `mount` export and the [`Widget`] it returns.
//!
//! A widget is a pure [`Session`] (what the visitor asked for, and what
//! each action changes: `widget::session`) inside the DOM and resource
//! holder here, `Inner`, which owns its shadow root's content and every
//! listener, timer and callback it registers (as `Tracked` values).
//!
//! Every visitor action takes one path (`mount::actions`): a listener turns
//! the event into an `Action`, [`Session::act`] returns the `Change`, and
//! `Inner::apply` renders the regions that changed, moves focus and
//! records the state.
//!
//! Callbacks hold only a weak reference to the widget, so nothing keeps it
//! alive but the `Widget` handle; dropping or unmounting it drops them all
//! and empties the shadow root. Custom events are queued while the widget's
//! state is borrowed and dispatched after, so a page listener that calls
//! back into the widget never finds it busy.

use std::cell::{Cell, RefCell};
use std::ops::{Deref, DerefMut};
use std::rc::{Rc, Weak};

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Event, EventTarget, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode, Window,
};

use crate::lang::Lang;
use crate::widget::dom::{self, Tracked};
use crate::widget::options::{Attribute, Settings};
use crate::widget::render::{self, Ctx, Nodes, Shown};
use crate::widget::session::Session;
use crate::widget::state::State;
use crate::widget::strings::Strings;
use crate::widget::timeline::Timeline;

pub(crate) use crate::widget::session::{Record, PAGE};
use page::{option_value, page_lang, style, Shared};

mod actions;
mod attributes;
mod history;
mod page;
mod regions;
mod share;
mod typing;

/// Clipboard callbacks kept at most.
const MAX_CLIPBOARD: usize = 4;
/// How long the "link copied" notice stays.
const NOTICE_MS: u32 = 4000;
/// A large archive's search index is built while the page is idle, from
/// this long after the widget is ready, in slices of about `INDEX_SLICE_MS`
/// (each `INDEX_STEP` statements at a time) with the page's own work
/// between them, so the first keystroke finds it built (10,000 statements:
/// about half a second of work, which the first keystroke would otherwise
/// wait for).
#[cfg(feature = "symbols")]
const INDEX_AFTER_MS: u32 = 300;
#[cfg(feature = "symbols")]
const INDEX_SLICE_MS: f64 = 8.0;
#[cfg(feature = "symbols")]
const INDEX_STEP: usize = 32;

thread_local! {
    /// The widget whose state is in the URL (the first one, unless told otherwise).
    static HASH_OWNER: Cell<Option<u32>> = const { Cell::new(None) };
}

/// Mounts the widget in `element` (any element that can host a shadow
/// root). `options` is an object whose keys are attribute names (`lang`,
/// `topic`, `deep-link`, …); lists may be arrays. Options win over the
/// element's attributes.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<Widget, JsError> {
    let host: HtmlElement = element
        .dyn_into()
        .map_err(|_| JsError::new("mount: expected an HTML element"))?;
    Widget::new(host, &options)
}

/// Number of listeners, timers and callbacks alive in all widgets on the
/// page: zero once every widget is unmounted. For tests and diagnostics.
#[wasm_bindgen(js_name = liveResources)]
pub fn live_resources() -> u32 {
    dom::live()
}

/// A mounted widget. Call `unmount()` (or drop it) to free everything.
#[wasm_bindgen]
pub struct Widget {
    inner: Rc<RefCell<Inner>>,
}

/// A promise callback owned by the widget.
type Callback = Closure<dyn FnMut(JsValue)>;

/// The DOM and resource holder around a widget's [`Session`].
struct Inner {
    /// The visitor's session; `Inner` derefs to it.
    session: Session,
    id: u32,
    /// Its place among the widgets on the page, for landmark names.
    ordinal: u32,
    shared: Rc<Shared>,
    weak: Weak<RefCell<Inner>>,
    window: Window,
    doc: Document,
    host: HtmlElement,
    shadow: ShadowRoot,
    settings: Settings,
    lang: Lang,
    deep_link: bool,
    nodes: Nodes,
    /// What the result regions show, to leave unchanged ones alone.
    shown: Shown,
    listeners: Vec<Tracked<EventListener>>,
    history_listeners: Vec<Tracked<EventListener>>,
    typing: typing::Typing,
    notice: Option<Tracked<Timeout>>,
    /// Callbacks of clipboard writes, kept until unmount so a slow promise
    /// never calls a dropped one (bounded: the oldest go first).
    clipboard: Vec<Tracked<(Callback, Callback)>>,
    warned: Vec<(&'static str, String)>,
    /// Events to dispatch once the state is no longer borrowed.
    pending: Vec<(&'static str, JsValue)>,
    /// The chronology, when the `view` attribute shows it.
    timeline: Option<Timeline>,
    /// What the chronology was last shown: matches, period, open statement.
    drawn: Option<regions::Drawn>,
    /// The next slice of a large archive's index, while one is left.
    #[cfg(feature = "symbols")]
    indexing: Option<Tracked<Timeout>>,
}

// The widget's parts (`history`, `share`, `attributes`) read and write the
// session's state through the holder, as `self.state`.
impl Deref for Inner {
    type Target = Session;
    fn deref(&self) -> &Session {
        &self.session
    }
}

impl DerefMut for Inner {
    fn deref_mut(&mut self) -> &mut Session {
        &mut self.session
    }
}

impl Widget {
    fn new(host: HtmlElement, options: &JsValue) -> Result<Widget, JsError> {
        let shared = page::shared()?;
        let window = web_sys::window().ok_or_else(|| JsError::new("mount: no window"))?;
        let doc = host
            .owner_document()
            .ok_or_else(|| JsError::new("mount: the element has no document"))?;
        let shadow = match host.shadow_root() {
            Some(existing) => {
                dom::clear(&existing);
                existing
            }
            None => host
                .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
                .map_err(|_| JsError::new("mount: this element cannot host a shadow root"))?,
        };
        style(&doc, &shadow);

        let mut settings = Settings::default();
        let mut initial = State::default();
        let mut warnings = Vec::new();
        for attribute in Attribute::ALL {
            let value = option_value(options, attribute.name())
                .or_else(|| host.get_attribute(attribute.name()));
            if value.is_some() {
                warnings.extend(shared.checker.apply(
                    attribute,
                    value.as_deref(),
                    &mut settings,
                    &mut initial,
                ));
            }
        }
        let lang = page_lang(&doc, settings.lang);
        let ordinal = page::take_ordinal();
        let ctx = Ctx {
            doc: &doc,
            lang,
            strings: Strings::of(lang),
            ordinal,
        };
        let nodes = render::skeleton(&ctx, &shadow, &settings);
        let inner = Rc::new_cyclic(|weak| {
            RefCell::new(Inner {
                session: Session::new(initial),
                id: page::next_id(),
                ordinal,
                shared: shared.clone(),
                weak: weak.clone(),
                window,
                doc: doc.clone(),
                host,
                shadow,
                settings,
                lang,
                deep_link: false,
                nodes,
                shown: Shown::default(),
                listeners: Vec::new(),
                history_listeners: Vec::new(),
                typing: typing::Typing::default(),
                notice: None,
                clipboard: Vec::new(),
                warned: Vec::new(),
                pending: Vec::new(),
                timeline: None,
                drawn: None,
                #[cfg(feature = "symbols")]
                indexing: None,
            })
        });
        {
            let mut i = inner.borrow_mut();
            for w in warnings {
                i.warn(w);
            }
            i.start_url();
            i.wire();
            i.sync_timeline();
            i.render_all(false);
            let detail = i.state_js();
            i.pending.push(("ima-statements:ready", detail));
            #[cfg(feature = "symbols")]
            {
                i.indexing = Some(after(&i.weak, INDEX_AFTER_MS, Inner::index_slice));
            }
        }
        flush(&inner);
        Ok(Widget { inner })
    }
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget: every listener, timer and node it made is freed
    /// and the shadow root is left empty.
    pub fn unmount(self) {
        // Dropping the last handle does the work (see `Drop for Inner`), so a
        // handle lost without `unmount` frees the same things.
    }

    /// Forwards an attribute change (`value` null when the attribute was removed).
    #[wasm_bindgen(js_name = setAttribute)]
    pub fn set_attribute(&self, name: &str, value: Option<String>) {
        let Some(attribute) = Attribute::from_name(name) else {
            return;
        };
        if let Ok(mut i) = self.inner.try_borrow_mut() {
            i.attribute(attribute, value.as_deref());
        }
        flush(&self.inner);
    }

    /// The current state, as the `ima-statements:change` event carries it.
    pub fn state(&self) -> JsValue {
        self.inner
            .try_borrow()
            .map_or(JsValue::UNDEFINED, |i| i.state_js())
    }
}

impl Drop for Inner {
    /// Runs when the last handle goes: on `unmount`, on dropping the
    /// `Widget`, or (if that happened inside one of the widget's own
    /// callbacks) as soon as that callback returns.
    fn drop(&mut self) {
        self.timeline = None;
        self.listeners.clear();
        self.history_listeners.clear();
        self.typing = typing::Typing::default();
        self.notice = None;
        #[cfg(feature = "symbols")]
        {
            self.indexing = None;
        }
        self.clipboard.clear();
        if HASH_OWNER.with(Cell::get) == Some(self.id) {
            HASH_OWNER.with(|o| o.set(None));
        }
        page::release_ordinal(self.ordinal);
        dom::clear(&self.shadow);
        self.shadow.set_adopted_style_sheets(&Array::new());
    }
}

/// Dispatches the events `inner` queued, after releasing it.
fn flush(inner: &Rc<RefCell<Inner>>) {
    let (host, events) = match inner.try_borrow_mut() {
        Ok(mut i) => (i.host.clone(), std::mem::take(&mut i.pending)),
        Err(_) => return,
    };
    for (name, detail) in events {
        dom::tell(&host, name, &detail);
    }
}

/// A listener for `name` events on `target` that runs `f` on the widget
/// behind `weak`. Every listener of the widget's own is this one closure
/// with a plain function for what it does, so the module holds one
/// listener's code, not one per listener.
fn listen(
    weak: &Weak<RefCell<Inner>>,
    target: &EventTarget,
    name: &'static str,
    f: fn(&mut Inner, &Event),
) -> Tracked<EventListener> {
    let weak = weak.clone();
    Tracked::new(EventListener::new(target, name, move |e| {
        with(&weak, |i| f(i, e))
    }))
}

/// A timer that runs `f` on the widget behind `weak` after `ms`
/// milliseconds: like [`listen`], one closure for every timer.
fn after(weak: &Weak<RefCell<Inner>>, ms: u32, f: fn(&mut Inner)) -> Tracked<Timeout> {
    let weak = weak.clone();
    Tracked::new(Timeout::new(ms, move || with(&weak, f)))
}

/// Runs `f` on the widget behind `weak`, if it is still mounted and not busy.
fn with(weak: &Weak<RefCell<Inner>>, f: impl FnOnce(&mut Inner)) {
    let Some(inner) = weak.upgrade() else { return };
    if let Ok(mut i) = inner.try_borrow_mut() {
        f(&mut i);
    }
    flush(&inner);
}

impl Inner {
    /// Builds the next slice of a large archive's search index, for about
    /// `INDEX_SLICE_MS`, then leaves the page its turn and asks for the next
    /// while any is left. A keystroke before the end builds the rest at once.
    #[cfg(feature = "symbols")]
    fn index_slice(&mut self) {
        let start = js_sys::Date::now();
        self.indexing = None;
        while !self.shared.archive.index_some(INDEX_STEP) {
            if js_sys::Date::now() - start >= INDEX_SLICE_MS {
                self.indexing = Some(after(&self.weak, 0, Inner::index_slice));
                return;
            }
        }
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            doc: &self.doc,
            lang: self.lang,
            strings: Strings::of(self.lang),
            ordinal: self.ordinal,
        }
    }

    /// Prints a warning once per attribute and value.
    fn warn(&mut self, w: crate::widget::options::Warning) {
        let key = (w.attribute.name(), w.value.clone());
        if !self.warned.contains(&key) {
            web_sys::console::warn_1(&JsValue::from_str(&w.message()));
            self.warned.push(key);
        }
    }

    // --- The URL -----------------------------------------------------------
    // Everything about the state in the URL is in `history` (reading it,
    // following back/forward, writing it) and `share` (permalinks); the
    // rest of the widget reaches it through these calls only: `start_url`
    // at mount, `commit` after a change, `settle` after typing.

    /// Decides whether this widget keeps its state in the URL, listens to
    /// history, and starts from the URL's state.
    fn start_url(&mut self) {
        self.set_deep_link();
        if self.deep_link {
            if let Some(state) = self.url_state() {
                self.session.state = state;
            }
        }
    }
}
