//! The chronology in the page: an SVG drawn from the [`super::geometry`],
//! with the statements' titles and the card as HTML over it, and an
//! overview band under it while zoomed in; moved by the handlers of `input`.
//!
//! A [`Timeline`] lives in the widget's chronology slot. It owns its nodes
//! and listeners (dropping it removes both) and keeps its own view: zoom,
//! scroll, the brush being dragged, the focused statement. What changes the
//! visitor's state — a brushed period, a statement to open — goes to the
//! widget as an [`Action`] through a callback, called only once the
//! timeline's own state is released, so the widget can update the timeline
//! straight back.
//!
//! The drawing is redrawn on each change of view; only the marks in view are
//! drawn, and dense runs of them are drawn as histogram bars, so a frame
//! costs about the same for 10 or 10,000 statements. Marks and titles
//! already on screen are kept and moved (`marks`). A new query or period
//! in the same view leaves the axis alone: it redraws the bars, the titles
//! and the brush and restyles the marks already drawn. When the matches
//! leave the view, the view glides to them (`motion`). The width comes
//! from a `ResizeObserver` on the drawing's frame, never read while
//! drawing, so an update does not force the browser to lay out the page it
//! has just changed.
//!
//! Only the focused mark is in the tab order (roving focus); arrow keys
//! move it through time, and with Shift they select the period from the
//! statement where the selection began to the focused one (see `input`).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, Element};

use super::card::{About, Card};
use super::draw::{BreakShown, TickLabel};
use super::geometry::{brush_of, Axis, Bar, Mark, Shape, View, LABEL_LANES};
use super::input::{wire, Watch};
use super::marks::{Drawn, Title};
use super::motion::{ticker, Motion};
use super::nodes::Nodes;
use super::pointer::Drag;
use crate::archive::Archive;
use crate::date::{Day, PartialDate};
use crate::lang::Lang;
use crate::number::signed;
use crate::response::Segment;
use crate::widget::dom::{attr, clear, Tracked};
use crate::widget::strings::Words;

/// Height of the drawing, pixels.
pub(super) const HEIGHT: f64 = 200.0;
/// The axis line; marks stand above it, the brush strip and ticks below.
pub(super) const AXIS_Y: f64 = 162.0;
/// Top of the titles' lanes.
pub(super) const TOP: f64 = 20.0;
/// Height of a lane of titles.
pub(super) const LABEL_H: f64 = 18.0;
/// Top of the area marks and bars use, under the titles.
pub(super) const MARKS_TOP: f64 = TOP + LABEL_H * LABEL_LANES as f64 + 4.0;
/// Distance between lanes of marks.
pub(super) const LANE_H: f64 = 16.0;
/// Width used before the slot has been laid out.
pub(super) const FALLBACK_WIDTH: f64 = 640.0;

/// What the timeline asks of the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Open this statement in the reading view.
    Open(String),
    /// Filter to this period (`from`, `to`), or remove the period (`None`s).
    Dates(Option<String>, Option<String>),
}

/// What the timeline needs of the widget it is in: one object, rather than
/// a callback for each need.
pub trait Host {
    /// Carries out what the visitor asked on the chronology.
    fn act(&self, action: Action);
    /// What the card says of statement `doc` besides its title and date.
    fn about(&self, doc: usize) -> Option<About>;
}

/// The widget around a timeline.
pub type Sink = Rc<dyn Host>;

