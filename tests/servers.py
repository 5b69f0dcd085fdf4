"""The real server for tests that need one: gunicorn started as the container starts it.

Imported by the fault and browser tests (and nothing else), so every test that
talks to a real process starts it the same way and waits for it the same way.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from service.dev.embedded_redis import free_port

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "service.wsgi:app"]


def call(method: str, url: str, body: dict | None = None, timeout: float = 60):
    """(status, headers, parsed body) without raising on HTTP errors."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, error.headers, json.loads(raw) if raw else None


def wait_until(predicate, timeout: float, interval: float = 0.1) -> None:
    """Poll `predicate` until it is true; connection errors count as not yet."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(interval)
    raise AssertionError("condition not reached in time")


def start_gunicorn(env: Mapping[str, str], port: int) -> subprocess.Popen:
    """gunicorn with gunicorn.conf.py on `port`, answering /health (waits up to 90 s)."""
    process = subprocess.Popen(
        GUNICORN,
        cwd=ROOT,
        env={**env, "PORT": str(port)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: call("GET", f"http://127.0.0.1:{port}/health")[0] == 200, timeout=90)
    except AssertionError:
        stop(process)
        raise
    return process


def stop(process: subprocess.Popen, timeout: float = 60) -> int:
    """SIGTERM, as a container stop sends it; the exit code."""
    process.send_signal(signal.SIGTERM)
    return process.wait(timeout=timeout)


@contextmanager
def running_gunicorn(
    env: Mapping[str, str], port: int | None = None
) -> Iterator[tuple[str, subprocess.Popen]]:
    """(base URL, process) of a started gunicorn, stopped on exit."""
    port = port or free_port()
    process = start_gunicorn(env, port)
    try:
        yield f"http://127.0.0.1:{port}", process
    finally:
        if process.poll() is None:
            stop(process)
