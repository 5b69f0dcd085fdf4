"""Keys equal for all written forms of one entity, so that its mentions, and its
mentions in other articles, group together."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..lexicon.canonical_names import CANONICAL_ALIASES, INVERTIBLE_HEADS


def plain_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold().replace("’", "'").replace("‘", "'")
    text = text.strip()
    for article in ("the ", "a ", "an "):
        if text.startswith(article):
            text = text[len(article) :]
            break
    if text.endswith("'s"):
        text = text[:-2]
    text = text.replace(".", "")
    words = "".join(ch if ch.isalnum() else " " for ch in text).split()
    if len(words) > 2 and words[0] in INVERTIBLE_HEADS and words[1] == "of":
        words = [*words[2:], words[0]]  # "Department of Labor" is the "Labor Department"
    return " ".join(words)


_CANONICAL = {plain_key(alias): plain_key(name) for alias, name in CANONICAL_ALIASES.items()}


@lru_cache(maxsize=65_536)
def entity_key(name: str) -> str:
    """A key equal for all written forms of one entity ("U.S.", "the United States")."""
    key = plain_key(name)
    return _CANONICAL.get(key, key)
