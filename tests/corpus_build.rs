//! A bad corpus file stops the build, naming the file, the line and the reason.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;

/// Builds the library against the corpus in `fixture` and returns (success, stderr).
fn build_with_corpus(fixture: &str) -> (bool, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(env!("CARGO"))
        .args(["check", "--lib", "--quiet", "--offline"])
        .current_dir(root)
        .env("IMA_CORPUS_DIR", format!("tests/fixtures/corpus/{fixture}"))
        // Its own target directory: the outer build is not disturbed and no lock is shared.
        .env("CARGO_TARGET_DIR", root.join("target/corpus-check"))
        .output()
        .expect("cargo runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn an_impossible_date_stops_the_build_with_file_line_and_reason() {
    let (ok, stderr) = build_with_corpus("impossible-date");
    assert!(!ok, "the build should fail");
    assert!(
        stderr.contains(
            "impossible-date/statements/x.md:5: bad `date`: `2015-02-30` is an impossible date"
        ),
        "stderr was:\n{stderr}"
    );
}

#[test]
fn a_valid_corpus_builds() {
    let (ok, stderr) = build_with_corpus("valid");
    assert!(ok, "stderr was:\n{stderr}");
}
