//! Small DOM helpers. Text reaches the document only as text nodes or
//! attribute values set one by one: nothing here parses markup, so no
//! string from the corpus, the visitor, the URL or an attribute can become
//! an element.

use std::cell::Cell;

use wasm_bindgen::prelude::{wasm_bindgen, JsValue};
use wasm_bindgen::JsCast;
use web_sys::{
    CustomEventInit, Document, Element, Event, EventTarget, FocusOptions, HtmlElement, Node, Window,
};

use crate::response::Segment;
use crate::widget::action::Action;

#[wasm_bindgen]
extern "C" {
    // The few DOM calls that build the widget, bound without `catch`. They
    // only ever run on nodes the widget created, with element and attribute
    // names written in this crate, where the DOM specification gives them no
    // error to throw. web-sys binds them as fallible, and each of the
    // widget's ~250 calls then carried an error branch dropping every live
    // node, for an error that cannot happen (wasm -4.8 KB gzipped without).
    /// A document, node or element (and, for the few calls marked, the
    /// window or an event), seen through these calls only.
    type Raw;
    #[wasm_bindgen(method, js_name = createElement)]
    fn create_element(this: &Raw, tag: &str) -> Element;
    #[wasm_bindgen(method, js_name = createElementNS)]
    fn create_element_ns(this: &Raw, namespace: &str, tag: &str) -> Element;
    #[wasm_bindgen(method, js_name = appendChild)]
    fn append_child(this: &Raw, child: &Node);
    #[wasm_bindgen(method, js_name = insertBefore)]
    fn insert_before(this: &Raw, child: &Node, before: Option<&Node>);
    #[wasm_bindgen(method)]
    fn remove(this: &Raw);
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute(this: &Raw, name: &str, value: &str);
    #[wasm_bindgen(method, js_name = removeAttribute)]
    fn remove_attribute(this: &Raw, name: &str);
    #[wasm_bindgen(method, js_name = toggleAttribute)]
    fn toggle_attribute(this: &Raw, name: &str, force: bool);
    #[wasm_bindgen(method)]
    fn focus(this: &Raw, options: &JsValue);
    // Lookups with selectors written in this crate, which always parse.
    #[wasm_bindgen(method, js_name = querySelector)]
    fn query_selector(this: &Raw, selector: &str) -> Option<Element>;
    #[wasm_bindgen(method, js_name = querySelectorAll)]
    fn query_selector_all(this: &Raw, selector: &str) -> Elements;
    #[wasm_bindgen(method, getter)]
    fn children(this: &Raw) -> Elements;
    #[wasm_bindgen(method)]
    fn closest(this: &Raw, selector: &str) -> Option<Element>;
    // The window's, which the specification gives no error to throw on the
    // widget's own window: its scroll, animation frames and computed style.
    #[wasm_bindgen(method, getter = scrollX)]
    fn scroll_x(this: &Raw) -> f64;
    #[wasm_bindgen(method, getter = scrollY)]
    fn scroll_y(this: &Raw) -> f64;
    #[wasm_bindgen(method, js_name = requestAnimationFrame)]
    fn request_animation_frame(this: &Raw, callback: &js_sys::Function) -> i32;
    #[wasm_bindgen(method, js_name = cancelAnimationFrame)]
    fn cancel_animation_frame(this: &Raw, id: i32);
    #[wasm_bindgen(method, js_name = getComputedStyle)]
    fn computed_style(this: &Raw, e: &Element) -> Style;
    /// The page's address (`location.href`, read on the page's own location).
    #[wasm_bindgen(method, getter)]
    fn href(this: &Raw) -> String;
    /// The focused element of a document or shadow root (none of another node).
    #[wasm_bindgen(method, getter = activeElement)]
    fn active_element(this: &Raw) -> Option<Element>;
    /// Whether Shift was held, read on a keyboard or pointer event.
    #[wasm_bindgen(method, getter = shiftKey)]
    fn shift_key(this: &Raw) -> bool;
    /// Dispatching an event the widget made, which has not been dispatched yet.
    #[wasm_bindgen(method, js_name = dispatchEvent)]
    fn dispatch_event(this: &Raw, event: &CustomEvent);
    /// A style declaration, seen through these calls only.
    type Style;
    #[wasm_bindgen(method, js_name = getPropertyValue)]
    fn get_property_value(this: &Style, name: &str) -> String;
    #[wasm_bindgen(method, js_name = setProperty)]
    fn set_property(this: &Style, name: &str, value: &str);
    /// A form control the widget made (its `<input>` and `<select>`), seen
    /// through its value.
    #[wasm_bindgen(extends = Element, extends = Node, extends = EventTarget)]
    pub type Field;
    /// The control's value.
    #[wasm_bindgen(method, getter)]
    pub fn value(this: &Field) -> String;
    /// Sets the control's value.
    #[wasm_bindgen(method, setter)]
    pub fn set_value(this: &Field, value: &str);
    /// A list of elements: an element's children, or the elements a
    /// selector found (an `HTMLCollection` or a `NodeList`, read alike).
    pub type Elements;
    /// How many there are.
    #[wasm_bindgen(method, getter)]
    pub fn length(this: &Elements) -> u32;
    /// The element at `index`, if there is one.
    #[wasm_bindgen(method)]
    pub fn item(this: &Elements, index: u32) -> Option<Element>;
    /// A custom event, made through this call only.
    type CustomEvent;
    #[wasm_bindgen(constructor, js_class = "CustomEvent")]
    fn new(name: &str, init: &CustomEventInit) -> CustomEvent;
    /// An element's `classList`, seen through this call only.
    type Classes;
    #[wasm_bindgen(method, js_name = toggle)]
    fn toggle(this: &Classes, token: &str, force: bool);
}

