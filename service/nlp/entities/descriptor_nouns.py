"""Lower-case nouns after a name that say what it names: a unit of government
("Helmand province"), a facility ("Londiani junction"), a landform ("the Atlas
mountains") or a public body of a place ("the Hyogo prefectural government").

Each rule answers where the name ends and what type the longer name has; a role
noun after the unit noun ("Yauri district manager") keeps the unit noun out.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import gazetteer as gz
from ..lexicon.named_things import FACILITY_NOUNS
from ..lexicon.organisations import PUBLIC_BODY_NOUNS
from ..lexicon.people import PERSON_ROLES, PERSON_TITLES
from ..lexicon.place_words import ADMINISTRATIVE_ADJECTIVES, LANDFORM_NOUNS, REGION_NOUNS

_INDEFINITE = frozenset({"a", "an"})

# The rules' names (`Entity.rules`).
UNIT_NOUN = "unit-noun"
REGION_NOUN_OF_A_ROLE = "region-noun-of-a-role"
FACILITY_NOUN = "facility-noun"
LANDFORM_NOUN = "landform-noun"
PLACE_PUBLIC_BODY = "place-public-body"


def descriptor_extension(
    doc: Doc, start: int, end: int, label: str | None, taken: set[int]
) -> tuple[int, str, str] | None:
    """The end and type of the name grown over the descriptor nouns after it, and the
    rule that grew it, if any."""
    if end >= len(doc) or end in taken or _is_demonym(doc[start:end].text):
        return None
    body = place_body_end(doc, end, label)
    if body is not None:
        return body, "ORG", PLACE_PUBLIC_BODY
    if region_noun_follows(doc, end, label):
        return end + 1, "LOC" if label is None else "GPE", UNIT_NOUN
    facility = facility_end(doc, start, end, taken)
    if facility is not None:
        return facility, "FAC", FACILITY_NOUN
    if (
        _lower_noun(doc, end)
        and doc[end].text in LANDFORM_NOUNS
        and label != "NORP"
        and not (end + 1 < len(doc) and doc[end + 1].lower_ == "of")
    ):
        # LANDFORM_NOUN: "the Atlas mountains", "the Tana river"; not "the Indonesian
        # island of Sulawesi", where the noun is a description
        return end + 1, "LOC", LANDFORM_NOUN
    return None


def place_body_end(doc: Doc, end: int, label: str | None) -> int | None:
    """PLACE_PUBLIC_BODY: "the Hyogo prefectural government", "the Sindh provincial
    government", "Kerala state police": a place, a level of government and a body."""
    if label not in {"GPE", "LOC", "NORP"}:
        return None
    if not doc[end].is_lower or doc[end].text not in ADMINISTRATIVE_ADJECTIVES:
        return None
    if end + 1 < len(doc) and _lower_noun(doc, end + 1) and doc[end + 1].text in PUBLIC_BODY_NOUNS:
        return end + 2
    return None


def region_noun_follows(doc: Doc, end: int, label: str | None) -> bool:
    """ "the Belgorod region", "Buxar district", "Helmand province" name a place with its
    unit noun (lower case only: "U.S. District Judge" is a title); REGION_NOUN_OF_A_ROLE:
    in "Yauri district manager" the noun belongs to the role, and the place is "Yauri"."""
    noun = doc[end].text
    if label in {"PERSON", "EVENT"} or noun not in REGION_NOUNS:
        return False
    if noun == "community" and label not in {"GPE", "LOC"}:
        return False  # "the Jewish community" is not a place
    return not (end + 1 < len(doc) and _is_role(doc[end + 1]))


def region_noun_follows_role(doc: Doc, end: int) -> bool:
    """ "Kebbi district officer": a unit noun before a role says the name is a place."""
    return (
        doc[end].text in REGION_NOUNS
        and end + 1 < len(doc)
        and _is_role(doc[end + 1])
        and doc[end].is_lower
    )


def facility_end(doc: Doc, start: int, end: int, taken: set[int]) -> int | None:
    """FACILITY_NOUN: "near Raghunathpur railroad station", "at Londiani junction", "the
    Kloof mine": a name, at most one lower-case modifier and a facility noun that heads
    the phrase; not after "a" ("a Nairobi hospital" is some hospital in Nairobi)."""
    if start > 0 and doc[start - 1].lower_ in _INDEFINITE:
        return None
    noun = end
    if _lower_noun(doc, noun) and doc[noun].dep_ == "compound" and noun + 1 < len(doc):
        noun += 1  # "railroad" of "railroad station"
    if noun in taken or not _lower_noun(doc, noun) or doc[noun].text not in FACILITY_NOUNS:
        return None
    if doc[noun].dep_ == "compound":
        return None  # "the Kabul airport road": the facility noun is not the head
    return noun + 1


def bare_place_name(name: str) -> str | None:
    """ "Helmand" of "Helmand province", "Sulawesi" of "Sulawesi island": a place named
    with its unit or landform noun, without it."""
    words = name.split()
    if len(words) > 1 and words[-1] in REGION_NOUNS | LANDFORM_NOUNS:
        return " ".join(words[:-1])
    return None


def _lower_noun(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return tok.is_lower and tok.is_alpha and tok.pos_ in {"NOUN", "PROPN", "ADJ"}


def _is_role(tok: Token) -> bool:
    word = tok.text.casefold()
    return word in PERSON_ROLES or word in PERSON_TITLES or tok.lemma_.casefold() in PERSON_ROLES


def _is_demonym(text: str) -> bool:
    return text.casefold() in gz.DEMONYMS
