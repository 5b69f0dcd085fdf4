"""Which reports tell of one incident: a function of the reports, never of their order.

Two reports are linked when they are of the same kind family, at the same place
(`incidents.scenes_match`) and dated within `WINDOW_SECONDS` of each other. A
report with no date links only on a place better than the country. Strong
links (the same facility, town or area) between dated reports join them
transitively; a report whose only links are to a country ("an attack in
Russia"), and a report with no date (it would link reports weeks apart), joins
the one group it matches best, and never bridges two groups. An event's id is that of its
earliest report, so the event with the earliest report keeps its id when two
merge. Pure functions over plain records, shared by the index and its tests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from service.nlp.incidents import (
    NAMED_BELOW,
    SAME_PLACE,
    EventScene,
    is_vague,
    regional_match,
    scenes_match,
)

WINDOW_SECONDS = 7 * 24 * 3600
# Kinds that strike a region rather than a place, and how close in time two reports of
# one must be to be taken as one incident by their country alone.
REGIONAL_KINDS = frozenset({"earthquake"})
REGIONAL_SECONDS = 2 * 24 * 3600


@dataclass(frozen=True)
class Report:
    """What grouping needs of one article's report."""

    article_id: str
    family: str
    time: float | None  # the incident's day (or publication), epoch seconds; None: undated
    scene: EventScene
    published: float | None = None  # publication time, epoch seconds

    @property
    def order(self) -> tuple[float, float, str]:
        """Earliest incident day first, then earliest published; undated ones last."""
        never = float("inf")
        return (
            self.time if self.time is not None else never,
            self.published if self.published is not None else never,
            self.article_id,
        )


def event_id_for(article_id: str) -> str:
    """The id of the event whose earliest report is this article."""
    return hashlib.sha256(f"event:{article_id}".encode()).hexdigest()[:16]


def link(a: Report, b: Report) -> int:
    """How surely two reports tell of one incident (0: they do not)."""
    if a.family != b.family:
        return 0
    if a.time is not None and b.time is not None and abs(a.time - b.time) > WINDOW_SECONDS:
        return 0
    strength = scenes_match(a.scene, b.scene)
    if not strength and _one_regional_incident(a, b):
        strength = SAME_PLACE
    undated = a.time is None or b.time is None
    return 0 if undated and strength < NAMED_BELOW else strength


def _one_regional_incident(a: Report, b: Report) -> bool:
    """An earthquake is felt across a region and each report names other towns: two
    reports of one in the same country within `REGIONAL_SECONDS`, whose first
    paragraphs place it in the same region, tell of the same one."""
    if a.family not in REGIONAL_KINDS or a.time is None or b.time is None:
        return False
    shared = a.scene.countries & b.scene.countries
    near_in_time = abs(a.time - b.time) <= REGIONAL_SECONDS
    return bool(shared) and near_in_time and regional_match(a.scene, b.scene)


def group(reports: Sequence[Report]) -> dict[str, str]:
    """Each report's event id."""
    by_id = {r.article_id: r for r in reports}
    parent = {r.article_id: r.article_id for r in reports}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=lambda x: by_id[x].order)
            parent[second] = first

    weak: dict[str, list[str]] = {}
    ordered = sorted(reports, key=lambda r: r.order)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            strength = link(a, b)
            if strength >= SAME_PLACE and a.time is not None and b.time is not None:
                union(a.article_id, b.article_id)
            elif strength:
                weak.setdefault(a.article_id, []).append(b.article_id)
                weak.setdefault(b.article_id, []).append(a.article_id)
    strong_root = {a: root(a) for a in parent}
    sizes: dict[str, int] = {}
    for r in strong_root.values():
        sizes[r] = sizes.get(r, 0) + 1
    for article_id, neighbours in sorted(weak.items()):
        report = by_id[article_id]
        if sizes[strong_root[article_id]] > 1 or not (
            is_vague(report.scene) or report.time is None
        ):
            continue  # only a vague or an undated report attaches: it bridges nothing
        best = max(
            {strong_root[n] for n in neighbours},
            key=lambda r: _attachment(by_id[article_id], r, neighbours, strong_root, sizes, by_id),
        )
        union(article_id, best)
    return {a: event_id_for(root(a)) for a in parent}


def _attachment(
    report: Report,
    candidate_root: str,
    neighbours: Sequence[str],
    strong_root: Mapping[str, str],
    sizes: Mapping[str, int],
    by_id: Mapping[str, Report],
) -> tuple:
    """Rank of a group for a vaguely placed report: larger, more links, nearer in time."""
    linked = [n for n in neighbours if strong_root[n] == candidate_root]
    times = [by_id[n].time for n in linked]
    gaps = [abs(report.time - t) for t in times if report.time is not None and t is not None]
    first = by_id[candidate_root].order
    # Ties go to the earliest group, then (never by chance) the larger article id.
    return (
        sizes[candidate_root] > 1,
        len(linked),
        -min(gaps, default=0.0),
        -first[0],
        -first[1],
        first[2],
    )
