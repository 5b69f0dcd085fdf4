"""Schemas of articles: ArticleIn (read by the API, jobs and CLI), bodies, lists, batches."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from service.schemas.common_fields import Timestamp
from service.schemas.paging_schemas import PageQuerySchema, PageSchema

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
    published_at = Timestamp(
        allow_none=True, metadata={"description": "ISO 8601 date or date-time"}
    )
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
    return {
        "self": base,
        **{
            part: f"{base}/{part}"
            for part in ("summary", "entities", "quotes", "casualties", "analysis")
        },
    }


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


class ArticleListSchema(PageSchema):
    items = fields.List(fields.Nested(ArticleListItemSchema), required=True)


class ArticleListQuerySchema(PageQuerySchema):
    q = fields.String(
        validate=validate.Length(min=1, max=500),
        metadata={"description": "Words that must all appear in title or text (case-insensitive)"},
    )
    source = fields.String(validate=validate.Length(min=1, max=200))
    since = Timestamp(metadata={"description": "Published at or after"})
    until = Timestamp(metadata={"description": "Published at or before"})
    entity = fields.String(
        validate=validate.Length(min=1, max=200),
        metadata={"description": "Articles mentioning this entity (name or alias, any case)"},
    )
    speaker = fields.String(
        validate=validate.Length(min=1, max=200),
        metadata={"description": "Articles quoting this speaker (name or alias, any case)"},
    )


class BatchInSchema(Schema):
    """Many articles at once: `{"articles": [ArticleIn, ...]}`, or NDJSON, one per line."""

    ndjson_field = "articles"

    articles = fields.List(
        fields.Raw(),
        required=True,
        validate=validate.Length(min=1),
        metadata={"description": "ArticleIn objects; each is validated on its own"},
    )


class BatchAcceptedSchema(Schema):
    job_id = fields.String(required=True)
    status_url = fields.String(required=True)
    total = fields.Integer(required=True, metadata={"description": "Articles in the batch"})
    rejected = fields.Integer(
        required=True, metadata={"description": "Items that failed validation at once"}
    )
