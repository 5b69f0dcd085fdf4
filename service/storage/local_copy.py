"""A per-process copy of hot cached analysis parts, kept exact by Redis itself.

A cached read is one Redis round trip, and that round trip is most of what
serving the read costs (bench/serving.py). A rendered part only changes when
its article is re-analysed, deleted or expires, so each process keeps the
parts it served in memory and lets Redis say when one changes: a dedicated
RESP3 connection runs `CLIENT TRACKING ON BCAST PREFIX <analysis keys>`, so
every write, delete, expiry or eviction of such a key (and FLUSHDB/FLUSHALL)
arrives on it as an invalidation push. Before answering from memory the
process reads the pushes already waiting (a non-blocking poll, no round trip).

Redis queues a writer's reply and the pushes its write causes in the same
event-loop turn, so a client that has seen its DELETE succeed cannot then
read the deleted part from any worker. When the tracking connection breaks,
the copy is dropped and reads go to Redis until a new connection is tracking.
A PING every `ping_interval` seconds finds a connection that died silently.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import cast

import redis

log = logging.getLogger(__name__)

Values = list[bytes | None]


class LocalCopy:
    """Redis hash fields read before, held in memory (LRU, at most `max_bytes`) until
    Redis reports their key changed. Thread-safe; one per process (re-opened after fork)."""

    def __init__(
        self,
        open_connection: Callable[[], redis.connection.AbstractConnection],
        *,
        key_prefix: str,
        max_bytes: int,
        retry_after: float = 5.0,
        ping_interval: float = 1.0,
    ) -> None:
        self._open_connection = open_connection
        self.key_prefix = key_prefix
        self.max_bytes = max_bytes
        self.retry_after = retry_after
        self.ping_interval = ping_interval
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, dict[str, bytes | None]] = OrderedDict()
        self._sizes: dict[str, int] = {}
        self.size = 0
        # Bumped by every invalidation: a value read from Redis before a bump may
        # predate it, so it is not kept (see `put`).
        self.generation = 0
        self._connection: redis.connection.AbstractConnection | None = None
        self._pid = 0
        self._retry_at = 0.0
        self._ping_at = 0.0

    def sync(self) -> int | None:
        """Apply the invalidations Redis has sent; the generation to pass to `put`, or None
        while no tracking connection is open (then the copy is empty and must not be used)."""
        with self._lock:
            now = time.monotonic()
            try:
                if self._connection is None or self._pid != os.getpid():
                    if now < self._retry_at:
                        return None
                    self._track(now)
                # Open: it was, or `_track` just opened it (else it raised).
                connection = cast("redis.connection.AbstractConnection", self._connection)
                while connection.can_read(timeout=0):
                    connection.read_response(push_request=True)
                if now >= self._ping_at:
                    connection.send_command("PING")
                    connection.read_response()
                    self._ping_at = now + self.ping_interval
            except (redis.RedisError, OSError) as exc:
                self._drop(now, exc)
                return None
            return self.generation

    def get(self, key: str, fields: Sequence[str]) -> Values | None:
        """The fields of `key` if all of them are held (call `sync` first)."""
        with self._lock:
            held = self._entries.get(key)
            if held is None or any(field not in held for field in fields):
                return None
            self._entries.move_to_end(key)
            return [held[field] for field in fields]

    def put(self, key: str, fields: Sequence[str], values: Values, generation: int) -> None:
        """Hold values just read from Redis, unless an invalidation arrived since `generation`."""
        with self._lock:
            if generation != self.generation or self._connection is None:
                return
            held = {**self._entries.get(key, {}), **dict(zip(fields, values, strict=True))}
            size = sum(len(value) for value in held.values() if value)
            if size > self.max_bytes:
                return
            self._entries[key] = held
            self._entries.move_to_end(key)
            self._resize(key, size)
            while self.size > self.max_bytes:
                self._forget(next(iter(self._entries)))

    def _track(self, now: float) -> None:
        self._close()
        connection = self._open_connection()
        connection.connect()
        connection._parser.set_invalidation_push_handler(self._invalidate)
        connection.send_command("CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", self.key_prefix)
        connection.read_response()
        self._connection, self._pid = connection, os.getpid()
        self._ping_at = now + self.ping_interval
        self._clear()
        log.info("local copy of cached parts tracking %s*", self.key_prefix)

    def _invalidate(self, push: list) -> None:
        keys = push[1]
        self.generation += 1
        if keys is None:  # FLUSHDB / FLUSHALL
            self._clear()
            return
        for key in keys:
            self._forget(key.decode() if isinstance(key, bytes) else key)

    def _drop(self, now: float, exc: Exception) -> None:
        if self._connection is not None:
            log.warning("local copy of cached parts dropped until Redis tracks again: %s", exc)
        self._close()
        self._clear()
        self._retry_at = now + self.retry_after

    def _close(self) -> None:
        if self._connection is not None:
            # redis-py shuts a socket down only in the process that opened it, so a
            # connection inherited through fork is just closed here, not cut for its owner.
            self._connection.disconnect()
        self._connection = None

    def _clear(self) -> None:
        self.generation += 1
        self._entries.clear()
        self._sizes.clear()
        self.size = 0

    def _forget(self, key: str) -> None:
        if self._entries.pop(key, None) is not None:
            self._resize(key, 0)
            del self._sizes[key]

    def _resize(self, key: str, size: int) -> None:
        self.size += size - self._sizes.get(key, 0)
        self._sizes[key] = size
