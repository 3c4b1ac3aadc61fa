#!/usr/bin/env bash
# Build the wasm module and the JS package (one package for browsers, bundlers, Node and workers):
#   pkg/       gleaner_wasm.js + gleaner_bg.wasm + gleaner.d.ts (wasm-bindgen --target web),
#              gleaner.js (the entry: the same API with clear state errors),
#              node.js (Node entry: instantiates from the bytes), worker.js + worker.d.ts
#              (module Web Worker entry), package.json with "exports"
#   www/pkg/   a copy of pkg/, served with the page, and page-worker.js (pkg/worker.js bundled)
# wasm-opt -Oz comes from npm binaryen (>= 116). Debian's binaryen 108 corrupts the module.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

cargo build --locked --target wasm32-unknown-unknown --release --features wasm --lib
WASM="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/gleaner.wasm"

rm -rf pkg www/pkg
wasm-bindgen --target web --out-dir pkg --out-name gleaner "$WASM"
rm -f pkg/gleaner_bg.wasm.d.ts
# the generated module becomes gleaner_wasm.js; gleaner.js (.ci/pkg) wraps it with the same API
# (gleaner.d.ts stays the generated one) and clear errors for use before init(), after free(),
# and out of memory
mv pkg/gleaner.js pkg/gleaner_wasm.js

if [[ "${NO_WASM_OPT:-}" != 1 ]]; then
  WASM_OPT="${WASM_OPT:-node_modules/.bin/wasm-opt}"
  ver=$("$WASM_OPT" --version | grep -oE '[0-9]+' | head -1)
  if (( ver < 116 )); then
    echo "build.sh: $WASM_OPT is binaryen $ver (< 116 writes broken modules); refusing" >&2; exit 1
  fi
  # --no-inline: each pipeline stage stays a wasm function of its own (see pipeline::apart);
  # -Oz would inline every single-caller function back into one of about 180 KB, which V8
  # compiles whole before the first parse, even a structure-only one. The pattern matches the
  # demangled names wasm-bindgen writes: refuse to build if they no longer match
  grep -aq 'gleaner::pipeline::apart' pkg/gleaner_bg.wasm \
    || { echo "build.sh: no gleaner::pipeline::apart in the name section: fix the --no-inline pattern" >&2; exit 1; }
  "$WASM_OPT" --no-inline='gleaner::pipeline::apart*' --one-caller-inline-max-function-size=500 -Oz pkg/gleaner_bg.wasm -o pkg/gleaner_bg.wasm.opt
  mv pkg/gleaner_bg.wasm.opt pkg/gleaner_bg.wasm
fi

VERSION=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
sed "s/@VERSION@/$VERSION/" .ci/pkg/package.json > pkg/package.json
cp .ci/pkg/gleaner.js .ci/pkg/node.js .ci/pkg/node.d.ts .ci/pkg/worker.d.ts .ci/pkg/README.md pkg/
# the model and gazetteers are built from third-party data: their notices travel with the package
cp src/data/THIRD_PARTY_NOTICES.md pkg/
# the licence texts (the package is MIT OR Apache-2.0, as Cargo.toml says)
cp src/python/LICENSE-MIT src/python/LICENSE-APACHE pkg/
# the page's worker loads ./pkg/gleaner.js and ./pkg/gleaner_bg.wasm; inside the package they sit next to it
sed "s#'./pkg/#'./#g" www/worker.js > pkg/worker.js
grep -q "import('./gleaner.js')" pkg/worker.js && grep -q "'./gleaner_bg.wasm'" pkg/worker.js \
  || { echo "build.sh: worker imports not rewritten" >&2; exit 1; }
cp -r pkg www/pkg
# the page's worker: pkg/worker.js with gleaner.js and gleaner_wasm.js bundled in (esbuild, an npm
# dev dependency), so that its start-up waits for one script instead of a script and then its
# imports (a round trip each); unbundled where esbuild is missing
ESBUILD="${ESBUILD:-node_modules/.bin/esbuild}"
if [[ -x "$ESBUILD" ]]; then
  "$ESBUILD" pkg/worker.js --bundle --format=esm --log-level=warning --outfile=www/pkg/page-worker.js
else
  echo "build.sh: $ESBUILD not found (npm ci): the page's worker is not bundled" >&2
  cp pkg/worker.js www/pkg/page-worker.js
fi

raw=$(stat -c %s pkg/gleaner_bg.wasm)
gz=$(gzip -9 -c pkg/gleaner_bg.wasm | wc -c)
awk -v r="$raw" -v g="$gz" 'BEGIN { printf "gleaner_bg.wasm (wasm-opt -Oz): %d bytes raw (%.1f KiB), %d bytes gzip -9 (%.1f KiB)\n", r, r/1024, g, g/1024 }'
