"""The incident an analysed article reports, and when an article matches an event."""

import json
from datetime import date

import pytest

from service.nlp.incidents import (
    NAMED_BELOW,
    SAME_COUNTRY,
    SAME_FACILITY,
    SAME_PLACE,
    EventScene,
    Incident,
    _is_demonym,
    _route_ends,
    event_label,
    incident_kind,
    incident_of,
    is_country,
    is_vague,
    kind_family,
    regional_match,
    scenes_match,
    title_names,
)
from service.nlp.places import place_key
from tests.unit.tables import rule


@pytest.mark.parametrize(
    ("sources", "kind"),
    [
        *rule(
            "shootings",
            (["Gunmen opened fire on shoppers at a mall"], "shooting"),
            (["A lone shooter killed four at a bar in Ohio"], "shooting"),
            (["Police said the gunman fled on foot"], "shooting"),
        ),
        *rule(
            "bombings",
            (["A suicide bomber blew himself up at a checkpoint"], "bombing"),
            (["Twin bombings tore through the market"], "bombing"),
            (["The bomb went off as worshippers left"], "bombing"),
        ),
        *rule(
            "attacks",
            (["Terrorist attack"], "attack"),
            (["Russian missile struck an apartment block"], "attack"),
            (["A knife rampage at a festival left three dead"], "attack"),
        ),
        *rule(
            "explosions",
            (["Twin explosions"], "explosion"),
            (["A gas blast levelled the building"], "explosion"),
            (["The tanker exploded on the expressway"], "explosion"),
        ),
        *rule(
            "fires",
            (["A fire at a warehouse killed three workers"], "fire"),
            (["The blaze spread overnight"], "fire"),
            (["Wildfires raced through the hills"], "fire"),
        ),
        *rule(
            "floods",
            (["Flash floods swept through the town"], "flood"),
            (["Floodwaters cut off three villages"], "flood"),
            (["Flooding after days of rain killed 12"], "flood"),
        ),
        *rule(
            "a storm that is the incident",
            (["Storm Orla"], "storm"),
            (["A tornado flattened homes in the county"], "storm"),
            (["Typhoon winds tore roofs off schools"], "storm"),
        ),
        *rule(
            "what a named storm brought",
            (["Ex-Tropical Cyclone Marlo", "Floods kill two in Innisfail"], "flood"),
            (["Storm Daniel", "Catastrophic floods hit eastern Libya"], "flood"),
            (["Typhoon Kalmaegi", "Landslides buried two villages"], "landslide"),
        ),
        *rule("storm as a verb", (["Militants storm the hotel"], None)),
        *rule(
            "earthquakes",
            (["A 6.1 magnitude earthquake struck"], "earthquake"),
            (["The quake toppled hundreds of homes"], "earthquake"),
            (["A tremor shook the region at dawn"], "earthquake"),
        ),
        *rule(
            "road crashes",
            (["A bus collided with a truck near Nakuru"], "road crash"),
            (["Crash on the highway", "A minibus taxi overturned"], "road crash"),
            (["The car crashed into a tree"], "road crash"),
        ),
        *rule(
            "rail crashes",
            (["Two passenger trains derailed"], "rail crash"),
            (["The derailment blocked the line"], "rail crash"),
            (["A train crash near the station"], "rail crash"),
        ),
        *rule(
            "air crashes",
            (["A plane crashed shortly after take-off"], "air crash"),
            (["The helicopter crash killed all five aboard"], "air crash"),
            (["Crash", "The light aircraft came down in a field"], "air crash"),
        ),
        *rule("a crash with no vehicle named", (["Three died in the crash"], "crash")),
        *rule(
            "sinkings",
            (["The ferry capsized"], "sinking"),
            (["The trawler capsize on the Surma river"], "sinking"),
            (["A boat sank off the coast"], "sinking"),
        ),
        *rule(
            "collapses and stampedes",
            (["A five-storey building collapsed"], "collapse"),
            (["A stampede at the stadium gate"], "stampede"),
        ),
        *rule("landslides", (["A mudslide buried the village"], "landslide")),
        *rule("no incident", (["The council approved the budget"], None), ([""], None)),
    ],
)
def test_incident_kind(sources, kind):
    assert incident_kind(sources) == kind


