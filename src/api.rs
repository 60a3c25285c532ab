//! The JavaScript API: a thin `wasm-bindgen` adapter over [`crate::archive`].
//!
//! Results cross the boundary as plain objects through serde-wasm-bindgen;
//! every failure becomes a JavaScript `Error` here and nowhere else.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::lang::Lang;

/// The statement archive, as seen from JavaScript.
#[wasm_bindgen]
pub struct Archive {
    inner: crate::archive::Archive,
}

#[wasm_bindgen]
impl Archive {
    /// The archive compiled into this module.
    pub fn embedded() -> Result<Archive, JsError> {
        let inner =
            crate::archive::Archive::embedded().map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Archive { inner })
    }

    /// Number of statements.
    #[wasm_bindgen(getter)]
    pub fn len(&self) -> u32 {
        u32::try_from(self.inner.len()).unwrap_or(u32::MAX)
    }

    /// The whole statement with this id (metadata, body, source, related), or `undefined`.
    pub fn statement(&self, id: &str) -> Result<JsValue, JsError> {
        match self.inner.record(id, Lang::En) {
            Some(record) => to_js(&record),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Every statement's metadata (no body), oldest first.
    pub fn statements(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.summaries(Lang::En))
    }
}

/// Serializes a record as plain JS objects.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}
