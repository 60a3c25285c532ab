//! Text analysis shared by tagging and search: tokens, folding, spelling,
//! stemming and stop words.
//!
//! A token is a maximal run of alphanumeric characters (Unicode-aware), so
//! punctuation, quotes and apostrophes separate words: "Migrants’" and
//! "Migrants" are the same token. Folding lower-cases and strips the
//! diacritics of Latin letters, so "Communiqué" and "communique" meet.
//!
//! Search goes one step further with [`term`]: British spellings are written
//! the American way ("labour" → "labor", "organisation" → "organization") and
//! the word is reduced to its Snowball English stem, so "migrants" and
//! "migrant" are one term. Both the index and the query use [`term`], so the
//! rewriting only has to be consistent, not linguistically perfect.

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
    fold_into(word, &mut out);
    out
}

/// [`fold`] into `out`, replacing its contents (saves an allocation per word
/// when indexing).
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        let (first, second) = crate::case::lower(c);
        for lower in std::iter::once(first).chain(second) {
            match fold_char(lower) {
                Folded::One(f) => out.push(f),
                Folded::Two(a, b) => {
                    out.push(a);
                    out.push(b);
                }
            }
        }
    }
}

/// Whether `word` has letters and all of them are capitals ("GCM", "U.S.").
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| c.is_uppercase())
}

/// Words too common to tell statements apart ("the", "of", "and").
///
/// Sorted, for binary search. Kept short: words that carry meaning in this
/// corpus ("us", "all", "against", "no") are not in it.
const STOP_WORDS: [&str; 58] = [
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "did", "do", "does",
    "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it",
    "its", "of", "on", "or", "our", "she", "so", "such", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "to", "was", "we", "were", "what", "when",
    "which", "who", "will", "with", "would",
];

/// Whether a folded word is too common to search for on its own.
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

/// Longest word, in bytes, that is spelling-normalized and stemmed; longer
/// "words" (URLs, noise) are kept as they are, which also bounds the work.
const MAX_STEMMED_LEN: usize = 40;

/// The search term of a folded word: its spelling normalized to American
/// English, then its Snowball English stem. Words with digits or letters
/// outside a–z ("26th", "2015", "الهجرة") are their own term.
pub fn term(folded: &str) -> String {
    if folded.len() > MAX_STEMMED_LEN || !folded.bytes().all(|b| b.is_ascii_lowercase()) {
        return folded.to_owned();
    }
    let spelled = american(folded);
    crate::stem::stem(&spelled)
}

/// British spellings whose every word starting with them is spelled the
/// American way by replacing that start ("labourers" → "laborers").
const BRITISH_STARTS: [(&str, &str); 24] = [
    ("armour", "armor"),
    ("behaviour", "behavior"),
    ("cancell", "cancel"),
    ("centre", "center"),
    ("colour", "color"),
    ("defence", "defense"),
    ("endeavour", "endeavor"),
    ("favour", "favor"),
    ("fibre", "fiber"),
    ("harbour", "harbor"),
    ("honour", "honor"),
    ("humour", "humor"),
    ("judgement", "judgment"),
    ("labour", "labor"),
    ("licence", "license"),
    ("litre", "liter"),
    ("metre", "meter"),
    ("neighbour", "neighbor"),
    ("offence", "offense"),
    ("programme", "program"),
    ("rigour", "rigor"),
    ("rumour", "rumor"),
    ("theatre", "theater"),
    ("travell", "travel"),
];

/// Endings spelled with "s" in British English and "z" in American English.
/// Applied only to words of six letters or more so "rise" and "wise" stay;
/// rewriting a word that has no "z" form ("exercise") is harmless because
/// queries are rewritten the same way.
const BRITISH_ENDINGS: [(&str, &str); 8] = [
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("isers", "izers"),
    ("iser", "izer"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
];

/// `word` (folded, a–z) with British spellings made American.
fn american(word: &str) -> std::borrow::Cow<'_, str> {
    for (british, american) in BRITISH_STARTS {
        if let Some(rest) = word.strip_prefix(british) {
            return [american, rest].concat().into();
        }
    }
    if word.len() >= 6 {
        for (british, american) in BRITISH_ENDINGS {
            if let Some(stem) = word.strip_suffix(british) {
                return [stem, american].concat().into();
            }
        }
    }
    word.into()
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
    fn terms_join_inflections_and_spellings() {
        assert_eq!(term("migrants"), term("migrant"));
        assert_eq!(term("labour"), term("labor"));
        assert_eq!(term("labourers"), term("laborers"));
        assert_eq!(term("organisations"), term("organizations"));
        assert_eq!(term("globalisation"), term("globalization"));
        assert_eq!(term("trafficking"), term("trafficked"));
        assert_ne!(term("rise"), term("rize"));
        assert_eq!(term("26"), "26");
        assert_eq!(term("26th"), "26th");
        assert_eq!(term("الهجرة"), "الهجرة");
    }

    #[test]
    fn stop_words_are_sorted_and_found() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("the"));
        assert!(!is_stop_word("us"));
        assert!(!is_stop_word("migrants"));
    }

    #[test]
    fn acronyms_are_all_caps() {
        assert!(is_all_caps("GCM"));
        assert!(is_all_caps("U.S."));
        assert!(!is_all_caps("Lestari"));
        assert!(!is_all_caps("2015"));
    }
}
