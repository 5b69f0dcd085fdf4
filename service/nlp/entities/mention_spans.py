"""Cleaning a model span into a name's span: cut at breaks, drop articles,
possessives and titles, and grow it over words the model left out."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import gazetteer as gz
from ..lexicon.media import MEDIA_DESCRIPTORS
from ..lexicon.named_things import FACILITY_HEADS
from ..lexicon.organisations import ORG_HEADS_AFTER_NORP
from ..lexicon.people import (
    PERSON_TITLES,
    ROLES_BEFORE_A_NAME,
    SAINTS,
    TITLE_ABBREVIATIONS,
    TITLE_MODIFIERS,
)
from ..lexicon.place_words import HYPHEN_PARTICIPLES, PLACES, ROAD_DIRECTIONS, ROAD_HEADS
from .descriptor_nouns import descriptor_extension
from .name_shapes import (
    LEADING_DROP,
    POSSESSIVE,
    TRAILING_DROP,
    is_name_token,
    is_personal_name,
    list_type,
    opens_sentence,
    person_shaped,
)

_DASHES = frozenset({"-", "–", "—", "--", "|", "/"})
# A hyphen glued between words: "Kremlin-backed".
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})

# The rules' names (`Entity.rules`), each beside its code below.
BREAK_IN_SPAN = "break-in-span"
OWNER_BEFORE_PERSON = "owner-before-person"
SCORE_AFTER_NAME = "score-after-name"
AGENCY_DESCRIPTOR = "agency-descriptor"
NATIONALITY_BEFORE_NAME = "nationality-before-name"
INSTITUTION_BEFORE_TITLE = "institution-before-title"
NATIONALITY_PREFIX = "nationality-prefix"
TITLE_BEFORE_NAME = "title-before-name"
TITLE_ABBREVIATION = "title-abbreviation"
SENTENCE_INITIAL_ROLE = "sentence-initial-role"
NATIONALITY_ORG_HEAD = "nationality-org-head"
PLACE_POLICE = "place-police"
EMBASSY_IN_PLACE = "embassy-in-place"
ORG_JOINED_BY_AND = "org-joined-by-and"
NAME_CUT_SHORT = "name-cut-short"
FIRST_NAME_LEFT_OUT = "first-name-left-out"
HYPHENATED_MODIFIER = "hyphenated-modifier"  # "Kremlin-backed", "Hamas-led": the name before it
PLACE_AFTER_COMMA = "place-after-comma"  # "Suedzucker, Europe": a name and a place
ROAD_NUMBER = "road-number"  # "State Road 9", "Highway 147", "County Road 300 North"


def trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int, list[str]]:
    """Cut at line breaks and spaced dashes; drop a leading article and a trailing
    possessive; with the names of the rules that cut it."""
    rules: list[str] = []
    for i in range(start, end):
        if _is_break(doc, i):
            # BREAK_IN_SPAN: keep the longer side: "Kerman - Twin explosions" is about "Kerman"
            start, end = (start, i) if i - start >= end - i - 1 else (i + 1, end)
            rules.append(BREAK_IN_SPAN)
            break
    for i in range(start + 1, end - 1):
        if doc[i].text in _HYPHENS and _is_modifier_participle(doc[i + 1]):
            end = i  # "Champions League-chasing", "Kremlin-backed": the name ends at the hyphen
            rules.append(HYPHENATED_MODIFIER)
            break
    if label == "PERSON":
        for i in range(end - 2, start, -1):
            if doc[i].text in ("'s", "’s") and is_name_token(doc[i + 1]):
                start = i + 1  # "Bernstein's Priya Natarajan": the person is after the owner
                rules.append(OWNER_BEFORE_PERSON)
                break
    while start < end and (doc[start].lower_ in LEADING_DROP or doc[start].is_punct):
        start += 1
    while start < end:
        last = doc[end - 1]
        if last.text in POSSESSIVE or last.is_punct or last.is_space or last.pos_ in TRAILING_DROP:
            pass
        elif label == "PERSON" and end - start > 1 and _is_figure(last):
            rules.append(SCORE_AFTER_NAME)
        elif label == "ORG" and end - start > 1 and _is_media_descriptor(last):
            rules.append(AGENCY_DESCRIPTOR)
        else:
            break
        end -= 1
    place = place_after_comma(doc, start, end)
    if place is not None:
        end = place[0] - 1  # "Suedzucker, Europe": the name, then where it is
        rules.append(PLACE_AFTER_COMMA)
    if end - start > 2 and is_demonym(doc[start].text) and is_personal_name(doc, start + 1, end):
        start += 1  # NATIONALITY_BEFORE_NAME: "Canadian Felix Auger-Aliassime"
        rules.append(NATIONALITY_BEFORE_NAME)
    while (
        end - start > 1 and end < len(doc) and is_name_token(doc[end]) and opens_title(doc, end - 1)
    ):
        # INSTITUTION_BEFORE_TITLE: "Fed Chair Jerome Powell": the title belongs to the
        # name that follows, and "Fed" is its institution
        end -= 1
        rules.append(INSTITUTION_BEFORE_TITLE)
    if (
        label == "NORP"
        and end - start > 1
        and doc[start].text.casefold() in gz.DEMONYMS
        and all(is_name_token(tok) for tok in doc[start + 1 : end])
    ):
        start += 1  # NATIONALITY_PREFIX: "Russian Telegram channels": the name is "Telegram"
        rules.append(NATIONALITY_PREFIX)
    return start, end, rules


def place_after_comma(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """PLACE_AFTER_COMMA: the place in a span "Suedzucker, Europe" that the model ran
    over the comma of "Suedzucker, Europe's largest sugar company": a known place after
    the name's comma is a second entity, not the end of the first."""
    for i in range(start + 1, end - 1):
        if doc[i].text == "," and doc[i + 1 : end].text.casefold() in PLACES:
            return i + 1, end
    return None


