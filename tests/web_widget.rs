//! The widget in a real browser, driven as a visitor would: typing, picking
//! facets, opening statements, changing attributes, unmounting, the URL,
//! and hostile text.
//!
//! Run with `wasm-pack test --headless --chrome -- --test web_widget`.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use ima_statements::widget::mount::{live_resources, mount, Widget};
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Event, HtmlElement, HtmlInputElement};

mod common;

use common::{all, count_in_status, document, shadow, sleep, wait_until};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh `<div>` in the page with the given attributes.
fn host(attrs: &[(&str, &str)]) -> HtmlElement {
    let e: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    for (k, v) in attrs {
        e.set_attribute(k, v).unwrap();
    }
    document().body().unwrap().append_child(&e).unwrap();
    e
}

/// Mounts in a new host; deep links off unless the attributes say otherwise.
fn widget(attrs: &[(&str, &str)]) -> (HtmlElement, Widget) {
    let mut all = vec![("deep-link", "off")];
    all.extend_from_slice(attrs);
    let h = host(&all);
    let w = mount(h.clone().into(), JsValue::UNDEFINED).unwrap();
    (h, w)
}

fn find(h: &HtmlElement, selector: &str) -> Option<HtmlElement> {
    shadow(h)
        .query_selector(selector)
        .unwrap()
        .map(|e| e.unchecked_into())
}

