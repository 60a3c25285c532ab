//! Search speed and index cost on the real corpus and on synthetic corpora
//! of 1,000, 10,000 and 100,000 statements (see `src/synth.rs`).
//!
//! ```text
//! cargo bench --bench search                 # every size
//! cargo bench --bench search -- 11 10000     # chosen sizes (11 = the real corpus)
//! ```
//!
//! It first prints how long stemming a word takes (the corpus's words, by
//! `src/stem.rs` and by the `rust-stemmers` crate). For each size it prints
//! the time to index the text, the time to decode the corpus blob and
//! index it from its symbols (what `Archive::embedded` and its first text
//! query do; the bodies stay as symbols), the index's heap, the corpus
//! blob's size, then the
//! median and 99th percentile time of each kind of query, as wall time and
//! as the thread's CPU time (which a busy shared machine does not inflate).
//! The snippets are those of the decoded corpus, each body written out from
//! its symbols when read, as in the widget.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ima_statements::corpus::{blob, Corpus};
use ima_statements::search::SearchIndex;
use ima_statements::synth;

/// Counts live heap bytes, to measure what the index holds.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// CPU time of this thread: unlike wall time, it does not count the time
/// other processes on a shared machine take the core away.
#[cfg(target_os = "linux")]
fn cpu_now() -> Duration {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec for the call's duration.
    if unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) } != 0 {
        return Duration::ZERO;
    }
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

