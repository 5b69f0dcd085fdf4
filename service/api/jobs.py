"""/v1/jobs/{job_id}: progress of background work."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from service.api.blueprint import Blueprint
from service.api.docs import conditional
from service.jobs.submit import job_status
from service.schemas.job_schemas import JobSchema
from service.web.extensions import newsfacts

blp = Blueprint("jobs", __name__, url_prefix="/v1", description="Background jobs")


@blp.route("/jobs/<string(maxlength=64):job_id>")
class JobStatus(MethodView):
    @blp.response(200, JobSchema)
    @conditional
    def get(self, job_id):
        """Progress of a background job"""
        status = job_status(newsfacts.state, job_id)
        if status is None:
            abort(404, message=f"No job with id {job_id}.")
        return status
