"""Write every rendered analysis body for the annotated texts, for refactoring checks.

A refactor that must not change behaviour runs this before and after and
diffs the two files: every body (summaries, entities, quotes, casualties,
analysis) of every text, with `pipeline_version` blanked since it changes
with any code change. Usage:
    python scripts/snapshot_bodies.py OUT.jsonl [FILE.jsonl|FILE.json ...]
Without files it reads dev.jsonl, dev2.jsonl and seed_gold.json from
../shared/data and the test fixtures' articles.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from service.nlp.pipeline import load_pipeline  # noqa: E402
from service.nlp.text import clean_text  # noqa: E402
from service.render import Analyzer  # noqa: E402


def _cases(paths: list[Path]):
    for path in paths:
        if path.suffix == ".json":
            records = [json.loads(path.read_text())]
        else:
            records = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        for n, record in enumerate(records):
            published = record.get("published") or record.get("published_at")
            yield f"{path.name}:{record.get('id', n)}", record["text"], published
    from tests.fixtures import articles

    for name in sorted(vars(articles)):
        value = getattr(articles, name)
        if name.isupper() and isinstance(value, str):
            yield f"fixtures:{name}", value, None


def main() -> int:
    out = Path(sys.argv[1])
    # The team's annotated data is used when it sits beside the clone.
    paths = [Path(p) for p in sys.argv[2:]] or [
        path
        for path in (
            SHARED_DATA / "dev.jsonl",
            SHARED_DATA / "dev2.jsonl",
            SHARED_DATA / "seed_gold.json",
        )
        if path.exists()
    ]
    analyzer = Analyzer(load_pipeline(), "snapshot")
    with out.open("w") as sink:
        for case_id, text, published in _cases(paths):
            published_at = datetime.fromisoformat(published) if published else None
            parts, count = analyzer.render(
                analyzer.parse(clean_text(text)), article_id="a", published_at=published_at
            )
            for part in sorted(parts):
                if part.startswith("etag:"):
                    continue
                body = parts[part].decode()
                sink.write(json.dumps({"case": case_id, "part": part, "body": body}) + "\n")
            sink.write(json.dumps({"case": case_id, "sentences": count}) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
