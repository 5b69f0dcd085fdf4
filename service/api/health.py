"""/health: is the service ready, and which pipeline does it run."""

from __future__ import annotations

from flask.views import MethodView
from marshmallow import Schema, fields, validate

from ..extensions import newsfacts
from ..health import check_health
from .blueprint import Blueprint

blp = Blueprint("health", __name__, description="Readiness of the service")


class HealthChecksSchema(Schema):
    redis = fields.String(required=True, metadata={"description": "ok, or why not"})
    model = fields.String(required=True, metadata={"description": "The loaded spaCy pipeline"})


class HealthSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(["ok", "degraded"]))
    checks = fields.Nested(HealthChecksSchema, required=True)
    version = fields.String(required=True, metadata={"description": "newsfacts version"})
    pipeline_version = fields.String(required=True)


@blp.route("/health")
class Health(MethodView):
    @blp.response(200, HealthSchema, description="Ready")
    @blp.alt_response(503, schema=HealthSchema, description="Not ready (e.g. Redis unavailable)")
    def get(self):
        """Readiness: Redis reachable and the NLP model loaded"""
        report = check_health(newsfacts.state)
        return report, (200 if report["status"] == "ok" else 503)
