"""A real Spark standalone cluster on 127.0.0.1 for the tests and the benchmark.

``StandaloneCluster(workers=2)`` starts one master and ``workers`` workers (1 core each) as
separate JVM processes from PySpark's own ``spark-class``, waits (bounded) until the master
lists every worker as ALIVE, and on exit (also after an error or Ctrl-C) stops the process
groups it started: SIGTERM, then SIGKILL after a grace period. Logs go to ``workdir``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path


def java_missing() -> str | None:
    """None when a Java runtime is usable, else a message saying what to install."""
    java = shutil.which("java")
    if java is None and os.environ.get("JAVA_HOME"):
        cand = Path(os.environ["JAVA_HOME"]) / "bin" / "java"
        java = str(cand) if cand.exists() else None
    if java is None:
        return "no Java runtime (java not on PATH, no JAVA_HOME): apt-get install openjdk-17-jre-headless (bash .ci/setup.sh does)"
    try:
        subprocess.run([java, "-version"], capture_output=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError) as e:
        return f"java -version failed ({e}): install openjdk-17-jre-headless"
    return None


def spark_home() -> Path:
    import pyspark

    return Path(pyspark.__file__).parent


def free_ports(n: int) -> list[int]:
    """``n`` distinct free ports: every socket stays bound until all are picked, so two calls
    cannot hand out the same port (one closed socket's port is free for the next bind)."""
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


# The master's log names the port its web UI really bound (Spark moves to the next port when the
# asked one was taken meanwhile).
UI_BOUND = re.compile(rb"Bound MasterWebUI to \S+ and started at http://[^:\s]+:(\d+)")


class StandaloneCluster:
    def __init__(self, workdir, workers=2, cores=1, memory="1g", timeout=120):
        self.workdir = Path(workdir)
        self.workers = workers
        self.cores = cores
        self.memory = memory
        self.timeout = timeout
        self.procs: list[subprocess.Popen] = []
        self.port, self.ui_port, *self.worker_ui_ports = free_ports(2 + workers)
        self.url = f"spark://127.0.0.1:{self.port}"

    def _start(self, name, *args):
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = open(self.workdir / f"{name}.log", "wb")
        env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", SPARK_HOME=str(spark_home()),
                   SPARK_LOG_DIR=str(self.workdir), SPARK_NO_DAEMONIZE="1")
        p = subprocess.Popen([str(spark_home() / "bin" / "spark-class"), *args], stdout=log,
                             stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                             start_new_session=True)
        self.procs.append(p)
        return p

    def master_ui_port(self) -> int:
        try:
            m = UI_BOUND.search((self.workdir / "master.log").read_bytes())
        except OSError:
            m = None
        return int(m.group(1)) if m else self.ui_port

    def alive_workers(self) -> int:
        """Workers the master lists as ALIVE; -1 while its UI is not up or does not answer JSON
        yet (a UI still starting, or another server on the port, answers an HTML page)."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.master_ui_port()}/json/", timeout=5) as r:
                info = json.load(r)
        except (OSError, ValueError):
            return -1
        if not isinstance(info, dict):
            return -1
        return sum(1 for w in info.get("workers", []) if w.get("state") == "ALIVE")

    def cpu_seconds(self) -> float:
        """CPU time (user + system, with reaped children) of every process this cluster runs:
        master, workers, executors and their Python workers (PySpark's daemon makes its own process
        group, but stays in the session its worker started)."""
        groups = {p.pid for p in self.procs}
        tick = os.sysconf("SC_CLK_TCK")
        total = 0
        for d in Path("/proc").iterdir():
            if not d.name.isdigit():
                continue
            try:
                fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) in groups:  # field 6 of stat: the session (each daemon starts one)
                total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        return total / tick

    def __enter__(self):
        try:
            self._start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                        "--port", str(self.port), "--webui-port", str(self.ui_port))
            for i in range(self.workers):
                work = self.workdir / f"worker{i}"
                self._start(f"worker{i}", "org.apache.spark.deploy.worker.Worker", self.url,
                            "--host", "127.0.0.1", "--cores", str(self.cores), "--memory", self.memory,
                            "--webui-port", str(self.worker_ui_ports[i]), "--work-dir", str(work))
            deadline = time.monotonic() + self.timeout
            while self.alive_workers() < self.workers:
                for p in self.procs:
                    if p.poll() is not None:
                        raise RuntimeError(f"a Spark process exited with {p.returncode}; logs in {self.workdir}")
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{self.workers} workers not ALIVE after {self.timeout} s; logs in {self.workdir}")
                time.sleep(0.5)
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        for p in reversed(self.procs):
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + 20
        for p in self.procs:
            try:
                p.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                p.wait(timeout=10)
        self.procs.clear()


def session(master, app, python, **conf):
    """A SparkSession on ``master`` whose executors run ``python`` (where the wheel is installed)."""
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = python
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"  # bind the driver to loopback only
    os.environ["PYSPARK_DRIVER_PYTHON"] = python
    b = (SparkSession.builder.master(master).appName(app)
         .config("spark.driver.host", "127.0.0.1")
         .config("spark.driver.bindAddress", "127.0.0.1")
         .config("spark.pyspark.python", python)
         .config("spark.ui.enabled", "false")
         .config("spark.ui.showConsoleProgress", "false")
         .config("spark.executor.memory", "1g")
         .config("spark.sql.shuffle.partitions", "8"))
    for k, v in conf.items():
        b = b.config(k, v)
    s = b.getOrCreate()
    s.sparkContext.setLogLevel("ERROR")
    return s
