//! Shrinks the widget's stylesheets for embedding (run by `build.rs`; the
//! readable sources stay in `www/`).
//!
//! Only what cannot change a rule's meaning goes: comments, runs of
//! whitespace (to one space), whitespace next to `{`, `}`, `;`, `,` and `>`
//! and after `:`, and the last `;` of a block. Quoted strings are kept as
//! written. A space before `:` stays, since `a :hover` and `a:hover` differ.

/// The stylesheet `css` without what a browser ignores.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    // Whitespace seen since the last character written.
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '"' | '\'' => {
                flush_space(&mut out, &mut space, c);
                out.push(c);
                let mut escaped = false;
                for s in chars.by_ref() {
                    out.push(s);
                    if escaped {
                        escaped = false;
                    } else if s == '\\' {
                        escaped = true;
                    } else if s == c {
                        break;
                    }
                }
            }
            _ => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                flush_space(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the pending space before `next` unless either side makes it
/// meaningless.
fn flush_space(out: &mut String, space: &mut bool, next: char) {
    const TIGHT: &[char] = &['{', '}', ';', ',', '>'];
    if std::mem::take(space)
        && !out.is_empty()
        && !TIGHT.contains(&next)
        && !out.ends_with(TIGHT)
        && !out.ends_with(':')
    {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn drops_comments_whitespace_and_last_semicolons() {
        let css = "/* theme */\n.a  >  .b,\n.c {\n  color: red;\n  margin: 0 auto;\n}\n";
        assert_eq!(minify(css), ".a>.b,.c{color:red;margin:0 auto}");
    }

    #[test]
    fn keeps_strings_descendant_pseudo_classes_and_queries() {
        let css = r#".x::before { content: "a  /* b */ ;}"; }
.list :focus-visible { outline: 2px solid; }
@media (prefers-color-scheme: dark) { .ima[data-theme="auto"] { --_bg: #111; } }
.f { font-family: "Segoe UI", 'It\'s', serif; }"#;
        assert_eq!(
            minify(css),
            r#".x::before{content:"a  /* b */ ;}"}.list :focus-visible{outline:2px solid}@media (prefers-color-scheme:dark){.ima[data-theme="auto"]{--_bg:#111}}.f{font-family:"Segoe UI",'It\'s',serif}"#
        );
    }

    #[test]
    fn the_shipped_stylesheets_keep_every_rule() {
        for css in [
            include_str!("../../www/widget.css"),
            include_str!("../../www/timeline.css"),
        ] {
            let small = minify(css);
            assert!(
                small.len() < css.len() * 9 / 10,
                "{} of {}",
                small.len(),
                css.len()
            );
            // The shipped sheets hold no comment marker inside a string.
            let uncommented: String = css
                .split("/*")
                .enumerate()
                .map(|(i, part)| match i {
                    0 => part,
                    _ => part.split_once("*/").map_or("", |(_, rest)| rest),
                })
                .collect();
            for c in ['{', '}', '(', '[', '"', '!'] {
                assert_eq!(
                    small.matches(c).count(),
                    uncommented.matches(c).count(),
                    "{c}"
                );
            }
            assert_eq!(minify(&small), small, "minifying twice changes nothing");
        }
    }
}
