"""rq jobs: batch ingestion and corpus re-analysis. Run by `python -m service.jobs.worker`."""

from __future__ import annotations

import logging
from functools import cache

from marshmallow import ValidationError

from service.config import Settings
from service.ingest import ArticleRejected, ingest_many, reanalyze_article
from service.problem_documents import problem_for_exception, validation_problem
from service.schemas.article_schemas import ArticleInSchema
from service.services import Services, build_services

log = logging.getLogger(__name__)

CHUNK = 32


@cache
def worker_services() -> Services:
    """Services of this worker process, built once (before forking, in service.jobs.worker)."""
    return build_services(Settings.from_env())


def run_batch(job_id: str) -> dict:
    """Ingest every item of a batch job not yet acknowledged, parsing with nlp.pipe."""
    services = worker_services()
    jobs = services.jobs
    acked = jobs.acked(job_id)
    pending = [item for item in jobs.items(job_id) if item["index"] not in acked]
    schema = ArticleInSchema()
    for start in range(0, len(pending), CHUNK):
        chunk = pending[start : start + CHUNK]
        payloads, indexes = [], []
        for item in chunk:
            try:
                payloads.append(schema.load(item["payload"]))
                indexes.append(item["index"])
            except ValidationError as exc:
                jobs.fail(job_id, item["index"], validation_problem(exc.messages))
        for position, record, _created, error in ingest_many(payloads, services):
            index = indexes[position]
            if error is not None:
                jobs.fail(job_id, index, problem_for_exception(error))
            else:
                jobs.ack(job_id, index, record["id"])
    record = jobs.get(job_id)
    return {"done": record.done, "failed": record.failed} if record else {}


def run_reanalysis(job_id: str) -> dict:
    """Re-analyse every stored article whose analysis is not under the current pipeline_version."""
    services = worker_services()
    ids = services.articles.all_ids()
    services.jobs.set_total(job_id, len(ids))
    acked = services.jobs.acked(job_id)
    for index, article_id in enumerate(ids):
        if index in acked:
            continue
        try:
            reanalyze_article(article_id, services)
        except ArticleRejected as exc:  # a stored article always has text; keep going regardless
            services.jobs.fail(job_id, index, problem_for_exception(exc))
            continue
        services.jobs.ack(job_id, index, article_id)
    record = services.jobs.get(job_id)
    return {"done": record.done, "failed": record.failed} if record else {}
