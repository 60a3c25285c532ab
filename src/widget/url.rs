//! The widget's state in the page's URL: one query parameter, `ima`, whose
//! value is the state's pairs encoded once more as a query value:
//!
//! ```text
//! https://partner.example/news?page=2&ima=q%3Drohingya%26topic%3Drohingya#section-2
//! ```
//!
//! Everything else in the URL belongs to the host page and is kept byte for
//! byte: the path, every other parameter (in its place and its own encoding)
//! and the fragment, which the widget never writes, so a hash router or an
//! in-page anchor never sees the widget. `new URLSearchParams(location.search).get("ima")`
//! gives the pairs (`q=rohingya&topic=rohingya`), the same ones the older
//! `#ima:` fragment form carried; a link in that form still opens, and is
//! then rewritten to the query form (its fragment was the widget's, so it
//! goes).
//!
//! These are plain functions of strings, tested natively; `mount::history`
//! reads `location.href` and writes what they return with the History API.

use crate::widget::state::{decode, State, HASH_PREFIX};

/// The query parameter that holds the widget's state.
pub const PARAM: &str = "ima";

/// The longest parameter value the widget reads; anything longer is garbage, not state.
const MAX_VALUE: usize = 8192;

/// A URL cut at its query and fragment: `base?query#fragment`, each part
/// without its leading `?` or `#` (`None` when the URL has none).
struct Parts<'a> {
    base: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn split(href: &str) -> Parts<'_> {
    let (rest, fragment) = match href.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (href, None),
    };
    let (base, query) = match rest.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (rest, None),
    };
    Parts {
        base,
        query,
        fragment,
    }
}

/// Whether the query pair `pair` (`key=value` or `key`) is the widget's.
fn is_ours(pair: &str) -> bool {
    pair.split_once('=').map_or(pair, |(k, _)| k) == PARAM
}

/// Where the widget's state in `href` comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// The `ima` query parameter.
    Query(State),
    /// An older link's `#ima:` fragment: read it, then rewrite the URL.
    Fragment(State),
    /// No state of the widget's in the URL.
    None,
}

impl Found {
    /// The state found, if any.
    pub fn state(self) -> Option<State> {
        match self {
            Found::Query(s) | Found::Fragment(s) => Some(s),
            Found::None => None,
        }
    }
}

/// Reads the widget's state from `href`: the first `ima` parameter, else a
/// fragment in the older `#ima:` form. Bad pieces are dropped one by one, as
/// [`State::from_hash`] does; the values still need checking against the
/// archive.
pub fn read(href: &str) -> Found {
    let parts = split(href);
    let value = parts
        .query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .find(|pair| is_ours(pair))
        .map(|pair| pair.split_once('=').map_or("", |(_, v)| v));
    if let Some(value) = value {
        if value.len() <= MAX_VALUE {
            if let Some(pairs) = decode(value) {
                if let Some(state) = State::from_hash(&(HASH_PREFIX.to_owned() + &pairs)) {
                    return Found::Query(state);
                }
            }
        }
        // A parameter of ours that cannot be read is still ours: no state.
        return Found::Query(State::default());
    }
    match parts.fragment {
        Some(fragment) => {
            State::from_hash(&("#".to_owned() + fragment)).map_or(Found::None, Found::Fragment)
        }
        None => Found::None,
    }
}

/// `href` with the widget's state set to `state`: the `ima` parameter
/// replaced where it stood (or added last, or removed for the default
/// state), every other parameter and the fragment unchanged, except an
/// older `#ima:` fragment, which was the widget's and is dropped.
pub fn write(href: &str, state: &State) -> String {
    let parts = split(href);
    let pairs = state.to_hash();
    let value = pairs.strip_prefix(HASH_PREFIX).unwrap_or_default();
    let ours = encode_value(value);
    let mut query = String::new();
    let mut count = 0;
    let mut had_ours = false;
    let mut add = |pair: &str| {
        if count > 0 {
            query.push('&');
        }
        query.push_str(pair);
        count += 1;
    };
    if let Some(q) = parts.query {
        for pair in q.split('&') {
            if !is_ours(pair) {
                add(pair);
            } else if !had_ours {
                had_ours = true;
                if !value.is_empty() {
                    add(&ours);
                }
            }
        }
    }
    if !had_ours && !value.is_empty() {
        add(&ours);
    }
    let mut out = String::from(parts.base);
    // A URL whose query held only the widget's parameter loses the `?` with
    // it; any other keeps it as it was, even empty.
    if count > 0 || (parts.query.is_some() && !had_ours) {
        out.push('?');
        out.push_str(&query);
    }
    if let Some(fragment) = parts.fragment {
        if !fragment.starts_with(&HASH_PREFIX[1..]) {
            out.push('#');
            out.push_str(fragment);
        }
    }
    out
}

