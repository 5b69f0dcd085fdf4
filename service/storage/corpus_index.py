"""Corpus-wide indexes: canonical entities and speakers, quotes, casualty totals.

Entities (namespace ``ent``) and quote speakers (namespace ``spk``) are made
canonical across articles: one id ``TYPE|key`` per real-world thing, `key`
being the normalised fullest name. Layout under ``{prefix}corpus:``:

- ``record:{article_id}``   JSON of the article's contribution (what `write` added)
- ``{ns}:rank``             zset id -> number of articles naming it
- ``{ns}:type:{TYPE}``      the same, one per type
- ``{ns}:word:{word}``      zset id -> articles naming it with that word (for `q`)
- ``{ns}:name:{key}``       zset id -> article count, for the ids whose key is `key`
- ``{ns}:alias:{key}``      zset id -> articles calling it by that alias ("putin")
- ``{ns}:names:{id}``       zset spelling of the full name -> articles using it
- ``{ns}:aliases:{id}``     zset other spelling -> articles using it
- ``{ns}:articles:{id}``    zset article id -> article sort score
- ``{ns}:owners:{key}``     zset own id -> mentions answering to `key` as an alias,
                            counted before resolution (what resolution reads)
- ``{ns}:raw:{own id}``     set of articles naming a thing by that own id
- ``unsettled``             set of "{ns}|TYPE|key" whose articles `settle` resolves again,
                            and "article|{id}" of an article to resolve again
- ``ent:mentions``          zset id -> total mentions
- ``quote:{quote_id}``      JSON of a quote with its article's id, date, title, source
- ``quotes``, ``spk:quotes:{id}``, ``qword:{word}``   zsets quote id -> article sort score
- ``cas:{article_id}``      JSON of an article's casualty totals
- ``cas:date``              zset article id -> article sort score
- ``cas:killed``            zset article id -> lower bound of the killed total

Which canonical thing a name belongs to is a function of the corpus, not of
the order articles came in: a name goes to the one fuller name of its type
that answers to it ("Lopez" to "Maria Lopez", "ISIS" to "Islamic State"), read
from the unresolved `owners` counts. After each write or erase, `settle`
resolves again every article naming a key whose owners changed, so "Lopez"
ingested before "Maria Lopez" joins it, and leaves it when it goes.

Counters are sorted-set scores moved with ZINCRBY. Erasing decrements them and
then drops every member left at 0 (ZREMRANGEBYSCORE -inf 0), and Redis drops a
set once it is empty: a canonical thing, its aliases and its keys vanish with
its last article without any read inside the deleting transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

import redis

from service.nlp.entities import entity_key
from service.storage import settling
from service.storage.article_store import sort_score, words_of
from service.storage.errors import translate_redis_errors
from service.storage.keys import CanonicalKeys, Keys
from service.storage.paging import Cursor, page_by_score
from service.timestamps import parse_stored

# Quote ids are "{article_id}:{QUOTE_SLOTS - 1 - index}": members with equal
# scores come in descending order, so an article's quotes list in text order.
QUOTE_SLOTS = 10_000
# Count a mention answering to an alias; mark the alias for revisiting when the first
# mention of an owner arrives or its last goes (the only times resolution can change).
# KEYS: owners zset, unsettled set. ARGV: own id, +1|-1, mark.
_COUNT_OWNER = """
local n = tonumber(redis.call('ZINCRBY', KEYS[1], ARGV[2], ARGV[1]))
if n <= 0 then redis.call('ZREM', KEYS[1], ARGV[1]) end
local sign = tonumber(ARGV[2])
if (sign > 0 and n == 1) or (sign < 0 and n <= 0) then
  redis.call('SADD', KEYS[2], ARGV[3])
