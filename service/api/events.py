"""/v1/events: incidents grouped across the articles that report them."""

from __future__ import annotations

from flask import redirect, url_for
from flask.views import MethodView
from flask_smorest import abort

from service.api.blueprint import Blueprint
from service.api.csv_export import columns, csv_or_json, csv_response_doc, totals_columns
from service.api.docs import conditional
from service.schemas.event_schemas import (
    EventDetailSchema,
    EventListQuerySchema,
    EventListSchema,
)
from service.schemas.paging_schemas import page_body
from service.web.extensions import newsfacts

blp = Blueprint(
    "events",
    __name__,
    url_prefix="/v1",
    description="Events: one incident across the articles reporting it, its toll over time",
)


# -- responses -----------------------------------------------------------------


EVENT_COLUMNS = [
    *columns(
        "id",
        "label",
        "kind",
        "place",
        "incident_date",
        "first_reported",
        "last_reported",
        "article_count",
    ),
    *totals_columns(),
]
EVENT_CSV_EXAMPLE = (
    "id,label,kind,place,incident_date,first_reported,last_reported,article_count,"
    "killed,killed_qualifier,injured,injured_qualifier,missing,missing_qualifier\r\n"
    '5d0c6c1f2a9e4b71,"Crocus City Hall attack, Krasnogorsk, 2024-03-22",attack,Krasnogorsk,'
    "2024-03-22,2024-03-22T00:00:00Z,2024-03-27T00:00:00Z,4,143,exact,200,exact,,\r\n"
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
        page = page_body(items, next_cursor)
        return csv_or_json(page, EventListSchema(), EVENT_COLUMNS)


@blp.route("/events/<string(length=16):event_id>")
class Event(MethodView):
    @blp.response(200, EventDetailSchema)
    @blp.alt_response(
        307,
        description="The event was merged into another (or renamed by regrouping): "
        "`Location` gives the id that now holds its reports",
        success=True,
    )
    @conditional
    def get(self, event_id):
        """Get one event with its reports and its toll over time"""
        events = newsfacts.state.events
        event = events.get_event(event_id)
        if event is None:
            current = events.current_id(event_id)
            if current is not None:
                return redirect(url_for("events.Event", event_id=current), code=307)
            abort(404, message=f"No event with id {event_id}.")
        return event
