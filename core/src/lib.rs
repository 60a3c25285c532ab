//! # ima-core
//!
//! The International Migrants Alliance statement archive's core: the
//! statements, and the searches, filters and chronology requests over them,
//! in plain Rust with no browser dependency. The `ima-statements` crate
//! embeds a corpus and puts this core in a web page; its build script uses
//! this crate's parser to check and encode the corpus.
//!
//! The parts, from the ground up:
//!
//! - [`date`], [`lang`], [`text`] (with [`case`]), [`vocabulary`], [`statement`]: the model —
//!   partial dates with precision, interface languages, tokens and folding,
//!   the entity vocabulary, a statement; [`stem`] is the English stemmer
//!   search terms are made with, [`number`] writes whole numbers as text.
//! - [`corpus`]: the corpus files people edit (parsed and validated by the
//!   library's build script, which stops the build on any mistake) and the
//!   compact blob it embeds.
//! - [`bitset`]: sets of statements, by their place in time order.
//! - [`search`], [`filter`]: the indexes — full-text search, snippets and
//!   highlights; facet values and date spans as [`bitset`]s of statements
//!   in time order.
//! - [`request`], [`facets`], [`chronology`]: the query — a search request
//!   and its validation, then what consumes the set of statements it keeps:
//!   disjunctive facet counts and the time axis of bins, gaps and points.
//! - [`archive`]: a corpus ready to query; the one place where an answer
//!   ([`response`]) is composed ([`archive::Archive::search`]).
//!   The model knows nothing of the indexes, the indexes nothing of the
//!   query, and none of them of the archive (see [`archive`]).
//! - [`record`], [`response`]: the plain records the JavaScript API returns.
//! - [`related`]: the statements nearest to one by shared entities and
//!   distinctive words, for the reading view.
//! - [`css`]: the stylesheet minifier the library's build script runs.
//! - `synth` (native only): synthetic corpora of any size, generated from
//!   the real one, for benchmarks and large test builds.
//!
//! The `symbols` feature makes a WebAssembly build read corpus blobs that
//! store their paragraphs as symbols (a large archive; native builds always
//! do): see [`corpus::blob`].

pub mod archive;
pub mod bitset;
pub mod case;
pub mod chronology;
pub mod corpus;
pub mod css;
pub mod date;
pub mod facets;
pub mod filter;
pub mod lang;
pub mod number;
pub mod record;
pub mod related;
pub mod request;
pub mod response;
pub mod search;
pub mod statement;
pub mod stem;
#[cfg(not(target_arch = "wasm32"))]
pub mod synth;
pub mod text;
pub mod vocabulary;

/// The real corpus for the tests, read from the repository's `corpus/` and
/// passed through the blob the way the library embeds it.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod testing {
    use std::path::{Path, PathBuf};

    use crate::archive::Archive;
    use crate::corpus::DecodeError;

    /// The repository's root, which holds `corpus/` and `tests/fixtures/`.
    pub fn repo() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    /// The archive of the real corpus, as the library embeds it.
    pub fn archive() -> Result<Archive, DecodeError> {
        let corpus = crate::corpus::source::load(&repo().join("corpus"))
            .unwrap_or_else(|e| panic!("the real corpus loads: {e}"));
        Archive::from_blob(Box::leak(corpus.to_bytes().into_boxed_slice()))
    }

    /// A synthetic corpus of `n` statements made from the real one, and its
    /// blob with the paragraphs stored as symbols (as a large archive's is),
    /// kept for the rest of the run.
    #[cfg(ima_symbols)]
    pub fn large(n: usize) -> (crate::corpus::Corpus, &'static [u8]) {
        let real = archive().expect("the real corpus decodes").corpus().clone();
        let corpus = crate::synth::corpus(&real, n);
        let blob = crate::corpus::blob::encode_as(&corpus, true);
        (corpus, Box::leak(blob.into_boxed_slice()))
    }
}