def test_families_join_kinds_one_incident_is_reported_as():
    assert kind_family("explosion") == kind_family("attack") == "attack"
    assert kind_family("shooting") == kind_family("bombing") == "attack"
    assert kind_family("flood") == kind_family("storm")
    assert kind_family("road crash") == kind_family("rail crash") == "crash"
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
        *rule(
            "a country's town",
            ("Gas blast in Kazakhstan's Karaganda kills two", ("Gas", "Kazakhstan", "Karaganda")),
            ("Floods hit Peru's Arequipa region", ("Floods", "Peru", "Arequipa")),
            ("Fire at St Mary's Hospital", ("Fire", "St Mary's Hospital")),
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
    assert incident_of(parts(no_kind, ARENA_ENTITIES, lead=lead)).kind == "road crash"
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


# -- places at every scale --------------------------------------------------------


def placed(scene=(), area=(), hints=(), facilities=(), countries=(), lead=None):
    return EventScene(
        frozenset(facilities),
        frozenset(scene),
        frozenset(scene) | frozenset(area) | frozenset(facilities),
        frozenset(hints),
        frozenset(countries),
        frozenset(scene if lead is None else lead),
    )


@pytest.mark.parametrize(
    ("a", "b", "strength"),
    [
        # Towns within a short drive of each other are one scene (GeoNames positions).
        *rule(
            "near towns",
            (
                placed(["krasnogorsk"], countries=["RU"]),
                placed(["moscow"], countries=["RU"]),
                SAME_PLACE,
            ),
            (
                placed(["ikorodu"], countries=["NG"]),
                placed(["lagos"], countries=["NG"]),
                SAME_PLACE,
            ),
            (
                placed(["thane"], countries=["IN"]),
                placed(["bhiwandi"], countries=["IN"]),
                SAME_PLACE,
            ),
        ),
        *rule(
            "towns far apart, or of another country",
            (placed(["onitsha"], countries=["NG"]), placed(["lagos"], countries=["NG"]), 0),
            (placed(["moscow"], countries=["US"]), placed(["krasnogorsk"], countries=["RU"]), 0),
            (placed(["quetta"], countries=["PK"]), placed(["karachi"], countries=["PK"]), 0),
        ),
        # A title naming the other's town places the report there.
        *rule(
            "a title names the other's place",
            (placed(["agbowa"], hints=["ikorodu"]), placed(["ikorodu"]), SAME_PLACE),
            (
                placed(["surma"], hints=["chhatak"], countries=["BD"]),
                placed(["sylhet"], countries=["BD"]),
                SAME_PLACE,
            ),
        ),
        # A village too small to locate, in a report whose first paragraph names the other's
        # town; a town named further down is context ("last week's crash in Nakuru").
        *rule(
            "a small place near the named town",
            (
                placed(["nakuru"], countries=["KE"]),
                placed(["salgaa"], countries=["KE"], lead=["salgaa", "nakuru"]),
                SAME_PLACE,
            ),
            (
                placed(["sunamganj"], countries=["BD"]),
                placed(["jawa bazar"], countries=["BD"], lead=["jawa bazar", "sunamganj"]),
                SAME_PLACE,
            ),
            (
                placed(["dothan"], countries=["US"]),
                placed(["ross clark"], countries=["US"], lead=["ross clark", "dothan"]),
                SAME_PLACE,
            ),
        ),
        *rule(
            "a town named only further down is context",
            (
                placed(["nakuru"], countries=["KE"]),
                placed(["salgaa"], area=["nakuru"], countries=["KE"]),
                0,
            ),
            (
                placed(["sunamganj"], countries=["BD"]),
                placed(["bhola"], area=["sunamganj"], countries=["BD"]),
                0,
            ),
        ),
        # A report whose lead names only the country, and the other's place further down.
        *rule(
            "named below a country-only lead",
            (
                placed(["bangladesh"], area=["surma", "sunamganj"], countries=["BD"]),
                placed(["surma"], countries=["BD"]),
                NAMED_BELOW,
            ),
            (
                placed(["poland"], area=["zawiercie", "katowice"], countries=["PL"]),
                placed(["zawiercie"], countries=["PL"]),
                NAMED_BELOW,
            ),
            (
                placed(["peru"], area=["cabanaconde"], countries=["PE"]),
                placed(["colca"], countries=["PE"]),
                SAME_COUNTRY,
            ),
        ),
        # Two names the model typed as facilities but that say no building: the towns decide.
        *rule(
            "facilities that are not venues do not decide",
            (
                placed(["janakpur"], facilities=["janaki mandir"]),
                placed(["janakpur"], facilities=["janaki temple"]),
                SAME_PLACE,
            ),
            (
                placed(["velmora"], facilities=["orchid arena"]),
                placed(["velmora"], facilities=["central station"]),
                0,
            ),
        ),
        # A report placed by its country alone matches reports placed in that country.
        *rule(
            "the country by GeoNames",
            (
                placed(["bangladesh"], countries=["BD"]),
                placed(["chhatak"], countries=["BD"]),
                SAME_COUNTRY,
            ),
            (
                placed(["kenya"], countries=["KE"]),
                placed(["nakuru"], countries=["KE"]),
                SAME_COUNTRY,
            ),
            (placed(["kenya"], countries=["KE"]), placed(["kampala"], countries=["UG"]), 0),
        ),
    ],
)
def test_places_at_every_scale(a, b, strength):
    assert scenes_match(a, b) == strength
    assert scenes_match(b, a) == strength


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Harnai district", "harnai"),
        ("Nakuru County", "nakuru"),
        ("the Surma river", "surma"),
        ("Balochistan province", "balochistan"),
        ("Mexico City", "mexico city"),
        ("Krasnogorsk", "krasnogorsk"),
    ],
)
def test_a_place_is_keyed_without_its_unit_noun(name, key):
    assert place_key(name) == key


