//! The embedded corpus blob: written by `build.rs`, read when the archive
//! loads.
//!
//! The layout is the library's own, read by a few small functions rather
//! than a generic serialization framework, so the shipped module carries
//! little decoding code:
//!
//! ```text
//! blob       = b"IMAC" version:u8 count statement* count kind* count entity*
//! statement  = id:str title:str subtitle:opt kind:str date:str approximate:opt
//!              count signatory* source:str excerpt:u8 count related:str*
//!              count tag:num* count paragraph:str*
//! signatory  = name:str role:opt
//! kind       = slug:str label:str
//! entity     = facet:u8 slug:str label:str count alias:str*
//!
//! num, count = unsigned LEB128, at most 32 bits
//! str        = num (byte length) UTF-8 bytes
//! opt        = num: 0 for none, else the byte length + 1, then UTF-8 bytes
//! date       = the date as written in a corpus file (`2015-05`, `2015-11-11/2015-11-13`)
//! facet      = index into `Facet::ALL`; excerpt is 0 or 1
//! ```
//!
//! The version byte is bumped whenever this layout changes.

use crate::corpus::{Corpus, DecodeError};
use crate::date::{Day, PartialDate};
use crate::statement::{Signatory, Statement};
use crate::vocabulary::{Entity, Facet, Kind, Vocabulary};

const MAGIC: &[u8; 4] = b"IMAC";
/// The layout's version.
pub const VERSION: u8 = 2;

/// Encodes `corpus` in the layout above.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
    w.0.push(VERSION);
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
        w.strs(&s.body);
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
    w.0
}

/// Decodes a blob written by [`encode`]. Damaged input is an error, never a
/// panic or an allocation larger than the blob.
pub fn decode(bytes: &[u8]) -> Result<Corpus, DecodeError> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(DecodeError::NotACorpus)?;
    let (&version, rest) = rest.split_first().ok_or(DecodeError::NotACorpus)?;
    if version != VERSION {
        return Err(DecodeError::Version(version));
    }
    let mut r = Reader { rest, ok: true };
    let statements = r.list(|r| Statement {
        id: r.str(),
        title: r.str(),
        subtitle: r.opt(),
        kind: r.str(),
        date: {
            let written = r.str();
            // A placeholder when the date is damaged: the blob is refused.
            PartialDate::parse(&written)
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
        body: r.strs(),
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
    });
    if !r.ok || !r.rest.is_empty() {
        return Err(DecodeError::Malformed);
    }
    Ok(Corpus {
        statements,
        vocabulary: Vocabulary { kinds, entities },
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

impl Reader<'_> {
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

    fn bytes(&mut self, len: usize) -> String {
        let Some((text, rest)) = self.rest.split_at_checked(len) else {
            return self.fail(String::new());
        };
        self.rest = rest;
        String::from_utf8(text.to_vec()).unwrap_or_else(|_| self.fail(String::new()))
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
                    })
                    .collect(),
            },
        }
    }

    #[test]
    fn every_field_round_trips() {
        let corpus = sample();
        assert_eq!(decode(&encode(&corpus)), Ok(corpus));
        assert_eq!(decode(&encode(&Corpus::default())), Ok(Corpus::default()));
    }

    #[test]
    fn a_foreign_or_older_blob_is_named() {
        assert_eq!(decode(b"PK\x03\x04"), Err(DecodeError::NotACorpus));
        assert_eq!(decode(b"IMAC"), Err(DecodeError::NotACorpus));
        assert_eq!(decode(b"IMAC\x01\x00"), Err(DecodeError::Version(1)));
    }

    #[test]
    fn every_truncation_and_trailing_byte_is_refused() {
        let blob = encode(&sample());
        for len in 5..blob.len() {
            assert_eq!(decode(&blob[..len]), Err(DecodeError::Malformed), "{len}");
        }
        let mut longer = blob.clone();
        longer.push(0);
        assert_eq!(decode(&longer), Err(DecodeError::Malformed));
    }

    #[test]
    fn damaged_bytes_never_panic() {
        let blob = encode(&sample());
        for i in 5..blob.len() {
            for b in [0x00, 0x01, 0x7f, 0x80, 0xff] {
                let mut damaged = blob.clone();
                damaged[i] = b;
                let _ = decode(&damaged);
            }
        }
        // A count far beyond the blob fails without reserving it.
        assert_eq!(
            decode(b"IMAC\x02\xff\xff\xff\xff\x0f"),
            Err(DecodeError::Malformed)
        );
    }
}
