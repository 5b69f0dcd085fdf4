"""Grouping reports into events: a function of the reports, whatever their order."""

from itertools import permutations

import pytest

from service.nlp.incidents import EventScene
from service.storage.event_groups import WINDOW_SECONDS, Report, event_id_for, group, link

DAY = 24 * 3600
T0 = 1_740_000_000.0


@pytest.fixture(autouse=True)
def _ruritania_is_a_country(monkeypatch):
    monkeypatch.setattr("service.nlp.incidents._COUNTRY_KEYS", frozenset({"ruritania"}))


def report(article_id, *, day=0.0, family="attack", facilities=(), scene=(), area=(), hints=()):
    places = frozenset(scene) | frozenset(facilities) | frozenset(area)
    return Report(
        article_id,
        family,
        None if day is None else T0 + day * DAY,
        EventScene(frozenset(facilities), frozenset(scene), places, frozenset(hints)),
    )


def events(reports) -> set[frozenset[str]]:
    by_event: dict[str, set[str]] = {}
    for article_id, event_id in group(reports).items():
        by_event.setdefault(event_id, set()).add(article_id)
    return {frozenset(members) for members in by_event.values()}


def test_links_need_the_same_family_the_same_place_and_a_near_date():
    venue = report("a", facilities=["orchid arena"], scene=["velmora"])
    assert link(venue, report("b", day=3, scene=["velmora"]))
    assert not link(venue, report("c", day=3, family="fire", scene=["velmora"]))
    assert not link(venue, report("d", day=WINDOW_SECONDS / DAY + 1, scene=["velmora"]))
    assert not link(venue, report("e", facilities=["central station"], scene=["velmora"]))


def test_an_undated_report_links_on_a_place_never_on_the_country_alone():
    dated = report("a", scene=["velmora", "ruritania"])
    assert link(report("b", day=None, scene=["velmora"]), dated)
    assert not link(report("c", day=None, scene=["ruritania"]), dated)
    assert (
        link(
            report("d", day=40, scene=["ruritania"]),
            report("e", day=41, scene=["velmora", "ruritania"]),
        )
        == 1
    )


BRIDGED = [
    report("venue", day=0, facilities=["orchid arena"]),
    report("town", day=1, scene=["velmora"]),
    report("both", day=2, facilities=["orchid arena"], scene=["velmora"]),
    report("undated", day=None, scene=["velmora"]),
    report("elsewhere", day=1, scene=["kesterton"]),
]


def test_a_report_naming_venue_and_town_bridges_two_groups_in_any_order():
    expected = {frozenset({"venue", "town", "both", "undated"}), frozenset({"elsewhere"})}
    for order in permutations(BRIDGED):
        assert events(order) == expected


def test_without_the_bridge_the_groups_split():
    without = [r for r in BRIDGED if r.article_id != "both"]
    assert events(without) == {
        frozenset({"venue"}),
        frozenset({"town", "undated"}),
        frozenset({"elsewhere"}),
    }


def test_the_event_id_is_its_earliest_reports():
    ids = group(BRIDGED)
    assert ids["both"] == ids["town"] == event_id_for("venue")
    # Undated reports come after every dated one.
    assert group(
        [report("undated", day=None, scene=["velmora"]), report("z", day=5, scene=["velmora"])]
    )["undated"] == event_id_for("z")


def test_a_country_only_report_joins_one_group_and_bridges_none():
    reports = [
        report("velmora-1", day=0, scene=["velmora"], area=["ruritania"]),
        report("velmora-2", day=1, scene=["velmora"], area=["ruritania"]),
        report("kesterton", day=1, scene=["kesterton"], area=["ruritania"]),
        report("vague", day=1, scene=["ruritania"]),
    ]
    for order in permutations(reports):
        assert events(order) == {
            frozenset({"velmora-1", "velmora-2", "vague"}),
            frozenset({"kesterton"}),
        }


def quake(article_id, day, lead, area=(), scene=("ruritania",)):
    return Report(
        article_id,
        "earthquake",
        T0 + day * DAY,
        EventScene(
            frozenset(),
            frozenset(scene),
            frozenset(lead) | frozenset(area) | frozenset(scene),
            frozenset(),
            frozenset({"PE"}),
            frozenset(lead),
        ),
    )


def test_reports_of_one_earthquake_name_different_towns_of_its_region():
    colca = quake("colca", 0, ["colca", "cabanaconde"], scene=["ruritania", "colca"])
    caylloma = quake("caylloma", 1, ["caylloma"], area=["colca"], scene=["ruritania", "caylloma"])
    assert link(colca, caylloma)
    # Four days later, elsewhere in the country, recalling Colca: another earthquake.
    tarata = quake("tarata", 4, ["tacna"], area=["colca"], scene=["ruritania", "tacna"])
    assert not link(colca, tarata) and not link(caylloma, tarata)
    # The same day, but its first paragraph names no place the other names: not by region.
    cusco = quake("cusco", 0, ["cusco"], scene=["ruritania", "cusco"])
    assert not link(colca, cusco)
