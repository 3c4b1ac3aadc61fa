"""The Python API against the CLI: same documents, clear errors, parallel parse_many."""

from __future__ import annotations

import json
import threading

import pytest

import gleaner

# Invented dump of the usual shape (headline list, then an article).
DUMP = """-
Harbour city opens new ferry terminal
-
Storm delays harvest across the northern plains
Valdoria signs trade pact with Meridian Union
Port Aster, March 3 (Coastline News)--Valdoria's trade minister Elena Marsh signed a pact with the Meridian Union on Tuesday, officials said.
"This opens our ports to a new century," Marsh told reporters in Port Aster.
The pact cuts tariffs by 12% and is worth $3 billion a year.
J.Okafor--CN
"""


def test_parse_equals_cli_on_the_sample(sample, cli):
    want = cli([sample])[0]
    assert gleaner.parse(sample.read_text(encoding="utf-8")) == want
    assert json.loads(gleaner.parse_json(sample.read_text(encoding="utf-8"))) == want


def test_options_equal_the_cli_flags(tmp_path, cli):
    f = tmp_path / "d.txt"
    f.write_text(DUMP, encoding="utf-8")
    cases = [
        ({"reference_date": "2026-03-04"}, ["--reference-date", "2026-03-04"]),
        ({"quotes": False, "clusters": False}, ["--no-quotes", "--no-clusters"]),
        ({"entities": False, "times": False, "amounts": False}, ["--no-entities", "--no-times", "--no-amounts"]),
    ]
    for options, flags in cases:
        want = cli([f], *flags)[0]
        assert gleaner.parse(DUMP, **options) == want, options
        assert gleaner.Gleaner(**options).parse(DUMP) == want, options
    # the options change the output (the comparison above is not vacuous)
    assert cli([f], "--no-quotes")[0] != cli([f])[0]


def test_spans_are_utf8_bytes_as_in_the_cli():
    text = "-\nCafé 😀 owners welcome Zürich visitors\n-\nSecond headline here\n"
    doc = gleaner.parse(text)
    raw = text.encode()
    for h in doc["headlines"]:
        s = h["span"]
        assert raw[s["start"]:s["end"]].decode() == h["text"]


def test_non_str_text_is_a_type_error():
    g = gleaner.Gleaner()
    for bad in [None, 3, b"bytes", ["a"]]:
        with pytest.raises(TypeError, match="must be a str"):
            g.parse(bad)
    with pytest.raises(TypeError, match="decode"):
        gleaner.parse(b"-\nA headline\n")
    with pytest.raises(TypeError, match=r"texts\[1\] must be a str, not int"):
        g.parse_many(["ok", 7, "ok"])
    with pytest.raises(TypeError, match="not one str"):
        g.parse_many("a single dump")
    with pytest.raises(TypeError, match="iterable"):
        g.parse_many(5)


def test_bad_options_raise_clear_errors():
    with pytest.raises(ValueError, match=r'invalid reference_date "2026-02-30".*YYYY-MM-DD'):
        gleaner.Gleaner(reference_date="2026-02-30")
    with pytest.raises(ValueError, match="reference_date"):
        gleaner.parse("x", reference_date="9 Jan 2026")
    with pytest.raises(TypeError, match="reference_date must be a str"):
        gleaner.Gleaner(reference_date=20260109)
    with pytest.raises(TypeError, match="quotes"):
        gleaner.Gleaner(quotes="no")
    with pytest.raises(TypeError, match="quotes"):
        gleaner.Gleaner(quotes=0)
    with pytest.raises(TypeError, match="referenceDate"):
        gleaner.Gleaner(referenceDate="2026-01-09")
    with pytest.raises(TypeError):
        gleaner.Gleaner("2026-01-09")  # options are keyword-only
    with pytest.raises(ValueError, match="at least 1"):
        gleaner.Gleaner().parse_many(["x"], jobs=0)
    with pytest.raises(TypeError, match="jobs"):
        gleaner.Gleaner().parse_many(["x"], jobs="2")
    # the module keeps working afterwards
    assert gleaner.parse(DUMP)["kind"] == gleaner.Gleaner().parse(DUMP)["kind"]


