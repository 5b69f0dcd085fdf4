"""/v1/jobs/{job_id}: progress of background work."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort
from marshmallow import Schema, fields, validate

from ..extensions import newsfacts
from ..jobs import job_status
from .blueprint import Blueprint
from .common import ProblemSchema
from .docs import conditional

blp = Blueprint("jobs", __name__, url_prefix="/v1", description="Background jobs")


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
