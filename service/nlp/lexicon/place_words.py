"""Common nouns and prepositions that mark a name as a place ("the Belgorod region",
"the town of Derna", "in Antakya")."""

from __future__ import annotations

from .word_blocks import names

# Lower-case words that follow a place name and belong to it ("the Belgorod region").
REGION_NOUNS = names(
    """
    community
    district
    governorate
    oblast
    prefecture
    region
    """
)

# Lower-case words after a place that only confirm it is a place ("Odisha state").
PLACE_CONFIRMING_NOUNS = names(
    """
    city
    county
    province
    state
    town
    village
    """
)

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
