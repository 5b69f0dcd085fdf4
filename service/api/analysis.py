"""/v1/articles/{id}/summary|entities|quotes|casualties|analysis and POST /v1/analyze."""

from __future__ import annotations

import json

from flask import Response
from flask.views import MethodView
from flask_smorest import abort

from service.api.blueprint import Blueprint
from service.api.docs import RAW_ARTICLE_BODIES, WRITE_SECURITY, conditional
from service.ingest import prepare_article
from service.nlp.names import speaker_matches
from service.nlp.summary import DEFAULT_WORDS
from service.render import (
    EXPLAINED_PARTS,
    PART_ANALYSIS,
    PART_CASUALTIES,
    PART_ENTITIES,
    PART_QUOTES,
    PART_SUMMARY_PIECES,
    CachedBody,
    adhoc_analysis,
    cached_article_part,
    encode_json,
    summary_in_words_body,
    summary_part,
)
from service.schemas.analysis_schemas import (
    AnalysisSchema,
    CasualtiesQuerySchema,
    EntitiesQuerySchema,
    ExplainedCasualtiesSchema,
    ExplainedEntitiesSchema,
    ExplainedQuotesSchema,
    QuotesQuerySchema,
    SummaryQuerySchema,
    SummarySchema,
)
from service.schemas.article_schemas import ArticleInSchema
from service.web.extensions import newsfacts

blp = Blueprint(
    "analysis",
    __name__,
    url_prefix="/v1",
    description="Summaries, entities, quotes and casualty figures of articles",
)

ARTICLE = "/articles/<string(length=16):article_id>"


def _json(body: bytes) -> Response:
    return Response(body, mimetype="application/json")


def _cached_json(cached: CachedBody) -> Response:
    response = _json(cached.body)
    if cached.etag:
        response.set_etag(cached.etag)
    return response


def _part(part: str, query: dict) -> str:
    """The part to serve: with the rules behind each item when `explain` is asked."""
    return EXPLAINED_PARTS[part] if query.get("explain") else part


def _part_or_404(article_id: str, part: str) -> CachedBody:
    cached = cached_article_part(newsfacts.state, article_id, part)
    if cached is None:
        abort(404, message=f"No article with id {article_id}.")
    return cached


@blp.route(f"{ARTICLE}/summary")
class Summary(MethodView):
    @blp.arguments(SummaryQuerySchema, location="query")
    @blp.response(200, SummarySchema)
    @conditional
    def get(self, query, article_id):
        """Summary and one-line brief of an article

        `words=N` (the default, 80): compressed sentences carrying as many of the
        article's facts as fit in N words, each with the spans of the article it kept.
        `sentences=k`: the k best whole sentences.
        """
        if "sentences" in query:
            return _cached_json(_part_or_404(article_id, summary_part(query["sentences"])))
        pieces = _part_or_404(article_id, PART_SUMMARY_PIECES)
        return _json(summary_in_words_body(pieces.body, query.get("words", DEFAULT_WORDS)))


@blp.route(f"{ARTICLE}/entities")
class Entities(MethodView):
    @blp.arguments(EntitiesQuerySchema, location="query")
    @blp.response(200, ExplainedEntitiesSchema)
    @conditional
    def get(self, query, article_id):
        """Named entities of an article, one item per real-world entity

        With `explain=true` each entity names the rules that found, cut, typed or merged it.
        """
        cached = _part_or_404(article_id, _part(PART_ENTITIES, query))
        types = {t.strip().upper() for t in query.get("type", "").split(",") if t.strip()}
        if not types and query["min_mentions"] <= 1:
            return _cached_json(cached)
        document = json.loads(cached.body)
        document["entities"] = [
            e
            for e in document["entities"]
            if (not types or e["type"] in types) and e["mentions"] >= query["min_mentions"]
        ]
        return _json(encode_json(document))


@blp.route(f"{ARTICLE}/quotes")
class Quotes(MethodView):
    @blp.arguments(QuotesQuerySchema, location="query")
    @blp.response(200, ExplainedQuotesSchema)
    @conditional
    def get(self, query, article_id):
        """Quotes of an article with their speakers

        With `explain=true` each quote names the rules that found it and chose its speaker.
        """
        cached = _part_or_404(article_id, _part(PART_QUOTES, query))
        if not query.get("speaker"):
            return _cached_json(cached)
        document = json.loads(cached.body)
        document["quotes"] = [
            q for q in document["quotes"] if speaker_matches(q["speaker"], query["speaker"])
        ]
        return _json(encode_json(document))


@blp.route(f"{ARTICLE}/casualties")
class Casualties(MethodView):
    @blp.arguments(CasualtiesQuerySchema, location="query")
    @blp.response(200, ExplainedCasualtiesSchema)
    @conditional
    def get(self, query, article_id):
        """Casualty figures of an article (killed, injured, missing) and their totals

        Each figure says which incident it counts for (`incident`); with `explain=true`
        it also names the rules that read it and linked it there (`rules`).
        """
        return _cached_json(_part_or_404(article_id, _part(PART_CASUALTIES, query)))


@blp.route(f"{ARTICLE}/analysis")
class Analysis(MethodView):
    @blp.response(200, AnalysisSchema)
    @conditional
    def get(self, article_id):
        """Summary, entities, quotes and casualties of an article in one document"""
        return _cached_json(_part_or_404(article_id, PART_ANALYSIS))


@blp.route("/analyze")
class Analyze(MethodView):
    @blp.arguments(ArticleInSchema, content_type="application/json")
    @blp.doc(**RAW_ARTICLE_BODIES)
    @blp.response(200, AnalysisSchema)
    @blp.doc(**WRITE_SECURITY)
    def post(self, payload):
        """Analyse a text without storing it (cached by the text and its published_at)"""
        state = newsfacts.state
        prepared = prepare_article(payload, max_chars=state.settings.max_article_chars)
        return _json(adhoc_analysis(state, prepared))
