//! The inverted index: terms, the words that spell them, and postings with
//! positions, built from a corpus and stored as a compact blob.
//!
//! This file is also compiled by `build.rs` (through `#[path]`), which builds
//! the index of a large embedded corpus at compile time so loading it costs a
//! decode, not a re-analysis of every statement. It may therefore only use
//! `crate::text`, `crate::corpus`, `crate::statement` and `crate::vocabulary`.
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
//! # Blob layout
//!
//! All integers are unsigned LEB128 varints unless said otherwise; a string
//! is its byte length then its UTF-8 bytes.
//!
//! ```text
//! b"IMAI"                     4 bytes  magic
//! FORMAT_VERSION              1 byte   bumped whenever this layout changes
//! fingerprint                 8 bytes  little-endian, see `fingerprint`
//! docs: n, then per statement 4 × (field start position, field word count)
//! terms: n, then per term (sorted by bytes) its text, document frequency,
//!        byte length of its statement list, byte length of its positions
//! words: n, then per word (sorted by bytes) its folded text, term number
//! postings: byte length, then for every term in term order its statement
//!        list, then its positions
//! ```
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

use crate::corpus::Corpus;
use crate::text::{fold_into, term, tokens};

/// Magic of the index blob.
const MAGIC: &[u8; 4] = b"IMAI";
/// Version of the blob layout above.
const FORMAT_VERSION: u8 = 2;

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
    /// Identifies the corpus the index was built from.
    pub fingerprint: u64,
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

/// The embedded index could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexError {
    /// The blob does not start with the index magic.
    NotAnIndex,
    /// The blob was written by another version of this library.
    Version(u8),
    /// The blob is damaged.
    Malformed,
    /// The blob indexes another corpus.
    OtherCorpus,
}

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IndexError::NotAnIndex => "the embedded search index is missing its header",
            IndexError::Version(_) => "the embedded search index has another format version",
            IndexError::Malformed => "the embedded search index is damaged",
            IndexError::OtherCorpus => "the embedded search index belongs to another corpus",
        })
    }
}

impl std::error::Error for IndexError {}

