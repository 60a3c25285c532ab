//! The widget's stylesheets as they ship: `build.rs` passes `www/widget.css`
//! and `www/timeline.css` through [`minify`] before they are compiled into
//! the module, so their comments and layout stay in the source only.

/// `css` without comments, and without the whitespace CSS ignores: runs of
/// whitespace become one space, and none is kept next to `{`, `}`, `;` or
/// `,`, or after `:`. Whitespace before `:` stays, since `.a :hover` and
/// `.a:hover` are different selectors; strings are copied as they are.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for d in chars.by_ref() {
                if last == '*' && d == '/' {
                    break;
                }
                last = d;
            }
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let glued = |x: char| "{};,".contains(x);
        if space && out.chars().last().is_some_and(|l| !glued(l) && l != ':') && !glued(c) {
            out.push(' ');
        }
        space = false;
        out.push(c);
        if c == '"' || c == '\'' {
            while let Some(d) = chars.next() {
                out.push(d);
                if d == '\\' {
                    if let Some(e) = chars.next() {
                        out.push(e);
                    }
                } else if d == c {
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn comments_and_layout_go_and_meaning_stays() {
        let css = "/* The card. */\n.card {\n  color: red;  margin: 0 auto;\n}\n\n.a :hover, .b:focus > .c { font-family: \"A  B\", serif; }\n";
        assert_eq!(
            minify(css),
            ".card{color:red;margin:0 auto;}.a :hover,.b:focus > .c{font-family:\"A  B\",serif;}"
        );
        // Strings keep everything, escaped quotes and comment marks included.
        assert_eq!(
            minify(".x::after { content: \"a \\\" /* b */ ; c\"; }"),
            ".x::after{content:\"a \\\" /* b */ ; c\";}"
        );
        // A comment between two words still separates them.
        assert_eq!(
            minify("@media screen/**/and (max-width: 40rem) {}"),
            "@media screen and (max-width:40rem){}"
        );
    }

    #[test]
    fn the_shipped_stylesheets_keep_every_rule() {
        for css in [
            include_str!("../www/widget.css"),
            include_str!("../www/timeline.css"),
        ] {
            let small = minify(css);
            assert!(
                small.len() < css.len() * 9 / 10,
                "{} of {}",
                small.len(),
                css.len()
            );
            let count = |s: &str, c: char| s.chars().filter(|x| *x == c).count();
            for c in ['{', '}', ';', '"', '(', ')'] {
                assert_eq!(
                    count(&small, c),
                    count(css, c) - count_in_comments(css, c),
                    "{c}"
                );
            }
            assert!(!small.contains("/*") && !small.contains('\n'));
        }
    }

    /// How often `c` occurs inside the comments of `css`.
    fn count_in_comments(css: &str, c: char) -> usize {
        css.split("/*")
            .skip(1)
            .filter_map(|rest| rest.split("*/").next())
            .map(|comment| comment.chars().filter(|x| *x == c).count())
            .sum()
    }
}
