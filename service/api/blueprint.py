"""The Blueprint every resource uses: flask-smorest's, with our body parser."""

from __future__ import annotations

import json

import flask_smorest
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

JSON_MIMETYPES = {"application/json", "application/problem+json"}
DEEP_JSON = "The JSON body is nested too deeply."
NDJSON_MIMETYPES = {"application/x-ndjson", "application/jsonl", "application/jsonlines"}


def _ndjson_lines(body: bytes) -> list:
    """One JSON value per non-blank line; 400 naming the first line that is not JSON."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest("The request body is not valid UTF-8.") from exc
    values = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            values.append(json.loads(line))
        except RecursionError as exc:
            raise BadRequest(DEEP_JSON) from exc
        except ValueError as exc:
            raise BadRequest(f"Line {number} of the NDJSON body is not valid JSON.") from exc
    return values


class BodyParser(FlaskParser):
    """JSON bodies, plus the raw text/plain and text/html bodies some schemas accept.

    A schema opts in by naming fields in `raw_body_fields`, a mapping from
    mimetype to field ("text/plain" -> "text"). Any other non-JSON body is
    a 415, not webargs' default "missing data" 422.
    """

    def load_json(self, req, schema):
        mimetype = req.mimetype
        ndjson_field = getattr(schema, "ndjson_field", None)
        if ndjson_field and mimetype in NDJSON_MIMETYPES:
            return {ndjson_field: _ndjson_lines(req.get_data(cache=True))}
        raw_fields = getattr(schema, "raw_body_fields", {})
        if mimetype in raw_fields:
            try:
                body = req.get_data(cache=True).decode("utf-8")
            except UnicodeDecodeError as exc:
                raise BadRequest("The request body is not valid UTF-8.") from exc
            return {raw_fields[mimetype]: body}
        if mimetype not in JSON_MIMETYPES and not mimetype.endswith("+json"):
            accepted = ", ".join(["application/json", *raw_fields])
            if not req.get_data(cache=True) and not mimetype:
                raise UnsupportedMediaType(f"Send a request body of type {accepted}.")
            raise UnsupportedMediaType(
                f"Content-Type {mimetype or '(none)'} is not supported here; use {accepted}."
            )
        try:
            return super().load_json(req, schema)
        except RecursionError as exc:
            raise BadRequest(DEEP_JSON) from exc


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest's Blueprint with our body parser.

    Operations under /v1 are rate limited and need Redis, so their documentation
    also lists 429 and 503 (problem+json with Retry-After); the probes and the
    dashboard are neither.
    """

    ARGUMENTS_PARSER = BodyParser()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._prepare_doc_cbks.append(self._document_limits_and_outages)

    def _document_limits_and_outages(self, doc, doc_info, **_context):
        if (self.url_prefix or "").startswith("/v1"):
            responses = doc.setdefault("responses", {})
            responses.setdefault(429, "TOO_MANY_REQUESTS")
            responses.setdefault(503, "SERVICE_UNAVAILABLE")
        return doc
