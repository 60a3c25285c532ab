//! Mounting: the `mount` export and the [`Widget`] it returns.
//!
//! A widget owns its shadow root's content, its state, and every listener,
//! timer and callback it registers (as `Tracked` values). Callbacks hold
//! only a weak reference to the widget, so nothing keeps it alive but the
//! `Widget` handle; dropping or unmounting it drops them all and empties the
//! shadow root. Custom events are queued while the widget's state is
//! borrowed and dispatched after, so a page listener that calls back into
//! the widget never finds it busy.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Document, Element, FocusOptions, HtmlElement,
    KeyboardEvent, ShadowRoot, ShadowRootInit, ShadowRootMode, Window,
};

use crate::archive::Archive;
use crate::lang::Lang;
use crate::number::signed;
use crate::vocabulary::Facet;
use crate::widget::dom::{self, Tracked};
use crate::widget::options::{resolve_lang, Attribute, Checker, Settings, View};
use crate::widget::render::{self, Ctx, Nodes, Ui};
use crate::widget::state::{Sort, State};
use crate::widget::strings::Strings;
use crate::widget::timeline::{self, Action, Timeline};
use crate::widget::{view, STYLESHEET, TIMELINE_STYLESHEET};

mod attributes;
mod history;
mod share;

/// Quiet time after a keystroke before the search runs.
const DEBOUNCE_MS: u32 = 150;
/// Results added by each "more results".
const PAGE: u32 = 10;
/// Clipboard callbacks kept at most.
const MAX_CLIPBOARD: usize = 4;
/// How long the "link copied" notice stays.
const NOTICE_MS: u32 = 4000;

/// The archive and what checks values against it, shared by every widget on the page.
struct Shared {
    archive: Archive,
    checker: Checker,
}

