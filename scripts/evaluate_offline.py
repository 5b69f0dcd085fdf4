"""Score the service's analysis in-process with ../shared/eval/score.py's metrics.

Each case is rendered exactly as the service renders it (the same bodies,
published date included) and handed to score.py's own scoring functions, so the
figures match score.py through HTTP without a server. Usage:
    python scripts/evaluate_offline.py [--only casualties,quotes,entities,summary]
        [--show-misses] [--summary-words N] [FILE.jsonl|FILE.json ...]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from service.nlp.pipeline import load_pipeline  # noqa: E402
from service.nlp.summary import DEFAULT_WORDS  # noqa: E402
from service.nlp.text import clean_text  # noqa: E402
from service.render import PART_SUMMARY_PIECES, Analyzer, summary_in_words_body  # noqa: E402


def _load_score():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _count_rules(figures: list[dict], gold: list[dict], counts: dict[str, list[int]]) -> None:
    """Per rule: figures it took part in that the gold has (right) and lacks (wrong)."""
    wanted = {(g["category"], g["value"], g["qualifier"], bool(g.get("historical"))) for g in gold}
    for figure in figures:
        key = (figure["category"], figure["value"], figure["qualifier"], figure["historical"])
        for rule in figure.get("rules", []):
            counts.setdefault(rule, [0, 0])[0 if key in wanted else 1] += 1


def _count_quote_rules(score, quotes: list[dict], gold: dict, counts) -> None:
    """A quote is right when a gold quote overlaps it and its speaker is the gold's."""
    for quote in quotes:
        right = any(
            score.overlap(quote["text"], g["text"]) >= 0.6
            or score.contains(quote["text"], g["text"]) >= 0.8
            for g in gold["quotes"]
            if score.speaker_ok(quote.get("speaker"), g)
        )
        for rule in quote.get("rules", []):
            counts.setdefault(f"quotes/{rule}", [0, 0])[0 if right else 1] += 1


def _count_entity_rules(score, entities: list[dict], gold: dict, counts) -> None:
    """An entity is right when its name or an alias is a gold entity's name or alias."""
    known = set()
    for names in gold["entities"].values():
        for name in names:
            known |= {score.norm(n) for n in [name, *gold.get("entity_aliases", {}).get(name, [])]}
    for entity in entities:
        if entity["type"] not in score.ENTITY_TYPES:
            continue
        right = any(score.norm(n) in known for n in [entity["name"], *entity["aliases"]])
        for rule in entity.get("rules", []):
            counts.setdefault(f"entities/{rule}", [0, 0])[0 if right else 1] += 1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--only", default="casualties,quotes,entities,summary")
    ap.add_argument(
        "--summary-words",
        type=int,
        metavar="N",
        help="judge the ?words=N summary on its first N words, as score.py does",
    )
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument(
        "--rules",
        action="store_true",
        help="per rule of every extractor: how often it made an item the gold has, one it lacks",
    )
    args = ap.parse_args()
    files = args.files or [
        str(SHARED / "data" / name) for name in ("dev.jsonl", "dev2.jsonl", "seed_gold.json")
    ]
    parts_wanted = set(args.only.split(","))
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
    analyzer = Analyzer(nlp, "offline")
    rule_counts: dict[str, list[int]] = {}
    for path in files:
        with open(path, encoding="utf-8") as fh:
            cases = (
                [json.loads(line) for line in fh if line.strip()]
                if path.endswith(".jsonl")
                else [json.load(fh)]
            )
        for case in cases:
            gold = case["gold"]
            published = case.get("published")
            # The bodies the service would serve for this article, as score.py reads them.
            text = clean_text(case["text"])
            parts, _ = analyzer.render(
                analyzer.parse(text),
                article_id="offline",
                published_at=datetime.fromisoformat(published) if published else None,
            )
            body = {name: json.loads(value) for name, value in parts.items() if ":" not in name}
            misses: list[str] = []
            if "casualties" in parts_wanted:
                if "casualties" in gold:
                    score.score_casualties(body["casualties"], gold, stats, misses)
                if "headline" in gold:
                    score.score_headline(body["casualties"], gold, stats, misses)
            if "quotes" in parts_wanted and "quotes" in gold:
                score.score_quotes(body["quotes"], gold, stats, misses, text)
            if "entities" in parts_wanted and "entities" in gold:
                score.score_entities(body["entities"], gold, stats, misses)
            if "summary" in parts_wanted and gold.get("key_facts"):
                # What GET .../summary serves: ?words=N, or the default (80 words).
                words = args.summary_words or DEFAULT_WORDS
                summary = json.loads(summary_in_words_body(parts[PART_SUMMARY_PIECES], words))
                score.score_summary(summary, gold, stats, misses, args.summary_words)
            if "casualties" in gold:
                explained = json.loads(parts["casualties:explain"])["figures"]
                _count_rules(explained, gold["casualties"], rule_counts)
            if gold.get("quotes") is not None:
                quotes = json.loads(parts["quotes:explain"])["quotes"]
                _count_quote_rules(score, quotes, gold, rule_counts)
            if gold.get("entities"):
                entities = json.loads(parts["entities:explain"])["entities"]
                _count_entity_rules(score, entities, gold, rule_counts)
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
    if args.rules:
        named = {(r if "/" in r else f"casualties/{r}"): c for r, c in rule_counts.items()}
        for rule, (right, wrong) in sorted(named.items()):
            print(f"rule {rule}: right={right} wrong={wrong}")
    print(" ".join(f"{k}={v}" for k, v in digest.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
