"""Analysis endpoints: served from the Redis cache, recomputed on a miss or a new pipeline."""

from __future__ import annotations

import pytest

from tests.fixtures.articles import BUDGET, FACTORY_FIRE, FLOOD

PARTS = ("summary", "entities", "quotes", "casualties", "analysis")


@pytest.fixture
def parse_counter(app, monkeypatch):
    """Counts spaCy parses done by the app's analyzer."""
    analyzer = app.extensions["newsfacts"].analyzer
    calls = {"n": 0}
    original = analyzer.parse

    def counting_parse(text):
        calls["n"] += 1
        return original(text)

    monkeypatch.setattr(analyzer, "parse", counting_parse)
    return calls


@pytest.fixture
def flood_id(post_article):
    return post_article(FLOOD, published_at="2025-06-03").get_json()["id"]


@pytest.mark.parametrize("part", PARTS)
def test_every_part_has_the_envelope_and_etag(client, flood_id, part):
    response = client.get(f"/v1/articles/{flood_id}/{part}")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["article_id"] == flood_id
    assert body["pipeline_version"]
    etag = response.headers["ETag"]
    again = client.get(f"/v1/articles/{flood_id}/{part}", headers={"If-None-Match": etag})
    assert again.status_code == 304


@pytest.mark.parametrize("part", PARTS)
def test_unknown_article_is_404(client, part):
    response = client.get(f"/v1/articles/0123456789abcdef/{part}")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"


