"""Bearer API keys for writes, compared in constant time; failed attempts are counted
per address (AUTH_FAILURE_LIMIT), so keys cannot be guessed at request speed."""

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
    failures = current_app.extensions.get("auth_failures")
    address = "addr:" + (request.remote_addr or "unknown")
    if failures is not None:
        # An address that has failed too often is not even checked until its window ends.
        _refuse_if_over(failures.over(address, "POST"))
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or not key_is_valid(token.strip(), keys):
        if failures is not None:
            _refuse_if_over(failures.hit(address, "POST"))
        abort(
            401,
            message="A valid API key is required: send `Authorization: Bearer <key>`.",
            headers={"WWW-Authenticate": 'Bearer realm="newsfacts"'},
        )


def _refuse_if_over(rejection) -> None:
    if rejection is not None:
        abort(
            429,
            message=f"Too many failed authentications from this address: "
            f"{rejection.rule.rate.text}.",
            headers={"Retry-After": str(rejection.retry_after)},
        )


def init_app(app: Flask, failures=None) -> None:
    """Writes need a key; `failures` (a ratelimit.Limiter) counts failed attempts per address."""
    if failures is not None:
        app.extensions["auth_failures"] = failures
    app.before_request(require_key_for_writes)
