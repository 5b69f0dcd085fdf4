"""Corpus-wide /v1/entities, /v1/quotes and /v1/casualties against the real Redis."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from service.ingest import reanalyze_article
from service.render import PART_CASUALTIES, PART_ENTITIES, PART_QUOTES

PROBLEM = "application/problem+json"

# Invented stories: Governor Maria Lopez ("Lopez") and Tom Becker ("Becker")
# across articles, a storm with a rising death toll, a fire and a bus crash.
PLAN = (
    "Governor Maria Lopez announced a new flood defence plan for the city of Port Alder "
    "on Monday.\n"
    '"We will not let the river take another home," Lopez said at a press conference.\n'
    "Opposition leader Tom Becker called the plan expensive. Becker wants a vote."
)
BUDGET = (
    "Governor Lopez signed the budget on Thursday after a long debate with Becker.\n"
    '"This budget protects every family," Lopez said.'
)
STORM = (
    "A powerful storm named Orla struck the coast of Port Alder on Wednesday, killing at "
    "least 12 people and injuring 40 others, officials said.\n"
    'Governor Maria Lopez said "rescue teams are working through the night" and promised help.'
)
STORM_UPDATE = (
    "Rescue crews in Port Alder recovered more bodies on Thursday as the death toll from "
    "storm Orla rose to 19, with more than 60 people injured."
)
FIRE = (
    "A fire at a warehouse in Kesterton killed three workers on Friday, the fire department said."
)
BUS = "Five people were injured when a bus overturned near Greyford on Sunday, police said."

LOPEZ_STORIES = [
    (PLAN, "2025-03-01", "Lopez unveils flood plan"),
    (BUDGET, "2025-03-02", "Budget signed"),
    (STORM, "2025-03-05", "Storm Orla hits Port Alder"),
]
CASUALTY_STORIES = [
    (FIRE, "2025-03-03", "Warehouse fire"),
    (BUS, "2025-03-04", "Bus crash"),
    (STORM, "2025-03-05", "Storm Orla hits Port Alder"),
    (STORM_UPDATE, "2025-03-06", "Orla toll rises"),
]
QUOTE_WORDS = ["apples", "bridges", "candles", "dollars", "engines"]


def council_meeting(n: int) -> str:
    """An article with five quotes by Ana Ruiz, each with one distinctive word."""
    lines = [f"Council member Ana Ruiz spoke at the town hall meeting number {n} in Kesterton."]
    lines += [
        f'"We counted {word} in round {n} and item {i}," Ruiz said.'
        for i, word in enumerate(QUOTE_WORDS)
    ]
    return "\n".join(lines)


@pytest.fixture
def post_story(post_article):
    def _post(text: str, day: str, title: str) -> str:
        response = post_article(text, published_at=day, title=title, source="Alder Gazette")
        assert response.status_code in (200, 201), response.data
        return response.get_json()["id"]

    return _post


@pytest.fixture
def lopez_ids(post_story):
    return [post_story(*story) for story in LOPEZ_STORIES]


@pytest.fixture
def casualty_ids(post_story):
    return [post_story(*story) for story in CASUALTY_STORIES]


@pytest.fixture
def corpus(app):
    return app.extensions["newsfacts"].corpus


def get_items(client, path: str, **params) -> list[dict]:
    response = client.get(path, query_string=params)
    assert response.status_code == 200, response.data
    return response.get_json()["items"]


def all_pages(client, path: str, **params) -> list[dict]:
    items, cursor = [], None
    while True:
        query = dict(params, **({"cursor": cursor} if cursor else {}))
        body = client.get(path, query_string=query).get_json()
        items.extend(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def entity_named(items: list[dict], name: str) -> dict:
    found = [e for e in items if e["name"] == name]
    assert len(found) == 1, [e["name"] for e in items]
    return found[0]


def corpus_keys(redis_client, key_prefix: str) -> list[bytes]:
    return list(redis_client.scan_iter(match=f"{key_prefix}*corpus*", count=1000))


class TestEntities:
    def test_one_entity_per_thing_across_articles(self, client, lopez_ids):
        items = get_items(client, "/v1/entities", limit=100)
        lopez = entity_named(items, "Maria Lopez")
        assert lopez["type"] == "PERSON"
        assert lopez["article_count"] == 3  # BUDGET's "Governor Lopez" merges by alias
        assert "Lopez" in lopez["aliases"]
        assert entity_named(items, "Port Alder")["article_count"] == 2
        counts = [e["article_count"] for e in items]
        assert counts == sorted(counts, reverse=True)

    def test_a_known_alias_merges_into_the_full_name(self, client, lopez_ids):
        items = get_items(client, "/v1/entities", q="becker")
        assert [e["name"] for e in items] == ["Tom Becker"]
        assert items[0]["article_count"] == 2  # BUDGET only says "Becker"
        assert items[0]["aliases"] == ["Becker"]
        assert items[0]["mentions"] >= 3

    def test_type_filter_takes_a_comma_list_in_any_case(self, client, lopez_ids):
        gpes = get_items(client, "/v1/entities", type="gpe")
        assert gpes and {e["type"] for e in gpes} == {"GPE"}
        both = get_items(client, "/v1/entities", type="PERSON, GPE", limit=100)
        assert {e["type"] for e in both} == {"PERSON", "GPE"}
        assert all_pages(client, "/v1/entities", type="PERSON,GPE", limit=1) == both
        assert get_items(client, "/v1/entities", type="PERSON,GPE", q="alder") == gpes

    def test_q_needs_every_word(self, client, lopez_ids):
        assert [e["name"] for e in get_items(client, "/v1/entities", q="LOPEZ maria")] == [
            "Maria Lopez"
        ]
        assert get_items(client, "/v1/entities", q="maria becker") == []
        assert get_items(client, "/v1/entities", q="...") == []

    def test_pages_have_no_gaps_or_duplicates(self, client, lopez_ids, casualty_ids):
        everything = get_items(client, "/v1/entities", limit=100)
        assert len(everything) > 5
        paged = all_pages(client, "/v1/entities", limit=2)
        assert paged == everything


class TestQuotes:
    def test_speaker_full_name_surname_and_case_agree(self, client, lopez_ids):
        by_name = get_items(client, "/v1/quotes", speaker="Maria Lopez")
        assert len(by_name) == 3
        assert {q["article_id"] for q in by_name} == set(lopez_ids)
        for spelling in ("lopez", "LOPEZ", "maria lopez", "Lopez"):
            assert get_items(client, "/v1/quotes", speaker=spelling) == by_name
        assert get_items(client, "/v1/quotes", speaker="Nobody Known") == []

    def test_a_speaker_first_quoted_by_surname_joins_the_full_name_quoted_later(
        self, client, post_story
    ):
        budget = post_story(BUDGET, "2025-03-02", "Budget signed")  # "Lopez said"
        storm = post_story(STORM, "2025-03-05", "Storm Orla hits Port Alder")  # Maria Lopez
        by_name = get_items(client, "/v1/quotes", speaker="Maria Lopez")
        assert {q["article_id"] for q in by_name} == {budget, storm}

    def test_items_carry_quote_and_article_fields(self, client, lopez_ids):
        newest = get_items(client, "/v1/quotes", speaker="lopez")[0]
        assert newest["article_id"] == lopez_ids[2]
        assert newest["published_at"] == "2025-03-05T00:00:00Z"
        assert newest["title"] == "Storm Orla hits Port Alder"
        assert newest["source"] == "Alder Gazette"
        assert newest["text"] == "rescue teams are working through the night"
        assert newest["speaker"]["name"] == "Maria Lopez"
        assert {"kind", "cue", "start", "end", "spans"} <= newest.keys()

    def test_newest_first_and_date_range(self, client, lopez_ids):
        dates = [q["published_at"] for q in get_items(client, "/v1/quotes")]
        assert dates == sorted(dates, reverse=True)
        ranged = get_items(client, "/v1/quotes", since="2025-03-02", until="2025-03-04")
        assert {q["article_id"] for q in ranged} == {lopez_ids[1]}
        assert get_items(client, "/v1/quotes", since="2025-03-06") == []

    def test_q_needs_every_word_in_the_quote(self, client, lopez_ids):
        found = get_items(client, "/v1/quotes", q="BUDGET family")
        assert [q["text"] for q in found] == ["This budget protects every family"]
        assert get_items(client, "/v1/quotes", q="budget river") == []
        assert get_items(client, "/v1/quotes", q="river", speaker="becker") == []

    def test_25_quotes_in_pages_of_10(self, client, post_story):
        for n in range(5):
            post_story(council_meeting(n), f"2025-04-0{n + 1}", f"Meeting {n}")
        pages, cursor = [], None
        while True:
            query = {"limit": 10, "speaker": "ruiz", **({"cursor": cursor} if cursor else {})}
            body = client.get("/v1/quotes", query_string=query).get_json()
            pages.append(body["items"])
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert [len(p) for p in pages] == [10, 10, 5]
        texts = [q["text"] for page in pages for q in page]
        assert len(set(texts)) == 25
        # newest article first, each article's quotes in text order
        assert texts[:5] == [
            f"We counted {w} in round 4 and item {i}" for i, w in enumerate(QUOTE_WORDS)
        ]
        assert get_items(client, "/v1/quotes", q="candles", limit=100, speaker="Ana Ruiz") == [
            q for page in pages for q in page if "candles" in q["text"]
        ]


class TestCasualties:
    def test_one_item_per_reporting_article_newest_first(self, client, casualty_ids):
        items = get_items(client, "/v1/casualties")
        assert [i["article_id"] for i in items] == casualty_ids[::-1]
        update = items[0]
        assert update["title"] == "Orla toll rises"
        assert update["source"] == "Alder Gazette"
        assert update["published_at"] == "2025-03-06T00:00:00Z"
        assert update["totals"]["killed"]["value"] == 19
        assert set(update["totals"]) == {"killed", "injured", "missing"}

    def test_articles_without_figures_are_not_listed(self, client, lopez_ids):
        assert [i["article_id"] for i in get_items(client, "/v1/casualties")] == [lopez_ids[2]]

    def test_min_killed_uses_the_lower_bound(self, client, casualty_ids):
        fire, bus, storm, update = casualty_ids
        assert [i["article_id"] for i in get_items(client, "/v1/casualties", min_killed=12)] == [
            update,
            storm,
        ]
        assert [i["article_id"] for i in get_items(client, "/v1/casualties", min_killed=13)] == [
            update
        ]
        assert [i["article_id"] for i in get_items(client, "/v1/casualties", min_killed=1)] == [
            update,
            storm,
            fire,
        ]
        assert len(get_items(client, "/v1/casualties", min_killed=0)) == 4

    def test_q_since_until_and_pages(self, client, casualty_ids):
        fire, bus, storm, update = casualty_ids
        assert [i["article_id"] for i in get_items(client, "/v1/casualties", q="Warehouse")] == [
            fire
        ]
        assert [i["article_id"] for i in get_items(client, "/v1/casualties", q="orla")] == [
            update,
            storm,
        ]
        ranged = get_items(client, "/v1/casualties", since="2025-03-04", until="2025-03-05")
        assert [i["article_id"] for i in ranged] == [storm, bus]
        paged = all_pages(client, "/v1/casualties", limit=3)
        assert [i["article_id"] for i in paged] == casualty_ids[::-1]


class TestDelete:
    def test_deleting_an_article_takes_back_its_contributions(self, client, lopez_ids):
        plan, budget, storm = lopez_ids
        assert client.delete(f"/v1/articles/{budget}").status_code == 204
        becker = get_items(client, "/v1/entities", q="becker")
        assert [(e["name"], e["article_count"]) for e in becker] == [("Tom Becker", 1)]
        quotes = get_items(client, "/v1/quotes", speaker="lopez")
        assert {q["article_id"] for q in quotes} == {plan, storm}
        assert client.delete(f"/v1/articles/{storm}").status_code == 204
        assert get_items(client, "/v1/casualties") == []
        lopez = get_items(client, "/v1/entities", q="lopez")
        assert [(e["name"], e["article_count"]) for e in lopez] == [("Maria Lopez", 1)]
        assert "Orla" not in [e["name"] for e in get_items(client, "/v1/entities", limit=100)]

    def test_no_corpus_key_survives_deleting_every_article(
        self, client, lopez_ids, casualty_ids, redis_client, key_prefix
    ):
        assert corpus_keys(redis_client, key_prefix)
        for article_id in set(lopez_ids + casualty_ids):
            assert client.delete(f"/v1/articles/{article_id}").status_code == 204
        assert corpus_keys(redis_client, key_prefix) == []
        for path in ("/v1/entities", "/v1/quotes", "/v1/casualties"):
            assert get_items(client, path) == []

    def test_reingesting_after_delete_counts_once(self, client, post_story, lopez_ids):
        assert client.delete(f"/v1/articles/{lopez_ids[0]}").status_code == 204
        post_story(*LOPEZ_STORIES[0])
        post_story(*LOPEZ_STORIES[0])  # already stored: changes nothing
        lopez = entity_named(get_items(client, "/v1/entities", q="lopez"), "Maria Lopez")
        assert lopez["article_count"] == 3
        assert len(get_items(client, "/v1/quotes", speaker="lopez")) == 3


class TestMaintenance:
    def test_reanalysis_swaps_the_contribution_without_double_counting(
        self, app, client, lopez_ids
    ):
        before = {
            path: get_items(client, path, limit=100)
            for path in ("/v1/entities", "/v1/quotes", "/v1/casualties")
        }
        for article_id in lopez_ids:
            assert reanalyze_article(article_id, app.extensions["newsfacts"])
        for path, items in before.items():
            assert get_items(client, path, limit=100) == items

    def test_stats_counts_the_indexes(self, corpus, lopez_ids):
        stats = corpus.stats()
        assert stats["quotes"] == 3
        assert stats["casualty_reports"] == 1
        assert stats["speakers"] >= 1
        assert stats["entities"] >= 4


class TestArticleSets:
    """The sets the lead uses for GET /v1/articles?entity=&speaker=."""

    def test_entity_and_speaker_sets_hold_article_ids(self, corpus, redis_client, lopez_ids):
        plan, budget, storm = lopez_ids
        for name in ("Maria Lopez", "lopez"):
            key = corpus.entity_article_set(name)
            assert {m.decode() for m in redis_client.zrange(key, 0, -1)} == {plan, budget, storm}
        speaker_key = corpus.speaker_article_set("LOPEZ")
        assert speaker_key == corpus.speaker_article_set("Maria Lopez")
        assert {m.decode() for m in redis_client.zrange(speaker_key, 0, -1)} == set(lopez_ids)
        assert corpus.entity_article_set("Nobody Known") is None
        assert corpus.speaker_article_set("") is None

    def test_scores_match_the_article_date_index(self, corpus, redis_client, lopez_ids, app):
        by_date = app.extensions["newsfacts"].keys.by_date
        key = corpus.speaker_article_set("lopez")
        assert dict(redis_client.zrange(key, 0, -1, withscores=True)) == dict(
            redis_client.zrange(by_date, 0, -1, withscores=True)
        )


def analysis_parts(entities=(), quotes=()) -> dict[str, bytes]:
    envelope = {"article_id": "0" * 16, "pipeline_version": "test"}
    totals = {"killed": None, "injured": None, "missing": None}
    return {
        PART_ENTITIES: json.dumps({**envelope, "entities": list(entities)}).encode(),
        PART_QUOTES: json.dumps({**envelope, "quotes": list(quotes)}).encode(),
        PART_CASUALTIES: json.dumps({**envelope, "totals": totals, "figures": []}).encode(),
    }


def entity(name: str, type_: str, aliases=(), mentions=1) -> dict:
    return {
        "name": name,
        "type": type_,
        "mentions": mentions,
        "salience": 0.5,
        "aliases": list(aliases),
        "spans": [],
    }


class TestAliasRules:
    """CorpusIndex with hand-written analyses, through the store's own transactions."""

    @pytest.fixture
    def store(self, app, corpus):
        articles = app.extensions["newsfacts"].articles

        def _store(article_id: str, day: int, *entities: dict) -> None:
            meta = {
                "id": article_id,
                "title": None,
                "url": None,
                "source": None,
                "authors": [],
                "published_at": f"2025-05-{day:02d}T00:00:00Z",
                "ingested_at": "2025-06-01T00:00:00Z",
                "language": "en",
                "stats": {},
            }
            record = corpus.prepare(meta, analysis_parts(entities))
            when = dt.datetime(2025, 5, day, tzinfo=dt.UTC)
            articles.add(
                meta, f"text {article_id}", sort_time=when, derived_records=[(corpus, record)]
            )

        return _store

    def test_acronym_alias_is_found_by_q_and_merges(self, client, store):
        store("a" * 16, 1, entity("World Health Organization", "ORG", ["WHO"], 3))
        store("b" * 16, 2, entity("WHO", "ORG"))
        items = get_items(client, "/v1/entities", q="who")
        assert [(e["name"], e["article_count"], e["mentions"]) for e in items] == [
            ("World Health Organization", 2, 4)
        ]

    def test_an_ambiguous_surname_or_another_type_does_not_merge(self, client, store):
        store("a" * 16, 1, entity("Ana Ruiz", "PERSON"), entity("Luis Ruiz", "PERSON"))
        store("b" * 16, 2, entity("Ruiz", "PERSON"), entity("Lopez", "ORG"))
        store("c" * 16, 3, entity("Maria Lopez", "PERSON"))
        names = {e["name"]: e["article_count"] for e in get_items(client, "/v1/entities")}
        assert names == {"Ana Ruiz": 1, "Luis Ruiz": 1, "Ruiz": 1, "Lopez": 1, "Maria Lopez": 1}

    @pytest.mark.parametrize(
        "order",
        [("surname", "full", "other"), ("full", "other", "surname"), ("other", "surname", "full")],
    )
    def test_the_merge_does_not_depend_on_the_order_of_ingestion(self, client, store, order):
        stories = {
            "surname": ("a" * 16, 1, [entity("Lopez", "PERSON"), entity("WHO", "ORG")]),
            "full": ("b" * 16, 2, [entity("Maria Lopez", "PERSON", mentions=2)]),
            "other": ("c" * 16, 3, [entity("World Health Organization", "ORG", ["WHO"])]),
        }
        for name in order:
            article_id, day, entities = stories[name]
            store(article_id, day, *entities)
        items = get_items(client, "/v1/entities")
        assert sorted((e["name"], e["article_count"]) for e in items) == [
            ("Maria Lopez", 2),
            ("World Health Organization", 2),
        ]

    def test_a_merged_surname_stands_alone_again_when_its_full_name_goes(self, client, store):
        store("a" * 16, 1, entity("Lopez", "PERSON"))
        store("b" * 16, 2, entity("Maria Lopez", "PERSON"))
        assert [e["name"] for e in get_items(client, "/v1/entities")] == ["Maria Lopez"]
        assert client.delete(f"/v1/articles/{'b' * 16}").status_code == 204
        assert [(e["name"], e["article_count"]) for e in get_items(client, "/v1/entities")] == [
            ("Lopez", 1)
        ]
        # A second full name makes the surname ambiguous: it stays a thing of its own.
        store("c" * 16, 3, entity("Maria Lopez", "PERSON"))
        store("d" * 16, 4, entity("Juan Lopez", "PERSON"))
        names = {e["name"] for e in get_items(client, "/v1/entities")}
        assert names == {"Lopez", "Maria Lopez", "Juan Lopez"}

    def test_a_surname_in_the_same_article_merges(self, client, store):
        store("a" * 16, 1, entity("Maria Lopez", "PERSON", mentions=2), entity("Lopez", "PERSON"))
        items = get_items(client, "/v1/entities")
        assert [(e["name"], e["mentions"], e["aliases"]) for e in items] == [
            ("Maria Lopez", 3, ["Lopez"])
        ]


