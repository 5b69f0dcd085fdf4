"""The incident an analysed article reports, and when an article matches an event."""

import json
from datetime import date

import pytest

from service.nlp.incidents import (
    SAME_COUNTRY,
    SAME_FACILITY,
    SAME_PLACE,
    EventScene,
    Incident,
    event_label,
    incident_of,
    is_country,
    kind_family,
    kind_of_text,
    scenes_match,
    title_names,
)
from tests.unit.tables import rule


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        *rule(
            "attacks",
            ("Terrorist attack", "attack"),
            ("Gunmen opened fire on shoppers", "attack"),
            ("Russian missile struck", "attack"),
        ),
        *rule("explosions", ("Twin explosions", "explosion")),
        *rule(
            "fires",
            ("A fire at a warehouse killed three workers", "fire"),
            ("The blaze spread overnight", "fire"),
        ),
        *rule("floods", ("Flash floods swept through the town", "flood")),
        *rule("a named storm", ("Storm Orla", "storm")),
        *rule("storm as a verb", ("Militants storm the hotel", None)),
        *rule("earthquakes", ("A 6.1 magnitude earthquake struck", "earthquake")),
        *rule("crashes", ("Two passenger trains derailed", "crash")),
        *rule("sinkings", ("The ferry capsized", "sinking")),
        *rule("no incident", ("The council approved the budget", None), ("", None)),
    ],
)
def test_kind_of_text(text, kind):
    assert kind_of_text(text) == kind


def test_families_join_kinds_one_incident_is_reported_as():
    assert kind_family("explosion") == kind_family("attack") == "attack"
    assert kind_family("flood") == kind_family("storm")
    assert kind_family("fire") == "fire"


@pytest.mark.parametrize(
    ("title", "names"),
    [
        # A sentence-case title's first word comes too: hints only ever meet known places.
        *rule(
            "the first word comes too",
            ("Death toll rises in an attack on a Velmora concert hall", ("Death", "Velmora")),
            ("Four more Orchid Arena victims die", ("Four", "Orchid Arena")),
        ),
        *rule(
            "several names, no article",
            ("The toll rises: Velmora, Kesterton mourn", ("Velmora", "Kesterton")),
        ),
        *rule("no title", ("", ())),
    ],
)
def test_title_names(title, names):
    assert title_names(title) == names


def test_countries():
    assert is_country("Russia") and is_country("U.S.")
    assert not is_country("Velmora")


def entity(name, type_, spans=(), aliases=()):
    return {
        "name": name,
        "type": type_,
        "mentions": len(spans) or 1,
        "salience": 0.5,
        "aliases": list(aliases),
        "spans": [{"start": s, "end": e, "text": name} for s, e in spans],
    }


def parts(brief, entities, *, lead="", figures=()):
    return {
        "summary:3": json.dumps(
            {"brief": brief, "sentences": [{"text": lead, "index": 0}] if lead else []}
        ).encode(),
        "entities": json.dumps({"entities": entities}).encode(),
        "casualties": json.dumps({"totals": {}, "figures": list(figures)}).encode(),
    }


ARENA_ENTITIES = [
    entity("Velmora", "GPE", [(33, 40)]),
    entity("Orchid Arena", "FAC", [(17, 29)]),
    entity("Ruritania", "GPE", [(90, 99)]),
]


def test_incident_of_an_attack_at_a_venue():
    incident = incident_of(
        parts("Attack, Velmora, 10 May 2025: 12 killed.", ARENA_ENTITIES), title="Arena attack"
    )
    assert incident == Incident(
        kind="attack",
        facility="Orchid Arena",
        locality="Velmora",
        scene=("Velmora",),
        area=("Velmora", "Orchid Arena", "Ruritania"),
        hints=("Arena",),
    )
    assert incident.keys == {"velmora", "orchid arena", "ruritania"}


def test_the_town_written_after_the_facility_is_its_locality():
    entities = [
        entity("Kesterton", "GPE", [(0, 9)]),
        entity("Orchid Arena", "FAC", [(40, 52)]),
        entity("Velmora", "GPE", [(56, 63)]),
    ]
    incident = incident_of(parts("Shooting, Kesterton, Friday: 3 killed.", entities))
    assert incident.locality == "Velmora"
    assert incident.scene == ("Kesterton",)


