"""What incident an article reports and where: the facts events are grouped by.

Pure functions over an article's rendered analysis (the JSON parts stored at
ingest), so the event index can decide without parsing the text again. The
kind comes from the lead (the brief's event phrase, else the title, the lead
sentences or the sentences stating the toll); the scene from the places the
brief names, the article's main facility and the place written next to it
("Crocus City Hall in Krasnogorsk").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from . import places as geo
from .datelines import Dateline, dateline
from .entities import entity_key
from .lexicon import gazetteer as gz
from .lexicon.incident_words import (
    ACCIDENT_WORDS,
    CRASH_VEHICLES,
    FIRE_SERVICE_NOUNS,
    KIND_FAMILIES,
    KIND_WORDS,
)
from .lexicon.named_things import CARE_FACILITY_HEADS, EVENT_PREFIXES, FACILITY_HEADS
from .lexicon.place_words import ROUTE_HEADS

# The taxonomy in the order ties are broken in labels (a crash's modes after "crash").
KINDS = tuple(
    dict.fromkeys(m for k in KIND_WORDS for m in ((k, *CRASH_VEHICLES) if k == "crash" else (k,)))
)
_KIND_OF_WORD = {word: kind for kind, words in KIND_WORDS.items() for word in words}
_FAMILY = KIND_FAMILIES
# "opened fire" is gunfire, "gunmen storm the hall" is an assault, not weather.
_GUNFIRE_BEFORE = frozenset({"open", "opened", "opening", "opens"})
_VERB_STORM_AFTER = frozenset({"the", "a", "an", "into", "through"})
_WORD = re.compile(r"[a-z]+")
_NAMED_STORM = re.compile(
    r"\b(?:{}) [A-Z][a-z]+".format("|".join(sorted(w.title() for w in EVENT_PREFIXES)))
)
_STORM_CONSEQUENCES = frozenset({"flood", "landslide"})
_MODE_OF_VEHICLE = {word: mode for mode, words in CRASH_VEHICLES.items() for word in words}

_FACILITY = "FAC"
_PLACE_TYPES = frozenset({"GPE", "LOC"})
_COUNTRY_KEYS = geo.COUNTRY_KEYS
_DEMONYM_KEYS = frozenset(name.casefold() for name in gz.DEMONYMS)
# A town this large, located in a country the article does not name, is still that one.
_SURE_POPULATION = 100_000
# A place written this close after a facility is where the facility is
# ("Crocus City Hall concert venue in Krasnogorsk").
_LOCALITY_GAP = 25
_MAX_AREA = 12
_LEAD_SENTENCES = 3
_TITLE_PUNCTUATION = "\"'‘’“”,.:;!?()[]"
_TITLE_FUNCTION_WORDS = frozenset(
    "the a an in on at of to for and after as by from with more over deadly".split()  # noqa: SIM905
)

# How surely an article and an event are at the same place.
SAME_FACILITY = 4
SAME_PLACE = 3
# A report whose lead names only the country names the other's place further down.
NAMED_BELOW = 2
SAME_COUNTRY = 1


@dataclass(frozen=True)
class Incident:
    """An article's incident: its kind, and where the article says it happened."""

    kind: str
    facility: str | None  # the main building or venue, FAC
    locality: str | None  # the town or area it is in
    scene: tuple[str, ...]  # places the lead names for it
    area: tuple[str, ...]  # every place the article names, most salient first
    hints: tuple[str, ...] = ()  # capitalised names in the title, perhaps places
    countries: tuple[str, ...] = ()  # ISO codes of the countries its places are in
    lead: tuple[str, ...] = ()  # places its first paragraph names

    @property
    def hint_keys(self) -> frozenset[str]:
        return _keys(self.hints)

    @property
    def family(self) -> str:
        return kind_family(self.kind)

    @property
    def scene_keys(self) -> frozenset[str]:
        return _keys([*self.scene, *([self.locality] if self.locality else [])])

    @property
    def keys(self) -> frozenset[str]:
        """Every place key the article can be found by."""
        facility = [self.facility] if self.facility else []
        return self.scene_keys | _keys([*facility, *self.area])

    def scene_of(self) -> EventScene:
        """The article's places as one report's scene, compared with other reports'."""
        facilities = _keys([self.facility] if self.facility else [])
        return EventScene(
            facilities,
            self.scene_keys,
            self.keys,
            self.hint_keys,
            frozenset(self.countries),
            _keys(self.lead),
        )


