//! Text analysis shared by tagging and search: tokens and folding.
//!
//! A token is a maximal run of alphanumeric characters (Unicode-aware), so
//! punctuation, quotes and apostrophes separate words: "Migrants’" and
//! "Migrants" are the same token. Folding lower-cases and strips the
//! diacritics of Latin letters, so "Communiqué" and "communique" meet.

/// One word of a text, with its byte range in that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

/// The words of `text` in order.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// Iterator returned by [`tokens`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let rest = self.text.get(self.pos..)?;
        let offset = rest.find(is_word_char)?;
        let start = self.pos + offset;
        let len = self.text[start..]
            .find(|c: char| !is_word_char(c))
            .unwrap_or(self.text.len() - start);
        let end = start + len;
        self.pos = end;
        Some(Token {
            text: &self.text[start..end],
            start,
            end,
        })
    }
}

/// Whether `c` belongs inside a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Lower-cases `word` and removes the diacritics of Latin letters.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        for lower in c.to_lowercase() {
            match fold_char(lower) {
                Folded::One(f) => out.push(f),
                Folded::Two(a, b) => {
                    out.push(a);
                    out.push(b);
                }
            }
        }
    }
    out
}

/// Whether `word` has letters and all of them are capitals ("GCM", "U.S.").
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| c.is_uppercase())
}

enum Folded {
    One(char),
    Two(char, char),
}

/// Base letter of a lower-case Latin letter with a diacritic.
fn fold_char(c: char) -> Folded {
    use Folded::{One, Two};
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => One('a'),
        'æ' => Two('a', 'e'),
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => One('c'),
        'ď' | 'đ' | 'ð' => One('d'),
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => One('e'),
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => One('g'),
        'ĥ' | 'ħ' => One('h'),
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => One('i'),
        'ĵ' => One('j'),
        'ķ' => One('k'),
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => One('l'),
        'ñ' | 'ń' | 'ņ' | 'ň' => One('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => One('o'),
        'œ' => Two('o', 'e'),
        'ŕ' | 'ŗ' | 'ř' => One('r'),
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => One('s'),
        'ß' => Two('s', 's'),
        'ţ' | 'ť' | 'ŧ' | 'ț' => One('t'),
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => One('u'),
        'ŵ' => One('w'),
        'ý' | 'ÿ' | 'ŷ' => One('y'),
        'ź' | 'ż' | 'ž' => One('z'),
        'þ' => Two('t', 'h'),
        other => One(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokens(s).map(|t| t.text).collect()
    }

    #[test]
    fn punctuation_and_apostrophes_separate_words() {
        assert_eq!(
            words("International Migrants’ Alliance (IMA)"),
            ["International", "Migrants", "Alliance", "IMA"]
        );
        assert_eq!(words("U.S.-Mexico, 26th!"), ["U", "S", "Mexico", "26th"]);
        assert_eq!(words(""), Vec::<&str>::new());
        assert_eq!(words(" — “ ” "), Vec::<&str>::new());
    }

    #[test]
    fn token_offsets_point_into_the_text() {
        let text = "Communiqué of the Third";
        for t in tokens(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }

    #[test]
    fn folding_removes_case_and_diacritics() {
        assert_eq!(fold("Communiqué"), "communique");
        assert_eq!(fold("ÉCOLE"), "ecole");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Ñandú"), "nandu");
    }

    #[test]
    fn acronyms_are_all_caps() {
        assert!(is_all_caps("GCM"));
        assert!(is_all_caps("U.S."));
        assert!(!is_all_caps("Lestari"));
        assert!(!is_all_caps("2015"));
    }
}
