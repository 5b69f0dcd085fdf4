"""Analysis of article texts, rendered once into the cached response bodies."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from marshmallow import Schema
from spacy.language import Language
from spacy.tokens import Doc
from werkzeug.http import generate_etag

from service.metrics import count_cache, observe_analysis
from service.nlp.analyze import ArticleAnalysis, analyze
from service.nlp.pipeline import model_id
from service.nlp.summary import WORDS_METHOD, summary_in_words
from service.schemas.analysis_schemas import (
    AnalysisSchema,
    ExplainedCasualtiesSchema,
    ExplainedEntitiesSchema,
    ExplainedQuotesSchema,
)
from service.timestamps import parse_stored

DEFAULT_SUMMARY_SENTENCES = 3
PART_ANALYSIS = "analysis"
PART_ENTITIES = "entities"
PART_QUOTES = "quotes"
PART_CASUALTIES = "casualties"
# The compressed summary pieces a ?words=N summary is cut from, per request.
PART_SUMMARY_PIECES = "summary:pieces"
# The parts with the rules behind each item (`?explain=true`), cached beside them.
EXPLAINED_PARTS = {
    PART_CASUALTIES: "casualties:explain",
    PART_QUOTES: "quotes:explain",
    PART_ENTITIES: "entities:explain",
}
# Stored beside ad-hoc parts so ingesting the same text later skips the parse.
SENTENCE_COUNT_FIELD = "stats:sentences"


SERVICE_ROOT = Path(__file__).resolve().parent
# What shapes a cached body: the extractors (every module under nlp/, at any
# depth), this module, and the response schemas. A change to any of them must
# give a new pipeline_version, or clients are served bodies made by older code.
RESULT_SOURCES = ("nlp", "render.py", "schemas")


def result_code_digest(root: Path = SERVICE_ROOT) -> str:
    """A digest of every source file under `root` that shapes an analysis body."""
    digest = hashlib.sha256()
    for source in RESULT_SOURCES:
        path = root / source
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.relative_to(root).as_posix().encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:10]


@cache
def _running_code_digest() -> str:
    return result_code_digest()


def pipeline_version(nlp: Language) -> str:
    """`<model>-<model version>+<result code digest>`: the key analysis results live under."""
    return f"{model_id(nlp)}+{_running_code_digest()}"


def summary_part(sentences: int) -> str:
    return f"summary:{sentences}"


def summary_in_words_body(pieces_body: bytes, words: int) -> bytes:
    """The `?words=N` summary, cut per request from the article's cached pieces."""
    document = json.loads(pieces_body)
    chosen = summary_in_words(document["pieces"], words)
    sentences = [
        {
            "text": piece["text"],
            "index": piece["index"],
            "start": piece["spans"][0][0],
            "end": piece["spans"][-1][1],
            "score": piece["score"],
            "spans": [{"start": start, "end": end} for start, end in piece["spans"]],
            "rules": piece["rules"],
        }
        for piece in chosen
    ]
    return encode_json(
        {
            "article_id": document["article_id"],
            "pipeline_version": document["pipeline_version"],
            "method": WORDS_METHOD,
            "sentences": sentences,
            "text": " ".join(s["text"] for s in sentences),
            "brief": document["brief"],
        }
    )


def etag_field(part: str) -> str:
    """The field holding the ETag of `part`, cached beside it."""
    return f"etag:{part}"


@dataclass(frozen=True)
class CachedBody:
    """A rendered response body and its ETag (None for entries cached without one)."""

    body: bytes
    etag: str | None


class RenderError(RuntimeError):
    """An analysis did not validate against its response schema (a bug, never user input)."""


def plain_data(value: object) -> object:
    """`dataclasses.asdict` without its deep copies (a third of the time): extraction
    results are frozen, holding only primitives, tuples, dicts and dataclasses."""
    names = getattr(value, "__dataclass_fields__", None)
    if names is not None:
        return {name: plain_data(getattr(value, name)) for name in names}
    if isinstance(value, list | tuple):
        return type(value)(plain_data(item) for item in value)
    if isinstance(value, dict):
        return {key: plain_data(item) for key, item in value.items()}
    return value


