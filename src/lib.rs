//! # ima-statements
//!
//! The International Migrants Alliance statement archive as a library: every
//! statement is compiled into the crate, and the crate answers searches,
//! filters and chronology requests over them with no server.
//!
//! The crate is two layers:
//!
//! - the core, the `ima-core` crate (`core/`): the model, the corpus, the
//!   indexes, the query and the archive that composes them, plain Rust with
//!   no browser dependency, tested with `cargo test`. Its modules are
//!   re-exported here under their own names ([`date`], [`corpus`],
//!   [`search`], [`filter`], [`request`], [`facets`], [`chronology`],
//!   [`response`], …); see [`ima_core`] for how they fit.
//! - what puts it in a web page: [`archive`] (the core's archive and the
//!   corpus `build.rs` embeds, [`archive::embedded`]), [`widget`] (the
//!   drop-in `<ima-statements>` element; its DOM half is WebAssembly only,
//!   the geometry of its chronology, [`widget::timeline::geometry`], is
//!   plain Rust) and `api` (WebAssembly only): the thin `wasm-bindgen`
//!   adapter that exposes [`archive::Archive`] to JavaScript as `Archive`.

pub use ima_core::{
    bitset, case, chronology, corpus, date, facets, filter, lang, number, record, related, request,
    response, search, statement, stem, text, vocabulary,
};

/// Synthetic corpora of any size (native only), for benchmarks and large
/// test builds.
#[cfg(not(target_arch = "wasm32"))]
pub use ima_core::synth;

/// The archive compiled into the library: the core's [`Archive`](archive::Archive)
/// (see [`ima_core::archive`], re-exported here whole) over the corpus
/// `build.rs` checked and embedded.
pub mod archive {
    pub use ima_core::archive::*;

    use crate::corpus::DecodeError;

    /// The corpus compiled into the library by `build.rs` (layout in
    /// [`crate::corpus::blob`]). The search index is not shipped: the archive
    /// builds it from the blob.
    static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

    /// The archive compiled into the library.
    pub fn embedded() -> Result<Archive, DecodeError> {
        Archive::from_blob(EMBEDDED)
    }
}

pub mod widget;

#[cfg(target_arch = "wasm32")]
pub mod api;

/// The module's allocator (single-threaded WebAssembly has no atomics).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