class TestErrors:
    @pytest.mark.parametrize(
        ("path", "params", "field"),
        [
            ("/v1/entities", {"limit": 0}, "limit"),
            ("/v1/entities", {"limit": 101}, "limit"),
            ("/v1/entities", {"type": "PERSON;ORG"}, "type"),
            ("/v1/entities", {"cursor": "not-a-cursor"}, "cursor"),
            ("/v1/quotes", {"since": "yesterday"}, "since"),
            ("/v1/quotes", {"limit": "ten"}, "limit"),
            ("/v1/quotes", {"speaker": ""}, "speaker"),
            ("/v1/casualties", {"min_killed": -1}, "min_killed"),
            ("/v1/casualties", {"until": "2025-13-01"}, "until"),
        ],
    )
    def test_bad_parameters_are_422_problems(self, client, path, params, field):
        response = client.get(path, query_string=params)
        assert response.status_code == 422
        assert response.mimetype == PROBLEM
        body = response.get_json(force=True)
        assert body["status"] == 422
        assert field in json.dumps(body["errors"])

    def test_lists_answer_conditional_gets(self, client, lopez_ids):
        first = client.get("/v1/entities")
        again = client.get("/v1/entities", headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304


class TestArticleFilters:
    """GET /v1/articles?entity= and ?speaker=, through names and aliases in any case."""

    def ids(self, client, **params) -> list[str]:
        return [a["id"] for a in get_items(client, "/v1/articles", **params)]

    @pytest.mark.parametrize("name", ["Maria Lopez", "maria lopez", "Lopez", "LOPEZ"])
    def test_entity_filter_finds_every_article_naming_it(self, client, lopez_ids, name):
        assert self.ids(client, entity=name) == list(reversed(lopez_ids))

    @pytest.mark.parametrize("name", ["Maria Lopez", "lopez"])
    def test_speaker_filter_finds_articles_quoting_them(self, client, lopez_ids, name):
        assert self.ids(client, speaker=name) == list(reversed(lopez_ids))

    def test_filters_combine_with_the_others(self, client, lopez_ids):
        plan, budget, _storm = lopez_ids
        assert self.ids(client, entity="Becker") == [budget, plan]
        assert self.ids(client, entity="Becker", q="flood") == [plan]
        assert self.ids(client, entity="Lopez", until="2025-03-02") == [budget, plan]

    def test_unknown_names_match_nothing(self, client, lopez_ids):
        assert self.ids(client, entity="Nobody Atall") == []
        assert self.ids(client, speaker="Becker") == []

    def test_deleted_articles_leave_the_filters(self, client, lopez_ids):
        plan, budget, storm = lopez_ids
        assert client.delete(f"/v1/articles/{plan}").status_code == 204
        assert self.ids(client, entity="Lopez") == [storm, budget]