def encode_json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Analyzer:
    """Parses texts with the loaded pipeline and renders every analysis response body."""

    def __init__(self, nlp: Language, pipeline_version: str) -> None:
        self.nlp = nlp
        self.pipeline_version = pipeline_version
        self._parse_lock = threading.Lock()
        self._analysis_schema = AnalysisSchema()
        self._explained = {
            "casualties": ExplainedCasualtiesSchema(),
            "quotes": ExplainedQuotesSchema(),
            "entities": ExplainedEntitiesSchema(),
        }

    def parse(self, text: str) -> Doc:
        # One parse at a time per process: spaCy does not promise a pipeline is safe to
        # call from several threads (gunicorn's gthread workers), and the GIL would
        # serialise the work anyway.
        with self._parse_lock:
            return self.nlp(text)

    def parse_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Doc]:
        """Parse several texts in batches (spaCy's nlp.pipe), in order (the batch worker's
        way, one thread per process)."""
        return self.nlp.pipe(texts, batch_size=batch_size)

    def render(
        self, doc: Doc, *, article_id: str, published_at: datetime | None = None
    ) -> tuple[dict[str, bytes], int]:
        """(response bodies by part name, sentence count) for one parsed article."""
        started = time.perf_counter()
        result = analyze(doc, published_at=published_at)
        observe_analysis(time.perf_counter() - started)
        envelope = {"article_id": article_id, "pipeline_version": self.pipeline_version}
        bodies = self._bodies(result)
        # One schema pass over everything: the longest summary holds every sentence
        # any shorter one picks, so the other parts are cut from this checked document.
        checked = self._check(
            self._analysis_schema,
            {
                **envelope,
                "summary": bodies["summaries"][-1],
                "entities": bodies["entities"],
                "quotes": bodies["quotes"],
                "casualties": bodies["casualties"],
            },
        )
        summaries = [self._summary_of(checked["summary"], chosen) for chosen in bodies["summaries"]]
        parts = {
            summary_part(k): encode_json({**envelope, **summary})
            for k, summary in enumerate(summaries, start=1)
        }
        parts[PART_ENTITIES] = encode_json({**envelope, "entities": checked["entities"]})
        parts[PART_QUOTES] = encode_json({**envelope, "quotes": checked["quotes"]})
        parts[PART_CASUALTIES] = encode_json({**envelope, **checked["casualties"]})
        explained = {
            PART_CASUALTIES: (self._explained["casualties"], bodies["casualties"]),
            PART_QUOTES: (self._explained["quotes"], {"quotes": bodies["quotes"]}),
            PART_ENTITIES: (self._explained["entities"], {"entities": bodies["entities"]}),
        }
        for part, (schema, body) in explained.items():
            parts[EXPLAINED_PARTS[part]] = encode_json(self._check(schema, {**envelope, **body}))
        parts[PART_SUMMARY_PIECES] = encode_json(
            {
                **envelope,
                "brief": result.brief,
                "pieces": [plain_data(piece) for piece in result.pieces],
            }
        )
        default = summaries[min(DEFAULT_SUMMARY_SENTENCES, len(summaries)) - 1]
        parts[PART_ANALYSIS] = encode_json({**checked, "summary": default})
        # Fingerprinted once here (as werkzeug's add_etag would), so a cached read
        # need not hash its body.
        parts.update(
            {etag_field(name): generate_etag(body).encode() for name, body in parts.items()}
        )
        return parts, result.sentence_count

    @staticmethod
    def _check(schema: Schema, data: dict) -> dict:
        body = schema.dump(data)
        errors = schema.validate(body)
        if errors:
            raise RenderError(f"{type(schema).__name__} rejected the analysis: {errors}")
        return body

    @staticmethod
    def _summary_of(longest: dict, chosen: dict) -> dict:
        """A shorter summary built from the checked sentences of the longest one."""
        by_index = {s["index"]: s for s in longest["sentences"]}
        sentences = [by_index[s["index"]] for s in chosen["sentences"]]
        return {**longest, "sentences": sentences, "text": chosen["text"]}

    def _bodies(self, result: ArticleAnalysis) -> dict:
        summaries = []
        for chosen in result.summaries:
            sentences = [plain_data(s) for s in chosen]
            summaries.append(
                {
                    "method": result.summary_method,
                    "sentences": sentences,
                    "text": " ".join(s["text"] for s in sentences),
                    "brief": result.brief,
                }
            )
        return {
            "summaries": summaries,
            "entities": [plain_data(e) for e in result.entities],
            "quotes": [plain_data(q) for q in result.quotes],
            "casualties": {
                "totals": {k: (plain_data(v) if v else None) for k, v in result.totals.items()},
                "figures": [plain_data(f) for f in result.figures],
            },
        }


def cached_article_part(state, article_id: str, part: str) -> CachedBody | None:
    """The rendered `part` of a stored article: from the cache, or computed and cached.

    None when the article does not exist. A hit costs one HMGET and no parsing.
    """
    version = state.analyzer.pipeline_version
    key = state.cache.article_key(version, article_id)
    body, etag = state.cache.get_fields(key, part, etag_field(part))
    count_cache(hit=body is not None)
    if body is not None:
        return CachedBody(body, etag.decode() if etag else None)
    found = state.articles.get(article_id)
    if found is None:
        return None
    meta, text = found
    published = parse_stored(meta.get("published_at"))
    parts, _ = state.analyzer.render(
        state.analyzer.parse(text), article_id=article_id, published_at=published
    )
    state.cache.put_parts_if_exists(
        key, version, parts, state.articles.keys.article_meta(article_id)
    )
    return CachedBody(parts[part], parts[etag_field(part)].decode())


def adhoc_analysis(state, prepared) -> bytes:
    """The full analysis of a text that is not stored, cached by the text and its date."""
    version = state.analyzer.pipeline_version
    key = state.cache.adhoc_key(version, prepared.id, prepared.published_at)
    body = state.cache.get_part(key, PART_ANALYSIS)
    if body is not None:
        return body
    parts, sentence_count = state.analyzer.render(
        state.analyzer.parse(prepared.text),
        article_id=prepared.id,
        published_at=prepared.published_at,
    )
    state.cache.put_parts(
        key, version, {**parts, SENTENCE_COUNT_FIELD: str(sentence_count).encode()}
    )
    return parts[PART_ANALYSIS]
