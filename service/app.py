"""The application factory."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping

import swagger_ui_bundle
from flask import Flask, Response, request, send_from_directory

from service.api import analysis, articles, corpus, dashboard, events, health, jobs, prometheus
from service.api.csv_export import CSV_MIMETYPE
from service.api.docs import BEARER_SCHEME
from service.cli import newsfacts_cli
from service.config import Settings
from service.ingest import ingest
from service.readiness import service_version
from service.schemas.article_schemas import ArticleInSchema
from service.schemas.common_fields import Timestamp
from service.seeds import load_seeds
from service.storage import StorageUnavailable
from service.web import auth, cors, logs, ratelimit, request_metrics
from service.web.extensions import ProblemApi, newsfacts
from service.web.problems import register_error_handlers
from service.web.security_headers import SecurityHeaders

log = logging.getLogger("service")

DOCS_STATIC = "/docs/static/"
SEED_RETRY_SECONDS = 5.0
_API_DESCRIPTION = (
    "newsfacts turns news articles into facts: summaries, named entities, "
    "quotes with their speakers, and casualty figures."
)


_BUILD_LOCK = threading.Lock()


def create_app(config: Settings | Mapping[str, object] | None = None) -> Flask:
    """Build the app: settings, Redis stores, NLP model, API, errors, seeds."""
    settings = _settings(config)
    logs.configure_logging(settings.log_level, settings.log_format)
    # werkzeug compiles URL rules with the ast module, which CPython 3.11 cannot do from two
    # threads at once ("AST constructor recursion depth mismatch"): apps built in threads
    # take turns here; their seeds still load side by side.
    with _BUILD_LOCK:
        app = _build(settings)
    if settings.load_seeds:
        _load_seeds_or_defer(app)
    return app


def _build(settings: Settings) -> Flask:
    """The app with its stores, API, error handlers and hooks (no seeds yet)."""
    app = Flask(__name__)
    app.config.update(
        NEWSFACTS=settings,
        MAX_CONTENT_LENGTH=settings.max_content_length,
        API_TITLE="newsfacts",
        API_VERSION=service_version(),
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="/docs",
        OPENAPI_SWAGGER_UI_URL=DOCS_STATIC,
        API_SPEC_OPTIONS={"info": {"description": _API_DESCRIPTION}},
    )
    newsfacts.init_app(app, settings)
    api = ProblemApi()
    api.init_app(app)
    api.spec.components.security_scheme("bearerAuth", BEARER_SCHEME)
    api.register_field(Timestamp, "string", "date-time")
    for module in (health, articles, analysis, jobs, corpus, events, prometheus, dashboard):
        api.register_blueprint(module.blp)
    register_error_handlers(app)
    # Request ids and logs first, so a refused request (401) carries its id too.
    logs.init_app(app)
    counts = app.extensions["newsfacts"].rate_counts
    auth.init_app(app, ratelimit.auth_failure_limiter(settings, counts))
    request_metrics.init_app(app)
    ratelimit.init_app(app, settings, counts)
    cors.init_app(app, settings)
    app.cli.add_command(newsfacts_cli)
    app.add_url_rule(f"{DOCS_STATIC}<path:filename>", "docs_static", _docs_static)
    app.after_request(_add_etag)
    app.wsgi_app = SecurityHeaders(app.wsgi_app)
    if not settings.api_keys:
        log.warning("API_KEYS is not set: writes are open to anyone who can reach the service")
    return app


def _settings(config: Settings | Mapping[str, object] | None) -> Settings:
    if isinstance(config, Settings):
        return config
    return Settings.from_env().replace(**dict(config or {}))


def _docs_static(filename: str):
    return send_from_directory(swagger_ui_bundle.swagger_ui_path, filename)


_TAGGED_MIMETYPES = frozenset({"application/json", CSV_MIMETYPE})


def _add_etag(response: Response) -> Response:
    """Strong ETags on successful JSON and CSV reads, and 304 for a matching If-None-Match."""
    if (
        response.status_code == 200
        and request.method in ("GET", "HEAD")
        and response.mimetype in _TAGGED_MIMETYPES
        and not response.direct_passthrough
    ):
        response.add_etag()
        environ = request.environ
        # werkzeug's make_conditional also re-checks ranges and dates: only worth it
        # when the client asks a conditional question.
        if "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ:
            response.make_conditional(request)
    return response


def _load_seeds_or_defer(app: Flask) -> None:
    """Load seeds now; if Redis is down, retry before each request until it works."""
    state = app.extensions["newsfacts"]

    def ingest_seed(payload: dict) -> tuple[dict, bool]:
        loaded = ArticleInSchema().load(payload)
        return ingest(loaded, state)

    def attempt() -> bool:
        try:
            load_seeds(state.settings.seeds_dir, ingest_seed)
        except StorageUnavailable as exc:
            log.warning("seeds not loaded yet, Redis unavailable: %s", exc)
            return False
        return True

    if attempt():
        return
    # Seeds wait for Redis; retrying at most every few seconds keeps an outage
    # from adding a connection timeout to every request.
    pending = {"seeds": True, "last_try": time.monotonic()}

    def retry_seeds() -> None:
        if not pending["seeds"] or time.monotonic() - pending["last_try"] < SEED_RETRY_SECONDS:
            return
        pending["last_try"] = time.monotonic()
        if attempt():
            pending["seeds"] = False

    app.before_request(retry_seeds)
