"""/dashboard: an HTML page for people, built only on the public JSON API.

The page is static: index.html, dashboard.js and dashboard.css in
service/static/dashboard/, plus the vendored Chart.js in
service/static/vendor/. Flask's own static route serves those at /static/;
the page then reads /v1/... with fetch(), exactly as any other client would.
"""

from __future__ import annotations

from pathlib import Path

from flask import send_from_directory
from flask.views import MethodView

from service.api.blueprint import Blueprint

PAGE_DIR = Path(__file__).resolve().parents[1] / "static" / "dashboard"

PAGE_DESCRIPTION = (
    "The dashboard page: events and their casualty figures over time, the most mentioned "
    "entities, the most quoted speakers and recent articles. It loads its script and styles "
    "from /static/ and its data from the JSON API; nothing from other hosts."
)

blp = Blueprint("dashboard", __name__, description="A dashboard for people, in the browser")


@blp.route("/dashboard")
class Dashboard(MethodView):
    # flask-smorest documents a content type only with a schema: describe the page here.
    @blp.doc(
        responses={
            "200": {
                "description": PAGE_DESCRIPTION,
                "content": {"text/html": {"schema": {"type": "string"}}},
            }
        }
    )
    def get(self):
        """A dashboard of events, casualty figures, entities, speakers and articles (HTML)"""
        # max_age=0: always revalidated (Last-Modified/ETag), so a deploy shows at once.
        return send_from_directory(PAGE_DIR, "index.html", max_age=0)
