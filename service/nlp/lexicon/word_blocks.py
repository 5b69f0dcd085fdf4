"""Reading a word list written one name per line, as the lexicon modules write them."""

from __future__ import annotations


def names(block: str) -> frozenset[str]:
    """One name per line, case-folded; blank lines ignored."""
    return frozenset(line.strip().casefold() for line in block.splitlines() if line.strip())
