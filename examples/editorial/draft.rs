//! A draft statement file made from a page's text: every field the page
//! gives, each with how sure the guess is, and a `TODO` placeholder in the
//! fields only a person can fill in.
//!
//! The corpus validator rejects any field still starting with `TODO`
//! (`ima_statements::corpus::source::PLACEHOLDER`), so a half-filled draft
//! stops the build instead of shipping "TODO" to visitors.

use std::fmt::Write as _;
use std::path::Path;

use ima_statements::corpus::source::PLACEHOLDER;
use ima_statements::date::PartialDate;
use ima_statements::statement::Signatory;
use ima_statements::text::{fold, tokens};
use ima_statements::vocabulary::{EntityId, Facet, Vocabulary};

use crate::file::quoted;
use crate::names;
use crate::page::{self, Tagline};

/// How sure a guess is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    /// The page states it in the usual place.
    Sure,
    /// Read from a clear sign, but worth a look.
    Likely,
    /// A guess: check it.
    Guess,
    /// Not on the page: left for a person.
    Missing,
}

impl Confidence {
    fn as_str(self) -> &'static str {
        match self {
            Confidence::Sure => "sure",
            Confidence::Likely => "likely",
            Confidence::Guess => "guess",
            Confidence::Missing => "missing",
        }
    }
}

/// One line of the report: a field, how sure, what was found and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The field of the statement file.
    pub field: &'static str,
    /// How sure the guess is.
    pub sure: Confidence,
    /// The value and where it came from.
    pub note: String,
}

/// A statement file in the making.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The id, which is also the file name; starts with [`PLACEHOLDER`] while the date is unknown.
    pub id: String,
    /// The headline, if the page has one.
    pub title: Option<String>,
    /// The tagline.
    pub subtitle: Option<String>,
    /// A kind of `vocabulary.toml`.
    pub kind: String,
    /// The date's written form, when the page prints it.
    pub date: Option<String>,
    /// From "Reference:" lines or the closing signature.
    pub signatories: Vec<Signatory>,
    /// The page's file name, when read from a file.
    pub source: Option<String>,
    /// Whether the page holds only the opening ("Continue reading").
    pub excerpt: bool,
    /// "Previous" and "Next" titles.
    pub related: Vec<String>,
    /// Paragraphs.
    pub body: Vec<String>,
    /// What the vocabulary tags it with.
    pub tags: Vec<EntityId>,
    /// Names the vocabulary lacks, with their counts.
    pub candidates: Vec<(String, usize)>,
    /// Dates the text mentions, as hints for an undated statement: (printed, written).
    pub date_hints: Vec<(String, String)>,
    /// What was guessed, field by field.
    pub findings: Vec<Finding>,
    /// Notes written into the file as `# draft:` comments above a field.
    pub notes: Vec<(&'static str, String)>,
}

/// Honorifics left out of a signatory's name ("Ms. Eni Lestari").
const HONORIFICS: [&str; 6] = ["Ms.", "Mr.", "Mrs.", "Ms", "Mr", "Mrs"];
/// Title words that say nothing of the statement, dropped from the front of an id.
const ID_FILLER: [&str; 7] = ["ima", "statement", "on", "the", "of", "a", "an"];
/// The fields in the order of a statement file.
pub const FIELD_ORDER: [&str; 11] = [
    "page",
    "title",
    "subtitle",
    "kind",
    "date",
    "signatories",
    "source",
    "excerpt",
    "related",
    "body",
    "tags",
];
/// Words of the title an id keeps.
const ID_WORDS: usize = 6;