/// `ima=<value>`: the pairs as [`State::to_hash`] writes them (every other
/// character already percent-encoded), with their own `%`, `&` and `=`
/// encoded once more.
fn encode_value(value: &str) -> String {
    let mut query = String::with_capacity(value.len() + 16);
    query.push_str(PARAM);
    query.push('=');
    for c in value.chars() {
        match c {
            '%' => query.push_str("%25"),
            '&' => query.push_str("%26"),
            '=' => query.push_str("%3D"),
            other => query.push(other),
        }
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::PerFacet;

    fn rohingya() -> State {
        State {
            text: "rohingya".into(),
            selection: PerFacet {
                topic: vec!["rohingya".into()],
                ..PerFacet::default()
            },
            ..State::default()
        }
    }

    #[test]
    fn the_state_is_one_query_parameter() {
        assert_eq!(
            write("https://p.example/news", &rohingya()),
            "https://p.example/news?ima=q%3Drohingya%26topic%3Drohingya"
        );
        assert_eq!(
            read("https://p.example/news?ima=q%3Drohingya%26topic%3Drohingya"),
            Found::Query(rohingya())
        );
    }

    #[test]
    fn other_parameters_and_the_fragment_stay_byte_for_byte() {
        let href = "https://p.example/a/b?x=1&y=%C3%A9+z&&flag#/host-route/42?k=v";
        let written = write(href, &rohingya());
        assert_eq!(
            written,
            "https://p.example/a/b?x=1&y=%C3%A9+z&&flag&ima=q%3Drohingya%26topic%3Drohingya#/host-route/42?k=v"
        );
        // The parameter is replaced where it stands, and removed for the default state.
        let moved = write(
            "https://p.example/?a=1&ima=q%3Dold&b=2#section-2",
            &rohingya(),
        );
        assert_eq!(
            moved,
            "https://p.example/?a=1&ima=q%3Drohingya%26topic%3Drohingya&b=2#section-2"
        );
        assert_eq!(
            write(&moved, &State::default()),
            "https://p.example/?a=1&b=2#section-2"
        );
        assert_eq!(
            write("https://p.example/p?ima=q%3Dx", &State::default()),
            "https://p.example/p"
        );
        assert_eq!(
            write("https://p.example/p#top", &State::default()),
            "https://p.example/p#top"
        );
        assert_eq!(
            write("https://p.example/p?", &State::default()),
            "https://p.example/p?"
        );
    }

    #[test]
    fn round_trips_with_text_that_needs_escaping() {
        let state = State {
            text: "Communiqué, a=b&c %20 #1 +".into(),
            open: Some("2015-05-justice-for-the-26".into()),
            ..rohingya()
        };
        let href = write("https://p.example/?z=%26#frag", &state);
        assert!(href.ends_with("#frag"), "{href}");
        assert!(href.starts_with("https://p.example/?z=%26&ima="), "{href}");
        assert_eq!(read(&href), Found::Query(state));
    }

    #[test]
    fn the_older_fragment_form_is_read_and_rewritten() {
        let old = "https://p.example/p?x=1#ima:q=rohingya&topic=rohingya";
        assert_eq!(read(old), Found::Fragment(rohingya()));
        assert_eq!(
            write(old, &rohingya()),
            "https://p.example/p?x=1&ima=q%3Drohingya%26topic%3Drohingya"
        );
        // The query form wins over a fragment.
        let both = "https://p.example/?ima=q%3Dcompact#ima:q=rohingya";
        assert_eq!(read(both).state().map(|s| s.text), Some("compact".into()));
    }

    #[test]
    fn host_urls_hold_no_state() {
        for href in [
            "https://p.example/",
            "https://p.example/?q=rohingya",
            "https://p.example/?imax=q%3Dx&xima=1",
            "https://p.example/#section-2",
            "https://p.example/#/route?ima=q%3Dx",
        ] {
            assert_eq!(read(href), Found::None, "{href}");
            assert_eq!(write(href, &State::default()), href);
        }
    }

    #[test]
    fn garbage_in_the_parameter_is_dropped_not_fatal() {
        for href in [
            "https://p.example/?ima",
            "https://p.example/?ima=",
            "https://p.example/?ima=%",
            "https://p.example/?ima=%E2%28",
            "https://p.example/?ima=q%3D%25ZZ%26%26%3D%26sort%3Dsideways",
        ] {
            assert_eq!(read(href), Found::Query(State::default()), "{href}");
        }
        let long = "https://p.example/?ima=q%3D".to_owned() + &"a".repeat(MAX_VALUE);
        assert_eq!(read(&long), Found::Query(State::default()));
        let state = read("https://p.example/?ima=topic%3Dok%2C%25E2%2528%2C%26to%3D2016")
            .state()
            .expect("ours");
        assert_eq!(state.selection.topic, vec!["ok".to_owned()]);
        assert_eq!(state.to.as_deref(), Some("2016"));
    }

    #[test]
    fn duplicates_of_the_parameter_go() {
        assert_eq!(
            write("https://p.example/?ima=q%3Da&k=1&ima=q%3Db", &rohingya()),
            "https://p.example/?ima=q%3Drohingya%26topic%3Drohingya&k=1"
        );
    }
}
