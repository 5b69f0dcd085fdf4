"""API tests: the Flask test client against the real Redis, one key prefix per test."""

from __future__ import annotations

import pytest

from service.app import create_app
from service.config import Settings


@pytest.fixture
def settings(redis_url, key_prefix) -> Settings:
    return Settings(
        redis_url=redis_url, redis_prefix=key_prefix, load_seeds=False, redis_timeout=1.0
    )


@pytest.fixture
def make_app(settings):
    """Build an app with some settings changed."""

    def _make(**overrides):
        app = create_app(settings.replace(**overrides))
        app.testing = True
        return app

    return _make


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def post_article(client):
    """POST an article as JSON and return the response."""

    def _post(text: str, **fields):
        return client.post("/v1/articles", json={"text": text, **fields})

    return _post
