# One entry point per job. Every target installs what it needs, so a fresh clone works.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test test-web lint sync system-run system-test bench bench-core bench-platform clean

## run: install, migrate, load the demo province and serve http://127.0.0.1:$(PORT) (SQLite)
## with the task queue (reminders, mail); `make run PORT=8080` for another port
PORT ?= 8000
# the address the demo's mails link to
run: export GONGKAI_SITE_URL ?= http://127.0.0.1:$(PORT)
run: system-run sync
	$(VENV)/bin/gongkai web migrate --noinput
	$(VENV)/bin/gongkai demo
	$(VENV)/bin/gongkai web serve 127.0.0.1:$(PORT)

## test: install, then ruff + mypy + the whole test suite (DATABASE_URL picks the database)
test: system-test sync lint
	$(VENV)/bin/pytest -n 2

## test-web: only the platform tests (CI runs them a second time on PostgreSQL)
test-web: system-test sync
	$(VENV)/bin/pytest -n 2 tests/web

LINTED := $(wildcard src tests bench)

lint: sync
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check $(LINTED)
	$(VENV)/bin/mypy

sync: $(VENV)/.synced

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --all-extras  # the optional Dask extra is tested too
	touch $@

system-run:
	@scripts/system-deps.sh run

system-test:
	@scripts/system-deps.sh test

## bench: every speed and accuracy target (bench-core needs nothing; bench-platform needs PostgreSQL)
bench: bench-core bench-platform

bench-core: sync
	$(VENV)/bin/python bench/extract_accuracy.py
	$(VENV)/bin/python bench/extract_throughput.py
	$(VENV)/bin/python bench/clock_due_dates.py
	$(VENV)/bin/python bench/fuzz_extract.py
	$(VENV)/bin/python bench/review_precision.py

# Seeds its own databases (gongkai_bench, gongkai_bench_annual, gongkai_bench_api) on the local PostgreSQL once.
bench-platform: sync
	$(VENV)/bin/python bench/cases_list.py
	$(VENV)/bin/python bench/annual_rollup.py
	$(VENV)/bin/python bench/api_lists.py

clean:
	rm -rf .tools $(VENV) .pytest_cache .mypy_cache .ruff_cache