def test_kind_falls_back_to_the_title_lead_and_toll_sentences():
    no_kind = "Incident, Velmora: 3 killed."
    assert incident_of(parts(no_kind, ARENA_ENTITIES), title="Blaze at the arena").kind == "fire"
    lead = "A bus crash near Velmora killed three people."
    assert incident_of(parts(no_kind, ARENA_ENTITIES, lead=lead)).kind == "crash"
    toll = {"historical": False, "sentence": "The quake killed three people."}
    old = {"historical": True, "sentence": "A bombing in 2019 killed 30."}
    assert incident_of(parts(no_kind, ARENA_ENTITIES, figures=[old, toll])).kind == "earthquake"


def test_no_incident_without_a_kind_or_a_place():
    assert incident_of(parts("Incident, Velmora: 3 killed.", ARENA_ENTITIES)) is None
    assert incident_of(parts("Attack: 3 killed.", [entity("Ana Ruiz", "PERSON")])) is None
    assert incident_of({}) is None


def scene(facilities=(), scene=(), area=(), hints=()):
    return EventScene(frozenset(facilities), frozenset(scene), frozenset(area), frozenset(hints))


def incident(facility=None, scene=(), area=(), hints=(), locality=None):
    return Incident("attack", facility, locality, tuple(scene), tuple(area), tuple(hints))


@pytest.mark.parametrize(
    ("article", "event", "strength"),
    [
        # Same venue; a different named venue is another incident, whatever the town.
        *rule(
            "same venue",
            (
                incident("Orchid Arena", ["Velmora"]),
                scene(["orchid arena"], ["kesterton"]),
                SAME_FACILITY,
            ),
        ),
        *rule(
            "another named venue",
            (incident("Central Station", ["Velmora"]), scene(["orchid arena"], ["velmora"]), 0),
        ),
        # Same town in the lead, with or without a venue on one side.
        *rule(
            "same town, a venue on one side",
            (incident("Orchid Arena", ["Velmora"]), scene([], ["velmora"]), SAME_PLACE),
        ),
        *rule(
            "same town, no venue",
            (incident(None, ["Velmora", "Ruritania"]), scene([], ["velmora"]), SAME_PLACE),
        ),
        # Sharing only the country is no match when both name a town.
        *rule(
            "only the country shared",
            (incident(None, ["Kesterton", "Ruritania"]), scene([], ["velmora", "ruritania"]), 0),
        ),
        # A report knowing only the country: its title may name the town...
        *rule(
            "a country-only report, its title names the town",
            (incident(None, ["Ruritania"], hints=["Velmora"]), scene([], ["velmora"]), SAME_PLACE),
        ),
        # ... else the event must name that country somewhere.
        *rule(
            "a country-only report, the event names the country",
            (
                incident(None, ["Ruritania"], area=["Ruritania"]),
                scene([], ["velmora"], ["velmora", "ruritania"]),
                SAME_COUNTRY,
            ),
        ),
        *rule(
            "a country-only report, the event never names it",
            (incident(None, ["Ruritania"]), scene([], ["velmora"], ["velmora"]), 0),
        ),
        # An event known only by its country takes a report naming that country.
        *rule(
            "a country-only event, the report names the country",
            (
                incident(None, ["Velmora"], area=["Velmora", "Ruritania"]),
                scene([], ["ruritania"], ["ruritania"]),
                SAME_COUNTRY,
            ),
        ),
        # ... or one its title hinted at.
        *rule(
            "a country-only event, its title hinted at the town",
            (incident(None, ["Velmora"]), scene([], ["ruritania"], hints=["velmora"]), SAME_PLACE),
        ),
    ],
)
def test_scenes_match_either_way_round(article, event, strength, monkeypatch):
    monkeypatch.setattr("service.nlp.incidents._COUNTRY_KEYS", frozenset({"ruritania"}))
    assert scenes_match(article.scene_of(), event) == strength
    assert scenes_match(event, article.scene_of()) == strength


def test_event_label():
    day = date(2025, 5, 10)
    assert event_label("attack", "Orchid Arena", "Velmora", day) == (
        "Orchid Arena attack, Velmora, 2025-05-10"
    )
    assert event_label("flood", None, "Marlow Creek", day) == "Marlow Creek flood, 2025-05-10"
    assert event_label("fire", "Orchid Arena", None, day) == "Orchid Arena fire, 2025-05-10"
    assert event_label("storm", None, None, day) == "Storm, 2025-05-10"
