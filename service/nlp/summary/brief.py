"""The one-line `brief` of an article, built from facts the extractors found.

An incident reads "<event>, <place>, <date>: <casualties>; <who is blamed>."; any
other story reads "<main actors>: <what the lead sentence says they did>".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime

from spacy.tokens import Doc, Span

from ..doc_facts import facts
from ..lexicon import summary_words as sw
from .actor_brief import actor_brief
from .brief_inputs import EntityLike, QuoteLike, TotalLike
from .incident_brief import BLAME_SEARCH_SENTENCES, incident_brief
from .sentence_units import article_sentences

MAX_BRIEF_CHARS = 240
_CATEGORY_ORDER = ("killed", "injured", "missing")
_SPACE_RUN = re.compile(r"\s+")


def compose_brief(
    doc: Doc,
    *,
    totals: Mapping[str, TotalLike | None],
    entities: Sequence[EntityLike],
    quotes: Sequence[QuoteLike],
    published_at: datetime | None = None,
) -> str:
    """One line (at most 240 characters) saying what happened, or who did or said what."""
    spans = _body_spans(doc, BLAME_SEARCH_SENTENCES)
    entities = sorted(entities, key=lambda e: -e.salience)  # every lookup prefers the salient
    casualties = casualty_phrase(totals)
    if spans and casualties:
        brief = incident_brief(spans, casualties, entities, published_at)
    elif spans:
        brief = actor_brief(spans[0], entities, quotes)
    else:
        brief = ""
    if not brief:
        brief = spans[0].text if spans else facts(doc).text
    return _one_line(brief)


def casualty_phrase(totals: Mapping[str, TotalLike | None]) -> str:
    """ "at least 60 killed, more than 145 injured" from the article's totals ('' when none)."""
    categories = [c for c in _CATEGORY_ORDER if c in totals]
    categories += sorted(c for c in totals if c not in _CATEGORY_ORDER)
    parts = []
    for category in categories:
        total = totals.get(category)
        if total is None:
            continue
        parts.append(_casualty_count(total, category))
    return ", ".join(parts)


def _casualty_count(total: TotalLike, category: str) -> str:
    if total.value == 0:
        return f"none {category}"
    qualifier = sw.QUALIFIER_WORDS.get(total.qualifier, "")
    return " ".join(part for part in (qualifier, f"{total.value:,}", category) if part)


def _body_spans(doc: Doc, limit: int) -> list[Span]:
    """The first `limit` body sentences: the brief never reads further."""
    spans: list[Span] = []
    for sentence in article_sentences(doc):
        if len(spans) == limit:
            break
        if not sentence.body:
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def _one_line(text: str) -> str:
    line = _SPACE_RUN.sub(" ", text).strip()
    if len(line) <= MAX_BRIEF_CHARS:
        return line
    cut = line.rfind(" ", 0, MAX_BRIEF_CHARS)
    if cut <= 0:
        cut = MAX_BRIEF_CHARS - 1
    return line[:cut].rstrip(" ,;:") + "…"
