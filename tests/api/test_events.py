"""/v1/events (grouping at ingest) and text/csv lists, against the real Redis."""

from __future__ import annotations

import csv
import io

import pytest

from service.ingest import reanalyze_article

PROBLEM = "application/problem+json"
CSV = "text/csv"

# Invented stories: an attack at the Orchid Arena in Velmora reported on two days by two
# outlets, a bombing elsewhere in Velmora a month later, a council story recalling an
# earlier bombing, a flood in Marlow Creek and a story without casualties.
ARENA_FIRST = (
    "Gunmen opened fire at the Orchid Arena in Velmora on Saturday night, killing at least "
    "12 people and injuring 30 others, police said.\n\n"
    "Witnesses said the attackers fled in a white van. The arena was hosting a concert."
)
ARENA_UPDATE = (
    "The death toll from the attack at the Orchid Arena in Velmora rose to 27 on Monday, "
    "with 54 people injured, health officials said.\n\n"
    "Investigators said the gunmen had planned the assault for weeks."
)
STATION_BOMBING = (
    "A bomb exploded at the Central Station in Velmora on Sunday, killing eight people and "
    "injuring 19, police said.\n\n"
    "No group has claimed responsibility for the bombing."
)
COUNCIL_RECALL = (
    "The Velmora city council voted on Tuesday to raise spending on emergency services.\n\n"
    "Last year's bombing at the Orchid Arena killed 30 people, and the council said the "
    "city must be better prepared."
)
FLOOD = (
    "Flash floods swept through the town of Marlow Creek on Sunday, killing at least nine "
    "people, officials said.\n\n"
    "Rescue teams searched for residents along the river."
)
REOPENING = (
    "The Orchid Arena in Velmora will reopen next month, its owners said on Wednesday.\n\n"
    "Tickets for the first concert go on sale on Friday."
)


@pytest.fixture
def post_story(post_article):
    def _post(text: str, day: str, source: str, **fields) -> str:
        response = post_article(text, published_at=day, source=source, **fields)
        assert response.status_code in (200, 201), response.data
        return response.get_json()["id"]

    return _post


@pytest.fixture
def arena(post_story):
    """The attack reported twice (the later report first, as a feed may deliver it)."""
    update = post_story(ARENA_UPDATE, "2025-05-12", "Velmora Daily")
    first = post_story(ARENA_FIRST, "2025-05-10", "Harbour Courier")
    return first, update


def events(client, **query) -> list[dict]:
    response = client.get("/v1/events", query_string=query)
    assert response.status_code == 200, response.data
    return response.get_json()["items"]


def event_of(client, article_id: str) -> dict | None:
    """The event (with timeline) an article is in, or None."""
    for item in events(client, limit=100):
        detail = client.get(f"/v1/events/{item['id']}").get_json()
        if article_id in detail["article_ids"]:
            return detail
    return None


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200, response.data
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


# -- grouping -------------------------------------------------------------------


def test_two_reports_of_one_attack_form_one_event_with_a_rising_timeline(client, arena):
    first, update = arena
    [event] = events(client)
    assert event["article_count"] == 2
    assert event["kind"] == "shooting"
    assert event["place"] == "Velmora"
    assert event["label"] == "Orchid Arena shooting, Velmora, 2025-05-10"
    assert event["first_reported"] == "2025-05-10T00:00:00Z"
    assert event["last_reported"] == "2025-05-12T00:00:00Z"
    assert event["totals"]["killed"] == {
        "value": 27,
        "qualifier": "exact",
        "article_id": update,
        "source": "Velmora Daily",
    }
    assert event["totals"]["injured"]["value"] == 54
    assert event["totals"]["missing"] is None

    detail = client.get(f"/v1/events/{event['id']}").get_json()
    assert detail["article_ids"] == [first, update]
    timeline = detail["timeline"]
    assert [r["article_id"] for r in timeline] == [first, update]
    assert [r["totals"]["killed"] for r in timeline] == [
        {"value": 12, "qualifier": "at_least"},
        {"value": 27, "qualifier": "exact"},
    ]
    assert timeline[0]["source"] == "Harbour Courier"
    assert timeline[0]["published_at"] == "2025-05-10T00:00:00Z"


def test_latest_figure_per_category_comes_from_the_latest_report_stating_it(
    client, arena, post_story
):
    later = post_story(
        "The number of people killed in the attack at the Orchid Arena in Velmora rose to "
        "29, police said on Wednesday.",
        "2025-05-14",
        "Wire",
    )
    [event] = events(client)
    assert event["article_count"] == 3
    assert event["totals"]["killed"]["value"] == 29
    assert event["totals"]["killed"]["article_id"] == later
    # The latest report gives no injured figure: the one before it still stands.
    assert event["totals"]["injured"]["value"] == 54
    assert event["totals"]["injured"]["article_id"] == arena[1]


