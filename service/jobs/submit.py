"""Submitting background jobs to rq and reporting their progress."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence

from rq import Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job

from service.services import Services

# Seconds of rq job timeout: a floor plus a generous per-article budget.
_TIMEOUT_FLOOR = 600
_TIMEOUT_PER_ARTICLE = 10


def batch_job_id(items: Sequence[Mapping]) -> str:
    """The same batch always gets the same job id, so resubmitting it is idempotent."""
    canonical = json.dumps(list(items), sort_keys=True, ensure_ascii=False, default=str)
    return "b" + hashlib.sha256(canonical.encode()).hexdigest()[:23]


def submit_batch(services: Services, items: Sequence[Mapping], rejected: Sequence[dict]) -> str:
    """Record a batch job and queue it; a batch already known is only re-queued if it stalled.

    `items` are {"index", "payload"} of the valid articles, `rejected` the
    {"index", "problem"} of the invalid ones, failed from the start.
    """
    all_items = [
        *({"index": i["index"], "payload": i["payload"]} for i in items),
        *({"index": r["index"], "rejected": r["problem"]} for r in rejected),
    ]
    job_id = batch_job_id(sorted(all_items, key=lambda i: i["index"]))
    created = services.jobs.create(job_id, kind="batch", items=items, rejected=rejected)
    if created or job_status(services, job_id)["status"] == "failed":
        enqueue(services, job_id, "service.jobs.tasks.run_batch", size=len(items))
    return job_id


def submit_reanalysis(services: Services) -> str:
    """Queue a re-analysis of the whole corpus under the current pipeline_version."""
    job_id = (
        "r"
        + hashlib.sha256(
            f"{services.analyzer.pipeline_version}:{services.articles.count()}".encode()
        ).hexdigest()[:23]
    )
    created = services.jobs.create(
        job_id, kind="reanalyze", items=[], total=services.articles.count()
    )
    if created or job_status(services, job_id)["status"] == "failed":
        enqueue(
            services, job_id, "service.jobs.tasks.run_reanalysis", size=services.articles.count()
        )
    return job_id


def enqueue(services: Services, job_id: str, function: str, *, size: int) -> None:
    """Queue (another attempt at) a job; items already acknowledged are skipped by the task."""
    attempt = services.redis.hincrby(services.keys.job(job_id), "attempts", 1)
    rq_job = services.queue.enqueue(
        function,
        job_id,
        job_id=f"{job_id}-{attempt}",
        job_timeout=_TIMEOUT_FLOOR + _TIMEOUT_PER_ARTICLE * size,
        retry=Retry(max=2, interval=[5, 30]),
        result_ttl=services.settings.job_ttl,
        failure_ttl=services.settings.job_ttl,
    )
    services.jobs.set_rq_id(job_id, rq_job.id)


def resume(services: Services, job_id: str) -> bool:
    """Queue a job again (after a worker died), whatever rq believes; False if unknown."""
    record = services.jobs.get(job_id)
    if record is None:
        return False
    function = (
        "service.jobs.tasks.run_batch"
        if record.kind == "batch"
        else "service.jobs.tasks.run_reanalysis"
    )
    enqueue(services, job_id, function, size=record.total)
    return True


_RQ_STATUS = {
    "queued": "queued",
    "deferred": "queued",
    "scheduled": "queued",
    "started": "started",
    "finished": "finished",
    "failed": "failed",
    "stopped": "failed",
    "canceled": "failed",
}


def job_status(services: Services, job_id: str) -> dict | None:
    """The contract's job document, or None for an unknown id."""
    record = services.jobs.get(job_id)
    if record is None:
        return None
    complete = record.done + record.failed >= record.total
    status = "finished" if complete else _rq_status(services, record.rq_id)
    return {
        "id": record.id,
        "kind": record.kind,
        "status": status,
        "total": record.total,
        "done": record.done,
        "failed": record.failed,
        "article_ids": record.article_ids,
        "errors": record.errors,
    }


def _rq_status(services: Services, rq_id: str | None) -> str:
    if not rq_id:
        return "queued"
    try:
        job = Job.fetch(rq_id, connection=services.redis)
    except (NoSuchJobError, ValueError):
        return "failed"
    status = job.get_status(refresh=True)
    if status is None:
        return "failed"
    # An rq "finished" with items still open means the task gave up on them.
    value = _RQ_STATUS.get(status.value, "queued")
    return "failed" if value == "finished" else value