end
return n
"""
MAX_LISTED_ALIASES = 20
PERSON = "PERSON"


@dataclass
class _Mention:
    """One thing as an article names it: its fullest name, type and other names."""

    name: str
    type: str
    aliases: list[str]
    mentions: int = 0

    @property
    def key(self) -> str:
        return entity_key(self.name)

    @property
    def own_id(self) -> str:
        return canonical_id(self.type, self.key)

    @property
    def alias_keys(self) -> set[str]:
        return alias_keys_of(self.type, [self.name, *self.aliases]) - {self.key}

    def as_raw(self) -> list:
        return [self.name, self.type, self.aliases, self.mentions]

    @classmethod
    def from_raw(cls, raw: Sequence) -> _Mention:
        name, type_, aliases, mentions = raw
        return cls(name, type_, list(aliases), int(mentions))


@dataclass
class _Contribution:
    """What one article adds to one canonical thing."""

    id: str
    mentions: int = 0
    names: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    alias_keys: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)

    def as_record(self) -> dict:
        return {
            "id": self.id,
            "mentions": self.mentions,
            "names": sorted(self.names),
            "aliases": sorted(self.aliases),
            "alias_keys": sorted(self.alias_keys),
            "words": sorted(self.words),
        }


def canonical_id(type_: str, key: str) -> str:
    return f"{type_}|{key}"


def split_id(cid: str) -> tuple[str, str]:
    type_, key = cid.split("|", 1)
    return type_, key


def alias_keys_of(type_: str, names: Sequence[str]) -> set[str]:
    """Keys a thing can be found by: each of its names, and a person's surname."""
    keys = {entity_key(n) for n in names} - {""}
    if type_ == PERSON:
        keys |= {k.split()[-1] for k in keys if len(k.split()) > 1}
    return keys


