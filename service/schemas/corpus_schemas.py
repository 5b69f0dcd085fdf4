"""Schemas of the corpus-wide lists: entities, quotes and casualty reports."""

from __future__ import annotations

from marshmallow import Schema, fields, post_load, validate

from service.schemas.analysis_schemas import QuoteSchema, TotalsSchema
from service.schemas.common_fields import Timestamp
from service.schemas.paging_schemas import PageQuerySchema, PageSchema

TYPE_LIST = r"^\s*[A-Za-z_]+\s*(,\s*[A-Za-z_]+\s*)*$"


class CorpusEntitySchema(Schema):
    name = fields.String(required=True, metadata={"description": "The fullest name articles use"})
    type = fields.String(required=True, metadata={"description": "OntoNotes label"})
    article_count = fields.Integer(required=True, metadata={"description": "Articles naming it"})
    mentions = fields.Integer(required=True, metadata={"description": "Mentions in all articles"})
    aliases = fields.List(fields.String(), required=True)


class ArticleRefSchema(Schema):
    article_id = fields.String(required=True)
    published_at = Timestamp(allow_none=True, required=True)
    title = fields.String(allow_none=True, required=True)
    source = fields.String(allow_none=True, required=True)


class CorpusQuoteSchema(QuoteSchema, ArticleRefSchema):
    """A quote as its article gives it, with the article it is from."""


class CorpusCasualtiesSchema(ArticleRefSchema):
    totals = fields.Nested(TotalsSchema, required=True)


class CorpusEntityListSchema(PageSchema):
    items = fields.List(fields.Nested(CorpusEntitySchema), required=True)


class CorpusQuoteListSchema(PageSchema):
    items = fields.List(fields.Nested(CorpusQuoteSchema), required=True)


class CorpusCasualtiesListSchema(PageSchema):
    items = fields.List(fields.Nested(CorpusCasualtiesSchema), required=True)


class EntityListQuerySchema(PageQuerySchema):
    type = fields.String(
        validate=validate.Regexp(TYPE_LIST, error="Give types as a comma list, e.g. PERSON,ORG."),
        metadata={"description": "Comma list of types, e.g. PERSON,ORG"},
    )
    q = fields.String(
        validate=validate.Length(min=1, max=200),
        metadata={"description": "Words that must all appear in the entity's name or an alias"},
    )

    @post_load
    def _split_types(self, data, **kwargs):
        data["type"] = [t.strip().upper() for t in data.get("type", "").split(",") if t.strip()]
        return data


class DateRangeQuerySchema(PageQuerySchema):
    since = Timestamp(metadata={"description": "Published at or after"})
    until = Timestamp(metadata={"description": "Published at or before"})


class QuoteListQuerySchema(DateRangeQuerySchema):
    speaker = fields.String(
        validate=validate.Length(min=1, max=200),
        metadata={"description": "The speaker's full name or an alias (surname), any case"},
    )
    q = fields.String(
        validate=validate.Length(min=1, max=500),
        metadata={"description": "Words that must all appear in the quote (case-insensitive)"},
    )


class CasualtiesListQuerySchema(DateRangeQuerySchema):
    q = fields.String(
        validate=validate.Length(min=1, max=500),
        metadata={"description": "Words that must all appear in the article's title or text"},
    )
    min_killed = fields.Integer(
        validate=validate.Range(min=0),
        metadata={"description": "Only reports of at least this many killed (lower bound)"},
    )
