"""Operations: Prometheus metrics, request ids, security headers and rate limits."""

from __future__ import annotations

import re

import pytest

from tests.fixtures.articles import FLOOD


def metric(text: str, name: str, **labels) -> float:
    """The value of one sample in a Prometheus exposition (0 when absent)."""
    for line in text.splitlines():
        if not line.startswith(name):
            continue
        match = re.fullmatch(r"(\w+)(?:\{(.*)\})? (\S+)", line)
        if not match or match.group(1) != name:
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', match.group(2) or ""))
        if all(found.get(k) == v for k, v in labels.items()):
            return float(match.group(3))
    return 0.0


class TestMetrics:
    def test_requests_latency_cache_and_queue_are_exported(self, client, post_article):
        article_id = post_article(FLOOD).get_json()["id"]
        client.get(f"/v1/articles/{article_id}/summary")
        client.get("/v1/articles/0123456789abcdef/summary")
        response = client.get("/metrics")
        assert response.status_code == 200
        assert response.mimetype == "text/plain"
        text = response.get_data(as_text=True)
        route = "/v1/articles/<string(length=16):article_id>/summary"
        assert metric(text, "newsfacts_http_requests_total", endpoint=route, status="200") >= 1
        assert metric(text, "newsfacts_http_requests_total", endpoint=route, status="404") >= 1
        assert (
            metric(
                text, "newsfacts_http_request_duration_seconds_count", endpoint=route, status="404"
            )
            >= 1
        )
        assert metric(text, "newsfacts_analysis_cache_total", result="hit") >= 1
        assert metric(text, "newsfacts_analysis_cache_total", result="miss") >= 1
        assert metric(text, "newsfacts_analysis_seconds_count") >= 1
        assert "newsfacts_queue_depth" in text

    def test_ids_never_become_label_values(self, client):
        client.get("/v1/articles/0123456789abcdef")
        text = client.get("/metrics").get_data(as_text=True)
        assert "0123456789abcdef" not in text

    def test_metrics_work_while_redis_is_away(self, make_app):
        app = make_app(redis_url="redis://127.0.0.1:1/0", redis_timeout=0.2)
        response = app.test_client().get("/metrics")
        assert response.status_code == 200
        assert "newsfacts_queue_depth" not in response.get_data(as_text=True)


class TestRequestIds:
    def test_a_request_id_is_made_and_echoed(self, client):
        first = client.get("/health").headers["X-Request-ID"]
        second = client.get("/health").headers["X-Request-ID"]
        assert re.fullmatch(r"[0-9a-f]{32}", first) and first != second

    @pytest.mark.parametrize(
        ("given", "kept"),
        [("trace-42.a:b", True), ("x" * 129, False), ("two words", False), ("<script>", False)],
    )
    def test_a_clients_request_id_is_echoed_when_plain(self, client, given, kept):
        echoed = client.get("/v1/articles", headers={"X-Request-ID": given}).headers["X-Request-ID"]
        assert (echoed == given) is kept

    def test_errors_carry_the_request_id_too(self, client):
        response = client.get("/v1/nothing", headers={"X-Request-ID": "err-1"})
        assert response.status_code == 404
        assert response.headers["X-Request-ID"] == "err-1"


@pytest.mark.parametrize("path", ["/health", "/v1/articles", "/v1/nothing", "/docs"])
def test_security_headers_on_every_response(client, path):
    headers = client.get(path).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


