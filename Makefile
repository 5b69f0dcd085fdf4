# newsfacts: `make run` serves, `make test` tests. Both install into .venv first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000

.PHONY: install run test test-fast lint lock openapi worker bench loadtest eval clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	PORT=$(PORT) $(PY) -m service.dev.launcher

worker: install
	$(PY) -m service.jobs.worker

test: install lint
	$(PY) -m pytest -q

test-fast: install
	$(PY) -m pytest -q -m "not slow"

LINTED := service tests scripts bench gunicorn.conf.py

lint: install
	$(PY) -m ruff check $(LINTED)
	$(PY) -m ruff format --check $(LINTED)
	$(PY) -m mypy

# The pins come from one source, pyproject.toml: the runtime tree for the image
# (requirements.lock) and the whole tree with the test extra for make (constraints.txt).
# Existing pins are kept unless pyproject.toml asks for another version.
PIP_COMPILE := $(PY) -m piptools compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links
lock: install
	$(PIP_COMPILE) -o requirements.lock pyproject.toml
	$(PIP_COMPILE) --extra test -o constraints.txt pyproject.toml

openapi: install
	LOAD_SEEDS=false $(VENV)/bin/flask --app service.wsgi openapi write --format=yaml openapi.yaml

# The team's annotated data, when it sits beside the clone: score.py's metrics in-process,
# one line per file, on exactly the bodies the service serves.
SHARED_DATA ?= ../shared/data
eval: install
	@for file in $(wildcard $(SHARED_DATA)/*.jsonl $(SHARED_DATA)/*.json); do \
	  printf '%s: ' "$$(basename $$file)"; $(PY) scripts/evaluate_offline.py "$$file" | tail -1; done
	@echo "rules on all files (right = the item is in the gold, wrong = it is not):"
	@$(PY) scripts/evaluate_offline.py --rules \
	  $(wildcard $(SHARED_DATA)/*.jsonl $(SHARED_DATA)/*.json) | grep '^rule'
	@echo "events (every cluster one event, nothing else in it, in three orders of ingestion):"
	@$(PY) scripts/event_groups.py --orders 3 --cluster-word crocus \
	  $(wildcard $(SHARED_DATA)/*.jsonl $(SHARED_DATA)/*.json) | tail -1

bench: install
	bash .ci/apt-deps wrk wrk "the cached-read benchmarks cannot run"
	$(PY) -m bench.corpus
	$(PY) -m bench.serving

loadtest: install
	$(PY) -m bench.loadtest --clients 64 --seconds 30

clean:
	rm -rf $(VENV) .data .pytest_cache
