"""POST /v1/articles/batch and GET /v1/jobs/{id}, with an in-process rq worker."""

from __future__ import annotations

import json

import pytest
from rq import SimpleWorker

from tests.fixtures.articles import BUDGET, FACTORY_FIRE, FLOOD, numbered_article


@pytest.fixture
def app(make_app, key_prefix, monkeypatch):
    app = make_app(queue_name=f"{key_prefix}queue")
    # The task builds its services from the environment in a real worker; here it
    # uses the test app's (same Redis, same prefix).
    monkeypatch.setattr("service.jobs.tasks.worker_services", lambda: app.extensions["newsfacts"])
    return app


@pytest.fixture
def run_worker(app):
    def _run():
        services = app.extensions["newsfacts"]
        SimpleWorker([services.queue], connection=services.redis).work(burst=True)

    return _run


@pytest.fixture
def parse_calls(app, monkeypatch):
    """Counts single parses and batched (nlp.pipe) parses."""
    analyzer = app.extensions["newsfacts"].analyzer
    calls = {"single": 0, "many": 0}
    single, many = analyzer.parse, analyzer.parse_many

    def count_single(text):
        calls["single"] += 1
        return single(text)

    def count_many(texts, **kwargs):
        calls["many"] += 1
        return many(texts, **kwargs)

    monkeypatch.setattr(analyzer, "parse", count_single)
    monkeypatch.setattr(analyzer, "parse_many", count_many)
    return calls


def test_json_batch_is_processed_by_a_worker(client, run_worker, parse_calls):
    batch = {
        "articles": [
            {"text": FLOOD, "source": "Valley Times"},
            {"text": FACTORY_FIRE},
            {"text": BUDGET},
        ]
    }
    response = client.post("/v1/articles/batch", json=batch)
    assert response.status_code == 202
    accepted = response.get_json()
    assert accepted["status_url"] == f"/v1/jobs/{accepted['job_id']}"
    assert response.headers["Location"] == accepted["status_url"]
    queued = client.get(accepted["status_url"]).get_json()
    assert queued["status"] == "queued" and queued["done"] == 0 and queued["total"] == 3
    run_worker()
    job = client.get(accepted["status_url"]).get_json()
    assert job["status"] == "finished"
    assert (job["done"], job["failed"], job["errors"]) == (3, 0, [])
    listed = {a["id"] for a in client.get("/v1/articles").get_json()["items"]}
    assert set(job["article_ids"]) == listed and len(listed) == 3
    assert parse_calls == {"single": 0, "many": 1}
    # Analyses were cached at ingest, like a single POST.
    summary = client.get(f"/v1/articles/{job['article_ids'][0]}/casualties")
    assert summary.status_code == 200 and parse_calls["single"] == 0


def test_ndjson_batch(client, run_worker):
    body = "\n".join(json.dumps({"text": numbered_article(n)}) for n in range(5)) + "\n\n"
    response = client.post("/v1/articles/batch", data=body, content_type="application/x-ndjson")
    assert response.status_code == 202
    run_worker()
    job = client.get(response.get_json()["status_url"]).get_json()
    assert job["done"] == 5 and job["status"] == "finished"


def test_bad_items_fail_alone(client, run_worker):
    items = [
        {"text": FLOOD},
        {"text": "   "},
        "not an object",
        {"text": BUDGET, "language": "de"},
        {"html": "<html><body><script>only()</script></body></html>"},
        {"text": FACTORY_FIRE},
    ]
    response = client.post("/v1/articles/batch", json={"articles": items})
    assert response.get_json()["rejected"] == 3
    run_worker()
    job = client.get(response.get_json()["status_url"]).get_json()
    assert job["status"] == "finished"
    assert (job["done"], job["failed"]) == (2, 4)
    assert [e["index"] for e in job["errors"]] == [1, 2, 3, 4]
    by_index = {e["index"]: e["problem"] for e in job["errors"]}
    assert by_index[3]["errors"] == {"language": ["Only English (en) articles are analysed."]}
    assert "html" in by_index[4]["errors"]
    assert len(client.get("/v1/articles").get_json()["items"]) == 2


def test_resubmitting_a_batch_creates_no_duplicates(client, run_worker):
    batch = {"articles": [{"text": FLOOD}, {"text": BUDGET}]}
    first = client.post("/v1/articles/batch", json=batch).get_json()
    run_worker()
    again = client.post("/v1/articles/batch", json=batch).get_json()
    assert again["job_id"] == first["job_id"]
    run_worker()
    overlapping = client.post(
        "/v1/articles/batch", json={"articles": [{"text": BUDGET}, {"text": FACTORY_FIRE}]}
    )
    run_worker()
    job = client.get(overlapping.get_json()["status_url"]).get_json()
    assert job["done"] == 2
    assert len(client.get("/v1/articles").get_json()["items"]) == 3


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b'{"articles": []}', "application/json", 422),
        (b'{"articles": "x"}', "application/json", 422),
        (b'{"items": [{"text": "a"}]}', "application/json", 422),
        (b'{"articles": [', "application/json", 400),
        (b'{"text": "a"}\n{oops\n', "application/x-ndjson", 400),
        (b"<articles/>", "application/xml", 415),
    ],
)
def test_invalid_batches_are_rejected(client, body, content_type, status):
    response = client.post("/v1/articles/batch", data=body, content_type=content_type)
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"


