"""`make run`: gunicorn on PORT, with an embedded Redis when REDIS_URL is unset."""

from __future__ import annotations

import signal
import subprocess
import sys

from service.config import PROJECT_ROOT, child_environment, server_env
from service.dev.embedded_redis import EmbeddedRedis


def main() -> int:
    settings = server_env()
    env = child_environment()
    embedded = None
    if not settings["redis_url"]:
        embedded = EmbeddedRedis(settings["data_dir"]).start()
        env["REDIS_URL"] = embedded.url
        print(
            f"newsfacts: embedded Redis at {embedded.url}, data in {embedded.data_dir}", flush=True
        )
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "-c",
        str(PROJECT_ROOT / "gunicorn.conf.py"),
        "service.wsgi:app",
    ]
    server = subprocess.Popen(command, env=env, cwd=PROJECT_ROOT)
    children = [server]
    if embedded:
        # With its own Redis, `make run` is the whole system: batches need a worker.
        children.append(
            subprocess.Popen(
                [sys.executable, "-m", "service.jobs.worker"], env=env, cwd=PROJECT_ROOT
            )
        )

    def forward(signum, _frame):
        for child in children:
            child.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    try:
        return server.wait()
    finally:
        for child in children[1:]:
            child.terminate()
            child.wait(timeout=30)
        if embedded:
            embedded.stop()


if __name__ == "__main__":
    sys.exit(main())