/// Drafts a statement from a page's text. `source` is the page's file name.
pub fn draft(text: &str, source: Option<&str>, vocabulary: &Vocabulary) -> Draft {
    let page = page::read(text);
    let mut d = Draft {
        id: String::new(),
        title: page.title.clone(),
        subtitle: page.tagline.as_ref().map(|(t, _)| t.clone()),
        kind: String::new(),
        date: None,
        signatories: Vec::new(),
        source: source.map(str::to_owned),
        excerpt: page.excerpt,
        related: page.related.clone(),
        body: page.body.clone(),
        tags: Vec::new(),
        candidates: Vec::new(),
        date_hints: Vec::new(),
        findings: Vec::new(),
        notes: Vec::new(),
    };
    let mut find = |field, sure, note: String| d.findings.push(Finding { field, sure, note });

    if page.statements > 1 {
        let note = format!(
            "this page seems to hold {} statements (a listing page: several \"Continue reading\", \"Reference:\" lines or datelines); split it at each title and run new on each part.",
            page.statements
        );
        find("page", Confidence::Guess, note.clone());
        d.notes.push(("id", note));
    }
    match &d.title {
        Some(t) => find(
            "title",
            Confidence::Sure,
            format!("{} (the first line)", quoted(t)),
        ),
        None => find("title", Confidence::Missing, "the page is empty".into()),
    }
    match &page.tagline {
        Some((t, Tagline::BeforeDateline)) => find(
            "subtitle",
            Confidence::Sure,
            format!("{} (between the title and the dateline)", quoted(t)),
        ),
        Some((t, Tagline::Headline)) => find(
            "subtitle",
            Confidence::Likely,
            format!(
                "{} (a short line under the title, ending like a headline)",
                quoted(t)
            ),
        ),
        Some((t, Tagline::ShortSentence)) => {
            find(
                "subtitle",
                Confidence::Guess,
                format!(
                    "{} (one short sentence under the title: a tagline, or the first paragraph?)",
                    quoted(t)
                ),
            );
            d.notes.push((
                "subtitle",
                "guessed from one short sentence under the title; if it is the first paragraph, move it to the body.".into(),
            ));
        }
        None => find(
            "subtitle",
            Confidence::Missing,
            "no tagline under the title (optional)".into(),
        ),
    }

    // Date.
    let body_text = d.body.join("\n");
    if let Some(m) = &page.dateline {
        d.date = Some(m.written.clone());
        find(
            "date",
            Confidence::Sure,
            format!(
                "{} ({}; dateline {:?})",
                m.written,
                precision(&m.written),
                m.printed(&page.dateline_text)
            ),
        );
    } else if let Some((m, line)) = &page.closing_dateline {
        d.date = Some(m.written.clone());
        find(
            "date",
            Confidence::Likely,
            format!(
                "{} ({}; closing dateline {:?}, kept in the body)",
                m.written,
                precision(&m.written),
                m.printed(line)
            ),
        );
        let others: Vec<String> = crate::dates::mentions(&body_text)
            .into_iter()
            .filter(|o| o.written != m.written && o.written.contains('-'))
            .map(|o| format!("{:?}", o.printed(&body_text)))
            .collect();
        let mut note = format!("read from the closing dateline {:?}.", m.printed(line));
        if !others.is_empty() {
            note += &format!(" The text also prints {}.", others.join(", "));
        }
        d.notes.push(("date", note));
    } else {
        for m in crate::dates::mentions(&body_text) {
            let hint = (m.printed(&body_text).to_owned(), m.written.clone());
            if !d.date_hints.contains(&hint) {
                d.date_hints.push(hint);
            }
        }
        let hints: Vec<String> = d
            .date_hints
            .iter()
            .map(|(p, w)| format!("{p:?} ({w})"))
            .collect();
        let mut note = "no dateline: the date is left for you (TODO), with `approximate` saying how you worked it out".to_owned();
        if !hints.is_empty() {
            note += &format!("; the text mentions {}", hints.join(", "));
        }
        find("date", Confidence::Missing, note);
        let mut comment = "the page prints no date. Write the most precise date the evidence supports, never a day it does not give, and replace `approximate` with one sentence for visitors saying why (corpus/README.md, Dates).".to_owned();
        if !hints.is_empty() {
            comment += &format!(" The text mentions: {}.", hints.join(", "));
        }
        d.notes.push(("date", comment));
    }

    // Signatories.
    for reference in &page.references {
        d.signatories.push(signatory(reference, None));
    }
    if !page.references.is_empty() {
        let names: Vec<String> = d.signatories.iter().map(describe).collect();
        find(
            "signatories",
            Confidence::Sure,
            format!("{} (\"Reference:\" line)", names.join("; ")),
        );
    }
    if let [first, rest @ ..] = page.closing_signature.as_slice() {
        let s = signatory(first, rest.first().map(String::as_str));
        let known = vocabulary.tag(&[&s.name]).iter().any(|&id| {
            vocabulary
                .entity(id)
                .is_some_and(|e| e.facet == Facet::Person)
        });
        let (sure, why) = if known {
            (
                Confidence::Likely,
                "closing signature; a person of the vocabulary",
            )
        } else {
            (
                Confidence::Guess,
                "closing lines that read like a name; not in the vocabulary",
            )
        };
        find("signatories", sure, format!("{} ({why})", describe(&s)));
        if !known {
            d.notes.push((
                "signatories",
                format!("guessed from the closing lines {:?}; if they are part of the text, move them back to the body.", page.closing_signature.join(" / ")),
            ));
        }
        d.signatories.push(s);
    }
    if d.signatories.is_empty() {
        find(
            "signatories",
            Confidence::Missing,
            "no \"Reference:\" line or closing signature (optional)".into(),
        );
    }

    // Kind.
    let (kind, sure, why) = guess_kind(d.title.as_deref(), &d.signatories, &d.body, vocabulary);
    d.kind = kind;
    find("kind", sure, format!("{} ({why})", d.kind));
    if sure == Confidence::Guess {
        let kinds: Vec<&str> = vocabulary.kinds.iter().map(|k| k.slug.as_str()).collect();
        d.notes.push((
            "kind",
            format!("guessed ({why}); one of: {}.", kinds.join(", ")),
        ));
    }

    match &d.source {
        Some(s) => find("source", Confidence::Sure, format!("{s} (the page's file name)")),
        None => find(
            "source",
            Confidence::Missing,
            "read from stdin: the page's file or address is left for you (TODO; or give it with --source NAME)".into(),
        ),
    }
    find(
        "excerpt",
        Confidence::Sure,
        if d.excerpt {
            "true (the text is cut at \"Continue reading\")".into()
        } else {
            "false (no \"Continue reading\")".into()
        },
    );
    let (sure, note) = found(
        &d.related,
        "no \"Previous\" / \"Next\" links (optional)",
        |related| format!("{related:?} (\"Previous\" / \"Next\" links)"),
    );
    find("related", sure, note);
    let (sure, note) = found(&d.body, "no text found under the title", |body| {
        let mut note = format!("{} paragraphs", body.len());
        if page.unglued > 0 {
            note += &format!(", {} glued lines split again", page.unglued);
        }
        note
    });
    find("body", sure, note);

    // Tags and names, from the same texts the build tags.
    let mut texts: Vec<&str> = d.title.iter().map(String::as_str).collect();
    texts.extend(d.subtitle.as_deref());
    texts.extend(d.body.iter().map(String::as_str));
    texts.extend(d.signatories.iter().map(|s| s.name.as_str()));
    texts.extend(d.signatories.iter().filter_map(|s| s.role.as_deref()));
    d.tags = vocabulary.tag(&texts);
    d.candidates = names::candidates(&texts, vocabulary);

    // The report follows the file's order.
    d.findings
        .sort_by_key(|f| FIELD_ORDER.iter().position(|&o| o == f.field));

    let slug = id_words(d.title.as_deref().unwrap_or(""));
    d.id = match &d.date {
        Some(date) => format!("{}-{slug}", date.split('/').next().unwrap_or(date)),
        None => format!("{PLACEHOLDER}-{slug}"),
    };
    d
}

