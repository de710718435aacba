# Peel: `make run` to try it on SQLite, `make test` for the whole suite on PostgreSQL and Redis.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
PYTEST_WORKERS ?= 2

.PHONY: run test lint format worker beat install migrate demo check-deploy services security clean bench-small resilience load-check

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || \
	  { echo "Peel needs Python 3.11 (found $$($(PYTHON) --version 2>&1)). Set PYTHON=/path/to/python3.11."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) is needed for Bootstrap: apt-get install nodejs npm"; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(NODE_STAMP)

install: $(STAMP) $(NODE_STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo

run: demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

services:
	@scripts/services.sh

# The main suite in parallel, then the resilience drills alone: they start real processes,
# stop a Redis of their own and restart PostgreSQL (docs/OPERATIONS.md, "Drills").
test: install services
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup -m "not resilience" $(PYTEST_ARGS)
	$(MAKE) --no-print-directory resilience

RESILIENCE_PYTEST := DJANGO_SETTINGS_MODULE=config.settings.test LOG_LEVEL=WARNING $(BIN)/python -m pytest tests/resilience -p no:xdist -s -q

resilience: install services
	$(RESILIENCE_PYTEST) -m "resilience and not load"

# wrk against gunicorn on loopback: 60 s, 16 connections, three roles; prints p50/p95/p99.
load-check: install services
	@command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
	$(RESILIENCE_PYTEST) -m load

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: install
	$(BIN)/celery -A config worker -l info

beat: install
	$(BIN)/celery -A config beat -l info

check-deploy: install
	DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_ALLOWED_HOSTS=peel.example \
	  DJANGO_SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

# bandit fails on any high-severity finding; pip-audit lists known vulnerabilities (see
# docs/SECURITY.md for why it can only skip packages on a network without its database).
security: install
	$(BIN)/bandit -q -r core people config recruitment welfare adjustments performance programmes reports \
	  -x '*/migrations/*' --severity-level high
	$(BIN)/python scripts/audit_dependencies.py

# The benchmark at small scale (~1/100 of 1m): data into peel_bench_small, then gunicorn + wrk
# for a few seconds a page. It prints figures; docs/PERFORMANCE.md has the 1m-scale run.
BENCH_SECONDS ?= 2
bench-small: install services
	@command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
	$(BIN)/python -m bench.generate --scale small
	$(BIN)/python -m bench.run --scale small --seconds $(BENCH_SECONDS) --soak 2000

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3
