//! A statement's page as copied or scraped: its text read into the parts a
//! statement file has.
//!
//! The pages the archive comes from print, in order: the title; a tagline;
//! a dateline ("18 December 2016"); the text; "Reference: …" lines or a
//! closing signature; "Continue reading" where a listing cut the text; and
//! "Previous" / "Next" links to other statements. Scrapes lose line breaks,
//! so a paragraph, a "Reference:" line and a dateline can come glued
//! together ("…displacementReference: Ms. Eni Lestari, IMA Chairperson4
//! December 2017The recent…"); [`unglue`] splits them again.
//!
//! Nothing here fails: a part that is not found is simply absent, and the
//! draft says so.

use crate::dates::{self, Mention};

/// The parts of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The first line.
    pub title: Option<String>,
    /// The tagline under the title, its lines joined by spaces, and how it was told apart.
    pub tagline: Option<(String, Tagline)>,
    /// The printed date at the top.
    pub dateline: Option<Mention>,
    /// The line the dateline was read from.
    pub dateline_text: String,
    /// A date alone on the last line of the text ("Quezon City, Philippines /
    /// November 12-13, 2015"); the line stays in the body.
    pub closing_dateline: Option<(Mention, String)>,
    /// What follows "Reference:" / "For reference:", one entry per line.
    pub references: Vec<String>,
    /// A closing signature block ("Eni Lestari, chairperson", or a name and
    /// a role on two lines), taken out of the body.
    pub closing_signature: Vec<String>,
    /// Paragraphs of the text.
    pub body: Vec<String>,
    /// Titles after "Previous" and "Next", in that order.
    pub related: Vec<String>,
    /// Whether the text was cut at "Continue reading".
    pub excerpt: bool,
    /// How many statements the page seems to hold: more than one when it
    /// has several "Continue reading" cuts, "Reference:" lines or
    /// datelines (a listing page).
    pub statements: usize,
    /// Paragraphs, reference lines and datelines split apart where they came glued.
    pub unglued: usize,
}

/// How the tagline was told apart from the first paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tagline {
    /// A dateline follows it.
    BeforeDateline,
    /// It ends like a headline (with `!`, `?`, `:` or no stop) and is short.
    Headline,
    /// One short sentence ending with a full stop: could be the first paragraph.
    ShortSentence,
}

/// Lines longer than this are paragraphs, not taglines.
const TAGLINE_MAX: usize = 300;
/// A tagline ending with a full stop is at most this long.
const SENTENCE_TAGLINE_MAX: usize = 120;
/// How many lines after the title may come before the dateline.
const DATELINE_WITHIN: usize = 3;

/// Reads a page's text.
pub fn read(text: &str) -> Page {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut page = Page::default();
    // Blocks of lines, separated by blank lines. `None` is a blank line.
    let mut lines: Vec<Option<String>> = Vec::new();
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            lines.push(None);
        } else if page.title.is_none() {
            page.title = Some(line.to_owned());
        } else {
            let parts = unglue(line);
            page.unglued += parts.len() - 1;
            lines.extend(parts.into_iter().map(Some));
        }
    }

    // "Previous" / "Next" links end the text.
    if let Some(at) = lines
        .iter()
        .position(|l| l.as_deref().is_some_and(is_link_marker))
    {
        let links: Vec<String> = lines.drain(at..).flatten().collect();
        page.related = links.into_iter().filter(|l| !is_link_marker(l)).collect();
    }

    let mut cuts = 0;
    for line in lines.iter_mut() {
        let Some(text) = line else { continue };
        if let Some(cut) = strip_continue_reading(text) {
            page.excerpt = true;
            cuts += 1;
            *line = (!cut.is_empty()).then_some(cut);
        }
    }
    for line in lines.iter_mut() {
        if let Some(reference) = line.as_deref().and_then(reference_of) {
            page.references.push(reference);
            *line = None;
        }
    }
    // A removed line ends its block as a blank line does.
    let blocks = blocks(&lines);
    let mut flat: Vec<(usize, String)> = blocks
        .iter()
        .enumerate()
        .flat_map(|(b, lines)| lines.iter().map(move |l| (b, l.clone())))
        .collect();

    // The dateline: a line that is only a date, among the first lines.
    let dateline_at = flat
        .iter()
        .take(DATELINE_WITHIN)
        .position(|(_, l)| dates::dateline(l).is_some());
    if let Some(at) = dateline_at {
        let (_, line) = flat.remove(at);
        page.dateline = dates::dateline(&line);
        page.dateline_text = line;
    }

    if let Some((joined, how, taken)) = tagline(&flat, dateline_at) {
        page.tagline = Some((joined, how));
        flat.drain(..taken);
    }

    // The last block: a closing signature or a closing dateline.
    if let Some(&(last_block, _)) = flat.last() {
        let last: Vec<String> = flat
            .iter()
            .filter(|(b, _)| *b == last_block)
            .map(|(_, l)| l.clone())
            .collect();
        if let Some(m) = last.last().and_then(|l| dates::dateline(l)) {
            page.closing_dateline = last.last().map(|l| (m, l.clone()));
        } else if last.len() <= 2 && last.first().is_some_and(|l| looks_like_signature(l)) {
            flat.retain(|(b, _)| *b != last_block);
            page.closing_signature = last;
        }
    }
    page.body = flat.into_iter().map(|(_, l)| l).collect();
    let datelines = usize::from(page.dateline.is_some())
        + page
            .body
            .iter()
            .filter(|l| dates::dateline(l).is_some())
            .count();
    page.statements = cuts.max(page.references.len()).max(datelines).max(1);
    page
}