/// One statement as the timeline shows it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Statement id.
    pub id: String,
    /// Its place in the archive.
    pub doc: usize,
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
            let doc = filters.doc(slot)?;
            let s = statements.get(doc)?;
            Some(Entry {
                id: s.id.clone(),
                doc,
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

pub(super) struct Model {
    pub(super) doc: Document,
    pub(super) lang: Lang,
    pub(super) words: &'static Words,
    pub(super) slot: Element,
    pub(super) nodes: Nodes,
    pub(super) card: Card,
    pub(super) host: Sink,
    pub(super) entries: Vec<Entry>,
    pub(super) axis: Axis,
    pub(super) matched: Vec<bool>,
    /// Whether every statement is matched (nothing to dim).
    pub(super) all: bool,
    /// Snippets of the query for the statements listed first, by id.
    pub(super) snippets: Vec<(String, Vec<Segment>)>,
    pub(super) view: View,
    /// Whether the view shows the whole archive (kept so on resize).
    pub(super) fitted: bool,
    pub(super) focus: usize,
    pub(super) open: Option<usize>,
    pub(super) hover: Option<usize>,
    /// The mark a first tap on a touch screen showed the card of.
    pub(super) tapped: Option<usize>,
    /// Counts of the histogram bar under the pointer (matched, total).
    pub(super) hover_bin: Option<(u32, u32)>,
    /// The histogram bars drawn.
    pub(super) bars: Vec<Bar>,
    /// The width the overview band's bars were drawn for, while they still
    /// count the matches as they are.
    pub(super) band_for: Option<f64>,
    /// Where each mark drawn is: its index, middle and top, pixels.
    pub(super) spots: Vec<(usize, f64, f64)>,
    /// The ticks' labels and the breaks on screen.
    pub(super) tick_labels: Vec<TickLabel>,
    pub(super) breaks_shown: Vec<BreakShown>,
    /// The marks on screen.
    pub(super) drawn_marks: Vec<Drawn>,
    /// The titles on screen.
    pub(super) titles: Vec<Title>,
    /// The brushed period, days pixel-independent.
    pub(super) brush: Option<(Day, Day)>,
    /// The period as the filter says it, `from` and `to`.
    pub(super) period: (Option<String>, Option<String>),
    /// Brush edges while dragging, pixels.
    pub(super) drawing: Option<(f64, f64)>,
    pub(super) drag: Drag,
    pub(super) pointers: Vec<(i32, f64)>,
    /// Where a keyboard selection began (Shift with the arrow keys).
    pub(super) anchor: Option<usize>,
    /// The view, focused and open statement of the drawing on screen.
    pub(super) drawn: Option<(View, usize, Option<usize>)>,
    /// The view gliding to the matches, while it does.
    pub(super) motion: Option<Motion>,
    /// The glide's frame callback, and the frame asked for.
    pub(super) tick: Option<js_sys::Function>,
    pub(super) frame: Option<i32>,
}

/// The chronology mounted in a widget. Dropping it removes its listeners
/// and empties its slot.
pub struct Timeline {
    model: Rc<RefCell<Model>>,
    listeners: Vec<Tracked<EventListener>>,
    watch: Option<Tracked<Watch>>,
    _tick: Closure<dyn FnMut(f64)>,
}

/// Whole pixels as attribute text (no float formatting in the module).
pub(super) fn px(v: f64) -> String {
    if v.is_finite() {
        signed(super::geometry::within(v.round(), -1e6, 1e6) as i64)
    } else {
        "0".into()
    }
}

/// Sets attributes that are lengths in pixels: one loop instead of a
/// number written out and freed at each call.
pub(super) fn place(e: &Element, pairs: &[(&str, f64)]) {
    for (name, value) in pairs {
        attr(e, name, &px(*value));
    }
}

impl Timeline {
    /// Builds the chronology of `entries` in `slot` and starts listening;
    /// `host` takes its actions and gives a statement's card its kind and
    /// opening. It is drawn by the first [`Timeline::update`] (or the first
    /// size the frame reports), not here: drawing measures the frame's
    /// width, which makes the browser lay the page out at once, and a widget
    /// mounting adds its results after its chronology. Measured then, the
    /// page is laid out once with everything in it, not once before the
    /// results and again for the first frame.
    pub fn new(
        doc: &Document,
        slot: &Element,
        lang: Lang,
        entries: Vec<Entry>,
        host: Sink,
    ) -> Timeline {
        let words = Words::of(lang);
        let (nodes, card) = Nodes::new(doc, slot, words);
        let frame = nodes.frame.clone();

        let marks_of: Vec<Mark> = entries.iter().map(|e| e.mark).collect();
        let axis = Axis::new(marks_of);
        let n = entries.len();
        let view = axis.fit(FALLBACK_WIDTH);
        let model = Rc::new(RefCell::new(Model {
            doc: doc.clone(),
            lang,
            words,
            slot: slot.clone(),
            nodes,
            card,
            host: host.clone(),
            entries,
            axis,
            matched: vec![true; n],
            all: true,
            snippets: Vec::new(),
            view,
            fitted: true,
            focus: 0,
            open: None,
            hover: None,
            tapped: None,
            hover_bin: None,
            bars: Vec::new(),
            band_for: None,
            spots: Vec::new(),
            tick_labels: Vec::new(),
            breaks_shown: Vec::new(),
            drawn_marks: Vec::new(),
            titles: Vec::new(),
            brush: None,
            period: (None, None),
            drawing: None,
            drag: Drag::None,
            pointers: Vec::new(),
            anchor: None,
            drawn: None,
            motion: None,
            tick: None,
            frame: None,
        }));
        let listeners = wire(&model, host);
        let watch = Watch::new(&model, &frame).map(Tracked::new);
        let tick = ticker(&model);
        Timeline {
            model,
            listeners,
            watch,
            _tick: tick,
        }
    }

    /// Shows which statements are `matched` (one flag per entry, in order),
    /// the period `from`/`to` as the brush, and `open` as the open statement.
    /// When a query or filter leaves no match in view, the view moves to
    /// the matches.
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
            m.band_for = None;
        }
        m.brush = brush_of(&m.axis, from, to);
        m.period = (from.map(str::to_owned), to.map(str::to_owned));
        m.set_open(open);
        // A glide under way ends; a new one starts if these matches are
        // out of view too.
        m.stop();
        m.follow();
        let keep = m.has_focus();
        m.redraw(keep);
        m.list();
    }

    /// Gives the cards the query's snippets of the statements `hits` lists
    /// (ids and snippets); the others show their opening.
    pub fn set_snippets(&self, hits: &[(&str, &[Segment])]) {
        let Ok(mut m) = self.model.try_borrow_mut() else {
            return;
        };
        // Kept by id and looked up when a card shows: a few hits, against
        // thousands of entries.
        m.snippets = hits
            .iter()
            .map(|(id, segments)| ((*id).to_owned(), segments.to_vec()))
            .collect();
        m.card.stale();
        m.show_card();
    }

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
        if let Ok(mut m) = self.model.try_borrow_mut() {
            m.cancel();
            clear(&m.slot);
            attr(&m.slot, "hidden", "");
        }
    }
}
