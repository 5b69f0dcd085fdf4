"""What on a page is not article body: bylines, photo captions and credits, boilerplate
links and scraps too short to say anything."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ..lexicon import summary_words as sw

_FURNITURE_MAX_CHARS = 400
_FRAGMENT_MIN_WORDS = 3


def is_page_furniture(paragraph: str) -> bool:
    """Bylines, photo captions and credits, and boilerplate links are not article body."""
    if len(paragraph) > _FURNITURE_MAX_CHARS:
        return False
    return bool(
        sw.BYLINE_START.match(paragraph)
        or sw.BOILERPLATE_START.match(paragraph)
        or sw.CAPTION_START.match(paragraph)
        or _is_by_names_line(paragraph)
        or _ends_with_photo_credit(paragraph)
    )


def _is_by_names_line(paragraph: str) -> bool:
    words = paragraph.split()
    return len(words) >= 2 and words[0].lower() == "by" and looks_like_names(words[1:])


def looks_like_names(words: Sequence[str]) -> bool:
    """Short runs of capitalised words ("Ann M. Simmons and Thomas Grove")."""
    if not words or len(words) > 12:
        return False
    for word in words:
        bare = word.strip(",;.()")
        if bare and bare.lower() not in sw.NAME_CONNECTORS and not bare[0].isupper():
            return False
    return True


def _ends_with_photo_credit(paragraph: str) -> bool:
    # Body sentences end with punctuation; a credit ends with the agency's name.
    tail = paragraph[-120:].rstrip()
    if not tail or tail[-1] in ".!?\"'”’:":
        return False
    if sw.CREDIT_TAIL.search(tail):
        return True
    last_words = tail.lower().split()[-2:]
    return bool(last_words) and last_words[-1] in sw.AGENCY_CREDITS and len(paragraph.split()) > 3


def is_fragment(sentence_text: str, tokens: list[Token]) -> bool:
    """Datelines ("WASHINGTON:"), labels and scraps too short to say anything."""
    words = [t for t in tokens if not t.is_punct]
    if len(words) < _FRAGMENT_MIN_WORDS:
        return True
    if sentence_text.rstrip().endswith(":") and len(words) <= 6:
        return True
    return not any(t.is_alpha and t.is_lower for t in tokens)
