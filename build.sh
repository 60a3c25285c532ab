#!/usr/bin/env bash
# ima-statements: build, serve and test the widget.
#
#   ./build.sh              build dist/ (what a partner copies to their site), print
#                           its sizes, fail when over the budget in size-budget.txt
#   ./build.sh serve [PORT] build, then serve the demo on http://127.0.0.1:PORT/ (default 8080)
#   ./build.sh test         run every test: fmt, clippy, native, headless Chrome and
#                           Firefox, end-to-end in Chromium (all) and in Firefox and
#                           WebKit (the core), a large archive's build end-to-end in
#                           all three, then the size budget
#   ./build.sh size         same as ./build.sh
#   ./build.sh size N       build a synthetic N-statement corpus and its package into
#                           target/synth-N/{corpus,dist}; print the shipped total, the
#                           corpus text gzipped, their ratio and the size goal
#   ./build.sh bench        run the native benchmarks, then the browser benchmark
#   ./build.sh bench-browser  the browser benchmarks only (real and 10,000-statement builds;
#                           the throttled first result also at 1,000)
#   ./build.sh new FILE     draft corpus/statements/<id>.md from a page's text (FILE, or -
#                           for stdin) and say what was guessed and how sure
#   ./build.sh check        validate corpus/ as the build does, in seconds, and list warnings
#   ./build.sh serve --watch [PORT]  serve the demo and rebuild it when corpus/ changes;
#                           the open page reloads, or shows a broken file's error
#   ./build.sh release      build dist/ with dist/embed.html (the embed, pinned with its
#                           integrity hash) and the npm package ima-statements-<version>.tgz
#
# Every command first installs what is missing (Rust wasm target, wasm-pack,
# wasm-bindgen-cli at the lockfile's version, Chromium + ChromeDriver, Firefox +
# geckodriver, WebKitWebDriver + xvfb, nginx, Node.js, and the npm packages pinned in tests/e2e: binaryen's
# wasm-opt, terser, playwright-core, axe-core, MiniSearch, Pagefind) and says so; a second run
# installs nothing.
set -euo pipefail

