//! The embedded corpus blob: written by `build.rs`, read when the archive
//! loads.
//!
//! The layout is the library's own, read by a few small functions rather
//! than a generic serialization framework, so the shipped module carries
//! little decoding code:
//!
//! ```text
//! blob       = b"IMAC" version:u8 (text | symbols) count kind* count entity*
//!              count broader*
//! text       = 0:u8 count statement(body = count paragraph:str*)*
//! symbols    = 1:u8 count symbol:str* count block* count statement(body = none)*
//! block      = count length:num* size:num deflated
//! statement  = id:str title:str subtitle:opt kind:str date:str approximate:opt
//!              count signatory* source:str excerpt:u8 count related:str*
//!              count tag:num* body
//! signatory  = name:str role:opt
//! kind       = slug:str label:str
//! entity     = facet:u8 slug:str label:str count alias:str*
//! broader    = entity:num broader-entity:num (for the entities that have one)
//!
//! deflated   = `size` bytes of raw DEFLATE (RFC 1951): the block's bodies,
//!              one after another, each `length` bytes of
//!              count paragraph(count symbol-number:num*)*
//! num, count = unsigned LEB128, at most 32 bits
//! str        = num (byte length) UTF-8 bytes
//! opt        = num: 0 for none, else the byte length + 1, then UTF-8 bytes
//! date       = the date as written in a corpus file (`2015-05`, `2015-11-11/2015-11-13`)
//! facet      = index into `Facet::ALL`; excerpt is 0 or 1
//! ```
//!
//! In a blob of symbols, the blocks hold one body per statement, in the
//! statements' order: the first block's first `count` bodies belong to the
//! first statements, and so on.
//!
//! # Paragraphs as symbols
//!
//! The body text, nearly all of the corpus, is stored once, as numbers into
//! a table of symbols: every distinct word of the bodies as written (a
//! maximal run of word characters, see [`crate::text::tokens`]) and every
//! distinct run of other characters between, before or after words. A
//! paragraph is its symbols in order, with one exception: the single space
//! between two words, the commonest separator by far, is implied rather than
//! written. Symbols are numbered by how often they occur, commonest first, so
//! the commonest take one byte.
//!
//! The search index is not shipped: the archive builds it (for a large
//! corpus, while the page is idle or at the first text query) from these
//! numbers rather than from the text ([`Bodies`]), so its costliest step,
//! finding each word of the corpus in a table, is done once per distinct
//! word rather than once per occurrence. Numbers compress better than the
//! words they stand for once the corpus is large (1,000 synthetic
//! statements: 270 KB gzipped, where their files are 767 KB), but the
//! table costs more than it saves in a small one (the 11 real statements:
//! 19.5 KB against 17.0 KB as text), so a corpus of fewer than
//! [`SYMBOLS_FROM`] statements keeps its paragraphs as text and is indexed
//! from the text.
//!
//! # Bodies deflated in blocks
//!
//! The numbers are then deflated, in blocks of about [`BLOCK_BYTES`] of
//! them, a statement's body never split between two. A page is served
//! gzipped, so this changes little of what crosses the network, but the
//! module the browser receives, compiles and holds shrinks by as much, and
//! the time to ready grows with its size: 10,000 synthetic statements'
//! numbers are 8.5 MB, 2.0 MB deflated, so their module is 4.8 MB where it
//! was 11.3 MB (and 2.49 MB gzipped where it was 2.74), and it is ready
//! about 150 ms sooner in Chromium. A block is inflated when one of its
//! bodies is first read, and kept: the index built while the page is idle
//! inflates them all, in order (all 33 blocks of those 10,000 statements
//! in about 90 ms, a block within one slice).
//!
//! Loading reads the blocks' lengths, not their bytes: each statement's
//! [`Body`] keeps where its numbers are and writes them out when it is read
//! ([`decode_lazily`], [`crate::statement::Body`]). A block that does not
//! inflate to its length, or a number that names no symbol, then reads as
//! no text; [`decode`], which writes out every body, checks them all first.
//!
//! The version byte is bumped whenever this layout changes.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use crate::corpus::{Corpus, DecodeError};
use crate::date::{Day, PartialDate};
use crate::statement::{Body, Signatory, Statement};
use crate::text::{is_word_char, tokens};
use crate::vocabulary::{Entity, Facet, Kind, Vocabulary};

const MAGIC: &[u8; 4] = b"IMAC";
/// The layout's version.
pub const VERSION: u8 = 5;

/// Smallest corpus whose paragraphs are stored as symbols.
pub const SYMBOLS_FROM: usize = 100;

/// Bytes of symbol numbers a block of bodies holds, about: a block is closed
/// once its bodies reach this length. Small enough that reading one
/// statement inflates little (a block inflates in about a millisecond),
/// large enough to deflate well: the 10,000 synthetic statements' blob
/// deflates to 2.57 MB in blocks of 128 KiB, 2.38 MB in blocks of 256 KiB,
/// 2.28 MB in blocks of 512 KiB and 2.18 MB as one block.
pub const BLOCK_BYTES: usize = 256 * 1024;

