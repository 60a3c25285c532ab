//! The Snowball English ("Porter2") stemmer, on lower-case ASCII words.
//!
//! It follows the algorithm's Snowball source (`english.sbl`, with the
//! `gener`/`commun`/`arsen` regions and both exception lists) step by step;
//! the tests hold it to the `rust-stemmers` crate's implementation of the
//! same source. Search only stems words of `a`–`z` ([`crate::text::term`]),
//! so this works on bytes: the crate's general Snowball machinery
//! (UTF-8 cursors, generic suffix tables) cost the shipped module 3.5 KB
//! gzipped, this about half of that.
//!
//! Positions below are byte offsets into the word being stemmed. A step
//! that finds a suffix checks its conditions on that suffix only: as in
//! Snowball, the longest suffix of a step's list is the one that counts.

/// The stem of `word`. Words with anything but `a`–`z` are returned as they are.
pub fn stem(word: &str) -> String {
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_owned();
    }
    if let Some(special) = exception1(word) {
        return special.to_owned();
    }
    if word.len() < 3 {
        return word.to_owned();
    }
    let mut w = Word::new(word.as_bytes());
    w.step_1a();
    if !w.is_exception2() {
        w.step_1b();
        w.step_1c();
        w.step_2();
        w.step_3();
        w.step_4();
        w.step_5();
    }
    // Postlude: a consonant `y` marked `Y` is a `y` again.
    w.b.iter()
        .map(|&b| if b == b'Y' { 'y' } else { char::from(b) })
        .collect()
}

/// Words with a stem of their own, or none.
fn exception1(word: &str) -> Option<&str> {
    Some(match word {
        "skis" => "ski",
        "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "idly" => "idl",
        "gently" => "gentl",
        "ugly" => "ugli",
        "early" => "earli",
        "only" => "onli",
        "singly" => "singl",
        "sky" | "news" | "howe" | "atlas" | "cosmos" | "bias" | "andes" => word,
        _ => return None,
    })
}

/// `aeiouy`: a vowel (a `y` marked `Y` as a consonant is not one).
fn vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// A suffix and what replaces it.
#[derive(Clone, Copy)]
struct Rule {
    suffix: &'static str,
    with: &'static str,
}

/// The rules of a step: `"sses>ss"` replaces `sses` with `ss`, a bare
/// `"us"` names a suffix the step treats apart (or leaves as it is).
macro_rules! rules {
    ($($suffix:literal $(> $with:literal)?),* $(,)?) => {
        [$(Rule { suffix: $suffix, with: rules!(@with $($with)?) }),*]
    };
    (@with $with:literal) => { $with };
    (@with) => { "" };
}

/// A word being stemmed, with its regions R1 and R2.
struct Word {
    b: Vec<u8>,
    p1: usize,
    p2: usize,
}

impl Word {
    fn new(word: &[u8]) -> Word {
        let mut b = word.to_vec();
        // Prelude: a `y` at the start or after a vowel is a consonant, `Y`.
        let mut consonant_y = true;
        for c in &mut b {
            if *c == b'y' && consonant_y {
                *c = b'Y';
            }
            consonant_y = vowel(*c);
        }
        let p1 = ["gener", "commun", "arsen"]
            .iter()
            .find(|p| b.starts_with(p.as_bytes()))
            .map_or_else(|| region(&b, 0), |p| p.len());
        let p2 = region(&b, p1);
        Word { b, p1, p2 }
    }

    fn len(&self) -> usize {
        self.b.len()
    }

    /// The longest suffix of `rules` the word ends with, as its rule and
    /// the position where it starts.
    fn suffix(&self, rules: &[Rule]) -> Option<(Rule, usize)> {
        rules
            .iter()
            .filter(|r| self.b.ends_with(r.suffix.as_bytes()))
            .max_by_key(|r| r.suffix.len())
            .map(|&r| (r, self.len() - r.suffix.len()))
    }

    /// Replaces everything from `at` with `with`.
    fn replace(&mut self, at: usize, with: &str) {
        self.b.truncate(at);
        self.b.extend_from_slice(with.as_bytes());
    }

    /// The byte before position `at`.
    fn before(&self, at: usize) -> Option<u8> {
        at.checked_sub(1).and_then(|i| self.b.get(i)).copied()
    }

    /// Whether a vowel comes before position `at`.
    fn vowel_before(&self, at: usize) -> bool {
        self.b
            .get(..at)
            .is_some_and(|head| head.iter().any(|&b| vowel(b)))
    }

    /// Whether the part before `at` ends in a short syllable: a consonant,
    /// a vowel and a consonant other than `w`, `x` or `Y`; or a vowel and a
    /// consonant that are the whole part.
    fn short_before(&self, at: usize) -> bool {
        match self.b.get(..at) {
            Some(&[v, c]) => vowel(v) && !vowel(c),
            Some(&[.., p, v, c]) => {
                !vowel(p) && vowel(v) && !vowel(c) && !matches!(c, b'w' | b'x' | b'Y')
            }
            _ => false,
        }
    }

    fn step_1a(&mut self) {
        let Some((rule, at)) = self.suffix(&rules!["sses" > "ss", "ied", "ies", "s", "us", "ss"])
        else {
            return;
        };
        match rule.suffix {
            "sses" => self.replace(at, rule.with),
            "ied" | "ies" => self.replace(at, if at >= 2 { "i" } else { "ie" }),
            // `s` after a part with a vowel before its last letter.
            "s" if self.vowel_before(at.saturating_sub(1)) => self.b.truncate(at),
            _ => {}
        }
    }

