"""Unbound extensions, attached to an app in create_app (the init_app pattern)."""

from __future__ import annotations

import http
import logging

import flask
from flask import Flask
from flask_smorest import Api
from flask_smorest.utils import prepare_response
from werkzeug.exceptions import HTTPException

from service.config import Settings
from service.schemas.common_fields import ProblemSchema
from service.services import Services, build_services
from service.web.problems import PROBLEM_MIMETYPE, http_exception_problem

log = logging.getLogger(__name__)


RETRY_AFTER_HEADER = {
    "description": "Seconds to wait before retrying",
    "schema": {"type": "integer", "minimum": 1},
}


class ProblemApi(Api):
    """flask-smorest's Api with problem+json errors, documented as such."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error: HTTPException):
        return http_exception_problem(error)

    def _register_responses(self):
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
            if status in (429, 503):
                response["headers"] = {"Retry-After": RETRY_AFTER_HEADER}
            prepare_response(response, self.spec, PROBLEM_MIMETYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Default error response", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_MIMETYPE)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)


class Newsfacts:
    """The extension binding Redis stores and the NLP pipeline to an app."""

    def init_app(self, app: Flask, settings: Settings) -> None:
        app.extensions["newsfacts"] = build_services(settings)

    @property
    def state(self) -> Services:
        return flask.current_app.extensions["newsfacts"]


newsfacts = Newsfacts()
