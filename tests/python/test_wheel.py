"""The built wheel installs into a fresh venv and gives the CLI's document for the sample."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


def wheel() -> Path:
    env = os.environ.get("GLEANER_WHEEL")
    if env:
        return Path(env)
    found = sorted((ROOT / "target" / "wheels").glob("gleaner-*.whl"), key=lambda p: p.stat().st_mtime)
    if not found:
        pytest.fail("no wheel: build it with `cd src/python && maturin build --release -o ../../target/wheels`")
    return found[-1]


def test_wheel_carries_licences_stubs_and_spark():
    names = zipfile.ZipFile(wheel()).namelist()
    for end in ["LICENSE-MIT", "LICENSE-APACHE", "THIRD_PARTY_NOTICES.md"]:
        assert any(n.endswith(end) and ".dist-info/" in n for n in names), (end, names)
    for f in ["gleaner/__init__.py", "gleaner/__init__.pyi", "gleaner/py.typed", "gleaner/spark.py"]:
        assert f in names, (f, names)
    assert any(n.startswith("gleaner/_gleaner") and n.endswith(".so") for n in names), names
    assert "abi3" in wheel().name
    notices = [n for n in names if n.endswith("THIRD_PARTY_NOTICES.md")][0]
    assert b"GeoNames" in zipfile.ZipFile(wheel()).read(notices)


def test_fresh_venv_pip_install_equals_cli(tmp_path, sample, cli):
    venv = tmp_path / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    # offline and without dependencies: the wheel alone must be enough for gleaner.parse
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-index", "--no-deps", str(wheel())],
                   check=True, timeout=300)
    code = ("import gleaner, json, sys; "
            "print(json.dumps(gleaner.parse(open(sys.argv[1], encoding='utf-8').read()))); "
            "print(gleaner.__file__)")
    out = subprocess.run([str(py), "-c", code, str(sample)], capture_output=True, check=True, timeout=300,
                         cwd=tmp_path, text=True)
    doc_line, where = out.stdout.splitlines()
    assert where.startswith(str(venv)), where  # imported from the fresh venv, not the source tree
    assert json.loads(doc_line) == cli([sample])[0]