def test_reports_of_the_same_day_are_in_the_order_their_tolls_rise(client, arena, post_story):
    for killed, source in ((31, "Wire A"), (28, "Wire B")):
        post_story(
            f"The attack at the Orchid Arena in Velmora has killed {killed} people, police "
            "said on Thursday.",
            "2025-05-15",
            source,
        )
    [event] = events(client)
    timeline = client.get(f"/v1/events/{event['id']}").get_json()["timeline"]
    assert [r["totals"]["killed"]["value"] for r in timeline] == [12, 27, 28, 31]
    assert event["totals"]["killed"]["value"] == 31


def test_other_attack_in_the_same_city_a_month_later_is_another_event(client, arena, post_story):
    station = post_story(STATION_BOMBING, "2025-06-15", "Velmora Daily")
    assert len(events(client)) == 2
    detail = event_of(client, station)
    assert detail["article_ids"] == [station]
    assert detail["totals"]["killed"]["value"] == 8


def test_an_earlier_attack_mentioned_only_as_context_is_not_joined(client, arena, post_story):
    council = post_story(COUNCIL_RECALL, "2025-05-13", "Velmora Daily")
    casualties = client.get(f"/v1/articles/{council}/casualties").get_json()
    assert all(f["historical"] for f in casualties["figures"])
    [event] = events(client)
    assert event["article_count"] == 2
    assert event_of(client, council) is None


def test_flood_elsewhere_is_its_own_event_and_no_casualties_means_no_event(
    client, arena, post_story
):
    flood = post_story(FLOOD, "2025-05-11", "Valley Times")
    reopening = post_story(REOPENING, "2025-05-14", "Velmora Daily")
    labels = {e["label"] for e in events(client)}
    assert labels == {
        "Orchid Arena shooting, Velmora, 2025-05-10",
        "Marlow Creek flood, 2025-05-11",
    }
    assert event_of(client, flood)["article_ids"] == [flood]
    assert event_of(client, reopening) is None


def test_delete_removes_the_report_and_the_last_one_takes_the_event(client, arena):
    first, update = arena
    [event] = events(client)
    assert client.delete(f"/v1/articles/{update}").status_code == 204
    [after] = events(client)
    assert after["id"] == event["id"]
    assert after["article_count"] == 1
    assert after["totals"]["killed"]["value"] == 12
    assert after["last_reported"] == "2025-05-10T00:00:00Z"
    assert client.delete(f"/v1/articles/{first}").status_code == 204
    assert events(client) == []
    assert events(client, min_killed=1) == []
    assert client.get(f"/v1/events/{event['id']}").status_code == 404


def test_reanalysis_keeps_the_article_in_its_event(app, client, arena):
    [before] = events(client)
    assert reanalyze_article(arena[1], app.extensions["newsfacts"])
    assert events(client) == [before]


def test_reingesting_a_report_changes_nothing(client, arena, post_story):
    [before] = events(client)
    post_story(ARENA_UPDATE, "2025-05-12", "Velmora Daily")
    assert events(client) == [before]


# -- listing ---------------------------------------------------------------------


@pytest.fixture
def three_events(client, arena, post_story):
    post_story(STATION_BOMBING, "2025-06-15", "Velmora Daily")
    post_story(FLOOD, "2025-05-11", "Valley Times")
    return {e["label"].split(",")[0]: e for e in events(client)}


def test_events_list_newest_first_with_filters(client, three_events):
    order = [e["label"].split(",")[0] for e in events(client)]
    assert order == ["Central Station bombing", "Orchid Arena shooting", "Marlow Creek flood"]
    assert [e["label"] for e in events(client, since="2025-06-01")] == [
        three_events["Central Station bombing"]["label"]
    ]
    assert {e["place"] for e in events(client, until="2025-05-12")} == {"Velmora", "Marlow Creek"}
    assert [e["kind"] for e in events(client, q="flood")] == ["flood"]
    assert len(events(client, q="velmora")) == 2
    assert events(client, q="orchid velmora")[0]["article_count"] == 2
    assert events(client, q="atlantis") == []
    assert [e["totals"]["killed"]["value"] for e in events(client, min_killed=20)] == [27]
    assert len(events(client, min_killed=0)) == 3


def test_events_pagination_walks_every_event_once(client, three_events):
    seen, cursor = [], None
    while True:
        query = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        page = client.get("/v1/events", query_string=query).get_json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(e["id"] for e in three_events.values())


@pytest.mark.parametrize(
    "query", [{"limit": 0}, {"limit": 101}, {"cursor": "nope"}, {"since": "yesterday"}]
)
def test_events_list_rejects_bad_queries(client, query):
    response = client.get("/v1/events", query_string=query)
    assert response.status_code == 422
    assert response.mimetype == PROBLEM