DATELINED = "NAIROBI (AFP) - A bus crashed at Salgaa in Nakuru County, killing 12. Victims were flown to Nairobi."


def test_the_dateline_city_is_not_the_scene_unless_the_text_names_it_again():
    only_filed = [
        entity("Nairobi", "GPE", [(0, 7)]),
        entity("Salgaa", "GPE", [(35, 41)]),
        entity("Nakuru County", "GPE", [(45, 58)]),
    ]
    incident = incident_of(
        parts("Bus crash, Nairobi, Salgaa: 12 killed.", only_filed), text=DATELINED
    )
    assert "Nairobi" not in incident.area and incident.scene == ("Salgaa",)
    named_again = [*only_filed[:1], entity("Nairobi", "GPE", [(0, 7), (99, 106)]), *only_filed[1:]]
    incident = incident_of(parts("Bus crash, Salgaa: 12 killed.", named_again[1:]), text=DATELINED)
    assert "Nairobi" in incident.area


@pytest.mark.parametrize(
    ("facility", "title", "kept"),
    [
        *rule(
            "the hospital the victims were taken to",
            ("Coast General Hospital", "Bus crash kills 12", False),
            ("St Mary's Medical Centre", "Three die in blaze", False),
        ),
        *rule(
            "a hospital the title puts the incident in",
            ("St Mary's Hospital", "Fire at St Mary's Hospital", True),
        ),
        *rule(
            "roads and junctions",
            ("Nakuru-Eldoret highway", "Bus crash kills 12", False),
            ("Ross Clark Circle", "Shooting at a bar", False),
            ("Exit 71", "Truck crash", False),
        ),
        *rule("a venue", ("Velvet Lounge", "Shooting at a bar", True)),
    ],
)
def test_hospitals_and_roads_are_not_the_incidents_facility(facility, title, kept):
    entities = [
        entity(facility, "FAC", [(20, 20 + len(facility))]),
        entity("Velmora", "GPE", [(60, 67)]),
    ]
    incident = incident_of(parts("Crash, Velmora: 3 killed.", entities), title=title)
    assert (incident.facility == facility) is kept