/// The tagline at the start of `flat` (lines with their block numbers): the
/// first block, up to the dateline, continued by the next block when it
/// ends with a colon. Gives the tagline, how it was told apart, and how many
/// lines it takes; `None` when the first block reads as a paragraph.
fn tagline(
    flat: &[(usize, String)],
    dateline_at: Option<usize>,
) -> Option<(String, Tagline, usize)> {
    let header_end = dateline_at.unwrap_or(flat.len());
    let mut lines: Vec<&str> = Vec::new();
    let mut taken = 0;
    let mut block = flat.first().map(|(b, _)| *b);
    while let Some(b) = block {
        let before = taken;
        while taken < header_end && flat.get(taken).is_some_and(|(fb, _)| *fb == b) {
            lines.push(&flat[taken].1);
            taken += 1;
        }
        let ends_block = flat.get(taken).map_or(true, |(fb, _)| *fb != b);
        let colon = lines.last().is_some_and(|l| l.ends_with(':'));
        block = (ends_block && colon && taken > before && taken < header_end)
            .then(|| flat.get(taken).map(|(fb, _)| *fb))
            .flatten();
    }
    if lines.is_empty() {
        return None;
    }
    let joined = lines.join(" ");
    let length = joined.chars().count();
    let how = if dateline_at.is_some() && length <= TAGLINE_MAX {
        Tagline::BeforeDateline
    } else if length <= TAGLINE_MAX
        && (joined.ends_with(['!', '?', ':']) || !joined.ends_with(['.', '”', '"', ')']))
    {
        Tagline::Headline
    } else if length <= SENTENCE_TAGLINE_MAX
        && joined.ends_with('.')
        && sentence_count(&joined) == 1
    {
        Tagline::ShortSentence
    } else {
        return None;
    };
    Some((joined, how, taken))
}

/// The blocks of non-blank lines.
fn blocks(lines: &[Option<String>]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current = Vec::new();
    for line in lines {
        match line {
            Some(l) => current.push(l.clone()),
            None if !current.is_empty() => out.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn is_link_marker(line: &str) -> bool {
    let word = line.trim_matches(|c: char| !c.is_alphanumeric());
    word.eq_ignore_ascii_case("previous") || word.eq_ignore_ascii_case("next")
}

/// The line without its trailing "Continue reading" (and any arrow after it).
fn strip_continue_reading(line: &str) -> Option<String> {
    const WORDS: &str = "continue reading";
    let trimmed = line.trim_end_matches(|c: char| !c.is_alphanumeric());
    let cut = trimmed.len().checked_sub(WORDS.len())?;
    let tail = trimmed.get(cut..)?;
    tail.eq_ignore_ascii_case(WORDS)
        .then(|| trimmed[..cut].trim_end().to_owned())
}

const REFERENCE_MARKERS: [&str; 2] = ["For reference:", "Reference:"];

/// What a "Reference: …" or "For reference: …" line names.
fn reference_of(line: &str) -> Option<String> {
    REFERENCE_MARKERS.iter().find_map(|m| {
        let head = line.get(..m.len())?;
        head.eq_ignore_ascii_case(m)
            .then(|| line[m.len()..].trim().to_owned())
    })
}

/// Whether a closing line reads as "Name" or "Name, role": two to four
/// capitalized words, no digits, no sentence at the end.
fn looks_like_signature(line: &str) -> bool {
    let name = line.split(',').next().unwrap_or(line).trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && line.chars().count() <= 120
        && !line.ends_with(['.', '!', '?'])
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || ".-’'".contains(c))
        })
}

