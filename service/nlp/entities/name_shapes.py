"""What a name looks like: its tokens, a person's shape, its initials, and the type
a curated list gives it; read by every later step."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..lexicon import gazetteer as gz
from ..lexicon.canonical_names import GPE_CANONICALS, ORG_CANONICALS
from ..lexicon.media import NEWS_AGENCIES
from ..lexicon.named_things import EVENT_HEADS, FACILITY_HEADS
from ..lexicon.organisations import ACRONYM_SKIP, ORG_HEADS_AFTER_NORP, ORG_WORDS
from ..lexicon.people import PERSON_ROLES, PERSON_TITLES, TITLE_MODIFIERS
from .entity_keys import entity_key

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
LEADING_DROP = frozenset({"the", "a", "an"})
TRAILING_DROP = frozenset({"CCONJ", "ADP", "DET"})
_INITIAL = re.compile(r"(?:[A-Z]\.){1,3}")


def is_name_token(tok: Token) -> bool:
    text = tok.text
    if _INITIAL.fullmatch(text):
        return True
    return text[:1].isupper() and (text.isalpha() or "-" in text or "'" in text)


def is_glued_hyphen(doc: Doc, i: int) -> bool:
    """The hyphen of a double-barrelled name ("Sanwo-Olu"), no space on either side."""
    tok = doc[i]
    return (
        tok.text in ("-", "‐")
        and 0 < i < len(doc) - 1
        and not tok.whitespace_
        and not doc[i - 1].whitespace_
    )


_SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";"})


def opens_sentence(doc: Doc, i: int) -> bool:
    """Token `i` is the first word of a sentence or line, after any opening quote or
    bracket: a capital there says nothing about a name."""
    j = i
    while (
        j > 0
        and (doc[j - 1].is_punct or doc[j - 1].is_space)
        and not (doc[j - 1].text in _SENTENCE_ENDS or "\n" in doc[j - 1].text)
    ):
        j -= 1
    return (
        j == 0
        or doc[j - 1].text in _SENTENCE_ENDS
        or "\n" in doc[j - 1].text
        or bool(doc[j].is_sent_start)
    )


def person_shaped(tokens: list[Token]) -> bool:
    tokens = [tok for tok in tokens if not is_glued_hyphen(tok.doc, tok.i)]
    if not 1 <= len(tokens) <= 4:
        return False
    if not all(is_name_token(tok) for tok in tokens):
        return False
    last = tokens[-1].text.casefold()
    if last in FACILITY_HEADS or last in EVENT_HEADS or last in ORG_HEADS_AFTER_NORP:
        return False
    return list_type(" ".join(tok.text for tok in tokens)) is None


def is_personal_name(doc: Doc, start: int, end: int) -> bool:
    """Two to four name tokens, none a word of an organisation's or title's name."""
    tokens = [tok for tok in doc[start:end] if not is_glued_hyphen(doc, tok.i)]
    return (
        len(tokens) >= 2
        and person_shaped(tokens)
        and not any(
            tok.text.casefold() in ORG_WORDS
            or tok.text.casefold() in PERSON_TITLES
            or tok.text.casefold() in PERSON_ROLES
            or tok.text.casefold() in TITLE_MODIFIERS
            or list_type(tok.text) is not None
            for tok in tokens
        )
    )


def list_type(text: str) -> str | None:
    """The type a curated list gives a name, if any."""
    folded = text.casefold()
    key = entity_key(text)
    if folded in gz.COUNTRIES or folded in gz.CITIES or folded in gz.REGIONS:
        return "GPE"
    if key in GPE_CANONICALS or key in gz.REGIONS:  # "Calif." is California
        return "GPE"
    if folded in NEWS_AGENCIES or key in ORG_CANONICALS:
        return "ORG"
    if folded in gz.DEMONYMS:
        return "NORP"
    return None


def initials_of(name: str) -> str:
    """ "Congressional Budget Office" -> "cbo"; "U.S. Geological Survey" -> "usgs"."""
    letters = []
    for word in name.replace("-", " ").split():
        bare = word.replace(".", "")
        if not bare or bare.casefold() in ACRONYM_SKIP:
            continue
        letters.append(bare if bare.isupper() else bare[0])
    return "".join(letters).casefold()
