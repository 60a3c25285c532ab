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
use crate::date::PartialDate;
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
    let mut r = Reader(rest);
    let statements = r.list(|r| {
        Some(Statement {
            id: r.str()?,
            title: r.str()?,
            subtitle: r.opt()?,
            kind: r.str()?,
            date: PartialDate::parse(&r.str()?).ok()?,
            approximate: r.opt()?,
            signatories: r.list(|r| {
                Some(Signatory {
                    name: r.str()?,
                    role: r.opt()?,
                })
            })?,
            source: r.str()?,
            excerpt: match r.byte()? {
                0 => false,
                1 => true,
                _ => return None,
            },
            related: r.strs()?,
            tags: r.list(|r| u16::try_from(r.num()?).ok())?,
            body: r.strs()?,
        })
    });
    let corpus = statements.and_then(|statements| {
        let kinds = r.list(|r| {
            Some(Kind {
                slug: r.str()?,
                label: r.str()?,
            })
        })?;
        let entities = r.list(|r| {
            Some(Entity {
                facet: *Facet::ALL.get(usize::from(r.byte()?))?,
                slug: r.str()?,
                label: r.str()?,
                aliases: r.strs()?,
            })
        })?;
        Some(Corpus {
            statements,
            vocabulary: Vocabulary { kinds, entities },
        })
    });
    match corpus {
        Some(corpus) if r.0.is_empty() => Ok(corpus),
        _ => Err(DecodeError::Malformed),
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

/// What is left of the blob.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    fn num(&mut self) -> Option<usize> {
        let mut n = 0u32;
        for shift in (0..32).step_by(7) {
            let b = self.byte()?;
            n |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(n as usize);
            }
        }
        None
    }

    fn bytes(&mut self, len: usize) -> Option<String> {
        let (text, rest) = self.0.split_at_checked(len)?;
        self.0 = rest;
        String::from_utf8(text.to_vec()).ok()
    }

    fn str(&mut self) -> Option<String> {
        let len = self.num()?;
        self.bytes(len)
    }

    fn opt(&mut self) -> Option<Option<String>> {
        match self.num()? {
            0 => Some(None),
            len => self.bytes(len - 1).map(Some),
        }
    }

    fn strs(&mut self) -> Option<Vec<String>> {
        self.list(Reader::str)
    }

    /// `count` items. Every item takes at least one byte, so a damaged
    /// count cannot reserve more than the blob holds.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let count = self.num()?;
        let mut out = Vec::with_capacity(count.min(self.0.len()));
        for _ in 0..count {
            out.push(item(self)?);
        }
        Some(out)
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
