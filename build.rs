//! Validates the corpus under `corpus/` and embeds it.
//!
//! The corpus is read and encoded by the core crate (`core/`), the same code
//! the library reads it back with, so the build and the library can never
//! disagree about the format. Any mistake in a corpus file stops the build
//! with `file:line: reason`.
//!
//! The search index is not embedded: the archive builds it from the corpus
//! blob (`core/src/corpus/blob.rs` documents its layout).
//!
//! `IMA_CORPUS_DIR` points the build at another corpus directory (used by the
//! tests of bad corpus files and by the synthetic large-corpus builds).

use ima_core::{corpus, css};
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
    // uses (see `SYMBOLS` in core/src/corpus/blob.rs): a large corpus is
    // stored as symbols only when the core reads them, which the `symbols`
    // feature asks of a WebAssembly build; native builds always read them.
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let reads_symbols = !wasm || std::env::var_os("CARGO_FEATURE_SYMBOLS").is_some();
    let large = corpus.statements.len() >= corpus::blob::SYMBOLS_FROM;
    if large && !reads_symbols {
        println!(
            "cargo::warning=a corpus this large is smaller embedded as symbols: build with `--features symbols`"
        );
    }
    let blob = corpus::blob::encode_as(&corpus, large && reads_symbols);
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
