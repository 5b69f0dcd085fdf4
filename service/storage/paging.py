"""Cursor pagination over sorted sets that share one score (publication time).

A listing with filters is the intersection of several sorted sets. Instead of
intersecting them (which costs the size of the sets), the smallest set is
walked in score order and the others are probed with ZMSCORE, a chunk at a
time, until the page is full: the cost follows the page, not the corpus.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

import redis

SCAN_CHUNK = 200


# Our cursors are a score and a member id: a few dozen characters.
MAX_CURSOR_CHARS = 512


@dataclass(frozen=True)
class Cursor:
    """Where a page ended: the last item's score and member."""

    score: float
    member: str

    def encode(self) -> str:
        raw = json.dumps([repr(self.score), self.member]).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        """Parse a cursor; ValueError when it is not one of ours (nor a crafted one: a
        score that is no finite number, nesting deep enough to exhaust the parser)."""
        if len(token) > MAX_CURSOR_CHARS:
            raise ValueError("not a valid cursor")
        try:
            padded = token + "=" * (-len(token) % 4)
            score, member = json.loads(base64.urlsafe_b64decode(padded.encode()))
            value = float(score)
        except (ValueError, TypeError, binascii.Error, UnicodeDecodeError, RecursionError) as exc:
            raise ValueError("not a valid cursor") from exc
        if not math.isfinite(value) or not isinstance(member, str):
            raise ValueError("not a valid cursor")
        return cls(value, member)


def page_by_score(
    client: redis.Redis,
    filters: Sequence[str],
    *,
    limit: int,
    cursor: Cursor | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    superset: str | None = None,
    floors: Mapping[str, float] | None = None,
) -> tuple[list[str], Cursor | None]:
    """Members in all `filters` (highest score first), one page, and the next cursor.

    `superset` is a filter known to contain every member of the others, so it
    never needs probing. `floors` maps further sets to a minimum score a
    member must have there (e.g. killed >= 10); they are probed, never walked.
    """
    floors = dict(floors or {})
    with client.pipeline(transaction=False) as pipe:
        for key in filters:
            pipe.zcard(key)
        sizes = pipe.execute()
    if not filters or min(sizes) == 0:
        return [], None
    driving = filters[sizes.index(min(sizes))]
    probes: dict[str, float | None] = {
        key: None for key in filters if key not in (driving, superset)
    }
    probes.update(floors)

    high = "+inf" if until is None else f"({int(until.timestamp()) + 1}"
    low = "-inf" if since is None else str(int(since.timestamp()))
    if cursor is not None:
        ceiling = cursor.score if until is None else min(cursor.score, int(until.timestamp()) + 1)
        high = repr(float(ceiling))

    page: list[tuple[str, float]] = []
    offset = 0
    while len(page) <= limit:
        chunk = cast(
            "list[tuple[bytes, float]]",
            client.zrevrangebyscore(
                driving, high, low, start=offset, num=SCAN_CHUNK, withscores=True
            ),
        )
        if not chunk:
            break
        offset += len(chunk)
        candidates = [(m.decode(), s) for m, s in chunk]
        if cursor is not None:
            # Equal scores come in reverse member order: resume after the cursor's member.
            candidates = [
                (m, s)
                for m, s in candidates
                if s < cursor.score or (s == cursor.score and m < cursor.member)
            ]
        page.extend(_probe(client, candidates, probes))
        if len(chunk) < SCAN_CHUNK:
            break
    has_more = len(page) > limit
    page = page[:limit]
    next_cursor = Cursor(page[-1][1], page[-1][0]) if has_more and page else None
    return [m for m, _ in page], next_cursor


def _probe(
    client: redis.Redis, candidates: list[tuple[str, float]], probes: Mapping[str, float | None]
) -> list[tuple[str, float]]:
    """Keep candidates present in every probed set (at or above its floor, if any)."""
    if not probes or not candidates:
        return candidates
    members = [m for m, _ in candidates]
    with client.pipeline(transaction=False) as pipe:
        for key in probes:
            pipe.zmscore(key, members)
        found = pipe.execute()
    floors = list(probes.values())
    return [
        cand
        for i, cand in enumerate(candidates)
        if all(
            scores[i] is not None and (floor is None or scores[i] >= floor)
            for scores, floor in zip(found, floors, strict=True)
        )
    ]
