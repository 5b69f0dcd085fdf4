"""One parse, every extractor: the complete analysis of an article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from spacy.tokens import Doc, Span

from .casualties import (
    CasualtyFigure,
    CasualtyTotal,
    casualty_totals,
    extract_casualties,
    is_superseded,
)
from .doc_facts import facts_scope
from .entities import Entity, extract_entities
from .quotes import Quote, extract_quotes
from .summary import (
    MAX_PIECES,
    SUMMARY_METHOD,
    SummaryPiece,
    SummarySentence,
    compose_brief,
    pick_order,
    summaries_from_picks,
    summary_pieces,
)

MAX_SUMMARY_SENTENCES = 10


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything newsfacts extracts from one article."""

    summaries: tuple[tuple[SummarySentence, ...], ...]  # index k-1: the k-sentence summary
    summary_method: str
    pieces: tuple[SummaryPiece, ...]  # compressed sentences, best first, for ?words=N
    brief: str
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    figures: tuple[CasualtyFigure, ...]
    totals: dict[str, CasualtyTotal | None]
    sentence_count: int


def analyze(doc: Doc, *, published_at: datetime | None = None) -> ArticleAnalysis:
    """Run every extractor over one parsed article."""
    with facts_scope(doc) as facts:
        return _analyze(doc, published_at, facts.text, facts.sentences)


def _analyze(
    doc: Doc, published_at: datetime | None, text: str, sentences: tuple[Span, ...]
) -> ArticleAnalysis:
    # The publication year tells the event's own year from earlier ones ("since 2004").
    figures = tuple(
        extract_casualties(
            doc,
            current_year=published_at.year if published_at else None,
            current_month=published_at.month if published_at else None,
        )
    )
    totals = casualty_totals(figures)
    entities = tuple(extract_entities(doc))
    people = [(s.start, s.end) for e in entities if e.type == "PERSON" for s in e.spans]
    quotes = tuple(extract_quotes(doc, people=people))
    # Only the current figures make a sentence news: not earlier events, and not tolls
    # the text itself says were replaced ("Earlier, officials had put the toll at 40").
    figure_offsets = [
        (f.start, f.end) for f in figures if not f.historical and not is_superseded(f)
    ]
    # One selection for both: the k-sentence summaries are its first k picks, the
    # word-budget pieces all of them, compressed.
    picks = pick_order(doc, figure_offsets, MAX_PIECES)
    summaries = tuple(tuple(chosen) for chosen in summaries_from_picks(picks))[
        :MAX_SUMMARY_SENTENCES
    ]
    brief = compose_brief(
        doc, totals=totals, entities=entities, quotes=quotes, published_at=published_at
    )
    return ArticleAnalysis(
        summaries=summaries,
        summary_method=SUMMARY_METHOD,
        pieces=summary_pieces(doc, figure_offsets, picks),
        brief=brief,
        entities=entities,
        quotes=quotes,
        figures=figures,
        totals=totals,
        sentence_count=sum(1 for s in sentences if text[s.start_char : s.end_char].strip()),
    )
