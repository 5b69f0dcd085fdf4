"""Ingest annotated reports in several orders and show the events they form.

Every report is posted through the real HTTP API (Flask's client, a Redis
database of its own, flushed first), with its title, publication date (null
stays null) and source, in the file order and then in shuffled orders. For each
order it prints the events as groups of case ids and checks them against the
cases' `cluster` slugs: every cluster one event, nothing else in it, and the
same events in every order. Usage:
    python scripts/event_groups.py [--orders N] [--redis URL] FILE.jsonl|FILE.json ...
A case without `cluster` whose id contains a `--cluster-word` (repeatable,
`crocus` for the team's dev set and seed, whose Crocus reports predate the
field) is counted in a cluster of that name.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import redis  # noqa: E402

from service.app import create_app  # noqa: E402
from service.config import Settings  # noqa: E402


def _cases(paths: list[str]) -> list[dict]:
    cases = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            if path.endswith(".jsonl"):
                cases += [json.loads(line) for line in handle if line.strip()]
            else:
                cases.append(json.load(handle))
    return cases


def _cluster(case: dict, prefixes: list[str]) -> str | None:
    if case.get("cluster"):
        return case["cluster"]
    return next((w for w in prefixes if w in case["id"]), None)


def _groups(client, ids: dict[str, str]) -> tuple[list[frozenset[str]], dict[str, str]]:
    """The events as sets of case ids, and each event's label."""
    groups, labels = [], {}
    cursor = None
    while True:
        query = {"limit": 100, **({"cursor": cursor} if cursor else {})}
        page = client.get("/v1/events", query_string=query).get_json()
        for item in page["items"]:
            detail = client.get(f"/v1/events/{item['id']}").get_json()
            members = frozenset(ids[a] for a in detail["article_ids"])
            groups.append(members)
            labels[members] = item["label"]
        cursor = page.get("next_cursor")
        if not cursor:
            return groups, labels


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--orders", type=int, default=3)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/7")
    parser.add_argument("--cluster-word", action="append", default=[])
    args = parser.parse_args()
    cases = _cases(args.files)
    clusters: dict[str, set[str]] = {}
    for case in cases:
        slug = _cluster(case, args.cluster_word)
        if slug:
            clusters.setdefault(slug, set()).add(case["id"])
    app = create_app(Settings(redis_url=args.redis, redis_prefix="eventgroups:", load_seeds=False))
    client = app.test_client()
    seen: list[set[frozenset[str]]] = []
    failures = 0
    for order in range(args.orders):
        redis.Redis.from_url(args.redis).flushdb()
        shuffled = list(cases)
        if order:
            random.Random(order).shuffle(shuffled)
        ids = {}
        for case in shuffled:
            body = {"text": case["text"], "title": case.get("title"), "source": case.get("source")}
            if case.get("published"):
                body["published_at"] = case["published"]
            response = client.post("/v1/articles", json={k: v for k, v in body.items() if v})
            ids[response.get_json()["id"]] = case["id"]
        groups, labels = _groups(client, ids)
        seen.append(set(groups))
        print(f"order {order}: {len(groups)} events")
        for group in sorted(groups, key=sorted):
            slugs = {_cluster(c, args.cluster_word) for c in cases if c["id"] in group}
            print(f"  {labels[group]!r}: {', '.join(sorted(group))}")
            if len(slugs) > 1 or None in slugs and len(group) > 1:
                print("    ! mixes reports of different incidents")
                failures += 1
        for slug, members in sorted(clusters.items()):
            if frozenset(members) not in groups:
                print(f"  ! cluster {slug} is not one event")
                failures += 1
    if any(s != seen[0] for s in seen):
        print("! the events depend on the order of ingestion")
        failures += 1
    redis.Redis.from_url(args.redis).flushdb()
    print(f"orders={args.orders} clusters={len(clusters)} failures={failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
