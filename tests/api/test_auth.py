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


def test_a_made_up_bearer_token_is_no_identity_for_the_rate_limits(make_app):
    client = make_app(
        api_keys=("k-one",), rate_limit="5 per minute", rate_limit_writes=""
    ).test_client()
    statuses = [
        client.get("/v1/articles", headers={"Authorization": f"Bearer fake{n}"}).status_code
        for n in range(6)
    ]
    assert statuses == [200] * 5 + [429]
    # A valid key is its own client: the address's limit does not hold it back.
    assert client.get("/v1/articles", headers={"Authorization": "Bearer k-one"}).status_code == 200


def test_failed_authentications_are_limited_per_address(make_app):
    client = make_app(
        api_keys=("k-one",), auth_failure_limit="3 per minute", rate_limit=""
    ).test_client()
    guesses = [
        client.post("/v1/articles", json={"text": "x"}, headers={"Authorization": f"Bearer g{n}"})
        for n in range(3)
    ]
    assert [r.status_code for r in guesses] == [401, 401, 401]
    # Over the limit, the address is refused before any key is checked, even a right one.
    refused = client.post(
        "/v1/articles", json={"text": FLOOD}, headers={"Authorization": "Bearer k-one"}
    )
    assert refused.status_code == 429
    assert refused.mimetype == "application/problem+json"
    assert int(refused.headers["Retry-After"]) >= 1
    # Reads are not writes: they stay open.
    assert client.get("/v1/articles").status_code == 200


def test_an_empty_auth_failure_limit_counts_nothing(make_app):
    client = make_app(api_keys=("k-one",), auth_failure_limit="", rate_limit="").test_client()
    statuses = {
        client.post(
            "/v1/articles", json={"text": "x"}, headers={"Authorization": "Bearer g"}
        ).status_code
        for _ in range(12)
    }
    assert statuses == {401}
