//! Sets `ima_symbols` when this build reads corpus blobs that hold their
//! paragraphs as symbols (`src/corpus/blob.rs`): every native build, and a
//! WebAssembly build with the `symbols` feature, which the library enables
//! for a large archive. The module of a small archive then carries no
//! symbol decoding or indexing.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if !wasm || std::env::var_os("CARGO_FEATURE_SYMBOLS").is_some() {
        println!("cargo::rustc-cfg=ima_symbols");
    }
}
