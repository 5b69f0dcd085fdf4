"""Loading the articles in seeds/ on first start."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

log = logging.getLogger(__name__)

_META_FIELDS = ("title", "url", "source", "authors", "published_at", "language")


def text_file_payload(path: Path) -> dict:
    """A raw ArticleIn payload from an article .txt and its .meta.json, if there is one."""
    payload: dict = {"text": path.read_text(encoding="utf-8")}
    meta_path = path.with_name(path.stem + ".meta.json")
    if meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        payload.update({k: meta[k] for k in _META_FIELDS if meta.get(k) is not None})
    return payload


def seed_payloads(seeds_dir: str | Path) -> Iterator[tuple[str, dict]]:
    """(file name, raw ArticleIn payload) for every seeds/*.txt."""
    for path in sorted(Path(seeds_dir).glob("*.txt")):
        yield path.name, text_file_payload(path)


def load_seeds(seeds_dir: str | Path, ingest_one: Callable[[dict], tuple[dict, bool]]) -> int:
    """Ingest every seed not yet stored; returns how many were new. Idempotent."""
    created = 0
    for name, payload in seed_payloads(seeds_dir):
        article, was_created = ingest_one(payload)
        created += was_created
        log.info("seed %s -> %s (%s)", name, article["id"], "new" if was_created else "present")
    return created
