"""Background job records: what a batch holds, and what has been acknowledged.

A job is `job:{id}` (a hash of counters and fields), `job:{id}:items` (the
payloads not yet acknowledged, a hash by item index), `job:{id}:acked`
(indexes already stored), `job:{id}:ids` (article ids in acknowledgement
order) and `job:{id}:errors`. An item is acknowledged only after its article
is stored, and at most once (a Lua script makes "add to acked, count,
remember the id, drop the payload" one atomic step), so a job re-run after a
crash finishes the rest without counting anything twice, and no copy of an
article's text outlives its acknowledgement (a deleted article leaves none
behind in the job).
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import redis

from service.storage.errors import translate_redis_errors
from service.storage.keys import Keys

JOB_TTL = 7 * 24 * 3600

# KEYS: job hash, acked set, ids list, items hash; ARGV: index, article id (or ""), ttl
_ACK = """
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[1], 'done', 1)
if ARGV[2] ~= '' then redis.call('RPUSH', KEYS[3], ARGV[2]) end
redis.call('HDEL', KEYS[4], ARGV[1])
for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[3]) end
return 1
"""

# KEYS: job hash, acked set, errors list, items hash; ARGV: index, error json, ttl
_FAIL = """
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[1], 'failed', 1)
redis.call('RPUSH', KEYS[3], ARGV[2])
redis.call('HDEL', KEYS[4], ARGV[1])
for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[3]) end
return 1
"""


@dataclass(frozen=True)
class JobRecord:
    id: str
    kind: str
    total: int
    done: int
    failed: int
    created_at: float
    rq_id: str | None
    article_ids: list[str]
    errors: list[dict]


class JobStore:
    """Create jobs, acknowledge their items, and read their progress."""

    def __init__(self, client: redis.Redis, keys: Keys, *, ttl: int = JOB_TTL) -> None:
        self.redis = client
        self.keys = keys
        self.ttl = ttl
        self._ack = client.register_script(_ACK)
        self._fail = client.register_script(_FAIL)

    @translate_redis_errors
    def create(
        self,
        job_id: str,
        *,
        kind: str,
        items: Sequence[Mapping],
        rejected: Sequence[dict] = (),
        total: int | None = None,
    ) -> bool:
        """Record a new job; False if a job with this id already exists (nothing changes)."""
        head = self.keys.job(job_id)
        with self.redis.pipeline(transaction=True) as pipe:
            try:
                pipe.watch(head)
                if pipe.exists(head):
                    pipe.unwatch()
                    return False
                pipe.multi()
                pipe.hset(
                    head,
                    mapping={
                        "kind": kind,
                        "total": total if total is not None else len(items) + len(rejected),
                        "done": 0,
                        "failed": 0,
                        "created_at": time.time(),
                    },
                )
                if items:
                    pipe.hset(
                        self.keys.job(job_id, "items"),
                        mapping={i["index"]: json.dumps(i, ensure_ascii=False) for i in items},
                    )
                for error in rejected:
                    pipe.sadd(self.keys.job(job_id, "acked"), error["index"])
                    pipe.hincrby(head, "failed", 1)
                    pipe.rpush(self.keys.job(job_id, "errors"), json.dumps(error))
                for part in ("", "items", "acked", "errors"):
                    pipe.expire(self.keys.job(job_id, part), self.ttl)
                pipe.execute()
            except redis.WatchError:
                return False
        return True

    @translate_redis_errors
    def set_rq_id(self, job_id: str, rq_id: str) -> None:
        self.redis.hset(self.keys.job(job_id), "rq_id", rq_id)

    @translate_redis_errors
    def items(self, job_id: str) -> list[dict]:
        """The items not yet acknowledged, in their order in the batch."""
        raws = self.redis.hvals(self.keys.job(job_id, "items"))
        return sorted((json.loads(raw) for raw in raws), key=lambda item: item["index"])

    @translate_redis_errors
    def acked(self, job_id: str) -> set[int]:
        return {int(i) for i in self.redis.smembers(self.keys.job(job_id, "acked"))}

    @translate_redis_errors
    def ack(self, job_id: str, index: int, article_id: str | None) -> bool:
        """Count item `index` as done (once); True if this call counted it."""
        keys = [
            self.keys.job(job_id),
            self.keys.job(job_id, "acked"),
            self.keys.job(job_id, "ids"),
            self.keys.job(job_id, "items"),
        ]
        return bool(self._ack(keys=keys, args=[index, article_id or "", self.ttl]))

    @translate_redis_errors
    def fail(self, job_id: str, index: int, problem: Mapping) -> bool:
        """Count item `index` as failed (once), with its problem."""
        keys = [
            self.keys.job(job_id),
            self.keys.job(job_id, "acked"),
            self.keys.job(job_id, "errors"),
            self.keys.job(job_id, "items"),
        ]
        error = json.dumps({"index": index, "problem": dict(problem)}, ensure_ascii=False)
        return bool(self._fail(keys=keys, args=[index, error, self.ttl]))

    @translate_redis_errors
    def set_total(self, job_id: str, total: int) -> None:
        self.redis.hset(self.keys.job(job_id), "total", total)

    @translate_redis_errors
    def get(self, job_id: str) -> JobRecord | None:
        with self.redis.pipeline(transaction=False) as pipe:
            pipe.hgetall(self.keys.job(job_id))
            pipe.lrange(self.keys.job(job_id, "ids"), 0, -1)
            pipe.lrange(self.keys.job(job_id, "errors"), 0, -1)
            head, ids, errors = pipe.execute()
        if not head:
            return None
        fields = {k.decode(): v.decode() for k, v in head.items()}
        return JobRecord(
            id=job_id,
            kind=fields.get("kind", "batch"),
            total=int(fields.get("total", 0)),
            done=int(fields.get("done", 0)),
            failed=int(fields.get("failed", 0)),
            created_at=float(fields.get("created_at", 0)),
            rq_id=fields.get("rq_id"),
            article_ids=[i.decode() for i in ids],
            errors=sorted((json.loads(e) for e in errors), key=lambda e: e["index"]),
        )
