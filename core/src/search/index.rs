//! The inverted index: terms, the words that spell them, and postings with
//! positions, built from a corpus by the archive (for a large embedded one,
//! on its first text query).
//!
//! The embedded archive ships no index: it is built from the corpus blob,
//! reading a large corpus's paragraphs as the symbol numbers the blob stores
//! them as ([`Index::build_from_symbols`], see `crate::corpus::blob`), which
//! gives the same index as [`Index::build`] from the text at a fraction of
//! the cost.
//!
//! # Fields and positions
//!
//! Every statement is four fields, weighted differently when ranking:
//! title, subtitle, entities (label and aliases of every entity it is tagged
//! with, then its signatories' names and roles) and body. Words are numbered
//! in one position space per statement, field after field; each part (an
//! entity name, a paragraph) is followed by one unused position so a phrase
//! never runs across two parts.
//!
//! # Postings
//!
//! Each term's postings are bytes in one buffer; all integers are unsigned
//! LEB128 varints.
//!
//! A term's statement list has, for each statement containing it in corpus
//! order: the statement number minus the previous one (the first: minus
//! zero); one byte whose low four bits say in which fields the term occurs
//! and whose high four bits, when it occurs in one field only and at most 15
//! times, are that count; otherwise the count in each field it occurs in.
//! Its positions are, statement after statement, the term's positions in
//! that statement (as many as its counts add up to) as gaps from the
//! previous one, the first from zero. Keeping positions apart means ranking
//! a word reads a few bytes per statement; only phrases read positions.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::corpus::blob::Bodies;
use crate::corpus::Corpus;
use crate::statement::Statement;
use crate::text::{fold_into, term, tokens};

/// Number of fields of a statement.
pub const FIELDS: usize = 4;
/// Field numbers, in position order.
pub const TITLE: usize = 0;
/// The tagline.
pub const SUBTITLE: usize = 1;
/// Entity labels and aliases, signatories.
pub const ENTITIES: usize = 2;
/// The text.
pub const BODY: usize = 3;

/// Where each field of one statement lies in its position space.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocFields {
    /// First position of each field.
    pub start: [u32; FIELDS],
    /// Number of words in each field.
    pub len: [u32; FIELDS],
}

impl DocFields {
    /// The field a position lies in.
    pub fn field_of(&self, position: u32) -> usize {
        (1..FIELDS)
            .rev()
            .find(|&f| position >= self.start[f])
            .unwrap_or(TITLE)
    }
}

/// The index of one corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    /// Per statement, in corpus order.
    pub docs: Vec<DocFields>,
    /// Mean word count of each field over all statements.
    pub avg_len: [f32; FIELDS],
    /// Terms, sorted, concatenated.
    term_text: String,
    /// End of each term in `term_text`.
    term_end: Vec<u32>,
    /// Number of statements containing each term.
    term_df: Vec<u32>,
    /// End of each term's postings (statement list, then positions) in `postings`.
    term_postings_end: Vec<u32>,
    /// Where each term's positions start in `postings`.
    term_positions_start: Vec<u32>,
    /// Folded words as written in the corpus, sorted, concatenated.
    word_text: String,
    /// End of each word in `word_text`.
    word_end: Vec<u32>,
    /// The term each word is analysed to.
    word_term: Vec<u32>,
    /// Letters (a–z, one bit each; bit 26 for anything else) of each word,
    /// a cheap filter before computing edit distances.
    word_mask: Vec<u32>,
    /// Number of characters of each word, saturated at 255.
    word_chars: Vec<u8>,
    /// Every term's postings.
    postings: Vec<u8>,
}

/// One statement's entry in a term's statement list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// Statement number.
    pub doc: u32,
    /// Occurrences in each field.
    pub tf: [u32; FIELDS],
}

impl Posting {
    /// Number of positions the term has in this statement.
    pub fn count(&self) -> u32 {
        self.tf.iter().fold(0u32, |a, &b| a.saturating_add(b))
    }
}