@dataclass(frozen=True)
class EventScene:
    """Where an event's reports so far say it happened (entity keys)."""

    facilities: frozenset[str]
    scene: frozenset[str]
    area: frozenset[str]
    hints: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()  # ISO codes
    lead: frozenset[str] = frozenset()  # place keys of the first paragraph


def kind_family(kind: str) -> str:
    return _FAMILY.get(kind, kind)


def is_country(name: str) -> bool:
    return entity_key(name) in _COUNTRY_KEYS


def kind_of_text(text: str, among: frozenset[str] | None = None) -> str | None:
    """The kind of incident the first incident word of `text` names (of `among`), or None."""
    words = _WORD.findall(text.casefold())
    for i, word in enumerate(words):
        kind = _KIND_OF_WORD.get(word)
        if among is not None and kind not in among:
            continue
        if kind == "fire" and i > 0 and words[i - 1] in _GUNFIRE_BEFORE:
            return "shooting"
        if kind == "fire" and i + 1 < len(words) and words[i + 1] in FIRE_SERVICE_NOUNS:
            continue  # "the fire brigade", "fire crews": those who fight fires
        if kind == "storm" and i + 1 < len(words) and words[i + 1] in _VERB_STORM_AFTER:
            continue
        if kind is not None:
            return kind
    return None


def incident_kind(sources: Sequence[str]) -> str | None:
    """The kind of the incident the first of `sources` naming one names (the brief's
    event phrase, the title, the lead...), refined by all of them: a named storm's
    flood is a flood, a crash is a road, rail or air crash by its vehicles."""
    kind = next((k for k in map(kind_of_text, sources) if k is not None), None)
    if kind is None:
        kind = _accident_by_vehicle(sources)
    if kind is None:
        return None
    return _crash_by_vehicle(_what_the_storm_brought(kind, sources), sources)


def incident_of(
    parts: Mapping[str, bytes], *, title: str | None = None, text: str = ""
) -> Incident | None:
    """The incident an analysed article reports, or None when it names no kind or place.

    The place a report is filed from (its dateline) is not the incident's unless
    the text names it again; a hospital or a road is the incident's facility only
    when the lead itself places the incident there.
    """
    summary = _longest_summary(parts)
    brief = summary.get("brief") or ""
    entities = _part(parts, "entities").get("entities") or []
    figures = _part(parts, "casualties").get("figures") or []
    sources = [
        _event_phrase(brief),
        title or "",
        *(s["text"] for s in summary.get("sentences", []) if s["index"] < _LEAD_SENTENCES),
        *(f["sentence"] for f in figures if not f["historical"]),
    ]
    kind = incident_kind(sources)
    if kind is None:
        return None
    filed = dateline(text) if text else None
    places = [
        e
        for e in entities
        if (e["type"] in _PLACE_TYPES or e["type"] == _FACILITY)
        and not _only_filed(e, filed)
        and not _is_demonym(e["name"])
    ]
    if not places:
        return None
    lead_start = filed.end if filed is not None else 0
    lead_end = _lead_end(text, filed)
    in_lead = [
        e for e in places if any(lead_start <= s["start"] < lead_end for s in e.get("spans") or ())
    ]
    named = _brief_places(brief, places)
    hints = title_names(title or "")
    titled = _keys(hints)
    facility = next(
        (e for e in [*named, *places] if e["type"] == _FACILITY and _incident_facility(e, titled)),
        None,
    )
    scene = tuple(e["name"] for e in named if e["type"] != _FACILITY)
    area = tuple(e["name"] for e in places[:_MAX_AREA])
    locality = _locality(facility, places, scene, in_lead if text else places) or next(
        (h for h in hints if geo.locate(geo.place_key(h)) and not is_country(h)), None
    )
    countries = _countries([*scene, *([locality] if locality else []), *hints, *area])
    lead = tuple(name for e in in_lead for name in (e["name"], *_route_ends(e)))
    return Incident(
        kind, facility["name"] if facility else None, locality, scene, area, hints, countries, lead
    )


