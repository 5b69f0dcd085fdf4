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

import base64
import binascii
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime

import redis

from .errors import translate_redis_errors
from .keys import Keys

_WORD = re.compile(r"\w+")
# Longer "words" are noise (URLs, base64, a 2 MB line with no spaces) and would
# make absurd key names.
MAX_INDEXED_WORD = 40
_SCAN_CHUNK = 200


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
class Cursor:
    """Where a listing page ended: the last item's score and id."""

    score: float
    article_id: str

    def encode(self) -> str:
        raw = json.dumps([repr(self.score), self.article_id]).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        """Parse a cursor; ValueError when it is not one of ours."""
        try:
            padded = token + "=" * (-len(token) % 4)
            score, article_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
            return cls(float(score), str(article_id))
        except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
            raise ValueError("not a valid cursor") from exc


@dataclass(frozen=True)
class ArticleQuery:
    """Filters and page of a listing."""

    limit: int = 20
    cursor: Cursor | None = None
    q: str | None = None
    source: str | None = None
    since: datetime | None = None
    until: datetime | None = None


class ArticleStore:
    """Create, read, list and delete articles with their indexes."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.redis = client
        self.keys = keys

    # -- writes -----------------------------------------------------------

    @translate_redis_errors
    def add(
        self,
        meta: Mapping[str, object],
        text: str,
        *,
        sort_time: datetime,
        extra_writes: Iterable[tuple[str, Mapping[bytes | str, bytes], int]] = (),
    ) -> tuple[dict, bool]:
        """Store an article unless its id exists; return (stored meta, created).

        `extra_writes` are (hash key, fields, ttl) written in the same
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
                    for index in self._index_keys(meta, text):
                        pipe.zadd(index, {article_id: score})
                    for key, fields, ttl in extra_writes:
                        pipe.delete(key)
                        pipe.hset(key, mapping=dict(fields))
                        pipe.expire(key, ttl)
                    pipe.execute()
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
                    pipe.watch(meta_key, text_key)
                    raw_meta, raw_text = pipe.mget(meta_key, text_key)
                    if raw_meta is None:
                        pipe.unwatch()
                        return False
                    meta = json.loads(raw_meta)
                    text = (raw_text or b"").decode("utf-8")
                    known_versions = {v.decode() for v in pipe.smembers(self.keys.pipeline_versions)}
                    pipe.multi()
                    pipe.delete(meta_key, text_key)
                    for index in self._index_keys(meta, text):
                        pipe.zrem(index, article_id)
                    for version in known_versions | set(pipeline_versions):
                        pipe.delete(self.keys.analysis(version, article_id))
                    pipe.execute()
                    return True
                except redis.WatchError:
                    continue

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
        raw_meta, raw_text = self.redis.mget(
            self.keys.article_meta(article_id), self.keys.article_text(article_id)
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
        raw = self.redis.get(self.keys.article_text(article_id))
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
        if query.q is not None:
            words = words_of(query.q)
            if not words:
                return [], None
            filters.extend(self.keys.by_word(w) for w in sorted(words))
        ids, next_cursor = self._page_ids(filters, query)
        if not ids:
            return [], None
        metas = self.redis.mget([self.keys.article_meta(i) for i in ids])
        items = [json.loads(m) for m in metas if m is not None]
        return items, next_cursor

    def _page_ids(self, filters: list[str], query: ArticleQuery) -> tuple[list[str], Cursor | None]:
        """Walk the smallest filter set in score order, probing the others."""
        with self.redis.pipeline(transaction=False) as pipe:
            for key in filters:
                pipe.zcard(key)
            sizes = pipe.execute()
        if min(sizes) == 0:
            return [], None
        driving = filters[sizes.index(min(sizes))]
        probes = [k for k in filters if k != driving and k != self.keys.by_date]

        high = "+inf"
        if query.until is not None:
            high = f"({int(query.until.timestamp()) + 1}"
        low = "-inf" if query.since is None else str(int(query.since.timestamp()))
        cursor = query.cursor
        if cursor is not None:
            high = repr(cursor.score) if high == "+inf" else repr(
                min(cursor.score, float(high.lstrip("(")))
            )

        page: list[tuple[str, float]] = []
        offset = 0
        while len(page) <= query.limit:
            chunk = self.redis.zrevrangebyscore(
                driving, high, low, start=offset, num=_SCAN_CHUNK, withscores=True
            )
            if not chunk:
                break
            offset += len(chunk)
            candidates = [(m.decode(), s) for m, s in chunk]
            if cursor is not None:
                candidates = [
                    (m, s) for m, s in candidates
                    if s < cursor.score or (s == cursor.score and m < cursor.article_id)
                ]
            candidates = self._keep_members_of_all(candidates, probes)
            page.extend(candidates)
            if len(chunk) < _SCAN_CHUNK:
                break
        has_more = len(page) > query.limit
        page = page[: query.limit]
        next_cursor = Cursor(page[-1][1], page[-1][0]) if has_more and page else None
        return [m for m, _ in page], next_cursor

    def _keep_members_of_all(
        self, candidates: list[tuple[str, float]], probes: list[str]
    ) -> list[tuple[str, float]]:
        if not probes or not candidates:
            return candidates
        members = [m for m, _ in candidates]
        with self.redis.pipeline(transaction=False) as pipe:
            for key in probes:
                pipe.zmscore(key, members)
            found = pipe.execute()
        return [
            cand for i, cand in enumerate(candidates)
            if all(scores[i] is not None for scores in found)
        ]
