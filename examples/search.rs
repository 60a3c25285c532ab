//! Searches the embedded corpus from the command line and prints the ranked
//! statements with their snippets, matches in [brackets].
//!
//! ```text
//! cargo run --example search -- 'rohingya -thailand'
//! ```

// The example runs natively; the browser test build compiles it to an empty program.
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use ima_statements::response::Segment;

    fn show(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| {
                if s.matched {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    pub fn main() {
        let started = std::time::Instant::now();
        let archive = match ima_statements::archive::embedded() {
            Ok(a) => a,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        eprintln!(
            "{} statements loaded and indexed in {:.1} ms",
            archive.len(),
            started.elapsed().as_secs_f64() * 1000.0
        );
        let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
        let index = archive.index();
        let result = index.search(&text);
        println!("understood: {:?}", result.query);
        let Some(mut matches) = result.matches.clone() else {
            println!("no text constraint: every statement matches");
            return;
        };
        let statements = archive.statements();
        // Relevance, then newest first, as the archive sorts.
        matches.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
        println!("{} statements", matches.len());
        for (doc, score) in matches {
            let s = &statements[doc];
            println!(
                "\n{score:7.3}  {}",
                show(&index.highlight(&s.title, &result))
            );
            println!("         {}", s.id);
            println!(
                "         {}",
                show(&index.snippet(archive.corpus(), doc, &result, 30))
            );
        }
    }
}
