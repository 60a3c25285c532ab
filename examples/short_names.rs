//! Shortens the names the module and its JavaScript glue call each other by,
//! in a directory written by `wasm-bindgen --target web`:
//!
//! ```text
//! cargo run --release --example short_names -- dist
//! ```
//!
//! wasm-bindgen names every function the module imports after the JavaScript
//! it calls plus a 16-digit hash (`__wbg_appendChild_0f1a4afc158ef7bd`), and
//! the closures it exports after their Rust types, hashes included. Each name
//! is written twice, in the module and in the glue, and the hashes do not
//! compress: 4.3 KB of the shipped files gzipped. This renames every import,
//! the imports' module and every hashed export to `$0`, `$1`, … in both
//! files. It runs before `wasm-opt` and `terser`, on the glue as
//! wasm-bindgen wrote it, and stops with an error, leaving both files as
//! they were, when a name is not found in the glue exactly as expected.

// The example runs natively; the browser test build compiles it to an empty program.
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "shared/wasm.rs"]
mod wasm;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::Path;

    use crate::wasm::{leb, put_str, sections, Reader};

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let [dir] = args.as_slice() else {
            eprintln!("usage: short_names DIST_DIR");
            std::process::exit(2);
        };
        if let Err(e) = run(Path::new(dir)) {
            eprintln!("short_names: {e}");
            std::process::exit(1);
        }
    }

    fn run(dir: &Path) -> Result<(), String> {
        let wasm_path = dir.join("ima_statements_bg.wasm");
        let js_path = dir.join("ima_statements.js");
        let read_err = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
        let wasm = std::fs::read(&wasm_path).map_err(|e| read_err(&wasm_path, e))?;
        let js = std::fs::read_to_string(&js_path).map_err(|e| read_err(&js_path, e))?;
        let (wasm, js, renamed) = shorten(&wasm, &js)?;
        std::fs::write(&wasm_path, wasm).map_err(|e| read_err(&wasm_path, e))?;
        std::fs::write(&js_path, js).map_err(|e| read_err(&js_path, e))?;
        println!("short_names: {renamed} names shortened");
        Ok(())
    }

    /// The module the imports come from, as wasm-bindgen names it.
    const IMPORT_MODULE: &str = "./ima_statements_bg.js";

    /// Renames the imports, their module and the hashed exports of `wasm`,
    /// and the same names in `js`. Returns both and how many names changed.
    pub fn shorten(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String, usize), String> {
        let sections = sections(wasm)?;
        let mut renames: Vec<(String, String)> = Vec::new();
        let mut out = wasm[..8].to_vec();
        for (id, body) in sections {
            let body = match id {
                2 => rewrite_imports(body, &mut renames)?,
                7 => rewrite_exports(body, &mut renames)?,
                _ => body.to_vec(),
            };
            out.push(id);
            leb(&mut out, body.len());
            out.extend_from_slice(&body);
        }
        let mut js = js.to_owned();
        let module = format!("\"{IMPORT_MODULE}\"");
        if js.matches(&module).count() != 1 {
            return Err(format!(
                "the glue does not name the module {module} exactly once"
            ));
        }
        js = js.replacen(&module, "\"$\"", 1);
        for (old, new) in &renames {
            js = replace_words(&js, old, new)?;
        }
        Ok((out, js, renames.len() + 1))
    }

    /// `n` as a short name: `$0` … `$9`, `$a` … `$z`, `$10` …
    fn short(n: usize) -> String {
        const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        let (mut n, mut s) = (n, Vec::new());
        loop {
            s.push(DIGITS[n % DIGITS.len()]);
            n /= DIGITS.len();
            if n == 0 {
                break;
            }
        }
        s.push(b'$');
        s.reverse();
        String::from_utf8(s).unwrap_or_default()
    }

    /// The next short name, recorded in `renames` as the new name of `name`.
    fn rename(name: &str, renames: &mut Vec<(String, String)>) -> String {
        let new = short(renames.len());
        renames.push((name.to_owned(), new.clone()));
        new
    }

    /// Whether an export name carries one of wasm-bindgen's hashes, and so
    /// is one of its generated names, unique in the glue.
    fn hashed(name: &str) -> bool {
        name.split('_')
            .any(|part| part.len() == 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
    }

    fn is_word(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
    }

    /// `js` with every whole-word `old` replaced by `new`; an error when
    /// there is none (the glue would then not match the module).
    fn replace_words(js: &str, old: &str, new: &str) -> Result<String, String> {
        let bytes = js.as_bytes();
        let mut out = String::with_capacity(js.len());
        let (mut last, mut found) = (0, 0);
        for (at, _) in js.match_indices(old) {
            let end = at + old.len();
            let before = at.checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(end).copied();
            if before.is_some_and(is_word) || after.is_some_and(is_word) {
                continue;
            }
            out.push_str(&js[last..at]);
            out.push_str(new);
            last = end;
            found += 1;
        }
        if found == 0 {
            return Err(format!("`{old}` is in the module but not in the glue"));
        }
        out.push_str(&js[last..]);
        Ok(out)
    }

    /// The import section with every import from wasm-bindgen's module renamed.
    fn rewrite_imports(
        body: &[u8],
        renames: &mut Vec<(String, String)>,
    ) -> Result<Vec<u8>, String> {
        let mut r = Reader::new(body);
        let count = r.num()?;
        let mut out = Vec::new();
        leb(&mut out, count);
        for _ in 0..count {
            let module = r.str()?;
            let name = r.str()?;
            let start = r.at;
            r.import_kind()?;
            let desc = &body[start..r.at];
            if module == IMPORT_MODULE {
                put_str(&mut out, "$");
                put_str(&mut out, &rename(name, renames));
            } else {
                put_str(&mut out, module);
                put_str(&mut out, name);
            }
            out.extend_from_slice(desc);
        }
        Ok(out)
    }

    /// The export section with every hashed name renamed.
    fn rewrite_exports(
        body: &[u8],
        renames: &mut Vec<(String, String)>,
    ) -> Result<Vec<u8>, String> {
        let mut r = Reader::new(body);
        let count = r.num()?;
        let mut out = Vec::new();
        leb(&mut out, count);
        for _ in 0..count {
            let name = r.str()?;
            let kind = r.byte()?;
            let index = r.num()?;
            if hashed(name) {
                put_str(&mut out, &rename(name, renames));
            } else {
                put_str(&mut out, name);
            }
            out.push(kind);
            leb(&mut out, index);
        }
        Ok(out)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// A module importing `names` from wasm-bindgen's module and
        /// exporting `exports` (all functions of type 0).
        fn module(imports: &[&str], exports: &[&str]) -> Vec<u8> {
            let mut m = b"\0asm\x01\0\0\0".to_vec();
            // Type section: one `() -> ()`.
            m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
            let mut body = Vec::new();
            leb(&mut body, imports.len());
            for name in imports {
                put_str(&mut body, IMPORT_MODULE);
                put_str(&mut body, name);
                body.extend_from_slice(&[0, 0]);
            }
            m.push(2);
            leb(&mut m, body.len());
            m.extend_from_slice(&body);
            let mut body = Vec::new();
            leb(&mut body, exports.len());
            for name in exports {
                put_str(&mut body, name);
                body.extend_from_slice(&[0, 0]);
            }
            m.push(7);
            leb(&mut m, body.len());
            m.extend_from_slice(&body);
            m
        }

        fn names(wasm: &[u8], id: u8) -> Vec<String> {
            let (_, body) = sections(wasm)
                .unwrap()
                .into_iter()
                .find(|s| s.0 == id)
                .unwrap();
            let mut r = Reader::new(body);
            let count = r.num().unwrap();
            (0..count)
                .map(|_| {
                    if id == 2 {
                        let module = r.str().unwrap().to_owned();
                        let name = r.str().unwrap();
                        r.import_kind().unwrap();
                        module + "/" + name
                    } else {
                        let name = r.str().unwrap().to_owned();
                        r.byte().unwrap();
                        r.num().unwrap();
                        name
                    }
                })
                .collect()
        }

        const GLUE: &str = r#"const import0 = {
    __wbg_appendChild_0f1a4afc158ef7bd: function(a, b) { a.appendChild(b); },
    __wbindgen_throw: function(a) { throw a; },
};
function run_closure_0123456789abcdef_x(a) { wasm.run_closure_0123456789abcdef_x(a); }
const imports = { "./ima_statements_bg.js": import0 };
wasm.mount(); wasm.__wbindgen_malloc(4);"#;

        #[test]
        fn renames_imports_and_hashed_exports_in_both_files() {
            let wasm = module(
                &["__wbg_appendChild_0f1a4afc158ef7bd", "__wbindgen_throw"],
                &[
                    "mount",
                    "run_closure_0123456789abcdef_x",
                    "__wbindgen_malloc",
                ],
            );
            let (wasm, js, renamed) = shorten(&wasm, GLUE).unwrap();
            assert_eq!(names(&wasm, 2), ["$/$0", "$/$1"]);
            assert_eq!(names(&wasm, 7), ["mount", "$2", "__wbindgen_malloc"]);
            assert_eq!(renamed, 4);
            assert!(js.contains("$0: function(a, b)"), "{js}");
            assert!(js.contains("$1: function(a)"), "{js}");
            assert!(js.contains("function $2(a) { wasm.$2(a); }"), "{js}");
            assert!(js.contains(r#"{ "$": import0 }"#), "{js}");
            assert!(
                js.contains("wasm.mount(); wasm.__wbindgen_malloc(4);"),
                "{js}"
            );
            assert!(!js.contains("0f1a4afc158ef7bd") && !js.contains("0123456789abcdef"));
        }

        #[test]
        fn a_name_missing_from_the_glue_is_an_error() {
            let wasm = module(&["__wbg_removed_1111111111111111"], &[]);
            let err = shorten(&wasm, GLUE).unwrap_err();
            assert!(err.contains("__wbg_removed_1111111111111111"), "{err}");
        }

        #[test]
        fn only_whole_words_are_replaced() {
            let js = "__wbindgen_throw2 x__wbindgen_throw __wbindgen_throw:";
            let out = replace_words(js, "__wbindgen_throw", "$0").unwrap();
            assert_eq!(out, "__wbindgen_throw2 x__wbindgen_throw $0:");
        }

        #[test]
        fn short_names_are_distinct_identifiers() {
            let all: Vec<String> = (0..5000).map(short).collect();
            let mut unique = all.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), all.len());
            assert!(all
                .iter()
                .all(|s| s.starts_with('$') && s[1..].bytes().all(|b| b.is_ascii_alphanumeric())));
        }

        #[test]
        fn a_damaged_module_is_an_error() {
            assert!(shorten(b"not wasm", GLUE).is_err());
            let mut wasm = module(&["__wbindgen_throw"], &[]);
            wasm.truncate(wasm.len() - 5);
            assert!(shorten(&wasm, GLUE).is_err());
        }
    }
}
