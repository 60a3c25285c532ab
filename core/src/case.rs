//! Lower-casing of single characters, as [`char::to_lowercase`] does it,
//! from a table of runs instead of the standard library's table of pairs.
//!
//! The standard table lists every upper-case character with its lower case
//! (about 1,400 pairs, 11 KB in the module); most of them come in runs that
//! share one offset ("A"–"Z" all add 32, "Ā", "Ă", "Ą"… each add 1 to every
//! second code point), so the same mapping fits in 185 runs. A test checks
//! every Unicode scalar value against the standard library, so a Rust
//! release with newer Unicode data shows up as a failing test, not as a
//! silent difference between the index and the query.

/// The lower case of `c`: one character, or two for "İ" ("i" and a
/// combining dot above); characters without a lower case are themselves.
pub fn lower(c: char) -> (char, Option<char>) {
    if c == '\u{130}' {
        return ('i', Some('\u{307}'));
    }
    (lower_one(c), None)
}

/// [`lower`] of every character but "İ".
#[inline(never)]
fn lower_one(c: char) -> char {
    let cp = c as u32;
    let run = LOWER.partition_point(|&(key, _)| key >> 8 <= cp);
    let Some(&(key, delta)) = run.checked_sub(1).and_then(|i| LOWER.get(i)) else {
        return c;
    };
    let start = key >> 8;
    let count = (key >> 1) & 0x7f;
    let step = (key & 1) + 1;
    let offset = cp - start;
    if offset >= count * step || offset % step != 0 {
        return c;
    }
    cp.checked_add_signed(delta)
        .and_then(char::from_u32)
        .unwrap_or(c)
}

