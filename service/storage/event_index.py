"""Events: one incident across the articles reporting it, regrouped as reports come and go.

Grouping is a function of the stored reports, not of the order they arrived in
(`event_groups`): an article's report is written in its own transaction with
its place keys and marked unsettled; `settle` then recomputes the groups of
every report linked to it, under a lock, and moves the reports whose event
changed. Deleting a report marks its event's other reports unsettled, so an
event that it alone held together splits. An event's id is its earliest
report's; an id that stops naming an event (merged away, or its earliest report
deleted) is kept in `aliases` pointing to the event that holds its reports.
Layout under ``{prefix}events:``:

- ``record:{article_id}``         JSON of the article's report and its event (null until settled)
- ``at:{family}:{place_key}``     zset article id -> incident day (-1: undated): reports of
                                  that kind naming that place, searched for links
- ``unsettled``                   set of article ids and "e:{event id}" to regroup
- ``aliases``                     hash old event id -> the event id holding its reports
- ``last``                        zset event id -> sort score of its latest report
- ``killed``                      zset event id -> lower bound of its latest killed figure
- ``word:{word}``                 zset event id -> reports giving it that word (for `q`)
- ``e:{id}:articles``             zset article id -> sort score
- ``e:{id}:stated:{category}``    zset article id -> report time, the larger figure breaking
                                  ties: the top member states the latest figure
- ``e:{id}:killed_low``           hash article id -> lower bound of its killed figure
- ``e:{id}:{kinds,facilities,localities,scene,area,hints,dates}``  zset name -> reports naming it

Counters are sorted-set scores moved with ZINCRBY and dropped at 0, as in the
corpus index. `last` and `killed` depend on which report is latest, so a small
Lua script queued in the same MULTI recomputes them from the event's sets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import cast

import redis

from service.nlp import places as geo
from service.nlp.incident_dates import incident_date
from service.nlp.incidents import (
    KINDS,
    EventScene,
    Incident,
    event_label,
    incident_of,
    is_country,
)
from service.storage import settling
from service.storage.article_store import sort_score, words_of
from service.storage.errors import translate_redis_errors
from service.storage.event_groups import WINDOW_SECONDS, Report, group, link
from service.storage.keys import Keys
from service.storage.paging import Cursor, page_by_score
from service.timestamps import parse_stored

CATEGORIES = ("killed", "injured", "missing")
# Beyond this many reports per place key in one window, the oldest are not compared.
MAX_CANDIDATES_PER_KEY = 200
# A regrouping looks at no more reports than this (a runaway chain of links stops here).
MAX_COMPONENT = 1000
UNDATED = -1.0
_FIGURE_SLOTS = 2**20
_NAME_SETS = ("kinds", "facilities", "localities", "scene", "area", "hints", "dates")
_LABEL_SETS = ("kinds", "facilities", "localities", "dates")
UNASSIGNED = b'{"event": null}'
_ALIAS_HOPS = 8
_SEEDS_PER_ROUND = 200

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


class EventIndex:
    """Events, written with the article and regrouped by `settle` right after."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.redis = client
        self.last = keys.events_last
        self.killed = keys.events_killed
        self.record_key = keys.events_record
        self.place_key = keys.events_place
        self.word_key = keys.events_word
        self.event_key = keys.event
        self.unsettled = keys.events_unsettled
        self.aliases = keys.events_aliases
        self.lock_key = keys.events_lock

    def stated_key(self, event_id: str, category: str) -> str:
        return self.event_key(event_id, f"stated:{category}")

    # -- building an article's record ------------------------------------

    def prepare(self, meta: Mapping, parts: Mapping[str, bytes], text: str = "") -> bytes:
        """The article's report (not yet in an event); UNASSIGNED when it reports no incident."""
        totals = (_part(parts, "casualties").get("totals")) or {}
        if not any(totals.get(c) for c in CATEGORIES):
            return UNASSIGNED
        incident = incident_of(parts, title=meta.get("title"), text=text)
        if incident is None:
            return UNASSIGNED
        published = parse_stored(meta.get("published_at"))
        dated = incident_date(text, published.date() if published else None)
        day = dated.day if dated else None
        return json.dumps(
            _record(meta, published, day, incident, totals), ensure_ascii=False
        ).encode()

    # -- writing and erasing (queued on the article's MULTI pipeline) ----

    def write(self, pipe: redis.client.Pipeline, article_id: str, record: bytes) -> None:
        """Queue the commands storing the article's report; `settle` places it in an event."""
        data = json.loads(record)
        if "family" not in data:
            return
        pipe.set(self.record_key(article_id), record)
        for key in data["keys"]:
            pipe.zadd(self.place_key(data["family"], key), {article_id: _day_score(data)})
        if data["event"] is not None:
            self._apply_event(pipe, article_id, data, data["event"], +1)
        pipe.sadd(self.unsettled, article_id)

    def erase(self, pipe: redis.client.Pipeline, article_id: str, record: bytes) -> None:
        """Queue the commands undoing exactly what `write` and `settle` added for this record."""
        data = json.loads(record)
        if "family" not in data:
            return
        pipe.delete(self.record_key(article_id))
        for key in data["keys"]:
            pipe.zrem(self.place_key(data["family"], key), article_id)
        pipe.srem(self.unsettled, article_id)
        if data["event"] is not None:
            self._apply_event(pipe, article_id, data, data["event"], -1)
            pipe.sadd(self.unsettled, f"e:{data['event']}")

    def _apply_event(self, pipe, article_id: str, record: dict, eid: str, sign: int) -> None:
        """Add (+1) or take (-1) the report's contributions to event `eid`."""
        score = record["score"]
        members = {
            self.event_key(eid, "articles"): score,
            **{self.stated_key(eid, c): s for c, s in record["stated"].items()},
        }
        counters = [(self.word_key(w), eid) for w in record["words"]]
        for name in _NAME_SETS:
            counters += [(self.event_key(eid, name), n) for n in record["names"].get(name, [])]
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

    # -- regrouping -----------------------------------------------------------

    def settle(self) -> None:
        """Regroup the reports written or orphaned since the last settle.

        Called after every article transaction; a failure leaves the marks in
        `unsettled` for the next call, so an outage delays grouping, never loses it.
        """
        settling.settle(
            self.redis,
            lock_key=self.lock_key,
            unsettled_key=self.unsettled,
            handle=self._settle_round,
            per_round=_SEEDS_PER_ROUND,
            what="event regrouping",
        )

    def _settle_round(self, seeds: Sequence[str]) -> None:
        start: set[str] = set()
        for seed in seeds:
            if seed.startswith("e:"):
                members = cast(
                    "list[bytes]", self.redis.zrange(self.event_key(seed[2:], "articles"), 0, -1)
                )
                start.update(m.decode() for m in members)
            else:
                start.add(seed)
        records = self._component(start)
        with self.redis.pipeline(transaction=True) as pipe:
            while True:
                try:
                    keys = [self.record_key(a) for a in sorted(records)]
                    if keys:
                        pipe.watch(*keys)
                        raws = cast("list[bytes | None]", pipe.mget(keys))
                        current = {
                            a: json.loads(raw)
                            for a, raw in zip(sorted(records), raws, strict=True)
                            if raw is not None
                        }
                    else:
                        current = {}
                    assignment = group([_report(a, r) for a, r in current.items()])
                    pipe.multi()
                    self._move(pipe, current, assignment)
                    pipe.execute()
                    return
                except redis.WatchError:
                    records = self._component(start)

    def _move(self, pipe, records: Mapping[str, dict], assignment: Mapping[str, str]) -> None:
        """Queue the moves of reports whose event changed, and the aliases of ids that went."""
        held: dict[str, dict[str, int]] = {}
        for article_id, record in sorted(records.items()):
            old, new = record["event"], assignment[article_id]
            if old is not None:
                counts = held.setdefault(old, {})
                counts[new] = counts.get(new, 0) + 1
            if old == new:
                continue
            if old is not None:
                self._apply_event(pipe, article_id, record, old, -1)
            moved = {**record, "event": new}
            pipe.set(self.record_key(article_id), json.dumps(moved, ensure_ascii=False))
            self._apply_event(pipe, article_id, moved, new, +1)
        live = set(assignment.values())
        for old, counts in sorted(held.items()):
            if old not in live:
                pipe.hset(self.aliases, old, max(sorted(counts), key=lambda n: counts[n]))
        if live:
            pipe.hdel(self.aliases, *sorted(live))

    def _component(self, start: Iterable[str]) -> dict[str, dict]:
        """The records of every report linked, directly or not, to one of `start`."""
        records: dict[str, dict] = {}
        fresh = self._records(sorted(set(start)))
        while fresh and len(records) < MAX_COMPONENT:
            records.update(fresh)
            candidates = self._candidates(fresh.values()) - records.keys()
            found = self._records(sorted(candidates))
            ours = [_report(a, r) for a, r in fresh.items()]
            # Each record is read once: the linked ones are the next round's reports.
            fresh = {c: r for c, r in found.items() if _linked(_report(c, r), ours)}
        return records

    def _records(self, article_ids: Sequence[str]) -> dict[str, dict]:
        if not article_ids:
            return {}
        raws = cast(
            "list[bytes | None]", self.redis.mget([self.record_key(a) for a in article_ids])
        )
        loaded = {a: json.loads(raw) for a, raw in zip(article_ids, raws, strict=True) if raw}
        # A record written before regrouping existed (no "scene") waits for `reanalyze`.
        return {a: r for a, r in loaded.items() if "scene" in r}

    def _candidates(self, records: Iterable[dict]) -> set[str]:
        """Reports of the same kind family naming one of the places, dated near or undated."""
        with self.redis.pipeline(transaction=False) as pipe:
            for record in records:
                time = record["time"]
                for key in record["keys"]:
                    place = self.place_key(record["family"], key)
                    if time is None:
                        pipe.zrevrange(place, 0, MAX_CANDIDATES_PER_KEY - 1)
                    else:
                        pipe.zrevrangebyscore(
                            place,
                            time + WINDOW_SECONDS,
                            time - WINDOW_SECONDS,
                            start=0,
                            num=MAX_CANDIDATES_PER_KEY,
                        )
                        pipe.zrangebyscore(place, UNDATED, UNDATED)
            replies = pipe.execute()
        return {m.decode() for members in replies for m in members}

    # -- aliases ----------------------------------------------------------------

    @translate_redis_errors
    def current_id(self, event_id: str) -> str | None:
        """The id now holding the reports of an event id that was merged away, or None."""
        seen = {event_id}
        current = event_id
        for _ in range(_ALIAS_HOPS):
            target = cast("bytes | None", self.redis.hget(self.aliases, current))
            if target is None:
                break
            current = target.decode()
            if current in seen:
                break
            seen.add(current)
        if current == event_id or not self.redis.exists(self.event_key(current, "articles")):
            return None
        return current

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
                # The first dated report (an undated one without an incident day scores 0).
                pipe.zrangebyscore(articles, "(0", "+inf", start=0, num=1)
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
    published: datetime | None,
    day: date | None,
    incident: Incident,
    totals: Mapping,
) -> dict:
    article_id = str(meta["id"])
    time = datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() if day else None
    # A report's place among the event's: published, else its incident's day, else last.
    moment = published or (datetime.fromtimestamp(time, UTC) if time is not None else None)
    stated = {
        # Latest report first; on the same timestamp the larger figure (tolls rise).
        c: (int(moment.timestamp()) if moment else 0)
        + min(_lower_bound(t), _FIGURE_SLOTS - 1) / _FIGURE_SLOTS
        for c, t in totals.items()
        if c in CATEGORIES and t
    }
    killed = totals.get("killed")
    scene = incident.scene_of()
    names = {
        "kinds": [incident.kind],
        "facilities": [incident.facility] if incident.facility else [],
        "localities": [incident.locality] if incident.locality else [],
        "scene": sorted(set(incident.scene)),
        "area": sorted(set(incident.area)),
        "hints": sorted(set(incident.hints)),
        "dates": [day.isoformat()] if day else [],
    }
    label_names = [incident.kind, *names["facilities"], *names["localities"], *names["scene"]]
    return {
        "event": None,
        "score": sort_score(article_id, moment) if moment else 0.0,
        "time": time,
        "family": incident.family,
        "keys": sorted(
            incident.keys | incident.hint_keys | _facility_prefixes(scene) | _geo_keys(scene)
        ),
        "scene": {
            "facilities": sorted(scene.facilities),
            "scene": sorted(scene.scene),
            "area": sorted(scene.area),
            "hints": sorted(scene.hints),
            "countries": sorted(scene.countries),
            "lead": sorted(scene.lead),
        },
        "names": names,
        "words": sorted(set().union(*(words_of(n) for n in label_names))),
        "stated": stated,
        "killed_low": _lower_bound(killed) if killed else None,
        "report": {
            "article_id": meta["id"],
            "published_at": meta.get("published_at"),
            "incident_date": day.isoformat() if day else None,
            "source": meta.get("source"),
            "totals": {
                c: ({"value": t["value"], "qualifier": t["qualifier"]} if t else None)
                for c, t in ((c, totals.get(c)) for c in CATEGORIES)
            },
        },
    }