/// Iterator over a term's statement list.
#[derive(Debug, Clone)]
pub struct Postings<'a> {
    bytes: &'a [u8],
    at: usize,
    doc: u32,
    /// One past the last statement: a damaged list that names a statement
    /// beyond it ends there, so no caller indexes past its tables.
    end: u32,
}

impl Iterator for Postings<'_> {
    type Item = Posting;

    #[inline]
    fn next(&mut self) -> Option<Posting> {
        let delta = read_varint(self.bytes, &mut self.at)?;
        let doc = self.doc.checked_add(delta).filter(|&d| d < self.end)?;
        let header = *self.bytes.get(self.at)?;
        self.at += 1;
        let present = header & 0x0f;
        let mut tf = [0; FIELDS];
        let packed = u32::from(header >> 4);
        if packed > 0 && present.count_ones() == 1 {
            tf[present.trailing_zeros() as usize] = packed;
        } else {
            for (f, slot) in tf.iter_mut().enumerate() {
                if present & (1 << f) != 0 {
                    *slot = read_varint(self.bytes, &mut self.at)?;
                }
            }
        }
        self.doc = doc;
        Some(Posting { doc, tf })
    }
}

/// Reader of a term's positions, statement after statement, in step with
/// its [`Postings`].
#[derive(Debug, Clone)]
pub struct Positions<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Positions<'_> {
    /// Passes over the next statement's `count` positions.
    pub fn skip(&mut self, count: u32) {
        let mut left = count;
        while left > 0 {
            let Some(&b) = self.bytes.get(self.at) else {
                return;
            };
            self.at += 1;
            if b < 0x80 {
                left -= 1;
            }
        }
    }

    /// Keeps in `starts` (sorted) the `s` for which `s + offset` is one of
    /// the next statement's `count` positions, and passes over them. Stops
    /// decoding once past the last start; the rest is skipped.
    pub fn keep_followed(&mut self, count: u32, offset: u32, starts: &mut Vec<u32>) {
        let mut left = count;
        let mut last: u32 = 0;
        let (mut kept, mut k) = (0, 0);
        while left > 0 && k < starts.len() {
            let Some(gap) = read_gap(self.bytes, &mut self.at) else {
                break;
            };
            left -= 1;
            last = last.saturating_add(gap);
            while let Some(&s) = starts.get(k) {
                let want = s.saturating_add(offset);
                if want > last {
                    break;
                }
                if want == last {
                    if let Some(slot) = starts.get_mut(kept) {
                        *slot = s;
                    }
                    kept += 1;
                }
                k += 1;
            }
        }
        starts.truncate(kept);
        self.skip(left);
    }

    /// Reads the next statement's `count` positions into `out` (cleared first).
    pub fn read(&mut self, count: u32, out: &mut Vec<u32>) {
        out.clear();
        let mut last: u32 = 0;
        for _ in 0..count {
            let Some(gap) = read_gap(self.bytes, &mut self.at) else {
                return;
            };
            last = last.saturating_add(gap);
            out.push(last);
        }
    }
}

impl Index {
    /// Indexes every statement of `corpus`.
    pub fn build(corpus: &Corpus) -> Index {
        Builder::default().build(corpus, None)
    }

    /// Indexes every statement of `corpus`, reading the bodies from the
    /// symbol numbers of its blob rather than from the text: the same index
    /// as [`Index::build`], built without looking up every word.
    #[cfg(ima_symbols)]
    pub fn build_from_symbols(corpus: &Corpus, bodies: &Bodies<'_>) -> Index {
        Builder::default().build(corpus, Some(bodies))
    }

    /// Number of terms.
    pub fn term_count(&self) -> usize {
        self.term_end.len()
    }

    /// Number of distinct words.
    pub fn word_count(&self) -> usize {
        self.word_end.len()
    }