/// The runs of upper-case characters, by first code point: `start << 8 |
/// count << 1 | (step == 2)` and the offset to the lower case. A run covers
/// `count` characters from `start`, every one (step 1) or every second
/// (step 2), each lowered by adding the offset.
// Every row spells out its step bit, `| 0` included, so the rows read alike.
#[allow(clippy::identity_op)]
const LOWER: [(u32, i32); 185] = [
    (0x00041 << 8 | 26 << 1 | 0, 32),
    (0x000C0 << 8 | 23 << 1 | 0, 32),
    (0x000D8 << 8 | 7 << 1 | 0, 32),
    (0x00100 << 8 | 24 << 1 | 1, 1),
    (0x00132 << 8 | 3 << 1 | 1, 1),
    (0x00139 << 8 | 8 << 1 | 1, 1),
    (0x0014A << 8 | 23 << 1 | 1, 1),
    (0x00178 << 8 | 1 << 1 | 0, -121),
    (0x00179 << 8 | 3 << 1 | 1, 1),
    (0x00181 << 8 | 1 << 1 | 0, 210),
    (0x00182 << 8 | 2 << 1 | 1, 1),
    (0x00186 << 8 | 1 << 1 | 0, 206),
    (0x00187 << 8 | 1 << 1 | 0, 1),
    (0x00189 << 8 | 2 << 1 | 0, 205),
    (0x0018B << 8 | 1 << 1 | 0, 1),
    (0x0018E << 8 | 1 << 1 | 0, 79),
    (0x0018F << 8 | 1 << 1 | 0, 202),
    (0x00190 << 8 | 1 << 1 | 0, 203),
    (0x00191 << 8 | 1 << 1 | 0, 1),
    (0x00193 << 8 | 1 << 1 | 0, 205),
    (0x00194 << 8 | 1 << 1 | 0, 207),
    (0x00196 << 8 | 1 << 1 | 0, 211),
    (0x00197 << 8 | 1 << 1 | 0, 209),
    (0x00198 << 8 | 1 << 1 | 0, 1),
    (0x0019C << 8 | 1 << 1 | 0, 211),
    (0x0019D << 8 | 1 << 1 | 0, 213),
    (0x0019F << 8 | 1 << 1 | 0, 214),
    (0x001A0 << 8 | 3 << 1 | 1, 1),
    (0x001A6 << 8 | 1 << 1 | 0, 218),
    (0x001A7 << 8 | 1 << 1 | 0, 1),
    (0x001A9 << 8 | 1 << 1 | 0, 218),
    (0x001AC << 8 | 1 << 1 | 0, 1),
    (0x001AE << 8 | 1 << 1 | 0, 218),
    (0x001AF << 8 | 1 << 1 | 0, 1),
    (0x001B1 << 8 | 2 << 1 | 0, 217),
    (0x001B3 << 8 | 2 << 1 | 1, 1),
    (0x001B7 << 8 | 1 << 1 | 0, 219),
    (0x001B8 << 8 | 1 << 1 | 0, 1),
    (0x001BC << 8 | 1 << 1 | 0, 1),
    (0x001C4 << 8 | 1 << 1 | 0, 2),
    (0x001C5 << 8 | 1 << 1 | 0, 1),
    (0x001C7 << 8 | 1 << 1 | 0, 2),
    (0x001C8 << 8 | 1 << 1 | 0, 1),
    (0x001CA << 8 | 1 << 1 | 0, 2),
    (0x001CB << 8 | 9 << 1 | 1, 1),
    (0x001DE << 8 | 9 << 1 | 1, 1),
    (0x001F1 << 8 | 1 << 1 | 0, 2),
    (0x001F2 << 8 | 2 << 1 | 1, 1),
    (0x001F6 << 8 | 1 << 1 | 0, -97),
    (0x001F7 << 8 | 1 << 1 | 0, -56),
    (0x001F8 << 8 | 20 << 1 | 1, 1),
    (0x00220 << 8 | 1 << 1 | 0, -130),
    (0x00222 << 8 | 9 << 1 | 1, 1),
    (0x0023A << 8 | 1 << 1 | 0, 10795),
    (0x0023B << 8 | 1 << 1 | 0, 1),
    (0x0023D << 8 | 1 << 1 | 0, -163),
    (0x0023E << 8 | 1 << 1 | 0, 10792),
    (0x00241 << 8 | 1 << 1 | 0, 1),
    (0x00243 << 8 | 1 << 1 | 0, -195),
    (0x00244 << 8 | 1 << 1 | 0, 69),
    (0x00245 << 8 | 1 << 1 | 0, 71),
    (0x00246 << 8 | 5 << 1 | 1, 1),
    (0x00370 << 8 | 2 << 1 | 1, 1),
    (0x00376 << 8 | 1 << 1 | 0, 1),
    (0x0037F << 8 | 1 << 1 | 0, 116),
    (0x00386 << 8 | 1 << 1 | 0, 38),
    (0x00388 << 8 | 3 << 1 | 0, 37),
    (0x0038C << 8 | 1 << 1 | 0, 64),
    (0x0038E << 8 | 2 << 1 | 0, 63),
    (0x00391 << 8 | 17 << 1 | 0, 32),
    (0x003A3 << 8 | 9 << 1 | 0, 32),
    (0x003CF << 8 | 1 << 1 | 0, 8),
    (0x003D8 << 8 | 12 << 1 | 1, 1),
    (0x003F4 << 8 | 1 << 1 | 0, -60),
    (0x003F7 << 8 | 1 << 1 | 0, 1),
    (0x003F9 << 8 | 1 << 1 | 0, -7),
    (0x003FA << 8 | 1 << 1 | 0, 1),
    (0x003FD << 8 | 3 << 1 | 0, -130),
    (0x00400 << 8 | 16 << 1 | 0, 80),
    (0x00410 << 8 | 32 << 1 | 0, 32),
    (0x00460 << 8 | 17 << 1 | 1, 1),
    (0x0048A << 8 | 27 << 1 | 1, 1),
    (0x004C0 << 8 | 1 << 1 | 0, 15),
    (0x004C1 << 8 | 7 << 1 | 1, 1),
    (0x004D0 << 8 | 48 << 1 | 1, 1),
    (0x00531 << 8 | 38 << 1 | 0, 48),
    (0x010A0 << 8 | 38 << 1 | 0, 7264),
    (0x010C7 << 8 | 1 << 1 | 0, 7264),
    (0x010CD << 8 | 1 << 1 | 0, 7264),
    (0x013A0 << 8 | 80 << 1 | 0, 38864),
    (0x013F0 << 8 | 6 << 1 | 0, 8),
    (0x01C89 << 8 | 1 << 1 | 0, 1),
    (0x01C90 << 8 | 43 << 1 | 0, -3008),
    (0x01CBD << 8 | 3 << 1 | 0, -3008),
    (0x01E00 << 8 | 75 << 1 | 1, 1),
    (0x01E9E << 8 | 1 << 1 | 0, -7615),
    (0x01EA0 << 8 | 48 << 1 | 1, 1),
    (0x01F08 << 8 | 8 << 1 | 0, -8),
    (0x01F18 << 8 | 6 << 1 | 0, -8),
    (0x01F28 << 8 | 8 << 1 | 0, -8),
    (0x01F38 << 8 | 8 << 1 | 0, -8),
    (0x01F48 << 8 | 6 << 1 | 0, -8),
    (0x01F59 << 8 | 4 << 1 | 1, -8),
    (0x01F68 << 8 | 8 << 1 | 0, -8),
    (0x01F88 << 8 | 8 << 1 | 0, -8),
    (0x01F98 << 8 | 8 << 1 | 0, -8),
    (0x01FA8 << 8 | 8 << 1 | 0, -8),
    (0x01FB8 << 8 | 2 << 1 | 0, -8),
    (0x01FBA << 8 | 2 << 1 | 0, -74),
    (0x01FBC << 8 | 1 << 1 | 0, -9),
    (0x01FC8 << 8 | 4 << 1 | 0, -86),
    (0x01FCC << 8 | 1 << 1 | 0, -9),
    (0x01FD8 << 8 | 2 << 1 | 0, -8),
    (0x01FDA << 8 | 2 << 1 | 0, -100),
    (0x01FE8 << 8 | 2 << 1 | 0, -8),
    (0x01FEA << 8 | 2 << 1 | 0, -112),
    (0x01FEC << 8 | 1 << 1 | 0, -7),
    (0x01FF8 << 8 | 2 << 1 | 0, -128),
    (0x01FFA << 8 | 2 << 1 | 0, -126),
    (0x01FFC << 8 | 1 << 1 | 0, -9),
    (0x02126 << 8 | 1 << 1 | 0, -7517),
    (0x0212A << 8 | 1 << 1 | 0, -8383),
    (0x0212B << 8 | 1 << 1 | 0, -8262),
    (0x02132 << 8 | 1 << 1 | 0, 28),
    (0x02160 << 8 | 16 << 1 | 0, 16),
    (0x02183 << 8 | 1 << 1 | 0, 1),
    (0x024B6 << 8 | 26 << 1 | 0, 26),
    (0x02C00 << 8 | 48 << 1 | 0, 48),
    (0x02C60 << 8 | 1 << 1 | 0, 1),
    (0x02C62 << 8 | 1 << 1 | 0, -10743),
    (0x02C63 << 8 | 1 << 1 | 0, -3814),
    (0x02C64 << 8 | 1 << 1 | 0, -10727),
    (0x02C67 << 8 | 3 << 1 | 1, 1),
    (0x02C6D << 8 | 1 << 1 | 0, -10780),
    (0x02C6E << 8 | 1 << 1 | 0, -10749),
    (0x02C6F << 8 | 1 << 1 | 0, -10783),
    (0x02C70 << 8 | 1 << 1 | 0, -10782),
    (0x02C72 << 8 | 1 << 1 | 0, 1),
    (0x02C75 << 8 | 1 << 1 | 0, 1),
    (0x02C7E << 8 | 2 << 1 | 0, -10815),
    (0x02C80 << 8 | 50 << 1 | 1, 1),
    (0x02CEB << 8 | 2 << 1 | 1, 1),
    (0x02CF2 << 8 | 1 << 1 | 0, 1),
    (0x0A640 << 8 | 23 << 1 | 1, 1),
    (0x0A680 << 8 | 14 << 1 | 1, 1),
    (0x0A722 << 8 | 7 << 1 | 1, 1),
    (0x0A732 << 8 | 31 << 1 | 1, 1),
    (0x0A779 << 8 | 2 << 1 | 1, 1),
    (0x0A77D << 8 | 1 << 1 | 0, -35332),
    (0x0A77E << 8 | 5 << 1 | 1, 1),
    (0x0A78B << 8 | 1 << 1 | 0, 1),
    (0x0A78D << 8 | 1 << 1 | 0, -42280),
    (0x0A790 << 8 | 2 << 1 | 1, 1),
    (0x0A796 << 8 | 10 << 1 | 1, 1),
    (0x0A7AA << 8 | 1 << 1 | 0, -42308),
    (0x0A7AB << 8 | 1 << 1 | 0, -42319),
    (0x0A7AC << 8 | 1 << 1 | 0, -42315),
    (0x0A7AD << 8 | 1 << 1 | 0, -42305),
    (0x0A7AE << 8 | 1 << 1 | 0, -42308),
    (0x0A7B0 << 8 | 1 << 1 | 0, -42258),
    (0x0A7B1 << 8 | 1 << 1 | 0, -42282),
    (0x0A7B2 << 8 | 1 << 1 | 0, -42261),
    (0x0A7B3 << 8 | 1 << 1 | 0, 928),
    (0x0A7B4 << 8 | 8 << 1 | 1, 1),
    (0x0A7C4 << 8 | 1 << 1 | 0, -48),
    (0x0A7C5 << 8 | 1 << 1 | 0, -42307),
    (0x0A7C6 << 8 | 1 << 1 | 0, -35384),
    (0x0A7C7 << 8 | 2 << 1 | 1, 1),
    (0x0A7CB << 8 | 1 << 1 | 0, -42343),
    (0x0A7CC << 8 | 8 << 1 | 1, 1),
    (0x0A7DC << 8 | 1 << 1 | 0, -42561),
    (0x0A7F5 << 8 | 1 << 1 | 0, 1),
    (0x0FF21 << 8 | 26 << 1 | 0, 32),
    (0x10400 << 8 | 40 << 1 | 0, 40),
    (0x104B0 << 8 | 36 << 1 | 0, 40),
    (0x10570 << 8 | 11 << 1 | 0, 39),
    (0x1057C << 8 | 15 << 1 | 0, 39),
    (0x1058C << 8 | 7 << 1 | 0, 39),
    (0x10594 << 8 | 2 << 1 | 0, 39),
    (0x10C80 << 8 | 51 << 1 | 0, 64),
    (0x10D50 << 8 | 22 << 1 | 0, 32),
    (0x118A0 << 8 | 32 << 1 | 0, 32),
    (0x16E40 << 8 | 32 << 1 | 0, 32),
    (0x16EA0 << 8 | 25 << 1 | 0, 27),
    (0x1E900 << 8 | 34 << 1 | 0, 34),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_lowers_as_the_standard_library_does() {
        let mut differ = Vec::new();
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let (first, second) = lower(c);
            let ours: Vec<char> = std::iter::once(first).chain(second).collect();
            let theirs: Vec<char> = c.to_lowercase().collect();
            if ours != theirs {
                differ.push(c);
            }
        }
        assert!(differ.is_empty(), "lowered differently: {differ:?}");
    }

    #[test]
    fn runs_are_sorted_and_apart() {
        for pair in LOWER.windows(2) {
            let (a, b) = (pair[0].0, pair[1].0);
            let end = (a >> 8) + ((a >> 1) & 0x7f) * ((a & 1) + 1);
            assert!(end <= b >> 8, "run at {:X} overlaps the next", a >> 8);
        }
    }

    #[test]
    fn examples() {
        assert_eq!(lower('A'), ('a', None));
        assert_eq!(lower('É'), ('é', None));
        assert_eq!(lower('Ā'), ('ā', None));
        assert_eq!(lower('ā'), ('ā', None));
        assert_eq!(lower('Σ'), ('σ', None));
        assert_eq!(lower('Ж'), ('ж', None));
        assert_eq!(lower('ا'), ('ا', None));
        assert_eq!(lower('7'), ('7', None));
        assert_eq!(lower('İ'), ('i', Some('\u{307}')));
    }
}
