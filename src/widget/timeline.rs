//! The chronology in the page: an SVG drawn from [`crate::timeline`]'s
//! geometry, and the pointer, wheel, touch and keyboard handling that moves
//! it.
//!
//! A [`Timeline`] lives in the widget's chronology slot. It owns its nodes
//! and listeners (dropping it removes both) and keeps its own view: zoom,
//! scroll, the brush being dragged, the focused statement. What changes the
//! visitor's state — a brushed period, a statement to open — goes to the
//! widget as an [`Action`] through a callback, called only once the
//! timeline's own state is released, so the widget can update the timeline
//! straight back.
//!
//! The drawing is rebuilt on each change of view; only the marks in view are
//! drawn, and dense runs of them are drawn as histogram bars, so a frame
//! costs about the same for 10 or 10,000 statements. A new query or period
//! in the same view only redraws the bars and the brush and restyles the
//! marks already drawn. The width comes from a `ResizeObserver` on the
//! drawing's frame, never read while drawing, so an update does not force
//! the browser to lay out the page it has just changed.
//!
//! Only the focused mark is in the tab order (roving focus); arrow keys
//! move it through time, and with Shift they select the period from the
//! statement where the selection began to the focused one (see `input`).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::archive::Archive;
use crate::date::{Day, PartialDate};
use crate::lang::Lang;
use crate::number::{decimal, signed};
use crate::timeline::{
    brush_of, within, Axis, Bar, Layout, Mark, Placed, Shape, View, Words, YEAR_LIST_MAX,
};
use crate::widget::dom::{attr, attrs, child, clear, svg, text_child, unset, Tracked};

mod input;

use input::{wire, Drag, Watch};

/// Height of the drawing, pixels.
const HEIGHT: f64 = 150.0;
/// The axis line; marks stand above it, the brush strip and labels below.
const AXIS_Y: f64 = 112.0;
/// Top of the area marks and bars use.
const TOP: f64 = 24.0;
/// Distance between lanes.
const LANE_H: f64 = 20.0;
/// Width used before the slot has been laid out.
const FALLBACK_WIDTH: f64 = 640.0;

/// What the timeline asks of the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Open this statement in the reading view.
    Open(String),
    /// Filter to this period (`from`, `to`), or remove the period (`None`s).
    Dates(Option<String>, Option<String>),
}

/// Where the timeline's actions go.
pub type Sink = Rc<dyn Fn(Action)>;

/// One statement as the timeline shows it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Statement id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Its date, labelled only when shown: a mount does not format a label
    /// for each of 10,000 statements.
    pub date: PartialDate,
    /// Where it goes.
    pub mark: Mark,
}

/// The timeline's entries: every statement in the order of the filter
/// slots, oldest first, which is also the order of the flags of
/// [`Archive::search_matching`]'s set and of the chronology's points.
pub fn entries(archive: &Archive) -> Vec<Entry> {
    let filters = archive.filters();
    let statements = archive.statements();
    (0..filters.len())
        .filter_map(|slot| {
            let (start, end) = filters.span(slot)?;
            let s = statements.get(filters.doc(slot)?)?;
            Some(Entry {
                id: s.id.clone(),
                title: s.title.clone(),
                date: s.date,
                mark: Mark {
                    start: start.ordinal(),
                    end: end.ordinal(),
                    shape: Shape::of(s.date.precision()),
                    approximate: s.is_approximate(),
                },
            })
        })
        .collect()
}

/// The nodes of a timeline.
struct Nodes {
    frame: Element,
    svg: Element,
    grid: Element,
    breaks: Element,
    bins: Element,
    bins_on: Element,
    marks: Element,
    labels: Element,
    brush: Element,
    caption: Element,
    results: Element,
    clear: Element,
    details: Element,
    years: Element,
}

struct Model {
    doc: Document,
    lang: Lang,
    words: &'static Words,
    slot: Element,
    nodes: Nodes,
    entries: Vec<Entry>,
    axis: Axis,
    matched: Vec<bool>,
    /// Whether every statement is matched (nothing to dim).
    all: bool,
    view: View,
    /// Whether the view shows the whole archive (kept so on resize).
    fitted: bool,
    focus: usize,
    open: Option<usize>,
    hover: Option<usize>,
    /// Counts of the histogram bar under the pointer (matched, total).
    hover_bin: Option<(u32, u32)>,
    /// The histogram bars drawn.
    bars: Vec<Bar>,
    /// The brushed period, days pixel-independent.
    brush: Option<(Day, Day)>,
    /// Brush edges while dragging, pixels.
    drawing: Option<(f64, f64)>,
    drag: Drag,
    pointers: Vec<(i32, f64)>,
    /// Where a keyboard selection began (Shift with the arrow keys).
    anchor: Option<usize>,
    /// The view, focused and open statement of the drawing on screen.
    drawn: Option<(View, usize, Option<usize>)>,
}

