//! # ima-statements
//!
//! The International Migrants Alliance statement archive as a library: every
//! statement is compiled into the crate, and the crate answers searches,
//! filters and chronology requests over them with no server.
//!
//! The parts, from the ground up:
//!
//! - [`date`], [`lang`], [`text`] (with [`case`]), [`vocabulary`], [`statement`]: the model —
//!   partial dates with precision, interface languages, tokens and folding,
//!   the entity vocabulary, a statement; [`stem`] is the English stemmer
//!   search terms are made with, [`number`] writes whole numbers as text.
//! - [`corpus`]: the corpus files people edit (parsed and validated by
//!   `build.rs`, which stops the build on any mistake) and the compact blob
//!   embedded in the library.
//! - [`search`], [`filter`]: the indexes — full-text search, snippets and
//!   highlights; facet values and date spans as [`bitset`]s of statements
//!   in time order.
//! - [`request`], [`facets`], [`chronology`]: the query — a search request
//!   and its validation, then what consumes the set of statements it keeps:
//!   disjunctive facet counts and the time axis of bins, gaps and points.
//! - [`archive`]: the embedded corpus, ready to query; the one place where
//!   an answer ([`response`]) is composed ([`archive::Archive::search`]).
//!   The model knows nothing of the indexes, the indexes nothing of the
//!   query, and none of them of the archive (see [`archive`]).
//! - `synth` (native only): synthetic corpora of any size, generated from
//!   the real one, for benchmarks and large test builds.
//! - [`record`], [`response`]: the plain records the JavaScript API returns.
//! - [`related`]: the statements nearest to one by shared entities and
//!   distinctive words, for the reading view.
//! - [`widget`]: the drop-in `<ima-statements>` element (its DOM half is
//!   WebAssembly only), with the geometry of its chronology
//!   ([`widget::timeline::geometry`]: collapsed breaks, zoom and pan limits,
//!   lanes, density histogram, titles, ticks, overview, brush).
//! - `api` (WebAssembly only): the thin `wasm-bindgen` adapter that exposes
//!   [`archive::Archive`] to JavaScript as `Archive`.
//!
//! Everything but `api` is plain Rust with no browser dependency and is tested
//! with `cargo test`.

pub mod archive;
pub mod bitset;
pub mod case;
pub mod chronology;
pub mod corpus;
pub mod date;
pub mod facets;
pub mod filter;
pub mod lang;
pub mod number;
pub mod record;
pub mod related;
pub mod request;
pub mod response;
pub mod search;
pub mod statement;
pub mod stem;
#[cfg(not(target_arch = "wasm32"))]
pub mod synth;
pub mod text;
pub mod vocabulary;
pub mod widget;

#[cfg(target_arch = "wasm32")]
pub mod api;

/// The module's allocator (single-threaded WebAssembly has no atomics).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
