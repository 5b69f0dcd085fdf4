"""Rate limits per API key (or per client address), counted in Redis across all workers."""

from __future__ import annotations

import hashlib

from flask import Flask, request
from flask_limiter import Limit, Limiter

from .config import Settings

# Probes and scrapes must never be throttled.
_EXEMPT_PATHS = ("/health", "/metrics", "/docs", "/dashboard", "/static")


def client_key() -> str:
    """The caller: its bearer key (hashed, never stored in clear) or else its address."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return "key:" + hashlib.sha256(token.strip().encode()).hexdigest()[:24]
    return "addr:" + (request.remote_addr or "unknown")


def _exempt() -> bool:
    return request.path.startswith(_EXEMPT_PATHS)


def init_app(app: Flask, settings: Settings) -> Limiter | None:
    """Attach the limiter, unless RATE_LIMIT is empty (limits off)."""
    if not settings.rate_limit:
        return None
    limits = [Limit(settings.rate_limit, scope="all", shared=True, exempt_when=_exempt)]
    if settings.rate_limit_writes:
        limits.append(
            Limit(
                settings.rate_limit_writes,
                scope="writes",
                shared=True,
                methods=["POST", "PUT", "PATCH", "DELETE"],
                exempt_when=_exempt,
            )
        )
    return Limiter(
        client_key,
        app=app,
        default_limits=limits,
        storage_uri=settings.redis_url,
        storage_options={
            "socket_connect_timeout": settings.redis_timeout,
            "socket_timeout": settings.redis_timeout,
        },
        key_prefix=f"{settings.redis_prefix}ratelimit",
        # One atomic INCR per limit and request: the cheapest strategy that is still shared.
        strategy="fixed-window",
        # X-RateLimit-* headers would cost a second Redis call per request; a 429 still
        # carries Retry-After (see errors.py).
        headers_enabled=False,
        # A Redis outage must not turn every request into a 500: count in memory meanwhile.
        swallow_errors=True,
        in_memory_fallback_enabled=True,
    )
