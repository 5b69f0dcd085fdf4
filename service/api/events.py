"""/v1/events: incidents grouped across the articles that report them."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort
from marshmallow import Schema, fields, validate

from ..extensions import newsfacts
from .analysis_schemas import QUALIFIERS
from .blueprint import Blueprint
from .common import PageQuerySchema, Timestamp
from .csv_export import columns, csv_or_json, csv_response_doc, totals_columns
from .docs import conditional

blp = Blueprint(
    "events",
    __name__,
    url_prefix="/v1",
    description="Events: one incident across the articles reporting it, its toll over time",
)


# -- responses -----------------------------------------------------------------


class ReportedTotalSchema(Schema):
    value = fields.Integer(required=True)
    qualifier = fields.String(required=True, validate=validate.OneOf(QUALIFIERS))


class EventTotalSchema(ReportedTotalSchema):
    article_id = fields.String(required=True, metadata={"description": "The report stating it"})
    source = fields.String(allow_none=True, required=True)


class EventTotalsSchema(Schema):
    killed = fields.Nested(EventTotalSchema, allow_none=True, required=True)
    injured = fields.Nested(EventTotalSchema, allow_none=True, required=True)
    missing = fields.Nested(EventTotalSchema, allow_none=True, required=True)


class ReportedTotalsSchema(Schema):
    killed = fields.Nested(ReportedTotalSchema, allow_none=True, required=True)
    injured = fields.Nested(ReportedTotalSchema, allow_none=True, required=True)
    missing = fields.Nested(ReportedTotalSchema, allow_none=True, required=True)


class TimelineEntrySchema(Schema):
    article_id = fields.String(required=True)
    published_at = Timestamp(
        required=True, metadata={"description": "Publication time (ingestion time when unknown)"}
    )
    source = fields.String(allow_none=True, required=True)
    totals = fields.Nested(ReportedTotalsSchema, required=True)


class EventSchema(Schema):
    id = fields.String(required=True)
    label = fields.String(
        required=True, metadata={"description": "Kind, facility or place, and first report's date"}
    )
    kind = fields.String(
        required=True, metadata={"description": "attack, fire, flood, earthquake, crash, storm, …"}
    )
    place = fields.String(allow_none=True, required=True)
    first_reported = Timestamp(required=True)
    last_reported = Timestamp(required=True)
    article_count = fields.Integer(required=True)
    totals = fields.Nested(
        EventTotalsSchema,
        required=True,
        metadata={
            "description": "Per category, the figure of the latest report stating one "
            "(non-historical), with that report's article and source"
        },
    )


class EventDetailSchema(EventSchema):
    article_ids = fields.List(fields.String(), required=True)
    timeline = fields.List(
        fields.Nested(TimelineEntrySchema),
        required=True,
        metadata={"description": "Each report's totals, in publication order"},
    )


class EventListSchema(Schema):
    items = fields.List(fields.Nested(EventSchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class EventListQuerySchema(PageQuerySchema):
    since = Timestamp(metadata={"description": "Last reported at or after"})
    until = Timestamp(metadata={"description": "Last reported at or before"})
    q = fields.String(
        validate=validate.Length(min=1, max=500),
        metadata={"description": "Words that must all appear in the event's kind or places"},
    )
    min_killed = fields.Integer(
        validate=validate.Range(min=0),
        metadata={"description": "Only events whose latest killed figure is at least this"},
    )


EVENT_COLUMNS = [
    *columns("id", "label", "kind", "place", "first_reported", "last_reported", "article_count"),
    *totals_columns(),
]
EVENT_CSV_EXAMPLE = (
    "id,label,kind,place,first_reported,last_reported,article_count,"
    "killed,killed_qualifier,injured,injured_qualifier,missing,missing_qualifier\r\n"
    '5d0c6c1f2a9e4b71,"Crocus City Hall attack, Krasnogorsk, 2024-03-22",attack,Krasnogorsk,'
    "2024-03-22T00:00:00Z,2024-03-27T00:00:00Z,4,143,exact,200,exact,,\r\n"
)


# -- views ---------------------------------------------------------------------


@blp.route("/events")
class Events(MethodView):
    @blp.arguments(EventListQuerySchema, location="query")
    @blp.response(200, EventListSchema)
    @blp.alt_response(200, **csv_response_doc(EVENT_CSV_EXAMPLE))
    @conditional
    def get(self, query):
        """Events grouped across articles, the most recently reported first"""
        items, next_cursor = newsfacts.state.events.list_events(**query)
        page = {"items": items, "next_cursor": next_cursor.encode() if next_cursor else None}
        return csv_or_json(page, EventListSchema(), EVENT_COLUMNS)


@blp.route("/events/<string(length=16):event_id>")
class Event(MethodView):
    @blp.response(200, EventDetailSchema)
    @conditional
    def get(self, event_id):
        """Get one event with its reports and its toll over time"""
        event = newsfacts.state.events.get_event(event_id)
        if event is None:
            abort(404, message=f"No event with id {event_id}.")
        return event
