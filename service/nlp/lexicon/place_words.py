"""Common nouns and prepositions that mark a name as a place ("the Belgorod region",
"the town of Derna", "in Antakya")."""

from __future__ import annotations

from . import gazetteer as gz
from .word_blocks import names, words

# Lower-case words that follow a place name and belong to it ("the Belgorod region").
# "Helmand province", "Buxar district": the noun is part of the unit's name, and the
# bare name is an alias of it.
REGION_NOUNS = names(
    """
    community
    county
    district
    governorate
    municipality
    oblast
    prefecture
    province
    region
    tehsil
    township
    """
)

# Lower-case words after a name that confirm it is a place ("Odisha state", "Kursk region").
PLACE_CONFIRMING_NOUNS = names(
    """
    city
    state
    town
    village
    """
) | REGION_NOUNS.difference({"community"})

# Nouns for kinds of place: "the town of Derna", "Chennai, the capital of ...".
PLACE_NOUNS = names(
    """
    capital
    city
    country
    county
    district
    province
    region
    state
    town
    village
    """
)

# Prepositions after which a one-word name is often a place: "rescuers worked in Antakya".
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "around", "inside"})

# Lower-case nouns of landforms and waters that follow a name and belong to it: the
# "Atlas mountains", the "Tana river", the "Sinai desert" (LOC).
LANDFORM_NOUNS = names(
    """
    basin
    coast
    delta
    desert
    forest
    gulf
    hills
    island
    islands
    lake
    mountains
    peninsula
    plateau
    river
    sea
    valley
    """
)

# Landforms whose name is the place's own at a larger extent ("the Colca valley" is
# Colca's, "the Surma river" is Surma's); a coast, gulf, sea, lake or island names
# another place ("Ivory Coast", "Salt Lake").
EXTENT_LANDFORMS = (
    LANDFORM_NOUNS - names("coast gulf island islands lake peninsula sea forest")
) | names("canyon")

# Lower-case words between a place and an institution noun that say which level of
# government it is: "the Hyogo prefectural government", "the Sindh provincial
# government", "the Kerala state government".
ADMINISTRATIVE_ADJECTIVES = names(
    """
    city
    county
    district
    federal
    metropolitan
    municipal
    prefectural
    provincial
    regional
    state
    """
)

# Last words of a road's name that a number follows: "State Road 9", "Highway 147",
# "County Road 300 North", "Route 66".
ROAD_HEADS = words("highway route road interstate motorway expressway freeway")
# Last words of the name of a road or a point on it: where a crash is, never which one
# ("the Nakuru-Eldoret highway" runs 150 km; "Exit 71", "Ross Clark Circle").
ROUTE_HEADS = ROAD_HEADS | words(
    "avenue boulevard bypass circle exit interchange junction lane street"
)
# Compass words that end a numbered road's name: "County Road 300 North".
ROAD_DIRECTIONS = words("north south east west northbound southbound eastbound westbound")

# Participles glued to a name with a hyphen, which the tagger may not read as verbs:
# "Texas-based", "Hamas-led", "Kremlin-backed", "state-run".
HYPHEN_PARTICIPLES = words("based led backed run owned funded linked allied bound chasing")
# The continents, which the gazetteer's countries, cities and regions leave out.
CONTINENTS = names(
    """
    Africa
    Antarctica
    Asia
    Europe
    North America
    Oceania
    South America
    """
)
# Every place known by name, case-folded: "Europe", "Kenya", "Lagos".
PLACES = frozenset().union(gz.COUNTRIES, gz.CITIES, gz.REGIONS, CONTINENTS)
