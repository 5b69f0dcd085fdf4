"""Every Redis key newsfacts uses, built in one place under one prefix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Keys:
    """Key names under `prefix`, so tests and tenants can share one Redis safely."""

    prefix: str = "nf:"

    def article_meta(self, article_id: str) -> str:
        return f"{self.prefix}article:{article_id}:meta"

    def article_text(self, article_id: str) -> str:
        return f"{self.prefix}article:{article_id}:text"

    @property
    def by_date(self) -> str:
        return f"{self.prefix}idx:date"

    def by_source(self, source_key: str) -> str:
        return f"{self.prefix}idx:source:{source_key}"

    def by_word(self, word: str) -> str:
        return f"{self.prefix}idx:word:{word}"

    @property
    def analysis_prefix(self) -> str:
        """What every stored article's cached analysis key starts with."""
        return f"{self.prefix}analysis:"

    def analysis(self, pipeline_version: str, article_id: str) -> str:
        return f"{self.analysis_prefix}{pipeline_version}:{article_id}"

    def adhoc_analysis(self, pipeline_version: str, text_id: str) -> str:
        return f"{self.prefix}adhoc:{pipeline_version}:{text_id}"

    @property
    def pipeline_versions(self) -> str:
        return f"{self.prefix}pipeline_versions"

    def rate_count(self, scope: str, client: str, window: int) -> str:
        return f"{self.prefix}ratelimit:{scope}:{client}:{window}"

    @property
    def seed_lock(self) -> str:
        return f"{self.prefix}lock:seeds"