/// A list field's finding: missing (with why) when the page gave none,
/// else sure, described by `describe`.
fn found<T>(
    items: &[T],
    missing: &str,
    describe: impl FnOnce(&[T]) -> String,
) -> (Confidence, String) {
    if items.is_empty() {
        (Confidence::Missing, missing.to_owned())
    } else {
        (Confidence::Sure, describe(items))
    }
}

/// "day", "month", "year" or "range", as the corpus's date forms say.
fn precision(written: &str) -> &'static str {
    PartialDate::parse(written).map_or("?", |d| d.precision().as_str())
}

fn describe(s: &Signatory) -> String {
    match &s.role {
        Some(r) => format!("{}, {r}", s.name),
        None => s.name.clone(),
    }
}

/// "Ms. Eni Lestari, IMA Chairperson" → name and role; a role on the next
/// line of a closing signature when the first has none.
fn signatory(line: &str, next_line: Option<&str>) -> Signatory {
    let (name, role) = match line.split_once(',') {
        Some((n, r)) => (n.trim(), Some(r.trim())),
        None => (line.trim(), next_line.map(str::trim)),
    };
    let mut name = name;
    for h in HONORIFICS {
        if let Some(rest) = name.strip_prefix(h).filter(|r| r.starts_with(' ')) {
            name = rest.trim_start();
            break;
        }
    }
    Signatory {
        name: name.to_owned(),
        role: role.filter(|r| !r.is_empty()).map(str::to_owned),
    }
}

