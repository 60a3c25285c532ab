//! The statement file a draft becomes: its text, in the corpus's own
//! layout and conventions, and writing it into `corpus/statements/` without
//! ever overwriting a file.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use ima_statements::corpus::source::{self, PLACEHOLDER};
use ima_statements::text::{fold, tokens};

use crate::check::statement_files;
use crate::draft::Draft;

/// A TOML basic string; the no-break space is written `\u00A0`, as the corpus does.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\u{a0}' => out.push_str("\\u00A0"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Draft {
    fn notes_for(&self, field: &str, out: &mut String) {
        for (f, note) in &self.notes {
            if *f == field {
                let _ = writeln!(out, "# draft: {note}");
            }
        }
    }

    /// The statement file's text.
    pub fn render(&self) -> String {
        let todo = |what: &str| quoted(&format!("{PLACEHOLDER}: {what}"));
        let mut out = String::from("+++\n");
        self.notes_for("id", &mut out);
        let _ = writeln!(out, "id = {}", quoted(&self.id));
        let nbsp = self
            .title
            .iter()
            .chain(&self.subtitle)
            .any(|t| t.contains('\u{a0}'));
        if nbsp {
            out.push_str(
                "# \"\\u00A0\" is the no-break space printed in the source page, kept as is.\n",
            );
        }
        let title = self
            .title
            .as_deref()
            .map_or_else(|| todo("the headline as published"), quoted);
        let _ = writeln!(out, "title = {title}");
        if let Some(s) = &self.subtitle {
            self.notes_for("subtitle", &mut out);
            let _ = writeln!(out, "subtitle = {}", quoted(s));
        }
        self.notes_for("kind", &mut out);
        let _ = writeln!(out, "kind = {}", quoted(&self.kind));
        self.notes_for("date", &mut out);
        match &self.date {
            Some(d) => {
                let _ = writeln!(out, "date = {}", quoted(d));
            }
            None => {
                let _ = writeln!(
                    out,
                    "date = {}",
                    todo("YYYY, YYYY-MM, YYYY-MM-DD or start/end")
                );
                let _ = writeln!(
                    out,
                    "approximate = {}",
                    todo("one sentence saying how the date was worked out")
                );
            }
        }
        if !self.signatories.is_empty() {
            self.notes_for("signatories", &mut out);
            let list: Vec<String> = self
                .signatories
                .iter()
                .map(|s| match &s.role {
                    Some(r) => format!("{{ name = {}, role = {} }}", quoted(&s.name), quoted(r)),
                    None => format!("{{ name = {} }}", quoted(&s.name)),
                })
                .collect();
            let _ = writeln!(out, "signatories = [{}]", list.join(", "));
        }
        let source = self
            .source
            .as_deref()
            .map_or_else(|| todo("the page's file name or address"), quoted);
        let _ = writeln!(out, "source = {source}");
        if self.excerpt {
            out.push_str("# The page holds only the opening, cut at \"Continue reading\".\n");
        }
        let _ = writeln!(out, "excerpt = {}", self.excerpt);
        if !self.related.is_empty() {
            out.push_str(
                "# \"Previous\" and \"Next\" links of the page, in that order.\nrelated = [\n",
            );
            for r in &self.related {
                let _ = writeln!(out, "  {},", quoted(r));
            }
            out.push_str("]\n");
        }
        out.push_str("+++\n");
        for p in &self.body {
            let _ = write!(out, "\n{p}\n");
        }
        out
    }
}

/// Writes the draft into `corpus/statements/` under a name no file has;
/// never overwrites. Refuses a page whose title a statement already has.
pub fn write_new(corpus: &Path, draft: &mut Draft) -> Result<PathBuf, String> {
    let dir = corpus.join("statements");
    let vocabulary = source::parse_vocabulary(
        &corpus.join("vocabulary.toml").display().to_string(),
        &fs::read_to_string(corpus.join("vocabulary.toml")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let taken = statement_files(corpus);
    for path in &taken {
        let Ok(text) = fs::read_to_string(path) else {
            continue;
        };
        let name = path.display().to_string();
        // Files that do not validate yet (other drafts) are skipped here.
        if let (Ok(existing), Some(title)) = (
            source::parse_statement(&name, &text, &vocabulary),
            &draft.title,
        ) {
            if fold_title(&existing.title) == fold_title(title) {
                return Err(format!(
                    "{name} already holds a statement with this title; nothing written"
                ));
            }
        }
    }
    let stems: Vec<String> = taken
        .iter()
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_owned))
        .collect();
    let base = draft.id.clone();
    let mut n = 1;
    while stems.contains(&draft.id) {
        n += 1;
        draft.id = format!("{base}-{n}");
    }
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(format!("{}.md", draft.id));
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| format!("{}: {e}; nothing written", path.display()))?;
    file.write_all(draft.render().as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

fn fold_title(t: &str) -> Vec<String> {
    tokens(t).map(|w| fold(w.text)).collect()
}
