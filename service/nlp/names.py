"""Matching a name someone types against the names an article uses."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

_NON_WORD = re.compile(r"[^\w\s]")


def name_tokens(name: str) -> tuple[str, ...]:
    """Case-folded words of a name, punctuation and possessive 's dropped."""
    folded = unicodedata.normalize("NFKC", name).casefold().replace("’", "'")
    folded = re.sub(r"'s\b", "", folded)
    return tuple(_NON_WORD.sub(" ", folded).split())


def name_matches(query: str, names: Iterable[str]) -> bool:
    """True if `query` is one of `names`, or all its words are words of one of them.

    So "putin", "Vladimir Putin" and "PUTIN" all find "Vladimir Putin".
    """
    wanted = name_tokens(query)
    if not wanted:
        return False
    for name in names:
        tokens = name_tokens(name)
        if tokens == wanted or (tokens and set(wanted) <= set(tokens)):
            return True
    return False


def speaker_matches(speaker: Mapping | None, query: str) -> bool:
    """Does a rendered quote speaker answer to `query` (name, mention or description)?"""
    if not speaker:
        return False
    names = [
        speaker.get("name") or "",
        speaker.get("mention") or "",
        speaker.get("description") or "",
    ]
    return name_matches(query, [n for n in names if n])
