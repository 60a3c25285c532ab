use ima_statements::archive::Archive;
use ima_statements::search::SearchIndex;
use ima_statements::synth;
fn main() {
    let q = std::env::args().nth(1).unwrap();
    let real = Archive::embedded().unwrap().corpus().clone();
    let c = synth::corpus(&real, 10000);
    let idx = SearchIndex::new(&c);
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..6000 {
        n += idx.search(&q).matches.map_or(0, |m| m.len());
    }
    eprintln!("{:?} per query, {n}", t.elapsed() / 6000);
}
