//! The card that names a statement at its mark: shown while the pointer is
//! on the mark, its title or the card itself, while the mark has keyboard
//! focus, and on touch screens after a first tap (a second one opens the
//! statement). It says the title, the date with the approximate note, the
//! kind, and the query's snippet or the statement's opening.
//!
//! The card is HTML over the drawing, placed in pixels through the style
//! object (which a strict Content-Security-Policy allows, unlike a `style`
//! attribute). It repeats what the mark's accessible name says, so it is
//! hidden from screen readers.

use web_sys::{Document, Element};

use super::chart::{px, Model};
use super::marks::MARK_H;
use crate::archive::Archive;
use crate::lang::Lang;
use crate::number::decimal;
use crate::response::Segment;
use crate::widget::dom::{
    attr, attrs, child, class, clear, segments, style, text, text_child, unset,
};
use crate::widget::strings::{kind_label, Strings};

/// Widest a card gets, pixels.
const CARD_PX: f64 = 300.0;

/// Room kept between the card and the frame's sides, pixels.
const SIDE_PX: f64 = 6.0;

/// Room between the card and its mark, which the card's arrow spans, pixels.
const GAP_PX: f64 = 10.0;

/// What the card says of a statement besides its title and date.
#[derive(Debug, Clone, Default)]
pub struct About {
    /// The kind, in the interface language.
    pub kind: String,
    /// Why the date is inferred, for an approximate one.
    pub reason: Option<String>,
    /// The opening of the statement.
    pub opening: String,
}

/// The card's text for statement `doc` of `archive`, in `lang`.
pub fn about(archive: &Archive, doc: usize, lang: Lang) -> Option<About> {
    let s = archive.statements().get(doc)?;
    let kind = kind_label(&s.kind, lang)
        .map(str::to_owned)
        .or_else(|| archive.vocabulary().kind(&s.kind).map(|k| k.label.clone()))
        .unwrap_or_default();
    Some(About {
        kind,
        reason: s.approximate.clone(),
        opening: s.body.paragraphs().first().cloned().unwrap_or_default(),
    })
}

/// Sets pixel lengths through the element's style object.
pub(super) fn style_px(e: &Element, pairs: &[(&str, f64)]) {
    for (name, value) in pairs {
        style(e, name, &(px(*value) + "px"));
    }
}

/// The card's element and what it shows.
pub(super) struct Card {
    el: Element,
    /// The mark shown, if any.
    shown: Option<usize>,
    /// The mark whose text the element holds.
    written: Option<usize>,
}

impl Card {
    /// An empty, hidden card at the end of `parent`.
    pub(super) fn new(doc: &Document, parent: &Element) -> Card {
        let el = child(doc, parent, "div", "tl-card");
        attrs(
            &el,
            &[
                ("hidden", ""),
                ("aria-hidden", "true"),
                ("part", "chronology-card"),
            ],
        );
        Card {
            el,
            shown: None,
            written: None,
        }
    }

    /// Whether the card holds mark `index`'s text already.
    pub(super) fn holds(&self, index: usize) -> bool {
        self.written == Some(index)
    }

    /// Hides the card.
    pub(super) fn hide(&mut self) {
        if self.shown.take().is_some() {
            attr(&self.el, "hidden", "");
        }
    }

    /// Shows mark `index`'s card at the mark whose middle is `x` and whose
    /// top and bottom edges are `top` and `bottom`, in a frame `width`
    /// pixels wide: above the mark when it fits inside the frame, else
    /// below it, so that it never covers the toolbar and status above the
    /// chronology.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn show(
        &mut self,
        doc: &Document,
        index: usize,
        head: (&str, &str, bool),
        about: Option<About>,
        snippet: Option<&[Segment]>,
        at: (f64, f64, f64),
        width: f64,
        lang: Lang,
    ) {
        let (x, top, bottom) = at;
        let w = CARD_PX.min(width - 2.0 * SIDE_PX).max(120.0);
        let left = (x - w / 2.0).min(width - w - SIDE_PX).max(SIDE_PX);
        // The small arrow on the card's edge points at the mark.
        style_px(
            &self.el,
            &[("left", left), ("width", w), ("--tl-arrow", x - left)],
        );
        attr(&self.el, "data-i", &decimal(index as u64));
        self.shown = Some(index);
        if self.written != Some(index) {
            self.written = Some(index);
            self.write(doc, head, about, snippet, lang);
        }
        unset(&self.el, "hidden");
        let height = self.el.get_bounding_client_rect().height();
        let below = top - GAP_PX - height < 0.0;
        class(&self.el, "tl-card-below", below);
        let y = if below {
            bottom + GAP_PX
        } else {
            top - GAP_PX - height
        };
        style_px(&self.el, &[("top", y)]);
    }

    /// Writes the card's text.
    fn write(
        &self,
        doc: &Document,
        head: (&str, &str, bool),
        about: Option<About>,
        snippet: Option<&[Segment]>,
        lang: Lang,
    ) {
        let (title, date, approximate) = head;
        let el = &self.el;
        clear(el);
        let about = about.unwrap_or_default();
        let strings = Strings::of(lang);
        text_child(doc, el, "p", "tl-card-title", title);
        let meta = child(doc, el, "p", "tl-card-meta");
        if !about.kind.is_empty() {
            text(doc, &meta, &about.kind);
            text(doc, &meta, " · ");
        }
        text(doc, &meta, date);
        if approximate {
            text(doc, &meta, " · ");
            text_child(doc, &meta, "span", "approx", strings.approximate());
        }
        if let Some(reason) = &about.reason {
            text_child(doc, el, "p", "tl-card-note", reason);
        }
        let line = child(doc, el, "p", "tl-card-line");
        match snippet {
            Some(s) if !s.is_empty() => segments(doc, &line, s),
            _ => text(doc, &line, &about.opening),
        }
    }

    /// Forgets what the card shows, so the next `show` writes it again
    /// (new snippets after a query).
    pub(super) fn stale(&mut self) {
        self.written = None;
    }
}

impl Model {
    /// Shows the card of the mark tapped, else hovered, else focused; hides
    /// it when there is none or the mark is out of view.
    pub(super) fn show_card(&mut self) {
        let shown = self
            .tapped
            .or(self.hover)
            .or_else(|| self.has_focus().then_some(self.focus));
        let spot = shown.and_then(|i| self.spots.iter().find(|s| s.0 == i).copied());
        let (Some((i, x, top)), Some(entry)) = (spot, shown.and_then(|i| self.entries.get(i)))
        else {
            self.card.hide();
            return;
        };
        let about = (!self.card.holds(i))
            .then(|| self.host.about(entry.doc))
            .flatten();
        let snippet = self
            .snippets
            .iter()
            .find(|s| s.0 == entry.id)
            .map(|s| s.1.as_slice());
        self.card.show(
            &self.doc,
            i,
            (
                &entry.title,
                &entry.date.label(self.lang),
                entry.mark.approximate,
            ),
            about,
            snippet,
            (x, top, top + MARK_H),
            self.view.width,
            self.lang,
        );
    }
}
