"""What a casualty figure is, and the article's total per category chosen from its
figures (current, firm figures over superseded or approximate ones)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon import casualty_words as cw
from ..lexicon.casualty_words import CATEGORIES
from ..numbers import lower_bound

_SUPERSEDED_REACH = 6


@dataclass(frozen=True, slots=True)
class CasualtyFigure:
    """One statement of people killed, injured or missing."""

    category: str
    value: int
    min: int | None
    max: int | None
    qualifier: str
    approximate: bool
    text: str
    who: str | None
    historical: bool
    # "main" for the article's own incident, else the article's words for the other
    # incident the figure counts for ("a previous crash", "last week", "2003").
    incident: str
    attributed_to: str | None
    sentence: str
    start: int
    end: int
    # The names of the rules that read the figure and linked it to its incident.
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CasualtyTotal:
    """The article's current figure for one category."""

    value: int
    min: int | None
    max: int | None
    qualifier: str


def casualty_totals(figures: Sequence[CasualtyFigure]) -> dict[str, CasualtyTotal | None]:
    """Per category, the largest non-historical lower bound stated; None when none.

    Two refinements decide between the candidates first. A figure the text
    presents as replaced ("after earlier reporting 11 dead") yields to current
    ones. A firm lower bound (exact, at least, more than, a range) wins over an
    approximate figure ("nearly 100", "about 900", "up to 6,000"): "almost 100
    killed" and "at least 95 killed" in one article make 95 the figure it
    stands behind.
    """
    totals: dict[str, CasualtyTotal | None] = {}
    for category in CATEGORIES:
        current = [f for f in figures if f.category == category and not f.historical]
        if not current:
            totals[category] = None
            continue
        best = max(current, key=_total_rank)
        totals[category] = CasualtyTotal(best.value, best.min, best.max, best.qualifier)
    return totals


def _total_rank(figure: CasualtyFigure) -> tuple[bool, bool, int, int]:
    return (
        not is_superseded(figure),
        figure.min is not None,
        lower_bound(figure.min, figure.value),
        figure.value,
    )


def is_superseded(figure: CasualtyFigure) -> bool:
    """True for a figure the same sentence presents as replaced: "after earlier
    reporting 11 dead", "initial estimates put the number at 130", "rose to 133 from 115"."""
    text = figure.text.lower()
    if text.startswith("from "):
        return True
    at = figure.sentence.find(figure.text)
    if at < 0:
        return False
    before = figure.sentence[:at]
    if cw.SUPERSEDED_OPENING.match(before):
        return True  # "Earlier, officials had put the toll at 40."
    if cw.EARLIER_REPORT.match(before):
        return True  # "Earlier on Saturday, officials had said 11 people had died."
    clause = cw.CLAUSE_BREAK.split(before)[-1]
    # Only the words right before the figure: "earlier this month, ... killed 60" is a date.
    nearby = " ".join(clause.split()[-_SUPERSEDED_REACH:])
    return cw.SUPERSEDED_CUE.search(nearby) is not None