def _facility_prefixes(scene: EventScene) -> set[str]:
    """A venue is also found by its first two words ("crocus city" of "crocus city hall")."""
    return {" ".join(f.split()[:2]) for f in scene.facilities if len(f.split()) > 2}


def _geo_keys(scene: EventScene) -> set[str]:
    """Keys that find reports placed nearby (grid cells) or, for a vague one, in its country."""
    keys = {f"country:{c}" for c in scene.countries}
    for key in scene.scene:
        located = geo.locate(key, scene.countries)
        if located is not None:
            keys.update(geo.cells(located))
    return keys


def _linked(report: Report, others: Sequence[Report]) -> bool:
    return any(link(report, other) for other in others)


def _report(article_id: str, record: Mapping) -> Report:
    scene = record["scene"]
    return Report(
        article_id,
        record["family"],
        record["time"],
        EventScene(
            frozenset(scene["facilities"]),
            frozenset(scene["scene"]),
            frozenset(scene["area"]),
            frozenset(scene["hints"]),
            frozenset(scene.get("countries", ())),
            frozenset(scene.get("lead", ())),
        ),
        record["score"] or None,
    )


def _day_score(record: Mapping) -> float:
    return UNDATED if record["time"] is None else float(record["time"])


def _report_order(record: Mapping) -> tuple[float, int]:
    """Publication order (undated reports by their incident's day, else last); reports
    of the same time by their killed figure (tolls rise)."""
    low = record["killed_low"]
    return int(record["score"]) or float("inf"), -1 if low is None else low


