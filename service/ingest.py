"""Turning an ArticleIn payload into a stored, analysed article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from .analysis import PART_ANALYSIS, SENTENCE_COUNT_FIELD, Analyzer
from .nlp.htmltext import html_to_article
from .nlp.text import article_id, clean_text, count_paragraphs, count_words
from .storage.articles import ArticleStore
from .storage.cache import AnalysisCache


class EmptyArticle(ValueError):
    """The payload reduces to no text at all (e.g. HTML with no article body)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class PreparedArticle:
    """An article ready to store: its record without analysis stats, and its text."""

    meta: dict
    text: str
    published_at: dt.datetime | None
    ingested_at: dt.datetime

    @property
    def id(self) -> str:
        return self.meta["id"]

    @property
    def sort_time(self) -> dt.datetime:
        return self.published_at or self.ingested_at


def iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _published_from_html(value: str | None) -> dt.datetime | None:
    try:
        day = dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def prepare_article(payload: Mapping, *, now: dt.datetime | None = None) -> PreparedArticle:
    """Validated ArticleIn data -> the record to store (HTML reduced, text cleaned, id set)."""
    title = payload.get("title")
    authors = list(payload.get("authors") or [])
    published = payload.get("published_at")
    if payload.get("text") is not None:
        text = clean_text(payload["text"])
        if not text:
            raise EmptyArticle("text", "The text is empty.")
    else:
        page = html_to_article(payload["html"])
        text = clean_text(page.text)
        if not text:
            raise EmptyArticle("html", "No article text could be found in the HTML.")
        title = title or page.title
        authors = authors or list(page.authors)
        published = published or _published_from_html(page.published)
    ingested = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    meta = {
        "id": article_id(text),
        "title": title,
        "url": payload.get("url"),
        "source": payload.get("source"),
        "authors": authors,
        "published_at": iso(published),
        "ingested_at": iso(ingested),
        "language": payload.get("language") or "en",
        "stats": {
            "characters": len(text),
            "words": count_words(text),
            "sentences": 0,
            "paragraphs": count_paragraphs(text),
        },
    }
    return PreparedArticle(meta, text, published, ingested)


def ingest(
    payload: Mapping, *, articles: ArticleStore, cache: AnalysisCache, analyzer: Analyzer
) -> tuple[dict, bool]:
    """Store and analyse an article; (record, created). A known text returns the stored record."""
    prepared = prepare_article(payload)
    existing = articles.get_meta(prepared.id)
    if existing is not None:
        return existing, False
    version = analyzer.pipeline_version
    parts = cache.get_parts(cache.adhoc_key(version, prepared.id))
    if PART_ANALYSIS in parts and SENTENCE_COUNT_FIELD in parts:
        sentence_count = int(parts.pop(SENTENCE_COUNT_FIELD))
    else:
        parts, sentence_count = analyzer.render(
            analyzer.parse(prepared.text), article_id=prepared.id,
            published_at=prepared.published_at,
        )
    prepared.meta["stats"]["sentences"] = sentence_count
    cache.remember_version(version)
    return articles.add(
        prepared.meta,
        prepared.text,
        sort_time=prepared.sort_time,
        extra_writes=[(cache.article_key(version, prepared.id), parts, cache.ttl)],
    )