#[cfg(not(target_os = "linux"))]
fn cpu_now() -> Duration {
    Duration::ZERO
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median and 99th percentile of `samples`.
fn stats(samples: &mut [Duration]) -> (f64, f64) {
    samples.sort_unstable();
    let at = |q: f64| {
        let i = ((samples.len() as f64 - 1.0) * q).round() as usize;
        ms(samples[i.min(samples.len() - 1)])
    };
    (at(0.5), at(0.99))
}

/// Words in between 1 and 3 statements, spread over the dictionary.
fn rare_words(index: &SearchIndex, count: usize) -> Vec<String> {
    let idx = index.index();
    let candidates: Vec<usize> = (0..idx.word_count())
        .filter(|&w| {
            let t = idx.word_term(w);
            let df = idx.df(t);
            (1..=3).contains(&df)
                && idx.word_text(w).len() >= 6
                && idx.word_text(w).bytes().all(|b| b.is_ascii_lowercase())
        })
        .collect();
    let step = (candidates.len() / count.max(1)).max(1);
    candidates
        .iter()
        .step_by(step)
        .take(count)
        .map(|&w| format!("{} ", idx.word_text(w)))
        .collect()
}

/// Prints how long stemming a word takes, for `src/stem.rs` and for the
/// `rust-stemmers` crate it is tested against, over every distinct word of
/// the corpus (the median of eleven passes).
fn stemming(corpus: &Corpus) {
    let mut words: Vec<String> = corpus
        .statements
        .iter()
        .flat_map(|s| s.body.paragraphs().into_owned())
        .flat_map(|p| {
            ima_statements::text::tokens(&p)
                .map(|t| t.text.to_lowercase())
                .collect::<Vec<_>>()
        })
        .filter(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
        .collect();
    words.sort();
    words.dedup();
    let snowball = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let per_word = |f: &dyn Fn(&str) -> usize| {
        let mut passes: Vec<Duration> = (0..11)
            .map(|_| {
                let t = Instant::now();
                let total: usize = words.iter().map(|w| f(w)).sum();
                std::hint::black_box(total);
                t.elapsed()
            })
            .collect();
        let (median, _) = stats(&mut passes);
        median * 1e6 / words.len().max(1) as f64
    };
    let ours = per_word(&|w| ima_statements::stem::stem(w).len());
    let crate_ = per_word(&|w| snowball.stem(w).len());
    println!(
        "stemming {} words: {ours:.0} ns a word (src/stem.rs), {crate_:.0} ns (rust-stemmers)\n",
        words.len()
    );
}

fn main() {
    let sizes: Vec<usize> = {
        let args: Vec<usize> = std::env::args()
            .skip(1)
            .filter_map(|a| a.parse().ok())
            .collect();
        if args.is_empty() {
            vec![11, 1_000, 10_000, 100_000]
        } else {
            args
        }
    };
    let real = ima_statements::archive::embedded()
        .expect("embedded corpus")
        .corpus()
        .clone();
    let kinds: [(&str, Vec<String>); 7] = [
        (
            "common word",
            vec!["migrants ".into(), "rights ".into(), "people ".into()],
        ),
        ("rare word", Vec::new()),
        (
            "prefix",
            vec!["rohin".into(), "secre".into(), "traf".into(), "mig".into()],
        ),
        (
            "typo",
            vec![
                "rohinga ".into(),
                "tralficking ".into(),
                "comunique ".into(),
                "goverment ".into(),
            ],
        ),
        (
            "phrase",
            vec![
                "\"global compact\"".into(),
                "\"human rights\"".into(),
                "\"migrant workers\"".into(),
            ],
        ),
        (
            "exclusion",
            vec![
                "migrants -rohingya".into(),
                "rights -\"human rights\"".into(),
                "-war".into(),
            ],
        ),
        (
            "three words",
            vec![
                "migrant workers rights".into(),
                "rohingya sea crisis".into(),
                "global compact migration".into(),
            ],
        ),
    ];
    stemming(&real);
    println!(
        "{:>7} | {:>9} | {:>8} | {:>8} | {:>9} | {:>9} | {:>7} {:>7}",
        "size", "build ms", "load ms", "load cpu", "heap MB", "blob MB", "terms", "words"
    );
    let mut tables = Vec::new();
    for &n in &sizes {
        let corpus: Corpus = if n == real.statements.len() {
            real.clone()
        } else {
            synth::corpus(&real, n)
        };
        let before = LIVE.load(Ordering::Relaxed);
        let t = Instant::now();
        let built = SearchIndex::new(&corpus);
        let build = t.elapsed();
        let heap = LIVE.load(Ordering::Relaxed).saturating_sub(before);
        drop(built);
        // The paragraphs as symbols, as a large archive ships them, read as
        // the embedded blob is: kept as symbols, each body written out when
        // read (by the snippets below).
        let blob: &'static [u8] = Box::leak(blob::encode_as(&corpus, true).into_boxed_slice());
        let mut loads = Vec::new();
        let mut load_cpu = Vec::new();
        let mut loaded = None;
        for _ in 0..5 {
            let c = cpu_now();
            let t = Instant::now();
            let (decoded, bodies) = blob::decode_lazily(blob).expect("blob decodes");
            let index = SearchIndex::from_symbols(&decoded, &bodies.expect("symbols"));
            loads.push(t.elapsed());
            load_cpu.push(cpu_now().saturating_sub(c));
            loaded = Some((decoded, index));
        }
        let (corpus, index) = loaded.expect("loaded");
        let (load, _) = stats(&mut loads);
        let (load_cpu, _) = stats(&mut load_cpu);
        println!(
            "{:>7} | {:>9.1} | {:>8.2} | {:>8.2} | {:>9.1} | {:>9.1} | {:>7} {:>7}",
            n,
            ms(build),
            load,
            load_cpu,
            heap as f64 / 1e6,
            blob.len() as f64 / 1e6,
            index.index().term_count(),
            index.index().word_count()
        );
        // Enough runs for a stable p99, within a bounded time per size.
        let runs = if n >= 100_000 { 40 } else { 300 };
        let mut rows = Vec::new();
        for (kind, queries) in &kinds {
            let queries = if queries.is_empty() {
                rare_words(&index, 4)
            } else {
                queries.clone()
            };
            let mut samples = Vec::new();
            let mut cpu = Vec::new();
            let mut hits = 0;
            for r in 0..runs {
                for q in &queries {
                    let c = cpu_now();
                    let t = Instant::now();
                    let result = index.search(q);
                    samples.push(t.elapsed());
                    cpu.push(cpu_now().saturating_sub(c));
                    if r == 0 {
                        hits += result.matches.map_or(0, |m| m.len());
                    }
                }
            }
            let (median, p99) = stats(&mut samples);
            let (cpu_median, cpu_p99) = stats(&mut cpu);
            rows.push((
                kind.to_string(),
                median,
                p99,
                cpu_median,
                cpu_p99,
                hits / queries.len().max(1),
            ));
        }
        // What a results page costs on top: 20 snippets of 30 words.
        let result = index.search("migrant workers rights");
        let mut top = result.matches.clone().unwrap_or_default();
        top.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
        top.truncate(20);
        let mut samples = Vec::new();
        let mut cpu = Vec::new();
        for _ in 0..runs.min(100) {
            let c = cpu_now();
            let t = Instant::now();
            for &(doc, _) in &top {
                std::hint::black_box(index.snippet(&corpus, doc, &result, 30));
            }
            samples.push(t.elapsed());
            cpu.push(cpu_now().saturating_sub(c));
        }
        let (median, p99) = stats(&mut samples);
        let (cpu_median, cpu_p99) = stats(&mut cpu);
        rows.push((
            "20 snippets".into(),
            median,
            p99,
            cpu_median,
            cpu_p99,
            top.len(),
        ));
        tables.push((n, rows));
    }
    for (n, rows) in tables {
        println!("\n{n} statements");
        println!(
            "{:>14} | {:>10} | {:>10} | {:>10} | {:>10} | {:>8}",
            "query", "median ms", "p99 ms", "cpu median", "cpu p99", "hits"
        );
        for (kind, median, p99, cpu_median, cpu_p99, hits) in rows {
            println!(
                "{kind:>14} | {median:>10.3} | {p99:>10.3} | {cpu_median:>10.3} | {cpu_p99:>10.3} | {hits:>8}"
            );
        }
    }
}
