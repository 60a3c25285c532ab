//! `./build.sh check`: the build's own validation of the corpus
//! (`ima_statements::corpus::source::load`, which `build.rs` runs), without
//! compiling anything, and warnings about what is valid but probably wrong.

use std::fs;
use std::path::{Path, PathBuf};

use ima_statements::corpus::source::{self, SourceError};
use ima_statements::corpus::Corpus;
use ima_statements::statement::Statement;
use ima_statements::text::{fold, tokens};
use ima_statements::vocabulary::{Entity, Vocabulary};

/// Titles at least this alike (0–1, by edit distance over their folded words) are flagged.
const ALIKE_TITLES: f64 = 0.9;

/// Something valid that is probably a mistake, at a file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What looks wrong.
    pub reason: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: warning: {}", self.file, self.line, self.reason)
    }
}

/// The outcome of checking a corpus directory.
pub struct Report {
    /// The corpus, when it is valid.
    pub corpus: Option<Corpus>,
    /// The error the build stops on, then those of other files (the build
    /// names only the first).
    pub errors: Vec<SourceError>,
    /// Warnings (only for a valid corpus).
    pub warnings: Vec<Warning>,
}

/// Validates `dir` as the build does and lists warnings.
pub fn check(dir: &Path) -> Report {
    match source::load(dir) {
        Ok(corpus) => {
            let warnings = warnings(dir, &corpus);
            Report {
                corpus: Some(corpus),
                errors: Vec::new(),
                warnings,
            }
        }
        Err(first) => {
            let mut errors = vec![first.clone()];
            errors.extend(other_errors(dir, &first));
            Report {
                corpus: None,
                errors,
                warnings: Vec::new(),
            }
        }
    }
}

/// Every `*.md` under the statements directory.
pub fn statement_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "md") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&dir.join("statements"), &mut out);
    out.sort();
    out
}

/// The mistakes of the files after the one the build stops on, each found
/// by the same parser.
fn other_errors(dir: &Path, first: &SourceError) -> Vec<SourceError> {
    let vocabulary_path = dir.join("vocabulary.toml");
    let Ok(text) = fs::read_to_string(&vocabulary_path) else {
        return Vec::new();
    };
    let Ok(vocabulary) = source::parse_vocabulary(&vocabulary_path.display().to_string(), &text)
    else {
        return Vec::new();
    };
    statement_files(dir)
        .into_iter()
        .filter_map(|path| {
            let name = path.display().to_string();
            let text = fs::read_to_string(&path).ok()?;
            source::parse_statement(&name, &text, &vocabulary)
                .err()
                .filter(|e| e.file != first.file)
        })
        .collect()
}

/// The texts the build tags a statement from, its `body` read from it.
fn tagged_texts<'a>(s: &'a Statement, body: &'a [String]) -> Vec<&'a str> {
    let mut texts: Vec<&str> = vec![&s.title];
    texts.extend(s.subtitle.as_deref());
    texts.extend(body.iter().map(String::as_str));
    texts.extend(s.signatories.iter().map(|g| g.name.as_str()));
    texts.extend(s.signatories.iter().filter_map(|g| g.role.as_deref()));
    texts
}

fn line_where(text: &str, from: usize, needle: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, l)| l.contains(needle) && !l.trim_start().starts_with('#'))
        .map(|(i, _)| i + 1)
}