/// A 64-bit FNV-1a hash of the statements' ids and text sizes: enough to tell
/// that an index was built from another corpus.
///
/// Sizes are hashed as `u64` so the value is the same in `build.rs` (64-bit)
/// and in the 32-bit WebAssembly module that checks it.
pub fn fingerprint(corpus: &Corpus) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    let size = |n: usize| (n as u64).to_le_bytes();
    for s in &corpus.statements {
        eat(s.id.as_bytes());
        eat(&size(s.title.len()));
        eat(&size(s.body.iter().map(String::len).sum()));
        eat(&size(s.tags.len()));
    }
    eat(&size(corpus.vocabulary.entities.len()));
    hash
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
        Builder::default().build(corpus)
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

    /// Encodes the index in the blob layout.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(FORMAT_VERSION);
        out.extend_from_slice(&self.fingerprint.to_le_bytes());
        write_varint(&mut out, self.docs.len() as u32);
        for d in &self.docs {
            for f in 0..FIELDS {
                write_varint(&mut out, d.start[f]);
                write_varint(&mut out, d.len[f]);
            }
        }
        write_varint(&mut out, self.term_end.len() as u32);
        let mut postings_start = 0;
        for t in 0..self.term_end.len() {
            write_str(&mut out, self.term_text(t as u32));
            write_varint(&mut out, self.term_df[t]);
            let split = self.term_positions_start[t];
            let end = self.term_postings_end[t];
            write_varint(&mut out, split - postings_start);
            write_varint(&mut out, end - split);
            postings_start = end;
        }
        write_varint(&mut out, self.word_end.len() as u32);
        for w in 0..self.word_end.len() {
            write_str(&mut out, self.word_text(w));
            write_varint(&mut out, self.word_term[w]);
        }
        write_varint(&mut out, self.postings.len() as u32);
        out.extend_from_slice(&self.postings);
        out
    }

    /// Decodes a blob written by [`Index::to_bytes`], checking that it was
    /// built from a corpus with this fingerprint.
    pub fn from_bytes(bytes: &[u8], fingerprint: u64) -> Result<Index, IndexError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(IndexError::NotAnIndex)?;
        let (&version, rest) = rest.split_first().ok_or(IndexError::NotAnIndex)?;
        if version != FORMAT_VERSION {
            return Err(IndexError::Version(version));
        }
        let stamp = rest.get(..8).ok_or(IndexError::Malformed)?;
        let mut stamp_bytes = [0; 8];
        stamp_bytes.copy_from_slice(stamp);
        if u64::from_le_bytes(stamp_bytes) != fingerprint {
            return Err(IndexError::OtherCorpus);
        }
        decode(rest.get(8..).ok_or(IndexError::Malformed)?, fingerprint)
            .ok_or(IndexError::Malformed)
    }

    /// Fills the values derived from the stored ones.
    fn finish(&mut self) {
        let n = self.docs.len().max(1) as f32;
        for f in 0..FIELDS {
            let total: f64 = self.docs.iter().map(|d| f64::from(d.len[f])).sum();
            self.avg_len[f] = (total as f32 / n).max(1.0);
        }
        self.word_mask = (0..self.word_end.len())
            .map(|w| letter_mask(self.word_text(w)))
            .collect();
        self.word_chars = (0..self.word_end.len())
            .map(|w| self.word_text(w).chars().count().min(255) as u8)
            .collect();
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

fn decode(bytes: &[u8], fingerprint: u64) -> Option<Index> {
    let mut at = 0;
    let mut index = Index {
        fingerprint,
        ..Index::default()
    };
    let n_docs = read_varint(bytes, &mut at)? as usize;
    index.docs.reserve(n_docs.min(bytes.len()));
    for _ in 0..n_docs {
        let mut d = DocFields::default();
        for f in 0..FIELDS {
            d.start[f] = read_varint(bytes, &mut at)?;
            d.len[f] = read_varint(bytes, &mut at)?;
        }
        index.docs.push(d);
    }
    let n_terms = read_varint(bytes, &mut at)? as usize;
    let mut term_text = Vec::new();
    let mut postings_end: u32 = 0;
    for _ in 0..n_terms.min(bytes.len()) {
        term_text.extend_from_slice(read_bytes(bytes, &mut at)?);
        index.term_end.push(u32::try_from(term_text.len()).ok()?);
        index.term_df.push(read_varint(bytes, &mut at)?);
        postings_end = postings_end.checked_add(read_varint(bytes, &mut at)?)?;
        index.term_positions_start.push(postings_end);
        postings_end = postings_end.checked_add(read_varint(bytes, &mut at)?)?;
        index.term_postings_end.push(postings_end);
    }
    let n_words = read_varint(bytes, &mut at)? as usize;
    let mut word_text = Vec::new();
    for _ in 0..n_words.min(bytes.len()) {
        word_text.extend_from_slice(read_bytes(bytes, &mut at)?);
        index.word_end.push(u32::try_from(word_text.len()).ok()?);
        let t = read_varint(bytes, &mut at)?;
        if t as usize >= n_terms {
            return None;
        }
        index.word_term.push(t);
    }
    index.postings = read_bytes(bytes, &mut at)?.to_vec();
    if at != bytes.len() || index.postings.len() != postings_end as usize {
        return None;
    }
    index.term_text = String::from_utf8(term_text).ok()?;
    index.word_text = String::from_utf8(word_text).ok()?;
    // Every end must fall on a character boundary for the slicing getters.
    let on_boundaries =
        |text: &str, ends: &[u32]| ends.iter().all(|&e| text.is_char_boundary(e as usize));
    if !on_boundaries(&index.term_text, &index.term_end)
        || !on_boundaries(&index.word_text, &index.word_end)
    {
        return None;
    }
    index.finish();
    Some(index)
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

#[derive(Default)]
struct TermBuf {
    df: u32,
    last_doc: u32,
    docs: Vec<u8>,
    positions: Vec<u8>,
}

/// The statement being indexed.
#[derive(Default)]
struct Doc {
    fields: DocFields,
    /// Next free position.
    position: u32,
    /// Every word as its term number and position, `term << 32 | position`:
    /// sorted, it lists each term's positions in order.
    occurrences: Vec<u64>,
}

impl Doc {
    /// Starts `field` at the next position.
    fn open(&mut self, field: usize) {
        self.fields.start[field] = self.position;
    }
}

impl Builder {
    fn build(mut self, corpus: &Corpus) -> Index {
        let mut docs = Vec::with_capacity(corpus.statements.len());
        let mut d = Doc::default();
        for (doc, s) in corpus.statements.iter().enumerate() {
            let doc = doc as u32;
            d.fields = DocFields::default();
            d.position = 0;
            d.open(TITLE);
            self.part(&mut d, TITLE, &s.title);
            d.open(SUBTITLE);
            if let Some(subtitle) = &s.subtitle {
                self.part(&mut d, SUBTITLE, subtitle);
            }
            d.open(ENTITIES);
            for &tag in &s.tags {
                if let Some(e) = corpus.vocabulary.entity(tag) {
                    for name in std::iter::once(&e.label).chain(&e.aliases) {
                        self.part(&mut d, ENTITIES, name);
                    }
                }
            }
            for signatory in &s.signatories {
                self.part(&mut d, ENTITIES, &signatory.name);
                if let Some(role) = &signatory.role {
                    self.part(&mut d, ENTITIES, role);
                }
            }
            d.open(BODY);
            for paragraph in &s.body {
                self.part(&mut d, BODY, paragraph);
            }
            let fields = d.fields;
            docs.push(fields);
            d.occurrences.sort_unstable();
            for run in d.occurrences.chunk_by(|a, b| a >> 32 == b >> 32) {
                let Some(&first) = run.first() else {
                    continue;
                };
                let Some(buf) = self.terms.get_mut((first >> 32) as usize) else {
                    continue;
                };
                let mut tf = [0u32; FIELDS];
                for &o in run {
                    tf[fields.field_of(o as u32)] += 1;
                }
                write_varint(&mut buf.docs, doc - buf.last_doc);
                buf.last_doc = doc;
                buf.df += 1;
                let present = (0..FIELDS).fold(0u8, |m, f| m | (u8::from(tf[f] > 0) << f));
                let total = run.len();
                if present.count_ones() == 1 && total <= 15 {
                    buf.docs.push(present | (total as u8) << 4);
                } else {
                    buf.docs.push(present);
                    for count in tf.into_iter().filter(|&c| c > 0) {
                        write_varint(&mut buf.docs, count);
                    }
                }
                let mut last = 0;
                for &o in run {
                    let p = o as u32;
                    write_varint(&mut buf.positions, p - last);
                    last = p;
                }
            }
            d.occurrences.clear();
        }
        self.finish(corpus, docs)
    }

    /// Adds one part of a field (a title, an entity name, a paragraph),
    /// then leaves one position unused so phrases stop at its end.
    fn part(&mut self, d: &mut Doc, field: usize, text: &str) {
        for token in tokens(text) {
            let t = self.term_of(token.text);
            d.occurrences
                .push(u64::from(t) << 32 | u64::from(d.position));
            d.position = d.position.saturating_add(1);
            d.fields.len[field] += 1;
        }
        d.position = d.position.saturating_add(1);
    }

    /// The term number of a word as written, creating it on first sight.
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

    fn finish(self, corpus: &Corpus, docs: Vec<DocFields>) -> Index {
        let mut by_text: Vec<(String, u32)> = self.term_ids.into_iter().collect();
        by_text.sort_unstable();
        let mut renumber = vec![0u32; by_text.len()];
        let mut index = Index {
            fingerprint: fingerprint(corpus),
            docs,
            ..Index::default()
        };
        let mut terms = self.terms;
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

fn write_str(out: &mut Vec<u8>, text: &str) {
    write_varint(out, text.len() as u32);
    out.extend_from_slice(text.as_bytes());
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

fn read_bytes<'a>(bytes: &'a [u8], at: &mut usize) -> Option<&'a [u8]> {
    let len = read_varint(bytes, at)? as usize;
    let end = at.checked_add(len)?;
    let slice = bytes.get(*at..end)?;
    *at = end;
    Some(slice)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_list_naming_a_statement_past_the_last_ends_there() {
        use crate::search::tests::statement;
        let corpus = Corpus {
            statements: vec![
                statement("a", "migrants", &["migrants"], &[]),
                statement("b", "rights", &["rights"], &[]),
            ],
            ..Corpus::default()
        };
        let index = Index::build(&corpus);
        let blob = index.to_bytes();
        let stamp = fingerprint(&corpus);
        // The postings close the blob, the first term's statement list
        // first: its first byte is that statement's number, a one-byte varint.
        let first = blob.len() - index.postings.len();
        assert!(blob[first] < 2);
        let mut damaged = blob.clone();
        damaged[first] = 2;
        let loaded = Index::from_bytes(&damaged, stamp).expect("still well formed");
        assert_eq!(loaded.postings(0).count(), 0);
        assert_eq!(index.postings(0).count(), 1);
        for t in 0..loaded.term_end.len() as u32 {
            assert!(loaded.postings(t).all(|p| p.doc < 2));
        }
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