/// How hard the build deflates blocks: miniz's level 9 (its level 10 gave
/// the same size).
const DEFLATE_LEVEL: u8 = 9;

/// Whether this build reads paragraphs stored as symbols. The WebAssembly
/// module embeds one corpus and reads only its layout: this crate's
/// `symbols` feature, which the library enables for a corpus of
/// [`SYMBOLS_FROM`] statements or more, sets `ima_symbols` (as every native
/// build does, see `build.rs`), so the real archive's module carries no
/// symbol decoding and indexing (1.2 KB gzipped).
pub const SYMBOLS: bool = cfg!(ima_symbols);

/// The symbols of one paragraph: the runs between, before and after its
/// words, and its words, in order, leaving out the single spaces between
/// two words. Concatenated with those spaces, they are the paragraph.
fn symbols(paragraph: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut last = 0;
    for t in tokens(paragraph) {
        let gap = paragraph.get(last..t.start).unwrap_or("");
        if !(gap.is_empty() || (gap == " " && last > 0)) {
            out.push(gap);
        }
        out.push(t.text);
        last = t.end;
    }
    let tail = paragraph.get(last..).unwrap_or("");
    if !tail.is_empty() {
        out.push(tail);
    }
    out
}

/// Whether a symbol is a word (else it is a run between words).
fn is_word(symbol: &str) -> bool {
    symbol.chars().next().is_some_and(is_word_char)
}

/// Encodes `corpus` in the layout above, its paragraphs as symbols from
/// [`SYMBOLS_FROM`] statements on.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    encode_as(corpus, corpus.statements.len() >= SYMBOLS_FROM)
}

/// Encodes `corpus` in the layout above, its paragraphs as symbols or as text.
pub fn encode_as(corpus: &Corpus, as_symbols: bool) -> Vec<u8> {
    // Symbols numbered commonest first, ties by text, so the blob is the
    // same for the same corpus.
    let bodies: Vec<_> = corpus
        .statements
        .iter()
        .map(|s| s.body.paragraphs())
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for p in bodies.iter().flat_map(|b| b.iter()).filter(|_| as_symbols) {
        for symbol in symbols(p) {
            *counts.entry(symbol).or_default() += 1;
        }
    }
    let mut table: Vec<(&str, usize)> = counts.into_iter().collect();
    table.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let number: HashMap<&str, usize> = table
        .iter()
        .enumerate()
        .map(|(i, &(symbol, _))| (symbol, i))
        .collect();

    let mut w = Writer(MAGIC.to_vec());
    w.0.push(VERSION);
    w.0.push(u8::from(as_symbols));
    if as_symbols {
        w.num(table.len());
        for (symbol, _) in &table {
            w.str(symbol);
        }
        let numbers: Vec<Vec<u8>> = bodies
            .iter()
            .map(|body| {
                let mut numbers = Writer(Vec::new());
                numbers.num(body.len());
                for p in body.iter() {
                    let list = symbols(p);
                    numbers.num(list.len());
                    for symbol in list {
                        numbers.num(number.get(symbol).copied().unwrap_or(0));
                    }
                }
                numbers.0
            })
            .collect();
        let blocks = blocks(&numbers);
        w.num(blocks.len());
        for block in blocks {
            w.num(block.len());
            let mut raw = Vec::new();
            for body in block {
                w.num(body.len());
                raw.extend_from_slice(body);
            }
            let deflated = miniz_oxide::deflate::compress_to_vec(&raw, DEFLATE_LEVEL);
            w.num(deflated.len());
            w.0.extend_from_slice(&deflated);
        }
    }
    w.num(corpus.statements.len());
    for (s, body) in corpus.statements.iter().zip(&bodies) {
        w.str(&s.id);
        w.str(&s.title);
        w.opt(s.subtitle.as_deref());
        w.str(&s.kind);
        w.str(&s.date.to_written());
        w.opt(s.approximate.as_deref());
        w.num(s.signatories.len());
        for p in &s.signatories {
            w.str(&p.name);
            w.opt(p.role.as_deref());
        }
        w.str(&s.source);
        w.0.push(u8::from(s.excerpt));
        w.strs(&s.related);
        w.num(s.tags.len());
        for &t in &s.tags {
            w.num(usize::from(t));
        }
        if !as_symbols {
            w.strs(body);
        }
    }
    let v = &corpus.vocabulary;
    w.num(v.kinds.len());
    for k in &v.kinds {
        w.str(&k.slug);
        w.str(&k.label);
    }
    w.num(v.entities.len());
    for e in &v.entities {
        let facet = Facet::ALL.iter().position(|&f| f == e.facet).unwrap_or(0);
        w.0.push(facet as u8);
        w.str(&e.slug);
        w.str(&e.label);
        w.strs(&e.aliases);
    }
    let narrower: Vec<(usize, u16)> = v
        .entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, e.broader?)))
        .collect();
    w.num(narrower.len());
    for (i, b) in narrower {
        w.num(i);
        w.num(usize::from(b));
    }
    w.0
}

