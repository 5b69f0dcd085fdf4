"""Work left for after an article's transaction, done under a lock, never lost.

A write or a delete adds marks to an `unsettled` set in its own transaction;
`settle` then takes the marks in rounds under a Redis lock, hands each round to
the index's function, and removes the marks that function handled. When Redis
fails midway, the marks stay for the next call: the work is delayed, not lost.
Used by the event index (regrouping) and the corpus index (name resolution).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import cast

import redis

from service.storage.errors import StorageUnavailable, translate_redis_errors

log = logging.getLogger(__name__)

ROUNDS = 50
LOCK_TIMEOUT = 30
LOCK_WAIT = 15


def settle(
    client: redis.Redis,
    *,
    lock_key: str,
    unsettled_key: str,
    handle: Callable[[Sequence[str]], None],
    per_round: int,
    what: str,
) -> None:
    """Handle the marks in `unsettled_key` round by round; a failure is logged, not raised."""
    try:
        _settle(client, lock_key, unsettled_key, handle, per_round, what)
    except (StorageUnavailable, redis.exceptions.RedisError) as exc:
        log.warning("%s not done yet (%s); the next write retries", what, exc)


@translate_redis_errors
def _settle(client, lock_key, unsettled_key, handle, per_round, what) -> None:
    lock = client.lock(lock_key, timeout=LOCK_TIMEOUT, blocking_timeout=LOCK_WAIT)
    if not lock.acquire():
        return  # another process is settling and will take our marks too
    try:
        for _ in range(ROUNDS):
            marks = [
                m.decode()
                for m in cast("list[bytes]", client.srandmember(unsettled_key, per_round))
            ]
            if not marks:
                return
            handle(marks)
            client.srem(unsettled_key, *marks)
    finally:
        try:
            lock.release()
        except redis.exceptions.LockError:
            log.warning("the lock expired while doing: %s", what)