fn has_word(text: &str, word: &str) -> bool {
    tokens(text).any(|t| fold(t.text) == word)
}

/// The kind: named in the title, or told by a signature or the voice.
fn guess_kind(
    title: Option<&str>,
    signatories: &[Signatory],
    body: &[String],
    vocabulary: &Vocabulary,
) -> (String, Confidence, &'static str) {
    let title = title.unwrap_or("");
    let (slug, sure, why) = if has_word(title, "communique") {
        ("communique", Confidence::Sure, "the title says so")
    } else if has_word(title, "statement") {
        ("statement", Confidence::Sure, "the title says so")
    } else if !signatories.is_empty() {
        ("statement", Confidence::Likely, "it is signed")
    } else if body.iter().any(|p| has_word(p, "we") || has_word(p, "our")) {
        (
            "statement",
            Confidence::Guess,
            "unsigned, written as \"we\"",
        )
    } else {
        (
            "news",
            Confidence::Guess,
            "unsigned, written in the third person",
        )
    };
    match vocabulary.kind(slug) {
        Some(k) => (k.slug.clone(), sure, why),
        None => (
            vocabulary
                .kinds
                .first()
                .map_or_else(|| "statement".into(), |k| k.slug.clone()),
            Confidence::Guess,
            "the vocabulary has none of statement, communique, news",
        ),
    }
}

/// The part of an id after the date: the title's first words, lowercase
/// ascii, without a leading "[Statement]" or "IMA Statement on".
pub fn id_words(title: &str) -> String {
    let without_brackets = match (title.starts_with('['), title.find(']')) {
        (true, Some(end)) => &title[end + 1..],
        _ => title,
    };
    let words: Vec<String> = tokens(without_brackets)
        .map(|t| {
            fold(t.text)
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect()
        })
        .filter(|w: &String| !w.is_empty())
        .collect();
    let start = words
        .iter()
        .position(|w| !ID_FILLER.contains(&w.as_str()))
        .unwrap_or(words.len());
    let kept: Vec<&str> = words[start..]
        .iter()
        .take(ID_WORDS)
        .map(String::as_str)
        .collect();
    if kept.is_empty() {
        "statement".into()
    } else {
        kept.join("-")
    }
}

impl Draft {
    /// Fields left for a person, marked `TODO` in the file.
    pub fn left_to_fill(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.title.is_none() {
            out.push("title");
        }
        if self.date.is_none() {
            out.extend(["date", "approximate", "id (and the file name)"]);
        }
        if self.source.is_none() {
            out.push("source");
        }
        out
    }

