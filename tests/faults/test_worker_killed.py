"""A worker killed with SIGKILL mid-batch: re-running the job loses and duplicates nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from service.jobs.submit import resume

pytestmark = pytest.mark.slow

ARTICLES = 40


def long_article(n: int) -> str:
    body = " ".join(
        f"In district {n}-{k} the council met again on Tuesday and officials said repairs to the "
        f"old bridge would take {k + 2} more weeks."
        for k in range(12)
    )
    return f"Bulletin {n}. {body}"


def wait_for(predicate, timeout: float, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError("condition not reached in time")


def test_killed_worker_then_rerun_stores_each_article_once(fault_app, worker_env, python):
    client = fault_app.test_client()
    accepted = client.post(
        "/v1/articles/batch",
        json={"articles": [{"text": long_article(n)} for n in range(ARTICLES)]},
    ).get_json()
    status_url = accepted["status_url"]

    def job():
        return client.get(status_url).get_json()

    worker = subprocess.Popen(
        [python, "-m", "service.jobs.worker"], env=worker_env, start_new_session=True
    )
    try:
        wait_for(lambda: job()["done"] >= 3, timeout=120)
    finally:
        # The whole process group: rq runs each job in a forked work-horse.
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    interrupted = job()
    assert 3 <= interrupted["done"] < ARTICLES, "the kill did not land mid-batch"
    acknowledged = set(interrupted["article_ids"])
    for article_id in acknowledged:
        assert client.get(f"/v1/articles/{article_id}").status_code == 200

    assert resume(fault_app.extensions["newsfacts"], accepted["job_id"])
    rerun = subprocess.run(
        [python, "-m", "service.jobs.worker", "--burst"], env=worker_env, timeout=300
    )
    assert rerun.returncode == 0
    final = job()
    assert final["status"] == "finished"
    assert (final["done"], final["failed"]) == (ARTICLES, 0)
    assert len(final["article_ids"]) == len(set(final["article_ids"])) == ARTICLES
    assert acknowledged <= set(final["article_ids"])
    stored = client.get("/v1/articles?limit=100").get_json()["items"]
    assert len(stored) == len({a["id"] for a in stored}) == ARTICLES
