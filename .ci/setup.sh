#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian + rustup + Node machine that reaches only the package
# registries (crates.io, npm, Debian apt). Installs only what is missing; safe to re-run.
#   chromium + chromium-driver (apt)   headless browser for wasm-bindgen-test and Playwright
#   wasm32-unknown-unknown (rustup)    the wasm target
#   wasm-bindgen-cli (cargo install)   exactly the wasm-bindgen version in Cargo.lock
#   node_modules (npm ci)              playwright-core, binaryen (wasm-opt), typescript: pinned
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
log() { printf '== setup: %s\n' "$*"; }

missing=()
command -v chromium     >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v node         >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

WB_VER=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
[[ -n "$WB_VER" ]] || { echo "setup: wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VER" ]] \
   || ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  log "cargo install wasm-bindgen-cli $WB_VER (3.5-9 min on 2 cores)"
  # not --locked: its shipped lockfile pins a crate version the registry does not serve
  cargo install wasm-bindgen-cli --version "$WB_VER" --force
fi

# node_modules/.gleaner-lock holds the sha256 of the package-lock.json it was installed from, so
# a copied, stale or hand-edited node_modules is reinstalled (an mtime check misses copies).
LOCK_SHA=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ "$(cat node_modules/.gleaner-lock 2>/dev/null || true)" != "$LOCK_SHA" ]]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$LOCK_SHA" > node_modules/.gleaner-lock
fi
# --- Python and Spark (tests/python, README "Python and Spark") -------------------------------
# A JRE from Debian for PySpark, and .venv (gitignored) with pinned PyPI tools. Only what is missing.
# pandas: PySpark 4 needs it for mapInArrow
PY_PINS=(maturin==1.16.0 pytest==9.2.0 pyspark==4.3.0 pyarrow==26.0.1 pandas==2.3.3 numpy==2.4.6)
if ! command -v java >/dev/null 2>&1; then
  log "apt-get install openjdk-17-jre-headless"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
fi
if [[ ! -x .venv/bin/python ]]; then
  log "python3 -m venv .venv ($(python3 --version))"
  python3 -m venv .venv
fi
if ! .venv/bin/python - "${PY_PINS[@]}" <<'PY'
import importlib.metadata as m, sys
def have(pin):
    name, want = pin.split("==")
    try:
        return m.version(name) == want
    except m.PackageNotFoundError:
        return False
sys.exit(0 if all(have(p) for p in sys.argv[1:]) else 1)
PY
then
  log "pip install ${PY_PINS[*]} into .venv"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "${PY_PINS[@]}"
fi
# --- end Python and Spark ----------------------------------------------------------------------
log "ok: $(rustc --version) | $(wasm-bindgen --version) | $(chromium --version 2>/dev/null) | node $(node --version)"
