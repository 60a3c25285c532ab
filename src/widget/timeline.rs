//! The chronology: every statement on a time axis, with its title where
//! there is room, a card at the mark, an overview band while zoomed in, and
//! the pointer, wheel, touch and keyboard handling that moves it.
//!
//! - [`geometry`]: where everything goes, in pixels, from the dates alone:
//!   the axis and its breaks, zoom and pan, lanes, density bars, titles,
//!   ticks, the overview band, brushes. Plain Rust, tested natively.
//! - `chart` (WebAssembly only): the [`Timeline`] in the page, an SVG drawn
//!   from that geometry, with its titles and card as HTML over it.
//! - `input` (WebAssembly only): the listeners and what each event does.
//! - `draw` (WebAssembly only): the drawing's parts, one function each.
//! - `card` (WebAssembly only): the card that names a statement at its mark.
//! - `list` (WebAssembly only): "Statements by year", the equivalent list.

pub mod geometry;

#[cfg(target_arch = "wasm32")]
mod card;
#[cfg(target_arch = "wasm32")]
mod chart;
#[cfg(target_arch = "wasm32")]
mod draw;
#[cfg(target_arch = "wasm32")]
mod input;
#[cfg(target_arch = "wasm32")]
mod list;

#[cfg(target_arch = "wasm32")]
pub use card::{about, About, Describe};
#[cfg(target_arch = "wasm32")]
pub use chart::{entries, Action, Entry, Sink, Timeline};