fn warnings(dir: &Path, corpus: &Corpus) -> Vec<Warning> {
    let mut out = Vec::new();
    let vocabulary_path = dir.join("vocabulary.toml");
    let vocabulary_file = vocabulary_path.display().to_string();
    let vocabulary_text = fs::read_to_string(&vocabulary_path).unwrap_or_default();
    let v = &corpus.vocabulary;
    let slug_line = |e: &Entity| {
        line_where(&vocabulary_text, 1, &format!("slug = \"{}\"", e.slug))
            .into_iter()
            .find(|&l| {
                // The slug line of this facet's entry, not another facet's.
                vocabulary_text
                    .lines()
                    .take(l)
                    .filter(|x| x.trim_start().starts_with("[["))
                    .last()
                    .is_some_and(|h| h.contains(e.facet.as_str()))
            })
            .unwrap_or(1)
    };

    // Aliases that tag nothing: every alias as an entity of its own.
    let mut owners: Vec<(usize, usize)> = Vec::new();
    let mut aliases = Vocabulary {
        kinds: v.kinds.clone(),
        entities: Vec::new(),
    };
    for (i, e) in v.entities.iter().enumerate() {
        for (j, a) in e.aliases.iter().enumerate() {
            owners.push((i, j));
            aliases.entities.push(Entity {
                facet: e.facet,
                slug: format!("{}-{j}", e.slug),
                label: a.clone(),
                aliases: Vec::new(),
                broader: None,
            });
        }
    }
    let mut alias_used = vec![false; owners.len()];
    let mut entity_used = vec![false; v.entities.len()];
    for s in &corpus.statements {
        for id in aliases.tag(&tagged_texts(s, &s.body.paragraphs())) {
            if let Some(u) = alias_used.get_mut(usize::from(id)) {
                *u = true;
            }
        }
        for &id in &s.tags {
            if let Some(u) = entity_used.get_mut(usize::from(id)) {
                *u = true;
            }
        }
    }
    for (k, &(i, j)) in owners.iter().enumerate() {
        if alias_used[k] {
            continue;
        }
        let e = &v.entities[i];
        let alias = &e.aliases[j];
        let line = line_where(&vocabulary_text, slug_line(e), &format!("\"{alias}\"")).unwrap_or(1);
        out.push(Warning {
            file: vocabulary_file.clone(),
            line,
            reason: format!(
                "alias `{alias}` of {} `{}` tags no statement",
                e.facet.as_str(),
                e.slug
            ),
        });
    }
    for (i, e) in v.entities.iter().enumerate() {
        if !entity_used[i] {
            out.push(Warning {
                file: vocabulary_file.clone(),
                line: slug_line(e),
                reason: format!(
                    "no statement has {} `{}` ({})",
                    e.facet.as_str(),
                    e.slug,
                    e.label
                ),
            });
        }
    }

    // Statement files, by id (the build has checked that file names are ids).
    let files: Vec<(String, PathBuf, String)> = statement_files(dir)
        .into_iter()
        .filter_map(|p| {
            let id = p.file_stem()?.to_str()?.to_owned();
            let text = fs::read_to_string(&p).ok()?;
            Some((id, p, text))
        })
        .collect();
    let file_of = |id: &str| files.iter().find(|(i, _, _)| i == id);

    let titles: Vec<(&Statement, Vec<String>)> = corpus
        .statements
        .iter()
        .map(|s| (s, tokens(&s.title).map(|t| fold(t.text)).collect()))
        .collect();
    for (a, (sa, ta)) in titles.iter().enumerate() {
        for (sb, tb) in &titles[a + 1..] {
            // Titles that differ in a number ("2015", "2016") are yearly statements, not twins.
            let numbers = |t: &[String]| -> Vec<String> {
                t.iter()
                    .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
                    .cloned()
                    .collect()
            };
            let alike = likeness(ta, tb);
            if alike < ALIKE_TITLES || numbers(ta) != numbers(tb) {
                continue;
            }
            if let Some((_, path, text)) = file_of(&sb.id) {
                out.push(Warning {
                    file: path.display().to_string(),
                    line: line_where(text, 1, "title").unwrap_or(1),
                    reason: format!(
                        "title nearly the same as {}'s ({:.0}% alike): the same statement twice?",
                        sa.id,
                        alike * 100.0
                    ),
                });
            }
        }
    }

    for s in &corpus.statements {
        let Some((_, path, text)) = file_of(&s.id) else {
            continue;
        };
        let file = path.display().to_string();
        // The body starts after the second `+++` line; comments above may quote the words.
        let body_start = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_end() == "+++")
            .nth(1)
            .map_or(0, |(i, _)| i + 1);
        if let Some(line) = text
            .lines()
            .enumerate()
            .skip(body_start)
            .find(|(_, l)| l.to_lowercase().contains("continue reading"))
            .map(|(i, _)| i)
        {
            out.push(Warning {
                file: file.clone(),
                line: line + 1,
                reason:
                    "the body still holds \"Continue reading\": remove it and set `excerpt = true`"
                        .into(),
            });
        }
        let start = s.date.to_written();
        let start = start.split('/').next().unwrap_or_default();
        if !s.id.starts_with(start) {
            out.push(Warning {
                file: file.clone(),
                line: line_where(text, 1, "id").unwrap_or(1),
                reason: format!(
                    "id `{}` does not start with its date `{start}` (corpus/README.md)",
                    s.id
                ),
            });
        }
        for (i, l) in text.lines().enumerate() {
            if l.trim_start().starts_with("# draft:") {
                out.push(Warning {
                    file: file.clone(),
                    line: i + 1,
                    reason: "a note left by ./build.sh new: act on it, then remove it".into(),
                });
            }
        }
    }
    // The statements' warnings first: they are about the files just edited.
    out.sort_by_key(|w| w.file == vocabulary_file);
    out
}

