//! Small DOM helpers. Text reaches the document only as text nodes or
//! attribute values set one by one: nothing here parses markup, so no
//! string from the corpus, the visitor, the URL or an attribute can become
//! an element.

use std::cell::Cell;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Node};

use crate::response::Segment;

/// What DOM calls return.
pub type Dom<T> = Result<T, JsValue>;

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
pub fn el(doc: &Document, tag: &str, class: &str) -> Dom<Element> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

/// A new element appended to `parent`.
pub fn child(doc: &Document, parent: &Node, tag: &str, class: &str) -> Dom<Element> {
    let e = el(doc, tag, class)?;
    parent.append_child(&e)?;
    Ok(e)
}

/// Appends `text` to `parent` as a text node.
pub fn text(doc: &Document, parent: &Node, text: &str) -> Dom<()> {
    parent.append_child(&doc.create_text_node(text))?;
    Ok(())
}

/// A new element holding `content` as text, appended to `parent`.
pub fn text_child(
    doc: &Document,
    parent: &Node,
    tag: &str,
    class: &str,
    content: &str,
) -> Dom<Element> {
    let e = child(doc, parent, tag, class)?;
    e.set_text_content(Some(content));
    Ok(e)
}

/// Sets several attributes.
pub fn attrs(e: &Element, pairs: &[(&str, &str)]) -> Dom<()> {
    for (name, value) in pairs {
        e.set_attribute(name, value)?;
    }
    Ok(())
}

/// A `<button type="button">` with a visible label and a `data-act` action.
pub fn button(doc: &Document, parent: &Node, class: &str, label: &str, act: &str) -> Dom<Element> {
    let b = text_child(doc, parent, "button", class, label)?;
    attrs(&b, &[("type", "button"), ("data-act", act)])?;
    Ok(b)
}

/// Appends `segments` to `parent`: matched ones inside `<mark>`, the rest as plain text.
pub fn segments(doc: &Document, parent: &Node, segments: &[Segment]) -> Dom<()> {
    for s in segments {
        if s.matched {
            text_child(doc, parent, "mark", "", &s.text)?;
        } else {
            text(doc, parent, &s.text)?;
        }
    }
    Ok(())
}

/// Removes every child of `node`.
pub fn clear(node: &Node) -> Dom<()> {
    while let Some(c) = node.first_child() {
        node.remove_child(&c)?;
    }
    Ok(())
}

/// Shows or hides `e` with the `hidden` attribute.
pub fn show(e: &Element, visible: bool) -> Dom<()> {
    if visible {
        e.remove_attribute("hidden")
    } else {
        e.set_attribute("hidden", "")
    }
}
