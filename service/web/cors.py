"""Cross-origin reads and writes for browser dashboards on other origins (CORS_ORIGINS)."""

from __future__ import annotations

from flask import Flask
from flask_cors import CORS

from service.config import Settings

# What a browser client may read from a response beyond the CORS-safelisted headers.
# Link and X-Next-Cursor carry the next page of a CSV export.
EXPOSED_HEADERS = ["ETag", "X-Request-ID", "Retry-After", "Location", "Link", "X-Next-Cursor"]
ALLOWED_HEADERS = ["Authorization", "Content-Type", "If-None-Match", "X-Request-ID"]
PREFLIGHT_MAX_AGE = 600


def init_app(app: Flask, settings: Settings) -> None:
    """Answer CORS for the API and its OpenAPI document, only for the configured origins.

    Off (no headers at all) unless CORS_ORIGINS is set; "*" allows any origin. No
    cookies are involved (keys travel in Authorization), so credentials stay off.
    """
    if not settings.cors_origins:
        return
    origins = "*" if "*" in settings.cors_origins else list(settings.cors_origins)
    CORS(
        app,
        resources={r"/v1/*": {}, r"/openapi.json": {}},
        origins=origins,
        expose_headers=EXPOSED_HEADERS,
        allow_headers=ALLOWED_HEADERS,
        methods=["GET", "HEAD", "POST", "DELETE", "OPTIONS"],
        max_age=PREFLIGHT_MAX_AGE,
        supports_credentials=False,
    )
