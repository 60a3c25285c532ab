//! What the widgets on one page share: the archive and what checks values
//! against it, the constructed stylesheet, widget numbers and ordinals,
//! and reading mount options and the page's language.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Document, ShadowRoot};

use crate::archive::Archive;
use crate::lang::Lang;
use crate::number::signed;
use crate::widget::dom;
use crate::widget::options::{resolve_lang, Checker};
use crate::widget::STYLESHEET;

/// The archive and what checks values against it, shared by every widget on the page.
pub(super) struct Shared {
    pub(super) archive: Archive,
    pub(super) checker: Checker,
}

thread_local! {
    static SHARED: RefCell<Option<Rc<Shared>>> = const { RefCell::new(None) };
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// The ordinals of the widgets on the page (see `Ctx::landmark`).
    static ORDINALS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// A number no other widget mounted on this page had.
pub(super) fn next_id() -> u32 {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    })
}

/// The smallest ordinal no mounted widget holds, from 1, now held.
pub(super) fn take_ordinal() -> u32 {
    ORDINALS.with(|o| {
        let mut held = o.borrow_mut();
        let n = (1..).find(|n| !held.contains(n)).unwrap_or(1);
        held.push(n);
        n
    })
}

/// Frees `ordinal` for the next widget mounted.
pub(super) fn release_ordinal(ordinal: u32) {
    ORDINALS.with(|o| o.borrow_mut().retain(|&n| n != ordinal));
}

/// The page's archive, decoded by the first widget mounted.
pub(super) fn shared() -> Result<Rc<Shared>, JsError> {
    if let Some(s) = SHARED.with(|s| s.borrow().clone()) {
        return Ok(s);
    }
    let archive = crate::archive::embedded().map_err(|e| JsError::new(&e.message()))?;
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
        s.replace_sync(STYLESHEET).ok()?;
        *cell.borrow_mut() = Some(s.clone());
        Some(s)
    })
}

/// Gives `shadow` the widget's styles: the shared constructed stylesheet,
/// or, in browsers without constructable stylesheets, a `<style>` holding
/// the widget's own CSS as a text node (never markup from elsewhere).
pub(super) fn style(doc: &Document, shadow: &ShadowRoot) {
    match sheet() {
        Some(s) => shadow.set_adopted_style_sheets(&Array::of1(&s)),
        None => {
            let style = dom::child(doc, shadow, "style", "");
            style.set_text_content(Some(STYLESHEET));
        }
    }
}

/// An option's value as attribute text: strings as they are, arrays joined
/// by commas, booleans as `on`/`off`, numbers written out.
pub(super) fn option_value(options: &JsValue, name: &str) -> Option<String> {
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
pub(super) fn page_lang(doc: &Document, attribute: Option<Lang>) -> Lang {
    let page = doc.document_element().and_then(|e| e.get_attribute("lang"));
    resolve_lang(attribute, page.as_deref())
}