LEAD = "A bus crashed at Salgaa on the Nakuru-Eldoret highway, killing 11 Kenyans.\n\n"
FURTHER = "Two were flown to Nairobi, the capital, for treatment."


def test_the_first_paragraph_places_the_incident_not_a_capital_further_down():
    text = LEAD + FURTHER
    entities = [
        entity("Nairobi", "GPE", [(len(LEAD) + 18, len(LEAD) + 25)]),
        entity("Kenyans", "GPE", [(65, 72)]),
        entity("Nakuru-Eldoret highway", "FAC", [(33, 55)]),
        entity("Salgaa", "GPE", [(17, 23)]),
    ]
    incident = incident_of(parts("Bus crash: 11 killed.", entities), text=text)
    assert incident.locality == "Salgaa"
    assert incident.facility is None  # a road
    assert "Kenyans" not in incident.area  # a people, not a place
    # The towns a road is named after are in the first paragraph too.
    assert {"Nakuru", "Eldoret", "Salgaa"} <= set(incident.lead)


@pytest.mark.parametrize(
    ("sources", "kind"),
    [
        *rule(
            "those who fight fires are no fire",
            (["Four died when the train left the rails; the fire brigade cut them free"], None),
            (["Fire crews pulled two men from the river after the ferry capsized"], "sinking"),
            (["The fire service said the blaze began in the kitchen"], "fire"),
        ),
    ],
)
def test_fire_services_name_no_fire(sources, kind):
    assert incident_kind(sources) == kind


def test_a_report_placed_by_a_facility_that_is_no_venue_is_still_vague():
    assert is_vague(placed(["bangladesh"], facilities=["tower hamlets"]))
    assert not is_vague(placed(["bangladesh"], facilities=["orchid arena"]))
    assert not is_vague(placed(["surma"]))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (placed(lead=["colca", "cabanaconde"]), placed(lead=["caylloma"], area=["colca"]), True),
        (
            placed(lead=["arequipa"], countries=["PE"]),
            placed(lead=["cusco"], countries=["PE"]),
            False,
        ),
        (placed(lead=["izmit"], countries=["TR"]), placed(lead=["gebze"], countries=["TR"]), True),
        (placed(lead=["tacna"], area=["colca"]), placed(lead=["arequipa"], area=["chivay"]), False),
    ],
)
def test_regional_match_for_an_earthquake(a, b, same):
    assert regional_match(a, b) is same
    assert regional_match(b, a) is same


@pytest.mark.parametrize(
    ("ours", "theirs", "strength"),
    [
        *rule(
            "a venue's name shortened",
            (["tabor hotel"], ["tabor lakeside hotel"], SAME_FACILITY),
            (["marlow hotel"], ["marlow grand hotel"], SAME_FACILITY),
            (["orchid arena"], ["orchid sports arena"], SAME_FACILITY),
        ),
        *rule(
            "another venue of the town",
            (["central station"], ["central bus station"], SAME_FACILITY),
            (["central station"], ["kesterton arena"], 0),
        ),
    ],
)
def test_one_venue_under_a_shortened_name(ours, theirs, strength, monkeypatch):
    monkeypatch.setattr("service.nlp.incidents._COUNTRY_KEYS", frozenset({"ruritania"}))
    a = placed(["velmora"], facilities=ours)
    b = placed(["kesterton"], facilities=theirs)
    assert scenes_match(a, b) == strength


@pytest.mark.parametrize(
    ("road", "towns"),
    [
        ("Nakuru-Eldoret highway", ("Nakuru", "Eldoret")),
        ("Lagos–Ibadan Expressway", ("Lagos", "Ibadan")),
        ("Davao–Cotabato road", ("Davao", "Cotabato")),
        ("Karakoram Highway", ("Karakoram",)),
    ],
)
def test_a_road_names_the_towns_it_joins(road, towns):
    assert _route_ends(entity(road, "FAC")) == towns


@pytest.mark.parametrize(
    ("name", "people"),
    [("Nepali", True), ("Venezuelans", True), ("Kenyans", True), ("Kenya", False)],
)
def test_a_people_is_not_a_place(name, people):
    assert _is_demonym(name) is people
