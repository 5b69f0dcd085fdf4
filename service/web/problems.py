"""Every error becomes an RFC 9457 application/problem+json response.

HTTPExceptions (Flask's own 404/405/413 included), webargs validation errors,
storage outages and anything unexpected all leave through `problem()`, so
clients never see an HTML page or a stack trace.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import redis
from flask import Flask, current_app, json
from werkzeug.exceptions import HTTPException, InternalServerError, MethodNotAllowed
from werkzeug.http import HTTP_STATUS_CODES

from service.ingest import ArticleRejected
from service.nlp.pipeline import ModelNotAvailable
from service.problem_documents import flatten_messages, problem_body
from service.storage import StorageUnavailable

PROBLEM_MIMETYPE = "application/problem+json"
log = logging.getLogger(__name__)


def problem(
    status: int,
    title: str,
    detail: str | None = None,
    *,
    errors: Mapping[str, list[str]] | None = None,
    headers: Mapping[str, str] | None = None,
    type_: str = "about:blank",
):
    """A problem+json response."""
    body = {**problem_body(status, title, detail, errors), "type": type_}
    response = current_app.response_class(
        json.dumps(body), status=status, mimetype=PROBLEM_MIMETYPE
    )
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _strip_locations(messages: Mapping) -> object:
    """Drop webargs' location level ("json", "query", ...) from its messages."""
    locations = {"json", "query", "querystring", "headers", "form", "files", "view_args", "body"}
    if messages and all(k in locations for k in messages):
        merged: dict = {}
        for value in messages.values():
            if isinstance(value, Mapping):
                merged.update(value)
            else:
                merged.setdefault("_schema", []).extend(value)
        return merged
    return messages


def http_exception_problem(error: HTTPException):
    """Render any HTTPException (abort, routing, webargs) as a problem."""
    status = error.code or 500
    headers: dict[str, str] = {}
    data = getattr(error, "data", None) or {}
    errors = None
    if "messages" in data:
        errors = flatten_messages(_strip_locations(data["messages"]))
    elif "errors" in data:
        errors = flatten_messages(data["errors"])
    headers.update(data.get("headers") or {})
    if status == 429 and "Retry-After" not in headers:
        headers["Retry-After"] = "60"
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        headers["Allow"] = ", ".join(sorted(error.valid_methods))
    detail = data.get("message") or error.description
    if status == 400 and errors and errors.get("_schema") == ["Invalid JSON body."]:
        detail = "The body is not valid JSON."  # webargs' message, not werkzeug's generic one
    if status == 422 and errors:
        detail = "The request is well-formed but some fields are invalid: " + ", ".join(
            sorted(errors)
        )
    if status >= 500:
        detail = "The server could not complete the request."
    return problem(status, error.name, detail, errors=errors, headers=headers)


def register_error_handlers(app: Flask) -> None:
    """Handlers for domain errors and the unexpected; HTTPExceptions go through the Api."""

    @app.errorhandler(StorageUnavailable)
    @app.errorhandler(redis.exceptions.ConnectionError)
    @app.errorhandler(redis.exceptions.TimeoutError)
    def storage_unavailable(error: Exception):
        # Storage wraps Redis failures; rq's calls (queueing jobs) raise redis-py's own.
        log.warning("redis unavailable: %s", error)
        retry_after = str(app.config["NEWSFACTS"].retry_after)
        return problem(
            503,
            "Service Unavailable",
            "The article store (Redis) is unavailable; retry shortly.",
            headers={"Retry-After": retry_after},
        )

    @app.errorhandler(ArticleRejected)
    def article_rejected(error: ArticleRejected):
        title = HTTP_STATUS_CODES.get(error.status, "Unprocessable Entity")
        return problem(error.status, title, str(error), errors={error.field: [str(error)]})

    @app.errorhandler(ModelNotAvailable)
    def model_unavailable(error: ModelNotAvailable):
        log.error("nlp model unavailable: %s", error)
        return problem(
            503,
            "Service Unavailable",
            "The NLP model is not available.",
            headers={"Retry-After": "60"},
        )

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        if isinstance(error, HTTPException):
            return http_exception_problem(error)
        log.exception("unhandled error")
        return http_exception_problem(InternalServerError())