def _timeline_entry(report: Mapping) -> dict:
    keys = ("article_id", "published_at", "source", "totals")
    day = report.get("incident_date")
    return {**{k: report.get(k) for k in keys}, "incident_date": _day(day)}


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _event_item(event_id: str, chunk: list, records: Mapping[str, dict]) -> dict | None:
    count, first, last = chunk[0], chunk[1] or chunk[2], chunk[2]
    stated = chunk[3 : 3 + len(CATEGORIES)]
    kinds, facilities, localities, dates = (dict(_counted(z)) for z in chunk[3 + len(CATEGORIES) :])
    first_record = records.get(first[0].decode()) if first else None
    last_record = records.get(last[0].decode()) if last else None
    if not count or first_record is None or last_record is None:
        return None
    kind = max(kinds, key=lambda k: (kinds[k], -_kind_rank(k)), default="incident")
    facility = _agreed(facilities, int(count))
    place = _agreed(localities, int(count), at_least=1)
    # The incident's day: the earliest its reports give (a later report dates its update).
    day = _day(min(dates, default=None))
    return {
        "id": event_id,
        "label": event_label(kind, facility, place, day),
        "kind": kind,
        "place": place,
        "incident_date": day,
        "first_reported": first_record["report"]["published_at"],
        "last_reported": last_record["report"]["published_at"],
        "article_count": int(count),
        "totals": {
            category: _event_total(category, top, records)
            for category, top in zip(CATEGORIES, stated, strict=True)
        },
    }


def _agreed(named: Mapping[str, float], reports: int, at_least: int = 2) -> str | None:
    """The place most reports name (a town before a country; the spelling most use),
    if at least `at_least` of them do (any, for an event of one report)."""
    by_place: dict[str, float] = {}
    for name, count in named.items():
        key = geo.place_key(name)
        by_place[key] = by_place.get(key, 0.0) + count
    best = max(by_place, key=lambda k: (not is_country(k), by_place[k], k), default=None)
    if best is None or by_place[best] < min(at_least, reports):
        return None
    spellings = [n for n in named if geo.place_key(n) == best]
    return max(spellings, key=lambda n: (named[n], n))


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
