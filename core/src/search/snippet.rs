//! Marking matched words in a text, and choosing the best window of a
//! statement to show under its title.
//!
//! A word is marked when it analyses to a term the query matched through
//! (its own, a prefix or a typo expansion), or belongs to an occurrence of a
//! wanted phrase. Texts come back as [`Segment`]s, never markup.

use super::index::Index;
use super::Segment;
use crate::text::{fold, term, tokens, Token};

/// What to mark in texts for one query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    /// Terms whose words are marked, sorted.
    pub terms: Vec<u32>,
    /// Term sequences whose occurrences are marked.
    pub phrases: Vec<Vec<u32>>,
    /// The first one or two characters of every term above: a word whose
    /// folded form starts with none of them cannot match, so is not looked up.
    pub heads: Vec<String>,
}

impl Marks {
    /// Marks for these terms and phrases.
    pub fn new(index: &Index, terms: Vec<u32>, phrases: Vec<Vec<u32>>) -> Marks {
        let mut heads: Vec<String> = Vec::new();
        for &t in terms.iter().chain(phrases.iter().flatten()) {
            let head: String = index.term_text(t).chars().take(2).collect();
            if !heads.contains(&head) {
                heads.push(head);
            }
        }
        Marks {
            terms,
            phrases,
            heads,
        }
    }

    /// Whether nothing would be marked.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.phrases.is_empty()
    }
}

/// The words of a text with whether each is marked.
pub struct Marked<'a> {
    /// The words, in order.
    pub tokens: Vec<Token<'a>>,
    /// Whether each word is marked.
    pub marked: Vec<bool>,
    /// The term of each word that matched a mark, for counting distinct matches.
    pub terms: Vec<Option<u32>>,
}

/// Words of `text`, marked for `marks`.
pub fn mark<'a>(index: &Index, text: &'a str, marks: &Marks) -> Marked<'a> {
    let tokens: Vec<Token<'a>> = tokens(text).collect();
    let mut terms: Vec<Option<u32>> = Vec::with_capacity(tokens.len());
    for t in &tokens {
        if marks.is_empty() {
            terms.push(None);
            continue;
        }
        let folded = fold(t.text);
        if !marks.heads.iter().any(|h| folded.starts_with(h.as_str())) {
            terms.push(None);
            continue;
        }
        let id = match index.word_id(&folded) {
            Some(w) => Some(index.word_term(w)),
            None => index.term_id(&term(&folded)),
        };
        terms.push(id);
    }
    let mut marked: Vec<bool> = terms
        .iter()
        .map(|t| t.is_some_and(|t| marks.terms.binary_search(&t).is_ok()))
        .collect();
    for phrase in &marks.phrases {
        if phrase.is_empty() || phrase.len() > terms.len() {
            continue;
        }
        for start in 0..=terms.len() - phrase.len() {
            let here = terms[start..start + phrase.len()]
                .iter()
                .zip(phrase)
                .all(|(a, b)| *a == Some(*b));
            if here {
                marked[start..start + phrase.len()].fill(true);
            }
        }
    }
    let terms = terms
        .into_iter()
        .zip(&marked)
        .map(|(t, &m)| t.filter(|_| m))
        .collect();
    Marked {
        tokens,
        marked,
        terms,
    }
}

/// Adds `text` to `out`, joining it to the last segment when the mark agrees.
fn push(out: &mut Vec<Segment>, text: &str, matched: bool) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.matched == matched => last.text.push_str(text),
        _ => out.push(Segment {
            text: text.into(),
            matched,
        }),
    }
}

/// Segments of words `range` of a marked `text`; an ellipsis stands for the
/// text cut before or after.
pub fn segments(text: &str, m: &Marked<'_>, range: std::ops::Range<usize>) -> Vec<Segment> {
    let mut out = Vec::new();
    let len = m.tokens.len();
    let (a, b) = (range.start.min(len), range.end.min(len));
    let cut_start = a > 0;
    let cut_end = b < len;
    let mut pos = if cut_start {
        push(&mut out, "… ", false);
        m.tokens.get(a).map_or(0, |t| t.start)
    } else {
        0
    };
    for i in a..b {
        let t = m.tokens[i];
        let between = text.get(pos..t.start).unwrap_or("");
        let joined = m.marked[i] && i > a && m.marked[i - 1];
        push(&mut out, between, joined);
        push(&mut out, t.text, m.marked[i]);
        pos = t.end;
    }
    if cut_end {
        push(&mut out, " …", false);
    } else {
        push(&mut out, text.get(pos..).unwrap_or(""), false);
    }
    out
}

/// Most marked words of one paragraph considered when choosing a window.
const MAX_ANCHORS: usize = 256;

/// The best window of `words` words among `paragraphs`: most distinct
/// matched terms, then most marked words, then earliest; the opening of the
/// first paragraph when nothing is marked.
pub fn best_window(
    index: &Index,
    paragraphs: &[String],
    marks: &Marks,
    words: usize,
) -> Vec<Segment> {
    let words = words.max(1);
    let mut best: Option<((usize, usize), usize, std::ops::Range<usize>)> = None;
    let mut best_marked: Option<Marked<'_>> = None;
    for (p, text) in paragraphs.iter().enumerate() {
        let m = mark(index, text, marks);
        let anchors: Vec<usize> = (0..m.tokens.len())
            .filter(|&i| m.marked[i])
            .take(MAX_ANCHORS)
            .collect();
        let mut improved = false;
        for (k, &first) in anchors.iter().enumerate() {
            let end = first + words;
            let inside: Vec<usize> = anchors[k..]
                .iter()
                .copied()
                .take_while(|&i| i < end)
                .collect();
            let mut distinct: Vec<u32> = inside.iter().filter_map(|&i| m.terms[i]).collect();
            super::rank::sort_dedup_terms(&mut distinct);
            let key = (distinct.len().max(1), inside.len());
            if best.as_ref().map_or(true, |b| key > b.0) {
                // Centre the matched span in the window.
                let last = inside.last().copied().unwrap_or(first);
                let slack = words.saturating_sub(last - first + 1);
                let start = first
                    .saturating_sub(slack / 2)
                    .min(m.tokens.len().saturating_sub(words));
                best = Some((key, p, start..start + words));
                improved = true;
            }
        }
        if improved {
            best_marked = Some(m);
        }
    }
    match (best, best_marked) {
        (Some((_, p, range)), Some(m)) => segments(&paragraphs[p], &m, range),
        _ => {
            let Some(first) = paragraphs.first() else {
                return Vec::new();
            };
            let m = mark(index, first, marks);
            segments(first, &m, 0..words)
        }
    }
}