class CorpusIndex:
    """The corpus indexes, written and erased in the article's own transaction."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.redis = client
        self.keys = keys
        self.entities = keys.corpus_entities
        self.speakers = keys.corpus_speakers
        self.all_quotes = keys.corpus_quotes
        self.casualties_by_date = keys.corpus_casualties_by_date
        self.casualties_by_killed = keys.corpus_casualties_by_killed
        self.record_key = keys.corpus_record
        self.quote_key = keys.corpus_quote
        self.quote_word = keys.corpus_quote_word
        self.casualty_key = keys.corpus_casualties
        self.unsettled = keys.corpus_unsettled
        self.lock_key = keys.corpus_lock
        self.namespaces = {"ent": self.entities, "spk": self.speakers}

    # -- building an article's record ------------------------------------

    @translate_redis_errors
    def prepare(self, meta: Mapping, parts: Mapping[str, bytes]) -> bytes:
        """The article's contribution, with names resolved against the corpus as it is now."""
        article_id = str(meta["id"])
        when = meta.get("published_at") or meta["ingested_at"]
        # A stored article always has a timestamp, so it parses to a datetime.
        score = sort_score(article_id, cast("datetime", parse_stored(when)))
        entities = _part(parts, "entities").get("entities", [])
        quotes = _part(parts, "quotes").get("quotes", [])
        casualties = _part(parts, "casualties")
        entity_mentions = [
            _Mention(e["name"], e["type"], list(e.get("aliases") or []), int(e["mentions"]))
            for e in entities
        ]
        # A speaker whose name leaves no key ("—") is quoted but not indexed.
        speaker_mentions = [
            m for m in (_speaker_mention(q.get("speaker")) for q in quotes) if m is not None
        ]
        quote_records = [
            _quote_record(meta, index, quote) for index, quote in enumerate(quotes[:QUOTE_SLOTS])
        ]
        record = {
            "score": score,
            "raw": {
                "entities": [m.as_raw() for m in entity_mentions],
                "speakers": [m.as_raw() for m in speaker_mentions],
            },
            "quotes": quote_records,
            "casualties": _casualty_record(meta, casualties.get("totals") or {}),
        }
        return json.dumps(self._resolved(record), ensure_ascii=False).encode()

    def _resolved(self, record: dict) -> dict:
        """The record with its names resolved to canonical ids as the corpus stands."""
        entity_mentions = [_Mention.from_raw(r) for r in record["raw"]["entities"]]
        speaker_mentions = [_Mention.from_raw(r) for r in record["raw"]["speakers"]]
        entity_ids = self._resolve(self.entities, entity_mentions)
        speaker_ids = self._resolve(self.speakers, speaker_mentions)
        quotes = []
        for quote in record["quotes"]:
            speaker = _speaker_mention(quote["data"].get("speaker"))
            sid = speaker_ids.get((speaker.type, speaker.key)) if speaker else None
            quotes.append({**quote, "speaker": sid})
        return {
            **record,
            "entities": _contributions(entity_mentions, entity_ids, count_mentions=True),
            "speakers": _contributions(speaker_mentions, speaker_ids, count_mentions=False),
            "quotes": quotes,
        }

    def _resolve(self, ns: CanonicalKeys, mentions: list[_Mention]) -> dict[tuple[str, str], str]:
        """(type, key) of each mention -> canonical id.

        A name goes to the one fuller name of its type that answers to it as an
        alias (in the corpus, or among this article's own names); with none, or
        with several ("Lopez" when both Maria and Juan Lopez are known), it is a
        thing of its own. Read from `owners`, which resolution never writes, so
        the answer depends on the corpus and not on the order it was built in.
        """
        wanted = sorted({(m.type, m.key) for m in mentions if m.key})
        with self.redis.pipeline(transaction=False) as pipe:
            for _, key in wanted:
                pipe.zrangebyscore(ns.owners(key), 1, "+inf")
            replies = pipe.execute()
        own_fuller: dict[tuple[str, str], set[str]] = {}
        for m in (m for m in mentions if m.key):
            for alias in m.alias_keys:
                own_fuller.setdefault((m.type, alias), set()).add(m.own_id)
        resolved = {}
        for (type_, key), owners in zip(wanted, replies, strict=True):
            candidates = {o.decode() for o in owners} | own_fuller.get((type_, key), set())
            fuller = {c for c in candidates if split_id(c)[0] == type_ and _fuller(c, key)}
            resolved[(type_, key)] = fuller.pop() if len(fuller) == 1 else canonical_id(type_, key)
        return resolved

    # -- writing and erasing (queued on the article's MULTI pipeline) ----

    def write(self, pipe: redis.client.Pipeline, article_id: str, record: bytes) -> None:
        """Queue the commands adding the article's contribution."""
        data = json.loads(record)
        pipe.set(self.record_key(article_id), record)
        self._apply(pipe, article_id, data, +1)
        self._raw(pipe, article_id, data, +1)

    def erase(self, pipe: redis.client.Pipeline, article_id: str, record: bytes) -> None:
        """Queue the commands undoing exactly what `write` added for this record."""
        data = json.loads(record)
        pipe.delete(self.record_key(article_id))
        self._apply(pipe, article_id, data, -1)
        self._raw(pipe, article_id, data, -1)

    def _raw(self, pipe, article_id: str, record: dict, sign: int) -> None:
        """The unresolved names: who answers to which alias, and which articles to revisit.

        A name's resolution changes only when a fuller name first answers to it or
        stops answering: only then are the articles naming it revisited (a Lua script
        tells, in the same transaction). The article itself is revisited once, in case
        the corpus changed between its prepare and this write.
        """
        raw = record.get("raw", {})
        for ns_name, ns in self.namespaces.items():
            field_name = "entities" if ns_name == "ent" else "speakers"
            for m in map(_Mention.from_raw, raw.get(field_name, [])):
                if not m.key:
                    continue
                if sign > 0:
                    pipe.sadd(ns.raw(m.own_id), article_id)
                else:
                    pipe.srem(ns.raw(m.own_id), article_id)
                for alias in sorted(m.alias_keys):
                    mark = f"{ns_name}|{m.type}|{alias}"
                    pipe.eval(
                        _COUNT_OWNER, 2, ns.owners(alias), self.unsettled, m.own_id, sign, mark
                    )
        if sign > 0 and raw:
            pipe.sadd(self.unsettled, f"article|{article_id}")

    def settle(self) -> None:
        """Resolve again the articles naming a name whose fuller owners changed."""
        settling.settle(
            self.redis,
            lock_key=self.lock_key,
            unsettled_key=self.unsettled,
            handle=self._resolve_marked,
            per_round=500,
            what="corpus name resolution",
        )

    def _resolve_marked(self, marks: Sequence[str]) -> None:
        names = [m for m in marks if not m.startswith("article|")]
        with self.redis.pipeline(transaction=False) as pipe:
            for mark in names:
                ns_name, type_, key = mark.split("|", 2)
                pipe.smembers(self.namespaces[ns_name].raw(canonical_id(type_, key)))
            found = pipe.execute()
        articles = {a.decode() for ids in found for a in ids}
        articles |= {m.split("|", 1)[1] for m in marks if m.startswith("article|")}
        for article_id in sorted(articles):
            self._resolve_again(article_id)

    def _resolve_again(self, article_id: str) -> None:
        key = self.record_key(article_id)
        with self.redis.pipeline(transaction=True) as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = cast("bytes | None", pipe.get(key))
                    old = json.loads(raw) if raw else None
                    if old is None or "raw" not in old:
                        pipe.unwatch()
                        return
                    new = self._resolved(old)
                    if new == old:
                        pipe.unwatch()
                        return
                    pipe.multi()
                    self._apply(pipe, article_id, old, -1)
                    self._apply(pipe, article_id, new, +1)
                    pipe.set(key, json.dumps(new, ensure_ascii=False))
                    pipe.execute()
                    return
                except redis.WatchError:
                    continue

    def _apply(self, pipe, article_id: str, record: dict, sign: int) -> None:
        score = record["score"]
        for contribution in record["entities"]:
            self._count(pipe, self.entities, article_id, score, contribution, sign)
        for contribution in record["speakers"]:
            self._count(pipe, self.speakers, article_id, score, contribution, sign)
        for quote in record["quotes"]:
            self._quote(pipe, score, quote, sign)
        if record["casualties"]:
            self._casualties(pipe, article_id, score, record["casualties"], sign)

    def _count(self, pipe, ns: CanonicalKeys, article_id: str, score: float, c: dict, sign: int):
        cid = c["id"]
        type_, key = split_id(cid)
        counters = [
            ns.rank,
            ns.by_type(type_),
            ns.name(key),
            *(ns.alias(k) for k in c["alias_keys"]),
            *(ns.word(w) for w in c["words"]),
        ]
        for zset in counters:
            pipe.zincrby(zset, sign, cid)
        for spelling in c["names"]:
            pipe.zincrby(ns.names(cid), sign, spelling)
        for spelling in c["aliases"]:
            pipe.zincrby(ns.aliases(cid), sign, spelling)
        if c["mentions"]:
            pipe.zincrby(ns.mentions, sign * c["mentions"], cid)
        if sign > 0:
            pipe.zadd(ns.articles(cid), {article_id: score})
            return
        pipe.zrem(ns.articles(cid), article_id)
        for zset in [*counters, ns.names(cid), ns.aliases(cid), ns.mentions]:
            pipe.zremrangebyscore(zset, "-inf", 0)

    def _quote(self, pipe, score: float, quote: dict, sign: int) -> None:
        qid = quote["id"]
        sets = [self.all_quotes, *(self.quote_word(w) for w in quote["words"])]
        if quote["speaker"]:
            sets.append(self.speakers.quotes(quote["speaker"]))
        if sign > 0:
            pipe.set(self.quote_key(qid), json.dumps(quote["data"], ensure_ascii=False))
            for zset in sets:
                pipe.zadd(zset, {qid: score})
        else:
            pipe.delete(self.quote_key(qid))
            for zset in sets:
                pipe.zrem(zset, qid)

    def _casualties(self, pipe, article_id: str, score: float, item: dict, sign: int) -> None:
        if sign > 0:
            pipe.set(self.casualty_key(article_id), json.dumps(item["item"], ensure_ascii=False))
            pipe.zadd(self.casualties_by_date, {article_id: score})
            if item["killed"] is not None:
                pipe.zadd(self.casualties_by_killed, {article_id: item["killed"]})
        else:
            pipe.delete(self.casualty_key(article_id))
            pipe.zrem(self.casualties_by_date, article_id)
            pipe.zrem(self.casualties_by_killed, article_id)

    # -- queries ------------------------------------------------------------

    @translate_redis_errors
    def list_entities(
        self,
        *,
        type: Sequence[str] = (),
        q: str | None = None,
        limit: int = 20,
        cursor: Cursor | None = None,
    ) -> tuple[list[dict], Cursor | None]:
        """One page of canonical entities, most articles first."""
        ns = self.entities
        words = sorted(words_of(q)) if q is not None else []
        if q is not None and not words:
            return [], None
        word_sets = [ns.word(w) for w in words]
        types = sorted({t.upper() for t in type})
        if len(types) > 1:
            ids, next_cursor = self._page_of_types(types, word_sets, limit, cursor)
        else:
            base = ns.by_type(types[0]) if types else ns.rank
            ids, next_cursor = page_by_score(
                self.redis,
                [base, *word_sets],
                limit=limit,
                cursor=cursor,
                superset=None if types else ns.rank,
            )
        return self._entity_items(ids), next_cursor

    def _page_of_types(
        self, types: list[str], word_sets: list[str], limit: int, cursor: Cursor | None
    ) -> tuple[list[str], Cursor | None]:
        """A page over the union of several types: a page of each, merged by article count.

        Each type's own set drives its walk (the words are only probed), so
        every candidate's score is its article count and the pages merge.
        """
        ns = self.entities
        floors = dict.fromkeys(word_sets, 0.0)
        candidates: list[tuple[float, str]] = []
        more = False
        for type_ in types:
            ids, next_cursor = page_by_score(
                self.redis, [ns.by_type(type_)], limit=limit, cursor=cursor, floors=floors
            )
            more = more or next_cursor is not None
            if ids:
                scores = self.redis.zmscore(ns.by_type(type_), ids)
                candidates.extend((s, i) for s, i in zip(scores, ids, strict=True) if s is not None)
        candidates.sort(reverse=True)
        more = more or len(candidates) > limit
        page = candidates[:limit]
        return [i for _, i in page], (Cursor(page[-1][0], page[-1][1]) if more and page else None)

    def _entity_items(self, ids: list[str]) -> list[dict]:
        ns = self.entities
        if not ids:
            return []
        with self.redis.pipeline(transaction=False) as pipe:
            for cid in ids:
                pipe.zscore(ns.rank, cid)
                pipe.zscore(ns.mentions, cid)
                pipe.zrevrange(ns.names(cid), 0, MAX_LISTED_ALIASES, withscores=True)
                pipe.zrevrange(ns.aliases(cid), 0, MAX_LISTED_ALIASES, withscores=True)
            replies = pipe.execute()
        items = []
        for i, cid in enumerate(ids):
            article_count, mentions, names, aliases = replies[4 * i : 4 * i + 4]
            if article_count is None:
                continue  # deleted between the page and this read
            items.append(_entity_item(cid, int(article_count), int(mentions or 0), names, aliases))
        return items

    @translate_redis_errors
    def list_quotes(
        self,
        *,
        speaker: str | None = None,
        q: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 20,
        cursor: Cursor | None = None,
    ) -> tuple[list[dict], Cursor | None]:
        """One page of quotes, newest article first, each article's in text order."""
        filters = [self.all_quotes]
        if speaker is not None:
            cid = self._lookup(self.speakers, speaker)
            if cid is None:
                return [], None
            filters.append(self.speakers.quotes(cid))
        if q is not None:
            words = words_of(q)
            if not words:
                return [], None
            filters.extend(self.quote_word(w) for w in sorted(words))
        ids, next_cursor = page_by_score(
            self.redis,
            filters,
            limit=limit,
            cursor=cursor,
            since=since,
            until=until,
            superset=self.all_quotes,
        )
        return self._json_items([self.quote_key(i) for i in ids]), next_cursor

    @translate_redis_errors
    def list_casualties(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        q: str | None = None,
        min_killed: int | None = None,
        limit: int = 20,
        cursor: Cursor | None = None,
    ) -> tuple[list[dict], Cursor | None]:
        """One page of articles' casualty totals, newest first."""
        filters = [self.casualties_by_date]
        if q is not None:
            words = words_of(q)
            if not words:
                return [], None
            filters.extend(self.keys.by_word(w) for w in sorted(words))
        # "at least 0 killed" excludes nothing, not even reports without a death toll.
        floors = {self.casualties_by_killed: float(min_killed)} if min_killed else None
        ids, next_cursor = page_by_score(
            self.redis,
            filters,
            limit=limit,
            cursor=cursor,
            since=since,
            until=until,
            floors=floors,
        )
        return self._json_items([self.casualty_key(i) for i in ids]), next_cursor

    @translate_redis_errors
    def stats(self) -> dict[str, int]:
        """Sizes of the corpus indexes (for `flask newsfacts stats`)."""
        with self.redis.pipeline(transaction=False) as pipe:
            for key in (
                self.entities.rank,
                self.speakers.rank,
                self.all_quotes,
                self.casualties_by_date,
            ):
                pipe.zcard(key)
            entities, speakers, quotes, casualties = pipe.execute()
        return {
            "entities": entities,
            "speakers": speakers,
            "quotes": quotes,
            "casualty_reports": casualties,
        }

    def _json_items(self, keys: list[str]) -> list[dict]:
        if not keys:
            return []
        return [json.loads(raw) for raw in self.redis.mget(keys) if raw is not None]

    @translate_redis_errors
    def entity_article_set(self, name: str) -> str | None:
        """Key of the article-id set of the entity `name` names (exact name, else alias), or None.

        Its scores are the article sort scores, so it filters `page_by_score` listings.
        """
        cid = self._lookup(self.entities, name)
        return None if cid is None else self.entities.articles(cid)

    @translate_redis_errors
    def speaker_article_set(self, name: str) -> str | None:
        """Key of the article-id set of the speaker `name` names (see entity_article_set)."""
        cid = self._lookup(self.speakers, name)
        return None if cid is None else self.speakers.articles(cid)

    def _lookup(self, ns: CanonicalKeys, name: str) -> str | None:
        """The canonical id a name finds: exactly that name first, else an alias.

        Among several, the one in most articles (`name` has no type to tell them apart).
        """
        key = entity_key(name)
        if not key:
            return None
        with self.redis.pipeline(transaction=False) as pipe:
            pipe.zrevrange(ns.name(key), 0, 0)
            pipe.zrevrange(ns.alias(key), 0, 0)
            exact, aliased = pipe.execute()
        best = exact or aliased
        return best[0].decode() if best else None