/// The chronology mounted in a widget. Dropping it removes its listeners
/// and empties its slot.
pub struct Timeline {
    model: Rc<RefCell<Model>>,
    listeners: Vec<Tracked<EventListener>>,
    watch: Option<Tracked<Watch>>,
}

/// Whole pixels as attribute text (no float formatting in the module).
fn px(v: f64) -> String {
    if v.is_finite() {
        signed(within(v.round(), -1e6, 1e6) as i64)
    } else {
        "0".into()
    }
}

/// Sets attributes that are lengths in pixels: one loop instead of a
/// number written out and freed at each call.
fn place(e: &Element, pairs: &[(&str, f64)]) {
    for (name, value) in pairs {
        attr(e, name, &px(*value));
    }
}

impl Timeline {
    /// Draws the chronology of `entries` into `slot` and starts listening.
    pub fn new(
        doc: &Document,
        slot: &Element,
        lang: Lang,
        entries: Vec<Entry>,
        sink: Sink,
    ) -> Timeline {
        let words = Words::of(lang);
        clear(slot);
        unset(slot, "hidden");
        let tools = child(doc, slot, "div", "tl-tools");
        attrs(
            &tools,
            &[("role", "toolbar"), ("aria-label", words.chronology)],
        );
        let tool = |label: &str, text: &str, act: &str| -> Element {
            let b = text_child(doc, &tools, "button", "tl-button", text);
            attrs(
                &b,
                &[
                    ("type", "button"),
                    ("data-tl", act),
                    ("aria-label", label),
                    ("title", label),
                ],
            );
            b
        };
        tool(words.zoom_out, "−", "out");
        tool(words.zoom_in, "+", "in");
        let fit = tool(words.fit, words.fit, "fit");
        unset(&fit, "aria-label");
        let results = tool(words.fit_results, words.fit_results, "results");
        unset(&results, "aria-label");
        let clear_dates = tool(words.clear_dates, words.clear_dates, "clear");
        unset(&clear_dates, "aria-label");
        attr(&clear_dates, "hidden", "");

        let frame = child(doc, slot, "div", "tl-frame");
        let help = text_child(doc, slot, "p", "sr", words.help);
        attr(&help, "id", "ima-tl-help");
        let root = svg(doc, &frame, "svg", "tl-svg");
        place(&root, &[("height", HEIGHT)]);
        attrs(
            &root,
            &[
                ("role", "group"),
                ("aria-label", words.chronology),
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
        let breaks = svg(doc, &root, "g", "tl-breaks");
        let bars = svg(doc, &root, "g", "tl-bars");
        let bins = svg(doc, &bars, "path", "tl-bin");
        // The matched part, in front; hovering it still counts the bar.
        let bins_on = svg(doc, &bars, "path", "tl-bin-on");
        let line = svg(doc, &root, "line", "tl-axis");
        attrs(&line, &[("x1", "0"), ("x2", "100%")]);
        place(&line, &[("y1", AXIS_Y), ("y2", AXIS_Y)]);
        let labels = svg(doc, &root, "g", "tl-labels");
        let brush = svg(doc, &root, "g", "tl-brush");
        let marks = svg(doc, &root, "g", "tl-marks");
        let caption = child(doc, slot, "p", "tl-caption");
        attr(&caption, "aria-hidden", "true");
        let details = child(doc, slot, "details", "tl-list");
        text_child(doc, &details, "summary", "tl-summary", words.by_year);
        let years = child(doc, &details, "ul", "tl-years");
        attr(&years, "role", "list");

        let marks_of: Vec<Mark> = entries.iter().map(|e| e.mark).collect();
        let axis = Axis::new(marks_of);
        let n = entries.len();
        let view = axis.fit(width_of(&frame));
        let model = Rc::new(RefCell::new(Model {
            doc: doc.clone(),
            lang,
            words,
            slot: slot.clone(),
            nodes: Nodes {
                frame: frame.clone(),
                svg: root,
                grid,
                breaks,
                bins,
                bins_on,
                marks,
                labels,
                brush,
                caption,
                results,
                clear: clear_dates,
                details,
                years,
            },
            entries,
            axis,
            matched: vec![true; n],
            all: true,
            view,
            fitted: true,
            focus: 0,
            open: None,
            hover: None,
            hover_bin: None,
            bars: Vec::new(),
            brush: None,
            drawing: None,
            drag: Drag::None,
            pointers: Vec::new(),
            anchor: None,
            drawn: None,
        }));
        let listeners = wire(&model, &tools, sink);
        let watch = Watch::new(&model, &frame).map(Tracked::new);
        let timeline = Timeline {
            model,
            listeners,
            watch,
        };
        timeline.model.borrow_mut().draw(false);
        timeline
    }

    /// Shows which statements are `matched` (one flag per entry, in order),
    /// the period `from`/`to` as the brush, and `open` as the open statement.
    pub fn update(
        &self,
        matched: &[bool],
        from: Option<&str>,
        to: Option<&str>,
        open: Option<&str>,
    ) {
        let Ok(mut m) = self.model.try_borrow_mut() else {
            return;
        };
        if matched.len() == m.entries.len() {
            m.all = matched.iter().all(|x| *x);
            m.matched.clear();
            m.matched.extend_from_slice(matched);
        }
        m.brush = brush_of(&m.axis, from, to);
        m.set_open(open);
        let keep = m.has_focus();
        m.redraw(keep);
        m.list();
    }
}

impl Timeline {
    /// Marks `open` as the open statement (`None`: none is).
    pub fn set_open(&self, open: Option<&str>) {
        let Ok(mut m) = self.model.try_borrow_mut() else {
            return;
        };
        m.set_open(open);
        m.draw(false);
        m.list();
    }
}

impl Drop for Timeline {
    fn drop(&mut self) {
        self.watch = None;
        self.listeners.clear();
        if let Ok(m) = self.model.try_borrow() {
            clear(&m.slot);
            attr(&m.slot, "hidden", "");
        }
    }
}

/// The drawing frame's inner width, or a fallback before layout.
fn width_of(frame: &Element) -> f64 {
    let w = f64::from(frame.client_width());
    if w >= 1.0 {
        w
    } else {
        FALLBACK_WIDTH
    }
}

impl Model {
    /// Makes the statement with id `open` the open and focused one.
    fn set_open(&mut self, open: Option<&str>) {
        self.open = open.and_then(|id| self.entries.iter().position(|e| e.id == id));
        if let Some(i) = self.open {
            self.focus = i;
        }
    }

    /// Whether focus is on one of the marks.
    fn has_focus(&self) -> bool {
        let active = self
            .slot
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .and_then(|r| r.active_element())
            .or_else(|| self.doc.active_element());
        active.is_some_and(|a| self.nodes.marks.contains(Some(&a)))
    }

    fn matched(&self, i: usize) -> bool {
        self.matched.get(i).copied().unwrap_or(true)
    }

    /// Pointer position in the drawing.
    fn point(&self, e: &web_sys::MouseEvent) -> (f64, f64) {
        let r = self.nodes.svg.get_bounding_client_rect();
        (
            f64::from(e.client_x()) - r.left(),
            f64::from(e.client_y()) - r.top(),
        )
    }

    fn set_view(&mut self, view: View) {
        self.view = self.axis.clamp(view);
        self.fitted = false;
        self.draw(self.has_focus());
    }

    /// Redraws everything; `refocus` puts focus back on the focused mark.
    fn draw(&mut self, refocus: bool) {
        let width = self.view.width;
        attr(&self.nodes.svg, "width", &px(width));
        let layout = self.layout();
        self.draw_axis(&layout);
        self.draw_bars(&layout);
        self.draw_marks(&layout);
        self.drawn = Some((self.view, self.focus, self.open));
        self.draw_brush();
        self.show_tools();
        if refocus {
            if let Ok(Some(e)) = self.nodes.marks.query_selector("[tabindex='0']") {
                if let Ok(e) = e.dyn_into::<web_sys::SvgElement>() {
                    let _ = e.focus();
                }
            }
        }
        self.caption();
    }

    /// Shows new matches and a new brush. In the view already drawn, with
    /// the same focused and open statements, the axis and the marks' places
    /// stay: only the bars, the marks' dimming and the brush change.
    fn redraw(&mut self, refocus: bool) {
        if self.drawn != Some((self.view, self.focus, self.open)) {
            self.draw(refocus);
            return;
        }
        let layout = self.layout();
        self.draw_bars(&layout);
        let marks = self.nodes.marks.children();
        for e in (0..marks.length()).filter_map(|i| marks.item(i)) {
            let index = e.get_attribute("data-i").and_then(|v| v.parse().ok());
            let dim = index.is_some_and(|i| !self.matched(i));
            let _ = e.class_list().toggle_with_force("dim", dim);
        }
        self.draw_brush();
        self.show_tools();
        self.caption();
    }

    /// The layout of the current view, the focused and open marks kept.
    fn layout(&self) -> Layout {
        let keep: Vec<usize> = [Some(self.focus), self.open]
            .into_iter()
            .flatten()
            .collect();
        self.axis.layout(self.view, &self.matched, &keep)
    }

    /// "Clear dates" while there is a period; "fit to results" while
    /// something is filtered out.
    fn show_tools(&self) {
        let n = &self.nodes;
        let _ = n
            .clear
            .toggle_attribute_with_force("hidden", self.brush.is_none());
        let _ = n
            .results
            .toggle_attribute_with_force("hidden", self.all && self.brush.is_none());
    }

    fn draw_axis(&self, layout: &Layout) {
        let doc = &self.doc;
        let n = &self.nodes;
        clear(&n.grid);
        clear(&n.labels);
        clear(&n.breaks);
        let ticks = self.axis.ticks(self.view, self.lang);
        attr(&n.svg, "data-unit", ticks.unit.as_str());
        for t in &ticks.ticks {
            let line = svg(
                doc,
                &n.grid,
                "line",
                if t.major { "tl-tick major" } else { "tl-tick" },
            );
            place(
                &line,
                &[
                    ("x1", t.x),
                    ("x2", t.x),
                    ("y1", TOP - 8.0),
                    ("y2", AXIS_Y + 6.0),
                ],
            );
            let label = svg(
                doc,
                &n.labels,
                "text",
                if t.major {
                    "tl-label major"
                } else {
                    "tl-label"
                },
            );
            place(&label, &[("x", t.x + 3.0), ("y", AXIS_Y + 20.0)]);
            label.set_text_content(Some(&t.label));
        }
        if !ticks.context.is_empty() {
            let c = svg(doc, &n.labels, "text", "tl-context");
            place(&c, &[("x", 4.0), ("y", 13.0)]);
            c.set_text_content(Some(&ticks.context));
        }
        for b in &layout.breaks {
            let g = svg(doc, &n.breaks, "g", "tl-break");
            attr(
                &g,
                "transform",
                &("translate(".to_owned() + &px(b.x) + " 0)"),
            );
            let title = svg(doc, &g, "title", "");
            title.set_text_content(Some(&b.describe(self.lang)));
            let r = svg(doc, &g, "rect", "tl-break-band");
            let w = crate::timeline::BREAK_PX;
            place(
                &r,
                &[
                    ("x", 0.0),
                    ("y", TOP - 8.0),
                    ("width", w),
                    ("height", HEIGHT - TOP + 8.0),
                ],
            );
            // Two zigzags: the axis is cut here.
            for edge in [4.0, w - 4.0] {
                let mut d = "M".to_owned() + &px(edge) + " " + &px(AXIS_Y - 8.0);
                for (i, dy) in [-4.0, 0.0, 4.0, 8.0].iter().enumerate() {
                    let dx = if i % 2 == 0 { -3.0 } else { 3.0 };
                    d = d + " L" + &px(edge + dx) + " " + &px(AXIS_Y + dy);
                }
                let p = svg(doc, &g, "path", "tl-zigzag");
                attr(&p, "d", &d);
            }
            let label = svg(doc, &g, "text", "tl-break-label");
            place(&label, &[("x", w / 2.0), ("y", AXIS_Y + 34.0)]);
            label.set_text_content(Some(&b.label()));
        }
    }

    /// The histogram as two paths, totals behind and matched parts in
    /// front: two elements to update however many bars there are.
    fn draw_bars(&mut self, layout: &Layout) {
        let room = AXIS_Y - TOP;
        let peak = f64::from(layout.peak.max(1));
        let width = px(crate::timeline::BIN_PX - 1.0);
        let (mut all, mut on) = (String::new(), String::new());
        for b in &layout.bars {
            let x = signed(b.x.into());
            for (d, count) in [(&mut all, b.total), (&mut on, b.matched)] {
                if count == 0 {
                    continue;
                }
                let h = (f64::from(count) / peak * room).max(2.0).round();
                for part in [
                    "M",
                    &x,
                    " ",
                    &px(AXIS_Y - h),
                    "h",
                    &width,
                    "v",
                    &px(h),
                    "h-",
                    &width,
                    "z",
                ] {
                    d.push_str(part);
                }
            }
        }
        let n = &self.nodes;
        attr(&n.bins, "d", &all);
        attr(&n.bins_on, "d", &on);
        self.bars.clone_from(&layout.bars);
    }

    fn draw_marks(&self, layout: &Layout) {
        let n = &self.nodes;
        clear(&n.marks);
        // The focused and open marks last, so they are drawn on top.
        let on_top = |p: &&Placed| p.overlay || Some(p.index) == self.open || p.index == self.focus;
        let below = layout.marks.iter().filter(|p| !on_top(p));
        for p in below.chain(layout.marks.iter().filter(on_top)) {
            let (Some(entry), true) = (self.entries.get(p.index), p.x1 > p.x0) else {
                continue;
            };
            let cy = AXIS_Y - 12.0 - LANE_H * p.lane.min(crate::timeline::MAX_LANES) as f64;
            let mut class = "tl-mark ".to_owned() + entry.mark.shape.as_str();
            if entry.mark.approximate {
                class.push_str(" approx");
            }
            if !self.matched(p.index) {
                class.push_str(" dim");
            }
            if Some(p.index) == self.open {
                class.push_str(" open");
            }
            let e = match entry.mark.shape {
                Shape::Point => {
                    let c = svg(&self.doc, &n.marks, "circle", &class);
                    let r = crate::timeline::POINT_R;
                    place(&c, &[("cx", (p.x0 + p.x1) / 2.0), ("cy", cy), ("r", r)]);
                    c
                }
                Shape::Span | Shape::Bar => {
                    let h = if entry.mark.shape == Shape::Span {
                        14.0
                    } else {
                        10.0
                    };
                    let r = svg(&self.doc, &n.marks, "rect", &class);
                    place(
                        &r,
                        &[
                            ("x", p.x0),
                            ("y", cy - h / 2.0),
                            ("width", (p.x1 - p.x0 - 1.0).max(2.0)),
                            ("height", h),
                            (
                                "rx",
                                if entry.mark.shape == Shape::Span {
                                    7.0
                                } else {
                                    3.0
                                },
                            ),
                        ],
                    );
                    r
                }
            };
            attrs(
                &e,
                &[
                    ("data-i", &decimal(p.index as u64)),
                    ("data-id", &entry.id),
                    ("data-shape", entry.mark.shape.as_str()),
                ],
            );
            if p.index == self.focus {
                let label = entry.title.clone() + ", " + &entry.date.label(self.lang);
                attrs(
                    &e,
                    &[
                        ("tabindex", "0"),
                        ("role", "button"),
                        ("aria-label", &label),
                    ],
                );
                if Some(p.index) == self.open {
                    attr(&e, "aria-current", "true");
                }
            }
        }
    }

    fn draw_brush(&self) {
        let n = &self.nodes;
        clear(&n.brush);
        let edges = self
            .drawing
            .or_else(|| self.brush.map(|(a, b)| self.axis.brush_x(self.view, a, b)));
        let Some((a, b)) = edges else { return };
        let (a, b) = (a.min(b), a.max(b));
        if b < 0.0 || a > self.view.width {
            return;
        }
        let r = svg(&self.doc, &n.brush, "rect", "tl-brush-area");
        place(
            &r,
            &[
                ("x", a),
                ("y", TOP - 8.0),
                ("width", (b - a).max(1.0)),
                ("height", HEIGHT - TOP + 8.0),
            ],
        );
        for x in [a, b] {
            let h = svg(&self.doc, &n.brush, "rect", "tl-handle");
            place(
                &h,
                &[
                    ("x", x - 2.0),
                    ("y", AXIS_Y - 10.0),
                    ("width", 4.0),
                    ("height", 20.0),
                    ("rx", 2.0),
                ],
            );
        }
    }

    /// Shows the hovered, else the focused, statement's title and date.
    fn caption(&self) {
        let shown = self
            .hover
            .or_else(|| self.has_focus().then_some(self.focus));
        let text = shown
            .and_then(|i| self.entries.get(i))
            .map(|e| e.date.label(self.lang) + " — " + &e.title);
        let w = self.words;
        let text = text.or_else(|| {
            self.hover_bin
                .map(|(m, n)| self.count(m, n, m == n) + " " + w.statements)
        });
        let day = |d: Day| self.lang.day_month_year(d.day, d.month, d.year);
        let text = text.or_else(|| {
            self.brush
                .map(|(a, b)| self.words.dates.to_owned() + ": " + &day(a) + " – " + &day(b))
        });
        let text = text.unwrap_or_default();
        if self.nodes.caption.text_content().as_deref() != Some(text.as_str()) {
            self.nodes.caption.set_text_content(Some(&text));
        }
    }

    /// `total`, or `matched of total` unless `whole`.
    fn count(&self, matched: u32, total: u32, whole: bool) -> String {
        let total = decimal(total.into());
        if whole {
            total
        } else {
            decimal(matched.into()) + " " + self.words.of + " " + &total
        }
    }

    fn fit(&mut self) {
        self.view = self.axis.fit(self.view.width);
        self.fitted = true;
        self.draw(self.has_focus());
    }

    /// Lays the axis out again for a new width; called by the size observer.
    fn resize(&mut self) {
        if self.measure() {
            self.draw(self.has_focus());
        }
    }

    /// Follows the frame's width (window resizes, a container that changes
    /// width, the reading view's wider column); true when it changed.
    fn measure(&mut self) -> bool {
        let width = width_of(&self.nodes.frame);
        if (width - self.view.width).abs() < 0.5 {
            return false;
        }
        self.view = if self.fitted {
            self.axis.fit(width)
        } else {
            self.axis.clamp(View { width, ..self.view })
        };
        true
    }

    /// The equivalent list, drawn only while it is open.
    fn list(&self) {
        let n = &self.nodes;
        if !n.details.has_attribute("open") {
            clear(&n.years);
            return;
        }
        self.draw_list();
    }

    fn draw_list(&self) {
        let (doc, n, w) = (&self.doc, &self.nodes, self.words);
        clear(&n.years);
        for y in self.axis.years(&self.matched) {
            let li = child(doc, &n.years, "li", "tl-year");
            let year = decimal(y.year.into());
            let count = self.count(y.matched, y.total, self.all);
            let head = child(doc, &li, "p", "tl-year-head");
            text_child(doc, &head, "strong", "", &year);
            text_child(
                doc,
                &head,
                "span",
                "count",
                &(" (".to_owned() + &count + ")"),
            );
            let only = text_child(doc, &head, "button", "link", w.only_year);
            let label = w.only_year.to_owned() + ": " + &year;
            attrs(
                &only,
                &[
                    ("type", "button"),
                    ("data-tl-year", &year),
                    ("aria-label", &label),
                ],
            );
            let ul = child(doc, &li, "ul", "tl-year-items");
            let mut named = 0;
            for i in y.first..=y.last {
                let Some(e) = self.entries.get(i) else {
                    continue;
                };
                if !y.lists(self.matched(i), named, YEAR_LIST_MAX) {
                    continue;
                }
                named += 1;
                let item = child(doc, &ul, "li", if self.matched(i) { "" } else { "dim" });
                let b = text_child(doc, &item, "button", "link tl-item", &e.title);
                attrs(&b, &[("type", "button"), ("data-tl-open", &e.id)]);
                if Some(i) == self.open {
                    attr(&b, "aria-current", "true");
                }
                text_child(
                    doc,
                    &item,
                    "span",
                    "tl-item-date",
                    &(" — ".to_owned() + &e.date.label(self.lang)),
                );
            }
            let left = (y.total as usize).saturating_sub(named);
            if left > 0 {
                text_child(
                    doc,
                    &ul,
                    "li",
                    "tl-more",
                    &(decimal(left as u64) + " " + w.more),
                );
            }
        }
    }
}
