//! The JavaScript API: a thin `wasm-bindgen` adapter over [`crate::archive`].
//!
//! Results cross the boundary as plain objects, written by the serde
//! serializer of `api::value`.
//! Requests are read field by field into [`Input`]s and checked by
//! [`crate::request`], so that every mistake, including a value of the wrong
//! type, names its field. Every failure becomes a JavaScript `Error` here and
//! nowhere else.

use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::chronology::ChronologyOptions;
use crate::request::{parse_lang, Input, Request, RequestError};

mod value;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A search request; every field is optional. */
export interface SearchRequest {
  /** Text typed into the search box. */
  text?: string;
  /** Facet selections: any value of a facet (OR), every facet (AND). */
  kind?: string[];
  topic?: string[];
  place?: string[];
  organization?: string[];
  person?: string[];
  year?: (string | number)[];
  /** Date range, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (or a year as a number, `2015`), inclusive; a statement matches when its date overlaps it. */
  from?: string | number;
  to?: string | number;
  /** Default: `relevance` with text, `newest` without. */
  sort?: "relevance" | "newest" | "oldest";
  /** Hits to skip (default 0). */
  offset?: number;
  /** Hits to return, 1 to 200 (default 20). */
  limit?: number;
  /** Language of date labels (default `en`). */
  lang?: "en" | "es" | "fr" | "id";
}

/** How to draw the chronology; every field is optional. */
export interface ChronologyOptions {
  /** Bin size; `auto` (default) picks the finest that fits in `bins`. */
  granularity?: "auto" | "year" | "month" | "day";
  /** Bins `auto` may use, 1 to 10000 (default 40). */
  bins?: number;
  /** Whether to list every statement as a point (default true). */
  points?: boolean;
  /** Shortest empty stretch, in days, reported as a gap (default 365). */
  minGapDays?: number;
  /** Window of the axis, to zoom in: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (default: the archive's span). */
  start?: string;
  end?: string;
}

export interface DateRecord {
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day, inclusive. */
  end: string;
  precision: "day" | "month" | "year" | "range";
  label: string;
  approximate: boolean;
  /** Why the date is inferred, when it is. */
  reason?: string;
}

/** A piece of text; `match` when it matched the query. Never markup. */
export interface Segment {
  text: string;
  match: boolean;
}

export interface Hit {
  id: string;
  title: string;
  subtitle?: string;
  kind: string;
  kindLabel: string;
  date: DateRecord;
  score: number;
  snippet: Segment[];
  titleSegments: Segment[];
}

export interface FacetValue {
  value: string;
  label: string;
  /** Statements the request would keep with this facet's selection replaced by this value. */
  count: number;
  selected: boolean;
}

export interface Facets {
  kind: FacetValue[];
  topic: FacetValue[];
  place: FacetValue[];
  organization: FacetValue[];
  person: FacetValue[];
  year: FacetValue[];
}

export interface Bin {
  start: string;
  end: string;
  label: string;
  /** Statements whose date overlaps the bin. */
  total: number;
  /** Of those, the ones the request keeps. */
  matched: number;
}

/** A run of empty bins long enough to collapse. */
export interface Gap {
  start: string;
  end: string;
  firstBin: number;
  lastBin: number;
}

export interface Point {
  id: string;
  start: string;
  end: string;
  precision: "day" | "month" | "year" | "range";
  approximate: boolean;
  matched: boolean;
}

export interface Chronology {
  granularity: "year" | "month" | "day";
  start: string;
  end: string;
  bins: Bin[];
  gaps: Gap[];
  /** Every statement on the axis, oldest first; empty in search responses. */
  points: Point[];
}

export interface QuerySummary {
  terms: string[];
  phrases: string[];
  excluded: string[];
  ignored: string[];
}

export interface SearchResponse {
  total: number;
  hits: Hit[];
  facets: Facets;
  chronology: Chronology;
  query: QuerySummary;
  sort: "relevance" | "newest" | "oldest";
}

export interface Tag {
  facet: "topic" | "place" | "organization" | "person";
  value: string;
  label: string;
}

export interface StatementSummary {
  id: string;
  title: string;
  subtitle?: string;
  kind: string;
  kindLabel: string;
  date: DateRecord;
  signatories: { name: string; role?: string }[];
  tags: Tag[];
  excerpt: boolean;
}

export interface StatementRecord extends StatementSummary {
  body: string[];
  source: string;
  related: string[];
}
"#;

/// The statement archive, as seen from JavaScript.
#[wasm_bindgen]
pub struct Archive {
    inner: crate::archive::Archive,
}

#[wasm_bindgen]
impl Archive {
    /// The archive compiled into this module.
    pub fn embedded() -> Result<Archive, JsError> {
        let inner = crate::archive::embedded().map_err(|e| JsError::new(&e.message()))?;
        Ok(Archive { inner })
    }

