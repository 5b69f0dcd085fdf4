"""Graceful shutdown: SIGTERM lets in-flight requests and jobs finish."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from service.dev.embedded_redis import free_port
from service.nlp.text import article_id
from tests.faults.test_worker_killed import long_article
from tests.servers import call, running_gunicorn, start_gunicorn, wait_until

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def test_sigterm_lets_gunicorn_finish_the_request_in_flight(worker_env):
    port = free_port()
    env = {**worker_env, "PORT": str(port), "LOAD_SEEDS": "false", "RATE_LIMIT": ""}
    server = start_gunicorn(env, port)
    base = f"http://127.0.0.1:{port}"
    text = " ".join(f"Paragraph {n} says the council met again on Monday." for n in range(1500))
    answer: dict = {}
    thread = threading.Thread(
        target=lambda: answer.update(status=call("POST", f"{base}/v1/articles", {"text": text})[0])
    )
    thread.start()
    time.sleep(0.5)
    server.send_signal(signal.SIGTERM)
    thread.join(timeout=60)
    assert server.wait(timeout=60) == 0
    assert answer.get("status") == 201
    # Stored for good: a new server on the same Redis finds it.
    with running_gunicorn(env, port):
        assert call("GET", f"{base}/v1/articles/{article_id(text)}")[0] == 200


def test_sigterm_lets_a_worker_finish_its_batch(fault_app, worker_env, python):
    client = fault_app.test_client()
    accepted = client.post(
        "/v1/articles/batch", json={"articles": [{"text": long_article(n)} for n in range(20)]}
    ).get_json()
    worker = subprocess.Popen([python, "-m", "service.jobs.worker"], env=worker_env)
    wait_until(lambda: client.get(accepted["status_url"]).get_json()["done"] >= 1, timeout=120)
    os.kill(worker.pid, signal.SIGTERM)  # the worker itself, not its work-horse
    assert worker.wait(timeout=300) == 0
    job = client.get(accepted["status_url"]).get_json()
    assert job["status"] == "finished" and job["done"] == 20
