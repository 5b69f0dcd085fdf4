"""Reading word lists as the lexicon modules write them."""

from __future__ import annotations


def names(block: str) -> frozenset[str]:
    """One name per line (names may hold spaces), case-folded; blank lines ignored."""
    return frozenset(line.strip().casefold() for line in block.splitlines() if line.strip())


def words(text: str) -> frozenset[str]:
    """Words separated by white space, as written."""
    return frozenset(text.split())
