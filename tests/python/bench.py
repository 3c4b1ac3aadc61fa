"""Benchmark: docs/s/core for parse_many (1 and 2 jobs) and Spark (1 and 2 workers) on one
batch of dumps cut from ../shared/dumps, and how the cost grows with input size.

    .venv/bin/python tests/python/bench.py [--docs 1500] [--repeat 3] [--no-spark]

(after the wheel is installed: ``bash tests/python/run.sh`` or see the README). Each
configuration runs ``--repeat`` times, interleaved; the script prints every run's time and
the range, since the 2-core box is shared and the low ends are the loaded runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import dumps  # noqa: E402
import sparkcluster  # noqa: E402

import gleaner  # noqa: E402


def timed(f, cpu=None):
    c = time.process_time()
    t = time.perf_counter()
    f()
    wall = time.perf_counter() - t
    if cpu is not None:
        cpu.append((time.process_time() - c) / wall)  # cores this process kept busy
    return wall


def show(name, docs, cores, secs):
    rates = [docs / s / cores for s in secs]
    print(f"  {name:<28} {min(rates):8.1f} – {max(rates):8.1f} docs/s/core   "
          f"(runs: {', '.join(f'{s:.2f} s' for s in secs)})", flush=True)
    return rates


def ratio(label, fast, slow):
    pairs = [a / b for a, b in zip(fast, slow)]
    print(f"  {label}: {min(pairs):.2f}x – {max(pairs):.2f}x (run by run), "
          f"best vs best {max(fast) / max(slow):.2f}x", flush=True)


def bench_parse_many(texts, repeat):
    g = gleaner.Gleaner()
    g.parse_many_json(texts[:50], jobs=2)  # load the model
    one, two, busy1, busy2 = [], [], [], []
    for _ in range(repeat):
        one.append(timed(lambda: g.parse_many_json(texts, jobs=1), busy1))
        two.append(timed(lambda: g.parse_many_json(texts, jobs=2), busy2))
    print(f"parse_many over {len(texts)} dumps ({sum(len(t.encode()) for t in texts) / 1e6:.1f} MB):")
    r1 = show("jobs=1", len(texts), 1, one)
    r2 = show("jobs=2", len(texts), 2, two)
    per_cpu = lambda secs, busy: ", ".join(f"{len(texts) / (s * b):.1f}" for s, b in zip(secs, busy))
    print(f"  docs per CPU-second: jobs=1 {per_cpu(one, busy1)}; jobs=2 {per_cpu(two, busy2)} (equal = no threading overhead)")
    print(f"  cores kept busy (CPU time / wall time): jobs=1 {', '.join(f'{b:.2f}' for b in busy1)}; "
          f"jobs=2 {', '.join(f'{b:.2f}' for b in busy2)} (below 2 = the other load took the rest)")
    ratio("jobs=2 / jobs=1 throughput", [2 * r for r in r2], r1)


def bench_spark(texts, repeat, workdir):
    from pyspark.sql import functions as F

    from gleaner import spark as gs

    results, cpus = {}, {}
    for workers in (1, 2):
        with sparkcluster.StandaloneCluster(Path(workdir) / f"c{workers}", workers=workers, cores=1) as c:
            spark = sparkcluster.session(c.url, f"gleaner-bench-{workers}", sys.executable,
                                         **{"spark.local.dir": str(workdir), "spark.cores.max": str(workers)})
            try:
                df = spark.createDataFrame(list(enumerate(texts)), "id long, text string").repartition(16).cache()
                df.count()
                gs.parse(df.limit(50), "text").count()  # start the Python workers, load the model
                # a new DataFrame each run: collecting the same one again skips its finished stages
                secs, cpu = [], []
                for _ in range(repeat):
                    c0 = c.cpu_seconds()
                    secs.append(timed(lambda: gs.parse(df, "text").select(F.sum(F.length("doc"))).collect()))
                    cpu.append(c.cpu_seconds() - c0)
            finally:
                spark.stop()
        results[workers] = secs
        cpus[workers] = cpu
    print(f"Spark standalone, 1 core per worker, 16 partitions, {len(texts)} dumps:")
    r1 = show("1 worker", len(texts), 1, results[1])
    r2 = show("2 workers", len(texts), 2, results[2])
    ratio("2 workers / 1 worker throughput", [2 * r for r in r2], r1)
    for w in (1, 2):
        print(f"  {w} worker(s): {', '.join(f'{len(texts) / c:.1f}' for c in cpus[w])} docs per CPU-second of the cluster's "
              f"processes; cores kept busy {', '.join(f'{c / s:.2f}' for c, s in zip(cpus[w], results[w]))}")


def bench_sizes(pool, repeat):
    g = gleaner.Gleaner()
    print("cost vs input size (one dump built from distinct generated pieces; jobs=1; CPU time, so the")
    print("other load does not count; best of several runs):")
    base = None
    for size in (2_000, 8_000, 32_000, 128_000, 512_000, 2_000_000):
        parts, n = [], 0
        for t in pool:
            parts.append(t)
            n += len(t.encode())
            if n >= size:
                break
        text = "".join(parts)
        runs = max(repeat, min(20, 2_000_000 // size))
        cpu = []
        for _ in range(runs):
            c = time.process_time()
            g.parse_json(text)
            cpu.append(time.process_time() - c)
        secs = min(cpu)
        kb = len(text.encode()) / 1000
        per_kb = secs / kb * 1e3
        base = base or per_kb
        print(f"  {kb:8.0f} KB   {secs * 1e3:9.1f} ms CPU   {per_kb:6.2f} ms/KB   ({per_kb / base:.2f}x the smallest's cost per KB)",
              flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-spark", action="store_true")
    a = ap.parse_args()
    if not dumps.DUMPS.exists():
        sys.exit(f"SKIPPED: {dumps.DUMPS} missing")
    texts = list(dumps.pieces(a.docs))
    print(f"gleaner {gleaner.__version__}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    bench_parse_many(texts, a.repeat)
    if not a.no_spark:
        why = sparkcluster.java_missing()
        if why:
            print(f"SKIPPED Spark: {why}")
        else:
            with tempfile.TemporaryDirectory() as d:
                bench_spark(texts, a.repeat, d)
    bench_sizes(list(dumps.pieces(800, seed=7)), a.repeat)
    print(f"load average {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    main()
