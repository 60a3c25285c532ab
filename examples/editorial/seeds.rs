//! `new` on the pages the corpus was cut from (`tests/fixtures/seeds/`, the
//! listing page split at its statements), compared with today's files.
//!
//! For every field a page states, the draft equals the corpus: title,
//! subtitle, kind, a printed date, signatories, source, excerpt, related
//! and the body, paragraph for paragraph. What a page cannot tell is left
//! for a person, and the validator refuses the draft until it is filled:
//!
//! | field | why `new` cannot know it |
//! |---|---|
//! | `date`, `approximate` of an undated statement (six of eleven) | the date is worked out from the events the text reports |
//! | the id's words after the date | an editor's short name ("justice-for-the-26"); `new` takes the title's first words |
//! | `date` of the communiqué | the editor chose the assembly dates the text prints (November 11-13) over the closing dateline (November 12-13); `new` takes the dateline and notes the other |
//! | `[tags]` overrides | a judgement about what the statement is about |

use std::fmt::Debug;
use std::fs;
use std::path::{Path, PathBuf};

use ima_statements::corpus::source::{self, PLACEHOLDER};
use ima_statements::corpus::Corpus;
use ima_statements::statement::Statement;

use crate::draft::{draft, Draft, FIELD_ORDER};
use crate::file::write_new;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus() -> Corpus {
    source::load(&root().join("corpus")).expect("the corpus is valid")
}

/// Each statement's page text: the whole seed, or its part of the listing page.
fn page_of(s: &Statement, corpus: &Corpus) -> String {
    let text = fs::read_to_string(root().join("tests/fixtures/seeds").join(&s.source))
        .expect("the seed is in tests/fixtures/seeds");
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // The listing page starts a statement at each title line.
    let mut starts: Vec<usize> = corpus
        .statements
        .iter()
        .filter(|o| o.source == s.source)
        .filter_map(|o| lines.iter().position(|l| l.trim() == o.title))
        .collect();
    starts.sort_unstable();
    if starts.len() <= 1 {
        return text;
    }
    let at = lines
        .iter()
        .position(|l| l.trim() == s.title)
        .expect("the title is on the page");
    let end = starts
        .iter()
        .find(|&&x| x > at)
        .copied()
        .unwrap_or(lines.len());
    lines[at..end].concat()
}

/// The tags the build gives before a file's `[tags]` overrides.
fn automatic_tags(s: &Statement, corpus: &Corpus) -> Vec<u16> {
    let mut texts: Vec<&str> = vec![&s.title];
    texts.extend(s.subtitle.as_deref());
    let body = s.body.paragraphs();
    texts.extend(body.iter().map(String::as_str));
    texts.extend(s.signatories.iter().map(|g| g.name.as_str()));
    texts.extend(s.signatories.iter().filter_map(|g| g.role.as_deref()));
    corpus.vocabulary.tag(&texts)
}

fn drafts() -> Vec<(Statement, Draft)> {
    let corpus = corpus();
    assert_eq!(corpus.statements.len(), 11);
    corpus
        .statements
        .iter()
        .map(|s| {
            let page = page_of(s, &corpus);
            (s.clone(), draft(&page, Some(&s.source), &corpus.vocabulary))
        })
        .collect()
}

const COMMUNIQUE: &str = "2015-11-11-third-general-assembly-communique";

