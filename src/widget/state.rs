//! What a visitor has asked the widget for — query, filters, sort, the open
//! statement — and its form in the URL hash.
//!
//! The hash form is `#ima:` followed by `key=value` pairs joined by `&`,
//! values percent-encoded (UTF-8), lists joined by `,`:
//!
//! ```text
//! #ima:q=rohingya%20sea&topic=trafficking,rohingya&from=2015&sort=oldest&open=2015-05-justice-for-the-26
//! ```
//!
//! Keys: `q`, `kind`, `topic`, `place`, `organization`, `person`, `year`,
//! `from`, `to`, `sort`, `open`. Decoding never fails: a hash without the
//! prefix is not the widget's and yields `None`; unknown keys, bad escapes and
//! bad values inside an `#ima:` hash are dropped one by one. Whether a value
//! names something in the archive is checked later, by
//! [`crate::widget::options::Checker`].

use crate::vocabulary::Facet;

/// The prefix that marks a hash as the widget's; any other hash belongs to the host page.
pub const HASH_PREFIX: &str = "#ima:";

/// The longest hash the widget reads; anything longer is garbage, not state.
const MAX_HASH: usize = 4096;

pub use crate::request::Sort;
use crate::vocabulary::PerFacet;

/// The visitor's request and place in the widget.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The text typed in the search box.
    pub text: String,
    /// Selected facet values.
    pub selection: PerFacet<Vec<String>>,
    /// Date range start (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub from: Option<String>,
    /// Date range end, inclusive.
    pub to: Option<String>,
    /// Chosen order; `None` means the default for the query.
    pub sort: Option<Sort>,
    /// Id of the statement open in the reading view.
    pub open: Option<String>,
}

impl State {
    /// Whether `value` is selected in `facet`.
    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.selection.get(facet).iter().any(|v| v == value)
    }

    /// Selects `value` in `facet`, or unselects it when it was selected.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let values = self.selection.get_mut(facet);
        match values.iter().position(|v| v == value) {
            Some(i) => {
                values.remove(i);
            }
            None => values.push(value.to_owned()),
        }
    }

    /// Selects `value` in `facet` (a no-op when it already is).
    pub fn select(&mut self, facet: Facet, value: &str) {
        if !self.is_selected(facet, value) {
            self.selection.get_mut(facet).push(value.to_owned());
        }
    }

    /// Whether any facet value or date bound is selected.
    pub fn has_filters(&self) -> bool {
        !self.selection.is_empty() || self.from.is_some() || self.to.is_some()
    }

    /// Removes every filter and the text, keeping the sort.
    pub fn clear(&mut self) {
        let sort = self.sort;
        *self = State {
            sort,
            ..State::default()
        };
    }

    /// The order results are shown in: the chosen one, else relevance with
    /// text and newest without (docs/architecture.md §2).
    pub fn effective_sort(&self) -> Sort {
        match self.sort {
            Some(sort) => sort,
            None if self.text.trim().is_empty() => Sort::Newest,
            None => Sort::Relevance,
        }
    }

    /// The hash that restores this state: `#ima:…`, or an empty string for
    /// the default state (so a visitor who clears everything gets a clean URL).
    pub fn to_hash(&self) -> String {
        let mut hash = String::new();
        if !self.text.is_empty() {
            start_pair(&mut hash, "q");
            encode_into(&mut hash, &self.text);
        }
        for facet in Facet::ALL {
            let values = self.selection.get(facet);
            if !values.is_empty() {
                start_pair(&mut hash, facet.as_str());
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        hash.push(',');
                    }
                    encode_into(&mut hash, v);
                }
            }
        }
        for (key, value) in [
            ("from", self.from.as_deref()),
            ("to", self.to.as_deref()),
            ("sort", self.sort.map(Sort::as_str)),
            ("open", self.open.as_deref()),
        ] {
            if let Some(value) = value {
                start_pair(&mut hash, key);
                encode_into(&mut hash, value);
            }
        }
        hash
    }

    /// The state a hash describes, or `None` when the hash is not the
    /// widget's (empty, the host's own, or too long to be real state).
    pub fn from_hash(hash: &str) -> Option<State> {
        if hash.len() > MAX_HASH {
            return None;
        }
        let body = hash.strip_prefix(HASH_PREFIX)?;
        let mut state = State::default();
        for pair in body.split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            match key {
                "q" => {
                    if let Some(text) = decode(value) {
                        state.text = text;
                    }
                }
                "from" => state.from = decode(value).filter(|v| !v.is_empty()),
                "to" => state.to = decode(value).filter(|v| !v.is_empty()),
                "sort" => state.sort = Sort::from_name(value),
                "open" => state.open = decode(value).filter(|v| !v.is_empty()),
                _ => {
                    if let Some(facet) = Facet::from_name(key) {
                        let values = state.selection.get_mut(facet);
                        for v in value.split(',').filter_map(decode) {
                            if !v.is_empty() && !values.contains(&v) {
                                values.push(v);
                            }
                        }
                    }
                }
            }
        }
        Some(state)
    }
}

