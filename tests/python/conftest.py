"""Shared fixtures: the CLI as the reference, the sample, generated dumps, Java/Spark checks.

Run from the repo top: ``.venv/bin/python -m pytest tests/python`` after installing the
wheel (``make test`` does both; see the README, "Python and Spark").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import dumps  # noqa: E402
import sparkcluster  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def cli_path() -> Path:
    env = os.environ.get("GLEANER_CLI")
    if env:
        return Path(env)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "release" / "gleaner"


@pytest.fixture(scope="session")
def cli():
    """Run the CLI (built with ``cargo build --release --bin gleaner``); returns parsed JSON docs."""
    exe = cli_path()
    if not exe.exists():
        subprocess.run(["cargo", "build", "--release", "--locked", "--bin", "gleaner"], cwd=ROOT, check=True)

    def run(files, *flags):
        files = [str(f) for f in files]
        out = subprocess.run([str(exe), "--jsonl", *flags, *files], capture_output=True, check=True, timeout=900)
        lines = out.stdout.decode().splitlines()
        assert len(lines) == len(files), out.stderr.decode()
        docs = [json.loads(line) for line in lines]
        for d in docs:
            d.pop("file", None)  # the JSONL record's label (which input it came from), not the document
        return docs

    return run


@pytest.fixture(scope="session")
def sample():
    if not dumps.SAMPLE.exists():
        pytest.skip(f"SKIPPED: {dumps.SAMPLE} missing (../shared not laid out)")
    return dumps.SAMPLE


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """A few thousand dumps cut from ../shared/dumps, with the CLI's documents for them."""
    if not dumps.DUMPS.exists():
        pytest.skip(f"SKIPPED: {dumps.DUMPS} missing (../shared not laid out)")
    n = int(os.environ.get("GLEANER_SPARK_DUMPS", "3000"))
    return tmp_path_factory.mktemp("dumps"), n


@pytest.fixture(scope="session")
def generated_docs(generated, cli):
    out, n = generated
    paths = dumps.generate(out, n)
    assert len(paths) == n, f"only {len(paths)} pieces from {dumps.DUMPS}"
    return {p.name: doc for p, doc in zip(paths, cli(paths))}


@pytest.fixture(scope="session")
def java():
    why = sparkcluster.java_missing()
    if why:
        print(f"SKIPPED: Spark tests: {why}", file=sys.stderr)
        pytest.skip(f"SKIPPED: Spark tests: {why}")


def readme_python_blocks():
    """The ```python blocks of the README's "Python and Spark" section, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Python and Spark", 1)[1].split("\n## ", 1)[0]
    return [b.split("```", 1)[0] for b in section.split("```python\n")[1:]]
