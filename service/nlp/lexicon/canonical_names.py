"""Written forms of one place or organisation mapped to one name, so that mentions
and cross-article keys merge."""

from __future__ import annotations

# Different written forms of the same place or organisation, mapped to one
# canonical name so that mentions and cross-article keys merge.
CANONICAL_ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "uae": "United Arab Emirates",
    "u.a.e.": "United Arab Emirates",
    "kiev": "Kyiv",
    # AP style's state abbreviations, only those that are no other word or name
    # standing alone ("Ore." is Oregon; "Miss.", "Mass.", "La." and "Wash." are not listed).
    "ariz.": "Arizona",
    "ark.": "Arkansas",
    "calif.": "California",
    "colo.": "Colorado",
    "conn.": "Connecticut",
    "fla.": "Florida",
    "kan.": "Kansas",
    "ky.": "Kentucky",
    "mich.": "Michigan",
    "minn.": "Minnesota",
    "mont.": "Montana",
    "neb.": "Nebraska",
    "nev.": "Nevada",
    "n.h.": "New Hampshire",
    "n.j.": "New Jersey",
    "n.m.": "New Mexico",
    "n.c.": "North Carolina",
    "n.d.": "North Dakota",
    "okla.": "Oklahoma",
    "ore.": "Oregon",
    "r.i.": "Rhode Island",
    "s.c.": "South Carolina",
    "s.d.": "South Dakota",
    "tenn.": "Tennessee",
    "vt.": "Vermont",
    "w.va.": "West Virginia",
    "wis.": "Wisconsin",
    "wyo.": "Wyoming",
    "isis": "Islamic State",
    "isil": "Islamic State",
    "daesh": "Islamic State",
    "islamic state of iraq and syria": "Islamic State",
    "islamic state of iraq and the levant": "Islamic State",
    "un": "United Nations",
    "u.n.": "United Nations",
    "eu": "European Union",
    "e.u.": "European Union",
    "fsb": "Federal Security Service",
    "ap": "Associated Press",
    "afp": "Agence France-Presse",
    "pti": "Press Trust of India",
    "fed": "Federal Reserve",
}

# Canonical keys (after CANONICAL_ALIASES) that the lists type as places.
GPE_CANONICALS = frozenset({"united states", "united kingdom", "united arab emirates", "kyiv"})

# Canonical keys (after CANONICAL_ALIASES) that the lists type as organisations.
ORG_CANONICALS = frozenset(
    {
        "islamic state",
        "united nations",
        "european union",
        "federal security service",
        "associated press",
        "agence france presse",
        "press trust of india",
    }
)

# Heads of "X of Y" names that a key turns round: "Department of Labor" is the
# "Labor Department".
INVERTIBLE_HEADS = frozenset({"department", "ministry"})
