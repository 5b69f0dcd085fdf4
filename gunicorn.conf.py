"""gunicorn settings for newsfacts (the container's CMD and `make run` use this file)."""

import os
import tempfile

from service.config import server_env

_env = server_env()

# Each worker is a process: Prometheus metrics are shared through files in one
# folder, which must exist before the app (and prometheus_client) is loaded.
if not _env["metrics_dir"]:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="newsfacts-metrics-")

bind = f"{_env['bind_host']}:{_env['port']}"
workers = _env["web_concurrency"]
# Threads, not a process per connection: an idle or slow client waits in the worker's
# poller (or holds one of many threads while its body trickles in) instead of holding a
# whole sync worker, so a few of them cannot take the service down. The NLP is
# CPU-bound and serialised by the GIL anyway; cached reads gain the concurrency.
worker_class = "gthread"
threads = _env["web_threads"]
# Load the app (and so the spaCy model) once in the master: workers share its
# memory copy-on-write instead of loading ~100 MB each.
preload_app = True
timeout = _env["timeout"]
graceful_timeout = _env["graceful_timeout"]
keepalive = 5
accesslog = "-"
errorlog = "-"
# JSON access lines, with the request id the app echoes in X-Request-ID.
access_log_format = (
    '{"remote": "%(h)s", "request": "%(r)s", "status": %(s)s, "bytes": "%(b)s", '
    '"duration_s": %(L)s, "request_id": "%({x-request-id}o)s", "agent": "%(a)s"}'
)
# Requests bigger than this never reach Flask's MAX_CONTENT_LENGTH check.
limit_request_line = 8190


def pre_fork(server, worker):
    """Move everything loaded so far (the model, the app) out of the garbage collector's
    reach, so collections in the workers do not touch, and so copy, those shared pages."""
    import gc

    gc.freeze()


def child_exit(server, worker):
    """Fold a dead worker's live gauges out of the shared metrics."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
