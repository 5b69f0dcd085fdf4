"""Events: one incident across the articles reporting it, grouped as they are ingested.

An article with non-historical casualty totals and a clear incident (a kind
and a place, see `nlp.incidents`) joins the event whose reports of the same kind
name the same place within `WINDOW` of it; otherwise it starts a new event.
Nothing is ever regrouped: each article's choice is made once, in `prepare`,
against the events as they are then. Layout under ``{prefix}events:``:

- ``record:{article_id}``         JSON of the article's report and its event (what `write` added)
- ``at:{family}:{place_key}``     zset article id -> sort score: reports of that kind naming
                                  that place, searched by time window for candidates
- ``last``                        zset event id -> sort score of its latest report
- ``killed``                      zset event id -> lower bound of its latest killed figure
- ``word:{word}``                 zset event id -> reports giving it that word (for `q`)
- ``e:{id}:articles``             zset article id -> sort score
- ``e:{id}:stated:{category}``    zset article id -> report time, the larger figure breaking
                                  ties: the top member states the latest figure
- ``e:{id}:killed_low``           hash article id -> lower bound of its killed figure
- ``e:{id}:{kinds,facilities,localities,scene,area,hints}``  zset name -> reports naming it

Counters are sorted-set scores moved with ZINCRBY and dropped at 0, as in the
corpus index. `last` and `killed` depend on which report is latest, so a small
Lua script queued in the same MULTI recomputes them from the event's sets: the
deleting transaction still sends only commands, and the event vanishes from
every key with its last article.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import cast

import redis

from service.nlp.entities import entity_key
from service.nlp.incidents import (
    KINDS,
    EventScene,
    Incident,
    event_label,
    incident_of,
    is_country,
    match_strength,
)
from service.storage.article_store import sort_score, words_of
from service.storage.errors import translate_redis_errors
from service.storage.keys import Keys
from service.storage.paging import Cursor, page_by_score
from service.timestamps import parse_stored

WINDOW_SECONDS = 7 * 24 * 3600
CATEGORIES = ("killed", "injured", "missing")
# Beyond this many reports per place key in one window, the oldest are not compared.
MAX_CANDIDATES_PER_KEY = 200
_FIGURE_SLOTS = 2**20
_NAME_SETS = ("kinds", "facilities", "localities", "scene", "area", "hints")
_LABEL_SETS = ("kinds", "facilities", "localities")
_SCENE_SETS = ("facilities", "localities", "scene", "area", "hints")
UNASSIGNED = b'{"event": null}'

# Recompute an event's place in `last` and `killed` from its own sets.
# KEYS: articles, stated:killed, killed_low, last, killed. ARGV: event id.
_REFRESH = """
local latest = redis.call('ZREVRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #latest == 0 then
  redis.call('ZREM', KEYS[4], ARGV[1])
  redis.call('ZREM', KEYS[5], ARGV[1])
  return 0
end
redis.call('ZADD', KEYS[4], latest[2], ARGV[1])
local killed = redis.call('ZREVRANGE', KEYS[2], 0, 0)
local low = killed[1] and redis.call('HGET', KEYS[3], killed[1])
if low then
  redis.call('ZADD', KEYS[5], low, ARGV[1])
else
  redis.call('ZREM', KEYS[5], ARGV[1])
end
return 1
"""


def event_id_for(article_id: str) -> str:
    """The id of an event an article starts (the same article always starts the same one)."""
    return hashlib.sha256(f"event:{article_id}".encode()).hexdigest()[:16]


class EventIndex:
    """Events, written and erased in the article's own transaction."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.redis = client
        self.last = keys.events_last
        self.killed = keys.events_killed
        self.record_key = keys.events_record
        self.place_key = keys.events_place
        self.word_key = keys.events_word
        self.event_key = keys.event

    def stated_key(self, event_id: str, category: str) -> str:
        return self.event_key(event_id, f"stated:{category}")

    # -- building an article's record ------------------------------------

    @translate_redis_errors
    def prepare(self, meta: Mapping, parts: Mapping[str, bytes]) -> bytes:
        """The article's report and the event it joins (or starts); UNASSIGNED when none."""
        totals = (_part(parts, "casualties").get("totals")) or {}
        if not any(totals.get(c) for c in CATEGORIES):
            return UNASSIGNED
        incident = incident_of(parts, title=meta.get("title"))
        if incident is None:
            return UNASSIGNED
        article_id = str(meta["id"])
        when = meta.get("published_at") or meta["ingested_at"]
        # A stored article always has a timestamp, so it parses to a datetime.
        moment = cast("datetime", parse_stored(when))
        score = sort_score(article_id, moment)
        event_id = self._event_to_join(incident, score) or event_id_for(article_id)
        return json.dumps(
            _record(meta, when, score, moment, event_id, incident, totals), ensure_ascii=False
        ).encode()

    def _event_to_join(self, incident: Incident, score: float) -> str | None:
        """The best matching event among those with a same-kind report at a shared place."""
        keys = sorted(incident.keys | incident.hint_keys)
        with self.redis.pipeline(transaction=False) as pipe:
            for key in keys:
                pipe.zrevrangebyscore(
                    self.place_key(incident.family, key),
                    score + WINDOW_SECONDS,
                    score - WINDOW_SECONDS,
                    start=0,
                    num=MAX_CANDIDATES_PER_KEY,
                    withscores=True,
                )
            found = pipe.execute()
        latest: dict[str, float] = {}
        for member, member_score in (pair for pairs in found for pair in pairs):
            latest[member.decode()] = max(member_score, latest.get(member.decode(), 0.0))
        if not latest:
            return None
        records = self.redis.mget([self.record_key(a) for a in latest])
        events: dict[str, float] = {}
        for article_id, raw in zip(latest, records, strict=True):
            event_id = json.loads(raw)["event"] if raw else None
            if event_id:
                events[event_id] = max(latest[article_id], events.get(event_id, 0.0))
        scenes = self._scenes(sorted(events))
        ranked = [
            (match_strength(incident, scene), len(incident.keys & scene.area), events[eid], eid)
            for eid, scene in scenes.items()
        ]
        best = max(ranked, default=None)
        return best[3] if best and best[0] > 0 else None

    def _scenes(self, event_ids: Sequence[str]) -> dict[str, EventScene]:
        with self.redis.pipeline(transaction=False) as pipe:
            for eid in event_ids:
                for name in _SCENE_SETS:
                    pipe.zrange(self.event_key(eid, name), 0, -1)
            replies = pipe.execute()
        scenes = {}
        size = len(_SCENE_SETS)
        for i, eid in enumerate(event_ids):
            facilities, localities, scene, area, hints = (
                frozenset(entity_key(n.decode()) for n in names)
                for names in replies[size * i : size * (i + 1)]
            )
            scenes[eid] = EventScene(facilities, localities | scene, area, hints)
        return scenes

    # -- writing and erasing (queued on the article's MULTI pipeline) ----

    def write(self, pipe: redis.client.Pipeline, article_id: str, record: bytes) -> None:
        """Queue the commands adding the article to its event."""
        data = json.loads(record)
        if data["event"] is None:
            return
        pipe.set(self.record_key(article_id), record)
        self._apply(pipe, article_id, data, +1)

    def erase(self, pipe: redis.client.Pipeline, article_id: str, record: bytes) -> None:
        """Queue the commands undoing exactly what `write` added for this record."""
        data = json.loads(record)
        if data["event"] is None:
            return
        pipe.delete(self.record_key(article_id))
        self._apply(pipe, article_id, data, -1)

    def _apply(self, pipe, article_id: str, record: dict, sign: int) -> None:
        eid, score = record["event"], record["score"]
        members = {
            self.event_key(eid, "articles"): score,
            **{self.place_key(record["family"], k): score for k in record["keys"]},
            **{self.stated_key(eid, c): s for c, s in record["stated"].items()},
        }
        counters = [(self.word_key(w), eid) for w in record["words"]]
        for name in _NAME_SETS:
            counters += [(self.event_key(eid, name), n) for n in record["names"][name]]
        low_key = self.event_key(eid, "killed_low")
        for zset, member_score in members.items():
            if sign > 0:
                pipe.zadd(zset, {article_id: member_score})
            else:
                pipe.zrem(zset, article_id)
        for zset, member in counters:
            pipe.zincrby(zset, sign, member)
            if sign < 0:
                pipe.zremrangebyscore(zset, "-inf", 0)
        if record["killed_low"] is not None:
            if sign > 0:
                pipe.hset(low_key, article_id, record["killed_low"])
            else:
                pipe.hdel(low_key, article_id)
        refresh_keys = [
            self.event_key(eid, "articles"),
            self.stated_key(eid, "killed"),
            low_key,
            self.last,
            self.killed,
        ]
        pipe.eval(_REFRESH, len(refresh_keys), *refresh_keys, eid)

    # -- queries ------------------------------------------------------------

    @translate_redis_errors
    def list_events(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        q: str | None = None,
        min_killed: int | None = None,
        limit: int = 20,
        cursor: Cursor | None = None,
    ) -> tuple[list[dict], Cursor | None]:
        """One page of events, the most recently reported first."""
        floors: dict[str, float] = {}
        if q is not None:
            words = words_of(q)
            if not words:
                return [], None
            floors.update({self.word_key(w): 1.0 for w in sorted(words)})
        # "at least 0 killed" excludes nothing, not even events without a death toll.
        if min_killed:
            floors[self.killed] = float(min_killed)
        ids, next_cursor = page_by_score(
            self.redis,
            [self.last],
            limit=limit,
            cursor=cursor,
            since=since,
            until=until,
            floors=floors,
        )
        return [e for e in self._events(ids) if e is not None], next_cursor

    @translate_redis_errors
    def get_event(self, event_id: str) -> dict | None:
        """One event with its article ids and the timeline of its reports, or None."""
        members = cast(
            "list[bytes]", self.redis.zrange(self.event_key(event_id, "articles"), 0, -1)
        )
        article_ids = [a.decode() for a in members]
        if not article_ids:
            return None
        raws = self.redis.mget([self.record_key(a) for a in article_ids])
        records = sorted((json.loads(raw) for raw in raws if raw is not None), key=_report_order)
        event = self._events([event_id])[0]
        if event is None or not records:
            return None  # deleted between the reads
        return {
            **event,
            "article_ids": [r["report"]["article_id"] for r in records],
            "timeline": [_timeline_entry(r["report"]) for r in records],
        }

    def _events(self, event_ids: Sequence[str]) -> list[dict | None]:
        """The list items of events (None for one deleted meanwhile), in a few round trips."""
        if not event_ids:
            return []
        per_event = 3 + len(CATEGORIES) + len(_LABEL_SETS)
        with self.redis.pipeline(transaction=False) as pipe:
            for eid in event_ids:
                articles = self.event_key(eid, "articles")
                pipe.zcard(articles)
                pipe.zrange(articles, 0, 0)
                pipe.zrevrange(articles, 0, 0)
                for category in CATEGORIES:
                    pipe.zrevrange(self.stated_key(eid, category), 0, 0)
                for name in _LABEL_SETS:
                    pipe.zrange(self.event_key(eid, name), 0, -1, withscores=True)
            replies = pipe.execute()
        chunks = [replies[i * per_event : (i + 1) * per_event] for i in range(len(event_ids))]
        wanted = sorted(
            {m.decode() for c in chunks for ids in c[1 : 3 + len(CATEGORIES)] for m in ids}
        )
        records = {
            a: json.loads(raw)
            for a, raw in zip(
                wanted,
                self.redis.mget([self.record_key(a) for a in wanted]) if wanted else [],
                strict=True,
            )
            if raw is not None
        }
        return [
            _event_item(eid, chunk, records) for eid, chunk in zip(event_ids, chunks, strict=True)
        ]


# -- helpers -------------------------------------------------------------------


def _part(parts: Mapping[str, bytes], name: str) -> dict:
    body = parts.get(name)
    return json.loads(body) if body else {}


def _lower_bound(total: Mapping) -> int:
    return total["min"] if total.get("min") is not None else total["value"]


def _record(
    meta: Mapping,
    when: str,
    score: float,
    moment: datetime,
    event_id: str,
    incident: Incident,
    totals: Mapping,
) -> dict:
    stated = {
        # Latest report first; on the same timestamp the larger figure (tolls rise).
        c: int(moment.timestamp()) + min(_lower_bound(t), _FIGURE_SLOTS - 1) / _FIGURE_SLOTS
        for c, t in totals.items()
        if c in CATEGORIES and t
    }
    killed = totals.get("killed")
    names = {
        "kinds": [incident.kind],
        "facilities": [incident.facility] if incident.facility else [],
        "localities": [incident.locality] if incident.locality else [],
        "scene": sorted(set(incident.scene)),
        "area": sorted(set(incident.area)),
        "hints": sorted(set(incident.hints)),
    }
    label_names = [incident.kind, *names["facilities"], *names["localities"], *names["scene"]]
    return {
        "event": event_id,
        "score": score,
        "family": incident.family,
        "keys": sorted(incident.keys | incident.hint_keys),
        "names": names,
        "words": sorted(set().union(*(words_of(n) for n in label_names))),
        "stated": stated,
        "killed_low": _lower_bound(killed) if killed else None,
        "report": {
            "article_id": meta["id"],
            "published_at": when,
            "source": meta.get("source"),
            "totals": {
                c: ({"value": t["value"], "qualifier": t["qualifier"]} if t else None)
                for c, t in ((c, totals.get(c)) for c in CATEGORIES)
            },
        },
    }


def _report_order(record: Mapping) -> tuple[int, int]:
    """Publication order; reports of the same time by their killed figure (tolls rise)."""
    low = record["killed_low"]
    return int(record["score"]), -1 if low is None else low


def _timeline_entry(report: Mapping) -> dict:
    return {k: report[k] for k in ("article_id", "published_at", "source", "totals")}


def _event_item(event_id: str, chunk: list, records: Mapping[str, dict]) -> dict | None:
    count, first, last = chunk[0], chunk[1], chunk[2]
    stated = chunk[3 : 3 + len(CATEGORIES)]
    kinds, facilities, localities = (dict(_counted(z)) for z in chunk[3 + len(CATEGORIES) :])
    first_record = records.get(first[0].decode()) if first else None
    last_record = records.get(last[0].decode()) if last else None
    if not count or first_record is None or last_record is None:
        return None
    kind = max(kinds, key=lambda k: (kinds[k], -_kind_rank(k)), default="incident")
    facility = max(facilities, key=lambda n: (facilities[n], n), default=None)
    place = max(localities, key=lambda n: (not is_country(n), localities[n], n), default=None)
    first_reported = first_record["report"]["published_at"]
    return {
        "id": event_id,
        # A report's published_at is the article's `when` in `prepare`: never empty.
        "label": event_label(kind, facility, place, cast("datetime", parse_stored(first_reported))),
        "kind": kind,
        "place": place,
        "first_reported": first_reported,
        "last_reported": last_record["report"]["published_at"],
        "article_count": int(count),
        "totals": {
            category: _event_total(category, top, records)
            for category, top in zip(CATEGORIES, stated, strict=True)
        },
    }


def _event_total(category: str, top: list, records: Mapping[str, dict]) -> dict | None:
    record = records.get(top[0].decode()) if top else None
    total = record["report"]["totals"].get(category) if record else None
    if record is None or total is None:
        return None
    report = record["report"]
    return {**total, "article_id": report["article_id"], "source": report["source"]}


def _counted(pairs) -> list[tuple[str, float]]:
    return [(name.decode(), score) for name, score in pairs]


def _kind_rank(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)
