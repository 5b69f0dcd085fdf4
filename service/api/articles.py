"""/v1/articles: ingest, list, read and delete articles; /v1/analyze."""

from __future__ import annotations

from flask import url_for
from flask.views import MethodView
from flask_smorest import abort
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ..extensions import newsfacts
from ..ingest import EmptyArticle, ingest
from ..storage.articles import ArticleQuery
from .blueprint import Blueprint
from .common import PageQuerySchema, Timestamp
from .docs import RAW_ARTICLE_BODIES, WRITE_SECURITY, conditional

blp = Blueprint("articles", __name__, url_prefix="/v1", description="Articles: ingest, list, read, delete")

MAX_AUTHORS = 50


class ArticleInSchema(Schema):
    """An article to ingest: `text` or `html` (reduced to the article's text)."""

    # Raw bodies this schema accepts besides JSON (see extensions.BodyParser).
    raw_body_fields = {"text/plain": "text", "text/html": "html"}

    text = fields.String(metadata={"description": "The article body as plain text"})
    html = fields.String(metadata={"description": "An HTML page; reduced to the article's text"})
    title = fields.String(allow_none=True, validate=validate.Length(max=1000))
    url = fields.Url(allow_none=True, require_tld=False, validate=validate.Length(max=2048))
    source = fields.String(allow_none=True, validate=validate.Length(min=1, max=200))
    published_at = Timestamp(allow_none=True, metadata={"description": "ISO 8601 date or date-time"})
    authors = fields.List(
        fields.String(validate=validate.Length(min=1, max=200)),
        validate=validate.Length(max=MAX_AUTHORS),
    )
    language = fields.String(
        load_default="en",
        validate=validate.OneOf(["en"], error="Only English (en) articles are analysed."),
    )

    @validates_schema
    def _text_or_html(self, data, **kwargs):
        if data.get("text") is None and data.get("html") is None:
            raise ValidationError("Give the article as `text` or `html`.", "text")
        if data.get("text") is not None and not data["text"].strip():
            raise ValidationError("The text is empty.", "text")
        if data.get("text") is None and not data["html"].strip():
            raise ValidationError("The HTML is empty.", "html")


class StatsSchema(Schema):
    characters = fields.Integer(required=True)
    words = fields.Integer(required=True)
    sentences = fields.Integer(required=True)
    paragraphs = fields.Integer(required=True)


class LinksSchema(Schema):
    self = fields.String(required=True)
    summary = fields.String(required=True)
    entities = fields.String(required=True)
    quotes = fields.String(required=True)
    casualties = fields.String(required=True)
    analysis = fields.String(required=True)


def article_links(article: dict) -> dict:
    base = f"/v1/articles/{article['id']}"
    return {"self": base, **{part: f"{base}/{part}" for part in
                             ("summary", "entities", "quotes", "casualties", "analysis")}}


class ArticleListItemSchema(Schema):
    id = fields.String(required=True)
    title = fields.String(allow_none=True, required=True)
    url = fields.String(allow_none=True, required=True)
    source = fields.String(allow_none=True, required=True)
    authors = fields.List(fields.String(), required=True)
    published_at = Timestamp(allow_none=True, required=True)
    ingested_at = Timestamp(required=True)
    language = fields.String(required=True)
    stats = fields.Nested(StatsSchema, required=True)
    links = fields.Function(article_links, required=True)


class ArticleSchema(ArticleListItemSchema):
    text = fields.String(required=True)


class ArticleListSchema(Schema):
    items = fields.List(fields.Nested(ArticleListItemSchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class ArticleListQuerySchema(PageQuerySchema):
    q = fields.String(
        validate=validate.Length(min=1, max=500),
        metadata={"description": "Words that must all appear in title or text (case-insensitive)"},
    )
    source = fields.String(validate=validate.Length(min=1, max=200))
    since = Timestamp(metadata={"description": "Published at or after"})
    until = Timestamp(metadata={"description": "Published at or before"})


def _ingest_or_422(payload: dict) -> tuple[dict, bool]:
    state = newsfacts.state
    try:
        return ingest(payload, articles=state.articles, cache=state.cache, analyzer=state.analyzer)
    except EmptyArticle as exc:
        abort(422, message=str(exc), errors={exc.field: [str(exc)]})


@blp.route("/articles")
class Articles(MethodView):
    @blp.arguments(ArticleInSchema, content_type="application/json")
    @blp.doc(**RAW_ARTICLE_BODIES)
    @blp.response(201, ArticleSchema, description="Created")
    @blp.alt_response(200, schema=ArticleSchema, description="The text was already stored")
    @blp.doc(**WRITE_SECURITY)
    def post(self, payload):
        """Ingest and analyse one article"""
        article, created = _ingest_or_422(payload)
        text = newsfacts.state.articles.get_text(article["id"]) or ""
        location = url_for("articles.Article", article_id=article["id"])
        return {**article, "text": text}, (201 if created else 200), {"Location": location}

    @blp.arguments(ArticleListQuerySchema, location="query")
    @blp.response(200, ArticleListSchema)
    @conditional
    def get(self, query):
        """List articles, newest published first"""
        items, next_cursor = newsfacts.state.articles.list(ArticleQuery(**query))
        return {"items": items, "next_cursor": next_cursor.encode() if next_cursor else None}


@blp.route("/articles/<string(length=16):article_id>")
class Article(MethodView):
    @blp.response(200, ArticleSchema)
    @conditional
    def get(self, article_id):
        """Get one article with its text"""
        found = newsfacts.state.articles.get(article_id)
        if found is None:
            abort(404, message=f"No article with id {article_id}.")
        meta, text = found
        return {**meta, "text": text}

    @blp.response(204)
    @blp.doc(**WRITE_SECURITY)
    def delete(self, article_id):
        """Delete an article and everything derived from it"""
        state = newsfacts.state
        if not state.articles.delete(article_id, pipeline_versions=[state.analyzer.pipeline_version]):
            abort(404, message=f"No article with id {article_id}.")
        return None
