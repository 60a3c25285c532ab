//! Reading and validating the corpus files people write.
//!
//! Layout of the corpus directory:
//!
//! ```text
//! corpus/vocabulary.toml        kinds and entities (see below)
//! corpus/statements/<id>.md     one statement per file (subdirectories allowed)
//! ```
//!
//! A statement file is TOML front matter between `+++` lines, then the body:
//!
//! ```text
//! +++
//! id = "2017-12-04-us-withdrawal-from-gcm"   # required, equals the file name
//! title = "[Statement] IMA on US withdrawal from GCM"  # required
//! subtitle = "US withdrawal from migration pact …"     # optional tagline
//! kind = "statement"                         # required, a key of [kinds]
//! date = "2017-12-04"                        # required: YYYY, YYYY-MM, YYYY-MM-DD or start/end
//! approximate = "Why the date is inferred."  # only when the date is not printed
//! signatories = [{ name = "Eni Lestari", role = "IMA Chairperson" }]
//! source = "003_54b83e042a85a57b.txt"        # required
//! excerpt = false                            # true when only the opening is held
//! related = ["Title of a linked page"]
//!
//! [tags]                                     # hand corrections of automatic tagging
//! add = ["topic:refugees"]
//! remove = ["place:europe"]
//! +++
//!
//! First paragraph.
//!
//! Second paragraph; lines of one paragraph are joined with a space.
//! ```
//!
//! `vocabulary.toml` holds `[kinds]` (slug = label) and arrays of tables
//! `[[topic]]`, `[[place]]`, `[[organization]]`, `[[person]]`, each with
//! `slug`, `label`, optional `aliases` (other names of the same thing) and
//! an optional `broader` (the slug of a wider entity of the same facet, a
//! city's country: a statement naming the city is tagged with both).
//!
//! Every mistake is reported as a [`SourceError`] naming the file, the line and
//! what is wrong, which `build.rs` prints before stopping the build.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::fs;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::Corpus;
use crate::date::PartialDate;
use crate::statement::{Signatory, Statement};
use crate::vocabulary::{Entity, Facet, Kind, Vocabulary};

/// What a field of a draft statement file (`./build.sh new`) starts with
/// while it waits for a person: such a file is refused, so a half-filled
/// draft cannot ship.
pub const PLACEHOLDER: &str = "TODO";

