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
//! text       = 0:u8 count statement(paragraph = str)*
//! symbols    = 1:u8 count symbol:str* count statement(paragraph = numbers)*
//! statement  = id:str title:str subtitle:opt kind:str date:str approximate:opt
//!              count signatory* source:str excerpt:u8 count related:str*
//!              count tag:num* count paragraph*
//! numbers    = count symbol-number:num*
//! signatory  = name:str role:opt
//! kind       = slug:str label:str
//! entity     = facet:u8 slug:str label:str count alias:str*
//! broader    = entity:num broader-entity:num (for the entities that have one)
//!
//! num, count = unsigned LEB128, at most 32 bits
//! str        = num (byte length) UTF-8 bytes
//! opt        = num: 0 for none, else the byte length + 1, then UTF-8 bytes
//! date       = the date as written in a corpus file (`2015-05`, `2015-11-11/2015-11-13`)
//! facet      = index into `Facet::ALL`; excerpt is 0 or 1
//! ```
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
//! corpus, on the first text query) from these numbers rather than from the
//! text ([`Bodies`]), so its costliest step, finding each word of the corpus
//! in a table, is done once per distinct word rather than once per
//! occurrence. Numbers compress better
//! than the words they stand for once the corpus is large (1,000 synthetic
//! statements: 270 KB gzipped, where their files are 767 KB), but the
//! table costs more than it saves in a small one (the 11 real statements:
//! 19.5 KB against 17.0 KB as text), so a corpus of fewer than
//! [`SYMBOLS_FROM`] statements keeps its paragraphs as text and is indexed
//! from the text.
//!
//! The version byte is bumped whenever this layout changes.

use std::collections::HashMap;

use crate::corpus::{Corpus, DecodeError};
use crate::date::{Day, PartialDate};
use crate::statement::{Signatory, Statement};
use crate::text::{is_word_char, tokens};
use crate::vocabulary::{Entity, Facet, Kind, Vocabulary};

const MAGIC: &[u8; 4] = b"IMAC";
/// The layout's version.
pub const VERSION: u8 = 3;