/// `node` (or the window) as [`Raw`].
fn raw(node: &JsValue) -> &Raw {
    node.unchecked_ref()
}

/// The SVG namespace of the chronology's elements.
pub const SVG: &str = "http://www.w3.org/2000/svg";

thread_local! {
    /// Listeners, timers and callbacks alive in every widget on the page.
    static LIVE: Cell<u32> = const { Cell::new(0) };
}

/// A browser resource (listener, timer, callback) counted while it lives,
/// so tests can check that unmounting really frees everything.
pub struct Tracked<T>(#[allow(dead_code)] T);

impl<T> Tracked<T> {
    /// Starts counting `inner`.
    pub fn new(inner: T) -> Tracked<T> {
        LIVE.with(|n| n.set(n.get().saturating_add(1)));
        Tracked(inner)
    }
}

impl<T> Drop for Tracked<T> {
    fn drop(&mut self) {
        LIVE.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

/// How many tracked resources are alive.
pub fn live() -> u32 {
    LIVE.with(Cell::get)
}

/// A new `<tag class="class">`.
pub fn el(doc: &Document, tag: &str, class: &str) -> Element {
    let e = raw(doc).create_element(tag);
    if !class.is_empty() {
        raw(&e).set_attribute("class", class);
    }
    e
}

/// A new element appended to `parent`.
pub fn child(doc: &Document, parent: &Node, tag: &str, class: &str) -> Element {
    let e = el(doc, tag, class);
    raw(parent).append_child(&e);
    e
}

/// Puts `child` (new, or already in `parent`) into `parent` just before
/// `before`, or last.
pub fn insert(parent: &Node, child: &Node, before: Option<&Node>) {
    raw(parent).insert_before(child, before);
}

/// A new SVG element appended to `parent`.
pub fn svg(doc: &Document, parent: &Node, tag: &str, class: &str) -> Element {
    let e = raw(doc).create_element_ns(SVG, tag);
    if !class.is_empty() {
        // SVG elements have no settable `className`.
        raw(&e).set_attribute("class", class);
    }
    raw(parent).append_child(&e);
    e
}

/// Appends `text` to `parent` as a text node.
pub fn text(doc: &Document, parent: &Node, text: &str) {
    raw(parent).append_child(&doc.create_text_node(text));
}

/// A new element holding `content` as text, appended to `parent`.
pub fn text_child(doc: &Document, parent: &Node, tag: &str, class: &str, content: &str) -> Element {
    let e = child(doc, parent, tag, class);
    e.set_text_content(Some(content));
    e
}

/// Sets one attribute.
pub fn attr(e: &Element, name: &str, value: &str) {
    raw(e).set_attribute(name, value);
}

/// Sets several attributes.
pub fn attrs(e: &Element, pairs: &[(&str, &str)]) {
    for (name, value) in pairs {
        raw(e).set_attribute(name, value);
    }
}

/// Removes an attribute.
pub fn unset(e: &Element, name: &str) {
    raw(e).remove_attribute(name);
}

/// A `<button type="button">` with a visible label that carries `action`
/// (see [`Action::encode`]).
pub fn button(doc: &Document, parent: &Node, class: &str, label: &str, action: &Action) -> Element {
    let b = text_child(doc, parent, "button", class, label);
    control(&b, action);
    b
}

/// Makes `e` a button that carries `action`.
pub fn control(e: &Element, action: &Action) {
    raw(e).set_attribute("type", "button");
    action.encode(&mut |name, value| raw(e).set_attribute(name, value));
}

/// Appends `segments` to `parent`: matched ones inside `<mark>`, the rest as plain text.
pub fn segments(doc: &Document, parent: &Node, segments: &[Segment]) {
    for s in segments {
        if s.matched {
            text_child(doc, parent, "mark", "", &s.text);
        } else {
            text(doc, parent, &s.text);
        }
    }
}

/// Takes `e` out of the document.
pub fn remove(e: &Element) {
    raw(e).remove();
}

/// Removes every child of `node`.
pub fn clear(node: &Node) {
    node.set_text_content(None);
}

/// Shows or hides `e` with the `hidden` attribute.
pub fn show(e: &Element, visible: bool) {
    raw(e).toggle_attribute("hidden", !visible);
}

/// Adds or removes the class `name` of `e`.
pub fn class(e: &Element, name: &str, on: bool) {
    e.class_list().unchecked_ref::<Classes>().toggle(name, on);
}

/// Moves focus to `e`, scrolling it into view.
pub fn focus(e: &Element) {
    raw(e).focus(&JsValue::UNDEFINED);
}

/// Moves focus to `e` and leaves the page's scroll where it is.
pub fn focus_in_place(e: &Element) {
    let options = FocusOptions::new();
    options.set_prevent_scroll(true);
    raw(e).focus(&options);
}

/// The first element under `node` that matches `selector`.
pub fn find(node: &Node, selector: &str) -> Option<Element> {
    raw(node).query_selector(selector)
}

/// Every element under `node` that matches `selector`.
pub fn find_all(node: &Node, selector: &str) -> Elements {
    raw(node).query_selector_all(selector)
}

/// The elements in `e`.
pub fn children(e: &Element) -> Elements {
    raw(e).children()
}

/// `e` or its nearest ancestor that matches `selector`.
pub fn closest(e: &Element, selector: &str) -> Option<Element> {
    raw(e).closest(selector)
}

/// How far the page is scrolled: left, top.
pub fn scroll(window: &Window) -> (f64, f64) {
    let w = raw(window);
    (w.scroll_x(), w.scroll_y())
}

/// The page's address.
pub fn href(window: &Window) -> String {
    raw(&window.location()).href()
}

/// Asks for `callback` at the next animation frame; gives the request's id.
pub fn next_frame(window: &Window, callback: &js_sys::Function) -> i32 {
    raw(window).request_animation_frame(callback)
}

/// Cancels the animation frame `id` asked for.
pub fn cancel_frame(window: &Window, id: i32) {
    raw(window).cancel_animation_frame(id);
}

/// The value of the property `name` (a custom property too) of `e`'s computed style.
pub fn computed(window: &Window, e: &Element, name: &str) -> String {
    raw(window).computed_style(e).get_property_value(name)
}

/// Sets the property `name` of `e`'s own style (an HTML element's).
pub fn style(e: &Element, name: &str, value: &str) {
    e.unchecked_ref::<HtmlElement>()
        .style()
        .unchecked_ref::<Style>()
        .set_property(name, value);
}

/// Dispatches the event `name` with `detail` from `target`: it bubbles and
/// leaves the shadow root, so the page hears it on the element.
pub fn tell(target: &Element, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    raw(target).dispatch_event(&CustomEvent::new(name, &init));
}

/// The element that has focus in `root`, a document or a shadow root
/// (`None` for any other node).
pub fn active(root: &Node) -> Option<Element> {
    raw(root).active_element()
}

/// Whether Shift was held during `e`, a keyboard or pointer event.
pub fn shift(e: &Event) -> bool {
    raw(e).shift_key()
}
