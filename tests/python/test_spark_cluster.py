"""A real Spark standalone cluster (a master and two workers, separate processes on
127.0.0.1) parses a few thousand generated dumps; every document equals the CLI's."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import sparkcluster


@pytest.fixture(scope="module")
def cluster(java, tmp_path_factory):
    with sparkcluster.StandaloneCluster(tmp_path_factory.mktemp("cluster"), workers=2, cores=1) as c:
        yield c


def test_standalone_cluster_equals_cli(cluster, generated, generated_docs, tmp_path):
    from pyspark.sql import functions as F

    from gleaner import spark as gs

    out, n = generated
    spark = sparkcluster.session(cluster.url, "gleaner-cluster-test", sys.executable,
                                 **{"spark.local.dir": str(tmp_path), "spark.executor.cores": "1",
                                    "spark.cores.max": "2"})
    try:
        executors = spark.sparkContext._jsc.sc().getExecutorMemoryStatus().size() - 1  # minus the driver
        deadline = 60
        import time
        while executors < 2 and deadline > 0:
            time.sleep(1)
            deadline -= 1
            executors = spark.sparkContext._jsc.sc().getExecutorMemoryStatus().size() - 1
        assert executors == 2, f"{executors} executors registered; logs in {cluster.workdir}"
        # files as the CLI reads them: a leading UTF-8 BOM is an encoding mark, not text
        df = (spark.read.text(str(out), wholetext=True)
              .withColumn("text", F.regexp_replace("value", "^\ufeff", "")).drop("value")
              .withColumn("path", F.input_file_name()))
        rows = gs.parse(df, "text", output="doc").select("path", "doc").collect()
    finally:
        spark.stop()
    got = {Path(r["path"]).name: r["doc"] for r in rows}
    assert len(got) == n == len(generated_docs)
    bad = [name for name, doc in got.items() if json.loads(doc) != generated_docs[name]]
    assert not bad, f"{len(bad)} of {n} documents differ from the CLI's, e.g. {bad[:5]}"
