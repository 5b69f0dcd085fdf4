"""Redis going away: 503 problem+json with Retry-After, and recovery without a restart."""

from __future__ import annotations

import socket
import threading

import pytest

from service.dev.embedded_redis import EmbeddedRedis, free_port
from tests.fixtures.articles import FLOOD


@pytest.fixture
def dead_port():
    return free_port()


@pytest.fixture
def outage_app(make_app, dead_port):
    # Seeds on: they must wait for Redis instead of failing the start.
    return make_app(
        redis_url=f"redis://127.0.0.1:{dead_port}/0", redis_timeout=0.5, load_seeds=True
    )


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("get", "/v1/articles", {}),
        ("get", "/v1/articles/0123456789abcdef", {}),
        ("get", "/v1/articles/0123456789abcdef/summary", {}),
        ("post", "/v1/articles", {"json": {"text": FLOOD}}),
        ("delete", "/v1/articles/0123456789abcdef", {}),
        ("post", "/v1/analyze", {"json": {"text": FLOOD}}),
        ("post", "/v1/articles/batch", {"json": {"articles": [{"text": FLOOD}]}}),
        ("get", "/v1/jobs/b0123456789abcdef0123456", {}),
        ("get", "/v1/entities", {}),
        ("get", "/v1/quotes?speaker=ortiz", {}),
        ("get", "/v1/casualties", {}),
        ("get", "/v1/articles?entity=Helen%20Ortiz", {}),
    ],
)
def test_requests_needing_redis_get_503(outage_app, method, path, kwargs):
    response = getattr(outage_app.test_client(), method)(path, **kwargs)
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert int(response.headers["Retry-After"]) > 0
    assert response.get_json()["status"] == 503


def test_health_is_degraded(outage_app):
    response = outage_app.test_client().get("/health")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "degraded"
    assert body["checks"]["redis"].startswith("unavailable")


def test_service_recovers_when_redis_comes_back(outage_app, dead_port, tmp_path, monkeypatch):
    client = outage_app.test_client()
    assert client.get("/v1/articles").status_code == 503
    monkeypatch.setattr("service.app.SEED_RETRY_SECONDS", 0.0)
    server = EmbeddedRedis(tmp_path, port=dead_port).start()
    try:
        # Same app object, no restart: the client reconnects and deferred seeds load.
        health = client.get("/health")
        assert health.status_code == 200, health.data
        assert client.post("/v1/articles", json={"text": FLOOD}).status_code == 201
        items = client.get("/v1/articles").get_json()["items"]
        assert len(items) == 2  # the seed, loaded late, and the new article
    finally:
        server.stop()


@pytest.fixture
def silent_redis():
    """A TCP server that accepts connections and never answers: a paused or cut-off Redis."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.05)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], accepted
    stop.set()
    thread.join()
    for connection in [server, *accepted]:
        connection.close()


def test_a_silent_redis_is_waited_for_once_then_503_at_once(make_app, silent_redis):
    port, accepted = silent_redis
    app = make_app(redis_url=f"redis://127.0.0.1:{port}/0", redis_timeout=0.3, retry_after=30)
    client = app.test_client()
    assert client.get("/v1/articles").status_code == 503
    for path in ("/v1/articles", "/v1/articles/0123456789abcdef/summary", "/v1/entities"):
        response = client.get(path)
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "30"
    assert client.get("/health").get_json()["checks"]["redis"].startswith("unavailable")
    # One connection timed out; for the next 30 s nothing else was sent to Redis.
    assert len(accepted) == 1
