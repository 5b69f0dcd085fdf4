"""Creating the Redis client: short timeouts, and a circuit breaker so an outage fails fast.

A Redis that refuses connections fails each command at once. One that stops
answering (paused, overloaded, a network partition) would hold every request
for the whole socket timeout, and with sync workers the service would stall.
So the first timeout opens a breaker: for `cooldown` seconds every command
fails at once with a ConnectionError (a 503 for the client), and then one is
let through to try Redis again.
"""

from __future__ import annotations

import time

import redis


class CircuitBreaker:
    """Open for `cooldown` seconds after a timeout; shared by a client's connections."""

    def __init__(self, cooldown: float) -> None:
        self.cooldown = cooldown
        # A plain float: rq copies connection settings into its scheduler process,
        # and assigning it is atomic, so no lock is needed (or could be pickled).
        self._open_until = 0.0

    def check(self) -> None:
        """Raise at once while open."""
        if time.monotonic() < self._open_until:
            raise redis.exceptions.ConnectionError(
                "Redis did not answer in time; not retried for a few seconds"
            )

    def trip(self) -> None:
        self._open_until = time.monotonic() + self.cooldown


class GuardedConnection(redis.connection.Connection):
    """redis-py's TCP connection, checking and tripping a CircuitBreaker."""

    def __init__(self, *args, breaker: CircuitBreaker, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.breaker = breaker

    def connect(self) -> None:
        self.breaker.check()
        try:
            super().connect()
        except redis.exceptions.TimeoutError:
            self.breaker.trip()
            raise

    def send_packed_command(self, command, check_health: bool = True) -> None:
        self.breaker.check()
        super().send_packed_command(command, check_health)

    def read_response(self, *args, **kwargs):
        try:
            return super().read_response(*args, **kwargs)
        except redis.exceptions.TimeoutError:
            self.breaker.trip()
            raise


def push_connection(client: redis.Redis) -> redis.connection.AbstractConnection:
    """A new, unpooled RESP3 connection to `client`'s server (for invalidation pushes)."""
    pool = client.connection_pool
    return pool.connection_class(**{**pool.connection_kwargs, "protocol": 3})


def connect(url: str, *, timeout: float = 2.0, cooldown: float = 5.0) -> redis.Redis:
    """A client for `url` that fails within `timeout` seconds, then fails fast for `cooldown`
    seconds after a timeout, and reconnects by itself."""
    options = {
        "socket_connect_timeout": timeout,
        "socket_timeout": timeout,
        "health_check_interval": 30,
        "retry_on_timeout": False,
    }
    if url.startswith("redis://"):
        # TLS and unix-socket URLs keep redis-py's own connection classes.
        pool = redis.ConnectionPool.from_url(
            url,
            connection_class=GuardedConnection,
            breaker=CircuitBreaker(cooldown),
            **options,
        )
        return redis.Redis(connection_pool=pool)
    return redis.Redis.from_url(url, **options)
