//! The combined request of a visitor narrowing the archive: text, two
//! facets, a date range, facet counts and chronology bins, at growing sizes.
//!
//! Larger archives are the real statements replicated with new ids and
//! shifted dates (same precision), keeping their first two paragraphs so that
//! 100,000 statements fit in memory. Prints median and p99 per size, for the
//! whole `Archive::search`, for the text index alone, and for the filtering stages alone (filters,
//! disjunctive counts, chronology, given the text matches).
//!
//! Run: `cargo bench --bench filter`

use std::hint::black_box;
use std::time::{Duration, Instant};

use ima_statements::archive::Archive;
use ima_statements::chronology::ChronologyOptions;
use ima_statements::corpus::Corpus;
use ima_statements::date::{Day, PartialDate, Precision};
use ima_statements::facets;
use ima_statements::filter::FilterIndex;
use ima_statements::lang::Lang;
use ima_statements::request::Request;
use ima_statements::statement::Statement;
use ima_statements::vocabulary::PerFacet;

/// `n` statements made from the real ones.
fn replicated(real: &Archive, n: usize) -> Archive {
    if n <= real.len() {
        return real.clone();
    }
    let originals = real.statements();
    let statements = (0..n)
        .map(|i| {
            let s = &originals[i % originals.len()];
            let copy = i / originals.len();
            let mut s: Statement = s.clone();
            s.id = format!("{}-{copy}", s.id);
            // Spread copies over thirty years, a prime number of days apart.
            s.date = shifted(&s.date, (copy as i32 * 37) % (30 * 365));
            let mut body = s.body.paragraphs().into_owned();
            body.truncate(2);
            s.body = body.into();
            s
        })
        .collect();
    Archive::new(Corpus::new(statements, real.vocabulary().clone()))
}

/// `date` moved `days` later, written with the same precision.
fn shifted(date: &PartialDate, days: i32) -> PartialDate {
    let start = Day::from_ordinal(date.start().ordinal() + days);
    let end = Day::from_ordinal(date.end().ordinal() + days);
    let written = match date.precision() {
        Precision::Day => start.to_string(),
        Precision::Month => format!("{:04}-{:02}", start.year, start.month),
        Precision::Year => format!("{:04}", start.year),
        Precision::Range => format!("{start}/{end}"),
    };
    PartialDate::parse(&written).unwrap_or(*date)
}

fn request() -> Request {
    Request {
        text: "rohingya".into(),
        selection: PerFacet {
            topic: vec!["refugees".into(), "trafficking".into()],
            place: vec!["malaysia".into(), "thailand".into()],
            ..PerFacet::default()
        },
        from: Some("2015-05".into()),
        to: Some("2030".into()),
        ..Request::default()
    }
}

/// Median and 99th percentile of `samples` runs of `f`.
fn measure(samples: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    for _ in 0..samples.div_ceil(10) {
        f();
    }
    let mut times: Vec<Duration> = (0..samples)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99))
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

fn main() {
    let real = ima_statements::archive::embedded().expect("the embedded corpus decodes");
    println!("combined request: {:?}", request());
    println!();
    println!("| statements | archive build ms | filter index build ms | total | search median ms | search p99 ms | text median ms | filters median ms | filters p99 ms |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (n, samples) in [(11, 2000), (1_000, 1000), (10_000, 300), (100_000, 60)] {
        let t = Instant::now();
        let archive = replicated(&real, n);
        let build = t.elapsed();
        // Fastest of three: a shared machine's pauses are not the index's cost.
        let filter_build = (0..3)
            .map(|_| {
                let t = Instant::now();
                black_box(FilterIndex::new(archive.corpus()));
                t.elapsed()
            })
            .min()
            .unwrap_or_default();
        let request = request();
        let total = archive
            .search(&request)
            .expect("the request is valid")
            .total;
        let (median, p99) = measure(samples, || {
            black_box(archive.search(black_box(&request)).ok());
        });
        let filters = archive.filters();
        let query = request
            .check(&|f, v| filters.find(f, v))
            .expect("the request is valid");
        let text = archive.index().search(&query.text);
        let (t_median, _) = measure(samples, || {
            black_box(archive.index().search(black_box(&query.text)));
        });
        let options = ChronologyOptions::default();
        let (f_median, f_p99) = measure(samples, || {
            let selection = filters.select(&query, &text);
            black_box(facets::count(filters, &selection, &query));
            black_box(
                archive
                    .chronology_of(&selection.matched, &options, Lang::En)
                    .ok(),
            );
        });
        println!(
            "| {n} | {:.1} | {:.1} | {total} | {} | {} | {} | {} | {} |",
            build.as_secs_f64() * 1000.0,
            filter_build.as_secs_f64() * 1000.0,
            ms(median),
            ms(p99),
            ms(t_median),
            ms(f_median),
            ms(f_p99)
        );
    }
}
