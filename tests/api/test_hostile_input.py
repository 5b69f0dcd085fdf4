"""Hostile input: a clear 4xx or a correct result, and stored data unchanged."""

from __future__ import annotations

import base64

import pytest

from tests.fixtures.articles import FLOOD

PROBLEM = "application/problem+json"
# That such inputs cost linear work is checked without clocks in
# tests/unit/test_complexity.py and tests/unit/test_tokenizer_guard.py.


def listed(client) -> list[str]:
    return [a["id"] for a in client.get("/v1/articles?limit=100").get_json()["items"]]


@pytest.fixture
def baseline(client, post_article):
    post_article(FLOOD)
    return listed(client)


@pytest.mark.parametrize(
    ("name", "body", "content_type", "status"),
    [
        ("invalid utf-8", b"Storm \xff\xfe hit \xc3", "text/plain", 400),
        ("invalid utf-8 in json", b'{"text": "caf\xe9"}', "application/json", 400),
        ("deeply nested json", b"[" * 50_000 + b"]" * 50_000, "application/json", 400),
        ("200,000 words", ("word " * 200_000).encode(), "text/plain", 413),
        ("2 MB line without spaces", b"x" * 2_000_000, "text/plain", 413),
        ("only whitespace", b" \n\t " * 100, "text/plain", 422),
        ("only NUL bytes", b"\x00" * 1000, "text/plain", 422),
        ("json null", b"null", "application/json", 422),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 40 else "",
)
def test_rejected_with_a_problem_and_nothing_stored(
    client, baseline, name, body, content_type, status
):
    response = client.post("/v1/articles", data=body, content_type=content_type)
    assert response.status_code == status, (name, response.data[:200])
    assert response.mimetype == PROBLEM
    assert listed(client) == baseline


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("100,000 quotation marks", '"' * 100_000),
        ("50,000 curly quotes", "\u201c" * 50_000 + " she said."),
        ("unbalanced quotes", 'The mayor said "we will rebuild. ' + "The river rose. " * 2000),
        ("NUL bytes inside", "Fire killed 3 people.\x00\x00 Police said it was arson."),
        ("one 150k-character word", "Report: " + "y" * 150_000),
        ("emoji and scripts", "Floods 🌊 killed 7 people in Đà Nẵng, officials said. 洪水 " * 50),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 40 else "",
)
def test_odd_articles_are_analysed_correctly(client, name, text):
    response = client.post("/v1/articles", json={"text": text})
    assert response.status_code == 201, (name, response.data[:200])
    article = response.get_json()
    assert "\x00" not in article["text"]
    analysis = client.get(f"/v1/articles/{article['id']}/analysis")
    assert analysis.status_code == 200
    body = analysis.get_json()
    stored = article["text"]
    for quote in body["quotes"]:
        for span in quote["spans"]:
            assert stored[span["start"] : span["end"]] == span["text"]
    for figure in body["casualties"]["figures"]:
        assert stored[figure["start"] : figure["end"]] == figure["text"]
    for entity in body["entities"]:
        for span in entity["spans"]:
            assert stored[span["start"] : span["end"]] == span["text"]


def test_html_with_scripts_and_tracking_pixels_keeps_only_the_article(client):
    html = (
        "<html><head><script>document.write('<p>injected</p>')</script>"
        "<style>p{color:red}</style></head><body>"
        '<img src="https://tracker.example/p.gif?u=1" width="1" height="1">'
        "<article><p>" + FLOOD.replace("\n\n", "</p><p>") + "</p></article>"
        '<iframe src="https://ads.example/"></iframe><script>track()</script></body></html>'
    )
    response = client.post("/v1/articles", json={"html": html})
    assert response.status_code == 201
    text = response.get_json()["text"]
    assert "killing at least 12 people" in text
    for junk in ("injected", "track()", "tracker.example", "color:red", "ads.example"):
        assert junk not in text


def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "path", ["/v1/articles", "/v1/entities", "/v1/quotes", "/v1/casualties", "/v1/events"]
)
@pytest.mark.parametrize(
    "cursor",
    [
        _cursor('[NaN, "abc"]'),
        _cursor('[Infinity, "abc"]'),
        _cursor("[" * 5000 + "]" * 5000),
        _cursor('[1.5, ["not", "a", "member"]]'),
        "A" * 5000,
    ],
    ids=["nan", "infinity", "nested-5000-deep", "member-not-a-string", "too-long"],
)
def test_a_crafted_cursor_is_a_422_problem_on_every_list(client, path, cursor):
    response = client.get(path, query_string={"cursor": cursor})
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
