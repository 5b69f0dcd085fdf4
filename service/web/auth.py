"""Bearer API keys for writes, compared in constant time."""

from __future__ import annotations

import hmac

from flask import Flask, current_app, request
from flask_smorest import abort

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def key_is_valid(presented: str, keys: tuple[str, ...]) -> bool:
    """True if `presented` equals one of `keys`; every key is compared, so timing leaks nothing."""
    given = presented.encode()
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(given, key.encode())
    return matched


def require_key_for_writes() -> None:
    if request.method not in WRITE_METHODS:
        return
    keys = current_app.config["NEWSFACTS"].api_keys
    if not keys:
        return
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or not key_is_valid(token.strip(), keys):
        abort(
            401,
            message="A valid API key is required: send `Authorization: Bearer <key>`.",
            headers={"WWW-Authenticate": 'Bearer realm="newsfacts"'},
        )


def init_app(app: Flask) -> None:
    app.before_request(require_key_for_writes)
