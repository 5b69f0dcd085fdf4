"""The service objects (Redis stores, cache, corpus index, analyzer), built without Flask.

The web app binds them with `extensions.Newsfacts`; rq workers and the CLI
build their own from the same settings.
"""

from __future__ import annotations

from dataclasses import dataclass

import redis
from rq import Queue

from service.config import Settings
from service.nlp import places
from service.nlp.pipeline import load_pipeline
from service.render import Analyzer, pipeline_version
from service.storage.analysis_cache import AnalysisCache
from service.storage.article_store import ArticleStore
from service.storage.connection import connect, push_connection
from service.storage.corpus_index import CorpusIndex
from service.storage.event_index import EventIndex
from service.storage.job_store import JobStore
from service.storage.keys import Keys
from service.storage.local_copy import LocalCopy
from service.storage.ratecounts import RateCounts


@dataclass
class Services:
    settings: Settings
    redis: redis.Redis
    keys: Keys
    articles: ArticleStore
    cache: AnalysisCache
    corpus: CorpusIndex
    events: EventIndex
    jobs: JobStore
    rate_counts: RateCounts
    queue: Queue
    analyzer: Analyzer


def build_services(settings: Settings) -> Services:
    """Connect to Redis (lazily: nothing is sent yet) and load the NLP pipeline."""
    client = connect(
        settings.redis_url, timeout=settings.redis_timeout, cooldown=settings.retry_after
    )
    keys = Keys(settings.redis_prefix)
    corpus = CorpusIndex(client, keys)
    events = EventIndex(client, keys)
    nlp = load_pipeline(settings.nlp_model)
    places.warm()  # the gazetteer events locate towns with, loaded before the first report
    return Services(
        settings=settings,
        redis=client,
        keys=keys,
        articles=ArticleStore(client, keys, derived=[corpus, events]),
        cache=AnalysisCache(
            client,
            keys,
            ttl=settings.cache_ttl,
            local=LocalCopy(
                lambda: push_connection(client),
                key_prefix=keys.analysis_prefix,
                max_bytes=settings.local_cache_mb * 1024 * 1024,
                retry_after=settings.retry_after,
            )
            if settings.local_cache_mb > 0
            else None,
        ),
        corpus=corpus,
        events=events,
        jobs=JobStore(client, keys, ttl=settings.job_ttl),
        rate_counts=RateCounts(client, keys),
        queue=Queue(keys.queue(settings.queue_name), connection=client),
        analyzer=Analyzer(nlp, pipeline_version(nlp)),
    )
