"""Contract tests run the app against the real Redis, with seeds so reads find data."""

from __future__ import annotations

import pytest

from service.app import create_app
from service.config import Settings


@pytest.fixture
def make_contract_app(redis_url, key_prefix):
    def _make(**overrides):
        # The fuzzer sends hundreds of unauthenticated writes from one address: counting them
        # as failed logins (429 after ten) is tested in tests/api, not here, where each
        # must get the 401 the contract documents.
        settings = Settings(
            redis_url=redis_url, redis_prefix=key_prefix, load_seeds=True, auth_failure_limit=""
        )
        app = create_app(settings.replace(**overrides))
        app.testing = True
        return app

    return _make
