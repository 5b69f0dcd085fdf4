"""Fields and schemas shared by several resources: timestamps, problems, the analysis envelope."""

from __future__ import annotations

from marshmallow import Schema, fields

from service.timestamps import format_utc, parse_client


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
            value = parse_client(value)
        return format_utc(value)

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str):
            raise self.make_error("invalid")
        try:
            return parse_client(value)
        except (ValueError, OverflowError) as exc:
            raise self.make_error("invalid") from exc
