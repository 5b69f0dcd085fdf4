"""Prometheus metrics: requests, latency, cache hits, analysis time, queue depth.

Under gunicorn every worker is a process; gunicorn.conf.py points
PROMETHEUS_MULTIPROC_DIR at a private folder so /metrics adds up all of them.
"""

from __future__ import annotations

import functools
import time

from flask import Flask, Response, g, request
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

REQUESTS = Counter(
    "newsfacts_http_requests_total",
    "HTTP requests answered, by method, route and status.",
    ["method", "endpoint", "status"],
)
LATENCY = Histogram(
    "newsfacts_http_request_duration_seconds",
    "Time to answer an HTTP request, by method, route and status.",
    ["method", "endpoint", "status"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
CACHE = Counter(
    "newsfacts_analysis_cache_total",
    "Reads of cached analyses, by result (hit or miss).",
    ["result"],
)
ANALYSIS = Histogram(
    "newsfacts_analysis_seconds",
    "Time to parse and analyse one article.",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)


def observe_analysis(seconds: float) -> None:
    ANALYSIS.observe(seconds)


_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_CACHE_RESULTS = {True: CACHE.labels("hit"), False: CACHE.labels("miss")}


def count_cache(hit: bool) -> None:
    _CACHE_RESULTS[hit].inc()


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
    """Time every request (the /metrics view is in api/metrics.py)."""

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
