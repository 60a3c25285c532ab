//! The chronology: every statement on a time axis, with its title where
//! there is room, a card at the mark, an overview band while zoomed in, and
//! the pointer, wheel, touch and keyboard handling that moves it.
//!
//! - [`geometry`]: where everything goes, in pixels, from the dates alone:
//!   the axis and its breaks, zoom and pan, lanes, density bars, titles,
//!   ticks, the overview band, brushes. Plain Rust, tested natively.
//! - `chart`: the [`Timeline`] in the page and its model: the view, and
//!   what is drawn again when it or the matches change.
//! - `nodes`: its elements, made once at mount.
//! - `draw`: ticks and breaks, density bars, the overview band, the brush.
//! - `marks`: the marks and titles, kept from frame to frame by statement.
//! - `card`: the card that names a statement at its mark.
//! - `list`: "Statements by year", the equivalent list.
//! - `input`: the listeners and buttons; `pointer` the pointer, touch and
//!   wheel gestures; `keys` the keyboard.
//! - `motion`: the glide of the view to a query's matches.
//!
//! All but the geometry are WebAssembly only.

pub mod geometry;

#[cfg(target_arch = "wasm32")]
mod card;
#[cfg(target_arch = "wasm32")]
mod chart;
#[cfg(target_arch = "wasm32")]
mod draw;
#[cfg(target_arch = "wasm32")]
mod frame;
#[cfg(target_arch = "wasm32")]
mod input;
#[cfg(target_arch = "wasm32")]
mod keys;
#[cfg(target_arch = "wasm32")]
mod list;
#[cfg(target_arch = "wasm32")]
mod marks;
#[cfg(target_arch = "wasm32")]
mod motion;
#[cfg(target_arch = "wasm32")]
mod nodes;
#[cfg(target_arch = "wasm32")]
mod pointer;

#[cfg(target_arch = "wasm32")]
pub use card::{about, About};
#[cfg(target_arch = "wasm32")]
pub use chart::{entries, Action, Entry, Host, Timeline};