    /// Heap bytes held by the index.
    pub fn heap_size(&self) -> usize {
        self.term_text.capacity()
            + self.word_text.capacity()
            + self.postings.capacity()
            + 4 * (self.term_end.capacity()
                + self.term_df.capacity()
                + self.term_postings_end.capacity()
                + self.term_positions_start.capacity()
                + self.word_end.capacity()
                + self.word_term.capacity()
                + self.word_mask.capacity())
            + self.word_chars.capacity()
            + self.docs.capacity() * std::mem::size_of::<DocFields>()
    }

    /// Text of term `t`.
    pub fn term_text(&self, t: u32) -> &str {
        let t = t as usize;
        let start = if t == 0 {
            0
        } else {
            self.term_end.get(t - 1).map_or(0, |&e| e as usize)
        };
        let end = self.term_end.get(t).map_or(start, |&e| e as usize);
        self.term_text.get(start..end).unwrap_or("")
    }

    /// The number of the term with this text.
    pub fn term_id(&self, text: &str) -> Option<u32> {
        let n = self.term_end.len();
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.term_text(mid as u32).cmp(text) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return u32::try_from(mid).ok(),
            }
        }
        None
    }

    /// Number of statements containing term `t`.
    pub fn df(&self, t: u32) -> u32 {
        self.term_df.get(t as usize).copied().unwrap_or(0)
    }

    /// Byte ranges of term `t`'s statement list and positions.
    fn postings_ranges(&self, t: u32) -> (Range<usize>, Range<usize>) {
        let t = t as usize;
        let start = if t == 0 {
            0
        } else {
            self.term_postings_end.get(t - 1).map_or(0, |&e| e as usize)
        };
        let end = self.term_postings_end.get(t).map_or(start, |&e| e as usize);
        let split = self
            .term_positions_start
            .get(t)
            .map_or(end, |&e| e as usize)
            .clamp(start, end);
        (start..split, split..end)
    }

    /// The statement list of term `t`.
    pub fn postings(&self, t: u32) -> Postings<'_> {
        let (docs, _) = self.postings_ranges(t);
        Postings {
            bytes: self.postings.get(docs).unwrap_or(&[]),
            at: 0,
            doc: 0,
            end: u32::try_from(self.docs.len()).unwrap_or(u32::MAX),
        }
    }

    /// The positions of term `t`, to read in step with [`Index::postings`].
    pub fn positions(&self, t: u32) -> Positions<'_> {
        let (_, positions) = self.postings_ranges(t);
        Positions {
            bytes: self.postings.get(positions).unwrap_or(&[]),
            at: 0,
        }
    }

    /// Folded text of word `w`.
    pub fn word_text(&self, w: usize) -> &str {
        let start = if w == 0 {
            0
        } else {
            self.word_end.get(w - 1).map_or(0, |&e| e as usize)
        };
        let end = self.word_end.get(w).map_or(start, |&e| e as usize);
        self.word_text.get(start..end).unwrap_or("")
    }

    /// The term of word `w`.
    pub fn word_term(&self, w: usize) -> u32 {
        self.word_term.get(w).copied().unwrap_or(0)
    }

    /// Letter mask of word `w` (see [`letter_mask`]).
    pub fn word_mask(&self, w: usize) -> u32 {
        self.word_mask.get(w).copied().unwrap_or(0)
    }

    /// Character count of word `w`, saturated at 255.
    pub fn word_chars(&self, w: usize) -> u8 {
        self.word_chars.get(w).copied().unwrap_or(0)
    }

    /// The number of the word with this folded text.
    pub fn word_id(&self, folded: &str) -> Option<usize> {
        let r = self.words_from(folded);
        (r < self.word_end.len() && self.word_text(r) == folded).then_some(r)
    }

    /// The words starting with `prefix`.
    pub fn words_with_prefix(&self, prefix: &str) -> Range<usize> {
        let start = self.words_from(prefix);
        let mut end = start;
        // Bounded by the number of words; callers cap what they take.
        while end < self.word_end.len() && self.word_text(end).starts_with(prefix) {
            end += 1;
        }
        start..end
    }

    /// First word not sorting before `text`.
    fn words_from(&self, text: &str) -> usize {
        let (mut lo, mut hi) = (0, self.word_end.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.word_text(mid) < text {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Fills the values derived from the stored ones.
    fn finish(&mut self) {
        let n = self.docs.len().max(1) as f32;
        for f in 0..FIELDS {
            let total: f64 = self.docs.iter().map(|d| f64::from(d.len[f])).sum();
            self.avg_len[f] = (total as f32 / n).max(1.0);
        }
        let n = self.word_end.len();
        let (mut masks, mut chars) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for w in 0..n {
            let text = self.word_text(w);
            masks.push(letter_mask(text));
            chars.push(text.chars().count().min(255) as u8);
        }
        self.word_mask = masks;
        self.word_chars = chars;
    }
}

/// One bit per letter a–z present in `word`, bit 26 for any other character.
/// An edit changes at most two bits, so words whose masks differ in more than
/// two bits per allowed edit cannot be that close.
pub fn letter_mask(word: &str) -> u32 {
    word.chars().fold(0, |mask, c| mask | letter_bit(c))
}

/// [`letter_mask`] of a word given as characters.
pub fn letter_mask_chars(word: &[char]) -> u32 {
    word.iter().fold(0, |mask, &c| mask | letter_bit(c))
}

fn letter_bit(c: char) -> u32 {
    if c.is_ascii_lowercase() {
        1 << (c as u32 - 'a' as u32)
    } else {
        1 << 26
    }
}

/// A fast hash for the builder's word tables: their keys are corpus words,
/// not visitor input, so SipHash's flooding resistance buys nothing, and
/// hashing every word of the corpus is most of what indexing costs.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap = HashMap<String, u32, BuildHasherDefault<WordHasher>>;

/// Accumulates postings statement by statement.
#[derive(Default)]
struct Builder {
    /// Folded word → its term (memoized: stemming is the costly step).
    word_terms: WordMap,
    /// Term text → number (in order of first appearance).
    term_ids: WordMap,
    /// Scratch space for folding a word.
    folded: String,
    terms: Vec<TermBuf>,
}

/// What the builder learns once and reuses when it reads a large corpus
/// from its blob's symbols.
#[cfg(ima_symbols)]
#[derive(Default)]
struct Seen {
    /// Symbol number of the blob → its term, [`UNSEEN`] or [`NOT_A_WORD`].
    symbol_terms: Vec<u32>,
    /// Per entity once met, the terms of its names, each name followed by
    /// [`NOT_A_WORD`].
    entity_terms: Vec<Option<Vec<u32>>>,
}

/// A symbol whose term is not known yet.
#[cfg(ima_symbols)]
const UNSEEN: u32 = u32::MAX;
/// A symbol that is a run between words; after an entity's name, its end.
#[cfg(ima_symbols)]
const NOT_A_WORD: u32 = u32::MAX - 1;

#[derive(Default)]
struct TermBuf {
    df: u32,
    last_doc: u32,
    docs: Vec<u8>,
    positions: Vec<u8>,
    /// The statement being indexed, plus one, once the term occurs in it.
    seen_in: u32,
    /// Its occurrences there, by field.
    tf: [u32; FIELDS],
    /// Its last position there.
    last_position: u32,
}

/// The statement being indexed.
#[derive(Default)]
struct Doc {
    /// Its number plus one (what [`TermBuf::seen_in`] holds).
    mark: u32,
    fields: DocFields,
    /// Next free position.
    position: u32,
    /// The terms met in it, whose statement lists it ends.
    touched: Vec<u32>,
}

impl Doc {
    /// Starts `field` at the next position.
    fn open(&mut self, field: usize) {
        self.fields.start[field] = self.position;
    }
}

/// An index being built a few statements at a time, so that a page can
/// build a large archive's index in slices while it is idle instead of in
/// one long task at the first query: [`Indexing::step`] indexes the next
/// statements, [`Indexing::finish`] makes the index. Built in any number of
/// steps, the index is the one [`Index::build`] makes. (A small archive's
/// index is built with it, at once: its module has no `Indexing`.)
#[cfg(ima_symbols)]
pub struct Indexing {
    builder: Builder,
    seen: Seen,
    docs: Vec<DocFields>,
    d: Doc,
}

#[cfg(ima_symbols)]
impl Indexing {
    /// Nothing indexed yet.
    pub fn new(corpus: &Corpus) -> Indexing {
        Indexing {
            builder: Builder::default(),
            seen: Seen::default(),
            docs: Vec::with_capacity(corpus.statements.len()),
            d: Doc::default(),
        }
    }

    /// Statements indexed so far.
    pub fn done(&self) -> usize {
        self.docs.len()
    }

    /// Indexes up to `count` more statements of `corpus` (its bodies read
    /// from `bodies`, the symbols of its blob, when given); true once every
    /// statement is indexed.
    pub fn step(&mut self, corpus: &Corpus, bodies: Option<&Bodies<'_>>, count: usize) -> bool {
        let from = self.docs.len();
        for (doc, s) in corpus.statements.iter().enumerate().skip(from).take(count) {
            self.builder.statement(
                &mut self.d,
                &mut self.docs,
                corpus,
                bodies,
                doc as u32,
                s,
                &mut self.seen,
            );
        }
        self.docs.len() >= corpus.statements.len()
    }

    /// The index of the statements indexed.
    pub fn finish(self) -> Index {
        self.builder.finish(self.docs)
    }
}

impl Builder {
    fn build(mut self, corpus: &Corpus, bodies: Option<&Bodies<'_>>) -> Index {
        #[cfg(ima_symbols)]
        let mut seen = Seen::default();
        let mut docs = Vec::with_capacity(corpus.statements.len());
        let mut d = Doc::default();
        for (doc, s) in corpus.statements.iter().enumerate() {
            self.statement(
                &mut d,
                &mut docs,
                corpus,
                bodies,
                doc as u32,
                s,
                #[cfg(ima_symbols)]
                &mut seen,
            );
        }
        self.finish(docs)
    }

    /// Indexes statement `s`, number `doc`, with `d` as its scratch record;
    /// its field lengths and starts go to `docs`.
    #[allow(clippy::too_many_arguments)]
    fn statement(
        &mut self,
        d: &mut Doc,
        docs: &mut Vec<DocFields>,
        corpus: &Corpus,
        bodies: Option<&Bodies<'_>>,
        doc: u32,
        s: &Statement,
        #[cfg(ima_symbols)] seen: &mut Seen,
    ) {
        d.mark = doc + 1;
        d.fields = DocFields::default();
        d.position = 0;
        d.open(TITLE);
        self.part(d, TITLE, &s.title);
        d.open(SUBTITLE);
        if let Some(subtitle) = &s.subtitle {
            self.part(d, SUBTITLE, subtitle);
        }
        d.open(ENTITIES);
        for &tag in &s.tags {
            #[cfg(ima_symbols)]
            self.entity_part(d, corpus, tag, &mut seen.entity_terms);
            // A small archive's module indexes the names as it meets
            // them, with less code (see `blob::SYMBOLS`).
            #[cfg(not(ima_symbols))]
            if let Some(e) = corpus.vocabulary.entity(tag) {
                for name in std::iter::once(&e.label).chain(&e.aliases) {
                    self.part(d, ENTITIES, name);
                }
            }
        }
        for signatory in &s.signatories {
            self.part(d, ENTITIES, &signatory.name);
            if let Some(role) = &signatory.role {
                self.part(d, ENTITIES, role);
            }
        }
        d.open(BODY);
        #[cfg(ima_symbols)]
        let from_symbols = bodies
            .map(|b| self.symbol_parts(d, b, doc as usize, &mut seen.symbol_terms))
            .is_some();
        #[cfg(not(ima_symbols))]
        let from_symbols = {
            let _ = bodies;
            false
        };
        if !from_symbols {
            for paragraph in s.body.paragraphs().iter() {
                self.part(d, BODY, paragraph);
            }
        }
        docs.push(std::mem::take(&mut d.fields));
        // Each term met ends its statement list with this statement; its
        // positions here are written already, in order.
        for &t in &d.touched {
            let Some(buf) = self.terms.get_mut(t as usize) else {
                continue;
            };
            let tf = buf.tf;
            write_varint(&mut buf.docs, doc - buf.last_doc);
            buf.last_doc = doc;
            buf.df += 1;
            let present = (0..FIELDS).fold(0u8, |m, f| m | (u8::from(tf[f] > 0) << f));
            let total: u32 = tf.iter().sum();
            if present.count_ones() == 1 && total <= 15 {
                buf.docs.push(present | (total as u8) << 4);
            } else {
                buf.docs.push(present);
                for count in tf.into_iter().filter(|&c| c > 0) {
                    write_varint(&mut buf.docs, count);
                }
            }
        }
        d.touched.clear();
    }

    /// Adds one part of a field (a title, an entity name, a paragraph),
    /// then leaves one position unused so phrases stop at its end.
    fn part(&mut self, d: &mut Doc, field: usize, text: &str) {
        for token in tokens(text) {
            let t = self.term_of(token.text);
            self.occur(d, t, field);
        }
        d.position = d.position.saturating_add(1);
    }

    /// Adds the names of entity `tag` (label, then aliases), as
    /// [`Builder::part`] adds each: their terms are found once per entity,
    /// not once per statement tagged with it.
    #[cfg(ima_symbols)]
    fn entity_part(
        &mut self,
        d: &mut Doc,
        corpus: &Corpus,
        tag: u16,
        entity_terms: &mut Vec<Option<Vec<u32>>>,
    ) {
        let Some(e) = corpus.vocabulary.entity(tag) else {
            return;
        };
        let at = usize::from(tag);
        if entity_terms.len() <= at {
            entity_terms.resize(at + 1, None);
        }
        if entity_terms.get(at).is_some_and(Option::is_none) {
            let mut names = Vec::new();
            for name in std::iter::once(&e.label).chain(&e.aliases) {
                for token in tokens(name) {
                    names.push(self.term_of(token.text));
                }
                names.push(NOT_A_WORD);
            }
            if let Some(slot) = entity_terms.get_mut(at) {
                *slot = Some(names);
            }
        }
        let Some(Some(names)) = entity_terms.get(at) else {
            return;
        };
        for &t in names {
            if t == NOT_A_WORD {
                d.position = d.position.saturating_add(1);
            } else {
                self.occur(d, t, ENTITIES);
            }
        }
    }

    /// Adds the paragraphs of statement `doc`'s body from their symbols,
    /// exactly as [`Builder::part`] adds each paragraph's text: the words are
    /// the word symbols, and one position is left unused after each.
    #[cfg(ima_symbols)]
    fn symbol_parts(
        &mut self,
        d: &mut Doc,
        bodies: &Bodies<'_>,
        doc: usize,
        symbol_terms: &mut Vec<u32>,
    ) {
        if symbol_terms.is_empty() {
            symbol_terms.resize(bodies.symbol_count(), UNSEEN);
        }
        bodies.walk(doc, |symbol| {
            let Some(n) = symbol else {
                d.position = d.position.saturating_add(1);
                return;
            };
            let Some(slot) = symbol_terms.get_mut(n) else {
                return;
            };
            if *slot == UNSEEN {
                *slot = match bodies.symbol(n) {
                    Some((text, true)) => self.term_of(text),
                    _ => NOT_A_WORD,
                };
            }
            if *slot != NOT_A_WORD {
                self.occur(d, *slot, BODY);
            }
        });
    }

    /// Records term `t` at the next position of statement `d`, in `field`.
    fn occur(&mut self, d: &mut Doc, t: u32, field: usize) {
        if let Some(buf) = self.terms.get_mut(t as usize) {
            if buf.seen_in != d.mark {
                buf.seen_in = d.mark;
                buf.tf = [0; FIELDS];
                buf.last_position = 0;
                d.touched.push(t);
            }
            if let Some(tf) = buf.tf.get_mut(field) {
                *tf += 1;
            }
            write_varint(&mut buf.positions, d.position - buf.last_position);
            buf.last_position = d.position;
        }
        d.position = d.position.saturating_add(1);
        if let Some(len) = d.fields.len.get_mut(field) {
            *len += 1;
        }
    }

    /// The term number of a word as written, creating it on first sight.
    #[inline]
    fn term_of(&mut self, word: &str) -> u32 {
        let mut folded = std::mem::take(&mut self.folded);
        fold_into(word, &mut folded);
        let t = match self.word_terms.get(folded.as_str()) {
            Some(&t) => t,
            None => {
                let next = self.terms.len() as u32;
                let t = *self.term_ids.entry(term(&folded)).or_insert(next);
                if t == next {
                    self.terms.push(TermBuf::default());
                }
                // `entry` as for the terms: the module then holds one copy
                // of the table's insertion code, not two.
                self.word_terms.entry(folded.clone()).or_insert(t);
                t
            }
        };
        self.folded = folded;
        t
    }

    fn finish(self, docs: Vec<DocFields>) -> Index {
        let mut by_text: Vec<(String, u32)> = self.term_ids.into_iter().collect();
        by_text.sort_unstable();
        let mut renumber = vec![0u32; by_text.len()];
        let mut index = Index {
            docs,
            ..Index::default()
        };
        let mut terms = self.terms;
        // One allocation for every term's postings, rather than doubling
        // (and copying) while they are appended.
        let total: usize = terms.iter().map(|t| t.docs.len() + t.positions.len()).sum();
        index.postings.reserve_exact(total);
        for (new, (text, old)) in by_text.iter().enumerate() {
            renumber[*old as usize] = new as u32;
            index.term_text.push_str(text);
            index.term_end.push(index.term_text.len() as u32);
            let buf = std::mem::take(&mut terms[*old as usize]);
            index.term_df.push(buf.df);
            index.postings.extend_from_slice(&buf.docs);
            index.term_positions_start.push(index.postings.len() as u32);
            index.postings.extend_from_slice(&buf.positions);
            index.term_postings_end.push(index.postings.len() as u32);
        }
        let mut words: Vec<(String, u32)> = self.word_terms.into_iter().collect();
        words.sort_unstable();
        for (text, t) in words {
            index.word_text.push_str(&text);
            index.word_end.push(index.word_text.len() as u32);
            index.word_term.push(renumber[t as usize]);
        }
        index.finish();
        index
    }
}

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads one varint at `*at`, advancing it; `None` at the end or on overflow.
#[inline]
fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let first = *bytes.get(*at)?;
    *at += 1;
    if first < 0x80 {
        return Some(u32::from(first));
    }
    let mut value = u32::from(first & 0x7f);
    let mut shift = 7;
    loop {
        let byte = *bytes.get(*at)?;
        *at += 1;
        if shift == 28 && byte > 0x0f {
            return None;
        }
        value |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
        shift += 7;
        if shift > 28 {
            return None;
        }
    }
}

/// Reads one position gap at `*at` like [`read_varint`], but takes the one-
/// and two-byte forms that nearly all gaps have without branching on which:
/// the two are mixed about evenly in a common word's positions, so that
/// branch would be mispredicted half of the time.
#[inline(always)]
fn read_gap(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let Some(&[b0, b1]) = bytes.get(*at..at.wrapping_add(2)) else {
        return read_varint(bytes, at);
    };
    if b0 & b1 & 0x80 != 0 {
        return read_varint(bytes, at);
    }
    let two = u32::from(b0 >> 7);
    *at += 1 + two as usize;
    Some(u32::from(b0 & 0x7f) | ((u32::from(b1 & 0x7f) << 7) * two))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(all(ima_symbols, not(target_arch = "wasm32")))]
    fn the_index_built_from_symbols_is_the_one_built_from_text() {
        let real = crate::testing::archive()
            .expect("the embedded corpus decodes")
            .corpus()
            .clone();
        for corpus in [real.clone(), crate::synth::corpus(&real, 150)] {
            let blob = crate::corpus::blob::encode_as(&corpus, true);
            let (decoded, bodies) =
                crate::corpus::blob::decode_with_bodies(&blob).expect("decodes");
            let bodies = bodies.expect("stored as symbols");
            assert_eq!(decoded, corpus);
            assert_eq!(
                Index::build_from_symbols(&decoded, &bodies),
                Index::build(&corpus)
            );
        }
    }

    #[test]
    #[cfg(all(ima_symbols, not(target_arch = "wasm32")))]
    fn an_index_built_in_steps_is_the_one_built_at_once() {
        let (corpus, blob) = crate::testing::large(150);
        let (decoded, bodies) = crate::corpus::blob::decode_with_bodies(blob).expect("decodes");
        let bodies = bodies.expect("stored as symbols");
        let whole = Index::build(&corpus);
        for count in [1, 7, 64, 150, 1000] {
            for bodies in [None, Some(&bodies)] {
                let mut indexing = Indexing::new(&decoded);
                let mut steps = 1;
                while !indexing.step(&decoded, bodies, count) {
                    assert_eq!(indexing.done(), count * steps);
                    steps += 1;
                }
                assert_eq!(steps, 150usize.div_ceil(count), "{count}");
                assert!(indexing.finish() == whole, "{count} at a time");
            }
        }
    }

    #[test]
    fn varints_round_trip_and_reject_overflow() {
        for v in [0, 1, 127, 128, 300, u32::MAX] {
            let mut out = Vec::new();
            write_varint(&mut out, v);
            let mut at = 0;
            assert_eq!(read_varint(&out, &mut at), Some(v));
            assert_eq!(at, out.len());
        }
        let mut at = 0;
        assert_eq!(read_varint(&[0xff, 0xff, 0xff, 0xff, 0x7f], &mut at), None);
        let mut at = 0;
        assert_eq!(read_varint(&[0x80], &mut at), None);
    }

    #[test]
    fn positions_skip_and_keep_in_step_over_mixed_gap_widths() {
        // Three statements' positions, gaps of one, two and three bytes.
        let lists: [&[u32]; 3] = [
            &[
                1, 2, 200, 201, 20_000, 20_001, 20_100, 20_101, 20_102, 30_000,
            ],
            &[5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 500],
            &[3, 4],
        ];
        let mut bytes = Vec::new();
        for list in lists {
            let mut last = 0;
            for &p in list {
                write_varint(&mut bytes, p - last);
                last = p;
            }
        }
        let reader = || Positions {
            bytes: &bytes,
            at: 0,
        };
        for skipped in 0..lists.len() {
            let mut r = reader();
            for list in &lists[..skipped] {
                r.skip(list.len() as u32);
            }
            let mut out = Vec::new();
            let rest = &lists[skipped..];
            r.read(rest[0].len() as u32, &mut out);
            assert_eq!(out, rest[0]);
        }
        let mut r = reader();
        let mut starts = vec![0, 1, 199, 20_099, 20_100, 29_999, 40_000];
        r.keep_followed(lists[0].len() as u32, 1, &mut starts);
        assert_eq!(starts, [0, 1, 199, 20_099, 20_100, 29_999]);
        let mut starts = vec![4, 10, 16];
        r.keep_followed(lists[1].len() as u32, 2, &mut starts);
        assert_eq!(starts, [4, 10]);
        let mut out = Vec::new();
        r.read(2, &mut out);
        assert_eq!(out, [3, 4]);
    }
}
