//! The drop-in widget (docs/architecture.md §4): `<ima-statements>` rendered by Rust
//! into a shadow root.
//!
//! The pure parts compile and test natively:
//!
//! - [`strings`]: every interface string in en, es, fr and id;
//! - [`options`]: the attributes, how their values are read, the fallbacks;
//! - [`state`]: the visitor's query, filters and open statement, and their
//!   `key=value` pairs;
//! - [`url`]: those pairs in the page's URL (the `ima` query parameter),
//!   the rest of the URL kept as it is;
//! - [`query`]: running a state against the archive;
//! - [`view`]: the view model — chips, suggestions, the reading view;
//! - [`action`]: what a visitor asks for, typed, and its form on a control;
//! - [`session`]: one visitor's session (state, results shown, return
//!   point) and what each action changes in it.
//! - [`timeline::geometry`]: the chronology's geometry.
//!
//! The browser parts (WebAssembly only) turn those into DOM:
//!
//! - `dom`: small helpers that build elements from text nodes only;
//! - `render`: one function per region of the widget, each drawn again only
//!   when its content changed (`render::skeleton` builds the fixed frame,
//!   `render::reading` the reading view);
//! - `mount`: the `mount` export and the `Widget`, a [`session::Session`]
//!   inside the holder of its nodes, listeners and timers, which frees them
//!   all on unmount; its parts `mount::actions` (events into actions, and
//!   the one update path), `mount::regions` (rendering from the session),
//!   `mount::typing` (a search per keystroke, the pause the URL and
//!   the announcement wait for), `mount::page` (what widgets on a page
//!   share), `mount::history` (the state in the URL and back/forward),
//!   `mount::attributes` (changes after mount) and `mount::share`
//!   (permalink and copy link).
//! - [`timeline`]: the chronology's SVG, titles, card and overview band,
//!   and its pointer, wheel and keyboard handling, on its own geometry.

pub mod action;
pub mod options;
pub mod query;
pub mod session;
pub mod state;
pub mod strings;
pub mod timeline;
pub mod url;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
pub mod mount;
#[cfg(target_arch = "wasm32")]
mod render;

/// The widget's stylesheet (`www/widget.css`) followed by the chronology's
/// (`www/timeline.css`), both minified by `build.rs`: one text, adopted by
/// every shadow root.
pub const STYLESHEET: &str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/widget.css")),
    include_str!(concat!(env!("OUT_DIR"), "/timeline.css"))
);
