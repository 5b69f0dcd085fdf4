"""`make worker`: an rq worker for newsfacts jobs, with the model loaded before it forks."""

from __future__ import annotations

import argparse
import logging
import sys

from rq import Worker

from service.jobs.tasks import worker_services


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run a newsfacts background worker.")
    parser.add_argument("--burst", action="store_true", help="exit when the queue is empty")
    args = parser.parse_args(argv)
    services = worker_services()
    logging.basicConfig(
        level=services.settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    worker = Worker([services.queue], connection=services.redis)
    # The scheduler runs delayed retries (rq Retry intervals).
    worker.work(burst=args.burst, with_scheduler=True, logging_level=services.settings.log_level)
    return 0


if __name__ == "__main__":
    sys.exit(main())
