"""Cleaning a model span into a name's span: cut at breaks, drop articles,
possessives and titles, and grow it over words the model left out."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import gazetteer as gz
from ..lexicon.media import MEDIA_DESCRIPTORS
from ..lexicon.organisations import ORG_HEADS_AFTER_NORP
from ..lexicon.people import (
    PERSON_TITLES,
    ROLES_BEFORE_A_NAME,
    TITLE_ABBREVIATIONS,
    TITLE_MODIFIERS,
)
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


def trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Cut at line breaks and spaced dashes; drop a leading article and a trailing possessive."""
    for i in range(start, end):
        if _is_break(doc, i):
            # keep the longer side: "Kerman - Twin explosions" is about "Kerman"
            start, end = (start, i) if i - start >= end - i - 1 else (i + 1, end)
            break
    if label == "PERSON":
        for i in range(end - 2, start, -1):
            if doc[i].text in ("'s", "’s") and is_name_token(doc[i + 1]):
                start = i + 1  # "Bernstein's Priya Natarajan": the person is after the owner
                break
    while start < end and (doc[start].lower_ in LEADING_DROP or doc[start].is_punct):
        start += 1
    while start < end and (
        doc[end - 1].text in POSSESSIVE
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].pos_ in TRAILING_DROP
        or (label == "PERSON" and end - start > 1 and _is_figure(doc[end - 1]))
        or (label == "ORG" and end - start > 1 and _is_media_descriptor(doc[end - 1]))
    ):
        end -= 1
    if end - start > 2 and is_demonym(doc[start].text) and is_personal_name(doc, start + 1, end):
        start += 1  # NATIONALITY_BEFORE_NAME: "Canadian Felix Auger-Aliassime"
    while (
        end - start > 1 and end < len(doc) and is_name_token(doc[end]) and opens_title(doc, end - 1)
    ):
        end -= 1  # "Fed Chair Jerome Powell": the title belongs to the name that follows
    if (
        label == "NORP"
        and end - start > 1
        and doc[start].text.casefold() in gz.DEMONYMS
        and all(is_name_token(tok) for tok in doc[start + 1 : end])
    ):
        start += 1  # "Russian Telegram channels": the name is "Telegram"
    return start, end


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


def strip_titles(doc: Doc, start: int, end: int) -> tuple[int, int, bool]:
    """Remove "President", "Sen.", "Prime Minister" before a name; report if any was there.

    Also TITLE_ABBREVIATION ("CS Murkomen") and SENTENCE_INITIAL_ROLE: a role noun
    capitalised only because it opens the sentence ("Applicant Mrs J Warr")."""
    found = False
    while end - start > 1:
        two = f"{doc[start].text} {doc[start + 1].text}".casefold()
        if end - start > 2 and two in PERSON_TITLES:
            start += 2
        elif is_title_token(doc[start]) or _sentence_initial_role(doc, start):
            start += 1
        else:
            break
        found = True
    return start, end, found


def is_title_token(tok: Token) -> bool:
    """A title before a name: "Mrs", "Governor", or capital initials of one ("CS")."""
    return tok.text.casefold() in PERSON_TITLES or tok.text in TITLE_ABBREVIATIONS


def _sentence_initial_role(doc: Doc, i: int) -> bool:
    return doc[i].text.casefold() in ROLES_BEFORE_A_NAME and opens_sentence(doc, i)


def extend(doc: Doc, start: int, end: int, label: str, taken: set[int]) -> tuple[int, int, str]:
    """Grow a span over words the model left out of a name."""
    n = len(doc)
    if end < n and end not in taken:
        nxt = doc[end]
        if label == "NORP" and nxt.text.casefold() in ORG_HEADS_AFTER_NORP and nxt.is_title:
            return start, end + 1, "ORG"
        if label == "GPE" and nxt.lower_ == "police":
            return start, end + 1, "ORG"
        descriptor = descriptor_extension(doc, start, end, label, taken)
        if descriptor is not None:
            return start, descriptor[0], descriptor[1]
        place = _following_place(doc, end + 1) if nxt.lower_ == "in" else None
        if doc[end - 1].text in {"Embassy", "Consulate"} and place is not None:
            return start, place, label
        if label == "ORG" and nxt.lower_ == "and" and any(t.lower_ == "of" for t in doc[start:end]):
            joined = _following_entity(doc, end + 1)
            if joined is not None and joined[0].ent_type_ == "ORG" and joined[-1].tag_ == "NNPS":
                return start, joined.end, label
    if end - start == 1 and person_shaped([doc[start]]):
        while end < n and end - start < 4 and _continues_name(doc, end, taken):
            end += 1  # "Garbine" + "Muguruza": a personal name the model cut short
    if label == "PERSON":
        while start > 0 and end - start < 3 and _first_name_before(doc, start, end, taken):
            start -= 1  # "Pablo" + "Carreno Busta": FIRST_NAME_LEFT_OUT
    return start, end, label


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
