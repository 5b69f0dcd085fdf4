"""Security headers on every response, added as the response starts.

A WSGI middleware rather than an after_request hook: the headers are constant, so
they are appended to the header list as it goes out, without werkzeug's per-header
validation (which cost more than the rest of a cached read's bookkeeping).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

_COMMON = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
)
# The dashboard and the docs UI are pages with their own scripts and styles; every
# other response is data that must never be rendered as a page.
HTML_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
)
DATA_POLICY = "default-src 'none'; frame-ancestors 'none'"
_FOR_HTML = [*_COMMON, ("Content-Security-Policy", HTML_POLICY)]
_FOR_DATA = [*_COMMON, ("Content-Security-Policy", DATA_POLICY)]


def _is_html(headers: list[tuple[str, str]]) -> bool:
    for name, value in headers:
        if name.lower() == "content-type":
            return value.startswith("text/html")
    return False


class SecurityHeaders:
    """Wraps a WSGI app; adds X-Content-Type-Options, X-Frame-Options, Referrer-Policy, CSP."""

    def __init__(self, app: Callable) -> None:
        self.app = app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        def start(status: str, headers: list[tuple[str, str]], exc_info=None):
            headers.extend(_FOR_HTML if _is_html(headers) else _FOR_DATA)
            return start_response(status, headers, exc_info)

        return self.app(environ, start)
