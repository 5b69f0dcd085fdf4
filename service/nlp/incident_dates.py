"""When an article's incident happened, read from its text and its publication date.

An article posted without `published_at` (plain text by curl, HTML without
metadata) still dates its incident: a dateline ("KUMASI, Ghana, March 4
(Reuters) -"), a full date ("on March 22, 2024"), or a weekday ("on Friday")
read against a date the text gives. Each way is a named pattern below; the
phrases found are handed to dateparser with the base date as "now", preferring
the past. Without a publication date and without a dated phrase, the incident
date is unknown (None): ingestion time is never an incident's date.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from .datelines import DAY as _DAY
from .datelines import MONTH as _MONTH
from .datelines import MONTH_DAY, dateline
from .datelines import YEAR as _YEAR

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Dates that carry their year, so they date an undated article by themselves.
FULL_DATE_PATTERNS: dict[str, re.Pattern[str]] = {
    "month-day-year": re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b"),
    "day-month-year": re.compile(rf"\b{_DAY} {_MONTH},? {_YEAR}\b"),
    "iso-date": re.compile(rf"\b{_YEAR}-[01]\d-[0-3]\d\b"),
}
# When the lead says the incident happened, relative to the base date.
LEAD_DAY_PATTERNS: dict[str, re.Pattern[str]] = {
    "on-a-date": re.compile(rf"\b(?:on|late on|early on) {MONTH_DAY}\b"),
    "on-a-weekday": re.compile(rf"\b(?:on|late on|early on|since|last|of) {_WEEKDAY}\b"),
    "weekday-possessive": re.compile(rf"\b{_WEEKDAY}['’]s\b"),
    "weekday-time": re.compile(rf"\b{_WEEKDAY} (?:night|morning|afternoon|evening)\b"),
    "yesterday": re.compile(r"\b(?:yesterday|last night)\b", re.IGNORECASE),
}
_LEAD_PARAGRAPHS = 2
# dateparser loads its language data on first use; two threads doing that at once can
# trip CPython 3.11's "AST constructor recursion depth mismatch": one parse at a time.
_DATEPARSER_LOCK = threading.Lock()
# A lead day further back than this from the base is not the incident (a quoted anniversary).
_MAX_DAYS_BEFORE = 45


@dataclass(frozen=True)
class IncidentDate:
    """The incident's day and the rule that found it."""

    day: date
    rule: str


def incident_date(text: str, published: date | None) -> IncidentDate | None:
    """The day the article's incident happened, or None when nothing dates it.

    The report's own day is its publication date, else its dateline's (a dateline
    without a year takes the year of the first full date in the text); a day the
    lead names ("on Friday", "on March 3", "last night") is read against it. An
    article with neither is dated by the first full date it gives ("the 22 March
    2024 attack"), taken as it stands.
    """
    lead = "\n\n".join(text.strip().split("\n\n")[:_LEAD_PARAGRAPHS])
    full = _first_full_date(lead) or _first_full_date(text)
    filed = dateline(lead)
    base, rule = published, "published"
    if base is None and filed is not None and filed.date is not None:
        base, rule = _parse(filed.date, full[0] if full else None, future=True), "dateline"
    if base is None:
        return IncidentDate(*full) if full else None
    # The earliest day the lead gives: an update's "rose to 11 on Monday" follows
    # "Friday's earthquake".
    days = [
        (day, name)
        for name, phrase in _lead_phrases(lead)
        if (day := _parse(phrase, base)) is not None
        and timedelta(0) <= base - day <= timedelta(days=_MAX_DAYS_BEFORE)
    ]
    if days:
        return IncidentDate(*min(days))
    return IncidentDate(base, rule)


def _lead_phrases(lead: str):
    found = [
        (match.start(), name, match.group())
        for name, pattern in LEAD_DAY_PATTERNS.items()
        for match in pattern.finditer(lead)
    ]
    for _, name, phrase in sorted(found):
        yield name, phrase


def _first_full_date(text: str) -> tuple[date, str] | None:
    found = [
        (match.start(), name, match.group())
        for name, pattern in FULL_DATE_PATTERNS.items()
        for match in pattern.finditer(text)
    ]
    for _, name, phrase in sorted(found):
        day = _parse(phrase, None)
        if day is not None:
            return day, name
    return None


@lru_cache(maxsize=4096)
def _parse(phrase: str, base: date | None, *, future: bool = False) -> date | None:
    """dateparser on one phrase, "now" being the base day; None when it cannot tell.

    `future` lets the phrase fall after the base (a dateline read in the year of a
    date the text gives)."""
    words = re.sub(r"\b(?:on|late on|early on|since|of)\b|['’]s\b", "", phrase).strip()
    prefer = "current_period" if future else "past"
    settings: dict = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day, 23, 59)
    elif not re.search(_YEAR, words):
        return None  # a day without a year and nothing to read it against
    if base is not None and base.strftime("%A") in words:
        return base  # "on Tuesday" in a report of Tuesday is that day, not a week before
    with _DATEPARSER_LOCK:
        parsed = dateparser.parse(words, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None