    /// The report printed after writing the file.
    pub fn report(&self, path: &Path, vocabulary: &Vocabulary) -> String {
        let mut out = format!("wrote {}\n\n", path.display());
        for f in &self.findings {
            let _ = writeln!(out, "  {:<12} {:<8} {}", f.field, f.sure.as_str(), f.note);
        }
        let tags: Vec<String> = self
            .tags
            .iter()
            .filter_map(|&id| vocabulary.entity(id))
            .map(|e| format!("{}:{}", e.facet.as_str(), e.slug))
            .collect();
        let _ = writeln!(
            out,
            "  {:<12} {:<8} {}",
            "tags",
            "sure",
            if tags.is_empty() {
                "none".to_owned()
            } else {
                tags.join(", ")
            }
        );
        let shown: Vec<String> = self
            .candidates
            .iter()
            .take(names::SHOWN)
            .map(|(n, c)| {
                if *c > 1 {
                    format!("{n} ({c})")
                } else {
                    n.clone()
                }
            })
            .collect();
        if !shown.is_empty() {
            let _ = writeln!(
                out,
                "  {:<12} {:<8} {} (names the vocabulary lacks: add the ones that matter to corpus/vocabulary.toml)",
                "candidates",
                "guess",
                shown.join(", ")
            );
        }
        let left = self.left_to_fill();
        out.push('\n');
        if left.is_empty() {
            out.push_str("Check every field against the page, then run ./build.sh check.\n");
        } else {
            let _ = writeln!(
                out,
                "Left for you (marked {PLACEHOLDER}; the build refuses the file until they are filled): {}.",
                left.join(", ")
            );
            if self.date.is_none() {
                out.push_str("Once the date is set, rename the file and its id to start with it (corpus/README.md).\n");
            }
            out.push_str("Then run ./build.sh check.\n");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use ima_statements::corpus::source;
    use proptest::prelude::*;

    use super::*;

    fn vocabulary() -> Vocabulary {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/vocabulary.toml");
        let text = fs::read_to_string(&dir).unwrap();
        source::parse_vocabulary("vocabulary.toml", &text).unwrap()
    }

    #[test]
    fn ids_start_from_the_title_s_first_words() {
        assert_eq!(
            id_words("[Statement] IMA on US withdrawal from GCM"),
            "us-withdrawal-from-gcm"
        );
        assert_eq!(
            id_words("Communiqué of the Third General Assembly"),
            "communique-of-the-third-general-assembly"
        );
        assert_eq!(id_words("IMA Statement"), "statement");
        assert_eq!(id_words(""), "statement");
    }

    /// Lines that pages are made of, to build pages in other layouts from.
    const PIECES: [&str; 14] = [
        "IMA Statement on something",
        "",
        "18 December 2016",
        "Reference: Ms. Eni Lestari, IMA Chairperson",
        "For reference:",
        "Previous",
        "Next",
        "Continue reading",
        "The text.Glued to more text.“Quoted.”Then",
        "Eni Lestari, chairperson",
        "Quezon City, Philippines",
        "November 12-13, 2015",
        "A tagline: with a colon:",
        "İstanbul 30 February 2015 – ‘x’ \u{a0}\t\u{feff}",
    ];

    proptest! {
        #[test]
        fn any_page_gives_a_draft_that_the_validator_accepts_or_refuses_with_a_reason(
            picks in proptest::collection::vec(0..PIECES.len(), 0..24),
            noise in "\\PC{0,80}",
        ) {
            let v = vocabulary();
            let mut page: Vec<&str> = picks.iter().map(|&i| PIECES[i]).collect();
            page.insert(picks.len() / 2, &noise);
            let d = draft(&page.join("\n"), Some("page.txt"), &v);
            let text = d.render();
            let name = format!("statements/{}.md", d.id);
            match source::parse_statement(&name, &text, &v) {
                Ok(s) => {
                    prop_assert_eq!(s.body, d.body.into());
                    prop_assert!(d.date.is_some());
                }
                Err(e) => prop_assert!(e.line >= 1 && !e.reason.is_empty()),
            }
        }
    }
}
