"""Faults against the real server process: Redis dies and returns, a worker is killed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from service.dev.embedded_redis import EmbeddedRedis
from service.nlp.text import article_id
from tests.servers import call, running_gunicorn, wait_until

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def private_redis(tmp_path):
    server = EmbeddedRedis(tmp_path / "redis").start()
    yield server
    server.stop()


@pytest.fixture
def server(private_redis):
    """gunicorn with the project's config, as the container runs it, on the private Redis."""
    env = {
        **os.environ,
        "REDIS_URL": private_redis.url,
        "WEB_CONCURRENCY": "2",
        "LOAD_SEEDS": "false",
        "REDIS_TIMEOUT": "0.5",
        "RATE_LIMIT": "",
    }
    with running_gunicorn(env) as (base, process):
        yield base, process


def story(n: int) -> dict:
    return {
        "text": f"Storm report {n}: high winds closed the harbour at Kellan on day {n}, "
        f"and {n + 2} fishing boats were damaged, the coastguard said."
    }


def test_redis_outage_gives_503_then_service_resumes_without_restart(server, private_redis):
    base, process = server
    status, _, stored = call("POST", f"{base}/v1/articles", story(1))
    assert status == 201
    time.sleep(1.2)  # AOF is fsynced every second
    private_redis.process.send_signal(signal.SIGKILL)
    private_redis.process.wait()

    for method, path, body in [
        ("GET", "/v1/articles", None),
        ("POST", "/v1/articles", story(2)),
        ("GET", f"/v1/articles/{stored['id']}/summary", None),
    ]:
        status, headers, problem = call(method, f"{base}{path}", body)
        assert status == 503, (path, status)
        assert headers["Content-Type"] == "application/problem+json"
        assert int(headers["Retry-After"]) > 0 and problem["status"] == 503
    status, _, health = call("GET", f"{base}/health")
    assert status == 503 and health["status"] == "degraded"
    assert process.poll() is None, "gunicorn must survive the outage"

    private_redis.start()  # same port, same folder: the append-only file is replayed
    wait_until(lambda: call("GET", f"{base}/health")[0] == 200, timeout=10)
    status, _, listed = call("GET", f"{base}/v1/articles")
    assert status == 200 and [a["id"] for a in listed["items"]] == [stored["id"]]
    assert call("POST", f"{base}/v1/articles", story(3))[0] == 201


def test_acknowledged_articles_survive_a_redis_kill(server, private_redis):
    base, _ = server
    acknowledged = [call("POST", f"{base}/v1/articles", story(n))[2]["id"] for n in range(10)]
    time.sleep(1.2)
    private_redis.process.send_signal(signal.SIGKILL)
    private_redis.process.wait()
    private_redis.start()
    wait_until(lambda: call("GET", f"{base}/health")[0] == 200, timeout=10)
    listed = call("GET", f"{base}/v1/articles?limit=100")[2]["items"]
    assert sorted(a["id"] for a in listed) == sorted(acknowledged)


def worker_pids(master: subprocess.Popen) -> set[str]:
    found = subprocess.run(["pgrep", "-P", str(master.pid)], capture_output=True, text=True)
    return set(found.stdout.split())


def test_workers_killed_mid_request_are_replaced_and_the_next_request_succeeds(server):
    base, process = server
    wait_until(lambda: len(worker_pids(process)) == 2, timeout=30)
    before = worker_pids(process)
    long_text = {
        "text": " ".join(f"Paragraph {n} says the council met again." for n in range(3000))
    }
    in_flight: dict = {}

    def slow_post():
        try:
            in_flight["status"] = call("POST", f"{base}/v1/articles", long_text)[0]
        except (urllib.error.URLError, ConnectionError) as error:
            in_flight["error"] = error

    thread = threading.Thread(target=slow_post)
    thread.start()
    time.sleep(0.5)  # the article is being analysed now
    for pid in before:
        os.kill(int(pid), signal.SIGKILL)
    thread.join(timeout=60)
    # The request in flight dies with its worker, and leaves nothing half-stored.
    assert "error" in in_flight, in_flight
    wait_until(
        lambda: len(worker_pids(process)) == 2 and not worker_pids(process) & before, timeout=60
    )
    assert process.poll() is None
    assert [call("GET", f"{base}/v1/articles")[0] for _ in range(10)] == [200] * 10
    assert call("POST", f"{base}/v1/articles", story(7))[0] == 201
    assert call("GET", f"{base}/v1/articles/{article_id(long_text['text'])}")[0] == 404


def test_no_worker_serves_a_part_of_a_deleted_article_from_its_local_copy(server):
    """Both workers hold the article's parts in memory; the DELETE's invalidation reaches
    each of them before the client can ask again."""
    base, process = server
    wait_until(lambda: len(worker_pids(process)) == 2, timeout=30)
    stored = call("POST", f"{base}/v1/articles", story(11))[2]
    parts = [f"/v1/articles/{stored['id']}/{part}" for part in ("analysis", "casualties")]
    for _ in range(3):
        served = [call("GET", f"{base}{path}") for _ in range(10) for path in parts]
        assert {status for status, _, _ in served} == {200}
        assert call("DELETE", f"{base}/v1/articles/{stored['id']}")[0] == 204
        assert [call("GET", f"{base}{path}")[0] for _ in range(10) for path in parts] == [404] * 20
        assert call("POST", f"{base}/v1/articles", story(11))[0] == 201
    etags = {headers["ETag"] for _ in range(10) for _, headers, _ in [call("GET", base + parts[0])]}
    assert etags == {served[0][1]["ETag"]}


def test_idle_and_slow_clients_cannot_deny_service(server):
    """100 connections that send nothing and 20 that trickle a body: with the default two
    workers, /health and a cached read still answer within a second."""
    base, _ = server
    status, _, stored = call("POST", f"{base}/v1/articles", story(3))
    assert status == 201
    read = f"{base}/v1/articles/{stored['id']}/summary"
    assert call("GET", read)[0] == 200  # cached from now on
    port = int(base.rsplit(":", 1)[1])
    sockets = [socket.create_connection(("127.0.0.1", port)) for _ in range(100)]
    for _ in range(20):
        slow = socket.create_connection(("127.0.0.1", port))
        slow.sendall(
            b"POST /v1/articles HTTP/1.1\r\nHost: newsfacts\r\nContent-Type: application/json\r\n"
            b'Content-Length: 100000\r\n\r\n{"text": "'
        )
        sockets.append(slow)
    try:
        time.sleep(0.5)
        for url in (f"{base}/health", read):
            started = time.monotonic()
            assert call("GET", url, timeout=5)[0] == 200
            assert time.monotonic() - started < 1.0
    finally:
        for sock in sockets:
            sock.close()
