//! Helpers shared by the widget's browser tests: the page, a widget's shadow
//! root, queries inside it, and waiting.
#![allow(dead_code)]

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, ShadowRoot};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub fn shadow(h: &HtmlElement) -> ShadowRoot {
    h.shadow_root()
        .expect("the widget renders into an open shadow root")
}

/// Every element matching `selector` in the widget's shadow root.
pub fn all(h: &HtmlElement, selector: &str) -> Vec<Element> {
    let list = shadow(h).query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

/// The first number the live status region says (the result count).
pub fn count_in_status(h: &HtmlElement) -> usize {
    let status = shadow(h)
        .query_selector(".status")
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    status
        .split(|c: char| !c.is_ascii_digit())
        .find(|s| !s.is_empty())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits until `ready` holds, checking every 10 ms, for up to 5 seconds:
/// for what the browser does in its own time (a history step's popstate),
/// which a loaded machine can delay well past any fixed pause.
pub async fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    for _ in 0..500 {
        if ready() {
            return;
        }
        sleep(10).await;
    }
    panic!("waited 5 s for {what}");
}