fn sentence_count(text: &str) -> usize {
    text.split_inclusive(['.', '!', '?'])
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .count()
}

/// Splits a line where a scrape glued separate lines together: before a
/// "Reference:" that follows a word, around a date glued to words, and
/// after a sentence's end followed at once by a capital ("migrants.In a
/// statement", "labour.”Since"). An initial's full stop ("U.S.") is not a
/// sentence end.
pub fn unglue(line: &str) -> Vec<String> {
    let mut cuts: Vec<usize> = Vec::new();
    for marker in REFERENCE_MARKERS {
        for (at, _) in line.match_indices(marker) {
            let glued = line[..at]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace());
            let inside_for = marker == "Reference:" && line[..at].ends_with("For ");
            if at > 0 && glued && !inside_for {
                cuts.push(at);
            }
        }
    }
    for m in dates::mentions(line) {
        if line[..m.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            cuts.push(m.start);
        }
        if line[m.end..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic)
        {
            cuts.push(m.end);
        }
    }
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (i, &(_, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut j = i + 1;
        while chars
            .get(j)
            .is_some_and(|&(_, q)| matches!(q, '"' | '”' | '’' | ')'))
        {
            j += 1;
        }
        let Some(&(at, next)) = chars.get(j) else {
            continue;
        };
        if !next.is_uppercase() {
            continue;
        }
        let initial = c == '.'
            && i >= 1
            && chars[i - 1].1.is_alphabetic()
            && (i < 2 || !chars[i - 2].1.is_alphabetic());
        if !initial {
            cuts.push(at);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut from = 0;
    for at in cuts.into_iter().chain([line.len()]) {
        let part = line[from..at].trim();
        if !part.is_empty() {
            out.push(part.to_owned());
        }
        from = at;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_lines_are_split_at_references_dates_and_sentence_ends() {
        assert_eq!(
            unglue("forced displacementReference: Ms. Eni Lestari, IMA Chairperson4 December 2017The recent news."),
            [
                "forced displacement",
                "Reference: Ms. Eni Lestari, IMA Chairperson",
                "4 December 2017",
                "The recent news."
            ]
        );
        assert_eq!(
            unglue("of our labour.”Since after. It said \"no.\"Clearly"),
            ["of our labour.”", "Since after. It said \"no.\"", "Clearly"]
        );
    }

    #[test]
    fn initials_and_spaced_sentences_are_left_alone() {
        let line = "Was it not the U.S. government? Yes. For reference: Eni Lestari";
        assert_eq!(unglue(line), [line]);
    }

    #[test]
    fn continue_reading_is_cut_from_the_end_of_a_line_only() {
        assert_eq!(
            strip_continue_reading("İstanbul’da acts. Continue reading →").as_deref(),
            Some("İstanbul’da acts.")
        );
        assert_eq!(
            strip_continue_reading("CONTINUE READING"),
            Some(String::new())
        );
        assert_eq!(strip_continue_reading("Continue reading the text."), None);
        assert_eq!(strip_continue_reading("İİİİİİİİİİİİİİİİİİ"), None);
    }

    #[test]
    fn a_page_in_another_layout_still_gives_what_it_has() {
        let page = read("Just a title\n\nsome words without a stop\nand more.\n");
        assert_eq!(page.title.as_deref(), Some("Just a title"));
        assert!(page.dateline.is_none());
        assert!(page.references.is_empty() && page.related.is_empty());
        let empty = read("");
        assert_eq!(
            empty,
            Page {
                statements: 1,
                ..Page::default()
            }
        );
    }
}
