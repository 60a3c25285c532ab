//! Names a module's functions so that sorting them by name puts alike
//! functions next to each other, where gzip finds their common byte runs:
//!
//! ```text
//! cargo run --release --example order_functions -- IN.wasm OUT.wasm GRAM WINDOW
//! wasm-opt OUT.wasm --reorder-functions-by-name --strip-debug -o SHIPPED.wasm
//! ```
//!
//! gzip only looks 32 KB back, and the compiler lays functions out in an
//! order that knows nothing of that. Starting from the largest function,
//! this repeatedly picks, of the functions not yet placed, the one sharing
//! the most `GRAM`-byte runs with the last `WINDOW` placed (scaled down by
//! the square root of its own number of runs, so that large functions do not
//! win by size alone), and writes a `name` section naming the functions
//! `f00000`, `f00001`, … in that order. Binaryen then reorders them; nothing
//! else about the module changes. `build.sh` tries a few `GRAM`/`WINDOW`
//! settings and keeps the smallest module (about 2 KB gzipped).

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
    use std::collections::{HashMap, HashSet};

    use crate::wasm::{leb, put_str, sections, Reader};

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let [input, output, gram, window] = args.as_slice() else {
            usage();
        };
        let (Ok(gram), Ok(window)) = (gram.parse::<usize>(), window.parse::<usize>()) else {
            usage();
        };
        if !(1..=4).contains(&gram) || window == 0 {
            usage();
        }
        let result = std::fs::read(input)
            .map_err(|e| format!("{input}: {e}"))
            .and_then(|wasm| name_in_order(&wasm, gram, window))
            .and_then(|wasm| std::fs::write(output, wasm).map_err(|e| format!("{output}: {e}")));
        if let Err(e) = result {
            eprintln!("order_functions: {e}");
            std::process::exit(1);
        }
    }

    fn usage() -> ! {
        eprintln!("usage: order_functions IN.wasm OUT.wasm GRAM(1-4) WINDOW(1 or more)");
        std::process::exit(2);
    }

    /// `wasm` with a `name` section naming its functions in the order of [`order`].
    pub fn name_in_order(wasm: &[u8], gram: usize, window: usize) -> Result<Vec<u8>, String> {
        let (imported, bodies) = functions(wasm)?;
        let order = order(&bodies, gram, window);
        let mut rank = vec![0; bodies.len()];
        for (r, &f) in order.iter().enumerate() {
            rank[f] = r;
        }
        let mut names = Vec::new();
        leb(&mut names, bodies.len());
        for (f, r) in rank.iter().enumerate() {
            leb(&mut names, imported + f);
            put_str(&mut names, &format!("f{r:05}"));
        }
        let mut section = Vec::new();
        put_str(&mut section, "name");
        section.push(1); // function names
        leb(&mut section, names.len());
        section.extend_from_slice(&names);
        let mut out = wasm.to_vec();
        out.push(0);
        leb(&mut out, section.len());
        out.extend_from_slice(&section);
        Ok(out)
    }

    /// The placing order of `bodies`, as described in the module comment.
    pub fn order(bodies: &[&[u8]], gram: usize, window: usize) -> Vec<usize> {
        let grams: Vec<HashSet<u32>> = bodies
            .iter()
            .map(|b| {
                b.windows(gram)
                    .map(|w| w.iter().fold(0u32, |n, &x| n << 8 | u32::from(x)))
                    .collect()
            })
            .collect();
        let weight: Vec<f64> = grams
            .iter()
            .map(|g| 1.0 + (g.len() as f64).sqrt())
            .collect();
        let Some(first) = (0..bodies.len()).max_by_key(|&i| (bodies[i].len(), usize::MAX - i))
        else {
            return Vec::new();
        };
        let mut placed = vec![false; bodies.len()];
        let mut order = vec![first];
        placed[first] = true;
        let mut recent: HashMap<u32, u32> = HashMap::new();
        add(&mut recent, &grams[first]);
        while order.len() < bodies.len() {
            let mut best: Option<(f64, usize)> = None;
            for (i, g) in grams.iter().enumerate() {
                if placed[i] {
                    continue;
                }
                let shared = g.iter().filter(|x| recent.contains_key(x)).count();
                let score = shared as f64 / weight[i];
                if best.map_or(true, |(s, _)| score > s) {
                    best = Some((score, i));
                }
            }
            let Some((_, next)) = best else { break };
            placed[next] = true;
            order.push(next);
            add(&mut recent, &grams[next]);
            if order.len() > window {
                let old = order[order.len() - window - 1];
                for x in &grams[old] {
                    if let Some(n) = recent.get_mut(x) {
                        *n -= 1;
                        if *n == 0 {
                            recent.remove(x);
                        }
                    }
                }
            }
        }
        order
    }

    fn add(recent: &mut HashMap<u32, u32>, grams: &HashSet<u32>) {
        for &x in grams {
            *recent.entry(x).or_insert(0) += 1;
        }
    }

    /// How many functions the module imports, and the bodies of those it defines.
    fn functions(wasm: &[u8]) -> Result<(usize, Vec<&[u8]>), String> {
        let (mut imported, mut bodies) = (0, Vec::new());
        for (id, body) in sections(wasm)? {
            let mut s = Reader::new(body);
            match id {
                0 if body.get(..5) == Some(b"\x04name") => {
                    return Err("the module already has a name section".into());
                }
                2 => {
                    for _ in 0..s.num()? {
                        s.str()?;
                        s.str()?;
                        if s.import_kind()? == 0 {
                            imported += 1;
                        }
                    }
                }
                10 => {
                    for _ in 0..s.num()? {
                        let len = s.num()?;
                        bodies.push(s.take(len)?);
                    }
                }
                _ => {}
            }
        }
        Ok((imported, bodies))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn alike_functions_are_placed_together() {
            let a1: &[u8] = b"alpha alpha alpha 1";
            let b1: &[u8] = b"bravo bravo bravo 1";
            let a2: &[u8] = b"alpha alpha alpha 2";
            let b2: &[u8] = b"bravo bravo bravo 2 and more";
            let order = order(&[a1, b1, a2, b2], 3, 1);
            // The largest first, then its like; then the other pair.
            assert_eq!(order, [3, 1, 0, 2]);
        }

        #[test]
        fn every_function_is_placed_once() {
            let bodies: Vec<Vec<u8>> = (0..50u8).map(|i| vec![i % 7; usize::from(i) + 3]).collect();
            let refs: Vec<&[u8]> = bodies.iter().map(Vec::as_slice).collect();
            let mut order = order(&refs, 4, 3);
            order.sort_unstable();
            assert_eq!(order, (0..50).collect::<Vec<_>>());
        }

        /// A module importing one function and defining `bodies`.
        fn module(bodies: &[&[u8]]) -> Vec<u8> {
            let mut m = b"\0asm\x01\0\0\0".to_vec();
            m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
            m.extend_from_slice(&[2, 7, 1, 1, b'm', 1, b'f', 0, 0]);
            let mut code = Vec::new();
            leb(&mut code, bodies.len());
            for b in bodies {
                leb(&mut code, b.len());
                code.extend_from_slice(b);
            }
            m.push(10);
            leb(&mut m, code.len());
            m.extend_from_slice(&code);
            m
        }

        #[test]
        fn names_follow_the_order_and_skip_imported_functions() {
            let wasm = module(&[b"\0\x0b", b"\0\x01\x01\x0b"]);
            let out = name_in_order(&wasm, 2, 1).unwrap();
            assert_eq!(&out[..wasm.len()], &wasm[..]);
            // Function 2 (the larger) is placed first.
            let tail = &out[wasm.len()..];
            let expected = b"\x00\x18\x04name\x01\x11\x02\x01\x06f00001\x02\x06f00000";
            assert_eq!(tail, expected);
        }

        #[test]
        fn a_named_or_damaged_module_is_an_error() {
            let wasm = module(&[b"\0\x0b"]);
            let named = name_in_order(&wasm, 2, 1).unwrap();
            assert!(name_in_order(&named, 2, 1).is_err());
            assert!(name_in_order(&wasm[..wasm.len() - 1], 2, 1).is_err());
            assert!(name_in_order(b"nope", 2, 1).is_err());
        }
    }
}