# -- helpers -------------------------------------------------------------------


def _part(parts: Mapping[str, bytes], name: str) -> dict:
    body = parts.get(name)
    return json.loads(body) if body else {}


def _speaker_mention(speaker: Mapping | None) -> _Mention | None:
    if not speaker or not entity_key(speaker.get("name") or ""):
        return None
    mention = speaker.get("mention")
    return _Mention(speaker["name"], speaker["type"], [mention] if mention else [])


def _fuller(cid: str, key: str) -> bool:
    """Whether a thing's key is a fuller name than `key` (more words, then longer)."""
    own = split_id(cid)[1]
    return own != key and (len(own.split()), len(own), own) > (len(key.split()), len(key), key)


def _contributions(
    mentions: list[_Mention], ids: Mapping[tuple[str, str], str], *, count_mentions: bool
) -> list[dict]:
    """Group an article's mentions by canonical id: one contribution per thing."""
    grouped: dict[str, _Contribution] = {}
    for m in mentions:
        cid = ids.get((m.type, m.key))
        if cid is None:
            continue
        type_, key = split_id(cid)
        c = grouped.setdefault(cid, _Contribution(cid))
        c.mentions += m.mentions if count_mentions else 0
        for spelling in [m.name, *m.aliases]:
            (c.names if entity_key(spelling) == key else c.aliases).add(spelling)
        c.alias_keys |= alias_keys_of(type_, [m.name, *m.aliases]) - {key}
        c.words |= words_of(key) | {w for k in c.alias_keys for w in words_of(k)}
    return [grouped[cid].as_record() for cid in sorted(grouped)]


