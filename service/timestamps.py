"""Timestamps as newsfacts stores and serves them: UTC, ISO 8601, second precision, "Z".

One module for every parse and format, so the stored form, the JSON form and
what a client may send cannot drift apart. No Flask here: storage, render and
the schemas all use it.
"""

from __future__ import annotations

import datetime as dt

# What a client may send: years outside this range are typos or attacks on sorting.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2999
_MAX_INPUT_CHARS = 40


def format_utc(moment: dt.datetime | None) -> str | None:
    """`2024-03-22T14:05:00Z` (None stays None): the form stored and served."""
    return None if moment is None else moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_stored(value: str | None) -> dt.datetime | None:
    """A timestamp newsfacts wrote itself (format_utc's form); None or "" is None."""
    return None if not value else dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def parse_client(value: str) -> dt.datetime:
    """A client's ISO date or date-time, as an aware UTC datetime; ValueError otherwise.

    A bare date is midnight UTC, and a date-time without a zone is UTC.
    """
    text = value.strip()
    if len(text) > _MAX_INPUT_CHARS:
        raise ValueError("too long")
    if len(text) == 10:
        day = dt.date.fromisoformat(text)
        if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            raise ValueError("year out of range")
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    parsed = dt.datetime.fromisoformat(text.replace("z", "Z"))
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise ValueError("year out of range")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def parse_date_prefix(value: str | None) -> dt.datetime | None:
    """Midnight UTC of the date a string starts with (`2024-03-22...`), or None."""
    try:
        day = dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
