//! The chronology's elements, made once when it is mounted: the toolbar,
//! the drawing's layers (ticks, breaks, bars, leaders, marks, labels,
//! brush) in the order they are painted, the titles and the card over it,
//! the overview band, the caption and "Statements by year". What is drawn
//! in them changes; the elements themselves stay until unmount.

use web_sys::{Document, Element};

use super::card::Card;
use super::chart::{place, AXIS_Y, HEIGHT};
use super::input::Tool;
use crate::widget::dom::{attr, attrs, child, clear, svg, text_child, unset};
use crate::widget::strings::Words;

/// The nodes of a timeline.
pub(super) struct Nodes {
    /// The toolbar of [`Tool`] buttons.
    pub(super) tools: Element,
    pub(super) stage: Element,
    pub(super) frame: Element,
    pub(super) svg: Element,
    /// The tick lines: minor, and major ones.
    pub(super) ticks: Element,
    pub(super) majors: Element,
    pub(super) context: Element,
    pub(super) breaks: Element,
    pub(super) bins: Element,
    pub(super) bins_on: Element,
    pub(super) leaders: Element,
    pub(super) marks: Element,
    pub(super) labels: Element,
    /// The statements' titles, HTML over the drawing.
    pub(super) titles: Element,
    pub(super) brush: Element,
    /// The overview band and its parts.
    pub(super) band: Element,
    pub(super) band_bins: Element,
    pub(super) band_on: Element,
    pub(super) band_window: Element,
    pub(super) caption: Element,
    pub(super) results: Element,
    pub(super) clear: Element,
    pub(super) details: Element,
    pub(super) years: Element,
}

impl Nodes {
    /// Empties `slot` and builds the chronology in it; gives its nodes and
    /// its card.
    pub(super) fn new(doc: &Document, slot: &Element, words: &Words) -> (Nodes, Card) {
        clear(slot);
        unset(slot, "hidden");
        // A heading screen reader users can jump to (and which keeps the
        // headings in order where the facet panel is folded away).
        text_child(doc, slot, "h2", "sr", words.chronology());
        let tools = child(doc, slot, "div", "tl-tools");
        attrs(
            &tools,
            &[("role", "toolbar"), ("aria-label", words.chronology())],
        );
        let (mut results, mut clear_dates) = (tools.clone(), tools.clone());
        for tool in Tool::ALL {
            let (label, text) = tool.words(words);
            let b = text_child(doc, &tools, "button", "tl-button", text);
            attrs(
                &b,
                &[
                    ("type", "button"),
                    ("data-tl", tool.name()),
                    ("title", label),
                ],
            );
            if text != label {
                attr(&b, "aria-label", label);
            }
            match tool {
                Tool::Results => results = b,
                Tool::Clear => clear_dates = b,
                _ => {}
            }
        }
        attr(&clear_dates, "hidden", "");

        let stage = child(doc, slot, "div", "tl-stage");
        let frame = child(doc, &stage, "div", "tl-frame");
        let help = text_child(doc, slot, "p", "sr", words.help());
        attr(&help, "id", "ima-tl-help");
        let root = svg(doc, &frame, "svg", "tl-svg");
        place(&root, &[("height", HEIGHT)]);
        attrs(
            &root,
            &[
                ("role", "group"),
                ("aria-label", words.chronology()),
                ("aria-describedby", "ima-tl-help"),
                ("part", "chronology-svg"),
            ],
        );
        let strip = svg(doc, &root, "rect", "tl-strip");
        place(
            &strip,
            &[("x", 0.0), ("y", AXIS_Y), ("height", HEIGHT - AXIS_Y)],
        );
        attr(&strip, "width", "100%");
        let grid = svg(doc, &root, "g", "tl-grid");
        let ticks = svg(doc, &grid, "path", "tl-tick");
        let majors = svg(doc, &grid, "path", "tl-tick major");
        let breaks = svg(doc, &root, "g", "tl-breaks");
        let leaders = svg(doc, &root, "path", "tl-leader");
        let bars = svg(doc, &root, "g", "tl-bars");
        let bins = svg(doc, &bars, "path", "tl-bin");
        // The matched part, in front; hovering it still counts the bar.
        let bins_on = svg(doc, &bars, "path", "tl-bin-on");
        let line = svg(doc, &root, "line", "tl-axis");
        attrs(&line, &[("x1", "0"), ("x2", "100%")]);
        place(&line, &[("y1", AXIS_Y), ("y2", AXIS_Y)]);
        let labels = svg(doc, &root, "g", "tl-labels");
        // Where the view's left edge is, in the larger unit ("2016").
        let context = svg(doc, &labels, "text", "tl-context");
        place(&context, &[("x", 4.0), ("y", 13.0)]);
        let brush = svg(doc, &root, "g", "tl-brush");
        let marks = svg(doc, &root, "g", "tl-marks");
        let titles = child(doc, &frame, "div", "tl-titles");
        attr(&titles, "aria-hidden", "true");
        let band = svg(doc, &frame, "svg", "tl-band");
        place(&band, &[("height", super::geometry::overview::OVERVIEW_H)]);
        attrs(
            &band,
            &[
                ("role", "img"),
                ("aria-label", words.overview()),
                ("hidden", ""),
            ],
        );
        let band_bins = svg(doc, &band, "path", "tl-bin");
        let band_on = svg(doc, &band, "path", "tl-bin-on");
        let band_window = svg(doc, &band, "rect", "tl-window");
        let card = Card::new(doc, &stage);
        let caption = child(doc, slot, "p", "tl-caption");
        attr(&caption, "aria-hidden", "true");
        let details = child(doc, slot, "details", "tl-list");
        text_child(doc, &details, "summary", "tl-summary", words.by_year());
        let years = child(doc, &details, "ul", "tl-years");
        attr(&years, "role", "list");
        let nodes = Nodes {
            tools,
            stage,
            frame,
            svg: root,
            ticks,
            majors,
            context,
            breaks,
            bins,
            bins_on,
            leaders,
            marks,
            labels,
            titles,
            brush,
            band,
            band_bins,
            band_on,
            band_window,
            caption,
            results,
            clear: clear_dates,
            details,
            years,
        };
        (nodes, card)
    }
}