/// The bodies, in order, grouped into blocks of about [`BLOCK_BYTES`].
fn blocks(bodies: &[Vec<u8>]) -> Vec<&[Vec<u8>]> {
    let mut blocks = Vec::new();
    let (mut start, mut len) = (0, 0);
    for (i, body) in bodies.iter().enumerate() {
        len += body.len();
        if len >= BLOCK_BYTES {
            blocks.push(&bodies[start..=i]);
            (start, len) = (i + 1, 0);
        }
    }
    if start < bodies.len() {
        blocks.push(&bodies[start..]);
    }
    blocks
}

/// The statements' bodies as a blob of symbols holds them: the symbol
/// table and the blocks of numbers. Shared by every statement's
/// [`StoredBody`] and by the [`Bodies`] the index is built from.
struct Store<'a> {
    /// Every symbol's text and whether it is a word, by number.
    symbols: Vec<(&'a str, bool)>,
    blocks: Vec<Block<'a>>,
}

/// One block of bodies: its deflated bytes, the length they inflate to,
/// and the numbers once inflated.
struct Block<'a> {
    deflated: &'a [u8],
    len: usize,
    numbers: OnceLock<Box<[u8]>>,
}

/// The most bytes DEFLATE can write for one it reads: a length a block's
/// bytes could never inflate to is refused before anything is reserved
/// for it.
const MAX_INFLATION: usize = 1032;

/// Where one statement's body is: a range of its block's numbers.
#[derive(Debug, Clone, Copy)]
struct Span {
    block: usize,
    start: usize,
    end: usize,
}

impl Store<'_> {
    /// The numbers of the body at `span`, its block inflated now if it was
    /// not yet; none if the block does not inflate to its length.
    fn numbers(&self, span: Span) -> &[u8] {
        let block = self.blocks.get(span.block);
        block
            .and_then(|b| b.numbers().get(span.start..span.end))
            .unwrap_or(&[])
    }
}

impl Block<'_> {
    fn numbers(&self) -> &[u8] {
        self.numbers.get_or_init(|| {
            let mut out = vec![0; self.len];
            let input = std::iter::once(self.deflated);
            match miniz_oxide::inflate::decompress_slice_iter_to_slice(&mut out, input, false, true)
            {
                Ok(written) if written == self.len => out.into_boxed_slice(),
                _ => Box::default(),
            }
        })
    }
}

impl fmt::Debug for Store<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inflated = self.blocks.iter().filter(|b| b.numbers.get().is_some());
        f.debug_struct("Store")
            .field("symbols", &self.symbols.len())
            .field("blocks", &self.blocks.len())
            .field("inflated", &inflated.count())
            .finish()
    }
}

/// The statements' bodies as symbol numbers, as the blob holds them: what
/// the search index is built from (see the module docs).
#[derive(Debug, Clone)]
pub struct Bodies<'a> {
    store: Arc<Store<'a>>,
    /// Per statement, where its body is.
    spans: Vec<Span>,
}

impl<'a> Bodies<'a> {
    /// Number of symbols.
    pub fn symbol_count(&self) -> usize {
        self.store.symbols.len()
    }

    /// The text of symbol `n`, and whether it is a word.
    pub fn symbol(&self, n: usize) -> Option<(&'a str, bool)> {
        self.store.symbols.get(n).copied()
    }

    /// Calls `each` with every symbol number of statement `doc`'s body, in
    /// order, and `None` at the end of each paragraph. The first body read
    /// of a block inflates it.
    pub fn walk(&self, doc: usize, mut each: impl FnMut(Option<usize>)) {
        let rest = match self.spans.get(doc) {
            Some(&span) => self.store.numbers(span),
            None => &[],
        };
        let mut r = Reader { rest, ok: true };
        for _ in 0..r.num() {
            for _ in 0..r.num() {
                if !r.ok {
                    return;
                }
                each(Some(r.num()));
            }
            each(None);
        }
    }
}

/// One statement's paragraphs as a blob of symbols holds them: a [`Body`]
/// read from the blob and not written out (see [`decode_lazily`]).
#[derive(Clone)]
pub struct StoredBody {
    store: Arc<Store<'static>>,
    span: Span,
}

impl StoredBody {
    /// The paragraphs, written out.
    pub fn paragraphs(&self) -> Vec<String> {
        let mut r = Reader {
            rest: self.store.numbers(self.span),
            ok: true,
        };
        write_paragraphs(&self.store.symbols, &mut r)
    }
}

