//! Dates as pages print them: "18 December 2016", "December 18, 2012",
//! "November 12-13, 2015", "July 12-17, 2023", "May 2015".
//!
//! Each one found becomes the corpus's written form ("2016-12-18",
//! "2015-11-12/2015-11-13", "2015-05"), checked by the core's own
//! [`PartialDate::parse`], so an impossible day ("30 February 2015") is
//! never offered.

use ima_statements::date::PartialDate;

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of its first character in the text.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// The date in the corpus's written form, e.g. `2015-11-12/2015-11-13`.
    pub written: String,
}

impl Mention {
    /// The text as printed.
    pub fn printed<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// The English month names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1–12) a capitalized English name or three-letter
/// abbreviation ("Dec", "Sept") stands for.
fn month(word: &str) -> Option<u8> {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let i = MONTHS.iter().position(|m| {
        *m == lower || (lower.len() >= 3 && lower.len() <= 4 && m.starts_with(&lower))
    })?;
    u8::try_from(i + 1).ok()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Number,
    Mark,
}

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    kind: Kind,
    text: &'a str,
    start: usize,
    end: usize,
}

/// Runs of letters, runs of digits and single marks; spaces (no-break ones
/// too) separate tokens and are dropped. "Chairperson4" is two tokens, so a
/// date glued to the word before it is still found.
fn lex(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let kind = if c.is_alphabetic() {
            Kind::Word
        } else if c.is_ascii_digit() {
            Kind::Number
        } else if c.is_whitespace() {
            continue;
        } else {
            Kind::Mark
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Mark {
            while let Some(&(i, next)) = chars.peek() {
                let same = match kind {
                    Kind::Word => next.is_alphabetic(),
                    _ => next.is_ascii_digit(),
                };
                if !same {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
        }
        out.push(Token {
            kind,
            text: &text[start..end],
            start,
            end,
        });
    }
    out
}

fn day_number(t: Option<&Token>) -> Option<u8> {
    let t = t?;
    (t.kind == Kind::Number && t.text.len() <= 2)
        .then(|| t.text.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn year_number(t: Option<&Token>) -> Option<u16> {
    let t = t?;
    (t.kind == Kind::Number && t.text.len() == 4)
        .then(|| t.text.parse().ok())
        .flatten()
        .filter(|y| (1900..=2199).contains(y))
}

fn is_dash(t: Option<&Token>) -> bool {
    t.is_some_and(|t| matches!(t.text, "-" | "–" | "—"))
}

/// Skips an ordinal suffix glued to a day ("18th").
fn skip_ordinal(tokens: &[Token], i: usize) -> usize {
    match tokens.get(i) {
        Some(t)
            if t.kind == Kind::Word
                && matches!(t.text, "st" | "nd" | "rd" | "th")
                && i > 0
                && tokens[i - 1].end == t.start =>
        {
            i + 1
        }
        _ => i,
    }
}

/// The written form of day(s) `first..=last` of `month` in `year`, if they exist.
fn written(year: u16, month: u8, first: Option<u8>, last: Option<u8>) -> Option<String> {
    let one = |d: Option<u8>| match d {
        Some(d) => format!("{year:04}-{month:02}-{d:02}"),
        None => format!("{year:04}-{month:02}"),
    };
    let text = match (first, last) {
        (Some(a), Some(b)) if b > a => format!("{}/{}", one(Some(a)), one(Some(b))),
        (Some(_), Some(_)) => return None,
        _ => one(first),
    };
    PartialDate::parse(&text).ok().map(|_| text)
}

/// A date starting at token `i`: its written form (`None` when the day does
/// not exist) and the index past its last token.
fn date_at(tokens: &[Token], i: usize) -> Option<(Option<String>, usize)> {
    // "18 December 2016", "12-13 November 2015"
    if let Some(first) = day_number(tokens.get(i)) {
        let mut j = skip_ordinal(tokens, i + 1);
        let mut last = None;
        if is_dash(tokens.get(j)) {
            last = Some(day_number(tokens.get(j + 1))?);
            j = skip_ordinal(tokens, j + 2);
        }
        let m = tokens.get(j).and_then(|t| month(t.text))?;
        let y = year_number(tokens.get(j + 1))?;
        // An impossible day ("30 February 2015") is no date, not even its month.
        return Some((written(y, m, Some(first), last), j + 2));
    }
    // "December 18, 2012", "November 12-13, 2015", "Dec. 18, 2012", "May 2015"
    let m = tokens
        .get(i)
        .filter(|t| t.kind == Kind::Word)
        .and_then(|t| month(t.text))?;
    let mut j = i + 1;
    if tokens.get(j).is_some_and(|t| t.text == ".") && tokens[i].text.len() <= 4 {
        j += 1;
    }
    if let Some(y) = year_number(tokens.get(j)) {
        return Some((written(y, m, None, None), j + 1));
    }
    let first = day_number(tokens.get(j))?;
    j = skip_ordinal(tokens, j + 1);
    let mut last = None;
    if is_dash(tokens.get(j)) {
        last = Some(day_number(tokens.get(j + 1))?);
        j = skip_ordinal(tokens, j + 2);
    }
    if tokens.get(j).is_some_and(|t| t.text == ",") {
        j += 1;
    }
    let y = year_number(tokens.get(j))?;
    Some((written(y, m, Some(first), last), j + 1))
}

/// Every date printed in `text` with its year, in order.
pub fn mentions(text: &str) -> Vec<Mention> {
    let tokens = lex(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match date_at(&tokens, i) {
            Some((written, next)) => {
                if let Some(written) = written {
                    out.push(Mention {
                        start: tokens[i].start,
                        end: tokens[next - 1].end,
                        written,
                    });
                }
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// The date when `line` is nothing but a date (a dateline such as
/// "18 December 2016"; a final period is allowed).
pub fn dateline(line: &str) -> Option<Mention> {
    let trimmed = line.trim().trim_end_matches('.');
    let offset = line.find(trimmed).unwrap_or(0);
    let found = mentions(trimmed);
    match found.as_slice() {
        [m] if m.start == 0 && m.end == trimmed.len() => Some(Mention {
            start: m.start + offset,
            end: m.end + offset,
            written: m.written.clone(),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|m| m.written).collect()
    }

    #[test]
    fn the_printed_forms_become_written_dates_with_their_precision() {
        assert_eq!(written("18 December 2016"), ["2016-12-18"]);
        assert_eq!(written("December 18, 2012"), ["2012-12-18"]);
        assert_eq!(written("November 12-13, 2015"), ["2015-11-12/2015-11-13"]);
        assert_eq!(written("July 12–17, 2023"), ["2023-07-12/2023-07-17"]);
        assert_eq!(written("12-13 November 2015"), ["2015-11-12/2015-11-13"]);
        assert_eq!(written("Dec. 4, 2017"), ["2017-12-04"]);
        assert_eq!(written("the 18th December 2016"), ["2016-12-18"]);
        assert_eq!(written("found early May 2015."), ["2015-05"]);
    }

    #[test]
    fn no_day_is_made_up_and_impossible_days_are_not_dates() {
        assert_eq!(
            written("In the morning of March 22, both"),
            Vec::<String>::new()
        );
        assert_eq!(written("30 February 2015"), Vec::<String>::new());
        assert_eq!(written("November 13-12, 2015"), Vec::<String>::new());
        assert_eq!(written("it may 2015"), Vec::<String>::new());
        assert_eq!(written("Remember 2015"), Vec::<String>::new());
    }

    #[test]
    fn a_date_glued_to_words_is_found_with_its_bounds() {
        let text = "IMA Chairperson4 December 2017The recent";
        let m = &mentions(text)[0];
        assert_eq!(m.printed(text), "4 December 2017");
        assert_eq!(m.written, "2017-12-04");
    }

    #[test]
    fn a_dateline_is_a_line_that_is_only_a_date() {
        assert_eq!(
            dateline(" 10 December 2015 ").map(|m| m.written),
            Some("2015-12-10".into())
        );
        assert!(dateline("held on November 11-13, 2015 in Quezon City").is_none());
        assert!(dateline("Quezon City, Philippines").is_none());
    }
}