/// How alike two word lists are: 1 minus their edit distance over the longer length.
fn likeness(a: &[String], b: &[String]) -> f64 {
    let a: Vec<char> = a.join(" ").chars().collect();
    let b: Vec<char> = b.join(" ").chars().collect();
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    1.0 - row[b.len()] as f64 / longest as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokens(s).map(|t| fold(t.text)).collect()
    }

    #[test]
    fn likeness_is_high_only_for_nearly_the_same_titles() {
        let a = words("IMA Statement on 2016 Migrants Day");
        assert!(likeness(&a, &words("IMA statement on 2016 Migrant’s Day")) >= ALIKE_TITLES);
        assert!(likeness(&a, &words("Statement on the 2015 IMD")) < ALIKE_TITLES);
    }
}

#[cfg(test)]
mod fixture_tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/corpus")
            .join(name)
    }

    /// Warnings as `file-name:line: warning: reason`, the path cut to the file name.
    fn shown(warnings: &[Warning]) -> Vec<String> {
        warnings
            .iter()
            .map(|w| {
                let file = Path::new(&w.file)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                format!("{file}:{}: warning: {}", w.line, w.reason)
            })
            .collect()
    }

    #[test]
    fn a_valid_corpus_gets_each_kind_of_warning_at_its_line() {
        let report = check(&fixture("warnings"));
        assert!(report.errors.is_empty());
        assert_eq!(
            shown(&report.warnings),
            [
                "2015-05-justice-for-the-26.md:3: warning: title nearly the same as 2015-05-justice-again's (93% alike): the same statement twice?",
                "2015-05-justice-again.md:12: warning: the body still holds \"Continue reading\": remove it and set `excerpt = true`",
                "2015-05-justice-again.md:5: warning: a note left by ./build.sh new: act on it, then remove it",
                "statement-without-date.md:2: warning: id `statement-without-date` does not start with its date `2016` (corpus/README.md)",
                "vocabulary.toml:9: warning: alias `Rohingyas` of topic `rohingya` tags no statement",
                "vocabulary.toml:18: warning: no statement has person `eni-lestari` (Eni Lestari)",
            ]
        );
    }

    #[test]
    fn today_s_corpus_has_no_statement_warnings() {
        let report = check(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus"));
        assert!(report.errors.is_empty());
        let statements: Vec<&Warning> = report
            .warnings
            .iter()
            .filter(|w| w.file.contains("statements"))
            .collect();
        assert!(statements.is_empty(), "{statements:?}");
    }

    #[test]
    fn errors_are_the_build_s_first_then_every_other_file_s() {
        let report = check(&fixture("impossible-date"));
        assert!(report.corpus.is_none());
        let first = source::load(&fixture("impossible-date")).unwrap_err();
        assert_eq!(report.errors, [first]);
        assert!(report.errors[0].to_string().ends_with(
            "impossible-date/statements/x.md:5: bad `date`: `2015-02-30` is an impossible date"
        ));

        // Two broken files: the build names the first, check names both.
        let dir =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/editorial-tests/two-errors");
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("statements")).unwrap();
        fs::copy(
            fixture("impossible-date/vocabulary.toml"),
            dir.join("vocabulary.toml"),
        )
        .unwrap();
        fs::copy(
            fixture("impossible-date/statements/x.md"),
            dir.join("statements/x.md"),
        )
        .unwrap();
        fs::copy(
            fixture("draft-placeholder/statements/2015-05-justice.md"),
            dir.join("statements/2015-05-justice.md"),
        )
        .unwrap();
        let report = check(&dir);
        let reasons: Vec<String> = report
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.line, e.reason))
            .collect();
        assert_eq!(report.errors[0], source::load(&dir).unwrap_err());
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        assert!(
            reasons
                .iter()
                .any(|r| r.starts_with("7: `approximate` is still a draft's TODO")),
            "{reasons:?}"
        );
        assert!(
            reasons.iter().any(|r| r.starts_with("5: bad `date`")),
            "{reasons:?}"
        );
    }
}