/// Whether a field still holds the placeholder: `TODO` as a word of its own
/// at the start ("TODO: …", "TODO-justice…"), not a word such as "TODOS".
pub fn is_placeholder(value: &str) -> bool {
    value
        .trim()
        .strip_prefix(PLACEHOLDER)
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

/// A mistake in a corpus file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    /// Path of the file, as given to the loader.
    pub file: String,
    /// 1-based line of the mistake.
    pub line: usize,
    /// What is wrong, and what was expected.
    pub reason: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

impl std::error::Error for SourceError {}

/// Loads and validates the corpus in `dir` (the directory holding `vocabulary.toml`).
pub fn load(dir: &Path) -> Result<Corpus, SourceError> {
    let vocabulary_path = dir.join("vocabulary.toml");
    let vocabulary_name = vocabulary_path.display().to_string();
    let text = read(&vocabulary_path)?;
    let vocabulary = parse_vocabulary(&vocabulary_name, &text)?;

    let statements_dir = dir.join("statements");
    let mut paths = Vec::new();
    collect_statement_files(&statements_dir, &mut paths)?;
    paths.sort();

    let mut statements = Vec::with_capacity(paths.len());
    let mut seen: HashMap<String, String> = HashMap::new();
    for path in &paths {
        let name = path.display().to_string();
        let text = read(path)?;
        let statement = parse_statement(&name, &text, &vocabulary)?;
        if let Some(first) = seen.insert(statement.id.clone(), name.clone()) {
            return Err(SourceError {
                line: line_of_key(&text, "id"),
                file: name,
                reason: format!("duplicate id `{}`, already used by {first}", statement.id),
            });
        }
        statements.push(statement);
    }
    if statements.is_empty() {
        return Err(SourceError {
            file: statements_dir.display().to_string(),
            line: 0,
            reason: "no statement files (*.md) found".into(),
        });
    }
    Ok(Corpus::new(statements, vocabulary))
}

/// Every `*.md` under `dir`, in subdirectories too (editors may group files by year).
fn collect_statement_files(
    dir: &Path,
    out: &mut Vec<std::path::PathBuf>,
) -> Result<(), SourceError> {
    let entries = fs::read_dir(dir).map_err(|e| SourceError {
        file: dir.display().to_string(),
        line: 0,
        reason: format!("cannot read the statements directory: {e}"),
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_statement_files(&path, out)?;
        } else if path.extension().is_some_and(|x| x == "md") {
            out.push(path);
        }
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, SourceError> {
    fs::read_to_string(path).map_err(|e| SourceError {
        file: path.display().to_string(),
        line: 0,
        reason: format!("cannot read file: {e}"),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVocabulary {
    kinds: Option<Spanned<BTreeMap<String, Spanned<String>>>>,
    #[serde(default)]
    topic: Vec<Spanned<RawEntity>>,
    #[serde(default)]
    place: Vec<Spanned<RawEntity>>,
    #[serde(default)]
    organization: Vec<Spanned<RawEntity>>,
    #[serde(default)]
    person: Vec<Spanned<RawEntity>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    slug: Spanned<String>,
    label: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    broader: Option<Spanned<String>>,
}

/// Parses `vocabulary.toml`.
pub fn parse_vocabulary(file: &str, text: &str) -> Result<Vocabulary, SourceError> {
    let at = |span: Range<usize>, reason: String| SourceError {
        file: file.into(),
        line: line_at(text, span.start),
        reason,
    };
    let raw: RawVocabulary = toml::from_str(text).map_err(|e| toml_error(file, text, 0, &e))?;

    let kinds_table = raw.kinds.ok_or_else(|| SourceError {
        file: file.into(),
        line: 1,
        reason: "missing the [kinds] table".into(),
    })?;
    let mut kinds = Vec::new();
    for (slug, label) in kinds_table.get_ref() {
        if !is_slug(slug) {
            return Err(at(
                label.span(),
                format!("kind `{slug}` is not a slug (a-z, 0-9, -)"),
            ));
        }
        if label.get_ref().trim().is_empty() {
            return Err(at(
                label.span(),
                format!("kind `{slug}` has an empty label"),
            ));
        }
        kinds.push(Kind {
            slug: slug.clone(),
            label: label.get_ref().trim().into(),
        });
    }
    if kinds.is_empty() {
        return Err(at(kinds_table.span(), "[kinds] lists no kind".into()));
    }

    let mut entities = Vec::new();
    // (entity number, the slug its `broader` names, where), resolved once
    // every entity is read, so a broader entity may come later in the file.
    let mut broader_names = Vec::new();
    let groups = [
        (Facet::Topic, raw.topic),
        (Facet::Place, raw.place),
        (Facet::Organization, raw.organization),
        (Facet::Person, raw.person),
    ];
    for (facet, group) in groups {
        for raw in group {
            let span = raw.span();
            let raw = raw.into_inner();
            let slug = raw.slug.get_ref().trim();
            if !is_slug(slug) {
                return Err(at(
                    raw.slug.span(),
                    format!("`{slug}` is not a slug (a-z, 0-9, -)"),
                ));
            }
            if entities
                .iter()
                .any(|e: &Entity| e.facet == facet && e.slug == slug)
            {
                return Err(at(span, format!("duplicate {} `{slug}`", facet.as_str())));
            }
            let label = raw.label.get_ref().trim();
            if label.is_empty() {
                return Err(at(
                    raw.label.span(),
                    format!("{} `{slug}` has an empty label", facet.as_str()),
                ));
            }
            let mut aliases = Vec::new();
            for alias in &raw.aliases {
                let a = alias.get_ref().trim();
                if crate::text::tokens(a).next().is_none() {
                    return Err(at(
                        alias.span(),
                        format!("alias `{a}` of `{slug}` has no words"),
                    ));
                }
                aliases.push(a.to_owned());
            }
            if let Some(broader) = &raw.broader {
                let name = broader.get_ref().trim().to_owned();
                broader_names.push((entities.len(), name, broader.span()));
            }
            entities.push(Entity {
                facet,
                slug: slug.into(),
                label: label.into(),
                aliases,
                broader: None,
            });
        }
    }
    if entities.len() > usize::from(u16::MAX) {
        return Err(SourceError {
            file: file.into(),
            line: 1,
            reason: "too many entities".into(),
        });
    }
    for (i, name, span) in broader_names {
        let Some(e) = entities.get(i) else { continue };
        let (facet, slug) = (e.facet, e.slug.clone());
        let found = entities
            .iter()
            .position(|b| b.facet == facet && b.slug == name);
        let Some(b) = found.filter(|&b| b != i) else {
            return Err(at(
                span,
                format!(
                    "`broader` of `{slug}` is `{name}`, which is not another {} of this file",
                    facet.as_str()
                ),
            ));
        };
        if let Some(e) = entities.get_mut(i) {
            e.broader = u16::try_from(b).ok();
        }
    }
    let vocabulary = Vocabulary { kinds, entities };
    // Each chain of broader entities must end.
    for (i, e) in vocabulary.entities.iter().enumerate() {
        let Ok(id) = u16::try_from(i) else { break };
        if vocabulary.with_broader(id).skip(1).any(|b| b == id) {
            return Err(SourceError {
                file: file.into(),
                line: 1,
                reason: format!(
                    "{} `{}` is broader than itself through its `broader` entities",
                    e.facet.as_str(),
                    e.slug
                ),
            });
        }
    }
    Ok(vocabulary)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatement {
    id: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    subtitle: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    approximate: Option<Spanned<String>>,
    #[serde(default)]
    signatories: Vec<Spanned<RawSignatory>>,
    source: Option<Spanned<String>>,
    #[serde(default)]
    excerpt: bool,
    #[serde(default)]
    related: Vec<Spanned<String>>,
    #[serde(default)]
    tags: RawTags,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSignatory {
    name: String,
    role: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTags {
    #[serde(default)]
    add: Vec<Spanned<String>>,
    #[serde(default)]
    remove: Vec<Spanned<String>>,
}

/// Parses one statement file named `file` (its stem must be the statement's id).
pub fn parse_statement(
    file: &str,
    text: &str,
    vocabulary: &Vocabulary,
) -> Result<Statement, SourceError> {
    let err = |line: usize, reason: String| SourceError {
        file: file.into(),
        line,
        reason,
    };

    let (front, front_offset, body_text, body_line) =
        split_front_matter(text).ok_or_else(|| {
            err(
                1,
                "expected front matter between `+++` lines at the top of the file".into(),
            )
        })?;
    let raw: RawStatement =
        toml::from_str(front).map_err(|e| toml_error(file, text, front_offset, &e))?;
    // Spans are relative to the front matter; lines are reported in the whole file.
    let line = |span: Range<usize>| line_at(text, front_offset + span.start);
    let placeholder = |field: &Spanned<String>, name: &str| {
        err(
            line(field.span()),
            format!("`{name}` is still a draft's {PLACEHOLDER}: fill it in (see corpus/README.md)"),
        )
    };
    let required = |field: Option<Spanned<String>>, name: &str| {
        let field = field.ok_or_else(|| err(1, format!("missing `{name}`")))?;
        if field.get_ref().trim().is_empty() {
            return Err(err(line(field.span()), format!("`{name}` is empty")));
        }
        if is_placeholder(field.get_ref()) {
            return Err(placeholder(&field, name));
        }
        Ok(field)
    };
    let optional = |field: Option<Spanned<String>>, name: &str| match field {
        Some(f) if f.get_ref().trim().is_empty() => Err(err(
            line(f.span()),
            format!("`{name}` is empty; remove it or give a value"),
        )),
        Some(f) if is_placeholder(f.get_ref()) => Err(placeholder(&f, name)),
        other => Ok(other.map(|f| f.into_inner().trim().to_owned())),
    };

    let id = required(raw.id, "id")?;
    let id_line = line(id.span());
    let id = id.into_inner();
    if !is_slug(&id) {
        return Err(err(
            id_line,
            format!("id `{id}` is not a slug (a-z, 0-9, -)"),
        ));
    }
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    if stem != id {
        return Err(err(
            id_line,
            format!("id `{id}` does not match the file name `{stem}.md`"),
        ));
    }

    let title = required(raw.title, "title")?.into_inner().trim().to_owned();
    let subtitle = optional(raw.subtitle, "subtitle")?;

    let kind = required(raw.kind, "kind")?;
    if vocabulary.kind(kind.get_ref()).is_none() {
        let known: Vec<&str> = vocabulary.kinds.iter().map(|k| k.slug.as_str()).collect();
        return Err(err(
            line(kind.span()),
            format!(
                "unknown kind `{}` (expected one of: {})",
                kind.get_ref(),
                known.join(", ")
            ),
        ));
    }
    let kind = kind.into_inner();

    let date_field = required(raw.date, "date")?;
    let date = PartialDate::parse(date_field.get_ref())
        .map_err(|e| err(line(date_field.span()), format!("bad `date`: {e}")))?;
    let approximate = optional(raw.approximate, "approximate")?;

    let mut signatories = Vec::new();
    for s in raw.signatories {
        let span = s.span();
        let s = s.into_inner();
        if s.name.trim().is_empty() {
            return Err(err(line(span), "a signatory has an empty `name`".into()));
        }
        let role = s
            .role
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty());
        signatories.push(Signatory {
            name: s.name.trim().into(),
            role,
        });
    }
    let source = required(raw.source, "source")?
        .into_inner()
        .trim()
        .to_owned();
    let related = raw
        .related
        .into_iter()
        .map(|r| r.into_inner().trim().to_owned())
        .collect();

    let body = paragraphs(body_text);
    if body.is_empty() {
        return Err(err(
            body_line,
            "the body is empty: the statement's text goes after the closing `+++`".into(),
        ));
    }

    let mut texts: Vec<&str> = vec![&title];
    texts.extend(subtitle.as_deref());
    texts.extend(body.iter().map(String::as_str));
    // Signatories are people (and sometimes organizations) the statement names too.
    texts.extend(signatories.iter().map(|s| s.name.as_str()));
    texts.extend(signatories.iter().filter_map(|s| s.role.as_deref()));
    let mut tags = vocabulary.tag(&texts);
    for (list, adding) in [(&raw.tags.add, true), (&raw.tags.remove, false)] {
        for reference in list {
            let name = if adding { "tags.add" } else { "tags.remove" };
            let id = vocabulary.resolve(reference.get_ref()).ok_or_else(|| {
                err(
                    line(reference.span()),
                    format!(
                        "unknown entity `{}` in {name} (expected facet:slug from vocabulary.toml, facet one of topic, place, organization, person)",
                        reference.get_ref()
                    ),
                )
            })?;
            if adding {
                tags.extend(vocabulary.with_broader(id));
            } else {
                tags.retain(|t| *t != id);
            }
        }
    }
    tags.sort_unstable();
    tags.dedup();

    Ok(Statement {
        id,
        title,
        subtitle,
        kind,
        date,
        approximate,
        signatories,
        source,
        excerpt: raw.excerpt,
        related,
        tags,
        body: body.into(),
    })
}

/// Splits `+++\n<front>\n+++\n<body>`: the front matter, its byte offset in
/// `text`, the body, and the body's first line number.
fn split_front_matter(text: &str) -> Option<(&str, usize, &str, usize)> {
    let text_start = text.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let rest = &text[text_start..];
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end() != "+++" {
        return None;
    }
    let front_offset = text_start + first_line_end + 1;
    let mut pos = front_offset;
    for line in text[front_offset..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &text[front_offset..pos];
            let body_offset = pos + line.len();
            let body = &text[body_offset..];
            return Some((front, front_offset, body, line_at(text, body_offset)));
        }
        pos += line.len();
    }
    None
}

/// Body paragraphs: blocks separated by blank lines, lines joined by a space.
fn paragraphs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in body.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

fn toml_error(file: &str, text: &str, offset: usize, e: &toml::de::Error) -> SourceError {
    let line = e.span().map_or(1, |s| line_at(text, offset + s.start));
    let message = e.message().trim().to_owned();
    SourceError {
        file: file.into(),
        line,
        reason: format!("invalid TOML: {message}"),
    }
}

/// 1-based line number of byte `offset` in `text`.
fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Line where `key = ` is first written, or 1.
fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

#[cfg(test)]
mod tests;