def test_batch_size_limit(make_app, key_prefix):
    client = make_app(batch_max_articles=2, queue_name=f"{key_prefix}q").test_client()
    response = client.post(
        "/v1/articles/batch", json={"articles": [{"text": numbered_article(n)} for n in range(3)]}
    )
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"


def test_batch_body_may_exceed_the_single_article_limit(make_app, key_prefix):
    client = make_app(max_content_length=2000, queue_name=f"{key_prefix}q").test_client()
    items = [{"text": numbered_article(n) + " filler" * 30} for n in range(10)]
    assert client.post("/v1/articles", json=items[0] | {"text": "x" * 3000}).status_code == 413
    assert client.post("/v1/articles/batch", json={"articles": items}).status_code == 202


@pytest.mark.parametrize("job_id", ["nope", "b" * 24, "x%20y"])
def test_unknown_job_is_404(client, job_id):
    response = client.get(f"/v1/jobs/{job_id}")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"


def test_background_reanalysis_rebuilds_every_article(
    app, client, post_article, run_worker, redis_client
):
    ids = [post_article(text).get_json()["id"] for text in (FLOOD, BUDGET)]
    services = app.extensions["newsfacts"]
    for article_id in ids:
        redis_client.delete(
            services.cache.article_key(services.analyzer.pipeline_version, article_id)
        )
    result = app.test_cli_runner().invoke(args=["newsfacts", "reanalyze", "--no-wait"])
    assert result.exit_code == 0, result.output
    job_id = result.output.split()[1]
    run_worker()
    job = client.get(f"/v1/jobs/{job_id}").get_json()
    assert job["kind"] == "reanalyze" and job["status"] == "finished"
    assert (job["total"], job["done"]) == (2, 2)
    for article_id in ids:
        assert redis_client.exists(
            services.cache.article_key(services.analyzer.pipeline_version, article_id)
        )


def test_deployments_sharing_a_redis_have_their_own_queues(make_app, key_prefix, redis_client):
    """Two deployments (two prefixes) with the same RQ_QUEUE: a worker of one never takes
    the other's job."""
    ours = make_app(queue_name="shared-name")
    theirs = make_app(queue_name="shared-name", redis_prefix=f"{key_prefix}other:")
    try:
        ours_queue = ours.extensions["newsfacts"].queue
        theirs_queue = theirs.extensions["newsfacts"].queue
        assert ours_queue.name != theirs_queue.name
        response = ours.test_client().post(
            "/v1/articles/batch", json={"articles": [{"text": FLOOD}]}
        )
        assert response.status_code == 202, response.data
        SimpleWorker([theirs_queue], connection=theirs_queue.connection).work(burst=True)
        assert ours_queue.count == 1  # still waiting for one of ours
    finally:
        for queue in (ours.extensions["newsfacts"].queue, theirs.extensions["newsfacts"].queue):
            queue.empty()
            queue.delete(delete_jobs=True)


def test_no_copy_of_a_batch_items_text_outlives_its_acknowledgement(
    client, run_worker, redis_client, key_prefix
):
    marker = "Quillfeather"  # a word only this article holds
    text = f"{marker} bridge collapsed on Monday in Kesterton, killing three people, police said."
    response = client.post("/v1/articles/batch", json={"articles": [{"text": text}, {"text": ""}]})
    assert response.status_code == 202
    job_id = response.get_json()["job_id"]
    run_worker()
    job = client.get(f"/v1/jobs/{job_id}").get_json()
    assert job["done"] + job["failed"] == 2
    assert not redis_client.exists(f"{key_prefix}job:{job_id}:items")
    [article_id] = job["article_ids"]
    assert client.delete(f"/v1/articles/{article_id}").status_code == 204
    holding = [
        key
        for key in redis_client.scan_iter(match=f"{key_prefix}*", count=1000)
        if redis_client.type(key) in (b"string", b"hash", b"list")
        and marker.encode() in b"".join(_values(redis_client, key))
    ]
    assert holding == []


def _values(client, key) -> list[bytes]:
    kind = client.type(key)
    if kind == b"string":
        return [client.get(key) or b""]
    if kind == b"hash":
        return list(client.hvals(key))
    return list(client.lrange(key, 0, -1))
