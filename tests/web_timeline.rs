//! The chronology in a real browser, on the real corpus: shown by default,
//! marks and their shapes, titles on the axis that never overlap, the card
//! on focus, hover and touch, the overview band, the collapsed years,
//! brushing a period with the pointer and with the keyboard and saying it
//! in words, dimming by a query and following it out of view (at once
//! under reduced motion, else gliding), keyboard order, zoom and ticks, a
//! container that changes width, the `view` attribute, and unmounting.
//!
//! Run with `wasm-pack test --headless --chrome --firefox -- --test web_timeline`.

#![cfg(target_arch = "wasm32")]

use ima_statements::archive::Archive;
use ima_statements::date::PartialDate;
use ima_statements::widget::mount::{live_resources, mount, Widget};
use ima_statements::widget::timeline::geometry::Shape;
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit, PointerEvent,
    PointerEventInit, WheelEvent, WheelEventInit,
};

mod common;

use common::{all, count_in_status, document, shadow, sleep};

wasm_bindgen_test_configure!(run_in_browser);

/// A widget showing the chronology, 900 px wide, deep links off.
fn widget(attrs: &[(&str, &str)]) -> (HtmlElement, Widget) {
    let h: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    h.set_attribute("style", "display:block;width:900px")
        .unwrap();
    h.set_attribute("deep-link", "off").unwrap();
    h.set_attribute("view", "both").unwrap();
    for (k, v) in attrs {
        h.set_attribute(k, v).unwrap();
    }
    document().body().unwrap().append_child(&h).unwrap();
    let w = mount(h.clone().into(), JsValue::UNDEFINED).unwrap();
    (h, w)
}

fn find(h: &HtmlElement, selector: &str) -> Element {
    shadow(h)
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn state(w: &Widget, key: &str) -> Option<String> {
    Reflect::get(&w.state(), &key.into()).unwrap().as_string()
}

/// The mark of statement `id`.
fn mark(h: &HtmlElement, id: &str) -> Element {
    all(h, ".tl-mark")
        .into_iter()
        .find(|m| m.get_attribute("data-id").as_deref() == Some(id))
        .unwrap_or_else(|| panic!("no mark for {id}"))
}

/// Middle of a mark, in page coordinates.
fn centre(e: &Element) -> (f64, f64) {
    let r = e.get_bounding_client_rect();
    (r.left() + r.width() / 2.0, r.top() + r.height() / 2.0)
}

fn pointer(target: &Element, kind: &str, x: f64, y: f64) {
    pointer_of(target, kind, x, y, "mouse");
}

/// A pointer event of `device` (`mouse`, `touch`) at `(x, y)` on `target`.
fn pointer_of(target: &Element, kind: &str, x: f64, y: f64, device: &str) {
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    init.set_pointer_id(1);
    init.set_is_primary(true);
    init.set_pointer_type(device);
    init.set_client_x(x.round() as i32);
    init.set_client_y(y.round() as i32);
    init.set_button(0);
    let e = PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&e).unwrap();
}

/// Drags along the date strip under the axis from `x0` to `x1`.
fn brush(h: &HtmlElement, x0: f64, x1: f64) {
    let svg = find(h, ".tl-svg");
    let strip = find(h, ".tl-strip").get_bounding_client_rect();
    let y = strip.top() + strip.height() / 2.0;
    pointer(&svg, "pointerdown", x0, y);
    for i in 1..=4 {
        pointer(&svg, "pointermove", x0 + (x1 - x0) * f64::from(i) / 4.0, y);
    }
    pointer(&svg, "pointerup", x1, y);
}

fn key(target: &Element, name: &str) {
    key_with(target, name, false);
}

/// A key press, with Shift held when `shift`.
fn key_with(target: &Element, name: &str, shift: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(name);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    let e = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&e).unwrap();
}

fn active(h: &HtmlElement) -> Option<Element> {
    shadow(h).active_element()
}

