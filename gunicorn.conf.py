"""gunicorn settings for newsfacts (the container's CMD and `make run` use this file)."""

from service.config import server_env

_env = server_env()

bind = f"{_env['bind_host']}:{_env['port']}"
workers = _env["web_concurrency"]
# Load the app (and so the spaCy model) once in the master: workers share its
# memory copy-on-write instead of loading ~100 MB each.
preload_app = True
timeout = _env["timeout"]
graceful_timeout = _env["graceful_timeout"]
keepalive = 5
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(L)ss "%(a)s"'
# Requests bigger than this never reach Flask's MAX_CONTENT_LENGTH check.
limit_request_line = 8190
