"""/metrics: Prometheus text format."""

from __future__ import annotations

from flask import Response, current_app
from flask.views import MethodView
from prometheus_client import CONTENT_TYPE_LATEST

from service.api.blueprint import Blueprint
from service.web.request_metrics import exposition

blp = Blueprint("metrics", __name__, description="Operational metrics")


@blp.route("/metrics")
class Metrics(MethodView):
    @blp.response(
        200,
        content_type="text/plain",
        description="Request counts and latency by endpoint and status, cache hits and misses, "
        "analysis time, queue depth",
    )
    def get(self):
        """Metrics in Prometheus text format"""
        return Response(exposition(current_app), content_type=CONTENT_TYPE_LATEST)
