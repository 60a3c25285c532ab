//! The JavaScript API as a page sees it: plain objects out, thrown `Error`s
//! naming the field for bad requests.
#![cfg(target_arch = "wasm32")]

use ima_statements::api::Archive;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn archive() -> Archive {
    Archive::embedded().unwrap_or_else(|_| panic!("the embedded archive loads"))
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(value: &JsValue, key: &str) -> String {
    get(value, key)
        .as_string()
        .unwrap_or_else(|| panic!("`{key}` is a string"))
}

fn number(value: &JsValue, key: &str) -> f64 {
    get(value, key)
        .as_f64()
        .unwrap_or_else(|| panic!("`{key}` is a number"))
}

fn flag(value: &JsValue, key: &str) -> bool {
    get(value, key)
        .as_bool()
        .unwrap_or_else(|| panic!("`{key}` is a boolean"))
}

fn array(value: &JsValue, key: &str) -> Array {
    let v = get(value, key);
    assert!(Array::is_array(&v), "`{key}` is an array");
    v.unchecked_into()
}

/// A JS object from `(key, value)` pairs, as an optional argument.
fn object(fields: &[(&str, JsValue)]) -> Option<JsValue> {
    let o = Object::new();
    for (k, v) in fields {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    Some(o.into())
}

fn strings(items: &[&str]) -> JsValue {
    items
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect::<Array>()
        .into()
}

/// The message of the `Error` a call threw.
fn thrown<T>(result: Result<T, wasm_bindgen::JsError>) -> String {
    let Err(error) = result else {
        panic!("the call succeeded")
    };
    let value = JsValue::from(error);
    assert!(
        value.is_instance_of::<js_sys::Error>(),
        "an Error is thrown"
    );
    text(&value, "message")
}

const EXPECTED: [(&str, &str, &str, bool); 11] = [
    (
        "2015-05-asean-save-the-rohingya-at-sea",
        "May 2015",
        "month",
        true,
    ),
    ("2015-05-justice-for-the-26", "May 2015", "month", true),
    (
        "2015-09-let-the-pictures-break-barriers",
        "September 2015",
        "month",
        true,
    ),
    (
        "2015-11-11-third-general-assembly-communique",
        "11–13 November 2015",
        "range",
        false,
    ),
    (
        "2015-12-10-human-rights-day-tppa",
        "10 December 2015",
        "day",
        false,
    ),
    (
        "2015-12-18-international-migrants-day-2015",
        "18 December 2015",
        "day",
        false,
    ),
    ("2016-03-brussels-bombing", "March 2016", "month", true),
    (
        "2016-12-18-international-migrants-day-2016",
        "18 December 2016",
        "day",
        false,
    ),
    (
        "2017-07-global-compact-engagement",
        "July 2017",
        "month",
        true,
    ),
    (
        "2017-12-04-us-withdrawal-from-gcm",
        "4 December 2017",
        "day",
        false,
    ),
    (
        "2023-07-12-secretariat-meets-in-hong-kong",
        "12–17 July 2023",
        "range",
        true,
    ),
];

#[wasm_bindgen_test]
fn statements_lists_the_eleven_with_titles_and_honest_dates() {
    let a = archive();
    assert_eq!(a.len(), 11);
    let list: Array = a.statements(None).unwrap().unchecked_into();
    assert_eq!(list.length(), 11);
    for (item, (id, label, precision, approximate)) in list.iter().zip(EXPECTED) {
        assert_eq!(text(&item, "id"), id);
        assert!(!text(&item, "title").is_empty(), "{id} has a title");
        let date = get(&item, "date");
        assert_eq!(text(&date, "label"), label, "{id}");
        assert_eq!(text(&date, "precision"), precision, "{id}");
        assert_eq!(flag(&date, "approximate"), approximate, "{id}");
        assert_eq!(get(&date, "reason").is_string(), approximate, "{id}");
        assert!(get(&item, "body").is_undefined(), "summaries carry no body");
    }
    let first = list.get(0);
    assert_eq!(
        text(&first, "title").replace('\u{a0}', " "),
        "Migrants challenge ASEAN to save the Rohingya at sea, immediately resolve the crisis"
    );
}

#[wasm_bindgen_test]
fn statement_gives_the_full_text_or_undefined() {
    let a = archive();
    let s = a
        .statement("2017-12-04-us-withdrawal-from-gcm", None)
        .unwrap();
    assert_eq!(
        text(&s, "title"),
        "[Statement] IMA on US withdrawal from GCM"
    );
    assert!(array(&s, "body").length() > 1);
    assert!(!text(&s, "source").is_empty());
    assert!(Array::is_array(&get(&s, "related")));
    assert!(array(&s, "tags").iter().any(
        |t| text(&t, "facet") == "topic" && text(&t, "value") == "global-compact-on-migration"
    ));
    assert_eq!(text(&s, "kindLabel"), "Statement");
    assert_eq!(text(&get(&s, "date"), "start"), "2017-12-04");
    assert!(!text(&s, "subtitle").is_empty());
    // A record leaves out the subtitle a statement does not have.
    let plain = a
        .statement("2015-09-let-the-pictures-break-barriers", None)
        .unwrap();
    assert!(!Reflect::has(&plain, &"subtitle".into()).unwrap());
    assert!(array(&plain, "body").length() > 0);
    assert!(a
        .statement("no-such-statement", None)
        .unwrap()
        .is_undefined());
    let spanish = a
        .statement("2017-12-04-us-withdrawal-from-gcm", Some("es".into()))
        .unwrap();
    assert_eq!(
        text(&get(&spanish, "date"), "label"),
        "4 de diciembre de 2017"
    );
    let french: Array = a.statements(Some("fr".into())).unwrap().unchecked_into();
    assert_eq!(text(&get(&french.get(8), "date"), "label"), "juillet 2017");
    assert!(thrown(a.statements(Some("de".into()))).starts_with("`lang`: unknown value `de`"));
}

#[wasm_bindgen_test]
fn search_returns_the_response_of_the_design() {
    let a = archive();
    let r = a
        .search(object(&[
            ("text", "rohingya".into()),
            ("topic", strings(&["rohingya"])),
            ("from", "2015".into()),
            ("to", "2016-06".into()),
            ("sort", "relevance".into()),
            ("offset", 0.into()),
            ("limit", 20.into()),
        ]))
        .unwrap();
    let total = number(&r, "total");
    assert!(total >= 1.0);
    assert_eq!(text(&r, "sort"), "relevance");
    let hits = array(&r, "hits");
    assert_eq!(f64::from(hits.length()), total);
    let hit = hits.get(0);
    for key in ["id", "title", "kind", "kindLabel"] {
        assert!(get(&hit, key).is_string(), "hit.{key}");
    }
    assert!(number(&hit, "score") > 0.0);
    let date = get(&hit, "date");
    for key in ["start", "end", "precision", "label"] {
        assert!(get(&date, key).is_string(), "hit.date.{key}");
    }
    assert!(get(&date, "approximate").as_bool().is_some());
    // Titles come as segments with the matched words marked.
    assert!(hits.iter().any(|h| array(&h, "titleSegments")
        .iter()
        .any(|s| flag(&s, "match") && text(&s, "text") == "Rohingya")));
    assert!(array(&hit, "snippet").length() > 0);
    let facets = get(&r, "facets");
    for facet in ["kind", "topic", "place", "organization", "person", "year"] {
        let values = array(&facets, facet);
        assert!(values.length() > 0, "facets.{facet}");
        let v = values.get(0);
        assert!(get(&v, "value").is_string() && get(&v, "label").is_string());
        assert!(get(&v, "count").as_f64().is_some());
    }
    let query = get(&r, "query");
    assert_eq!(
        array(&query, "terms").get(0).as_string().unwrap(),
        "rohingya"
    );
    for key in ["phrases", "excluded", "ignored"] {
        assert!(Array::is_array(&get(&query, key)), "query.{key}");
    }
    let bins = array(&get(&r, "chronology"), "bins");
    assert!(bins.length() > 0);
    let bin = bins.get(0);
    for key in ["start", "end", "label"] {
        assert!(get(&bin, key).is_string(), "bin.{key}");
    }
    assert!(number(&bin, "total") >= number(&bin, "matched"));
}

#[wasm_bindgen_test]
fn facet_counts_are_disjunctive() {
    let a = archive();
    let r = a
        .search(object(&[("topic", strings(&["rohingya"]))]))
        .unwrap();
    assert_eq!(number(&r, "total"), 3.0);
    let count = |facet: &str, value: &str| {
        array(&get(&r, "facets"), facet)
            .iter()
            .find(|v| text(v, "value") == value)
            .map(|v| (number(&v, "count"), flag(&v, "selected")))
            .unwrap()
    };
    assert_eq!(count("topic", "rohingya"), (3.0, true));
    assert_eq!(count("topic", "tppa"), (2.0, false));
    assert_eq!(count("place", "thailand"), (2.0, false));
    assert_eq!(count("place", "hong-kong"), (0.0, false));

    let all = a.facets().unwrap();
    let years: Vec<(String, f64)> = array(&all, "year")
        .iter()
        .map(|v| (text(&v, "value"), number(&v, "count")))
        .collect();
    assert_eq!(
        years,
        [
            ("2015".to_string(), 6.0),
            ("2016".to_string(), 2.0),
            ("2017".to_string(), 2.0),
            ("2023".to_string(), 1.0)
        ]
    );
}

#[wasm_bindgen_test]
fn chronology_gives_bins_gaps_and_points() {
    let a = archive();
    let c = a
        .chronology(
            object(&[("place", strings(&["thailand"]))]),
            object(&[("granularity", "year".into())]),
        )
        .unwrap();
    assert_eq!(text(&c, "granularity"), "year");
    let bins: Vec<(String, f64, f64)> = array(&c, "bins")
        .iter()
        .map(|b| {
            (
                text(&b, "label"),
                number(&b, "total"),
                number(&b, "matched"),
            )
        })
        .collect();
    assert_eq!(bins.len(), 9);
    assert_eq!(bins[0], ("2015".to_string(), 6.0, 2.0));
    assert_eq!(bins[3], ("2018".to_string(), 0.0, 0.0));
    let gaps = array(&c, "gaps");
    assert_eq!(gaps.length(), 1);
    let gap = gaps.get(0);
    assert_eq!(text(&gap, "start"), "2018-01-01");
    assert_eq!(text(&gap, "end"), "2022-12-31");
    assert_eq!(
        (number(&gap, "firstBin"), number(&gap, "lastBin")),
        (3.0, 7.0)
    );
    let points = array(&c, "points");
    assert_eq!(points.length(), 11);
    let p = points.get(3);
    assert_eq!(
        text(&p, "id"),
        "2015-11-11-third-general-assembly-communique"
    );
    assert_eq!(text(&p, "start"), "2015-11-11");
    assert_eq!(text(&p, "end"), "2015-11-13");
    assert_eq!(text(&p, "precision"), "range");
    assert!(!flag(&p, "approximate"));
    assert!(!flag(&p, "matched"));
    assert!(flag(&points.get(0), "matched"));

    let without = a
        .chronology(None, object(&[("points", false.into())]))
        .unwrap();
    assert_eq!(array(&without, "points").length(), 0);
    let zoomed = a
        .chronology(
            None,
            object(&[("start", "2015-11".into()), ("end", "2015-12".into())]),
        )
        .unwrap();
    assert_eq!(text(&zoomed, "start"), "2015-11-01");
    assert_eq!(array(&zoomed, "points").length(), 3);
    let months = a.chronology(None, object(&[("bins", 120.into())])).unwrap();
    assert_eq!(text(&months, "granularity"), "month");
}

#[wasm_bindgen_test]
fn bad_requests_throw_errors_naming_the_field() {
    let a = archive();
    let search = |fields: &[(&str, JsValue)]| thrown(a.search(object(fields)));
    assert_eq!(
        search(&[("limit", (-1).into())]),
        "`limit`: expected a whole number from 1 to 200"
    );
    assert_eq!(
        search(&[("limit", "x".into())]),
        "`limit`: expected a whole number from 1 to 200"
    );
    assert_eq!(
        search(&[("limit", 1000.into())]),
        "`limit`: expected a whole number from 1 to 200"
    );
    assert!(search(&[("colour", "red".into())]).starts_with("`colour` is not a request field"));
    assert_eq!(
        search(&[("from", "banana".into())]),
        "`from`: `banana` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"
    );
    assert_eq!(
        search(&[("from", "2017".into()), ("to", "2016".into())]),
        "`to` is before `from`"
    );
    assert!(search(&[("topic", strings(&["x"]))]).starts_with("`topic`: unknown value `x`"));
    assert_eq!(
        search(&[("topic", "rohingya".into())]),
        "`topic`: expected an array of strings"
    );
    assert_eq!(
        search(&[("kind", Array::of1(&true.into()).into())]),
        "`kind`: expected an array of strings"
    );
    assert_eq!(
        search(&[("year", Array::of1(&2015.5.into()).into())]),
        "`year`: expected an array of strings"
    );
    assert_eq!(
        search(&[("from", 2015.5.into())]),
        "`from`: expected a date (YYYY, YYYY-MM or YYYY-MM-DD) or a year as a number"
    );
    assert!(search(&[("sort", "random".into())]).starts_with("`sort`: unknown value `random`"));
    assert_eq!(
        thrown(a.search(Some("rohingya".into()))),
        "`request`: expected an object"
    );
    assert_eq!(
        thrown(a.chronology(None, object(&[("bins", 0.into())]))),
        "`bins`: expected a whole number from 1 to 10000"
    );
    assert!(
        thrown(a.chronology(None, object(&[("granularity", "week".into())])))
            .starts_with("`granularity`: unknown value `week`")
    );
    assert_eq!(
        thrown(a.chronology(None, object(&[("start", "banana".into())]))),
        "`start`: `banana` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"
    );
    assert!(thrown(a.chronology(None, object(&[("zoom", 2.into())])))
        .starts_with("`zoom` is not a chronology option"));
    // Absent fields are defaults, not errors.
    let r = a
        .search(object(&[
            ("text", JsValue::UNDEFINED),
            ("limit", JsValue::NULL),
        ]))
        .unwrap();
    assert_eq!(number(&r, "total"), 11.0);
    assert_eq!(number(&a.search(None).unwrap(), "total"), 11.0);
}

/// Ids of the hits of a text search, best first.
#[wasm_bindgen_test]
fn years_may_be_numbers_as_a_developer_writes_them() {
    let a = archive();
    let ids = |fields: &[(&str, JsValue)]| -> Vec<String> {
        let r = a.search(object(fields)).unwrap();
        array(&r, "hits").iter().map(|h| text(&h, "id")).collect()
    };
    let as_numbers = ids(&[("year", Array::of1(&2015.into()).into())]);
    assert!(!as_numbers.is_empty());
    assert_eq!(as_numbers, ids(&[("year", strings(&["2015"]))]));
    let range = ids(&[("from", 2015.into()), ("to", 2016.into())]);
    assert!(!range.is_empty() && range.len() < a.len() as usize);
    assert_eq!(
        range,
        ids(&[("from", "2015".into()), ("to", "2016".into())])
    );
    // The year facet's own value is marked selected either way.
    let r = a
        .search(object(&[("year", Array::of1(&2015.into()).into())]))
        .unwrap();
    let years = array(&get(&r, "facets"), "year");
    let selected: Vec<String> = years
        .iter()
        .filter(|v| flag(v, "selected"))
        .map(|v| text(&v, "value"))
        .collect();
    assert_eq!(selected, ["2015"]);
}

fn hit_ids(a: &Archive, query: &str) -> Vec<String> {
    let r = a.search(object(&[("text", query.into())])).unwrap();
    array(&r, "hits").iter().map(|h| text(&h, "id")).collect()
}

#[wasm_bindgen_test]
fn text_search_ranks_marks_and_forgives_from_javascript() {
    let a = archive();
    // Sorted, to compare with the two best hits sorted.
    let rohingya = [
        "2015-05-asean-save-the-rohingya-at-sea",
        "2015-05-justice-for-the-26",
    ];
    // Whole word, prefix while typing, and a typo all put the two Rohingya statements first.
    for q in ["rohingya", "rohin", "rohinga"] {
        let ids = hit_ids(&a, q);
        assert!(ids.len() >= 2, "{q}: {ids:?}");
        let mut first: Vec<&str> = ids[..2].iter().map(String::as_str).collect();
        first.sort_unstable();
        assert_eq!(first, rohingya, "{q}");
    }
    // The snippet is segments of text with the matched word marked, never markup.
    let r = a.search(object(&[("text", "rohin".into())])).unwrap();
    let snippet = array(&array(&r, "hits").get(0), "snippet");
    let marked: Vec<String> = snippet
        .iter()
        .filter(|s| flag(s, "match"))
        .map(|s| text(&s, "text"))
        .collect();
    assert!(
        marked.iter().any(|m| m.to_lowercase().starts_with("rohin")),
        "{marked:?}"
    );
    // Phrases and exclusions.
    let phrase = hit_ids(&a, "\"jungle graves\"");
    assert_eq!(phrase, ["2015-05-justice-for-the-26"]);
    let excluded = hit_ids(&a, "rohingya -asean");
    assert!(excluded.contains(&"2015-05-justice-for-the-26".to_string()));
    assert!(!excluded.contains(&"2015-05-asean-save-the-rohingya-at-sea".to_string()));
    // An alias finds the statement that spells the entity out.
    assert!(hit_ids(&a, "GCM").contains(&"2017-07-global-compact-engagement".to_string()));
}

#[wasm_bindgen_test]
fn any_text_is_a_query_and_what_was_ignored_is_said() {
    let a = archive();
    for q in [
        "",
        "\"unbalanced",
        "-",
        "🙂🙂 مهاجر \u{0}\u{7}",
        "<img src=x onerror=alert(1)>",
        &"migrants ".repeat(2_000),
    ] {
        let r = a.search(object(&[("text", q.into())]));
        assert!(r.is_ok(), "{q:?} must be a query, not an error");
    }
    let r = a
        .search(object(&[("text", "the \"unbalanced".into())]))
        .unwrap();
    assert!(array(&get(&r, "query"), "ignored").length() > 0);
}
