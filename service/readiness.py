"""The readiness report behind /health."""

from __future__ import annotations

import redis

from service.version import __version__


def service_version() -> str:
    return __version__


def redis_status(client: redis.Redis) -> str:
    try:
        client.ping()
    except redis.exceptions.RedisError as exc:
        return f"unavailable: {type(exc).__name__}"
    return "ok"


def check_health(state) -> dict:
    """{'status', 'checks', 'version', 'pipeline_version'} for the bound services."""
    nlp = state.analyzer.nlp
    checks = {
        "redis": redis_status(state.redis),
        "model": f"ok: {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}",
    }
    healthy = checks["redis"] == "ok"
    return {
        "status": "ok" if healthy else "degraded",
        "checks": checks,
        "version": service_version(),
        "pipeline_version": state.analyzer.pipeline_version,
    }
