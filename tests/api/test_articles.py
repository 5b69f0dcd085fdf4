"""POST/GET/DELETE /v1/articles against the real Redis."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata

import pytest

from tests.fixtures.articles import BUDGET, FACTORY_FIRE, FLOOD, numbered_article

PROBLEM = "application/problem+json"


def expected_id(text: str) -> str:
    norm = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode()).hexdigest()[:16]


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.data
    assert response.mimetype == PROBLEM
    body = response.get_json(force=True)
    assert body["status"] == status
    assert body["title"] and body["type"]
    assert "Traceback" not in response.get_data(as_text=True)
    return body


def stored_keys(redis_client, prefix: str) -> set[bytes]:
    """Keys of stored data under `prefix`: not the rate-limit counters, which every request
    may add to (each worker syncs its tally to Redis on its own clock)."""
    keys = redis_client.scan_iter(match=f"{prefix}*", count=1000)
    return {key for key in keys if not key.startswith(f"{prefix}ratelimit:".encode())}


class TestIngest:
    def test_post_json_creates_article(self, client, post_article):
        response = post_article(
            FLOOD,
            title="Floods",
            source="Valley Times",
            authors=["Ann Reporter"],
            published_at="2025-06-03",
        )
        assert response.status_code == 201
        article = response.get_json()
        assert article["id"] == expected_id(FLOOD)
        assert response.headers["Location"].endswith(f"/v1/articles/{article['id']}")
        assert article["text"] == FLOOD
        assert article["published_at"] == "2025-06-03T00:00:00Z"
        assert article["language"] == "en"
        assert article["stats"]["paragraphs"] == 4
        assert article["stats"]["sentences"] >= 5
        assert article["stats"]["words"] > 50
        assert article["stats"]["characters"] == len(FLOOD)
        assert article["links"]["casualties"] == f"/v1/articles/{article['id']}/casualties"

    def test_repost_same_text_returns_existing_and_changes_nothing(
        self, client, post_article, redis_client, key_prefix
    ):
        first = post_article(FLOOD, source="Valley Times").get_json()
        before = {k: redis_client.dump(k) for k in stored_keys(redis_client, key_prefix)}
        again = post_article("  " + FLOOD.replace("\n\n", "\n \n") + "\n", source="Other")
        assert again.status_code == 200
        assert again.get_json()["id"] == first["id"]
        assert again.get_json()["source"] == "Valley Times"
        after = {k: redis_client.dump(k) for k in stored_keys(redis_client, key_prefix)}
        assert before == after

    def test_plain_text_body(self, client):
        response = client.post(
            "/v1/articles", data=FACTORY_FIRE.encode(), content_type="text/plain; charset=utf-8"
        )
        assert response.status_code == 201
        assert response.get_json()["text"] == FACTORY_FIRE

    def test_html_is_reduced_to_article_text(self, client):
        html = (
            "<html><head><title>Fire in Port Calder</title><script>track()</script></head><body>"
            "<nav>Home | World | Sport</nav><article><h1>Fire in Port Calder</h1>"
            + "".join(f"<p>{p}</p>" for p in FACTORY_FIRE.split("\n\n"))
            + '<img src="https://t.example/pixel.gif" width="1" height="1"></article>'
            "<footer>Copyright</footer></body></html>"
        )
        response = client.post("/v1/articles", json={"html": html})
        assert response.status_code == 201
        article = response.get_json()
        assert "track()" not in article["text"] and "Home | World" not in article["text"]
        assert "killed 23 workers" in article["text"]
        assert article["title"] == "Fire in Port Calder"

    def test_raw_html_body(self, client):
        html = (
            "<html><body><article>"
            + "".join(f"<p>{p}</p>" for p in BUDGET.split("\n\n"))
            + "</article></body></html>"
        )
        response = client.post("/v1/articles", data=html, content_type="text/html")
        assert response.status_code == 201
        assert "approved a new budget" in response.get_json()["text"]


class TestRead:
    def test_get_article(self, client, post_article):
        article_id = post_article(FLOOD).get_json()["id"]
        response = client.get(f"/v1/articles/{article_id}")
        assert response.status_code == 200
        assert response.get_json()["text"] == FLOOD

    @pytest.mark.parametrize(
        "path", ["/v1/articles/0123456789abcdef", "/v1/articles/short", "/v1/nothing-here"]
    )
    def test_unknown_is_404_problem(self, client, path):
        assert_problem(client.get(path), 404)

    def test_etag_and_304(self, client, post_article):
        article_id = post_article(FLOOD).get_json()["id"]
        first = client.get(f"/v1/articles/{article_id}")
        etag = first.headers["ETag"]
        assert etag
        second = client.get(f"/v1/articles/{article_id}", headers={"If-None-Match": etag})
        assert second.status_code == 304
        assert second.data == b""
        other = client.get(f"/v1/articles/{article_id}", headers={"If-None-Match": '"nope"'})
        assert other.status_code == 200


class TestDelete:
    def test_delete_removes_article_indexes_and_cache(
        self, client, post_article, redis_client, key_prefix
    ):
        keep = post_article(BUDGET, source="Town Crier").get_json()["id"]
        keys_with_one = stored_keys(redis_client, key_prefix)
        gone = post_article(FLOOD, source="Valley Times").get_json()["id"]
        client.get(f"/v1/articles/{gone}/summary")
        assert client.delete(f"/v1/articles/{gone}").status_code == 204
        assert_problem(client.get(f"/v1/articles/{gone}"), 404)
        assert_problem(client.get(f"/v1/articles/{gone}/summary"), 404)
        assert [a["id"] for a in client.get("/v1/articles").get_json()["items"]] == [keep]
        assert client.get("/v1/articles?q=floods").get_json()["items"] == []
        assert client.get("/v1/articles?source=Valley%20Times").get_json()["items"] == []
        leftover = stored_keys(redis_client, key_prefix) - keys_with_one
        assert not [
            k
            for k in leftover
            if gone.encode() in k or b"idx:" in k and redis_client.zscore(k, gone) is not None
        ]

    def test_delete_unknown_is_404(self, client):
        assert_problem(client.delete("/v1/articles/0123456789abcdef"), 404)


class TestErrors:
    def test_wrong_method_is_405_with_allow(self, client):
        body = assert_problem(client.put("/v1/articles", json={}), 405)
        assert body["title"] == "Method Not Allowed"
        assert "POST" in client.put("/v1/articles", json={}).headers["Allow"]

    def test_body_too_large_is_413(self, make_app):
        client = make_app(max_content_length=1024).test_client()
        assert_problem(client.post("/v1/articles", json={"text": "word " * 1000}), 413)

    @pytest.mark.parametrize("path", ["/v1/articles", "/v1/analyze"])
    def test_text_longer_than_the_analysis_bound_is_413(self, make_app, path):
        client = make_app(max_article_chars=500).test_client()
        body = assert_problem(client.post(path, json={"text": "word " * 200}), 413)
        assert "text" in body["errors"]
        assert client.get("/v1/articles").get_json()["items"] == []

    def test_malformed_json_is_400(self, client):
        response = client.post(
            "/v1/articles", data=b'{"text": "unterminated', content_type="application/json"
        )
        assert_problem(response, 400)
        assert response.get_json()["detail"] == "The body is not valid JSON."

    @pytest.mark.parametrize(
        "content_type", ["application/xml", "multipart/form-data; boundary=x", "image/png"]
    )
    def test_unsupported_media_type_is_415(self, client, content_type):
        assert_problem(client.post("/v1/articles", data=b"<a/>", content_type=content_type), 415)

    def test_invalid_utf8_plain_text_is_400(self, client):
        assert_problem(
            client.post("/v1/articles", data=b"caf\xe9 \xff\xfe", content_type="text/plain"), 400
        )

    @pytest.mark.parametrize(
        ("payload", "field"),
        [
            ({"text": "   "}, "text"),
            ({"title": "no body"}, "text"),
            ({"text": FLOOD, "published_at": "yesterday"}, "published_at"),
            ({"text": FLOOD, "published_at": "2024-02-30"}, "published_at"),
            ({"text": FLOOD, "language": "fr"}, "language"),
            ({"text": FLOOD, "authors": "Ann"}, "authors"),
            ({"text": FLOOD, "url": "not a url"}, "url"),
            ({"text": 42}, "text"),
            ({"text": FLOOD, "colour": "red"}, "colour"),
            ({"html": "<html><body><script>x()</script></body></html>"}, "html"),
        ],
    )
    def test_invalid_fields_are_422_and_store_nothing(self, client, payload, field):
        body = assert_problem(client.post("/v1/articles", json=payload), 422)
        assert field in body["errors"], body
        assert client.get("/v1/articles").get_json()["items"] == []

    def test_deeply_nested_json_is_400(self, client):
        body = b"[" * 100_000 + b"]" * 100_000
        assert_problem(client.post("/v1/articles", data=body, content_type="application/json"), 400)
        assert_problem(
            client.post("/v1/articles/batch", data=body, content_type="application/x-ndjson"), 400
        )

    def test_json_that_is_not_an_object_is_rejected(self, client):
        response = client.post(
            "/v1/articles", data=json.dumps(["a"]), content_type="application/json"
        )
        assert response.status_code in (400, 422)
        assert response.mimetype == PROBLEM

    def test_unexpected_error_is_500_problem_without_trace(self, app, client, monkeypatch):
        store = app.extensions["newsfacts"].articles

        def explode(*args, **kwargs):
            raise RuntimeError("secret internal detail")

        monkeypatch.setattr(store, "list", explode)
        response = client.get("/v1/articles")
        body = assert_problem(response, 500)
        assert "secret internal detail" not in json.dumps(body)


class TestListing:
    def test_pagination_has_no_gaps_or_duplicates(self, client, post_article):
        ids = []
        for n in range(25):
            day = 1 + n % 28
            response = post_article(
                numbered_article(n), published_at=f"2025-03-{day:02d}T{n % 24:02d}:00:00Z"
            )
            ids.append((response.get_json()["published_at"], response.get_json()["id"]))
        # Several articles share a publication time to exercise ties.
        for n in range(25, 28):
            response = post_article(numbered_article(n), published_at="2025-03-05")
            ids.append((response.get_json()["published_at"], response.get_json()["id"]))
        seen, cursor, pages = [], None, 0
        while True:
            url = "/v1/articles?limit=10" + (f"&cursor={cursor}" if cursor else "")
            page = client.get(url).get_json()
            seen.extend(item["id"] for item in page["items"])
            pages += 1
            cursor = page["next_cursor"]
            if not cursor:
                break
        assert pages == 3
        assert len(seen) == len(set(seen)) == 28
        published = [client.get(f"/v1/articles/{i}").get_json()["published_at"] for i in seen]
        assert published == sorted(published, reverse=True)

    def test_filters(self, client, post_article):
        flood = post_article(FLOOD, source="Valley Times", published_at="2025-06-03").get_json()[
            "id"
        ]
        fire = post_article(
            FACTORY_FIRE, source="Calder Post", published_at="2025-06-10"
        ).get_json()["id"]
        budget = post_article(BUDGET, source="Valley Times", published_at="2025-07-01").get_json()[
            "id"
        ]

        def ids(query):
            response = client.get(f"/v1/articles?{query}")
            assert response.status_code == 200, response.data
            return [a["id"] for a in response.get_json()["items"]]

        assert ids("") == [budget, fire, flood]
        assert ids("source=valley%20times") == [budget, flood]
        assert ids("q=RESCUE%20teams") == [flood]
        assert ids("q=rescue%20budget") == []
        assert ids("q=SAID") == [budget, fire, flood]
        assert ids("since=2025-06-05") == [budget, fire]
        assert ids("until=2025-06-10") == [fire, flood]
        assert ids("since=2025-06-04&until=2025-06-30T00:00:00Z") == [fire]
        assert ids("source=Valley%20Times&since=2025-06-05") == [budget]

    @pytest.mark.parametrize(
        "query", ["limit=0", "limit=101", "limit=x", "cursor=%%%", "since=tomorrow", "cursor=abc"]
    )
    def test_bad_list_parameters_are_422(self, client, query):
        assert_problem(client.get(f"/v1/articles?{query}"), 422)