class TestRateLimits:
    @pytest.fixture
    def limited(self, make_app):
        return make_app(rate_limit="5 per minute", rate_limit_writes="2 per minute")

    def test_reads_over_the_limit_get_429_problem_with_retry_after(self, limited):
        client = limited.test_client()
        assert [client.get("/v1/articles").status_code for _ in range(5)] == [200] * 5
        response = client.get("/v1/articles")
        assert response.status_code == 429
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["status"] == 429
        assert int(response.headers["Retry-After"]) > 0

    def test_each_api_key_has_its_own_budget(self, make_app):
        client = make_app(
            rate_limit="5 per minute", rate_limit_writes="2 per minute", api_keys=("one", "two")
        ).test_client()
        for _ in range(5):
            client.get("/v1/articles", headers={"Authorization": "Bearer one"})
        assert (
            client.get("/v1/articles", headers={"Authorization": "Bearer one"}).status_code == 429
        )
        assert (
            client.get("/v1/articles", headers={"Authorization": "Bearer two"}).status_code == 200
        )

    def test_writes_have_a_tighter_limit(self, limited):
        client = limited.test_client()
        statuses = [client.post("/v1/articles", json={"text": ""}).status_code for _ in range(3)]
        assert statuses == [422, 422, 429]

    def test_limits_hold_across_workers(self, make_app):
        # Two apps on one Redis behave like two gunicorn workers.
        settings = {"rate_limit": "4 per minute", "rate_limit_writes": ""}
        first, second = make_app(**settings).test_client(), make_app(**settings).test_client()
        assert [first.get("/v1/articles").status_code for _ in range(2)] == [200, 200]
        assert [second.get("/v1/articles").status_code for _ in range(2)] == [200, 200]
        assert first.get("/v1/articles").status_code == 429

    def test_probes_are_never_limited(self, limited):
        client = limited.test_client()
        assert {client.get("/health").status_code for _ in range(8)} == {200}
        assert {client.get("/metrics").status_code for _ in range(8)} == {200}

    def test_an_empty_limit_turns_limiting_off(self, make_app):
        client = make_app(rate_limit="").test_client()
        assert {client.get("/v1/articles").status_code for _ in range(30)} == {200}


class TestCors:
    DASHBOARD = "https://dash.example"

    def test_off_unless_configured(self, make_app):
        response = make_app().test_client().get("/v1/articles", headers={"Origin": self.DASHBOARD})
        assert "Access-Control-Allow-Origin" not in response.headers

    def test_a_configured_origin_may_read_and_see_etags(self, make_app):
        client = make_app(cors_origins=(self.DASHBOARD,)).test_client()
        response = client.get("/v1/articles", headers={"Origin": self.DASHBOARD})
        assert response.headers["Access-Control-Allow-Origin"] == self.DASHBOARD
        exposed = response.headers["Access-Control-Expose-Headers"]
        assert "ETag" in exposed and "X-Request-ID" in exposed
        assert "X-Next-Cursor" in exposed and "Link" in exposed  # CSV paging
        other = client.get("/v1/articles", headers={"Origin": "https://elsewhere.example"})
        assert "Access-Control-Allow-Origin" not in other.headers

    def test_preflight_for_a_write_with_a_key(self, make_app):
        client = make_app(cors_origins=(self.DASHBOARD,), api_keys=("k",)).test_client()
        response = client.options(
            "/v1/articles",
            headers={
                "Origin": self.DASHBOARD,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type",
            },
        )
        assert response.status_code == 200
        assert response.headers["Access-Control-Allow-Origin"] == self.DASHBOARD
        assert "POST" in response.headers["Access-Control-Allow-Methods"]
        allowed = response.headers["Access-Control-Allow-Headers"].lower()
        assert "authorization" in allowed and "content-type" in allowed

    def test_probes_and_pages_send_no_cors_headers(self, make_app):
        client = make_app(cors_origins=("*",)).test_client()
        assert client.get("/v1/articles").status_code == 200
        response = client.get("/health", headers={"Origin": self.DASHBOARD})
        assert "Access-Control-Allow-Origin" not in response.headers
        # "*" allows any origin (flask-cors names it back, with Vary: Origin).
        for origin in (self.DASHBOARD, "https://elsewhere.example"):
            response = client.get("/v1/articles", headers={"Origin": origin})
            assert response.headers["Access-Control-Allow-Origin"] == origin
