"""The `flask newsfacts` commands, run through Flask's CLI runner against the real Redis."""

from __future__ import annotations

import json

import pytest

from tests.fixtures.articles import BUDGET, FACTORY_FIRE, FLOOD


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def article_tree(tmp_path):
    (tmp_path / "nested").mkdir()
    (tmp_path / "flood.txt").write_text(FLOOD)
    (tmp_path / "flood.meta.json").write_text(
        json.dumps({"source": "Valley Times", "published_at": "2025-06-03"})
    )
    (tmp_path / "nested" / "more.ndjson").write_text(
        json.dumps({"text": FACTORY_FIRE}) + "\n\n" + json.dumps({"text": ""}) + "\n"
    )
    (tmp_path / "nested" / "budget.json").write_text(json.dumps({"articles": [{"text": BUDGET}]}))
    return tmp_path


def test_ingest_files_and_folders(runner, client, article_tree):
    result = runner.invoke(args=["newsfacts", "ingest", str(article_tree)])
    assert result.exit_code == 0, result.output
    assert "3 new, 0 already stored, 1 failed" in result.output
    items = client.get("/v1/articles").get_json()["items"]
    assert len(items) == 3
    flood = [a for a in items if a["source"] == "Valley Times"]
    assert flood and flood[0]["published_at"] == "2025-06-03T00:00:00Z"
    again = runner.invoke(args=["newsfacts", "ingest", str(article_tree / "flood.txt")])
    assert "0 new, 1 already stored, 0 failed" in again.output


def test_ingest_rejects_missing_paths(runner, tmp_path):
    result = runner.invoke(args=["newsfacts", "ingest", str(tmp_path / "absent.txt")])
    assert result.exit_code != 0


def test_reanalyze_inline_rebuilds_under_the_current_version(
    runner, app, post_article, client, redis_client
):
    article_id = post_article(FLOOD).get_json()["id"]
    services = app.extensions["newsfacts"]
    key = services.cache.article_key(services.analyzer.pipeline_version, article_id)
    redis_client.delete(key)
    result = runner.invoke(args=["newsfacts", "reanalyze", "--inline"])
    assert result.exit_code == 0, result.output
    assert "1 articles re-analysed" in result.output
    assert redis_client.exists(key)


def test_stats(runner, post_article):
    post_article(FLOOD)
    result = runner.invoke(args=["newsfacts", "stats"])
    assert result.exit_code == 0, result.output
    assert "articles: 1" in result.output
