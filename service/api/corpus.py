"""/v1/entities, /v1/quotes, /v1/casualties: what the whole corpus says."""

from __future__ import annotations

from flask.views import MethodView
from marshmallow import Schema, fields, post_load, validate

from ..extensions import newsfacts
from .analysis_schemas import QuoteSchema, TotalsSchema
from .blueprint import Blueprint
from .common import PageQuerySchema, Timestamp
from .csv_export import columns, csv_or_json, csv_response_doc, totals_columns
from .docs import conditional

blp = Blueprint(
    "corpus",
    __name__,
    url_prefix="/v1",
    description="Corpus-wide entities, quotes and casualty figures across all articles",
)

TYPE_LIST = r"^\s*[A-Za-z_]+\s*(,\s*[A-Za-z_]+\s*)*$"


# -- responses -----------------------------------------------------------------


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


class CorpusEntityListSchema(Schema):
    items = fields.List(fields.Nested(CorpusEntitySchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class CorpusQuoteListSchema(Schema):
    items = fields.List(fields.Nested(CorpusQuoteSchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class CorpusCasualtiesListSchema(Schema):
    items = fields.List(fields.Nested(CorpusCasualtiesSchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


# -- queries -------------------------------------------------------------------


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


# -- CSV ---------------------------------------------------------------------------

ENTITY_COLUMNS = columns("name", "type", "article_count", "mentions", "aliases")
QUOTE_COLUMNS = [
    *columns("article_id", "published_at", "title", "source", "text", "kind"),
    *columns(
        speaker_name="speaker.name",
        speaker_type="speaker.type",
        speaker_description="speaker.description",
    ),
    *columns("cue", "start", "end"),
]
CASUALTY_COLUMNS = [*columns("article_id", "published_at", "title", "source"), *totals_columns()]

ENTITY_CSV_EXAMPLE = (
    "name,type,article_count,mentions,aliases\r\nIslamic State,ORG,3,9,ISIS; IS\r\n"
)
QUOTE_CSV_EXAMPLE = (
    "article_id,published_at,title,source,text,kind,speaker_name,speaker_type,"
    "speaker_description,cue,start,end\r\n"
    "3f9a1c0e5b7d2a64,2024-03-22T00:00:00Z,,The Wall Street Journal,"
    '"We will rebuild, together.",full,Maria Lopez,PERSON,Governor,said,120,146\r\n'
)
CASUALTY_CSV_EXAMPLE = (
    "article_id,published_at,title,source,killed,killed_qualifier,injured,injured_qualifier,"
    "missing,missing_qualifier\r\n"
    "3f9a1c0e5b7d2a64,2024-03-22T00:00:00Z,,The Wall Street Journal,60,at_least,145,more_than,,"
    "\r\n"
)


# -- views ---------------------------------------------------------------------


def _page(items: list[dict], next_cursor) -> dict:
    return {"items": items, "next_cursor": next_cursor.encode() if next_cursor else None}


@blp.route("/entities")
class Entities(MethodView):
    @blp.arguments(EntityListQuerySchema, location="query")
    @blp.response(200, CorpusEntityListSchema)
    @blp.alt_response(200, **csv_response_doc(ENTITY_CSV_EXAMPLE))
    @conditional
    def get(self, query):
        """Entities across all articles, the most covered first"""
        page = _page(*newsfacts.state.corpus.list_entities(**query))
        return csv_or_json(page, CorpusEntityListSchema(), ENTITY_COLUMNS)


@blp.route("/quotes")
class Quotes(MethodView):
    @blp.arguments(QuoteListQuerySchema, location="query")
    @blp.response(200, CorpusQuoteListSchema)
    @blp.alt_response(200, **csv_response_doc(QUOTE_CSV_EXAMPLE))
    @conditional
    def get(self, query):
        """Quotes across all articles, the newest first"""
        page = _page(*newsfacts.state.corpus.list_quotes(**query))
        return csv_or_json(page, CorpusQuoteListSchema(), QUOTE_COLUMNS)


@blp.route("/casualties")
class Casualties(MethodView):
    @blp.arguments(CasualtiesListQuerySchema, location="query")
    @blp.response(200, CorpusCasualtiesListSchema)
    @blp.alt_response(200, **csv_response_doc(CASUALTY_CSV_EXAMPLE))
    @conditional
    def get(self, query):
        """Casualty totals of every article that reports any, the newest first"""
        page = _page(*newsfacts.state.corpus.list_casualties(**query))
        return csv_or_json(page, CorpusCasualtiesListSchema(), CASUALTY_COLUMNS)
