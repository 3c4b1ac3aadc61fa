"""gleaner.spark on a local[2] Spark: documents and flat tables equal the CLI's."""

from __future__ import annotations

import json
import sys

import pytest

import sparkcluster

LOCAL_DUMPS = 400  # the cluster test runs the full set


@pytest.fixture(scope="module")
def spark(java, tmp_path_factory):
    s = sparkcluster.session("local[2]", "gleaner-local-test", sys.executable,
                             **{"spark.local.dir": str(tmp_path_factory.mktemp("spark-local"))})
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture(scope="module")
def texts(generated, generated_docs):
    out, _ = generated
    names = sorted(generated_docs)[:LOCAL_DUMPS]
    return [(n, (out / n).read_text(encoding="utf-8")) for n in names]


def test_parse_equals_cli(spark, texts, generated_docs):
    from gleaner import spark as gs

    df = spark.createDataFrame(texts + [("null-text", None)], "file string, text string").repartition(4)
    rows = gs.parse(df, "text", output="doc").select("file", "doc").collect()
    got = {r["file"]: r["doc"] for r in rows}
    assert got.pop("null-text") is None
    assert len(got) == len(texts)
    for name, doc in got.items():
        assert json.loads(doc) == generated_docs[name], name


def test_entities_and_quotes_tables_equal_cli(spark, texts, generated_docs):
    from gleaner import spark as gs

    df = spark.createDataFrame(texts, "file string, text string").repartition(3)
    ents = gs.entities(df, "text", keep=["file"])
    assert ents.columns == ["file"] + [n for n, _ in gs.ENTITY_FIELDS]
    got = sorted(tuple(r) for r in ents.collect())
    want = sorted((n, e["id"], e["name"], e["label"], e["count"], e["salience"], e["aliases"])
                  for n, doc in generated_docs.items() if n in dict(texts) for e in doc["entities"])
    assert len(want) > len(texts)  # the dumps are full of names: not a vacuous comparison
    assert [g[:4] + g[5:] for g in got] == [w[:4] + w[5:] for w in want]
    assert all(abs(g[4] - w[4]) < 1e-6 for g, w in zip(got, want))

    qs = gs.quotes(df, "text", keep=["file"]).collect()
    got = sorted(tuple(r) for r in qs)
    want = sorted((n, i, q["text"], q["span"]["start"], q["span"]["end"], q["speaker"], q["entity"], q["cue"])
                  for n, doc in generated_docs.items() if n in dict(texts) for i, q in enumerate(doc["quotes"]))
    assert want and got == want


def test_bad_input_fails_on_the_driver(spark):
    from gleaner import spark as gs

    df = spark.createDataFrame([(1, "x")], "id int, text string")
    with pytest.raises(ValueError, match="no column 'body'"):
        gs.parse(df, "body")
    with pytest.raises(TypeError, match="string column"):
        gs.parse(df, "id")
    with pytest.raises(ValueError, match="already exists"):
        gs.parse(df, "text", output="id")
    with pytest.raises(ValueError, match="reference_date"):
        gs.parse(df, "text", reference_date="yesterday")
    with pytest.raises(ValueError, match="no column 'nope' to keep"):
        gs.entities(df, "text", keep=["nope"])
    with pytest.raises(ValueError, match="clash"):
        gs.quotes(df.withColumnRenamed("id", "speaker"), "text", keep=["speaker"])
    # options reach the executors
    out = gs.parse(df, "text", quotes=False, reference_date="2026-01-09").collect()
    assert json.loads(out[0]["doc"])["quotes"] == []


def test_readme_spark_example_runs(spark, generated, generated_docs, tmp_path):
    from conftest import readme_python_blocks

    out, _ = generated
    names = sorted(generated_docs)[:200]
    (tmp_path / "dumps").mkdir()
    for n in names:
        (tmp_path / "dumps" / n).symlink_to(out / n)
    block = readme_python_blocks()[1]
    assert '"dumps/"' in block
    # the JVM resolves relative paths against its own working directory: give it ours
    block = block.replace('"dumps/"', repr(str(tmp_path / "dumps") + "/"))
    env = {"spark": spark}
    exec(compile(block, "README.md (Spark)", "exec"), env)
    docs = [generated_docs[n] for n in names]
    assert env["people"].count() == sum(1 for d in docs for e in d["entities"] if e["label"] == "PER") > 0
    assert env["said"].count() == sum(len(d["quotes"]) for d in docs)
    assert env["docs"].where("doc is null").count() == 0 and env["docs"].count() == len(names)
