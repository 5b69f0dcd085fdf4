"""Background work on rq: submitting jobs (`submit`), the jobs themselves (`tasks`),
and the worker process that runs them (`worker`, `python -m service.jobs.worker`)."""
