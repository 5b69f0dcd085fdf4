"""OpenAPI details shared by several operations."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from typing import TypeVar

F = TypeVar("F", bound=Callable)

BEARER_SCHEME = {"type": "http", "scheme": "bearer", "description": "One of the API_KEYS"}

# Writes need a key only when API_KEYS is set; documenting the scheme lets
# clients (and schemathesis) send it.
WRITE_SECURITY = {"security": [{"bearerAuth": []}], "responses": {401: "UNAUTHORIZED"}}
# ArticleIn may also come as the raw text or HTML itself (see blueprint.BodyParser).
RAW_ARTICLE_BODIES = {
    "requestBody": {
        "content": {
            # The body is the article itself; any text is a well-formed body.
            "text/plain": {
                "schema": {"description": "The article text (UTF-8)"},
                "example": "Flash floods killed at least 12 people on Tuesday.",
            },
            "text/html": {"schema": {"description": "An HTML page holding the article"}},
        }
    }
}


def conditional(view: F) -> F:
    """Document ETag / If-None-Match / 304 for a GET view.

    The app answers conditional GETs for every JSON response (see
    app._add_etag); this only marks the operation the way flask-smorest's
    own ETag feature does, so its doc hook adds the header, parameter and 304.
    """
    view._apidoc = deepcopy(getattr(view, "_apidoc", {}))
    view._apidoc["etag"] = True
    return view


NDJSON_BODY = {
    "requestBody": {
        "content": {
            "application/x-ndjson": {
                # Lines, not one JSON document: no JSON schema describes the body as a whole.
                "schema": {"description": "One ArticleIn JSON object per line"},
                "example": '{"text": "First article..."}\n{"text": "Second article..."}\n',
            }
        }
    }
}
