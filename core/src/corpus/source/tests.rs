//! Fixture-driven tests: each directory under `tests/fixtures/corpus/` is a
//! small corpus; `expected-error` holds the start of the message its loading
//! must fail with (as `file-name:line: reason`), or is absent when it loads.

use std::path::{Path, PathBuf};

use super::*;

fn fixtures() -> Vec<PathBuf> {
    let root = crate::testing::repo().join("tests/fixtures/corpus");
    let mut dirs: Vec<PathBuf> = fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_fixture_fails_with_its_expected_file_line_and_reason() {
    let dirs = fixtures();
    assert!(dirs.len() >= 12, "fixtures missing: {dirs:?}");
    for dir in dirs {
        let expected = fs::read_to_string(dir.join("expected-error")).ok();
        match (load(&dir), expected) {
            (Ok(_), None) => {}
            (Ok(_), Some(e)) => panic!("{} loaded but should fail with {e}", dir.display()),
            (Err(e), None) => panic!("{} should load but failed: {e}", dir.display()),
            (Err(e), Some(expected)) => {
                // Report the path relative to the fixture so the expectation is portable.
                let shown = e.to_string();
                let file = Path::new(&e.file)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                let relative = format!("{file}:{}: {}", e.line, e.reason);
                assert!(
                    relative.starts_with(expected.trim()),
                    "{}:\n  got      {relative}\n  expected {}",
                    dir.display(),
                    expected.trim()
                );
                assert!(
                    shown.contains(&dir.display().to_string()),
                    "message lacks the path: {shown}"
                );
            }
        }
    }
}

#[test]
fn valid_fixture_is_tagged_sorted_and_complete() {
    let dir = crate::testing::repo().join("tests/fixtures/corpus/valid");
    let corpus = load(&dir).unwrap();
    let ids: Vec<&str> = corpus.statements.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["2015-05-a", "2016-b"]);
    let first = &corpus.statements[0];
    let tags: Vec<&str> = first
        .tags
        .iter()
        .map(|t| corpus.vocabulary.entity(*t).unwrap().slug.as_str())
        .collect();
    assert_eq!(tags, ["rohingya", "thailand"]);
    assert_eq!(*first.body.paragraphs(), ["The Rohingya in Thailand."]);
    assert_eq!(corpus.statements[1].kind, "news");
}

fn vocabulary() -> Vocabulary {
    parse_vocabulary(
        "v.toml",
        "[kinds]\nstatement = \"Statement\"\n[[topic]]\nslug = \"trafficking\"\nlabel = \"Trafficking\"\naliases = [\"trafficked\", \"traffickers\"]\n[[place]]\nslug = \"europe\"\nlabel = \"Europe\"\n",
    )
    .unwrap()
}

fn statement(front_extra: &str, body: &str) -> String {
    format!("+++\nid = \"s\"\ntitle = \"T\"\nkind = \"statement\"\ndate = \"2015\"\nsource = \"x\"\n{front_extra}+++\n{body}")
}

#[test]
fn overrides_add_and_remove_tags() {
    let v = vocabulary();
    let text = statement(
        "[tags]\nadd = [\"place:europe\"]\nremove = [\"topic:trafficking\"]\n",
        "\nTraffickers.\n",
    );
    let s = parse_statement("dir/s.md", &text, &v).unwrap();
    assert_eq!(s.tags, [v.find(Facet::Place, "europe").unwrap()]);
}

#[test]
fn lines_of_a_paragraph_join_and_blank_lines_separate() {
    let s = parse_statement(
        "s.md",
        &statement("", "\nOne\nline.\n\n\nTwo.\n"),
        &vocabulary(),
    )
    .unwrap();
    assert_eq!(*s.body.paragraphs(), ["One line.", "Two."]);
}

#[test]
fn optional_fields_are_read() {
    let extra = "subtitle = \"Sub\"\napproximate = \"Inferred.\"\nexcerpt = true\nrelated = [\"A\"]\nsignatories = [{ name = \"Eni Lestari\", role = \"chairperson\" }, { name = \"X\" }]\n";
    let s = parse_statement("s.md", &statement(extra, "\nBody.\n"), &vocabulary()).unwrap();
    assert_eq!(s.subtitle.as_deref(), Some("Sub"));
    assert_eq!(s.approximate.as_deref(), Some("Inferred."));
    assert!(s.excerpt);
    assert_eq!(s.related, ["A"]);
    assert_eq!(s.signatories.len(), 2);
    assert_eq!(s.signatories[0].role.as_deref(), Some("chairperson"));
    assert_eq!(s.signatories[1].role, None);
}

#[test]
fn vocabulary_mistakes_name_their_line() {
    let e = parse_vocabulary(
        "v.toml",
        "[kinds]\nstatement = \"S\"\n[[topic]]\nslug = \"Bad Slug\"\nlabel = \"x\"\n",
    )
    .unwrap_err();
    assert_eq!((e.line, e.reason.contains("not a slug")), (4, true));
    let e = parse_vocabulary("v.toml", "[kinds]\nstatement = \"S\"\n[[topic]]\nslug = \"a\"\nlabel = \"x\"\n[[topic]]\nslug = \"a\"\nlabel = \"y\"\n").unwrap_err();
    assert!(e.reason.contains("duplicate topic `a`"), "{e}");
    let e = parse_vocabulary("v.toml", "[[topic]]\nslug = \"a\"\nlabel = \"x\"\n").unwrap_err();
    assert!(e.reason.contains("[kinds]"), "{e}");
}

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let text = statement("", "\nBody.\n").replace('\n', "\r\n");
    let text = format!("\u{feff}{text}");
    let s = parse_statement("s.md", &text, &vocabulary()).unwrap();
    assert_eq!(*s.body.paragraphs(), ["Body."]);
}

#[test]
fn a_placeholder_is_todo_as_a_word_of_its_own() {
    assert!(is_placeholder("TODO: the date"));
    assert!(is_placeholder(" TODO"));
    assert!(is_placeholder("TODO-justice-for-the-26"));
    assert!(!is_placeholder("TODOS UNIDOS contra la guerra"));
    assert!(!is_placeholder("Todo migrante"));
}
