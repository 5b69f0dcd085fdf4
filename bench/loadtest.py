"""`make loadtest`: mixed reads and writes from 64 concurrent clients against gunicorn.

Starts the service as the container does (gunicorn with gunicorn.conf.py, 2 workers)
on 127.0.0.1 against the Redis at REDIS_URL (default redis://127.0.0.1:6379/9) under a
private key prefix, runs a bounded load (at most 60 s), then checks in Redis that every
acknowledged write is stored exactly once. Prints requests/s, latency percentiles and
errors; exits 1 on any error or lost write. Rate limits are off for the run (one address).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import redis

from service.dev.embedded_redis import free_port
from service.storage.keys import Keys

ROOT = Path(__file__).resolve().parents[1]


def article(n: int, run: str) -> str:
    return (
        f"Dispatch {run}-{n}: a storm damaged {n % 50 + 2} homes in the town of Brackwell on "
        f"Monday, and {n % 7} people were injured, the fire service said.\n\n"
        f'"We worked through the night," said chief officer Dana Holt. Load run {run}, item {n}.'
    )


class Load:
    def __init__(self, port: int, run: str, duration: float, write_share: float) -> None:
        self.port, self.run, self.duration, self.write_share = port, run, duration, write_share
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.acknowledged: set[str] = set()
        self.known_ids: list[str] = []
        self.counter = 0

    def next_n(self) -> int:
        with self.lock:
            self.counter += 1
            return self.counter

    def client(self, seed: int) -> None:
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        deadline = time.monotonic() + self.duration
        while time.monotonic() < deadline:
            write = rng.random() < self.write_share or not self.known_ids
            started = time.perf_counter()
            try:
                if write:
                    body = json.dumps({"text": article(self.next_n(), self.run)})
                    conn.request("POST", "/v1/articles", body, {"Content-Type": "application/json"})
                else:
                    article_id = rng.choice(self.known_ids)
                    path = rng.choice(
                        [
                            f"/v1/articles/{article_id}",
                            f"/v1/articles/{article_id}/analysis",
                            f"/v1/articles/{article_id}/casualties",
                            "/v1/articles?limit=20",
                            "/v1/entities?limit=10",
                        ]
                    )
                    conn.request("GET", path)
                response = conn.getresponse()
                payload = response.read()
                elapsed = time.perf_counter() - started
                expected = (200, 201) if write else (200,)
                with self.lock:
                    self.latencies.append(elapsed)
                    if response.status not in expected:
                        self.errors.append(f"{response.status} {payload[:120]!r}")
                    elif write:
                        stored = json.loads(payload)["id"]
                        self.acknowledged.add(stored)
                        self.known_ids.append(stored)
            except (OSError, http.client.HTTPException) as error:
                with self.lock:
                    self.errors.append(f"{type(error).__name__}: {error}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--write-share", type=float, default=0.1)
    args = parser.parse_args(argv)
    seconds = min(args.seconds, 60.0)
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/9"
    prefix = f"nfload:{uuid.uuid4().hex[:8]}:"
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "REDIS_URL": url,
        "REDIS_PREFIX": prefix,
        "LOAD_SEEDS": "false",
        "RATE_LIMIT": "",
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": "2",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "gunicorn.conf.py",
            "service.wsgi:app",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
    )
    client = redis.Redis.from_url(url)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/health")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("server did not start")
            time.sleep(0.2)
        load = Load(port, prefix.strip(":"), seconds, args.write_share)
        threads = [threading.Thread(target=load.client, args=(i,)) for i in range(args.clients)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.monotonic() - started
        keys = Keys(prefix)
        stored = {m.decode() for m in client.zrange(keys.by_date, 0, -1)}
        lost = load.acknowledged - stored
        extra = stored - load.acknowledged
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        for key in client.scan_iter(match=f"{prefix}*", count=1000):
            client.delete(key)

    latencies = sorted(load.latencies)

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    print(
        f"clients={args.clients} seconds={wall:.1f} requests={len(latencies)} "
        f"rate={len(latencies) / wall:.1f}/s writes_acknowledged={len(load.acknowledged)}"
    )
    if latencies:
        print(
            f"latency ms: p50={pct(0.5):.1f} p90={pct(0.9):.1f} p99={pct(0.99):.1f} "
            f"max={latencies[-1] * 1000:.1f} mean={statistics.mean(latencies) * 1000:.1f}"
        )
    print(f"errors={len(load.errors)} lost_writes={len(lost)} unexpected_articles={len(extra)}")
    for error in load.errors[:5]:
        print("  error:", error)
    return 1 if load.errors or lost or extra else 0


if __name__ == "__main__":
    raise SystemExit(main())
