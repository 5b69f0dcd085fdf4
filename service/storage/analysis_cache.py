"""Analysis results, cached as final JSON bytes keyed by pipeline_version.

Each analysed text has one Redis hash whose fields are the rendered response
bodies ("summary:3", "entities", "analysis", ...). A cached read is a single
HGET whose bytes go to the client unparsed. A new pipeline_version makes old
entries unreachable; every entry carries a TTL, so they also go away.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import cast

import redis
from redis.typing import EncodableT, FieldT

from service.storage.errors import translate_redis_errors
from service.storage.keys import Keys
from service.storage.local_copy import LocalCopy, Values


class AnalysisCache:
    """Rendered analysis parts of stored articles and of ad-hoc texts."""

    def __init__(
        self, client: redis.Redis, keys: Keys, *, ttl: int, local: LocalCopy | None = None
    ) -> None:
        self.redis = client
        self.keys = keys
        self.ttl = ttl
        # Parts of stored articles read before, kept exact by Redis's invalidations.
        self.local = local

    def article_key(self, pipeline_version: str, article_id: str) -> str:
        return self.keys.analysis(pipeline_version, article_id)

    def adhoc_key(
        self, pipeline_version: str, text_id: str, published_at: datetime | None = None
    ) -> str:
        """The ad-hoc entry of a text as analysed with this publication time: the time
        decides which figures are historical, so it is part of what is cached."""
        dated = published_at.strftime("%Y%m%dT%H%M%S") if published_at else "undated"
        return self.keys.adhoc_analysis(pipeline_version, f"{text_id}@{dated}")

    @translate_redis_errors
    def get_part(self, key: str, part: str) -> bytes | None:
        """One rendered part, or None on a miss."""
        return cast("bytes | None", self.redis.hget(key, part))

    @translate_redis_errors
    def get_fields(self, key: str, *fields: str) -> list[bytes | None]:
        """Several fields of one entry (None where absent): from the local copy when it
        holds them, else in one round trip."""
        local = self.local
        generation = None if local is None else local.sync()
        if local is not None and generation is not None:
            held = local.get(key, fields)
            if held is not None:
                return held
        values = cast("Values", self.redis.hmget(key, fields))
        if (
            local is not None
            and generation is not None
            and values[0] is not None
            and key.startswith(local.key_prefix)
        ):
            local.put(key, fields, values, generation)
        return values

    @translate_redis_errors
    def get_parts(self, key: str) -> dict[str, bytes]:
        stored = cast("dict[bytes, bytes]", self.redis.hgetall(key))
        return {k.decode(): v for k, v in stored.items()}

    @translate_redis_errors
    def put_parts(self, key: str, pipeline_version: str, parts: Mapping[str, bytes]) -> None:
        """Store all parts of one analysis with the cache TTL."""
        with self.redis.pipeline(transaction=True) as pipe:
            pipe.delete(key)
            pipe.hset(key, mapping=cast("dict[FieldT, EncodableT]", dict(parts)))
            pipe.expire(key, self.ttl)
            pipe.sadd(self.keys.pipeline_versions, pipeline_version)
            pipe.execute()

    @translate_redis_errors
    def put_parts_if_exists(
        self, key: str, pipeline_version: str, parts: Mapping[str, bytes], exists_key: str
    ) -> bool:
        """Store parts only while `exists_key` exists, so a concurrent delete wins."""
        with self.redis.pipeline(transaction=True) as pipe:
            try:
                pipe.watch(exists_key)
                if not pipe.exists(exists_key):
                    pipe.unwatch()
                    return False
                pipe.multi()
                pipe.delete(key)
                pipe.hset(key, mapping=cast("dict[FieldT, EncodableT]", dict(parts)))
                pipe.expire(key, self.ttl)
                pipe.sadd(self.keys.pipeline_versions, pipeline_version)
                pipe.execute()
            except redis.WatchError:
                return False
        return True

    @translate_redis_errors
    def remember_version(self, pipeline_version: str) -> None:
        self.redis.sadd(self.keys.pipeline_versions, pipeline_version)