def _is_modifier_participle(tok: Token) -> bool:
    """ "-backed", "-led", "-based", "-chasing": a participle a name is glued to."""
    return tok.is_lower and (tok.tag_ in ("VBN", "VBG") or tok.lower_ in HYPHEN_PARTICIPLES)


def _is_figure(tok: Token) -> bool:
    """SCORE_AFTER_NAME: "Grigor Dimitrov 7-6": a score or number ends no person's name."""
    return any(ch.isdigit() for ch in tok.text) or tok.tag_ == "SYM"


def _is_media_descriptor(tok: Token) -> bool:
    """AGENCY_DESCRIPTOR: "Kyodo news agency" is the agency "Kyodo"."""
    return tok.is_lower and tok.text in MEDIA_DESCRIPTORS


def opens_title(doc: Doc, i: int) -> bool:
    """ "Chair" in "Fed Chair Jerome Powell", "District" in "U.S. District Judge ..."."""
    word = doc[i].text.casefold()
    if word in PERSON_TITLES:
        return True
    return (
        word in TITLE_MODIFIERS and i + 1 < len(doc) and doc[i + 1].text.casefold() in PERSON_TITLES
    )


def _is_break(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if "\n" in tok.text:
        return True
    # "Indo-Pacific" keeps its hyphen; "Kerman - Twin" is two phrases
    return tok.text in _DASHES and bool(tok.whitespace_) and i > 0 and bool(doc[i - 1].whitespace_)


def strip_titles(doc: Doc, start: int, end: int) -> tuple[int, int, list[str]]:
    """TITLE_BEFORE_NAME: remove "President", "Sen.", "Prime Minister" before a name;
    with the names of the rules that removed any (none if no title was there).

    Also TITLE_ABBREVIATION ("CS Murkomen") and SENTENCE_INITIAL_ROLE: a role noun
    capitalised only because it opens the sentence ("Applicant Mrs J Warr")."""
    rules: list[str] = []
    while end - start > 1:
        two = f"{doc[start].text} {doc[start + 1].text}".casefold()
        if end - start > 2 and (two in PERSON_TITLES or _modified_title(doc, start)):
            # "Prime Minister", and a title with the word that forms it: "District
            # Magistrate", "Home Secretary", "Chief Justice"
            start += 2
            rules.append(TITLE_BEFORE_NAME)
        elif doc[start].text.casefold() in PERSON_TITLES and not _names_a_place(doc, start, end):
            start += 1
            rules.append(TITLE_BEFORE_NAME)
        elif doc[start].text in TITLE_ABBREVIATIONS:
            start += 1
            rules.append(TITLE_ABBREVIATION)
        elif _sentence_initial_role(doc, start):
            start += 1
            rules.append(SENTENCE_INITIAL_ROLE)
        else:
            break
    return start, end, rules


def _modified_title(doc: Doc, i: int) -> bool:
    return (
        doc[i].text.casefold() in TITLE_MODIFIERS
        and doc[i + 1].text.casefold() in PERSON_TITLES
        and doc[i + 1].text[:1].isupper()
    )


def _names_a_place(doc: Doc, start: int, end: int) -> bool:
    """ "Saint Lawrence Road", "St. Mary's Hospital": a saint's name that names a place."""
    if doc[start].text.casefold() not in SAINTS:
        return False
    last = doc[end - 1].text.casefold()
    return last in ROAD_HEADS or last in FACILITY_HEADS


def _sentence_initial_role(doc: Doc, i: int) -> bool:
    return doc[i].text.casefold() in ROLES_BEFORE_A_NAME and opens_sentence(doc, i)


def extend(
    doc: Doc, start: int, end: int, label: str, taken: set[int]
) -> tuple[int, int, str, list[str]]:
    """Grow a span over words the model left out of a name; with the rules that grew it."""
    n = len(doc)
    if end < n and end not in taken:
        nxt = doc[end]
        if label == "NORP" and nxt.text.casefold() in ORG_HEADS_AFTER_NORP and nxt.is_title:
            return start, end + 1, "ORG", [NATIONALITY_ORG_HEAD]  # "Russian Embassy"
        if label == "GPE" and nxt.lower_ == "police":
            return start, end + 1, "ORG", [PLACE_POLICE]  # "Virginia Beach police"
        numbered = _road_number_end(doc, end, taken)
        if numbered is not None and doc[end - 1].lower_ in ROAD_HEADS:
            return start, numbered, "FAC", [ROAD_NUMBER]
        descriptor = descriptor_extension(doc, start, end, label, taken)
        if descriptor is not None:
            return start, descriptor[0], descriptor[1], [descriptor[2]]
        place = _following_place(doc, end + 1) if nxt.lower_ == "in" else None
        if doc[end - 1].text in {"Embassy", "Consulate"} and place is not None:
            return start, place, label, [EMBASSY_IN_PLACE]  # "the U.S. Embassy in Kyiv"
        if label == "ORG" and nxt.lower_ == "and" and any(t.lower_ == "of" for t in doc[start:end]):
            joined = _following_entity(doc, end + 1)
            if joined is not None and joined[0].ent_type_ == "ORG" and joined[-1].tag_ == "NNPS":
                # ORG_JOINED_BY_AND: "the Department of Peace and Veterans Affairs"
                return start, joined.end, label, [ORG_JOINED_BY_AND]
    rules: list[str] = []
    if end - start == 1 and person_shaped([doc[start]]):
        while end < n and end - start < 4 and _continues_name(doc, end, taken):
            end += 1  # NAME_CUT_SHORT: "Garbine" + "Muguruza", a name the model cut short
            rules.append(NAME_CUT_SHORT)
    if label == "PERSON":
        while start > 0 and end - start < 3 and _first_name_before(doc, start, end, taken):
            start -= 1  # "Pablo" + "Carreno Busta": FIRST_NAME_LEFT_OUT
            rules.append(FIRST_NAME_LEFT_OUT)
    return start, end, label, rules


def _road_number_end(doc: Doc, end: int, taken: set[int]) -> int | None:
    """Where a road's number (and its compass word) ends after "Road", "Highway"."""
    if end in taken or not doc[end].text.isdigit():
        return None
    after = end + 1
    if after < len(doc) and after not in taken and doc[after].lower_ in ROAD_DIRECTIONS:
        after += 1
    return after


def _first_name_before(doc: Doc, start: int, end: int, taken: set[int]) -> bool:
    """An untagged name word the parser attaches to the person's name after it."""
    i = start - 1
    tok = doc[i]
    return (
        _continues_name(doc, i, taken)
        and tok.dep_ == "compound"
        and start <= tok.head.i < end
        and not is_demonym(tok.text)
        and is_personal_name(doc, i, end)
        and not opens_sentence(doc, i)
    )


def _continues_name(doc: Doc, i: int, taken: set[int]) -> bool:
    """A capitalised word the model left out of the name before it ("Garbine" + "Muguruza")."""
    tok = doc[i]
    if i in taken or tok.ent_type_ or tok.tag_ != "NNP" or not is_name_token(tok):
        return False
    if tok.text.casefold() in PERSON_TITLES or tok.lower_ in TITLE_MODIFIERS:
        return False
    # "Senate Majority Leader", "White House Press Secretary": the word opens a title
    return not (i + 1 < len(doc) and doc[i + 1].text.casefold() in PERSON_TITLES)


def _following_place(doc: Doc, index: int) -> int | None:
    """End of the place name starting at `index`, if one does."""
    place = _following_entity(doc, index)
    if place is not None and place[0].ent_type_ == "GPE":
        return place.end
    if index < len(doc) and list_type(doc[index].text) == "GPE":
        return index + 1
    return None


def _following_entity(doc: Doc, index: int) -> Span | None:
    if index >= len(doc) or doc[index].ent_iob_ != "B":
        return None
    end = index + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[index:end]


def is_demonym(text: str) -> bool:
    return text.casefold() in gz.DEMONYMS


def is_title_fragment(doc: Doc, start: int, end: int) -> bool:
    """ "Supreme" in "Supreme Leader Ali Khamenei" is part of a title, not a name."""
    if end - start != 1 or end >= len(doc):
        return False
    return doc[start].lower_ in TITLE_MODIFIERS and doc[end].text.casefold() in PERSON_TITLES