    /// Number of statements.
    // docs/architecture.md §3 names the property `len`; `archive.len === 0` says empty.
    #[allow(clippy::len_without_is_empty)]
    #[wasm_bindgen(getter)]
    pub fn len(&self) -> u32 {
        u32::try_from(self.inner.len()).unwrap_or(u32::MAX)
    }

    /// The whole statement with this id (metadata, body, source, related), or
    /// `undefined`; date labels in `lang` (`en` by default).
    #[wasm_bindgen(unchecked_return_type = "StatementRecord | undefined")]
    pub fn statement(
        &self,
        id: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "\"en\" | \"es\" | \"fr\" | \"id\"")]
        lang: Option<String>,
    ) -> Result<JsValue, JsError> {
        let lang = parse_lang(lang.as_deref()).map_err(js_error)?;
        match self.inner.record(id, lang) {
            Some(record) => to_js(&record),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Every statement's metadata (no body), oldest first; date labels in
    /// `lang` (`en` by default).
    #[wasm_bindgen(unchecked_return_type = "StatementSummary[]")]
    pub fn statements(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "\"en\" | \"es\" | \"fr\" | \"id\"")]
        lang: Option<String>,
    ) -> Result<JsValue, JsError> {
        let lang = parse_lang(lang.as_deref()).map_err(js_error)?;
        to_js(&self.inner.summaries(lang))
    }

    /// Runs a search: hits, total, facet counts, chronology bins and what
    /// was understood of the text. Throws an `Error` naming the field of a
    /// bad request.
    #[wasm_bindgen(unchecked_return_type = "SearchResponse")]
    pub fn search(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "SearchRequest")] request: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        let request = read_request(request.as_ref()).map_err(js_error)?;
        let response = self.inner.search(&request).map_err(js_error)?;
        to_js(&response)
    }

    /// Every facet value with the number of statements that have it.
    #[wasm_bindgen(unchecked_return_type = "Facets")]
    pub fn facets(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.facets())
    }

    /// The chronology of what `request` keeps: bins, gaps and (unless
    /// `options.points` is false) every statement as a point.
    #[wasm_bindgen(unchecked_return_type = "Chronology")]
    pub fn chronology(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "SearchRequest")] request: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "ChronologyOptions")] options: Option<
            JsValue,
        >,
    ) -> Result<JsValue, JsError> {
        let request = read_request(request.as_ref()).map_err(js_error)?;
        let mut checked = ChronologyOptions::with_points();
        for_each_field(options.as_ref(), "options", &mut |field, value| {
            checked.set(field, value)
        })
        .map_err(js_error)?;
        let chronology = self
            .inner
            .chronology(&request, &checked)
            .map_err(js_error)?;
        to_js(&chronology)
    }
}

/// Reads a JS request object (or `undefined`) into a [`Request`].
fn read_request(value: Option<&JsValue>) -> Result<Request, RequestError> {
    let mut request = Request::default();
    for_each_field(value, "request", &mut |field, input| {
        request.set(field, input)
    })?;
    Ok(request)
}

/// Calls `set` with every own field of the object `value`; `undefined` and
/// `null` are an object without fields. (A `dyn` setter keeps one copy of
/// the loop in the module for requests and chronology options.)
fn for_each_field(
    value: Option<&JsValue>,
    name: &'static str,
    set: &mut dyn FnMut(&str, Input) -> Result<(), RequestError>,
) -> Result<(), RequestError> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(());
    };
    if !value.is_object() || Array::is_array(value) {
        return Err(RequestError::Expected {
            field: name,
            expected: "an object",
        });
    }
    let object: &Object = value.unchecked_ref();
    for key in Object::keys(object) {
        let field = key.as_string().unwrap_or_default();
        let value = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
        set(&field, input(&value))?;
    }
    Ok(())
}

/// The shape of a JS value.
fn input(value: &JsValue) -> Input {
    if value.is_undefined() || value.is_null() {
        Input::Absent
    } else if let Some(text) = value.as_string() {
        Input::Text(text)
    } else if let Some(n) = value.as_f64() {
        Input::Number(n)
    } else if let Some(b) = value.as_bool() {
        Input::Bool(b)
    } else if let Some(items) = strings(value) {
        Input::List(items)
    } else {
        Input::Other
    }
}

/// The items of an array of strings and whole numbers, as strings; `None`
/// for anything else.
fn strings(value: &JsValue) -> Option<Vec<String>> {
    if !Array::is_array(value) {
        return None;
    }
    let mut items = Vec::new();
    for item in Array::from(value).iter() {
        // A whole number stands for its digits: `year: [2015]`.
        let text = match item.as_f64() {
            Some(n) => crate::request::whole_text(n)?,
            None => item.as_string()?,
        };
        items.push(text);
    }
    Some(items)
}

/// A request error as a JS `Error`.
fn js_error(error: RequestError) -> JsError {
    JsError::new(&error.message())
}

/// Serializes a record as plain JS objects.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    // The records hold only strings, small numbers, booleans and lists, which
    // always convert.
    value
        .serialize(value::Js)
        .map_err(|_| JsError::new("ima-statements: a result could not be converted to JavaScript"))
}
