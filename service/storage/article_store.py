"""Article records and their indexes in Redis.

Layout (under the key prefix):
- ``article:{id}:meta``  JSON of the article without its text (what lists show)
- ``article:{id}:text``  the stored text
- ``idx:date``           sorted set of ids scored by publication time
- ``idx:source:{src}``   the same, one per source (case-folded)
- ``idx:word:{word}``    the same, one per word of title and text (inverted index)

All index sets share one score, so any of them can drive a listing in date
order while the others are only probed for membership: a page costs
O(page x filters) reads, never a scan of the corpus.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, cast

import redis
from redis.typing import EncodableT, FieldT

from service.storage.errors import translate_redis_errors
from service.storage.keys import Keys
from service.storage.paging import Cursor, page_by_score

_WORD = re.compile(r"\w+")

# One command instead of one ZADD per index (an article has hundreds of words):
# queuing and reading back each ZADD was most of what storing an article cost.
# KEYS: the index sets. ARGV: score, article id (only the id to remove it).
_ADD_TO_INDEXES = """
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, ARGV[1], ARGV[2])
end
return #KEYS
"""
_REMOVE_FROM_INDEXES = """
for _, key in ipairs(KEYS) do
  redis.call('ZREM', key, ARGV[1])
end
return #KEYS
"""
# Longer "words" are noise (URLs, base64, a 2 MB line with no spaces) and would
# make absurd key names.
MAX_INDEXED_WORD = 40


def words_of(text: str) -> set[str]:
    """The case-folded words under which text is indexed (and queries are matched)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return {w for w in _WORD.findall(folded) if len(w) <= MAX_INDEXED_WORD}