def title_names(title: str) -> tuple[str, ...]:
    """Runs of capitalised words in a title ("… on a Moscow concert hall" → "Moscow").

    The text of a short report may name only the country while its title names
    the town; these are matched against the places other reports name.
    """
    runs: list[str] = []
    run: list[str] = []
    for word in [*title.split(), ""]:
        owner = re.sub(r"['’]s$", "", word)
        if owner != word and is_country(owner):
            word = f"{owner},"  # "Kazakhstan's Karaganda" names two places
        bare = word.strip(_TITLE_PUNCTUATION)
        if bare[:1].isupper() and (run or bare.casefold() not in _TITLE_FUNCTION_WORDS):
            run.append(bare)
            if word.endswith((",", ":", ";")):
                runs.append(" ".join(run))
                run = []
        elif run:
            runs.append(" ".join(run))
            run = []
    return tuple(dict.fromkeys(runs))


def scenes_match(a: EventScene, b: EventScene) -> int:
    """How surely two reports are at the same place (0: not), the same either way round.

    Two named facilities must be the same one; otherwise the leads' places must
    be the same town or area, or towns within `places.NEAR_KM` of each other, or a
    title must name the other's place. A side whose lead names only the country
    matches a report whose first paragraph names a place it names further down
    (NAMED_BELOW), else a report placed in that country (SAME_COUNTRY).
    """
    if a.facilities and b.facilities and _same_facility(a.facilities, b.facilities):
        return SAME_FACILITY
    if _venues(a.facilities) and _venues(b.facilities):
        return 0  # two different arenas, stations, hotels: two incidents
    own, theirs = a.scene - _COUNTRY_KEYS, b.scene - _COUNTRY_KEYS
    if own & theirs or a.hints & theirs or b.hints & own:
        return SAME_PLACE
    if (a.lead - _COUNTRY_KEYS) & theirs or (b.lead - _COUNTRY_KEYS) & own:
        return SAME_PLACE  # one's first paragraph names the place the other's brief gives
    if geo.any_near(own | a.hints, a.countries, theirs | b.hints, b.countries):
        return SAME_PLACE
    if _small_place_near_named_town(a, b) or _small_place_near_named_town(b, a):
        return SAME_PLACE
    if (not own and (b.lead - _COUNTRY_KEYS) & a.area) or (
        not theirs and (a.lead - _COUNTRY_KEYS) & b.area
    ):
        return NAMED_BELOW
    if not own and (a.scene & b.area or a.countries & b.countries):
        return SAME_COUNTRY
    if not theirs and (b.scene & a.area or a.countries & b.countries):
        return SAME_COUNTRY
    return 0


def regional_match(a: EventScene, b: EventScene) -> bool:
    """For an incident that strikes a region (an earthquake): a place below the country
    that one's first paragraph names the other names too, or towns within
    `places.REGIONAL_KM` of each other."""
    ours, theirs = a.lead - _COUNTRY_KEYS, b.lead - _COUNTRY_KEYS
    if ours & theirs or ours & b.area or theirs & a.area:
        return True
    return geo.any_near(ours, a.countries, theirs, b.countries, geo.REGIONAL_KM)


def _venues(facilities: frozenset[str]) -> bool:
    """Facilities whose names say they are a building or venue ("... Arena", "... Hotel");
    other FAC names (a "Janaki Mandir", a gulf the model took for one) may be spelt or
    translated another way by the next report, which then matches by its town."""
    return any(_ends_with(f, FACILITY_HEADS) for f in facilities)