/// Decodes a blob written by [`encode`]. Damaged input is an error, never a
/// panic or an allocation larger than the blob.
pub fn decode(bytes: &[u8]) -> Result<Corpus, DecodeError> {
    decode_with_bodies(bytes).map(|(corpus, _)| corpus)
}

/// [`decode`], also giving the bodies as symbol numbers when the blob
/// stores them so. Every block is inflated, and every paragraph checked
/// and written out as text.
pub fn decode_with_bodies(bytes: &[u8]) -> Result<(Corpus, Option<Bodies<'_>>), DecodeError> {
    decode_as(bytes, |store, span| {
        let stream = store.numbers(span);
        let mut r = Reader {
            rest: stream,
            ok: true,
        };
        r.check_paragraphs(store.symbols.len());
        if !r.ok || !r.rest.is_empty() {
            return None;
        }
        r.rest = stream;
        Some(Body::from(write_paragraphs(&store.symbols, &mut r)))
    })
}

/// [`decode_with_bodies`] for a blob that lives as long as the program
/// (the one the library embeds): when it stores paragraphs as symbols, each
/// statement's [`Body`] keeps where they are and writes them out when read,
/// and loading neither inflates nor reads them (see the module docs).
/// Writing them all out was more than half of the time 10,000 statements
/// took to load in a browser.
#[cfg(ima_symbols)]
pub fn decode_lazily(
    bytes: &'static [u8],
) -> Result<(Corpus, Option<Bodies<'static>>), DecodeError> {
    decode_as(bytes, |store, span| {
        Some(Body::from(StoredBody {
            store: store.clone(),
            span,
        }))
    })
}

/// Decodes the blob, making each statement's body, when the blob holds it
/// as symbols, with `body` from the store and where the body is in it;
/// `None` refuses the blob.
fn decode_as<'a>(
    bytes: &'a [u8],
    mut body: impl FnMut(&Arc<Store<'a>>, Span) -> Option<Body>,
) -> Result<(Corpus, Option<Bodies<'a>>), DecodeError> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(DecodeError::NotACorpus)?;
    let (&version, rest) = rest.split_first().ok_or(DecodeError::NotACorpus)?;
    if version != VERSION {
        return Err(DecodeError::Version(version));
    }
    let mut r = Reader { rest, ok: true };
    let mut spans = Vec::new();
    let store: Option<Arc<Store<'a>>> = match r.byte() {
        0 => None,
        1 if SYMBOLS => Some(Arc::new(Store {
            symbols: r.list(|r| {
                let len = r.num();
                let text = r.text(len);
                (text, is_word(text))
            }),
            blocks: {
                let mut next = 0;
                r.list(|r| {
                    next += 1;
                    r.block(next - 1, &mut spans)
                })
            },
        })),
        _ => r.fail(None),
    };
    let mut spans_left = spans.iter();
    let statements = r.list(|r| Statement {
        id: r.str(),
        title: r.str(),
        subtitle: r.opt(),
        kind: r.str(),
        date: {
            let len = r.num();
            let written = r.text(len);
            // A placeholder when the date is damaged: the blob is refused.
            PartialDate::parse(written)
                .unwrap_or_else(|_| r.fail(PartialDate::day(Day::from_ordinal(0))))
        },
        approximate: r.opt(),
        signatories: r.list(|r| Signatory {
            name: r.str(),
            role: r.opt(),
        }),
        source: r.str(),
        excerpt: match r.byte() {
            0 => false,
            1 => true,
            _ => r.fail(false),
        },
        related: r.strs(),
        tags: r.list(|r| {
            let tag = r.num();
            u16::try_from(tag).unwrap_or_else(|_| r.fail(0))
        }),
        body: match store.as_ref().filter(|_| SYMBOLS) {
            Some(store) => spans_left
                .next()
                .and_then(|&span| body(store, span))
                .unwrap_or_else(|| r.fail(Body::default())),
            None => Body::from(r.strs()),
        },
    });
    // One body for every statement, no more.
    if spans_left.next().is_some() {
        return Err(DecodeError::Malformed);
    }
    let kinds = r.list(|r| Kind {
        slug: r.str(),
        label: r.str(),
    });
    let entities = r.list(|r| Entity {
        facet: {
            let facet = Facet::ALL.get(usize::from(r.byte())).copied();
            facet.unwrap_or_else(|| r.fail(Facet::Kind))
        },
        slug: r.str(),
        label: r.str(),
        aliases: r.strs(),
        broader: None,
    });
    let mut entities = entities;
    for _ in 0..r.num() {
        let (i, b) = (r.num(), r.num());
        if !r.ok {
            break;
        }
        match (entities.get_mut(i), u16::try_from(b)) {
            (Some(e), Ok(b)) => e.broader = Some(b),
            _ => return Err(DecodeError::Malformed),
        }
    }
    if !r.ok || !r.rest.is_empty() {
        return Err(DecodeError::Malformed);
    }
    let corpus = Corpus {
        statements,
        vocabulary: Vocabulary { kinds, entities },
    };
    let bodies = store.map(|store| Bodies { store, spans });
    Ok((corpus, bodies))
}

