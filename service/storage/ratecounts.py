"""Request counters of the rate limiter: one integer per client and time window."""

from __future__ import annotations

import redis

from service.storage.errors import StorageError, translate_redis_errors
from service.storage.keys import Keys


class RateCounts:
    """Adds hits to a window's shared count; the count expires with its window."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.redis = client
        self.keys = keys

    @translate_redis_errors
    def add(self, scope: str, client: str, window: int, hits: int, ttl: int) -> int:
        """Add `hits` to the count of (scope, client, window); the new total, in one round trip."""
        key = self.keys.rate_count(scope, client, window)
        try:
            with self.redis.pipeline(transaction=False) as pipe:
                pipe.incrby(key, hits)
                # NX: the first writer of a window sets its expiry, later ones leave it.
                pipe.expire(key, ttl, nx=True)
                total, _ = pipe.execute()
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError):
            raise  # StorageUnavailable, from the decorator
        except redis.exceptions.RedisError as exc:
            # A Redis that refuses writes (out of memory, a read-only replica) must
            # not fail the request either: the limiter counts in memory meanwhile.
            raise StorageError(f"rate counts not written: {exc}") from exc
        return int(total)
