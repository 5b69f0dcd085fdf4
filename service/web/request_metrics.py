"""The Flask side of the metrics: every request timed, and the /metrics exposition."""

from __future__ import annotations

import functools
import time

from flask import Flask, Response, g, request
from prometheus_client import CollectorRegistry, Gauge, generate_latest, multiprocess

from service.metrics import LATENCY, REQUESTS

_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


@functools.cache
def _request_series(method: str, endpoint: str, status: int) -> tuple:
    """The (latency, count) children of one label set: labels() costs a lock and a hash."""
    labels = (method, endpoint, str(status))
    return LATENCY.labels(*labels), REQUESTS.labels(*labels)


def _registry(app: Flask) -> CollectorRegistry:
    if app.config["NEWSFACTS"].metrics_dir:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    from prometheus_client import REGISTRY  # noqa: PLC0415 - the single-process default

    return REGISTRY


def _queue_depth_text(app: Flask) -> bytes:
    """Jobs waiting in the rq queue, read from Redis at scrape time (absent if Redis is down)."""
    registry = CollectorRegistry()
    depth = Gauge("newsfacts_queue_depth", "Jobs waiting for a worker.", registry=registry)
    try:
        depth.set(app.extensions["newsfacts"].queue.count)
    except Exception:  # noqa: BLE001 - a scrape must work while Redis is away
        return b""
    return generate_latest(registry)


def exposition(app: Flask) -> bytes:
    """The Prometheus text exposition of every process's metrics, plus the queue depth."""
    return generate_latest(_registry(app)) + _queue_depth_text(app)


def init_app(app: Flask) -> None:
    """Time every request (the /metrics view is api/prometheus.py)."""

    @app.before_request
    def _start_timer() -> None:
        g.metrics_start = time.perf_counter()

    @app.after_request
    def _record(response: Response) -> Response:
        start = g.pop("metrics_start", None)
        if start is not None:
            rule = request.url_rule
            # Routes, not raw paths, so unmatched URLs cannot grow the label sets.
            method = request.method if request.method in _METHODS else "other"
            latency, count = _request_series(
                method, rule.rule if rule else "unmatched", response.status_code
            )
            latency.observe(time.perf_counter() - start)
            count.inc()
        return response
