//! Relevance on the real corpus: a table of queries a visitor would type and
//! the statements that must come first, appear, or stay out.
//!
//! Results are ordered as the archive orders them: score, then newest first.
#![cfg(not(target_arch = "wasm32"))]

use ima_statements::archive::Archive;

const ROHINGYA_SEA: &str = "2015-05-asean-save-the-rohingya-at-sea";
const JUSTICE_26: &str = "2015-05-justice-for-the-26";
const PICTURES: &str = "2015-09-let-the-pictures-break-barriers";
const COMMUNIQUE: &str = "2015-11-11-third-general-assembly-communique";
const TPPA_DAY: &str = "2015-12-10-human-rights-day-tppa";
const IMD_2015: &str = "2015-12-18-international-migrants-day-2015";
const BRUSSELS: &str = "2016-03-brussels-bombing";
const IMD_2016: &str = "2016-12-18-international-migrants-day-2016";
const ENGAGEMENT: &str = "2017-07-global-compact-engagement";
const GCM_WITHDRAWAL: &str = "2017-12-04-us-withdrawal-from-gcm";
const SECRETARIAT: &str = "2023-07-12-secretariat-meets-in-hong-kong";

/// One row: what is typed, what must rank first (in order), what must be
/// among the results, and what must not be.
struct Case {
    query: &'static str,
    first: &'static [&'static str],
    includes: &'static [&'static str],
    excludes: &'static [&'static str],
}

const fn case(
    query: &'static str,
    first: &'static [&'static str],
    includes: &'static [&'static str],
    excludes: &'static [&'static str],
) -> Case {
    Case {
        query,
        first,
        includes,
        excludes,
    }
}

const CASES: &[Case] = &[
    // Names, places, events.
    case(
        "rohingya",
        &[ROHINGYA_SEA],
        &[JUSTICE_26, PICTURES],
        &[BRUSSELS],
    ),
    case("brussels bombing", &[BRUSSELS], &[], &[ROHINGYA_SEA]),
    case("hong kong secretariat", &[SECRETARIAT], &[], &[]),
    case("Aylan", &[PICTURES], &[], &[JUSTICE_26]),
    case("jungle graves thailand", &[JUSTICE_26], &[], &[PICTURES]),
    case("Eni Lestari", &[], &[JUSTICE_26, GCM_WITHDRAWAL], &[]),
    case("international migrants day 2016", &[IMD_2016], &[], &[]),
    case("IMD 2015", &[IMD_2015], &[], &[]),
    case(
        "global compact",
        &[ENGAGEMENT],
        &[GCM_WITHDRAWAL],
        &[JUSTICE_26],
    ),
    case("mediterranean syrian", &[PICTURES], &[], &[]),
    // Diacritics, case, stemming.
    case("communique", &[COMMUNIQUE], &[], &[BRUSSELS]),
    case("COMMUNIQUÉ", &[COMMUNIQUE], &[], &[]),
    case("Rohingyas", &[ROHINGYA_SEA], &[JUSTICE_26, PICTURES], &[]),
    case("bombings", &[BRUSSELS], &[], &[]),
    case(
        "trafficked migrant",
        &[],
        &[JUSTICE_26, ROHINGYA_SEA],
        &[SECRETARIAT],
    ),
    // Numbers and acronyms, and aliases of the vocabulary.
    case("26", &[JUSTICE_26], &[], &[]),
    case("TPPA", &[TPPA_DAY], &[], &[JUSTICE_26]),
    case("APEC", &[COMMUNIQUE], &[], &[]),
    // ENGAGEMENT never writes "GCM", only "Global Compact on Migration".
    case("GCM", &[GCM_WITHDRAWAL], &[ENGAGEMENT], &[JUSTICE_26]),
    // Only JUSTICE_26 writes "Burma"; the others say Myanmar.
    case("Burma", &[JUSTICE_26], &[ROHINGYA_SEA], &[BRUSSELS]),
    case("US withdrawal", &[GCM_WITHDRAWAL], &[], &[]),
    // As you type: the last word is a prefix.
    case("rohin", &[ROHINGYA_SEA], &[JUSTICE_26, PICTURES], &[]),
    case("brussels bomb", &[BRUSSELS], &[], &[]),
    case("secretariat hong ko", &[SECRETARIAT], &[], &[]),
    // Typos in longer words.
    case("rohinga", &[ROHINGYA_SEA], &[JUSTICE_26], &[BRUSSELS]),
    case(
        "tralficking",
        &[],
        &[JUSTICE_26, ROHINGYA_SEA],
        &[SECRETARIAT],
    ),
    case("comunique", &[COMMUNIQUE], &[], &[]),
    // Phrases.
    case(
        "\"jungle graves\"",
        &[JUSTICE_26],
        &[],
        &[PICTURES, ROHINGYA_SEA],
    ),
    case("\"human rights day\"", &[TPPA_DAY], &[], &[JUSTICE_26]),
    case("\"migrants day\"", &[], &[IMD_2016], &[JUSTICE_26]),
    // Exclusions.
    case(
        "rohingya -thailand",
        &[PICTURES],
        &[],
        &[ROHINGYA_SEA, JUSTICE_26],
    ),
    case(
        "global compact -\"united states\"",
        &[ENGAGEMENT],
        &[],
        &[GCM_WITHDRAWAL],
    ),
    // British and American spelling.
    case("labour", &[], &[PICTURES, GCM_WITHDRAWAL, ENGAGEMENT], &[]),
    case("labor", &[], &[ENGAGEMENT, PICTURES], &[]),
    case("organisations", &[], &[COMMUNIQUE], &[]),
    // A city is its own place, within its country: its name finds the
    // statements that name it, first, before one that only names the country
    // (the secretariat's news names the Philippines, never Manila).
    case("manila", &[COMMUNIQUE], &[], &[SECRETARIAT]),
    case("quezon city", &[COMMUNIQUE], &[], &[SECRETARIAT]),
    case("Quezon", &[COMMUNIQUE], &[], &[SECRETARIAT]),
    // Common words do not drown the query.
    case("the rohingya of the sea", &[ROHINGYA_SEA], &[], &[BRUSSELS]),
];