fn unit(h: &HtmlElement) -> String {
    find(h, ".tl-svg")
        .get_attribute("data-unit")
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn one_mark_per_statement_shaped_by_the_precision_of_its_date() {
    let (h, w) = widget(&[]);
    let archive = ima_statements::archive::embedded().unwrap();
    let marks = all(&h, ".tl-mark");
    assert_eq!(marks.len(), archive.len(), "one mark per statement");
    for s in archive.statements() {
        let m = mark(&h, &s.id);
        let shape = Shape::of(s.date.precision());
        assert_eq!(
            m.get_attribute("data-shape").as_deref(),
            Some(shape.as_str()),
            "{}",
            s.id
        );
        let tag = m.tag_name().to_lowercase();
        assert_eq!(
            tag,
            if shape == Shape::Point {
                "circle"
            } else {
                "rect"
            },
            "{}",
            s.id
        );
        assert_eq!(
            m.class_list().contains("approx"),
            s.is_approximate(),
            "{}",
            s.id
        );
    }
    // Everything matches with no query: nothing is dimmed.
    assert!(all(&h, ".tl-mark.dim").is_empty());
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
fn the_empty_years_collapse_into_one_labelled_break() {
    let (h, w) = widget(&[]);
    let breaks = all(&h, ".tl-break");
    assert_eq!(breaks.len(), 1);
    let b = &breaks[0];
    assert_eq!(
        find(&h, ".tl-break-label").text_content().as_deref(),
        Some("2018–2023")
    );
    let title = b
        .query_selector("title")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(title.contains("2018") && title.contains("2023"), "{title}");
    // It sits between the last 2017 statement and the 2023 one, and is narrow:
    // five empty years take less room than one year with statements.
    let x = |id: &str| centre(&mark(&h, id)).0;
    let (last_2017, in_2023) = (
        x("2017-12-04-us-withdrawal-from-gcm"),
        x("2023-07-12-secretariat-meets-in-hong-kong"),
    );
    let band = b.get_bounding_client_rect();
    assert!(last_2017 < band.left() && band.right() < in_2023);
    let year_2016 = x("2016-12-18-international-migrants-day-2016")
        - x("2015-12-18-international-migrants-day-2015");
    assert!(
        in_2023 - last_2017 < year_2016,
        "{} vs {}",
        in_2023 - last_2017,
        year_2016
    );
    // No tick is labelled with a year inside the break.
    for label in all(&h, ".tl-label") {
        let t = label.text_content().unwrap_or_default();
        assert!(
            !["2019", "2020", "2021", "2022"].contains(&t.as_str()),
            "{t}"
        );
    }
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
fn brushing_a_period_filters_the_results_and_sets_from_and_to() {
    let (h, w) = widget(&[]);
    let everything = count_in_status(&h);
    let x = |id: &str| centre(&mark(&h, id)).0;
    // From just before 10 December 2015 to just after 18 December 2016.
    let a = x("2015-12-10-human-rights-day-tppa") - 6.0;
    let b = x("2016-12-18-international-migrants-day-2016") + 6.0;
    brush(&h, a, b);
    let (from, to) = (state(&w, "from").unwrap(), state(&w, "to").unwrap());
    let (first, last) = (
        PartialDate::parse(&from).unwrap().start(),
        PartialDate::parse(&to).unwrap().end(),
    );
    let archive = ima_statements::archive::embedded().unwrap();
    let expected = archive
        .statements()
        .iter()
        .filter(|s| s.date.overlaps(first, last))
        .count();
    assert!(expected > 0 && expected < everything, "{from} {to}");
    assert_eq!(count_in_status(&h), expected, "{from} – {to}");
    assert_eq!(all(&h, ".tl-mark:not(.dim)").len(), expected);
    assert_eq!(all(&h, ".chip").len(), 2, "from and to chips");
    let area = find(&h, ".tl-brush-area").get_bounding_client_rect();
    assert!((area.left() - a).abs() < 30.0 && (area.right() - b).abs() < 30.0);

    // Moving the brush by its middle keeps its width and changes the period.
    let middle = (area.left() + area.right()) / 2.0;
    brush(&h, middle, middle + 80.0);
    let moved = (state(&w, "from").unwrap(), state(&w, "to").unwrap());
    assert_ne!(moved, (from.clone(), to.clone()));
    assert!(moved.0 > from && moved.1 > to, "{moved:?}");

    // Clearing removes the period.
    let clear: HtmlElement = find(&h, ".tl-button[data-tl=clear]").unchecked_into();
    assert!(!clear.has_attribute("hidden"));
    clear.click();
    assert_eq!(state(&w, "from"), None);
    assert_eq!(state(&w, "to"), None);
    assert_eq!(count_in_status(&h), everything);
    assert!(all(&h, ".tl-brush-area").is_empty());
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
fn dates_set_elsewhere_move_the_brush() {
    let (h, w) = widget(&[]);
    assert!(all(&h, ".tl-brush-area").is_empty());
    w.set_attribute("from", Some("2016".into()));
    w.set_attribute("to", Some("2016".into()));
    let area = find(&h, ".tl-brush-area").get_bounding_client_rect();
    let inside = centre(&mark(&h, "2016-12-18-international-migrants-day-2016")).0;
    let before = centre(&mark(&h, "2015-12-18-international-migrants-day-2015")).0;
    let after = centre(&mark(&h, "2017-12-04-us-withdrawal-from-gcm")).0;
    assert!(area.left() < inside && inside < area.right());
    assert!(before < area.left() && area.right() < after);
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
async fn a_query_dims_the_marks_it_does_not_match() {
    let (h, w) = widget(&[]);
    let input: HtmlInputElement = find(&h, "input[type=search]").unchecked_into();
    input.set_value("rohingya");
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
    sleep(300).await;
    let found = count_in_status(&h);
    assert!(found > 0 && found < 11);
    assert_eq!(all(&h, ".tl-mark:not(.dim)").len(), found);
    assert_eq!(all(&h, ".tl-mark.dim").len(), 11 - found);
    // The matched ones are those in the result list.
    let listed: Vec<String> = all(&h, ".card .open")
        .iter()
        .filter_map(|b| b.get_attribute("data-id"))
        .collect();
    for m in all(&h, ".tl-mark:not(.dim)") {
        assert!(listed.contains(&m.get_attribute("data-id").unwrap()));
    }
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
fn arrow_keys_move_through_the_statements_in_time_order() {
    let (h, w) = widget(&[]);
    let stops = all(&h, ".tl-marks [tabindex]");
    assert_eq!(stops.len(), 1, "one tab stop");
    let first: HtmlElement = stops[0].clone().unchecked_into();
    first.focus().unwrap();
    key(&first.clone().into(), "End");
    key(&active(&h).unwrap(), "Home");
    let mut seen = Vec::new();
    for _ in 0..12 {
        let a = active(&h).expect("focus stays on the chronology");
        assert_eq!(all(&h, ".tl-marks [tabindex]").len(), 1);
        assert_eq!(a.get_attribute("tabindex").as_deref(), Some("0"));
        let id = a.get_attribute("data-id").unwrap();
        assert!(a.get_attribute("aria-label").unwrap().len() > 10);
        if seen.last() != Some(&id) {
            seen.push(id);
        }
        key(&a, "ArrowRight");
    }
    let archive = ima_statements::archive::embedded().unwrap();
    let expected: Vec<String> = in_time_order(&archive)
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(seen, expected);
    // Enter opens the focused statement, which is then marked.
    key(&active(&h).unwrap(), "ArrowLeft");
    let id = active(&h).unwrap().get_attribute("data-id").unwrap();
    key(&active(&h).unwrap(), "Enter");
    assert_eq!(state(&w, "open").as_deref(), Some(id.as_str()));
    assert!(mark(&h, &id).class_list().contains("open"));
    w.unmount();
    h.remove();
}

/// The statements oldest first: the chronology's keyboard order.
fn in_time_order(archive: &Archive) -> Vec<&ima_statements::statement::Statement> {
    let mut ordered: Vec<_> = archive.statements().iter().collect();
    ordered.sort_by_key(|s| s.date);
    ordered
}

#[wasm_bindgen_test]
fn shift_and_the_arrow_keys_select_a_period_that_escape_clears() {
    let (h, w) = widget(&[]);
    let everything = count_in_status(&h);
    let archive = ima_statements::archive::embedded().unwrap();
    let ordered = in_time_order(&archive);
    let stop: HtmlElement = find(&h, ".tl-marks [tabindex='0']").unchecked_into();
    stop.focus().unwrap();
    key(&active(&h).unwrap(), "Home");
    key(&active(&h).unwrap(), "ArrowRight");
    key(&active(&h).unwrap(), "ArrowRight");
    // Plain arrows move focus and choose nothing.
    assert_eq!(state(&w, "from"), None);
    for _ in 0..3 {
        key_with(&active(&h).unwrap(), "ArrowRight", true);
    }
    // The period runs from the statement where Shift was first pressed to
    // the focused one, whole: the earlier's first day to the latest last day.
    let chosen = &ordered[2..=5];
    let first = chosen[0].date.start();
    let last = chosen.iter().map(|s| s.date.end()).max().unwrap();
    let (from, to) = (state(&w, "from").unwrap(), state(&w, "to").unwrap());
    assert_eq!(
        (from.as_str(), to.as_str()),
        (&*first.to_string(), &*last.to_string())
    );
    let expected = archive
        .statements()
        .iter()
        .filter(|s| s.date.overlaps(first, last))
        .count();
    assert!(
        expected >= chosen.len() && expected < everything,
        "{from} {to}"
    );
    assert_eq!(count_in_status(&h), expected);
    assert_eq!(all(&h, ".tl-mark:not(.dim)").len(), expected);
    assert_eq!(all(&h, ".chip").len(), 2, "from and to chips");
    assert_eq!(all(&h, ".tl-brush-area").len(), 1);
    // Focus stays on the chronology, on the statement the selection reached.
    let focused = active(&h).expect("focus stays on the chronology");
    assert_eq!(
        focused.get_attribute("data-id"),
        Some(ordered[5].id.clone())
    );

    // Shift and the other way shrinks the period from the same start.
    key_with(&focused, "ArrowLeft", true);
    let last = ordered[2..=4].iter().map(|s| s.date.end()).max().unwrap();
    assert_eq!(state(&w, "from"), Some(first.to_string()));
    assert_eq!(state(&w, "to"), Some(last.to_string()));

    // Shift and End reach the newest statement.
    key_with(&active(&h).unwrap(), "End", true);
    let newest = ordered.iter().map(|s| s.date.end()).max().unwrap();
    assert_eq!(state(&w, "to"), Some(newest.to_string()));

    // Escape clears the period; focus stays where it was.
    key(&active(&h).unwrap(), "Escape");
    assert_eq!(state(&w, "from"), None);
    assert_eq!(state(&w, "to"), None);
    assert_eq!(count_in_status(&h), everything);
    assert!(all(&h, ".tl-brush-area").is_empty());
    assert!(all(&h, ".tl-mark.dim").is_empty());
    let focused = active(&h).expect("focus stays on the chronology");
    assert_eq!(
        focused.get_attribute("data-id"),
        Some(ordered.last().unwrap().id.clone())
    );

    // After a plain arrow, Shift starts a new selection where focus is;
    // Delete clears it too.
    key(&focused, "ArrowLeft");
    key_with(&active(&h).unwrap(), "ArrowLeft", true);
    let n = ordered.len();
    assert_eq!(
        state(&w, "from"),
        Some(ordered[n - 3].date.start().to_string())
    );
    key(&active(&h).unwrap(), "Delete");
    assert_eq!(state(&w, "from"), None);
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
async fn the_axis_is_laid_out_again_when_its_container_changes_width() {
    let (h, w) = widget(&[]);
    let svg = find(&h, ".tl-svg");
    let width = || -> i32 { svg.get_attribute("width").unwrap().parse().unwrap() };
    let ticks = || -> Vec<i32> {
        all(&h, ".tl-label")
            .iter()
            .map(|t| t.get_attribute("x").unwrap().parse().unwrap())
            .collect()
    };
    let newest = "2023-07-12-secretariat-meets-in-hong-kong";
    // Moving through the marks with the keys leaves the whole archive in
    // view, so it is still the whole archive at the new width.
    let stop: HtmlElement = find(&h, ".tl-marks [tabindex='0']").unchecked_into();
    stop.focus().unwrap();
    key(&active(&h).unwrap(), "End");
    key(&active(&h).unwrap(), "Home");
    let (wide, wide_ticks) = (width(), ticks());
    // The frame shares the host's 900 px with the facet column.
    assert!(wide > 420, "{wide}");
    // Only the host element changes width; the window stays as it is.
    h.set_attribute("style", "display:block;width:420px")
        .unwrap();
    sleep(150).await;
    let narrow = width();
    assert!(narrow <= 420 && narrow > 300, "{narrow}");
    assert_ne!(ticks(), wide_ticks);
    assert!(ticks().iter().all(|x| *x <= narrow), "{:?}", ticks());
    // The whole archive still fits: the newest statement is inside the axis,
    // with no overview band.
    let right = mark(&h, newest).get_bounding_client_rect().right();
    assert!(right <= svg.get_bounding_client_rect().left() + f64::from(narrow));
    assert!(hidden(&h, ".tl-band"), "zoomed in by the new width");
    h.set_attribute("style", "display:block;width:900px")
        .unwrap();
    sleep(150).await;
    assert_eq!(width(), wide);
    assert_eq!(ticks(), wide_ticks);
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
async fn a_mark_in_view_is_always_in_the_tab_order() {
    let (h, w) = widget(&[]);
    let stops = || all(&h, ".tl-marks [tabindex='0']");
    assert_eq!(stops().len(), 1);
    // The first statement has the stop; zoomed in on the middle of the axis
    // and scrolled to the end, it is out of view, and the stop moves to a
    // mark in view rather than leaving none.
    let first = stops()[0].get_attribute("data-id").unwrap();
    let zoom_in: HtmlElement = find(&h, ".tl-button[data-tl=in]").unchecked_into();
    for _ in 0..3 {
        zoom_in.click();
    }
    let stage = find(&h, ".tl-stage");
    for _ in 0..3 {
        key(&stage, "PageDown");
    }
    sleep(50).await;
    assert!(all(&h, ".tl-mark")
        .iter()
        .all(|m| m.get_attribute("data-id").as_deref() != Some(&*first)));
    let now = stops();
    assert_eq!(now.len(), 1, "one mark in view takes the tab stop");
    let svg = find(&h, ".tl-svg").get_bounding_client_rect();
    let r = now[0].get_bounding_client_rect();
    assert!(r.right() > svg.left() && r.left() < svg.right(), "in view");
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
fn zooming_in_makes_the_ticks_finer_and_fit_restores_them() {
    let (h, w) = widget(&[]);
    let at_fit = unit(&h);
    assert!(at_fit == "year" || at_fit == "month", "{at_fit}");
    let zoom_in: HtmlElement = find(&h, ".tl-button[data-tl=in]").unchecked_into();
    let mut units = vec![at_fit.clone()];
    for _ in 0..12 {
        zoom_in.click();
        if units.last() != Some(&unit(&h)) {
            units.push(unit(&h));
        }
    }
    assert_eq!(units.last().map(String::as_str), Some("day"), "{units:?}");
    assert!(units.len() >= 2);
    let fit: HtmlElement = find(&h, ".tl-button[data-tl=fit]").unchecked_into();
    fit.click();
    assert_eq!(unit(&h), at_fit);

    // Ctrl + wheel (and trackpad pinches) zoom too; a plain wheel does not.
    let svg = find(&h, ".tl-svg");
    let (x, y) = centre(&svg);
    let wheel = |ctrl: bool| {
        let init = WheelEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_delta_y(-400.0);
        init.set_ctrl_key(ctrl);
        init.set_client_x(x as i32);
        init.set_client_y(y as i32);
        let e = WheelEvent::new_with_event_init_dict("wheel", &init).unwrap();
        svg.dispatch_event(&e).unwrap();
        e.default_prevented()
    };
    assert!(!wheel(false), "a plain wheel scrolls the page");
    assert_eq!(unit(&h), at_fit);
    for _ in 0..6 {
        assert!(wheel(true));
    }
    assert_ne!(unit(&h), at_fit);
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
fn the_view_attribute_shows_and_hides_the_chronology_and_unmount_frees_it() {
    let before = live_resources();
    let (h, w) = widget(&[("view", "list")]);
    assert!(find(&h, ".chronology").has_attribute("hidden"));
    assert!(all(&h, ".tl-svg").is_empty());
    w.set_attribute("view", Some("timeline".into()));
    assert_eq!(all(&h, ".tl-mark").len(), 11);
    assert!(!find(&h, ".chronology").has_attribute("hidden"));
    w.set_attribute("view", Some("list".into()));
    assert!(all(&h, ".tl-svg").is_empty());
    w.set_attribute("view", Some("both".into()));
    assert!(live_resources() > before);
    // The equivalent list: years with counts, statements that open.
    let details = find(&h, ".tl-list");
    details.set_attribute("open", "").unwrap();
    details
        .dispatch_event(&Event::new("toggle").unwrap())
        .unwrap();
    let years: Vec<String> = all(&h, ".tl-year-head strong")
        .iter()
        .filter_map(|e| e.text_content())
        .collect();
    assert_eq!(years, vec!["2015", "2016", "2017", "2023"]);
    assert_eq!(all(&h, ".tl-item").len(), 11);
    assert!(all(&h, ".tl-year-items .dim").is_empty());
    let only: HtmlElement = find(&h, "[data-tl-year='2016']").unchecked_into();
    only.click();
    assert_eq!(state(&w, "from").as_deref(), Some("2016"));
    assert_eq!(count_in_status(&h), 2);
    // The open list follows the filter: counts and dimmed items.
    assert_eq!(all(&h, ".tl-year-items .dim").len(), 9);
    let counts: Vec<String> = all(&h, ".tl-year-head .count")
        .iter()
        .filter_map(|e| e.text_content())
        .collect();
    assert_eq!(counts, [" (0 of 6)", " (2 of 2)", " (0 of 2)", " (0 of 1)"]);
    // Opening a statement from the list marks it there.
    let item: HtmlElement = all(&h, ".tl-item")[4].clone().unchecked_into();
    let id = item.get_attribute("data-tl-open").unwrap();
    item.click();
    assert_eq!(state(&w, "open"), Some(id.clone()));
    let current = all(&h, ".tl-item[aria-current='true']");
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].get_attribute("data-tl-open"), Some(id));
    w.unmount();
    assert_eq!(live_resources(), before);
    h.remove();
}

/// A widget mounted with no `view` attribute, 900 px wide.
fn default_widget() -> (HtmlElement, Widget) {
    let h: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    h.set_attribute("style", "display:block;width:900px")
        .unwrap();
    h.set_attribute("deep-link", "off").unwrap();
    document().body().unwrap().append_child(&h).unwrap();
    let w = mount(h.clone().into(), JsValue::UNDEFINED).unwrap();
    (h, w)
}

fn hidden(h: &HtmlElement, selector: &str) -> bool {
    find(h, selector).has_attribute("hidden")
}

/// The text of the card, empty while it is hidden.
fn card(h: &HtmlElement) -> String {
    if hidden(h, ".tl-card") {
        return String::new();
    }
    find(h, ".tl-card").text_content().unwrap_or_default()
}

fn title_of(archive: &Archive, id: &str) -> String {
    archive.get(id).unwrap().title.clone()
}

#[wasm_bindgen_test]
fn the_default_view_shows_the_chronology_above_the_results() {
    let (h, w) = default_widget();
    assert!(!hidden(&h, ".chronology"));
    assert_eq!(all(&h, ".tl-mark").len(), 11);
    let chronology = find(&h, ".chronology").get_bounding_client_rect();
    let results = find(&h, ".results").get_bounding_client_rect();
    assert!(chronology.bottom() <= results.top() + 1.0);
    w.unmount();
    h.remove();
}

/// Every pair of titles that overlap, by their boxes on screen.
fn overlapping_titles(h: &HtmlElement) -> Vec<(String, String)> {
    let titles = all(h, ".tl-title");
    let boxes: Vec<_> = titles
        .iter()
        .map(|t| t.get_bounding_client_rect())
        .collect();
    let mut out = Vec::new();
    for (i, a) in boxes.iter().enumerate() {
        for (j, b) in boxes.iter().enumerate().skip(i + 1) {
            let apart = a.right() <= b.left() + 0.5
                || b.right() <= a.left() + 0.5
                || a.bottom() <= b.top() + 0.5
                || b.bottom() <= a.top() + 0.5;
            if !apart {
                let text = |k: usize| titles[k].text_content().unwrap_or_default();
                out.push((text(i), text(j)));
            }
        }
    }
    out
}

#[wasm_bindgen_test]
async fn titles_on_the_axis_never_overlap_and_name_their_marks() {
    let (h, w) = default_widget();
    let archive = ima_statements::archive::embedded().unwrap();
    for width in ["900px", "340px", "1400px"] {
        h.set_attribute("style", &("display:block;width:".to_owned() + width))
            .unwrap();
        sleep(150).await;
        let titles = all(&h, ".tl-title");
        assert!(titles.len() >= 2, "{width}: {} titles", titles.len());
        assert_eq!(overlapping_titles(&h), Vec::new(), "{width}");
        let frame = find(&h, ".tl-frame").get_bounding_client_rect();
        for t in &titles {
            // Each is inside the frame and is its statement's title (elided
            // by the stylesheet where its room is short).
            let r = t.get_bounding_client_rect();
            assert!(r.left() >= frame.left() - 0.5 && r.right() <= frame.right() + 0.5);
            let i: usize = t.get_attribute("data-i").unwrap().parse().unwrap();
            let id = all(&h, ".tl-mark")
                .into_iter()
                .find(|m| m.get_attribute("data-i").as_deref() == Some(&*i.to_string()))
                .and_then(|m| m.get_attribute("data-id"))
                .expect("a title's mark is drawn");
            assert_eq!(t.text_content().unwrap(), title_of(&archive, &id));
        }
    }
    // Wide, most statements carry their title.
    assert!(
        all(&h, ".tl-title").len() >= 7,
        "{}",
        all(&h, ".tl-title").len()
    );
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
fn a_card_opens_at_the_mark_on_focus_on_hover_and_on_a_first_tap() {
    let (h, w) = default_widget();
    let archive = ima_statements::archive::embedded().unwrap();
    assert_eq!(card(&h), "");
    // Focus: the focused mark's card.
    let stop: HtmlElement = find(&h, ".tl-marks [tabindex='0']").unchecked_into();
    stop.focus().unwrap();
    key(&active(&h).unwrap(), "End");
    let focused = active(&h).unwrap();
    let id = focused.get_attribute("data-id").unwrap();
    let text = card(&h);
    assert!(text.contains(&title_of(&archive, &id)), "{text}");
    assert!(text.contains("2023"), "the date: {text}");
    // Anchored at the mark: above or below it, across its middle.
    let (x, y) = centre(&focused);
    let r = find(&h, ".tl-card").get_bounding_client_rect();
    assert!(
        (r.bottom() <= y || r.top() >= y) && r.left() <= x && x <= r.right(),
        "{x} {y}"
    );
    focused.unchecked_ref::<HtmlElement>().blur().unwrap();
    assert_eq!(card(&h), "");

    // Hover: the card of the mark under the pointer, away when it leaves.
    let other = "2016-12-18-international-migrants-day-2016";
    let m = mark(&h, other);
    let (x, y) = centre(&m);
    pointer(&m, "pointermove", x, y);
    assert!(
        card(&h).contains(&title_of(&archive, other)),
        "{}",
        card(&h)
    );
    let stage = find(&h, ".tl-stage");
    pointer(&stage, "pointerleave", x, y - 400.0);
    assert_eq!(card(&h), "");

    // Touch: a first tap shows the card, a second opens the statement.
    let m = mark(&h, other);
    let (x, y) = centre(&m);
    for kind in ["pointerdown", "pointerup"] {
        pointer_of(&m, kind, x, y, "touch");
    }
    assert!(card(&h).contains(&title_of(&archive, other)));
    assert_eq!(state(&w, "open"), None);
    let m = mark(&h, other);
    for kind in ["pointerdown", "pointerup"] {
        pointer_of(&m, kind, x, y, "touch");
    }
    assert_eq!(state(&w, "open").as_deref(), Some(other));
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
async fn a_card_stays_below_the_toolbar_and_off_its_mark() {
    let (h, w) = default_widget();
    for width in ["900px", "320px"] {
        h.set_attribute("style", &("display:block;width:".to_owned() + width))
            .unwrap();
        sleep(150).await;
        let stop: HtmlElement = find(&h, ".tl-marks [tabindex='0']").unchecked_into();
        stop.focus().unwrap();
        key(&active(&h).unwrap(), "Home");
        let (mut above, mut below) = (0, 0);
        for _ in 0..all(&h, ".tl-mark").len() {
            let focused = active(&h).unwrap();
            let m = focused.get_bounding_client_rect();
            let r = find(&h, ".tl-card").get_bounding_client_rect();
            let tools = find(&h, ".tl-tools").get_bounding_client_rect();
            // Never over the zoom buttons (nor the search and status above
            // them), and never over the mark it names.
            assert!(
                r.top() >= tools.bottom() - 0.5,
                "{width}: {} < {}",
                r.top(),
                tools.bottom()
            );
            if r.bottom() <= m.top() + 0.5 {
                above += 1;
            } else {
                assert!(
                    r.top() >= m.bottom() - 0.5,
                    "{width}: the card covers its mark"
                );
                below += 1;
            }
            key(&focused, "ArrowRight");
        }
        assert!(
            above > 0,
            "{width}: above its mark where there is room ({below} below)"
        );
    }
    w.unmount();
    h.remove();
}

/// Left and right of the window in the overview band.
fn window_x(h: &HtmlElement) -> (f64, f64) {
    let r = find(h, ".tl-window").get_bounding_client_rect();
    (r.left(), r.right())
}

#[wasm_bindgen_test]
fn zoomed_in_an_overview_band_shows_the_window_and_moves_it() {
    let (h, w) = default_widget();
    assert!(hidden(&h, ".tl-band"), "no band at the whole archive");
    let zoom_in: HtmlElement = find(&h, ".tl-button[data-tl=in]").unchecked_into();
    for _ in 0..3 {
        zoom_in.click();
    }
    assert!(!hidden(&h, ".tl-band"));
    let band = find(&h, ".tl-band");
    let b = band.get_bounding_client_rect();
    let (a0, b0) = window_x(&h);
    assert!(
        b0 - a0 < b.width() / 4.0,
        "the window is a part of the band"
    );
    // The whole archive's statements are in the band, matched ones coloured.
    let bins = find(&h, ".tl-band .tl-bin").get_attribute("d").unwrap();
    assert!(bins.matches('M').count() >= 4, "{bins}");
    // A press near the band's left end moves the window there, then a drag
    // carries it along.
    let y = b.top() + b.height() / 2.0;
    let ticks_before = find(&h, ".tl-labels").text_content();
    pointer(&band, "pointerdown", b.left() + 30.0, y);
    let (a1, b1) = window_x(&h);
    assert!(
        a1 < a0 && a1 <= b.left() + 30.0 && b.left() + 30.0 <= b1 + 1.0,
        "{a1} {b1}"
    );
    assert_ne!(find(&h, ".tl-labels").text_content(), ticks_before);
    let stage = find(&h, ".tl-stage");
    pointer(&stage, "pointermove", b.left() + b.width() * 0.6, y);
    pointer(&stage, "pointerup", b.left() + b.width() * 0.6, y);
    let (a2, b2) = window_x(&h);
    let middle = b.left() + b.width() * 0.6;
    assert!(
        a2 > a1 && ((a2 + b2) / 2.0 - middle).abs() < 30.0,
        "{a2} {b2} {middle}"
    );
    // Back at the whole archive the band goes.
    let fit: HtmlElement = find(&h, ".tl-button[data-tl=fit]").unchecked_into();
    fit.click();
    assert!(hidden(&h, ".tl-band"));
    w.unmount();
    h.remove();
}

/// The next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A default widget zoomed in on the oldest statements, with the visitor's
/// motion preference `motion` (`none`: reduced motion, as the stylesheet
/// sets it under `prefers-reduced-motion: reduce`).
fn zoomed_on_the_oldest(motion: &str) -> (HtmlElement, Widget) {
    let (h, w) = default_widget();
    h.style().set_property("--tl-motion", motion).unwrap();
    let stop: HtmlElement = find(&h, ".tl-marks [tabindex='0']").unchecked_into();
    stop.focus().unwrap();
    key(&active(&h).unwrap(), "Home");
    for _ in 0..4 {
        key(&active(&h).unwrap(), "+");
    }
    (h, w)
}

const NEWEST: &str = "2023-07-12-secretariat-meets-in-hong-kong";

fn in_view(h: &HtmlElement, id: &str) -> bool {
    let frame = find(h, ".tl-frame").get_bounding_client_rect();
    all(h, ".tl-mark")
        .iter()
        .filter(|m| m.get_attribute("data-id").as_deref() == Some(id))
        .any(|m| {
            let (x, _) = centre(m);
            frame.left() < x && x < frame.right()
        })
}

fn moving(h: &HtmlElement) -> bool {
    find(h, ".tl-svg").has_attribute("data-moving")
}

#[wasm_bindgen_test]
fn a_query_with_no_match_in_view_moves_the_view_to_its_matches_at_once_under_reduced_motion() {
    let (h, w) = zoomed_on_the_oldest("none");
    assert!(!in_view(&h, NEWEST));
    w.set_attribute("query", Some("secretariat hong kong".into()));
    assert_eq!(count_in_status(&h), 1);
    // At once: no glide, the newest statement in view, matched, titled.
    assert!(!moving(&h));
    assert!(in_view(&h, NEWEST));
    assert!(!mark(&h, NEWEST).class_list().contains("dim"));
    assert!(all(&h, ".tl-title:not(.dim)").len() == 1);
    w.unmount();
    h.remove();
}

#[wasm_bindgen_test]
async fn where_motion_is_allowed_the_view_glides_to_the_same_place() {
    let (still, ws) = zoomed_on_the_oldest("none");
    ws.set_attribute("query", Some("secretariat hong kong".into()));
    let (h, w) = zoomed_on_the_oldest("auto");
    w.set_attribute("query", Some("secretariat hong kong".into()));
    // The glide has begun, from where the view was.
    assert!(moving(&h));
    assert!(!in_view(&h, NEWEST));
    let mut frames = 0;
    while moving(&h) && frames < 600 {
        next_frame().await;
        frames += 1;
    }
    assert!(!moving(&h), "the glide ends");
    assert!(frames > 1, "over several frames");
    // It ends where the reduced-motion view went at once.
    assert!(in_view(&h, NEWEST));
    assert_eq!(unit(&h), unit(&still));
    let (a, b) = (window_x(&h), window_x(&still));
    assert!(
        (a.0 - b.0).abs() < 0.5 && (a.1 - b.1).abs() < 0.5,
        "{a:?} {b:?}"
    );
    for (h, w) in [(h, w), (still, ws)] {
        w.unmount();
        h.remove();
    }
}

#[wasm_bindgen_test]
fn the_selected_period_is_said_in_words_under_the_brush_on_the_chips_and_in_the_caption() {
    let (h, w) = default_widget();
    w.set_attribute("from", Some("2015-03".into()));
    w.set_attribute("to", Some("2016-06".into()));
    let n = count_in_status(&h);
    let noun = if n == 1 { "statement" } else { "statements" };
    let said = "March 2015 – June 2016".to_owned();
    assert_eq!(
        find(&h, ".tl-caption").text_content().unwrap(),
        said.clone() + " · " + &n.to_string() + " " + noun
    );
    assert_eq!(find(&h, ".tl-brush-label").text_content().unwrap(), said);
    let chips: Vec<String> = all(&h, ".chip")
        .iter()
        .filter_map(|c| c.text_content())
        .collect();
    assert!(
        chips.iter().any(|c| c.contains("From March 2015")),
        "{chips:?}"
    );
    assert!(
        chips.iter().any(|c| c.contains("To June 2016")),
        "{chips:?}"
    );
    w.unmount();
    h.remove();
}
