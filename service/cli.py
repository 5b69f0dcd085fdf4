"""`flask --app service newsfacts ...`: ingest files, re-analyse the corpus, show stats."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from marshmallow import ValidationError

from service.ingest import ingest_many, reanalyze_article
from service.jobs.submit import job_status, resume, submit_reanalysis
from service.schemas.article_schemas import ArticleInSchema
from service.seeds import text_file_payload

newsfacts_cli = AppGroup("newsfacts", help="newsfacts maintenance commands.")

CHUNK = 32


def _services():
    return current_app.extensions["newsfacts"]


def payloads_from(path: Path) -> Iterator[tuple[str, dict]]:
    """(label, raw ArticleIn) from a .txt (+ .meta.json), .json, .ndjson/.jsonl file or a folder."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if (
                child.is_file()
                and child.suffix in {".txt", ".json", ".ndjson", ".jsonl"}
                and not child.name.endswith(".meta.json")
            ):
                yield from payloads_from(child)
        return
    if path.suffix == ".txt":
        yield str(path), text_file_payload(path)
    elif path.suffix in {".ndjson", ".jsonl"}:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield f"{path}:{number}", json.loads(line)
    elif path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data.get("articles", [data]) if isinstance(data, dict) else data
        for number, item in enumerate(items):
            yield f"{path}[{number}]", item


@newsfacts_cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def ingest_command(paths: tuple[Path, ...]) -> None:
    """Ingest articles from files and folders (.txt, .json, .ndjson), parsed in batches."""
    items = [item for path in paths for item in payloads_from(path)]
    schema = ArticleInSchema()
    counts = {"new": 0, "present": 0, "failed": 0}
    with click.progressbar(length=len(items), label="ingesting", show_pos=True) as bar:
        for start in range(0, len(items), CHUNK):
            chunk = items[start : start + CHUNK]
            valid, labels = [], []
            for label, raw in chunk:
                try:
                    valid.append(schema.load(raw))
                    labels.append(label)
                except ValidationError as exc:
                    counts["failed"] += 1
                    click.echo(f"\n{label}: invalid: {exc.messages}", err=True)
            for index, _record, created, error in ingest_many(valid, _services()):
                if error is not None:
                    counts["failed"] += 1
                    click.echo(f"\n{labels[index]}: {error}", err=True)
                else:
                    counts["new" if created else "present"] += 1
            bar.update(len(chunk))
    click.echo(
        f"{counts['new']} new, {counts['present']} already stored, {counts['failed']} failed"
    )


@newsfacts_cli.command("reanalyze")
@click.option("--inline", is_flag=True, help="Work in this process instead of on the rq workers.")
@click.option("--wait/--no-wait", default=True, help="Show progress until the job finishes.")
def reanalyze_command(inline: bool, wait: bool) -> None:
    """Re-analyse every article under the current pipeline_version and rebuild the indexes."""
    services = _services()
    if inline:
        ids = services.articles.all_ids()
        with click.progressbar(ids, label="re-analysing", show_pos=True) as bar:
            for article_id in bar:
                reanalyze_article(article_id, services)
        click.echo(f"{len(ids)} articles re-analysed under {services.analyzer.pipeline_version}")
        return
    job_id = submit_reanalysis(services)
    click.echo(f"job {job_id} queued; progress at /v1/jobs/{job_id}")
    if wait:
        _follow(job_id)


@newsfacts_cli.command("resume")
@click.argument("job_id")
@click.option("--wait/--no-wait", default=False, help="Show progress until the job finishes.")
def resume_command(job_id: str, wait: bool) -> None:
    """Queue a job again after its worker died; acknowledged items are not redone."""
    if not resume(_services(), job_id):
        raise click.ClickException(f"no job {job_id}")
    click.echo(f"job {job_id} queued again")
    if wait:
        _follow(job_id)


def _follow(job_id: str) -> None:
    services = _services()
    status = job_status(services, job_id)
    with click.progressbar(length=max(status["total"], 1), label=job_id, show_pos=True) as bar:
        seen = 0
        while status["status"] not in ("finished", "failed"):
            time.sleep(0.5)
            status = job_status(services, job_id)
            progress = status["done"] + status["failed"]
            bar.update(progress - seen)
            seen = progress
    click.echo(f"{status['status']}: {status['done']} done, {status['failed']} failed")


@newsfacts_cli.command("stats")
def stats_command() -> None:
    """Counts of articles, corpus entries and queued jobs."""
    services = _services()
    stats = {
        "articles": services.articles.count(),
        "pipeline_version": services.analyzer.pipeline_version,
        "queued_jobs": services.queue.count,
        **services.corpus.stats(),
    }
    for key, value in stats.items():
        click.echo(f"{key}: {value}")
