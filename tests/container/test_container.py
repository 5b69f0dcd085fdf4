"""The container definition: linted, validated, and its exact CMD run as a real process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from service.dev.embedded_redis import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def dockerfile_instruction(name: str) -> str:
    """The last `name` instruction of the Dockerfile, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    found = [line.split(None, 1)[1] for line in text.splitlines() if line.startswith(name + " ")]
    assert found, f"Dockerfile has no {name}"
    return found[-1]


def test_dockerfile_passes_hadolint():
    result = subprocess.run(
        [str(BIN / "hadolint"), "Dockerfile"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_runs_as_non_root_with_exec_form_cmd():
    assert dockerfile_instruction("FROM").startswith("python:3.11-slim")
    assert dockerfile_instruction("USER").split(":")[0] != "0"
    assert json.loads(dockerfile_instruction("CMD"))[0] == "gunicorn"
    assert "CMD [" in dockerfile_instruction("HEALTHCHECK")


def test_compose_file_matches_the_compose_spec():
    result = subprocess.run(
        [
            str(BIN / "check-jsonschema"),
            "--builtin-schema",
            "vendor.compose-spec",
            "docker-compose.yml",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_wires_api_worker_and_durable_redis():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"api", "worker", "redis"} <= set(services)
    assert "--appendonly" in services["redis"]["command"]
    assert any(v.endswith(":/data") for v in services["redis"]["volumes"])
    for name in ("api", "worker"):
        assert services[name]["depends_on"]["redis"]["condition"] == "service_healthy"
        assert "healthcheck" in services[name]
    assert services["api"]["environment"]["REDIS_URL"].startswith("redis://redis:")


def _wait_for(url: str, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {timeout}s")


def _post(url: str, body: bytes, content_type: str) -> tuple[int, dict, dict]:
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": content_type}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, dict(response.headers), json.loads(response.read())


@pytest.fixture
def container_command_server(redis_url, key_prefix):
    """The Dockerfile's CMD, run from the project folder as the image would run it."""
    port = free_port()
    command = json.loads(dockerfile_instruction("CMD"))
    command[0] = str(BIN / command[0])
    env = {
        **os.environ,
        "PORT": str(port),
        "REDIS_URL": redis_url,
        "REDIS_PREFIX": key_prefix,
        "WEB_CONCURRENCY": "2",
        "PATH": f"{BIN}:{os.environ.get('PATH', '')}",
    }
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/health", timeout=90)
        yield port, env
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            output, _ = process.communicate(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        assert process.returncode == 0, output[-3000:]


def test_container_command_serves_health_seeds_and_a_post(container_command_server):
    port, env = container_command_server
    base = f"http://127.0.0.1:{port}"
    with urllib.request.urlopen(f"{base}/health", timeout=5) as response:
        health = json.loads(response.read())
    assert health["status"] == "ok"
    with urllib.request.urlopen(f"{base}/v1/articles", timeout=5) as response:
        seeded = json.loads(response.read())["items"]
    assert [a["source"] for a in seeded] == ["The Wall Street Journal"]
    status, headers, article = _post(
        f"{base}/v1/articles",
        b"A storm knocked out power to 3,000 homes on Sunday, the utility said.",
        "text/plain",
    )
    assert status == 201
    assert headers["Location"].endswith(article["id"])
    healthcheck = dockerfile_instruction("HEALTHCHECK")
    probe = json.loads(healthcheck[healthcheck.index("CMD [") + 4 :])
    probe[0] = sys.executable
    assert subprocess.run(probe, env=env, timeout=30).returncode == 0
