"""Article level: every sentence's figures in text order, without retracted ones or
single victims already counted in a larger toll."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from ..doc_facts import facts_scope
from ..lexicon import casualty_words as cw
from ..numbers import EXACT
from .earlier_events import IncidentLink, Present, dates_in_lead, lead_end_char, month_of
from .figures import CasualtyFigure
from .other_incidents import incident_link, markers_of
from .sentence_figures import BREAKDOWN, sentence_figures


def extract_casualties(
    doc: Doc, *, current_year: int | None = None, current_month: int | None = None
) -> list[CasualtyFigure]:
    """Every statement of people killed, injured or missing in `doc`, in text order.

    `current_year` (e.g. the publication year, when known) is the main event's
    year: a sentence naming it is not about an earlier event. Without it, the
    years named in the article's lead play that part. `current_month` (1-12, the
    publication month) likewise tells "In December, an airstrike killed 100" in a
    March story from the news itself.
    """
    figures: list[CasualtyFigure] = []
    if not doc.has_annotation("SENT_START"):
        return []  # without a parse there is nothing reliable to read
    with facts_scope(doc) as shared:
        doc_text = shared.text
        lead_dates = dates_in_lead(doc, doc_text)
        lead_years = {m.group(0) for date in lead_dates for m in cw.YEAR.finditer(date)}
        if current_year is not None:
            # A lead year long before publication dates an earlier event the story
            # returns to ("jailed on Friday for a 2021 fire that killed three"); the
            # year before still counts, for stories published just after New Year.
            lead_years = {y for y in lead_years if int(y) >= current_year - 1}
            lead_years |= {str(current_year)}
        present = Present(
            frozenset(lead_years),
            _present_months(current_month, lead_dates),
            frozenset(date.lower() for date in lead_dates),
        )
        stated: set[str] = set()  # categories of the current event stated so far
        retracted = _retracted_ranges(doc_text, shared.sentences)
        lead_end = lead_end_char(doc, doc_text)
        lead_markers = frozenset().union(
            *(markers_of(s) for s in shared.sentences if s.start_char < lead_end)
        )
        link: IncidentLink | None = None
        for sent in shared.sentences:
            new_paragraph = "\n\n" in doc_text[sent.start_char - 2 : sent.start_char + 1]
            link = incident_link(
                sent,
                present,
                in_lead=sent.start_char < lead_end,
                previous=None if new_paragraph else link,
                lead_markers=lead_markers,
            )
            found = sentence_figures(sent, doc_text, link, frozenset(stated))
            found = [f for f in found if not any(a <= f.start < b for a, b in retracted)]
            stated.update(f.category for f in found if not f.historical)
            figures.extend(found)
    return _without_subsumed_singles(figures)


def _present_months(current_month: int | None, lead_dates: Sequence[str]) -> frozenset[int] | None:
    """The months the news may be dated by: the publication month and the lead's. A
    story without a publication date whose lead dates the news by weekday ("late
    Wednesday") has none: a sentence opening "In June," tells of another incident.
    Unknown (None) when nothing dates the news."""
    lead_months = {m for m in map(month_of, lead_dates) if m}
    if current_month is not None:
        return frozenset({current_month} | lead_months)
    if lead_months:
        return frozenset(lead_months)
    if any(cw.WEEKDAY.search(date) for date in lead_dates):
        return frozenset()
    return None


def _retracted_ranges(doc_text: str, sentences: Sequence[Span]) -> list[tuple[int, int]]:
    """Character ranges where a story takes back figures it gave: a "Correction:" note
    (to the end of its paragraph), which repeats the wrong figure it replaces, and "an
    earlier version of this story said ..." (to the end of its sentence)."""
    ranges = []
    for note in cw.CORRECTION_NOTE.finditer(doc_text):
        paragraph_end = doc_text.find("\n\n", note.start())
        ranges.append((note.start(), len(doc_text) if paragraph_end < 0 else paragraph_end))
    for earlier in cw.EARLIER_VERSION.finditer(doc_text):
        sentence_end = next(
            (s.end_char for s in sentences if s.start_char <= earlier.start() < s.end_char),
            len(doc_text),
        )
        ranges.append((earlier.start(), sentence_end))
    return ranges


def _without_subsumed_singles(figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """Drop "one victim was killed outside" when the article states a larger toll:
    a single victim described alongside a toll is one of its members."""
    larger = {f.category for f in figures if not f.historical and f.value > 1}
    return [
        f
        for f in figures
        if not (
            f.value == 1
            and f.qualifier == EXACT
            and not f.historical
            and f.category in larger
            and BREAKDOWN not in f.rules  # "... and one in the south" is a part, not a member
        )
    ]
