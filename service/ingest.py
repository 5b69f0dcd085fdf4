"""Turning an ArticleIn payload into a stored, analysed article."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from service.nlp.htmltext import html_to_article
from service.nlp.text import article_id, clean_text, count_paragraphs, count_words
from service.render import PART_ANALYSIS, SENTENCE_COUNT_FIELD
from service.services import Services
from service.storage import StorageUnavailable
from service.timestamps import format_utc, parse_date_prefix, parse_stored

log = logging.getLogger(__name__)


class ArticleRejected(ValueError):
    """The payload cannot become an article: no text at all, or more than we analyse."""

    def __init__(self, field: str, message: str, *, status: int = 422) -> None:
        super().__init__(message)
        self.field = field
        self.status = status


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


def prepare_article(
    payload: Mapping, *, max_chars: int, now: dt.datetime | None = None
) -> PreparedArticle:
    """Validated ArticleIn data -> the record to store (HTML reduced, text cleaned, id set)."""
    title = payload.get("title")
    authors = list(payload.get("authors") or [])
    published = payload.get("published_at")
    if payload.get("text") is not None:
        text = clean_text(payload["text"])
        if not text:
            raise ArticleRejected("text", "The text is empty.")
    else:
        page = html_to_article(payload["html"])
        text = clean_text(page.text)
        if not text:
            raise ArticleRejected("html", "No article text could be found in the HTML.")
        title = title or page.title
        authors = authors or list(page.authors)
        published = published or parse_date_prefix(page.published)
    if len(text) > max_chars:
        # Analysis time grows with length; a bound keeps one request from holding a worker.
        raise ArticleRejected(
            "text",
            f"The article has {len(text)} characters; at most {max_chars} are analysed.",
            status=413,
        )
    ingested = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    meta = {
        "id": article_id(text),
        "title": title,
        "url": payload.get("url"),
        "source": payload.get("source"),
        "authors": authors,
        "published_at": format_utc(published),
        "ingested_at": format_utc(ingested),
        "language": payload.get("language") or "en",
        "stats": {
            "characters": len(text),
            "words": count_words(text),
            "sentences": 0,
            "paragraphs": count_paragraphs(text),
        },
    }
    return PreparedArticle(meta, text, published, ingested)


def ingest(payload: Mapping, services: Services) -> tuple[dict, bool]:
    """Store and analyse an article; (record, created). A known text returns the stored record."""
    prepared = prepare_article(payload, max_chars=services.settings.max_article_chars)
    existing = services.articles.get_meta(prepared.id)
    if existing is not None:
        return existing, False
    return store_prepared(prepared, services)


def ingest_many(
    payloads: Sequence[Mapping], services: Services, *, batch_size: int = 16
) -> Iterator[tuple[int, dict | None, bool, Exception | None]]:
    """Ingest payloads, parsing the new texts together with `nlp.pipe`.

    Yields (index, record, created, error) in input order as each one is
    stored, so a caller can acknowledge progress article by article; an
    error in one payload (e.g. HTML with no text) affects only that one.
    """
    prepared: list[tuple[int, PreparedArticle]] = []
    for index, payload in enumerate(payloads):
        try:
            article = prepare_article(payload, max_chars=services.settings.max_article_chars)
        except ArticleRejected as exc:
            yield index, None, False, exc
            continue
        existing = services.articles.get_meta(article.id)
        if existing is not None:
            yield index, existing, False, None
        else:
            prepared.append((index, article))
    texts = (article.text for _, article in prepared)
    docs = services.analyzer.parse_many(texts, batch_size=batch_size)
    for (index, article), doc in zip(prepared, docs, strict=True):
        try:
            record, created = store_prepared(article, services, doc=doc)
        except StorageUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad article must not sink the batch
            log.exception("article %s of a batch could not be analysed", article.id)
            yield index, None, False, exc
            continue
        yield index, record, created, None


def store_prepared(
    prepared: PreparedArticle, services: Services, *, doc: Doc | None = None
) -> tuple[dict, bool]:
    """Analyse (unless an ad-hoc analysis of the text is cached) and store atomically."""
    analyzer, cache = services.analyzer, services.cache
    version = analyzer.pipeline_version
    adhoc = cache.adhoc_key(version, prepared.id, prepared.published_at)
    parts = {} if doc is not None else cache.get_parts(adhoc)
    if PART_ANALYSIS in parts and SENTENCE_COUNT_FIELD in parts:
        sentence_count = int(parts.pop(SENTENCE_COUNT_FIELD))
    else:
        parts, sentence_count = analyzer.render(
            doc if doc is not None else analyzer.parse(prepared.text),
            article_id=prepared.id,
            published_at=prepared.published_at,
        )
    prepared.meta["stats"]["sentences"] = sentence_count
    derived = [
        (services.corpus, services.corpus.prepare(prepared.meta, parts)),
        (services.events, services.events.prepare(prepared.meta, parts, prepared.text)),
    ]
    cache.remember_version(version)
    return services.articles.add(
        prepared.meta,
        prepared.text,
        sort_time=prepared.sort_time,
        extra_writes=[(cache.article_key(version, prepared.id), parts, cache.ttl)],
        derived_records=derived,
    )


def reanalyze_article(article_id: str, services: Services) -> bool:
    """Analyse a stored article again under the current pipeline and rebuild its indexes."""
    found = services.articles.get(article_id)
    if found is None:
        return False
    meta, text = found
    analyzer, cache = services.analyzer, services.cache
    parts, _ = analyzer.render(
        analyzer.parse(text),
        article_id=article_id,
        published_at=parse_stored(meta.get("published_at")),
    )
    derived = [
        (services.corpus, services.corpus.prepare(meta, parts)),
        (services.events, services.events.prepare(meta, parts, text)),
    ]
    cache.remember_version(analyzer.pipeline_version)
    return services.articles.replace_analysis(
        article_id,
        extra_writes=[(cache.article_key(analyzer.pipeline_version, article_id), parts, cache.ttl)],
        derived_records=derived,
    )