/// The paragraphs of one body read from `r`, written out with `symbols`,
/// in one pass over their numbers. Each is given room for six bytes a
/// symbol (about what the corpus's symbols take, with the spaces between
/// words), never more than the rest of the blob could name.
fn write_paragraphs(symbols: &[(&str, bool)], r: &mut Reader<'_>) -> Vec<String> {
    r.list(|r| {
        let count = r.num();
        let mut text = String::with_capacity(count.min(r.rest.len()) * 6);
        let mut after_word = false;
        for _ in 0..count {
            let n = r.small_num();
            if !r.ok {
                break;
            }
            let (symbol, word) = symbols.get(n).copied().unwrap_or(("", false));
            if word && after_word {
                text.push(' ');
            }
            text.push_str(symbol);
            after_word = word;
        }
        text
    })
}

struct Writer(Vec<u8>);

impl Writer {
    fn num(&mut self, n: usize) {
        let mut n = n as u32;
        while n >= 0x80 {
            self.0.push(n as u8 | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn str(&mut self, s: &str) {
        self.num(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt(&mut self, s: Option<&str>) {
        match s {
            None => self.num(0),
            Some(s) => {
                self.num(s.len() + 1);
                self.0.extend_from_slice(s.as_bytes());
            }
        }
    }

    fn strs(&mut self, list: &[String]) {
        self.num(list.len());
        for s in list {
            self.str(s);
        }
    }
}

/// What is left of the blob, and whether all read so far was well formed.
///
/// A damaged value marks the reader failed and empties it, so every later
/// read gives an empty value at once: records are read to their end without
/// an early return at each field, and the failure is checked once at the end.
struct Reader<'a> {
    rest: &'a [u8],
    ok: bool,
}

impl<'a> Reader<'a> {
    /// Marks the blob damaged; `placeholder` stands in for the value.
    fn fail<T>(&mut self, placeholder: T) -> T {
        self.ok = false;
        self.rest = &[];
        placeholder
    }

    fn byte(&mut self) -> u8 {
        match self.rest.split_first() {
            Some((&b, rest)) => {
                self.rest = rest;
                b
            }
            None => self.fail(0),
        }
    }

    /// [`Reader::num`] for a number that most often takes one byte, as the
    /// commonest symbols' numbers do: that byte read at once.
    fn small_num(&mut self) -> usize {
        match self.rest.split_first() {
            Some((&b, rest)) if b < 0x80 => {
                self.rest = rest;
                b.into()
            }
            _ => self.num(),
        }
    }

    /// Reads block number `block` (its bytes are not inflated), adding where
    /// each of its bodies is to `spans`.
    fn block(&mut self, block: usize, spans: &mut Vec<Span>) -> Block<'a> {
        let mut len = 0usize;
        for _ in 0..self.num() {
            let start = len;
            len = len.saturating_add(self.num());
            if !self.ok {
                break;
            }
            spans.push(Span {
                block,
                start,
                end: len,
            });
        }
        let size = self.num();
        let deflated = self.slice(size);
        if len > size.saturating_mul(MAX_INFLATION) {
            self.fail(());
        }
        Block {
            deflated,
            len,
            numbers: OnceLock::new(),
        }
    }

    /// Reads one body's paragraphs of symbol numbers, checking that every
    /// number names one of the `symbols` symbols.
    fn check_paragraphs(&mut self, symbols: usize) {
        for _ in 0..self.num() {
            for _ in 0..self.num() {
                if self.small_num() >= symbols {
                    self.fail(());
                }
                if !self.ok {
                    return;
                }
            }
            if !self.ok {
                return;
            }
        }
    }

    fn num(&mut self) -> usize {
        let mut n = 0u32;
        for shift in (0..32).step_by(7) {
            let b = self.byte();
            match u32::from(b & 0x7f).checked_shl(shift) {
                Some(bits) if self.ok => n |= bits,
                _ => return self.fail(0),
            }
            if b < 0x80 {
                return n as usize;
            }
        }
        self.fail(0)
    }

    /// The next `len` bytes, borrowed from the blob.
    fn slice(&mut self, len: usize) -> &'a [u8] {
        let Some((bytes, rest)) = self.rest.split_at_checked(len) else {
            return self.fail(&[]);
        };
        self.rest = rest;
        bytes
    }

    /// The next `len` bytes as text, borrowed from the blob.
    fn text(&mut self, len: usize) -> &'a str {
        let bytes = self.slice(len);
        std::str::from_utf8(bytes).unwrap_or_else(|_| self.fail(""))
    }

    fn bytes(&mut self, len: usize) -> String {
        self.text(len).to_owned()
    }

    fn str(&mut self) -> String {
        let len = self.num();
        self.bytes(len)
    }

    fn opt(&mut self) -> Option<String> {
        match self.num() {
            0 => None,
            len => Some(self.bytes(len - 1)),
        }
    }

    fn strs(&mut self) -> Vec<String> {
        self.list(Reader::str)
    }

    /// `count` items. Every item takes at least one byte, so a damaged
    /// count cannot reserve more than the blob holds.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let count = self.num();
        let mut out = Vec::with_capacity(count.min(self.rest.len()));
        for _ in 0..count {
            if !self.ok {
                break;
            }
            out.push(item(self));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn sample() -> Corpus {
        let statement = |id: &str, date: &str| Statement {
            id: id.into(),
            title: "Justice for the 26! Investigate the jungle graves in\u{a0}Thailand!".into(),
            subtitle: Some("There will be no peace".into()),
            kind: "statement".into(),
            date: PartialDate::parse(date).expect("a date"),
            approximate: None,
            signatories: vec![
                Signatory {
                    name: "Eni Lestari".into(),
                    role: Some("chairperson".into()),
                },
                Signatory {
                    name: "Ramon Bultron".into(),
                    role: None,
                },
            ],
            source: "004_1836521b75595168.txt".into(),
            excerpt: true,
            related: vec!["Communiqué".into(), String::new()],
            tags: vec![0, 127, 128, 300, u16::MAX],
            body: vec!["é".repeat(200), "Save the Rohingya!".into()].into(),
        };
        let mut second = statement("b", "2015-11-11/2015-11-13");
        second.subtitle = Some(String::new());
        second.approximate = Some("inferred from the events it reports".into());
        second.excerpt = false;
        Corpus {
            statements: vec![statement("a", "2015-05"), second],
            vocabulary: Vocabulary {
                kinds: vec![Kind {
                    slug: "communique".into(),
                    label: "Communiqué".into(),
                }],
                entities: Facet::ALL
                    .iter()
                    .map(|&facet| Entity {
                        facet,
                        slug: "gcm".into(),
                        label: "Global Compact on Migration".into(),
                        aliases: vec!["GCM".into()],
                        broader: (facet == Facet::Place).then_some(300),
                    })
                    .collect(),
            },
        }
    }

    #[test]
    fn every_field_round_trips() {
        let corpus = sample();
        for as_symbols in [false, true] {
            assert_eq!(decode(&encode_as(&corpus, as_symbols)), Ok(corpus.clone()));
            let empty = Corpus::default();
            assert_eq!(decode(&encode_as(&empty, as_symbols)), Ok(empty));
        }
    }

    #[test]
    fn paragraphs_round_trip_as_symbols_whatever_their_spacing() {
        let mut corpus = sample();
        corpus.statements[0].body = [
            "",
            " ",
            "  two  spaces, then a tab\tand a newline\n",
            " leading space",
            "trailing space ",
            "“Quoted,” she said… — 26 graves; Rohingya’s plight!",
            "***",
            "é",
            "mixed العمال 👩🏽‍🌾 words",
        ]
        .map(String::from)
        .to_vec()
        .into();
        let blob = encode_as(&corpus, true);
        let (decoded, bodies) = decode_with_bodies(&blob).expect("decodes");
        assert_eq!(decoded, corpus);
        // Words are symbols of their own; the spaces between them are implied.
        let bodies = bodies.expect("stored as symbols");
        let mut words = Vec::new();
        bodies.walk(0, |n| {
            if let Some((text, true)) = n.and_then(|n| bodies.symbol(n)) {
                words.push(text);
            }
        });
        let paragraphs = corpus.statements[0].body.paragraphs();
        let expected: Vec<&str> = paragraphs
            .iter()
            .flat_map(|p| tokens(p).map(|t| t.text))
            .collect();
        assert_eq!(words, expected);
        // "Save the Rohingya!": four symbols, no space written.
        let mut second = Vec::new();
        bodies.walk(1, |n| second.push(n.and_then(|n| bodies.symbol(n))));
        let save = ["Save", "the", "Rohingya"].map(|w| Some((w, true)));
        assert_eq!(second[2..5], save);
        assert_eq!(second[5..], [Some(("!", false)), None]);
    }

    /// `bytes` for as long as the program runs, as the embedded blob is.
    fn leak(bytes: &[u8]) -> &'static [u8] {
        Box::leak(bytes.to_vec().into_boxed_slice())
    }

    /// The blob of one statement over one symbol, "a", whose body is
    /// `body`, deflated; no kinds, entities or broader ones.
    fn one_statement(body: &[u8]) -> Vec<u8> {
        let deflated = miniz_oxide::deflate::compress_to_vec(body, DEFLATE_LEVEL);
        one_block(body.len(), &deflated)
    }

    /// [`one_statement`] whose block says its body is `len` bytes and holds
    /// `deflated`.
    fn one_block(len: usize, deflated: &[u8]) -> Vec<u8> {
        let mut w = Writer(MAGIC.to_vec());
        w.0.extend([VERSION, 1]);
        w.strs(&["a".into()]);
        // One block of one body.
        w.0.extend([1, 1]);
        w.num(len);
        w.num(deflated.len());
        w.0.extend_from_slice(deflated);
        w.0.extend_from_slice(b"\x01\x01x\x01t\x00\x01k\x042015\x00\x00\x01s\x00\x00\x00");
        w.0.extend_from_slice(b"\x00\x00\x00");
        w.0
    }

    #[test]
    fn a_paragraph_longer_than_its_body_is_refused_or_read_as_far_as_it_goes_at_once() {
        // One paragraph of one symbol, number 0.
        let whole = one_statement(b"\x01\x01\x00");
        let corpus = decode(&whole).expect("well formed");
        assert_eq!(*corpus.statements[0].body.paragraphs(), ["a"]);
        let (lazy, _) = decode_lazily(leak(&whole)).expect("well formed");
        assert_eq!(lazy, corpus);
        // The paragraph claims 2^32 - 1 symbols and its body holds one.
        let damaged = one_statement(b"\x01\xff\xff\xff\xff\x0f\x00");
        assert_eq!(decode(&damaged), Err(DecodeError::Malformed));
        let (lazy, _) = decode_lazily(leak(&damaged)).expect("its body is not read");
        assert_eq!(*lazy.statements[0].body.paragraphs(), ["a"]);
        // A symbol number beyond the table: refused, or read as no text.
        let damaged = one_statement(b"\x01\x02\x00\x05");
        assert_eq!(decode(&damaged), Err(DecodeError::Malformed));
        let (lazy, _) = decode_lazily(leak(&damaged)).expect("its body is not read");
        assert_eq!(*lazy.statements[0].body.paragraphs(), ["a"]);
    }

    #[test]
    fn a_block_that_does_not_inflate_to_its_length_is_refused_or_read_as_no_text() {
        let body = b"\x01\x01\x00";
        let deflated = miniz_oxide::deflate::compress_to_vec(body, DEFLATE_LEVEL);
        let no_text: [String; 0] = [];
        let mut damaged_bytes = deflated.clone();
        damaged_bytes[0] ^= 0xff;
        // Longer or shorter than it says, or not DEFLATE at all: refused at
        // once, or read as no text once read.
        for (len, bytes) in [(4, &deflated), (2, &deflated), (3, &damaged_bytes)] {
            let blob = one_block(len, bytes);
            assert_eq!(
                decode(&blob),
                Err(DecodeError::Malformed),
                "{len} {bytes:?}"
            );
            let (lazy, bodies) = decode_lazily(leak(&blob)).expect("its block is not read");
            assert_eq!(*lazy.statements[0].body.paragraphs(), no_text);
            let mut walked = Vec::new();
            bodies.expect("symbols").walk(0, |n| walked.push(n));
            assert_eq!(walked, []);
        }
        // A length its bytes could never inflate to is refused before
        // anything is reserved for it, even when not read.
        let blob = one_block(u32::MAX as usize, &deflated);
        assert_eq!(decode(&blob), Err(DecodeError::Malformed));
        assert!(decode_lazily(leak(&blob)).is_err());
        // A block inflated is kept: its second body reads without inflating
        // it again, and the first reads the same after.
        let corpus = sample();
        let blob = leak(&encode_as(&corpus, true));
        let (lazy, bodies) = decode_lazily(blob).expect("decodes");
        let bodies = bodies.expect("symbols");
        assert_eq!(bodies.store.blocks.len(), 1);
        assert!(
            bodies.store.blocks[0].numbers.get().is_none(),
            "not read at load"
        );
        assert_eq!(lazy.statements[1].body, corpus.statements[1].body);
        assert!(bodies.store.blocks[0].numbers.get().is_some(), "kept");
        assert_eq!(lazy.statements[0].body, corpus.statements[0].body);
    }

    #[test]
    fn bodies_are_grouped_into_blocks_whole_and_in_order() {
        let body = |len: usize| vec![0u8; len];
        let half = BLOCK_BYTES / 2;
        let bodies = [
            body(half),
            body(half - 1),
            body(2),
            body(BLOCK_BYTES * 2),
            body(1),
        ];
        let blocks = blocks(&bodies);
        let lens: Vec<usize> = blocks.iter().map(|b| b.len()).collect();
        assert_eq!(lens, [3, 1, 1], "closed once a block reaches its length");
        assert!(
            blocks.concat().iter().eq(bodies.iter()),
            "every body, in order"
        );
        assert!(super::blocks(&[]).is_empty());
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn every_body_read_lazily_is_the_text_written_out_however_often_read() {
        let real = crate::testing::archive()
            .expect("the embedded corpus decodes")
            .corpus()
            .clone();
        for corpus in [sample(), real.clone(), crate::synth::corpus(&real, 150)] {
            let blob = leak(&encode_as(&corpus, true));
            let (eager, eager_bodies) = decode_with_bodies(blob).expect("decodes");
            let (lazy, lazy_bodies) = decode_lazily(blob).expect("decodes");
            assert_eq!(lazy.statements.len(), corpus.statements.len());
            for ((l, e), s) in lazy
                .statements
                .iter()
                .zip(&eager.statements)
                .zip(&corpus.statements)
            {
                let once = l.body.paragraphs();
                assert!(matches!(once, Cow::Owned(_)), "{}: kept as symbols", s.id);
                assert!(matches!(e.body.paragraphs(), Cow::Borrowed(_)), "{}", s.id);
                assert_eq!(*once, *s.body.paragraphs(), "{}", s.id);
                assert_eq!(*once, *e.body.paragraphs(), "{}", s.id);
                assert_eq!(l.body.paragraphs(), once, "{}: read twice", s.id);
            }
            assert_eq!(lazy, corpus);
            // The index reads the same numbers either way.
            let (lazy_bodies, eager_bodies) = (
                lazy_bodies.expect("symbols"),
                eager_bodies.expect("symbols"),
            );
            for doc in 0..corpus.statements.len() {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                lazy_bodies.walk(doc, |n| a.push(n));
                eager_bodies.walk(doc, |n| b.push(n));
                assert_eq!(a, b);
            }
        }
        // A blob of text keeps its paragraphs written out.
        let (text, bodies) = decode_lazily(leak(&encode_as(&sample(), false))).expect("decodes");
        assert!(bodies.is_none());
        assert!(matches!(
            text.statements[0].body.paragraphs(),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_small_corpus_keeps_its_paragraphs_as_text() {
        let small = sample();
        assert_eq!(encode(&small), encode_as(&small, false));
        let blob = encode(&small);
        assert!(decode_with_bodies(&blob).expect("decodes").1.is_none());
        let mut large = sample();
        let first = large.statements[0].clone();
        large.statements = (0..SYMBOLS_FROM)
            .map(|i| Statement {
                id: i.to_string(),
                ..first.clone()
            })
            .collect();
        assert_eq!(encode(&large), encode_as(&large, true));
    }

    #[test]
    fn a_foreign_or_older_blob_is_named() {
        assert_eq!(decode(b"PK\x03\x04"), Err(DecodeError::NotACorpus));
        assert_eq!(decode(b"IMAC"), Err(DecodeError::NotACorpus));
        assert_eq!(decode(b"IMAC\x02\x00"), Err(DecodeError::Version(2)));
        assert_eq!(decode(b"IMAC\x03\x01"), Err(DecodeError::Version(3)));
        assert_eq!(decode(b"IMAC\x04\x01"), Err(DecodeError::Version(4)));
    }

    #[test]
    fn every_truncation_and_trailing_byte_is_refused() {
        for as_symbols in [false, true] {
            let blob = encode_as(&sample(), as_symbols);
            for len in 5..blob.len() {
                assert_eq!(decode(&blob[..len]), Err(DecodeError::Malformed), "{len}");
                let lazily = decode_lazily(leak(&blob[..len]));
                assert_eq!(lazily.err(), Some(DecodeError::Malformed), "{len}");
            }
            let mut longer = blob.clone();
            longer.push(0);
            assert_eq!(decode(&longer), Err(DecodeError::Malformed));
            assert!(decode_lazily(leak(&longer)).is_err());
        }
    }

    #[test]
    fn damaged_bytes_never_panic() {
        for as_symbols in [false, true] {
            let blob = encode_as(&sample(), as_symbols);
            for i in 5..blob.len() {
                for b in [0x00, 0x01, 0x7f, 0x80, 0xff] {
                    let mut damaged = blob.clone();
                    damaged[i] = b;
                    if let Ok((corpus, Some(bodies))) = decode_with_bodies(&damaged) {
                        for doc in 0..corpus.statements.len() {
                            bodies.walk(doc, |n| {
                                let _ = n.and_then(|n| bodies.symbol(n));
                            });
                        }
                    }
                    // Read lazily, a body is read only now, whatever it holds.
                    if let Ok((corpus, _)) = decode_lazily(leak(&damaged)) {
                        for s in &corpus.statements {
                            let _ = s.body.paragraphs();
                        }
                    }
                }
            }
        }
        // A count far beyond the blob fails without reserving it.
        assert_eq!(
            decode(b"IMAC\x05\x00\xff\xff\xff\xff\x0f"),
            Err(DecodeError::Malformed)
        );
    }
}
