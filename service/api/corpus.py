"""/v1/entities, /v1/quotes, /v1/casualties: what the whole corpus says."""

from __future__ import annotations

from flask.views import MethodView

from service.api.blueprint import Blueprint
from service.api.csv_export import columns, csv_or_json, csv_response_doc, totals_columns
from service.api.docs import conditional
from service.schemas.corpus_schemas import (
    CasualtiesListQuerySchema,
    CorpusCasualtiesListSchema,
    CorpusEntityListSchema,
    CorpusQuoteListSchema,
    EntityListQuerySchema,
    QuoteListQuerySchema,
)
from service.schemas.paging_schemas import page_body
from service.web.extensions import newsfacts

blp = Blueprint(
    "corpus",
    __name__,
    url_prefix="/v1",
    description="Corpus-wide entities, quotes and casualty figures across all articles",
)


# -- responses -----------------------------------------------------------------


# -- queries -------------------------------------------------------------------


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


@blp.route("/entities")
class Entities(MethodView):
    @blp.arguments(EntityListQuerySchema, location="query")
    @blp.response(200, CorpusEntityListSchema)
    @blp.alt_response(200, **csv_response_doc(ENTITY_CSV_EXAMPLE))
    @conditional
    def get(self, query):
        """Entities across all articles, the most covered first"""
        page = page_body(*newsfacts.state.corpus.list_entities(**query))
        return csv_or_json(page, CorpusEntityListSchema(), ENTITY_COLUMNS)


@blp.route("/quotes")
class Quotes(MethodView):
    @blp.arguments(QuoteListQuerySchema, location="query")
    @blp.response(200, CorpusQuoteListSchema)
    @blp.alt_response(200, **csv_response_doc(QUOTE_CSV_EXAMPLE))
    @conditional
    def get(self, query):
        """Quotes across all articles, the newest first"""
        page = page_body(*newsfacts.state.corpus.list_quotes(**query))
        return csv_or_json(page, CorpusQuoteListSchema(), QUOTE_COLUMNS)


@blp.route("/casualties")
class Casualties(MethodView):
    @blp.arguments(CasualtiesListQuerySchema, location="query")
    @blp.response(200, CorpusCasualtiesListSchema)
    @blp.alt_response(200, **csv_response_doc(CASUALTY_CSV_EXAMPLE))
    @conditional
    def get(self, query):
        """Casualty totals of every article that reports any, the newest first"""
        page = page_body(*newsfacts.state.corpus.list_casualties(**query))
        return csv_or_json(page, CorpusCasualtiesListSchema(), CASUALTY_COLUMNS)
