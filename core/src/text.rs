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

/// Whether `c` belongs inside a word: a letter or a digit.
///
/// Decided by code point ranges instead of the Unicode tables behind
/// [`char::is_alphanumeric`], which cost the module 2.6 KB gzipped: ASCII
/// letters and digits, and every character from U+00C0 on except the
/// blocks of spaces, punctuation, symbols and combining marks that come
/// between words. It agrees with `is_alphanumeric` on every character of
/// the archive and of the Latin, Greek, Cyrillic, Arabic, Devanagari, kana,
/// CJK and Hangul letters (tests below). Where it differs, it is on
/// characters no statement holds: letter-like symbols (ℂ), Roman numerals
/// (Ⅻ), circled and superscript digits (①, ²) and enclosed letters separate
/// words here, and the vowel signs of Indic scripts, some not alphabetic in
/// Unicode, stay inside them.
pub fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // ª ² ³ µ ¹ º ¼ ½ ¾, among Latin-1's punctuation and symbols.
        0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE => true,
        0x80..=0xBF | 0xD7 | 0xF7 => false,
        // Combining diacritical marks, as in a decomposed "é" (but for the
        // combining letters, which are alphabetic).
        0x300..=0x344 | 0x346..=0x362 => false,
        // Greek question mark and ano teleia; Hebrew maqaf, sof pasuq,
        // geresh and gershayim; Arabic comma, semicolon, question mark and
        // full stop; Devanagari danda.
        0x37E | 0x387 | 0x5BE | 0x5C3 | 0x5F3 | 0x5F4 | 0x60C | 0x61B | 0x61F | 0x6D4 => false,
        0x964 | 0x965 => false,
        // General punctuation through miscellaneous symbols and arrows;
        // supplemental punctuation.
        0x2000..=0x2BFF | 0x2E00..=0x2E7F => false,
        // CJK symbols and punctuation, but for the iteration marks and
        // numerals that are letters (々 〆 〇, 〡–〩, 〱–〵, 〸–〼).
        0x3000..=0x3004 | 0x3008..=0x3020 | 0x302A..=0x3030 | 0x3036 | 0x3037 | 0x303D..=0x303F => {
            false
        }
        // Katakana double hyphen and middle dot.
        0x30A0 | 0x30FB => false,
        // Private use; vertical, compatibility and small forms; fullwidth punctuation.
        0xE000..=0xF8FF | 0xFE10..=0xFE1F | 0xFE30..=0xFE6F => false,
        0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 => false,
        // Emoji and other pictographs, enclosed alphanumerics, playing cards.
        0x1F000..=0x1FAFF => false,
        _ => true,
    }
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
    // Letters are word characters other than ASCII digits; capitals are the
    // letters that lower-casing changes (`crate::case`, not the Unicode
    // tables behind `char::is_uppercase`).
    let mut letters = word
        .chars()
        .filter(|&c| is_word_char(c) && !c.is_ascii_digit())
        .peekable();
    letters.peek().is_some() && letters.all(|c| crate::case::lower(c).0 != c)
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
        assert!(is_all_caps("G77"));
        assert!(is_all_caps("ÉTAT"));
        assert!(!is_all_caps("État"));
        assert!(!is_all_caps("移民"));
    }

    /// The characters where `is_word_char` and `char::is_alphanumeric` disagree, in `range`.
    fn disagreements(range: std::ops::RangeInclusive<u32>) -> Vec<char> {
        range
            .filter_map(char::from_u32)
            .filter(|&c| is_word_char(c) != c.is_alphanumeric())
            .collect()
    }

    #[test]
    fn word_characters_are_the_letters_and_digits_of_common_scripts() {
        for (script, range) in [
            ("Basic Latin and Latin-1", 0x0..=0xFF),
            ("Latin Extended A and B, IPA", 0x100..=0x2AF),
            ("combining marks", 0x300..=0x36F),
            ("Greek capitals", 0x391..=0x3A1),
            ("Greek", 0x3A3..=0x3CE),
            ("Cyrillic", 0x400..=0x481),
            ("Cyrillic", 0x48A..=0x52F),
            ("Hebrew", 0x5D0..=0x5EA),
            ("Arabic letters", 0x620..=0x64A),
            ("Arabic digits", 0x660..=0x669),
            ("Devanagari letters", 0x904..=0x939),
            ("Latin Extended Additional", 0x1E00..=0x1EFF),
            ("General Punctuation", 0x2000..=0x206F),
            ("currency", 0x20A0..=0x20CF),
            ("arrows, mathematical operators", 0x2190..=0x22FF),
            ("CJK punctuation", 0x3000..=0x303F),
            ("hiragana", 0x3041..=0x3096),
            ("katakana", 0x30A0..=0x30FF),
            ("CJK ideographs", 0x4E00..=0x9FFF),
            ("Hangul", 0xAC00..=0xD7A3),
            ("fullwidth forms", 0xFF01..=0xFF65),
        ] {
            assert_eq!(disagreements(range), Vec::<char>::new(), "{script}");
        }
        let script_punctuation = [
            '\u{37E}', '\u{387}', '\u{5BE}', '\u{5C3}', '\u{5F3}', '\u{5F4}', '\u{60C}', '\u{61B}',
            '\u{61F}', '\u{6D4}', '\u{964}', '\u{965}', '\u{30FB}',
        ];
        for c in script_punctuation {
            assert!(!is_word_char(c), "{c}");
        }
        // Where they differ, by design (see `is_word_char`).
        assert!(!is_word_char('ℂ') && !is_word_char('Ⅻ') && !is_word_char('①'));
        assert!(!is_word_char('😀'));
    }

    #[test]
    fn every_character_of_the_archive_is_classed_as_unicode_does() {
        let archive = crate::testing::archive().expect("the embedded corpus loads");
        let mut seen = std::collections::BTreeSet::new();
        for s in archive.statements() {
            let fields = [&s.id, &s.title, &s.kind, &s.source];
            let body = s.body.paragraphs();
            let texts = fields.into_iter().chain(body.iter()).chain(&s.subtitle);
            let texts = texts.chain(s.approximate.iter()).chain(&s.related);
            let names = s
                .signatories
                .iter()
                .flat_map(|p| std::iter::once(&p.name).chain(&p.role));
            for text in texts.chain(names) {
                seen.extend(text.chars());
            }
        }
        for e in &archive.vocabulary().entities {
            seen.extend(
                e.label
                    .chars()
                    .chain(e.aliases.iter().flat_map(|a| a.chars())),
            );
        }
        assert!(seen.len() > 60, "{} characters", seen.len());
        let differ: Vec<char> = seen
            .into_iter()
            .filter(|&c| is_word_char(c) != c.is_alphanumeric())
            .collect();
        assert_eq!(differ, Vec::<char>::new());
    }
}
