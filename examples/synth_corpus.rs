//! Writes a synthetic corpus of N statements, generated deterministically from
//! the real one, as a corpus directory the build can embed:
//!
//! ```text
//! cargo run --release --example synth_corpus -- 10000 target/synth-10000
//! IMA_CORPUS_DIR=target/synth-10000 cargo build --release --target wasm32-unknown-unknown
//! ```

// The example runs natively; the browser test build compiles it to an empty program.
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::PathBuf;

    use ima_statements::synth;

    pub fn main() {
        let mut args = std::env::args().skip(1);
        let n: usize = match args.next().map(|a| a.parse()) {
            Some(Ok(n)) => n,
            _ => {
                eprintln!("usage: synth_corpus N OUT_DIR");
                std::process::exit(2);
            }
        };
        let Some(out) = args.next().map(PathBuf::from) else {
            eprintln!("usage: synth_corpus N OUT_DIR");
            std::process::exit(2);
        };
        let base = match ima_statements::archive::embedded() {
            Ok(a) => a.corpus().clone(),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        let vocabulary = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/vocabulary.toml");
        let result = std::fs::read_to_string(&vocabulary)
            .and_then(|v| synth::write(&synth::corpus(&base, n), &v, &out));
        if let Err(e) = result {
            eprintln!("cannot write {}: {e}", out.display());
            std::process::exit(1);
        }
        println!("{n} statements written to {}", out.display());
    }
}