/// Smallest corpus whose paragraphs are stored as symbols.
pub const SYMBOLS_FROM: usize = 100;

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
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let paragraphs = corpus.statements.iter().flat_map(|s| &s.body);
    for p in paragraphs.filter(|_| as_symbols) {
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
    }
    w.num(corpus.statements.len());
    for s in &corpus.statements {
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
            w.strs(&s.body);
            continue;
        }
        w.num(s.body.len());
        for p in &s.body {
            let list = symbols(p);
            w.num(list.len());
            for symbol in list {
                w.num(number.get(symbol).copied().unwrap_or(0));
            }
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

/// The statements' bodies as symbol numbers, as the blob holds them: what
/// the search index is built from (see the module docs).
#[derive(Debug, Clone, Default)]
pub struct Bodies<'a> {
    /// Every symbol's text and whether it is a word, by number.
    symbols: Vec<(&'a str, bool)>,
    /// Per statement, its paragraphs as the blob holds them.
    streams: Vec<&'a [u8]>,
}

impl<'a> Bodies<'a> {
    /// Number of symbols.
    pub fn symbol_count(&self) -> usize {
        self.symbols.len()
    }

    /// The text of symbol `n`, and whether it is a word.
    pub fn symbol(&self, n: usize) -> Option<(&'a str, bool)> {
        self.symbols.get(n).copied()
    }

    /// Calls `each` with every symbol number of statement `doc`'s body, in
    /// order, and `None` at the end of each paragraph.
    pub fn walk(&self, doc: usize, mut each: impl FnMut(Option<usize>)) {
        let mut r = Reader {
            rest: self.streams.get(doc).copied().unwrap_or(&[]),
            ok: true,
        };
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

/// Decodes a blob written by [`encode`]. Damaged input is an error, never a
/// panic or an allocation larger than the blob.
pub fn decode(bytes: &[u8]) -> Result<Corpus, DecodeError> {
    decode_with_bodies(bytes).map(|(corpus, _)| corpus)
}

/// [`decode`], also giving the bodies as symbol numbers when the blob
/// stores them so.
pub fn decode_with_bodies(bytes: &[u8]) -> Result<(Corpus, Option<Bodies<'_>>), DecodeError> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(DecodeError::NotACorpus)?;
    let (&version, rest) = rest.split_first().ok_or(DecodeError::NotACorpus)?;
    if version != VERSION {
        return Err(DecodeError::Version(version));
    }
    let mut r = Reader { rest, ok: true };
    let mut table = match r.byte() {
        0 => None,
        1 if SYMBOLS => Some(Table::read(&mut r)),
        _ => r.fail(None),
    };
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
        body: match table.as_mut().filter(|_| SYMBOLS) {
            Some(table) => table.paragraphs(r),
            None => r.strs(),
        },
    });
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
    let bodies = table.map(|t| Bodies {
        symbols: t.symbols,
        streams: t.streams,
    });
    Ok((corpus, bodies))
}

/// The symbol table of a blob that stores paragraphs as symbols, and each
/// statement's paragraphs as read so far.
///
/// Loading a large archive is mostly writing out these paragraphs, so each
/// is read once and written with one copy per symbol: a word after a word
/// is copied with its space from `spaced`.
struct Table<'a> {
    /// Every symbol's text and whether it is a word, by number.
    symbols: Vec<(&'a str, bool)>,
    /// Every symbol after a space, end to end.
    spaced: String,
    /// Where each symbol's text after a space starts in `spaced`, and, last,
    /// the end of `spaced`.
    spaced_at: Vec<usize>,
    streams: Vec<&'a [u8]>,
    /// The paragraph being read: symbol numbers, the high bit set for a word
    /// after a word. Reused from one paragraph to the next.
    scratch: Vec<u32>,
}

/// In [`Table::scratch`], the mark of a word that follows a word.
const AFTER_WORD: u32 = 1 << 31;

impl<'a> Table<'a> {
    fn read(r: &mut Reader<'a>) -> Table<'a> {
        let symbols: Vec<(&'a str, bool)> = r.list(|r| {
            let len = r.num();
            let text = r.text(len);
            (text, is_word(text))
        });
        let mut spaced = String::with_capacity(symbols.iter().map(|s| s.0.len() + 1).sum());
        let mut spaced_at = Vec::with_capacity(symbols.len() + 1);
        for (text, _) in &symbols {
            spaced_at.push(spaced.len());
            spaced.push(' ');
            spaced.push_str(text);
        }
        spaced_at.push(spaced.len());
        Table {
            symbols,
            spaced,
            spaced_at,
            streams: Vec::new(),
            scratch: Vec::new(),
        }
    }

    /// One statement's paragraphs, as text, keeping their bytes for [`Bodies`].
    fn paragraphs(&mut self, r: &mut Reader<'a>) -> Vec<String> {
        let start = r.rest;
        let body = r.list(|r| {
            // The symbols are read once and the length summed on the way,
            // so the text is allocated once, to size.
            let count = r.num();
            self.scratch.clear();
            let (mut len, mut after_word) = (0, false);
            for _ in 0..count {
                let n = r.small_num();
                let (Some(&(symbol, word)), Ok(n), true) =
                    (self.symbols.get(n), u32::try_from(n), r.ok)
                else {
                    return r.fail(String::new());
                };
                let spaced = word && after_word;
                len += symbol.len() + usize::from(spaced);
                after_word = word;
                self.scratch.push(if spaced { n | AFTER_WORD } else { n });
            }
            let mut text = String::with_capacity(len);
            for &n in &self.scratch {
                let i = (n & !AFTER_WORD) as usize;
                let piece = match (n & AFTER_WORD, self.spaced_at.get(i..=i + 1)) {
                    (0, _) => self.symbols.get(i).map(|s| s.0),
                    (_, Some(&[from, to])) => self.spaced.get(from..to),
                    _ => None,
                };
                text.push_str(piece.unwrap_or(""));
            }
            text
        });
        self.streams
            .push(start.get(..start.len() - r.rest.len()).unwrap_or(&[]));
        body
    }
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

    /// The next `len` bytes as text, borrowed from the blob.
    fn text(&mut self, len: usize) -> &'a str {
        let Some((text, rest)) = self.rest.split_at_checked(len) else {
            return self.fail("");
        };
        self.rest = rest;
        std::str::from_utf8(text).unwrap_or_else(|_| self.fail(""))
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
            body: vec!["é".repeat(200), "Save the Rohingya!".into()],
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
        .to_vec();
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
        let expected: Vec<&str> = corpus.statements[0]
            .body
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

    #[test]
    fn a_paragraph_longer_than_its_blob_is_refused_at_once() {
        // One symbol, "a"; one statement with one paragraph; no kinds,
        // entities or broader ones.
        let mut start = b"IMAC\x03\x01\x01\x01a\x01".to_vec();
        start.extend_from_slice(b"\x01x\x01t\x00\x01k\x042015\x00\x00\x01s\x00\x00\x00\x01");
        let whole = [&start[..], b"\x01\x00\x00\x00\x00"].concat();
        let corpus = decode(&whole).expect("well formed");
        assert_eq!(corpus.statements[0].body, ["a"]);
        // The paragraph claims 2^32 - 1 symbols and the blob ends.
        let damaged = [&start[..], b"\xff\xff\xff\xff\x0f"].concat();
        assert_eq!(decode(&damaged), Err(DecodeError::Malformed));
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
    }

    #[test]
    fn every_truncation_and_trailing_byte_is_refused() {
        for as_symbols in [false, true] {
            let blob = encode_as(&sample(), as_symbols);
            for len in 5..blob.len() {
                assert_eq!(decode(&blob[..len]), Err(DecodeError::Malformed), "{len}");
            }
            let mut longer = blob.clone();
            longer.push(0);
            assert_eq!(decode(&longer), Err(DecodeError::Malformed));
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
                }
            }
        }
        // A count far beyond the blob fails without reserving it.
        assert_eq!(
            decode(b"IMAC\x03\x00\xff\xff\xff\xff\x0f"),
            Err(DecodeError::Malformed)
        );
    }
}