thread_local! {
    static SHARED: RefCell<Option<Rc<Shared>>> = const { RefCell::new(None) };
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// The widget whose state is in the URL hash (the first one, unless told otherwise).
    static HASH_OWNER: Cell<Option<u32>> = const { Cell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// The ordinals of the widgets on the page (see [`Ctx::landmark`]).
    static ORDINALS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// The smallest ordinal no mounted widget holds, from 1, now held.
fn take_ordinal() -> u32 {
    ORDINALS.with(|o| {
        let mut held = o.borrow_mut();
        let n = (1..).find(|n| !held.contains(n)).unwrap_or(1);
        held.push(n);
        n
    })
}

/// Frees `ordinal` for the next widget mounted.
fn release_ordinal(ordinal: u32) {
    ORDINALS.with(|o| o.borrow_mut().retain(|&n| n != ordinal));
}

fn shared() -> Result<Rc<Shared>, JsError> {
    if let Some(s) = SHARED.with(|s| s.borrow().clone()) {
        return Ok(s);
    }
    let archive = Archive::embedded().map_err(|e| JsError::new(&e.message()))?;
    let checker = Checker::new(&archive);
    let s = Rc::new(Shared { archive, checker });
    SHARED.with(|cell| *cell.borrow_mut() = Some(s.clone()));
    Ok(s)
}

/// The page's one constructed stylesheet, or `None` where the browser has no
/// constructable stylesheets.
fn sheet() -> Option<CssStyleSheet> {
    SHEET.with(|cell| {
        if let Some(s) = cell.borrow().as_ref() {
            return Some(s.clone());
        }
        let s = CssStyleSheet::new().ok()?;
        s.replace_sync(&[STYLESHEET, TIMELINE_STYLESHEET].concat())
            .ok()?;
        *cell.borrow_mut() = Some(s.clone());
        Some(s)
    })
}

/// Gives `shadow` the widget's styles: the shared constructed stylesheet,
/// or, in browsers without constructable stylesheets, a `<style>` holding
/// the widget's own CSS as a text node (never markup from elsewhere).
fn style(doc: &Document, shadow: &ShadowRoot) {
    match sheet() {
        Some(s) => shadow.set_adopted_style_sheets(&Array::of1(&s)),
        None => {
            let style = dom::child(doc, shadow, "style", "");
            style.set_text_content(Some(&[STYLESHEET, TIMELINE_STYLESHEET].concat()));
        }
    }
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

/// How a state change is recorded in the session history.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Record {
    /// A new entry (filters, opening a statement): back undoes it.
    Push,
    /// Update the current entry (typing).
    Replace,
    /// Leave the URL alone (the change came from the URL).
    None,
}

struct Inner {
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
    /// The state the attributes describe; the URL's empty hash goes back to it.
    initial: State,
    state: State,
    limit: u32,
    ui: Ui,
    nodes: Nodes,
    listeners: Vec<Tracked<EventListener>>,
    history_listeners: Vec<Tracked<EventListener>>,
    debounce: Option<Tracked<Timeout>>,
    notice: Option<Tracked<Timeout>>,
    /// Callbacks of clipboard writes, kept until unmount so a slow promise
    /// never calls a dropped one (bounded: the oldest go first).
    clipboard: Vec<Tracked<(Callback, Callback)>>,
    warned: Vec<(&'static str, String)>,
    /// Page scroll and the card to refocus when going back to the list.
    return_to: Option<(f64, String)>,
    /// Events to dispatch once the state is no longer borrowed.
    pending: Vec<(&'static str, JsValue)>,
    /// The chronology, when the `view` attribute shows it.
    timeline: Option<Timeline>,
    /// Which statements the last search kept, for the chronology.
    matched: Vec<bool>,
}

impl Widget {
    fn new(host: HtmlElement, options: &JsValue) -> Result<Widget, JsError> {
        let shared = shared()?;
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
        let id = NEXT_ID.with(|n| {
            let id = n.get();
            n.set(id.wrapping_add(1));
            id
        });
        let lang = page_lang(&doc, settings.lang);
        let ordinal = take_ordinal();
        let ctx = Ctx {
            doc: &doc,
            lang,
            strings: Strings::of(lang),
            ordinal,
        };
        let nodes = render::skeleton(&ctx, &shadow, &settings);
        let inner = Rc::new_cyclic(|weak| {
            RefCell::new(Inner {
                id,
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
                state: initial.clone(),
                initial,
                limit: PAGE,
                ui: Ui::default(),
                nodes,
                listeners: Vec::new(),
                history_listeners: Vec::new(),
                debounce: None,
                notice: None,
                clipboard: Vec::new(),
                warned: Vec::new(),
                return_to: None,
                pending: Vec::new(),
                timeline: None,
                matched: Vec::new(),
            })
        });
        {
            let mut i = inner.borrow_mut();
            for w in warnings {
                i.warn(w);
            }
            i.set_deep_link();
            if i.deep_link {
                if let Some(state) = i.hash_state() {
                    i.state = state;
                }
            }
            i.wire();
            i.sync_timeline();
            i.render_all(false);
            let detail = i.state_js();
            i.pending.push(("ima-statements:ready", detail));
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
        self.debounce = None;
        self.notice = None;
        self.clipboard.clear();
        if HASH_OWNER.with(Cell::get) == Some(self.id) {
            HASH_OWNER.with(|o| o.set(None));
        }
        release_ordinal(self.ordinal);
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
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.dispatch_event(&event);
        }
    }
}

/// Runs `f` on the widget behind `weak`, if it is still mounted and not busy.
fn with(weak: &Weak<RefCell<Inner>>, f: impl FnOnce(&mut Inner)) {
    let Some(inner) = weak.upgrade() else { return };
    if let Ok(mut i) = inner.try_borrow_mut() {
        f(&mut i);
    }
    flush(&inner);
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

/// An option's value as attribute text: strings as they are, arrays joined
/// by commas, booleans as `on`/`off`, numbers written out.
fn option_value(options: &JsValue, name: &str) -> Option<String> {
    if !options.is_object() {
        return None;
    }
    let v = Reflect::get(options, &JsValue::from_str(name)).ok()?;
    if let Some(s) = v.as_string() {
        return Some(s);
    }
    if let Some(b) = v.as_bool() {
        return Some(if b { "on" } else { "off" }.into());
    }
    if let Some(n) = v.as_f64() {
        // Whole numbers only (a year); writing out floats would ship float formatting.
        return (n.fract() == 0.0 && n.abs() < 1e9).then(|| signed(n as i64));
    }
    if Array::is_array(&v) {
        let parts: Vec<String> = Array::from(&v)
            .iter()
            .filter_map(|x| x.as_string())
            .collect();
        return Some(parts.join(","));
    }
    None
}

/// The language: the attribute, else the page's `<html lang>`, else English.
fn page_lang(doc: &Document, attribute: Option<Lang>) -> Lang {
    let page = doc.document_element().and_then(|e| e.get_attribute("lang"));
    resolve_lang(attribute, page.as_deref())
}

impl Inner {
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

    /// Attaches the listeners of the skeleton's nodes.
    fn wire(&mut self) {
        self.listeners.clear();
        let weak = self.weak.clone();
        let input = EventListener::new(&self.nodes.input, "input", move |_| {
            let w = weak.clone();
            with(&weak, move |i| {
                i.debounce = Some(Tracked::new(Timeout::new(DEBOUNCE_MS, move || {
                    with(&w, |i| {
                        i.debounce = None;
                        i.apply_text();
                    });
                })));
            });
        });
        let weak = self.weak.clone();
        let enter = EventListener::new(&self.nodes.input, "keydown", move |e| {
            if e.dyn_ref::<KeyboardEvent>()
                .is_some_and(|k| k.key() == "Enter")
            {
                with(&weak, |i| {
                    i.debounce = None;
                    i.apply_text();
                });
            }
        });
        let weak = self.weak.clone();
        let sort = EventListener::new(&self.nodes.sort, "change", move |_| {
            with(&weak, |i| {
                i.state.sort = Sort::from_name(&i.nodes.sort.value());
                i.limit = PAGE;
                i.render_results();
                i.commit(Record::Push);
            });
        });
        let weak = self.weak.clone();
        let click = EventListener::new(&self.nodes.root, "click", move |e| {
            let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            let Some(control) = target.and_then(|t| t.closest("[data-act]").ok().flatten()) else {
                return;
            };
            with(&weak, |i| i.act(&control));
        });
        let weak = self.weak.clone();
        let escape = EventListener::new(&self.nodes.root, "keydown", move |e| {
            if e.dyn_ref::<KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape")
            {
                with(&weak, |i| {
                    if i.state.open.is_some() {
                        i.close();
                    }
                });
            }
        });
        self.listeners = [input, enter, sort, click, escape]
            .into_iter()
            .map(Tracked::new)
            .collect();
    }

    /// Applies the search box's text.
    fn apply_text(&mut self) {
        let text: String = self
            .nodes
            .input
            .value()
            .chars()
            .take(crate::widget::options::MAX_TEXT)
            .collect();
        if text == self.state.text && self.state.open.is_none() {
            return;
        }
        self.state.text = text;
        self.limit = PAGE;
        if self.state.open.is_some() {
            self.state.open = None;
            self.return_to = None;
            self.show_list();
        }
        self.render_results();
        self.commit(Record::Replace);
    }

    /// Carries out the action of a clicked control.
    fn act(&mut self, control: &Element) {
        let get = |name: &str| control.get_attribute(name);
        let facet = get("data-facet").and_then(|f| Facet::from_name(&f));
        let value = get("data-value");
        match get("data-act").as_deref() {
            Some("facet") => {
                if let (Some(facet), Some(value)) = (facet, value) {
                    self.state.toggle(facet, &value);
                    self.refresh();
                }
            }
            Some("chip") => {
                match (facet, value, get("data-bound").as_deref()) {
                    (Some(facet), Some(value), _) => {
                        self.state.selection.get_mut(facet).retain(|v| *v != value)
                    }
                    (_, _, Some("from")) => self.state.from = None,
                    (_, _, Some("to")) => self.state.to = None,
                    _ => return,
                }
                self.refresh();
                if self.state.has_filters() {
                    return;
                }
                dom::focus(&self.nodes.input);
            }
            Some("clear") => {
                self.state.clear();
                self.nodes.input.set_value("");
                self.refresh();
                dom::focus(&self.nodes.input);
            }
            Some("spell") => {
                if let Some(text) = value {
                    if control.has_attribute("data-clear") {
                        self.state.clear();
                    }
                    self.nodes.input.set_value(&text);
                    self.state.text = text;
                    self.refresh();
                    dom::focus(&self.nodes.input);
                }
            }
            Some("more") => self.more(),
            Some("collapse") => {
                if let Some(f) = facet {
                    flip(&mut self.ui.collapsed, f);
                    self.render_results();
                }
            }
            Some("expand") => {
                if let Some(f) = facet {
                    flip(&mut self.ui.expanded, f);
                    self.render_results();
                }
            }
            Some("filters") => {
                self.ui.filters_open = !self.ui.filters_open;
                self.render_results();
            }
            Some("open") => {
                if let Some(id) = get("data-id") {
                    self.open(id);
                }
            }
            Some("back") => self.close(),
            Some("tag") => {
                if let (Some(facet), Some(value)) = (facet, value) {
                    // A tag starts a new search for what it names.
                    let sort = self.state.sort;
                    self.state = State {
                        sort,
                        ..State::default()
                    };
                    self.state.select(facet, &value);
                    self.nodes.input.set_value("");
                    self.limit = PAGE;
                    self.return_to = None;
                    self.render_results();
                    self.show_list();
                    dom::focus(&self.nodes.input);
                    self.commit(Record::Push);
                }
            }
            Some("copy") => self.copy_link(),
            _ => {}
        }
    }

    /// Re-runs the search after a filter change.
    fn refresh(&mut self) {
        self.limit = PAGE;
        self.render_results();
        self.commit(Record::Push);
    }

    /// Shows the next page and moves focus to its first result.
    fn more(&mut self) {
        let before = self.nodes.results.child_element_count();
        self.limit = self.limit.saturating_add(PAGE);
        self.render_results();
        let first_new = self
            .nodes
            .results
            .children()
            .item(before)
            .and_then(|li| li.query_selector("button").ok().flatten());
        self.focus_or_input(first_new);
    }

    /// Moves focus to `e`, or to the search box when `e` is gone.
    fn focus_or_input(&self, e: Option<Element>) {
        dom::focus(e.as_ref().unwrap_or(&self.nodes.input));
    }

    fn open(&mut self, id: String) {
        if self.state.open.is_none() {
            let y = self.window.scroll_y().unwrap_or(0.0);
            self.return_to = Some((y, id.clone()));
        }
        self.state.open = Some(id.clone());
        self.show_reading(&id, true);
        if let Some(t) = &self.timeline {
            t.set_open(Some(&id));
        }
        let detail = Object::new();
        let _ = Reflect::set(&detail, &"id".into(), &JsValue::from_str(&id));
        if let Some(s) = self.shared.archive.get(&id) {
            let _ = Reflect::set(&detail, &"title".into(), &JsValue::from_str(&s.title));
        }
        self.pending.push(("ima-statements:open", detail.into()));
        self.commit(Record::Push);
    }

    fn close(&mut self) {
        self.state.open = None;
        self.show_list();
        if let Some(t) = &self.timeline {
            t.set_open(None);
        }
        self.commit(Record::Push);
    }

    /// Renders and shows the reading view of `id`.
    fn show_reading(&mut self, id: &str, focus: bool) {
        let view = view::reading(&self.shared.archive, id, &self.state.text, self.lang);
        let link = self.deep_link.then(|| self.permalink(id));
        render::reading(&self.ctx(), &self.nodes, view.as_ref(), link.as_deref());
        dom::show(&self.nodes.reading, true);
        dom::show(&self.nodes.list, false);
        dom::class(&self.nodes.root, "reading-mode", true);
        if focus {
            if let Ok(Some(h)) = self.nodes.reading.query_selector("h2") {
                dom::focus(&h);
            }
        }
    }

    /// Back to the list, with its scroll position and the opened card focused.
    fn show_list(&mut self) {
        dom::show(&self.nodes.reading, false);
        dom::clear(&self.nodes.reading);
        dom::show(&self.nodes.list, true);
        dom::class(&self.nodes.root, "reading-mode", false);
        let Some((y, id)) = self.return_to.take() else {
            return;
        };
        self.window
            .scroll_to_with_x_and_y(self.window.scroll_x().unwrap_or(0.0), y);
        let options = FocusOptions::new();
        options.set_prevent_scroll(true);
        let card = self.find_key(&("o:".to_owned() + &id));
        match card.and_then(|c| c.dyn_into::<HtmlElement>().ok()) {
            Some(c) => {
                let _ = c.focus_with_options(&options);
            }
            None => {
                let _ = self.nodes.input.focus_with_options(&options);
            }
        }
    }

    /// The element carrying `data-key="key"`, if rendered.
    fn find_key(&self, key: &str) -> Option<Element> {
        let all = self.shadow.query_selector_all("[data-key]").ok()?;
        (0..all.length())
            .filter_map(|i| all.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .find(|e| e.get_attribute("data-key").as_deref() == Some(key))
    }

    /// Re-renders the result regions, keeping focus on the same control.
    fn render_results(&mut self) {
        let key = self
            .shadow
            .active_element()
            .and_then(|e| e.get_attribute("data-key"));
        let found = view::results(&self.shared.archive, &self.state, self.lang, self.limit);
        render::results(&self.ctx(), &self.nodes, &found, &self.state, &self.ui);
        self.matched = found.matched;
        self.update_timeline();
        if let Some(t) = &self.timeline {
            let hits: Vec<_> = found
                .hits
                .iter()
                .map(|h| (h.id.as_str(), h.snippet.as_slice()))
                .collect();
            t.set_snippets(&hits);
        }
        if let Some(key) = key {
            self.focus_or_input(self.find_key(&key).or_else(|| self.find_key("clear")));
        }
    }

    /// Renders everything from the state (mount, language change).
    fn render_all(&mut self, focus: bool) {
        self.nodes.input.set_value(&self.state.text);
        self.render_results();
        match self.state.open.clone() {
            Some(id) => self.show_reading(&id, focus),
            None => self.show_list(),
        }
    }

    /// Mounts or removes the chronology as the `view` attribute says.
    fn sync_timeline(&mut self) {
        if self.settings.view == View::List {
            self.timeline = None;
            return;
        }
        if self.timeline.is_some() {
            return;
        }
        let entries = timeline::entries(&self.shared.archive);
        let weak = self.weak.clone();
        let sink: timeline::Sink = Rc::new(move |a| with(&weak, |i| i.timeline_action(a)));
        let (shared, lang) = (self.shared.clone(), self.lang);
        let describe: timeline::Describe =
            Rc::new(move |doc| timeline::about(&shared.archive, doc, lang));
        self.timeline = Some(Timeline::new(
            &self.doc,
            &self.nodes.chronology,
            self.lang,
            entries,
            describe,
            sink,
        ));
    }

    /// Shows the state's matches, period and open statement on the chronology.
    fn update_timeline(&mut self) {
        let Some(t) = &self.timeline else {
            return;
        };
        let s = &self.state;
        t.update(
            &self.matched,
            s.from.as_deref(),
            s.to.as_deref(),
            s.open.as_deref(),
        );
    }

    /// Carries out what the chronology asks: a period brushed, a statement opened.
    fn timeline_action(&mut self, action: Action) {
        match action {
            Action::Open(id) => self.open(id),
            Action::Dates(from, to) => {
                if (&from, &to) == (&self.state.from, &self.state.to) {
                    return;
                }
                self.state.from = from;
                self.state.to = to;
                self.refresh();
            }
        }
    }
}
