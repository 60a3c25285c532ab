//! Validates the corpus under `corpus/` and embeds it.
//!
//! The model and the corpus parser are the library's own modules, included by
//! path so the build and the library can never disagree about the format. Any
//! mistake in a corpus file stops the build with `file:line: reason`.
//!
//! For a large corpus it also builds the search index (`src/search/index.rs`,
//! which documents the blob), embedded next to it; `index.bin` is empty
//! otherwise and the archive indexes the corpus when it loads.
//!
//! `IMA_CORPUS_DIR` points the build at another corpus directory (used by the
//! tests of bad corpus files and by the synthetic large-corpus builds).

#![allow(dead_code)]

#[path = "src/case.rs"]
mod case;
#[path = "src/corpus/mod.rs"]
mod corpus;
#[path = "src/widget/css.rs"]
mod css;
#[path = "src/date.rs"]
mod date;
#[path = "src/search/index.rs"]
mod index;
#[path = "src/lang.rs"]
mod lang;
#[path = "src/number.rs"]
mod number;
#[path = "src/statement.rs"]
mod statement;
#[path = "src/stem.rs"]
mod stem;
#[path = "src/text.rs"]
mod text;
#[path = "src/vocabulary.rs"]
mod vocabulary;

use std::path::PathBuf;

/// Smallest corpus whose search index is built at compile time.
const EMBED_INDEX_FROM: usize = 200;

fn main() {
    println!("cargo:rerun-if-env-changed=IMA_CORPUS_DIR");
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let dir = match std::env::var_os("IMA_CORPUS_DIR") {
        Some(dir) => manifest.join(dir),
        None => manifest.join("corpus"),
    };
    println!("cargo:rerun-if-changed={}", dir.display());

    let corpus = match corpus::source::load(&dir) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("error: the statement corpus is invalid\n  --> {e}");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let blob = corpus.to_bytes();
    if let Err(e) = std::fs::write(out.join("corpus.bin"), &blob) {
        eprintln!("error: cannot write the embedded corpus: {e}");
        std::process::exit(1);
    }
    // A large corpus's search index is built here so loading the library
    // only decodes it (10,000 statements: ~10 ms instead of seconds). A small
    // one is indexed when the archive loads, in a few milliseconds, which is
    // cheaper than shipping the blob (~30 KB gzipped for the 11 statements).
    let index = if corpus.statements.len() >= EMBED_INDEX_FROM {
        index::Index::build(&corpus).to_bytes()
    } else {
        Vec::new()
    };
    if let Err(e) = std::fs::write(out.join("index.bin"), &index) {
        eprintln!("error: cannot write the embedded search index: {e}");
        std::process::exit(1);
    }
    for sheet in ["widget.css", "timeline.css"] {
        let source = manifest.join("www").join(sheet);
        println!("cargo:rerun-if-changed={}", source.display());
        let written = std::fs::read_to_string(&source)
            .and_then(|css| std::fs::write(out.join(sheet), css::minify(&css)));
        if let Err(e) = written {
            eprintln!("error: cannot embed {}: {e}", source.display());
            std::process::exit(1);
        }
    }
}
