"""The ArticleIn request schema (shared by the API, background jobs and the CLI)."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from .common import Timestamp

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
