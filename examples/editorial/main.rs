//! The editors' tool for the statement corpus, run by `./build.sh new` and
//! `./build.sh check`:
//!
//! ```text
//! editorial new FILE|- [--source NAME] [--corpus DIR]   draft corpus/statements/<id>.md from a page's text
//! editorial check [--corpus DIR]                        validate the corpus as the build does, and warn
//! ```
//!
//! It is native only and never part of the shipped module. `build.sh`
//! compiles it against the small fixture corpus (`IMA_CORPUS_DIR`) in its
//! own target directory, so a broken or half-drafted `corpus/` never stops
//! the tool that reports on it.

// The example runs natively; the browser test build compiles it to an empty program.
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod dates;
#[cfg(not(target_arch = "wasm32"))]
mod draft;
#[cfg(not(target_arch = "wasm32"))]
mod file;
#[cfg(not(target_arch = "wasm32"))]
mod names;
#[cfg(not(target_arch = "wasm32"))]
mod page;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod seeds;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::Read as _;
    use std::path::{Path, PathBuf};
    use std::process::exit;
    use std::time::Instant;

    use ima_statements::corpus::source;

    use crate::{check, draft, file};

    const USAGE: &str = "usage: editorial new FILE|- [--source NAME] [--corpus DIR]\n       editorial check [--corpus DIR]";

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let mut corpus = PathBuf::from("corpus");
        let mut source_name = None;
        let mut positional = Vec::new();
        let mut i = 0;
        while i < args.len() {
            match args[i].as_str() {
                "--corpus" | "--source" if i + 1 < args.len() => {
                    if args[i] == "--corpus" {
                        corpus = PathBuf::from(&args[i + 1]);
                    } else {
                        source_name = Some(args[i + 1].clone());
                    }
                    i += 2;
                }
                a => {
                    positional.push(a.to_owned());
                    i += 1;
                }
            }
        }
        match positional.as_slice() {
            [cmd, file] if cmd == "new" => new(file, source_name, &corpus),
            [cmd] if cmd == "check" => run_check(&corpus),
            _ => {
                eprintln!("{USAGE}");
                exit(2);
            }
        }
    }

    fn new(file: &str, source_name: Option<String>, corpus: &Path) {
        let (text, file_name) = if file == "-" {
            let mut text = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut text) {
                eprintln!("error: cannot read the page from stdin: {e}");
                exit(1);
            }
            (text, None)
        } else {
            match std::fs::read(file) {
                // A page in another encoding is read as far as it is UTF-8.
                Ok(bytes) => (
                    String::from_utf8_lossy(&bytes).into_owned(),
                    Path::new(file)
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned()),
                ),
                Err(e) => {
                    eprintln!("error: cannot read {file}: {e}");
                    exit(1);
                }
            }
        };
        let vocabulary_path = corpus.join("vocabulary.toml");
        let vocabulary = std::fs::read_to_string(&vocabulary_path)
            .map_err(|e| format!("{}:0: cannot read file: {e}", vocabulary_path.display()))
            .and_then(|t| {
                source::parse_vocabulary(&vocabulary_path.display().to_string(), &t)
                    .map_err(|e| e.to_string())
            });
        let vocabulary = match vocabulary {
            Ok(v) => v,
            Err(e) => {
                eprintln!("error: {e}");
                exit(1);
            }
        };
        let source_name = source_name.or(file_name);
        let mut d = draft::draft(&text, source_name.as_deref(), &vocabulary);
        match file::write_new(corpus, &mut d) {
            Ok(path) => print!("{}", d.report(&path, &vocabulary)),
            Err(e) => {
                eprintln!("error: {e}");
                exit(1);
            }
        }
    }

    fn run_check(corpus: &Path) {
        let started = Instant::now();
        let report = check::check(corpus);
        if let Some(first) = report.errors.first() {
            // As build.rs prints it.
            eprintln!("error: the statement corpus is invalid\n  --> {first}");
            for e in &report.errors[1..] {
                eprintln!("  --> {e}");
            }
        }
        for w in &report.warnings {
            println!("{w}");
        }
        let took = started.elapsed().as_millis();
        match &report.corpus {
            Some(c) => {
                let about_vocabulary = report
                    .warnings
                    .iter()
                    .filter(|w| w.file.ends_with("vocabulary.toml"))
                    .count();
                println!(
                    "{}: valid, {} statements, {} entities; warnings: {} about statements, {about_vocabulary} about the vocabulary ({took} ms)",
                    corpus.display(),
                    c.statements.len(),
                    c.vocabulary.entities.len(),
                    report.warnings.len() - about_vocabulary,
                )
            }
            None => {
                eprintln!(
                    "{}: invalid, {} file{} to fix ({took} ms)",
                    corpus.display(),
                    report.errors.len(),
                    if report.errors.len() == 1 { "" } else { "s" }
                );
                exit(1);
            }
        }
    }
}
