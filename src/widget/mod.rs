//! The drop-in widget (DESIGN.md §4): `<ima-statements>` rendered by Rust
//! into a shadow root.
//!
//! The pure parts compile and test natively:
//!
//! - `css` (native only): shrinks the stylesheets when `build.rs` embeds them;
//! - [`strings`]: every interface string in en, es, fr and id;
//! - [`options`]: the attributes, how their values are read, the fallbacks;
//! - [`state`]: the visitor's query, filters and open statement, and their
//!   `#ima:` form in the URL hash;
//! - [`query`]: running a state against the archive;
//! - [`view`]: the view model — chips, suggestions, the reading view;
//! - [`timeline::geometry`]: the chronology's geometry.
//!
//! The browser parts (WebAssembly only) turn those into DOM:
//!
//! - `dom`: small helpers that build elements from text nodes only;
//! - `render`: one function per region of the widget;
//! - `mount`: the `mount` export and the `Widget` that owns its nodes,
//!   listeners and timers, and frees them all on unmount; its parts
//!   `mount::history` (the `#ima:` hash and back/forward),
//!   `mount::attributes` (changes after mount) and `mount::share`
//!   (permalink and copy link).
//! - [`timeline`]: the chronology's SVG, titles, card and overview band,
//!   and its pointer, wheel and keyboard handling, on its own geometry.

#[cfg(not(target_arch = "wasm32"))]
pub mod css;
pub mod options;
pub mod query;
pub mod state;
pub mod strings;
pub mod timeline;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
pub mod mount;
#[cfg(target_arch = "wasm32")]
mod render;

/// The widget's stylesheet (`www/widget.css`, minified by `build.rs`),
/// adopted by every shadow root.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// The chronology's stylesheet (`www/timeline.css`, minified), adopted next
/// to [`STYLESHEET`].
pub const TIMELINE_STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/timeline.css"));
