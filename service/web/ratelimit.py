"""Rate limits per API key (or per client address), counted in Redis across all workers.

A shared counter costs a Redis round trip, and a cached read is itself one round
trip: counting every request in Redis would double the cost of the commonest
request. So each worker counts hits in memory and adds them to the shared count
in batches: at most every `sync_interval` seconds while a client has used less
than half of its limit, and on every request once it has used half. Far from the
limit the shared count lags by at most `sync_interval` of one worker's traffic;
near it every request is counted in Redis before it is answered.

While Redis is away the limits hold per worker, from the counts in memory.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from flask import Flask, current_app, request
from flask_smorest import abort

from service.config import Settings
from service.storage import StorageError
from service.storage.ratecounts import RateCounts
from service.web.auth import key_is_valid

log = logging.getLogger(__name__)

# Probes and scrapes must never be throttled.
EXEMPT_PATHS = ("/health", "/metrics", "/docs", "/dashboard", "/static")
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SYNC_INTERVAL = 0.1
# Clients tracked per worker and window; beyond this (a flood of made-up keys) the
# oldest are forgotten, their unsent hits with them.
MAX_TALLIES = 50_000

_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_RATE = re.compile(r"(\d+)\s*(?:per|/)\s*(\d*)\s*(second|minute|hour|day)s?", re.IGNORECASE)


@dataclass(frozen=True)
class Rate:
    """At most `limit` requests per `period` seconds."""

    limit: int
    period: int
    text: str


def parse_rate(text: str) -> Rate:
    """'1200 per minute', '10/second', '5000 per 2 hours' -> Rate; ValueError otherwise."""
    match = _RATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a rate limit: {text!r} (expected e.g. '1200 per minute')")
    limit, count, unit = match.groups()
    period = int(count or 1) * _PERIODS[unit.lower()]
    if int(limit) < 1 or period < 1:
        raise ValueError(f"not a rate limit: {text!r} (limit and period must be positive)")
    return Rate(int(limit), period, text.strip())


@dataclass(frozen=True)
class Rule:
    """A rate applied to the requests of one scope ('all', or 'writes' for WRITE_METHODS)."""

    scope: str
    rate: Rate
    methods: frozenset[str] | None = None

    def applies_to(self, method: str) -> bool:
        return self.methods is None or method in self.methods


@dataclass(frozen=True)
class Rejection:
    rule: Rule
    retry_after: int


class _Tally:
    """One client's hits in one window of one rule, as this worker knows them."""

    __slots__ = ("window", "shared", "pending", "synced_at")

    def __init__(self, window: int) -> None:
        self.window = window
        self.shared = 0  # the Redis count at the last sync (this worker's hits included)
        self.pending = 0  # this worker's hits not yet added to Redis
        self.synced_at = -math.inf


