"""Fault tests: real processes (workers, servers) against the real Redis."""

from __future__ import annotations

import os
import sys

import pytest

from service.app import create_app
from service.config import Settings


@pytest.fixture
def fault_settings(redis_url, key_prefix) -> Settings:
    return Settings(
        redis_url=redis_url,
        redis_prefix=key_prefix,
        load_seeds=False,
        queue_name=f"{key_prefix}queue",
    )


@pytest.fixture
def fault_app(fault_settings):
    app = create_app(fault_settings)
    app.testing = True
    return app


@pytest.fixture
def worker_env(fault_settings) -> dict[str, str]:
    """Environment for `python -m service.jobs.worker`: the test's Redis keys and queue."""
    return {
        **os.environ,
        "REDIS_URL": fault_settings.redis_url,
        "REDIS_PREFIX": fault_settings.redis_prefix,
        "RQ_QUEUE": fault_settings.queue_name,
        "LOG_LEVEL": "WARNING",
    }


@pytest.fixture
def python() -> str:
    return sys.executable