fn ranked(archive: &Archive, query: &str) -> Vec<String> {
    let result = archive.index().search(query);
    let mut matches = result.matches.unwrap_or_default();
    matches.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
    matches
        .iter()
        .map(|&(doc, _)| archive.statements()[doc].id.clone())
        .collect()
}

#[test]
fn the_relevance_table_holds() {
    let archive = ima_statements::archive::embedded().expect("the embedded corpus decodes");
    assert!(CASES.len() >= 25);
    let mut failures = Vec::new();
    for case in CASES {
        let ids = ranked(&archive, case.query);
        let first_ok =
            ids.len() >= case.first.len() && ids.iter().zip(case.first).all(|(a, b)| a == b);
        let includes_ok = case.includes.iter().all(|i| ids.iter().any(|x| x == i));
        let excludes_ok = case.excludes.iter().all(|e| !ids.iter().any(|x| x == e));
        if !(first_ok && includes_ok && excludes_ok) {
            failures.push(format!("{:?} gave {ids:?}", case.query));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} queries failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn a_query_of_only_exclusions_lists_everything_else() {
    let archive = ima_statements::archive::embedded().expect("the embedded corpus decodes");
    let ids = ranked(&archive, "-rohingya");
    let rohingya = ranked(&archive, "rohingya");
    assert_eq!(ids.len() + rohingya.len(), archive.len());
    assert!(ids.iter().all(|i| !rohingya.contains(i)));
}

#[test]
fn inflections_find_the_same_statements() {
    let archive = ima_statements::archive::embedded().expect("the embedded corpus decodes");
    let mut a = ranked(&archive, "migrant ");
    let mut b = ranked(&archive, "migrants ");
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn exact_words_outrank_prefixes_and_typos() {
    let archive = ima_statements::archive::embedded().expect("the embedded corpus decodes");
    let index = archive.index();
    // "war" typed last also matches "warn", "ward"…; statements saying "war" come first.
    let result = index.search("war");
    let mut matches = result.matches.unwrap_or_default();
    matches.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
    let exact = ranked(&archive, "war ");
    let leading: Vec<String> = matches
        .iter()
        .take(exact.len())
        .map(|&(d, _)| archive.statements()[d].id.clone())
        .collect();
    let mut sorted_exact = exact.clone();
    sorted_exact.sort();
    let mut sorted_leading = leading;
    sorted_leading.sort();
    assert!(matches.len() > exact.len(), "the prefix adds statements");
    assert_eq!(sorted_leading, sorted_exact);
}

#[test]
fn snippets_mark_prefix_typo_and_alias_matches() {
    let archive = ima_statements::archive::embedded().expect("the embedded corpus decodes");
    let index = archive.index();
    let marked = |query: &str, id: &str| -> Vec<String> {
        let result = index.search(query);
        let doc = archive.position(id).expect("statement exists");
        index
            .snippet(archive.corpus(), doc, &result, 30)
            .into_iter()
            .filter(|s| s.matched)
            .map(|s| s.text)
            .collect()
    };
    assert!(marked("rohin", PICTURES).contains(&"Rohingyas".to_string()));
    assert!(marked("tralficking", JUSTICE_26).contains(&"trafficking".to_string()));
    assert!(marked("GCM", ENGAGEMENT)
        .iter()
        .any(|m| m.starts_with("Global Compact on") && m.ends_with("Migration")));
    let words: usize = index
        .snippet(archive.corpus(), 0, &index.search("rohingya"), 30)
        .iter()
        .map(|s| {
            s.text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        })
        .sum();
    assert!((25..=32).contains(&words), "{words} words");
}

#[test]
fn the_query_summary_says_what_was_understood() {
    let archive = ima_statements::archive::embedded().expect("the embedded corpus decodes");
    let q = archive
        .index()
        .search("the Rohingya \"jungle graves\" -thailand - \"open")
        .query;
    assert_eq!(q.terms, ["rohingya", "open"]);
    assert_eq!(q.phrases, ["jungle graves"]);
    assert_eq!(q.excluded, ["thailand"]);
    assert_eq!(
        q.ignored,
        [
            "- (nothing to exclude)",
            "\" (unbalanced quote)",
            "\"the\" (common word)"
        ]
    );
}

#[test]
fn the_full_text_is_highlighted_the_same_way() {
    let archive = ima_statements::archive::embedded().expect("the embedded corpus decodes");
    let index = archive.index();
    let result = index.search("\"jungle graves\" rohingya");
    let doc = archive.position(JUSTICE_26).expect("statement exists");
    let body = archive.statements()[doc].body.paragraphs().join("\n\n");
    let segments = index.highlight(&body, &result);
    let text: String = segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(text, body, "segments cover the text verbatim");
    let marked: Vec<&str> = segments
        .iter()
        .filter(|s| s.matched)
        .map(|s| s.text.as_str())
        .collect();
    assert!(marked.contains(&"jungle graves"));
    assert!(marked.contains(&"Rohingya"));
    assert!(
        !marked.contains(&"jungle"),
        "a lone phrase word is not marked"
    );
}
