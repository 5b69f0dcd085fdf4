"""Seeds: loaded on first start, once, however many workers start together."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from service.seeds import seed_payloads

ROOT = Path(__file__).resolve().parents[2]


def test_seed_files_have_metadata():
    payloads = list(seed_payloads(ROOT / "seeds"))
    assert payloads, "seeds/ must hold the seed article"
    for name, payload in payloads:
        assert payload["text"].strip(), name
        assert payload["source"] and payload["published_at"], name


def test_seeds_are_loaded_on_start_and_listed(make_app):
    client = make_app(load_seeds=True).test_client()
    items = client.get("/v1/articles").get_json()["items"]
    assert len(items) == 1
    seed = items[0]
    assert seed["source"] == "The Wall Street Journal"
    assert seed["published_at"] == "2024-03-22T00:00:00Z"
    assert seed["authors"] == ["Ann M. Simmons", "Thomas Grove"]
    totals = client.get(f"/v1/articles/{seed['id']}/casualties").get_json()["totals"]
    assert totals["killed"]["value"] == 60 and totals["killed"]["qualifier"] == "at_least"
    assert totals["injured"]["min"] == 146 and totals["injured"]["qualifier"] == "more_than"


def test_restart_does_not_duplicate(make_app):
    make_app(load_seeds=True)
    first = make_app(load_seeds=True).test_client().get("/v1/articles").get_json()["items"]
    assert len(first) == 1


def test_workers_starting_at_once_store_each_seed_once(make_app, tmp_path):
    for n in range(3):
        (tmp_path / f"{n:03d}.txt").write_text(f"Seed story {n}: the bridge reopened on Monday.")
        (tmp_path / f"{n:03d}.meta.json").write_text(json.dumps({"source": "Test Wire"}))
    apps, errors = [], []

    def start():
        try:
            apps.append(make_app(load_seeds=True, seeds_dir=str(tmp_path)))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    items = apps[0].test_client().get("/v1/articles?limit=100").get_json()["items"]
    assert sorted(i["source"] for i in items) == ["Test Wire"] * 3
