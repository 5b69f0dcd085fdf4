"""The dateline an article may open with: "KUMASI, Ghana, March 4 (Reuters) -".

It names where the report was filed (often a capital far from the incident)
and maybe the day. Both are read by shape, before the first dash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The pieces of a written date, shared with incident_dates.
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
# "March 4", "4 March", either with its year.
MONTH_DAY = rf"(?:{MONTH} {DAY}(?:,? {YEAR})?|{DAY} {MONTH}(?:,? {YEAR})?)"
_NAME = r"[A-Z][A-Za-z'.\-]+(?: [A-Z][A-Za-z'.\-]+){0,3}"
# The filing place, maybe its country or state, maybe the day, maybe the agency, a dash.
DATELINE = re.compile(
    rf"^(?P<place>{_NAME})(?:, (?!{MONTH_DAY})(?P<region>{_NAME}))?"
    rf"(?:,? (?P<date>{MONTH_DAY}))?\s*(?:\((?P<agency>[A-Za-z .&]{{1,25}})\))?\s*[-–—:]\s"
)


@dataclass(frozen=True)
class Dateline:
    """Where (and maybe when) the report says it was filed; `end` is where its text starts."""

    place: str
    date: str | None
    end: int


def dateline(text: str) -> Dateline | None:
    """The dateline at the very start of `text`, or None."""
    match = DATELINE.match(text.lstrip())
    # A capitalised word and a dash are also how a sentence can open ("Police: ..."):
    # a dateline is upper case, or gives its day or its agency.
    if match is None or not (match["place"].isupper() or match["date"] or match["agency"]):
        return None
    offset = len(text) - len(text.lstrip())
    return Dateline(match["place"], match["date"], offset + match.end())
