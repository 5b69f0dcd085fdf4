"""Prometheus series: requests, latency, cache hits, analysis time (no Flask here).

The Flask side (timing requests, the exposition) is web/request_metrics.py.

Under gunicorn every worker is a process; gunicorn.conf.py points
PROMETHEUS_MULTIPROC_DIR at a private folder so /metrics adds up all of them.
"""

from __future__ import annotations

from prometheus_client import Counter, Histogram

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


_CACHE_RESULTS = {True: CACHE.labels("hit"), False: CACHE.labels("miss")}


def count_cache(hit: bool) -> None:
    _CACHE_RESULTS[hit].inc()