fn text(h: &HtmlElement, selector: &str) -> String {
    find(h, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn input(h: &HtmlElement) -> HtmlInputElement {
    find(h, "input[type=search]").unwrap().unchecked_into()
}

fn type_text(h: &HtmlElement, value: &str) {
    let i = input(h);
    i.set_value(value);
    i.dispatch_event(&Event::new("input").unwrap()).unwrap();
}

fn visible(e: &HtmlElement) -> bool {
    !e.has_attribute("hidden")
}

/// What the live region says.
fn announced(h: &HtmlElement) -> String {
    text(h, ".announce")
}

/// Counts the `ima-statements:change` events from now on.
fn changes() -> (Rc<RefCell<Vec<JsValue>>>, EventListener) {
    let seen: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let log = seen.clone();
    let listener = EventListener::new(&document(), "ima-statements:change", move |e| {
        log.borrow_mut()
            .push(e.unchecked_ref::<CustomEvent>().detail());
    });
    (seen, listener)
}

#[wasm_bindgen_test]
async fn each_keystroke_updates_the_results_at_once() {
    let (h, w) = widget(&[]);
    let everything = count_in_status(&h);
    assert!(everything > 1, "status: {}", text(&h, ".status"));
    assert_eq!(
        find(&h, ".announce")
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("status"),
        "the count is announced by a live region"
    );
    assert!(announced(&h).contains(&everything.to_string()));
    // The first key already finds (a word being typed matches as a prefix
    // from its first letter): no empty state flashes by.
    for (i, typed) in ["r", "ro", "roh", "rohi", "rohin", "rohingya"]
        .iter()
        .enumerate()
    {
        // Searched in the input event itself: no pause, no frame to wait for.
        type_text(&h, typed);
        let found = count_in_status(&h);
        assert!(found > 0, "{typed}: status {}", text(&h, ".status"));
        assert_eq!(all(&h, ".card").len(), found.min(10), "{typed} ({i})");
    }
    let found = count_in_status(&h);
    assert!(found < everything, "status: {}", text(&h, ".status"));
    assert!(!all(&h, ".card mark").is_empty(), "matches are marked");
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
async fn keystrokes_in_quick_succession_show_the_newest_text() {
    let (h, w) = widget(&[]);
    type_text(&h, "compact");
    type_text(&h, "zzzz");
    type_text(&h, "rohingya");
    sleep(50).await;
    let titles: Vec<String> = all(&h, ".card .open")
        .iter()
        .filter_map(|c| c.get_attribute("data-id"))
        .collect();
    assert_eq!(count_in_status(&h), titles.len());
    assert!(
        titles.iter().any(|id| id.contains("rohingya")),
        "results of the last text: {titles:?}"
    );
    assert!(
        find(&h, ".empty").is_some_and(|e| !visible(&e)),
        "not the results of zzzz"
    );
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
async fn the_announcement_and_the_url_wait_for_a_pause() {
    let window = web_sys::window().unwrap();
    let entries = window.history().unwrap().length().unwrap();
    let (h, w) = widget(&[("deep-link", "on")]);
    let everything = announced(&h);
    let (seen, _listener) = changes();
    for typed in [
        "r", "ro", "roh", "rohi", "rohin", "rohing", "rohingy", "rohingya",
    ] {
        type_text(&h, typed);
        sleep(60).await;
        assert_eq!(announced(&h), everything, "silent while typing ({typed})");
        assert!(
            !window.location().href().unwrap().contains("rohi"),
            "the URL waits too ({typed})"
        );
    }
    assert!(count_in_status(&h) < 11, "the results did not wait");
    assert_eq!(seen.borrow().len(), 0, "no change event per letter");
    sleep(700).await;
    assert_eq!(announced(&h), text(&h, ".status"), "said once typing stops");
    assert_ne!(announced(&h), everything);
    assert!(window.location().href().unwrap().contains("rohingya"));
    assert_eq!(seen.borrow().len(), 1, "one change event for the word");
    assert!(
        window.history().unwrap().length().unwrap() <= entries + 1,
        "back does not step through the letters"
    );
    // A click settles what was typed before it: typed text, then the filter.
    type_text(&h, "rohingya sea");
    sleep(50).await;
    find(&h, ".facets .value").unwrap().click();
    let states = seen.borrow();
    let query = |v: &JsValue| {
        Reflect::get(v, &"query".into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    assert_eq!(states.len(), 3, "the typed text, then the click");
    assert_eq!(query(&states[1]), "rohingya sea");
    drop(states);
    w.unmount();
    h.remove();
    set_hash("");
    let location = window.location();
    let url = location.pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

#[wasm_bindgen_test]
async fn regions_a_keystroke_leaves_alone_are_not_rebuilt() {
    let (h, w) = widget(&[]);
    type_text(&h, "rohingya");
    sleep(50).await;
    let card = find(&h, ".card").unwrap();
    let facet = find(&h, ".facets .value").unwrap();
    let chips = all(&h, ".chips > *").len();
    // The same words: the same cards, facet values and counts.
    type_text(&h, "rohingya ");
    sleep(50).await;
    assert!(card.is_connected(), "the list was left alone");
    assert!(facet.is_connected(), "the facet panel was left alone");
    assert_eq!(all(&h, ".chips > *").len(), chips);
    // Other words rebuild the list.
    type_text(&h, "compact");
    sleep(50).await;
    assert!(!card.is_connected());
    w.unmount();
    h.remove();
}

/// The result cards in list order: each one's statement id and element.
fn cards(h: &HtmlElement) -> Vec<(String, web_sys::Element)> {
    all(h, ".card")
        .into_iter()
        .map(|card| {
            let id = card
                .query_selector("[part=card-title]")
                .unwrap()
                .and_then(|b| b.get_attribute("data-id"))
                .unwrap_or_default();
            (id, card)
        })
        .collect()
}

/// The facet sections in panel order: each one's list id and element.
fn sections(h: &HtmlElement) -> Vec<(String, web_sys::Element)> {
    all(h, ".facet ul")
        .into_iter()
        .map(|list| (list.id(), list.parent_element().unwrap()))
        .collect()
}

#[wasm_bindgen_test]
fn redrawing_keeps_the_cards_and_facet_sections_that_look_the_same() {
    let (h, w) = widget(&[]);
    let before = cards(&h);
    find(&h, "button[data-facet=kind][data-value=communique]")
        .unwrap()
        .click();
    let after = cards(&h);
    assert!(after.len() < before.len(), "the selection narrows the list");
    // With no query a card draws the same before and after: every statement
    // still listed keeps its card, in the order it had.
    for (id, card) in &after {
        let (_, was) = before
            .iter()
            .find(|(b, _)| b == id)
            .expect("a card listed before");
        assert!(was.is_same_node(Some(card)), "{id} kept its card");
    }
    // Back to the whole archive: the new cards go in their places, and the
    // kept ones stay the same elements.
    find(&h, ".chip").unwrap().click();
    let again = cards(&h);
    let ids =
        |c: &[(String, web_sys::Element)]| c.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&again), ids(&before), "the list in its first order");
    for (id, card) in &after {
        let (_, now) = again.iter().find(|(a, _)| a == id).unwrap();
        assert!(now.is_same_node(Some(card)), "{id} kept its card");
    }
    // "Show more" in one facet draws that section again, in its place,
    // and leaves the others as they were.
    let panel = sections(&h);
    let place = find(&h, "#ima-f-place").unwrap().parent_element().unwrap();
    place
        .query_selector(".show-more")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    let now = sections(&h);
    assert_eq!(ids(&now), ids(&panel), "the facets in their order");
    for ((id, was), (_, section)) in panel.iter().zip(&now) {
        let same = was.is_same_node(Some(section));
        assert_eq!(
            same,
            id != "ima-f-place",
            "{id}: kept unless it is the one unfolded"
        );
    }
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
fn picking_a_facet_changes_results_counts_and_chips() {
    let (h, w) = widget(&[]);
    let before = count_in_status(&h);
    let topic_counts = |h: &HtmlElement| -> Vec<String> {
        all(h, "#ima-f-topic .count")
            .iter()
            .filter_map(|c| c.text_content())
            .collect()
    };
    let topics_before = topic_counts(&h);
    let communique = find(&h, "button[data-facet=kind][data-value=communique]").unwrap();
    communique.click();
    let after = count_in_status(&h);
    assert!(after > 0 && after < before);
    assert_ne!(
        topic_counts(&h),
        topics_before,
        "other facets count within the selection"
    );
    let pressed = find(&h, ".value[data-facet=kind][data-value=communique]").unwrap();
    assert_eq!(
        pressed.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(all(&h, ".chip").len(), 1);
    find(&h, ".chip").unwrap().click();
    assert_eq!(count_in_status(&h), before);
    assert!(all(&h, ".chip").is_empty());
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
fn opening_and_closing_a_statement_moves_focus_and_tells_the_page() {
    let (h, w) = widget(&[]);
    let opened: Rc<RefCell<Vec<String>>> = Rc::default();
    let log = opened.clone();
    let _listener = EventListener::new(&document(), "ima-statements:open", move |e| {
        let detail = e.unchecked_ref::<CustomEvent>().detail();
        let id = Reflect::get(&detail, &"id".into()).unwrap();
        log.borrow_mut().push(id.as_string().unwrap_or_default());
    });
    let card = find(&h, ".card .open").unwrap();
    let id = card.get_attribute("data-id").unwrap();
    let title = card.text_content().unwrap();
    card.click();
    let reading = find(&h, ".reading").unwrap();
    assert!(visible(&reading));
    assert!(!visible(&find(&h, ".list").unwrap()));
    assert_eq!(text(&h, ".reading h2"), title);
    assert!(!all(&h, ".reading .text p").is_empty());
    let focused = shadow(&h).active_element().unwrap();
    assert_eq!(focused.tag_name(), "H2");
    assert_eq!(
        *opened.borrow(),
        vec![id.clone()],
        "the open event bubbles out of the shadow root"
    );

    find(&h, ".back").unwrap().click();
    assert!(!visible(&find(&h, ".reading").unwrap()));
    let focused = shadow(&h).active_element().unwrap();
    assert_eq!(
        focused.get_attribute("data-id"),
        Some(id),
        "focus returns to the card"
    );
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
fn attributes_changed_after_mount_update_the_widget() {
    let (h, w) = widget(&[("lang", "en")]);
    assert_eq!(
        input(&h).get_attribute("placeholder").as_deref(),
        Some("Search statements…")
    );
    w.set_attribute("lang", Some("es".into()));
    assert_eq!(
        input(&h).get_attribute("placeholder").as_deref(),
        Some("Buscar declaraciones…")
    );
    assert_eq!(
        find(&h, ".ima").unwrap().get_attribute("lang").as_deref(),
        Some("es")
    );

    w.set_attribute("theme", Some("dark".into()));
    assert_eq!(
        find(&h, ".ima")
            .unwrap()
            .get_attribute("data-theme")
            .as_deref(),
        Some("dark")
    );
    w.set_attribute("theme", Some("purple".into()));
    assert_eq!(
        find(&h, ".ima")
            .unwrap()
            .get_attribute("data-theme")
            .as_deref(),
        Some("auto"),
        "a bad value falls back to the default"
    );

    let before = count_in_status(&h);
    w.set_attribute("topic", Some("rohingya".into()));
    assert!(count_in_status(&h) < before);
    assert_eq!(all(&h, ".chip").len(), 1);
    w.set_attribute("topic", None);
    assert_eq!(count_in_status(&h), before);

    w.set_attribute("query", Some("compact".into()));
    assert_eq!(input(&h).value(), "compact");
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
async fn unmounting_frees_every_listener_and_empties_the_shadow_root() {
    let baseline = live_resources();
    let (h, w) = widget(&[]);
    assert!(live_resources() > baseline);
    let old_input = input(&h);
    type_text(&h, "migrants");
    w.unmount();
    assert_eq!(
        live_resources(),
        baseline,
        "listeners and the pending timer are gone"
    );
    assert_eq!(shadow(&h).child_nodes().length(), 0);
    // Events reaching the old nodes find nothing listening (and nothing breaks).
    old_input
        .dispatch_event(&Event::new("input").unwrap())
        .unwrap();
    sleep(250).await;
    assert_eq!(shadow(&h).child_nodes().length(), 0);
    assert_eq!(live_resources(), baseline);
    h.remove();
}

#[wasm_bindgen_test]
async fn two_widgets_are_independent() {
    let (a, wa) = widget(&[]);
    let (b, wb) = widget(&[("lang", "fr")]);
    let b_count = count_in_status(&b);
    type_text(&a, "rohingya");
    sleep(300).await;
    assert!(count_in_status(&a) < b_count);
    assert_eq!(count_in_status(&b), b_count);
    assert_eq!(input(&b).value(), "");
    find(&b, "button[data-facet=kind][data-value=statement]")
        .unwrap()
        .click();
    assert!(all(&a, ".chip").is_empty());
    assert_eq!(all(&b, ".chip").len(), 1);
    wa.unmount();
    assert!(
        find(&b, ".status").is_some(),
        "unmounting one leaves the other"
    );
    wb.unmount();
    a.remove();
    b.remove();
}

/// Sets the page's URL to its path followed by `rest` (query and fragment).
fn set_url(rest: &str) {
    let window = web_sys::window().unwrap();
    let url = window.location().pathname().unwrap() + rest;
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

/// A URL in the older `#ima:` form (with no query).
fn set_hash(hash: &str) {
    set_url(hash);
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

fn back() {
    let history = web_sys::window().unwrap().history().unwrap();
    history.back().unwrap();
}

#[wasm_bindgen_test]
async fn state_round_trips_through_the_url_and_back_button() {
    set_url("?page=2&ima=q%3Drohingya%26topic%3Dtrafficking#section-2");
    let (h, w) = widget(&[("deep-link", "on")]);
    assert_eq!(input(&h).value(), "rohingya");
    assert_eq!(all(&h, ".chip").len(), 1);
    let filtered = count_in_status(&h);

    find(&h, ".chip").unwrap().click();
    assert_eq!(search(), "?page=2&ima=q%3Drohingya");
    assert_eq!(hash(), "#section-2", "the fragment is the host's");
    assert!(count_in_status(&h) >= filtered);

    let card = find(&h, ".card .open").unwrap();
    let id = card.get_attribute("data-id").unwrap();
    card.click();
    assert_eq!(
        search(),
        "?page=2&ima=q%3Drohingya%26open%3D".to_owned() + &id
    );

    back();
    wait_until("back to the list", || {
        search() == "?page=2&ima=q%3Drohingya"
    })
    .await;
    assert!(
        !visible(&find(&h, ".reading").unwrap()),
        "back closes the statement"
    );
    back();
    wait_until("back to the filter", || search().contains("topic")).await;
    assert_eq!(all(&h, ".chip").len(), 1, "back restores the filter");

    // The host's own fragment is left to the host.
    set_url(&(search() + "#section-3"));
    web_sys::window()
        .unwrap()
        .dispatch_event(&Event::new("popstate").unwrap())
        .unwrap();
    assert_eq!(input(&h).value(), "rohingya");
    assert_eq!(hash(), "#section-3");
    w.unmount();
    h.remove();
    set_url("");
}

#[wasm_bindgen_test]
fn an_older_fragment_link_opens_and_becomes_the_parameter() {
    set_url("?x=1#ima:q=rohingya&topic=trafficking");
    let (h, w) = widget(&[("deep-link", "on")]);
    assert_eq!(input(&h).value(), "rohingya");
    assert_eq!(all(&h, ".chip").len(), 1);
    assert_eq!(search(), "?x=1&ima=q%3Drohingya%26topic%3Dtrafficking");
    assert_eq!(hash(), "");
    w.unmount();
    h.remove();
    set_url("");
}

#[wasm_bindgen_test]
fn garbage_in_the_hash_is_ignored() {
    set_hash("#ima:q=%ZZ&topic=%3Cb%3E,rohingya&sort=%00&open=&&&=");
    let (h, w) = widget(&[("deep-link", "on")]);
    assert_eq!(input(&h).value(), "");
    assert_eq!(all(&h, ".chip").len(), 1, "only the known topic is kept");
    assert!(visible(&find(&h, ".list").unwrap()));
    w.unmount();
    h.remove();
    set_hash("");
}

const HOSTILE: &str = "<img src=x onerror=\"document.title='pwned'\">";

#[wasm_bindgen_test]
async fn hostile_text_in_the_query_and_hash_stays_text() {
    let (h, w) = widget(&[("query", HOSTILE)]);
    assert!(all(&h, "img").is_empty());
    assert_eq!(input(&h).value(), HOSTILE);
    assert!(text(&h, ".empty").contains(HOSTILE), "shown as typed");
    type_text(&h, &(HOSTILE.to_owned() + "<script>x</script>"));
    sleep(250).await;
    assert!(all(&h, "img, script").is_empty());
    w.unmount();
    h.remove();

    let encoded = "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E";
    set_hash(&("#ima:q=".to_owned() + encoded + "&open=" + encoded));
    let (h, w) = widget(&[("deep-link", "on")]);
    assert_eq!(input(&h).value(), "<img src=x onerror=alert(1)>");
    assert!(all(&h, "img").is_empty());
    assert!(
        visible(&find(&h, ".reading").unwrap()),
        "an unknown statement says so"
    );
    assert_ne!(document().title(), "pwned");
    w.unmount();
    h.remove();
    set_hash("");
}

#[wasm_bindgen_test]
fn options_object_wins_over_attributes_and_ready_fires() {
    let h = host(&[("deep-link", "off"), ("lang", "en")]);
    let ready: Rc<RefCell<u32>> = Rc::default();
    let log = ready.clone();
    let _l = EventListener::new(&h, "ima-statements:ready", move |_| {
        *log.borrow_mut() += 1;
    });
    let options = Object::new();
    Reflect::set(&options, &"lang".into(), &"id".into()).unwrap();
    let kinds = js_sys::Array::of1(&"statement".into());
    Reflect::set(&options, &"kind".into(), &kinds).unwrap();
    let w = mount(h.clone().into(), options.into()).unwrap();
    assert_eq!(*ready.borrow(), 1);
    assert_eq!(
        input(&h).get_attribute("placeholder").as_deref(),
        Some("Cari pernyataan…")
    );
    assert_eq!(all(&h, ".chip").len(), 1);
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
fn more_results_adds_a_page_and_focuses_its_first_card() {
    let (h, w) = widget(&[]);
    let total = count_in_status(&h);
    let first_page = all(&h, ".card").len();
    assert!(first_page < total, "the corpus is longer than one page");
    find(&h, ".more-button").unwrap().click();
    assert_eq!(all(&h, ".card").len(), total.min(first_page * 2));
    let focused = shadow(&h).active_element().unwrap();
    let new_card = all(&h, ".card .open").into_iter().nth(first_page).unwrap();
    assert_eq!(
        focused.get_attribute("data-id"),
        new_card.get_attribute("data-id")
    );
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
fn escape_closes_the_reading_view_and_tags_filter() {
    let (h, w) = widget(&[]);
    find(&h, ".card .open").unwrap().click();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    find(&h, ".reading h2")
        .unwrap()
        .dispatch_event(&escape)
        .unwrap();
    assert!(!visible(&find(&h, ".reading").unwrap()));

    find(&h, ".card .open").unwrap().click();
    let tag = find(&h, ".reading .tag").expect("statements are tagged");
    let (facet, value) = (
        tag.get_attribute("data-facet").unwrap(),
        tag.get_attribute("data-value").unwrap(),
    );
    tag.click();
    assert!(visible(&find(&h, ".list").unwrap()));
    let chip = find(&h, ".chip").unwrap();
    assert_eq!(chip.get_attribute("data-facet"), Some(facet));
    assert_eq!(chip.get_attribute("data-value"), Some(value));
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
fn the_empty_state_offers_a_way_out() {
    let (h, w) = widget(&[("query", "rohingyo"), ("kind", "news")]);
    assert_eq!(count_in_status(&h), 0);
    assert!(visible(&find(&h, ".empty").unwrap()));
    let fix = find(&h, ".empty [data-act=spell]").expect("a spelling suggestion");
    assert_eq!(fix.text_content().as_deref(), Some("rohingya"));
    fix.click();
    assert_eq!(input(&h).value(), "rohingya");
    assert!(
        all(&h, ".chip").is_empty(),
        "the filter that emptied it went too"
    );
    assert!(count_in_status(&h) > 0);
    assert!(!visible(&find(&h, ".empty").unwrap()));
    w.unmount();
    h.remove();
}

/// Every landmark in a widget as (role, name): the outer region, the search,
/// the list and chronology sections, the reading view's navigation.
fn landmarks(h: &HtmlElement) -> Vec<(String, String)> {
    all(
        h,
        "[role=region], [role=search], section[aria-label], nav[aria-label]",
    )
    .iter()
    .map(|e| {
        let role = e.get_attribute("role").unwrap_or_else(|| e.tag_name());
        (role, e.get_attribute("aria-label").unwrap_or_default())
    })
    .collect()
}

#[wasm_bindgen_test]
async fn two_widgets_in_one_language_name_their_landmarks_apart() {
    let (a, wa) = widget(&[("lang", "en"), ("view", "both")]);
    let (b, wb) = widget(&[("lang", "en"), ("view", "both")]);
    let (la, lb) = (landmarks(&a), landmarks(&b));
    assert!(la.len() >= 4, "landmarks of the first: {la:?}");
    assert_eq!(la.len(), lb.len());
    for mark in &la {
        assert!(!lb.contains(mark), "{mark:?} is in both widgets: {lb:?}");
    }
    assert!(
        lb.iter().all(|(_, name)| name.ends_with(')')),
        "the later widget's names are numbered: {lb:?}"
    );

    // Its number is free again once it is unmounted; the next widget takes it.
    let names_b = lb;
    wb.unmount();
    b.remove();
    let (c, wc) = widget(&[("lang", "en"), ("view", "both")]);
    assert_eq!(landmarks(&c), names_b, "the freed number is reused");
    for (h, w) in [(a, wa), (c, wc)] {
        w.unmount();
        h.remove();
    }
}

/// Opens statement `id` from a search for `text`.
async fn open_statement(h: &HtmlElement, text: &str, id: &str) {
    type_text(h, text);
    sleep(50).await;
    find(h, &format!(".card .open[data-id=\"{id}\"]"))
        .expect("the statement is found")
        .click();
}

#[wasm_bindgen_test]
async fn a_tag_filters_the_archive_by_its_entity_and_returns_to_the_list() {
    let (h, w) = widget(&[]);
    open_statement(&h, "rohingya", "2015-05-justice-for-the-26").await;
    let tag = all(&h, ".reading .tag")
        .into_iter()
        .find(|t| t.get_attribute("data-value").as_deref() == Some("rohingya"))
        .expect("the statement is tagged Rohingya");
    assert_eq!(tag.tag_name(), "BUTTON", "a tag is a control");
    let tag: HtmlElement = tag.unchecked_into();
    tag.click();
    assert!(visible(&find(&h, ".list").unwrap()), "back to the list");
    assert!(!visible(&find(&h, ".reading").unwrap()));
    assert_eq!(input(&h).value(), "", "the text gives way to the entity");
    let chips = all(&h, ".chip");
    assert_eq!(chips.len(), 1);
    assert_eq!(
        chips[0].get_attribute("data-facet").as_deref(),
        Some("topic")
    );
    assert_eq!(
        chips[0].get_attribute("data-value").as_deref(),
        Some("rohingya")
    );
    let pressed = find(&h, ".facets button[data-facet=topic][data-value=rohingya]").unwrap();
    assert_eq!(
        pressed.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let tagged: usize = text(&h, ".facets [data-value=rohingya] .count")
        .parse()
        .unwrap();
    assert_eq!(
        count_in_status(&h),
        tagged,
        "every statement about it, and only those"
    );
    assert_eq!(
        shadow(&h).active_element().map(|e| e.id()),
        Some("ima-q".to_owned()),
        "focus on the search box"
    );
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
async fn related_statements_link_to_their_statements() {
    let (h, w) = widget(&[]);
    open_statement(&h, "rohingya", "2015-05-justice-for-the-26").await;
    let related = all(&h, ".reading [part=related] button");
    assert!(
        (3..=5).contains(&related.len()),
        "{} related statements",
        related.len()
    );
    let ids: Vec<String> = related
        .iter()
        .filter_map(|b| b.get_attribute("data-id"))
        .collect();
    assert_eq!(ids[0], "2015-05-asean-save-the-rohingya-at-sea");
    assert!(!ids.contains(&"2015-05-justice-for-the-26".to_owned()));
    assert!(
        find(&h, ".reading [part=related] h3").is_some(),
        "the list has a heading"
    );
    let first: HtmlElement = related[0].clone().unchecked_into();
    let title = first
        .query_selector(".n-title")
        .unwrap()
        .unwrap()
        .text_content();
    first.click();
    assert_eq!(
        Some(text(&h, ".reading h2")),
        title,
        "it opens its statement"
    );
    assert_eq!(
        Reflect::get(&w.state(), &"open".into())
            .unwrap()
            .as_string(),
        Some(ids[0].clone())
    );
    // Back leads to the list, to the card first opened.
    find(&h, ".back").unwrap().click();
    assert_eq!(
        shadow(&h)
            .active_element()
            .and_then(|e| e.get_attribute("data-id")),
        Some("2015-05-justice-for-the-26".to_owned())
    );
    w.unmount();
    h.remove();
}

/// The style rules of the widget's stylesheet under `@media print`.
fn print_rules(h: &HtmlElement) -> Vec<(String, String)> {
    let sheets = shadow(h).adopted_style_sheets();
    let mut css_rules = Vec::new();
    if sheets.length() > 0 {
        css_rules.push(Reflect::get(&sheets.get(0), &"cssRules".into()).unwrap());
    } else {
        // Without constructable stylesheets: the `<style>` element's sheet.
        let style = find(h, "style").expect("the widget's styles");
        let sheet = Reflect::get(&style, &"sheet".into()).unwrap();
        css_rules.push(Reflect::get(&sheet, &"cssRules".into()).unwrap());
    }
    let mut out = Vec::new();
    for list in css_rules {
        for rule in js_sys::Array::from(&list).iter() {
            let media = Reflect::get(&rule, &"media".into()).unwrap();
            let text = Reflect::get(&media, &"mediaText".into())
                .ok()
                .and_then(|t| t.as_string());
            if text.as_deref() != Some("print") {
                continue;
            }
            let inner = Reflect::get(&rule, &"cssRules".into()).unwrap();
            for r in js_sys::Array::from(&inner).iter() {
                let selector = Reflect::get(&r, &"selectorText".into()).unwrap();
                let style = Reflect::get(&r, &"style".into()).unwrap();
                let display = Reflect::get(&style, &"display".into()).unwrap();
                out.push((
                    selector.as_string().unwrap_or_default(),
                    display.as_string().unwrap_or_default(),
                ));
            }
        }
    }
    out
}

#[wasm_bindgen_test]
async fn printing_a_statement_hides_the_controls_and_keeps_the_text() {
    let (h, w) = widget(&[("deep-link", "on")]);
    open_statement(&h, "rohingya", "2015-05-justice-for-the-26").await;
    let rules = print_rules(&h);
    assert!(!rules.is_empty(), "the stylesheet has print rules");
    // Hidden in print when it or an ancestor matches a `display: none` rule.
    let hidden = |e: &web_sys::Element| {
        let mut at = Some(e.clone());
        while let Some(node) = at {
            if rules
                .iter()
                .any(|(sel, display)| display == "none" && node.matches(sel).unwrap_or(false))
            {
                return true;
            }
            at = node.parent_element();
        }
        false
    };
    for control in [
        "input[type=search]",
        "select",
        ".facets .value",
        ".back",
        ".reading .tag",
        ".copy",
        ".reading [part=related] button",
        ".neighbours button",
    ] {
        let e = find(&h, control).unwrap_or_else(|| panic!("{control} is rendered"));
        assert!(hidden(&e), "{control} is not printed");
    }
    for kept in [
        ".reading h2",
        ".reading time",
        ".reading .signed",
        ".reading .text p",
        ".reading .permalink",
    ] {
        let e = find(&h, kept).unwrap_or_else(|| panic!("{kept} is rendered"));
        assert!(!hidden(&e), "{kept} is printed");
    }
    assert!(
        rules
            .iter()
            .any(|(sel, _)| sel.contains(".permalink::after")),
        "the permalink's address is printed"
    );
    w.unmount();
    h.remove();
    let window = web_sys::window().unwrap();
    let url = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}
