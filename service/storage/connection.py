"""Creating the Redis client: short timeouts so an outage fails fast instead of hanging."""

from __future__ import annotations

import redis


def connect(url: str, *, timeout: float = 2.0) -> redis.Redis:
    """A client for `url` that fails within `timeout` seconds and reconnects by itself."""
    return redis.Redis.from_url(
        url,
        socket_connect_timeout=timeout,
        socket_timeout=timeout,
        health_check_interval=30,
        retry_on_timeout=False,
    )