/// Starts the pair `key=` of a hash: after `#ima:` for the first, after `&` for the others.
fn start_pair(hash: &mut String, key: &str) {
    hash.push_str(if hash.is_empty() { HASH_PREFIX } else { "&" });
    hash.push_str(key);
    hash.push('=');
}

/// Appends `text` to `out`, percent-encoding everything but ASCII letters,
/// digits and `-._~`.
fn encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// Decodes percent escapes (and `+` as a space, as forms write it); `None`
/// for a broken escape or bytes that are not UTF-8.
pub fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'%' => {
                let hi = hex_value(*bytes.get(i + 1)?)?;
                let lo = hex_value(*bytes.get(i + 2)?)?;
                out.push(hi << 4 | lo);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> State {
        State {
            text: "rohingya \"at sea\" -bali & co".into(),
            selection: PerFacet {
                topic: vec!["trafficking".into(), "rohingya".into()],
                year: vec!["2015".into()],
                ..PerFacet::default()
            },
            from: Some("2015-05".into()),
            to: Some("2016".into()),
            sort: Some(Sort::Oldest),
            open: Some("2015-05-justice-for-the-26".into()),
        }
    }

    #[test]
    fn hash_round_trips() {
        let state = sample();
        let hash = state.to_hash();
        assert!(hash.starts_with("#ima:q=rohingya%20%22at%20sea%22"));
        assert!(hash.contains("&topic=trafficking,rohingya&"));
        assert_eq!(State::from_hash(&hash), Some(state));
    }

    #[test]
    fn unicode_and_separators_survive_the_hash() {
        let state = State {
            text: "Communiqué, a=b&c, 移民 #1".into(),
            selection: PerFacet {
                person: vec!["a,b".into()],
                ..PerFacet::default()
            },
            ..State::default()
        };
        assert_eq!(State::from_hash(&state.to_hash()), Some(state));
    }

    #[test]
    fn default_state_has_an_empty_hash() {
        assert_eq!(State::default().to_hash(), "");
    }

    #[test]
    fn host_hashes_are_not_ours() {
        assert_eq!(State::from_hash(""), None);
        assert_eq!(State::from_hash("#"), None);
        assert_eq!(State::from_hash("#section-2"), None);
        assert_eq!(State::from_hash("#/route?q=x"), None);
        assert_eq!(
            State::from_hash(&("#ima:q=".to_owned() + &"a".repeat(5000))),
            None
        );
    }

    #[test]
    fn garbage_inside_our_hash_is_dropped_piece_by_piece() {
        let state =
            State::from_hash("#ima:q=%ZZ&&=&topic=ok,%E2%28,&sort=sideways&bogus=1&kind&to=2016")
                .expect("an #ima: hash is ours");
        assert_eq!(state.text, "");
        assert_eq!(state.selection.topic, vec!["ok".to_owned()]);
        assert_eq!(state.sort, None);
        assert_eq!(state.selection.kind, Vec::<String>::new());
        assert_eq!(state.to.as_deref(), Some("2016"));
    }

    #[test]
    fn hostile_text_decodes_verbatim() {
        let state = State::from_hash("#ima:q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E").unwrap();
        assert_eq!(state.text, "<img src=x onerror=alert(1)>");
    }

    #[test]
    fn truncated_escapes_do_not_panic() {
        for hash in [
            "#ima:q=%",
            "#ima:q=%4",
            "#ima:q=%%",
            "#ima:open=%C3",
            "#ima:q=é%",
        ] {
            let _ = State::from_hash(hash);
        }
        assert_eq!(decode("%4"), None);
        assert_eq!(decode("a+b%21"), Some("a b!".into()));
    }

    #[test]
    fn toggling_selects_and_unselects() {
        let mut state = State::default();
        state.toggle(Facet::Place, "thailand");
        assert!(state.is_selected(Facet::Place, "thailand"));
        assert!(state.has_filters());
        state.toggle(Facet::Place, "thailand");
        assert!(!state.has_filters());
    }

    #[test]
    fn default_sort_follows_the_text() {
        let mut state = State::default();
        assert_eq!(state.effective_sort(), Sort::Newest);
        state.text = "gcm".into();
        assert_eq!(state.effective_sort(), Sort::Relevance);
        state.sort = Some(Sort::Oldest);
        assert_eq!(state.effective_sort(), Sort::Oldest);
    }

    #[test]
    fn clear_keeps_only_the_sort() {
        let mut state = sample();
        state.clear();
        assert_eq!(
            state,
            State {
                sort: Some(Sort::Oldest),
                ..State::default()
            }
        );
    }
}
