"""The rate limiter's counting: batches to Redis far from the limit, exact near it."""

from __future__ import annotations

import subprocess
import time

import pytest
import redis

from service.dev.embedded_redis import find_redis_server, free_port
from service.storage.keys import Keys
from service.storage.ratecounts import RateCounts
from service.web.ratelimit import Limiter, Rule, parse_rate


@pytest.mark.parametrize(
    ("text", "limit", "period"),
    [
        ("1200 per minute", 1200, 60),
        ("10/second", 10, 1),
        ("5 per 2 hours", 5, 7200),
        (" 300 PER MINUTE ", 300, 60),
        ("1 per day", 1, 86400),
    ],
)
def test_rates_are_parsed(text, limit, period):
    rate = parse_rate(text)
    assert (rate.limit, rate.period) == (limit, period)


@pytest.mark.parametrize(
    "text", ["", "many per minute", "10 per fortnight", "0 per minute", "10 per 0 seconds", "10"]
)
def test_bad_rates_are_refused(text):
    with pytest.raises(ValueError, match="not a rate limit"):
        parse_rate(text)


class Clock:
    def __init__(self, now: float = 999_980.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def counts(redis_client, key_prefix):
    return RateCounts(redis_client, Keys(key_prefix))


def shared_count(redis_client, key_prefix, client, clock, period=60, scope="all"):
    value = redis_client.get(Keys(key_prefix).rate_count(scope, client, int(clock.now // period)))
    return int(value or 0)


def limiter(counts, clock, rate="100 per minute", **kwargs):
    return Limiter([Rule("all", parse_rate(rate))], counts, clock=clock, **kwargs)


def test_far_from_the_limit_hits_reach_redis_in_batches(counts, redis_client, key_prefix):
    clock = Clock()
    limits = limiter(counts, clock, sync_interval=10.0)
    assert all(limits.hit("a", "GET") is None for _ in range(10))
    # The first hit opened the window in Redis; the next nine wait for the interval.
    assert shared_count(redis_client, key_prefix, "a", clock) == 1
    clock.now += 10.0
    assert limits.hit("a", "GET") is None
    assert shared_count(redis_client, key_prefix, "a", clock) == 11


def test_from_half_the_limit_every_hit_is_counted_in_redis(counts, redis_client, key_prefix):
    clock = Clock()
    limits = limiter(counts, clock, rate="10 per minute", sync_interval=10.0)
    for expected in [1, 1, 1, 1, 5, 6, 7, 8, 9, 10]:
        assert limits.hit("a", "GET") is None
        assert shared_count(redis_client, key_prefix, "a", clock) == expected
    rejection = limits.hit("a", "GET")
    assert rejection is not None
    # The window (aligned on whole minutes) ends 40 s after 999_980.
    assert rejection.retry_after == 40


def test_workers_share_one_budget(counts):
    clock = Clock()
    first = limiter(counts, clock, rate="6 per minute", sync_interval=10.0)
    second = limiter(counts, clock, rate="6 per minute", sync_interval=10.0)
    assert [first.hit("a", "GET") for _ in range(3)] == [None] * 3
    assert [second.hit("a", "GET") for _ in range(3)] == [None] * 3
    assert first.hit("a", "GET") is not None
    assert second.hit("a", "GET") is not None


def test_each_client_and_each_window_has_its_own_count(counts):
    clock = Clock()
    limits = limiter(counts, clock, rate="2 per minute")
    assert [limits.hit("a", "GET") is None for _ in range(3)] == [True, True, False]
    assert limits.hit("b", "GET") is None
    clock.now += 60
    assert limits.hit("a", "GET") is None


def test_finished_windows_are_forgotten(counts):
    clock = Clock()
    limits = limiter(counts, clock)
    for client in ("a", "b", "c"):
        limits.hit(client, "GET")
    clock.now += 60
    limits.hit("d", "GET")
    assert list(limits._tallies) == [("all", "d")]


def test_write_rules_count_only_writes(counts):
    clock = Clock()
    writes = Rule("writes", parse_rate("1 per minute"), frozenset({"POST"}))
    limits = Limiter([Rule("all", parse_rate("100 per minute")), writes], counts, clock=clock)
    assert limits.hit("a", "POST") is None
    assert all(limits.hit("a", "GET") is None for _ in range(5))
    rejection = limits.hit("a", "POST")
    assert rejection is not None and rejection.rule is writes


def test_without_redis_the_limits_hold_in_memory(key_prefix):
    dead = redis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2)
    limits = limiter(RateCounts(dead, Keys(key_prefix)), Clock(), rate="3 per minute")
    assert [limits.hit("a", "GET") is None for _ in range(4)] == [True, True, True, False]


@pytest.fixture
def read_only_redis(tmp_path):
    """A real Redis that refuses writes: a replica of a master that does not exist."""
    port = free_port()
    server = subprocess.Popen(
        [
            find_redis_server(),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
            "--replicaof",
            "127.0.0.1",
            "1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port, socket_connect_timeout=1)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.exceptions.ConnectionError:
            time.sleep(0.05)
    yield client
    server.terminate()
    server.wait(timeout=10)


def test_a_redis_that_refuses_writes_leaves_the_limits_in_memory(read_only_redis, key_prefix):
    with pytest.raises(redis.exceptions.ReadOnlyError):
        read_only_redis.incr(f"{key_prefix}probe")
    limits = limiter(RateCounts(read_only_redis, Keys(key_prefix)), Clock(), rate="2 per minute")
    assert [limits.hit("a", "GET") is None for _ in range(3)] == [True, True, False]


def test_a_flood_of_new_clients_keeps_memory_bounded(counts, monkeypatch):
    monkeypatch.setattr("service.web.ratelimit.MAX_TALLIES", 3)
    limits = limiter(counts, Clock())
    for client in ("a", "b", "c", "d", "e"):
        limits.hit(client, "GET")
    assert list(limits._tallies) == [("all", "c"), ("all", "d"), ("all", "e")]