def test_offsets_slice_the_stored_text(client, flood_id):
    text = client.get(f"/v1/articles/{flood_id}").get_json()["text"]
    analysis = client.get(f"/v1/articles/{flood_id}/analysis").get_json()
    for sentence in analysis["summary"]["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    for entity in analysis["entities"]:
        for span in entity["spans"]:
            assert text[span["start"] : span["end"]] == span["text"]
    for quote in analysis["quotes"]:
        for span in quote["spans"]:
            assert text[span["start"] : span["end"]] == span["text"]
    for figure in analysis["casualties"]["figures"]:
        assert text[figure["start"] : figure["end"]] == figure["text"]


def test_casualties_of_a_written_article(client, flood_id):
    body = client.get(f"/v1/articles/{flood_id}/casualties").get_json()
    assert body["totals"]["killed"] == {
        "value": 12,
        "min": 12,
        "max": None,
        "qualifier": "at_least",
    }
    assert body["totals"]["injured"]["value"] == 40
    assert body["totals"]["missing"]["value"] == 8


def test_quotes_and_speaker_filter(client, flood_id):
    quotes = client.get(f"/v1/articles/{flood_id}/quotes").get_json()["quotes"]
    ortiz = [q for q in quotes if q["speaker"] and q["speaker"]["name"] == "Helen Ortiz"]
    assert ortiz, quotes
    for query in ("ortiz", "Helen%20Ortiz", "HELEN"):
        found = client.get(f"/v1/articles/{flood_id}/quotes?speaker={query}").get_json()["quotes"]
        assert found and all(q["speaker"]["name"] == "Helen Ortiz" for q in found)
    assert client.get(f"/v1/articles/{flood_id}/quotes?speaker=nobody").get_json()["quotes"] == []


def test_entity_filters(client, flood_id):
    everything = client.get(f"/v1/articles/{flood_id}/entities").get_json()["entities"]
    assert any(e["name"] == "Helen Ortiz" and e["type"] == "PERSON" for e in everything)
    people = client.get(f"/v1/articles/{flood_id}/entities?type=person").get_json()["entities"]
    assert people and all(e["type"] == "PERSON" for e in people)
    mixed = client.get(f"/v1/articles/{flood_id}/entities?type=PERSON,GPE").get_json()["entities"]
    assert {e["type"] for e in mixed} <= {"PERSON", "GPE"}
    frequent = client.get(f"/v1/articles/{flood_id}/entities?min_mentions=2").get_json()["entities"]
    assert all(e["mentions"] >= 2 for e in frequent)


@pytest.mark.parametrize("sentences", [1, 2, 3, 5, 10])
def test_summary_sentence_count(client, flood_id, sentences):
    body = client.get(f"/v1/articles/{flood_id}/summary?sentences={sentences}").get_json()
    assert 1 <= len(body["sentences"]) <= sentences
    indexes = [s["index"] for s in body["sentences"]]
    assert indexes == sorted(indexes)
    assert body["brief"]
    assert body["text"] == " ".join(s["text"] for s in body["sentences"])


@pytest.mark.parametrize("query", ["sentences=0", "sentences=11", "sentences=x"])
def test_summary_rejects_bad_sentence_counts(client, flood_id, query):
    response = client.get(f"/v1/articles/{flood_id}/summary?{query}")
    assert response.status_code == 422
    assert "sentences" in response.get_json()["errors"]


def test_entities_rejects_bad_min_mentions(client, flood_id):
    assert client.get(f"/v1/articles/{flood_id}/entities?min_mentions=0").status_code == 422


def test_cached_reads_do_no_nlp(client, post_article, parse_counter):
    article_id = post_article(FACTORY_FIRE).get_json()["id"]
    assert parse_counter["n"] == 1  # analysed once, at ingest
    for part in PARTS:
        assert client.get(f"/v1/articles/{article_id}/{part}").status_code == 200
    assert client.get(f"/v1/articles/{article_id}/summary?sentences=7").status_code == 200
    assert parse_counter["n"] == 1


def test_cache_miss_recomputes_and_stores(app, client, flood_id, parse_counter, redis_client):
    state = app.extensions["newsfacts"]
    redis_client.delete(state.cache.article_key(state.analyzer.pipeline_version, flood_id))
    first = client.get(f"/v1/articles/{flood_id}/casualties")
    assert first.status_code == 200 and parse_counter["n"] == 1
    client.get(f"/v1/articles/{flood_id}/quotes")
    assert parse_counter["n"] == 1


def test_new_pipeline_version_recomputes(make_app, flood_id, client):
    old = client.get(f"/v1/articles/{flood_id}/summary").get_json()["pipeline_version"]
    newer = make_app()
    analyzer = newer.extensions["newsfacts"].analyzer
    analyzer.pipeline_version = old + "-next"
    calls = {"n": 0}
    original = analyzer.parse

    def counting_parse(text):
        calls["n"] += 1
        return original(text)

    analyzer.parse = counting_parse
    body = newer.test_client().get(f"/v1/articles/{flood_id}/summary").get_json()
    assert body["pipeline_version"] == old + "-next"
    assert calls["n"] == 1


def test_analyze_stores_nothing_and_is_cached(client, parse_counter):
    first = client.post("/v1/analyze", json={"text": BUDGET})
    assert first.status_code == 200
    body = first.get_json()
    assert {"summary", "entities", "quotes", "casualties", "article_id"} <= set(body)
    assert client.get("/v1/articles").get_json()["items"] == []
    assert client.get(f"/v1/articles/{body['article_id']}").status_code == 404
    again = client.post("/v1/analyze", data=BUDGET, content_type="text/plain")
    assert again.get_json() == body
    assert parse_counter["n"] == 1
    # Ingesting the analysed text reuses the analysis instead of parsing again.
    assert client.post("/v1/articles", json={"text": BUDGET}).status_code == 201
    assert parse_counter["n"] == 1


def test_analyze_validates_like_ingest(client):
    response = client.post("/v1/analyze", json={"text": ""})
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"


def test_casualties_explain_names_the_rules_and_the_incident(client, post_article):
    text = (
        "A bus plunged into a ravine on Tuesday, killing 12 people.\n\n"
        "Four people were killed in a previous crash on the same road."
    )
    article_id = post_article(text).get_json()["id"]
    plain, explained = _plain_and_explained(client, f"/v1/articles/{article_id}/casualties")
    figures = explained["figures"]
    assert [(f["value"], f["incident"], f["historical"]) for f in figures] == [
        (12, "main", False),
        (4, "a previous crash", True),
    ]
    assert figures[0]["rules"] == ["count-in-clause"]
    assert figures[1]["rules"][-1] == "other-incident-noun"
    assert all("rules" not in f for f in plain["figures"])
    assert plain["totals"]["killed"]["value"] == 12


def test_quotes_explain_names_the_rules_behind_each_quote(client, post_article):
    text = (
        "Mayor Lena Ortiz visited the camp on Monday. Ortiz said: “We will rebuild every "
        "home.”\n\n“The shelters are open to everyone tonight.”"
    )
    article_id = post_article(text).get_json()["id"]
    plain, explained = _plain_and_explained(client, f"/v1/articles/{article_id}/quotes")
    quotes = explained["quotes"]
    assert [q["speaker"]["name"] for q in quotes] == ["Lena Ortiz", "Lena Ortiz"]
    assert quotes[0]["rules"] == ["quote-marks", "governing-verb", "fullest-name"]
    assert quotes[1]["rules"][:2] == ["quote-marks", "carried-over"]
    assert all("rules" not in q for q in plain["quotes"])
    assert all("rules" not in q["speaker"] for q in quotes)
    assert [dict(q, rules=None) for q in quotes] == [dict(q, rules=None) for q in plain["quotes"]]


def test_casualties_explain_rejects_a_non_boolean(client, flood_id):
    response = client.get(f"/v1/articles/{flood_id}/casualties?explain=maybe")
    assert response.status_code == 422
    assert "explain" in response.get_json()["errors"]


def test_entities_explain_names_the_rules_behind_each_entity(client, post_article):
    text = (
        "Baltimore police said the suspect fled on foot on Tuesday.\n\n"
        "Mayor Dana Holt visited the scene. Holt said the city would help the families."
    )
    article_id = post_article(text).get_json()["id"]
    plain, explained = _plain_and_explained(client, f"/v1/articles/{article_id}/entities")
    entities = {e["name"]: e for e in explained["entities"]}
    assert entities["Baltimore police"]["rules"] == ["model-ner", "place-police", "org-head"]
    assert entities["Baltimore"]["rules"][:2] == ["model-ner", "place-inside-name"]
    assert entities["Dana Holt"]["rules"][-1] == "short-person-name"
    assert all(e["rules"] for e in entities.values())
    assert all("rules" not in e for e in plain["entities"])
    assert [e["name"] for e in plain["entities"]] == list(entities)


def _plain_and_explained(client, url: str) -> tuple[dict, dict]:
    """The plain and the explained body of `url`, after checking that the explained one
    is a cached variant of its own (its own ETag, and a 304 for it)."""
    plain = client.get(url)
    explained = client.get(f"{url}?explain=true")
    assert plain.status_code == explained.status_code == 200
    assert plain.headers["ETag"] != explained.headers["ETag"]
    again = client.get(f"{url}?explain=true", headers={"If-None-Match": explained.headers["ETag"]})
    assert again.status_code == 304
    return plain.get_json(), explained.get_json()


# -- summaries in words -------------------------------------------------------------------


@pytest.mark.parametrize("words", [10, 25, 40, 80, 300])
def test_summary_in_words_fits_and_keeps_the_articles_own_words(client, flood_id, words):
    text = client.get(f"/v1/articles/{flood_id}").get_json()["text"]
    body = client.get(f"/v1/articles/{flood_id}/summary?words={words}").get_json()
    assert body["method"] == "compressed-facts-v1"
    assert len(body["text"].split()) <= words
    assert body["text"] == " ".join(s["text"] for s in body["sentences"])
    indexes = [s["index"] for s in body["sentences"]]
    assert indexes == sorted(indexes)
    for sentence in body["sentences"]:
        pieces = "".join(text[span["start"] : span["end"]] for span in sentence["spans"])
        letters = "".join(c for c in pieces.casefold() if c.isalnum())
        assert "".join(c for c in sentence["text"].casefold() if c.isalnum()) == letters
        assert sentence["start"] == sentence["spans"][0]["start"]


def test_summary_defaults_to_80_words(client, flood_id):
    default = client.get(f"/v1/articles/{flood_id}/summary").get_json()
    assert default == client.get(f"/v1/articles/{flood_id}/summary?words=80").get_json()
    assert default["sentences"] and len(default["text"].split()) <= 80
    # The lead's toll is carried.
    assert "at least 12 people" in default["text"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("words=9", "words"),
        ("words=301", "words"),
        ("words=x", "words"),
        ("words=80&sentences=3", "words"),
    ],
)
def test_summary_rejects_bad_word_budgets(client, flood_id, query, field):
    response = client.get(f"/v1/articles/{flood_id}/summary?{query}")
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"


def test_an_ad_hoc_analysis_is_cached_per_publication_date(client, make_app):
    writer = make_app().test_client()
    text = "A gas blast in the port of Kellan killed 30 people in 2021, officials said."

    def historical(published_at: str) -> list[bool]:
        body = writer.post("/v1/analyze", json={"text": text, "published_at": published_at})
        assert body.status_code == 200, body.data
        return [f["historical"] for f in body.get_json()["casualties"]["figures"]]

    assert historical("2021-06-01") == [False]
    # The same text dated four years later tells of an earlier blast: not the cached answer.
    assert historical("2025-06-01") == [True]
    stored = writer.post("/v1/articles", json={"text": text, "published_at": "2025-06-01"})
    figures = writer.get(f"/v1/articles/{stored.get_json()['id']}/casualties").get_json()
    assert [f["historical"] for f in figures["figures"]] == [True]
