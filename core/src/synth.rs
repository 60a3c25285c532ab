//! Synthetic corpora of any size, generated deterministically from a real
//! one, to measure search at scale (`benches/search.rs`) and to build a large
//! widget for browser measurements (`examples/synth_corpus.rs` writes a
//! corpus directory that `IMA_CORPUS_DIR=<dir> cargo build` embeds).
//!
//! Statement `i` takes the shape of real statement `i mod n` (kind, number
//! of paragraphs, subtitle, signatories) and paragraphs drawn from all real
//! statements, in which about one word in twenty is replaced: half of the
//! time by another word of the corpus, half by an invented word. Invented
//! words come from a pool that grows with the corpus and are drawn with a
//! skewed distribution, so the vocabulary keeps growing the way a real
//! archive's does (a few new words are common, most are rare). Dates spread
//! over 2000–2029, one day each. The same `(base, n)` always gives the same
//! corpus.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use crate::corpus::Corpus;
use crate::date::PartialDate;
use crate::statement::Statement;
use crate::text::tokens;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const SYLLABLES: [&str; 24] = [
    "ka", "ri", "mo", "lan", "te", "su", "vi", "pa", "no", "gu", "sha", "ber", "to", "len", "da",
    "mi", "ro", "sen", "fa", "ku", "zi", "hol", "ne", "bar",
];

/// The invented word number `k`: its syllables are the base-24 digits of `k`.
fn invented(mut k: usize) -> String {
    let mut word = String::new();
    loop {
        word.push_str(SYLLABLES[k % SYLLABLES.len()]);
        k /= SYLLABLES.len();
        if k == 0 {
            break;
        }
    }
    word.push_str(SYLLABLES[word.len() % SYLLABLES.len()]);
    word
}

/// `text` with about one word in twenty replaced.
fn mutate(text: &str, rng: &mut Rng, words: &[&str], pool: usize) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for t in tokens(text) {
        if rng.below(20) != 0 {
            continue;
        }
        out.push_str(&text[last..t.start]);
        if rng.below(2) == 0 && !words.is_empty() {
            out.push_str(words[rng.below(words.len())]);
        } else {
            // Skewed towards small numbers: pool^u for u uniform in [0, 1).
            let k = (pool as f64).powf(rng.unit()) as usize;
            out.push_str(&invented(k));
        }
        last = t.end;
    }
    out.push_str(&text[last..]);
    out
}

/// A corpus of `n` statements generated from `base` (see the module docs).
pub fn corpus(base: &Corpus, n: usize) -> Corpus {
    let real = &base.statements;
    if real.is_empty() {
        return Corpus::new(Vec::new(), base.vocabulary.clone());
    }
    let bodies: Vec<_> = real.iter().map(|s| s.body.paragraphs()).collect();
    let paragraphs: Vec<&str> = bodies
        .iter()
        .flat_map(|b| b.iter().map(String::as_str))
        .collect();
    let words: Vec<&str> = paragraphs
        .iter()
        .flat_map(|p| tokens(p).map(|t| t.text))
        .collect();
    // About as many invented words as a real archive of this size would add.
    let pool = 50 + n * 3;
    let mut statements = Vec::with_capacity(n);
    for i in 0..n {
        let mut rng = Rng(seed(i));
        let shape = &real[i % real.len()];
        let shape_body = &bodies[i % real.len()];
        let title = mutate(&shape.title, &mut rng, &words, pool);
        let subtitle = shape
            .subtitle
            .as_ref()
            .map(|s| mutate(s, &mut rng, &words, pool));
        let body: Vec<String> = (0..shape_body.len().max(1))
            .map(|_| {
                let p = paragraphs[rng.below(paragraphs.len())];
                mutate(p, &mut rng, &words, pool)
            })
            .collect();
        let year = 2000 + (i * 30 / n.max(1)).min(29);
        let date = format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
        let date = PartialDate::parse(&date).unwrap_or(shape.date);
        let mut texts: Vec<&str> = vec![&title];
        texts.extend(subtitle.as_deref());
        texts.extend(body.iter().map(String::as_str));
        texts.extend(shape.signatories.iter().map(|s| s.name.as_str()));
        texts.extend(shape.signatories.iter().filter_map(|s| s.role.as_deref()));
        let tags = base.vocabulary.tag(&texts);
        statements.push(Statement {
            id: format!("synth-{i:06}"),
            title,
            subtitle,
            kind: shape.kind.clone(),
            date,
            approximate: None,
            signatories: shape.signatories.clone(),
            source: "synthetic".into(),
            excerpt: false,
            related: Vec::new(),
            tags,
            body: body.into(),
        });
    }
    Corpus::new(statements, base.vocabulary.clone())
}

/// Seed of statement `i`.
fn seed(i: usize) -> u64 {
    0x1a2b_3c4d_5e6f_7081 ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes `corpus` as a corpus directory (`vocabulary.toml` as given, one
/// file per statement under `statements/`) that `build.rs` accepts.
pub fn write(corpus: &Corpus, vocabulary_toml: &str, dir: &Path) -> io::Result<()> {
    let statements = dir.join("statements");
    std::fs::create_dir_all(&statements)?;
    std::fs::write(dir.join("vocabulary.toml"), vocabulary_toml)?;
    for s in &corpus.statements {
        let mut file = String::from("+++\n");
        let _ = writeln!(file, "id = {}", toml_string(&s.id));
        let _ = writeln!(file, "title = {}", toml_string(&s.title));
        if let Some(subtitle) = &s.subtitle {
            let _ = writeln!(file, "subtitle = {}", toml_string(subtitle));
        }
        let _ = writeln!(file, "kind = {}", toml_string(&s.kind));
        let _ = writeln!(file, "date = {}", toml_string(&s.date.to_written()));
        if !s.signatories.is_empty() {
            file.push_str("signatories = [");
            for (k, sig) in s.signatories.iter().enumerate() {
                if k > 0 {
                    file.push_str(", ");
                }
                let _ = write!(file, "{{ name = {}", toml_string(&sig.name));
                if let Some(role) = &sig.role {
                    let _ = write!(file, ", role = {}", toml_string(role));
                }
                file.push_str(" }");
            }
            file.push_str("]\n");
        }
        let _ = writeln!(file, "source = {}", toml_string(&s.source));
        file.push_str("+++\n");
        for p in s.body.paragraphs().iter() {
            file.push('\n');
            file.push_str(p.trim());
            file.push('\n');
        }
        std::fs::write(statements.join(format!("{}.md", s.id)), file)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Corpus {
        crate::testing::archive()
            .expect("embedded corpus")
            .corpus()
            .clone()
    }

    #[test]
    fn generation_is_deterministic_and_sized() {
        let base = base();
        let a = corpus(&base, 200);
        let b = corpus(&base, 200);
        assert_eq!(a, b);
        assert_eq!(a.statements.len(), 200);
        let mut ids: Vec<&str> = a.statements.iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 200);
    }

    #[test]
    fn written_corpora_load_back() {
        let base = base();
        let synthetic = corpus(&base, 30);
        let dir = std::env::temp_dir().join(format!("ima-synth-test-{}", std::process::id()));
        let vocabulary =
            std::fs::read_to_string(crate::testing::repo().join("corpus/vocabulary.toml"))
                .expect("vocabulary");
        write(&synthetic, &vocabulary, &dir).expect("written");
        let loaded = crate::corpus::source::load(&dir).expect("loads");
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(loaded.statements.len(), 30);
        for (a, b) in loaded.statements.iter().zip(&synthetic.statements) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.title, b.title.trim());
            assert_eq!(a.tags, b.tags);
        }
    }
}
