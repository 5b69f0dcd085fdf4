"""Schemas of /health: the readiness report."""

from __future__ import annotations

from marshmallow import Schema, fields, validate


class HealthChecksSchema(Schema):
    redis = fields.String(required=True, metadata={"description": "ok, or why not"})
    model = fields.String(required=True, metadata={"description": "The loaded spaCy pipeline"})


class HealthSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(["ok", "degraded"]))
    checks = fields.Nested(HealthChecksSchema, required=True)
    version = fields.String(required=True, metadata={"description": "newsfacts version"})
    pipeline_version = fields.String(required=True)