def source_key(source: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", source).casefold().split())


def sort_score(article_id: str, when: datetime) -> float:
    """Publication time in epoch seconds, plus a fraction from the id so ties are rare.

    20 bits of id leave the sum exactly representable as a double for any
    date before 2106, so Redis returns exactly the score we wrote.
    """
    return int(when.timestamp()) + int(article_id[:5], 16) / 2**20


@dataclass(frozen=True)
class ArticleQuery:
    """Filters and page of a listing."""

    limit: int = 20
    cursor: Cursor | None = None
    q: str | None = None
    source: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    # Keys of further sorted sets of article ids (same scores) every item must be in,
    # e.g. the corpus index's set for one entity; None when the filter matched nothing.
    within: tuple[str | None, ...] = ()


class DerivedIndex(Protocol):
    """An index built from an article's analysis (e.g. the corpus entity index).

    It is written in the article's creating transaction and erased in its
    deleting one. Each article's contribution is kept as a `record` (bytes the
    index defines) so that erasing undoes exactly what writing did, whatever
    the pipeline version or cache state is by then.
    """

    def record_key(self, article_id: str) -> str: ...

    def write(self, pipe: redis.client.Pipeline, article_id: str, record: bytes) -> None: ...

    def erase(self, pipe: redis.client.Pipeline, article_id: str, record: bytes) -> None: ...

    def settle(self) -> None:
        """Finish, after the article's transaction, what needs other articles' records."""


class ArticleStore:
    """Create, read, list and delete articles with their indexes."""

    def __init__(
        self, client: redis.Redis, keys: Keys, derived: Sequence[DerivedIndex] = ()
    ) -> None:
        self.redis = client
        self.keys = keys
        self.derived = list(derived)

    # -- writes -----------------------------------------------------------

    @translate_redis_errors
    def add(
        self,
        meta: Mapping[str, object],
        text: str,
        *,
        sort_time: datetime,
        extra_writes: Iterable[tuple[str, Mapping[bytes | str, bytes], int]] = (),
        derived_records: Iterable[tuple[DerivedIndex, bytes]] = (),
    ) -> tuple[dict, bool]:
        """Store an article unless its id exists; return (stored meta, created).

        `extra_writes` are (hash key, fields, ttl) and `derived_records` the
        article's contributions to derived indexes, written in the same
        transaction, so the analysis cache is never missing for a new article.
        Concurrent adds of the same text (several workers loading seeds) are
        safe: WATCH makes exactly one of them create it.
        """
        article_id = str(meta["id"])
        meta_key = self.keys.article_meta(article_id)
        score = sort_score(article_id, sort_time)
        with self.redis.pipeline(transaction=True) as pipe:
            while True:
                try:
                    pipe.watch(meta_key)
                    existing = pipe.get(meta_key)
                    if existing is not None:
                        pipe.unwatch()
                        return json.loads(existing), False
                    pipe.multi()
                    pipe.set(meta_key, json.dumps(meta, ensure_ascii=False))
                    pipe.set(self.keys.article_text(article_id), text)
                    indexes = list(self._index_keys(meta, text))
                    pipe.eval(_ADD_TO_INDEXES, len(indexes), *indexes, score, article_id)
                    for key, fields, ttl in extra_writes:
                        pipe.delete(key)
                        pipe.hset(key, mapping=cast("dict[FieldT, EncodableT]", dict(fields)))
                        pipe.expire(key, ttl)
                    for index, record in derived_records:
                        index.write(pipe, article_id, record)
                    pipe.execute()
                    self._settle()
                    return dict(meta), True
                except redis.WatchError:
                    continue

    @translate_redis_errors
    def delete(self, article_id: str, *, pipeline_versions: Iterable[str] = ()) -> bool:
        """Remove the article, its index entries and cached analyses atomically."""
        meta_key = self.keys.article_meta(article_id)
        text_key = self.keys.article_text(article_id)
        with self.redis.pipeline(transaction=True) as pipe:
            while True:
                try:
                    record_keys = [index.record_key(article_id) for index in self.derived]
                    pipe.watch(meta_key, text_key, *record_keys)
                    raw_meta, raw_text = cast("list[bytes | None]", pipe.mget(meta_key, text_key))
                    if raw_meta is None:
                        pipe.unwatch()
                        return False
                    meta = json.loads(raw_meta)
                    text = (raw_text or b"").decode("utf-8")
                    records = cast(
                        "list[bytes | None]", pipe.mget(record_keys) if record_keys else []
                    )
                    stored_versions = cast("set[bytes]", pipe.smembers(self.keys.pipeline_versions))
                    versions = {v.decode() for v in stored_versions}
                    pipe.multi()
                    for index, record in zip(self.derived, records, strict=True):
                        if record is not None:
                            index.erase(pipe, article_id, record)
                    pipe.delete(meta_key, text_key)
                    indexes = list(self._index_keys(meta, text))
                    pipe.eval(_REMOVE_FROM_INDEXES, len(indexes), *indexes, article_id)
                    for version in versions | set(pipeline_versions):
                        pipe.delete(self.keys.analysis(version, article_id))
                    pipe.execute()
                    self._settle()
                    return True
                except redis.WatchError:
                    continue

    @translate_redis_errors
    def replace_analysis(
        self,
        article_id: str,
        *,
        extra_writes: Iterable[tuple[str, Mapping[bytes | str, bytes], int]] = (),
        derived_records: Iterable[tuple[DerivedIndex, bytes]] = (),
    ) -> bool:
        """Swap an article's cached analysis and derived-index contributions atomically."""
        meta_key = self.keys.article_meta(article_id)
        derived_records = list(derived_records)
        record_keys = [index.record_key(article_id) for index, _ in derived_records]
        with self.redis.pipeline(transaction=True) as pipe:
            while True:
                try:
                    pipe.watch(meta_key, *record_keys)
                    if not pipe.exists(meta_key):
                        pipe.unwatch()
                        return False
                    old_records = cast(
                        "list[bytes | None]", pipe.mget(record_keys) if record_keys else []
                    )
                    pipe.multi()
                    for (index, record), old in zip(derived_records, old_records, strict=True):
                        if old is not None:
                            index.erase(pipe, article_id, old)
                        index.write(pipe, article_id, record)
                    for key, fields, ttl in extra_writes:
                        pipe.delete(key)
                        pipe.hset(key, mapping=cast("dict[FieldT, EncodableT]", dict(fields)))
                        pipe.expire(key, ttl)
                    pipe.execute()
                    self._settle()
                    return True
                except redis.WatchError:
                    continue

    def _settle(self) -> None:
        for index in self.derived:
            index.settle()

    @translate_redis_errors
    def all_ids(self) -> list[str]:
        """Every article id, oldest first (for whole-corpus maintenance only)."""
        return [
            m.decode() for m in cast("list[bytes]", self.redis.zrange(self.keys.by_date, 0, -1))
        ]

    def _index_keys(self, meta: Mapping[str, object], text: str) -> Iterator[str]:
        yield self.keys.by_date
        if meta.get("source"):
            yield self.keys.by_source(source_key(str(meta["source"])))
        for word in words_of(f"{meta.get('title') or ''}\n{text}"):
            yield self.keys.by_word(word)

    # -- reads ------------------------------------------------------------

    @translate_redis_errors
    def get(self, article_id: str) -> tuple[dict, str] | None:
        """(meta, text) of an article, or None."""
        raw_meta, raw_text = cast(
            "list[bytes | None]",
            self.redis.mget(self.keys.article_meta(article_id), self.keys.article_text(article_id)),
        )
        if raw_meta is None:
            return None
        return json.loads(raw_meta), (raw_text or b"").decode("utf-8")

    @translate_redis_errors
    def get_meta(self, article_id: str) -> dict | None:
        raw = self.redis.get(self.keys.article_meta(article_id))
        return None if raw is None else json.loads(raw)

    @translate_redis_errors
    def get_text(self, article_id: str) -> str | None:
        raw = cast("bytes | None", self.redis.get(self.keys.article_text(article_id)))
        return None if raw is None else raw.decode("utf-8")

    @translate_redis_errors
    def exists(self, article_id: str) -> bool:
        return bool(self.redis.exists(self.keys.article_meta(article_id)))

    @translate_redis_errors
    def count(self) -> int:
        return int(self.redis.zcard(self.keys.by_date))

    @translate_redis_errors
    def list(self, query: ArticleQuery) -> tuple[list[dict], Cursor | None]:
        """One page of article metas, newest first, and the cursor of the next page."""
        filters = [self.keys.by_date]
        if query.source:
            filters.append(self.keys.by_source(source_key(query.source)))
        if any(key is None for key in query.within):
            return [], None
        filters.extend(key for key in query.within if key is not None)
        if query.q is not None:
            words = words_of(query.q)
            if not words:
                return [], None
            filters.extend(self.keys.by_word(w) for w in sorted(words))
        ids, next_cursor = page_by_score(
            self.redis,
            filters,
            limit=query.limit,
            cursor=query.cursor,
            since=query.since,
            until=query.until,
            superset=self.keys.by_date,
        )
        if not ids:
            return [], None
        metas = self.redis.mget([self.keys.article_meta(i) for i in ids])
        items = [json.loads(m) for m in metas if m is not None]
        return items, next_cursor