def _quote_record(meta: Mapping, index: int, quote: Mapping) -> dict:
    """A quote as the corpus lists it; its speaker's canonical id is set by resolution."""
    article = {
        "article_id": meta["id"],
        "published_at": meta.get("published_at"),
        "title": meta.get("title"),
        "source": meta.get("source"),
    }
    return {
        "id": f"{meta['id']}:{QUOTE_SLOTS - 1 - index:04d}",
        "speaker": None,
        "words": sorted(words_of(quote["text"])),
        "data": {**quote, **article},
    }


def _casualty_record(meta: Mapping, totals: Mapping) -> dict | None:
    if not any(totals.get(k) for k in totals):
        return None
    killed = totals.get("killed")
    item = {
        "article_id": meta["id"],
        "title": meta.get("title"),
        "source": meta.get("source"),
        "published_at": meta.get("published_at"),
        "totals": dict(totals),
    }
    low = None
    if killed:
        low = killed["min"] if killed.get("min") is not None else killed["value"]
    return {"item": item, "killed": low}


def _entity_item(cid: str, article_count: int, mentions: int, names, aliases) -> dict:
    """An entity as listed: its most used full name, and its other names as aliases."""
    type_, key = split_id(cid)
    spellings = [(s, n.decode()) for n, s in names]
    other = [(s, a.decode()) for a, s in aliases]
    ranked = sorted(spellings, key=lambda p: (-p[0], -len(p[1]), p[1]))
    display = ranked[0][1] if ranked else (other[0][1] if other else key)
    listed = [n for _, n in ranked[1:]] + [a for _, a in other if a != display]
    return {
        "name": display,
        "type": type_,
        "article_count": article_count,
        "mentions": mentions,
        "aliases": listed[:MAX_LISTED_ALIASES],
    }