def test_any_str_parses():
    g = gleaner.Gleaner()
    for text in ["", "\n", "\x00" * 10, "“" * 500, "a" * 20000, "\ud800 lone surrogate", "ÿ\u0301" * 100]:
        doc = g.parse(text)
        assert doc["stats"]["bytes"] == len(text.encode("utf-8", "surrogatepass"))
    # a lone surrogate counts as the 3 bytes of U+FFFD: later spans stay exact
    text = "\udc80 x\n-\nLone surrogate before this headline\n-\nSecond headline stays exact\n"
    raw = text.encode("utf-8", "surrogatepass")
    spans = {h["text"]: h["span"] for h in g.parse(text)["headlines"]}
    s = spans["Second headline stays exact"]
    assert raw[s["start"]:s["end"]] == b"Second headline stays exact"


def test_parse_many_equals_parse_in_order():
    texts = [DUMP, "", DUMP.replace("Marsh", "Ortega"), "-\nOne\n-\nTwo\n"] * 5
    g = gleaner.Gleaner(reference_date="2026-03-04")
    want = [g.parse(t) for t in texts]
    for jobs in [None, 1, 2, 3, 64]:
        assert g.parse_many(texts, jobs=jobs) == want, jobs
        assert [json.loads(j) for j in g.parse_many_json(iter(texts), jobs=jobs)] == want, jobs
    assert gleaner.parse_many(texts, jobs=2, reference_date="2026-03-04") == want
    assert g.parse_many([]) == []


def test_parse_many_releases_the_gil():
    texts = [DUMP * 40] * 16
    g = gleaner.Gleaner()
    g.parse(texts[0])  # load the model first
    ticks = 0
    stop = threading.Event()

    def count():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    t = threading.Thread(target=count)
    t.start()
    try:
        before = ticks
        g.parse_many_json(texts, jobs=1)
        during = ticks - before
    finally:
        stop.set()
        t.join()
    # a call that held the GIL would leave the counting thread at most a few switch intervals
    assert during > 100_000, during


def test_gleaner_is_shared_across_python_threads():
    g = gleaner.Gleaner()
    want = g.parse(DUMP)
    results = []

    def work():
        results.append(g.parse(DUMP) == want)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 4


def test_version_and_docs():
    assert gleaner.__version__.count(".") == 2
    assert "CLI" in gleaner.parse.__doc__ and "jobs" in gleaner.parse_many.__doc__
    assert "reference_date" in gleaner.Gleaner.__doc__
    assert repr(gleaner.Gleaner(quotes=False, reference_date="2026-01-09")) == (
        'gleaner.Gleaner(reference_date="2026-01-09", entities=True, quotes=False, times=True, amounts=True, clusters=True)')


def test_stubs_match_the_module():
    import ast
    from pathlib import Path

    stub = ast.parse((Path(gleaner.__file__).parent / "__init__.pyi").read_text())
    names = {n.name for n in stub.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    names |= {t.id for n in stub.body if isinstance(n, ast.AnnAssign) for t in [n.target]}
    assert set(gleaner.__all__) <= names
    cls = {n.name: n for n in stub.body if isinstance(n, ast.ClassDef)}
    methods = {f.name for f in cls["Gleaner"].body if isinstance(f, ast.FunctionDef)}
    assert {m for m in dir(gleaner.Gleaner) if not m.startswith("_")} <= methods
    options = [f.target.id for f in cls["Options"].body if isinstance(f, ast.AnnAssign)]
    init = [a.arg for a in next(f for f in cls["Gleaner"].body if getattr(f, "name", "") == "__init__").args.kwonlyargs]
    assert options == init
    for key in options:  # every stub option is a real keyword; values of the stub's types
        gleaner.Gleaner(**{key: "2026-01-09" if key == "reference_date" else False})


def test_readme_python_example_runs():
    from conftest import readme_python_blocks

    block = readme_python_blocks()[0]
    env = {"text": DUMP, "texts": [DUMP, "", DUMP]}
    exec(compile(block, "README.md (Python and Spark)", "exec"), env)
    assert env["docs"] == [env["g"].parse(t) for t in env["texts"]]
    assert [json.loads(j) for j in env["lines"]] == env["docs"]