def _small_place_near_named_town(a: EventScene, b: EventScene) -> bool:
    """`b` puts the incident at a place too small to locate (a village, a junction) and
    names, in its first paragraph, the town `a` puts it in: one scene at two scales.
    (A town named further down is context: "last week's shooting in Kidapawan".)"""
    own = a.scene - _COUNTRY_KEYS
    theirs = b.scene - _COUNTRY_KEYS
    towns = {k for k in own if geo.locate(k, a.countries)}
    unlocated = theirs and not any(geo.locate(k, b.countries) for k in theirs)
    same_country = not (a.countries and b.countries) or bool(a.countries & b.countries)
    return bool(towns & b.lead) and bool(unlocated) and same_country


def is_vague(scene: EventScene) -> bool:
    """A report that places its incident by the country alone ("an attack in Russia")."""
    return not _venues(scene.facilities) and not (scene.scene - _COUNTRY_KEYS)


def _same_facility(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    """The same venue, also when a report shortens its name ("Crocus City" of "… City Hall")."""
    return any(
        a == b or _word_prefix(a, b) or _word_prefix(b, a) or _same_ends(a, b)
        for a in ours
        for b in theirs
    )


def _same_ends(a: str, b: str) -> bool:
    """ "Tabor Hotel" and "Tabor Lakeside Hotel": one venue's name, shortened."""
    first, second = a.split(), b.split()
    return min(len(first), len(second)) >= 2 and first[0] == second[0] and first[-1] == second[-1]


def _word_prefix(short: str, long: str) -> bool:
    words = short.split()
    return len(words) >= 2 and long.split()[: len(words)] == words


def event_label(kind: str, facility: str | None, place: str | None, day: date | None) -> str:
    """ "Crocus City Hall attack, Krasnogorsk, 2024-03-22" or "Derna flood, 2023-09-12".

    Without an incident day (no report dated it), the label has no date."""
    when = day.isoformat() if day else None
    if facility:
        return ", ".join(p for p in (f"{facility} {kind}", place, when) if p)
    if place:
        return ", ".join(p for p in (f"{place} {kind}", when) if p)
    return ", ".join(p for p in (kind.capitalize(), when) if p)


# -- helpers ---------------------------------------------------------------------


def _part(parts: Mapping[str, bytes], name: str) -> dict:
    body = parts.get(name)
    return json.loads(body) if body else {}


def _longest_summary(parts: Mapping[str, bytes]) -> dict:
    """The summary with the most sentences: it holds every lead sentence any shorter one does."""
    names = [n for n in parts if n.startswith("summary:") and n[8:].isdigit()]
    if not names:
        return {}
    return _part(parts, max(names, key=lambda n: int(n[8:])))


def _event_phrase(brief: str) -> str:
    """ "Terrorist attack" of "Terrorist attack, Moscow, 22 March 2024: 60 killed."."""
    return brief.split(":", 1)[0].split(",", 1)[0]


def _brief_places(brief: str, places: list[dict]) -> list[dict]:
    """The place entities the brief names after its event phrase, in its order."""
    heading = brief.split(":", 1)[0].split(",")[1:]
    by_key = {}
    for entity in reversed(places):  # the most salient wins a shared key
        for name in (entity["name"], *entity.get("aliases", ())):
            by_key[entity_key(name)] = entity
    found = [by_key.get(entity_key(segment)) for segment in heading]
    return list({id(e): e for e in found if e is not None}.values())


def _locality(
    facility: dict | None, places: list[dict], scene: tuple[str, ...], lead: list[dict]
) -> str | None:
    """The town or area: written right after the facility, else the brief's, else the
    first paragraph's (never a capital the story only mentions further down)."""
    towns = [e for e in places if e["type"] in _PLACE_TYPES]
    if facility is not None:
        ends = [span["end"] for span in facility.get("spans", ())]
        for town in towns:
            if any(0 <= s["start"] - end <= _LOCALITY_GAP for s in town["spans"] for end in ends):
                return town["name"]
    candidates = [*scene, *(e["name"] for e in lead if e["type"] in _PLACE_TYPES)]
    return next((n for n in candidates if not is_country(n)), candidates[0] if candidates else None)


def _route_ends(entity: dict) -> tuple[str, ...]:
    """The towns a road is named after ("the Nakuru-Eldoret highway": Nakuru, Eldoret)."""
    name = entity["name"]
    if not (_ends_with(name, ROUTE_HEADS) or re.search(r"\w[-–]\w", name)):
        return ()
    words = [w for w in name.split() if w.casefold() not in ROUTE_HEADS]
    return tuple(part for part in re.split(r"[-–]", " ".join(words)) if part[:1].isupper())


def _lead_end(text: str, filed: Dateline | None) -> int:
    """Where the first paragraph ends (after the dateline): the incident is told there."""
    start = filed.end if filed is not None else 0
    end = text.find("\n\n", start)
    return len(text) if end < 0 else end


def _is_demonym(name: str) -> bool:
    """ "Nepali", "Venezuelans": a people, not a place."""
    key = name.casefold()
    return key in _DEMONYM_KEYS or (key.endswith("s") and key[:-1] in _DEMONYM_KEYS)


def _keys(names: Iterable[str]) -> frozenset[str]:
    return frozenset(k for k in map(geo.place_key, names) if k)


def _only_filed(entity: dict, filed: Dateline | None) -> bool:
    """Named only in the dateline: where the report was filed, not where it happened."""
    spans = entity.get("spans") or ()
    return filed is not None and bool(spans) and all(s["start"] < filed.end for s in spans)


def _incident_facility(entity: dict, titled: frozenset[str]) -> bool:
    """A road is never the incident's venue (reports name different stretches of it); a
    hospital is where the victims were taken, unless the title puts the incident there."""
    name = entity["name"]
    if _ends_with(name, ROUTE_HEADS) or name.split()[0].casefold() in ROUTE_HEADS:
        return False
    return not _ends_with(name, CARE_FACILITY_HEADS) or geo.place_key(name) in titled


def _accident_by_vehicle(sources: Sequence[str]) -> str | None:
    """ "A bus accident", "the accident ... the minibus": an accident with a vehicle is a crash."""
    for source in sources:
        words = set(_WORD.findall(source.casefold()))
        if words & ACCIDENT_WORDS and words & _MODE_OF_VEHICLE.keys():
            return "crash"
    return None


def _crash_by_vehicle(kind: str, sources: Sequence[str]) -> str:
    """A "crash" is a road, rail or air crash by the first vehicle the report names."""
    if kind != "crash":
        return kind
    for source in sources:
        for word in _WORD.findall(source.casefold()):
            mode = _MODE_OF_VEHICLE.get(word)
            if mode is not None:
                return mode
    return kind


def _what_the_storm_brought(kind: str, sources: Sequence[str]) -> str:
    """A named storm is the cause: "floods brought by Cyclone Marlo" are a flood."""
    if kind != "storm" or not any(_NAMED_STORM.search(s) for s in sources):
        return kind
    found = (kind_of_text(s, among=_STORM_CONSEQUENCES) for s in sources)
    return next((k for k in found if k is not None), kind)


def _ends_with(name: str, heads: frozenset[str]) -> bool:
    words = name.casefold().split()
    return any(" ".join(words[-n:]) in heads for n in (1, 2))


def _countries(names: Iterable[str]) -> tuple[str, ...]:
    """The countries named, and those GeoNames puts the named towns in."""
    keys = [geo.place_key(n) for n in names]
    named = {c for c in map(geo.country_code, keys) if c}
    located = [geo.locate(k, named) for k in keys if geo.country_code(k) is None]
    # A small town found in another country than those named is a namesake.
    return tuple(
        sorted(
            named
            | {
                p.country
                for p in located
                if p is not None and (p.country in named or p.population >= _SURE_POPULATION)
            }
        )
    )
