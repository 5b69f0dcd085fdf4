"""Fixtures shared by every test layer: the real Redis, under a key prefix per test."""

from __future__ import annotations

import os
import uuid

import pytest
import redis

TEST_REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/9"
RUN_ID = uuid.uuid4().hex[:8]


def delete_prefix(client: redis.Redis, prefix: str) -> None:
    """Delete every key under `prefix`."""
    keys = client.scan_iter(match=f"{prefix}*", count=1000)
    batch = []
    for key in keys:
        batch.append(key)
        if len(batch) >= 500:
            client.delete(*batch)
            batch.clear()
    if batch:
        client.delete(*batch)


@pytest.fixture(scope="session")
def redis_url() -> str:
    return TEST_REDIS_URL


@pytest.fixture(scope="session")
def redis_client():
    client = redis.Redis.from_url(TEST_REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as exc:
        pytest.exit(f"tests need a Redis server at {TEST_REDIS_URL}: {exc}", returncode=3)
    yield client
    delete_prefix(client, f"nftest:{RUN_ID}:")


@pytest.fixture
def key_prefix(redis_client, request):
    """A key prefix no other test uses; its keys are deleted afterwards."""
    prefix = f"nftest:{RUN_ID}:{uuid.uuid4().hex[:8]}:"
    yield prefix
    delete_prefix(redis_client, prefix)
