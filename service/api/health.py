"""/health: is the service ready, and which pipeline does it run."""

from __future__ import annotations

from flask.views import MethodView

from service.api.blueprint import Blueprint
from service.readiness import check_health
from service.schemas.health_schemas import HealthSchema
from service.web.extensions import newsfacts

blp = Blueprint("health", __name__, description="Readiness of the service")


@blp.route("/health")
class Health(MethodView):
    @blp.response(200, HealthSchema, description="Ready")
    @blp.alt_response(503, schema=HealthSchema, description="Not ready (e.g. Redis unavailable)")
    def get(self):
        """Readiness: Redis reachable and the NLP model loaded"""
        report = check_health(newsfacts.state)
        return report, (200 if report["status"] == "ok" else 503)