def test_unknown_event_is_a_404_problem(client):
    response = client.get("/v1/events/0123456789abcdef")
    assert response.status_code == 404
    assert response.mimetype == PROBLEM
    assert "0123456789abcdef" in response.get_json()["detail"]


# -- CSV -------------------------------------------------------------------------


def test_events_as_csv(client, three_events):
    response = client.get("/v1/events", headers={"Accept": CSV})
    assert response.headers["Vary"] == "Accept"
    rows = csv_rows(response)
    assert list(rows[0]) == [
        "id",
        "label",
        "kind",
        "place",
        "incident_date",
        "first_reported",
        "last_reported",
        "article_count",
        "killed",
        "killed_qualifier",
        "injured",
        "injured_qualifier",
        "missing",
        "missing_qualifier",
    ]
    arena = next(r for r in rows if r["label"].startswith("Orchid"))
    # The label has commas: the cell is quoted and reads back whole.
    assert arena["label"] == "Orchid Arena shooting, Velmora, 2025-05-10"
    assert arena["killed"] == "27" and arena["killed_qualifier"] == "exact"
    assert arena["missing"] == "" and arena["missing_qualifier"] == ""
    assert 'Orchid Arena shooting, Velmora, 2025-05-10"' in response.get_data(as_text=True)


def test_csv_has_its_own_etag_and_answers_304(client, three_events):
    csv_response = client.get("/v1/events", headers={"Accept": CSV})
    json_response = client.get("/v1/events")
    assert csv_response.headers["ETag"] != json_response.headers["ETag"]
    again = client.get(
        "/v1/events", headers={"Accept": CSV, "If-None-Match": csv_response.headers["ETag"]}
    )
    assert again.status_code == 304


def test_csv_pages_link_to_the_next_page(client, three_events):
    response = client.get("/v1/events?limit=1&q=velmora", headers={"Accept": CSV})
    assert [r["label"] for r in csv_rows(response)] == [
        "Central Station bombing, Velmora, 2025-06-15"
    ]
    cursor = response.headers["X-Next-Cursor"]
    link = response.headers["Link"]
    assert link.startswith("</v1/events?") and link.endswith('>; rel="next"')
    assert "q=velmora" in link and f"cursor={cursor}" in link
    following = client.get(link[1 : link.index(">")], headers={"Accept": CSV})
    assert [r["kind"] for r in csv_rows(following)] == ["shooting"]
    assert "Link" not in following.headers and "X-Next-Cursor" not in following.headers


def test_casualties_as_csv_flatten_totals_and_defuse_formulas(client, post_story):
    post_story(FLOOD, "2025-05-11", '=HYPERLINK("http://evil")', title="+Flood; -news")
    [row] = csv_rows(client.get("/v1/casualties", headers={"Accept": CSV}))
    assert row["source"] == '\'=HYPERLINK("http://evil")'
    assert row["title"] == "'+Flood; -news"
    assert row["killed"] == "9" and row["killed_qualifier"] == "at_least"
    assert row["injured"] == "" and row["published_at"] == "2025-05-11T00:00:00Z"


def test_entities_and_quotes_as_csv(client, post_story):
    post_story(
        "Mayor Helen Ortiz of Marlow Creek toured the flooded streets on Monday.\n\n"
        '"@everyone must leave the river bank now," Ortiz said.',
        "2025-05-12",
        "Valley Times",
    )
    entities = csv_rows(client.get("/v1/entities?type=PERSON", headers={"Accept": CSV}))
    assert list(entities[0]) == ["name", "type", "article_count", "mentions", "aliases"]
    ortiz = next(r for r in entities if r["name"] == "Helen Ortiz")
    assert ortiz["type"] == "PERSON" and ortiz["article_count"] == "1"
    assert "Ortiz" in ortiz["aliases"].split("; ")

    [quote] = csv_rows(client.get("/v1/quotes", headers={"Accept": CSV}))
    assert quote["text"] == "'@everyone must leave the river bank now"
    assert quote["speaker_name"] == "Helen Ortiz" and quote["speaker_type"] == "PERSON"
    assert "speaker" not in quote


