"""Schemas of /v1/events: events, their totals and timelines, and the list query."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from service.nlp.incidents import KINDS
from service.schemas.analysis_schemas import QUALIFIERS
from service.schemas.common_fields import Timestamp
from service.schemas.paging_schemas import PageQuerySchema, PageSchema


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
        required=True,
        allow_none=True,
        metadata={"description": "Publication time; null when the article gave none"},
    )
    incident_date = fields.Date(
        required=True,
        allow_none=True,
        metadata={"description": "The day the report says the incident happened, if it says"},
    )
    source = fields.String(allow_none=True, required=True)
    totals = fields.Nested(ReportedTotalsSchema, required=True)


class EventSchema(Schema):
    id = fields.String(required=True)
    label = fields.String(
        required=True,
        metadata={"description": "Kind, facility and place, and the incident's day when known"},
    )
    kind = fields.String(
        required=True,
        metadata={"description": "The kind most reports give: " + ", ".join(KINDS)},
    )
    place = fields.String(allow_none=True, required=True)
    incident_date = fields.Date(
        required=True,
        allow_none=True,
        metadata={"description": "The earliest day its reports give for the incident"},
    )
    first_reported = Timestamp(
        required=True,
        allow_none=True,
        metadata={"description": "Publication time of the first dated report (null: none dated)"},
    )
    last_reported = Timestamp(
        required=True,
        allow_none=True,
        metadata={"description": "Publication time of the latest report (null: undated)"},
    )
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
        metadata={
            "description": "Each report's totals, in publication order; an undated report "
            "at its incident day, or after the dated ones when it gives none"
        },
    )


class EventListSchema(PageSchema):
    items = fields.List(fields.Nested(EventSchema), required=True)


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