# Where the command was run from: `./build.sh new FILE` reads FILE relative to it.
INVOKED_FROM=$PWD
cd "$(dirname "$0")"
ROOT=$(pwd)
DIST="$ROOT/dist"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif have sudo; then sudo "$@"; else
    echo "error: '$*' needs root and sudo is not available" >&2; exit 1
  fi
}

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    say "Updating the Debian package index"
    as_root apt-get update -qq
    apt_updated=1
  fi
  say "Installing Debian packages: $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The wasm-bindgen version the lockfile pins; the CLI must be exactly this one.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_build_tools() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "Installing the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    say "Installing the Rust standard library's source (rust-src), for the size-optimised build"
    rustup component add rust-src || echo "warning: rust-src is not available; the module will be larger" >&2
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want
  want=$(wasm_bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "Installing wasm-bindgen-cli $want (matches Cargo.lock)"
    cargo install --quiet --force wasm-bindgen-cli --version "$want"
  fi
  local pkgs=()
  have brotli || pkgs+=(brotli)
  have node || pkgs+=(nodejs)
  have npm || pkgs+=(npm)
  [ ${#pkgs[@]} -eq 0 ] || apt_install "${pkgs[@]}"
  # wasm-opt comes from npm's binaryen, pinned by tests/e2e/package-lock.json:
  # the module uses reference-types instructions (table.fill) that older
  # distribution builds of binaryen cannot parse.
  if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] || [ ! -x tests/e2e/node_modules/.bin/terser ] \
    || [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/pagefind ]; then
    say "Installing the pinned npm packages (binaryen, terser, playwright-core, axe-core, MiniSearch, Pagefind)"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_test_tools() {
  ensure_build_tools
  if ! have wasm-pack; then
    say "Installing wasm-pack"
    cargo install --quiet wasm-pack
  fi
  local pkgs=()
  have chromium || pkgs+=(chromium)
  have chromedriver || pkgs+=(chromium-driver)
  have firefox-esr || have firefox || pkgs+=(firefox-esr)
  # WebKit, Safari's engine: WebKitGTK's WebDriver and MiniBrowser, on a virtual display.
  have WebKitWebDriver || pkgs+=(webkit2gtk-driver)
  have xvfb-run || pkgs+=(xvfb)
  # The hosting test serves the widget through a real nginx (docs/hosting.md).
  [ -x /usr/sbin/nginx ] || have nginx || pkgs+=(nginx)
  [ ${#pkgs[@]} -eq 0 ] || apt_install "${pkgs[@]}"
  if ! have geckodriver; then
    say "Installing geckodriver"
    cargo install --quiet geckodriver
  fi
}

# The shipped module is compiled together with its own copy of the standard
# library, optimised for size, with panics that stop at once instead of
# formatting a message nobody sees: 153,875 -> 140,996 bytes gzipped. Cargo
# does this only with -Zbuild-std, which the stable toolchain allows when
# RUSTC_BOOTSTRAP is set; the library's code is the same either way. Where
# that build fails (no rust-src, or a toolchain that renamed the flags) the
# standard library as shipped is used, with a warning, and the size budget
# then says by how much the module grew.
#
# It is also built without the reference-types and multi-value extensions
# (which Rust enables by default for wasm32): wasm-bindgen then keeps the
# JavaScript values the module holds in a table on the JavaScript side and
# returns results through memory, which costs the glue a little and saves
# the module more (wasm -1,224, glue +324 bytes gzipped), and the module
# runs on browsers without those extensions too.
SIZE_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
SIZE_RUSTFLAGS+=" -Ctarget-feature=-reference-types,-multivalue"
# The library and its core crate (core/) are optimised as one: every
# function's body is available to the other crates for inlining
# (-Zcross-crate-inline-threshold=always, which also covers the standard
# library built here) and they share one copy of each generic function they
# both use (-Zshare-generics). Without these, each crate kept its own copies
# of the small functions it inlines, and splitting the core off cost the
# module 1,355 bytes gzipped (133,457 -> 134,812 total); with them the total
# is smaller than the single crate's.
SIZE_RUSTFLAGS+=" -Zshare-generics=y -Zcross-crate-inline-threshold=always"
# Extra arguments go to cargo (`--features symbols` for a large corpus).
compile_wasm() {
  if RUSTC_BOOTSTRAP=1 RUSTFLAGS="$SIZE_RUSTFLAGS" cargo build --quiet --lib --release \
    --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size "$@"; then
    return 0
  fi
  echo "warning: the size-optimised standard library did not build; using the standard one" >&2
  cargo build --quiet --lib --release --target wasm32-unknown-unknown "$@"
}

# The cargo features the corpus in directory $1 needs, one per line: a corpus
# of SYMBOLS_FROM statements or more is embedded as symbols, which the module
# then has to read (core/src/corpus/blob.rs). So the archive is built as a
# large one from the day it reaches that size, without being told.
corpus_features() {
  local from count
  from=$(sed -n 's/^pub const SYMBOLS_FROM: usize = \([0-9_]*\);$/\1/p' core/src/corpus/blob.rs | tr -d _)
  # Every *.md under statements/, as the corpus loader counts them.
  count=$(find "$1/statements" -name '*.md' -type f 2>/dev/null | wc -l)
  if [ "$count" -ge "${from:?SYMBOLS_FROM not found in core/src/corpus/blob.rs}" ]; then
    printf '%s\n' --features symbols
  fi
}

build() {
  ensure_build_tools
  local features
  mapfile -t features < <(corpus_features "${IMA_CORPUS_DIR:-corpus}")
  say "Compiling the widget to WebAssembly (release, size-optimised standard library${features[*]:+, ${features[*]}})"
  compile_wasm "${features[@]}"
  package "$TARGET_DIR/wasm32-unknown-unknown/release/ima_statements.wasm" "$DIST"
  say "Built $DIST"
  size_report
}

# Writes the shipped files for the compiled module $1 into the directory $2:
# the bindings, the module and glue with short names between them, the
# module optimised, the JavaScript minified.
package() {
  local wasm="$1" dist="$2"
  rm -rf "$dist"
  mkdir -p "$dist"
  say "Generating the JavaScript bindings"
  wasm-bindgen --target web --out-dir "$dist" "$wasm"
  say "Shortening the names the module and the glue share (examples/short_names.rs)"
  cargo run --quiet --release --example short_names -- "$dist"
  say "Optimising the module for size (wasm-opt -Oz, repeated while it shrinks)"
  # --low-memory-unused: the module never reads or writes the first 1 KB of
  # its memory (Rust puts the stack below the data at 1 MiB, growing down;
  # reaching its last kilobyte is a stack overflow either way), so wasm-opt
  # may fold constant offsets into loads and stores (-0.7 KB gzipped).
  # --one-caller-inline-max-function-size: wasm-opt inlines every function
  # called from one place, however large, by default; the module is smaller
  # raw that way but compresses worse (large bodies, locals renumbered,
  # fewer repeated runs), so only functions of up to 15 instructions are
  # (-5.8 KB gzipped, and -2.9 KB brotli).
  tests/e2e/node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused \
    --one-caller-inline-max-function-size=15 --strip-debug --strip-producers \
    "$dist/ima_statements_bg.wasm" -o "$dist/ima_statements_bg.wasm"
  order_functions "$dist/ima_statements_bg.wasm"
  minify_js "$dist"
  stamp_release "$dist"
}

# Reorders the module's functions so that alike ones sit together, where
# gzip finds their common runs (examples/order_functions.rs): tries a few
# settings of the ordering and keeps the smallest module, gzipped; about
# 2 KB. The functions' code is unchanged, only where each one sits.
order_functions() {
  local wasm="$1" work="$TARGET_DIR/order-functions" setting best
  say "Placing alike functions together for gzip (examples/order_functions.rs)"
  rm -rf "$work"
  mkdir -p "$work"
  cp "$wasm" "$work/best.wasm"
  best=$(gzip -9 -c "$wasm" | wc -c)
  for setting in "2 2" "3 4" "4 3" "4 6"; do
    # shellcheck disable=SC2086 # the setting is two arguments
    cargo run --quiet --release --example order_functions -- "$wasm" "$work/named.wasm" $setting
    tests/e2e/node_modules/.bin/wasm-opt "$work/named.wasm" --reorder-functions-by-name \
      --strip-debug --strip-producers -o "$work/try.wasm"
    local size
    size=$(gzip -9 -c "$work/try.wasm" | wc -c)
    if [ "$size" -lt "$best" ]; then
      best=$size
      cp "$work/try.wasm" "$work/best.wasm"
    fi
  done
  printf 'module gzipped: %d bytes before ordering, %d after\n' "$(gzip -9 -c "$wasm" | wc -c)" "$best"
  cp "$work/best.wasm" "$wasm"
  rm -rf "$work"
}

# The JavaScript a partner ships, minified (terser; /*! comments, such as the
# loader's one-line usage note, are kept): the glue in place here, the loader
# from www/, which stays the readable source, in stamp_release.
minify_js() {
  local dist="$1" terser=tests/e2e/node_modules/.bin/terser
  say "Minifying the glue (terser)"
  "$terser" "$dist/ima_statements.js" --module --compress --mangle -o "$dist/ima_statements.js"
}

# The release's version (Cargo.toml's) and the date of the newest statement
# in the corpus (the last day of a range), as the corpus gives it.
release_version() {
  sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1
}
archive_date() {
  sed -n 's/^date = "\(.*\)"$/\1/p' "${IMA_CORPUS_DIR:-corpus}"/statements/*.md | sed 's|.*/||' | sort | tail -1
}

# Cache-safe names: the module and the glue are renamed with a hash of their
# content (ima_statements_bg.<hash>.wasm, ima_statements.<hash>.js; the glue's
# default module URL follows), so a host may cache them for a year; the
# loader, the one URL that stays, is written with those names, the version
# and the archive's date, then minified. ima_statements.js stays as the
# stable entry of the JavaScript API: two lines that re-export the glue.
stamp_release() {
  local dist="$1" version archive hash wasm glue work="$TARGET_DIR/stamp"
  version=$(release_version)
  archive=$(archive_date)
  say "Naming the glue and the module by their content; writing the loader ($version, archive of $archive)"
  hash=$(sha256sum "$dist/ima_statements_bg.wasm" | cut -c1-10)
  wasm="ima_statements_bg.$hash.wasm"
  mv "$dist/ima_statements_bg.wasm" "$dist/$wasm"
  sed -i "s/\"ima_statements_bg\.wasm\"/\"$wasm\"/" "$dist/ima_statements.js"
  if ! grep -q "\"$wasm\"" "$dist/ima_statements.js"; then
    echo "error: the glue does not name ima_statements_bg.wasm as its default module any more" >&2
    return 1
  fi
  hash=$(sha256sum "$dist/ima_statements.js" | cut -c1-10)
  glue="ima_statements.$hash.js"
  mv "$dist/ima_statements.js" "$dist/$glue"
  printf 'export * from "./%s";\nexport { default } from "./%s";\n' "$glue" "$glue" >"$dist/ima_statements.js"
  mkdir -p "$work"
  sed "s|^  var RELEASE = .*|  var RELEASE = { version: \"$version\", archiveDate: \"$archive\", glue: \"$glue\", wasm: \"$wasm\" };|" \
    www/ima-statements.js >"$work/ima-statements.js"
  grep -q "glue: \"$glue\"" "$work/ima-statements.js" || { echo "error: the loader has no RELEASE line" >&2; return 1; }
  tests/e2e/node_modules/.bin/terser "$work/ima-statements.js" --compress --mangle -o "$dist/ima-statements.js"
}

# The three files a visitor's browser loads: the loader, the glue and the
# module (by their content-hashed names).
# A file that is not there is named by its pattern, for the budget to report.
shipped_files() {
  local dist="$1" glue wasm
  glue=$(cd "$dist" 2>/dev/null && ls ima_statements.*.js 2>/dev/null | head -1)
  wasm=$(cd "$dist" 2>/dev/null && ls ima_statements_bg.*.wasm 2>/dev/null | head -1)
  echo ima-statements.js "${glue:-ima_statements.HASH.js}" "${wasm:-ima_statements_bg.HASH.wasm}"
}

# Sizes of what a partner ships: raw, gzip -9 and brotli -q 11 (when available).
size_report() {
  local dist="${1:-$DIST}"
  printf '%-28s %10s %10s %10s\n' file raw gzip brotli
  local total_raw=0 total_gz=0 total_br=0 f raw gz br partial=
  for f in $(shipped_files "$dist"); do
    f="$dist/$f"
    [ -f "$f" ] || continue
    raw=$(wc -c <"$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    # brotli -q 11 takes minutes over the tens of megabytes of a synthetic build.
    if have brotli && [ "$raw" -lt 10000000 ]; then
      br=$(brotli -c -q 11 "$f" | wc -c); total_br=$((total_br + br))
    else
      br=-; partial=1
    fi
    printf '%-28s %10d %10d %10s\n' "$(basename "$f")" "$raw" "$gz" "$br"
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
  done
  if ! have brotli || [ -n "$partial" ]; then total_br=-; fi
  printf '%-28s %10d %10d %10s\n' total "$total_raw" "$total_gz" "$total_br"
}

# Fails when the gzipped total of the shipped files is over size-budget.txt.
check_budget() {
  local budget total=0 f missing=0
  budget=$(grep -v '^[[:space:]]*#' size-budget.txt | tr -d '[:space:]')
  for f in $(shipped_files "$DIST"); do
    if [ -f "$DIST/$f" ]; then
      total=$((total + $(gzip -9 -c "$DIST/$f" | wc -c)))
    else
      echo "error: $DIST/$f is missing" >&2; missing=1
    fi
  done
  [ "$missing" = 0 ] || return 1
  if [ "$total" -gt "$budget" ]; then
    printf 'error: the shipped files are %d bytes gzipped, over the budget of %d (size-budget.txt) by %d\n' \
      "$total" "$budget" $((total - budget)) >&2
    return 1
  fi
  say "Size budget: $total of $budget bytes gzipped ($((budget - total)) to spare)"
}

# Writes the synthetic corpus of $1 statements into target/synth-$1/corpus and
# its package into target/synth-$1/dist (its own cargo target dir, so dist/
# and the regular build stay as they are).
synth_build() {
  local n="$1" synth="$TARGET_DIR/synth-$1"
  say "Writing the synthetic $n-statement corpus"
  # Each step returns on failure: a caller may run this after `||`, where
  # `set -e` does not stop it.
  cargo run --quiet --release --example synth_corpus -- "$n" "$synth/corpus" || return 1
  local features
  mapfile -t features < <(corpus_features "$synth/corpus")
  say "Compiling the $n-statement build (target dir $synth/target${features[*]:+, ${features[*]}})"
  IMA_CORPUS_DIR="$synth/corpus" CARGO_TARGET_DIR="$synth/target" compile_wasm "${features[@]}" || return 1
  package "$synth/target/wasm32-unknown-unknown/release/ima_statements.wasm" "$synth/dist"
}

# Bytes of the corpus's text gzipped: its statement files, concatenated in
# name order, gzip -9.
corpus_text_gzip() {
  find "$1/statements" -name '*.md' -print0 | sort -z | xargs -0 cat | gzip -9 | wc -c
}

# `./build.sh size N`: the shipped size of a synthetic N-statement archive
# against its text. The goal (README.md): the shipped files, gzipped, at most
# the real archive's shipped total (dist/, built first) plus 1.15 times the
# corpus text gzipped.
size_synth() {
  local n="$1" synth="$TARGET_DIR/synth-$1"
  case "$n" in '' | *[!0-9]*) echo "usage: ./build.sh size [N]" >&2; exit 2 ;; esac
  build
  local base
  base=$(size_report "$DIST" | awk '$1 == "total" { print $3 }')
  local start=$SECONDS
  synth_build "$n"
  say "Built $synth/dist in $((SECONDS - start)) s"
  size_report "$synth/dist"
  local shipped text
  shipped=$(size_report "$synth/dist" | awk '$1 == "total" { print $3 }')
  text=$(corpus_text_gzip "$synth/corpus")
  awk -v n="$n" -v s="$shipped" -v t="$text" -v b="$base" 'BEGIN {
    printf "%d statements: shipped %d bytes gzipped, corpus text %d bytes gzipped, ratio %.3f\n", n, s, t, s / t
    goal = b + 1.15 * t
    printf "goal: at most %d (the real archive'"'"'s %d + 1.15 x %d): %s by %d bytes\n", goal, b, t,
      (s <= goal ? "met" : "missed"), (s <= goal ? goal - s : s - goal)
  }'
}

# The browser benchmark: the real corpus (dist/) and, when the synthetic corpus
# generator exists, a 10,000-statement build in target/synth-10000/ (its own
# cargo target dir, so dist/ and the regular build stay as they are).
bench_browser() {
  build
  local dists=("$DIST")
  if [ -f examples/synth_corpus.rs ]; then
    local synth="$TARGET_DIR/synth-10000"
    synth_build 10000
    size_report "$synth/dist"
    dists+=("$synth/dist")
  else
    say "No synthetic corpus generator (examples/synth_corpus.rs): benchmarking the real corpus only"
  fi
  say "Browser benchmark in Chromium"
  node tests/e2e/bench.mjs "${dists[@]}"
  # The throttled first result, side by side with MiniSearch and Pagefind,
  # at 11, 1,000 and 10,000 statements (tests/e2e/bench-load.mjs).
  local loads=("11:$DIST:corpus")
  if [ -f examples/synth_corpus.rs ]; then
    synth_build 1000
    loads+=("1000:$TARGET_DIR/synth-1000/dist:$TARGET_DIR/synth-1000/corpus")
    loads+=("10000:$TARGET_DIR/synth-10000/dist:$TARGET_DIR/synth-10000/corpus")
  fi
  say "Throttled first-result benchmark in Chromium (this widget, MiniSearch, Pagefind UI)"
  node tests/e2e/bench-load.mjs "${loads[@]}"
}

serve() {
  local port="${1:-${PORT:-8080}}"
  build
  local site="$TARGET_DIR/site"
  rm -rf "$site"
  mkdir -p "$site"
  cp -r www/. "$site/"
  cp -r "$DIST"/. "$site/"
  say "Serving the demo on http://127.0.0.1:$port/ (Ctrl-C to stop)"
  python3 -m http.server --bind 127.0.0.1 --directory "$site" "$port"
}

# The editors' tool (examples/editorial), compiled natively against the small
# fixture corpus in its own target directory: the library's build script
# validates the corpus it embeds, so compiling against corpus/ itself would
# stop at the very mistakes the tool is there to report.
editorial() {
  IMA_CORPUS_DIR=tests/fixtures/corpus/valid CARGO_TARGET_DIR="$TARGET_DIR/editorial" \
    cargo run --quiet --example editorial -- "$@"
}

new_statement() {
  if [ $# -lt 1 ]; then
    echo "usage: ./build.sh new FILE   (FILE: a page's text as copied or scraped; - reads stdin)" >&2
    exit 2
  fi
  local file="$1"
  shift
  case "$file" in -|/*) ;; *) file="$INVOKED_FROM/$file" ;; esac
  editorial new "$file" "$@"
}

# One build for serve --watch, into the directory $1: the corpus checked
# first (seconds, with file:line errors), then the module compiled without
# the size passes (a debug build, quicker to rebuild; its own target
# directory, so the browser tests' debug build is not redone each time),
# and the demo. IMA_CORPUS_DIR, when set, is the corpus to check and embed.
dev_build() {
  local site="$1" corpus="${IMA_CORPUS_DIR:-corpus}" target="$TARGET_DIR/watch" features
  say "Checking $corpus"
  editorial check --corpus "$corpus"
  mapfile -t features < <(corpus_features "$corpus")
  say "Compiling the widget (debug, for the demo)"
  IMA_CORPUS_DIR="$corpus" CARGO_TARGET_DIR="$target" cargo build --quiet --lib --target wasm32-unknown-unknown \
    "${features[@]}"
  rm -rf "$site"
  mkdir -p "$site"
  wasm-bindgen --target web --out-dir "$site" "$target/wasm32-unknown-unknown/debug/ima_statements.wasm"
  cp -r www/. "$site/"
}

serve_watch() {
  local port="${1:-${PORT:-8080}}"
  ensure_build_tools
  python3 dev/serve.py --port "$port" --site "$TARGET_DIR/watch-site" --corpus "${IMA_CORPUS_DIR:-corpus}"
}

# A release (docs/hosting.md): dist/ as built, dist/embed.html (the two-line
# embed, and the pinned-version embed with its Subresource Integrity hash,
# at IMA_BASE_URL, default /ima/), and the npm package
# ima-statements-<version>.tgz in $TARGET_DIR/package/.
release() {
  build
  check_budget
  release_files
}

release_files() {
  local version archive base sri package="$TARGET_DIR/package" stage glue wasm
  version=$(release_version)
  read -r _ glue wasm <<<"$(shipped_files "$DIST")"
  archive=$(archive_date)
  base="${IMA_BASE_URL:-/ima/}"
  [[ "$base" == */ ]] || base+=/
  sri="sha384-$(openssl dgst -sha384 -binary "$DIST/ima-statements.js" | openssl base64 -A)"
  say "Writing $DIST/embed.html (release $version, archive of $archive, $sri)"
  cat >"$DIST/embed.html" <<EOF_HTML
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>IMA statement archive $version: embed</title>
</head>
<body>
<h1>IMA statement archive, release $version</h1>
<p>Archive of <time datetime="$archive">$archive</time> (its newest statement). What changed: CHANGELOG.md.</p>
<h2>Always the latest release</h2>
<pre><code>&lt;script src="${base}ima-statements.js" crossorigin="anonymous" defer&gt;&lt;/script&gt;
&lt;ima-statements&gt;&lt;/ima-statements&gt;</code></pre>
<h2>This release, pinned and verified</h2>
<pre><code>&lt;link rel="modulepreload" href="${base}$version/$glue" crossorigin="anonymous"&gt;
&lt;link rel="preload" href="${base}$version/$wasm" as="fetch" type="application/wasm" crossorigin="anonymous"&gt;
&lt;script src="${base}$version/ima-statements.js"
        integrity="$sri" crossorigin="anonymous" defer&gt;&lt;/script&gt;
&lt;ima-statements&gt;&lt;/ima-statements&gt;</code></pre>
<p>The pinned copy is these same files under <code>${base}$version/</code>. The two
<code>link</code> lines, in the page's <code>head</code>, are optional: they name the
release's glue and module, so the browser downloads them with the loader instead of
after it (one round trip less). In both, <code>crossorigin="anonymous"</code> lets the
browser fetch the loader, the glue and the module over one connection to the host.
Attributes, theming and events: www/README.md; hosting and the CSP a page needs:
docs/hosting.md.</p>
</body>
</html>
EOF_HTML
  say "Packing the npm package ima-statements-$version.tgz"
  stage="$package/stage"
  rm -rf "$package"
  mkdir -p "$stage"
  local files=() f
  for f in "$DIST"/*; do
    case "$(basename "$f")" in embed.html) ;; *) cp "$f" "$stage/"; files+=("$(basename "$f")") ;; esac
  done
  cp CHANGELOG.md "$stage/"
  node -e '
    const [version, archive, files] = process.argv.slice(1);
    const pkg = {
      name: "ima-statements",
      version,
      description: "The International Migrants Alliance statement archive (to " + archive + ") as a drop-in WebAssembly widget: search, facets and a chronology, no server.",
      license: "MIT OR Apache-2.0",
      type: "module",
      main: "./ima_statements.js",
      types: "./ima_statements.d.ts",
      exports: {
        ".": { types: "./ima_statements.d.ts", default: "./ima_statements.js" },
        "./loader": "./ima-statements.js",
        "./package.json": "./package.json",
      },
      files: [...files.split(" "), "CHANGELOG.md"],
      sideEffects: ["./ima-statements.js"],
      imaStatements: { archiveDate: archive },
    };
    process.stdout.write(JSON.stringify(pkg, null, 2) + "\n");
  ' "$version" "$archive" "${files[*]}" >"$stage/package.json"
  (cd "$stage" && npm pack --silent --pack-destination "$package" >/dev/null)
  rm -rf "$stage"
  say "Release $version: $DIST/ and $package/ima-statements-$version.tgz"
}

# Clippy on every target of the workspace (the library and its core),
# natively and for the browser build, warnings as errors.
lint() {
  say "Clippy (native, all targets of the workspace; wasm32 library and tests)"
  cargo clippy --quiet --workspace --all-targets -- -D warnings
  cargo clippy --quiet --target wasm32-unknown-unknown --lib --tests -- -D warnings
}

# The end-to-end core in Firefox (geckodriver) and WebKit (WebKitWebDriver
# under xvfb-run), through W3C WebDriver (tests/e2e/engines.mjs).
other_engines() {
  local engine failed=0
  for engine in firefox webkit; do
    say "End-to-end core in $engine (WebDriver)"
    node tests/e2e/engines.mjs "$DIST" "$engine" || failed=1
  done
  return "$failed"
}

# A large archive's paths (text as symbols deflated in blocks, the index built
# after ready) exist only in a build of SYMBOLS_FROM statements or more: a
# synthetic 1,000-statement build, tested end to end against its statement
# files in Chromium (tests/e2e/large.mjs), then in Firefox and WebKit
# (tests/e2e/engines-large.mjs).
large_archive_tests() {
  local synth="$TARGET_DIR/synth-1000" engine failed=0
  synth_build 1000 || return 1
  say "End-to-end tests of a large archive (1,000 synthetic statements) in Chromium"
  node tests/e2e/large.mjs "$synth/dist" "$synth/corpus" || failed=1
  for engine in firefox webkit; do
    say "End-to-end tests of a large archive in $engine (WebDriver)"
    node tests/e2e/engines-large.mjs "$synth/dist" "$synth/corpus" "$engine" || failed=1
  done
  return "$failed"
}

run_tests() {
  ensure_test_tools
  say "Checking formatting"
  cargo fmt --all --check
  lint
  say "Native tests (the core crate and the library: corpus, search, filters, widget logic)"
  cargo test --quiet --workspace
  say "Browser tests in headless Chrome and Firefox"
  wasm-pack test --headless --chrome --firefox
  build
  release_files
  local failed=0
  if [ -f tests/e2e/run.mjs ]; then
    say "End-to-end tests in Chromium"
    node tests/e2e/run.mjs "$DIST" || failed=1
  fi
  other_engines || failed=1
  large_archive_tests || failed=1
  say "Checking the size budget"
  check_budget || failed=1
  return "$failed"
}

# `serve --watch` before the plain `serve` below.
if [ "${1:-}" = serve ] && [ "${2:-}" = --watch ]; then
  shift 2
  serve_watch "$@"
  exit
fi

case "${1:-build}" in
  build) build; check_budget ;;
  size) if [ -n "${2:-}" ]; then size_synth "$2"; else build; check_budget; fi ;;
  serve) shift; serve "$@" ;;
  test) run_tests ;;
  bench) cargo bench; bench_browser ;;
  bench-browser) bench_browser ;;
  new) shift; new_statement "$@" ;;
  check) shift; editorial check "$@" ;;
  dev-build) shift; dev_build "$@" ;;
  release) release ;;
  -h|--help|help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0" ;;
  *) echo "usage: ./build.sh [build|serve [PORT] [--watch]|test|size [N]|bench|bench-browser|release|new FILE|check]" >&2; exit 2 ;;
esac
