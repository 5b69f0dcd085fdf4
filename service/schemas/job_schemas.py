"""Schemas of /v1/jobs: a background job's progress and its per-item errors."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from service.schemas.common_fields import ProblemSchema


class JobErrorSchema(Schema):
    index = fields.Integer(required=True, metadata={"description": "Position in the batch"})
    problem = fields.Nested(ProblemSchema, required=True)


class JobSchema(Schema):
    id = fields.String(required=True)
    kind = fields.String(required=True, metadata={"description": "batch or reanalyze"})
    status = fields.String(
        required=True, validate=validate.OneOf(["queued", "started", "finished", "failed"])
    )
    total = fields.Integer(required=True)
    done = fields.Integer(required=True, metadata={"description": "Items stored"})
    failed = fields.Integer(required=True)
    article_ids = fields.List(fields.String(), required=True)
    errors = fields.List(fields.Nested(JobErrorSchema), required=True)
