"""Score the extractors directly (no HTTP) with ../shared/eval/score.py's metrics.

A development aid for the NLP modules: the service is judged through HTTP
with score.py itself. Usage:
    python scripts/evaluate_offline.py [--only casualties,quotes,entities,summary]
        [--show-misses] [FILE.jsonl|FILE.json ...]
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from service.nlp.pipeline import load_pipeline  # noqa: E402
from service.nlp.text import clean_text  # noqa: E402


def _load_score():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _plain(obj):
    if dataclasses.is_dataclass(obj):
        return {k: _plain(v) for k, v in dataclasses.asdict(obj).items()}
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    return obj


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--only", default="casualties,quotes,entities,summary")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    files = args.files or [
        str(SHARED / "data" / "dev.jsonl"),
        str(SHARED / "data" / "seed_gold.json"),
    ]
    parts = set(args.only.split(","))
    score = _load_score()
    nlp = load_pipeline()
    stats = {
        "casualty": score.Tally(),
        "casualty_value": score.Tally(),
        "quote": score.Tally(),
        "entity": score.Tally(),
        "headline_ok": 0,
        "headline_n": 0,
        "speaker_ok": 0,
        "speaker_n": 0,
        "facts_ok": 0,
        "facts_n": 0,
    }
    for path in files:
        with open(path, encoding="utf-8") as fh:
            cases = (
                [json.loads(line) for line in fh if line.strip()]
                if path.endswith(".jsonl")
                else [json.load(fh)]
            )
        for case in cases:
            gold = case["gold"]
            doc = nlp(clean_text(case["text"]))
            misses: list[str] = []
            figures = []
            if "casualties" in parts:
                from service.nlp.casualties import casualty_totals, extract_casualties

                figures = extract_casualties(doc)
                resp = {"figures": _plain(figures), "totals": _plain(casualty_totals(figures))}
                if "casualties" in gold:
                    score.score_casualties(resp, gold, stats, misses)
                if "headline" in gold:
                    score.score_headline(resp, gold, stats, misses)
            if "quotes" in parts and "quotes" in gold:
                from service.nlp.quotes import extract_quotes

                score.score_quotes({"quotes": _plain(extract_quotes(doc))}, gold, stats, misses)
            if "entities" in parts and "entities" in gold:
                from service.nlp.entities import extract_entities

                score.score_entities(
                    {"entities": _plain(extract_entities(doc))}, gold, stats, misses
                )
            if "summary" in parts and gold.get("key_facts"):
                from service.nlp.summary import summarize

                chosen = summarize(doc, sentences=3)
                text = " ".join(s.text for s in chosen)
                score.score_summary({"text": text}, gold, stats, misses)
            if args.show_misses and misses:
                print(f"--- {case['id']}")
                for miss in misses:
                    print("   ", miss)

    def ratio(a, b):
        return round(a / b, 3) if b else float("nan")

    digest = {
        "casualty_f1": round(stats["casualty"].f1()[0], 3),
        "casualty_value_f1": round(stats["casualty_value"].f1()[0], 3),
        "headline_acc": ratio(stats["headline_ok"], stats["headline_n"]),
        "quote_f1": round(stats["quote"].f1()[0], 3),
        "speaker_acc": ratio(stats["speaker_ok"], stats["speaker_n"]),
        "entity_f1": round(stats["entity"].f1()[0], 3),
        "summary_facts": ratio(stats["facts_ok"], stats["facts_n"]),
    }
    print(" ".join(f"{k}={v}" for k, v in digest.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
