"""The local copy of cached parts (service/storage/local_copy.py), against the real Redis:
it answers without a round trip, and every change Redis sees reaches it first."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
import redis

from service.storage.analysis_cache import AnalysisCache
from service.storage.connection import connect, push_connection
from service.storage.keys import Keys
from service.storage.local_copy import LocalCopy

FIELDS = ("analysis", "etag:analysis")


class CountingConnection(redis.connection.Connection):
    """redis-py's connection, counting the commands this process sends on it."""

    sent: list[str] = []

    def send_command(self, *args, **kwargs):
        type(self).sent.append(str(args[0]))
        return super().send_command(*args, **kwargs)


@pytest.fixture
def keys(key_prefix) -> Keys:
    return Keys(key_prefix)


@pytest.fixture
def cache(redis_url, keys):
    CountingConnection.sent = []
    pool = redis.ConnectionPool.from_url(redis_url, connection_class=CountingConnection)
    client = redis.Redis(connection_pool=pool)
    local = LocalCopy(
        lambda: push_connection(client), key_prefix=keys.analysis_prefix, max_bytes=10_000
    )
    yield AnalysisCache(client, keys, ttl=60, local=local)
    local.sync()
    local._close()
    client.close()


def store(redis_client, key: str, body: bytes, etag: bytes = b'"e1"') -> None:
    redis_client.hset(key, mapping={"analysis": body, "etag:analysis": etag})


def hmgets() -> int:
    return CountingConnection.sent.count("HMGET")


def test_a_part_read_once_is_then_served_without_redis(cache, keys, redis_client):
    key = keys.analysis("v1", "a" * 16)
    store(redis_client, key, b"body-1")
    assert cache.get_fields(key, *FIELDS) == [b"body-1", b'"e1"']
    assert cache.get_fields(key, *FIELDS) == [b"body-1", b'"e1"']
    assert cache.get_fields(key, *FIELDS) == [b"body-1", b'"e1"']
    assert hmgets() == 1


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda r, k: store(r, k, b"body-2", b'"e2"'), [b"body-2", b'"e2"']),
        (lambda r, k: r.hset(k, "etag:analysis", b'"e3"'), [b"body-1", b'"e3"']),
        (lambda r, k: r.delete(k), [None, None]),
        (lambda r, k: r.pexpire(k, 1) and time.sleep(0.05) or r.exists(k), [None, None]),
        (lambda r, k: r.rename(k, k + ":moved"), [None, None]),
    ],
    ids=["rewritten", "one field changed", "deleted", "expired", "renamed away"],
)
def test_a_change_by_another_client_is_seen_on_the_next_read(
    cache, keys, redis_client, change, expected
):
    key = keys.analysis("v1", "b" * 16)
    store(redis_client, key, b"body-1")
    cache.get_fields(key, *FIELDS)
    change(redis_client, key)
    assert cache.get_fields(key, *FIELDS) == expected
    redis_client.delete(key + ":moved")


def test_keys_outside_the_tracked_prefix_are_never_held(cache, keys, redis_client):
    key = keys.adhoc_analysis("v1", "c" * 16)
    store(redis_client, key, b"adhoc")
    cache.get_fields(key, *FIELDS)
    cache.get_fields(key, *FIELDS)
    assert hmgets() == 2 and cache.local.size == 0


def test_misses_are_not_held(cache, keys):
    key = keys.analysis("v1", "d" * 16)
    assert cache.get_fields(key, *FIELDS) == [None, None]
    assert cache.get_fields(key, *FIELDS) == [None, None]
    assert hmgets() == 2


def test_a_value_read_before_an_invalidation_is_not_kept(cache, keys, redis_client):
    """Another thread's sync() applies an invalidation between this thread's read and put."""
    key = keys.analysis("v1", "e" * 16)
    store(redis_client, key, b"old")
    local = cache.local
    generation = local.sync()
    values = redis_client.hmget(key, FIELDS)
    store(redis_client, key, b"new")
    deadline = time.monotonic() + 2
    while local.sync() == generation and time.monotonic() < deadline:
        time.sleep(0.001)
    local.put(key, FIELDS, values, generation)
    assert local.get(key, FIELDS) is None
    assert cache.get_fields(key, *FIELDS)[0] == b"new"


def test_held_parts_stay_within_their_byte_budget_oldest_out_first(cache, keys, redis_client):
    ids = [keys.analysis("v1", f"{n:016d}") for n in range(5)]
    for key in ids:
        store(redis_client, key, b"x" * 2_500, b"")
        cache.get_fields(key, *FIELDS)
    local = cache.local
    assert local.size <= local.max_bytes
    assert local.get(ids[0], FIELDS) is None and local.get(ids[-1], FIELDS) is not None
    too_big = keys.analysis("v1", "f" * 16)
    store(redis_client, too_big, b"x" * 20_000)
    assert cache.get_fields(too_big, *FIELDS)[0] == b"x" * 20_000
    assert local.get(too_big, FIELDS) is None


def test_a_killed_tracking_connection_drops_the_copy(cache, keys, redis_client):
    key = keys.analysis("v1", "g" * 16)
    store(redis_client, key, b"before")
    cache.get_fields(key, *FIELDS)
    for client in redis_client.client_list():
        if client.get("resp") == "3" and "t" in client.get("flags", ""):
            redis_client.client_kill_filter(_id=client["id"])
    store(redis_client, key, b"after")  # no push can reach the killed connection
    assert cache.get_fields(key, *FIELDS)[0] == b"after"
    assert cache.local.sync() is None, "re-tracking waits retry_after seconds"


def test_flushdb_clears_the_copy(redis_url, cache, keys, redis_client):
    """Tracking ignores database numbers: a flush of any database invalidates everything."""
    key = keys.analysis("v1", "h" * 16)
    store(redis_client, key, b"held")
    cache.get_fields(key, *FIELDS)
    other = redis.Redis.from_url(urlsplit(redis_url)._replace(path="/15").geturl())
    if other.dbsize():
        pytest.skip("database 15 is not empty: not ours to flush")
    other.flushdb()
    # The flush's invalidation push travels on another connection than the FLUSHDB
    # reply: on a loaded machine it may land a moment after the reply.
    deadline = time.monotonic() + 2.0
    while True:
        cache.local.sync()
        if cache.local.size == 0 or time.monotonic() > deadline:
            break
        time.sleep(0.01)
    assert cache.local.size == 0 and cache.local.get(key, FIELDS) is None


def test_an_unreachable_redis_leaves_the_copy_off_and_reads_unchanged(keys):
    unreachable = connect("redis://127.0.0.1:1/0", timeout=0.2)
    local = LocalCopy(
        lambda: push_connection(unreachable),
        key_prefix=keys.analysis_prefix,
        max_bytes=1_000,
        retry_after=60,
    )
    assert local.sync() is None
    assert local.sync() is None  # no new attempt before retry_after
    local.put("k", FIELDS, [b"x", b"y"], local.generation)
    assert local.get("k", FIELDS) is None
