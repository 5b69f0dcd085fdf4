"""Every Redis key newsfacts uses, built in one place under one prefix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Keys:
    """Key names under `prefix`, so tests and tenants can share one Redis safely."""

    prefix: str = "nf:"

    def queue(self, name: str) -> str:
        """The rq queue of this deployment: rq keeps it at "rq:queue:{prefix}{name}", so
        deployments sharing a Redis under different prefixes never take each other's jobs."""
        return f"{self.prefix}{name}"

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

    # -- batch jobs (storage/job_store.py) ---------------------------------

    def job(self, job_id: str, part: str = "") -> str:
        """A job's hash, or one of its parts ("items", "done", ...)."""
        return f"{self.prefix}job:{job_id}{':' + part if part else ''}"

    # -- corpus index (storage/corpus_index.py) ----------------------------

    @property
    def corpus_entities(self) -> CanonicalKeys:
        return CanonicalKeys(f"{self.prefix}corpus:ent:")

    @property
    def corpus_speakers(self) -> CanonicalKeys:
        return CanonicalKeys(f"{self.prefix}corpus:spk:")

    @property
    def corpus_quotes(self) -> str:
        return f"{self.prefix}corpus:quotes"

    @property
    def corpus_casualties_by_date(self) -> str:
        return f"{self.prefix}corpus:cas:date"

    @property
    def corpus_casualties_by_killed(self) -> str:
        return f"{self.prefix}corpus:cas:killed"

    def corpus_record(self, article_id: str) -> str:
        return f"{self.prefix}corpus:record:{article_id}"

    @property
    def corpus_unsettled(self) -> str:
        """Set of "{ent|spk}|TYPE|key": names whose articles must be resolved again."""
        return f"{self.prefix}corpus:unsettled"

    @property
    def corpus_lock(self) -> str:
        return f"{self.prefix}corpus:lock"

    def corpus_quote(self, quote_id: str) -> str:
        return f"{self.prefix}corpus:quote:{quote_id}"

    def corpus_quote_word(self, word: str) -> str:
        return f"{self.prefix}corpus:qword:{word}"

    def corpus_casualties(self, article_id: str) -> str:
        return f"{self.prefix}corpus:cas:{article_id}"

    # -- events (storage/event_index.py) -----------------------------------

    @property
    def events_last(self) -> str:
        return f"{self.prefix}events:last"

    @property
    def events_killed(self) -> str:
        return f"{self.prefix}events:killed"

    def events_record(self, article_id: str) -> str:
        return f"{self.prefix}events:record:{article_id}"

    def events_place(self, family: str, key: str) -> str:
        return f"{self.prefix}events:at:{family}:{key}"

    def events_word(self, word: str) -> str:
        return f"{self.prefix}events:word:{word}"

    @property
    def events_unsettled(self) -> str:
        """Set of article ids (and "e:{event id}") whose grouping must be recomputed."""
        return f"{self.prefix}events:unsettled"

    @property
    def events_aliases(self) -> str:
        """Hash: id of an event merged away (or renamed) -> the id of the event holding it."""
        return f"{self.prefix}events:aliases"

    @property
    def events_lock(self) -> str:
        return f"{self.prefix}events:lock"

    def event(self, event_id: str, name: str) -> str:
        """One of an event's sets ("articles", "stated:killed", ...)."""
        return f"{self.prefix}events:e:{event_id}:{name}"


@dataclass(frozen=True)
class CanonicalKeys:
    """Key names of one kind of canonical thing in the corpus index (entities or speakers)."""

    base: str

    @property
    def rank(self) -> str:
        return f"{self.base}rank"

    @property
    def mentions(self) -> str:
        return f"{self.base}mentions"

    def by_type(self, type_: str) -> str:
        return f"{self.base}type:{type_}"

    def word(self, word: str) -> str:
        return f"{self.base}word:{word}"

    def name(self, key: str) -> str:
        return f"{self.base}name:{key}"

    def alias(self, key: str) -> str:
        return f"{self.base}alias:{key}"

    def names(self, cid: str) -> str:
        return f"{self.base}names:{cid}"

    def aliases(self, cid: str) -> str:
        return f"{self.base}aliases:{cid}"

    def articles(self, cid: str) -> str:
        return f"{self.base}articles:{cid}"

    def quotes(self, cid: str) -> str:
        return f"{self.base}quotes:{cid}"

    def owners(self, key: str) -> str:
        """Zset own id -> mentions whose name answers to `key` as an alias, unresolved."""
        return f"{self.base}owners:{key}"

    def raw(self, cid: str) -> str:
        """Set of the articles naming a thing by exactly this own id, before resolution."""
        return f"{self.base}raw:{cid}"