#[test]
fn every_field_a_page_states_is_drafted_as_the_corpus_has_it() {
    let corpus = corpus();
    let mut mismatches = Vec::new();
    for (s, d) in drafts() {
        // Both sides shown as Rust prints them (strings quoted), whatever their type.
        let mut differ = |field: &str, ok: bool, got: &dyn Debug, want: &dyn Debug| {
            if !ok {
                mismatches.push(format!(
                    "{}: {field}\n    drafted {got:?}\n    corpus  {want:?}",
                    s.id
                ));
            }
        };
        let title = d.title.clone().unwrap_or_default();
        differ("title", title == s.title, &title, &s.title);
        differ(
            "subtitle",
            d.subtitle == s.subtitle,
            &d.subtitle,
            &s.subtitle,
        );
        differ("kind", d.kind == s.kind, &d.kind, &s.kind);
        let signatories = d.signatories == s.signatories;
        differ("signatories", signatories, &d.signatories, &s.signatories);
        let source = d.source.as_deref() == Some(&s.source);
        differ("source", source, &d.source, &s.source);
        differ("excerpt", d.excerpt == s.excerpt, &d.excerpt, &s.excerpt);
        differ("related", d.related == s.related, &d.related, &s.related);
        let body = s.body.paragraphs();
        differ("body", *d.body == *body, &d.body, &body);
        let tags = automatic_tags(&s, &corpus);
        differ("tags", d.tags == tags, &d.tags, &tags);
        let printed = s.approximate.is_none();
        if printed && s.id != COMMUNIQUE {
            let want = s.date.to_written();
            differ("date", d.date.as_deref() == Some(&want), &d.date, &want);
            let day = want.split('/').next().unwrap_or_default();
            differ("id", d.id.starts_with(&format!("{day}-")), &d.id, &s.id);
        }
        if !printed {
            differ(
                "date left for a person",
                d.date.is_none(),
                &d.date,
                &None::<String>,
            );
            let placeholder = d.id.starts_with(&format!("{PLACEHOLDER}-"));
            differ("id left for a person", placeholder, &d.id, &s.id);
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn the_communique_takes_its_closing_dateline_and_points_to_the_other_dates() {
    let (_, d) = drafts()
        .into_iter()
        .find(|(s, _)| s.id == COMMUNIQUE)
        .unwrap();
    assert_eq!(d.date.as_deref(), Some("2015-11-12/2015-11-13"));
    let file = d.render();
    assert!(file.contains("# draft: read from the closing dateline \"November 12-13, 2015\". The text also prints \"November 11-13, 2015\"."), "{file}");
    // The dateline stays in the body, as the corpus keeps closing datelines.
    assert_eq!(
        d.body.last().map(String::as_str),
        Some("November 12-13, 2015")
    );
}

/// The draft written to a scratch corpus, as `./build.sh new` writes it.
fn written(d: &mut Draft, name: &str) -> (PathBuf, String) {
    let dir = root().join("target/editorial-tests").join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("statements")).unwrap();
    fs::copy(
        root().join("corpus/vocabulary.toml"),
        dir.join("vocabulary.toml"),
    )
    .unwrap();
    let path = write_new(&dir, d).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    (path, text)
}

fn parse(path: &Path, text: &str, corpus: &Corpus) -> Result<Statement, String> {
    source::parse_statement(&path.display().to_string(), text, &corpus.vocabulary)
        .map_err(|e| format!("{}:{}", e.line, e.reason))
}

#[test]
fn a_dated_draft_is_a_valid_file_equal_to_the_corpus_but_for_id_and_overrides() {
    let corpus = corpus();
    let mut checked = 0;
    for (s, mut d) in drafts() {
        if s.approximate.is_some() || s.id == COMMUNIQUE {
            continue;
        }
        let (path, text) = written(&mut d, &s.id);
        let parsed =
            parse(&path, &text, &corpus).unwrap_or_else(|e| panic!("{}: {e}\n{text}", s.id));
        let expected = Statement {
            id: d.id.clone(),
            tags: automatic_tags(&s, &corpus),
            ..s.clone()
        };
        assert_eq!(parsed, expected, "{}", s.id);
        checked += 1;
    }
    assert_eq!(checked, 4, "the dated statements with a dateline");
}

/// Replaces the first line of `text` starting with `key =` by `line`.
fn fill(text: &str, key: &str, line: &str) -> String {
    let mut done = false;
    text.lines()
        .map(|l| {
            if !done && l.starts_with(&format!("{key} =")) {
                done = true;
                line.to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(&format!("{key} =")))
        .unwrap()
        + 1
}

#[test]
fn an_undated_draft_is_refused_until_a_person_fills_id_date_and_approximate() {
    let corpus = corpus();
    let mut checked = 0;
    for (s, mut d) in drafts() {
        let Some(approximate) = &s.approximate else {
            continue;
        };
        let (path, text) = written(&mut d, &s.id);
        assert!(
            path.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("TODO-"),
            "{}",
            path.display()
        );
        // The draft lists the dates the text mentions, as hints, and invents none.
        assert!(text.contains("# draft: the page prints no date."), "{text}");
        // Each placeholder stops the build in turn, at its line.
        let err = parse(&path, &text, &corpus).unwrap_err();
        assert_eq!(
            err,
            format!(
                "{}:`id` is still a draft's TODO: fill it in (see corpus/README.md)",
                line_of(&text, "id")
            )
        );
        let renamed = path.with_file_name(format!("{}.md", s.id));
        let text = fill(&text, "id", &format!("id = \"{}\"", s.id));
        let err = parse(&renamed, &text, &corpus).unwrap_err();
        assert_eq!(
            err,
            format!(
                "{}:`date` is still a draft's TODO: fill it in (see corpus/README.md)",
                line_of(&text, "date")
            )
        );
        let text = fill(
            &text,
            "date",
            &format!("date = \"{}\"", s.date.to_written()),
        );
        let err = parse(&renamed, &text, &corpus).unwrap_err();
        assert_eq!(
            err,
            format!(
                "{}:`approximate` is still a draft's TODO: fill it in (see corpus/README.md)",
                line_of(&text, "approximate")
            )
        );
        let text = fill(
            &text,
            "approximate",
            &format!("approximate = {approximate:?}"),
        );
        let parsed = parse(&renamed, &text, &corpus).unwrap_or_else(|e| panic!("{}: {e}", s.id));
        assert_eq!(
            parsed,
            Statement {
                tags: automatic_tags(&s, &corpus),
                ..s.clone()
            }
        );
        checked += 1;
    }
    assert_eq!(checked, 6, "the statements whose date is inferred");
}

#[test]
fn an_undated_draft_offers_the_dates_its_text_mentions() {
    let (_, d) = drafts()
        .into_iter()
        .find(|(s, _)| s.id == "2023-07-12-secretariat-meets-in-hong-kong")
        .unwrap();
    assert!(d.date.is_none());
    assert!(
        d.date_hints
            .contains(&("July 12-17, 2023".into(), "2023-07-12/2023-07-17".into())),
        "{:?}",
        d.date_hints
    );
    assert!(
        d.date_hints
            .contains(&("April 2023".into(), "2023-04".into())),
        "{:?}",
        d.date_hints
    );
}

#[test]
fn new_never_overwrites_and_refuses_a_page_already_in_the_corpus() {
    let corpus = corpus();
    let (s, mut d) = drafts()
        .into_iter()
        .find(|(s, _)| s.id == "2016-12-18-international-migrants-day-2016")
        .unwrap();
    let (first, _) = written(&mut d, "overwrite");
    let dir = first.parent().unwrap().parent().unwrap().to_path_buf();
    // The same page again: its title is taken, nothing is written.
    let mut again = draft(&page_of(&s, &corpus), Some(&s.source), &corpus.vocabulary);
    let err = write_new(&dir, &mut again).unwrap_err();
    assert!(
        err.contains("already holds a statement with this title"),
        "{err}"
    );
    // Another page whose id is taken gets the next free name.
    let mut other = draft(
        "IMA Statement on 2016 Migrants Day, again\n\n18 December 2016\n\nAnother text.\n",
        Some("x.txt"),
        &corpus.vocabulary,
    );
    other.id = d.id.clone();
    let second = write_new(&dir, &mut other).unwrap();
    assert_ne!(first, second);
    assert!(
        second.to_str().unwrap().ends_with("-2.md"),
        "{}",
        second.display()
    );
    assert_eq!(fs::read_to_string(&first).unwrap(), d.render());
}

#[test]
fn a_page_in_another_layout_gives_a_draft_and_says_what_is_missing() {
    let corpus = corpus();
    let page = "<html>\nSome headline\nno blank lines at all, a plain paragraph of text that ends here.\nAnother one.";
    let mut d = draft(page, None, &corpus.vocabulary);
    let (path, text) = written(&mut d, "other-layout");
    let report = d.report(&path, &corpus.vocabulary);
    for missing in ["date", "source", "signatories", "related"] {
        assert!(
            d.findings
                .iter()
                .any(|f| f.field == missing && f.sure == crate::draft::Confidence::Missing),
            "{missing} not reported missing:\n{report}"
        );
    }
    assert!(report.contains("Left for you (marked TODO"), "{report}");
    assert!(text.contains("source = \"TODO: "), "{text}");
    // Even an empty page gives a file, refused by the validator until filled.
    let mut empty = draft("", None, &corpus.vocabulary);
    let (path, text) = written(&mut empty, "empty-page");
    assert!(parse(&path, &text, &corpus).is_err());
}

#[test]
fn the_report_gives_each_field_in_file_order_with_how_sure_and_where_from() {
    let corpus = corpus();
    let (_, d) = drafts()
        .into_iter()
        .find(|(s, _)| s.id == "2016-12-18-international-migrants-day-2016")
        .unwrap();
    let report = d.report(Path::new("corpus/statements/x.md"), &corpus.vocabulary);
    let fields: Vec<&str> = report
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    // The file's fields after `page` (which the report leaves out), then the candidates.
    assert_eq!(fields, [&FIELD_ORDER[1..], &["candidates"]].concat());
    assert!(
        report.contains("  date         sure     2016-12-18 (day; dateline \"18 December 2016\")"),
        "{report}"
    );
    assert!(report.contains("  signatories  missing  "), "{report}");
    assert!(
        report.contains("topic:international-migrants-day"),
        "{report}"
    );
}

#[test]
fn the_whole_listing_page_is_drafted_with_a_warning_to_split_it() {
    let corpus = corpus();
    let text =
        fs::read_to_string(root().join("tests/fixtures/seeds/004_1836521b75595168.txt")).unwrap();
    let d = draft(&text, Some("004_1836521b75595168.txt"), &corpus.vocabulary);
    let page = d
        .findings
        .iter()
        .find(|f| f.field == "page")
        .expect("a warning about the page");
    assert!(
        page.note.starts_with("this page seems to hold"),
        "{}",
        page.note
    );
    assert!(d
        .render()
        .starts_with("+++\n# draft: this page seems to hold"));
    // A page of one statement gets no such warning.
    for (s, d) in drafts() {
        assert!(d.findings.iter().all(|f| f.field != "page"), "{}", s.id);
    }
}