    /// Words left as they are after step 1a.
    fn is_exception2(&self) -> bool {
        const WORDS: [&[u8]; 8] = [
            b"inning", b"outing", b"canning", b"herring", b"earring", b"proceed", b"exceed",
            b"succeed",
        ];
        WORDS.contains(&self.b.as_slice())
    }

    fn step_1b(&mut self) {
        let Some((rule, at)) = self.suffix(&rules![
            "eed" > "ee",
            "eedly" > "ee",
            "ed",
            "edly",
            "ing",
            "ingly"
        ]) else {
            return;
        };
        if !rule.with.is_empty() {
            if at >= self.p1 {
                self.replace(at, rule.with);
            }
            return;
        }
        if !self.vowel_before(at) {
            return;
        }
        self.b.truncate(at);
        match self.b[..] {
            [.., b'a', b't'] | [.., b'b', b'l'] | [.., b'i', b'z'] => self.b.push(b'e'),
            // A double bb, dd, ff, gg, mm, nn, pp, rr or tt loses a letter.
            [.., a, b] if a == b && b"bdfgmnprt".contains(&b) => {
                self.b.pop();
            }
            _ if self.len() == self.p1 && self.short_before(self.len()) => self.b.push(b'e'),
            _ => {}
        }
    }

    fn step_1c(&mut self) {
        // A final `y` after a consonant that is not the word's first letter.
        if let [_, .., c, b'y' | b'Y'] = self.b[..] {
            if !vowel(c) {
                self.b.pop();
                self.b.push(b'i');
            }
        }
    }

    fn step_2(&mut self) {
        const RULES: [Rule; 24] = rules![
            "tional" > "tion",
            "enci" > "ence",
            "anci" > "ance",
            "abli" > "able",
            "entli" > "ent",
            "izer" > "ize",
            "ization" > "ize",
            "ational" > "ate",
            "ation" > "ate",
            "ator" > "ate",
            "alism" > "al",
            "aliti" > "al",
            "alli" > "al",
            "fulness" > "ful",
            "ousli" > "ous",
            "ousness" > "ous",
            "iveness" > "ive",
            "iviti" > "ive",
            "biliti" > "ble",
            "bli" > "ble",
            "ogi" > "og",
            "fulli" > "ful",
            "lessli" > "less",
            "li",
        ];
        let Some((rule, at)) = self.suffix(&RULES) else {
            return;
        };
        let ok = at >= self.p1
            && match rule.suffix {
                "ogi" => self.before(at) == Some(b'l'),
                "li" => self.before(at).is_some_and(|c| b"cdeghkmnrt".contains(&c)),
                _ => true,
            };
        if ok {
            self.replace(at, rule.with);
        }
    }

    fn step_3(&mut self) {
        const RULES: [Rule; 9] = rules![
            "tional" > "tion",
            "ational" > "ate",
            "alize" > "al",
            "icate" > "ic",
            "iciti" > "ic",
            "ical" > "ic",
            "ful",
            "ness",
            "ative",
        ];
        let Some((rule, at)) = self.suffix(&RULES) else {
            return;
        };
        if at >= self.p1 && (rule.suffix != "ative" || at >= self.p2) {
            self.replace(at, rule.with);
        }
    }

    fn step_4(&mut self) {
        const RULES: [Rule; 18] = rules![
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
            "ate", "iti", "ous", "ive", "ize", "ion",
        ];
        let Some((rule, at)) = self.suffix(&RULES) else {
            return;
        };
        if at >= self.p2 && (rule.suffix != "ion" || matches!(self.before(at), Some(b's' | b't'))) {
            self.b.truncate(at);
        }
    }

    fn step_5(&mut self) {
        let n = self.len();
        let Some(at) = n.checked_sub(1) else { return };
        match self.b.get(at) {
            Some(b'e') if at >= self.p2 || (at >= self.p1 && !self.short_before(at)) => {
                self.b.truncate(at);
            }
            Some(b'l') if at >= self.p2 && self.before(at) == Some(b'l') => {
                self.b.truncate(at);
            }
            _ => {}
        }
    }
}

/// Where a region starting at `from` begins: after the first consonant
/// that follows a vowel, or the end of the word.
fn region(b: &[u8], from: usize) -> usize {
    let tail = b.get(from..).unwrap_or_default();
    tail.windows(2)
        .position(|p| vowel(p[0]) && !vowel(p[1]))
        .map_or(b.len(), |i| from + i + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_as_the_snowball_examples_do() {
        for (word, want) in [
            ("migrants", "migrant"),
            ("migration", "migrat"),
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("cries", "cri"),
            ("gas", "gas"),
            ("gaps", "gap"),
            ("kiwis", "kiwi"),
            ("agreed", "agre"),
            ("feed", "feed"),
            ("hopping", "hop"),
            ("hoping", "hope"),
            ("luxuriating", "luxuri"),
            ("cry", "cri"),
            ("by", "by"),
            ("say", "say"),
            ("generously", "generous"),
            ("communism", "communism"),
            ("arsenal", "arsenal"),
            ("skies", "sky"),
            ("news", "news"),
            ("succeeding", "succeed"),
            ("proceed", "proceed"),
            ("rohingya", "rohingya"),
            ("trafficking", "traffick"),
            ("communique", "communiqu"),
            ("workers", "worker"),
            ("rights", "right"),
        ] {
            assert_eq!(stem(word), want, "{word}");
        }
    }

    #[test]
    fn other_words_pass_through() {
        for word in ["", "a", "2015", "café", "hong-kong", "HELLO"] {
            assert_eq!(stem(word), word);
        }
    }
}
