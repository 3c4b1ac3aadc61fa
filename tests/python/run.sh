#!/usr/bin/env bash
# The Python and Spark step of `make test` (README, "Python and Spark"):
#   1. the CLI (the reference) and the abi3 wheel (maturin, feature `python`), both --release
#   2. the wheel installed into .venv (made by .ci/setup.sh), then pytest tests/python:
#      the API against the CLI, a pip install into a fresh venv, Spark local[2] and a real
#      standalone cluster (a master and two workers on 127.0.0.1). Without Java the Spark
#      tests print SKIPPED and the rest still runs.
# Bounded: pytest is stopped after 20 min. Measured on the shared 2-core box at load average
# ~10: 15 min in all, of which the two release builds ~8 min and pytest 6.7 min (19 tests);
# 4.9 min with the builds up to date.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
PY=.venv/bin/python
[[ -x $PY ]] || { echo "tests/python/run.sh: $PY missing: run bash .ci/setup.sh first" >&2; exit 1; }
TARGET="${CARGO_TARGET_DIR:-target}"

cargo build --locked --release --bin gleaner
WHEELS=$(realpath -m "$TARGET/wheels")
rm -f "$WHEELS"/gleaner-*.whl
(cd src/python && ../../.venv/bin/maturin build --locked --release --quiet -o "$WHEELS")
WHEEL=$(ls "$WHEELS"/gleaner-*.whl)
$PY -m pip install --quiet --force-reinstall --no-deps --no-index "$WHEEL"
GLEANER_WHEEL="$WHEEL" GLEANER_CLI="$TARGET/release/gleaner" \
  timeout --kill-after=30 1200 $PY -m pytest tests/python -q -rs -p no:cacheprovider "$@"
