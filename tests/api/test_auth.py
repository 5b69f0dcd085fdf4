"""API keys: writes need `Authorization: Bearer`, reads stay open."""

from __future__ import annotations

import pytest

from service.web.auth import key_is_valid
from tests.fixtures.articles import FLOOD


@pytest.fixture
def client(make_app):
    return make_app(api_keys=("k-one", "k-two")).test_client()


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "k-one"},
        {"Authorization": "Basic k-one"},
        {"Authorization": "Bearer "},
    ],
)
def test_writes_without_a_valid_key_are_401(client, headers):
    response = client.post("/v1/articles", json={"text": FLOOD}, headers=headers)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.headers["X-Request-ID"]  # a refused request can be traced too
    assert client.get("/v1/articles").get_json()["items"] == []


@pytest.mark.parametrize("key", ["k-one", "k-two"])
def test_writes_with_a_valid_key_succeed(client, key):
    auth = {"Authorization": f"Bearer {key}"}
    created = client.post("/v1/articles", json={"text": FLOOD}, headers=auth)
    assert created.status_code == 201
    article_id = created.get_json()["id"]
    assert client.delete(f"/v1/articles/{article_id}").status_code == 401
    assert client.delete(f"/v1/articles/{article_id}", headers=auth).status_code == 204


def test_reads_stay_open(client):
    assert client.get("/v1/articles").status_code == 200
    assert client.get("/health").status_code == 200


def test_analyze_is_a_write_and_needs_a_key(client):
    assert client.post("/v1/analyze", json={"text": FLOOD}).status_code == 401


@pytest.mark.parametrize(
    ("presented", "expected"), [("a", True), ("b", True), ("c", False), ("", False), ("a ", False)]
)
def test_key_comparison(presented, expected):
    assert key_is_valid(presented, ("a", "b")) is expected