class Limiter:
    """Fixed-window limits, counted per worker and added up in Redis in batches."""

    def __init__(
        self,
        rules: Iterable[Rule],
        counts: RateCounts,
        *,
        sync_interval: float = SYNC_INTERVAL,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.rules = tuple(rules)
        self.counts = counts
        self.sync_interval = sync_interval
        self.clock = clock
        self._tallies: dict[tuple[str, str], _Tally] = {}
        self._windows: dict[str, int] = {}
        self._counting_locally = False  # Redis could not count at the last sync
        self._lock = threading.Lock()

    def hit(self, client: str, method: str) -> Rejection | None:
        """Count one request of `client`; a Rejection if it is over a limit."""
        now = self.clock()
        with self._lock:
            for rule in self.rules:
                if rule.applies_to(method):
                    rejection = self._hit(rule, client, now)
                    if rejection is not None:
                        return rejection
        return None

    def over(self, client: str, method: str) -> Rejection | None:
        """A Rejection if `client` has already used up a limit (nothing is counted)."""
        now = self.clock()
        with self._lock:
            for rule in self.rules:
                if not rule.applies_to(method):
                    continue
                window = int(now // rule.rate.period)
                tally = self._tallies.get((rule.scope, client))
                used = tally.shared + tally.pending if tally and tally.window == window else 0
                if used >= rule.rate.limit:
                    retry = math.ceil((window + 1) * rule.rate.period - now)
                    return Rejection(rule, max(1, retry))
        return None

    def _hit(self, rule: Rule, client: str, now: float) -> Rejection | None:
        period = rule.rate.period
        window = int(now // period)
        tally = self._tally(rule.scope, client, window)
        tally.pending += 1
        used = tally.shared + tally.pending
        if 2 * used >= rule.rate.limit or now - tally.synced_at >= self.sync_interval:
            self._sync(rule, client, tally, now)
            used = tally.shared + tally.pending
        if used <= rule.rate.limit:
            return None
        return Rejection(rule, max(1, math.ceil((window + 1) * period - now)))

    def _tally(self, scope: str, client: str, window: int) -> _Tally:
        if self._windows.get(scope) != window:
            # A new window: the tallies of finished ones are dropped, so memory
            # holds one window's clients at most.
            self._windows[scope] = window
            for key in [k for k, t in self._tallies.items() if k[0] == scope and t.window < window]:
                del self._tallies[key]
        tally = self._tallies.get((scope, client))
        if tally is None or tally.window != window:
            if len(self._tallies) >= MAX_TALLIES:
                # dicts keep insertion order: the first key is the oldest client.
                del self._tallies[next(iter(self._tallies))]
            tally = self._tallies[(scope, client)] = _Tally(window)
        return tally

    def _sync(self, rule: Rule, client: str, tally: _Tally, now: float) -> None:
        # A silent Redis costs one timeout, not one per request: the client's circuit
        # breaker (storage/connection.py) fails the calls after it at once.
        try:
            total = self.counts.add(
                rule.scope, client, tally.window, tally.pending, ttl=rule.rate.period + 1
            )
        except StorageError as exc:
            if not self._counting_locally:
                log.warning("rate limits counted in memory while Redis cannot count: %s", exc)
                self._counting_locally = True
            return
        self._counting_locally = False
        tally.shared, tally.pending, tally.synced_at = total, 0, now


def rules_from(settings: Settings) -> list[Rule]:
    """The rules RATE_LIMIT and RATE_LIMIT_WRITES ask for (empty settings turn them off)."""
    if not settings.rate_limit:
        return []
    rules = [Rule("all", parse_rate(settings.rate_limit))]
    if settings.rate_limit_writes:
        rules.append(Rule("writes", parse_rate(settings.rate_limit_writes), WRITE_METHODS))
    return rules


def auth_failure_limiter(settings: Settings, counts: RateCounts) -> Limiter | None:
    """Counts failed authentications per address (AUTH_FAILURE_LIMIT; empty: not counted)."""
    if not settings.api_keys or not settings.auth_failure_limit:
        return None
    return Limiter([Rule("auth-failures", parse_rate(settings.auth_failure_limit))], counts)


def client_key() -> str:
    """The caller: its API key when it presents a valid one (hashed, never stored in
    clear), else its address: a made-up token is no identity and escapes nothing."""
    scheme, _, token = request.environ.get("HTTP_AUTHORIZATION", "").partition(" ")
    keys = current_app.config["NEWSFACTS"].api_keys
    if scheme.lower() == "bearer" and token.strip() and key_is_valid(token.strip(), keys):
        return "key:" + hashlib.sha256(token.strip().encode()).hexdigest()[:24]
    return address_key()


def address_key() -> str:
    return "addr:" + (request.remote_addr or "unknown")


def init_app(app: Flask, settings: Settings, counts: RateCounts) -> Limiter | None:
    """Check every request against the limits, unless RATE_LIMIT is empty (limits off)."""
    rules = rules_from(settings)
    if not rules:
        return None
    limiter = Limiter(rules, counts)

    @app.before_request
    def _limit() -> None:
        if request.path.startswith(EXEMPT_PATHS):
            return
        rejection = limiter.hit(client_key(), request.method)
        if rejection is not None:
            abort(
                429,
                message=f"Rate limit exceeded: {rejection.rule.rate.text}"
                + (" for writes." if rejection.rule.scope == "writes" else "."),
                headers={"Retry-After": str(rejection.retry_after)},
            )

    app.extensions["ratelimit"] = limiter
    return limiter
