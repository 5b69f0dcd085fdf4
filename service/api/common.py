"""Schemas and fields shared by several resources."""

from __future__ import annotations

import datetime as dt

from marshmallow import Schema, ValidationError, fields, validate

from ..storage.paging import Cursor


class ProblemSchema(Schema):
    """RFC 9457 problem details."""

    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String()
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        metadata={"description": "Validation messages by field"},
    )


class AnalysisEnvelopeSchema(Schema):
    article_id = fields.String(required=True)
    pipeline_version = fields.String(required=True)


class Timestamp(fields.Field):
    """ISO 8601 timestamps in and out; a bare date or a zone-less time means UTC."""

    default_error_messages = {"invalid": "Not a valid ISO 8601 date or date-time."}

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        if isinstance(value, str):
            value = parse_timestamp(value)
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str):
            raise self.make_error("invalid")
        try:
            return parse_timestamp(value)
        except (ValueError, OverflowError) as exc:
            raise self.make_error("invalid") from exc


def parse_timestamp(value: str) -> dt.datetime:
    """Parse an ISO date or date-time to an aware UTC datetime; ValueError otherwise."""
    text = value.strip()
    if len(text) > 40:
        raise ValueError("too long")
    if len(text) == 10:
        day = dt.date.fromisoformat(text)
        if not 1900 <= day.year <= 2999:
            raise ValueError("year out of range")
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    parsed = dt.datetime.fromisoformat(text.replace("z", "Z"))
    if not 1900 <= parsed.year <= 2999:
        raise ValueError("year out of range")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


class CursorField(fields.String):
    """The opaque `cursor` of paginated lists."""

    def _deserialize(self, value, attr, data, **kwargs):
        token = super()._deserialize(value, attr, data, **kwargs)
        try:
            return Cursor.decode(token)
        except ValueError as exc:
            raise ValidationError(
                "Not a valid cursor; use next_cursor from the previous page."
            ) from exc


class PageQuerySchema(Schema):
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100))
    cursor = CursorField(metadata={"description": "next_cursor of the previous page"})