@pytest.mark.parametrize("path", ["/v1/events", "/v1/entities", "/v1/quotes", "/v1/casualties"])
@pytest.mark.parametrize("accept", ["application/xml", "*/*", "text/csv;q=0.5, application/json"])
def test_lists_answer_json_unless_csv_is_preferred(client, path, accept):
    response = client.get(path, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.get_json() == {"items": [], "next_cursor": None}
    assert response.headers["Vary"] == "Accept"


def test_openapi_documents_the_csv_alternative(client):
    spec = client.get("/openapi.json").get_json()
    for path in ("/v1/events", "/v1/entities", "/v1/quotes", "/v1/casualties"):
        content = spec["paths"][path]["get"]["responses"]["200"]["content"]
        assert set(content) == {"application/json", "text/csv"}


# -- regrouping: a function of the reports, not of their order ------------------

VENUE_ONLY = (
    "Gunmen opened fire at the Orchid Arena on Saturday night, killing at least 12 people, "
    "police said.\n\nWitnesses said the attackers fled in a white van."
)
TOWN_ONLY = (
    "Gunmen killed 14 people in an attack in Velmora on Saturday night, officials said.\n\n"
    "The city's mayor called for calm."
)
UNDATED_UPDATE = (
    "VELMORA, May 11, 2025 (Reuters) - The death toll from the attack in Velmora rose to 20 "
    "on Sunday, hospital officials said.\n\nThe gunmen have not been found."
)


def groups(client) -> set[frozenset[str]]:
    found = set()
    for item in events(client, limit=100):
        detail = client.get(f"/v1/events/{item['id']}").get_json()
        found.add(frozenset(detail["article_ids"]))
    return found


REPORTS = {
    "venue": (VENUE_ONLY, "2025-05-10"),
    "town": (TOWN_ONLY, "2025-05-10"),
    "bridge": (ARENA_UPDATE, "2025-05-12"),
    "undated": (UNDATED_UPDATE, None),
    "flood": (FLOOD, "2025-05-11"),
}


@pytest.mark.parametrize(
    "order",
    [
        ["venue", "town", "bridge", "undated", "flood"],
        ["bridge", "flood", "undated", "town", "venue"],
        ["undated", "venue", "flood", "bridge", "town"],
        ["town", "undated", "bridge", "venue", "flood"],
    ],
)
def test_the_same_reports_in_any_order_form_the_same_events(client, post_article, order):
    ids = {}
    for name in order:
        text, day = REPORTS[name]
        fields = {"published_at": day} if day else {}
        ids[name] = post_article(text, source=name, **fields).get_json()["id"]
    assert groups(client) == {
        frozenset(ids[n] for n in ("venue", "town", "bridge", "undated")),
        frozenset({ids["flood"]}),
    }
    attack = event_of(client, ids["venue"])
    # One report calls it a shooting, the others an attack: the label takes the most common.
    assert attack["label"] == "Orchid Arena attack, Velmora, 2025-05-10"
    undated = next(r for r in attack["timeline"] if r["article_id"] == ids["undated"])
    assert undated["published_at"] is None
    assert undated["incident_date"] == "2025-05-11"


def test_a_deleted_bridge_splits_the_event_and_its_old_id_redirects(client, post_story):
    venue = post_story(VENUE_ONLY, "2025-05-10", "A")
    town = post_story(TOWN_ONLY, "2025-05-11", "B")
    assert groups(client) == {frozenset({venue}), frozenset({town})}
    town_event = event_of(client, town)["id"]
    bridge = post_story(ARENA_UPDATE, "2025-05-12", "C")
    assert groups(client) == {frozenset({venue, town, bridge})}
    merged = event_of(client, venue)["id"]
    assert merged != town_event
    # A bookmark of the event merged away leads to the one holding its reports.
    response = client.get(f"/v1/events/{town_event}")
    assert response.status_code == 307
    assert response.headers["Location"].endswith(f"/v1/events/{merged}")
    assert client.delete(f"/v1/articles/{bridge}").status_code == 204
    assert groups(client) == {frozenset({venue}), frozenset({town})}
    assert event_of(client, town)["id"] == town_event
    assert client.get(f"/v1/events/{town_event}").status_code == 200


def test_an_undated_report_never_carries_the_ingestion_date(client, post_article):
    post_article(TOWN_ONLY, source="no date at all")
    [event] = events(client)
    assert event["label"] == "Velmora attack"
    assert event["incident_date"] is None
    assert event["first_reported"] is None and event["last_reported"] is None
    detail = client.get(f"/v1/events/{event['id']}").get_json()
    assert detail["timeline"][0]["published_at"] is None


def test_a_toll_revised_down_by_a_later_report_is_the_events_figure(client, arena, post_story):
    revised = post_story(
        "Police revised the death toll from the attack at the Orchid Arena in Velmora down "
        "to 25 from 27 on Tuesday, saying two victims had been counted twice.",
        "2025-05-13",
        "Velmora Daily",
    )
    [event] = events(client)
    assert event["totals"]["killed"]["value"] == 25
    assert event["totals"]["killed"]["article_id"] == revised
    timeline = client.get(f"/v1/events/{event['id']}").get_json()["timeline"]
    assert [r["totals"]["killed"]["value"] for r in timeline] == [12, 27, 25]
