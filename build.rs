//! Validates the corpus under `corpus/` and embeds it.
//!
//! The model and the corpus parser are the library's own modules, included by
//! path so the build and the library can never disagree about the format. Any
//! mistake in a corpus file stops the build with `file:line: reason`.
//!
//! The search index is not embedded: the archive builds it from the corpus
//! blob (`src/corpus/blob.rs` documents its layout).
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
    // The WebAssembly module reads only the paragraph layout its own corpus
    // uses (see `SYMBOLS` in src/corpus/blob.rs): a small corpus's module
    // carries no symbol decoding. Native builds read both.
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if !wasm || corpus.statements.len() >= corpus::blob::SYMBOLS_FROM {
        println!("cargo::rustc-cfg=ima_symbols");
    }
    let blob = corpus.to_bytes();
    if let Err(e) = std::fs::write(out.join("corpus.bin"), &blob) {
        eprintln!("error: cannot write the embedded corpus: {e}");
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
